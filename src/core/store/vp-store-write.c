/* vp-store-write.c: the store's writes: whole programmes and single edits, each in one
 * transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vp-cxc-rules.h"
#include "vp-privacy.h"
#include "vp-store-columns.h"
#include "vp-record.h"
#include "vp-store-private.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-values.h"

/* Statements {{{1 */

/* Taken from the store's cache for the whole write. */
typedef struct
{
  VpStoreQuery insert_host;
  VpStoreQuery insert_organisation;
  VpStoreQuery insert_participant;
  VpStoreQuery insert_leg;
  VpStoreQuery insert_stay;
  VpStoreQuery insert_evidence;
  VpStoreQuery insert_session;
  VpStoreQuery update_session;
  VpStoreQuery insert_attendance;
  VpStoreQuery delete_attendances;
} Statements;

static const VpColumnTable *
column_table (VpColumnTableId id)
{
  return vp_column_table_get (id);
}

/* Binds @value to the parameter @name of @stmt. */
static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  sqlite3_bind_int64 (stmt, vp_column_parameter (stmt, name), value);
}

/* Binds a row id to the parameter @name, or NULL for 0 (none). */
static void
bind_named_id (sqlite3_stmt *stmt,
               const char   *name,
               gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, vp_column_parameter (stmt, name), id);
  else
    sqlite3_bind_null (stmt, vp_column_parameter (stmt, name));
}

/* What one write (an import, an edit, an undo) carries from row to row. */
typedef struct
{
  VpStore    *store;
  gint64      programme_id;
  gint64      now;
  /* an undo puts rows back under their old ids, where those are free */
  gboolean    keep_ids;
  /* an undo keeps each session's, leg's and stay's time of its last change */
  gboolean    keep_modified;
  /* the programme as it was before this write (NULL for a new one): its
   * participants' legs and stays are matched to the written ones */
  VpSnapshot *previous;
  GHashTable *host_ids;        /* ref → row id */
  GHashTable *organisation_ids;  /* ref → row id */
  GHashTable *organisation_keys; /* name key → row id */
  GHashTable *participant_ids; /* ref → row id */
  /* the maps hold what this write made; the programme's other rows are
   * looked up one by one when named (see load_ref_maps()) */
  gboolean    lookup_refs;
  /* a save of one session, which touches no other row: attendance rows
   * that would be written again as they are stay */
  gboolean    attendances_stay;
  Statements  statements;
} Write;

static void
write_clear (Write *write)
{
  Statements *statements = &write->statements;

  vp_store_query_clear (&statements->insert_host);
  vp_store_query_clear (&statements->insert_organisation);
  vp_store_query_clear (&statements->insert_participant);
  vp_store_query_clear (&statements->insert_leg);
  vp_store_query_clear (&statements->insert_stay);
  vp_store_query_clear (&statements->insert_evidence);
  vp_store_query_clear (&statements->insert_session);
  vp_store_query_clear (&statements->update_session);
  vp_store_query_clear (&statements->insert_attendance);
  vp_store_query_clear (&statements->delete_attendances);
  g_clear_pointer (&write->host_ids, g_hash_table_unref);
  g_clear_pointer (&write->organisation_ids, g_hash_table_unref);
  g_clear_pointer (&write->organisation_keys, g_hash_table_unref);
  g_clear_pointer (&write->participant_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Write, write_clear)

static gboolean
write_init (Write       *write,
            VpStore     *store,
            gint64       programme_id,
            GError     **error)
{
  Statements *statements = &write->statements;

  write->store = store;
  write->programme_id = programme_id;
  write->now = g_get_real_time () / G_USEC_PER_SEC;
  write->host_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  write->organisation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  write->organisation_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  write->participant_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The inserts and updates of the column tables (vp-store-columns.c): an
   * insert's :id is NULL to let SQLite choose. */
  const struct
  {
    VpStoreQuery *query;
    const char   *sql;
  } prepared[] = {
    { &statements->insert_host, column_table (VP_COLUMN_TABLE_HOSTS)->insert },
    { &statements->insert_organisation, column_table (VP_COLUMN_TABLE_ORGANISATIONS)->insert },
    { &statements->insert_participant, column_table (VP_COLUMN_TABLE_PARTICIPANTS)->insert },
    { &statements->insert_leg, column_table (VP_COLUMN_TABLE_TRAVEL_LEGS)->insert },
    { &statements->insert_stay, column_table (VP_COLUMN_TABLE_STAYS)->insert },
    { &statements->insert_evidence, column_table (VP_COLUMN_TABLE_EVIDENCE)->insert },
    { &statements->insert_session, column_table (VP_COLUMN_TABLE_SESSIONS)->insert },
    { &statements->update_session, column_table (VP_COLUMN_TABLE_SESSIONS)->update },
    { &statements->insert_attendance,
      "INSERT INTO attendances (session_id, participant_id, position) VALUES (?,?,?)" },
    { &statements->delete_attendances,
      "DELETE FROM attendances WHERE session_id = ?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prepared); i++)
    {
      if (vp_store_query (store, prepared[i].query, prepared[i].sql, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Runs a one-off statement with one row id bound to ?1 and, optionally, a
 * second to ?2. */
static gboolean
run_with_ids (VpStore     *self,
              const char  *sql,
              gint64       first,
              gint64       second,
              GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);
  return vp_store_step_done (self, stmt, error);
}

/* A single integer from a query with one row id bound to ?1, or @fallback. */
static gint64
query_integer (VpStore    *self,
               const char *sql,
               gint64      parameter,
               gint64      fallback)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, sql, NULL);

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, parameter);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (stmt, 0);
  return fallback;
}

/* Binds the :id of an insert into @table: @id when the write keeps ids
 * and no row of the table has it; else NULL, for a new id. */
static void
bind_row_id (Write               *write,
             sqlite3_stmt        *stmt,
             const VpColumnTable *table,
             gint64               id)
{
  g_autofree char *sql = NULL;

  if (!write->keep_ids || id <= 0)
    {
      bind_named_id (stmt, ":id", 0);
      return;
    }

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table->name);
  bind_named_id (stmt, ":id", query_integer (write->store, sql, id, 1) == 0 ? id : 0);
}

/* A write of one row (a session, a participant, an organisation) names a
 * few others by ref: it looks each up when it is named (ref_id()) rather
 * than reading the refs of the whole programme, thousands of them. */
static gboolean
load_ref_maps (Write   *write,
               GError **error)
{
  write->lookup_refs = TRUE;
  return TRUE;
}

/* The row id that @key names in @map (one of the write's maps): what this
 * write made, else, once load_ref_maps() said so, the programme's row of
 * that ref (or name key), read alone and remembered; 0 for none. */
static gint64
ref_id (Write      *write,
        GHashTable *map,
        const char *key)
{
  g_auto(VpStoreQuery) query = { NULL, };
  g_autoptr(GError) error = NULL;
  gpointer found;
  const char *sql;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (key == NULL)
    return 0;
  if (g_hash_table_lookup_extended (map, key, NULL, &found) || !write->lookup_refs)
    return KEY_TO_ID (g_hash_table_lookup (map, key));

  sql = map == write->host_ids ? "SELECT id FROM hosts WHERE programme_id = ?1 AND ref = ?2"
    : map == write->participant_ids
    ? "SELECT id FROM participants WHERE programme_id = ?1 AND ref = ?2"
    : map == write->organisation_ids
    ? "SELECT id FROM organisations WHERE programme_id = ?1 AND ref = ?2"
    : "SELECT id FROM organisations WHERE programme_id = ?1 AND name_key = ?2";
  stmt = vp_store_query (write->store, &query, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot look up “%s”: %s", key, error->message);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, write->programme_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (write->store, &error);
      g_warning ("Cannot look up “%s”: %s", key, error->message);
      return 0;
    }

  /* a ref that names nothing is remembered too */
  g_hash_table_insert (map, g_strdup (key), ID_TO_KEY (id));
  return id;
}

/* Rows {{{1 */

/* Inserts @programme (as a new row, or under @wanted_id when that is free)
 * or updates row @existing_id; returns the row id, or 0. */
static gint64
write_programme_row (VpStore      *self,
                     VpProgramme  *programme,
                     gint64        existing_id,
                     gint64        wanted_id,
                     gint64        now,
                     GError      **error)
{
  const VpColumnTable *programmes = column_table (VP_COLUMN_TABLE_PROGRAMMES);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  stmt = vp_store_query (self, &query, existing_id == 0 ? programmes->insert : programmes->update,
                         error);
  if (stmt == NULL)
    return 0;

  vp_column_table_bind (programmes, stmt, programme);
  bind_named_int64 (stmt, ":modified_at", now);
  if (existing_id != 0)
    bind_named_int64 (stmt, ":id", existing_id);
  else
    {
      bind_named_int64 (stmt, ":created_at", now);
      bind_named_id (stmt, ":id",
                     wanted_id > 0 && query_integer (self, "SELECT count(*) FROM programmes "
                                                     "WHERE id = ?", wanted_id, 1) == 0
                       ? wanted_id
                       : 0);
    }

  if (!vp_store_step_done (self, stmt, error))
    return 0;

  return existing_id != 0 ? existing_id : sqlite3_last_insert_rowid (self->db);
}

static gint64
insert_host (Write    *write,
             VpHost   *host,
             int       position,
             GError  **error)
{
  sqlite3_stmt *stmt = write->statements.insert_host.stmt;
  gint64 id;

  vp_column_table_bind (column_table (VP_COLUMN_TABLE_HOSTS), stmt, host);
  bind_named_int64 (stmt, ":programme_id", write->programme_id);
  bind_named_int64 (stmt, ":position", position);
  bind_row_id (write, stmt, column_table (VP_COLUMN_TABLE_HOSTS), vp_host_get_id (host));

  if (!vp_store_step_done (write->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (write->store->db);
  g_hash_table_insert (write->host_ids, g_strdup (vp_host_get_ref (host)), ID_TO_KEY (id));
  return id;
}

/* Inserts the closing kit of @organisation, the row @organisation_id,
 * whose rows are gone. */
static gboolean
insert_evidence (Write           *write,
                 gint64           organisation_id,
                 VpOrganisation  *organisation,
                 GError         **error)
{
  GPtrArray *evidence = vp_organisation_get_evidence (organisation);
  sqlite3_stmt *stmt = write->statements.insert_evidence.stmt;

  for (guint i = 0; i < evidence->len; i++)
    {
      vp_column_table_bind (column_table (VP_COLUMN_TABLE_EVIDENCE), stmt,
                            g_ptr_array_index (evidence, i));
      bind_named_int64 (stmt, ":organisation_id", organisation_id);
      bind_named_int64 (stmt, ":position", i);
      if (!vp_store_step_done (write->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts @organisation, whose name the caller has checked, with its
 * closing kit. */
static gint64
insert_organisation (Write           *write,
                     VpOrganisation  *organisation,
                     int              position,
                     GError         **error)
{
  const VpColumnTable *table = column_table (VP_COLUMN_TABLE_ORGANISATIONS);
  sqlite3_stmt *stmt = write->statements.insert_organisation.stmt;
  g_autofree char *key = vp_organisation_name_key (vp_organisation_get_name (organisation));
  gint64 id;

  vp_column_table_bind (table, stmt, organisation);
  bind_named_int64 (stmt, ":programme_id", write->programme_id);
  bind_named_int64 (stmt, ":position", position);
  sqlite3_bind_text (stmt, vp_column_parameter (stmt, ":name_key"), key ? key : "", -1,
                     SQLITE_TRANSIENT);
  bind_row_id (write, stmt, table, vp_organisation_get_id (organisation));

  if (!vp_store_step_done (write->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (write->store->db);
  if (!insert_evidence (write, id, organisation, error))
    return 0;
  g_hash_table_insert (write->organisation_ids, g_strdup (vp_organisation_get_ref (organisation)),
                       ID_TO_KEY (id));
  if (key != NULL && KEY_TO_ID (g_hash_table_lookup (write->organisation_keys, key)) == 0)
    g_hash_table_insert (write->organisation_keys, g_steal_pointer (&key), ID_TO_KEY (id));
  return id;
}

static gint64 next_position (VpStore    *self,
                             const char *table,
                             gint64      programme_id);
static char  *new_ref       (VpStore    *self,
                             const char *table,
                             const char *prefix,
                             gint64      programme_id);

/* The row id of the organisation @participant belongs to (see
 * vp_store_save_participant()): by its organisation ref, else by the key
 * of its organisation text, made when the programme has none of that
 * name; 0 for none, -1 on an error. */
static gint64
organisation_id_for (Write          *write,
                     VpParticipant  *participant,
                     GError        **error)
{
  const char *ref = vp_participant_get_organisation_ref (participant);
  const char *name = vp_participant_get_organisation (participant);
  g_autofree char *key = NULL;
  g_autoptr(VpOrganisation) organisation = NULL;
  g_autofree char *new_organisation_ref = NULL;
  g_autofree char *uid = NULL;
  gint64 id;

  key = vp_organisation_name_key (name);
  if (ref != NULL)
    {
      id = ref_id (write, write->organisation_ids, ref);
      /* the ref says which; a name only finds or makes one without it */
      if (id != 0)
        return id;
      if (id == 0 && key == NULL)
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("%s: the organisation “%s” is not one of the programme's"),
                       vp_participant_get_name (participant), ref);
          return -1;
        }
    }

  if (key == NULL)
    return 0;
  id = ref_id (write, write->organisation_keys, key);
  if (id != 0)
    return id;

  organisation = vp_organisation_new ();
  new_organisation_ref = new_ref (write->store, "organisations", "organisation",
                                  write->programme_id);
  uid = g_uuid_string_random ();
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name));

    vp_organisation_set_name (organisation, trimmed);
  }
  vp_organisation_set_ref (organisation, new_organisation_ref);
  vp_organisation_set_uid (organisation, uid);
  vp_organisation_set_country (organisation, vp_participant_get_country (participant));
  vp_organisation_set_kind (organisation,
                            vp_organisation_kind_for_role (vp_participant_get_role (participant)));

  id = insert_organisation (write, organisation,
                            (int)next_position (write->store, "organisations",
                                                write->programme_id),
                            error);
  return id != 0 ? id : -1;
}

/* Travel legs and stays {{{1 */

/* The key a leg or stay without a uid is matched by: a leg's reference,
 * origin and destination; a stay's hotel and check-in day. */
static char *
leg_key (gconstpointer item)
{
  const VpTravelLeg *leg = item;

  return g_strdup_printf ("%c%s\x1f%c%s\x1f%c%s", leg->reference ? '+' : '-',
                          leg->reference ? leg->reference : "", leg->from ? '+' : '-',
                          leg->from ? leg->from : "", leg->to ? '+' : '-', leg->to ? leg->to : "");
}

static char *
stay_key (gconstpointer item)
{
  const VpStay *stay = item;

  return g_strdup_printf ("%c%s\x1f%s", stay->name ? '+' : '-', stay->name ? stay->name : "",
                          stay->check_in ? stay->check_in : "");
}

typedef char *(*ItemKeyFunc) (gconstpointer item);

/* For each of @items (legs or stays to write), the one of @stored (the
 * same participant's, as stored) it is, or NULL for a new one: first by
 * uid; then, for an item without a uid, the first stored one not yet taken
 * with the same key.  Never by place in the list alone.  Returns an array
 * parallel to @items. */
static GPtrArray *
match_items (GPtrArray   *items,
             GPtrArray   *stored,
             gsize        uid_offset,
             ItemKeyFunc  key_func)
{
  GPtrArray *matches = g_ptr_array_new ();
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

#define ITEM_UID(item) (*(char **)G_STRUCT_MEMBER_P ((item), uid_offset))

  g_ptr_array_set_size (matches, (int)items->len);
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    if (ITEM_UID (g_ptr_array_index (stored, i)) != NULL)
      g_hash_table_insert (by_uid, ITEM_UID (g_ptr_array_index (stored, i)),
                           g_ptr_array_index (stored, i));

  for (guint i = 0; i < items->len; i++)
    {
      const char *uid = ITEM_UID (g_ptr_array_index (items, i));
      gpointer found = uid != NULL ? g_hash_table_lookup (by_uid, uid) : NULL;

      if (found != NULL && g_hash_table_add (taken, found))
        g_ptr_array_index (matches, i) = found;
    }

  for (guint i = 0; stored != NULL && i < items->len; i++)
    {
      g_autofree char *key = NULL;

      if (ITEM_UID (g_ptr_array_index (items, i)) != NULL)
        continue;

      key = key_func (g_ptr_array_index (items, i));
      for (guint j = 0; j < stored->len; j++)
        {
          gpointer candidate = g_ptr_array_index (stored, j);
          g_autofree char *candidate_key = NULL;

          if (g_hash_table_contains (taken, candidate))
            continue;
          candidate_key = key_func (candidate);
          if (g_str_equal (key, candidate_key))
            {
              g_hash_table_add (taken, candidate);
              g_ptr_array_index (matches, i) = candidate;
              break;
            }
        }
    }

#undef ITEM_UID

  return matches;
}

/* Gives @uid, @revision and @modified_at (of a leg or a stay being
 * written) their values: the stored item's identity when there is one
 * (@stored), its revision raised when @changed; else a new item's, with a
 * fresh uid unless it brings one not yet used (@used: the uids the
 * participant's items have so far). */
static void
settle_identity (Write       *write,
                 char       **uid,
                 int         *revision,
                 gint64      *modified_at,
                 const char  *stored_uid,
                 int          stored_revision,
                 gint64       stored_modified_at,
                 gboolean     matched,
                 gboolean     changed,
                 GHashTable  *used)
{
  if (matched)
    {
      /* the stored item may be the very one being written (a caller that
       * put the stored participant in the new snapshot as it was) */
      char *kept = g_strdup (stored_uid);

      g_free (*uid);
      *uid = kept;
      if (changed)
        {
          *revision = MAX (stored_revision + 1, *revision);
          *modified_at = write->now;
        }
      else
        {
          *revision = stored_revision;
          *modified_at = stored_modified_at;
        }
    }
  else
    {
      if (*uid == NULL || g_hash_table_contains (used, *uid))
        {
          g_free (*uid);
          *uid = g_uuid_string_random ();
        }
      if (!write->keep_modified || *modified_at <= 0)
        *modified_at = write->now;
    }

  g_hash_table_add (used, g_strdup (*uid));
}

/* What a travel leg and a stay both begin with: their calendar identity. */
typedef struct
{
  char   *uid;
  int     revision;
  gint64  modified_at;
} ItemIdentity;

G_STATIC_ASSERT (G_STRUCT_OFFSET (VpTravelLeg, uid) == G_STRUCT_OFFSET (ItemIdentity, uid));
G_STATIC_ASSERT (G_STRUCT_OFFSET (VpTravelLeg, revision) ==
                 G_STRUCT_OFFSET (ItemIdentity, revision));
G_STATIC_ASSERT (G_STRUCT_OFFSET (VpTravelLeg, modified_at) ==
                 G_STRUCT_OFFSET (ItemIdentity, modified_at));
G_STATIC_ASSERT (G_STRUCT_OFFSET (VpStay, uid) == G_STRUCT_OFFSET (ItemIdentity, uid));
G_STATIC_ASSERT (G_STRUCT_OFFSET (VpStay, revision) == G_STRUCT_OFFSET (ItemIdentity, revision));
G_STATIC_ASSERT (G_STRUCT_OFFSET (VpStay, modified_at) ==
                 G_STRUCT_OFFSET (ItemIdentity, modified_at));

typedef gboolean (*ItemDiffersFunc) (gconstpointer a,
                                     gconstpointer b);

/* Inserts @items (a participant's travel legs or stays, rows of the table
 * @table_id) with @stmt, each with its identity settled against the
 * stored item @matches has for it. */
static gboolean
insert_items (Write            *write,
              gint64            participant_id,
              GPtrArray        *items,
              GPtrArray        *matches,
              VpColumnTableId   table_id,
              sqlite3_stmt     *stmt,
              ItemDiffersFunc   differs,
              GHashTable       *used,
              GError          **error)
{
  for (guint j = 0; j < items->len; j++)
    {
      ItemIdentity *item = g_ptr_array_index (items, j);
      ItemIdentity *stored = g_ptr_array_index (matches, j);

      settle_identity (write, &item->uid, &item->revision, &item->modified_at,
                       stored ? stored->uid : NULL, stored ? stored->revision : 0,
                       stored ? stored->modified_at : 0, stored != NULL,
                       stored != NULL && differs (stored, item), used);

      vp_column_table_bind (column_table (table_id), stmt, item);
      bind_named_int64 (stmt, ":participant_id", participant_id);
      bind_named_int64 (stmt, ":position", j);
      if (!vp_store_step_done (write->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The participant's travel legs and stays, after their row.  @before is the
 * same participant as stored before this write (or NULL): a leg or stay
 * that was there keeps its uid, and its revision rises if it changed.  One
 * that was taken out of their calendar and comes back (the same key) gets
 * its uid back, so that their calendar shows it again instead of a
 * cancelled event and a new one. */
static gboolean
insert_travel (Write          *write,
               gint64          participant_id,
               VpParticipant  *participant,
               VpParticipant  *before,
               GError        **error)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stored_legs = g_ptr_array_new ();
  g_autoptr(GPtrArray) stored_stays = g_ptr_array_new ();
  g_autoptr(GPtrArray) leg_matches = NULL;
  g_autoptr(GPtrArray) stay_matches = NULL;

  if (before != NULL)
    {
      g_ptr_array_extend (stored_legs, vp_participant_get_travel (before), NULL, NULL);
      g_ptr_array_extend (stored_stays, vp_participant_get_accommodation (before), NULL, NULL);
    }
  if (write->previous != NULL && !write->keep_ids)
    {
      GPtrArray *withdrawals = vp_snapshot_get_withdrawals (write->previous);
      const char *ref = vp_participant_get_ref (before != NULL ? before : participant);

      for (guint j = 0; j < withdrawals->len; j++)
        {
          VpWithdrawal *withdrawal = g_ptr_array_index (withdrawals, j);

          if (withdrawal->owner != VP_WITHDRAWAL_PARTICIPANT ||
              g_strcmp0 (withdrawal->owner_ref, ref) != 0)
            continue;
          if (withdrawal->leg != NULL)
            g_ptr_array_add (stored_legs, withdrawal->leg);
          else if (withdrawal->stay != NULL)
            g_ptr_array_add (stored_stays, withdrawal->stay);
        }
    }
  leg_matches = match_items (travel, stored_legs, G_STRUCT_OFFSET (VpTravelLeg, uid), leg_key);
  stay_matches = match_items (stays, stored_stays, G_STRUCT_OFFSET (VpStay, uid), stay_key);

  /* the matched first, so that a new item never takes a uid a stored one keeps */
  for (guint j = 0; j < travel->len; j++)
    if (g_ptr_array_index (leg_matches, j) != NULL)
      g_hash_table_add (used, g_strdup (((VpTravelLeg *)g_ptr_array_index (leg_matches, j))->uid));
  for (guint j = 0; j < stays->len; j++)
    if (g_ptr_array_index (stay_matches, j) != NULL)
      g_hash_table_add (used, g_strdup (((VpStay *)g_ptr_array_index (stay_matches, j))->uid));

  return insert_items (write, participant_id, travel, leg_matches, VP_COLUMN_TABLE_TRAVEL_LEGS,
                       write->statements.insert_leg.stmt,
                       (ItemDiffersFunc)vp_travel_leg_differs, used, error) &&
         insert_items (write, participant_id, stays, stay_matches, VP_COLUMN_TABLE_STAYS,
                       write->statements.insert_stay.stmt, (ItemDiffersFunc)vp_stay_differs,
                       used, error);
}

static gint64
insert_participant (Write          *write,
                    VpParticipant  *participant,
                    int             position,
                    GError        **error)
{
  sqlite3_stmt *stmt = write->statements.insert_participant.stmt;
  gint64 organisation_id;
  gint64 id;

  /* personal data without consent is never stored */
  if (!vp_privacy_check_consent (participant, error))
    return 0;
  organisation_id = organisation_id_for (write, participant, error);
  if (organisation_id < 0)
    return 0;

  vp_column_table_bind (column_table (VP_COLUMN_TABLE_PARTICIPANTS), stmt, participant);
  bind_named_id (stmt, ":organisation_id", organisation_id);
  bind_named_int64 (stmt, ":programme_id", write->programme_id);
  bind_named_int64 (stmt, ":position", position);
  bind_row_id (write, stmt, column_table (VP_COLUMN_TABLE_PARTICIPANTS),
               vp_participant_get_id (participant));

  if (!vp_store_step_done (write->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (write->store->db);
  g_hash_table_insert (write->participant_ids, g_strdup (vp_participant_get_ref (participant)),
                       ID_TO_KEY (id));

  /* an update finds the participant's stored legs and stays by ref; an
   * undo writes them back as they were */
  if (!insert_travel (write, id, participant,
                      write->previous != NULL && !write->keep_ids
                        ? vp_snapshot_lookup_participant (write->previous,
                                                          vp_participant_get_ref (participant))
                        : NULL,
                      error))
    return 0;
  return id;
}

/* Binds @session to an insert or update of its table, with the revision,
 * host and time of change the write gives it. */
static void
bind_session (sqlite3_stmt *stmt,
              VpSession    *session,
              int           revision,
              gint64        host_id,
              gint64        modified_at)
{
  vp_column_table_bind (column_table (VP_COLUMN_TABLE_SESSIONS), stmt, session);
  sqlite3_bind_int (stmt, vp_column_parameter (stmt, ":revision"), revision);
  bind_named_int64 (stmt, ":modified_at", modified_at);
  bind_named_id (stmt, ":host_id", host_id);
}

static gboolean
same_attendees (VpSession *a,
                VpSession *b)
{
  GPtrArray *list_a = vp_session_get_attendees (a);
  GPtrArray *list_b = vp_session_get_attendees (b);
  g_autoptr(GHashTable) set = NULL;

  if (vp_session_get_attendees_all (a) != vp_session_get_attendees_all (b))
    return FALSE;
  if (vp_session_get_attendees_all (a))
    return TRUE;
  if (list_a->len != list_b->len)
    return FALSE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < list_a->len; i++)
    g_hash_table_add (set, g_ptr_array_index (list_a, i));
  for (guint i = 0; i < list_b->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (list_b, i)))
      return FALSE;

  return TRUE;
}

/* Whether @a and @b list the same attendees in the same order, as their
 * attendance rows hold them. */
static gboolean
same_attendee_list (VpSession *a,
                    VpSession *b)
{
  GPtrArray *list_a = vp_session_get_attendees (a);
  GPtrArray *list_b = vp_session_get_attendees (b);

  if (vp_session_get_attendees_all (a) != vp_session_get_attendees_all (b))
    return FALSE;
  if (vp_session_get_attendees_all (a))
    return TRUE;

  if (list_a->len != list_b->len)
    return FALSE;
  for (guint i = 0; i < list_a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (list_a, i), g_ptr_array_index (list_b, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Whether a participant's calendar would show the difference: the changes
 * that raise a session's revision (programme-format.md). */
static gboolean
session_changed (VpSession *old,
                 VpSession *new)
{
  return g_strcmp0 (vp_session_get_start (old), vp_session_get_start (new)) != 0 ||
         g_strcmp0 (vp_session_get_end (old), vp_session_get_end (new)) != 0 ||
         g_strcmp0 (vp_session_get_timezone (old), vp_session_get_timezone (new)) != 0 ||
         g_strcmp0 (vp_session_get_end_timezone (old), vp_session_get_end_timezone (new)) != 0 ||
         vp_session_get_start_utc (old) != vp_session_get_start_utc (new) ||
         vp_session_get_end_utc (old) != vp_session_get_end_utc (new) ||
         g_strcmp0 (vp_session_get_title (old), vp_session_get_title (new)) != 0 ||
         g_strcmp0 (vp_session_get_location (old), vp_session_get_location (new)) != 0 ||
         g_strcmp0 (vp_session_get_host_ref (old), vp_session_get_host_ref (new)) != 0 ||
         g_strcmp0 (vp_session_get_description (old), vp_session_get_description (new)) != 0 ||
         vp_session_get_status (old) != vp_session_get_status (new) ||
         !same_attendees (old, new);
}

/* The attendances of @session_id: its listed attendees that the programme
 * has (all of them, unless @skip_missing). */
static gboolean
write_attendances (Write      *write,
                   gint64      session_id,
                   VpSession  *session,
                   gboolean    skip_missing,
                   GError    **error)
{
  GPtrArray *attendees = vp_session_get_attendees (session);
  sqlite3_stmt *stmt = write->statements.insert_attendance.stmt;

  if (vp_session_get_attendees_all (session))
    return TRUE;

  for (guint i = 0; i < attendees->len; i++)
    {
      const char *ref = g_ptr_array_index (attendees, i);
      gint64 participant_id = ref_id (write, write->participant_ids, ref);

      if (participant_id == 0)
        {
          if (skip_missing)
            continue;
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("session “%s” lists an attendee “%s” who is not a participant"),
                       vp_session_get_title (session), ref);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      if (!vp_store_step_done (write->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
host_id_of (Write      *write,
            VpSession  *session,
            GError    **error)
{
  const char *host_ref = vp_session_get_host_ref (session);
  gint64 host_id;

  if (host_ref == NULL)
    return 0;

  host_id = ref_id (write, write->host_ids, host_ref);
  if (host_id == 0)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 _("session “%s” is at a host “%s” that the programme does not have"),
                 vp_session_get_title (session), host_ref);
  return host_id;
}

/* Inserts @session with its own revision; returns its row id, or 0. */
static gint64
insert_session (Write      *write,
                VpSession  *session,
                GError    **error)
{
  sqlite3_stmt *stmt = write->statements.insert_session.stmt;
  g_autoptr(GError) local_error = NULL;
  gint64 host_id = host_id_of (write, session, &local_error);
  gint64 modified_at = write->keep_modified && vp_session_get_modified_at (session) > 0
    ? vp_session_get_modified_at (session)
    : write->now;
  gint64 id;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  bind_session (stmt, session, vp_session_get_revision (session), host_id, modified_at);
  bind_named_int64 (stmt, ":programme_id", write->programme_id);
  bind_row_id (write, stmt, column_table (VP_COLUMN_TABLE_SESSIONS), vp_session_get_id (session));
  if (!vp_store_step_done (write->store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (write->store->db);
  if (!write_attendances (write, id, session, FALSE, error))
    return 0;

  return id;
}

/* Updates row @previous to hold @session, raising the revision when a
 * calendar would show the change; returns the revision written, or -1. */
static int
update_session (Write      *write,
                VpSession  *previous,
                VpSession  *session,
                GError    **error)
{
  sqlite3_stmt *stmt = write->statements.update_session.stmt;
  g_autoptr(GError) local_error = NULL;
  gint64 host_id = host_id_of (write, session, &local_error);
  gint64 session_id = vp_session_get_id (previous);
  int revision = vp_session_get_revision (previous);
  gint64 modified_at = vp_session_get_modified_at (previous);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }

  if (session_changed (previous, session))
    {
      revision = MAX (revision + 1, vp_session_get_revision (session));
      modified_at = write->now;
    }

  bind_session (stmt, session, revision, host_id, modified_at);
  bind_named_int64 (stmt, ":id", session_id);
  if (!vp_store_step_done (write->store, stmt, error))
    return -1;

  /* the same attendees in the same order: their rows stay as they are */
  if (write->attendances_stay && same_attendee_list (previous, session))
    return revision;

  sqlite3_bind_int64 (write->statements.delete_attendances.stmt, 1, session_id);
  if (!vp_store_step_done (write->store, write->statements.delete_attendances.stmt, error) ||
      !write_attendances (write, session_id, session, FALSE, error))
    return -1;

  return revision;
}

/* Withdrawals {{{1 */

/* A participant or host whose ref one save changed: their calendar stays
 * theirs. */
typedef struct
{
  VpWithdrawalOwner  owner;
  const char        *from;
  const char        *to;
} Rename;

static const char *
renamed (const Rename      *rename,
         VpWithdrawalOwner  owner,
         const char        *ref)
{
  if (rename != NULL && rename->owner == owner && g_strcmp0 (rename->from, ref) == 0)
    return rename->to;
  return ref;
}

static const char *
owner_word (VpWithdrawalOwner owner)
{
  switch (owner)
    {
    case VP_WITHDRAWAL_HOST:
      return "host";
    case VP_WITHDRAWAL_PROGRAMME:
      return "programme";
    case VP_WITHDRAWAL_PARTICIPANT:
    default:
      return "participant";
    }
}

static gboolean
session_has_attendee (VpSession  *session,
                      const char *ref)
{
  GPtrArray *attendees = vp_session_get_attendees (session);

  if (vp_session_get_attendees_all (session))
    return TRUE;
  for (guint i = 0; i < attendees->len; i++)
    if (g_strcmp0 (g_ptr_array_index (attendees, i), ref) == 0)
      return TRUE;
  return FALSE;
}

static const char insert_withdrawal_sql[] =
  "INSERT OR REPLACE INTO withdrawals (programme_id, owner, owner_ref, uid, sequence, "
  "withdrawn_at, item, title, category, origin, destination, start_local, start_timezone, "
  "start_utc, end_local, end_timezone, end_utc) "
  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)";

/* Records, with @stmt (an insert of insert_withdrawal_sql), that the event
 * of @withdrawal's item left its owner's calendar. */
static gboolean
record_withdrawal (Write               *write,
                   sqlite3_stmt        *stmt,
                   const VpWithdrawal  *withdrawal,
                   GError             **error)
{
  sqlite3_bind_int64 (stmt, 1, write->programme_id);
  bind_text (stmt, 2, owner_word (withdrawal->owner));
  bind_text (stmt, 3, withdrawal->owner_ref);
  bind_text (stmt, 4, withdrawal->uid);
  sqlite3_bind_int (stmt, 5, withdrawal->sequence);
  sqlite3_bind_int64 (stmt, 6,
                      withdrawal->withdrawn_at > 0 ? withdrawal->withdrawn_at : write->now);

  if (withdrawal->leg != NULL)
    {
      VpTravelLeg *leg = withdrawal->leg;

      bind_text (stmt, 7, "travel");
      bind_text (stmt, 8, leg->reference);
      bind_enum (stmt, 9, VP_TYPE_TRAVEL_KIND, leg->kind);
      bind_text (stmt, 10, leg->from);
      bind_text (stmt, 11, leg->to);
      bind_text (stmt, 12, leg->depart);
      bind_text (stmt, 13, leg->depart_timezone);
      sqlite3_bind_int64 (stmt, 14, leg->depart_utc);
      bind_text (stmt, 15, leg->arrive);
      bind_text (stmt, 16, leg->arrive_timezone);
      sqlite3_bind_int64 (stmt, 17, leg->arrive_utc);
    }
  else if (withdrawal->stay != NULL)
    {
      VpStay *stay = withdrawal->stay;

      bind_text (stmt, 7, "stay");
      bind_text (stmt, 8, stay->name);
      bind_text (stmt, 10, stay->address);
      bind_text (stmt, 12, stay->check_in);
      sqlite3_bind_int64 (stmt, 14, 0);
      bind_text (stmt, 15, stay->check_out);
      sqlite3_bind_int64 (stmt, 17, 0);
    }
  else
    {
      VpSession *session = withdrawal->session;

      bind_text (stmt, 7, "session");
      bind_text (stmt, 8, vp_session_get_title (session));
      bind_enum (stmt, 9, VP_TYPE_SESSION_KIND, vp_session_get_kind (session));
      bind_text (stmt, 10, vp_session_get_location (session));
      bind_text (stmt, 12, vp_session_get_start (session));
      bind_text (stmt, 13, vp_session_get_timezone (session));
      sqlite3_bind_int64 (stmt, 14, vp_session_get_start_utc (session));
      bind_text (stmt, 15, vp_session_get_end (session));
      bind_text (stmt, 16, vp_session_get_end_timezone (session));
      sqlite3_bind_int64 (stmt, 17, vp_session_get_end_utc (session));
    }

  return vp_store_step_done (write->store, stmt, error);
}

typedef enum
{
  STATEMENT_INSERT,
  STATEMENT_FORGET,
  STATEMENT_RAISE_SESSION,
  STATEMENT_RAISE_LEG,
  STATEMENT_RAISE_STAY,
  N_SETTLE_STATEMENTS
} SettleStatement;

/* An event that was withdrawn is back in its owner's calendar (a
 * participant put back on a session, a leg restored by an undo): its record
 * goes, and its revision rises above the cancellation's SEQUENCE. */
static gboolean
settle_returns (Write         *write,
                VpSnapshot    *after,
                sqlite3_stmt **statements,
                GError       **error)
{
  GPtrArray *records = vp_snapshot_get_withdrawals (after);

  for (guint i = 0; i < records->len; i++)
    {
      VpWithdrawal *record = g_ptr_array_index (records, i);
      VpSession *session = vp_snapshot_lookup_session_by_uid (after, record->uid);
      int needed = record->sequence + 1;
      int *revision = NULL;
      int session_revision = 0;
      sqlite3_stmt *raise = NULL;

      if (record->owner == VP_WITHDRAWAL_PARTICIPANT)
        {
          VpParticipant *participant = vp_snapshot_lookup_participant (after, record->owner_ref);
          GPtrArray *travel;
          GPtrArray *stays;

          if (participant == NULL)
            continue;
          travel = vp_participant_get_travel (participant);
          stays = vp_participant_get_accommodation (participant);
          for (guint j = 0; j < travel->len && revision == NULL; j++)
            if (g_strcmp0 (((VpTravelLeg *)g_ptr_array_index (travel, j))->uid, record->uid) == 0)
              {
                revision = &((VpTravelLeg *)g_ptr_array_index (travel, j))->revision;
                raise = statements[STATEMENT_RAISE_LEG];
              }
          for (guint j = 0; j < stays->len && revision == NULL; j++)
            if (g_strcmp0 (((VpStay *)g_ptr_array_index (stays, j))->uid, record->uid) == 0)
              {
                revision = &((VpStay *)g_ptr_array_index (stays, j))->revision;
                raise = statements[STATEMENT_RAISE_STAY];
              }
          if (revision == NULL && session != NULL &&
              session_has_attendee (session, record->owner_ref))
            raise = statements[STATEMENT_RAISE_SESSION];
        }
      else if (record->owner == VP_WITHDRAWAL_HOST)
        {
          if (session != NULL &&
              g_strcmp0 (vp_session_get_host_ref (session), record->owner_ref) == 0)
            raise = statements[STATEMENT_RAISE_SESSION];
        }
      else if (session != NULL)
        raise = statements[STATEMENT_RAISE_SESSION];

      if (raise == NULL)
        continue;

      if (revision == NULL)
        {
          session_revision = vp_session_get_revision (session);
          revision = &session_revision;
        }
      if (*revision < needed)
        {
          sqlite3_bind_int (raise, 1, needed);
          sqlite3_bind_int64 (raise, 2, write->now);
          sqlite3_bind_int64 (raise, 3, write->programme_id);
          bind_text (raise, 4, record->uid);
          if (raise != statements[STATEMENT_RAISE_SESSION])
            bind_text (raise, 5, record->owner_ref);
          if (!vp_store_step_done (write->store, raise, error))
            return FALSE;
          *revision = needed;
          if (revision == &session_revision)
            vp_session_set_revision (session, needed);
        }

      sqlite3_bind_int64 (statements[STATEMENT_FORGET], 1, write->programme_id);
      bind_text (statements[STATEMENT_FORGET], 2, owner_word (record->owner));
      bind_text (statements[STATEMENT_FORGET], 3, record->owner_ref);
      bind_text (statements[STATEMENT_FORGET], 4, record->uid);
      if (!vp_store_step_done (write->store, statements[STATEMENT_FORGET], error))
        return FALSE;
    }

  return TRUE;
}

/* The travel legs and stays of @before's participants that the same
 * participant no longer has. */
static gboolean
withdraw_travel (Write         *write,
                 VpSnapshot    *before,
                 VpSnapshot    *after,
                 const Rename  *rename,
                 sqlite3_stmt  *insert,
                 GError       **error)
{
  GPtrArray *participants = vp_snapshot_get_participants (before);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *was = g_ptr_array_index (participants, i);
      const char *ref = renamed (rename, VP_WITHDRAWAL_PARTICIPANT, vp_participant_get_ref (was));
      VpParticipant *is = vp_snapshot_lookup_participant (after, ref);
      g_autoptr(GHashTable) kept = NULL;
      GPtrArray *lists[2];

      if (is == NULL)
        continue;

      kept = g_hash_table_new (g_str_hash, g_str_equal);
      lists[0] = vp_participant_get_travel (is);
      lists[1] = vp_participant_get_accommodation (is);
      for (guint j = 0; j < lists[0]->len; j++)
        g_hash_table_add (kept, ((VpTravelLeg *)g_ptr_array_index (lists[0], j))->uid);
      for (guint j = 0; j < lists[1]->len; j++)
        g_hash_table_add (kept, ((VpStay *)g_ptr_array_index (lists[1], j))->uid);

      lists[0] = vp_participant_get_travel (was);
      lists[1] = vp_participant_get_accommodation (was);
      for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
        for (guint j = 0; j < lists[k]->len; j++)
          {
            VpWithdrawal withdrawal = { VP_WITHDRAWAL_PARTICIPANT, (char *)ref, NULL, 0, 0, };

            if (k == 0)
              {
                withdrawal.leg = g_ptr_array_index (lists[k], j);
                withdrawal.uid = withdrawal.leg->uid;
                withdrawal.sequence = withdrawal.leg->revision + 1;
              }
            else
              {
                withdrawal.stay = g_ptr_array_index (lists[k], j);
                withdrawal.uid = withdrawal.stay->uid;
                withdrawal.sequence = withdrawal.stay->revision + 1;
              }

            if (withdrawal.uid != NULL && !g_hash_table_contains (kept, withdrawal.uid) &&
                !record_withdrawal (write, insert, &withdrawal, error))
              return FALSE;
          }
    }

  return TRUE;
}

/* The sessions of @before that left a calendar: deleted (from the
 * programme's, its host's and its attendees'), moved to another host or none
 * (from the host's), or no longer attended by someone (from theirs). */
static gboolean
withdraw_sessions (Write         *write,
                   VpSnapshot    *before,
                   VpSnapshot    *after,
                   const Rename  *rename,
                   sqlite3_stmt  *insert,
                   GError       **error)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (before);
  GPtrArray *everyone = vp_snapshot_get_participants (before);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *was = g_ptr_array_index (sessions, i);
      VpSession *is = vp_snapshot_lookup_session_by_uid (after, vp_session_get_uid (was));
      const char *host = renamed (rename, VP_WITHDRAWAL_HOST, vp_session_get_host_ref (was));
      g_autoptr(GHashTable) attending = NULL;
      VpWithdrawal withdrawal = { 0, NULL, (char *)vp_session_get_uid (was), 0, 0, was, };

      withdrawal.sequence = MAX (vp_session_get_revision (was) + 1,
                                 is != NULL ? vp_session_get_revision (is) : 0);

      if (is == NULL)
        {
          withdrawal.owner = VP_WITHDRAWAL_PROGRAMME;
          withdrawal.owner_ref = (char *)"";
          if (!record_withdrawal (write, insert, &withdrawal, error))
            return FALSE;
        }

      if (host != NULL && vp_snapshot_lookup_host (after, host) != NULL &&
          (is == NULL || g_strcmp0 (vp_session_get_host_ref (is), host) != 0))
        {
          withdrawal.owner = VP_WITHDRAWAL_HOST;
          withdrawal.owner_ref = (char *)host;
          if (!record_withdrawal (write, insert, &withdrawal, error))
            return FALSE;
        }

      /* everyone there before is there still */
      if (is != NULL && vp_session_get_attendees_all (is))
        continue;

      if (is != NULL)
        {
          GPtrArray *attendees = vp_session_get_attendees (is);

          attending = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint j = 0; j < attendees->len; j++)
            g_hash_table_add (attending, g_ptr_array_index (attendees, j));
        }

      withdrawal.owner = VP_WITHDRAWAL_PARTICIPANT;
      if (vp_session_get_attendees_all (was))
        {
          for (guint j = 0; j < everyone->len; j++)
            {
              const char *ref = renamed (rename, VP_WITHDRAWAL_PARTICIPANT,
                                         vp_participant_get_ref (g_ptr_array_index (everyone, j)));

              withdrawal.owner_ref = (char *)ref;
              if (vp_snapshot_lookup_participant (after, ref) != NULL &&
                  (attending == NULL || !g_hash_table_contains (attending, ref)) &&
                  !record_withdrawal (write, insert, &withdrawal, error))
                return FALSE;
            }
        }
      else
        {
          GPtrArray *attendees = vp_session_get_attendees (was);

          for (guint j = 0; j < attendees->len; j++)
            {
              const char *ref = renamed (rename, VP_WITHDRAWAL_PARTICIPANT,
                                         g_ptr_array_index (attendees, j));

              withdrawal.owner_ref = (char *)ref;
              if (vp_snapshot_lookup_participant (after, ref) != NULL &&
                  (attending == NULL || !g_hash_table_contains (attending, ref)) &&
                  !record_withdrawal (write, insert, &withdrawal, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* A participant or host keeps what was withdrawn from their calendar when
 * a save changes their ref. */
static gboolean
rename_withdrawals (VpStore       *self,
                    gint64         programme_id,
                    const Rename  *rename,
                    GError       **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt =
    vp_store_query (self, &query,
                    "UPDATE withdrawals SET owner_ref = ?4 WHERE programme_id = ?1 "
                    "AND owner = ?2 AND owner_ref = ?3",
                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  bind_text (stmt, 2, owner_word (rename->owner));
  bind_text (stmt, 3, rename->from);
  bind_text (stmt, 4, rename->to);
  return vp_store_step_done (self, stmt, error);
}

static VpParticipant *
lookup_participant_by_id (VpSnapshot *snapshot,
                          gint64      id)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);

  for (guint i = 0; i < participants->len; i++)
    if (vp_participant_get_id (g_ptr_array_index (participants, i)) == id)
      return g_ptr_array_index (participants, i);

  return NULL;
}

/* An undo that brings back a deleted programme brings back its record of
 * what it withdrew, as it was. */
static gboolean
restore_withdrawals (Write       *write,
                     VpSnapshot  *snapshot,
                     GError     **error)
{
  GPtrArray *records = vp_snapshot_get_withdrawals (snapshot);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  if (records->len == 0)
    return TRUE;

  stmt = vp_store_query (write->store, &query, insert_withdrawal_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    if (!record_withdrawal (write, stmt, g_ptr_array_index (records, i), error))
      return FALSE;

  return TRUE;
}

/* After a write to the programme, in its transaction: forgets what was
 * withdrawn from people and hosts who are gone (no calendar any more),
 * settles what came back, and records every event that left a calendar
 * between @before (the programme before the write; NULL: nothing left) and
 * now, so that the next file cancels it (STATUS:CANCELLED, a higher
 * SEQUENCE) instead of dropping it. */
static gboolean
settle_withdrawals (Write               *write,
                    VpSnapshot          *before,
                    const Rename        *rename,
                    const VpStoreScope  *scope,
                    GError             **error)
{
  static const char * const sql[N_SETTLE_STATEMENTS] = {
    [STATEMENT_INSERT] = insert_withdrawal_sql,
    [STATEMENT_FORGET] =
      "DELETE FROM withdrawals WHERE programme_id = ?1 AND owner = ?2 AND owner_ref = ?3 "
      "AND uid = ?4",
    [STATEMENT_RAISE_SESSION] =
      "UPDATE sessions SET revision = ?1, modified_at = ?2 "
      "WHERE programme_id = ?3 AND uid = ?4 AND revision < ?1",
    [STATEMENT_RAISE_LEG] =
      "UPDATE travel_legs SET revision = ?1, modified_at = ?2 WHERE uid = ?4 AND revision < ?1 "
      "AND participant_id = (SELECT id FROM participants WHERE programme_id = ?3 AND ref = ?5)",
    [STATEMENT_RAISE_STAY] =
      "UPDATE stays SET revision = ?1, modified_at = ?2 WHERE uid = ?4 AND revision < ?1 "
      "AND participant_id = (SELECT id FROM participants WHERE programme_id = ?3 AND ref = ?5)",
  };
  VpStoreQuery queries[N_SETTLE_STATEMENTS] = { { NULL, }, };
  sqlite3_stmt *statements[N_SETTLE_STATEMENTS] = { NULL, };
  g_autoptr(VpSnapshot) after = NULL;
  gboolean ok = FALSE;

  if (!run_with_ids (write->store,
                     "DELETE FROM withdrawals WHERE programme_id = ?1 AND "
                     "((owner = 'participant' AND owner_ref NOT IN "
                     "  (SELECT ref FROM participants WHERE programme_id = ?1)) OR "
                     " (owner = 'host' AND owner_ref NOT IN "
                     "  (SELECT ref FROM hosts WHERE programme_id = ?1)))",
                     write->programme_id, 0, error))
    return FALSE;

  after = scope != NULL
    ? vp_store_load_session_scope_locked (write->store, write->programme_id, scope, error)
    : vp_store_load_snapshot_locked (write->store, write->programme_id, error);
  if (after == NULL)
    return FALSE;

  for (guint i = 0; i < N_SETTLE_STATEMENTS; i++)
    {
      statements[i] = vp_store_query (write->store, &queries[i], sql[i], error);
      if (statements[i] == NULL)
        goto out;
    }

  ok = settle_returns (write, after, statements, error) &&
       (before == NULL ||
        (withdraw_travel (write, before, after, rename, statements[STATEMENT_INSERT], error) &&
         withdraw_sessions (write, before, after, rename, statements[STATEMENT_INSERT], error)));

out:
  for (guint i = 0; i < N_SETTLE_STATEMENTS; i++)
    vp_store_query_clear (&queries[i]);
  return ok;
}

/* Whole programmes {{{1 */

/* A ref for a session that left the document, free among @taken. */
static char *
free_ref (GHashTable *taken,
          gint64      session_id)
{
  char *ref = g_strdup_printf ("cancelled-%" G_GINT64_FORMAT, session_id);

  for (guint n = 2; g_hash_table_contains (taken, ref); n++)
    {
      g_free (ref);
      ref = g_strdup_printf ("cancelled-%" G_GINT64_FORMAT "-%u", session_id, n);
    }

  return ref;
}

/* Sessions that left an updated document are cancelled, not deleted: the
 * participants' calendars must hear of it.  They keep their host and the
 * attendees the new document still has (participants were replaced, so
 * they are matched by ref). */
static gboolean
cancel_missing_sessions (Write       *write,
                         VpSnapshot  *snapshot,
                         VpSnapshot  *old,
                         GHashTable  *taken_refs,
                         GError     **error)
{
  GPtrArray *old_sessions = vp_snapshot_get_sessions (old);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  stmt =
    vp_store_query (write->store, &query,
                    "UPDATE sessions SET ref = ?1, "
                    "revision = revision + (status != 'cancelled'), "
                    "modified_at = CASE WHEN status != 'cancelled' THEN ?2 ELSE modified_at END, "
                    "status = 'cancelled', host_id = ?4 WHERE id = ?3",
                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < old_sessions->len; i++)
    {
      VpSession *previous = g_ptr_array_index (old_sessions, i);
      const char *host_ref = vp_session_get_host_ref (previous);
      g_autofree char *ref = NULL;
      gint64 host_id;

      if (vp_snapshot_lookup_session_by_uid (snapshot, vp_session_get_uid (previous)) != NULL)
        continue;

      ref = free_ref (taken_refs, vp_session_get_id (previous));
      host_id = ref_id (write, write->host_ids, host_ref);
      sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, write->now);
      sqlite3_bind_int64 (stmt, 3, vp_session_get_id (previous));
      if (host_id != 0)
        sqlite3_bind_int64 (stmt, 4, host_id);
      else
        sqlite3_bind_null (stmt, 4);
      if (!vp_store_step_done (write->store, stmt, error) ||
          !write_attendances (write, vp_session_get_id (previous), previous, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the hosts, participants and sessions of @snapshot into the
 * programme, whose children are gone; sessions of @old with the same uid are
 * updated in place. */
static gboolean
write_children (Write       *write,
                VpSnapshot  *snapshot,
                VpSnapshot  *old,
                GError     **error)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  g_autoptr(GHashTable) taken_refs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < hosts->len; i++)
    if (insert_host (write, g_ptr_array_index (hosts, i), (int)i, error) == 0)
      return FALSE;

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);
      g_autofree char *key = vp_organisation_name_key (vp_organisation_get_name (organisation));

      if (key == NULL)
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("the organisation “%s” has no name"),
                       vp_organisation_get_ref (organisation));
          return FALSE;
        }
      if (insert_organisation (write, organisation, (int)i, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < participants->len; i++)
    if (insert_participant (write, g_ptr_array_index (participants, i), (int)i, error) == 0)
      return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    g_hash_table_add (taken_refs, (gpointer)vp_session_get_ref (g_ptr_array_index (sessions, i)));

  /* Refs may move between sessions in the new document: park the old ones
   * out of the way of the unique index first. */
  if (old != NULL &&
      !run_with_ids (write->store,
                     "UPDATE sessions SET ref = char(1) || id WHERE programme_id = ?1",
                     write->programme_id, 0, error))
    return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpSession *previous = old != NULL
        ? vp_snapshot_lookup_session_by_uid (old, vp_session_get_uid (session))
        : NULL;

      if (previous != NULL ? update_session (write, previous, session, error) < 0
                           : insert_session (write, session, error) == 0)
        return FALSE;
    }

  return old == NULL || cancel_missing_sessions (write, snapshot, old, taken_refs, error);
}

static gboolean
delete_children (VpStore     *self,
                 gint64       programme_id,
                 gboolean     sessions_too,
                 GError     **error)
{
  return run_with_ids (self, "DELETE FROM participants WHERE programme_id = ?1", programme_id, 0,
                       error) &&
         run_with_ids (self, "DELETE FROM organisations WHERE programme_id = ?1", programme_id, 0,
                       error) &&
         run_with_ids (self, "DELETE FROM hosts WHERE programme_id = ?1", programme_id, 0, error) &&
         (!sessions_too || run_with_ids (self, "DELETE FROM sessions WHERE programme_id = ?1",
                                         programme_id, 0, error));
}

static gint64
lookup_uid (VpStore     *self,
            const char  *uid,
            GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt =
    vp_store_query (self, &query, "SELECT id FROM programmes WHERE uid = ?", error);

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

/* @stored is the stored programme when the caller has read it in this
 * transaction, or NULL. */
static gboolean
import_in_transaction (VpStore             *self,
                       VpSnapshot          *snapshot,
                       VpSnapshot          *stored,
                       VpStoreImportFlags   flags,
                       gint64              *programme_id,
                       GError             **error)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_auto(Write) write = { NULL, };
  g_autoptr(VpSnapshot) old = stored != NULL ? g_object_ref (stored) : NULL;
  gint64 existing_id;

  existing_id = lookup_uid (self, vp_programme_get_uid (programme), error);
  if (existing_id < 0)
    return FALSE;

  if (existing_id != 0 && !(flags & VP_STORE_IMPORT_UPDATE))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS,
                   _("the programme “%s” (uid %s) is already stored as programme %lld: "
                     "import it with --update to update it"),
                   vp_programme_get_title (programme), vp_programme_get_uid (programme),
                   (long long)existing_id);
      return FALSE;
    }

  if (existing_id != 0)
    {
      if (old == NULL)
        old = vp_store_load_snapshot_locked (self, existing_id, error);
      if (old == NULL || !delete_children (self, existing_id, FALSE, error))
        return FALSE;
    }

  if (!write_init (&write, self, 0, error))
    return FALSE;
  *programme_id = write_programme_row (self, programme, existing_id, 0, write.now, error);
  if (*programme_id == 0)
    return FALSE;
  write.programme_id = *programme_id;
  write.previous = old;

  return write_children (&write, snapshot, old, error) &&
         (old == NULL || settle_withdrawals (&write, old, NULL, NULL, error));
}

gboolean
vp_store_import_snapshot (VpStore             *self,
                          VpSnapshot          *snapshot,
                          VpStoreImportFlags   flags,
                          gint64              *programme_id,
                          GError             **error)
{
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vp_store_begin (self, error))
    return FALSE;

  if (!import_in_transaction (self, snapshot, NULL, flags, &id, error))
    {
      vp_store_rollback (self);
      return FALSE;
    }

  if (!vp_store_commit (self, error))
    return FALSE;

  vp_store_notify_changed (self, id);
  if (programme_id != NULL)
    *programme_id = id;

  return TRUE;
}

gboolean
vp_store_update_programme (VpStore            *self,
                           gint64              programme_id,
                           VpStoreUpdateFunc   func,
                           gpointer            user_data,
                           GError            **error)
{
  g_autoptr(VpSnapshot) current = NULL;
  g_autoptr(VpSnapshot) updated = NULL;
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* BEGIN IMMEDIATE: the write lock is taken before the read, so the
   * programme read is the one that is replaced. */
  if (!vp_store_begin (self, error))
    return FALSE;

  current = vp_store_load_snapshot_locked (self, programme_id, error);
  if (current == NULL)
    goto fail;

  updated = func (current, user_data, error);
  if (updated == NULL)
    goto fail;

  if (g_strcmp0 (vp_programme_get_uid (vp_snapshot_get_programme (updated)),
                 vp_programme_get_uid (vp_snapshot_get_programme (current))) != 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                   _("an update of programme %lld gave it another uid"),
                   (long long)programme_id);
      goto fail;
    }

  if (!import_in_transaction (self, updated, current, VP_STORE_IMPORT_UPDATE, &id, error))
    goto fail;

  if (!vp_store_commit (self, error))
    return FALSE;

  vp_store_notify_changed (self, id);
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* In a write's transaction: whether nothing was written to the database
 * since vp_store_get_change_count() gave @since (VP_STORE_ERROR_CHANGED). */
static gboolean
unchanged_since (VpStore  *self,
                 gint64    since,
                 GError  **error)
{
  if (vp_store_get_change_count (self) == since)
    return TRUE;

  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED,
               _("the programme has changed since: undoing would lose that change"));
  return FALSE;
}

gboolean
vp_store_restore_snapshot (VpStore     *self,
                           VpSnapshot  *snapshot,
                           gint64       since,
                           GError     **error)
{
  VpProgramme *programme;
  g_auto(Write) write = { NULL, };
  g_autoptr(VpSnapshot) before = NULL;
  gint64 id;
  gint64 existing_id;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  programme = vp_snapshot_get_programme (snapshot);
  if (!vp_store_begin (self, error))
    return FALSE;

  /* Under the write lock: a write since the undo was offered is seen here,
   * and none can come between this check and the restore. */
  if (!unchanged_since (self, since, error))
    goto fail;

  /* What the calendars had before the undo: what it takes away from them
   * is withdrawn like any other change. */
  existing_id = lookup_uid (self, vp_programme_get_uid (programme), error);
  if (existing_id > 0)
    {
      before = vp_store_load_snapshot_locked (self, existing_id, error);
      if (before == NULL)
        goto fail;
    }
  if (existing_id < 0 ||
      (existing_id != 0 && !delete_children (self, existing_id, TRUE, error)) ||
      !write_init (&write, self, 0, error))
    goto fail;

  write.keep_ids = TRUE;
  write.keep_modified = TRUE;
  id = write_programme_row (self, programme, existing_id, vp_programme_get_id (programme),
                            write.now, error);
  if (id == 0)
    goto fail;
  write.programme_id = id;
  write.previous = before;

  if (!write_children (&write, snapshot, NULL, error) ||
      !(before != NULL ? settle_withdrawals (&write, before, NULL, NULL, error)
                       : restore_withdrawals (&write, snapshot, error)) ||
      !vp_store_commit (self, error))
    goto fail;

  vp_store_notify_changed (self, id);
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* Edits {{{1 */

static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a field of a form, then what is wrong with it */
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, _("%s: %s"), field, message);
  return FALSE;
}

/* The rules of values (vp-values.h), each with the name of its field;
 * a value not given (NULL, NAN, 0 for a count) passes. */
static gboolean
check_email (const char  *field,
             const char  *email,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (email == NULL || vp_value_check_email (email, &local_error))
    return TRUE;
  return invalid (error, field, "%s", local_error->message);
}

static gboolean
check_country (const char  *field,
               const char  *code,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (code == NULL || vp_value_check_country (code, &local_error))
    return TRUE;
  return invalid (error, field, "%s", local_error->message);
}

static gboolean
check_position (double   latitude,
                double   longitude,
                GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!isnan (latitude) &&
      !vp_value_check_coordinate (VP_COORDINATE_LATITUDE, latitude, &local_error))
    return invalid (error, _("Latitude"), "%s", local_error->message);
  if (!isnan (longitude) &&
      !vp_value_check_coordinate (VP_COORDINATE_LONGITUDE, longitude, &local_error))
    return invalid (error, _("Longitude"), "%s", local_error->message);
  return TRUE;
}

static gboolean
check_count (const char  *field,
             int          count,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (vp_value_check_count (count, 0, VP_VALUE_COUNT_MAX, &local_error))
    return TRUE;
  return invalid (error, field, "%s", local_error->message);
}

/* In the write's transaction, after it: @object becomes the row @id as
 * stored (its id, ref, uid, revisions, instants), so that it is what a
 * later save of it gives as its read row. */
static gboolean
take_stored (VpStore   *self,
             VpEntity   entity,
             gint64     id,
             gpointer   object,
             GError   **error)
{
  g_autoptr(GObject) stored = vp_store_load_row (self, entity, id, error);

  if (stored == NULL)
    return error == NULL || *error == NULL;
  vp_record_assign (object, stored);
  self->written_entity = entity;
  g_set_object (&self->written, stored);
  return TRUE;
}

/* The end of a save of one row: the row as stored into @object, the
 * commit, the news. */
static gboolean
finish_save (VpStore   *self,
             gint64     programme_id,
             VpEntity   entity,
             gint64     id,
             gpointer   object,
             GError   **error)
{
  if (!take_stored (self, entity, id, object, error) || !vp_store_commit (self, error))
    {
      g_clear_object (&self->written);
      return FALSE;
    }

  vp_store_notify_changed (self, programme_id);
  return TRUE;
}

/* What a row is called in a message: a session's title, a name. */
static char *
row_display_name (GObject *row)
{
  const char *property = VP_IS_SESSION (row) || VP_IS_PROGRAMME (row) ? "title" : "name";
  char *name = NULL;

  g_object_get (row, property, &name, NULL);
  return name;
}

/* In the write's transaction: whether the row @id of @entity is still
 * @read, what the caller read before it was edited (NULL: not asked, or a
 * new row when @id is 0).  Another write in between (another window, the
 * command line, or this window's own since) is VP_STORE_ERROR_CHANGED, a
 * row deleted since VP_STORE_ERROR_NOT_FOUND: writing would lose it. */
static gboolean check_current (GObject  *current,
                               gpointer  read,
                               GError  **error);

static gboolean
check_unchanged (VpStore     *self,
                 VpEntity     entity,
                 gint64       id,
                 gpointer     read,
                 GError     **error)
{
  g_autoptr(GObject) current = NULL;

  if (read == NULL || id == 0)
    return TRUE;

  current = vp_store_load_row (self, entity, id, error);
  if (current == NULL && error != NULL && *error != NULL)
    return FALSE;
  return check_current (current, read, error);
}

/* As check_unchanged(), with the row as it is stored now already read:
 * @current, NULL when there is none. */
static gboolean
check_current (GObject  *current,
               gpointer  read,
               GError  **error)
{
  g_autofree char *name = NULL;

  if (read == NULL || (current != NULL && vp_record_equal (current, read)))
    return TRUE;

  name = row_display_name (read);
  if (current == NULL)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                 _("“%s” was deleted elsewhere (another window or the command line) while it "
                   "was being edited: the changes were not saved"), name ? name : "");
  else
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED,
                 _("“%s” was changed elsewhere (another window or the command line) while it "
                   "was being edited: the changes were not saved, so that neither is lost; "
                   "open it again to see the other change"), name ? name : "");
  return FALSE;
}

static gboolean
validate_programme (VpProgramme  *programme,
                    GError      **error)
{
  const char *zone = vp_programme_get_timezone (programme);
  g_autoptr(GError) local_error = NULL;
  GDate start;
  GDate end;

  if (vp_text_is_blank (vp_programme_get_title (programme)))
    return invalid (error, _("Title"), _("a programme needs a title"));
  if (vp_programme_get_host_country (programme) == NULL)
    return invalid (error, _("Host country"), _("use two capital letters (ISO 3166-1), like “LT”"));
  if (!check_country (_("Host country"), vp_programme_get_host_country (programme), error) ||
      !check_email (_("Coordinator email"), vp_programme_get_coordinator_email (programme),
                    error) ||
      !check_position (vp_programme_get_origin_latitude (programme),
                       vp_programme_get_origin_longitude (programme), error))
    return FALSE;
  if (!vp_value_check_zone (zone ? zone : "", &local_error))
    return invalid (error, _("Time zone"), "%s", local_error->message);
  if (!vp_value_check_date (vp_programme_get_start_date (programme)
                              ? vp_programme_get_start_date (programme)
                              : "",
                            &start, &local_error))
    return invalid (error, _("First day"), "%s", local_error->message);
  if (!vp_value_check_date (vp_programme_get_end_date (programme)
                              ? vp_programme_get_end_date (programme) : "",
                            &end, &local_error))
    return invalid (error, _("Last day"), "%s", local_error->message);
  if (!vp_value_check_days (VP_SPAN_PROGRAMME, &start, &end, &local_error))
    return invalid (error, _("Last day"), "%s", local_error->message);
  if (vp_programme_get_retention_until (programme) != NULL &&
      !vp_value_check_date (vp_programme_get_retention_until (programme), NULL, &local_error))
    return invalid (error, _("Keep personal data until"), "%s", local_error->message);
  if (!isnan (vp_programme_get_lump_sum_eur (programme)) &&
      !vp_value_check_amount (vp_programme_get_lump_sum_eur (programme), &local_error))
    return invalid (error, _("Lump sum"), "%s", local_error->message);
  if (vp_programme_get_evidence_due (programme) != NULL &&
      !vp_value_check_date (vp_programme_get_evidence_due (programme), &end, &local_error))
    return invalid (error, _("Evidence due"), "%s", local_error->message);

  return TRUE;
}

/* Resolves a local time and the zone it is read in. */
static gboolean
resolve (const char  *field,
         const char  *local,
         const char  *zone,
         char       **canonical,
         gint64      *instant,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  VpLocalTime time;

  if (local == NULL)
    return invalid (error, field, _("a time is required"));

  if (!vp_value_check_wall_time (local, zone, &time, instant, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), field,
                   local_error->message);
      return FALSE;
    }

  if (canonical != NULL)
    *canonical = vp_local_time_format (&time);
  return TRUE;
}

/* Every session or leg whose zone is the programme's follows a change of
 * that zone: same wall times, new instants, and a raised revision. */
static gboolean
follow_zone_change (VpStore     *self,
                    VpProgramme *programme,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(VpSnapshot) snapshot =
    vp_store_load_snapshot_locked (self, vp_programme_get_id (programme), error);
  const char *zone = vp_programme_get_timezone (programme);
  GPtrArray *sessions;
  GPtrArray *participants;
  g_auto(VpStoreQuery) sessions_query = { NULL, };
  g_auto(VpStoreQuery) legs_query = { NULL, };
  sqlite3_stmt *stmt;

  if (snapshot == NULL)
    return FALSE;

  sessions = vp_snapshot_get_sessions (snapshot);
  stmt = vp_store_query (self, &sessions_query,
                         "UPDATE sessions SET start_utc = ?1, end_utc = ?2, "
                         "revision = revision + 1, modified_at = ?3 WHERE id = ?4",
                         error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      const char *start_zone =
        vp_session_get_timezone (session) ? vp_session_get_timezone (session) : zone;
      const char *end_zone =
        vp_session_get_end_timezone (session) ? vp_session_get_end_timezone (session) : start_zone;
      gint64 start;
      gint64 end;

      /* only sessions whose start is read in the programme's zone move */
      if (vp_session_get_timezone (session) != NULL)
        continue;

      if (!resolve (vp_session_get_title (session), vp_session_get_start (session), start_zone,
                    NULL, &start, error) ||
          !resolve (vp_session_get_title (session), vp_session_get_end (session), end_zone,
                    NULL, &end, error))
        return FALSE;

      if (start == vp_session_get_start_utc (session) && end == vp_session_get_end_utc (session))
        continue;

      sqlite3_bind_int64 (stmt, 1, start);
      sqlite3_bind_int64 (stmt, 2, end);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, vp_session_get_id (session));
      if (!vp_store_step_done (self, stmt, error))
        return FALSE;
    }

  participants = vp_snapshot_get_participants (snapshot);
  stmt = vp_store_query (self, &legs_query,
                         "UPDATE travel_legs SET depart_utc = ?1, arrive_utc = ?2, "
                         "revision = revision + 1, modified_at = ?5 "
                         "WHERE participant_id = ?3 AND uid = ?4",
                         error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      GPtrArray *travel = vp_participant_get_travel (participant);

      for (guint j = 0; j < travel->len; j++)
        {
          VpTravelLeg *leg = g_ptr_array_index (travel, j);
          gint64 depart;
          gint64 arrive;

          if (!resolve (vp_participant_get_name (participant), leg->depart,
                        leg->depart_timezone ? leg->depart_timezone : zone, NULL, &depart, error) ||
              !resolve (vp_participant_get_name (participant), leg->arrive,
                        leg->arrive_timezone ? leg->arrive_timezone : zone, NULL, &arrive, error))
            return FALSE;

          /* a leg whose times are read in the programme's zone moves with
           * it: its calendar event changes */
          if (depart == leg->depart_utc && arrive == leg->arrive_utc)
            continue;

          sqlite3_bind_int64 (stmt, 1, depart);
          sqlite3_bind_int64 (stmt, 2, arrive);
          sqlite3_bind_int64 (stmt, 3, vp_participant_get_id (participant));
          bind_text (stmt, 4, leg->uid);
          sqlite3_bind_int64 (stmt, 5, now);
          if (!vp_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static char *
stored_timezone (VpStore *self,
                 gint64   programme_id)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt =
    vp_store_query (self, &query, "SELECT timezone FROM programmes WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (column_text (stmt, 0));
  return NULL;
}

gboolean
vp_store_save_programme (VpStore      *self,
                         VpProgramme  *programme,
                         VpProgramme  *read,
                         GError      **error)
{
  g_autofree char *old_zone = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vp_programme_get_uid (programme) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();
      vp_programme_set_uid (programme, uid);
    }

  if (!validate_programme (programme, error) || !vp_store_begin (self, error))
    return FALSE;

  if (!check_unchanged (self, VP_ENTITY_PROGRAMME, vp_programme_get_id (programme), read, error))
    {
      vp_store_rollback (self);
      return FALSE;
    }

  if (vp_programme_get_id (programme) != 0)
    {
      old_zone = stored_timezone (self, vp_programme_get_id (programme));
      if (old_zone == NULL)
        {
          vp_store_rollback (self);
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                       _("no programme has the id %lld"),
                       (long long)vp_programme_get_id (programme));
          return FALSE;
        }
    }

  id = write_programme_row (self, programme, vp_programme_get_id (programme), 0, now, error);
  if (id == 0 ||
      (old_zone != NULL && !g_str_equal (old_zone, vp_programme_get_timezone (programme)) &&
       !follow_zone_change (self, programme, now, error)) ||
      !take_stored (self, VP_ENTITY_PROGRAMME, id, programme, error) ||
      !vp_store_commit (self, error))
    {
      vp_store_rollback (self);
      return FALSE;
    }

  vp_programme_set_id (programme, id);
  vp_store_notify_changed (self, id);
  return TRUE;
}

/* A ref like “host-3” that no row of @table in the programme has. */
static char *
new_ref (VpStore    *self,
         const char *table,
         const char *prefix,
         gint64      programme_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM %s WHERE programme_id = ?1 AND ref = ?2", table);
  g_autofree char *count_sql =
    g_strdup_printf ("SELECT count(*) FROM %s WHERE programme_id = ?", table);
  gint64 n = query_integer (self, count_sql, programme_id, 0);

  for (;; n++)
    {
      char *ref = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, n + 1);
      g_auto(VpStoreQuery) query = { NULL, };
      sqlite3_stmt *stmt = vp_store_query (self, &query, sql, NULL);
      gboolean taken = TRUE;

      if (stmt == NULL)
        return ref;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      sqlite3_bind_text (stmt, 2, ref, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        taken = sqlite3_column_int (stmt, 0) > 0;

      if (!taken)
        return ref;
      g_free (ref);
    }
}

/* The ref row @id of @table in the programme has, or NULL when there is no
 * such row. */
static char *
stored_ref (VpStore    *self,
            const char *table,
            gint64      programme_id,
            gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ref FROM %s WHERE id = ?1 AND programme_id = ?2",
                                          table);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (column_text (stmt, 0));
  return NULL;
}

static gboolean
row_in_programme (VpStore    *self,
                  const char *table,
                  gint64      programme_id,
                  gint64      id)
{
  g_autofree char *ref = stored_ref (self, table, programme_id, id);

  return ref != NULL;
}

static gboolean
not_found (GError     **error,
           const char  *what,
           gint64       id)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
               /* TRANSLATORS: %s is “host”, “participant” or “session” */
               _("the programme has no %s with the id %lld"), what, (long long)id);
  return FALSE;
}

/* Marks the sessions @where selects (with ?1 bound to @id) as changed for
 * calendars. */
static gboolean
touch_sessions (VpStore     *self,
                const char  *where,
                gint64       id,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE sessions SET revision = revision + 1, "
                                          "modified_at = ?2 WHERE %s", where);

  return run_with_ids (self, sql, id, g_get_real_time () / G_USEC_PER_SEC, error);
}

/* The ref a saved row ends with: the one given, else for an update the
 * stored one, else a new one.  NULL (with VP_STORE_ERROR_NOT_FOUND) when
 * @id names no row of @table in the programme. */
static char *
ref_for_save (VpStore     *self,
              const char  *table,
              const char  *prefix,
              const char  *what,
              gint64       programme_id,
              gint64       id,
              const char  *given,
              GError     **error)
{
  g_autofree char *stored = NULL;

  if (id != 0)
    {
      stored = stored_ref (self, table, programme_id, id);
      if (stored == NULL)
        {
          not_found (error, what, id);
          return NULL;
        }
    }

  if (given != NULL)
    return g_strdup (given);
  if (stored != NULL)
    return g_steal_pointer (&stored);
  return new_ref (self, table, prefix, programme_id);
}

static gint64
next_position (VpStore    *self,
               const char *table,
               gint64      programme_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(position) + 1 FROM %s WHERE programme_id = ?",
                                          table);

  return query_integer (self, sql, programme_id, 0);
}

static gboolean
programme_exists (VpStore  *self,
                  gint64    programme_id,
                  GError  **error)
{
  if (query_integer (self, "SELECT count(*) FROM programmes WHERE id = ?", programme_id, 0) > 0)
    return TRUE;

  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
               _("no programme has the id %lld"), (long long)programme_id);
  return FALSE;
}

/* Updates the row @id of the programme's hosts, organisations or
 * participants to hold @row; @extra, when given, names the one parameter
 * the table's update has besides its columns, bound to @extra_id (a row
 * id, 0 for NULL) or @extra_text. */
static gboolean
update_row_with (VpStore          *self,
                 VpColumnTableId   table_id,
                 gint64            programme_id,
                 gint64            id,
                 gconstpointer     row,
                 const char       *extra,
                 gint64            extra_id,
                 const char       *extra_text,
                 GError          **error)
{
  const VpColumnTable *table = column_table (table_id);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, table->update, error);

  if (stmt == NULL)
    return FALSE;
  vp_column_table_bind (table, stmt, row);
  bind_named_int64 (stmt, ":id", id);
  bind_named_int64 (stmt, ":programme_id", programme_id);
  if (extra != NULL && extra_text != NULL)
    sqlite3_bind_text (stmt, vp_column_parameter (stmt, extra), extra_text, -1,
                       SQLITE_TRANSIENT);
  else if (extra != NULL)
    bind_named_id (stmt, extra, extra_id);
  return vp_store_step_done (self, stmt, error);
}

static gboolean
update_row (VpStore          *self,
            VpColumnTableId   table_id,
            gint64            programme_id,
            gint64            id,
            gconstpointer     row,
            GError          **error)
{
  return update_row_with (self, table_id, programme_id, id, row, NULL, 0, NULL, error);
}

static gboolean
host_shown_differently (VpHost *a,
                        VpHost *b)
{
  return g_strcmp0 (vp_host_get_name (a), vp_host_get_name (b)) != 0 ||
         g_strcmp0 (vp_host_get_address (a), vp_host_get_address (b)) != 0 ||
         g_strcmp0 (vp_host_get_city (a), vp_host_get_city (b)) != 0 ||
         g_strcmp0 (vp_host_get_contact_name (a), vp_host_get_contact_name (b)) != 0 ||
         g_strcmp0 (vp_host_get_contact_email (a), vp_host_get_contact_email (b)) != 0 ||
         g_strcmp0 (vp_host_get_phone (a), vp_host_get_phone (b)) != 0 ||
         g_strcmp0 (vp_host_get_notes (a), vp_host_get_notes (b)) != 0 ||
         vp_host_has_position (a) != vp_host_has_position (b) ||
         (vp_host_has_position (a) &&
          (vp_host_get_latitude (a) != vp_host_get_latitude (b) ||
           vp_host_get_longitude (a) != vp_host_get_longitude (b)));
}

gboolean
vp_store_save_host (VpStore  *self,
                    gint64    programme_id,
                    VpHost   *host,
                    VpHost   *read,
                    GError  **error)
{
  g_auto(Write) write = { NULL, };
  g_autofree char *old_ref = NULL;
  gint64 id = vp_host_get_id (host);

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_HOST (host), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vp_text_is_blank (vp_host_get_name (host)))
    return invalid (error, _("Name"), _("a host needs a name"));
  if (!check_email (_("Contact email"), vp_host_get_contact_email (host), error) ||
      !check_country (_("Country"), vp_host_get_country (host), error) ||
      !check_position (vp_host_get_latitude (host), vp_host_get_longitude (host), error) ||
      !check_count (_("Largest group"), vp_host_get_max_group_size (host), error))
    return FALSE;

  if (!vp_store_begin (self, error))
    return FALSE;
  if (!programme_exists (self, programme_id, error) ||
      !check_unchanged (self, VP_ENTITY_HOST, id, read, error) ||
      !write_init (&write, self, programme_id, error))
    goto fail;

  if (id != 0)
    old_ref = stored_ref (self, "hosts", programme_id, id);
  {
    g_autofree char *ref = ref_for_save (self, "hosts", "host", _("host"), programme_id, id,
                                         vp_host_get_ref (host), error);

    if (ref == NULL)
      goto fail;
    vp_host_set_ref (host, ref);
  }

  if (old_ref != NULL && g_strcmp0 (old_ref, vp_host_get_ref (host)) != 0)
    {
      Rename rename = { VP_WITHDRAWAL_HOST, old_ref, vp_host_get_ref (host) };

      if (!rename_withdrawals (self, programme_id, &rename, error))
        goto fail;
    }

  if (id == 0)
    {
      id = insert_host (&write, host, (int)next_position (self, "hosts", programme_id), error);
      if (id == 0)
        goto fail;
    }
  else
    {
      /* What the host's sessions show in calendars (name, address,
       * contact, site rules, position): a change there reaches them. */
      g_autoptr(VpSnapshot) before = vp_store_load_snapshot_locked (self, programme_id, NULL);
      VpHost *stored = NULL;

      if (before != NULL)
        {
          GPtrArray *hosts = vp_snapshot_get_hosts (before);

          for (guint i = 0; i < hosts->len && stored == NULL; i++)
            if (vp_host_get_id (g_ptr_array_index (hosts, i)) == id)
              stored = g_ptr_array_index (hosts, i);
        }

      if (!update_row (self, VP_COLUMN_TABLE_HOSTS, programme_id, id, host, error))
        goto fail;

      if (stored != NULL && host_shown_differently (stored, host) &&
          !touch_sessions (self, "host_id = ?1", id, error))
        goto fail;
    }

  if (!finish_save (self, programme_id, VP_ENTITY_HOST, id, host, error))
    goto fail;
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* The closing kit as the rules of values have it: items of the rules,
 * each once, each with a day. */
static gboolean
check_evidence (VpOrganisation  *organisation,
                GError         **error)
{
  GPtrArray *evidence = vp_organisation_get_evidence (organisation);
  const VpCxcRules *rules = vp_cxc_rules_get ();

  for (guint i = 0; i < evidence->len; i++)
    {
      VpEvidence *entry = g_ptr_array_index (evidence, i);
      const VpCxcEvidenceItem *item = vp_cxc_rules_find_evidence_item (rules, entry->item);
      g_autoptr(GError) local_error = NULL;
      GDate day;

      if (item == NULL)
        return invalid (error, _("Closing kit"), _("“%s” is not an item of the closing kit"),
                        entry->item != NULL ? entry->item : "");
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (((VpEvidence *)g_ptr_array_index (evidence, j))->item, entry->item) == 0)
          return invalid (error, vp_cxc_evidence_item_get_label (item),
                          _("the item is listed twice"));
      if (!vp_value_check_date (entry->received != NULL ? entry->received : "", &day,
                                &local_error))
        return invalid (error, vp_cxc_evidence_item_get_label (item), "%s",
                        local_error->message);
    }

  return TRUE;
}

static gboolean
validate_organisation (VpOrganisation  *organisation,
                       char           **key,
                       GError         **error)
{
  *key = vp_organisation_name_key (vp_organisation_get_name (organisation));
  if (*key == NULL)
    return invalid (error, _("Name"), _("an organisation needs a name"));
  return check_email (_("Contact email"), vp_organisation_get_contact_email (organisation),
                      error) &&
         check_country (_("Country"), vp_organisation_get_country (organisation), error) &&
         check_position (vp_organisation_get_latitude (organisation),
                         vp_organisation_get_longitude (organisation), error) &&
         check_evidence (organisation, error);
}

/* In the caller's transaction: writes @organisation (checked, its name's
 * key @key) over the row @read was read as; its row id, or 0. */
static gint64
write_organisation (VpStore         *self,
                    gint64           programme_id,
                    VpOrganisation  *organisation,
                    VpOrganisation  *read,
                    const char      *key,
                    GError         **error)
{
  g_auto(Write) write = { NULL, };
  g_autofree char *old_name = NULL;
  gint64 id = vp_organisation_get_id (organisation);
  gint64 same_name;

  if (!programme_exists (self, programme_id, error) ||
      !check_unchanged (self, VP_ENTITY_ORGANISATION, id, read, error) ||
      !write_init (&write, self, programme_id, error) || !load_ref_maps (&write, error))
    return 0;

  same_name = ref_id (&write, write.organisation_keys, key);
  if (same_name != 0 && same_name != id)
    {
      invalid (error, _("Name"), _("the programme already has the organisation “%s”"),
               vp_organisation_get_name (organisation));
      return 0;
    }

  {
    g_autofree char *ref = ref_for_save (self, "organisations", "organisation",
                                         _("organisation"), programme_id, id,
                                         vp_organisation_get_ref (organisation), error);

    if (ref == NULL)
      return 0;
    vp_organisation_set_ref (organisation, ref);
  }
  if (vp_organisation_get_uid (organisation) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();

      vp_organisation_set_uid (organisation, uid);
    }

  if (id == 0)
    return insert_organisation (&write, organisation,
                                (int)next_position (self, "organisations", programme_id), error);

  {
    g_auto(VpStoreQuery) query = { NULL, };
    sqlite3_stmt *stmt = vp_store_query (self, &query,
                                         "SELECT name FROM organisations WHERE id = ?", error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      old_name = g_strdup (column_text (stmt, 0));
  }

  if (!update_row_with (self, VP_COLUMN_TABLE_ORGANISATIONS, programme_id, id, organisation,
                        ":name_key", 0, key, error) ||
      !run_with_ids (self, "DELETE FROM evidence WHERE organisation_id = ?1", id, 0, error) ||
      !insert_evidence (&write, id, organisation, error))
    return 0;
  /* its people show its name: their rows change with it */
  if (g_strcmp0 (old_name, vp_organisation_get_name (organisation)) != 0 &&
      !run_with_ids (self, "UPDATE participants SET organisation_id = organisation_id "
                     "WHERE organisation_id = ?1", id, 0, error))
    return 0;

  return id;
}

gboolean
vp_store_save_organisation (VpStore         *self,
                            gint64           programme_id,
                            VpOrganisation  *organisation,
                            VpOrganisation  *read,
                            GError         **error)
{
  g_autofree char *key = NULL;
  gint64 id;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_ORGANISATION (organisation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_organisation (organisation, &key, error))
    return FALSE;

  if (!vp_store_begin (self, error))
    return FALSE;
  id = write_organisation (self, programme_id, organisation, read, key, error);
  if (id == 0 || !finish_save (self, programme_id, VP_ENTITY_ORGANISATION, id, organisation,
                               error))
    {
      vp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
vp_store_set_evidence (VpStore     *self,
                       gint64       programme_id,
                       gint64       organisation_id,
                       const char  *item,
                       const char  *received,
                       gboolean    *changed,
                       GError     **error)
{
  g_autoptr(GObject) stored = NULL;
  g_autoptr(VpOrganisation) edited = NULL;
  g_autofree char *key = NULL;
  const VpCxcEvidenceItem *known;
  gint64 id;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;
  known = vp_cxc_rules_find_evidence_item (vp_cxc_rules_get (), item);
  if (known == NULL)
    return invalid (error, _("Closing kit"), _("“%s” is not an item of the closing kit"), item);

  /* read and written in one transaction: no other write comes between */
  if (!vp_store_begin (self, error))
    return FALSE;
  if (query_integer (self, "SELECT programme_id FROM organisations WHERE id = ?",
                     organisation_id, 0) != programme_id)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("the programme has no organisation with the id %lld"),
                   (long long)organisation_id);
      goto fail;
    }
  stored = vp_store_load_row (self, VP_ENTITY_ORGANISATION, organisation_id, error);
  if (stored == NULL)
    goto fail;

  edited = vp_organisation_copy (VP_ORGANISATION (stored));
  if (!vp_organisation_set_evidence_received (edited, item, received))
    {
      vp_store_rollback (self);
      return TRUE;
    }
  if (!validate_organisation (edited, &key, error))
    goto fail;

  id = write_organisation (self, programme_id, edited, VP_ORGANISATION (stored), key, error);
  if (id == 0 || !finish_save (self, programme_id, VP_ENTITY_ORGANISATION, id, edited, error))
    goto fail;
  if (changed != NULL)
    *changed = TRUE;
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* Resolves the participant's travel and checks its stays, on @participant
 * itself (canonical local times, instants). */
static gboolean
prepare_participant (VpStore        *self,
                     gint64          programme_id,
                     VpParticipant  *participant,
                     GError        **error)
{
  g_autofree char *zone = stored_timezone (self, programme_id);
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);
  g_autoptr(GError) local_error = NULL;

  if (vp_text_is_blank (vp_participant_get_name (participant)))
    return invalid (error, _("Name"), _("a participant needs a name"));
  if (!check_email (_("Email"), vp_participant_get_email (participant), error) ||
      !check_country (_("Country"), vp_participant_get_country (participant), error) ||
      !vp_privacy_check_consent (participant, error))
    return FALSE;
  if (vp_participant_get_consent_given (participant) != NULL &&
      !vp_value_check_date (vp_participant_get_consent_given (participant), NULL, &local_error))
    return invalid (error, _("Consent given on"), "%s", local_error->message);
  if (zone == NULL)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return FALSE;
    }

  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);
      g_autofree char *depart = NULL;
      g_autofree char *arrive = NULL;

      if (!resolve (_("Departure"), leg->depart, leg->depart_timezone ? leg->depart_timezone : zone,
                    &depart, &leg->depart_utc, error) ||
          !resolve (_("Arrival"), leg->arrive, leg->arrive_timezone ? leg->arrive_timezone : zone,
                    &arrive, &leg->arrive_utc, error))
        return FALSE;
      if (!vp_value_check_order (VP_SPAN_JOURNEY, leg->depart_utc, leg->arrive_utc, depart, arrive,
                                 &local_error))
        return invalid (error, _("Arrival"), "%s", local_error->message);

      g_free (leg->depart);
      leg->depart = g_steal_pointer (&depart);
      g_free (leg->arrive);
      leg->arrive = g_steal_pointer (&arrive);
    }

  for (guint i = 0; i < stays->len; i++)
    {
      VpStay *stay = g_ptr_array_index (stays, i);
      GDate check_in;
      GDate check_out;

      if (!vp_value_check_date (stay->check_in ? stay->check_in : "", &check_in, &local_error))
        return invalid (error, _("Check-in"), "%s", local_error->message);
      if (!vp_value_check_date (stay->check_out ? stay->check_out : "", &check_out, &local_error))
        return invalid (error, _("Check-out"), "%s", local_error->message);
      if (!vp_value_check_days (VP_SPAN_STAY, &check_in, &check_out, &local_error))
        return invalid (error, _("Check-out"), "%s", local_error->message);
    }

  return TRUE;
}

gboolean
vp_store_save_participant (VpStore        *self,
                           gint64          programme_id,
                           VpParticipant  *participant,
                           VpParticipant  *read,
                           GError        **error)
{
  g_auto(Write) write = { NULL, };
  g_autoptr(VpSnapshot) before = NULL;
  g_autofree char *old_ref = NULL;
  gint64 organisation_id;
  gint64 id;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vp_store_begin (self, error))
    return FALSE;
  if (!check_unchanged (self, VP_ENTITY_PARTICIPANT, vp_participant_get_id (participant), read,
                        error) ||
      !prepare_participant (self, programme_id, participant, error) ||
      !write_init (&write, self, programme_id, error) || !load_ref_maps (&write, error))
    goto fail;

  id = vp_participant_get_id (participant);
  if (id != 0)
    old_ref = stored_ref (self, "participants", programme_id, id);
  {
    g_autofree char *ref =
      ref_for_save (self, "participants", "participant", _("participant"), programme_id, id,
                    vp_participant_get_ref (participant), error);

    if (ref == NULL)
      goto fail;
    vp_participant_set_ref (participant, ref);
  }

  if (id == 0)
    {
      id = insert_participant (&write, participant,
                               (int)next_position (self, "participants", programme_id), error);
      if (id == 0)
        goto fail;
    }
  else
    {
      /* The programme as stored: the legs and stays saved again keep their
       * uid (their revision rises if they changed); those gone are
       * withdrawn from the participant's calendar. */
      before = vp_store_load_snapshot_locked (self, programme_id, error);
      if (before == NULL)
        goto fail;

      organisation_id = organisation_id_for (&write, participant, error);
      if (organisation_id < 0 ||
          !update_row_with (self, VP_COLUMN_TABLE_PARTICIPANTS, programme_id, id, participant,
                            ":organisation_id", organisation_id, NULL, error))
        goto fail;

      write.previous = before;
      if (!run_with_ids (self, "DELETE FROM travel_legs WHERE participant_id = ?1", id, 0, error) ||
          !run_with_ids (self, "DELETE FROM stays WHERE participant_id = ?1", id, 0, error) ||
          !insert_travel (&write, id, participant, lookup_participant_by_id (before, id), error))
        goto fail;

      if (old_ref != NULL && g_strcmp0 (old_ref, vp_participant_get_ref (participant)) != 0)
        {
          Rename rename = { VP_WITHDRAWAL_PARTICIPANT, old_ref,
                            vp_participant_get_ref (participant) };

          if (!rename_withdrawals (self, programme_id, &rename, error) ||
              !settle_withdrawals (&write, before, &rename, NULL, error))
            goto fail;
        }
      else if (!settle_withdrawals (&write, before, NULL, NULL, error))
        goto fail;
    }

  if (!finish_save (self, programme_id, VP_ENTITY_PARTICIPANT, id, participant, error))
    goto fail;
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* The session @id of @snapshot (the programme as stored) with its host and
 * attendees, or NULL. */
static VpSession *
lookup_session_by_id (VpSnapshot *snapshot,
                      gint64      id)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  for (guint i = 0; i < sessions->len; i++)
    if (vp_session_get_id (g_ptr_array_index (sessions, i)) == id)
      return g_ptr_array_index (sessions, i);

  return NULL;
}

gboolean
vp_store_save_session (VpStore    *self,
                       gint64      programme_id,
                       VpSession  *session,
                       VpSession  *read,
                       GError    **error)
{
  g_auto(Write) write = { NULL, };
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  VpStoreScope scope = { 0, };
  VpSession *previous = NULL;
  gboolean same_calendars;
  g_autofree char *zone = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *start_zone;
  const char *end_zone;
  gint64 start_utc;
  gint64 end_utc;
  gint64 id;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vp_text_is_blank (vp_session_get_title (session)))
    return invalid (error, _("Title"), _("a session needs a title"));
  if (!check_count (_("Capacity"), vp_session_get_capacity (session), error))
    return FALSE;

  if (!vp_store_begin (self, error))
    return FALSE;

  zone = stored_timezone (self, programme_id);
  if (zone == NULL)
    {
      programme_exists (self, programme_id, error);
      goto fail;
    }
  /* the session as stored, read once: what the editor read is compared
   * with it, and a save that keeps its host and attendees writes from it */
  id = vp_session_get_id (session);
  if (id != 0)
    {
      stored = vp_store_load_row (self, VP_ENTITY_SESSION, id, error);
      if (stored == NULL && error != NULL && *error != NULL)
        goto fail;
      if (!check_current (stored, read, error))
        goto fail;
    }

  start_zone = vp_session_get_timezone (session) ? vp_session_get_timezone (session) : zone;
  end_zone =
    vp_session_get_end_timezone (session) ? vp_session_get_end_timezone (session) : start_zone;
  if (!resolve (_("Start"), vp_session_get_start (session), start_zone, &start, &start_utc,
                error) ||
      !resolve (_("End"), vp_session_get_end (session), end_zone, &end, &end_utc, error))
    goto fail;
  if (!vp_value_check_order (VP_SPAN_SESSION, start_utc, end_utc, start, end, &local_error))
    {
      invalid (error, _("End"), "%s", local_error->message);
      goto fail;
    }
  vp_session_set_start (session, start);
  vp_session_set_end (session, end);
  vp_session_set_instants (session, start_utc, end_utc);

  if (!write_init (&write, self, programme_id, error) || !load_ref_maps (&write, error))
    goto fail;
  write.attendances_stay = TRUE;

  if (vp_session_get_uid (session) == NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();
      vp_session_set_uid (session, uid);
    }
  /* The same host and the same people: no calendar gains or loses the
   * session, so nothing is withdrawn or comes back (settled by the write
   * that last changed them), and the session as stored is all it needs. */
  same_calendars = stored != NULL &&
                   g_strcmp0 (vp_session_get_host_ref (VP_SESSION (stored)),
                              vp_session_get_host_ref (session)) == 0 &&
                   same_attendees (VP_SESSION (stored), session);
  if (same_calendars)
    previous = VP_SESSION (stored);
  else
    {
      /* what the session's calendars had: the session as stored, its
       * programme's hosts and the people it names (everyone, when it was or
       * becomes a session for everyone) */
      scope.everyone = stored != NULL && vp_session_get_attendees_all (VP_SESSION (stored));
      scope.session_id = id;
      scope.participant_refs = vp_session_get_attendees (session);
      scope.everyone |= vp_session_get_attendees_all (session);
      before = vp_store_load_session_scope_locked (self, programme_id, &scope, error);
      if (before == NULL)
        goto fail;
      if (id != 0)
        previous = lookup_session_by_id (before, id);
    }

  if (vp_session_get_ref (session) == NULL)
    {
      g_autofree char *ref = previous != NULL ? g_strdup (vp_session_get_ref (previous))
                                              : new_ref (self, "sessions", "session", programme_id);
      vp_session_set_ref (session, ref);
    }

  if (previous == NULL)
    {
      vp_session_set_id (session, 0);
      id = insert_session (&write, session, error);
      if (id == 0)
        goto fail;
    }
  else if (update_session (&write, previous, session, error) < 0)
    goto fail;

  /* an attendee taken off or a host changed: their calendars cancel it;
   * someone put back gets it with a revision above that cancellation */
  scope.session_id = id;
  if (!same_calendars && !settle_withdrawals (&write, before, NULL, &scope, error))
    goto fail;
  if (!finish_save (self, programme_id, VP_ENTITY_SESSION, id, session, error))
    goto fail;
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* Deletes rows by id; @touched, when not NULL, selects (with ?1 the row id)
 * the sessions whose calendar events the deletion changes; @release, when
 * not NULL, is run first with ?1 the row id (an organisation lets its
 * people go).  With @since not negative, only while nothing was written
 * since (unchanged_since()). */
static gboolean
delete_rows (VpStore       *self,
             const char    *table,
             const char    *touched,
             const char    *release,
             gint64         programme_id,
             const gint64  *ids,
             guint          n_ids,
             gint64         since,
             GError       **error)
{
  g_autofree char *sql =
    g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND programme_id = ?2", table);
  g_auto(Write) write = { NULL, };
  g_autoptr(VpSnapshot) before = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vp_store_begin (self, error))
    return FALSE;

  if (since >= 0 && !unchanged_since (self, since, error))
    goto fail;

  /* what the calendars had: a deleted session is withdrawn from them */
  if (query_integer (self, "SELECT count(*) FROM programmes WHERE id = ?", programme_id, 0) > 0)
    {
      before = vp_store_load_snapshot_locked (self, programme_id, error);
      if (before == NULL || !write_init (&write, self, programme_id, error))
        goto fail;
    }

  for (guint i = 0; i < n_ids; i++)
    if ((touched != NULL && row_in_programme (self, table, programme_id, ids[i]) &&
         !touch_sessions (self, touched, ids[i], error)) ||
        (release != NULL && row_in_programme (self, table, programme_id, ids[i]) &&
         !run_with_ids (self, release, ids[i], 0, error)) ||
        !run_with_ids (self, sql, ids[i], programme_id, error))
      goto fail;

  if ((before != NULL && !settle_withdrawals (&write, before, NULL, NULL, error)) ||
      !vp_store_commit (self, error))
    goto fail;

  vp_store_notify_changed (self, programme_id);
  return TRUE;

fail:
  vp_store_rollback (self);
  return FALSE;
}

/* Deletes rows of one kind (@type: VP_TYPE_HOST, _ORGANISATION,
 * _PARTICIPANT or _SESSION), with what each takes along. */
static gboolean
delete_of_type (VpStore       *self,
                GType          type,
                gint64         programme_id,
                const gint64  *ids,
                guint          n_ids,
                gint64         since,
                GError       **error)
{
  /* a host's sessions lose their host: calendars must hear of it */
  if (type == VP_TYPE_HOST)
    return delete_rows (self, "hosts", "host_id = ?1", NULL, programme_id, ids, n_ids, since,
                        error);
  /* an organisation's people then belong to none */
  if (type == VP_TYPE_ORGANISATION)
    return delete_rows (self, "organisations", NULL,
                        "UPDATE participants SET organisation_id = NULL WHERE organisation_id = ?1",
                        programme_id, ids, n_ids, since, error);
  /* the sessions a participant was listed for change their attendees */
  if (type == VP_TYPE_PARTICIPANT)
    return delete_rows (self, "participants",
                        "id IN (SELECT session_id FROM attendances WHERE participant_id = ?1)",
                        NULL, programme_id, ids, n_ids, since, error);
  g_return_val_if_fail (type == VP_TYPE_SESSION, FALSE);
  return delete_rows (self, "sessions", NULL, NULL, programme_id, ids, n_ids, since, error);
}

gboolean
vp_store_delete_hosts (VpStore       *self,
                       gint64         programme_id,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  return delete_of_type (self, VP_TYPE_HOST, programme_id, ids, n_ids, -1, error);
}

gboolean
vp_store_delete_organisations (VpStore       *self,
                               gint64         programme_id,
                               const gint64  *ids,
                               guint          n_ids,
                               GError       **error)
{
  return delete_of_type (self, VP_TYPE_ORGANISATION, programme_id, ids, n_ids, -1, error);
}

gboolean
vp_store_delete_participants (VpStore       *self,
                              gint64         programme_id,
                              const gint64  *ids,
                              guint          n_ids,
                              GError       **error)
{
  return delete_of_type (self, VP_TYPE_PARTICIPANT, programme_id, ids, n_ids, -1, error);
}

gboolean
vp_store_delete_sessions (VpStore       *self,
                          gint64         programme_id,
                          const gint64  *ids,
                          guint          n_ids,
                          GError       **error)
{
  return delete_of_type (self, VP_TYPE_SESSION, programme_id, ids, n_ids, -1, error);
}

gboolean
vp_store_delete_row_since (VpStore  *self,
                           gint64    programme_id,
                           GType     type,
                           gint64    id,
                           gint64    since,
                           GError  **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (since >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (type == VP_TYPE_PROGRAMME)
    {
      if (!vp_store_begin (self, error))
        return FALSE;
      if (!unchanged_since (self, since, error) ||
          !vp_store_delete_programme_locked (self, id, error) ||
          !vp_store_commit (self, error))
        {
          vp_store_rollback (self);
          return FALSE;
        }
      vp_store_notify_changed (self, id);
      return TRUE;
    }

  return delete_of_type (self, type, programme_id, &id, 1, since, error);
}

/* Moves the local time @text by @days days, keeping the wall time. */
static char *
shift_local (const char *text,
             int         days)
{
  VpLocalTime time;
  GDate date;

  if (text == NULL || !vp_local_time_parse (text, &time, NULL))
    return g_strdup (text);

  vp_local_time_get_date (&time, &date);
  if (days >= 0)
    g_date_add_days (&date, (guint)days);
  else
    g_date_subtract_days (&date, (guint)-days);
  time.year = g_date_get_year (&date);
  time.month = g_date_get_month (&date);
  time.day = g_date_get_day (&date);

  return vp_local_time_format (&time);
}

gint64
vp_store_duplicate_programme (VpStore     *self,
                              gint64       programme_id,
                              const char  *start_date,
                              GError     **error)
{
  g_autoptr(VpSnapshot) source = NULL;
  g_autoptr(VpSnapshot) copy = NULL;
  g_autoptr(VpProgramme) programme = NULL;
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *end_text = NULL;
  GPtrArray *hosts;
  GPtrArray *sessions;
  GDate old_start;
  GDate new_start;
  GDate end;
  gint64 id = 0;
  int days;

  g_return_val_if_fail (VP_IS_STORE (self), 0);
  g_return_val_if_fail (start_date != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!vp_date_parse (start_date, &new_start, NULL))
    {
      invalid (error, _("First day"), _("write the day as YYYY-MM-DD"));
      return 0;
    }

  source = vp_store_load_snapshot (self, programme_id, error);
  if (source == NULL)
    return 0;

  programme = vp_programme_copy (vp_snapshot_get_programme (source));
  vp_date_parse (vp_programme_get_start_date (programme), &old_start, NULL);
  vp_date_parse (vp_programme_get_end_date (programme), &end, NULL);
  days = (int)g_date_days_between (&old_start, &new_start);
  if (days >= 0)
    g_date_add_days (&end, (guint)days);
  else
    g_date_subtract_days (&end, (guint)-days);
  end_text = vp_date_format (&end);

  vp_programme_set_id (programme, 0);
  vp_programme_set_uid (programme, uid);
  vp_programme_set_status (programme, VP_PROGRAMME_STATUS_DRAFT);
  vp_programme_set_start_date (programme, start_date);
  vp_programme_set_end_date (programme, end_text);
  copy = vp_snapshot_new (programme);

  hosts = vp_snapshot_get_hosts (source);
  for (guint i = 0; i < hosts->len; i++)
    {
      g_autoptr(VpHost) host = vp_host_copy (g_ptr_array_index (hosts, i));

      vp_host_set_id (host, 0);
      vp_snapshot_add_host (copy, host);
    }

  sessions = vp_snapshot_get_sessions (source);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autoptr(VpSession) session = vp_session_copy (g_ptr_array_index (sessions, i));
      g_autofree char *session_uid = g_uuid_string_random ();
      g_autofree char *start = shift_local (vp_session_get_start (session), days);
      g_autofree char *finish = shift_local (vp_session_get_end (session), days);
      const char *start_zone = vp_session_get_timezone (session)
                                 ? vp_session_get_timezone (session)
                                 : vp_programme_get_timezone (programme);
      const char *end_zone =
        vp_session_get_end_timezone (session) ? vp_session_get_end_timezone (session) : start_zone;
      gint64 start_utc;
      gint64 end_utc;

      if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
        continue;

      if (!resolve (vp_session_get_title (session), start, start_zone, NULL, &start_utc, error) ||
          !resolve (vp_session_get_title (session), finish, end_zone, NULL, &end_utc, error))
        return 0;

      vp_session_set_id (session, 0);
      vp_session_set_uid (session, session_uid);
      vp_session_set_revision (session, 0);
      vp_session_set_modified_at (session, 0);
      vp_session_set_start (session, start);
      vp_session_set_end (session, finish);
      vp_session_set_instants (session, start_utc, end_utc);
      vp_session_clear_attendees (session);
      vp_session_set_attendees_all (session, TRUE);
      vp_snapshot_add_session (copy, session);
    }
  vp_snapshot_sort_sessions (copy);

  if (!vp_store_import_snapshot (self, copy, VP_STORE_IMPORT_NONE, &id, error))
    return 0;

  return id;
}

gint64
vp_store_get_change_count (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), 0);

  return vp_store_read_data_version (self) * 1000000 + (gint64)self->writes;
}

gboolean
vp_store_written_elsewhere_since (VpStore *self,
                                  gint64   change_count)
{
  g_return_val_if_fail (VP_IS_STORE (self), TRUE);

  /* data_version moves with the commits of other connections only */
  return vp_store_read_data_version (self) != change_count / 1000000;
}

/* vp-store-write.c: the store's writes: whole programmes and single edits, each in one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vp-store-private.h"

/* Writing a snapshot {{{1 */

typedef struct
{
  sqlite3_stmt *insert_host;
  sqlite3_stmt *insert_participant;
  sqlite3_stmt *insert_leg;
  sqlite3_stmt *insert_stay;
  sqlite3_stmt *insert_session;
  sqlite3_stmt *update_session;
  sqlite3_stmt *insert_attendance;
  sqlite3_stmt *delete_attendances;
} Statements;

static void
statements_clear (Statements *statements)
{
  g_clear_pointer (&statements->insert_host, sqlite3_finalize);
  g_clear_pointer (&statements->insert_participant, sqlite3_finalize);
  g_clear_pointer (&statements->insert_leg, sqlite3_finalize);
  g_clear_pointer (&statements->insert_stay, sqlite3_finalize);
  g_clear_pointer (&statements->insert_session, sqlite3_finalize);
  g_clear_pointer (&statements->update_session, sqlite3_finalize);
  g_clear_pointer (&statements->insert_attendance, sqlite3_finalize);
  g_clear_pointer (&statements->delete_attendances, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

#define SESSION_FIELDS \
  "ref, uid, revision, title, kind, start_local, end_local, timezone, end_timezone, " \
  "start_utc, end_utc, host_id, location, description, status, attendees_all, capacity, " \
  "modified_at"

static gboolean
statements_prepare (VpStore     *self,
                    Statements  *statements,
                    GError     **error)
{
  statements->insert_host =
    vp_store_prepare (self,
             "INSERT INTO hosts (programme_id, ref, position, name, kind, contact_name, "
             "contact_email, phone, address, city, country, latitude, longitude, "
             "max_group_size, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_host == NULL)
    return FALSE;

  statements->insert_participant =
    vp_store_prepare (self,
             "INSERT INTO participants (programme_id, ref, position, name, email, "
             "organisation, phone, country, role, dietary, accessibility, emergency_contact, "
             "notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_participant == NULL)
    return FALSE;

  statements->insert_leg =
    vp_store_prepare (self,
             "INSERT INTO travel_legs (participant_id, position, kind, reference, origin, "
             "destination, depart, depart_timezone, depart_utc, arrive, arrive_timezone, "
             "arrive_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_leg == NULL)
    return FALSE;

  statements->insert_stay =
    vp_store_prepare (self,
             "INSERT INTO stays (participant_id, position, name, address, check_in, "
             "check_out) VALUES (?,?,?,?,?,?)",
             error);
  if (statements->insert_stay == NULL)
    return FALSE;

  statements->insert_session =
    vp_store_prepare (self,
             "INSERT INTO sessions (" SESSION_FIELDS ", programme_id) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_session == NULL)
    return FALSE;

  statements->update_session =
    vp_store_prepare (self,
             "UPDATE sessions SET (" SESSION_FIELDS ") = "
             "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?",
             error);
  if (statements->update_session == NULL)
    return FALSE;

  statements->insert_attendance =
    vp_store_prepare (self,
             "INSERT INTO attendances (session_id, participant_id, position) VALUES (?,?,?)",
             error);
  if (statements->insert_attendance == NULL)
    return FALSE;

  statements->delete_attendances =
    vp_store_prepare (self, "DELETE FROM attendances WHERE session_id = ?", error);

  return statements->delete_attendances != NULL;
}

/* Binds the programme's fields to ?1 … ?18 of @stmt. */
static void
bind_programme (sqlite3_stmt *stmt,
                VpProgramme  *programme,
                gint64        now)
{
  bind_text (stmt, 1, vp_programme_get_uid (programme));
  bind_text (stmt, 2, vp_programme_get_title (programme));
  bind_text (stmt, 3, vp_programme_get_description (programme));
  bind_enum (stmt, 4, VP_TYPE_PROGRAMME_STATUS, vp_programme_get_status (programme));
  bind_text (stmt, 5, vp_programme_get_visiting_cluster (programme));
  bind_text (stmt, 6, vp_programme_get_host_cluster (programme));
  bind_text (stmt, 7, vp_programme_get_host_country (programme));
  bind_text (stmt, 8, vp_programme_get_timezone (programme));
  bind_text (stmt, 9, vp_programme_get_start_date (programme));
  bind_text (stmt, 10, vp_programme_get_end_date (programme));
  bind_text (stmt, 11, vp_programme_get_coordinator_name (programme));
  bind_text (stmt, 12, vp_programme_get_coordinator_email (programme));
  bind_text (stmt, 13, vp_programme_get_origin_city (programme));
  bind_double (stmt, 14, vp_programme_get_origin_latitude (programme));
  bind_double (stmt, 15, vp_programme_get_origin_longitude (programme));
  bind_double (stmt, 16, vp_programme_get_lump_sum_eur (programme));
  sqlite3_bind_int64 (stmt, 17, now);
}

static gint64
write_programme (VpStore      *self,
                 VpProgramme  *programme,
                 gint64        existing_id,
                 gint64        now,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  if (existing_id == 0)
    stmt = vp_store_prepare (self,
                    "INSERT INTO programmes (uid, title, description, status, visiting_cluster, "
                    "host_cluster, host_country, timezone, start_date, end_date, "
                    "coordinator_name, coordinator_email, origin_city, origin_latitude, "
                    "origin_longitude, lump_sum_eur, created_at, modified_at) "
                    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?17)",
                    error);
  else
    stmt = vp_store_prepare (self,
                    "UPDATE programmes SET (uid, title, description, status, visiting_cluster, "
                    "host_cluster, host_country, timezone, start_date, end_date, "
                    "coordinator_name, coordinator_email, origin_city, origin_latitude, "
                    "origin_longitude, lump_sum_eur, modified_at) = "
                    "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) WHERE id = ?18",
                    error);
  if (stmt == NULL)
    return 0;

  bind_programme (stmt, programme, now);
  if (existing_id != 0)
    sqlite3_bind_int64 (stmt, 18, existing_id);

  if (!vp_store_step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return 0;
    }
  sqlite3_finalize (stmt);

  return existing_id != 0 ? existing_id : sqlite3_last_insert_rowid (self->db);
}

static gboolean
write_hosts (VpStore     *self,
             Statements  *statements,
             gint64       programme_id,
             VpSnapshot  *snapshot,
             GHashTable  *host_ids,
             GError     **error)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  sqlite3_stmt *stmt = statements->insert_host;

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);

      sqlite3_bind_int64 (stmt, 1, programme_id);
      bind_text (stmt, 2, vp_host_get_ref (host));
      sqlite3_bind_int (stmt, 3, (int)i);
      bind_text (stmt, 4, vp_host_get_name (host));
      bind_enum (stmt, 5, VP_TYPE_HOST_KIND, vp_host_get_kind (host));
      bind_text (stmt, 6, vp_host_get_contact_name (host));
      bind_text (stmt, 7, vp_host_get_contact_email (host));
      bind_text (stmt, 8, vp_host_get_phone (host));
      bind_text (stmt, 9, vp_host_get_address (host));
      bind_text (stmt, 10, vp_host_get_city (host));
      bind_text (stmt, 11, vp_host_get_country (host));
      bind_double (stmt, 12, vp_host_get_latitude (host));
      bind_double (stmt, 13, vp_host_get_longitude (host));
      bind_count (stmt, 14, vp_host_get_max_group_size (host));
      bind_text (stmt, 15, vp_host_get_notes (host));

      if (!vp_store_step_done (self, stmt, error))
        return FALSE;

      g_hash_table_insert (host_ids, (gpointer)vp_host_get_ref (host),
                           ID_TO_KEY (sqlite3_last_insert_rowid (self->db)));
    }

  return TRUE;
}

static gboolean
write_participants (VpStore     *self,
                    Statements  *statements,
                    gint64       programme_id,
                    VpSnapshot  *snapshot,
                    GHashTable  *participant_ids,
                    GError     **error)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  sqlite3_stmt *stmt = statements->insert_participant;

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      GPtrArray *travel = vp_participant_get_travel (participant);
      GPtrArray *stays = vp_participant_get_accommodation (participant);
      gint64 participant_id;

      sqlite3_bind_int64 (stmt, 1, programme_id);
      bind_text (stmt, 2, vp_participant_get_ref (participant));
      sqlite3_bind_int (stmt, 3, (int)i);
      bind_text (stmt, 4, vp_participant_get_name (participant));
      bind_text (stmt, 5, vp_participant_get_email (participant));
      bind_text (stmt, 6, vp_participant_get_organisation (participant));
      bind_text (stmt, 7, vp_participant_get_phone (participant));
      bind_text (stmt, 8, vp_participant_get_country (participant));
      bind_enum (stmt, 9, VP_TYPE_PARTICIPANT_ROLE, vp_participant_get_role (participant));
      bind_text (stmt, 10, vp_participant_get_dietary (participant));
      bind_text (stmt, 11, vp_participant_get_accessibility (participant));
      bind_text (stmt, 12, vp_participant_get_emergency_contact (participant));
      bind_text (stmt, 13, vp_participant_get_notes (participant));

      if (!vp_store_step_done (self, stmt, error))
        return FALSE;

      participant_id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (participant_ids, (gpointer)vp_participant_get_ref (participant),
                           ID_TO_KEY (participant_id));

      for (guint j = 0; j < travel->len; j++)
        {
          VpTravelLeg *leg = g_ptr_array_index (travel, j);
          sqlite3_stmt *leg_stmt = statements->insert_leg;

          sqlite3_bind_int64 (leg_stmt, 1, participant_id);
          sqlite3_bind_int (leg_stmt, 2, (int)j);
          bind_enum (leg_stmt, 3, VP_TYPE_TRAVEL_KIND, leg->kind);
          bind_text (leg_stmt, 4, leg->reference);
          bind_text (leg_stmt, 5, leg->from);
          bind_text (leg_stmt, 6, leg->to);
          bind_text (leg_stmt, 7, leg->depart);
          bind_text (leg_stmt, 8, leg->depart_timezone);
          sqlite3_bind_int64 (leg_stmt, 9, leg->depart_utc);
          bind_text (leg_stmt, 10, leg->arrive);
          bind_text (leg_stmt, 11, leg->arrive_timezone);
          sqlite3_bind_int64 (leg_stmt, 12, leg->arrive_utc);

          if (!vp_store_step_done (self, leg_stmt, error))
            return FALSE;
        }

      for (guint j = 0; j < stays->len; j++)
        {
          VpStay *stay = g_ptr_array_index (stays, j);
          sqlite3_stmt *stay_stmt = statements->insert_stay;

          sqlite3_bind_int64 (stay_stmt, 1, participant_id);
          sqlite3_bind_int (stay_stmt, 2, (int)j);
          bind_text (stay_stmt, 3, stay->name);
          bind_text (stay_stmt, 4, stay->address);
          bind_text (stay_stmt, 5, stay->check_in);
          bind_text (stay_stmt, 6, stay->check_out);

          if (!vp_store_step_done (self, stay_stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Binds @session to the first 18 parameters of an insert or update. */
static void
bind_session (sqlite3_stmt *stmt,
              VpSession    *session,
              const char   *ref,
              int           revision,
              gint64        host_id,
              gint64        modified_at)
{
  bind_text (stmt, 1, ref);
  bind_text (stmt, 2, vp_session_get_uid (session));
  sqlite3_bind_int (stmt, 3, revision);
  bind_text (stmt, 4, vp_session_get_title (session));
  bind_enum (stmt, 5, VP_TYPE_SESSION_KIND, vp_session_get_kind (session));
  bind_text (stmt, 6, vp_session_get_start (session));
  bind_text (stmt, 7, vp_session_get_end (session));
  bind_text (stmt, 8, vp_session_get_timezone (session));
  bind_text (stmt, 9, vp_session_get_end_timezone (session));
  sqlite3_bind_int64 (stmt, 10, vp_session_get_start_utc (session));
  sqlite3_bind_int64 (stmt, 11, vp_session_get_end_utc (session));
  if (host_id != 0)
    sqlite3_bind_int64 (stmt, 12, host_id);
  else
    sqlite3_bind_null (stmt, 12);
  bind_text (stmt, 13, vp_session_get_location (session));
  bind_text (stmt, 14, vp_session_get_description (session));
  bind_enum (stmt, 15, VP_TYPE_SESSION_STATUS, vp_session_get_status (session));
  sqlite3_bind_int (stmt, 16, vp_session_get_attendees_all (session) ? 1 : 0);
  bind_count (stmt, 17, vp_session_get_capacity (session));
  sqlite3_bind_int64 (stmt, 18, modified_at);
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

static gboolean
write_attendances (VpStore     *self,
                   Statements  *statements,
                   gint64       session_id,
                   VpSession   *session,
                   GHashTable  *participant_ids,
                   GError     **error)
{
  GPtrArray *attendees = vp_session_get_attendees (session);
  sqlite3_stmt *stmt = statements->insert_attendance;

  if (vp_session_get_attendees_all (session))
    return TRUE;

  for (guint i = 0; i < attendees->len; i++)
    {
      const char *ref = g_ptr_array_index (attendees, i);
      gint64 participant_id = KEY_TO_ID (g_hash_table_lookup (participant_ids, ref));

      if (participant_id == 0)
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("session “%s” lists an attendee “%s” who is not a participant"),
                       vp_session_get_title (session), ref);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      if (!vp_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A session that left the document keeps the people who were to attend it
 * (and so hear of its cancellation in their calendars), as far as the new
 * document still has them: participants were replaced, so match by ref. */
static gboolean
write_surviving_attendances (VpStore     *self,
                             Statements  *statements,
                             VpSession   *previous,
                             GHashTable  *participant_ids,
                             GError     **error)
{
  GPtrArray *attendees = vp_session_get_attendees (previous);
  sqlite3_stmt *stmt = statements->insert_attendance;

  if (vp_session_get_attendees_all (previous))
    return TRUE;

  for (guint i = 0; i < attendees->len; i++)
    {
      gint64 participant_id = KEY_TO_ID (g_hash_table_lookup (participant_ids,
                                                              g_ptr_array_index (attendees, i)));

      if (participant_id == 0)
        continue;

      sqlite3_bind_int64 (stmt, 1, vp_session_get_id (previous));
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      if (!vp_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

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

static gboolean
write_sessions (VpStore     *self,
                Statements  *statements,
                gint64       programme_id,
                VpSnapshot  *snapshot,
                VpSnapshot  *old,
                GHashTable  *host_ids,
                GHashTable  *participant_ids,
                gint64       now,
                GError     **error)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  g_autoptr(GHashTable) taken_refs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sessions->len; i++)
    g_hash_table_add (taken_refs, (gpointer)vp_session_get_ref (g_ptr_array_index (sessions, i)));

  if (old != NULL)
    {
      sqlite3_stmt *stmt;

      /* Refs may move between sessions in the new document: park the old
       * ones out of the way of the unique index first. */
      stmt = vp_store_prepare (self,
                      "UPDATE sessions SET ref = char(1) || id WHERE programme_id = ?",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      if (!vp_store_step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpSession *previous = old ? vp_snapshot_lookup_session_by_uid (old, vp_session_get_uid (session))
                                : NULL;
      const char *host_ref = vp_session_get_host_ref (session);
      gint64 host_id = 0;
      gint64 session_id;

      if (host_ref != NULL)
        {
          host_id = KEY_TO_ID (g_hash_table_lookup (host_ids, host_ref));
          if (host_id == 0)
            {
              g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _("session “%s” is at a host “%s” that the programme does not have"),
                           vp_session_get_title (session), host_ref);
              return FALSE;
            }
        }

      if (previous == NULL)
        {
          sqlite3_stmt *stmt = statements->insert_session;

          bind_session (stmt, session, vp_session_get_ref (session),
                        vp_session_get_revision (session), host_id, now);
          sqlite3_bind_int64 (stmt, 19, programme_id);
          if (!vp_store_step_done (self, stmt, error))
            return FALSE;
          session_id = sqlite3_last_insert_rowid (self->db);
        }
      else
        {
          sqlite3_stmt *stmt = statements->update_session;
          int revision = vp_session_get_revision (previous);
          gint64 modified_at = now;

          if (session_changed (previous, session))
            revision = MAX (revision + 1, vp_session_get_revision (session));
          else
            modified_at = 0;

          session_id = vp_session_get_id (previous);
          bind_session (stmt, session, vp_session_get_ref (session), revision, host_id, modified_at);
          if (modified_at == 0)
            {
              /* unchanged for calendars: keep the stored time of the last change */
              sqlite3_stmt *keep = vp_store_prepare (self, "SELECT modified_at FROM sessions WHERE id = ?",
                                            error);

              if (keep == NULL)
                return FALSE;
              sqlite3_bind_int64 (keep, 1, session_id);
              if (sqlite3_step (keep) == SQLITE_ROW)
                sqlite3_bind_int64 (stmt, 18, sqlite3_column_int64 (keep, 0));
              sqlite3_finalize (keep);
            }
          sqlite3_bind_int64 (stmt, 19, session_id);
          if (!vp_store_step_done (self, stmt, error))
            return FALSE;

          sqlite3_bind_int64 (statements->delete_attendances, 1, session_id);
          if (!vp_store_step_done (self, statements->delete_attendances, error))
            return FALSE;
        }

      if (!write_attendances (self, statements, session_id, session, participant_ids, error))
        return FALSE;
    }

  if (old != NULL)
    {
      GPtrArray *old_sessions = vp_snapshot_get_sessions (old);
      sqlite3_stmt *stmt;

      /* Sessions that left the document are cancelled, not deleted: the
       * participants' calendars must hear of it. */
      stmt = vp_store_prepare (self,
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
          host_id = host_ref != NULL ? KEY_TO_ID (g_hash_table_lookup (host_ids, host_ref)) : 0;
          sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, now);
          sqlite3_bind_int64 (stmt, 3, vp_session_get_id (previous));
          if (host_id != 0)
            sqlite3_bind_int64 (stmt, 4, host_id);
          else
            sqlite3_bind_null (stmt, 4);
          if (!vp_store_step_done (self, stmt, error) ||
              !write_surviving_attendances (self, statements, previous, participant_ids, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      sqlite3_finalize (stmt);
    }

  return TRUE;
}

static gboolean
delete_people_and_places (VpStore     *self,
                          gint64       programme_id,
                          GError     **error)
{
  static const char * const sql[] = {
    "DELETE FROM participants WHERE programme_id = ?",
    "DELETE FROM hosts WHERE programme_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = vp_store_prepare (self, sql[i], error);
      gboolean ok;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      ok = vp_store_step_done (self, stmt, error);
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gint64
lookup_uid (VpStore     *self,
            const char  *uid,
            GError     **error)
{
  sqlite3_stmt *stmt = vp_store_prepare (self, "SELECT id FROM programmes WHERE uid = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static gboolean
import_in_transaction (VpStore             *self,
                       VpSnapshot          *snapshot,
                       VpStoreImportFlags   flags,
                       gint64              *programme_id,
                       GError             **error)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_auto(Statements) statements = { NULL, };
  g_autoptr(VpSnapshot) old = NULL;
  g_autoptr(GHashTable) host_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) participant_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
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
      old = vp_store_load_snapshot_locked (self, existing_id, error);
      if (old == NULL || !delete_people_and_places (self, existing_id, error))
        return FALSE;
    }

  *programme_id = write_programme (self, programme, existing_id, now, error);
  if (*programme_id == 0)
    return FALSE;

  return statements_prepare (self, &statements, error) &&
         write_hosts (self, &statements, *programme_id, snapshot, host_ids, error) &&
         write_participants (self, &statements, *programme_id, snapshot, participant_ids, error) &&
         write_sessions (self, &statements, *programme_id, snapshot, old, host_ids,
                         participant_ids, now, error);
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

  if (!import_in_transaction (self, snapshot, flags, &id, error))
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


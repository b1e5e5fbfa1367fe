/* vp-store-changes.c: what each write changed, row by row, and the live models it keeps current.
 *
 * The database's change log (schema step 3, written by triggers) says, for
 * every row of a programme, when it last changed and whether it is gone.
 * After each write of this connection, and when another program has
 * written (PRAGMA data_version moved), the store reads what the log gained
 * since it last looked, brings its live models up to date row by row, and
 * tells its listeners: ::rows-changed for each programme, kind of row and
 * kind of change, then ::changed once per programme. */
#include "config.h"

#include "vp-host.h"
#include "vp-organisation.h"
#include "vp-participant.h"
#include "vp-record.h"
#include "vp-session.h"
#include "vp-store-private.h"

/* The live models of one programme, kept from the first time they are
 * asked for until the programme is deleted or the store goes. */
typedef struct
{
  gint64      programme_id;
  GListStore *models[VP_N_ENTITIES];  /* NULL for the programme */
} Live;

/* What the log gained for one programme and kind of row. */
typedef struct
{
  gint64   programme_id;
  VpEntity entity;
  GArray  *ids[VP_CHANGE_REMOVED + 1];
} Batch;

static void
live_free (gpointer data)
{
  Live *live = data;

  for (guint i = 0; i < G_N_ELEMENTS (live->models); i++)
    g_clear_object (&live->models[i]);
  g_free (live);
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  for (guint i = 0; i < G_N_ELEMENTS (batch->ids); i++)
    g_clear_pointer (&batch->ids[i], g_array_unref);
  g_free (batch);
}

void
vp_store_changes_init (VpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, live_free);

  stmt = vp_store_prepare (self, "SELECT coalesce (max (seq), 0) FROM changes", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    self->change_seq = sqlite3_column_int64 (stmt, 0);
}

void
vp_store_changes_clear (VpStore *self)
{
  g_clear_pointer (&self->live, g_hash_table_unref);
}

static GType
entity_type (VpEntity entity)
{
  switch (entity)
    {
    case VP_ENTITY_HOST:
      return VP_TYPE_HOST;
    case VP_ENTITY_PARTICIPANT:
      return VP_TYPE_PARTICIPANT;
    case VP_ENTITY_SESSION:
      return VP_TYPE_SESSION;
    case VP_ENTITY_ORGANISATION:
      return VP_TYPE_ORGANISATION;
    case VP_ENTITY_PROGRAMME:
    default:
      g_assert_not_reached ();
    }
}

static gint64
row_id (VpEntity entity,
        gpointer object)
{
  switch (entity)
    {
    case VP_ENTITY_HOST:
      return vp_host_get_id (object);
    case VP_ENTITY_PARTICIPANT:
      return vp_participant_get_id (object);
    case VP_ENTITY_SESSION:
      return vp_session_get_id (object);
    case VP_ENTITY_ORGANISATION:
      return vp_organisation_get_id (object);
    case VP_ENTITY_PROGRAMME:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_pointed_sessions (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return vp_session_compare_time (*(VpSession **)a, *(VpSession **)b);
}

/* The ids of a programme's hosts, participants or organisations in their
 * stored order. */
static GArray *
stored_order (VpStore  *self,
              VpEntity  entity,
              gint64    programme_id)
{
  const char *sql = entity == VP_ENTITY_HOST
    ? "SELECT id FROM hosts WHERE programme_id = ?1 ORDER BY position, id"
    : entity == VP_ENTITY_ORGANISATION
    ? "SELECT id FROM organisations WHERE programme_id = ?1 ORDER BY position, id"
    : "SELECT id FROM participants WHERE programme_id = ?1 ORDER BY position, id";
  g_autoptr(sqlite3_stmt) stmt = vp_store_prepare (self, sql, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* Puts @model's items in the order @items has them (the same objects):
 * one splice of the part between what stayed in place at both ends. */
static void
reorder (GListStore *model,
         GPtrArray  *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint first = 0, last_old = n, last_new = items->len;

  while (first < n && first < items->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), first);

      if (item != g_ptr_array_index (items, first))
        break;
      first++;
    }
  while (last_old > first && last_new > first)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), last_old - 1);

      if (item != g_ptr_array_index (items, last_new - 1))
        break;
      last_old--;
      last_new--;
    }

  if (first < last_old || first < last_new)
    g_list_store_splice (model, first, last_old - first, items->pdata + first, last_new - first);
}

static guint
n_ids (const Batch *batch)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (batch->ids); i++)
    n += batch->ids[i] != NULL ? batch->ids[i]->len : 0;
  return n;
}

/* Row id → item, for the items of @items. */
static GHashTable *
index_items (VpEntity   entity,
             GPtrArray *items)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      g_hash_table_insert (index, g_memdup2 (&(gint64){ row_id (entity, item) }, sizeof (gint64)),
                           item);
    }
  return index;
}

/* The item of @items with row id @id: from @index when there is one. */
static GObject *
find_item (VpEntity    entity,
           GPtrArray  *items,
           GHashTable *index,
           gint64      id)
{
  if (index != NULL)
    return g_hash_table_lookup (index, &id);

  for (guint i = 0; i < items->len; i++)
    if (row_id (entity, g_ptr_array_index (items, i)) == id)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* The common edit: one session changed in place, its times as they were.
 * It is read again into the object the model holds and announced where it
 * is, without going over the whole list three times.  FALSE, with nothing
 * done, for any other batch: update_model() does the rest. */
static gboolean
update_one_session (VpStore    *self,
                    GListStore *model,
                    Batch      *batch)
{
  GArray *ids = batch->ids[VP_CHANGE_CHANGED];
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autoptr(GObject) row = NULL;
  gint64 id;

  if (batch->entity != VP_ENTITY_SESSION || batch->ids[VP_CHANGE_ADDED] != NULL ||
      batch->ids[VP_CHANGE_REMOVED] != NULL || ids == NULL || ids->len != 1)
    return FALSE;

  id = g_array_index (ids, gint64, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpSession) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (vp_session_get_id (item) != id)
        continue;

      /* the row the write just left is not read again */
      if (self->written != NULL && self->written_entity == VP_ENTITY_SESSION &&
          vp_session_get_id (VP_SESSION (self->written)) == id)
        row = g_object_ref (self->written);
      else
        row = vp_store_load_row (self, VP_ENTITY_SESSION, id, NULL);
      /* gone since, or moved in the order: the whole batch is read again */
      if (row == NULL || vp_session_compare_time (item, VP_SESSION (row)) != 0)
        return FALSE;
      if (vp_record_assign (G_OBJECT (item), row))
        g_list_store_splice (model, i, 1, (gpointer *)&item, 1);
      return TRUE;
    }

  return FALSE;
}

/* Brings one live model up to date with a batch: rows gone are removed,
 * rows added or changed read again (a changed one into the object the
 * model holds, so that selections and bindings stay), and the order made
 * the store's.  A row that changed in place is announced with
 * ::items-changed of itself, for views that draw from it. */
static void
update_model (VpStore    *self,
              GListStore *model,
              Batch      *batch)
{
  GListModel *list = G_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (list);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  gboolean resort = FALSE;

  if (update_one_session (self, model, batch))
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  /* a few rows are found by looking; many, by an index */
  if (n_ids (batch) > 16)
    index = index_items (batch->entity, items);

  for (guint i = 0; batch->ids[VP_CHANGE_REMOVED] != NULL &&
                    i < batch->ids[VP_CHANGE_REMOVED]->len; i++)
    {
      GObject *item = find_item (batch->entity, items, index,
                                 g_array_index (batch->ids[VP_CHANGE_REMOVED], gint64, i));

      if (item != NULL)
        g_hash_table_add (gone, item);
    }

  for (VpChange change = VP_CHANGE_ADDED; change <= VP_CHANGE_CHANGED; change++)
    {
      GArray *ids = batch->ids[change];

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(GObject) row = vp_store_load_row (self, batch->entity, id, &error);
          GObject *item = find_item (batch->entity, items, index, id);

          if (row == NULL)
            {
              /* gone again since the log was read: the next reading says so */
              if (error != NULL)
                g_warning ("Cannot read a changed row: %s", error->message);
              continue;
            }

          if (item == NULL)
            {
              if (index != NULL)
                g_hash_table_insert (index, g_memdup2 (&id, sizeof id), row);
              g_ptr_array_add (items, g_steal_pointer (&row));
              resort = TRUE;
            }
          else if (batch->entity == VP_ENTITY_SESSION &&
                   vp_session_compare_time (VP_SESSION (item), VP_SESSION (row)) != 0)
            {
              vp_record_assign (item, row);
              g_hash_table_add (touched, item);
              resort = TRUE;
            }
          else if (vp_record_assign (item, row))
            g_hash_table_add (touched, item);
        }
    }

  for (guint i = items->len; g_hash_table_size (gone) > 0 && i > 0; i--)
    if (g_hash_table_contains (gone, g_ptr_array_index (items, i - 1)))
      {
        g_hash_table_remove (touched, g_ptr_array_index (items, i - 1));
        g_ptr_array_remove_index (items, i - 1);
      }

  if (batch->entity == VP_ENTITY_SESSION)
    {
      if (resort)
        g_ptr_array_sort_with_data (items, compare_pointed_sessions, NULL);
    }
  else
    {
      g_autoptr(GArray) order = stored_order (self, batch->entity, batch->programme_id);
      g_autoptr(GPtrArray) ordered = g_ptr_array_new_full (order->len, g_object_unref);

      if (index == NULL)
        index = index_items (batch->entity, items);

      for (guint i = 0; i < order->len; i++)
        {
          GObject *item = find_item (batch->entity, items, index, g_array_index (order, gint64, i));

          if (item != NULL && !g_hash_table_contains (gone, item))
            g_ptr_array_add (ordered, g_object_ref (item));
        }
      /* Rows written since the log was read wait for the next reading. */
      if (ordered->len == items->len)
        {
          g_ptr_array_set_size (items, 0);
          g_ptr_array_extend_and_steal (items, g_steal_pointer (&ordered));
        }
    }

  reorder (model, items);

  if (g_hash_table_size (touched) > 0)
    {
      n = g_list_model_get_n_items (list);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);

          if (g_hash_table_contains (touched, item))
            g_list_store_splice (model, i, 1, (gpointer *)&item, 1);
        }
    }
}

static Batch *
lookup_batch (GHashTable *batches,
              GPtrArray  *order,
              gint64      programme_id,
              VpEntity    entity)
{
  gint64 key = programme_id * VP_N_ENTITIES + entity;
  Batch *batch = g_hash_table_lookup (batches, &key);

  if (batch == NULL)
    {
      batch = g_new0 (Batch, 1);
      batch->programme_id = programme_id;
      batch->entity = entity;
      g_hash_table_insert (batches, g_memdup2 (&key, sizeof key), batch);
      g_ptr_array_add (order, batch);
    }

  return batch;
}

/* Programmes first (a new one before its rows), then by programme and kind. */
static int
compare_batches (gconstpointer a,
                 gconstpointer b)
{
  const Batch *x = *(const Batch **)a;
  const Batch *y = *(const Batch **)b;

  if ((x->entity == VP_ENTITY_PROGRAMME) != (y->entity == VP_ENTITY_PROGRAMME))
    return x->entity == VP_ENTITY_PROGRAMME ? -1 : 1;
  if (x->programme_id != y->programme_id)
    return x->programme_id < y->programme_id ? -1 : 1;
  return (int)x->entity - (int)y->entity;
}

GArray *
vp_store_changes_read (VpStore *self)
{
  g_autoptr(GHashTable) batches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (batch_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GArray *programmes = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 since = self->change_seq;

  stmt = vp_store_prepare (self,
                           "SELECT seq, programme_id, entity, row_id, added_seq, removed "
                           "FROM changes WHERE seq > ?1 ORDER BY seq",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read what changed: %s", error->message);
      return programmes;
    }
  sqlite3_bind_int64 (stmt, 1, since);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 programme_id = sqlite3_column_int64 (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 3);
      int entity;
      VpChange change;
      Batch *batch;

      self->change_seq = MAX (self->change_seq, sqlite3_column_int64 (stmt, 0));
      if (!vp_enum_from_nick (VP_TYPE_ENTITY, column_text (stmt, 2), &entity))
        continue;

      if (sqlite3_column_int (stmt, 5) != 0)
        change = VP_CHANGE_REMOVED;
      else if (sqlite3_column_int64 (stmt, 4) > since)
        change = VP_CHANGE_ADDED;
      else
        change = VP_CHANGE_CHANGED;

      batch = lookup_batch (batches, order, programme_id, entity);
      if (batch->ids[change] == NULL)
        batch->ids[change] = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (batch->ids[change], id);
    }

  g_ptr_array_sort (order, compare_batches);

  /* Every live model first: a listener of any change sees them all current. */
  for (guint i = 0; i < order->len; i++)
    {
      Batch *batch = g_ptr_array_index (order, i);
      Live *live = g_hash_table_lookup (self->live, &batch->programme_id);

      if (batch->entity == VP_ENTITY_PROGRAMME)
        {
          if (batch->ids[VP_CHANGE_REMOVED] != NULL)
            g_hash_table_remove (self->live, &batch->programme_id);
        }
      else if (live != NULL && live->models[batch->entity] != NULL)
        update_model (self, live->models[batch->entity], batch);
    }

  for (guint i = 0; i < order->len; i++)
    {
      Batch *batch = g_ptr_array_index (order, i);
      gboolean seen = FALSE;

      for (VpChange change = VP_CHANGE_ADDED; change <= VP_CHANGE_REMOVED; change++)
        if (batch->ids[change] != NULL)
          vp_store_emit_rows_changed (self, batch->programme_id, batch->entity, change,
                                      batch->ids[change]);

      for (guint j = 0; j < programmes->len && !seen; j++)
        seen = g_array_index (programmes, gint64, j) == batch->programme_id;
      if (!seen)
        g_array_append_val (programmes, batch->programme_id);
    }

  return programmes;
}

static void
fill_live (VpStore *self,
           Live    *live)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = vp_store_load_snapshot (self, live->programme_id, &error);
  GPtrArray *rows[] = {
    [VP_ENTITY_HOST] = snapshot ? vp_snapshot_get_hosts (snapshot) : NULL,
    [VP_ENTITY_PARTICIPANT] = snapshot ? vp_snapshot_get_participants (snapshot) : NULL,
    [VP_ENTITY_SESSION] = snapshot ? vp_snapshot_get_sessions (snapshot) : NULL,
    [VP_ENTITY_ORGANISATION] = snapshot ? vp_snapshot_get_organisations (snapshot) : NULL,
  };

  if (snapshot == NULL && !g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND))
    g_warning ("Cannot read programme %" G_GINT64_FORMAT ": %s", live->programme_id,
               error->message);

  for (VpEntity entity = VP_ENTITY_HOST; entity < VP_N_ENTITIES; entity++)
    {
      live->models[entity] = g_list_store_new (entity_type (entity));
      if (rows[entity] != NULL)
        g_list_store_splice (live->models[entity], 0, 0, rows[entity]->pdata, rows[entity]->len);
    }
}

static GListModel *
get_live_model (VpStore  *self,
                VpEntity  entity,
                gint64    programme_id)
{
  Live *live;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  /* What others wrote is in the models before anybody reads them. */
  vp_store_poll_external_changes (self);

  live = g_hash_table_lookup (self->live, &programme_id);
  if (live == NULL)
    {
      live = g_new0 (Live, 1);
      live->programme_id = programme_id;
      g_hash_table_insert (self->live, &live->programme_id, live);
      fill_live (self, live);
    }

  return G_LIST_MODEL (live->models[entity]);
}

GListModel *
vp_store_get_hosts (VpStore *self,
                    gint64   programme_id)
{
  return get_live_model (self, VP_ENTITY_HOST, programme_id);
}

GListModel *
vp_store_get_participants (VpStore *self,
                           gint64   programme_id)
{
  return get_live_model (self, VP_ENTITY_PARTICIPANT, programme_id);
}

GListModel *
vp_store_get_organisations (VpStore *self,
                            gint64   programme_id)
{
  return get_live_model (self, VP_ENTITY_ORGANISATION, programme_id);
}

GListModel *
vp_store_get_sessions (VpStore *self,
                       gint64   programme_id)
{
  return get_live_model (self, VP_ENTITY_SESSION, programme_id);
}

VpSnapshot *
vp_store_dup_live_snapshot (VpStore *self,
                            gint64   programme_id)
{
  GListModel *programmes;
  g_autoptr(VpProgramme) programme = NULL;
  VpSnapshot *snapshot;
  GListModel *models[VP_N_ENTITIES] = { NULL, };

  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  for (VpEntity entity = VP_ENTITY_HOST; entity < VP_N_ENTITIES; entity++)
    models[entity] = get_live_model (self, entity, programme_id);

  programmes = vp_store_get_programmes (self);
  for (guint i = 0; programme == NULL && i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) item = g_list_model_get_item (programmes, i);

      if (vp_programme_get_id (item) == programme_id)
        programme = g_steal_pointer (&item);
    }
  if (programme == NULL)
    return NULL;

  snapshot = vp_snapshot_new (programme);
  for (guint i = 0; i < g_list_model_get_n_items (models[VP_ENTITY_HOST]); i++)
    {
      g_autoptr(VpHost) host = g_list_model_get_item (models[VP_ENTITY_HOST], i);

      vp_snapshot_add_host (snapshot, host);
    }
  for (guint i = 0; i < g_list_model_get_n_items (models[VP_ENTITY_ORGANISATION]); i++)
    {
      g_autoptr(VpOrganisation) organisation =
        g_list_model_get_item (models[VP_ENTITY_ORGANISATION], i);

      vp_snapshot_add_organisation (snapshot, organisation);
    }
  for (guint i = 0; i < g_list_model_get_n_items (models[VP_ENTITY_PARTICIPANT]); i++)
    {
      g_autoptr(VpParticipant) participant =
        g_list_model_get_item (models[VP_ENTITY_PARTICIPANT], i);

      vp_snapshot_add_participant (snapshot, participant);
    }
  for (guint i = 0; i < g_list_model_get_n_items (models[VP_ENTITY_SESSION]); i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (models[VP_ENTITY_SESSION], i);

      vp_snapshot_add_session (snapshot, session);
    }

  return snapshot;
}

/* vp-history.c: a window's undo history: every change made in it, undone and redone one by one.
 * GTK-free: it only writes to the store. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-history.h"
#include "vp-record.h"
#include "vp-snapshot-diff.h"

typedef struct
{
  guint          id;
  char          *label;
  gint64         programme_id;
  gconstpointer  merge_tag;
  /* A row's change: the row before (NULL: added) and after, each as
   * stored when it was last written. */
  gboolean       whole;
  GObject       *before;
  GObject       *after;
  /* A programme's change: the programme before and after (NULL where it
   * did not exist), and its uid, which finds it again after a restore. */
  VpSnapshot    *before_snapshot;
  VpSnapshot    *after_snapshot;
  char          *uid;
} Entry;

struct _VpHistory
{
  GObject    parent_instance;

  VpStore   *store;
  /* Entry, oldest first: the last of @undo is undone first, the last of
   * @redo redone first. */
  GPtrArray *undo;
  GPtrArray *redo;
  guint      last_id;
};

G_DEFINE_FINAL_TYPE (VpHistory, vp_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_clear_object (&entry->before);
  g_clear_object (&entry->after);
  g_clear_object (&entry->before_snapshot);
  g_clear_object (&entry->after_snapshot);
  g_free (entry->uid);
  g_free (entry);
}

static Entry *
last_entry (GPtrArray *entries)
{
  return entries->len > 0 ? g_ptr_array_index (entries, entries->len - 1) : NULL;
}

/* Rows {{{1 */

static gint64
row_id (GObject *row)
{
  gint64 id = 0;

  g_object_get (row, "id", &id, NULL);
  return id;
}

/* A session's or programme's title, a person's or organisation's name. */
static char *
row_name (GObject *row)
{
  const char *property = VP_IS_SESSION (row) || VP_IS_PROGRAMME (row) ? "title" : "name";
  char *name = NULL;

  g_object_get (row, property, &name, NULL);
  return name;
}

static gboolean
save_row (VpStore  *store,
          gint64    programme_id,
          GObject  *object,
          GObject  *read,
          GError  **error)
{
  if (VP_IS_PROGRAMME (object))
    return vp_store_save_programme (store, VP_PROGRAMME (object), (VpProgramme *) read, error);
  if (VP_IS_HOST (object))
    return vp_store_save_host (store, programme_id, VP_HOST (object), (VpHost *) read, error);
  if (VP_IS_ORGANISATION (object))
    return vp_store_save_organisation (store, programme_id, VP_ORGANISATION (object),
                                       (VpOrganisation *) read, error);
  if (VP_IS_PARTICIPANT (object))
    return vp_store_save_participant (store, programme_id, VP_PARTICIPANT (object),
                                      (VpParticipant *) read, error);
  if (VP_IS_SESSION (object))
    return vp_store_save_session (store, programme_id, VP_SESSION (object), (VpSession *) read,
                                  error);

  g_critical ("%s: a %s is not a row of a programme", G_STRFUNC, G_OBJECT_TYPE_NAME (object));
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, "not a row of a programme");
  return FALSE;
}

static GError *
changed_error (const char *name)
{
  return g_error_new (VP_STORE_ERROR, VP_STORE_ERROR_CHANGED,
                      /* Translators: in a toast, when Undo or Redo would
                       * write over another program's change. */
                      _("Cannot undo: “%s” changed since"), name != NULL ? name : "");
}

/* Whether the row @expected (an added one) is still stored as it is, read
 * in the live models the store keeps current (another program's writes
 * are heard first). */
static gboolean
row_unchanged (VpStore  *store,
               gint64    programme_id,
               GObject  *expected)
{
  GListModel *model;
  gint64 id = row_id (expected);

  vp_store_poll_external_changes (store);

  if (VP_IS_PROGRAMME (expected))
    {
      g_autoptr(VpSnapshot) current = vp_store_load_snapshot (store, id, NULL);

      /* an added programme is taken back only while it is as added, empty */
      return current != NULL &&
             vp_record_equal (G_OBJECT (vp_snapshot_get_programme (current)), expected) &&
             vp_snapshot_get_hosts (current)->len == 0 &&
             vp_snapshot_get_organisations (current)->len == 0 &&
             vp_snapshot_get_participants (current)->len == 0 &&
             vp_snapshot_get_sessions (current)->len == 0;
    }

  if (VP_IS_HOST (expected))
    model = vp_store_get_hosts (store, programme_id);
  else if (VP_IS_ORGANISATION (expected))
    model = vp_store_get_organisations (store, programme_id);
  else if (VP_IS_PARTICIPANT (expected))
    model = vp_store_get_participants (store, programme_id);
  else
    model = vp_store_get_sessions (store, programme_id);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      if (row_id (row) == id)
        return vp_record_equal (row, expected);
    }

  return FALSE;
}

/* A redo that added a row again gave it a new id: the entries still to
 * redo name it by that one. */
static void
renumber_redo (VpHistory *self,
               GType      type,
               gint64     old_id,
               gint64     new_id)
{
  for (guint i = 0; i < self->redo->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->redo, i);
      GObject *rows[] = { entry->before, entry->after };

      for (guint j = 0; j < G_N_ELEMENTS (rows); j++)
        if (rows[j] != NULL && G_OBJECT_TYPE (rows[j]) == type && row_id (rows[j]) == old_id)
          g_object_set (rows[j], "id", new_id, NULL);
    }
}

/* Writes the row @to over @from (what the entry last wrote), either NULL
 * for a row that is not there: puts @to in its place, as stored. */
static gboolean
apply_row (VpHistory  *self,
           Entry      *entry,
           GObject   **from,
           GObject   **to,
           GError    **error)
{
  g_autoptr(GObject) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*to == NULL)
    {
      /* taking back an addition: only the row as added, and nothing
       * written between the look and the deletion */
      gint64 since = vp_store_get_change_count (self->store);

      if (!row_unchanged (self->store, entry->programme_id, *from) ||
          !vp_store_delete_row_since (self->store, entry->programme_id, G_OBJECT_TYPE (*from),
                                      row_id (*from), since, &local_error))
        {
          g_autofree char *name = row_name (*from);

          if (local_error != NULL &&
              !g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED) &&
              !g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_propagate_error (error, changed_error (name));
          return FALSE;
        }
      return TRUE;
    }

  copy = vp_record_copy (*to);
  if (*from == NULL)
    {
      gint64 old_id = row_id (*to);

      /* adding it again: a new id (its uid or ref stays) */
      g_object_set (copy, "id", (gint64) 0, NULL);
      if (!save_row (self->store, entry->programme_id, copy, NULL, error))
        return FALSE;
      if (VP_IS_PROGRAMME (copy))
        entry->programme_id = row_id (copy);
      renumber_redo (self, G_OBJECT_TYPE (copy), old_id, row_id (copy));
    }
  else if (!save_row (self->store, entry->programme_id, copy, *from, &local_error))
    {
      if (g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED) ||
          g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *name = row_name (*from);

          g_propagate_error (error, changed_error (name));
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (to, copy);
  return TRUE;
}

/* Programmes {{{1 */

static gboolean
same_snapshot (VpSnapshot *a,
               VpSnapshot *b)
{
  g_autoptr(VpSnapshotDiff) diff = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  diff = vp_snapshot_diff_new (a, b, VP_SNAPSHOT_DIFF_NONE);
  return vp_snapshot_diff_is_empty (diff);
}

/* The programme with @uid as stored now, or NULL when there is none (or
 * it cannot be read: @error). */
static VpSnapshot *
load_by_uid (VpStore     *store,
             const char  *uid,
             gint64      *programme_id,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = vp_store_find_programme (store, uid, &local_error);

  *programme_id = id;
  if (id == 0)
    {
      if (!g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return vp_store_load_snapshot (store, id, error);
}

/* Puts the programme as @to holds it where it is now as @from holds it
 * (either NULL: absent), then keeps in @to what was stored. */
static gboolean
apply_whole (VpHistory   *self,
             Entry       *entry,
             VpSnapshot  *from,
             VpSnapshot **to,
             GError     **error)
{
  g_autoptr(VpSnapshot) current = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 since;
  gint64 id;

  /* the count first: a write after it fails the restore's own guard */
  since = vp_store_get_change_count (self->store);
  current = load_by_uid (self->store, entry->uid, &id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!same_snapshot (current, from))
    {
      VpSnapshot *named = current != NULL ? current : from;
      const char *title = vp_programme_get_title (vp_snapshot_get_programme (named));

      g_propagate_error (error, changed_error (title));
      return FALSE;
    }

  if (*to == NULL)
    {
      /* nothing written since the look: the programme goes as it was seen */
      if (!vp_store_delete_row_since (self->store, id, VP_TYPE_PROGRAMME, id, since,
                                      &local_error))
        {
          VpProgramme *programme = current != NULL ? vp_snapshot_get_programme (current) : NULL;

          if (g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
            g_propagate_error (error, changed_error (programme != NULL
                                                     ? vp_programme_get_title (programme)
                                                     : NULL));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (!vp_store_restore_snapshot (self->store, *to, since, &local_error))
    {
      VpProgramme *programme = vp_snapshot_get_programme (*to);

      if (g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
        g_propagate_error (error, changed_error (vp_programme_get_title (programme)));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* as stored now (revisions above the cancellations it took back): what
   * the next undo or redo compares with */
  g_clear_object (to);
  *to = load_by_uid (self->store, entry->uid, &id, NULL);
  if (id != 0)
    entry->programme_id = id;
  return TRUE;
}

/* Undo and redo {{{1 */

static void
notify_all (VpHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
push (VpHistory *self,
      Entry     *entry)
{
  entry->id = ++self->last_id;
  g_ptr_array_add (self->undo, entry);
  if (self->undo->len > VP_HISTORY_MAX_ENTRIES)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);
}

/* Undoes (@undo) or redoes the last entry of @stack, moving it to the
 * other; one refused for a change made since leaves the history. */
static gboolean
step (VpHistory  *self,
      gboolean    undo,
      GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *stack;
  GPtrArray *other;
  Entry *entry;
  gboolean done;

  g_return_val_if_fail (VP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stack = undo ? self->undo : self->redo;
  other = undo ? self->redo : self->undo;
  entry = last_entry (stack);

  if (entry == NULL)
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                           undo ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }

  if (entry->whole)
    done = undo ? apply_whole (self, entry, entry->after_snapshot, &entry->before_snapshot,
                               &local_error)
                : apply_whole (self, entry, entry->before_snapshot, &entry->after_snapshot,
                               &local_error);
  else
    done = undo ? apply_row (self, entry, &entry->after, &entry->before, &local_error)
                : apply_row (self, entry, &entry->before, &entry->after, &local_error);

  if (done)
    {
      /* an undone entry is never joined by a later save */
      entry->merge_tag = NULL;
      g_ptr_array_add (other, g_ptr_array_steal_index (stack, stack->len - 1));
    }
  else if (g_error_matches (local_error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
    g_ptr_array_remove_index (stack, stack->len - 1);

  notify_all (self);
  if (!done)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return done;
}

gboolean
vp_history_undo (VpHistory  *self,
                 GError    **error)
{
  return step (self, TRUE, error);
}

gboolean
vp_history_redo (VpHistory  *self,
                 GError    **error)
{
  return step (self, FALSE, error);
}

gboolean
vp_history_undo_entry (VpHistory  *self,
                       guint       entry,
                       GError    **error)
{
  g_return_val_if_fail (VP_IS_HISTORY (self), FALSE);

  while (vp_history_has_undo_entry (self, entry))
    if (!vp_history_undo (self, error))
      return FALSE;

  return TRUE;
}

/* Recording {{{1 */

gboolean
vp_history_save (VpHistory      *self,
                 VpStore        *store,
                 gint64          programme_id,
                 GObject        *object,
                 GObject        *read,
                 const char     *label,
                 gconstpointer   merge_tag,
                 GError        **error)
{
  g_autoptr(GObject) before = NULL;
  Entry *last;
  Entry *entry;

  g_return_val_if_fail (self == NULL || VP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (VP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (read == NULL || G_OBJECT_TYPE (read) == G_OBJECT_TYPE (object), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  /* @read may be a live model's object, which the save changes */
  if (self != NULL && read != NULL)
    before = vp_record_copy (read);
  if (!save_row (store, programme_id, object, read, error))
    return FALSE;
  if (self == NULL)
    return TRUE;
  g_return_val_if_fail (store == self->store, TRUE);
  read = before;

  /* written as it was read: nothing to undo */
  if (read != NULL && row_id (read) != 0 && vp_record_equal (object, read))
    return TRUE;
  if (VP_IS_PROGRAMME (object))
    programme_id = row_id (object);

  last = last_entry (self->undo);
  if (merge_tag != NULL && last != NULL && !last->whole && last->merge_tag == merge_tag &&
      read != NULL && last->after != NULL && G_OBJECT_TYPE (last->after) == G_OBJECT_TYPE (read) &&
      last->programme_id == programme_id && vp_record_equal (last->after, read))
    {
      g_clear_object (&last->after);
      last->after = vp_record_copy (object);
      g_ptr_array_set_size (self->redo, 0);
      notify_all (self);
      return TRUE;
    }

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->programme_id = programme_id;
  entry->merge_tag = merge_tag;
  entry->before = read != NULL && row_id (read) != 0 ? g_steal_pointer (&before) : NULL;
  entry->after = vp_record_copy (object);
  push (self, entry);
  return TRUE;
}

guint
vp_history_record (VpHistory  *self,
                   const char *label,
                   gint64      programme_id,
                   VpSnapshot *before,
                   gint64      loaded_at)
{
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VP_IS_HISTORY (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (before == NULL || VP_IS_SNAPSHOT (before), 0);

  after = vp_store_load_snapshot (self->store, programme_id, &error);
  if (after == NULL && !g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND))
    {
      g_warning ("Cannot record “%s” for undo: %s", label, error->message);
      return 0;
    }
  /* another program's write came in: neither snapshot is only this change */
  if (vp_store_written_elsewhere_since (self->store, loaded_at))
    return 0;

  return vp_history_record_pair (self, label, before, after);
}

guint
vp_history_record_pair (VpHistory  *self,
                        const char *label,
                        VpSnapshot *before,
                        VpSnapshot *after)
{
  VpProgramme *programme;
  Entry *entry;

  g_return_val_if_fail (VP_IS_HISTORY (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (before == NULL || VP_IS_SNAPSHOT (before), 0);
  g_return_val_if_fail (after == NULL || VP_IS_SNAPSHOT (after), 0);

  if (before == NULL && after == NULL)
    return 0;

  programme = vp_snapshot_get_programme (after != NULL ? after : before);
  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->programme_id = vp_programme_get_id (programme);
  entry->whole = TRUE;
  entry->uid = g_strdup (vp_programme_get_uid (programme));
  entry->before_snapshot = before != NULL ? g_object_ref (before) : NULL;
  entry->after_snapshot = after != NULL ? g_object_ref (after) : NULL;
  push (self, entry);
  return entry->id;
}

void
vp_history_clear (VpHistory *self)
{
  g_return_if_fail (VP_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_all (self);
}

/* Properties {{{1 */

VpStore *
vp_history_get_store (VpHistory *self)
{
  g_return_val_if_fail (VP_IS_HISTORY (self), NULL);

  return self->store;
}

gboolean
vp_history_can_undo (VpHistory *self)
{
  g_return_val_if_fail (VP_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
vp_history_can_redo (VpHistory *self)
{
  g_return_val_if_fail (VP_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
vp_history_get_undo_label (VpHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (VP_IS_HISTORY (self), NULL);

  entry = last_entry (self->undo);
  return entry != NULL ? entry->label : NULL;
}

const char *
vp_history_get_redo_label (VpHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (VP_IS_HISTORY (self), NULL);

  entry = last_entry (self->redo);
  return entry != NULL ? entry->label : NULL;
}

gint64
vp_history_get_programme_id (VpHistory *self,
                             gboolean   redo)
{
  Entry *entry;

  g_return_val_if_fail (VP_IS_HISTORY (self), 0);

  entry = last_entry (redo ? self->redo : self->undo);
  return entry != NULL ? entry->programme_id : 0;
}

guint
vp_history_get_undo_entry (VpHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (VP_IS_HISTORY (self), 0);

  entry = last_entry (self->undo);
  return entry != NULL ? entry->id : 0;
}

gboolean
vp_history_has_undo_entry (VpHistory *self,
                           guint      entry)
{
  g_return_val_if_fail (VP_IS_HISTORY (self), FALSE);

  for (guint i = 0; i < self->undo->len; i++)
    if (((Entry *) g_ptr_array_index (self->undo, i))->id == entry && entry != 0)
      return TRUE;

  return FALSE;
}

/* GObject {{{1 */

static void
vp_history_finalize (GObject *object)
{
  VpHistory *self = VP_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_history_parent_class)->finalize (object);
}

static void
vp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VpHistory *self = VP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vp_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, vp_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, vp_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, vp_history_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VpHistory *self = VP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_history_class_init (VpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_history_finalize;
  object_class->get_property = vp_history_get_property;
  object_class->set_property = vp_history_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_history_init (VpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);
}

VpHistory *
vp_history_new (VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_HISTORY, "store", store, NULL);
}

/* vp-history.h: a window's undo history: every change made in it, undone and redone one by one.
 * GTK-free: it only writes to the store. */
#pragma once

#include <glib-object.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_HISTORY (vp_history_get_type ())

G_DECLARE_FINAL_TYPE (VpHistory, vp_history, VP, HISTORY, GObject)

/* How many changes the history keeps; older ones are forgotten. */
#define VP_HISTORY_MAX_ENTRIES 100

/* Properties (read-only, notified when they change): "can-undo",
 * "can-redo", "undo-label" and "redo-label" (the name of the change that
 * Undo or Redo would take back or make again, “Move Session”, or NULL).
 *
 * Each change is an entry with a number (never 0) that stays the same while
 * it is in the history.  Two kinds:
 *  - a row's edit, addition or move (vp_history_save()): the row as it was
 *    before (NULL when added) and as it was written.  Undo writes the row
 *    before over the row after (the store's save with @read, so that a row
 *    changed since by anything else is not written over); redo the reverse.
 *    No programme is loaded whole.
 *  - a change of many rows (a deletion with what it takes with it, an
 *    import: vp_history_record()): the programme before and after.  Undo
 *    puts the programme back as it was before, when it is now as it was
 *    after (compared in full), with vp_store_restore_snapshot(), whose
 *    guard sees any write in between.
 * An undo or redo that would write over a change made since by another
 * program or another window fails with VP_STORE_ERROR_CHANGED (“Cannot
 * undo: … changed since”): nothing is written, and that entry leaves the
 * history (those before it stay). */

VpHistory  *vp_history_new            (VpStore        *store);
VpStore    *vp_history_get_store      (VpHistory      *self);

gboolean    vp_history_can_undo       (VpHistory      *self);
gboolean    vp_history_can_redo       (VpHistory      *self);
const char *vp_history_get_undo_label (VpHistory      *self);
const char *vp_history_get_redo_label (VpHistory      *self);
/* The programme that Undo (or, with @redo, Redo) would change, 0 when none. */
gint64      vp_history_get_programme_id (VpHistory    *self,
                                         gboolean      redo);
/* The entry Undo would take back, 0 when none. */
guint       vp_history_get_undo_entry (VpHistory      *self);
/* Whether @entry can still be undone (it is among those Undo reaches). */
gboolean    vp_history_has_undo_entry (VpHistory      *self,
                                       guint           entry);

/* Saves @object, a VpProgramme (@programme_id unused), VpHost,
 * VpOrganisation, VpParticipant or VpSession of programme @programme_id,
 * with the store's save function and @read (see vp_store_save_session()),
 * and records the change as @label (translated, “Edit Host”).  A save with
 * the @merge_tag (not NULL: an editor) of the last entry, of the same row,
 * over what that entry wrote, joins that entry: one editor's edits of a row
 * are undone together.  @self may be NULL (an editor outside a window):
 * then it only saves.  FALSE with @error set when nothing was written (and
 * nothing recorded); a save that changed nothing records nothing. */
gboolean    vp_history_save           (VpHistory      *self,
                                       VpStore        *store,
                                       gint64          programme_id,
                                       GObject        *object,
                                       GObject        *read,
                                       const char     *label,
                                       gconstpointer   merge_tag,
                                       GError        **error);

/* Records a change of programme @programme_id, already written, as @label:
 * @before is the programme as loaded before it (NULL: the programme did
 * not exist, as before an import of a new one), when
 * vp_store_get_change_count() gave @loaded_at.  The programme is loaded now
 * as it is after (absent after a deletion of it).  When another program
 * wrote since @loaded_at, @before may not be what the change changed:
 * nothing is recorded, and 0 returned; otherwise the entry. */
guint       vp_history_record         (VpHistory      *self,
                                       const char     *label,
                                       gint64          programme_id,
                                       VpSnapshot     *before,
                                       gint64          loaded_at);

/* Records a change of one programme as @label: @before and @after are the
 * programme as loaded before and after it (either NULL: it did not exist),
 * by a caller that made sure that nothing else was written in between (a
 * thread's own connection).  Returns the entry, 0 when both are NULL. */
guint       vp_history_record_pair    (VpHistory      *self,
                                       const char     *label,
                                       VpSnapshot     *before,
                                       VpSnapshot     *after);

/* Takes back the last change (vp_history_undo()), or makes the last one
 * taken back again.  FALSE with @error set when nothing was written: an
 * entry refused for a change made since leaves the history. */
gboolean    vp_history_undo           (VpHistory      *self,
                                       GError        **error);
gboolean    vp_history_redo           (VpHistory      *self,
                                       GError        **error);
/* Undoes the changes down to @entry, that one included (an Undo in a toast
 * after later changes), stopping at the first that fails. */
gboolean    vp_history_undo_entry     (VpHistory      *self,
                                       guint           entry,
                                       GError        **error);

/* Forgets every entry. */
void        vp_history_clear          (VpHistory      *self);

G_END_DECLS

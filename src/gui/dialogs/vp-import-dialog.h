/* vp-import-dialog.h: the preview of a spreadsheet or calendar import, and its Import button. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

typedef enum
{
  VP_IMPORT_KIND_PARTICIPANTS,  /* a CSV list of participants */
  VP_IMPORT_KIND_HOSTS,         /* a CSV list of hosts */
  VP_IMPORT_KIND_CALENDAR,      /* an iCalendar file: its events become sessions */
} VpImportKind;

#define VP_TYPE_IMPORT_DIALOG (vp_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpImportDialog, vp_import_dialog, VP, IMPORT_DIALOG, AdwWindow)

/* Loads the programme from @store (here, on the main thread), then reads
 * @file and works out the import in a thread.  The dialog shows what it
 * would add, update and skip; its Import button (the import.apply action)
 * applies it in one transaction, or works the preview out again when the
 * programme changed meanwhile, and then emits ::imported (guint added,
 * guint updated) and closes.  The finish function fails, with a message
 * that names the file and the line, when the file as a whole cannot be
 * read; nothing is changed then. */
void            vp_import_dialog_new_async  (VpStore              *store,
                                             gint64                programme_id,
                                             VpImportKind          kind,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
VpImportDialog *vp_import_dialog_new_finish (GAsyncResult         *result,
                                             GError              **error);

VpImportKind    vp_import_dialog_get_kind   (VpImportDialog       *self);
/* After ::imported: the import's entry in the window's undo history, 0 when
 * it has none (not recorded: another program wrote meanwhile). */
guint           vp_import_dialog_get_undo_entry (VpImportDialog   *self);

/* "Cannot Import Participants", and so on: the heading of an error. */
const char     *vp_import_kind_get_error_heading (VpImportKind kind);

G_END_DECLS

/* vp-window-import.h: the window's imports of participants, hosts and calendar events. */
#pragma once

#include "vp-import-dialog.h"
#include "vp-window.h"

G_BEGIN_DECLS

/* Installs win.import-participants, win.import-hosts and win.import-calendar
 * (and Ctrl+I), and win.open-sample; from the window's class_init. */
void vp_window_class_add_import_actions (GtkWidgetClass *widget_class);
/* Enables them while a programme is shown; from vp_window_update_actions(). */
void vp_window_update_import_actions    (VpWindow       *self);
/* What the actions do once the file is chosen: reads @file and works out
 * the import in a thread, then shows the preview, or a message naming the
 * file and the line when the file cannot be read at all. */
void vp_window_import_file              (VpWindow       *self,
                                         VpImportKind    kind,
                                         GFile          *file);
/* Imports the sample programme shipped with the application, marked as a
 * sample (a draft titled “Sample: …”, with a new uid), as win.open-sample
 * does from the empty window.  Returns its id, or 0 with @error. */
gint64 vp_window_import_sample          (VpStore        *store,
                                         GError        **error);

G_END_DECLS

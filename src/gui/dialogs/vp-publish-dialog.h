/* vp-publish-dialog.h: publish targets, the URLs to subscribe to, the last publish. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PUBLISH_DIALOG (vp_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpPublishDialog, vp_publish_dialog, VP, PUBLISH_DIALOG, AdwPreferencesWindow)

GtkWidget *vp_publish_dialog_new     (GtkWindow *parent,
                                      VpStore   *store,
                                      gint64     programme_id);
/* Reads the targets and their last publish again. */
void       vp_publish_dialog_refresh (VpPublishDialog *self);

G_END_DECLS

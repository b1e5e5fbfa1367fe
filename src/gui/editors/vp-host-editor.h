/* vp-host-editor.h: every field of one host, saved as it is typed. */
#pragma once

#include "vp-people-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_HOST_EDITOR (vp_host_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpHostEditor, vp_host_editor, VP, HOST_EDITOR, VpPeopleEditor)

/* Edits a copy of @host, or a new host when it is NULL: a new one is
 * stored when its Add button is pressed, an existing one after every
 * valid change.  ::delete-requested asks the owner to delete the host. */
VpHostEditor *vp_host_editor_new      (VpStore      *store,
                                       gint64        programme_id,
                                       VpHost       *host);
/* The host as last saved (or being added): id 0 until stored. */
VpHost       *vp_host_editor_get_host (VpHostEditor *self);
/* Saves a pending change now (the editor waits briefly after typing). */
gboolean      vp_host_editor_flush    (VpHostEditor *self);

G_END_DECLS

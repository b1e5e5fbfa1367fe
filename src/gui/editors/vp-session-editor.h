/* vp-session-editor.h: a dialog to edit every field of one session. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_SESSION_EDITOR (vp_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpSessionEditor, vp_session_editor, VP, SESSION_EDITOR, AdwWindow)

/* Edits a copy of @session, one of @snapshot's programme (whose hosts,
 * participants and zone it offers).  A stored session (its id set) is saved
 * through @store after each valid change, at once: there is nothing to
 * confirm.  A new one (id 0) is added by the default “Add” button
 * (the editor.apply action).
 *
 * Signals: ::delete-requested (uid) when the user deletes the session (the
 * caller deletes it and offers Undo); ::session-added (uid) once a new
 * session is stored. */
VpSessionEditor *vp_session_editor_new         (VpStore         *store,
                                                VpSnapshot      *snapshot,
                                                VpSession       *session);
/* The uid of the session edited (NULL for a new one not yet added). */
const char      *vp_session_editor_get_uid     (VpSessionEditor *self);

G_END_DECLS

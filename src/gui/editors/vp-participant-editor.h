/* vp-participant-editor.h: every field of one participant, saved as it is typed. */
#pragma once

#include "vp-people-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_PARTICIPANT_EDITOR (vp_participant_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpParticipantEditor, vp_participant_editor, VP, PARTICIPANT_EDITOR,
                      VpPeopleEditor)

/* Edits a copy of @participant, or a new participant when it is NULL:
 * a new one is stored when its Add button is pressed, an existing one
 * after every valid change.  ::delete-requested asks the owner (the page,
 * which offers Undo) to delete the participant. */
VpParticipantEditor *vp_participant_editor_new             (VpStore             *store,
                                                            gint64               programme_id,
                                                            VpParticipant       *participant);
/* The participant as last saved (or being added): id 0 until stored. */
VpParticipant       *vp_participant_editor_get_participant (VpParticipantEditor *self);
/* Saves a pending change now (the editor waits briefly after typing). */
gboolean             vp_participant_editor_flush           (VpParticipantEditor *self);

G_END_DECLS

/* vp-organisation-editor.h: every field of one visiting organisation, saved as it is typed. */
#pragma once

#include "vp-people-editor.h"

G_BEGIN_DECLS

#define VP_TYPE_ORGANISATION_EDITOR (vp_organisation_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpOrganisationEditor, vp_organisation_editor, VP, ORGANISATION_EDITOR,
                      VpPeopleEditor)

/* Edits a copy of @organisation, or a new organisation when it is NULL: a
 * new one is stored when its Add button is pressed, an existing one after
 * every valid change.  ::delete-requested asks the owner to delete it. */
VpOrganisationEditor *vp_organisation_editor_new              (VpStore              *store,
                                                               gint64                programme_id,
                                                               VpOrganisation       *organisation);
/* The organisation as last saved (or being added): id 0 until stored. */
VpOrganisation       *vp_organisation_editor_get_organisation (VpOrganisationEditor *self);
/* Saves a pending change now (the editor waits briefly after typing). */
gboolean              vp_organisation_editor_flush            (VpOrganisationEditor *self);

G_END_DECLS

/* vp-session-attendee.h: one participant in the session editor's checklist. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_SESSION_ATTENDEE (vp_session_attendee_get_type ())

G_DECLARE_FINAL_TYPE (VpSessionAttendee, vp_session_attendee, VP, SESSION_ATTENDEE, GObject)

/* Properties: ref, name, detail (the organisation, or NULL), search-text
 * (name and organisation, for the search) and attending (read-write). */
VpSessionAttendee *vp_session_attendee_new           (const char        *ref,
                                                      const char        *name,
                                                      const char        *detail,
                                                      gboolean           attending);
const char        *vp_session_attendee_get_ref       (VpSessionAttendee *self);
const char        *vp_session_attendee_get_name      (VpSessionAttendee *self);
const char        *vp_session_attendee_get_detail    (VpSessionAttendee *self);
gboolean           vp_session_attendee_get_attending (VpSessionAttendee *self);
void               vp_session_attendee_set_attending (VpSessionAttendee *self,
                                                      gboolean           attending);

G_END_DECLS

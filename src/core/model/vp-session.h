/* vp-session.h: one item of the agenda: a visit, meal, transfer or meeting. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"

G_BEGIN_DECLS

#define VP_TYPE_SESSION (vp_session_get_type ())

G_DECLARE_FINAL_TYPE (VpSession, vp_session, VP, SESSION, GObject)

/* @ref is the session's id in a programme document; @uid its identity for
 * ever (the calendar event's UID); @revision rises with every change a
 * calendar shows (the event's SEQUENCE).  Start and end are local times
 * "YYYY-MM-DDTHH:MM[:SS]" in @timezone and @end-timezone (NULL: the
 * programme's zone, and the start's zone for the end); start-utc and
 * end-utc are the instants once resolved.  host-ref is a host's ref or NULL.
 * Attendees are everyone when attendees-all is set, else the participants
 * whose refs are listed.  capacity is 0 when not given. */
VpSession       *vp_session_new               (void);
VpSession       *vp_session_copy              (VpSession       *self);

gint64           vp_session_get_id            (VpSession       *self);
void             vp_session_set_id            (VpSession       *self,
                                               gint64           id);
const char      *vp_session_get_ref           (VpSession       *self);
void             vp_session_set_ref           (VpSession       *self,
                                               const char      *ref);
const char      *vp_session_get_uid           (VpSession       *self);
void             vp_session_set_uid           (VpSession       *self,
                                               const char      *uid);
int              vp_session_get_revision      (VpSession       *self);
void             vp_session_set_revision      (VpSession       *self,
                                               int              revision);
/* When a change a calendar shows was last made (Unix seconds; 0: unknown). */
gint64           vp_session_get_modified_at   (VpSession       *self);
void             vp_session_set_modified_at   (VpSession       *self,
                                               gint64           modified_at);
const char      *vp_session_get_title         (VpSession       *self);
void             vp_session_set_title         (VpSession       *self,
                                               const char      *title);
VpSessionKind    vp_session_get_kind          (VpSession       *self);
void             vp_session_set_kind          (VpSession       *self,
                                               VpSessionKind    kind);
const char      *vp_session_get_start         (VpSession       *self);
void             vp_session_set_start         (VpSession       *self,
                                               const char      *start);
const char      *vp_session_get_end           (VpSession       *self);
void             vp_session_set_end           (VpSession       *self,
                                               const char      *end);
const char      *vp_session_get_timezone      (VpSession       *self);
void             vp_session_set_timezone      (VpSession       *self,
                                               const char      *zone);
const char      *vp_session_get_end_timezone  (VpSession       *self);
void             vp_session_set_end_timezone  (VpSession       *self,
                                               const char      *end_timezone);
gint64           vp_session_get_start_utc     (VpSession       *self);
gint64           vp_session_get_end_utc       (VpSession       *self);
void             vp_session_set_instants      (VpSession       *self,
                                               gint64           start_utc,
                                               gint64           end_utc);
const char      *vp_session_get_host_ref      (VpSession       *self);
void             vp_session_set_host_ref      (VpSession       *self,
                                               const char      *host_ref);
const char      *vp_session_get_location      (VpSession       *self);
void             vp_session_set_location      (VpSession       *self,
                                               const char      *location);
const char      *vp_session_get_description   (VpSession       *self);
void             vp_session_set_description   (VpSession       *self,
                                               const char      *description);
VpSessionStatus  vp_session_get_status        (VpSession       *self);
void             vp_session_set_status        (VpSession       *self,
                                               VpSessionStatus  status);
int              vp_session_get_capacity      (VpSession       *self);
void             vp_session_set_capacity      (VpSession       *self,
                                               int              capacity);
gboolean         vp_session_get_attendees_all (VpSession       *self);
void             vp_session_set_attendees_all (VpSession       *self,
                                               gboolean         attendees_all);
/* Borrowed array of participant refs (char *), in the order given. */
GPtrArray       *vp_session_get_attendees     (VpSession       *self);
void             vp_session_add_attendee      (VpSession       *self,
                                               const char      *participant_ref);
void             vp_session_clear_attendees   (VpSession       *self);

/* The order of a programme's sessions: by start, then end, then uid. */
int              vp_session_compare_time      (VpSession       *a,
                                               VpSession       *b);

G_END_DECLS

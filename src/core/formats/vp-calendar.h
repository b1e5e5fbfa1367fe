/* vp-calendar.h: iCalendar (RFC 5545) files of a programme, a participant or a host. */
#pragma once

#include <gio/gio.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

/* Each writer returns a whole calendar (METHOD:PUBLISH, CRLF, folded at 75
 * octets) whose events keep their UID for ever and carry the revision of
 * their session, leg or stay as SEQUENCE and the time of its last change as
 * LAST-MODIFIED, so that a re-issued file updates what a participant
 * imported instead of duplicating it; what the store took out of the
 * calendar since (the snapshot's withdrawals) comes back cancelled.  No
 * personal data of participants goes in: attendees appear by name only, a
 * participant's travel and stays in their own calendar only; the host's
 * contact, phone and site rules do go in.  @stamp is the DTSTAMP of every
 * event; NULL means now.
 *
 * Their words (titles of travel legs and stays, the lines of the
 * descriptions) are in the document language set on the calling thread
 * (vp_language_set_document()); with none set, a participant's or host's
 * calendar is in their own language (vp_participant_get_language(),
 * vp_host_get_language()) when its catalog is there, else in the user's
 * (vp_language_user_code()), and the programme's in the window's
 * (gettext's). */

/* Every session of the programme, and those deleted since, cancelled. */
GBytes    *vp_calendar_write_programme        (VpSnapshot     *snapshot,
                                               GDateTime      *stamp);
/* The sessions @participant attends, their travel legs and hotel stays. */
GBytes    *vp_calendar_write_participant      (VpSnapshot     *snapshot,
                                               VpParticipant  *participant,
                                               GDateTime      *stamp);
/* The sessions at @host, with the size of the group. */
GBytes    *vp_calendar_write_host             (VpSnapshot     *snapshot,
                                               VpHost         *host,
                                               GDateTime      *stamp);

/* The same events as calendar objects for a CalDAV collection (RFC 4791
 * 4.1): each event its own whole VCALENDAR with the VTIMEZONEs it uses, and
 * without METHOD; what left the calendar is not there (it is deleted from
 * the collection, not cancelled).  A GPtrArray of VpCalendarObject, in the
 * files' order. */
typedef struct
{
  char   *uid;
  gint64  sequence;
  GBytes *data;
} VpCalendarObject;

void       vp_calendar_object_free            (VpCalendarObject *object);
GPtrArray *vp_calendar_objects_programme      (VpSnapshot     *snapshot,
                                               GDateTime      *stamp);
GPtrArray *vp_calendar_objects_participant    (VpSnapshot     *snapshot,
                                               VpParticipant  *participant,
                                               GDateTime      *stamp);
GPtrArray *vp_calendar_objects_host           (VpSnapshot     *snapshot,
                                               VpHost         *host,
                                               GDateTime      *stamp);

/* A safe file name ("Aino-Mäkelä.ics") for @participant's calendar, unique
 * among @taken (case-folded names already given, which it extends). */
char      *vp_calendar_file_name              (VpParticipant  *participant,
                                               GHashTable     *taken);

/* The paths vp_calendar_write_each_participant() writes in @folder, in
 * participant order (to check them before writing). */
GPtrArray *vp_calendar_each_participant_paths (VpSnapshot     *snapshot,
                                               const char     *folder);

/* Writes one calendar per participant into @folder (created if needed):
 * all the files or none (each written in full under a temporary name, then
 * all renamed); returns the paths written, in participant order. */
GPtrArray *vp_calendar_write_each_participant (VpSnapshot     *snapshot,
                                               const char     *folder,
                                               GDateTime      *stamp,
                                               GError        **error);

G_END_DECLS

/* vp-print-paperwork.h: the exchange's paperwork as blocks: attendance sheets and certificates
 * (private to render/). */
#pragma once

#include "vp-print-sheets.h"

G_BEGIN_DECLS

/* Whether @session has an attendance sheet: a visit, meeting, B2B meeting
 * or workshop that is not cancelled. */
gboolean  vp_print_session_has_attendance_sheet (VpSession     *session);

/* A sheet to sign per such session, each on a page of its own: the
 * session, its host, day and time; the expected attendees (name,
 * organisation, country) with room to sign; rows for walk-ins; a line for
 * the host's signature and stamp.  @day: NULL for every day, else the
 * programme's local day whose sheets to print. */
void      vp_print_sheet_build_attendance       (VpPrintSheet  *sheet,
                                                 const GDate   *day);

/* A certificate of attendance per participant, each starting a page (by
 * name), or @participant's alone: the programme, its host cluster and
 * country, the days they were there, their working days
 * (vp_cxc_participant_working_days()) and the sessions they attended, with
 * lines for the host and visiting clusters to sign.  Everyone's, when the
 * sheet has readers (VpPrintSheet.readers): each certificate in its
 * participant's language (their `language`, when its catalog is there),
 * else in the thread's document language, its blocks entered there. */
void      vp_print_sheet_build_certificate      (VpPrintSheet  *sheet,
                                                 VpParticipant *participant);

G_END_DECLS

/* vp-ical-import.h: sessions from the iCalendar files hosts send as proposed visit slots. */
#pragma once

#include <glib-object.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_ICAL_IMPORT_ERROR (vp_ical_import_error_quark ())

typedef enum
{
  VP_ICAL_IMPORT_ERROR_TOO_LARGE, /* over a limit: file size, line length, nesting, components */
  VP_ICAL_IMPORT_ERROR_ENCODING,  /* a NUL byte, or not UTF-8 */
  VP_ICAL_IMPORT_ERROR_SYNTAX,    /* not an iCalendar file, or its structure is broken */
} VpIcalImportError;

/* Limits checked on the raw bytes before libical sees them. */
#define VP_ICAL_IMPORT_MAX_BYTES      (16 * 1024 * 1024)
#define VP_ICAL_IMPORT_MAX_LINE       (64 * 1024)  /* octets, as written and once unfolded */
#define VP_ICAL_IMPORT_MAX_DEPTH      10           /* VCALENDAR > VEVENT > VALARM is 3 */
#define VP_ICAL_IMPORT_MAX_COMPONENTS 100000

/* One event left out, or one remark on an event that was imported.  @line
 * is the line of its BEGIN:VEVENT (0: the file as a whole); @uid is its UID
 * as shown to people (control characters removed, shortened), or NULL when
 * it has none. */
typedef struct
{
  guint  line;
  char  *uid;
  char  *reason;
} VpIcalSkip;

/* What an import does: events added as sessions, sessions updated (a newer
 * SEQUENCE that changes what a calendar shows), unchanged, and events
 * skipped; notes are remarks on imported events (times read in the
 * programme's zone, titles shortened ...) and on the file. */
typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *skipped;  /* VpIcalSkip */
  GPtrArray *notes;    /* VpIcalSkip */
} VpIcalReport;

GQuark       vp_ical_import_error_quark (void);

void         vp_ical_report_free        (VpIcalReport  *report);

/* Reads the iCalendar @bytes and applies their events to a copy of
 * @snapshot: each VEVENT directly under the VCALENDAR becomes a session,
 * or updates the session with its UID when its SEQUENCE is higher than
 * that session's revision; events that cannot be sessions are skipped and
 * reported.  Returns the new snapshot (every host, participant and session
 * of @snapshot kept), for vp_store_import_snapshot() with
 * VP_STORE_IMPORT_UPDATE, or NULL when the file as a whole cannot be read
 * (the error names the line).  @snapshot is not changed.  Safe to call
 * from any thread: libical runs under a lock. */
VpSnapshot  *vp_ical_import             (VpSnapshot    *snapshot,
                                         GBytes        *bytes,
                                         VpIcalReport **report,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpIcalReport, vp_ical_report_free)

G_END_DECLS

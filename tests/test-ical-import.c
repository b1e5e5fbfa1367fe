/* test-ical-import.c: unit tests of the iCalendar importer, above all on hostile files. */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "vp-calendar.h"
#include "vp-ical.h"
#include "vp-ical-import.h"
#include "vp-store.h"
#include "vp-test-core.h"

#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Visit Planner tests//EN\r\n"
#define TAIL "END:VCALENDAR\r\n"
/* An event of one hour on 12 April 2027 in Vilnius (09:00 to 10:00 EEST). */
#define PLAIN_EVENT(uid)                                   \
  "BEGIN:VEVENT\r\n"                                       \
  "UID:" uid "\r\n"                                        \
  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"        \
  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"          \
  "SUMMARY:Plain slot\r\n"                                 \
  "END:VEVENT\r\n"

/* 2027-04-12T06:00:00Z */
#define PLAIN_START G_GINT64_CONSTANT (1807509600)

/* Helpers {{{1 */

/* An empty programme in @zone. */
static VpSnapshot *
new_programme (const char *zone)
{
  g_autofree char *json = g_strdup_printf (
    "{ \"format\": \"visit-planner-programme\", \"version\": 1,"
    "  \"programme\": { \"uid\": \"prog-ics\", \"title\": \"Slots\", \"host_country\": \"LT\","
    "    \"timezone\": \"%s\", \"start_date\": \"2027-04-11\", \"end_date\": \"2027-04-16\" } }",
    zone);

  return vp_test_read_document (json);
}

static VpSnapshot *
import_bytes (VpSnapshot    *snapshot,
              const char    *data,
              gsize          size,
              VpIcalReport **report,
              GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return vp_ical_import (snapshot, bytes, report, error);
}

/* Imports @text into an empty programme in Vilnius; the import must work. */
static VpSnapshot *
import_text (const char    *text,
             VpIcalReport **report)
{
  g_autoptr(VpSnapshot) programme = new_programme ("Europe/Vilnius");
  g_autoptr(GError) error = NULL;
  VpSnapshot *result = import_bytes (programme, text, strlen (text), report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (*report);
  return result;
}

/* The file as a whole is refused with @code, and a message holding
 * @message. */
static void
assert_refused_len (const char *data,
                    gsize       size,
                    int         code,
                    const char *message)
{
  g_autoptr(VpSnapshot) programme = new_programme ("Europe/Vilnius");
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) result = import_bytes (programme, data, size, &report, &error);

  g_assert_null (result);
  g_assert_null (report);
  g_assert_error (error, VP_ICAL_IMPORT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, message));
}

static void
assert_refused (const char *text,
                int         code,
                const char *message)
{
  assert_refused_len (text, strlen (text), code, message);
}

/* The event with @uid (NULL: none) on @line is skipped, for a reason that
 * holds @reason; nothing else is skipped, @added are added. */
static void
assert_skipped (const char *text,
                const char *uid,
                guint       line,
                const char *reason,
                guint       added)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSnapshot) result = import_text (text, &report);
  VpIcalSkip *skip;

  g_assert_cmpuint (report->skipped->len, ==, 1);
  skip = g_ptr_array_index (report->skipped, 0);
  if (strstr (skip->reason, reason) == NULL)
    g_test_message ("reason: %s", skip->reason);
  g_assert_nonnull (strstr (skip->reason, reason));
  g_assert_cmpstr (skip->uid, ==, uid);
  g_assert_cmpuint (skip->line, ==, line);
  g_assert_cmpuint (report->added, ==, added);
  g_assert_cmpuint (vp_snapshot_get_sessions (result)->len, ==, added);
}

/* The only session of an import that skipped nothing. */
static VpSession *
import_one (const char    *text,
            VpIcalReport **report)
{
  g_autoptr(VpSnapshot) result = import_text (text, report);

  if ((*report)->skipped->len > 0)
    g_test_message ("skipped: %s",
                    ((VpIcalSkip *)g_ptr_array_index ((*report)->skipped, 0))->reason);
  g_assert_cmpuint ((*report)->skipped->len, ==, 0);
  g_assert_cmpuint ((*report)->added, ==, 1);
  g_assert_cmpuint (vp_snapshot_get_sessions (result)->len, ==, 1);

  return g_object_ref (g_ptr_array_index (vp_snapshot_get_sessions (result), 0));
}

static gboolean
has_note (VpIcalReport *report,
          const char   *text)
{
  for (guint i = 0; i < report->notes->len; i++)
    if (strstr (((VpIcalSkip *)g_ptr_array_index (report->notes, i))->reason, text) != NULL)
      return TRUE;
  return FALSE;
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ics", name, NULL);

  return vp_test_read_file (path, NULL);
}

/* The file as a whole {{{1 */

static void
test_truncated (void)
{
  assert_refused (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:cut@example.org\r\n"
                  "DTSTART:20270412T090000Z\r\n",
                  VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "the file ends inside the VEVENT that begins on line 4: it is cut short");
}

static void
test_mismatched_end (void)
{
  assert_refused (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:mismatch@example.org\r\n"
                  "END:VTODO\r\n"
                  TAIL,
                  VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "line 6: END:VTODO does not match BEGIN:VEVENT on line 4");
  assert_refused (HEAD TAIL "END:VCALENDAR\r\n", VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "line 5: more after END:VCALENDAR");
}

static void
test_not_icalendar (void)
{
  assert_refused ("{ \"format\": \"visit-planner-programme\" }\n", VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "not an iCalendar file: line 1 is not BEGIN:VCALENDAR");
  assert_refused ("", VP_ICAL_IMPORT_ERROR_SYNTAX, "not an iCalendar file: no BEGIN:VCALENDAR");
  assert_refused ("BEGIN:VEVENT\r\nEND:VEVENT\r\n", VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "line 1 is not BEGIN:VCALENDAR");
}

/* Only events become sessions: the rest is reported, once per kind. */
static void
test_other_components (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VTODO\r\nUID:todo@example.org\r\nEND:VTODO\r\n"
                                             "BEGIN:VJOURNAL\r\nUID:j1@example.org\r\n"
                                             "END:VJOURNAL\r\n"
                                             PLAIN_EVENT ("fine@example.org")
                                             "BEGIN:VJOURNAL\r\nUID:j2@example.org\r\n"
                                             "END:VJOURNAL\r\n"
                                             TAIL,
                                             &report);
  VpIcalSkip *todo;
  VpIcalSkip *journal;

  g_assert_cmpstr (vp_session_get_uid (session), ==, "fine@example.org");
  g_assert_cmpuint (report->notes->len, ==, 2);
  todo = g_ptr_array_index (report->notes, 0);
  journal = g_ptr_array_index (report->notes, 1);
  g_assert_cmpstr (todo->reason, ==, "1 VTODO ignored: only events become sessions");
  g_assert_cmpuint (todo->line, ==, 4);
  g_assert_null (todo->uid);
  g_assert_cmpstr (journal->reason, ==, "2 VJOURNAL ignored (the first here): only events become "
                                        "sessions");
  g_assert_cmpuint (journal->line, ==, 7);
}

/* A line without a colon inside an event costs that event (it may have been
 * its DTSTART); outside events, the file. */
static void
test_line_without_colon (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:broken@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "A LINE WITHOUT A COLON\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  PLAIN_EVENT ("fine@example.org")
                  TAIL,
                  "broken@example.org", 4,
                  "line 7 cannot be read: it has no “:” after its name and parameters", 1);

  assert_refused (HEAD "X-WR-CALNAME Visits\r\n" PLAIN_EVENT ("fine@example.org") TAIL,
                  VP_ICAL_IMPORT_ERROR_SYNTAX,
                  "line 4 cannot be read: it has no “:” after its name and parameters");
}

static void
test_unbalanced_quotes (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:quote@example.org\r\n"
                  "DTSTART;TZID=\"Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  PLAIN_EVENT ("fine@example.org")
                  TAIL,
                  "quote@example.org", 4,
                  "line 6 cannot be read: a quoted parameter value is not closed",
                  1);
}

static void
test_huge_line (void)
{
  gsize size = 5 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  gint64 start;
  gint64 elapsed;

  /* one line of 5 MB: libical would take seconds */
  memcpy (data, HEAD "BEGIN:VEVENT\r\nDESCRIPTION:", strlen (HEAD "BEGIN:VEVENT\r\nDESCRIPTION:"));
  memset (data + strlen (HEAD "BEGIN:VEVENT\r\nDESCRIPTION:"), 'x',
          size - strlen (HEAD "BEGIN:VEVENT\r\nDESCRIPTION:"));

  start = g_get_monotonic_time ();
  assert_refused_len (data, size, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                      "line 5 is longer than 65536 bytes");
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("5 MB line refused in %.3f s", elapsed / 1e6);
  /* how fast: tests/bench/bench-cli.py (ics-hostile), not a timed test */

  /* the same with no line break at all */
  memset (data, 'B', size);
  start = g_get_monotonic_time ();
  assert_refused_len (data, size, VP_ICAL_IMPORT_ERROR_TOO_LARGE, "line 1 is longer than");
}

/* Folded into short lines, it is still one line of 5 MB. */
static void
test_huge_folded_line (void)
{
  g_autoptr(GString) text = g_string_new (HEAD "BEGIN:VEVENT\r\nDESCRIPTION:");

  while (text->len < 5 * 1024 * 1024)
    g_string_append (text, "\r\n xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\r\nEND:VEVENT\r\n" TAIL);

  assert_refused_len (text->str, text->len, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                      "line 5, with the lines folded into it, is longer than 65536 bytes");
}

static void
test_too_large (void)
{
  gsize size = VP_ICAL_IMPORT_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (size);

  memset (data, '\n', size);
  assert_refused_len (data, size, VP_ICAL_IMPORT_ERROR_TOO_LARGE, "the file is larger than 16 MB");
}

static void
test_invalid_utf8 (void)
{
  assert_refused (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:latin1@example.org\r\n"
                  "SUMMARY:Visite de l'usine \xE0 Lyon\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  VP_ICAL_IMPORT_ERROR_ENCODING,
                  "line 6 is not UTF-8 text");
}

/* A fold between the two bytes of "ä" (RFC 5545 allows it): bytes are
 * unfolded first, then decoded. */
static void
test_fold_splits_character (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:fold@example.org\r\n"
                                             "DTSTART:20270412T060000Z\r\n"
                                             "DTEND:20270412T070000Z\r\n"
                                             "SUMMARY:K\xC3\r\n"
                                             " \xA4sit\xC3\xB6\xC3\r\n"
                                             " \xB6 in Tampere\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_title (session), ==, "Käsitöö in Tampere");
}

/* A byte order mark, bare LF line ends, and libical's own folding bug
 * ("\r\r\n \n") are all read. */
static void
test_bom_and_bare_lf (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one ("\xEF\xBB\xBF"
                                             "BEGIN:VCALENDAR\n"
                                             "VERSION:2.0\n"
                                             "PRODID:-//Visit Planner tests//EN\n"
                                             "BEGIN:VEVENT\n"
                                             "UID:bare-lf@example.org\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270412T090000\n"
                                             "DTEND;TZID=Europe/Vilnius:20270412T100000\n"
                                             "SUMMARY:Lines ended by LF only, and a stray CR\r\r\n"
                                             " \n"
                                             "END:VEVENT\n"
                                             "END:VCALENDAR\n"
                                             "\n",
                                             &report);

  g_assert_cmpstr (vp_session_get_title (session), ==, "Lines ended by LF only, and a stray CR");
  g_assert_cmpint (vp_session_get_start_utc (session), ==, PLAIN_START);
}

static void
test_nul_byte (void)
{
  static const char text[] = HEAD
                             "BEGIN:VEVENT\r\n"
                             "UID:nul@example.org\r\n"
                             "SUMMARY:Hidden\0END:VEVENT\r\n"
                             "END:VEVENT\r\n"
                             TAIL;

  assert_refused_len (text, sizeof text - 1, VP_ICAL_IMPORT_ERROR_ENCODING,
                      "line 6 holds a NUL byte");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (HEAD);
  gint64 start;

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "BEGIN:VEVENT\r\n");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "END:VEVENT\r\n");
  g_string_append (text, TAIL);

  /* VCALENDAR on line 1 is the first level: the 10th VEVENT the 11th */
  start = g_get_monotonic_time ();
  assert_refused_len (text->str, text->len, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                      "line 13: components are nested more than 10 deep");
  g_test_message ("50,000 levels refused in %.3f s", (g_get_monotonic_time () - start) / 1e6);
}

static void
test_too_many_components (void)
{
  g_autoptr(GString) text = g_string_new (HEAD);

  for (guint i = 0; i < VP_ICAL_IMPORT_MAX_COMPONENTS; i++)
    g_string_append (text, "BEGIN:X\r\nEND:X\r\n");
  g_string_append (text, TAIL);

  assert_refused_len (text->str, text->len, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                      "more than 100000 components in one file");
}

/* Zones {{{1 */

static void
test_unknown_tzid (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:mars@example.org\r\n"
                  "DTSTART;TZID=Mars/Olympus_Mons:20270412T090000\r\n"
                  "DTEND;TZID=Mars/Olympus_Mons:20270412T100000\r\n"
                  "SUMMARY:Far away\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "mars@example.org", 4,
                  "the time zone “Mars/Olympus_Mons” is not one tzdata knows, and the file has no "
                  "VTIMEZONE for it", 0);
}

/* An IANA name is read from tzdata, with or without a VTIMEZONE, even one
 * that says otherwise. */
static void
test_iana_tzid_without_vtimezone (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpIcalReport) lying_report = NULL;
  g_autoptr(VpIcalReport) prefixed_report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:helsinki@example.org\r\n"
                                             "DTSTART;TZID=Europe/Helsinki:20270412T090000\r\n"
                                             "DTEND;TZID=Europe/Helsinki:20270412T100000\r\n"
                                             "SUMMARY:In Helsinki\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);
  g_autoptr(VpSession) lying = import_one (HEAD
                                           "BEGIN:VTIMEZONE\r\n"
                                           "TZID:Europe/Vilnius\r\n"
                                           "BEGIN:STANDARD\r\n"
                                           "DTSTART:19700101T000000\r\n"
                                           "TZOFFSETFROM:+0500\r\n"
                                           "TZOFFSETTO:+0500\r\n"
                                           "END:STANDARD\r\n"
                                           "END:VTIMEZONE\r\n"
                                           PLAIN_EVENT ("lying@example.org")
                                           TAIL,
                                           &lying_report);
  g_autoptr(VpSession) prefixed = import_one (HEAD
                                              "BEGIN:VEVENT\r\n"
                                              "UID:prefixed@example.org\r\n"
                                              "DTSTART;TZID=/freeassociation.sourceforge.net/"
                                              "Europe/Vilnius:"
                                              "20270412T090000\r\n"
                                              "DTEND;TZID=/freeassociation.sourceforge.net/"
                                              "Europe/Vilnius:"
                                              "20270412T100000\r\n"
                                              "SUMMARY:Prefixed\r\n"
                                              "END:VEVENT\r\n"
                                              TAIL,
                                              &prefixed_report);

  /* Helsinki and Vilnius share their offsets: same instant, own zone */
  g_assert_cmpint (vp_session_get_start_utc (session), ==, PLAIN_START);
  g_assert_cmpint (vp_session_get_end_utc (session), ==, PLAIN_START + 3600);
  g_assert_cmpstr (vp_session_get_timezone (session), ==, "Europe/Helsinki");
  g_assert_null (vp_session_get_end_timezone (session));
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-12T09:00");
  g_assert_cmpuint (report->notes->len, ==, 0);

  g_assert_cmpint (vp_session_get_start_utc (lying), ==, PLAIN_START);
  g_assert_null (vp_session_get_timezone (lying));

  g_assert_cmpint (vp_session_get_start_utc (prefixed), ==, PLAIN_START);
  g_assert_null (vp_session_get_timezone (prefixed));
}

/* Outlook's "FLE Standard Time" is Europe/Helsinki (tests/data/ics). */
static void
test_windows_zone (void)
{
  g_autofree char *text = read_fixture ("outlook-windows-zone.ics");
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (text, &report);

  g_assert_cmpstr (vp_session_get_title (session), ==, "Lab tour at Femtolux");
  g_assert_cmpstr (vp_session_get_timezone (session), ==, "Europe/Helsinki");
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-13T10:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T11:30");
  g_assert_cmpint (vp_session_get_start_utc (session), ==, vp_test_utc (2027, 4, 13, 7, 0));
  g_assert_cmpint (vp_session_get_end_utc (session), ==, vp_test_utc (2027, 4, 13, 8, 30));
  g_assert_cmpstr (vp_session_get_location (session), ==,
                   "Femtolux Lasers, Mokslininkų g. 6, Vilnius");
  g_assert_cmpstr (vp_session_get_description (session), ==,
                   "Tour of the cleanroom and the laser lab.\nSafety shoes are provided.");
  g_assert_true (has_note (report, "time zone “FLE Standard Time” read as Europe/Helsinki"));
}

/* A zone name neither tzdata nor the Windows table knows, with its
 * VTIMEZONE: converted through libical, read the RFC's way at DST changes
 * (libical alone takes the later offset in both). */
static void
test_custom_vtimezone (void)
{
  g_autofree char *text = read_fixture ("outlook-custom-zone.ics");
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSnapshot) result = import_text (text, &report);
  VpSession *plain = vp_snapshot_lookup_session_by_uid (result, "custom-zone-plain@example.org");
  VpSession *overlap = vp_snapshot_lookup_session_by_uid (result,
                                                          "custom-zone-overlap@example.org");
  VpIcalSkip *skip;

  g_assert_cmpuint (report->added, ==, 2);
  g_assert_nonnull (plain);
  g_assert_nonnull (overlap);
  /* kept in the programme's zone */
  g_assert_null (vp_session_get_timezone (plain));
  g_assert_cmpstr (vp_session_get_start (plain), ==, "2027-04-13T10:00");
  g_assert_cmpint (vp_session_get_start_utc (plain), ==, vp_test_utc (2027, 4, 13, 7, 0));
  g_assert_true (has_note (report, "is not one tzdata knows: converted with the file’s VTIMEZONE "
                                   "to Europe/Vilnius"));

  /* 03:30 on 31 October happens twice: the first is 00:30 UTC */
  g_assert_cmpint (vp_session_get_start_utc (overlap), ==, vp_test_utc (2027, 10, 31, 0, 30));
  g_assert_cmpstr (vp_session_get_start (overlap), ==, "2027-10-31T03:30");
  g_assert_true (has_note (report,
                           "DTSTART 2027-10-31T03:30:00 occurs twice in the file’s time zone"));

  g_assert_cmpuint (report->skipped->len, ==, 1);
  skip = g_ptr_array_index (report->skipped, 0);
  g_assert_cmpstr (skip->uid, ==, "custom-zone-gap@example.org");
  g_assert_nonnull (strstr (skip->reason,
                            "DTSTART 2027-03-28T03:30:00 does not exist in the file’s time zone"));
}

/* A VTIMEZONE whose rule libical would expand every second since 1601 is
 * not used, and costs no time. */
static void
test_unbounded_vtimezone (void)
{
  assert_skipped (HEAD
                  "BEGIN:VTIMEZONE\r\n"
                  "TZID:Every second\r\n"
                  "BEGIN:STANDARD\r\n"
                  "DTSTART:16010101T000000\r\n"
                  "RRULE:FREQ=SECONDLY\r\n"
                  "TZOFFSETFROM:+0200\r\n"
                  "TZOFFSETTO:+0200\r\n"
                  "END:STANDARD\r\n"
                  "END:VTIMEZONE\r\n"
                  "BEGIN:VEVENT\r\n"
                  "UID:slow@example.org\r\n"
                  "DTSTART;TZID=Every second:20270412T090000\r\n"
                  "DTEND;TZID=Every second:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "slow@example.org", 13,
                  "VTIMEZONE “Every second” cannot be used: its rules do not repeat once a year",
                  0);
}

#define CUSTOM_ZONE(offset)                                 \
  "BEGIN:VTIMEZONE\r\n"                                     \
  "TZID:Cluster time\r\n"                                   \
  "BEGIN:STANDARD\r\n"                                      \
  "DTSTART:19700101T000000\r\n"                             \
  "TZOFFSETFROM:" offset "\r\n"                             \
  "TZOFFSETTO:" offset "\r\n"                               \
  "END:STANDARD\r\n"                                        \
  "END:VTIMEZONE\r\n"

#define CUSTOM_EVENT(uid)                                   \
  "BEGIN:VEVENT\r\n"                                        \
  "UID:" uid "\r\n"                                         \
  "DTSTART;TZID=Cluster time:20270412T090000\r\n"           \
  "DTEND;TZID=Cluster time:20270412T100000\r\n"             \
  "END:VEVENT\r\n"

/* Two VTIMEZONEs with one TZID: the same twice is harmless; different
 * ones leave no way to tell which is meant, so the events in that zone are
 * skipped (an IANA TZID is read from tzdata whatever they say). */
static void
test_duplicate_vtimezones (void)
{
  g_autoptr(VpIcalReport) same_report = NULL;
  g_autoptr(VpSession) same = import_one (HEAD CUSTOM_ZONE ("+0100") CUSTOM_ZONE ("+0100")
                                          CUSTOM_EVENT ("same@example.org") TAIL,
                                          &same_report);

  g_assert_cmpint (vp_session_get_start_utc (same), ==, vp_test_utc (2027, 4, 12, 8, 0));

  assert_skipped (HEAD CUSTOM_ZONE ("+0100") CUSTOM_ZONE ("+0500")
                  CUSTOM_EVENT ("conflict@example.org") PLAIN_EVENT ("fine@example.org") TAIL,
                  "conflict@example.org", 20,
                  "the file has two different VTIMEZONEs named “Cluster time”",
                  1);
}

static void
test_floating_time (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:floating@example.org\r\n"
                                             "DTSTART:20270412T090000\r\n"
                                             "DTEND:20270412T100000\r\n"
                                             "SUMMARY:Floating\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);
  VpIcalSkip *note;

  g_assert_cmpint (vp_session_get_start_utc (session), ==, PLAIN_START);
  g_assert_null (vp_session_get_timezone (session));
  /* once for the event, not once per time */
  g_assert_cmpuint (report->notes->len, ==, 1);
  note = g_ptr_array_index (report->notes, 0);
  g_assert_cmpstr (note->reason, ==, "no time zone given: read in Europe/Vilnius");
  g_assert_cmpstr (note->uid, ==, "floating@example.org");
  g_assert_cmpuint (note->line, ==, 4);
}

static void
test_utc_time (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:utc@example.org\r\n"
                                             "DTSTART:20270412T060000Z\r\n"
                                             "DURATION:PT1H30M\r\n"
                                             "SUMMARY:In UTC\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  /* kept as the programme's wall time */
  g_assert_null (vp_session_get_timezone (session));
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-12T09:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-12T10:30");
  g_assert_cmpint (vp_session_get_end_utc (session), ==, PLAIN_START + 5400);
  g_assert_cmpuint (report->notes->len, ==, 0);
}

static void
test_dst_gap (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:gap@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270328T033000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270328T050000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "gap@example.org", 4,
                  "DTSTART 2027-03-28T03:30:00 does not exist in Europe/Vilnius: the clocks skip "
                  "that hour", 0);
  /* a floating time in the gap of the programme's zone */
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:gap@example.org\r\n"
                  "DTSTART:20270328T010000\r\n"
                  "DTEND:20270328T033000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "gap@example.org", 4,
                  "DTEND 2027-03-28T03:30:00 does not exist in Europe/Vilnius", 0);
}

static void
test_dst_overlap (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpIcalReport) utc_report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:overlap@example.org\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20271031T033000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20271031T050000\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);
  /* the second 03:30, said in UTC, is kept in UTC: the wall time would
   * name the first */
  g_autoptr(VpSession) second = import_one (HEAD
                                            "BEGIN:VEVENT\r\n"
                                            "UID:second@example.org\r\n"
                                            "DTSTART:20271031T013000Z\r\n"
                                            "DTEND:20271031T030000Z\r\n"
                                            "END:VEVENT\r\n"
                                            TAIL,
                                            &utc_report);

  /* the first occurrence (RFC 5545 3.3.5), reported */
  g_assert_cmpint (vp_session_get_start_utc (session), ==, vp_test_utc (2027, 10, 31, 0, 30));
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-10-31T03:30");
  g_assert_true (has_note (report, "DTSTART 2027-10-31T03:30:00 occurs twice in Europe/Vilnius "
                                   "(the clocks go back): the first is taken"));

  g_assert_cmpint (vp_session_get_start_utc (second), ==, vp_test_utc (2027, 10, 31, 1, 30));
  g_assert_cmpstr (vp_session_get_timezone (second), ==, "UTC");
  g_assert_cmpstr (vp_session_get_start (second), ==, "2027-10-31T01:30");
  g_assert_cmpstr (vp_session_get_end_timezone (second), ==, "Europe/Vilnius");
  g_assert_cmpstr (vp_session_get_end (second), ==, "2027-10-31T05:00");
  g_assert_true (has_note (utc_report, "DTSTART is in the hour that repeats"));
}

/* DURATION counts days on the wall clock (RFC 5545 3.3.6): one day from
 * noon before the clocks go forward is 23 hours. */
static void
test_duration_nominal_days (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:day@example.org\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270327T120000\r\n"
                                             "DURATION:P1D\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-03-28T12:00");
  g_assert_cmpint (vp_session_get_end_utc (session) - vp_session_get_start_utc (session), ==,
                   23 * 3600);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Untitled slot");
  g_assert_true (has_note (report, "it has no SUMMARY: titled “Untitled slot”"));
}

/* A SUMMARY of spaces (a no-break space, an ideographic space) is no
 * title: blank is empty. */
static void
test_blank_summary (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:blank@example.org\r\n"
                                             "SUMMARY:\xC2\xA0 \xE3\x80\x80\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270511T100000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20270511T110000\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_title (session), ==, "Untitled slot");
  g_assert_true (has_note (report, "it has no SUMMARY: titled “Untitled slot”"));
}

/* Events {{{1 */

static void
test_impossible_date (void)
{
  /* libical takes 30 February as it comes */
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:feb30@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270230T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270230T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "feb30@example.org", 4,
                  "DTSTART 2027-02-30T09:00:00 is not a real date and time", 0);
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:hour25@example.org\r\n"
                  "DTSTART:20270412T090000Z\r\n"
                  "DTEND:20271340T250000Z\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "hour25@example.org", 4,
                  "DTEND 2027-13-40T25:00:00 is not a real date and time", 0);
}

static void
test_dtend_before_dtstart (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:backwards@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "backwards@example.org", 4,
                  "DTEND: the end 2027-04-12T09:00 is not after the start 2027-04-12T10:00", 0);
}

/* An event that ends when it starts (RFC 5545 3.6.1) is an instant: it
 * comes in as a one-hour session, and the report says why it has that
 * length.  @start_utc is the start as an instant, @start and @end the wall
 * times kept. */
static void
assert_instant (const char *text,
                gint64      start_utc,
                const char *start,
                const char *end,
                const char *note)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (text, &report);

  g_assert_cmpint (vp_session_get_start_utc (session), ==, start_utc);
  g_assert_cmpint (vp_session_get_end_utc (session), ==, start_utc + 3600);
  g_assert_cmpstr (vp_session_get_start (session), ==, start);
  g_assert_cmpstr (vp_session_get_end (session), ==, end);
  g_assert_null (vp_session_get_end_timezone (session));
  if (!has_note (report, note))
    for (guint i = 0; i < report->notes->len; i++)
      g_test_message ("note: %s", ((VpIcalSkip *)g_ptr_array_index (report->notes, i))->reason);
  g_assert_true (has_note (report, note));
  g_assert_true (has_note (report, "it was given one hour; check its end"));
}

static void
test_instant_events (void)
{
  /* no DTEND and no DURATION */
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:no-end@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "SUMMARY:Lab tour\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 4, 12, 7, 0), "2027-04-12T10:00", "2027-04-12T11:00",
                  "it has no DTEND or DURATION, so it ends when it starts");
  /* Outlook leaves DTEND out of an event that ends when it starts */
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "CLASS:PUBLIC\r\n"
                  "DTSTART;TZID=\"FLE Standard Time\":20270412T090000\r\n"
                  "DTSTAMP:20270301T080000Z\r\n"
                  "SUMMARY;LANGUAGE=en-gb:Welcome\r\n"
                  "UID:040000008200E00074C5B7101A82E008000000004D6F@outlook\r\n"
                  "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 4, 12, 6, 0), "2027-04-12T09:00", "2027-04-12T10:00",
                  "it has no DTEND or DURATION");
  /* a UTC start, kept in the programme's zone */
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:no-end-utc@example.org\r\n"
                  "DTSTART:20270412T070000Z\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 4, 12, 7, 0), "2027-04-12T10:00", "2027-04-12T11:00",
                  "it has no DTEND or DURATION");
  /* the same instant written with an end */
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:empty@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "DTEND:20270412T070000Z\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 4, 12, 7, 0), "2027-04-12T10:00", "2027-04-12T11:00",
                  "its DTEND is its DTSTART");
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:zero@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "DURATION:PT0S\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 4, 12, 7, 0), "2027-04-12T10:00", "2027-04-12T11:00",
                  "its DURATION is zero");
  /* an hour later on the clock that goes forward: 02:30 + 1 h is 04:30 */
  assert_instant (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:no-end-dst@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270328T023000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  vp_test_utc (2027, 3, 28, 0, 30), "2027-03-28T02:30", "2027-03-28T04:30",
                  "it has no DTEND or DURATION");
  /* a day without an end is still a whole day, which is no session */
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:date-no-end@example.org\r\n"
                  "DTSTART;VALUE=DATE:20270412\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "date-no-end@example.org", 4, "all-day events are not sessions", 0);
}

static void
test_dtend_and_duration (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:both@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "DURATION:PT2H\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "both@example.org", 4, "it has both DTEND and DURATION", 0);
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:negative@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DURATION:-PT2H\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "negative@example.org", 4, "its DURATION is negative", 0);
}

/* libical quietly turns a VALUE=DATE that holds a time into a date-time */
static void
test_value_date_with_time (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:date-time@example.org\r\n"
                  "DTSTART;VALUE=DATE:20270412T090000\r\n"
                  "DTEND;VALUE=DATE:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "date-time@example.org", 4,
                  "line 6: DTSTART is marked VALUE=DATE but holds a time", 0);
}

/* A whole day is no slot in a programme: it would double-book everyone. */
static void
test_all_day (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:all-day@example.org\r\n"
                  "DTSTART;VALUE=DATE:20270412\r\n"
                  "DTEND;VALUE=DATE:20270413\r\n"
                  "SUMMARY:Visit week\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "all-day@example.org", 4, "all-day events are not sessions", 0);
}

static void
test_missing_uid (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  PLAIN_EVENT ("fine@example.org")
                  TAIL,
                  NULL, 4, "it has no UID", 1);
}

static void
test_missing_dtstart (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:no-start@example.org\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "no-start@example.org", 4, "it has no DTSTART", 0);
}

static void
test_same_uid_twice (void)
{
  assert_skipped (HEAD
                  PLAIN_EVENT ("twice@example.org")
                  PLAIN_EVENT ("twice@example.org")
                  TAIL,
                  "twice@example.org", 10, "the same UID as the event on line 4", 1);
}

static void
test_rrule_enormous_count (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:forever@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "RRULE:FREQ=SECONDLY;COUNT=2147483647\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "forever@example.org", 4,
                  "it repeats (RRULE): repeating events are not imported", 0);
}

/* Only events directly in the calendar are sessions; an event that holds
 * one (or anything but alarms) is skipped, alarms are ignored. */
static void
test_nested_components (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) alarmed = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:alarm@example.org\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                                             "SUMMARY:With a reminder\r\n"
                                             "BEGIN:VALARM\r\n"
                                             "TRIGGER:-PT15M\r\n"
                                             "ACTION:DISPLAY\r\n"
                                             "DESCRIPTION:Reminder\r\n"
                                             "END:VALARM\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_title (alarmed), ==, "With a reminder");

  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:outer@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "BEGIN:VEVENT\r\n"
                  "UID:inner@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T110000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T120000\r\n"
                  "END:VEVENT\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "outer@example.org", 4,
                  "it holds a VEVENT inside it: an event may only hold alarms", 0);
}

/* An escaped newline is text, not a line: no END:VEVENT ends the event
 * early, and no event is smuggled in. */
static void
test_escaped_end_vevent (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:honest@example.org\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                                             "SUMMARY:Honest\r\n"
                                             "DESCRIPTION:Agenda\\nEND:VEVENT\\nBEGIN:VEVENT\\n"
                                             "UID:evil\r\n"
                                             " @example.org\\nDTSTART:20270412T060000Z\\n"
                                             "END:VEVENT\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_uid (session), ==, "honest@example.org");
  g_assert_cmpstr (vp_session_get_description (session), ==,
                   "Agenda\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@example.org\n"
                   "DTSTART:20270412T060000Z\nEND:VEVENT");
}

static void
test_bidi_and_control_characters (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:bidi@example.org\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                                             "SUMMARY:Lab \xE2\x80\xAEtour\xE2\x80\xAC "
                                             "\x01\x1B[31mred\x7F\r\n"
                                             "LOCATION:Hall\\nB\xE2\x81\xA6 2\xE2\x81\xA9\r\n"
                                             "DESCRIPTION:Line one\\nLine\ttwo\x07\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  g_assert_cmpstr (vp_session_get_title (session), ==, "Lab tour [31mred");
  g_assert_cmpstr (vp_session_get_location (session), ==, "Hall B 2");
  g_assert_cmpstr (vp_session_get_description (session), ==, "Line one\nLine\ttwo");

  /* an identity is not cleaned: it is refused */
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:bidi\xE2\x80\xAE@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "bidi@example.org", 4, "its UID holds control characters", 0);
}

static void
test_long_texts (void)
{
  g_autoptr(GString) text = g_string_new (HEAD
                                          "BEGIN:VEVENT\r\n"
                                          "UID:long@example.org\r\n"
                                          "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                                          "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                                          "SUMMARY:");
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "ä");
  g_string_append (text, "\r\nEND:VEVENT\r\n" TAIL);

  session = import_one (text->str, &report);
  g_assert_cmpint (g_utf8_strlen (vp_session_get_title (session), -1), ==, 300);
  g_assert_true (g_str_has_suffix (vp_session_get_title (session), "ää…"));
  g_assert_true (has_note (report, "the title was shortened to 300 characters"));
}

static void
test_years (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:1601@example.org\r\n"
                  "DTSTART:16010101T090000Z\r\n"
                  "DTEND:16010101T100000Z\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "1601@example.org", 4,
                  "DTSTART is in the year 1601: only 1900 to 2200 are accepted", 0);
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:9999@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:99991231T235959\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "9999@example.org", 4, "DTEND is in the year 9999", 0);
}

static void
test_bad_sequence (void)
{
  /* libical would wrap 99999999999 and read "abc" as 0 */
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:sequence@example.org\r\n"
                  "SEQUENCE:99999999999\r\n"
                  "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "sequence@example.org", 4,
                  "line 6: SEQUENCE “99999999999” is not a whole number from 0 to 2147483647", 0);
}

/* libical's own complaints about a value cost the event. */
static void
test_unreadable_value (void)
{
  assert_skipped (HEAD
                  "BEGIN:VEVENT\r\n"
                  "UID:garbage@example.org\r\n"
                  "DTSTART;TZID=Europe/Vilnius:tomorrow\r\n"
                  "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                  "END:VEVENT\r\n"
                  TAIL,
                  "garbage@example.org", 4, "libical cannot read a line of it", 0);
}

static void
test_fields (void)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(VpSession) session = import_one (HEAD
                                             "BEGIN:VEVENT\r\n"
                                             "UID:fields@example.org\r\n"
                                             "SEQUENCE:4\r\n"
                                             "DTSTART;TZID=Europe/Vilnius:20270412T090000\r\n"
                                             "DTEND;TZID=Europe/Vilnius:20270412T100000\r\n"
                                             "SUMMARY:Cancelled: Lab tour\r\n"
                                             "STATUS:CANCELLED\r\n"
                                             "CATEGORIES:Visit\r\n"
                                             "END:VEVENT\r\n"
                                             TAIL,
                                             &report);

  /* as our own calendars write a cancelled session */
  g_assert_cmpstr (vp_session_get_title (session), ==, "Lab tour");
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_CANCELLED);
  g_assert_cmpint (vp_session_get_kind (session), ==, VP_SESSION_KIND_VISIT);
  g_assert_cmpint (vp_session_get_revision (session), ==, 4);
  g_assert_true (vp_session_get_attendees_all (session));
  g_assert_nonnull (vp_session_get_ref (session));
}

/* Updates through the store {{{1 */

/* An empty programme in Vilnius, in a database of its own. */
typedef VpTestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpSnapshot) programme = new_programme ("Europe/Vilnius");

  vp_test_database_set_up_store (fixture, data);
  fixture->id = vp_test_import_snapshot (fixture->store, programme, VP_STORE_IMPORT_NONE);
}

/* Imports @text into the stored programme as the command line does. */
static VpIcalReport *
store_import (Fixture    *fixture,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  g_autoptr(VpSnapshot) updated = NULL;
  VpIcalReport *report = NULL;

  updated = import_bytes (snapshot, text, strlen (text), &report, &error);
  g_assert_no_error (error);
  vp_test_import_snapshot (fixture->store, updated, VP_STORE_IMPORT_UPDATE);
  return report;
}

static VpSession *
stored_session (Fixture    *fixture,
                const char *uid)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  VpSession *session;

  session = vp_snapshot_lookup_session_by_uid (snapshot, uid);
  g_assert_nonnull (session);
  return g_object_ref (session);
}

#define SEQUENCED_EVENT(sequence, hour, title)                  \
  HEAD                                                          \
  "BEGIN:VEVENT\r\n"                                            \
  "UID:slot@example.org\r\n"                                    \
  "SEQUENCE:" sequence "\r\n"                                   \
  "DTSTART;TZID=Europe/Vilnius:20270412T" hour "0000\r\n"       \
  "DTEND;TZID=Europe/Vilnius:20270412T" hour "3000\r\n"         \
  "SUMMARY:" title "\r\n"                                       \
  "END:VEVENT\r\n"                                              \
  TAIL

static void
test_update_higher_sequence (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpIcalReport) first = store_import (fixture, SEQUENCED_EVENT ("0", "09", "Lab tour"));
  g_autoptr(VpIcalReport) second = NULL;
  g_autoptr(VpSession) before = stored_session (fixture, "slot@example.org");
  g_autoptr(VpSession) after = NULL;

  g_assert_cmpuint (first->added, ==, 1);
  g_assert_cmpint (vp_session_get_revision (before), ==, 0);

  second = store_import (fixture, SEQUENCED_EVENT ("1", "11", "Lab tour, moved"));
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 1);
  after = stored_session (fixture, "slot@example.org");
  g_assert_cmpstr (vp_session_get_title (after), ==, "Lab tour, moved");
  g_assert_cmpstr (vp_session_get_start (after), ==, "2027-04-12T11:00");
  g_assert_cmpint (vp_session_get_start_utc (after), ==, vp_test_utc (2027, 4, 12, 8, 0));
  /* raised by the store, and kept: the same id */
  g_assert_cmpint (vp_session_get_revision (after), ==, 1);
  g_assert_cmpint (vp_session_get_id (after), ==, vp_session_get_id (before));
}

static void
test_update_equal_sequence (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VpIcalReport) first = store_import (fixture, SEQUENCED_EVENT ("3", "09", "Lab tour"));
  g_autoptr(VpIcalReport) again = store_import (fixture, SEQUENCED_EVENT ("3", "09", "Lab tour"));
  g_autoptr(VpIcalReport) stale = store_import (fixture, SEQUENCED_EVENT ("3", "11", "Stale copy"));
  g_autoptr(VpSession) session = stored_session (fixture, "slot@example.org");
  VpIcalSkip *note;

  g_assert_cmpint (vp_session_get_revision (session), ==, 3);
  g_assert_cmpuint (again->unchanged, ==, 1);
  g_assert_cmpuint (again->notes->len, ==, 0);
  g_assert_cmpuint (stale->unchanged, ==, 1);
  g_assert_cmpuint (stale->updated, ==, 0);
  g_assert_cmpuint (stale->notes->len, ==, 1);
  note = g_ptr_array_index (stale->notes, 0);
  g_assert_cmpstr (note->reason, ==, "not updated: its SEQUENCE 3 is not newer than the session’s "
                                     "revision 3");
  g_assert_cmpstr (vp_session_get_title (session), ==, "Lab tour");
}

/* The same file twice: the second import changes nothing. */
static void
test_update_same_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = read_fixture ("outlook-custom-zone.ics");
  g_autoptr(VpIcalReport) first = store_import (fixture, text);
  g_autoptr(VpIcalReport) second = store_import (fixture, text);

  g_assert_cmpuint (first->added, ==, 2);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, 2);
  g_assert_cmpuint (second->skipped->len, ==, 1);
}

/* Our own calendar {{{1 */

/* The demo programme's calendar, imported into an empty programme in the
 * same zone: the same instants and titles. */
static void
test_round_trip_own_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2027, 4, 1, 8, 30, 0);
  g_autoptr(GBytes) calendar = NULL;
  g_autoptr(VpSnapshot) empty = new_programme ("Europe/Vilnius");
  g_autoptr(VpSnapshot) result = NULL;
  g_autoptr(VpIcalReport) report = NULL;
  GPtrArray *sessions;

  g_assert_cmpstr (vp_programme_get_timezone (vp_snapshot_get_programme (demo)), ==,
                   "Europe/Vilnius");

  calendar = vp_calendar_write_programme (demo, stamp);
  result = vp_ical_import (empty, calendar, &report, &error);
  g_assert_no_error (error);

  sessions = vp_snapshot_get_sessions (demo);
  g_assert_cmpuint (sessions->len, >, 0);
  g_assert_cmpuint (report->added, ==, sessions->len);
  g_assert_cmpuint (report->skipped->len, ==, 0);
  g_assert_cmpuint (report->notes->len, ==, 0);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *original = g_ptr_array_index (sessions, i);
      VpSession *imported = vp_snapshot_lookup_session_by_uid (result,
                                                               vp_session_get_uid (original));

      g_assert_nonnull (imported);
      g_assert_cmpstr (vp_session_get_title (imported), ==, vp_session_get_title (original));
      g_assert_cmpint (vp_session_get_start_utc (imported), ==,
                       vp_session_get_start_utc (original));
      g_assert_cmpint (vp_session_get_end_utc (imported), ==, vp_session_get_end_utc (original));
      g_assert_cmpstr (vp_session_get_start (imported), ==, vp_session_get_start (original));
      g_assert_cmpint (vp_session_get_status (imported), ==, vp_session_get_status (original));
      g_assert_cmpint (vp_session_get_revision (imported), ==, vp_session_get_revision (original));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  vp_ical_init ();
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/ical-import/file/truncated", test_truncated);
  g_test_add_func ("/ical-import/file/mismatched-end", test_mismatched_end);
  g_test_add_func ("/ical-import/file/not-icalendar", test_not_icalendar);
  g_test_add_func ("/ical-import/file/other-components", test_other_components);
  g_test_add_func ("/ical-import/file/line-without-colon", test_line_without_colon);
  g_test_add_func ("/ical-import/file/unbalanced-quotes", test_unbalanced_quotes);
  g_test_add_func ("/ical-import/file/huge-line", test_huge_line);
  g_test_add_func ("/ical-import/file/huge-folded-line", test_huge_folded_line);
  g_test_add_func ("/ical-import/file/too-large", test_too_large);
  g_test_add_func ("/ical-import/file/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ical-import/file/fold-splits-character", test_fold_splits_character);
  g_test_add_func ("/ical-import/file/bom-and-bare-lf", test_bom_and_bare_lf);
  g_test_add_func ("/ical-import/file/nul-byte", test_nul_byte);
  g_test_add_func ("/ical-import/file/deep-nesting", test_deep_nesting);
  g_test_add_func ("/ical-import/file/too-many-components", test_too_many_components);

  g_test_add_func ("/ical-import/zone/unknown-tzid", test_unknown_tzid);
  g_test_add_func ("/ical-import/zone/iana-without-vtimezone", test_iana_tzid_without_vtimezone);
  g_test_add_func ("/ical-import/zone/windows-name", test_windows_zone);
  g_test_add_func ("/ical-import/zone/custom-vtimezone", test_custom_vtimezone);
  g_test_add_func ("/ical-import/zone/unbounded-vtimezone", test_unbounded_vtimezone);
  g_test_add_func ("/ical-import/zone/duplicate-vtimezones", test_duplicate_vtimezones);
  g_test_add_func ("/ical-import/zone/floating", test_floating_time);
  g_test_add_func ("/ical-import/zone/utc", test_utc_time);
  g_test_add_func ("/ical-import/zone/dst-gap", test_dst_gap);
  g_test_add_func ("/ical-import/zone/dst-overlap", test_dst_overlap);
  g_test_add_func ("/ical-import/zone/duration-nominal-days", test_duration_nominal_days);
  g_test_add_func ("/ical-import/event/blank-summary", test_blank_summary);

  g_test_add_func ("/ical-import/event/impossible-date", test_impossible_date);
  g_test_add_func ("/ical-import/event/dtend-before-dtstart", test_dtend_before_dtstart);
  g_test_add_func ("/ical-import/event/dtend-and-duration", test_dtend_and_duration);
  g_test_add_func ("/ical-import/event/instant", test_instant_events);
  g_test_add_func ("/ical-import/event/value-date-with-time", test_value_date_with_time);
  g_test_add_func ("/ical-import/event/all-day", test_all_day);
  g_test_add_func ("/ical-import/event/missing-uid", test_missing_uid);
  g_test_add_func ("/ical-import/event/missing-dtstart", test_missing_dtstart);
  g_test_add_func ("/ical-import/event/same-uid-twice", test_same_uid_twice);
  g_test_add_func ("/ical-import/event/rrule-enormous-count", test_rrule_enormous_count);
  g_test_add_func ("/ical-import/event/nested-components", test_nested_components);
  g_test_add_func ("/ical-import/event/escaped-end-vevent", test_escaped_end_vevent);
  g_test_add_func ("/ical-import/event/bidi-and-control", test_bidi_and_control_characters);
  g_test_add_func ("/ical-import/event/long-texts", test_long_texts);
  g_test_add_func ("/ical-import/event/years", test_years);
  g_test_add_func ("/ical-import/event/bad-sequence", test_bad_sequence);
  g_test_add_func ("/ical-import/event/unreadable-value", test_unreadable_value);
  g_test_add_func ("/ical-import/event/fields", test_fields);

  g_test_add ("/ical-import/update/higher-sequence", Fixture, NULL, fixture_set_up,
              test_update_higher_sequence, vp_test_database_tear_down);
  g_test_add ("/ical-import/update/equal-sequence", Fixture, NULL, fixture_set_up,
              test_update_equal_sequence, vp_test_database_tear_down);
  g_test_add ("/ical-import/update/same-file", Fixture, NULL, fixture_set_up,
              test_update_same_file, vp_test_database_tear_down);

  g_test_add_func ("/ical-import/round-trip/own-calendar", test_round_trip_own_calendar);

  status = g_test_run ();

  /* libical's built-in zones live until freed */
  vp_ical_shutdown ();
  return status;
}

/* test-calendar.c: unit tests of the iCalendar exporter, read back by libical and byte by byte. */
#include "config.h"

#include <libical/ical.h>
#include <math.h>
#include <string.h>

#include "vp-calendar.h"
#include "vp-ical.h"
#include "vp-store.h"
#include "vp-test-core.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Documents {{{1 */

/* A programme in Vilnius with sessions in three zones, one host with a
 * position and one without, a cancelled and a tentative session, and
 * participants whose personal data must never reach a calendar. */
static const char main_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"prog-cal-1\",\n"
  "    \"title\": \"Photonics in Vilnius\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-11\",\n"
  "    \"end_date\": \"2027-04-16\",\n"
  "    \"coordinator\": { \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\" }\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    {\n"
  "      \"id\": \"femtolux\",\n"
  "      \"name\": \"Femtolux Lasers\",\n"
  "      \"contact_name\": \"Giedrė Jankauskaitė\",\n"
  "      \"address\": \"Mokslininkų g. 6\",\n"
  "      \"city\": \"Vilnius\",\n"
  "      \"latitude\": 54.7321,\n"
  "      \"longitude\": 25.2652,\n"
  "      \"notes\": \"Bring photo ID\"\n"
  "    },\n"
  "    { \"id\": \"uni\", \"name\": \"Vilnius University\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    {\n"
  "      \"id\": \"aino\",\n"
  "      \"name\": \"Aino Mäkelä\",\n"
  "      \"email\": \"EMAIL-SECRET@example.org\",\n"
  "      \"phone\": \"PHONE-SECRET-123\",\n"
  "      \"dietary\": \"DIET-SECRET\",\n"
  "      \"accessibility\": \"ACCESS-SECRET\",\n"
  "      \"emergency_contact\": \"EMERGENCY-SECRET\",\n"
  "      \"notes\": \"NOTES-SECRET\",\n"
  "      \"travel\": [\n"
  "        {\n"
  "          \"kind\": \"flight\",\n"
  "          \"reference\": \"AF1070\",\n"
  "          \"from\": \"Paris\",\n"
  "          \"to\": \"Helsinki\",\n"
  "          \"depart\": \"2027-04-11T18:00\",\n"
  "          \"depart_timezone\": \"Europe/Paris\",\n"
  "          \"arrive\": \"2027-04-11T22:15\",\n"
  "          \"arrive_timezone\": \"Europe/Helsinki\"\n"
  "        },\n"
  "        {\n"
  "          \"kind\": \"flight\",\n"
  "          \"reference\": \"AY1071\",\n"
  "          \"from\": \"Helsinki\",\n"
  "          \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-04-12T07:30\",\n"
  "          \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-04-12T08:40\"\n"
  "        }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        {\n"
  "          \"name\": \"Hotel Neris\",\n"
  "          \"address\": \"Konstitucijos pr. 1\",\n"
  "          \"check_in\": \"2027-04-12\",\n"
  "          \"check_out\": \"2027-04-16\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"jonas\",\n"
  "      \"name\": \"Jonas Jonaitis\",\n"
  "      \"phone\": \"PHONE-SECRET-456\",\n"
  "      \"dietary\": \"DIET-SECRET-2\",\n"
  "      \"accessibility\": \"ACCESS-SECRET-2\",\n"
  "      \"emergency_contact\": \"EMERGENCY-SECRET-2\",\n"
  "      \"notes\": \"NOTES-SECRET-2\"\n"
  "    },\n"
  "    { \"id\": \"mari\", \"name\": \"Mari Virtanen\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    {\n"
  "      \"id\": \"welcome\",\n"
  "      \"uid\": \"session-welcome\",\n"
  "      \"title\": \"Welcome\",\n"
  "      \"kind\": \"meeting\",\n"
  "      \"start\": \"2027-04-12T09:00\",\n"
  "      \"end\": \"2027-04-12T10:30\",\n"
  "      \"host\": \"femtolux\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"lab\",\n"
  "      \"uid\": \"session-lab\",\n"
  "      \"title\": \"Laser lab tour\",\n"
  "      \"kind\": \"visit\",\n"
  "      \"start\": \"2027-04-12T11:00\",\n"
  "      \"end\": \"2027-04-12T12:30\",\n"
  "      \"host\": \"femtolux\",\n"
  "      \"location\": \"Building B, room 101\",\n"
  "      \"status\": \"tentative\",\n"
  "      \"attendees\": [\"aino\", \"jonas\"]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"call\",\n"
  "      \"uid\": \"session-call\",\n"
  "      \"title\": \"Call with Helsinki\",\n"
  "      \"timezone\": \"Europe/Helsinki\",\n"
  "      \"start\": \"2027-04-13T10:00\",\n"
  "      \"end\": \"2027-04-13T11:00\",\n"
  "      \"host\": \"uni\",\n"
  "      \"attendees\": [\"mari\"]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"dinner\",\n"
  "      \"uid\": \"session-dinner\",\n"
  "      \"title\": \"Dinner\",\n"
  "      \"kind\": \"meal\",\n"
  "      \"start\": \"2027-04-13T19:00\",\n"
  "      \"end\": \"2027-04-13T21:00\",\n"
  "      \"status\": \"cancelled\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"train\",\n"
  "      \"uid\": \"session-train\",\n"
  "      \"title\": \"Night train to Warsaw\",\n"
  "      \"kind\": \"transfer\",\n"
  "      \"start\": \"2027-04-14T22:00\",\n"
  "      \"end\": \"2027-04-15T06:00\",\n"
  "      \"end_timezone\": \"Europe/Warsaw\",\n"
  "      \"attendees\": [\"jonas\"]\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* Sessions on the Sundays when clocks change in 2027, in Helsinki (03:00 →
 * 04:00 on 28 March, 04:00 → 03:00 on 31 October) and Paris (02:00 → 03:00,
 * 03:00 → 02:00), just before, across, inside the repeated hour and after. */
static const char dst_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"prog-dst\",\n"
  "    \"title\": \"Clock changes\",\n"
  "    \"host_country\": \"FI\",\n"
  "    \"timezone\": \"Europe/Helsinki\",\n"
  "    \"start_date\": \"2027-03-27\",\n"
  "    \"end_date\": \"2027-11-01\",\n"
  "    \"coordinator\": { \"name\": \"Aino\", \"email\": \"aino@example.org\" }\n"
  "  },\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"a\", \"uid\": \"hel-spring-before\", \"title\": \"a\",\n"
  "      \"start\": \"2027-03-28T01:30\", \"end\": \"2027-03-28T02:59\" },\n"
  "    { \"id\": \"b\", \"uid\": \"hel-spring-across\", \"title\": \"b\",\n"
  "      \"start\": \"2027-03-28T02:30\", \"end\": \"2027-03-28T04:30\" },\n"
  "    { \"id\": \"c\", \"uid\": \"hel-spring-after\", \"title\": \"c\",\n"
  "      \"start\": \"2027-03-28T04:00\", \"end\": \"2027-03-28T05:00\" },\n"
  "    { \"id\": \"d\", \"uid\": \"par-spring-before\", \"title\": \"d\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-03-28T00:30\", \"end\": \"2027-03-28T01:59\" },\n"
  "    { \"id\": \"e\", \"uid\": \"par-spring-across\", \"title\": \"e\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-03-28T01:30\", \"end\": \"2027-03-28T03:30\" },\n"
  "    { \"id\": \"f\", \"uid\": \"par-spring-after\", \"title\": \"f\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-03-28T03:00\", \"end\": \"2027-03-28T04:00\" },\n"
  "    { \"id\": \"g\", \"uid\": \"hel-autumn-before\", \"title\": \"g\",\n"
  "      \"start\": \"2027-10-31T01:00\", \"end\": \"2027-10-31T02:59\" },\n"
  "    { \"id\": \"h\", \"uid\": \"hel-autumn-into\", \"title\": \"h\",\n"
  "      \"start\": \"2027-10-31T02:30\", \"end\": \"2027-10-31T03:30\" },\n"
  "    { \"id\": \"i\", \"uid\": \"hel-autumn-repeated\", \"title\": \"i\",\n"
  "      \"start\": \"2027-10-31T03:00\", \"end\": \"2027-10-31T03:45\" },\n"
  "    { \"id\": \"j\", \"uid\": \"hel-autumn-out\", \"title\": \"j\",\n"
  "      \"start\": \"2027-10-31T03:15\", \"end\": \"2027-10-31T04:00\" },\n"
  "    { \"id\": \"k\", \"uid\": \"hel-autumn-after\", \"title\": \"k\",\n"
  "      \"start\": \"2027-10-31T04:00\", \"end\": \"2027-10-31T05:00\" },\n"
  "    { \"id\": \"l\", \"uid\": \"par-autumn-before\", \"title\": \"l\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-10-31T00:30\", \"end\": \"2027-10-31T01:59\" },\n"
  "    { \"id\": \"m\", \"uid\": \"par-autumn-into\", \"title\": \"m\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-10-31T01:30\", \"end\": \"2027-10-31T02:30\" },\n"
  "    { \"id\": \"n\", \"uid\": \"par-autumn-repeated\", \"title\": \"n\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-10-31T02:00\", \"end\": \"2027-10-31T02:45\" },\n"
  "    { \"id\": \"o\", \"uid\": \"par-autumn-out\", \"title\": \"o\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-10-31T02:15\", \"end\": \"2027-10-31T03:00\" },\n"
  "    { \"id\": \"p\", \"uid\": \"par-autumn-after\", \"title\": \"p\",\n"
  "      \"timezone\": \"Europe/Paris\",\n"
  "      \"start\": \"2027-10-31T03:00\", \"end\": \"2027-10-31T04:00\" }\n"
  "  ]\n"
  "}\n";

/* The start of a document in Vilnius with one participant, to which a test
 * appends its sessions and "]}". */
#define SMALL_DOCUMENT_HEAD \
  "{\"format\": \"visit-planner-programme\", \"version\": 1,\n" \
  " \"programme\": {\"uid\": \"prog-small\", \"title\": \"Small\", \"host_country\": \"LT\",\n" \
  "   \"timezone\": \"Europe/Vilnius\",\n" \
  "   \"start_date\": \"2027-04-12\", \"end_date\": \"2027-04-16\",\n" \
  "   \"coordinator\": {\"name\": \"Aino\", \"email\": \"aino@example.org\"}},\n" \
  " \"participants\": [{\"id\": \"p\", \"name\": \"P\"}],\n" \
  " \"sessions\": [\n"

/* The DTSTAMP every test passes: 2027-04-01 08:30:00 UTC. */
#define STAMP_TEXT "20270401T083000Z"

/* Helpers {{{1 */

static GDateTime *
new_stamp (void)
{
  return g_date_time_new_utc (2027, 4, 1, 8, 30, 0);
}

static VpSnapshot *
read_main (void)
{
  return vp_test_read_document (main_document);
}

/* A small programme whose sessions are @sessions, JSON objects separated by
 * commas. */
static VpSnapshot *
read_small (const char *sessions)
{
  g_autofree char *json = g_strconcat (SMALL_DOCUMENT_HEAD, sessions, "]}", NULL);

  return vp_test_read_document (json);
}

/* The calendar of participant @participant_ref of @snapshot, else of host
 * @host_ref, else the programme's, stamped @stamp (NULL: STAMP_TEXT). */
static GBytes *
write_calendar (VpSnapshot *snapshot,
                const char *participant_ref,
                const char *host_ref,
                GDateTime  *stamp)
{
  g_autoptr(GDateTime) default_stamp = new_stamp ();
  GBytes *bytes;

  if (stamp == NULL)
    stamp = default_stamp;
  if (participant_ref != NULL)
    {
      VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, participant_ref);

      g_assert_nonnull (participant);
      bytes = vp_calendar_write_participant (snapshot, participant, stamp);
    }
  else if (host_ref != NULL)
    {
      VpHost *host = vp_snapshot_lookup_host (snapshot, host_ref);

      g_assert_nonnull (host);
      bytes = vp_calendar_write_host (snapshot, host, stamp);
    }
  else
    bytes = vp_calendar_write_programme (snapshot, stamp);
  g_assert_nonnull (bytes);
  return bytes;
}

/* The programme calendar of @snapshot, stamped STAMP_TEXT. */
static GBytes *
write_programme (VpSnapshot *snapshot)
{
  return write_calendar (snapshot, NULL, NULL, NULL);
}

static GBytes *
write_participant (VpSnapshot *snapshot,
                   const char *ref)
{
  return write_calendar (snapshot, ref, NULL, NULL);
}

static GBytes *
write_host (VpSnapshot *snapshot,
            const char *ref)
{
  return write_calendar (snapshot, NULL, ref, NULL);
}

/* Every calendar of @snapshot: the programme's, each participant's, each
 * host's. */
static GPtrArray *
write_all (VpSnapshot *snapshot)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);

  g_ptr_array_add (all, write_programme (snapshot));
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      g_ptr_array_add (all, write_participant (snapshot, vp_participant_get_ref (participant)));
    }
  for (guint i = 0; i < hosts->len; i++)
    g_ptr_array_add (all, write_host (snapshot, vp_host_get_ref (g_ptr_array_index (hosts, i))));

  return all;
}

/* The bytes as a string (a calendar holds no NUL). */
static char *
bytes_to_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_null (memchr (data, '\0', size));
  return g_strndup (data, size);
}

/* RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The content lines, unfolded, without their CRLF. */
static GStrv
unfolded_lines (GBytes *bytes)
{
  g_autofree char *text = bytes_to_text (bytes);
  g_autofree char *unfolded = unfold (text);

  return g_strsplit (unfolded, "\r\n", -1);
}

/* Parses @bytes with libical, which must see one VCALENDAR and no error. */
static icalcomponent *
parse_calendar (GBytes *bytes)
{
  g_autofree char *text = bytes_to_text (bytes);
  icalcomponent *root = icalparser_parse_string (text);

  g_assert_nonnull (root);
  if (root == NULL)
    return icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  return root;
}

static guint
count_components (icalcomponent      *root,
                  icalcomponent_kind  kind)
{
  return (guint)icalcomponent_count_components (root, kind);
}

static icalcomponent *
find_event (icalcomponent *root,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;

  return NULL;
}

/* The first event whose summary starts with @prefix. */
static icalcomponent *
find_event_by_summary (icalcomponent *root,
                       const char    *prefix)
{
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_summary (event) != NULL &&
        g_str_has_prefix (icalcomponent_get_summary (event), prefix))
      return event;

  return NULL;
}

/* The unfolded line starting with @prefix inside the VEVENT whose UID is
 * @uid, or NULL. */
static const char *
find_event_line (GStrv       lines,
                 const char *uid,
                 const char *prefix)
{
  g_autofree char *uid_line = g_strconcat ("UID:", uid, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean ours = FALSE;
      const char *found = NULL;

      if (!g_str_equal (lines[i], "BEGIN:VEVENT"))
        continue;

      for (i++; lines[i] != NULL && !g_str_equal (lines[i], "END:VEVENT"); i++)
        {
          if (g_str_equal (lines[i], uid_line))
            ours = TRUE;
          if (found == NULL && g_str_has_prefix (lines[i], prefix))
            found = lines[i];
        }
      if (ours)
        return found;
      if (lines[i] == NULL)
        break;
    }

  return NULL;
}

static const char *
tzid_of (icalproperty *property)
{
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  return tzid != NULL ? icalparameter_get_tzid (tzid) : NULL;
}

/* The instant of @event's DTSTART or DTEND as libical reads it: UTC times
 * in UTC, others in the VTIMEZONE of the file that their TZID names. */
static gint64
event_instant (icalcomponent      *root,
               icalcomponent      *event,
               icalproperty_kind   kind)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  struct icaltimetype time;
  icaltimezone *zone;
  const char *tzid;

  g_assert_nonnull (property);
  if (property == NULL)
    return G_MININT64;

  time = kind == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart (event)
                                       : icalcomponent_get_dtend (event);
  tzid = tzid_of (property);
  if (tzid != NULL)
    {
      zone = icalcomponent_get_timezone (root, tzid);
      g_assert_nonnull (zone);
    }
  else
    {
      g_assert_true (icaltime_is_utc (time));
      zone = icaltimezone_get_utc_timezone ();
    }
  if (zone == NULL)
    return G_MININT64;

  return (gint64)icaltime_as_timet_with_zone (time, zone);
}

static gint64
utc_instant (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* The UIDs of @root's events that are sessions of @snapshot, sorted. */
static GPtrArray *
session_uids (icalcomponent *root,
              VpSnapshot    *snapshot)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (vp_snapshot_lookup_session_by_uid (snapshot, icalcomponent_get_uid (event)) != NULL)
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));

  return uids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* @uids (unsorted) hold exactly the NULL-terminated @expected. */
static void
assert_same_uids (GPtrArray          *uids,
                  const char * const *expected)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (wanted, (gpointer)expected[i]);
  g_ptr_array_sort (wanted, compare_strings);
  g_ptr_array_sort (uids, compare_strings);

  g_assert_cmpuint (uids->len, ==, wanted->len);
  for (guint i = 0; i < MIN (uids->len, wanted->len); i++)
    g_assert_cmpstr (g_ptr_array_index (uids, i), ==, g_ptr_array_index (wanted, i));
}

/* Structure {{{1 */

static void
test_structure_header (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  guint n = g_strv_length (lines);
  icalproperty *prodid;
  icalproperty *version;

  /* the text ends with CRLF, so the last piece is empty */
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (lines[n - 2], ==, "END:VCALENDAR");
  g_assert_cmpstr (lines[n - 1], ==, "");

  g_assert_true (g_strv_contains ((const char * const *)lines, "VERSION:2.0"));
  g_assert_true (g_strv_contains ((const char * const *)lines, "METHOD:PUBLISH"));
  g_assert_true (g_strv_contains ((const char * const *)lines, "NAME:Photonics in Vilnius"));
  g_assert_true (g_strv_contains ((const char * const *)lines,
                                  "X-WR-CALNAME:Photonics in Vilnius"));

  g_assert_cmpint (icalcomponent_get_method (root), ==, ICAL_METHOD_PUBLISH);
  prodid = icalcomponent_get_first_property (root, ICAL_PRODID_PROPERTY);
  version = icalcomponent_get_first_property (root, ICAL_VERSION_PROPERTY);
  g_assert_nonnull (prodid);
  g_assert_nonnull (version);
  if (prodid == NULL || version == NULL)
    return;
  g_assert_cmpstr (icalproperty_get_prodid (prodid), !=, "");
  g_assert_cmpstr (icalproperty_get_version (version), ==, "2.0");
}

static void
test_structure_events (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_autoptr(GDateTime) stamp = new_stamp ();
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  g_assert_cmpuint (count_components (root, ICAL_VEVENT_COMPONENT), ==, sessions->len);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      icalcomponent *event = find_event (root, vp_session_get_uid (session));
      icalproperty *organizer;
      struct icaltimetype dtstamp;

      g_assert_nonnull (event);
      if (event == NULL)
        continue;

      dtstamp = icalcomponent_get_dtstamp (event);
      g_assert_true (icaltime_is_utc (dtstamp));
      g_assert_cmpint (icaltime_as_timet (dtstamp), ==, g_date_time_to_unix (stamp));

      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_LASTMODIFIED_PROPERTY));
      g_assert_cmpint (icalcomponent_get_sequence (event), ==, vp_session_get_revision (session));

      organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
      g_assert_nonnull (organizer);
      if (organizer != NULL)
        g_assert_cmpstr (icalproperty_get_organizer (organizer), ==, "mailto:aino@example.org");
    }
}

static void
test_structure_sequence (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(icalcomponent) root = NULL;
  g_auto(GStrv) lines = NULL;

  vp_session_set_revision (vp_snapshot_lookup_session_by_uid (snapshot, "session-lab"), 7);
  bytes = write_programme (snapshot);
  root = parse_calendar (bytes);
  lines = unfolded_lines (bytes);

  g_assert_cmpstr (find_event_line (lines, "session-lab", "SEQUENCE"), ==, "SEQUENCE:7");
  g_assert_cmpint (icalcomponent_get_sequence (find_event (root, "session-lab")), ==, 7);
}

static void
test_structure_last_modified (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  /* 2027-03-15 12:00:00 UTC */
  vp_session_set_modified_at (vp_snapshot_lookup_session_by_uid (snapshot, "session-lab"),
                              utc_instant (2027, 3, 15, 12, 0));
  bytes = write_programme (snapshot);
  lines = unfolded_lines (bytes);

  g_assert_cmpstr (find_event_line (lines, "session-lab", "LAST-MODIFIED"), ==,
                   "LAST-MODIFIED:20270315T120000Z");
  g_assert_cmpstr (find_event_line (lines, "session-lab", "DTSTAMP"), ==, "DTSTAMP:" STAMP_TEXT);
}

/* A stamp given in another zone is written as the same instant in UTC. */
static void
test_structure_stamp_utc (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (helsinki);
  if (helsinki == NULL)
    return;
  /* 11:30 EEST is 08:30 UTC */
  stamp = g_date_time_new (helsinki, 2027, 4, 1, 11, 30, 0);
  bytes = vp_calendar_write_programme (snapshot, stamp);
  lines = unfolded_lines (bytes);

  g_assert_cmpstr (find_event_line (lines, "session-welcome", "DTSTAMP"), ==,
                   "DTSTAMP:" STAMP_TEXT);
  g_assert_cmpstr (find_event_line (lines, "session-train", "DTSTAMP"), ==,
                   "DTSTAMP:" STAMP_TEXT);
}

/* Every calendar of the main programme parses without an X-LIC-ERROR. */
static void
test_structure_parses_cleanly (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GPtrArray) all = write_all (snapshot);

  g_assert_cmpuint (all->len, ==, 1 + 3 + 2);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(icalcomponent) root = parse_calendar (g_ptr_array_index (all, i));

      g_assert_cmpuint (count_components (root, ICAL_VEVENT_COMPONENT), >, 0);
    }
}

/* Time zones {{{1 */

/* Each VTIMEZONE's TZID is unique and used by some DTSTART or DTEND, and
 * every TZID used has its VTIMEZONE. */
static void
assert_zones_declared_once (GBytes *bytes)
{
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_autoptr(GHashTable) declared = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer zone;

  for (icalcomponent *vtimezone =
         icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT);
       vtimezone != NULL;
       vtimezone = icalcomponent_get_next_component (root, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      g_assert_nonnull (tzid);
      if (tzid == NULL)
        continue;
      g_assert_false (g_hash_table_contains (declared, icalproperty_get_tzid (tzid)));
      g_hash_table_add (declared, (gpointer)icalproperty_get_tzid (tzid));
    }

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      const icalproperty_kind kinds[] = { ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          icalproperty *property = icalcomponent_get_first_property (event, kinds[k]);

          if (property != NULL && tzid_of (property) != NULL)
            g_hash_table_add (used, (gpointer)tzid_of (property));
        }
    }

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    if (!g_hash_table_contains (declared, zone))
      g_test_message ("TZID %s has no VTIMEZONE", (const char *)zone);
  g_hash_table_iter_init (&iter, declared);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    if (!g_hash_table_contains (used, zone))
      g_test_message ("VTIMEZONE %s is not used", (const char *)zone);

  g_assert_cmpuint (g_hash_table_size (used), ==, g_hash_table_size (declared));
  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    g_assert_true (g_hash_table_contains (declared, zone));
}

static void
test_timezone_one_per_zone (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(VpSnapshot) dst = vp_test_read_document (dst_document);
  g_autoptr(GPtrArray) all = write_all (snapshot);
  g_autoptr(GBytes) dst_bytes = write_programme (dst);

  for (guint i = 0; i < all->len; i++)
    assert_zones_declared_once (g_ptr_array_index (all, i));
  assert_zones_declared_once (dst_bytes);
}

static gboolean
has_vtimezone (icalcomponent *root,
               const char    *zone)
{
  for (icalcomponent *vtimezone =
         icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT);
       vtimezone != NULL;
       vtimezone = icalcomponent_get_next_component (root, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      if (tzid != NULL && g_strcmp0 (icalproperty_get_tzid (tzid), zone) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A programme in Vilnius whose only session is in Helsinki declares
 * Helsinki, not Vilnius. */
static void
test_timezone_unused_zone_absent (void)
{
  g_autoptr(VpSnapshot) snapshot =
    read_small ("{\"id\": \"s\", \"uid\": \"only-helsinki\", \"title\": \"T\",\n"
                " \"timezone\": \"Europe/Helsinki\",\n"
                " \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}");
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_autoptr(VpSnapshot) main_snapshot = read_main ();
  g_autoptr(GBytes) jonas = write_participant (main_snapshot, "jonas");
  g_autoptr(icalcomponent) jonas_root = parse_calendar (jonas);

  g_assert_true (has_vtimezone (root, "Europe/Helsinki"));
  g_assert_false (has_vtimezone (root, "Europe/Vilnius"));
  g_assert_cmpuint (count_components (root, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  /* Jonas attends nothing in Helsinki */
  g_assert_true (has_vtimezone (jonas_root, "Europe/Vilnius"));
  g_assert_true (has_vtimezone (jonas_root, "Europe/Warsaw"));
  g_assert_false (has_vtimezone (jonas_root, "Europe/Helsinki"));
}

/* libical's own zones are named "/freeassociation.sourceforge.net/..."; the
 * files must use the plain IANA names. */
static void
test_timezone_plain_tzid (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GPtrArray) all = write_all (snapshot);

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *text = bytes_to_text (g_ptr_array_index (all, i));
      g_autofree char *unfolded = unfold (text);
      g_autoptr(icalcomponent) root = parse_calendar (g_ptr_array_index (all, i));

      g_assert_null (strstr (unfolded, "freeassociation"));
      g_assert_null (strstr (unfolded, "X-LIC-LOCATION"));

      for (icalcomponent *vtimezone =
         icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT);
           vtimezone != NULL;
           vtimezone = icalcomponent_get_next_component (root, ICAL_VTIMEZONE_COMPONENT))
        {
          icalproperty *tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
          const char *name = tzid != NULL ? icalproperty_get_tzid (tzid) : NULL;

          g_assert_nonnull (name);
          if (name == NULL)
            continue;
          g_assert_true (g_str_has_prefix (name, "Europe/"));
          g_assert_null (strchr (name, ' '));
        }
    }
}

/* Applies @check to every unfolded DTSTART and DTEND line of every calendar
 * of the main and the DST programme. */
static void
foreach_time_line (void (*check) (const char *line))
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(VpSnapshot) dst = vp_test_read_document (dst_document);
  g_autoptr(GPtrArray) all = write_all (snapshot);
  guint n_checked = 0;

  g_ptr_array_add (all, write_programme (dst));

  for (guint i = 0; i < all->len; i++)
    {
      g_auto(GStrv) lines = unfolded_lines (g_ptr_array_index (all, i));
      gboolean in_event = FALSE;

      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (g_str_equal (lines[j], "BEGIN:VEVENT"))
            in_event = TRUE;
          else if (g_str_equal (lines[j], "END:VEVENT"))
            in_event = FALSE;
          else if (in_event && (g_str_has_prefix (lines[j], "DTSTART") ||
                                g_str_has_prefix (lines[j], "DTEND")))
            {
              check (lines[j]);
              n_checked++;
            }
        }
    }

  g_assert_cmpuint (n_checked, >, 50);
}

/* "DTSTART;TZID=Europe/Vilnius:20270412T090000Z" names no instant. */
static void
check_no_tzid_with_utc (const char *line)
{
  if (strstr (line, "TZID=") != NULL && g_str_has_suffix (line, "Z"))
    g_test_message ("UTC time with a TZID: %s", line);
  g_assert_false (strstr (line, "TZID=") != NULL && g_str_has_suffix (line, "Z"));
}

static void
test_timezone_no_tzid_with_utc (void)
{
  foreach_time_line (check_no_tzid_with_utc);
}

/* Floating times are read in the reader's zone: none may be written. */
static void
check_not_floating (const char *line)
{
  gboolean zoned = strstr (line, ";TZID=") != NULL;
  gboolean utc = g_str_has_suffix (line, "Z");
  gboolean date = strstr (line, ";VALUE=DATE:") != NULL;

  if (!(zoned || utc || date))
    g_test_message ("floating: %s", line);
  g_assert_true (zoned || utc || date);
}

static void
test_timezone_no_floating (void)
{
  foreach_time_line (check_not_floating);
}

/* A session in Helsinki in a programme in Vilnius keeps its own zone. */
static void
test_timezone_other_zone_session (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  icalcomponent *event = find_event (root, "session-call");

  g_assert_cmpstr (find_event_line (lines, "session-call", "DTSTART"), ==,
                   "DTSTART;TZID=Europe/Helsinki:20270413T100000");
  g_assert_cmpstr (find_event_line (lines, "session-call", "DTEND"), ==,
                   "DTEND;TZID=Europe/Helsinki:20270413T110000");
  g_assert_true (has_vtimezone (root, "Europe/Helsinki"));
  g_assert_true (has_vtimezone (root, "Europe/Vilnius"));

  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (tzid_of (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)), ==,
                   "Europe/Helsinki");
}

/* A session starting in Vilnius and ending in Warsaw names both zones. */
static void
test_timezone_end_zone (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  VpSession *train = vp_snapshot_lookup_session_by_uid (snapshot, "session-train");
  icalcomponent *event = find_event (root, "session-train");

  g_assert_cmpstr (find_event_line (lines, "session-train", "DTSTART"), ==,
                   "DTSTART;TZID=Europe/Vilnius:20270414T220000");
  g_assert_cmpstr (find_event_line (lines, "session-train", "DTEND"), ==,
                   "DTEND;TZID=Europe/Warsaw:20270415T060000");
  g_assert_true (has_vtimezone (root, "Europe/Vilnius"));
  g_assert_true (has_vtimezone (root, "Europe/Warsaw"));

  g_assert_nonnull (event);
  if (event == NULL)
    return;
  /* 22:00 EEST and 06:00 CEST */
  g_assert_cmpint (event_instant (root, event, ICAL_DTSTART_PROPERTY), ==,
                   utc_instant (2027, 4, 14, 19, 0));
  g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==,
                   utc_instant (2027, 4, 15, 4, 0));
  g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==,
                   vp_session_get_end_utc (train));
}

/* The instants libical computes from the file are the snapshot's. */
static void
assert_instants_match (VpSnapshot *snapshot)
{
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      icalcomponent *event = find_event (root, vp_session_get_uid (session));

      g_assert_nonnull (event);
      if (event == NULL)
        continue;

      g_test_message ("%s: %s to %s", vp_session_get_uid (session),
                      vp_session_get_start (session), vp_session_get_end (session));
      g_assert_cmpint (event_instant (root, event, ICAL_DTSTART_PROPERTY), ==,
                       vp_session_get_start_utc (session));
      g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==,
                       vp_session_get_end_utc (session));
    }
}

static void
test_timezone_instants (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();

  assert_instants_match (snapshot);
}

/* The DST document, keeping only the sessions whose uid has @prefix. */
static VpSnapshot *
read_dst_sessions (const char *prefix)
{
  g_autoptr(VpSnapshot) all = vp_test_read_document (dst_document);
  VpSnapshot *some = vp_snapshot_new (vp_snapshot_get_programme (all));
  GPtrArray *sessions = vp_snapshot_get_sessions (all);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (g_str_has_prefix (vp_session_get_uid (session), prefix) ||
          strstr (vp_session_get_uid (session), prefix) != NULL)
        g_assert_true (vp_snapshot_add_session (some, session));
    }
  g_assert_cmpuint (vp_snapshot_get_sessions (some)->len, >=, 3);

  return some;
}

static void
test_timezone_dst_spring (void)
{
  g_autoptr(VpSnapshot) snapshot = read_dst_sessions ("-spring-");

  assert_instants_match (snapshot);
}

static void
test_timezone_dst_autumn (void)
{
  g_autoptr(VpSnapshot) snapshot = read_dst_sessions ("-autumn-");

  assert_instants_match (snapshot);
}

/* A time in the repeated hour is written in UTC and means its first
 * occurrence (RFC 5545 3.3.5), whatever a reader does with a local time. */
static void
test_timezone_dst_repeated_hour (void)
{
  const struct
  {
    const char *uid;
    const char *line;
    gint64      instant;
  } cases[] = {
    /* Helsinki: 03:00 to 03:59 happen first in EEST (UTC+3) */
    { "hel-autumn-into", "DTEND:20271031T003000Z", utc_instant (2027, 10, 31, 0, 30) },
    { "hel-autumn-repeated", "DTSTART:20271031T000000Z", utc_instant (2027, 10, 31, 0, 0) },
    { "hel-autumn-repeated", "DTEND:20271031T004500Z", utc_instant (2027, 10, 31, 0, 45) },
    { "hel-autumn-out", "DTSTART:20271031T001500Z", utc_instant (2027, 10, 31, 0, 15) },
    /* Paris: 02:00 to 02:59 happen first in CEST (UTC+2) */
    { "par-autumn-into", "DTEND:20271031T003000Z", utc_instant (2027, 10, 31, 0, 30) },
    { "par-autumn-repeated", "DTSTART:20271031T000000Z", utc_instant (2027, 10, 31, 0, 0) },
    { "par-autumn-repeated", "DTEND:20271031T004500Z", utc_instant (2027, 10, 31, 0, 45) },
    { "par-autumn-out", "DTSTART:20271031T001500Z", utc_instant (2027, 10, 31, 0, 15) },
  };
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (dst_document);
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean start = g_str_has_prefix (cases[i].line, "DTSTART");
      icalcomponent *event = find_event (root, cases[i].uid);
      VpSession *session = vp_snapshot_lookup_session_by_uid (snapshot, cases[i].uid);
      icalproperty_kind kind;
      gint64 instant;

      g_test_message ("%s %s", cases[i].uid, cases[i].line);
      g_assert_cmpstr (find_event_line (lines, cases[i].uid, start ? "DTSTART" : "DTEND"), ==,
                       cases[i].line);

      g_assert_nonnull (event);
      g_assert_nonnull (session);
      if (event == NULL || session == NULL)
        continue;
      kind = start ? ICAL_DTSTART_PROPERTY : ICAL_DTEND_PROPERTY;
      instant = start ? vp_session_get_start_utc (session) : vp_session_get_end_utc (session);
      g_assert_cmpint (event_instant (root, event, kind), ==, cases[i].instant);
      g_assert_cmpint (instant, ==, cases[i].instant);
    }
}

/* Times next to the change that occur once keep their zone. */
static void
test_timezone_dst_unique_keep_zone (void)
{
  const struct
  {
    const char *uid;
    const char *line;
  } cases[] = {
    { "hel-spring-before", "DTEND;TZID=Europe/Helsinki:20270328T025900" },
    { "hel-spring-after", "DTSTART;TZID=Europe/Helsinki:20270328T040000" },
    { "par-spring-across", "DTEND;TZID=Europe/Paris:20270328T033000" },
    { "hel-autumn-before", "DTEND;TZID=Europe/Helsinki:20271031T025900" },
    { "hel-autumn-out", "DTEND;TZID=Europe/Helsinki:20271031T040000" },
    { "par-autumn-before", "DTEND;TZID=Europe/Paris:20271031T015900" },
    { "par-autumn-after", "DTSTART;TZID=Europe/Paris:20271031T030000" },
  };
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (dst_document);
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_auto(GStrv) lines = unfolded_lines (bytes);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean start = g_str_has_prefix (cases[i].line, "DTSTART");

      g_assert_cmpstr (find_event_line (lines, cases[i].uid, start ? "DTSTART" : "DTEND"), ==,
                       cases[i].line);
    }
}

/* Lines and folding {{{1 */

/* CRLF only, no byte order mark, nothing after the last CRLF. */
static void
assert_crlf (GBytes *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 3);
  g_assert_false (data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF);
  g_assert_cmpint (data[size - 2], ==, '\r');
  g_assert_cmpint (data[size - 1], ==, '\n');

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\n')
        g_assert_true (i > 0 && data[i - 1] == '\r');
      if (data[i] == '\r')
        g_assert_true (i + 1 < size && data[i + 1] == '\n');
    }
}

/* At most 75 octets a line, each line whole UTF-8, no "\r\r\n". */
static void
assert_folded (GBytes *bytes)
{
  g_autofree char *text = bytes_to_text (bytes);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_null (strstr (text, "\r\r\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strlen (lines[i]) > 75)
        g_test_message ("%zu octets: %s", strlen (lines[i]), lines[i]);
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      if (!g_utf8_validate (lines[i], -1, NULL))
        g_test_message ("line %u split a character: %s", i, lines[i]);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_null (strchr (lines[i], '\n'));
    }
}

static void
test_lines_crlf (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(VpSnapshot) dst = vp_test_read_document (dst_document);
  g_autoptr(GPtrArray) all = write_all (snapshot);

  g_ptr_array_add (all, write_programme (dst));
  for (guint i = 0; i < all->len; i++)
    assert_crlf (g_ptr_array_index (all, i));
}

static void
test_lines_length (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(VpSnapshot) dst = vp_test_read_document (dst_document);
  g_autoptr(GPtrArray) all = write_all (snapshot);

  g_ptr_array_add (all, write_programme (dst));
  for (guint i = 0; i < all->len; i++)
    assert_folded (g_ptr_array_index (all, i));
}

#define BALTIC "ąčęėįšųūž ÄÖÅ äöå "
#define EMOJI  "🇱🇹🇫🇮 👩‍🔬🧪🔬 "

/* Sessions whose title, description and location are @text repeated, each
 * shifted by 0 to 4 ASCII characters so that the folds fall on every byte
 * of a multibyte character. */
static VpSnapshot *
read_repeated_text (const char *text,
                    guint       repeat)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) sessions = g_string_new (NULL);

  for (guint i = 0; i < repeat; i++)
    g_string_append (long_text, text);
  /* libical drops trailing white space when it reads a value */
  while (long_text->len > 0 && long_text->str[long_text->len - 1] == ' ')
    g_string_truncate (long_text, long_text->len - 1);

  for (guint shift = 0; shift < 5; shift++)
    {
      g_autofree char *pad = g_strnfill (shift, 'x');

      if (shift > 0)
        g_string_append (sessions, ",\n");
      g_string_append_printf (sessions,
                              "{\"id\": \"s%u\", \"uid\": \"fold-%u\", \"title\": \"%s%s\",\n"
                              " \"description\": \"%s%s\", \"location\": \"%s%s\",\n"
                              " \"start\": \"2027-04-13T1%u:00\", \"end\": \"2027-04-13T1%u:30\"}",
                              shift, shift, pad, long_text->str, pad, long_text->str,
                              pad, long_text->str, shift, shift);
    }

  return read_small (sessions->str);
}

/* Folding at 75 octets never splits a character, and libical reads back
 * every title whole. */
static void
assert_fold_keeps_text (const char *text,
                        guint       repeat)
{
  g_autoptr(VpSnapshot) snapshot = read_repeated_text (text, repeat);
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  assert_crlf (bytes);
  assert_folded (bytes);

  g_assert_cmpuint (sessions->len, ==, 5);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      icalcomponent *event = find_event (root, vp_session_get_uid (session));

      g_assert_nonnull (event);
      if (event == NULL)
        continue;
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, vp_session_get_title (session));
      g_assert_cmpstr (icalcomponent_get_location (event), ==, vp_session_get_location (session));
    }
}

static void
test_fold_multibyte (void)
{
  assert_fold_keeps_text (BALTIC, 12);
}

static void
test_fold_emoji (void)
{
  assert_fold_keeps_text (EMOJI, 15);
}

/* libical's own folder turns a last unbreakable run of exactly 73 octets
 * into "\r\r\n \n"; ours must not. */
static void
test_fold_73_octets (void)
{
  /* 73 characters each */
  const char uid[] = "uid-73-0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRST";
  const char url[] = "https://example.org/programme/2027/vilnius/photonics?session=lab-tour-b12";
  g_autofree char *json = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(icalcomponent) root = NULL;
  g_autofree char *text = NULL;
  icalcomponent *event;

  g_assert_cmpuint (strlen (uid), ==, 73);
  g_assert_cmpuint (strlen (url), ==, 73);

  json = g_strdup_printf ("{\"id\": \"s\", \"uid\": \"%s\", \"title\": \"%s\",\n"
                          " \"description\": \"See %s\", \"location\": \"%s\",\n"
                          " \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}",
                          uid, url, url, url);
  snapshot = read_small (json);
  bytes = write_programme (snapshot);
  text = bytes_to_text (bytes);

  g_assert_null (strstr (text, "\r\r\n"));
  g_assert_null (strstr (text, "\n\n"));
  g_assert_null (strstr (text, "\r\n \n"));
  assert_crlf (bytes);
  assert_folded (bytes);

  root = parse_calendar (bytes);
  event = find_event (root, uid);
  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, url);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, url);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), url));
}

/* Removing the folds gives back the lines exactly as built. */
static void
test_fold_unfold_round_trip (void)
{
  g_autoptr(VpSnapshot) snapshot = read_repeated_text (BALTIC EMOJI, 8);
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      const char *id = vp_session_get_uid (session);
      g_autofree char *summary = g_strconcat ("SUMMARY:", vp_session_get_title (session), NULL);
      g_autofree char *location =
        g_strconcat ("LOCATION:", vp_session_get_location (session), NULL);
      g_autofree char *uid = g_strconcat ("UID:", id, NULL);

      g_assert_cmpstr (find_event_line (lines, id, "UID:"), ==, uid);
      g_assert_cmpstr (find_event_line (lines, id, "SUMMARY"), ==, summary);
      g_assert_cmpstr (find_event_line (lines, id, "LOCATION"), ==, location);
    }
}

/* Escaping {{{1 */

static void
test_escape_special_characters (void)
{
  const char title[] = "Coffee, cake; and a \\ backslash\nsecond line";
  const char description[] = "Line 1\nLine 2, with comma; semicolon \\ backslash\\n not a newline";
  const char location[] = "Room 1; Building B, \\ floor 2";
  g_autoptr(VpSnapshot) snapshot =
    read_small ("{\"id\": \"s\", \"uid\": \"escape\",\n"
                " \"title\": \"Coffee, cake; and a \\\\ backslash\\nsecond line\",\n"
                " \"description\":\n"
                "   \"Line 1\\nLine 2, with comma; semicolon \\\\ backslash\\\\n not a newline\",\n"
                " \"location\": \"Room 1; Building B, \\\\ floor 2\",\n"
                " \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}");
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_autofree char *description_start = g_strconcat (description, "\n\n", NULL);
  icalcomponent *event = find_event (root, "escape");
  VpSession *session = vp_snapshot_lookup_session_by_uid (snapshot, "escape");

  g_assert_cmpstr (vp_session_get_title (session), ==, title);
  g_assert_cmpuint (count_components (root, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, title);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, location);
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event), description_start));
}

/* U+0001 to U+001F other than tab and newline reach no calendar. */
static void
test_escape_control_characters (void)
{
  g_autoptr(VpSnapshot) snapshot =
    read_small ("{\"id\": \"s\", \"uid\": \"controls\",\n"
                " \"title\": \"A\\u0001B\\u0007C\\u000bD\\u000cE\\u001bF\\u001fG\\u0008H\",\n"
                " \"description\": \"x\\u0002y\\u001dz\",\n"
                " \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(icalcomponent) root = NULL;
  gsize size;
  const guchar *data;
  icalcomponent *event;

  bytes = write_programme (snapshot);
  data = g_bytes_get_data (bytes, &size);
  for (gsize i = 0; i < size; i++)
    if (data[i] < 0x20)
      g_assert_true (data[i] == '\r' || data[i] == '\n');

  root = parse_calendar (bytes);
  event = find_event (root, "controls");
  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "ABCDEFGH");
}

/* The organizer's address and name are not TEXT values, yet must carry no
 * control character either.  The programme format refuses such an address
 * now (the rules of values), but the writer keeps its guard for any
 * programme given to it. */
static void
test_escape_organizer_control_characters (void)
{
  static const char document[] =
    "{\"format\": \"visit-planner-programme\", \"version\": 1,\n"
    " \"programme\": {\"uid\": \"prog-organizer\", \"title\": \"T\",\n"
    "   \"host_country\": \"LT\",\n"
    "   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-12\",\n"
    "   \"end_date\": \"2027-04-16\",\n"
    "   \"coordinator\": {\"name\": \"Ai\\u0001no\\u001b\"}},\n"
    " \"sessions\": [{\"id\": \"s\", \"uid\": \"organizer\", \"title\": \"T\",\n"
    "   \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}]}";
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (document);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;
  const guchar *data;
  const char *organizer;
  g_autofree char *shown = NULL;

  vp_programme_set_coordinator_email (vp_snapshot_get_programme (snapshot),
                                      "ai\ano@exam\vple.org\037");
  bytes = write_programme (snapshot);
  lines = unfolded_lines (bytes);
  data = g_bytes_get_data (bytes, &size);
  organizer = find_event_line (lines, "organizer", "ORGANIZER");
  shown = g_strescape (organizer != NULL ? organizer : "(no ORGANIZER)", NULL);

  g_test_message ("%s", shown);
  for (gsize i = 0; i < size; i++)
    if (data[i] < 0x20 || data[i] == 0x7F)
      g_assert_true (data[i] == '\r' || data[i] == '\n');
}

/* Only an address the rules of values take is the organizer's mailto:;
 * before, any text with an “@” and no space or quote was (two “@”, a
 * domain without a dot).  Otherwise the programme is the organizer. */
static void
test_organizer_email_rule (void)
{
  static const char document[] =
    "{\"format\": \"visit-planner-programme\", \"version\": 1,\n"
    " \"programme\": {\"uid\": \"prog-organizer\", \"title\": \"T\",\n"
    "   \"host_country\": \"LT\",\n"
    "   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-12\",\n"
    "   \"end_date\": \"2027-04-16\"},\n"
    " \"sessions\": [{\"id\": \"s\", \"uid\": \"organizer\", \"title\": \"T\",\n"
    "   \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}]}";
  static const struct
  {
    const char *email;
    gboolean    mailto;
  } cases[] = {
    { "aino@example.org", TRUE },
    { "jürgen@müller.de", TRUE },
    { "aino@@example.org", FALSE },
    { "aino@example", FALSE },
    { "aino@example.org.", FALSE },
    { "aino,jukka@example.org", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VpSnapshot) snapshot = vp_test_read_document (document);
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) lines = NULL;
      const char *organizer;

      vp_programme_set_coordinator_email (vp_snapshot_get_programme (snapshot), cases[i].email);
      bytes = write_programme (snapshot);
      lines = unfolded_lines (bytes);
      organizer = find_event_line (lines, "organizer", "ORGANIZER");
      g_test_message ("%s → %s", cases[i].email, organizer);
      g_assert_nonnull (organizer);
      if (organizer == NULL)
        continue;
      g_assert_cmpint (strstr (organizer, ":mailto:") != NULL, ==, cases[i].mailto);
      g_assert_cmpint (strstr (organizer, ":urn:uuid:") != NULL, ==, !cases[i].mailto);
    }
}

/* Line breaks in a title are escaped: no text can end the event. */
static void
test_escape_injected_event (void)
{
  g_autoptr(VpSnapshot) snapshot =
    read_small ("{\"id\": \"s\", \"uid\": \"injection\",\n"
                " \"title\": \"X\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\",\n"
                " \"description\": \"Y\\rEND:VCALENDAR\\nBEGIN:VCALENDAR\",\n"
                " \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"}");
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  guint n_begin = 0;
  icalcomponent *event;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], "BEGIN:VEVENT") || g_str_equal (lines[i], "BEGIN:VCALENDAR"))
      n_begin++;
  g_assert_cmpuint (n_begin, ==, 2);

  g_assert_cmpuint (count_components (root, ICAL_VEVENT_COMPONENT), ==, 1);
  event = find_event (root, "injection");
  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "X\nEND:VEVENT\nBEGIN:VEVENT");
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event),
                                   "Y\nEND:VCALENDAR\nBEGIN:VCALENDAR\n\n"));
}

/* Status {{{1 */

static void
test_status_cancelled (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *event = find_event (root, "session-dinner");
  icalcomponent *other = find_event (root, "session-welcome");

  g_assert_nonnull (event);
  g_assert_nonnull (other);
  if (event == NULL || other == NULL)
    return;
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Cancelled: Dinner");
  g_assert_cmpint (icalcomponent_get_status (other), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpstr (icalcomponent_get_summary (other), ==, "Welcome");
}

static void
test_status_tentative (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *event = find_event (root, "session-lab");

  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_TENTATIVE);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Laser lab tour");
}

/* Location {{{1 */

static void
test_location_session (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *event = find_event (root, "session-lab");

  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Building B, room 101");
}

static void
test_location_host (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *welcome = find_event (root, "session-welcome");
  icalcomponent *call = find_event (root, "session-call");
  icalcomponent *dinner = find_event (root, "session-dinner");

  g_assert_nonnull (welcome);
  g_assert_nonnull (call);
  g_assert_nonnull (dinner);
  if (welcome == NULL || call == NULL || dinner == NULL)
    return;
  g_assert_cmpstr (icalcomponent_get_location (welcome), ==,
                   "Femtolux Lasers, Mokslininkų g. 6, Vilnius");
  /* a host with no address */
  g_assert_cmpstr (icalcomponent_get_location (call), ==, "Vilnius University");
  /* no host, no location */
  g_assert_null (icalcomponent_get_first_property (dinner, ICAL_LOCATION_PROPERTY));
}

static void
test_location_geo (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  icalcomponent *lab = find_event (root, "session-lab");
  icalcomponent *call = find_event (root, "session-call");
  icalproperty *geo;
  struct icalgeotype position;

  g_assert_nonnull (lab);
  g_assert_nonnull (call);
  if (lab == NULL || call == NULL)
    return;

  /* latitude first, then longitude, separated by a semicolon */
  g_assert_cmpstr (find_event_line (lines, "session-lab", "GEO"), ==, "GEO:54.732100;25.265200");
  geo = icalcomponent_get_first_property (lab, ICAL_GEO_PROPERTY);
  g_assert_nonnull (geo);
  if (geo == NULL)
    return;
  position = icalproperty_get_geo (geo);
  g_assert_cmpfloat_with_epsilon (position.lat, 54.7321, 1e-6);
  g_assert_cmpfloat_with_epsilon (position.lon, 25.2652, 1e-6);

  /* a host with no position */
  g_assert_null (icalcomponent_get_first_property (call, ICAL_GEO_PROPERTY));
}

/* Privacy {{{1 */

static void
test_privacy_personal_data (void)
{
  const char *secrets[] = {
    "PHONE-SECRET-123", "DIET-SECRET", "ACCESS-SECRET", "EMERGENCY-SECRET", "NOTES-SECRET",
    "PHONE-SECRET-456", "EMAIL-SECRET",
  };
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GPtrArray) all = write_all (snapshot);

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *text = bytes_to_text (g_ptr_array_index (all, i));
      /* a secret split by a fold would escape a search of the raw bytes */
      g_autofree char *unfolded = unfold (text);

      for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
        {
          g_assert_null (strstr (text, secrets[j]));
          g_assert_null (strstr (unfolded, secrets[j]));
        }
    }
}

static void
test_privacy_attendee_names (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_programme (snapshot);
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *lab = find_event (root, "session-lab");
  const char *description;

  g_assert_nonnull (lab);
  if (lab == NULL)
    return;
  description = icalcomponent_get_description (lab);
  g_assert_nonnull (strstr (description, "Aino Mäkelä"));
  g_assert_nonnull (strstr (description, "Jonas Jonaitis"));
  g_assert_null (strstr (description, "Mari Virtanen"));
}

/* Participant and host calendars {{{1 */

static void
test_participant_sessions (void)
{
  const char *aino[] = { "session-welcome", "session-lab", "session-dinner", NULL };
  const char *jonas[] = {
    "session-welcome", "session-lab", "session-dinner", "session-train", NULL
  };
  const char *mari[] = { "session-welcome", "session-call", "session-dinner", NULL };
  const struct
  {
    const char  *ref;
    const char **uids;
    guint        n_events;
  } cases[] = {
    { "aino", aino, 3 + 2 + 1 }, /* two flights, one hotel */
    { "jonas", jonas, 4 },
    { "mari", mari, 3 },
  };
  g_autoptr(VpSnapshot) snapshot = read_main ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = write_participant (snapshot, cases[i].ref);
      g_autoptr(icalcomponent) root = parse_calendar (bytes);
      g_autoptr(GPtrArray) uids = session_uids (root, snapshot);

      g_test_message ("participant %s", cases[i].ref);
      assert_same_uids (uids, cases[i].uids);
      g_assert_cmpuint (count_components (root, ICAL_VEVENT_COMPONENT), ==, cases[i].n_events);
    }
}

/* A flight leaves in Paris time and lands in Helsinki time. */
static void
test_participant_travel (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_participant (snapshot, "aino");
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  VpParticipant *aino = vp_snapshot_lookup_participant (snapshot, "aino");
  VpTravelLeg *leg = g_ptr_array_index (vp_participant_get_travel (aino), 0);
  icalcomponent *event = find_event_by_summary (root, "Flight AF1070");
  icalproperty *dtstart;
  icalproperty *dtend;
  g_auto(GStrv) lines = unfolded_lines (bytes);

  g_assert_nonnull (event);
  if (event == NULL)
    return;

  dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  g_assert_cmpstr (tzid_of (dtstart), ==, "Europe/Paris");
  g_assert_cmpstr (tzid_of (dtend), ==, "Europe/Helsinki");
  g_assert_cmpstr (find_event_line (lines, icalcomponent_get_uid (event), "DTSTART"), ==,
                   "DTSTART;TZID=Europe/Paris:20270411T180000");
  g_assert_cmpstr (find_event_line (lines, icalcomponent_get_uid (event), "DTEND"), ==,
                   "DTEND;TZID=Europe/Helsinki:20270411T221500");
  g_assert_true (has_vtimezone (root, "Europe/Paris"));
  g_assert_true (has_vtimezone (root, "Europe/Helsinki"));

  /* 18:00 CEST, 22:15 EEST */
  g_assert_cmpint (event_instant (root, event, ICAL_DTSTART_PROPERTY), ==,
                   utc_instant (2027, 4, 11, 16, 0));
  g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==,
                   utc_instant (2027, 4, 11, 19, 15));
  g_assert_cmpint (event_instant (root, event, ICAL_DTSTART_PROPERTY), ==, leg->depart_utc);
  g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==, leg->arrive_utc);
}

/* A leg with no arrival zone lands in the programme's zone. */
static void
test_participant_travel_default_zone (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_participant (snapshot, "aino");
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  icalcomponent *event = find_event_by_summary (root, "Flight AY1071");

  g_assert_nonnull (event);
  if (event == NULL)
    return;
  g_assert_cmpstr (tzid_of (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY)), ==,
                   "Europe/Helsinki");
  g_assert_cmpstr (tzid_of (icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)), ==,
                   "Europe/Vilnius");
  g_assert_cmpint (event_instant (root, event, ICAL_DTEND_PROPERTY), ==,
                   utc_instant (2027, 4, 12, 5, 40));
}

/* A stay is all-day from check-in to check-out included: DTEND, exclusive,
 * is the day after check-out. */
static void
test_participant_stay (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_participant (snapshot, "aino");
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_auto(GStrv) lines = unfolded_lines (bytes);
  icalcomponent *event = find_event_by_summary (root, "Hotel: Hotel Neris");
  struct icaltimetype start;
  struct icaltimetype end;

  g_assert_nonnull (event);
  if (event == NULL)
    return;

  g_assert_cmpstr (find_event_line (lines, icalcomponent_get_uid (event), "DTSTART"), ==,
                   "DTSTART;VALUE=DATE:20270412");
  g_assert_cmpstr (find_event_line (lines, icalcomponent_get_uid (event), "DTEND"), ==,
                   "DTEND;VALUE=DATE:20270417");

  start = icalcomponent_get_dtstart (event);
  end = icalcomponent_get_dtend (event);
  g_assert_true (start.is_date);
  g_assert_true (end.is_date);
  g_assert_cmpint (start.year, ==, 2027);
  g_assert_cmpint (start.month, ==, 4);
  g_assert_cmpint (start.day, ==, 12);
  g_assert_cmpint (end.month, ==, 4);
  g_assert_cmpint (end.day, ==, 17);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Konstitucijos pr. 1");
}

/* ical-notes.md: every VEVENT has UID, DTSTAMP, DTSTART, DTEND, SEQUENCE and
 * LAST-MODIFIED, travel legs and stays included. */
static void
test_participant_complete_events (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_participant (snapshot, "aino");
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  const icalproperty_kind required[] = {
    ICAL_UID_PROPERTY, ICAL_DTSTAMP_PROPERTY, ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY,
    ICAL_SEQUENCE_PROPERTY, ICAL_LASTMODIFIED_PROPERTY, ICAL_ORGANIZER_PROPERTY,
  };

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      {
        if (icalcomponent_get_first_property (event, required[i]) == NULL)
          g_test_message ("%s has no %s", icalcomponent_get_summary (event),
                          icalproperty_kind_to_string (required[i]));
        g_assert_nonnull (icalcomponent_get_first_property (event, required[i]));
      }
}

static void
test_host_sessions (void)
{
  const char *femtolux[] = { "session-welcome", "session-lab", NULL };
  const char *uni[] = { "session-call", NULL };
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) femtolux_bytes = write_host (snapshot, "femtolux");
  g_autoptr(GBytes) uni_bytes = write_host (snapshot, "uni");
  g_autoptr(icalcomponent) femtolux_root = parse_calendar (femtolux_bytes);
  g_autoptr(icalcomponent) uni_root = parse_calendar (uni_bytes);
  g_autoptr(GPtrArray) femtolux_uids = session_uids (femtolux_root, snapshot);
  g_autoptr(GPtrArray) uni_uids = session_uids (uni_root, snapshot);

  assert_same_uids (femtolux_uids, femtolux);
  assert_same_uids (uni_uids, uni);
  g_assert_cmpuint (count_components (femtolux_root, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_cmpuint (count_components (uni_root, ICAL_VEVENT_COMPONENT), ==, 1);
}

static void
test_host_group_size (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) bytes = write_host (snapshot, "femtolux");
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  g_autoptr(GBytes) programme = write_programme (snapshot);
  g_autoptr(icalcomponent) programme_root = parse_calendar (programme);
  icalcomponent *welcome = find_event (root, "session-welcome");
  icalcomponent *lab = find_event (root, "session-lab");
  icalcomponent *programme_lab = find_event (programme_root, "session-lab");

  g_assert_nonnull (welcome);
  g_assert_nonnull (lab);
  g_assert_nonnull (programme_lab);
  if (welcome == NULL || lab == NULL || programme_lab == NULL)
    return;
  g_assert_nonnull (strstr (icalcomponent_get_description (welcome), "Group size: 3 people"));
  g_assert_nonnull (strstr (icalcomponent_get_description (lab), "Group size: 2 people"));
  /* only the host's calendar counts heads */
  g_assert_null (strstr (icalcomponent_get_description (programme_lab), "Group size"));
}

/* Re-issue {{{1 */

static void
test_reissue_identical (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GPtrArray) first = write_all (snapshot);
  g_autoptr(GPtrArray) second = write_all (snapshot);

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_bytes_equal (g_ptr_array_index (first, i), g_ptr_array_index (second, i)));
}

/* A changed session keeps its UID and gets a higher SEQUENCE: a client
 * updates it instead of adding a second one. */
static void
test_reissue_sequence (void)
{
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GBytes) before = write_participant (snapshot, "jonas");
  g_autoptr(icalcomponent) before_root = parse_calendar (before);
  VpSession *lab = vp_snapshot_lookup_session_by_uid (snapshot, "session-lab");
  g_autoptr(GBytes) after = NULL;
  g_autoptr(icalcomponent) after_root = NULL;
  icalcomponent *old_event = find_event (before_root, "session-lab");
  icalcomponent *new_event;

  g_assert_nonnull (old_event);
  if (old_event == NULL)
    return;

  vp_session_set_title (lab, "Laser lab tour (moved)");
  vp_session_set_revision (lab, vp_session_get_revision (lab) + 1);
  after = write_participant (snapshot, "jonas");
  after_root = parse_calendar (after);
  new_event = find_event (after_root, "session-lab");

  g_assert_nonnull (new_event);
  if (new_event == NULL)
    return;
  g_assert_cmpuint (count_components (after_root, ICAL_VEVENT_COMPONENT), ==,
                    count_components (before_root, ICAL_VEVENT_COMPONENT));
  g_assert_cmpint (icalcomponent_get_sequence (new_event), ==, vp_session_get_revision (lab));
  g_assert_cmpint (icalcomponent_get_sequence (new_event), >,
                   icalcomponent_get_sequence (old_event));
  g_assert_cmpstr (icalcomponent_get_summary (new_event), ==, "Laser lab tour (moved)");
}

/* The UIDs of the events that are not sessions (travel legs, stays), in
 * file order. */
static GPtrArray *
other_uids (GBytes     *bytes,
            VpSnapshot *snapshot)
{
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (vp_snapshot_lookup_session_by_uid (snapshot, icalcomponent_get_uid (event)) == NULL)
      g_ptr_array_add (uids, g_strdup (icalcomponent_get_uid (event)));

  return uids;
}

/* Legs and stays of a document read but not stored have no uid yet: their
 * events take the UID their place gives (the one Visit Planner 0.1 gave
 * every leg), the same from one export to the next.  Stored ones keep their
 * own: see /calendar/identity/. */
static void
test_reissue_derived_uids (void)
{
  g_autoptr(VpSnapshot) first = read_main ();
  g_autoptr(VpSnapshot) second = read_main ();
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 4, 9, 17, 0, 0);
  g_autoptr(GBytes) first_bytes = write_participant (first, "aino");
  g_autoptr(GBytes) second_bytes =
    vp_calendar_write_participant (second, vp_snapshot_lookup_participant (second, "aino"), later);
  g_autoptr(GPtrArray) first_uids = other_uids (first_bytes, first);
  g_autoptr(GPtrArray) second_uids = other_uids (second_bytes, second);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (first_uids->len, ==, 3);
  g_assert_cmpuint (second_uids->len, ==, first_uids->len);
  for (guint i = 0; i < MIN (first_uids->len, second_uids->len); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (first_uids, i), ==, g_ptr_array_index (second_uids, i));
      g_hash_table_add (distinct, g_ptr_array_index (first_uids, i));
    }
  g_assert_cmpuint (g_hash_table_size (distinct), ==, first_uids->len);
}

/* File names {{{1 */

static GHashTable *
new_taken (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static char *
file_name_for (const char *name,
               const char *ref,
               GHashTable *taken)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();

  vp_participant_set_name (participant, name);
  vp_participant_set_ref (participant, ref);
  return vp_calendar_file_name (participant, taken);
}

/* A name any file system takes: no separators, reserved or control
 * characters, not hidden, whole UTF-8, ending in ".ics". */
static void
assert_safe_file_name (const char *name)
{
  g_assert_nonnull (name);
  if (name == NULL)
    return;
  g_test_message ("file name: %s", name);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, ".ics"));
  g_assert_cmpuint (strlen (name), >, strlen (".ics"));
  g_assert_false (name[0] == '.');
  g_assert_null (strpbrk (name, "/\\:*?\"<>|"));
  for (const char *p = name; *p != '\0'; p++)
    g_assert_cmpint ((guchar)*p, >=, 0x20);
}

/* Whether Windows takes @name for a device: its part before the first dot,
 * without trailing spaces and dots, is CON, PRN, AUX, NUL, or COM or LPT
 * with a digit or a superscript one, two or three, in any case. */
static gboolean
is_windows_device (const char *name)
{
  static const char * const devices[] = { "con", "prn", "aux", "nul", NULL };
  g_autofree char *stem = g_strndup (name, strcspn (name, "."));
  g_autofree char *lower = NULL;
  gsize length = strlen (stem);

  while (length > 0 && (stem[length - 1] == ' ' || stem[length - 1] == '.'))
    stem[--length] = '\0';
  lower = g_ascii_strdown (stem, -1);
  if (g_strv_contains (devices, lower))
    return TRUE;
  if (!g_str_has_prefix (lower, "com") && !g_str_has_prefix (lower, "lpt"))
    return FALSE;
  return (strlen (lower) == 4 && g_ascii_isdigit (lower[3])) ||
         g_str_equal (lower + 3, "¹") || g_str_equal (lower + 3, "²") ||
         g_str_equal (lower + 3, "³");
}

/* A name Windows opens as a file: no device name before the first dot, no
 * dot or space at the end, within its 255-character limit. */
static void
assert_windows_file_name (const char *name)
{
  assert_safe_file_name (name);
  g_assert_false (is_windows_device (name));
  g_assert_false (g_str_has_suffix (name, ".") || g_str_has_suffix (name, " "));
  g_assert_cmpint (g_utf8_strlen (name, -1), <=, 255);
}

static void
test_file_name_plain (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *aino = file_name_for ("Aino Mäkelä", "aino", taken);
  g_autofree char *giedre = file_name_for ("Giedrė Jankauskaitė", "giedre", taken);

  g_assert_cmpstr (aino, ==, "Aino-Mäkelä.ics");
  g_assert_cmpstr (giedre, ==, "Giedrė-Jankauskaitė.ics");
}

static void
test_file_name_forbidden_characters (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *name = file_name_for ("a/b\\c:d*e?f\"g<h>i|j\001k\037l", "p1", taken);

  assert_safe_file_name (name);
  g_assert_cmpstr (name, ==, "a-b-c-d-e-f-g-h-i-j-k-l.ics");
}

/* Windows keeps device names whatever follows the first dot: "CON.txt.ics"
 * is the console, not a file. */
static void
test_file_name_windows_devices (void)
{
  static const struct
  {
    const char *name;
    const char *file;
  } cases[] = {
    { "CON.txt", "CON-calendar.txt.ics" },
    { "PRN.txt", "PRN-calendar.txt.ics" },
    { "lpt1.ics", "lpt1-calendar.ics.ics" },
    { "COM¹", "COM¹-calendar.ics" },
    { "com²", "com²-calendar.ics" },
    { "Lpt³.notes", "Lpt³-calendar.notes.ics" },
    { "COM0", "COM0-calendar.ics" },
    { "lpt9.x.y", "lpt9-calendar.x.y.ics" },
    { "aux", "aux-calendar.ics" },
    { "Nul..txt", "Nul-calendar..txt.ics" },
    { "nul.", "nul-calendar.ics" },
    /* not devices */
    { "COM10", "COM10.ics" },
    { "Conrad.Lab", "Conrad.Lab.ics" },
    { "COMA.txt", "COMA.txt.ics" },
    { "con tact", "con-tact.ics" },
    { "COM⁴", "COM⁴.ics" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) taken = new_taken ();
      g_autofree char *name = file_name_for (cases[i].name, "p1", taken);
      g_autofree char *again = file_name_for (cases[i].name, "p2", taken);

      g_test_message ("name: %s", cases[i].name);
      assert_windows_file_name (name);
      assert_windows_file_name (again);
      g_assert_cmpstr (name, ==, cases[i].file);
      g_assert_cmpstr (name, !=, again);
    }
}

/* Nothing usable in the name: participant-<ref>. */
static void
test_file_name_empty (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *empty = file_name_for ("", "p7", taken);
  g_autofree char *symbols = file_name_for ("/// ... ***", "p8", taken);
  g_autofree char *none = file_name_for (NULL, "p9", taken);

  g_assert_cmpstr (empty, ==, "participant-p7.ics");
  g_assert_cmpstr (symbols, ==, "participant-p8.ics");
  g_assert_cmpstr (none, ==, "participant-p9.ics");
}

/* The fallback uses the participant's ref, which a document may fill with
 * anything but control characters: it needs the same cleaning as a name. */
static void
test_file_name_fallback_sanitised (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *traversal = file_name_for ("???", "../../.ssh/authorized_keys", taken);
  g_autofree char *drive = file_name_for ("", "C:\\temp\\x|y", taken);

  assert_safe_file_name (traversal);
  assert_safe_file_name (drive);
}

static void
test_file_name_collision (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *first = file_name_for ("Aino Mäkelä", "a1", taken);
  g_autofree char *second = file_name_for ("Aino Mäkelä", "a2", taken);
  g_autofree char *third = file_name_for ("Aino  Mäkelä!", "a3", taken);

  g_assert_cmpstr (first, ==, "Aino-Mäkelä.ics");
  g_assert_cmpstr (second, ==, "Aino-Mäkelä-2.ics");
  g_assert_cmpstr (third, ==, "Aino-Mäkelä-3.ics");
}

/* Case-insensitive file systems (macOS, Windows) see one file. */
static void
test_file_name_case_collision (void)
{
  g_autoptr(GHashTable) taken = new_taken ();
  g_autofree char *lower = file_name_for ("anna", "a1", taken);
  g_autofree char *upper = file_name_for ("Anna", "a2", taken);
  g_autofree char *accented = file_name_for ("ÄIJÄ", "a3", taken);
  g_autofree char *accented_lower = file_name_for ("äijä", "a4", taken);

  g_assert_cmpstr (lower, ==, "anna.ics");
  g_assert_cmpstr (upper, ==, "Anna-2.ics");
  g_assert_cmpstr (accented, ==, "ÄIJÄ.ics");
  g_assert_cmpstr (accented_lower, ==, "äijä-2.ics");
}

/* A 500-character name gives a name well under the 255-byte limit of
 * common file systems, cut between characters. */
static void
test_file_name_long (void)
{
  const char *units[] = { "a", "ä", "漢", "Ą b ", "😀ž" };
  g_autoptr(GHashTable) taken = new_taken ();

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) long_name = g_string_new (NULL);
      g_autofree char *name = NULL;
      g_autofree char *again = NULL;

      while (g_utf8_strlen (long_name->str, -1) < 500)
        g_string_append (long_name, units[i]);
      name = file_name_for (long_name->str, "long", taken);
      again = file_name_for (long_name->str, "long2", taken);

      assert_windows_file_name (name);
      assert_windows_file_name (again);
      g_assert_cmpuint (strlen (name), <=, 108);
      g_assert_cmpuint (strlen (again), <=, 110);
      g_assert_cmpstr (name, !=, again);
    }
}

/* One file per participant, in participant order, in a folder made for
 * them, each the participant's calendar. */
static void
test_write_each_participant (void)
{
  const char *names[] = { "Aino-Mäkelä.ics", "Jonas-Jonaitis.ics", "Mari-Virtanen.ics" };
  g_autoptr(GError) error = NULL;
  g_autofree char *top = vp_test_make_folder ();
  g_autofree char *folder = NULL;
  g_autoptr(VpSnapshot) snapshot = read_main ();
  g_autoptr(GDateTime) stamp = new_stamp ();
  g_autoptr(GPtrArray) paths = NULL;
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);

  folder = g_build_filename (top, "calendars", "april", NULL);

  paths = vp_calendar_write_each_participant (snapshot, folder, stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (paths);
  if (paths != NULL)
    {
      g_assert_cmpuint (paths->len, ==, participants->len);
      for (guint i = 0; i < MIN (paths->len, G_N_ELEMENTS (names)); i++)
        {
          const char *path = g_ptr_array_index (paths, i);
          g_autofree char *dir = g_path_get_dirname (path);
          g_autofree char *base = g_path_get_basename (path);
          g_autoptr(GBytes) expected =
            vp_calendar_write_participant (snapshot, g_ptr_array_index (participants, i), stamp);
          g_autoptr(GBytes) actual = NULL;

          g_assert_cmpstr (dir, ==, folder);
          g_assert_cmpstr (base, ==, names[i]);
          actual = vp_test_read_bytes (path);
          g_assert_true (g_bytes_equal (actual, expected));
        }
    }

  vp_test_remove_folder (top);
}

/* Re-issued calendars from the store {{{1 */

/* Issue 17, C1 and C2: Camille flies Paris → Rīga and home from Vilnius;
 * Lauri takes a bus to Rīga, then flight BT303 to Vilnius.  Each has a
 * hotel; both go on the lab tour at Femtolux.  Documents without uids for
 * legs and stays, as people write them. */
#define LEG_AF1098 \
  "{\"kind\": \"flight\", \"reference\": \"AF1098\", \"from\": \"Paris\", \"to\": \"Rīga\"," \
  " \"depart\": \"2027-04-11T09:00\", \"depart_timezone\": \"Europe/Paris\"," \
  " \"arrive\": \"2027-04-11T13:05\", \"arrive_timezone\": \"Europe/Riga\"}"
#define LEG_AF1098_LATER \
  "{\"kind\": \"flight\", \"reference\": \"AF1098\", \"from\": \"Paris\", \"to\": \"Rīga\"," \
  " \"depart\": \"2027-04-11T11:00\", \"depart_timezone\": \"Europe/Paris\"," \
  " \"arrive\": \"2027-04-11T15:05\", \"arrive_timezone\": \"Europe/Riga\"}"
#define LEG_AF1070 \
  "{\"kind\": \"flight\", \"reference\": \"AF1070\", \"from\": \"Paris\", \"to\": \"Rīga\"," \
  " \"depart\": \"2027-04-10T09:00\", \"depart_timezone\": \"Europe/Paris\"," \
  " \"arrive\": \"2027-04-10T13:05\", \"arrive_timezone\": \"Europe/Riga\"}"
#define LEG_AF1069 \
  "{\"kind\": \"flight\", \"reference\": \"AF1069\", \"from\": \"Vilnius\", \"to\": \"Paris\"," \
  " \"depart\": \"2027-04-16T18:00\", \"arrive\": \"2027-04-16T20:10\"," \
  " \"arrive_timezone\": \"Europe/Paris\"}"
#define LEG_BUS \
  "{\"kind\": \"bus\", \"reference\": \"LUX804\", \"from\": \"Tallinn\", \"to\": \"Rīga\"," \
  " \"depart\": \"2027-04-11T07:00\", \"depart_timezone\": \"Europe/Tallinn\"," \
  " \"arrive\": \"2027-04-11T11:30\", \"arrive_timezone\": \"Europe/Riga\"}"
#define LEG_BT303 \
  "{\"kind\": \"flight\", \"reference\": \"BT303\", \"from\": \"Rīga\", \"to\": \"Vilnius\"," \
  " \"depart\": \"2027-04-11T15:00\", \"depart_timezone\": \"Europe/Riga\"," \
  " \"arrive\": \"2027-04-11T16:00\"}"
#define STAY_NERIS \
  "{\"name\": \"Hotel Neris\", \"address\": \"Konstitucijos pr. 1\"," \
  " \"check_in\": \"2027-04-11\", \"check_out\": \"2027-04-16\"}"
#define STAY_NERIS_LONGER \
  "{\"name\": \"Hotel Neris\", \"address\": \"Konstitucijos pr. 1\"," \
  " \"check_in\": \"2027-04-11\", \"check_out\": \"2027-04-17\"}"
#define STAY_RIGA \
  "{\"name\": \"Hotel Rīga\", \"check_in\": \"2027-04-10\", \"check_out\": \"2027-04-11\"}"
#define STAY_ARTIS \
  "{\"name\": \"Hotel Artis\", \"check_in\": \"2027-04-11\", \"check_out\": \"2027-04-16\"}"

#define CAMILLE_TRAVEL LEG_AF1098 ", " LEG_AF1069
#define LAURI_TRAVEL LEG_BUS ", " LEG_BT303
#define BOTH "\"camille\", \"lauri\""

/* The document with these legs, stays and lab tour: Camille's personal
 * data are secrets that no calendar may show; Femtolux's contact, phone and
 * site rules are the organisation's, which visitors need. */
static char *
identity_document (const char *camille_travel,
                   const char *camille_stays,
                   const char *lauri_travel,
                   const char *lab_attendees,
                   const char *lab_host)
{
  return g_strdup_printf (
    "{\"format\": \"visit-planner-programme\", \"version\": 1,\n"
    " \"programme\": {\"uid\": \"prog-identity\", \"title\": \"Identity\", \"host_country\": \"LT\",\n"
    "   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-11\",\n"
    "   \"end_date\": \"2027-04-16\",\n"
    "   \"coordinator\": {\"name\": \"Aino\", \"email\": \"aino@example.org\"}},\n"
    " \"hosts\": [\n"
    "   {\"id\": \"femtolux\", \"name\": \"Femtolux Lasers\", \"contact_name\": \"Giedrė Jankauskaitė\",\n"
    "    \"contact_email\": \"giedre@femtolux.example\", \"phone\": \"+370 5 279 1530\",\n"
    "    \"notes\": \"Bring photo ID\"},\n"
    "   {\"id\": \"uni\", \"name\": \"Vilnius University\"}],\n"
    " \"participants\": [\n"
    "   {\"id\": \"camille\", \"name\": \"Camille Durand\", \"email\": \"EMAIL-SECRET@example.org\",\n"
    "    \"organisation\": \"ORGANISATION-SECRET\", \"phone\": \"PHONE-SECRET\",\n"
    "    \"dietary\": \"DIETARY-SECRET\", \"accessibility\": \"ACCESSIBILITY-SECRET\",\n"
    "    \"emergency_contact\": \"EMERGENCY-SECRET\", \"notes\": \"NOTES-SECRET\",\n"
    "    \"travel\": [%s], \"accommodation\": [%s]},\n"
    "   {\"id\": \"lauri\", \"name\": \"Lauri Tamm\", \"travel\": [%s],\n"
    "    \"accommodation\": [" STAY_ARTIS "]}],\n"
    " \"sessions\": [\n"
    "   {\"id\": \"welcome\", \"uid\": \"session-welcome\", \"title\": \"Welcome\",\n"
    "    \"start\": \"2027-04-12T09:00\", \"end\": \"2027-04-12T10:00\", \"host\": \"uni\"},\n"
    "   {\"id\": \"lab\", \"uid\": \"session-lab\", \"title\": \"Laser lab tour\",\n"
    "    \"start\": \"2027-04-12T11:00\", \"end\": \"2027-04-12T12:30\", \"host\": \"%s\",\n"
    "    \"attendees\": [%s]}]}\n",
    camille_travel, camille_stays, lauri_travel, lab_host, lab_attendees);
}

static char *
default_identity_document (void)
{
  return identity_document (CAMILLE_TRAVEL, STAY_NERIS, LAURI_TRAVEL, BOTH, "femtolux");
}

/* The default identity document in a database of its own. */
static void
stored_init (VpTestDatabase *stored)
{
  g_autofree char *document = default_identity_document ();

  vp_test_database_set_up_store (stored, NULL);
  stored->id = vp_test_import_document (stored->store, document, VP_STORE_IMPORT_NONE);
}

/* What `import --update` does with the identity document of these legs,
 * stays and lab tour. */
static void
stored_update (VpTestDatabase *stored,
               const char     *camille_travel,
               const char     *camille_stays,
               const char     *lauri_travel,
               const char     *lab_attendees,
               const char     *lab_host)
{
  g_autofree char *document = identity_document (camille_travel, camille_stays, lauri_travel,
                                                 lab_attendees, lab_host);

  stored->id = vp_test_import_document (stored->store, document, VP_STORE_IMPORT_UPDATE);
}

/* The default document imported again over a changed one. */
static void
stored_update_default (VpTestDatabase *stored)
{
  g_autofree char *document = default_identity_document ();

  stored->id = vp_test_import_document (stored->store, document, VP_STORE_IMPORT_UPDATE);
}

/* An update without Lauri's bus leg (LUX804); his flight stays. */
static void
stored_drop_bus (VpTestDatabase *stored)
{
  stored_update (stored, CAMILLE_TRAVEL, STAY_NERIS, LEG_BT303, BOTH, "femtolux");
}

/* write_calendar() of the programme as the store holds it now. */
static GBytes *
stored_calendar (VpTestDatabase *stored,
                 const char     *participant_ref,
                 const char     *host_ref,
                 GDateTime      *stamp)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (stored->store, stored->id);

  return write_calendar (snapshot, participant_ref, host_ref, stamp);
}

static GBytes *
participant_calendar (VpTestDatabase *stored,
                      const char     *ref)
{
  return stored_calendar (stored, ref, NULL, NULL);
}

static GBytes *
host_calendar (VpTestDatabase *stored,
               const char     *ref)
{
  return stored_calendar (stored, NULL, ref, NULL);
}

/* Whose calendar write_calendar() makes of these refs, for messages. */
static const char *
owner_name (const char *participant_ref,
            const char *host_ref)
{
  if (participant_ref != NULL)
    return participant_ref;
  return host_ref != NULL ? host_ref : "the programme";
}

/* Saves @participant as the window's editor does. */
static void
save_participant (VpTestDatabase *stored,
                  VpParticipant  *participant)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_store_save_participant (stored->store, stored->id, participant, NULL, &error));
  g_assert_no_error (error);
}

/* The UID of the event of @bytes whose SUMMARY is @summary (exactly one),
 * or NULL. */
static char *
uid_of (GBytes     *bytes,
        const char *summary)
{
  g_autoptr(icalcomponent) root = parse_calendar (bytes);
  char *uid = NULL;
  guint found = 0;

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (event), summary) == 0 && found++ == 0)
      uid = g_strdup (icalcomponent_get_uid (event));

  if (found != 1)
    g_test_message ("%u events named “%s”", found, summary);
  g_assert_cmpuint (found, ==, 1);
  return uid;
}

/* How many events of @bytes have the UID @uid. */
static guint
count_uid (GBytes     *bytes,
           const char *uid)
{
  g_auto(GStrv) lines = unfolded_lines (bytes);
  g_autofree char *wanted = g_strconcat ("UID:", uid, NULL);
  guint count = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], wanted))
      count++;
  return count;
}

/* The unfolded line of the event @uid of @bytes that starts with @prefix
 * ("DTSTART", "STATUS:"), or NULL. */
static char *
line_of (GBytes     *bytes,
         const char *uid,
         const char *prefix)
{
  g_auto(GStrv) lines = unfolded_lines (bytes);

  if (uid == NULL)
    return NULL;
  return g_strdup (find_event_line (lines, uid, prefix));
}

/* The SEQUENCE of the event @uid of @bytes, or -1. */
static int
sequence_of (GBytes     *bytes,
             const char *uid)
{
  g_autofree char *line = line_of (bytes, uid, "SEQUENCE:");

  g_assert_nonnull (line);
  return line != NULL ? atoi (line + strlen ("SEQUENCE:")) : -1;
}

/* The STATUS of the event @uid of @bytes ("CONFIRMED", "CANCELLED"), or
 * "" when it has none or is not there. */
static char *
status_of (GBytes     *bytes,
           const char *uid)
{
  g_autofree char *line = line_of (bytes, uid, "STATUS:");

  return g_strdup (line != NULL ? line + strlen ("STATUS:") : "");
}

/* The UIDs of Camille's two flights in @calendar: to Rīga and home. */
static void
flight_uids (GBytes  *calendar,
             char   **there,
             char   **home)
{
  *there = uid_of (calendar, "Flight AF1098: Paris → Rīga");
  *home = uid_of (calendar, "Flight AF1069: Vilnius → Paris");
}

/* The event @uid of @bytes has the STATUS @expected. */
static void
assert_status (GBytes     *bytes,
               const char *uid,
               const char *expected)
{
  g_autofree char *status = status_of (bytes, uid);

  g_assert_cmpstr (status, ==, expected);
}

/* C1: reversing Camille's legs in a re-imported document keeps each
 * flight's UID: “AF1098 Paris → Rīga” never takes the UID of “AF1069
 * Vilnius → Paris”. */
static void
test_identity_reversed_legs (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *there_before = NULL;
  g_autofree char *home_before = NULL;
  g_autofree char *there_after = NULL;
  g_autofree char *home_after = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "camille");
  flight_uids (before, &there_before, &home_before);
  g_assert_cmpstr (there_before, !=, home_before);

  stored_update (&stored, LEG_AF1069 ", " LEG_AF1098, STAY_NERIS, LAURI_TRAVEL, BOTH, "femtolux");
  after = participant_calendar (&stored, "camille");
  flight_uids (after, &there_after, &home_after);

  g_assert_cmpstr (there_after, ==, there_before);
  g_assert_cmpstr (home_after, ==, home_before);
  /* unchanged, only moved in the list: the same SEQUENCE */
  g_assert_cmpint (sequence_of (after, there_after), ==, sequence_of (before, there_before));
  g_assert_cmpint (sequence_of (after, home_after), ==, sequence_of (before, home_before));
}

/* C1: Lauri's bus leg removed, his BT303 flight keeps its own UID instead
 * of taking the bus leg's, so that a client does not show BT303 twice. */
static void
test_identity_removed_leg (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *bus = NULL;
  g_autofree char *flight_before = NULL;
  g_autofree char *flight_after = NULL;
  g_autofree char *bus_status = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "lauri");
  bus = uid_of (before, "Bus LUX804: Tallinn → Rīga");
  flight_before = uid_of (before, "Flight BT303: Rīga → Vilnius");

  stored_drop_bus (&stored);
  after = participant_calendar (&stored, "lauri");
  flight_after = uid_of (after, "Flight BT303: Rīga → Vilnius");

  g_assert_cmpstr (flight_after, ==, flight_before);
  g_assert_cmpstr (flight_after, !=, bus);
  g_assert_cmpuint (count_uid (after, flight_after), ==, 1);
  /* the bus leg's UID names no live event (it comes back cancelled: C2) */
  bus_status = status_of (after, bus);
  g_assert_true (count_uid (after, bus) == 0 || g_str_equal (bus_status, "CANCELLED"));
}

/* C1: LAST-MODIFIED of a leg or stay is the time of its last change, not
 * of the export: two exports of an unchanged programme, a week apart, give
 * the same. */
static void
test_identity_last_modified_stable (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 4, 9, 17, 0, 0);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *summaries[] = {
    "Flight AF1098: Paris → Rīga", "Flight AF1069: Vilnius → Paris", "Hotel: Hotel Neris",
  };

  stored_init (&stored);
  first = participant_calendar (&stored, "camille");
  second = stored_calendar (&stored, "camille", NULL, later);

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    {
      g_autofree char *uid = uid_of (first, summaries[i]);
      g_autofree char *first_line = line_of (first, uid, "LAST-MODIFIED:");
      g_autofree char *second_line = line_of (second, uid, "LAST-MODIFIED:");
      g_autofree char *stamp_line = line_of (second, uid, "DTSTAMP:");

      g_test_message ("%s", summaries[i]);
      g_assert_nonnull (first_line);
      g_assert_cmpstr (first_line, ==, second_line);
      g_assert_cmpstr (stamp_line, ==, "DTSTAMP:20270409T170000Z");
    }
}

/* C1: a changed leg or stay keeps its UID and its SEQUENCE rises; the
 * others' stay as they were.  The document has no uids: the leg is found by
 * its reference, origin and destination, the stay by hotel and check-in. */
static void
test_identity_revision_rises (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *there = NULL;
  g_autofree char *home = NULL;
  g_autofree char *hotel = NULL;
  g_autofree char *there_start = NULL;
  g_autofree char *hotel_end = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "camille");
  flight_uids (before, &there, &home);
  hotel = uid_of (before, "Hotel: Hotel Neris");

  stored_update (&stored, LEG_AF1098_LATER ", " LEG_AF1069, STAY_NERIS_LONGER, LAURI_TRAVEL, BOTH,
                 "femtolux");
  after = participant_calendar (&stored, "camille");
  there_start = line_of (after, there, "DTSTART");
  hotel_end = line_of (after, hotel, "DTEND");

  g_assert_cmpuint (count_uid (after, there), ==, 1);
  g_assert_cmpuint (count_uid (after, hotel), ==, 1);
  g_assert_cmpint (sequence_of (after, there), >, sequence_of (before, there));
  g_assert_cmpint (sequence_of (after, hotel), >, sequence_of (before, hotel));
  g_assert_cmpint (sequence_of (after, home), ==, sequence_of (before, home));
  g_assert_cmpstr (there_start, ==, "DTSTART;TZID=Europe/Paris:20270411T110000");
  g_assert_cmpstr (hotel_end, ==, "DTEND;VALUE=DATE:20270418");

  /* the same change again changes nothing */
  stored_update (&stored, LEG_AF1098_LATER ", " LEG_AF1069, STAY_NERIS_LONGER, LAURI_TRAVEL, BOTH,
                 "femtolux");
  g_clear_pointer (&before, g_bytes_unref);
  before = participant_calendar (&stored, "camille");
  g_assert_true (g_bytes_equal (before, after));
}

/* C1: in an update without uids, a leg is matched by reference, origin and
 * destination and a stay by hotel and check-in, never by place: a new
 * flight on the same route, put first, is a new event. */
static void
test_identity_update_matching (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GHashTable) old_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *kept[] = {
    "Flight AF1098: Paris → Rīga", "Flight AF1069: Vilnius → Paris", "Hotel: Hotel Neris",
  };
  const char *added[] = { "Flight AF1070: Paris → Rīga", "Hotel: Hotel Rīga" };

  stored_init (&stored);
  before = participant_calendar (&stored, "camille");
  stored_update (&stored, LEG_AF1070 ", " LEG_AF1069 ", " LEG_AF1098, STAY_RIGA ", " STAY_NERIS,
                 LAURI_TRAVEL, BOTH, "femtolux");
  after = participant_calendar (&stored, "camille");

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *was = uid_of (before, kept[i]);
      g_autofree char *is = uid_of (after, kept[i]);

      g_test_message ("%s", kept[i]);
      g_assert_cmpstr (is, ==, was);
      g_assert_cmpint (sequence_of (after, is), ==, sequence_of (before, was));
      g_hash_table_add (old_uids, g_steal_pointer (&was));
    }
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autofree char *uid = uid_of (after, added[i]);

      g_test_message ("%s", added[i]);
      g_assert_nonnull (uid);
      g_assert_false (g_hash_table_contains (old_uids, uid));
      g_assert_cmpuint (count_uid (after, uid), ==, 1);
    }
}

/* C1, the window's editor: legs saved in another order keep their UIDs,
 * and a leg changed in place keeps its UID with a higher SEQUENCE. */
static void
test_identity_window_save (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpParticipant) camille = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *there = NULL;
  g_autofree char *home = NULL;
  g_autofree char *there_after = NULL;
  g_autofree char *home_after = NULL;
  GPtrArray *travel;
  gpointer first;
  VpTravelLeg *leg;

  stored_init (&stored);
  before = participant_calendar (&stored, "camille");
  flight_uids (before, &there, &home);

  camille = vp_test_participant_copy (stored.store, stored.id, "camille");
  travel = vp_participant_get_travel (camille);
  g_assert_cmpuint (travel->len, ==, 2);
  if (travel->len != 2)
    return;
  first = travel->pdata[0];
  travel->pdata[0] = travel->pdata[1];
  travel->pdata[1] = first;
  /* the flight home now leaves an hour later */
  leg = travel->pdata[0];
  g_free (leg->depart);
  leg->depart = g_strdup ("2027-04-16T19:00");
  g_free (leg->arrive);
  leg->arrive = g_strdup ("2027-04-16T21:10");
  save_participant (&stored, camille);

  after = participant_calendar (&stored, "camille");
  flight_uids (after, &there_after, &home_after);
  g_assert_cmpstr (there_after, ==, there);
  g_assert_cmpstr (home_after, ==, home);
  g_assert_cmpint (sequence_of (after, there), ==, sequence_of (before, there));
  g_assert_cmpint (sequence_of (after, home), >, sequence_of (before, home));
}

/* C2: the lab tour, before and after: the same UID cancelled with a higher
 * SEQUENCE and the times it had, in @after. */
static void
assert_cancelled (GBytes     *before,
                  GBytes     *after,
                  const char *uid)
{
  g_autofree char *status = status_of (after, uid);
  g_autofree char *summary = line_of (after, uid, "SUMMARY:");
  g_autofree char *start_before = line_of (before, uid, "DTSTART");
  g_autofree char *start_after = line_of (after, uid, "DTSTART");
  g_autofree char *end_before = line_of (before, uid, "DTEND");
  g_autofree char *end_after = line_of (after, uid, "DTEND");

  g_test_message ("event %s", uid);
  g_assert_cmpuint (count_uid (after, uid), ==, 1);
  g_assert_cmpstr (status, ==, "CANCELLED");
  g_assert_nonnull (summary);
  g_assert_true (summary != NULL && g_str_has_prefix (summary, "SUMMARY:Cancelled: "));
  g_assert_cmpint (sequence_of (after, uid), >, sequence_of (before, uid));
  g_assert_nonnull (start_after);
  g_assert_cmpstr (start_after, ==, start_before);
  g_assert_cmpstr (end_after, ==, end_before);
}

/* C2: the event @uid, cancelled in @after, back in @back: there once,
 * confirmed, with a SEQUENCE higher than its cancellation's. */
static void
assert_restored (GBytes     *after,
                 GBytes     *back,
                 const char *uid)
{
  g_autofree char *status = status_of (back, uid);

  g_assert_cmpuint (count_uid (back, uid), ==, 1);
  g_assert_cmpstr (status, ==, "CONFIRMED");
  g_assert_cmpint (sequence_of (back, uid), >, sequence_of (after, uid));
}

/* C2: Lauri taken off the lab tour gets it cancelled, not dropped; put
 * back on it, it is his again with a still higher SEQUENCE. */
static void
test_withdrawn_attendee (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) camille = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "lauri");
  g_assert_cmpuint (count_uid (before, "session-lab"), ==, 1);

  stored_update (&stored, CAMILLE_TRAVEL, STAY_NERIS, LAURI_TRAVEL, "\"camille\"", "femtolux");
  after = participant_calendar (&stored, "lauri");
  assert_cancelled (before, after, "session-lab");
  camille = participant_calendar (&stored, "camille");
  assert_status (camille, "session-lab", "CONFIRMED");

  stored_update_default (&stored);
  back = participant_calendar (&stored, "lauri");
  assert_restored (after, back, "session-lab");
}

/* C2: the lab tour moved from Femtolux to the university in the window:
 * Femtolux's calendar cancels it; moved back, it is Femtolux's again. */
static void
test_withdrawn_host_moved (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpSession) lab = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) uni = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) uni_back = NULL;
  g_autoptr(GError) error = NULL;

  stored_init (&stored);
  before = host_calendar (&stored, "femtolux");

  lab = vp_test_session_copy (stored.store, stored.id, "lab");
  vp_session_set_host_ref (lab, "uni");
  g_assert_true (vp_store_save_session (stored.store, stored.id, lab, NULL, &error));
  g_assert_no_error (error);

  after = host_calendar (&stored, "femtolux");
  assert_cancelled (before, after, "session-lab");
  uni = host_calendar (&stored, "uni");
  assert_status (uni, "session-lab", "CONFIRMED");

  vp_session_set_host_ref (lab, "femtolux");
  g_assert_true (vp_store_save_session (stored.store, stored.id, lab, NULL, &error));
  g_assert_no_error (error);
  back = host_calendar (&stored, "femtolux");
  assert_status (back, "session-lab", "CONFIRMED");
  g_assert_cmpint (sequence_of (back, "session-lab"), >, sequence_of (after, "session-lab"));
  uni_back = host_calendar (&stored, "uni");
  assert_cancelled (uni, uni_back, "session-lab");
}

/* C2: Lauri's bus leg removed in an update comes back cancelled, at the
 * times it had; the same leg put back is his again, under its UID. */
static void
test_withdrawn_leg (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) camille = NULL;
  g_autofree char *bus = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "lauri");
  bus = uid_of (before, "Bus LUX804: Tallinn → Rīga");

  stored_drop_bus (&stored);
  after = participant_calendar (&stored, "lauri");
  assert_cancelled (before, after, bus);
  /* only in his own calendar */
  camille = participant_calendar (&stored, "camille");
  g_assert_cmpuint (count_uid (camille, bus), ==, 0);

  stored_update_default (&stored);
  back = participant_calendar (&stored, "lauri");
  assert_restored (after, back, bus);
}

/* C2: Camille's hotel removed in the window comes back cancelled; added
 * again, it is hers again. */
static void
test_withdrawn_stay (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpParticipant) camille = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autofree char *hotel = NULL;
  g_autofree char *back_status = NULL;
  VpStay *stay;

  stored_init (&stored);
  before = participant_calendar (&stored, "camille");
  hotel = uid_of (before, "Hotel: Hotel Neris");

  camille = vp_test_participant_copy (stored.store, stored.id, "camille");
  g_ptr_array_set_size (vp_participant_get_accommodation (camille), 0);
  save_participant (&stored, camille);
  after = participant_calendar (&stored, "camille");
  assert_cancelled (before, after, hotel);

  stay = vp_stay_new ();
  stay->name = g_strdup ("Hotel Neris");
  stay->address = g_strdup ("Konstitucijos pr. 1");
  stay->check_in = g_strdup ("2027-04-11");
  stay->check_out = g_strdup ("2027-04-16");
  vp_participant_add_stay (camille, stay);
  save_participant (&stored, camille);
  back = participant_calendar (&stored, "camille");
  back_status = status_of (back, hotel);
  g_assert_cmpuint (count_uid (back, hotel), ==, 1);
  g_assert_null (strstr (back_status, "CANCELLED"));
  g_assert_cmpint (sequence_of (back, hotel), >, sequence_of (after, hotel));
}

/* C2: a session deleted in the window is cancelled in every calendar that
 * had it: the programme's, its host's, its attendees'. */
static void
test_withdrawn_session_deleted (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  const char *owners[][2] = {
    { NULL, NULL }, { NULL, "femtolux" }, { "camille", NULL }, { "lauri", NULL },
  };
  GBytes *before[G_N_ELEMENTS (owners)];
  gint64 id;

  stored_init (&stored);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    before[i] = stored_calendar (&stored, owners[i][0], owners[i][1], NULL);

  snapshot = vp_test_load (stored.store, stored.id);
  id = vp_session_get_id (vp_snapshot_lookup_session_by_uid (snapshot, "session-lab"));
  g_assert_true (vp_store_delete_sessions (stored.store, stored.id, &id, 1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autoptr(GBytes) after = stored_calendar (&stored, owners[i][0], owners[i][1], NULL);

      g_test_message ("calendar of %s", owner_name (owners[i][0], owners[i][1]));
      assert_cancelled (before[i], after, "session-lab");
      g_bytes_unref (before[i]);
    }
}

/* C2: someone deleted takes the record of what left their calendar with
 * them: a new participant under the same id starts clean. */
static void
test_withdrawn_owner_deleted (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpParticipant) newcomer = vp_participant_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  stored_init (&stored);
  stored_update (&stored, CAMILLE_TRAVEL, STAY_NERIS, LEG_BT303, "\"camille\"", "femtolux");
  snapshot = vp_test_load (stored.store, stored.id);
  id = vp_participant_get_id (vp_snapshot_lookup_participant (snapshot, "lauri"));
  g_assert_true (vp_store_delete_participants (stored.store, stored.id, &id, 1, &error));
  g_assert_no_error (error);

  vp_participant_set_ref (newcomer, "lauri");
  vp_participant_set_name (newcomer, "Lauri Kask");
  save_participant (&stored, newcomer);
  bytes = participant_calendar (&stored, "lauri");
  text = bytes_to_text (bytes);
  g_assert_null (strstr (text, "CANCELLED"));
  g_assert_null (strstr (text, "LUX804"));
  g_assert_cmpuint (count_uid (bytes, "session-lab"), ==, 0);

  /* a host too: the lab tour moves away from Femtolux, which is deleted and
   * then added again under the same id */
  {
    g_autoptr(VpSnapshot) now = NULL;
    g_autoptr(VpHost) host = vp_host_new ();
    g_autoptr(GBytes) femtolux = NULL;
    g_autofree char *femtolux_text = NULL;
    gint64 host_id;

    stored_update (&stored, CAMILLE_TRAVEL, STAY_NERIS, LEG_BT303, "\"camille\"", "uni");
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = host_calendar (&stored, "femtolux");
    g_assert_cmpuint (count_uid (bytes, "session-lab"), ==, 1);

    now = vp_test_load (stored.store, stored.id);
    host_id = vp_host_get_id (vp_snapshot_lookup_host (now, "femtolux"));
    g_assert_true (vp_store_delete_hosts (stored.store, stored.id, &host_id, 1, &error));
    g_assert_no_error (error);
    vp_host_set_ref (host, "femtolux");
    vp_host_set_name (host, "Femtolux Lasers");
    g_assert_true (vp_store_save_host (stored.store, stored.id, host, NULL, &error));
    g_assert_no_error (error);
    femtolux = host_calendar (&stored, "femtolux");
    femtolux_text = bytes_to_text (femtolux);
    g_assert_null (strstr (femtolux_text, "BEGIN:VEVENT"));
  }
}

/* C2: a participant whose id a save changes keeps their calendar: what
 * left it is still cancelled in it, and the change of id itself takes
 * nothing out of it. */
static void
test_withdrawn_renamed_owner (void)
{
  g_auto(VpTestDatabase) stored = { NULL, };
  g_autoptr(VpParticipant) lauri = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *bus = NULL;
  g_autofree char *flight = NULL;

  stored_init (&stored);
  before = participant_calendar (&stored, "lauri");
  bus = uid_of (before, "Bus LUX804: Tallinn → Rīga");
  flight = uid_of (before, "Flight BT303: Rīga → Vilnius");
  stored_drop_bus (&stored);

  lauri = vp_test_participant_copy (stored.store, stored.id, "lauri");
  vp_participant_set_ref (lauri, "lauri-tamm");
  /* and in the same save, his flight goes too */
  g_ptr_array_set_size (vp_participant_get_travel (lauri), 0);
  save_participant (&stored, lauri);

  after = participant_calendar (&stored, "lauri-tamm");
  assert_cancelled (before, after, bus);
  assert_cancelled (before, after, flight);
  assert_status (after, "session-lab", "CONFIRMED");
  g_assert_cmpint (sequence_of (after, "session-lab"), ==, sequence_of (before, "session-lab"));
}

/* C3: what goes into a calendar and what never does, cancelled events
 * included.  Never: a participant's email, organisation, phone, dietary and
 * accessibility needs, emergency contact and notes; their travel and hotels
 * are in their own calendar only.  In, on purpose: the host's contact,
 * email, phone and site rules, and attendees' names. */
static void
test_privacy_what_goes_in (void)
{
  const char *never[] = {
    "EMAIL-SECRET", "ORGANISATION-SECRET", "PHONE-SECRET", "DIETARY-SECRET",
    "ACCESSIBILITY-SECRET", "EMERGENCY-SECRET", "NOTES-SECRET",
  };
  const char *host_facts[] = {
    "Giedrė Jankauskaitė", "giedre@femtolux.example", "+370 5 279 1530", "Bring photo ID",
  };
  g_auto(VpTestDatabase) stored = { NULL, };
  const char *owners[][2] = {
    { NULL, NULL }, { NULL, "femtolux" }, { NULL, "uni" }, { "camille", NULL }, { "lauri", NULL },
  };

  stored_init (&stored);
  /* Camille loses a flight, her hotel and the lab tour: cancelled events */
  stored_update (&stored, LEG_AF1069, "", LAURI_TRAVEL, "\"lauri\"", "femtolux");

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_autoptr(GBytes) bytes = stored_calendar (&stored, owners[i][0], owners[i][1], NULL);
      g_autofree char *text = bytes_to_text (bytes);
      g_autofree char *unfolded = unfold (text);
      gboolean camille = g_strcmp0 (owners[i][0], "camille") == 0;

      g_test_message ("calendar of %s", owner_name (owners[i][0], owners[i][1]));
      for (guint j = 0; j < G_N_ELEMENTS (never); j++)
        g_assert_null (strstr (unfolded, never[j]));
      /* her travel and hotel, in her calendar only (there, cancelled) */
      g_assert_true ((strstr (unfolded, "AF1098") != NULL) == camille);
      g_assert_true ((strstr (unfolded, "Hotel Neris") != NULL) == camille);
      g_assert_true ((strstr (unfolded, "LUX804") != NULL) == (g_strcmp0 (owners[i][0], "lauri") == 0));
    }

  /* the lab tour's description in Lauri's calendar: the host's contact
   * and site rules, and who goes, by name */
  {
    g_autoptr(GBytes) lauri = participant_calendar (&stored, "lauri");
    g_autofree char *description = line_of (lauri, "session-lab", "DESCRIPTION:");

    g_assert_nonnull (description);
    for (guint j = 0; description != NULL && j < G_N_ELEMENTS (host_facts); j++)
      g_assert_nonnull (strstr (description, host_facts[j]));
    g_assert_true (description != NULL && strstr (description, "Lauri Tamm") != NULL);
  }
}

/* Main {{{1 */

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  vp_ical_init ();
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/calendar/structure/header", test_structure_header);
  g_test_add_func ("/calendar/structure/events", test_structure_events);
  g_test_add_func ("/calendar/structure/sequence", test_structure_sequence);
  g_test_add_func ("/calendar/structure/last-modified", test_structure_last_modified);
  g_test_add_func ("/calendar/structure/stamp-utc", test_structure_stamp_utc);
  g_test_add_func ("/calendar/structure/parses-cleanly", test_structure_parses_cleanly);

  g_test_add_func ("/calendar/timezone/one-per-zone", test_timezone_one_per_zone);
  g_test_add_func ("/calendar/timezone/unused-zone-absent", test_timezone_unused_zone_absent);
  g_test_add_func ("/calendar/timezone/plain-tzid", test_timezone_plain_tzid);
  g_test_add_func ("/calendar/timezone/no-tzid-with-utc", test_timezone_no_tzid_with_utc);
  g_test_add_func ("/calendar/timezone/no-floating", test_timezone_no_floating);
  g_test_add_func ("/calendar/timezone/other-zone-session", test_timezone_other_zone_session);
  g_test_add_func ("/calendar/timezone/end-zone", test_timezone_end_zone);
  g_test_add_func ("/calendar/timezone/instants", test_timezone_instants);
  g_test_add_func ("/calendar/timezone/dst/spring", test_timezone_dst_spring);
  g_test_add_func ("/calendar/timezone/dst/autumn", test_timezone_dst_autumn);
  g_test_add_func ("/calendar/timezone/dst/repeated-hour", test_timezone_dst_repeated_hour);
  g_test_add_func ("/calendar/timezone/dst/unique-keep-zone", test_timezone_dst_unique_keep_zone);

  g_test_add_func ("/calendar/lines/crlf", test_lines_crlf);
  g_test_add_func ("/calendar/lines/length", test_lines_length);
  g_test_add_func ("/calendar/fold/multibyte", test_fold_multibyte);
  g_test_add_func ("/calendar/fold/emoji", test_fold_emoji);
  g_test_add_func ("/calendar/fold/73-octets", test_fold_73_octets);
  g_test_add_func ("/calendar/fold/unfold-round-trip", test_fold_unfold_round_trip);

  g_test_add_func ("/calendar/escape/special-characters", test_escape_special_characters);
  g_test_add_func ("/calendar/escape/control-characters", test_escape_control_characters);
  g_test_add_func ("/calendar/escape/organizer-control-characters",
                   test_escape_organizer_control_characters);
  g_test_add_func ("/calendar/organizer/email-rule", test_organizer_email_rule);
  g_test_add_func ("/calendar/escape/injected-event", test_escape_injected_event);

  g_test_add_func ("/calendar/status/cancelled", test_status_cancelled);
  g_test_add_func ("/calendar/status/tentative", test_status_tentative);

  g_test_add_func ("/calendar/location/session", test_location_session);
  g_test_add_func ("/calendar/location/host", test_location_host);
  g_test_add_func ("/calendar/location/geo", test_location_geo);

  g_test_add_func ("/calendar/privacy/personal-data", test_privacy_personal_data);
  g_test_add_func ("/calendar/privacy/attendee-names", test_privacy_attendee_names);

  g_test_add_func ("/calendar/participant/sessions", test_participant_sessions);
  g_test_add_func ("/calendar/participant/travel", test_participant_travel);
  g_test_add_func ("/calendar/participant/travel-default-zone",
                   test_participant_travel_default_zone);
  g_test_add_func ("/calendar/participant/stay", test_participant_stay);
  g_test_add_func ("/calendar/participant/complete-events", test_participant_complete_events);
  g_test_add_func ("/calendar/host/sessions", test_host_sessions);
  g_test_add_func ("/calendar/host/group-size", test_host_group_size);

  g_test_add_func ("/calendar/reissue/identical", test_reissue_identical);
  g_test_add_func ("/calendar/reissue/sequence", test_reissue_sequence);
  g_test_add_func ("/calendar/reissue/derived-uids", test_reissue_derived_uids);

  g_test_add_func ("/calendar/identity/reversed-legs", test_identity_reversed_legs);
  g_test_add_func ("/calendar/identity/removed-leg", test_identity_removed_leg);
  g_test_add_func ("/calendar/identity/last-modified-stable", test_identity_last_modified_stable);
  g_test_add_func ("/calendar/identity/revision-rises", test_identity_revision_rises);
  g_test_add_func ("/calendar/identity/update-matching", test_identity_update_matching);
  g_test_add_func ("/calendar/identity/window-save", test_identity_window_save);
  g_test_add_func ("/calendar/withdrawn/attendee", test_withdrawn_attendee);
  g_test_add_func ("/calendar/withdrawn/host-moved", test_withdrawn_host_moved);
  g_test_add_func ("/calendar/withdrawn/leg", test_withdrawn_leg);
  g_test_add_func ("/calendar/withdrawn/stay", test_withdrawn_stay);
  g_test_add_func ("/calendar/withdrawn/session-deleted", test_withdrawn_session_deleted);
  g_test_add_func ("/calendar/withdrawn/owner-deleted", test_withdrawn_owner_deleted);
  g_test_add_func ("/calendar/withdrawn/renamed-owner", test_withdrawn_renamed_owner);
  g_test_add_func ("/calendar/privacy/what-goes-in", test_privacy_what_goes_in);

  g_test_add_func ("/calendar/file-name/plain", test_file_name_plain);
  g_test_add_func ("/calendar/file-name/forbidden-characters", test_file_name_forbidden_characters);
  g_test_add_func ("/calendar/file-name/empty", test_file_name_empty);
  g_test_add_func ("/calendar/file-name/fallback-sanitised", test_file_name_fallback_sanitised);
  g_test_add_func ("/calendar/file-name/collision", test_file_name_collision);
  g_test_add_func ("/calendar/file-name/case-collision", test_file_name_case_collision);
  g_test_add_func ("/calendar/file-name/long", test_file_name_long);
  g_test_add_func ("/calendar/file-name/windows-devices", test_file_name_windows_devices);
  g_test_add_func ("/calendar/write-each/files", test_write_each_participant);

  status = g_test_run ();

  /* libical's built-in zones live until freed */
  vp_ical_shutdown ();
  return status;
}

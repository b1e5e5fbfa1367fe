/* fuzz-ical.c: libFuzzer target for the iCalendar importer (proposed visit slots from hosts). */
#include "config.h"

#include "vp-fuzz.h"
#include "vp-ical.h"
#include "vp-ical-import.h"

/* A programme in Vilnius with sessions whose uids the seeds use (the demo's
 * own calendar, the Outlook fixtures and plain@example.org), so that events
 * update sessions as well as add them. */
static const char programme_json[] =
  "{ \"format\": \"visit-planner-programme\", \"version\": 1,"
  "  \"programme\": { \"uid\": \"fuzz-ics\", \"title\": \"Slots\", \"host_country\": \"LT\","
  "    \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-11\","
  "    \"end_date\": \"2027-04-16\" },"
  "  \"hosts\": [ { \"id\": \"laser-cluster\", \"name\": \"Lithuanian Laser Cluster\" } ],"
  "  \"participants\": [ { \"id\": \"aino-makela\", \"name\": \"Aino\" },"
  "                      { \"id\": \"kaisa\", \"name\": \"Kaisa\" } ],"
  "  \"sessions\": ["
  "    { \"id\": \"welcome\", \"uid\": \"93b714a4-04e9-5488-ad98-f03d7bcbd4dc\","
  "      \"title\": \"Welcome\", \"kind\": \"meeting\", \"start\": \"2027-04-13T10:00\","
  "      \"end\": \"2027-04-13T11:45\", \"host\": \"laser-cluster\", \"attendees\": \"all\" },"
  "    { \"id\": \"coach\", \"uid\": \"cdcc397b-077b-52ba-9dde-270c3664b71c\","
  "      \"title\": \"Coach\", \"kind\": \"transfer\", \"start\": \"2027-04-13T09:15\","
  "      \"end\": \"2027-04-13T09:45\", \"attendees\": [ \"kaisa\" ] },"
  "    { \"id\": \"plain\", \"uid\": \"plain@example.org\", \"revision\": 2,"
  "      \"title\": \"Plain slot\", \"kind\": \"visit\", \"start\": \"2027-04-12T09:00\","
  "      \"end\": \"2027-04-12T10:00\", \"attendees\": \"all\" } ] }";

static VpSnapshot *programme;
static GBytes *programme_written;

/* libical keeps the zones it loads until this frees them: freed at exit,
 * they are not reported as leaks. */
static void
free_zones (void)
{
  vp_ical_shutdown ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  vp_fuzz_init ();
  vp_ical_init ();
  atexit (free_zones);
  programme = vp_fuzz_snapshot_new (programme_json);
  programme_written = vp_programme_format_write (programme);
  return 0;
}

static void
check_items (GPtrArray  *items,
             const char *what)
{
  if (items == NULL)
    vp_fuzz_fail ("the report has no list of %s", what);

  for (guint i = 0; i < items->len; i++)
    {
      VpIcalSkip *item = g_ptr_array_index (items, i);

      if (item->reason == NULL || !g_utf8_validate (item->reason, -1, NULL))
        vp_fuzz_fail ("one of the %s has no reason, or one that is not UTF-8", what);
      if (item->uid != NULL && !g_utf8_validate (item->uid, -1, NULL))
        vp_fuzz_fail ("one of the %s has a uid that is not UTF-8", what);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  guint n_before, n_after;

  result = vp_ical_import (programme, bytes, &report, &error);
  vp_fuzz_check_error ("vp_ical_import", result, error);
  vp_fuzz_check_unchanged (programme, programme_written);
  if (result == NULL)
    return 0;

  if (report == NULL)
    vp_fuzz_fail ("vp_ical_import worked without a report");
  check_items (report->skipped, "skipped events");
  check_items (report->notes, "notes");

  /* Every session of the programme is kept; each added event is one more. */
  n_before = vp_snapshot_get_sessions (programme)->len;
  n_after = vp_snapshot_get_sessions (result)->len;
  if (n_after != n_before + report->added)
    vp_fuzz_fail ("%u sessions and %u added make %u sessions", n_before, report->added, n_after);

  vp_fuzz_check_readable ("vp_ical_import", result);

  return 0;
}

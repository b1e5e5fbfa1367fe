/* test-store-edit.c: unit tests of the store's single edits, undo, duplication and change count. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vp-store.h"
#include "vp-test-core.h"
#include "vp-values.h"
#include "vp-time.h"

/* Documents {{{1 */

#define HOSTS \
  "{ \"id\": \"h1\", \"name\": \"Host one\", \"kind\": \"company\", \"country\": \"LT\" }," \
  "{ \"id\": \"h2\", \"name\": \"Host two\" }"

/* Aino's train has no zone of its own (the programme's); her flight has. */
#define PARTICIPANTS \
  "{ \"id\": \"p1\", \"name\": \"Aino\", \"email\": \"aino@example.org\"," \
  "  \"travel\": [ { \"kind\": \"train\", \"depart\": \"2027-04-13T07:00\"," \
  "                  \"arrive\": \"2027-04-13T08:00\" }," \
  "                { \"kind\": \"flight\", \"reference\": \"AY1071\"," \
  "                  \"depart\": \"2027-04-12T18:00\", \"depart_timezone\": \"Europe/Helsinki\"," \
  "                  \"arrive\": \"2027-04-12T19:00\", \"arrive_timezone\": \"Europe/Helsinki\" } ]," \
  "  \"accommodation\": [ { \"name\": \"Hotel\", \"check_in\": \"2027-04-13\"," \
  "                         \"check_out\": \"2027-04-16\" } ] }," \
  "{ \"id\": \"p2\", \"name\": \"Jukka\", \"email\": \"jukka@example.org\" }," \
  "{ \"id\": \"p3\", \"name\": \"Mari\" }"

/* s1 follows the programme's zone, s2 has a start zone of its own, s3 both
 * zones of its own; s4 is cancelled. */
#define SESSIONS \
  "{ \"id\": \"s1\", \"uid\": \"uid-1\", \"revision\": 2, \"title\": \"One\"," \
  "  \"kind\": \"visit\", \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"," \
  "  \"host\": \"h1\", \"location\": \"Hall\", \"description\": \"About one\"," \
  "  \"attendees\": [\"p1\", \"p2\"] }," \
  "{ \"id\": \"s2\", \"uid\": \"uid-2\", \"title\": \"Two\", \"start\": \"2027-04-14T10:00\"," \
  "  \"end\": \"2027-04-14T11:00\", \"timezone\": \"Europe/Vilnius\", \"host\": \"h2\"," \
  "  \"attendees\": [\"p2\"] }," \
  "{ \"id\": \"s3\", \"uid\": \"uid-3\", \"title\": \"Three\", \"start\": \"2027-04-15T10:00\"," \
  "  \"end\": \"2027-04-15T11:00\", \"timezone\": \"Europe/Vilnius\"," \
  "  \"end_timezone\": \"Europe/Vilnius\" }," \
  "{ \"id\": \"s4\", \"uid\": \"uid-4\", \"title\": \"Four\", \"start\": \"2027-04-16T10:00\"," \
  "  \"end\": \"2027-04-16T11:00\", \"status\": \"cancelled\" }"

#define DOCUMENT_FOR(uid, start_date, end_date, hosts, participants, sessions) \
  "{\n" \
  "  \"format\": \"visit-planner-programme\",\n" \
  "  \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"" uid "\", \"title\": \"Visit " uid "\"," \
  "                   \"status\": \"confirmed\", \"host_country\": \"LT\"," \
  "                   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"" start_date "\"," \
  "                   \"end_date\": \"" end_date "\", \"lump_sum_eur\": 1200 },\n" \
  "  \"hosts\": [" hosts "],\n" \
  "  \"participants\": [" participants "],\n" \
  "  \"sessions\": [" sessions "]\n" \
  "}\n"

static const char base_document[] =
  DOCUMENT_FOR ("prog-1", "2027-04-13", "2027-04-16", HOSTS, PARTICIPANTS, SESSIONS);

static const char other_document[] =
  DOCUMENT_FOR ("prog-2", "2027-04-13", "2027-04-16", HOSTS, PARTICIPANTS, SESSIONS);

/* A winter visit: clocks in Vilnius go forward on 2027-03-28. */
static const char winter_document[] =
  DOCUMENT_FOR ("prog-winter", "2027-03-22", "2027-03-24", HOSTS, "",
                "{ \"id\": \"w1\", \"uid\": \"uid-w1\", \"title\": \"Winter\","
                "  \"start\": \"2027-03-23T10:00\", \"end\": \"2027-03-23T11:30\" }");

/* Fixture {{{1 */

/* A store on a new database in a temporary folder. */
typedef VpTestDatabase Fixture;

/* Helpers {{{1 */

/* The programme as its exchange document: what "unchanged" means here. */
static char *
export_programme (VpStore *store,
                  gint64   id)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (store, id);

  return vp_test_write_document (snapshot);
}

/* Two exports are the same document: on a difference, the first line that
 * differs is reported, not two whole documents. */
static void
assert_same_document (const char *actual,
                      const char *expected)
{
  g_auto(GStrv) actual_lines = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  guint n_actual = g_strv_length (actual_lines);
  guint n_expected = g_strv_length (expected_lines);

  for (guint i = 0; i < MIN (n_actual, n_expected); i++)
    if (g_strcmp0 (actual_lines[i], expected_lines[i]) != 0)
      {
        g_test_message ("documents differ at line %u", i + 1);
        g_assert_cmpstr (actual_lines[i], ==, expected_lines[i]);
        return;
      }
  g_assert_cmpuint (n_actual, ==, n_expected);
}

static VpProgramme *
programme_copy (VpStore *store,
                gint64   id)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (store, id);

  return vp_programme_copy (vp_snapshot_get_programme (snapshot));
}

static gint64
host_id (VpStore    *store,
         gint64      id,
         const char *ref)
{
  g_autoptr(VpHost) host = vp_test_host_copy (store, id, ref);

  return vp_host_get_id (host);
}

static gint64
participant_id (VpStore    *store,
                gint64      id,
                const char *ref)
{
  g_autoptr(VpParticipant) participant = vp_test_participant_copy (store, id, ref);

  return vp_participant_get_id (participant);
}

static gint64
session_id (VpStore    *store,
            gint64      id,
            const char *ref)
{
  g_autoptr(VpSession) session = vp_test_session_copy (store, id, ref);

  return vp_session_get_id (session);
}

/* The instant of a wall time in a zone, by GLib alone (never a skipped time). */
static gint64
instant (const char *local,
         const char *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) date_time = NULL;
  int year, month, day, hour, minute;

  g_assert_nonnull (tz);
  g_assert_cmpint (sscanf (local, "%d-%d-%dT%d:%d", &year, &month, &day, &hour, &minute), ==, 5);
  date_time = g_date_time_new (tz, year, month, day, hour, minute, 0);
  g_assert_nonnull (date_time);
  return g_date_time_to_unix (date_time);
}

static guint
count_programmes (VpStore *store)
{
  return g_list_model_get_n_items (vp_store_get_programmes (store));
}

static VpTravelLeg *
leg_new (VpTravelKind  kind,
         const char   *depart,
         const char   *depart_timezone,
         const char   *arrive,
         const char   *arrive_timezone)
{
  VpTravelLeg *leg = vp_travel_leg_new ();

  leg->kind = kind;
  leg->depart = g_strdup (depart);
  leg->depart_timezone = g_strdup (depart_timezone);
  leg->arrive = g_strdup (arrive);
  leg->arrive_timezone = g_strdup (arrive_timezone);
  return leg;
}

static VpStay *
stay_new (const char *name,
          const char *check_in,
          const char *check_out)
{
  VpStay *stay = vp_stay_new ();

  stay->name = g_strdup (name);
  stay->check_in = g_strdup (check_in);
  stay->check_out = g_strdup (check_out);
  return stay;
}

/* A participant to replace the stored @ref: same row, new travel. */
static VpParticipant *
participant_replacing (VpStore    *store,
                       gint64      id,
                       const char *ref)
{
  g_autoptr(VpParticipant) stored = vp_test_participant_copy (store, id, ref);
  VpParticipant *participant = vp_participant_new ();

  vp_participant_set_id (participant, vp_participant_get_id (stored));
  vp_participant_set_ref (participant, vp_participant_get_ref (stored));
  vp_participant_set_name (participant, vp_participant_get_name (stored));
  vp_participant_set_email (participant, vp_participant_get_email (stored));
  return participant;
}

/* save_programme {{{1 */

static void
test_programme_new (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpProgramme *stored;

  vp_programme_set_title (programme, "Spring visit");
  vp_programme_set_host_country (programme, "LT");
  vp_programme_set_timezone (programme, "Europe/Vilnius");
  vp_programme_set_start_date (programme, "2027-05-10");
  vp_programme_set_end_date (programme, "2027-05-12");
  vp_programme_set_lump_sum_eur (programme, 900);

  g_assert_true (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_programme_get_id (programme), >, 0);
  g_assert_nonnull (vp_programme_get_uid (programme));

  snapshot = vp_test_load (fixture->store, vp_programme_get_id (programme));
  stored = vp_snapshot_get_programme (snapshot);
  g_assert_cmpstr (vp_programme_get_uid (stored), ==, vp_programme_get_uid (programme));
  g_assert_cmpstr (vp_programme_get_title (stored), ==, "Spring visit");
  g_assert_cmpstr (vp_programme_get_host_country (stored), ==, "LT");
  g_assert_cmpstr (vp_programme_get_timezone (stored), ==, "Europe/Vilnius");
  g_assert_cmpstr (vp_programme_get_start_date (stored), ==, "2027-05-10");
  g_assert_cmpstr (vp_programme_get_end_date (stored), ==, "2027-05-12");
  g_assert_cmpfloat (vp_programme_get_lump_sum_eur (stored), ==, 900);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
}

static void
test_programme_update (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpProgramme) programme = programme_copy (fixture->store, id);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpProgramme *stored;

  vp_programme_set_title (programme, "Renamed visit");
  vp_programme_set_description (programme, "Line one\nLine two");
  vp_programme_set_end_date (programme, "2027-04-17");
  vp_programme_set_status (programme, VP_PROGRAMME_STATUS_COMPLETED);

  g_assert_true (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_programme_get_id (programme), ==, id);

  snapshot = vp_test_load (fixture->store, id);
  stored = vp_snapshot_get_programme (snapshot);
  g_assert_cmpstr (vp_programme_get_uid (stored), ==, "prog-1");
  g_assert_cmpstr (vp_programme_get_title (stored), ==, "Renamed visit");
  g_assert_cmpstr (vp_programme_get_description (stored), ==, "Line one\nLine two");
  g_assert_cmpstr (vp_programme_get_end_date (stored), ==, "2027-04-17");
  g_assert_cmpint (vp_programme_get_status (stored), ==, VP_PROGRAMME_STATUS_COMPLETED);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 4);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
}

typedef void (*ProgrammeEdit) (VpProgramme *programme);

static void
edit_empty_title (VpProgramme *programme)
{
  vp_programme_set_title (programme, "");
}

/* blank is empty: spaces, a no-break space, a tab */
static void
edit_blank_title (VpProgramme *programme)
{
  vp_programme_set_title (programme, "  \xC2\xA0\t");
}

static void
edit_lower_case_country (VpProgramme *programme)
{
  vp_programme_set_host_country (programme, "lt");
}

/* The rules of values (vp-values.h) hold for the programme too: before,
 * the store took any coordinator email, “UK” and a latitude of 91. */
static void
edit_country_uk (VpProgramme *programme)
{
  vp_programme_set_host_country (programme, "UK");
}

static void
edit_coordinator_email_no_dot (VpProgramme *programme)
{
  vp_programme_set_coordinator_email (programme, "ruta@localhost");
}

static void
edit_origin_latitude (VpProgramme *programme)
{
  vp_programme_set_origin_position (programme, 91, 25.2797);
}

static void
edit_unknown_zone (VpProgramme *programme)
{
  vp_programme_set_timezone (programme, "Europe/Atlantis");
}

static void
edit_end_before_start (VpProgramme *programme)
{
  vp_programme_set_end_date (programme, "2027-04-12");
}

static void
edit_negative_lump_sum (VpProgramme *programme)
{
  vp_programme_set_lump_sum_eur (programme, -1);
}

/* Each refused edit leaves the stored programme as it was, byte for byte. */
static void
test_programme_invalid (Fixture       *fixture,
                        gconstpointer  data)
{
  ProgrammeEdit edit = (ProgrammeEdit)data;
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpProgramme) programme = programme_copy (fixture->store, id);
  g_autoptr(GError) error = NULL;
  gint64 count = vp_store_get_change_count (fixture->store);

  vp_programme_set_description (programme, "This edit must not be stored");
  edit (programme);
  g_assert_false (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
  g_assert_cmpint (vp_store_get_change_count (fixture->store), ==, count);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
}

/* A new programme that is refused is not added. */
static void
test_programme_invalid_new (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(GError) error = NULL;

  vp_programme_set_title (programme, "Spring visit");
  vp_programme_set_host_country (programme, "LT");
  vp_programme_set_timezone (programme, "Europe/Vilnius");
  vp_programme_set_start_date (programme, "2027-05-10");
  vp_programme_set_end_date (programme, "2027-05-09");

  g_assert_false (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpint (vp_programme_get_id (programme), ==, 0);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM programmes"), ==, 0);
}

static gint64
move_to_berlin (Fixture *fixture)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpProgramme) programme = programme_copy (fixture->store, id);
  g_autoptr(GError) error = NULL;

  vp_programme_set_timezone (programme, "Europe/Berlin");
  g_assert_true (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* Same wall time, read in the new zone: a new instant and a new revision. */
static void
test_programme_zone_moves_sessions (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 id = move_to_berlin (fixture);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s1");

  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-13T10:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T11:00");
  g_assert_null (vp_session_get_timezone (session));
  g_assert_cmpint (vp_session_get_start_utc (session), ==,
                   instant ("2027-04-13T10:00", "Europe/Berlin"));
  g_assert_cmpint (vp_session_get_end_utc (session), ==,
                   instant ("2027-04-13T11:00", "Europe/Berlin"));
  g_assert_cmpint (vp_session_get_revision (session), ==, 3);
}

/* A session whose start zone is its own (the end's defaults to it) does not
 * follow the programme: nothing a calendar shows changed. */
static void
test_programme_zone_keeps_own_zone (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 id = move_to_berlin (fixture);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s2");

  g_assert_nonnull (session);
  g_assert_cmpint (vp_session_get_start_utc (session), ==,
                   instant ("2027-04-14T10:00", "Europe/Vilnius"));
  g_assert_cmpint (vp_session_get_end_utc (session), ==,
                   instant ("2027-04-14T11:00", "Europe/Vilnius"));
  g_assert_cmpint (vp_session_get_revision (session), ==, 0);
}

static void
test_programme_zone_keeps_own_zones (Fixture       *fixture,
                                     gconstpointer  data)
{
  gint64 id = move_to_berlin (fixture);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s3");

  g_assert_nonnull (session);
  g_assert_cmpint (vp_session_get_start_utc (session), ==,
                   instant ("2027-04-15T10:00", "Europe/Vilnius"));
  g_assert_cmpint (vp_session_get_revision (session), ==, 0);
}

static void
test_programme_zone_moves_travel (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 id = move_to_berlin (fixture);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, "p1");
  GPtrArray *travel;
  VpTravelLeg *train;
  VpTravelLeg *flight;

  g_assert_nonnull (participant);
  travel = vp_participant_get_travel (participant);
  g_assert_cmpuint (travel->len, ==, 2);
  train = g_ptr_array_index (travel, 0);
  flight = g_ptr_array_index (travel, 1);

  g_assert_cmpstr (train->depart, ==, "2027-04-13T07:00");
  g_assert_cmpint (train->depart_utc, ==, instant ("2027-04-13T07:00", "Europe/Berlin"));
  g_assert_cmpint (train->arrive_utc, ==, instant ("2027-04-13T08:00", "Europe/Berlin"));
  g_assert_cmpint (flight->depart_utc, ==, instant ("2027-04-12T18:00", "Europe/Helsinki"));
  g_assert_cmpint (flight->arrive_utc, ==, instant ("2027-04-12T19:00", "Europe/Helsinki"));
  /* the train's event moved: its revision (SEQUENCE) rises; the flight's not */
  g_assert_cmpint (train->revision, ==, 1);
  g_assert_cmpint (flight->revision, ==, 0);
}

static void
test_programme_changed_signal (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpProgramme) programme = programme_copy (fixture->store, id);
  g_autoptr(GError) error = NULL;
  VpTestChangeLog log = { 0, 0 };
  gulong handler;

  handler = g_signal_connect (fixture->store, "changed", G_CALLBACK (vp_test_log_change), &log);
  vp_programme_set_title (programme, "Renamed visit");
  g_assert_true (vp_store_save_programme (fixture->store, programme, NULL, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (fixture->store, handler);

  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.programme_id, ==, id);
}

/* save_host {{{1 */

static void
test_host_new (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpHost) first = vp_host_new ();
  g_autoptr(VpHost) second = vp_host_new ();
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpHost *stored;

  vp_host_set_name (first, "Science park");
  vp_host_set_kind (first, VP_HOST_KIND_RESEARCH);
  vp_host_set_country (first, "LT");
  vp_host_set_name (second, "Port authority");

  g_assert_true (vp_store_save_host (fixture->store, id, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_save_host (fixture->store, id, second, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vp_host_get_id (first), >, 0);
  g_assert_cmpint (vp_host_get_id (second), >, 0);
  g_assert_cmpint (vp_host_get_id (first), !=, vp_host_get_id (second));
  g_assert_true (g_str_has_prefix (vp_host_get_ref (first), "host-"));
  g_assert_true (g_str_has_prefix (vp_host_get_ref (second), "host-"));
  g_assert_cmpstr (vp_host_get_ref (first), !=, vp_host_get_ref (second));

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 4);
  stored = vp_snapshot_lookup_host (snapshot, vp_host_get_ref (first));
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_host_get_id (stored), ==, vp_host_get_id (first));
  g_assert_cmpstr (vp_host_get_name (stored), ==, "Science park");
  g_assert_cmpint (vp_host_get_kind (stored), ==, VP_HOST_KIND_RESEARCH);
  g_assert_cmpstr (vp_host_get_country (stored), ==, "LT");
}

/* The generated ref skips one that a host already has. */
static void
test_host_new_ref_unique (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpHost) taken = vp_host_new ();
  g_autoptr(VpHost) host = vp_host_new ();
  g_autoptr(GError) error = NULL;

  /* the programme has two hosts: "host-3" would come next */
  vp_host_set_name (taken, "Taken");
  vp_host_set_ref (taken, "host-3");
  g_assert_true (vp_store_save_host (fixture->store, id, taken, NULL, &error));
  g_assert_no_error (error);

  vp_host_set_name (host, "Generated");
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (vp_host_get_ref (host), "host-"));
  g_assert_cmpstr (vp_host_get_ref (host), !=, "host-3");
}

static void
test_host_update (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 row = vp_host_get_id (host);
  VpHost *stored;

  vp_host_set_name (host, "Host one, renamed");
  vp_host_set_notes (host, "Safety shoes");
  vp_host_set_max_group_size (host, 12);
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_host_get_id (host), ==, row);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 2);
  stored = vp_snapshot_lookup_host (snapshot, "h1");
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_host_get_id (stored), ==, row);
  g_assert_cmpstr (vp_host_get_name (stored), ==, "Host one, renamed");
  g_assert_cmpstr (vp_host_get_notes (stored), ==, "Safety shoes");
  g_assert_cmpint (vp_host_get_max_group_size (stored), ==, 12);
}

/* Sessions point at the row, not the ref: a new ref does not lose them. */
static void
test_host_update_keeps_sessions (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GError) error = NULL;

  vp_host_set_name (host, "Host one, renamed");
  vp_host_set_ref (host, "science-park");
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);

  session = vp_test_session_copy (fixture->store, id, "s1");
  g_assert_cmpstr (vp_session_get_host_ref (session), ==, "science-park");
}

static void
test_host_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *country = data;
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(GError) error = NULL;

  if (country != NULL)
    vp_host_set_country (host, country);
  else
    vp_host_set_name (host, "");
  g_assert_false (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
}

typedef void (*HostEdit) (VpHost *host);

static void
edit_host_email_two_at (VpHost *host)
{
  vp_host_set_contact_email (host, "info@@park.example.lt");
}

static void
edit_host_country_uk (VpHost *host)
{
  vp_host_set_country (host, "UK");
}

static void
edit_host_latitude (VpHost *host)
{
  vp_host_set_position (host, 90.5, 25.2797);
}

static void
edit_host_longitude (VpHost *host)
{
  vp_host_set_position (host, 54.6872, -180.01);
}

static void
edit_host_group_size (VpHost *host)
{
  vp_host_set_max_group_size (host, VP_VALUE_COUNT_MAX + 1);
}

/* What the rules of values refuse, the store refuses, naming the field,
 * for an update and for a new host; nothing stored changes. */
static void
test_host_value_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  HostEdit edit = (HostEdit)data;
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(VpHost) added = vp_host_new ();
  g_autoptr(GError) error = NULL;

  edit (host);
  g_assert_false (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  vp_host_set_name (added, "Not added");
  edit (added);
  g_assert_false (vp_store_save_host (fixture->store, id, added, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpint (vp_host_get_id (added), ==, 0);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
}

/* A host named only by spaces has no name. */
static void
test_host_blank_name (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(VpHost) added = vp_host_new ();
  g_autoptr(GError) error = NULL;

  vp_host_set_name (host, "   ");
  g_assert_false (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  vp_host_set_name (added, "\xE3\x80\x80");
  g_assert_false (vp_store_save_host (fixture->store, id, added, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpint (vp_host_get_id (added), ==, 0);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
}

/* A host row of another programme is not this programme's to update: the
 * save must say so instead of reporting a write that never happened. */
static void
test_host_other_programme (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 other = vp_test_import_document (fixture->store, other_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, other);
  g_autofree char *after = NULL;
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, other, "h1");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  vp_host_set_name (host, "Written through the wrong programme");
  saved = vp_store_save_host (fixture->store, id, host, NULL, &error);

  after = export_programme (fixture->store, other);
  assert_same_document (after, before);
  g_assert_false (saved);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
}

/* save_participant {{{1 */

static void
test_participant_new (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpParticipant *stored;
  VpTravelLeg *leg;
  VpStay *stay;

  vp_participant_set_name (participant, "Liisa");
  vp_participant_set_email (participant, "liisa@example.org");
  /* departs in Helsinki's zone, arrives in the programme's */
  vp_participant_add_travel_leg (participant,
                                 leg_new (VP_TRAVEL_KIND_FLIGHT, "2027-04-13T07:00:00",
                                          "Europe/Helsinki", "2027-04-13T08:30", NULL));
  vp_participant_add_stay (participant, stay_new ("Hotel", "2027-04-13", "2027-04-15"));

  g_assert_true (vp_store_save_participant (fixture->store, id, participant, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_participant_get_id (participant), >, 0);
  g_assert_nonnull (vp_participant_get_ref (participant));

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 4);
  stored = vp_snapshot_lookup_participant (snapshot, vp_participant_get_ref (participant));
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_participant_get_id (stored), ==, vp_participant_get_id (participant));
  g_assert_cmpstr (vp_participant_get_email (stored), ==, "liisa@example.org");

  g_assert_cmpuint (vp_participant_get_travel (stored)->len, ==, 1);
  leg = g_ptr_array_index (vp_participant_get_travel (stored), 0);
  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_FLIGHT);
  g_assert_cmpstr (leg->depart, ==, "2027-04-13T07:00");
  g_assert_cmpstr (leg->depart_timezone, ==, "Europe/Helsinki");
  g_assert_null (leg->arrive_timezone);
  g_assert_cmpint (leg->depart_utc, ==, instant ("2027-04-13T07:00", "Europe/Helsinki"));
  g_assert_cmpint (leg->arrive_utc, ==, instant ("2027-04-13T08:30", "Europe/Vilnius"));

  g_assert_cmpuint (vp_participant_get_accommodation (stored)->len, ==, 1);
  stay = g_ptr_array_index (vp_participant_get_accommodation (stored), 0);
  g_assert_cmpstr (stay->name, ==, "Hotel");
  g_assert_cmpstr (stay->check_in, ==, "2027-04-13");
  g_assert_cmpstr (stay->check_out, ==, "2027-04-15");
}

static void
test_participant_update (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpParticipant) participant = participant_replacing (fixture->store, id, "p1");
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 row = vp_participant_get_id (participant);
  VpParticipant *stored;
  GPtrArray *travel;
  VpTravelLeg *leg;

  vp_participant_set_name (participant, "Aino K.");
  vp_participant_add_travel_leg (participant,
                                 leg_new (VP_TRAVEL_KIND_BUS, "2027-04-13T06:00", NULL,
                                          "2027-04-13T09:00", NULL));
  vp_participant_add_travel_leg (participant,
                                 leg_new (VP_TRAVEL_KIND_BUS, "2027-04-16T15:00", NULL,
                                          "2027-04-16T18:00", NULL));
  g_assert_true (vp_store_save_participant (fixture->store, id, participant, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_participant_get_id (participant), ==, row);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 3);
  stored = vp_snapshot_lookup_participant (snapshot, "p1");
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_participant_get_id (stored), ==, row);
  g_assert_cmpstr (vp_participant_get_name (stored), ==, "Aino K.");

  /* the two legs replace the train and the flight; no stay is left */
  travel = vp_participant_get_travel (stored);
  g_assert_cmpuint (travel->len, ==, 2);
  leg = g_ptr_array_index (travel, 0);
  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_BUS);
  g_assert_cmpstr (leg->depart, ==, "2027-04-13T06:00");
  g_assert_cmpint (leg->depart_utc, ==, instant ("2027-04-13T06:00", "Europe/Vilnius"));
  leg = g_ptr_array_index (travel, 1);
  g_assert_cmpstr (leg->depart, ==, "2027-04-16T15:00");
  g_assert_cmpuint (vp_participant_get_accommodation (stored)->len, ==, 0);

  /* and the participant still attends */
  g_assert_true (g_ptr_array_find_with_equal_func (
    vp_session_get_attendees (vp_snapshot_lookup_session (snapshot, "s1")), "p1", g_str_equal, NULL));
}

typedef void (*ParticipantEdit) (VpParticipant *participant);

/* 03:00 → 04:00 in Helsinki on 2027-03-28. */
static void
edit_skipped_departure (VpParticipant *participant)
{
  vp_participant_add_travel_leg (participant,
                                 leg_new (VP_TRAVEL_KIND_TRAIN, "2027-03-28T03:30", "Europe/Helsinki",
                                          "2027-03-28T06:00", "Europe/Helsinki"));
}

/* Arrives 09:00 in Helsinki, before departing 09:30 in Vilnius (same offset). */
static void
edit_arrive_before_depart (VpParticipant *participant)
{
  vp_participant_add_travel_leg (participant,
                                 leg_new (VP_TRAVEL_KIND_FLIGHT, "2027-04-13T09:30", NULL,
                                          "2027-04-13T09:00", "Europe/Helsinki"));
}

static void
edit_blank_name (VpParticipant *participant)
{
  vp_participant_set_name (participant, " \n ");
}

static void
edit_bad_email (VpParticipant *participant)
{
  vp_participant_set_email (participant, "aino.example.org");
}

static void
edit_email_no_dot (VpParticipant *participant)
{
  vp_participant_set_email (participant, "aino@example");
}

static void
edit_email_space (VpParticipant *participant)
{
  vp_participant_set_email (participant, "aino makela@example.fi");
}

static void
edit_email_two_at (VpParticipant *participant)
{
  vp_participant_set_email (participant, "aino@makela@example.fi");
}

static void
edit_country_gb_written_uk (VpParticipant *participant)
{
  vp_participant_set_country (participant, "UK");
}

static void
edit_check_out_same_day (VpParticipant *participant)
{
  vp_participant_add_stay (participant, stay_new ("Hotel", "2027-04-14", "2027-04-14"));
}

static void
edit_check_out_before_check_in (VpParticipant *participant)
{
  vp_participant_add_stay (participant, stay_new ("Hotel", "2027-04-14", "2027-04-13"));
}

static void
assert_participant_refused (Fixture         *fixture,
                            ParticipantEdit  edit,
                            GQuark           domain,
                            int              code,
                            const char      *field)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpParticipant) participant = participant_replacing (fixture->store, id, "p1");
  g_autoptr(VpParticipant) added = vp_participant_new ();
  g_autoptr(GError) error = NULL;

  /* an update that would drop Aino's legs and stays must keep them */
  vp_participant_set_name (participant, "Not stored");
  edit (participant);
  g_assert_false (vp_store_save_participant (fixture->store, id, participant, NULL, &error));
  g_assert_error (error, domain, code);
  if (error != NULL && field != NULL)
    g_assert_nonnull (strstr (error->message, field));

  /* and a new participant is not added */
  g_clear_error (&error);
  vp_participant_set_name (added, "Not added");
  edit (added);
  g_assert_false (vp_store_save_participant (fixture->store, id, added, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (vp_participant_get_id (added), ==, 0);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
}

static void
test_participant_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_participant_refused (fixture, (ParticipantEdit)data, VP_STORE_ERROR,
                              VP_STORE_ERROR_INVALID, NULL);
}

/* The store refuses what the rules of values refuse, naming the field. */
static void
test_participant_value_refused (Fixture       *fixture,
                                gconstpointer  data)
{
  assert_participant_refused (fixture, (ParticipantEdit)data, VP_STORE_ERROR,
                              VP_STORE_ERROR_INVALID, NULL);
}

static void
test_participant_skipped_time (Fixture       *fixture,
                               gconstpointer  data)
{
  assert_participant_refused (fixture, edit_skipped_departure, VP_TIME_ERROR,
                              VP_TIME_ERROR_SKIPPED, "Departure");
}

/* Saving into one programme must not touch a participant of another, even
 * when the object carries that participant's row id. */
static void
test_participant_other_programme (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 other = vp_test_import_document (fixture->store, other_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, other);
  g_autofree char *after = NULL;
  g_autoptr(VpParticipant) participant = participant_replacing (fixture->store, other, "p1");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  vp_participant_set_name (participant, "Written through the wrong programme");
  saved = vp_store_save_participant (fixture->store, id, participant, NULL, &error);

  after = export_programme (fixture->store, other);
  assert_same_document (after, before);
  g_assert_false (saved);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
}

/* save_session {{{1 */

static void
test_session_new (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSession) session = vp_session_new ();
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpSession *stored;

  vp_session_set_title (session, "Lunch");
  vp_session_set_kind (session, VP_SESSION_KIND_MEAL);
  vp_session_set_start (session, "2027-04-14T12:00");
  vp_session_set_end (session, "2027-04-14T13:00:00");
  vp_session_set_host_ref (session, "h2");

  g_assert_true (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_session_get_id (session), >, 0);
  g_assert_nonnull (vp_session_get_uid (session));
  g_assert_nonnull (vp_session_get_ref (session));
  g_assert_cmpint (vp_session_get_revision (session), ==, 0);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 5);
  stored = vp_snapshot_lookup_session_by_uid (snapshot, vp_session_get_uid (session));
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_session_get_id (stored), ==, vp_session_get_id (session));
  g_assert_cmpstr (vp_session_get_ref (stored), ==, vp_session_get_ref (session));
  g_assert_cmpint (vp_session_get_revision (stored), ==, 0);
  g_assert_cmpstr (vp_session_get_end (stored), ==, "2027-04-14T13:00");
  g_assert_cmpstr (vp_session_get_host_ref (stored), ==, "h2");
  g_assert_cmpint (vp_session_get_start_utc (stored), ==,
                   instant ("2027-04-14T12:00", "Europe/Vilnius"));
  g_assert_cmpint (vp_session_get_end_utc (stored), ==,
                   instant ("2027-04-14T13:00", "Europe/Vilnius"));
  g_assert_true (vp_session_get_attendees_all (stored));
}

typedef void (*SessionEdit) (VpSession *session);

static void
edit_start (VpSession *session)
{
  vp_session_set_start (session, "2027-04-13T10:30");
}

static void
edit_title (VpSession *session)
{
  vp_session_set_title (session, "One, moved");
}

static void
edit_host (VpSession *session)
{
  vp_session_set_host_ref (session, "h2");
}

static void
edit_attendees (VpSession *session)
{
  vp_session_clear_attendees (session);
  vp_session_add_attendee (session, "p1");
}

static void
edit_status (VpSession *session)
{
  vp_session_set_status (session, VP_SESSION_STATUS_TENTATIVE);
}

static void
edit_location (VpSession *session)
{
  vp_session_set_location (session, "Other hall");
}

static void
edit_description (VpSession *session)
{
  vp_session_set_description (session, "About something else");
}

/* Helsinki keeps Vilnius's offset: only the zone a calendar names changes. */
static void
edit_zone (VpSession *session)
{
  vp_session_set_timezone (session, "Europe/Helsinki");
}

static void
edit_capacity (VpSession *session)
{
  vp_session_set_capacity (session, 25);
}

static void
edit_kind (VpSession *session)
{
  vp_session_set_kind (session, VP_SESSION_KIND_WORKSHOP);
}

/* Saves s1 (stored revision 2, last changed at second 1) after @edit; returns
 * the saved copy, the stored row in @stored. */
static VpSession *
save_edited_s1 (Fixture      *fixture,
                SessionEdit   edit,
                VpSession   **stored)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSession) session = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  vp_test_sql_exec (fixture->path, "UPDATE sessions SET modified_at = 1 WHERE uid = 'uid-1'");
  session = vp_test_session_copy (fixture->store, id, "s1");
  g_assert_cmpint (vp_session_get_revision (session), ==, 2);
  g_assert_cmpint (vp_session_get_modified_at (session), ==, 1);

  edit (session);
  g_assert_true (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_no_error (error);

  snapshot = vp_test_load (fixture->store, id);
  *stored = g_object_ref (vp_snapshot_lookup_session (snapshot, "s1"));
  return g_steal_pointer (&session);
}

static void
test_session_revision_raised (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(VpSession) stored = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(VpSession) session = save_edited_s1 (fixture, (SessionEdit)data, &stored);

  g_assert_cmpint (vp_session_get_revision (session), ==, 3);
  g_assert_cmpint (vp_session_get_revision (stored), ==, 3);
  g_assert_cmpint (vp_session_get_modified_at (stored), >=, before);
}

static void
test_session_revision_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VpSession) stored = NULL;
  g_autoptr(VpSession) session = save_edited_s1 (fixture, (SessionEdit)data, &stored);

  g_assert_cmpint (vp_session_get_revision (session), ==, 2);
  g_assert_cmpint (vp_session_get_revision (stored), ==, 2);
  g_assert_cmpint (vp_session_get_modified_at (stored), ==, 1);
}

/* The edit itself is stored, too. */
static void
test_session_update_stored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VpSession) stored = NULL;
  g_autoptr(VpSession) session = save_edited_s1 (fixture, edit_start, &stored);

  g_assert_cmpint (vp_session_get_id (stored), ==, vp_session_get_id (session));
  g_assert_cmpstr (vp_session_get_uid (stored), ==, "uid-1");
  g_assert_cmpstr (vp_session_get_start (stored), ==, "2027-04-13T10:30");
  g_assert_cmpint (vp_session_get_start_utc (stored), ==,
                   instant ("2027-04-13T10:30", "Europe/Vilnius"));
}

static void
edit_skipped_start (VpSession *session)
{
  vp_session_set_timezone (session, "Europe/Helsinki");
  vp_session_set_start (session, "2027-03-28T03:30");
  vp_session_set_end (session, "2027-03-28T05:00");
}

static void
edit_end_before_start_session (VpSession *session)
{
  vp_session_set_end (session, "2027-04-13T09:00");
}

static void
edit_unknown_host (VpSession *session)
{
  vp_session_set_host_ref (session, "h9");
}

static void
edit_unknown_attendee (VpSession *session)
{
  vp_session_add_attendee (session, "p9");
}

static void
edit_capacity_too_large (VpSession *session)
{
  vp_session_set_capacity (session, VP_VALUE_COUNT_MAX + 1);
}

static void
edit_blank_title_session (VpSession *session)
{
  vp_session_set_title (session, "\t \xC2\xA0");
}

typedef struct
{
  SessionEdit  edit;
  GQuark     (*domain) (void);
  int          code;
} SessionRefusal;

static const SessionRefusal refuse_skipped = { edit_skipped_start, vp_time_error_quark,
                                               VP_TIME_ERROR_SKIPPED };
static const SessionRefusal refuse_end_before_start = { edit_end_before_start_session,
                                                        vp_store_error_quark,
                                                        VP_STORE_ERROR_INVALID };
static const SessionRefusal refuse_unknown_host = { edit_unknown_host, vp_store_error_quark,
                                                    VP_STORE_ERROR_INVALID };
static const SessionRefusal refuse_unknown_attendee = { edit_unknown_attendee,
                                                        vp_store_error_quark,
                                                        VP_STORE_ERROR_INVALID };
static const SessionRefusal refuse_capacity = { edit_capacity_too_large, vp_store_error_quark,
                                                VP_STORE_ERROR_INVALID };
static const SessionRefusal refuse_blank_title = { edit_blank_title_session, vp_store_error_quark,
                                                   VP_STORE_ERROR_INVALID };

/* Refused as an update of s1 and as a new session; nothing stored changes. */
static void
test_session_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  const SessionRefusal *refusal = data;
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, id);
  g_autofree char *after = NULL;
  g_autoptr(VpSession) session = vp_test_session_copy (fixture->store, id, "s1");
  g_autoptr(VpSession) added = vp_session_copy (session);
  g_autoptr(GError) error = NULL;

  vp_session_set_title (session, "Not stored");
  refusal->edit (session);
  g_assert_false (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_error (error, refusal->domain (), refusal->code);
  g_clear_error (&error);

  vp_session_set_id (added, 0);
  vp_session_set_uid (added, NULL);
  vp_session_set_ref (added, NULL);
  refusal->edit (added);
  g_assert_false (vp_store_save_session (fixture->store, id, added, NULL, &error));
  g_assert_error (error, refusal->domain (), refusal->code);
  g_assert_cmpint (vp_session_get_id (added), ==, 0);

  after = export_programme (fixture->store, id);
  assert_same_document (after, before);
}

static void
test_session_attendee_order (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSession) session = vp_session_new ();
  g_autoptr(VpSession) stored = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *attendees;

  vp_session_set_title (session, "Dinner");
  vp_session_set_start (session, "2027-04-14T19:00");
  vp_session_set_end (session, "2027-04-14T21:00");
  vp_session_set_attendees_all (session, FALSE);
  vp_session_add_attendee (session, "p3");
  vp_session_add_attendee (session, "p1");
  vp_session_add_attendee (session, "p2");
  g_assert_true (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_no_error (error);

  stored = vp_test_session_copy (fixture->store, id, vp_session_get_ref (session));
  g_assert_false (vp_session_get_attendees_all (stored));
  attendees = vp_session_get_attendees (stored);
  g_assert_cmpuint (attendees->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p3");
  g_assert_cmpstr (g_ptr_array_index (attendees, 1), ==, "p1");
  g_assert_cmpstr (g_ptr_array_index (attendees, 2), ==, "p2");
}

/* A save that keeps a session's attendees leaves their attendance rows as
 * they are (a title changed: nothing else to write); one that changes them
 * or their order writes them. */
static void
test_session_attendances_stay (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSession) read = vp_test_session_copy (fixture->store, id, "s1");
  g_autoptr(VpSession) session = vp_session_copy (read);
  g_autoptr(VpSession) reordered = NULL;
  g_autoptr(VpSession) stored = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *attendees;

  /* every attendance row written from now on is counted */
  vp_test_sql_exec (fixture->path,
                    "CREATE TABLE attendance_writes (n INTEGER);"
                    "CREATE TRIGGER attendance_inserted AFTER INSERT ON attendances "
                    "BEGIN INSERT INTO attendance_writes VALUES (1); END;"
                    "CREATE TRIGGER attendance_deleted AFTER DELETE ON attendances "
                    "BEGIN INSERT INTO attendance_writes VALUES (1); END;");

  vp_session_set_title (session, "One, renamed");
  g_assert_true (vp_store_save_session (fixture->store, id, session, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendance_writes"), ==,
                   0);
  stored = vp_test_session_copy (fixture->store, id, "s1");
  g_assert_cmpstr (vp_session_get_title (stored), ==, "One, renamed");
  g_assert_cmpuint (vp_session_get_attendees (stored)->len, ==, 2);

  /* the same people in another order: written again, in that order */
  reordered = vp_session_copy (stored);
  vp_session_clear_attendees (reordered);
  vp_session_add_attendee (reordered, "p2");
  vp_session_add_attendee (reordered, "p1");
  g_assert_true (vp_store_save_session (fixture->store, id, reordered, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendance_writes"), >,
                   0);
  g_clear_object (&stored);
  stored = vp_test_session_copy (fixture->store, id, "s1");
  attendees = vp_session_get_attendees (stored);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p2");
  g_assert_cmpstr (g_ptr_array_index (attendees, 1), ==, "p1");
}

/* A window's store flushes its commits to the disk in a thread: a save is
 * kept all the same when the program is killed (kill -9) the moment the
 * save returns, and vp_store_wait_for_disk() returns once every commit is
 * flushed. */
static void
test_session_sync_in_background (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpStore) reopened = NULL;
  g_autoptr(VpSession) stored = NULL;
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      VpStore *store = vp_store_new (fixture->path, NULL);
      VpSession *read;
      VpSession *edited;

      if (store == NULL)
        _exit (2);
      vp_store_sync_in_background (store);
      read = vp_test_session_copy (store, id, "s1");
      edited = vp_session_copy (read);
      vp_session_set_title (edited, "Saved before the kill");
      if (!vp_store_save_session (store, id, edited, read, NULL))
        _exit (3);
      kill (getpid (), SIGKILL);
      _exit (4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  reopened = vp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  stored = vp_test_session_copy (reopened, id, "s1");
  g_assert_cmpstr (vp_session_get_title (stored), ==, "Saved before the kill");

  /* in this process: every commit flushed when the wait returns */
  vp_store_sync_in_background (reopened);
  session = vp_session_copy (stored);
  vp_session_set_title (session, "Flushed");
  g_assert_true (vp_store_save_session (reopened, id, session, stored, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_wait_for_disk (reopened));
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                                    "SELECT count(*) FROM sessions WHERE title = 'Flushed'"), ==,
                   1);
}

/* The same through a symbolic link to the database: SQLite names its WAL
 * after the file the link leads to, and that is the file flushed. */
static void
test_session_sync_through_link (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *link = g_build_filename (dir, "linked.db", NULL);
  g_autoptr(VpStore) linked = NULL;
  g_autoptr(VpSession) read = NULL;
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (fixture->path, link), ==, 0);
  linked = vp_store_new (link, &error);
  g_assert_no_error (error);
  vp_store_sync_in_background (linked);

  read = vp_test_session_copy (linked, id, "s1");
  session = vp_session_copy (read);
  vp_session_set_title (session, "Through the link");
  g_assert_true (vp_store_save_session (linked, id, session, read, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_wait_for_disk (linked));

  g_clear_object (&linked);
  g_unlink (link);
}

/* Deleting {{{1 */

static void
test_delete_hosts (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 ids[] = { host_id (fixture->store, id, "h1") };
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpSession *session;

  g_assert_true (vp_store_delete_hosts (fixture->store, id, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 1);
  g_assert_null (vp_snapshot_lookup_host (snapshot, "h1"));
  session = vp_snapshot_lookup_session (snapshot, "s1");
  g_assert_nonnull (session);
  g_assert_null (vp_session_get_host_ref (session));
  g_assert_cmpstr (vp_session_get_host_ref (vp_snapshot_lookup_session (snapshot, "s2")), ==, "h2");
}

static void
test_delete_participants (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 ids[] = { participant_id (fixture->store, id, "p1"), participant_id (fixture->store, id, "p2") };
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpSession *session;

  g_assert_true (vp_store_delete_participants (fixture->store, id, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 1);
  g_assert_nonnull (vp_snapshot_lookup_participant (snapshot, "p3"));
  session = vp_snapshot_lookup_session (snapshot, "s1");
  g_assert_nonnull (session);
  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendances"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM travel_legs"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM stays"), ==, 0);
}

static void
test_delete_sessions (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 ids[] = { session_id (fixture->store, id, "s1"), session_id (fixture->store, id, "s3") };
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_store_delete_sessions (fixture->store, id, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 2);
  g_assert_null (vp_snapshot_lookup_session (snapshot, "s1"));
  g_assert_null (vp_snapshot_lookup_session (snapshot, "s3"));
  g_assert_nonnull (vp_snapshot_lookup_session (snapshot, "s2"));
  /* s1's attendances went with it; s2's stay */
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendances"), ==, 1);
}

/* A session's host is part of its calendar event: losing it is a change
 * (programme-format.md), and raises the revision. */
static void
test_delete_hosts_revision (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 ids[] = { host_id (fixture->store, id, "h1") };
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_store_delete_hosts (fixture->store, id, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  session = vp_test_session_copy (fixture->store, id, "s1");
  g_assert_null (vp_session_get_host_ref (session));
  g_assert_cmpint (vp_session_get_revision (session), ==, 3);
}

/* So are its listed attendees. */
static void
test_delete_participants_revision (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 ids[] = { participant_id (fixture->store, id, "p2") };
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_store_delete_participants (fixture->store, id, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);

  session = vp_test_session_copy (fixture->store, id, "s1");
  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 1);
  g_assert_cmpint (vp_session_get_revision (session), ==, 3);
}

static void
test_delete_other_programme (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 other = vp_test_import_document (fixture->store, other_document, VP_STORE_IMPORT_NONE);
  g_autofree char *before = export_programme (fixture->store, other);
  g_autofree char *after = NULL;
  gint64 hosts[] = { host_id (fixture->store, other, "h1") };
  gint64 participants[] = { participant_id (fixture->store, other, "p1") };
  gint64 sessions[] = { session_id (fixture->store, other, "s2") };
  g_autoptr(GError) error = NULL;

  vp_store_delete_hosts (fixture->store, id, hosts, 1, &error);
  g_assert_no_error (error);
  vp_store_delete_participants (fixture->store, id, participants, 1, &error);
  g_assert_no_error (error);
  vp_store_delete_sessions (fixture->store, id, sessions, 1, &error);
  g_assert_no_error (error);

  after = export_programme (fixture->store, other);
  assert_same_document (after, before);
}

/* Undo {{{1 */

/* Deletes two participants with their attendances and a session, then
 * restores; returns the snapshot taken before. */
static VpSnapshot *
delete_then_restore (Fixture *fixture,
                     gint64  *id)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 participants[2];
  gint64 sessions[1];

  *id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  snapshot = vp_test_load (fixture->store, *id);
  participants[0] = participant_id (fixture->store, *id, "p1");
  participants[1] = participant_id (fixture->store, *id, "p2");
  sessions[0] = session_id (fixture->store, *id, "s2");

  g_assert_true (vp_store_delete_participants (fixture->store, *id, participants, 2, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_delete_sessions (fixture->store, *id, sessions, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendances"), ==, 0);

  g_assert_true (vp_store_restore_snapshot (fixture->store, snapshot,
                                            vp_store_get_change_count (fixture->store), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&snapshot);
}

/* The programme comes back as it was, but for one thing: s2, deleted, was
 * withdrawn from its calendars with a cancellation of SEQUENCE 2 (its
 * revision was 1 after its attendee was deleted), so it comes back above
 * that, or clients that got the cancellation would keep it. */
static void
test_restore_document (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = 0;
  g_autoptr(VpSnapshot) snapshot = delete_then_restore (fixture, &id);
  g_autoptr(VpSession) s2 = vp_test_session_copy (fixture->store, id, "s2");
  g_autofree char *before = NULL;
  g_autofree char *after = export_programme (fixture->store, id);

  g_assert_cmpint (vp_session_get_revision (s2), ==, 3);
  vp_session_set_revision (vp_snapshot_lookup_session (snapshot, "s2"), 3);
  before = vp_test_write_document (snapshot);
  assert_same_document (after, before);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM withdrawals"), ==, 0);
}

static void
test_restore_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = 0;
  g_autoptr(VpSnapshot) snapshot = delete_then_restore (fixture, &id);
  g_autoptr(VpSnapshot) restored = vp_test_load (fixture->store, id);
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  g_assert_cmpint (vp_programme_get_id (vp_snapshot_get_programme (restored)), ==,
                   vp_programme_get_id (vp_snapshot_get_programme (snapshot)));
  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);
      VpHost *now = vp_snapshot_lookup_host (restored, vp_host_get_ref (host));

      g_assert_nonnull (now);
      g_assert_cmpint (vp_host_get_id (now), ==, vp_host_get_id (host));
    }
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      VpParticipant *now = vp_snapshot_lookup_participant (restored,
                                                           vp_participant_get_ref (participant));

      g_assert_nonnull (now);
      g_assert_cmpint (vp_participant_get_id (now), ==, vp_participant_get_id (participant));
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpSession *now = vp_snapshot_lookup_session (restored, vp_session_get_ref (session));

      g_assert_nonnull (now);
      g_assert_cmpint (vp_session_get_id (now), ==, vp_session_get_id (session));
      /* a session that comes back unchanged keeps the time of its last
       * change; one raised above its cancellation (s2) is changed now */
      if (vp_session_get_revision (now) == vp_session_get_revision (session))
        g_assert_cmpint (vp_session_get_modified_at (now), ==,
                         vp_session_get_modified_at (session));
      else
        g_assert_cmpint (vp_session_get_modified_at (now), >=,
                         vp_session_get_modified_at (session));
    }
}

static void
test_restore_deleted_programme (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  g_autoptr(VpSnapshot) restored = NULL;
  g_autofree char *before = vp_test_write_document (snapshot);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_store_delete_programme (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 0);

  g_assert_true (vp_store_restore_snapshot (fixture->store, snapshot,
                                            vp_store_get_change_count (fixture->store), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  g_assert_cmpint (vp_store_find_programme (fixture->store, "prog-1", &error), ==, id);
  g_assert_no_error (error);
  restored = vp_test_load (fixture->store, id);
  g_assert_cmpstr (vp_programme_get_uid (vp_snapshot_get_programme (restored)), ==, "prog-1");
  after = vp_test_write_document (restored);
  assert_same_document (after, before);
}

/* Undoing the deletion of a programme brings back what it had withdrawn
 * from calendars, so that the next files still cancel it. */
static void
test_restore_deleted_programme_withdrawals (Fixture       *fixture,
                                            gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpParticipant) aino = vp_test_participant_copy (fixture->store, id, "p1");
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpSnapshot) restored = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *withdrawals;
  VpWithdrawal *withdrawal;

  /* her train is withdrawn from her calendar */
  g_ptr_array_remove_index (vp_participant_get_travel (aino), 0);
  g_assert_true (vp_store_save_participant (fixture->store, id, aino, NULL, &error));
  g_assert_no_error (error);
  snapshot = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_snapshot_get_withdrawals (snapshot)->len, ==, 1);

  g_assert_true (vp_store_delete_programme (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM withdrawals"), ==, 0);
  g_assert_true (vp_store_restore_snapshot (fixture->store, snapshot,
                                            vp_store_get_change_count (fixture->store), &error));
  g_assert_no_error (error);

  restored = vp_test_load (fixture->store, id);
  withdrawals = vp_snapshot_get_withdrawals (restored);
  g_assert_cmpuint (withdrawals->len, ==, 1);
  if (withdrawals->len != 1)
    return;
  withdrawal = g_ptr_array_index (withdrawals, 0);
  g_assert_cmpint (withdrawal->owner, ==, VP_WITHDRAWAL_PARTICIPANT);
  g_assert_cmpstr (withdrawal->owner_ref, ==, "p1");
  g_assert_nonnull (withdrawal->leg);
  g_assert_cmpint (withdrawal->sequence, ==, 1);
  g_assert_cmpint (withdrawal->withdrawn_at, ==,
                   ((VpWithdrawal *)g_ptr_array_index (vp_snapshot_get_withdrawals (snapshot), 0))->withdrawn_at);
}

/* Duplicating {{{1 */

static gint64
duplicate (Fixture    *fixture,
           const char *document,
           const char *start_date,
           gint64     *source)
{
  g_autoptr(GError) error = NULL;
  gint64 copy;

  *source = vp_test_import_document (fixture->store, document, VP_STORE_IMPORT_NONE);
  copy = vp_store_duplicate_programme (fixture->store, *source, start_date, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 0);
  g_assert_cmpint (copy, !=, *source);
  return copy;
}

static void
test_duplicate_programme (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, base_document, "2027-05-03", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);

  g_assert_nonnull (vp_programme_get_uid (programme));
  g_assert_cmpstr (vp_programme_get_uid (programme), !=, "prog-1");
  g_assert_cmpint (vp_programme_get_status (programme), ==, VP_PROGRAMME_STATUS_DRAFT);
  g_assert_cmpstr (vp_programme_get_title (programme), ==, "Visit prog-1");
  g_assert_cmpstr (vp_programme_get_start_date (programme), ==, "2027-05-03");
  g_assert_cmpstr (vp_programme_get_end_date (programme), ==, "2027-05-06");
  g_assert_cmpuint (count_programmes (fixture->store), ==, 2);
}

static void
test_duplicate_hosts (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, base_document, "2027-05-03", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  VpHost *host = vp_snapshot_lookup_host (snapshot, "h1");

  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 2);
  g_assert_nonnull (host);
  g_assert_cmpstr (vp_host_get_name (host), ==, "Host one");
  g_assert_cmpint (vp_host_get_id (host), !=, host_id (fixture->store, source, "h1"));
  g_assert_cmpstr (vp_session_get_host_ref (vp_snapshot_lookup_session (snapshot, "s1")), ==, "h1");
}

static void
test_duplicate_sessions (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, base_document, "2027-05-03", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s1");

  g_assert_cmpuint (sessions->len, ==, 3);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *each = g_ptr_array_index (sessions, i);

      g_assert_false (g_str_has_prefix (vp_session_get_uid (each), "uid-"));
      g_assert_cmpint (vp_session_get_revision (each), ==, 0);
      g_assert_true (vp_session_get_attendees_all (each));
    }

  /* 20 days later, same wall times */
  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_title (session), ==, "One");
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-05-03T10:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-05-03T11:00");
  g_assert_cmpint (vp_session_get_start_utc (session), ==,
                   instant ("2027-05-03T10:00", "Europe/Vilnius"));
  g_assert_cmpstr (vp_session_get_start (vp_snapshot_lookup_session (snapshot, "s3")), ==,
                   "2027-05-05T10:00");
}

/* Moved from winter into summer time, 10:00 stays 10:00 on the clock. */
static void
test_duplicate_across_dst (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, winter_document, "2027-04-12", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "w1");

  g_assert_cmpstr (vp_programme_get_end_date (vp_snapshot_get_programme (snapshot)), ==,
                   "2027-04-14");
  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-13T10:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T11:30");
  g_assert_cmpint (vp_session_get_start_utc (session), ==,
                   instant ("2027-04-13T10:00", "Europe/Vilnius"));
  g_assert_cmpint (vp_session_get_end_utc (session), ==,
                   instant ("2027-04-13T11:30", "Europe/Vilnius"));
}

static void
test_duplicate_no_participants (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, base_document, "2027-05-03", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  g_autoptr(VpSnapshot) original = vp_test_load (fixture->store, source);

  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (original)->len, ==, 3);
}

static void
test_duplicate_no_cancelled (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 source = 0;
  gint64 copy = duplicate (fixture, base_document, "2027-05-03", &source);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, copy);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  g_assert_null (vp_snapshot_lookup_session (snapshot, "s4"));
  for (guint i = 0; i < sessions->len; i++)
    g_assert_cmpint (vp_session_get_status (g_ptr_array_index (sessions, i)), !=,
                     VP_SESSION_STATUS_CANCELLED);
}

static void
test_duplicate_bad_date (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vp_store_duplicate_programme (fixture->store, id, "2027-02-30", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vp_store_duplicate_programme (fixture->store, id, "3 May 2027", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
}

/* Change count {{{1 */

static void
test_change_count_own_writes (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, id, "h1");
  g_autoptr(VpSession) session = vp_test_session_copy (fixture->store, id, "s1");
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { participant_id (fixture->store, id, "p3") };
  gint64 counts[4];

  counts[0] = vp_store_get_change_count (fixture->store);
  /* reading changes nothing */
  g_assert_cmpint (vp_store_get_change_count (fixture->store), ==, counts[0]);

  vp_host_set_name (host, "Renamed");
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);
  counts[1] = vp_store_get_change_count (fixture->store);

  vp_session_set_title (session, "Renamed");
  g_assert_true (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_no_error (error);
  counts[2] = vp_store_get_change_count (fixture->store);

  g_assert_true (vp_store_delete_participants (fixture->store, id, ids, 1, &error));
  g_assert_no_error (error);
  counts[3] = vp_store_get_change_count (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (counts); j++)
      g_assert_cmpint (counts[i], !=, counts[j]);
}

static void
test_change_count_other_store (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before;

  other = vp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  before = vp_store_get_change_count (fixture->store);

  host = vp_test_host_copy (other, id, "h1");
  vp_host_set_name (host, "Renamed elsewhere");
  g_assert_true (vp_store_save_host (other, id, host, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vp_store_get_change_count (fixture->store), !=, before);
}

/* Taking back an addition deletes the row only while nothing was written
 * since the undo looked at it: after another program's write, the row and
 * that write both stay. */
static void
test_delete_row_since (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 other_id = vp_test_import_document (fixture->store, other_document,
                                             VP_STORE_IMPORT_NONE);
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sessions = vp_test_sql_int (fixture->path, "SELECT count(*) FROM sessions");
  gint64 sessions_other = g_list_model_get_n_items (vp_store_get_sessions (fixture->store,
                                                                          other_id));
  gint64 looked;

  looked = vp_store_get_change_count (fixture->store);
  other = vp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  host = vp_test_host_copy (other, id, "h2");
  vp_host_set_name (host, "Renamed elsewhere");
  g_assert_true (vp_store_save_host (other, id, host, NULL, &error));
  g_assert_no_error (error);

  /* a session, a host, a programme: each refused, each still there */
  g_assert_false (vp_store_delete_row_since (fixture->store, id, VP_TYPE_SESSION,
                                             session_id (fixture->store, id, "s1"), looked,
                                             &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (vp_store_delete_row_since (fixture->store, id, VP_TYPE_HOST,
                                             host_id (fixture->store, id, "h1"), looked, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (vp_store_delete_row_since (fixture->store, other_id, VP_TYPE_PROGRAMME,
                                             other_id, looked, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM programmes"), ==, 2);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM sessions"), ==,
                   sessions);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM hosts WHERE name = 'Renamed elsewhere'"), ==, 1);

  /* looked at again, nothing since: each goes */
  looked = vp_store_get_change_count (fixture->store);
  g_assert_true (vp_store_delete_row_since (fixture->store, id, VP_TYPE_SESSION,
                                            session_id (fixture->store, id, "s1"), looked,
                                            &error));
  g_assert_no_error (error);
  looked = vp_store_get_change_count (fixture->store);
  g_assert_true (vp_store_delete_row_since (fixture->store, id, VP_TYPE_HOST,
                                            host_id (fixture->store, id, "h1"), looked, &error));
  g_assert_no_error (error);
  looked = vp_store_get_change_count (fixture->store);
  g_assert_true (vp_store_delete_row_since (fixture->store, other_id, VP_TYPE_PROGRAMME,
                                            other_id, looked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM programmes"), ==, 1);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM sessions"), ==,
                   sessions - 1 - sessions_other);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM hosts WHERE "
                                    "ref = 'h1'"), ==, 0);
}

/* An undo offered before another program wrote is refused, in the
 * transaction that would write: the other program's change stays. */
static void
test_restore_after_change_elsewhere (Fixture       *fixture,
                                     gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offered;

  g_assert_true (vp_store_delete_participants (fixture->store, id,
                                               (gint64[]) { participant_id (fixture->store, id,
                                                                            "p1") },
                                               1, &error));
  g_assert_no_error (error);
  offered = vp_store_get_change_count (fixture->store);

  other = vp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  host = vp_test_host_copy (other, id, "h1");
  vp_host_set_name (host, "Renamed elsewhere");
  g_assert_true (vp_store_save_host (other, id, host, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (vp_store_restore_snapshot (fixture->store, snapshot, offered, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM hosts WHERE name = 'Renamed elsewhere'"), ==, 1);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM participants WHERE ref = 'p1'"), ==, 0);
}

typedef struct
{
  VpStore    *store;
  VpSnapshot *snapshot;
  gint64      offered;
  GError     *error;
  gboolean    restored;
} RestoreJob;

static gpointer
restore_in_thread (gpointer data)
{
  RestoreJob *job = data;

  job->restored = vp_store_restore_snapshot (job->store, job->snapshot, job->offered, &job->error);
  return NULL;
}

/* The check is made under the write lock: a restore that waits for another
 * writer's lock sees that writer's change when it gets the lock, and
 * refuses, rather than checking first and then writing over it. */
static void
test_restore_waits_then_refuses (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  RestoreJob job = { fixture->store, snapshot, 0, NULL, FALSE };
  GThread *thread;
  sqlite3 *db = NULL;

  g_assert_true (vp_store_delete_participants (fixture->store, id,
                                               (gint64[]) { participant_id (fixture->store, id,
                                                                            "p1") },
                                               1, &job.error));
  g_assert_no_error (job.error);
  job.offered = vp_store_get_change_count (fixture->store);

  /* another program holds the write lock, with a change not yet committed */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; "
                                     "UPDATE hosts SET name = 'Renamed elsewhere' WHERE ref = 'h1'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  thread = g_thread_new ("restore", restore_in_thread, &job);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_thread_join (thread);

  g_assert_false (job.restored);
  g_assert_error (job.error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&job.error);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM hosts WHERE name = 'Renamed elsewhere'"), ==, 1);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM participants WHERE ref = 'p1'"), ==, 0);
}

/* This window's own edit after the deletion also ends the undo. */
static void
test_restore_after_own_change (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, id);
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;
  gint64 offered;

  g_assert_true (vp_store_delete_sessions (fixture->store, id,
                                           (gint64[]) { session_id (fixture->store, id, "s2") },
                                           1, &error));
  g_assert_no_error (error);
  offered = vp_store_get_change_count (fixture->store);

  host = vp_test_host_copy (fixture->store, id, "h1");
  vp_host_set_name (host, "Renamed here");
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (vp_store_restore_snapshot (fixture->store, snapshot, offered, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                            "SELECT count(*) FROM hosts WHERE name = 'Renamed here'"), ==, 1);
}

/* Written elsewhere: another connection's commits count, this one's not. */
static void
test_written_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  gint64 loaded_at = vp_store_get_change_count (fixture->store);
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;

  host = vp_test_host_copy (fixture->store, id, "h1");
  vp_host_set_name (host, "Renamed here");
  g_assert_true (vp_store_save_host (fixture->store, id, host, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vp_store_written_elsewhere_since (fixture->store, loaded_at));

  other = vp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  vp_host_set_name (host, "Renamed elsewhere");
  g_assert_true (vp_store_save_host (other, id, host, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_written_elsewhere_since (fixture->store, loaded_at));
}

static void
test_change_count_refused_write (Fixture       *fixture,
                                 gconstpointer  data)
{
  gint64 id = vp_test_import_document (fixture->store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSession) session = vp_test_session_copy (fixture->store, id, "s1");
  g_autoptr(GError) error = NULL;
  gint64 before = vp_store_get_change_count (fixture->store);

  vp_session_set_host_ref (session, "h9");
  g_assert_false (vp_store_save_session (fixture->store, id, session, NULL, &error));
  g_assert_cmpint (vp_store_get_change_count (fixture->store), ==, before);
}

/* Main {{{1 */

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, vp_test_database_set_up_store, func, \
              vp_test_database_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, vp_test_database_set_up_store, func, \
              vp_test_database_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  ADD ("/store/edit/programme/new", test_programme_new);
  ADD ("/store/edit/programme/update", test_programme_update);
  ADD_DATA ("/store/edit/programme/invalid/empty-title", edit_empty_title, test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/blank-title", edit_blank_title, test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/country", edit_lower_case_country,
            test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/zone", edit_unknown_zone, test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/country-uk", edit_country_uk, test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/coordinator-email", edit_coordinator_email_no_dot,
            test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/origin-latitude", edit_origin_latitude,
            test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/end-before-start", edit_end_before_start,
            test_programme_invalid);
  ADD_DATA ("/store/edit/programme/invalid/lump-sum", edit_negative_lump_sum,
            test_programme_invalid);
  ADD ("/store/edit/programme/invalid/new-not-added", test_programme_invalid_new);
  ADD ("/store/edit/programme/zone/moves-sessions", test_programme_zone_moves_sessions);
  ADD ("/store/edit/programme/zone/keeps-own-start-zone", test_programme_zone_keeps_own_zone);
  ADD ("/store/edit/programme/zone/keeps-own-zones", test_programme_zone_keeps_own_zones);
  ADD ("/store/edit/programme/zone/moves-travel", test_programme_zone_moves_travel);
  ADD ("/store/edit/programme/changed-signal", test_programme_changed_signal);

  ADD ("/store/edit/host/new", test_host_new);
  ADD ("/store/edit/host/new-ref-unique", test_host_new_ref_unique);
  ADD ("/store/edit/host/update", test_host_update);
  ADD ("/store/edit/host/update-keeps-sessions", test_host_update_keeps_sessions);
  ADD_DATA ("/store/edit/host/invalid/empty-name", NULL, test_host_invalid);
  ADD ("/store/edit/host/invalid/blank-name", test_host_blank_name);
  ADD_DATA ("/store/edit/host/invalid/country", "Lithuania", test_host_invalid);
  ADD_DATA ("/store/edit/host/invalid/email-two-at", edit_host_email_two_at,
            test_host_value_refused);
  ADD_DATA ("/store/edit/host/invalid/country-uk", edit_host_country_uk, test_host_value_refused);
  ADD_DATA ("/store/edit/host/invalid/latitude", edit_host_latitude, test_host_value_refused);
  ADD_DATA ("/store/edit/host/invalid/longitude", edit_host_longitude, test_host_value_refused);
  ADD_DATA ("/store/edit/host/invalid/group-size", edit_host_group_size, test_host_value_refused);
  ADD ("/store/edit/host/other-programme", test_host_other_programme);

  ADD ("/store/edit/participant/new", test_participant_new);
  ADD ("/store/edit/participant/update-replaces-travel", test_participant_update);
  ADD ("/store/edit/participant/invalid/skipped-time", test_participant_skipped_time);
  ADD_DATA ("/store/edit/participant/invalid/arrive-before-depart", edit_arrive_before_depart,
            test_participant_invalid);
  ADD_DATA ("/store/edit/participant/invalid/email", edit_bad_email, test_participant_invalid);
  ADD_DATA ("/store/edit/participant/invalid/blank-name", edit_blank_name,
            test_participant_invalid);
  ADD_DATA ("/store/edit/participant/invalid/check-out-same-day", edit_check_out_same_day,
            test_participant_invalid);
  ADD_DATA ("/store/edit/participant/invalid/check-out-before-check-in",
            edit_check_out_before_check_in, test_participant_invalid);
  ADD_DATA ("/store/edit/participant/invalid/email-no-dot", edit_email_no_dot,
            test_participant_value_refused);
  ADD_DATA ("/store/edit/participant/invalid/email-space", edit_email_space,
            test_participant_value_refused);
  ADD_DATA ("/store/edit/participant/invalid/email-two-at", edit_email_two_at,
            test_participant_value_refused);
  ADD_DATA ("/store/edit/participant/invalid/country-uk", edit_country_gb_written_uk,
            test_participant_value_refused);
  ADD ("/store/edit/participant/other-programme", test_participant_other_programme);

  ADD ("/store/edit/session/new", test_session_new);
  ADD ("/store/edit/session/update-stored", test_session_update_stored);
  ADD ("/store/edit/session/attendances-stay", test_session_attendances_stay);
  ADD ("/store/edit/session/sync-in-background", test_session_sync_in_background);
  ADD ("/store/edit/session/sync-through-link", test_session_sync_through_link);
  ADD_DATA ("/store/edit/session/revision/start", edit_start, test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/title", edit_title, test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/host", edit_host, test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/attendees", edit_attendees,
            test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/status", edit_status, test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/location", edit_location,
            test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/description", edit_description,
            test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/zone", edit_zone, test_session_revision_raised);
  ADD_DATA ("/store/edit/session/revision/not-capacity", edit_capacity, test_session_revision_kept);
  ADD_DATA ("/store/edit/session/revision/not-kind", edit_kind, test_session_revision_kept);
  ADD_DATA ("/store/edit/session/invalid/skipped-time", &refuse_skipped, test_session_refused);
  ADD_DATA ("/store/edit/session/invalid/blank-title", &refuse_blank_title, test_session_refused);
  ADD_DATA ("/store/edit/session/invalid/capacity", &refuse_capacity, test_session_refused);
  ADD_DATA ("/store/edit/session/invalid/end-before-start", &refuse_end_before_start,
            test_session_refused);
  ADD_DATA ("/store/edit/session/invalid/unknown-host", &refuse_unknown_host,
            test_session_refused);
  ADD_DATA ("/store/edit/session/invalid/unknown-attendee", &refuse_unknown_attendee,
            test_session_refused);
  ADD ("/store/edit/session/attendee-order", test_session_attendee_order);

  ADD ("/store/edit/delete/hosts", test_delete_hosts);
  ADD ("/store/edit/delete/participants", test_delete_participants);
  ADD ("/store/edit/delete/sessions", test_delete_sessions);
  ADD ("/store/edit/delete/hosts-raises-revision", test_delete_hosts_revision);
  ADD ("/store/edit/delete/participants-raises-revision", test_delete_participants_revision);
  ADD ("/store/edit/delete/other-programme", test_delete_other_programme);

  ADD ("/store/edit/restore/document", test_restore_document);
  ADD ("/store/edit/restore/deleted-programme-withdrawals", test_restore_deleted_programme_withdrawals);
  ADD ("/store/edit/restore/ids", test_restore_ids);
  ADD ("/store/edit/restore/deleted-programme", test_restore_deleted_programme);
  ADD ("/store/edit/restore/after-change-elsewhere", test_restore_after_change_elsewhere);
  ADD ("/store/edit/delete/row-since", test_delete_row_since);
  ADD ("/store/edit/restore/after-own-change", test_restore_after_own_change);
  ADD ("/store/edit/restore/waits-then-refuses", test_restore_waits_then_refuses);
  ADD ("/store/edit/change-count/written-elsewhere", test_written_elsewhere);

  ADD ("/store/edit/duplicate/programme", test_duplicate_programme);
  ADD ("/store/edit/duplicate/hosts", test_duplicate_hosts);
  ADD ("/store/edit/duplicate/sessions", test_duplicate_sessions);
  ADD ("/store/edit/duplicate/across-dst", test_duplicate_across_dst);
  ADD ("/store/edit/duplicate/no-participants", test_duplicate_no_participants);
  ADD ("/store/edit/duplicate/no-cancelled", test_duplicate_no_cancelled);
  ADD ("/store/edit/duplicate/bad-date", test_duplicate_bad_date);

  ADD ("/store/edit/change-count/own-writes", test_change_count_own_writes);
  ADD ("/store/edit/change-count/other-store", test_change_count_other_store);
  ADD ("/store/edit/change-count/refused-write", test_change_count_refused_write);

  return g_test_run ();
}

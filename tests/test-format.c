/* test-format.c: unit tests of the programme document (.visit.json): reading, writing, refusing. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vp-programme-format.h"
#include "vp-test-core.h"

/* Documents {{{1 */

/* Every member that docs/programme-format.md defines, with a value that is
 * not the default, sessions already in time order. */
static const char full_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 2,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"prog-uid-1\",\n"
  "    \"title\": \"Photonics in Vilnius\",\n"
  "    \"description\": \"Line one\\nLine two \\\"quoted\\\" \\\\ tab\\there\",\n"
  "    \"status\": \"confirmed\",\n"
  "    \"visiting_cluster\": \"Photonics Finland\",\n"
  "    \"host_cluster\": \"Lithuanian Laser Cluster\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\",\n"
  "    \"end_date\": \"2027-04-16\",\n"
  "    \"coordinator\": { \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\" },\n"
  "    \"origin\": { \"city\": \"Helsinki\", \"latitude\": 60.1699, \"longitude\": 24.9384 },\n"
  "    \"lump_sum_eur\": 1000.5,\n"
  "    \"lump_sum_override_eur\": 780\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    {\n"
  "      \"id\": \"femtolux\",\n"
  "      \"name\": \"Femtolux Lasers\",\n"
  "      \"kind\": \"company\",\n"
  "      \"contact_name\": \"Giedrė Jankauskaitė\",\n"
  "      \"contact_email\": \"giedre@femtolux.example\",\n"
  "      \"phone\": \"+370 5 279 1530\",\n"
  "      \"address\": \"Mokslininkų g. 6\",\n"
  "      \"city\": \"Vilnius\",\n"
  "      \"country\": \"LT\",\n"
  "      \"latitude\": 54.7321,\n"
  "      \"longitude\": -25.2652,\n"
  "      \"max_group_size\": 15,\n"
  "      \"notes\": \"Bring photo ID\",\n"
  "      \"language\": \"fr\"\n"
  "    },\n"
  "    { \"id\": \"uni\", \"name\": \"University\", \"kind\": \"university\" }\n"
  "  ],\n"
  "  \"organisations\": [\n"
  "    {\n"
  "      \"id\": \"pf\",\n"
  "      \"uid\": \"organisation-uid-pf\",\n"
  "      \"name\": \"Photonics Finland\",\n"
  "      \"kind\": \"cluster-organisation\",\n"
  "      \"country\": \"FI\",\n"
  "      \"city\": \"Helsinki\",\n"
  "      \"latitude\": 60.1699,\n"
  "      \"longitude\": 24.9384,\n"
  "      \"cluster\": \"Photonics Finland\",\n"
  "      \"eccp_url\": \"https://www.clustercollaboration.eu/cluster-organisations/pf\",\n"
  "      \"contact_name\": \"Aino Mäkelä\",\n"
  "      \"contact_email\": \"aino@example.org\"\n"
  "    }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    {\n"
  "      \"id\": \"aino\",\n"
  "      \"name\": \"Aino Mäkelä\",\n"
  "      \"email\": \"Aino@Example.org\",\n"
  "      \"organisation_id\": \"pf\",\n"
  "      \"organisation\": \"Photonics Finland\",\n"
  "      \"phone\": \"+358 40 123 4567\",\n"
  "      \"country\": \"FI\",\n"
  "      \"role\": \"cluster-manager\",\n"
  "      \"dietary\": \"vegetarian\",\n"
  "      \"accessibility\": \"step-free access\",\n"
  "      \"emergency_contact\": \"Matti, +358 40 765 4321\",\n"
  "      \"notes\": \"arrives early\",\n"
  "      \"language\": \"de\",\n"
  "      \"travel\": [\n"
  "        {\n"
  "          \"uid\": \"leg-uid-ay1071\",\n"
  "          \"revision\": 2,\n"
  "          \"kind\": \"flight\",\n"
  "          \"reference\": \"AY1071\",\n"
  "          \"from\": \"Helsinki\",\n"
  "          \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-04-13T07:30\",\n"
  "          \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-04-13T08:40\",\n"
  "          \"arrive_timezone\": \"Europe/Vilnius\"\n"
  "        }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        {\n"
  "          \"uid\": \"stay-uid-neris\",\n"
  "          \"revision\": 1,\n"
  "          \"name\": \"Hotel Neris\",\n"
  "          \"address\": \"Konstitucijos pr. 1\",\n"
  "          \"check_in\": \"2027-04-13\",\n"
  "          \"check_out\": \"2027-04-16\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    { \"id\": \"jukka\", \"name\": \"Jukka\", \"role\": \"sme\" },\n"
  "    { \"id\": \"sanna\", \"name\": \"Sanna\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    {\n"
  "      \"id\": \"welcome\",\n"
  "      \"uid\": \"session-uid-welcome\",\n"
  "      \"title\": \"Welcome\",\n"
  "      \"start\": \"2027-04-13T09:00\",\n"
  "      \"end\": \"2027-04-13T09:30\"\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"femtolux-visit\",\n"
  "      \"uid\": \"session-uid-femtolux\",\n"
  "      \"title\": \"Visit to Femtolux\",\n"
  "      \"kind\": \"visit\",\n"
  "      \"start\": \"2027-04-13T10:00:30\",\n"
  "      \"end\": \"2027-04-13T11:00\",\n"
  "      \"timezone\": \"Europe/Vilnius\",\n"
  "      \"end_timezone\": \"Europe/Warsaw\",\n"
  "      \"host\": \"femtolux\",\n"
  "      \"location\": \"Gate 2\",\n"
  "      \"description\": \"Production halls\",\n"
  "      \"status\": \"tentative\",\n"
  "      \"attendees\": [\"jukka\", \"aino\"],\n"
  "      \"capacity\": 12\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* The smallest interesting valid document; malformed cases change one thing
 * in it. */
static const char base_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"title\": \"Visit\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\",\n"
  "    \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"h1\", \"name\": \"Host one\", \"latitude\": 54.7, \"longitude\": 25.3 },\n"
  "    { \"id\": \"h2\", \"name\": \"Host two\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    {\n"
  "      \"id\": \"p1\",\n"
  "      \"name\": \"Aino\",\n"
  "      \"travel\": [\n"
  "        {\n"
  "          \"kind\": \"flight\",\n"
  "          \"depart\": \"2027-04-13T07:30\",\n"
  "          \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-04-13T08:40\"\n"
  "        }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        { \"name\": \"Hotel\", \"check_in\": \"2027-04-13\", \"check_out\": \"2027-04-16\" }\n"
  "      ]\n"
  "    },\n"
  "    { \"id\": \"p2\", \"name\": \"Jukka\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    {\n"
  "      \"id\": \"s1\",\n"
  "      \"uid\": \"uid-1\",\n"
  "      \"title\": \"Visit one\",\n"
  "      \"start\": \"2027-04-13T10:00\",\n"
  "      \"end\": \"2027-04-13T12:00\",\n"
  "      \"host\": \"h1\",\n"
  "      \"attendees\": [\"p1\", \"p2\"]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s2\",\n"
  "      \"uid\": \"uid-2\",\n"
  "      \"title\": \"Visit two\",\n"
  "      \"start\": \"2027-04-14T10:00\",\n"
  "      \"end\": \"2027-04-14T12:00\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* Helpers {{{1 */

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static VpSnapshot *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);

  return vp_programme_format_read (bytes, error);
}

/* A change vp_test_patch_document() makes to a document. */
typedef VpTestPatch Patch;

static void
assert_error_names (const GError *error,
                    int           code,
                    const char   *member)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", member);

  if (error == NULL)
    {
      g_test_fail_printf ("the document was accepted; expected an error naming %s", member);
      return;
    }
  g_assert_error (error, VP_FORMAT_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_test_fail_printf ("expected a message starting with “%s”, got “%s”", prefix, error->message);
}

/* Reading a full document {{{1 */

static void
test_read_full_programme (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (full_document);
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);

  g_assert_cmpstr (vp_programme_get_uid (programme), ==, "prog-uid-1");
  g_assert_cmpstr (vp_programme_get_title (programme), ==, "Photonics in Vilnius");
  g_assert_cmpstr (vp_programme_get_description (programme), ==,
                   "Line one\nLine two \"quoted\" \\ tab\there");
  g_assert_cmpint (vp_programme_get_status (programme), ==, VP_PROGRAMME_STATUS_CONFIRMED);
  g_assert_cmpstr (vp_programme_get_visiting_cluster (programme), ==, "Photonics Finland");
  g_assert_cmpstr (vp_programme_get_host_cluster (programme), ==, "Lithuanian Laser Cluster");
  g_assert_cmpstr (vp_programme_get_host_country (programme), ==, "LT");
  g_assert_cmpstr (vp_programme_get_timezone (programme), ==, "Europe/Vilnius");
  g_assert_cmpstr (vp_programme_get_start_date (programme), ==, "2027-04-13");
  g_assert_cmpstr (vp_programme_get_end_date (programme), ==, "2027-04-16");
  g_assert_cmpstr (vp_programme_get_coordinator_name (programme), ==, "Aino Mäkelä");
  g_assert_cmpstr (vp_programme_get_coordinator_email (programme), ==, "aino@example.org");
  g_assert_cmpstr (vp_programme_get_origin_city (programme), ==, "Helsinki");
  g_assert_cmpfloat (vp_programme_get_origin_latitude (programme), ==, 60.1699);
  g_assert_cmpfloat (vp_programme_get_origin_longitude (programme), ==, 24.9384);
  g_assert_cmpfloat (vp_programme_get_lump_sum_eur (programme), ==, 1000.5);
}

static void
test_read_full_hosts (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (full_document);
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  VpHost *host;

  g_assert_cmpuint (hosts->len, ==, 2);
  host = g_ptr_array_index (hosts, 0);
  g_assert_true (vp_snapshot_lookup_host (snapshot, "femtolux") == host);
  g_assert_cmpstr (vp_host_get_ref (host), ==, "femtolux");
  g_assert_cmpstr (vp_host_get_name (host), ==, "Femtolux Lasers");
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_COMPANY);
  g_assert_cmpstr (vp_host_get_contact_name (host), ==, "Giedrė Jankauskaitė");
  g_assert_cmpstr (vp_host_get_contact_email (host), ==, "giedre@femtolux.example");
  g_assert_cmpstr (vp_host_get_phone (host), ==, "+370 5 279 1530");
  g_assert_cmpstr (vp_host_get_address (host), ==, "Mokslininkų g. 6");
  g_assert_cmpstr (vp_host_get_city (host), ==, "Vilnius");
  g_assert_cmpstr (vp_host_get_country (host), ==, "LT");
  g_assert_true (vp_host_has_position (host));
  g_assert_cmpfloat (vp_host_get_latitude (host), ==, 54.7321);
  g_assert_cmpfloat (vp_host_get_longitude (host), ==, -25.2652);
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 15);
  g_assert_cmpstr (vp_host_get_notes (host), ==, "Bring photo ID");
  g_assert_cmpstr (vp_host_get_language (host), ==, "fr");

  /* the second host gives only what it must: the rest is "not given" */
  host = g_ptr_array_index (hosts, 1);
  g_assert_cmpstr (vp_host_get_ref (host), ==, "uni");
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_UNIVERSITY);
  g_assert_null (vp_host_get_contact_name (host));
  g_assert_null (vp_host_get_language (host));
  g_assert_false (vp_host_has_position (host));
  g_assert_true (isnan (vp_host_get_latitude (host)));
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 0);
}

static void
test_read_full_participants (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (full_document);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  VpParticipant *participant;
  VpTravelLeg *leg;
  VpStay *stay;

  g_assert_cmpuint (participants->len, ==, 3);
  participant = g_ptr_array_index (participants, 0);
  g_assert_true (vp_snapshot_lookup_participant (snapshot, "aino") == participant);
  g_assert_true (vp_snapshot_lookup_participant_by_email (snapshot, "aino@example.ORG") ==
                 participant);
  g_assert_cmpstr (vp_participant_get_ref (participant), ==, "aino");
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Aino Mäkelä");
  g_assert_cmpstr (vp_participant_get_email (participant), ==, "Aino@Example.org");
  g_assert_cmpstr (vp_participant_get_organisation (participant), ==, "Photonics Finland");
  g_assert_cmpstr (vp_participant_get_phone (participant), ==, "+358 40 123 4567");
  g_assert_cmpstr (vp_participant_get_country (participant), ==, "FI");
  g_assert_cmpint (vp_participant_get_role (participant), ==, VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
  g_assert_cmpstr (vp_participant_get_dietary (participant), ==, "vegetarian");
  g_assert_cmpstr (vp_participant_get_accessibility (participant), ==, "step-free access");
  g_assert_cmpstr (vp_participant_get_emergency_contact (participant), ==,
                   "Matti, +358 40 765 4321");
  g_assert_cmpstr (vp_participant_get_notes (participant), ==, "arrives early");
  g_assert_cmpstr (vp_participant_get_language (participant), ==, "de");

  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 1);
  leg = g_ptr_array_index (vp_participant_get_travel (participant), 0);
  g_assert_cmpstr (leg->uid, ==, "leg-uid-ay1071");
  g_assert_cmpint (leg->revision, ==, 2);
  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_FLIGHT);
  g_assert_cmpstr (leg->reference, ==, "AY1071");
  g_assert_cmpstr (leg->from, ==, "Helsinki");
  g_assert_cmpstr (leg->to, ==, "Vilnius");
  g_assert_cmpstr (leg->depart, ==, "2027-04-13T07:30");
  g_assert_cmpstr (leg->depart_timezone, ==, "Europe/Helsinki");
  g_assert_cmpstr (leg->arrive, ==, "2027-04-13T08:40");
  g_assert_cmpstr (leg->arrive_timezone, ==, "Europe/Vilnius");
  /* both zones are UTC+3 in April */
  g_assert_cmpint (leg->depart_utc, ==, vp_test_utc (2027, 4, 13, 4, 30));
  g_assert_cmpint (leg->arrive_utc, ==, vp_test_utc (2027, 4, 13, 5, 40));

  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 1);
  stay = g_ptr_array_index (vp_participant_get_accommodation (participant), 0);
  g_assert_cmpstr (stay->uid, ==, "stay-uid-neris");
  g_assert_cmpint (stay->revision, ==, 1);
  g_assert_cmpstr (stay->name, ==, "Hotel Neris");
  g_assert_cmpstr (stay->address, ==, "Konstitucijos pr. 1");
  g_assert_cmpstr (stay->check_in, ==, "2027-04-13");
  g_assert_cmpstr (stay->check_out, ==, "2027-04-16");

  participant = g_ptr_array_index (participants, 1);
  g_assert_cmpstr (vp_participant_get_ref (participant), ==, "jukka");
  g_assert_cmpint (vp_participant_get_role (participant), ==, VP_PARTICIPANT_ROLE_SME);
  g_assert_null (vp_participant_get_email (participant));
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 0);
  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 0);
}

static void
test_read_full_sessions (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (full_document);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  VpSession *session;
  GPtrArray *attendees;

  g_assert_cmpuint (sessions->len, ==, 2);

  session = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (vp_session_get_ref (session), ==, "welcome");
  g_assert_cmpstr (vp_session_get_uid (session), ==, "session-uid-welcome");
  g_assert_cmpint (vp_session_get_kind (session), ==, VP_SESSION_KIND_UNSET);
  g_assert_null (vp_session_get_timezone (session));
  g_assert_null (vp_session_get_end_timezone (session));
  g_assert_null (vp_session_get_host_ref (session));
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_CONFIRMED);
  g_assert_true (vp_session_get_attendees_all (session));
  g_assert_cmpint (vp_session_get_capacity (session), ==, 0);
  g_assert_cmpuint (vp_snapshot_count_attendees (snapshot, session), ==, 3);
  g_assert_cmpint (vp_session_get_start_utc (session), ==, vp_test_utc (2027, 4, 13, 6, 0));
  g_assert_cmpint (vp_session_get_end_utc (session), ==, vp_test_utc (2027, 4, 13, 6, 30));

  session = g_ptr_array_index (sessions, 1);
  g_assert_true (vp_snapshot_lookup_session (snapshot, "femtolux-visit") == session);
  g_assert_true (vp_snapshot_lookup_session_by_uid (snapshot, "session-uid-femtolux") == session);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Visit to Femtolux");
  g_assert_cmpint (vp_session_get_kind (session), ==, VP_SESSION_KIND_VISIT);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-13T10:00:30");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T11:00");
  g_assert_cmpstr (vp_session_get_timezone (session), ==, "Europe/Vilnius");
  g_assert_cmpstr (vp_session_get_end_timezone (session), ==, "Europe/Warsaw");
  /* Vilnius is UTC+3 and Warsaw UTC+2 in April: the end is read in its own zone */
  g_assert_cmpint (vp_session_get_start_utc (session), ==, vp_test_utc (2027, 4, 13, 7, 0) + 30);
  g_assert_cmpint (vp_session_get_end_utc (session), ==, vp_test_utc (2027, 4, 13, 9, 0));
  g_assert_cmpstr (vp_session_get_host_ref (session), ==, "femtolux");
  g_assert_cmpstr (vp_session_get_location (session), ==, "Gate 2");
  g_assert_cmpstr (vp_session_get_description (session), ==, "Production halls");
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_TENTATIVE);
  g_assert_false (vp_session_get_attendees_all (session));
  attendees = vp_session_get_attendees (session);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "jukka");
  g_assert_cmpstr (g_ptr_array_index (attendees, 1), ==, "aino");
  g_assert_cmpuint (vp_snapshot_count_attendees (snapshot, session), ==, 2);
  g_assert_cmpint (vp_session_get_capacity (session), ==, 12);
}

static void
test_read_sessions_in_time_order (void)
{
  static const Patch patches[] = {
    { "sessions[0].start", "\"2027-04-15T10:00\"" },
    { "sessions[0].end", "\"2027-04-15T12:00\"" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  g_assert_cmpstr (vp_session_get_ref (g_ptr_array_index (sessions, 0)), ==, "s2");
  g_assert_cmpstr (vp_session_get_ref (g_ptr_array_index (sessions, 1)), ==, "s1");
}

static void
test_read_uids_generated (void)
{
  static const Patch patches[] = {
    { "sessions[0].uid", NULL },
    { "sessions[1].uid", NULL },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  g_autoptr(VpSnapshot) again = vp_test_read_document (text);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  const char *programme_uid = vp_programme_get_uid (vp_snapshot_get_programme (snapshot));
  const char *uid_0 = vp_session_get_uid (g_ptr_array_index (sessions, 0));
  const char *uid_1 = vp_session_get_uid (g_ptr_array_index (sessions, 1));

  g_assert_true (g_uuid_string_is_valid (programme_uid));
  g_assert_true (g_uuid_string_is_valid (uid_0));
  g_assert_true (g_uuid_string_is_valid (uid_1));
  g_assert_cmpstr (uid_0, !=, uid_1);
  g_assert_cmpstr (uid_0, !=, programme_uid);
  /* random, not derived from the content: two imports are two programmes */
  g_assert_cmpstr (programme_uid, !=, vp_programme_get_uid (vp_snapshot_get_programme (again)));
}

/* A leg or stay without a uid keeps none until the store gives it one (an
 * update matches it by what it is), and is written without one. */
static void
test_read_travel_without_uids (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (base_document);
  VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, "p1");
  VpTravelLeg *leg = g_ptr_array_index (vp_participant_get_travel (participant), 0);
  VpStay *stay = g_ptr_array_index (vp_participant_get_accommodation (participant), 0);
  g_autoptr(GBytes) written = vp_programme_format_write (snapshot);
  g_autofree char *text = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_autoptr(VpSnapshot) again = vp_test_read_document (text);
  VpParticipant *copy = vp_snapshot_lookup_participant (again, "p1");

  g_assert_null (leg->uid);
  g_assert_cmpint (leg->revision, ==, 0);
  g_assert_null (stay->uid);
  g_assert_cmpint (stay->revision, ==, 0);
  g_assert_null (((VpTravelLeg *)g_ptr_array_index (vp_participant_get_travel (copy), 0))->uid);
  g_assert_null (((VpStay *)g_ptr_array_index (vp_participant_get_accommodation (copy), 0))->uid);
}

static void
test_read_ambiguous_time_first (void)
{
  static const Patch patches[] = {
    { "sessions[0].start", "\"2027-10-31T03:30\"" },
    { "sessions[0].end", "\"2027-10-31T05:00\"" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s1");

  /* Vilnius leaves summer time at 04:00 EEST on 31 October 2027: 03:30 is
   * first 00:30 UTC (EEST, +3), then 01:30 UTC (EET, +2). */
  g_assert_cmpint (vp_session_get_start_utc (session), ==, vp_test_utc (2027, 10, 31, 0, 30));
  g_assert_cmpint (vp_session_get_end_utc (session), ==, vp_test_utc (2027, 10, 31, 3, 0));
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-10-31T03:30");
}

static void
test_read_unknown_members_ignored (void)
{
  static const Patch patches[] = {
    { "x-top", "{\"deep\": [1, {\"a\": null}], \"b\": true}" },
    { "programme.x-future", "[1, 2, 3]" },
    { "programme.coordinator", "{\"name\": \"C\", \"x-fax\": \"none\"}" },
    { "hosts[0].colour", "\"red\"" },
    { "participants[0].x-shoe-size", "44" },
    { "participants[0].travel[0].seat", "\"12A\"" },
    { "participants[0].accommodation[0].room", "101" },
    { "sessions[0].x-extension", "{\"nested\": {\"more\": [\"x\"]}}" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  g_autoptr(GBytes) written = vp_programme_format_write (snapshot);
  g_autofree char *output = g_strndup (g_bytes_get_data (written, NULL),
                                       g_bytes_get_size (written));

  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 2);
  g_assert_cmpstr (vp_programme_get_coordinator_name (vp_snapshot_get_programme (snapshot)),
                   ==, "C");
  g_assert_null (strstr (output, "x-"));
}

static void
test_read_null_is_absent (void)
{
  static const Patch patches[] = {
    { "programme.uid", "null" },
    { "programme.description", "null" },
    { "programme.status", "null" },
    { "programme.coordinator", "null" },
    { "programme.lump_sum_eur", "null" },
    { "hosts[1].kind", "null" },
    { "hosts[1].latitude", "null" },
    { "hosts[1].longitude", "null" },
    { "participants[1].email", "null" },
    { "participants[1].travel", "null" },
    { "sessions[1].uid", "null" },
    { "sessions[1].host", "null" },
    { "sessions[1].timezone", "null" },
    { "sessions[1].attendees", "null" },
    { "sessions[1].capacity", "null" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  VpSession *session = vp_snapshot_lookup_session (snapshot, "s2");

  g_assert_true (g_uuid_string_is_valid (vp_programme_get_uid (programme)));
  g_assert_null (vp_programme_get_description (programme));
  g_assert_cmpint (vp_programme_get_status (programme), ==, VP_PROGRAMME_STATUS_DRAFT);
  g_assert_null (vp_programme_get_coordinator_name (programme));
  g_assert_true (isnan (vp_programme_get_lump_sum_eur (programme)));
  g_assert_true (g_uuid_string_is_valid (vp_session_get_uid (session)));
  g_assert_null (vp_session_get_host_ref (session));
  g_assert_null (vp_session_get_timezone (session));
  g_assert_true (vp_session_get_attendees_all (session));
  g_assert_cmpint (vp_session_get_capacity (session), ==, 0);
}

static void
test_read_null_lists_are_empty (void)
{
  static const Patch patches[] = {
    { "hosts", "null" },
    { "participants", "null" },
    { "sessions", "null" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);

  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 0);
}

static void
test_read_bom_accepted (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", base_document, NULL);
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);

  g_assert_cmpstr (vp_programme_get_title (vp_snapshot_get_programme (snapshot)), ==, "Visit");
}

/* Writing {{{1 */

static GBytes *
write_text (const char *text)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);

  return vp_programme_format_write (snapshot);
}

static void
test_write_twice_identical (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (full_document);
  g_autoptr(GBytes) first = vp_programme_format_write (snapshot);
  g_autoptr(GBytes) second = vp_programme_format_write (snapshot);

  g_assert_true (g_bytes_equal (first, second));
}

static void
test_write_read_write_identical (void)
{
  g_autoptr(GBytes) first = write_text (full_document);
  g_autoptr(VpSnapshot) again = vp_programme_format_read (first, NULL);
  g_autoptr(GBytes) second = NULL;

  g_assert_nonnull (again);
  second = vp_programme_format_write (again);
  if (!g_bytes_equal (first, second))
    g_test_fail_printf ("the second write differs:\n%.*s\n---\n%.*s",
             (int)g_bytes_get_size (first), (const char *)g_bytes_get_data (first, NULL),
             (int)g_bytes_get_size (second), (const char *)g_bytes_get_data (second, NULL));
}

/* Whether every member of @expected is in @actual with an equal value
 * (numbers compared as doubles); @actual may have more. */
static gboolean
json_covers (JsonNode    *actual,
             JsonNode    *expected,
             const char  *path,
             GString     *problem)
{
  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *want = json_node_get_object (expected);
      g_autoptr(GList) members = json_object_get_members (want);

      if (!JSON_NODE_HOLDS_OBJECT (actual))
        {
          g_string_append_printf (problem, "%s is not an object", path);
          return FALSE;
        }

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (const char *)l->data);
          JsonNode *got = json_object_get_member (json_node_get_object (actual), l->data);

          if (got == NULL)
            {
              g_string_append_printf (problem, "%s is missing", member_path);
              return FALSE;
            }
          if (!json_covers (got, json_object_get_member (want, l->data), member_path, problem))
            return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *want = json_node_get_array (expected);
      JsonArray *got;

      if (!JSON_NODE_HOLDS_ARRAY (actual) ||
          json_array_get_length (json_node_get_array (actual)) != json_array_get_length (want))
        {
          g_string_append_printf (problem, "%s differs in type or length", path);
          return FALSE;
        }
      got = json_node_get_array (actual);
      for (guint i = 0; i < json_array_get_length (want); i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

          if (!json_covers (json_array_get_element (got, i), json_array_get_element (want, i),
                            element_path, problem))
            return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (expected) && JSON_NODE_HOLDS_VALUE (actual))
    {
      GType want = json_node_get_value_type (expected);

      if (want == G_TYPE_STRING && json_node_get_value_type (actual) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (expected), json_node_get_string (actual)))
        return TRUE;
      if ((want == G_TYPE_DOUBLE || want == G_TYPE_INT64) &&
          (json_node_get_value_type (actual) == G_TYPE_DOUBLE ||
           json_node_get_value_type (actual) == G_TYPE_INT64) &&
          json_node_get_double (expected) == json_node_get_double (actual))
        return TRUE;
    }

  g_string_append_printf (problem, "%s differs", path);
  return FALSE;
}

static void
test_write_every_member (void)
{
  g_autoptr(GBytes) written = write_text (full_document);
  g_autoptr(JsonParser) want = json_parser_new ();
  g_autoptr(JsonParser) got = json_parser_new ();
  g_autoptr(GString) problem = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (want, full_document, -1, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (got, g_bytes_get_data (written, NULL),
                              (gssize)g_bytes_get_size (written), &error);
  g_assert_no_error (error);

  if (!json_covers (json_parser_get_root (got), json_parser_get_root (want), "", problem))
    g_test_fail_printf ("the written document lost a member: %s", problem->str);
}

static void
test_write_whole_numbers_plain (void)
{
  static const Patch patches[] = {
    { "programme.lump_sum_eur", "1100" },
    { "hosts[0].latitude", "54" },
    { "hosts[0].longitude", "25" },
  };
  g_autofree char *text = vp_test_patch_document (base_document, patches, G_N_ELEMENTS (patches));
  g_autoptr(GBytes) written = write_text (text);
  g_autofree char *output = g_strndup (g_bytes_get_data (written, NULL),
                                       g_bytes_get_size (written));

  g_assert_nonnull (strstr (output, "\"lump_sum_eur\": 1100\n"));
  g_assert_nonnull (strstr (output, "\"latitude\": 54,"));
}

static void
test_write_valid_utf8 (void)
{
  g_autoptr(GBytes) written = write_text (full_document);

  g_assert_true (g_utf8_validate_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      NULL));
}

/* Refusing malformed documents {{{1 */

typedef struct
{
  const char *test_path;
  Patch       patches[3];
  int         code;
  const char *member;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "/format/read/invalid/format-wrong", { { "format", "\"visit-planner-agenda\"" } },
    VP_FORMAT_ERROR_FORMAT, "format" },
  { "/format/read/invalid/format-missing", { { "format", NULL } },
    VP_FORMAT_ERROR_FORMAT, "format" },
  { "/format/read/invalid/version-3", { { "version", "3" } },
    VP_FORMAT_ERROR_FORMAT, "version" },
  { "/format/read/invalid/version-missing", { { "version", NULL } },
    VP_FORMAT_ERROR_FORMAT, "version" },
  { "/format/read/invalid/version-string", { { "version", "\"1\"" } },
    VP_FORMAT_ERROR_FORMAT, "version" },
  { "/format/read/invalid/programme-missing", { { "programme", NULL } },
    VP_FORMAT_ERROR_INVALID, "programme" },
  { "/format/read/invalid/programme-title-missing", { { "programme.title", NULL } },
    VP_FORMAT_ERROR_INVALID, "programme.title" },
  { "/format/read/invalid/programme-title-empty", { { "programme.title", "\"\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.title" },
  { "/format/read/invalid/programme-host-country-missing", { { "programme.host_country", NULL } },
    VP_FORMAT_ERROR_INVALID, "programme.host_country" },
  { "/format/read/invalid/programme-timezone-missing", { { "programme.timezone", NULL } },
    VP_FORMAT_ERROR_INVALID, "programme.timezone" },
  { "/format/read/invalid/programme-start-date-missing", { { "programme.start_date", NULL } },
    VP_FORMAT_ERROR_INVALID, "programme.start_date" },
  { "/format/read/invalid/host-id-missing", { { "hosts[0].id", NULL } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].id" },
  { "/format/read/invalid/host-name-missing", { { "hosts[0].name", NULL } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].name" },
  { "/format/read/invalid/participant-name-missing", { { "participants[0].name", NULL } },
    VP_FORMAT_ERROR_INVALID, "participants[0].name" },
  { "/format/read/invalid/session-start-missing", { { "sessions[0].start", NULL } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].start" },
  { "/format/read/invalid/session-title-missing", { { "sessions[0].title", NULL } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].title" },
  { "/format/read/invalid/type/programme-not-object", { { "programme", "[]" } },
    VP_FORMAT_ERROR_INVALID, "programme" },
  { "/format/read/invalid/type/title-number", { { "programme.title", "42" } },
    VP_FORMAT_ERROR_INVALID, "programme.title" },
  { "/format/read/invalid/type/hosts-object", { { "hosts", "{}" } },
    VP_FORMAT_ERROR_INVALID, "hosts" },
  { "/format/read/invalid/type/host-not-object", { { "hosts", "[\"h1\"]" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0]" },
  { "/format/read/invalid/type/latitude-string", { { "hosts[0].latitude", "\"54.7\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].latitude" },
  { "/format/read/invalid/type/capacity-string", { { "sessions[0].capacity", "\"10\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].capacity" },
  { "/format/read/invalid/type/capacity-fraction", { { "sessions[0].capacity", "2.5" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].capacity" },
  { "/format/read/invalid/type/lump-sum-string", { { "programme.lump_sum_eur", "\"1100\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.lump_sum_eur" },
  { "/format/read/invalid/type/travel-object", { { "participants[0].travel", "{}" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].travel" },
  { "/format/read/invalid/type/attendee-number", { { "sessions[0].attendees", "[\"p1\", 2]" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].attendees[1]" },
  { "/format/read/invalid/type/kind-unknown", { { "sessions[0].kind", "\"party\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].kind" },
  { "/format/read/invalid/zone-unknown", { { "sessions[1].timezone", "\"Europe/Atlantis\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].timezone" },
  { "/format/read/invalid/zone-offset", { { "programme.timezone", "\"+02:00\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.timezone" },
  { "/format/read/invalid/time-skipped",
    { { "sessions[0].timezone", "\"Europe/Helsinki\"" },
      { "sessions[0].start", "\"2027-03-28T03:30\"" },
      { "sessions[0].end", "\"2027-03-28T05:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].start" },
  { "/format/read/invalid/time-with-offset",
    { { "sessions[0].start", "\"2027-04-13T10:00+03:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].start" },
  /* 9999-12-31T20:00 in Los Angeles is in the year 10000 in UTC: check
   * printed “leaves on ?” for it, and calendars cannot write it */
  { "/format/read/invalid/time-after-year-9999-in-utc",
    { { "sessions[1].timezone", "\"America/Los_Angeles\"" },
      { "sessions[1].start", "\"9999-12-31T20:00\"" },
      { "sessions[1].end", "\"9999-12-31T21:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].start" },
  { "/format/read/invalid/time-before-year-1-in-utc",
    { { "sessions[1].timezone", "\"Asia/Tokyo\"" },
      { "sessions[1].start", "\"0001-01-01T08:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].start" },
  { "/format/read/invalid/end-before-start", { { "sessions[0].end", "\"2027-04-13T09:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].end" },
  { "/format/read/invalid/end-equals-start", { { "sessions[0].end", "\"2027-04-13T10:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].end" },
  { "/format/read/invalid/host-undefined", { { "sessions[0].host", "\"nowhere\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].host" },
  { "/format/read/invalid/attendee-undefined",
    { { "sessions[0].attendees", "[\"p1\", \"ghost\"]" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].attendees[1]" },
  { "/format/read/invalid/attendee-twice", { { "sessions[0].attendees", "[\"p1\", \"p1\"]" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].attendees[1]" },
  { "/format/read/invalid/duplicate/host-id", { { "hosts[1].id", "\"h1\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[1].id" },
  { "/format/read/invalid/duplicate/participant-id", { { "participants[1].id", "\"p1\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[1].id" },
  { "/format/read/invalid/duplicate/session-id", { { "sessions[1].id", "\"s1\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].id" },
  { "/format/read/invalid/duplicate/session-uid", { { "sessions[1].uid", "\"uid-1\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].uid" },
  /* a leg's or stay's uid is its event's UID: one in the document, sessions
   * included */
  { "/format/read/invalid/duplicate/leg-and-stay-uid",
    { { "participants[0].travel[0].uid", "\"item-1\"" },
      { "participants[0].accommodation[0].uid", "\"item-1\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].accommodation[0].uid" },
  { "/format/read/invalid/duplicate/leg-uid-of-another-participant",
    { { "participants[0].travel[0].uid", "\"item-1\"" },
      { "participants[1].travel",
        "[{\"uid\": \"item-1\", \"depart\": \"2027-04-13T07:00\","
        " \"arrive\": \"2027-04-13T08:00\"}]" } },
    VP_FORMAT_ERROR_INVALID, "participants[1].travel[0].uid" },
  { "/format/read/invalid/duplicate/session-uid-of-leg",
    { { "participants[0].travel[0].uid", "\"uid-1\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].uid" },
  { "/format/read/invalid/leg-uid-newline",
    { { "participants[0].travel[0].uid", "\"leg\\nX-INJECTED:1\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].travel[0].uid" },
  { "/format/read/invalid/stay-revision-negative",
    { { "participants[0].accommodation[0].revision", "-1" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].accommodation[0].revision" },
  { "/format/read/invalid/date/february-30", { { "programme.start_date", "\"2027-02-30\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.start_date" },
  { "/format/read/invalid/date/month-13", { { "programme.end_date", "\"2027-13-01\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.end_date" },
  { "/format/read/invalid/date/end-before-start", { { "programme.end_date", "\"2027-04-12\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.end_date" },
  { "/format/read/invalid/session-start-impossible",
    { { "sessions[0].start", "\"2027-02-30T10:00\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].start" },
  { "/format/read/invalid/latitude-without-longitude", { { "hosts[1].latitude", "54.7" } },
    VP_FORMAT_ERROR_INVALID, "hosts[1].longitude" },
  { "/format/read/invalid/longitude-without-latitude", { { "hosts[0].latitude", NULL } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].latitude" },
  { "/format/read/invalid/latitude-range", { { "hosts[0].latitude", "91" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].latitude" },
  { "/format/read/invalid/country-lower-case", { { "programme.host_country", "\"lt\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.host_country" },
  /* the rules of values (vp-values.h): the reader took any email address
   * before, and any two capital letters as a country */
  { "/format/read/invalid/email-no-at", { { "participants[0].email", "\"aino.example.org\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].email" },
  { "/format/read/invalid/email-no-dot", { { "participants[0].email", "\"aino@example\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].email" },
  { "/format/read/invalid/email-two-at",
    { { "programme.coordinator", "{\"name\": \"Aino\", \"email\": \"aino@@example.org\"}" } },
    VP_FORMAT_ERROR_INVALID, "programme.coordinator.email" },
  { "/format/read/invalid/email-space",
    { { "hosts[0].contact_email", "\"giedre @femtolux.example\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].contact_email" },
  { "/format/read/invalid/email-trailing-dot",
    { { "hosts[0].contact_email", "\"giedre@femtolux.example.\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].contact_email" },
  { "/format/read/invalid/country-uk", { { "participants[0].country", "\"UK\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].country" },
  { "/format/read/invalid/country-unassigned", { { "hosts[0].country", "\"XX\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].country" },
  { "/format/read/invalid/language-unknown", { { "hosts[0].language", "\"xx\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].language" },
  { "/format/read/invalid/language-upper-case", { { "participants[0].language", "\"FR\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].language" },
  { "/format/read/invalid/language-locale", { { "participants[0].language", "\"fr_FR\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].language" },
  { "/format/read/invalid/language-number", { { "hosts[0].language", "7" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].language" },
  { "/format/read/invalid/longitude-range", { { "hosts[0].longitude", "-180.5" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].longitude" },
  { "/format/read/invalid/origin-latitude-range",
    { { "programme.origin", "{\"latitude\": -90.01, \"longitude\": 24.9}" } },
    VP_FORMAT_ERROR_INVALID, "programme.origin.latitude" },
  { "/format/read/invalid/group-size-2-31", { { "hosts[0].max_group_size", "2147483648" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].max_group_size" },
  { "/format/read/invalid/capacity-above-max", { { "sessions[0].capacity", "100001" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].capacity" },
  { "/format/read/invalid/travel-arrive-before-depart",
    { { "participants[0].travel[0].arrive", "\"2027-04-13T07:00\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].travel[0].arrive" },
  { "/format/read/invalid/stay-check-out-not-after-check-in",
    { { "participants[0].accommodation[0].check_out", "\"2027-04-13\"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].accommodation[0].check_out" },
  { "/format/read/invalid/attendees-some", { { "sessions[0].attendees", "\"some\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].attendees" },
  { "/format/read/invalid/capacity-zero", { { "sessions[0].capacity", "0" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].capacity" },
  { "/format/read/invalid/id-control-character", { { "hosts[0].id", "\"h\\u0007\"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].id" },
  /* ids and uids are one line: they end up in tab-separated lists and in
   * calendar UID lines */
  { "/format/read/invalid/id-newline",
    { { "sessions[0].uid", "\"uid-1\\r\\nX-INJECTED:1\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].uid" },
  { "/format/read/invalid/id-tab", { { "programme.uid", "\"prog\\tuid\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.uid" },
  /* blank is empty: every required text member */
  { "/format/read/invalid/blank/programme-title", { { "programme.title", "\"   \"" } },
    VP_FORMAT_ERROR_INVALID, "programme.title" },
  { "/format/read/invalid/blank/programme-title-no-break-space",
    { { "programme.title", "\"\\u00a0\\t\\u3000\"" } },
    VP_FORMAT_ERROR_INVALID, "programme.title" },
  { "/format/read/invalid/blank/host-id", { { "hosts[0].id", "\" \"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].id" },
  { "/format/read/invalid/blank/host-name", { { "hosts[0].name", "\"\\n \"" } },
    VP_FORMAT_ERROR_INVALID, "hosts[0].name" },
  { "/format/read/invalid/blank/participant-id", { { "participants[1].id", "\"  \"" } },
    VP_FORMAT_ERROR_INVALID, "participants[1].id" },
  { "/format/read/invalid/blank/participant-name", { { "participants[0].name", "\" \"" } },
    VP_FORMAT_ERROR_INVALID, "participants[0].name" },
  { "/format/read/invalid/blank/session-id", { { "sessions[1].id", "\" \"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[1].id" },
  { "/format/read/invalid/blank/session-title", { { "sessions[0].title", "\"\\t\"" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].title" },
  /* not whole numbers where whole numbers go: refused, never truncated */
  { "/format/read/invalid/type/capacity-exponent", { { "sessions[0].capacity", "1e3" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].capacity" },
  { "/format/read/invalid/type/revision-fraction", { { "sessions[0].revision", "1.5" } },
    VP_FORMAT_ERROR_INVALID, "sessions[0].revision" },
  { "/format/read/invalid/type/version-fraction", { { "version", "1.0" } },
    VP_FORMAT_ERROR_FORMAT, "version" },
};

static void
test_read_invalid_case (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *text = NULL;
  guint n_patches = 0;

  while (n_patches < G_N_ELEMENTS (c->patches) && c->patches[n_patches].path != NULL)
    n_patches++;
  text = vp_test_patch_document (base_document, c->patches, n_patches);

  snapshot = read_text (text, &error);
  g_assert_null (snapshot);
  assert_error_names (error, c->code, c->member);
}

/* A coordinate beyond any double (“1e400” reads as infinity) is refused
 * by the rules of values, naming the member. */
static void
test_read_invalid_latitude_huge (void)
{
  g_autofree char *text = vp_test_replace_once (base_document, "\"latitude\": 54.7,",
                                                "\"latitude\": 1e400,");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  g_assert_null (snapshot);
  assert_error_names (error, VP_FORMAT_ERROR_INVALID, "hosts[0].latitude");
}

static void
test_read_invalid_json (void)
{
  static const char text[] =
    "{\n"
    "  \"format\": \"visit-planner-programme\",\n"
    "  \"version\": 1,\n"
    "  \"programme\": {,}\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX);
  /* the line and the column of the fault, line 4 */
  if (error != NULL && !g_regex_match_simple ("(^|[^0-9])4:[0-9]+", error->message, 0, 0))
    g_test_fail_printf ("expected line 4 and a column in “%s”", error->message);
}

static void
test_read_invalid_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text ("", &error);

  g_assert_null (snapshot);
  g_assert_true (g_error_matches (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX) ||
                 g_error_matches (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_FORMAT));
}

static void
test_read_invalid_not_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text ("[{\"format\": \"visit-planner-programme\"}]",
                                              &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_FORMAT);
  g_assert_true (error != NULL && strstr (error->message, "object") != NULL);
}

/* Found by fuzz-programme: json-glib keeps the first of two top-level values
 * (and leaks the other), so a number before the object hid it... */
static void
test_read_invalid_value_before_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text ("9223372036854775807 {}", &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_FORMAT);
}

/* ... and a value after the document was silently dropped. */
static void
test_read_invalid_value_after_object (void)
{
  g_autofree char *text = g_strconcat (base_document, "\n{\"trailing\": 1}\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX);
  g_assert_true (error != NULL && strstr (error->message, "after the end of the document") != NULL);
}

/* Found by fuzz-programme: json-glib 1.6 leaks on a bad escape; the reader
 * refuses it first, with its place. */
static void
test_read_invalid_escape (void)
{
  g_autofree char *text =
    vp_test_replace_once (base_document, "\"Visit one\"", "\"Visit \\u00*0 one\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX);
  g_assert_true (error != NULL && strstr (error->message, "escape") != NULL);
}

static void
test_read_invalid_utf8 (void)
{
  g_autofree char *text =
    vp_test_replace_once (base_document, "\"Visit one\"", "\"Visit \xC3\x28 one\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *where = NULL;
  const char *bad = strstr (text, "\xC3");
  const char *line_start = text;
  guint line = 1;

  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  where = g_strdup_printf ("line %u, column %u:", line, (guint)(bad - line_start) + 1);

  snapshot = read_text (text, &error);
  g_assert_null (snapshot);
  g_assert_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX);
  if (error != NULL && !g_str_has_prefix (error->message, where))
    g_test_fail_printf ("expected a message starting with “%s”, got “%s”", where, error->message);
}

/* json-glib decodes an unpaired surrogate escape into bytes that are not
 * UTF-8: the reader must refuse them, or the store and every later export
 * carry text no JSON reader accepts. */
static void
test_read_invalid_lone_surrogate (void)
{
  g_autofree char *text =
    vp_test_replace_once (base_document, "\"Visit one\"", "\"Visit \\ud800x one\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  if (snapshot != NULL)
    {
      const char *title = vp_session_get_title (vp_snapshot_lookup_session (snapshot, "s1"));

      g_test_fail_printf ("accepted, with a title that is %s UTF-8",
                          g_utf8_validate (title, -1, NULL) ? "valid" : "not valid");
      return;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == VP_FORMAT_ERROR);
  g_assert_nonnull (strstr (error->message, "sessions[0].title"));
}

/* json-glib reads a whole number that does not fit in 64 bits modulo 2^64,
 * so these went in as 1, 2 and 45: the reader refuses them naming the
 * member, as it does numbers beyond the member's own range. */
typedef struct
{
  const char *old;
  const char *new;
  const char *member;
} RawCase;

static const RawCase out_of_range_cases[] = {
  { "\"version\": 1", "\"version\": -18446744073709551615", "version" },
  { "\"version\": 1", "\"version\": 18446744073709551617", "version" },
  { "\"attendees\": [\"p1\", \"p2\"]",
    "\"attendees\": [\"p1\", \"p2\"], \"capacity\": -18446744073709551614",
    "sessions[0].capacity" },
  { "\"attendees\": [\"p1\", \"p2\"]",
    "\"attendees\": [\"p1\", \"p2\"], \"capacity\": 9223372036854775808",
    "sessions[0].capacity" },
  { "\"attendees\": [\"p1\", \"p2\"]",
    "\"attendees\": [\"p1\", \"p2\"], \"revision\": 4294967296",
    "sessions[0].revision" },
  { "\"latitude\": 54.7", "\"latitude\": -18446744073709551571", "hosts[0].latitude" },
  { "\"end_date\": \"2027-04-16\"",
    "\"end_date\": \"2027-04-16\", \"lump_sum_eur\": 18446744073709552716",
    "programme.lump_sum_eur" },
  { "\"attendees\": [\"p1\", \"p2\"]",
    "\"attendees\": [\"p1\", \"p2\"], \"x-extension\": [1, 99999999999999999999999999]",
    "sessions[0].x-extension[1]" },
};

static void
test_read_invalid_out_of_range (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (out_of_range_cases); i++)
    {
      const RawCase *c = &out_of_range_cases[i];
      g_autofree char *text = vp_test_replace_once (base_document, c->old, c->new);
      g_autoptr(GError) error = NULL;
      g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

      g_assert_null (snapshot);
      assert_error_names (error, VP_FORMAT_ERROR_INVALID, c->member);
    }
}

/* The largest and smallest 64-bit numbers still reach the member's own
 * range check, which names its range. */
static void
test_read_invalid_out_of_member_range (void)
{
  g_autofree char *text = vp_test_replace_once (base_document, "\"attendees\": [\"p1\", \"p2\"]",
                                                "\"attendees\": [\"p1\", \"p2\"], "
                                                "\"capacity\": -9223372036854775808");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

  g_assert_null (snapshot);
  assert_error_names (error, VP_FORMAT_ERROR_INVALID, "sessions[0].capacity");
  g_assert_true (error != NULL && strstr (error->message, "1 to 100000") != NULL);
}

/* json-glib keeps strings as C text: "\u0000" cut "Visit one" short. */
static void
test_read_invalid_nul_escape (void)
{
  static const RawCase cases[] = {
    { "\"Visit one\"", "\"Visit\\u0000 one\"", "sessions[0].title" },
    { "\"title\": \"Visit\"", "\"title\": \"Visit\", \"description\": \"a\\u0000\"",
      "programme.description" },
    { "\"p2\"]", "\"p2\\u0000\"]", "sessions[0].attendees[1]" },
    { "\"name\": \"Jukka\"", "\"name\": \"Jukka\", \"no\\u0000tes\": \"x\"",
      "participants[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vp_test_replace_once (base_document, cases[i].old, cases[i].new);
      g_autoptr(GError) error = NULL;
      g_autoptr(VpSnapshot) snapshot = read_text (text, &error);

      if (snapshot != NULL)
        {
          g_test_fail_printf ("“%s” was accepted", cases[i].new);
          continue;
        }
      assert_error_names (error, VP_FORMAT_ERROR_INVALID, cases[i].member);
    }
}

/* Whole numbers at the edges of 64 bits, numbers with many digits after
 * the point or in the exponent, and any escape but \u0000, still read. */
static void
test_read_number_edges (void)
{
  g_autofree char *text =
    vp_test_replace_once (base_document, "\"Visit one\"",
                          "\"Visit\\u0001 \\u00e4 one\", "
                          "\"x-big\": [9223372036854775807, -9223372036854775808, "
                          "-0, 0, 1.5e400, 18446744073709551616.0, "
                          "1e-99999999999999999999, "
                          "0.000000000000000000000000000001]");
  g_autofree char *long_fraction =
    vp_test_replace_once (text, "\"latitude\": 54.7",
                          "\"latitude\": 54.68720000000000000000000001");
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (long_fraction);

  g_assert_cmpstr (vp_session_get_title (vp_snapshot_lookup_session (snapshot, "s1")), ==,
                   "Visit\001 ä one");
}

static void
test_read_invalid_string_too_long (void)
{
  static const gsize length = 30 * 1024 * 1024;
  g_autoptr(GString) value = g_string_sized_new (length + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_c (value, '"');
  for (gsize i = 0; i < length; i++)
    g_string_append_c (value, 'a');
  g_string_append_c (value, '"');
  /* the big string goes in by text, not through json-glib's generator */
  text = vp_test_replace_once (base_document, "\"title\": \"Visit one\",",
                               "\"title\": \"Visit one\", \"description\": @,");
  {
    g_autofree char *full = NULL;
    const char *at = strchr (text, '@');

    full = g_strdup_printf ("%.*s%s%s", (int)(at - text), text, value->str, at + 1);
    bytes = g_bytes_new_take (g_steal_pointer (&full), strlen (text) - 1 + value->len);
  }

  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_null (snapshot);
  assert_error_names (error, VP_FORMAT_ERROR_TOO_LARGE, "sessions[0].description");
}

static void
test_read_invalid_deep_nesting (void)
{
  static const guint depth = 100000;
  g_autoptr(GString) text =
    g_string_new ("{\"format\": \"visit-planner-programme\", \"version\": 1, \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GTimer) timer = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (text, i % 2 ? "{\"a\": " : "[");
  for (guint i = depth; i > 0; i--)
    g_string_append_c (text, (i - 1) % 2 ? '}' : ']');
  g_string_append_c (text, '}');
  bytes = g_bytes_new (text->str, text->len);

  timer = g_timer_new ();
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_null (snapshot);
  g_assert_nonnull (error);
  g_assert_true (error != NULL && error->domain == VP_FORMAT_ERROR);
  g_assert_true (error != NULL && error->code != VP_FORMAT_ERROR_INVALID);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
}

/* Main {{{1 */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/format/read/full/programme", test_read_full_programme);
  g_test_add_func ("/format/read/full/hosts", test_read_full_hosts);
  g_test_add_func ("/format/read/full/participants", test_read_full_participants);
  g_test_add_func ("/format/read/full/sessions", test_read_full_sessions);
  g_test_add_func ("/format/read/sessions-in-time-order", test_read_sessions_in_time_order);
  g_test_add_func ("/format/read/uids-generated", test_read_uids_generated);
  g_test_add_func ("/format/read/ambiguous-time-first", test_read_ambiguous_time_first);
  g_test_add_func ("/format/read/travel-without-uids", test_read_travel_without_uids);
  g_test_add_func ("/format/read/unknown-members-ignored", test_read_unknown_members_ignored);
  g_test_add_func ("/format/read/null-is-absent", test_read_null_is_absent);
  g_test_add_func ("/format/read/null-lists-are-empty", test_read_null_lists_are_empty);
  g_test_add_func ("/format/read/bom-accepted", test_read_bom_accepted);

  g_test_add_func ("/format/write/twice-identical", test_write_twice_identical);
  g_test_add_func ("/format/write/read-write-identical", test_write_read_write_identical);
  g_test_add_func ("/format/write/every-member", test_write_every_member);
  g_test_add_func ("/format/write/whole-numbers-plain", test_write_whole_numbers_plain);
  g_test_add_func ("/format/write/valid-utf8", test_write_valid_utf8);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    g_test_add_data_func (invalid_cases[i].test_path, &invalid_cases[i], test_read_invalid_case);
  g_test_add_func ("/format/read/invalid/latitude-huge", test_read_invalid_latitude_huge);
  g_test_add_func ("/format/read/invalid/json", test_read_invalid_json);
  g_test_add_func ("/format/read/invalid/empty", test_read_invalid_empty);
  g_test_add_func ("/format/read/invalid/not-object", test_read_invalid_not_object);
  g_test_add_func ("/format/read/invalid/utf8", test_read_invalid_utf8);
  g_test_add_func ("/format/read/invalid/escape", test_read_invalid_escape);
  g_test_add_func ("/format/read/invalid/value-before-object", test_read_invalid_value_before_object);
  g_test_add_func ("/format/read/invalid/value-after-object", test_read_invalid_value_after_object);
  g_test_add_func ("/format/read/invalid/lone-surrogate", test_read_invalid_lone_surrogate);
  g_test_add_func ("/format/read/invalid/string-too-long", test_read_invalid_string_too_long);
  g_test_add_func ("/format/read/invalid/out-of-range", test_read_invalid_out_of_range);
  g_test_add_func ("/format/read/invalid/out-of-member-range",
                   test_read_invalid_out_of_member_range);
  g_test_add_func ("/format/read/invalid/nul-escape", test_read_invalid_nul_escape);
  g_test_add_func ("/format/read/number-edges", test_read_number_edges);
  g_test_add_func ("/format/read/invalid/deep-nesting", test_read_invalid_deep_nesting);

  return g_test_run ();
}

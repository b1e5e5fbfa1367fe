/* test-checks.c: unit tests of the checks (every problem code) and the ClusterXChange budget. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "vp-checks.h"
#include "vp-language.h"
#include "vp-test-core.h"

/* Documents {{{1 */

/* A clean plan: a working week (Mon 10 to Fri 14 May 2027) in Vilnius, three
 * hosts a few kilometres apart, three visitors from Helsinki (612 km away)
 * who land the evening before, leave on the last evening and sleep in a
 * hotel every night, one session that is not a transfer on each weekday.
 * Tests change one thing in it and look for exactly the problem that makes. */
static const char base_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"prog-checks\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-05-10\",\n"
  "    \"end_date\": \"2027-05-14\",\n"
  "    \"origin\": { \"city\": \"Helsinki\", \"latitude\": 60.1699, \"longitude\": 24.9384 },\n"
  "    \"lump_sum_eur\": 1100\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"alpha\", \"name\": \"Alpha Photonics\", \"country\": \"LT\",\n"
  "      \"latitude\": 54.6872, \"longitude\": 25.2797, \"max_group_size\": 10 },\n"
  "    { \"id\": \"beta\", \"name\": \"Beta Optics Lab\", \"country\": \"LT\",\n"
  "      \"latitude\": 54.7226, \"longitude\": 25.3378, \"max_group_size\": 10 },\n"
  "    { \"id\": \"gamma\", \"name\": \"Gamma Innovation Park\", \"country\": \"LT\",\n"
  "      \"latitude\": 54.7366, \"longitude\": 25.2608, \"max_group_size\": 10 }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    {\n"
  "      \"id\": \"p1\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\",\n"
  "      \"country\": \"FI\",\n"
  "      \"travel\": [\n"
  "        { \"kind\": \"flight\", \"from\": \"Helsinki\", \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-05-09T19:55\", \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-05-09T21:10\" },\n"
  "        { \"kind\": \"flight\", \"from\": \"Vilnius\", \"to\": \"Helsinki\",\n"
  "          \"depart\": \"2027-05-14T17:50\",\n"
  "          \"arrive\": \"2027-05-14T19:05\", \"arrive_timezone\": \"Europe/Helsinki\" }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        { \"name\": \"Hotel Neris\",\n"
  "          \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-14\" }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"p2\", \"name\": \"Jukka Räsänen\", \"email\": \"jukka@example.org\",\n"
  "      \"country\": \"FI\",\n"
  "      \"travel\": [\n"
  "        { \"kind\": \"flight\", \"from\": \"Helsinki\", \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-05-09T19:55\", \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-05-09T21:10\" },\n"
  "        { \"kind\": \"flight\", \"from\": \"Vilnius\", \"to\": \"Helsinki\",\n"
  "          \"depart\": \"2027-05-14T17:50\",\n"
  "          \"arrive\": \"2027-05-14T19:05\", \"arrive_timezone\": \"Europe/Helsinki\" }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        { \"name\": \"Hotel Neris\",\n"
  "          \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-14\" }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"p3\", \"name\": \"Karin Lindqvist\", \"email\": \"karin@example.org\",\n"
  "      \"country\": \"SE\",\n"
  "      \"travel\": [\n"
  "        { \"kind\": \"flight\", \"from\": \"Helsinki\", \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-05-09T19:55\", \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-05-09T21:10\" },\n"
  "        { \"kind\": \"flight\", \"from\": \"Vilnius\", \"to\": \"Helsinki\",\n"
  "          \"depart\": \"2027-05-14T17:50\",\n"
  "          \"arrive\": \"2027-05-14T19:05\", \"arrive_timezone\": \"Europe/Helsinki\" }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        { \"name\": \"Hotel Neris\",\n"
  "          \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-14\" }\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"mon\", \"uid\": \"uid-mon\", \"title\": \"Welcome at Alpha\",\n"
  "      \"kind\": \"meeting\",\n"
  "      \"start\": \"2027-05-10T10:00\", \"end\": \"2027-05-10T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"tue\", \"uid\": \"uid-tue\", \"title\": \"Laboratory tour at Beta\",\n"
  "      \"kind\": \"visit\",\n"
  "      \"start\": \"2027-05-11T10:00\", \"end\": \"2027-05-11T12:00\", \"host\": \"beta\" },\n"
  "    { \"id\": \"wed\", \"uid\": \"uid-wed\", \"title\": \"Workshop at Gamma\",\n"
  "      \"kind\": \"workshop\",\n"
  "      \"start\": \"2027-05-12T10:00\", \"end\": \"2027-05-12T12:00\", \"host\": \"gamma\" },\n"
  "    { \"id\": \"thu\", \"uid\": \"uid-thu\", \"title\": \"B2B meetings at Beta\",\n"
  "      \"kind\": \"b2b\",\n"
  "      \"start\": \"2027-05-13T10:00\", \"end\": \"2027-05-13T12:00\", \"host\": \"beta\" },\n"
  "    { \"id\": \"fri\", \"uid\": \"uid-fri\", \"title\": \"Debriefing at Alpha\",\n"
  "      \"kind\": \"meeting\",\n"
  "      \"start\": \"2027-05-14T09:30\", \"end\": \"2027-05-14T11:00\", \"host\": \"alpha\" }\n"
  "  ]\n"
  "}\n";

/* A week over the end of summer time (in Vilnius the clocks go back from
 * 04:00 to 03:00 on Sunday 31 October 2027), with a clean session on each
 * weekday and one, sessions[5], on that Sunday night. */
static const char autumn_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"title\": \"Autumn in Vilnius\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-10-27\",\n"
  "    \"end_date\": \"2027-11-02\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"alpha\", \"name\": \"Alpha Photonics\",\n"
  "      \"latitude\": 54.6872, \"longitude\": 25.2797 }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"wed\", \"title\": \"Wednesday\", \"start\": \"2027-10-27T10:00\",\n"
  "      \"end\": \"2027-10-27T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"thu\", \"title\": \"Thursday\", \"start\": \"2027-10-28T10:00\",\n"
  "      \"end\": \"2027-10-28T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"fri\", \"title\": \"Friday\", \"start\": \"2027-10-29T10:00\",\n"
  "      \"end\": \"2027-10-29T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"mon\", \"title\": \"Monday\", \"start\": \"2027-11-01T10:00\",\n"
  "      \"end\": \"2027-11-01T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"tue\", \"title\": \"Tuesday\", \"start\": \"2027-11-02T10:00\",\n"
  "      \"end\": \"2027-11-02T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"night\", \"uid\": \"uid-night\", \"title\": \"Night at the observatory\",\n"
  "      \"start\": \"2027-10-31T04:30\", \"end\": \"2027-10-31T05:30\", \"host\": \"alpha\" }\n"
  "  ]\n"
  "}\n";

/* The base plan's positions (for the travel-time boundary). */
#define ALPHA_LATITUDE  54.6872
#define ALPHA_LONGITUDE 25.2797
#define BETA_LATITUDE   54.7226
#define BETA_LONGITUDE  25.3378

/* The numbers: town travel at 40 km/h plus a 15 min margin. */
#define SPEED_KMH      40.0
#define MARGIN_SECONDS (15 * 60)

/* Helpers {{{1 */

/* A change vp_test_patch_document() makes to a document. */
typedef VpTestPatch Patch;

static VpSnapshot *
read_document (const char  *text,
               const Patch *patches,
               guint        n_patches)
{
  g_autofree char *patched = vp_test_patch_document (text, patches, n_patches);

  return vp_test_read_document (patched);
}

/* The base plan with @patches applied. */
static VpSnapshot *
read_plan (const Patch *patches,
           guint        n_patches)
{
  return read_document (base_document, patches, n_patches);
}

static GPtrArray *
check_plan (const Patch     *patches,
            guint            n_patches,
            VpChecksContext *context)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (patches, n_patches);

  return vp_checks_run (snapshot, context);
}

static GPtrArray *
check_autumn (const Patch *patches,
              guint        n_patches)
{
  g_autoptr(VpSnapshot) snapshot = read_document (autumn_document, patches, n_patches);

  return vp_checks_run (snapshot, NULL);
}

static const char *
severity_name (VpSeverity severity)
{
  switch (severity)
    {
    case VP_SEVERITY_ERROR:
      return "error";
    case VP_SEVERITY_WARNING:
      return "warning";
    case VP_SEVERITY_INFO:
      return "info";
    default:
      return "?";
    }
}

/* Every problem, for failure messages (one line: TAP reads the rest as noise). */
static char *
describe (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  if (problems->len == 0)
    g_string_append (text, " (none)");
  for (guint i = 0; i < problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%s %s %s [session %s, participant %s, host %s]: %s",
                              i > 0 ? " |" : "", severity_name (problem->severity), problem->code,
                              problem->session ? problem->session : "-",
                              problem->participant ? problem->participant : "-",
                              problem->host ? problem->host : "-", problem->message);
    }

  return g_string_free (text, FALSE);
}

static const char *
problem_code (GPtrArray *problems,
              guint      index)
{
  return ((VpProblem *)g_ptr_array_index (problems, index))->code;
}

static guint
count_code (GPtrArray  *problems,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += g_str_equal (((VpProblem *)g_ptr_array_index (problems, i))->code, code);

  return n;
}

/* The one problem with @code (failing the test unless there is exactly one). */
static VpProblem *
expect_code (GPtrArray  *problems,
             const char *code)
{
  g_autofree char *all = describe (problems);
  VpProblem *found = NULL;

  for (guint i = 0; i < problems->len && found == NULL; i++)
    if (g_str_equal (((VpProblem *)g_ptr_array_index (problems, i))->code, code))
      found = g_ptr_array_index (problems, i);

  if (count_code (problems, code) != 1)
    {
      g_test_fail_printf ("expected one %s problem, got:%s", code, all);
      return NULL;
    }

  return found;
}

/* The only problem, which has @code. */
static VpProblem *
expect_only (GPtrArray  *problems,
             const char *code)
{
  g_autofree char *all = describe (problems);

  if (problems->len != 1 ||
      !g_str_equal (((VpProblem *)g_ptr_array_index (problems, 0))->code, code))
    {
      g_test_fail_printf ("expected only a %s problem, got:%s", code, all);
      return NULL;
    }

  return g_ptr_array_index (problems, 0);
}

static void
expect_none (GPtrArray *problems)
{
  g_autofree char *all = describe (problems);

  if (problems->len > 0)
    g_test_fail_printf ("expected no problem, got:%s", all);
}

static void
expect_no_code (GPtrArray  *problems,
                const char *code)
{
  g_autofree char *all = describe (problems);

  if (count_code (problems, code) > 0)
    g_test_fail_printf ("expected no %s problem, got:%s", code, all);
}

/* @problem's severity and references (NULL: must not be set). */
static void
expect_problem (VpProblem  *problem,
                VpSeverity  severity,
                const char *session,
                const char *participant,
                const char *host)
{
  if (problem == NULL)
    return;

  g_assert_cmpstr (severity_name (problem->severity), ==, severity_name (severity));
  g_assert_cmpstr (problem->session, ==, session);
  g_assert_cmpstr (problem->participant, ==, participant);
  g_assert_cmpstr (problem->host, ==, host);
}

static void
expect_message_names (VpProblem  *problem,
                      const char *text)
{
  if (problem == NULL)
    return;

  if (strstr (problem->message, text) == NULL)
    g_test_fail_printf ("the %s message does not name “%s”: %s", problem->code, text,
                        problem->message);
}

static void
expect_message_lacks (VpProblem  *problem,
                      const char *text)
{
  if (problem == NULL)
    return;

  if (strstr (problem->message, text) != NULL)
    g_test_fail_printf ("the %s message should not say “%s”: %s", problem->code, text,
                        problem->message);
}

#define CHECK(patches, context) check_plan ((patches), G_N_ELEMENTS (patches), (context))

/* A session added to the base plan, as JSON text. */
#define SESSION(id, title, start, end, host, attendees)                                    \
  "{ \"id\": \"" id "\", \"uid\": \"uid-" id "\", \"title\": \"" title "\", \"start\": \"" \
  start "\", \"end\": \"" end "\"" host ", \"attendees\": " attendees " }"
#define AT(host) ", \"host\": \"" host "\""
#define NOWHERE  ""

/* The clean plan {{{1 */

static void
test_clean_no_problems (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);

  expect_none (problems);
}


/* Order {{{1 */

static void
test_order_by_severity (void)
{
  /* made in the order info, warning, error (the ClusterXChange rules
   * apply to organisations, and this plan has none: test-cxc.c) */
  static const Patch patches[] = {
    { "sessions[2].status", "\"cancelled\"" },
    { "sessions[5]", SESSION ("dup", "Second welcome", "2027-05-10T10:00", "2027-05-10T12:00",
                              AT ("alpha"), "[]") },
    { "sessions[0].capacity", "2" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  g_autofree char *all = describe (problems);

  if (problems->len != 3)
    {
      g_test_fail_printf ("expected three problems, got:%s", all);
      return;
    }
  g_assert_cmpstr (problem_code (problems, 0), ==, "over-capacity");
  g_assert_cmpstr (problem_code (problems, 1), ==, "host-double-booked");
  g_assert_cmpstr (problem_code (problems, 2), ==, "empty-day");
}

static void
test_order_keeps_every_problem (void)
{
  /* three errors of one severity, in the order of the agenda */
  static const Patch patches[] = {
    { "sessions[0].capacity", "2" },
    { "sessions[1].capacity", "2" },
    { "sessions[2].capacity", "2" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  g_autofree char *all = describe (problems);
  static const char * const sessions[] = { "uid-mon", "uid-tue", "uid-wed" };

  if (problems->len != 3)
    {
      g_test_fail_printf ("expected three over-capacity errors, got:%s", all);
      return;
    }
  for (guint i = 0; i < 3; i++)
    expect_problem (g_ptr_array_index (problems, i), VP_SEVERITY_ERROR, sessions[i], NULL,
                    i == 1 ? "beta" : i == 0 ? "alpha" : "gamma");
}

static void
test_order_agenda_within_severity (void)
{
  /* two errors: Friday's found by an earlier rule than Monday's */
  static const Patch patches[] = {
    { "sessions[4].capacity", "2" },
    { "sessions[5]", SESSION ("lab", "Laser lab at Beta", "2027-05-10T11:00", "2027-05-10T12:30",
                              AT ("beta"), "[\"p1\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  g_autofree char *all = describe (problems);

  if (problems->len != 2)
    {
      g_test_fail_printf ("expected two errors, got:%s", all);
      return;
    }
  g_assert_cmpstr (((VpProblem *)g_ptr_array_index (problems, 0))->session, ==, "uid-mon");
  g_assert_cmpstr (((VpProblem *)g_ptr_array_index (problems, 1))->session, ==, "uid-fri");
}

/* participant-double-booked {{{1 */

static void
test_participant_double_booked_triggers (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("lab", "Laser lab at Beta", "2027-05-10T11:00", "2027-05-10T12:30",
                              AT ("beta"), "[\"p1\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "participant-double-booked");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-mon", "aino@example.org", NULL);
  expect_message_names (problem, "Welcome at Alpha");
  expect_message_names (problem, "Laser lab at Beta");
  expect_message_names (problem, "Aino Mäkelä");
}

static void
test_participant_double_booked_touching (void)
{
  /* ends exactly when the next starts, at the same site */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("lab", "Laser lab at Alpha", "2027-05-10T12:00", "2027-05-10T13:00",
                              AT ("alpha"), "[\"p1\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_participant_double_booked_other_attendees (void)
{
  /* same time, same site, different people: the site's problem only */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("a", "Sales at Alpha", "2027-05-11T14:00", "2027-05-11T15:00",
                              AT ("alpha"), "[\"p1\"]") },
    { "sessions[6]", SESSION ("b", "Research at Alpha", "2027-05-11T14:30", "2027-05-11T15:30",
                              AT ("alpha"), "[\"p2\", \"p3\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_no_code (problems, "participant-double-booked");
}

static void
test_participant_double_booked_cancelled (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("lab", "Laser lab at Beta", "2027-05-10T11:00", "2027-05-10T12:30",
                              AT ("beta"), "[\"p1\"]") },
    { "sessions[5].status", "\"cancelled\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_participant_double_booked_every_overlap (void)
{
  /* a long session overlaps two later ones that do not overlap each other:
   * all three are one run of clashes */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("expo", "Poster exhibition", "2027-05-11T09:00", "2027-05-11T17:00",
                              NOWHERE, "[\"p1\"]") },
    { "sessions[6]", SESSION ("talk", "Talk at Beta", "2027-05-11T14:00", "2027-05-11T15:00",
                              AT ("beta"), "[\"p1\", \"p2\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "participant-double-booked");
  static const char * const sessions[] = { "uid-expo", "uid-tue", "uid-talk", NULL };

  /* one problem for Aino's run of three; Jukka's two do not overlap */
  expect_problem (problem, VP_SEVERITY_ERROR, "uid-expo", "aino@example.org", NULL);
  expect_message_names (problem, "Poster exhibition");
  expect_message_names (problem, "Laboratory tour at Beta");
  expect_message_names (problem, "Talk at Beta");
  expect_message_lacks (problem, "Jukka");
  if (problem != NULL)
    g_assert_true (g_strv_equal ((const char * const *)problem->sessions, sessions));
}

/* host-double-booked {{{1 */

static void
test_host_double_booked_triggers (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("a", "Sales at Alpha", "2027-05-11T14:00", "2027-05-11T15:00",
                              AT ("alpha"), "[\"p1\"]") },
    { "sessions[6]", SESSION ("b", "Research at Alpha", "2027-05-11T14:30", "2027-05-11T15:30",
                              AT ("alpha"), "[\"p2\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "host-double-booked");

  expect_problem (problem, VP_SEVERITY_WARNING, "uid-a", NULL, "alpha");
  expect_message_names (problem, "Alpha Photonics");
  expect_message_names (problem, "Sales at Alpha");
  expect_message_names (problem, "Research at Alpha");
}

static void
test_host_double_booked_touching (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("a", "Sales at Alpha", "2027-05-11T14:00", "2027-05-11T15:00",
                              AT ("alpha"), "[\"p1\"]") },
    { "sessions[6]", SESSION ("b", "Research at Alpha", "2027-05-11T15:00", "2027-05-11T16:00",
                              AT ("alpha"), "[\"p2\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_host_double_booked_other_host (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("a", "Sales at Alpha", "2027-05-11T14:00", "2027-05-11T15:00",
                              AT ("alpha"), "[\"p1\"]") },
    { "sessions[6]", SESSION ("b", "Research at Gamma", "2027-05-11T14:30", "2027-05-11T15:30",
                              AT ("gamma"), "[\"p2\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* travel-time {{{1 */

/* The least whole number of seconds between the base plan's Alpha and Beta. */
static gint64
alpha_to_beta_seconds (void)
{
  double km = vp_checks_distance_km (ALPHA_LATITUDE, ALPHA_LONGITUDE,
                                     BETA_LATITUDE, BETA_LONGITUDE);

  return (gint64)ceil (km / SPEED_KMH * 3600.0) + MARGIN_SECONDS;
}

/* The base plan with Lunch at Beta for Aino, @gap seconds after the Monday
 * session at Alpha ends (12:00). */
static GPtrArray *
check_lunch_after (gint64 gap)
{
  gint64 start = 12 * 3600 + gap;
  g_autofree char *session =
    g_strdup_printf ("{ \"id\": \"lunch\", \"uid\": \"uid-lunch\", \"title\": \"Lunch at Beta\", "
                     "\"start\": \"2027-05-10T%02d:%02d:%02d\", \"end\": \"2027-05-10T14:00\", "
                     "\"host\": \"beta\", \"attendees\": [\"p1\"] }",
                     (int)(start / 3600), (int)(start / 60 % 60), (int)(start % 60));
  const Patch patches[] = { { "sessions[5]", session } };

  return CHECK (patches, NULL);
}

static void
test_travel_time_triggers (void)
{
  g_autoptr(GPtrArray) problems = check_lunch_after (10 * 60);
  VpProblem *problem = expect_only (problems, "travel-time");

  expect_problem (problem, VP_SEVERITY_WARNING, "uid-lunch", "aino@example.org", "beta");
  expect_message_names (problem, "Welcome at Alpha");
  expect_message_names (problem, "Lunch at Beta");
  expect_message_names (problem, "Alpha Photonics");
  expect_message_names (problem, "Beta Optics Lab");
  expect_message_names (problem, "Aino Mäkelä");
}

static void
test_travel_time_exact_gap (void)
{
  g_autoptr(GPtrArray) problems = check_lunch_after (alpha_to_beta_seconds ());

  /* the base plan's hosts are a few kilometres apart: minutes, not hours */
  g_assert_cmpint (alpha_to_beta_seconds (), >, MARGIN_SECONDS);
  g_assert_cmpint (alpha_to_beta_seconds (), <, MARGIN_SECONDS + 15 * 60);
  expect_none (problems);
}

static void
test_travel_time_one_second_short (void)
{
  g_autoptr(GPtrArray) problems = check_lunch_after (alpha_to_beta_seconds () - 1);

  expect_only (problems, "travel-time");
}

static void
test_travel_time_names_everyone (void)
{
  /* one problem for the pair of sessions, naming both people */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("lunch", "Lunch at Beta", "2027-05-10T12:10", "2027-05-10T13:00",
                              AT ("beta"), "[\"p1\", \"p2\"]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "travel-time");

  expect_message_names (problem, "Aino Mäkelä");
  expect_message_names (problem, "Jukka Räsänen");
}

/* outside-programme {{{1 */

static void
test_outside_programme_before_first_day (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("drinks", "Evening get-together", "2027-05-09T23:30",
                              "2027-05-10T00:30", AT ("alpha"), "\"all\"") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "outside-programme");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-drinks", NULL, "alpha");
  expect_message_names (problem, "Evening get-together");
}

/* A problem's days and times in the document's language, from its catalog
 * (the tests run in C.UTF-8: the locale would give English names). */
static void
test_problem_time_in_language (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("drinks", "Evening get-together", "2027-05-09T23:30",
                              "2027-05-10T00:30", AT ("alpha"), "\"all\"") },
  };
  VpLanguage *french = vp_language_get ("fr", NULL);
  VpLanguage *previous;
  g_autoptr(GPtrArray) problems = NULL;
  VpProblem *problem;
  const char *message;

  g_assert_nonnull (french);
  previous = vp_language_set_document (french);
  problems = CHECK (patches, NULL);
  vp_language_set_document (previous);

  problem = expect_only (problems, "outside-programme");
  message = problem->message;
  /* Sunday 9 May: “dim. 9 mai 23:30” */
  g_assert_nonnull (strstr (message,
                            vp_language_pgettext (french, "abbreviated month in a date\004May",
                                                  strlen ("abbreviated month in a date") + 1)));
  g_assert_null (strstr (message, "May"));
  g_assert_null (strstr (message, "Sun"));
}

static void
test_outside_programme_after_last_day (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("party", "Farewell party", "2027-05-14T23:00", "2027-05-15T00:30",
                              AT ("alpha"), "[]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "outside-programme");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-party", NULL, "alpha");
  expect_message_names (problem, "Farewell party");
}

static void
test_outside_programme_last_minute (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("party", "Farewell party", "2027-05-14T22:00", "2027-05-14T23:59",
                              AT ("alpha"), "[]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_outside_programme_first_minute (void)
{
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("night", "Night walk", "2027-05-10T00:00", "2027-05-10T01:00",
                              AT ("alpha"), "\"all\"") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_outside_programme_programme_zone (void)
{
  /* 05:00 on the first day in Tokyo is 23:00 the day before in Vilnius */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("call", "Call with Tokyo", "2027-05-10T05:00", "2027-05-10T06:00",
                              NOWHERE, "[]") },
    { "sessions[5].timezone", "\"Asia/Tokyo\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "outside-programme");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-call", NULL, NULL);
}

static void
test_outside_programme_other_zone_inside (void)
{
  /* 23:30 the day before in Warsaw is 00:30 on the first day in Vilnius */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("call", "Call with Warsaw", "2027-05-09T23:30", "2027-05-10T00:30",
                              NOWHERE, "[]") },
    { "sessions[5].timezone", "\"Europe/Warsaw\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* before-arrival, after-departure {{{1 */

static void
test_before_arrival_triggers (void)
{
  static const Patch patches[] = {
    { "participants[0].travel[0].depart", "\"2027-05-10T09:45\"" },
    { "participants[0].travel[0].arrive", "\"2027-05-10T11:00\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "before-arrival");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-mon", "aino@example.org", NULL);
  expect_message_names (problem, "Aino Mäkelä");
  expect_message_names (problem, "Welcome at Alpha");
}

static void
test_before_arrival_lands_at_start (void)
{
  static const Patch patches[] = {
    { "participants[0].travel[0].depart", "\"2027-05-10T08:45\"" },
    { "participants[0].travel[0].arrive", "\"2027-05-10T10:00\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_before_arrival_connecting_flight (void)
{
  /* the journey ends with its last leg: landing in Riga is not arriving */
  static const Patch patches[] = {
    { "participants[0].travel",
      "[ { \"kind\": \"flight\", \"from\": \"Helsinki\", \"to\": \"Riga\","
      "    \"depart\": \"2027-05-10T06:00\", \"depart_timezone\": \"Europe/Helsinki\","
      "    \"arrive\": \"2027-05-10T07:00\", \"arrive_timezone\": \"Europe/Riga\" },"
      "  { \"kind\": \"flight\", \"from\": \"Riga\", \"to\": \"Vilnius\","
      "    \"depart\": \"2027-05-10T09:30\", \"depart_timezone\": \"Europe/Riga\","
      "    \"arrive\": \"2027-05-10T10:30\" },"
      "  { \"kind\": \"flight\", \"from\": \"Vilnius\", \"to\": \"Helsinki\","
      "    \"depart\": \"2027-05-14T17:50\","
      "    \"arrive\": \"2027-05-14T19:05\", \"arrive_timezone\": \"Europe/Helsinki\" } ]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "before-arrival");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-mon", "aino@example.org", NULL);
}

static void
test_before_arrival_early_leaver (void)
{
  /* Karin goes home on Tuesday evening, before the middle of the week, and
   * attends Monday and Tuesday only: her way home is not an arrival */
  static const Patch patches[] = {
    { "participants[2].travel[1].depart", "\"2027-05-11T17:50\"" },
    { "participants[2].travel[1].arrive", "\"2027-05-11T19:05\"" },
    { "participants[2].accommodation[0].check_out", "\"2027-05-11\"" },
    { "sessions[2].attendees", "[\"p1\", \"p2\"]" },
    { "sessions[3].attendees", "[\"p1\", \"p2\"]" },
    { "sessions[4].attendees", "[\"p1\", \"p2\"]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_after_departure_triggers (void)
{
  static const Patch patches[] = {
    { "participants[0].travel[1].depart", "\"2027-05-14T10:30\"" },
    { "participants[0].travel[1].arrive", "\"2027-05-14T11:45\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "after-departure");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-fri", "aino@example.org", NULL);
  expect_message_names (problem, "Aino Mäkelä");
  expect_message_names (problem, "Debriefing at Alpha");
}

/* At the end of the years a time can have: the programme is in Kiritimati
 * (UTC+14), where Ana's flight at 9999-12-31T11:00 UTC leaves in the year
 * 10000, which GDateTime cannot hold; the message still says when. */
static const char far_future_document[] =
  "{ \"format\": \"visit-planner-programme\", \"version\": 1,\n"
  "  \"programme\": { \"title\": \"Far future\", \"host_country\": \"KI\",\n"
  "    \"timezone\": \"Pacific/Kiritimati\",\n"
  "    \"start_date\": \"9999-12-27\", \"end_date\": \"9999-12-31\" },\n"
  "  \"participants\": [ { \"id\": \"p\", \"name\": \"Ana\", \"travel\": [\n"
  "    { \"depart\": \"9999-12-26T10:00\", \"arrive\": \"9999-12-26T12:00\" },\n"
  "    { \"depart\": \"9999-12-31T11:00\", \"depart_timezone\": \"UTC\",\n"
  "      \"arrive\": \"9999-12-31T13:00\", \"arrive_timezone\": \"UTC\" } ] } ],\n"
  "  \"sessions\": [ { \"id\": \"s\", \"uid\": \"uid-s\", \"title\": \"Last session\",\n"
  "    \"timezone\": \"UTC\", \"start\": \"9999-12-31T08:00\", \"end\": \"9999-12-31T12:00\" } ]\n"
  "}\n";

static void
test_after_departure_year_10000 (void)
{
  g_autoptr(VpSnapshot) snapshot = read_document (far_future_document, NULL, 0);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  VpProblem *problem = expect_code (problems, "after-departure");

  /* 10000-01-01 is a Saturday; 01:00 in UTC+14 */
  expect_message_names (problem, "Ana leaves on Sat 1 Jan 01:00 ");
  expect_message_lacks (problem, "?");
  expect_message_lacks (problem, "(null)");
}

static void
test_after_departure_leaves_at_end (void)
{
  static const Patch patches[] = {
    { "participants[0].travel[1].depart", "\"2027-05-14T11:00\"" },
    { "participants[0].travel[1].arrive", "\"2027-05-14T12:15\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_after_departure_late_joiner (void)
{
  /* Karin lands on Thursday morning, after the middle of the week, and
   * attends Thursday and Friday only: her way there is not a departure */
  static const Patch patches[] = {
    { "participants[2].travel[0].depart", "\"2027-05-13T06:00\"" },
    { "participants[2].travel[0].depart_timezone", "\"Europe/Stockholm\"" },
    { "participants[2].travel[0].arrive", "\"2027-05-13T08:30\"" },
    { "participants[2].accommodation[0].check_in", "\"2027-05-13\"" },
    { "sessions[0].attendees", "[\"p1\", \"p2\"]" },
    { "sessions[1].attendees", "[\"p1\", \"p2\"]" },
    { "sessions[2].attendees", "[\"p1\", \"p2\"]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* no-accommodation {{{1 */

static void
test_no_accommodation_triggers (void)
{
  static const Patch patches[] = {
    { "participants[1].accommodation[0].check_out", "\"2027-05-12\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "no-accommodation");

  expect_problem (problem, VP_SEVERITY_WARNING, NULL, "jukka@example.org", NULL);
  expect_message_names (problem, "Jukka Räsänen");
  expect_message_names (problem, "Wed 12 May");
  expect_message_names (problem, "Thu 13 May");
}

static void
test_no_accommodation_consecutive_stays (void)
{
  static const Patch patches[] = {
    { "participants[1].accommodation",
      "[ { \"name\": \"Hotel Neris\","
      "    \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-12\" },"
      "  { \"name\": \"Hotel Gamma\","
      "    \"check_in\": \"2027-05-12\", \"check_out\": \"2027-05-14\" } ]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_no_accommodation_night_after_last_day (void)
{
  /* Aino flies home on Saturday: the night after the last day is her own */
  static const Patch patches[] = {
    { "participants[0].travel[1].depart", "\"2027-05-15T09:00\"" },
    { "participants[0].travel[1].arrive", "\"2027-05-15T10:15\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* over-capacity {{{1 */

static void
test_over_capacity_session (void)
{
  static const Patch patches[] = {
    { "sessions[0].capacity", "2" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "over-capacity");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-mon", NULL, "alpha");
  expect_message_names (problem, "Welcome at Alpha");
}

static void
test_over_capacity_session_exact (void)
{
  static const Patch patches[] = {
    { "sessions[0].capacity", "3" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_over_capacity_listed_attendees (void)
{
  /* a list counts its people, not the programme's */
  static const Patch patches[] = {
    { "sessions[0].capacity", "2" },
    { "sessions[0].attendees", "[\"p1\", \"p2\"]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_over_capacity_host (void)
{
  static const Patch patches[] = {
    { "hosts[2].max_group_size", "2" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "over-capacity");

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-wed", NULL, "gamma");
  expect_message_names (problem, "Workshop at Gamma");
  expect_message_names (problem, "Gamma Innovation Park");
}

static void
test_over_capacity_host_exact (void)
{
  static const Patch patches[] = {
    { "hosts[2].max_group_size", "3" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* ambiguous-local-time {{{1 */

static void
test_ambiguous_local_time_start (void)
{
  static const Patch patches[] = {
    { "sessions[5].start", "\"2027-10-31T03:30\"" },
  };
  g_autoptr(GPtrArray) problems = check_autumn (patches, G_N_ELEMENTS (patches));
  VpProblem *problem = expect_only (problems, "ambiguous-local-time");

  expect_problem (problem, VP_SEVERITY_WARNING, "uid-night", NULL, "alpha");
  expect_message_names (problem, "Night at the observatory");
  expect_message_names (problem, "2027-10-31T03:30");
}

static void
test_ambiguous_local_time_end (void)
{
  static const Patch patches[] = {
    { "sessions[5].start", "\"2027-10-31T02:00\"" },
    { "sessions[5].end", "\"2027-10-31T03:30\"" },
  };
  g_autoptr(GPtrArray) problems = check_autumn (patches, G_N_ELEMENTS (patches));
  VpProblem *problem = expect_only (problems, "ambiguous-local-time");

  expect_problem (problem, VP_SEVERITY_WARNING, "uid-night", NULL, "alpha");
}

static void
test_ambiguous_local_time_session_zone (void)
{
  /* Warsaw repeats 02:00 to 03:00, an hour earlier than Vilnius */
  static const Patch patches[] = {
    { "sessions[5].timezone", "\"Europe/Warsaw\"" },
    { "sessions[5].start", "\"2027-10-31T02:30\"" },
    { "sessions[5].end", "\"2027-10-31T03:15\"" },
  };
  g_autoptr(GPtrArray) problems = check_autumn (patches, G_N_ELEMENTS (patches));
  VpProblem *problem = expect_only (problems, "ambiguous-local-time");

  expect_message_names (problem, "Europe/Warsaw");
}

static void
test_ambiguous_local_time_after_the_hour (void)
{
  g_autoptr(GPtrArray) problems = check_autumn (NULL, 0);

  expect_none (problems);
}

/* empty-day {{{1 */

static void
test_empty_day_triggers (void)
{
  static const Patch patches[] = {
    { "sessions[2].status", "\"cancelled\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_code (problems, "empty-day");

  expect_problem (problem, VP_SEVERITY_INFO, NULL, NULL, NULL);
  expect_message_names (problem, "Wed 12 May");
}

static void
test_empty_day_weekend (void)
{
  /* a programme over a weekend with nothing on Saturday and Sunday */
  static const Patch patches[] = {
    { "programme.end_date", "\"2027-05-17\"" },
    { "sessions[5]", SESSION ("mon2", "Follow-up at Alpha", "2027-05-17T10:00", "2027-05-17T12:00",
                              AT ("alpha"), "[]") },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

static void
test_empty_day_transfer_is_something (void)
{
  static const Patch patches[] = {
    { "sessions[2].kind", "\"transfer\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_no_code (problems, "empty-day");
}

/* cxc-repeat-visitor {{{1 */

static GHashTable *
other_visits_new (const char *key,
                  const char *title)
{
  GHashTable *visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (visits, g_utf8_casefold (key, -1), g_strdup (title));
  return visits;
}

static void
test_repeat_visitor_triggers (void)
{
  g_autoptr(GHashTable) visits = other_visits_new ("aino@example.org", "Lasers in Riga 2026");
  VpChecksContext context = { visits };
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, &context);
  VpProblem *problem = expect_only (problems, "cxc-repeat-visitor");

  expect_problem (problem, VP_SEVERITY_WARNING, NULL, "aino@example.org", NULL);
  expect_message_names (problem, "Aino Mäkelä");
  expect_message_names (problem, "Lasers in Riga 2026");
}

static void
test_repeat_visitor_case_insensitive (void)
{
  static const Patch patches[] = {
    { "participants[0].email", "\"Aino.MÄKELÄ@Example.ORG\"" },
  };
  g_autoptr(GHashTable) visits = other_visits_new ("aino.mäkelä@example.org",
                                                   "Lasers in Riga 2026");
  VpChecksContext context = { visits };
  g_autoptr(GPtrArray) problems = CHECK (patches, &context);
  VpProblem *problem = expect_only (problems, "cxc-repeat-visitor");

  expect_problem (problem, VP_SEVERITY_WARNING, NULL, "Aino.MÄKELÄ@Example.ORG", NULL);
}

static void
test_repeat_visitor_without_email (void)
{
  /* no email, no identity across programmes: not even an id matches */
  static const Patch patches[] = {
    { "participants[2].email", NULL },
  };
  g_autoptr(GHashTable) visits = other_visits_new ("p3", "Lasers in Riga 2026");
  VpChecksContext context = { visits };
  g_autoptr(GPtrArray) problems = NULL;

  g_hash_table_insert (visits, g_utf8_casefold ("Karin Lindqvist", -1), g_strdup ("Optics 2025"));
  problems = CHECK (patches, &context);
  expect_none (problems);
}

static void
test_repeat_visitor_other_people (void)
{
  g_autoptr(GHashTable) visits = other_visits_new ("someone@example.org", "Lasers in Riga 2026");
  VpChecksContext context = { visits };
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, &context);

  expect_none (problems);
}

/* Cancelled sessions {{{1 */

static void
test_cancelled_never_triggers (void)
{
  /* outside the programme, over capacity, after everyone has left, at the
   * same time and site as nothing else */
  static const Patch patches[] = {
    { "sessions[5]", SESSION ("sat", "Saturday excursion", "2027-05-15T10:00", "2027-05-15T12:00",
                              AT ("alpha"), "\"all\"") },
    { "sessions[5].capacity", "1" },
    { "sessions[5].status", "\"cancelled\"" },
    { "sessions[6]", SESSION ("dup", "Second welcome", "2027-05-10T10:00", "2027-05-10T12:00",
                              AT ("alpha"), "\"all\"") },
    { "sessions[6].status", "\"cancelled\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);

  expect_none (problems);
}

/* Distances and countries {{{1 */

static void
test_distance_helsinki_vilnius (void)
{
  double km = vp_checks_distance_km (60.1699, 24.9384, 54.6872, 25.2797);

  g_assert_cmpfloat_with_epsilon (km, 612.0, 612.0 * 0.01);
}

static void
test_distance_paris_london (void)
{
  double km = vp_checks_distance_km (48.8566, 2.3522, 51.5074, -0.1278);

  g_assert_cmpfloat_with_epsilon (km, 344.0, 344.0 * 0.01);
}

static void
test_distance_same_place (void)
{
  g_assert_cmpfloat_with_epsilon (vp_checks_distance_km (54.6872, 25.2797, 54.6872, 25.2797),
                                  0.0, 1e-9);
}

static void
test_distance_symmetric (void)
{
  g_assert_cmpfloat_with_epsilon (vp_checks_distance_km (60.1699, 24.9384, 54.6872, 25.2797),
                                  vp_checks_distance_km (54.6872, 25.2797, 60.1699, 24.9384),
                                  1e-9);
}

static void
test_distance_across_date_line (void)
{
  /* one degree of the equator, not 359 */
  g_assert_cmpfloat_with_epsilon (vp_checks_distance_km (0.0, 179.5, 0.0, -179.5), 111.2, 0.5);
}

static void
test_country_eligible (void)
{
  g_assert_true (vp_checks_country_eligible ("FI"));
  g_assert_true (vp_checks_country_eligible ("LT"));
  g_assert_true (vp_checks_country_eligible ("IS"));
}

static void
test_country_not_eligible (void)
{
  g_assert_false (vp_checks_country_eligible ("GB"));
  g_assert_false (vp_checks_country_eligible ("US"));
  g_assert_false (vp_checks_country_eligible (""));
}

static void
test_country_source (void)
{
  const char *source = vp_checks_country_source ();

  g_assert_nonnull (source);
  g_assert_nonnull (strstr (source, "2021-11-08"));
}

/* The demo programme {{{1 */

static void
test_demo_no_errors (void)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_demo ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *all = NULL;

  if (snapshot == NULL)
    return;
  problems = vp_checks_run (snapshot, NULL);
  all = describe (problems);
  /* a plan a coordinator would send: nothing to fix before the group travels */
  for (guint i = 0; i < problems->len; i++)
    if (((VpProblem *)g_ptr_array_index (problems, i))->severity == VP_SEVERITY_ERROR)
      g_test_fail_printf ("the demo has an error:%s", all);
}

/* Problems that multiply {{{1 */

/* The base plan with @n more sessions made by @make (the JSON text of the
 * i-th), checked. */
typedef char *(*MakeSession) (guint i);

static GPtrArray *
check_with_sessions (guint        n,
                     MakeSession  make,
                     const Patch *extra,
                     guint        n_extra)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) patches = g_array_new (FALSE, FALSE, sizeof (Patch));

  for (guint i = 0; i < n_extra; i++)
    g_array_append_val (patches, extra[i]);
  for (guint i = 0; i < n; i++)
    {
      char *text = make (i);
      Patch patch = { NULL, text };

      g_ptr_array_add (texts, text);
      patch.path = g_strdup_printf ("sessions[%u]", 5 + i);
      g_ptr_array_add (texts, (char *)patch.path);
      g_array_append_val (patches, patch);
    }

  return check_plan ((const Patch *)patches->data, patches->len, NULL);
}

/* Tuesday 14:00 to 15:00, for Aino alone, nowhere. */
static char *
make_aino_at_two (guint i)
{
  return g_strdup_printf ("{ \"id\": \"x%u\", \"uid\": \"uid-x%u\", \"title\": \"Talk %u\", "
                          "\"start\": \"2027-05-11T14:00\", \"end\": \"2027-05-11T15:00\", "
                          "\"attendees\": [\"p1\"] }", i, i, i);
}

/* Tuesday 14:00 to 15:00, for everyone, at Alpha. */
static char *
make_everyone_at_alpha (guint i)
{
  return g_strdup_printf ("{ \"id\": \"x%u\", \"uid\": \"uid-x%u\", \"title\": \"Talk %u\", "
                          "\"start\": \"2027-05-11T14:00\", \"end\": \"2027-05-11T15:00\", "
                          "\"host\": \"alpha\" }", i, i, i);
}

/* Uids uid-x0 .. uid-x(n-1), each once, and nothing else. */
static void
expect_sessions (VpProblem *problem,
                 guint      n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (problem == NULL)
    return;
  g_assert_nonnull (problem->sessions);
  if (problem->sessions == NULL)
    return;
  g_assert_cmpuint (g_strv_length (problem->sessions), ==, n);
  for (guint i = 0; problem->sessions[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (problem->sessions[i], "uid-x"));
      g_assert_true (g_hash_table_add (seen, problem->sessions[i]));
    }
  g_assert_cmpstr (problem->session, ==, problem->sessions[0]);
}

/* 300 sessions at once, one person: one problem (not 300 × 299 / 2), its
 * message a few titles long, its sessions all of them. */
static void
test_participant_double_booked_many (void)
{
  g_autoptr(GPtrArray) problems = check_with_sessions (300, make_aino_at_two, NULL, 0);
  VpProblem *problem = expect_only (problems, "participant-double-booked");

  expect_sessions (problem, 300);
  expect_message_names (problem, "Aino Mäkelä is booked in 300 sessions that overlap");
  expect_message_names (problem, "and 295 more");
  if (problem != NULL)
    g_assert_cmpuint (strlen (problem->message), <, 400);
}

/* Everyone in 60 sessions at once at one site: one problem for the three
 * of them and one for the site, not 1770 of each. */
static void
test_participant_double_booked_everyone (void)
{
  g_autoptr(GPtrArray) problems = check_with_sessions (60, make_everyone_at_alpha, NULL, 0);
  VpProblem *people = expect_code (problems, "participant-double-booked");
  VpProblem *site = expect_code (problems, "host-double-booked");

  expect_sessions (people, 60);
  expect_message_names (people, "Aino Mäkelä, Jukka Räsänen, Karin Lindqvist are booked in 60");
  expect_sessions (site, 60);
  expect_message_names (site, "Alpha Photonics receives 60 sessions that overlap");
  expect_problem (site, VP_SEVERITY_WARNING, site ? site->sessions[0] : NULL, NULL, "alpha");
}

/* Tuesday afternoon, 20 minutes each with 5 between, Alpha and Beta by
 * turns: 19 changes of site too tight for one person on one day. */
static char *
make_alpha_beta (guint i)
{
  guint start = 13 * 60 + i * 25;

  return g_strdup_printf ("{ \"id\": \"x%u\", \"uid\": \"uid-x%u\", \"title\": \"Stop %u\", "
                          "\"start\": \"2027-05-11T%02u:%02u\", \"end\": \"2027-05-11T%02u:%02u\", "
                          "\"host\": \"%s\", \"attendees\": [\"p1\"] }",
                          i, i, i, start / 60, start % 60, (start + 20) / 60, (start + 20) % 60,
                          i % 2 ? "beta" : "alpha");
}

static void
test_travel_time_one_problem_a_day (void)
{
  g_autoptr(GPtrArray) problems = check_with_sessions (20, make_alpha_beta, NULL, 0);
  VpProblem *problem = expect_only (problems, "travel-time");

  /* the sessions after each tight change: all but the first */
  expect_sessions (problem, 19);
  expect_problem (problem, VP_SEVERITY_WARNING, "uid-x1", "aino@example.org", "beta");
  expect_message_names (problem, "19 changes of site");
  expect_message_names (problem, "Aino Mäkelä");
  expect_message_names (problem, "“Stop 0” to “Stop 1”");
  expect_message_names (problem, "and 14 more");
}

/* Before the first day, Sunday. */
static char *
make_sunday (guint i)
{
  return g_strdup_printf ("{ \"id\": \"x%u\", \"uid\": \"uid-x%u\", \"title\": \"Early %u\", "
                          "\"start\": \"2027-05-09T1%u:00\", \"end\": \"2027-05-09T1%u:30\", "
                          "\"attendees\": [] }", i, i, i, i, i);
}

static void
test_outside_programme_one_problem (void)
{
  g_autoptr(GPtrArray) problems = check_with_sessions (4, make_sunday, NULL, 0);
  VpProblem *problem = expect_only (problems, "outside-programme");

  expect_sessions (problem, 4);
  expect_message_names (problem, "4 sessions start before the programme's first day 2027-05-10");
}

static void
test_over_capacity_host_one_problem (void)
{
  /* Alpha has Monday's and Friday's sessions, for three */
  static const Patch patches[] = {
    { "hosts[0].max_group_size", "2" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_only (problems, "over-capacity");
  static const char * const sessions[] = { "uid-mon", "uid-fri", NULL };

  expect_problem (problem, VP_SEVERITY_ERROR, "uid-mon", NULL, "alpha");
  expect_message_names (problem, "2 sessions at Alpha Photonics");
  if (problem != NULL)
    g_assert_true (g_strv_equal ((const char * const *)problem->sessions, sessions));
}

/* Three weeks more with nothing in them: one range, not 15 days. */
static void
test_empty_day_range (void)
{
  static const Patch patches[] = {
    { "programme.end_date", "\"2027-06-04\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_code (problems, "empty-day");

  expect_problem (problem, VP_SEVERITY_INFO, NULL, NULL, NULL);
  expect_message_names (problem, "from Mon 17 May to Fri 4 Jun");
}

/* A programme from the year 1 to 9999: two ranges around the planned week,
 * days shown with their years, found at once (2.6 million problems and
 * days × sessions of work before). */
static void
test_empty_day_years (void)
{
  static const Patch patches[] = {
    { "programme.start_date", "\"0001-01-01\"" },
    { "programme.end_date", "\"9999-12-31\"" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  g_autofree char *all = describe (problems);

  if (count_code (problems, "empty-day") != 2)
    g_test_fail_printf ("expected two empty-day ranges, got %u problems", problems->len);
  else if (strstr (all, "Nothing is planned from Mon 1 Jan 1 to Fri 7 May 2027") == NULL ||
           strstr (all, "Nothing is planned from Mon 17 May 2027 to Fri 31 Dec 9999") == NULL)
    g_test_fail_printf ("the ranges are not the days around the week: %s", all);
}

/* Nobody booked a hotel for eight thousand years: one problem, its
 * message one range long. */
static void
test_no_accommodation_ranges (void)
{
  static const Patch patches[] = {
    { "programme.start_date", "\"0001-01-01\"" },
    { "programme.end_date", "\"9999-12-31\"" },
    { "participants[0].travel", "[]" },
    { "participants[0].accommodation",
      "[ { \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-14\" },"
      "  { \"check_in\": \"2027-05-20\", \"check_out\": \"2027-05-21\" } ]" },
  };
  g_autoptr(GPtrArray) problems = CHECK (patches, NULL);
  VpProblem *problem = expect_code (problems, "no-accommodation");

  expect_problem (problem, VP_SEVERITY_WARNING, NULL, "aino@example.org", NULL);
  expect_message_names (problem, "Mon 1 Jan 1 to Sat 8 May 2027, Fri 14 May 2027 to "
                                 "Wed 19 May 2027, Fri 21 May 2027 to Thu 30 Dec 9999");
  if (problem != NULL)
    g_assert_cmpuint (strlen (problem->message), <, 400);
}

static char *
make_night_session (guint i)
{
  return g_strdup_printf ("{ \"id\": \"x%u\", \"uid\": \"uid-x%u\", \"title\": \"Night %u\", "
                          "\"start\": \"2027-10-31T03:%02u\", \"end\": \"2027-10-31T05:00\", "
                          "\"attendees\": [] }", i, i, i, 10 + i);
}

/* Five sessions in the hour that happens twice: one problem. */
static void
test_ambiguous_local_time_one_problem (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) patches = g_array_new (FALSE, FALSE, sizeof (Patch));
  g_autoptr(GPtrArray) problems = NULL;
  VpProblem *problem;

  for (guint i = 0; i < 5; i++)
    {
      Patch patch = { g_strdup_printf ("sessions[%u]", 6 + i), make_night_session (i) };

      g_ptr_array_add (texts, (char *)patch.path);
      g_ptr_array_add (texts, (char *)patch.value);
      g_array_append_val (patches, patch);
    }
  problems = check_autumn ((const Patch *)patches->data, patches->len);
  problem = expect_only (problems, "ambiguous-local-time");
  expect_sessions (problem, 5);
  expect_message_names (problem, "5 sessions");
  expect_message_names (problem, "Europe/Vilnius");
}

/* Main {{{1 */

int
main (int   argc,
      char *argv[])
{
  /* failure messages in UTF-8; day names and messages stay untranslated */
  setlocale (LC_CTYPE, "");
  g_test_init (&argc, &argv, NULL);
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/checks/clean/no-problems", test_clean_no_problems);

  g_test_add_func ("/checks/order/by-severity", test_order_by_severity);
  g_test_add_func ("/checks/order/keeps-every-problem", test_order_keeps_every_problem);
  g_test_add_func ("/checks/order/agenda-within-severity", test_order_agenda_within_severity);

  g_test_add_func ("/checks/participant-double-booked/triggers",
                   test_participant_double_booked_triggers);
  g_test_add_func ("/checks/participant-double-booked/touching",
                   test_participant_double_booked_touching);
  g_test_add_func ("/checks/participant-double-booked/other-attendees",
                   test_participant_double_booked_other_attendees);
  g_test_add_func ("/checks/participant-double-booked/cancelled",
                   test_participant_double_booked_cancelled);
  g_test_add_func ("/checks/participant-double-booked/every-overlap",
                   test_participant_double_booked_every_overlap);

  g_test_add_func ("/checks/host-double-booked/triggers", test_host_double_booked_triggers);
  g_test_add_func ("/checks/host-double-booked/touching", test_host_double_booked_touching);
  g_test_add_func ("/checks/host-double-booked/other-host", test_host_double_booked_other_host);

  g_test_add_func ("/checks/travel-time/triggers", test_travel_time_triggers);
  g_test_add_func ("/checks/travel-time/exact-gap", test_travel_time_exact_gap);
  g_test_add_func ("/checks/travel-time/one-second-short", test_travel_time_one_second_short);
  g_test_add_func ("/checks/travel-time/names-everyone", test_travel_time_names_everyone);

  g_test_add_func ("/checks/outside-programme/time-in-language", test_problem_time_in_language);
  g_test_add_func ("/checks/outside-programme/before-first-day",
                   test_outside_programme_before_first_day);
  g_test_add_func ("/checks/outside-programme/after-last-day",
                   test_outside_programme_after_last_day);
  g_test_add_func ("/checks/outside-programme/last-minute", test_outside_programme_last_minute);
  g_test_add_func ("/checks/outside-programme/first-minute", test_outside_programme_first_minute);
  g_test_add_func ("/checks/outside-programme/programme-zone",
                   test_outside_programme_programme_zone);
  g_test_add_func ("/checks/outside-programme/other-zone-inside",
                   test_outside_programme_other_zone_inside);

  g_test_add_func ("/checks/before-arrival/triggers", test_before_arrival_triggers);
  g_test_add_func ("/checks/before-arrival/lands-at-start", test_before_arrival_lands_at_start);
  g_test_add_func ("/checks/before-arrival/connecting-flight",
                   test_before_arrival_connecting_flight);
  g_test_add_func ("/checks/before-arrival/early-leaver", test_before_arrival_early_leaver);
  g_test_add_func ("/checks/after-departure/triggers", test_after_departure_triggers);
  g_test_add_func ("/checks/after-departure/leaves-at-end", test_after_departure_leaves_at_end);
  g_test_add_func ("/checks/after-departure/late-joiner", test_after_departure_late_joiner);
  g_test_add_func ("/checks/after-departure/year-10000", test_after_departure_year_10000);

  g_test_add_func ("/checks/no-accommodation/triggers", test_no_accommodation_triggers);
  g_test_add_func ("/checks/no-accommodation/consecutive-stays",
                   test_no_accommodation_consecutive_stays);
  g_test_add_func ("/checks/no-accommodation/night-after-last-day",
                   test_no_accommodation_night_after_last_day);

  g_test_add_func ("/checks/over-capacity/session", test_over_capacity_session);
  g_test_add_func ("/checks/over-capacity/session-exact", test_over_capacity_session_exact);
  g_test_add_func ("/checks/over-capacity/listed-attendees", test_over_capacity_listed_attendees);
  g_test_add_func ("/checks/over-capacity/host", test_over_capacity_host);
  g_test_add_func ("/checks/over-capacity/host-exact", test_over_capacity_host_exact);

  g_test_add_func ("/checks/ambiguous-local-time/start", test_ambiguous_local_time_start);
  g_test_add_func ("/checks/ambiguous-local-time/end", test_ambiguous_local_time_end);
  g_test_add_func ("/checks/ambiguous-local-time/session-zone",
                   test_ambiguous_local_time_session_zone);
  g_test_add_func ("/checks/ambiguous-local-time/after-the-hour",
                   test_ambiguous_local_time_after_the_hour);

  g_test_add_func ("/checks/empty-day/triggers", test_empty_day_triggers);
  g_test_add_func ("/checks/empty-day/weekend", test_empty_day_weekend);
  g_test_add_func ("/checks/empty-day/transfer-is-something", test_empty_day_transfer_is_something);


  g_test_add_func ("/checks/cxc-repeat-visitor/triggers", test_repeat_visitor_triggers);
  g_test_add_func ("/checks/cxc-repeat-visitor/case-insensitive",
                   test_repeat_visitor_case_insensitive);
  g_test_add_func ("/checks/cxc-repeat-visitor/without-email", test_repeat_visitor_without_email);
  g_test_add_func ("/checks/cxc-repeat-visitor/other-people", test_repeat_visitor_other_people);




  g_test_add_func ("/checks/cancelled/never-triggers", test_cancelled_never_triggers);

  g_test_add_func ("/checks/distance/helsinki-vilnius", test_distance_helsinki_vilnius);
  g_test_add_func ("/checks/distance/paris-london", test_distance_paris_london);
  g_test_add_func ("/checks/distance/same-place", test_distance_same_place);
  g_test_add_func ("/checks/distance/symmetric", test_distance_symmetric);
  g_test_add_func ("/checks/distance/across-date-line", test_distance_across_date_line);

  g_test_add_func ("/checks/country/eligible", test_country_eligible);
  g_test_add_func ("/checks/country/not-eligible", test_country_not_eligible);
  g_test_add_func ("/checks/country/source", test_country_source);

  g_test_add_func ("/checks/grouped/participant-double-booked",
                   test_participant_double_booked_many);
  g_test_add_func ("/checks/grouped/everyone-double-booked",
                   test_participant_double_booked_everyone);
  g_test_add_func ("/checks/grouped/travel-time", test_travel_time_one_problem_a_day);
  g_test_add_func ("/checks/grouped/outside-programme", test_outside_programme_one_problem);
  g_test_add_func ("/checks/grouped/over-capacity-host", test_over_capacity_host_one_problem);
  g_test_add_func ("/checks/grouped/empty-day-range", test_empty_day_range);
  g_test_add_func ("/checks/grouped/empty-day-years", test_empty_day_years);
  g_test_add_func ("/checks/grouped/no-accommodation-ranges", test_no_accommodation_ranges);
  g_test_add_func ("/checks/grouped/ambiguous-local-time", test_ambiguous_local_time_one_problem);

  g_test_add_func ("/checks/demo/no-errors", test_demo_no_errors);

  return g_test_run ();
}

/* test-cxc.c: the ClusterXChange rules per visiting organisation (vp-cxc.h), their checks
 * and the budget (vp-budget.h). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vp-budget.h"
#include "vp-checks.h"
#include "vp-cxc.h"
#include "vp-test-core.h"
#include "vp-time.h"

/* Documents {{{1 */

/* A working week (Mon 10 to Fri 14 May 2027) in Vilnius: one meeting for
 * everyone at Alpha each weekday; three visitors who land on Sunday evening
 * and leave on Saturday morning (a hotel every night), so that every
 * weekday is a working day.
 * The test adds the organisations (tests/test-cli-budget.py builds the same
 * through the exchange format). */
/* Two legs: one that lands at @arrive and one that leaves at @leave (each
 * a minute long: only those instants matter here). */
#define FLIGHTS(arrive, leave)                                                                   \
  "[ { \"kind\": \"flight\", \"depart\": \"" arrive "\", \"arrive\": \"" arrive ":59\" },"     \
  "  { \"kind\": \"flight\", \"depart\": \"" leave "\", \"arrive\": \"" leave ":59\" } ]"

#define HOTEL                                                                              \
  "[ { \"name\": \"Hotel Neris\", \"check_in\": \"2027-05-09\", \"check_out\": \"2027-05-15\" } ]"

#define SUNDAY_EVENING   "2027-05-09T21:00"
#define MONDAY_MORNING   "2027-05-10T08:00"
#define MONDAY_EVENING   "2027-05-10T20:00"
#define THURSDAY_EVENING "2027-05-13T19:00"
#define FRIDAY_EVENING   "2027-05-14T18:00"
#define SATURDAY_MORNING "2027-05-15T09:00"

static const char base_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"prog-cxc\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-05-10\",\n"
  "    \"end_date\": \"2027-05-14\",\n"
  "    \"lump_sum_eur\": 1000\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"alpha\", \"name\": \"Alpha Photonics\", \"country\": \"LT\",\n"
  "      \"latitude\": 54.6872, \"longitude\": 25.2797 },\n"
  "    { \"id\": \"beta\", \"name\": \"Beta Optics Lab\", \"country\": \"LT\",\n"
  "      \"latitude\": 54.8985, \"longitude\": 23.9036 }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"p1\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\",\n"
  "      \"country\": \"FI\", \"travel\": " FLIGHTS (SUNDAY_EVENING, SATURDAY_MORNING) ",\n"
  "      \"accommodation\": " HOTEL " },\n"
  "    { \"id\": \"p2\", \"name\": \"Jukka Räsänen\", \"email\": \"jukka@example.org\",\n"
  "      \"country\": \"FI\", \"travel\": " FLIGHTS (SUNDAY_EVENING, SATURDAY_MORNING) ",\n"
  "      \"accommodation\": " HOTEL " },\n"
  "    { \"id\": \"p3\", \"name\": \"Karin Lindqvist\", \"email\": \"karin@example.org\",\n"
  "      \"country\": \"SE\", \"travel\": " FLIGHTS (SUNDAY_EVENING, SATURDAY_MORNING) ",\n"
  "      \"accommodation\": " HOTEL " }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"mon\", \"uid\": \"uid-mon\", \"title\": \"Welcome\", \"kind\": \"meeting\",\n"
  "      \"start\": \"2027-05-10T10:00\", \"end\": \"2027-05-10T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"tue\", \"uid\": \"uid-tue\", \"title\": \"Lab tour\", \"kind\": \"visit\",\n"
  "      \"start\": \"2027-05-11T10:00\", \"end\": \"2027-05-11T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"wed\", \"uid\": \"uid-wed\", \"title\": \"Workshop\", \"kind\": \"workshop\",\n"
  "      \"start\": \"2027-05-12T10:00\", \"end\": \"2027-05-12T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"thu\", \"uid\": \"uid-thu\", \"title\": \"B2B\", \"kind\": \"b2b\",\n"
  "      \"start\": \"2027-05-13T10:00\", \"end\": \"2027-05-13T12:00\", \"host\": \"alpha\" },\n"
  "    { \"id\": \"fri\", \"uid\": \"uid-fri\", \"title\": \"Debriefing\", \"kind\": \"meeting\",\n"
  "      \"start\": \"2027-05-14T10:00\", \"end\": \"2027-05-14T12:00\", \"host\": \"alpha\" }\n"
  "  ]\n"
  "}\n";

/* Positions: Alpha in Vilnius, and points due north of it. */
#define ALPHA_LATITUDE   54.6872
#define ALPHA_LONGITUDE  25.2797
#define HELSINKI_LATITUDE  60.1699
#define HELSINKI_LONGITUDE 24.9384
#define KM_PER_DEGREE    (G_PI * 6371.0088 / 180.0)

/* Helpers {{{1 */

typedef VpTestPatch Patch;

static VpOrganisation *
add_organisation (VpSnapshot         *snapshot,
                  const char         *ref,
                  const char         *name,
                  VpOrganisationKind  kind,
                  const char         *country,
                  double              latitude,
                  double              longitude)
{
  g_autoptr(VpOrganisation) organisation = vp_organisation_new ();

  vp_organisation_set_ref (organisation, ref);
  vp_organisation_set_name (organisation, name);
  vp_organisation_set_kind (organisation, kind);
  vp_organisation_set_country (organisation, country);
  vp_organisation_set_position (organisation, latitude, longitude);
  g_assert_true (vp_snapshot_add_organisation (snapshot, organisation));
  return organisation;
}

static void
belongs (VpSnapshot *snapshot,
         const char *participant,
         const char *organisation)
{
  VpParticipant *person = vp_snapshot_lookup_participant (snapshot, participant);

  g_assert_nonnull (person);
  vp_participant_set_organisation_ref (person, organisation);
}

/* The base plan with @patches, Aino and Jukka of Lumiray Oy (an SME in
 * Helsinki, 612 km away), Karin of Nordic Photonics AB (a cluster
 * organisation in Stockholm). */
static VpSnapshot *
read_plan (const Patch *patches,
           guint        n_patches)
{
  g_autofree char *text = vp_test_patch_document (base_document, patches, n_patches);
  VpSnapshot *snapshot = vp_test_read_document (text);

  g_assert_nonnull (snapshot);
  add_organisation (snapshot, "lumiray", "Lumiray Oy", VP_ORGANISATION_KIND_SME, "FI",
                    HELSINKI_LATITUDE, HELSINKI_LONGITUDE);
  add_organisation (snapshot, "nordic", "Nordic Photonics AB",
                    VP_ORGANISATION_KIND_CLUSTER_ORGANISATION, "SE", 59.3293, 18.0686);
  belongs (snapshot, "p1", "lumiray");
  belongs (snapshot, "p2", "lumiray");
  belongs (snapshot, "p3", "nordic");
  return snapshot;
}

#define PLAN(patches) read_plan ((patches), G_N_ELEMENTS (patches))

static VpOrganisation *
organisation (VpSnapshot *snapshot,
              const char *ref)
{
  VpOrganisation *found = vp_snapshot_lookup_organisation (snapshot, ref);

  g_assert_nonnull (found);
  return found;
}

static VpBudgetLine *
line_of (VpBudget   *budget,
         const char *name)
{
  GPtrArray *lines = vp_budget_get_lines (budget);

  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (((VpBudgetLine *)g_ptr_array_index (lines, i))->name, name))
      return g_ptr_array_index (lines, i);

  g_test_fail_printf ("no budget line of %s", name);
  return NULL;
}

static char *
describe (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  if (problems->len == 0)
    g_string_append (text, " (none)");
  for (guint i = 0; i < problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, " | %s [%s]: %s", problem->code,
                              problem->organisation ? problem->organisation : "-",
                              problem->message);
    }
  return g_string_free (text, FALSE);
}

/* The problems with @code: exactly @n of them, the first returned. */
static VpProblem *
expect_n (GPtrArray  *problems,
          const char *code,
          guint       n)
{
  g_autofree char *all = describe (problems);
  VpProblem *first = NULL;
  guint count = 0;

  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((VpProblem *)g_ptr_array_index (problems, i))->code, code))
      {
        if (count++ == 0)
          first = g_ptr_array_index (problems, i);
      }

  if (count != n)
    g_test_fail_printf ("expected %u %s problem(s), got:%s", n, code, all);
  return first;
}

static VpProblem *
expect_one (GPtrArray  *problems,
            const char *code,
            VpSeverity  severity,
            const char *organisation_name)
{
  VpProblem *problem = expect_n (problems, code, 1);

  if (problem == NULL)
    return NULL;
  g_assert_cmpint (problem->severity, ==, severity);
  g_assert_cmpstr (problem->organisation, ==, organisation_name);
  g_assert_null (problem->participant);
  return problem;
}

static void
expect_none (GPtrArray *problems)
{
  g_autofree char *all = describe (problems);

  if (problems->len > 0)
    g_test_fail_printf ("expected no problem, got:%s", all);
}

static void
expect_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", text ? text : "(null)", part);
}

static gboolean
has_unknown (VpBudget   *budget,
             const char *part)
{
  GPtrArray *unknown = vp_budget_get_unknown (budget);

  for (guint i = 0; i < unknown->len; i++)
    if (strstr (g_ptr_array_index (unknown, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* The clean plan {{{1 */

static void
test_clean (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  VpBudgetLine *line;

  expect_none (problems);
  g_assert_cmpuint (vp_budget_get_lines (budget)->len, ==, 2);
  line = line_of (budget, "Lumiray Oy");
  g_assert_cmpstr (line->country, ==, "FI");
  g_assert_cmpuint (line->people, ==, 2);
  g_assert_cmpuint (line->working_days, ==, 5);
  g_assert_cmpfloat_with_epsilon (line->distance_km, 612.0, 612.0 * 0.01);
  g_assert_false (line->halved);
  g_assert_cmpfloat (line->amount_eur, ==, 1000.0);
  g_assert_cmpuint (line->reasons, ==, 0);
  expect_contains (line->rule, "Full amount");
  g_assert_cmpfloat (vp_budget_get_total_eur (budget), ==, 2000.0);
  g_assert_cmpuint (vp_budget_get_unknown (budget)->len, ==, 0);
  g_assert_cmpstr (vp_budget_get_currency (budget), ==, "EUR");
}

/* Working days {{{1 */

static void
test_days_one_arrives_later (void)
{
  /* Aino leaves on Thursday evening, Jukka lands on Monday evening: she
   * works Monday to Wednesday, he Tuesday to Friday; the organisation
   * works every weekday */
  static const Patch patches[] = {
    { "participants[0].travel", FLIGHTS (SUNDAY_EVENING, THURSDAY_EVENING) },
    { "participants[1].travel", FLIGHTS (MONDAY_EVENING, SATURDAY_MORNING) },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  VpBudgetLine *line = line_of (budget, "Lumiray Oy");

  g_assert_cmpuint (line->working_days, ==, 5);
  g_assert_false (line->halved);
  g_assert_cmpfloat (line->amount_eur, ==, 1000.0);
  expect_n (problems, "cxc-reduced-lump-sum", 0);
}

static void
test_days_arrival_day_apart (void)
{
  /* both land on Monday morning and attend Monday's meeting: Monday is
   * their arrival day, not a working day */
  static const Patch patches[] = {
    { "participants[0].travel", FLIGHTS (MONDAY_MORNING, SATURDAY_MORNING) },
    { "participants[1].travel", FLIGHTS (MONDAY_MORNING, SATURDAY_MORNING) },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  VpBudgetLine *line = line_of (budget, "Lumiray Oy");
  VpProblem *problem;

  g_assert_cmpuint (line->working_days, ==, 4);
  g_assert_true (line->halved);
  g_assert_cmpfloat (line->amount_eur, ==, 500.0);
  g_assert_cmpuint (line->reasons, ==, VP_CXC_REASON_SHORT_STAY);
  expect_contains (line->rule, "Halved");
  expect_contains (line->rule, "4 working days");
  problem = expect_one (problems, "cxc-reduced-lump-sum", VP_SEVERITY_INFO, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "500.00");
  /* the other organisation keeps its five days */
  g_assert_cmpuint (line_of (budget, "Nordic Photonics AB")->working_days, ==, 5);
}

static void
test_days_departure_day_apart (void)
{
  static const Patch patches[] = {
    { "participants[0].travel", FLIGHTS (SUNDAY_EVENING, FRIDAY_EVENING) },
    { "participants[1].travel", FLIGHTS (SUNDAY_EVENING, FRIDAY_EVENING) },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);

  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->working_days, ==, 4);
  g_assert_true (line_of (budget, "Lumiray Oy")->halved);
}

static void
test_days_travel_days_count_by_rule (void)
{
  /* the same plan under rules that count travel days */
  static const Patch patches[] = {
    { "participants[0].travel", FLIGHTS (MONDAY_MORNING, FRIDAY_EVENING) },
    { "participants[1].travel", FLIGHTS (MONDAY_MORNING, FRIDAY_EVENING) },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  VpCxcRules rules = *vp_cxc_rules_get ();
  g_autoptr(VpCxc) scheme = vp_cxc_new (snapshot, NULL, NULL);
  g_autoptr(VpCxc) counting = NULL;

  g_assert_false (rules.travel_days_count);
  g_assert_cmpuint (((VpCxcVisit *)g_ptr_array_index (scheme->visits, 0))->working_days, ==, 3);
  rules.travel_days_count = TRUE;
  counting = vp_cxc_new (snapshot, NULL, &rules);
  g_assert_cmpuint (((VpCxcVisit *)g_ptr_array_index (counting->visits, 0))->working_days, ==, 5);
}

static void
test_days_without_legs (void)
{
  /* no journey known: every session day counts, and the budget says so */
  static const Patch patches[] = {
    { "participants[0].travel", NULL },
    { "participants[1].travel", NULL },
    { "sessions[0].attendees", "[\"p1\", \"p3\"]" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);

  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->working_days, ==, 5);
  g_assert_true (has_unknown (budget, "Aino Mäkelä"));
  g_assert_true (has_unknown (budget, "Jukka Räsänen"));
  g_assert_false (has_unknown (budget, "Karin Lindqvist"));
}

static void
test_days_transfers_and_weekends (void)
{
  /* a transfer on Monday and a Saturday excursion count for nothing */
  static const Patch patches[] = {
    { "programme.end_date", "\"2027-05-15\"" },
    { "sessions[0].kind", "\"transfer\"" },
    { "sessions[5]", "{ \"id\": \"sat\", \"title\": \"Excursion\", \"host\": \"alpha\","
                     " \"start\": \"2027-05-15T10:00\", \"end\": \"2027-05-15T12:00\" }" },
    { "participants[0].travel", FLIGHTS (SUNDAY_EVENING, "2027-05-16T09:00") },
    { "participants[1].travel", FLIGHTS (SUNDAY_EVENING, "2027-05-16T09:00") },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);

  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->working_days, ==, 4);
}

/* The sessions of @snapshot that @ref attends. */
static GPtrArray *
sessions_of (VpSnapshot *snapshot,
             const char *ref)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  GPtrArray *attended = g_ptr_array_new ();

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      GPtrArray *refs = vp_session_get_attendees (session);
      gboolean attends = vp_session_get_attendees_all (session);

      for (guint j = 0; j < refs->len; j++)
        attends |= g_str_equal (g_ptr_array_index (refs, j), ref);
      if (attends)
        g_ptr_array_add (attended, session);
    }

  return attended;
}

/* "2027-05-11,2027-05-12": @ref's own working days. */
static char *
person_days (VpSnapshot *snapshot,
             const char *ref)
{
  g_autoptr(GPtrArray) sessions = sessions_of (snapshot, ref);
  g_autoptr(GArray) days = vp_cxc_participant_working_days (
    snapshot, vp_snapshot_lookup_participant (snapshot, ref), sessions, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      GDate date;
      g_autofree char *day = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (days, guint32, i));
      day = vp_date_format (&date);
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", day);
    }

  return g_string_free (text, FALSE);
}

static void
test_days_per_person (void)
{
  /* Aino lands on Monday morning and leaves on Thursday evening, Jukka
   * lands on Monday evening; Tuesday's session is a transfer, Karin skips
   * Wednesday's: each one's own days, the organisation's their union */
  static const Patch patches[] = {
    { "participants[0].travel", FLIGHTS (MONDAY_MORNING, THURSDAY_EVENING) },
    { "participants[1].travel", FLIGHTS (MONDAY_EVENING, SATURDAY_MORNING) },
    { "sessions[1].kind", "\"transfer\"" },
    { "sessions[2].attendees", "[\"p1\", \"p2\"]" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  g_autofree char *aino = person_days (snapshot, "p1");
  g_autofree char *jukka = person_days (snapshot, "p2");
  g_autofree char *karin = person_days (snapshot, "p3");

  g_assert_cmpstr (aino, ==, "2027-05-12,2027-05-14");
  g_assert_cmpstr (jukka, ==, "2027-05-12,2027-05-13,2027-05-14");
  g_assert_cmpstr (karin, ==, "2027-05-10,2027-05-13,2027-05-14");
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->working_days, ==, 3);
  g_assert_cmpuint (line_of (budget, "Nordic Photonics AB")->working_days, ==, 3);
}

static void
test_days_only_own_people (void)
{
  /* Karin alone attends Tuesday to Friday: Lumiray works on Monday only */
  static const Patch patches[] = {
    { "sessions[1].attendees", "[\"p3\"]" },
    { "sessions[2].attendees", "[\"p3\"]" },
    { "sessions[3].attendees", "[\"p3\"]" },
    { "sessions[4].attendees", "[\"p3\"]" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  VpBudgetLine *line = line_of (budget, "Lumiray Oy");
  VpProblem *problem;

  g_assert_cmpuint (line->working_days, ==, 1);
  g_assert_cmpfloat (line->amount_eur, ==, 0.0);
  g_assert_cmpuint (line->reasons & VP_CXC_REASON_TOO_SHORT, !=, 0);
  expect_contains (line->rule, "Nothing");
  problem = expect_one (problems, "cxc-too-short", VP_SEVERITY_ERROR, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "1 working day");
  g_assert_cmpuint (line_of (budget, "Nordic Photonics AB")->working_days, ==, 5);
}

/* Too short, too long {{{1 */

static void
test_too_short_boundary (void)
{
  /* three working days are enough; two are not */
  static const Patch three[] = {
    { "sessions[3].status", "\"cancelled\"" },
    { "sessions[4].status", "\"cancelled\"" },
  };
  static const Patch two[] = {
    { "sessions[2].status", "\"cancelled\"" },
    { "sessions[3].status", "\"cancelled\"" },
    { "sessions[4].status", "\"cancelled\"" },
  };
  g_autoptr(VpSnapshot) snapshot_three = PLAN (three);
  g_autoptr(VpSnapshot) snapshot_two = PLAN (two);
  g_autoptr(GPtrArray) problems_three = vp_checks_run (snapshot_three, NULL);
  g_autoptr(GPtrArray) problems_two = vp_checks_run (snapshot_two, NULL);
  g_autoptr(VpBudget) budget_three = vp_budget_new (snapshot_three, NULL);
  g_autoptr(VpBudget) budget_two = vp_budget_new (snapshot_two, NULL);

  expect_n (problems_three, "cxc-too-short", 0);
  g_assert_cmpfloat (line_of (budget_three, "Lumiray Oy")->amount_eur, ==, 500.0);
  expect_n (problems_two, "cxc-too-short", 2);
  g_assert_cmpfloat (line_of (budget_two, "Lumiray Oy")->amount_eur, ==, 0.0);
  g_assert_cmpuint (line_of (budget_two, "Lumiray Oy")->reasons, ==,
                    VP_CXC_REASON_TOO_SHORT | VP_CXC_REASON_SHORT_STAY);
  g_assert_cmpfloat (vp_budget_get_total_eur (budget_two), ==, 0.0);
}

static void
test_too_long (void)
{
  /* from 10 May, a stay must end before 10 June */
  static const Patch too_long[] = {
    { "programme.end_date", "\"2027-06-11\"" },
    { "sessions[5]", "{ \"id\": \"jun\", \"title\": \"Follow-up\", \"host\": \"alpha\","
                     " \"start\": \"2027-06-10T10:00\", \"end\": \"2027-06-10T12:00\","
                     " \"attendees\": [\"p1\"] }" },
    { "participants[0].travel", FLIGHTS (SUNDAY_EVENING, "2027-06-12T09:00") },
  };
  static const Patch within[] = {
    { "programme.end_date", "\"2027-06-11\"" },
    { "sessions[5]", "{ \"id\": \"jun\", \"title\": \"Follow-up\", \"host\": \"alpha\","
                     " \"start\": \"2027-06-09T10:00\", \"end\": \"2027-06-09T12:00\","
                     " \"attendees\": [\"p1\"] }" },
    { "participants[0].travel", FLIGHTS (SUNDAY_EVENING, "2027-06-12T09:00") },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (too_long);
  g_autoptr(VpSnapshot) snapshot_within = PLAN (within);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  g_autoptr(GPtrArray) problems_within = vp_checks_run (snapshot_within, NULL);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  VpProblem *problem = expect_one (problems, "cxc-too-long", VP_SEVERITY_ERROR, "Lumiray Oy");

  if (problem != NULL)
    expect_contains (problem->message, "2027-06-10");
  expect_n (problems_within, "cxc-too-long", 0);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 0.0);
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->reasons & VP_CXC_REASON_TOO_LONG, !=, 0);
  g_assert_cmpuint (line_of (budget, "Nordic Photonics AB")->reasons, ==, 0);
}

/* Countries and kinds {{{1 */

static void
test_country_person_elsewhere (void)
{
  /* a visitor from the United Kingdom working for a Finnish SME: fine */
  static const Patch patches[] = {
    { "participants[1].country", "\"GB\"" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);

  expect_none (problems);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 1000.0);
}

static void
test_country_ineligible_organisation (void)
{
  /* Finnish visitors of an organisation registered in the United Kingdom */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;
  VpProblem *problem;
  VpBudgetLine *line;

  vp_organisation_set_country (organisation (snapshot, "lumiray"), "GB");
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  problem = expect_one (problems, "cxc-ineligible-country", VP_SEVERITY_WARNING, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "GB");
  g_assert_cmpuint (problems->len, ==, 1);
  line = line_of (budget, "Lumiray Oy");
  g_assert_cmpfloat (line->amount_eur, ==, 0.0);
  g_assert_cmpuint (line->reasons, ==, VP_CXC_REASON_INELIGIBLE_COUNTRY);
  expect_contains (line->rule, "GB");
  g_assert_cmpfloat (vp_budget_get_total_eur (budget), ==, 1000.0);
}

static void
test_country_same_as_host (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;

  vp_organisation_set_country (organisation (snapshot, "nordic"), "LT");
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  expect_one (problems, "cxc-same-country", VP_SEVERITY_WARNING, "Nordic Photonics AB");
  expect_n (problems, "cxc-ineligible-country", 0);
  g_assert_cmpfloat (line_of (budget, "Nordic Photonics AB")->amount_eur, ==, 0.0);
  g_assert_cmpuint (line_of (budget, "Nordic Photonics AB")->reasons, ==,
                    VP_CXC_REASON_INELIGIBLE_COUNTRY);
}

static void
test_country_unknown (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;

  vp_organisation_set_country (organisation (snapshot, "lumiray"), NULL);
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  expect_none (problems);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 1000.0);
  g_assert_true (has_unknown (budget, "Lumiray Oy has no registered country"));
}

static void
test_kind_ineligible (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;
  VpProblem *problem;

  vp_organisation_set_kind (organisation (snapshot, "lumiray"), VP_ORGANISATION_KIND_RESEARCH);
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  problem = expect_one (problems, "cxc-ineligible-kind", VP_SEVERITY_WARNING, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "research");
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 0.0);
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->reasons, ==, VP_CXC_REASON_INELIGIBLE_KIND);
}

static void
test_kind_eligible (void)
{
  static const VpOrganisationKind eligible[] = {
    VP_ORGANISATION_KIND_CLUSTER_ORGANISATION, VP_ORGANISATION_KIND_SME,
    VP_ORGANISATION_KIND_SUPPORT_ORGANISATION,
  };
  static const VpOrganisationKind ineligible[] = {
    VP_ORGANISATION_KIND_RESEARCH, VP_ORGANISATION_KIND_LARGE_COMPANY,
    VP_ORGANISATION_KIND_PUBLIC_AUTHORITY, VP_ORGANISATION_KIND_OTHER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (eligible); i++)
    {
      g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
      g_autoptr(GPtrArray) problems = NULL;

      vp_organisation_set_kind (organisation (snapshot, "lumiray"), eligible[i]);
      problems = vp_checks_run (snapshot, NULL);
      expect_none (problems);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ineligible); i++)
    {
      g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
      g_autoptr(GPtrArray) problems = NULL;

      vp_organisation_set_kind (organisation (snapshot, "lumiray"), ineligible[i]);
      problems = vp_checks_run (snapshot, NULL);
      expect_n (problems, "cxc-ineligible-kind", 1);
    }
}

static void
test_kind_unknown (void)
{
  /* a kind not given (an organisation made from a name) is unknown, not
   * ineligible */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;

  vp_organisation_set_kind (organisation (snapshot, "lumiray"), VP_ORGANISATION_KIND_UNSET);
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  expect_none (problems);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 1000.0);
  g_assert_true (has_unknown (budget, "Lumiray Oy has no kind"));
}

/* Repeats {{{1 */

static GPtrArray *
visits_new (const char *name,
            const char *country,
            const char *first_day)
{
  GPtrArray *visits = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_organisation_visit_free);
  VpOrganisationVisit *visit = g_new0 (VpOrganisationVisit, 1);

  visit->name = g_strdup (name);
  visit->key = vp_organisation_name_key (name);
  visit->country = g_strdup (country);
  visit->programme_id = 42;
  visit->programme_title = g_strdup ("Lasers in Riga");
  visit->first_day = g_strdup (first_day);
  g_ptr_array_add (visits, visit);
  return visits;
}

static void
test_repeat_earlier_programme (void)
{
  /* the same organisation, spelled otherwise, visited Riga in 2026 */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) visits = visits_new ("LUMIRAY  OY ", "FI", "2026-09-14");
  VpChecksContext context = { .organisation_visits = visits };
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, &context);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, visits);
  VpProblem *problem;

  problem = expect_one (problems, "cxc-repeat-organisation", VP_SEVERITY_WARNING, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "Lasers in Riga");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 0.0);
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->reasons, ==, VP_CXC_REASON_REPEAT);
  g_assert_cmpfloat (line_of (budget, "Nordic Photonics AB")->amount_eur, ==, 1000.0);
}

static void
test_repeat_later_programme (void)
{
  /* reported in the later programme only */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) visits = visits_new ("Lumiray Oy", "FI", "2027-09-13");
  VpChecksContext context = { .organisation_visits = visits };
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, &context);

  expect_none (problems);
}

static void
test_repeat_other_country (void)
{
  /* a namesake registered elsewhere is another organisation */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) visits = visits_new ("Lumiray Oy", "EE", "2026-09-14");
  VpChecksContext context = { .organisation_visits = visits };
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, &context);

  expect_none (problems);
}

/* Distance {{{1 */

/* Lumiray moved @km due north of Alpha. */
static VpSnapshot *
plan_at_distance (double km)
{
  VpSnapshot *snapshot = read_plan (NULL, 0);

  vp_organisation_set_position (organisation (snapshot, "lumiray"),
                                ALPHA_LATITUDE + km / KM_PER_DEGREE, ALPHA_LONGITUDE);
  return snapshot;
}

static void
test_distance_near_halves (void)
{
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (150);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  VpBudgetLine *line = line_of (budget, "Lumiray Oy");
  VpProblem *problem;

  g_assert_cmpfloat_with_epsilon (line->distance_km, 150.0, 0.5);
  g_assert_true (line->halved);
  g_assert_cmpfloat (line->amount_eur, ==, 500.0);
  g_assert_cmpuint (line->reasons, ==, VP_CXC_REASON_NEAR);
  expect_contains (line->rule, "150 km");
  problem = expect_one (problems, "cxc-distance", VP_SEVERITY_INFO, "Lumiray Oy");
  if (problem != NULL)
    g_assert_cmpstr (problem->host, ==, "alpha");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_distance_far_full (void)
{
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (250);
  g_autoptr(GPtrArray) problems = vp_checks_run (snapshot, NULL);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  VpBudgetLine *line = line_of (budget, "Lumiray Oy");

  g_assert_cmpfloat_with_epsilon (line->distance_km, 250.0, 0.5);
  g_assert_false (line->halved);
  g_assert_cmpfloat (line->amount_eur, ==, 1000.0);
  expect_none (problems);
}

static void
test_distance_to_host_visited_most (void)
{
  /* three days at Beta (in Kaunas), two at Alpha: the distance is
   * Lumiray's (half a degree north of Beta) to Beta */
  static const Patch patches[] = {
    { "sessions[1].host", "\"beta\"" },
    { "sessions[2].host", "\"beta\"" },
    { "sessions[3].host", "\"beta\"" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpCxc) cxc = NULL;
  VpCxcVisit *visit;

  vp_organisation_set_position (organisation (snapshot, "lumiray"), 54.8985 + 0.5, 23.9036);
  cxc = vp_cxc_new (snapshot, NULL, NULL);
  visit = g_ptr_array_index (cxc->visits, 0);
  g_assert_cmpstr (vp_host_get_ref (visit->host), ==, "beta");
  g_assert_cmpfloat_with_epsilon (visit->distance_km, 0.5 * KM_PER_DEGREE, 0.5);
}

static void
test_distance_unknown (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(VpBudget) budget = NULL;
  VpBudgetLine *line;
  VpProblem *problem;

  vp_organisation_set_position (organisation (snapshot, "lumiray"), NAN, NAN);
  problems = vp_checks_run (snapshot, NULL);
  budget = vp_budget_new (snapshot, NULL);
  line = line_of (budget, "Lumiray Oy");
  g_assert_true (isnan (line->distance_km));
  g_assert_true (isnan (line->amount_eur));
  g_assert_cmpuint (line->reasons, ==, VP_CXC_REASON_UNKNOWN_DISTANCE);
  g_assert_true (isnan (vp_budget_get_total_eur (budget)));
  g_assert_true (has_unknown (budget, "Lumiray Oy has no position"));
  problem = expect_one (problems, "cxc-distance", VP_SEVERITY_WARNING, "Lumiray Oy");
  if (problem != NULL)
    expect_contains (problem->message, "unknown");
}

static void
test_distance_unknown_short_stay (void)
{
  /* halved anyway: the amount is known without the distance */
  static const Patch patches[] = {
    { "sessions[4].status", "\"cancelled\"" },
  };
  g_autoptr(VpSnapshot) snapshot = PLAN (patches);
  g_autoptr(VpBudget) budget = NULL;

  vp_organisation_set_position (organisation (snapshot, "lumiray"), NAN, NAN);
  budget = vp_budget_new (snapshot, NULL);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 500.0);
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->reasons, ==,
                    VP_CXC_REASON_SHORT_STAY | VP_CXC_REASON_UNKNOWN_DISTANCE);
}

/* Amounts {{{1 */

static void
test_amount_override (void)
{
  /* the partnership pays 780 EUR for a full stay, 390 EUR halved */
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (150);
  g_autoptr(VpBudget) budget = NULL;

  vp_programme_set_lump_sum_override_eur (vp_snapshot_get_programme (snapshot), 780);
  budget = vp_budget_new (snapshot, NULL);
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, 390.0);
  g_assert_cmpfloat (line_of (budget, "Nordic Photonics AB")->amount_eur, ==, 780.0);
  expect_contains (line_of (budget, "Nordic Photonics AB")->rule, "partnership");
  g_assert_cmpfloat (vp_budget_get_total_eur (budget), ==, 1170.0);
}

static void
test_amount_cap (void)
{
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (150);
  g_autoptr(VpBudget) budget = NULL;
  const VpCxcRules *rules = vp_cxc_rules_get ();

  vp_programme_set_lump_sum_eur (vp_snapshot_get_programme (snapshot), rules->cap_eur * 2);
  budget = vp_budget_new (snapshot, NULL);
  /* halved to the cap exactly, and the full one capped */
  g_assert_cmpfloat (line_of (budget, "Lumiray Oy")->amount_eur, ==, rules->cap_eur);
  g_assert_cmpfloat (line_of (budget, "Nordic Photonics AB")->amount_eur, ==, rules->cap_eur);
  expect_contains (line_of (budget, "Nordic Photonics AB")->rule, "capped");
  g_assert_cmpfloat (rules->cap_eur, ==, 1100.0);
}

static void
test_amount_from_rules (void)
{
  /* no amount in the programme: the rules' one for the host country, or
   * none at all */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  VpCxcRules rules = *vp_cxc_rules_get ();
  g_autoptr(GHashTable) by_country = g_hash_table_new (g_str_hash, g_str_equal);
  double lithuania = 900;
  g_autoptr(VpCxc) with = NULL;
  g_autoptr(VpBudget) without = NULL;

  vp_programme_set_lump_sum_eur (vp_snapshot_get_programme (snapshot), NAN);
  g_hash_table_insert (by_country, (gpointer)"LT", &lithuania);
  rules.full_amount_by_host_country = by_country;
  with = vp_cxc_new (snapshot, NULL, &rules);
  g_assert_cmpfloat (((VpCxcVisit *)g_ptr_array_index (with->visits, 0))->amount_eur, ==, 900.0);
  g_assert_cmpint (((VpCxcVisit *)g_ptr_array_index (with->visits, 0))->amount_source, ==,
                   VP_CXC_AMOUNT_RULES);

  /* the scheme's file sets no amount */
  g_assert_true (isnan (vp_cxc_rules_full_amount (vp_cxc_rules_get (), "LT")));
  without = vp_budget_new (snapshot, NULL);
  g_assert_true (isnan (line_of (without, "Lumiray Oy")->amount_eur));
  g_assert_true (isnan (vp_budget_get_total_eur (without)));
  g_assert_true (has_unknown (without, "no amount"));
}

/* People without an organisation {{{1 */

static void
test_unassigned (void)
{
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  g_autoptr(VpBudget) budget = NULL;

  vp_participant_set_organisation_ref (vp_snapshot_lookup_participant (snapshot, "p3"), NULL);
  budget = vp_budget_new (snapshot, NULL);
  g_assert_cmpuint (vp_budget_get_lines (budget)->len, ==, 1);
  g_assert_true (has_unknown (budget, "Karin Lindqvist belongs to no organisation"));
}

static void
test_organisation_by_name (void)
{
  /* a participant with an organisation's name and no ref belongs to it */
  g_autoptr(VpSnapshot) snapshot = read_plan (NULL, 0);
  VpParticipant *karin = vp_snapshot_lookup_participant (snapshot, "p3");
  g_autoptr(VpBudget) budget = NULL;

  vp_participant_set_organisation_ref (karin, NULL);
  vp_participant_set_organisation (karin, "LUMIRAY OY");
  budget = vp_budget_new (snapshot, NULL);
  g_assert_cmpuint (vp_budget_get_lines (budget)->len, ==, 1);
  g_assert_cmpuint (line_of (budget, "Lumiray Oy")->people, ==, 3);
}

static void
test_empty_programme (void)
{
  /* a programme of nothing yet (no zone, no dates): an empty budget */
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(VpSnapshot) snapshot = vp_snapshot_new (programme);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);

  g_assert_cmpuint (vp_budget_get_lines (budget)->len, ==, 0);
  g_assert_cmpfloat (vp_budget_get_total_eur (budget), ==, 0.0);
}

/* Outputs {{{1 */

static void
test_json_contract (void)
{
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (150);
  g_autoptr(VpBudget) budget = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonArray *organisations;
  JsonObject *first;
  JsonObject *second;
  JsonArray *reasons;
  static const char * const org_members[] = {
    "name", "country", "people", "working_days", "distance_km", "halved", "amount_eur",
    "reasons",
  };

  vp_organisation_set_position (organisation (snapshot, "nordic"), NAN, NAN);
  budget = vp_budget_new (snapshot, NULL);
  bytes = vp_budget_write_json (budget);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize)g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "EUR");
  g_assert_true (json_node_is_null (json_object_get_member (root, "total_eur")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unknown")), ==,
                    1);

  organisations = json_object_get_array_member (root, "organisations");
  g_assert_cmpuint (json_array_get_length (organisations), ==, 2);
  first = json_array_get_object_element (organisations, 0);
  for (guint i = 0; i < G_N_ELEMENTS (org_members); i++)
    g_assert_true (json_object_has_member (first, org_members[i]));
  g_assert_cmpuint (json_object_get_size (first), ==, G_N_ELEMENTS (org_members));
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Lumiray Oy");
  g_assert_cmpstr (json_object_get_string_member (first, "country"), ==, "FI");
  g_assert_cmpint (json_object_get_int_member (first, "people"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "working_days"), ==, 5);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "distance_km"), 150.0,
                                  0.5);
  g_assert_true (json_object_get_boolean_member (first, "halved"));
  g_assert_cmpfloat (json_object_get_double_member (first, "amount_eur"), ==, 500.0);
  reasons = json_object_get_array_member (first, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (reasons, 0), ==, "near");

  second = json_array_get_object_element (organisations, 1);
  g_assert_true (json_node_is_null (json_object_get_member (second, "distance_km")));
  g_assert_true (json_node_is_null (json_object_get_member (second, "amount_eur")));
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (second, "reasons"), 0), ==,
                   "unknown-distance");
}

static void
test_csv_and_text (void)
{
  g_autoptr(VpSnapshot) snapshot = plan_at_distance (150);
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, NULL);
  g_autoptr(GBytes) csv = vp_budget_write_csv (budget);
  g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autofree char *text = vp_budget_format_text (budget);
  g_auto(GStrv) rows = g_strsplit (csv_text, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (rows), ==, 4);
  g_assert_cmpstr (rows[0], ==,
                   "name,country,people,working_days,distance_km,halved,amount_eur,reasons");
  g_assert_cmpstr (rows[1], ==, "Lumiray Oy,FI,2,5,150.0,true,500.00,near");
  g_assert_cmpstr (rows[3], ==, "");

  expect_contains (text, "Lumiray Oy");
  expect_contains (text, "500.00 EUR");
  expect_contains (text, "Total: 1500.00 EUR");
  expect_contains (text, "Halved: 150 km from Alpha Photonics");
}

/* Main {{{1 */

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cxc/clean", test_clean);
  g_test_add_func ("/cxc/days/one-arrives-later", test_days_one_arrives_later);
  g_test_add_func ("/cxc/days/arrival-day-apart", test_days_arrival_day_apart);
  g_test_add_func ("/cxc/days/departure-day-apart", test_days_departure_day_apart);
  g_test_add_func ("/cxc/days/travel-days-count-by-rule", test_days_travel_days_count_by_rule);
  g_test_add_func ("/cxc/days/without-legs", test_days_without_legs);
  g_test_add_func ("/cxc/days/transfers-and-weekends", test_days_transfers_and_weekends);
  g_test_add_func ("/cxc/days/only-own-people", test_days_only_own_people);
  g_test_add_func ("/cxc/days/per-person", test_days_per_person);
  g_test_add_func ("/cxc/too-short/boundary", test_too_short_boundary);
  g_test_add_func ("/cxc/too-long", test_too_long);
  g_test_add_func ("/cxc/country/person-elsewhere", test_country_person_elsewhere);
  g_test_add_func ("/cxc/country/ineligible-organisation", test_country_ineligible_organisation);
  g_test_add_func ("/cxc/country/same-as-host", test_country_same_as_host);
  g_test_add_func ("/cxc/country/unknown", test_country_unknown);
  g_test_add_func ("/cxc/kind/ineligible", test_kind_ineligible);
  g_test_add_func ("/cxc/kind/eligible", test_kind_eligible);
  g_test_add_func ("/cxc/kind/unknown", test_kind_unknown);
  g_test_add_func ("/cxc/repeat/earlier-programme", test_repeat_earlier_programme);
  g_test_add_func ("/cxc/repeat/later-programme", test_repeat_later_programme);
  g_test_add_func ("/cxc/repeat/other-country", test_repeat_other_country);
  g_test_add_func ("/cxc/distance/near-halves", test_distance_near_halves);
  g_test_add_func ("/cxc/distance/far-full", test_distance_far_full);
  g_test_add_func ("/cxc/distance/host-visited-most", test_distance_to_host_visited_most);
  g_test_add_func ("/cxc/distance/unknown", test_distance_unknown);
  g_test_add_func ("/cxc/distance/unknown-short-stay", test_distance_unknown_short_stay);
  g_test_add_func ("/cxc/amount/override", test_amount_override);
  g_test_add_func ("/cxc/amount/cap", test_amount_cap);
  g_test_add_func ("/cxc/amount/from-rules", test_amount_from_rules);
  g_test_add_func ("/cxc/people/unassigned", test_unassigned);
  g_test_add_func ("/cxc/people/organisation-by-name", test_organisation_by_name);
  g_test_add_func ("/cxc/people/empty-programme", test_empty_programme);
  g_test_add_func ("/cxc/budget/json", test_json_contract);
  g_test_add_func ("/cxc/budget/csv-and-text", test_csv_and_text);

  return g_test_run ();
}

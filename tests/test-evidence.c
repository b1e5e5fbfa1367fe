/* test-evidence.c: the closing kit: goals, objectives and the evidence each visiting organisation
 * owes after the exchange, through the model, the store, the programme format and the rules. */
#include "config.h"

#include <string.h>

#include "vp-checks.h"
#include "vp-cxc-rules.h"
#include "vp-evidence.h"
#include "vp-programme-format.h"
#include "vp-record.h"
#include "vp-snapshot-diff.h"
#include "vp-test-core.h"
#include "vp-time.h"

/* Documents {{{1 */

/* Two visiting organisations in Vilnius, one of which has handed in two
 * items of its closing kit. */
static const char base_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 2,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"evidence-programme\",\n"
  "    \"title\": \"Lasers in Vilnius\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-05-10\",\n"
  "    \"end_date\": \"2027-05-14\",\n"
  "    \"goals\": \"Find partners for a joint pilot line\",\n"
  "    \"objectives\": \"Three site visits, ten B2B meetings\",\n"
  "    \"evidence_due\": \"2027-06-15\"\n"
  "  },\n"
  "  \"organisations\": [\n"
  "    { \"id\": \"o1\", \"name\": \"Lumiray Oy\", \"kind\": \"sme\", \"country\": \"FI\",\n"
  "      \"goals\": \"A distributor in the Baltics\",\n"
  "      \"evidence\": [\n"
  "        { \"item\": \"closing-report\", \"received\": \"2027-05-20\" },\n"
  "        { \"item\": \"hotel-invoices\", \"received\": \"2027-05-21\" }\n"
  "      ] },\n"
  "    { \"id\": \"o2\", \"name\": \"Photonics Finland\", \"kind\": \"cluster-organisation\",\n"
  "      \"country\": \"FI\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"p1\", \"name\": \"Aino Mäkelä\", \"organisation_id\": \"o1\" },\n"
  "    { \"id\": \"p2\", \"name\": \"Jukka Räsänen\", \"organisation_id\": \"o2\" }\n"
  "  ]\n"
  "}\n";

static VpOrganisation *
organisation_by_ref (VpSnapshot *snapshot,
                     const char *ref)
{
  VpOrganisation *organisation = vp_snapshot_lookup_organisation (snapshot, ref);

  g_assert_nonnull (organisation);
  return organisation;
}

/* "item:day item:day", in the stored order. */
static char *
describe_evidence (VpOrganisation *organisation)
{
  GPtrArray *evidence = vp_organisation_get_evidence (organisation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      VpEvidence *entry = g_ptr_array_index (evidence, i);

      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "", entry->item, entry->received);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The error of reading @document with @patches applied. */
static GError *
read_error (const VpTestPatch *patches,
            guint              n_patches)
{
  g_autofree char *text = vp_test_patch_document (base_document, patches, n_patches);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(VpSnapshot) snapshot = NULL;
  GError *error = NULL;

  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_null (snapshot);
  g_assert_nonnull (error);
  return error;
}

/* The model {{{1 */

static void
test_model_set_and_clear (void)
{
  g_autoptr(VpOrganisation) organisation = vp_organisation_new ();
  g_autoptr(VpOrganisation) copy = NULL;
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autofree char *goals = NULL;
  g_autofree char *objectives = NULL;
  g_autofree char *described = NULL;

  g_assert_true (vp_organisation_set_evidence_received (organisation, "outcomes", "2027-06-01"));
  g_assert_false (vp_organisation_set_evidence_received (organisation, "outcomes", "2027-06-01"));
  g_assert_true (vp_organisation_set_evidence_received (organisation, "closing-report",
                                                        "2027-05-30"));
  g_assert_true (vp_organisation_set_evidence_received (organisation, "outcomes", "2027-06-02"));
  described = describe_evidence (organisation);
  g_assert_cmpstr (described, ==, "outcomes:2027-06-02 closing-report:2027-05-30");
  g_assert_cmpstr (vp_organisation_get_evidence_received (organisation, "closing-report"), ==,
                   "2027-05-30");
  g_assert_null (vp_organisation_get_evidence_received (organisation, "hotel-invoices"));

  /* a copy holds the same, and is equal until one of them changes */
  copy = vp_organisation_copy (organisation);
  g_assert_true (vp_record_equal (G_OBJECT (copy), G_OBJECT (organisation)));
  g_assert_true (vp_organisation_set_evidence_received (copy, "outcomes", NULL));
  g_assert_false (vp_organisation_set_evidence_received (copy, "outcomes", NULL));
  g_assert_false (vp_record_equal (G_OBJECT (copy), G_OBJECT (organisation)));
  g_assert_true (vp_record_assign (G_OBJECT (copy), G_OBJECT (organisation)));
  g_assert_true (vp_record_equal (G_OBJECT (copy), G_OBJECT (organisation)));

  /* its own goals, else the programme's */
  vp_programme_set_goals (programme, "The programme's goals");
  vp_programme_set_objectives (programme, "The programme's objectives");
  vp_organisation_set_objectives (organisation, "Its own objectives");
  goals = vp_organisation_dup_goals (organisation, programme);
  objectives = vp_organisation_dup_objectives (organisation, programme);
  g_assert_cmpstr (goals, ==, "The programme's goals");
  g_assert_cmpstr (objectives, ==, "Its own objectives");
}

/* The rules list the items, each with a label and a source. */
static void
test_rules_items (void)
{
  const VpCxcRules *rules = vp_cxc_rules_get ();
  const char * const expected[] = { "closing-report", "travel-tickets", "hotel-invoices",
                                    "outcomes" };

  g_assert_cmpuint (rules->evidence_items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const VpCxcEvidenceItem *item = g_ptr_array_index (rules->evidence_items, i);

      g_assert_cmpstr (item->item, ==, expected[i]);
      g_assert_true (vp_cxc_rules_find_evidence_item (rules, expected[i]) == item);
      g_assert_cmpstr (vp_cxc_evidence_item_get_label (item), !=, "");
      g_assert_nonnull (vp_cxc_rules_source (expected[i]));
      g_assert_nonnull (strstr (vp_cxc_rules_source (expected[i]), "(2026-12-07)"));
    }
  g_assert_null (vp_cxc_rules_find_evidence_item (rules, "boarding-passes"));
  g_assert_cmpuint (rules->evidence_due_days, >, 0);
}

/* The format {{{1 */

/* Read, stored, exported and read again: nothing lost, the same bytes. */
static void
test_format_round_trip (void)
{
  g_auto(VpTestDatabase) database = { NULL, };
  g_auto(VpTestDatabase) other = { NULL, };
  g_autoptr(VpSnapshot) read = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) stored = NULL;
  g_autoptr(VpSnapshot) again = NULL;
  g_autoptr(VpSnapshotDiff) diff = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *described = NULL;
  VpProgramme *programme;
  VpOrganisation *lumiray;

  vp_test_database_set_up_store (&database, NULL);
  database.id = vp_test_import_snapshot (database.store, read, VP_STORE_IMPORT_NONE);
  stored = vp_test_load (database.store, database.id);

  programme = vp_snapshot_get_programme (stored);
  g_assert_cmpstr (vp_programme_get_goals (programme), ==, "Find partners for a joint pilot line");
  g_assert_cmpstr (vp_programme_get_objectives (programme), ==,
                   "Three site visits, ten B2B meetings");
  g_assert_cmpstr (vp_programme_get_evidence_due (programme), ==, "2027-06-15");
  lumiray = organisation_by_ref (stored, "o1");
  g_assert_cmpstr (vp_organisation_get_goals (lumiray), ==, "A distributor in the Baltics");
  g_assert_null (vp_organisation_get_objectives (lumiray));
  described = describe_evidence (lumiray);
  g_assert_cmpstr (described, ==, "closing-report:2027-05-20 hotel-invoices:2027-05-21");
  g_assert_cmpuint (vp_organisation_get_evidence (organisation_by_ref (stored, "o2"))->len, ==, 0);

  first = vp_test_write_document (stored);
  g_assert_nonnull (strstr (first, "\"evidence_due\": \"2027-06-15\""));
  g_assert_nonnull (strstr (first, "\"item\": \"hotel-invoices\""));

  vp_test_database_set_up_store (&other, NULL);
  other.id = vp_test_import_document (other.store, first, VP_STORE_IMPORT_NONE);
  again = vp_test_load (other.store, other.id);
  second = vp_test_write_document (again);
  g_assert_cmpstr (first, ==, second);

  diff = vp_snapshot_diff_new (stored, again, VP_SNAPSHOT_DIFF_NONE);
  g_assert_true (vp_snapshot_diff_is_empty (diff));
}

/* Each mistake names its member. */
static void
test_format_errors (void)
{
  static const struct
  {
    VpTestPatch patch;
    const char *member;
    const char *says;
  } cases[] = {
    { { "organisations[1].evidence", "[{\"item\": \"boarding-passes\", \"received\": "
                                     "\"2027-05-20\"}]" },
      "organisations[1].evidence[0].item", "closing-report, travel-tickets" },
    { { "organisations[0].evidence[1].item", "\"closing-report\"" },
      "organisations[0].evidence[1].item", "already" },
    { { "organisations[0].evidence[0].received", "\"2027-02-30\"" },
      "organisations[0].evidence[0].received", NULL },
    { { "organisations[0].evidence[0].received", NULL },
      "organisations[0].evidence[0].received", "required" },
    { { "organisations[0].evidence[0].item", NULL },
      "organisations[0].evidence[0].item", "required" },
    { { "organisations[0].evidence", "{\"item\": \"outcomes\"}" },
      "organisations[0].evidence", "array" },
    { { "organisations[0].evidence[2]", "\"closing-report\"" },
      "organisations[0].evidence[2]", "object" },
    { { "programme.evidence_due", "\"15.06.2027\"" }, "programme.evidence_due", NULL },
    { { "organisations[0].goals", "42" }, "organisations[0].goals", "string" },
    { { "programme.objectives", "[]" }, "programme.objectives", "string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = read_error (&cases[i].patch, 1);
      g_autofree char *prefix = g_strdup_printf ("%s: ", cases[i].member);

      g_test_message ("%s: %s", cases[i].patch.path, error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (cases[i].says != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* A change of the closing kit, or of the goals, is named in the words of
 * the import preview and --dry-run; the order of the items is none. */
static void
test_format_diff (void)
{
  static const VpTestPatch received_later[] = {
    { "organisations[0].evidence[1].received", "\"2027-05-22\"" },
  };
  static const VpTestPatch reordered[] = {
    { "organisations[0].evidence[0].item", "\"hotel-invoices\"" },
    { "organisations[0].evidence[0].received", "\"2027-05-21\"" },
    { "organisations[0].evidence[1].item", "\"closing-report\"" },
    { "organisations[0].evidence[1].received", "\"2027-05-20\"" },
  };
  static const VpTestPatch goals[] = {
    { "organisations[1].goals", "\"Two new members\"" },
    { "programme.evidence_due", "\"2027-06-30\"" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  struct
  {
    const VpTestPatch *patches;
    guint              n_patches;
    const char        *organisations;
    gboolean           programme;
  } cases[] = {
    { received_later, G_N_ELEMENTS (received_later), "evidence", FALSE },
    { reordered, G_N_ELEMENTS (reordered), NULL, FALSE },
    { goals, G_N_ELEMENTS (goals), "goals", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vp_test_patch_document (base_document, cases[i].patches,
                                                      cases[i].n_patches);
      g_autoptr(VpSnapshot) after = vp_test_read_document (text);
      g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_NONE);
      GPtrArray *changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_ORGANISATION);
      GPtrArray *programme = vp_snapshot_diff_get_changes (diff, VP_ENTITY_PROGRAMME);

      if (cases[i].organisations == NULL)
        {
          g_assert_true (vp_snapshot_diff_is_empty (diff));
          continue;
        }
      g_assert_cmpuint (changes->len, ==, 1);
      {
        VpSnapshotChange *change = g_ptr_array_index (changes, 0);
        const VpChangeField *field = g_ptr_array_index (change->fields, 0);

        g_assert_cmpuint (change->fields->len, ==, 1);
        g_assert_cmpstr (field->member, ==, cases[i].organisations);
        g_assert_cmpstr (vp_change_field_get_label (field), !=, "");
      }
      g_assert_cmpuint (programme->len, ==, cases[i].programme ? 1 : 0);
      if (cases[i].programme)
        {
          VpSnapshotChange *change = g_ptr_array_index (programme, 0);

          g_assert_cmpstr (((VpChangeField *)g_ptr_array_index (change->fields, 0))->member, ==,
                           "evidence_due");
        }
    }
}

/* The store {{{1 */

/* Saved from an editor: the kit replaced whole; a bad item or day refused
 * naming it, and nothing written. */
static void
test_store_save (void)
{
  g_auto(VpTestDatabase) database = { NULL, };
  g_autoptr(VpSnapshot) read = NULL;
  g_autoptr(VpSnapshot) saved = NULL;
  g_autoptr(VpSnapshot) unchanged = NULL;
  g_autoptr(VpOrganisation) edited = NULL;
  g_autoptr(VpOrganisation) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  vp_test_database_set_up_store (&database, NULL);
  database.id = vp_test_import_document (database.store, base_document, VP_STORE_IMPORT_NONE);
  read = vp_test_load (database.store, database.id);

  edited = vp_organisation_copy (organisation_by_ref (read, "o1"));
  vp_organisation_set_evidence_received (edited, "closing-report", NULL);
  vp_organisation_set_evidence_received (edited, "travel-tickets", "2027-05-25");
  vp_organisation_set_objectives (edited, "Two distributors");
  g_assert_true (vp_store_save_organisation (database.store, database.id, edited,
                                             organisation_by_ref (read, "o1"), &error));
  g_assert_no_error (error);
  saved = vp_test_load (database.store, database.id);
  described = describe_evidence (organisation_by_ref (saved, "o1"));
  g_assert_cmpstr (described, ==, "hotel-invoices:2027-05-21 travel-tickets:2027-05-25");
  g_assert_cmpstr (vp_organisation_get_objectives (organisation_by_ref (saved, "o1")), ==,
                   "Two distributors");
  g_assert_cmpint (vp_test_sql_int (database.path, "SELECT count(*) FROM evidence"), ==, 2);

  bad = vp_organisation_copy (organisation_by_ref (saved, "o2"));
  vp_organisation_add_evidence (bad, vp_evidence_new ("boarding-passes", "2027-05-25"));
  g_assert_false (vp_store_save_organisation (database.store, database.id, bad,
                                              organisation_by_ref (saved, "o2"), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "boarding-passes"));
  g_clear_error (&error);

  g_clear_object (&bad);
  bad = vp_organisation_copy (organisation_by_ref (saved, "o2"));
  vp_organisation_set_evidence_received (bad, "outcomes", "2027-13-01");
  g_assert_false (vp_store_save_organisation (database.store, database.id, bad,
                                              organisation_by_ref (saved, "o2"), &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  unchanged = vp_test_load (database.store, database.id);
  g_assert_cmpuint (vp_organisation_get_evidence (organisation_by_ref (unchanged, "o2"))->len, ==,
                    0);

  /* deleting the organisation takes its kit with it */
  {
    gint64 id = vp_organisation_get_id (organisation_by_ref (unchanged, "o1"));

    g_assert_true (vp_store_delete_organisations (database.store, database.id, &id, 1, &error));
    g_assert_no_error (error);
    g_assert_cmpint (vp_test_sql_int (database.path, "SELECT count(*) FROM evidence"), ==, 0);
  }
}

/* One item recorded or cleared at a time, read and written in one
 * transaction. */
static void
test_store_set_evidence (void)
{
  g_auto(VpTestDatabase) database = { NULL, };
  g_autoptr(VpSnapshot) read = NULL;
  g_autoptr(VpSnapshot) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  VpTestChangeLog log = { 0, };
  gboolean changed = FALSE;
  gint64 o1;
  gint64 o2;

  vp_test_database_set_up_store (&database, NULL);
  database.id = vp_test_import_document (database.store, base_document, VP_STORE_IMPORT_NONE);
  read = vp_test_load (database.store, database.id);
  o1 = vp_organisation_get_id (organisation_by_ref (read, "o1"));
  o2 = vp_organisation_get_id (organisation_by_ref (read, "o2"));
  g_signal_connect (database.store, "changed", G_CALLBACK (vp_test_log_change), &log);

  g_assert_true (vp_store_set_evidence (database.store, database.id, o2, "outcomes",
                                        "2027-06-01", &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (vp_store_set_evidence (database.store, database.id, o2, "outcomes",
                                        "2027-06-01", &changed, &error));
  g_assert_false (changed);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (vp_store_set_evidence (database.store, database.id, o1, "closing-report",
                                        NULL, &changed, &error));
  g_assert_true (changed);
  g_assert_true (vp_store_set_evidence (database.store, database.id, o1, "hotel-invoices",
                                        "2027-05-23", &changed, &error));
  g_assert_true (changed);
  g_assert_no_error (error);

  saved = vp_test_load (database.store, database.id);
  described = describe_evidence (organisation_by_ref (saved, "o1"));
  g_assert_cmpstr (described, ==, "hotel-invoices:2027-05-23");
  g_free (described);
  described = describe_evidence (organisation_by_ref (saved, "o2"));
  g_assert_cmpstr (described, ==, "outcomes:2027-06-01");

  /* an unknown item, a bad day, another programme's row: refused */
  g_assert_false (vp_store_set_evidence (database.store, database.id, o1, "boarding-passes",
                                         "2027-06-01", &changed, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_store_set_evidence (database.store, database.id, o1, "outcomes",
                                         "yesterday", &changed, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_store_set_evidence (database.store, database.id + 1, o1, "outcomes",
                                         "2027-06-01", &changed, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vp_store_set_evidence (database.store, database.id, 9999, "outcomes",
                                         "2027-06-01", &changed, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (vp_test_sql_int (database.path, "SELECT count(*) FROM evidence"), ==, 2);
}

/* Another program writes an organisation's kit: the change log says its
 * organisation changed, and the live model's object holds the new kit. */
static void
test_store_change_log (void)
{
  g_auto(VpTestDatabase) database = { NULL, };
  g_autoptr(VpStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GListModel *organisations;
  VpOrganisation *held = NULL;
  gint64 seq_before;
  gint64 seq_after;

  vp_test_database_set_up_store (&database, NULL);
  database.id = vp_test_import_document (database.store, base_document, VP_STORE_IMPORT_NONE);
  organisations = vp_store_get_organisations (database.store, database.id);
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(VpOrganisation) organisation = g_list_model_get_item (organisations, i);

      if (g_strcmp0 (vp_organisation_get_ref (organisation), "o2") == 0)
        held = organisation;
    }
  g_assert_nonnull (held);

  seq_before = vp_test_sql_int (database.path,
                                "SELECT c.seq FROM changes c JOIN organisations o "
                                "ON c.entity = 'organisation' AND c.row_id = o.id "
                                "WHERE o.ref = 'o2'");
  /* a row of the kit alone, as another program might write it */
  vp_test_sql_exec (database.path,
                    "INSERT INTO evidence (organisation_id, position, item, received) "
                    "SELECT id, 0, 'outcomes', '2027-06-03' FROM organisations WHERE ref = 'o2'");
  seq_after = vp_test_sql_int (database.path,
                               "SELECT c.seq FROM changes c JOIN organisations o "
                               "ON c.entity = 'organisation' AND c.row_id = o.id "
                               "WHERE o.ref = 'o2'");
  g_assert_cmpint (seq_after, >, seq_before);

  vp_store_poll_external_changes (database.store);
  described = describe_evidence (held);
  g_assert_cmpstr (described, ==, "outcomes:2027-06-03");

  /* and through the store of another connection, the same */
  other = vp_test_open_store (database.path);
  g_assert_true (vp_store_set_evidence (other, database.id, vp_organisation_get_id (held),
                                        "outcomes", NULL, NULL, &error));
  g_assert_no_error (error);
  vp_store_poll_external_changes (database.store);
  g_assert_cmpuint (vp_organisation_get_evidence (held)->len, ==, 0);
}

/* The rules {{{1 */

/* A large company besides: the scheme does not fund it, so it owes
 * nothing. */
static const VpTestPatch with_large_company[] = {
  { "organisations[2]", "{\"id\": \"o3\", \"name\": \"Big Lasers GmbH\", "
                        "\"kind\": \"large-company\", \"country\": \"DE\"}" },
  { "participants[2]", "{\"id\": \"p3\", \"name\": \"Hans Weber\", "
                       "\"organisation_id\": \"o3\"}" },
  /* three working days: the least the scheme funds */
  { "sessions", "[{\"id\": \"s1\", \"uid\": \"s1@evidence\", \"title\": \"Lab tour\", "
                "\"start\": \"2027-05-11T10:00\", \"end\": \"2027-05-11T12:00\"},"
                "{\"id\": \"s2\", \"uid\": \"s2@evidence\", \"title\": \"Workshop\", "
                "\"start\": \"2027-05-12T10:00\", \"end\": \"2027-05-12T12:00\"},"
                "{\"id\": \"s3\", \"uid\": \"s3@evidence\", \"title\": \"B2B\", "
                "\"start\": \"2027-05-13T10:00\", \"end\": \"2027-05-13T12:00\"}]" },
};

static GPtrArray *
evidence_problems (VpSnapshot  *snapshot,
                   const char  *today_text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_problem_free);
  g_autoptr(GPtrArray) problems = NULL;
  VpChecksContext context = { NULL, };
  GDate today;

  g_assert_true (vp_date_parse (today_text, &today, NULL));
  context.today = &today;
  problems = vp_checks_run (snapshot, &context);
  for (guint i = 0; i < problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->code, "cxc-evidence-missing"))
        g_ptr_array_add (found, vp_problem_copy (problem));
    }
  return found;
}

/* cxc-evidence-missing: once the programme has ended, a warning for each
 * funded organisation that misses an item, naming it; none before. */
static void
test_check_evidence_missing (void)
{
  g_autofree char *text = vp_test_patch_document (base_document, with_large_company,
                                                  G_N_ELEMENTS (with_large_company));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  g_autoptr(GPtrArray) before = evidence_problems (snapshot, "2027-05-14");
  g_autoptr(GPtrArray) after = evidence_problems (snapshot, "2027-05-15");
  VpProblem *lumiray;
  VpProblem *cluster;

  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpuint (after->len, ==, 2);
  lumiray = g_ptr_array_index (after, 0);
  cluster = g_ptr_array_index (after, 1);
  g_assert_cmpint (lumiray->severity, ==, VP_SEVERITY_WARNING);
  g_assert_cmpstr (lumiray->organisation, ==, "Lumiray Oy");
  g_assert_cmpstr (cluster->organisation, ==, "Photonics Finland");
  /* the programme's due day, and only what is missing */
  g_assert_nonnull (strstr (lumiray->message, "2027-06-15"));
  g_assert_nonnull (strstr (lumiray->message, "Boarding passes or tickets"));
  g_assert_nonnull (strstr (lumiray->message, "Outcomes"));
  g_assert_null (strstr (lumiray->message, "Closing report"));
  g_assert_null (strstr (lumiray->message, "Hotel invoices"));
  g_assert_nonnull (strstr (cluster->message, "Closing report"));

  /* everything handed in: nothing to say */
  for (guint i = 0; i < vp_snapshot_get_organisations (snapshot)->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (vp_snapshot_get_organisations (snapshot),
                                                        i);
      GPtrArray *items = vp_cxc_rules_get ()->evidence_items;

      for (guint j = 0; j < items->len; j++)
        vp_organisation_set_evidence_received (
          organisation, ((VpCxcEvidenceItem *)g_ptr_array_index (items, j))->item, "2027-05-30");
    }
  g_clear_pointer (&after, g_ptr_array_unref);
  after = evidence_problems (snapshot, "2030-01-01");
  g_assert_cmpuint (after->len, ==, 0);
}

/* The report: who owes what, the due day (the programme's, else the
 * rules' period after the last day), late only after it. */
static void
test_report (void)
{
  g_autofree char *text = vp_test_patch_document (base_document, with_large_company,
                                                  G_N_ELEMENTS (with_large_company));
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);
  g_autoptr(VpEvidenceReport) report = NULL;
  g_autofree char *due = NULL;
  VpEvidenceLine *line;
  GDate today;
  GDate expected;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2027);
  report = vp_evidence_report_new (snapshot, NULL, &today);
  g_assert_true (report->due_set);
  g_assert_true (report->ended);
  g_assert_false (report->overdue);
  g_assert_cmpuint (report->lines->len, ==, 3);
  g_assert_cmpuint (report->n_missing, ==, 6);
  line = vp_evidence_report_find (report, organisation_by_ref (snapshot, "o1"));
  g_assert_true (line->funded);
  g_assert_cmpuint (line->missing->len, ==, 2);
  g_assert_cmpuint (line->received->len, ==, 2);
  line = vp_evidence_report_find (report, organisation_by_ref (snapshot, "o3"));
  g_assert_false (line->funded);
  g_assert_cmpuint (line->missing->len, ==, 0);
  g_clear_pointer (&report, vp_evidence_report_free);

  g_date_add_days (&today, 1);
  report = vp_evidence_report_new (snapshot, NULL, &today);
  g_assert_true (report->overdue);
  g_clear_pointer (&report, vp_evidence_report_free);

  /* without the programme's date: the rules' period after the last day */
  vp_programme_set_evidence_due (vp_snapshot_get_programme (snapshot), NULL);
  report = vp_evidence_report_new (snapshot, NULL, &today);
  g_assert_false (report->due_set);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 14, G_DATE_MAY, 2027);
  g_date_add_days (&expected, vp_cxc_rules_get ()->evidence_due_days);
  g_assert_cmpint (g_date_compare (&report->due, &expected), ==, 0);
  due = vp_date_format (&report->due);
  g_assert_cmpstr (due, ==, "2027-06-13");
}

/* "Today" may be set from outside, for scripts and tests. */
static void
test_today (void)
{
  GDate today;
  g_autofree char *text = NULL;

  g_setenv ("VISIT_PLANNER_TODAY", "2031-02-28", TRUE);
  vp_evidence_get_today (&today);
  text = vp_date_format (&today);
  g_assert_cmpstr (text, ==, "2031-02-28");

  /* not a date: the real day */
  g_setenv ("VISIT_PLANNER_TODAY", "2031-02-29", TRUE);
  vp_evidence_get_today (&today);
  g_assert_cmpint (g_date_get_year (&today), <, 2031);
  g_unsetenv ("VISIT_PLANNER_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/model/set-and-clear", test_model_set_and_clear);
  g_test_add_func ("/evidence/rules/items", test_rules_items);
  g_test_add_func ("/evidence/format/round-trip", test_format_round_trip);
  g_test_add_func ("/evidence/format/errors", test_format_errors);
  g_test_add_func ("/evidence/format/diff", test_format_diff);
  g_test_add_func ("/evidence/store/save", test_store_save);
  g_test_add_func ("/evidence/store/set-evidence", test_store_set_evidence);
  g_test_add_func ("/evidence/store/change-log", test_store_change_log);
  g_test_add_func ("/evidence/check/missing-once-ended", test_check_evidence_missing);
  g_test_add_func ("/evidence/report", test_report);
  g_test_add_func ("/evidence/today", test_today);

  return g_test_run ();
}

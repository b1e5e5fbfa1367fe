/* test-window.c: the main window over a real store: list, detail, empty state, live updates. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vp-agenda-item.h"
#include "vp-cxc-rules.h"
#include "vp-format.h"
#include "vp-language.h"
#include "vp-problem-item.h"
#include "vp-programme-context.h"
#include "vp-programme-row.h"
#include "vp-store.h"
#include "vp-table-page.h"
#include "vp-record.h"
#include "vp-test-gui.h"
#include "vp-values.h"
#include "vp-window.h"

#define OLDER_UID "7c0f4f4e-1b7a-4c53-9a55-0d6c2f1e6a01"
#define NEWER_UID "7c0f4f4e-1b7a-4c53-9a55-0d6c2f1e6a02"
#define THIRD_UID "7c0f4f4e-1b7a-4c53-9a55-0d6c2f1e6a03"

typedef struct
{
  char    *dir;
  VpStore *store;
} Fixture;

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-window", &fixture->dir);
  vp_test_reset_last_programme ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* A programme document (docs/programme-format.md) with the given numbers of
 * hosts, participants and sessions. */
static char *
programme_json (const char *uid,
                const char *title,
                const char *start_date,
                const char *end_date,
                guint       n_hosts,
                guint       n_participants,
                guint       n_sessions)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\n"
                          "  \"format\": \"visit-planner-programme\",\n"
                          "  \"version\": 1,\n"
                          "  \"programme\": {\n"
                          "    \"uid\": \"%s\",\n"
                          "    \"title\": \"%s\",\n"
                          "    \"status\": \"confirmed\",\n"
                          "    \"visiting_cluster\": \"Photonics Finland\",\n"
                          "    \"host_cluster\": \"Lithuanian Laser Cluster\",\n"
                          "    \"host_country\": \"LT\",\n"
                          "    \"timezone\": \"Europe/Vilnius\",\n"
                          "    \"start_date\": \"%s\",\n"
                          "    \"end_date\": \"%s\",\n"
                          "    \"coordinator\": { \"name\": \"Aino Mäkelä\" }\n"
                          "  },\n",
                          uid, title, start_date, end_date);

  g_string_append (json, "  \"hosts\": [");
  for (guint i = 0; i < n_hosts; i++)
    g_string_append_printf (json, "%s\n    { \"id\": \"host-%u\", \"name\": \"Host %u\" }",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "\n  ],\n  \"participants\": [");
  for (guint i = 0; i < n_participants; i++)
    g_string_append_printf (json, "%s\n    { \"id\": \"person-%u\", \"name\": \"Person %u\" }",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "\n  ],\n  \"sessions\": [");
  for (guint i = 0; i < n_sessions; i++)
    g_string_append_printf (json,
                            "%s\n    { \"id\": \"session-%u\", \"title\": \"Session %u\","
                            " \"start\": \"%sT%02u:00\", \"end\": \"%sT%02u:45\" }",
                            i > 0 ? "," : "", i, i, start_date, 8 + i, start_date, 8 + i);
  g_string_append (json, "\n  ]\n}\n");

  return g_string_free (json, FALSE);
}

static void
import_programme (VpStore    *store,
                  const char *uid,
                  const char *title,
                  const char *start_date,
                  const char *end_date,
                  guint       n_hosts,
                  guint       n_participants,
                  guint       n_sessions)
{
  g_autofree char *json = programme_json (uid, title, start_date, end_date,
                                          n_hosts, n_participants, n_sessions);

  vp_test_import_json (store, json);
}

/* The rows the list view shows, counted from its widgets. */
static guint
count_shown_rows (GtkWidget *root)
{
  guint count = 0;

  if (VP_IS_PROGRAMME_ROW (root) &&
      gtk_widget_get_mapped (root) &&
      vp_programme_row_get_programme (VP_PROGRAMME_ROW (root)) != NULL)
    count++;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_shown_rows (child);

  return count;
}

static GtkSingleSelection *
get_selection (VpWindow *window)
{
  GtkListView *list = GTK_LIST_VIEW (vp_test_get_widget (window, "programme-list"));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

static const char *
get_selected_uid (VpWindow *window)
{
  VpProgramme *programme = gtk_single_selection_get_selected_item (get_selection (window));

  return programme != NULL ? vp_programme_get_uid (programme) : NULL;
}

static const char *
get_visible_page (VpWindow   *window,
                  const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (vp_test_get_widget (window, stack)));
}

/* A second connection, as visit-planner-cli would open: what the window
 * wrote is in the database, not only in its own store. */
static VpStore *
reopen_store (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "visits.db", NULL);
  g_autoptr(GError) error = NULL;
  VpStore *store = vp_store_new (path, &error);

  g_assert_no_error (error);
  return store;
}

static VpProgramme *
find_stored (VpStore    *store,
             const char *title)
{
  GListModel *model = vp_store_get_programmes (store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (g_strcmp0 (vp_programme_get_title (programme), title) == 0)
        return g_steal_pointer (&programme);
    }

  return NULL;
}

/* Tests {{{1 */

/* “3 days”, as the overview says it, in the window's language. */
static char *
days_text (guint n_days)
{
  return g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
}

static void
test_list_and_counts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *three_days = days_text (3);
  g_autofree char *four_days = days_text (4);
  g_autofree char *lithuania = g_strdup_printf (_("%s (%s)"), _("Lithuania"), "LT");
  g_autofree char *first_day = vp_format_date_long ("2027-09-20");
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);

  window = vp_test_show_window (fixture->store, 1000);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_selection (window))), ==, 2);
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 2);
  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "programmes");
  g_assert_cmpstr (get_visible_page (window, "content-stack"), ==, "programme");

  /* Newest first, and without a remembered programme the newest is shown. */
  g_assert_cmpstr (get_selected_uid (window), ==, NEWER_UID);
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Newer visit");
  g_assert_cmpstr (vp_test_get_label (window, "hosts-value"), ==, "4");
  g_assert_cmpstr (vp_test_get_label (window, "participants-value"), ==, "9");
  g_assert_cmpstr (vp_test_get_label (window, "sessions-value"), ==, "6");
  g_assert_cmpstr (vp_test_get_label (window, "days-value"), ==, three_days);
  g_assert_cmpstr (vp_test_get_label (window, "country-value"), ==, lithuania);
  g_assert_cmpstr (vp_test_get_label (window, "timezone-value"), ==, "Europe/Vilnius");
  g_assert_cmpstr (vp_test_get_label (window, "first-day-value"), ==, first_day);

  gtk_single_selection_set_selected (get_selection (window), 1);
  vp_test_run_main_loop (100);

  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Older visit");
  g_assert_cmpstr (vp_test_get_label (window, "hosts-value"), ==, "2");
  g_assert_cmpstr (vp_test_get_label (window, "participants-value"), ==, "5");
  g_assert_cmpstr (vp_test_get_label (window, "sessions-value"), ==, "3");
  g_assert_cmpstr (vp_test_get_label (window, "days-value"), ==, four_days);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1000);

  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (vp_test_get_widget (window, "empty-page")));
  g_assert_false (gtk_widget_get_mapped (vp_test_get_widget (window, "programme-list")));
  g_assert_cmpuint (count_shown_rows (GTK_WIDGET (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_then_import (Fixture       *fixture,
                        gconstpointer  data)
{
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "empty");

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  vp_test_run_main_loop (300);

  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "programmes");
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_while_open (Fixture       *fixture,
                        gconstpointer  data)
{
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);

  window = vp_test_show_window (fixture->store, 1000);
  gtk_single_selection_set_selected (get_selection (window), 1);
  vp_test_run_main_loop (100);
  g_assert_cmpstr (get_selected_uid (window), ==, OLDER_UID);

  /* Newer than both: it goes first, and the selection stays where it was
   * although the store replaced every item of its list. */
  import_programme (fixture->store, THIRD_UID, "Third visit", "2028-02-01", "2028-02-03", 1, 1, 1);
  vp_test_run_main_loop (300);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_selection (window))), ==, 3);
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 3);
  g_assert_cmpstr (get_selected_uid (window), ==, OLDER_UID);
  g_assert_cmpuint (gtk_single_selection_get_selected (get_selection (window)), ==, 2);
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Older visit");
  g_assert_cmpstr (vp_test_get_label (window, "participants-value"), ==, "5");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_selected_deleted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VpWindow *window;
  gint64 id;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_selected_uid (window), ==, NEWER_UID);

  id = vp_store_find_programme (fixture->store, NEWER_UID, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_delete_programme (fixture->store, id, &error));
  g_assert_no_error (error);
  vp_test_run_main_loop (300);

  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 1);
  g_assert_null (get_selected_uid (window));
  g_assert_cmpstr (get_visible_page (window, "content-stack"), ==, "unselected");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_last_programme (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *remembered = NULL;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);

  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_string (settings, "last-programme", OLDER_UID);

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_selected_uid (window), ==, OLDER_UID);
  g_assert_cmpstr (vp_test_get_label (window, "sessions-value"), ==, "3");

  gtk_single_selection_set_selected (get_selection (window), 0);
  vp_test_run_main_loop (100);
  remembered = g_settings_get_string (settings, "last-programme");
  g_assert_cmpstr (remembered, ==, NEWER_UID);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_new_programme (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpProgramme) stored = NULL;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-programme", NULL));
  vp_test_run_main_loop (300);

  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "programmes");
  g_assert_cmpstr (get_visible_page (window, "content-stack"), ==, "programme");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (vp_test_get_widget (window, "view-stack"))),
                   ==, "overview");
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, _("New Programme"));
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 1);

  other = reopen_store (fixture);
  stored = find_stored (other, _("New Programme"));
  g_assert_nonnull (stored);
  g_assert_cmpint (vp_programme_get_status (stored), ==, VP_PROGRAMME_STATUS_DRAFT);
  g_assert_cmpstr (get_selected_uid (window), ==, vp_programme_get_uid (stored));
  g_assert_cmpuint (vp_format_count_days (vp_programme_get_start_date (stored),
                                          vp_programme_get_end_date (stored)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edit_overview (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpProgramme) stored = NULL;
  GtkWidget *email_row;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  window = vp_test_show_window (fixture->store, 1000);

  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "title-row")),
                         "Vilnius, spring 2027");
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "lump-sum-row")), "1 250,50");
  /* Not an address: shown as wrong, and not saved. */
  email_row = vp_test_get_widget (window, "coordinator-email-row");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "aino at example");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  /* what the rules of values refuse, which this page took before (two
   * dots, a quote; an exponent as degrees), with their message */
  {
    static const char * const refused[] = { "aino@example..org", "\"aino\"@example.org" };
    GtkWidget *latitude_row = vp_test_get_widget (window, "latitude-row");

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) rule_error = NULL;

        gtk_editable_set_text (GTK_EDITABLE (email_row), refused[i]);
        g_assert_true (gtk_widget_has_css_class (email_row, "error"));
        g_assert_false (vp_value_check_email (refused[i], &rule_error));
        g_assert_cmpstr (gtk_widget_get_tooltip_text (email_row), ==, rule_error->message);
      }
    gtk_editable_set_text (GTK_EDITABLE (latitude_row), "1e1");
    g_assert_true (gtk_widget_has_css_class (latitude_row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (latitude_row), "");
  }
  /* an amount by the rule of values: no exponent or sign, at most 10^9 */
  {
    static const char * const refused[] = { "1e3", "-5", "0x10", "2000000000" };
    GtkWidget *lump_sum_row = vp_test_get_widget (window, "lump-sum-row");

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) rule_error = NULL;
        double amount;

        gtk_editable_set_text (GTK_EDITABLE (lump_sum_row), refused[i]);
        g_assert_true (gtk_widget_has_css_class (lump_sum_row, "error"));
        g_assert_false (vp_value_parse_amount (refused[i], &amount, &rule_error));
        g_assert_cmpstr (gtk_widget_get_tooltip_text (lump_sum_row), ==, rule_error->message);
      }
    gtk_editable_set_text (GTK_EDITABLE (lump_sum_row), "1 250,50");
    g_assert_false (gtk_widget_has_css_class (lump_sum_row, "error"));
  }
  /* the partnership's own amount: never above the scheme's cap */
  {
    GtkWidget *override_row = vp_test_get_widget (window, "lump-sum-override-row");
    g_autofree char *cap = vp_format_euros (vp_cxc_rules_get ()->cap_eur);
    g_autofree char *above_cap =
      g_strdup_printf (_("More than the scheme’s cap of %s per visiting organisation"), cap);

    gtk_editable_set_text (GTK_EDITABLE (override_row), "1200");
    g_assert_true (gtk_widget_has_css_class (override_row, "error"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (override_row), ==, above_cap);
    gtk_editable_set_text (GTK_EDITABLE (override_row), "780");
    g_assert_false (gtk_widget_has_css_class (override_row, "error"));
  }
  /* the goals, the objectives and the day the closing kit is due */
  {
    GtkWidget *due_row = vp_test_get_widget (window, "evidence-due-row");
    g_autoptr(GError) rule_error = NULL;

    /* empty, it says when the rules make it due: 30 days after 16 April */
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (due_row), "2027-05-16"));
    gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "goals-row")),
                           "Three joint projects");
    gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "objectives-row")),
                           "Ten B2B meetings");
    gtk_editable_set_text (GTK_EDITABLE (due_row), "2027-02-30");
    g_assert_true (gtk_widget_has_css_class (due_row, "error"));
    g_assert_false (vp_value_check_date ("2027-02-30", NULL, &rule_error));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (due_row), ==, rule_error->message);
    gtk_editable_set_text (GTK_EDITABLE (due_row), "2027-05-31");
    g_assert_false (gtk_widget_has_css_class (due_row, "error"));
  }
  vp_test_run_main_loop (1000);

  other = reopen_store (fixture);
  stored = find_stored (other, "Vilnius, spring 2027");
  g_assert_nonnull (stored);
  g_assert_cmpstr (vp_programme_get_uid (stored), ==, OLDER_UID);
  g_assert_cmpfloat (vp_programme_get_lump_sum_eur (stored), ==, 1250.5);
  g_assert_cmpfloat (vp_programme_get_lump_sum_override_eur (stored), ==, 780);
  g_assert_cmpstr (vp_programme_get_goals (stored), ==, "Three joint projects");
  g_assert_cmpstr (vp_programme_get_objectives (stored), ==, "Ten B2B meetings");
  g_assert_cmpstr (vp_programme_get_evidence_due (stored), ==, "2027-05-31");
  g_assert_null (vp_programme_get_coordinator_email (stored));
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Vilnius, spring 2027");
  /* The sidebar follows. */
  g_assert_cmpstr (vp_programme_get_title (gtk_single_selection_get_selected_item (get_selection (window))),
                   ==, "Vilnius, spring 2027");

  /* An empty title is refused, a no-break space too; the stored one stays. */
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "title-row")), "\302\240");
  g_assert_true (gtk_widget_has_css_class (vp_test_get_widget (window, "title-row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "title-row")), "  ");
  g_assert_true (gtk_widget_has_css_class (vp_test_get_widget (window, "title-row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (email_row), "aino@example.org");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  vp_test_run_main_loop (1000);
  g_clear_object (&stored);
  g_clear_object (&other);
  other = reopen_store (fixture);
  stored = find_stored (other, "Vilnius, spring 2027");
  g_assert_nonnull (stored);
  g_assert_cmpstr (vp_programme_get_coordinator_email (stored), ==, "aino@example.org");

  /* A write while another page is shown: the hidden overview reads it when
   * it is shown again, not at the write. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "agenda"));
  vp_test_run_main_loop (50);
  {
    g_autoptr(VpProgramme) read = find_stored (fixture->store, "Vilnius, spring 2027");
    g_autoptr(VpProgramme) copy = VP_PROGRAMME (vp_record_copy (G_OBJECT (read)));
    g_autoptr(GError) error = NULL;

    vp_programme_set_title (copy, "Vilnius, late spring 2027");
    g_assert_true (vp_store_save_programme (fixture->store, copy, read, &error));
    g_assert_no_error (error);
  }
  vp_test_run_main_loop (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vp_test_get_widget (window, "title-row"))),
                   ==, "Vilnius, spring 2027");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "overview"));
  vp_test_run_main_loop (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vp_test_get_widget (window, "title-row"))),
                   ==, "Vilnius, late spring 2027");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;
  VpWindow *window;
  guint n_hosts, n_participants, n_sessions;
  gint64 id;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);
  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_selected_uid (window), ==, NEWER_UID);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-programme", NULL));
  vp_test_run_main_loop (300);

  other = reopen_store (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (other)), ==, 1);
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 1);
  g_assert_cmpstr (get_visible_page (window, "content-stack"), ==, "unselected");
  g_clear_object (&other);

  /* The toast's Undo button puts it back, and shows it again. */
  undo = vp_test_wait_for_button (GTK_WIDGET (window), _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  vp_test_run_main_loop (300);

  other = reopen_store (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (other)), ==, 2);
  id = vp_store_find_programme (other, NEWER_UID, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_count_programme (other, id, &n_hosts, &n_participants, &n_sessions,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hosts, ==, 4);
  g_assert_cmpuint (n_participants, ==, 9);
  g_assert_cmpuint (n_sessions, ==, 6);
  g_assert_cmpstr (get_selected_uid (window), ==, NEWER_UID);
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Newer visit");

  /* Ctrl+Z does the same once the toast has gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-programme", NULL));
  vp_test_run_main_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (fixture->store)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  vp_test_run_main_loop (300);
  g_clear_object (&other);
  other = reopen_store (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (other)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A change by another program to another programme after a deletion
 * does not end its undo, and the undo keeps that change: the deleted
 * programme comes back, the other stays deleted.  (A change to the deleted
 * programme's own rows refuses the undo: test-history.c.) */
static void
test_delete_undo_after_change_elsewhere (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;
  VpWindow *window;
  gint64 older;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);
  window = vp_test_show_window (fixture->store, 1000);
  g_assert_cmpstr (get_selected_uid (window), ==, NEWER_UID);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-programme", NULL));
  vp_test_run_main_loop (300);
  undo = vp_test_wait_for_button (GTK_WIDGET (window), _("_Undo"));
  g_assert_nonnull (undo);

  /* the command line deletes the other programme meanwhile */
  other = reopen_store (fixture);
  older = vp_store_find_programme (other, OLDER_UID, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_delete_programme (other, older, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (undo, "clicked");
  vp_test_run_main_loop (300);

  g_clear_object (&other);
  other = reopen_store (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (other)), ==, 1);
  g_assert_cmpint (vp_store_find_programme (other, NEWER_UID, NULL), !=, 0);
  g_assert_cmpint (vp_store_find_programme (other, OLDER_UID, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpProgramme) copy = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  VpWindow *window;
  guint n_hosts, n_participants, n_sessions;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  window = vp_test_show_window (fixture->store, 1000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-programme", NULL));
  vp_test_run_main_loop (200);
  dialog = vp_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* The same weekday a year on is offered. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))),
                   ==, "2028-04-11");
  adw_message_dialog_response (dialog, "duplicate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  vp_test_run_main_loop (300);

  other = reopen_store (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (other)), ==, 2);
  copy = g_list_model_get_item (vp_store_get_programmes (other), 0);
  g_assert_cmpstr (vp_programme_get_start_date (copy), ==, "2028-04-11");
  g_assert_cmpstr (vp_programme_get_end_date (copy), ==, "2028-04-14");
  g_assert_cmpstr (vp_programme_get_uid (copy), !=, OLDER_UID);
  g_assert_true (vp_store_count_programme (other, vp_programme_get_id (copy),
                                           &n_hosts, &n_participants, &n_sessions, &error));
  g_assert_cmpuint (n_hosts, ==, 2);
  g_assert_cmpuint (n_participants, ==, 0);
  g_assert_cmpuint (n_sessions, ==, 3);
  g_assert_cmpstr (get_selected_uid (window), ==, vp_programme_get_uid (copy));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);
  window = vp_test_show_window (fixture->store, 1000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "programme-search")), "OLDER");
  vp_test_run_main_loop (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_selection (window))), ==, 1);
  g_assert_cmpuint (count_shown_rows (vp_test_get_widget (window, "programme-list")), ==, 1);

  /* Words match anywhere, in any order: the country's name too, as the
   * window names it. */
  {
    g_autofree char *country = g_utf8_strdown (_("Lithuania"), -1);
    g_autofree char *words = g_strconcat (country, " visit", NULL);

    gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "programme-search")), words);
  }
  vp_test_run_main_loop (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_selection (window))), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (window, "programme-search")),
                         "nothing like it");
  vp_test_run_main_loop (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_selection (window))), ==, 0);
  g_assert_cmpstr (get_visible_page (window, "main-stack"), ==, "programmes");

  gtk_window_destroy (GTK_WINDOW (window));
}

#define DOUBLE_BOOKED \
  "{ \"format\": \"visit-planner-programme\", \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"" THIRD_UID "\", \"title\": \"Double booked\",\n" \
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n" \
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-13\" },\n" \
  "  \"participants\": [ { \"id\": \"aino\", \"name\": \"Aino Mäkelä\" } ],\n" \
  "  \"sessions\": [\n" \
  "    { \"id\": \"a\", \"title\": \"Laser lab\", \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T12:00\" },\n" \
  "    { \"id\": \"b\", \"title\": \"Optics workshop\", \"start\": \"2027-04-13T11:00\", \"end\": \"2027-04-13T13:00\" } ] }\n"

static gboolean
shows_problems (gpointer data)
{
  return g_strcmp0 (get_visible_page (data, "checks-stack"), "problems") == 0;
}

static void
test_checks_double_booking (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkListView *list;
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  vp_test_import_json (fixture->store, DOUBLE_BOOKED);
  window = vp_test_show_window (fixture->store, 1000);
  vp_test_run_main_loop (700);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "checks"));
  /* the checks run in a thread: on a loaded machine they take a while */
  vp_test_wait_for (shows_problems, window);
  g_assert_cmpstr (get_visible_page (window, "checks-stack"), ==, "problems");

  list = GTK_LIST_VIEW (vp_test_get_widget (window, "problem-list"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpProblemItem) item = g_list_model_get_item (model, i);
      const VpProblem *problem = vp_problem_item_get_problem (item);

      if (problem != NULL && g_str_equal (problem->code, "participant-double-booked"))
        {
          position = i;
          break;
        }
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  /* Activating it (one click, as on the Overview) opens the agenda, where
   * sessions are moved. */
  g_assert_true (gtk_list_view_get_single_click_activate (list));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", position));
  vp_test_run_main_loop (300);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (vp_test_get_widget (window, "view-stack"))),
                   ==, "agenda");

  /* Close whatever editor the agenda opened. */
  vp_test_destroy_toplevels (GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The programme context {{{1 */

/* What a context told, property by property, and what it held when it
 * told of another programme. */
typedef struct
{
  guint    n_programme;
  guint    n_programme_id;
  guint    n_problems;
  guint    n_budget;
  gboolean problems_at_id_change;
} Notified;

static void
context_notify_cb (VpProgrammeContext *context,
                   GParamSpec         *pspec,
                   Notified           *notified)
{
  if (g_str_equal (pspec->name, "programme"))
    notified->n_programme++;
  else if (g_str_equal (pspec->name, "programme-id"))
    {
      notified->n_programme_id++;
      notified->problems_at_id_change = vp_programme_context_get_problems (context) != NULL;
    }
  else if (g_str_equal (pspec->name, "problems"))
    notified->n_problems++;
  else if (g_str_equal (pspec->name, "budget"))
    notified->n_budget++;
}

static void
assert_notified (Notified *notified,
                 guint     n_programme,
                 guint     n_programme_id,
                 guint     n_problems,
                 guint     n_budget)
{
  g_assert_cmpuint (notified->n_programme, ==, n_programme);
  g_assert_cmpuint (notified->n_programme_id, ==, n_programme_id);
  g_assert_cmpuint (notified->n_problems, ==, n_problems);
  g_assert_cmpuint (notified->n_budget, ==, n_budget);
  *notified = (Notified) { 0, };
}

static void
test_context_notify (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpProgrammeContext) context = NULL;
  g_autoptr(VpProgramme) older = NULL;
  g_autoptr(VpProgramme) newer = NULL;
  g_autoptr(VpProgramme) older_again = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autoptr(VpProgramme) budget_programme = vp_programme_new ();
  g_autoptr(VpSnapshot) budget_snapshot = vp_snapshot_new (budget_programme);
  g_autoptr(VpBudget) budget = vp_budget_new (budget_snapshot, NULL);
  g_autoptr(GPtrArray) got = NULL;
  Notified notified = { 0, };
  VpStore *store = NULL;
  gint64 id = -1;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, OLDER_UID, "Older visit", "2027-04-13", "2027-04-16", 2, 5, 3);
  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);
  older = find_stored (fixture->store, "Older visit");
  newer = find_stored (fixture->store, "Newer visit");

  context = vp_programme_context_new (fixture->store);
  g_signal_connect (context, "notify", G_CALLBACK (context_notify_cb), &notified);
  g_assert_true (vp_programme_context_get_store (context) == fixture->store);
  g_assert_null (vp_programme_context_get_programme (context));
  g_assert_cmpint (vp_programme_context_get_programme_id (context), ==, 0);
  g_assert_null (vp_programme_context_get_problems (context));
  g_assert_null (vp_programme_context_get_budget (context));

  /* Nothing to nothing is no change. */
  vp_programme_context_set_programme (context, NULL);
  assert_notified (&notified, 0, 0, 0, 0);

  vp_programme_context_set_programme (context, older);
  assert_notified (&notified, 1, 1, 0, 0);
  g_assert_cmpint (vp_programme_context_get_programme_id (context), ==,
                   vp_programme_get_id (older));
  vp_programme_context_set_programme (context, older);
  assert_notified (&notified, 0, 0, 0, 0);

  vp_programme_context_set_problems (context, problems);
  assert_notified (&notified, 0, 0, 1, 0);
  vp_programme_context_set_problems (context, problems);
  vp_programme_context_set_budget (context, budget);
  assert_notified (&notified, 0, 0, 0, 1);
  vp_programme_context_set_budget (context, budget);
  /* Through the properties, as through the setters. */
  g_object_set (context, "problems", problems, "budget", budget, NULL);
  assert_notified (&notified, 0, 0, 0, 0);

  /* The store's newer copy of the same programme: the programme changes,
   * not which one is shown, and its problems stay. */
  older_again = vp_programme_copy (older);
  vp_programme_context_set_programme (context, older_again);
  assert_notified (&notified, 1, 0, 0, 0);
  g_assert_true (vp_programme_context_get_problems (context) == problems);
  g_assert_true (vp_programme_context_get_budget (context) == budget);

  /* Another programme: the last one's problems and budget go, and are
   * gone by the time anyone hears of the new id. */
  vp_programme_context_set_programme (context, newer);
  g_assert_false (notified.problems_at_id_change);
  assert_notified (&notified, 1, 1, 1, 1);
  g_assert_null (vp_programme_context_get_problems (context));
  g_assert_null (vp_programme_context_get_budget (context));
  g_object_get (context, "store", &store, "programme-id", &id, "problems", &got, NULL);
  g_assert_true (store == fixture->store);
  g_object_unref (store);
  g_assert_cmpint (id, ==, vp_programme_get_id (newer));
  g_assert_null (got);

  /* None: the problems were gone already, so only the programme tells. */
  vp_programme_context_set_programme (context, NULL);
  assert_notified (&notified, 1, 1, 0, 0);
  g_assert_cmpint (vp_programme_context_get_programme_id (context), ==, 0);
}

static guint
count_agenda_sessions (VpWindow *window)
{
  GtkWidget *agenda = vp_test_get_widget (window, "agenda");
  GtkListView *list = GTK_LIST_VIEW (vp_test_get_widget (agenda, "agenda_list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint count = 0;

  /* the agenda is made when it is shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "agenda"));
  vp_test_run_main_loop (100);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpAgendaItem) item = g_list_model_get_item (model, i);

      if (vp_agenda_item_get_uid (item) != NULL)
        count++;
    }

  return count;
}

/* The rows a table page (participants, hosts) lists, once shown. */
static guint
count_table_rows (VpWindow   *window,
                  const char *page_name)
{
  GtkWidget *page = vp_test_get_widget (window, page_name);
  GtkColumnView *column_view =
    GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, VP_TYPE_TABLE_PAGE, "column_view"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             page_name));
  vp_test_run_main_loop (100);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)));
}

static guint
get_checks_badge (VpWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (vp_test_get_widget (window, "view-stack"));

  return adw_view_stack_page_get_badge_number (
    adw_view_stack_get_page (stack, vp_test_get_widget (window, "checks")));
}

static void
test_context_pages_follow (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VpProgramme) newer = NULL;
  VpProgrammeContext *context;
  VpWindow *window;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, NEWER_UID, "Newer visit", "2027-09-20", "2027-09-22", 4, 9, 6);
  vp_test_import_json (fixture->store, DOUBLE_BOOKED);
  newer = find_stored (fixture->store, "Newer visit");

  window = vp_test_show_window (fixture->store, 1000);
  context = vp_window_get_context (window);
  g_assert_nonnull (context);
  g_assert_true (vp_programme_context_get_store (context) == fixture->store);

  /* The window puts its choice on the context, and its checks' results. */
  model = G_LIST_MODEL (get_selection (window));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (g_str_equal (vp_programme_get_uid (programme), THIRD_UID))
        gtk_single_selection_set_selected (get_selection (window), i);
    }
  g_assert_cmpstr (vp_programme_get_uid (vp_programme_context_get_programme (context)), ==,
                   THIRD_UID);
  vp_test_wait_for (shows_problems, window);
  g_assert_cmpstr (get_visible_page (window, "checks-stack"), ==, "problems");
  g_assert_nonnull (vp_programme_context_get_problems (context));
  g_assert_nonnull (vp_programme_context_get_budget (context));
  g_assert_cmpuint (get_checks_badge (window), >=, 1);
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Double booked");
  g_assert_cmpuint (count_agenda_sessions (window), ==, 2);
  /* Shown, so loaded: it must load again when the programme changes. */
  g_assert_cmpuint (count_table_rows (window, "participants"), ==, 1);

  /* Another programme on the context: every page follows at once. */
  vp_programme_context_set_programme (context, newer);
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==, "Newer visit");
  g_assert_cmpstr (vp_test_get_label (window, "participants-value"), ==, "9");
  g_assert_cmpstr (vp_test_get_label (window, "hosts-value"), ==, "4");
  g_assert_cmpstr (vp_test_get_label (window, "sessions-value"), ==, "6");
  g_assert_cmpuint (count_agenda_sessions (window), ==, 6);
  /* The problems were the other programme's: the checks page waits for
   * this one's, and the badge counts nothing. */
  g_assert_null (vp_programme_context_get_problems (context));
  g_assert_cmpstr (get_visible_page (window, "checks-stack"), ==, "checking");
  g_assert_cmpuint (get_checks_badge (window), ==, 0);
  g_assert_cmpuint (count_table_rows (window, "participants"), ==, 9);
  g_assert_cmpuint (count_table_rows (window, "hosts"), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* }}} */

/* The window's own dates name days and months in its language, from the
 * build's catalog, on a machine with no locale for that language (the
 * tests run in C.UTF-8). */
static void
test_dates_in_language (gconstpointer data)
{
  /* the language, and the day in full it writes */
  const char * const *expected = data;
  g_autofree char *output = g_strconcat (expected[1], "\n", NULL);

  if (g_test_subprocess ())
    {
      g_autofree char *day = NULL;

      g_setenv ("LANGUAGE", expected[0], TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      day = vp_format_date_long ("2027-04-13");
      g_print ("%s\n", day);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (output);
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/window/programmes/list-and-counts", test_list_and_counts);
  ADD_TEST ("/window/programmes/empty", test_empty);
  ADD_TEST ("/window/programmes/empty-then-import", test_empty_then_import);
  ADD_TEST ("/window/programmes/import-while-open", test_import_while_open);
  ADD_TEST ("/window/programmes/selected-deleted", test_selected_deleted);
  ADD_TEST ("/window/settings/last-programme", test_last_programme);
  ADD_TEST ("/window/actions/new-programme", test_new_programme);
  ADD_TEST ("/window/actions/delete-undo", test_delete_undo);
  ADD_TEST ("/window/actions/delete-undo-after-change-elsewhere",
            test_delete_undo_after_change_elsewhere);
  ADD_TEST ("/window/actions/duplicate", test_duplicate);
  ADD_TEST ("/window/programmes/search", test_search);
  ADD_TEST ("/window/overview/edit", test_edit_overview);
  ADD_TEST ("/window/checks/double-booking", test_checks_double_booking);
  ADD_TEST ("/window/context/notify", test_context_notify);
  ADD_TEST ("/window/context/pages-follow", test_context_pages_follow);

#undef ADD_TEST
  {
    /* with the names of the build's catalogs: the month as a date has it
     * (Finnish partitive, Lithuanian genitive) */
    static const char *german[] = { "de", "Dienstag, 13. April 2027" };
    static const char *finnish[] = { "fi", "tiistai 13. huhtikuuta 2027" };
    static const char *lithuanian[] = { "lt", "2027 m. balandžio 13 d., antradienis" };

    g_test_add_data_func ("/window/format/dates-in-language/de", german, test_dates_in_language);
    g_test_add_data_func ("/window/format/dates-in-language/fi", finnish,
                          test_dates_in_language);
    g_test_add_data_func ("/window/format/dates-in-language/lt", lithuanian,
                          test_dates_in_language);
  }

  return g_test_run ();
}

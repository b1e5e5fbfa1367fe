/* test-import-dialog.c: spreadsheets and calendars imported from the window, after a preview. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-import-dialog.h"
#include "vp-programme-format.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-window-import.h"
#include "vp-window.h"

#define PROGRAMME_UID "5d1c7a9e-2f4b-4c1e-8a77-3b0e9d6f1a10"

typedef struct
{
  char     *dir;
  VpStore  *store;
  gint64    programme_id;
  VpWindow *window;
} Fixture;

/* A small programme: two hosts, two participants, two sessions. */
static const char programme_json[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"" PROGRAMME_UID "\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\",\n"
  "    \"status\": \"confirmed\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\",\n"
  "    \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"host-1\", \"name\": \"Femtolux Lasers\" },\n"
  "    { \"id\": \"host-2\", \"name\": \"Vilnius University Laser Research Centre\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"person-1\", \"name\": \"Aino Mäkelä\","
  "      \"email\": \"aino@photonics.example\" },\n"
  "    { \"id\": \"person-2\", \"name\": \"Jukka Räsänen\", \"email\": \"jukka@lumiray.example\","
  "      \"organisation\": \"LumiRay\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"session-1\", \"uid\": \"session-1@visit-planner.example\","
  "      \"title\": \"Welcome\","
  "      \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T10:00\" },\n"
  "    { \"id\": \"session-2\", \"uid\": \"session-2@visit-planner.example\","
  "      \"title\": \"Lab tour\","
  "      \"start\": \"2027-04-13T11:00\", \"end\": \"2027-04-13T12:30\" }\n"
  "  ]\n"
  "}\n";

/* German Excel: a byte order mark, semicolons, CRLF; an unknown column;
 * one row updates Jukka, two add people, and line 5 names no country. */
static const char participants_csv[] =
  "\xEF\xBB\xBF"
  "First name;Last name;E-Mail;Organisation;Country;T-Shirt-Größe\r\n"
  "Jürgen;Weiß;juergen.weiss@optik-jena.example;Optik Jena GmbH;Germany;L\r\n"
  "Jukka;Räsänen;jukka@lumiray.example;LumiRay Oy;FI;M\r\n"
  "Søren;Østergaard;soren@lys.example;\"Lys; ApS\";DK;XL\r\n"
  "Anna;Berg;anna@berg.example;Berg AB;Atlantis;S\r\n";

/* One event to add, one repeating one to skip. */
static const char calendar_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Test//Import dialog//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:b2b-meetings@host.example\r\n"
  "DTSTAMP:20270301T100000Z\r\n"
  "DTSTART;TZID=Europe/Vilnius:20270414T140000\r\n"
  "DTEND;TZID=Europe/Vilnius:20270414T160000\r\n"
  "SUMMARY:B2B meetings\r\n"
  "LOCATION:Sunrise Valley\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:weekly@host.example\r\n"
  "DTSTAMP:20270301T100000Z\r\n"
  "DTSTART;TZID=Europe/Vilnius:20270415T090000\r\n"
  "DTEND;TZID=Europe/Vilnius:20270415T100000\r\n"
  "RRULE:FREQ=WEEKLY;COUNT=4\r\n"
  "SUMMARY:Weekly call\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

/* A quote on line 3 that never closes. */
static const char broken_csv[] =
  "Name,Email\r\n"
  "Aino Mäkelä,aino@photonics.example\r\n"
  "\"Jürgen Weiß,juergen@optik-jena.example\r\n"
  "Søren Østergaard,soren@lys.example\r\n";

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-import-dialog", &fixture->dir);
  fixture->programme_id = vp_test_import_json (fixture->store, programme_json);

  /* Without a remembered programme the window shows the newest: ours. */
  vp_test_reset_last_programme ();
  fixture->window = vp_test_show_window (fixture->store, 1024);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
  vp_test_run_main_loop (50);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GBytes *
programme_bytes (Fixture *fixture)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);

  return vp_programme_format_write (snapshot);
}

/* The first shown toplevel of @type, once it has come and is laid out
 * (so that its lists make their rows), or NULL. */
static GtkWindow *
wait_for_window (GType type)
{
  GtkWindow *window = vp_test_wait_for_toplevel (type);

  if (window != NULL)
    vp_test_run_main_loop (100);
  return window;
}

static gboolean
has_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_gone (gpointer data)
{
  gpointer *weak = data;

  return *weak == NULL || !gtk_widget_get_visible (GTK_WIDGET (*weak));
}

/* Activates @action on @dialog, which closes it, and runs the main loop
 * until it is gone. */
static void
activate_closing (GtkWindow  *dialog,
                  const char *action)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  vp_test_wait_for (is_gone, &weak);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
  g_assert_false (has_window (VP_TYPE_IMPORT_DIALOG));
}

/* The number of items in the list view @name. */
static guint
count_items (gpointer    root,
             const char *name)
{
  GtkListView *list = GTK_LIST_VIEW (vp_test_get_widget (root, name));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* The texts of the labels of the shown rows of a list view, one string. */
static void
append_texts (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_texts (child, out);
}

static char *
shown_texts (gpointer    root,
             const char *name)
{
  GString *out = g_string_new (NULL);

  append_texts (vp_test_get_widget (root, name), out);
  return g_string_free (out, FALSE);
}

/* The summary, its no-break spaces as spaces. */
static char *
get_summary (gpointer root)
{
  g_auto(GStrv) words = g_strsplit (vp_test_get_label (root, "import-summary"), "\u00a0", -1);

  return g_strjoinv (" ", words);
}

/* The summary the window gives of @added to add, @organisations new
 * organisations, @updated to update, @unchanged unchanged and @skipped
 * skipped, in its language (“2 to add · 1 skipped”), with spaces for its
 * no-break spaces as get_summary() gives it. */
static char *
expected_summary (guint added,
                  guint organisations,
                  guint updated,
                  guint unchanged,
                  guint skipped)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = NULL;
  g_autofree char *summary = NULL;

  if (added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to add", "%u to add", added), added));
  if (organisations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u new organisation",
                                                       "%u new organisations", organisations),
                                             organisations));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to update", "%u to update", updated),
                                             updated));
  if (unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", unchanged),
                                             unchanged));
  if (skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skipped", "%u skipped", skipped),
                                             skipped));
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **) parts->pdata);
  words = g_strsplit (summary, "\u00a0", -1);

  return g_strjoinv (" ", words);
}

static const char *
visible_page (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (vp_test_get_widget (fixture->window, "view-stack"));

  return adw_view_stack_get_visible_child_name (stack);
}

static GtkWindow *
open_preview (Fixture      *fixture,
              VpImportKind  kind,
              const char   *name,
              const char   *contents)
{
  g_autoptr(GFile) file = write_file (fixture, name, contents);
  GtkWindow *dialog;

  vp_window_import_file (fixture->window, kind, file);
  dialog = wait_for_window (VP_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (dialog));
  return dialog;
}

/* Tests {{{1 */

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *expected = expected_summary (2, 3, 1, 0, 1);
  /* what the window says, in its language */
  g_autofree char *column = g_strdup_printf (_("“%s”"), "T-Shirt-Größe");
  g_autofree char *ignored = g_strdup_printf (ngettext ("Ignored column: %s",
                                                        "Ignored columns: %s", 1), column);
  g_autofree char *line_5_title = g_strdup_printf (_("Line %u"), 5);
  g_autofree char *line_5 = g_strconcat (line_5_title, "\n", NULL);
  g_autofree char *atlantis =
    g_strdup_printf (_("“%s” is not a country: give its name in English or its two-letter code"),
                     "Atlantis");
  g_autofree char *juergen = g_strdup_printf ("Jürgen Weiß\njuergen.weiss@optik-jena.example · "
                                              "Optik Jena GmbH · %s\n",
                                              vp_format_country_name ("DE"));
  g_autofree char *soeren = g_strdup_printf ("Søren Østergaard\nsoren@lys.example · Lys; ApS · "
                                             "%s\n", vp_format_country_name ("DK"));
  g_autofree char *new_organisation = g_strdup_printf (_("New organisation · %s"),
                                                       vp_format_country_name ("DE"));
  g_autofree char *optik = g_strdup_printf ("Optik Jena GmbH\n%s\n", new_organisation);
  g_autofree char *organisation_change = g_strdup_printf (_("%s: %s → %s"),
                                                          C_("changed field", "organisation"),
                                                          "LumiRay", "LumiRay Oy");
  g_autofree char *country_change = g_strdup_printf (_("%s: %s → %s"),
                                                     C_("changed field", "country"),
                                                     _("not set"), vp_format_country_name ("FI"));
  g_autofree char *jukka = g_strdup_printf ("Jukka Räsänen\n%s; %s\n", organisation_change,
                                            country_change);
  VpParticipant *participant;
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_preview (fixture, VP_IMPORT_KIND_PARTICIPANTS, "anmeldungen.csv",
                         participants_csv);

  summary = get_summary (dialog);
  /* the organisations the rows name that the programme lacks are made:
   * “2 to add · 3 new organisations · 1 to update · 1 skipped” */
  g_assert_cmpstr (summary, ==, expected);
  g_assert_true (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-details")));
  g_assert_cmpstr (vp_test_get_label (dialog, "import-details"), ==, _("Semicolon-separated"));
  g_assert_true (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-ignored")));
  /* “Ignored column: “T-Shirt-Größe”” */
  g_assert_cmpstr (vp_test_get_label (dialog, "import-ignored"), ==, ignored);
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-notes")));
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-changed")));

  g_assert_cmpuint (count_items (dialog, "import-added-list"), ==, 5);
  g_assert_cmpuint (count_items (dialog, "import-updated-list"), ==, 1);
  g_assert_cmpuint (count_items (dialog, "import-skipped-list"), ==, 1);

  /* Skipped rows are open at once, with their line and reason. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (vp_test_get_widget (dialog,
                                                                              "import-skipped"))));
  skipped = shown_texts (dialog, "import-skipped-list");
  g_assert_nonnull (strstr (skipped, line_5));
  g_assert_nonnull (strstr (skipped, atlantis));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (vp_test_get_widget (dialog, "import-added")),
                                 TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (vp_test_get_widget (dialog, "import-updated")),
                                 TRUE);
  vp_test_run_main_loop (300);
  added = shown_texts (dialog, "import-added-list");
  g_assert_nonnull (strstr (added, juergen));
  g_assert_nonnull (strstr (added, soeren));
  g_assert_nonnull (strstr (added, optik));
  updated = shown_texts (dialog, "import-updated-list");
  /* what changes, from what to what: “Jukka Räsänen\norganisation:
   * LumiRay → LumiRay Oy; country: not set → Finland\n” */
  g_assert_cmpstr (updated, ==, jukka);

  g_assert_true (gtk_widget_get_sensitive (vp_test_get_widget (dialog, "import-button")));
  activate_closing (dialog, "import.apply");
  vp_test_run_main_loop (100);

  snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 4);
  participant = vp_snapshot_lookup_participant_by_email (snapshot,
                                                         "juergen.weiss@optik-jena.example");
  g_assert_nonnull (participant);
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Jürgen Weiß");
  g_assert_cmpstr (vp_participant_get_country (participant), ==, "DE");
  g_assert_nonnull (vp_snapshot_lookup_participant_by_email (snapshot, "soren@lys.example"));
  participant = vp_snapshot_lookup_participant_by_email (snapshot, "jukka@lumiray.example");
  g_assert_cmpstr (vp_participant_get_organisation (participant), ==, "LumiRay Oy");
  g_assert_null (vp_snapshot_lookup_participant_by_email (snapshot, "anna@berg.example"));

  g_assert_cmpstr (visible_page (fixture), ==, "participants");
}

static void
test_nothing_to_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autofree char *expected = expected_summary (0, 0, 0, 3, 1);
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_preview (fixture, VP_IMPORT_KIND_PARTICIPANTS, "anmeldungen.csv",
                         participants_csv);
  activate_closing (dialog, "import.apply");

  /* The same file again: everything is there already. */
  dialog = open_preview (fixture, VP_IMPORT_KIND_PARTICIPANTS, "anmeldungen.csv",
                         participants_csv);
  summary = get_summary (dialog);
  /* “3 unchanged · 1 skipped” */
  g_assert_cmpstr (summary, ==, expected);
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-added")));
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-updated")));
  g_assert_false (gtk_widget_get_sensitive (vp_test_get_widget (dialog, "import-button")));
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *summary = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *added = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *expected = expected_summary (1, 0, 0, 0, 1);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2027, 4, 14, 14, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2027, 4, 14, 16, 0, 0);
  g_autofree char *start_text = vp_format_date_time (start, C_("session start",
                                                               "%a %-d %b, %H:%M"));
  g_autofree char *end_text = vp_format_date_time (end, C_("session end", "%H:%M"));
  g_autofree char *time = g_strdup_printf (_("%s–%s"), start_text, end_text);
  g_autofree char *b2b = g_strdup_printf ("B2B meetings\n%s · Sunrise Valley\n", time);
  g_autofree char *weekly = g_strdup_printf (_("Line %u, event %s"), 12, "weekly@host.example");
  VpSession *session;
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_preview (fixture, VP_IMPORT_KIND_CALENDAR, "slots.ics", calendar_ics);

  summary = get_summary (dialog);
  /* “1 to add · 1 skipped” */
  g_assert_cmpstr (summary, ==, expected);
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-details")));
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-ignored")));
  g_assert_cmpuint (count_items (dialog, "import-added-list"), ==, 1);
  g_assert_cmpuint (count_items (dialog, "import-updated-list"), ==, 0);
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-updated")));
  g_assert_cmpuint (count_items (dialog, "import-skipped-list"), ==, 1);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (vp_test_get_widget (dialog, "import-added")),
                                 TRUE);
  vp_test_run_main_loop (300);
  added = shown_texts (dialog, "import-added-list");
  /* “B2B meetings\nWed 14 Apr, 14:00–16:00 · Sunrise Valley\n”, the day's
   * name in the window's language */
  g_assert_cmpstr (added, ==, b2b);
  skipped = shown_texts (dialog, "import-skipped-list");
  g_assert_true (g_str_has_prefix (skipped, weekly));
  g_assert_cmpint (skipped[strlen (weekly)], ==, '\n');

  activate_closing (dialog, "import.apply");
  vp_test_run_main_loop (100);

  snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 3);
  session = vp_snapshot_lookup_session_by_uid (snapshot, "b2b-meetings@host.example");
  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_title (session), ==, "B2B meetings");
  g_assert_null (vp_snapshot_lookup_session_by_uid (snapshot, "weekly@host.example"));

  g_assert_cmpstr (visible_page (fixture), ==, "agenda");
}

static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) file = NULL;
  /* “broken.csv: line 3: a quoted field starts here but never ends (a
   * missing closing quote?)\n\nNothing was imported.” */
  g_autofree char *line_3 =
    g_strdup_printf (_("line %u: a quoted field starts here but never ends "
                       "(a missing closing quote?)"), 3);
  g_autofree char *wrong = g_strdup_printf (_("%s: %s"), "broken.csv", line_3);
  g_autofree char *expected = g_strdup_printf (_("%s\n\nNothing was imported."), wrong);
  const char *body;
  GtkWindow *message;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  before = programme_bytes (fixture);
  file = write_file (fixture, "broken.csv", broken_csv);

  vp_window_import_file (fixture->window, VP_IMPORT_KIND_PARTICIPANTS, file);
  message = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_false (has_window (VP_TYPE_IMPORT_DIALOG));

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   _("Cannot Import Participants"));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message));
  g_test_message ("%s", body);
  g_assert_cmpstr (body, ==, expected);

  after = programme_bytes (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  before = programme_bytes (fixture);

  dialog = open_preview (fixture, VP_IMPORT_KIND_PARTICIPANTS, "anmeldungen.csv",
                         participants_csv);
  activate_closing (dialog, "window.close");
  vp_test_run_main_loop (100);

  after = programme_bytes (fixture);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (visible_page (fixture), ==, "overview");
}

/* A change after the preview (here by another connection, as the command
 * line would make it) is neither overwritten nor imported over blindly:
 * the preview is worked out again, and the next Import applies that. */
static void
test_changed_meanwhile (Fixture       *fixture,
                        gconstpointer  data)
{
  VpParticipant *participant;
  g_autofree char *summary = NULL;
  g_autofree char *expected = expected_summary (1, 3, 2, 0, 1);
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpParticipant) added = vp_participant_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = open_preview (fixture, VP_IMPORT_KIND_PARTICIPANTS, "anmeldungen.csv",
                         participants_csv);

  other = vp_store_new (vp_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  vp_participant_set_name (added, "Sanna Höglund");
  vp_participant_set_email (added, "soren@lys.example");
  g_assert_true (vp_store_save_participant (other, fixture->programme_id, added, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  vp_test_run_main_loop (500);

  /* Still open, with the new preview: Søren's email is now Sanna's row. */
  g_assert_true (has_window (VP_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_widget_get_visible (vp_test_get_widget (dialog, "import-changed")));
  summary = get_summary (dialog);
  /* “1 to add · 3 new organisations · 2 to update · 1 skipped” */
  g_assert_cmpstr (summary, ==, expected);
  snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 3);
  g_clear_object (&snapshot);

  activate_closing (dialog, "import.apply");

  snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 4);
  participant = vp_snapshot_lookup_participant_by_email (snapshot, "soren@lys.example");
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Søren Østergaard");
}

/* Whether the window's action @name is enabled, as a button using it
 * (like a menu item) sees it. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  GtkWidget *box = gtk_widget_get_parent (vp_test_get_widget (fixture->window, "content-stack"));
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  gtk_box_append (GTK_BOX (box), button);
  vp_test_run_main_loop (20);
  enabled = gtk_widget_get_sensitive (button);
  gtk_box_remove (GTK_BOX (box), button);

  return enabled;
}

static void
test_actions_need_programme (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const actions[] = {
    "win.import-participants", "win.import-hosts", "win.import-calendar",
  };

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (action_enabled (fixture, actions[i]));

  /* No programme shown: nothing to import into. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-programme",
                                             NULL));
  vp_test_run_main_loop (200);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (action_enabled (fixture, actions[i]));
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/import-dialog/participants", test_participants);
  ADD_TEST ("/import-dialog/nothing-to-import", test_nothing_to_import);
  ADD_TEST ("/import-dialog/calendar", test_calendar);
  ADD_TEST ("/import-dialog/broken-file", test_broken_file);
  ADD_TEST ("/import-dialog/cancel", test_cancel);
  ADD_TEST ("/import-dialog/changed-meanwhile", test_changed_meanwhile);
  ADD_TEST ("/import-dialog/actions-need-programme", test_actions_need_programme);

#undef ADD_TEST

  return g_test_run ();
}

/* test-privacy-window.c: personal data in the window (issue 14): consent in the participant
 * editor, the Overview's Privacy section (retention date, Purge) and the participants page's
 * Erase, over a real store (under xvfb-run).
 *
 * VP_TEST_HOLD_MS=N keeps the editor's consent rows and the Privacy section on screen for N
 * milliseconds, for a screenshot of the display the test runs on. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-format.h"
#include "vp-overview-page.h"
#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-privacy.h"
#include "vp-store.h"
#include "vp-table-row.h"
#include "vp-test-gui.h"

typedef struct
{
  char               *dir;
  VpStore            *store;
  gint64              programme_id;
  VpProgrammeContext *context;
  GtkWindow          *window;
} Fixture;

/* A visit long past (its personal data kept 12 months after 2021-03-12),
 * three participants: Aino agreed to everything, Jūratė to give her needs
 * only, Mikko to nothing. */
static const char past_programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 2,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"privacy-window\", \"title\": \"Photonics Finland in Vilnius\",\n"
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2021-03-10\", \"end_date\": \"2021-03-12\"\n"
  "  },\n"
  "  \"hosts\": [ { \"id\": \"femtolux\", \"name\": \"Femtolux Lasers\" } ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.fi\",\n"
  "      \"phone\": \"+358 40 QZXAINOPHONE\", \"dietary\": \"QZXAINODIET\",\n"
  "      \"emergency_contact\": \"QZXAINOEMERGENCY\", \"notes\": \"QZXAINONOTES\",\n"
  "      \"consent\": { \"fields\": [\"dietary\", \"accessibility\", \"emergency-contact\",\n"
  "                                  \"share-with-hosts\", \"share-with-participants\"],\n"
  "                     \"given\": \"2021-02-01\", \"wording\": \"Form 2021 v1\" },\n"
  "      \"accommodation\": [ { \"name\": \"QZXAINOHOTEL\", \"check_in\": \"2021-03-09\",\n"
  "                             \"check_out\": \"2021-03-12\" } ] },\n"
  "    { \"id\": \"jurate\", \"name\": \"Jūratė Žukauskienė\", \"email\": \"jurate@example.lt\",\n"
  "      \"dietary\": \"QZXJURATEDIET\", \"accessibility\": \"QZXJURATEACCESS\",\n"
  "      \"consent\": { \"fields\": [\"dietary\", \"accessibility\"] } },\n"
  "    { \"id\": \"mikko\", \"name\": \"Mikko Virtanen\", \"consent\": { \"fields\": [] } }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"title\": \"Welcome\", \"start\": \"2021-03-10T09:00\",\n"
  "      \"end\": \"2021-03-10T10:00\", \"host\": \"femtolux\" }\n"
  "  ]\n"
  "}\n";

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-privacy-window", &fixture->dir);
  fixture->programme_id = vp_test_import_json (fixture->store, past_programme);
  fixture->context = vp_test_context_new (fixture->store, fixture->programme_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
  fixture->window = NULL;
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

static gpointer
get_child (gpointer    widget,
           GType       type,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static VpSnapshot *
load (Fixture *fixture)
{
  return vp_test_load_snapshot (fixture->store, fixture->programme_id);
}

/* Holds what is on screen for a screenshot, when asked to. */
static void
hold_for_screenshot (void)
{
  const char *hold = g_getenv ("VP_TEST_HOLD_MS");

  if (hold != NULL)
    vp_test_run_main_loop ((guint) g_ascii_strtoull (hold, NULL, 10));
}

/* Whether @path's bytes hold @text. */
static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize size = strlen (text);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + size <= length; i++)
    if (memcmp (contents + i, text, size) == 0)
      return TRUE;
  return FALSE;
}

/* The message dialog open now, and the text of its body. */
static AdwMessageDialog *
find_message_dialog (void)
{
  AdwMessageDialog *dialog = vp_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return dialog;
}

/* The participant editor {{{1 */

/* A consent switched off erases what it allowed, and its field can no
 * longer be typed in, saying why; switched on again, it is dated today. */
static void
test_editor_consent (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpParticipant) jurate = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *not_kept = g_strdup_printf (_("Not kept: the participant has not consented to "
                                                 "give their %s (see Consent)"),
                                               _("emergency contact"));
  VpParticipantEditor *editor;
  GtkWidget *dietary_row;
  GtkWidget *emergency_row;
  GtkSwitch *dietary_switch;
  VpParticipant *stored;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  snapshot = load (fixture);
  jurate = vp_participant_copy (vp_snapshot_lookup_participant (snapshot, "jurate"));
  g_clear_object (&snapshot);
  editor = vp_participant_editor_new (fixture->store, fixture->programme_id, jurate);
  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 1000);
  gtk_window_present (GTK_WINDOW (editor));
  vp_test_run_main_loop (200);

  dietary_row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "dietary_row");
  emergency_row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "emergency_row");
  dietary_switch = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "consent_dietary_switch");
  g_assert_true (gtk_switch_get_active (dietary_switch));
  g_assert_false (gtk_switch_get_active (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                    "consent_hosts_switch")));
  g_assert_true (gtk_widget_get_sensitive (dietary_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dietary_row)), ==, "QZXJURATEDIET");
  /* she gave no emergency contact and did not agree to: it cannot be typed */
  g_assert_false (gtk_widget_get_sensitive (emergency_row));
  /* “Not kept: the participant has not consented to give their emergency
   * contact (see Consent)” */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (emergency_row), ==, not_kept);

  /* the consent rows and the fields they allow on screen, scrolled to */
  gtk_widget_grab_focus (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "accessibility_row"));
  vp_test_run_main_loop (100);
  hold_for_screenshot ();

  gtk_switch_set_active (dietary_switch, FALSE);
  g_assert_false (gtk_widget_get_sensitive (dietary_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dietary_row)), ==, "");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (dietary_row), _("dietary needs")));
  g_assert_true (vp_participant_editor_flush (editor));

  snapshot = load (fixture);
  stored = vp_snapshot_lookup_participant (snapshot, "jurate");
  g_assert_null (vp_participant_get_dietary (stored));
  g_assert_cmpstr (vp_participant_get_accessibility (stored), ==, "QZXJURATEACCESS");
  g_assert_cmpint (vp_participant_get_consent_fields (stored), ==, VP_CONSENT_ACCESSIBILITY);
  g_clear_object (&snapshot);

  /* given again, dated today, and the field takes text again */
  gtk_editable_set_text (GTK_EDITABLE (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                  "consent_given_row")), "");
  gtk_switch_set_active (dietary_switch, TRUE);
  g_assert_true (gtk_widget_get_sensitive (dietary_row));
  gtk_editable_set_text (GTK_EDITABLE (dietary_row), "no nuts");
  gtk_editable_set_text (GTK_EDITABLE (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                  "consent_wording_row")), "Form 2027 v2");
  g_assert_true (vp_participant_editor_flush (editor));
  snapshot = load (fixture);
  stored = vp_snapshot_lookup_participant (snapshot, "jurate");
  g_assert_cmpstr (vp_participant_get_dietary (stored), ==, "no nuts");
  g_assert_cmpstr (vp_participant_get_consent_given (stored), ==, today);
  g_assert_cmpstr (vp_participant_get_consent_wording (stored), ==, "Form 2027 v2");

  /* a day that is no day is refused */
  gtk_editable_set_text (GTK_EDITABLE (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                  "consent_given_row")), "2027-02-30");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                      "consent_given_row"), "error"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The Overview's Privacy section {{{1 */

static void
test_overview_privacy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) day = NULL;
  GtkWidget *page;
  GtkWidget *purge_button;
  AdwMessageDialog *dialog;
  const char *body;
  VpParticipant *aino;
  /* what the window says, in its language */
  g_autofree char *default_day = vp_format_date_long ("2022-03-12");
  g_autofree char *default_period = g_strdup_printf (ngettext ("%u month after the last day (the "
                                                               "default, in Preferences)",
                                                               "%u months after the last day "
                                                               "(the default, in Preferences)",
                                                               12), 12);
  g_autofree char *later_day = vp_format_date_long ("2071-03-12");
  g_autofree char *possible = g_strdup_printf (_("Possible after %s"), later_day);
  g_autofree char *own_day = vp_format_date_long ("2021-06-30");
  g_autofree char *kept_until = g_strdup_printf (_("The personal data of this programme was kept "
                                                   "until %s. Purging erases it for good, from "
                                                   "the database and its backups:"), own_day);
  g_autofree char *one_stay = g_strdup_printf (ngettext ("%u hotel stay", "%u hotel stays", 1), 1);
  g_autofree char *aino_items = g_strjoin (", ", _("email"), _("phone"), _("dietary needs"),
                                           _("emergency contact"), _("notes"), one_stay, NULL);
  g_autofree char *aino_line = g_strdup_printf (_("\n• %s: %s"), "Aino Mäkelä", aino_items);
  g_autofree char *jurate_items = g_strjoin (", ", _("email"), _("dietary needs"),
                                             _("access needs"), NULL);
  g_autofree char *jurate_line = g_strdup_printf (_("\n• %s: %s"), "Jūratė Žukauskienė",
                                                  jurate_items);

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  /* the window's period and the command line's are one default */
  g_assert_cmpuint (g_settings_get_uint (settings, "retention-months"), ==,
                    vp_privacy_get_default_retention_months ());

  page = vp_overview_page_new (fixture->context);
  fixture->window = vp_test_show_page (page, 900);
  gtk_window_set_default_size (fixture->window, 900, 1000);
  /* “Saturday, 12 March 2022”, “12 months after the last day (the
   * default, in Preferences)” */
  g_assert_cmpstr (vp_test_get_label (page, "retention-value"), ==, default_day);
  g_assert_cmpstr (adw_action_row_get_subtitle (get_child (page, VP_TYPE_OVERVIEW_PAGE,
                                                           "retention_row")),
                   ==, default_period);
  purge_button = get_child (page, VP_TYPE_OVERVIEW_PAGE, "purge_button");
  g_assert_true (gtk_widget_get_sensitive (purge_button));
  g_assert_false (gtk_widget_get_visible (get_child (page, VP_TYPE_OVERVIEW_PAGE,
                                                     "retention_reset_button")));

  /* the section on screen */
  gtk_widget_grab_focus (purge_button);
  vp_test_run_main_loop (100);
  hold_for_screenshot ();

  /* another period in Preferences moves the default */
  g_settings_set_uint (settings, "retention-months", 600);
  vp_test_run_main_loop (50);
  g_assert_cmpstr (vp_test_get_label (page, "retention-value"), ==, later_day);
  g_assert_false (gtk_widget_get_sensitive (purge_button));
  g_assert_cmpstr (adw_action_row_get_subtitle (get_child (page, VP_TYPE_OVERVIEW_PAGE,
                                                           "purge_row")), ==, possible);
  g_settings_reset (settings, "retention-months");

  /* a day of its own, chosen as the other days are */
  day = g_date_time_new_local (2021, 6, 30, 12, 0, 0);
  gtk_calendar_select_day (get_child (page, VP_TYPE_OVERVIEW_PAGE, "retention_calendar"), day);
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_programme_get_retention_until (vp_snapshot_get_programme (snapshot)), ==,
                   "2021-06-30");
  g_clear_object (&snapshot);
  g_assert_cmpstr (vp_test_get_label (page, "retention-value"), ==, own_day);
  g_assert_true (gtk_widget_get_visible (get_child (page, VP_TYPE_OVERVIEW_PAGE,
                                                    "retention_reset_button")));

  /* Purge asks first, naming what goes from whom */
  g_signal_emit_by_name (purge_button, "clicked");
  dialog = find_message_dialog ();
  body = adw_message_dialog_get_body (dialog);
  /* “… kept until Wednesday, 30 June 2021 …”, “• Aino Mäkelä: email, phone,
   * dietary needs, emergency contact, notes, 1 hotel stay” */
  g_assert_true (g_str_has_prefix (body, kept_until));
  g_assert_nonnull (strstr (body, aino_line));
  g_assert_nonnull (strstr (body, jurate_line));
  g_assert_null (strstr (body, "Mikko"));
  adw_message_dialog_response (dialog, "cancel");
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_dietary (vp_snapshot_lookup_participant (snapshot, "aino")),
                   ==, "QZXAINODIET");
  g_clear_object (&snapshot);

  g_signal_emit_by_name (purge_button, "clicked");
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "purge");
  vp_test_run_main_loop (100);
  snapshot = load (fixture);
  aino = vp_snapshot_lookup_participant (snapshot, "aino");
  g_assert_cmpstr (vp_participant_get_name (aino), ==, "Aino Mäkelä");
  g_assert_null (vp_participant_get_email (aino));
  g_assert_null (vp_participant_get_phone (aino));
  g_assert_null (vp_participant_get_dietary (aino));
  g_assert_null (vp_participant_get_notes (aino));
  g_assert_cmpuint (vp_participant_get_accommodation (aino)->len, ==, 0);
  g_assert_false (gtk_widget_get_sensitive (purge_button));
  g_assert_cmpstr (adw_action_row_get_subtitle (get_child (page, VP_TYPE_OVERVIEW_PAGE,
                                                           "purge_row")),
                   ==, _("Nothing left to purge"));
  g_assert_false (file_holds (vp_store_get_path (fixture->store), "QZXAINONOTES"));

  /* back to the default */
  g_signal_emit_by_name (get_child (page, VP_TYPE_OVERVIEW_PAGE, "retention_reset_button"),
                         "clicked");
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_null (vp_programme_get_retention_until (vp_snapshot_get_programme (snapshot)));
}

/* The participants page's Erase {{{1 */

static guint
position_of (GListModel *model,
             const char *ref)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpTableRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (vp_participant_get_ref (VP_PARTICIPANT (vp_table_row_get_item (row))), ref)
          == 0)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_participants_erase (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  GtkWidget *button;
  GListModel *model;
  AdwMessageDialog *dialog;
  const char *body;
  /* what the window says, in its language */
  g_autofree char *no_email = g_strdup_printf (_("“%s” Has No Email Address"), "Mikko Virtanen");
  g_autofree char *erase = g_strdup_printf (_("Erase “%s” Everywhere?"), "Aino Mäkelä");
  g_autofree char *everything = g_strdup_printf (_("Everything held about %s goes, in every "
                                                   "programme, from the database, its backups "
                                                   "and its log. It cannot be undone:"),
                                                 "aino@example.fi");
  g_autofree char *one_stay = g_strdup_printf (ngettext ("%u hotel stay", "%u hotel stays", 1), 1);
  g_autofree char *one_session = g_strdup_printf (ngettext ("attendance at %u session",
                                                            "attendance at %u sessions", 1), 1);
  g_autofree char *held = g_strjoin (_(", "), _("name"), _("email"), _("phone"),
                                     _("dietary needs"), _("emergency contact"), _("notes"),
                                     one_stay, _("consent record"), one_session, NULL);
  g_autofree char *participant = g_strdup_printf (_("participant %s: %s"), "Aino Mäkelä", held);
  g_autofree char *programme_line = g_strdup_printf (_("“%s” (programme %lld): %s"),
                                                     "Photonics Finland in Vilnius", 1LL,
                                                     participant);
  g_autofree char *item = g_strdup_printf (_("\n• %s"), programme_line);

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = vp_participants_page_new (fixture->context);
  fixture->window = vp_test_show_page (page, 1100);
  button = vp_test_get_widget (page, "erase-person-button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "participants.erase-person");
  model = G_LIST_MODEL (gtk_column_view_get_model (get_child (page, VP_TYPE_TABLE_PAGE,
                                                              "column_view")));

  /* without an email, nobody to find elsewhere: it says so */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), position_of (model, "mikko"),
                                   TRUE);
  g_assert_true (gtk_widget_activate_action (page, "participants.erase-person", NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, no_email);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), position_of (model, "aino"),
                                   TRUE);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, erase);
  body = adw_message_dialog_get_body (dialog);
  /* “Everything held about aino@example.fi goes …”, then “• “Photonics
   * Finland in Vilnius” (programme 1): participant Aino Mäkelä: name, email,
   * phone, dietary needs, emergency contact, notes, 1 hotel stay, consent
   * record, attendance at 1 session” */
  g_assert_true (g_str_has_prefix (body, everything));
  g_assert_nonnull (strstr (body, item));
  adw_message_dialog_response (dialog, "erase");
  vp_test_run_main_loop (100);

  snapshot = load (fixture);
  g_assert_null (vp_snapshot_lookup_participant (snapshot, "aino"));
  g_assert_nonnull (vp_snapshot_lookup_participant (snapshot, "jurate"));
  g_assert_false (file_holds (vp_store_get_path (fixture->store), "QZXAINOEMERGENCY"));
  g_assert_false (file_holds (vp_store_get_path (fixture->store), "aino@example.fi"));
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/privacy-window/editor/consent", test_editor_consent);
  ADD_TEST ("/privacy-window/overview/privacy", test_overview_privacy);
  ADD_TEST ("/privacy-window/participants/erase", test_participants_erase);

#undef ADD_TEST

  return g_test_run ();
}

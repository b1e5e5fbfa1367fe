/* test-people.c: the participants and hosts pages and their editors, over a real store. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "vp-chooser-row.h"
#include "vp-host-editor.h"
#include "vp-hosts-page.h"
#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-people-fields.h"
#include "vp-date-row.h"
#include "vp-format.h"
#include "vp-stay-page.h"
#include "vp-store.h"
#include "vp-table-row.h"
#include "vp-values.h"
#include "vp-test-gui.h"
#include "vp-time-row.h"
#include "vp-travel-leg-page.h"

typedef struct
{
  char               *dir;
  VpStore            *store;
  gint64              programme_id;
  VpProgrammeContext *context;
  GtkWindow          *window;
} Fixture;

/* A small programme: two hosts, three participants (one with a long
 * Lithuanian name and needs), two sessions, one of them for two people. */
static const char small_programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"5e1c5a4e-0d55-4b8e-9d4a-2f7d9b1c0001\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\", \"status\": \"confirmed\",\n"
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"femtolux\", \"name\": \"Femtolux Lasers\", \"kind\": \"company\", \"city\": \"Vilnius\",\n"
  "      \"latitude\": 54.7321, \"longitude\": 25.2652, \"max_group_size\": 15 },\n"
  "    { \"id\": \"university\", \"name\": \"Saulėtekis University\", \"kind\": \"university\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.fi\",\n"
  "      \"organisation\": \"Photonics Finland\", \"country\": \"FI\", \"role\": \"cluster-manager\" },\n"
  "    { \"id\": \"jurate\", \"name\": \"Jūratė Žukauskienė-Kazlauskienė\", \"email\": \"jurate@example.lt\",\n"
  "      \"organisation\": \"Baltic Optics\", \"country\": \"LT\", \"dietary\": \"Vegetarian\" },\n"
  "    { \"id\": \"mikko\", \"name\": \"Mikko Virtanen\", \"email\": \"mikko@example.fi\",\n"
  "      \"organisation\": \"Aalto Optics\", \"country\": \"FI\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"title\": \"Welcome\", \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T10:00\",\n"
  "      \"host\": \"femtolux\" },\n"
  "    { \"id\": \"s2\", \"title\": \"Lab tour\", \"start\": \"2027-04-13T11:00\", \"end\": \"2027-04-13T12:00\",\n"
  "      \"host\": \"femtolux\", \"attendees\": [\"aino\", \"jurate\"] }\n"
  "  ]\n"
  "}\n";

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-people", &fixture->dir);
  fixture->programme_id = vp_test_import_json (fixture->store, data ? data : small_programme);
  fixture->context = vp_test_context_new (fixture->store, fixture->programme_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* The page (on the fixture's context, so on its programme), in a window
 * as the main window holds it. */
static GtkWidget *
show_page (Fixture   *fixture,
           GtkWidget *page)
{
  fixture->window = vp_test_show_page (page, 1100);

  return page;
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

/* The table's selection model: a VpTableRow at each position. */
static GListModel *
get_model (gpointer page)
{
  GtkColumnView *column_view = get_child (page, VP_TYPE_TABLE_PAGE, "column_view");

  return G_LIST_MODEL (gtk_column_view_get_model (column_view));
}

/* The toplevel of @type that is open now, or opens soon. */
static gpointer
find_toplevel (GType type)
{
  gpointer window = vp_test_wait_for_toplevel (type);

  g_assert_nonnull (window);
  return window;
}

static void
set_text (gpointer    widget,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (widget, type, name)), text);
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  GtkWidget *button = get_child (widget, type, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Chooses in @row as a user does: a search, then Enter. */
static void
choose (gpointer    row,
        const char *search)
{
  GtkEditable *entry = get_child (row, VP_TYPE_CHOOSER_ROW, "search_entry");

  g_signal_emit_by_name (row, "activated");
  gtk_editable_set_text (entry, search);
  g_signal_emit_by_name (entry, "activate");
  vp_test_run_main_loop (20);
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, search);
}

/* Sets the hour and minute of a time row through its spin buttons. */
static void
set_time (gpointer    page,
          GType       type,
          const char *name,
          int         hour,
          int         minute)
{
  VpTimeRow *row = get_child (page, type, name);

  gtk_spin_button_set_value (vp_time_row_get_hour_spin (row), hour);
  gtk_spin_button_set_value (vp_time_row_get_minute_spin (row), minute);
}

static void
set_date (gpointer    page,
          GType       type,
          const char *name,
          const char *date)
{
  vp_date_row_set_date (get_child (page, type, name), date);
}

/* The page of @editor's dialog that shows (its leg or stay page, or the
 * participant's). */
static GtkWidget *
shown_page (VpParticipantEditor *editor)
{
  return gtk_stack_get_visible_child (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "page_stack"));
}

/* Names a new organisation in a participant editor as a user does: its
 * organisation row's “New Organisation…”, then the name. */
static void
name_new_organisation (VpParticipantEditor *editor,
                       const char          *name)
{
  VpChooserRow *row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "organisation_row");
  GtkWidget *new_row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "new_organisation_row");

  if (!gtk_widget_get_visible (new_row))
    click (row, VP_TYPE_CHOOSER_ROW, "new_button");
  g_assert_true (gtk_widget_get_visible (new_row));
  gtk_editable_set_text (GTK_EDITABLE (new_row), name);
}

static VpSnapshot *
load (Fixture *fixture)
{
  return vp_test_load_snapshot (fixture->store, fixture->programme_id);
}

static VpParticipant *
item_participant (GListModel *model,
                  guint       position)
{
  g_autoptr(VpTableRow) row = g_list_model_get_item (model, position);

  /* The snapshot the page holds keeps it alive. */
  return VP_PARTICIPANT (vp_table_row_get_item (row));
}

/* Answers the question on show with the button @label. */
static void
click_response (const char *label)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *button = vp_test_wait_for_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  vp_test_run_main_loop (50);
  g_assert_null (vp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

/* How many rows are selected, and the first one's item. */
static guint
selected_count (GListModel *model)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));

  return (guint) gtk_bitset_get_size (selected);
}

static GObject *
selected_item (GListModel *model)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (model));
  g_autoptr(VpTableRow) row = NULL;

  g_assert_false (gtk_bitset_is_empty (selected));
  row = g_list_model_get_item (model, gtk_bitset_get_minimum (selected));
  /* the page's snapshot keeps it alive */
  return vp_table_row_get_item (row);
}

/* Tests {{{1 */

static void
test_participants_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page;
  GtkStack *stack;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  stack = get_child (page, VP_TYPE_TABLE_PAGE, "stack");

  g_assert_cmpuint (g_list_model_get_n_items (get_model (page)), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  /* Sorted by name at first. */
  g_assert_cmpstr (vp_participant_get_name (item_participant (get_model (page), 0)),
                   ==, "Aino Mäkelä");

  /* No programme: the empty state. */
  vp_programme_context_set_programme (fixture->context, NULL);
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (get_model (page)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_hosts_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *ref = NULL;
  GtkWidget *page;
  VpHostEditor *editor;
  VpHost *host;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_hosts_page_new (fixture->context));
  model = get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  g_assert_true (gtk_widget_activate_action (page, "hosts.add", NULL));
  editor = find_toplevel (VP_TYPE_HOST_EDITOR);

  /* Nothing is stored before Add, and Add waits for a name. */
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, VP_TYPE_HOST_EDITOR, "add_button")));
  set_text (editor, VP_TYPE_HOST_EDITOR, "name_row", "Baltic Precision Optics");
  set_text (editor, VP_TYPE_HOST_EDITOR, "city_row", "Vilnius");
  set_text (editor, VP_TYPE_HOST_EDITOR, "contact_email_row", "not an address");
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, VP_TYPE_HOST_EDITOR, "add_button")));
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_HOST_EDITOR, "contact_email_row"), "error"));
  /* The rules of values (vp-values.h), with their message: the editor
   * took these before (two dots, angle brackets, a semicolon, a control
   * character; an exponent and a hexadecimal number as degrees). */
  {
    static const char * const refused_emails[] = {
      "sales@bpo..example", "<sales@bpo.example>", "sales@bpo.example;", "sa\001les@bpo.example",
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused_emails); i++)
      {
        g_autoptr(GError) rule_error = NULL;
        GtkWidget *row = get_child (editor, VP_TYPE_HOST_EDITOR, "contact_email_row");
        const char *tooltip;

        set_text (editor, VP_TYPE_HOST_EDITOR, "contact_email_row", refused_emails[i]);
        g_assert_false (gtk_widget_is_sensitive (get_child (editor, VP_TYPE_HOST_EDITOR, "add_button")));
        g_assert_true (gtk_widget_has_css_class (row, "error"));
        g_assert_false (vp_value_check_email (refused_emails[i], &rule_error));
        tooltip = gtk_widget_get_tooltip_text (row);
        g_assert_cmpstr (tooltip, ==, rule_error->message);
      }
  }
  set_text (editor, VP_TYPE_HOST_EDITOR, "contact_email_row", "sales@bpo.example");
  set_text (editor, VP_TYPE_HOST_EDITOR, "longitude_row", "25");
  set_text (editor, VP_TYPE_HOST_EDITOR, "latitude_row", "1e1");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_HOST_EDITOR, "latitude_row"), "error"));
  set_text (editor, VP_TYPE_HOST_EDITOR, "latitude_row", "0x10");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_HOST_EDITOR, "latitude_row"), "error"));
  set_text (editor, VP_TYPE_HOST_EDITOR, "latitude_row", "");
  set_text (editor, VP_TYPE_HOST_EDITOR, "longitude_row", "");
  /* Both or neither. */
  set_text (editor, VP_TYPE_HOST_EDITOR, "latitude_row", "54,6872");
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, VP_TYPE_HOST_EDITOR, "add_button")));
  set_text (editor, VP_TYPE_HOST_EDITOR, "longitude_row", "200");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_HOST_EDITOR, "longitude_row"), "error"));
  set_text (editor, VP_TYPE_HOST_EDITOR, "longitude_row", "25.2797");
  gtk_spin_button_set_value (get_child (editor, VP_TYPE_HOST_EDITOR, "max_group_spin"), 12);
  adw_combo_row_set_selected (get_child (editor, VP_TYPE_HOST_EDITOR, "kind_row"), 1);
  /* "Not set", then en, de, fr, fi, lt, sv */
  g_assert_cmpuint (adw_combo_row_get_selected (get_child (editor, VP_TYPE_HOST_EDITOR,
                                                           "language_row")), ==, 0);
  adw_combo_row_set_selected (get_child (editor, VP_TYPE_HOST_EDITOR, "language_row"), 3);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  click (editor, VP_TYPE_HOST_EDITOR, "add_button");

  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 3);
  host = NULL;
  for (guint i = 0; i < vp_snapshot_get_hosts (snapshot)->len; i++)
    if (g_strcmp0 (vp_host_get_name (g_ptr_array_index (vp_snapshot_get_hosts (snapshot), i)),
                   "Baltic Precision Optics") == 0)
      host = g_ptr_array_index (vp_snapshot_get_hosts (snapshot), i);
  g_assert_nonnull (host);
  g_assert_cmpstr (vp_host_get_city (host), ==, "Vilnius");
  g_assert_cmpstr (vp_host_get_contact_email (host), ==, "sales@bpo.example");
  g_assert_cmpfloat_with_epsilon (vp_host_get_latitude (host), 54.6872, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp_host_get_longitude (host), 25.2797, 1e-9);
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 12);
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_COMPANY);
  g_assert_cmpstr (vp_host_get_language (host), ==, "fr");

  /* Added: the dialog closes, as New Session's does, and the new row is
   * the one selected. */
  vp_test_run_main_loop (20);
  g_assert_null (editor);
  g_assert_cmpuint (selected_count (model), ==, 1);
  g_assert_cmpint (vp_host_get_id (VP_HOST (selected_item (model))), ==, vp_host_get_id (host));

  /* Opened again, it saves every change itself. */
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), vp_host_get_ref (host)));
  editor = find_toplevel (VP_TYPE_HOST_EDITOR);
  g_assert_cmpint (vp_host_get_id (vp_host_editor_get_host (editor)), ==, vp_host_get_id (host));
  set_text (editor, VP_TYPE_HOST_EDITOR, "city_row", "Kaunas");
  adw_combo_row_set_selected (get_child (editor, VP_TYPE_HOST_EDITOR, "language_row"), 0);
  g_assert_true (vp_host_editor_flush (editor));
  ref = g_strdup (vp_host_get_ref (host));
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_host_get_city (vp_snapshot_lookup_host (snapshot, ref)), ==, "Kaunas");
  g_assert_null (vp_host_get_language (vp_snapshot_lookup_host (snapshot, ref)));

  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_participants_add (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  VpParticipantEditor *editor;
  VpTravelLegPage *leg_page;
  VpStayPage *stay_page;
  GtkWidget *add_leg = NULL;
  GtkWidget *add_stay = NULL;
  VpParticipant *participant;
  VpTravelLeg *leg;
  VpStay *stay;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));

  g_assert_true (gtk_widget_activate_action (page, "participants.add", NULL));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row", "Väinö Häkkinen");
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row", "AINO@example.fi");
  /* Taken by someone else, whatever the case. */
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row"), "error"));
  /* what the rules of values refuse, with their message */
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row", "vaino@example..fi");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row"), "error"));
  {
    const char *tooltip =
      gtk_widget_get_tooltip_text (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row"));

    g_assert_nonnull (tooltip);
    g_autofree char *expected =
      g_strdup_printf (_("“%s” is not an email address: its domain “%s” has an empty part "
                         "(a dot at its start or end, or two dots)"),
                       "vaino@example..fi", "example..fi");

    g_assert_cmpstr (tooltip, ==, expected);
  }
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "email_row", "vaino@example.fi");
  /* a new participant has given nothing yet: their needs wait for consent */
  g_assert_false (gtk_widget_get_sensitive (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR,
                                                       "dietary_row")));
  gtk_switch_set_active (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "consent_dietary_switch"),
                         TRUE);
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "dietary_row", "No pork");

  /* A flight, through the leg page's own fields, inside the dialog. */
  g_object_get (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "travel_group"), "header-suffix", &add_leg, NULL);
  g_signal_emit_by_name (add_leg, "clicked");
  g_object_unref (add_leg);
  leg_page = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "leg_page");
  g_assert_true (shown_page (editor) == GTK_WIDGET (leg_page));
  adw_combo_row_set_selected (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "kind_row"), 1);
  set_text (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "reference_row", "AY1071");
  set_text (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "from_row", "Helsinki");
  set_text (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "to_row", "Vilnius");
  set_date (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_date_row", "2027-04-12");
  set_time (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_time_row", 19, 55);
  choose (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_zone_row"), "Europe/Helsinki");
  set_date (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_date_row", "2027-04-12");
  /* Before it leaves, in UTC terms: refused, beside the arrival's time. */
  set_time (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row", 19, 50);
  g_assert_false (gtk_widget_is_sensitive (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "done_button")));
  g_assert_true (gtk_widget_has_css_class (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row"),
                                           "error"));
  {
    GtkWidget *row = get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row");
    GtkLabel *label = vp_people_get_error_label (row);
    g_autofree char *said = NULL;
    g_autofree char *tooltip = NULL;

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
    said = g_utf8_casefold (gtk_label_get_label (label), -1);
    tooltip = g_utf8_casefold (gtk_widget_get_tooltip_text (row), -1);
    /* the same words, as a sentence */
    g_assert_cmpstr (said, ==, tooltip);
    g_assert_true (g_unichar_isupper (g_utf8_get_char (gtk_label_get_label (label))));
  }
  set_time (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row", 21, 10);
  g_assert_null (vp_people_get_error_label (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE,
                                                       "arrive_time_row")));
  choose (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_zone_row"), "Europe/Vilnius");
  click (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "done_button");
  g_assert_false (shown_page (editor) == GTK_WIDGET (leg_page));

  /* A time the clocks skip is refused where it is chosen. */
  g_object_get (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "travel_group"), "header-suffix", &add_leg, NULL);
  g_signal_emit_by_name (add_leg, "clicked");
  g_object_unref (add_leg);
  g_assert_true (shown_page (editor) == GTK_WIDGET (leg_page));
  set_date (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_date_row", "2027-03-28");
  set_time (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_time_row", 3, 30);
  set_date (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_date_row", "2027-03-28");
  set_time (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row", 9, 0);
  g_assert_true (gtk_widget_has_css_class (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "depart_time_row"),
                                           "error"));
  g_assert_nonnull (vp_people_get_error_label (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE,
                                                          "depart_time_row")));
  g_assert_false (gtk_widget_is_sensitive (get_child (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "done_button")));
  /* Back: nothing added */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (leg_page), "page.back", NULL));
  g_assert_false (shown_page (editor) == GTK_WIDGET (leg_page));
  vp_test_run_main_loop (10);

  g_object_get (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "accommodation_group"), "header-suffix", &add_stay, NULL);
  g_signal_emit_by_name (add_stay, "clicked");
  g_object_unref (add_stay);
  stay_page = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "stay_page");
  g_assert_true (shown_page (editor) == GTK_WIDGET (stay_page));
  set_text (stay_page, VP_TYPE_STAY_PAGE, "name_row", "Hotel Neris");
  set_date (stay_page, VP_TYPE_STAY_PAGE, "check_in_row", "2027-04-12");
  set_date (stay_page, VP_TYPE_STAY_PAGE, "check_out_row", "2027-04-12");
  g_assert_false (gtk_widget_is_sensitive (get_child (stay_page, VP_TYPE_STAY_PAGE, "done_button")));
  g_assert_nonnull (vp_people_get_error_label (get_child (stay_page, VP_TYPE_STAY_PAGE,
                                                          "check_out_row")));
  set_date (stay_page, VP_TYPE_STAY_PAGE, "check_out_row", "2027-04-16");
  click (stay_page, VP_TYPE_STAY_PAGE, "done_button");
  g_assert_false (shown_page (editor) == GTK_WIDGET (stay_page));

  /* Nothing stored yet: a new participant waits for Add. */
  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 3);
  g_clear_object (&snapshot);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  click (editor, VP_TYPE_PARTICIPANT_EDITOR, "add_button");
  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 4);
  participant = vp_snapshot_lookup_participant_by_email (snapshot, "vaino@example.fi");
  g_assert_nonnull (participant);
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Väinö Häkkinen");
  g_assert_cmpstr (vp_participant_get_dietary (participant), ==, "No pork");
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 1);
  leg = g_ptr_array_index (vp_participant_get_travel (participant), 0);
  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_FLIGHT);
  g_assert_cmpstr (leg->reference, ==, "AY1071");
  g_assert_cmpstr (leg->depart, ==, "2027-04-12T19:55");
  g_assert_cmpstr (leg->depart_timezone, ==, "Europe/Helsinki");
  /* 19:55 EEST is 16:55 UTC; 21:10 EEST is 18:10 UTC. */
  g_assert_cmpint (leg->depart_utc, ==, 1807548900);
  g_assert_cmpint (leg->arrive_utc, ==, 1807553400);
  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 1);
  stay = g_ptr_array_index (vp_participant_get_accommodation (participant), 0);
  g_assert_cmpstr (stay->name, ==, "Hotel Neris");
  g_assert_cmpstr (stay->check_in, ==, "2027-04-12");
  g_assert_cmpstr (stay->check_out, ==, "2027-04-16");

  /* Added: the dialog closes, and the new row is the one selected. */
  vp_test_run_main_loop (20);
  g_assert_null (editor);
  g_assert_cmpuint (selected_count (get_model (page)), ==, 1);
  g_assert_cmpstr (vp_participant_get_ref (VP_PARTICIPANT (selected_item (get_model (page)))),
                   ==, vp_participant_get_ref (participant));

  /* Opened again, each change is saved as typed. */
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page),
                                                        vp_participant_get_ref (participant)));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  name_new_organisation (editor, "Tampere Photonics");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  participant = vp_snapshot_lookup_participant_by_email (snapshot, "vaino@example.fi");
  g_assert_cmpstr (vp_participant_get_organisation (participant), ==, "Tampere Photonics");
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (get_model (page)), ==, 4);
}

static void
test_participants_search_and_sort (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *page;
  GtkSearchEntry *entry;
  GtkColumnView *column_view;
  GListModel *model;
  GtkStack *stack;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) organisation = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);
  entry = get_child (page, VP_TYPE_TABLE_PAGE, "search_entry");
  stack = get_child (page, VP_TYPE_TABLE_PAGE, "stack");
  column_view = get_child (page, VP_TYPE_TABLE_PAGE, "column_view");

  /* Without the accents, in any case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ZUKAUSK");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (vp_participant_get_ref (item_participant (model, 0)), ==, "jurate");

  /* By organisation, country name, and word by word. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "optics");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    /* the country as the window names it */
    g_autofree char *country = g_utf8_strdown (_("Finland"), -1);
    g_autofree char *words = g_strconcat (country, " mikko", NULL);

    gtk_editable_set_text (GTK_EDITABLE (entry), words);
    vp_test_run_main_loop (20);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  }

  /* Nothing found: "no results" (the table's rows wait behind it) */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  vp_test_run_main_loop (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Organisation, descending: Photonics, Baltic, Aalto. */
  columns = gtk_column_view_get_columns (column_view);
  organisation = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (organisation), ==, _("Organisation"));
  gtk_column_view_sort_by_column (column_view, organisation, GTK_SORT_DESCENDING);
  vp_test_run_main_loop (20);
  g_assert_cmpstr (vp_participant_get_ref (item_participant (model, 0)), ==, "aino");
  g_assert_cmpstr (vp_participant_get_ref (item_participant (model, 1)), ==, "jurate");
  g_assert_cmpstr (vp_participant_get_ref (item_participant (model, 2)), ==, "mikko");
  gtk_column_view_sort_by_column (column_view, organisation, GTK_SORT_ASCENDING);
  vp_test_run_main_loop (20);
  g_assert_cmpstr (vp_participant_get_ref (item_participant (model, 0)), ==, "mikko");
}

static void
test_participants_delete_undo (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  GListModel *model;
  GtkWidget *undo;
  VpSession *session;
  GPtrArray *attendees;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);

  /* Nothing selected: nothing to delete. */
  g_assert_false (gtk_widget_get_sensitive (get_child (page, VP_TYPE_TABLE_PAGE, "delete_button")));

  /* Aino and Jūratė, both at the lab tour. */
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), 0, 2, TRUE);
  g_assert_true (gtk_widget_get_sensitive (get_child (page, VP_TYPE_TABLE_PAGE, "delete_button")));
  g_assert_true (gtk_widget_activate_action (page, "participants.delete", NULL));
  /* they attend a session: the question names it */
  {
    AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_autofree char *heading =
      g_strdup_printf (ngettext ("Delete %u Participant?", "Delete %u Participants?", 2), 2);
    g_autofree char *body =
      g_strdup_printf (ngettext ("Attending %u session: %s. The deletion takes them off it.",
                                 "Attending %u sessions: %s. The deletion takes them off them.",
                                 1), 1, "Lab tour");

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  }
  click_response (_("_Delete"));

  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 1);
  g_assert_cmpstr (vp_participant_get_ref (g_ptr_array_index (vp_snapshot_get_participants (snapshot), 0)),
                   ==, "mikko");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_clear_object (&snapshot);

  /* Undo, through the toast's own button. */
  undo = vp_test_wait_for_button (GTK_WIDGET (fixture->window), _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  vp_test_run_main_loop (50);

  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 3);
  g_assert_nonnull (vp_snapshot_lookup_participant (snapshot, "aino"));
  g_assert_cmpstr (vp_participant_get_dietary (vp_snapshot_lookup_participant (snapshot, "jurate")),
                   ==, "Vegetarian");
  session = vp_snapshot_lookup_session (snapshot, "s2");
  g_assert_nonnull (session);
  attendees = vp_session_get_attendees (session);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (attendees, "aino", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (attendees, "jurate", g_str_equal, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_hosts_delete_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  GListModel *model;
  GtkWidget *undo;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_hosts_page_new (fixture->context));
  model = get_model (page);

  /* Femtolux first by name; it has both sessions. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (page, "hosts.delete", NULL));
  /* used by sessions: the question names them */
  {
    AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), "Femtolux Lasers");
    /* the sessions' titles as the window lists them */
    g_autofree char *sessions = g_strconcat ("Welcome", _(", "), "Lab tour", NULL);
    g_autofree char *body =
      g_strdup_printf (ngettext ("Used by %u session: %s. It will have no host.",
                                 "Used by %u sessions: %s. They will have no host.", 2),
                       2, sessions);

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  }
  click_response (_("_Delete"));
  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 1);
  g_assert_null (vp_session_get_host_ref (vp_snapshot_lookup_session (snapshot, "s1")));
  g_clear_object (&snapshot);

  undo = vp_test_wait_for_button (GTK_WIDGET (fixture->window), _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 2);
  g_assert_cmpstr (vp_session_get_host_ref (vp_snapshot_lookup_session (snapshot, "s1")), ==, "femtolux");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

/* The counts the table shows, right-aligned (the largest group, the
 * sessions), sorted: "0 15 2". */
static void
collect_counts (GtkWidget *root,
                GPtrArray *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_INSCRIPTION (child) && gtk_widget_get_mapped (child) &&
          gtk_inscription_get_xalign (GTK_INSCRIPTION (child)) == 1.0 &&
          gtk_inscription_get_text (GTK_INSCRIPTION (child)) != NULL)
        g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (child)));
      collect_counts (child, texts);
    }
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
shown_counts (GtkWidget *page)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_counts (get_child (page, VP_TYPE_TABLE_PAGE, "column_view"), texts);
  g_ptr_array_sort (texts, compare_texts);
  g_ptr_array_add (texts, NULL);
  return g_strjoinv (" ", (char **) texts->pdata);
}

/* Save @session_ref with the host @host_ref and the title @title. */
static void
save_session (Fixture    *fixture,
              const char *session_ref,
              const char *host_ref,
              const char *title)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);
  g_autoptr(VpSession) copy = vp_session_copy (vp_snapshot_lookup_session (snapshot, session_ref));
  g_autoptr(GError) error = NULL;

  vp_session_set_host_ref (copy, host_ref);
  vp_session_set_title (copy, title);
  g_assert_true (vp_store_save_session (fixture->store, fixture->programme_id, copy, NULL, &error));
  g_assert_no_error (error);
  vp_test_run_main_loop (50);
}

/* Each host's count of sessions follows the sessions saved: one moved to
 * another host, and not one whose title alone changed. */
static void
test_hosts_session_counts (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page;
  char *counts;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_hosts_page_new (fixture->context));
  vp_test_run_main_loop (50);
  /* Femtolux: a group of at most 15, both sessions; the university none */
  counts = shown_counts (page);
  g_assert_cmpstr (counts, ==, "0 15 2");
  g_free (counts);

  save_session (fixture, "s1", "university", "Welcome");
  counts = shown_counts (page);
  g_assert_cmpstr (counts, ==, "1 1 15");
  g_free (counts);

  save_session (fixture, "s1", "university", "Welcome to Saulėtekis");
  counts = shown_counts (page);
  g_assert_cmpstr (counts, ==, "1 1 15");
  g_free (counts);

  save_session (fixture, "s2", "university", "Lab tour");
  counts = shown_counts (page);
  g_assert_cmpstr (counts, ==, "0 15 2");
  g_free (counts);
}

static void
test_show_participant (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *page;
  VpParticipantEditor *editor;
  GtkSelectionModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = GTK_SELECTION_MODEL (get_model (page));

  g_assert_false (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page), "nobody@example.fi"));
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page), "MIKKO@example.fi"));
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row")),
                   ==, "Mikko Virtanen");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (20);
}

static gboolean
row_shows (GListModel *model,
           guint       position,
           const char *ref)
{
  return g_strcmp0 (vp_participant_get_ref (item_participant (model, position)), ref) == 0;
}

/* A search rebinds the table's rows rather than replacing them, and the
 * selection stays with the participant, not with the row. */
static void
test_participants_rows_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *page;
  GtkSearchEntry *entry;
  GListModel *model;
  g_autoptr(GObject) first_row = NULL;
  g_autoptr(GObject) row = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);
  entry = get_child (page, VP_TYPE_TABLE_PAGE, "search_entry");
  first_row = g_list_model_get_item (model, 0);
  g_assert_true (VP_IS_TABLE_ROW (first_row));
  g_assert_true (row_shows (model, 0, "aino"));

  /* Mikko, third by name, selected. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 2, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (entry), "virtanen");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row = g_list_model_get_item (model, 0);
  g_assert_true (row == first_row);
  g_assert_true (row_shows (model, 0, "mikko"));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (row_shows (model, 0, "aino"));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));
  g_assert_true (row_shows (model, 2, "mikko"));
}

/* A search that finds nobody keeps the table's rows, and what was selected,
 * behind "no results": cleared, the table is back as it was, without a row
 * made again, and nothing hidden can be deleted meanwhile. */
static void
test_participants_search_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *page;
  GtkSearchEntry *entry;
  GtkStack *stack;
  GListModel *model;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpSnapshot) snapshot = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);
  entry = get_child (page, VP_TYPE_TABLE_PAGE, "search_entry");
  stack = get_child (page, VP_TYPE_TABLE_PAGE, "stack");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (rows, g_list_model_get_item (model, i));
  g_assert_cmpuint (rows->len, ==, 3);

  /* Jūratė, second by name, selected. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  g_assert_true (row_shows (model, 1, "jurate"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  vp_test_run_main_loop (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  /* nothing shown, nothing to delete */
  gtk_widget_activate_action (page, "participants.delete", NULL);
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  vp_test_run_main_loop (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      g_assert_true (row == g_ptr_array_index (rows, i));
    }
  g_assert_true (row_shows (model, 0, "aino"));
  g_assert_true (row_shows (model, 1, "jurate"));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 1));

  /* From nothing found to Jūratė alone: still selected */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  vp_test_run_main_loop (20);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zukausk");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (row_shows (model, 0, "jurate"));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
}

/* Another window's change reloads the table, keeping what was selected. */
static void
test_participants_reload_keeps_selection (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpParticipant) changed = NULL;
  GtkWidget *page;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  g_assert_true (row_shows (model, 1, "jurate"));

  snapshot = load (fixture);
  changed = vp_participant_copy (vp_snapshot_lookup_participant (snapshot, "mikko"));
  vp_participant_set_name (changed, "Aapo Virtanen");
  g_assert_true (vp_store_save_participant (fixture->store, fixture->programme_id, changed, NULL, &error));
  g_assert_no_error (error);
  vp_test_run_main_loop (50);

  /* Aapo now sorts first; Jūratė is still the one selected. */
  g_assert_cmpstr (vp_participant_get_name (item_participant (model, 0)), ==, "Aapo Virtanen");
  g_assert_true (row_shows (model, 2, "jurate"));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 2));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 1));
}

/* The command line adds one participant and changes another while the
 * page shows them: once the store has polled, the table holds the new
 * one and the change, in the objects it already held (nothing is read
 * again), and the selection and scroll position stay. */
static void
test_participants_live_command_line (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("VISIT_PLANNER_CLI");
  GListModel *live;
  GtkWidget *page;
  GListModel *model;
  int status = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (cli == NULL)
    {
      g_test_skip ("VISIT_PLANNER_CLI is not set");
      return;
    }

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  model = get_model (page);
  live = vp_store_get_participants (fixture->store, fixture->programme_id);
  for (guint i = 0; i < g_list_model_get_n_items (live); i++)
    g_ptr_array_add (before, g_list_model_get_item (live, i));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  g_assert_true (row_shows (model, 1, "jurate"));

  csv = g_build_filename (fixture->dir, "people.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "name,email,organisation,country\n"
                                      "Mikko Virtanen,mikko@example.fi,Tampere Lasers,FI\n"
                                      "Zofia Nowak,zofia@example.pl,Warsaw Photonics,PL\n",
                                      -1, &error));
  g_assert_no_error (error);
  programme = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->programme_id);
  {
    const char *argv[] = { cli, "--database", vp_store_get_path (fixture->store),
                           "import-csv", programme, "participants", csv, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* as the window's timer does */
  vp_store_poll_external_changes (fixture->store);
  vp_test_run_main_loop (20);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 4);
  /* the same objects, one more */
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (live, i);

      g_assert_true (item == g_ptr_array_index (before, i));
    }
  g_assert_cmpstr (vp_participant_get_organisation (g_ptr_array_index (before, 2)), ==,
                   "Tampere Lasers");
  /* sorted by name: Aino, Jūratė (still selected), Mikko, Zofia */
  g_assert_true (row_shows (model, 1, "jurate"));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 1));
  g_assert_cmpstr (vp_participant_get_name (item_participant (model, 3)), ==, "Zofia Nowak");
}

/* The hosts page shares the search: accents, case, word by word. */
static void
test_hosts_search (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page;
  GtkSearchEntry *entry;
  GtkStack *stack;
  GListModel *model;
  g_autoptr(VpTableRow) row = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_hosts_page_new (fixture->context));
  model = get_model (page);
  entry = get_child (page, VP_TYPE_TABLE_PAGE, "search_entry");
  stack = get_child (page, VP_TYPE_TABLE_PAGE, "stack");

  gtk_editable_set_text (GTK_EDITABLE (entry), "SAULETEKIS");
  vp_test_run_main_loop (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  row = g_list_model_get_item (model, 0);
  g_assert_cmpstr (vp_host_get_ref (VP_HOST (vp_table_row_get_item (row))), ==, "university");

  /* By kind (as the window names it) and city, both words. */
  {
    g_autofree char *kind = g_utf8_strdown (C_("host kind", "Company"), -1);
    g_autofree char *words = g_strconcat ("vilnius ", kind, NULL);

    gtk_editable_set_text (GTK_EDITABLE (entry), words);
    vp_test_run_main_loop (20);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "kaunas");
  vp_test_run_main_loop (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), "femtolux"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  gtk_window_close (GTK_WINDOW (find_toplevel (VP_TYPE_HOST_EDITOR)));
  vp_test_run_main_loop (20);
}

static gboolean
column_visible (GtkColumnView *column_view,
                guint          position)
{
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (column_view), position);

  return gtk_column_view_column_get_visible (column);
}

/* A narrow window keeps the name and the needs; a wide one shows all. */
static void
test_participants_narrow (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page;
  GtkColumnView *column_view;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  column_view = get_child (page, VP_TYPE_TABLE_PAGE, "column_view");

  gtk_window_set_default_size (fixture->window, 1400, 700);
  vp_test_run_main_loop (100);
  for (guint i = 0; i < 7; i++)
    g_assert_true (column_visible (column_view, i));

  gtk_window_set_default_size (fixture->window, 600, 700);
  vp_test_run_main_loop (100);
  g_assert_true (column_visible (column_view, 0));
  for (guint i = 1; i < 6; i++)
    g_assert_false (column_visible (column_view, i));
  g_assert_true (column_visible (column_view, 6));
}

/* A stored participant is saved once typing pauses, without a flush. */
static void
test_participant_editor_saves_after_pause (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  VpParticipantEditor *editor;
  guint n_organisations;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  snapshot = load (fixture);
  n_organisations = vp_snapshot_get_organisations (snapshot)->len;
  g_clear_object (&snapshot);
  page = show_page (fixture, vp_participants_page_new (fixture->context));
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page), "aino"));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);

  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "dietary_row", "Vege");
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "dietary_row", "Vegetarian, no nuts");
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_dietary (vp_snapshot_lookup_participant (snapshot, "aino")),
                   !=, "Vegetarian, no nuts");
  g_clear_object (&snapshot);

  vp_test_run_main_loop (600);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_dietary (vp_snapshot_lookup_participant (snapshot, "aino")),
                   ==, "Vegetarian, no nuts");
  g_assert_cmpstr (vp_participant_get_dietary (item_participant (get_model (page), 0)),
                   ==, "Vegetarian, no nuts");

  /* A new organisation's name, typed with pauses, makes no organisation
   * until it is applied. */
  name_new_organisation (editor, "Photonics");
  vp_test_run_main_loop (600);
  name_new_organisation (editor, "Photonics Fin");
  vp_test_run_main_loop (600);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_organisation (vp_snapshot_lookup_participant (snapshot, "aino")),
                   ==, "Photonics Finland");
  g_assert_cmpuint (vp_snapshot_get_organisations (snapshot)->len, ==, n_organisations);

  /* An invalid field is marked and not saved. */
  set_text (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row", "");
  g_assert_true (gtk_widget_has_css_class (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row"), "error"));
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_name (vp_snapshot_lookup_participant (snapshot, "aino")),
                   ==, "Aino Mäkelä");
}

/* Aino flies there and back and has a hotel; each has its uid. */
static const char travel_programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"5e1c5a4e-0d55-4b8e-9d4a-2f7d9b1c0002\", \"title\": \"Travel\",\n"
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.fi\",\n"
  "      \"travel\": [\n"
  "        { \"uid\": \"leg-there\", \"kind\": \"flight\", \"reference\": \"AY1071\",\n"
  "          \"from\": \"Helsinki\", \"to\": \"Vilnius\", \"depart\": \"2027-04-12T19:55\",\n"
  "          \"depart_timezone\": \"Europe/Helsinki\", \"arrive\": \"2027-04-12T21:10\" },\n"
  "        { \"uid\": \"leg-back\", \"kind\": \"flight\", \"reference\": \"AY1076\",\n"
  "          \"from\": \"Vilnius\", \"to\": \"Helsinki\", \"depart\": \"2027-04-16T17:50\",\n"
  "          \"arrive\": \"2027-04-16T19:05\", \"arrive_timezone\": \"Europe/Helsinki\" } ],\n"
  "      \"accommodation\": [\n"
  "        { \"uid\": \"stay-neris\", \"name\": \"Hotel Neris\", \"check_in\": \"2027-04-12\",\n"
  "          \"check_out\": \"2027-04-16\" } ] }\n"
  "  ]\n"
  "}\n";

/* The row of @group (an editor's travel or hotel group) whose title is
 * @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A leg or stay changed on its page is the same one, changed: it keeps
 * its uid, so the participant's calendar updates it instead of cancelling
 * it and adding another, and its revision (SEQUENCE) rises. */
static void
test_participant_editor_keeps_travel_identity (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  VpParticipantEditor *editor;
  VpTravelLegPage *leg_page;
  VpStayPage *stay_page;
  VpParticipant *aino;
  GtkWidget *row;
  VpTravelLeg *there;
  VpTravelLeg *back;
  VpStay *stay;
  /* the leg's title as the editor writes it: its kind, number and way */
  g_autofree char *way = g_strdup_printf (_(" · %s → %s"), "Helsinki", "Vilnius");
  g_autofree char *leg_title = g_strconcat (C_("travel kind", "Flight"), " AY1071", way, NULL);

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, vp_participants_page_new (fixture->context));
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page), "aino"));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);

  row = find_row (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "travel_group"), leg_title);
  g_assert_nonnull (row);
  /* when it leaves and arrives, each in its own local time, in the
   * window's language */
  {
    g_autoptr(GDateTime) depart = g_date_time_new_utc (2027, 4, 12, 19, 55, 0);
    g_autoptr(GDateTime) arrive = g_date_time_new_utc (2027, 4, 12, 21, 10, 0);
    g_autofree char *depart_text = vp_format_date_time (depart, C_("day and time",
                                                                   "%-d %b %H:%M"));
    g_autofree char *arrive_text = vp_format_date_time (arrive, C_("day and time",
                                                                   "%-d %b %H:%M"));
    g_autofree char *when = g_strdup_printf (_("%s → %s"), depart_text, arrive_text);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, when);
  }
  g_signal_emit_by_name (row, "activated");
  leg_page = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "leg_page");
  g_assert_true (shown_page (editor) == GTK_WIDGET (leg_page));
  set_text (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "reference_row", "AY1073");
  click (leg_page, VP_TYPE_TRAVEL_LEG_PAGE, "done_button");
  vp_test_run_main_loop (10);

  row = find_row (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "accommodation_group"), "Hotel Neris");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  stay_page = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "stay_page");
  g_assert_true (shown_page (editor) == GTK_WIDGET (stay_page));
  set_text (stay_page, VP_TYPE_STAY_PAGE, "name_row", "Hotel Neris Riverside");
  click (stay_page, VP_TYPE_STAY_PAGE, "done_button");
  vp_test_run_main_loop (10);

  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);

  snapshot = load (fixture);
  aino = vp_snapshot_lookup_participant (snapshot, "aino");
  g_assert_cmpuint (vp_participant_get_travel (aino)->len, ==, 2);
  there = g_ptr_array_index (vp_participant_get_travel (aino), 0);
  back = g_ptr_array_index (vp_participant_get_travel (aino), 1);
  g_assert_cmpstr (there->reference, ==, "AY1073");
  g_assert_cmpstr (there->uid, ==, "leg-there");
  g_assert_cmpint (there->revision, ==, 1);
  g_assert_cmpstr (back->uid, ==, "leg-back");
  g_assert_cmpint (back->revision, ==, 0);
  g_assert_cmpuint (vp_participant_get_accommodation (aino)->len, ==, 1);
  stay = g_ptr_array_index (vp_participant_get_accommodation (aino), 0);
  g_assert_cmpstr (stay->name, ==, "Hotel Neris Riverside");
  g_assert_cmpstr (stay->uid, ==, "stay-neris");
  g_assert_cmpint (stay->revision, ==, 1);
  /* nothing left her calendar */
  g_assert_cmpuint (vp_snapshot_get_withdrawals (snapshot)->len, ==, 0);
}

static char *
large_programme (guint n_participants)
{
  GString *json = g_string_new (NULL);

  g_string_append (json,
                   "{ \"format\": \"visit-planner-programme\", \"version\": 1,\n"
                   "  \"programme\": { \"title\": \"Large\", \"host_country\": \"LT\",\n"
                   "    \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-13\",\n"
                   "    \"end_date\": \"2027-04-16\" },\n"
                   "  \"hosts\": [], \"sessions\": [],\n  \"participants\": [");
  for (guint i = 0; i < n_participants; i++)
    g_string_append_printf (json,
                            "%s\n    { \"id\": \"p%u\", \"name\": \"Jūratė Žukauskienė %u\","
                            " \"email\": \"person%u@example.lt\", \"organisation\": \"Company %u\","
                            " \"country\": \"%s\", \"travel\": [ { \"kind\": \"flight\","
                            " \"depart\": \"2027-04-12T%02u:00\", \"arrive\": \"2027-04-12T%02u:30\" } ] }",
                            i > 0 ? "," : "", i, i, i, i % 97, i % 2 ? "LT" : "FI", i % 20, i % 20);
  g_string_append (json, "\n  ]\n}\n");

  return g_string_free (json, FALSE);
}

static void
test_participants_large (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page;
  GtkSearchEntry *entry;
  GListModel *model;
  g_autoptr(GString) text = NULL;
  gint64 start, elapsed, slowest = 0, total = 0;
  guint expected;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  start = g_get_monotonic_time ();
  page = show_page (fixture, vp_participants_page_new (fixture->context));
  g_test_message ("2000 participants: page shown in %.1f ms (including 200 ms of main loop)",
                  (g_get_monotonic_time () - start) / 1000.0);
  model = get_model (page);
  entry = get_child (page, VP_TYPE_TABLE_PAGE, "search_entry");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2000);

  /* From the text set to the model settled: what typing a key costs,
   * key by key as a coordinator types a company and a number. */
  text = g_string_new (NULL);
  for (const char *key = "company 13"; *key != '\0'; key++)
    {
      int position = text->len;

      g_string_append_c (text, *key);
      start = g_get_monotonic_time ();
      /* As a key press does it: setting the whole text would first empty
       * the entry, and show every row again on the way. */
      gtk_editable_insert_text (GTK_EDITABLE (entry), key, 1, &position);
      /* The filter runs in search-changed: run the loop until it has. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      elapsed = g_get_monotonic_time () - start;
      slowest = MAX (slowest, elapsed);
      total += elapsed;
      g_test_message ("search “%s”: %u shown after %.1f ms", text->str,
                      g_list_model_get_n_items (model), elapsed / 1000.0);
    }
  g_print ("# 2000 participants: search filter settled in %.1f ms per key on average, "
           "%.1f ms at most\n", total / 1000.0 / text->len, slowest / 1000.0);
  /* (timed in tests/bench/bench-window.c, not here: a loaded machine is slow) */

  /* Every word somewhere: "13" in the number of the name or the company. */
  expected = 0;
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *numbers = g_strdup_printf ("%u %u", i, i % 97);

      if (strstr (numbers, "13") != NULL)
        expected++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "company 13");

  start = g_get_monotonic_time ();
  gtk_editable_delete_text (GTK_EDITABLE (entry), 0, -1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2000);
  elapsed = g_get_monotonic_time () - start;
  g_print ("# 2000 participants: search cleared in %.1f ms\n", elapsed / 1000.0);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  g_autofree char *key_a = vp_people_collate_key (*(const char * const *) a);
  g_autofree char *key_b = vp_people_collate_key (*(const char * const *) b);

  return strcmp (key_a, key_b);
}

/* Names sort as people expect: a letter with an accent beside the letter,
 * whatever the case, even where the locale orders only code points (the
 * tests run in C.UTF-8); a name never sorts before an empty one's end. */
static void
test_collation (void)
{
  const char *names[] = { "Yann", "Zoë", "eva", "", "Élodie", "Emil", "Åsa", "Ωmega" };
  const char *expected[] = { "Åsa", "Élodie", "Emil", "eva", "Yann", "Zoë", "Ωmega", "" };

  qsort (names, G_N_ELEMENTS (names), sizeof names[0], compare_keys);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (names[i], ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *large = NULL;

  vp_test_init (&argc, &argv);

  large = large_programme (2000);

#define ADD_TEST(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/people/collation", test_collation);
  ADD_TEST ("/people/participants/shown", NULL, test_participants_shown);
  ADD_TEST ("/people/participants/add", NULL, test_participants_add);
  ADD_TEST ("/people/participants/search-and-sort", NULL, test_participants_search_and_sort);
  ADD_TEST ("/people/participants/delete-undo", NULL, test_participants_delete_undo);
  ADD_TEST ("/people/participants/show", NULL, test_show_participant);
  ADD_TEST ("/people/participants/live-command-line", NULL,
            test_participants_live_command_line);
  ADD_TEST ("/people/participants/large", large, test_participants_large);
  ADD_TEST ("/people/participants/rows-kept", NULL, test_participants_rows_kept);
  ADD_TEST ("/people/participants/search-nothing", NULL, test_participants_search_nothing);
  ADD_TEST ("/people/participants/reload-keeps-selection", NULL, test_participants_reload_keeps_selection);
  ADD_TEST ("/people/participants/narrow", NULL, test_participants_narrow);
  ADD_TEST ("/people/participants/editor-saves-after-pause", NULL, test_participant_editor_saves_after_pause);
  ADD_TEST ("/people/participants/editor-keeps-travel-identity", travel_programme,
            test_participant_editor_keeps_travel_identity);
  ADD_TEST ("/people/hosts/search", NULL, test_hosts_search);
  ADD_TEST ("/people/hosts/add", NULL, test_hosts_add);
  ADD_TEST ("/people/hosts/delete-undo", NULL, test_hosts_delete_undo);
  ADD_TEST ("/people/hosts/session-counts", NULL, test_hosts_session_counts);

#undef ADD_TEST

  return g_test_run ();
}

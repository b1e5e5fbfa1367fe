/* test-pickers.c: the choosers of countries, zones, days and times, and the pages of journeys and stays. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-chooser-row.h"
#include "vp-country-row.h"
#include "vp-date-row.h"
#include "vp-format.h"
#include "vp-host-editor.h"
#include "vp-overview-page.h"
#include "vp-participant-editor.h"
#include "vp-people-fields.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-time-row.h"
#include "vp-travel-leg-page.h"
#include "vp-zone-row.h"

typedef struct
{
  char    *dir;
  VpStore *store;
  gint64   programme_id;
} Fixture;

/* Hosts in Lithuania; two of the three visitors come from Finland. */
static const char programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"5e1c5a4e-0d55-4b8e-9d4a-2f7d9b1c0aa1\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\", \"status\": \"confirmed\",\n"
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"femtolux\", \"name\": \"Femtolux Lasers\", \"kind\": \"company\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.fi\",\n"
  "      \"country\": \"FI\", \"travel\": [\n"
  "        { \"uid\": \"leg-there\", \"kind\": \"flight\", \"reference\": \"AY1071\",\n"
  "          \"from\": \"Helsinki\", \"to\": \"Vilnius\",\n"
  "          \"depart\": \"2027-04-12T19:55\", \"depart_timezone\": \"Europe/Helsinki\",\n"
  "          \"arrive\": \"2027-04-12T21:10\", \"arrive_timezone\": \"Europe/Vilnius\" } ] },\n"
  "    { \"id\": \"jurate\", \"name\": \"Jūratė Žukauskienė\", \"email\": \"jurate@example.lt\",\n"
  "      \"country\": \"LT\" },\n"
  "    { \"id\": \"mikko\", \"name\": \"Mikko Virtanen\", \"email\": \"mikko@example.fi\",\n"
  "      \"country\": \"FI\" }\n"
  "  ],\n"
  "  \"sessions\": []\n"
  "}\n";

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-pickers", &fixture->dir);
  fixture->programme_id = vp_test_import_json (fixture->store, programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
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

/* With VP_TEST_HOLD_MS set, the window stays on screen that long, for a
 * screenshot (build-aux's import -window root). */
static void
hold_for_screenshot (void)
{
  const char *hold = g_getenv ("VP_TEST_HOLD_MS");

  if (hold != NULL)
    vp_test_run_main_loop ((guint) g_ascii_strtoull (hold, NULL, 10));
}

/* The editor at its own width, or VP_TEST_WIDTH's (to look at it wide
 * and at phone width). */
static gpointer
show (gpointer window)
{
  const char *width = g_getenv ("VP_TEST_WIDTH");

  gtk_window_set_default_size (GTK_WINDOW (window),
                               width != NULL ? (int) g_ascii_strtoull (width, NULL, 10) : 600, 900);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_run_main_loop (100);

  return window;
}

/* The new participant editor of the fixture's programme. */
static VpParticipantEditor *
new_participant (Fixture *fixture)
{
  return show (vp_participant_editor_new (fixture->store, fixture->programme_id, NULL));
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;   /* the widget keeps it */
    }

  g_assert_not_reached ();
}

/* Types @text on @row as a user does: the first letter on the row itself
 * (which opens its list), the others in the search it opened, then Enter
 * at once, before the search's pause is over (unless @hold). */
static void
type_ahead_full (VpChooserRow *row,
                 const char   *text,
                 gboolean      hold)
{
  GtkEventController *controller = find_controller (GTK_WIDGET (row), "type-ahead");
  GtkEditable *entry = get_child (row, VP_TYPE_CHOOSER_ROW, "search_entry");
  GtkWidget *popover = get_child (row, VP_TYPE_CHOOSER_ROW, "popover");
  gboolean handled = FALSE;
  int position;

  g_signal_emit_by_name (controller, "key-pressed", gdk_unicode_to_keyval (text[0]), 0, 0,
                         &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpint (text[0], ==, gtk_editable_get_text (entry)[0]);

  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, text + 1, -1, &position);
  if (hold)
    hold_for_screenshot ();
  g_signal_emit_by_name (entry, "activate");
  vp_test_run_main_loop (20);
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
type_ahead (VpChooserRow *row,
            const char   *text)
{
  type_ahead_full (row, text, FALSE);
}

/* What @row's list offers, in its order. */
static GPtrArray *
list_labels (VpChooserRow *row)
{
  GtkListView *list_view = get_child (row, VP_TYPE_CHOOSER_ROW, "list_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (labels, g_strdup (gtk_string_object_get_string (item)));
    }

  return labels;
}

static guint
label_index (GPtrArray  *labels,
             const char *label)
{
  guint index;

  g_assert_true (g_ptr_array_find_with_equal_func (labels, label, g_str_equal, &index));
  return index;
}

/* The row titled @title under @widget, or NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Countries {{{1 */

/* Where the country of @code is in @labels, named as the window names it
 * in its language: “Lithuania (LT)”, “Litauen (LT)”. */
static guint
country_index (GPtrArray  *labels,
               const char *code)
{
  g_autofree char *label = vp_format_country (code);

  return label_index (labels, label);
}

/* Whether the country of @code_a comes before that of @code_b as the
 * language sorts their names. */
static gboolean
name_before (const char *code_a,
             const char *code_b)
{
  return g_utf8_collate (vp_format_country_name (code_a), vp_format_country_name (code_b)) < 0;
}

/* The countries by their names as the language sorts them, not by code:
 * in English Belgium (BE) before Bosnia and Herzegovina (BA), Czechia (CZ)
 * before Denmark (DK) before Germany (DE); in German Deutschland (DE)
 * before Tschechien (CZ). */
static void
test_country_sorted (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const pairs[][2] = { { "BE", "BA" }, { "DK", "DE" }, { "CZ", "DK" } };
  VpParticipantEditor *editor;
  VpChooserRow *row;
  g_autoptr(GPtrArray) labels = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  labels = list_labels (row);

  g_assert_cmpuint (labels->len, >, 40);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, C_("country", "Not set"));
  /* Belgium (BE) before Bosnia and Herzegovina (BA) in every language:
   * the names' order, not the codes' */
  g_assert_true (name_before ("BE", "BA"));
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *first = name_before (pairs[i][0], pairs[i][1]) ? pairs[i][0] : pairs[i][1];
      const char *second = first == pairs[i][0] ? pairs[i][1] : pairs[i][0];

      g_assert_cmpuint (country_index (labels, first), <, country_index (labels, second));
    }
  for (guint i = 2; i < labels->len; i++)
    g_assert_cmpint (g_utf8_collate (g_ptr_array_index (labels, i - 1),
                                     g_ptr_array_index (labels, i)), <, 0);
}

/* The start of the name of @code's country as a user types it, its first
 * @length characters (all of it for -1): “germ” for Germany in English,
 * “deut” in German. */
static char *
name_start (const char *code,
            glong       length)
{
  g_autofree char *folded = g_utf8_casefold (vp_format_country_name (code), -1);

  return length < 0 ? g_steal_pointer (&folded) : g_utf8_substring (folded, 0, length);
}

/* A country whose name begins with two letters that a label above it in
 * @labels holds elsewhere than at its start, and no label above it begins
 * with, into @typed: in English “se”, which is Serbia, not “Not set”.
 * Serbia if it is one in the language, else the first by code. */
static const char *
find_begun_after_held (GPtrArray  *labels,
                       char      **typed)
{
  const char * const *codes = vp_format_country_codes ();

  for (int i = -1; i < 0 || codes[i] != NULL; i++)
    {
      const char *code = i < 0 ? "RS" : codes[i];
      g_autofree char *start = name_start (code, 2);
      guint index = country_index (labels, code);
      gboolean begun = FALSE, held = FALSE;

      if (!g_ascii_isalpha (start[0]))
        continue;   /* a first letter the test types as a key */
      for (guint j = 0; j < index; j++)
        {
          g_autofree char *label = g_utf8_casefold (g_ptr_array_index (labels, j), -1);

          if (g_str_has_prefix (label, start))
            begun = TRUE;
          else if (strstr (label, start) != NULL)
            held = TRUE;
        }
      if (held && !begun)
        {
          *typed = g_steal_pointer (&start);
          return code;
        }
    }

  g_assert_not_reached ();
}

/* Typing the start of Germany's name as the window names it (“germ” in
 * English, “deut” in German) and Enter on the row picks Germany, and it
 * is what is added. */
static void
test_country_type_ahead (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *germ = name_start ("DE", 4);
  g_autofree char *germany = name_start ("DE", -1);
  g_autofree char *germany_label = vp_format_country ("DE");
  g_autofree char *typed = NULL;
  const char *begun;
  VpParticipantEditor *editor;
  VpChooserRow *row;
  GPtrArray *participants;
  VpParticipant *added = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  gtk_editable_set_text (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row"), "Uwe Brandt");
  labels = list_labels (row);

  type_ahead_full (row, germ, TRUE);
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "DE");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==, germany_label);

  /* a name that begins with what is typed before one that holds it */
  begun = find_begun_after_held (labels, &typed);
  g_test_message ("typed “%s” for %s", typed, begun);
  type_ahead (row, typed);
  g_assert_cmpstr (vp_country_row_get_code (row), ==, begun);
  type_ahead (row, germany);
  g_signal_emit_by_name (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "add_button"), "clicked");

  snapshot = load (fixture);
  participants = vp_snapshot_get_participants (snapshot);
  for (guint i = 0; i < participants->len; i++)
    if (g_strcmp0 (vp_participant_get_name (g_ptr_array_index (participants, i)), "Uwe Brandt") == 0)
      added = g_ptr_array_index (participants, i);
  g_assert_nonnull (added);
  g_assert_cmpstr (vp_participant_get_country (added), ==, "DE");
}

/* Someone new comes from where the others do: a participant from the
 * country most visitors give, a host from the host country; someone
 * stored without a country stays without one. */
static void
test_country_default (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *finland = vp_format_country ("FI");
  VpParticipantEditor *editor;
  VpHostEditor *host_editor;
  VpChooserRow *row;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "FI");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==, finland);
  gtk_window_destroy (GTK_WINDOW (editor));

  host_editor = show (vp_host_editor_new (fixture->store, fixture->programme_id, NULL));
  row = get_child (host_editor, VP_TYPE_HOST_EDITOR, "country_row");
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "LT");
  gtk_window_destroy (GTK_WINDOW (host_editor));

  snapshot = load (fixture);
  host_editor = show (vp_host_editor_new (fixture->store, fixture->programme_id,
                                          g_ptr_array_index (vp_snapshot_get_hosts (snapshot), 0)));
  row = get_child (host_editor, VP_TYPE_HOST_EDITOR, "country_row");
  g_assert_null (vp_country_row_get_code (row));
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==,
                   C_("country", "Not set"));
}

/* Zones {{{1 */

/* The zone chooser finds a zone by any part of its name, and offers every
 * zone the store takes. */
static void
test_zone_search (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window, *box;
  VpChooserRow *row;
  g_autoptr(GPtrArray) labels = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  row = VP_CHOOSER_ROW (vp_chooser_row_new ());
  vp_zone_row_setup (row);
  box = gtk_list_box_new ();
  gtk_list_box_append (GTK_LIST_BOX (box), GTK_WIDGET (row));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_run_main_loop (50);

  labels = list_labels (row);
  label_index (labels, "Europe/Vilnius");
  label_index (labels, "America/Sao_Paulo");
  label_index (labels, "UTC");

  type_ahead (row, "pari");
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, "Europe/Paris");
  type_ahead (row, "helsin");
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, "Europe/Helsinki");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==,
                   "Europe/Helsinki");
}

/* Days and times {{{1 */

/* A day chosen in the calendar is the row's; the spin buttons give a
 * time as minutes of the day, shown with two digits. */
static void
test_date_time_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 4, 14, 12, 0, 0);
  g_autofree char *short_day = vp_format_date ("2027-04-14");
  GtkWidget *window, *box;
  VpDateRow *date_row;
  VpTimeRow *time_row;
  GtkCalendar *calendar;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  date_row = VP_DATE_ROW (vp_date_row_new ());
  time_row = VP_TIME_ROW (vp_time_row_new ());
  box = gtk_list_box_new ();
  gtk_list_box_append (GTK_LIST_BOX (box), GTK_WIDGET (date_row));
  gtk_list_box_append (GTK_LIST_BOX (box), GTK_WIDGET (time_row));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_run_main_loop (50);

  g_assert_null (vp_date_row_get_date (date_row));
  g_assert_cmpstr (gtk_label_get_label (vp_date_row_get_value_label (date_row)), ==,
                   C_("day", "Not set"));

  calendar = vp_date_row_get_calendar (date_row);
  gtk_calendar_select_day (calendar, day);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (vp_date_row_get_date (date_row), ==, "2027-04-14");
  g_assert_cmpstr (gtk_label_get_label (vp_date_row_get_value_label (date_row)), ==, short_day);

  /* what is not a day is no day */
  vp_date_row_set_date (date_row, "2027-02-30");
  g_assert_null (vp_date_row_get_date (date_row));

  gtk_spin_button_set_value (vp_time_row_get_hour_spin (time_row), 7);
  gtk_spin_button_set_value (vp_time_row_get_minute_spin (time_row), 5);
  g_assert_cmpint (vp_time_row_get_minutes (time_row), ==, 7 * 60 + 5);
  vp_test_run_main_loop (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vp_time_row_get_hour_spin (time_row))), ==, "07");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vp_time_row_get_minute_spin (time_row))), ==, "05");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Overview's first and last day are the same day rows: a day chosen
 * in the first day's calendar moves the visit, which keeps its length. */
static void
test_overview_days (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpProgrammeContext) context = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *first_day = vp_format_date_long ("2027-04-13");
  g_autofree char *last_day = vp_format_date_long ("2027-04-16");
  g_autofree char *moved_last_day = vp_format_date_long ("2027-05-06");
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 5, 3, 12, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_local (2027, 5, 1, 12, 0, 0);
  GtkWidget *page;
  GtkWindow *window;
  VpDateRow *start_row;
  VpDateRow *end_row;
  VpProgramme *stored;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  context = vp_test_context_new (fixture->store, fixture->programme_id);
  page = vp_overview_page_new (context);
  window = vp_test_show_page (page, 1000);
  start_row = get_child (page, VP_TYPE_OVERVIEW_PAGE, "start_row");
  g_assert_true (VP_IS_DATE_ROW (start_row));
  g_assert_cmpstr (vp_date_row_get_date (start_row), ==, "2027-04-13");
  g_assert_cmpstr (vp_test_get_label (window, "first-day-value"), ==, first_day);
  g_assert_cmpstr (vp_test_get_label (window, "last-day-value"), ==, last_day);

  gtk_calendar_select_day (vp_date_row_get_calendar (start_row), day);
  g_signal_emit_by_name (vp_date_row_get_calendar (start_row), "day-selected");
  vp_overview_page_flush (VP_OVERVIEW_PAGE (page));
  vp_test_run_main_loop (100);

  snapshot = load (fixture);
  stored = vp_snapshot_get_programme (snapshot);
  g_assert_cmpstr (vp_programme_get_start_date (stored), ==, "2027-05-03");
  g_assert_cmpstr (vp_programme_get_end_date (stored), ==, "2027-05-06");
  g_assert_cmpstr (vp_test_get_label (window, "last-day-value"), ==, moved_last_day);
  g_clear_object (&snapshot);

  /* a last day before the first is refused beside it, and not saved */
  end_row = get_child (page, VP_TYPE_OVERVIEW_PAGE, "end_row");
  gtk_calendar_select_day (vp_date_row_get_calendar (end_row), before);
  g_signal_emit_by_name (vp_date_row_get_calendar (end_row), "day-selected");
  vp_overview_page_flush (VP_OVERVIEW_PAGE (page));
  vp_test_run_main_loop (100);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));
  g_assert_nonnull (vp_people_get_error_label (GTK_WIDGET (end_row)));
  snapshot = load (fixture);
  g_assert_cmpstr (vp_programme_get_end_date (vp_snapshot_get_programme (snapshot)), ==,
                   "2027-05-06");

  gtk_window_destroy (window);
}

/* Travel legs {{{1 */

/* A stored participant's journey is edited on a page inside the
 * participant's dialog (no second window): a time and a zone chosen, an
 * arrival before the departure refused beside the field, and Done saves
 * it at once. */
static void
test_leg_page (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpParticipant) aino = NULL;
  /* the leg's row is titled as the window titles it, “Flight AY1071 ·
   * Helsinki → Vilnius” in English */
  g_autofree char *route = g_strdup_printf (_(" · %s → %s"), "Helsinki", "Vilnius");
  g_autofree char *leg_title = g_strconcat (C_("travel kind", "Flight"), " AY1071", route, NULL);
  /* and its times, “12 Apr 19:55 → 12 Apr 21:10”, the month named in the
   * window's language */
  g_autoptr(GDateTime) depart = g_date_time_new_utc (2027, 4, 12, 19, 55, 0);
  g_autoptr(GDateTime) arrive = g_date_time_new_utc (2027, 4, 12, 21, 10, 0);
  g_autofree char *depart_text = vp_format_date_time (depart, C_("day and time", "%-d %b %H:%M"));
  g_autofree char *arrive_text = vp_format_date_time (arrive, C_("day and time", "%-d %b %H:%M"));
  g_autofree char *leg_times = g_strdup_printf (_("%s → %s"), depart_text, arrive_text);
  VpParticipantEditor *editor;
  GtkStack *stack;
  VpTravelLegPage *page;
  GtkWidget *arrive_time;
  GtkWidget *row;
  AdwPreferencesGroup *travel_group;
  GtkLabel *error_label;
  VpTravelLeg *leg;
  GList *toplevels;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  snapshot = load (fixture);
  aino = vp_participant_copy (vp_snapshot_lookup_participant (snapshot, "aino"));
  g_clear_object (&snapshot);
  editor = show (vp_participant_editor_new (fixture->store, fixture->programme_id, aino));
  stack = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "page_stack");
  page = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "leg_page");
  travel_group = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "travel_group");
  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, 1);
  g_list_free (toplevels);

  /* the leg's row opens its page, in the same window */
  row = find_row (GTK_WIDGET (travel_group), leg_title);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, leg_times);
  g_signal_emit_by_name (row, "activated");
  vp_test_run_main_loop (50);
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));
  toplevels = gtk_window_list_toplevels ();
  g_assert_cmpuint (g_list_length (toplevels), ==, 1);
  g_list_free (toplevels);
  g_assert_cmpstr (vp_date_row_get_date (get_child (page, VP_TYPE_TRAVEL_LEG_PAGE,
                                                    "depart_date_row")), ==, "2027-04-12");
  g_assert_cmpint (vp_time_row_get_minutes (get_child (page, VP_TYPE_TRAVEL_LEG_PAGE,
                                                       "depart_time_row")), ==, 19 * 60 + 55);
  g_assert_cmpstr (vp_chooser_row_get_value (get_child (page, VP_TYPE_TRAVEL_LEG_PAGE,
                                                        "depart_zone_row")), ==,
                   "Europe/Helsinki");

  /* 19:30 in Vilnius is 18:30 in Helsinki, before 19:55 there */
  arrive_time = get_child (page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_time_row");
  gtk_spin_button_set_value (vp_time_row_get_hour_spin (VP_TIME_ROW (arrive_time)), 19);
  gtk_spin_button_set_value (vp_time_row_get_minute_spin (VP_TIME_ROW (arrive_time)), 30);
  g_assert_true (gtk_widget_has_css_class (arrive_time, "error"));
  error_label = vp_people_get_error_label (arrive_time);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (error_label), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "19:30"));
  /* right under its row */
  g_assert_true (gtk_widget_get_next_sibling (arrive_time) ==
                 gtk_widget_get_parent (GTK_WIDGET (error_label)));
  g_assert_false (gtk_widget_get_sensitive (vp_travel_leg_page_get_done_button (page)));
  hold_for_screenshot ();

  /* the arrival the next morning, in Riga's zone, found by typing */
  gtk_spin_button_set_value (vp_time_row_get_hour_spin (VP_TIME_ROW (arrive_time)), 8);
  gtk_spin_button_set_value (vp_time_row_get_minute_spin (VP_TIME_ROW (arrive_time)), 15);
  vp_date_row_set_date (get_child (page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_date_row"),
                        "2027-04-13");
  type_ahead (get_child (page, VP_TYPE_TRAVEL_LEG_PAGE, "arrive_zone_row"), "riga");
  g_assert_false (gtk_widget_has_css_class (arrive_time, "error"));
  g_assert_null (vp_people_get_error_label (arrive_time));
  g_signal_emit_by_name (vp_travel_leg_page_get_done_button (page), "clicked");
  g_assert_false (gtk_stack_get_visible_child (stack) == GTK_WIDGET (page));

  /* saved at once, the same leg */
  snapshot = load (fixture);
  g_assert_cmpuint (vp_participant_get_travel (vp_snapshot_lookup_participant (snapshot, "aino"))->len,
                    ==, 1);
  leg = g_ptr_array_index (vp_participant_get_travel (vp_snapshot_lookup_participant (snapshot,
                                                                                     "aino")), 0);
  g_assert_cmpstr (leg->uid, ==, "leg-there");
  g_assert_cmpstr (leg->arrive, ==, "2027-04-13T08:15");
  g_assert_cmpstr (leg->arrive_timezone, ==, "Europe/Riga");
}

/* Main {{{1 */

int
main (int    argc,
      char **argv)
{
  vp_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pickers/country/sorted", test_country_sorted);
  ADD ("/pickers/country/type-ahead", test_country_type_ahead);
  ADD ("/pickers/country/default", test_country_default);
  ADD ("/pickers/zone/search", test_zone_search);
  ADD ("/pickers/date-time", test_date_time_rows);
  ADD ("/pickers/overview-days", test_overview_days);
  ADD ("/pickers/leg-page", test_leg_page);

#undef ADD

  return g_test_run ();
}

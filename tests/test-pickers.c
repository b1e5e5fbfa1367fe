/* test-pickers.c: the choosers of countries, zones, days and times, and the pages of journeys and stays. */

#include "config.h"

#include <string.h>

#include "vp-chooser-row.h"
#include "vp-country-row.h"
#include "vp-host-editor.h"
#include "vp-participant-editor.h"
#include "vp-store.h"
#include "vp-test-gui.h"

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
  "      \"country\": \"FI\" },\n"
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

static gpointer
show (gpointer window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
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
 * at once, before the search's pause is over. */
static void
type_ahead (VpChooserRow *row,
            const char   *text)
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
  g_signal_emit_by_name (entry, "activate");
  vp_test_run_main_loop (20);
  g_assert_false (gtk_widget_get_visible (popover));
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

/* Countries {{{1 */

/* The countries by their names as the language sorts them, not by code:
 * Belgium (BE) before Bosnia and Herzegovina (BA), Czechia (CZ) before
 * Denmark (DK) before Germany (DE). */
static void
test_country_sorted (Fixture       *fixture,
                     gconstpointer  data)
{
  VpParticipantEditor *editor;
  VpChooserRow *row;
  g_autoptr(GPtrArray) labels = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  labels = list_labels (row);

  g_assert_cmpuint (labels->len, >, 40);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "Not set");
  g_assert_cmpuint (label_index (labels, "Belgium (BE)"), <,
                    label_index (labels, "Bosnia and Herzegovina (BA)"));
  g_assert_cmpuint (label_index (labels, "Denmark (DK)"), <, label_index (labels, "Germany (DE)"));
  g_assert_cmpuint (label_index (labels, "Czechia (CZ)"), <, label_index (labels, "Denmark (DK)"));
  for (guint i = 2; i < labels->len; i++)
    g_assert_cmpint (g_utf8_collate (g_ptr_array_index (labels, i - 1),
                                     g_ptr_array_index (labels, i)), <, 0);
}

/* Typing “germ” and Enter on the row picks Germany, and it is what is
 * added. */
static void
test_country_type_ahead (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  VpParticipantEditor *editor;
  VpChooserRow *row;
  GPtrArray *participants;
  VpParticipant *added = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  gtk_editable_set_text (get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "name_row"), "Uwe Brandt");

  type_ahead (row, "germ");
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "DE");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==,
                   "Germany (DE)");

  /* a name that begins with what is typed before one that holds it */
  type_ahead (row, "se");
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "RS");
  type_ahead (row, "germany");
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
  VpParticipantEditor *editor;
  VpHostEditor *host_editor;
  VpChooserRow *row;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  editor = new_participant (fixture);
  row = get_child (editor, VP_TYPE_PARTICIPANT_EDITOR, "country_row");
  g_assert_cmpstr (vp_country_row_get_code (row), ==, "FI");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==,
                   "Finland (FI)");
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
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==, "Not set");
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

#undef ADD

  return g_test_run ();
}

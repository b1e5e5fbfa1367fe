/* test-organisations.c: the organisations page, its editor and the participant editor's
 * organisation picker, over a real store. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-chooser-row.h"
#include "vp-country-row.h"
#include "vp-cxc-rules.h"
#include "vp-organisation-editor.h"
#include "vp-organisations-page.h"
#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-people-fields.h"
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

/* Three visitors from three organisations (made from their organisation
 * text on import), two of them from Finland; one host. */
static const char small_programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 2,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"5e1c5a4e-0d55-4b8e-9d4a-2f7d9b1c0101\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\", \"status\": \"confirmed\",\n"
  "    \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\"\n"
  "  },\n"
  "  \"organisations\": [\n"
  "    { \"id\": \"pf\", \"name\": \"Photonics Finland\", \"kind\": \"cluster-organisation\",\n"
  "      \"country\": \"FI\", \"city\": \"Helsinki\", \"latitude\": 60.1699, \"longitude\": 24.9384 },\n"
  "    { \"id\": \"bo\", \"name\": \"Baltic Optics\", \"kind\": \"sme\", \"country\": \"LT\" },\n"
  "    { \"id\": \"ao\", \"name\": \"Aalto Optics\", \"kind\": \"sme\", \"country\": \"FI\" }\n"
  "  ],\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"femtolux\", \"name\": \"Femtolux Lasers\", \"kind\": \"company\", \"city\": \"Vilnius\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.fi\",\n"
  "      \"organisation_id\": \"pf\", \"country\": \"FI\", \"role\": \"cluster-manager\" },\n"
  "    { \"id\": \"leena\", \"name\": \"Leena Korhonen\", \"email\": \"leena@example.fi\",\n"
  "      \"organisation_id\": \"pf\", \"country\": \"FI\" },\n"
  "    { \"id\": \"jurate\", \"name\": \"Jūratė Žukauskienė\", \"email\": \"jurate@example.lt\",\n"
  "      \"organisation_id\": \"bo\", \"country\": \"LT\" },\n"
  "    { \"id\": \"mikko\", \"name\": \"Mikko Virtanen\", \"email\": \"mikko@example.fi\",\n"
  "      \"organisation_id\": \"ao\", \"country\": \"FI\" }\n"
  "  ],\n"
  "  \"sessions\": []\n"
  "}\n";

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = NULL;

  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-organisations", &fixture->dir);
  if (data != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (data, &json, NULL, &error));
      g_assert_no_error (error);
    }
  fixture->programme_id = vp_test_import_json (fixture->store, json ? json : small_programme);
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

static GtkWidget *
show_page (Fixture *fixture)
{
  GtkWidget *page = vp_organisations_page_new (fixture->context);

  fixture->window = vp_test_show_page (page, 1200);
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

static VpOrganisation *
item_organisation (GListModel *model,
                   guint       position)
{
  g_autoptr(VpTableRow) row = g_list_model_get_item (model, position);

  return VP_ORGANISATION (vp_table_row_get_item (row));
}

/* The row of the table that shows @name, or -1. */
static int
find_row (GListModel *model,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (vp_organisation_get_name (item_organisation (model, i)), name) == 0)
      return (int) i;

  return -1;
}

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

static gboolean
is_error (gpointer    widget,
          GType       type,
          const char *name)
{
  return gtk_widget_has_css_class (get_child (widget, type, name), "error");
}

static VpSnapshot *
load (Fixture *fixture)
{
  return vp_test_load_snapshot (fixture->store, fixture->programme_id);
}

static VpOrganisation *
lookup_by_name (VpSnapshot *snapshot,
                const char *name)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

  for (guint i = 0; i < organisations->len; i++)
    if (g_strcmp0 (vp_organisation_get_name (g_ptr_array_index (organisations, i)), name) == 0)
      return g_ptr_array_index (organisations, i);

  return NULL;
}

/* The text one cell of the table shows: @column at @position. */
static const char *
cell_text (GtkWidget  *page,
           guint       column,
           guint       position)
{
  GtkColumnView *column_view = get_child (page, VP_TYPE_TABLE_PAGE, "column_view");
  GtkWidget *list_view = NULL;
  GtkWidget *row;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);

  /* The rows in order of position: GTK keeps them so while nothing scrolls. */
  row = gtk_widget_get_first_child (list_view);
  for (guint i = 0; row != NULL && i < position; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);

  {
    GtkWidget *cell = gtk_widget_get_first_child (row);

    for (guint i = 0; cell != NULL && i < column; i++)
      cell = gtk_widget_get_next_sibling (cell);
    g_assert_nonnull (cell);
    cell = gtk_widget_get_first_child (cell);
    g_assert_true (GTK_IS_INSCRIPTION (cell));
    return gtk_inscription_get_text (GTK_INSCRIPTION (cell));
  }
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} LabelSearch;

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  search->found = find_label (search->root, search->text);
  return search->found != NULL;
}

/* A label in @root that shows @text, shown now or soon. */
static GtkWidget *
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelSearch search = { root, text, NULL };

  vp_test_wait_for (label_shown, &search);
  return search.found;
}

/* Chooses in @row as a user does: a search, then Enter. */
static void
choose (VpChooserRow *row,
        const char   *search)
{
  GtkEditable *entry = get_child (row, VP_TYPE_CHOOSER_ROW, "search_entry");

  g_signal_emit_by_name (row, "activated");
  gtk_editable_set_text (entry, search);
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  vp_test_run_main_loop (20);
}

/* Answers @dialog as a user does, with the button labelled @label. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = vp_test_wait_for_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  vp_test_run_main_loop (50);
  /* answered, it goes */
  g_assert_null (vp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
}

/* The widget named @name under @root (a row of the closing kit is named
 * after its item), or NULL. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button under @root whose tooltip is @tooltip, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The cell of @column at @position (see cell_text()). */
static GtkWidget *
cell_widget (GtkWidget *page,
             guint      column,
             guint      position)
{
  GtkColumnView *column_view = get_child (page, VP_TYPE_TABLE_PAGE, "column_view");
  GtkWidget *list_view = NULL;
  GtkWidget *row;
  GtkWidget *cell;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);

  row = gtk_widget_get_first_child (list_view);
  for (guint i = 0; row != NULL && i < position; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  cell = gtk_widget_get_first_child (row);
  for (guint i = 0; cell != NULL && i < column; i++)
    cell = gtk_widget_get_next_sibling (cell);
  g_assert_nonnull (cell);
  return gtk_widget_get_first_child (cell);
}

static char *
received (Fixture    *fixture,
          const char *ref,
          const char *item)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);

  return g_strdup (vp_organisation_get_evidence_received (
                     vp_snapshot_lookup_organisation (snapshot, ref), item));
}

/* Tests {{{1 */

/* The demo's organisations, each once, with how many people each has. */
static void
test_lists_demo (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *organisations;
  GPtrArray *participants;
  GtkWidget *page;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture);
  model = get_model (page);
  snapshot = load (fixture);
  organisations = vp_store_get_organisations (fixture->store, fixture->programme_id);
  participants = vp_snapshot_get_participants (snapshot);

  g_assert_cmpuint (vp_snapshot_get_organisations (snapshot)->len, >, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    vp_snapshot_get_organisations (snapshot)->len);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_list_model_get_n_items (organisations));

  /* Every participant's organisation is a row, and the People column
   * counts them. */
  for (guint i = 0; i < participants->len; i++)
    {
      const char *name = vp_participant_get_organisation (g_ptr_array_index (participants, i));
      guint n;

      if (name == NULL)
        continue;
      g_assert_cmpint (find_row (model, name), >=, 0);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (people, name));
      g_hash_table_insert (people, (gpointer) name, GUINT_TO_POINTER (n + 1));
    }

  /* Sorted by name at first; the first rows are in view. */
  for (guint i = 0; i + 1 < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *a = vp_people_collate_key (vp_organisation_get_name (item_organisation (model, i)));
      g_autofree char *b = vp_people_collate_key (vp_organisation_get_name (item_organisation (model, i + 1)));

      g_assert_cmpstr (a, <=, b);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *name = vp_organisation_get_name (item_organisation (model, i));
      g_autofree char *count =
        g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (people, name)));

      g_assert_cmpstr (cell_text (page, 0, i), ==, name);
      g_assert_cmpstr (cell_text (page, 4, i), ==, count);
    }
}

/* Adding through the editor stores the organisation, every field of it,
 * after the rules of values have had their say on the field. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  VpOrganisationEditor *editor;
  VpOrganisation *organisation;
  GType type = VP_TYPE_ORGANISATION_EDITOR;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture);
  model = get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  g_assert_true (gtk_widget_activate_action (page, "organisations.add", NULL));
  editor = find_toplevel (VP_TYPE_ORGANISATION_EDITOR);
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, type, "add_button")));

  /* Another spelling of a name the programme has. */
  set_text (editor, type, "name_row", "  PHOTONICS   finland ");
  g_assert_true (is_error (editor, type, "name_row"));
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, type, "add_button")));
  set_text (editor, type, "name_row", "Kaunas Laser Cluster");
  g_assert_false (is_error (editor, type, "name_row"));

  set_text (editor, type, "eccp_url_row", "clustercollaboration.eu/profile");
  g_assert_true (is_error (editor, type, "eccp_url_row"));
  set_text (editor, type, "eccp_url_row",
            "https://reporting.clustercollaboration.eu/kaunas-laser-cluster");
  g_assert_false (is_error (editor, type, "eccp_url_row"));
  set_text (editor, type, "contact_email_row", "info@klc..example");
  g_assert_true (is_error (editor, type, "contact_email_row"));
  set_text (editor, type, "contact_email_row", "info@klc.example");
  set_text (editor, type, "latitude_row", "54,8985");
  g_assert_true (is_error (editor, type, "longitude_row"));
  g_assert_false (gtk_widget_is_sensitive (get_child (editor, type, "add_button")));
  set_text (editor, type, "longitude_row", "23.9036");
  g_assert_false (is_error (editor, type, "longitude_row"));
  set_text (editor, type, "city_row", "Kaunas");
  set_text (editor, type, "cluster_row", "Lithuanian Laser Association");
  set_text (editor, type, "contact_name_row", "Rūta Petraitytė");
  vp_country_row_set_code (get_child (editor, type, "country_row"), "LT");
  /* Cluster organisation, first after “Not set” */
  adw_combo_row_set_selected (get_child (editor, type, "kind_row"), 1);
  g_assert_true (gtk_widget_is_sensitive (get_child (editor, type, "add_button")));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_signal_emit_by_name (get_child (editor, type, "add_button"), "clicked");

  snapshot = load (fixture);
  g_assert_cmpuint (vp_snapshot_get_organisations (snapshot)->len, ==, 4);
  organisation = lookup_by_name (snapshot, "Kaunas Laser Cluster");
  g_assert_nonnull (organisation);
  g_assert_cmpint (vp_organisation_get_kind (organisation), ==,
                   VP_ORGANISATION_KIND_CLUSTER_ORGANISATION);
  g_assert_cmpstr (vp_organisation_get_country (organisation), ==, "LT");
  g_assert_cmpstr (vp_organisation_get_city (organisation), ==, "Kaunas");
  g_assert_cmpfloat_with_epsilon (vp_organisation_get_latitude (organisation), 54.8985, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp_organisation_get_longitude (organisation), 23.9036, 1e-9);
  g_assert_cmpstr (vp_organisation_get_cluster (organisation), ==, "Lithuanian Laser Association");
  g_assert_cmpstr (vp_organisation_get_eccp_url (organisation), ==,
                   "https://reporting.clustercollaboration.eu/kaunas-laser-cluster");
  g_assert_cmpstr (vp_organisation_get_contact_name (organisation), ==, "Rūta Petraitytė");
  g_assert_cmpstr (vp_organisation_get_contact_email (organisation), ==, "info@klc.example");

  /* Added: the dialog closes, as New Session's does, with the new row
   * selected; opened again, it is saved as it is edited. */
  vp_test_run_main_loop (20);
  g_assert_null (editor);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model),
                                                  find_row (model, "Kaunas Laser Cluster")));
  g_assert_true (vp_organisations_page_show_organisation (VP_ORGANISATIONS_PAGE (page),
                                                          vp_organisation_get_ref (organisation)));
  editor = find_toplevel (VP_TYPE_ORGANISATION_EDITOR);
  set_text (editor, type, "city_row", "Vilnius");
  g_assert_true (vp_organisation_editor_flush (editor));
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_organisation_get_city (lookup_by_name (snapshot, "Kaunas Laser Cluster")),
                   ==, "Vilnius");

  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpint (find_row (model, "Kaunas Laser Cluster"), >=, 0);
}

/* A change made elsewhere while the editor is open is not overwritten:
 * the save is refused, and the editor says why. */
static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpOrganisation) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  VpOrganisationEditor *editor;
  GListModel *model;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture);
  model = get_model (page);
  g_assert_true (vp_organisations_page_show_organisation (VP_ORGANISATIONS_PAGE (page), "bo"));
  editor = find_toplevel (VP_TYPE_ORGANISATION_EDITOR);
  g_assert_cmpstr (gtk_editable_get_text (get_child (editor, VP_TYPE_ORGANISATION_EDITOR,
                                                     "name_row")), ==, "Baltic Optics");

  snapshot = load (fixture);
  elsewhere = vp_organisation_copy (vp_snapshot_lookup_organisation (snapshot, "bo"));
  vp_organisation_set_city (elsewhere, "Klaipėda");
  g_assert_true (vp_store_save_organisation (fixture->store, fixture->programme_id, elsewhere,
                                             NULL, &error));
  g_assert_no_error (error);

  set_text (editor, VP_TYPE_ORGANISATION_EDITOR, "city_row", "Šiauliai");
  g_assert_false (vp_organisation_editor_flush (editor));
  /* in the editor's toast, the store's message */
  {
    g_autofree char *changed =
      g_strdup_printf (_("“%s” was changed elsewhere (another window or the command line) while "
                         "it was being edited: the changes were not saved, so that neither is "
                         "lost; open it again to see the other change"), "Baltic Optics");

    g_assert_nonnull (wait_for_label (GTK_WIDGET (editor), changed));
  }
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_organisation_get_city (vp_snapshot_lookup_organisation (snapshot, "bo")),
                   ==, "Klaipėda");
  /* The page shows the other change. */
  vp_test_run_main_loop (20);
  g_assert_cmpstr (vp_organisation_get_city (item_organisation (model, find_row (model, "Baltic Optics"))),
                   ==, "Klaipėda");
}

/* The participant editor picks one of the programme's organisations, or
 * names a new one that the store makes. */
static void
test_participant_picker (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  GtkWidget *page;
  VpParticipantEditor *editor;
  VpChooserRow *row;
  GtkWidget *new_row;
  VpOrganisation *made;
  GType type = VP_TYPE_PARTICIPANT_EDITOR;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = vp_participants_page_new (fixture->context);
  fixture->window = vp_test_show_page (page, 1200);
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page),
                                                        "mikko@example.fi"));
  editor = find_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  row = get_child (editor, type, "organisation_row");
  new_row = get_child (editor, type, "new_organisation_row");
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, "ao");
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==, "Aalto Optics");
  g_assert_false (gtk_widget_get_visible (new_row));

  /* One of the programme's. */
  choose (row, "photonics");
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, "pf");
  g_assert_true (vp_participant_editor_flush (editor));
  snapshot = load (fixture);
  g_assert_cmpstr (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "mikko")),
                   ==, "pf");
  g_assert_cmpstr (vp_participant_get_organisation (vp_snapshot_lookup_participant (snapshot, "mikko")),
                   ==, "Photonics Finland");
  g_clear_object (&snapshot);

  /* A new one, named by the search that found nothing: a name being
   * typed makes nothing, however often it is saved in between. */
  choose (row, "Tampere");
  g_assert_true (gtk_widget_get_visible (new_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "Tampere");
  g_assert_true (vp_participant_editor_flush (editor));
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Tampere Lasers");
  g_assert_true (vp_participant_editor_flush (editor));
  snapshot = load (fixture);
  g_assert_null (lookup_by_name (snapshot, "Tampere"));
  g_assert_null (lookup_by_name (snapshot, "Tampere Lasers"));
  g_assert_cmpstr (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "mikko")),
                   ==, "pf");
  g_clear_object (&snapshot);

  /* A new organisation needs a name. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));

  /* Applied (Enter, or the row's button), the store makes it, and the
   * editor then shows it chosen like any other. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Tampere Lasers");
  g_signal_emit_by_name (new_row, "apply");
  snapshot = load (fixture);
  made = lookup_by_name (snapshot, "Tampere Lasers");
  g_assert_nonnull (made);
  /* made in the participant's country */
  g_assert_cmpstr (vp_organisation_get_country (made), ==, "FI");
  g_assert_cmpstr (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "mikko")),
                   ==, vp_organisation_get_ref (made));
  g_assert_false (gtk_widget_get_visible (new_row));
  g_assert_cmpstr (vp_chooser_row_get_value (row), ==, vp_organisation_get_ref (made));
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (row)), ==, "Tampere Lasers");
  g_clear_object (&snapshot);

  /* None. */
  choose (row, _("No organisation"));
  g_assert_false (gtk_widget_get_visible (new_row));
  g_assert_true (vp_participant_editor_flush (editor));
  snapshot = load (fixture);
  g_assert_null (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "mikko")));
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (20);
}

/* Deleting an organisation with people asks first; they then belong to
 * none.  One without people goes at once. */
static void
test_delete_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GListModel *model;
  AdwMessageDialog *dialog;
  g_autoptr(VpOrganisation) lonely = vp_organisation_new ();

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  vp_organisation_set_name (lonely, "Nobody's Cluster");
  g_assert_true (vp_store_save_organisation (fixture->store, fixture->programme_id, lonely, NULL,
                                             &error));
  g_assert_no_error (error);

  page = show_page (fixture);
  model = get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* Photonics Finland: Aino and Leena. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model),
                                   find_row (model, "Photonics Finland"), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "organisations.delete", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  {
    g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), "Photonics Finland");
    /* the names as the window lists them */
    g_autofree char *names = g_strconcat ("Aino Mäkelä", _(", "), "Leena Korhonen", NULL);
    g_autofree char *body =
      g_strdup_printf (ngettext ("Used by %u participant: %s. They will belong to no "
                                 "organisation.",
                                 "Used by %u participants: %s. They will belong to no "
                                 "organisation.", 2), 2, names);

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  }
  click_response (dialog, _("_Cancel"));
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_nonnull (lookup_by_name (snapshot, "Photonics Finland"));
  g_assert_cmpstr (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "aino")),
                   ==, "pf");
  g_clear_object (&snapshot);

  g_assert_true (gtk_widget_activate_action (page, "organisations.delete", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  click_response (dialog, _("_Delete"));
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  g_assert_null (lookup_by_name (snapshot, "Photonics Finland"));
  g_assert_null (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "aino")));
  g_assert_null (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "leena")));
  g_assert_cmpstr (vp_participant_get_organisation_ref (vp_snapshot_lookup_participant (snapshot, "jurate")),
                   ==, "bo");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_clear_object (&snapshot);

  /* No people: no question. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model),
                                   find_row (model, "Nobody's Cluster"), TRUE);
  g_assert_true (gtk_widget_activate_action (page, "organisations.delete", NULL));
  vp_test_run_main_loop (50);
  g_assert_null (vp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  snapshot = load (fixture);
  g_assert_null (lookup_by_name (snapshot, "Nobody's Cluster"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

/* Another process imports participants of a new organisation: once the
 * store has polled, the page lists it, and the counts follow, without a
 * reload. */
static void
test_live_command_line (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GObject) first_row = NULL;
  const char *cli = g_getenv ("VISIT_PLANNER_CLI");
  GtkWidget *page;
  GListModel *model;
  int status = 0;
  int position;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (cli == NULL)
    {
      g_test_skip ("VISIT_PLANNER_CLI is not set");
      return;
    }

  page = show_page (fixture);
  model = get_model (page);
  first_row = g_list_model_get_item (model, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  csv = g_build_filename (fixture->dir, "people.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "name,email,organisation,country\n"
                                      "Zofia Nowak,zofia@example.pl,Warsaw Photonics,PL\n"
                                      "Piotr Zieliński,piotr@example.pl,WARSAW PHOTONICS ,PL\n",
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
  vp_test_run_main_loop (50);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  position = find_row (model, "Warsaw Photonics");
  g_assert_cmpint (position, >=, 0);
  g_assert_cmpstr (vp_organisation_get_country (item_organisation (model, position)), ==, "PL");
  /* the same rows, one more */
  {
    g_autoptr(GObject) row = g_list_model_get_item (model, 0);

    g_assert_true (row == first_row);
  }
  g_assert_cmpstr (cell_text (page, 4, position), ==, "2");
}

/* The closing kit's items, as data/cxc-rules.json lists them, and their
 * labels as the window names them (from the catalog, in the context
 * "evidence item"). */
static const char * const evidence_items[] = {
  "closing-report", "travel-tickets", "hotel-invoices", "outcomes"
};

static const char *
evidence_label (guint i)
{
  static const char * const labels[] = {
    NC_("evidence item", "Closing report"),
    NC_("evidence item", "Boarding passes or tickets"),
    NC_("evidence item", "Hotel invoices"),
    NC_("evidence item", "Outcomes"),
  };

  g_assert_cmpuint (i, <, G_N_ELEMENTS (labels));
  return g_dpgettext2 (GETTEXT_PACKAGE, "evidence item", labels[i]);
}

/* The demo once its programme has ended: the Closing Kit column says what
 * each funded organisation still owes, the editor records and clears each
 * item (typed, or "Received Today"), and an edit of another field keeps
 * the kit. */
static void
test_closing_kit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpBudget) budget = NULL;
  g_autofree char *day = NULL;
  VpOrganisationEditor *editor;
  GType type = VP_TYPE_ORGANISATION_EDITOR;
  GtkWidget *page;
  GtkWidget *cell;
  GtkWidget *row;
  GtkWidget *button;
  GListModel *model;
  int position;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  /* The rules' items are the ones named here; when the window speaks
   * another language than English, it names them in that language too. */
  {
    GPtrArray *items = vp_cxc_rules_get ()->evidence_items;
    gboolean translated = g_strcmp0 (_("%s Received Today"), "%s Received Today") != 0;

    g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (evidence_items));
    for (guint i = 0; i < items->len; i++)
      {
        const VpCxcEvidenceItem *item = g_ptr_array_index (items, i);

        g_assert_cmpstr (item->item, ==, evidence_items[i]);
        g_assert_cmpstr (vp_cxc_evidence_item_get_label (item), ==, evidence_label (i));
        if (translated)
          g_assert_cmpstr (evidence_label (i), !=, item->label);
      }
  }

  /* after the due day the rules give: 30 days after 16 April 2027 */
  g_setenv ("VISIT_PLANNER_TODAY", "2027-06-01", TRUE);
  snapshot = load (fixture);
  budget = vp_budget_new (snapshot, NULL);
  vp_programme_context_set_budget (fixture->context, budget);
  page = show_page (fixture);
  model = get_model (page);

  /* the first rows: Helsinki Laserworks Oy has handed in nothing */
  position = find_row (model, "Helsinki Laserworks Oy");
  g_assert_cmpint (position, ==, 0);
  {
    g_autofree char *missing = g_strdup_printf (ngettext ("%u missing", "%u missing", 4), 4);
    g_autofree char *labels = g_strjoin (", ", evidence_label (0), evidence_label (1),
                                         evidence_label (2), evidence_label (3), NULL);
    g_autofree char *detail = g_strdup_printf (_("Missing: %s; it was due on %s"), labels,
                                               "2027-05-14");

    g_assert_cmpstr (cell_text (page, 6, 0), ==, missing);
    cell = cell_widget (page, 6, 0);
    g_assert_true (gtk_widget_has_css_class (cell, "error"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, detail);
  }

  /* Photonics Finland has all but the outcomes: editing its city keeps them */
  g_assert_true (vp_organisations_page_show_organisation (VP_ORGANISATIONS_PAGE (page),
                                                          "photonics-finland"));
  editor = find_toplevel (type);
  row = find_named (GTK_WIDGET (editor), "closing-report");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-04-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor),
                                                                    "outcomes"))), ==, "");
  {
    g_autofree char *description =
      g_strdup_printf (_("What its partnership needs after the exchange, due on %s: the day "
                         "each item arrived (YYYY-MM-DD), empty while it is missing"),
                       "2027-05-14");

    g_assert_cmpstr (adw_preferences_group_get_description (
                       get_child (editor, type, "closing_kit_group")), ==, description);
  }
  set_text (editor, type, "city_row", "Espoo");
  g_assert_true (vp_organisation_editor_flush (editor));
  day = received (fixture, "photonics-finland", "hotel-invoices");
  g_assert_cmpstr (day, ==, "2027-04-19");
  g_clear_pointer (&day, g_free);
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);

  /* Helsinki Laserworks: a day typed, a day refused, today, cleared */
  g_assert_true (vp_organisations_page_show_organisation (VP_ORGANISATIONS_PAGE (page),
                                                          "helsinki-laserworks"));
  editor = find_toplevel (type);
  row = find_named (GTK_WIDGET (editor), "hotel-invoices");
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-13-01");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* not a day: nothing saved */
  vp_organisation_editor_flush (editor);
  day = received (fixture, "helsinki-laserworks", "hotel-invoices");
  g_assert_null (day);
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-05-03");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  set_text (editor, type, "goals_row", "A distributor in the Baltics");
  g_assert_true (vp_organisation_editor_flush (editor));
  day = received (fixture, "helsinki-laserworks", "hotel-invoices");
  g_assert_cmpstr (day, ==, "2027-05-03");
  g_clear_pointer (&day, g_free);

  for (guint i = 0; i < 4; i++)
    {
      /* the items of the rules, in the order of the rows */
      static const guint order[] = { 0, 1, 3, 2 };
      g_autofree char *tooltip = g_strdup_printf (_("%s Received Today"),
                                                  evidence_label (order[i]));

      row = find_named (GTK_WIDGET (editor), evidence_items[order[i]]);
      button = find_button (row, tooltip);
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-06-01");
  g_assert_true (vp_organisation_editor_flush (editor));
  day = received (fixture, "helsinki-laserworks", "outcomes");
  g_assert_cmpstr (day, ==, "2027-06-01");
  g_clear_pointer (&day, g_free);
  {
    g_autoptr(VpSnapshot) saved = load (fixture);

    g_assert_cmpstr (vp_organisation_get_goals (vp_snapshot_lookup_organisation (
                       saved, "helsinki-laserworks")), ==, "A distributor in the Baltics");
  }
  /* everything handed in: the page says so */
  vp_test_run_main_loop (50);
  g_assert_cmpstr (cell_text (page, 6, 0), ==, C_("closing kit", "Complete"));
  g_assert_false (gtk_widget_has_css_class (cell_widget (page, 6, 0), "error"));

  /* taken back */
  row = find_named (GTK_WIDGET (editor), "closing-report");
  {
    g_autofree char *tooltip = g_strdup_printf (_("%s Not Received"), evidence_label (0));

    button = find_button (row, tooltip);
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_true (vp_organisation_editor_flush (editor));
  day = received (fixture, "helsinki-laserworks", "closing-report");
  g_assert_null (day);
  vp_test_run_main_loop (50);
  {
    g_autofree char *missing = g_strdup_printf (ngettext ("%u missing", "%u missing", 1), 1);

    g_assert_cmpstr (cell_text (page, 6, 0), ==, missing);
  }

  g_unsetenv ("VISIT_PLANNER_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  const char *demo = g_getenv ("DEMO_PROGRAMME");

  vp_test_init (&argc, &argv);

#define ADD_TEST(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  if (demo != NULL)
    ADD_TEST ("/organisations/page/lists-demo", demo, test_lists_demo);
  if (demo != NULL)
    ADD_TEST ("/organisations/editor/closing-kit", demo, test_closing_kit);
  ADD_TEST ("/organisations/page/live-command-line", NULL, test_live_command_line);
  ADD_TEST ("/organisations/page/delete-asks", NULL, test_delete_asks);
  ADD_TEST ("/organisations/editor/add", NULL, test_add);
  ADD_TEST ("/organisations/editor/changed-elsewhere", NULL, test_changed_elsewhere);
  ADD_TEST ("/organisations/participant-editor/picker", NULL, test_participant_picker);

  return g_test_run ();
}

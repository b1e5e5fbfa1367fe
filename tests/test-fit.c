/* test-fit.c: the window's words fit in its language (run it with `meson
 * test --setup de`, and the other languages): every column's title, and
 * every kind and role, shown whole at the widths a window has, and the
 * values of the dialogs' combo rows. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-host-editor.h"
#include "vp-hosts-page.h"
#include "vp-labels.h"
#include "vp-organisation-editor.h"
#include "vp-organisations-page.h"
#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-people-fields.h"
#include "vp-print-dialog.h"
#include "vp-publish-dialog.h"
#include "vp-test-gui.h"

typedef struct
{
  char    *dir;
  VpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  vp_test_reset_last_programme ();
  fixture->store = vp_test_store_new ("fit.db", &fixture->dir);
  g_file_get_contents (g_getenv ("DEMO_PROGRAMME"), &json, NULL, &error);
  g_assert_no_error (error);
  vp_test_import_json (fixture->store, json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vp_test_destroy_toplevels (NULL);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* Every text of a kind of host or organisation, of a role or of needs, in
 * the window's language. */
static GHashTable *
fixed_texts (void)
{
  GHashTable *texts = g_hash_table_new (g_str_hash, g_str_equal);

  for (VpHostKind kind = VP_HOST_KIND_COMPANY; kind <= VP_HOST_KIND_OTHER; kind++)
    g_hash_table_add (texts, (gpointer) vp_people_host_kind_name (kind));
  for (VpOrganisationKind kind = VP_ORGANISATION_KIND_CLUSTER_ORGANISATION;
       kind <= VP_ORGANISATION_KIND_OTHER; kind++)
    g_hash_table_add (texts, (gpointer) vp_organisation_kind_label (kind));
  for (VpParticipantRole role = VP_PARTICIPANT_ROLE_CLUSTER_MANAGER;
       role <= VP_PARTICIPANT_ROLE_OTHER; role++)
    g_hash_table_add (texts, (gpointer) vp_people_role_name (role));
  /* what the participants' Needs column says */
  g_hash_table_add (texts, (gpointer) _("Dietary, access"));
  g_hash_table_add (texts, (gpointer) _("Dietary"));
  g_hash_table_add (texts, (gpointer) _("Access"));
  return texts;
}

typedef struct
{
  GHashTable *texts;
  GString    *cut;
  guint       n_titles;
  guint       n_cells;
} Walk;

/* Notes in @walk->cut each column title of @widget's tree narrower than it
 * asks to be, each cell of a kind or a role narrower than its text, and each
 * table wider than the room it has. */
static void
walk (GtkWidget *widget,
      Walk      *walk_data)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle"))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      int natural;

      /* the title's box: its label and its sort arrow */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      walk_data->n_titles++;
      if (gtk_widget_get_width (child) < natural)
        {
          GtkWidget *label = gtk_widget_get_first_child (child);

          g_string_append_printf (walk_data->cut, "title “%s”: %d of %d pixels; ",
                                  GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label))
                                                       : "?",
                                  gtk_widget_get_width (child), natural);
        }
      return;
    }

  /* the names of the pages in the bar of a phone-wide window */
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL)
    {
      walk_data->n_titles++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (walk_data->cut, "page name “%s”; ",
                                gtk_label_get_text (GTK_LABEL (widget)));
      return;
    }

  /* a table wider than its window, scrolled sideways */
  if (GTK_IS_SCROLLED_WINDOW (widget) &&
      GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));
      double over = gtk_adjustment_get_upper (adjustment) -
                    gtk_adjustment_get_page_size (adjustment);

      if (over > 1)
        g_string_append_printf (walk_data->cut, "the table is %.0f pixels wider than its window; ",
                                over);
    }

  if (GTK_IS_INSCRIPTION (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (text != NULL && g_hash_table_contains (walk_data->texts, text))
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
          int width;

          pango_layout_get_pixel_size (layout, &width, NULL);
          walk_data->n_cells++;
          if (width > gtk_widget_get_width (widget))
            g_string_append_printf (walk_data->cut, "cell “%s”: %d of %d pixels; ",
                                    text, gtk_widget_get_width (widget), width);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, walk_data);
}

static void
test_tables (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *const pages[] = { "participants", "organisations", "hosts" };
  static const int widths[] = { 1280, 1100, 900, 360 };
  g_autoptr(GHashTable) texts = fixed_texts ();
  guint n_titles = 0;
  guint n_cells = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      VpWindow *window = vp_test_show_window (fixture->store, widths[w]);

      adw_leaflet_navigate (ADW_LEAFLET (vp_test_get_widget (window, "leaflet")),
                            ADW_NAVIGATION_DIRECTION_FORWARD);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          Walk walk_data = { texts, g_string_new (NULL), 0, 0 };
          g_autofree char *cut = NULL;

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                                     pages[p]));
          vp_test_run_main_loop (500);
          walk (vp_test_get_widget (window, pages[p]), &walk_data);
          walk (vp_test_get_widget (window, "switcher-bar"), &walk_data);
          cut = g_string_free (walk_data.cut, FALSE);
          if (*cut != '\0')
            g_error ("%s at %d pixels: %s", pages[p], widths[w], cut);
          g_test_message ("%s at %d pixels: %u titles, %u cells of kinds and roles", pages[p],
                          widths[w], walk_data.n_titles, walk_data.n_cells);
          /* the name and at least one other column */
          g_assert_cmpuint (walk_data.n_titles, >=, 2);
          n_titles += walk_data.n_titles;
          n_cells += walk_data.n_cells;
        }
      gtk_window_destroy (GTK_WINDOW (window));
      vp_test_run_main_loop (100);
    }

  g_test_message ("%u titles and %u cells of kinds and roles checked", n_titles, n_cells);
  /* the demo's hosts and organisations have kinds the wide tables show */
  g_assert_cmpuint (n_cells, >=, 20);
}

/* The labels in @widget's combo rows that are cut short, in @cut. */
static void
find_cut_values (GtkWidget *widget,
                 gboolean   in_combo_row,
                 GString   *cut,
                 guint     *n_labels)
{
  if (!gtk_widget_get_visible (widget) || GTK_IS_POPOVER (widget))
    return;

  in_combo_row = in_combo_row || ADW_IS_COMBO_ROW (widget);
  if (in_combo_row && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      (*n_labels)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (cut, "“%s”; ", gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_values (child, in_combo_row, cut, n_labels);
}

/* Checks the combo rows of the dialog of @type now shown, then closes it. */
static guint
check_dialog (GType       type,
              const char *what)
{
  GtkWindow *dialog = vp_test_wait_for_toplevel (type);
  g_autoptr(GString) cut = g_string_new (NULL);
  guint n_labels = 0;

  g_assert_nonnull (dialog);
  vp_test_run_main_loop (500);
  find_cut_values (GTK_WIDGET (dialog), FALSE, cut, &n_labels);
  if (cut->len > 0)
    g_error ("%s: values cut short: %s", what, cut->str);
  g_test_message ("%s: %u labels of combo rows", what, n_labels);
  gtk_window_destroy (dialog);
  vp_test_run_main_loop (100);
  return n_labels;
}

/* The values of the dialogs' combo rows are whole: kinds, roles, layouts,
 * languages, kinds of calendar server. */
static void
test_combo_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  VpWindow *window;
  GtkWidget *page;
  guint n_labels = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1280);
  adw_leaflet_navigate (ADW_LEAFLET (vp_test_get_widget (window, "leaflet")),
                        ADW_NAVIGATION_DIRECTION_FORWARD);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hosts"));
  vp_test_run_main_loop (300);
  page = vp_test_get_widget (window, "hosts");
  /* a public body: “Öffentliche Einrichtung” */
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), "santara-park"));
  n_labels += check_dialog (VP_TYPE_HOST_EDITOR, "host editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "organisations"));
  vp_test_run_main_loop (300);
  page = vp_test_get_widget (window, "organisations");
  g_assert_true (vp_organisations_page_show_organisation (VP_ORGANISATIONS_PAGE (page),
                                                          "photonics-finland"));
  n_labels += check_dialog (VP_TYPE_ORGANISATION_EDITOR, "organisation editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "participants"));
  vp_test_run_main_loop (300);
  page = vp_test_get_widget (window, "participants");
  g_assert_true (vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (page),
                                                        "aino-makela"));
  n_labels += check_dialog (VP_TYPE_PARTICIPANT_EDITOR, "participant editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  n_labels += check_dialog (VP_TYPE_PRINT_DIALOG, "Export PDF");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-settings", NULL));
  n_labels += check_dialog (VP_TYPE_PUBLISH_DIALOG, "publishing");

  /* each dialog's rows' titles and values at least */
  g_assert_cmpuint (n_labels, >=, 10);
}

/* How many buttons for New Programme @widget's tree shows. */
static guint
count_new_programme (GtkWidget *widget)
{
  guint n = GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       "win.new-programme") == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_new_programme (child);
  return n;
}

/* The list of programmes in a phone-wide window: its title whole, also
 * with minimise and maximise beside close (New Programme then goes to the
 * main menu), and New Programme in the header with close alone. */
static void
test_sidebar_title (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const layouts[] = { "menu:minimize,maximize,close", "appmenu:close",
                                         "close,minimize,maximize:menu" };
  GtkSettings *settings;
  g_autofree char *saved = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  settings = gtk_settings_get_default ();
  g_object_get (settings, "gtk-decoration-layout", &saved, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      VpWindow *window;
      GtkWidget *title;

      g_object_set (settings, "gtk-decoration-layout", layouts[i], NULL);
      window = vp_test_show_window (fixture->store, 360);
      vp_test_run_main_loop (300);
      g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (vp_test_get_widget (window,
                                                                              "leaflet"))));
      title = vp_test_find_label (GTK_WIDGET (window), _("Programmes"));
      g_assert_nonnull (title);
      g_test_message ("%s: title %d pixels", layouts[i], gtk_widget_get_width (title));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))))
        g_error ("with “%s”, the title is cut to %d pixels", layouts[i],
                 gtk_widget_get_width (title));
      /* with close alone there is room for it in the header */
      g_assert_cmpuint (count_new_programme (GTK_WIDGET (window)), ==, i == 1 ? 1 : 0);
      gtk_window_destroy (GTK_WINDOW (window));
      vp_test_run_main_loop (100);
    }

  g_object_set (settings, "gtk-decoration-layout", saved, NULL);
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

  g_test_add ("/fit/tables", Fixture, NULL, fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/fit/sidebar-title", Fixture, NULL, fixture_set_up, test_sidebar_title,
              fixture_tear_down);
  g_test_add ("/fit/combo-rows", Fixture, NULL, fixture_set_up, test_combo_rows,
              fixture_tear_down);

  return g_test_run ();
}

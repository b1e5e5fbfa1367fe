/* test-polish.c: what the window's polish holds: fields kept through the autosave, the attendee
 * picker at 500 people, the sample programme, the shortcuts window, print and import details. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vp-application.h"
#include "vp-participant-editor.h"
#include "vp-print-dialog.h"
#include "vp-print-operation.h"
#include "vp-table-page.h"
#include "vp-session-attendee.h"
#include "vp-session-editor.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-values.h"
#include "vp-window.h"
#include "vp-window-import.h"

#define PROGRAMME_UID "3d0c3e55-5f1e-4b8e-8f43-6a1b2c3d4e01"

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

  fixture->store = vp_test_store_new ("test-polish", &fixture->dir);
  vp_test_reset_last_programme ();
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

/* A programme document with @n_participants people in @n_organisations
 * organisations (“Organisation 0” …), two hosts and one session. */
static gint64
import_programme (VpStore *store,
                  guint    n_participants,
                  guint    n_organisations)
{
  GString *json = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_string_append_printf (json,
                          "{\n"
                          "  \"format\": \"visit-planner-programme\",\n"
                          "  \"version\": 1,\n"
                          "  \"programme\": {\n"
                          "    \"uid\": \"%s\",\n"
                          "    \"title\": \"Bretagne in Stuttgart\",\n"
                          "    \"status\": \"draft\",\n"
                          "    \"host_country\": \"DE\",\n"
                          "    \"timezone\": \"Europe/Berlin\",\n"
                          "    \"start_date\": \"2027-05-11\",\n"
                          "    \"end_date\": \"2027-05-13\"\n"
                          "  },\n"
                          "  \"hosts\": [\n"
                          "    { \"id\": \"host-0\", \"name\": \"Host 0\" },\n"
                          "    { \"id\": \"host-1\", \"name\": \"Host 1\" }\n"
                          "  ],\n"
                          "  \"participants\": [",
                          PROGRAMME_UID);
  for (guint i = 0; i < n_participants; i++)
    g_string_append_printf (json,
                            "%s\n    { \"id\": \"person-%u\", \"name\": \"Person %03u\","
                            " \"organisation\": \"Organisation %u\" }",
                            i > 0 ? "," : "", i, i, n_organisations > 0 ? i % n_organisations : 0);
  g_string_append (json,
                   "\n  ],\n"
                   "  \"sessions\": [\n"
                   "    { \"id\": \"session-0\", \"title\": \"Welcome\", \"host\": \"host-0\","
                   " \"start\": \"2027-05-11T09:00\", \"end\": \"2027-05-11T10:00\" }\n"
                   "  ]\n"
                   "}\n");
  text = g_string_free (json, FALSE);

  return vp_test_import_json (store, text);
}

/* Coordinates {{{1 */

static gboolean
origin_latitude_is (gpointer data)
{
  gpointer *args = data;
  g_autoptr(VpSnapshot) snapshot = vp_store_load_snapshot (args[0], GPOINTER_TO_INT (args[1]),
                                                            NULL);

  return snapshot != NULL &&
         vp_programme_get_origin_latitude (vp_snapshot_get_programme (snapshot)) ==
         *(double *) args[2];
}

/* Types as a person does: where the cursor is. */
static void
type_text (GtkWidget  *row,
           const char *text)
{
  int position = gtk_editable_get_position (GTK_EDITABLE (row));

  gtk_editable_insert_text (GTK_EDITABLE (row), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (row), position);
}

static void
test_coordinates_through_autosave (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 programme_id;
  VpWindow *window;
  GtkWidget *latitude_row, *longitude_row;
  double expected;
  gpointer args[3];

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  programme_id = import_programme (fixture->store, 3, 1);
  window = vp_test_show_window (fixture->store, 1000);
  latitude_row = vp_test_get_widget (window, "latitude-row");
  longitude_row = vp_test_get_widget (window, "longitude-row");

  /* both are needed for the position to be saved */
  gtk_editable_set_text (GTK_EDITABLE (longitude_row), "9.18");

  gtk_widget_grab_focus (latitude_row);
  vp_test_run_main_loop (100);
  type_text (latitude_row, "-3,4");
  /* the pause in which the autosave writes -3.4 and the page reads it back */
  expected = -3.4;
  args[0] = fixture->store;
  args[1] = GINT_TO_POINTER ((int) programme_id);
  args[2] = &expected;
  g_assert_true (vp_test_wait_for (origin_latitude_is, args));
  vp_test_run_main_loop (2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (latitude_row)), ==, "-3,4");

  type_text (latitude_row, "6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (latitude_row)), ==, "-3,46");
  expected = -3.46;
  g_assert_true (vp_test_wait_for (origin_latitude_is, args));
  vp_test_run_main_loop (1000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (latitude_row)), ==, "-3,46");

  /* once the user has left the field, it shows the stored number, without float noise */
  gtk_widget_grab_focus (longitude_row);
  gtk_editable_set_text (GTK_EDITABLE (longitude_row), "60.1699");
  vp_test_run_main_loop (1500);
  gtk_widget_grab_focus (vp_test_get_widget (window, "title-row"));
  vp_test_run_main_loop (300);
  {
    g_autoptr(VpSnapshot) snapshot = vp_test_load_snapshot (fixture->store, programme_id);

    g_assert_cmpfloat (vp_programme_get_origin_longitude (vp_snapshot_get_programme (snapshot)),
                       ==, 60.1699);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (longitude_row)), ==, "60.1699");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dialogs fit the window {{{1 */

static void
test_dialogs_fit_window (Fixture       *fixture,
                         gconstpointer  data)
{
  VpWindow *window;
  GtkWidget *page, *editor;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, 3, 1);
  /* the programme is shown wide, then the window narrowed to a phone's width */
  window = vp_test_show_window (fixture->store, 1000);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  vp_test_run_main_loop (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);

  /* the participant editor asks for 600 pixels */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "participants");
  vp_test_run_main_loop (300);
  page = vp_test_get_widget (window, "participants");
  g_assert_true (gtk_widget_activate_action (page, "participants.add", NULL));
  editor = vp_test_wait_for_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  g_assert_nonnull (editor);
  vp_test_run_main_loop (500);
  g_assert_cmpint (gtk_widget_get_width (editor), >, 0);
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* and it keeps its own size over a wide window */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  vp_test_run_main_loop (500);
  g_assert_true (gtk_widget_activate_action (page, "participants.add", NULL));
  editor = vp_test_wait_for_toplevel (VP_TYPE_PARTICIPANT_EDITOR);
  vp_test_run_main_loop (500);
  g_assert_cmpint (gtk_widget_get_width (editor), >, 500);
  gtk_window_destroy (GTK_WINDOW (editor));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open Folder after exporting calendars {{{1 */

static void
test_export_open_folder (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDir) dir = NULL;
  VpWindow *window;
  GtkWidget *chooser, *button;
  GVariant *target;
  guint n_files = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, 3, 1);
  window = vp_test_show_window (fixture->store, 1000);

  folder = g_build_filename (fixture->dir, "calendars", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  file = g_file_new_for_path (folder);
  uri = g_file_get_uri (file);

  /* Export, Every Participant's Calendar: the chooser (a dialog without a portal) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-calendar", "s",
                                             "folder"));
  chooser = vp_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  /* in a folder chooser, the folder shown is the one chosen */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL));
  vp_test_run_main_loop (500);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* the toast says how many, and its button opens the folder */
  button = vp_test_wait_for_button (GTK_WIDGET (window), _("Open _Folder"));
  if (button == NULL)
    {
      AdwMessageDialog *message = vp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

      g_test_message ("no toast: %s", message != NULL ? adw_message_dialog_get_body (message) : "");
    }
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.open-exported");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);

  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; n_files++)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpuint (n_files, ==, 3);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print and Export PDF suggest the selected participant {{{1 */

static void
test_print_suggests_selected (Fixture       *fixture,
                              gconstpointer  data)
{
  VpWindow *window;
  GtkWidget *page;
  GtkColumnView *column_view;
  VpPrintDialog *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, 5, 2);
  window = vp_test_show_window (fixture->store, 1000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "participants");
  vp_test_run_main_loop (300);
  page = vp_test_get_widget (window, "participants");
  column_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, VP_TYPE_TABLE_PAGE,
                                                                "column_view"));
  /* the third participant, not the first */
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 2, TRUE);
  vp_test_run_main_loop (100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  dialog = vp_test_wait_for_toplevel (VP_TYPE_PRINT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (vp_print_dialog_get_content (dialog), ==, VP_PRINT_CONTENT_PARTICIPANT);
  g_assert_cmpstr (vp_print_dialog_get_subject (dialog), ==, "person-2");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* and the print dialog's Layout tab: that participant's agenda */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  {
    GType print_dialog_type = g_type_from_name ("GtkPrintUnixDialog");
    GtkWidget *print_dialog = vp_test_wait_for_toplevel (print_dialog_type != 0
                                                         ? print_dialog_type : GTK_TYPE_DIALOG);
    GtkWidget *tab, *layout, *subject;

    g_assert_nonnull (print_dialog);
    tab = vp_test_find_widget (print_dialog, "print-layout-tab");
    g_assert_nonnull (tab);
    layout = vp_test_find_widget (tab, "print-layout");
    subject = vp_test_find_widget (tab, "print-subject");
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (layout)), ==,
                      VP_PRINT_CONTENT_PARTICIPANT);
    g_assert_cmpstr (vp_print_subject_drop_down_get_ref (GTK_DROP_DOWN (subject)), ==,
                     "person-2");
    gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
    vp_test_run_main_loop (300);
    vp_test_destroy_toplevels (GTK_WINDOW (window));
  }

  /* nothing selected: the first, as before */
  gtk_selection_model_unselect_all (gtk_column_view_get_model (column_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  dialog = vp_test_wait_for_toplevel (VP_TYPE_PRINT_DIALOG);
  g_assert_cmpstr (vp_print_dialog_get_subject (dialog), ==, "person-0");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window lists what the window binds {{{1 */

static const char * const our_prefixes[] = {
  "win.", "participants.", "organisations.", "hosts.", "agenda.", "agenda-grid.", "editor.",
};

static gboolean
is_ours (GtkWidget  *widget,
         const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (our_prefixes); i++)
    if (g_str_has_prefix (action, our_prefixes[i]))
      return TRUE;

  /* “window.close” is GTK's action, bound to Ctrl+W by the window */
  return g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Vp") &&
         g_str_equal (action, "window.close");
}

/* The keys bound to the application's actions in and under @widget, as
 * accelerator names (“<Control><Shift>n”); the keypad's twins left out. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bindings)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          guint keyval;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action) ||
              !is_ours (widget, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          if (keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_KP_Enter)
            continue;
          g_hash_table_add (bindings,
                            gtk_accelerator_name (keyval, gtk_keyval_trigger_get_modifiers (
                                                    GTK_KEYVAL_TRIGGER (trigger))));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, bindings);
}

/* The accelerators the shortcuts window lists, as accelerator names. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerators, NULL);
      each = g_strsplit (accelerators != NULL ? accelerators : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          if (*each[i] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (each[i], &keyval, &modifiers));
          g_hash_table_add (listed, gtk_accelerator_name (keyval, modifiers));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* The accelerator a menu item for @action shows beside it, when the menu
 * opens from @parent. */
static char *
shown_accelerator (GtkWidget  *parent,
                   const char *action)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;
  GtkWidget *button = NULL;
  char *accel = NULL;

  g_menu_append (menu, "Item", action);
  /* its items know their action, and the key, once it has a parent: no
   * need to show it */
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, parent);
  vp_test_run_main_loop (100);

  /* GtkModelButton, GTK's own, by its properties */
  for (GtkWidget *widget = popover; widget != NULL && button == NULL;)
    {
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "accel") != NULL)
        button = widget;
      else if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != popover && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget != NULL && widget != popover ? gtk_widget_get_next_sibling (widget) : NULL;
        }
    }
  g_assert_nonnull (button);
  g_object_get (button, "accel", &accel, NULL);

  gtk_widget_unparent (popover);
  return accel;
}

/* Where GTK shows a key beside an action, it is Delete or Return, not the
 * keypad's twin bound last (“KP Delete”). */
static void
test_no_keypad_accelerators (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const pages[] = { "participants", "organisations", "hosts" };
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, 3, 1);
  window = vp_test_show_window (fixture->store, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strconcat (pages[i], ".delete", NULL);
      g_autofree char *accel = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]);
      vp_test_run_main_loop (200);
      accel = shown_accelerator (vp_test_get_widget (window, pages[i]), action);
      g_assert_cmpstr (accel, ==, "Delete");
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "agenda");
  vp_test_run_main_loop (300);
  {
    GtkWidget *grid = vp_test_get_widget (window, "agenda_grid");
    g_autofree char *delete = shown_accelerator (grid, "agenda-grid.delete");
    g_autofree char *activate = shown_accelerator (grid, "agenda-grid.activate");

    g_assert_cmpstr (delete, ==, "Delete");
    g_assert_cmpstr (activate, ==, "Return");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help_overlay (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  static const char * const expected[] = {
    "<Control><Shift>n", "Insert", "<Control>Up", "<Control>Left", "<Control>Right",
    "<Control><Shift>f", "Delete", "<Control>Return", "<Alt>Page_Down",
  };
  GHashTableIter iter;
  const char *accelerator;
  GtkWidget *overlay;
  VpSessionEditor *editor;
  VpWindow *window;
  gint64 programme_id;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  programme_id = import_programme (fixture->store, 3, 1);
  window = vp_test_show_window (fixture->store, 1000);
  collect_bindings (GTK_WIDGET (window), bound);
  snapshot = vp_test_load_snapshot (fixture->store, programme_id);
  editor = vp_session_editor_new (fixture->store, snapshot,
                                  g_ptr_array_index (vp_snapshot_get_sessions (snapshot), 0));
  collect_bindings (GTK_WIDGET (editor), bound);
  gtk_window_destroy (GTK_WINDOW (editor));

  builder = gtk_builder_new_from_resource ("/io/github/visitplanner/VisitPlanner/gtk/"
                                           "help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  collect_listed (overlay, listed);

  /* what the issue found missing */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = NULL;
      GdkModifierType modifiers;
      guint keyval;

      g_assert_true (gtk_accelerator_parse (expected[i], &keyval, &modifiers));
      name = gtk_accelerator_name (keyval, modifiers);
      g_test_message ("expected %s", name);
      g_assert_true (g_hash_table_contains (bound, name));
      g_assert_true (g_hash_table_contains (listed, name));
    }
  /* and whatever else the window binds */
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accelerator, NULL))
    {
      if (!g_hash_table_contains (listed, accelerator))
        g_test_message ("bound but not in the shortcuts window: %s", accelerator);
      g_assert_true (g_hash_table_contains (listed, accelerator));
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text that is not cut short {{{1 */

static const char *
page_title (VpWindow   *window,
            const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (vp_test_get_widget (window, "view-stack"));

  return adw_view_stack_page_get_title (adw_view_stack_get_page (stack,
                                                                 adw_view_stack_get_child_by_name (
                                                                   stack, name)));
}

static gboolean
participants_titled (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (page_title (args[0], "participants"), args[1]) == 0;
}

static void
test_text_fits (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *columns;
  GtkWidget *page;
  GtkColumnView *column_view;
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_autoptr(GtkColumnViewColumn) organisation = NULL;
  VpWindow *window;
  gpointer args[2];
  int table_width;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  import_programme (fixture->store, 5, 2);
  window = vp_test_show_window (fixture->store, 1400);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "participants");
  vp_test_run_main_loop (500);

  /* the Name column does not take half the table while Organisation is cut */
  page = vp_test_get_widget (window, "participants");
  column_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, VP_TYPE_TABLE_PAGE,
                                                                "column_view"));
  table_width = gtk_widget_get_width (GTK_WIDGET (column_view));
  columns = gtk_column_view_get_columns (column_view);
  name = g_list_model_get_item (columns, 0);
  organisation = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (organisation), ==, _("Organisation"));
  g_assert_true (gtk_column_view_column_get_visible (organisation));
  g_test_message ("table %d, name %d, organisation %d", table_width,
                  gtk_column_view_column_get_fixed_width (name),
                  gtk_column_view_column_get_fixed_width (organisation));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (name), <, table_width / 2);
  /* the room the other columns leave, in any language, shared: the
   * organisation as wide as the name at least, and wider than it starts */
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (organisation), >=,
                   gtk_column_view_column_get_fixed_width (name));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (organisation), >, 200);

  /* the bar at the bottom of a phone-wide window: short names, not “Participa…” */
  g_assert_cmpstr (page_title (window, "participants"), ==, _("Participants"));
  g_assert_cmpstr (page_title (window, "organisations"), ==, _("Organisations"));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  vp_test_run_main_loop (800);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
                   gtk_widget_get_ancestor (vp_test_find_widget (GTK_WIDGET (window),
                                                                 "switcher-bar"),
                                            ADW_TYPE_VIEW_SWITCHER_BAR))));
  g_assert_cmpstr (page_title (window, "participants"), ==, C_("page", "People"));
  g_assert_cmpstr (page_title (window, "organisations"), ==, C_("page", "Orgs"));
  /* and long again once the window is wide */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 700);
  args[0] = window;
  args[1] = (gpointer) _("Participants");
  g_assert_true (vp_test_wait_for (participants_titled, args));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
                    vp_test_find_widget (GTK_WIDGET (window), "switcher-bar"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The attendee picker {{{1 */

/* What the picker says of @attending ticked of @total, @shown of them in
 * its list (0 for all): “99 of 500 attending, 1 shown”, in the window's
 * language. */
static char *
attending_text (guint attending,
                guint total,
                guint shown)
{
  g_autofree char *text = g_strdup_printf (ngettext ("%u of %u attending", "%u of %u attending",
                                                     total),
                                           attending, total);

  if (shown == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf (ngettext ("%s, %u shown", "%s, %u shown", shown), text, shown);
}

/* The check buttons the list view has made: as many as it shows, not one a person. */
static guint
count_checks (GtkWidget *root)
{
  guint count = GTK_IS_CHECK_BUTTON (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_checks (child);

  return count;
}

static gboolean
session_has_attendees (gpointer data)
{
  gpointer *args = data;
  g_autoptr(VpSnapshot) snapshot = vp_store_load_snapshot (args[0], GPOINTER_TO_INT (args[1]),
                                                            NULL);
  VpSession *session = g_ptr_array_index (vp_snapshot_get_sessions (snapshot), 0);

  return !vp_session_get_attendees_all (session) &&
         vp_session_get_attendees (session)->len == GPOINTER_TO_UINT (args[2]);
}

static void
test_attendee_picker (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpSnapshot) saved = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  VpSessionEditor *editor;
  GtkWidget *leaflet, *row, *list, *dropdown, *search;
  GListModel *shown;
  GPtrArray *attendees;
  VpSession *session;
  gint64 programme_id;
  gpointer args[3];
  g_autofree char *none = attending_text (0, 500, 0);
  g_autofree char *none_10_shown = attending_text (0, 500, 10);
  g_autofree char *all_shown = attending_text (100, 500, 100);
  g_autofree char *one_out_shown = attending_text (99, 500, 1);
  g_autofree char *one_out = attending_text (99, 500, 0);

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  programme_id = import_programme (fixture->store, 500, 5);
  snapshot = vp_test_load_snapshot (fixture->store, programme_id);
  session = g_ptr_array_index (vp_snapshot_get_sessions (snapshot), 0);
  g_assert_true (vp_session_get_attendees_all (session));

  g_timer_start (timer);
  editor = vp_session_editor_new (fixture->store, snapshot, session);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  gtk_window_present (GTK_WINDOW (editor));
  vp_test_run_main_loop (300);
  g_test_message ("the editor opened on 500 participants in %.0f ms",
                  g_timer_elapsed (timer, NULL) * 1000 - 300);

  /* everyone attends: there is nothing to pick */
  row = vp_test_get_widget (editor, "attendees_row");
  g_assert_false (gtk_widget_get_visible (row));
  gtk_switch_set_active (GTK_SWITCH (vp_test_get_widget (editor, "everyone_switch")), FALSE);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, none);

  /* the picker is a page of the editor, not a list inside its form */
  leaflet = vp_test_get_widget (editor, "session_leaflet");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "main");
  g_signal_emit_by_name (row, "activated");
  vp_test_run_main_loop (500);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "attendees");
  list = vp_test_get_widget (editor, "attendee_list");
  g_assert_true (gtk_widget_get_mapped (list));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 500);
  /* a list view: it makes rows for what is near the view (GTK 4.8 keeps
   * about 200), not one for each of the 500 */
  g_assert_cmpuint (count_checks (list), >, 0);
  g_assert_cmpuint (count_checks (list), <=, 250);
  g_assert_cmpstr (vp_test_get_label (editor, "attendee_count"), ==, none);

  /* search */
  search = vp_test_get_widget (editor, "attendee_search");
  gtk_editable_set_text (GTK_EDITABLE (search), "person 04");
  vp_test_run_main_loop (500);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  g_assert_cmpstr (vp_test_get_label (editor, "attendee_count"), ==, none_10_shown);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  vp_test_run_main_loop (500);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 500);

  /* all of one organisation: the dropdown lists them by name after “All” */
  dropdown = vp_test_get_widget (editor, "organisation_dropdown");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))),
                    ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (
                     GTK_DROP_DOWN (dropdown))), 4), ==, "Organisation 3");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 4);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);
  g_timer_start (timer);
  g_signal_emit_by_name (vp_test_get_widget (editor, "select_all_button"), "clicked");
  g_test_message ("Select All ticked 100 of 500 in %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpstr (vp_test_get_label (editor, "attendee_count"), ==, all_shown);
  /* and one of them out again, found by a search within the organisation */
  gtk_editable_set_text (GTK_EDITABLE (search), "person 003");
  vp_test_run_main_loop (500);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_signal_emit_by_name (vp_test_get_widget (editor, "select_none_button"), "clicked");
  g_assert_cmpstr (vp_test_get_label (editor, "attendee_count"), ==, one_out_shown);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  vp_test_run_main_loop (300);
  g_assert_cmpstr (vp_test_get_label (editor, "attendee_count"), ==, one_out);

  /* back: the count on the row that opens the page */
  gtk_widget_activate_action (vp_test_get_widget (editor, "attendees_back_button"),
                              "editor.show-main", NULL);
  vp_test_run_main_loop (500);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "main");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, one_out);

  /* saved, as the editor saves: those 99, all of Organisation 3 */
  args[0] = fixture->store;
  args[1] = GINT_TO_POINTER ((int) programme_id);
  args[2] = GUINT_TO_POINTER (99);
  g_assert_true (vp_test_wait_for (session_has_attendees, args));
  saved = vp_test_load_snapshot (fixture->store, programme_id);
  attendees = vp_session_get_attendees (g_ptr_array_index (vp_snapshot_get_sessions (saved), 0));
  for (guint i = 0; i < attendees->len; i++)
    {
      const char *ref = g_ptr_array_index (attendees, i);
      guint number = (guint) g_ascii_strtoull (ref + strlen ("person-"), NULL, 10);

      g_assert_cmpuint (number % 5, ==, 3);
      g_assert_cmpuint (number, !=, 3);
    }

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The sample programme {{{1 */

static void
first_start_activate_cb (GApplication *application,
                         gpointer      data)
{
  VpStore *store = vp_application_get_store (VP_APPLICATION (application));
  GtkWindow *window;
  GtkWidget *button;
  GListModel *programmes;
  g_autoptr(VpProgramme) programme = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  gboolean *checked = data;
  /* what the window puts before the sample's own title: “Sample: ” */
  const char *sample = _("Sample: %s");
  g_autofree char *sample_prefix = g_strndup (sample, strstr (sample, "%s") - sample);

  vp_test_run_main_loop (300);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_nonnull (window);

  /* a new database starts empty, with the empty state offering the sample */
  programmes = vp_store_get_programmes (store);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (vp_test_get_widget (window,
                                                                                    "main-stack"))),
                   ==, "empty");
  button = vp_test_get_widget (window, "open-sample-button");
  g_assert_true (gtk_widget_get_mapped (button));

  /* opened on purpose, it says it is a sample and is no confirmed programme */
  g_signal_emit_by_name (button, "clicked");
  vp_test_run_main_loop (300);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);
  programme = g_list_model_get_item (programmes, 0);
  g_assert_cmpuint (strlen (sample_prefix), >, 0);
  g_assert_true (g_str_has_prefix (vp_programme_get_title (programme), sample_prefix));
  g_assert_cmpint (vp_programme_get_status (programme), ==, VP_PROGRAMME_STATUS_DRAFT);
  snapshot = vp_test_load_snapshot (store, vp_programme_get_id (programme));
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, >, 0);
  /* and the window shows it, its title in the heading */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (vp_test_get_widget (window,
                                                                                    "main-stack"))),
                   !=, "empty");
  g_assert_cmpstr (vp_test_get_label (window, "programme-heading"), ==,
                   vp_programme_get_title (programme));

  /* a second one is a programme of its own */
  g_assert_cmpint (vp_window_import_sample (store, NULL), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 2);

  *checked = TRUE;
  gtk_window_destroy (window);
}

static void
test_first_start (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpApplication) application = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean checked = FALSE;
  char *argv[4];

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dir = g_dir_make_tmp ("vp-first-start-XXXXXX", NULL);
  path = g_build_filename (dir, "visits.db", NULL);
  argv[0] = (char *) "visit-planner";
  argv[1] = (char *) "--database";
  argv[2] = path;
  argv[3] = NULL;

  application = vp_application_new ();
  g_signal_connect_after (application, "activate", G_CALLBACK (first_start_activate_cb),
                          &checked);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 3, argv), ==, 0);
  g_assert_true (checked);

  g_clear_object (&application);
  vp_test_clear_dir (&dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/polish/overview/coordinates-through-autosave", test_coordinates_through_autosave);
  ADD_TEST ("/polish/sample/first-start", test_first_start);
  ADD_TEST ("/polish/session/attendee-picker", test_attendee_picker);
  ADD_TEST ("/polish/dialogs/fit-window", test_dialogs_fit_window);
  ADD_TEST ("/polish/export/open-folder", test_export_open_folder);
  ADD_TEST ("/polish/print/suggests-selected", test_print_suggests_selected);
  ADD_TEST ("/polish/help-overlay/lists-bindings", test_help_overlay);
  ADD_TEST ("/polish/shortcuts/no-keypad-accelerators", test_no_keypad_accelerators);
  ADD_TEST ("/polish/text/fits", test_text_fits);

#undef ADD_TEST

  return g_test_run ();
}

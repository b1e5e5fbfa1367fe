/* test-history-window.c: the window's undo history driven through its real widgets: moves, editor
 * edits and deletions undone after their toast has gone, redone, refused over another program's
 * change; the Delete key on a table's rows; the question before deleting what is in use. */

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <string.h>

#include "vp-agenda-grid.h"
#include "vp-agenda-page.h"
#include "vp-host-editor.h"
#include "vp-import-dialog.h"
#include "vp-hosts-page.h"
#include "vp-participants-page.h"
#include "vp-session-editor.h"
#include "vp-table-page.h"
#include "vp-table-row.h"
#include "vp-test-gui.h"
#include "vp-window.h"
#include "vp-window-import.h"

#define UID "3a7d1c52-7f0e-4b8c-a1a4-5b2f0c9e7d10"

static const char programme[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\", \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"" UID "\",\n"
  "    \"title\": \"Photonics Bretagne in Stuttgart\", \"status\": \"confirmed\",\n"
  "    \"host_country\": \"DE\", \"timezone\": \"Europe/Berlin\",\n"
  "    \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-15\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"ifsw\", \"name\": \"Institut für Strahlwerkzeuge\", \"kind\": \"research\" },\n"
  "    { \"id\": \"trumpf\", \"name\": \"Trumpf\", \"kind\": \"company\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"anne\", \"name\": \"Anne Le Goff\", \"email\": \"anne@example.fr\" },\n"
  "    { \"id\": \"yann\", \"name\": \"Yann Morvan\", \"email\": \"yann@example.fr\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"uid\": \"s1-uid\", \"title\": \"Welcome\", \"host\": \"ifsw\",\n"
  "      \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T09:30\" },\n"
  "    { \"id\": \"s2\", \"uid\": \"s2-uid\", \"title\": \"Lab tour\", \"host\": \"ifsw\",\n"
  "      \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\",\n"
  "      \"attendees\": [\"anne\"] },\n"
  "    { \"id\": \"s3\", \"uid\": \"s3-uid\", \"title\": \"Factory visit\", \"host\": \"trumpf\",\n"
  "      \"start\": \"2027-04-14T09:00\", \"end\": \"2027-04-14T12:00\" }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char     *dir;
  VpStore  *store;
  gint64    programme_id;
  VpWindow *window;
} Fixture;

/* Helpers {{{1 */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-history-window", &fixture->dir);
  vp_test_reset_last_programme ();
  fixture->programme_id = vp_test_import_json (fixture->store, programme);
  fixture->window = vp_test_show_window (fixture->store, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
  fixture->window = NULL;
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

static VpSnapshot *
load (Fixture *fixture)
{
  return vp_test_load_snapshot (fixture->store, fixture->programme_id);
}

static char *
stored_start (Fixture    *fixture,
              const char *uid)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);
  VpSession *session = vp_snapshot_lookup_session_by_uid (snapshot, uid);

  g_assert_nonnull (session);
  return g_strdup (vp_session_get_start (session));
}

static char *
stored_host_name (Fixture    *fixture,
                  const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);
  VpHost *host = vp_snapshot_lookup_host (snapshot, ref);

  return host != NULL ? g_strdup (vp_host_get_name (host)) : NULL;
}

static char *
stored_session_host (Fixture    *fixture,
                     const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);

  return g_strdup (vp_session_get_host_ref (vp_snapshot_lookup_session (snapshot, ref)));
}

/* The first widget of @type under @root. */
static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             name));
  vp_test_run_main_loop (100);
  return vp_test_get_widget (fixture->window, name);
}

/* Whether the window's action @name is enabled, as its menus and
 * shortcuts see it. */
static gboolean
action_enabled (Fixture    *fixture,
                const char *name)
{
  GtkWidget *button = gtk_button_new ();
  gboolean sensitive;

  /* a button bound to the action is sensitive exactly when it is enabled */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  adw_header_bar_pack_end (ADW_HEADER_BAR (find_by_type (GTK_WIDGET (fixture->window),
                                                         ADW_TYPE_HEADER_BAR)), button);
  vp_test_run_main_loop (20);
  sensitive = gtk_widget_get_sensitive (button);
  gtk_widget_unparent (button);
  return sensitive;
}

static gboolean
no_undo_button (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *overlay = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *shown = g_object_get_data (G_OBJECT (overlay), "vp-undo-toast");

  return shown == NULL;
}

/* Waits until the toast with its Undo button has gone by itself (its
 * timeout), as the user who presses Ctrl+Z later sees it. */
static void
wait_for_toast_gone (Fixture *fixture)
{
  g_assert_nonnull (vp_test_wait_for_button (GTK_WIDGET (fixture->window), _("_Undo")));
  g_assert_true (vp_test_wait_for (no_undo_button, fixture));
  vp_test_run_main_loop (300);
}

/* The title of the toast on show with an Undo button. */
static const char *
undo_toast_title (Fixture *fixture)
{
  GtkWidget *overlay = find_by_type (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *shown = g_object_get_data (G_OBJECT (overlay), "vp-undo-toast");

  return shown != NULL ? adw_toast_get_title (shown) : NULL;
}

static void
undo (Fixture *fixture)
{
  g_assert_true (action_enabled (fixture, "win.undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  vp_test_run_main_loop (100);
}

static void
redo (Fixture *fixture)
{
  g_assert_true (action_enabled (fixture, "win.redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  vp_test_run_main_loop (100);
}

/* Answers the question on show with the button @label. */
static void
click_response (const char *label)
{
  AdwMessageDialog *dialog = vp_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = vp_test_wait_for_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  vp_test_run_main_loop (100);
}

/* Whether the shortcuts of @widget's class bind @accelerator to @action. */
static gboolean
has_binding (GtkWidget  *widget,
             const char *accelerator,
             const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = NULL;
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          if (g_strcmp0 (trigger, accelerator) == 0 && GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)),
                         action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* Key presses as the X server gives them (XTest, which Xvfb has), when the
 * display is X11 and libXtst can be loaded: a real key through GTK's own
 * event handling, shortcuts and focus.  FALSE when it cannot. */
typedef int (*FakeKeyFunc) (gpointer display, unsigned int keycode, int press, unsigned long delay);
typedef unsigned char (*KeysymToKeycodeFunc) (gpointer display, unsigned long keysym);
typedef int (*FlushFunc) (gpointer display);
typedef int (*SetFocusFunc) (gpointer display, unsigned long window, int revert,
                             unsigned long time);
typedef gpointer (*GetXDisplayFunc) (GdkDisplay *display);
typedef unsigned long (*GetXidFunc) (GdkSurface *surface);

static gboolean
send_key (GtkWidget *widget,
          guint      keyval)
{
  static gpointer xtst;
  GdkDisplay *display = gtk_widget_get_display (widget);
  GType x11_display = g_type_from_name ("GdkX11Display");
  GetXDisplayFunc get_xdisplay = (GetXDisplayFunc) dlsym (RTLD_DEFAULT,
                                                          "gdk_x11_display_get_xdisplay");
  GetXidFunc get_xid = (GetXidFunc) dlsym (RTLD_DEFAULT, "gdk_x11_surface_get_xid");
  KeysymToKeycodeFunc keysym_to_keycode = (KeysymToKeycodeFunc) dlsym (RTLD_DEFAULT,
                                                                       "XKeysymToKeycode");
  FlushFunc flush = (FlushFunc) dlsym (RTLD_DEFAULT, "XFlush");
  SetFocusFunc set_focus = (SetFocusFunc) dlsym (RTLD_DEFAULT, "XSetInputFocus");
  FakeKeyFunc fake_key;
  gpointer xdisplay;
  unsigned long xid;
  unsigned char keycode;

  if (x11_display == 0 || !G_TYPE_CHECK_INSTANCE_TYPE (display, x11_display) ||
      get_xdisplay == NULL || get_xid == NULL || keysym_to_keycode == NULL || flush == NULL ||
      set_focus == NULL)
    return FALSE;
  if (xtst == NULL)
    xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);
  if (xtst == NULL || (fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent")) == NULL)
    return FALSE;

  xdisplay = get_xdisplay (display);
  xid = get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
  keycode = keysym_to_keycode (xdisplay, keyval);
  if (keycode == 0)
    return FALSE;

  /* the window has the keyboard, as the one the user works in */
  set_focus (xdisplay, xid, 2 /* RevertToParent */, 0 /* CurrentTime */);
  flush (xdisplay);
  vp_test_run_main_loop (200);
  fake_key (xdisplay, keycode, TRUE, 0);
  fake_key (xdisplay, keycode, FALSE, 0);
  flush (xdisplay);
  vp_test_run_main_loop (300);
  return TRUE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

/* Whether a label shows the text (a toast's title). */
static gboolean
has_label (gpointer data)
{
  LabelSearch *search = data;

  return vp_test_find_label (search->root, search->text) != NULL;
}

/* The label of the main menu's Undo (0) or Redo (1). */
static const char *
history_menu_label (Fixture *fixture,
                    int      index)
{
  GMenuModel *section = g_object_get_data (G_OBJECT (fixture->window), "vp-history-menu");
  static char *label;

  g_assert_nonnull (section);
  g_clear_pointer (&label, g_free);
  g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

/* Tests {{{1 */

/* A session moved by drag (the grid's drop) and by the keyboard: each is
 * undone by Ctrl+Z after its toast has gone, and redone by Ctrl+Shift+Z. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *grid;
  g_autofree char *start = NULL;
  g_autofree char *undo_move = g_strdup_printf (_("_Undo %s"), _("Move Session"));

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  show_page (fixture, "agenda");
  grid = find_by_type (GTK_WIDGET (fixture->window), VP_TYPE_AGENDA_GRID);
  g_assert_nonnull (grid);
  /* nothing done yet: nothing to undo or redo */
  g_assert_false (action_enabled (fixture, "win.undo"));
  g_assert_false (action_enabled (fixture, "win.redo"));

  /* dropped an hour later, as a drag ends */
  g_signal_emit_by_name (grid, "move-session", "s2-uid", "2027-04-13T11:00");
  vp_test_run_main_loop (100);
  start = stored_start (fixture, "s2-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T11:00");
  g_clear_pointer (&start, g_free);
  g_assert_cmpstr (undo_toast_title (fixture), ==, _("Session moved"));
  /* the main menu names the change */
  /* “_Undo Move Session”, “_Redo” */
  g_assert_cmpstr (history_menu_label (fixture, 0), ==, undo_move);
  g_assert_cmpstr (history_menu_label (fixture, 1), ==, _("_Redo"));
  wait_for_toast_gone (fixture);

  undo (fixture);
  start = stored_start (fixture, "s2-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T10:00");
  g_clear_pointer (&start, g_free);
  g_assert_false (action_enabled (fixture, "win.undo"));

  redo (fixture);
  start = stored_start (fixture, "s2-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T11:00");
  g_clear_pointer (&start, g_free);
  g_assert_false (action_enabled (fixture, "win.redo"));

  /* Ctrl+Down on the focused session, then undone */
  g_assert_true (vp_agenda_grid_focus_session (VP_AGENDA_GRID (grid), "s1-uid"));
  gtk_widget_activate_action (grid, "agenda-grid.move", "(ii)", 15, 0);
  vp_test_run_main_loop (100);
  start = stored_start (fixture, "s1-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T09:15");
  g_clear_pointer (&start, g_free);
  undo (fixture);
  start = stored_start (fixture, "s1-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T09:00");
  g_clear_pointer (&start, g_free);
  /* and the drag's move is next */
  undo (fixture);
  start = stored_start (fixture, "s2-uid");
  g_assert_cmpstr (start, ==, "2027-04-13T10:00");
}

/* A field edited in the host editor: one Ctrl+Z after the editor has
 * closed puts it back, Ctrl+Shift+Z makes it again. */
static void
test_editor_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page;
  VpHostEditor *editor;
  g_autofree char *name = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, "hosts");
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), "trumpf"));
  editor = vp_test_wait_for_toplevel (VP_TYPE_HOST_EDITOR);
  g_assert_nonnull (editor);
  /* typed in two goes, with a save between: one change to undo */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                       VP_TYPE_HOST_EDITOR,
                                                                       "name_row")),
                         "Trumpf Laser");
  g_assert_true (vp_host_editor_flush (editor));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                       VP_TYPE_HOST_EDITOR,
                                                                       "name_row")),
                         "Trumpf Lasertechnik");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (100);
  name = stored_host_name (fixture, "trumpf");
  g_assert_cmpstr (name, ==, "Trumpf Lasertechnik");
  g_clear_pointer (&name, g_free);

  undo (fixture);
  name = stored_host_name (fixture, "trumpf");
  g_assert_cmpstr (name, ==, "Trumpf");
  g_clear_pointer (&name, g_free);
  g_assert_false (action_enabled (fixture, "win.undo"));

  redo (fixture);
  name = stored_host_name (fixture, "trumpf");
  g_assert_cmpstr (name, ==, "Trumpf Lasertechnik");
}

static gboolean
title_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(VpSnapshot) snapshot = load (fixture);

  return g_strcmp0 (vp_programme_get_title (vp_snapshot_get_programme (snapshot)),
                    "Stuttgart, spring 2027") == 0;
}

/* The overview's title, typed and saved as typing pauses: Ctrl+Z puts it
 * back, Ctrl+Shift+Z makes it again. */
static void
test_overview_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  show_page (fixture, "overview");
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (fixture->window, "title-row")),
                         "Stuttgart, spring 2027");
  g_assert_true (vp_test_wait_for (title_saved, fixture));
  undo (fixture);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_programme_get_title (vp_snapshot_get_programme (snapshot)), ==,
                   "Photonics Bretagne in Stuttgart");
  /* and the field shows it */
  vp_test_run_main_loop (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vp_test_get_widget (fixture->window,
                                                                            "title-row"))),
                   ==, "Photonics Bretagne in Stuttgart");
  g_clear_object (&snapshot);
  redo (fixture);
  snapshot = load (fixture);
  g_assert_cmpstr (vp_programme_get_title (vp_snapshot_get_programme (snapshot)), ==,
                   "Stuttgart, spring 2027");
}

static char *
stored_title (Fixture    *fixture,
              const char *uid)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);
  VpSession *session = vp_snapshot_lookup_session_by_uid (snapshot, uid);

  return session != NULL ? g_strdup (vp_session_get_title (session)) : NULL;
}

/* The session editor: an edit of a session, and a session added, each
 * undone and redone. */
static void
test_session_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page;
  VpSessionEditor *editor;
  g_autofree char *title = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, "agenda");
  vp_agenda_page_show_session (VP_AGENDA_PAGE (page), "s3-uid");
  editor = vp_test_wait_for_toplevel (VP_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")),
                         "Factory tour");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (200);
  title = stored_title (fixture, "s3-uid");
  g_assert_cmpstr (title, ==, "Factory tour");
  g_clear_pointer (&title, g_free);

  undo (fixture);
  title = stored_title (fixture, "s3-uid");
  g_assert_cmpstr (title, ==, "Factory visit");
  g_clear_pointer (&title, g_free);
  redo (fixture);
  title = stored_title (fixture, "s3-uid");
  g_assert_cmpstr (title, ==, "Factory tour");
  g_clear_pointer (&title, g_free);

  /* a session added */
  gtk_widget_activate_action (page, "agenda.add-session", NULL);
  vp_test_run_main_loop (100);
  editor = vp_test_wait_for_toplevel (VP_TYPE_SESSION_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")), "Dinner");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  vp_test_run_main_loop (200);
  /* added: the editor closes */
  g_assert_null (editor);
  {
    g_autoptr(VpSnapshot) snapshot = load (fixture);

    g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 4);
  }
  g_assert_cmpstr (vp_history_get_undo_label (vp_programme_context_get_history (
                     vp_window_get_context (fixture->window))), ==, _("Add Session"));
  undo (fixture);
  {
    g_autoptr(VpSnapshot) snapshot = load (fixture);

    g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 3);
  }
  redo (fixture);
  {
    g_autoptr(VpSnapshot) snapshot = load (fixture);
    GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
    gboolean dinner = FALSE;

    g_assert_cmpuint (sessions->len, ==, 4);
    for (guint i = 0; i < sessions->len; i++)
      dinner |= g_strcmp0 (vp_session_get_title (g_ptr_array_index (sessions, i)), "Dinner") == 0;
    g_assert_true (dinner);
  }
}

/* A host used by two sessions: the question names them; the deletion,
 * with the sessions it leaves without a host, is undone by one Ctrl+Z
 * after the toast has gone, and redone. */
static void
test_host_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page;
  GListModel *model;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *host = NULL;
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), "Institut für Strahlwerkzeuge");
  g_autofree char *sessions = g_strjoin (_(", "), "Welcome", "Lab tour", NULL);
  g_autofree char *body = g_strdup_printf (ngettext ("Used by %u session: %s. It will have no "
                                                     "host.",
                                                     "Used by %u sessions: %s. They will have no "
                                                     "host.", 2), 2, sessions);
  g_autofree char *deleted = g_strdup_printf (_("“%s” deleted"), "Institut für Strahlwerkzeuge");

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, "hosts");
  model = G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (gtk_widget_get_template_child (page, VP_TYPE_TABLE_PAGE, "column_view"))));
  /* by name: the institute first */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (page, "hosts.delete", NULL));
  dialog = vp_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* “Delete “Institut für Strahlwerkzeuge”?”, “Used by 2 sessions:
   * Welcome, Lab tour. They will have no host.” */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  click_response (_("_Delete"));

  name = stored_host_name (fixture, "ifsw");
  g_assert_null (name);
  host = stored_session_host (fixture, "s1");
  g_assert_null (host);
  g_assert_cmpstr (undo_toast_title (fixture), ==, deleted);
  wait_for_toast_gone (fixture);

  undo (fixture);
  name = stored_host_name (fixture, "ifsw");
  g_assert_cmpstr (name, ==, "Institut für Strahlwerkzeuge");
  g_clear_pointer (&name, g_free);
  host = stored_session_host (fixture, "s1");
  g_assert_cmpstr (host, ==, "ifsw");
  g_clear_pointer (&host, g_free);
  host = stored_session_host (fixture, "s2");
  g_assert_cmpstr (host, ==, "ifsw");
  g_clear_pointer (&host, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  redo (fixture);
  name = stored_host_name (fixture, "ifsw");
  g_assert_null (name);
  host = stored_session_host (fixture, "s2");
  g_assert_null (host);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
}

/* Another program renamed the host after the window's edit: the undo
 * refuses, says so, and loses neither change. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VpStore) other = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpHost) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  VpHostEditor *editor;
  g_autofree char *name = NULL;
  LabelSearch label;
  g_autofree char *refused = g_strdup_printf (_("Cannot undo: “%s” changed since"), "Trumpf Laser");

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, "hosts");
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), "trumpf"));
  editor = vp_test_wait_for_toplevel (VP_TYPE_HOST_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                       VP_TYPE_HOST_EDITOR,
                                                                       "name_row")),
                         "Trumpf Laser");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (100);

  /* the command line, meanwhile */
  other = vp_store_new (vp_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  snapshot = vp_store_load_snapshot (other, fixture->programme_id, &error);
  g_assert_no_error (error);
  elsewhere = vp_host_copy (vp_snapshot_lookup_host (snapshot, "trumpf"));
  vp_host_set_name (elsewhere, "TRUMPF SE");
  g_assert_true (vp_store_save_host (other, fixture->programme_id, elsewhere, NULL, &error));
  g_assert_no_error (error);
  vp_store_poll_external_changes (fixture->store);
  vp_test_run_main_loop (100);

  undo (fixture);
  name = stored_host_name (fixture, "trumpf");
  g_assert_cmpstr (name, ==, "TRUMPF SE");
  /* the toast says why */
  label.root = GTK_WIDGET (fixture->window);
  label.text = refused;
  g_assert_true (vp_test_wait_for (has_label, &label));
  g_assert_false (action_enabled (fixture, "win.undo"));
}

/* Delete on a selected row deletes it, in each table, as the delete
 * button's tooltip says: the key is bound to the page's delete action
 * (and, where the display lets a test press keys, pressed for real). */
static void
test_delete_key (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const pages[] = { "participants", "hosts", "organisations" };
  GtkWidget *page;
  GtkWidget *column_view;
  GtkWidget *grid;
  GListModel *model;
  g_autoptr(VpSnapshot) snapshot = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *action = g_strconcat (pages[i], ".delete", NULL);

      page = vp_test_get_widget (fixture->window, pages[i]);
      g_assert_true (has_binding (page, "Delete", action));
    }

  page = show_page (fixture, "participants");
  column_view =
    GTK_WIDGET (gtk_widget_get_template_child (page, VP_TYPE_TABLE_PAGE, "column_view"));
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  /* Yann (second by name), who attends nothing: deleted without a question */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 1, TRUE);
  gtk_widget_grab_focus (column_view);
  vp_test_run_main_loop (100);
  if (!send_key (page, GDK_KEY_Delete))
    g_assert_true (gtk_widget_activate_action (page, "participants.delete", NULL));
  vp_test_run_main_loop (100);

  snapshot = load (fixture);
  g_assert_null (vp_snapshot_lookup_participant (snapshot, "yann"));
  g_assert_nonnull (vp_snapshot_lookup_participant (snapshot, "anne"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  undo (fixture);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_nonnull (vp_snapshot_lookup_participant (snapshot, "yann"));

  /* and the agenda's focused session */
  show_page (fixture, "agenda");
  grid = find_by_type (GTK_WIDGET (fixture->window), VP_TYPE_AGENDA_GRID);
  gtk_widget_grab_focus (grid);
  g_assert_true (vp_agenda_grid_focus_session (VP_AGENDA_GRID (grid), "s3-uid"));
  g_assert_true (has_binding (grid, "Delete", "agenda-grid.delete"));
  if (!send_key (grid, GDK_KEY_Delete))
    g_assert_true (gtk_widget_activate_action (grid, "agenda-grid.delete", NULL));
  vp_test_run_main_loop (100);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_null (vp_snapshot_lookup_session_by_uid (snapshot, "s3-uid"));
  undo (fixture);
  g_clear_object (&snapshot);
  snapshot = load (fixture);
  g_assert_nonnull (vp_snapshot_lookup_session_by_uid (snapshot, "s3-uid"));
}

/* The shortcuts window lists Undo, Redo and Delete with the keys the
 * window and the pages bind. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *object;
  struct
  {
    const char *title;
    const char *accelerator;
  } expected[] = {
    { C_("shortcut window", "Undo"), "<Primary>z" },
    { C_("shortcut window", "Redo"), "<Primary><Shift>z" },
    { C_("shortcut window", "Delete Selected Rows or Session"), "Delete" },
  };
  guint found = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  builder = gtk_builder_new_from_resource ("/io/github/visitplanner/VisitPlanner/"
                                           "gtk/help-overlay.ui");
  object = gtk_builder_get_object (builder, "help_overlay");
  g_assert_nonnull (object);
  for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        if (g_strcmp0 (title, expected[i].title) == 0)
          {
            g_assert_cmpstr (accelerator, ==, expected[i].accelerator);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
  gtk_window_destroy (GTK_WINDOW (object));

  g_assert_true (has_binding (GTK_WIDGET (fixture->window), "<Control>z", "win.undo"));
  g_assert_true (has_binding (GTK_WIDGET (fixture->window), "<Shift><Control>z", "win.redo"));
}

/* Ctrl+Z after another programme was shown undoes the change, and shows
 * the programme it changed. */
static void
test_undo_shows_programme (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkListView *list;
  GtkSingleSelection *selection;
  GtkWidget *page;
  VpHostEditor *editor;
  VpProgramme *shown;
  g_autofree char *name = NULL;
  g_autofree char *other = g_strdup (programme);
  char *at;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  page = show_page (fixture, "hosts");
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (page), "trumpf"));
  editor = vp_test_wait_for_toplevel (VP_TYPE_HOST_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                       VP_TYPE_HOST_EDITOR,
                                                                       "name_row")),
                         "Trumpf Laser");
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (100);

  /* another programme (another uid), shown */
  at = strstr (other, UID);
  g_assert_nonnull (at);
  at[0] = 'f';
  vp_test_import_json (fixture->store, other);
  vp_test_run_main_loop (200);
  list = GTK_LIST_VIEW (vp_test_get_widget (fixture->window, "programme-list"));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(VpProgramme) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (vp_programme_get_id (item) != fixture->programme_id)
        gtk_single_selection_set_selected (selection, i);
    }
  vp_test_run_main_loop (200);
  shown = gtk_single_selection_get_selected_item (selection);
  g_assert_cmpint (vp_programme_get_id (shown), !=, fixture->programme_id);

  undo (fixture);
  name = stored_host_name (fixture, "trumpf");
  g_assert_cmpstr (name, ==, "Trumpf");
  vp_test_run_main_loop (200);
  shown = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (shown);
  g_assert_cmpint (vp_programme_get_id (shown), ==, fixture->programme_id);
}

/* Participants imported from a file in the window (one new, one whose
 * organisation the file changes) are taken back by Ctrl+Z after the toast
 * has gone, and put again by Ctrl+Shift+Z, as the store holds them. */
static gboolean
stored_participant (Fixture     *fixture,
                    const char  *email,
                    char       **organisation)
{
  g_autoptr(VpSnapshot) snapshot = load (fixture);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      if (g_strcmp0 (vp_participant_get_email (participant), email) == 0)
        {
          *organisation = g_strdup (vp_participant_get_organisation (participant));
          return TRUE;
        }
    }
  *organisation = NULL;
  return FALSE;
}

static void
test_import_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] =
    "Name,Email,Organisation\r\n"
    "Anne Le Goff,anne@example.fr,Photonics Bretagne\r\n"
    "Gwenaëlle Tanguy,gwen@ixblue.example,iXblue\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "inscrits.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  GtkWindow *dialog;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  show_page (fixture, "participants");
  vp_window_import_file (fixture->window, VP_IMPORT_KIND_PARTICIPANTS, file);
  dialog = vp_test_wait_for_toplevel (VP_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  vp_test_run_main_loop (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  vp_test_run_main_loop (300);

  g_assert_true (stored_participant (fixture, "anne@example.fr", &organisation));
  g_assert_cmpstr (organisation, ==, "Photonics Bretagne");
  g_clear_pointer (&organisation, g_free);
  g_assert_true (stored_participant (fixture, "gwen@ixblue.example", &organisation));
  g_assert_cmpstr (organisation, ==, "iXblue");
  g_clear_pointer (&organisation, g_free);
  wait_for_toast_gone (fixture);

  undo (fixture);
  g_assert_true (stored_participant (fixture, "anne@example.fr", &organisation));
  g_assert_null (organisation);
  g_assert_false (stored_participant (fixture, "gwen@ixblue.example", &organisation));
  g_assert_true (stored_participant (fixture, "yann@example.fr", &organisation));

  redo (fixture);
  g_assert_true (stored_participant (fixture, "anne@example.fr", &organisation));
  g_assert_cmpstr (organisation, ==, "Photonics Bretagne");
  g_clear_pointer (&organisation, g_free);
  g_assert_true (stored_participant (fixture, "gwen@ixblue.example", &organisation));
  g_assert_cmpstr (organisation, ==, "iXblue");
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/history-window/move", test_move);
  ADD_TEST ("/history-window/editor-edit", test_editor_edit);
  ADD_TEST ("/history-window/overview-edit", test_overview_edit);
  ADD_TEST ("/history-window/session-editor", test_session_editor);
  ADD_TEST ("/history-window/host-delete", test_host_delete);
  ADD_TEST ("/history-window/undo-refused", test_undo_refused);
  ADD_TEST ("/history-window/delete-key", test_delete_key);
  ADD_TEST ("/history-window/shortcuts-window", test_shortcuts_window);
  ADD_TEST ("/history-window/undo-shows-programme", test_undo_shows_programme);
  ADD_TEST ("/history-window/import-undo", test_import_undo);

#undef ADD_TEST

  return g_test_run ();
}

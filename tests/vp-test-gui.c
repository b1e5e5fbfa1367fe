/* vp-test-gui.c: what the UI tests share: waits, widget look-ups, toplevels, temporary stores. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "vp-language.h"
#include "vp-programme-format.h"
#include "vp-test-gui.h"

static gboolean have_display;

/**
 * vp_test_init:
 * @argc: the program's argument count
 * @argv: the program's arguments
 *
 * Initialises GLib's test framework and, when there is a display, GTK and
 * libadwaita. Tests skip themselves without one
 * (VP_TEST_SKIP_WITHOUT_DISPLAY()).
 *
 * The window speaks the language of the environment, as it does for a
 * user: run with `LANGUAGE=de` (and a locale other than C, such as
 * C.UTF-8), the tests see it in German, from the build's catalogs.  Tests
 * therefore name what the window says through gettext, `_("Add Host")`.
 */
void
vp_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);

  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
                 gtk_init_check ();
  if (have_display)
    adw_init ();
}

/**
 * vp_test_have_display:
 *
 * Returns: whether vp_test_init() could open a display
 */
gboolean
vp_test_have_display (void)
{
  return have_display;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * vp_test_run_main_loop:
 * @milliseconds: how long to run it
 *
 * Runs the main loop for @milliseconds, and then until nothing more is
 * ready: windows lay out and draw, list views make their rows, timeouts
 * fire. (On a loaded machine the timeout can be due before an idle that
 * was queued earlier, and it goes first: the idle still runs.)
 */
void
vp_test_run_main_loop (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * vp_test_wait_for:
 * @condition: what to wait for
 * @data: passed to @condition
 *
 * Runs the main loop until @condition holds, for at most
 * %VP_TEST_WAIT_SECONDS: a loaded machine can be slow.
 *
 * Returns: whether @condition holds
 */
gboolean
vp_test_wait_for (VpTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + VP_TEST_WAIT_SECONDS * G_USEC_PER_SEC;

  g_return_val_if_fail (condition != NULL, FALSE);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    vp_test_run_main_loop (20);

  return condition (data);
}

/**
 * vp_test_find_widget:
 * @root: where to look
 * @name: a widget name (gtk_widget_set_name(), or the id in a template)
 *
 * Returns: (transfer none) (nullable): @root or the first of its
 *   descendants named @name
 */
GtkWidget *
vp_test_find_widget (GtkWidget  *root,
                     const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vp_test_find_widget (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * vp_test_get_widget:
 * @root: (type GtkWidget): where to look
 * @name: a widget name
 *
 * Like vp_test_find_widget(), but the widget must be there.
 *
 * Returns: (transfer none): the widget named @name
 */
GtkWidget *
vp_test_get_widget (gpointer    root,
                    const char *name)
{
  GtkWidget *widget = vp_test_find_widget (GTK_WIDGET (root), name);

  if (widget == NULL)
    g_error ("No widget named %s", name);
  return widget;
}

/**
 * vp_test_get_label:
 * @root: (type GtkWidget): where to look
 * @name: the name of a #GtkLabel
 *
 * Returns: (transfer none): the label's text
 */
const char *
vp_test_get_label (gpointer    root,
                   const char *name)
{
  GtkWidget *widget = vp_test_get_widget (root, name);

  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_label (GTK_LABEL (widget));
}

/**
 * vp_test_find_label:
 * @root: where to look
 * @text: the label's whole text
 *
 * Returns: (transfer none) (nullable): the first label shown in @root whose
 *   text is @text (a toast's title, a header's title), or %NULL
 */
GtkWidget *
vp_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vp_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_mapped_button (GtkWidget  *root,
                    const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *label;
  GtkWidget  *found;
} ButtonSearch;

static gboolean
button_shown (gpointer data)
{
  ButtonSearch *search = data;

  search->found = find_mapped_button (search->root, search->label);
  return search->found != NULL;
}

/**
 * vp_test_wait_for_button:
 * @root: where to look
 * @label: the button's label, mnemonic and all ("_Undo")
 *
 * Waits, for at most %VP_TEST_WAIT_SECONDS, until a button with @label is
 * shown in @root: a toast's button, say, once the toast is up.
 *
 * Returns: (transfer none) (nullable): the button, or %NULL if none came
 */
GtkWidget *
vp_test_wait_for_button (GtkWidget  *root,
                         const char *label)
{
  ButtonSearch search = { root, label, NULL };

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  vp_test_wait_for (button_shown, &search);
  return search.found;
}

/**
 * vp_test_find_toplevel:
 * @type: a #GtkWindow type
 * @except: (nullable): a window to pass over
 *
 * Returns: (transfer none) (nullable) (type GtkWindow): the first visible
 *   toplevel of @type but @except, or %NULL
 */
gpointer
vp_test_find_toplevel (GType      type,
                       GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      /* The list holds a reference: what is returned stays alive. */
      if (toplevel != except && G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return vp_test_find_toplevel (*(GType *) data, NULL) != NULL;
}

/**
 * vp_test_wait_for_toplevel:
 * @type: a #GtkWindow type
 *
 * Waits, for at most %VP_TEST_WAIT_SECONDS, until a toplevel of @type is
 * shown: a dialog opened by an action, say.
 *
 * Returns: (transfer none) (nullable) (type GtkWindow): the first visible
 *   toplevel of @type, or %NULL if none came
 */
gpointer
vp_test_wait_for_toplevel (GType type)
{
  vp_test_wait_for (toplevel_shown, &type);
  return vp_test_find_toplevel (type, NULL);
}

/**
 * vp_test_destroy_toplevels:
 * @except: (nullable): a window to keep
 *
 * Destroys every toplevel but @except: dialogs and editors that a test
 * left open, or all of them at its end.
 */
void
vp_test_destroy_toplevels (GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (;;)
    {
      g_autoptr(GtkWindow) victim = NULL;

      /* Looked for again each time: destroying one can destroy others
       * (its transient dialogs). */
      for (guint i = g_list_model_get_n_items (toplevels); i > 0 && victim == NULL; i--)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

          if (toplevel != except)
            victim = g_steal_pointer (&toplevel);
        }

      if (victim == NULL)
        break;
      gtk_window_destroy (victim);
    }
}

/**
 * vp_test_show_window:
 * @store: the store to show
 * @width: the window's width
 *
 * Presents a main window over @store, 700 pixels tall, and lets it lay
 * out and draw.
 *
 * Returns: (transfer none): the window (destroy it with gtk_window_destroy())
 */
VpWindow *
vp_test_show_window (VpStore *store,
                     int      width)
{
  VpWindow *window;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  window = vp_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  vp_test_run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/**
 * vp_test_show_page:
 * @page: (transfer floating): a page of the main window
 * @width: the window's width
 *
 * Presents @page in a toast overlay in a window 700 pixels tall, as the
 * main window holds it, and lets it lay out and draw.
 *
 * Returns: (transfer none): the window (destroy it with gtk_window_destroy())
 */
GtkWindow *
vp_test_show_page (GtkWidget *page,
                   int        width)
{
  GtkWidget *overlay;
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, width, 700);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (window);
  vp_test_run_main_loop (200);

  return window;
}

/**
 * vp_test_store_new:
 * @name: what the test is, for the directory's name
 * @dir: (out) (transfer full): the temporary directory the store is in
 *
 * Opens a new, empty store in a new temporary directory. Remove the
 * directory with vp_test_clear_dir() once the store is closed.
 *
 * Returns: (transfer full): the store
 */
VpStore *
vp_test_store_new (const char  *name,
                   char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_template = g_strdup_printf ("vp-%s-XXXXXX", name);
  g_autofree char *path = NULL;
  g_autoptr(VpStore) store = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);

  path = g_build_filename (*dir, "visits.db", NULL);
  store = vp_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return g_steal_pointer (&store);
}

/**
 * vp_test_clear_dir:
 * @dir: a temporary directory of plain files, or a pointer to %NULL
 *
 * Removes the directory and its files, frees its name and sets @dir to
 * %NULL.
 */
void
vp_test_clear_dir (char **dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  g_return_if_fail (dir != NULL);

  if (*dir == NULL)
    return;

  handle = g_dir_open (*dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (*dir, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (*dir));
  g_clear_pointer (dir, g_free);
}

/**
 * vp_test_import_json:
 * @store: where to import
 * @json: a programme document (docs/programme-format.md)
 *
 * Imports @json into @store, which must accept it.
 *
 * Returns: the imported programme's id
 */
gint64
vp_test_import_json (VpStore    *store,
                     const char *json)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 programme_id = 0;

  g_return_val_if_fail (VP_IS_STORE (store), 0);
  g_return_val_if_fail (json != NULL, 0);

  bytes = g_bytes_new (json, strlen (json));
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_import_snapshot (store, snapshot, VP_STORE_IMPORT_NONE, &programme_id,
                                           &error));
  g_assert_no_error (error);

  return programme_id;
}

/**
 * vp_test_load_snapshot:
 * @store: the store
 * @programme_id: a programme in it
 *
 * Returns: (transfer full): the programme as it is stored now
 */
VpSnapshot *
vp_test_load_snapshot (VpStore *store,
                       gint64   programme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  snapshot = vp_store_load_snapshot (store, programme_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);

  return g_steal_pointer (&snapshot);
}

/**
 * vp_test_context_new:
 * @store: the store
 * @programme_id: a programme in it, or 0 for none
 *
 * Returns: (transfer full): a context on @store showing the programme as
 *   the store lists it, as the window would hand it to its pages
 */
VpProgrammeContext *
vp_test_context_new (VpStore *store,
                     gint64   programme_id)
{
  g_autoptr(VpProgrammeContext) context = NULL;
  GListModel *programmes;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  context = vp_programme_context_new (store);
  programmes = vp_store_get_programmes (store);
  for (guint i = 0; programme_id != 0 && i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (vp_programme_get_id (programme) == programme_id)
        vp_programme_context_set_programme (context, programme);
    }
  g_assert_cmpint (vp_programme_context_get_programme_id (context), ==, programme_id);

  return g_steal_pointer (&context);
}

/**
 * vp_test_reset_last_programme:
 *
 * Forgets the programme the window remembers, so that it shows the newest.
 * Settings live in memory (GSETTINGS_BACKEND=memory) for the whole run.
 */
void
vp_test_reset_last_programme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "last-programme");
}

/* screenshot-window.c: renders the window on one page to a PNG, for the README and the metainfo.
 *
 * Usage: screenshot-window DATABASE PAGE WIDTH HEIGHT OUTPUT.png
 * (PAGE: a page of the window, sidebar (the list of programmes), session-editor,
 * session-attendees, organisation-editor, publishing or export-pdf)
 *
 * Run under xvfb-run with GSETTINGS_BACKEND=memory; the database must hold
 * at least one programme (the newest is shown).  The window speaks the
 * language LANGUAGE names, from the build's catalogs (VISIT_PLANNER_LOCALEDIR)
 * as the program does; VP_SCREENSHOT_DARK=1 shows it in the dark style. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "vp-agenda-page.h"
#include "vp-language.h"
#include "vp-organisations-page.h"
#include "vp-print-operation.h"
#include "vp-programme-context.h"
#include "vp-store.h"
#include "vp-window.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_main_loop (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *stack;
  GtkWidget *shown;
  VpWindow *window;
  gboolean editing;
  gboolean editing_organisation;
  gboolean publishing;
  gboolean attendees;
  gboolean exporting;
  int width, height;

  if (argc != 6)
    {
      g_printerr ("Usage: %s DATABASE PAGE WIDTH HEIGHT OUTPUT.png\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  if (g_strcmp0 (g_getenv ("VP_SCREENSHOT_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  /* What the application's resource base path loads by itself. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/visitplanner/VisitPlanner/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      "/io/github/visitplanner/VisitPlanner/icons");
  }

  store = vp_store_new (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  width = atoi (argv[3]);
  height = atoi (argv[4]);

  window = vp_window_new (NULL, store);
  shown = GTK_WIDGET (window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  run_main_loop (800);

  attendees = g_str_equal (argv[2], "session-attendees");
  exporting = g_str_equal (argv[2], "export-pdf");
  editing = g_str_equal (argv[2], "session-editor") || attendees;
  editing_organisation = g_str_equal (argv[2], "organisation-editor");
  publishing = g_str_equal (argv[2], "publishing");
  stack = find_widget (GTK_WIDGET (window), "view-stack");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack),
                                         editing ? "agenda"
                                         : editing_organisation ? "organisations"
                                         : publishing || exporting || g_str_equal (argv[2], "sidebar") ? "overview"
                                         : argv[2]);
  /* When folded, the content shows, not the list ("sidebar": the list). */
  if (!g_str_equal (argv[2], "sidebar"))
    adw_leaflet_navigate (ADW_LEAFLET (find_widget (GTK_WIDGET (window), "leaflet")),
                          ADW_NAVIGATION_DIRECTION_FORWARD);
  run_main_loop (1500);

  /* "session-editor": the agenda's editor, open on the programme's third
   * session, is what is shown */
  /* "organisation-editor": the editor of the programme's first
   * organisation, open from the organisations page */
  /* "publishing": the Publishing dialog of the programme's menu */
  if (editing || editing_organisation || publishing || exporting)
    {
      gint64 id = vp_programme_context_get_programme_id (vp_window_get_context (window));
      g_autoptr(GListModel) toplevels = NULL;

      if (publishing)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-settings", NULL);
      else if (exporting)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
      else if (editing)
        {
          g_autoptr(VpSession) session =
            g_list_model_get_item (vp_store_get_sessions (store, id), 2);

          vp_agenda_page_show_session (VP_AGENDA_PAGE (find_widget (GTK_WIDGET (window),
                                                                    "agenda")),
                                       vp_session_get_uid (session));
        }
      else
        {
          g_autoptr(VpOrganisation) organisation =
            g_list_model_get_item (vp_store_get_organisations (store, id), 0);

          vp_organisations_page_show_organisation (
            VP_ORGANISATIONS_PAGE (find_widget (GTK_WIDGET (window), "organisations")),
            vp_organisation_get_ref (organisation));
        }
      run_main_loop (1500);
      toplevels = g_object_ref (gtk_window_get_toplevels ());
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (toplevel != GTK_WIDGET (window) && gtk_widget_get_visible (toplevel))
            shown = toplevel;
        }
      /* "export-pdf": with a participant's agenda, whose name and address are long */
      if (exporting && shown != GTK_WIDGET (window))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (shown, "export-pdf-layout")),
                                      VP_PRINT_CONTENT_PARTICIPANT);
          run_main_loop (500);
        }
      /* "session-attendees": the editor's page of attendees, not everyone */
      if (attendees && shown != GTK_WIDGET (window))
        {
          gtk_switch_set_active (GTK_SWITCH (find_widget (shown, "everyone_switch")), FALSE);
          adw_leaflet_set_visible_child_name (ADW_LEAFLET (find_widget (shown, "session_leaflet")),
                                              "attendees");
          run_main_loop (800);
        }
      /* An editor as narrow as the window, when that is narrower. */
      if (shown != GTK_WIDGET (window) && width < gtk_widget_get_width (shown))
        {
          gtk_window_set_default_size (GTK_WINDOW (shown), width, height);
          run_main_loop (800);
        }
    }

  paintable = gtk_widget_paintable_new (shown);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (shown), gtk_widget_get_height (shown));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shown)), node, NULL);

  if (!gdk_texture_save_to_png (texture, argv[5]))
    {
      g_printerr ("Cannot write %s\n", argv[5]);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

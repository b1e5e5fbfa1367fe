/* vp-window.c: the main window: programmes in a sidebar, the selected one's pages beside. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-agenda-page.h"
#include "vp-checks-page.h"
#include "vp-checks.h"
#include "vp-format.h"
#include "vp-hosts-page.h"
#include "vp-organisations-page.h"
#include "vp-overview-page.h"
#include "vp-participants-page.h"
#include "vp-programme-row.h"
#include "vp-window-private.h"

/* How long the checks wait for more changes before they run, in ms. */
#define CHECKS_DELAY 150

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_checks (VpWindow *self);

/* Programmes {{{1 */

static VpProgramme *
lookup_uid (VpWindow   *self,
            const char *uid)
{
  GListModel *model = vp_store_get_programmes (self->store);
  guint n_items = g_list_model_get_n_items (model);

  if (uid == NULL || *uid == '\0')
    return NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (g_strcmp0 (vp_programme_get_uid (programme), uid) == 0)
        return g_steal_pointer (&programme);
    }

  return NULL;
}

/* Its position in the sidebar, which a search may have shortened. */
static guint
find_position (VpWindow   *self,
               const char *uid)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n_items = g_list_model_get_n_items (model);

  if (uid == NULL || *uid == '\0')
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (g_strcmp0 (vp_programme_get_uid (programme), uid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

VpProgramme *
vp_window_get_programme (VpWindow *self)
{
  return self->programme;
}

static void
update_badge (VpWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, self->checks_page);
  GPtrArray *problems = vp_programme_context_get_problems (self->context);
  guint n_errors = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == VP_SEVERITY_ERROR)
        n_errors++;
    }

  adw_view_stack_page_set_badge_number (page, n_errors);
  adw_view_stack_page_set_needs_attention (page, n_errors > 0);
}

static void
problems_changed_cb (VpWindow           *self,
                     GParamSpec         *pspec,
                     VpProgrammeContext *context)
{
  update_badge (self);
}

/* Shows what is selected, or why nothing is. */
static void
update_content (VpWindow *self)
{
  g_autoptr(VpProgramme) programme = lookup_uid (self, self->selected_uid);
  GListModel *model = vp_store_get_programmes (self->store);
  gboolean any = g_list_model_get_n_items (model) > 0;
  gint64 old_id = self->programme ? vp_programme_get_id (self->programme) : 0;
  gint64 new_id = programme ? vp_programme_get_id (programme) : 0;

  gtk_stack_set_visible_child_name (self->main_stack, any ? "programmes" : "empty");
  /* F10 opens the menu that can be seen. */
  gtk_menu_button_set_primary (self->menu_button, any);
  gtk_menu_button_set_primary (self->empty_menu_button, !any);

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ||
                                    !any ? "list" : "no-results");

  g_set_object (&self->programme, programme);

  if (programme == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, "");
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "unselected");
    }
  else
    {
      g_autofree char *dates = vp_format_date_range (vp_programme_get_start_date (programme),
                                                     vp_programme_get_end_date (programme));

      adw_view_switcher_title_set_title (self->switcher_title, vp_programme_get_title (programme));
      adw_view_switcher_title_set_subtitle (self->switcher_title, dates ? dates : "");
      gtk_stack_set_visible_child_name (self->content_stack, "programme");
    }

  /* The pages follow; another programme drops the last one's problems. */
  vp_programme_context_set_programme (self->context, programme);
  if (old_id != new_id)
    schedule_checks (self);

  vp_window_update_actions (self);
}

static void
selection_changed_cb (VpWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  VpProgramme *programme;

  if (self->programmes_changing)
    return;

  programme = gtk_single_selection_get_selected_item (selection);
  g_free (self->selected_uid);
  self->selected_uid = programme ? g_strdup (vp_programme_get_uid (programme)) : NULL;
  g_settings_set_string (self->settings, "last-programme",
                         self->selected_uid ? self->selected_uid : "");

  update_content (self);
}

static void
programmes_changing_cb (VpWindow   *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  self->programmes_changing = TRUE;
}

static void
programmes_changed_cb (VpWindow   *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  guint selected = find_position (self, self->selected_uid);

  if (selected != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, selected);

  self->programmes_changing = FALSE;
  update_content (self);
}

static void
store_changed_cb (VpWindow *self,
                  gint64    programme_id,
                  VpStore  *store)
{
  if (self->programme != NULL &&
      (programme_id == 0 || programme_id == vp_programme_get_id (self->programme)))
    {
      /* The title or the dates may have changed without the list changing
       * its order. */
      update_content (self);
      schedule_checks (self);
    }
}

void
vp_window_select_uid (VpWindow   *self,
                      const char *uid)
{
  guint position;

  g_return_if_fail (VP_IS_WINDOW (self));

  position = find_position (self, uid);
  if (position == GTK_INVALID_LIST_POSITION && lookup_uid (self, uid) != NULL)
    {
      /* Hidden by the search: the search goes, not the programme. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      g_clear_pointer (&self->search_words, g_strfreev);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      position = find_position (self, uid);
    }

  g_free (self->selected_uid);
  self->selected_uid = g_strdup (uid);
  gtk_single_selection_set_selected (self->selection, position);
  g_settings_set_string (self->settings, "last-programme", uid ? uid : "");
  update_content (self);
}

void
vp_window_select_id (VpWindow *self,
                     gint64    programme_id)
{
  GListModel *model = vp_store_get_programmes (self->store);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (vp_programme_get_id (programme) == programme_id)
        {
          vp_window_select_uid (self, vp_programme_get_uid (programme));
          return;
        }
    }
}

/* Search {{{1 */

static char *
normalize (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
programme_matches (gpointer item,
                   gpointer user_data)
{
  VpWindow *self = VP_WINDOW (user_data);
  VpProgramme *programme = VP_PROGRAMME (item);
  g_autoptr(GString) haystack = NULL;
  g_autofree char *folded = NULL;

  const char *fields[] = {
    vp_programme_get_title (programme),
    vp_programme_get_visiting_cluster (programme),
    vp_programme_get_host_cluster (programme),
    vp_programme_get_host_country (programme),
    vp_format_country_name (vp_programme_get_host_country (programme)),
    vp_programme_get_coordinator_name (programme),
    vp_programme_get_start_date (programme),
  };

  if (self->search_words == NULL)
    return TRUE;

  haystack = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        continue;
      g_string_append (haystack, fields[i]);
      g_string_append_c (haystack, '\n');
    }
  folded = normalize (haystack->str);

  for (guint i = 0; self->search_words[i] != NULL; i++)
    {
      if (strstr (folded, self->search_words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
search_changed_cb (VpWindow       *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *folded = normalize (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (*g_strstrip (folded) != '\0')
    self->search_words = g_strsplit_set (folded, " \t", -1);

  /* Empty words from double spaces match everything: drop them. */
  if (self->search_words != NULL)
    {
      guint j = 0;

      for (guint i = 0; self->search_words[i] != NULL; i++)
        {
          if (*self->search_words[i] != '\0')
            self->search_words[j++] = self->search_words[i];
          else
            g_free (self->search_words[i]);
        }
      self->search_words[j] = NULL;
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (VpWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->programme_list));
}

/* Enter opens the first match. */
static void
search_activate_cb (VpWindow       *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(VpProgramme) programme = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (programme == NULL)
    return;

  vp_window_select_uid (self, vp_programme_get_uid (programme));
  vp_window_show_content (self);
}

/* The sidebar {{{1 */

void
vp_window_show_content (VpWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
programme_activated_cb (VpWindow    *self,
                        guint        position,
                        GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  vp_window_show_content (self);
}

static void
row_released_cb (VpWindow        *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  /* A click selects the row (the list does that); when folded, it also
   * opens the programme, as touching it would on a phone. */
  vp_window_show_content (self);
}

static void
row_menu_pressed_cb (VpWindow        *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  VpProgramme *programme = vp_programme_row_get_programme (VP_PROGRAMME_ROW (row));

  if (programme == NULL)
    return;

  /* The menu acts on the row it was opened on. */
  vp_window_select_uid (self, vp_programme_get_uid (programme));
  vp_window_popup_row_menu (self, row, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
programme_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VpWindow                 *self)
{
  GtkWidget *row = vp_programme_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "released", G_CALLBACK (row_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (row_menu_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  /* A long press is the right click of a touch screen. */
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (row_menu_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (item, row);
}

static void
programme_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VpWindow                 *self)
{
  vp_programme_row_set_programme (VP_PROGRAMME_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
programme_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     VpWindow                 *self)
{
  vp_programme_row_set_programme (VP_PROGRAMME_ROW (gtk_list_item_get_child (item)), NULL);
}

/* A phone-wide window shows the list of programmes alone, under a header
 * with the window's own buttons: where those are more than a close button
 * (minimise, maximise), the title “Programmes” would be cut between them
 * and the header's own, so New Programme leaves the header for the main
 * menu (Ctrl+N, and the empty list's button, as before). */
static void
update_sidebar_header (VpWindow *self)
{
  g_autofree char *layout = NULL;
  gboolean crowded = FALSE;

  if (adw_leaflet_get_folded (self->leaflet))
    {
      g_auto(GStrv) buttons = NULL;
      guint n_buttons = 0;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                    "gtk-decoration-layout", &layout, NULL);
      /* on either side: “menu:minimize,maximize,close”, “close,maximize:” */
      buttons = g_strsplit (layout != NULL ? g_strdelimit (layout, ":", ',') : "", ",", -1);
      for (guint i = 0; buttons[i] != NULL; i++)
        if (g_str_equal (buttons[i], "minimize") || g_str_equal (buttons[i], "maximize") ||
            g_str_equal (buttons[i], "close"))
          n_buttons++;
      crowded = n_buttons > 1;
    }

  gtk_widget_set_visible (self->new_programme_button, !crowded);
}

static void
decoration_layout_changed_cb (VpWindow   *self,
                              GParamSpec *pspec,
                              GtkSettings *settings)
{
  update_sidebar_header (self);
}

static void
leaflet_folded_changed_cb (VpWindow   *self,
                           GParamSpec *pspec,
                           AdwLeaflet *leaflet)
{
  update_sidebar_header (self);
  vp_window_update_actions (self);
}

/* Pages {{{1 */

void
vp_window_show_page (VpWindow   *self,
                     const char *name)
{
  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  vp_window_show_content (self);
}

static void
visible_page_changed_cb (VpWindow     *self,
                         GParamSpec   *pspec,
                         AdwViewStack *stack)
{
  /* A half-typed field is saved before its page goes out of sight. */
  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
}

static void
add_pages (VpWindow *self)
{
  struct
  {
    GtkWidget  **page;
    const char  *name;
    const char  *title;
    const char  *short_title;
    const char  *icon_name;
  } pages[] = {
    /* Translators: the Overview page in the bar at the bottom of a
     * phone-wide window, where a button is about 60 pixels wide: about 8
     * letters at most (the page's title, shorter if it must be) */
    { &self->overview_page, "overview", _("Overview"), C_("page", "Overview"),
      "document-properties-symbolic" },
    /* Translators: the Agenda page in the bar at the bottom of a
     * phone-wide window, where a button is about 60 pixels wide */
    { &self->agenda_page, "agenda", _("Agenda"), C_("page", "Agenda"),
      "x-office-calendar-symbolic" },
    /* Translators: the Participants page in the bar at the bottom of a
     * phone-wide window, where a button is about 60 pixels wide */
    { &self->participants_page, "participants", _("Participants"), C_("page", "People"),
      "system-users-symbolic" },
    /* Translators: the Organisations page in the bar at the bottom of a
     * phone-wide window, where a button is about 60 pixels wide */
    { &self->organisations_page, "organisations", _("Organisations"), C_("page", "Orgs"),
      "emblem-shared-symbolic" },
    /* Translators: the Hosts page among the six pages in the window's
     * header: a short word.  Then in the bar at the bottom of a phone-wide
     * window, where a button is about 60 pixels wide */
    { &self->hosts_page, "hosts", C_("page title", "Hosts"), C_("page", "Hosts"),
      "go-home-symbolic" },
    /* Translators: the Checks page in the bar at the bottom of a
     * phone-wide window, where a button is about 60 pixels wide */
    { &self->checks_page, "checks", _("Checks"), C_("page", "Checks"), "emblem-ok-symbolic" },
  };

  self->overview_page = vp_overview_page_new (self->context);
  self->agenda_page = vp_agenda_page_new (self->context);
  self->participants_page = vp_participants_page_new (self->context);
  self->organisations_page = vp_organisations_page_new (self->context);
  self->hosts_page = vp_hosts_page_new (self->context);
  self->checks_page = vp_checks_page_new (self->context);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, *pages[i].page,
                                                          pages[i].name, pages[i].title);

      adw_view_stack_page_set_icon_name (page, pages[i].icon_name);
      adw_view_stack_page_set_use_underline (page, FALSE);
      gtk_widget_set_name (*pages[i].page, pages[i].name);
      g_object_set_data_full (G_OBJECT (page), "vp-title", g_strdup (pages[i].title), g_free);
      g_object_set_data_full (G_OBJECT (page), "vp-short-title",
                              g_strdup (pages[i].short_title), g_free);
    }
}

/* The bar at the bottom of a phone-wide window has a sixth of its width
 * for each page: the long names go short there rather than be cut. */
static void
switcher_bar_reveal_cb (VpWindow *self)
{
  gboolean narrow = adw_view_switcher_bar_get_reveal (self->switcher_bar);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *title = g_object_get_data (G_OBJECT (page), narrow ? "vp-short-title"
                                                                     : "vp-title");

      if (title != NULL)
        adw_view_stack_page_set_title (page, title);
    }
}

/* Checks {{{1 */

/* The checks read the programme in their thread, on a connection of their
 * own: the window goes on while 5,000 sessions are read and checked. */
typedef struct
{
  char       *path;
  gint64      programme_id;
  guint       serial;
} ChecksJob;

typedef struct
{
  GPtrArray *problems;
  VpBudget  *budget;
} ChecksResult;

static void
checks_job_free (gpointer data)
{
  ChecksJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
checks_result_free (gpointer data)
{
  ChecksResult *result = data;

  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->budget, vp_budget_unref);
  g_free (result);
}

static void
run_checks_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ChecksJob *job = task_data;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) other_visits = NULL;
  g_autoptr(GPtrArray) organisation_visits = NULL;
  g_autoptr(GError) error = NULL;
  VpChecksContext context = { NULL, };
  ChecksResult *result;

  store = vp_store_new_for_reading (job->path, &error);
  if (store != NULL)
    snapshot = vp_store_load_snapshot (store, job->programme_id, &error);
  if (snapshot != NULL)
    other_visits = vp_store_collect_other_visits (store, job->programme_id, &error);
  if (other_visits != NULL)
    organisation_visits = vp_store_collect_organisation_visits (store, job->programme_id,
                                                                &error);
  if (error != NULL)
    {
      /* Deleted under our feet: the list change that follows shows it. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  context.other_visits = other_visits;
  context.organisation_visits = organisation_visits;
  result = g_new0 (ChecksResult, 1);
  result->problems = vp_checks_run (snapshot, &context);
  result->budget = vp_budget_new (snapshot, context.organisation_visits);
  g_task_return_pointer (task, result, checks_result_free);
}

static void
checks_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VpWindow *self = VP_WINDOW (object);
  ChecksJob *job = g_task_get_task_data (G_TASK (result));
  ChecksResult *checks;
  g_autoptr(GError) error = NULL;

  checks = g_task_propagate_pointer (G_TASK (result), &error);
  if (checks == NULL)
    {
      g_debug ("Cannot check the programme: %s", error->message);
      return;
    }

  /* Only the latest run counts: the programme may have changed since. */
  if (job->serial == self->checks_serial)
    {
      vp_programme_context_set_problems (self->context, checks->problems);
      vp_programme_context_set_budget (self->context, checks->budget);
    }

  checks_result_free (checks);
}

static gboolean
checks_timeout_cb (gpointer user_data)
{
  VpWindow *self = VP_WINDOW (user_data);
  g_autoptr(GTask) task = NULL;
  ChecksJob *job;
  gint64 id;

  self->checks_source = 0;
  if (self->programme == NULL)
    return G_SOURCE_REMOVE;

  id = vp_programme_get_id (self->programme);
  job = g_new0 (ChecksJob, 1);
  job->serial = ++self->checks_serial;
  job->path = g_strdup (vp_store_get_path (self->store));
  job->programme_id = id;

  g_cancellable_cancel (self->checks_cancellable);
  g_clear_object (&self->checks_cancellable);
  self->checks_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->checks_cancellable, checks_done_cb, NULL);
  g_task_set_source_tag (task, checks_timeout_cb);
  g_task_set_task_data (task, job, checks_job_free);
  g_task_run_in_thread (task, run_checks_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_checks (VpWindow *self)
{
  g_clear_handle_id (&self->checks_source, g_source_remove);
  /* A run already going is of no use any more. */
  self->checks_serial++;
  if (self->programme == NULL)
    return;

  /* default priority: a spinner redrawing on a busy machine would starve a
   * low-priority source */
  self->checks_source = g_timeout_add_full (G_PRIORITY_DEFAULT, CHECKS_DELAY,
                                            checks_timeout_cb, self, NULL);
}

/* State {{{1 */

void
vp_window_toast (VpWindow   *self,
                 const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
restore_state (VpWindow *self)
{
  g_autofree char *last_programme = NULL;
  GListModel *model = G_LIST_MODEL (self->filtered);
  g_autoptr(VpProgramme) first = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The programme shown last time, else the newest. */
  last_programme = g_settings_get_string (self->settings, "last-programme");
  if (find_position (self, last_programme) == GTK_INVALID_LIST_POSITION &&
      (first = g_list_model_get_item (model, 0)) != NULL)
    {
      g_free (last_programme);
      last_programme = g_strdup (vp_programme_get_uid (first));
    }

  g_free (self->selected_uid);
  self->selected_uid = g_strdup (last_programme);
  gtk_single_selection_set_selected (self->selection, find_position (self, last_programme));
}

static void
save_state (VpWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
vp_window_close_request (GtkWindow *window)
{
  VpWindow *self = VP_WINDOW (window);

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  save_state (self);

  return GTK_WINDOW_CLASS (vp_window_parent_class)->close_request (window);
}

/* GObject {{{1 */

/* “Undo Move Session” and “Redo Move Session” at the top of the main menu. */
static void
update_history_menu (VpWindow   *self,
                     GParamSpec *pspec,
                     VpHistory  *history)
{
  GMenu *section = g_object_get_data (G_OBJECT (self), "vp-history-menu");
  const char *undo = vp_history_get_undo_label (history);
  const char *redo = vp_history_get_redo_label (history);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  if (section == NULL)
    return;

  /* Translators: in the main menu, with the change to undo: “_Undo Move Session” */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: in the main menu, with the change to redo: “_Redo Move Session” */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (section);
  g_menu_append (section, undo_label, "win.undo");
  g_menu_append (section, redo_label, "win.redo");
}

static void
add_history_menu (VpWindow *self)
{
  GMenuModel *model = gtk_menu_button_get_menu_model (self->menu_button);
  VpHistory *history = vp_programme_context_get_history (self->context);
  g_autoptr(GMenu) section = g_menu_new ();

  if (!G_IS_MENU (model))
    return;

  g_object_set_data_full (G_OBJECT (self), "vp-history-menu", g_object_ref (section),
                          g_object_unref);
  g_menu_prepend_section (G_MENU (model), NULL, G_MENU_MODEL (section));
  g_signal_connect_object (history, "notify", G_CALLBACK (update_history_menu), self,
                           G_CONNECT_SWAPPED);
  update_history_menu (self, NULL, history);
}

static void
vp_window_constructed (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);
  GListModel *model;

  G_OBJECT_CLASS (vp_window_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));

  /* An edit shows in the frame after it, not after the disk: each commit
   * is flushed by the store's thread (a crash of the window loses nothing;
   * a power cut, at most the last few milliseconds). */
  vp_store_sync_in_background (self->store);

  self->context = vp_programme_context_new (self->store);
  g_signal_connect_object (self->context, "notify::problems", G_CALLBACK (problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Undo and Redo are enabled while there is something to undo or redo,
   * and the main menu names it */
  g_signal_connect_object (vp_programme_context_get_history (self->context), "notify",
                           G_CALLBACK (vp_window_update_actions), self, G_CONNECT_SWAPPED);
  add_history_menu (self);
  add_pages (self);
  g_signal_connect_object (self->switcher_bar, "notify::reveal",
                           G_CALLBACK (switcher_bar_reveal_cb), self, G_CONNECT_SWAPPED);
  switcher_bar_reveal_cb (self);

  model = vp_store_get_programmes (self->store);
  self->filter = gtk_custom_filter_new (programme_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (model)),
                                              GTK_FILTER (g_object_ref (self->filter)));

  /* Connected before the selection model connects its own handler, and
   * after it: the selection is restored once the selection model is done. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (programmes_changing_cb),
                           self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (programmes_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->programme_list, GTK_SELECTION_MODEL (self->selection));

  restore_state (self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_content (self);
}

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  g_clear_handle_id (&self->checks_source, g_source_remove);
  g_cancellable_cancel (self->checks_cancellable);
  g_clear_object (&self->checks_cancellable);
  if (self->row_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->row_menu));
  self->row_menu = NULL;

  /* libadwaita 1.2's switchers fail when their stack goes first. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->programme);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->publish_run);
  g_clear_object (&self->publish_toast);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vp_window_parent_class)->dispose (object);
}

static void
vp_window_finalize (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  g_clear_pointer (&self->selected_uid, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (vp_window_parent_class)->finalize (object);
}

static void
vp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Dialogs fit their window {{{1 */

/* A dialog is never wider or taller than the window it belongs to: a
 * 600-pixel editor over a phone-wide window takes the window's width. */
static void
dialog_realize_cb (GtkWindow *dialog)
{
  GtkWindow *parent = gtk_window_get_transient_for (dialog);
  int width, height, parent_width, parent_height;

  if (parent == NULL)
    return;

  parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
  parent_height = gtk_widget_get_height (GTK_WIDGET (parent));
  gtk_window_get_default_size (dialog, &width, &height);
  if ((parent_width > 0 && width > parent_width) || (parent_height > 0 && height > parent_height))
    gtk_window_set_default_size (dialog,
                                 parent_width > 0 && width > parent_width ? parent_width : width,
                                 parent_height > 0 && height > parent_height ? parent_height
                                                                             : height);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!VP_IS_WINDOW (window) && !g_object_get_data (G_OBJECT (window), "vp-fits-parent"))
        {
          g_object_set_data (G_OBJECT (window), "vp-fits-parent", GINT_TO_POINTER (TRUE));
          g_signal_connect (window, "realize", G_CALLBACK (dialog_realize_cb), NULL);
        }
    }
}

/* }}} */

static void
vp_window_class_init (VpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vp_window_constructed;
  object_class->dispose = vp_window_dispose;
  object_class->finalize = vp_window_finalize;
  object_class->get_property = vp_window_get_property;
  object_class->set_property = vp_window_set_property;

  window_class->close_request = vp_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/vp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, new_programme_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, empty_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, programme_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, programme_list);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, view_stack);
  gtk_widget_class_bind_template_child_full (widget_class, "row_menu", FALSE,
                                             G_STRUCT_OFFSET (VpWindow, row_menu_model));
  gtk_widget_class_bind_template_callback (widget_class, programme_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  vp_window_class_add_actions (widget_class);

  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (toplevels_changed_cb), NULL);
}

static void
vp_window_init (VpWindow *self)
{
  g_type_ensure (VP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (VP_TYPE_CHECKS_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->export_paper = vp_print_default_paper ();

  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-decoration-layout",
                           G_CALLBACK (decoration_layout_changed_cb), self, G_CONNECT_SWAPPED);
  update_sidebar_header (self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);

  self->row_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (self->row_menu_model));
  gtk_popover_set_has_arrow (self->row_menu, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->row_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->row_menu), GTK_WIDGET (self->programme_list));

  /* Keys that act on the focused programme, only in the list: elsewhere
   * Delete deletes text. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    struct
    {
      guint            key;
      GdkModifierType  modifiers;
      const char      *action;
    } keys[] = {
      { GDK_KEY_Delete, 0, "win.delete-programme" },
      { GDK_KEY_KP_Delete, 0, "win.delete-programme" },
      { GDK_KEY_F10, GDK_SHIFT_MASK, "win.row-menu" },
      { GDK_KEY_Menu, 0, "win.row-menu" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].key, keys[i].modifiers);
        GtkShortcutAction *action = gtk_named_action_new (keys[i].action);

        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                              gtk_shortcut_new (trigger, action));
      }
    gtk_widget_add_controller (GTK_WIDGET (self->programme_list), shortcuts);
  }
}

VpWindow *
vp_window_new (AdwApplication *application,
               VpStore        *store)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

VpStore *
vp_window_get_store (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);

  return self->store;
}

VpProgrammeContext *
vp_window_get_context (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);

  return self->context;
}

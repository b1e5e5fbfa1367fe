/* vp-window.c: the main window: programmes in a sidebar, the selected one beside. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-programme-row.h"
#include "vp-window.h"

struct _VpWindow
{
  AdwApplicationWindow  parent_instance;

  VpStore              *store;
  GSettings            *settings;
  GtkSingleSelection   *selection;
  /* The selected programme's uid: the store replaces its list's items on
   * every change, so the selection is found again by uid. */
  char                 *selected_uid;
  /* Set while the store's list changes, so that the selection it drops on
   * the way is not taken for the user's choice. */
  gboolean              programmes_changing;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListView          *programme_list;
  AdwWindowTitle       *window_title;
  GtkStack             *content_stack;
  GtkLabel             *heading_label;
  GtkLabel             *description_label;
  GtkLabel             *status_label;
  GtkLabel             *participants_label;
  GtkLabel             *hosts_label;
  GtkLabel             *sessions_label;
  GtkLabel             *first_day_label;
  GtkLabel             *last_day_label;
  GtkLabel             *days_label;
  GtkLabel             *country_label;
  GtkLabel             *timezone_label;
  GtkLabel             *visiting_cluster_label;
  GtkLabel             *host_cluster_label;
  GtkLabel             *coordinator_label;
};

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_classes[] = {
  "draft", "confirmed", "completed", "cancelled", "unknown",
};

static VpProgramme *
get_selected_programme (VpWindow *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static guint
find_programme (VpWindow   *self,
                const char *uid)
{
  GListModel *model = vp_store_get_programmes (self->store);
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

/* A value, or a dimmed “Not set” in its place. */
static void
set_value (GtkLabel   *label,
           const char *value)
{
  if (value != NULL && *value != '\0')
    {
      gtk_label_set_label (label, value);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_label (label, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
set_count (GtkLabel *label,
           gboolean  known,
           guint     count)
{
  g_autofree char *text = known ? g_strdup_printf ("%u", count) : NULL;

  set_value (label, text);
}

static void
update_counts (VpWindow    *self,
               VpProgramme *programme)
{
  g_autoptr(GError) error = NULL;
  guint n_hosts = 0, n_participants = 0, n_sessions = 0;
  gboolean known;

  known = vp_store_count_programme (self->store,
                                    vp_programme_get_id (programme),
                                    &n_hosts, &n_participants, &n_sessions,
                                    &error);
  if (!known)
    g_warning ("Cannot count the programme %s: %s",
               vp_programme_get_uid (programme), error->message);

  set_count (self->participants_label, known, n_participants);
  set_count (self->hosts_label, known, n_hosts);
  set_count (self->sessions_label, known, n_sessions);
}

static void
update_programme (VpWindow    *self,
                  VpProgramme *programme)
{
  const char *start_date = vp_programme_get_start_date (programme);
  const char *end_date = vp_programme_get_end_date (programme);
  const char *description = vp_programme_get_description (programme);
  const char *country = vp_programme_get_host_country (programme);
  const char *coordinator = vp_programme_get_coordinator_name (programme);
  const char *email = vp_programme_get_coordinator_email (programme);
  VpProgrammeStatus status = vp_programme_get_status (programme);
  g_autofree char *dates = vp_format_date_range (start_date, end_date);
  g_autofree char *first_day = vp_format_date_long (start_date);
  g_autofree char *last_day = vp_format_date_long (end_date);
  g_autofree char *days = NULL;
  g_autofree char *country_text = NULL;
  g_autofree char *coordinator_text = NULL;
  guint n_days = vp_format_count_days (start_date, end_date);

  adw_window_title_set_title (self->window_title, vp_programme_get_title (programme));
  adw_window_title_set_subtitle (self->window_title, dates ? dates : "");

  gtk_label_set_label (self->heading_label, vp_programme_get_title (programme));
  gtk_label_set_label (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), vp_format_status_css_class (status));
  gtk_label_set_label (self->status_label, vp_format_status (status));

  update_counts (self, programme);

  if (n_days > 0)
    days = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
  set_value (self->first_day_label, first_day);
  set_value (self->last_day_label, last_day);
  set_value (self->days_label, days);

  if (country != NULL && vp_format_country_name (country) != NULL)
    /* Translators: a country and its ISO code, as in “Lithuania (LT)”. */
    country_text = g_strdup_printf (_("%s (%s)"), vp_format_country_name (country), country);
  else
    country_text = g_strdup (country);
  set_value (self->country_label, country_text);
  set_value (self->timezone_label, vp_programme_get_timezone (programme));

  set_value (self->visiting_cluster_label, vp_programme_get_visiting_cluster (programme));
  set_value (self->host_cluster_label, vp_programme_get_host_cluster (programme));

  if (coordinator != NULL && email != NULL)
    /* Translators: a person and their email address on two lines. */
    coordinator_text = g_strdup_printf (_("%s\n%s"), coordinator, email);
  else
    coordinator_text = g_strdup (coordinator != NULL ? coordinator : email);
  set_value (self->coordinator_label, coordinator_text);
}

static void
update_content (VpWindow *self)
{
  VpProgramme *programme = get_selected_programme (self);
  GListModel *model = vp_store_get_programmes (self->store);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    g_list_model_get_n_items (model) > 0 ? "programmes" : "empty");

  if (programme == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "unselected");
      return;
    }

  update_programme (self, programme);
  gtk_stack_set_visible_child_name (self->content_stack, "programme");
}

static void
selection_changed_cb (VpWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  VpProgramme *programme;

  if (self->programmes_changing)
    return;

  programme = get_selected_programme (self);
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
  guint selected = find_programme (self, self->selected_uid);

  if (selected != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, selected);

  self->programmes_changing = FALSE;
  update_content (self);
}

/* Writes to a programme do not always change the list (a session added by
 * the command line), but they change its counts. */
static void
store_changed_cb (VpWindow *self,
                  gint64    programme_id,
                  VpStore  *store)
{
  VpProgramme *programme = get_selected_programme (self);

  if (programme != NULL &&
      (programme_id == 0 || programme_id == vp_programme_get_id (programme)))
    update_counts (self, programme);
}

static void
show_content (VpWindow *self)
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
  show_content (self);
}

static void
row_pressed_cb (VpWindow        *self,
                int              n_press,
                double           x,
                double           y,
                GtkGestureClick *gesture)
{
  /* A click selects the row (the list does that); when folded, it also
   * opens the programme, as touching it would on a phone. */
  show_content (self);
}

static void
programme_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VpWindow                 *self)
{
  GtkWidget *row = vp_programme_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "released", G_CALLBACK (row_pressed_cb), self,
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

static void
leaflet_folded_changed_cb (VpWindow   *self,
                           GParamSpec *pspec,
                           AdwLeaflet *leaflet)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 adw_leaflet_get_folded (leaflet));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
restore_state (VpWindow *self)
{
  g_autofree char *last_programme = NULL;
  GListModel *model = vp_store_get_programmes (self->store);
  guint position;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The programme shown last time, else the newest. */
  last_programme = g_settings_get_string (self->settings, "last-programme");
  position = find_programme (self, last_programme);
  if (position == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (model) > 0)
    position = 0;
  gtk_single_selection_set_selected (self->selection, position);
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
  save_state (VP_WINDOW (window));

  return GTK_WINDOW_CLASS (vp_window_parent_class)->close_request (window);
}

/* The whole value only when the label had to cut it short. */
static gboolean
value_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
vp_window_constructed (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);
  GListModel *model;

  G_OBJECT_CLASS (vp_window_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));

  model = vp_store_get_programmes (self->store);

  /* Connected before the selection model connects its own handler, and
   * after it: the selection is restored once the selection model is done. */
  g_signal_connect_object (model, "items-changed", G_CALLBACK (programmes_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (programmes_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->programme_list, GTK_SELECTION_MODEL (self->selection));

  restore_state (self);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self, NULL, self->selection);
  leaflet_folded_changed_cb (self, NULL, self->leaflet);
}

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vp_window_parent_class)->dispose (object);
}

static void
vp_window_finalize (GObject *object)
{
  VpWindow *self = VP_WINDOW (object);

  g_clear_pointer (&self->selected_uid, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, VpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, programme_list);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, participants_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, hosts_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, sessions_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, first_day_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, last_day_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, days_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, country_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, timezone_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, visiting_cluster_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, host_cluster_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, coordinator_label);
  gtk_widget_class_bind_template_callback (widget_class, programme_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, programme_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
vp_window_init (VpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  /* Values stay on one line and are cut short, with a tooltip, when the
   * window is narrow: wrapping labels in a row's suffix get squeezed to
   * the row's height. */
  {
    GtkLabel *values[] = {
      self->participants_label, self->hosts_label, self->sessions_label,
      self->first_day_label, self->last_day_label, self->days_label,
      self->country_label, self->timezone_label,
      self->visiting_cluster_label, self->host_cluster_label, self->coordinator_label,
    };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        gtk_label_set_ellipsize (values[i], PANGO_ELLIPSIZE_END);
        gtk_label_set_justify (values[i], GTK_JUSTIFY_RIGHT);
        gtk_label_set_xalign (values[i], 1.0);
        gtk_widget_set_valign (GTK_WIDGET (values[i]), GTK_ALIGN_CENTER);
        gtk_widget_set_has_tooltip (GTK_WIDGET (values[i]), TRUE);
        g_signal_connect (values[i], "query-tooltip", G_CALLBACK (value_query_tooltip_cb), NULL);
      }
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

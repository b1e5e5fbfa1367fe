/* vp-preferences-window.c: where the database is, and a way to its folder; how long personal
 * data is kept. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-preferences-window.h"

struct _VpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  VpStore              *store;

  AdwActionRow         *location_row;
  AdwActionRow         *schema_row;
  GtkSpinButton        *retention_spin;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (VpPreferencesWindow, vp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
open_folder_clicked_cb (VpPreferencesWindow *self,
                        GtkButton           *button)
{
  g_autofree char *folder = g_path_get_dirname (vp_store_get_path (self->store));
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
vp_preferences_window_constructed (GObject *object)
{
  VpPreferencesWindow *self = VP_PREFERENCES_WINDOW (object);
  g_autofree char *path = NULL;
  g_autofree char *version = NULL;

  G_OBJECT_CLASS (vp_preferences_window_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));

  path = g_filename_display_name (vp_store_get_path (self->store));
  adw_action_row_set_subtitle (self->location_row, path);
  version = g_strdup_printf ("%d", vp_store_get_schema_version (self->store));
  adw_action_row_set_subtitle (self->schema_row, version);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "retention-months",
                   gtk_spin_button_get_adjustment (self->retention_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
vp_preferences_window_dispose (GObject *object)
{
  VpPreferencesWindow *self = VP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vp_preferences_window_parent_class)->dispose (object);
}

static void
vp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VpPreferencesWindow *self = VP_PREFERENCES_WINDOW (object);

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
vp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VpPreferencesWindow *self = VP_PREFERENCES_WINDOW (object);

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
vp_preferences_window_class_init (VpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_preferences_window_constructed;
  object_class->dispose = vp_preferences_window_dispose;
  object_class->get_property = vp_preferences_window_get_property;
  object_class->set_property = vp_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, VpPreferencesWindow, schema_row);
  gtk_widget_class_bind_template_child (widget_class, VpPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_clicked_cb);
}

static void
vp_preferences_window_init (VpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vp_preferences_window_new (GtkWindow *parent,
                           VpStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

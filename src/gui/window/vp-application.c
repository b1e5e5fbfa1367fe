/* vp-application.c: the application: opens the store and shows the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-accessible.h"
#include "vp-application.h"
#include "vp-preferences-window.h"
#include "vp-window.h"

/* How often writes by visit-planner-cli are looked for, in seconds. */
#define POLL_INTERVAL 1
#define EXIT_STATUS_DATABASE 2

struct _VpApplication
{
  AdwApplication  parent_instance;

  char           *database;      /* --database, or NULL */
  VpStore        *store;
  GError         *store_error;
  guint           poll_source;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (VpApplication, vp_application, ADW_TYPE_APPLICATION)

static void
open_store (VpApplication *self)
{
  g_autofree char *path = vp_store_resolve_path (self->database, &self->store_error);

  if (path == NULL)
    return;

  /* A new database starts empty: the empty window offers the sample
   * programme, which the user opens on purpose (win.open-sample). */
  self->store = vp_store_new (path, &self->store_error);
}

static gboolean
poll_cb (gpointer user_data)
{
  VpApplication *self = VP_APPLICATION (user_data);

  vp_store_poll_external_changes (self->store);

  return G_SOURCE_CONTINUE;
}

static void
error_response_cb (VpApplication    *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  self->exit_status = EXIT_STATUS_DATABASE;
  g_application_quit (G_APPLICATION (self));
}

static void
show_store_error (VpApplication *self)
{
  GtkWidget *dialog;

  g_printerr ("%s\n", self->store_error->message);

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), self->store_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  VpApplication *self = VP_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closed as the user would close them, so that each saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VpApplication *self = VP_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Visit Planner"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Visit Planner developers"),
                        "comments", _("Plan group visits of European cluster members "
                                      "to a partner cluster abroad"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/visitplanner/visit-planner",
                        "issue-url", "https://github.com/visitplanner/visit-planner/issues",
                        /* Translators: your name and email, one translator a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VpApplication *self = VP_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (vp_preferences_window_new (window, self->store)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
};

static int
vp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  VpApplication *self = VP_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_free (self->database);
      self->database = g_strdup (database);
      /* A running instance has its own database: this one must not be
       * handed over to it. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (vp_application_parent_class)->handle_local_options (application,
                                                                                 options);
}

static void
vp_application_startup (GApplication *application)
{
  VpApplication *self = VP_APPLICATION (application);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };

  G_APPLICATION_CLASS (vp_application_parent_class)->startup (application);
  vp_accessible_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  open_store (self);
  if (self->store != NULL)
    self->poll_source = g_timeout_add_seconds (POLL_INTERVAL, poll_cb, self);
}

static void
vp_application_activate (GApplication *application)
{
  VpApplication *self = VP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->store == NULL)
        {
          show_store_error (self);
          return;
        }

      window = GTK_WINDOW (vp_window_new (ADW_APPLICATION (self), self->store));
    }

  gtk_window_present (window);
}

static void
vp_application_shutdown (GApplication *application)
{
  VpApplication *self = VP_APPLICATION (application);

  g_clear_handle_id (&self->poll_source, g_source_remove);

  G_APPLICATION_CLASS (vp_application_parent_class)->shutdown (application);
}

static void
vp_application_dispose (GObject *object)
{
  VpApplication *self = VP_APPLICATION (object);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_application_parent_class)->dispose (object);
}

static void
vp_application_finalize (GObject *object)
{
  VpApplication *self = VP_APPLICATION (object);

  g_clear_pointer (&self->database, g_free);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (vp_application_parent_class)->finalize (object);
}

static void
vp_application_class_init (VpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vp_application_dispose;
  object_class->finalize = vp_application_finalize;

  application_class->handle_local_options = vp_application_handle_local_options;
  application_class->startup = vp_application_startup;
  application_class->activate = vp_application_activate;
  application_class->shutdown = vp_application_shutdown;
}

static void
vp_application_init (VpApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Use the database FILE instead of the usual one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

VpApplication *
vp_application_new (void)
{
  return g_object_new (VP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/visitplanner/VisitPlanner",
                       NULL);
}

VpStore *
vp_application_get_store (VpApplication *self)
{
  g_return_val_if_fail (VP_IS_APPLICATION (self), NULL);

  return self->store;
}

int
vp_application_get_exit_status (VpApplication *self)
{
  g_return_val_if_fail (VP_IS_APPLICATION (self), 0);

  return self->exit_status;
}

/* vp-publish-dialog.c: publish targets, the URLs to subscribe to, the last publish. */
#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-publish.h"
#include "vp-publish-dialog.h"
#include "vp-publish-run.h"
#include "vp-publish-secret.h"

struct _VpPublishDialog
{
  AdwPreferencesWindow  parent_instance;

  VpStore              *store;
  gint64                programme_id;
  GPtrArray            *target_rows;   /* the rows of targets_group, to take away */
  VpPublishRun         *run;
  GCancellable         *cancellable;

  AdwActionRow         *publish_row;
  GtkButton            *publish_button;
  GtkProgressBar       *progress_bar;
  GtkSwitch            *force_switch;
  AdwPreferencesGroup  *targets_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  GtkSwitch            *per_participant_switch;
  GtkSwitch            *per_host_switch;
  GtkButton            *add_button;
};

G_DEFINE_FINAL_TYPE (VpPublishDialog, vp_publish_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A toast's title is markup: a server's message is not. */
static void
toast (VpPublishDialog *self,
       const char      *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static char *
programme_uid (VpPublishDialog *self)
{
  g_autoptr(VpSnapshot) snapshot = vp_store_dup_live_snapshot (self->store, self->programme_id);

  if (snapshot == NULL)
    return NULL;
  return g_strdup (vp_programme_get_uid (vp_snapshot_get_programme (snapshot)));
}

/* Targets {{{1 */

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  VpPublishDialog *self = user_data;
  const char *url = g_object_get_data (G_OBJECT (button), "url");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), url);
  toast (self, _("Address copied"));
}

static void
secret_cleared_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* a keyring that cannot be reached holds none of ours */
  vp_publish_secret_clear_finish (result, NULL);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  VpPublishDialog *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (button), "target");
  g_autofree char *uid = programme_uid (self);
  g_autofree char *removed = g_strdup (name);
  g_autoptr(GError) error = NULL;

  if (!vp_store_remove_publish_target (self->store, self->programme_id, removed, &error))
    {
      toast (self, error->message);
      return;
    }
  if (uid != NULL)
    vp_publish_secret_clear_async (uid, removed, NULL, secret_cleared_cb, NULL);
  vp_publish_dialog_refresh (self);
}

static char *
last_publish_text (VpPublishTarget *target)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  const char *result;

  if (target->last_at <= 0)
    return g_strdup (_("Never published"));

  utc = g_date_time_new_from_unix_utc (target->last_at);
  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when a programme was last published (strftime format) */
  when = vp_format_date_time (local, _("%-d %B %Y, %H:%M"));
  g_strstrip (when);

  if (g_strcmp0 (target->last_result, "failed") == 0)
    /* TRANSLATORS: the last publish: when, then what went wrong */
    result = _("failed");
  else if (g_strcmp0 (target->last_result, "conflicts") == 0)
    result = _("published, with conflicts left alone");
  else
    result = _("published");
  /* TRANSLATORS: the last publish: when, its result, what it did */
  return g_strdup_printf (_("%s — %s: %s"), when, result,
                          target->last_report != NULL ? target->last_report : "");
}

static GtkWidget *
target_row (VpPublishDialog *self,
            VpPublishTarget *target,
            VpSnapshot      *snapshot)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autoptr(GPtrArray) subscriptions = vp_publish_subscriptions (target, snapshot);
  g_autofree char *subtitle = NULL;
  g_autofree char *last = last_publish_text (target);
  GtkWidget *row;
  GtkWidget *button;

  /* names, URLs and messages are plain text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), target->name);
  subtitle = g_strdup_printf ("%s · %s", target->kind == VP_PUBLISH_CALDAV ? "CalDAV" : "WebDAV",
                              target->url);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

  /* the state of the last publish: when, what changed, what failed */
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Last Publish"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), last);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  gtk_widget_set_name (row, "last-publish");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  /* the addresses to subscribe to, each with its Copy button */
  for (guint i = 0; i < subscriptions->len; i++)
    {
      VpSubscription *subscription = g_ptr_array_index (subscriptions, i);
      const char *url = subscription->webcal != NULL ? subscription->webcal : subscription->url;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subscription->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);
      button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy Address"));
      gtk_widget_set_name (button, "copy-address");
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 target->password_env != NULL
                                 /* TRANSLATORS: where a target's password comes from */
                                 ? _("Password from an environment variable (command line)")
                                 : target->user != NULL ? _("Password in the keyring")
                                 : _("No authentication"));
  button = gtk_button_new_with_mnemonic (_("_Remove Target"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_name (button, "remove-target");
  g_object_set_data_full (G_OBJECT (button), "target", g_strdup (target->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return expander;
}

void
vp_publish_dialog_refresh (VpPublishDialog *self)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VP_IS_PUBLISH_DIALOG (self));

  for (guint i = 0; i < self->target_rows->len; i++)
    adw_preferences_group_remove (self->targets_group, g_ptr_array_index (self->target_rows, i));
  g_ptr_array_set_size (self->target_rows, 0);

  snapshot = vp_store_dup_live_snapshot (self->store, self->programme_id);
  targets = vp_store_get_publish_targets (self->store, self->programme_id, &error);
  if (targets == NULL || snapshot == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }

  for (guint i = 0; i < targets->len; i++)
    {
      GtkWidget *row = target_row (self, g_ptr_array_index (targets, i), snapshot);

      /* one target: open, its addresses in sight */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), targets->len == 1);
      adw_preferences_group_add (self->targets_group, row);
      g_ptr_array_add (self->target_rows, row);
    }
  if (targets->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No targets yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a calendar server below to publish to"));
      adw_preferences_group_add (self->targets_group, row);
      g_ptr_array_add (self->target_rows, row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button),
                            targets->len > 0 && self->run == NULL);
}

/* Adding {{{1 */

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
secret_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VpPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vp_publish_secret_store_finish (result, &error))
    {
      g_autofree char *text =
        g_strdup_printf (_("The password could not be kept in the keyring: %s"), error->message);

      toast (self, text);
    }
}

static void
add_clicked_cb (VpPublishDialog *self,
                GtkButton       *button)
{
  g_autoptr(VpPublishTarget) target = vp_publish_target_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = programme_uid (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  target->programme_id = self->programme_id;
  target->name = entry_text (self->name_row);
  target->url = entry_text (self->url_row);
  target->user = entry_text (self->user_row);
  target->kind = adw_combo_row_get_selected (self->kind_row) == 1 ? VP_PUBLISH_WEBDAV
                                                                  : VP_PUBLISH_CALDAV;
  target->per_participant = gtk_switch_get_active (self->per_participant_switch);
  target->per_host = gtk_switch_get_active (self->per_host_switch);

  if (target->name == NULL)
    {
      toast (self, _("Give the target a name"));
      return;
    }
  if (uid == NULL || !vp_store_add_publish_target (self->store, target, &error))
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }

  if (target->user != NULL && password[0] != '\0')
    {
      g_autofree char *label =
        /* TRANSLATORS: the keyring item of a publish target's password */
        g_strdup_printf (_("Visit Planner publish target “%s”"), target->name);

      vp_publish_secret_store_async (uid, target->name, label, password, NULL, secret_stored_cb,
                                     g_object_ref (self));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_switch_set_active (self->per_participant_switch, FALSE);
  gtk_switch_set_active (self->per_host_switch, FALSE);
  vp_publish_dialog_refresh (self);
}

/* Publishing {{{1 */

static void
run_progress_cb (VpPublishRun *run,
                 const char   *text,
                 double        fraction,
                 gpointer      user_data)
{
  VpPublishDialog *self = user_data;

  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VpPublishDialog) self = user_data;
  VpPublishRunResult outcome;
  g_autofree char *lines = vp_publish_run_finish (VP_PUBLISH_RUN (source), result, &outcome);

  if (self->run == NULL)
    return;
  g_clear_object (&self->run);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  adw_action_row_set_subtitle (self->publish_row, lines);
  switch (outcome)
    {
    case VP_PUBLISH_RUN_PUBLISHED:
      toast (self, _("Published"));
      break;
    case VP_PUBLISH_RUN_CONFLICTS:
      toast (self, _("Published; what someone else changed on the server was left alone"));
      break;
    case VP_PUBLISH_RUN_FAILED:
      toast (self, _("Publishing failed"));
      break;
    case VP_PUBLISH_RUN_NO_TARGETS:
    default:
      break;
    }
  vp_publish_dialog_refresh (self);
}

static void
publish_clicked_cb (VpPublishDialog *self,
                    GtkButton       *button)
{
  if (self->run != NULL)
    return;

  self->run = vp_publish_run_new (self->store, self->programme_id);
  vp_publish_run_set_force (self->run, gtk_switch_get_active (self->force_switch));
  g_signal_connect (self->run, "progress", G_CALLBACK (run_progress_cb), self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Publishing…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
  vp_publish_run_start (self->run, self->cancellable, run_done_cb, g_object_ref (self));
}

/* The dialog {{{1 */

static void
vp_publish_dialog_constructed (GObject *object)
{
  VpPublishDialog *self = VP_PUBLISH_DIALOG (object);

  G_OBJECT_CLASS (vp_publish_dialog_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));
  vp_publish_dialog_refresh (self);
}

static void
vp_publish_dialog_dispose (GObject *object)
{
  VpPublishDialog *self = VP_PUBLISH_DIALOG (object);

  /* a publish under way stops with the dialog; what it did is kept */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PUBLISH_DIALOG);
  g_clear_object (&self->run);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_publish_dialog_parent_class)->dispose (object);
}

static void
vp_publish_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VpPublishDialog *self = VP_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_publish_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VpPublishDialog *self = VP_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROGRAMME_ID:
      self->programme_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_publish_dialog_class_init (VpPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_publish_dialog_constructed;
  object_class->dispose = vp_publish_dialog_dispose;
  object_class->get_property = vp_publish_dialog_get_property;
  object_class->set_property = vp_publish_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, publish_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, force_switch);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, per_participant_switch);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, per_host_switch);
  gtk_widget_class_bind_template_child (widget_class, VpPublishDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
vp_publish_dialog_init (VpPublishDialog *self)
{
  self->target_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vp_publish_dialog_new (GtkWindow *parent,
                       VpStore   *store,
                       gint64     programme_id)
{
  return g_object_new (VP_TYPE_PUBLISH_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "programme-id", programme_id,
                       NULL);
}

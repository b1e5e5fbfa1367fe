/* vp-publish-run.c: publishing a programme to each of its targets, one after another. */
#include "config.h"

#include <glib/gi18n.h>

#include "vp-publish.h"
#include "vp-publish-run.h"
#include "vp-publish-secret.h"

struct _VpPublishRun
{
  GObject             parent_instance;

  VpStore            *store;
  gint64              programme_id;
  VpSnapshot         *snapshot;
  GPtrArray          *targets;     /* VpPublishTarget */
  guint               next;
  GString            *lines;
  VpPublishRunResult  outcome;
  VpPublisher        *publisher;
  gboolean            force;
};

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpPublishRun, vp_publish_run, G_TYPE_OBJECT)

static void
vp_publish_run_finalize (GObject *object)
{
  VpPublishRun *self = VP_PUBLISH_RUN (object);

  g_clear_object (&self->store);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->publisher);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  if (self->lines != NULL)
    g_string_free (self->lines, TRUE);

  G_OBJECT_CLASS (vp_publish_run_parent_class)->finalize (object);
}

static void
vp_publish_run_class_init (VpPublishRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_publish_run_finalize;

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);
}

static void
vp_publish_run_init (VpPublishRun *self)
{
  self->lines = g_string_new (NULL);
}

VpPublishRun *
vp_publish_run_new (VpStore *store,
                    gint64   programme_id)
{
  VpPublishRun *self;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  self = g_object_new (VP_TYPE_PUBLISH_RUN, NULL);
  self->store = g_object_ref (store);
  self->programme_id = programme_id;
  return self;
}

void
vp_publish_run_set_force (VpPublishRun *self,
                          gboolean      force)
{
  g_return_if_fail (VP_IS_PUBLISH_RUN (self));

  self->force = force;
}

static void publish_next (GTask *task);

static void
add_line (VpPublishRun *self,
          const char   *line)
{
  if (self->lines->len > 0)
    g_string_append_c (self->lines, '\n');
  g_string_append (self->lines, line);
}

static void
progress_cb (VpPublisher *publisher,
             guint        done,
             guint        total,
             gpointer     user_data)
{
  VpPublishRun *self = user_data;
  VpPublishTarget *target = g_ptr_array_index (self->targets, self->next);
  g_autofree char *text = NULL;

  if (self->targets->len > 1)
    /* TRANSLATORS: progress of a publish to one of several targets: its
     * name, the requests done and to do */
    text = g_strdup_printf (_("%s: publishing %u of %u"), target->name, done, total);
  else
    /* TRANSLATORS: progress of a publish: the requests done and to do */
    text = g_strdup_printf (_("Publishing %u of %u"), done, total);
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, text,
                 total > 0 ? (double)done / total : 1.0);
}

static void
published_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  VpPublishRun *self = g_task_get_source_object (task);
  VpPublishTarget *target = g_ptr_array_index (self->targets, self->next);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpPublishReport) report = NULL;

  report = vp_publisher_publish_finish (VP_PUBLISHER (source), result, &error);
  if (report == NULL)
    {
      add_line (self, error->message);
      self->outcome = VP_PUBLISH_RUN_FAILED;
    }
  else
    {
      g_autofree char *summary = vp_publish_report_summary (report);
      g_autofree char *line = g_strdup_printf ("%s: %s", target->name, summary);

      add_line (self, line);
      if (report->n_conflicts > 0 && self->outcome == VP_PUBLISH_RUN_PUBLISHED)
        self->outcome = VP_PUBLISH_RUN_CONFLICTS;
    }

  g_clear_object (&self->publisher);
  self->next++;
  publish_next (task);
}

static void
publish_with (GTask      *task,
              const char *password,
              const char *note)
{
  VpPublishRun *self = g_task_get_source_object (task);
  VpPublishTarget *target = g_ptr_array_index (self->targets, self->next);

  self->publisher = vp_publisher_new (self->store, target, password, note);
  vp_publisher_set_force (self->publisher, self->force);
  g_signal_connect (self->publisher, "progress", G_CALLBACK (progress_cb), self);
  vp_publisher_publish_async (self->publisher, self->snapshot, g_task_get_cancellable (task),
                              published_cb, task);
}

static void
password_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = vp_publish_secret_lookup_finish (result, &error);
  g_autofree char *note = NULL;

  if (password == NULL)
    note = error != NULL
      ? g_strdup_printf (_("the keyring could not be read: %s"), error->message)
      : g_strdup (_("the keyring holds no password for this target"));
  publish_with (task, password, note);
}

static void
publish_next (GTask *task)
{
  VpPublishRun *self = g_task_get_source_object (task);
  VpPublishTarget *target;

  if (self->next >= self->targets->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  target = g_ptr_array_index (self->targets, self->next);
  if (target->password_env != NULL)
    {
      const char *password = g_getenv (target->password_env);

      if (password == NULL)
        {
          g_autofree char *line =
            g_strdup_printf (_("target “%s”: the environment variable %s, which should hold the "
                               "password, is not set"), target->name, target->password_env);

          add_line (self, line);
          self->outcome = VP_PUBLISH_RUN_FAILED;
          self->next++;
          publish_next (task);
          return;
        }
      publish_with (task, password, NULL);
    }
  else if (target->user != NULL)
    {
      VpProgramme *programme = vp_snapshot_get_programme (self->snapshot);

      vp_publish_secret_lookup_async (vp_programme_get_uid (programme), target->name,
                                      g_task_get_cancellable (task), password_cb, task);
    }
  else
    publish_with (task, NULL, NULL);
}

void
vp_publish_run_start (VpPublishRun        *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VP_IS_PUBLISH_RUN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  self->targets = vp_store_get_publish_targets (self->store, self->programme_id, &error);
  if (self->targets != NULL && self->targets->len > 0)
    self->snapshot = vp_store_load_snapshot (self->store, self->programme_id, &error);
  if (self->targets == NULL || (self->targets->len > 0 && self->snapshot == NULL))
    {
      add_line (self, error->message);
      self->outcome = VP_PUBLISH_RUN_FAILED;
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->targets->len == 0)
    {
      self->outcome = VP_PUBLISH_RUN_NO_TARGETS;
      g_task_return_boolean (task, TRUE);
      return;
    }

  publish_next (g_steal_pointer (&task));
}

char *
vp_publish_run_finish (VpPublishRun       *self,
                       GAsyncResult       *result,
                       VpPublishRunResult *outcome)
{
  g_return_val_if_fail (VP_IS_PUBLISH_RUN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  g_task_propagate_boolean (G_TASK (result), NULL);
  if (outcome != NULL)
    *outcome = self->outcome;
  return g_strdup (self->lines->str);
}

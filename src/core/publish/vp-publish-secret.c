/* vp-publish-secret.c: a publish target's password, in the desktop's keyring or the environment. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "vp-publish-secret.h"

static const SecretSchema *
target_schema (void)
{
  static const SecretSchema schema = {
    "io.github.visitplanner.VisitPlanner.PublishTarget",
    SECRET_SCHEMA_NONE,
    {
      { "programme", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "target", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

void
vp_publish_secret_store_async (const char          *programme_uid,
                               const char          *target_name,
                               const char          *label,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  secret_password_store (target_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data,
                         "programme", programme_uid, "target", target_name, NULL);
}

gboolean
vp_publish_secret_store_finish (GAsyncResult  *result,
                                GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
vp_publish_secret_lookup_async (const char          *programme_uid,
                                const char          *target_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  secret_password_lookup (target_schema (), cancellable, callback, user_data,
                          "programme", programme_uid, "target", target_name, NULL);
}

char *
vp_publish_secret_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

void
vp_publish_secret_clear_async (const char          *programme_uid,
                               const char          *target_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  secret_password_clear (target_schema (), cancellable, callback, user_data,
                         "programme", programme_uid, "target", target_name, NULL);
}

gboolean
vp_publish_secret_clear_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_clear_finish (result, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
vp_publish_secret_clear_sync (const char  *programme_uid,
                              const char  *target_name,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_clear_sync (target_schema (), NULL, &local_error,
                                   "programme", programme_uid, "target", target_name, NULL) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

char *
vp_publish_password_lookup_sync (const VpPublishTarget  *target,
                                 const char             *programme_uid,
                                 char                  **note,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  g_return_val_if_fail (target != NULL, NULL);

  if (target->password_env != NULL)
    {
      const char *value = g_getenv (target->password_env);

      if (value == NULL)
        {
          g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_NO_PASSWORD,
                       _("target “%s”: the environment variable %s, which should hold the "
                         "password, is not set"),
                       target->name, target->password_env);
          return NULL;
        }
      return g_strdup (value);
    }

  if (target->user == NULL)
    return NULL;

  password = secret_password_lookup_sync (target_schema (), NULL, &local_error,
                                          "programme", programme_uid,
                                          "target", target->name, NULL);
  if (password == NULL && note != NULL)
    *note = local_error != NULL
      ? g_strdup_printf (_("the keyring could not be read: %s"), local_error->message)
      : g_strdup (_("the keyring holds no password for this target"));

  /* a copy in ordinary memory: the caller frees it with g_free() */
  if (password != NULL)
    {
      char *copy = g_strdup (password);

      secret_password_free (password);
      return copy;
    }
  return NULL;
}

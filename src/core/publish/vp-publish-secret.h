/* vp-publish-secret.h: a publish target's password, in the desktop's keyring or the environment. */
#pragma once

#include <gio/gio.h>

#include "vp-publish-target.h"

G_BEGIN_DECLS

/* The keyring's items (libsecret, the Secret Service) have the schema
 * "io.github.visitplanner.VisitPlanner.PublishTarget" with the attributes
 * "programme" (the programme's uid) and "target" (the target's name). */

void      vp_publish_secret_store_async  (const char           *programme_uid,
                                          const char           *target_name,
                                          const char           *label,
                                          const char           *password,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  vp_publish_secret_store_finish (GAsyncResult         *result,
                                          GError              **error);

void      vp_publish_secret_lookup_async (const char           *programme_uid,
                                          const char           *target_name,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* The password, or NULL: none stored (no error) or no keyring (an error). */
char     *vp_publish_secret_lookup_finish (GAsyncResult        *result,
                                           GError             **error);

/* Forgets the password (none stored is no error). */
void      vp_publish_secret_clear_async  (const char           *programme_uid,
                                          const char           *target_name,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  vp_publish_secret_clear_finish (GAsyncResult         *result,
                                          GError              **error);
/* The same, blocking (the command line). */
gboolean  vp_publish_secret_clear_sync   (const char           *programme_uid,
                                          const char           *target_name,
                                          GError              **error);

/* The password of @target for a publish that may block (the command line):
 * the value of its variable when it names one (unset is
 * VP_PUBLISH_ERROR_NO_PASSWORD), else the keyring's when it has a user;
 * NULL without an error when it has no user, or the keyring holds nothing
 * or cannot be reached (then @note says why, for the message of a 401). */
char     *vp_publish_password_lookup_sync (const VpPublishTarget *target,
                                           const char            *programme_uid,
                                           char                 **note,
                                           GError               **error);

G_END_DECLS

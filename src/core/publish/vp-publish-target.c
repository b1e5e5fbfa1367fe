/* vp-publish-target.c: publish targets, the resources they hold, and content hashes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vp-publish-target.h"

G_DEFINE_QUARK (vp-publish-error-quark, vp_publish_error)

VpPublishTarget *
vp_publish_target_new (void)
{
  return g_new0 (VpPublishTarget, 1);
}

VpPublishTarget *
vp_publish_target_copy (const VpPublishTarget *target)
{
  VpPublishTarget *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_memdup2 (target, sizeof *target);
  copy->name = g_strdup (target->name);
  copy->url = g_strdup (target->url);
  copy->user = g_strdup (target->user);
  copy->password_env = g_strdup (target->password_env);
  copy->ca_file = g_strdup (target->ca_file);
  copy->last_result = g_strdup (target->last_result);
  copy->last_report = g_strdup (target->last_report);
  return copy;
}

void
vp_publish_target_free (VpPublishTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->name);
  g_free (target->url);
  g_free (target->user);
  g_free (target->password_env);
  g_free (target->ca_file);
  g_free (target->last_result);
  g_free (target->last_report);
  g_free (target);
}

const char *
vp_publish_kind_to_string (VpPublishKind kind)
{
  switch (kind)
    {
    case VP_PUBLISH_CALDAV:
      return "caldav";
    case VP_PUBLISH_WEBDAV:
      return "webdav";
    default:
      g_return_val_if_reached ("caldav");
    }
}

gboolean
vp_publish_kind_from_string (const char    *text,
                             VpPublishKind *kind)
{
  if (g_strcmp0 (text, "caldav") == 0)
    *kind = VP_PUBLISH_CALDAV;
  else if (g_strcmp0 (text, "webdav") == 0)
    *kind = VP_PUBLISH_WEBDAV;
  else
    return FALSE;
  return TRUE;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7F)
      return TRUE;
  return FALSE;
}

gboolean
vp_publish_target_validate (VpPublishTarget  *target,
                            GError          **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;

  g_return_val_if_fail (target != NULL, FALSE);

  if (target->name == NULL || target->name[0] == '\0' ||
      !g_utf8_validate (target->name, -1, NULL) || has_control (target->name) ||
      g_utf8_strlen (target->name, -1) > 100)
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("a target’s name must be 1 to 100 characters of text, without control "
                     "characters"));
      return FALSE;
    }

  if (target->url == NULL ||
      (uri = g_uri_parse (target->url, G_URI_FLAGS_ENCODED, &local_error)) == NULL)
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: not a URL: %s"), target->url != NULL ? target->url : "",
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: the URL must start with https:// (or http://)"), target->url);
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: the URL has no host name"), target->url);
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: a URL must not hold a user name or password: use --user and "
                     "the keyring or --password-env"), target->url);
      return FALSE;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: the URL of a folder or calendar home has no ‘?’ or ‘#’ part"),
                   target->url);
      return FALSE;
    }
  if (target->password_env != NULL &&
      (target->password_env[0] == '\0' || strchr (target->password_env, '=') != NULL ||
       has_control (target->password_env)))
    {
      g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                   _("%s: not the name of an environment variable"), target->password_env);
      return FALSE;
    }

  if (!g_str_has_suffix (target->url, "/"))
    {
      char *with_slash = g_strconcat (target->url, "/", NULL);

      g_free (target->url);
      target->url = with_slash;
    }

  return TRUE;
}

VpPublishResource *
vp_publish_resource_new (const char *href,
                         const char *uid,
                         const char *etag,
                         gint64      sequence,
                         const char *hash,
                         gboolean    conflict)
{
  VpPublishResource *resource = g_new0 (VpPublishResource, 1);

  resource->href = g_strdup (href);
  resource->uid = g_strdup (uid);
  resource->etag = g_strdup (etag);
  resource->sequence = sequence;
  resource->hash = g_strdup (hash);
  resource->conflict = conflict;
  return resource;
}

void
vp_publish_resource_free (VpPublishResource *resource)
{
  if (resource == NULL)
    return;

  g_free (resource->href);
  g_free (resource->uid);
  g_free (resource->etag);
  g_free (resource->hash);
  g_free (resource);
}

char *
vp_publish_content_hash (GBytes *bytes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  const char *line = data;

  /* Line by line (CRLF or LF): a DTSTAMP line is the time of writing, and a
   * folded line's continuation starts with a space, so never with it. */
  while (line < end)
    {
      const char *next = memchr (line, '\n', end - line);
      gsize length = next != NULL ? (gsize)(next + 1 - line) : (gsize)(end - line);

      if (!(length >= 8 && g_ascii_strncasecmp (line, "DTSTAMP:", 8) == 0))
        g_checksum_update (checksum, (const guchar *)line, length);
      line += length;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* vp-publish-target.h: where a programme's calendars are published, and what was put there. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_PUBLISH_ERROR (vp_publish_error_quark ())

typedef enum
{
  VP_PUBLISH_ERROR_INVALID,      /* a target's name, URL or CA file is wrong */
  VP_PUBLISH_ERROR_NO_PASSWORD,  /* the variable that should hold the password is not set */
  VP_PUBLISH_ERROR_HTTP,         /* the server answered with an error */
  VP_PUBLISH_ERROR_NETWORK,      /* no answer: refused, dropped, timed out */
  VP_PUBLISH_ERROR_TLS,          /* the server's certificate does not verify */
} VpPublishError;

GQuark vp_publish_error_quark (void);

typedef enum
{
  VP_PUBLISH_CALDAV,  /* a CalDAV calendar home: a collection per calendar, a resource per event */
  VP_PUBLISH_WEBDAV,  /* a WebDAV folder: one .ics file per calendar */
} VpPublishKind;

/* A publish target of a programme, as the store keeps it.  The password is
 * never here: it is read from the environment variable @password_env at
 * each publish, or from the keyring (vp-publish-secret.h). */
typedef struct
{
  gint64         id;
  gint64         programme_id;
  char          *name;
  VpPublishKind  kind;
  char          *url;              /* a CalDAV calendar home, or a WebDAV folder; ends in '/' */
  char          *user;             /* NULL: no authentication */
  char          *password_env;     /* the NAME of the variable that holds the password */
  char          *ca_file;          /* the authorities to trust instead of the system's */
  gboolean       per_participant;
  gboolean       per_host;
  /* The last publish: when (Unix time, 0: never), its result (published,
   * conflicts, failed) and what it did, one line per resource or the
   * failure. */
  gint64         last_at;
  char          *last_result;
  char          *last_report;
} VpPublishTarget;

/* What a target holds of one calendar event or file: its URL, the strong
 * ETag the server gave it (NULL when it gave none or a weak one), the
 * SEQUENCE and the content hash (vp_publish_content_hash()) last put, and
 * whether it was left alone in a conflict (the next publish tries it
 * again). */
typedef struct
{
  char     *href;
  char     *uid;
  char     *etag;
  gint64    sequence;
  char     *hash;
  gboolean  conflict;
} VpPublishResource;

VpPublishTarget   *vp_publish_target_new        (void);
VpPublishTarget   *vp_publish_target_copy       (const VpPublishTarget *target);
void               vp_publish_target_free       (VpPublishTarget       *target);

const char        *vp_publish_kind_to_string    (VpPublishKind          kind);
gboolean           vp_publish_kind_from_string  (const char            *text,
                                                 VpPublishKind         *kind);

/* Checks a target's name (not empty, no control characters, at most 100
 * characters) and URL (http or https, with a host, no user name or
 * password in it, no query or fragment) and gives the URL its final '/'. */
gboolean           vp_publish_target_validate   (VpPublishTarget       *target,
                                                 GError               **error);

VpPublishResource *vp_publish_resource_new      (const char            *href,
                                                 const char            *uid,
                                                 const char            *etag,
                                                 gint64                 sequence,
                                                 const char            *hash,
                                                 gboolean               conflict);
void               vp_publish_resource_free     (VpPublishResource     *resource);

/* The SHA-256 of @bytes without their DTSTAMP lines (the time of writing,
 * which changes at every export): equal when the calendar is. */
char              *vp_publish_content_hash      (GBytes                *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpPublishTarget, vp_publish_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpPublishResource, vp_publish_resource_free)

G_END_DECLS

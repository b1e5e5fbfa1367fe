/* vp-publish.h: a programme's calendars put on a CalDAV or WebDAV server, only what changed. */
#pragma once

#include <gio/gio.h>

#include "vp-publish-target.h"
#include "vp-snapshot.h"
#include "vp-store.h"

G_BEGIN_DECLS

typedef enum
{
  VP_PUBLISH_PUT,        /* created on the server */
  VP_PUBLISH_UPDATED,    /* replaced on the server */
  VP_PUBLISH_DELETED,    /* deleted from the server */
  VP_PUBLISH_CONFLICT,   /* changed, made or deleted on the server by someone else: left alone */
} VpPublishAction;

typedef struct
{
  VpPublishAction  action;
  char            *href;
  char            *uid;     /* the event's UID, or the file's name */
} VpPublishEntry;

/* What a publish did: one entry per resource it put, updated, deleted or
 * left in a conflict, in the order it went; the counts; and the URLs to
 * subscribe to (a CalDAV collection, or a WebDAV file, with its label). */
typedef struct
{
  GPtrArray *entries;        /* VpPublishEntry */
  guint      n_put;
  guint      n_updated;
  guint      n_deleted;
  guint      n_conflicts;
  guint      n_unchanged;
} VpPublishReport;

typedef struct
{
  char *label;               /* the programme's title, or a participant's or host's name */
  char *url;                 /* the CalDAV collection or the WebDAV file */
  char *webcal;              /* the same as webcal:// for a WebDAV file; NULL for CalDAV */
} VpSubscription;

void             vp_publish_report_free     (VpPublishReport *report);
void             vp_subscription_free       (VpSubscription  *subscription);

/* The URLs @target publishes @snapshot's calendars at: the programme's, then
 * each participant's and each host's (with --per-participant, --per-host). */
GPtrArray       *vp_publish_subscriptions   (const VpPublishTarget *target,
                                             VpSnapshot            *snapshot);

/* One line: "3 put, 1 updated, 0 deleted, 23 unchanged, 0 conflicts". */
char            *vp_publish_report_summary  (const VpPublishReport *report);

#define VP_TYPE_PUBLISHER (vp_publisher_get_type ())

G_DECLARE_FINAL_TYPE (VpPublisher, vp_publisher, VP, PUBLISHER, GObject)

/* A publisher of @target's calendars (a copy is kept), writing what it did
 * to @store as it goes (each resource in a transaction of its own, so that
 * a publish that stops halfway keeps what it did and the next completes
 * it).  @password may be NULL (no authentication, or none found: then
 * @password_note says why, for the message of a 401).  Signal
 * ::progress (guint done, guint total): after each request that puts,
 * updates or deletes. */
VpPublisher     *vp_publisher_new           (VpStore               *store,
                                             const VpPublishTarget *target,
                                             const char            *password,
                                             const char            *password_note);
/* Overwrite (or delete) what changed on the server too, instead of leaving
 * it alone as a conflict. */
void             vp_publisher_set_force     (VpPublisher           *self,
                                             gboolean               force);

/* Publishes @snapshot (its programme's calendars, and with the target's
 * flags each participant's and host's): HTTP requests one at a time on the
 * thread-default main context, cancellable.  The report, or NULL with an
 * error that names the target, the URL and what went wrong; either way the
 * target's last result is recorded in the store. */
void             vp_publisher_publish_async (VpPublisher           *self,
                                             VpSnapshot            *snapshot,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
VpPublishReport *vp_publisher_publish_finish (VpPublisher          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* After a publish that failed: what it did before (every request done is
 * recorded in the store), or NULL; the caller owns it. */
VpPublishReport *vp_publisher_steal_partial_report (VpPublisher    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpPublishReport, vp_publish_report_free)

G_END_DECLS

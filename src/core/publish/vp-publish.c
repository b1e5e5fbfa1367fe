/* vp-publish.c: a programme's calendars put on a CalDAV or WebDAV server, only what changed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "vp-calendar.h"
#include "vp-publish.h"

#define MAX_ATTEMPTS   4     /* one try and three more, after 0.5, 1 and 2 seconds */
#define FIRST_BACKOFF  500   /* milliseconds */
#define MAX_REDIRECTS  5
#define IO_TIMEOUT     30    /* seconds without a byte: the connection is given up */
#define CALENDAR_TYPE  "text/calendar; charset=utf-8"
#define XML_TYPE       "application/xml; charset=utf-8"

/* Reports {{{1 */

static void
entry_free (VpPublishEntry *entry)
{
  g_free (entry->href);
  g_free (entry->uid);
  g_free (entry);
}

void
vp_publish_report_free (VpPublishReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->entries, g_ptr_array_unref);
  g_free (report);
}

void
vp_subscription_free (VpSubscription *subscription)
{
  if (subscription == NULL)
    return;

  g_free (subscription->label);
  g_free (subscription->url);
  g_free (subscription->webcal);
  g_free (subscription);
}

char *
vp_publish_report_summary (const VpPublishReport *report)
{
  /* TRANSLATORS: what a publish did, as counts */
  return g_strdup_printf (_("%u put, %u updated, %u deleted, %u unchanged, %u conflicts"),
                          report->n_put, report->n_updated, report->n_deleted,
                          report->n_unchanged, report->n_conflicts);
}

/* Where each calendar goes {{{1 */

/* One calendar of a target: a CalDAV collection (its URL ends in '/') or a
 * WebDAV file. */
typedef struct
{
  char          *url;
  char          *label;
  VpParticipant *participant;  /* whose calendar it is, or NULL */
  VpHost        *host;
} Place;

static void
place_free (Place *place)
{
  g_free (place->url);
  g_free (place->label);
  g_free (place);
}

static char *
escape_segment (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/* The target's calendars for @snapshot: the programme's, then each
 * participant's and host's that the target's flags ask for. */
static GPtrArray *
target_places (const VpPublishTarget *target,
               VpSnapshot            *snapshot)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_autofree char *programme_uid = escape_segment (vp_programme_get_uid (programme));
  GPtrArray *places = g_ptr_array_new_with_free_func ((GDestroyNotify)place_free);
  gboolean caldav = target->kind == VP_PUBLISH_CALDAV;
  Place *place;

  place = g_new0 (Place, 1);
  place->url = caldav ? g_strconcat (target->url, programme_uid, "/", NULL)
                      : g_strconcat (target->url, "programme.ics", NULL);
  place->label = g_strdup (vp_programme_get_title (programme));
  g_ptr_array_add (places, place);

  if (target->per_participant)
    {
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);

      for (guint i = 0; i < participants->len; i++)
        {
          VpParticipant *participant = g_ptr_array_index (participants, i);
          g_autofree char *ref = escape_segment (vp_participant_get_ref (participant));

          place = g_new0 (Place, 1);
          place->participant = participant;
          place->url = caldav
            ? g_strconcat (target->url, programme_uid, "-participant-", ref, "/", NULL)
            : g_strconcat (target->url, "participant-", ref, ".ics", NULL);
          /* TRANSLATORS: a calendar's name: the programme, then the participant */
          place->label = g_strdup_printf (_("%s — %s"), vp_programme_get_title (programme),
                                          vp_participant_get_name (participant));
          g_ptr_array_add (places, place);
        }
    }

  if (target->per_host)
    {
      GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);

      for (guint i = 0; i < hosts->len; i++)
        {
          VpHost *host = g_ptr_array_index (hosts, i);
          g_autofree char *ref = escape_segment (vp_host_get_ref (host));

          place = g_new0 (Place, 1);
          place->host = host;
          place->url = caldav
            ? g_strconcat (target->url, programme_uid, "-host-", ref, "/", NULL)
            : g_strconcat (target->url, "host-", ref, ".ics", NULL);
          /* TRANSLATORS: a calendar's name: the programme, then the host */
          place->label = g_strdup_printf (_("%s — %s"), vp_programme_get_title (programme),
                                          vp_host_get_name (host));
          g_ptr_array_add (places, place);
        }
    }

  return places;
}

static char *
webcal_url (const char *url)
{
  if (g_str_has_prefix (url, "https://"))
    return g_strconcat ("webcal://", url + strlen ("https://"), NULL);
  if (g_str_has_prefix (url, "http://"))
    return g_strconcat ("webcal://", url + strlen ("http://"), NULL);
  return g_strdup (url);
}

GPtrArray *
vp_publish_subscriptions (const VpPublishTarget *target,
                          VpSnapshot            *snapshot)
{
  g_autoptr(GPtrArray) places = NULL;
  GPtrArray *subscriptions;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  places = target_places (target, snapshot);
  subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_subscription_free);
  for (guint i = 0; i < places->len; i++)
    {
      Place *place = g_ptr_array_index (places, i);
      VpSubscription *subscription = g_new0 (VpSubscription, 1);

      subscription->label = g_strdup (place->label);
      subscription->url = g_strdup (place->url);
      if (target->kind == VP_PUBLISH_WEBDAV)
        subscription->webcal = webcal_url (place->url);
      g_ptr_array_add (subscriptions, subscription);
    }

  return subscriptions;
}

/* What a publish wants on the server: each resource with its content. */
typedef struct
{
  char   *href;
  char   *uid;
  gint64  sequence;
  GBytes *data;
  char   *hash;
} Wanted;

static void
wanted_free (Wanted *wanted)
{
  g_free (wanted->href);
  g_free (wanted->uid);
  g_clear_pointer (&wanted->data, g_bytes_unref);
  g_free (wanted->hash);
  g_free (wanted);
}

static Wanted *
wanted_new (const char *href,
            const char *uid,
            gint64      sequence,
            GBytes     *data)
{
  Wanted *wanted = g_new0 (Wanted, 1);

  wanted->href = g_strdup (href);
  wanted->uid = g_strdup (uid);
  wanted->sequence = sequence;
  wanted->data = g_bytes_ref (data);
  wanted->hash = vp_publish_content_hash (data);
  return wanted;
}

/* The calendar objects of a CalDAV collection, or the one file of a WebDAV
 * place, all written at @stamp. */
static void
add_wanted (const VpPublishTarget *target,
            VpSnapshot            *snapshot,
            Place                 *place,
            GDateTime             *stamp,
            GPtrArray             *wanted)
{
  if (target->kind == VP_PUBLISH_CALDAV)
    {
      g_autoptr(GPtrArray) objects = NULL;

      if (place->participant != NULL)
        objects = vp_calendar_objects_participant (snapshot, place->participant, stamp);
      else if (place->host != NULL)
        objects = vp_calendar_objects_host (snapshot, place->host, stamp);
      else
        objects = vp_calendar_objects_programme (snapshot, stamp);

      for (guint i = 0; i < objects->len; i++)
        {
          VpCalendarObject *object = g_ptr_array_index (objects, i);
          g_autofree char *name = escape_segment (object->uid);
          g_autofree char *href = g_strconcat (place->url, name, ".ics", NULL);

          g_ptr_array_add (wanted, wanted_new (href, object->uid, object->sequence,
                                               object->data));
        }
    }
  else
    {
      g_autoptr(GBytes) data = NULL;
      const char *name = strrchr (place->url, '/') + 1;

      if (place->participant != NULL)
        data = vp_calendar_write_participant (snapshot, place->participant, stamp);
      else if (place->host != NULL)
        data = vp_calendar_write_host (snapshot, place->host, stamp);
      else
        data = vp_calendar_write_programme (snapshot, stamp);

      g_ptr_array_add (wanted, wanted_new (place->url, name, 0, data));
    }
}

/* The publisher {{{1 */

struct _VpPublisher
{
  GObject          parent_instance;

  VpStore         *store;
  VpPublishTarget *target;
  char            *password;
  char            *password_note;
  gboolean         force;
  SoupSession     *session;
  VpPublishReport *partial;
};

enum
{
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpPublisher, vp_publisher, G_TYPE_OBJECT)

static void
vp_publisher_finalize (GObject *object)
{
  VpPublisher *self = VP_PUBLISHER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->target, vp_publish_target_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->password_note, g_free);
  g_clear_object (&self->session);
  vp_publish_report_free (self->partial);

  G_OBJECT_CLASS (vp_publisher_parent_class)->finalize (object);
}

static void
vp_publisher_class_init (VpPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_publisher_finalize;

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
vp_publisher_init (VpPublisher *self)
{
}

VpPublisher *
vp_publisher_new (VpStore               *store,
                  const VpPublishTarget *target,
                  const char            *password,
                  const char            *password_note)
{
  VpPublisher *self;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (VP_TYPE_PUBLISHER, NULL);
  self->store = g_object_ref (store);
  self->target = vp_publish_target_copy (target);
  self->password = g_strdup (password);
  self->password_note = g_strdup (password_note);
  return self;
}

void
vp_publisher_set_force (VpPublisher *self,
                        gboolean     force)
{
  g_return_if_fail (VP_IS_PUBLISHER (self));

  self->force = force;
}

/* HTTP requests {{{1 */

/* One request, sent again after a redirect, a 5xx answer or a network
 * error (with a growing pause between tries), and its answer. */
typedef struct
{
  VpPublisher *self;
  char        *method;
  char        *url;
  GBytes      *body;
  const char  *content_type;
  char        *if_match;
  gboolean     if_none_match;
  const char  *depth;
  guint        attempt;
  guint        redirects;
  SoupMessage *message;
  guint        timeout_id;
  SoupAuth    *auth;          /* the server asked for it: given on the next try */
  gboolean     auth_given;
} Request;

typedef struct
{
  guint   status;
  char   *etag;          /* a strong ETag, or NULL */
  GBytes *body;
} Response;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->url);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->if_match);
  g_clear_object (&request->message);
  g_clear_object (&request->auth);
  g_clear_handle_id (&request->timeout_id, g_source_remove);
  g_free (request);
}

static void
response_free (Response *response)
{
  g_free (response->etag);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

/* The server asks who we are: the answer is a 401, after which the request
 * is sent again, once, as a new message with the user and password (a
 * message that libsoup 3.2 restarts itself loses its body, and the server
 * waits for it until the time runs out).  The auth manager then gives them
 * with every later request under that URL. */
static gboolean
authenticate_cb (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  Request *request = user_data;
  VpPublisher *self = request->self;

  if (!retrying && !request->auth_given && !soup_auth_is_for_proxy (auth) &&
      self->target->user != NULL && self->password != NULL)
    g_set_object (&request->auth, auth);
  return FALSE;
}

/* An error that a later try may not have: the connection was refused,
 * dropped, reset or timed out, the name did not resolve.  Never a
 * certificate that does not verify. */
static gboolean
is_transient (const GError *error)
{
  if (error->domain == G_TLS_ERROR)
    return FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  return error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
         error->domain == SOUP_SESSION_ERROR;
}

static gboolean
is_retried_status (guint status)
{
  return status == SOUP_STATUS_INTERNAL_SERVER_ERROR || status == SOUP_STATUS_BAD_GATEWAY ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE || status == SOUP_STATUS_GATEWAY_TIMEOUT;
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static char *
strong_etag (SoupMessageHeaders *headers)
{
  const char *etag = soup_message_headers_get_one (headers, "ETag");

  /* a weak ETag (W/"…") says the content is alike, not the same bytes:
   * never good enough for If-Match */
  if (etag == NULL || etag[0] != '"')
    return NULL;
  return g_strdup (etag);
}

static void request_send (GTask *task);

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->timeout_id = 0;
  request_send (task);
  return G_SOURCE_REMOVE;
}

/* Tries again after a pause that doubles with each try; TRUE when it will. */
static gboolean
request_retry (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  guint delay;

  if (request->attempt >= MAX_ATTEMPTS ||
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;

  delay = FIRST_BACKOFF << (request->attempt - 1);
  request->timeout_id = g_timeout_add (delay, retry_cb, task);
  return TRUE;
}

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  Response *response;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (is_transient (error) && request_retry (task))
        {
          g_steal_pointer (&task);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (request->message);

  if (status == SOUP_STATUS_UNAUTHORIZED && request->auth != NULL)
    {
      VpPublisher *self = request->self;
      SoupSessionFeature *manager = soup_session_get_feature (self->session,
                                                              SOUP_TYPE_AUTH_MANAGER);

      g_autoptr(GUri) home = g_uri_parse (self->target->url, SOUP_HTTP_URI_FLAGS, NULL);

      /* for this URL and all under the target's: one 401 per publish */
      soup_auth_authenticate (request->auth, self->target->user, self->password);
      soup_auth_manager_use_auth (SOUP_AUTH_MANAGER (manager),
                                  soup_message_get_uri (request->message), request->auth);
      if (home != NULL)
        soup_auth_manager_use_auth (SOUP_AUTH_MANAGER (manager), home, request->auth);
      g_clear_object (&request->auth);
      request->auth_given = TRUE;
      request->attempt--;
      request_send (g_steal_pointer (&task));
      return;
    }

  if (is_redirect (status))
    {
      const char *location =
        soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                      "Location");
      g_autoptr(GUri) next = NULL;

      if (location != NULL && request->redirects < MAX_REDIRECTS)
        next = g_uri_parse_relative (soup_message_get_uri (request->message), location,
                                     SOUP_HTTP_URI_FLAGS, NULL);
      /* never from https to http: the password would travel in the clear */
      if (next != NULL &&
          !(g_str_equal (g_uri_get_scheme (soup_message_get_uri (request->message)), "https") &&
            !g_str_equal (g_uri_get_scheme (next), "https")))
        {
          g_free (request->url);
          request->url = g_uri_to_string (next);
          request->redirects++;
          request_send (g_steal_pointer (&task));
          return;
        }
    }

  if (is_retried_status (status) && request_retry (task))
    {
      g_steal_pointer (&task);
      return;
    }

  response = g_new0 (Response, 1);
  response->status = status;
  response->etag = strong_etag (soup_message_get_response_headers (request->message));
  response->body = g_steal_pointer (&body);
  g_task_return_pointer (task, response, (GDestroyNotify)response_free);
}

static void
request_send (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  VpPublisher *self = request->self;
  SoupMessageHeaders *headers;

  g_clear_object (&request->message);
  request->message = soup_message_new (request->method, request->url);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                               _("not a URL that can be requested"));
      g_object_unref (task);
      return;
    }

  request->attempt++;
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (request->message, "authenticate", G_CALLBACK (authenticate_cb), request);

  headers = soup_message_get_request_headers (request->message);
  if (request->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", request->if_match);
  if (request->if_none_match)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  if (request->depth != NULL)
    soup_message_headers_replace (headers, "Depth", request->depth);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, request->content_type,
                                              request->body);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), request_done_cb, task);
}

static void
request_async (VpPublisher         *self,
               const char          *method,
               const char          *url,
               GBytes              *body,
               const char          *content_type,
               const char          *if_match,
               gboolean             if_none_match,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->self = self;
  request->method = g_strdup (method);
  request->url = g_strdup (url);
  request->body = body != NULL ? g_bytes_ref (body) : NULL;
  request->content_type = content_type;
  request->if_match = g_strdup (if_match);
  request->if_none_match = if_none_match;
  if (g_str_equal (method, "PROPFIND"))
    request->depth = "0";
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  request_send (task);
}

static Response *
request_finish (GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A publish {{{1 */

typedef enum
{
  OP_CREATE,
  OP_UPDATE,
  OP_DELETE,
} OpKind;

/* Where an operation is: each stage is one request. */
typedef enum
{
  STAGE_WRITE,           /* PUT or DELETE, with its condition */
  STAGE_CHECK,           /* GET: what the server holds, to compare */
  STAGE_WRITE_CHECKED,   /* PUT or DELETE after the comparison */
  STAGE_ETAG,            /* HEAD: the ETag of what was put, when the PUT gave none */
} Stage;

typedef struct
{
  OpKind             kind;
  Stage              stage;
  Wanted            *wanted;     /* what to put (borrowed), or NULL for a delete */
  VpPublishResource *state;      /* what the store knew (borrowed), or NULL for a create */
  char              *href;
  char              *uid;
  char              *if_match;   /* the strong ETag seen by STAGE_CHECK, for the write after */
  gboolean           replaced;   /* a create found the resource there and replaced it */
} Op;

static void
op_free (Op *op)
{
  g_free (op->href);
  g_free (op->uid);
  g_free (op->if_match);
  g_free (op);
}

typedef struct
{
  VpSnapshot      *snapshot;
  GPtrArray       *places;       /* Place */
  GPtrArray       *wanted;       /* Wanted */
  GHashTable      *state;        /* href → VpPublishResource */
  GPtrArray       *collections;  /* URLs of collections that will be written to */
  GPtrArray       *ops;          /* Op */
  guint            next_collection;
  guint            next_op;
  guint            done;
  VpPublishReport *report;
  char            *failed_url;   /* the URL of the request that failed */
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->snapshot);
  g_clear_pointer (&run->places, g_ptr_array_unref);
  g_clear_pointer (&run->ops, g_ptr_array_unref);
  g_clear_pointer (&run->wanted, g_ptr_array_unref);
  g_clear_pointer (&run->state, g_hash_table_unref);
  g_clear_pointer (&run->collections, g_ptr_array_unref);
  vp_publish_report_free (run->report);
  g_free (run->failed_url);
  g_free (run);
}

static void run_next (GTask *task);

static void
report_entry (Run             *run,
              VpPublishAction  action,
              const char      *href,
              const char      *uid)
{
  VpPublishEntry *entry = g_new0 (VpPublishEntry, 1);

  entry->action = action;
  entry->href = g_strdup (href);
  entry->uid = g_strdup (uid);
  g_ptr_array_add (run->report->entries, entry);

  switch (action)
    {
    case VP_PUBLISH_PUT:
      run->report->n_put++;
      break;
    case VP_PUBLISH_UPDATED:
      run->report->n_updated++;
      break;
    case VP_PUBLISH_DELETED:
      run->report->n_deleted++;
      break;
    case VP_PUBLISH_CONFLICT:
      run->report->n_conflicts++;
      break;
    default:
      break;
    }
}

/* What a status means, for the one line that says what went wrong. */
static char *
describe_status (guint       status,
                 const char *note)
{
  const char *reason = soup_status_get_phrase (status);
  g_autofree char *code = g_strdup_printf ("%u %s", status, reason != NULL ? reason : "");

  g_strchomp (code);
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (note != NULL)
        return g_strdup_printf (_("the server refused the user name and password (%s; %s)"),
                                code, note);
      return g_strdup_printf (_("the server refused the user name and password (%s)"), code);
    case SOUP_STATUS_FORBIDDEN:
      return g_strdup_printf (_("the server forbids this user to write there (%s)"), code);
    case SOUP_STATUS_NOT_FOUND:
      return g_strdup_printf (_("no such place on the server (%s): check the URL"), code);
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return g_strdup_printf (_("the server does not allow this there (%s): is it a CalDAV "
                                "calendar home or a WebDAV folder?"), code);
    case SOUP_STATUS_CONFLICT:
      return g_strdup_printf (_("the folder above it does not exist on the server (%s)"), code);
    case SOUP_STATUS_INSUFFICIENT_STORAGE:
      return g_strdup_printf (_("the server has no room left (%s)"), code);
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return g_strdup_printf (_("the server refused a calendar as too large (%s)"), code);
    default:
      if (status >= 500)
        return g_strdup_printf (_("the server failed (%s), also when tried again"), code);
      if (is_redirect (status))
        return g_strdup_printf (_("the server sent it elsewhere too often, or from https to "
                                  "http (%s)"), code);
      return g_strdup_printf (_("the server answered %s"), code);
    }
}

/* Ends the publish with the error "target NAME: URL: what went wrong". */
static void
run_fail_with (GTask      *task,
               const char *url,
               int         code,
               const char *what)
{
  VpPublisher *self = g_task_get_source_object (task);

  g_task_return_new_error (task, VP_PUBLISH_ERROR, code, _("target “%s”: %s: %s"),
                           self->target->name, url, what);
}

static void
run_fail_status (GTask      *task,
                 const char *url,
                 guint       status)
{
  VpPublisher *self = g_task_get_source_object (task);
  g_autofree char *what = describe_status (status, self->password_note);

  run_fail_with (task, url, VP_PUBLISH_ERROR_HTTP, what);
}

static void
run_fail_error (GTask        *task,
                const char   *url,
                const GError *error)
{
  g_autofree char *what = NULL;
  int code = VP_PUBLISH_ERROR_NETWORK;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  if (error->domain == G_TLS_ERROR)
    {
      code = VP_PUBLISH_ERROR_TLS;
      what = g_strdup_printf (_("the server’s certificate does not verify (%s): give the "
                                "authority that signed it with --ca-file"),
                              error->message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    what = g_strdup_printf (_("the server is down or refuses connections (%s), also when "
                              "tried again"), error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    what = g_strdup_printf (_("the server did not answer in time (%s), also when tried again"),
                            error->message);
  else if (error->domain == G_RESOLVER_ERROR)
    what = g_strdup_printf (_("the server’s name is not known (%s)"), error->message);
  else if (error->domain == VP_PUBLISH_ERROR)
    what = g_strdup (error->message);
  else
    what = g_strdup_printf (_("the connection broke before the server answered (%s), also "
                              "when tried again"), error->message);

  run_fail_with (task, url, code, what);
}

/* Collections {{{2 */

static GBytes *
mkcalendar_body (VpSnapshot *snapshot,
                 const char *label)
{
  /* a colour of GNOME's palette, the same for the programme's calendars */
  static const char * const colours[] = {
    "#3584E4FF", "#33D17AFF", "#F6D32DFF", "#FF7800FF", "#E01B24FF", "#9141ACFF", "#986A44FF",
  };
  const char *uid = vp_programme_get_uid (vp_snapshot_get_programme (snapshot));
  g_autofree char *name = g_markup_escape_text (label, -1);
  char *text;

  text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<C:mkcalendar xmlns:D=\"DAV:\" "
                          "xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
                          "xmlns:A=\"http://apple.com/ns/ical/\">\n"
                          " <D:set><D:prop>\n"
                          "  <D:displayname>%s</D:displayname>\n"
                          "  <A:calendar-color>%s</A:calendar-color>\n"
                          "  <C:supported-calendar-component-set>"
                          "<C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>\n"
                          " </D:prop></D:set>\n"
                          "</C:mkcalendar>\n",
                          name, colours[g_str_hash (uid) % G_N_ELEMENTS (colours)]);
  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
propfind_body (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/></D:prop></D:propfind>\n";

  return g_bytes_new_static (text, sizeof text - 1);
}

static const char *
collection_label (Run        *run,
                  const char *url)
{
  for (guint i = 0; i < run->places->len; i++)
    {
      Place *place = g_ptr_array_index (run->places, i);

      if (g_str_equal (place->url, url))
        return place->label;
    }
  return "";
}

static void
collection_made_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  const char *url = g_ptr_array_index (run->collections, run->next_collection);
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = request_finish (result, &error);

  if (response == NULL)
    {
      run_fail_error (task, url, error);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      run_fail_status (task, url, response->status);
      return;
    }

  run->next_collection++;
  run_next (g_steal_pointer (&task));
}

static void
collection_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  const char *url = g_ptr_array_index (run->collections, run->next_collection);
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = request_finish (result, &error);

  if (response == NULL)
    {
      run_fail_error (task, url, error);
      return;
    }

  if (response->status == SOUP_STATUS_NOT_FOUND)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);
      g_autoptr(GBytes) body = NULL;

      /* A CalDAV collection with its name and colour; a WebDAV folder */
      if (self->target->kind == VP_PUBLISH_CALDAV)
        body = mkcalendar_body (run->snapshot, collection_label (run, url));
      request_async (self, self->target->kind == VP_PUBLISH_CALDAV ? "MKCALENDAR" : "MKCOL",
                     url, body, XML_TYPE, NULL, FALSE, cancellable,
                     collection_made_cb, g_steal_pointer (&task));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      run_fail_status (task, url, response->status);
      return;
    }

  run->next_collection++;
  run_next (g_steal_pointer (&task));
}

/* Resources {{{2 */

static void op_request (GTask *task,
                        Op    *op);

static void
op_done (GTask *task)
{
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->next_op++;
  run->done++;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, run->done, run->ops->len);
  run_next (task);
}

/* What was put is recorded with its ETag, SEQUENCE and hash; what was
 * deleted is forgotten.  Takes @task. */
static void
op_recorded (GTask      *task,
             Op         *op,
             const char *etag)
{
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(VpPublishResource) resource = NULL;
  GError *error = NULL;
  gboolean ok;

  if (op->kind == OP_DELETE)
    ok = vp_store_forget_publish_resource (self->store, self->target->id, op->href, &error);
  else
    {
      resource = vp_publish_resource_new (op->href, op->uid, etag, op->wanted->sequence,
                                          op->wanted->hash, FALSE);
      ok = vp_store_set_publish_resource (self->store, self->target->id, resource, &error);
    }
  if (!ok)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  report_entry (run,
                op->kind == OP_DELETE ? VP_PUBLISH_DELETED
                : op->kind == OP_CREATE && !op->replaced ? VP_PUBLISH_PUT : VP_PUBLISH_UPDATED,
                op->href, op->uid);
  op_done (task);
}

/* Someone else changed the resource on the server: it is left as it is,
 * and marked, so that the next publish tries it again.  Takes @task. */
static void
op_conflict (GTask *task,
             Op    *op)
{
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(VpPublishResource) resource = NULL;
  GError *error = NULL;

  if (op->state != NULL)
    resource = vp_publish_resource_new (op->href, op->uid, op->state->etag, op->state->sequence,
                                        op->state->hash, TRUE);
  else
    resource = vp_publish_resource_new (op->href, op->uid, NULL, 0, NULL, TRUE);

  if (!vp_store_set_publish_resource (self->store, self->target->id, resource, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  report_entry (run, VP_PUBLISH_CONFLICT, op->href, op->uid);
  op_done (task);
}

static gboolean
body_hash_is (Response   *response,
              const char *hash)
{
  g_autofree char *body_hash = NULL;

  if (hash == NULL || response->body == NULL)
    return FALSE;
  body_hash = vp_publish_content_hash (response->body);
  return g_str_equal (body_hash, hash);
}

static void
op_response_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  VpPublisher *self = g_task_get_source_object (task);
  Op *op = g_ptr_array_index (run->ops, run->next_op);
  g_autoptr(GError) error = NULL;
  g_autoptr(Response) response = request_finish (result, &error);
  guint status;

  if (response == NULL)
    {
      run_fail_error (task, op->href, error);
      return;
    }
  status = response->status;

  switch (op->stage)
    {
    case STAGE_WRITE:
    case STAGE_WRITE_CHECKED:
      if (SOUP_STATUS_IS_SUCCESSFUL (status) ||
          (op->kind == OP_DELETE && status == SOUP_STATUS_NOT_FOUND))
        {
          /* 201 Created, or 200 or 204: what was there was replaced */
          op->replaced = status != SOUP_STATUS_CREATED;
          if (op->kind != OP_DELETE && response->etag == NULL)
            {
              /* no strong ETag with the answer: ask for it */
              op->stage = STAGE_ETAG;
              op_request (g_steal_pointer (&task), op);
              return;
            }
          op_recorded (g_steal_pointer (&task), op, response->etag);
          return;
        }
      if (status == SOUP_STATUS_PRECONDITION_FAILED && op->stage == STAGE_WRITE)
        {
          /* Changed on the server since, or made by someone else, or (after
           * a try whose answer was lost) already what is put: look. */
          op->stage = STAGE_CHECK;
          op_request (g_steal_pointer (&task), op);
          return;
        }
      if (status == SOUP_STATUS_PRECONDITION_FAILED)
        {
          op_conflict (g_steal_pointer (&task), op);
          return;
        }
      run_fail_status (task, op->href, status);
      return;

    case STAGE_CHECK:
      if (status == SOUP_STATUS_NOT_FOUND && op->kind == OP_DELETE)
        {
          op_recorded (g_steal_pointer (&task), op, NULL);
          return;
        }
      if (SOUP_STATUS_IS_SUCCESSFUL (status) && op->wanted != NULL &&
          body_hash_is (response, op->wanted->hash))
        {
          /* already what is put */
          op_recorded (g_steal_pointer (&task), op, response->etag);
          return;
        }
      if (self->force ||
          (op->state != NULL && SOUP_STATUS_IS_SUCCESSFUL (status) &&
           body_hash_is (response, op->state->hash)))
        {
          /* Forced, or what the server holds is still what was last put
           * (a server without strong ETags, a write whose answer was
           * lost): write, on the ETag seen when the server gave a strong
           * one. */
          op->stage = STAGE_WRITE_CHECKED;
          g_free (op->if_match);
          op->if_match = g_strdup (response->etag);
          op_request (g_steal_pointer (&task), op);
          return;
        }
      if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NOT_FOUND)
        {
          op_conflict (g_steal_pointer (&task), op);
          return;
        }
      run_fail_status (task, op->href, status);
      return;

    case STAGE_ETAG:
      /* a server that gives no strong ETag: the next update compares first */
      op_recorded (g_steal_pointer (&task), op,
                   SOUP_STATUS_IS_SUCCESSFUL (status) ? response->etag : NULL);
      return;

    default:
      g_assert_not_reached ();
    }
}

static void
op_request (GTask *task,
            Op    *op)
{
  VpPublisher *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *method = op->kind == OP_DELETE ? "DELETE" : "PUT";
  GBytes *body = op->wanted != NULL ? op->wanted->data : NULL;

  switch (op->stage)
    {
    case STAGE_WRITE:
      if (op->kind == OP_CREATE)
        request_async (self, method, op->href, body, CALENDAR_TYPE, NULL, !self->force,
                       cancellable, op_response_cb, task);
      else if (op->state->etag != NULL && !self->force)
        request_async (self, method, op->href, body, CALENDAR_TYPE, op->state->etag, FALSE,
                       cancellable, op_response_cb, task);
      else if (self->force)
        {
          op->stage = STAGE_WRITE_CHECKED;
          request_async (self, method, op->href, body, CALENDAR_TYPE, NULL, FALSE,
                         cancellable, op_response_cb, task);
        }
      else
        {
          /* no strong ETag to make the write conditional: compare first */
          op->stage = STAGE_CHECK;
          request_async (self, "GET", op->href, NULL, NULL, NULL, FALSE, cancellable,
                         op_response_cb, task);
        }
      return;

    case STAGE_CHECK:
      request_async (self, "GET", op->href, NULL, NULL, NULL, FALSE, cancellable,
                     op_response_cb, task);
      return;

    case STAGE_WRITE_CHECKED:
      request_async (self, method, op->href, body, CALENDAR_TYPE, op->if_match, FALSE,
                     cancellable, op_response_cb, task);
      return;

    case STAGE_ETAG:
      request_async (self, "HEAD", op->href, NULL, NULL, NULL, FALSE, cancellable,
                     op_response_cb, task);
      return;

    default:
      g_assert_not_reached ();
    }
}

/* The run {{{2 */

static void
run_finish (GTask *task)
{
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *summary = vp_publish_report_summary (run->report);
  GError *error = NULL;

  if (!vp_store_set_publish_result (self->store, self->target->id,
                                    g_get_real_time () / G_USEC_PER_SEC,
                                    run->report->n_conflicts > 0 ? "conflicts" : "published",
                                    summary, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&run->report),
                         (GDestroyNotify)vp_publish_report_free);
  g_object_unref (task);
}

static void
run_next (GTask *task)
{
  VpPublisher *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (run->next_collection < run->collections->len)
    {
      const char *url = g_ptr_array_index (run->collections, run->next_collection);
      g_autoptr(GBytes) body = propfind_body ();

      request_async (self, "PROPFIND", url, body, XML_TYPE, NULL, FALSE,
                     g_task_get_cancellable (task), collection_found_cb, task);
      return;
    }

  if (run->next_op < run->ops->len)
    {
      Op *op = g_ptr_array_index (run->ops, run->next_op);

      op->stage = STAGE_WRITE;
      /* a conflict left from a create that never became ours, no longer wanted */
      if (op->kind == OP_DELETE && op->state->hash == NULL && !self->force)
        {
          GError *error = NULL;

          if (!vp_store_forget_publish_resource (self->store, self->target->id, op->href,
                                                 &error))
            {
              g_task_return_error (task, error);
              g_object_unref (task);
              return;
            }
          run->next_op++;
          run->done++;
          run_next (task);
          return;
        }
      op_request (task, op);
      return;
    }

  run_finish (task);
}

static char *
collection_of (const char *href)
{
  const char *slash = strrchr (href, '/');

  return g_strndup (href, slash + 1 - href);
}

/* Compares what is wanted with what the store knows the server holds:
 * the operations, in the places' order, deletes last. */
static void
run_plan (VpPublisher *self,
          Run         *run)
{
  g_autoptr(GHashTable) wanted_hrefs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) collections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) deletes = g_ptr_array_new ();

  for (guint i = 0; i < run->wanted->len; i++)
    {
      Wanted *wanted = g_ptr_array_index (run->wanted, i);
      VpPublishResource *state = g_hash_table_lookup (run->state, wanted->href);
      Op *op;

      g_hash_table_add (wanted_hrefs, wanted->href);
      if (state != NULL && !state->conflict && g_strcmp0 (state->hash, wanted->hash) == 0)
        {
          run->report->n_unchanged++;
          continue;
        }

      op = g_new0 (Op, 1);
      op->kind = state == NULL ? OP_CREATE : OP_UPDATE;
      /* a conflict left from a create: a create again */
      if (state != NULL && state->hash == NULL)
        op->kind = OP_CREATE;
      op->wanted = wanted;
      op->state = op->kind == OP_UPDATE ? state : NULL;
      op->href = g_strdup (wanted->href);
      op->uid = g_strdup (wanted->uid);
      g_ptr_array_add (run->ops, op);

      /* the collection (CalDAV) or folder (WebDAV) written to is made
       * when missing */
      {
        char *collection = collection_of (wanted->href);

        if (!g_hash_table_contains (collections, collection))
          {
            g_ptr_array_add (run->collections, g_strdup (collection));
            g_hash_table_add (collections, collection);
          }
        else
          g_free (collection);
      }
    }

  g_hash_table_iter_init (&iter, run->state);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      VpPublishResource *state = value;

      if (!g_hash_table_contains (wanted_hrefs, state->href))
        g_ptr_array_add (deletes, state);
    }
  /* in a stable order: by URL */
  for (guint i = 0; i < deletes->len; i++)
    for (guint j = i + 1; j < deletes->len; j++)
      if (strcmp (((VpPublishResource *)deletes->pdata[j])->href,
                  ((VpPublishResource *)deletes->pdata[i])->href) < 0)
        {
          gpointer swap = deletes->pdata[i];

          deletes->pdata[i] = deletes->pdata[j];
          deletes->pdata[j] = swap;
        }
  for (guint i = 0; i < deletes->len; i++)
    {
      VpPublishResource *state = g_ptr_array_index (deletes, i);
      Op *op = g_new0 (Op, 1);

      op->kind = OP_DELETE;
      op->state = state;
      op->href = g_strdup (state->href);
      op->uid = g_strdup (state->uid);
      g_ptr_array_add (run->ops, op);
    }
}

static void
log_printer (SoupLogger         *logger,
             SoupLoggerLogLevel  level,
             char                direction,
             const char         *data,
             gpointer            user_data)
{
  fprintf (stderr, "%c %s\n", direction, data);
}

static gboolean
setup_session (VpPublisher  *self,
               GError      **error)
{
  g_autofree char *agent = NULL;
  const char *timeout_text;
  guint timeout = IO_TIMEOUT;

  if (self->session != NULL)
    return TRUE;

  /* VISIT_PLANNER_HTTP_TIMEOUT: the seconds without a byte after which a
   * connection is given up, for a test that needs a shorter wait */
  timeout_text = g_getenv ("VISIT_PLANNER_HTTP_TIMEOUT");
  if (timeout_text != NULL && g_ascii_strtoull (timeout_text, NULL, 10) > 0)
    timeout = (guint)MIN (g_ascii_strtoull (timeout_text, NULL, 10), 3600);

  agent = g_strdup_printf ("VisitPlanner/%s ", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("timeout", timeout,
                                                 "idle-timeout", 60,
                                                 "user-agent", agent,
                                                 NULL);
  /* No compressed answers: Radicale 3.1 sends its error pages gzipped in a
   * way that leaves libsoup waiting for more until the time runs out, and
   * calendars are small. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);

  if (self->target->ca_file != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (self->target->ca_file,
                                                                  &local_error);

      if (database == NULL)
        {
          g_autofree char *display = g_filename_display_name (self->target->ca_file);

          g_set_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID,
                       _("target “%s”: %s: cannot read the certificate authorities: %s"),
                       self->target->name, display, local_error->message);
          g_clear_object (&self->session);
          return FALSE;
        }
      soup_session_set_tls_database (self->session, database);
    }

  /* VISIT_PLANNER_HTTP_DEBUG=1: every request's and answer's headers on
   * standard error (never the bodies; the Authorization header too, so only
   * for debugging a server of one's own) */
  if (g_strcmp0 (g_getenv ("VISIT_PLANNER_HTTP_DEBUG"), "1") == 0)
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_logger_set_printer (logger, log_printer, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }

  return TRUE;
}

/* In a thread: each calendar of the target, written (the snapshot is read,
 * never changed, and the run's places and wanted resources are touched by
 * nothing else until it is done). */
static void
write_calendars_thread (GTask        *work,
                        gpointer      source,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  VpPublisher *self = source;
  Run *run = task_data;
  g_autoptr(GDateTime) stamp = g_date_time_new_now_utc ();

  run->places = target_places (self->target, run->snapshot);
  for (guint i = 0; i < run->places->len; i++)
    add_wanted (self->target, run->snapshot, g_ptr_array_index (run->places, i), stamp,
                run->wanted);
  g_task_return_boolean (work, TRUE);
}

static void
calendars_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  VpPublisher *self = VP_PUBLISHER (source);
  Run *run = g_task_get_task_data (task);

  g_task_propagate_boolean (G_TASK (result), NULL);
  run_plan (self, run);
  if (run->ops->len > 0)
    g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, 0, run->ops->len);
  run_next (task);
}

void
vp_publisher_publish_async (VpPublisher         *self,
                            VpSnapshot          *snapshot,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) work = NULL;
  GError *error = NULL;
  Run *run;

  g_return_if_fail (VP_IS_PUBLISHER (self));
  g_return_if_fail (VP_IS_SNAPSHOT (snapshot));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vp_publisher_publish_async);

  run = g_new0 (Run, 1);
  run->snapshot = g_object_ref (snapshot);
  run->report = g_new0 (VpPublishReport, 1);
  run->report->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  run->collections = g_ptr_array_new_with_free_func (g_free);
  run->ops = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
  run->wanted = g_ptr_array_new_with_free_func ((GDestroyNotify)wanted_free);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);

  if (!setup_session (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  run->state = vp_store_get_publish_resources (self->store, self->target->id, &error);
  if (run->state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* the calendars are written in a thread; the requests go from here */
  work = g_task_new (self, cancellable, calendars_written_cb, g_steal_pointer (&task));
  g_task_set_task_data (work, run, NULL);
  g_task_run_in_thread (work, write_calendars_thread);
}

VpPublishReport *
vp_publisher_steal_partial_report (VpPublisher *self)
{
  g_return_val_if_fail (VP_IS_PUBLISHER (self), NULL);

  return g_steal_pointer (&self->partial);
}

VpPublishReport *
vp_publisher_publish_finish (VpPublisher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  VpPublishReport *report;

  g_return_val_if_fail (VP_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  report = g_task_propagate_pointer (G_TASK (result), &local_error);
  g_clear_pointer (&self->partial, vp_publish_report_free);
  if (report == NULL)
    {
      Run *run = g_task_get_task_data (G_TASK (result));

      /* what was done before the failure, for the caller to tell */
      if (run != NULL)
        self->partial = g_steal_pointer (&run->report);
      /* what failed is kept with the target, for the window to show */
      vp_store_set_publish_result (self->store, self->target->id,
                                   g_get_real_time () / G_USEC_PER_SEC, "failed",
                                   local_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return report;
}

/* vp-session.c: the model object of one agenda item, its times, host and attendees. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-session.h"
#include "vp-enum-types.h"
#include "vp-record.h"

struct _VpSession
{
  GObject          parent_instance;

  gint64           id;
  char            *ref;
  char            *uid;
  int              revision;
  gint64           modified_at;
  char            *title;
  VpSessionKind    kind;
  char            *start;
  char            *end;
  char            *timezone;
  char            *end_timezone;
  gint64           start_utc;
  gint64           end_utc;
  char            *host_ref;
  char            *location;
  char            *description;
  VpSessionStatus  status;
  int              capacity;
  gboolean         attendees_all;
  GPtrArray       *attendees;
};

G_DEFINE_FINAL_TYPE (VpSession, vp_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_UID,
  PROP_REVISION,
  PROP_MODIFIED_AT,
  PROP_TITLE,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_TIMEZONE,
  PROP_END_TIMEZONE,
  PROP_START_UTC,
  PROP_END_UTC,
  PROP_HOST_REF,
  PROP_LOCATION,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_ATTENDEES_ALL,
  PROP_CAPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
same_attendees (VpSession *a,
                VpSession *b)
{
  if (a->attendees->len != b->attendees->len)
    return FALSE;
  for (guint i = 0; i < a->attendees->len; i++)
    if (!g_str_equal (g_ptr_array_index (a->attendees, i), g_ptr_array_index (b->attendees, i)))
      return FALSE;
  return TRUE;
}

static gboolean
equal_attendees (GObject *a,
                 GObject *b)
{
  return same_attendees (VP_SESSION (a), VP_SESSION (b));
}

static gboolean
assign_attendees (GObject *target,
                  GObject *source)
{
  VpSession *self = VP_SESSION (target);
  VpSession *from = VP_SESSION (source);

  if (same_attendees (self, from))
    return FALSE;

  g_ptr_array_set_size (self->attendees, 0);
  for (guint i = 0; i < from->attendees->len; i++)
    g_ptr_array_add (self->attendees, g_strdup (g_ptr_array_index (from->attendees, i)));
  return TRUE;
}

/* Whether two sessions are for different people: everyone, or their lists
 * of attendees taken as sets. */
static gboolean
attendees_differ (GObject *before,
                  GObject *after)
{
  VpSession *old = VP_SESSION (before);
  VpSession *new = VP_SESSION (after);
  g_autoptr(GHashTable) set = NULL;

  if (old->attendees_all != new->attendees_all)
    return TRUE;
  if (old->attendees_all)
    return FALSE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old->attendees->len; i++)
    g_hash_table_add (set, g_ptr_array_index (old->attendees, i));
  for (guint i = 0; i < new->attendees->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (new->attendees, i)))
      return TRUE;

  /* the same refs, each listed once or more: the same people when the
   * new list names as many different ones */
  g_hash_table_remove_all (set);
  for (guint i = 0; i < new->attendees->len; i++)
    g_hash_table_add (set, g_ptr_array_index (new->attendees, i));
  for (guint i = 0; i < old->attendees->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (old->attendees, i)))
      return TRUE;

  return FALSE;
}

static const VpRecordPart parts[] = {
  { { "attendees", NC_ ("changed field", "attendees") }, attendees_differ },
};

/* The attendees' refs are not a property. */
static const VpRecordExtra extra = {
  equal_attendees, assign_attendees, parts, G_N_ELEMENTS (parts),
};

static void
vp_session_finalize (GObject *object)
{
  VpSession *self = (VpSession *)object;

  vp_record_clear (object);
  g_clear_pointer (&self->attendees, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_session_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (VpSession, member)

static void
vp_session_class_init (VpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_session_finalize;

  /* the id, ref and uid name no change: they say which session it is;
   * the store works out the revision and time of change */
  properties[PROP_ID] =
    vp_record_param_int64 ("id", FIELD (id), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_REF] = vp_record_param_string ("ref", FIELD (ref), NULL);
  properties[PROP_UID] = vp_record_param_string ("uid", FIELD (uid), NULL);
  properties[PROP_REVISION] =
    vp_record_param_int ("revision", FIELD (revision), NULL, 0, G_MAXINT, 0);
  properties[PROP_MODIFIED_AT] =
    vp_record_param_int64 ("modified-at", FIELD (modified_at), NULL, 0, G_MAXINT64, 0);
  properties[PROP_TITLE] =
    vp_record_param_string ("title", FIELD (title), NC_ ("changed field", "title"));
  properties[PROP_KIND] =
    vp_record_param_enum ("kind", FIELD (kind), NC_ ("changed field", "kind"),
                          VP_TYPE_SESSION_KIND, VP_SESSION_KIND_UNSET);
  properties[PROP_START] =
    vp_record_param_string ("start", FIELD (start), NC_ ("changed field", "time"));
  properties[PROP_END] = vp_record_param_string ("end", FIELD (end), NC_ ("changed field", "time"));
  properties[PROP_TIMEZONE] =
    vp_record_param_string ("timezone", FIELD (timezone), NC_ ("changed field", "time"));
  properties[PROP_END_TIMEZONE] =
    vp_record_param_string ("end-timezone", FIELD (end_timezone), NC_ ("changed field", "time"));
  /* either instant can be set alone, so that they can be bound one at a time;
   * they follow from the local times and zones, which a change names */
  properties[PROP_START_UTC] =
    vp_record_param_int64 ("start-utc", FIELD (start_utc), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_END_UTC] =
    vp_record_param_int64 ("end-utc", FIELD (end_utc), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_HOST_REF] =
    vp_record_param_member (vp_record_param_string ("host-ref", FIELD (host_ref),
                                                    NC_ ("changed field", "host")),
                            "host");
  properties[PROP_LOCATION] =
    vp_record_param_string ("location", FIELD (location), NC_ ("changed field", "place"));
  properties[PROP_DESCRIPTION] =
    vp_record_param_string ("description", FIELD (description),
                            NC_ ("changed field", "description"));
  properties[PROP_STATUS] =
    vp_record_param_enum ("status", FIELD (status), NC_ ("changed field", "status"),
                          VP_TYPE_SESSION_STATUS, VP_SESSION_STATUS_CONFIRMED);
  /* the format's "attendees": "all", or the list (the extra's part) */
  properties[PROP_ATTENDEES_ALL] =
    vp_record_param_member (vp_record_param_boolean ("attendees-all", FIELD (attendees_all),
                                                     NC_ ("changed field", "attendees"), TRUE),
                            "attendees");
  properties[PROP_CAPACITY] =
    vp_record_param_int ("capacity", FIELD (capacity), NC_ ("changed field", "capacity"), 0,
                         G_MAXINT, 0);

  vp_record_class_install (object_class, properties, N_PROPS, &extra);
}

static void
vp_session_init (VpSession *self)
{
  vp_record_init (G_OBJECT (self));
  /* Allocates no storage until the first attendee is added. */
  self->attendees = g_ptr_array_new_with_free_func (g_free);
}

VpSession *
vp_session_new (void)
{
  return g_object_new (VP_TYPE_SESSION, NULL);
}

VpSession *
vp_session_copy (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return VP_SESSION (vp_record_copy (G_OBJECT (self)));
}

gint64
vp_session_get_id (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->id;
}

void
vp_session_set_id (VpSession *self,
                   gint64     id)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
vp_session_get_ref (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->ref;
}

void
vp_session_set_ref (VpSession  *self,
                    const char *ref)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->ref, ref, properties[PROP_REF]);
}

const char *
vp_session_get_uid (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->uid;
}

void
vp_session_set_uid (VpSession  *self,
                    const char *uid)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->uid, uid, properties[PROP_UID]);
}

int
vp_session_get_revision (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->revision;
}

void
vp_session_set_revision (VpSession *self,
                         int        revision)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (revision >= 0);

  vp_record_set_int (G_OBJECT (self), &self->revision, revision, properties[PROP_REVISION]);
}

gint64
vp_session_get_modified_at (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->modified_at;
}

void
vp_session_set_modified_at (VpSession *self,
                            gint64     modified_at)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (modified_at >= 0);

  vp_record_set_int64 (G_OBJECT (self), &self->modified_at, modified_at,
                       properties[PROP_MODIFIED_AT]);
}

const char *
vp_session_get_title (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->title;
}

void
vp_session_set_title (VpSession  *self,
                      const char *title)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
}

VpSessionKind
vp_session_get_kind (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), VP_SESSION_KIND_UNSET);

  return self->kind;
}

void
vp_session_set_kind (VpSession     *self,
                     VpSessionKind  kind)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (kind >= VP_SESSION_KIND_UNSET && kind <= VP_SESSION_KIND_OTHER);

  vp_record_set_enum (G_OBJECT (self), &self->kind, kind, properties[PROP_KIND]);
}

const char *
vp_session_get_start (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->start;
}

void
vp_session_set_start (VpSession  *self,
                      const char *start)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->start, start, properties[PROP_START]);
}

const char *
vp_session_get_end (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->end;
}

void
vp_session_set_end (VpSession  *self,
                    const char *end)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->end, end, properties[PROP_END]);
}

const char *
vp_session_get_timezone (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->timezone;
}

void
vp_session_set_timezone (VpSession  *self,
                         const char *zone)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->timezone, zone, properties[PROP_TIMEZONE]);
}

const char *
vp_session_get_end_timezone (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->end_timezone;
}

void
vp_session_set_end_timezone (VpSession  *self,
                             const char *end_timezone)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->end_timezone, end_timezone,
                        properties[PROP_END_TIMEZONE]);
}

gint64
vp_session_get_start_utc (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->start_utc;
}

gint64
vp_session_get_end_utc (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->end_utc;
}

void
vp_session_set_instants (VpSession *self,
                         gint64     start_utc,
                         gint64     end_utc)
{
  g_return_if_fail (VP_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  vp_record_set_int64 (G_OBJECT (self), &self->start_utc, start_utc, properties[PROP_START_UTC]);
  vp_record_set_int64 (G_OBJECT (self), &self->end_utc, end_utc, properties[PROP_END_UTC]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
vp_session_get_host_ref (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->host_ref;
}

void
vp_session_set_host_ref (VpSession  *self,
                         const char *host_ref)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->host_ref, host_ref, properties[PROP_HOST_REF]);
}

const char *
vp_session_get_location (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->location;
}

void
vp_session_set_location (VpSession  *self,
                         const char *location)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->location, location, properties[PROP_LOCATION]);
}

const char *
vp_session_get_description (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->description;
}

void
vp_session_set_description (VpSession  *self,
                            const char *description)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_string (G_OBJECT (self), &self->description, description,
                        properties[PROP_DESCRIPTION]);
}

VpSessionStatus
vp_session_get_status (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), VP_SESSION_STATUS_CONFIRMED);

  return self->status;
}

void
vp_session_set_status (VpSession       *self,
                       VpSessionStatus  status)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (status >= VP_SESSION_STATUS_CONFIRMED &&
                    status <= VP_SESSION_STATUS_CANCELLED);

  vp_record_set_enum (G_OBJECT (self), &self->status, status, properties[PROP_STATUS]);
}

int
vp_session_get_capacity (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), 0);

  return self->capacity;
}

void
vp_session_set_capacity (VpSession *self,
                         int        capacity)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (capacity >= 0);

  vp_record_set_int (G_OBJECT (self), &self->capacity, capacity, properties[PROP_CAPACITY]);
}

gboolean
vp_session_get_attendees_all (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), TRUE);

  return self->attendees_all;
}

void
vp_session_set_attendees_all (VpSession *self,
                              gboolean   attendees_all)
{
  g_return_if_fail (VP_IS_SESSION (self));

  vp_record_set_boolean (G_OBJECT (self), &self->attendees_all, attendees_all,
                         properties[PROP_ATTENDEES_ALL]);
}

GPtrArray *
vp_session_get_attendees (VpSession *self)
{
  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  return self->attendees;
}

void
vp_session_add_attendee (VpSession  *self,
                         const char *participant_ref)
{
  g_return_if_fail (VP_IS_SESSION (self));
  g_return_if_fail (participant_ref != NULL && participant_ref[0] != '\0');

  g_ptr_array_add (self->attendees, g_strdup (participant_ref));
}

void
vp_session_clear_attendees (VpSession *self)
{
  g_return_if_fail (VP_IS_SESSION (self));

  g_ptr_array_set_size (self->attendees, 0);
}

int
vp_session_compare_time (VpSession *a,
                         VpSession *b)
{
  g_return_val_if_fail (VP_IS_SESSION (a), 0);
  g_return_val_if_fail (VP_IS_SESSION (b), 0);

  if (a->start_utc != b->start_utc)
    return a->start_utc < b->start_utc ? -1 : 1;
  if (a->end_utc != b->end_utc)
    return a->end_utc < b->end_utc ? -1 : 1;
  return g_strcmp0 (a->uid, b->uid);
}

/* vp-session.c: the model object of one agenda item, its times, host and attendees. */
#include "config.h"

#include "vp-session.h"
#include "vp-enum-types.h"

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
  PROP_CAPACITY,
  PROP_ATTENDEES_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stores @value (NULL for NULL or "") in @field and notifies @prop_id if it changed. */
static void
set_string (VpSession   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  char *copy;

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
vp_session_finalize (GObject *object)
{
  VpSession *self = (VpSession *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->end_timezone, g_free);
  g_clear_pointer (&self->host_ref, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->attendees, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_session_parent_class)->finalize (object);
}

static void
vp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VpSession *self = VP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_REVISION:
      g_value_set_int (value, self->revision);
      break;

    case PROP_MODIFIED_AT:
      g_value_set_int64 (value, self->modified_at);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_END:
      g_value_set_string (value, self->end);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_END_TIMEZONE:
      g_value_set_string (value, self->end_timezone);
      break;

    case PROP_START_UTC:
      g_value_set_int64 (value, self->start_utc);
      break;

    case PROP_END_UTC:
      g_value_set_int64 (value, self->end_utc);
      break;

    case PROP_HOST_REF:
      g_value_set_string (value, self->host_ref);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_ATTENDEES_ALL:
      g_value_set_boolean (value, self->attendees_all);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VpSession *self = VP_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      vp_session_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      vp_session_set_ref (self, g_value_get_string (value));
      break;

    case PROP_UID:
      vp_session_set_uid (self, g_value_get_string (value));
      break;

    case PROP_REVISION:
      vp_session_set_revision (self, g_value_get_int (value));
      break;

    case PROP_MODIFIED_AT:
      vp_session_set_modified_at (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      vp_session_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      vp_session_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      vp_session_set_start (self, g_value_get_string (value));
      break;

    case PROP_END:
      vp_session_set_end (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      vp_session_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_END_TIMEZONE:
      vp_session_set_end_timezone (self, g_value_get_string (value));
      break;

    case PROP_START_UTC:
      vp_session_set_instants (self, g_value_get_int64 (value), self->end_utc);
      break;

    case PROP_END_UTC:
      vp_session_set_instants (self, self->start_utc, g_value_get_int64 (value));
      break;

    case PROP_HOST_REF:
      vp_session_set_host_ref (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      vp_session_set_location (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      vp_session_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      vp_session_set_status (self, g_value_get_enum (value));
      break;

    case PROP_CAPACITY:
      vp_session_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_ATTENDEES_ALL:
      vp_session_set_attendees_all (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_class_init (VpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vp_session_finalize;
  object_class->get_property = vp_session_get_property;
  object_class->set_property = vp_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL, flags);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);

  properties[PROP_REVISION] =
    g_param_spec_int ("revision", NULL, NULL,
                      0, G_MAXINT, 0,
                      flags);

  properties[PROP_MODIFIED_AT] =
    g_param_spec_int64 ("modified-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VP_TYPE_SESSION_KIND,
                       VP_SESSION_KIND_UNSET,
                       flags);

  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL, NULL, flags);

  properties[PROP_END] =
    g_param_spec_string ("end", NULL, NULL, NULL, flags);

  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, flags);

  properties[PROP_END_TIMEZONE] =
    g_param_spec_string ("end-timezone", NULL, NULL, NULL, flags);

  properties[PROP_START_UTC] =
    g_param_spec_int64 ("start-utc", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_END_UTC] =
    g_param_spec_int64 ("end-utc", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_HOST_REF] =
    g_param_spec_string ("host-ref", NULL, NULL, NULL, flags);

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, flags);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       VP_TYPE_SESSION_STATUS,
                       VP_SESSION_STATUS_CONFIRMED,
                       flags);

  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL,
                      0, G_MAXINT, 0,
                      flags);

  properties[PROP_ATTENDEES_ALL] =
    g_param_spec_boolean ("attendees-all", NULL, NULL,
                          TRUE,
                          flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_session_init (VpSession *self)
{
  self->kind = VP_SESSION_KIND_UNSET;
  self->status = VP_SESSION_STATUS_CONFIRMED;
  self->attendees_all = TRUE;
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
  VpSession *copy;

  g_return_val_if_fail (VP_IS_SESSION (self), NULL);

  copy = vp_session_new ();
  copy->id = self->id;
  copy->ref = g_strdup (self->ref);
  copy->uid = g_strdup (self->uid);
  copy->revision = self->revision;
  copy->modified_at = self->modified_at;
  copy->title = g_strdup (self->title);
  copy->kind = self->kind;
  copy->start = g_strdup (self->start);
  copy->end = g_strdup (self->end);
  copy->timezone = g_strdup (self->timezone);
  copy->end_timezone = g_strdup (self->end_timezone);
  copy->start_utc = self->start_utc;
  copy->end_utc = self->end_utc;
  copy->host_ref = g_strdup (self->host_ref);
  copy->location = g_strdup (self->location);
  copy->description = g_strdup (self->description);
  copy->status = self->status;
  copy->capacity = self->capacity;
  copy->attendees_all = self->attendees_all;

  for (guint i = 0; i < self->attendees->len; i++)
    g_ptr_array_add (copy->attendees, g_strdup (g_ptr_array_index (self->attendees, i)));

  return copy;
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

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  set_string (self, &self->ref, ref, PROP_REF);
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

  set_string (self, &self->uid, uid, PROP_UID);
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

  if (self->revision == revision)
    return;

  self->revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
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

  if (self->modified_at == modified_at)
    return;

  self->modified_at = modified_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED_AT]);
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

  set_string (self, &self->title, title, PROP_TITLE);
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

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
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

  set_string (self, &self->start, start, PROP_START);
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

  set_string (self, &self->end, end, PROP_END);
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

  set_string (self, &self->timezone, zone, PROP_TIMEZONE);
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

  set_string (self, &self->end_timezone, end_timezone, PROP_END_TIMEZONE);
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
  gboolean start_changed;
  gboolean end_changed;

  g_return_if_fail (VP_IS_SESSION (self));

  start_changed = self->start_utc != start_utc;
  end_changed = self->end_utc != end_utc;

  if (!start_changed && !end_changed)
    return;

  self->start_utc = start_utc;
  self->end_utc = end_utc;

  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_UTC]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_UTC]);
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

  set_string (self, &self->host_ref, host_ref, PROP_HOST_REF);
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

  set_string (self, &self->location, location, PROP_LOCATION);
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

  set_string (self, &self->description, description, PROP_DESCRIPTION);
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

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
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

  if (self->capacity == capacity)
    return;

  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
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

  attendees_all = !!attendees_all;

  if (self->attendees_all == attendees_all)
    return;

  self->attendees_all = attendees_all;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDEES_ALL]);
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

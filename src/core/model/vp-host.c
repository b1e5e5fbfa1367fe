/* vp-host.c: the model object of an organisation the group visits and its site rules. */
#include "config.h"

#include "vp-host.h"
#include "vp-enum-types.h"

#include <math.h>

struct _VpHost
{
  GObject     parent_instance;

  gint64      id;
  char       *ref;
  char       *name;
  VpHostKind  kind;
  char       *contact_name;
  char       *contact_email;
  char       *phone;
  char       *address;
  char       *city;
  char       *country;
  double      latitude;
  double      longitude;
  int         max_group_size;
  char       *notes;
};

G_DEFINE_FINAL_TYPE (VpHost, vp_host, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_NAME,
  PROP_KIND,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_CITY,
  PROP_COUNTRY,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_MAX_GROUP_SIZE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NAN means "not given", so two NANs are the same value. */
static gboolean
double_equal (double a,
              double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Stores @value (NULL for NULL or "") in @field and notifies @prop_id if it changed. */
static void
set_string (VpHost      *self,
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

/* Stores either coordinate alone too, so the two properties can be set one at a time. */
static void
set_position (VpHost *self,
              double  latitude,
              double  longitude)
{
  gboolean latitude_changed = !double_equal (self->latitude, latitude);
  gboolean longitude_changed = !double_equal (self->longitude, longitude);

  if (!latitude_changed && !longitude_changed)
    return;

  self->latitude = latitude;
  self->longitude = longitude;

  g_object_freeze_notify (G_OBJECT (self));
  if (latitude_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATITUDE]);
  if (longitude_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LONGITUDE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
vp_host_finalize (GObject *object)
{
  VpHost *self = (VpHost *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (vp_host_parent_class)->finalize (object);
}

static void
vp_host_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  VpHost *self = VP_HOST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;

    case PROP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;

    case PROP_MAX_GROUP_SIZE:
      g_value_set_int (value, self->max_group_size);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_host_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  VpHost *self = VP_HOST (object);

  switch (prop_id)
    {
    case PROP_ID:
      vp_host_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      vp_host_set_ref (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      vp_host_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      vp_host_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CONTACT_NAME:
      vp_host_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      vp_host_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      vp_host_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      vp_host_set_address (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      vp_host_set_city (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      vp_host_set_country (self, g_value_get_string (value));
      break;

    case PROP_LATITUDE:
      set_position (self, g_value_get_double (value), self->longitude);
      break;

    case PROP_LONGITUDE:
      set_position (self, self->latitude, g_value_get_double (value));
      break;

    case PROP_MAX_GROUP_SIZE:
      vp_host_set_max_group_size (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      vp_host_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* g_param_spec_double() refuses a default outside its range, and NAN compares
 * with nothing, so the "not given" default is put in afterwards. */
static GParamSpec *
param_spec_unset_double (const char  *name,
                         GParamFlags  flags)
{
  GParamSpec *pspec = g_param_spec_double (name, NULL, NULL,
                                           -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                                           flags);

  G_PARAM_SPEC_DOUBLE (pspec)->default_value = NAN;

  return pspec;
}

static void
vp_host_class_init (VpHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vp_host_finalize;
  object_class->get_property = vp_host_get_property;
  object_class->set_property = vp_host_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VP_TYPE_HOST_KIND,
                       VP_HOST_KIND_UNSET,
                       flags);

  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL, flags);

  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL, NULL, flags);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, flags);

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, flags);

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL, flags);

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, flags);

  properties[PROP_LATITUDE] =
    param_spec_unset_double ("latitude", flags);

  properties[PROP_LONGITUDE] =
    param_spec_unset_double ("longitude", flags);

  properties[PROP_MAX_GROUP_SIZE] =
    g_param_spec_int ("max-group-size", NULL, NULL,
                      0, G_MAXINT, 0,
                      flags);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_host_init (VpHost *self)
{
  self->kind = VP_HOST_KIND_UNSET;
  self->latitude = NAN;
  self->longitude = NAN;
}

VpHost *
vp_host_new (void)
{
  return g_object_new (VP_TYPE_HOST, NULL);
}

VpHost *
vp_host_copy (VpHost *self)
{
  VpHost *copy;

  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  copy = vp_host_new ();
  copy->id = self->id;
  copy->ref = g_strdup (self->ref);
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->contact_name = g_strdup (self->contact_name);
  copy->contact_email = g_strdup (self->contact_email);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->city = g_strdup (self->city);
  copy->country = g_strdup (self->country);
  copy->latitude = self->latitude;
  copy->longitude = self->longitude;
  copy->max_group_size = self->max_group_size;
  copy->notes = g_strdup (self->notes);

  return copy;
}

gint64
vp_host_get_id (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), 0);

  return self->id;
}

void
vp_host_set_id (VpHost *self,
                gint64  id)
{
  g_return_if_fail (VP_IS_HOST (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vp_host_get_ref (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->ref;
}

void
vp_host_set_ref (VpHost     *self,
                 const char *ref)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->ref, ref, PROP_REF);
}

const char *
vp_host_get_name (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->name;
}

void
vp_host_set_name (VpHost     *self,
                  const char *name)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->name, name, PROP_NAME);
}

VpHostKind
vp_host_get_kind (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), VP_HOST_KIND_UNSET);

  return self->kind;
}

void
vp_host_set_kind (VpHost     *self,
                  VpHostKind  kind)
{
  g_return_if_fail (VP_IS_HOST (self));
  g_return_if_fail (kind >= VP_HOST_KIND_UNSET && kind <= VP_HOST_KIND_OTHER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
vp_host_get_contact_name (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->contact_name;
}

void
vp_host_set_contact_name (VpHost     *self,
                          const char *contact_name)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->contact_name, contact_name, PROP_CONTACT_NAME);
}

const char *
vp_host_get_contact_email (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->contact_email;
}

void
vp_host_set_contact_email (VpHost     *self,
                           const char *contact_email)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->contact_email, contact_email, PROP_CONTACT_EMAIL);
}

const char *
vp_host_get_phone (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->phone;
}

void
vp_host_set_phone (VpHost     *self,
                   const char *phone)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->phone, phone, PROP_PHONE);
}

const char *
vp_host_get_address (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->address;
}

void
vp_host_set_address (VpHost     *self,
                     const char *address)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->address, address, PROP_ADDRESS);
}

const char *
vp_host_get_city (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->city;
}

void
vp_host_set_city (VpHost     *self,
                  const char *city)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->city, city, PROP_CITY);
}

const char *
vp_host_get_country (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->country;
}

void
vp_host_set_country (VpHost     *self,
                     const char *country)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->country, country, PROP_COUNTRY);
}

double
vp_host_get_latitude (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NAN);

  return self->latitude;
}

double
vp_host_get_longitude (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NAN);

  return self->longitude;
}

gboolean
vp_host_has_position (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), FALSE);

  return !isnan (self->latitude) && !isnan (self->longitude);
}

void
vp_host_set_position (VpHost *self,
                     double  latitude,
                     double  longitude)
{
  g_return_if_fail (VP_IS_HOST (self));
  g_return_if_fail (isnan (latitude) == isnan (longitude));

  set_position (self, latitude, longitude);
}

int
vp_host_get_max_group_size (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), 0);

  return self->max_group_size;
}

void
vp_host_set_max_group_size (VpHost *self,
                            int     max_group_size)
{
  g_return_if_fail (VP_IS_HOST (self));
  g_return_if_fail (max_group_size >= 0);

  if (self->max_group_size == max_group_size)
    return;

  self->max_group_size = max_group_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_GROUP_SIZE]);
}

const char *
vp_host_get_notes (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->notes;
}

void
vp_host_set_notes (VpHost     *self,
                   const char *notes)
{
  g_return_if_fail (VP_IS_HOST (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

/* vp-host.c: the model object of an organisation the group visits and its site rules. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-host.h"
#include "vp-enum-types.h"
#include "vp-record.h"

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
  char       *language;
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
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_host_finalize (GObject *object)
{
  vp_record_clear (object);

  G_OBJECT_CLASS (vp_host_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (VpHost, member)

static void
vp_host_class_init (VpHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_host_finalize;

  /* the id and ref name no change: they say which host it is */
  properties[PROP_ID] =
    vp_record_param_int64 ("id", FIELD (id), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_REF] = vp_record_param_string ("ref", FIELD (ref), NULL);
  properties[PROP_NAME] =
    vp_record_param_string ("name", FIELD (name), NC_ ("changed field", "name"));
  properties[PROP_KIND] =
    vp_record_param_enum ("kind", FIELD (kind), NC_ ("changed field", "kind"), VP_TYPE_HOST_KIND,
                          VP_HOST_KIND_UNSET);
  properties[PROP_CONTACT_NAME] =
    vp_record_param_string ("contact-name", FIELD (contact_name),
                            NC_ ("changed field", "contact"));
  properties[PROP_CONTACT_EMAIL] =
    vp_record_param_string ("contact-email", FIELD (contact_email),
                            NC_ ("changed field", "contact email"));
  properties[PROP_PHONE] =
    vp_record_param_string ("phone", FIELD (phone), NC_ ("changed field", "phone"));
  properties[PROP_ADDRESS] =
    vp_record_param_string ("address", FIELD (address), NC_ ("changed field", "address"));
  properties[PROP_CITY] =
    vp_record_param_string ("city", FIELD (city), NC_ ("changed field", "city"));
  properties[PROP_COUNTRY] =
    vp_record_param_string ("country", FIELD (country), NC_ ("changed field", "country"));
  /* either coordinate can be set alone, so that they can be bound one at a time */
  properties[PROP_LATITUDE] =
    vp_record_param_double ("latitude", FIELD (latitude), NC_ ("changed field", "position"));
  properties[PROP_LONGITUDE] =
    vp_record_param_double ("longitude", FIELD (longitude), NC_ ("changed field", "position"));
  properties[PROP_MAX_GROUP_SIZE] =
    vp_record_param_int ("max-group-size", FIELD (max_group_size),
                         NC_ ("changed field", "group size"), 0, G_MAXINT, 0);
  properties[PROP_NOTES] =
    vp_record_param_string ("notes", FIELD (notes), NC_ ("changed field", "site rules and notes"));
  /* the language of the documents for the host: a code of vp_language_codes(), or NULL */
  properties[PROP_LANGUAGE] =
    vp_record_param_string ("language", FIELD (language), NC_ ("changed field", "language"));

  vp_record_class_install (object_class, properties, N_PROPS, NULL);
}

static void
vp_host_init (VpHost *self)
{
  vp_record_init (G_OBJECT (self));
}

VpHost *
vp_host_new (void)
{
  return g_object_new (VP_TYPE_HOST, NULL);
}

VpHost *
vp_host_copy (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return VP_HOST (vp_record_copy (G_OBJECT (self)));
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

  vp_record_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  vp_record_set_string (G_OBJECT (self), &self->ref, ref, properties[PROP_REF]);
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

  vp_record_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
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

  vp_record_set_enum (G_OBJECT (self), &self->kind, kind, properties[PROP_KIND]);
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

  vp_record_set_string (G_OBJECT (self), &self->contact_name, contact_name,
                        properties[PROP_CONTACT_NAME]);
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

  vp_record_set_string (G_OBJECT (self), &self->contact_email, contact_email,
                        properties[PROP_CONTACT_EMAIL]);
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

  vp_record_set_string (G_OBJECT (self), &self->phone, phone, properties[PROP_PHONE]);
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

  vp_record_set_string (G_OBJECT (self), &self->address, address, properties[PROP_ADDRESS]);
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

  vp_record_set_string (G_OBJECT (self), &self->city, city, properties[PROP_CITY]);
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

  vp_record_set_string (G_OBJECT (self), &self->country, country, properties[PROP_COUNTRY]);
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

  g_object_freeze_notify (G_OBJECT (self));
  vp_record_set_double (G_OBJECT (self), &self->latitude, latitude, properties[PROP_LATITUDE]);
  vp_record_set_double (G_OBJECT (self), &self->longitude, longitude, properties[PROP_LONGITUDE]);
  g_object_thaw_notify (G_OBJECT (self));
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

  vp_record_set_int (G_OBJECT (self), &self->max_group_size, max_group_size,
                     properties[PROP_MAX_GROUP_SIZE]);
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

  vp_record_set_string (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

const char *
vp_host_get_language (VpHost *self)
{
  g_return_val_if_fail (VP_IS_HOST (self), NULL);

  return self->language;
}

void
vp_host_set_language (VpHost     *self,
                      const char *language)
{
  g_return_if_fail (VP_IS_HOST (self));

  vp_record_set_string (G_OBJECT (self), &self->language, language, properties[PROP_LANGUAGE]);
}

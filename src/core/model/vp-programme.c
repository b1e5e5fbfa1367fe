/* vp-programme.c: the model object of a visit programme, its dates, place and coordinator. */
#include "config.h"

#include "vp-programme.h"
#include "vp-enum-types.h"

#include <math.h>

struct _VpProgramme
{
  GObject            parent_instance;

  gint64             id;
  char              *uid;
  char              *title;
  char              *description;
  VpProgrammeStatus  status;
  char              *visiting_cluster;
  char              *host_cluster;
  char              *host_country;
  char              *timezone;
  char              *start_date;
  char              *end_date;
  char              *coordinator_name;
  char              *coordinator_email;
  char              *origin_city;
  double             origin_latitude;
  double             origin_longitude;
  double             lump_sum_eur;
};

G_DEFINE_FINAL_TYPE (VpProgramme, vp_programme, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_VISITING_CLUSTER,
  PROP_HOST_CLUSTER,
  PROP_HOST_COUNTRY,
  PROP_TIMEZONE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_COORDINATOR_NAME,
  PROP_COORDINATOR_EMAIL,
  PROP_ORIGIN_CITY,
  PROP_ORIGIN_LATITUDE,
  PROP_ORIGIN_LONGITUDE,
  PROP_LUMP_SUM_EUR,
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
set_string (VpProgramme *self,
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
set_position (VpProgramme *self,
              double       latitude,
              double       longitude)
{
  gboolean latitude_changed = !double_equal (self->origin_latitude, latitude);
  gboolean longitude_changed = !double_equal (self->origin_longitude, longitude);

  if (!latitude_changed && !longitude_changed)
    return;

  self->origin_latitude = latitude;
  self->origin_longitude = longitude;

  g_object_freeze_notify (G_OBJECT (self));
  if (latitude_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_LATITUDE]);
  if (longitude_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_LONGITUDE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
vp_programme_finalize (GObject *object)
{
  VpProgramme *self = (VpProgramme *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->visiting_cluster, g_free);
  g_clear_pointer (&self->host_cluster, g_free);
  g_clear_pointer (&self->host_country, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->coordinator_name, g_free);
  g_clear_pointer (&self->coordinator_email, g_free);
  g_clear_pointer (&self->origin_city, g_free);

  G_OBJECT_CLASS (vp_programme_parent_class)->finalize (object);
}

static void
vp_programme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VpProgramme *self = VP_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_VISITING_CLUSTER:
      g_value_set_string (value, self->visiting_cluster);
      break;

    case PROP_HOST_CLUSTER:
      g_value_set_string (value, self->host_cluster);
      break;

    case PROP_HOST_COUNTRY:
      g_value_set_string (value, self->host_country);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_COORDINATOR_NAME:
      g_value_set_string (value, self->coordinator_name);
      break;

    case PROP_COORDINATOR_EMAIL:
      g_value_set_string (value, self->coordinator_email);
      break;

    case PROP_ORIGIN_CITY:
      g_value_set_string (value, self->origin_city);
      break;

    case PROP_ORIGIN_LATITUDE:
      g_value_set_double (value, self->origin_latitude);
      break;

    case PROP_ORIGIN_LONGITUDE:
      g_value_set_double (value, self->origin_longitude);
      break;

    case PROP_LUMP_SUM_EUR:
      g_value_set_double (value, self->lump_sum_eur);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_programme_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VpProgramme *self = VP_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_ID:
      vp_programme_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      vp_programme_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      vp_programme_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      vp_programme_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      vp_programme_set_status (self, g_value_get_enum (value));
      break;

    case PROP_VISITING_CLUSTER:
      vp_programme_set_visiting_cluster (self, g_value_get_string (value));
      break;

    case PROP_HOST_CLUSTER:
      vp_programme_set_host_cluster (self, g_value_get_string (value));
      break;

    case PROP_HOST_COUNTRY:
      vp_programme_set_host_country (self, g_value_get_string (value));
      break;

    case PROP_TIMEZONE:
      vp_programme_set_timezone (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      vp_programme_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      vp_programme_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_COORDINATOR_NAME:
      vp_programme_set_coordinator_name (self, g_value_get_string (value));
      break;

    case PROP_COORDINATOR_EMAIL:
      vp_programme_set_coordinator_email (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN_CITY:
      vp_programme_set_origin_city (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN_LATITUDE:
      set_position (self, g_value_get_double (value), self->origin_longitude);
      break;

    case PROP_ORIGIN_LONGITUDE:
      set_position (self, self->origin_latitude, g_value_get_double (value));
      break;

    case PROP_LUMP_SUM_EUR:
      vp_programme_set_lump_sum_eur (self, g_value_get_double (value));
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
vp_programme_class_init (VpProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vp_programme_finalize;
  object_class->get_property = vp_programme_get_property;
  object_class->set_property = vp_programme_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       VP_TYPE_PROGRAMME_STATUS,
                       VP_PROGRAMME_STATUS_DRAFT,
                       flags);

  properties[PROP_VISITING_CLUSTER] =
    g_param_spec_string ("visiting-cluster", NULL, NULL, NULL, flags);

  properties[PROP_HOST_CLUSTER] =
    g_param_spec_string ("host-cluster", NULL, NULL, NULL, flags);

  properties[PROP_HOST_COUNTRY] =
    g_param_spec_string ("host-country", NULL, NULL, NULL, flags);

  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, flags);

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL, flags);

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL, flags);

  properties[PROP_COORDINATOR_NAME] =
    g_param_spec_string ("coordinator-name", NULL, NULL, NULL, flags);

  properties[PROP_COORDINATOR_EMAIL] =
    g_param_spec_string ("coordinator-email", NULL, NULL, NULL, flags);

  properties[PROP_ORIGIN_CITY] =
    g_param_spec_string ("origin-city", NULL, NULL, NULL, flags);

  properties[PROP_ORIGIN_LATITUDE] =
    param_spec_unset_double ("origin-latitude", flags);

  properties[PROP_ORIGIN_LONGITUDE] =
    param_spec_unset_double ("origin-longitude", flags);

  properties[PROP_LUMP_SUM_EUR] =
    param_spec_unset_double ("lump-sum-eur", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_programme_init (VpProgramme *self)
{
  self->status = VP_PROGRAMME_STATUS_DRAFT;
  self->origin_latitude = NAN;
  self->origin_longitude = NAN;
  self->lump_sum_eur = NAN;
}

VpProgramme *
vp_programme_new (void)
{
  return g_object_new (VP_TYPE_PROGRAMME, NULL);
}

VpProgramme *
vp_programme_copy (VpProgramme *self)
{
  VpProgramme *copy;

  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  copy = vp_programme_new ();
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->status = self->status;
  copy->visiting_cluster = g_strdup (self->visiting_cluster);
  copy->host_cluster = g_strdup (self->host_cluster);
  copy->host_country = g_strdup (self->host_country);
  copy->timezone = g_strdup (self->timezone);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->coordinator_name = g_strdup (self->coordinator_name);
  copy->coordinator_email = g_strdup (self->coordinator_email);
  copy->origin_city = g_strdup (self->origin_city);
  copy->origin_latitude = self->origin_latitude;
  copy->origin_longitude = self->origin_longitude;
  copy->lump_sum_eur = self->lump_sum_eur;

  return copy;
}

gint64
vp_programme_get_id (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), 0);

  return self->id;
}

void
vp_programme_set_id (VpProgramme *self,
                     gint64       id)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
vp_programme_get_uid (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->uid;
}

void
vp_programme_set_uid (VpProgramme *self,
                      const char  *uid)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->uid, uid, PROP_UID);
}

const char *
vp_programme_get_title (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->title;
}

void
vp_programme_set_title (VpProgramme *self,
                        const char  *title)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
vp_programme_get_description (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->description;
}

void
vp_programme_set_description (VpProgramme *self,
                              const char  *description)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

VpProgrammeStatus
vp_programme_get_status (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), VP_PROGRAMME_STATUS_DRAFT);

  return self->status;
}

void
vp_programme_set_status (VpProgramme       *self,
                         VpProgrammeStatus  status)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));
  g_return_if_fail (status >= VP_PROGRAMME_STATUS_DRAFT &&
                    status <= VP_PROGRAMME_STATUS_CANCELLED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
vp_programme_get_visiting_cluster (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->visiting_cluster;
}

void
vp_programme_set_visiting_cluster (VpProgramme *self,
                                   const char  *visiting_cluster)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->visiting_cluster, visiting_cluster, PROP_VISITING_CLUSTER);
}

const char *
vp_programme_get_host_cluster (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->host_cluster;
}

void
vp_programme_set_host_cluster (VpProgramme *self,
                               const char  *host_cluster)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->host_cluster, host_cluster, PROP_HOST_CLUSTER);
}

const char *
vp_programme_get_host_country (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->host_country;
}

void
vp_programme_set_host_country (VpProgramme *self,
                               const char  *host_country)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->host_country, host_country, PROP_HOST_COUNTRY);
}

const char *
vp_programme_get_timezone (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->timezone;
}

void
vp_programme_set_timezone (VpProgramme *self,
                           const char  *zone)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->timezone, zone, PROP_TIMEZONE);
}

const char *
vp_programme_get_start_date (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->start_date;
}

void
vp_programme_set_start_date (VpProgramme *self,
                             const char  *start_date)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->start_date, start_date, PROP_START_DATE);
}

const char *
vp_programme_get_end_date (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->end_date;
}

void
vp_programme_set_end_date (VpProgramme *self,
                           const char  *end_date)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->end_date, end_date, PROP_END_DATE);
}

const char *
vp_programme_get_coordinator_name (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->coordinator_name;
}

void
vp_programme_set_coordinator_name (VpProgramme *self,
                                   const char  *coordinator_name)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->coordinator_name, coordinator_name, PROP_COORDINATOR_NAME);
}

const char *
vp_programme_get_coordinator_email (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->coordinator_email;
}

void
vp_programme_set_coordinator_email (VpProgramme *self,
                                    const char  *coordinator_email)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->coordinator_email, coordinator_email, PROP_COORDINATOR_EMAIL);
}

const char *
vp_programme_get_origin_city (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->origin_city;
}

void
vp_programme_set_origin_city (VpProgramme *self,
                              const char  *origin_city)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  set_string (self, &self->origin_city, origin_city, PROP_ORIGIN_CITY);
}

double
vp_programme_get_origin_latitude (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NAN);

  return self->origin_latitude;
}

double
vp_programme_get_origin_longitude (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NAN);

  return self->origin_longitude;
}

void
vp_programme_set_origin_position (VpProgramme *self,
                                 double       latitude,
                                 double       longitude)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));
  g_return_if_fail (isnan (latitude) == isnan (longitude));

  set_position (self, latitude, longitude);
}

double
vp_programme_get_lump_sum_eur (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NAN);

  return self->lump_sum_eur;
}

void
vp_programme_set_lump_sum_eur (VpProgramme *self,
                               double       lump_sum_eur)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  if (double_equal (self->lump_sum_eur, lump_sum_eur))
    return;

  self->lump_sum_eur = lump_sum_eur;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LUMP_SUM_EUR]);
}

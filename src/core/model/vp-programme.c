/* vp-programme.c: the model object of a visit programme, its dates, place and coordinator. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-programme.h"
#include "vp-enum-types.h"
#include "vp-record.h"

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
  double             lump_sum_override_eur;
  char              *goals;
  char              *objectives;
  char              *evidence_due;
  char              *retention_until;
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
  PROP_LUMP_SUM_OVERRIDE_EUR,
  PROP_GOALS,
  PROP_OBJECTIVES,
  PROP_EVIDENCE_DUE,
  PROP_RETENTION_UNTIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_programme_finalize (GObject *object)
{
  vp_record_clear (object);

  G_OBJECT_CLASS (vp_programme_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (VpProgramme, member)

static void
vp_programme_class_init (VpProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_programme_finalize;

  /* the id and uid name no change: they say which programme it is */
  properties[PROP_ID] =
    vp_record_param_int64 ("id", FIELD (id), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_UID] = vp_record_param_string ("uid", FIELD (uid), NULL);
  properties[PROP_TITLE] =
    vp_record_param_string ("title", FIELD (title), NC_ ("changed field", "title"));
  properties[PROP_DESCRIPTION] =
    vp_record_param_string ("description", FIELD (description),
                            NC_ ("changed field", "description"));
  properties[PROP_STATUS] =
    vp_record_param_enum ("status", FIELD (status), NC_ ("changed field", "status"),
                          VP_TYPE_PROGRAMME_STATUS, VP_PROGRAMME_STATUS_DRAFT);
  properties[PROP_VISITING_CLUSTER] =
    vp_record_param_string ("visiting-cluster", FIELD (visiting_cluster),
                            NC_ ("changed field", "visiting cluster"));
  properties[PROP_HOST_CLUSTER] =
    vp_record_param_string ("host-cluster", FIELD (host_cluster),
                            NC_ ("changed field", "host cluster"));
  properties[PROP_HOST_COUNTRY] =
    vp_record_param_string ("host-country", FIELD (host_country),
                            NC_ ("changed field", "host country"));
  properties[PROP_TIMEZONE] =
    vp_record_param_string ("timezone", FIELD (timezone), NC_ ("changed field", "time zone"));
  properties[PROP_START_DATE] =
    vp_record_param_string ("start-date", FIELD (start_date), NC_ ("changed field", "first day"));
  properties[PROP_END_DATE] =
    vp_record_param_string ("end-date", FIELD (end_date), NC_ ("changed field", "last day"));
  /* the format's "coordinator" and "origin" each hold several */
  properties[PROP_COORDINATOR_NAME] =
    vp_record_param_member (vp_record_param_string ("coordinator-name", FIELD (coordinator_name),
                                                    NC_ ("changed field", "coordinator")),
                            "coordinator");
  properties[PROP_COORDINATOR_EMAIL] =
    vp_record_param_member (vp_record_param_string ("coordinator-email",
                                                    FIELD (coordinator_email),
                                                    NC_ ("changed field", "coordinator")),
                            "coordinator");
  properties[PROP_ORIGIN_CITY] =
    vp_record_param_member (vp_record_param_string ("origin-city", FIELD (origin_city),
                                                    NC_ ("changed field", "origin")),
                            "origin");
  /* either coordinate can be set alone, so that they can be bound one at a time */
  properties[PROP_ORIGIN_LATITUDE] =
    vp_record_param_member (vp_record_param_double ("origin-latitude", FIELD (origin_latitude),
                                                    NC_ ("changed field", "origin")),
                            "origin");
  properties[PROP_ORIGIN_LONGITUDE] =
    vp_record_param_member (vp_record_param_double ("origin-longitude", FIELD (origin_longitude),
                                                    NC_ ("changed field", "origin")),
                            "origin");
  properties[PROP_LUMP_SUM_EUR] =
    vp_record_param_double ("lump-sum-eur", FIELD (lump_sum_eur),
                            NC_ ("changed field", "lump sum"));
  properties[PROP_LUMP_SUM_OVERRIDE_EUR] =
    vp_record_param_double ("lump-sum-override-eur", FIELD (lump_sum_override_eur),
                            NC_ ("changed field", "lump sum override"));
  properties[PROP_GOALS] =
    vp_record_param_string ("goals", FIELD (goals), NC_ ("changed field", "goals"));
  properties[PROP_OBJECTIVES] =
    vp_record_param_string ("objectives", FIELD (objectives), NC_ ("changed field", "objectives"));
  properties[PROP_EVIDENCE_DUE] =
    vp_record_param_string ("evidence-due", FIELD (evidence_due),
                            NC_ ("changed field", "evidence due date"));
  properties[PROP_RETENTION_UNTIL] =
    vp_record_param_string ("retention-until", FIELD (retention_until),
                            NC_ ("changed field", "retention date"));

  vp_record_class_install (object_class, properties, N_PROPS, NULL);
}

static void
vp_programme_init (VpProgramme *self)
{
  vp_record_init (G_OBJECT (self));
}

VpProgramme *
vp_programme_new (void)
{
  return g_object_new (VP_TYPE_PROGRAMME, NULL);
}

VpProgramme *
vp_programme_copy (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return VP_PROGRAMME (vp_record_copy (G_OBJECT (self)));
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

  vp_record_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
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

  vp_record_set_string (G_OBJECT (self), &self->uid, uid, properties[PROP_UID]);
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

  vp_record_set_string (G_OBJECT (self), &self->title, title, properties[PROP_TITLE]);
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

  vp_record_set_string (G_OBJECT (self), &self->description, description,
                        properties[PROP_DESCRIPTION]);
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

  vp_record_set_enum (G_OBJECT (self), &self->status, status, properties[PROP_STATUS]);
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

  vp_record_set_string (G_OBJECT (self), &self->visiting_cluster, visiting_cluster,
                        properties[PROP_VISITING_CLUSTER]);
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

  vp_record_set_string (G_OBJECT (self), &self->host_cluster, host_cluster,
                        properties[PROP_HOST_CLUSTER]);
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

  vp_record_set_string (G_OBJECT (self), &self->host_country, host_country,
                        properties[PROP_HOST_COUNTRY]);
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

  vp_record_set_string (G_OBJECT (self), &self->timezone, zone, properties[PROP_TIMEZONE]);
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

  vp_record_set_string (G_OBJECT (self), &self->start_date, start_date,
                        properties[PROP_START_DATE]);
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

  vp_record_set_string (G_OBJECT (self), &self->end_date, end_date, properties[PROP_END_DATE]);
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

  vp_record_set_string (G_OBJECT (self), &self->coordinator_name, coordinator_name,
                        properties[PROP_COORDINATOR_NAME]);
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

  vp_record_set_string (G_OBJECT (self), &self->coordinator_email, coordinator_email,
                        properties[PROP_COORDINATOR_EMAIL]);
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

  vp_record_set_string (G_OBJECT (self), &self->origin_city, origin_city,
                        properties[PROP_ORIGIN_CITY]);
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

  g_object_freeze_notify (G_OBJECT (self));
  vp_record_set_double (G_OBJECT (self), &self->origin_latitude, latitude,
                        properties[PROP_ORIGIN_LATITUDE]);
  vp_record_set_double (G_OBJECT (self), &self->origin_longitude, longitude,
                        properties[PROP_ORIGIN_LONGITUDE]);
  g_object_thaw_notify (G_OBJECT (self));
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

  vp_record_set_double (G_OBJECT (self), &self->lump_sum_eur, lump_sum_eur,
                        properties[PROP_LUMP_SUM_EUR]);
}

double
vp_programme_get_lump_sum_override_eur (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NAN);

  return self->lump_sum_override_eur;
}

void
vp_programme_set_lump_sum_override_eur (VpProgramme *self,
                                        double       lump_sum_override_eur)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  vp_record_set_double (G_OBJECT (self), &self->lump_sum_override_eur, lump_sum_override_eur,
                        properties[PROP_LUMP_SUM_OVERRIDE_EUR]);
}

const char *
vp_programme_get_goals (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->goals;
}

void
vp_programme_set_goals (VpProgramme *self,
                        const char  *goals)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  vp_record_set_string (G_OBJECT (self), &self->goals, goals, properties[PROP_GOALS]);
}

const char *
vp_programme_get_objectives (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->objectives;
}

void
vp_programme_set_objectives (VpProgramme *self,
                             const char  *objectives)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  vp_record_set_string (G_OBJECT (self), &self->objectives, objectives,
                        properties[PROP_OBJECTIVES]);
}

const char *
vp_programme_get_evidence_due (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->evidence_due;
}

void
vp_programme_set_evidence_due (VpProgramme *self,
                               const char  *evidence_due)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  vp_record_set_string (G_OBJECT (self), &self->evidence_due, evidence_due,
                        properties[PROP_EVIDENCE_DUE]);
}

const char *
vp_programme_get_retention_until (VpProgramme *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME (self), NULL);

  return self->retention_until;
}

void
vp_programme_set_retention_until (VpProgramme *self,
                                  const char  *retention_until)
{
  g_return_if_fail (VP_IS_PROGRAMME (self));

  vp_record_set_string (G_OBJECT (self), &self->retention_until, retention_until,
                        properties[PROP_RETENTION_UNTIL]);
}

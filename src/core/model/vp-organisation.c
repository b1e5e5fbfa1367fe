/* vp-organisation.c: the model object of a visiting organisation, and the key that matches
 * two spellings of its name. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-enum-types.h"
#include "vp-organisation.h"
#include "vp-record.h"

#include <math.h>

struct _VpOrganisation
{
  GObject             parent_instance;

  gint64              id;
  char               *ref;
  char               *uid;
  char               *name;
  VpOrganisationKind  kind;
  char               *country;
  char               *city;
  double              latitude;
  double              longitude;
  char               *cluster;
  char               *eccp_url;
  char               *contact_name;
  char               *contact_email;
  char               *goals;
  char               *objectives;
  GPtrArray          *evidence;       /* VpEvidence */
};

G_DEFINE_FINAL_TYPE (VpOrganisation, vp_organisation, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (VpEvidence, vp_evidence, vp_evidence_copy, vp_evidence_free)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_UID,
  PROP_NAME,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_CITY,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_CLUSTER,
  PROP_ECCP_URL,
  PROP_CONTACT_NAME,
  PROP_CONTACT_EMAIL,
  PROP_GOALS,
  PROP_OBJECTIVES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The closing kit {{{1 */

VpEvidence *
vp_evidence_new (const char *item,
                 const char *received)
{
  VpEvidence *evidence = g_new0 (VpEvidence, 1);

  evidence->item = g_strdup (item);
  evidence->received = g_strdup (received);
  return evidence;
}

VpEvidence *
vp_evidence_copy (const VpEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, NULL);

  return vp_evidence_new (evidence->item, evidence->received);
}

void
vp_evidence_free (VpEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->item);
  g_free (evidence->received);
  g_free (evidence);
}

gboolean
vp_evidence_equal (const VpEvidence *a,
                   const VpEvidence *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->item, b->item) == 0 && g_strcmp0 (a->received, b->received) == 0;
}

static VpEvidence *
find_evidence (GPtrArray  *evidence,
               const char *item,
               guint      *index)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      VpEvidence *entry = g_ptr_array_index (evidence, i);

      if (g_strcmp0 (entry->item, item) == 0)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

/* The same items with the same days, in the same order. */
static gboolean
equal_evidence (GObject *a,
                GObject *b)
{
  GPtrArray *first = VP_ORGANISATION (a)->evidence;
  GPtrArray *second = VP_ORGANISATION (b)->evidence;

  if (first->len != second->len)
    return FALSE;
  for (guint i = 0; i < first->len; i++)
    if (!vp_evidence_equal (g_ptr_array_index (first, i), g_ptr_array_index (second, i)))
      return FALSE;
  return TRUE;
}

static gboolean
assign_evidence (GObject *target,
                 GObject *source)
{
  VpOrganisation *self = VP_ORGANISATION (target);
  GPtrArray *from = VP_ORGANISATION (source)->evidence;

  if (equal_evidence (target, source))
    return FALSE;

  g_ptr_array_set_size (self->evidence, 0);
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (self->evidence, vp_evidence_copy (g_ptr_array_index (from, i)));
  return TRUE;
}

/* Whether an item is received, or on another day, in one and not the
 * other: the order they were written in is no change. */
static gboolean
evidence_differs (GObject *before,
                  GObject *after)
{
  GPtrArray *first = VP_ORGANISATION (before)->evidence;
  GPtrArray *second = VP_ORGANISATION (after)->evidence;

  if (first->len != second->len)
    return TRUE;
  for (guint i = 0; i < first->len; i++)
    {
      VpEvidence *entry = g_ptr_array_index (first, i);
      VpEvidence *other = find_evidence (second, entry->item, NULL);

      if (other == NULL || g_strcmp0 (entry->received, other->received) != 0)
        return TRUE;
    }
  return FALSE;
}

static const VpRecordPart parts[] = {
  { { "evidence", NC_ ("changed field", "closing kit") }, evidence_differs },
};

/* The closing kit is not a property. */
static const VpRecordExtra extra = {
  equal_evidence, assign_evidence, parts, G_N_ELEMENTS (parts),
};

/* The organisation {{{1 */

static void
vp_organisation_finalize (GObject *object)
{
  vp_record_clear (object);
  g_clear_pointer (&VP_ORGANISATION (object)->evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_organisation_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (VpOrganisation, member)

static void
vp_organisation_class_init (VpOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_organisation_finalize;

  /* the id, ref and uid name no change: they say which organisation it is */
  properties[PROP_ID] =
    vp_record_param_int64 ("id", FIELD (id), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_REF] = vp_record_param_string ("ref", FIELD (ref), NULL);
  properties[PROP_UID] = vp_record_param_string ("uid", FIELD (uid), NULL);
  properties[PROP_NAME] =
    vp_record_param_string ("name", FIELD (name), NC_ ("changed field", "name"));
  properties[PROP_KIND] =
    vp_record_param_enum ("kind", FIELD (kind), NC_ ("changed field", "kind"),
                          VP_TYPE_ORGANISATION_KIND, VP_ORGANISATION_KIND_UNSET);
  properties[PROP_COUNTRY] =
    vp_record_param_string ("country", FIELD (country), NC_ ("changed field", "country"));
  properties[PROP_CITY] =
    vp_record_param_string ("city", FIELD (city), NC_ ("changed field", "city"));
  properties[PROP_LATITUDE] =
    vp_record_param_double ("latitude", FIELD (latitude), NC_ ("changed field", "position"));
  properties[PROP_LONGITUDE] =
    vp_record_param_double ("longitude", FIELD (longitude), NC_ ("changed field", "position"));
  properties[PROP_CLUSTER] =
    vp_record_param_string ("cluster", FIELD (cluster), NC_ ("changed field", "cluster"));
  properties[PROP_ECCP_URL] =
    vp_record_param_string ("eccp-url", FIELD (eccp_url), NC_ ("changed field", "ECCP page"));
  properties[PROP_CONTACT_NAME] =
    vp_record_param_string ("contact-name", FIELD (contact_name),
                            NC_ ("changed field", "contact"));
  properties[PROP_CONTACT_EMAIL] =
    vp_record_param_string ("contact-email", FIELD (contact_email),
                            NC_ ("changed field", "contact email"));
  /* none: the programme's (vp_organisation_dup_goals()) */
  properties[PROP_GOALS] =
    vp_record_param_string ("goals", FIELD (goals), NC_ ("changed field", "goals"));
  properties[PROP_OBJECTIVES] =
    vp_record_param_string ("objectives", FIELD (objectives), NC_ ("changed field", "objectives"));

  vp_record_class_install (object_class, properties, N_PROPS, &extra);
}

static void
vp_organisation_init (VpOrganisation *self)
{
  vp_record_init (G_OBJECT (self));
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_evidence_free);
}

VpOrganisation *
vp_organisation_new (void)
{
  return g_object_new (VP_TYPE_ORGANISATION, NULL);
}

VpOrganisation *
vp_organisation_copy (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return VP_ORGANISATION (vp_record_copy (G_OBJECT (self)));
}

gint64
vp_organisation_get_id (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), 0);

  return self->id;
}

void
vp_organisation_set_id (VpOrganisation *self,
                        gint64          id)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
vp_organisation_get_ref (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->ref;
}

void
vp_organisation_set_ref (VpOrganisation *self,
                         const char     *ref)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->ref, ref, properties[PROP_REF]);
}

const char *
vp_organisation_get_uid (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->uid;
}

void
vp_organisation_set_uid (VpOrganisation *self,
                         const char     *uid)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->uid, uid, properties[PROP_UID]);
}

const char *
vp_organisation_get_name (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
vp_organisation_set_name (VpOrganisation *self,
                          const char     *name)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

VpOrganisationKind
vp_organisation_get_kind (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), VP_ORGANISATION_KIND_UNSET);

  return self->kind;
}

void
vp_organisation_set_kind (VpOrganisation     *self,
                          VpOrganisationKind  kind)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_enum (G_OBJECT (self), &self->kind, kind, properties[PROP_KIND]);
}

const char *
vp_organisation_get_country (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->country;
}

void
vp_organisation_set_country (VpOrganisation *self,
                             const char     *country)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->country, country, properties[PROP_COUNTRY]);
}

const char *
vp_organisation_get_city (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->city;
}

void
vp_organisation_set_city (VpOrganisation *self,
                          const char     *city)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->city, city, properties[PROP_CITY]);
}

const char *
vp_organisation_get_cluster (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->cluster;
}

void
vp_organisation_set_cluster (VpOrganisation *self,
                             const char     *cluster)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->cluster, cluster, properties[PROP_CLUSTER]);
}

const char *
vp_organisation_get_eccp_url (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->eccp_url;
}

void
vp_organisation_set_eccp_url (VpOrganisation *self,
                              const char     *eccp_url)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->eccp_url, eccp_url, properties[PROP_ECCP_URL]);
}

const char *
vp_organisation_get_contact_name (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->contact_name;
}

void
vp_organisation_set_contact_name (VpOrganisation *self,
                                  const char     *contact_name)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->contact_name, contact_name,
                        properties[PROP_CONTACT_NAME]);
}

const char *
vp_organisation_get_contact_email (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->contact_email;
}

void
vp_organisation_set_contact_email (VpOrganisation *self,
                                   const char     *contact_email)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->contact_email, contact_email,
                        properties[PROP_CONTACT_EMAIL]);
}

const char *
vp_organisation_get_goals (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->goals;
}

void
vp_organisation_set_goals (VpOrganisation *self,
                           const char     *goals)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->goals, goals, properties[PROP_GOALS]);
}

const char *
vp_organisation_get_objectives (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->objectives;
}

void
vp_organisation_set_objectives (VpOrganisation *self,
                                const char     *objectives)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));

  vp_record_set_string (G_OBJECT (self), &self->objectives, objectives,
                        properties[PROP_OBJECTIVES]);
}

GPtrArray *
vp_organisation_get_evidence (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  return self->evidence;
}

void
vp_organisation_add_evidence (VpOrganisation *self,
                              VpEvidence     *evidence)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));
  g_return_if_fail (evidence != NULL);

  g_ptr_array_add (self->evidence, evidence);
}

const char *
vp_organisation_get_evidence_received (VpOrganisation *self,
                                       const char     *item)
{
  VpEvidence *entry;

  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  entry = find_evidence (self->evidence, item, NULL);
  return entry != NULL ? entry->received : NULL;
}

gboolean
vp_organisation_set_evidence_received (VpOrganisation *self,
                                       const char     *item,
                                       const char     *received)
{
  VpEvidence *entry;
  guint index = 0;

  g_return_val_if_fail (VP_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (received != NULL && *received == '\0')
    received = NULL;
  entry = find_evidence (self->evidence, item, &index);

  if (received == NULL)
    {
      if (entry == NULL)
        return FALSE;
      g_ptr_array_remove_index (self->evidence, index);
      return TRUE;
    }

  if (entry == NULL)
    {
      g_ptr_array_add (self->evidence, vp_evidence_new (item, received));
      return TRUE;
    }
  if (g_strcmp0 (entry->received, received) == 0)
    return FALSE;
  g_free (entry->received);
  entry->received = g_strdup (received);
  return TRUE;
}

char *
vp_organisation_dup_goals (VpOrganisation *self,
                           VpProgramme    *programme)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  if (self->goals != NULL || programme == NULL)
    return g_strdup (self->goals);
  return g_strdup (vp_programme_get_goals (programme));
}

char *
vp_organisation_dup_objectives (VpOrganisation *self,
                                VpProgramme    *programme)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NULL);

  if (self->objectives != NULL || programme == NULL)
    return g_strdup (self->objectives);
  return g_strdup (vp_programme_get_objectives (programme));
}

double
vp_organisation_get_latitude (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NAN);

  return self->latitude;
}

double
vp_organisation_get_longitude (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), NAN);

  return self->longitude;
}

gboolean
vp_organisation_has_position (VpOrganisation *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION (self), FALSE);

  return !isnan (self->latitude) && !isnan (self->longitude);
}

void
vp_organisation_set_position (VpOrganisation *self,
                              double          latitude,
                              double          longitude)
{
  g_return_if_fail (VP_IS_ORGANISATION (self));
  g_return_if_fail (isnan (latitude) == isnan (longitude));

  g_object_freeze_notify (G_OBJECT (self));
  vp_record_set_double (G_OBJECT (self), &self->latitude, latitude, properties[PROP_LATITUDE]);
  vp_record_set_double (G_OBJECT (self), &self->longitude, longitude,
                        properties[PROP_LONGITUDE]);
  g_object_thaw_notify (G_OBJECT (self));
}

char *
vp_organisation_name_key (const char *name)
{
  g_autofree char *normalised = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean space = FALSE;

  if (name == NULL)
    return NULL;

  normalised = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalised == NULL)
    return NULL;
  folded = g_utf8_casefold (normalised, -1);

  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  if (key->len == 0)
    {
      g_string_free (key, TRUE);
      return NULL;
    }

  return g_string_free (key, FALSE);
}

VpOrganisationKind
vp_organisation_kind_for_role (VpParticipantRole role)
{
  switch (role)
    {
    case VP_PARTICIPANT_ROLE_CLUSTER_MANAGER:
      return VP_ORGANISATION_KIND_CLUSTER_ORGANISATION;
    case VP_PARTICIPANT_ROLE_SME:
      return VP_ORGANISATION_KIND_SME;
    case VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION:
      return VP_ORGANISATION_KIND_SUPPORT_ORGANISATION;
    case VP_PARTICIPANT_ROLE_RESEARCHER:
      return VP_ORGANISATION_KIND_RESEARCH;
    case VP_PARTICIPANT_ROLE_UNSET:
    case VP_PARTICIPANT_ROLE_OTHER:
    default:
      return VP_ORGANISATION_KIND_UNSET;
    }
}

void
vp_organisation_visit_free (VpOrganisationVisit *visit)
{
  if (visit == NULL)
    return;

  g_free (visit->name);
  g_free (visit->key);
  g_free (visit->country);
  g_free (visit->programme_title);
  g_free (visit->first_day);
  g_free (visit);
}

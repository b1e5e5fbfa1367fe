/* vp-participant.c: the model object of a visitor, with their travel legs and hotel stays. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-participant.h"
#include "vp-enum-types.h"
#include "vp-record.h"

struct _VpParticipant
{
  GObject            parent_instance;

  gint64             id;
  char              *ref;
  char              *name;
  char              *email;
  char              *organisation;
  char              *organisation_ref;
  char              *phone;
  char              *country;
  VpParticipantRole  role;
  char              *dietary;
  char              *accessibility;
  char              *emergency_contact;
  char              *notes;
  char              *language;
  int                consent_fields;
  char              *consent_given;
  char              *consent_wording;
  GPtrArray         *travel;
  GPtrArray         *accommodation;
};

G_DEFINE_FINAL_TYPE (VpParticipant, vp_participant, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ORGANISATION,
  PROP_ORGANISATION_REF,
  PROP_PHONE,
  PROP_COUNTRY,
  PROP_ROLE,
  PROP_DIETARY,
  PROP_ACCESSIBILITY,
  PROP_EMERGENCY_CONTACT,
  PROP_NOTES,
  PROP_LANGUAGE,
  PROP_CONSENT_FIELDS,
  PROP_CONSENT_GIVEN,
  PROP_CONSENT_WORDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef gboolean (*ItemEqualFunc) (gconstpointer a,
                                   gconstpointer b);

static gboolean
same_items (GPtrArray     *a,
            GPtrArray     *b,
            ItemEqualFunc  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Makes @target hold copies of what @source holds, unless it holds the same. */
static gboolean
assign_items (GPtrArray     *target,
              GPtrArray     *source,
              ItemEqualFunc  equal,
              GBoxedCopyFunc copy)
{
  if (same_items (target, source, equal))
    return FALSE;

  g_ptr_array_set_size (target, 0);
  for (guint i = 0; i < source->len; i++)
    g_ptr_array_add (target, copy (g_ptr_array_index (source, i)));
  return TRUE;
}

static gboolean
equal_travel (GObject *a,
              GObject *b)
{
  VpParticipant *self = VP_PARTICIPANT (a);
  VpParticipant *other = VP_PARTICIPANT (b);

  return same_items (self->travel, other->travel, (ItemEqualFunc)vp_travel_leg_equal) &&
         same_items (self->accommodation, other->accommodation, (ItemEqualFunc)vp_stay_equal);
}

static gboolean
assign_travel (GObject *target,
               GObject *source)
{
  VpParticipant *self = VP_PARTICIPANT (target);
  VpParticipant *from = VP_PARTICIPANT (source);
  gboolean legs_changed = assign_items (self->travel, from->travel,
                                        (ItemEqualFunc)vp_travel_leg_equal,
                                        (GBoxedCopyFunc)vp_travel_leg_copy);
  gboolean stays_changed = assign_items (self->accommodation, from->accommodation,
                                         (ItemEqualFunc)vp_stay_equal,
                                         (GBoxedCopyFunc)vp_stay_copy);

  return legs_changed || stays_changed;
}

static gboolean
travel_differs (GObject *before,
                GObject *after)
{
  return vp_travel_legs_differ (VP_PARTICIPANT (before)->travel, VP_PARTICIPANT (after)->travel);
}

static gboolean
accommodation_differs (GObject *before,
                       GObject *after)
{
  return vp_stays_differ (VP_PARTICIPANT (before)->accommodation,
                          VP_PARTICIPANT (after)->accommodation);
}

static const VpRecordPart parts[] = {
  { { "travel", NC_ ("changed field", "travel") }, travel_differs },
  { { "accommodation", NC_ ("changed field", "hotel stays") }, accommodation_differs },
};

/* The travel legs and stays are not properties. */
static const VpRecordExtra extra = {
  equal_travel, assign_travel, parts, G_N_ELEMENTS (parts),
};

static void
vp_participant_finalize (GObject *object)
{
  VpParticipant *self = (VpParticipant *)object;

  vp_record_clear (object);
  g_clear_pointer (&self->travel, g_ptr_array_unref);
  g_clear_pointer (&self->accommodation, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_participant_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (VpParticipant, member)

static void
vp_participant_class_init (VpParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_participant_finalize;

  /* the id and ref name no change: they say which participant it is */
  properties[PROP_ID] =
    vp_record_param_int64 ("id", FIELD (id), NULL, G_MININT64, G_MAXINT64, 0);
  properties[PROP_REF] = vp_record_param_string ("ref", FIELD (ref), NULL);
  properties[PROP_NAME] =
    vp_record_param_string ("name", FIELD (name), NC_ ("changed field", "name"));
  properties[PROP_EMAIL] =
    vp_record_param_string ("email", FIELD (email), NC_ ("changed field", "email"));
  /* the organisation's name, as the snapshot's organisation has it: the
   * ref is the field, this its shadow */
  properties[PROP_ORGANISATION] = vp_record_param_string ("organisation", FIELD (organisation),
                                                          NULL);
  properties[PROP_ORGANISATION_REF] =
    vp_record_param_member (vp_record_param_string ("organisation-ref", FIELD (organisation_ref),
                                                    NC_ ("changed field", "organisation")),
                            "organisation");
  properties[PROP_PHONE] =
    vp_record_param_string ("phone", FIELD (phone), NC_ ("changed field", "phone"));
  properties[PROP_COUNTRY] =
    vp_record_param_string ("country", FIELD (country), NC_ ("changed field", "country"));
  properties[PROP_ROLE] =
    vp_record_param_enum ("role", FIELD (role), NC_ ("changed field", "role"),
                          VP_TYPE_PARTICIPANT_ROLE, VP_PARTICIPANT_ROLE_UNSET);
  properties[PROP_DIETARY] =
    vp_record_param_string ("dietary", FIELD (dietary), NC_ ("changed field", "dietary needs"));
  properties[PROP_ACCESSIBILITY] =
    vp_record_param_string ("accessibility", FIELD (accessibility),
                            NC_ ("changed field", "accessibility"));
  properties[PROP_EMERGENCY_CONTACT] =
    vp_record_param_string ("emergency-contact", FIELD (emergency_contact),
                            NC_ ("changed field", "emergency contact"));
  properties[PROP_NOTES] =
    vp_record_param_string ("notes", FIELD (notes), NC_ ("changed field", "notes"));
  /* the language of their own documents: a code of vp_language_codes(), or NULL */
  properties[PROP_LANGUAGE] =
    vp_record_param_string ("language", FIELD (language), NC_ ("changed field", "language"));
  /* what they agreed to (VpConsentField), when and to which wording: one
   * member of the format */
  properties[PROP_CONSENT_FIELDS] =
    vp_record_param_member (vp_record_param_int ("consent-fields", FIELD (consent_fields),
                                                 NC_ ("changed field", "consent"), 0,
                                                 VP_CONSENT_ALL, 0),
                            "consent");
  properties[PROP_CONSENT_GIVEN] =
    vp_record_param_member (vp_record_param_string ("consent-given", FIELD (consent_given),
                                                    NC_ ("changed field", "consent")),
                            "consent");
  properties[PROP_CONSENT_WORDING] =
    vp_record_param_member (vp_record_param_string ("consent-wording", FIELD (consent_wording),
                                                    NC_ ("changed field", "consent")),
                            "consent");

  vp_record_class_install (object_class, properties, N_PROPS, &extra);
}

static void
vp_participant_init (VpParticipant *self)
{
  vp_record_init (G_OBJECT (self));
  self->travel = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_travel_leg_free);
  self->accommodation = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_stay_free);
}

VpParticipant *
vp_participant_new (void)
{
  return g_object_new (VP_TYPE_PARTICIPANT, NULL);
}

VpParticipant *
vp_participant_copy (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return VP_PARTICIPANT (vp_record_copy (G_OBJECT (self)));
}

gint64
vp_participant_get_id (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), 0);

  return self->id;
}

void
vp_participant_set_id (VpParticipant *self,
                       gint64         id)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_int64 (G_OBJECT (self), &self->id, id, properties[PROP_ID]);
}

const char *
vp_participant_get_ref (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->ref;
}

void
vp_participant_set_ref (VpParticipant *self,
                        const char    *ref)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->ref, ref, properties[PROP_REF]);
}

const char *
vp_participant_get_name (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->name;
}

void
vp_participant_set_name (VpParticipant *self,
                         const char    *name)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->name, name, properties[PROP_NAME]);
}

const char *
vp_participant_get_email (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->email;
}

void
vp_participant_set_email (VpParticipant *self,
                          const char    *email)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->email, email, properties[PROP_EMAIL]);
}

const char *
vp_participant_get_organisation (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->organisation;
}

void
vp_participant_set_organisation (VpParticipant *self,
                                 const char    *organisation)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->organisation, organisation,
                        properties[PROP_ORGANISATION]);
}

const char *
vp_participant_get_organisation_ref (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->organisation_ref;
}

void
vp_participant_set_organisation_ref (VpParticipant *self,
                                     const char    *organisation_ref)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->organisation_ref, organisation_ref,
                        properties[PROP_ORGANISATION_REF]);
}

const char *
vp_participant_get_phone (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->phone;
}

void
vp_participant_set_phone (VpParticipant *self,
                          const char    *phone)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->phone, phone, properties[PROP_PHONE]);
}

const char *
vp_participant_get_country (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->country;
}

void
vp_participant_set_country (VpParticipant *self,
                            const char    *country)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->country, country, properties[PROP_COUNTRY]);
}

VpParticipantRole
vp_participant_get_role (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), VP_PARTICIPANT_ROLE_UNSET);

  return self->role;
}

void
vp_participant_set_role (VpParticipant     *self,
                         VpParticipantRole  role)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));
  g_return_if_fail (role >= VP_PARTICIPANT_ROLE_UNSET && role <= VP_PARTICIPANT_ROLE_OTHER);

  vp_record_set_enum (G_OBJECT (self), &self->role, role, properties[PROP_ROLE]);
}

const char *
vp_participant_get_dietary (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->dietary;
}

void
vp_participant_set_dietary (VpParticipant *self,
                            const char    *dietary)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->dietary, dietary, properties[PROP_DIETARY]);
}

const char *
vp_participant_get_accessibility (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->accessibility;
}

void
vp_participant_set_accessibility (VpParticipant *self,
                                  const char    *accessibility)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->accessibility, accessibility,
                        properties[PROP_ACCESSIBILITY]);
}

const char *
vp_participant_get_emergency_contact (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->emergency_contact;
}

void
vp_participant_set_emergency_contact (VpParticipant *self,
                                      const char    *emergency_contact)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->emergency_contact, emergency_contact,
                        properties[PROP_EMERGENCY_CONTACT]);
}

const char *
vp_participant_get_language (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->language;
}

void
vp_participant_set_language (VpParticipant *self,
                             const char    *language)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->language, language, properties[PROP_LANGUAGE]);
}

const char *
vp_participant_get_notes (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->notes;
}

void
vp_participant_set_notes (VpParticipant *self,
                          const char    *notes)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->notes, notes, properties[PROP_NOTES]);
}

VpConsentField
vp_participant_get_consent_fields (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), 0);

  return (VpConsentField)self->consent_fields;
}

void
vp_participant_set_consent_fields (VpParticipant  *self,
                                   VpConsentField  fields)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));
  g_return_if_fail ((fields & ~VP_CONSENT_ALL) == 0);

  vp_record_set_int (G_OBJECT (self), &self->consent_fields, (int)fields,
                     properties[PROP_CONSENT_FIELDS]);
}

const char *
vp_participant_get_consent_given (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->consent_given;
}

void
vp_participant_set_consent_given (VpParticipant *self,
                                  const char    *consent_given)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->consent_given, consent_given,
                        properties[PROP_CONSENT_GIVEN]);
}

const char *
vp_participant_get_consent_wording (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->consent_wording;
}

void
vp_participant_set_consent_wording (VpParticipant *self,
                                    const char    *consent_wording)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));

  vp_record_set_string (G_OBJECT (self), &self->consent_wording, consent_wording,
                        properties[PROP_CONSENT_WORDING]);
}

gboolean
vp_participant_has_consent (VpParticipant  *self,
                            VpConsentField  fields)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), FALSE);

  return (self->consent_fields & fields) == (int)fields;
}

gboolean
vp_participant_may_share (VpParticipant  *self,
                          VpConsentField  audience)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (audience == VP_CONSENT_SHARE_WITH_HOSTS ||
                        audience == VP_CONSENT_SHARE_WITH_PARTICIPANTS, FALSE);

  return vp_participant_has_consent (self, audience);
}

GPtrArray *
vp_participant_get_travel (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->travel;
}

void
vp_participant_add_travel_leg (VpParticipant *self,
                               VpTravelLeg   *leg)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));
  g_return_if_fail (leg != NULL);

  g_ptr_array_add (self->travel, leg);
}

GPtrArray *
vp_participant_get_accommodation (VpParticipant *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  return self->accommodation;
}

void
vp_participant_add_stay (VpParticipant *self,
                         VpStay        *stay)
{
  g_return_if_fail (VP_IS_PARTICIPANT (self));
  g_return_if_fail (stay != NULL);

  g_ptr_array_add (self->accommodation, stay);
}

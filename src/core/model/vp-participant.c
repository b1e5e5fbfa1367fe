/* vp-participant.c: the model object of a visitor, with their travel legs and hotel stays. */
#include "config.h"

#include "vp-participant.h"
#include "vp-enum-types.h"

struct _VpParticipant
{
  GObject            parent_instance;

  gint64             id;
  char              *ref;
  char              *name;
  char              *email;
  char              *organisation;
  char              *phone;
  char              *country;
  VpParticipantRole  role;
  char              *dietary;
  char              *accessibility;
  char              *emergency_contact;
  char              *notes;
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
  PROP_PHONE,
  PROP_COUNTRY,
  PROP_ROLE,
  PROP_DIETARY,
  PROP_ACCESSIBILITY,
  PROP_EMERGENCY_CONTACT,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stores @value (NULL for NULL or "") in @field and notifies @prop_id if it changed. */
static void
set_string (VpParticipant  *self,
            char          **field,
            const char     *value,
            guint           prop_id)
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
vp_participant_finalize (GObject *object)
{
  VpParticipant *self = (VpParticipant *)object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->dietary, g_free);
  g_clear_pointer (&self->accessibility, g_free);
  g_clear_pointer (&self->emergency_contact, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->travel, g_ptr_array_unref);
  g_clear_pointer (&self->accommodation, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_participant_parent_class)->finalize (object);
}

static void
vp_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpParticipant *self = VP_PARTICIPANT (object);

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

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_DIETARY:
      g_value_set_string (value, self->dietary);
      break;

    case PROP_ACCESSIBILITY:
      g_value_set_string (value, self->accessibility);
      break;

    case PROP_EMERGENCY_CONTACT:
      g_value_set_string (value, self->emergency_contact);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_participant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpParticipant *self = VP_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      vp_participant_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF:
      vp_participant_set_ref (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      vp_participant_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      vp_participant_set_email (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      vp_participant_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      vp_participant_set_phone (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      vp_participant_set_country (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      vp_participant_set_role (self, g_value_get_enum (value));
      break;

    case PROP_DIETARY:
      vp_participant_set_dietary (self, g_value_get_string (value));
      break;

    case PROP_ACCESSIBILITY:
      vp_participant_set_accessibility (self, g_value_get_string (value));
      break;

    case PROP_EMERGENCY_CONTACT:
      vp_participant_set_emergency_contact (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      vp_participant_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_participant_class_init (VpParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = vp_participant_finalize;
  object_class->get_property = vp_participant_get_property;
  object_class->set_property = vp_participant_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        flags);

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL, flags);

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, flags);

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, flags);

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       VP_TYPE_PARTICIPANT_ROLE,
                       VP_PARTICIPANT_ROLE_UNSET,
                       flags);

  properties[PROP_DIETARY] =
    g_param_spec_string ("dietary", NULL, NULL, NULL, flags);

  properties[PROP_ACCESSIBILITY] =
    g_param_spec_string ("accessibility", NULL, NULL, NULL, flags);

  properties[PROP_EMERGENCY_CONTACT] =
    g_param_spec_string ("emergency-contact", NULL, NULL, NULL, flags);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_participant_init (VpParticipant *self)
{
  self->role = VP_PARTICIPANT_ROLE_UNSET;
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
  VpParticipant *copy;

  g_return_val_if_fail (VP_IS_PARTICIPANT (self), NULL);

  copy = vp_participant_new ();
  copy->id = self->id;
  copy->ref = g_strdup (self->ref);
  copy->name = g_strdup (self->name);
  copy->email = g_strdup (self->email);
  copy->organisation = g_strdup (self->organisation);
  copy->phone = g_strdup (self->phone);
  copy->country = g_strdup (self->country);
  copy->role = self->role;
  copy->dietary = g_strdup (self->dietary);
  copy->accessibility = g_strdup (self->accessibility);
  copy->emergency_contact = g_strdup (self->emergency_contact);
  copy->notes = g_strdup (self->notes);

  for (guint i = 0; i < self->travel->len; i++)
    g_ptr_array_add (copy->travel, vp_travel_leg_copy (g_ptr_array_index (self->travel, i)));

  for (guint i = 0; i < self->accommodation->len; i++)
    g_ptr_array_add (copy->accommodation,
                     vp_stay_copy (g_ptr_array_index (self->accommodation, i)));

  return copy;
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

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  set_string (self, &self->ref, ref, PROP_REF);
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

  set_string (self, &self->name, name, PROP_NAME);
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

  set_string (self, &self->email, email, PROP_EMAIL);
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

  set_string (self, &self->organisation, organisation, PROP_ORGANISATION);
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

  set_string (self, &self->phone, phone, PROP_PHONE);
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

  set_string (self, &self->country, country, PROP_COUNTRY);
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

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
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

  set_string (self, &self->dietary, dietary, PROP_DIETARY);
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

  set_string (self, &self->accessibility, accessibility, PROP_ACCESSIBILITY);
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

  set_string (self, &self->emergency_contact, emergency_contact, PROP_EMERGENCY_CONTACT);
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

  set_string (self, &self->notes, notes, PROP_NOTES);
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

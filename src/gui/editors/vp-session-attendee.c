/* vp-session-attendee.c: one participant in the session editor's checklist. */

#include "config.h"

#include "vp-session-attendee.h"

struct _VpSessionAttendee
{
  GObject   parent_instance;

  char     *ref;
  char     *name;
  char     *detail;
  char     *search_text;
  gboolean  attending;
};

G_DEFINE_FINAL_TYPE (VpSessionAttendee, vp_session_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_NAME,
  PROP_DETAIL,
  PROP_SEARCH_TEXT,
  PROP_ATTENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_session_attendee_finalize (GObject *object)
{
  VpSessionAttendee *self = VP_SESSION_ATTENDEE (object);

  g_free (self->ref);
  g_free (self->name);
  g_free (self->detail);
  g_free (self->search_text);

  G_OBJECT_CLASS (vp_session_attendee_parent_class)->finalize (object);
}

static void
vp_session_attendee_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VpSessionAttendee *self = VP_SESSION_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_ATTENDING:
      g_value_set_boolean (value, self->attending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_attendee_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VpSessionAttendee *self = VP_SESSION_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_ATTENDING:
      vp_session_attendee_set_attending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_attendee_class_init (VpSessionAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_session_attendee_finalize;
  object_class->get_property = vp_session_attendee_get_property;
  object_class->set_property = vp_session_attendee_set_property;

  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENDING] =
    g_param_spec_boolean ("attending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_session_attendee_init (VpSessionAttendee *self)
{
}

VpSessionAttendee *
vp_session_attendee_new (const char *ref,
                         const char *name,
                         const char *detail,
                         gboolean    attending)
{
  VpSessionAttendee *self = g_object_new (VP_TYPE_SESSION_ATTENDEE, NULL);

  self->ref = g_strdup (ref);
  self->name = g_strdup (name != NULL ? name : ref);
  self->detail = g_strdup (detail);
  self->search_text = g_strjoin (" ", self->name, detail != NULL ? detail : "", ref, NULL);
  self->attending = attending;
  return self;
}

const char *
vp_session_attendee_get_ref (VpSessionAttendee *self)
{
  g_return_val_if_fail (VP_IS_SESSION_ATTENDEE (self), NULL);

  return self->ref;
}

const char *
vp_session_attendee_get_name (VpSessionAttendee *self)
{
  g_return_val_if_fail (VP_IS_SESSION_ATTENDEE (self), NULL);

  return self->name;
}

const char *
vp_session_attendee_get_detail (VpSessionAttendee *self)
{
  g_return_val_if_fail (VP_IS_SESSION_ATTENDEE (self), NULL);

  return self->detail;
}

gboolean
vp_session_attendee_get_attending (VpSessionAttendee *self)
{
  g_return_val_if_fail (VP_IS_SESSION_ATTENDEE (self), FALSE);

  return self->attending;
}

void
vp_session_attendee_set_attending (VpSessionAttendee *self,
                                   gboolean           attending)
{
  g_return_if_fail (VP_IS_SESSION_ATTENDEE (self));

  attending = !!attending;
  if (self->attending == attending)
    return;

  self->attending = attending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDING]);
}

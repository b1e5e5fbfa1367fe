/* vp-labels.c: the words people read for the closed vocabularies, translated once for every
 * view. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"

#include "vp-labels.h"

const char *
vp_session_kind_label (VpSessionKind kind)
{
  switch (kind)
    {
    case VP_SESSION_KIND_VISIT:
      return _("Visit");
    case VP_SESSION_KIND_MEETING:
      return _("Meeting");
    case VP_SESSION_KIND_B2B:
      /* TRANSLATORS: business-to-business meetings between companies */
      return _("B2B meetings");
    case VP_SESSION_KIND_WORKSHOP:
      return _("Workshop");
    case VP_SESSION_KIND_MEAL:
      return _("Meal");
    case VP_SESSION_KIND_TRANSFER:
      return _("Transfer");
    case VP_SESSION_KIND_SOCIAL:
      return _("Social event");
    case VP_SESSION_KIND_OTHER:
    case VP_SESSION_KIND_UNSET:
    default:
      return NULL;
    }
}

const char *
vp_session_status_label (VpSessionStatus status)
{
  switch (status)
    {
    case VP_SESSION_STATUS_CONFIRMED:
      return _("Confirmed");
    case VP_SESSION_STATUS_TENTATIVE:
      return _("Tentative");
    case VP_SESSION_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return NULL;
    }
}

const char *
vp_host_kind_label (VpHostKind kind)
{
  switch (kind)
    {
    case VP_HOST_KIND_COMPANY:
      return _("Company");
    case VP_HOST_KIND_UNIVERSITY:
      return _("University");
    case VP_HOST_KIND_RESEARCH:
      return _("Research organisation");
    case VP_HOST_KIND_CLUSTER:
      return _("Cluster organisation");
    case VP_HOST_KIND_PUBLIC:
      return _("Public body");
    case VP_HOST_KIND_OTHER:
    case VP_HOST_KIND_UNSET:
    default:
      return NULL;
    }
}

const char *
vp_organisation_kind_label (VpOrganisationKind kind)
{
  switch (kind)
    {
    case VP_ORGANISATION_KIND_CLUSTER_ORGANISATION:
      return _("Cluster organisation");
    case VP_ORGANISATION_KIND_SME:
      /* TRANSLATORS: a small or medium-sized enterprise, as a kind of organisation */
      return _("SME");
    case VP_ORGANISATION_KIND_SUPPORT_ORGANISATION:
      /* TRANSLATORS: an organisation that supports companies in scaling up */
      return _("Support organisation");
    case VP_ORGANISATION_KIND_RESEARCH:
      return _("Research organisation");
    case VP_ORGANISATION_KIND_LARGE_COMPANY:
      return _("Large company");
    case VP_ORGANISATION_KIND_PUBLIC_AUTHORITY:
      return _("Public authority");
    case VP_ORGANISATION_KIND_OTHER:
      return _("Other");
    case VP_ORGANISATION_KIND_UNSET:
    default:
      return NULL;
    }
}

const char *
vp_participant_role_label (VpParticipantRole role)
{
  switch (role)
    {
    case VP_PARTICIPANT_ROLE_CLUSTER_MANAGER:
      return _("Cluster manager");
    case VP_PARTICIPANT_ROLE_SME:
      /* TRANSLATORS: a small or medium-sized enterprise */
      return _("SME");
    case VP_PARTICIPANT_ROLE_RESEARCHER:
      return _("Researcher");
    case VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION:
      return _("Support organisation");
    case VP_PARTICIPANT_ROLE_OTHER:
      return _("Other");
    case VP_PARTICIPANT_ROLE_UNSET:
    default:
      return NULL;
    }
}

const char *
vp_travel_kind_label (VpTravelKind kind)
{
  switch (kind)
    {
    case VP_TRAVEL_KIND_FLIGHT:
      return _("Flight");
    case VP_TRAVEL_KIND_TRAIN:
      return _("Train");
    case VP_TRAVEL_KIND_BUS:
      return _("Bus");
    case VP_TRAVEL_KIND_CAR:
      return _("Car");
    case VP_TRAVEL_KIND_OTHER:
    case VP_TRAVEL_KIND_UNSET:
    default:
      return _("Journey");
    }
}

const char *
vp_programme_status_label (VpProgrammeStatus status)
{
  switch (status)
    {
    case VP_PROGRAMME_STATUS_DRAFT:
      return _("Draft");
    case VP_PROGRAMME_STATUS_CONFIRMED:
      return _("Confirmed");
    case VP_PROGRAMME_STATUS_COMPLETED:
      return _("Completed");
    case VP_PROGRAMME_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      return NULL;
    }
}

/* The countries that take part in European cluster exchanges, and their
 * neighbours: enough to name every host country a coordinator meets. */
static const struct
{
  const char *code;
  const char *name;
} countries[] = {
  { "AD", N_("Andorra") },
  { "AL", N_("Albania") },
  { "AM", N_("Armenia") },
  { "AT", N_("Austria") },
  { "BA", N_("Bosnia and Herzegovina") },
  { "BE", N_("Belgium") },
  { "BG", N_("Bulgaria") },
  { "BY", N_("Belarus") },
  { "CH", N_("Switzerland") },
  { "CY", N_("Cyprus") },
  { "CZ", N_("Czechia") },
  { "DE", N_("Germany") },
  { "DK", N_("Denmark") },
  { "EE", N_("Estonia") },
  { "ES", N_("Spain") },
  { "FI", N_("Finland") },
  { "FO", N_("Faroe Islands") },
  { "FR", N_("France") },
  { "GB", N_("United Kingdom") },
  { "GE", N_("Georgia") },
  { "GR", N_("Greece") },
  { "HR", N_("Croatia") },
  { "HU", N_("Hungary") },
  { "IE", N_("Ireland") },
  { "IL", N_("Israel") },
  { "IS", N_("Iceland") },
  { "IT", N_("Italy") },
  { "LI", N_("Liechtenstein") },
  { "LT", N_("Lithuania") },
  { "LU", N_("Luxembourg") },
  { "LV", N_("Latvia") },
  { "MC", N_("Monaco") },
  { "MD", N_("Moldova") },
  { "ME", N_("Montenegro") },
  { "MK", N_("North Macedonia") },
  { "MT", N_("Malta") },
  { "NL", N_("Netherlands") },
  { "NO", N_("Norway") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "RO", N_("Romania") },
  { "RS", N_("Serbia") },
  { "SE", N_("Sweden") },
  { "SI", N_("Slovenia") },
  { "SK", N_("Slovakia") },
  { "SM", N_("San Marino") },
  { "TN", N_("Tunisia") },
  { "TR", N_("Türkiye") },
  { "UA", N_("Ukraine") },
  { "VA", N_("Vatican City") },
  { "XK", N_("Kosovo") },
};

const char *
vp_country_name (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (g_ascii_strcasecmp (countries[i].code, code) == 0)
        return _(countries[i].name);
    }

  return NULL;
}

const char * const *
vp_country_codes (void)
{
  static GStrv codes = NULL;

  if (g_once_init_enter (&codes))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        g_strv_builder_add (builder, countries[i].code);

      g_once_init_leave (&codes, g_strv_builder_end (builder));
    }

  return (const char * const *) codes;
}

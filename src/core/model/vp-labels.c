/* vp-labels.c: the words people read for the closed vocabularies, translated once for every
 * view. */
#include "config.h"

#include <glib/gi18n-lib.h>

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

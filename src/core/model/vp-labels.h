/* vp-labels.h: the words people read for the closed vocabularies, translated once for every
 * view. */
#pragma once

#include "vp-enums.h"

G_BEGIN_DECLS

/* Each returns a translated label, or NULL for an UNSET value (and, where
 * noted, for OTHER, which says nothing worth printing). */
const char *vp_session_kind_label      (VpSessionKind      kind);   /* NULL for OTHER */
const char *vp_session_status_label    (VpSessionStatus    status);
const char *vp_host_kind_label         (VpHostKind         kind);   /* NULL for OTHER */
const char *vp_organisation_kind_label (VpOrganisationKind kind);   /* “Other” for OTHER */
const char *vp_participant_role_label  (VpParticipantRole  role);
/* Never NULL: "Journey" when the kind is not known. */
const char *vp_travel_kind_label       (VpTravelKind       kind);
const char *vp_programme_status_label  (VpProgrammeStatus  status);

/* The translated name of a European country from its ISO 3166-1 alpha-2
 * code (in any case), or NULL when the code is not one of them. */
const char *vp_country_name            (const char        *code);
/* The codes vp_country_name() knows, NULL-terminated, sorted by code. */
const char * const *vp_country_codes   (void);

G_END_DECLS

/* vp-programme.h: a visit, its dates, host country and zone, and who runs it. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"

G_BEGIN_DECLS

#define VP_TYPE_PROGRAMME (vp_programme_get_type ())

G_DECLARE_FINAL_TYPE (VpProgramme, vp_programme, VP, PROGRAMME, GObject)

/* Strings may be NULL when not given (empty strings are stored as NULL);
 * dates are "YYYY-MM-DD"; doubles are NAN when not given. */
VpProgramme       *vp_programme_new                   (void);
VpProgramme       *vp_programme_copy                  (VpProgramme       *self);

gint64             vp_programme_get_id                (VpProgramme       *self);
void               vp_programme_set_id                (VpProgramme       *self,
                                                       gint64             id);
const char        *vp_programme_get_uid               (VpProgramme       *self);
void               vp_programme_set_uid               (VpProgramme       *self,
                                                       const char        *uid);
const char        *vp_programme_get_title             (VpProgramme       *self);
void               vp_programme_set_title             (VpProgramme       *self,
                                                       const char        *title);
const char        *vp_programme_get_description       (VpProgramme       *self);
void               vp_programme_set_description       (VpProgramme       *self,
                                                       const char        *description);
VpProgrammeStatus  vp_programme_get_status            (VpProgramme       *self);
void               vp_programme_set_status            (VpProgramme       *self,
                                                       VpProgrammeStatus  status);
const char        *vp_programme_get_visiting_cluster  (VpProgramme       *self);
void               vp_programme_set_visiting_cluster  (VpProgramme       *self,
                                                       const char        *visiting_cluster);
const char        *vp_programme_get_host_cluster      (VpProgramme       *self);
void               vp_programme_set_host_cluster      (VpProgramme       *self,
                                                       const char        *host_cluster);
const char        *vp_programme_get_host_country      (VpProgramme       *self);
void               vp_programme_set_host_country      (VpProgramme       *self,
                                                       const char        *host_country);
const char        *vp_programme_get_timezone          (VpProgramme       *self);
void               vp_programme_set_timezone          (VpProgramme       *self,
                                                       const char        *zone);
const char        *vp_programme_get_start_date        (VpProgramme       *self);
void               vp_programme_set_start_date        (VpProgramme       *self,
                                                       const char        *start_date);
const char        *vp_programme_get_end_date          (VpProgramme       *self);
void               vp_programme_set_end_date          (VpProgramme       *self,
                                                       const char        *end_date);
const char        *vp_programme_get_coordinator_name  (VpProgramme       *self);
void               vp_programme_set_coordinator_name  (VpProgramme       *self,
                                                       const char        *coordinator_name);
const char        *vp_programme_get_coordinator_email (VpProgramme       *self);
void               vp_programme_set_coordinator_email (VpProgramme       *self,
                                                       const char        *coordinator_email);
const char        *vp_programme_get_origin_city       (VpProgramme       *self);
void               vp_programme_set_origin_city       (VpProgramme       *self,
                                                       const char        *origin_city);
double             vp_programme_get_origin_latitude   (VpProgramme       *self);
double             vp_programme_get_origin_longitude  (VpProgramme       *self);
/* Both or neither: NAN, NAN clears them. */
void               vp_programme_set_origin_position   (VpProgramme       *self,
                                                       double             latitude,
                                                       double             longitude);
/* The full lump sum per visiting organisation for the host country, and
 * the partnership's own full amount that replaces it (NAN: not given). */
double             vp_programme_get_lump_sum_eur      (VpProgramme       *self);
void               vp_programme_set_lump_sum_eur      (VpProgramme       *self,
                                                       double             lump_sum_eur);
double             vp_programme_get_lump_sum_override_eur (VpProgramme   *self);
void               vp_programme_set_lump_sum_override_eur (VpProgramme   *self,
                                                           double         lump_sum_override_eur);
/* What the exchange is for, in a short text each (the organisations'
 * own, when they have none: the "Commitment to Quality"), and the day
 * the visiting organisations' closing kit is due (YYYY-MM-DD, or NULL:
 * the rules' period after the last day, vp-evidence.h). */
const char        *vp_programme_get_goals             (VpProgramme       *self);
void               vp_programme_set_goals             (VpProgramme       *self,
                                                       const char        *goals);
const char        *vp_programme_get_objectives        (VpProgramme       *self);
void               vp_programme_set_objectives        (VpProgramme       *self,
                                                       const char        *objectives);
const char        *vp_programme_get_evidence_due      (VpProgramme       *self);
void               vp_programme_set_evidence_due      (VpProgramme       *self,
                                                       const char        *evidence_due);
/* The last day its participants' personal data is kept (YYYY-MM-DD), after
 * which it may be purged; NULL: the default, a period after its last day
 * (vp_privacy_get_retention_date()). */
const char        *vp_programme_get_retention_until   (VpProgramme       *self);
void               vp_programme_set_retention_until   (VpProgramme       *self,
                                                       const char        *retention_until);

G_END_DECLS

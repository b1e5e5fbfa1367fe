/* vp-travel-leg-dialog.h: one journey of a participant: how, from where to where, and when. */
#pragma once

#include <adwaita.h>

#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_TRAVEL_LEG_DIALOG (vp_travel_leg_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpTravelLegDialog, vp_travel_leg_dialog, VP, TRAVEL_LEG_DIALOG, AdwWindow)

/* Edits a copy of @leg, or a new leg when it is NULL, whose times start in
 * @default_timezone on @default_date (either may be NULL).  ::applied
 * (VpTravelLeg *leg) gives the leg, its instants resolved, when the Done
 * button is pressed; the dialog then closes. */
VpTravelLegDialog *vp_travel_leg_dialog_new (const VpTravelLeg *leg,
                                             const char        *default_timezone,
                                             const char        *default_date);

G_END_DECLS

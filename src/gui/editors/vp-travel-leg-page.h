/* vp-travel-leg-page.h: one journey of a participant, a page of the participant dialog. */
#pragma once

#include <adwaita.h>

#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_TRAVEL_LEG_PAGE (vp_travel_leg_page_get_type ())

G_DECLARE_FINAL_TYPE (VpTravelLegPage, vp_travel_leg_page, VP, TRAVEL_LEG_PAGE, AdwBin)

GtkWidget *vp_travel_leg_page_new  (void);
/* Shows a copy of @leg, or a new leg when it is NULL, whose times start
 * in @default_timezone on @default_date (either may be NULL).  ::applied
 * (VpTravelLeg *leg) gives the leg, its instants resolved, when the Done
 * button is pressed; ::back, when the user leaves the page without it. */
void       vp_travel_leg_page_edit (VpTravelLegPage   *self,
                                    const VpTravelLeg *leg,
                                    const char        *default_timezone,
                                    const char        *default_date);
/* The button that applies the page, to be its window's default. */
GtkWidget *vp_travel_leg_page_get_done_button (VpTravelLegPage *self);

G_END_DECLS

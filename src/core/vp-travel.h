/* vp-travel.h: a participant's travel legs and hotel stays, plain values. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"

G_BEGIN_DECLS

#define VP_TYPE_TRAVEL_LEG (vp_travel_leg_get_type ())
#define VP_TYPE_STAY       (vp_stay_get_type ())

/* Local times as "YYYY-MM-DDTHH:MM[:SS]"; a NULL zone means the programme's.
 * depart_utc and arrive_utc are the instants (Unix seconds) once resolved. */
typedef struct
{
  VpTravelKind  kind;
  char         *reference;
  char         *from;
  char         *to;
  char         *depart;
  char         *depart_timezone;
  char         *arrive;
  char         *arrive_timezone;
  gint64        depart_utc;
  gint64        arrive_utc;
} VpTravelLeg;

/* Dates as "YYYY-MM-DD"; check_out is after check_in. */
typedef struct
{
  char *name;
  char *address;
  char *check_in;
  char *check_out;
} VpStay;

GType        vp_travel_leg_get_type (void) G_GNUC_CONST;
VpTravelLeg *vp_travel_leg_new      (void);
VpTravelLeg *vp_travel_leg_copy     (const VpTravelLeg *leg);
void         vp_travel_leg_free     (VpTravelLeg       *leg);

GType        vp_stay_get_type       (void) G_GNUC_CONST;
VpStay      *vp_stay_new            (void);
VpStay      *vp_stay_copy           (const VpStay      *stay);
void         vp_stay_free           (VpStay            *stay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpTravelLeg, vp_travel_leg_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpStay, vp_stay_free)

G_END_DECLS

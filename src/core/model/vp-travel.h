/* vp-travel.h: a participant's travel legs and hotel stays, plain values. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"

G_BEGIN_DECLS

#define VP_TYPE_TRAVEL_LEG (vp_travel_leg_get_type ())
#define VP_TYPE_STAY       (vp_stay_get_type ())

/* Local times as "YYYY-MM-DDTHH:MM[:SS]"; a NULL zone means the programme's.
 * depart_utc and arrive_utc are the instants (Unix seconds) once resolved.
 * uid is the leg's calendar identity, kept for ever (NULL until the store or
 * a document gives one); revision, its calendar SEQUENCE, rises with every
 * change a calendar shows; modified_at (Unix seconds, 0 when unknown) is
 * the time of the last such change. */
typedef struct
{
  char         *uid;
  int           revision;
  gint64        modified_at;
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

/* Dates as "YYYY-MM-DD"; check_out is after check_in.  uid, revision and
 * modified_at as for a travel leg. */
typedef struct
{
  char   *uid;
  int     revision;
  gint64  modified_at;
  char   *name;
  char   *address;
  char   *check_in;
  char   *check_out;
} VpStay;

GType        vp_travel_leg_get_type (void) G_GNUC_CONST;
VpTravelLeg *vp_travel_leg_new      (void);
VpTravelLeg *vp_travel_leg_copy     (const VpTravelLeg *leg);
void         vp_travel_leg_free     (VpTravelLeg       *leg);

GType        vp_stay_get_type       (void) G_GNUC_CONST;
VpStay      *vp_stay_new            (void);
VpStay      *vp_stay_copy           (const VpStay      *stay);
void         vp_stay_free           (VpStay            *stay);

/* Whether a calendar would show the difference between @a and @b: the
 * changes that raise a leg's or a stay's revision. */
gboolean     vp_travel_leg_differs  (const VpTravelLeg *a,
                                     const VpTravelLeg *b);
gboolean     vp_stay_differs        (const VpStay      *a,
                                     const VpStay      *b);

/* Whether writing the legs (stays) @after over @before changes them, as
 * the store matches them: by uid, else a leg by its reference and places
 * and a stay by its hotel and check-in day, among those not yet matched,
 * never by their place in the list; one left without a match is added or
 * removed. */
gboolean     vp_travel_legs_differ  (GPtrArray         *before,
                                     GPtrArray         *after);
gboolean     vp_stays_differ        (GPtrArray         *before,
                                     GPtrArray         *after);

/* Whether @a and @b hold the same, every field. */
gboolean     vp_travel_leg_equal    (const VpTravelLeg *a,
                                     const VpTravelLeg *b);
gboolean     vp_stay_equal          (const VpStay      *a,
                                     const VpStay      *b);

/* The UID Visit Planner 0.1 gave a participant's travel leg (@what
 * "travel") or stay ("stay") from its place (@index) in their list: kept
 * by the rows that had it, and the UID of an item that no database has
 * given one (a document not yet imported). */
char        *vp_travel_position_uid (const char        *programme_uid,
                                     const char        *participant_ref,
                                     const char        *what,
                                     guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpTravelLeg, vp_travel_leg_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpStay, vp_stay_free)

G_END_DECLS

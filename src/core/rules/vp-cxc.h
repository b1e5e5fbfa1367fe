/* vp-cxc.h: the ClusterXChange rules applied to each visiting organisation of a programme. */
#pragma once

#include <glib.h>

#include "vp-cxc-rules.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

/* Why an organisation's sum is halved or nothing, as flags; their codes
 * (vp_cxc_reason_code()) are those of the budget's "reasons". */
typedef enum
{
  VP_CXC_REASON_SHORT_STAY         = 1 << 0,  /* fewer working days than the full sum needs */
  VP_CXC_REASON_NEAR               = 1 << 1,  /* nearer to the host than the full sum needs */
  VP_CXC_REASON_INELIGIBLE_COUNTRY = 1 << 2,  /* registered outside the scheme, or in the host's */
  VP_CXC_REASON_INELIGIBLE_KIND    = 1 << 3,
  VP_CXC_REASON_REPEAT             = 1 << 4,  /* visited in an earlier programme */
  VP_CXC_REASON_TOO_SHORT          = 1 << 5,
  VP_CXC_REASON_TOO_LONG           = 1 << 6,
  VP_CXC_REASON_UNKNOWN_DISTANCE   = 1 << 7,
} VpCxcReason;

#define VP_CXC_N_REASONS 8
/* The reasons that make the sum nothing. */
#define VP_CXC_REASONS_NOTHING (VP_CXC_REASON_INELIGIBLE_COUNTRY | VP_CXC_REASON_INELIGIBLE_KIND | \
                                VP_CXC_REASON_REPEAT | VP_CXC_REASON_TOO_SHORT |               \
                                VP_CXC_REASON_TOO_LONG)

/* Where the full amount comes from. */
typedef enum
{
  VP_CXC_AMOUNT_NONE,       /* nowhere: unknown */
  VP_CXC_AMOUNT_OVERRIDE,   /* the programme's lump_sum_override_eur */
  VP_CXC_AMOUNT_PROGRAMME,  /* the programme's lump_sum_eur */
  VP_CXC_AMOUNT_RULES,      /* data/cxc-rules.json, for the host country */
} VpCxcAmountSource;

/* One visiting organisation (one with people in the programme) as the
 * scheme counts it.  Its working days are the weekdays of the programme on
 * which at least one of its people attends a session that is not a
 * transfer, other than that person's arrival day (the day their arrival leg
 * lands) and departure day (the day their departure leg leaves), unless
 * the rules count travel days; a person without legs has all their session
 * days counted and is named in @people_without_legs.  Its host is the one
 * its people attend most (ties: the first in the programme's list); the
 * distance is NAN when it or the host has no position. */
typedef struct
{
  VpOrganisation *organisation;
  GPtrArray      *people;               /* VpParticipant, in participant order */
  GPtrArray      *people_without_legs;  /* VpParticipant */
  guint           working_days;
  GDate           first_day;            /* of its stay (days its people attend), or cleared */
  GDate           last_day;
  VpHost         *host;                 /* or NULL */
  double          distance_km;
  char           *host_country;         /* the programme's, else the host's, or NULL */
  VpOrganisationVisit *repeat;          /* the earlier visit it repeats, or NULL */
  guint           reasons;              /* VpCxcReason flags */
  gboolean        halved;
  double          full_amount_eur;      /* before halving and the cap; NAN: unknown */
  VpCxcAmountSource amount_source;
  double          amount_eur;           /* what it may claim; NAN: unknown */
} VpCxcVisit;

typedef struct
{
  const VpCxcRules *rules;
  GPtrArray        *visits;      /* VpCxcVisit, in the programme's order of organisations */
  GPtrArray        *unassigned;  /* VpParticipant of no organisation, in participant order */
} VpCxc;

/* Applies the rules to every visiting organisation of @snapshot.
 * @other_visits (VpOrganisationVisit of other programmes, as
 * vp_store_collect_organisation_visits() gives them; may be NULL) finds
 * repeats: the same name key and country, in a programme whose first day
 * is earlier (or the same day and a lower id).  @rules NULL: the built-in
 * ones. */
VpCxc       *vp_cxc_new                   (VpSnapshot        *snapshot,
                                           GPtrArray         *other_visits,
                                           const VpCxcRules  *rules);
void         vp_cxc_free                  (VpCxc             *cxc);

/* "short-stay", "near", …: the stable code of one reason flag. */
const char  *vp_cxc_reason_code           (VpCxcReason        reason);

/* The arrival and departure legs of @participant (either NULL) in a
 * programme from @first_day to @last_day in @zone: legs chain into journeys
 * (connections less than 12 hours apart); with two journeys or more, the
 * arrival is the last leg of the first and the departure the first leg of
 * the last.  A single journey is the arrival when it lands before the
 * middle of the programme, else the departure.  The checks and the rules
 * share this one definition. */
void         vp_cxc_find_legs             (VpParticipant     *participant,
                                           GTimeZone         *zone,
                                           const GDate       *first_day,
                                           const GDate       *last_day,
                                           VpTravelLeg      **arrival,
                                           VpTravelLeg      **departure);

/* The working days of @participant alone, by the rule vp_cxc_new() counts
 * its organisation's with (their union over its people): the julian days,
 * in order, of the programme's weekdays on which a session of @sessions
 * (those @participant attends) takes place that is not a transfer, other
 * than the person's arrival and departure days unless @rules count travel
 * days.  Empty when the programme has no zone or no dates.  @rules NULL:
 * the built-in ones. */
GArray      *vp_cxc_participant_working_days (VpSnapshot     *snapshot,
                                              VpParticipant  *participant,
                                              GPtrArray      *sessions,
                                              const VpCxcRules *rules);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpCxc, vp_cxc_free)

G_END_DECLS

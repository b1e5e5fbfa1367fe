/* vp-checks.h: every problem in a plan, and the ClusterXChange rules. */
#pragma once

#include <glib-object.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_TYPE_PROBLEM     (vp_problem_get_type ())

/* One problem: @code is stable (“participant-double-booked”), @message
 * translated and says what to change; the references name what it concerns
 * (a session's uid, a participant's email or else id, a host's id), or are
 * NULL.  A problem of several sessions (problems of one kind about one
 * person, site or day are one problem, whose message names a few of them)
 * lists the uids of them all in @sessions, in time order, and @session is
 * the first; @sessions is NULL for a problem of one session or none.
 * @organisation is the name of the visiting organisation a problem of the
 * ClusterXChange rules per organisation concerns, else NULL. */
typedef struct
{
  VpSeverity  severity;
  char       *code;
  char       *message;
  char       *session;
  char       *participant;
  char       *host;
  char      **sessions;
  char       *organisation;
} VpProblem;

/* What the checks need beyond the programme itself. */
typedef struct
{
  /* case-folded email → title of another programme where that person is a
   * visitor (for cxc-repeat-visitor); may be NULL */
  GHashTable *other_visits;
  /* VpOrganisationVisit of the other programmes of the database (for
   * cxc-repeat-organisation, vp_store_collect_organisation_visits()); may
   * be NULL */
  GPtrArray  *organisation_visits;
  /* the day cxc-evidence-missing counts from (a programme that ended
   * before it owes its closing kit); NULL: vp_evidence_get_today() */
  const GDate *today;
} VpChecksContext;

GType         vp_problem_get_type         (void) G_GNUC_CONST;
VpProblem    *vp_problem_copy             (const VpProblem    *problem);
void          vp_problem_free             (VpProblem          *problem);

/* Every problem in @snapshot (the ClusterXChange rules per visiting
 * organisation among them, vp-cxc.h): errors first, then warnings, then infos, each
 * in the order of the agenda.  @context may be NULL. */
GPtrArray    *vp_checks_run               (VpSnapshot         *snapshot,
                                           VpChecksContext    *context);

/* The ClusterXChange country list (data/cxc-countries.json): whether @code
 * (ISO 3166-1 alpha-2) is a participating country, and the list's source. */
gboolean      vp_checks_country_eligible  (const char         *code);
const char   *vp_checks_country_source    (void);

/* Great-circle distance in kilometres between two WGS84 positions. */
double        vp_checks_distance_km       (double              latitude1,
                                           double              longitude1,
                                           double              latitude2,
                                           double              longitude2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpProblem, vp_problem_free)

G_END_DECLS

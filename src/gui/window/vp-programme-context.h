/* vp-programme-context.h: what every page of the window shares: the store, the shown programme,
 * its problems and budget. */
#pragma once

#include <glib-object.h>

#include "vp-budget.h"
#include "vp-checks.h"
#include "vp-history.h"
#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PROGRAMME_CONTEXT (vp_programme_context_get_type ())

G_DECLARE_FINAL_TYPE (VpProgrammeContext, vp_programme_context, VP, PROGRAMME_CONTEXT, GObject)

/* Properties: "store" (construct-only), "programme" (a VpProgramme or
 * NULL), "programme-id" (read-only: the programme's, 0 for none),
 * "problems" (a GPtrArray of VpProblem, NULL while the checks run) and
 * "budget" (a VpBudget, NULL likewise).  Each notifies
 * only when it really changes: the programme when another object is set
 * (the store hands out a new one on every change), its id when another
 * programme is shown.  Showing another programme drops the problems and
 * the budget, which were the last one's. */
VpProgrammeContext *vp_programme_context_new              (VpStore            *store);
VpStore            *vp_programme_context_get_store        (VpProgrammeContext *self);
VpProgramme        *vp_programme_context_get_programme    (VpProgrammeContext *self);
void                vp_programme_context_set_programme    (VpProgrammeContext *self,
                                                           VpProgramme        *programme);
gint64              vp_programme_context_get_programme_id (VpProgrammeContext *self);
GPtrArray          *vp_programme_context_get_problems     (VpProgrammeContext *self);
void                vp_programme_context_set_problems     (VpProgrammeContext *self,
                                                           GPtrArray          *problems);
VpBudget           *vp_programme_context_get_budget       (VpProgrammeContext *self);
void                vp_programme_context_set_budget       (VpProgrammeContext *self,
                                                           VpBudget           *budget);
/* The undo history of the window the context is of: every change made
 * through its pages and editors (transfer none). */
VpHistory          *vp_programme_context_get_history      (VpProgrammeContext *self);

G_END_DECLS

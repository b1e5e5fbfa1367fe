/* vp-problem-item.h: one problem (or a heading above a group of them) in a list model. */
#pragma once

#include <glib-object.h>

#include "vp-checks.h"

G_BEGIN_DECLS

#define VP_TYPE_PROBLEM_ITEM (vp_problem_item_get_type ())

G_DECLARE_FINAL_TYPE (VpProblemItem, vp_problem_item, VP, PROBLEM_ITEM, GObject)

/* A copy of @problem. */
VpProblemItem   *vp_problem_item_new         (const VpProblem *problem);
/* A heading: no problem, a title. */
VpProblemItem   *vp_problem_item_new_heading (const char      *title);
/* NULL for a heading. */
const VpProblem *vp_problem_item_get_problem (VpProblemItem   *self);
const char      *vp_problem_item_get_heading (VpProblemItem   *self);

/* The page that fixes @problem ("agenda", "participants", "hosts" or
 * "overview"), its translated name, and the parameter of the window's
 * win.show-problem action: (session uid, participant key, host ref), ""
 * for none. */
const char      *vp_problem_get_page         (const VpProblem *problem);
const char      *vp_problem_get_page_title   (const VpProblem *problem);
GVariant        *vp_problem_get_target       (const VpProblem *problem);

G_END_DECLS

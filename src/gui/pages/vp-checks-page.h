/* vp-checks-page.h: every problem the checks found, grouped by severity. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_CHECKS_PAGE (vp_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (VpChecksPage, vp_checks_page, VP, CHECKS_PAGE, AdwBin)

/* Properties: "store" (construct-only), "programme-id", "problems" (a
 * GPtrArray of VpProblem, NULL while the checks run).  Activating a problem
 * activates win.show-problem with its target (vp-problem-item.h). */
GtkWidget *vp_checks_page_new (VpStore *store);

G_END_DECLS

/* vp-checks-page.h: every problem the checks found, grouped by severity. */
#pragma once

#include <adwaita.h>

#include "vp-programme-context.h"

G_BEGIN_DECLS

#define VP_TYPE_CHECKS_PAGE (vp_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (VpChecksPage, vp_checks_page, VP, CHECKS_PAGE, AdwBin)

/* Property: "context" (construct-only): the page shows its problems, a
 * spinner while they are NULL.  Activating a problem activates
 * win.show-problem with its target (vp-problem-item.h). */
GtkWidget *vp_checks_page_new (VpProgrammeContext *context);

G_END_DECLS

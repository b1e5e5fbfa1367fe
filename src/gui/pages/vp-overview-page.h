/* vp-overview-page.h: a programme's fields, editable in place; its counts, problems and budget. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_OVERVIEW_PAGE (vp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (VpOverviewPage, vp_overview_page, VP, OVERVIEW_PAGE, AdwBin)

/* Properties: "store" (construct-only), "programme-id", "problems" (a
 * GPtrArray of VpProblem, NULL until the checks have run) and "budget" (a
 * GPtrArray of VpBudgetLine). */
GtkWidget *vp_overview_page_new           (VpStore        *store);
void       vp_overview_page_set_programme_id (VpOverviewPage *self,
                                           gint64          programme_id);
/* Saves an edit still waiting for the typist to pause. */
void       vp_overview_page_flush         (VpOverviewPage *self);
/* Moves the focus to the title, for a programme just created. */
void       vp_overview_page_focus_title   (VpOverviewPage *self);

G_END_DECLS

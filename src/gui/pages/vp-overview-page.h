/* vp-overview-page.h: a programme's fields, editable in place; its counts, problems and budget. */
#pragma once

#include <adwaita.h>

#include "vp-programme-context.h"

G_BEGIN_DECLS

#define VP_TYPE_OVERVIEW_PAGE (vp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (VpOverviewPage, vp_overview_page, VP, OVERVIEW_PAGE, AdwBin)

/* Property: "context" (construct-only): the page shows its programme,
 * the first of its problems ("Checking…" while they are NULL) and its
 * budget, and saves the edits made here to its store. */
GtkWidget *vp_overview_page_new           (VpProgrammeContext *context);
/* Saves an edit still waiting for the typist to pause. */
void       vp_overview_page_flush         (VpOverviewPage *self);
/* Moves the focus to the title, for a programme just created. */
void       vp_overview_page_focus_title   (VpOverviewPage *self);

G_END_DECLS

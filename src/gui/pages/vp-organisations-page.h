/* vp-organisations-page.h: a programme's visiting organisations in a sortable, searchable table. */
#pragma once

#include "vp-table-page.h"

G_BEGIN_DECLS

#define VP_TYPE_ORGANISATIONS_PAGE (vp_organisations_page_get_type ())

G_DECLARE_FINAL_TYPE (VpOrganisationsPage, vp_organisations_page, VP, ORGANISATIONS_PAGE,
                      VpTablePage)

/* The context is VpTablePage's (vp_table_page_get_context()); the budget
 * column reads the context's budget. */
GtkWidget *vp_organisations_page_new               (VpProgrammeContext  *context);
/* Selects the organisation with this ref, scrolls to it and opens its
 * editor.  FALSE when there is none. */
gboolean   vp_organisations_page_show_organisation (VpOrganisationsPage *self,
                                                    const char          *ref);

G_END_DECLS

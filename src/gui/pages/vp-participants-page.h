/* vp-participants-page.h: a programme's participants in a sortable, searchable table. */
#pragma once

#include "vp-table-page.h"

G_BEGIN_DECLS

#define VP_TYPE_PARTICIPANTS_PAGE (vp_participants_page_get_type ())

G_DECLARE_FINAL_TYPE (VpParticipantsPage, vp_participants_page, VP, PARTICIPANTS_PAGE, VpTablePage)

/* The context is VpTablePage's (vp_table_page_get_context()). */
GtkWidget *vp_participants_page_new              (VpProgrammeContext *context);
/* Selects the participant with this email (case-insensitive) or ref,
 * scrolls to them and opens their editor.  FALSE when there is none. */
gboolean   vp_participants_page_show_participant (VpParticipantsPage *self,
                                                  const char         *email_or_ref);

G_END_DECLS

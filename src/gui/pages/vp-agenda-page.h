/* vp-agenda-page.h: a programme's sessions, as a time grid (wide) or a list (narrow). */
#pragma once

#include <adwaita.h>

#include "vp-programme-context.h"

G_BEGIN_DECLS

#define VP_TYPE_AGENDA_PAGE (vp_agenda_page_get_type ())

G_DECLARE_FINAL_TYPE (VpAgendaPage, vp_agenda_page, VP, AGENDA_PAGE, AdwBin)

/* Property: "context" (construct-only): the page shows its programme's
 * sessions, marked with its problems. */
GtkWidget *vp_agenda_page_new              (VpProgrammeContext *context);

/* Brings the session into view and opens its editor. */
void       vp_agenda_page_show_session     (VpAgendaPage *self,
                                            const char   *uid);

/* The list whatever the width (TRUE), or the grid when it fits (FALSE). */
void       vp_agenda_page_set_force_list   (VpAgendaPage *self,
                                            gboolean      force_list);
/* Whether the list shows, rather than the grid. */
gboolean   vp_agenda_page_get_list_mode    (VpAgendaPage *self);

G_END_DECLS

/* vp-hosts-page.h: a programme's hosts in a sortable, searchable table. */
#pragma once

#include "vp-table-page.h"

G_BEGIN_DECLS

#define VP_TYPE_HOSTS_PAGE (vp_hosts_page_get_type ())

G_DECLARE_FINAL_TYPE (VpHostsPage, vp_hosts_page, VP, HOSTS_PAGE, VpTablePage)

/* The context is VpTablePage's (vp_table_page_get_context()). */
GtkWidget *vp_hosts_page_new              (VpProgrammeContext *context);
/* Selects the host with this ref, scrolls to it and opens its editor.
 * FALSE when there is none. */
gboolean   vp_hosts_page_show_host        (VpHostsPage *self,
                                           const char  *ref);

G_END_DECLS

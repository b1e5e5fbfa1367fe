/* vp-print-badges.h: name badges, several to a page on a cutting grid (private to render/). */
#pragma once

#include "vp-print-sheets.h"

G_BEGIN_DECLS

/* How many badges go across (@columns) and down (@rows) a page of
 * @page_width × @page_height: two by four on paper as long as A4, two by
 * three on squarer paper such as US Letter; turned for landscape. */
void vp_print_badge_grid          (double        page_width,
                                   double        page_height,
                                   guint        *columns,
                                   guint        *rows);

/* One block per page, each a grid of @columns × @rows badges filling the
 * sheet's width and height: every participant's, in order of name. */
void vp_print_sheet_build_badges  (VpPrintSheet *sheet,
                                   guint         columns,
                                   guint         rows);

G_END_DECLS

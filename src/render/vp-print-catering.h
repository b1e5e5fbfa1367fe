/* vp-print-catering.h: the catering sheet: meals and dietary needs, site visits and access needs
 * (private to render/). */
#pragma once

#include "vp-print-sheets.h"

G_BEGIN_DECLS

/* For the host or caterer: each meal that takes place, day by day, with
 * how many people come and each dietary need (its count and who has it);
 * then each site visit with the access needs of those who come.  No other
 * personal data. */
void vp_print_sheet_build_catering (VpPrintSheet *sheet);

G_END_DECLS

/* vp-print-rooming.h: the rooming list: each hotel's stays of the group (private to render/). */
#pragma once

#include "vp-print-sheets.h"

G_BEGIN_DECLS

/* For the hotels: per hotel (each on a page of its own), every stay of
 * the participants, nights before or after the programme included:
 * check-in, check-out, nights, name and organisation, in order of
 * check-in, then name; the hotel's room-nights and rooms per night. */
void vp_print_sheet_build_rooming (VpPrintSheet *sheet);

G_END_DECLS

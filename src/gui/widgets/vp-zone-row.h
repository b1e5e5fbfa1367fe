/* vp-zone-row.h: the one time-zone chooser: a searchable row of every zone the store takes. */
#pragma once

#include "vp-chooser-row.h"

G_BEGIN_DECLS

/* Gives @row every IANA zone GLib can load (vp_format_time_zones()), by
 * name; the search matches any part (“paris” finds Europe/Paris). */
void vp_zone_row_setup (VpChooserRow *row);

G_END_DECLS

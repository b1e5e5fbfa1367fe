/* vp-zone-row.c: the one time-zone chooser: a searchable row of every zone the store takes. */

#include "config.h"

#include "vp-format.h"
#include "vp-zone-row.h"

void
vp_zone_row_setup (VpChooserRow *row)
{
  const char * const *zones = vp_format_time_zones ();

  g_return_if_fail (VP_IS_CHOOSER_ROW (row));

  vp_chooser_row_set_choices (row, zones, zones);
}

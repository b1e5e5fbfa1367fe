/* vp-date-row.h: a row that shows a day and picks it from a calendar popover. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VP_TYPE_DATE_ROW (vp_date_row_get_type ())

G_DECLARE_FINAL_TYPE (VpDateRow, vp_date_row, VP, DATE_ROW, AdwActionRow)

GtkWidget  *vp_date_row_new      (void);
/* The day, "YYYY-MM-DD", or NULL when none is chosen. */
const char *vp_date_row_get_date (VpDateRow  *self);
/* Shows @date ("YYYY-MM-DD"; NULL, or what is not a day, for none). */
void        vp_date_row_set_date (VpDateRow  *self,
                                  const char *date);
/* Shows the day in full, “Tuesday, 13 April 2027”, not “13 Apr 2027”. */
void        vp_date_row_set_long_format (VpDateRow *self,
                                         gboolean   long_format);
/* The label that shows the day, for tests and screen readers. */
GtkLabel   *vp_date_row_get_value_label (VpDateRow *self);
/* The calendar of the popover, for tests. */
GtkCalendar *vp_date_row_get_calendar   (VpDateRow *self);

G_END_DECLS

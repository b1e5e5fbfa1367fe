/* vp-time-row.h: a row that picks a time of day with an hour and a minute spin button. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VP_TYPE_TIME_ROW (vp_time_row_get_type ())

G_DECLARE_FINAL_TYPE (VpTimeRow, vp_time_row, VP, TIME_ROW, AdwActionRow)

GtkWidget *vp_time_row_new        (void);
/* The time as minutes since midnight, 0 to 1439 (::notify::minutes). */
int        vp_time_row_get_minutes (VpTimeRow *self);
void       vp_time_row_set_minutes (VpTimeRow *self,
                                    int        minutes);
/* Sets the hour (0–23) and minute (0–59). */
void       vp_time_row_set_time    (VpTimeRow *self,
                                    int        hour,
                                    int        minute);
/* The spin buttons, for tests. */
GtkSpinButton *vp_time_row_get_hour_spin   (VpTimeRow *self);
GtkSpinButton *vp_time_row_get_minute_spin (VpTimeRow *self);

G_END_DECLS

/* vp-programme-row.h: one programme in the sidebar list: title, dates, status. */
#pragma once

#include <gtk/gtk.h>

#include "vp-programme.h"

G_BEGIN_DECLS

#define VP_TYPE_PROGRAMME_ROW (vp_programme_row_get_type ())

G_DECLARE_FINAL_TYPE (VpProgrammeRow, vp_programme_row, VP, PROGRAMME_ROW, GtkWidget)

GtkWidget   *vp_programme_row_new           (void);
VpProgramme *vp_programme_row_get_programme (VpProgrammeRow *self);
void         vp_programme_row_set_programme (VpProgrammeRow *self,
                                             VpProgramme    *programme);

G_END_DECLS

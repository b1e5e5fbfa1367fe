/* vp-combo-rows.h: combo rows whose values, in any language, are read whole. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Each AdwComboRow in @root's tree shows its value under its title, across
 * the row, where one of its values in the window's language is longer than
 * the 20 characters libadwaita 1.2 gives a value beside the title (which it
 * cuts: “CalDAV-Kalenderverze…”); looked at again when its model or its
 * expression changes.  For a widget's init, after its template. */
void vp_combo_rows_fit_values (GtkWidget *root);

G_END_DECLS

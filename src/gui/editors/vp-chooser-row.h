/* vp-chooser-row.h: a row that shows a value and picks it from a searchable list. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VP_TYPE_CHOOSER_ROW (vp_chooser_row_get_type ())

G_DECLARE_FINAL_TYPE (VpChooserRow, vp_chooser_row, VP, CHOOSER_ROW, AdwActionRow)

GtkWidget  *vp_chooser_row_new         (void);
/* @values and @labels are NULL-terminated and as long as each other; a
 * label is what the list shows and what a search matches. */
void        vp_chooser_row_set_choices (VpChooserRow       *self,
                                        const char * const *values,
                                        const char * const *labels);
const char *vp_chooser_row_get_value   (VpChooserRow       *self);
/* Shows @value (NULL for none) without telling anyone: ::notify::value is
 * only for the user's choices. */
void        vp_chooser_row_set_value   (VpChooserRow       *self,
                                        const char         *value);
/* The label that shows the value, so that tests and screen readers can
 * find it by name. */
GtkLabel   *vp_chooser_row_get_value_label (VpChooserRow   *self);
/* What the row shows for no value: “Not set” unless told (NULL). */
void        vp_chooser_row_set_unset_label (VpChooserRow   *self,
                                            const char     *label);
/* Offers a value that is not among the choices: a button with @label (with
 * a mnemonic; NULL for none, the default) under the list.  Pressing it, or
 * Enter in a search that matches nothing, closes the list and emits
 * ::new-requested with the text searched for (maybe ""). */
void        vp_chooser_row_set_new_label   (VpChooserRow   *self,
                                            const char     *label);

G_END_DECLS

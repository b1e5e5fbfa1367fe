/* vp-table-row.h: a place in a VpTablePage's table, and the item shown there. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_TABLE_ROW (vp_table_row_get_type ())

G_DECLARE_FINAL_TYPE (VpTableRow, vp_table_row, VP, TABLE_ROW, GObject)

VpTableRow *vp_table_row_new      (GObject    *item);
/* The item shown in this row: it changes as the search or the sort does,
 * while the row (and the widgets that show it) stays. */
GObject    *vp_table_row_get_item (VpTableRow *self);
void        vp_table_row_set_item (VpTableRow *self,
                                   GObject    *item);

/* Its item changed in place: the cells bound to it show it again. */
void        vp_table_row_changed     (VpTableRow *self);

G_END_DECLS

/* vp-import-item.h: one line of an import preview: a name, and what it holds or why it is out. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_IMPORT_ITEM (vp_import_item_get_type ())

G_DECLARE_FINAL_TYPE (VpImportItem, vp_import_item, VP, IMPORT_ITEM, GObject)

/* Both texts are shown as they are; @subtitle may be NULL. */
VpImportItem *vp_import_item_new          (const char   *title,
                                           const char   *subtitle);
const char   *vp_import_item_get_title    (VpImportItem *self);
const char   *vp_import_item_get_subtitle (VpImportItem *self);

G_END_DECLS

/* vp-import-item.c: one line of an import preview: a name, and what it holds or why it is out. */

#include "config.h"

#include "vp-import-item.h"

struct _VpImportItem
{
  GObject  parent_instance;

  char    *title;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (VpImportItem, vp_import_item, G_TYPE_OBJECT)

static void
vp_import_item_finalize (GObject *object)
{
  VpImportItem *self = VP_IMPORT_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (vp_import_item_parent_class)->finalize (object);
}

static void
vp_import_item_class_init (VpImportItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_import_item_finalize;
}

static void
vp_import_item_init (VpImportItem *self)
{
}

VpImportItem *
vp_import_item_new (const char *title,
                    const char *subtitle)
{
  VpImportItem *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (VP_TYPE_IMPORT_ITEM, NULL);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  return self;
}

const char *
vp_import_item_get_title (VpImportItem *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_ITEM (self), NULL);

  return self->title;
}

const char *
vp_import_item_get_subtitle (VpImportItem *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_ITEM (self), NULL);

  return self->subtitle;
}

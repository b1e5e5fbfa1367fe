/* vp-table-row.c: a place in a VpTablePage's table, and the item shown there. */

#include "config.h"

#include "vp-table-row.h"

struct _VpTableRow
{
  GObject  parent_instance;

  GObject *item;
};

G_DEFINE_FINAL_TYPE (VpTableRow, vp_table_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_table_row_dispose (GObject *object)
{
  VpTableRow *self = VP_TABLE_ROW (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (vp_table_row_parent_class)->dispose (object);
}

static void
vp_table_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VpTableRow *self = VP_TABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_table_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VpTableRow *self = VP_TABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      vp_table_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_table_row_class_init (VpTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_table_row_dispose;
  object_class->get_property = vp_table_row_get_property;
  object_class->set_property = vp_table_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_table_row_init (VpTableRow *self)
{
}

VpTableRow *
vp_table_row_new (GObject *item)
{
  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), NULL);

  return g_object_new (VP_TYPE_TABLE_ROW, "item", item, NULL);
}

GObject *
vp_table_row_get_item (VpTableRow *self)
{
  g_return_val_if_fail (VP_IS_TABLE_ROW (self), NULL);

  return self->item;
}

void
vp_table_row_set_item (VpTableRow *self,
                       GObject    *item)
{
  g_return_if_fail (VP_IS_TABLE_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
vp_table_row_changed (VpTableRow *self)
{
  g_return_if_fail (VP_IS_TABLE_ROW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* vp-time-row.c: a row that picks a time of day with an hour and a minute spin button. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-time-row.h"

struct _VpTimeRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
};

G_DEFINE_FINAL_TYPE (VpTimeRow, vp_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* “09”, not “9”: a clock's two digits. */
static gboolean
output_cb (GtkSpinButton *spin,
           gpointer       user_data)
{
  char text[8];

  g_snprintf (text, sizeof text, "%02d", gtk_spin_button_get_value_as_int (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
value_changed_cb (GtkSpinButton *spin,
                  VpTimeRow     *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

static GtkSpinButton *
new_spin (VpTimeRow  *self,
          int         upper,
          const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_spin_button_set_update_policy (spin, GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (output_cb), NULL);
  g_signal_connect (spin, "value-changed", G_CALLBACK (value_changed_cb), self);
  output_cb (spin, NULL);

  return spin;
}

static void
vp_time_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VpTimeRow *self = VP_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      g_value_set_int (value, vp_time_row_get_minutes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_time_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VpTimeRow *self = VP_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_MINUTES:
      vp_time_row_set_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_time_row_class_init (VpTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vp_time_row_get_property;
  object_class->set_property = vp_time_row_set_property;

  properties[PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL,
                      0, 24 * 60 - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_time_row_init (VpTimeRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *colon = gtk_label_new (":");

  self->hour_spin = new_spin (self, 23, _("Hour"));
  self->minute_spin = new_spin (self, 59, _("Minute"));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (colon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hour_spin));
  gtk_box_append (GTK_BOX (box), colon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->minute_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->hour_spin));
}

GtkWidget *
vp_time_row_new (void)
{
  return g_object_new (VP_TYPE_TIME_ROW, NULL);
}

int
vp_time_row_get_minutes (VpTimeRow *self)
{
  g_return_val_if_fail (VP_IS_TIME_ROW (self), 0);

  return gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
         gtk_spin_button_get_value_as_int (self->minute_spin);
}

void
vp_time_row_set_minutes (VpTimeRow *self,
                         int        minutes)
{
  g_return_if_fail (VP_IS_TIME_ROW (self));
  g_return_if_fail (minutes >= 0 && minutes < 24 * 60);

  vp_time_row_set_time (self, minutes / 60, minutes % 60);
}

void
vp_time_row_set_time (VpTimeRow *self,
                      int        hour,
                      int        minute)
{
  g_return_if_fail (VP_IS_TIME_ROW (self));
  g_return_if_fail (hour >= 0 && hour < 24 && minute >= 0 && minute < 60);

  if (hour * 60 + minute == vp_time_row_get_minutes (self))
    return;

  /* one change, not two */
  g_signal_handlers_block_by_func (self->hour_spin, value_changed_cb, self);
  g_signal_handlers_block_by_func (self->minute_spin, value_changed_cb, self);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  g_signal_handlers_unblock_by_func (self->hour_spin, value_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->minute_spin, value_changed_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

GtkSpinButton *
vp_time_row_get_hour_spin (VpTimeRow *self)
{
  g_return_val_if_fail (VP_IS_TIME_ROW (self), NULL);

  return self->hour_spin;
}

GtkSpinButton *
vp_time_row_get_minute_spin (VpTimeRow *self)
{
  g_return_val_if_fail (VP_IS_TIME_ROW (self), NULL);

  return self->minute_spin;
}

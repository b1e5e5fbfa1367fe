/* vp-date-row.c: a row that shows a day and picks it from a calendar popover. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-date-row.h"
#include "vp-format.h"

struct _VpDateRow
{
  AdwActionRow   parent_instance;

  char          *date;
  gboolean       long_format;
  gboolean       setting;     /* the calendar shows a day set, not chosen */

  GtkLabel      *value_label;
  GtkMenuButton *button;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (VpDateRow, vp_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (VpDateRow *self)
{
  g_autofree char *text = self->long_format ? vp_format_date_long (self->date)
                                            : vp_format_date (self->date);
  GDate parsed;

  if (text != NULL)
    {
      gtk_label_set_label (self->value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->value_label, C_("day", "Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
    }

  if (vp_format_parse_date (self->date, &parsed))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&parsed),
                                                        g_date_get_month (&parsed),
                                                        g_date_get_day (&parsed), 12, 0, 0);

      self->setting = TRUE;
      gtk_calendar_select_day (self->calendar, day);
      self->setting = FALSE;
    }
}

static void
set_date (VpDateRow  *self,
          const char *date)
{
  GDate parsed;

  if (date != NULL && !vp_format_parse_date (date, &parsed))
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 VpDateRow   *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (self->setting)
    return;

  day = gtk_calendar_get_date (calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  set_date (self, date);
  gtk_menu_button_popdown (self->button);
}

static void
vp_date_row_finalize (GObject *object)
{
  VpDateRow *self = VP_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (vp_date_row_parent_class)->finalize (object);
}

static void
vp_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VpDateRow *self = VP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VpDateRow *self = VP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      vp_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_date_row_class_init (VpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_date_row_finalize;
  object_class->get_property = vp_date_row_get_property;
  object_class->set_property = vp_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_date_row_init (VpDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->value_label), GTK_ALIGN_CENTER);
  gtk_label_set_xalign (self->value_label, 1);
  gtk_label_set_ellipsize (self->value_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->value_label));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Day"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  update (self);
}

GtkWidget *
vp_date_row_new (void)
{
  return g_object_new (VP_TYPE_DATE_ROW, NULL);
}

const char *
vp_date_row_get_date (VpDateRow *self)
{
  g_return_val_if_fail (VP_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
vp_date_row_set_date (VpDateRow  *self,
                      const char *date)
{
  g_return_if_fail (VP_IS_DATE_ROW (self));

  set_date (self, date);
}

GtkLabel *
vp_date_row_get_value_label (VpDateRow *self)
{
  g_return_val_if_fail (VP_IS_DATE_ROW (self), NULL);

  return self->value_label;
}

GtkCalendar *
vp_date_row_get_calendar (VpDateRow *self)
{
  g_return_val_if_fail (VP_IS_DATE_ROW (self), NULL);

  return self->calendar;
}

void
vp_date_row_set_long_format (VpDateRow *self,
                             gboolean   long_format)
{
  g_return_if_fail (VP_IS_DATE_ROW (self));

  self->long_format = long_format;
  update (self);
}

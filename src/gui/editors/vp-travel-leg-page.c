/* vp-travel-leg-page.c: one journey of a participant, a page of the participant dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-chooser-row.h"
#include "vp-combo-rows.h"
#include "vp-date-row.h"
#include "vp-people-fields.h"
#include "vp-time-row.h"
#include "vp-time.h"
#include "vp-travel-leg-page.h"
#include "vp-values.h"
#include "vp-zone-row.h"

struct _VpTravelLegPage
{
  AdwBin          parent_instance;

  gboolean        loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *done_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *reference_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  VpDateRow      *depart_date_row;
  VpTimeRow      *depart_time_row;
  VpChooserRow   *depart_zone_row;
  VpDateRow      *arrive_date_row;
  VpTimeRow      *arrive_time_row;
  VpChooserRow   *arrive_zone_row;
};

G_DEFINE_FINAL_TYPE (VpTravelLegPage, vp_travel_leg_page, ADW_TYPE_BIN)

enum {
  APPLIED,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds in the order of the combo row. */
static const VpTravelKind kinds[] = {
  VP_TRAVEL_KIND_UNSET,
  VP_TRAVEL_KIND_FLIGHT,
  VP_TRAVEL_KIND_TRAIN,
  VP_TRAVEL_KIND_BUS,
  VP_TRAVEL_KIND_CAR,
  VP_TRAVEL_KIND_OTHER,
};

/* One end of the journey: its local time and zone, and the instant they
 * name; errors go beside the rows that hold them (a day or zone not
 * chosen yet is unfinished, not wrong).  FALSE when incomplete or wrong. */
static gboolean
read_end (VpDateRow     *date_row,
          VpTimeRow     *time_row,
          VpChooserRow  *zone_row,
          char         **local_out,
          char         **zone_out,
          gint64        *instant_out)
{
  const char *date = vp_date_row_get_date (date_row);
  const char *zone = vp_chooser_row_get_value (zone_row);
  int minutes = vp_time_row_get_minutes (time_row);
  g_autofree char *local = NULL;
  g_autoptr(GError) zone_error = NULL;
  g_autoptr(GError) error = NULL;
  VpLocalTime local_time;
  gboolean zone_ok;

  zone_ok = zone != NULL && vp_value_check_zone (zone, &zone_error);
  vp_people_check (GTK_WIDGET (date_row), date != NULL, NULL);
  vp_people_check (GTK_WIDGET (zone_row), zone_ok, zone_error ? zone_error->message : NULL);
  vp_people_check (GTK_WIDGET (time_row), TRUE, NULL);

  if (date == NULL || !zone_ok)
    return FALSE;

  local = g_strdup_printf ("%sT%02d:%02d:00", date, minutes / 60, minutes % 60);
  if (!vp_value_check_wall_time (local, zone, &local_time, instant_out, &error))
    {
      /* a time the clocks skip that night */
      vp_people_set_error (GTK_WIDGET (time_row), error->message);
      return FALSE;
    }

  *local_out = vp_local_time_format (&local_time);
  *zone_out = g_strdup (zone);
  return TRUE;
}

/* The leg the fields describe, or NULL (and errors shown) when they do
 * not describe one. */
static VpTravelLeg *
read_leg (VpTravelLegPage *self)
{
  g_autoptr(VpTravelLeg) leg = vp_travel_leg_new ();
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gboolean depart_ok, arrive_ok;

  leg->kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : VP_TRAVEL_KIND_UNSET;
  leg->reference = vp_people_editable_dup_text (GTK_EDITABLE (self->reference_row));
  leg->from = vp_people_editable_dup_text (GTK_EDITABLE (self->from_row));
  leg->to = vp_people_editable_dup_text (GTK_EDITABLE (self->to_row));

  depart_ok = read_end (self->depart_date_row, self->depart_time_row, self->depart_zone_row,
                        &leg->depart, &leg->depart_timezone, &leg->depart_utc);
  arrive_ok = read_end (self->arrive_date_row, self->arrive_time_row, self->arrive_zone_row,
                        &leg->arrive, &leg->arrive_timezone, &leg->arrive_utc);

  if (!depart_ok || !arrive_ok)
    return NULL;

  /* an arrival before the departure, in their own zones */
  if (!vp_value_check_order (VP_SPAN_JOURNEY, leg->depart_utc, leg->arrive_utc, leg->depart,
                             leg->arrive, &error))
    {
      vp_people_set_error (GTK_WIDGET (self->arrive_time_row), error->message);
      return NULL;
    }

  return g_steal_pointer (&leg);
}

static void
changed_cb (VpTravelLegPage *self)
{
  g_autoptr(VpTravelLeg) leg = NULL;

  if (self->loading)
    return;

  leg = read_leg (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), leg != NULL);
}

static void
done_clicked_cb (VpTravelLegPage *self,
                 GtkButton       *button)
{
  g_autoptr(VpTravelLeg) leg = read_leg (self);

  if (leg == NULL)
    return;

  g_signal_emit (self, signals[APPLIED], 0, leg);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
set_end (VpDateRow    *date_row,
         VpTimeRow    *time_row,
         VpChooserRow *zone_row,
         const char   *local,
         const char   *zone,
         const char   *default_date,
         int           default_minutes)
{
  VpLocalTime time;

  if (local != NULL && vp_local_time_parse (local, &time, NULL))
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", time.year, time.month, time.day);

      vp_date_row_set_date (date_row, date);
      vp_time_row_set_time (time_row, time.hour, time.minute);
    }
  else
    {
      vp_date_row_set_date (date_row, default_date);
      vp_time_row_set_minutes (time_row, default_minutes);
    }

  vp_chooser_row_set_value (zone_row, zone);
}

static void
vp_travel_leg_page_class_init (VpTravelLegPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, VP_TYPE_TRAVEL_LEG);
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-travel-leg-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, depart_date_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, depart_time_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, depart_zone_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, arrive_date_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, arrive_time_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegPage, arrive_zone_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  /* Back to the participant: the back button, Escape, Alt+Left. */
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

static void
vp_travel_leg_page_init (VpTravelLegPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  g_type_ensure (VP_TYPE_DATE_ROW);
  g_type_ensure (VP_TYPE_TIME_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, kinds[i] == VP_TRAVEL_KIND_UNSET ?
                            C_("travel kind", "Not set") : vp_people_travel_kind_name (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
  vp_zone_row_setup (self->depart_zone_row);
  vp_zone_row_setup (self->arrive_zone_row);
}

GtkWidget *
vp_travel_leg_page_new (void)
{
  return g_object_new (VP_TYPE_TRAVEL_LEG_PAGE, NULL);
}

void
vp_travel_leg_page_edit (VpTravelLegPage   *self,
                         const VpTravelLeg *leg,
                         const char        *default_timezone,
                         const char        *default_date)
{
  g_return_if_fail (VP_IS_TRAVEL_LEG_PAGE (self));

  self->loading = TRUE;
  if (leg != NULL)
    {
      adw_combo_row_set_selected (self->kind_row, 0);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (kinds[i] == leg->kind)
          adw_combo_row_set_selected (self->kind_row, i);
      vp_people_editable_set_text (GTK_EDITABLE (self->reference_row), leg->reference);
      vp_people_editable_set_text (GTK_EDITABLE (self->from_row), leg->from);
      vp_people_editable_set_text (GTK_EDITABLE (self->to_row), leg->to);
      set_end (self->depart_date_row, self->depart_time_row, self->depart_zone_row,
               leg->depart, leg->depart_timezone ? leg->depart_timezone : default_timezone,
               default_date, 9 * 60);
      set_end (self->arrive_date_row, self->arrive_time_row, self->arrive_zone_row,
               leg->arrive, leg->arrive_timezone ? leg->arrive_timezone : default_timezone,
               default_date, 11 * 60);
      adw_window_title_set_title (self->window_title, _("Travel Leg"));
      gtk_button_set_label (self->done_button, _("_Done"));
    }
  else
    {
      /* a morning's journey on the day given, in the programme's zone */
      adw_combo_row_set_selected (self->kind_row, 0);
      vp_people_editable_set_text (GTK_EDITABLE (self->reference_row), NULL);
      vp_people_editable_set_text (GTK_EDITABLE (self->from_row), NULL);
      vp_people_editable_set_text (GTK_EDITABLE (self->to_row), NULL);
      set_end (self->depart_date_row, self->depart_time_row, self->depart_zone_row,
               NULL, default_timezone, default_date, 9 * 60);
      set_end (self->arrive_date_row, self->arrive_time_row, self->arrive_zone_row,
               NULL, default_timezone, default_date, 11 * 60);
      adw_window_title_set_title (self->window_title, _("New Travel Leg"));
      gtk_button_set_label (self->done_button, _("_Add"));
    }
  self->loading = FALSE;

  changed_cb (self);
}

GtkWidget *
vp_travel_leg_page_get_done_button (VpTravelLegPage *self)
{
  g_return_val_if_fail (VP_IS_TRAVEL_LEG_PAGE (self), NULL);

  return GTK_WIDGET (self->done_button);
}

/* vp-travel-leg-dialog.c: one journey of a participant: how, from where to where, and when. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-people-fields.h"
#include "vp-time.h"
#include "vp-travel-leg-dialog.h"
#include "vp-values.h"

struct _VpTravelLegDialog
{
  AdwWindow       parent_instance;

  char           *default_timezone;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *done_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *reference_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  AdwEntryRow    *depart_date_row;
  AdwEntryRow    *depart_time_row;
  AdwEntryRow    *depart_zone_row;
  AdwEntryRow    *arrive_date_row;
  AdwEntryRow    *arrive_time_row;
  AdwEntryRow    *arrive_zone_row;
};

G_DEFINE_FINAL_TYPE (VpTravelLegDialog, vp_travel_leg_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
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
 * name; errors go on the rows that hold them.  FALSE when incomplete or
 * wrong. */
static gboolean
read_end (AdwEntryRow  *date_row,
          AdwEntryRow  *time_row,
          AdwEntryRow  *zone_row,
          char        **local_out,
          char        **zone_out,
          gint64       *instant_out)
{
  g_autofree char *date_text = vp_people_editable_dup_text (GTK_EDITABLE (date_row));
  g_autofree char *time_text = vp_people_editable_dup_text (GTK_EDITABLE (time_row));
  g_autofree char *zone_text = vp_people_editable_dup_text (GTK_EDITABLE (zone_row));
  g_autofree char *local = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) time_error = NULL;
  g_autoptr(GError) zone_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean date_ok = FALSE;
  gboolean time_ok = FALSE;
  gboolean zone_ok = FALSE;
  int hour, minute, second;
  VpLocalTime local_time;

  /* the rules of values (vp-values.h), each on its row */
  if (date_text != NULL)
    date_ok = vp_value_check_date (date_text, NULL, &date_error);
  if (time_text != NULL)
    time_ok = vp_value_parse_clock (time_text, &hour, &minute, &second, &time_error);
  if (zone_text != NULL)
    zone_ok = vp_value_check_zone (zone_text, &zone_error);

  vp_people_set_error (GTK_WIDGET (date_row), date_error ? date_error->message : NULL);
  vp_people_set_error (GTK_WIDGET (time_row), time_error ? time_error->message : NULL);
  vp_people_set_error (GTK_WIDGET (zone_row),
                       zone_error ? zone_error->message
                       : zone_text == NULL ? _("A time zone is needed, such as Europe/Vilnius")
                                           : NULL);

  if (!date_ok || !time_ok || !zone_ok)
    return FALSE;

  local = g_strdup_printf ("%sT%02d:%02d:%02d", date_text, hour, minute, second);
  if (!vp_value_check_wall_time (local, zone_text, &local_time, instant_out, &error))
    {
      /* a time the clocks skip that night */
      vp_people_set_error (GTK_WIDGET (time_row), error->message);
      return FALSE;
    }

  *local_out = vp_local_time_format (&local_time);
  *zone_out = g_steal_pointer (&zone_text);
  return TRUE;
}

/* The leg the fields describe, or NULL (and errors shown) when they do
 * not describe one. */
static VpTravelLeg *
read_leg (VpTravelLegDialog *self)
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

  if (!vp_value_check_order (VP_SPAN_JOURNEY, leg->depart_utc, leg->arrive_utc, leg->depart,
                             leg->arrive, &error))
    {
      vp_people_set_error (GTK_WIDGET (self->arrive_time_row), error->message);
      return NULL;
    }

  return g_steal_pointer (&leg);
}

static void
changed_cb (VpTravelLegDialog *self)
{
  g_autoptr(VpTravelLeg) leg = read_leg (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), leg != NULL);
}

static void
done_clicked_cb (VpTravelLegDialog *self,
                 GtkButton         *button)
{
  g_autoptr(VpTravelLeg) leg = read_leg (self);

  if (leg == NULL)
    return;

  g_signal_emit (self, signals[APPLIED], 0, leg);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (VpTravelLegDialog *self,
                   GtkButton         *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_end (AdwEntryRow *date_row,
         AdwEntryRow *time_row,
         AdwEntryRow *zone_row,
         const char  *local,
         const char  *zone,
         const char  *default_date)
{
  VpLocalTime time;

  if (local != NULL && vp_local_time_parse (local, &time, NULL))
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", time.year, time.month, time.day);
      g_autofree char *clock = vp_value_format_clock (time.hour, time.minute, time.second);

      gtk_editable_set_text (GTK_EDITABLE (date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (time_row), clock);
    }
  else
    vp_people_editable_set_text (GTK_EDITABLE (date_row), default_date);

  vp_people_editable_set_text (GTK_EDITABLE (zone_row), zone);
}

static void
vp_travel_leg_dialog_finalize (GObject *object)
{
  VpTravelLegDialog *self = VP_TRAVEL_LEG_DIALOG (object);

  g_clear_pointer (&self->default_timezone, g_free);

  G_OBJECT_CLASS (vp_travel_leg_dialog_parent_class)->finalize (object);
}

static void
vp_travel_leg_dialog_class_init (VpTravelLegDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vp_travel_leg_dialog_finalize;

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, VP_TYPE_TRAVEL_LEG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-travel-leg-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, depart_date_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, depart_time_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, depart_zone_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, arrive_date_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, arrive_time_row);
  gtk_widget_class_bind_template_child (widget_class, VpTravelLegDialog, arrive_zone_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_travel_leg_dialog_init (VpTravelLegDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, kinds[i] == VP_TRAVEL_KIND_UNSET ?
                            C_("travel kind", "Not set") : vp_people_travel_kind_name (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
}

VpTravelLegDialog *
vp_travel_leg_dialog_new (const VpTravelLeg *leg,
                          const char        *default_timezone,
                          const char        *default_date)
{
  VpTravelLegDialog *self = g_object_new (VP_TYPE_TRAVEL_LEG_DIALOG, NULL);

  self->default_timezone = g_strdup (default_timezone);

  if (leg != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (kinds[i] == leg->kind)
          adw_combo_row_set_selected (self->kind_row, i);
      vp_people_editable_set_text (GTK_EDITABLE (self->reference_row), leg->reference);
      vp_people_editable_set_text (GTK_EDITABLE (self->from_row), leg->from);
      vp_people_editable_set_text (GTK_EDITABLE (self->to_row), leg->to);
      set_end (self->depart_date_row, self->depart_time_row, self->depart_zone_row,
               leg->depart, leg->depart_timezone ? leg->depart_timezone : default_timezone, NULL);
      set_end (self->arrive_date_row, self->arrive_time_row, self->arrive_zone_row,
               leg->arrive, leg->arrive_timezone ? leg->arrive_timezone : default_timezone, NULL);
      adw_window_title_set_title (self->window_title, _("Travel Leg"));
      gtk_button_set_label (self->done_button, _("_Done"));
    }
  else
    {
      set_end (self->depart_date_row, self->depart_time_row, self->depart_zone_row,
               NULL, default_timezone, default_date);
      set_end (self->arrive_date_row, self->arrive_time_row, self->arrive_zone_row,
               NULL, default_timezone, default_date);
      adw_window_title_set_title (self->window_title, _("New Travel Leg"));
      gtk_button_set_label (self->done_button, _("_Add"));
    }

  changed_cb (self);

  /* Nothing typed yet is not wrong yet: only Done says it is incomplete. */
  if (leg == NULL)
    {
      vp_people_set_error (GTK_WIDGET (self->depart_time_row), NULL);
      vp_people_set_error (GTK_WIDGET (self->arrive_time_row), NULL);
    }

  return self;
}

/* vp-stay-dialog.c: one hotel stay of a participant. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-people-fields.h"
#include "vp-stay-dialog.h"
#include "vp-values.h"

struct _VpStayDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *done_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *check_in_row;
  AdwEntryRow    *check_out_row;
};

G_DEFINE_FINAL_TYPE (VpStayDialog, vp_stay_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
read_date (AdwEntryRow  *row,
           char        **text_out,
           GDate        *date)
{
  g_autofree char *text = vp_people_editable_dup_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  vp_people_set_error (GTK_WIDGET (row), NULL);
  if (text == NULL)
    return FALSE;

  /* the rules of values (vp-values.h) */
  if (!vp_value_check_date (text, date, &error))
    {
      vp_people_set_error (GTK_WIDGET (row), error->message);
      return FALSE;
    }

  *text_out = g_steal_pointer (&text);
  return TRUE;
}

static VpStay *
read_stay (VpStayDialog *self)
{
  g_autoptr(VpStay) stay = vp_stay_new ();
  g_autoptr(GError) error = NULL;
  GDate check_in, check_out;
  gboolean ok;

  stay->name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  stay->address = vp_people_editable_dup_text (GTK_EDITABLE (self->address_row));

  ok = read_date (self->check_in_row, &stay->check_in, &check_in);
  ok = read_date (self->check_out_row, &stay->check_out, &check_out) && ok;
  if (!ok)
    return NULL;

  if (!vp_value_check_days (VP_SPAN_STAY, &check_in, &check_out, &error))
    {
      vp_people_set_error (GTK_WIDGET (self->check_out_row), error->message);
      return NULL;
    }

  return g_steal_pointer (&stay);
}

static void
changed_cb (VpStayDialog *self)
{
  g_autoptr(VpStay) stay = read_stay (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), stay != NULL);
}

static void
done_clicked_cb (VpStayDialog *self,
                 GtkButton    *button)
{
  g_autoptr(VpStay) stay = read_stay (self);

  if (stay == NULL)
    return;

  g_signal_emit (self, signals[APPLIED], 0, stay);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (VpStayDialog *self,
                   GtkButton    *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vp_stay_dialog_class_init (VpStayDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, VP_TYPE_STAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-stay-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, check_in_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayDialog, check_out_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_stay_dialog_init (VpStayDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VpStayDialog *
vp_stay_dialog_new (const VpStay *stay,
                    const char   *default_check_in,
                    const char   *default_check_out)
{
  VpStayDialog *self = g_object_new (VP_TYPE_STAY_DIALOG, NULL);

  if (stay != NULL)
    {
      vp_people_editable_set_text (GTK_EDITABLE (self->name_row), stay->name);
      vp_people_editable_set_text (GTK_EDITABLE (self->address_row), stay->address);
      vp_people_editable_set_text (GTK_EDITABLE (self->check_in_row), stay->check_in);
      vp_people_editable_set_text (GTK_EDITABLE (self->check_out_row), stay->check_out);
      adw_window_title_set_title (self->window_title, _("Hotel Stay"));
      gtk_button_set_label (self->done_button, _("_Done"));
    }
  else
    {
      vp_people_editable_set_text (GTK_EDITABLE (self->check_in_row), default_check_in);
      vp_people_editable_set_text (GTK_EDITABLE (self->check_out_row), default_check_out);
      adw_window_title_set_title (self->window_title, _("New Hotel Stay"));
      gtk_button_set_label (self->done_button, _("_Add"));
    }

  changed_cb (self);

  return self;
}

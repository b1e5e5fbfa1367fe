/* vp-stay-page.c: one hotel stay of a participant, a page of the participant dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-date-row.h"
#include "vp-people-fields.h"
#include "vp-stay-page.h"
#include "vp-values.h"

struct _VpStayPage
{
  AdwBin          parent_instance;

  gboolean        loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *done_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *address_row;
  VpDateRow      *check_in_row;
  VpDateRow      *check_out_row;
};

G_DEFINE_FINAL_TYPE (VpStayPage, vp_stay_page, ADW_TYPE_BIN)

enum {
  APPLIED,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A day chosen, or unfinished (not wrong) while none is. */
static gboolean
read_date (VpDateRow  *row,
           char      **text_out,
           GDate      *date)
{
  const char *text = vp_date_row_get_date (row);
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

  *text_out = g_strdup (text);
  return TRUE;
}

static VpStay *
read_stay (VpStayPage *self)
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

  /* a check-out not after the check-in, beside the check-out */
  if (!vp_value_check_days (VP_SPAN_STAY, &check_in, &check_out, &error))
    {
      vp_people_set_error (GTK_WIDGET (self->check_out_row), error->message);
      return NULL;
    }

  return g_steal_pointer (&stay);
}

static void
changed_cb (VpStayPage *self)
{
  g_autoptr(VpStay) stay = NULL;

  if (self->loading)
    return;

  stay = read_stay (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), stay != NULL);
}

static void
done_clicked_cb (VpStayPage *self,
                 GtkButton  *button)
{
  g_autoptr(VpStay) stay = read_stay (self);

  if (stay == NULL)
    return;

  g_signal_emit (self, signals[APPLIED], 0, stay);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
vp_stay_page_class_init (VpStayPageClass *klass)
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
                                               "vp-stay-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, check_in_row);
  gtk_widget_class_bind_template_child (widget_class, VpStayPage, check_out_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  /* Back to the participant: the back button, Escape, Alt+Left. */
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

static void
vp_stay_page_init (VpStayPage *self)
{
  g_type_ensure (VP_TYPE_DATE_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vp_stay_page_new (void)
{
  return g_object_new (VP_TYPE_STAY_PAGE, NULL);
}

void
vp_stay_page_edit (VpStayPage   *self,
                   const VpStay *stay,
                   const char   *default_check_in,
                   const char   *default_check_out)
{
  g_return_if_fail (VP_IS_STAY_PAGE (self));

  self->loading = TRUE;
  vp_people_editable_set_text (GTK_EDITABLE (self->name_row), stay ? stay->name : NULL);
  vp_people_editable_set_text (GTK_EDITABLE (self->address_row), stay ? stay->address : NULL);
  vp_date_row_set_date (self->check_in_row, stay ? stay->check_in : default_check_in);
  vp_date_row_set_date (self->check_out_row, stay ? stay->check_out : default_check_out);
  adw_window_title_set_title (self->window_title, stay ? _("Hotel Stay") : _("New Hotel Stay"));
  gtk_button_set_label (self->done_button, stay ? _("_Done") : _("_Add"));
  self->loading = FALSE;

  changed_cb (self);
}

GtkWidget *
vp_stay_page_get_done_button (VpStayPage *self)
{
  g_return_val_if_fail (VP_IS_STAY_PAGE (self), NULL);

  return GTK_WIDGET (self->done_button);
}

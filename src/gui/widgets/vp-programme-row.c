/* vp-programme-row.c: one programme in the sidebar list: title, dates, status. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-programme-row.h"

struct _VpProgrammeRow
{
  GtkWidget    parent_instance;

  VpProgramme *programme;
  char        *status_class;

  GtkLabel    *title_label;
  GtkLabel    *dates_label;
  GtkLabel    *status_label;
};

G_DEFINE_FINAL_TYPE (VpProgrammeRow, vp_programme_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_row (VpProgrammeRow *self)
{
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  const char *title = "";
  const char *status = "";

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_clear_pointer (&self->status_class, g_free);

  if (self->programme != NULL)
    {
      VpProgrammeStatus programme_status = vp_programme_get_status (self->programme);

      title = vp_programme_get_title (self->programme);
      dates = vp_format_date_range (vp_programme_get_start_date (self->programme),
                                    vp_programme_get_end_date (self->programme));
      status = vp_format_status (programme_status);
      self->status_class = g_strdup (vp_format_status_css_class (programme_status));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
    }

  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_label_set_label (self->dates_label, dates ? dates : "");
  gtk_label_set_label (self->status_label, status);

  /* Translators: how a screen reader reads a programme in the list:
   * its title, its dates and its status. */
  accessible = g_strdup_printf (_("%s, %s, %s"), title ? title : "", dates ? dates : "", status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* The full title only when the label had to cut it short. */
static gboolean
title_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  PangoLayout *layout = gtk_label_get_layout (label);

  if (!pango_layout_is_ellipsized (layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
vp_programme_row_dispose (GObject *object)
{
  VpProgrammeRow *self = VP_PROGRAMME_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PROGRAMME_ROW);
  /* A plain GtkWidget does not drop its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (vp_programme_row_parent_class)->dispose (object);
}

static void
vp_programme_row_finalize (GObject *object)
{
  VpProgrammeRow *self = VP_PROGRAMME_ROW (object);

  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (vp_programme_row_parent_class)->finalize (object);
}

static void
vp_programme_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VpProgrammeRow *self = VP_PROGRAMME_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_programme_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VpProgrammeRow *self = VP_PROGRAMME_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      vp_programme_row_set_programme (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_programme_row_class_init (VpProgrammeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_programme_row_dispose;
  object_class->finalize = vp_programme_row_finalize;
  object_class->get_property = vp_programme_row_get_property;
  object_class->set_property = vp_programme_row_set_property;

  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL,
                         VP_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-programme-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VpProgrammeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VpProgrammeRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, VpProgrammeRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, title_query_tooltip_cb);

  gtk_widget_class_set_css_name (widget_class, "programmerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vp_programme_row_init (VpProgrammeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vp_programme_row_new (void)
{
  return g_object_new (VP_TYPE_PROGRAMME_ROW, NULL);
}

VpProgramme *
vp_programme_row_get_programme (VpProgrammeRow *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_ROW (self), NULL);

  return self->programme;
}

void
vp_programme_row_set_programme (VpProgrammeRow *self,
                                VpProgramme    *programme)
{
  g_return_if_fail (VP_IS_PROGRAMME_ROW (self));
  g_return_if_fail (programme == NULL || VP_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

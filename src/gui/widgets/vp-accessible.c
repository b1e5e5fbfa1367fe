/* vp-accessible.c: what screen readers are told about buttons, put right where GTK 4.8 gets it
 * wrong. */
#include "config.h"

#include "vp-accessible.h"

/* A button with a mnemonic is labelled by its label widget, and GTK 4.8
 * also gives it its raw text as its label: dropping the latter leaves the
 * name a screen reader says once, without the underscore.  GTK sets it
 * again on every new label, before it notifies. */
static void
forget_raw_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_changed_cb (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  forget_raw_label (button);
}

static void
fix_widget (GtkWidget *widget)
{
  static GQuark watched;

  if (watched == 0)
    watched = g_quark_from_static_string ("vp-accessible-watched");

  if (GTK_IS_BUTTON (widget))
    {
      forget_raw_label (GTK_BUTTON (widget));
      if (g_object_get_qdata (G_OBJECT (widget), watched) == NULL)
        {
          g_object_set_qdata (G_OBJECT (widget), watched, GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
        }
    }
}

static void
fix_tree (GtkWidget *widget)
{
  fix_widget (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

/* A window, as it is shown, with all it holds, the pages of its stacks that
 * are not shown included (the tree that screen readers see holds them);
 * then each widget shown later. */
static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_WINDOW (widget))
    fix_tree (widget);
  else
    fix_widget (widget);

  return TRUE;  /* stay for the next widget */
}

void
vp_accessible_init (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      guint map_signal;

      /* the signal exists once the class does; the reference is for life */
      g_type_class_ref (GTK_TYPE_WIDGET);
      map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (map_signal, 0, widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&initialised, TRUE);
    }
}

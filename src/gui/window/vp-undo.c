/* vp-undo.c: the window's undo history (vp-history.h) as widgets meet it: the history a widget's
 * window keeps, Undo and Redo with their refusals shown, toasts with an Undo button. */
#include "config.h"

#include <glib/gi18n.h>

#include "vp-undo.h"
#include "vp-window.h"

VpHistory *
vp_undo_find_history (GtkWidget *widget)
{
  GtkWindow *window;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  window = GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget)
                                  : GTK_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
  for (guint depth = 0; window != NULL && depth < 8; depth++)
    {
      if (VP_IS_WINDOW (window))
        return vp_programme_context_get_history (vp_window_get_context (VP_WINDOW (window)));
      window = gtk_window_get_transient_for (window);
    }

  return NULL;
}

static void
show_refusal (GtkWidget    *widget,
              const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;

  if (g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
    message = g_strdup (error->message);
  else
    /* Translators: in a toast, when an undo fails: the reason follows. */
    message = g_strdup_printf (_("Cannot undo: %s"), error->message);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    g_message ("%s", message);
  gtk_widget_error_bell (widget);
}

gboolean
vp_undo_step (GtkWidget *widget,
              VpHistory *history,
              gboolean   redo)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (VP_IS_HISTORY (history), FALSE);

  if (redo ? !vp_history_can_redo (history) : !vp_history_can_undo (history))
    {
      gtk_widget_error_bell (widget);
      return FALSE;
    }

  done = redo ? vp_history_redo (history, &error) : vp_history_undo (history, &error);
  if (!done)
    show_refusal (widget, error);
  return done;
}

typedef struct
{
  VpHistory *history;
  guint      entry;
  GtkWidget *widget;
} Offer;

static void
offer_free (gpointer  data,
            GClosure *closure)
{
  Offer *offer = data;

  g_clear_object (&offer->history);
  g_clear_weak_pointer (&offer->widget);
  g_free (offer);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Offer    *offer)
{
  g_autoptr(GError) error = NULL;

  if (vp_history_undo_entry (offer->history, offer->entry, &error))
    return;
  if (offer->widget != NULL)
    show_refusal (offer->widget, error);
}

#define SHOWN_KEY "vp-undo-toast"

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), SHOWN_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), SHOWN_KEY, NULL);
}

void
vp_undo_offer (GtkWidget  *widget,
               VpHistory  *history,
               guint       entry,
               const char *title)
{
  GtkWidget *overlay;
  AdwToast *previous;
  AdwToast *toast;
  Offer *offer;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (history == NULL || VP_IS_HISTORY (history));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  if (history != NULL && entry != 0)
    {
      offer = g_new0 (Offer, 1);
      offer->history = g_object_ref (history);
      offer->entry = entry;
      g_set_weak_pointer (&offer->widget, overlay);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                             offer, offer_free, 0);
    }
  /* The last change's toast takes the place of the one before (a session
   * moved step by step), rather than waiting behind it. */
  previous = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);
  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_object_set_data_full (G_OBJECT (overlay), SHOWN_KEY, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

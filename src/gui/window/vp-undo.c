/* vp-undo.c: "Undo" for deletions, offered in a toast. */
#include "config.h"

#include <glib/gi18n.h>

#include "vp-undo.h"

typedef struct
{
  VpStore    *store;
  VpSnapshot *before;
  gint64      change_count;
  GtkWidget  *widget;
} Restore;

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_clear_object (&restore->store);
  g_clear_object (&restore->before);
  g_clear_weak_pointer (&restore->widget);
  g_free (restore);
}

static void
restore_notify (gpointer  data,
                GClosure *closure)
{
  restore_free (data);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Restore  *restore)
{
  g_autoptr(GError) error = NULL;
  AdwToastOverlay *overlay;

  /* Something else changed the database since: putting the old programme
   * back would throw that change away (the store checks in the transaction
   * that would write). */
  if (vp_store_restore_snapshot (restore->store, restore->before, restore->change_count, &error))
    return;

  if (!g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
    g_warning ("Cannot undo the deletion: %s", error->message);
  if (restore->widget == NULL)
    return;
  overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (restore->widget, ADW_TYPE_TOAST_OVERLAY));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay,
                                 adw_toast_new (_("Cannot undo: the programme has changed since")));
}

void
vp_undo_offer_restore (GtkWidget  *widget,
                       VpStore    *store,
                       VpSnapshot *before,
                       gint64      loaded_at,
                       const char *title)
{
  GtkWidget *overlay;
  AdwToast *toast;
  Restore *restore;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (VP_IS_STORE (store));
  g_return_if_fail (VP_IS_SNAPSHOT (before));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Another program wrote between the loading of @before and the deletion:
   * @before may lack what it wrote, and bringing it back would lose that. */
  if (vp_store_written_elsewhere_since (store, loaded_at))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
      return;
    }

  restore = g_new0 (Restore, 1);
  restore->store = g_object_ref (store);
  restore->before = g_object_ref (before);
  restore->change_count = vp_store_get_change_count (store);
  g_set_weak_pointer (&restore->widget, widget);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         restore, restore_notify, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

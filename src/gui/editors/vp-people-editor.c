/* vp-people-editor.c: an editor of one participant or host, saved as it is typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-people-editor.h"

/* Typing a name saves once, after a short pause, not once per key. */
#define SAVE_DELAY_MS 400

typedef struct
{
  VpStore             *store;
  gint64               programme_id;
  /* The item as last saved, or being added */
  GObject             *item;
  guint                save_source;
  gboolean             loading;

  /* Template widgets, from the subclass's template */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *add_button;
  AdwPreferencesGroup *delete_group;
} VpPeopleEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (VpPeopleEditor, vp_people_editor, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
validate (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);
  gboolean valid = VP_PEOPLE_EDITOR_GET_CLASS (self)->validate (self);

  gtk_widget_set_sensitive (GTK_WIDGET (priv->add_button), valid);

  return valid;
}

static gboolean
save (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_clear_handle_id (&priv->save_source, g_source_remove);

  if (!validate (self))
    return FALSE;

  item = VP_PEOPLE_EDITOR_GET_CLASS (self)->build_item (self);
  if (!VP_PEOPLE_EDITOR_GET_CLASS (self)->save_item (self, item, priv->item, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (priv->toast_overlay, toast);
      return FALSE;
    }

  g_set_object (&priv->item, item);
  g_object_get (item, "name", &name, NULL);
  adw_window_title_set_subtitle (priv->window_title, name);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  VpPeopleEditor *self = user_data;
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  priv->save_source = 0;
  save (self);

  return G_SOURCE_REMOVE;
}

static void
update_mode (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);
  VpPeopleEditorClass *klass = VP_PEOPLE_EDITOR_GET_CLASS (self);
  gboolean adding = vp_people_editor_is_new (self);
  g_autofree char *name = NULL;

  if (!adding)
    g_object_get (priv->item, "name", &name, NULL);

  adw_window_title_set_title (priv->window_title, adding ? klass->new_title : klass->title);
  adw_window_title_set_subtitle (priv->window_title, name ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->cancel_button), adding);
  gtk_widget_set_visible (GTK_WIDGET (priv->add_button), adding);
  adw_header_bar_set_show_start_title_buttons (priv->header_bar, !adding);
  adw_header_bar_set_show_end_title_buttons (priv->header_bar, !adding);
  gtk_widget_set_visible (GTK_WIDGET (priv->delete_group), !adding);
}

static void
changed_cb (VpPeopleEditor *self)
{
  vp_people_editor_changed (self);
}

static void
add_clicked_cb (VpPeopleEditor *self,
                GtkButton      *button)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  if (!save (self))
    return;

  /* Added: the dialog closes, as New Session's does, and the owner shows
   * the new item. */
  g_signal_emit (self, signals[ADDED], 0, priv->item);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (VpPeopleEditor *self,
                   GtkButton      *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_clicked_cb (VpPeopleEditor *self,
                   GtkButton      *button)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_clear_handle_id (&priv->save_source, g_source_remove);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

/* GObject {{{1 */

static gboolean
vp_people_editor_close_request (GtkWindow *window)
{
  /* Whatever was typed last is kept. */
  vp_people_editor_flush (VP_PEOPLE_EDITOR (window));

  return GTK_WINDOW_CLASS (vp_people_editor_parent_class)->close_request (window);
}

static void
vp_people_editor_constructed (GObject *object)
{
  VpPeopleEditor *self = VP_PEOPLE_EDITOR (object);
  GObject *notes_view;

  G_OBJECT_CLASS (vp_people_editor_parent_class)->constructed (object);

  /* A text view has no signal a template can give for its text (an
   * organisation has no notes). */
  notes_view = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self),
                                              "notes_view");
  if (notes_view != NULL)
    g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes_view)), "changed",
                             G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vp_people_editor_dispose (GObject *object)
{
  VpPeopleEditor *self = VP_PEOPLE_EDITOR (object);
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  /* Before the fields go. */
  vp_people_editor_flush (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  g_clear_object (&priv->store);
  g_clear_object (&priv->item);

  G_OBJECT_CLASS (vp_people_editor_parent_class)->dispose (object);
}

static void
vp_people_editor_class_init (VpPeopleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vp_people_editor_constructed;
  object_class->dispose = vp_people_editor_dispose;
  window_class->close_request = vp_people_editor_close_request;

  /* Asks the owner (the page, which offers Undo) to delete the item. */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /* The item was added with the Add button (the dialog then closes). */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
vp_people_editor_init (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  /* Until vp_people_editor_load(): setting up the fields is no change. */
  priv->loading = TRUE;
}

/* For subclasses {{{1 */

void
vp_people_editor_class_bind_template (GtkWidgetClass *widget_class,
                                      const char     *new_title,
                                      const char     *title)
{
  VpPeopleEditorClass *klass = VP_PEOPLE_EDITOR_CLASS (widget_class);

  g_return_if_fail (VP_IS_PEOPLE_EDITOR_CLASS (widget_class));

  klass->new_title = g_strdup (new_title);
  klass->title = g_strdup (title);

  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, header_bar);
  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, cancel_button);
  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, VpPeopleEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

void
vp_people_editor_load (VpPeopleEditor *self,
                       VpStore        *store,
                       gint64          programme_id,
                       GObject        *item)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_if_fail (VP_IS_PEOPLE_EDITOR (self));
  g_return_if_fail (VP_IS_STORE (store));
  g_return_if_fail (G_IS_OBJECT (item));

  g_set_object (&priv->store, store);
  priv->programme_id = programme_id;
  g_clear_object (&priv->item);
  priv->item = item;

  priv->loading = TRUE;
  VP_PEOPLE_EDITOR_GET_CLASS (self)->load_item (self, item);
  priv->loading = FALSE;

  update_mode (self);
  validate (self);
}

VpStore *
vp_people_editor_get_store (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), NULL);

  return priv->store;
}

gint64
vp_people_editor_get_programme_id (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), 0);

  return priv->programme_id;
}

gboolean
vp_people_editor_is_new (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), FALSE);

  if (priv->item != NULL)
    g_object_get (priv->item, "id", &id, NULL);

  return id == 0;
}

void
vp_people_editor_changed (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_if_fail (VP_IS_PEOPLE_EDITOR (self));

  if (priv->loading)
    return;

  /* A new item waits for Add; a stored one is saved once typing pauses. */
  if (validate (self) && !vp_people_editor_is_new (self))
    {
      g_clear_handle_id (&priv->save_source, g_source_remove);
      priv->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
    }
}

gboolean
vp_people_editor_save_now (VpPeopleEditor *self)
{
  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), FALSE);

  return !vp_people_editor_is_new (self) && validate (self) && save (self);
}

/* Public {{{1 */

GObject *
vp_people_editor_get_item (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), NULL);

  return priv->item;
}

gboolean
vp_people_editor_flush (VpPeopleEditor *self)
{
  VpPeopleEditorPrivate *priv = vp_people_editor_get_instance_private (self);

  g_return_val_if_fail (VP_IS_PEOPLE_EDITOR (self), FALSE);

  if (priv->save_source == 0)
    return TRUE;

  return save (self);
}

/* vp-host-editor.c: every field of one host, saved as it is typed. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "vp-host-editor.h"
#include "vp-people-fields.h"

#define SAVE_DELAY_MS 400

struct _VpHostEditor
{
  AdwWindow        parent_instance;

  VpStore         *store;
  gint64           programme_id;
  /* The host as last saved, or being added */
  VpHost          *host;
  guint            save_source;
  gboolean         loading;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  AdwWindowTitle  *window_title;
  GtkButton       *cancel_button;
  GtkButton       *add_button;
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *contact_name_row;
  AdwEntryRow     *contact_email_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *city_row;
  AdwComboRow     *country_row;
  AdwEntryRow     *latitude_row;
  AdwEntryRow     *longitude_row;
  GtkSpinButton   *max_group_spin;
  GtkTextView     *notes_view;
  AdwPreferencesGroup *delete_group;
};

G_DEFINE_FINAL_TYPE (VpHostEditor, vp_host_editor, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const VpHostKind kinds[] = {
  VP_HOST_KIND_UNSET,
  VP_HOST_KIND_COMPANY,
  VP_HOST_KIND_UNIVERSITY,
  VP_HOST_KIND_RESEARCH,
  VP_HOST_KIND_CLUSTER,
  VP_HOST_KIND_PUBLIC,
  VP_HOST_KIND_OTHER,
};

static gboolean
is_new (VpHostEditor *self)
{
  return vp_host_get_id (self->host) == 0;
}

/* A coordinate in degrees, with a point or (as typed in much of Europe) a
 * comma; NAN when empty, FALSE when it is no number in [-limit, limit]. */
static gboolean
read_degrees (AdwEntryRow *row,
              double       limit,
              double      *value)
{
  g_autofree char *text = vp_people_editable_dup_text (GTK_EDITABLE (row));
  char *end;

  *value = NAN;
  if (text == NULL)
    return TRUE;

  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);

  return *end == '\0' && end != text && isfinite (*value) && fabs (*value) <= limit;
}

static gboolean
validate (VpHostEditor *self)
{
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *email = vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  gboolean valid = TRUE;
  double latitude, longitude;
  gboolean latitude_ok, longitude_ok;

  if (name == NULL)
    {
      vp_people_set_error (GTK_WIDGET (self->name_row),
                           is_new (self) ? NULL : _("A host needs a name"));
      valid = FALSE;
    }
  else
    vp_people_set_error (GTK_WIDGET (self->name_row), NULL);

  if (email != NULL && !vp_people_email_is_valid (email))
    {
      vp_people_set_error (GTK_WIDGET (self->contact_email_row),
                           _("Not an email address: it needs a name, an “@” and a domain, "
                             "as in ruta@example.lt"));
      valid = FALSE;
    }
  else
    vp_people_set_error (GTK_WIDGET (self->contact_email_row), NULL);

  latitude_ok = read_degrees (self->latitude_row, 90, &latitude);
  longitude_ok = read_degrees (self->longitude_row, 180, &longitude);

  vp_people_set_error (GTK_WIDGET (self->latitude_row),
                       latitude_ok ? NULL : _("Latitude is a number of degrees from −90 to 90, "
                                              "such as 54.6872"));
  vp_people_set_error (GTK_WIDGET (self->longitude_row),
                       longitude_ok ? NULL : _("Longitude is a number of degrees from −180 to 180, "
                                               "such as 25.2797"));
  if (latitude_ok && longitude_ok && isnan (latitude) != isnan (longitude))
    {
      /* Both or neither: mark the one that is missing. */
      vp_people_set_error (GTK_WIDGET (isnan (latitude) ? self->latitude_row : self->longitude_row),
                           _("Give both latitude and longitude, or neither"));
      valid = FALSE;
    }
  valid = valid && latitude_ok && longitude_ok;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), valid);

  return valid;
}

static VpHost *
build_host (VpHostEditor *self)
{
  VpHost *host = vp_host_new ();
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *contact_name = vp_people_editable_dup_text (GTK_EDITABLE (self->contact_name_row));
  g_autofree char *contact_email = vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  g_autofree char *phone = vp_people_editable_dup_text (GTK_EDITABLE (self->phone_row));
  g_autofree char *address = vp_people_editable_dup_text (GTK_EDITABLE (self->address_row));
  g_autofree char *city = vp_people_editable_dup_text (GTK_EDITABLE (self->city_row));
  g_autofree char *notes = vp_people_text_view_dup_text (self->notes_view);
  double latitude, longitude;

  vp_host_set_id (host, vp_host_get_id (self->host));
  vp_host_set_ref (host, vp_host_get_ref (self->host));
  vp_host_set_name (host, name);
  vp_host_set_kind (host, kind < G_N_ELEMENTS (kinds) ? kinds[kind] : VP_HOST_KIND_UNSET);
  vp_host_set_contact_name (host, contact_name);
  vp_host_set_contact_email (host, contact_email);
  vp_host_set_phone (host, phone);
  vp_host_set_address (host, address);
  vp_host_set_city (host, city);
  vp_host_set_country (host, vp_people_country_row_get_code (self->country_row));
  read_degrees (self->latitude_row, 90, &latitude);
  read_degrees (self->longitude_row, 180, &longitude);
  vp_host_set_position (host, latitude, longitude);
  vp_host_set_max_group_size (host, gtk_spin_button_get_value_as_int (self->max_group_spin));
  vp_host_set_notes (host, notes);

  return host;
}

static gboolean
save (VpHostEditor *self)
{
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!validate (self))
    return FALSE;

  host = build_host (self);
  if (!vp_store_save_host (self->store, self->programme_id, host, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save the host: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return FALSE;
    }

  g_set_object (&self->host, host);
  adw_window_title_set_subtitle (self->window_title, vp_host_get_name (host));

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  VpHostEditor *self = user_data;

  self->save_source = 0;
  save (self);

  return G_SOURCE_REMOVE;
}

static void
changed_cb (VpHostEditor *self)
{
  if (self->loading)
    return;

  if (validate (self) && !is_new (self))
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
    }
}

static void
update_mode (VpHostEditor *self)
{
  gboolean adding = is_new (self);

  adw_window_title_set_title (self->window_title, adding ? _("New Host") : _("Host"));
  adw_window_title_set_subtitle (self->window_title, adding ? "" : vp_host_get_name (self->host));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), adding);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), adding);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !adding);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !adding);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), !adding);
}

static void
add_clicked_cb (VpHostEditor *self,
                GtkButton    *button)
{
  if (!save (self))
    return;

  update_mode (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cancel_clicked_cb (VpHostEditor *self,
                   GtkButton    *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_clicked_cb (VpHostEditor *self,
                   GtkButton    *button)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

/* GObject {{{1 */

static gboolean
vp_host_editor_close_request (GtkWindow *window)
{
  VpHostEditor *self = VP_HOST_EDITOR (window);

  if (self->save_source != 0)
    save (self);

  return GTK_WINDOW_CLASS (vp_host_editor_parent_class)->close_request (window);
}

static void
vp_host_editor_dispose (GObject *object)
{
  VpHostEditor *self = VP_HOST_EDITOR (object);

  if (self->save_source != 0)
    save (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_HOST_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->host);

  G_OBJECT_CLASS (vp_host_editor_parent_class)->dispose (object);
}

static void
vp_host_editor_class_init (VpHostEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vp_host_editor_dispose;
  window_class->close_request = vp_host_editor_close_request;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/vp-host-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, max_group_spin);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
vp_host_editor_init (VpHostEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, kinds[i] == VP_HOST_KIND_UNSET ?
                            C_("host kind", "Not set") : vp_people_host_kind_name (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
  vp_people_country_row_setup (self->country_row);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  self->loading = FALSE;
}

static void
set_degrees (AdwEntryRow *row,
             double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  else
    gtk_editable_set_text (GTK_EDITABLE (row), g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* Public {{{1 */

VpHostEditor *
vp_host_editor_new (VpStore *store,
                    gint64   programme_id,
                    VpHost  *host)
{
  VpHostEditor *self;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (programme_id > 0, NULL);
  g_return_val_if_fail (host == NULL || VP_IS_HOST (host), NULL);

  self = g_object_new (VP_TYPE_HOST_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->programme_id = programme_id;
  self->host = host ? vp_host_copy (host) : vp_host_new ();

  self->loading = TRUE;
  if (host != NULL)
    {
      VpHostKind kind = vp_host_get_kind (host);

      vp_people_editable_set_text (GTK_EDITABLE (self->name_row), vp_host_get_name (host));
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (kinds[i] == kind)
          adw_combo_row_set_selected (self->kind_row, i);
      vp_people_editable_set_text (GTK_EDITABLE (self->contact_name_row), vp_host_get_contact_name (host));
      vp_people_editable_set_text (GTK_EDITABLE (self->contact_email_row), vp_host_get_contact_email (host));
      vp_people_editable_set_text (GTK_EDITABLE (self->phone_row), vp_host_get_phone (host));
      vp_people_editable_set_text (GTK_EDITABLE (self->address_row), vp_host_get_address (host));
      vp_people_editable_set_text (GTK_EDITABLE (self->city_row), vp_host_get_city (host));
      vp_people_country_row_set_code (self->country_row, vp_host_get_country (host));
      set_degrees (self->latitude_row, vp_host_get_latitude (host));
      set_degrees (self->longitude_row, vp_host_get_longitude (host));
      gtk_spin_button_set_value (self->max_group_spin, vp_host_get_max_group_size (host));
      vp_people_text_view_set_text (self->notes_view, vp_host_get_notes (host));
    }
  self->loading = FALSE;

  update_mode (self);
  validate (self);

  return self;
}

VpHost *
vp_host_editor_get_host (VpHostEditor *self)
{
  g_return_val_if_fail (VP_IS_HOST_EDITOR (self), NULL);

  return self->host;
}

gboolean
vp_host_editor_flush (VpHostEditor *self)
{
  g_return_val_if_fail (VP_IS_HOST_EDITOR (self), FALSE);

  if (self->save_source == 0)
    return TRUE;

  return save (self);
}

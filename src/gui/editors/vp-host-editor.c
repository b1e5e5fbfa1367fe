/* vp-host-editor.c: every field of one host, saved as it is typed. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vp-combo-rows.h"
#include "vp-host-editor.h"
#include "vp-country-row.h"
#include "vp-people-fields.h"
#include "vp-text.h"
#include "vp-values.h"
#include "vp-undo.h"

struct _VpHostEditor
{
  VpPeopleEditor   parent_instance;

  /* Template widgets (the shared ones are VpPeopleEditor's) */
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *contact_name_row;
  AdwEntryRow     *contact_email_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *city_row;
  VpChooserRow    *country_row;
  AdwEntryRow     *latitude_row;
  AdwEntryRow     *longitude_row;
  GtkSpinButton   *max_group_spin;
  GtkTextView     *notes_view;
  AdwComboRow     *language_row;
};

G_DEFINE_FINAL_TYPE (VpHostEditor, vp_host_editor, VP_TYPE_PEOPLE_EDITOR)

/* The kinds in the order of the combo row. */
static const VpHostKind kinds[] = {
  VP_HOST_KIND_UNSET,
  VP_HOST_KIND_COMPANY,
  VP_HOST_KIND_UNIVERSITY,
  VP_HOST_KIND_RESEARCH,
  VP_HOST_KIND_CLUSTER,
  VP_HOST_KIND_PUBLIC,
  VP_HOST_KIND_OTHER,
};

/* A coordinate in degrees by the rules of values (vp-values.h): a point
 * or (as typed in much of Europe) a comma; NAN when empty, FALSE (and
 * @error set) when it is no number in its range. */
static gboolean
read_degrees (AdwEntryRow   *row,
              VpCoordinate   axis,
              double        *value,
              GError       **error)
{
  g_autofree char *text = vp_people_editable_dup_text (GTK_EDITABLE (row));

  *value = NAN;
  return text == NULL || vp_value_parse_coordinate (axis, text, value, error);
}

static void
set_degrees (AdwEntryRow *row,
             double       value)
{
  g_autofree char *text = vp_value_format_decimal (value);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* VpPeopleEditor {{{1 */

static void
vp_host_editor_load_item (VpPeopleEditor *editor,
                          GObject        *item)
{
  VpHostEditor *self = VP_HOST_EDITOR (editor);
  VpHost *host = VP_HOST (item);

  vp_people_editable_set_text (GTK_EDITABLE (self->name_row), vp_host_get_name (host));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == vp_host_get_kind (host))
      adw_combo_row_set_selected (self->kind_row, i);
  vp_people_editable_set_text (GTK_EDITABLE (self->contact_name_row),
                               vp_host_get_contact_name (host));
  vp_people_editable_set_text (GTK_EDITABLE (self->contact_email_row),
                               vp_host_get_contact_email (host));
  vp_people_editable_set_text (GTK_EDITABLE (self->phone_row), vp_host_get_phone (host));
  vp_people_editable_set_text (GTK_EDITABLE (self->address_row), vp_host_get_address (host));
  vp_people_editable_set_text (GTK_EDITABLE (self->city_row), vp_host_get_city (host));
  /* Someone new most likely comes from where the others do. */
  if (vp_host_get_country (host) == NULL && vp_people_editor_is_new (editor))
    {
      g_autofree char *likely =
        vp_country_row_guess_host (vp_people_editor_get_store (editor),
                                  vp_people_editor_get_programme_id (editor));

      vp_country_row_set_code (self->country_row, likely);
    }
  else
    vp_country_row_set_code (self->country_row, vp_host_get_country (host));
  set_degrees (self->latitude_row, vp_host_get_latitude (host));
  set_degrees (self->longitude_row, vp_host_get_longitude (host));
  gtk_spin_button_set_value (self->max_group_spin, vp_host_get_max_group_size (host));
  vp_people_text_view_set_text (self->notes_view, vp_host_get_notes (host));
  vp_people_language_row_set_code (self->language_row, vp_host_get_language (host));
}

static gboolean
vp_host_editor_validate (VpPeopleEditor *editor)
{
  VpHostEditor *self = VP_HOST_EDITOR (editor);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *email = vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  g_autoptr(GError) latitude_error = NULL;
  g_autoptr(GError) longitude_error = NULL;
  gboolean valid = TRUE;
  double latitude, longitude;
  gboolean latitude_ok, longitude_ok;

  /* A new host's empty name is not an error yet, only unfinished. */
  valid &= vp_people_check (GTK_WIDGET (self->name_row), !vp_text_is_blank (name),
                            vp_people_editor_is_new (editor) ? NULL : _("A host needs a name"));
  valid &= vp_people_check_email (GTK_WIDGET (self->contact_email_row), email);

  latitude_ok = read_degrees (self->latitude_row, VP_COORDINATE_LATITUDE, &latitude,
                              &latitude_error);
  vp_people_set_error (GTK_WIDGET (self->latitude_row),
                       latitude_ok ? NULL : latitude_error->message);
  longitude_ok = read_degrees (self->longitude_row, VP_COORDINATE_LONGITUDE, &longitude,
                               &longitude_error);
  vp_people_set_error (GTK_WIDGET (self->longitude_row),
                       longitude_ok ? NULL : longitude_error->message);
  if (latitude_ok && longitude_ok && isnan (latitude) != isnan (longitude))
    {
      /* Both or neither: mark the one that is missing. */
      vp_people_set_error (GTK_WIDGET (isnan (latitude) ? self->latitude_row : self->longitude_row),
                           _("Give both latitude and longitude, or neither"));
      valid = FALSE;
    }

  return valid && latitude_ok && longitude_ok;
}

static GObject *
vp_host_editor_build_item (VpPeopleEditor *editor)
{
  VpHostEditor *self = VP_HOST_EDITOR (editor);
  VpHost *edited = VP_HOST (vp_people_editor_get_item (editor));
  VpHost *host = vp_host_new ();
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *contact_name =
    vp_people_editable_dup_text (GTK_EDITABLE (self->contact_name_row));
  g_autofree char *contact_email =
    vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  g_autofree char *phone = vp_people_editable_dup_text (GTK_EDITABLE (self->phone_row));
  g_autofree char *address = vp_people_editable_dup_text (GTK_EDITABLE (self->address_row));
  g_autofree char *city = vp_people_editable_dup_text (GTK_EDITABLE (self->city_row));
  g_autofree char *notes = vp_people_text_view_dup_text (self->notes_view);
  double latitude, longitude;

  vp_host_set_id (host, vp_host_get_id (edited));
  vp_host_set_ref (host, vp_host_get_ref (edited));
  vp_host_set_name (host, name);
  vp_host_set_kind (host, kind < G_N_ELEMENTS (kinds) ? kinds[kind] : VP_HOST_KIND_UNSET);
  vp_host_set_contact_name (host, contact_name);
  vp_host_set_contact_email (host, contact_email);
  vp_host_set_phone (host, phone);
  vp_host_set_address (host, address);
  vp_host_set_city (host, city);
  vp_host_set_country (host, vp_country_row_get_code (self->country_row));
  read_degrees (self->latitude_row, VP_COORDINATE_LATITUDE, &latitude, NULL);
  read_degrees (self->longitude_row, VP_COORDINATE_LONGITUDE, &longitude, NULL);
  vp_host_set_position (host, latitude, longitude);
  vp_host_set_max_group_size (host, gtk_spin_button_get_value_as_int (self->max_group_spin));
  vp_host_set_notes (host, notes);
  vp_host_set_language (host, vp_people_language_row_get_code (self->language_row));

  return G_OBJECT (host);
}

static gboolean
vp_host_editor_save_item (VpPeopleEditor  *editor,
                          GObject         *item,
                          GObject         *read,
                          GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  /* through the window's undo history: one entry per dialog and row */
  if (vp_history_save (vp_undo_find_history (GTK_WIDGET (editor)),
                       vp_people_editor_get_store (editor),
                       vp_people_editor_get_programme_id (editor), item, read,
                       vp_people_editor_is_new (editor) ? _("Add Host") : _("Edit Host"), editor,
                       &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               _("Cannot save the host: %s"), local_error->message);
  return FALSE;
}

/* GObject {{{1 */

static void
vp_host_editor_class_init (VpHostEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpPeopleEditorClass *editor_class = VP_PEOPLE_EDITOR_CLASS (klass);

  editor_class->load_item = vp_host_editor_load_item;
  editor_class->validate = vp_host_editor_validate;
  editor_class->build_item = vp_host_editor_build_item;
  editor_class->save_item = vp_host_editor_save_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-host-editor.ui");
  vp_people_editor_class_bind_template (widget_class, _("New Host"), _("Host"));
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
  gtk_widget_class_bind_template_child (widget_class, VpHostEditor, language_row);
}

static void
vp_host_editor_init (VpHostEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));
  vp_people_language_row_setup (self->language_row);
  /* the largest group the rules of values (vp-values.h) allow */
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->max_group_spin),
                            VP_VALUE_COUNT_MAX);

  /* Typing starts with the name, not on the header's Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, kinds[i] == VP_HOST_KIND_UNSET ?
                            C_("host kind", "Not set") : vp_people_host_kind_name (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
  vp_country_row_setup (self->country_row, TRUE);
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
  vp_people_editor_load (VP_PEOPLE_EDITOR (self), store, programme_id,
                         G_OBJECT (host ? vp_host_copy (host) : vp_host_new ()));

  return self;
}

VpHost *
vp_host_editor_get_host (VpHostEditor *self)
{
  g_return_val_if_fail (VP_IS_HOST_EDITOR (self), NULL);

  return VP_HOST (vp_people_editor_get_item (VP_PEOPLE_EDITOR (self)));
}

gboolean
vp_host_editor_flush (VpHostEditor *self)
{
  g_return_val_if_fail (VP_IS_HOST_EDITOR (self), FALSE);

  return vp_people_editor_flush (VP_PEOPLE_EDITOR (self));
}

/* vp-organisation-editor.c: every field of one visiting organisation, saved as it is typed. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vp-combo-rows.h"
#include "vp-cxc-rules.h"
#include "vp-evidence.h"
#include "vp-labels.h"
#include "vp-organisation-editor.h"
#include "vp-country-row.h"
#include "vp-people-fields.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-values.h"
#include "vp-undo.h"

struct _VpOrganisationEditor
{
  VpPeopleEditor   parent_instance;

  /* Template widgets (the shared ones are VpPeopleEditor's) */
  AdwEntryRow     *name_row;
  AdwComboRow     *kind_row;
  VpChooserRow    *country_row;
  AdwEntryRow     *city_row;
  AdwEntryRow     *latitude_row;
  AdwEntryRow     *longitude_row;
  AdwEntryRow     *cluster_row;
  AdwEntryRow     *eccp_url_row;
  AdwEntryRow     *contact_name_row;
  AdwEntryRow     *contact_email_row;
  AdwEntryRow     *goals_row;
  AdwEntryRow     *objectives_row;
  AdwPreferencesGroup *closing_kit_group;

  /* One row per item of the closing kit, in the rules' order: the day it
   * was received (YYYY-MM-DD), empty while it is missing. */
  GPtrArray       *evidence_rows;
};

G_DEFINE_FINAL_TYPE (VpOrganisationEditor, vp_organisation_editor, VP_TYPE_PEOPLE_EDITOR)

/* The kinds in the order of the combo row: those the scheme funds first. */
static const VpOrganisationKind kinds[] = {
  VP_ORGANISATION_KIND_UNSET,
  VP_ORGANISATION_KIND_CLUSTER_ORGANISATION,
  VP_ORGANISATION_KIND_SME,
  VP_ORGANISATION_KIND_SUPPORT_ORGANISATION,
  VP_ORGANISATION_KIND_RESEARCH,
  VP_ORGANISATION_KIND_LARGE_COMPANY,
  VP_ORGANISATION_KIND_PUBLIC_AUTHORITY,
  VP_ORGANISATION_KIND_OTHER,
};

/* A coordinate in degrees by the rules of values (vp-values.h), as the
 * host editor reads it: NAN when empty, FALSE (and @error set) when it is
 * no number in its range. */
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

/* An ECCP profile is a web page: an http or https address with a host. */
static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

/* Whether another organisation of the programme has this name, however
 * spelt: the store would refuse it. */
static gboolean
name_taken (VpOrganisationEditor *self,
            const char           *name)
{
  VpPeopleEditor *editor = VP_PEOPLE_EDITOR (self);
  VpOrganisation *edited = VP_ORGANISATION (vp_people_editor_get_item (editor));
  GListModel *organisations =
    vp_store_get_organisations (vp_people_editor_get_store (editor),
                                vp_people_editor_get_programme_id (editor));
  g_autofree char *key = vp_organisation_name_key (name);
  guint n_items = g_list_model_get_n_items (organisations);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpOrganisation) other = g_list_model_get_item (organisations, i);
      g_autofree char *other_key = NULL;

      if (vp_organisation_get_id (other) == vp_organisation_get_id (edited))
        continue;
      other_key = vp_organisation_name_key (vp_organisation_get_name (other));
      if (g_strcmp0 (key, other_key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The closing kit {{{1 */

static const VpCxcEvidenceItem *
row_item (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "vp-evidence-item");
}

static void
evidence_changed_cb (VpOrganisationEditor *self)
{
  vp_people_editor_changed (VP_PEOPLE_EDITOR (self));
}

/* "Received today": the row gets today's date. */
static void
received_today_cb (GtkButton   *button,
                   AdwEntryRow *row)
{
  g_autofree char *text = NULL;
  GDate today;

  vp_evidence_get_today (&today);
  text = vp_date_format (&today);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
clear_received_cb (GtkButton   *button,
                   AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* A suffix button of @row, with a tooltip and the same accessible label. */
static void
add_row_button (AdwEntryRow *row,
                const char  *icon_name,
                const char  *label,
                GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (button, "clicked", callback, row);
  adw_entry_row_add_suffix (row, button);
}

static void
build_closing_kit (VpOrganisationEditor *self)
{
  GPtrArray *items = vp_cxc_rules_get ()->evidence_items;

  self->evidence_rows = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      const VpCxcEvidenceItem *item = g_ptr_array_index (items, i);
      const char *label = vp_cxc_evidence_item_get_label (item);
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
      g_autofree char *today = NULL;
      g_autofree char *clear = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_name (GTK_WIDGET (row), item->item);
      adw_entry_row_set_activates_default (row, TRUE);
      g_object_set_data (G_OBJECT (row), "vp-evidence-item", (gpointer)item);
      /* Translators: a button beside an item of the closing kit, “Closing report” */
      today = g_strdup_printf (_("%s Received Today"), label);
      /* Translators: a button beside an item of the closing kit, “Closing report” */
      clear = g_strdup_printf (_("%s Not Received"), label);
      add_row_button (row, "object-select-symbolic", today, G_CALLBACK (received_today_cb));
      add_row_button (row, "edit-clear-symbolic", clear, G_CALLBACK (clear_received_cb));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (evidence_changed_cb), self);
      adw_preferences_group_add (self->closing_kit_group, GTK_WIDGET (row));
      g_ptr_array_add (self->evidence_rows, row);
    }
}

/* The group says when the kit is due, and the rows which items are
 * missing. */
static void
describe_closing_kit (VpOrganisationEditor *self)
{
  VpPeopleEditor *editor = VP_PEOPLE_EDITOR (self);
  GListModel *programmes = vp_store_get_programmes (vp_people_editor_get_store (editor));
  gint64 programme_id = vp_people_editor_get_programme_id (editor);
  g_autofree char *description = NULL;
  g_autofree char *due_text = NULL;
  GDate due;

  g_date_clear (&due, 1);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (vp_programme_get_id (programme) == programme_id)
        vp_evidence_get_due (programme, NULL, &due);
    }
  if (g_date_valid (&due))
    due_text = vp_date_format (&due);

  if (due_text != NULL)
    /* Translators: %s is a date, YYYY-MM-DD */
    description = g_strdup_printf (_("What its partnership needs after the exchange, due on %s: "
                                     "the day each item arrived (YYYY-MM-DD), empty while it is "
                                     "missing"), due_text);
  else
    description = g_strdup (_("What its partnership needs after the exchange: the day each item "
                              "arrived (YYYY-MM-DD), empty while it is missing"));
  adw_preferences_group_set_description (self->closing_kit_group, description);
}

/* VpPeopleEditor {{{1 */

static void
vp_organisation_editor_load_item (VpPeopleEditor *editor,
                                  GObject        *item)
{
  VpOrganisationEditor *self = VP_ORGANISATION_EDITOR (editor);
  VpOrganisation *organisation = VP_ORGANISATION (item);

  vp_people_editable_set_text (GTK_EDITABLE (self->name_row),
                               vp_organisation_get_name (organisation));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == vp_organisation_get_kind (organisation))
      adw_combo_row_set_selected (self->kind_row, i);
  /* Someone new most likely comes from where the others do. */
  if (vp_organisation_get_country (organisation) == NULL && vp_people_editor_is_new (editor))
    {
      g_autofree char *likely =
        vp_country_row_guess_visiting (vp_people_editor_get_store (editor),
                                      vp_people_editor_get_programme_id (editor));

      vp_country_row_set_code (self->country_row, likely);
    }
  else
    vp_country_row_set_code (self->country_row, vp_organisation_get_country (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->city_row),
                               vp_organisation_get_city (organisation));
  set_degrees (self->latitude_row, vp_organisation_get_latitude (organisation));
  set_degrees (self->longitude_row, vp_organisation_get_longitude (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->cluster_row),
                               vp_organisation_get_cluster (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->eccp_url_row),
                               vp_organisation_get_eccp_url (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->contact_name_row),
                               vp_organisation_get_contact_name (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->contact_email_row),
                               vp_organisation_get_contact_email (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->goals_row),
                               vp_organisation_get_goals (organisation));
  vp_people_editable_set_text (GTK_EDITABLE (self->objectives_row),
                               vp_organisation_get_objectives (organisation));
  for (guint i = 0; i < self->evidence_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->evidence_rows, i);

      vp_people_editable_set_text (GTK_EDITABLE (row),
                                   vp_organisation_get_evidence_received (organisation,
                                                                          row_item (row)->item));
    }
  describe_closing_kit (self);
}

static gboolean
vp_organisation_editor_validate (VpPeopleEditor *editor)
{
  VpOrganisationEditor *self = VP_ORGANISATION_EDITOR (editor);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *email = vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  g_autofree char *eccp_url = vp_people_editable_dup_text (GTK_EDITABLE (self->eccp_url_row));
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) latitude_error = NULL;
  g_autoptr(GError) longitude_error = NULL;
  gboolean valid = TRUE;
  double latitude, longitude;
  gboolean latitude_ok, longitude_ok;

  /* A new organisation's empty name is not an error yet, only unfinished. */
  if (vp_text_is_blank (name))
    valid &= vp_people_check (GTK_WIDGET (self->name_row), FALSE,
                              vp_people_editor_is_new (editor)
                              ? NULL : _("An organisation needs a name"));
  else if (!vp_value_check_name (name, &name_error))
    {
      vp_people_set_error (GTK_WIDGET (self->name_row), name_error->message);
      valid = FALSE;
    }
  else
    valid &= vp_people_check (GTK_WIDGET (self->name_row), !name_taken (self, name),
                              _("Another organisation of this programme has this name"));

  valid &= vp_people_check_email (GTK_WIDGET (self->contact_email_row), email);
  valid &= vp_people_check (GTK_WIDGET (self->eccp_url_row),
                            eccp_url == NULL || is_web_address (eccp_url),
                            _("Give the profile's web address, beginning with https://"));

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

  for (guint i = 0; i < self->evidence_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->evidence_rows, i);
      g_autofree char *day = vp_people_editable_dup_text (GTK_EDITABLE (row));
      g_autoptr(GError) day_error = NULL;

      if (day != NULL && !vp_value_check_date (day, NULL, &day_error))
        {
          vp_people_set_error (GTK_WIDGET (row), day_error->message);
          valid = FALSE;
        }
      else
        vp_people_set_error (GTK_WIDGET (row), NULL);
    }

  return valid && latitude_ok && longitude_ok;
}

static GObject *
vp_organisation_editor_build_item (VpPeopleEditor *editor)
{
  VpOrganisationEditor *self = VP_ORGANISATION_EDITOR (editor);
  VpOrganisation *edited = VP_ORGANISATION (vp_people_editor_get_item (editor));
  /* what the editor does not show is kept */
  VpOrganisation *organisation = vp_organisation_copy (edited);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *city = vp_people_editable_dup_text (GTK_EDITABLE (self->city_row));
  g_autofree char *cluster = vp_people_editable_dup_text (GTK_EDITABLE (self->cluster_row));
  g_autofree char *eccp_url = vp_people_editable_dup_text (GTK_EDITABLE (self->eccp_url_row));
  g_autofree char *contact_name =
    vp_people_editable_dup_text (GTK_EDITABLE (self->contact_name_row));
  g_autofree char *contact_email =
    vp_people_editable_dup_text (GTK_EDITABLE (self->contact_email_row));
  g_autofree char *goals = vp_people_editable_dup_text (GTK_EDITABLE (self->goals_row));
  g_autofree char *objectives = vp_people_editable_dup_text (GTK_EDITABLE (self->objectives_row));
  double latitude, longitude;

  vp_organisation_set_id (organisation, vp_organisation_get_id (edited));
  vp_organisation_set_ref (organisation, vp_organisation_get_ref (edited));
  vp_organisation_set_uid (organisation, vp_organisation_get_uid (edited));
  vp_organisation_set_name (organisation, name);
  vp_organisation_set_kind (organisation, kind < G_N_ELEMENTS (kinds)
                                          ? kinds[kind] : VP_ORGANISATION_KIND_UNSET);
  vp_organisation_set_country (organisation, vp_country_row_get_code (self->country_row));
  vp_organisation_set_city (organisation, city);
  read_degrees (self->latitude_row, VP_COORDINATE_LATITUDE, &latitude, NULL);
  read_degrees (self->longitude_row, VP_COORDINATE_LONGITUDE, &longitude, NULL);
  vp_organisation_set_position (organisation, latitude, longitude);
  vp_organisation_set_cluster (organisation, cluster);
  vp_organisation_set_eccp_url (organisation, eccp_url);
  vp_organisation_set_contact_name (organisation, contact_name);
  vp_organisation_set_contact_email (organisation, contact_email);
  vp_organisation_set_goals (organisation, goals);
  vp_organisation_set_objectives (organisation, objectives);
  for (guint i = 0; i < self->evidence_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->evidence_rows, i);
      g_autofree char *day = vp_people_editable_dup_text (GTK_EDITABLE (row));

      vp_organisation_set_evidence_received (organisation, row_item (row)->item, day);
    }

  return G_OBJECT (organisation);
}

static gboolean
vp_organisation_editor_save_item (VpPeopleEditor  *editor,
                                  GObject         *item,
                                  GObject         *read,
                                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  /* through the window's undo history: one entry per dialog and row */
  if (vp_history_save (vp_undo_find_history (GTK_WIDGET (editor)),
                       vp_people_editor_get_store (editor),
                       vp_people_editor_get_programme_id (editor), item, read,
                       vp_people_editor_is_new (editor) ? _("Add Organisation")
                                                        : _("Edit Organisation"),
                       editor, &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               _("Cannot save the organisation: %s"), local_error->message);
  return FALSE;
}

/* GObject {{{1 */

static void
vp_organisation_editor_finalize (GObject *object)
{
  VpOrganisationEditor *self = VP_ORGANISATION_EDITOR (object);

  /* the rows are the group's */
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_organisation_editor_parent_class)->finalize (object);
}

static void
vp_organisation_editor_class_init (VpOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpPeopleEditorClass *editor_class = VP_PEOPLE_EDITOR_CLASS (klass);

  object_class->finalize = vp_organisation_editor_finalize;

  editor_class->load_item = vp_organisation_editor_load_item;
  editor_class->validate = vp_organisation_editor_validate;
  editor_class->build_item = vp_organisation_editor_build_item;
  editor_class->save_item = vp_organisation_editor_save_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-organisation-editor.ui");
  vp_people_editor_class_bind_template (widget_class, _("New Organisation"), _("Organisation"));
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, eccp_url_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, goals_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, objectives_row);
  gtk_widget_class_bind_template_child (widget_class, VpOrganisationEditor, closing_kit_group);
}

static void
vp_organisation_editor_init (VpOrganisationEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));

  /* Typing starts with the name, not on the header's Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, kinds[i] == VP_ORGANISATION_KIND_UNSET
                                   ? C_("organisation kind", "Not set")
                                   : vp_organisation_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
  vp_country_row_setup (self->country_row, TRUE);
  build_closing_kit (self);
}

/* Public {{{1 */

VpOrganisationEditor *
vp_organisation_editor_new (VpStore        *store,
                            gint64          programme_id,
                            VpOrganisation *organisation)
{
  VpOrganisationEditor *self;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (programme_id > 0, NULL);
  g_return_val_if_fail (organisation == NULL || VP_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (VP_TYPE_ORGANISATION_EDITOR, NULL);
  vp_people_editor_load (VP_PEOPLE_EDITOR (self), store, programme_id,
                         G_OBJECT (organisation ? vp_organisation_copy (organisation)
                                                : vp_organisation_new ()));

  return self;
}

VpOrganisation *
vp_organisation_editor_get_organisation (VpOrganisationEditor *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION_EDITOR (self), NULL);

  return VP_ORGANISATION (vp_people_editor_get_item (VP_PEOPLE_EDITOR (self)));
}

gboolean
vp_organisation_editor_flush (VpOrganisationEditor *self)
{
  g_return_val_if_fail (VP_IS_ORGANISATION_EDITOR (self), FALSE);

  return vp_people_editor_flush (VP_PEOPLE_EDITOR (self));
}

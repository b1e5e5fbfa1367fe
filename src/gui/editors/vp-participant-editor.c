/* vp-participant-editor.c: every field of one participant, saved as it is typed. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-chooser-row.h"
#include "vp-combo-rows.h"
#include "vp-format.h"
#include "vp-participant-editor.h"
#include "vp-country-row.h"
#include "vp-people-fields.h"
#include "vp-privacy.h"
#include "vp-stay-page.h"
#include "vp-text.h"
#include "vp-travel-leg-page.h"
#include "vp-values.h"
#include "vp-undo.h"

struct _VpParticipantEditor
{
  VpPeopleEditor        parent_instance;

  VpProgramme          *programme;
  /* The programme when the editor opened: who else has which email. */
  VpSnapshot           *snapshot;
  GPtrArray            *legs;
  GPtrArray            *stays;
  GPtrArray            *leg_rows;
  GPtrArray            *stay_rows;
  /* The programme's organisations (the store's live model), to choose from */
  GListModel           *organisations;
  /* A new organisation is named in new_organisation_row, for the store to
   * make when the name is applied (or the participant added): a name saved
   * as it is typed would make an organisation at every pause. */
  gboolean              new_organisation;
  gboolean              applying_organisation;
  /* The leg or stay its page edits: an index in legs or stays, -1 for a
   * new one */
  int                   page_index;
  /* The window's default widget while the participant's page shows */
  GtkWidget            *participant_default;

  /* Template widgets (the shared ones are VpPeopleEditor's) */
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  VpChooserRow         *organisation_row;
  AdwEntryRow          *new_organisation_row;
  VpChooserRow         *country_row;
  AdwComboRow          *role_row;
  AdwPreferencesGroup  *travel_group;
  AdwPreferencesGroup  *accommodation_group;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *dietary_row;
  AdwEntryRow          *accessibility_row;
  AdwEntryRow          *emergency_row;
  GtkTextView          *notes_view;
  AdwComboRow          *language_row;
  GtkSwitch            *consent_dietary_switch;
  GtkSwitch            *consent_accessibility_switch;
  GtkSwitch            *consent_emergency_switch;
  GtkSwitch            *consent_hosts_switch;
  GtkSwitch            *consent_participants_switch;
  AdwEntryRow          *consent_given_row;
  AdwEntryRow          *consent_wording_row;
  GtkStack             *page_stack;
  VpTravelLegPage      *leg_page;
  VpStayPage           *stay_page;
};

G_DEFINE_FINAL_TYPE (VpParticipantEditor, vp_participant_editor, VP_TYPE_PEOPLE_EDITOR)

/* The roles in the order of the combo row. */
static const VpParticipantRole roles[] = {
  VP_PARTICIPANT_ROLE_UNSET,
  VP_PARTICIPANT_ROLE_CLUSTER_MANAGER,
  VP_PARTICIPANT_ROLE_SME,
  VP_PARTICIPANT_ROLE_RESEARCHER,
  VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION,
  VP_PARTICIPANT_ROLE_OTHER,
};

static VpParticipant *
get_participant (VpParticipantEditor *self)
{
  return VP_PARTICIPANT (vp_people_editor_get_item (VP_PEOPLE_EDITOR (self)));
}

static gboolean
email_taken (VpParticipantEditor *self,
             const char          *email)
{
  GPtrArray *participants;

  if (self->snapshot == NULL)
    return FALSE;

  participants = vp_snapshot_get_participants (self->snapshot);
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *other = g_ptr_array_index (participants, i);
      const char *other_email = vp_participant_get_email (other);

      if (vp_participant_get_id (other) != vp_participant_get_id (get_participant (self)) &&
          other_email != NULL && g_ascii_strcasecmp (other_email, email) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Organisation {{{1 */

/* The value of the choice “No organisation” (an organisation's ref is never
 * empty). */
#define NO_ORGANISATION ""

/* The programme's organisations as choices, by name, after “No organisation”. */
static void
update_organisation_choices (VpParticipantEditor *self)
{
  guint n_items = self->organisations ? g_list_model_get_n_items (self->organisations) : 0;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) value_list = NULL;
  g_auto(GStrv) label_list = NULL;

  g_strv_builder_add (values, NO_ORGANISATION);
  g_strv_builder_add (labels, _("No organisation"));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpOrganisation) organisation = g_list_model_get_item (self->organisations, i);

      if (vp_organisation_get_ref (organisation) == NULL ||
          vp_organisation_get_name (organisation) == NULL)
        continue;
      g_strv_builder_add (values, vp_organisation_get_ref (organisation));
      g_strv_builder_add (labels, vp_organisation_get_name (organisation));
    }

  value_list = g_strv_builder_end (values);
  label_list = g_strv_builder_end (labels);
  vp_chooser_row_set_choices (self->organisation_row, (const char * const *) value_list,
                              (const char * const *) label_list);
}

static void
organisations_changed_cb (VpParticipantEditor *self,
                          guint                position,
                          guint                removed,
                          guint                added,
                          GListModel          *organisations)
{
  update_organisation_choices (self);
}

static VpOrganisation *
lookup_organisation (VpParticipantEditor *self,
                     const char          *ref)
{
  guint n_items = self->organisations ? g_list_model_get_n_items (self->organisations) : 0;

  for (guint i = 0; ref != NULL && i < n_items; i++)
    {
      g_autoptr(VpOrganisation) organisation = g_list_model_get_item (self->organisations, i);

      if (g_strcmp0 (vp_organisation_get_ref (organisation), ref) == 0)
        return organisation;       /* the live model keeps it */
    }

  return NULL;
}

/* Between one of the programme's organisations (or none) and a new one,
 * named in the row below the chooser. */
static void
set_new_organisation (VpParticipantEditor *self,
                      gboolean             new_organisation,
                      const char          *name)
{
  self->new_organisation = new_organisation;
  gtk_widget_set_visible (GTK_WIDGET (self->new_organisation_row), new_organisation);
  vp_chooser_row_set_unset_label (self->organisation_row, new_organisation
                                                          ? _("New organisation")
                                                          : _("No organisation"));
  if (new_organisation)
    {
      vp_chooser_row_set_value (self->organisation_row, NULL);
      vp_people_editable_set_text (GTK_EDITABLE (self->new_organisation_row), name);
    }
}

static void
organisation_chosen_cb (VpParticipantEditor *self,
                        GParamSpec          *pspec,
                        VpChooserRow        *row)
{
  set_new_organisation (self, FALSE, NULL);
  vp_people_editor_changed (VP_PEOPLE_EDITOR (self));
}

/* The organisation the store made from the applied name, chosen in its
 * place: typing more goes to its own editor, not to another organisation. */
static void
choose_made_organisation (VpParticipantEditor *self,
                          const char          *name,
                          gboolean             focus)
{
  g_autofree char *key = vp_organisation_name_key (name);
  guint n_items = self->organisations ? g_list_model_get_n_items (self->organisations) : 0;

  for (guint i = 0; key != NULL && i < n_items; i++)
    {
      g_autoptr(VpOrganisation) organisation = g_list_model_get_item (self->organisations, i);
      g_autofree char *candidate = NULL;

      candidate = vp_organisation_name_key (vp_organisation_get_name (organisation));

      if (g_strcmp0 (candidate, key) == 0)
        {
          set_new_organisation (self, FALSE, NULL);
          vp_chooser_row_set_value (self->organisation_row, vp_organisation_get_ref (organisation));
          if (focus)
            gtk_widget_grab_focus (GTK_WIDGET (self->organisation_row));
          return;
        }
    }
}

/* Saves the participant with the new organisation's name now. */
static gboolean
apply_new_organisation (VpParticipantEditor *self,
                        gboolean             focus)
{
  g_autofree char *name = NULL;
  gboolean saved;

  if (!self->new_organisation || vp_people_editor_is_new (VP_PEOPLE_EDITOR (self)))
    return FALSE;

  name = vp_people_editable_dup_text (GTK_EDITABLE (self->new_organisation_row));
  self->applying_organisation = TRUE;
  saved = vp_people_editor_save_now (VP_PEOPLE_EDITOR (self));
  self->applying_organisation = FALSE;
  if (saved && name != NULL)
    choose_made_organisation (self, name, focus);

  return saved;
}

/* Enter or the row's apply button; a participant being added waits for
 * Add, which Enter means there. */
static void
new_organisation_applied_cb (VpParticipantEditor *self,
                             AdwEntryRow         *row)
{
  if (vp_people_editor_is_new (VP_PEOPLE_EDITOR (self)))
    gtk_widget_activate_default (GTK_WIDGET (row));
  else
    apply_new_organisation (self, TRUE);
}

static void
new_organisation_requested_cb (VpParticipantEditor *self,
                               const char          *text,
                               VpChooserRow        *row)
{
  set_new_organisation (self, TRUE, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_organisation_row));
  vp_people_editor_changed (VP_PEOPLE_EDITOR (self));
}

/* Consent {{{1 */

/* Each consent's switch and, for a consent to give data, the row of that
 * data. */
static const struct
{
  VpConsentField  field;
  gsize           switch_offset;
  gsize           row_offset;   /* 0: a consent to share */
} consents[] = {
  { VP_CONSENT_DIETARY, G_STRUCT_OFFSET (VpParticipantEditor, consent_dietary_switch),
    G_STRUCT_OFFSET (VpParticipantEditor, dietary_row) },
  { VP_CONSENT_ACCESSIBILITY, G_STRUCT_OFFSET (VpParticipantEditor, consent_accessibility_switch),
    G_STRUCT_OFFSET (VpParticipantEditor, accessibility_row) },
  { VP_CONSENT_EMERGENCY_CONTACT, G_STRUCT_OFFSET (VpParticipantEditor, consent_emergency_switch),
    G_STRUCT_OFFSET (VpParticipantEditor, emergency_row) },
  { VP_CONSENT_SHARE_WITH_HOSTS, G_STRUCT_OFFSET (VpParticipantEditor, consent_hosts_switch), 0 },
  { VP_CONSENT_SHARE_WITH_PARTICIPANTS,
    G_STRUCT_OFFSET (VpParticipantEditor, consent_participants_switch), 0 },
};

#define CONSENT_SWITCH(self, i) (G_STRUCT_MEMBER (GtkSwitch *, (self), consents[i].switch_offset))
#define CONSENT_ROW(self, i) (G_STRUCT_MEMBER (GtkWidget *, (self), consents[i].row_offset))

static VpConsentField
get_consent_fields (VpParticipantEditor *self)
{
  VpConsentField fields = 0;

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    if (gtk_switch_get_active (CONSENT_SWITCH (self, i)))
      fields |= consents[i].field;
  return fields;
}

/* A field without its consent cannot be typed in, and says why. */
static void
update_consent_rows (VpParticipantEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      GtkWidget *row;
      gboolean given;
      g_autofree char *why = NULL;

      if (consents[i].row_offset == 0)
        continue;
      row = CONSENT_ROW (self, i);
      given = gtk_switch_get_active (CONSENT_SWITCH (self, i));
      if (!given)
        why = g_strdup_printf (_("Not kept: the participant has not consented to give their "
                                 "%s (see Consent)"),
                               vp_consent_field_get_label (consents[i].field));
      gtk_widget_set_sensitive (row, given);
      gtk_widget_set_tooltip_text (row, why);
      if (why != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* A consent turned off erases what it allowed at once; one turned on is
 * dated today, unless a day is given. */
static void
consent_switched_cb (VpParticipantEditor *self,
                     GParamSpec          *pspec,
                     GtkSwitch           *consent_switch)
{
  gboolean given = gtk_switch_get_active (consent_switch);

  update_consent_rows (self);
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      g_autofree char *held = NULL;

      if (CONSENT_SWITCH (self, i) != consent_switch || consents[i].row_offset == 0 || given)
        continue;
      held = vp_people_editable_dup_text (GTK_EDITABLE (CONSENT_ROW (self, i)));
      if (held != NULL)
        {
          AdwToastOverlay *overlay =
            ADW_TOAST_OVERLAY (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                              VP_TYPE_PARTICIPANT_EDITOR,
                                                              "toast_overlay"));
          g_autofree char *message =
            g_strdup_printf (_("The %s were erased: the consent to keep them was withdrawn"),
                             vp_consent_field_get_label (consents[i].field));

          vp_people_editable_set_text (GTK_EDITABLE (CONSENT_ROW (self, i)), NULL);
          adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
        }
    }

  if (given && gtk_editable_get_text (GTK_EDITABLE (self->consent_given_row))[0] == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      vp_people_editable_set_text (GTK_EDITABLE (self->consent_given_row), today);
    }

  vp_people_editor_changed (VP_PEOPLE_EDITOR (self));
}

/* Travel and accommodation {{{1 */

static void rebuild_legs (VpParticipantEditor *self);
static void rebuild_stays (VpParticipantEditor *self);

/* Lists changed: an existing participant is saved at once. */
static void
lists_changed (VpParticipantEditor *self)
{
  vp_people_editor_save_now (VP_PEOPLE_EDITOR (self));
}

static int
compare_legs (gconstpointer a,
              gconstpointer b)
{
  const VpTravelLeg *leg_a = *(const VpTravelLeg * const *) a;
  const VpTravelLeg *leg_b = *(const VpTravelLeg * const *) b;

  return (leg_a->depart_utc > leg_b->depart_utc) - (leg_a->depart_utc < leg_b->depart_utc);
}

/* A leg or a stay is edited on a page of its own in this dialog, which
 * slides in over the participant's; Back (or Escape) slides it out. */
static void
show_page (VpParticipantEditor *self,
           GtkWidget           *page,
           GtkWidget           *done_button,
           int                  index)
{
  self->page_index = index;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "participant") == 0)
    self->participant_default = gtk_window_get_default_widget (GTK_WINDOW (self));
  gtk_stack_set_visible_child (self->page_stack, page);
  gtk_window_set_default_widget (GTK_WINDOW (self), done_button);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Back on the participant's page, with @focus (NULL: the name) focused. */
static void
show_participant (VpParticipantEditor *self,
                  GtkWidget           *focus)
{
  gtk_stack_set_visible_child_name (self->page_stack, "participant");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->participant_default);
  gtk_widget_grab_focus (focus != NULL ? focus : GTK_WIDGET (self->name_row));
}

static void
page_back_cb (VpParticipantEditor *self,
              GtkWidget           *page)
{
  guint index = (guint) self->page_index;
  GPtrArray *rows = page == GTK_WIDGET (self->leg_page) ? self->leg_rows : self->stay_rows;

  show_participant (self, self->page_index >= 0 && index < rows->len
                          ? g_ptr_array_index (rows, index) : NULL);
}

static void
leg_applied_cb (VpParticipantEditor *self,
                VpTravelLeg         *leg,
                VpTravelLegPage     *page)
{
  int index = self->page_index;
  VpTravelLeg *edited = vp_travel_leg_copy (leg);
  guint position = 0;

  /* The same leg, changed: it keeps its calendar identity, and the store
   * raises its revision. */
  if (index >= 0 && (guint) index < self->legs->len)
    {
      const VpTravelLeg *was = g_ptr_array_index (self->legs, index);

      g_free (edited->uid);
      edited->uid = g_strdup (was->uid);
      edited->revision = was->revision;
      edited->modified_at = was->modified_at;
      g_ptr_array_remove_index (self->legs, index);
    }
  g_ptr_array_add (self->legs, edited);
  /* In the order they are travelled: the first is the way there. */
  g_ptr_array_sort (self->legs, compare_legs);

  rebuild_legs (self);
  lists_changed (self);
  g_ptr_array_find (self->legs, edited, &position);
  show_participant (self, g_ptr_array_index (self->leg_rows, position));
}

static void
open_leg_page (VpParticipantEditor *self,
               int                  index)
{
  const VpTravelLeg *leg = index >= 0 ? g_ptr_array_index (self->legs, index) : NULL;
  const char *zone = self->programme ? vp_programme_get_timezone (self->programme) : NULL;
  const char *date = NULL;

  /* The way there on the first day, the way back on the last. */
  if (self->programme != NULL)
    date = self->legs->len == 0 ? vp_programme_get_start_date (self->programme)
                                : vp_programme_get_end_date (self->programme);

  vp_travel_leg_page_edit (self->leg_page, leg, zone, date);
  show_page (self, GTK_WIDGET (self->leg_page),
             vp_travel_leg_page_get_done_button (self->leg_page), index);
}

static void
add_leg_clicked_cb (VpParticipantEditor *self,
                    GtkButton           *button)
{
  open_leg_page (self, -1);
}

static void
leg_row_activated_cb (AdwActionRow        *row,
                      VpParticipantEditor *self)
{
  open_leg_page (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index")));
}

static void
remove_leg_clicked_cb (GtkButton           *button,
                       VpParticipantEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  g_ptr_array_remove_index (self->legs, index);
  rebuild_legs (self);
  lists_changed (self);

  gtk_widget_grab_focus (self->leg_rows->len > 0 ? g_ptr_array_index (self->leg_rows, 0)
                                                 : GTK_WIDGET (self->name_row));
}

static GtkWidget *
new_list_row (VpParticipantEditor *self,
              const char          *title,
              const char          *subtitle,
              guint                index,
              const char          *remove_label,
              GCallback            activated,
              GCallback            remove)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "activated", activated, self);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", remove, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
rebuild_legs (VpParticipantEditor *self)
{
  for (guint i = 0; i < self->leg_rows->len; i++)
    adw_preferences_group_remove (self->travel_group, g_ptr_array_index (self->leg_rows, i));
  g_ptr_array_set_size (self->leg_rows, 0);

  for (guint i = 0; i < self->legs->len; i++)
    {
      const VpTravelLeg *leg = g_ptr_array_index (self->legs, i);
      g_autofree char *title = vp_people_leg_title (leg);
      g_autofree char *subtitle = vp_people_leg_subtitle (leg);
      GtkWidget *row = new_list_row (self, title, subtitle, i, _("Remove Travel Leg"),
                                     G_CALLBACK (leg_row_activated_cb),
                                     G_CALLBACK (remove_leg_clicked_cb));

      adw_preferences_group_add (self->travel_group, row);
      g_ptr_array_add (self->leg_rows, row);
    }
}

static void
stay_applied_cb (VpParticipantEditor *self,
                 VpStay              *stay,
                 VpStayPage          *page)
{
  int index = self->page_index;

  if (index >= 0 && (guint) index < self->stays->len)
    {
      VpStay *was = g_ptr_array_index (self->stays, index);
      VpStay *edited = vp_stay_copy (stay);

      /* the same stay, changed: as for a leg */
      g_free (edited->uid);
      edited->uid = g_steal_pointer (&was->uid);
      edited->revision = was->revision;
      edited->modified_at = was->modified_at;
      vp_stay_free (was);
      g_ptr_array_index (self->stays, index) = edited;
    }
  else
    {
      g_ptr_array_add (self->stays, vp_stay_copy (stay));
      index = self->stays->len - 1;
    }

  rebuild_stays (self);
  lists_changed (self);
  show_participant (self, g_ptr_array_index (self->stay_rows, index));
}

static void
open_stay_page (VpParticipantEditor *self,
                int                  index)
{
  const VpStay *stay = index >= 0 ? g_ptr_array_index (self->stays, index) : NULL;

  vp_stay_page_edit (self->stay_page, stay,
                     self->programme ? vp_programme_get_start_date (self->programme) : NULL,
                     self->programme ? vp_programme_get_end_date (self->programme) : NULL);
  show_page (self, GTK_WIDGET (self->stay_page), vp_stay_page_get_done_button (self->stay_page),
             index);
}

static void
add_stay_clicked_cb (VpParticipantEditor *self,
                     GtkButton           *button)
{
  open_stay_page (self, -1);
}

static void
stay_row_activated_cb (AdwActionRow        *row,
                       VpParticipantEditor *self)
{
  open_stay_page (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index")));
}

static void
remove_stay_clicked_cb (GtkButton           *button,
                        VpParticipantEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  g_ptr_array_remove_index (self->stays, index);
  rebuild_stays (self);
  lists_changed (self);

  gtk_widget_grab_focus (self->stay_rows->len > 0 ? g_ptr_array_index (self->stay_rows, 0)
                                                  : GTK_WIDGET (self->name_row));
}

static void
rebuild_stays (VpParticipantEditor *self)
{
  for (guint i = 0; i < self->stay_rows->len; i++)
    adw_preferences_group_remove (self->accommodation_group,
                                  g_ptr_array_index (self->stay_rows, i));
  g_ptr_array_set_size (self->stay_rows, 0);

  for (guint i = 0; i < self->stays->len; i++)
    {
      const VpStay *stay = g_ptr_array_index (self->stays, i);
      g_autofree char *range = vp_format_date_range (stay->check_in, stay->check_out);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (stay->address != NULL)
        /* Translators: a hotel stay's dates and the hotel's address. */
        subtitle = g_strdup_printf (_("%s · %s"), range ? range : "", stay->address);
      else
        subtitle = g_strdup (range);

      row = new_list_row (self, stay->name ? stay->name : _("Hotel"), subtitle ? subtitle : "", i,
                          _("Remove Hotel Stay"),
                          G_CALLBACK (stay_row_activated_cb),
                          G_CALLBACK (remove_stay_clicked_cb));
      adw_preferences_group_add (self->accommodation_group, row);
      g_ptr_array_add (self->stay_rows, row);
    }
}

/* VpPeopleEditor {{{1 */

static void
vp_participant_editor_load_item (VpPeopleEditor *editor,
                                 GObject        *item)
{
  VpParticipantEditor *self = VP_PARTICIPANT_EDITOR (editor);
  VpParticipant *participant = VP_PARTICIPANT (item);
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);

  /* the consents first: the fields they allow take their text then */
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    gtk_switch_set_active (CONSENT_SWITCH (self, i),
                           vp_participant_has_consent (participant, consents[i].field));
  update_consent_rows (self);
  vp_people_editable_set_text (GTK_EDITABLE (self->consent_given_row),
                               vp_participant_get_consent_given (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->consent_wording_row),
                               vp_participant_get_consent_wording (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->name_row),
                               vp_participant_get_name (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->email_row),
                               vp_participant_get_email (participant));
  /* One of the programme's organisations; a name without one (not saved
   * yet) is a new organisation. */
  if (lookup_organisation (self, vp_participant_get_organisation_ref (participant)) != NULL)
    {
      set_new_organisation (self, FALSE, NULL);
      vp_chooser_row_set_value (self->organisation_row,
                                vp_participant_get_organisation_ref (participant));
    }
  else if (vp_participant_get_organisation (participant) != NULL)
    set_new_organisation (self, TRUE, vp_participant_get_organisation (participant));
  else
    {
      set_new_organisation (self, FALSE, NULL);
      vp_chooser_row_set_value (self->organisation_row, NO_ORGANISATION);
    }
  /* Someone new most likely comes from where the others do. */
  if (vp_participant_get_country (participant) == NULL && vp_people_editor_is_new (editor))
    {
      g_autofree char *likely =
        vp_country_row_guess_visiting (vp_people_editor_get_store (editor),
                                      vp_people_editor_get_programme_id (editor));

      vp_country_row_set_code (self->country_row, likely);
    }
  else
    vp_country_row_set_code (self->country_row, vp_participant_get_country (participant));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == vp_participant_get_role (participant))
      adw_combo_row_set_selected (self->role_row, i);
  vp_people_editable_set_text (GTK_EDITABLE (self->phone_row),
                               vp_participant_get_phone (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->dietary_row),
                               vp_participant_get_dietary (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->accessibility_row),
                               vp_participant_get_accessibility (participant));
  vp_people_editable_set_text (GTK_EDITABLE (self->emergency_row),
                               vp_participant_get_emergency_contact (participant));
  vp_people_text_view_set_text (self->notes_view, vp_participant_get_notes (participant));
  vp_people_language_row_set_code (self->language_row,
                                   vp_participant_get_language (participant));

  for (guint i = 0; i < travel->len; i++)
    g_ptr_array_add (self->legs, vp_travel_leg_copy (g_ptr_array_index (travel, i)));
  for (guint i = 0; i < stays->len; i++)
    g_ptr_array_add (self->stays, vp_stay_copy (g_ptr_array_index (stays, i)));

  rebuild_legs (self);
  rebuild_stays (self);
}

static gboolean
vp_participant_editor_validate (VpPeopleEditor *editor)
{
  VpParticipantEditor *self = VP_PARTICIPANT_EDITOR (editor);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *email = vp_people_editable_dup_text (GTK_EDITABLE (self->email_row));
  g_autofree char *organisation =
    vp_people_editable_dup_text (GTK_EDITABLE (self->new_organisation_row));
  g_autofree char *given = vp_people_editable_dup_text (GTK_EDITABLE (self->consent_given_row));
  g_autoptr(GError) organisation_error = NULL;
  g_autoptr(GError) given_error = NULL;
  gboolean valid = TRUE;

  /* the day of consent by the rule of dates */
  if (given != NULL && !vp_value_check_date (given, NULL, &given_error))
    valid &= vp_people_check (GTK_WIDGET (self->consent_given_row), FALSE, given_error->message);
  else
    vp_people_check (GTK_WIDGET (self->consent_given_row), TRUE, NULL);

  /* A new participant's empty name is not an error yet, only unfinished. */
  valid &=
    vp_people_check (GTK_WIDGET (self->name_row), !vp_text_is_blank (name),
                     vp_people_editor_is_new (editor) ? NULL : _("A participant needs a name"));

  if (vp_people_check_email (GTK_WIDGET (self->email_row), email))
    valid &=
      vp_people_check (GTK_WIDGET (self->email_row), email == NULL || !email_taken (self, email),
                       _("Another participant of this programme has this email address"));
  else
    valid = FALSE;

  /* A new organisation by the rules of names (vp-values.h). */
  if (self->new_organisation)
    {
      gboolean named = organisation != NULL &&
                       vp_value_check_name (organisation, &organisation_error);

      vp_people_set_error (GTK_WIDGET (self->new_organisation_row),
                           named ? NULL
                           : organisation_error ? organisation_error->message
                           : _("Name the new organisation, or choose one"));
      valid &= named;
    }
  else
    vp_people_set_error (GTK_WIDGET (self->new_organisation_row), NULL);

  return valid;
}

static GObject *
vp_participant_editor_build_item (VpPeopleEditor *editor)
{
  VpParticipantEditor *self = VP_PARTICIPANT_EDITOR (editor);
  VpParticipant *edited = get_participant (self);
  VpParticipant *participant = vp_participant_new ();
  guint role = adw_combo_row_get_selected (self->role_row);
  g_autofree char *name = vp_people_editable_dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *email = vp_people_editable_dup_text (GTK_EDITABLE (self->email_row));
  g_autofree char *phone = vp_people_editable_dup_text (GTK_EDITABLE (self->phone_row));
  g_autofree char *dietary = vp_people_editable_dup_text (GTK_EDITABLE (self->dietary_row));
  g_autofree char *accessibility =
    vp_people_editable_dup_text (GTK_EDITABLE (self->accessibility_row));
  g_autofree char *emergency = vp_people_editable_dup_text (GTK_EDITABLE (self->emergency_row));
  g_autofree char *notes = vp_people_text_view_dup_text (self->notes_view);
  g_autofree char *given = vp_people_editable_dup_text (GTK_EDITABLE (self->consent_given_row));
  g_autofree char *wording =
    vp_people_editable_dup_text (GTK_EDITABLE (self->consent_wording_row));

  vp_participant_set_id (participant, vp_participant_get_id (edited));
  vp_participant_set_ref (participant, vp_participant_get_ref (edited));
  vp_participant_set_name (participant, name);
  vp_participant_set_email (participant, email);
  /* The store makes a new organisation from its name (and the
   * participant's country and role) once it is applied; until then the
   * participant keeps the organisation they had. */
  if (self->new_organisation && !vp_people_editor_is_new (editor) &&
      !self->applying_organisation)
    {
      vp_participant_set_organisation_ref (participant,
                                           vp_participant_get_organisation_ref (edited));
      vp_participant_set_organisation (participant, vp_participant_get_organisation (edited));
    }
  else if (self->new_organisation)
    {
      g_autofree char *organisation =
        vp_people_editable_dup_text (GTK_EDITABLE (self->new_organisation_row));

      vp_participant_set_organisation (participant, organisation);
    }
  else
    {
      VpOrganisation *organisation =
        lookup_organisation (self, vp_chooser_row_get_value (self->organisation_row));

      if (organisation != NULL)
        {
          vp_participant_set_organisation_ref (participant, vp_organisation_get_ref (organisation));
          vp_participant_set_organisation (participant, vp_organisation_get_name (organisation));
        }
    }
  vp_participant_set_country (participant, vp_country_row_get_code (self->country_row));
  vp_participant_set_role (participant,
                           role < G_N_ELEMENTS (roles) ? roles[role] : VP_PARTICIPANT_ROLE_UNSET);
  vp_participant_set_phone (participant, phone);
  vp_participant_set_dietary (participant, dietary);
  vp_participant_set_accessibility (participant, accessibility);
  vp_participant_set_emergency_contact (participant, emergency);
  vp_participant_set_notes (participant, notes);
  vp_participant_set_language (participant,
                               vp_people_language_row_get_code (self->language_row));
  vp_participant_set_consent_fields (participant, get_consent_fields (self));
  vp_participant_set_consent_given (participant, given);
  vp_participant_set_consent_wording (participant, wording);
  /* what has no consent is not kept (its row takes no text then) */
  vp_privacy_drop_unconsented (participant);

  for (guint i = 0; i < self->legs->len; i++)
    vp_participant_add_travel_leg (participant,
                                   vp_travel_leg_copy (g_ptr_array_index (self->legs, i)));
  for (guint i = 0; i < self->stays->len; i++)
    vp_participant_add_stay (participant, vp_stay_copy (g_ptr_array_index (self->stays, i)));

  return G_OBJECT (participant);
}

static gboolean
vp_participant_editor_save_item (VpPeopleEditor  *editor,
                                 GObject         *item,
                                 GObject         *read,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  /* through the window's undo history: one entry per dialog and row */
  if (vp_history_save (vp_undo_find_history (GTK_WIDGET (editor)),
                       vp_people_editor_get_store (editor),
                       vp_people_editor_get_programme_id (editor), item, read,
                       vp_people_editor_is_new (editor) ? _("Add Participant")
                                                        : _("Edit Participant"),
                       editor, &local_error))
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               _("Cannot save the participant: %s"), local_error->message);
  return FALSE;
}

/* GObject {{{1 */

static void
vp_participant_editor_dispose (GObject *object)
{
  VpParticipantEditor *self = VP_PARTICIPANT_EDITOR (object);

  /* A new organisation named but not applied is applied on closing, as
   * every other field is saved; then the editor saves what is pending,
   * from the fields and the lists. */
  if (self->new_organisation && !self->applying_organisation)
    apply_new_organisation (self, FALSE);
  G_OBJECT_CLASS (vp_participant_editor_parent_class)->dispose (object);

  g_clear_object (&self->programme);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->organisations);
}

static void
vp_participant_editor_finalize (GObject *object)
{
  VpParticipantEditor *self = VP_PARTICIPANT_EDITOR (object);

  g_clear_pointer (&self->legs, g_ptr_array_unref);
  g_clear_pointer (&self->stays, g_ptr_array_unref);
  g_clear_pointer (&self->leg_rows, g_ptr_array_unref);
  g_clear_pointer (&self->stay_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_participant_editor_parent_class)->finalize (object);
}

static void
vp_participant_editor_class_init (VpParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpPeopleEditorClass *editor_class = VP_PEOPLE_EDITOR_CLASS (klass);

  object_class->dispose = vp_participant_editor_dispose;
  object_class->finalize = vp_participant_editor_finalize;

  editor_class->load_item = vp_participant_editor_load_item;
  editor_class->validate = vp_participant_editor_validate;
  editor_class->build_item = vp_participant_editor_build_item;
  editor_class->save_item = vp_participant_editor_save_item;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-participant-editor.ui");
  vp_people_editor_class_bind_template (widget_class, _("New Participant"), _("Participant"));
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, new_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, travel_group);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, accommodation_group);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, dietary_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, accessibility_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor,
                                        consent_dietary_switch);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor,
                                        consent_accessibility_switch);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor,
                                        consent_emergency_switch);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, consent_hosts_switch);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor,
                                        consent_participants_switch);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, consent_given_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, consent_wording_row);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, leg_page);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantEditor, stay_page);
  gtk_widget_class_bind_template_callback (widget_class, leg_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, stay_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_leg_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_stay_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_organisation_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_organisation_applied_cb);
}

static void
vp_participant_editor_init (VpParticipantEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  g_type_ensure (VP_TYPE_TRAVEL_LEG_PAGE);
  g_type_ensure (VP_TYPE_STAY_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));
  vp_people_language_row_setup (self->language_row);
  vp_chooser_row_set_new_label (self->organisation_row, _("_New Organisation…"));
  gtk_widget_set_name (GTK_WIDGET (vp_chooser_row_get_value_label (self->organisation_row)),
                       "organisation-value");

  /* Typing starts with the name, not on the header's Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))));

  self->legs = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_travel_leg_free);
  self->stays = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_stay_free);
  self->leg_rows = g_ptr_array_new ();
  self->stay_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (names, roles[i] == VP_PARTICIPANT_ROLE_UNSET ?
                            C_("participant role", "Not set") : vp_people_role_name (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (names));
  vp_country_row_setup (self->country_row, TRUE);
  update_consent_rows (self);
}

static VpProgramme *
find_programme (VpStore *store,
                gint64   programme_id)
{
  GListModel *programmes = vp_store_get_programmes (store);
  guint n_items = g_list_model_get_n_items (programmes);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (vp_programme_get_id (programme) == programme_id)
        return g_steal_pointer (&programme);
    }

  return NULL;
}

/* Public {{{1 */

VpParticipantEditor *
vp_participant_editor_new (VpStore       *store,
                           gint64         programme_id,
                           VpParticipant *participant)
{
  VpParticipantEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (programme_id > 0, NULL);
  g_return_val_if_fail (participant == NULL || VP_IS_PARTICIPANT (participant), NULL);

  self = g_object_new (VP_TYPE_PARTICIPANT_EDITOR, NULL);
  self->programme = find_programme (store, programme_id);
  self->snapshot = vp_store_load_snapshot (store, programme_id, &error);
  self->organisations = g_object_ref (vp_store_get_organisations (store, programme_id));
  g_signal_connect_object (self->organisations, "items-changed",
                           G_CALLBACK (organisations_changed_cb), self, G_CONNECT_SWAPPED);
  update_organisation_choices (self);
  if (self->snapshot == NULL)
    g_warning ("Cannot load programme %" G_GINT64_FORMAT ": %s", programme_id, error->message);
  vp_people_editor_load (VP_PEOPLE_EDITOR (self), store, programme_id,
                         G_OBJECT (participant ? vp_participant_copy (participant)
                                               : vp_participant_new ()));

  return self;
}

VpParticipant *
vp_participant_editor_get_participant (VpParticipantEditor *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT_EDITOR (self), NULL);

  return get_participant (self);
}

gboolean
vp_participant_editor_flush (VpParticipantEditor *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT_EDITOR (self), FALSE);

  return vp_people_editor_flush (VP_PEOPLE_EDITOR (self));
}

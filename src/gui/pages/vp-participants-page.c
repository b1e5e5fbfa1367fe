/* vp-participants-page.c: a programme's participants in a sortable, searchable table. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-privacy.h"
#include "vp-people-fields.h"

/* The columns, in the order of the template. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_EMAIL,
  COLUMN_COUNTRY,
  COLUMN_ROLE,
  COLUMN_ARRIVAL,
  COLUMN_NEEDS,
  N_COLUMNS
} Column;

static const VpTableColumnPriority priorities[N_COLUMNS] = {
  [COLUMN_NAME] = VP_TABLE_COLUMN_ALWAYS,
  [COLUMN_ORGANISATION] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_EMAIL] = VP_TABLE_COLUMN_WIDE,
  [COLUMN_COUNTRY] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_ROLE] = VP_TABLE_COLUMN_WIDE,
  [COLUMN_ARRIVAL] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_NEEDS] = VP_TABLE_COLUMN_ALWAYS,
};

/* What runs long: the organisation's name and the email address. */
static const gboolean growing[N_COLUMNS] = {
  [COLUMN_ORGANISATION] = TRUE,
  [COLUMN_EMAIL] = TRUE,
};

/* What the table shows and sorts by that takes some working out. */
typedef struct
{
  char   *organisation_key;
  char   *country_key;
  char   *arrival;
  gint64  arrival_utc;
  char   *needs;
} Row;

struct _VpParticipantsPage
{
  VpTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (VpParticipantsPage, vp_participants_page, VP_TYPE_TABLE_PAGE)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->organisation_key);
  g_free (row->country_key);
  g_free (row->arrival);
  g_free (row->needs);
  g_free (row);
}

/* VpTablePage {{{1 */

static GListModel *
vp_participants_page_get_model (VpTablePage *page,
                                VpStore     *store,
                                gint64       programme_id)
{
  return vp_store_get_participants (store, programme_id);
}

/* What the Needs column says of someone with dietary or access needs. */
static const char *
needs_text (gboolean dietary,
            gboolean access)
{
  if (dietary && access)
    return _("Dietary, access");
  return dietary ? _("Dietary") : _("Access");
}

static gpointer
vp_participants_page_prepare_item (VpTablePage *page,
                                   GObject     *item)
{
  VpParticipant *participant = VP_PARTICIPANT (item);
  Row *row = g_new0 (Row, 1);
  GPtrArray *travel = vp_participant_get_travel (participant);
  const char *dietary = vp_participant_get_dietary (participant);
  const char *accessibility = vp_participant_get_accessibility (participant);
  const char *country = vp_participant_get_country (participant);
  gboolean has_dietary = dietary != NULL && *dietary != '\0';
  gboolean has_access = accessibility != NULL && *accessibility != '\0';

  row->organisation_key = vp_people_collate_key (vp_participant_get_organisation (participant));
  row->country_key = vp_people_collate_key (country ? vp_people_country_display (country) : NULL);

  row->arrival_utc = G_MAXINT64;
  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);

      if (leg->arrive != NULL)
        {
          row->arrival = vp_people_format_local_time (leg->arrive);
          row->arrival_utc = leg->arrive_utc;
          break;
        }
    }

  /* Only that there is something to know: the text itself is personal. */
  if (has_dietary || has_access)
    row->needs = g_strdup (needs_text (has_dietary, has_access));

  return row;
}

static char *
vp_participants_page_dup_search_text (VpTablePage *page,
                                      GObject     *item)
{
  VpParticipant *participant = VP_PARTICIPANT (item);
  const char *country = vp_participant_get_country (participant);

  return g_strjoin ("\n",
                    vp_participant_get_name (participant) ?: "",
                    vp_participant_get_email (participant) ?: "",
                    vp_participant_get_organisation (participant) ?: "",
                    country ?: "",
                    vp_people_country_display (country),
                    NULL);
}

static void
vp_participants_page_setup_cell (VpTablePage    *page,
                                 guint           column,
                                 GtkInscription *cell)
{
  if (column == COLUMN_ARRIVAL)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
}

static void
vp_participants_page_bind_cell (VpTablePage    *page,
                                guint           column,
                                GObject        *item,
                                GtkInscription *cell)
{
  VpParticipant *participant = VP_PARTICIPANT (item);
  Row *row = vp_table_page_get_item_data (page, item);
  const char *text = NULL;

  switch ((Column) column)
    {
    case COLUMN_NAME:
      text = vp_participant_get_name (participant);
      break;
    case COLUMN_ORGANISATION:
      text = vp_participant_get_organisation (participant);
      break;
    case COLUMN_EMAIL:
      text = vp_participant_get_email (participant);
      break;
    case COLUMN_COUNTRY:
      text = vp_people_country_display (vp_participant_get_country (participant));
      break;
    case COLUMN_ROLE:
      text = vp_people_role_name (vp_participant_get_role (participant));
      break;
    case COLUMN_ARRIVAL:
      text = row ? row->arrival : NULL;
      break;
    case COLUMN_NEEDS:
      text = row ? row->needs : NULL;
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (cell, text);
}

static int
vp_participants_page_compare (VpTablePage *page,
                              guint        column,
                              GObject     *a,
                              GObject     *b)
{
  VpParticipant *participant_a = VP_PARTICIPANT (a);
  VpParticipant *participant_b = VP_PARTICIPANT (b);
  Row *row_a = vp_table_page_get_item_data (page, a);
  Row *row_b = vp_table_page_get_item_data (page, b);

  switch ((Column) column)
    {
    case COLUMN_NAME:
      return 0;
    case COLUMN_ORGANISATION:
      return strcmp (row_a->organisation_key, row_b->organisation_key);
    case COLUMN_EMAIL:
      {
        const char *email_a = vp_participant_get_email (participant_a);
        const char *email_b = vp_participant_get_email (participant_b);

        if (email_a == NULL || email_b == NULL)
          return (email_a == NULL) - (email_b == NULL);
        return g_ascii_strcasecmp (email_a, email_b);
      }
    case COLUMN_COUNTRY:
      return strcmp (row_a->country_key, row_b->country_key);
    case COLUMN_ROLE:
      {
        VpParticipantRole role_a = vp_participant_get_role (participant_a);
        VpParticipantRole role_b = vp_participant_get_role (participant_b);

        if (role_a == VP_PARTICIPANT_ROLE_UNSET || role_b == VP_PARTICIPANT_ROLE_UNSET)
          return (role_a == VP_PARTICIPANT_ROLE_UNSET) - (role_b == VP_PARTICIPANT_ROLE_UNSET);
        return g_utf8_collate (vp_people_role_name (role_a), vp_people_role_name (role_b));
      }
    case COLUMN_ARRIVAL:
      return (row_a->arrival_utc > row_b->arrival_utc) - (row_a->arrival_utc < row_b->arrival_utc);
    case COLUMN_NEEDS:
      /* Those with needs first: that is what one sorts by this column for. */
      if ((row_a->needs == NULL) != (row_b->needs == NULL))
        return (row_a->needs == NULL) - (row_b->needs == NULL);
      return g_strcmp0 (row_a->needs, row_b->needs);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
vp_participants_page_delete_items (VpTablePage   *page,
                                   const gint64  *ids,
                                   guint          n_ids,
                                   GError       **error)
{
  return vp_store_delete_participants (vp_table_page_get_store (page),
                                       vp_table_page_get_programme_id (page),
                                       ids, n_ids, error);
}

/* Deleting a participant takes them off the sessions they attend: say
 * which (not those for everyone, which stay as they are). */
static gboolean
vp_participants_page_ask_delete (VpTablePage  *page,
                                 GPtrArray    *items,
                                 char        **heading,
                                 char        **body)
{
  GListModel *sessions = vp_store_get_sessions (vp_table_page_get_store (page),
                                                vp_table_page_get_programme_id (page));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (sessions); i < n; i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);
      GPtrArray *attendees = vp_session_get_attendees (session);

      if (vp_session_get_attendees_all (session))
        continue;
      for (guint j = 0; j < attendees->len; j++)
        if (vp_table_page_items_have_ref (items, g_ptr_array_index (attendees, j)))
          {
            g_ptr_array_add (names, g_strdup (vp_session_get_title (session)));
            break;
          }
    }
  if (names->len == 0)
    return FALSE;

  list = vp_table_page_join_names (names);
  if (items->len == 1)
    *heading = g_strdup_printf (_("Delete “%s”?"),
                                vp_participant_get_name (g_ptr_array_index (items, 0)));
  else
    *heading = g_strdup_printf (ngettext ("Delete %u Participant?", "Delete %u Participants?",
                                          items->len), items->len);
  /* Translators: the body of the question before deleting participants;
   * %s names the sessions. */
  *body = g_strdup_printf (ngettext ("Attending %u session: %s. The deletion takes them off it.",
                                     "Attending %u sessions: %s. The deletion takes them off "
                                     "them.", names->len), names->len, list);
  return TRUE;
}

static char *
vp_participants_page_dup_deleted_title (VpTablePage *page,
                                        guint        n_items)
{
  /* Translators: in a toast, with an Undo button. */
  return g_strdup_printf (ngettext ("%u participant deleted", "%u participants deleted", n_items),
                          n_items);
}

static const char *
vp_participants_page_get_delete_label (VpTablePage *page,
                                       guint        n_items)
{
  /* Translators: the name of a change, as in “Undo Delete Participant”. */
  return n_items == 1 ? _("Delete Participant") : _("Delete Participants");
}

static VpPeopleEditor *
vp_participants_page_create_editor (VpTablePage *page,
                                    GObject     *item)
{
  return VP_PEOPLE_EDITOR (vp_participant_editor_new (vp_table_page_get_store (page),
                                                      vp_table_page_get_programme_id (page),
                                                      item ? VP_PARTICIPANT (item) : NULL));
}

/* Erasing a person {{{1 */

static void
show_toast (VpParticipantsPage *self,
            const char         *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_warning ("%s", title);
}

static void
erase_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   VpParticipantsPage *self)
{
  const char *email = g_object_get_data (G_OBJECT (dialog), "vp-email");
  const char *name = g_object_get_data (G_OBJECT (dialog), "vp-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "erase"))
    return;

  if (!vp_store_erase_person (vp_table_page_get_store (VP_TABLE_PAGE (self)), email, &error))
    message = g_strdup_printf (_("Cannot erase: %s"), error->message);
  else
    /* Translators: in a toast, a person's name */
    message = g_strdup_printf (_("“%s” erased everywhere"), name);
  show_toast (self, message);
}

/* Asks first, naming everything that goes, in every programme. */
static void
erase_person_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (widget);
  VpStore *store = vp_table_page_get_store (VP_TABLE_PAGE (self));
  g_autoptr(GPtrArray) items = vp_table_page_dup_selected_items (VP_TABLE_PAGE (self));
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  VpParticipant *participant;
  const char *email;
  GtkWidget *dialog;

  if (items == NULL || items->len != 1)
    {
      show_toast (self, _("Select the one participant to erase"));
      return;
    }
  participant = g_ptr_array_index (items, 0);
  email = vp_participant_get_email (participant);
  if (email == NULL)
    {
      /* Translators: a participant's name */
      heading = g_strdup_printf (_("“%s” Has No Email Address"),
                                 vp_participant_get_name (participant));
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                       _("A person is found in every programme by their email "
                                         "address. Delete takes this participant out of this "
                                         "programme."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  snapshots = vp_store_load_person (store, email, &error);
  if (snapshots == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot erase: %s"), error->message);

      show_toast (self, message);
      return;
    }
  lines = vp_privacy_describe_person (snapshots, email);

  /* Translators: a person's email address */
  g_string_append_printf (body, _("Everything held about %s goes, in every programme, from the "
                                  "database, its backups and its log. It cannot be undone:"),
                          email);
  g_string_append_c (body, '\n');
  for (guint i = 0; i < lines->len; i++)
    /* Translators: an item of a list */
    g_string_append_printf (body, _("\n• %s"), (const char *) g_ptr_array_index (lines, i));

  /* Translators: a participant's name */
  heading = g_strdup_printf (_("Erase “%s” Everywhere?"), vp_participant_get_name (participant));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase Everywhere"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vp-email", g_strdup (email), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "vp-name",
                          g_strdup (vp_participant_get_name (participant)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject {{{1 */

/* Every text of the roles: the column fits the longest. */
static GStrv
vp_participants_page_dup_column_values (VpTablePage *page,
                                        guint        column)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (column == COLUMN_NEEDS)
    {
      const char *needs[] = {
        needs_text (TRUE, TRUE), needs_text (TRUE, FALSE), needs_text (FALSE, TRUE), NULL
      };

      return g_strdupv ((GStrv) needs);
    }
  if (column != COLUMN_ROLE)
    return NULL;

  builder = g_strv_builder_new ();
  for (VpParticipantRole value = VP_PARTICIPANT_ROLE_CLUSTER_MANAGER;
       value <= VP_PARTICIPANT_ROLE_OTHER; value++)
    g_strv_builder_add (builder, vp_people_role_name (value));
  return g_strv_builder_end (builder);
}

static void
vp_participants_page_class_init (VpParticipantsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpTablePageClass *page_class = VP_TABLE_PAGE_CLASS (klass);

  page_class->get_model = vp_participants_page_get_model;
  page_class->prepare_item = vp_participants_page_prepare_item;
  page_class->free_item_data = row_free;
  page_class->dup_search_text = vp_participants_page_dup_search_text;
  page_class->setup_cell = vp_participants_page_setup_cell;
  page_class->bind_cell = vp_participants_page_bind_cell;
  page_class->compare = vp_participants_page_compare;
  page_class->dup_column_values = vp_participants_page_dup_column_values;
  page_class->delete_items = vp_participants_page_delete_items;
  page_class->dup_deleted_title = vp_participants_page_dup_deleted_title;
  page_class->get_delete_label = vp_participants_page_get_delete_label;
  page_class->ask_delete = vp_participants_page_ask_delete;
  page_class->create_editor = vp_participants_page_create_editor;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-participants-page.ui");
  vp_table_page_class_install_actions (page_class, "participants");
  gtk_widget_class_install_action (widget_class, "participants.erase-person", NULL,
                                   erase_person_action);
  vp_table_page_class_set_priorities (page_class, priorities, N_COLUMNS);
  vp_table_page_class_set_growing (page_class, growing);
}

static void
vp_participants_page_init (VpParticipantsPage *self)
{
  GtkWidget *delete_button;
  GtkWidget *erase_button;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* beside Delete, which takes a participant out of this programme: Erase
   * takes the person out of every one, and out of the database's copies */
  delete_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                            VP_TYPE_TABLE_PAGE,
                                                            "delete_button"));
  erase_button = gtk_button_new_from_icon_name ("edit-clear-all-symbolic");
  gtk_widget_set_name (erase_button, "erase-person-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (erase_button), "participants.erase-person");
  gtk_widget_set_tooltip_text (erase_button, _("Erase the Selected Person Everywhere…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (erase_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Erase the Selected Person Everywhere"), -1);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (delete_button)), erase_button,
                              delete_button);
}

/* Public {{{1 */

GtkWidget *
vp_participants_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_PARTICIPANTS_PAGE, "context", context, NULL);
}

static gboolean
has_email_or_ref (GObject       *item,
                  gconstpointer  data)
{
  const char *email_or_ref = data;
  const char *email = vp_participant_get_email (VP_PARTICIPANT (item));

  return g_strcmp0 (vp_participant_get_ref (VP_PARTICIPANT (item)), email_or_ref) == 0 ||
         (email != NULL && g_ascii_strcasecmp (email, email_or_ref) == 0);
}

gboolean
vp_participants_page_show_participant (VpParticipantsPage *self,
                                       const char         *email_or_ref)
{
  g_return_val_if_fail (VP_IS_PARTICIPANTS_PAGE (self), FALSE);
  g_return_val_if_fail (email_or_ref != NULL, FALSE);

  return vp_table_page_show_first_match (VP_TABLE_PAGE (self), has_email_or_ref, email_or_ref);
}

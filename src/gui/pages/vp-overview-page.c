/* vp-overview-page.c: a programme's fields, editable in place; its counts, problems and budget. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vp-checks.h"
#include "vp-chooser-row.h"
#include "vp-combo-rows.h"
#include "vp-cxc-rules.h"
#include "vp-evidence.h"
#include "vp-country-row.h"
#include "vp-date-row.h"
#include "vp-format.h"
#include "vp-overview-page.h"
#include "vp-people-fields.h"
#include "vp-privacy.h"
#include "vp-problem-item.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-values.h"
#include "vp-zone-row.h"

/* How long typing may pause before the edit is saved, in milliseconds. */
#define SAVE_DELAY 500
/* Problems and budget lines shown here; the Checks and Participants pages
 * have them all. */
#define MAX_PROBLEMS 5
#define MAX_BUDGET_LINES 8

struct _VpOverviewPage
{
  AdwBin                parent_instance;

  VpProgrammeContext   *context;
  VpStore              *store;         /* the context's */

  VpProgramme          *programme;     /* as stored */
  VpProgramme          *pending;       /* edits not saved yet */
  VpProgramme          *pending_read;  /* the programme they were made on */
  guint                 save_source;
  gboolean              updating;
  gboolean              stale;         /* written while hidden: read when shown */
  GPtrArray            *problem_rows;
  GPtrArray            *budget_rows;
  GtkStringList        *statuses;

  /* Template widgets */
  AdwPreferencesPage   *preferences_page;
  GtkLabel             *heading_label;
  GtkLabel             *dates_label;
  GtkLabel             *status_label;
  AdwEntryRow          *title_row;
  AdwComboRow          *status_row;
  GtkTextView          *description_view;
  VpChooserRow         *country_row;
  VpChooserRow         *zone_row;
  VpDateRow            *start_row;
  VpDateRow            *end_row;
  GtkLabel             *days_label;
  AdwEntryRow          *visiting_cluster_row;
  AdwEntryRow          *host_cluster_row;
  AdwEntryRow          *coordinator_name_row;
  AdwEntryRow          *coordinator_email_row;
  AdwEntryRow          *origin_city_row;
  AdwEntryRow          *latitude_row;
  AdwEntryRow          *longitude_row;
  AdwEntryRow          *lump_sum_row;
  AdwEntryRow          *lump_sum_override_row;
  AdwEntryRow          *goals_row;
  AdwEntryRow          *objectives_row;
  AdwEntryRow          *evidence_due_row;
  GtkLabel             *participants_label;
  GtkLabel             *hosts_label;
  GtkLabel             *sessions_label;
  AdwPreferencesGroup  *problems_group;
  AdwPreferencesGroup  *budget_group;
  AdwActionRow         *retention_row;
  GtkLabel             *retention_label;
  GtkButton            *retention_reset_button;
  GtkMenuButton        *retention_button;
  GtkCalendar          *retention_calendar;
  AdwActionRow         *purge_row;
  GtkButton            *purge_button;

  /* retention-months: how long a programme without a date of its own
   * keeps its personal data */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (VpOverviewPage, vp_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (VpOverviewPage *self);

/* Helpers {{{1 */

static VpProgramme *
lookup_programme (VpOverviewPage *self)
{
  GListModel *model = vp_store_get_programmes (self->store);
  guint n_items = g_list_model_get_n_items (model);
  gint64 programme_id = vp_programme_context_get_programme_id (self->context);

  if (programme_id == 0)
    return NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (model, i);

      if (vp_programme_get_id (programme) == programme_id)
        return g_steal_pointer (&programme);
    }

  return NULL;
}

static void
show_toast (VpOverviewPage *self,
            const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_warning ("%s", title);
}

/* The message beside the row, in red under it (and its tooltip), as in
 * every editor. */
static void
set_error (GtkWidget  *row,
           const char *message)
{
  vp_people_set_error (row, message);
}

/* A value, or a dimmed “Not set” in its place. */
static void
set_value (GtkLabel   *label,
           const char *value)
{
  if (value != NULL && *value != '\0')
    {
      gtk_label_set_label (label, value);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_label (label, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static char *
get_trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_typing_in (AdwEntryRow *row)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  return delegate != NULL && gtk_widget_has_focus (GTK_WIDGET (delegate));
}

/* Shows the stored value, but leaves alone what is being typed when it
 * only differs in white space the store trimmed. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *value)
{
  g_autofree char *text = get_trimmed_text (row);

  if (value == NULL)
    value = "";
  if (is_typing_in (row) && g_strcmp0 (text, value) == 0)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  set_error (GTK_WIDGET (row), NULL);
}

static char *
format_number (double value)
{
  char *text = vp_value_format_decimal (value);

  return text != NULL ? text : g_strdup ("");
}

/* What a number field holds, read by its own rule; NAN when it is empty
 * or not a number yet. */
static double
parse_number_row (VpOverviewPage *self,
                  AdwEntryRow    *row)
{
  g_autofree char *text = get_trimmed_text (row);
  double value = NAN;

  if (*text == '\0')
    return NAN;
  if (row == self->latitude_row)
    vp_value_parse_coordinate (VP_COORDINATE_LATITUDE, text, &value, NULL);
  else if (row == self->longitude_row)
    vp_value_parse_coordinate (VP_COORDINATE_LONGITUDE, text, &value, NULL);
  else
    vp_value_parse_amount (text, &value, NULL);
  return value;
}

/* Shows a stored number, but leaves alone what is being typed when it
 * reads as that number (“-3,4” while the store says -3.4) or is not a
 * number yet, so that the autosave neither rewrites the field under the
 * user's hands nor moves their cursor. */
static void
set_number_text (VpOverviewPage *self,
                 AdwEntryRow    *row,
                 double          value)
{
  g_autofree char *text = format_number (value);

  if (is_typing_in (row))
    {
      g_autofree char *typed = get_trimmed_text (row);
      g_autofree char *typed_text = format_number (parse_number_row (self, row));

      /* what is not a number yet (“-3,”) waits, with its error, until it is */
      if (g_strcmp0 (typed_text, text) == 0 || (*typed != '\0' && *typed_text == '\0'))
        return;
    }
  set_entry_text (row, text);
}

/* Strictly YYYY-MM-DD from a calendar's day. */
static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
select_calendar_day (GtkCalendar *calendar,
                     const char  *date)
{
  g_autoptr(GDateTime) day = NULL;
  GDate parsed;

  if (!vp_format_parse_date (date, &parsed))
    return;

  day = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                               g_date_get_day (&parsed), 12, 0, 0);
  gtk_calendar_select_day (calendar, day);
}

static char *
add_days (const char *date,
          int         days)
{
  GDate parsed;
  char buffer[16];

  if (!vp_format_parse_date (date, &parsed))
    return NULL;

  if (days >= 0)
    g_date_add_days (&parsed, days);
  else
    g_date_subtract_days (&parsed, -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &parsed);
  return g_strdup (buffer);
}

/* Saving {{{1 */

static VpProgramme *
get_pending (VpOverviewPage *self)
{
  if (self->pending == NULL && self->programme != NULL)
    {
      self->pending = vp_programme_copy (self->programme);
      g_set_object (&self->pending_read, self->programme);
    }

  return self->pending;
}

void
vp_overview_page_flush (VpOverviewPage *self)
{
  g_autoptr(VpProgramme) pending = NULL;
  g_autoptr(VpProgramme) read = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VP_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  pending = g_steal_pointer (&self->pending);
  read = g_steal_pointer (&self->pending_read);
  if (pending == NULL)
    return;

  /* saved only over the programme the edits were made on */
  if (!vp_history_save (vp_programme_context_get_history (self->context), self->store, 0,
                        G_OBJECT (pending), G_OBJECT (read), _("Edit Programme"), NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot save the programme: %s"),
                                                  error->message);

      show_toast (self, message);
      reload (self);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (user_data);

  self->save_source = 0;
  vp_overview_page_flush (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (VpOverviewPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY, save_timeout_cb, self);
}

/* Latitude and longitude are given together or not at all. */
static gboolean
validate_position (VpOverviewPage *self,
                   double         *latitude,
                   double         *longitude)
{
  g_autofree char *lat_text = get_trimmed_text (self->latitude_row);
  g_autofree char *lon_text = get_trimmed_text (self->longitude_row);
  g_autoptr(GError) lat_value_error = NULL;
  g_autoptr(GError) lon_value_error = NULL;
  const char *lat_error = NULL, *lon_error = NULL;

  *latitude = NAN;
  *longitude = NAN;

  /* the rules of values (vp-values.h) */
  if (*lat_text != '\0' && !vp_value_parse_coordinate (VP_COORDINATE_LATITUDE, lat_text, latitude,
                                                       &lat_value_error))
    lat_error = lat_value_error->message;
  if (*lon_text != '\0' && !vp_value_parse_coordinate (VP_COORDINATE_LONGITUDE, lon_text, longitude,
                                                       &lon_value_error))
    lon_error = lon_value_error->message;
  if (lat_error == NULL && lon_error == NULL)
    {
      if (*lat_text == '\0' && *lon_text != '\0')
        lat_error = _("Give the latitude as well, or neither");
      else if (*lat_text != '\0' && *lon_text == '\0')
        lon_error = _("Give the longitude as well, or neither");
    }

  set_error (GTK_WIDGET (self->latitude_row), lat_error);
  set_error (GTK_WIDGET (self->longitude_row), lon_error);

  return lat_error == NULL && lon_error == NULL;
}

/* Checks what @row holds; when it is valid, puts it on the pending copy.
 * Returns whether it was. */
static gboolean
apply_entry (VpOverviewPage *self,
             AdwEntryRow    *row)
{
  g_autofree char *text = get_trimmed_text (row);
  const char *value = *text != '\0' ? text : NULL;
  g_autoptr(GError) value_error = NULL;
  g_autofree char *cap_message = NULL;
  const char *message = NULL;
  VpProgramme *pending;

  if (row == self->latitude_row || row == self->longitude_row)
    {
      double latitude, longitude;

      if (!validate_position (self, &latitude, &longitude))
        return FALSE;
      if ((pending = get_pending (self)) != NULL)
        vp_programme_set_origin_position (pending, latitude, longitude);
      return TRUE;
    }

  if (row == self->title_row && vp_text_is_blank (value))
    message = _("A programme needs a title");
  else if (row == self->coordinator_email_row && value != NULL &&
           !vp_value_check_email (value, &value_error))
    message = value_error->message;
  else if (row == self->evidence_due_row && value != NULL &&
           !vp_value_check_date (value, NULL, &value_error))
    message = value_error->message;
  else if ((row == self->lump_sum_row || row == self->lump_sum_override_row) && value != NULL)
    {
      double amount;

      if (!vp_value_parse_amount (value, &amount, &value_error))
        message = value_error->message;
      else if (row == self->lump_sum_override_row && amount > vp_cxc_rules_get ()->cap_eur)
        {
          g_autofree char *cap = vp_format_euros (vp_cxc_rules_get ()->cap_eur);

          /* Translators: %s is an amount, as in “1100.00 EUR” */
          cap_message = g_strdup_printf (_("More than the scheme’s cap of %s per visiting "
                                           "organisation"), cap);
          message = cap_message;
        }
    }

  set_error (GTK_WIDGET (row), message);
  if (message != NULL || (pending = get_pending (self)) == NULL)
    return FALSE;

  if (row == self->title_row)
    vp_programme_set_title (pending, value);
  else if (row == self->visiting_cluster_row)
    vp_programme_set_visiting_cluster (pending, value);
  else if (row == self->host_cluster_row)
    vp_programme_set_host_cluster (pending, value);
  else if (row == self->coordinator_name_row)
    vp_programme_set_coordinator_name (pending, value);
  else if (row == self->coordinator_email_row)
    vp_programme_set_coordinator_email (pending, value);
  else if (row == self->origin_city_row)
    vp_programme_set_origin_city (pending, value);
  else if (row == self->lump_sum_row)
    {
      double amount = NAN;

      if (value != NULL)
        vp_value_parse_amount (value, &amount, NULL);
      vp_programme_set_lump_sum_eur (pending, amount);
    }
  else if (row == self->lump_sum_override_row)
    {
      double amount = NAN;

      if (value != NULL)
        vp_value_parse_amount (value, &amount, NULL);
      vp_programme_set_lump_sum_override_eur (pending, amount);
    }
  else if (row == self->goals_row)
    vp_programme_set_goals (pending, value);
  else if (row == self->objectives_row)
    vp_programme_set_objectives (pending, value);
  else if (row == self->evidence_due_row)
    vp_programme_set_evidence_due (pending, value);
  else
    g_assert_not_reached ();

  return TRUE;
}

static void
entry_changed_cb (AdwEntryRow    *row,
                  VpOverviewPage *self)
{
  if (self->updating || self->programme == NULL)
    return;

  if (apply_entry (self, row))
    schedule_save (self);
}

static void
entry_activated_cb (AdwEntryRow    *row,
                    VpOverviewPage *self)
{
  if (self->save_source != 0)
    vp_overview_page_flush (self);
}

static void
description_changed_cb (GtkTextBuffer  *buffer,
                        VpOverviewPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  VpProgramme *pending;

  if (self->updating || (pending = get_pending (self)) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  vp_programme_set_description (pending, *text != '\0' ? text : NULL);
  schedule_save (self);
}

static void
status_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    VpOverviewPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  VpProgramme *pending;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION ||
      (pending = get_pending (self)) == NULL)
    return;

  vp_programme_set_status (pending, (VpProgrammeStatus) selected);
  vp_overview_page_flush (self);
}

static void
country_changed_cb (VpChooserRow   *row,
                    GParamSpec     *pspec,
                    VpOverviewPage *self)
{
  const char *country = vp_country_row_get_code (row);
  VpProgramme *pending;
  const char *old_zone, *old_country;

  if (self->updating || country == NULL || (pending = get_pending (self)) == NULL)
    return;

  /* The zone follows the country, unless someone chose another one. */
  old_country = vp_programme_get_host_country (pending);
  old_zone = vp_programme_get_timezone (pending);
  if (vp_format_country_zone (country) != NULL &&
      (old_zone == NULL || g_strcmp0 (old_zone, vp_format_country_zone (old_country)) == 0))
    vp_programme_set_timezone (pending, vp_format_country_zone (country));

  vp_programme_set_host_country (pending, country);
  vp_overview_page_flush (self);
}

static void
zone_changed_cb (VpChooserRow   *row,
                 GParamSpec     *pspec,
                 VpOverviewPage *self)
{
  VpProgramme *pending;

  if (self->updating || (pending = get_pending (self)) == NULL)
    return;

  vp_programme_set_timezone (pending, vp_chooser_row_get_value (row));
  vp_overview_page_flush (self);
}

static void
calendar_day_selected_cb (GtkCalendar    *calendar,
                          VpOverviewPage *self)
{
  g_autofree char *date = calendar_date (calendar);
  VpProgramme *pending;

  if (self->updating || (pending = get_pending (self)) == NULL)
    return;

  g_assert (calendar == self->retention_calendar);
  vp_programme_set_retention_until (pending, date);
  vp_overview_page_flush (self);
}

/* The first or last day, chosen in the rows' calendars. */
static void
date_changed_cb (VpDateRow      *row,
                 GParamSpec     *pspec,
                 VpOverviewPage *self)
{
  const char *date = vp_date_row_get_date (row);
  VpProgramme *pending;
  const char *start, *end;

  if (self->updating || date == NULL || (pending = get_pending (self)) == NULL)
    return;

  start = vp_programme_get_start_date (pending);
  end = vp_programme_get_end_date (pending);

  if (row == self->start_row)
    {
      /* Moving the first day moves the whole visit: its length stays. */
      guint n_days = vp_format_count_days (start, end);
      g_autofree char *new_end = add_days (date, n_days > 0 ? (int) n_days - 1 : 0);

      vp_programme_set_start_date (pending, date);
      vp_programme_set_end_date (pending, new_end);
      set_error (GTK_WIDGET (self->end_row), NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      GDate first, last;

      /* the rules of values (vp-values.h) */
      if (vp_value_check_date (start != NULL ? start : "", &first, NULL) &&
          vp_value_check_date (date, &last, NULL) &&
          !vp_value_check_days (VP_SPAN_PROGRAMME, &first, &last, &error))
        {
          set_error (GTK_WIDGET (self->end_row), error->message);
          g_clear_object (&self->pending);
  g_clear_object (&self->pending_read);
          return;
        }

      set_error (GTK_WIDGET (self->end_row), NULL);
      vp_programme_set_end_date (pending, date);
    }

  vp_overview_page_flush (self);
}

/* Privacy {{{1 */

static guint
retention_months (VpOverviewPage *self)
{
  return g_settings_get_uint (self->settings, "retention-months");
}

static void
retention_reset_clicked_cb (GtkButton      *button,
                            VpOverviewPage *self)
{
  VpProgramme *pending;

  if (self->updating || (pending = get_pending (self)) == NULL)
    return;

  vp_programme_set_retention_until (pending, NULL);
  vp_overview_page_flush (self);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   VpOverviewPage   *self)
{
  GPtrArray *programmes = g_object_get_data (G_OBJECT (dialog), "vp-purge");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "purge"))
    return;

  vp_overview_page_flush (self);
  if (!vp_store_purge (self->store, programmes, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot purge: %s"), error->message);

      show_toast (self, message);
      return;
    }
  show_toast (self, _("Personal data purged"));
}

/* Asks first, naming what goes from whom. */
static void
purge_clicked_cb (GtkButton      *button,
                  VpOverviewPage *self)
{
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VpPurgeProgramme *programme;
  GtkWidget *dialog;
  g_autofree char *day = NULL;

  programmes = vp_store_list_purge (self->store,
                                    vp_programme_context_get_programme_id (self->context),
                                    retention_months (self), NULL, &error);
  if (programmes == NULL || programmes->len == 0)
    {
      show_toast (self, error != NULL ? error->message : _("Nothing left to purge"));
      return;
    }

  programme = g_ptr_array_index (programmes, 0);
  day = vp_format_date_long (programme->retention_until);
  g_string_append_printf (body,
                          /* Translators: a day, then a list of people and what of them goes */
                          _("The personal data of this programme was kept until %s. Purging "
                            "erases it for good, from the database and its backups:"),
                          day);
  g_string_append_c (body, '\n');
  for (guint i = 0; i < programme->people->len; i++)
    {
      VpPurgePerson *person = g_ptr_array_index (programme->people, i);
      g_autofree char *items = NULL;

      g_ptr_array_add (person->items, NULL);
      items = g_strjoinv (", ", (char **) person->items->pdata);
      g_ptr_array_remove_index (person->items, person->items->len - 1);
      /* Translators: a name and what of that person a purge erases */
      g_string_append_printf (body, _("\n• %s: %s"), person->name, items);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Their names, organisations and who attended what stay for the "
                           "funder’s record."));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Purge Personal Data?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "purge", _("_Purge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "purge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vp-purge", g_steal_pointer (&programmes),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The retention date (the programme's, or the default period after its
 * last day) and whether a purge has anything to do. */
static void
update_privacy (VpOverviewPage *self)
{
  VpProgramme *programme = self->programme;
  const char *own = vp_programme_get_retention_until (programme);
  guint months = retention_months (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *purge_subtitle = NULL;
  g_autofree char *day_text = NULL;
  gboolean can_purge = FALSE;
  GDate until;
  char day[16] = "";

  if (vp_privacy_get_retention_date (programme, months, &until))
    g_date_strftime (day, sizeof day, "%Y-%m-%d", &until);
  day_text = *day != '\0' ? vp_format_date_long (day) : NULL;
  set_value (self->retention_label, day_text);
  select_calendar_day (self->retention_calendar, day);
  gtk_widget_set_visible (GTK_WIDGET (self->retention_reset_button), own != NULL);
  if (own != NULL)
    subtitle = g_strdup (_("Set for this programme"));
  else
    subtitle = g_strdup_printf (ngettext ("%u month after the last day (the default, in "
                                          "Preferences)",
                                          "%u months after the last day (the default, in "
                                          "Preferences)", months),
                                months);
  adw_action_row_set_subtitle (self->retention_row, subtitle);

  if (!vp_privacy_retention_has_passed (programme, months, NULL))
    /* Translators: a day */
    purge_subtitle = g_strdup_printf (_("Possible after %s"), day_text ? day_text : "");
  else
    {
      g_autoptr(GPtrArray) programmes =
        vp_store_list_purge (self->store, vp_programme_get_id (programme), months, NULL, NULL);
      guint people = programmes != NULL && programmes->len > 0
        ? ((VpPurgeProgramme *) g_ptr_array_index (programmes, 0))->people->len
        : 0;

      can_purge = people > 0;
      purge_subtitle = people > 0
        ? g_strdup_printf (ngettext ("The day has passed: %u participant still has personal "
                                     "data here",
                                     "The day has passed: %u participants still have personal "
                                     "data here", people),
                           people)
        : g_strdup (_("Nothing left to purge"));
    }
  adw_action_row_set_subtitle (self->purge_row, purge_subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->purge_button), can_purge);
}

static void
retention_months_changed_cb (VpOverviewPage *self,
                             const char     *key,
                             GSettings      *settings)
{
  if (self->programme == NULL)
    return;
  /* the calendar shows the new day without taking it as an edit */
  self->updating = TRUE;
  update_privacy (self);
  self->updating = FALSE;
}

/* Showing {{{1 */

static void
set_count (GtkLabel *label,
           gboolean  known,
           guint     count)
{
  g_autofree char *text = known ? g_strdup_printf ("%u", count) : NULL;

  set_value (label, text);
}

static void
update_counts (VpOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n_hosts = 0, n_participants = 0, n_sessions = 0;
  gboolean known;

  known = vp_store_count_programme (self->store,
                                    vp_programme_context_get_programme_id (self->context),
                                    &n_hosts, &n_participants, &n_sessions, &error);
  if (!known)
    g_warning ("Cannot count the programme: %s", error->message);

  set_count (self->participants_label, known, n_participants);
  set_count (self->hosts_label, known, n_hosts);
  set_count (self->sessions_label, known, n_sessions);
}

static void
update_fields (VpOverviewPage *self)
{
  VpProgramme *programme = self->programme;
  const char *start_date = vp_programme_get_start_date (programme);
  const char *end_date = vp_programme_get_end_date (programme);
  const char *description = vp_programme_get_description (programme);
  VpProgrammeStatus status = vp_programme_get_status (programme);
  g_autofree char *dates = vp_format_date_range (start_date, end_date);
  g_autofree char *days = NULL;
  guint n_days = vp_format_count_days (start_date, end_date);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *old_description = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;

  gtk_label_set_label (self->heading_label, vp_programme_get_title (programme));
  gtk_label_set_label (self->dates_label, dates ? dates : "");
  for (VpProgrammeStatus s = VP_PROGRAMME_STATUS_DRAFT; s <= VP_PROGRAMME_STATUS_CANCELLED; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), vp_format_status_css_class (s));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), vp_format_status_css_class (status));
  gtk_label_set_label (self->status_label, vp_format_status (status));

  set_entry_text (self->title_row, vp_programme_get_title (programme));
  adw_combo_row_set_selected (self->status_row, status);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  old_description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->description_view)) &&
      g_strcmp0 (old_description, description ? description : "") != 0)
    gtk_text_buffer_set_text (buffer, description ? description : "", -1);

  vp_country_row_set_code (self->country_row, vp_programme_get_host_country (programme));
  vp_chooser_row_set_value (self->zone_row, vp_programme_get_timezone (programme));

  vp_date_row_set_date (self->start_row, start_date);
  vp_date_row_set_date (self->end_row, end_date);
  if (n_days > 0)
    days = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
  set_value (self->days_label, days);

  set_entry_text (self->visiting_cluster_row, vp_programme_get_visiting_cluster (programme));
  set_entry_text (self->host_cluster_row, vp_programme_get_host_cluster (programme));
  set_entry_text (self->coordinator_name_row, vp_programme_get_coordinator_name (programme));
  set_entry_text (self->coordinator_email_row, vp_programme_get_coordinator_email (programme));
  set_entry_text (self->origin_city_row, vp_programme_get_origin_city (programme));
  set_number_text (self, self->latitude_row, vp_programme_get_origin_latitude (programme));
  set_number_text (self, self->longitude_row, vp_programme_get_origin_longitude (programme));
  set_number_text (self, self->lump_sum_row, vp_programme_get_lump_sum_eur (programme));
  set_number_text (self, self->lump_sum_override_row,
                   vp_programme_get_lump_sum_override_eur (programme));
  set_entry_text (self->goals_row, vp_programme_get_goals (programme));
  set_entry_text (self->objectives_row, vp_programme_get_objectives (programme));
  set_entry_text (self->evidence_due_row, vp_programme_get_evidence_due (programme));
  {
    GDate due;
    g_autofree char *due_text = NULL;
    g_autofree char *tooltip = NULL;

    /* empty, it says which day the rules give */
    vp_evidence_get_due (programme, NULL, &due);
    due_text = g_date_valid (&due) ? vp_date_format (&due) : NULL;
    if (vp_programme_get_evidence_due (programme) == NULL && due_text != NULL)
      /* Translators: the tooltip of the closing kit's due day when none is set; %u is a
       * number of days, %s a date (YYYY-MM-DD) */
      tooltip = g_strdup_printf (ngettext ("Empty: %u day after the last day, on %s",
                                           "Empty: %u days after the last day, on %s",
                                           vp_cxc_rules_get ()->evidence_due_days),
                                 vp_cxc_rules_get ()->evidence_due_days, due_text);
    else
      tooltip = g_strdup (_("The day each funded visiting organisation’s closing kit is due; "
                            "empty, the rules’ period after the last day"));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->evidence_due_row), tooltip);
  }
  update_privacy (self);

  self->updating = FALSE;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* plain text: names and messages may hold “&” and “<” */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

static void
update_problems (VpOverviewPage *self)
{
  GPtrArray *problems = vp_programme_context_get_problems (self->context);
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *description = NULL;

  clear_rows (self->problems_group, self->problem_rows);

  if (problems == NULL)
    {
      add_row (self->problems_group, self->problem_rows,
               new_row (_("Checking…"), NULL, NULL));
      adw_preferences_group_set_description (self->problems_group, NULL);
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity <= VP_SEVERITY_INFO)
        counts[problem->severity]++;

      if (i < MAX_PROBLEMS)
        {
          GtkWidget *row = new_row (problem->message, vp_problem_get_page_title (problem), NULL);
          GtkWidget *icon =
            gtk_image_new_from_icon_name (vp_format_severity_icon (problem->severity));
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_widget_add_css_class (icon, problem->severity == VP_SEVERITY_ERROR ? "severity-error"
                                          : problem->severity == VP_SEVERITY_WARNING
                                            ? "severity-warning"
                                            : "severity-info");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          vp_format_severity (problem->severity), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-problem");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                                  vp_problem_get_target (problem));
          add_row (self->problems_group, self->problem_rows, row);
        }
    }

  if (problems->len == 0)
    add_row (self->problems_group, self->problem_rows,
             new_row (_("No problems found"), NULL, "emblem-ok-symbolic"));
  else if (problems->len > MAX_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more problem",
                                                         "%u more problems",
                                                         problems->len - MAX_PROBLEMS),
                                               problems->len - MAX_PROBLEMS);
      GtkWidget *row = new_row (more, NULL, NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "checks");
      add_row (self->problems_group, self->problem_rows, row);
    }

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", counts[0]), counts[0]);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", counts[1]), counts[1]);
  notes = g_strdup_printf (ngettext ("%u note", "%u notes", counts[2]), counts[2]);
  /* Translators: the problems found, as in “2 errors, 3 warnings, 1 note”. */
  description = g_strdup_printf (_("%s, %s, %s"), errors, warnings, notes);
  adw_preferences_group_set_description (self->problems_group,
                                         problems->len > 0 ? description : NULL);
}

static void
update_budget (VpOverviewPage *self)
{
  VpBudget *budget = vp_programme_context_get_budget (self->context);
  GPtrArray *lines;
  double total;

  clear_rows (self->budget_group, self->budget_rows);

  if (budget == NULL)
    return;

  lines = vp_budget_get_lines (budget);
  if (lines->len == 0)
    {
      add_row (self->budget_group, self->budget_rows,
               new_row (_("No visiting organisations yet"), NULL, NULL));
      return;
    }

  total = vp_budget_get_total_eur (budget);
  {
    g_autofree char *amount = isnan (total) ? NULL : vp_format_euros (total);
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%u visiting organisation",
                                                           "%u visiting organisations",
                                                           lines->len),
                                                 lines->len);
    GtkWidget *row = new_row (_("Total"), subtitle, NULL);
    GtkWidget *label = gtk_label_new (NULL);

    set_value (GTK_LABEL (label), amount);
    gtk_widget_add_css_class (label, "numeric");
    gtk_widget_add_css_class (label, "heading");
    gtk_widget_set_name (label, "budget-total");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    add_row (self->budget_group, self->budget_rows, row);
  }

  for (guint i = 0; i < MIN (lines->len, MAX_BUDGET_LINES); i++)
    {
      const VpBudgetLine *line = g_ptr_array_index (lines, i);
      g_autofree char *amount =
        isnan (line->amount_eur) ? NULL : vp_format_euros (line->amount_eur);
      GtkWidget *row = new_row (line->name, line->rule, NULL);
      GtkWidget *label = gtk_label_new (NULL);

      set_value (GTK_LABEL (label), amount);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      add_row (self->budget_group, self->budget_rows, row);
    }

  if (lines->len > MAX_BUDGET_LINES)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more visiting organisation",
                                                         "%u more visiting organisations",
                                                         lines->len - MAX_BUDGET_LINES),
                                               lines->len - MAX_BUDGET_LINES);
      GtkWidget *row = new_row (more, NULL, NULL);

      add_row (self->budget_group, self->budget_rows, row);
    }
}

static void
reload (VpOverviewPage *self)
{
  self->stale = FALSE;
  g_clear_object (&self->programme);
  self->programme = lookup_programme (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->programme != NULL);
  if (self->programme == NULL)
    return;

  /* An edit waiting to be saved is what the user sees: it is not undone
   * by a change it is about to replace. */
  if (self->pending == NULL)
    update_fields (self);
  update_counts (self);
}

static void
store_changed_cb (VpOverviewPage *self,
                  gint64          programme_id,
                  VpStore        *store)
{
  if (programme_id != 0 && programme_id != vp_programme_context_get_programme_id (self->context))
    return;

  /* A hidden page reads the programme when it is shown again: an edit on
   * the agenda does not wait for the overview's fields. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->stale = TRUE;
}

static void
map_cb (VpOverviewPage *self)
{
  if (self->stale)
    reload (self);
}

static void
programme_id_changed_cb (VpOverviewPage     *self,
                         GParamSpec         *pspec,
                         VpProgrammeContext *context)
{
  /* The last edit belongs to the programme it was made on (the pending
   * copy keeps its id). */
  vp_overview_page_flush (self);
  reload (self);
}

static void
problems_changed_cb (VpOverviewPage     *self,
                     GParamSpec         *pspec,
                     VpProgrammeContext *context)
{
  update_problems (self);
}

static void
budget_changed_cb (VpOverviewPage     *self,
                   GParamSpec         *pspec,
                   VpProgrammeContext *context)
{
  update_budget (self);
}

/* GObject {{{1 */

static void
vp_overview_page_constructed (GObject *object)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (vp_overview_page_parent_class)->constructed (object);

  g_assert (VP_IS_PROGRAMME_CONTEXT (self->context));
  self->store = g_object_ref (vp_programme_context_get_store (self->context));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_object (self->context, "notify::programme-id",
                           G_CALLBACK (programme_id_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::problems", G_CALLBACK (problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::budget", G_CALLBACK (budget_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::retention-months",
                           G_CALLBACK (retention_months_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  update_problems (self);
  update_budget (self);
}

static void
vp_overview_page_dispose (GObject *object)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (object);

  if (self->store != NULL)
    vp_overview_page_flush (self);

  /* AdwBin drops its child itself, and would not find it gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_OVERVIEW_PAGE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->programme);
  g_clear_object (&self->pending);
  g_clear_object (&self->pending_read);
  g_clear_object (&self->statuses);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vp_overview_page_parent_class)->dispose (object);
}

static void
vp_overview_page_finalize (GObject *object)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->budget_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_overview_page_parent_class)->finalize (object);
}

static void
vp_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VpOverviewPage *self = VP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_overview_page_class_init (VpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_overview_page_constructed;
  object_class->dispose = vp_overview_page_dispose;
  object_class->finalize = vp_overview_page_finalize;
  object_class->get_property = vp_overview_page_get_property;
  object_class->set_property = vp_overview_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         VP_TYPE_PROGRAMME_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  g_type_ensure (VP_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, description_view);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, zone_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, visiting_cluster_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, host_cluster_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, coordinator_name_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, coordinator_email_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, origin_city_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, lump_sum_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, lump_sum_override_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, goals_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, objectives_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, evidence_due_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, participants_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, hosts_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, sessions_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, budget_group);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, retention_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, retention_label);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, retention_reset_button);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, retention_button);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, retention_calendar);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, purge_row);
  gtk_widget_class_bind_template_child (widget_class, VpOverviewPage, purge_button);
  gtk_widget_class_bind_template_callback (widget_class, retention_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, purge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
}

static void
vp_overview_page_init (VpOverviewPage *self)
{
  const char *statuses[VP_PROGRAMME_STATUS_CANCELLED + 2] = { NULL, };

  self->problem_rows = g_ptr_array_new ();
  self->budget_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));

  for (VpProgrammeStatus s = VP_PROGRAMME_STATUS_DRAFT; s <= VP_PROGRAMME_STATUS_CANCELLED; s++)
    statuses[s] = vp_format_status (s);
  self->statuses = gtk_string_list_new (statuses);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (self->statuses));

  /* a programme has a host country */
  vp_country_row_setup (self->country_row, FALSE);
  vp_zone_row_setup (self->zone_row);
  vp_date_row_set_long_format (self->start_row, TRUE);
  vp_date_row_set_long_format (self->end_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (vp_date_row_get_value_label (self->start_row)),
                       "first-day-value");
  gtk_widget_set_name (GTK_WIDGET (vp_date_row_get_value_label (self->end_row)),
                       "last-day-value");
  gtk_widget_set_name (GTK_WIDGET (vp_chooser_row_get_value_label (self->country_row)),
                       "country-value");
  gtk_widget_set_name (GTK_WIDGET (vp_chooser_row_get_value_label (self->zone_row)),
                       "timezone-value");

  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (description_changed_cb), self);
}

/* Public {{{1 */

GtkWidget *
vp_overview_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_OVERVIEW_PAGE, "context", context, NULL);
}

void
vp_overview_page_focus_title (VpOverviewPage *self)
{
  g_return_if_fail (VP_IS_OVERVIEW_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

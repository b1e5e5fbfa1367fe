/* vp-session-editor.c: a dialog to edit every field of one session.
 *
 * A stored session is saved a moment after each change that leaves it
 * valid (and when the dialog closes): every edit is kept at once, as
 * everywhere in the window.  A new one is added by the default button. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-chooser-row.h"
#include "vp-combo-rows.h"
#include "vp-format.h"
#include "vp-people-fields.h"
#include "vp-session-attendee.h"
#include "vp-session-editor.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-time-row.h"
#include "vp-values.h"
#include "vp-undo.h"
#include "vp-zone-row.h"

/* Long enough to take a word typed in one go as one change */
#define SAVE_DELAY_MS 400

struct _VpSessionEditor
{
  AdwWindow          parent_instance;

  VpStore           *store;
  VpSnapshot        *snapshot;
  VpSession         *session;      /* the working copy */
  VpSession         *read;         /* the session as stored when opened or last saved */
  gint64             programme_id;
  gboolean           adding;
  gboolean           loading;
  gboolean           valid;
  /* An empty title is flagged once typed in, or on trying to add */
  gboolean           title_touched;
  guint              save_id;

  GPtrArray         *days;         /* "YYYY-MM-DD" of day_row and end_day_row */
  guint              day_index;    /* what day_row showed: the end day moves with it */
  GPtrArray         *hosts;        /* refs of host_row, NULL first */
  GListStore        *attendees;
  GtkStringFilter   *attendee_filter;
  /* the organisations of organisation_dropdown, NULL first (all of them) */
  GPtrArray         *organisations;
  GtkCustomFilter   *organisation_filter;
  GtkFilterListModel *attendees_shown;
  /* set while Select All or Select None ticks many at once */
  gboolean           ticking_many;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwLeaflet        *leaflet;
  AdwActionRow      *attendees_row;
  AdwWindowTitle    *attendees_title;
  GtkDropDown       *organisation_dropdown;
  GtkWidget         *attendee_search;
  AdwToastOverlay   *toast_overlay;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *status_row;
  AdwComboRow       *day_row;
  VpTimeRow         *start_row;
  VpTimeRow         *end_row;
  AdwComboRow       *end_day_row;
  AdwExpanderRow    *zones_row;
  VpChooserRow      *start_zone_row;
  VpChooserRow      *end_zone_row;
  GtkLabel          *time_message;
  AdwComboRow       *host_row;
  AdwEntryRow       *location_row;
  GtkSwitch         *everyone_switch;
  GtkSpinButton     *capacity_spin;
  GtkWidget         *checklist_box;
  GtkListView       *attendee_list;
  GtkLabel          *attendee_count;
  GtkTextView       *description_view;
  GtkWidget         *apply_button;
};

G_DEFINE_FINAL_TYPE (VpSessionEditor, vp_session_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SNAPSHOT,
  PROP_SESSION,
  PROP_ADDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DELETE_REQUESTED,
  SESSION_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{1 */

static const char *
programme_timezone (VpSessionEditor *self)
{
  const char *zone = vp_programme_get_timezone (vp_snapshot_get_programme (self->snapshot));

  return zone != NULL ? zone : "UTC";
}

/* The message beside the row, in red under it (and its tooltip). */
static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  vp_people_set_error (row, message);
}

static void
show_toast (VpSessionEditor *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The first letter of a message of the rules of values in capitals, as a
 * sentence under the fields. */
static char *
sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  char buffer[8] = { 0, };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (message), NULL);
}

/* @day ("YYYY-MM-DD") at a time of day. */
static void
make_local_time (const char  *day,
                 int          hour,
                 int          minute,
                 int          second,
                 VpLocalTime *time)
{
  GDate date;

  /* the days are written by vp_date_format () */
  vp_date_parse (day, &date, NULL);
  *time = (VpLocalTime) {
    .year = g_date_get_year (&date),
    .month = g_date_get_month (&date),
    .day = g_date_get_day (&date),
    .hour = hour,
    .minute = minute,
    .second = second,
  };
}

/* The value of the end zone's choice “As the start” (a zone is never
 * empty). */
#define AS_THE_START ""

/* The zone chosen, NULL for none (or “As the start”). */
static const char *
selected_zone (VpChooserRow *row)
{
  const char *zone = vp_chooser_row_get_value (row);

  return zone != NULL && *zone != '\0' ? zone : NULL;
}

/* Reading the fields {{{1 */

typedef struct
{
  char     *start;
  char     *end;
  char     *error;
  char     *hint;
  char     *shown;    /* what time_message says */
  gboolean  start_bad;
  gboolean  end_bad;
} Times;

static void
times_clear (Times *times)
{
  g_clear_pointer (&times->start, g_free);
  g_clear_pointer (&times->end, g_free);
  g_clear_pointer (&times->error, g_free);
  g_clear_pointer (&times->hint, g_free);
  g_clear_pointer (&times->shown, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Times, times_clear)

/* The start and end as local times, or why they cannot be: a time the
 * clocks skip is refused, and an end that is not after the start (the
 * rule of values that the store, the programme format and the calendar
 * import keep); a time they pass twice means its first one. */
static void
read_times (VpSessionEditor *self,
            Times           *times)
{
  guint day_index = adw_combo_row_get_selected (self->day_row);
  guint end_day_index = adw_combo_row_get_selected (self->end_day_row);
  const char *start_zone_name = selected_zone (self->start_zone_row);
  const char *end_zone_name;
  g_autoptr(GTimeZone) start_zone = NULL;
  g_autoptr(GTimeZone) end_zone = NULL;
  g_autoptr(GError) end_error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  int start_minutes = vp_time_row_get_minutes (self->start_row);
  int end_minutes = vp_time_row_get_minutes (self->end_row);
  VpLocalTime start, end;
  gint64 start_first, start_second_instant, end_first, end_second_instant;
  VpLocalTimeKind kind;

  if (day_index >= self->days->len || end_day_index >= self->days->len ||
      start_zone_name == NULL)
    {
      times->error = g_strdup (_("Choose a day"));
      return;
    }
  /* The first choice of the end zone is “as the start” */
  end_zone_name = selected_zone (self->end_zone_row);
  if (end_zone_name == NULL)
    end_zone_name = start_zone_name;
  start_zone = vp_time_zone_new (start_zone_name, NULL);
  end_zone = vp_time_zone_new (end_zone_name, NULL);

  if (start_zone == NULL || end_zone == NULL)
    {
      times->error = g_strdup (_("Choose a known time zone"));
      return;
    }

  make_local_time (g_ptr_array_index (self->days, day_index), start_minutes / 60,
                   start_minutes % 60, 0, &start);
  kind = vp_local_time_resolve (&start, start_zone, &start_first, &start_second_instant);
  if (kind == VP_LOCAL_TIME_SKIPPED)
    {
      times->start_bad = TRUE;
      /* Translators: a time (hours and minutes), then a time zone */
      times->error = g_strdup_printf (_("%02d:%02d does not exist on that day in %s: the clocks "
                                        "go forward then. Choose a later time."),
                                      start.hour, start.minute, start_zone_name);
      return;
    }
  if (kind == VP_LOCAL_TIME_AMBIGUOUS)
    /* Translators: a time (hours and minutes), then a time zone */
    times->hint = g_strdup_printf (_("%02d:%02d happens twice that day in %s, as the clocks go "
                                     "back: the session starts at the first."),
                                   start.hour, start.minute, start_zone_name);

  make_local_time (g_ptr_array_index (self->days, end_day_index), end_minutes / 60,
                   end_minutes % 60, 0, &end);
  kind = vp_local_time_resolve (&end, end_zone, &end_first, &end_second_instant);
  if (kind == VP_LOCAL_TIME_SKIPPED)
    {
      times->end_bad = TRUE;
      /* Translators: a time (hours and minutes), then a time zone */
      times->error = g_strdup_printf (_("%02d:%02d does not exist on that day in %s: the "
                                        "clocks go forward then. Choose a later time."),
                                      end.hour, end.minute, end_zone_name);
      return;
    }

  /* Times of one day as typed; of two days with their days */
  start_text = vp_local_time_format (&start);
  end_text = vp_local_time_format (&end);
  if (!vp_value_check_order (VP_SPAN_SESSION, start_first, end_first,
                             day_index == end_day_index ? start_text + 11 : start_text,
                             day_index == end_day_index ? end_text + 11 : end_text, &end_error))
    {
      times->end_bad = TRUE;
      times->error = sentence (end_error->message);
      return;
    }

  if (kind == VP_LOCAL_TIME_AMBIGUOUS && times->hint == NULL)
    /* Translators: a time (hours and minutes), then a time zone */
    times->hint = g_strdup_printf (_("%02d:%02d happens twice that day in %s, as the clocks go "
                                     "back: the session ends at the first."),
                                   end.hour, end.minute, end_zone_name);

  times->start = g_steal_pointer (&start_text);
  times->end = g_steal_pointer (&end_text);
}

static void
update_attendee_count (VpSessionEditor *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
  guint n_attending = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpSessionAttendee) attendee =
        g_list_model_get_item (G_LIST_MODEL (self->attendees), i);

      if (vp_session_attendee_get_attending (attendee))
        n_attending++;
    }

  /* Translators: the participants ticked in a session's checklist, “12 of 200 attending” */
  text = g_strdup_printf (ngettext ("%u of %u attending", "%u of %u attending", n_items),
                          n_attending, n_items);
  adw_action_row_set_subtitle (self->attendees_row, text);
  adw_window_title_set_subtitle (self->attendees_title, text);

  if (self->attendees_shown != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->attendees_shown)) < n_items)
    {
      guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->attendees_shown));
      g_autofree char *shown = NULL;

      /* Translators: after “12 of 200 attending”, how many the search and
       * the organisation leave in the list */
      shown = g_strdup_printf (ngettext ("%s, %u shown", "%s, %u shown", n_shown), text, n_shown);
      gtk_label_set_label (self->attendee_count, shown);
    }
  else
    gtk_label_set_label (self->attendee_count, text);
}

/* Reads every field into the working copy; FALSE (and the rows marked)
 * when one is not valid. */
static gboolean
read_fields (VpSessionEditor *self)
{
  g_auto(Times) times = { NULL, };
  g_autofree char *title =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *location =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->location_row))));
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  const char *start_zone;
  guint host_index;
  gboolean valid = TRUE;

  if (vp_text_is_blank (title))
    {
      set_row_error (GTK_WIDGET (self->title_row),
                     self->title_touched ? _("A session needs a title") : NULL);
      valid = FALSE;
    }
  else
    set_row_error (GTK_WIDGET (self->title_row), NULL);

  read_times (self, &times);
  /* An error of a time beside its row; of the day or zones, and a hint,
   * under the times */
  set_row_error (GTK_WIDGET (self->start_row), times.start_bad ? times.error : NULL);
  set_row_error (GTK_WIDGET (self->end_row), times.end_bad ? times.error : NULL);
  if (times.start_bad || times.end_bad)
    g_clear_pointer (&times.shown, g_free);
  else
    times.shown = g_strdup (times.error != NULL ? times.error : times.hint);
  gtk_label_set_label (self->time_message, times.shown != NULL ? times.shown : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_message), times.shown != NULL);
  if (times.error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_message), "dim-label");
      valid = FALSE;
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->time_message), "dim-label");
    }

  start_zone = selected_zone (self->start_zone_row);
  {
    g_autofree char *subtitle = NULL;

    if (selected_zone (self->end_zone_row) == NULL || start_zone == NULL)
      subtitle = g_strdup (start_zone);
    else
      /* Translators: a session's two time zones, “Europe/Helsinki → Europe/Vilnius” */
      subtitle = g_strdup_printf (_("%s → %s"), start_zone, selected_zone (self->end_zone_row));
    adw_expander_row_set_subtitle (self->zones_row, subtitle != NULL ? subtitle : "");
  }

  update_attendee_count (self);
  gtk_widget_set_visible (self->checklist_box, !gtk_switch_get_active (self->everyone_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_row),
                          !gtk_switch_get_active (self->everyone_switch));

  if (!valid)
    return FALSE;

  vp_session_set_title (self->session, title);
  vp_session_set_kind (self->session, adw_combo_row_get_selected (self->kind_row));
  vp_session_set_status (self->session, adw_combo_row_get_selected (self->status_row));
  vp_session_set_start (self->session, times.start);
  vp_session_set_end (self->session, times.end);
  /* The programme's zone is the default: not written out */
  vp_session_set_timezone (self->session,
                           g_strcmp0 (start_zone, programme_timezone (self)) == 0 ? NULL
                                                                                  : start_zone);
  vp_session_set_end_timezone (self->session,
                               selected_zone (self->end_zone_row) == NULL ||
                               g_strcmp0 (selected_zone (self->end_zone_row), start_zone) == 0 ?
                               NULL : selected_zone (self->end_zone_row));

  host_index = adw_combo_row_get_selected (self->host_row);
  vp_session_set_host_ref (self->session,
                           host_index < self->hosts->len
                           ? g_ptr_array_index (self->hosts, host_index) : NULL);
  vp_session_set_location (self->session, *location != '\0' ? location : NULL);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strchomp (description);
  vp_session_set_description (self->session, *description != '\0' ? description : NULL);

  vp_session_set_capacity (self->session, gtk_spin_button_get_value_as_int (self->capacity_spin));

  vp_session_set_attendees_all (self->session, gtk_switch_get_active (self->everyone_switch));
  vp_session_clear_attendees (self->session);
  if (!gtk_switch_get_active (self->everyone_switch))
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(VpSessionAttendee) attendee =
            g_list_model_get_item (G_LIST_MODEL (self->attendees), i);

          if (vp_session_attendee_get_attending (attendee))
            vp_session_add_attendee (self->session, vp_session_attendee_get_ref (attendee));
        }
    }

  return TRUE;
}

/* Saving {{{1 */

static gboolean
save (VpSessionEditor *self)
{
  g_autoptr(VpSession) copy = vp_session_copy (self->session);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);

  /* through the window's undo history: one entry per editor and session */
  if (!vp_history_save (vp_undo_find_history (GTK_WIDGET (self)), self->store, self->programme_id,
                        G_OBJECT (copy), G_OBJECT (self->read),
                        self->read == NULL || vp_session_get_id (self->read) == 0
                          ? _("Add Session") : _("Edit Session"),
                        self, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }
  /* as stored now: what the next save expects to find */
  g_set_object (&self->read, copy);

  /* What the store gave it: an id, a uid, a ref and a revision */
  vp_session_set_id (self->session, vp_session_get_id (copy));
  vp_session_set_uid (self->session, vp_session_get_uid (copy));
  vp_session_set_ref (self->session, vp_session_get_ref (copy));
  vp_session_set_revision (self->session, vp_session_get_revision (copy));
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  VpSessionEditor *self = user_data;

  self->save_id = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (VpSessionEditor *self)
{
  if (self->loading)
    return;

  self->valid = read_fields (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.apply", self->valid);

  if (self->adding)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->valid)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
title_changed_cb (VpSessionEditor *self)
{
  if (!self->loading)
    self->title_touched = TRUE;
  field_changed_cb (self);
}

static void
everyone_changed_cb (VpSessionEditor *self)
{
  field_changed_cb (self);
}

/* The end day moves with the day, so the session keeps its length. */
static void
day_changed_cb (VpSessionEditor *self)
{
  guint day_index = adw_combo_row_get_selected (self->day_row);
  guint end_day_index = adw_combo_row_get_selected (self->end_day_row);

  if (!self->loading && day_index != GTK_INVALID_LIST_POSITION &&
      self->day_index != GTK_INVALID_LIST_POSITION && end_day_index != GTK_INVALID_LIST_POSITION)
    {
      gint64 moved = (gint64) end_day_index + (gint64) day_index - (gint64) self->day_index;

      self->day_index = day_index;
      adw_combo_row_set_selected (self->end_day_row,
                                  (guint) CLAMP (moved, 0, (gint64) self->days->len - 1));
    }
  self->day_index = day_index;

  field_changed_cb (self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (window);

  /* A change still waiting is kept */
  if (self->save_id != 0)
    save (self);

  return FALSE;
}

/* Attendees {{{1 */

static void
attendee_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   VpSessionEditor          *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_add_css_class (check, "attendee-check");
  gtk_list_item_set_child (item, check);
}

static void
attendee_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VpSessionEditor          *self)
{
  VpSessionAttendee *attendee = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GBinding *binding;

  gtk_label_set_label (GTK_LABEL (name), vp_session_attendee_get_name (attendee));
  gtk_label_set_label (GTK_LABEL (detail), vp_session_attendee_get_detail (attendee));
  gtk_widget_set_visible (detail, vp_session_attendee_get_detail (attendee) != NULL);
  /* the check box is announced by the person's name and organisation */
  {
    g_autofree char *announced =
      vp_session_attendee_get_detail (attendee) != NULL
      /* Translators: an attendee in the session editor, for screen readers: a
       * participant's name and organisation */
      ? g_strdup_printf (_("%s, %s"), vp_session_attendee_get_name (attendee),
                         vp_session_attendee_get_detail (attendee))
      : g_strdup (vp_session_attendee_get_name (attendee));

    gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    announced, -1);
  }

  binding = g_object_bind_property (attendee, "attending", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (check), "binding", binding);
}

static void
attendee_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    VpSessionEditor          *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  GBinding *binding = g_object_steal_data (G_OBJECT (check), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
attendee_activate_cb (VpSessionEditor *self,
                      guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->attendee_list));
  g_autoptr(VpSessionAttendee) attendee = g_list_model_get_item (model, position);

  if (attendee != NULL)
    vp_session_attendee_set_attending (attendee, !vp_session_attendee_get_attending (attendee));
}

static void
attendee_search_changed_cb (VpSessionEditor *self,
                            GtkSearchEntry  *entry)
{
  gtk_string_filter_set_search (self->attendee_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
attendee_notify_cb (VpSessionAttendee *attendee,
                    GParamSpec        *pspec,
                    VpSessionEditor   *self)
{
  if (!self->ticking_many)
    field_changed_cb (self);
}

static gboolean
organisation_filter_func (gpointer item,
                          gpointer user_data)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (user_data);
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);

  if (self->organisations == NULL || selected == 0 || selected >= self->organisations->len)
    return TRUE;

  return g_strcmp0 (vp_session_attendee_get_detail (item),
                    g_ptr_array_index (self->organisations, selected)) == 0;
}

/* The organisation shown in the dropdown's button: cut short in a narrow
 * window rather than widening the dialog; the list shows names whole. */
static void
organisation_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_list_item_set_child (item, label);
}

static void
organisation_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (name));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item),
                               gtk_string_object_get_string (name));
}

static void
organisation_selected_cb (VpSessionEditor *self)
{
  if (self->organisation_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->organisation_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_attendee_count (self);
}

/* Ticks (or unticks) everyone the search and the organisation leave in the
 * list, then reads the fields once. */
static void
tick_shown (VpSessionEditor *self,
            gboolean         attending)
{
  GListModel *shown = G_LIST_MODEL (self->attendees_shown);
  guint n_items = g_list_model_get_n_items (shown);

  self->ticking_many = TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpSessionAttendee) attendee = g_list_model_get_item (shown, i);

      vp_session_attendee_set_attending (attendee, attending);
    }
  self->ticking_many = FALSE;
  field_changed_cb (self);
}

static void
select_all_cb (VpSessionEditor *self)
{
  tick_shown (self, TRUE);
}

static void
select_none_cb (VpSessionEditor *self)
{
  tick_shown (self, FALSE);
}

static void
show_attendees_cb (VpSessionEditor *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "attendees");
}

static void
leaflet_child_cb (VpSessionEditor *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);

  if (g_strcmp0 (name, "attendees") == 0)
    gtk_widget_grab_focus (self->attendee_search);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->attendees_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->attendees_row));
}

/* Filling in {{{1 */

/* The days the session may start and end on: the programme's, the days of
 * @session_day and @end_day (either NULL) if they lie outside them, and a
 * day before and after, for arrivals and departures. */
static void
fill_days (VpSessionEditor *self,
           const char      *session_day,
           const char      *end_day)
{
  VpProgramme *programme = vp_snapshot_get_programme (self->snapshot);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *own_days[] = { session_day, end_day };
  GDate first, last, day;
  guint selected = 0;
  guint end_selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->days, 0);

  if (!vp_date_parse (vp_programme_get_start_date (programme), &first, NULL) &&
      (session_day == NULL || !vp_date_parse (session_day, &first, NULL)))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  if (!vp_date_parse (vp_programme_get_end_date (programme), &last, NULL) ||
      g_date_compare (&last, &first) < 0)
    last = first;

  /* A session may lie outside the programme's days (an arrival the day
   * before): offer its days too, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (own_days); i++)
    if (own_days[i] != NULL && vp_date_parse (own_days[i], &day, NULL))
      {
        if (g_date_compare (&day, &first) < 0)
          first = day;
        if (g_date_compare (&day, &last) > 0)
          last = day;
      }
  if (g_date_get_julian (&first) > 1)
    g_date_subtract_days (&first, 1);
  /* (there is no day after 9999-12-31) */
  if (g_date_get_year (&last) < 9999 || g_date_get_month (&last) < 12 ||
      g_date_get_day (&last) < 31)
    g_date_add_days (&last, 1);

  for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *iso = vp_date_format (&day);
      g_autofree char *label = vp_format_date_long (iso);

      if (g_strcmp0 (iso, session_day) == 0)
        selected = self->days->len;
      if (g_strcmp0 (iso, end_day) == 0)
        end_selected = self->days->len;
      g_ptr_array_add (self->days, g_steal_pointer (&iso));
      gtk_string_list_append (labels,
                              label != NULL ? label
                                            : g_ptr_array_index (self->days, self->days->len - 1));
      if (g_date_get_julian (&day) == g_date_get_julian (&last))
        break;
    }

  /* A new session ends on the day it starts */
  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (labels));
  adw_combo_row_set_model (self->end_day_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->day_row, selected);
  adw_combo_row_set_selected (self->end_day_row,
                              end_selected != GTK_INVALID_LIST_POSITION ? end_selected : selected);
  self->day_index = selected;
}

/* Every zone, found by a search; the session's own (the programme's when
 * it has none), and an end zone only when it differs. */
static void
fill_zones (VpSessionEditor *self)
{
  const char * const *zones = vp_format_time_zones ();
  g_autoptr(GStrvBuilder) end_values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) end_labels = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;
  const char *start_zone = vp_session_get_timezone (self->session);
  const char *end_zone = vp_session_get_end_timezone (self->session);

  g_strv_builder_add (end_values, AS_THE_START);
  g_strv_builder_add (end_labels, _("As the start"));
  g_strv_builder_addv (end_values, (const char **) zones);
  g_strv_builder_addv (end_labels, (const char **) zones);
  values = g_strv_builder_end (end_values);
  labels = g_strv_builder_end (end_labels);

  vp_zone_row_setup (self->start_zone_row);
  vp_chooser_row_set_choices (self->end_zone_row, (const char * const *) values,
                              (const char * const *) labels);

  vp_chooser_row_set_value (self->start_zone_row,
                            start_zone != NULL ? start_zone : programme_timezone (self));
  vp_chooser_row_set_value (self->end_zone_row, end_zone != NULL ? end_zone : AS_THE_START);
}

static void
fill_hosts (VpSessionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *hosts = vp_snapshot_get_hosts (self->snapshot);
  guint selected = 0;

  g_ptr_array_set_size (self->hosts, 0);
  g_ptr_array_add (self->hosts, NULL);
  gtk_string_list_append (names, _("No Host"));

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);
      const char *name = vp_host_get_name (host);

      if (g_strcmp0 (vp_host_get_ref (host), vp_session_get_host_ref (self->session)) == 0)
        selected = self->hosts->len;
      g_ptr_array_add (self->hosts, g_strdup (vp_host_get_ref (host)));
      gtk_string_list_append (names, name != NULL ? name : vp_host_get_ref (host));
    }

  adw_combo_row_set_model (self->host_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->host_row, selected);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;

  if (name_a == NULL || name_b == NULL)
    return name_a == NULL ? (name_b == NULL ? 0 : -1) : 1;
  return g_utf8_collate (name_a, name_b);
}

/* The organisations the participants name, by name, after “All
 * Organisations”: the dropdown that narrows the list to one of them. */
static void
fill_organisations (VpSessionEditor *self)
{
  GPtrArray *participants = vp_snapshot_get_participants (self->snapshot);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->organisations, 0);
  g_ptr_array_add (self->organisations, NULL);
  for (guint i = 0; i < participants->len; i++)
    {
      const char *name = vp_participant_get_organisation (g_ptr_array_index (participants, i));

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (self->organisations, g_strdup (name));
    }
  g_ptr_array_sort (self->organisations, compare_names);

  gtk_string_list_append (labels, _("All Organisations"));
  for (guint i = 1; i < self->organisations->len; i++)
    gtk_string_list_append (labels, g_ptr_array_index (self->organisations, i));
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->organisation_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_dropdown),
                          self->organisations->len > 1);
}

static void
fill_attendees (VpSessionEditor *self)
{
  GPtrArray *participants = vp_snapshot_get_participants (self->snapshot);
  GPtrArray *attending = vp_session_get_attendees (self->session);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      const char *ref = vp_participant_get_ref (participant);
      g_autoptr(VpSessionAttendee) attendee = NULL;

      attendee = vp_session_attendee_new (ref, vp_participant_get_name (participant),
                                          vp_participant_get_organisation (participant),
                                          g_ptr_array_find_with_equal_func (attending, ref,
                                                                            g_str_equal, NULL));
      g_signal_connect_object (attendee, "notify::attending",
                               G_CALLBACK (attendee_notify_cb), self, 0);
      g_list_store_append (self->attendees, attendee);
    }

  fill_organisations (self);
}

static void
fill_fields (VpSessionEditor *self)
{
  VpSession *session = self->session;
  VpLocalTime start = { 0, }, end = { 0, };
  g_autofree char *day = NULL;
  g_autofree char *end_day = NULL;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         vp_session_get_title (session) != NULL ? vp_session_get_title (session)
                                                                : "");
  adw_combo_row_set_selected (self->kind_row, vp_session_get_kind (session));
  adw_combo_row_set_selected (self->status_row, vp_session_get_status (session));

  if (vp_session_get_start (session) != NULL)
    vp_local_time_parse (vp_session_get_start (session), &start, NULL);
  if (vp_session_get_end (session) != NULL)
    vp_local_time_parse (vp_session_get_end (session), &end, NULL);
  day = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
  end_day = g_strdup_printf ("%04d-%02d-%02d", end.year, end.month, end.day);

  fill_days (self, day, end_day);
  vp_time_row_set_time (self->start_row, start.hour, start.minute);
  vp_time_row_set_time (self->end_row, end.hour, end.minute);
  fill_zones (self);
  fill_hosts (self);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                         vp_session_get_location (session) != NULL
                         ? vp_session_get_location (session) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            vp_session_get_description (session) != NULL ?
                            vp_session_get_description (session) : "", -1);
  gtk_spin_button_set_value (self->capacity_spin, vp_session_get_capacity (session));
  gtk_switch_set_active (self->everyone_switch, vp_session_get_attendees_all (session));
  fill_attendees (self);

  adw_window_title_set_title (self->window_title,
                              self->adding ? _("New Session") : _("Edit Session"));
  adw_window_title_set_subtitle (self->window_title,
                                 vp_programme_get_title (vp_snapshot_get_programme (
                                   self->snapshot)));
  gtk_window_set_title (GTK_WINDOW (self), self->adding ? _("New Session") : _("Edit Session"));

  self->loading = FALSE;
  self->valid = read_fields (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.apply", self->valid);
}

/* Actions {{{1 */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (widget);

  self->title_touched = TRUE;
  self->valid = read_fields (self);
  if (!self->valid)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!save (self))
    return;

  if (self->adding)
    g_signal_emit (self, signals[SESSION_ADDED], 0, vp_session_get_uid (self->session));

  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (widget);
  g_autofree char *uid = g_strdup (vp_session_get_uid (self->session));

  if (self->adding || uid == NULL)
    return;

  /* Nothing more to save of a session about to go */
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_object_ref (self);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, uid);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
show_main_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (widget);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "main") != 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "main");
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GObject {{{1 */

static void
vp_session_editor_constructed (GObject *object)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (object);

  G_OBJECT_CLASS (vp_session_editor_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));
  g_assert (VP_IS_SNAPSHOT (self->snapshot));
  g_assert (VP_IS_SESSION (self->session));

  self->programme_id = vp_programme_get_id (vp_snapshot_get_programme (self->snapshot));
  self->adding = vp_session_get_id (self->session) == 0;
  g_object_notify_by_pspec (object, properties[PROP_ADDING]);

  if (self->adding)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);

  fill_fields (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
vp_session_editor_dispose (GObject *object)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_SESSION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->session);
  g_clear_object (&self->read);
  g_clear_object (&self->attendees);
  g_clear_object (&self->attendee_filter);
  g_clear_object (&self->organisation_filter);
  g_clear_object (&self->attendees_shown);

  G_OBJECT_CLASS (vp_session_editor_parent_class)->dispose (object);
}

static void
vp_session_editor_finalize (GObject *object)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (object);

  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->hosts, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_session_editor_parent_class)->finalize (object);
}

static void
vp_session_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ADDING:
      g_value_set_boolean (value, self->adding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VpSessionEditor *self = VP_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SNAPSHOT:
      self->snapshot = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      /* Edits go to a copy: the snapshot's objects are only read */
      self->session = vp_session_copy (g_value_get_object (value));
      self->read = vp_session_copy (self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_session_editor_class_init (VpSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_session_editor_constructed;
  object_class->dispose = vp_session_editor_dispose;
  object_class->finalize = vp_session_editor_finalize;
  object_class->get_property = vp_session_editor_get_property;
  object_class->set_property = vp_session_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         VP_TYPE_SNAPSHOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         VP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDING] =
    g_param_spec_boolean ("adding", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SESSION_ADDED] =
    g_signal_new ("session-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, attendees_title);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, attendee_search);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, end_day_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, zones_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, start_zone_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, end_zone_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, time_message);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, host_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, everyone_switch);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, attendee_list);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, attendee_count);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, VpSessionEditor, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, everyone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendee_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_attendees_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_child_cb);

  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.show-main", NULL, show_main_action);
  gtk_widget_class_install_action (widget_class, "editor.escape", NULL, escape_action);

  /* back from the attendees, else close */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.apply", NULL);
}

static void
vp_session_editor_init (VpSessionEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkFilterListModel *filtered;
  GtkEveryFilter *filters;
  GtkExpression *expression;

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  g_type_ensure (VP_TYPE_TIME_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));
  /* the largest capacity the rules of values (vp-values.h) allow */
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->capacity_spin),
                            VP_VALUE_COUNT_MAX);

  self->days = g_ptr_array_new_with_free_func (g_free);
  self->hosts = g_ptr_array_new_with_free_func (g_free);
  self->attendees = g_list_store_new (VP_TYPE_SESSION_ATTENDEE);

  expression = gtk_property_expression_new (VP_TYPE_SESSION_ATTENDEE, NULL, "search-text");
  self->attendee_filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->attendee_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->attendee_filter, TRUE);
  {
    g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (button_factory, "setup", G_CALLBACK (organisation_setup_cb), NULL);
    g_signal_connect (button_factory, "bind", G_CALLBACK (organisation_bind_cb), NULL);
    gtk_drop_down_set_factory (self->organisation_dropdown, button_factory);
  }
  /* the dropdown's own button, which GTK 4.8 leaves without a name */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->organisation_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Organisation"), -1);
  self->organisations = g_ptr_array_new_with_free_func (g_free);
  self->organisation_filter = gtk_custom_filter_new (organisation_filter_func, self, NULL);
  filters = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filters),
                           g_object_ref (GTK_FILTER (self->attendee_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filters),
                           g_object_ref (GTK_FILTER (self->organisation_filter)));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->attendees)),
                                        GTK_FILTER (filters));
  self->attendees_shown = g_object_ref (filtered);
  g_signal_connect_object (filtered, "items-changed", G_CALLBACK (update_attendee_count), self,
                           G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (attendee_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (attendee_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (attendee_unbind_cb), self);
  gtk_list_view_set_factory (self->attendee_list, factory);
  gtk_list_view_set_model (self->attendee_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_object_unref (gtk_list_view_get_model (self->attendee_list));

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public {{{1 */

VpSessionEditor *
vp_session_editor_new (VpStore    *store,
                       VpSnapshot *snapshot,
                       VpSession  *session)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (VP_IS_SESSION (session), NULL);

  return g_object_new (VP_TYPE_SESSION_EDITOR,
                       "store", store,
                       "snapshot", snapshot,
                       "session", session,
                       NULL);
}

const char *
vp_session_editor_get_uid (VpSessionEditor *self)
{
  g_return_val_if_fail (VP_IS_SESSION_EDITOR (self), NULL);

  return vp_session_get_id (self->session) != 0 ? vp_session_get_uid (self->session) : NULL;
}

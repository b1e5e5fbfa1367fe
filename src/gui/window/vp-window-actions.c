/* vp-window-actions.c: what the window's menus and shortcuts do. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-agenda-page.h"
#include "vp-calendar.h"
#include "vp-file.h"
#include "vp-format.h"
#include "vp-hosts-page.h"
#include "vp-language.h"
#include "vp-overview-page.h"
#include "vp-participants-page.h"
#include "vp-print-dialog.h"
#include "vp-print-operation.h"
#include "vp-programme-format.h"
#include "vp-publish-dialog.h"
#include "vp-table-page.h"
#include "vp-undo.h"
#include "vp-values.h"
#include "vp-window-import.h"
#include "vp-window-private.h"

/* Documents hold personal data: readable by their owner alone. */
#define EXPORT_MODE 0600

void
vp_window_update_actions (VpWindow *self)
{
  gboolean have_programme = self->programme != NULL;
  GtkWidget *widget = GTK_WIDGET (self);
  VpHistory *history = vp_programme_context_get_history (self->context);

  gtk_widget_action_set_enabled (widget, "win.go-back", adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (widget, "win.undo", vp_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", vp_history_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.duplicate-programme", have_programme);
  gtk_widget_action_set_enabled (widget, "win.delete-programme", have_programme);
  gtk_widget_action_set_enabled (widget, "win.export-programme", have_programme);
  gtk_widget_action_set_enabled (widget, "win.export-calendar", have_programme);
  gtk_widget_action_set_enabled (widget, "win.print", have_programme);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", have_programme);
  gtk_widget_action_set_enabled (widget, "win.publish", have_programme);
  gtk_widget_action_set_enabled (widget, "win.publish-settings", have_programme);
  gtk_widget_action_set_enabled (widget, "win.show-page", have_programme);
  gtk_widget_action_set_enabled (widget, "win.show-problem", have_programme);
  gtk_widget_set_sensitive (GTK_WIDGET (self->programme_menu_button), have_programme);
  vp_window_update_import_actions (self);
}

static void
show_error (VpWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A name for a file from a title, that opens on any system. */
static char *
file_name_for (const char *title,
               const char *suffix)
{
  /* Translators: a file name, for a programme without a title. */
  return vp_file_name_for_title (title, suffix, _("programme"));
}

/* New, duplicate, delete, undo {{{1 */

static char *
iso_date (GDate *date)
{
  char buffer[16];

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

static void
new_programme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *country = "BE";
  const char *zone = "Europe/Brussels";
  GDate date;

  /* A draft to edit in place: the next Monday two months ahead, four
   * days, where the shown programme goes (a coordinator often plans the
   * same partner again). */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_add_days (&date, 56);
  while (g_date_get_weekday (&date) != G_DATE_MONDAY)
    g_date_add_days (&date, 1);
  start = iso_date (&date);
  g_date_add_days (&date, 3);
  end = iso_date (&date);

  if (self->programme != NULL && vp_programme_get_host_country (self->programme) != NULL &&
      vp_programme_get_timezone (self->programme) != NULL)
    {
      country = vp_programme_get_host_country (self->programme);
      zone = vp_programme_get_timezone (self->programme);
    }

  vp_programme_set_title (programme, _("New Programme"));
  vp_programme_set_status (programme, VP_PROGRAMME_STATUS_DRAFT);
  vp_programme_set_host_country (programme, country);
  vp_programme_set_timezone (programme, zone);
  vp_programme_set_start_date (programme, start);
  vp_programme_set_end_date (programme, end);

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  if (!vp_history_save (vp_programme_context_get_history (self->context), self->store, 0,
                        G_OBJECT (programme), NULL, _("New Programme"), NULL, &error))
    {
      show_error (self, _("Cannot Create the Programme"), error->message);
      return;
    }

  vp_window_select_id (self, vp_programme_get_id (programme));
  vp_window_show_page (self, "overview");
  vp_window_show_content (self);
  vp_overview_page_focus_title (VP_OVERVIEW_PAGE (self->overview_page));
}

static void
duplicate_date_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  /* the rule of values (vp-values.h) */
  gboolean valid = vp_value_check_date (gtk_editable_get_text (entry), NULL, &error);

  adw_message_dialog_set_response_enabled (dialog, "duplicate", valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), valid ? NULL : error->message);
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       VpWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 programme_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "programme-id"));
  g_autoptr(GError) error = NULL;
  gint64 copy_id;

  if (!g_str_equal (response, "duplicate"))
    return;

  copy_id = vp_store_duplicate_programme (self->store, programme_id,
                                          gtk_editable_get_text (entry), &error);
  if (copy_id == 0)
    {
      show_error (self, _("Cannot Duplicate the Programme"), error->message);
      return;
    }

  vp_window_select_id (self, copy_id);
  vp_window_show_page (self, "overview");
  vp_window_toast (self, _("Programme duplicated without its participants"));
}

static void
duplicate_programme_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autofree char *body = NULL;
  g_autofree char *start = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  GDate date;

  if (self->programme == NULL)
    return;

  /* The same weekday a year on: the likeliest date of the next visit. */
  if (vp_format_parse_date (vp_programme_get_start_date (self->programme), &date))
    {
      g_date_add_days (&date, 364);
      start = iso_date (&date);
    }

  body = g_strdup_printf (_("The copy of “%s” keeps its hosts and its agenda, moved to begin "
                            "on the first day you give, but not its participants."),
                          vp_programme_get_title (self->programme));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Duplicate Programme?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "duplicate", _("_Duplicate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "duplicate",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "duplicate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "duplicate-start-date");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "YYYY-MM-DD");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("First day of the copy"),
                                  -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (duplicate_date_changed_cb), dialog, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), start ? start : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "programme-id",
                     GSIZE_TO_POINTER ((gsize) vp_programme_get_id (self->programme)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpHistory *history = vp_programme_context_get_history (self->context);
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 loaded_at;
  guint entry;
  gint64 id;

  if (self->programme == NULL)
    return;

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  id = vp_programme_get_id (self->programme);
  /* Translators: a toast after a deletion, with an Undo button. */
  title = g_strdup_printf (_("“%s” deleted"), vp_programme_get_title (self->programme));

  loaded_at = vp_store_get_change_count (self->store);
  before = vp_store_load_snapshot (self->store, id, &error);
  if (before == NULL || !vp_store_delete_programme (self->store, id, &error))
    {
      show_error (self, _("Cannot Delete the Programme"), error->message);
      return;
    }

  /* Translators: the name of a change, as in “Undo Delete Programme”. */
  entry = vp_history_record (history, _("Delete Programme"), id, before, loaded_at);
  vp_undo_offer (GTK_WIDGET (self->toast_overlay), history, entry, title);
  gtk_widget_grab_focus (GTK_WIDGET (self->programme_list));
}

/* Undoes or redoes the last change, and shows its programme when another
 * one is shown. */
static void
history_step (VpWindow *self,
              gboolean  redo)
{
  VpHistory *history = vp_programme_context_get_history (self->context);
  gint64 programme_id;

  /* an edit still waiting to be saved is saved first: it is the last change */
  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  if (!vp_undo_step (GTK_WIDGET (self->toast_overlay), history, redo))
    return;

  /* the entry done is now the last of the other list, with the programme's
   * id as it is now (a programme put back may have another) */
  programme_id = vp_history_get_programme_id (history, !redo);
  if (programme_id != 0 &&
      (self->programme == NULL || vp_programme_get_id (self->programme) != programme_id))
    vp_window_select_id (self, programme_id);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  history_step (VP_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  history_step (VP_WINDOW (widget), TRUE);
}

/* Navigation {{{1 */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->programme_list));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page;

  vp_window_show_page (self, name);

  /* Keyboard users land in the page (Alt+3, then Ctrl+Shift+N adds a
   * participant), not on the switcher they never touched. */
  page = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (page != NULL && gtk_widget_get_mapped (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *session, *participant, *host;
  const char *page = "overview";

  g_variant_get (parameter, "(&s&s&s)", &session, &participant, &host);

  if (*session != '\0')
    page = "agenda";
  else if (*participant != '\0')
    page = "participants";
  else if (*host != '\0')
    page = "hosts";

  vp_window_show_page (self, page);

  if (*session != '\0')
    vp_agenda_page_show_session (VP_AGENDA_PAGE (self->agenda_page), session);
  else if (*participant != '\0')
    vp_participants_page_show_participant (VP_PARTICIPANTS_PAGE (self->participants_page),
                                           participant);
  else if (*host != '\0')
    vp_hosts_page_show_host (VP_HOSTS_PAGE (self->hosts_page), host);
}

void
vp_window_popup_row_menu (VpWindow  *self,
                          GtkWidget *row,
                          double     x,
                          double     y)
{
  graphene_point_t point;

  if (self->row_menu == NULL)
    return;

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self->programme_list),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  gtk_popover_set_pointing_to (self->row_menu,
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (self->row_menu);
}

/* Shift+F10 and the Menu key: the menu of the focused row. */
static void
row_menu_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int width;

  if (self->programme == NULL || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->programme_list)))
    return;

  width = gtk_widget_get_width (focus);
  vp_window_popup_row_menu (self, focus, width / 2.0, gtk_widget_get_height (focus));
}

/* Import and export {{{1 */

typedef enum
{
  JOB_IMPORT,
  JOB_EXPORT_PROGRAMME,
  JOB_EXPORT_CALENDAR,
  JOB_EXPORT_PARTICIPANT,
  JOB_EXPORT_HOST,
  JOB_EXPORT_FOLDER,
  JOB_EXPORT_PDF,
} JobKind;

typedef struct
{
  JobKind             kind;
  char               *database;
  char               *path;
  gint64              programme_id;
  char               *ref;          /* participant or host */
  VpPrintContent      content;      /* JOB_EXPORT_PDF */
  VpPaperSize         paper;
  VpStoreImportFlags  flags;
  char               *uid;          /* imported */
  char               *title;
  char               *notices;      /* what the reader said of it (consent), or NULL */
  guint               n_files;
  char               *language;     /* a calendar's or PDF's; NULL: the reader's or the user's */
  /* an import: the programme before and after it, for its undo, when
   * nothing else was written in between */
  gboolean            undoable;
  VpSnapshot         *before;
  VpSnapshot         *after;
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  g_free (job->database);
  g_free (job->path);
  g_free (job->ref);
  g_free (job->uid);
  g_free (job->title);
  g_free (job->notices);
  g_free (job->language);
  g_clear_object (&job->before);
  g_clear_object (&job->after);
  g_free (job);
}

/* Runs in a thread with its own connection (design.md, Threads): the
 * window's store never leaves the main thread. */
static void
file_job_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpLanguage *previous;

  store = vp_store_new (job->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == JOB_IMPORT)
    {
      bytes = vp_file_read (job->path, VP_PROGRAMME_FORMAT_MAX_BYTES, &error);
      g_autoptr(GPtrArray) notices = NULL;

      if (bytes != NULL)
        snapshot = vp_programme_format_read_with_notices (bytes, &notices, &error);
      if (notices != NULL && notices->len > 0)
        {
          g_ptr_array_add (notices, NULL);
          job->notices = g_strjoinv ("\n\n", (char **) notices->pdata);
        }
      if (snapshot != NULL)
        {
          VpProgramme *programme = vp_snapshot_get_programme (snapshot);

          gint64 since = vp_store_get_change_count (store);
          gint64 id;

          job->uid = g_strdup (vp_programme_get_uid (programme));
          job->title = g_strdup (vp_programme_get_title (programme));
          /* what it replaces, for Undo (an update's; none for a new one) */
          if ((id = vp_store_find_programme (store, job->uid, NULL)) != 0)
            job->before = vp_store_load_snapshot (store, id, NULL);
          if (vp_store_import_snapshot (store, snapshot, job->flags, &id, &error))
            {
              job->after = vp_store_load_snapshot (store, id, NULL);
              job->undoable = job->after != NULL &&
                              !vp_store_written_elsewhere_since (store, since);
            }
        }
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  snapshot = vp_store_load_snapshot (store, job->programme_id, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No file written may be the database or one of its own files. */
  if (job->kind == JOB_EXPORT_FOLDER)
    {
      g_autoptr(GPtrArray) planned = vp_calendar_each_participant_paths (snapshot, job->path);

      for (guint i = 0; i < planned->len && error == NULL; i++)
        vp_store_check_output (store, g_ptr_array_index (planned, i), &error);
    }
  else
    vp_store_check_output (store, job->path, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the language chosen for the calendar or PDF: this thread's document language */
  previous = vp_language_set_document (job->language != NULL
                                       ? vp_language_get (job->language, NULL) : NULL);
  switch (job->kind)
    {
    case JOB_EXPORT_PROGRAMME:
      bytes = vp_programme_format_write (snapshot);
      break;

    case JOB_EXPORT_CALENDAR:
      bytes = vp_calendar_write_programme (snapshot, NULL);
      break;

    case JOB_EXPORT_PARTICIPANT:
      {
        VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, job->ref);

        if (participant == NULL)
          g_set_error (&error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                       _("The participant is no longer in the programme"));
        else
          bytes = vp_calendar_write_participant (snapshot, participant, NULL);
      }
      break;

    case JOB_EXPORT_HOST:
      {
        VpHost *host = vp_snapshot_lookup_host (snapshot, job->ref);

        if (host == NULL)
          g_set_error (&error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                       _("The host is no longer in the programme"));
        else
          bytes = vp_calendar_write_host (snapshot, host, NULL);
      }
      break;

    case JOB_EXPORT_FOLDER:
      {
        g_autoptr(GPtrArray) written = vp_calendar_write_each_participant (snapshot, job->path,
                                                                           NULL, &error);

        if (written != NULL)
          job->n_files = written->len;
      }
      break;

    case JOB_EXPORT_PDF:
      {
        VpPrintLayout layout;
        const char *subject;

        g_autoptr(VpBudget) budget = NULL;

        /* The grant sheet prints the budget "visit-planner-cli budget" gives. */
        if (vp_print_content_get_layout (job->content, job->ref, &layout, &subject, &error) &&
            layout == VP_PRINT_LAYOUT_BUDGET)
          budget = vp_store_load_budget (store, job->programme_id, snapshot, &error);
        /* Written whole or not at all, mode 0600. */
        if (error == NULL)
          vp_print_write_pdf (snapshot, layout, subject, budget, job->paper, job->path, &error);
      }
      break;

    case JOB_IMPORT:
    default:
      g_assert_not_reached ();
    }
  vp_language_set_document (previous);

  if (bytes != NULL)
    vp_file_write_atomically (job->path, bytes, EXPORT_MODE, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_file_job (VpWindow *self,
                            FileJob  *job);

static void
update_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    VpWindow         *self)
{
  FileJob *job = g_object_get_data (G_OBJECT (dialog), "job");
  FileJob *again;

  if (!g_str_equal (response, "update"))
    return;

  again = g_new0 (FileJob, 1);
  again->kind = JOB_IMPORT;
  again->database = g_strdup (job->database);
  again->path = g_strdup (job->path);
  again->flags = VP_STORE_IMPORT_UPDATE;
  start_file_job (self, again);
}

static void
ask_update (VpWindow *self,
            FileJob  *job)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  FileJob *copy = g_new0 (FileJob, 1);

  body = g_strdup_printf (_("“%s” is stored already. Importing the file updates it: sessions "
                            "that changed get a new revision, so that calendars update, and "
                            "sessions missing from the file are cancelled."),
                          job->title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Update the Programme?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "update", _("_Update"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "update",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "update");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  copy->database = g_strdup (job->database);
  copy->path = g_strdup (job->path);
  g_object_set_data_full (G_OBJECT (dialog), "job", copy, file_job_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (update_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast whose button opens @folder, where calendars were just written. */
static void
toast_open_folder (VpWindow   *self,
                   const char *title,
                   const char *folder)
{
  g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);
  AdwToast *toast = adw_toast_new (title);

  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-exported");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
file_job_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  VpWindow *self = VP_WINDOW (object);
  FileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *message = NULL;
  guint entry = 0;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *body = NULL;

      if (job->kind == JOB_IMPORT && g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS))
        {
          ask_update (self, job);
          return;
        }

      /* Translators: a file name and what is wrong with it. */
      body = g_strdup_printf (_("%s: %s"), name, error->message);
      show_error (self,
                  job->kind == JOB_IMPORT ? _("Cannot Import the Programme")
                                          : _("Cannot Export"),
                  body);
      return;
    }

  switch (job->kind)
    {
    case JOB_IMPORT:
      /* Written by another connection: the window's store learns of it now
       * rather than at its next poll. */
      vp_store_poll_external_changes (self->store);
      vp_window_select_uid (self, job->uid);
      vp_window_show_content (self);
      message = g_strdup_printf (_("Imported “%s”"), job->title);
      if (job->undoable)
        /* Translators: the name of a change, as in “Undo Import Programme”. */
        entry = vp_history_record_pair (vp_programme_context_get_history (self->context),
                                        _("Import Programme"), job->before, job->after);
      /* what was kept as consented, or left out for want of consent */
      if (job->notices != NULL)
        {
          show_error (self, message, job->notices);
          return;
        }
      vp_undo_offer (GTK_WIDGET (self->toast_overlay),
                     vp_programme_context_get_history (self->context), entry, message);
      return;

    case JOB_EXPORT_FOLDER:
      message = g_strdup_printf (ngettext ("%u calendar written to %s",
                                           "%u calendars written to %s", job->n_files),
                                 job->n_files, name);
      toast_open_folder (self, message, job->path);
      return;

    case JOB_EXPORT_CALENDAR:
    case JOB_EXPORT_PARTICIPANT:
    case JOB_EXPORT_HOST:
      {
        g_autofree char *folder = g_path_get_dirname (job->path);

        message = g_strdup_printf (_("Exported to %s"), name);
        toast_open_folder (self, message, folder);
      }
      return;

    case JOB_EXPORT_PDF:
      {
        g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
        /* Translators: a toast after Export PDF; %s is the file's name. */
        g_autofree char *title = g_strdup_printf (_("Saved %s"), name);
        AdwToast *toast = adw_toast_new (title);

        if (uri != NULL)
          {
            adw_toast_set_button_label (toast, _("_Open"));
            adw_toast_set_action_name (toast, "win.open-exported");
            adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
          }
        adw_toast_overlay_add_toast (self->toast_overlay, toast);
      }
      return;

    case JOB_EXPORT_PROGRAMME:
    default:
      message = g_strdup_printf (_("Exported to %s"), name);
      break;
    }

  vp_window_toast (self, message);
}

static void
start_file_job (VpWindow *self,
                FileJob  *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, file_job_done_cb, NULL);

  if (job->database == NULL)
    job->database = g_strdup (vp_store_get_path (self->store));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  g_task_set_source_tag (task, start_file_job);
  g_task_set_task_data (task, job, file_job_free);
  g_task_run_in_thread (task, file_job_thread);
}

static gboolean
job_is_calendar (FileJob *job)
{
  return job->kind == JOB_EXPORT_CALENDAR || job->kind == JOB_EXPORT_PARTICIPANT
         || job->kind == JOB_EXPORT_HOST || job->kind == JOB_EXPORT_FOLDER;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     VpWindow        *self)
{
  FileJob *job = g_object_steal_data (G_OBJECT (chooser), "job");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file == NULL || g_file_get_path (file) == NULL)
    {
      file_job_free (job);
      g_object_unref (chooser);
      return;
    }

  job->path = g_file_get_path (file);
  /* A calendar's language; "": the reader's, else the user's. */
  if (job_is_calendar (job)
      && g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language"), "") > 0)
    job->language = g_strdup (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                           "language"));
  start_file_job (self, job);
  g_object_unref (chooser);
}

static void
choose_file (VpWindow             *self,
             FileJob              *job,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *suggested_name,
             GtkFileFilter        *filter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    {
      GtkFileFilter *all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
      g_object_unref (all);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  /* A calendar's language (docs/cli.md, Languages). */
  if (job_is_calendar (job))
    {
      g_auto(GStrv) codes = vp_language_available_codes ();
      g_autoptr(GPtrArray) options = g_ptr_array_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (options, (gpointer) "");
      /* Translators: a calendar's language: each participant's or host's own, else the user's */
      g_ptr_array_add (labels, g_strdup (_("Reader’s Own")));
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_ptr_array_add (options, codes[i]);
          g_ptr_array_add (labels, g_strdup (vp_language_code_get_name (codes[i])));
        }
      g_ptr_array_add (options, NULL);
      g_ptr_array_add (labels, NULL);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "language", _("Language"),
                                   (const char **) options->pdata,
                                   (const char **) labels->pdata);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", "");
    }

  g_object_set_data (G_OBJECT (chooser), "job", job);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkFileFilter *
programme_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Programme Documents"));
  gtk_file_filter_add_pattern (filter, "*.visit.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  return filter;
}

static GtkFileFilter *
calendar_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  return filter;
}

static void
import_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = programme_filter ();
  FileJob *job = g_new0 (FileJob, 1);

  job->kind = JOB_IMPORT;
  choose_file (self, job, _("Import Programme"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
               NULL, filter);
}

static void
export_programme_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = programme_filter ();
  g_autofree char *name = NULL;
  FileJob *job;

  if (self->programme == NULL)
    return;

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  job = g_new0 (FileJob, 1);
  job->kind = JOB_EXPORT_PROGRAMME;
  job->programme_id = vp_programme_get_id (self->programme);
  name = file_name_for (vp_programme_get_title (self->programme), ".visit.json");
  choose_file (self, job, _("Export Programme"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               name, filter);
}

/* Which participant or host: a searchable drop-down in a dialog. */
static void
pick_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  VpWindow         *self)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *refs = g_object_get_data (G_OBJECT (dialog), "refs");
  GPtrArray *names = g_object_get_data (G_OBJECT (dialog), "file-names");
  JobKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  FileJob *job;

  if (!g_str_equal (response, "choose") || selected >= refs->len || self->programme == NULL)
    return;

  job = g_new0 (FileJob, 1);
  job->kind = kind;
  job->programme_id = vp_programme_get_id (self->programme);
  job->ref = g_strdup (g_ptr_array_index (refs, selected));
  choose_file (self, job, _("Export Calendar"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               g_ptr_array_index (names, selected), filter);
}

static void
pick_and_export (VpWindow *self,
                 JobKind   kind)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *refs = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GtkExpression *expression;
  GtkWidget *dialog;
  GtkWidget *drop_down;
  GPtrArray *objects;

  snapshot = vp_store_load_snapshot (self->store, vp_programme_get_id (self->programme), &error);
  if (snapshot == NULL)
    {
      show_error (self, _("Cannot Export"), error->message);
      g_ptr_array_unref (refs);
      g_ptr_array_unref (names);
      return;
    }

  objects = kind == JOB_EXPORT_PARTICIPANT ? vp_snapshot_get_participants (snapshot)
                                           : vp_snapshot_get_hosts (snapshot);
  for (guint i = 0; i < objects->len; i++)
    {
      if (kind == JOB_EXPORT_PARTICIPANT)
        {
          VpParticipant *participant = g_ptr_array_index (objects, i);
          const char *email = vp_participant_get_email (participant);
          g_autofree char *label =
            email ? g_strdup_printf ("%s <%s>", vp_participant_get_name (participant), email)
                  : g_strdup (vp_participant_get_name (participant));

          gtk_string_list_append (labels, label);
          g_ptr_array_add (refs, g_strdup (vp_participant_get_ref (participant)));
          g_ptr_array_add (names, vp_calendar_file_name (participant, taken));
        }
      else
        {
          VpHost *host = g_ptr_array_index (objects, i);

          gtk_string_list_append (labels, vp_host_get_name (host));
          g_ptr_array_add (refs, g_strdup (vp_host_get_ref (host)));
          g_ptr_array_add (names, file_name_for (vp_host_get_name (host), ".ics"));
        }
    }

  if (objects->len == 0)
    {
      vp_window_toast (self, kind == JOB_EXPORT_PARTICIPANT ? _("The programme has no participants")
                                                            : _("The programme has no hosts"));
      g_ptr_array_unref (refs);
      g_ptr_array_unref (names);
      return;
    }

  dialog =
    adw_message_dialog_new (GTK_WINDOW (self),
                            kind == JOB_EXPORT_PARTICIPANT ? _("Export a Participant’s Calendar")
                                                           : _("Export a Host’s Calendar"),
                            kind == JOB_EXPORT_PARTICIPANT
                              ? _("The calendar holds the sessions the participant attends, "
                                  "their travel and their hotel stays.")
                              : _("The calendar holds the sessions at the host, with the "
                                  "size of the group."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);

  g_object_set_data_full (G_OBJECT (dialog), "refs", refs, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "file-names", names,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (dialog, "response", G_CALLBACK (pick_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  g_autofree char *name = NULL;
  FileJob *job;

  if (self->programme == NULL)
    return;

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));

  if (g_str_equal (what, "participant"))
    {
      pick_and_export (self, JOB_EXPORT_PARTICIPANT);
      return;
    }
  if (g_str_equal (what, "host"))
    {
      pick_and_export (self, JOB_EXPORT_HOST);
      return;
    }

  job = g_new0 (FileJob, 1);
  job->programme_id = vp_programme_get_id (self->programme);

  if (g_str_equal (what, "folder"))
    {
      job->kind = JOB_EXPORT_FOLDER;
      choose_file (self, job, _("Export Every Participant’s Calendar"),
                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), NULL, NULL);
      return;
    }

  job->kind = JOB_EXPORT_CALENDAR;
  name = file_name_for (vp_programme_get_title (self->programme), ".ics");
  choose_file (self, job, _("Export Calendar"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               name, filter);
}

/* Print and Export PDF {{{1 */

/* The layout the page on show suggests: a participant's agenda from the
 * participants, a host sheet from the hosts. */
static VpPrintContent
suggested_content (VpWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "participants") == 0)
    return VP_PRINT_CONTENT_PARTICIPANT;
  if (g_strcmp0 (page, "hosts") == 0)
    return VP_PRINT_CONTENT_HOST_SHEET;

  return VP_PRINT_CONTENT_AGENDA;
}

/* Whom that layout is for: the participant or host selected on the page
 * on show (the first, when several are), or NULL. */
static char *
suggested_subject (VpWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autoptr(GPtrArray) items = NULL;
  GObject *item;

  if (g_strcmp0 (page, "participants") == 0)
    items = vp_table_page_dup_selected_items (VP_TABLE_PAGE (self->participants_page));
  else if (g_strcmp0 (page, "hosts") == 0)
    items = vp_table_page_dup_selected_items (VP_TABLE_PAGE (self->hosts_page));
  if (items == NULL || items->len == 0)
    return NULL;

  item = g_ptr_array_index (items, 0);
  if (VP_IS_PARTICIPANT (item))
    return g_strdup (vp_participant_get_ref (VP_PARTICIPANT (item)));
  if (VP_IS_HOST (item))
    return g_strdup (vp_host_get_ref (VP_HOST (item)));
  return NULL;
}

static VpSnapshot *
load_shown_snapshot (VpWindow    *self,
                     const char  *heading)
{
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot;

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  snapshot = vp_store_load_snapshot (self->store, vp_programme_get_id (self->programme), &error);
  if (snapshot == NULL)
    show_error (self, heading, error->message);

  return snapshot;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               VpWindow                *self)
{
  VpPrintOperation *print = VP_PRINT_OPERATION (operation);
  const GError *document_error = vp_print_operation_get_document_error (print);
  g_autoptr(GError) error = NULL;

  if (self->print_operation == print)
    g_clear_object (&self->print_operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Cannot Print"),
                  error != NULL ? error->message : _("The printer failed"));
      return;
    }

  /* ::begin-print cancels when the layout cannot be drawn. */
  if (document_error != NULL)
    {
      show_error (self, _("Cannot Print"), document_error->message);
      return;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      if (vp_print_operation_get_used_page_setup (print) != NULL)
        g_set_object (&self->page_setup, vp_print_operation_get_used_page_setup (print));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) organisation_visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  GtkPrintOperationResult result;
  VpPrintOperation *print;

  /* One print dialog at a time. */
  if (self->programme == NULL || self->print_operation != NULL)
    return;

  snapshot = load_shown_snapshot (self, _("Cannot Print"));
  if (snapshot == NULL)
    return;
  /* The grant sheet computes its budget from these in the language it
   * prints in (its reasons are words). */
  organisation_visits = vp_store_collect_organisation_visits (
    self->store, vp_programme_get_id (self->programme), &error);
  if (organisation_visits == NULL)
    {
      show_error (self, _("Cannot Print"), error->message);
      return;
    }

  print = vp_print_operation_new (snapshot);
  vp_print_operation_set_organisation_visits (print, organisation_visits);
  subject = suggested_subject (self);
  vp_print_operation_set_content (print, suggested_content (self), subject);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (print), self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (print), self->page_setup);
  g_signal_connect_object (print, "done", G_CALLBACK (print_done_cb), self, 0);
  self->print_operation = print;

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* An error before the dialog shows, when ::done may not come. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation == print)
    {
      g_clear_object (&self->print_operation);
      show_error (self, _("Cannot Print"),
                  error != NULL ? error->message : _("The printer failed"));
    }
}

static GtkFileFilter *
pdf_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  return filter;
}

/* "Vilnius 2027 – agenda.pdf" */
static char *
pdf_file_name (VpSnapshot     *snapshot,
               VpPrintContent  content,
               const char     *subject)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_autofree char *title = file_name_for (vp_programme_get_title (programme), "");
  g_autofree char *what = NULL;
  g_autofree char *what_name = NULL;

  switch (content)
    {
    case VP_PRINT_CONTENT_PARTICIPANT:
      {
        VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, subject);

        /* Translators: in a file name: one participant's agenda. */
        what = g_strdup_printf (_("agenda for %s"),
                                participant ? vp_participant_get_name (participant) : subject);
      }
      break;

    case VP_PRINT_CONTENT_HOST_SHEET:
      {
        VpHost *host = vp_snapshot_lookup_host (snapshot, subject);

        /* Translators: in a file name: the sheet for one host's staff. */
        what = g_strdup_printf (_("host sheet for %s"), host ? vp_host_get_name (host) : subject);
      }
      break;

    case VP_PRINT_CONTENT_CONTACTS:
      /* Translators: in a file name: the contact sheet. */
      what = g_strdup (_("contacts"));
      break;

    case VP_PRINT_CONTENT_BUDGET:
      /* Translators: in a file name: the ClusterXChange grant sheet. */
      what = g_strdup (_("grant sheet"));
      break;

    case VP_PRINT_CONTENT_ATTENDANCE:
      if (subject != NULL)
        /* Translators: in a file name: one day's attendance sheets: "attendance sheets
         * 2027-04-13". */
        what = g_strdup_printf (_("attendance sheets %s"), subject);
      else
        /* Translators: in a file name: every day's attendance sheets. */
        what = g_strdup (_("attendance sheets"));
      break;

    case VP_PRINT_CONTENT_CERTIFICATE:
      if (subject != NULL)
        {
          VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, subject);

          /* Translators: in a file name: one participant's certificate of attendance. */
          what = g_strdup_printf (_("certificate for %s"),
                                  participant ? vp_participant_get_name (participant) : subject);
        }
      else
        /* Translators: in a file name: every participant's certificate of attendance. */
        what = g_strdup (_("certificates"));
      break;

    case VP_PRINT_CONTENT_CATERING:
      /* Translators: in a file name: the catering sheet. */
      what = g_strdup (_("catering sheet"));
      break;

    case VP_PRINT_CONTENT_ROOMING:
      /* Translators: in a file name: the rooming list for the hotels. */
      what = g_strdup (_("rooming list"));
      break;

    case VP_PRINT_CONTENT_BADGES:
      /* Translators: in a file name: the name badges. */
      what = g_strdup (_("name badges"));
      break;

    case VP_PRINT_CONTENT_QUALITY_COMMITMENT:
      /* Translators: in a file name: the drafts of the ClusterXChange Commitment to Quality. */
      what = g_strdup (_("commitment to quality"));
      break;

    case VP_PRINT_CONTENT_AGENDA:
    default:
      /* Translators: in a file name: the programme's agenda. */
      what = g_strdup (_("agenda"));
      break;
    }

  what_name = file_name_for (what, ".pdf");
  /* Translators: a file name: the programme's title and what the PDF holds,
   * such as "Vilnius 2027 – agenda.pdf". */
  return g_strdup_printf (_("%s – %s"), title, what_name);
}

static FileJob *
pdf_job_new (VpWindow       *self,
             VpPrintContent  content,
             const char     *subject,
             VpPaperSize     paper)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->kind = JOB_EXPORT_PDF;
  job->programme_id = vp_programme_get_id (self->programme);
  job->content = content;
  job->ref = g_strdup (subject);
  job->paper = paper;
  return job;
}

static void
export_pdf_chosen_cb (VpPrintDialog *dialog,
                      VpWindow      *self)
{
  VpPrintContent content = vp_print_dialog_get_content (dialog);
  const char *subject = vp_print_dialog_get_subject (dialog);
  g_autoptr(GtkFileFilter) filter = pdf_filter ();
  g_autofree char *name = NULL;
  FileJob *job;

  if (self->programme == NULL)
    return;

  self->export_paper = vp_print_dialog_get_paper (dialog);
  name = pdf_file_name (vp_print_dialog_get_snapshot (dialog), content, subject);
  job = pdf_job_new (self, content, subject, self->export_paper);
  job->language = g_strdup (vp_print_dialog_get_language (dialog));
  choose_file (self, job, _("Export PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
               filter);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *subject = NULL;
  VpPrintDialog *dialog;

  if (self->programme == NULL)
    return;

  snapshot = load_shown_snapshot (self, _("Cannot Export"));
  if (snapshot == NULL)
    return;

  subject = suggested_subject (self);
  dialog = vp_print_dialog_new (snapshot, suggested_content (self), subject, self->export_paper);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_pdf_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vp_window_export_pdf (VpWindow       *self,
                      VpPrintContent  content,
                      const char     *subject,
                      VpPaperSize     paper,
                      const char     *path)
{
  FileJob *job;

  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->programme == NULL)
    return;

  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));
  job = pdf_job_new (self, content, subject, paper);
  job->path = g_strdup (path);
  start_file_job (self, job);
}

static void
open_exported_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(VpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_error (self, _("Cannot Open the File"), error->message);
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL),
                                           G_APP_LAUNCH_CONTEXT (context), NULL,
                                           open_exported_done_cb, g_object_ref (widget));
}

/* Publishing {{{1 */

static void
publish_settings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (self->programme == NULL)
    return;
  gtk_window_present (GTK_WINDOW (vp_publish_dialog_new (GTK_WINDOW (self), self->store,
                                                         vp_programme_get_id (self->programme))));
}

static void
publish_progress_cb (VpPublishRun *run,
                     const char   *text,
                     double        fraction,
                     gpointer      user_data)
{
  VpWindow *self = user_data;

  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (self->publish_toast != NULL)
    adw_toast_set_title (self->publish_toast, escaped);
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VpWindow) self = user_data;
  VpPublishRunResult outcome;
  g_autofree char *lines = vp_publish_run_finish (VP_PUBLISH_RUN (source), result, &outcome);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->publish_toast);

  g_clear_object (&self->publish_run);

  switch (outcome)
    {
    case VP_PUBLISH_RUN_NO_TARGETS:
      title = g_strdup (_("The programme has no publish targets yet"));
      break;
    case VP_PUBLISH_RUN_CONFLICTS:
      /* Translators: a toast after Publish; %s says what it did */
      title = g_strdup_printf (_("Published, changes made on the server left alone: %s"), lines);
      break;
    case VP_PUBLISH_RUN_FAILED:
      /* Translators: a toast after Publish; %s says what went wrong */
      title = g_strdup_printf (_("Publishing failed: %s"), lines);
      break;
    case VP_PUBLISH_RUN_PUBLISHED:
    default:
      /* Translators: a toast after Publish; %s says what it did */
      title = g_strdup_printf (_("Published: %s"), lines);
      break;
    }

  /* The progress toast becomes the result's, and stays until closed (a
   * toast dismissed while it is still coming in crashes libadwaita 1.2). */
  g_strdelimit (title, "\n", ';');
  escaped = g_markup_escape_text (title, -1);
  adw_toast_set_title (toast, escaped);
  if (outcome != VP_PUBLISH_RUN_PUBLISHED)
    {
      adw_toast_set_button_label (toast, outcome == VP_PUBLISH_RUN_NO_TARGETS ? _("_Set Up")
                                                                              : _("_Details"));
      adw_toast_set_action_name (toast, "win.publish-settings");
    }
}

/* Publishes the shown programme to each of its targets, in the background,
 * with its progress in a toast and the result in another. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (self->programme == NULL || self->publish_run != NULL)
    return;

  self->publish_run = vp_publish_run_new (self->store, vp_programme_get_id (self->programme));
  g_signal_connect_object (self->publish_run, "progress", G_CALLBACK (publish_progress_cb),
                           self, 0);
  self->publish_toast = adw_toast_new (_("Publishing…"));
  adw_toast_set_timeout (self->publish_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->publish_toast));
  vp_publish_run_start (self->publish_run, NULL, publish_done_cb, g_object_ref (self));
}

/* Setup {{{1 */

void
vp_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const char * const pages[] = { "overview", "agenda", "participants", "organisations",
                                        "hosts", "checks" };

  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-programme", NULL,
                                   duplicate_programme_action);
  gtk_widget_class_install_action (widget_class, "win.delete-programme", NULL,
                                   delete_programme_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "(sss)", show_problem_action);
  gtk_widget_class_install_action (widget_class, "win.row-menu", NULL, row_menu_action);
  gtk_widget_class_install_action (widget_class, "win.import-programme", NULL,
                                   import_programme_action);
  gtk_widget_class_install_action (widget_class, "win.export-programme", NULL,
                                   export_programme_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", "s",
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.publish-settings", NULL,
                                   publish_settings_action);
  vp_window_class_add_import_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-programme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-programme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-programme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.duplicate-programme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

/* vp-window-import.c: the window's imports of participants, hosts and calendar events. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-file.h"
#include "vp-overview-page.h"
#include "vp-programme-format.h"
#include "vp-window-import.h"
#include "vp-window-private.h"
#include "vp-undo.h"

/* The sample programme, under PKGDATADIR (or the source tree's data/). */
#define SAMPLE_PROGRAMME "demo/vilnius-2027.visit.json"

/* Set on the window while a file is being read: one import at a time. */
#define PENDING_KEY "vp-window-import-pending"

/* "12 participants added, 3 updated" */
static char *
imported_text (VpImportKind kind,
               guint        added,
               guint        updated)
{
  switch (kind)
    {
    case VP_IMPORT_KIND_HOSTS:
      if (added > 0 && updated > 0)
        /* Translators: a toast after an import; the second number is of
         * hosts updated. */
        return g_strdup_printf (ngettext ("%u host added, %u updated",
                                          "%u hosts added, %u updated", added),
                                added, updated);
      if (added > 0)
        return g_strdup_printf (ngettext ("%u host added", "%u hosts added", added), added);
      return g_strdup_printf (ngettext ("%u host updated", "%u hosts updated", updated), updated);

    case VP_IMPORT_KIND_CALENDAR:
      if (added > 0 && updated > 0)
        /* Translators: a toast after an import; the second number is of
         * sessions updated. */
        return g_strdup_printf (ngettext ("%u session added, %u updated",
                                          "%u sessions added, %u updated", added),
                                added, updated);
      if (added > 0)
        return g_strdup_printf (ngettext ("%u session added", "%u sessions added", added), added);
      return g_strdup_printf (ngettext ("%u session updated", "%u sessions updated", updated),
                              updated);

    case VP_IMPORT_KIND_PARTICIPANTS:
    default:
      if (added > 0 && updated > 0)
        /* Translators: a toast after an import; the second number is of
         * participants updated. */
        return g_strdup_printf (ngettext ("%u participant added, %u updated",
                                          "%u participants added, %u updated", added),
                                added, updated);
      if (added > 0)
        return g_strdup_printf (ngettext ("%u participant added", "%u participants added", added),
                                added);
      return g_strdup_printf (ngettext ("%u participant updated", "%u participants updated",
                                        updated),
                              updated);
    }
}

static void
imported_cb (VpImportDialog *dialog,
             guint           added,
             guint           updated,
             VpWindow       *self)
{
  VpImportKind kind = vp_import_dialog_get_kind (dialog);
  g_autofree char *title = imported_text (kind, added, updated);

  vp_window_show_page (self,
                       kind == VP_IMPORT_KIND_CALENDAR ? "agenda"
                       : kind == VP_IMPORT_KIND_HOSTS ? "hosts" : "participants");
  vp_undo_offer (GTK_WIDGET (self->toast_overlay),
                 vp_programme_context_get_history (self->context),
                 vp_import_dialog_get_undo_entry (dialog), title);
}

typedef struct
{
  VpWindow     *window;
  VpImportKind  kind;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->window);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
preview_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  VpWindow *self = pending->window;
  VpImportKind kind = pending->kind;
  g_autoptr(GError) error = NULL;
  VpImportDialog *dialog;

  g_object_set_data (G_OBJECT (self), PENDING_KEY, NULL);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  dialog = vp_import_dialog_new_finish (result, &error);
  if (dialog == NULL)
    {
      g_autofree char *body = NULL;
      GtkWidget *message;

      /* Translators: below what is wrong with a file (which names it and
       * its line). */
      body = g_strdup_printf (_("%s\n\nNothing was imported."), error->message);
      message = adw_message_dialog_new (GTK_WINDOW (self), vp_import_kind_get_error_heading (kind),
                                        body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vp_window_import_file (VpWindow     *self,
                       VpImportKind  kind,
                       GFile        *file)
{
  VpProgramme *programme;
  Pending *pending;

  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  programme = vp_window_get_programme (self);
  if (programme == NULL || g_object_get_data (G_OBJECT (self), PENDING_KEY) != NULL)
    return;

  /* A half-typed field belongs in the programme the import starts from. */
  vp_overview_page_flush (VP_OVERVIEW_PAGE (self->overview_page));

  g_object_set_data (G_OBJECT (self), PENDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  pending = g_new0 (Pending, 1);
  pending->window = g_object_ref (self);
  pending->kind = kind;
  vp_import_dialog_new_async (self->store, vp_programme_get_id (programme), kind, file, NULL,
                              preview_ready_cb, pending);
}

/* The actions {{{1 */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     VpWindow        *self)
{
  VpImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    vp_window_import_file (self, kind, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (VpWindow     *self,
             VpImportKind  kind)
{
  static const char * const titles[] = {
    [VP_IMPORT_KIND_PARTICIPANTS] = N_("Import Participants"),
    [VP_IMPORT_KIND_HOSTS] = N_("Import Hosts"),
    [VP_IMPORT_KIND_CALENDAR] = N_("Import Calendar Events"),
  };
  GtkFileChooserNative *chooser;

  if (vp_window_get_programme (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_(titles[kind]), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (kind == VP_IMPORT_KIND_CALENDAR)
    add_filter (GTK_FILE_CHOOSER (chooser), _("Calendars"), "text/calendar", "*.ics");
  else
    /* Translators: a file type in the file chooser. */
    add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (CSV)"), "text/csv", "*.csv");
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), NULL, "*");

  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_participants_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  choose_file (VP_WINDOW (widget), VP_IMPORT_KIND_PARTICIPANTS);
}

static void
import_hosts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (VP_WINDOW (widget), VP_IMPORT_KIND_HOSTS);
}

static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_file (VP_WINDOW (widget), VP_IMPORT_KIND_CALENDAR);
}

/* The sample programme {{{1 */

gint64
vp_window_import_sample (VpStore  *store,
                         GError  **error)
{
  const char * const folders[] = { PKGDATADIR, SOURCE_DATADIR };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uid = NULL;
  VpProgramme *programme;
  gint64 programme_id = 0;

  g_return_val_if_fail (VP_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (folders) && path == NULL; i++)
    {
      g_autofree char *candidate = g_build_filename (folders[i], SAMPLE_PROGRAMME, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        path = g_steal_pointer (&candidate);
    }
  if (path == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   /* Translators: %s is a file name */
                   _("The sample programme %s is not installed"), SAMPLE_PROGRAMME);
      return 0;
    }

  bytes = vp_file_read (path, VP_PROGRAMME_FORMAT_MAX_BYTES, error);
  if (bytes == NULL || (snapshot = vp_programme_format_read (bytes, error)) == NULL)
    return 0;

  /* Never taken for real work: a draft whose title says it is a sample,
   * with a uid of its own, so that it can be opened again after an edit. */
  programme = vp_snapshot_get_programme (snapshot);
  /* Translators: the title of the sample programme; %s is its own title */
  title = g_strdup_printf (_("Sample: %s"), vp_programme_get_title (programme));
  uid = g_uuid_string_random ();
  vp_programme_set_title (programme, title);
  vp_programme_set_uid (programme, uid);
  vp_programme_set_status (programme, VP_PROGRAMME_STATUS_DRAFT);

  if (!vp_store_import_snapshot (store, snapshot, VP_STORE_IMPORT_NONE, &programme_id, error))
    return 0;

  return programme_id;
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 programme_id;

  programme_id = vp_window_import_sample (self->store, &error);
  if (programme_id == 0)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self),
                                                   _("Cannot Open the Sample Programme"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  vp_window_select_id (self, programme_id);
  vp_window_show_content (self);
}

void
vp_window_update_import_actions (VpWindow *self)
{
  gboolean have_programme = vp_window_get_programme (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-participants", have_programme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-hosts", have_programme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar", have_programme);
}

void
vp_window_class_add_import_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-participants", NULL,
                                   import_participants_action);
  gtk_widget_class_install_action (widget_class, "win.import-hosts", NULL,
                                   import_hosts_action);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL,
                                   import_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);

  /* Registrations are what comes in most often. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-participants", NULL);
}

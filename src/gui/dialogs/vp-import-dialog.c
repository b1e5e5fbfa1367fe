/* vp-import-dialog.c: the preview of a spreadsheet or calendar import, and its Import button. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vp-csv.h"
#include "vp-csv-import.h"
#include "vp-file.h"
#include "vp-ical-import.h"
#include "vp-import-dialog.h"
#include "vp-import-item.h"
#include "vp-snapshot-diff.h"
#include "vp-undo.h"

/* Text from a file is shown on one line, and only so much of it. */
#define MAX_SHOWN_CHARS 200

#define RESOURCE_PATH "/io/github/visitplanner/VisitPlanner/"

/* How tall a list grows before it scrolls, in pixels. */
#define MAX_LIST_HEIGHT 360

/* The preview {{{1 */

/* One run of an importer over the programme as it was loaded, and what it
 * would change, as lists to show.  Shared between the thread that makes it
 * and the dialog that shows it (reference counted); only read once made. */
typedef struct
{
  VpImportKind  kind;
  GFile        *file;
  char         *file_name;
  gint64        programme_id;
  /* The store's change count when @before was loaded: the import applies
   * only while it stays the same. */
  gint64        change_count;
  VpSnapshot   *before;
  GBytes       *bytes;

  VpSnapshot   *after;
  guint         added;
  guint         new_organisations;  /* made for the people added or updated */
  guint         updated;
  guint         unchanged;
  guint         skipped;
  char         *read_as;
  char         *ignored;
  GPtrArray    *added_items;    /* VpImportItem */
  GPtrArray    *updated_items;
  GPtrArray    *skipped_items;
  GPtrArray    *note_items;
} Preview;

static void
preview_clear (gpointer data)
{
  Preview *preview = data;

  g_clear_object (&preview->file);
  g_clear_pointer (&preview->file_name, g_free);
  g_clear_object (&preview->before);
  g_clear_pointer (&preview->bytes, g_bytes_unref);
  g_clear_object (&preview->after);
  g_clear_pointer (&preview->read_as, g_free);
  g_clear_pointer (&preview->ignored, g_free);
  g_clear_pointer (&preview->added_items, g_ptr_array_unref);
  g_clear_pointer (&preview->updated_items, g_ptr_array_unref);
  g_clear_pointer (&preview->skipped_items, g_ptr_array_unref);
  g_clear_pointer (&preview->note_items, g_ptr_array_unref);
}

static void
preview_unref (Preview *preview)
{
  g_atomic_rc_box_release_full (preview, preview_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Preview, preview_unref)

static Preview *
preview_new (VpImportKind  kind,
             GFile        *file,
             gint64        programme_id)
{
  Preview *preview = g_atomic_rc_box_new0 (Preview);

  preview->kind = kind;
  preview->file = g_object_ref (file);
  preview->file_name = g_file_get_basename (file);
  /* A name in the file system's encoding, shown as text. */
  if (preview->file_name != NULL)
    {
      char *shown = g_filename_display_name (preview->file_name);

      g_free (preview->file_name);
      preview->file_name = shown;
    }
  else
    preview->file_name = g_file_get_parse_name (file);
  preview->programme_id = programme_id;
  preview->added_items = g_ptr_array_new_with_free_func (g_object_unref);
  preview->updated_items = g_ptr_array_new_with_free_func (g_object_unref);
  preview->skipped_items = g_ptr_array_new_with_free_func (g_object_unref);
  preview->note_items = g_ptr_array_new_with_free_func (g_object_unref);

  return preview;
}

/* Text from a file on one line: control characters as spaces, shortened. */
static char *
shown_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint n = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (p = valid; *p != '\0' && n < MAX_SHOWN_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static void
add_item (GPtrArray  *items,
          const char *title,
          const char *subtitle)
{
  g_autofree char *shown_title = shown_text (title);

  g_ptr_array_add (items, vp_import_item_new (shown_title ? shown_title : "", subtitle));
}

/* What the import changes, as core words it (vp-snapshot-diff.h): what
 * comes in, and what changes or is cancelled.  The store writes the import
 * as an update. */
static void
describe_changes (Preview *preview)
{
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (preview->before, preview->after,
                                                         VP_SNAPSHOT_DIFF_UPDATE);

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    {
      GPtrArray *changes = vp_snapshot_diff_get_changes (diff, kind);

      for (guint i = 0; i < changes->len; i++)
        {
          VpSnapshotChange *change = g_ptr_array_index (changes, i);
          /* a change with its old and new values, not only the fields' names */
          g_autofree char *details = change->action == VP_CHANGE_ADDED
                                     ? vp_snapshot_change_get_details (change)
                                     : vp_snapshot_change_get_values (change);
          g_autofree char *shown_details = shown_text (details);

          /* an organisation a file's people name is made with them: said
           * so, for a misspelt name not to make one unseen */
          if (kind == VP_ENTITY_ORGANISATION && change->action == VP_CHANGE_ADDED)
            {
              char *said = shown_details == NULL
                           ? g_strdup (_("New organisation"))
                           /* Translators: an organisation an import makes, and
                            * its country: “New organisation · Germany” */
                           : g_strdup_printf (_("New organisation · %s"), shown_details);

              preview->new_organisations++;
              g_free (shown_details);
              shown_details = said;
            }

          add_item (change->action == VP_CHANGE_ADDED ? preview->added_items
                                                      : preview->updated_items,
                    vp_snapshot_change_get_name (change), shown_details);
        }
    }
}

/* "Line 12", or "Line 12, event 1234@example.org" */
static char *
line_title (guint       line,
            const char *uid)
{
  g_autofree char *shown_uid = shown_text (uid);

  if (line == 0)
    return g_strdup (_("The whole file"));
  if (shown_uid != NULL)
    /* Translators: where an event is in a calendar file, and its UID. */
    return g_strdup_printf (_("Line %u, event %s"), line, shown_uid);
  /* Translators: where a row or an event is in a file. */
  return g_strdup_printf (_("Line %u"), line);
}

static void
describe_csv_report (Preview     *preview,
                     VpCsvReport *report)
{
  gboolean other_encoding = g_strcmp0 (report->encoding, "UTF-8") != 0;
  const char *separator = NULL;

  preview->added = report->added;
  preview->updated = report->updated;
  preview->unchanged = report->unchanged;
  preview->skipped = report->skipped->len;

  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpCsvSkip *skip = g_ptr_array_index (report->skipped, i);
      g_autofree char *title = line_title (skip->line, NULL);
      g_autofree char *reason = shown_text (skip->reason);

      add_item (preview->skipped_items, title, reason);
    }

  /* what is not kept for want of consent, and what is kept as consented */
  for (guint i = 0; i < report->not_stored->len; i++)
    {
      VpCsvSkip *entry = g_ptr_array_index (report->not_stored, i);
      g_autofree char *title = line_title (entry->line, NULL);
      g_autofree char *reason = shown_text (entry->reason);

      add_item (preview->note_items, title, reason);
    }
  if (report->assumed_consent > 0)
    {
      g_autofree char *reason =
        g_strdup_printf (ngettext ("No consent column: what it gives of the %u person it adds "
                                   "is kept as consented, as whoever collected it asked for it",
                                   "No consent column: what it gives of the %u people it adds "
                                   "is kept as consented, as whoever collected it asked for it",
                                   report->assumed_consent),
                         report->assumed_consent);

      add_item (preview->note_items, _("Consent"), reason);
    }

  /* Worth saying when it is not what the user would assume. */
  if (report->separator == ';')
    separator = _("semicolon-separated");
  else if (report->separator == '\t')
    separator = _("tab-separated");

  if (other_encoding && separator != NULL)
    /* Translators: how a spreadsheet was read, as in “Read as
     * Windows-1252, semicolon-separated”. */
    preview->read_as = g_strdup_printf (_("Read as %s, %s"), report->encoding, separator);
  else if (other_encoding)
    /* Translators: the text encoding a spreadsheet was read in. */
    preview->read_as = g_strdup_printf (_("Read as %s"), report->encoding);
  else if (report->separator == ';')
    preview->read_as = g_strdup (_("Semicolon-separated"));
  else if (report->separator == '\t')
    preview->read_as = g_strdup (_("Tab-separated"));

  if (report->unknown_columns->len > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      for (guint i = 0; i < report->unknown_columns->len; i++)
        {
          const char *column = g_ptr_array_index (report->unknown_columns, i);
          g_autofree char *name = shown_text (vp_csv_unguard_cell (column));

          /* Translators: a column name in quotes. */
          g_ptr_array_add (names, g_strdup_printf (_("“%s”"), name));
        }
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **)names->pdata);
      /* Translators: the columns of a spreadsheet that Visit Planner does
       * not know, as in “Ignored columns: “T-shirt size”, “Badge””. */
      preview->ignored = g_strdup_printf (ngettext ("Ignored column: %s", "Ignored columns: %s",
                                                    report->unknown_columns->len),
                                          list);
    }
}

static void
describe_ical_report (Preview      *preview,
                      VpIcalReport *report)
{
  preview->added = report->added;
  preview->updated = report->updated;
  preview->unchanged = report->unchanged;
  preview->skipped = report->skipped->len;

  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpIcalSkip *skip = g_ptr_array_index (report->skipped, i);
      g_autofree char *title = line_title (skip->line, skip->uid);
      g_autofree char *reason = shown_text (skip->reason);

      add_item (preview->skipped_items, title, reason);
    }

  for (guint i = 0; i < report->notes->len; i++)
    {
      VpIcalSkip *note = g_ptr_array_index (report->notes, i);
      g_autofree char *title = line_title (note->line, note->uid);
      g_autofree char *reason = shown_text (note->reason);

      add_item (preview->note_items, title, reason);
    }
}

/* Runs in a thread: the snapshot was loaded for this preview alone, and the
 * importers are pure functions over it.  Nothing here writes. */
static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Preview *preview = task_data;
  g_autoptr(GError) error = NULL;

  if (preview->bytes == NULL)
    {
      g_autofree char *path = g_file_get_path (preview->file);

      if (path == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("%s: only files on this computer can be imported"),
                                   preview->file_name);
          return;
        }

      /* The error names the file. */
      preview->bytes = vp_file_read (path,
                                     preview->kind == VP_IMPORT_KIND_CALENDAR
                                     ? VP_ICAL_IMPORT_MAX_BYTES : VP_CSV_MAX_BYTES,
                                     &error);
      if (preview->bytes == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (preview->kind == VP_IMPORT_KIND_CALENDAR)
    {
      g_autoptr(VpIcalReport) report = NULL;

      preview->after = vp_ical_import (preview->before, preview->bytes, &report, &error);
      if (preview->after != NULL)
        {
          describe_ical_report (preview, report);
          describe_changes (preview);
        }
    }
  else
    {
      g_autoptr(VpCsvReport) report = NULL;
      VpCsvKind kind = preview->kind == VP_IMPORT_KIND_HOSTS ? VP_CSV_KIND_HOSTS
                                                             : VP_CSV_KIND_PARTICIPANTS;

      preview->after = vp_csv_import (preview->before, kind, preview->bytes, &report, &error);
      if (preview->after != NULL)
        {
          describe_csv_report (preview, report);
          describe_changes (preview);
        }
    }

  if (preview->after == NULL)
    {
      /* Translators: a file's name and what is wrong with it (which
       * names the line). */
      g_task_return_new_error (task, error->domain, error->code, _("%s: %s"),
                               preview->file_name, error->message);
      return;
    }

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/* Loads the programme here and computes the preview in a thread; the
 * task's data is @preview (the task takes the reference). */
static void
compute_async (VpStore             *store,
               Preview             *preview,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, compute_async);
  g_task_set_task_data (task, preview, (GDestroyNotify)preview_unref);

  /* Read before the snapshot: a write in between makes them differ, and
   * the import then refuses this preview rather than overwrite the write. */
  preview->change_count = vp_store_get_change_count (store);
  preview->before = vp_store_load_snapshot (store, preview->programme_id, &error);
  if (preview->before == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, compute_thread);
}

static Preview *
compute_finish (GAsyncResult  *result,
                GError       **error)
{
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return g_atomic_rc_box_acquire ((Preview *)g_task_get_task_data (G_TASK (result)));
}

/* The dialog {{{1 */

struct _VpImportDialog
{
  AdwWindow             parent_instance;

  VpStore              *store;
  Preview              *preview;
  GCancellable         *cancellable;
  gboolean              busy;
  /* the programme as the import found it, and the import's entry in the
   * window's undo history */
  VpSnapshot           *before;
  guint                 undo_entry;

  GListStore           *added;
  GListStore           *updated;
  GListStore           *skipped;
  GListStore           *notes;
  GtkLabel             *added_count;
  GtkLabel             *updated_count;
  GtkLabel             *skipped_count;
  GtkLabel             *notes_count;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  GtkLabel             *summary_label;
  GtkLabel             *details_label;
  GtkLabel             *ignored_label;
  AdwPreferencesGroup  *changed_group;
  AdwExpanderRow       *added_row;
  AdwExpanderRow       *updated_row;
  AdwExpanderRow       *skipped_row;
  AdwExpanderRow       *notes_row;
};

G_DEFINE_FINAL_TYPE (VpImportDialog, vp_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "import-item");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, box);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  VpImportItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *subtitle_text = vp_import_item_get_subtitle (item);

  gtk_label_set_text (GTK_LABEL (title), vp_import_item_get_title (item));
  gtk_widget_set_tooltip_text (title, vp_import_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text ? subtitle_text : "");
  gtk_widget_set_visible (subtitle, subtitle_text != NULL);
}

/* An expander row's list box gives its rows their minimum height: the list
 * asks for its whole height (as laid out at its width), up to a limit. */
static void
list_adjustment_changed_cb (GtkAdjustment     *adjustment,
                            GtkScrolledWindow *scrolled)
{
  int height = MIN ((int)ceil (gtk_adjustment_get_upper (adjustment)), MAX_LIST_HEIGHT);

  if (height > 0 && height != gtk_scrolled_window_get_min_content_height (scrolled))
    gtk_scrolled_window_set_min_content_height (scrolled, height);
}

/* A list inside an expander row: a list view, so that thousands of rows
 * cost no more than the few on screen, scrolling once it is tall. */
static GListStore *
add_list (AdwExpanderRow  *row,
          const char      *name,
          GtkLabel       **count_label)
{
  g_autoptr(GListStore) store = g_list_store_new (VP_TYPE_IMPORT_ITEM);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *count = gtk_label_new (NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), NULL);

  gtk_widget_set_name (list, name);
  g_object_set_data (G_OBJECT (store), "list", list);
  gtk_widget_add_css_class (list, "import-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX_LIST_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                           "changed", G_CALLBACK (list_adjustment_changed_cb), scrolled, 0);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), scrolled);
  adw_expander_row_add_row (row, list_row);

  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_expander_row_add_action (row, count);
  *count_label = GTK_LABEL (count);

  return g_steal_pointer (&store);
}

static void
show_items (AdwExpanderRow *row,
            GListStore     *store,
            GtkLabel       *count_label,
            GPtrArray      *items)
{
  g_autofree char *count = g_strdup_printf ("%u", items->len);
  GtkWidget *list = g_object_get_data (G_OBJECT (store), "list");

  /* Measured again once laid out: a list may have become shorter. */
  if (list != NULL)
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (list)),
                                                -1);

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
  gtk_label_set_text (count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (row), items->len > 0);
}

static const char *
kind_title (VpImportKind kind)
{
  switch (kind)
    {
    case VP_IMPORT_KIND_HOSTS:
      return _("Import Hosts");
    case VP_IMPORT_KIND_CALENDAR:
      return _("Import Calendar Events");
    case VP_IMPORT_KIND_PARTICIPANTS:
    default:
      return _("Import Participants");
    }
}

/* @text with no-break spaces: a line never breaks inside it. */
static char *
without_breaks (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strjoinv ("\u00a0", words);
}

const char *
vp_import_kind_get_error_heading (VpImportKind kind)
{
  switch (kind)
    {
    case VP_IMPORT_KIND_HOSTS:
      return _("Cannot Import Hosts");
    case VP_IMPORT_KIND_CALENDAR:
      return _("Cannot Import the Calendar");
    case VP_IMPORT_KIND_PARTICIPANTS:
    default:
      return _("Cannot Import Participants");
    }
}

/* The import's name in the undo history, as in “Undo Import Hosts”. */
static const char *
vp_import_kind_get_undo_label (VpImportKind kind)
{
  switch (kind)
    {
    case VP_IMPORT_KIND_HOSTS:
      return _("Import Hosts");
    case VP_IMPORT_KIND_CALENDAR:
      return _("Import Calendar");
    case VP_IMPORT_KIND_PARTICIPANTS:
    default:
      return _("Import Participants");
    }
}

static char *
summary_text (Preview *preview)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Translators: the parts of an import preview's summary, joined by
   * middle dots: “12 to add · 3 to update · 40 unchanged · 2 skipped”. */
  if (preview->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to add", "%u to add", preview->added),
                                             preview->added));
  if (preview->new_organisations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u new organisation",
                                                       "%u new organisations",
                                                       preview->new_organisations),
                                             preview->new_organisations));
  if (preview->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to update", "%u to update",
                                                       preview->updated),
                                             preview->updated));
  if (preview->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged",
                                                       preview->unchanged),
                                             preview->unchanged));
  if (preview->skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skipped", "%u skipped",
                                                       preview->skipped),
                                             preview->skipped));

  if (parts->len == 0)
    return g_strdup (preview->kind == VP_IMPORT_KIND_CALENDAR ? _("The file holds no events")
                                                               : _("The file holds no rows"));

  /* A long summary wraps between its parts, not inside one. */
  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_ptr_array_index (parts, i);

      g_ptr_array_index (parts, i) = without_breaks (part);
      g_free (part);
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
update_actions (VpImportDialog *self)
{
  gboolean changes = self->preview != NULL && self->preview->added + self->preview->updated > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", changes && !self->busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               self->preview != NULL && !changes
                               ? _("Nothing in the file changes the programme") : NULL);
}

static void
show_preview (VpImportDialog *self,
              Preview        *preview)
{
  g_autofree char *summary = summary_text (preview);

  g_clear_pointer (&self->preview, preview_unref);
  self->preview = g_atomic_rc_box_acquire (preview);

  adw_window_title_set_title (self->window_title, kind_title (preview->kind));
  adw_window_title_set_subtitle (self->window_title, preview->file_name);
  gtk_window_set_title (GTK_WINDOW (self), kind_title (preview->kind));

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->details_label, preview->read_as ? preview->read_as : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), preview->read_as != NULL);
  gtk_label_set_text (self->ignored_label, preview->ignored ? preview->ignored : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), preview->ignored != NULL);

  show_items (self->added_row, self->added, self->added_count, preview->added_items);
  show_items (self->updated_row, self->updated, self->updated_count, preview->updated_items);
  show_items (self->skipped_row, self->skipped, self->skipped_count, preview->skipped_items);
  show_items (self->notes_row, self->notes, self->notes_count, preview->note_items);

  /* What needs a look first: the rows left out, else what comes in. */
  if (preview->skipped_items->len > 0)
    adw_expander_row_set_expanded (self->skipped_row, TRUE);
  else if (preview->added_items->len > 0)
    adw_expander_row_set_expanded (self->added_row, TRUE);
  else if (preview->updated_items->len > 0)
    adw_expander_row_set_expanded (self->updated_row, TRUE);

  update_actions (self);
}

static void
show_error (VpImportDialog *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
recompute_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VpImportDialog) self = user_data;
  g_autoptr(Preview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (preview == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      const char *heading = vp_import_kind_get_error_heading (self->preview->kind);
      GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  show_preview (self, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->changed_group), TRUE);
}

/* The programme changed since the preview: its lists may be wrong, and
 * applying the old result would overwrite the change. */
static void
recompute (VpImportDialog *self)
{
  Preview *again = preview_new (self->preview->kind, self->preview->file,
                                self->preview->programme_id);

  again->bytes = g_bytes_ref (self->preview->bytes);
  self->busy = TRUE;
  update_actions (self);
  compute_async (self->store, again, self->cancellable, recompute_done_cb, g_object_ref (self));
}

/* Runs in the transaction that writes: a write by anything (this window,
 * another one, the command line) since the preview was read is seen here,
 * and nothing can come between this check and the write. */
static VpSnapshot *
apply_preview (VpSnapshot  *current,
               gpointer     user_data,
               GError     **error)
{
  VpImportDialog *self = user_data;

  if (vp_store_get_change_count (self->store) != self->preview->change_count)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED,
                   _("the programme changed since the preview was made"));
      return NULL;
    }

  g_set_object (&self->before, current);
  return g_object_ref (self->preview->after);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  VpHistory *history;
  guint added, updated;

  if (self->busy || self->preview == NULL || self->preview->added + self->preview->updated == 0)
    return;

  /* One transaction: the whole file or nothing, and only onto the
   * programme the preview was computed from. */
  if (!vp_store_update_programme (self->store, self->preview->programme_id, apply_preview, self,
                                  &error))
    {
      if (g_error_matches (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED))
        {
          recompute (self);
          return;
        }

      g_autofree char *body = g_strdup_printf (_("%s: %s"), self->preview->file_name,
                                               error->message);

      show_error (self, vp_import_kind_get_error_heading (self->preview->kind), body);
      return;
    }

  /* one change in the window's undo history: the programme as it was
   * when the preview was read (nothing came between, as the write checked) */
  history = vp_undo_find_history (GTK_WIDGET (self));
  if (history != NULL && self->before != NULL)
    self->undo_entry = vp_history_record (history,
                                          vp_import_kind_get_undo_label (self->preview->kind),
                                          self->preview->programme_id, self->before,
                                          self->preview->change_count);
  g_clear_object (&self->before);

  added = self->preview->added;
  updated = self->preview->updated;
  g_signal_emit (self, signals[IMPORTED], 0, added, updated);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vp_import_dialog_dispose (GObject *object)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->before);
  g_clear_object (&self->store);
  g_clear_object (&self->added);
  g_clear_object (&self->updated);
  g_clear_object (&self->skipped);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (vp_import_dialog_parent_class)->dispose (object);
}

static void
vp_import_dialog_finalize (GObject *object)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  g_clear_pointer (&self->preview, preview_unref);

  G_OBJECT_CLASS (vp_import_dialog_parent_class)->finalize (object);
}

static void
vp_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VpImportDialog *self = VP_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_import_dialog_class_init (VpImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_import_dialog_dispose;
  object_class->finalize = vp_import_dialog_finalize;
  object_class->get_property = vp_import_dialog_get_property;
  object_class->set_property = vp_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpImportDialog::imported:
   * @added: how many participants, hosts or sessions were added
   * @updated: how many were updated
   *
   * The file was imported; the dialog closes next.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "vp-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, ignored_label);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, changed_group);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, added_row);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, updated_row);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, skipped_row);
  gtk_widget_class_bind_template_child (widget_class, VpImportDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_import_dialog_init (VpImportDialog *self)
{
  static gsize css_loaded;

  /* The dialog's own styles, loaded once for the display. */
  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "vp-import-dialog.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->added = add_list (self->added_row, "import-added-list", &self->added_count);
  self->updated = add_list (self->updated_row, "import-updated-list", &self->updated_count);
  self->skipped = add_list (self->skipped_row, "import-skipped-list", &self->skipped_count);
  self->notes = add_list (self->notes_row, "import-notes-list", &self->notes_count);

  update_actions (self);
}

void
vp_import_dialog_new_async (VpStore             *store,
                            gint64               programme_id,
                            VpImportKind         kind,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (VP_IS_STORE (store));
  g_return_if_fail (programme_id > 0);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  compute_async (store, preview_new (kind, file, programme_id), cancellable, callback, user_data);
}

VpImportDialog *
vp_import_dialog_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(Preview) preview = NULL;
  VpImportDialog *self;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == compute_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  preview = compute_finish (result, error);
  if (preview == NULL)
    return NULL;

  self = g_object_new (VP_TYPE_IMPORT_DIALOG,
                       "store", g_task_get_source_object (G_TASK (result)),
                       NULL);
  show_preview (self, preview);
  return self;
}

VpImportKind
vp_import_dialog_get_kind (VpImportDialog *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_DIALOG (self), VP_IMPORT_KIND_PARTICIPANTS);

  return self->preview != NULL ? self->preview->kind : VP_IMPORT_KIND_PARTICIPANTS;
}

guint
vp_import_dialog_get_undo_entry (VpImportDialog *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_DIALOG (self), 0);

  return self->undo_entry;
}

/* vp-print-dialog.c: Export PDF: which layout, for whom, on which paper. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-chooser-row.h"
#include "vp-combo-rows.h"
#include "vp-language.h"
#include "vp-print-dialog.h"

struct _VpPrintDialog
{
  AdwWindow             parent_instance;

  VpSnapshot           *snapshot;
  /* The subject asked for, kept while its layout is not the one chosen. */
  VpPrintContent        initial_content;
  char                 *initial_subject;
  /* The layout chosen has nothing to print: no day with a sheet, no one. */
  gboolean              nothing;
  /* The language row's codes, after its first choice (the reader's). */
  GStrv                 languages;

  /* Template widgets */
  GtkButton            *export_button;
  AdwPreferencesGroup  *group;
  AdwComboRow          *content_row;
  VpChooserRow         *subject_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (VpPrintDialog, vp_print_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_export_button (VpPrintDialog *self)
{
  VpPrintContent content = vp_print_dialog_get_content (self);
  gboolean needs_subject = vp_print_content_needs_subject (content);

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !self->nothing &&
                            (!needs_subject || vp_print_dialog_get_subject (self) != NULL));
}

/* "All days" and the days, or "All participants" and the participants:
 * "All" is the empty value. */
static gboolean
fill_choices (VpSnapshot     *snapshot,
              VpPrintContent  content,
              VpChooserRow   *row,
              const char     *ref)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  const char *selected = "";

  vp_print_content_list_choices (content, snapshot, &refs, &labels);
  for (guint i = 0; i < refs->len; i++)
    {
      if (g_ptr_array_index (refs, i) == NULL)
        g_ptr_array_index (refs, i) = g_strdup ("");
      else if (ref != NULL && g_str_equal (g_ptr_array_index (refs, i), ref))
        selected = ref;
    }
  g_ptr_array_add (refs, NULL);
  g_ptr_array_add (labels, NULL);

  vp_chooser_row_set_choices (row, (const char * const *) refs->pdata,
                              (const char * const *) labels->pdata);
  vp_chooser_row_set_value (row, selected);

  return refs->len > 2;
}

/* Fills the subject row with the participants or hosts and selects
 * @ref, or the first; FALSE when there are none. */
static gboolean
fill_subjects (VpSnapshot     *snapshot,
               VpPrintContent  content,
               VpChooserRow   *row,
               const char     *ref)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *objects = content == VP_PRINT_CONTENT_HOST_SHEET
                         ? vp_snapshot_get_hosts (snapshot)
                         : vp_snapshot_get_participants (snapshot);
  const char *selected = NULL;

  if (content == VP_PRINT_CONTENT_ATTENDANCE || content == VP_PRINT_CONTENT_CERTIFICATE)
    return fill_choices (snapshot, content, row, ref);

  for (guint i = 0; i < objects->len; i++)
    {
      GObject *object = g_ptr_array_index (objects, i);
      const char *value;
      char *label;

      if (content == VP_PRINT_CONTENT_HOST_SHEET)
        {
          VpHost *host = VP_HOST (object);

          value = vp_host_get_ref (host);
          label = g_strdup (vp_host_get_name (host) ? vp_host_get_name (host) : value);
        }
      else
        {
          VpParticipant *participant = VP_PARTICIPANT (object);
          const char *name = vp_participant_get_name (participant);
          const char *email = vp_participant_get_email (participant);

          value = vp_participant_get_ref (participant);
          if (name == NULL)
            name = value;
          label = email != NULL && *email != '\0'
                  /* Translators: a participant in a list: their name and email address. */
                  ? g_strdup_printf (_("%s <%s>"), name, email)
                  : g_strdup (name);
        }

      /* The row tells its choices apart by label. */
      if (g_hash_table_contains (taken, label))
        {
          char *unique = g_strdup_printf ("%s (%s)", label, value);

          g_free (label);
          label = unique;
        }
      g_hash_table_add (taken, label);
      g_ptr_array_add (labels, label);
      g_ptr_array_add (values, g_strdup (value));
      if (selected == NULL || g_strcmp0 (value, ref) == 0)
        selected = value;
    }
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, NULL);

  vp_chooser_row_set_choices (row, (const char * const *) values->pdata,
                              (const char * const *) labels->pdata);
  vp_chooser_row_set_value (row, selected);

  return objects->len > 0;
}

/* The chosen subject under the row's title, with the dialog's width,
 * rather than cut short beside it (“Aino Mäkelä <aino.makela@ph…”). */
static void
show_subject (VpPrintDialog *self)
{
  GtkLabel *value = vp_chooser_row_get_value_label (self->subject_row);
  g_autofree char *escaped = NULL;

  gtk_widget_set_visible (GTK_WIDGET (value), FALSE);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->subject_row)))
    return;

  /* the row's subtitle is markup */
  escaped = g_markup_escape_text (gtk_label_get_label (value), -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->subject_row), escaped);
}

static void
content_changed_cb (VpPrintDialog *self)
{
  VpPrintContent content = vp_print_dialog_get_content (self);
  gboolean has_subject = vp_print_content_has_subject (content);

  if (self->snapshot == NULL)
    return;

  self->nothing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), has_subject);
  if (has_subject)
    {
      gboolean any = fill_subjects (self->snapshot, content, self->subject_row,
                                    content == self->initial_content ? self->initial_subject
                                                                     : NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row),
                                     content == VP_PRINT_CONTENT_HOST_SHEET ? _("_Host")
                                     : content == VP_PRINT_CONTENT_ATTENDANCE ? _("_Day")
                                                                              : _("P_articipant"));
      if (!any)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->subject_row),
                                     content == VP_PRINT_CONTENT_HOST_SHEET
                                     ? _("The programme has no hosts")
                                     : content == VP_PRINT_CONTENT_ATTENDANCE
                                     ? _("The programme has no visits, meetings, B2B meetings "
                                         "or workshops")
                                     : _("The programme has no participants"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->subject_row), any);
      /* "All" alone: nothing to print. */
      self->nothing = !any && !vp_print_content_needs_subject (content);
      show_subject (self);
    }

  adw_preferences_group_set_description (self->group, vp_print_content_get_description (content));
  update_export_button (self);
}

static void
subject_changed_cb (VpPrintDialog *self)
{
  show_subject (self);
  update_export_button (self);
}

static void
export_clicked_cb (VpPrintDialog *self,
                   GtkButton     *button)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->export_button)))
    return;

  g_signal_emit (self, signals[EXPORT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
vp_print_dialog_dispose (GObject *object)
{
  VpPrintDialog *self = VP_PRINT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PRINT_DIALOG);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (vp_print_dialog_parent_class)->dispose (object);
}

static void
vp_print_dialog_finalize (GObject *object)
{
  VpPrintDialog *self = VP_PRINT_DIALOG (object);

  g_clear_pointer (&self->initial_subject, g_free);
  g_clear_pointer (&self->languages, g_strfreev);

  G_OBJECT_CLASS (vp_print_dialog_parent_class)->finalize (object);
}

static void
vp_print_dialog_class_init (VpPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_print_dialog_dispose;
  object_class->finalize = vp_print_dialog_finalize;

  signals[EXPORT] =
    g_signal_new ("export",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, group);
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, VpPrintDialog, language_row);
  gtk_widget_class_bind_template_callback (widget_class, content_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_print_dialog_init (VpPrintDialog *self)
{
  g_autoptr(GListModel) contents = vp_print_content_list_new ();
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);

  g_type_ensure (VP_TYPE_CHOOSER_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  vp_combo_rows_fit_values (GTK_WIDGET (self));

  adw_combo_row_set_model (self->content_row, contents);

  /* The document's language: the reader's (a host's, a participant's),
   * else the user's; or one of those with a translation. */
  self->languages = vp_language_available_codes ();
  /* Translators: the language of a printed layout: the host's or participant's own */
  gtk_string_list_append (languages, _("Reader’s Own"));
  for (guint i = 0; self->languages[i] != NULL; i++)
    gtk_string_list_append (languages, vp_language_code_get_name (self->languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
}

VpPrintDialog *
vp_print_dialog_new (VpSnapshot     *snapshot,
                     VpPrintContent  content,
                     const char     *subject,
                     VpPaperSize     paper)
{
  VpPrintDialog *self;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (content <= VP_PRINT_CONTENT_LAST, NULL);

  self = g_object_new (VP_TYPE_PRINT_DIALOG, NULL);
  self->snapshot = g_object_ref (snapshot);
  self->initial_content = content;
  self->initial_subject = g_strdup (subject);

  adw_combo_row_set_selected (self->paper_row, paper == VP_PAPER_SIZE_LETTER ? 1 : 0);
  adw_combo_row_set_selected (self->content_row, content);
  /* Selecting the row shown emits nothing: fill the subjects anyway. */
  content_changed_cb (self);
  /* Enter exports what the dialog suggests. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->export_button));

  return self;
}

VpSnapshot *
vp_print_dialog_get_snapshot (VpPrintDialog *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DIALOG (self), NULL);

  return self->snapshot;
}

VpPrintContent
vp_print_dialog_get_content (VpPrintDialog *self)
{
  guint selected;

  g_return_val_if_fail (VP_IS_PRINT_DIALOG (self), VP_PRINT_CONTENT_AGENDA);

  selected = adw_combo_row_get_selected (self->content_row);
  return selected <= VP_PRINT_CONTENT_LAST ? selected : VP_PRINT_CONTENT_AGENDA;
}

const char *
vp_print_dialog_get_subject (VpPrintDialog *self)
{
  VpPrintContent content;
  const char *value;

  g_return_val_if_fail (VP_IS_PRINT_DIALOG (self), NULL);

  content = vp_print_dialog_get_content (self);
  if (!vp_print_content_has_subject (content))
    return NULL;

  /* "All days", "All participants". */
  value = vp_chooser_row_get_value (self->subject_row);
  return value != NULL && *value != '\0' ? value : NULL;
}

const char *
vp_print_dialog_get_language (VpPrintDialog *self)
{
  guint selected;

  g_return_val_if_fail (VP_IS_PRINT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->language_row);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > g_strv_length (self->languages))
    return NULL;
  return self->languages[selected - 1];
}

VpPaperSize
vp_print_dialog_get_paper (VpPrintDialog *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DIALOG (self), VP_PAPER_SIZE_A4);

  return adw_combo_row_get_selected (self->paper_row) == 1 ? VP_PAPER_SIZE_LETTER
                                                           : VP_PAPER_SIZE_A4;
}

/* test-print.c: printing from the window: the print operation, its Layout tab, and Export PDF. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "vp-chooser-row.h"
#include "vp-format.h"
#include "vp-language.h"
#include "vp-print-dialog.h"
#include "vp-print-operation.h"
#include "vp-print-pdf.h"
#include "vp-print-sheets.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-window-private.h"

typedef struct
{
  char       *dir;
  VpStore    *store;
  VpSnapshot *snapshot;
} Fixture;

/* Helpers {{{1 */

static void
import_demo (VpStore *store)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  vp_test_import_json (store, contents);
}

static gint64
first_programme_id (VpStore *store)
{
  g_autoptr(VpProgramme) programme = g_list_model_get_item (vp_store_get_programmes (store), 0);

  g_assert_nonnull (programme);
  return vp_programme_get_id (programme);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-print", &fixture->dir);
  vp_test_reset_last_programme ();

  /* The empty store for the tests that pass TRUE, the demo otherwise. */
  if (!GPOINTER_TO_INT (data))
    {
      import_demo (fixture->store);
      fixture->snapshot = vp_test_load_snapshot (fixture->store,
                                                 first_programme_id (fixture->store));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  g_clear_object (&fixture->snapshot);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* GTK's print dialog, without gtk4-unix-print's header. */
static GType
print_dialog_type (void)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 ? type : GTK_TYPE_DIALOG;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return FALSE;
    }

  return TRUE;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, NULL, NULL, NULL, NULL, NULL };
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_str_equal (tool, "pdftotext"))
    {
      argv[1] = "-enc";
      argv[2] = "UTF-8";
      argv[3] = path;
      argv[4] = "-";
    }
  else
    argv[1] = path;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &standard_output, &standard_error, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&standard_output);
}

/* The text of a PDF without white space or hyphens, so that a title broken
 * across lines (or at its hyphen) still matches. */
static char *
squash (const char *text)
{
  GString *squashed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x00A0 && c != 0x2010)
        g_string_append_unichar (squashed, c);
    }

  return g_string_free (squashed, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *text = run_tool ("pdftotext", path);

  return squash (text);
}

static void
assert_has (const char *squashed,
            const char *text)
{
  g_autofree char *needle = squash (text);

  if (strstr (squashed, needle) == NULL)
    g_error ("“%s” is not in the PDF", text);
}

static void
assert_has_not (const char *squashed,
                const char *text)
{
  g_autofree char *needle = squash (text);

  if (strstr (squashed, needle) != NULL)
    g_error ("“%s” is in the PDF", text);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  while (*line == ' ')
    line++;
  return (guint) g_ascii_strtoull (line, NULL, 10);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         int                     *out)
{
  *out = result;
}

static gboolean
is_done (gpointer data)
{
  return *(int *) data >= 0;
}

/* Runs @operation to a PDF at @path, as "Print to File" would, and waits
 * for ::done. */
static GtkPrintOperationResult
export_operation (VpPrintOperation *operation,
                  const char       *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  int done = -1;

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS || done < 0)
    g_assert_true (vp_test_wait_for (is_done, &done));

  return done >= 0 ? (GtkPrintOperationResult) done : result;
}

/* Tests {{{1 */

static void
test_disabled_without_programme (Fixture       *fixture,
                                 gconstpointer  data)
{
  VpWindow *window;
  GtkWidget *print_button;
  GtkWidget *export_button;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1000);

  /* Buttons bound to the actions follow whether they are enabled. */
  print_button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print_button), "win.print");
  export_button = gtk_button_new ();
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "win.export-pdf");
  /* Hidden: the overlay does not lay out children it does not know. */
  gtk_widget_set_visible (print_button, FALSE);
  gtk_widget_set_visible (export_button, FALSE);
  gtk_widget_set_parent (print_button, GTK_WIDGET (window->toast_overlay));
  gtk_widget_set_parent (export_button, GTK_WIDGET (window->toast_overlay));
  vp_test_run_main_loop (50);

  g_assert_false (gtk_widget_get_sensitive (print_button));
  g_assert_false (gtk_widget_get_sensitive (export_button));

  /* Ctrl+P does nothing then. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  vp_test_run_main_loop (100);
  g_assert_null (vp_test_find_toplevel (print_dialog_type (), NULL));
  g_assert_null (window->print_operation);

  /* A programme enables them. */
  import_demo (fixture->store);
  vp_test_run_main_loop (100);
  vp_window_select_id (window, first_programme_id (fixture->store));
  vp_test_run_main_loop (100);
  g_assert_nonnull (window->programme);
  g_assert_true (gtk_widget_get_sensitive (print_button));
  g_assert_true (gtk_widget_get_sensitive (export_button));

  gtk_widget_unparent (print_button);
  gtk_widget_unparent (export_button);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_operation_layouts (Fixture       *fixture,
                        gconstpointer  data)
{
  /* The layouts' own words, in the language they are printed in: the
   * user's, as the demo's people and hosts ask for none. */
  g_autofree char *host_sheet = g_strdup_printf (_("Host sheet: %s"), "Femtolux Lasers");
  g_autofree char *grant_total =
    g_strdup_printf (ngettext ("Total: %u visiting organisation",
                               "Total: %u visiting organisations", 11), 11);
  g_autofree char *signed_for = g_strdup_printf (_("Signature and stamp for %s"),
                                                 "Femtolux Lasers");
  g_autofree char *day = NULL;
  g_autofree char *attendance_day = NULL;
  g_autofree char *certificate = g_utf8_strup (_("Certificate of attendance"), -1);
  g_autofree char *host_cluster = g_strdup_printf (_("For the host cluster, %s"),
                                                   "Lithuanian Laser Cluster");
  g_autofree char *range = vp_print_format_date_range ("2027-04-12", "2027-04-16");
  g_autofree char *stay_dates = g_strdup_printf (_("%s (arrival to departure)"), range);
  g_autofree char *night = NULL;
  g_autofree char *stays = g_strdup_printf (ngettext ("Total: %u stay", "Total: %u stays", 12),
                                            12);
  g_autofree char *partnership = g_utf8_strup (_("Visitor partnership"), -1);
  g_autofree char *representatives = g_strdup_printf (_("Representatives: %s"),
                                                      "Sanna Höglund");

  {
    GDate date;
    g_autoptr(GDateTime) noon = g_date_time_new_utc (2027, 4, 17, 12, 0, 0);

    g_date_set_dmy (&date, 16, G_DATE_APRIL, 2027);
    day = vp_print_format_day (&date);
    attendance_day = g_strdup_printf (_("Attendance sheets: %s"), day);
    night = vp_format_date_time (noon, _("%a %-d %b %Y"));
  }

  struct
  {
    VpPrintContent  content;
    const char     *subject;
    const char     *present[4];
    const char     *absent[4];
  } cases[] = {
    { VP_PRINT_CONTENT_AGENDA, NULL,
      { "Welcome and introductions", "Start-ups of the science park (group B)",
        "Laser Research Centre: laboratory tour (group A)", "Farewell lunch" },
      { NULL } },
    { VP_PRINT_CONTENT_PARTICIPANT, "sanna-hoglund",
      { "Laser Research Centre: laboratory tour (group A)",
        "Research collaboration round table (group A)", "Farewell lunch", NULL },
      { "group B", "Start-ups of the science park", "Technology transfer office",
        "Follow-up meeting on a joint test campaign" } },
    { VP_PRINT_CONTENT_HOST_SHEET, "femtolux",
      { host_sheet, "Femtolux Lasers: production and applications laboratory",
        "Follow-up meeting on a joint test campaign", NULL },
      { "Baltic Precision Optics: coating hall", "Farewell lunch", NULL } },
    { VP_PRINT_CONTENT_CONTACTS, NULL,
      { _("Confidential"), "Sanna Höglund", NULL },
      { "Welcome and introductions", NULL } },
    { VP_PRINT_CONTENT_BUDGET, NULL,
      { _("ClusterXChange grant sheet"), "Lumiray Oy", grant_total,
        _("Signature of the coordinator") },
      { "Welcome and introductions", "Sanna Höglund", NULL } },
    /* The sheets to sign: names, never phones, needs or email addresses. */
    { VP_PRINT_CONTENT_ATTENDANCE, NULL,
      { _("Sign beside your name. Not listed? Add your name, organisation and country "
          "below, and sign."), "Welcome and introductions", "Sanna Höglund", signed_for },
      { "+358 44 562 0390", "vegetarian", "sanna.hoglund@tampere-photonics.example",
        "Farewell lunch" } },
    { VP_PRINT_CONTENT_ATTENDANCE, "2027-04-16",
      { attendance_day, "Debrief and follow-up plan",
        "Follow-up meeting on a joint test campaign", NULL },
      { "Welcome and introductions", NULL } },
    { VP_PRINT_CONTENT_CERTIFICATE, NULL,
      { certificate, "Sanna Höglund", "Antti Korhonen", host_cluster },
      { "+358 44 562 0390", "vegetarian", "Erik Höglund", NULL } },
    { VP_PRINT_CONTENT_CERTIFICATE, "sanna-hoglund",
      { "Sanna Höglund", "Research collaboration round table (group A)",
        stay_dates, NULL },
      { "Antti Korhonen", "Start-ups of the science park", NULL } },
    /* Needs and names, never a phone, email or emergency contact. */
    { VP_PRINT_CONTENT_CATERING, NULL,
      { _("Catering sheet"), "Lunch at the science park", "gluten-free (coeliac)",
        "Pekka Åström" },
      { "Welcome and introductions", "@", "+358", _("Emergency contact") } },
    { VP_PRINT_CONTENT_ROOMING, NULL,
      { _("Rooming list"), "Hotel Neris Riverside", night, stays },
      { "vegetarian", "@", "+358", "Walks with a stick" } },
    { VP_PRINT_CONTENT_BADGES, NULL,
      { _("Name badges"), "Karin Lindqvist", "Optronic Nordic AB", _("Sweden") },
      { "vegetarian", "@", "+358", "Welcome and introductions" } },
    /* each visiting organisation's draft, with its people's sessions, and no
     * phone, dietary need or emergency contact of theirs */
    { VP_PRINT_CONTENT_QUALITY_COMMITMENT, NULL,
      { _("Commitment to Quality (draft)"), "Lumiray Oy", partnership, representatives },
      { "+358 44 562 0390", "vegetarian", "Erik Höglund", NULL } },
  };

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VpPrintOperation) operation = vp_print_operation_new (fixture->snapshot);
      g_autoptr(VpBudget) budget = vp_budget_new (fixture->snapshot, NULL);
      g_autofree char *name = g_strdup_printf ("layout-%u.pdf", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *text = NULL;
      VpPrintDocument *document;

      vp_print_operation_set_content (operation, cases[i].content, cases[i].subject);
      vp_print_operation_set_budget (operation, budget);
      g_assert_cmpint (export_operation (operation, path), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_null (vp_print_operation_get_document_error (operation));

      document = vp_print_operation_get_document (operation);
      g_assert_nonnull (document);
      /* The grant sheet prints the budget the window gives it. */
      g_assert_true (vp_print_document_get_budget (document) == budget);
      g_assert_cmpuint (pdf_pages (path), ==, vp_print_document_get_n_pages (document));

      text = pdf_text (path);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].present) && cases[i].present[j]; j++)
        assert_has (text, cases[i].present[j]);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].absent) && cases[i].absent[j]; j++)
        assert_has_not (text, cases[i].absent[j]);
    }
}

static void
test_operation_margins (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  GtkPageSetup *used;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler ())
    return;

  /* The page setup's paper and margins are the layout's. */
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_page_setup_set_top_margin (setup, 1, GTK_UNIT_INCH);
  gtk_page_setup_set_bottom_margin (setup, 1, GTK_UNIT_INCH);
  gtk_page_setup_set_left_margin (setup, 1, GTK_UNIT_INCH);
  gtk_page_setup_set_right_margin (setup, 1, GTK_UNIT_INCH);

  operation = vp_print_operation_new (fixture->snapshot);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  path = g_build_filename (fixture->dir, "letter.pdf", NULL);
  g_assert_cmpint (export_operation (operation, path), ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  used = vp_print_operation_get_used_page_setup (operation);
  g_assert_nonnull (used);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_top_margin (used, GTK_UNIT_POINTS), 72, 0.01);
  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));

  /* The same layout as the PDF export with those margins gives the same
   * number of pages. */
  {
    g_autoptr(VpPrintDocument) document = NULL;
    g_autoptr(GError) error = NULL;
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
    guint n_pages;

    document = vp_print_document_new (fixture->snapshot, VP_PRINT_LAYOUT_AGENDA, NULL, &error);
    g_assert_no_error (error);
    n_pages = vp_print_document_paginate (document, context, 612, 792, 72, 72, 72, 72);
    g_object_unref (context);
    g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  }
}

static void
test_operation_no_subject (Fixture       *fixture,
                           gconstpointer  data)
{
  struct
  {
    VpPrintContent  content;
    const char     *subject;
    int             code;
  } cases[] = {
    { VP_PRINT_CONTENT_PARTICIPANT, NULL, VP_PRINT_ERROR_NO_SUBJECT },
    { VP_PRINT_CONTENT_HOST_SHEET, NULL, VP_PRINT_ERROR_NO_SUBJECT },
    { VP_PRINT_CONTENT_HOST_SHEET, "no-such-host", VP_PRINT_ERROR_UNKNOWN_SUBJECT },
  };

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VpPrintOperation) operation = vp_print_operation_new (fixture->snapshot);
      g_autofree char *path = g_build_filename (fixture->dir, "nothing.pdf", NULL);

      vp_print_operation_set_content (operation, cases[i].content, cases[i].subject);
      g_assert_cmpint (export_operation (operation, path), ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
      g_assert_error ((GError *) vp_print_operation_get_document_error (operation),
                      VP_PRINT_ERROR, cases[i].code);
      g_assert_null (vp_print_operation_get_document (operation));
      g_remove (path);
    }
}

/* The preview says it shows the first page of however many: “Page 1 of 3”
 * in the window's language. */
static gboolean
shows_first_page (gpointer data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (data));

  for (guint n_pages = 1; n_pages <= 1000; n_pages++)
    {
      g_autofree char *first = g_strdup_printf (_("Page %u of %u"), 1, n_pages);

      if (g_str_equal (text, first))
        return TRUE;
    }
  return FALSE;
}

static gboolean
print_finished (gpointer data)
{
  return ((VpWindow *) data)->print_operation == NULL;
}

static void
test_print_dialog_tab (Fixture       *fixture,
                       gconstpointer  data)
{
  VpWindow *window;
  GtkWindow *dialog;
  GtkWidget *tab;
  GtkDropDown *layout;
  GtkDropDown *subject;
  GtkLabel *page_label;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_nonnull (window->programme);

  /* From the hosts page, the dialog starts on a host sheet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hosts"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  vp_test_run_main_loop (300);

  dialog = vp_test_wait_for_toplevel (print_dialog_type ());
  g_assert_nonnull (dialog);
  g_assert_nonnull (window->print_operation);
  tab = vp_test_find_widget (GTK_WIDGET (dialog), "print-layout-tab");
  g_assert_nonnull (tab);
  layout = GTK_DROP_DOWN (vp_test_find_widget (tab, "print-layout"));
  subject = GTK_DROP_DOWN (vp_test_find_widget (tab, "print-subject"));
  page_label = GTK_LABEL (vp_test_find_widget (tab, "print-preview-page"));
  g_assert_cmpuint (gtk_drop_down_get_selected (layout), ==, VP_PRINT_CONTENT_HOST_SHEET);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (subject)), ==, 7);

  /* The preview lays the sheet out. */
  g_assert_true (vp_test_wait_for (shows_first_page, page_label));

  /* A participant's agenda lists the participants; the choice reaches
   * the operation when the dialog applies it. */
  gtk_drop_down_set_selected (layout, VP_PRINT_CONTENT_PARTICIPANT);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (subject)), ==, 12);
  gtk_drop_down_set_selected (subject, 2);
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_cmpint (vp_print_operation_get_content (window->print_operation), ==,
                   VP_PRINT_CONTENT_PARTICIPANT);
  g_assert_cmpstr (vp_print_operation_get_subject (window->print_operation), ==, "sanna-hoglund");

  /* The attendance sheets: every day's, or one day's. */
  gtk_drop_down_set_selected (layout, VP_PRINT_CONTENT_ATTENDANCE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (subject)), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (subject), ==, 0);
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_cmpint (vp_print_operation_get_content (window->print_operation), ==,
                   VP_PRINT_CONTENT_ATTENDANCE);
  g_assert_null (vp_print_operation_get_subject (window->print_operation));
  gtk_drop_down_set_selected (subject, 2);
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_cmpstr (vp_print_operation_get_subject (window->print_operation), ==, "2027-04-14");
  /* The chooser is labelled, and its label's mnemonic reaches it. */
  {
    GtkWidget *label = gtk_widget_get_prev_sibling (GTK_WIDGET (subject));

    g_assert_true (GTK_IS_LABEL (label));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, _("_Day"));
    g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == GTK_WIDGET (subject));
  }

  /* The certificates: everyone's, or one participant's. */
  gtk_drop_down_set_selected (layout, VP_PRINT_CONTENT_CERTIFICATE);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (subject)), ==, 13);
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_null (vp_print_operation_get_subject (window->print_operation));
  gtk_drop_down_set_selected (subject, 3);
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_cmpstr (vp_print_operation_get_subject (window->print_operation), ==, "sanna-hoglund");

  /* Contacts take no subject. */
  gtk_drop_down_set_selected (layout, VP_PRINT_CONTENT_CONTACTS);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_null (vp_print_operation_get_subject (window->print_operation));

  /* The catering sheet, rooming list and badges are there by name, take no
   * subject, and show their first page. */
  {
    static const struct
    {
      VpPrintContent  content;
      const char     *label;
    } sheets[] = {
      { VP_PRINT_CONTENT_CATERING, N_("Catering Sheet") },
      { VP_PRINT_CONTENT_ROOMING, N_("Rooming List") },
      { VP_PRINT_CONTENT_BADGES, N_("Name Badges") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
      {
        GtkStringObject *item = g_list_model_get_item (gtk_drop_down_get_model (layout),
                                                       sheets[i].content);

        g_assert_cmpstr (gtk_string_object_get_string (item), ==, _(sheets[i].label));
        g_object_unref (item);
        gtk_label_set_text (page_label, "");
        gtk_drop_down_set_selected (layout, sheets[i].content);
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subject)));
        g_assert_true (vp_test_wait_for (shows_first_page, page_label));
        g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
        g_assert_cmpint (vp_print_operation_get_content (window->print_operation), ==,
                         sheets[i].content);
        g_assert_null (vp_print_operation_get_subject (window->print_operation));
      }
  }
  /* The Commitment to Quality is offered, by its name, and takes no subject
   * (one draft per visiting organisation). */
  {
    GListModel *layouts = gtk_drop_down_get_model (layout);

    g_assert_cmpuint (g_list_model_get_n_items (layouts), ==, VP_PRINT_CONTENT_LAST + 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (layouts),
                                                 VP_PRINT_CONTENT_QUALITY_COMMITMENT),
                     ==, _("Commitment to Quality"));
  }
  gtk_drop_down_set_selected (layout, VP_PRINT_CONTENT_QUALITY_COMMITMENT);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_assert_true (vp_test_wait_for (shows_first_page, page_label));
  g_signal_emit_by_name (window->print_operation, "custom-widget-apply", tab);
  g_assert_cmpint (vp_print_operation_get_content (window->print_operation), ==,
                   VP_PRINT_CONTENT_QUALITY_COMMITMENT);

  /* Cancelling ends the operation, so that Ctrl+P works again. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (vp_test_wait_for (print_finished, window));
  g_assert_null (vp_test_find_toplevel (print_dialog_type (), NULL));

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_export_pdf_writer (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(VpPrintDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  AdwMessageDialog *message;
  VpWindow *window;
  guint n_pages = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler ())
    return;

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_nonnull (window->programme);

  path = g_build_filename (fixture->dir, "Sanna.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_PARTICIPANT, "sanna-hoglund",
                        VP_PAPER_SIZE_LETTER, path);
  g_assert_true (vp_test_wait_for (file_exists, path));

  /* As many pages as the layout has on that paper. */
  document = vp_print_document_new (fixture->snapshot, VP_PRINT_LAYOUT_AGENDA, "sanna-hoglund",
                                    &error);
  g_assert_no_error (error);
  bytes = vp_print_document_write_pdf (document, VP_PAPER_SIZE_LETTER, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  text = pdf_text (path);
  assert_has (text, "Laser Research Centre: laboratory tour (group A)");
  assert_has_not (text, "group B");

  /* Readable by its owner alone: it may hold personal data. */
  g_assert_no_errno (g_stat (path, &buf));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* An error names the file. */
  vp_test_run_main_loop (100);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "Nobody.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_HOST_SHEET, "no-such-host",
                        VP_PAPER_SIZE_A4, path);
  message = vp_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Nobody.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  vp_test_destroy_toplevels (GTK_WINDOW (window));

  /* The grant sheet: the budget of the programme, every organisation. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = g_build_filename (fixture->dir, "Grant.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_BUDGET, NULL, VP_PAPER_SIZE_A4, path);
  g_assert_true (vp_test_wait_for (file_exists, path));
  text = pdf_text (path);
  assert_has (text, _("ClusterXChange grant sheet"));
  for (guint i = 0; i < vp_snapshot_get_organisations (fixture->snapshot)->len; i++)
    assert_has (text, vp_organisation_get_name (
                        g_ptr_array_index (vp_snapshot_get_organisations (fixture->snapshot), i)));
  {
    g_autofree char *total = g_strdup_printf (ngettext ("Total: %u visiting organisation",
                                                       "Total: %u visiting organisations", 11),
                                              11);

    assert_has (text, total);
  }

  /* Every participant's certificate, a page each. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = g_build_filename (fixture->dir, "Certificates.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_CERTIFICATE, NULL, VP_PAPER_SIZE_A4, path);
  g_assert_true (vp_test_wait_for (file_exists, path));
  text = pdf_text (path);
  for (guint i = 0; i < vp_snapshot_get_participants (fixture->snapshot)->len; i++)
    assert_has (text, vp_participant_get_name (
                        g_ptr_array_index (vp_snapshot_get_participants (fixture->snapshot), i)));
  g_assert_cmpuint (pdf_pages (path), ==, vp_snapshot_get_participants (fixture->snapshot)->len);

  /* Name badges on Letter: six to a page, everyone's. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = g_build_filename (fixture->dir, "Badges.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_BADGES, NULL, VP_PAPER_SIZE_LETTER, path);
  g_assert_true (vp_test_wait_for (file_exists, path));
  g_assert_cmpuint (pdf_pages (path), ==,
                    (vp_snapshot_get_participants (fixture->snapshot)->len + 5) / 6);
  text = pdf_text (path);
  for (guint i = 0; i < vp_snapshot_get_participants (fixture->snapshot)->len; i++)
    assert_has (text, vp_participant_get_name (
                        g_ptr_array_index (vp_snapshot_get_participants (fixture->snapshot), i)));

  /* One day's attendance sheets. */
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = g_build_filename (fixture->dir, "Attendance.pdf", NULL);
  vp_window_export_pdf (window, VP_PRINT_CONTENT_ATTENDANCE, "2027-04-15", VP_PAPER_SIZE_LETTER,
                        path);
  g_assert_true (vp_test_wait_for (file_exists, path));
  text = pdf_text (path);
  assert_has (text, "Baltic Precision Optics: coating hall and cleanroom");
  assert_has (text, "B2B meetings with Lithuanian photonics companies");
  assert_has_not (text, "Welcome and introductions");
  g_assert_cmpuint (pdf_pages (path), ==, 3);

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Export PDF dialog offers the paperwork: every day's attendance
 * sheets or one day's, every participant's certificate or one. */
static void
test_export_pdf_dialog_paperwork (Fixture       *fixture,
                                  gconstpointer  data)
{
  VpPrintDialog *dialog;
  AdwComboRow *layout;
  VpChooserRow *subject;
  GtkWidget *export_button;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  dialog = vp_print_dialog_new (fixture->snapshot, VP_PRINT_CONTENT_AGENDA, NULL,
                                VP_PAPER_SIZE_A4);
  gtk_window_present (GTK_WINDOW (dialog));
  vp_test_run_main_loop (100);
  layout = ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-layout"));
  subject = VP_CHOOSER_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-subject"));
  export_button = vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-button");

  /* The layouts' names, as the user reads them. */
  for (guint i = VP_PRINT_CONTENT_ATTENDANCE; i <= VP_PRINT_CONTENT_CERTIFICATE; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (layout),
                                                               i);

      g_assert_cmpstr (gtk_string_object_get_string (item), ==,
                       i == VP_PRINT_CONTENT_ATTENDANCE ? _("Attendance Sheets")
                                                        : _("Certificates"));
    }

  adw_combo_row_set_selected (layout, VP_PRINT_CONTENT_ATTENDANCE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (subject)), ==, _("_Day"));
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (subject)), ==,
                   _("All days"));
  g_assert_null (vp_print_dialog_get_subject (dialog));
  g_assert_true (gtk_widget_get_sensitive (export_button));
  vp_chooser_row_set_value (subject, "2027-04-14");
  {
    g_autoptr(GDateTime) noon = g_date_time_new_utc (2027, 4, 14, 12, 0, 0);
    g_autofree char *day = vp_format_date_time (noon, _("%A %-d %B %Y"));

    g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (subject)), ==, day);
  }
  g_assert_cmpstr (vp_print_dialog_get_subject (dialog), ==, "2027-04-14");

  adw_combo_row_set_selected (layout, VP_PRINT_CONTENT_CERTIFICATE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subject)));
  g_assert_cmpstr (gtk_label_get_label (vp_chooser_row_get_value_label (subject)), ==,
                   _("All participants"));
  g_assert_null (vp_print_dialog_get_subject (dialog));
  g_assert_true (gtk_widget_get_sensitive (export_button));
  vp_chooser_row_set_value (subject, "antti-korhonen");
  g_assert_cmpstr (vp_print_dialog_get_subject (dialog), ==, "antti-korhonen");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A programme with nothing to sign or certify: Export is off, and says why. */
static void
test_export_pdf_dialog_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(VpSnapshot) empty = NULL;
  VpPrintDialog *dialog;
  VpChooserRow *subject;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  empty = vp_snapshot_new (vp_snapshot_get_programme (fixture->snapshot));
  dialog = vp_print_dialog_new (empty, VP_PRINT_CONTENT_ATTENDANCE, NULL, VP_PAPER_SIZE_A4);
  subject = VP_CHOOSER_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-subject"));
  g_assert_false (gtk_widget_get_sensitive (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                 "export-pdf-button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (subject)), ==,
                   _("The programme has no visits, meetings, B2B meetings or workshops"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                  "export-pdf-layout")),
                              VP_PRINT_CONTENT_CERTIFICATE);
  g_assert_false (gtk_widget_get_sensitive (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                 "export-pdf-button")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                  "export-pdf-layout")),
                              VP_PRINT_CONTENT_AGENDA);
  g_assert_true (gtk_widget_get_sensitive (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                "export-pdf-button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_pdf_action (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *current_name = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  VpPrintDialog *dialog;
  GtkWindow *chooser;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler ())
    return;

  window = vp_test_show_window (fixture->store, 1000);
  g_assert_nonnull (window->programme);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  vp_test_run_main_loop (200);
  dialog = vp_test_wait_for_toplevel (VP_TYPE_PRINT_DIALOG);
  g_assert_nonnull (dialog);
  /* Enter exports what it suggests. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) ==
                 vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-button"));
  g_assert_cmpint (vp_print_dialog_get_content (dialog), ==, VP_PRINT_CONTENT_AGENDA);
  g_assert_null (vp_print_dialog_get_subject (dialog));

  /* Contacts on A4. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-layout")),
                              VP_PRINT_CONTENT_CONTACTS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-paper")),
                              0);
  g_assert_false (gtk_widget_get_visible (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-subject")));
  gtk_widget_activate (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-button"));

  /* The file chooser (GTK's own without a portal) suggests a name. */
  chooser = vp_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  current_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  {
    /* the programme's title, and what the file holds in the window's words */
    g_autofree char *what = g_strconcat (_("contacts"), ".pdf", NULL);
    g_autofree char *name =
      g_strdup_printf (_("%s – %s"),
                       "Photonics Finland in Vilnius- ultrafast lasers and precision optics", what);

    g_assert_cmpstr (current_name, ==, name);
  }

  folder = g_file_new_for_path (fixture->dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "contacts.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  path = g_build_filename (fixture->dir, "contacts.pdf", NULL);
  if (!vp_test_wait_for (file_exists, path))
    {
      GtkWindow *message = vp_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);

      /* say why, for a log read after the fact */
      g_error ("%s was not written%s%s", path, message != NULL ? ": " : "",
               message != NULL ? adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)) : "");
    }
  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
  g_assert_cmpint (window->export_paper, ==, VP_PAPER_SIZE_A4);

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Export PDF dialog's Language row: the contact sheet in Finnish from
 * a window that is not (the build's catalog, through
 * VISIT_PLANNER_LOCALEDIR), and in the reader's own (here the user's, the
 * window's) by default.  A window in Finnish chooses Swedish instead. */
static void
test_export_pdf_language (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(GStrv) codes = vp_language_available_codes ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  const char *other = g_str_equal (vp_language_user_code (), "fi") ? "sv" : "fi";
  const char *names[] = { "other.pdf", "default.pdf" };
  VpLanguage *language_other;
  VpWindow *window;
  guint chosen = 0;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler ())
    return;
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], other))
      chosen = i + 1;
  if (chosen == 0)
    {
      g_test_skip_printf ("no catalog of %s built", other);
      return;
    }
  language_other = vp_language_get (other, &error);
  g_assert_no_error (error);

  window = vp_test_show_window (fixture->store, 1000);
  folder = g_file_new_for_path (fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autofree char *text = NULL;
      VpPrintDialog *dialog;
      GtkWindow *chooser;
      AdwComboRow *language;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
      vp_test_run_main_loop (200);
      dialog = vp_test_wait_for_toplevel (VP_TYPE_PRINT_DIALOG);
      g_assert_nonnull (dialog);
      adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                      "export-pdf-layout")),
                                  VP_PRINT_CONTENT_CONTACTS);
      language = ADW_COMBO_ROW (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-language"));
      /* the reader's own first */
      g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);
      g_assert_null (vp_print_dialog_get_language (dialog));
      if (i == 0)
        {
          adw_combo_row_set_selected (language, chosen);
          g_assert_cmpstr (vp_print_dialog_get_language (dialog), ==, other);
        }
      gtk_widget_activate (vp_test_find_widget (GTK_WIDGET (dialog), "export-pdf-button"));

      chooser = vp_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      g_assert_nonnull (chooser);
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                          &error));
      g_assert_no_error (error);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), names[i]);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      g_assert_true (vp_test_wait_for (file_exists, path));
      /* written whole, then renamed: wait for the job's end */
      vp_test_run_main_loop (200);

      text = pdf_text (path);
      {
        guint n_pages = pdf_pages (path);
        /* the footer's words in the other language and in the user's */
        g_autofree char *page_other =
          g_strdup_printf (vp_language_gettext (language_other, "Page %u of %u"), 1, n_pages);
        g_autofree char *printed_other =
          g_strdup_printf (vp_language_gettext (language_other, "Printed %s"), "");
        g_autofree char *page_user = g_strdup_printf (_("Page %u of %u"), 1, n_pages);

        g_assert_cmpstr (page_other, !=, page_user);
        if (i == 0)
          {
            assert_has (text, page_other);
            assert_has (text, printed_other);
            assert_has_not (text, page_user);
          }
        else
          {
            assert_has (text, page_user);
            assert_has_not (text, page_other);
          }
      }
    }

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's Print… {{{1 */

/* The page @page (from 1) of the PDF at @path, squashed. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-",
                         NULL };
  g_autofree char *standard_output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &standard_output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  return squash (standard_output);
}

/* The demo with Aino Mäkelä reading German and Jukka Räsänen French. */
static void
import_demo_with_languages (VpStore *store)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) json = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  json = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (json, "\"id\": \"aino-makela\",",
                                      "\"id\": \"aino-makela\", \"language\": \"de\",", 1),
                    ==, 1);
  g_assert_cmpuint (g_string_replace (json, "\"id\": \"jukka-rasanen\",",
                                      "\"id\": \"jukka-rasanen\", \"language\": \"fr\",", 1),
                    ==, 1);
  vp_test_import_json (store, json->str);
}

static gboolean
has_printer (gpointer data)
{
  g_autoptr(GObject) printer = NULL;

  /* GtkPrintUnixDialog:selected-printer, without gtk4-unix-print's header */
  g_object_get (data, "selected-printer", &printer, NULL);
  return printer != NULL;
}

/* Prints @content (everyone's, for the certificates) from the window's
 * Print… to the PDF at @path through GTK's own print dialog and its "Print
 * to File" printer, the Layout tab's Language row on @language (NULL: the
 * reader's own).  FALSE when there is no such printer. */
static gboolean
print_from_window (VpWindow       *window,
                   VpPrintContent  content,
                   const char     *language,
                   const char     *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_auto(GStrv) codes = vp_language_available_codes ();
  GtkWindow *dialog;
  GtkWidget *tab;
  guint row = 0;

  /* GTK's file backend names its printer in GTK's own language. */
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_set_object (&window->print_settings, settings);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = vp_test_wait_for_toplevel (print_dialog_type ());
  g_assert_nonnull (dialog);
  tab = vp_test_find_widget (GTK_WIDGET (dialog), "print-layout-tab");
  g_assert_nonnull (tab);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vp_test_find_widget (tab, "print-layout")),
                              content);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vp_test_find_widget (tab, "print-subject")), 0);
  for (guint i = 0; language != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], language))
      row = i + 1;
  g_assert_true (language == NULL || row > 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vp_test_find_widget (tab, "print-language")), row);

  /* The dialog takes the printer the settings name once its backend lists it. */
  vp_test_wait_for (has_printer, dialog);
  if (!has_printer (dialog))
    {
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_assert_true (vp_test_wait_for (print_finished, window));
      return FALSE;
    }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (vp_test_wait_for (print_finished, window));
  g_assert_true (vp_test_wait_for (file_exists, (gpointer) path));
  vp_test_run_main_loop (200);
  return TRUE;
}

static VpLanguage *
language_or_skip (const char *code)
{
  VpLanguage *language = vp_language_get (code, NULL);

  if (language == NULL)
    g_test_skip_printf ("no catalog of “%s” built", code);
  return language;
}

#define CERTIFICATE_HEADER "Certificate of attendance"

/* Every page of the certificates at @path in its participant's language:
 * Aino Mäkelä's in German, Jukka Räsänen's in French, the others' in the
 * window's. */
static void
assert_readers_pages (const char *path,
                      VpLanguage *german,
                      VpLanguage *french)
{
  const char *german_header = vp_language_gettext (german, CERTIFICATE_HEADER);
  const char *french_header = vp_language_gettext (french, CERTIFICATE_HEADER);
  guint n_pages = pdf_pages (path);
  guint seen = 0;

  g_assert_cmpuint (n_pages, >=, 12);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_page_text (path, page);
      const char *expected, *other;

      if (strstr (text, "AinoMäkelä") != NULL)
        {
          expected = german_header;
          other = french_header;
          seen |= 1;
        }
      else if (strstr (text, "JukkaRäsänen") != NULL)
        {
          expected = french_header;
          other = german_header;
          seen |= 2;
        }
      else
        {
          expected = g_dgettext (GETTEXT_PACKAGE, CERTIFICATE_HEADER);
          other = g_str_equal (expected, french_header) ? german_header : french_header;
        }
      assert_has (text, expected);
      assert_has_not (text, other);
    }
  g_assert_cmpuint (seen, ==, 3);
}

/* Every page at @path in @language, none in @other. */
static void
assert_pages_in (const char *path,
                 VpLanguage *language,
                 VpLanguage *other)
{
  guint n_pages = pdf_pages (path);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_page_text (path, page);

      assert_has (text, vp_language_gettext (language, CERTIFICATE_HEADER));
      assert_has_not (text, vp_language_gettext (other, CERTIFICATE_HEADER));
    }
}

/* Everyone's certificates from the window's Print…, the Language row on
 * the reader's own: Aino Mäkelä's pages in German, Jukka Räsänen's in
 * French, the others' in the window's language; with a language chosen,
 * every page in it. */
static void
test_print_certificates_each_reader (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "certificates.pdf", NULL);
  g_autofree char *french_path = g_build_filename (fixture->dir, "certificates-fr.pdf", NULL);
  VpLanguage *german, *french;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler () || (german = language_or_skip ("de")) == NULL ||
      (french = language_or_skip ("fr")) == NULL)
    return;

  import_demo_with_languages (fixture->store);
  window = vp_test_show_window (fixture->store, 1000);
  if (!print_from_window (window, VP_PRINT_CONTENT_CERTIFICATE, NULL, path))
    {
      g_test_skip ("GTK has no “Print to File” printer");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  assert_readers_pages (path, german, french);

  /* A language chosen: every page in it. */
  g_assert_true (print_from_window (window, VP_PRINT_CONTENT_CERTIFICATE, "fr", french_path));
  assert_pages_in (french_path, french, german);

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export PDF's writer, as its job runs it: everyone's certificates with no
 * language set on the thread ("Reader’s Own") each in their participant's,
 * with one set every page in it. */
static void
test_export_pdf_certificates_each_reader (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "certificates.pdf", NULL);
  g_autofree char *french_path = g_build_filename (fixture->dir, "certificates-fr.pdf", NULL);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  VpLanguage *german, *french, *previous;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler () || (german = language_or_skip ("de")) == NULL ||
      (french = language_or_skip ("fr")) == NULL)
    return;

  import_demo_with_languages (fixture->store);
  snapshot = vp_test_load_snapshot (fixture->store, first_programme_id (fixture->store));
  g_assert_true (vp_print_write_pdf (snapshot, VP_PRINT_LAYOUT_CERTIFICATE, NULL, NULL,
                                     VP_PAPER_SIZE_A4, path, &error));
  g_assert_no_error (error);
  assert_readers_pages (path, german, french);

  previous = vp_language_set_document (french);
  g_assert_true (vp_print_write_pdf (snapshot, VP_PRINT_LAYOUT_CERTIFICATE, NULL, NULL,
                                     VP_PAPER_SIZE_A4, french_path, &error));
  vp_language_set_document (previous);
  g_assert_no_error (error);
  assert_pages_in (french_path, french, german);
}

/* The grant sheet from the window's Print… in French: the budget's
 * reasons in French too, whatever the window's language. */
static void
test_print_grant_sheet_language (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "grant-sheet.pdf", NULL);
  g_autofree char *text = NULL;
  const char *reasons[] = { "the programme’s amount", "Halved: " };
  VpLanguage *french;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();
  if (!have_poppler () || (french = language_or_skip ("fr")) == NULL)
    return;

  window = vp_test_show_window (fixture->store, 1000);
  if (!print_from_window (window, VP_PRINT_CONTENT_BUDGET, "fr", path))
    {
      g_test_skip ("GTK has no “Print to File” printer");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  text = pdf_text (path);
  assert_has (text, vp_language_gettext (french, "ClusterXChange grant sheet"));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      assert_has (text, vp_language_gettext (french, reasons[i]));
      if (!g_str_equal (g_dgettext (GETTEXT_PACKAGE, reasons[i]),
                        vp_language_gettext (french, reasons[i])))
        assert_has_not (text, g_dgettext (GETTEXT_PACKAGE, reasons[i]));
    }

  vp_test_destroy_toplevels (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A document printed from the window in its language (none chosen for it)
 * names days and months in that language too, from the catalog: the
 * machine need have no locale for it (the tests run in C.UTF-8). */
static void
test_document_dates_in_language (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GDateTime) noon = g_date_time_new_utc (2027, 4, 17, 12, 0, 0);
      g_autofree char *day = NULL;

      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      g_assert_null (vp_language_get_document ());
      day = vp_document_format_date_time (noon, "%A %-d %B %Y");
      g_print ("%s\n", day);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Samstag 17 April 2027\n");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

#define ADD_TEST(path, empty, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (empty), fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/print/window/disabled-without-programme", TRUE, test_disabled_without_programme);
  ADD_TEST ("/print/operation/layouts", FALSE, test_operation_layouts);
  ADD_TEST ("/print/operation/page-setup", FALSE, test_operation_margins);
  ADD_TEST ("/print/operation/no-subject", FALSE, test_operation_no_subject);
  ADD_TEST ("/print/window/layout-tab", FALSE, test_print_dialog_tab);
  ADD_TEST ("/print/window/export-pdf-writer", FALSE, test_export_pdf_writer);
  ADD_TEST ("/print/window/export-pdf-action", FALSE, test_export_pdf_action);
  ADD_TEST ("/print/window/export-pdf-language", FALSE, test_export_pdf_language);
  ADD_TEST ("/print/window/export-pdf-paperwork", FALSE, test_export_pdf_dialog_paperwork);
  ADD_TEST ("/print/window/export-pdf-nothing", FALSE, test_export_pdf_dialog_nothing);
  ADD_TEST ("/print/window/certificates-each-reader", TRUE, test_print_certificates_each_reader);
  ADD_TEST ("/print/window/grant-sheet-language", FALSE, test_print_grant_sheet_language);
  ADD_TEST ("/print/window/export-pdf-certificates-each-reader", TRUE,
            test_export_pdf_certificates_each_reader);
  g_test_add_func ("/print/document/dates-in-language", test_document_dates_in_language);

#undef ADD_TEST

  return g_test_run ();
}

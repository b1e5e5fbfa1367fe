/* test-agenda.c: the agenda page over a real store: grid, editor, moves, deletion and undo, list. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-agenda-grid.h"
#include "vp-agenda-item.h"
#include "vp-agenda-page.h"
#include "vp-checks.h"
#include "vp-format.h"
#include "vp-people-fields.h"
#include "vp-session-attendee.h"
#include "vp-session-editor.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-time-row.h"

#define PROGRAMME_UID "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6b01"
#define S1_UID "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6c01"
#define S2_UID "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6c02"
#define S3_UID "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6c03"
#define S4_UID "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6c04"

/* Two days in Vilnius: two sessions that overlap, one the next day, and
 * one past midnight (drawn as two blocks). */
static const char programme_json[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"" PROGRAMME_UID "\",\n"
  "    \"title\": \"Photonics Finland in Vilnius\",\n"
  "    \"status\": \"confirmed\",\n"
  "    \"visiting_cluster\": \"Photonics Finland\",\n"
  "    \"host_cluster\": \"Lithuanian Laser Cluster\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\",\n"
  "    \"end_date\": \"2027-04-14\"\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"laser-cluster\", \"name\": \"Lithuanian Laser Cluster\" },\n"
  "    { \"id\": \"femtolux\", \"name\": \"Femtolux Lasers\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"aino\", \"name\": \"Aino Mäkelä\", \"organisation\": \"Photonics Finland\" },\n"
  "    { \"id\": \"jukka\", \"name\": \"Jukka Räsänen\", \"organisation\": \"Lumiray Oy\" },\n"
  "    { \"id\": \"sanna\", \"name\": \"Sanna Höglund\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"uid\": \"" S1_UID "\", \"title\": \"Welcome\", \"kind\": \"meeting\",\n"
  "      \"host\": \"laser-cluster\", \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T10:00\" },\n"
  "    { \"id\": \"s2\", \"uid\": \"" S2_UID "\", \"title\": \"Laboratory tour\", \"kind\": \"visit\",\n"
  "      \"start\": \"2027-04-13T09:30\", \"end\": \"2027-04-13T10:30\" },\n"
  "    { \"id\": \"s3\", \"uid\": \"" S3_UID "\", \"title\": \"Femtolux Lasers\", \"status\": \"tentative\",\n"
  "      \"host\": \"femtolux\", \"start\": \"2027-04-14T14:00\", \"end\": \"2027-04-14T15:00\" },\n"
  "    { \"id\": \"s4\", \"uid\": \"" S4_UID "\", \"title\": \"Night train\", \"kind\": \"transfer\",\n"
  "      \"start\": \"2027-04-13T23:00\", \"end\": \"2027-04-14T01:00\" }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char               *dir;
  VpStore            *store;
  gint64              programme_id;
  VpProgrammeContext *context;
  GtkWindow          *window;
  VpAgendaPage       *page;
} Fixture;

/* Helpers {{{1 */

static VpSessionEditor *
find_editor (void)
{
  return vp_test_find_toplevel (VP_TYPE_SESSION_EDITOR, NULL);
}

/* Sets a time row of @editor through its spin buttons. */
static void
set_time (VpSessionEditor *editor,
          const char      *name,
          int              hour,
          int              minute)
{
  VpTimeRow *row = VP_TIME_ROW (vp_test_get_widget (editor, name));

  gtk_spin_button_set_value (vp_time_row_get_hour_spin (row), hour);
  gtk_spin_button_set_value (vp_time_row_get_minute_spin (row), minute);
}

/* What @editor says beside its row @name, in red under it, begins with
 * @prefix. */
static void
assert_row_error (VpSessionEditor *editor,
                  const char      *name,
                  const char      *prefix)
{
  GtkWidget *row = vp_test_get_widget (editor, name);
  GtkLabel *label = vp_people_get_error_label (row);

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_true (gtk_widget_get_next_sibling (row) == gtk_widget_get_parent (GTK_WIDGET (label)));
  if (!g_str_has_prefix (gtk_label_get_label (label), prefix))
    g_error ("expected “%s…” under %s, got “%s”", prefix, name, gtk_label_get_label (label));
}

/* What the editor says under the end's row when the end is not after the
 * start: the rule of values' message, as a sentence. */
static char *
end_not_after_start (const char *end,
                     const char *start)
{
  g_autofree char *message =
    g_strdup_printf (_("the end %s is not after the start %s: a session ends after it starts"),
                     end, start);
  char first[8] = { 0, };

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (message)), first);
  return g_strconcat (first, g_utf8_next_char (message), NULL);
}

static VpSnapshot *
load (Fixture *fixture)
{
  return vp_test_load_snapshot (fixture->store, fixture->programme_id);
}

static VpAgendaGrid *
get_grid (Fixture *fixture)
{
  return VP_AGENDA_GRID (vp_test_get_widget (fixture->page, "agenda_grid"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-agenda", &fixture->dir);
  fixture->programme_id = vp_test_import_json (fixture->store, programme_json);

  fixture->context = vp_test_context_new (fixture->store, fixture->programme_id);
  fixture->page = VP_AGENDA_PAGE (vp_agenda_page_new (fixture->context));
  fixture->window = vp_test_show_page (GTK_WIDGET (fixture->page), width > 0 ? width : 1000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  /* The window, and any session editor left open */
  vp_test_destroy_toplevels (NULL);
  vp_test_run_main_loop (50);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* Tests {{{1 */

static void
test_grid_blocks (Fixture       *fixture,
                  gconstpointer  data)
{
  VpAgendaGrid *grid;
  graphene_rect_t r1, r2, r3;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  grid = get_grid (fixture);
  g_assert_false (vp_agenda_page_get_list_mode (fixture->page));
  g_assert_cmpuint (vp_agenda_grid_get_n_days (grid), ==, 2);
  g_assert_cmpuint (vp_agenda_grid_get_n_visible_days (grid), ==, 2);
  /* Four sessions, the night train on two days */
  g_assert_cmpuint (vp_agenda_grid_get_n_blocks (grid), ==, 5);

  g_assert_true (vp_agenda_grid_get_block_rect (grid, S1_UID, &r1));
  g_assert_true (vp_agenda_grid_get_block_rect (grid, S2_UID, &r2));
  g_assert_true (vp_agenda_grid_get_block_rect (grid, S3_UID, &r3));

  /* Overlapping: side by side, as wide as each other */
  g_assert_cmpfloat (r1.origin.x + r1.size.width, <=, r2.origin.x);
  g_assert_cmpfloat_with_epsilon (r1.size.width, r2.size.width, 1);
  g_assert_cmpfloat (r2.origin.y, >, r1.origin.y);
  /* An hour is as tall in both, and the next day is to the right */
  g_assert_cmpfloat_with_epsilon (r1.size.height, r3.size.height, 1);
  g_assert_cmpfloat (r3.origin.x, >, r2.origin.x);
}

/* The grid as drawn now, in the window's renderer: @stride bytes a row. */
static guchar *
render_grid (VpAgendaGrid *grid,
             gsize        *stride)
{
  GtkWidget *widget = GTK_WIDGET (grid);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* Whether the pixels of @rect are the same in @a and @b. */
static gboolean
same_pixels (const guchar          *a,
             const guchar          *b,
             gsize                  stride,
             const graphene_rect_t *rect)
{
  for (int y = (int) rect->origin.y; y < (int) (rect->origin.y + rect->size.height); y++)
    {
      gsize at = y * stride + (gsize) rect->origin.x * 4;

      if (memcmp (a + at, b + at, (gsize) rect->size.width * 4) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A title saved: the grid draws that session's block again, with the new
 * title, and the others as they were. */
static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_grid_redraws_edited (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpSession) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *before = NULL;
  g_autofree guchar *after = NULL;
  g_autofree guchar *again = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_problem_free);
  VpProblem problem = {
    VP_SEVERITY_ERROR, (char *) "host-capacity", (char *) "Too many visitors", (char *) S2_UID,
    NULL, NULL,
  };
  VpAgendaGrid *grid;
  GtkSelectionModel *list;
  guint n_list_changes = 0;
  graphene_rect_t r1, r2;
  gsize stride;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  grid = get_grid (fixture);
  /* The welcome and, beside it, the laboratory tour: both in sight */
  g_assert_true (vp_agenda_grid_focus_session (grid, S2_UID));
  vp_test_run_main_loop (50);
  g_assert_true (vp_agenda_grid_get_block_rect (grid, S1_UID, &r1));
  g_assert_true (vp_agenda_grid_get_block_rect (grid, S2_UID, &r2));
  g_assert_cmpfloat (r1.origin.y + r1.size.height, <=, gtk_widget_get_height (GTK_WIDGET (grid)));
  g_assert_cmpfloat (r2.origin.y + r2.size.height, <=, gtk_widget_get_height (GTK_WIDGET (grid)));
  before = render_grid (grid, &stride);

  snapshot = load (fixture);
  copy = vp_session_copy (vp_snapshot_lookup_session_by_uid (snapshot, S1_UID));
  vp_session_set_title (copy, "Opening words");
  list = gtk_list_view_get_model (GTK_LIST_VIEW (vp_test_get_widget (fixture->page, "agenda_list")));
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &n_list_changes);
  g_assert_true (vp_store_save_session (fixture->store, fixture->programme_id, copy, NULL, &error));
  g_assert_no_error (error);
  vp_test_run_main_loop (50);
  /* the list's row is assigned in place: the list is not made again */
  g_assert_cmpuint (n_list_changes, ==, 0);
  g_signal_handlers_disconnect_by_func (list, count_items_changed_cb, &n_list_changes);

  after = render_grid (grid, &stride);
  g_assert_false (same_pixels (before, after, stride, &r1));
  g_assert_true (same_pixels (before, after, stride, &r2));

  /* and the old title back: drawn as it was at first */
  vp_session_set_title (copy, "Welcome");
  g_assert_true (vp_store_save_session (fixture->store, fixture->programme_id, copy, NULL, &error));
  g_assert_no_error (error);
  vp_test_run_main_loop (50);
  again = render_grid (grid, &stride);
  g_assert_true (same_pixels (before, again, stride, &r1));

  /* a problem found with the tour: its block shows it */
  g_ptr_array_add (problems, vp_problem_copy (&problem));
  vp_programme_context_set_problems (fixture->context, problems);
  vp_test_run_main_loop (50);
  g_clear_pointer (&after, g_free);
  after = render_grid (grid, &stride);
  g_assert_false (same_pixels (before, after, stride, &r2));
  g_assert_true (same_pixels (before, after, stride, &r1));
}

static void
test_editor_add (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  VpSessionEditor *editor;
  GtkListView *attendees;
  GListModel *model;
  VpSession *added = NULL;
  GPtrArray *sessions;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "agenda.add-session", NULL);
  vp_test_run_main_loop (100);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_null (vp_session_editor_get_uid (editor));

  /* No title: nothing is added, and the row says why once typed in */
  g_assert_false (gtk_widget_has_css_class (vp_test_get_widget (editor, "title_row"), "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  g_assert_true (find_editor () == editor);
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")), "x");
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")), "");
  g_assert_true (gtk_widget_has_css_class (vp_test_get_widget (editor, "title_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")),
                         "Saulėtekis University tour");
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "location_row")),
                         "Saulėtekio al. 10");
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_get_widget (editor, "status_row")),
                              VP_SESSION_STATUS_TENTATIVE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_get_widget (editor, "kind_row")),
                              VP_SESSION_KIND_VISIT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (vp_test_get_widget (editor, "host_row")), 2);

  /* An end before the start is refused, beside the end's row (the rule
   * of values the store and the formats keep), not taken for the next
   * day; nothing is added */
  set_time (editor, "start_row", 11, 0);
  set_time (editor, "end_row", 10, 45);
  {
    g_autofree char *message = end_not_after_start ("10:45", "11:00");

    assert_row_error (editor, "end_row", message);
  }
  g_assert_false (gtk_widget_get_visible (vp_test_get_widget (editor, "time_message")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  vp_test_run_main_loop (50);
  g_assert_true (find_editor () == editor);
  /* as is an end at the start */
  set_time (editor, "end_row", 11, 0);
  {
    g_autofree char *message = end_not_after_start ("11:00", "11:00");

    assert_row_error (editor, "end_row", message);
  }
  set_time (editor, "end_row", 12, 15);
  g_assert_false (gtk_widget_has_css_class (vp_test_get_widget (editor, "end_row"), "error"));
  g_assert_null (vp_people_get_error_label (vp_test_get_widget (editor, "end_row")));

  /* Not everyone: tick Jukka in the checklist, found by a search */
  gtk_switch_set_active (GTK_SWITCH (vp_test_get_widget (editor, "everyone_switch")), FALSE);
  g_assert_true (gtk_widget_get_visible (vp_test_get_widget (editor, "checklist_box")));
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "attendee_search")), "lumiray");
  vp_test_run_main_loop (300);
  attendees = GTK_LIST_VIEW (vp_test_get_widget (editor, "attendee_list"));
  model = G_LIST_MODEL (gtk_list_view_get_model (attendees));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(VpSessionAttendee) attendee = g_list_model_get_item (model, 0);

    g_assert_cmpstr (vp_session_attendee_get_ref (attendee), ==, "jukka");
    vp_session_attendee_set_attending (attendee, TRUE);
  }
  {
    g_autofree char *attending =
      g_strdup_printf (ngettext ("%u of %u attending", "%u of %u attending", 3), 1, 3);
    g_autofree char *shown = g_strdup_printf (ngettext ("%s, %u shown", "%s, %u shown", 1),
                                              attending, 1);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (vp_test_get_widget (editor,
                                                                         "attendee_count"))),
                     ==, shown);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vp_test_get_widget (editor, "capacity_spin")), 12);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.apply", NULL);
  vp_test_run_main_loop (50);
  g_assert_null (find_editor ());

  snapshot = load (fixture);
  sessions = vp_snapshot_get_sessions (snapshot);
  g_assert_cmpuint (sessions->len, ==, 5);
  for (guint i = 0; i < sessions->len; i++)
    if (g_strcmp0 (vp_session_get_title (g_ptr_array_index (sessions, i)), "Saulėtekis University tour") == 0)
      added = g_ptr_array_index (sessions, i);
  g_assert_nonnull (added);
  /* The first day in view, as typed, in the programme's zone */
  g_assert_cmpstr (vp_session_get_start (added), ==, "2027-04-13T11:00");
  g_assert_cmpstr (vp_session_get_end (added), ==, "2027-04-13T12:15");
  g_assert_cmpint (vp_session_get_status (added), ==, VP_SESSION_STATUS_TENTATIVE);
  g_assert_cmpint (vp_session_get_kind (added), ==, VP_SESSION_KIND_VISIT);
  g_assert_cmpstr (vp_session_get_host_ref (added), ==, "femtolux");
  g_assert_cmpstr (vp_session_get_location (added), ==, "Saulėtekio al. 10");
  g_assert_cmpint (vp_session_get_capacity (added), ==, 12);
  g_assert_false (vp_session_get_attendees_all (added));
  g_assert_cmpuint (vp_session_get_attendees (added)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (vp_session_get_attendees (added), 0), ==, "jukka");

  /* and the grid shows it at once */
  g_assert_cmpuint (vp_agenda_grid_get_n_blocks (get_grid (fixture)), ==, 6);
  g_assert_cmpstr (vp_agenda_grid_get_focus_session (get_grid (fixture)), ==, vp_session_get_uid (added));
}

/* A stored session is saved as it is edited: there is nothing to confirm. */
static void
test_editor_live (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  VpSessionEditor *editor;
  VpSession *session;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  vp_agenda_page_show_session (fixture->page, S2_UID);
  vp_test_run_main_loop (50);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (vp_session_editor_get_uid (editor), ==, S2_UID);
  g_assert_cmpstr (vp_agenda_grid_get_focus_session (get_grid (fixture)), ==, S2_UID);

  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")),
                         "Laser laboratory tour");
  set_time (editor, "end_row", 11, 0);
  /* Saved a moment later, and on closing at the latest */
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_assert_null (find_editor ());

  snapshot = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (snapshot, S2_UID);
  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Laser laboratory tour");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T11:00");
}

/* A session past midnight ends on the day after it starts, by its end day;
 * an end day that puts the end before the start is refused, and the day
 * moves the end day with it. */
static void
test_editor_end_day (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = NULL;
  VpSessionEditor *editor;
  AdwComboRow *day_row;
  AdwComboRow *end_day_row;
  VpSession *session;
  guint day;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  vp_agenda_page_show_session (fixture->page, S4_UID);
  vp_test_run_main_loop (50);
  editor = find_editor ();
  g_assert_nonnull (editor);
  day_row = ADW_COMBO_ROW (vp_test_get_widget (editor, "day_row"));
  end_day_row = ADW_COMBO_ROW (vp_test_get_widget (editor, "end_day_row"));
  day = adw_combo_row_get_selected (day_row);
  g_assert_cmpuint (adw_combo_row_get_selected (end_day_row), ==, day + 1);
  g_assert_false (gtk_widget_has_css_class (vp_test_get_widget (editor, "end_row"), "error"));

  /* 01:00 on the day it starts is before 23:00: refused, and not saved */
  gtk_editable_set_text (GTK_EDITABLE (vp_test_get_widget (editor, "title_row")), "Sleeper");
  adw_combo_row_set_selected (end_day_row, day);
  {
    g_autofree char *message = end_not_after_start ("01:00", "23:00");

    assert_row_error (editor, "end_row", message);
  }
  vp_test_run_main_loop (600);
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  g_assert_null (find_editor ());
  snapshot = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (snapshot, S4_UID);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Night train");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-14T01:00");
  g_clear_object (&snapshot);

  /* A day later: the end day follows */
  vp_agenda_page_show_session (fixture->page, S4_UID);
  vp_test_run_main_loop (50);
  editor = find_editor ();
  day_row = ADW_COMBO_ROW (vp_test_get_widget (editor, "day_row"));
  end_day_row = ADW_COMBO_ROW (vp_test_get_widget (editor, "end_day_row"));
  adw_combo_row_set_selected (day_row, day + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (end_day_row), ==, day + 2);
  gtk_window_close (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
  snapshot = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (snapshot, S4_UID);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-14T23:00");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-15T01:00");
}

static void
test_grid_move (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpSnapshot) before = load (fixture);
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(VpSnapshot) later = NULL;
  VpAgendaGrid *grid = NULL;
  VpSession *session;
  int revision;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  grid = get_grid (fixture);
  revision = vp_session_get_revision (vp_snapshot_lookup_session_by_uid (before, S1_UID));
  gtk_widget_grab_focus (GTK_WIDGET (grid));
  g_assert_true (vp_agenda_grid_focus_session (grid, S1_UID));

  /* Ctrl+Down: a quarter of an hour later, as long as before */
  gtk_widget_activate_action (GTK_WIDGET (grid), "agenda-grid.move", "(ii)", 15, 0);
  after = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (after, S1_UID);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-13T09:15");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-13T10:15");
  g_assert_cmpint (vp_session_get_revision (session), >, revision);
  revision = vp_session_get_revision (session);

  /* Alt+Right: the next day, the focus still on it */
  g_assert_cmpstr (vp_agenda_grid_get_focus_session (grid), ==, S1_UID);
  gtk_widget_activate_action (GTK_WIDGET (grid), "agenda-grid.move", "(ii)", 0, 1);
  later = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (later, S1_UID);
  g_assert_cmpstr (vp_session_get_start (session), ==, "2027-04-14T09:15");
  g_assert_cmpstr (vp_session_get_end (session), ==, "2027-04-14T10:15");
  g_assert_cmpint (vp_session_get_revision (session), >, revision);

  /* The arrow keys walk the sessions in time order */
  gtk_widget_activate_action (GTK_WIDGET (grid), "agenda-grid.focus-move", "i", -100);
  g_assert_cmpstr (vp_agenda_grid_get_focus_session (grid), ==, S2_UID);
  gtk_widget_activate_action (GTK_WIDGET (grid), "agenda-grid.focus-move", "i", 1);
  g_assert_cmpstr (vp_agenda_grid_get_focus_session (grid), ==, S4_UID);
}

static void
test_grid_delete_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpSnapshot) deleted = NULL;
  g_autoptr(VpSnapshot) restored = NULL;
  VpAgendaGrid *grid;
  GtkWidget *undo;
  VpSession *session;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  grid = get_grid (fixture);
  g_assert_true (vp_agenda_grid_focus_session (grid, S3_UID));
  gtk_widget_activate_action (GTK_WIDGET (grid), "agenda-grid.delete", NULL);

  deleted = load (fixture);
  g_assert_null (vp_snapshot_lookup_session_by_uid (deleted, S3_UID));
  g_assert_cmpuint (vp_snapshot_get_sessions (deleted)->len, ==, 3);
  g_assert_cmpuint (vp_agenda_grid_get_n_blocks (grid), ==, 4);

  /* The toast's Undo button puts it back as it was */
  undo = vp_test_wait_for_button (GTK_WIDGET (fixture->window), _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");

  restored = load (fixture);
  session = vp_snapshot_lookup_session_by_uid (restored, S3_UID);
  g_assert_nonnull (session);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Femtolux Lasers");
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_TENTATIVE);
  g_assert_cmpuint (vp_agenda_grid_get_n_blocks (grid), ==, 5);
}

static void
count_changed_cb (VpAgendaItem *item,
                  guint        *n_changed)
{
  (*n_changed)++;
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_problem_free);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func ((GDestroyNotify) vp_problem_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  VpProblem problem = {
    VP_SEVERITY_ERROR, (char *) "host-capacity", (char *) "Too many visitors", (char *) S1_UID, NULL, NULL,
  };
  GListModel *model;
  guint *n_changed;
  gboolean found = FALSE;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (vp_test_get_widget (fixture->page, "agenda_list"))));
  n_changed = g_new0 (guint, g_list_model_get_n_items (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_ptr_array_add (items, g_list_model_get_item (model, i));
      g_signal_connect (g_ptr_array_index (items, i), "changed", G_CALLBACK (count_changed_cb),
                        &n_changed[i]);
    }

  g_ptr_array_add (problems, vp_problem_copy (&problem));
  vp_programme_context_set_problems (fixture->context, problems);

  /* The rows stay the same items: only the one with a problem is shown again. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, items->len);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpAgendaItem) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (items, i));
      if (g_strcmp0 (vp_agenda_item_get_uid (item), S1_UID) == 0)
        {
          g_assert_cmpint (vp_agenda_item_get_severity (item), ==, VP_SEVERITY_ERROR);
          g_assert_cmpstr (vp_agenda_item_get_problems (item), ==, "Too many visitors");
          g_assert_cmpuint (n_changed[i], ==, 1);
          found = TRUE;
        }
      else
        {
          g_assert_cmpint (vp_agenda_item_get_severity (item), ==, -1);
          g_assert_cmpuint (n_changed[i], ==, 0);
        }
    }
  g_assert_true (found);
  vp_test_run_main_loop (50);

  /* The same problems from another run of the checks: nothing shown again */
  g_ptr_array_add (again, vp_problem_copy (&problem));
  vp_programme_context_set_problems (fixture->context, again);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpuint (n_changed[i], ==,
                      vp_agenda_item_get_severity (g_ptr_array_index (items, i)) >= 0);

  /* The problem gone: its row says so */
  vp_programme_context_set_problems (fixture->context, none);
  for (guint i = 0; i < items->len; i++)
    {
      VpAgendaItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (vp_agenda_item_get_severity (item), ==, -1);
      g_assert_null (vp_agenda_item_get_problems (item));
      g_signal_handlers_disconnect_by_func (item, count_changed_cb, &n_changed[i]);
    }
  vp_test_run_main_loop (50);
  g_free (n_changed);
}

static void
check_list (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (vp_test_get_widget (fixture->page, "agenda_list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(VpAgendaItem) first = NULL;
  g_autoptr(VpAgendaItem) second = NULL;

  g_assert_true (vp_agenda_page_get_list_mode (fixture->page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  /* A heading for each of the two days, and the four sessions */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_true (vp_agenda_item_is_heading (first));
  g_assert_cmpstr (vp_agenda_item_get_uid (second), ==, S1_UID);
  {
    g_autofree char *times = g_strdup_printf (_("%02d:%02d–%02d:%02d"), 9, 0, 10, 0);

    g_assert_cmpstr (vp_agenda_item_get_times (second), ==, times);
  }
  /* The night train ends the next day: its end names that day, in the
   * window's language. */
  {
    g_autoptr(GDateTime) end = g_date_time_new_utc (2027, 4, 14, 1, 0, 0);
    g_autofree char *end_text = vp_format_date_time (end, C_("end on another day", "%a %H:%M"));
    g_autofree char *times = g_strdup_printf (_("%02d:%02d – %s"), 23, 0, end_text);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(VpAgendaItem) item = g_list_model_get_item (model, i);

        if (vp_agenda_item_is_heading (item) ||
            g_strcmp0 (vp_agenda_item_get_uid (item), S4_UID) != 0)
          continue;
        g_assert_cmpstr (vp_agenda_item_get_times (item), ==, times);
        found = TRUE;
      }
    g_assert_true (found);
  }
  g_assert_cmpstr (vp_agenda_item_get_host (second), ==, "Lithuanian Laser Cluster");
}

static void
test_list_forced (Fixture       *fixture,
                  gconstpointer  data)
{
  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  vp_agenda_page_set_force_list (fixture->page, TRUE);
  vp_test_run_main_loop (100);
  check_list (fixture);

  vp_agenda_page_set_force_list (fixture->page, FALSE);
  vp_test_run_main_loop (100);
  g_assert_false (vp_agenda_page_get_list_mode (fixture->page));
}

/* 360 pixels wide: the list, by itself */
static void
test_list_narrow (Fixture       *fixture,
                  gconstpointer  data)
{
  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  check_list (fixture);
}

int
main (int    argc,
      char **argv)
{
  vp_test_init (&argc, &argv);

#define ADD(path, func, width) \
  g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_set_up, func, fixture_tear_down)

  ADD ("/agenda/grid/blocks", test_grid_blocks, 1000);
  ADD ("/agenda/grid/move", test_grid_move, 1000);
  ADD ("/agenda/grid/redraws-edited", test_grid_redraws_edited, 1000);
  ADD ("/agenda/grid/delete-undo", test_grid_delete_undo, 1000);
  ADD ("/agenda/editor/add", test_editor_add, 1000);
  ADD ("/agenda/editor/live", test_editor_live, 1000);
  ADD ("/agenda/editor/end-day", test_editor_end_day, 1000);
  ADD ("/agenda/problems", test_problems, 1000);
  ADD ("/agenda/list/forced", test_list_forced, 1000);
  ADD ("/agenda/list/narrow", test_list_narrow, 360);

  return g_test_run ();
}

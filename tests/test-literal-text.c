/* test-literal-text.c: text holding “&” and “<” is shown as typed on every page and in every
 * editor of the window, and GTK never warns about it. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "vp-agenda-page.h"
#include "vp-hosts-page.h"
#include "vp-organisation-editor.h"
#include "vp-organisations-page.h"
#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-host-editor.h"
#include "vp-print-dialog.h"
#include "vp-session-editor.h"
#include "vp-store.h"
#include "vp-test-gui.h"

/* What every text of the demo gets: an ampersand that starts no entity, a
 * tag, and a lone “<”, each of which breaks Pango markup. */
#define HOSTILE " & <b>x</b> <"

/* The members of the demo that hold free text. */
static const char * const text_members[] = {
  "title", "name", "description", "notes", "dietary", "accessibility", "site_rules", "address",
  "city", "cluster", "visiting_cluster", "host_cluster", "emergency_contact", "contact_name",
  "location", NULL,
};

typedef struct
{
  char    *dir;
  VpStore *store;
} Fixture;

/* Helpers {{{1 */

static void
make_hostile (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        make_hostile (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING &&
              g_strv_contains (text_members, l->data))
            {
              g_autofree char *text = g_strconcat (json_node_get_string (member), HOSTILE, NULL);

              json_object_set_string_member (object, l->data, text);
            }
          else
            make_hostile (member);
        }
    }
}

/* The demo with HOSTILE after each of its texts. */
static char *
hostile_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  make_hostile (json_parser_get_root (parser));

  return json_to_string (json_parser_get_root (parser), TRUE);
}

static VpSnapshot *
load (Fixture *fixture)
{
  g_autoptr(VpProgramme) programme =
    g_list_model_get_item (vp_store_get_programmes (fixture->store), 0);

  return vp_test_load_snapshot (fixture->store, vp_programme_get_id (programme));
}

/* Some label or entry under @root shows @text exactly (as plain text, not
 * markup). */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  if (GTK_IS_EDITABLE (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static void
show_page (VpWindow   *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  vp_test_run_main_loop (200);
}

/* Waits for an editor, until it is drawn, checks that it shows @text (if
 * given) in a label or entry, and closes it. */
static void
check_editor (GType       type,
              const char *text)
{
  GtkWidget *editor = vp_test_wait_for_toplevel (type);

  vp_test_run_main_loop (200);
  if (text != NULL && !shows_label (editor, text))
    g_error ("%s does not show “%s”", G_OBJECT_TYPE_NAME (editor), text);
  gtk_window_destroy (GTK_WINDOW (editor));
  vp_test_run_main_loop (50);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *json = NULL;

  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-literal-text", &fixture->dir);
  vp_test_reset_last_programme ();
  json = hostile_demo ();
  vp_test_import_json (fixture->store, json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
  vp_test_run_main_loop (50);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

/* Tests {{{1 */

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const pages[] = {
    "overview", "agenda", "participants", "organisations", "hosts", "checks",
  };
  g_autoptr(VpSnapshot) snapshot = NULL;
  VpParticipant *participant;
  VpHost *host;
  VpOrganisation *organisation;
  VpSession *session;
  VpWindow *window;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  /* From here on, any warning or critical message ends the test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  snapshot = load (fixture);
  participant = g_ptr_array_index (vp_snapshot_get_participants (snapshot), 0);
  host = g_ptr_array_index (vp_snapshot_get_hosts (snapshot), 0);
  organisation = g_ptr_array_index (vp_snapshot_get_organisations (snapshot), 0);
  session = g_ptr_array_index (vp_snapshot_get_sessions (snapshot), 0);
  g_assert_true (g_str_has_suffix (vp_participant_get_name (participant), HOSTILE));

  window = vp_test_show_window (fixture->store, 1280);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    show_page (window, pages[i]);

  /* the overview's heading, and a visiting organisation's budget row */
  show_page (window, "overview");
  g_assert_true (shows_label (GTK_WIDGET (window),
                              vp_programme_get_title (vp_snapshot_get_programme (snapshot))));
  g_assert_true (shows_label (GTK_WIDGET (window), vp_organisation_get_name (organisation)));

  /* the tables' rows */
  show_page (window, "participants");
  g_assert_true (shows_label (GTK_WIDGET (window), vp_participant_get_name (participant)));
  show_page (window, "hosts");
  g_assert_true (shows_label (GTK_WIDGET (window), vp_host_get_name (host)));

  /* each editor, on a row whose every text has “&” and “<” */
  show_page (window, "participants");
  g_assert_true (vp_participants_page_show_participant (
                   VP_PARTICIPANTS_PAGE (vp_test_get_widget (window, "participants")),
                   vp_participant_get_ref (participant)));
  check_editor (VP_TYPE_PARTICIPANT_EDITOR, vp_participant_get_name (participant));

  show_page (window, "hosts");
  g_assert_true (vp_hosts_page_show_host (VP_HOSTS_PAGE (vp_test_get_widget (window, "hosts")),
                                          vp_host_get_ref (host)));
  check_editor (VP_TYPE_HOST_EDITOR, vp_host_get_name (host));

  show_page (window, "organisations");
  g_assert_true (vp_organisations_page_show_organisation (
                   VP_ORGANISATIONS_PAGE (vp_test_get_widget (window, "organisations")),
                   vp_organisation_get_ref (organisation)));
  check_editor (VP_TYPE_ORGANISATION_EDITOR, vp_organisation_get_name (organisation));

  show_page (window, "agenda");
  vp_agenda_page_show_session (VP_AGENDA_PAGE (vp_test_get_widget (window, "agenda")),
                               vp_session_get_uid (session));
  check_editor (VP_TYPE_SESSION_EDITOR, vp_session_get_title (session));

  /* Export PDF, its participant chooser full of such names */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  check_editor (VP_TYPE_PRINT_DIALOG, NULL);

  /* and narrow: the agenda as a list */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  show_page (window, "agenda");
  show_page (window, "checks");

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

  g_test_add ("/literal-text/every-page", Fixture, NULL, fixture_set_up, test_every_page,
              fixture_tear_down);

  return g_test_run ();
}

/* test-publish-window.c: Publish in the main menu, and the Publishing dialog. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "vp-format.h"
#include "vp-publish-dialog.h"
#include "vp-store.h"
#include "vp-test-gui.h"
#include "vp-window-private.h"

#define USER     "aino"
#define PASSWORD "pass word"

/* A CalDAV server in this process, with Basic authentication: collections
 * made with MKCALENDAR, resources PUT; the main loop serves it while the
 * test waits. */
typedef struct
{
  SoupServer *server;
  char       *base;
  GHashTable *collections;  /* paths */
  GHashTable *resources;    /* path → body */
  GHashTable *etags;        /* path → ETag */
  guint       puts;
} Server;

typedef struct
{
  char    *dir;
  VpStore *store;
  gint64   programme_id;
  Server   server;
} Fixture;

static gboolean
auth_cb (SoupAuthDomain    *domain,
         SoupServerMessage *message,
         const char        *user,
         const char        *password,
         gpointer           user_data)
{
  return g_str_equal (user, USER) && g_str_equal (password, PASSWORD);
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *server = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);

  if (g_str_equal (method, "PROPFIND"))
    soup_server_message_set_status (message,
                                    g_hash_table_contains (server->collections, path) ? 207 : 404,
                                    NULL);
  else if (g_str_equal (method, "MKCALENDAR"))
    {
      g_hash_table_add (server->collections, g_strdup (path));
      soup_server_message_set_status (message, 201, NULL);
    }
  else if (g_str_equal (method, "PUT"))
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
      SoupMessageBody *body = soup_server_message_get_request_body (message);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      const char *if_match = soup_message_headers_get_one (headers, "If-Match");
      const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
      const char *etag = g_hash_table_lookup (server->etags, path);
      char *new_etag;

      /* the conditions, on ETags: the number of the PUT that wrote it */
      if ((if_none_match != NULL && etag != NULL) ||
          (if_match != NULL && g_strcmp0 (if_match, etag) != 0))
        {
          soup_server_message_set_status (message, 412, NULL);
          return;
        }
      new_etag = g_strdup_printf ("\"%u\"", ++server->puts);
      g_hash_table_replace (server->resources, g_strdup (path), g_bytes_ref (bytes));
      g_hash_table_replace (server->etags, g_strdup (path), new_etag);
      soup_message_headers_replace (response_headers, "ETag", new_etag);
      soup_server_message_set_status (message, etag != NULL ? 204 : 201, NULL);
    }
  else if (g_str_equal (method, "GET") && g_hash_table_contains (server->resources, path))
    {
      GBytes *bytes = g_hash_table_lookup (server->resources, path);

      soup_message_headers_replace (response_headers, "ETag",
                                    g_hash_table_lookup (server->etags, path));
      soup_server_message_set_response (message, "text/calendar", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      soup_server_message_set_status (message, 200, NULL);
    }
  else
    soup_server_message_set_status (message, 405, NULL);
}

static void
server_start (Server *server)
{
  g_autoptr(SoupAuthDomain) domain = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->collections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_bytes_unref);
  server->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  server->server = soup_server_new (NULL, NULL);
  domain = soup_auth_domain_basic_new ("realm", "test", NULL);
  soup_auth_domain_basic_set_auth_callback (domain, auth_cb, NULL, NULL);
  soup_auth_domain_add_path (domain, "/");
  soup_server_add_auth_domain (server->server, domain);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  g_assert_true (soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->base = g_strdup_printf ("%scal/", g_uri_to_string (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

static void
server_stop (Server *server)
{
  if (server->server != NULL)
    soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->collections, g_hash_table_unref);
  g_clear_pointer (&server->resources, g_hash_table_unref);
  g_clear_pointer (&server->etags, g_hash_table_unref);
  g_clear_pointer (&server->base, g_free);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!vp_test_have_display ())
    return;

  fixture->store = vp_test_store_new ("test-publish-window", &fixture->dir);
  vp_test_reset_last_programme ();
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "vilnius-2027.visit.json",
                                NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  fixture->programme_id = vp_test_import_json (fixture->store, contents);
  server_start (&fixture->server);
  g_setenv ("VP_TEST_PUBLISH_PASSWORD", PASSWORD, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!vp_test_have_display ())
    return;

  vp_test_destroy_toplevels (NULL);
  server_stop (&fixture->server);
  g_clear_object (&fixture->store);
  vp_test_clear_dir (&fixture->dir);
}

static guint
n_sessions (Fixture *fixture)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load_snapshot (fixture->store, fixture->programme_id);

  return vp_snapshot_get_sessions (snapshot)->len;
}

static void
add_target (Fixture    *fixture,
            const char *password_env)
{
  g_autoptr(VpPublishTarget) target = vp_publish_target_new ();
  g_autoptr(GError) error = NULL;

  target->programme_id = fixture->programme_id;
  target->name = g_strdup ("cloud");
  target->kind = VP_PUBLISH_CALDAV;
  target->url = g_strdup (fixture->server.base);
  target->user = g_strdup (USER);
  target->password_env = g_strdup (password_env);
  g_assert_true (vp_store_add_publish_target (fixture->store, target, &error));
  g_assert_no_error (error);
}

static char *
last_result (Fixture *fixture)
{
  g_autoptr(VpPublishTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  target = vp_store_get_publish_target (fixture->store, fixture->programme_id, "cloud", &error);
  g_assert_no_error (error);
  return g_strdup (target->last_result);
}

/* What the dialog says of the last publish, in the window's language:
 * “7 December 2026, 17:58 — published: …”, the month named from the
 * catalog, not the locale. */
static char *
expected_last_publish (Fixture *fixture)
{
  g_autoptr(VpPublishTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  target = vp_store_get_publish_target (fixture->store, fixture->programme_id, "cloud", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target->last_result, ==, "published");
  utc = g_date_time_new_from_unix_utc (target->last_at);
  local = g_date_time_to_local (utc);
  when = vp_format_date_time (local, _("%-d %B %Y, %H:%M"));
  return g_strdup_printf (_("%s — %s: %s"), g_strstrip (when), _("published"),
                          target->last_report != NULL ? target->last_report : "");
}

static gboolean
run_ended (gpointer data)
{
  VpWindow *window = data;

  return window->publish_run == NULL;
}

/* Publish in the main menu: in the background (the window's main loop
 * serves the server meanwhile), its progress and result as toasts, what it
 * did recorded with the target. */
static void
test_publish_action (Fixture       *fixture,
                     gconstpointer  data)
{
  VpWindow *window;
  g_autofree char *result = NULL;
  g_autofree char *failed = NULL;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  g_assert_nonnull (window->publish_run);
  g_assert_true (vp_test_wait_for (run_ended, window));
  /* no target yet: nothing sent */
  g_assert_cmpuint (fixture->server.puts, ==, 0);

  add_target (fixture, "VP_TEST_PUBLISH_PASSWORD");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  g_assert_nonnull (window->publish_toast);
  g_assert_true (vp_test_wait_for (run_ended, window));
  g_assert_cmpuint (fixture->server.puts, ==, n_sessions (fixture));
  result = last_result (fixture);
  g_assert_cmpstr (result, ==, "published");

  /* a wrong password: failed, said so, nothing sent */
  g_setenv ("VP_TEST_PUBLISH_PASSWORD", "wrong", TRUE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VpSession) session =
      g_list_model_get_item (vp_store_get_sessions (fixture->store, fixture->programme_id), 0);
    g_autoptr(VpSession) copy = vp_session_copy (session);

    vp_session_set_title (copy, "Coach to the lab");
    g_assert_true (vp_store_save_session (fixture->store, fixture->programme_id, copy, NULL,
                                          &error));
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  g_assert_true (vp_test_wait_for (run_ended, window));
  failed = last_result (fixture);
  g_assert_cmpstr (failed, ==, "failed");
  g_assert_cmpuint (fixture->server.puts, ==, n_sessions (fixture));
}

static gboolean
dialog_run_ended (gpointer data)
{
  GtkWidget *progress = vp_test_find_widget (data, "progress");

  return !gtk_widget_get_visible (progress);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

/* Publishing… in the programme's menu: a target added there (its password
 * for the keyring, never the database), its addresses to subscribe to with
 * a Copy button, a publish with its progress, the last publish's state,
 * the target removed. */
static void
test_dialog (Fixture       *fixture,
             gconstpointer  data)
{
  VpWindow *window;
  VpPublishDialog *dialog;
  GtkWidget *copy;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *database = NULL;
  ClipboardRead read = { NULL, FALSE };
  const char *uid;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  window = vp_test_show_window (fixture->store, 1100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-settings", NULL));
  dialog = vp_test_wait_for_toplevel (VP_TYPE_PUBLISH_DIALOG);
  g_assert_false (gtk_widget_get_sensitive (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                 "publish")));

  gtk_editable_set_text (GTK_EDITABLE (vp_test_find_widget (GTK_WIDGET (dialog), "name")),
                         "cloud");
  gtk_editable_set_text (GTK_EDITABLE (vp_test_find_widget (GTK_WIDGET (dialog), "url")),
                         fixture->server.base);
  gtk_editable_set_text (GTK_EDITABLE (vp_test_find_widget (GTK_WIDGET (dialog), "user")),
                         USER);
  gtk_editable_set_text (GTK_EDITABLE (vp_test_find_widget (GTK_WIDGET (dialog), "password")),
                         PASSWORD);
  g_signal_emit_by_name (vp_test_find_widget (GTK_WIDGET (dialog), "add"), "clicked");

  targets = vp_store_get_publish_targets (fixture->store, fixture->programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (((VpPublishTarget *)targets->pdata[0])->user, ==, USER);
  g_assert_null (((VpPublishTarget *)targets->pdata[0])->password_env);
  /* the password is nowhere in the database */
  g_assert_true (g_file_get_contents (vp_store_get_path (fixture->store), &database, NULL, NULL));
  g_assert_null (g_strstr_len (database, -1, PASSWORD));

  /* the programme's calendar, with its Copy button */
  uid = vp_programme_get_uid (window->programme);
  collection = g_strdup_printf ("%s%s/", fixture->server.base, uid);
  copy = vp_test_find_widget (GTK_WIDGET (dialog), "copy-address");
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (copy), NULL, clipboard_read_cb,
                                 &read);
  g_assert_true (vp_test_wait_for (clipboard_read, &read));
  g_assert_cmpstr (read.text, ==, collection);
  g_free (read.text);

  /* a publish from the dialog; the keyring (none in the tests' session)
   * gives no password, so the server's 401 is the last publish's state */
  g_assert_true (gtk_widget_get_sensitive (vp_test_find_widget (GTK_WIDGET (dialog),
                                                                "publish")));
  g_signal_emit_by_name (vp_test_find_widget (GTK_WIDGET (dialog), "publish"), "clicked");
  g_assert_true (gtk_widget_get_visible (vp_test_find_widget (GTK_WIDGET (dialog), "progress")));
  g_assert_true (vp_test_wait_for (dialog_run_ended, dialog));
  {
    g_autofree char *state = last_result (fixture);
    AdwActionRow *row = ADW_ACTION_ROW (vp_test_find_widget (GTK_WIDGET (dialog),
                                                             "last-publish"));

    if (g_str_equal (state, "published"))
      g_assert_cmpuint (fixture->server.puts, ==, n_sessions (fixture));
    else
      {
        g_assert_cmpstr (state, ==, "failed");
        g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "401"));
      }
  }

  g_signal_emit_by_name (vp_test_find_widget (GTK_WIDGET (dialog), "remove-target"), "clicked");
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = vp_store_get_publish_targets (fixture->store, fixture->programme_id, &error);
  g_assert_cmpuint (targets->len, ==, 0);
  g_assert_null (vp_test_find_widget (GTK_WIDGET (dialog), "copy-address"));
}

static void
retitle_first_session (Fixture    *fixture,
                       const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSession) session =
    g_list_model_get_item (vp_store_get_sessions (fixture->store, fixture->programme_id), 0);
  g_autoptr(VpSession) copy = vp_session_copy (session);

  vp_session_set_title (copy, title);
  g_assert_true (vp_store_save_session (fixture->store, fixture->programme_id, copy, NULL,
                                        &error));
  g_assert_no_error (error);
}

static void
publish_from_dialog (VpPublishDialog *dialog)
{
  g_signal_emit_by_name (vp_test_find_widget (GTK_WIDGET (dialog), "publish"), "clicked");
  g_assert_true (vp_test_wait_for (dialog_run_ended, dialog));
}

/* A change made on the server is left alone, and reported, until the
 * dialog's Overwrite switch says to replace it. */
static void
test_dialog_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  VpWindow *window;
  VpPublishDialog *dialog;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  char *edited_path = NULL;
  GBytes *edited;

  VP_TEST_SKIP_WITHOUT_DISPLAY ();

  add_target (fixture, "VP_TEST_PUBLISH_PASSWORD");
  window = vp_test_show_window (fixture->store, 1100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-settings", NULL));
  dialog = vp_test_wait_for_toplevel (VP_TYPE_PUBLISH_DIALOG);
  publish_from_dialog (dialog);
  first = last_result (fixture);
  g_assert_cmpstr (first, ==, "published");

  /* every resource edited on the server by someone else */
  g_hash_table_iter_init (&iter, fixture->server.resources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (value, NULL),
                                         g_bytes_get_size (value));
      g_autofree char *changed = g_strconcat (text, "X-EDITED:yes\r\n", NULL);

      g_hash_table_iter_replace (&iter, g_bytes_new (changed, strlen (changed)));
      g_hash_table_replace (fixture->server.etags, g_strdup (key), g_strdup ("\"edited\""));
    }
  retitle_first_session (fixture, "Coach to the lab");
  {
    g_autoptr(VpSession) session =
      g_list_model_get_item (vp_store_get_sessions (fixture->store, fixture->programme_id), 0);

    edited_path = g_strdup_printf ("/cal/%s/%s.ics", vp_programme_get_uid (window->programme),
                                   vp_session_get_uid (session));
  }
  edited = g_bytes_ref (g_hash_table_lookup (fixture->server.resources, edited_path));

  publish_from_dialog (dialog);
  second = last_result (fixture);
  g_assert_cmpstr (second, ==, "conflicts");
  g_assert_true (g_bytes_equal (edited, g_hash_table_lookup (fixture->server.resources,
                                                              edited_path)));

  gtk_switch_set_active (GTK_SWITCH (vp_test_find_widget (GTK_WIDGET (dialog), "force")), TRUE);
  publish_from_dialog (dialog);
  third = last_result (fixture);
  g_assert_cmpstr (third, ==, "published");
  /* and the dialog says when, in its language */
  {
    g_autofree char *said = expected_last_publish (fixture);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (vp_test_find_widget (
                       GTK_WIDGET (dialog), "last-publish"))), ==, said);
  }
  g_assert_false (g_bytes_equal (edited, g_hash_table_lookup (fixture->server.resources,
                                                               edited_path)));
  g_bytes_unref (edited);
  g_free (edited_path);
}

int
main (int   argc,
      char *argv[])
{
  vp_test_init (&argc, &argv);

  g_test_add ("/publish/window/action", Fixture, NULL, fixture_set_up, test_publish_action,
              fixture_tear_down);
  g_test_add ("/publish/window/dialog", Fixture, NULL, fixture_set_up, test_dialog,
              fixture_tear_down);
  g_test_add ("/publish/window/conflict", Fixture, NULL, fixture_set_up, test_dialog_conflict,
              fixture_tear_down);

  return g_test_run ();
}

/* test-store-live.c: the store's change log, its ::rows-changed, and the live models it keeps current. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vp-enum-types.h"
#include "vp-record.h"
#include "vp-test-core.h"

typedef VpTestDatabase Fixture;

/* What ::rows-changed said, one "entity change id,id" line each. */
static void
log_rows_cb (VpStore   *store,
             gint64     programme_id,
             VpEntity   entity,
             VpChange   change,
             GArray    *ids,
             GString   *log)
{
  g_string_append_printf (log, "%s %s", vp_enum_to_nick (VP_TYPE_ENTITY, entity),
                          vp_enum_to_nick (VP_TYPE_CHANGE, change));
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (log, "%c%" G_GINT64_FORMAT, i == 0 ? ' ' : ',',
                            g_array_index (ids, gint64, i));
  g_string_append_c (log, '\n');
}

typedef struct
{
  guint position, removed, added, count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->count++;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static guint
find_item (GListModel *model,
           gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        return i;
    }
  return G_MAXUINT;
}

static VpSession *
session_by_ref (GListModel *model,
                const char *ref)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (model, i);

      if (g_strcmp0 (vp_session_get_ref (session), ref) == 0)
        return session;
    }
  return NULL;
}

/* The models hold what the snapshot holds, in its order. */
static void
test_live_fill (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  GListModel *sessions = vp_store_get_sessions (fixture->store, fixture->id);
  GListModel *participants = vp_store_get_participants (fixture->store, fixture->id);
  GListModel *hosts = vp_store_get_hosts (fixture->store, fixture->id);

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==,
                    vp_snapshot_get_sessions (snapshot)->len);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==,
                    vp_snapshot_get_participants (snapshot)->len);
  g_assert_cmpuint (g_list_model_get_n_items (hosts), ==, vp_snapshot_get_hosts (snapshot)->len);
  g_assert_true (g_list_model_get_item_type (sessions) == VP_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);

      g_assert_cmpstr (vp_session_get_uid (session), ==,
                       vp_session_get_uid (g_ptr_array_index (vp_snapshot_get_sessions (snapshot),
                                                              i)));
    }

  /* the same models each time */
  g_assert_true (vp_store_get_sessions (fixture->store, fixture->id) == sessions);
  /* a programme that does not exist has none */
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_sessions (fixture->store, 9999)), ==, 0);
}

/* A title saved: the object the model holds changes, in place, and says so. */
static void
test_live_edit_in_place (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *sessions = vp_store_get_sessions (fixture->store, fixture->id);
  g_autoptr(VpSession) copy = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  ItemsChanged seen = { 0, };
  VpSession *held = session_by_ref (sessions, "tue-lunch");
  guint position = find_item (sessions, held);
  guint n = g_list_model_get_n_items (sessions);
  guint title_notified = 0;

  g_assert_nonnull (held);
  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);
  g_signal_connect (sessions, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_signal_connect_swapped (held, "notify::title", G_CALLBACK (count_cb), &title_notified);

  vp_session_set_title (copy, "A new title");
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (vp_session_get_title (held), ==, "A new title");
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (find_item (sessions, held), ==, position);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpuint (seen.position, ==, position);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 1);

  expected = g_strdup_printf ("session changed %" G_GINT64_FORMAT "\n", vp_session_get_id (held));
  g_assert_cmpstr (log->str, ==, expected);
}

/* Added, moved in time, removed: each where it belongs. */
static void
test_live_add_move_remove (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *sessions = vp_store_get_sessions (fixture->store, fixture->id);
  g_autoptr(VpSession) copy = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint n = g_list_model_get_n_items (sessions);
  VpSession *held;
  gint64 id;

  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);

  /* a new session, the first of the programme */
  vp_session_set_id (copy, 0);
  vp_session_set_ref (copy, NULL);
  vp_session_set_uid (copy, NULL);
  vp_session_set_title (copy, "Breakfast before everything");
  vp_session_set_start (copy, "2027-04-13T06:00");
  vp_session_set_end (copy, "2027-04-13T06:30");
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);
  id = vp_session_get_id (copy);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n + 1);
  held = g_list_model_get_item (sessions, 0);
  g_object_unref (held);
  g_assert_cmpint (vp_session_get_id (held), ==, id);
  g_assert_cmpstr (vp_session_get_title (held), ==, "Breakfast before everything");

  /* moved to the evening: the same object, now further down */
  vp_session_set_start (copy, "2027-04-14T20:00");
  vp_session_set_end (copy, "2027-04-14T21:00");
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (find_item (sessions, held), >, 0);
  g_assert_cmpuint (find_item (sessions, held), <, G_MAXUINT);

  /* the order is the store's, as a snapshot has it */
  snapshot = vp_test_load (fixture->store, fixture->id);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);

      g_assert_cmpstr (vp_session_get_uid (session), ==,
                       vp_session_get_uid (g_ptr_array_index (vp_snapshot_get_sessions (snapshot),
                                                              i)));
    }

  g_assert_true (vp_store_delete_sessions (fixture->store, fixture->id, &id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);
  g_assert_cmpuint (find_item (sessions, held), ==, G_MAXUINT);

  expected = g_strdup_printf ("session added %1$" G_GINT64_FORMAT "\n"
                              "session changed %1$" G_GINT64_FORMAT "\n"
                              "session removed %1$" G_GINT64_FORMAT "\n", id);
  g_assert_cmpstr (log->str, ==, expected);
}

/* A participant deleted: gone from their model, and the sessions they
 * attended change (their attendees), in place. */
static void
test_live_delete_participant (Fixture       *fixture,
                              gconstpointer  data)
{
  GListModel *participants = vp_store_get_participants (fixture->store, fixture->id);
  GListModel *sessions = vp_store_get_sessions (fixture->store, fixture->id);
  g_autoptr(VpParticipant) first = g_list_model_get_item (participants, 0);
  g_autoptr(GPtrArray) attended = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = vp_participant_get_id (first);
  guint n = g_list_model_get_n_items (participants);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);
      GPtrArray *attendees = vp_session_get_attendees (session);

      for (guint j = 0; j < attendees->len; j++)
        if (g_str_equal (g_ptr_array_index (attendees, j), vp_participant_get_ref (first)))
          g_ptr_array_add (attended, session);
    }
  g_assert_cmpuint (attended->len, >, 0);

  g_assert_true (vp_store_delete_participants (fixture->store, fixture->id, &id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, n - 1);
  g_assert_cmpuint (find_item (participants, first), ==, G_MAXUINT);

  for (guint i = 0; i < attended->len; i++)
    {
      VpSession *session = g_ptr_array_index (attended, i);
      GPtrArray *attendees = vp_session_get_attendees (session);

      g_assert_cmpuint (find_item (sessions, session), <, G_MAXUINT);
      for (guint j = 0; j < attendees->len; j++)
        g_assert_cmpstr (g_ptr_array_index (attendees, j), !=, vp_participant_get_ref (first));
    }
}

/* Another program writes (a second connection, as the command line is): a
 * poll turns it into the same fine-grained changes, and the objects that
 * did not change are the same objects. */
static void
test_live_other_connection (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *hosts = vp_store_get_hosts (fixture->store, fixture->id);
  g_autoptr(VpStore) other = vp_test_open_store (fixture->path);
  g_autoptr(VpHost) copy = vp_test_host_copy (other, fixture->id, "femtolux");
  g_autoptr(VpHost) first = g_list_model_get_item (hosts, 0);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  VpHost *held = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (hosts); i++)
    {
      g_autoptr(VpHost) host = g_list_model_get_item (hosts, i);

      if (g_strcmp0 (vp_host_get_ref (host), "femtolux") == 0)
        held = host;
    }
  g_assert_nonnull (held);

  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);
  vp_host_set_max_group_size (copy, 7);
  g_assert_true (vp_store_save_host (other, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);

  /* not seen until polled */
  g_assert_cmpint (vp_host_get_max_group_size (held), !=, 7);
  vp_store_poll_external_changes (fixture->store);
  g_assert_cmpint (vp_host_get_max_group_size (held), ==, 7);
  g_assert_true (g_list_model_get_item (hosts, 0) == (gpointer)first);
  g_object_unref (first);

  expected = g_strdup_printf ("host changed %" G_GINT64_FORMAT "\n", vp_host_get_id (held));
  g_assert_cmpstr (log->str, ==, expected);

  /* nothing more to say */
  vp_store_poll_external_changes (fixture->store);
  g_assert_cmpstr (log->str, ==, expected);
}

/* A whole programme deleted: its rows and the programme said gone. */
static void
test_live_programme_deleted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  vp_store_get_sessions (fixture->store, fixture->id);
  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);
  g_assert_true (vp_store_delete_programme (fixture->store, fixture->id, &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (log->str, "programme removed "));
  g_assert_nonnull (strstr (log->str, "\nsession removed "));
  g_assert_nonnull (strstr (log->str, "\nhost removed "));
  g_assert_nonnull (strstr (log->str, "\nparticipant removed "));
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_sessions (fixture->store, fixture->id)),
                    ==, 0);
}

/* The log of a database from before it (version 2) starts with the
 * update, and its rows are "changed", not "added", when first touched. */
static void
test_live_log_from_old_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpHost) copy = vp_test_host_copy (fixture->store, fixture->id, "laser-cluster");
  g_autoptr(GString) log = g_string_new (NULL);
  gint64 id = vp_host_get_id (copy);
  g_autofree char *expected = NULL;

  /* as a version-2 file is: no log (and no organisations) */
  g_clear_object (&fixture->store);
  {
    const char * const tables[] = { "programmes", "hosts", "participants", "sessions",
                                    "organisations" };
    const char * const children[] = { "travel_legs", "stays" };
    g_autoptr(GString) sql = g_string_new ("DROP TABLE evidence;");

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      g_string_append_printf (sql, "DROP TRIGGER %1$s_added; DROP TRIGGER %1$s_changed; "
                              "DROP TRIGGER %1$s_removed;", tables[i]);
    for (guint i = 0; i < G_N_ELEMENTS (children); i++)
      g_string_append_printf (sql, "DROP TRIGGER %1$s_INSERT; DROP TRIGGER %1$s_UPDATE; "
                              "DROP TRIGGER %1$s_DELETE;", children[i]);
    g_string_append (sql, VP_TEST_SQL_BEFORE_CONSENT);
    g_string_append (sql, "DROP TABLE changes; PRAGMA user_version = 2;"
                     "DROP INDEX participants_organisation;"
                     "ALTER TABLE participants DROP COLUMN organisation_id;"
                     "ALTER TABLE participants ADD COLUMN organisation TEXT;"
                     "DROP TABLE organisations;"
                     "DROP TABLE publish_resources; DROP TABLE publish_targets;");
    vp_test_sql_exec (fixture->path, sql->str);
  }
  fixture->store = vp_test_open_store (fixture->path);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM changes"), ==, 0);

  vp_store_get_hosts (fixture->store, fixture->id);
  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);
  vp_host_set_city (copy, "Kaunas");
  g_assert_true (vp_store_save_host (fixture->store, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);
  /* (and the sessions at the host: their calendars show its city) */
  expected = g_strdup_printf ("host changed %" G_GINT64_FORMAT "\n", id);
  g_assert_true (g_str_has_prefix (log->str, expected));
  g_assert_null (strstr (log->str, " added "));
}

/* The list of programmes keeps its objects, and is quiet, when a session
 * is saved; a programme saved with a new title is in it with that title. */
static void
test_live_programmes_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *programmes = vp_store_get_programmes (fixture->store);
  g_autoptr(VpSession) copy = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_autoptr(VpProgramme) held = NULL;
  g_autoptr(VpProgramme) shown = NULL;
  g_autoptr(VpProgramme) edited = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged seen = { 0, };

  g_assert_cmpuint (g_list_model_get_n_items (programmes), >, 0);
  held = g_list_model_get_item (programmes, 0);
  g_signal_connect (programmes, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  vp_session_set_title (copy, "A new title");
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.count, ==, 0);
  shown = g_list_model_get_item (programmes, 0);
  g_assert_true (shown == held);
  g_clear_object (&shown);

  edited = VP_PROGRAMME (vp_record_copy (G_OBJECT (held)));
  vp_programme_set_title (edited, "A programme renamed");
  g_assert_true (vp_store_save_programme (fixture->store, edited, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.count, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (programmes) && shown == NULL; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (g_strcmp0 (vp_programme_get_uid (programme), vp_programme_get_uid (held)) == 0)
        shown = g_steal_pointer (&programme);
    }
  g_assert_nonnull (shown);
  g_assert_cmpstr (vp_programme_get_title (shown), ==, "A programme renamed");
  g_signal_handlers_disconnect_by_func (programmes, items_changed_cb, &seen);
}

/* An organisation is a row of its own: saving it is news of it, and its
 * new name reaches its people in the live participants, in place; a new
 * name typed for a participant makes an organisation; deleting one leaves
 * its people without. */
static void
test_live_organisations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *organisations = vp_store_get_organisations (fixture->store, fixture->id);
  GListModel *participants = vp_store_get_participants (fixture->store, fixture->id);
  g_autoptr(VpOrganisation) first = g_list_model_get_item (organisations, 0);
  g_autoptr(VpOrganisation) copy = vp_organisation_copy (first);
  g_autoptr(VpParticipant) member = NULL;
  g_autoptr(VpParticipant) edited = NULL;
  g_autofree char *expected = NULL;
  guint n_organisations = g_list_model_get_n_items (organisations);
  gint64 organisation_id = vp_organisation_get_id (first);
  gint64 made_id;

  g_assert_cmpuint (n_organisations, >, 0);
  for (guint i = 0; member == NULL && i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (participants, i);

      if (g_strcmp0 (vp_participant_get_organisation_ref (participant),
                     vp_organisation_get_ref (first)) == 0)
        member = g_steal_pointer (&participant);
    }
  g_assert_nonnull (member);

  g_signal_connect (fixture->store, "rows-changed", G_CALLBACK (log_rows_cb), log);
  vp_organisation_set_name (copy, "Renamed Photonics Oy");
  g_assert_true (vp_store_save_organisation (fixture->store, fixture->id, copy, first, &error));
  g_assert_no_error (error);

  expected = g_strdup_printf ("organisation changed %" G_GINT64_FORMAT "\n", organisation_id);
  g_assert_nonnull (strstr (log->str, expected));
  g_assert_nonnull (strstr (log->str, "participant changed "));
  /* the objects the models hold, in place */
  g_assert_cmpstr (vp_organisation_get_name (first), ==, "Renamed Photonics Oy");
  g_assert_cmpstr (vp_participant_get_organisation (member), ==, "Renamed Photonics Oy");

  /* a second spelling of a name the programme has is refused */
  {
    g_autoptr(VpOrganisation) twin = vp_organisation_new ();

    vp_organisation_set_name (twin, "  RENAMED photonics  OY");
    g_assert_false (vp_store_save_organisation (fixture->store, fixture->id, twin, NULL, &error));
    g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* a name typed for a participant makes the organisation */
  edited = vp_participant_copy (member);
  vp_participant_set_organisation_ref (edited, NULL);
  vp_participant_set_organisation (edited, "Brand New Optics");
  g_string_truncate (log, 0);
  g_assert_true (vp_store_save_participant (fixture->store, fixture->id, edited, member, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, n_organisations + 1);
  g_assert_nonnull (strstr (log->str, "organisation added "));
  g_assert_cmpstr (vp_participant_get_organisation (member), ==, "Brand New Optics");
  {
    g_autoptr(VpOrganisation) made = g_list_model_get_item (organisations, n_organisations);

    g_assert_cmpstr (vp_participant_get_organisation_ref (member), ==,
                     vp_organisation_get_ref (made));
    made_id = vp_organisation_get_id (made);
  }

  /* deleting it leaves them without one */
  g_assert_true (vp_store_delete_organisations (fixture->store, fixture->id, &made_id, 1,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, n_organisations);
  g_assert_null (vp_participant_get_organisation_ref (member));
  g_assert_null (vp_participant_get_organisation (member));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, vp_test_database_set_up_demo, func, \
              vp_test_database_tear_down)

  ADD ("/store-live/fill", test_live_fill);
  ADD ("/store-live/edit-in-place", test_live_edit_in_place);
  ADD ("/store-live/add-move-remove", test_live_add_move_remove);
  ADD ("/store-live/delete-participant", test_live_delete_participant);
  ADD ("/store-live/other-connection", test_live_other_connection);
  ADD ("/store-live/programme-deleted", test_live_programme_deleted);
  ADD ("/store-live/log-from-old-file", test_live_log_from_old_file);
  ADD ("/store-live/programmes-kept", test_live_programmes_kept);
  ADD ("/store-live/organisations", test_live_organisations);

#undef ADD

  return g_test_run ();
}

/* test-history.c: unit tests of the window's undo history (vp-history.c, GTK-free) on a real
 * store: row edits, additions, deletions, and undo refused over another program's change. */
#include "config.h"

#include "vp-history.h"
#include "vp-test-core.h"

/* Documents {{{1 */

static const char document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": { \"uid\": \"prog-h\", \"title\": \"Visit\", \"host_country\": \"DE\","
  "                   \"timezone\": \"Europe/Berlin\", \"start_date\": \"2027-04-13\","
  "                   \"end_date\": \"2027-04-15\" },\n"
  "  \"hosts\": [ { \"id\": \"h1\", \"name\": \"Lab\" },\n"
  "             { \"id\": \"h2\", \"name\": \"Hall\" } ],\n"
  "  \"participants\": [ { \"id\": \"p1\", \"name\": \"Aino\" } ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"uid\": \"uid-1\", \"title\": \"Lab tour\", \"host\": \"h1\","
  "      \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\",\n"
  "      \"attendees\": [\"p1\"] },\n"
  "    { \"id\": \"s2\", \"uid\": \"uid-2\", \"title\": \"Welcome\", \"host\": \"h1\","
  "      \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T09:30\" }\n"
  "  ]\n"
  "}\n";

typedef VpTestDatabase Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  vp_test_database_set_up_store (fixture, data);
  fixture->id = vp_test_import_document (fixture->store, document, VP_STORE_IMPORT_NONE);
}

static char *
stored_host_name (Fixture    *fixture,
                  const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  VpHost *host = vp_snapshot_lookup_host (snapshot, ref);

  return host != NULL ? g_strdup (vp_host_get_name (host)) : NULL;
}

static char *
stored_session_host (Fixture    *fixture,
                     const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  VpSession *session = vp_snapshot_lookup_session (snapshot, ref);

  g_assert_nonnull (session);
  return g_strdup (vp_session_get_host_ref (session));
}

/* Writes what another program would: a second connection to the file. */
static void
rename_host_elsewhere (Fixture    *fixture,
                       const char *ref,
                       const char *name)
{
  g_autoptr(VpStore) other = vp_test_open_store (fixture->path);
  g_autoptr(VpHost) host = vp_test_host_copy (other, fixture->id, ref);
  g_autoptr(GError) error = NULL;

  vp_host_set_name (host, name);
  g_assert_true (vp_store_save_host (other, fixture->id, host, NULL, &error));
  g_assert_no_error (error);
  vp_store_poll_external_changes (fixture->store);
}

/* Tests {{{1 */

/* An edit is undone to the row before it and redone to the row after,
 * one row written, with the labels and states the window's actions show. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) read = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpHost) host = vp_host_copy (read);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_false (vp_history_can_undo (history));
  g_assert_false (vp_history_can_redo (history));
  vp_host_set_name (host, "Photonics lab");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host),
                                  G_OBJECT (read), "Edit Host", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vp_history_can_undo (history));
  g_assert_cmpstr (vp_history_get_undo_label (history), ==, "Edit Host");
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Photonics lab");
  g_clear_pointer (&name, g_free);

  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Lab");
  g_clear_pointer (&name, g_free);
  g_assert_false (vp_history_can_undo (history));
  g_assert_true (vp_history_can_redo (history));
  g_assert_cmpstr (vp_history_get_redo_label (history), ==, "Edit Host");

  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Photonics lab");
  g_clear_pointer (&name, g_free);

  /* and again: each undo and redo compares with what it wrote last */
  g_assert_true (vp_history_undo (history, &error));
  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Photonics lab");
}

/* One editor's saves of a row are one entry; another editor's are not. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) read = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpHost) host = vp_host_copy (read);
  g_autoptr(VpHost) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int editor;
  int other_editor;

  vp_host_set_name (host, "L");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host),
                                  G_OBJECT (read), "Edit Host", &editor, &error));
  again = vp_host_copy (host);
  vp_host_set_name (again, "La");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (again),
                                  G_OBJECT (host), "Edit Host", &editor, &error));
  g_object_unref (host);
  host = vp_host_copy (again);
  vp_host_set_name (again, "Lab B");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (again),
                                  G_OBJECT (host), "Edit Host", &other_editor, &error));
  g_assert_no_error (error);

  g_assert_true (vp_history_undo (history, &error));
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "La");
  g_clear_pointer (&name, g_free);
  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Lab");
  g_assert_false (vp_history_can_undo (history));
}

/* An addition is undone by deleting the row; its redo adds it again under
 * a new id, which the edits still to redo follow. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) host = vp_host_new ();
  g_autoptr(VpHost) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ref = NULL;

  vp_host_set_name (host, "Cleanroom");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host), NULL,
                                  "Add Host", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_host_get_id (host), !=, 0);
  ref = g_strdup (vp_host_get_ref (host));
  edited = vp_host_copy (host);
  vp_host_set_name (edited, "Clean room");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (edited),
                                  G_OBJECT (host), "Edit Host", NULL, &error));

  g_assert_true (vp_history_undo (history, &error));
  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, ref);
  g_assert_null (name);

  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, ref);
  g_assert_cmpstr (name, ==, "Cleanroom");
  g_clear_pointer (&name, g_free);
  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, ref);
  g_assert_cmpstr (name, ==, "Clean room");
}

/* A host's deletion and the sessions it left without a host are one entry:
 * undone together, redone together. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *session_host = NULL;
  gint64 loaded_at = vp_store_get_change_count (fixture->store);
  gint64 id = vp_host_get_id (host);

  before = vp_test_load (fixture->store, fixture->id);
  g_assert_true (vp_store_delete_hosts (fixture->store, fixture->id, &id, 1, &error));
  g_assert_cmpuint (vp_history_record (history, "Delete Host", fixture->id, before, loaded_at),
                    !=, 0);
  session_host = stored_session_host (fixture, "s1");
  g_assert_null (session_host);

  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Lab");
  session_host = stored_session_host (fixture, "s1");
  g_assert_cmpstr (session_host, ==, "h1");
  g_clear_pointer (&session_host, g_free);
  session_host = stored_session_host (fixture, "s2");
  g_assert_cmpstr (session_host, ==, "h1");
  g_clear_pointer (&session_host, g_free);
  g_clear_pointer (&name, g_free);

  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_null (name);
  session_host = stored_session_host (fixture, "s2");
  g_assert_null (session_host);
}

/* A programme deleted and brought back. */
static void
test_delete_programme (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 loaded_at = vp_store_get_change_count (fixture->store);

  before = vp_test_load (fixture->store, fixture->id);
  g_assert_true (vp_store_delete_programme (fixture->store, fixture->id, &error));
  g_assert_cmpuint (vp_history_record (history, "Delete Programme", fixture->id, before,
                                       loaded_at), !=, 0);
  g_assert_cmpint (vp_store_find_programme (fixture->store, "prog-h", NULL), ==, 0);

  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_store_find_programme (fixture->store, "prog-h", NULL), !=, 0);
  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_store_find_programme (fixture->store, "prog-h", NULL), ==, 0);
}

/* Another program renamed the host after the edit: the undo refuses, names
 * it, writes nothing, and leaves the history; the entry before stays. */
static void
test_edit_changed_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) read = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpHost) host = vp_host_copy (read);
  g_autoptr(VpHost) read2 = vp_test_host_copy (fixture->store, fixture->id, "h2");
  g_autoptr(VpHost) host2 = vp_host_copy (read2);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  vp_host_set_name (host2, "Great hall");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host2),
                                  G_OBJECT (read2), "Edit Host", NULL, &error));
  vp_host_set_name (host, "Photonics lab");
  g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host),
                                  G_OBJECT (read), "Edit Host", NULL, &error));
  g_assert_no_error (error);

  rename_host_elsewhere (fixture, "h1", "Laser lab");

  g_assert_false (vp_history_undo (history, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_assert_true (g_str_has_prefix (error->message, "Cannot undo: “Photonics lab” changed since"));
  g_clear_error (&error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Laser lab");
  g_clear_pointer (&name, g_free);

  /* the older edit is still there to undo */
  g_assert_true (vp_history_can_undo (history));
  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h2");
  g_assert_cmpstr (name, ==, "Hall");
}

/* Another program changed the programme after a deletion: the deletion is
 * not undone (the restore would lose that change). */
static void
test_delete_changed_elsewhere (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpHost) host = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 loaded_at = vp_store_get_change_count (fixture->store);
  gint64 id = vp_host_get_id (host);

  before = vp_test_load (fixture->store, fixture->id);
  g_assert_true (vp_store_delete_hosts (fixture->store, fixture->id, &id, 1, &error));
  vp_history_record (history, "Delete Host", fixture->id, before, loaded_at);

  rename_host_elsewhere (fixture, "h2", "Great hall");

  g_assert_false (vp_history_undo (history, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  name = stored_host_name (fixture, "h1");
  g_assert_null (name);
  name = stored_host_name (fixture, "h2");
  g_assert_cmpstr (name, ==, "Great hall");
  g_assert_false (vp_history_can_undo (history));
}

/* A deletion that another program's write came into is not recorded. */
static void
test_record_after_write_elsewhere (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpSnapshot) before = NULL;
  gint64 loaded_at = vp_store_get_change_count (fixture->store);

  before = vp_test_load (fixture->store, fixture->id);
  rename_host_elsewhere (fixture, "h2", "Great hall");
  g_assert_cmpuint (vp_history_record (history, "Delete Host", fixture->id, before, loaded_at),
                    ==, 0);
  g_assert_false (vp_history_can_undo (history));
}

/* An import of a new programme, recorded from its snapshots: undone by
 * deleting the programme, redone by putting it back. */
static void
test_record_pair (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(VpSnapshot) imported = vp_test_read_document (
    "{ \"format\": \"visit-planner-programme\", \"version\": 1,\n"
    "  \"programme\": { \"uid\": \"prog-new\", \"title\": \"New visit\","
    "                   \"host_country\": \"FR\", \"timezone\": \"Europe/Paris\","
    "                   \"start_date\": \"2027-05-03\", \"end_date\": \"2027-05-04\" },\n"
    "  \"hosts\": [ { \"id\": \"h9\", \"name\": \"Institut d'Optique\" } ] }\n");
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = vp_test_import_snapshot (fixture->store, imported, VP_STORE_IMPORT_NONE);
  after = vp_test_load (fixture->store, id);
  g_assert_cmpuint (vp_history_record_pair (history, "Import Programme", NULL, after), !=, 0);
  g_assert_cmpstr (vp_history_get_undo_label (history), ==, "Import Programme");

  g_assert_true (vp_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_store_find_programme (fixture->store, "prog-new", NULL), ==, 0);
  g_assert_true (vp_history_redo (history, &error));
  g_assert_no_error (error);
  id = vp_store_find_programme (fixture->store, "prog-new", NULL);
  g_assert_cmpint (id, !=, 0);
  g_clear_object (&after);
  after = vp_test_load (fixture->store, id);
  g_assert_nonnull (vp_snapshot_lookup_host (after, "h9"));
}

/* A toast's Undo undoes its change, and the later ones first. */
static void
test_undo_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpHistory) history = vp_history_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *refs[] = { "h1", "h2" };
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      g_autoptr(VpHost) read = vp_test_host_copy (fixture->store, fixture->id, refs[i]);
      g_autoptr(VpHost) host = vp_host_copy (read);

      vp_host_set_name (host, "Renamed");
      g_assert_true (vp_history_save (history, fixture->store, fixture->id, G_OBJECT (host),
                                      G_OBJECT (read), "Edit Host", NULL, &error));
      if (first == 0)
        first = vp_history_get_undo_entry (history);
    }
  g_assert_true (vp_history_has_undo_entry (history, first));
  g_assert_true (vp_history_undo_entry (history, first, &error));
  g_assert_no_error (error);
  g_assert_false (vp_history_has_undo_entry (history, first));
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Lab");
  g_clear_pointer (&name, g_free);
  name = stored_host_name (fixture, "h2");
  g_assert_cmpstr (name, ==, "Hall");
  g_assert_false (vp_history_can_undo (history));
}

/* Without a history (an editor outside a window) a save only saves. */
static void
test_no_history (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpHost) read = vp_test_host_copy (fixture->store, fixture->id, "h1");
  g_autoptr(VpHost) host = vp_host_copy (read);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  vp_host_set_name (host, "Photonics lab");
  g_assert_true (vp_history_save (NULL, fixture->store, fixture->id, G_OBJECT (host),
                                  G_OBJECT (read), "Edit Host", NULL, &error));
  g_assert_no_error (error);
  name = stored_host_name (fixture, "h1");
  g_assert_cmpstr (name, ==, "Photonics lab");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, set_up, func, vp_test_database_tear_down)

  ADD_TEST ("/history/edit", test_edit);
  ADD_TEST ("/history/merge", test_merge);
  ADD_TEST ("/history/add", test_add);
  ADD_TEST ("/history/delete", test_delete);
  ADD_TEST ("/history/delete-programme", test_delete_programme);
  ADD_TEST ("/history/edit-changed-elsewhere", test_edit_changed_elsewhere);
  ADD_TEST ("/history/delete-changed-elsewhere", test_delete_changed_elsewhere);
  ADD_TEST ("/history/record-after-write-elsewhere", test_record_after_write_elsewhere);
  ADD_TEST ("/history/no-history", test_no_history);
  ADD_TEST ("/history/record-pair", test_record_pair);
  ADD_TEST ("/history/undo-entry", test_undo_entry);

  return g_test_run ();
}

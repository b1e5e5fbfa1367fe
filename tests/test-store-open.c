/* test-store-open.c: unit tests of the store's file: what a database path may be, files it
 * must refuse, and two connections writing one programme at the same time. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vp-csv-import.h"
#include "vp-store.h"
#include "vp-store-columns.h"
#include "vp-store-schema.h"
#include "vp-record.h"
#include "vp-test-core.h"

#define DOCUMENT \
  "{\n" \
  "  \"format\": \"visit-planner-programme\",\n" \
  "  \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"prog-1\", \"title\": \"Visit\", \"host_country\": \"LT\"," \
  "                   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-13\"," \
  "                   \"end_date\": \"2027-04-16\" },\n" \
  "  \"hosts\": [ { \"id\": \"h1\", \"name\": \"Host one\" } ],\n" \
  "  \"participants\": [ { \"id\": \"p1\", \"name\": \"Aino\", \"email\": \"aino@example.org\" } ],\n" \
  "  \"sessions\": [ { \"id\": \"s1\", \"uid\": \"uid-1\", \"title\": \"One\"," \
  "                    \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"," \
  "                    \"host\": \"h1\" } ]\n" \
  "}\n"

/* Fixture {{{1 */

typedef struct
{
  char *folder;
  char *path;
  char *cwd;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = vp_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "visits.db", NULL);
  fixture->cwd = g_get_current_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (g_chdir (fixture->cwd), ==, 0);
  vp_test_remove_folder (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->cwd, g_free);
}

/* Helpers {{{1 */

static guint
count_programmes (const char *path)
{
  g_autoptr(VpStore) store = vp_test_open_store (path);

  return g_list_model_get_n_items (vp_store_get_programmes (store));
}

/* A regular file (never a folder) with the permissions @mode. */
static void
assert_mode (const char *path,
             guint       mode)
{
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  vp_test_assert_mode (path, mode);
}

/* Paths {{{1 */

/* SQLite reads "file:…" as a URI and ":memory:" as a database in memory:
 * a database argument is a file of that name, made private. */
static void
test_path_uri_names_are_files (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (fixture->folder, "elsewhere.db", NULL);
  g_autofree char *absolute_uri = g_strconcat ("file:", elsewhere, NULL);
  const char *names[] = { "file:u.db?mode=memory", "file:u.db", ":memory:", absolute_uri };

  g_assert_cmpint (g_chdir (fixture->folder), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(VpStore) store = vp_test_open_store (names[i]);
      g_autofree char *file = g_build_filename (fixture->folder, names[i], NULL);

      g_test_message ("database %s", names[i]);
      vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);
      g_clear_object (&store);

      g_assert_cmpuint (count_programmes (names[i]), ==, 1);
      assert_mode (file, 0600);
    }

  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("u.db", G_FILE_TEST_EXISTS));
}

static void
test_path_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  char *path;

  path = vp_store_resolve_path ("", &error);
  g_assert_null (path);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  g_setenv ("VISIT_PLANNER_DATABASE", "", TRUE);
  path = vp_store_resolve_path (NULL, &error);
  g_unsetenv ("VISIT_PLANNER_DATABASE");
  g_assert_null (path);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "VISIT_PLANNER_DATABASE"));
  g_clear_error (&error);

  store = vp_store_new ("", &error);
  g_assert_null (store);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
}

/* A path that can only name a folder: refused before anything is made. */
static void
test_path_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "missing/dir/", "missing/", "missing/dir/.", "missing/..", ".",
                          "existing", "existing/" };
  g_autofree char *existing = g_build_filename (fixture->folder, "existing", NULL);

  g_assert_cmpint (g_mkdir (existing, 0700), ==, 0);
  g_assert_cmpint (g_chdir (fixture->folder), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VpStore) store = vp_store_new (names[i], &error);
      g_autoptr(GDir) dir = NULL;

      g_test_message ("database %s", names[i]);
      g_assert_null (store);
      g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_nonnull (strstr (error->message, "folder"));
      g_assert_false (g_file_test ("missing", G_FILE_TEST_EXISTS));
      dir = g_dir_open (existing, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }
}

/* Files of other programs {{{1 */

/* Visit Planner numbers its versions from 1: a negative one is another
 * program's file, refused untouched (it once crashed every command). */
static void
test_version_negative (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpStore) created = vp_test_open_store (fixture->path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  guint n_steps;
  const VpMigration *steps = vp_store_schema_get_migrations (&n_steps);

  g_clear_object (&created);
  vp_test_sql_exec (fixture->path, "PRAGMA user_version = -7");
  before = vp_test_read_bytes (fixture->path);

  for (guint reading = 0; reading < 2; reading++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VpStore) store = reading ? vp_store_new_for_reading (fixture->path, &error)
                                         : vp_store_new (fixture->path, &error);

      g_assert_null (store);
      g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_assert_nonnull (strstr (error->message, "not a Visit Planner database"));
      g_assert_nonnull (strstr (error->message, "-7"));
    }

  /* the schema's own functions, on a connection of their own */
  {
    g_autoptr(GError) error = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                     SQLITE_OK);
    g_assert_false (vp_store_schema_upgrade (db, fixture->path, steps, n_steps, NULL, &error));
    g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (vp_store_schema_check (db, steps, n_steps, &error));
    g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
    sqlite3_close (db);
  }

  after = vp_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static const VpMigration two_steps[] = {
  { 1, "CREATE TABLE t (x TEXT NOT NULL);" },
  { 2, "ALTER TABLE t ADD COLUMN y INTEGER;" },
};

/* A database opened read-only cannot be migrated: the check says so. */
static void
test_schema_check (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  vp_test_sql_exec (fixture->path, "CREATE TABLE t (x TEXT NOT NULL); PRAGMA user_version = 1;");
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);

  g_assert_true (vp_store_schema_check (db, two_steps, 1, &error));
  g_assert_no_error (error);

  g_assert_false (vp_store_schema_check (db, two_steps, 2, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "version 1 to version 2"));
  g_clear_error (&error);

  sqlite3_close (db);
  vp_test_sql_exec (fixture->path, "PRAGMA user_version = 3");
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_false (vp_store_schema_check (db, two_steps, 2, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NEWER_SCHEMA);
  sqlite3_close (db);
}

/* Two connections, one programme {{{1 */

static VpSnapshot *
add_participants (VpSnapshot  *current,
                  const char  *csv,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(VpCsvReport) report = NULL;

  return vp_csv_import (current, VP_CSV_KIND_PARTICIPANTS, bytes, &report, error);
}

typedef struct
{
  VpStore  *other;        /* the second connection: only the thread uses it */
  gint64    programme_id;
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  gboolean  ok;
  GError   *error;
  gboolean  done_while_held;
} Race;

static VpSnapshot *
add_bea (VpSnapshot  *current,
         gpointer     user_data,
         GError     **error)
{
  return add_participants (current, "name,email\nBea,bea@example.org\n", error);
}

static gpointer
other_writer (gpointer data)
{
  Race *race = data;
  GError *error = NULL;
  gboolean ok = vp_store_update_programme (race->other, race->programme_id, add_bea, NULL,
                                           &error);

  g_mutex_lock (&race->mutex);
  race->done = TRUE;
  race->ok = ok;
  race->error = error;
  g_cond_signal (&race->cond);
  g_mutex_unlock (&race->mutex);

  return NULL;
}

/* Between its read and its write, this update lets the other connection
 * run a whole update of its own, and waits (up to half a second) for it. */
static VpSnapshot *
add_ada_while_other_writes (VpSnapshot  *current,
                            gpointer     user_data,
                            GError     **error)
{
  Race *race = user_data;
  gint64 deadline = g_get_monotonic_time () + G_TIME_SPAN_MILLISECOND * 500;
  GThread *thread = g_thread_new ("other-writer", other_writer, race);

  g_mutex_lock (&race->mutex);
  while (!race->done && g_cond_wait_until (&race->cond, &race->mutex, deadline))
    ;
  race->done_while_held = race->done;
  g_mutex_unlock (&race->mutex);
  g_thread_unref (thread);

  return add_participants (current, "name,email\nAda,ada@example.org\n", error);
}

/* The read, the change and the write of one update are one transaction: an
 * update by another connection in between waits for it, then builds on it;
 * neither is lost (two imports at once lost one of them). */
static void
test_update_interleaved (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(GError) error = NULL;
  Race race = { NULL, };

  race.programme_id = vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);
  race.other = vp_test_open_store (fixture->path);
  g_mutex_init (&race.mutex);
  g_cond_init (&race.cond);

  g_assert_true (vp_store_update_programme (store, race.programme_id,
                                            add_ada_while_other_writes, &race, &error));
  g_assert_no_error (error);

  g_mutex_lock (&race.mutex);
  while (!race.done)
    g_cond_wait (&race.cond, &race.mutex);
  g_mutex_unlock (&race.mutex);
  g_assert_no_error (race.error);
  g_assert_true (race.ok);

  after = vp_store_load_snapshot (store, race.programme_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vp_snapshot_lookup_participant_by_email (after, "aino@example.org"));
  g_assert_nonnull (vp_snapshot_lookup_participant_by_email (after, "ada@example.org"));
  g_assert_nonnull (vp_snapshot_lookup_participant_by_email (after, "bea@example.org"));
  g_assert_cmpuint (vp_snapshot_get_participants (after)->len, ==, 3);
  g_assert_cmpuint (vp_snapshot_get_sessions (after)->len, ==, 1);
  /* the other connection waited for the lock this update held */
  g_assert_false (race.done_while_held);

  g_clear_object (&race.other);
  g_mutex_clear (&race.mutex);
  g_cond_clear (&race.cond);
}

typedef struct
{
  VpStore *store;
  gint64   change_count;
} Seen;

static VpSnapshot *
note_change_count (VpSnapshot  *current,
                   gpointer     user_data,
                   GError     **error)
{
  Seen *seen = user_data;

  seen->change_count = vp_store_get_change_count (seen->store);
  return g_object_ref (current);
}

/* What the window's import preview relies on: read inside an update, the
 * change count tells whether anything was written since an earlier
 * reading, by this connection or another. */
static void
test_update_sees_change_count (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpStore) other = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 id = vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);
  Seen seen = { store, 0 };
  gint64 before;

  before = vp_store_get_change_count (store);
  g_assert_true (vp_store_update_programme (store, id, note_change_count, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen.change_count, ==, before);

  before = vp_store_get_change_count (store);
  g_assert_true (vp_store_update_programme (other, id, add_bea, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_update_programme (store, id, note_change_count, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen.change_count, !=, before);
}

static VpSnapshot *
refuse (VpSnapshot  *current,
        gpointer     user_data,
        GError     **error)
{
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED, "changed");
  return NULL;
}

/* A function that fails writes nothing, and the lock is let go. */
static void
test_update_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpStore) other = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  gint64 id = vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);

  g_assert_false (vp_store_update_programme (store, id, refuse, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  g_assert_false (vp_store_update_programme (store, id + 1, add_bea, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (vp_store_update_programme (other, id, add_bea, NULL, &error));
  g_assert_no_error (error);
  after = vp_store_load_snapshot (store, id, &error);
  g_assert_cmpuint (vp_snapshot_get_participants (after)->len, ==, 2);
}

/* Columns the file lacks {{{1 */

static guint
count_backups (Fixture  *fixture,
               char    **last)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (vp_store_schema_is_backup_name ("visits.db", name))
      {
        n++;
        if (last != NULL)
          {
            g_free (*last);
            *last = g_build_filename (fixture->folder, name, NULL);
          }
      }
  return n;
}

static gint64
count_notes_columns (const char *path)
{
  return vp_test_sql_int (path, "SELECT count(*) FROM pragma_table_info ('hosts') "
                                "WHERE name = 'notes'");
}

/* A column of the store's column tables that the file lacks (a field added
 * to the model since a version without it wrote the file) is added when the
 * store opens it, after a backup, with every row kept: no numbered step. */
static void
test_columns_added (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);
  int version = vp_store_get_schema_version (store);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  g_clear_object (&store);
  vp_test_sql_exec (fixture->path, "ALTER TABLE hosts DROP COLUMN notes");
  g_assert_cmpint (count_notes_columns (fixture->path), ==, 0);
  g_assert_cmpuint (count_backups (fixture, NULL), ==, 0);

  store = vp_test_open_store (fixture->path);
  g_assert_cmpint (count_notes_columns (fixture->path), ==, 1);
  g_assert_cmpint (vp_store_get_schema_version (store), ==, version);
  /* the file as it was, beside it */
  g_assert_cmpuint (count_backups (fixture, &backup), ==, 1);
  g_assert_cmpint (count_notes_columns (backup), ==, 0);
  g_assert_cmpint (vp_test_sql_int (backup, "SELECT count(*) FROM hosts"), ==, 1);
  vp_test_assert_mode (backup, 0600);

  /* the rows are all there, and the new column holds what is saved in it */
  snapshot = vp_test_load (store, id);
  g_assert_cmpuint (vp_snapshot_get_hosts (snapshot)->len, ==, 1);
  g_assert_cmpuint (vp_snapshot_get_participants (snapshot)->len, ==, 1);
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 1);
  host = vp_host_copy (vp_snapshot_lookup_host (snapshot, "h1"));
  g_assert_cmpstr (vp_host_get_name (host), ==, "Host one");
  g_assert_null (vp_host_get_notes (host));
  vp_host_set_notes (host, "Hard hats");
  g_assert_true (vp_store_save_host (store, id, host, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vp_test_sql_int (fixture->path,
                                    "SELECT count(*) FROM hosts WHERE notes = 'Hard hats'"),
                   ==, 1);

  /* once is enough */
  g_clear_object (&store);
  store = vp_test_open_store (fixture->path);
  g_assert_cmpuint (count_backups (fixture, NULL), ==, 1);
}

/* A file from before hosts and participants had a language (issue 13),
 * and from before the publish step too (its version set back to 6): the
 * steps run, then the columns are added; every row is kept, without a
 * language, and a language saved is read back. */
static void
test_language_columns_added (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, DOCUMENT, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpSnapshot) again = NULL;
  g_autoptr(VpHost) host = NULL;
  g_autoptr(VpParticipant) participant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  /* the language columns there are, of the two */
  const char *count_sql = "SELECT (SELECT count(*) FROM pragma_table_info ('hosts') "
                          "WHERE name = 'language') + (SELECT count(*) FROM "
                          "pragma_table_info ('participants') WHERE name = 'language')";

  g_clear_object (&store);
  vp_test_sql_exec (fixture->path,
                    "ALTER TABLE hosts DROP COLUMN language;"
                    "ALTER TABLE participants DROP COLUMN language;"
                    "DROP TABLE publish_resources; DROP TABLE publish_targets;"
                    "PRAGMA user_version = 6;");
  g_assert_cmpint (vp_test_sql_int (fixture->path, count_sql), ==, 0);

  store = vp_test_open_store (fixture->path);
  g_assert_cmpint (vp_store_get_schema_version (store), ==, vp_store_schema_get_version ());
  g_assert_cmpint (vp_test_sql_int (fixture->path, count_sql), ==, 2);
  g_assert_cmpuint (count_backups (fixture, &backup), ==, 1);
  g_assert_cmpint (vp_test_sql_int (backup, "PRAGMA user_version"), ==, 6);

  snapshot = vp_test_load (store, id);
  host = vp_host_copy (vp_snapshot_lookup_host (snapshot, "h1"));
  participant = vp_participant_copy (vp_snapshot_lookup_participant (snapshot, "p1"));
  g_assert_cmpstr (vp_host_get_name (host), ==, "Host one");
  g_assert_null (vp_host_get_language (host));
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Aino");
  g_assert_null (vp_participant_get_language (participant));
  g_assert_cmpuint (vp_snapshot_get_sessions (snapshot)->len, ==, 1);

  vp_host_set_language (host, "fr");
  vp_participant_set_language (participant, "fi");
  g_assert_true (vp_store_save_host (store, id, host, vp_snapshot_lookup_host (snapshot, "h1"),
                                     &error));
  g_assert_no_error (error);
  g_assert_true (vp_store_save_participant (store, id, participant,
                                            vp_snapshot_lookup_participant (snapshot, "p1"),
                                            &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = vp_test_open_store (fixture->path);
  again = vp_test_load (store, id);
  g_assert_cmpstr (vp_host_get_language (vp_snapshot_lookup_host (again, "h1")), ==, "fr");
  g_assert_cmpstr (vp_participant_get_language (vp_snapshot_lookup_participant (again, "p1")),
                   ==, "fi");
}

/* A database that can only be read cannot get the column: it is refused,
 * saying why. */
static void
test_columns_check (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  const VpMigration *steps;
  const VpSchemaColumn *columns;
  guint n_steps;
  guint n_columns;
  sqlite3 *db = NULL;

  g_clear_object (&store);
  steps = vp_store_schema_get_migrations (&n_steps);
  columns = vp_column_tables_get_schema (&n_columns);
  g_assert_cmpuint (n_columns, >, 0);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_true (vp_store_schema_check_with_columns (db, steps, n_steps, columns, n_columns,
                                                     &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  vp_test_sql_exec (fixture->path, "ALTER TABLE hosts DROP COLUMN notes");
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_false (vp_store_schema_check_with_columns (db, steps, n_steps, columns, n_columns,
                                                      &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "hosts has no column notes"));
  sqlite3_close (db);
}

/* Organisations (schema step 4) {{{1 */

#define PEOPLE_DOCUMENT \
  "{\n" \
  "  \"format\": \"visit-planner-programme\", \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"prog-orgs\", \"title\": \"Organisations\"," \
  "                   \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\"," \
  "                   \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\"," \
  "                   \"origin\": { \"city\": \"Helsinki\", \"latitude\": 60.17," \
  "                                 \"longitude\": 24.94 } },\n" \
  "  \"hosts\": [ { \"id\": \"h1\", \"name\": \"Host one\" } ],\n" \
  "  \"participants\": [\n" \
  "    { \"id\": \"p1\", \"name\": \"Aino\", \"organisation\": \"Lumiray Oy\"," \
  "      \"country\": \"FI\", \"role\": \"sme\" },\n" \
  "    { \"id\": \"p2\", \"name\": \"Jukka\", \"organisation\": \"LUMIRAY  OY \"," \
  "      \"country\": \"SE\" },\n" \
  "    { \"id\": \"p3\", \"name\": \"Sanna\", \"organisation\": \"Photon Lab\"," \
  "      \"country\": \"FI\", \"role\": \"researcher\" },\n" \
  "    { \"id\": \"p4\", \"name\": \"Ville\" } ],\n" \
  "  \"sessions\": [ { \"id\": \"s1\", \"uid\": \"uid-1\", \"title\": \"One\"," \
  "                    \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\"," \
  "                    \"host\": \"h1\", \"attendees\": [\"p1\", \"p3\"] } ]\n" \
  "}\n"

/* A file of the release before organisations (version 3: the
 * participants' organisation as text) opens with its participants pointing
 * to organisations, one per name however spelt, after a backup, with
 * nothing else changed. */
static void
test_organisations_migrated (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, PEOPLE_DOCUMENT, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) before = vp_test_load (store, id);
  g_autoptr(VpSnapshot) after = NULL;
  g_autofree char *backup = NULL;
  GPtrArray *organisations;
  GPtrArray *people;
  VpOrganisation *lumiray;
  VpOrganisation *lab;

  /* as version 3 wrote it */
  g_clear_object (&store);
  vp_test_sql_exec (fixture->path,
                    "DROP TABLE evidence;"
                    VP_TEST_SQL_BEFORE_CONSENT
                    "DROP TRIGGER organisations_added; DROP TRIGGER organisations_changed;"
                    "DROP TRIGGER organisations_removed;"
                    "DROP INDEX participants_organisation;"
                    "ALTER TABLE participants DROP COLUMN organisation_id;"
                    "ALTER TABLE participants ADD COLUMN organisation TEXT;"
                    "UPDATE participants SET organisation = 'Lumiray Oy' WHERE ref = 'p1';"
                    "UPDATE participants SET organisation = 'LUMIRAY  OY ' WHERE ref = 'p2';"
                    "UPDATE participants SET organisation = 'Photon Lab' WHERE ref = 'p3';"
                    "DROP TABLE organisations; PRAGMA user_version = 3;"
                    "DROP TABLE publish_resources; DROP TABLE publish_targets;");
  g_assert_cmpuint (count_backups (fixture, NULL), ==, 0);

  store = vp_test_open_store (fixture->path);
  g_assert_cmpint (vp_store_get_schema_version (store), ==, vp_store_schema_get_version ());
  g_assert_cmpuint (count_backups (fixture, &backup), ==, 1);
  g_assert_cmpint (vp_test_sql_int (backup, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (vp_test_sql_int (backup, "SELECT count(*) FROM participants "
                                            "WHERE organisation = 'LUMIRAY  OY '"), ==, 1);
  vp_test_assert_mode (backup, 0600);

  after = vp_test_load (store, id);
  organisations = vp_snapshot_get_organisations (after);
  g_assert_cmpuint (organisations->len, ==, 2);
  lumiray = g_ptr_array_index (organisations, 0);
  lab = g_ptr_array_index (organisations, 1);
  /* named as the first person spelt it, registered in their country, of
   * the kind their role suggests, where the group comes from */
  g_assert_cmpstr (vp_organisation_get_name (lumiray), ==, "Lumiray Oy");
  g_assert_cmpstr (vp_organisation_get_country (lumiray), ==, "FI");
  g_assert_cmpint (vp_organisation_get_kind (lumiray), ==, VP_ORGANISATION_KIND_SME);
  g_assert_cmpstr (vp_organisation_get_city (lumiray), ==, "Helsinki");
  g_assert_cmpfloat (vp_organisation_get_latitude (lumiray), ==, 60.17);
  g_assert_nonnull (vp_organisation_get_uid (lumiray));
  g_assert_cmpstr (vp_organisation_get_name (lab), ==, "Photon Lab");
  g_assert_cmpint (vp_organisation_get_kind (lab), ==, VP_ORGANISATION_KIND_RESEARCH);

  people = vp_snapshot_get_participants (after);
  g_assert_cmpuint (people->len, ==, 4);
  g_assert_true (vp_snapshot_get_participant_organisation (after, people->pdata[0]) == lumiray);
  g_assert_true (vp_snapshot_get_participant_organisation (after, people->pdata[1]) == lumiray);
  g_assert_true (vp_snapshot_get_participant_organisation (after, people->pdata[2]) == lab);
  g_assert_null (vp_snapshot_get_participant_organisation (after, people->pdata[3]));

  /* nothing else changed */
  g_assert_true (vp_record_equal (G_OBJECT (vp_snapshot_get_programme (before)),
                                  G_OBJECT (vp_snapshot_get_programme (after))));
  g_assert_true (vp_record_equal (vp_snapshot_get_hosts (before)->pdata[0],
                                  vp_snapshot_get_hosts (after)->pdata[0]));
  g_assert_true (vp_record_equal (vp_snapshot_get_sessions (before)->pdata[0],
                                  vp_snapshot_get_sessions (after)->pdata[0]));
  for (guint i = 0; i < people->len; i++)
    {
      GPtrArray *before_people = vp_snapshot_get_participants (before);
      g_autoptr(VpParticipant) was = vp_participant_copy (before_people->pdata[i]);
      g_autoptr(VpParticipant) now = vp_participant_copy (people->pdata[i]);

      vp_participant_set_organisation (was, NULL);
      vp_participant_set_organisation_ref (was, NULL);
      vp_participant_set_organisation (now, NULL);
      vp_participant_set_organisation_ref (now, NULL);
      g_assert_true (vp_record_equal (G_OBJECT (was), G_OBJECT (now)));
    }
}

/* Main {{{1 */

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store-open/path/uri-names-are-files", test_path_uri_names_are_files);
  ADD ("/store-open/path/empty", test_path_empty);
  ADD ("/store-open/path/folder", test_path_folder);
  ADD ("/store-open/version/negative", test_version_negative);
  ADD ("/store-open/schema/check", test_schema_check);
  ADD ("/store-open/columns/added", test_columns_added);
  ADD ("/store-open/columns/language", test_language_columns_added);
  ADD ("/store-open/columns/check", test_columns_check);
  ADD ("/store-open/update/interleaved", test_update_interleaved);
  ADD ("/store-open/update/sees-change-count", test_update_sees_change_count);
  ADD ("/store-open/update/refused", test_update_refused);
  ADD ("/store-open/organisations/migrated", test_organisations_migrated);

  return g_test_run ();
}

/* test-store.c: unit tests of the SQLite store: create, import, update, migrate, find, signal. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "vp-programme-format.h"
#include "vp-record.h"
#include "vp-store.h"
#include "vp-store-private.h"
#include "vp-store-schema.h"
#include "vp-test-core.h"

/* Documents {{{1 */

#define HOST_1 "{ \"id\": \"h1\", \"name\": \"Host one\", \"kind\": \"company\" }"
#define HOST_2 "{ \"id\": \"h2\", \"name\": \"Host two\" }"
#define PARTICIPANT_1 \
  "{ \"id\": \"p1\", \"name\": \"Aino\", \"email\": \"aino@example.org\"," \
  "  \"travel\": [ { \"kind\": \"train\", \"depart\": \"2027-04-13T07:00\"," \
  "                  \"arrive\": \"2027-04-13T08:00\" } ]," \
  "  \"accommodation\": [ { \"name\": \"Hotel\", \"check_in\": \"2027-04-13\"," \
  "                         \"check_out\": \"2027-04-16\" } ] }"
#define PARTICIPANT_2 "{ \"id\": \"p2\", \"name\": \"Jukka\" }"
#define SESSION_1 \
  "{ \"id\": \"s1\", \"uid\": \"uid-1\", \"title\": \"One\", \"start\": \"2027-04-13T10:00\"," \
  "  \"end\": \"2027-04-13T11:00\", \"host\": \"h1\", \"attendees\": [\"p1\"] }"
#define SESSION_2 \
  "{ \"id\": \"s2\", \"uid\": \"uid-2\", \"title\": \"Two\", \"start\": \"2027-04-14T10:00\"," \
  "  \"end\": \"2027-04-14T11:00\", \"host\": \"h2\" }"
#define SESSION_3 \
  "{ \"id\": \"s3\", \"uid\": \"uid-3\", \"title\": \"Three\", \"start\": \"2027-04-15T10:00\"," \
  "  \"end\": \"2027-04-15T11:00\" }"

#define DOCUMENT_FOR(uid, start_date, hosts, participants, sessions) \
  "{\n" \
  "  \"format\": \"visit-planner-programme\",\n" \
  "  \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"" uid "\", \"title\": \"Visit " uid "\"," \
  "                   \"host_country\": \"LT\"," \
  "                   \"timezone\": \"Europe/Vilnius\", \"start_date\": \"" start_date "\"," \
  "                   \"end_date\": \"2027-04-16\" },\n" \
  "  \"hosts\": [" hosts "],\n" \
  "  \"participants\": [" participants "],\n" \
  "  \"sessions\": [" sessions "]\n" \
  "}\n"

#define DOCUMENT(hosts, participants, sessions) \
  DOCUMENT_FOR ("prog-1", "2027-04-13", hosts, participants, sessions)

static const char base_document[] =
  DOCUMENT (HOST_1 "," HOST_2,
            PARTICIPANT_1 "," PARTICIPANT_2,
            SESSION_1 "," SESSION_2 "," SESSION_3);

/* Fixture {{{1 */

/* A temporary folder and the path of a database in it. */
typedef VpTestDatabase Fixture;

/* Helpers {{{1 */

static VpSession *
session_by_uid (VpSnapshot *snapshot,
                const char *uid)
{
  VpSession *session = vp_snapshot_lookup_session_by_uid (snapshot, uid);

  g_assert_nonnull (session);
  return session;
}

/* A direct connection, to see the file as SQLite does and not as the store
 * tells. */
static sqlite3 *
sql_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static void
sql_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
sql_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
sql_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Creating {{{1 */

static void
test_create_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);

  vp_test_assert_mode (fixture->path, 0600);
}

/* SQLite's side files hold the same personal data as the database. */
static void
test_create_wal_private (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  vp_test_assert_mode (wal, 0600);
  vp_test_assert_mode (shm, 0600);
}

static void
test_create_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "a", "b", "visits.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(VpStore) store = vp_test_open_store (path);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  vp_test_assert_mode (folder, 0700);
  vp_test_assert_mode (path, 0600);
}

static void
test_create_schema_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);

  g_assert_cmpint (vp_store_schema_get_version (), >, 0);
  g_assert_cmpint (vp_store_get_schema_version (store), ==, vp_store_schema_get_version ());
  g_assert_cmpint (vp_test_sql_int (fixture->path, "PRAGMA user_version"), ==,
                   vp_store_schema_get_version ());
}

static void
test_create_wal (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  sqlite3 *db = sql_open (fixture->path);
  g_autofree char *mode = sql_text (db, "PRAGMA journal_mode");

  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (db);
}

static void
test_create_existing_private (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(VpStore) first = vp_test_open_store (fixture->path);
  g_autoptr(VpStore) second = NULL;

  g_clear_object (&first);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  second = vp_test_open_store (fixture->path);
  vp_test_assert_mode (fixture->path, 0600);
}

/* Foreign keys are on when a programme's rows go with it. */
static void
test_create_foreign_keys (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_true (vp_store_delete_programme (store, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM hosts"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM participants"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM travel_legs"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM stays"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM attendances"), ==, 0);
}

static void
test_open_not_sqlite (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "This is a shopping list, not a database.\n");
  g_assert_true (g_file_set_contents_full (fixture->path, text->str, text->len,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  before = vp_test_read_bytes (fixture->path);

  store = vp_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "not a"));

  after = vp_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_newer_schema (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db;

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_clear_object (&store);

  db = sql_open (fixture->path);
  sql_exec (db, "PRAGMA user_version = 999");
  sqlite3_close (db);
  before = vp_test_read_bytes (fixture->path);

  store = vp_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = vp_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (vp_test_sql_int (fixture->path, "PRAGMA user_version"), ==, 999);
}

/* Migrations {{{1 */

static const VpMigration test_migrations[] = {
  { 1, "CREATE TABLE t (x TEXT NOT NULL);" },
  { 2, "ALTER TABLE t ADD COLUMN y INTEGER; UPDATE t SET y = 2;" },
};

static const VpMigration failing_migrations[] = {
  { 1, "CREATE TABLE t (x TEXT NOT NULL);" },
  { 2, "CREATE TABLE u (a INTEGER);" },
  { 3, "INSERT INTO u VALUES (1); INSERT INTO nowhere VALUES (1);" },
};

/* A database at version 1 of test_migrations, holding one row. */
static void
create_version_1 (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sql_exec (db, test_migrations[0].sql);
  sql_exec (db, "INSERT INTO t (x) VALUES ('old data'); PRAGMA user_version = 1;");
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static void
test_schema_upgrade (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_folder = NULL;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  create_version_1 (fixture->path);

  db = sql_open (fixture->path);
  g_assert_true (vp_store_schema_upgrade (db, fixture->path, test_migrations,
                                          G_N_ELEMENTS (test_migrations), &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (sql_int (db, "SELECT y FROM t WHERE x = 'old data'"), ==, 2);
  sqlite3_close (db);

  /* the backup sits beside the file, private, and holds the old version */
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backup_folder = g_path_get_dirname (backup);
  g_assert_cmpstr (backup_folder, ==, fixture->folder);
  vp_test_assert_mode (backup, 0600);

  db = sql_open (backup);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 1);
  old = sql_text (db, "SELECT x FROM t");
  g_assert_cmpstr (old, ==, "old data");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT y FROM t", -1, &stmt, NULL), !=, SQLITE_OK);
  g_assert_null (stmt);
  sqlite3_close (db);
}

static void
test_schema_upgrade_fails (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *old = NULL;
  sqlite3 *db;

  create_version_1 (fixture->path);

  db = sql_open (fixture->path);
  g_assert_false (vp_store_schema_upgrade (db, fixture->path, failing_migrations,
                                           G_N_ELEMENTS (failing_migrations), &backup, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "nowhere"));

  /* every step rolled back, the earlier good one too */
  g_assert_cmpint (sqlite3_get_autocommit (db), !=, 0);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'u'"), ==, 0);
  old = sql_text (db, "SELECT x FROM t");
  g_assert_cmpstr (old, ==, "old data");
  sqlite3_close (db);
}

static void
test_schema_upgrade_newer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *db;

  create_version_1 (fixture->path);
  db = sql_open (fixture->path);
  sql_exec (db, "PRAGMA user_version = 5");

  g_assert_false (vp_store_schema_upgrade (db, fixture->path, test_migrations,
                                           G_N_ELEMENTS (test_migrations), &backup, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (backup);
  g_assert_cmpint (sql_int (db, "PRAGMA user_version"), ==, 5);
  sqlite3_close (db);
}

static void
test_schema_foreign_tables (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sql_exec (db, "CREATE TABLE someone_elses (a); INSERT INTO someone_elses VALUES (1);");
  sqlite3_close (db);

  store = vp_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM someone_elses"), ==, 1);
}

/* A database written by Visit Planner 0.1 (schema version 1), whose legs
 * and stays had no identity of their own: their calendar events took a UID
 * from their place in the list, which clients now hold. */
static void
create_version_1_programme (const char *path)
{
  const VpMigration *steps;
  guint n_steps = 0;
  sqlite3 *db = NULL;

  steps = vp_store_schema_get_migrations (&n_steps);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sql_exec (db, steps[0].sql);
  sql_exec (db,
            "INSERT INTO programmes (id, uid, title, host_country, timezone, start_date, end_date, "
            "  created_at, modified_at) "
            "VALUES (1, 'prog-old', 'Old', 'LT', 'Europe/Vilnius', '2027-04-13', '2027-04-16', 1, 1);"
            "INSERT INTO participants (id, programme_id, ref, position, name) "
            "VALUES (1, 1, 'aino', 0, 'Aino'), (2, 1, 'jukka', 1, 'Jukka');"
            /* rows in another order than their places */
            "INSERT INTO travel_legs (id, participant_id, position, kind, reference, depart, "
            "  depart_utc, arrive, arrive_utc) VALUES "
            "  (1, 1, 1, 'flight', 'AY1076', '2027-04-16T17:50', 1807973400, "
            "   '2027-04-16T19:05', 1807977900),"
            "  (2, 1, 0, 'flight', 'AY1073', '2027-04-12T19:55', 1807548900, "
            "   '2027-04-12T21:10', 1807553400),"
            "  (3, 2, 0, 'bus', NULL, '2027-04-12T08:00', 1807506000, "
            "   '2027-04-12T12:00', 1807520400);"
            "INSERT INTO stays (participant_id, position, name, check_in, check_out) "
            "VALUES (1, 0, 'Hotel Neris', '2027-04-12', '2027-04-16');"
            "PRAGMA user_version = 1;");
  sqlite3_close (db);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

/* The UID Visit Planner 0.1 wrote for the leg or stay at @index. */
static char *
position_uid (const char *programme_uid,
              const char *ref,
              const char *what,
              guint       index)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s\n%s\n%u", programme_uid, ref, what, index);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%s-%.32s@visit-planner", what, digest);
}

/* Issue 17, C1: opening a version 1 database backs it up and gives each leg
 * and stay its own uid, the one its calendar event already has (so clients
 * update it rather than add a second), at revision 0; every later change
 * keeps it. */
static void
test_schema_travel_identity (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GDir) dir = NULL;
  VpParticipant *aino;
  VpParticipant *jukka;
  VpTravelLeg *leg;
  VpStay *stay;
  const char *name;
  guint backups = 0;

  create_version_1_programme (fixture->path);
  store = vp_test_open_store (fixture->path);
  g_assert_cmpint (vp_store_get_schema_version (store), ==, vp_store_schema_get_version ());
  g_assert_cmpint (vp_store_get_schema_version (store), >=, 2);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "visits.db.v1-") && g_str_has_suffix (name, ".bak"))
      backups++;
  g_assert_cmpuint (backups, ==, 1);

  snapshot = vp_test_load (store, 1);
  aino = vp_snapshot_lookup_participant (snapshot, "aino");
  jukka = vp_snapshot_lookup_participant (snapshot, "jukka");
  g_assert_cmpuint (vp_participant_get_travel (aino)->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *expected = position_uid ("prog-old", "aino", "travel", i);

      leg = g_ptr_array_index (vp_participant_get_travel (aino), i);
      g_assert_cmpstr (leg->reference, ==, i == 0 ? "AY1073" : "AY1076");
      g_assert_cmpstr (leg->uid, ==, expected);
      g_assert_cmpint (leg->revision, ==, 0);
      g_assert_cmpint (leg->modified_at, >, 0);
    }
  {
    g_autofree char *expected = position_uid ("prog-old", "jukka", "travel", 0);
    g_autofree char *expected_stay = position_uid ("prog-old", "aino", "stay", 0);

    leg = g_ptr_array_index (vp_participant_get_travel (jukka), 0);
    g_assert_cmpstr (leg->uid, ==, expected);
    stay = g_ptr_array_index (vp_participant_get_accommodation (aino), 0);
    g_assert_cmpstr (stay->uid, ==, expected_stay);
    g_assert_cmpint (stay->revision, ==, 0);
  }
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM withdrawals"), ==, 0);
}

/* Issue 17, C1: an export carries each leg's and stay's uid and revision,
 * and an import of it into another database keeps them. */
static void
test_import_keeps_travel_uids (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) first = NULL;
  g_autoptr(VpSnapshot) second = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_autoptr(VpStore) other_store = NULL;
  VpTravelLeg *leg;
  VpStay *stay;
  gint64 id;

  id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  first = vp_test_load (store, id);
  leg = g_ptr_array_index (vp_participant_get_travel (vp_snapshot_lookup_participant (first, "p1")), 0);
  stay = g_ptr_array_index (vp_participant_get_accommodation (vp_snapshot_lookup_participant (first, "p1")), 0);
  g_assert_true (g_uuid_string_is_valid (leg->uid));
  g_assert_true (g_uuid_string_is_valid (stay->uid));
  g_assert_cmpstr (leg->uid, !=, stay->uid);

  exported = vp_programme_format_write (first);
  other_store = vp_test_open_store (other);
  {
    g_autoptr(VpSnapshot) read = vp_programme_format_read (exported, NULL);
    gint64 other_id = 0;

    g_assert_nonnull (read);
    g_assert_true (vp_store_import_snapshot (other_store, read, VP_STORE_IMPORT_NONE, &other_id, NULL));
    second = vp_test_load (other_store, other_id);
  }
  again = vp_programme_format_write (second);
  g_assert_true (g_bytes_equal (exported, again));
}

/* Importing {{{1 */

static void
assert_same_document (VpSnapshot *expected,
                      VpSnapshot *actual)
{
  g_autoptr(GBytes) want = vp_programme_format_write (expected);
  g_autoptr(GBytes) got = vp_programme_format_write (actual);

  if (!g_bytes_equal (want, got))
    g_test_fail_printf ("the stored programme differs:\n%.*s\n---\n%.*s",
             (int)g_bytes_get_size (want), (const char *)g_bytes_get_data (want, NULL),
             (int)g_bytes_get_size (got), (const char *)g_bytes_get_data (got, NULL));
}

static void
test_import_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) original = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (vp_store_import_snapshot (store, original, VP_STORE_IMPORT_NONE, &id, &error));
  g_assert_no_error (error);

  loaded = vp_test_load (store, id);
  assert_same_document (original, loaded);
}

static void
test_import_round_trip_demo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) original = NULL;
  g_autoptr(VpSnapshot) loaded = NULL;
  gint64 id = 0;

  if (!g_file_test (demo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no demo programme: set G_TEST_SRCDIR to the tests folder");
      return;
    }
  bytes = vp_test_read_bytes (demo);
  original = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (vp_store_import_snapshot (store, original, VP_STORE_IMPORT_NONE, &id, &error));
  g_assert_no_error (error);

  loaded = vp_test_load (store, id);
  assert_same_document (original, loaded);
}

static void
test_import_exists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) again = vp_test_read_document (base_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  VpTestChangeLog log = { 0, };
  gint64 id = -1;

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_clear_object (&store);
  before = vp_test_read_bytes (fixture->path);

  store = vp_test_open_store (fixture->path);
  g_signal_connect (store, "changed", G_CALLBACK (vp_test_log_change), &log);
  g_assert_false (vp_store_import_snapshot (store, again, VP_STORE_IMPORT_NONE, &id, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS);
  g_assert_cmpuint (log.count, ==, 0);
  g_clear_object (&store);

  after = vp_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A snapshot the reader would refuse but the store gets anyway (a session at
 * a host the programme lacks): the store refuses it whole. */
static void
test_import_rollback (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (base_document);
  g_autoptr(VpSession) stray = vp_session_copy (vp_snapshot_lookup_session (snapshot, "s3"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_clear_object (&store);
  before = vp_test_read_bytes (fixture->path);
  store = vp_test_open_store (fixture->path);

  vp_session_set_ref (stray, "s4");
  vp_session_set_uid (stray, "uid-4");
  vp_session_set_host_ref (stray, "no-such-host");
  g_assert_true (vp_snapshot_add_session (snapshot, stray));
  vp_snapshot_sort_sessions (snapshot);

  g_assert_false (vp_store_import_snapshot (store, snapshot, VP_STORE_IMPORT_NONE, NULL, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (store)), ==, 0);
  g_clear_object (&store);

  after = vp_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM programmes"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM hosts"), ==, 0);
}

/* Updating {{{1 */

static void
assert_revisions (VpSnapshot *snapshot,
                  int         one,
                  int         two,
                  int         three)
{
  g_assert_cmpint (vp_session_get_revision (session_by_uid (snapshot, "uid-1")), ==, one);
  g_assert_cmpint (vp_session_get_revision (session_by_uid (snapshot, "uid-2")), ==, two);
  g_assert_cmpint (vp_session_get_revision (session_by_uid (snapshot, "uid-3")), ==, three);
}

static void
test_update_start_changed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *changed = vp_test_replace_once (base_document, "\"2027-04-14T10:00\"",
                                                  "\"2027-04-14T09:30\"");
  g_autoptr(VpSnapshot) loaded = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_cmpint (vp_test_import_document (store, changed, VP_STORE_IMPORT_UPDATE), ==, id);

  loaded = vp_test_load (store, id);
  assert_revisions (loaded, 0, 1, 0);
  g_assert_cmpstr (vp_session_get_start (session_by_uid (loaded, "uid-2")), ==, "2027-04-14T09:30");
}

static void
test_update_twice_rises_twice (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *changed = vp_test_replace_once (base_document, "\"title\": \"Two\"",
                                                  "\"title\": \"Two b\"");
  g_autofree char *changed_again = vp_test_replace_once (changed, "\"title\": \"Two b\"",
                                                        "\"title\": \"Two c\"");
  g_autoptr(VpSnapshot) loaded = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, changed, VP_STORE_IMPORT_UPDATE);
  vp_test_import_document (store, changed_again, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  assert_revisions (loaded, 0, 2, 0);
}

static void
test_update_unchanged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  before = vp_test_load (store, id);
  vp_test_import_document (store, base_document, VP_STORE_IMPORT_UPDATE);
  after = vp_test_load (store, id);

  assert_revisions (after, 0, 0, 0);
  assert_same_document (before, after);
}

/* An export carries revisions; importing it back changes nothing. */
static void
test_update_with_own_export (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *changed = vp_test_replace_once (base_document, "\"title\": \"One\"",
                                                  "\"title\": \"One b\"");
  g_autoptr(VpSnapshot) exported = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, changed, VP_STORE_IMPORT_UPDATE);
  exported = vp_test_load (store, id);
  bytes = vp_programme_format_write (exported);
  g_clear_object (&exported);
  exported = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);

  g_assert_true (vp_store_import_snapshot (store, exported, VP_STORE_IMPORT_UPDATE, NULL, &error));
  g_assert_no_error (error);
  after = vp_test_load (store, id);
  assert_revisions (after, 1, 0, 0);
}

static void
test_update_session_removed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  static const char without_one[] =
    DOCUMENT (HOST_1 "," HOST_2, PARTICIPANT_1 "," PARTICIPANT_2, SESSION_2 "," SESSION_3);
  g_autoptr(VpSnapshot) loaded = NULL;
  VpSession *session;
  guint n_sessions = 0;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, without_one, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  g_assert_cmpuint (vp_snapshot_get_sessions (loaded)->len, ==, 3);
  session = session_by_uid (loaded, "uid-1");
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_CANCELLED);
  g_assert_cmpstr (vp_session_get_title (session), ==, "One");
  assert_revisions (loaded, 1, 0, 0);
  g_assert_true (vp_store_count_programme (store, id, NULL, NULL, &n_sessions, NULL));
  g_assert_cmpuint (n_sessions, ==, 3);

  /* gone a second time: still cancelled, no further revision */
  vp_test_import_document (store, without_one, VP_STORE_IMPORT_UPDATE);
  g_clear_object (&loaded);
  loaded = vp_test_load (store, id);
  assert_revisions (loaded, 1, 0, 0);
}

/* The cancellation must reach the calendars of the people who had the
 * session: a cancelled session keeps its attendees and its host. */
static void
test_update_session_removed_keeps_people (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  static const char without_one[] =
    DOCUMENT (HOST_1 "," HOST_2, PARTICIPANT_1 "," PARTICIPANT_2, SESSION_2 "," SESSION_3);
  g_autoptr(VpSnapshot) loaded = NULL;
  VpSession *session;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, without_one, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  session = session_by_uid (loaded, "uid-1");
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_CANCELLED);
  g_assert_cmpstr (vp_session_get_host_ref (session), ==, "h1");
  g_assert_false (vp_session_get_attendees_all (session));
  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 1);
  if (vp_session_get_attendees (session)->len == 1)
    g_assert_cmpstr (g_ptr_array_index (vp_session_get_attendees (session), 0), ==, "p1");
}

static void
test_update_refs_swapped (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autofree char *step_1 = vp_test_replace_once (base_document, "\"id\": \"s1\"",
                                                  "\"id\": \"swap\"");
  g_autofree char *step_2 = vp_test_replace_once (step_1, "\"id\": \"s2\"", "\"id\": \"s1\"");
  g_autofree char *swapped = vp_test_replace_once (step_2, "\"id\": \"swap\"", "\"id\": \"s2\"");
  g_autoptr(VpSnapshot) loaded = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, swapped, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  g_assert_cmpstr (vp_session_get_uid (vp_snapshot_lookup_session (loaded, "s1")), ==, "uid-2");
  g_assert_cmpstr (vp_session_get_uid (vp_snapshot_lookup_session (loaded, "s2")), ==, "uid-1");
  g_assert_cmpuint (vp_snapshot_get_sessions (loaded)->len, ==, 3);
}

static void
test_update_people_replaced (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  static const char replaced[] =
    DOCUMENT ("{ \"id\": \"h1\", \"name\": \"Host one renamed\" },"
              "{ \"id\": \"h3\", \"name\": \"Host three\" }",
              "{ \"id\": \"p1\", \"name\": \"Aino\", \"email\": \"aino@example.org\" },"
              "{ \"id\": \"p3\", \"name\": \"Sanna\" }",
              SESSION_1 ","
              "{ \"id\": \"s2\", \"uid\": \"uid-2\", \"title\": \"Two\","
              "  \"start\": \"2027-04-14T10:00\","
              "  \"end\": \"2027-04-14T11:00\", \"host\": \"h3\" },"
              SESSION_3);
  g_autoptr(VpSnapshot) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hosts;
  GPtrArray *participants;
  VpHost *host;
  VpParticipant *participant;
  guint n_hosts = 0;
  guint n_participants = 0;
  guint n_sessions = 0;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, replaced, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  hosts = vp_snapshot_get_hosts (loaded);
  participants = vp_snapshot_get_participants (loaded);
  g_assert_cmpuint (hosts->len, ==, 2);
  host = vp_snapshot_lookup_host (loaded, "h1");
  g_assert_cmpstr (vp_host_get_name (host), ==, "Host one renamed");
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_UNSET);
  g_assert_nonnull (vp_snapshot_lookup_host (loaded, "h3"));
  g_assert_null (vp_snapshot_lookup_host (loaded, "h2"));
  g_assert_cmpuint (participants->len, ==, 2);
  g_assert_nonnull (vp_snapshot_lookup_participant (loaded, "p3"));
  g_assert_null (vp_snapshot_lookup_participant (loaded, "p2"));
  participant = vp_snapshot_lookup_participant (loaded, "p1");
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 0);

  /* the session that moved to another host changed; the others did not */
  g_assert_cmpstr (vp_session_get_host_ref (session_by_uid (loaded, "uid-2")), ==, "h3");
  assert_revisions (loaded, 0, 1, 0);
  g_assert_cmpstr (vp_session_get_host_ref (session_by_uid (loaded, "uid-1")), ==, "h1");

  g_assert_true (vp_store_count_programme (store, id, &n_hosts, &n_participants, &n_sessions,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hosts, ==, 2);
  g_assert_cmpuint (n_participants, ==, 2);
  g_assert_cmpuint (n_sessions, ==, 3);
  g_clear_object (&store);

  /* no rows left behind */
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM hosts"), ==, 2);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM participants"), ==, 2);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM travel_legs"), ==, 0);
  g_assert_cmpint (vp_test_sql_int (fixture->path, "SELECT count(*) FROM stays"), ==, 0);
}

static void
test_update_session_added (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  static const char only_one[] =
    DOCUMENT (HOST_1 "," HOST_2, PARTICIPANT_1 "," PARTICIPANT_2, SESSION_1);
  g_autoptr(VpSnapshot) loaded = NULL;
  gint64 id = vp_test_import_document (store, only_one, VP_STORE_IMPORT_NONE);

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_UPDATE);

  loaded = vp_test_load (store, id);
  g_assert_cmpuint (vp_snapshot_get_sessions (loaded)->len, ==, 3);
  assert_revisions (loaded, 0, 0, 0);
}

static void
test_update_new_programme (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_UPDATE);
  g_autoptr(VpSnapshot) loaded = vp_test_load (store, id);

  g_assert_cmpstr (vp_programme_get_uid (vp_snapshot_get_programme (loaded)), ==, "prog-1");
}

/* Finding, deleting, counting {{{1 */

static void
test_find_by_id (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (vp_store_find_programme (store, text, &error), ==, id);
  g_assert_no_error (error);
}

static void
test_find_by_uid (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_cmpint (vp_store_find_programme (store, "prog-1", &error), ==, id);
  g_assert_no_error (error);
}

/* A uid made of digits is still a uid when no programme has that id. */
static void
test_find_by_numeric_uid (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  static const char numeric[] =
    DOCUMENT_FOR ("20270413", "2027-04-13", HOST_1, PARTICIPANT_1, SESSION_3);
  gint64 id = vp_test_import_document (store, numeric, VP_STORE_IMPORT_NONE);

  g_assert_cmpint (vp_store_find_programme (store, "20270413", &error), ==, id);
  g_assert_no_error (error);
}

static void
test_find_not_found (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_cmpint (vp_store_find_programme (store, "no-such-uid", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (vp_store_find_programme (store, "999", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (vp_store_find_programme (store, "", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
}

static void
test_load_not_found (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = vp_store_load_snapshot (store, 42, &error);

  g_assert_null (snapshot);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  VpTestChangeLog log = { 0, };
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_signal_connect (store, "changed", G_CALLBACK (vp_test_log_change), &log);
  g_assert_true (vp_store_delete_programme (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.programme_id, ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (store)), ==, 0);

  g_assert_cmpint (vp_store_find_programme (store, "prog-1", &error), ==, 0);
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the uid is free again */
  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
}

static void
test_delete_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  VpTestChangeLog log = { 0, };

  g_signal_connect (store, "changed", G_CALLBACK (vp_test_log_change), &log);
  g_assert_false (vp_store_delete_programme (store, 42, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (log.count, ==, 0);
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  guint n_hosts = 0;
  guint n_participants = 0;
  guint n_sessions = 0;
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_true (vp_store_count_programme (store, id, &n_hosts, &n_participants, &n_sessions,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hosts, ==, 2);
  g_assert_cmpuint (n_participants, ==, 2);
  g_assert_cmpuint (n_sessions, ==, 3);
}

/* Signals and the list {{{1 */

static void
test_changed_on_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  VpTestChangeLog log = { 0, };
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (vp_test_log_change), &log);
  id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);

  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.programme_id, ==, id);

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_UPDATE);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpint (log.programme_id, ==, id);

  /* its own writes are not news to the poll */
  vp_store_poll_external_changes (store);
  g_assert_cmpuint (log.count, ==, 2);
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VpStore) window = vp_test_open_store (fixture->path);
  g_autoptr(VpStore) command_line = vp_test_open_store (fixture->path);
  GListModel *programmes = vp_store_get_programmes (window);
  VpTestChangeLog log = { 0, };
  gint64 id;

  g_signal_connect (window, "changed", G_CALLBACK (vp_test_log_change), &log);
  vp_store_poll_external_changes (window);
  g_assert_cmpuint (log.count, ==, 0);

  id = vp_test_import_document (command_line, base_document, VP_STORE_IMPORT_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);

  /* the change log names the programme the other program wrote */
  vp_store_poll_external_changes (window);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpint (log.programme_id, ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);

  vp_store_poll_external_changes (window);
  g_assert_cmpuint (log.count, ==, 1);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_list_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  GListModel *programmes = vp_store_get_programmes (store);
  static const char later[] =
    DOCUMENT_FOR ("prog-2", "2027-04-15", HOST_1, PARTICIPANT_1, SESSION_3);
  g_autoptr(VpProgramme) first = NULL;
  g_autoptr(VpProgramme) second = NULL;
  guint n_changes = 0;

  g_assert_true (g_list_model_get_item_type (programmes) == VP_TYPE_PROGRAMME);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);
  g_signal_connect (programmes, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);

  vp_test_import_document (store, later, VP_STORE_IMPORT_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 2);

  /* newest first */
  first = g_list_model_get_item (programmes, 0);
  second = g_list_model_get_item (programmes, 1);
  g_assert_cmpstr (vp_programme_get_uid (first), ==, "prog-2");
  g_assert_cmpstr (vp_programme_get_uid (second), ==, "prog-1");
  g_assert_cmpstr (vp_programme_get_title (second), ==, "Visit prog-1");
  g_assert_cmpint (vp_programme_get_id (second), >, 0);
}

static void
test_list_on_open (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpProgramme) programme = NULL;

  vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_clear_object (&store);

  store = vp_test_open_store (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (vp_store_get_programmes (store)), ==, 1);
  programme = g_list_model_get_item (vp_store_get_programmes (store), 0);
  g_assert_cmpstr (vp_programme_get_uid (programme), ==, "prog-1");
}

static void
test_resolve_path (void)
{
  g_autofree char *explicit_path = NULL;
  g_autofree char *from_environment = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("VISIT_PLANNER_DATABASE", "/tmp/from-environment.db", TRUE);
  explicit_path = vp_store_resolve_path ("/tmp/explicit.db", NULL);
  from_environment = vp_store_resolve_path (NULL, NULL);
  g_unsetenv ("VISIT_PLANNER_DATABASE");
  fallback = vp_store_resolve_path (NULL, NULL);
  expected = g_build_filename (g_get_user_data_dir (), "visit-planner", "visits.db", NULL);

  g_assert_cmpstr (explicit_path, ==, "/tmp/explicit.db");
  g_assert_cmpstr (from_environment, ==, "/tmp/from-environment.db");
  g_assert_cmpstr (fallback, ==, expected);
}

/* Rows {{{1 */

/* Each row of @snapshot (the programme as the store loaded it), loaded
 * alone, is what the snapshot holds: every property, a session's attendees,
 * a participant's travel legs and stays. */
static void
assert_rows_as_snapshot (VpStore    *store,
                         VpSnapshot *snapshot)
{
  const struct
  {
    VpEntity   entity;
    GPtrArray *rows;
  } kinds[] = {
    { VP_ENTITY_HOST, vp_snapshot_get_hosts (snapshot) },
    { VP_ENTITY_PARTICIPANT, vp_snapshot_get_participants (snapshot) },
    { VP_ENTITY_SESSION, vp_snapshot_get_sessions (snapshot) },
  };
  g_autoptr(GPtrArray) programme = g_ptr_array_new ();

  g_ptr_array_add (programme, vp_snapshot_get_programme (snapshot));
  for (int k = -1; k < (int)G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *rows = k < 0 ? programme : kinds[k].rows;
      VpEntity entity = k < 0 ? VP_ENTITY_PROGRAMME : kinds[k].entity;

      g_assert_cmpuint (rows->len, >, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          GObject *expected = g_ptr_array_index (rows, i);
          g_autoptr(GObject) row = NULL;
          g_autoptr(GError) error = NULL;
          gint64 id = 0;

          g_object_get (expected, "id", &id, NULL);
          g_test_message ("%s %" G_GINT64_FORMAT, G_OBJECT_TYPE_NAME (expected), id);
          row = vp_store_load_row (store, entity, id, &error);
          g_assert_no_error (error);
          g_assert_nonnull (row);
          g_assert_true (G_OBJECT_TYPE (row) == G_OBJECT_TYPE (expected));
          g_assert_true (vp_record_equal (row, expected));
        }
    }
}

static void
test_load_row_as_snapshot (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) loaded = vp_test_load (store, id);
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();
  gint64 demo_id = vp_test_import_snapshot (store, demo, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) demo_loaded = vp_test_load (store, demo_id);

  assert_rows_as_snapshot (store, loaded);
  assert_rows_as_snapshot (store, demo_loaded);
}

static void
test_load_row_children (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) loaded = vp_test_load (store, id);
  VpSession *s1 = vp_snapshot_lookup_session (loaded, "s1");
  VpParticipant *p1 = vp_snapshot_lookup_participant (loaded, "p1");
  g_autoptr(GObject) session = NULL;
  g_autoptr(GObject) participant = NULL;
  GPtrArray *attendees;
  VpTravelLeg *leg;
  VpStay *stay;

  session = vp_store_load_row (store, VP_ENTITY_SESSION, vp_session_get_id (s1), NULL);
  g_assert_cmpstr (vp_session_get_host_ref (VP_SESSION (session)), ==, "h1");
  g_assert_false (vp_session_get_attendees_all (VP_SESSION (session)));
  attendees = vp_session_get_attendees (VP_SESSION (session));
  g_assert_cmpuint (attendees->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p1");

  participant =
    vp_store_load_row (store, VP_ENTITY_PARTICIPANT, vp_participant_get_id (p1), NULL);
  g_assert_cmpstr (vp_participant_get_email (VP_PARTICIPANT (participant)), ==,
                   "aino@example.org");
  g_assert_cmpuint (vp_participant_get_travel (VP_PARTICIPANT (participant))->len, ==, 1);
  g_assert_cmpuint (vp_participant_get_accommodation (VP_PARTICIPANT (participant))->len, ==, 1);
  leg = g_ptr_array_index (vp_participant_get_travel (VP_PARTICIPANT (participant)), 0);
  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_TRAIN);
  g_assert_cmpstr (leg->depart, ==, "2027-04-13T07:00");
  g_assert_cmpint (leg->arrive_utc - leg->depart_utc, ==, 3600);
  g_assert_nonnull (leg->uid);
  stay = g_ptr_array_index (vp_participant_get_accommodation (VP_PARTICIPANT (participant)), 0);
  g_assert_cmpstr (stay->name, ==, "Hotel");
  g_assert_cmpstr (stay->check_out, ==, "2027-04-16");
  g_assert_nonnull (stay->uid);
}

static void
test_load_row_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) loaded = vp_test_load (store, id);
  VpEntity entities[] = {
    VP_ENTITY_PROGRAMME, VP_ENTITY_HOST, VP_ENTITY_PARTICIPANT, VP_ENTITY_SESSION,
  };
  gint64 deleted = vp_session_get_id (vp_snapshot_lookup_session (loaded, "s3"));

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (vp_store_load_row (store, entities[i], 424242, &error));
      g_assert_no_error (error);
    }

  /* a row that was there */
  g_assert_true (vp_store_delete_sessions (store, id, &deleted, 1, NULL));
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (vp_store_load_row (store, VP_ENTITY_SESSION, deleted, &error));
    g_assert_no_error (error);
  }
}

static void
test_load_row_defaults (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  gint64 id = vp_test_import_document (store, base_document, VP_STORE_IMPORT_NONE);
  g_autoptr(VpSnapshot) loaded = vp_test_load (store, id);
  gint64 host_id = vp_host_get_id (vp_snapshot_lookup_host (loaded, "h1"));
  g_autoptr(GObject) programme = NULL;
  g_autoptr(GObject) host = NULL;

  /* what another program wrote: words this one does not know, empty text,
   * NULL where the model has a default */
  vp_test_sql_exec (fixture->path,
                    "UPDATE programmes SET status = 'archived', description = '', "
                    "lump_sum_eur = NULL;"
                    "UPDATE hosts SET kind = 'castle', city = '', latitude = NULL, "
                    "max_group_size = NULL WHERE ref = 'h1'");

  programme = vp_store_load_row (store, VP_ENTITY_PROGRAMME, id, NULL);
  g_assert_cmpint (vp_programme_get_status (VP_PROGRAMME (programme)), ==,
                   VP_PROGRAMME_STATUS_DRAFT);
  g_assert_null (vp_programme_get_description (VP_PROGRAMME (programme)));
  g_assert_true (isnan (vp_programme_get_lump_sum_eur (VP_PROGRAMME (programme))));
  host = vp_store_load_row (store, VP_ENTITY_HOST, host_id, NULL);
  g_assert_cmpint (vp_host_get_kind (VP_HOST (host)), ==, VP_HOST_KIND_UNSET);
  g_assert_null (vp_host_get_city (VP_HOST (host)));
  g_assert_true (isnan (vp_host_get_latitude (VP_HOST (host))));
  g_assert_cmpint (vp_host_get_max_group_size (VP_HOST (host)), ==, 0);
  g_assert_cmpstr (vp_host_get_name (VP_HOST (host)), ==, "Host one");
}

/* Statements {{{1 */

/* 1, 2, 3: those above ?1, or all when ?1 is not bound */
static const char counting_sql[] =
  "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) "
  "SELECT x FROM n WHERE ?1 IS NULL OR x > ?1";

static void
test_statements_cache (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  VpStoreQuery outer = { NULL, };
  VpStoreQuery inner = { NULL, };
  sqlite3_stmt *kept;

  kept = vp_store_query (store, &outer, counting_sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  sqlite3_bind_int (kept, 1, 1);
  g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (kept, 0), ==, 2);

  /* taken again while in use (a loader that calls itself): another one,
   * and the first goes on where it was */
  g_assert_nonnull (vp_store_query (store, &inner, counting_sql, &error));
  g_assert_true (inner.stmt != kept);
  for (int x = 1; x <= 3; x++)
    {
      g_assert_cmpint (sqlite3_step (inner.stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (inner.stmt, 0), ==, x);
    }
  vp_store_query_clear (&inner);
  g_assert_null (inner.stmt);
  g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (kept, 0), ==, 3);
  g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_DONE);
  vp_store_query_clear (&outer);

  /* given back: the same statement next time, reset, its bindings cleared */
  {
    g_auto(VpStoreQuery) again = { NULL, };

    g_assert_true (vp_store_query (store, &again, counting_sql, &error) == kept);
    g_assert_cmpint (sqlite3_step (kept), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (kept, 0), ==, 1);
    g_assert_true (sqlite3_stmt_busy (kept));
  }
  /* left mid-way, it was reset all the same: no read left open */
  g_assert_false (sqlite3_stmt_busy (kept));

  g_assert_null (vp_store_query (store, &outer, "SELECT nothing FROM nowhere", &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED);
  g_assert_null (outer.stmt);
}

/* Main {{{1 */

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, vp_test_database_set_up, func, vp_test_database_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a failing case is reported and the others still run */
  g_test_set_nonfatal_assertions ();

  ADD ("/store/create/mode", test_create_mode);
  ADD ("/store/create/wal-private", test_create_wal_private);
  ADD ("/store/create/folder", test_create_folder);
  ADD ("/store/create/schema-version", test_create_schema_version);
  ADD ("/store/create/wal", test_create_wal);
  ADD ("/store/create/existing-made-private", test_create_existing_private);
  ADD ("/store/create/foreign-keys", test_create_foreign_keys);
  ADD ("/store/open/not-sqlite", test_open_not_sqlite);
  ADD ("/store/open/newer-schema", test_open_newer_schema);
  ADD ("/store/schema/upgrade", test_schema_upgrade);
  ADD ("/store/schema/upgrade-fails", test_schema_upgrade_fails);
  ADD ("/store/schema/upgrade-newer", test_schema_upgrade_newer);
  ADD ("/store/schema/foreign-tables", test_schema_foreign_tables);
  ADD ("/store/schema/travel-identity", test_schema_travel_identity);
  ADD ("/store/import/keeps-travel-uids", test_import_keeps_travel_uids);
  ADD ("/store/import/round-trip", test_import_round_trip);
  ADD ("/store/import/round-trip-demo", test_import_round_trip_demo);
  ADD ("/store/import/exists", test_import_exists);
  ADD ("/store/import/rollback", test_import_rollback);
  ADD ("/store/update/start-changed", test_update_start_changed);
  ADD ("/store/update/twice-rises-twice", test_update_twice_rises_twice);
  ADD ("/store/update/unchanged", test_update_unchanged);
  ADD ("/store/update/own-export", test_update_with_own_export);
  ADD ("/store/update/session-removed", test_update_session_removed);
  ADD ("/store/update/session-removed-keeps-people", test_update_session_removed_keeps_people);
  ADD ("/store/update/refs-swapped", test_update_refs_swapped);
  ADD ("/store/update/people-replaced", test_update_people_replaced);
  ADD ("/store/update/session-added", test_update_session_added);
  ADD ("/store/update/new-programme", test_update_new_programme);
  ADD ("/store/find/id", test_find_by_id);
  ADD ("/store/find/uid", test_find_by_uid);
  ADD ("/store/find/numeric-uid", test_find_by_numeric_uid);
  ADD ("/store/find/not-found", test_find_not_found);
  ADD ("/store/load/not-found", test_load_not_found);
  ADD ("/store/delete/programme", test_delete);
  ADD ("/store/delete/not-found", test_delete_not_found);
  ADD ("/store/count", test_count);
  ADD ("/store/signal/changed-on-import", test_changed_on_import);
  ADD ("/store/signal/external-change", test_external_change);
  ADD ("/store/list/updates", test_list_updates);
  ADD ("/store/list/on-open", test_list_on_open);
  ADD ("/store/statements/cache", test_statements_cache);
  ADD ("/store/load-row/as-snapshot", test_load_row_as_snapshot);
  ADD ("/store/load-row/children", test_load_row_children);
  ADD ("/store/load-row/missing", test_load_row_missing);
  ADD ("/store/load-row/defaults", test_load_row_defaults);
  g_test_add_func ("/store/resolve-path", test_resolve_path);

  return g_test_run ();
}

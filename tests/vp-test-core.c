/* vp-test-core.c: what the core's unit tests share: temporary databases, documents read and
 * stored, files read whole. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "vp-programme-format.h"
#include "vp-test-core.h"

/* Temporary databases {{{1 */

/**
 * vp_test_make_folder:
 *
 * Makes a new temporary folder named after the test program
 * ("test-store-XXXXXX"); the test must be able to make it.
 *
 * Returns: (transfer full): the folder's path
 */
char *
vp_test_make_folder (void)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strconcat (program, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (folder);
  return folder;
}

/**
 * vp_test_remove_folder:
 * @path: a folder, a file or nothing
 *
 * Removes @path and, when it is a folder, all it holds; links are removed,
 * never followed.
 */
void
vp_test_remove_folder (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          vp_test_remove_folder (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * vp_test_database_set_up:
 * @database: the fixture to fill
 * @data: unused (a GTest fixture function)
 *
 * Makes @database's folder and names its database file, which is left for
 * the test to make.
 */
void
vp_test_database_set_up (VpTestDatabase *database,
                         gconstpointer   data)
{
  database->folder = vp_test_make_folder ();
  database->path = g_build_filename (database->folder, "visits.db", NULL);
  database->store = NULL;
  database->id = 0;
}

/**
 * vp_test_database_set_up_store:
 * @database: the fixture to fill
 * @data: unused (a GTest fixture function)
 *
 * As vp_test_database_set_up(), and opens a new store on the database.
 */
void
vp_test_database_set_up_store (VpTestDatabase *database,
                               gconstpointer   data)
{
  vp_test_database_set_up (database, data);
  database->store = vp_test_open_store (database->path);
}

/**
 * vp_test_database_set_up_demo:
 * @database: the fixture to fill
 * @data: unused (a GTest fixture function)
 *
 * As vp_test_database_set_up_store(), with the demo programme imported:
 * its id in @database->id.
 */
void
vp_test_database_set_up_demo (VpTestDatabase *database,
                              gconstpointer   data)
{
  g_autoptr(VpSnapshot) demo = NULL;

  vp_test_database_set_up_store (database, data);
  demo = vp_test_read_demo ();
  database->id = vp_test_import_snapshot (database->store, demo, VP_STORE_IMPORT_NONE);
}

/**
 * vp_test_database_tear_down:
 * @database: a fixture vp_test_database_set_up() filled, or zeroed
 * @data: unused (a GTest fixture function)
 *
 * Closes the store, removes the folder with all it holds and frees the
 * names.
 */
void
vp_test_database_tear_down (VpTestDatabase *database,
                            gconstpointer   data)
{
  g_clear_object (&database->store);
  if (database->folder != NULL)
    vp_test_remove_folder (database->folder);
  g_clear_pointer (&database->folder, g_free);
  g_clear_pointer (&database->path, g_free);
  database->id = 0;
}

/**
 * vp_test_database_clear:
 * @database: a fixture vp_test_database_set_up() filled, or zeroed
 *
 * vp_test_database_tear_down(), for g_auto(VpTestDatabase).
 */
void
vp_test_database_clear (VpTestDatabase *database)
{
  vp_test_database_tear_down (database, NULL);
}

/* Documents and stores {{{1 */

/**
 * vp_test_open_store:
 * @path: a database file
 *
 * Returns: (transfer full): a store on @path, which must open
 */
VpStore *
vp_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  VpStore *store = vp_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/**
 * vp_test_read_document:
 * @text: a programme document (docs/programme-format.md), which must be
 *   valid
 *
 * Returns: (transfer full) (nullable): the programme, %NULL when a
 *   non-fatal assertion failed
 */
VpSnapshot *
vp_test_read_document (const char *text)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot;

  g_assert_nonnull (text);
  if (text == NULL)
    return NULL;
  bytes = g_bytes_new (text, strlen (text));
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

/**
 * vp_test_read_demo:
 *
 * Returns: (transfer full) (nullable): the demo programme
 *   (data/demo/vilnius-2027.visit.json), %NULL when a non-fatal assertion
 *   failed
 */
VpSnapshot *
vp_test_read_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autofree char *text = vp_test_read_file (path, NULL);

  if (text == NULL)
    return NULL;
  return vp_test_read_document (text);
}

/**
 * vp_test_import_snapshot:
 * @store: where to import
 * @snapshot: the programme
 * @flags: as for vp_store_import_snapshot()
 *
 * Imports @snapshot into @store, which must accept it.
 *
 * Returns: the programme's id
 */
gint64
vp_test_import_snapshot (VpStore            *store,
                         VpSnapshot         *snapshot,
                         VpStoreImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (vp_store_import_snapshot (store, snapshot, flags, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/**
 * vp_test_import_document:
 * @store: where to import
 * @text: a programme document, which must be valid
 * @flags: as for vp_store_import_snapshot()
 *
 * Reads @text and imports it into @store, which must accept it.
 *
 * Returns: the programme's id, 0 when a non-fatal assertion failed
 */
gint64
vp_test_import_document (VpStore            *store,
                         const char         *text,
                         VpStoreImportFlags  flags)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (text);

  if (snapshot == NULL)
    return 0;
  return vp_test_import_snapshot (store, snapshot, flags);
}

/**
 * vp_test_load:
 * @store: the store
 * @id: a programme in it
 *
 * Returns: (transfer full): the programme as it is stored now
 */
VpSnapshot *
vp_test_load (VpStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot = vp_store_load_snapshot (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

/**
 * vp_test_write_document:
 * @snapshot: a programme
 *
 * Returns: (transfer full): the programme as its exchange document, the
 *   text that "unchanged" compares
 */
char *
vp_test_write_document (VpSnapshot *snapshot)
{
  g_autoptr(GBytes) bytes = vp_programme_format_write (snapshot);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* Copies of stored objects, to edit: snapshots are never changed. */

/**
 * vp_test_host_copy:
 * @store: the store
 * @id: a programme in it
 * @ref: the id of one of its hosts in documents
 *
 * Returns: (transfer full): a copy of the host as it is stored now
 */
VpHost *
vp_test_host_copy (VpStore    *store,
                   gint64      id,
                   const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (store, id);
  VpHost *host = vp_snapshot_lookup_host (snapshot, ref);

  g_assert_nonnull (host);
  return vp_host_copy (host);
}

/**
 * vp_test_participant_copy:
 * @store: the store
 * @id: a programme in it
 * @ref: the id of one of its participants in documents
 *
 * Returns: (transfer full): a copy of the participant as it is stored now
 */
VpParticipant *
vp_test_participant_copy (VpStore    *store,
                          gint64      id,
                          const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (store, id);
  VpParticipant *participant = vp_snapshot_lookup_participant (snapshot, ref);

  g_assert_nonnull (participant);
  return vp_participant_copy (participant);
}

/**
 * vp_test_session_copy:
 * @store: the store
 * @id: a programme in it
 * @ref: the id of one of its sessions in documents
 *
 * Returns: (transfer full): a copy of the session as it is stored now
 */
VpSession *
vp_test_session_copy (VpStore    *store,
                      gint64      id,
                      const char *ref)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (store, id);
  VpSession *session = vp_snapshot_lookup_session (snapshot, ref);

  g_assert_nonnull (session);
  return vp_session_copy (session);
}

/**
 * vp_test_log_change:
 * @store: the store that changed
 * @programme_id: the programme that changed
 * @user_data: a #VpTestChangeLog
 *
 * A #VpStore::changed handler that counts the changes and keeps the last
 * programme named.
 */
void
vp_test_log_change (VpStore  *store,
                    gint64    programme_id,
                    gpointer  user_data)
{
  VpTestChangeLog *log = user_data;

  log->count++;
  log->programme_id = programme_id;
}

/* Files {{{1 */

/**
 * vp_test_read_file:
 * @path: a file, which must be readable
 * @length: (out) (optional): where to put its size
 *
 * Returns: (transfer full) (nullable): the file's contents, %NULL when a
 *   non-fatal assertion failed
 */
char *
vp_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/**
 * vp_test_read_bytes:
 * @path: a file, which must be readable
 *
 * Returns: (transfer full): the file's contents (none when a non-fatal
 *   assertion failed)
 */
GBytes *
vp_test_read_bytes (const char *path)
{
  gsize length = 0;
  char *contents = vp_test_read_file (path, &length);

  return g_bytes_new_take (contents, contents != NULL ? length : 0);
}

/**
 * vp_test_assert_mode:
 * @path: a file
 * @mode: the permission bits it must have (0600)
 *
 * Asserts that @path, a file or a folder, has the permissions @mode.
 */
void
vp_test_assert_mode (const char *path,
                     guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

/* A direct connection, to see the file as SQLite does and not as the store
 * tells. */

/**
 * vp_test_sql_exec:
 * @path: a database file, made when missing
 * @sql: statements, which must all run
 *
 * Runs @sql on @path through a connection of its own, which waits for
 * another's lock.
 */
void
vp_test_sql_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/**
 * vp_test_sql_int:
 * @path: a database file
 * @sql: a query whose first row's first column is an integer
 *
 * Returns: that integer, read through a read-only connection of its own
 */
gint64
vp_test_sql_int (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Values and texts {{{1 */

/**
 * vp_test_utc:
 * @year: the year
 * @month: the month, 1 to 12
 * @day: the day of the month
 * @hour: the hour, 0 to 23
 * @minute: the minute, 0 to 59
 *
 * Returns: the Unix time of a UTC wall time, worked out by GLib rather
 *   than by the code under test
 */
gint64
vp_test_utc (int year,
             int month,
             int day,
             int hour,
             int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  g_assert_nonnull (date_time);
  return g_date_time_to_unix (date_time);
}

/**
 * vp_test_replace_once:
 * @text: a text that holds @old exactly once
 * @old: what to replace
 * @new: what to put in its place
 *
 * Returns: (transfer full): @text with @old replaced by @new
 */
char *
vp_test_replace_once (const char *text,
                      const char *old,
                      const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, new, at + strlen (old));
}

static JsonNode *
parse_value (const char *value)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Sets, appends or (with a NULL @value) removes the member at @path. */
static void
json_patch (JsonNode   *root,
            const char *path,
            const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n_parts = g_strv_length (parts);
  JsonNode *node = root;

  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *name = g_strdup (parts[i]);
      char *bracket = strchr (name, '[');
      gboolean last = i == n_parts - 1;
      JsonObject *object;
      JsonArray *array;
      int index = -1;

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      object = json_node_get_object (node);

      if (last && index < 0)
        {
          if (value == NULL)
            {
              g_assert_true (json_object_has_member (object, name));
              json_object_remove_member (object, name);
            }
          else
            json_object_set_member (object, name, parse_value (value));
          return;
        }

      node = json_object_get_member (object, name);
      g_assert_nonnull (node);
      if (index < 0)
        continue;

      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      array = json_node_get_array (node);

      if (last)
        {
          /* only appending: a test replaces a whole array by its member */
          g_assert_cmpint (index, ==, (int)json_array_get_length (array));
          g_assert_nonnull (value);
          json_array_add_element (array, parse_value (value));
          return;
        }

      node = json_array_get_element (array, (guint)index);
      g_assert_nonnull (node);
    }
}

/**
 * vp_test_patch_document:
 * @text: a JSON document
 * @patches: (array length=n_patches): the changes to make, in order
 * @n_patches: how many
 *
 * Returns: (transfer full): @text with @patches applied, pretty-printed
 */
char *
vp_test_patch_document (const char        *text,
                        const VpTestPatch *patches,
                        guint              n_patches)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  for (guint i = 0; i < n_patches; i++)
    json_patch (root, patches[i].path, patches[i].value);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* vp-store.c: the SQLite database, the only code that speaks SQL. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vp-enum-types.h"
#include "vp-record.h"
#include "vp-store-columns.h"
#include "vp-store-private.h"
#include "vp-store-schema.h"

#define BUSY_TIMEOUT_MS 5000

static void vp_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpStore, vp_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      vp_store_initable_iface_init))

G_DEFINE_QUARK (vp-store-error-quark, vp_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_FOR_READING,
  N_PROPS
};

enum {
  CHANGED,
  ROWS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* SQL helpers {{{1 */

static gboolean
can_write (const char *path,
           int        *saved_errno)
{
  if (g_access (path, W_OK) == 0)
    return TRUE;
  *saved_errno = errno;
  return FALSE;
}

/* The files SQLite keeps beside a database. */
static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };

/* Why the database at @file cannot be written: its file, its folder (where
 * SQLite keeps the -wal and -shm files beside it) or the file system is
 * read-only; NULL when none of them is. */
static char *
read_only_reason (const char *file)
{
  g_autofree char *folder = g_path_get_dirname (file);
  int saved_errno = 0;

  if (!can_write (file, &saved_errno) && saved_errno != ENOENT)
    return g_strdup (saved_errno == EROFS ? _("the file system is read-only")
                                          : _("the file is read-only"));
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (file, side_suffixes[i], NULL);

      if (!can_write (side, &saved_errno) && saved_errno != ENOENT)
        {
          g_autofree char *display = g_filename_display_name (side);

          return g_strdup_printf (_("the file %s beside it is read-only"), display);
        }
    }
  if (!can_write (folder, &saved_errno))
    {
      g_autofree char *display = g_filename_display_name (folder);

      if (saved_errno == EROFS)
        return g_strdup (_("the file system is read-only"));
      return g_strdup_printf (_("its folder %s is read-only (SQLite keeps its -wal and -shm "
                                "files beside it)"),
                              display);
    }

  return NULL;
}

gboolean
vp_store_sqlite_error (VpStore  *self,
                       GError  **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  int code = sqlite3_errcode (self->db) & 0xff;

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                 _("%s: the database is busy: another program is writing to it; try again"),
                 display);
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                 _("%s: the change breaks a rule of the database: %s"),
                 display, sqlite3_errmsg (self->db));
  else if (code == SQLITE_READONLY || (code == SQLITE_CANTOPEN && self->read_only))
    {
      g_autofree char *reason = read_only_reason (self->file);

      if (self->read_only)
        /* reading needs the -shm file of a WAL database (SQLite cannot
         * open one it cannot create), or to roll back the -journal of a
         * write that was cut short */
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                     _("%s: cannot read the database: SQLite needs to write its -shm or "
                       "-journal file beside it, and %s"),
                     display, reason != NULL ? reason : sqlite3_errmsg (self->db));
      else
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                     _("%s: cannot write to the database: %s"),
                     display, reason != NULL ? reason : sqlite3_errmsg (self->db));
    }
  else if (code == SQLITE_NOTADB)
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                 _("%s: not a Visit Planner database: %s"), display, sqlite3_errmsg (self->db));
  else
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                 "%s: %s", display, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
vp_store_prepare (VpStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      vp_store_sqlite_error (self, error);
      return NULL;
    }

  return stmt;
}

/* The statements of the cache: one for each SQL text, and whether it is
 * taken. */
typedef struct
{
  sqlite3_stmt *stmt;
  gboolean      taken;
} Cached;

static void
cached_free (gpointer data)
{
  Cached *cached = data;

  sqlite3_finalize (cached->stmt);
  g_free (cached);
}

sqlite3_stmt *
vp_store_query (VpStore       *self,
                VpStoreQuery  *query,
                const char    *sql,
                GError       **error)
{
  Cached *cached = g_hash_table_lookup (self->statements, sql);

  g_return_val_if_fail (query->stmt == NULL, NULL);

  if (cached == NULL)
    {
      sqlite3_stmt *stmt = vp_store_prepare (self, sql, error);

      if (stmt == NULL)
        return NULL;
      cached = g_new0 (Cached, 1);
      cached->stmt = stmt;
      g_hash_table_insert (self->statements, g_strdup (sql), cached);
    }

  if (cached->taken)
    {
      /* in use further up the stack (a loader that calls itself): reusing
       * it would reset the caller's rows */
      query->stmt = vp_store_prepare (self, sql, error);
      query->taken = NULL;
    }
  else
    {
      cached->taken = TRUE;
      query->stmt = cached->stmt;
      query->taken = &cached->taken;
    }

  return query->stmt;
}

void
vp_store_query_clear (VpStoreQuery *query)
{
  if (query->stmt == NULL)
    return;

  if (query->taken != NULL)
    {
      /* a statement left mid-way would hold its read transaction open */
      sqlite3_reset (query->stmt);
      sqlite3_clear_bindings (query->stmt);
      *query->taken = FALSE;
    }
  else
    sqlite3_finalize (query->stmt);

  query->stmt = NULL;
  query->taken = NULL;
}

gboolean
vp_store_exec (VpStore     *self,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

/* Runs a statement that returns no rows, and resets it for the next use. */
gboolean
vp_store_step_done (VpStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

gboolean
vp_store_begin (VpStore  *self,
                GError  **error)
{
  /* what an earlier write left is not this one's */
  g_clear_object (&self->written);
  return vp_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
vp_store_commit (VpStore  *self,
                 GError  **error)
{
  if (!vp_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
vp_store_rollback (VpStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
vp_store_read_data_version (VpStore *self)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, "PRAGMA data_version", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

/* Rows {{{1 */

/* Every row is read with the columns of its table (vp-store-columns.c),
 * by the same function for the whole programme and for one row. */

static const VpColumnTable *
table_of (VpEntity entity)
{
  return vp_column_table_get ((VpColumnTableId)entity);
}

/* SELECT of @entity's rows and what is not a column of theirs (a
 * session's host's ref, a participant's organisation's ref and name, after
 * its columns), then @clause. */
static char *
rows_sql (VpEntity    entity,
          const char *clause)
{
  const VpColumnTable *table = table_of (entity);

  if (entity == VP_ENTITY_SESSION)
    return g_strdup_printf ("SELECT %s, h.ref FROM sessions s "
                            "LEFT JOIN hosts h ON h.id = s.host_id %s",
                            table->select, clause);
  if (entity == VP_ENTITY_PARTICIPANT)
    return g_strdup_printf ("SELECT %s, o.ref, o.name FROM participants p "
                            "LEFT JOIN organisations o ON o.id = p.organisation_id %s",
                            table->select, clause);
  return g_strdup_printf ("SELECT %s FROM %s %s %s", table->select, table->name, table->alias,
                          clause);
}

/* The row @stmt is on, as the model holds it (without a participant's
 * travel or a session's attendees: they are rows of their own). */
static GObject *
row_to_object (VpEntity      entity,
               sqlite3_stmt *stmt)
{
  const VpColumnTable *table = table_of (entity);
  GObject *object = vp_column_table_read (table, stmt, 0);

  if (entity == VP_ENTITY_SESSION)
    vp_session_set_host_ref (VP_SESSION (object), column_text (stmt, (int)table->n_columns));
  else if (entity == VP_ENTITY_PARTICIPANT)
    {
      vp_participant_set_organisation_ref (VP_PARTICIPANT (object),
                                           column_text (stmt, (int)table->n_columns));
      vp_participant_set_organisation (VP_PARTICIPANT (object),
                                       column_text (stmt, (int)table->n_columns + 1));
    }
  return object;
}

/* Reads the rows of @entity that @clause selects, with ?1 bound to @id
 * and ?2 to @text (when given), into @rows; when @by_id is given, also row
 * id → object. */
static gboolean
load_rows_with (VpStore     *self,
                VpEntity     entity,
                const char  *clause,
                gint64       id,
                const char  *text,
                GPtrArray   *rows,
                GHashTable  *by_id,
                GError     **error)
{
  g_autofree char *sql = rows_sql (entity, clause);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt = vp_store_query (self, &query, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    bind_text (stmt, 2, text);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *object = row_to_object (entity, stmt);

      g_ptr_array_add (rows, object);
      if (by_id != NULL)
        g_hash_table_insert (by_id, ID_TO_KEY (sqlite3_column_int64 (stmt, 0)), object);
    }

  if (rc != SQLITE_DONE)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

static gboolean
load_rows (VpStore     *self,
           VpEntity     entity,
           const char  *clause,
           gint64       id,
           GPtrArray   *rows,
           GHashTable  *by_id,
           GError     **error)
{
  return load_rows_with (self, entity, clause, id, NULL, rows, by_id, error);
}

/* The rows that belong to another row and are read with it: a
 * participant's travel legs and stays, a session's attendees. */
typedef struct
{
  /* SELECT the owner's row id, then the child: the columns of @table, or
   * @child (of the programme's rows, and of one row) */
  const char      *owner;
  VpColumnTableId  table;
  const char      *child[2];
  /* FROM and WHERE (?1) for the programme's rows, and for one row */
  const char      *from[2];
  /* adds the child that the row of @stmt has from column @first to @owner;
   * @participants, when given, are the programme's by row id */
  void           (*add) (GObject      *owner,
                         sqlite3_stmt *stmt,
                         int           first,
                         GHashTable   *participants);
} Children;

static void
add_travel_leg (GObject      *owner,
                sqlite3_stmt *stmt,
                int           first,
                GHashTable   *participants)
{
  VpTravelLeg *leg =
    vp_column_table_read (vp_column_table_get (VP_COLUMN_TABLE_TRAVEL_LEGS), stmt, first);

  vp_participant_add_travel_leg (VP_PARTICIPANT (owner), leg);
}

static void
add_stay (GObject      *owner,
          sqlite3_stmt *stmt,
          int           first,
          GHashTable   *participants)
{
  VpStay *stay = vp_column_table_read (vp_column_table_get (VP_COLUMN_TABLE_STAYS), stmt, first);

  vp_participant_add_stay (VP_PARTICIPANT (owner), stay);
}

static void
add_evidence (GObject      *owner,
              sqlite3_stmt *stmt,
              int           first,
              GHashTable   *participants)
{
  VpEvidence *evidence =
    vp_column_table_read (vp_column_table_get (VP_COLUMN_TABLE_EVIDENCE), stmt, first);

  vp_organisation_add_evidence (VP_ORGANISATION (owner), evidence);
}

/* An attendee is named by the participant's ref: looked up among the
 * programme's participants when they are loaded (a join costs as much as
 * the rest of the attendances), else read. */
static void
add_attendee (GObject      *owner,
              sqlite3_stmt *stmt,
              int           first,
              GHashTable   *participants)
{
  VpParticipant *participant = NULL;

  if (participants == NULL)
    {
      vp_session_add_attendee (VP_SESSION (owner), column_text (stmt, first));
      return;
    }

  participant = g_hash_table_lookup (participants, ID_TO_KEY (sqlite3_column_int64 (stmt, first)));
  if (participant != NULL)
    vp_session_add_attendee (VP_SESSION (owner), vp_participant_get_ref (participant));
}

enum { OF_PROGRAMME, OF_ROW };

static const Children travel_legs = {
  "t.participant_id", VP_COLUMN_TABLE_TRAVEL_LEGS, { NULL, NULL },
  { "FROM travel_legs t JOIN participants p ON p.id = t.participant_id "
    "WHERE p.programme_id = ?1 ORDER BY t.participant_id, t.position",
    "FROM travel_legs t WHERE t.participant_id = ?1 ORDER BY t.position" },
  add_travel_leg,
};

static const Children stays = {
  "y.participant_id", VP_COLUMN_TABLE_STAYS, { NULL, NULL },
  { "FROM stays y JOIN participants p ON p.id = y.participant_id "
    "WHERE p.programme_id = ?1 ORDER BY y.participant_id, y.position",
    "FROM stays y WHERE y.participant_id = ?1 ORDER BY y.position" },
  add_stay,
};

static const Children evidence = {
  "e.organisation_id", VP_COLUMN_TABLE_EVIDENCE, { NULL, NULL },
  { "FROM evidence e JOIN organisations o ON o.id = e.organisation_id "
    "WHERE o.programme_id = ?1 ORDER BY e.organisation_id, e.position",
    "FROM evidence e WHERE e.organisation_id = ?1 ORDER BY e.position" },
  add_evidence,
};

static const Children attendees = {
  "a.session_id", VP_N_COLUMN_TABLES, { "a.participant_id", "p.ref" },
  { "FROM attendances a JOIN sessions s ON s.id = a.session_id "
    "WHERE s.programme_id = ?1 ORDER BY a.session_id, a.position",
    "FROM attendances a JOIN participants p ON p.id = a.participant_id "
    "WHERE a.session_id = ?1 ORDER BY a.position" },
  add_attendee,
};

/* Reads the children of @owners (row id → object): those of the programme
 * @id's rows (OF_PROGRAMME, with its @participants by row id), or of the
 * row @id (OF_ROW). */
static gboolean
load_children (VpStore         *self,
               const Children  *children,
               int              of,
               gint64           id,
               GHashTable      *owners,
               GHashTable      *participants,
               GError         **error)
{
  const char *child = children->table < VP_N_COLUMN_TABLES
                        ? vp_column_table_get (children->table)->select
                        : children->child[of];
  g_autofree char *sql = g_strconcat ("SELECT ", children->owner, ", ", child, " ",
                                      children->from[of], NULL);
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  stmt = vp_store_query (self, &query, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GObject *owner = g_hash_table_lookup (owners, ID_TO_KEY (sqlite3_column_int64 (stmt, 0)));

      if (owner != NULL)
        children->add (owner, stmt, 1, participants);
    }

  if (rc != SQLITE_DONE)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

/* Programme list {{{1 */

static void
refresh_programmes (VpStore *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!load_rows (self, VP_ENTITY_PROGRAMME, "ORDER BY g.start_date DESC, g.id DESC", 0, items,
                  NULL, &error))
    {
      g_warning ("Cannot list programmes: %s", error->message);
      return;
    }

  /* A write of a programme's rows leaves the list as it was: its rows, and
   * the sidebar's, stay. */
  if (items->len == g_list_model_get_n_items (G_LIST_MODEL (self->programmes)))
    {
      guint same = 0;

      while (same < items->len)
        {
          g_autoptr(GObject) shown = g_list_model_get_item (G_LIST_MODEL (self->programmes), same);

          if (!vp_record_equal (shown, g_ptr_array_index (items, same)))
            break;
          same++;
        }
      if (same == items->len)
        return;
    }

  g_list_store_splice (self->programmes, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->programmes)),
                       items->pdata, items->len);
}

void
vp_store_emit_rows_changed (VpStore  *self,
                            gint64    programme_id,
                            VpEntity  entity,
                            VpChange  change,
                            GArray   *ids)
{
  g_signal_emit (self, signals[ROWS_CHANGED], 0, programme_id, entity, change, ids);
}

/* After a write of this connection (@programme_id: the programme it wrote,
 * or 0), or another's: what the change log gained, then ::changed for each
 * programme it names. */
void
vp_store_notify_changed (VpStore *self,
                         gint64   programme_id)
{
  g_autoptr(GArray) programmes = NULL;
  gboolean named = FALSE;
  gint64 version;

  self->writes++;
  /* Read before the log: a commit after this reading moves it again, and
   * the next poll reads the log once more. */
  version = vp_store_read_data_version (self);
  /* another program wrote since the last look: the row this write left
   * may not be the row as it is */
  if (version != self->data_version)
    g_clear_object (&self->written);
  self->data_version = version;
  refresh_programmes (self);
  programmes = vp_store_changes_read (self);
  g_clear_object (&self->written);

  for (guint i = 0; i < programmes->len; i++)
    {
      gint64 id = g_array_index (programmes, gint64, i);

      named |= id == programme_id;
      g_signal_emit (self, signals[CHANGED], 0, id);
    }
  if (!named && (programme_id != 0 || programmes->len == 0))
    g_signal_emit (self, signals[CHANGED], 0, programme_id);
}

/* Opening {{{1 */

/* A database argument is a file path: one that can only name a folder is
 * refused before anything is created. */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *base = NULL;

  if (path == NULL || path[0] == '\0')
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("no database file was given: the path is empty"));
      return FALSE;
    }

  display = g_filename_display_name (path);
  base = g_path_get_basename (path);
  if (G_IS_DIR_SEPARATOR (path[strlen (path) - 1]) ||
      g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: names a folder, not a database file"), display);
      return FALSE;
    }

  return TRUE;
}

/* The database holds personal data: its folder and file are the owner's
 * alone, from the first byte. */
static gboolean
prepare_file (const char  *path,
              const char  *file,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  if (g_stat (file, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                       _("%s: names a folder, not a database file"), display);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                       _("%s: not a database file"), display);
          return FALSE;
        }
      if ((st.st_mode & 0077) != 0 && st.st_uid == getuid ())
        g_chmod (file, st.st_mode & 0700);
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: cannot create the folder: %s"),
                   folder_display, g_strerror (saved_errno));
      return FALSE;
    }

  {
    int fd = g_open (file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd < 0 && errno != EEXIST)
      {
        int saved_errno = errno;

        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                     _("%s: cannot create the database: %s"),
                     display, g_strerror (saved_errno));
        return FALSE;
      }
    if (fd >= 0)
      close (fd);
  }

  return TRUE;
}

/* For a caller that only reads: an existing database that its file or
 * folder does not let this user write is opened read-only. */
static gboolean
should_open_read_only (const char *file)
{
  g_autofree char *folder = g_path_get_dirname (file);
  GStatBuf st;

  return g_stat (file, &st) == 0 && S_ISREG (st.st_mode) &&
         (g_access (file, W_OK) != 0 || g_access (folder, W_OK) != 0);
}

static int
open_read_only (VpStore *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (self->file, side_suffixes[i], NULL);
      GStatBuf st;

      if (g_lstat (side, &st) == 0)
        return sqlite3_open_v2 (self->file, &self->db, SQLITE_OPEN_READONLY, NULL);
    }

  /* SQLite reads a WAL database through its -shm file, which it cannot
   * create in a folder that cannot be written, and creates read-only (like
   * the file) in one that can, where it then stops the next program that
   * may write.  Without a -wal or -journal file beside it, the file holds
   * every committed change and no write is under way (a writer creates its
   * -wal first, and this user may not write the file): it is read as it is,
   * without locks and without creating anything.  The URI is built here
   * from the absolute path, escaped: nothing the user typed is read as
   * one. */
  uri = g_filename_to_uri (self->file, NULL, NULL);
  if (uri == NULL)
    return SQLITE_CANTOPEN;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (immutable, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* The first read: says what is wrong with a file that is busy, cannot be
 * read, or is not a database at all. */
static gboolean
probe (VpStore  *self,
       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    vp_store_prepare (self, "SELECT count(*) FROM sqlite_schema", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

static gboolean
vp_store_initable_init (GInitable     *initable,
                        GCancellable  *cancellable,
                        GError       **error)
{
  VpStore *self = VP_STORE (initable);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *backup = NULL;
  const VpMigration *steps;
  const VpSchemaColumn *columns;
  guint n_steps;
  guint n_columns;
  int rc;

  if (!check_path (self->path, error))
    return FALSE;

  display = g_filename_display_name (self->path);

  /* SQLite reads a name that begins with "file:" as a URI, and takes
   * ":memory:" and "" for databases that are not files; an absolute path
   * is none of these. */
  if (g_path_is_absolute (self->path))
    self->file = g_strdup (self->path);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();

      self->file = g_build_filename (cwd, self->path, NULL);
    }

  self->read_only = self->for_reading && should_open_read_only (self->file);

  if (self->read_only)
    rc = open_read_only (self);
  else if (!prepare_file (self->path, self->file, error))
    return FALSE;
  else
    rc = sqlite3_open_v2 (self->file, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      int saved_errno = self->db != NULL ? sqlite3_system_errno (self->db) : ENOMEM;

      /* "unable to open database file" says less than the system's reason
       * (a file only its owner may read: "Permission denied") */
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: cannot open the database: %s"), display,
                   saved_errno != 0 ? g_strerror (saved_errno) : sqlite3_errmsg (self->db));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* SQLite opens a file it may not write read-only, without a word. */
  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_autofree char *reason = read_only_reason (self->file);

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                   _("%s: cannot write to the database: %s"),
                   display, reason != NULL ? reason : _("SQLite opened it read-only"));
      return FALSE;
    }

  if (!probe (self, error))
    return FALSE;

  /* The version is checked before anything is written: a file from a newer
   * program stays exactly as it is. */
  steps = vp_store_schema_get_migrations (&n_steps);
  /* a column of the column tables that the file lacks is added with the
   * numbered steps: a plain new field needs no step of its own */
  columns = vp_column_tables_get_schema (&n_columns);
  if (self->read_only)
    {
      if (!vp_store_schema_check_with_columns (self->db, steps, n_steps, columns, n_columns,
                                               &local_error))
        {
          g_autofree char *reason = read_only_reason (self->file);

          if (local_error->code == VP_STORE_ERROR_READ_ONLY && reason != NULL)
            g_set_error (error, VP_STORE_ERROR, local_error->code,
                         "%s: %s: %s", display, local_error->message, reason);
          else
            g_set_error (error, VP_STORE_ERROR, local_error->code,
                         "%s: %s", display, local_error->message);
          return FALSE;
        }
    }
  else if (!vp_store_schema_upgrade_with_columns (self->db, self->file, steps, n_steps, columns,
                                                  n_columns, &backup, &local_error))
    {
      g_set_error (error, VP_STORE_ERROR, local_error->code, "%s: %s", display,
                   local_error->message);
      return FALSE;
    }
  if (backup != NULL)
    g_message ("Database %s updated; the old version is kept in %s", display, backup);

  if ((!self->read_only &&
       (!vp_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
        !vp_store_exec (self, "PRAGMA synchronous = FULL", error))) ||
      !vp_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  self->data_version = vp_store_read_data_version (self);
  refresh_programmes (self);
  vp_store_changes_init (self);

  return TRUE;
}

/* Durability in the background {{{1 */

/* SQLite's own checkpoint threshold, which a hook of our own replaces. */
#define AUTO_CHECKPOINT_FRAMES 1000

typedef struct _VpStoreSyncer
{
  GMutex   mutex;
  GCond    cond;
  GThread *thread;
  char    *wal_path;
  guint64  committed;   /* commits seen */
  guint64  flushed;     /* of those, the ones on the disk */
  gboolean failed;
  gboolean stopping;
} VpStoreSyncer;

/* Flushes the WAL file to the disk: fdatasync() of any descriptor of the
 * file flushes what SQLite wrote through its own (the file is there while
 * the connection that committed is open). */
static gboolean
flush_wal (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean ok = TRUE;

  if (fd < 0)
    {
      g_warning (_("%s: cannot flush the database's changes to the disk: %s"), path,
                 g_strerror (errno));
      return FALSE;
    }
  if (fdatasync (fd) != 0)
    {
      g_warning (_("%s: cannot flush the database's changes to the disk: %s"), path,
                 g_strerror (errno));
      ok = FALSE;
    }
  close (fd);
  return ok;
}

static gpointer
syncer_thread (gpointer data)
{
  VpStoreSyncer *syncer = data;

  g_mutex_lock (&syncer->mutex);
  for (;;)
    {
      guint64 target;
      gboolean ok;

      while (syncer->flushed == syncer->committed && !syncer->stopping)
        g_cond_wait (&syncer->cond, &syncer->mutex);
      if (syncer->flushed == syncer->committed)
        break;

      /* one flush for every commit made until now */
      target = syncer->committed;
      g_mutex_unlock (&syncer->mutex);
      ok = flush_wal (syncer->wal_path);
      g_mutex_lock (&syncer->mutex);
      syncer->flushed = target;
      syncer->failed |= !ok;
      g_cond_broadcast (&syncer->cond);
    }
  g_mutex_unlock (&syncer->mutex);

  return NULL;
}

/* SQLite calls it after each commit of the connection in WAL mode, the
 * write lock released. */
static int
wal_committed_cb (void       *user_data,
                  sqlite3    *db,
                  const char *name,
                  int         n_frames)
{
  VpStoreSyncer *syncer = user_data;

  /* what SQLite's default hook does, which this one replaces */
  if (n_frames >= AUTO_CHECKPOINT_FRAMES)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  g_mutex_lock (&syncer->mutex);
  syncer->committed++;
  g_cond_signal (&syncer->cond);
  g_mutex_unlock (&syncer->mutex);

  return SQLITE_OK;
}

void
vp_store_sync_in_background (VpStore *self)
{
  VpStoreSyncer *syncer;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VP_IS_STORE (self));

  if (self->read_only || self->syncer != NULL)
    return;

  syncer = g_new0 (VpStoreSyncer, 1);
  g_mutex_init (&syncer->mutex);
  g_cond_init (&syncer->cond);
  /* SQLite's own name of it: the database's path with links resolved */
  syncer->wal_path = g_strdup (sqlite3_filename_wal (sqlite3_db_filename (self->db, "main")));
  syncer->thread = g_thread_new ("vp-store-sync", syncer_thread, syncer);
  self->syncer = syncer;

  /* what a commit leaves is flushed by the thread, not waited for */
  sqlite3_wal_hook (self->db, wal_committed_cb, syncer);
  if (!vp_store_exec (self, "PRAGMA synchronous = NORMAL", &error))
    g_warning ("%s", error->message);
}

gboolean
vp_store_wait_for_disk (VpStore *self)
{
  VpStoreSyncer *syncer;
  gboolean ok;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);

  syncer = self->syncer;
  if (syncer == NULL)
    return TRUE;

  g_mutex_lock (&syncer->mutex);
  while (syncer->flushed != syncer->committed)
    g_cond_wait (&syncer->cond, &syncer->mutex);
  ok = !syncer->failed;
  syncer->failed = FALSE;
  g_mutex_unlock (&syncer->mutex);

  return ok;
}

/* Flushes what is left and ends the thread. */
static void
syncer_free (VpStoreSyncer *syncer)
{
  g_mutex_lock (&syncer->mutex);
  syncer->stopping = TRUE;
  g_cond_broadcast (&syncer->cond);
  g_mutex_unlock (&syncer->mutex);
  g_thread_join (syncer->thread);

  g_mutex_clear (&syncer->mutex);
  g_cond_clear (&syncer->cond);
  g_free (syncer->wal_path);
  g_free (syncer);
}

static void
vp_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = vp_store_initable_init;
}

static void
vp_store_finalize (GObject *object)
{
  VpStore *self = (VpStore *)object;

  g_clear_object (&self->programmes);
  g_clear_object (&self->written);
  vp_store_changes_clear (self);
  /* every statement is finalized before the connection closes, or it stays open */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* the last commits on the disk before the connection closes */
  if (self->db != NULL && self->syncer != NULL)
    sqlite3_wal_hook (self->db, NULL, NULL);
  g_clear_pointer (&self->syncer, syncer_free);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (vp_store_parent_class)->finalize (object);
}

static void
vp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VpStore *self = VP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FOR_READING:
      g_value_set_boolean (value, self->for_reading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VpStore *self = VP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_FOR_READING:
      self->for_reading = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_store_class_init (VpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_store_finalize;
  object_class->get_property = vp_store_get_property;
  object_class->set_property = vp_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The caller only reads: a database it cannot write is opened read-only. */
  properties[PROP_FOR_READING] =
    g_param_spec_boolean ("for-reading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT64, VP_TYPE_ENTITY, VP_TYPE_CHANGE, G_TYPE_ARRAY);
}

static void
vp_store_init (VpStore *self)
{
  self->programmes = g_list_store_new (VP_TYPE_PROGRAMME);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_free);
}

/* Public API {{{1 */

char *
vp_store_resolve_path (const char  *explicit_path,
                       GError     **error)
{
  const char *from_environment;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* An empty path is a mistake (an unset shell variable, say), never a
   * request for the default database. */
  if (explicit_path != NULL)
    {
      if (explicit_path[0] == '\0')
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                       _("the database path given with --database is empty"));
          return NULL;
        }
      return g_strdup (explicit_path);
    }

  from_environment = g_getenv ("VISIT_PLANNER_DATABASE");
  if (from_environment != NULL)
    {
      if (from_environment[0] == '\0')
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                       _("the environment variable VISIT_PLANNER_DATABASE is set but empty: "
                         "give it a database file, or unset it"));
          return NULL;
        }
      return g_strdup (from_environment);
    }

  return g_build_filename (g_get_user_data_dir (), "visit-planner", "visits.db", NULL);
}

VpStore *
vp_store_new (const char  *path,
              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (VP_TYPE_STORE, NULL, error, "path", path, NULL);
}

VpStore *
vp_store_new_for_reading (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (VP_TYPE_STORE, NULL, error, "path", path, "for-reading", TRUE, NULL);
}

const char *
vp_store_get_path (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  return self->path;
}

int
vp_store_get_schema_version (VpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), 0);

  stmt = vp_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  return 0;
}

GListModel *
vp_store_get_programmes (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->programmes);
}

static gboolean
is_row_id (const char *text)
{
  if (text[0] == '\0' || strlen (text) > 18)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gint64
vp_store_find_programme (VpStore     *self,
                         const char  *id_or_uid,
                         GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), 0);
  g_return_val_if_fail (id_or_uid != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* A uid may be all digits too: a uid that matches wins over a row id. */
  stmt = vp_store_query (self, &query,
                         "SELECT id FROM programmes WHERE uid = ?1 OR id = ?2 "
                         "ORDER BY uid = ?1 DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, id_or_uid);
  if (is_row_id (id_or_uid))
    sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (id_or_uid, NULL, 10));
  else
    sqlite3_bind_null (stmt, 2);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (self, error);
      return 0;
    }

  if (id == 0)
    {
      g_autofree char *shown = g_utf8_make_valid (id_or_uid, MIN (strlen (id_or_uid), 80));
      g_autofree char *display = g_filename_display_name (self->path);

      g_strdelimit (shown, "\t\r\n", ' ');
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("%s: no programme has the id or uid “%s” (see “visit-planner-cli list”)"),
                   display, shown);
    }

  return id;
}

GPtrArray *
vp_store_collect_organisation_visits (VpStore  *self,
                                      gint64    programme_id,
                                      GError  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (
    (GDestroyNotify)vp_organisation_visit_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  /* organisations with people, in programmes that were not cancelled */
  stmt = vp_store_query (self, &query,
                         "SELECT o.name, o.name_key, o.country, g.id, g.title, g.start_date "
                         "FROM organisations o JOIN programmes g ON g.id = o.programme_id "
                         "WHERE o.programme_id != ?1 AND g.status != 'cancelled' "
                         "AND EXISTS (SELECT 1 FROM participants p "
                         "            WHERE p.organisation_id = o.id) "
                         "ORDER BY g.start_date, g.id, o.position",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VpOrganisationVisit *visit = g_new0 (VpOrganisationVisit, 1);

      visit->name = g_strdup (column_text (stmt, 0));
      visit->key = g_strdup (column_text (stmt, 1));
      visit->country = g_strdup (column_text (stmt, 2));
      visit->programme_id = sqlite3_column_int64 (stmt, 3);
      visit->programme_title = g_strdup (column_text (stmt, 4));
      visit->first_day = g_strdup (column_text (stmt, 5));
      g_ptr_array_add (visits, visit);
    }
  if (rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&visits);
}

/* Loading a snapshot {{{1 */

/* Adds @rows to @snapshot, as their kind goes. */
static void
add_to_snapshot (VpSnapshot *snapshot,
                 VpEntity    entity,
                 GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);

      if (entity == VP_ENTITY_HOST)
        vp_snapshot_add_host (snapshot, row);
      else if (entity == VP_ENTITY_PARTICIPANT)
        vp_snapshot_add_participant (snapshot, row);
      else if (entity == VP_ENTITY_ORGANISATION)
        vp_snapshot_add_organisation (snapshot, row);
      else
        vp_snapshot_add_session (snapshot, row);
    }
}

/* Reads the rows of @entity in the programme, in their order, into
 * @snapshot; when @by_id is given, also row id → object. */
static gboolean
load_programme_rows (VpStore     *self,
                     VpEntity     entity,
                     gint64       programme_id,
                     VpSnapshot  *snapshot,
                     GHashTable  *by_id,
                     GError     **error)
{
  static const char * const clauses[] = {
    [VP_ENTITY_HOST] = "WHERE h.programme_id = ?1 ORDER BY h.position, h.id",
    [VP_ENTITY_PARTICIPANT] = "WHERE p.programme_id = ?1 ORDER BY p.position, p.id",
    [VP_ENTITY_SESSION] = "WHERE s.programme_id = ?1 ORDER BY s.start_utc, s.end_utc, s.uid",
    [VP_ENTITY_ORGANISATION] = "WHERE o.programme_id = ?1 ORDER BY o.position, o.id",
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (!load_rows (self, entity, clauses[entity], programme_id, rows, by_id, error))
    return FALSE;
  add_to_snapshot (snapshot, entity, rows);
  return TRUE;
}

/* The events taken out of participants' and hosts' calendars, each with
 * the item as it was. */
static gboolean
load_withdrawals (VpStore     *self,
                  gint64       programme_id,
                  const char  *uid,
                  VpSnapshot  *snapshot,
                  GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  stmt = vp_store_query (self, &query,
                         "SELECT owner, owner_ref, uid, sequence, withdrawn_at, item, title, "
                         "category, origin, destination, start_local, start_timezone, start_utc, "
                         "end_local, end_timezone, end_utc FROM withdrawals "
                         "WHERE programme_id = ?1 AND (?2 IS NULL OR uid = ?2) "
                         "ORDER BY owner, owner_ref, start_utc, uid",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  bind_text (stmt, 2, uid);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VpWithdrawal) withdrawal = vp_withdrawal_new ();
      const char *owner = column_text (stmt, 0);
      const char *item = column_text (stmt, 5);

      if (g_strcmp0 (owner, "host") == 0)
        withdrawal->owner = VP_WITHDRAWAL_HOST;
      else if (g_strcmp0 (owner, "programme") == 0)
        withdrawal->owner = VP_WITHDRAWAL_PROGRAMME;
      else
        withdrawal->owner = VP_WITHDRAWAL_PARTICIPANT;
      withdrawal->owner_ref = g_strdup (column_text (stmt, 1));
      withdrawal->uid = g_strdup (column_text (stmt, 2));
      withdrawal->sequence = sqlite3_column_int (stmt, 3);
      withdrawal->withdrawn_at = sqlite3_column_int64 (stmt, 4);

      if (g_strcmp0 (item, "travel") == 0)
        {
          VpTravelLeg *leg = vp_travel_leg_new ();

          leg->uid = g_strdup (withdrawal->uid);
          leg->reference = g_strdup (column_text (stmt, 6));
          leg->kind = column_enum (stmt, 7, VP_TYPE_TRAVEL_KIND, VP_TRAVEL_KIND_UNSET);
          leg->from = g_strdup (column_text (stmt, 8));
          leg->to = g_strdup (column_text (stmt, 9));
          leg->depart = g_strdup (column_text (stmt, 10));
          leg->depart_timezone = g_strdup (column_text (stmt, 11));
          leg->depart_utc = sqlite3_column_int64 (stmt, 12);
          leg->arrive = g_strdup (column_text (stmt, 13));
          leg->arrive_timezone = g_strdup (column_text (stmt, 14));
          leg->arrive_utc = sqlite3_column_int64 (stmt, 15);
          withdrawal->leg = leg;
        }
      else if (g_strcmp0 (item, "stay") == 0)
        {
          VpStay *stay = vp_stay_new ();

          stay->uid = g_strdup (withdrawal->uid);
          stay->name = g_strdup (column_text (stmt, 6));
          stay->address = g_strdup (column_text (stmt, 8));
          stay->check_in = g_strdup (column_text (stmt, 10));
          stay->check_out = g_strdup (column_text (stmt, 13));
          withdrawal->stay = stay;
        }
      else
        {
          VpSession *session = vp_session_new ();

          vp_session_set_uid (session, withdrawal->uid);
          vp_session_set_title (session, column_text (stmt, 6));
          vp_session_set_kind (session, column_enum (stmt, 7, VP_TYPE_SESSION_KIND,
                                                     VP_SESSION_KIND_UNSET));
          vp_session_set_location (session, column_text (stmt, 8));
          vp_session_set_start (session, column_text (stmt, 10));
          vp_session_set_timezone (session, column_text (stmt, 11));
          vp_session_set_end (session, column_text (stmt, 13));
          vp_session_set_end_timezone (session, column_text (stmt, 14));
          vp_session_set_instants (session, sqlite3_column_int64 (stmt, 12),
                                   sqlite3_column_int64 (stmt, 15));
          vp_session_set_status (session, VP_SESSION_STATUS_CANCELLED);
          vp_session_set_revision (session, withdrawal->sequence);
          vp_session_set_modified_at (session, withdrawal->withdrawn_at);
          withdrawal->session = session;
        }

      vp_snapshot_add_withdrawal (snapshot, g_steal_pointer (&withdrawal));
    }

  if (rc != SQLITE_DONE)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

/* Reads one programme whole; the caller holds a transaction, so that the
 * picture is consistent even while another connection writes. */
VpSnapshot *
vp_store_load_snapshot_locked (VpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) participants_by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) sessions_by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) organisations_by_id = g_hash_table_new (NULL, NULL);

  if (!load_rows (self, VP_ENTITY_PROGRAMME, "WHERE g.id = ?1", programme_id, programmes, NULL,
                  error))
    return NULL;
  if (programmes->len == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return NULL;
    }

  snapshot = vp_snapshot_new (g_ptr_array_index (programmes, 0));
  if (!load_programme_rows (self, VP_ENTITY_HOST, programme_id, snapshot, NULL, error) ||
      !load_programme_rows (self, VP_ENTITY_ORGANISATION, programme_id, snapshot,
                            organisations_by_id, error) ||
      !load_children (self, &evidence, OF_PROGRAMME, programme_id, organisations_by_id, NULL,
                      error) ||
      !load_programme_rows (self, VP_ENTITY_PARTICIPANT, programme_id, snapshot,
                            participants_by_id, error) ||
      !load_children (self, &travel_legs, OF_PROGRAMME, programme_id, participants_by_id, NULL,
                      error) ||
      !load_children (self, &stays, OF_PROGRAMME, programme_id, participants_by_id, NULL, error) ||
      !load_programme_rows (self, VP_ENTITY_SESSION, programme_id, snapshot, sessions_by_id,
                            error) ||
      !load_children (self, &attendees, OF_PROGRAMME, programme_id, sessions_by_id,
                      participants_by_id, error) ||
      !load_withdrawals (self, programme_id, NULL, snapshot, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

VpSnapshot *
vp_store_load_session_scope_locked (VpStore             *self,
                                    gint64               programme_id,
                                    const VpStoreScope  *scope,
                                    GError             **error)
{
  g_autoptr(GPtrArray) programmes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) sessions_by_id = g_hash_table_new (NULL, NULL);
  VpSession *session = NULL;

  if (scope->everyone)
    return vp_store_load_snapshot_locked (self, programme_id, error);

  if (!load_rows (self, VP_ENTITY_PROGRAMME, "WHERE g.id = ?1", programme_id, programmes, NULL,
                  error))
    return NULL;
  if (programmes->len == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return NULL;
    }
  snapshot = vp_snapshot_new (g_ptr_array_index (programmes, 0));

  if (!load_rows (self, VP_ENTITY_HOST, "WHERE h.programme_id = ?1 ORDER BY h.position, h.id",
                  programme_id, hosts, NULL, error))
    return NULL;
  add_to_snapshot (snapshot, VP_ENTITY_HOST, hosts);

  if (scope->session_id != 0)
    {
      if (!load_rows (self, VP_ENTITY_SESSION, "WHERE s.id = ?1", scope->session_id, sessions,
                      sessions_by_id, error) ||
          !load_children (self, &attendees, OF_ROW, scope->session_id, sessions_by_id, NULL,
                          error))
        return NULL;
      if (sessions->len > 0 &&
          vp_session_get_id (g_ptr_array_index (sessions, 0)) == scope->session_id)
        session = g_ptr_array_index (sessions, 0);
    }

  /* the participants the session and its edit name, without their journeys */
  for (guint i = 0; scope->participant_refs != NULL && i < scope->participant_refs->len; i++)
    {
      const char *ref = g_ptr_array_index (scope->participant_refs, i);

      if (vp_snapshot_lookup_participant (snapshot, ref) == NULL &&
          !load_rows_with (self, VP_ENTITY_PARTICIPANT,
                           "WHERE p.programme_id = ?1 AND p.ref = ?2", programme_id, ref,
                           participants, NULL, error))
        return NULL;
      add_to_snapshot (snapshot, VP_ENTITY_PARTICIPANT, participants);
      g_ptr_array_set_size (participants, 0);
    }
  if (session != NULL)
    {
      GPtrArray *refs = vp_session_get_attendees (session);

      for (guint i = 0; i < refs->len; i++)
        if (vp_snapshot_lookup_participant (snapshot, g_ptr_array_index (refs, i)) == NULL &&
            !load_rows_with (self, VP_ENTITY_PARTICIPANT,
                             "WHERE p.programme_id = ?1 AND p.ref = ?2", programme_id,
                             g_ptr_array_index (refs, i), participants, NULL, error))
          return NULL;
      add_to_snapshot (snapshot, VP_ENTITY_PARTICIPANT, participants);
      add_to_snapshot (snapshot, VP_ENTITY_SESSION, sessions);
    }

  if (!load_withdrawals (self, programme_id, session != NULL ? vp_session_get_uid (session) : "",
                         snapshot, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

GObject *
vp_store_load_row (VpStore   *self,
                   VpEntity   entity,
                   gint64     id,
                   GError   **error)
{
  static const char * const clauses[] = {
    [VP_ENTITY_PROGRAMME] = "WHERE g.id = ?1",
    [VP_ENTITY_HOST] = "WHERE h.id = ?1",
    [VP_ENTITY_PARTICIPANT] = "WHERE p.id = ?1",
    [VP_ENTITY_SESSION] = "WHERE s.id = ?1",
    [VP_ENTITY_ORGANISATION] = "WHERE o.id = ?1",
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) owners = g_hash_table_new (NULL, NULL);
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (entity < VP_N_ENTITIES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the row and its children as one picture, even while another
   * connection writes */
  own_transaction = sqlite3_get_autocommit (self->db);
  if (own_transaction && !vp_store_exec (self, "BEGIN", error))
    return NULL;

  ok = load_rows (self, entity, clauses[entity], id, rows, owners, error);
  if (ok && rows->len > 0 && entity == VP_ENTITY_PARTICIPANT)
    ok = load_children (self, &travel_legs, OF_ROW, id, owners, NULL, error) &&
         load_children (self, &stays, OF_ROW, id, owners, NULL, error);
  else if (ok && rows->len > 0 && entity == VP_ENTITY_SESSION)
    ok = load_children (self, &attendees, OF_ROW, id, owners, NULL, error);
  else if (ok && rows->len > 0 && entity == VP_ENTITY_ORGANISATION)
    ok = load_children (self, &evidence, OF_ROW, id, owners, NULL, error);

  if (own_transaction)
    vp_store_rollback (self);
  if (!ok || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

VpSnapshot *
vp_store_load_snapshot (VpStore  *self,
                        gint64    programme_id,
                        GError  **error)
{
  VpSnapshot *snapshot;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vp_store_exec (self, "BEGIN", error))
    return NULL;
  snapshot = vp_store_load_snapshot_locked (self, programme_id, error);
  vp_store_rollback (self);

  return snapshot;
}

gboolean
vp_store_count_programme (VpStore  *self,
                          gint64    programme_id,
                          guint    *n_hosts,
                          guint    *n_participants,
                          guint    *n_sessions,
                          GError  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = vp_store_query (self, &query,
                         "SELECT (SELECT count(*) FROM hosts WHERE programme_id = ?1), "
                         "(SELECT count(*) FROM participants WHERE programme_id = ?1), "
                         "(SELECT count(*) FROM sessions WHERE programme_id = ?1)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_hosts != NULL)
        *n_hosts = (guint)sqlite3_column_int (stmt, 0);
      if (n_participants != NULL)
        *n_participants = (guint)sqlite3_column_int (stmt, 1);
      if (n_sessions != NULL)
        *n_sessions = (guint)sqlite3_column_int (stmt, 2);
    }

  if (rc != SQLITE_ROW)
    return vp_store_sqlite_error (self, error);
  return TRUE;
}

GHashTable *
vp_store_collect_other_visits (VpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  g_autoptr(GHashTable) visits = NULL;
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = vp_store_query (self, &query,
                         "SELECT p.email, g.title FROM participants p "
                         "JOIN programmes g ON g.id = p.programme_id "
                         "WHERE p.programme_id != ? AND p.email IS NOT NULL "
                         "ORDER BY g.start_date, g.id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *email = g_utf8_casefold (column_text (stmt, 0), -1);

      if (g_hash_table_contains (visits, email))
        g_free (email);
      else
        g_hash_table_insert (visits, email, g_strdup (column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&visits);
}

gboolean
vp_store_delete_programme_locked (VpStore  *self,
                                  gint64    programme_id,
                                  GError  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  stmt = vp_store_query (self, &query, "DELETE FROM programmes WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (!vp_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
vp_store_delete_programme (VpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vp_store_delete_programme_locked (self, programme_id, error))
    return FALSE;

  vp_store_notify_changed (self, programme_id);
  return TRUE;
}

void
vp_store_poll_external_changes (VpStore *self)
{
  gint64 version;

  g_return_if_fail (VP_IS_STORE (self));

  version = vp_store_read_data_version (self);
  if (version != self->data_version)
    vp_store_notify_changed (self, 0);
}

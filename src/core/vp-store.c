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
#include "vp-store.h"
#include "vp-store-schema.h"

#define BUSY_TIMEOUT_MS 5000

/* Row ids as hash table keys and values (64-bit pointers on our platforms). */
#define ID_TO_KEY(id) ((gpointer)(gintptr)(id))
#define KEY_TO_ID(key) ((gint64)(gintptr)(key))

struct _VpStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GListStore *programmes;
  gint64      data_version;
};

static void vp_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpStore, vp_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      vp_store_initable_iface_init))

G_DEFINE_QUARK (vp-store-error-quark, vp_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* SQL helpers {{{1 */

static gboolean
set_sqlite_error (VpStore  *self,
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
  else
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                 "%s: %s", display, sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (VpStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  return stmt;
}

static gboolean
exec (VpStore     *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);
  return TRUE;
}

/* Runs a statement that returns no rows, and resets it for the next use. */
static gboolean
step_done (VpStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (!isnan (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* 0 is "not given" for counts like a capacity. */
static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GType         type,
           int           value)
{
  bind_text (stmt, index, vp_enum_to_nick (type, value));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *)sqlite3_column_text (stmt, index);
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, index);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           index,
             GType         type,
             int           fallback)
{
  int value = fallback;

  if (!vp_enum_from_nick (type, column_text (stmt, index), &value))
    return fallback;
  return value;
}

static gboolean
begin (VpStore  *self,
       GError  **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (VpStore  *self,
        GError  **error)
{
  if (!exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
rollback (VpStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gint64
read_data_version (VpStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* Programme list {{{1 */

#define PROGRAMME_COLUMNS \
  "id, uid, title, description, status, visiting_cluster, host_cluster, host_country, " \
  "timezone, start_date, end_date, coordinator_name, coordinator_email, origin_city, " \
  "origin_latitude, origin_longitude, lump_sum_eur"

static VpProgramme *
programme_from_row (sqlite3_stmt *stmt)
{
  VpProgramme *programme = vp_programme_new ();

  vp_programme_set_id (programme, sqlite3_column_int64 (stmt, 0));
  vp_programme_set_uid (programme, column_text (stmt, 1));
  vp_programme_set_title (programme, column_text (stmt, 2));
  vp_programme_set_description (programme, column_text (stmt, 3));
  vp_programme_set_status (programme, column_enum (stmt, 4, VP_TYPE_PROGRAMME_STATUS,
                                                   VP_PROGRAMME_STATUS_DRAFT));
  vp_programme_set_visiting_cluster (programme, column_text (stmt, 5));
  vp_programme_set_host_cluster (programme, column_text (stmt, 6));
  vp_programme_set_host_country (programme, column_text (stmt, 7));
  vp_programme_set_timezone (programme, column_text (stmt, 8));
  vp_programme_set_start_date (programme, column_text (stmt, 9));
  vp_programme_set_end_date (programme, column_text (stmt, 10));
  vp_programme_set_coordinator_name (programme, column_text (stmt, 11));
  vp_programme_set_coordinator_email (programme, column_text (stmt, 12));
  vp_programme_set_origin_city (programme, column_text (stmt, 13));
  vp_programme_set_origin_position (programme, column_double (stmt, 14), column_double (stmt, 15));
  vp_programme_set_lump_sum_eur (programme, column_double (stmt, 16));

  return programme;
}

static void
refresh_programmes (VpStore *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (self,
                  "SELECT " PROGRAMME_COLUMNS " FROM programmes "
                  "ORDER BY start_date DESC, id DESC",
                  &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot list programmes: %s", error->message);
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, programme_from_row (stmt));
  sqlite3_finalize (stmt);

  g_list_store_splice (self->programmes, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->programmes)),
                       items->pdata, items->len);
}

static void
notify_changed (VpStore *self,
                gint64   programme_id)
{
  self->data_version = read_data_version (self);
  refresh_programmes (self);
  g_signal_emit (self, signals[CHANGED], 0, programme_id);
}

/* Opening {{{1 */

/* The database holds personal data: its folder and file are the owner's
 * alone, from the first byte. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: cannot create the folder: %s"),
                   folder_display, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

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
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: not a database file"), display);
      return FALSE;
    }
  else if ((st.st_mode & 0077) != 0 && st.st_uid == getuid ())
    g_chmod (path, st.st_mode & 0700);

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
  guint n_steps;

  if (self->path == NULL)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED, _("no database file was given"));
      return FALSE;
    }

  display = g_filename_display_name (self->path);

  if (!prepare_file (self->path, error))
    return FALSE;

  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("%s: cannot open the database: %s"), display,
                   self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The version is checked before anything is written: a file from a newer
   * program stays exactly as it is. */
  steps = vp_store_schema_get_migrations (&n_steps);
  if (!vp_store_schema_upgrade (self->db, self->path, steps, n_steps, &backup, &local_error))
    {
      g_set_error (error, VP_STORE_ERROR, local_error->code, "%s: %s", display, local_error->message);
      return FALSE;
    }
  if (backup != NULL)
    g_message ("Database %s updated; the old version is kept in %s", display, backup);

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  self->data_version = read_data_version (self);
  refresh_programmes (self);

  return TRUE;
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
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
vp_store_init (VpStore *self)
{
  self->programmes = g_list_store_new (VP_TYPE_PROGRAMME);
}

/* Public API {{{1 */

char *
vp_store_resolve_path (const char *explicit_path)
{
  const char *from_environment;

  if (explicit_path != NULL && explicit_path[0] != '\0')
    return g_strdup (explicit_path);

  from_environment = g_getenv ("VISIT_PLANNER_DATABASE");
  if (from_environment != NULL && from_environment[0] != '\0')
    return g_strdup (from_environment);

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

const char *
vp_store_get_path (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);

  return self->path;
}

int
vp_store_get_schema_version (VpStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_return_val_if_fail (VP_IS_STORE (self), 0);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
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
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_STORE (self), 0);
  g_return_val_if_fail (id_or_uid != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* A uid may be all digits too: a uid that matches wins over a row id. */
  stmt = prepare (self,
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

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

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

/* Loading a snapshot {{{1 */

static gboolean
load_hosts (VpStore     *self,
            gint64       programme_id,
            VpSnapshot  *snapshot,
            GHashTable  *refs,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT id, ref, name, kind, contact_name, contact_email, phone, address, "
                  "city, country, latitude, longitude, max_group_size, notes "
                  "FROM hosts WHERE programme_id = ? ORDER BY position, id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VpHost) host = vp_host_new ();

      vp_host_set_id (host, sqlite3_column_int64 (stmt, 0));
      vp_host_set_ref (host, column_text (stmt, 1));
      vp_host_set_name (host, column_text (stmt, 2));
      vp_host_set_kind (host, column_enum (stmt, 3, VP_TYPE_HOST_KIND, VP_HOST_KIND_UNSET));
      vp_host_set_contact_name (host, column_text (stmt, 4));
      vp_host_set_contact_email (host, column_text (stmt, 5));
      vp_host_set_phone (host, column_text (stmt, 6));
      vp_host_set_address (host, column_text (stmt, 7));
      vp_host_set_city (host, column_text (stmt, 8));
      vp_host_set_country (host, column_text (stmt, 9));
      vp_host_set_position (host, column_double (stmt, 10), column_double (stmt, 11));
      vp_host_set_max_group_size (host, sqlite3_column_int (stmt, 12));
      vp_host_set_notes (host, column_text (stmt, 13));

      vp_snapshot_add_host (snapshot, host);
      g_hash_table_insert (refs, ID_TO_KEY (vp_host_get_id (host)), host);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);
  return TRUE;
}

static gboolean
load_participants (VpStore     *self,
                   gint64       programme_id,
                   VpSnapshot  *snapshot,
                   GHashTable  *by_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT id, ref, name, email, organisation, phone, country, role, dietary, "
                  "accessibility, emergency_contact, notes "
                  "FROM participants WHERE programme_id = ? ORDER BY position, id",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VpParticipant) participant = vp_participant_new ();

      vp_participant_set_id (participant, sqlite3_column_int64 (stmt, 0));
      vp_participant_set_ref (participant, column_text (stmt, 1));
      vp_participant_set_name (participant, column_text (stmt, 2));
      vp_participant_set_email (participant, column_text (stmt, 3));
      vp_participant_set_organisation (participant, column_text (stmt, 4));
      vp_participant_set_phone (participant, column_text (stmt, 5));
      vp_participant_set_country (participant, column_text (stmt, 6));
      vp_participant_set_role (participant, column_enum (stmt, 7, VP_TYPE_PARTICIPANT_ROLE,
                                                         VP_PARTICIPANT_ROLE_UNSET));
      vp_participant_set_dietary (participant, column_text (stmt, 8));
      vp_participant_set_accessibility (participant, column_text (stmt, 9));
      vp_participant_set_emergency_contact (participant, column_text (stmt, 10));
      vp_participant_set_notes (participant, column_text (stmt, 11));

      vp_snapshot_add_participant (snapshot, participant);
      g_hash_table_insert (by_id, ID_TO_KEY (vp_participant_get_id (participant)),
                           participant);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  stmt = prepare (self,
                  "SELECT t.participant_id, t.kind, t.reference, t.origin, t.destination, "
                  "t.depart, t.depart_timezone, t.depart_utc, t.arrive, t.arrive_timezone, "
                  "t.arrive_utc "
                  "FROM travel_legs t JOIN participants p ON p.id = t.participant_id "
                  "WHERE p.programme_id = ? ORDER BY t.participant_id, t.position",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VpParticipant *participant = g_hash_table_lookup (by_id, ID_TO_KEY (sqlite3_column_int64 (stmt, 0)));
      VpTravelLeg *leg = vp_travel_leg_new ();

      leg->kind = column_enum (stmt, 1, VP_TYPE_TRAVEL_KIND, VP_TRAVEL_KIND_UNSET);
      leg->reference = g_strdup (column_text (stmt, 2));
      leg->from = g_strdup (column_text (stmt, 3));
      leg->to = g_strdup (column_text (stmt, 4));
      leg->depart = g_strdup (column_text (stmt, 5));
      leg->depart_timezone = g_strdup (column_text (stmt, 6));
      leg->depart_utc = sqlite3_column_int64 (stmt, 7);
      leg->arrive = g_strdup (column_text (stmt, 8));
      leg->arrive_timezone = g_strdup (column_text (stmt, 9));
      leg->arrive_utc = sqlite3_column_int64 (stmt, 10);
      vp_participant_add_travel_leg (participant, leg);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  stmt = prepare (self,
                  "SELECT s.participant_id, s.name, s.address, s.check_in, s.check_out "
                  "FROM stays s JOIN participants p ON p.id = s.participant_id "
                  "WHERE p.programme_id = ? ORDER BY s.participant_id, s.position",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VpParticipant *participant = g_hash_table_lookup (by_id, ID_TO_KEY (sqlite3_column_int64 (stmt, 0)));
      VpStay *stay = vp_stay_new ();

      stay->name = g_strdup (column_text (stmt, 1));
      stay->address = g_strdup (column_text (stmt, 2));
      stay->check_in = g_strdup (column_text (stmt, 3));
      stay->check_out = g_strdup (column_text (stmt, 4));
      vp_participant_add_stay (participant, stay);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  return TRUE;
}

static gboolean
load_sessions (VpStore     *self,
               gint64       programme_id,
               VpSnapshot  *snapshot,
               GHashTable  *participants_by_id,
               GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT s.id, s.ref, s.uid, s.revision, s.title, s.kind, s.start_local, "
                  "s.end_local, s.timezone, s.end_timezone, s.start_utc, s.end_utc, h.ref, "
                  "s.location, s.description, s.status, s.attendees_all, s.capacity, "
                  "s.modified_at "
                  "FROM sessions s LEFT JOIN hosts h ON h.id = s.host_id "
                  "WHERE s.programme_id = ? ORDER BY s.start_utc, s.end_utc, s.uid",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VpSession) session = vp_session_new ();

      vp_session_set_id (session, sqlite3_column_int64 (stmt, 0));
      vp_session_set_ref (session, column_text (stmt, 1));
      vp_session_set_uid (session, column_text (stmt, 2));
      vp_session_set_revision (session, sqlite3_column_int (stmt, 3));
      vp_session_set_title (session, column_text (stmt, 4));
      vp_session_set_kind (session, column_enum (stmt, 5, VP_TYPE_SESSION_KIND,
                                                 VP_SESSION_KIND_UNSET));
      vp_session_set_start (session, column_text (stmt, 6));
      vp_session_set_end (session, column_text (stmt, 7));
      vp_session_set_timezone (session, column_text (stmt, 8));
      vp_session_set_end_timezone (session, column_text (stmt, 9));
      vp_session_set_instants (session, sqlite3_column_int64 (stmt, 10),
                               sqlite3_column_int64 (stmt, 11));
      vp_session_set_host_ref (session, column_text (stmt, 12));
      vp_session_set_location (session, column_text (stmt, 13));
      vp_session_set_description (session, column_text (stmt, 14));
      vp_session_set_status (session, column_enum (stmt, 15, VP_TYPE_SESSION_STATUS,
                                                   VP_SESSION_STATUS_CONFIRMED));
      vp_session_set_attendees_all (session, sqlite3_column_int (stmt, 16) != 0);
      vp_session_set_capacity (session, sqlite3_column_int (stmt, 17));
      vp_session_set_modified_at (session, sqlite3_column_int64 (stmt, 18));

      vp_snapshot_add_session (snapshot, session);
      g_hash_table_insert (by_id, ID_TO_KEY (vp_session_get_id (session)), session);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  stmt = prepare (self,
                  "SELECT a.session_id, a.participant_id FROM attendances a "
                  "JOIN sessions s ON s.id = a.session_id "
                  "WHERE s.programme_id = ? ORDER BY a.session_id, a.position",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VpSession *session = g_hash_table_lookup (by_id, ID_TO_KEY (sqlite3_column_int64 (stmt, 0)));
      VpParticipant *participant = g_hash_table_lookup (participants_by_id, ID_TO_KEY (sqlite3_column_int64 (stmt, 1)));

      if (session != NULL && participant != NULL)
        vp_session_add_attendee (session, vp_participant_get_ref (participant));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);

  return TRUE;
}

/* Reads one programme whole; the caller holds a transaction, so that the
 * picture is consistent even while another connection writes. */
static VpSnapshot *
load_snapshot (VpStore  *self,
               gint64    programme_id,
               GError  **error)
{
  g_autoptr(VpProgramme) programme = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) hosts_by_id = NULL;
  g_autoptr(GHashTable) participants_by_id = NULL;
  sqlite3_stmt *stmt;

  stmt = prepare (self, "SELECT " PROGRAMME_COLUMNS " FROM programmes WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    programme = programme_from_row (stmt);
  sqlite3_finalize (stmt);

  if (programme == NULL)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return NULL;
    }

  snapshot = vp_snapshot_new (programme);
  hosts_by_id = g_hash_table_new (NULL, NULL);
  participants_by_id = g_hash_table_new (NULL, NULL);

  if (!load_hosts (self, programme_id, snapshot, hosts_by_id, error) ||
      !load_participants (self, programme_id, snapshot, participants_by_id, error) ||
      !load_sessions (self, programme_id, snapshot, participants_by_id, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

VpSnapshot *
vp_store_load_snapshot (VpStore  *self,
                        gint64    programme_id,
                        GError  **error)
{
  VpSnapshot *snapshot;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!exec (self, "BEGIN", error))
    return NULL;
  snapshot = load_snapshot (self, programme_id, error);
  rollback (self);

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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (self,
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
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return set_sqlite_error (self, error);
  return TRUE;
}

GHashTable *
vp_store_collect_other_visits (VpStore  *self,
                               gint64    programme_id,
                               GError  **error)
{
  g_autoptr(GHashTable) visits = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
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
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&visits);
}

/* Writing a snapshot {{{1 */

typedef struct
{
  sqlite3_stmt *insert_host;
  sqlite3_stmt *insert_participant;
  sqlite3_stmt *insert_leg;
  sqlite3_stmt *insert_stay;
  sqlite3_stmt *insert_session;
  sqlite3_stmt *update_session;
  sqlite3_stmt *insert_attendance;
  sqlite3_stmt *delete_attendances;
} Statements;

static void
statements_clear (Statements *statements)
{
  g_clear_pointer (&statements->insert_host, sqlite3_finalize);
  g_clear_pointer (&statements->insert_participant, sqlite3_finalize);
  g_clear_pointer (&statements->insert_leg, sqlite3_finalize);
  g_clear_pointer (&statements->insert_stay, sqlite3_finalize);
  g_clear_pointer (&statements->insert_session, sqlite3_finalize);
  g_clear_pointer (&statements->update_session, sqlite3_finalize);
  g_clear_pointer (&statements->insert_attendance, sqlite3_finalize);
  g_clear_pointer (&statements->delete_attendances, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

#define SESSION_FIELDS \
  "ref, uid, revision, title, kind, start_local, end_local, timezone, end_timezone, " \
  "start_utc, end_utc, host_id, location, description, status, attendees_all, capacity, " \
  "modified_at"

static gboolean
statements_prepare (VpStore     *self,
                    Statements  *statements,
                    GError     **error)
{
  statements->insert_host =
    prepare (self,
             "INSERT INTO hosts (programme_id, ref, position, name, kind, contact_name, "
             "contact_email, phone, address, city, country, latitude, longitude, "
             "max_group_size, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_host == NULL)
    return FALSE;

  statements->insert_participant =
    prepare (self,
             "INSERT INTO participants (programme_id, ref, position, name, email, "
             "organisation, phone, country, role, dietary, accessibility, emergency_contact, "
             "notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_participant == NULL)
    return FALSE;

  statements->insert_leg =
    prepare (self,
             "INSERT INTO travel_legs (participant_id, position, kind, reference, origin, "
             "destination, depart, depart_timezone, depart_utc, arrive, arrive_timezone, "
             "arrive_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_leg == NULL)
    return FALSE;

  statements->insert_stay =
    prepare (self,
             "INSERT INTO stays (participant_id, position, name, address, check_in, "
             "check_out) VALUES (?,?,?,?,?,?)",
             error);
  if (statements->insert_stay == NULL)
    return FALSE;

  statements->insert_session =
    prepare (self,
             "INSERT INTO sessions (" SESSION_FIELDS ", programme_id) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
             error);
  if (statements->insert_session == NULL)
    return FALSE;

  statements->update_session =
    prepare (self,
             "UPDATE sessions SET (" SESSION_FIELDS ") = "
             "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?",
             error);
  if (statements->update_session == NULL)
    return FALSE;

  statements->insert_attendance =
    prepare (self,
             "INSERT INTO attendances (session_id, participant_id, position) VALUES (?,?,?)",
             error);
  if (statements->insert_attendance == NULL)
    return FALSE;

  statements->delete_attendances =
    prepare (self, "DELETE FROM attendances WHERE session_id = ?", error);

  return statements->delete_attendances != NULL;
}

/* Binds the programme's fields to ?1 … ?18 of @stmt. */
static void
bind_programme (sqlite3_stmt *stmt,
                VpProgramme  *programme,
                gint64        now)
{
  bind_text (stmt, 1, vp_programme_get_uid (programme));
  bind_text (stmt, 2, vp_programme_get_title (programme));
  bind_text (stmt, 3, vp_programme_get_description (programme));
  bind_enum (stmt, 4, VP_TYPE_PROGRAMME_STATUS, vp_programme_get_status (programme));
  bind_text (stmt, 5, vp_programme_get_visiting_cluster (programme));
  bind_text (stmt, 6, vp_programme_get_host_cluster (programme));
  bind_text (stmt, 7, vp_programme_get_host_country (programme));
  bind_text (stmt, 8, vp_programme_get_timezone (programme));
  bind_text (stmt, 9, vp_programme_get_start_date (programme));
  bind_text (stmt, 10, vp_programme_get_end_date (programme));
  bind_text (stmt, 11, vp_programme_get_coordinator_name (programme));
  bind_text (stmt, 12, vp_programme_get_coordinator_email (programme));
  bind_text (stmt, 13, vp_programme_get_origin_city (programme));
  bind_double (stmt, 14, vp_programme_get_origin_latitude (programme));
  bind_double (stmt, 15, vp_programme_get_origin_longitude (programme));
  bind_double (stmt, 16, vp_programme_get_lump_sum_eur (programme));
  sqlite3_bind_int64 (stmt, 17, now);
}

static gint64
write_programme (VpStore      *self,
                 VpProgramme  *programme,
                 gint64        existing_id,
                 gint64        now,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  if (existing_id == 0)
    stmt = prepare (self,
                    "INSERT INTO programmes (uid, title, description, status, visiting_cluster, "
                    "host_cluster, host_country, timezone, start_date, end_date, "
                    "coordinator_name, coordinator_email, origin_city, origin_latitude, "
                    "origin_longitude, lump_sum_eur, created_at, modified_at) "
                    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?17)",
                    error);
  else
    stmt = prepare (self,
                    "UPDATE programmes SET (uid, title, description, status, visiting_cluster, "
                    "host_cluster, host_country, timezone, start_date, end_date, "
                    "coordinator_name, coordinator_email, origin_city, origin_latitude, "
                    "origin_longitude, lump_sum_eur, modified_at) = "
                    "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17) WHERE id = ?18",
                    error);
  if (stmt == NULL)
    return 0;

  bind_programme (stmt, programme, now);
  if (existing_id != 0)
    sqlite3_bind_int64 (stmt, 18, existing_id);

  if (!step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return 0;
    }
  sqlite3_finalize (stmt);

  return existing_id != 0 ? existing_id : sqlite3_last_insert_rowid (self->db);
}

static gboolean
write_hosts (VpStore     *self,
             Statements  *statements,
             gint64       programme_id,
             VpSnapshot  *snapshot,
             GHashTable  *host_ids,
             GError     **error)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  sqlite3_stmt *stmt = statements->insert_host;

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);

      sqlite3_bind_int64 (stmt, 1, programme_id);
      bind_text (stmt, 2, vp_host_get_ref (host));
      sqlite3_bind_int (stmt, 3, (int)i);
      bind_text (stmt, 4, vp_host_get_name (host));
      bind_enum (stmt, 5, VP_TYPE_HOST_KIND, vp_host_get_kind (host));
      bind_text (stmt, 6, vp_host_get_contact_name (host));
      bind_text (stmt, 7, vp_host_get_contact_email (host));
      bind_text (stmt, 8, vp_host_get_phone (host));
      bind_text (stmt, 9, vp_host_get_address (host));
      bind_text (stmt, 10, vp_host_get_city (host));
      bind_text (stmt, 11, vp_host_get_country (host));
      bind_double (stmt, 12, vp_host_get_latitude (host));
      bind_double (stmt, 13, vp_host_get_longitude (host));
      bind_count (stmt, 14, vp_host_get_max_group_size (host));
      bind_text (stmt, 15, vp_host_get_notes (host));

      if (!step_done (self, stmt, error))
        return FALSE;

      g_hash_table_insert (host_ids, (gpointer)vp_host_get_ref (host),
                           ID_TO_KEY (sqlite3_last_insert_rowid (self->db)));
    }

  return TRUE;
}

static gboolean
write_participants (VpStore     *self,
                    Statements  *statements,
                    gint64       programme_id,
                    VpSnapshot  *snapshot,
                    GHashTable  *participant_ids,
                    GError     **error)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  sqlite3_stmt *stmt = statements->insert_participant;

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      GPtrArray *travel = vp_participant_get_travel (participant);
      GPtrArray *stays = vp_participant_get_accommodation (participant);
      gint64 participant_id;

      sqlite3_bind_int64 (stmt, 1, programme_id);
      bind_text (stmt, 2, vp_participant_get_ref (participant));
      sqlite3_bind_int (stmt, 3, (int)i);
      bind_text (stmt, 4, vp_participant_get_name (participant));
      bind_text (stmt, 5, vp_participant_get_email (participant));
      bind_text (stmt, 6, vp_participant_get_organisation (participant));
      bind_text (stmt, 7, vp_participant_get_phone (participant));
      bind_text (stmt, 8, vp_participant_get_country (participant));
      bind_enum (stmt, 9, VP_TYPE_PARTICIPANT_ROLE, vp_participant_get_role (participant));
      bind_text (stmt, 10, vp_participant_get_dietary (participant));
      bind_text (stmt, 11, vp_participant_get_accessibility (participant));
      bind_text (stmt, 12, vp_participant_get_emergency_contact (participant));
      bind_text (stmt, 13, vp_participant_get_notes (participant));

      if (!step_done (self, stmt, error))
        return FALSE;

      participant_id = sqlite3_last_insert_rowid (self->db);
      g_hash_table_insert (participant_ids, (gpointer)vp_participant_get_ref (participant),
                           ID_TO_KEY (participant_id));

      for (guint j = 0; j < travel->len; j++)
        {
          VpTravelLeg *leg = g_ptr_array_index (travel, j);
          sqlite3_stmt *leg_stmt = statements->insert_leg;

          sqlite3_bind_int64 (leg_stmt, 1, participant_id);
          sqlite3_bind_int (leg_stmt, 2, (int)j);
          bind_enum (leg_stmt, 3, VP_TYPE_TRAVEL_KIND, leg->kind);
          bind_text (leg_stmt, 4, leg->reference);
          bind_text (leg_stmt, 5, leg->from);
          bind_text (leg_stmt, 6, leg->to);
          bind_text (leg_stmt, 7, leg->depart);
          bind_text (leg_stmt, 8, leg->depart_timezone);
          sqlite3_bind_int64 (leg_stmt, 9, leg->depart_utc);
          bind_text (leg_stmt, 10, leg->arrive);
          bind_text (leg_stmt, 11, leg->arrive_timezone);
          sqlite3_bind_int64 (leg_stmt, 12, leg->arrive_utc);

          if (!step_done (self, leg_stmt, error))
            return FALSE;
        }

      for (guint j = 0; j < stays->len; j++)
        {
          VpStay *stay = g_ptr_array_index (stays, j);
          sqlite3_stmt *stay_stmt = statements->insert_stay;

          sqlite3_bind_int64 (stay_stmt, 1, participant_id);
          sqlite3_bind_int (stay_stmt, 2, (int)j);
          bind_text (stay_stmt, 3, stay->name);
          bind_text (stay_stmt, 4, stay->address);
          bind_text (stay_stmt, 5, stay->check_in);
          bind_text (stay_stmt, 6, stay->check_out);

          if (!step_done (self, stay_stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Binds @session to the first 18 parameters of an insert or update. */
static void
bind_session (sqlite3_stmt *stmt,
              VpSession    *session,
              const char   *ref,
              int           revision,
              gint64        host_id,
              gint64        modified_at)
{
  bind_text (stmt, 1, ref);
  bind_text (stmt, 2, vp_session_get_uid (session));
  sqlite3_bind_int (stmt, 3, revision);
  bind_text (stmt, 4, vp_session_get_title (session));
  bind_enum (stmt, 5, VP_TYPE_SESSION_KIND, vp_session_get_kind (session));
  bind_text (stmt, 6, vp_session_get_start (session));
  bind_text (stmt, 7, vp_session_get_end (session));
  bind_text (stmt, 8, vp_session_get_timezone (session));
  bind_text (stmt, 9, vp_session_get_end_timezone (session));
  sqlite3_bind_int64 (stmt, 10, vp_session_get_start_utc (session));
  sqlite3_bind_int64 (stmt, 11, vp_session_get_end_utc (session));
  if (host_id != 0)
    sqlite3_bind_int64 (stmt, 12, host_id);
  else
    sqlite3_bind_null (stmt, 12);
  bind_text (stmt, 13, vp_session_get_location (session));
  bind_text (stmt, 14, vp_session_get_description (session));
  bind_enum (stmt, 15, VP_TYPE_SESSION_STATUS, vp_session_get_status (session));
  sqlite3_bind_int (stmt, 16, vp_session_get_attendees_all (session) ? 1 : 0);
  bind_count (stmt, 17, vp_session_get_capacity (session));
  sqlite3_bind_int64 (stmt, 18, modified_at);
}

static gboolean
same_attendees (VpSession *a,
                VpSession *b)
{
  GPtrArray *list_a = vp_session_get_attendees (a);
  GPtrArray *list_b = vp_session_get_attendees (b);
  g_autoptr(GHashTable) set = NULL;

  if (vp_session_get_attendees_all (a) != vp_session_get_attendees_all (b))
    return FALSE;
  if (vp_session_get_attendees_all (a))
    return TRUE;
  if (list_a->len != list_b->len)
    return FALSE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < list_a->len; i++)
    g_hash_table_add (set, g_ptr_array_index (list_a, i));
  for (guint i = 0; i < list_b->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (list_b, i)))
      return FALSE;

  return TRUE;
}

/* Whether a participant's calendar would show the difference: the changes
 * that raise a session's revision (programme-format.md). */
static gboolean
session_changed (VpSession *old,
                 VpSession *new)
{
  return g_strcmp0 (vp_session_get_start (old), vp_session_get_start (new)) != 0 ||
         g_strcmp0 (vp_session_get_end (old), vp_session_get_end (new)) != 0 ||
         g_strcmp0 (vp_session_get_timezone (old), vp_session_get_timezone (new)) != 0 ||
         g_strcmp0 (vp_session_get_end_timezone (old), vp_session_get_end_timezone (new)) != 0 ||
         vp_session_get_start_utc (old) != vp_session_get_start_utc (new) ||
         vp_session_get_end_utc (old) != vp_session_get_end_utc (new) ||
         g_strcmp0 (vp_session_get_title (old), vp_session_get_title (new)) != 0 ||
         g_strcmp0 (vp_session_get_location (old), vp_session_get_location (new)) != 0 ||
         g_strcmp0 (vp_session_get_host_ref (old), vp_session_get_host_ref (new)) != 0 ||
         g_strcmp0 (vp_session_get_description (old), vp_session_get_description (new)) != 0 ||
         vp_session_get_status (old) != vp_session_get_status (new) ||
         !same_attendees (old, new);
}

static gboolean
write_attendances (VpStore     *self,
                   Statements  *statements,
                   gint64       session_id,
                   VpSession   *session,
                   GHashTable  *participant_ids,
                   GError     **error)
{
  GPtrArray *attendees = vp_session_get_attendees (session);
  sqlite3_stmt *stmt = statements->insert_attendance;

  if (vp_session_get_attendees_all (session))
    return TRUE;

  for (guint i = 0; i < attendees->len; i++)
    {
      const char *ref = g_ptr_array_index (attendees, i);
      gint64 participant_id = KEY_TO_ID (g_hash_table_lookup (participant_ids, ref));

      if (participant_id == 0)
        {
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("session “%s” lists an attendee “%s” who is not a participant"),
                       vp_session_get_title (session), ref);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A session that left the document keeps the people who were to attend it
 * (and so hear of its cancellation in their calendars), as far as the new
 * document still has them: participants were replaced, so match by ref. */
static gboolean
write_surviving_attendances (VpStore     *self,
                             Statements  *statements,
                             VpSession   *previous,
                             GHashTable  *participant_ids,
                             GError     **error)
{
  GPtrArray *attendees = vp_session_get_attendees (previous);
  sqlite3_stmt *stmt = statements->insert_attendance;

  if (vp_session_get_attendees_all (previous))
    return TRUE;

  for (guint i = 0; i < attendees->len; i++)
    {
      gint64 participant_id = KEY_TO_ID (g_hash_table_lookup (participant_ids,
                                                              g_ptr_array_index (attendees, i)));

      if (participant_id == 0)
        continue;

      sqlite3_bind_int64 (stmt, 1, vp_session_get_id (previous));
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* A ref for a session that left the document, free among @taken. */
static char *
free_ref (GHashTable *taken,
          gint64      session_id)
{
  char *ref = g_strdup_printf ("cancelled-%" G_GINT64_FORMAT, session_id);

  for (guint n = 2; g_hash_table_contains (taken, ref); n++)
    {
      g_free (ref);
      ref = g_strdup_printf ("cancelled-%" G_GINT64_FORMAT "-%u", session_id, n);
    }

  return ref;
}

static gboolean
write_sessions (VpStore     *self,
                Statements  *statements,
                gint64       programme_id,
                VpSnapshot  *snapshot,
                VpSnapshot  *old,
                GHashTable  *host_ids,
                GHashTable  *participant_ids,
                gint64       now,
                GError     **error)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  g_autoptr(GHashTable) taken_refs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sessions->len; i++)
    g_hash_table_add (taken_refs, (gpointer)vp_session_get_ref (g_ptr_array_index (sessions, i)));

  if (old != NULL)
    {
      sqlite3_stmt *stmt;

      /* Refs may move between sessions in the new document: park the old
       * ones out of the way of the unique index first. */
      stmt = prepare (self,
                      "UPDATE sessions SET ref = char(1) || id WHERE programme_id = ?",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      if (!step_done (self, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpSession *previous = old ? vp_snapshot_lookup_session_by_uid (old, vp_session_get_uid (session))
                                : NULL;
      const char *host_ref = vp_session_get_host_ref (session);
      gint64 host_id = 0;
      gint64 session_id;

      if (host_ref != NULL)
        {
          host_id = KEY_TO_ID (g_hash_table_lookup (host_ids, host_ref));
          if (host_id == 0)
            {
              g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                           _("session “%s” is at a host “%s” that the programme does not have"),
                           vp_session_get_title (session), host_ref);
              return FALSE;
            }
        }

      if (previous == NULL)
        {
          sqlite3_stmt *stmt = statements->insert_session;

          bind_session (stmt, session, vp_session_get_ref (session),
                        vp_session_get_revision (session), host_id, now);
          sqlite3_bind_int64 (stmt, 19, programme_id);
          if (!step_done (self, stmt, error))
            return FALSE;
          session_id = sqlite3_last_insert_rowid (self->db);
        }
      else
        {
          sqlite3_stmt *stmt = statements->update_session;
          int revision = vp_session_get_revision (previous);
          gint64 modified_at = now;

          if (session_changed (previous, session))
            revision = MAX (revision + 1, vp_session_get_revision (session));
          else
            modified_at = 0;

          session_id = vp_session_get_id (previous);
          bind_session (stmt, session, vp_session_get_ref (session), revision, host_id, modified_at);
          if (modified_at == 0)
            {
              /* unchanged for calendars: keep the stored time of the last change */
              sqlite3_stmt *keep = prepare (self, "SELECT modified_at FROM sessions WHERE id = ?",
                                            error);

              if (keep == NULL)
                return FALSE;
              sqlite3_bind_int64 (keep, 1, session_id);
              if (sqlite3_step (keep) == SQLITE_ROW)
                sqlite3_bind_int64 (stmt, 18, sqlite3_column_int64 (keep, 0));
              sqlite3_finalize (keep);
            }
          sqlite3_bind_int64 (stmt, 19, session_id);
          if (!step_done (self, stmt, error))
            return FALSE;

          sqlite3_bind_int64 (statements->delete_attendances, 1, session_id);
          if (!step_done (self, statements->delete_attendances, error))
            return FALSE;
        }

      if (!write_attendances (self, statements, session_id, session, participant_ids, error))
        return FALSE;
    }

  if (old != NULL)
    {
      GPtrArray *old_sessions = vp_snapshot_get_sessions (old);
      sqlite3_stmt *stmt;

      /* Sessions that left the document are cancelled, not deleted: the
       * participants' calendars must hear of it. */
      stmt = prepare (self,
                      "UPDATE sessions SET ref = ?1, "
                      "revision = revision + (status != 'cancelled'), "
                      "modified_at = CASE WHEN status != 'cancelled' THEN ?2 ELSE modified_at END, "
                      "status = 'cancelled', host_id = ?4 WHERE id = ?3",
                      error);
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < old_sessions->len; i++)
        {
          VpSession *previous = g_ptr_array_index (old_sessions, i);
          const char *host_ref = vp_session_get_host_ref (previous);
          g_autofree char *ref = NULL;
          gint64 host_id;

          if (vp_snapshot_lookup_session_by_uid (snapshot, vp_session_get_uid (previous)) != NULL)
            continue;

          ref = free_ref (taken_refs, vp_session_get_id (previous));
          host_id = host_ref != NULL ? KEY_TO_ID (g_hash_table_lookup (host_ids, host_ref)) : 0;
          sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, now);
          sqlite3_bind_int64 (stmt, 3, vp_session_get_id (previous));
          if (host_id != 0)
            sqlite3_bind_int64 (stmt, 4, host_id);
          else
            sqlite3_bind_null (stmt, 4);
          if (!step_done (self, stmt, error) ||
              !write_surviving_attendances (self, statements, previous, participant_ids, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      sqlite3_finalize (stmt);
    }

  return TRUE;
}

static gboolean
delete_people_and_places (VpStore     *self,
                          gint64       programme_id,
                          GError     **error)
{
  static const char * const sql[] = {
    "DELETE FROM participants WHERE programme_id = ?",
    "DELETE FROM hosts WHERE programme_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = prepare (self, sql[i], error);
      gboolean ok;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      ok = step_done (self, stmt, error);
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gint64
lookup_uid (VpStore     *self,
            const char  *uid,
            GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT id FROM programmes WHERE uid = ?", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, uid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static gboolean
import_in_transaction (VpStore             *self,
                       VpSnapshot          *snapshot,
                       VpStoreImportFlags   flags,
                       gint64              *programme_id,
                       GError             **error)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_auto(Statements) statements = { NULL, };
  g_autoptr(VpSnapshot) old = NULL;
  g_autoptr(GHashTable) host_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) participant_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 existing_id;

  existing_id = lookup_uid (self, vp_programme_get_uid (programme), error);
  if (existing_id < 0)
    return FALSE;

  if (existing_id != 0 && !(flags & VP_STORE_IMPORT_UPDATE))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS,
                   _("the programme “%s” (uid %s) is already stored as programme %lld: "
                     "import it with --update to update it"),
                   vp_programme_get_title (programme), vp_programme_get_uid (programme),
                   (long long)existing_id);
      return FALSE;
    }

  if (existing_id != 0)
    {
      old = load_snapshot (self, existing_id, error);
      if (old == NULL || !delete_people_and_places (self, existing_id, error))
        return FALSE;
    }

  *programme_id = write_programme (self, programme, existing_id, now, error);
  if (*programme_id == 0)
    return FALSE;

  return statements_prepare (self, &statements, error) &&
         write_hosts (self, &statements, *programme_id, snapshot, host_ids, error) &&
         write_participants (self, &statements, *programme_id, snapshot, participant_ids, error) &&
         write_sessions (self, &statements, *programme_id, snapshot, old, host_ids,
                         participant_ids, now, error);
}

gboolean
vp_store_import_snapshot (VpStore             *self,
                          VpSnapshot          *snapshot,
                          VpStoreImportFlags   flags,
                          gint64              *programme_id,
                          GError             **error)
{
  gint64 id = 0;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  if (!import_in_transaction (self, snapshot, flags, &id, error))
    {
      rollback (self);
      return FALSE;
    }

  if (!commit (self, error))
    return FALSE;

  notify_changed (self, id);
  if (programme_id != NULL)
    *programme_id = id;

  return TRUE;
}

gboolean
vp_store_delete_programme (VpStore  *self,
                           gint64    programme_id,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (self, "DELETE FROM programmes WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  ok = step_done (self, stmt, error);
  sqlite3_finalize (stmt);

  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("no programme has the id %lld"), (long long)programme_id);
      return FALSE;
    }

  if (ok)
    notify_changed (self, programme_id);

  return ok;
}

void
vp_store_poll_external_changes (VpStore *self)
{
  gint64 version;

  g_return_if_fail (VP_IS_STORE (self));

  version = read_data_version (self);
  if (version != self->data_version)
    notify_changed (self, 0);
}

/* vp-store-schema.c: the database schema and the steps that bring an older file up to it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vp-store-private.h"
#include "vp-store-schema.h"
#include "vp-organisation.h"
#include "vp-travel.h"

/* The next seq of the change log (migration 3). */
#define NEXT_SEQ "(SELECT coalesce (max (seq), 0) + 1 FROM changes)"

/* A row added, changed or removed: its log row gets the next seq. */
#define CHANGE_TRIGGERS(table, entity, new_programme, old_programme) \
  "CREATE TRIGGER " table "_added AFTER INSERT ON " table " BEGIN" \
  "  INSERT INTO changes (seq, programme_id, entity, row_id, added_seq)" \
  "  VALUES (" NEXT_SEQ ", " new_programme ", '" entity "', NEW.id, " NEXT_SEQ ")" \
  "  ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq," \
  "    programme_id = excluded.programme_id, added_seq = excluded.added_seq, removed = 0;" \
  "END;" \
  "CREATE TRIGGER " table "_changed AFTER UPDATE ON " table " BEGIN" \
  "  INSERT INTO changes (seq, programme_id, entity, row_id)" \
  "  VALUES (" NEXT_SEQ ", " new_programme ", '" entity "', NEW.id)" \
  "  ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq;" \
  "END;" \
  "CREATE TRIGGER " table "_removed AFTER DELETE ON " table " BEGIN" \
  "  INSERT INTO changes (seq, programme_id, entity, row_id, removed)" \
  "  VALUES (" NEXT_SEQ ", " old_programme ", '" entity "', OLD.id, 1)" \
  "  ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq, removed = 1;" \
  "END;"

/* A row of @table belongs to a row of @parent (its @key), whose log row
 * it changes: a leg or stay its participant's.  Nothing when the parent
 * is gone with it. */
#define PARENT_CHANGE(table, when, row, entity, parent, key) \
  "CREATE TRIGGER " table "_" when " AFTER " when " ON " table " BEGIN" \
  "  INSERT INTO changes (seq, programme_id, entity, row_id)" \
  "  SELECT " NEXT_SEQ ", programme_id, '" entity "', id FROM " parent \
  "  WHERE id = " row "." key \
  "  ON CONFLICT (entity, row_id) DO UPDATE SET seq = excluded.seq;" \
  "END;"

#define PARENT_TRIGGERS(table, entity, parent, key) \
  PARENT_CHANGE (table, "INSERT", "NEW", entity, parent, key) \
  PARENT_CHANGE (table, "UPDATE", "NEW", entity, parent, key) \
  PARENT_CHANGE (table, "DELETE", "OLD", entity, parent, key)

/* Local times are kept as the user typed them, with their zone; the UTC
 * instants beside them are a cache for sorting and overlap queries.
 * Enumerations are stored as the exchange format's words. */
static const VpMigration migrations[] = {
  { 1,
    "CREATE TABLE programmes ("
    "  id INTEGER PRIMARY KEY,"
    "  uid TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  description TEXT,"
    "  status TEXT NOT NULL DEFAULT 'draft',"
    "  visiting_cluster TEXT,"
    "  host_cluster TEXT,"
    "  host_country TEXT NOT NULL,"
    "  timezone TEXT NOT NULL,"
    "  start_date TEXT NOT NULL,"
    "  end_date TEXT NOT NULL,"
    "  coordinator_name TEXT,"
    "  coordinator_email TEXT,"
    "  origin_city TEXT,"
    "  origin_latitude REAL,"
    "  origin_longitude REAL,"
    "  lump_sum_eur REAL,"
    "  created_at INTEGER NOT NULL,"
    "  modified_at INTEGER NOT NULL,"
    "  CHECK (end_date >= start_date)"
    ");"
    "CREATE TABLE hosts ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  ref TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  kind TEXT,"
    "  contact_name TEXT,"
    "  contact_email TEXT,"
    "  phone TEXT,"
    "  address TEXT,"
    "  city TEXT,"
    "  country TEXT,"
    "  latitude REAL,"
    "  longitude REAL,"
    "  max_group_size INTEGER,"
    "  notes TEXT,"
    "  UNIQUE (programme_id, ref)"
    ");"
    "CREATE TABLE participants ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  ref TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  email TEXT,"
    "  organisation TEXT,"
    "  phone TEXT,"
    "  country TEXT,"
    "  role TEXT,"
    "  dietary TEXT,"
    "  accessibility TEXT,"
    "  emergency_contact TEXT,"
    "  notes TEXT,"
    "  UNIQUE (programme_id, ref)"
    ");"
    "CREATE INDEX participants_email ON participants (email COLLATE NOCASE);"
    "CREATE TABLE travel_legs ("
    "  id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT,"
    "  reference TEXT,"
    "  origin TEXT,"
    "  destination TEXT,"
    "  depart TEXT NOT NULL,"
    "  depart_timezone TEXT,"
    "  depart_utc INTEGER NOT NULL,"
    "  arrive TEXT NOT NULL,"
    "  arrive_timezone TEXT,"
    "  arrive_utc INTEGER NOT NULL"
    ");"
    "CREATE INDEX travel_legs_participant ON travel_legs (participant_id);"
    "CREATE TABLE stays ("
    "  id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  name TEXT,"
    "  address TEXT,"
    "  check_in TEXT NOT NULL,"
    "  check_out TEXT NOT NULL,"
    "  CHECK (check_out > check_in)"
    ");"
    "CREATE INDEX stays_participant ON stays (participant_id);"
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  ref TEXT NOT NULL,"
    "  uid TEXT NOT NULL,"
    "  revision INTEGER NOT NULL DEFAULT 0,"
    "  title TEXT NOT NULL,"
    "  kind TEXT,"
    "  start_local TEXT NOT NULL,"
    "  end_local TEXT NOT NULL,"
    "  timezone TEXT,"
    "  end_timezone TEXT,"
    "  start_utc INTEGER NOT NULL,"
    "  end_utc INTEGER NOT NULL,"
    "  host_id INTEGER REFERENCES hosts (id) ON DELETE SET NULL,"
    "  location TEXT,"
    "  description TEXT,"
    "  status TEXT NOT NULL DEFAULT 'confirmed',"
    "  attendees_all INTEGER NOT NULL DEFAULT 1,"
    "  capacity INTEGER,"
    "  modified_at INTEGER NOT NULL,"
    "  UNIQUE (programme_id, uid),"
    "  UNIQUE (programme_id, ref),"
    "  CHECK (end_utc > start_utc)"
    ");"
    "CREATE INDEX sessions_time ON sessions (programme_id, start_utc);"
    "CREATE INDEX sessions_host ON sessions (host_id);"
    "CREATE TABLE attendances ("
    "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  PRIMARY KEY (session_id, participant_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX attendances_participant ON attendances (participant_id);" },
  /* Travel legs and stays get an identity of their own (a calendar UID, a
   * revision for SEQUENCE, the time of their last change), and the store
   * remembers the events it took out of a participant's or a host's
   * calendar, so that their next file cancels them.  A leg or stay keeps
   * the UID its place in the list gave it until now, the one calendars
   * already hold. */
  { 2,
    "ALTER TABLE travel_legs ADD COLUMN uid TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE travel_legs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE travel_legs ADD COLUMN modified_at INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE stays ADD COLUMN uid TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE stays ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE stays ADD COLUMN modified_at INTEGER NOT NULL DEFAULT 0;"
    "UPDATE travel_legs SET"
    "  uid = vp_position_uid ("
    "    (SELECT g.uid FROM participants p JOIN programmes g ON g.id = p.programme_id"
    "     WHERE p.id = travel_legs.participant_id),"
    "    (SELECT p.ref FROM participants p WHERE p.id = travel_legs.participant_id),"
    "    'travel',"
    "    (SELECT count(*) FROM travel_legs o"
    "     WHERE o.participant_id = travel_legs.participant_id"
    "       AND (o.position < travel_legs.position"
    "            OR (o.position = travel_legs.position AND o.id < travel_legs.id)))),"
    "  modified_at = CAST(strftime ('%s', 'now') AS INTEGER);"
    "UPDATE stays SET"
    "  uid = vp_position_uid ("
    "    (SELECT g.uid FROM participants p JOIN programmes g ON g.id = p.programme_id"
    "     WHERE p.id = stays.participant_id),"
    "    (SELECT p.ref FROM participants p WHERE p.id = stays.participant_id),"
    "    'stay',"
    "    (SELECT count(*) FROM stays o"
    "     WHERE o.participant_id = stays.participant_id"
    "       AND (o.position < stays.position"
    "            OR (o.position = stays.position AND o.id < stays.id)))),"
    "  modified_at = CAST(strftime ('%s', 'now') AS INTEGER);"
    "CREATE UNIQUE INDEX travel_legs_uid ON travel_legs (participant_id, uid);"
    "CREATE UNIQUE INDEX stays_uid ON stays (participant_id, uid);"
    /* owner: 'participant' or 'host', whose ref is owner_ref, or
     * 'programme' (a session deleted, owner_ref ''); item:
     * 'session', 'travel' or 'stay', as it was: title (a session's title,
     * a leg's reference, a hotel's name), category (a session's or a leg's
     * kind), origin and destination (a leg's places; a session's location
     * or a hotel's address in origin), its times (a stay: the check-in and
     * check-out days). */
    "CREATE TABLE withdrawals ("
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  owner TEXT NOT NULL,"
    "  owner_ref TEXT NOT NULL,"
    "  uid TEXT NOT NULL,"
    "  sequence INTEGER NOT NULL,"
    "  withdrawn_at INTEGER NOT NULL,"
    "  item TEXT NOT NULL,"
    "  title TEXT,"
    "  category TEXT,"
    "  origin TEXT,"
    "  destination TEXT,"
    "  start_local TEXT NOT NULL,"
    "  start_timezone TEXT,"
    "  start_utc INTEGER NOT NULL,"
    "  end_local TEXT NOT NULL,"
    "  end_timezone TEXT,"
    "  end_utc INTEGER NOT NULL,"
    "  PRIMARY KEY (programme_id, owner, owner_ref, uid)"
    ") WITHOUT ROWID;" },
  /* The change log: what every write, by any program, did to which row, so
   * that a window shows another program's edits row by row and its own
   * without reading the programme again.  One row per programme, host,
   * participant and session ever written (entity, row_id); seq is raised
   * to above every other on each change of the row (of its travel legs,
   * stays too), so "seq > n" is all that changed since n.  Attendances
   * have no trigger (50,000 of them would double the time of an import):
   * the store writes a session's row whenever it changes who attends it.
   * added_seq is the seq at which the row was inserted; removed, whether
   * it is gone.  Rows of the log are never deleted, so seq never goes
   * back.  Written by the triggers alone. */
  { 3,
    "CREATE TABLE changes ("
    "  seq INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL,"
    "  entity TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  added_seq INTEGER NOT NULL DEFAULT 0,"
    "  removed INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (entity, row_id)"
    ");"
    CHANGE_TRIGGERS ("programmes", "programme", "NEW.id", "OLD.id")
    CHANGE_TRIGGERS ("hosts", "host", "NEW.programme_id", "OLD.programme_id")
    CHANGE_TRIGGERS ("participants", "participant", "NEW.programme_id", "OLD.programme_id")
    CHANGE_TRIGGERS ("sessions", "session", "NEW.programme_id", "OLD.programme_id")
    PARENT_TRIGGERS ("travel_legs", "participant", "participants", "participant_id")
    PARENT_TRIGGERS ("stays", "participant", "participants", "participant_id") },
  /* Organisations: the visiting organisations ClusterXChange counts and
   * pays, each participant belonging to one.  The participants'
   * organisation text becomes organisations, one per programme and name
   * key (vp_name_key: the same name however spelt), named as the first
   * participant (in the list's order) spelt it, registered in that
   * participant's country, of the kind their role suggests, and placed
   * where the programme's origin is (which the rules measured distances
   * from until now). */
  { 4,
    "CREATE TABLE organisations ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  ref TEXT NOT NULL,"
    "  uid TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  name_key TEXT NOT NULL,"
    "  kind TEXT,"
    "  country TEXT,"
    "  city TEXT,"
    "  latitude REAL,"
    "  longitude REAL,"
    "  cluster TEXT,"
    "  eccp_url TEXT,"
    "  contact_name TEXT,"
    "  contact_email TEXT,"
    "  UNIQUE (programme_id, ref),"
    "  UNIQUE (programme_id, uid)"
    ");"
    "CREATE INDEX organisations_name_key ON organisations (name_key);"
    "ALTER TABLE participants ADD COLUMN organisation_id INTEGER"
    "  REFERENCES organisations (id) ON DELETE SET NULL;"
    "CREATE INDEX participants_organisation ON participants (organisation_id);"
    "INSERT INTO organisations (programme_id, ref, uid, position, name, name_key, kind, country,"
    "                           city, latitude, longitude)"
    "  WITH keyed AS ("
    "    SELECT p.id, p.programme_id, p.position, trim (p.organisation) AS name,"
    "           vp_name_key (p.organisation) AS name_key, p.country, p.role"
    "    FROM participants p WHERE vp_name_key (p.organisation) IS NOT NULL),"
    "  firsts AS ("
    "    SELECT k.*, row_number () OVER (PARTITION BY k.programme_id, k.name_key"
    "                                    ORDER BY k.position, k.id) AS n"
    "    FROM keyed k),"
    "  numbered AS ("
    "    SELECT f.*, row_number () OVER (PARTITION BY f.programme_id"
    "                                    ORDER BY f.position, f.id) AS number"
    "    FROM firsts f WHERE f.n = 1)"
    "  SELECT u.programme_id, 'organisation-' || u.number, vp_random_uid (), u.number - 1,"
    "         u.name, u.name_key,"
    "         CASE u.role WHEN 'cluster-manager' THEN 'cluster-organisation'"
    "                     WHEN 'sme' THEN 'sme'"
    "                     WHEN 'support-organisation' THEN 'support-organisation'"
    "                     WHEN 'researcher' THEN 'research' END,"
    "         u.country, g.origin_city, g.origin_latitude, g.origin_longitude"
    "  FROM numbered u JOIN programmes g ON g.id = u.programme_id;"
    "UPDATE participants SET organisation_id ="
    "  (SELECT o.id FROM organisations o"
    "   WHERE o.programme_id = participants.programme_id"
    "     AND o.name_key = vp_name_key (participants.organisation))"
    "  WHERE organisation IS NOT NULL;"
    "ALTER TABLE participants DROP COLUMN organisation;"
    CHANGE_TRIGGERS ("organisations", "organisation", "NEW.programme_id", "OLD.programme_id") },
  /* The closing kit: what each visiting organisation's partnership needs
   * after the exchange (the items of data/cxc-rules.json), each with the
   * day it was received; an item once per organisation.  A change to it
   * is a change of its organisation, as a leg's is of its participant. */
  { 5,
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  item TEXT NOT NULL,"
    "  received TEXT NOT NULL,"
    "  UNIQUE (organisation_id, item)"
    ");"
    PARENT_TRIGGERS ("evidence", "organisation", "organisations", "organisation_id") },
  /* Personal data under consent (issue 14).  Each participant's consent:
   * the fields agreed to (VpConsentField bits: 1 dietary, 2 accessibility,
   * 4 emergency contact, 8 sharing needs with hosts, 16 appearing on lists
   * for others), when, and to which wording.  Everyone stored before
   * consent was recorded keeps what they gave as consented (whoever
   * collected it asked for it): every bit, the column's default (the store
   * writes it on every row it writes).  A programme's retention date
   * (NULL: a period after its last day).  The triggers refuse a needs or
   * emergency contact field without its consent, whatever program
   * writes. */
  { 6,
    "ALTER TABLE programmes ADD COLUMN retention_until TEXT;"
    "ALTER TABLE participants ADD COLUMN consent_fields INTEGER NOT NULL DEFAULT 31;"
    "ALTER TABLE participants ADD COLUMN consent_given TEXT;"
    "ALTER TABLE participants ADD COLUMN consent_wording TEXT;"
    "CREATE TRIGGER participants_consent_insert BEFORE INSERT ON participants"
    "  WHEN (NEW.dietary IS NOT NULL AND (NEW.consent_fields & 1) = 0)"
    "    OR (NEW.accessibility IS NOT NULL AND (NEW.consent_fields & 2) = 0)"
    "    OR (NEW.emergency_contact IS NOT NULL AND (NEW.consent_fields & 4) = 0)"
    "BEGIN SELECT RAISE (ABORT, 'personal data without consent'); END;"
    "CREATE TRIGGER participants_consent_update BEFORE UPDATE ON participants"
    "  WHEN (NEW.dietary IS NOT NULL AND (NEW.consent_fields & 1) = 0)"
    "    OR (NEW.accessibility IS NOT NULL AND (NEW.consent_fields & 2) = 0)"
    "    OR (NEW.emergency_contact IS NOT NULL AND (NEW.consent_fields & 4) = 0)"
    "BEGIN SELECT RAISE (ABORT, 'personal data without consent'); END;" },
  /* Publish targets: the CalDAV calendar homes and WebDAV folders a
   * programme's calendars are published to (never a password: the name of
   * the variable that holds it, or none and the keyring), with what the
   * last publish did; and per target, each resource it put there (its URL,
   * the ETag the server gave it, the SEQUENCE and content hash put, and
   * whether a conflict left it alone), so that a publish sends only what
   * changed and never overwrites what someone else changed on the server.
   * kind: 'caldav' or 'webdav'; last_result: 'published', 'conflicts' or
   * 'failed'.  IF NOT EXISTS: a file whose version was set back (the tests
   * make older files so) may hold them already. */
  { 7,
    "CREATE TABLE IF NOT EXISTS publish_targets ("
    "  id INTEGER PRIMARY KEY,"
    "  programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('caldav', 'webdav')),"
    "  url TEXT NOT NULL,"
    "  user TEXT,"
    "  password_env TEXT,"
    "  ca_file TEXT,"
    "  per_participant INTEGER NOT NULL DEFAULT 0,"
    "  per_host INTEGER NOT NULL DEFAULT 0,"
    "  last_at INTEGER NOT NULL DEFAULT 0,"
    "  last_result TEXT,"
    "  last_report TEXT,"
    "  UNIQUE (programme_id, name)"
    ");"
    "CREATE TABLE IF NOT EXISTS publish_resources ("
    "  target_id INTEGER NOT NULL REFERENCES publish_targets (id) ON DELETE CASCADE,"
    "  href TEXT NOT NULL,"
    "  uid TEXT NOT NULL,"
    "  etag TEXT,"
    "  sequence INTEGER NOT NULL DEFAULT 0,"
    "  hash TEXT,"
    "  conflict INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (target_id, href)"
    ") WITHOUT ROWID;" },
};

/* vp_position_uid (programme uid, participant ref, what, index): the UID a
 * travel leg or stay had before it had one of its own (migration 2). */
static void
position_uid_function (sqlite3_context  *context,
                       int               n_arguments,
                       sqlite3_value   **arguments)
{
  const char *what = (const char *)sqlite3_value_text (arguments[2]);
  g_autofree char *uid = NULL;

  if (what == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  uid = vp_travel_position_uid ((const char *)sqlite3_value_text (arguments[0]),
                                (const char *)sqlite3_value_text (arguments[1]), what,
                                (guint)sqlite3_value_int64 (arguments[3]));
  sqlite3_result_text (context, uid, -1, SQLITE_TRANSIENT);
}

/* vp_name_key (name): the key two spellings of one organisation's name
 * share (migration 4). */
static void
name_key_function (sqlite3_context  *context,
                   int               n_arguments,
                   sqlite3_value   **arguments)
{
  g_autofree char *key = vp_organisation_name_key ((const char *)sqlite3_value_text (arguments[0]));

  if (key == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, key, -1, SQLITE_TRANSIENT);
}

/* vp_random_uid (): a new uid (migration 4). */
static void
random_uid_function (sqlite3_context  *context,
                     int               n_arguments,
                     sqlite3_value   **arguments)
{
  g_autofree char *uid = g_uuid_string_random ();

  sqlite3_result_text (context, uid, -1, SQLITE_TRANSIENT);
}

const VpMigration *
vp_store_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

int
vp_store_schema_get_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

/* The file's version.  Visit Planner numbers its versions from 1 (0 is a
 * new, empty file): a negative one is another program's. */
static gboolean
read_user_version (sqlite3  *db,
                   int      *version,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("cannot read the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);

  if (*version < 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("not a Visit Planner database: its version number is %d, "
                     "and Visit Planner numbers its versions from 1"),
                   *version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_tables (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  return sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema LIMIT 1", -1, &stmt, NULL) ==
           SQLITE_OK &&
         sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("the database could not be updated: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

/* A consistent copy of the whole file, readable by its owner only. */
static gboolean
back_up (sqlite3     *db,
         const char  *path,
         int          version,
         char       **backup_path,
         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.v%d-%s.bak", path, version, stamp);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Created empty and private first: VACUUM INTO fills an empty file, and
   * the copy is never readable by others, not even for a moment. */
  for (guint attempt = 0; ; attempt++)
    {
      int fd = g_open (target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          close (fd);
          break;
        }
      if (errno != EEXIST || attempt >= 100)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (target);

          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                       _("could not write the backup %s before updating the database: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }
      g_free (target);
      target = g_strdup_printf ("%s.v%d-%s-%u.bak", path, version, stamp, attempt + 1);
    }

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_DONE)
    {
      g_autofree char *display = g_filename_display_name (target);

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("could not write the backup %s before updating the database: %s"),
                   display, sqlite3_errmsg (db));
      g_unlink (target);
      return FALSE;
    }

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&target);

  return TRUE;
}

/* FALSE, saying why, for a version this program must not touch: a newer
 * one, or a file without a version that holds another program's tables. */
static gboolean
check_version (sqlite3  *db,
               int       current,
               int       target,
               GError  **error)
{
  if (current > target)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NEWER_SCHEMA,
                   _("written by a newer version of Visit Planner (database version %d; "
                     "this version reads up to %d): it was left untouched"),
                   current, target);
      return FALSE;
    }

  if (current == 0 && has_tables (db))
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("not a Visit Planner database: it holds tables of another program"));
      return FALSE;
    }

  return TRUE;
}

/* Adds to @missing each of @columns that its table lacks; FALSE when the
 * tables cannot be read. */
static gboolean
find_missing_columns (sqlite3               *db,
                      const VpSchemaColumn  *columns,
                      guint                  n_columns,
                      GPtrArray             *missing,
                      GError               **error)
{
  g_autoptr(GHashTable) present = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (n_columns == 0)
    return TRUE;

  present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT m.name || '.' || c.name FROM sqlite_schema m "
                           "JOIN pragma_table_info (m.name) c WHERE m.type = 'table'",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (present, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("cannot read the database: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = g_strconcat (columns[i].table, ".", columns[i].column, NULL);

      if (!g_hash_table_contains (present, name))
        g_ptr_array_add (missing, (gpointer)&columns[i]);
    }
  return TRUE;
}

/* Adds each of @columns that its table lacks. */
static gboolean
add_missing_columns (sqlite3               *db,
                     const VpSchemaColumn  *columns,
                     guint                  n_columns,
                     GError               **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (!find_missing_columns (db, columns, n_columns, missing, error))
    return FALSE;

  for (guint i = 0; i < missing->len; i++)
    {
      const VpSchemaColumn *column = g_ptr_array_index (missing, i);
      /* names from the program's own tables, never from the file */
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE \"%s\" ADD COLUMN \"%s\" %s",
                                              column->table, column->column, column->type);

      if (!exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
vp_store_schema_check (sqlite3            *db,
                       const VpMigration  *steps,
                       guint               n_steps,
                       GError            **error)
{
  return vp_store_schema_check_with_columns (db, steps, n_steps, NULL, 0, error);
}

gboolean
vp_store_schema_check_with_columns (sqlite3               *db,
                                    const VpMigration     *steps,
                                    guint                  n_steps,
                                    const VpSchemaColumn  *columns,
                                    guint                  n_columns,
                                    GError               **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  int current;
  int target;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (n_steps > 0, FALSE);

  target = steps[n_steps - 1].version;
  if (!read_user_version (db, &current, error) ||
      !check_version (db, current, target, error))
    return FALSE;

  if (current == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                   _("the database is new and empty, and setting it up needs writing to it"));
      return FALSE;
    }

  if (current < target)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                   _("the database must be updated from version %d to version %d "
                     "before this version of Visit Planner can read it, "
                     "and that needs writing to it"),
                   current, target);
      return FALSE;
    }

  if (!find_missing_columns (db, columns, n_columns, missing, error))
    return FALSE;
  if (missing->len > 0)
    {
      const VpSchemaColumn *column = g_ptr_array_index (missing, 0);

      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_READ_ONLY,
                   _("the database must be updated (its table %s has no column %s) "
                     "before this version of Visit Planner can read it, "
                     "and that needs writing to it"),
                   column->table, column->column);
      return FALSE;
    }

  return TRUE;
}

gboolean
vp_store_schema_is_backup_name (const char *database_name,
                                const char *name)
{
  const char *p;

  g_return_val_if_fail (database_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* back_up()'s "<database>.v<version>-<stamp>[-<n>].bak" */
  if (!g_str_has_prefix (name, database_name))
    return FALSE;
  p = name + strlen (database_name);
  if (p[0] != '.' || p[1] != 'v' || !g_ascii_isdigit (p[2]))
    return FALSE;
  for (p += 2; g_ascii_isdigit (*p); p++)
    ;
  return *p == '-' && g_str_has_suffix (p, ".bak");
}

gboolean
vp_store_schema_upgrade (sqlite3            *db,
                         const char         *path,
                         const VpMigration  *steps,
                         guint               n_steps,
                         char              **backup_path,
                         GError            **error)
{
  return vp_store_schema_upgrade_with_columns (db, path, steps, n_steps, NULL, 0, backup_path,
                                               error);
}

gboolean
vp_store_schema_upgrade_with_columns (sqlite3               *db,
                                      const char            *path,
                                      const VpMigration     *steps,
                                      guint                  n_steps,
                                      const VpSchemaColumn  *columns,
                                      guint                  n_columns,
                                      char                 **backup_path,
                                      GError               **error)
{
  g_autofree char *set_version = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  int current;
  int target;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (n_steps > 0, FALSE);

  target = steps[n_steps - 1].version;
  if (!read_user_version (db, &current, error) ||
      !check_version (db, current, target, error))
    return FALSE;

  if (current == target)
    {
      if (!find_missing_columns (db, columns, n_columns, missing, error))
        return FALSE;
      if (missing->len == 0)
        return TRUE;
    }

  if (current > 0 && path != NULL && !back_up (db, path, current, backup_path, error))
    return FALSE;

  if (sqlite3_create_function (db, "vp_position_uid", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                               position_uid_function, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (db, "vp_name_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                               name_key_function, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (db, "vp_random_uid", 0, SQLITE_UTF8, NULL, random_uid_function,
                               NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
                   _("the database could not be updated: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another program may have migrated the file since it was first read. */
  if (!read_user_version (db, &current, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (current > target)
    {
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      return check_version (db, current, target, error);
    }

  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].version <= current)
        continue;
      if (!exec (db, steps[i].sql, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  /* after the steps: a column a step makes is not added twice */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
  if (!add_missing_columns (db, columns, n_columns, error) ||
      (current < target && !exec (db, set_version, error)) || !exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

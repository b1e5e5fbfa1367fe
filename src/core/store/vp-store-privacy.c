/* vp-store-privacy.c: consent changed, personal data purged after its retention date, a
 * person's data gathered and erased, in the database and in the copies the store makes. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vp-privacy.h"
#include "vp-store-private.h"
#include "vp-store-schema.h"

/* Erasure that erases {{{1 */

/* vp_same_email (a, b): whether two addresses are one, case aside, as the
 * snapshot finds a participant (SQLite's NOCASE folds ASCII only). */
static void
same_email_function (sqlite3_context  *context,
                     int               n_arguments,
                     sqlite3_value   **arguments)
{
  sqlite3_result_int (context,
                      vp_privacy_same_email ((const char *)sqlite3_value_text (arguments[0]),
                                             (const char *)sqlite3_value_text (arguments[1])));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED, "%s",
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* One statement of an erasure: the table it needs (an older file may lack
 * it) and the SQL, with the values bound as ?1 (an email) or ?1 (a
 * programme's uid). */
typedef struct
{
  const char *table;
  const char *sql;
} Step;

/* Runs @steps on @db for each of @values, bound to ?1, skipping those
 * whose table the file does not have (a backup of an older version). */
static gboolean
run_steps (sqlite3            *db,
           const Step         *steps,
           guint               n_steps,
           const char * const *values,
           GError            **error)
{
  if (sqlite3_create_function (db, "vp_same_email", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                               same_email_function, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint v = 0; values[v] != NULL; v++)
    for (guint i = 0; i < n_steps; i++)
      {
        g_autoptr(sqlite3_stmt) stmt = NULL;
        int rc;

        if (!has_table (db, steps[i].table))
          continue;
        rc = sqlite3_prepare_v2 (db, steps[i].sql, -1, &stmt, NULL);
        if (rc == SQLITE_OK)
          {
            sqlite3_bind_text (stmt, 1, values[v], -1, SQLITE_STATIC);
            rc = sqlite3_step (stmt);
          }
        if (rc != SQLITE_DONE)
          {
            g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED, "%s",
                         sqlite3_errmsg (db));
            return FALSE;
          }
      }

  return TRUE;
}

/* Copies @path to a new private file beside it; returns its name. */
static char *
copy_beside (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.scrub-XXXXXX", base);
  g_autofree char *copy = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize done = 0;
  int fd;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  fd = g_mkstemp_full (copy, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return NULL;
    }
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (copy);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s",
                       g_strerror (saved_errno));
          return NULL;
        }
      done += (gsize)n;
    }
  close (fd);
  return g_steal_pointer (&copy);
}

static void
sync_path (const char *path,
           gboolean    folder)
{
  int fd = g_open (path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Rewrites the backup @path without what @steps erase: a copy is cleaned
 * (deleted bytes overwritten, then the whole file rebuilt by VACUUM, with
 * no journal or temporary file on the disk) and renamed over it, so that
 * the backup is whole at every moment and no byte of the erased text is
 * left in a file the store made. */
static gboolean
rewrite_backup (const char         *path,
                const Step         *steps,
                guint               n_steps,
                const char * const *values,
                GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *copy = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  copy = copy_beside (path, &local_error);
  if (copy == NULL)
    goto fail;

  ok = sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       exec_sql (db, "PRAGMA journal_mode = MEMORY; PRAGMA temp_store = MEMORY;"
                     "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON",
                 &local_error) &&
       exec_sql (db, "BEGIN", &local_error) &&
       run_steps (db, steps, n_steps, values, &local_error) &&
       exec_sql (db, "COMMIT", &local_error) &&
       exec_sql (db, "VACUUM", &local_error);
  if (!ok && local_error == NULL)
    g_set_error (&local_error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED, "%s",
                 db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
  sqlite3_close (db);
  if (!ok)
    goto fail;

  sync_path (copy, FALSE);
  if (g_rename (copy, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      goto fail;
    }
  {
    g_autofree char *folder = g_path_get_dirname (path);

    sync_path (folder, TRUE);
  }
  return TRUE;

fail:
  if (copy != NULL)
    g_unlink (copy);
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
               _("the backup %s could not be rewritten without the erased data, so nothing "
                 "was erased: %s; move the backup away (or delete it) and erase again"),
               display, local_error->message);
  return FALSE;
}

/* The backups the store made of its database (vp-store-schema.c). */
static GPtrArray *
list_backups (VpStore *self)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = g_path_get_dirname (self->file);
  g_autofree char *name = g_path_get_basename (self->file);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *child;

  while (dir != NULL && (child = g_dir_read_name (dir)) != NULL)
    if (vp_store_schema_is_backup_name (name, child))
      g_ptr_array_add (backups, g_build_filename (folder, child, NULL));
  return backups;
}

/* Empties the write-ahead log into the database and truncates it: FALSE
 * while another connection reads or writes (a window in the middle of a
 * read); one that is only open does not stop it. */
static gboolean
truncate_log (VpStore  *self,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = vp_store_prepare (self, "PRAGMA wal_checkpoint (TRUNCATE)",
                                                   error);
  g_autofree char *display = NULL;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return vp_store_sqlite_error (self, error);
  if (sqlite3_column_int (stmt, 0) == 0)
    return TRUE;

  display = g_filename_display_name (self->path);
  g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_FAILED,
               _("%s: another program (a window of Visit Planner?) is reading or writing the "
                 "database, so its write-ahead log cannot be emptied: try again when it is done, "
                 "or close it"),
               display);
  return FALSE;
}

/* What @steps erase, gone from the database and from every file the store
 * made of it: the backups rewritten first (a backup that cannot be is an
 * error before anything else changes), then one transaction with the old
 * bytes overwritten (secure_delete), then the write-ahead log emptied and
 * the file rebuilt (VACUUM, its temporary copy in memory), its log emptied
 * again. */
static gboolean
erase_everywhere (VpStore            *self,
                  const Step         *steps,
                  guint               n_steps,
                  const char * const *values,
                  GError            **error)
{
  g_autoptr(GPtrArray) backups = list_backups (self);
  gboolean ok;

  if (!truncate_log (self, error))
    return FALSE;
  for (guint i = 0; i < backups->len; i++)
    if (!rewrite_backup (g_ptr_array_index (backups, i), steps, n_steps, values, error))
      return FALSE;

  if (!vp_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  ok = vp_store_begin (self, error) && run_steps (self->db, steps, n_steps, values, error);
  if (!ok)
    vp_store_rollback (self);
  ok = ok && vp_store_commit (self, error);
  if (ok)
    vp_store_notify_changed (self, 0);
  ok = ok && vp_store_exec (self, "PRAGMA temp_store = MEMORY", error) &&
       truncate_log (self, error) && vp_store_exec (self, "VACUUM", error) &&
       truncate_log (self, error);
  sqlite3_exec (self->db, "PRAGMA secure_delete = OFF; PRAGMA temp_store = DEFAULT", NULL, NULL,
                NULL);
  return ok;
}

/* Consent {{{1 */

gboolean
vp_store_change_consent (VpStore         *self,
                         gint64           programme_id,
                         VpParticipant   *participant,
                         VpConsentField   give,
                         VpConsentField   withdraw,
                         const char      *given_on,
                         VpConsentField  *erased,
                         GError         **error)
{
  g_autoptr(VpParticipant) changed = NULL;
  VpConsentField gone;
  gboolean ok;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail ((give & withdraw) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  changed = vp_participant_copy (participant);
  gone = vp_privacy_withdraw (changed, withdraw);
  if (give != 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      vp_participant_set_consent_fields (changed,
                                         vp_participant_get_consent_fields (changed) | give);
      vp_participant_set_consent_given (changed, given_on != NULL ? given_on : today);
    }

  /* the erased text overwritten where it lay, and out of the log */
  if (!vp_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;
  ok = vp_store_save_participant (self, programme_id, changed, participant, error);
  sqlite3_exec (self->db, "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
  if (!ok)
    return FALSE;
  if (gone != 0)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);

  if (erased != NULL)
    *erased = gone;
  return TRUE;
}

/* Purge {{{1 */

void
vp_purge_programme_free (VpPurgeProgramme *programme)
{
  if (programme == NULL)
    return;
  g_free (programme->title);
  g_free (programme->uid);
  g_free (programme->retention_until);
  g_clear_pointer (&programme->people, g_ptr_array_unref);
  g_free (programme);
}

static void
purge_person_free (VpPurgePerson *person)
{
  g_free (person->name);
  g_clear_pointer (&person->items, g_ptr_array_unref);
  g_free (person);
}

GPtrArray *
vp_store_list_purge (VpStore      *self,
                     gint64        programme_id,
                     guint         months,
                     const GDate  *today,
                     GError      **error)
{
  g_autoptr(GPtrArray) listed =
    g_ptr_array_new_with_free_func ((GDestroyNotify)vp_purge_programme_free);
  GListModel *programmes;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programmes = vp_store_get_programmes (self);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);
      g_autoptr(VpSnapshot) snapshot = NULL;
      g_autoptr(VpPurgeProgramme) entry = NULL;
      GPtrArray *people;
      GDate until;
      char day[16] = "";

      if (programme_id != 0 && vp_programme_get_id (programme) != programme_id)
        continue;
      if (vp_privacy_get_retention_date (programme, months, &until))
        g_date_strftime (day, sizeof day, "%Y-%m-%d", &until);

      if (!vp_privacy_retention_has_passed (programme, months, today))
        {
          if (programme_id == 0)
            continue;
          g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID,
                       _("the programme “%s” keeps its personal data until %s (its retention "
                         "date): nothing was purged"),
                       vp_programme_get_title (programme), day);
          return NULL;
        }

      snapshot = vp_store_load_snapshot (self, vp_programme_get_id (programme), error);
      if (snapshot == NULL)
        return NULL;

      entry = g_new0 (VpPurgeProgramme, 1);
      entry->programme_id = vp_programme_get_id (programme);
      entry->uid = g_strdup (vp_programme_get_uid (programme));
      entry->title = g_strdup (vp_programme_get_title (programme));
      entry->retention_until = g_strdup (day);
      entry->people = g_ptr_array_new_with_free_func ((GDestroyNotify)purge_person_free);
      people = vp_snapshot_get_participants (snapshot);
      for (guint j = 0; j < people->len; j++)
        {
          VpParticipant *participant = g_ptr_array_index (people, j);
          g_autoptr(GPtrArray) items = vp_privacy_list_purge (participant);
          VpPurgePerson *person;

          if (items->len == 0)
            continue;
          person = g_new0 (VpPurgePerson, 1);
          person->name = g_strdup (vp_participant_get_name (participant));
          person->items = g_steal_pointer (&items);
          g_ptr_array_add (entry->people, person);
        }
      if (entry->people->len > 0)
        g_ptr_array_add (listed, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&listed);
}

/* What purge erases of a programme's participants: emails, phones, needs,
 * emergency contacts, notes, travel references, stays, and what their
 * calendars were told of their journeys and stays (a leg's reference, a
 * hotel).  Names, organisations, countries, roles, consent records, who
 * attended what and the places and times of their journeys stay: the
 * funder's record. */
static const Step *
purge_steps (guint *n_steps)
{
  static const Step steps[] = {
    { "participants",
      "UPDATE participants SET email = NULL, phone = NULL, dietary = NULL, accessibility = NULL,"
      "  emergency_contact = NULL, notes = NULL"
      " WHERE programme_id = (SELECT id FROM programmes WHERE uid = ?1)"
      "   AND (email IS NOT NULL OR phone IS NOT NULL OR dietary IS NOT NULL"
      "        OR accessibility IS NOT NULL OR emergency_contact IS NOT NULL"
      "        OR notes IS NOT NULL)" },
    { "travel_legs",
      "UPDATE travel_legs SET reference = NULL WHERE reference IS NOT NULL AND participant_id IN"
      "  (SELECT p.id FROM participants p JOIN programmes g ON g.id = p.programme_id"
      "   WHERE g.uid = ?1)" },
    { "stays",
      "DELETE FROM stays WHERE participant_id IN"
      "  (SELECT p.id FROM participants p JOIN programmes g ON g.id = p.programme_id"
      "   WHERE g.uid = ?1)" },
    { "withdrawals",
      "DELETE FROM withdrawals WHERE owner = 'participant' AND item IN ('travel', 'stay')"
      "  AND programme_id = (SELECT id FROM programmes WHERE uid = ?1)" },
  };

  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

gboolean
vp_store_purge (VpStore    *self,
                GPtrArray  *programmes,
                GError    **error)
{
  guint n_steps;
  const Step *steps = purge_steps (&n_steps);
  g_autoptr(GPtrArray) uids = g_ptr_array_new ();

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (programmes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (programmes->len == 0)
    return TRUE;
  for (guint i = 0; i < programmes->len; i++)
    g_ptr_array_add (uids, ((VpPurgeProgramme *)g_ptr_array_index (programmes, i))->uid);
  g_ptr_array_add (uids, NULL);

  /* all in one transaction */
  return erase_everywhere (self, steps, n_steps, (const char * const *)uids->pdata, error);
}

/* A person {{{1 */

GPtrArray *
vp_store_load_person (VpStore     *self,
                      const char  *email,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *programmes;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programmes = vp_store_get_programmes (self);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);
      g_autoptr(VpSnapshot) snapshot = vp_store_load_snapshot (self,
                                                               vp_programme_get_id (programme),
                                                               error);

      if (snapshot == NULL)
        return NULL;
      if (vp_privacy_snapshot_has_person (snapshot, email))
        g_ptr_array_add (found, g_steal_pointer (&snapshot));
    }

  return g_steal_pointer (&found);
}

/* What erasing a person takes: their rows as a participant (with their
 * attendances, travel legs and stays, which go with the row, and what
 * their calendars were told), and their name and address where they are a
 * programme's coordinator or the contact of a host or an organisation. */
static const Step *
erase_person_steps (guint *n_steps)
{
  static const Step steps[] = {
    { "withdrawals",
      "DELETE FROM withdrawals WHERE owner = 'participant' AND EXISTS"
      "  (SELECT 1 FROM participants p WHERE p.programme_id = withdrawals.programme_id"
      "     AND p.ref = withdrawals.owner_ref AND vp_same_email (p.email, ?1))" },
    { "travel_legs",
      "DELETE FROM travel_legs WHERE participant_id IN"
      "  (SELECT id FROM participants WHERE vp_same_email (email, ?1))" },
    { "stays",
      "DELETE FROM stays WHERE participant_id IN"
      "  (SELECT id FROM participants WHERE vp_same_email (email, ?1))" },
    { "attendances",
      "DELETE FROM attendances WHERE participant_id IN"
      "  (SELECT id FROM participants WHERE vp_same_email (email, ?1))" },
    { "participants", "DELETE FROM participants WHERE vp_same_email (email, ?1)" },
    { "programmes",
      "UPDATE programmes SET coordinator_name = NULL, coordinator_email = NULL"
      " WHERE vp_same_email (coordinator_email, ?1)" },
    { "hosts",
      "UPDATE hosts SET contact_name = NULL, contact_email = NULL"
      " WHERE vp_same_email (contact_email, ?1)" },
    { "organisations",
      "UPDATE organisations SET contact_name = NULL, contact_email = NULL"
      " WHERE vp_same_email (contact_email, ?1)" },
  };

  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

gboolean
vp_store_erase_person (VpStore     *self,
                       const char  *email,
                       GError     **error)
{
  guint n_steps;
  const Step *steps = erase_person_steps (&n_steps);
  const char * const values[] = { email, NULL };

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return erase_everywhere (self, steps, n_steps, values, error);
}

/* vp-store-publish.c: a programme's publish targets and what each holds on its server. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-store-private.h"

#define TARGET_COLUMNS \
  "id, programme_id, name, kind, url, user, password_env, ca_file, per_participant, " \
  "per_host, last_at, last_result, last_report"

static char *
column_dup (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (column_text (stmt, index));
}

static VpPublishTarget *
read_target (sqlite3_stmt *stmt)
{
  VpPublishTarget *target = vp_publish_target_new ();

  target->id = sqlite3_column_int64 (stmt, 0);
  target->programme_id = sqlite3_column_int64 (stmt, 1);
  target->name = column_dup (stmt, 2);
  if (!vp_publish_kind_from_string (column_text (stmt, 3), &target->kind))
    target->kind = VP_PUBLISH_CALDAV;
  target->url = column_dup (stmt, 4);
  target->user = column_dup (stmt, 5);
  target->password_env = column_dup (stmt, 6);
  target->ca_file = column_dup (stmt, 7);
  target->per_participant = sqlite3_column_int (stmt, 8) != 0;
  target->per_host = sqlite3_column_int (stmt, 9) != 0;
  target->last_at = sqlite3_column_int64 (stmt, 10);
  target->last_result = column_dup (stmt, 11);
  target->last_report = column_dup (stmt, 12);
  return target;
}

GPtrArray *
vp_store_get_publish_targets (VpStore  *self,
                              gint64    programme_id,
                              GError  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  g_autoptr(GPtrArray) targets = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = vp_store_query (self, &query,
                         "SELECT " TARGET_COLUMNS " FROM publish_targets"
                         " WHERE programme_id = ? ORDER BY name",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  targets = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_publish_target_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (targets, read_target (stmt));

  if (rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&targets);
}

VpPublishTarget *
vp_store_get_publish_target (VpStore     *self,
                             gint64       programme_id,
                             const char  *name,
                             GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = vp_store_query (self, &query,
                         "SELECT " TARGET_COLUMNS " FROM publish_targets"
                         " WHERE programme_id = ? AND name = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  bind_text (stmt, 2, name);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_target (stmt);
  if (rc != SQLITE_DONE)
    vp_store_sqlite_error (self, error);
  else
    g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                 _("the programme has no publish target named “%s”"), name);
  return NULL;
}

gboolean
vp_store_add_publish_target (VpStore          *self,
                             VpPublishTarget  *target,
                             GError          **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  g_autoptr(GError) invalid = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vp_publish_target_validate (target, &invalid))
    {
      g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, invalid->message);
      return FALSE;
    }

  stmt = vp_store_query (self, &query,
                         "INSERT INTO publish_targets (programme_id, name, kind, url, user,"
                         " password_env, ca_file, per_participant, per_host)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target->programme_id);
  bind_text (stmt, 2, target->name);
  bind_text (stmt, 3, vp_publish_kind_to_string (target->kind));
  bind_text (stmt, 4, target->url);
  bind_text (stmt, 5, target->user);
  bind_text (stmt, 6, target->password_env);
  bind_text (stmt, 7, target->ca_file);
  sqlite3_bind_int (stmt, 8, target->per_participant ? 1 : 0);
  sqlite3_bind_int (stmt, 9, target->per_host ? 1 : 0);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                     _("no programme has the id %lld"), (long long)target->programme_id);
      else
        g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS,
                     _("the programme already has a publish target named “%s”"), target->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return vp_store_sqlite_error (self, error);

  target->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
vp_store_remove_publish_target (VpStore     *self,
                                gint64       programme_id,
                                const char  *name,
                                GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = vp_store_query (self, &query,
                         "DELETE FROM publish_targets WHERE programme_id = ? AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  bind_text (stmt, 2, name);
  if (!vp_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND,
                   _("the programme has no publish target named “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
vp_store_get_publish_resources (VpStore  *self,
                                gint64    target_id,
                                GError  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  g_autoptr(GHashTable) resources = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = vp_store_query (self, &query,
                         "SELECT href, uid, etag, sequence, hash, conflict FROM publish_resources"
                         " WHERE target_id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, target_id);

  resources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify)vp_publish_resource_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VpPublishResource *resource =
        vp_publish_resource_new (column_text (stmt, 0), column_text (stmt, 1),
                                 column_text (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                 column_text (stmt, 4), sqlite3_column_int (stmt, 5) != 0);

      g_hash_table_replace (resources, resource->href, resource);
    }

  if (rc != SQLITE_DONE)
    {
      vp_store_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&resources);
}

gboolean
vp_store_set_publish_resource (VpStore                  *self,
                               gint64                    target_id,
                               const VpPublishResource  *resource,
                               GError                  **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (resource != NULL && resource->href != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = vp_store_query (self, &query,
                         "INSERT INTO publish_resources (target_id, href, uid, etag, sequence,"
                         " hash, conflict) VALUES (?, ?, ?, ?, ?, ?, ?)"
                         " ON CONFLICT (target_id, href) DO UPDATE SET uid = excluded.uid,"
                         " etag = excluded.etag, sequence = excluded.sequence,"
                         " hash = excluded.hash, conflict = excluded.conflict",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  bind_text (stmt, 2, resource->href);
  bind_text (stmt, 3, resource->uid != NULL ? resource->uid : "");
  bind_text (stmt, 4, resource->etag);
  sqlite3_bind_int64 (stmt, 5, resource->sequence);
  bind_text (stmt, 6, resource->hash);
  sqlite3_bind_int (stmt, 7, resource->conflict ? 1 : 0);
  return vp_store_step_done (self, stmt, error);
}

gboolean
vp_store_forget_publish_resource (VpStore     *self,
                                  gint64       target_id,
                                  const char  *href,
                                  GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (href != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = vp_store_query (self, &query,
                         "DELETE FROM publish_resources WHERE target_id = ? AND href = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  bind_text (stmt, 2, href);
  return vp_store_step_done (self, stmt, error);
}

gboolean
vp_store_set_publish_result (VpStore     *self,
                             gint64       target_id,
                             gint64       when,
                             const char  *result,
                             const char  *report,
                             GError     **error)
{
  g_auto(VpStoreQuery) query = { NULL, };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = vp_store_query (self, &query,
                         "UPDATE publish_targets SET last_at = ?, last_result = ?,"
                         " last_report = ? WHERE id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, when);
  bind_text (stmt, 2, result);
  bind_text (stmt, 3, report);
  sqlite3_bind_int64 (stmt, 4, target_id);
  return vp_store_step_done (self, stmt, error);
}

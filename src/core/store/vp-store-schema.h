/* vp-store-schema.h: the database schema and the steps that bring an older file up to it. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* One numbered step: the SQL that takes a database from version - 1 to
 * version. */
typedef struct
{
  int         version;
  const char *sql;
} VpMigration;

/* The steps of this program; the last one's version is the current one. */
const VpMigration *vp_store_schema_get_migrations (guint             *n_migrations);
int                vp_store_schema_get_version    (void);

/* Brings @db (the file at @path) up to the last of @migrations: refuses a
 * newer file untouched; for a file that has data, first copies it to a
 * backup beside @path, then runs the missing steps in one transaction. */
gboolean           vp_store_schema_upgrade        (sqlite3           *db,
                                                   const char        *path,
                                                   const VpMigration *migrations,
                                                   guint              n_migrations,
                                                   char             **backup_path,
                                                   GError           **error);

/* For a database opened read-only: TRUE when it is at the last version of
 * @migrations; else FALSE, saying why (a newer file, another program's, or
 * one that needs a migration: VP_STORE_ERROR_READ_ONLY). */
gboolean           vp_store_schema_check          (sqlite3           *db,
                                                   const VpMigration *migrations,
                                                   guint              n_migrations,
                                                   GError           **error);

/* Whether @name is the name of a backup that vp_store_schema_upgrade()
 * makes of the database named @database_name, beside it. */
gboolean           vp_store_schema_is_backup_name (const char        *database_name,
                                                   const char        *name);

G_END_DECLS

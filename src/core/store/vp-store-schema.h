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

/* A column the program's tables have (the store's column tables): one
 * that a database lacks is added when the store opens it, so that a plain
 * new column needs no numbered step. */
typedef struct
{
  const char *table;
  const char *column;
  const char *type;             /* its SQL type: "TEXT", "INTEGER" or "REAL" */
} VpSchemaColumn;

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

/* As vp_store_schema_upgrade(), and adds each of @columns that its table
 * lacks (ALTER TABLE … ADD COLUMN, holding NULL in every row), after the
 * missing steps, in the same transaction and after the same backup: a file
 * at the last version that lacks a column is backed up and updated too. */
gboolean           vp_store_schema_upgrade_with_columns (sqlite3              *db,
                                                         const char           *path,
                                                         const VpMigration    *migrations,
                                                         guint                 n_migrations,
                                                         const VpSchemaColumn *columns,
                                                         guint                 n_columns,
                                                         char                **backup_path,
                                                         GError              **error);

/* For a database opened read-only: TRUE when it is at the last version of
 * @migrations; else FALSE, saying why (a newer file, another program's, or
 * one that needs a migration: VP_STORE_ERROR_READ_ONLY). */
gboolean           vp_store_schema_check          (sqlite3           *db,
                                                   const VpMigration *migrations,
                                                   guint              n_migrations,
                                                   GError           **error);

/* As vp_store_schema_check(), and FALSE (VP_STORE_ERROR_READ_ONLY) when a
 * table lacks one of @columns: adding it needs writing. */
gboolean           vp_store_schema_check_with_columns (sqlite3              *db,
                                                       const VpMigration    *migrations,
                                                       guint                 n_migrations,
                                                       const VpSchemaColumn *columns,
                                                       guint                 n_columns,
                                                       GError              **error);

/* Whether @name is the name of a backup that vp_store_schema_upgrade()
 * makes of the database named @database_name, beside it. */
gboolean           vp_store_schema_is_backup_name (const char        *database_name,
                                                   const char        *name);

G_END_DECLS

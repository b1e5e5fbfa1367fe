/* vp-store-output.c: no output file may be the database or one of its own files. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vp-file.h"
#include "vp-store.h"
#include "vp-store-schema.h"

/* The files SQLite keeps beside a database (WAL mode and rollback). */
static const char * const sidecars[] = { "", "-wal", "-shm", "-journal" };

static gboolean
same_file (const struct stat *target,
           const char        *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 && st.st_dev == target->st_dev && st.st_ino == target->st_ino;
}

/* Whether the output (@entry, and @target when it exists) is one of the
 * files of the database whose entry is @base. */
static gboolean
is_database_file (const char        *base,
                  const char        *entry,
                  const struct stat *target)
{
  g_autofree char *folder = g_path_get_dirname (base);
  g_autofree char *name = g_path_get_basename (base);
  g_autofree char *entry_folder = g_path_get_dirname (entry);
  g_autofree char *entry_name = g_path_get_basename (entry);

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *candidate = g_strconcat (base, sidecars[i], NULL);

      if (g_str_equal (entry, candidate) || (target != NULL && same_file (target, candidate)))
        return TRUE;
    }

  if (g_str_equal (entry_folder, folder) && vp_store_schema_is_backup_name (name, entry_name))
    return TRUE;

  /* a backup under another name (a hard link, a symbolic link to it) */
  if (target != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *child;

      while (dir != NULL && (child = g_dir_read_name (dir)) != NULL)
        if (vp_store_schema_is_backup_name (name, child))
          {
            g_autofree char *backup = g_build_filename (folder, child, NULL);

            if (same_file (target, backup))
              return TRUE;
          }
    }

  return FALSE;
}

gboolean
vp_store_check_output (VpStore     *self,
                       const char  *path,
                       GError     **error)
{
  const char *database;
  g_autofree char *entry = NULL;
  g_autofree char *database_entry = NULL;
  g_autofree char *database_real = NULL;
  struct stat target;
  gboolean exists;
  char *real;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = vp_store_get_path (self);
  entry = vp_file_get_entry_path (path);
  exists = g_stat (path, &target) == 0;

  /* The database as named, and the file it leads to when that name is a
   * symbolic link (SQLite keeps its -wal and -journal beside that one). */
  database_entry = vp_file_get_entry_path (database);
  real = realpath (database, NULL);
  if (real != NULL)
    {
      database_real = g_strdup (real);
      free (real);
    }

  if (is_database_file (database_entry, entry, exists ? &target : NULL) ||
      (database_real != NULL &&
       is_database_file (database_real, entry, exists ? &target : NULL)))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *database_display = g_filename_display_name (database);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: this is the database %s, its journal or one of its backups: "
                     "write to another file"),
                   display, database_display);
      return FALSE;
    }

  return TRUE;
}

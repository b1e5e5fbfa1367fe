/* vp-file.h: files written whole or not at all. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @bytes to a temporary file beside @path, flushes it and renames it
 * over @path, so that readers see the old file or the new one, never half of
 * one.  @mode is the new file's permission bits.  Errors name @path, never
 * the temporary file. */
gboolean vp_file_write_atomically (const char  *path,
                                   GBytes      *bytes,
                                   int          mode,
                                   GError     **error);

/* Writes each of @contents to the path at the same index of @paths, all of
 * them or none: each is written in full to a temporary file beside its path
 * first, then all are renamed into place; when one fails, the temporary
 * files are removed and the files already renamed go back to what they were
 * (the old version, or none).  Errors name the file asked for, never a
 * temporary one. */
gboolean vp_file_write_all_atomically (const char * const  *paths,
                                       GBytes * const      *contents,
                                       guint                n_files,
                                       int                  mode,
                                       GError             **error);

/* Reads @path whole, refusing anything but a regular file (a folder, a
 * named pipe, a device: never waiting for a writer) and files larger than
 * @max_bytes, with an error that names the file. */
GBytes  *vp_file_read             (const char  *path,
                                   gsize        max_bytes,
                                   GError     **error);

/* The absolute path of the directory entry a write to @path replaces: its
 * folder with symbolic links resolved (the part that does not exist yet as
 * written) and its own name as given.  Two paths that name one entry give
 * the same string. */
char    *vp_file_get_entry_path   (const char  *path);

G_END_DECLS

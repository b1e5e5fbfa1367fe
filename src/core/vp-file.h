/* vp-file.h: files written whole or not at all. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @bytes to a temporary file beside @path, flushes it and renames it
 * over @path, so that readers see the old file or the new one, never half of
 * one.  @mode is the new file's permission bits. */
gboolean vp_file_write_atomically (const char  *path,
                                   GBytes      *bytes,
                                   int          mode,
                                   GError     **error);

/* Reads @path whole, refusing files larger than @max_bytes with an error
 * that names the file. */
GBytes  *vp_file_read             (const char  *path,
                                   gsize        max_bytes,
                                   GError     **error);

G_END_DECLS

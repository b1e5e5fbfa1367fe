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

/* Files written all or none: each added file is written in full to a
 * temporary file beside its path at once (so only one is in memory at a
 * time), and vp_file_batch_commit() renames them all into place; when one
 * fails, the temporary files are removed and the files already renamed go
 * back to what they were (the old version, or none).  A batch freed without
 * a commit leaves nothing behind.  Errors name the file asked for, never a
 * temporary one. */
typedef struct _VpFileBatch VpFileBatch;

VpFileBatch *vp_file_batch_new    (int           mode);
gboolean     vp_file_batch_add    (VpFileBatch  *batch,
                                   const char   *path,
                                   GBytes       *bytes,
                                   GError      **error);
gboolean     vp_file_batch_commit (VpFileBatch  *batch,
                                   GError      **error);
void         vp_file_batch_free   (VpFileBatch  *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpFileBatch, vp_file_batch_free)

/* Whether Windows keeps @name for a device whatever follows its first dot
 * (CON, PRN, AUX, NUL, COM0-9, LPT0-9, COM¹²³, LPT¹²³, in any case, spaces
 * and dots before the dot ignored): "CON.txt.ics" opens the console there. */
gboolean vp_file_name_is_device   (const char  *name);

/* A file name for a document about @title (a programme's title, a host's
 * name), ending in @suffix (".pdf", or ""): @title as typed, in NFC, but
 * with "-" for what no file system of Windows, macOS or Linux takes in a
 * name (< > : " / \ | ? * and control characters), no space or dot at the
 * end, no Windows device name before the first dot, and at most 100 bytes
 * before @suffix; @fallback when nothing is left of @title. */
char    *vp_file_name_for_title   (const char  *title,
                                   const char  *suffix,
                                   const char  *fallback);

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

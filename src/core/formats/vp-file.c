/* vp-file.c: files written whole or not at all, and read with a size limit. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vp-file.h"

/* Random names tried for a second name of an old file before giving up. */
#define MAX_NAME_ATTEMPTS 100
/* Bytes of the target's name in a temporary file's name. */
#define MAX_NAME_PART 64
/* Bytes of a document's name before its suffix: far below every file
 * system's limit, with room for the suffix and a folder's name in a zip. */
#define MAX_TITLE_NAME 100

/* An error that names @path, the file the caller asked for. */
static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("%s: cannot write: %s"), display, g_strerror (saved_errno));
}

/* A name beside @path for a file on its way to @path: hidden, and short
 * enough for any file system even when @path's own name is at the limit. */
static char *
sibling_template (const char *path,
                  const char *kind)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  gsize length = strlen (base);

  /* cut between UTF-8 characters: some file systems refuse broken ones */
  if (length > MAX_NAME_PART)
    {
      length = MAX_NAME_PART;
      while (length > 0 && ((guchar)base[length] & 0xC0) == 0x80)
        length--;
    }
  name = g_strdup_printf (".%.*s.%s-XXXXXX", (int)length, base, kind);

  return g_build_filename (folder, name, NULL);
}

/* Makes sure what was written to @fd is on the disk, then closes it. */
static int
sync_and_close (int fd)
{
  int result = fsync (fd);
  int saved_errno = errno;

  if (close (fd) != 0 && result == 0)
    return -1;
  errno = saved_errno;
  return result;
}

/* Writes @bytes to a new temporary file beside @path and flushes it to the
 * disk; returns its name.  Errors name @path, the file the caller asked
 * for, never the temporary one. */
static char *
write_temporary (const char  *path,
                 GBytes      *bytes,
                 int          mode,
                 GError     **error)
{
  g_autofree char *temporary = sibling_template (path, "new");
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize done = 0;
  int fd;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return NULL;
    }

  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temporary);
          set_write_error (error, saved_errno, path);
          return NULL;
        }
      done += (gsize)n;
    }

  if (sync_and_close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      set_write_error (error, saved_errno, path);
      return NULL;
    }

  return g_steal_pointer (&temporary);
}

/* The renames into a folder last once the folder itself is on the disk. */
static void
sync_folder_of (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
vp_file_write_atomically (const char  *path,
                          GBytes      *bytes,
                          int          mode,
                          GError     **error)
{
  g_autofree char *temporary = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The rename is what makes the write all or nothing. */
  temporary = write_temporary (path, bytes, mode, error);
  if (temporary == NULL)
    return FALSE;

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      set_write_error (error, saved_errno, path);
      return FALSE;
    }

  sync_folder_of (path);
  return TRUE;
}

/* A second name (a hard link) for the file or symbolic link at @path, so
 * that it can come back if a batch fails after replacing it; NULL when there
 * is none or the file system has no hard links. */
static char *
keep_old_version (const char *path)
{
  struct stat st;

  if (g_lstat (path, &st) != 0 || !(S_ISREG (st.st_mode) || S_ISLNK (st.st_mode)))
    return NULL;

  for (guint attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++)
    {
      g_autofree char *kept = sibling_template (path, "old");
      char *x = kept + strlen (kept) - 6;

      for (guint i = 0; i < 6; i++)
        x[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)];
      if (link (path, kept) == 0)
        return g_steal_pointer (&kept);
      if (errno != EEXIST)
        return NULL;
    }

  return NULL;
}

typedef struct
{
  char     *path;       /* the file asked for */
  char     *temporary;  /* the new file, written in full, until it is renamed */
  char     *kept;       /* a second name of the file it replaces, or NULL */
  gboolean  existed;    /* something had the name before */
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  /* not committed: the new file goes */
  if (pending->temporary != NULL)
    g_unlink (pending->temporary);
  g_free (pending->path);
  g_free (pending->temporary);
  g_free (pending->kept);
}

struct _VpFileBatch
{
  GArray *pending;  /* of Pending, in the order added */
  int     mode;
};

VpFileBatch *
vp_file_batch_new (int mode)
{
  VpFileBatch *batch = g_new0 (VpFileBatch, 1);

  batch->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (batch->pending, pending_clear);
  batch->mode = mode;

  return batch;
}

void
vp_file_batch_free (VpFileBatch *batch)
{
  if (batch == NULL)
    return;

  g_array_unref (batch->pending);
  g_free (batch);
}

gboolean
vp_file_batch_add (VpFileBatch  *batch,
                   const char   *path,
                   GBytes       *bytes,
                   GError      **error)
{
  Pending item = { NULL, NULL, NULL, FALSE };

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  item.temporary = write_temporary (path, bytes, batch->mode, error);
  if (item.temporary == NULL)
    return FALSE;
  item.path = g_strdup (path);
  g_array_append_val (batch->pending, item);

  return TRUE;
}

gboolean
vp_file_batch_commit (VpFileBatch  *batch,
                      GError      **error)
{
  GArray *pending;
  guint renamed;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Every file is already written in full, under a temporary name: only
   * the renames are left, and a rename fails only for a reason of its own
   * (a folder in the way), not for a full disk. */
  pending = batch->pending;
  for (renamed = 0; renamed < pending->len; renamed++)
    {
      Pending *item = &g_array_index (pending, Pending, renamed);
      struct stat st;

      item->existed = g_lstat (item->path, &st) == 0;
      item->kept = keep_old_version (item->path);
      if (g_rename (item->temporary, item->path) != 0)
        {
          set_write_error (error, errno, item->path);
          break;
        }
      g_clear_pointer (&item->temporary, g_free);
    }

  if (renamed == pending->len)
    {
      for (guint i = 0; i < pending->len; i++)
        {
          Pending *item = &g_array_index (pending, Pending, i);

          if (item->kept != NULL)
            g_unlink (item->kept);
          sync_folder_of (item->path);
        }
      g_array_set_size (pending, 0);
      return TRUE;
    }

  /* Undone: the files already in place go back to what they were, the old
   * version where there was one and nothing where there was nothing.  (On a
   * file system without hard links an old version cannot come back: the
   * new one, complete, stays.)  The temporary files not renamed go with the
   * batch. */
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *item = &g_array_index (pending, Pending, i);

      if (item->temporary != NULL)
        {
          if (item->kept != NULL)
            g_unlink (item->kept);
        }
      else if (item->kept != NULL)
        g_rename (item->kept, item->path);
      else if (!item->existed)
        g_unlink (item->path);
    }
  g_array_set_size (pending, 0);

  return FALSE;
}

/* What a path that is not a regular file is, for a message. */
static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("this kind of file");
}

GBytes *
vp_file_read (const char  *path,
              gsize        max_bytes,
              GError     **error)
{
  g_autofree char *buffer = NULL;
  g_autofree char *display = NULL;
  struct stat before;
  struct stat st;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  /* Only a regular file is read: opening a named pipe would wait for a
   * writer for ever, and a device can be endless (/dev/zero).  It is looked
   * at before it is opened (opening some devices does something), opened
   * without waiting, and looked at again in case it was swapped. */
  if (g_stat (path, &before) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (before.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: cannot read %s: only a regular file can be read"),
                   display, describe_kind (before.st_mode));
      return NULL;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: cannot read %s: only a regular file can be read"),
                   display, describe_kind (st.st_mode));
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s: the file is too large (%s; the limit is %s)"),
                   display, size, limit);
      close (fd);
      return NULL;
    }

  buffer = g_malloc ((gsize) st.st_size + 1);
  while (done < (gsize) st.st_size)
    {
      gssize n = read (fd, buffer + done, (gsize) st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("%s: cannot read: %s"), display, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  close (fd);

  buffer[done] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buffer), done);
}

/* @folder (absolute) with every symbolic link resolved; the part that does
 * not exist yet is taken as written, a ".." in it going back one folder, as
 * it will once that part is created. */
static char *
resolve_folder (const char *folder)
{
  char *real = realpath (folder, NULL);
  g_autofree char *parent = NULL;
  g_autofree char *last = NULL;
  g_autofree char *resolved_parent = NULL;

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }

  parent = g_path_get_dirname (folder);
  last = g_path_get_basename (folder);
  if (g_str_equal (parent, folder))
    return g_strdup (folder);

  resolved_parent = resolve_folder (parent);
  if (g_str_equal (last, "."))
    return g_steal_pointer (&resolved_parent);
  if (g_str_equal (last, ".."))
    return g_path_get_dirname (resolved_parent);
  return g_build_filename (resolved_parent, last, NULL);
}

char *
vp_file_get_entry_path (const char *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *resolved = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_path_is_absolute (path))
    absolute = g_strdup (path);
  else
    {
      g_autofree char *current = g_get_current_dir ();

      absolute = g_build_filename (current, path, NULL);
    }

  folder = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  if (g_str_equal (base, ".") || g_str_equal (base, "..") || g_str_equal (base, G_DIR_SEPARATOR_S))
    return resolve_folder (absolute);

  resolved = resolve_folder (folder);
  return g_build_filename (resolved, base, NULL);
}

gboolean
vp_file_name_is_device (const char *name)
{
  static const char * const devices[] = { "con", "prn", "aux", "nul", NULL };
  static const char * const superscripts[] = { "\u00B9", "\u00B2", "\u00B3", NULL };
  const char *dot;
  gsize length;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strchr (name, '.');
  length = dot != NULL ? (gsize)(dot - name) : strlen (name);
  while (length > 0 && (name[length - 1] == ' ' || name[length - 1] == '.'))
    length--;
  stem = g_ascii_strdown (name, (gssize)length);

  if (g_strv_contains (devices, stem))
    return TRUE;
  if (!g_str_has_prefix (stem, "com") && !g_str_has_prefix (stem, "lpt"))
    return FALSE;
  return (g_ascii_isdigit (stem[3]) && stem[4] == '\0') || g_strv_contains (superscripts, stem + 3);
}

char *
vp_file_name_for_title (const char *title,
                        const char *suffix,
                        const char *fallback)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (suffix != NULL, NULL);
  g_return_val_if_fail (fallback != NULL, NULL);

  if (title != NULL && g_utf8_validate (title, -1, NULL))
    normalized = g_utf8_normalize (title, -1, G_NORMALIZE_NFC);

  for (const char *p = normalized != NULL ? normalized : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char encoded[6];
      gsize length;

      if (g_unichar_iscntrl (c) || (c < 0x80 && strchr ("<>:\"/\\|?*", (int)c) != NULL))
        c = '-';
      length = (gsize)g_unichar_to_utf8 (c, encoded);
      if (name->len + length > MAX_TITLE_NAME)
        break;
      g_string_append_len (name, encoded, (gssize)length);
    }

  /* Windows drops a final space or dot, and so would lose the suffix's */
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && name->str[0] == ' ')
    g_string_erase (name, 0, 1);

  if (name->len == 0)
    g_string_assign (name, fallback);
  if (vp_file_name_is_device (name->str))
    {
      const char *dot = strchr (name->str, '.');

      g_string_insert_c (name, dot != NULL ? dot - name->str : -1, '-');
    }
  g_string_append (name, suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

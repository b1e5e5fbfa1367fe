/* vp-file.c: files written whole or not at all, and read with a size limit. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vp-file.h"

gboolean
vp_file_write_atomically (const char  *path,
                          GBytes      *bytes,
                          int          mode,
                          GError     **error)
{
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);

  /* CONSISTENT writes a temporary file beside @path, fsyncs it and renames
   * it into place: the rename is what makes the write all or nothing. */
  return g_file_set_contents_full (path,
                                   data != NULL ? data : "",
                                   size,
                                   G_FILE_SET_CONTENTS_CONSISTENT,
                                   mode,
                                   error);
}

GBytes *
vp_file_read (const char  *path,
              gsize        max_bytes,
              GError     **error)
{
  g_autofree char *buffer = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
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
                   _("%s: not a regular file"), display);
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

/* fuzz-programme.c: libFuzzer target for the programme document (.visit.json) reader and writer. */
#include "config.h"

#include "vp-fuzz.h"
#include "vp-programme-format.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  vp_fuzz_init ();
  return 0;
}

/* The first byte where @a and @b differ, for the report of a mismatch. */
static gsize
first_difference (GBytes *a,
                  GBytes *b)
{
  gsize a_size, b_size, i;
  const guint8 *a_data = g_bytes_get_data (a, &a_size);
  const guint8 *b_data = g_bytes_get_data (b, &b_size);

  for (i = 0; i < a_size && i < b_size; i++)
    if (a_data[i] != b_data[i])
      break;
  return i;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(VpSnapshot) again = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  snapshot = vp_programme_format_read (bytes, &error);
  vp_fuzz_check_error ("vp_programme_format_read", snapshot, error);
  if (snapshot == NULL)
    return 0;

  /* What the program writes it must read, and writing is stable: an
   * unchanged programme gives the same bytes each time. */
  written = vp_programme_format_write (snapshot);
  again = vp_programme_format_read (written, &error);
  if (again == NULL)
    vp_fuzz_fail ("a document read and written again cannot be read back: %s", error->message);

  rewritten = vp_programme_format_write (again);
  if (!g_bytes_equal (written, rewritten))
    vp_fuzz_fail ("a document read, written, read and written again changed (%" G_GSIZE_FORMAT
                  " and %" G_GSIZE_FORMAT " bytes, first difference at byte %" G_GSIZE_FORMAT ")",
                  g_bytes_get_size (written), g_bytes_get_size (rewritten),
                  first_difference (written, rewritten));

  return 0;
}

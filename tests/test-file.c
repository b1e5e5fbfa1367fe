/* test-file.c: unit tests of files written whole or not at all. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vp-file.h"
#include "vp-test-core.h"

typedef struct
{
  char *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = vp_test_make_folder ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vp_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* The names in @folder, sorted, joined with spaces ("" when empty). */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

static void
add_text (VpFileBatch *batch,
          const char  *path,
          const char  *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_file_batch_add (batch, path, bytes, &error));
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = vp_test_read_file (path, NULL);

  g_assert_cmpstr (contents, ==, expected);
}

/* Committed: every file in place with its contents and mode, nothing else. */
static void
test_batch_commit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VpFileBatch) batch = vp_file_batch_new (0600);
  g_autofree char *one = path_in (fixture, "one.ics");
  g_autofree char *two = path_in (fixture, "two.ics");
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (two, "old two", -1, NULL));
  add_text (batch, one, "new one");
  add_text (batch, two, "new two");

  /* before the commit, the old files are as they were */
  assert_contents (two, "old two");
  g_assert_false (g_file_test (one, G_FILE_TEST_EXISTS));

  g_assert_true (vp_file_batch_commit (batch, &error));
  g_assert_no_error (error);
  assert_contents (one, "new one");
  assert_contents (two, "new two");
  vp_test_assert_mode (one, 0600);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "one.ics two.ics");
}

/* A batch given up before its commit leaves the folder as it was: no
 * temporary file stays behind. */
static void
test_batch_abandoned (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *one = path_in (fixture, "one.ics");
  g_autofree char *two = path_in (fixture, "two.ics");
  g_autofree char *listing = NULL;
  VpFileBatch *batch = vp_file_batch_new (0600);

  g_assert_true (g_file_set_contents (two, "old two", -1, NULL));
  add_text (batch, one, "new one");
  add_text (batch, two, "new two");
  vp_file_batch_free (batch);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "two.ics");
  assert_contents (two, "old two");
}

/* A rename that fails (a folder in the way of the last file) undoes the
 * renames before it: a new file goes, an old file comes back. */
static void
test_batch_commit_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpFileBatch) batch = vp_file_batch_new (0600);
  g_autofree char *one = path_in (fixture, "one.ics");
  g_autofree char *two = path_in (fixture, "two.ics");
  g_autofree char *three = path_in (fixture, "three.ics");
  g_autofree char *inside = g_build_filename (three, "keep", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (two, "old two", -1, NULL));
  g_assert_cmpint (g_mkdir (three, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", -1, NULL));

  add_text (batch, one, "new one");
  add_text (batch, two, "new two");
  add_text (batch, three, "new three");

  g_assert_false (vp_file_batch_commit (batch, &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "three.ics: cannot write") != NULL);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "three.ics two.ics");
  assert_contents (two, "old two");
  g_assert_true (g_file_test (three, G_FILE_TEST_IS_DIR));
}

/* A file that cannot be written is named in the error as the caller named
 * it, never by its temporary name, and nothing is left. */
static void
test_batch_add_fails (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(VpFileBatch) batch = vp_file_batch_new (0600);
  g_autofree char *one = path_in (fixture, "one.ics");
  g_autofree char *missing = path_in (fixture, "missing/two.ics");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  add_text (batch, one, "new one");
  g_assert_false (vp_file_batch_add (batch, missing, bytes, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_true (strstr (error->message, "XXXXXX") == NULL);
  g_clear_pointer (&batch, vp_file_batch_free);

  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "");
}

/* Names that Windows keeps for devices, whatever follows the first dot. */
static void
test_name_is_device (void)
{
  const char *devices[] = { "CON", "con.txt", "PRN.txt.ics", "aux", "NUL.", "Com1.ics",
                            "lpt9.pdf", "COM\u00B9.ics", "lpt\u00B3", "CON .txt", "COM0" };
  const char *names[] = { "CONtract.ics", "console", "COM10", "LPT", "comet.ics", "a.CON",
                          "Aino M\u00E4kel\u00E4.ics", "COM\u2074", "" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    g_assert_true (vp_file_name_is_device (devices[i]));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_false (vp_file_name_is_device (names[i]));
}

/* A document's file name keeps the title as typed where every system
 * takes it, and nothing that one of them refuses. */
static void
test_name_for_title (void)
{
  const struct
  {
    const char *title;
    const char *suffix;
    const char *expected;
  } cases[] = {
    { "Photonics Finland in Vilnius: lasers", ".visit.json",
      "Photonics Finland in Vilnius- lasers.visit.json" },
    { "Klaip\u0117da <2027> \"Q1\" a/b\\c|d?e*f", ".pdf", "Klaip\u0117da -2027- -Q1- a-b-c-d-e-f.pdf" },
    { "\u013Cauts", ".ics", "\u013Cauts.ics" },   /* ļ: its low byte is '<' */
    { "tab\there\nline", ".ics", "tab-here-line.ics" },
    { "  Spaces and dots at the end. . .", ".pdf", "Spaces and dots at the end.pdf" },
    { "CON", ".ics", "CON-.ics" },
    { "con.txt", ".ics", "con-.txt.ics" },
    { "", ".pdf", "programme.pdf" },
    { NULL, ".pdf", "programme.pdf" },
    { "...", ".pdf", "programme.pdf" },
    { "Cafe\u0301", "", "Caf\u00E9" },             /* NFC */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = vp_file_name_for_title (cases[i].title, cases[i].suffix,
                                                      "programme");

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* A long title is cut between characters, at most 100 bytes before the
 * suffix. */
static void
test_name_for_title_long (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < 80; i++)
    g_string_append (title, "\u00E4");   /* two bytes each */
  name = vp_file_name_for_title (title->str, ".pdf", "programme");

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_cmpuint (strlen (name) - strlen (".pdf"), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/file/batch/commit", Fixture, NULL,
              fixture_set_up, test_batch_commit, fixture_tear_down);
  g_test_add ("/file/batch/abandoned", Fixture, NULL,
              fixture_set_up, test_batch_abandoned, fixture_tear_down);
  g_test_add ("/file/batch/commit-fails", Fixture, NULL,
              fixture_set_up, test_batch_commit_fails, fixture_tear_down);
  g_test_add ("/file/batch/add-fails", Fixture, NULL,
              fixture_set_up, test_batch_add_fails, fixture_tear_down);

  g_test_add_func ("/file/name/is-device", test_name_is_device);
  g_test_add_func ("/file/name/for-title", test_name_for_title);
  g_test_add_func ("/file/name/for-title-long", test_name_for_title_long);

  return g_test_run ();
}

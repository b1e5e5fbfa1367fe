/* test-csv.c: unit tests of the CSV reader and writer, and of participant and host lists. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vp-csv.h"
#include "vp-csv-import.h"
#include "vp-programme-format.h"
#include "vp-store.h"
#include "vp-test-core.h"

/* Helpers {{{1 */

static GBytes *
bytes_of (const char *text,
          gssize      length)
{
  return g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);
}

static VpCsvTable *
parse_ok (const char *text,
          gssize      length)
{
  g_autoptr(GBytes) bytes = bytes_of (text, length);
  g_autoptr(GError) error = NULL;
  VpCsvTable *table = vp_csv_table_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The error vp_csv_table_parse() gives for @text (it must fail). */
static GError *
parse_error (const char *text,
             gssize      length)
{
  g_autoptr(GBytes) bytes = bytes_of (text, length);
  g_autoptr(VpCsvTable) table = NULL;
  GError *error = NULL;

  table = vp_csv_table_parse (bytes, &error);
  g_assert_null (table);
  g_assert_nonnull (error);
  return error;
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return vp_test_read_file (path, length);
}

/* Row @row of @table starts on @line and holds exactly the fields given,
 * NULL-terminated. */
static void G_GNUC_NULL_TERMINATED
assert_row (VpCsvTable *table,
            guint       row,
            guint       line,
            ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char * const *fields;
  guint n_fields;
  va_list args;

  va_start (args, line);
  for (const char *field = va_arg (args, const char *); field != NULL;
       field = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer)field);
  va_end (args);

  g_assert_cmpuint (row, <, vp_csv_table_get_n_rows (table));
  fields = vp_csv_table_get_row (table, row, &n_fields);
  g_assert_cmpuint (vp_csv_table_get_line (table, row), ==, line);
  g_assert_cmpuint (n_fields, ==, expected->len);
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (fields[i], ==, g_ptr_array_index (expected, i));
  g_assert_null (fields[n_fields]);
}

static void
assert_message_names_line (const GError *error,
                           guint         line)
{
  g_autofree char *expected = g_strdup_printf ("line %u:", line);

  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, expected))
    g_test_fail_printf ("“%s” does not start with “%s”", error->message, expected);
}

/* Reader: dialects {{{1 */

static void
test_read_comma (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("name,email\nAino,aino@example.org\n", -1);

  g_assert_cmpint (vp_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 1, "name", "email", NULL);
  assert_row (table, 1, 2, "Aino", "aino@example.org", NULL);
}

static void
test_read_semicolon (void)
{
  /* German and French Excel: semicolons, and commas inside numbers */
  g_autoptr(VpCsvTable) table = parse_ok ("Name;Latitude\nAlpha;54,6872\n", -1);

  g_assert_cmpint (vp_csv_table_get_separator (table), ==, ';');
  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 2);
  assert_row (table, 0, 1, "Name", "Latitude", NULL);
  assert_row (table, 1, 2, "Alpha", "54,6872", NULL);
}

static void
test_read_tab (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("Name\tOrganisation\nAino\tPhotonics, Finland\n", -1);

  g_assert_cmpint (vp_csv_table_get_separator (table), ==, '\t');
  assert_row (table, 1, 2, "Aino", "Photonics, Finland", NULL);
}

static void
test_read_separator_from_header (void)
{
  /* the header row decides, not the commas in later rows */
  g_autoptr(VpCsvTable) table = parse_ok ("a;b;c\n1,5;2,5;3,5\n", -1);

  g_assert_cmpint (vp_csv_table_get_separator (table), ==, ';');
  assert_row (table, 1, 2, "1,5", "2,5", "3,5", NULL);
}

static void
test_read_crlf (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b\r\n1,2\r\n3,4\r\n", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 1, "a", "b", NULL);
  assert_row (table, 1, 2, "1", "2", NULL);
  assert_row (table, 2, 3, "3", "4", NULL);
}

static void
test_read_lf (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b\n1,2\n3,4\n", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 2, 3, "3", "4", NULL);
}

static void
test_read_mixed_line_endings (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b\r\n1,2\n3,4\r\n5,6\n", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 1, 2, "1", "2", NULL);
  assert_row (table, 2, 3, "3", "4", NULL);
  assert_row (table, 3, 4, "5", "6", NULL);
}

static void
test_read_bom (void)
{
  g_autoptr(VpCsvTable) table =
    parse_ok ("\xEF\xBB\xBFName;E-Mail\r\nAino;aino@example.org\r\n", -1);

  g_assert_cmpint (vp_csv_table_get_separator (table), ==, ';');
  g_assert_cmpstr (vp_csv_table_get_encoding (table), ==, "UTF-8");
  assert_row (table, 0, 1, "Name", "E-Mail", NULL);
}

static void
test_read_quoted_separator (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("name,organisation\n\"Mäkelä, Aino\",\"A; B, C\"\n", -1);

  assert_row (table, 1, 2, "Mäkelä, Aino", "A; B, C", NULL);
}

static void
test_read_quoted_newline (void)
{
  g_autoptr(VpCsvTable) table =
    parse_ok ("name,notes\r\nAino,\"one\r\ntwo\nthree\"\r\nJukka,x\r\n"
              "\"Multi\nline\",y\nKarin,z\n", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 5);
  assert_row (table, 1, 2, "Aino", "one\r\ntwo\nthree", NULL);
  /* the rows after a quoted line break start on their real lines */
  assert_row (table, 2, 5, "Jukka", "x", NULL);
  assert_row (table, 3, 6, "Multi\nline", "y", NULL);
  assert_row (table, 4, 8, "Karin", "z", NULL);
}

static void
test_read_escaped_quote (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n", -1);

  assert_row (table, 1, 2, "say \"hi\"", "\"", NULL);
}

static void
test_read_empty_fields (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b,c\n,,\nx,,z\n\"\",\"\",y\n", -1);

  /* a row of separators only is what Excel leaves of a touched row: no record */
  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 1, 3, "x", "", "z", NULL);
  assert_row (table, 2, 4, "", "", "y", NULL);
}

static void
test_read_trailing_separator (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("Name;Email;\r\nAino;aino@example.org;\r\n", -1);

  assert_row (table, 0, 1, "Name", "Email", "", NULL);
  assert_row (table, 1, 2, "Aino", "aino@example.org", "", NULL);
}

static void
test_read_blank_lines (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("\r\na,b\r\n\r\n1,2\n\n\n3,4\r\n\r\n", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, "a", "b", NULL);
  assert_row (table, 1, 4, "1", "2", NULL);
  assert_row (table, 2, 7, "3", "4", NULL);
}

static void
test_read_no_final_newline (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("a,b\n1,2\n3,\"4\"", -1);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 2, 3, "3", "4", NULL);
}

static void
test_read_fixture_quoted (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("participants-quoted.csv", &length);
  g_autoptr(VpCsvTable) table = parse_ok (text, (gssize)length);

  g_assert_cmpuint (vp_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 1, 2, "Kaisa Järvinen", "kaisa.q@example.org", "Tampere, University of",
              "Arrives late; \"night\" flight", NULL);
  assert_row (table, 2, 3, "Tuomas Lehtonen", "tuomas.q@example.org", "VTT",
              "Two lines:\r\nfirst\r\nsecond", NULL);
  assert_row (table, 3, 6, "Noora Heikkilä", "noora.q@example.org", "", "", NULL);
}

/* Reader: encodings {{{1 */

static void
test_read_utf8 (void)
{
  g_autoptr(VpCsvTable) table = parse_ok ("name\nJürgen Weiß\n", -1);

  g_assert_cmpstr (vp_csv_table_get_encoding (table), ==, "UTF-8");
  assert_row (table, 1, 2, "Jürgen Weiß", NULL);
}

static void
test_read_windows_1252 (void)
{
  /* 0xE4 ä, 0xD6 Ö, 0x80 €, 0x96 en dash */
  g_autoptr(VpCsvTable) table =
    parse_ok ("name,notes\r\nM\xE4kel\xE4,\xD6ljy \x80 5 \x96 ok\r\n", -1);

  g_assert_cmpstr (vp_csv_table_get_encoding (table), ==, "Windows-1252");
  assert_row (table, 1, 2, "Mäkelä", "Öljy € 5 – ok", NULL);
}

static void
test_read_windows_1252_fixture (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("participants-windows-1252.csv", &length);
  g_autoptr(VpCsvTable) table = NULL;

  /* the fixture really is Windows-1252, not UTF-8 */
  g_assert_nonnull (memchr (text, '\xE4', length));
  g_assert_false (g_utf8_validate_len (text, length, NULL));

  table = parse_ok (text, (gssize)length);
  g_assert_cmpstr (vp_csv_table_get_encoding (table), ==, "Windows-1252");
  assert_row (table, 1, 2, "Mäkelä Aino", "aino.w1252@example.org", "Oy Äänekoski Ab", "Finland",
              NULL);
}

static void
test_read_neither_encoding (void)
{
  /* 0x81 is no character in Windows-1252 and starts nothing in UTF-8 */
  g_autoptr(GError) error = parse_error ("name\nAino\nbad \x81 byte\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING);
}

static void
test_read_neither_encoding_line (void)
{
  /* docs/cli.md: the message names the line */
  g_autoptr(GError) error = parse_error ("name\nAino\nbad \x81 byte\n", -1);

  assert_message_names_line (error, 3);
}

/* One byte that is not UTF-8 costs only its own field: the fields that are
 * UTF-8 stay so ("Jörg", never "JÃ¶rg"), and in the broken field the UTF-8
 * characters are kept around the byte read as Windows-1252. */
static void
test_read_per_field (void)
{
  g_autoptr(VpCsvTable) table =
    parse_ok ("name,notes\r\n"
              "Jörg Müller,Straße 5\r\n"
              "M\xE4kel\xE4,ok\r\n"
              "Jörg M\xFCller,\"two\r\nlines \x80\"\r\n", -1);

  g_assert_cmpstr (vp_csv_table_get_encoding (table), ==, "UTF-8 and Windows-1252");
  assert_row (table, 1, 2, "Jörg Müller", "Straße 5", NULL);
  assert_row (table, 2, 3, "Mäkelä", "ok", NULL);
  assert_row (table, 3, 4, "Jörg Müller", "two\r\nlines €", NULL);
}

/* A byte that is no character either way: the message names its line
 * (inside a quoted field over two lines, the second) and column. */
static void
test_read_neither_encoding_column (void)
{
  g_autoptr(GError) error = parse_error ("name,notes\nAino,\"first\nbad \x81 byte\"\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING);
  assert_message_names_line (error, 3);
  if (strstr (error->message, "column 2") == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, "column 2"));
}

static void
test_read_nul (void)
{
  static const char text[] = "name\nAino\nJu\0kka\n";
  g_autoptr(GError) error = parse_error (text, sizeof text - 1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING);
  assert_message_names_line (error, 3);
}

static void
test_read_utf16 (void)
{
  /* what "Unicode text" from Excel is: UTF-16 with NUL bytes */
  static const char text[] = "\xFF\xFEn\0a\0m\0e\0\r\0\n\0";
  g_autoptr(GError) error = parse_error (text, sizeof text - 1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING);
  assert_message_names_line (error, 1);
}

/* Reader: malformed {{{1 */

static void
test_read_unclosed_quote (void)
{
  /* the quote opens on line 3; the file runs on for three more lines */
  g_autoptr(GError) error =
    parse_error ("name,notes\nAino,ok\nJukka,\"never closed\nx,y\nz,w\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX);
  assert_message_names_line (error, 3);
}

static void
test_read_unclosed_quote_after_multiline (void)
{
  g_autoptr(GError) error = parse_error ("name,notes\nAino,\"two\nlines\"\nJukka,\"open\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX);
  assert_message_names_line (error, 4);
}

static void
test_read_text_after_quote (void)
{
  g_autoptr(GError) error = parse_error ("name,notes\nAino,ok\n\"Jukka\" R,x\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX);
  assert_message_names_line (error, 3);
}

static void
test_read_empty (void)
{
  g_autoptr(GError) error = parse_error ("", 0);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_EMPTY);
}

static void
test_read_empty_bom (void)
{
  g_autoptr(GError) error = parse_error ("\xEF\xBB\xBF", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_EMPTY);
}

static void
test_read_empty_blank_lines (void)
{
  g_autoptr(GError) error = parse_error ("\r\n\n\r\n", -1);

  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_EMPTY);
}

/* Reader: limits {{{1 */

static void
test_limit_field (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\nAino,");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 65 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n");

  error = parse_error (text->str, (gssize)text->len);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE);
  assert_message_names_line (error, 2);
}

static void
test_limit_quoted_field (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\nAino,ok\nJukka,\"");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 65 * 1024; i++)
    g_string_append (text, i % 80 == 79 ? "\n" : "x");
  g_string_append (text, "\"\n");

  error = parse_error (text->str, (gssize)text->len);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE);
  assert_message_names_line (error, 3);
}

static void
test_limit_field_at_limit (void)
{
  g_autoptr(GString) text = g_string_new ("name,notes\nAino,");
  g_autoptr(VpCsvTable) table = NULL;
  const char * const *fields;

  for (guint i = 0; i < VP_CSV_MAX_FIELD; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n");

  table = parse_ok (text->str, (gssize)text->len);
  fields = vp_csv_table_get_row (table, 1, NULL);
  g_assert_cmpuint (strlen (fields[1]), ==, VP_CSV_MAX_FIELD);
}

static void
test_limit_fields (void)
{
  g_autoptr(GString) text = g_string_new ("name");
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < 1001; i++)
    g_string_append (text, ",c");
  g_string_append (text, "\n");

  error = parse_error (text->str, (gssize)text->len);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE);
  assert_message_names_line (error, 1);
}

static void
test_limit_fields_at_limit (void)
{
  g_autoptr(GString) text = g_string_new ("name");
  g_autoptr(VpCsvTable) table = NULL;
  guint n_fields;

  for (guint i = 1; i < VP_CSV_MAX_FIELDS; i++)
    g_string_append (text, ",c");
  g_string_append (text, "\n");

  table = parse_ok (text->str, (gssize)text->len);
  vp_csv_table_get_row (table, 0, &n_fields);
  g_assert_cmpuint (n_fields, ==, VP_CSV_MAX_FIELDS);
}

static void
test_limit_rows (void)
{
  g_autoptr(GString) text = g_string_new ("name\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < VP_CSV_MAX_ROWS; i++)
    g_string_append (text, "x\n");

  /* the header and 200,000 rows are one row too many */
  error = parse_error (text->str, (gssize)text->len);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE);
  assert_message_names_line (error, VP_CSV_MAX_ROWS + 1);
}

static void
test_limit_bytes (void)
{
  gsize size = 33 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VpCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* a plausible file: short rows of text */
  for (gsize i = 0; i < size; i++)
    data[i] = i % 32 == 31 ? '\n' : (i % 8 == 7 ? ',' : 'a');
  bytes = g_bytes_new_take (data, size);

  start = g_get_monotonic_time ();
  table = vp_csv_table_parse (bytes, &error);
  g_assert_null (table);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE);
  /* refused before it is read: far under a second even under a sanitizer */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
}

/* Writer {{{1 */

static char *
write_record (const char * const *fields,
              guint               n_fields)
{
  g_autoptr(GString) out = g_string_new (NULL);

  vp_csv_append_record (out, fields, n_fields);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_write_plain (void)
{
  const char *fields[] = { "a", "b c", "Mäkelä", NULL, "" };
  g_autofree char *text = write_record (fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (text, ==, "a,b c,Mäkelä,,\r\n");
}

static void
test_write_quoting (void)
{
  const char *fields[] = {
    "x,y", "x;y", "say \"hi\"", "two\nlines", "cr\rlf", " lead", "trail ", "tab\there",
  };
  g_autofree char *text = write_record (fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (text, ==,
                   "\"x,y\",\"x;y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rlf\","
                   "\" lead\",\"trail \",\"tab\there\"\r\n");
}

static void
test_write_crlf (void)
{
  const char *first[] = { "a", "b" };
  const char *second[] = { "c", "d" };
  g_autoptr(GString) out = g_string_new (NULL);

  vp_csv_append_record (out, first, G_N_ELEMENTS (first));
  vp_csv_append_record (out, second, G_N_ELEMENTS (second));
  g_assert_cmpstr (out->str, ==, "a,b\r\nc,d\r\n");
}

static void
test_write_formula_guard (void)
{
  static const struct
  {
    const char *cell;
    const char *written;
  } cases[] = {
    { "=1+1", "\"'=1+1\"\r\n" },
    { "+358 40 1", "\"'+358 40 1\"\r\n" },
    { "-3.7", "\"'-3.7\"\r\n" },
    { "@SUM(A1:A9)", "\"'@SUM(A1:A9)\"\r\n" },
    { "\tx", "\"'\tx\"\r\n" },
    { "\rx", "\"'\rx\"\r\n" },
    { "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"\r\n" },
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *fields[] = { cases[i].cell };
      g_autofree char *text = write_record (fields, 1);

      g_assert_cmpstr (text, ==, cases[i].written);
    }
}

static void
test_write_no_guard (void)
{
  /* formula characters later in a cell are harmless */
  const char *fields[] = { "a=b", "1-2", "x@example.org", "'quoted" };
  g_autofree char *text = write_record (fields, G_N_ELEMENTS (fields));

  g_assert_cmpstr (text, ==, "a=b,1-2,x@example.org,'quoted\r\n");
}

static void
test_write_unguard (void)
{
  g_assert_cmpstr (vp_csv_unguard_cell ("'=1+1"), ==, "=1+1");
  g_assert_cmpstr (vp_csv_unguard_cell ("'+358"), ==, "+358");
  g_assert_cmpstr (vp_csv_unguard_cell ("'-3.7"), ==, "-3.7");
  g_assert_cmpstr (vp_csv_unguard_cell ("'@x"), ==, "@x");
  g_assert_cmpstr (vp_csv_unguard_cell ("'\tx"), ==, "\tx");
  g_assert_cmpstr (vp_csv_unguard_cell ("'\rx"), ==, "\rx");
  /* only the apostrophe the writer adds */
  g_assert_cmpstr (vp_csv_unguard_cell ("'quoted'"), ==, "'quoted'");
  g_assert_cmpstr (vp_csv_unguard_cell ("'"), ==, "'");
  g_assert_cmpstr (vp_csv_unguard_cell ("=1+1"), ==, "=1+1");
  g_assert_cmpstr (vp_csv_unguard_cell (""), ==, "");
}

/* Fields written by the writer, read by the reader and unguarded. */
static void
assert_read_back (const char * const *fields,
                  guint               n_fields)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(VpCsvTable) table = NULL;
  const char * const *read;
  guint n_read;

  /* the reader takes the separator from the header row */
  for (guint i = 0; i < n_fields; i++)
    g_string_append (out, i == 0 ? "h" : ",h");
  g_string_append (out, "\r\n");
  vp_csv_append_record (out, fields, n_fields);

  table = parse_ok (out->str, (gssize)out->len);
  read = vp_csv_table_get_row (table, 1, &n_read);
  g_assert_cmpuint (n_read, ==, n_fields);
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (vp_csv_unguard_cell (read[i]), ==, fields[i]);
}

static void
test_write_read_back (void)
{
  const char *fields[] = {
    "plain", "", "x,y;z", "say \"hi\"", "two\r\nlines\n", "=cmd|' /C calc'!A0", "+1", "-2",
    "@x", "\tTab", "\rCR", " spaced ", "ünïcödé €",
  };

  assert_read_back (fields, G_N_ELEMENTS (fields));
}

static void
test_write_read_back_apostrophe (void)
{
  /* text that itself starts with an apostrophe and a formula character
   * must not lose the apostrophe on the way back */
  const char *fields[] = { "'=not a formula", "'+1", "'-" };

  assert_read_back (fields, G_N_ELEMENTS (fields));
}

/* Importer: documents {{{1 */

#define DOCUMENT(hosts, participants, sessions) \
  "{\n" \
  "  \"format\": \"visit-planner-programme\",\n" \
  "  \"version\": 1,\n" \
  "  \"programme\": { \"uid\": \"prog-csv\", \"title\": \"Visit with lists\"," \
  "                   \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\"," \
  "                   \"start_date\": \"2027-04-13\", \"end_date\": \"2027-04-16\" },\n" \
  "  \"hosts\": [" hosts "],\n" \
  "  \"participants\": [" participants "],\n" \
  "  \"sessions\": [" sessions "]\n" \
  "}\n"

static const char base_document[] =
  DOCUMENT (
    "{ \"id\": \"h1\", \"name\": \"Alpha Photonics\", \"kind\": \"company\","
    "  \"contact_name\": \"Rūta K.\", \"contact_email\": \"ruta@alpha.example\","
    "  \"city\": \"Vilnius\", \"country\": \"LT\", \"latitude\": 54.6872, \"longitude\": 25.2797,"
    "  \"max_group_size\": 20, \"notes\": \"Badges at the reception\", \"language\": \"fr\" },"
    "{ \"id\": \"h2\", \"name\": \"Beta Optics Lab\", \"kind\": \"university\" }",
    "{ \"id\": \"p1\", \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\","
    "  \"organisation\": \"Photonics Finland\", \"phone\": \"+358 40 718 2254\","
    "  \"country\": \"FI\", \"role\": \"cluster-manager\", \"dietary\": \"vegetarian\","
    "  \"notes\": \"Group leader\","
    "  \"travel\": [ { \"kind\": \"train\", \"depart\": \"2027-04-13T07:00\","
    "                  \"arrive\": \"2027-04-13T08:00\" } ] },"
    "{ \"id\": \"p2\", \"name\": \"Jukka Räsänen\", \"email\": \"jukka@example.org\","
    "  \"country\": \"FI\", \"role\": \"sme\" },"
    "{ \"id\": \"p3\", \"name\": \"Karin Lindqvist\", \"email\": \"karin@example.org\","
    "  \"country\": \"SE\" }",
    "{ \"id\": \"s1\", \"uid\": \"uid-1\", \"title\": \"Laboratory tour\","
    "  \"start\": \"2027-04-13T10:00\", \"end\": \"2027-04-13T11:00\", \"host\": \"h1\","
    "  \"attendees\": [\"p1\", \"p3\"] },"
    "{ \"id\": \"s2\", \"uid\": \"uid-2\", \"title\": \"Workshop\","
    "  \"start\": \"2027-04-14T10:00\", \"end\": \"2027-04-14T12:00\", \"host\": \"h2\","
    "  \"attendees\": [\"p2\"] }");

static VpSnapshot *
base_snapshot (void)
{
  return vp_test_read_document (base_document);
}

static VpSnapshot *
import_bytes (VpSnapshot   *snapshot,
              VpCsvKind     kind,
              GBytes       *bytes,
              VpCsvReport **report)
{
  g_autoptr(GError) error = NULL;
  VpSnapshot *result = vp_csv_import (snapshot, kind, bytes, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (*report);
  return result;
}

static VpSnapshot *
import_text (VpSnapshot   *snapshot,
             VpCsvKind     kind,
             const char   *csv,
             VpCsvReport **report)
{
  g_autoptr(GBytes) bytes = bytes_of (csv, -1);

  return import_bytes (snapshot, kind, bytes, report);
}

static VpSnapshot *
import_fixture (VpSnapshot   *snapshot,
                VpCsvKind     kind,
                const char   *name,
                VpCsvReport **report)
{
  gsize length;
  g_autofree char *text = read_fixture (name, &length);
  g_autoptr(GBytes) bytes = bytes_of (text, (gssize)length);

  return import_bytes (snapshot, kind, bytes, report);
}

static void
assert_counts (VpCsvReport *report,
               guint        added,
               guint        updated,
               guint        unchanged,
               guint        skipped)
{
  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpCsvSkip *skip = g_ptr_array_index (report->skipped, i);

      g_test_message ("line %u skipped: %s", skip->line, skip->reason);
    }
  g_assert_cmpuint (report->added, ==, added);
  g_assert_cmpuint (report->updated, ==, updated);
  g_assert_cmpuint (report->unchanged, ==, unchanged);
  g_assert_cmpuint (report->skipped->len, ==, skipped);
}

/* Skipped row @index is @line, and its reason contains @reason_part. */
static void
assert_skipped (VpCsvReport *report,
                guint        index,
                guint        line,
                const char  *reason_part)
{
  VpCsvSkip *skip;

  g_assert_cmpuint (index, <, report->skipped->len);
  if (index >= report->skipped->len)
    return;
  skip = g_ptr_array_index (report->skipped, index);
  g_assert_cmpuint (skip->line, ==, line);
  if (strstr (skip->reason, reason_part) == NULL)
    g_test_fail_printf ("line %u: “%s” does not mention “%s”", line, skip->reason, reason_part);
}

static VpParticipant *
find_participant (VpSnapshot *snapshot,
                  const char *name)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      if (g_strcmp0 (vp_participant_get_name (participant), name) == 0)
        return participant;
    }

  g_error ("no participant “%s”", name);
  return NULL;
}

static VpHost *
find_host (VpSnapshot *snapshot,
           const char *name)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);

      if (g_strcmp0 (vp_host_get_name (host), name) == 0)
        return host;
    }

  g_error ("no host “%s”", name);
  return NULL;
}

/* Importer: headers {{{1 */

static void
test_header_e_mail (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS, "Name,E-mail\nEve Example,eve@example.org\n",
                 &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Eve Example")), ==,
                   "eve@example.org");
}

static void
test_header_email_address (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Full name,Email address\nEve Example,eve@example.org\n", &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Eve Example")), ==,
                   "eve@example.org");
}

static void
test_header_first_last_name (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "First name,Last name,Email\n"
                 "Eve,Example,eve@example.org\n"
                 "Mononym,,mono@example.org\n"
                 ",Surname,sur@example.org\n",
                 &report);

  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Eve Example")), ==,
                   "eve@example.org");
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Mononym")), ==,
                   "mono@example.org");
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Surname")), ==,
                   "sur@example.org");
}

static void
test_header_organization (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organization\nEve Example,eve@example.org,Example Corp\n", &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpstr (vp_participant_get_organisation (find_participant (result, "Eve Example")), ==,
                   "Example Corp");
}

static void
test_header_host_organization (void)
{
  /* for hosts the organisation is the name */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS, "Organization,City\nGamma Lasers,Kaunas\n", &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpstr (vp_host_get_city (find_host (result, "Gamma Lasers")), ==, "Kaunas");
}

static void
test_header_case_and_spacing (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "  FULL   NAME ,E_MAIL,  phone_number,Dietary-Requirements\n"
                 "Eve Example,eve@example.org,+1 555 0100,vegan\n",
                 &report);
  VpParticipant *eve;

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);
  eve = find_participant (result, "Eve Example");
  g_assert_cmpstr (vp_participant_get_email (eve), ==, "eve@example.org");
  g_assert_cmpstr (vp_participant_get_phone (eve), ==, "+1 555 0100");
  g_assert_cmpstr (vp_participant_get_dietary (eve), ==, "vegan");
}

static void
test_header_marks (void)
{
  /* web forms export "Name*" for required fields and "Email:" labels */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name*,Email:,Country *\nEve Example,eve@example.org,DE\n", &report);
  VpParticipant *eve;

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);
  eve = find_participant (result, "Eve Example");
  g_assert_cmpstr (vp_participant_get_email (eve), ==, "eve@example.org");
  g_assert_cmpstr (vp_participant_get_country (eve), ==, "DE");
}

static void
test_header_unknown_columns (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Shoe size,Email,T-shirt,\nEve Example,42,eve@example.org,M,\n", &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (report->unknown_columns, 0), ==, "Shoe size");
  g_assert_cmpstr (g_ptr_array_index (report->unknown_columns, 1), ==, "T-shirt");
  g_assert_cmpstr (vp_participant_get_email (find_participant (result, "Eve Example")), ==,
                   "eve@example.org");
}

static void
test_header_no_names (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(GBytes) bytes = bytes_of ("Email,Phone\neve@example.org,1\n", -1);
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  g_autoptr(GError) error = NULL;

  result = vp_csv_import (base, VP_CSV_KIND_PARTICIPANTS, bytes, &report, &error);
  g_assert_null (result);
  g_assert_null (report);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX);
  assert_message_names_line (error, 1);
}

/* Importer: whole files {{{1 */

static void
test_import_file_error (void)
{
  /* a file-level failure gives no snapshot and no report, and the line */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(GBytes) bytes =
    bytes_of ("Name,Email\nEve,eve@example.org\n\"Adam,adam@example.org\n", -1);
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  g_autoptr(GError) error = NULL;

  result = vp_csv_import (base, VP_CSV_KIND_PARTICIPANTS, bytes, &report, &error);
  g_assert_null (result);
  g_assert_null (report);
  g_assert_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX);
  assert_message_names_line (error, 3);
  g_assert_cmpuint (vp_snapshot_get_participants (base)->len, ==, 3);
}

static void
test_import_excel_semicolon (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  VpParticipant *person;
  gsize length;
  g_autofree char *text = read_fixture ("participants-excel-de.csv", &length);

  /* the fixture is what Excel writes: a byte order mark, CRLF */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "\r\n"));

  result = import_fixture (base, VP_CSV_KIND_PARTICIPANTS, "participants-excel-de.csv", &report);
  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpint (report->separator, ==, ';');
  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 6);

  person = find_participant (result, "Jürgen Weiß");
  g_assert_cmpstr (vp_participant_get_email (person), ==, "juergen.weiss@optik-jena.example");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Optik Jena GmbH");
  g_assert_cmpstr (vp_participant_get_country (person), ==, "DE");
  g_assert_cmpint (vp_participant_get_role (person), ==, VP_PARTICIPANT_ROLE_SME);
  g_assert_cmpstr (vp_participant_get_dietary (person), ==, "vegetarisch");
  g_assert_cmpstr (vp_participant_get_phone (person), ==, "+49 3641 55 0123");

  person = find_participant (result, "Élodie Moreau");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Photon Lyon; R&D");
  g_assert_cmpstr (vp_participant_get_country (person), ==, "FR");
  g_assert_cmpint (vp_participant_get_role (person), ==, VP_PARTICIPANT_ROLE_RESEARCHER);
  g_assert_null (vp_participant_get_dietary (person));

  person = find_participant (result, "Søren Østergaard");
  g_assert_cmpstr (vp_participant_get_country (person), ==, "DK");
  g_assert_cmpint (vp_participant_get_role (person), ==, VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
  g_assert_null (vp_participant_get_phone (person));
}

/* A UTF-8 list with one Windows-1252 name: every name right, no mojibake. */
static void
test_import_mixed_encodings (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "name,email,organisation\n"
                 "Jörg Müller,jorg@example.org,Müller & Söhne\n"
                 "M\xE4kel\xE4 Aino,aino.m@example.org,Oy \xC4\xE4nekoski Ab\n",
                 &report);
  VpParticipant *person;

  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpstr (report->encoding, ==, "UTF-8 and Windows-1252");
  person = find_participant (result, "Jörg Müller");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Müller & Söhne");
  person = find_participant (result, "Mäkelä Aino");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Oy Äänekoski Ab");
}

static void
test_import_windows_1252 (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_fixture (base, VP_CSV_KIND_PARTICIPANTS, "participants-windows-1252.csv", &report);
  VpParticipant *person;

  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpstr (report->encoding, ==, "Windows-1252");
  person = find_participant (result, "Mäkelä Aino");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Oy Äänekoski Ab");
  g_assert_cmpstr (vp_participant_get_country (person), ==, "FI");
  person = find_participant (result, "Jörg Müller");
  g_assert_cmpstr (vp_participant_get_organisation (person), ==, "Müller & Söhne");
  g_assert_cmpstr (vp_participant_get_country (person), ==, "DE");
}

static void
test_import_quoted_fixture (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_fixture (base, VP_CSV_KIND_PARTICIPANTS, "participants-quoted.csv", &report);

  assert_counts (report, 3, 0, 0, 0);
  VpParticipant *kaisa = find_participant (result, "Kaisa Järvinen");

  g_assert_cmpstr (vp_participant_get_organisation (kaisa), ==, "Tampere, University of");
  g_assert_cmpstr (vp_participant_get_notes (kaisa), ==, "Arrives late; \"night\" flight");
  g_assert_cmpstr (vp_participant_get_notes (find_participant (result, "Tuomas Lehtonen")), ==,
                   "Two lines:\r\nfirst\r\nsecond");
}

static void
test_import_hosts_decimal_comma (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = import_fixture (base, VP_CSV_KIND_HOSTS, "hosts-fr.csv", &report);
  VpHost *host;

  assert_counts (report, 2, 0, 0, 0);
  g_assert_cmpint (report->separator, ==, ';');
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);

  host = find_host (result, "Laboratoire Photonique");
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_UNIVERSITY);
  g_assert_cmpstr (vp_host_get_contact_name (host), ==, "Claire Dubois");
  g_assert_cmpstr (vp_host_get_contact_email (host), ==, "claire.dubois@labo.example");
  g_assert_cmpstr (vp_host_get_country (host), ==, "FR");
  g_assert_cmpfloat_with_epsilon (vp_host_get_latitude (host), 45.764, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp_host_get_longitude (host), 4.8357, 1e-9);
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 25);

  host = find_host (result, "Atelier Lumière");
  g_assert_cmpfloat_with_epsilon (vp_host_get_latitude (host), 45.1885, 1e-9);
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 0);
}

static void
test_import_country_names (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Country\nA One,Finland\nB Two,germany\nC Three,  se \n"
                 "D Four,UNITED KINGDOM\n",
                 &report);

  assert_counts (report, 4, 0, 0, 0);
  g_assert_cmpstr (vp_participant_get_country (find_participant (result, "A One")), ==, "FI");
  g_assert_cmpstr (vp_participant_get_country (find_participant (result, "B Two")), ==, "DE");
  g_assert_cmpstr (vp_participant_get_country (find_participant (result, "C Three")), ==, "SE");
  g_assert_cmpstr (vp_participant_get_country (find_participant (result, "D Four")), ==, "GB");
}

static void
test_import_role_words (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Role\nA One,Cluster manager\nB Two,SME\nC Three,support_organisation\n",
                 &report);

  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpint (vp_participant_get_role (find_participant (result, "A One")), ==,
                   VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
  g_assert_cmpint (vp_participant_get_role (find_participant (result, "B Two")), ==,
                   VP_PARTICIPANT_ROLE_SME);
  g_assert_cmpint (vp_participant_get_role (find_participant (result, "C Three")), ==,
                   VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION);
}

static void
test_import_snapshot_untouched (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autofree char *before = vp_test_write_document (base);
  g_autofree char *after = NULL;
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organisation\n"
                 "Aino Mäkelä,aino@example.org,Changed Oy\n"
                 "New One,new@example.org,\n",
                 &report);

  assert_counts (report, 1, 1, 0, 0);
  after = vp_test_write_document (base);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (vp_participant_get_organisation (find_participant (result, "Aino Mäkelä")), ==,
                   "Changed Oy");
}

/* Importer: matching {{{1 */

static void
test_match_id (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "id,name,email\np2,Jukka R.,jukka.new@example.org\n", &report);
  VpParticipant *jukka;

  assert_counts (report, 0, 1, 0, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 3);
  jukka = vp_snapshot_lookup_participant (result, "p2");
  g_assert_cmpstr (vp_participant_get_name (jukka), ==, "Jukka R.");
  g_assert_cmpstr (vp_participant_get_email (jukka), ==, "jukka.new@example.org");
  g_assert_cmpint (vp_participant_get_role (jukka), ==, VP_PARTICIPANT_ROLE_SME);
}

static void
test_match_email_case (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Phone\nAino M.,AINO@Example.ORG,+358 1\n", &report);
  VpParticipant *aino;

  assert_counts (report, 0, 1, 0, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 3);
  aino = vp_snapshot_lookup_participant (result, "p1");
  g_assert_cmpstr (vp_participant_get_name (aino), ==, "Aino M.");
  g_assert_cmpstr (vp_participant_get_phone (aino), ==, "+358 1");
  /* what the row does not say stays */
  g_assert_cmpstr (vp_participant_get_organisation (aino), ==, "Photonics Finland");
  g_assert_cmpuint (vp_participant_get_travel (aino)->len, ==, 1);
}

static void
test_match_host_name (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name,City\nAlpha Photonics,Kaunas\nBETA OPTICS LAB,Kaunas\n", &report);
  VpHost *alpha;

  assert_counts (report, 0, 2, 0, 0);
  g_assert_cmpuint (vp_snapshot_get_hosts (result)->len, ==, 2);
  alpha = vp_snapshot_lookup_host (result, "h1");
  g_assert_cmpstr (vp_host_get_city (alpha), ==, "Kaunas");
  g_assert_cmpint (vp_host_get_max_group_size (alpha), ==, 20);
  g_assert_cmpstr (vp_host_get_city (vp_snapshot_lookup_host (result, "h2")), ==, "Kaunas");
}

static void
test_match_updated_unchanged (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organisation,Country\n"
                 "Aino Mäkelä,aino@example.org,Photonics Finland,Finland\n"
                 "Jukka Räsänen,jukka@example.org,Räsänen Oy,FI\n"
                 "Eve Example,eve@example.org,,\n",
                 &report);

  assert_counts (report, 1, 1, 1, 0);
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 4);
  /* the unchanged one is the very same object */
  g_assert_true (vp_snapshot_lookup_participant (result, "p1") ==
                 vp_snapshot_lookup_participant (base, "p1"));
}

static void
test_match_empty_cells_keep (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organisation,Phone,Country,Role,Dietary,Notes\n"
                 "Aino Mäkelä,aino@example.org,,,,,,\n",
                 &report);
  VpParticipant *aino;

  assert_counts (report, 0, 0, 1, 0);
  aino = vp_snapshot_lookup_participant (result, "p1");
  g_assert_cmpstr (vp_participant_get_organisation (aino), ==, "Photonics Finland");
  g_assert_cmpstr (vp_participant_get_phone (aino), ==, "+358 40 718 2254");
  g_assert_cmpstr (vp_participant_get_country (aino), ==, "FI");
  g_assert_cmpint (vp_participant_get_role (aino), ==, VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
  g_assert_cmpstr (vp_participant_get_dietary (aino), ==, "vegetarian");
  g_assert_cmpstr (vp_participant_get_notes (aino), ==, "Group leader");
}

static void
test_match_empty_cells_keep_host (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name;Type;Contact email;Latitude;Longitude;Capacity;Notes\n"
                 "Alpha Photonics;;;;;;\n",
                 &report);
  VpHost *alpha;

  assert_counts (report, 0, 0, 1, 0);
  alpha = vp_snapshot_lookup_host (result, "h1");
  g_assert_cmpint (vp_host_get_kind (alpha), ==, VP_HOST_KIND_COMPANY);
  g_assert_cmpstr (vp_host_get_contact_email (alpha), ==, "ruta@alpha.example");
  g_assert_true (vp_host_has_position (alpha));
  g_assert_cmpint (vp_host_get_max_group_size (alpha), ==, 20);
  g_assert_cmpstr (vp_host_get_notes (alpha), ==, "Badges at the reception");
}

/* Importer: skipped rows {{{1 */

static void
test_skip_no_name (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "First name,Last name,Email\nEve,Example,eve@example.org\n,,nobody@example.org\n",
                 &report);

  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 3, "name");
  g_assert_null (vp_snapshot_lookup_participant_by_email (result, "nobody@example.org"));
}

/* Blank is empty: a name of no-break and ideographic spaces (which a
 * spreadsheet keeps where it trims ASCII spaces) is no name. */
static void
test_skip_blank_name (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email\nEve Example,eve@example.org\n\xC2\xA0 \xE3\x80\x80,"
                 "nobody@example.org\n",
                 &report);
  g_autoptr(VpCsvReport) host_report = NULL;
  g_autoptr(VpSnapshot) hosts =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,City\n\xC2\xA0,Vilnius\n", &host_report);

  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 3, "name");
  g_assert_null (vp_snapshot_lookup_participant_by_email (result, "nobody@example.org"));
  assert_counts (host_report, 0, 0, 0, 1);
  assert_skipped (host_report, 0, 2, "name");
}

static void
test_skip_bad_email (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email\nEve Example,eve at example.org\nAdam Example,adam@example.org\n"
                 "Bad Space,bad space@example.org\n",
                 &report);

  assert_counts (report, 1, 0, 0, 2);
  assert_skipped (report, 0, 2, "eve at example.org");
  assert_skipped (report, 1, 4, "bad space@example.org");
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 4);
}

/* Found by fuzz-csv: an update by id must not give someone an address
 * another participant has (an export of the result would not import back
 * unchanged). */
static void
test_skip_email_of_another (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpCsvReport) again_report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "id,name,email\np2,Jukka Räsänen,AINO@example.org\n", &report);
  g_autoptr(GBytes) exported = vp_csv_export (result, VP_CSV_KIND_PARTICIPANTS);
  g_autoptr(VpSnapshot) again = import_bytes (result, VP_CSV_KIND_PARTICIPANTS, exported,
                                              &again_report);

  assert_counts (report, 0, 0, 0, 1);
  assert_skipped (report, 0, 2, "Aino Mäkelä");
  g_assert_cmpstr (vp_participant_get_email (vp_snapshot_lookup_participant (result, "p2")), ==,
                   "jukka@example.org");
  g_assert_cmpuint (again_report->added + again_report->updated + again_report->skipped->len, ==, 0);
}

static void
test_skip_bad_host_email (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,Contact email\nGamma,not-an-address\n", &report);

  assert_counts (report, 0, 0, 0, 1);
  assert_skipped (report, 0, 2, "not-an-address");
  g_assert_cmpuint (vp_snapshot_get_hosts (result)->len, ==, 2);
}

static void
test_skip_unknown_country (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Country\nEve Example,Narnia\nAdam Example,Estonia\nX Y,F1\n", &report);

  assert_counts (report, 1, 0, 0, 2);
  assert_skipped (report, 0, 2, "Narnia");
  assert_skipped (report, 1, 4, "F1");
  g_assert_cmpstr (vp_participant_get_country (find_participant (result, "Adam Example")), ==,
                   "EE");
}

static void assert_round_trip (VpSnapshot *snapshot,
                               VpCsvKind   kind);

/* A language in either case, as its code; another word is skipped. */
static void
test_import_language (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Preferred language\nAino Mäkelä,aino@example.org,SV\n"
                 "Eve Example,eve@example.org,klingon\n", &report);
  g_autoptr(VpCsvReport) host_report = NULL;
  g_autoptr(VpSnapshot) hosts =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,Language\nBeta Optics Lab,de\n", &host_report);

  assert_counts (report, 0, 1, 0, 1);
  assert_skipped (report, 0, 3, "klingon");
  g_assert_cmpstr (vp_participant_get_language (vp_snapshot_lookup_participant (result, "p1")),
                   ==, "sv");
  assert_counts (host_report, 0, 1, 0, 0);
  g_assert_cmpstr (vp_host_get_language (vp_snapshot_lookup_host (hosts, "h2")), ==, "de");
  /* the export's column, read back */
  assert_round_trip (result, VP_CSV_KIND_PARTICIPANTS);
}

static void
test_skip_unknown_role (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Role\nAino Mäkelä,aino@example.org,astronaut\n", &report);

  assert_counts (report, 0, 0, 0, 1);
  assert_skipped (report, 0, 2, "astronaut");
  /* a skipped update leaves the participant as it was */
  g_assert_cmpint (vp_participant_get_role (vp_snapshot_lookup_participant (result, "p1")), ==,
                   VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
}

static void
test_skip_unknown_kind (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,Kind\nGamma,spaceport\nDelta,Research\n", &report);

  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 2, "spaceport");
  g_assert_cmpint (vp_host_get_kind (find_host (result, "Delta")), ==, VP_HOST_KIND_RESEARCH);
}

static void
test_skip_half_position (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name;Latitude;Longitude\nGamma;54,9;\nDelta;;23,9\nEpsilon;91;20\n"
                 "Zeta;54,9;23,9\n",
                 &report);

  assert_counts (report, 1, 0, 0, 3);
  assert_skipped (report, 0, 2, "latitude");
  assert_skipped (report, 1, 3, "latitude");
  assert_skipped (report, 2, 4, "latitude");
  g_assert_cmpfloat_with_epsilon (vp_host_get_longitude (find_host (result, "Zeta")), 23.9, 1e-9);
}

static void
test_skip_group_size (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name;Max group size\nGamma;lots\nDelta;2,5\nEpsilon;0\nZeta;-4\nEta;12\n",
                 &report);

  assert_counts (report, 1, 0, 0, 4);
  assert_skipped (report, 0, 2, "lots");
  assert_skipped (report, 1, 3, "2,5");
  assert_skipped (report, 2, 4, "0");
  assert_skipped (report, 3, 5, "-4");
  g_assert_cmpint (vp_host_get_max_group_size (find_host (result, "Eta")), ==, 12);
}

/* The import refuses what the rules of values (vp-values.h) refuse.  It
 * used to take an address with two “@”, one whose domain has no dot or
 * ends in one, “UK”, and group sizes such as “12.0” and “1e1”. */
static void
test_skip_values_participants (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Country\n"
                 "Two At,two@at@example.org,\n"
                 "No Dot,nodot@localhost,\n"
                 "Trailing Dot,trailing@example.org.,\n"
                 "Space Inside,space inside@example.org,\n"
                 "United Kingdom,uk@example.org,uk\n"
                 "Nowhere,nowhere@example.org,XX\n"
                 "Unicode Jürgen,jürgen@müller.de,gb\n",
                 &report);
  VpParticipant *jurgen;

  assert_counts (report, 1, 0, 0, 6);
  assert_skipped (report, 0, 2, "more than one “@”");
  assert_skipped (report, 1, 3, "needs a dot");
  assert_skipped (report, 2, 4, "empty part");
  assert_skipped (report, 3, 5, "a space");
  assert_skipped (report, 4, 6, "use “GB”");
  assert_skipped (report, 5, 7, "“XX” is not the code of a country");
  jurgen = find_participant (result, "Unicode Jürgen");
  g_assert_nonnull (jurgen);
  if (jurgen != NULL)
    g_assert_cmpstr (vp_participant_get_country (jurgen), ==, "GB");
}

static void
test_skip_values_hosts (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name;Contact email;Latitude;Longitude;Max group size\n"
                 "Alpha;a@b@example.org;;;\n"
                 "Beta;;nan;20;\n"
                 "Gamma;;1e400;20;\n"
                 "Delta;;54;180,5;\n"
                 "Epsilon;;;;12.0\n"
                 "Zeta;;;;1e1\n"
                 "Eta;;;;4294967297\n"
                 "Theta;;-90;-180;100000\n",
                 &report);
  VpHost *theta;

  assert_counts (report, 1, 0, 0, 7);
  assert_skipped (report, 0, 2, "more than one “@”");
  assert_skipped (report, 1, 3, "latitude");
  assert_skipped (report, 2, 4, "latitude");
  assert_skipped (report, 3, 5, "longitude");
  assert_skipped (report, 4, 6, "“12.0” is not a group size");
  assert_skipped (report, 5, 7, "“1e1” is not a group size");
  assert_skipped (report, 6, 8, "from 1 to 100000");
  theta = find_host (result, "Theta");
  g_assert_nonnull (theta);
  if (theta != NULL)
    {
      g_assert_cmpfloat (vp_host_get_latitude (theta), ==, -90);
      g_assert_cmpfloat (vp_host_get_longitude (theta), ==, -180);
      g_assert_cmpint (vp_host_get_max_group_size (theta), ==, 100000);
    }
}

static void
test_skip_duplicate (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email\nEve Example,eve@example.org\nJukka Räsänen,jukka@example.org\n"
                 "Eve Again,EVE@example.org\n",
                 &report);

  assert_counts (report, 1, 0, 1, 1);
  assert_skipped (report, 0, 4, "line 2");
  g_assert_cmpuint (vp_snapshot_get_participants (result)->len, ==, 4);
  g_assert_cmpstr (vp_participant_get_name (vp_snapshot_lookup_participant_by_email (
                     result, "eve@example.org")), ==, "Eve Example");
}

static void
test_skip_duplicate_host (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,City\nGamma,Kaunas\ngamma,Vilnius\n", &report);

  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 3, "line 2");
  g_assert_cmpstr (vp_host_get_city (find_host (result, "Gamma")), ==, "Kaunas");
}

static void
test_skip_duplicate_by_id_and_email (void)
{
  /* line 2 names p1 by its id (and gives a new email), line 3 by its old
   * email: the same person twice, which the second row must not overwrite */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "id,name,email\np1,Aino Mäkelä,aino.new@example.org\n,Aino M.,aino@example.org\n",
                 &report);

  assert_counts (report, 0, 1, 0, 1);
  assert_skipped (report, 0, 3, "line 2");
  g_assert_cmpstr (vp_participant_get_email (vp_snapshot_lookup_participant (result, "p1")), ==,
                   "aino.new@example.org");
}

static void
test_skip_line_after_quoted_newline (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Notes\r\nEve Example,eve@example.org,\"one\r\ntwo\r\nthree\"\r\n"
                 "\r\nBad Row,bad,\r\n",
                 &report);

  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 6, "bad");
}

static void
test_skip_control_character_id (void)
{
  /* an id the programme document cannot hold must not get into the
   * programme: the programme has to export and import again */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "id,name,email\np\x01x,Eve Example,eve@example.org\n", &report);
  g_autoptr(GBytes) document = vp_programme_format_write (result);
  g_autoptr(VpSnapshot) reread = NULL;
  g_autoptr(GError) error = NULL;

  reread = vp_programme_format_read (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reread);
}

/* Importer: hostile text {{{1 */

static void
test_hostile_control_characters (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Notes\nEve Example,eve@example.org,\"ring\x07 \x1b[2J clear\x7f\"\n",
                 &report);

  assert_counts (report, 1, 0, 0, 0);
  g_assert_cmpstr (vp_participant_get_notes (find_participant (result, "Eve Example")), ==,
                   "ring\x07 \x1b[2J clear\x7f");
}

static void
test_hostile_long_cells (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  g_autoptr(GString) csv = g_string_new ("Name,Email,Notes\nEve Example,eve@example.org,");
  const char *notes;

  for (guint i = 0; i < 60000; i++)
    g_string_append_c (csv, "abcdefghij"[i % 10]);
  g_string_append (csv, "\n");
  for (guint i = 0; i < 301; i++)
    g_string_append_c (csv, 'N');
  g_string_append (csv, ",long@example.org,\n");

  result = import_text (base, VP_CSV_KIND_PARTICIPANTS, csv->str, &report);
  assert_counts (report, 1, 0, 0, 1);
  assert_skipped (report, 0, 3, "too long");
  notes = vp_participant_get_notes (find_participant (result, "Eve Example"));
  g_assert_cmpuint (strlen (notes), ==, 60000);
}

static void
test_hostile_formula (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organisation,Notes\n"
                 "@SUM(1+1),eve@example.org,\"=cmd|' /C calc'!A0\","
                 "\"+HYPERLINK(\"\"http://x\"\")\"\n",
                 &report);
  VpParticipant *eve;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *text = NULL;

  assert_counts (report, 1, 0, 0, 0);
  eve = vp_snapshot_lookup_participant_by_email (result, "eve@example.org");
  g_assert_cmpstr (vp_participant_get_name (eve), ==, "@SUM(1+1)");
  g_assert_cmpstr (vp_participant_get_organisation (eve), ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (vp_participant_get_notes (eve), ==, "+HYPERLINK(\"http://x\")");

  exported = vp_csv_export (result, VP_CSV_KIND_PARTICIPANTS);
  text = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  g_assert_nonnull (strstr (text, ",\"'@SUM(1+1)\",eve@example.org,\"'=cmd|' /C calc'!A0\","));
  g_assert_nonnull (strstr (text, ",\"'+HYPERLINK(\"\"http://x\"\")\","));
  /* nothing unguarded starts a cell */
  g_assert_null (strstr (text, ",=cmd"));
  g_assert_null (strstr (text, ",\"=cmd"));
}

static void
test_hostile_formula_round_trip (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpCsvReport) again = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_PARTICIPANTS,
                 "Name,Email,Organisation,Notes\n"
                 "@SUM(1+1),eve@example.org,\"=cmd|' /C calc'!A0\",\"-2+3\"\n",
                 &report);
  g_autoptr(GBytes) exported = vp_csv_export (result, VP_CSV_KIND_PARTICIPANTS);
  g_autoptr(VpSnapshot) reimported =
    import_bytes (result, VP_CSV_KIND_PARTICIPANTS, exported, &again);

  assert_counts (again, 0, 0, 4, 0);
}

/* Export and the round trip {{{1 */

static void
test_export_format (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(GBytes) bytes = vp_csv_export (base, VP_CSV_KIND_HOSTS);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (data, length);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "id,name,kind,"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* every line ends in CRLF */
  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    g_assert_true (p > text && p[-1] == '\r');
  g_assert_nonnull (strstr (text, "\r\nh1,Alpha Photonics,company,Rūta K.,ruta@alpha.example,,,"
                                  "Vilnius,LT,54.6872,25.2797,20,Badges at the reception,fr\r\n"));
}

static void
test_export_numbers (void)
{
  /* a negative longitude is guarded like a formula, and reads back */
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS, "Name,Lat,Lon\nMadrid Lab,40.4168,-3.7038\n", &report);
  g_autoptr(GBytes) bytes = vp_csv_export (result, VP_CSV_KIND_HOSTS);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(VpCsvReport) again = NULL;
  g_autoptr(VpSnapshot) reimported = NULL;

  g_assert_nonnull (strstr (text, ",40.4168,\"'-3.7038\","));
  reimported = import_bytes (result, VP_CSV_KIND_HOSTS, bytes, &again);
  assert_counts (again, 0, 0, 3, 0);
  g_assert_cmpfloat (vp_host_get_longitude (find_host (reimported, "Madrid Lab")), ==, -3.7038);
}

/* Exports @kind of @snapshot and imports it back: nothing added, nothing
 * changed, the same programme document. */
static void
assert_round_trip (VpSnapshot *snapshot,
                   VpCsvKind   kind)
{
  g_autoptr(GBytes) exported = vp_csv_export (snapshot, kind);
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result = import_bytes (snapshot, kind, exported, &report);
  g_autofree char *before = vp_test_write_document (snapshot);
  g_autofree char *after = vp_test_write_document (result);
  guint n = kind == VP_CSV_KIND_PARTICIPANTS ? vp_snapshot_get_participants (snapshot)->len
           : kind == VP_CSV_KIND_HOSTS       ? vp_snapshot_get_hosts (snapshot)->len
                                             : vp_snapshot_get_organisations (snapshot)->len;

  g_assert_cmpuint (n, >, 0);
  assert_counts (report, 0, 0, n, 0);
  g_assert_cmpuint (report->unknown_columns->len, ==, 0);
  g_assert_cmpstr (after, ==, before);
}

/* Whole degrees with trailing zeros and tiny ones are written without an
 * exponent (“3e+01” once made the export unreadable), so they read back;
 * found by fuzz-csv. */
static void
test_export_whole_numbers (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_HOSTS,
                 "Name,Lat,Lon\nThirty,30,-100\nSmall,0.00001,120.5\n", &report);
  g_autoptr(GBytes) bytes = vp_csv_export (result, VP_CSV_KIND_HOSTS);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(VpCsvReport) again = NULL;
  g_autoptr(VpSnapshot) reimported = NULL;

  assert_counts (report, 2, 0, 0, 0);
  g_assert_nonnull (strstr (text, ",30,\"'-100\","));
  g_assert_nonnull (strstr (text, ",0.00001,120.5,"));
  g_assert_null (strstr (text, "e+"));
  g_assert_null (strstr (text, "e-0"));
  reimported = import_bytes (result, VP_CSV_KIND_HOSTS, bytes, &again);
  assert_counts (again, 0, 0, 4, 0);
  g_assert_cmpuint (again->skipped->len, ==, 0);
  g_assert_cmpfloat (vp_host_get_latitude (find_host (reimported, "Small")), ==, 0.00001);
}

static void
test_round_trip_demo_participants (void)
{
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();

  assert_round_trip (demo, VP_CSV_KIND_PARTICIPANTS);
}

static void
test_round_trip_demo_hosts (void)
{
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();

  assert_round_trip (demo, VP_CSV_KIND_HOSTS);
}

static void
test_round_trip_demo_organisations (void)
{
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();

  assert_round_trip (demo, VP_CSV_KIND_ORGANISATIONS);
}

/* Organisations {{{1 */

static VpOrganisation *
find_organisation (VpSnapshot *snapshot,
                   const char *name)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);

      if (g_strcmp0 (vp_organisation_get_name (organisation), name) == 0)
        return organisation;
    }
  g_assert_not_reached ();
}

/* One organisation however its name is spelt: case, runs of spaces and
 * Unicode compatibility forms (full-width letters) aside. */
static void
test_organisations_match_spellings (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_ORGANISATIONS,
                 "Company,Kind,Registered country,Website\n"
                 "PHOTONICS   finland,Cluster organization,Finland,https://eccp.example/pf\n"
                 "\xEF\xBC\xB0hotonics Finland,,,\n",
                 &report);
  VpOrganisation *organisation;

  assert_counts (report, 0, 1, 0, 1);
  g_assert_cmpuint (vp_snapshot_get_organisations (result)->len, ==,
                    vp_snapshot_get_organisations (base)->len);
  /* found by its name, it keeps its spelling */
  organisation = find_organisation (result, "Photonics Finland");
  g_assert_cmpint (vp_organisation_get_kind (organisation), ==,
                   VP_ORGANISATION_KIND_CLUSTER_ORGANISATION);
  g_assert_cmpstr (vp_organisation_get_country (organisation), ==, "FI");
  g_assert_cmpstr (vp_organisation_get_eccp_url (organisation), ==, "https://eccp.example/pf");
  g_assert_cmpstr (((VpCsvSkip *)g_ptr_array_index (report->skipped, 0))->reason, ==,
                   "the same organisation as on line 2");
}

/* Renamed by its id, the organisation takes its people along, in copies:
 * the snapshot imported into is not changed. */
static void
test_organisations_rename (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autofree char *before = vp_test_write_document (base);
  g_autofree char *after = NULL;
  g_autoptr(VpCsvReport) report = NULL;
  VpOrganisation *old = find_organisation (base, "Photonics Finland");
  g_autofree char *csv = g_strdup_printf ("id,name\n%s,Photonics Finland ry\n",
                                          vp_organisation_get_ref (old));
  g_autoptr(VpSnapshot) result = import_text (base, VP_CSV_KIND_ORGANISATIONS, csv, &report);
  VpParticipant *aino = find_participant (result, "Aino Mäkelä");
  VpOrganisation *renamed = find_organisation (result, "Photonics Finland ry");

  assert_counts (report, 0, 1, 0, 0);
  g_assert_cmpstr (vp_organisation_get_uid (renamed), ==, vp_organisation_get_uid (old));
  g_assert_cmpstr (vp_participant_get_organisation (aino), ==, "Photonics Finland ry");
  g_assert_true (vp_snapshot_get_participant_organisation (result, aino) == renamed);
  g_assert_cmpuint (vp_snapshot_get_organisations (result)->len, ==,
                    vp_snapshot_get_organisations (base)->len);
  after = vp_test_write_document (base);
  g_assert_cmpstr (after, ==, before);
}

static void
test_organisations_skip_values (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpSnapshot) result =
    import_text (base, VP_CSV_KIND_ORGANISATIONS,
                 "name,country,latitude,longitude,contact_email,type\n"
                 "Good Oy,fi,\"60,1699\",24.9384,good@good.example,sme\n"
                 "Bad Country,Atlantis,,,,\n"
                 "Bad Position,FI,60.1,181,,\n"
                 "Bad Email,FI,,,good@,\n"
                 "Bad Kind,FI,,,,university\n",
                 &report);
  VpOrganisation *good = find_organisation (result, "Good Oy");

  assert_counts (report, 1, 0, 0, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (((VpCsvSkip *)g_ptr_array_index (report->skipped, i))->line, ==, i + 3);
  g_assert_cmpstr (vp_organisation_get_country (good), ==, "FI");
  g_assert_cmpfloat_with_epsilon (vp_organisation_get_latitude (good), 60.1699, 1e-9);
  g_assert_cmpint (vp_organisation_get_kind (good), ==, VP_ORGANISATION_KIND_SME);
  g_assert_nonnull (vp_organisation_get_uid (good));
}

static void
test_round_trip_base (void)
{
  g_autoptr(VpSnapshot) base = base_snapshot ();

  assert_round_trip (base, VP_CSV_KIND_PARTICIPANTS);
  assert_round_trip (base, VP_CSV_KIND_HOSTS);
}

static void
test_round_trip_tricky_text (void)
{
  /* text a spreadsheet list really holds: separators, quotes, line
   * breaks, formula characters, Unicode */
  static const char document[] =
    DOCUMENT ("{ \"id\": \"h1\", \"name\": \"-Minus; \\\"Quoted\\\", Inc.\","
              "  \"notes\": \"=1+1\\nSecond line\", \"latitude\": -33.8688,"
              "  \"longitude\": -151.2093 }",
              "{ \"id\": \"p1\", \"name\": \"Zoë O'Brien\", \"email\": \"zoe@example.org\","
              "  \"phone\": \"+44 20 7946 0000\","
              "  \"notes\": \"@mention, \\\"quoted\\\"\\r\\nand more\","
              "  \"dietary\": \"-\" }",
              "");
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (document);

  assert_round_trip (snapshot, VP_CSV_KIND_PARTICIPANTS);
  assert_round_trip (snapshot, VP_CSV_KIND_HOSTS);
}

static void
test_round_trip_apostrophe (void)
{
  /* a note that starts with an apostrophe and a formula character */
  static const char document[] =
    DOCUMENT ("",
              "{ \"id\": \"p1\", \"name\": \"Eve Example\", \"email\": \"eve@example.org\","
              "  \"notes\": \"'=not a formula\" }",
              "");
  g_autoptr(VpSnapshot) snapshot = vp_test_read_document (document);

  assert_round_trip (snapshot, VP_CSV_KIND_PARTICIPANTS);
}

/* The store: attendances survive {{{1 */

/* A temporary folder and the path of a database in it. */
typedef VpTestDatabase Fixture;

/* The participant refs of the session titled @title. */
static char *
attendees_of (VpSnapshot *snapshot,
              const char *title)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      GPtrArray *attendees = vp_session_get_attendees (session);
      g_autoptr(GString) names = g_string_new (NULL);

      if (g_strcmp0 (vp_session_get_title (session), title) != 0)
        continue;
      g_assert_false (vp_session_get_attendees_all (session));
      for (guint k = 0; k < attendees->len; k++)
        {
          VpParticipant *participant =
            vp_snapshot_lookup_participant (snapshot, g_ptr_array_index (attendees, k));

          g_assert_nonnull (participant);
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, vp_participant_get_name (participant));
        }
      return g_string_free (g_steal_pointer (&names), FALSE);
    }

  g_error ("no session “%s”", title);
  return NULL;
}

static void
test_store_attendances_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) base = base_snapshot ();
  g_autoptr(VpSnapshot) loaded = NULL;
  g_autoptr(VpSnapshot) updated = NULL;
  g_autoptr(VpSnapshot) reloaded = NULL;
  g_autoptr(VpCsvReport) report = NULL;
  g_autofree char *tour = NULL;
  g_autofree char *workshop = NULL;
  gint64 id = vp_test_import_snapshot (store, base, VP_STORE_IMPORT_NONE);

  loaded = vp_test_load (store, id);

  /* an update, a new person, an unchanged one and a skipped row */
  updated = import_text (loaded, VP_CSV_KIND_PARTICIPANTS,
                         "Name;E-Mail;Organisation\n"
                         "Aino Mäkelä;aino@example.org;Photonics Finland ry\n"
                         "Karin Lindqvist;karin@example.org;\n"
                         "Eve Example;eve@example.org;Example AB\n"
                         "Bad Row;bad;\n",
                         &report);
  assert_counts (report, 1, 1, 1, 1);
  vp_test_import_snapshot (store, updated, VP_STORE_IMPORT_UPDATE);

  reloaded = vp_test_load (store, id);
  g_assert_cmpuint (vp_snapshot_get_participants (reloaded)->len, ==, 4);
  g_assert_cmpstr (vp_participant_get_organisation (find_participant (reloaded, "Aino Mäkelä")), ==,
                   "Photonics Finland ry");
  tour = attendees_of (reloaded, "Laboratory tour");
  workshop = attendees_of (reloaded, "Workshop");
  g_assert_cmpstr (tour, ==, "Aino Mäkelä, Karin Lindqvist");
  g_assert_cmpstr (workshop, ==, "Jukka Räsänen");
}

static void
test_store_round_trip_unchanged (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* the demo through the store: export, import, the same document */
  static const VpCsvKind kinds[] = { VP_CSV_KIND_PARTICIPANTS, VP_CSV_KIND_HOSTS };
  g_autoptr(VpStore) store = vp_test_open_store (fixture->path);
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();
  g_autoptr(VpSnapshot) loaded = NULL;
  g_autoptr(VpSnapshot) reloaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = vp_test_import_snapshot (store, demo, VP_STORE_IMPORT_NONE);

  loaded = vp_test_load (store, id);
  before = vp_test_write_document (loaded);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      VpCsvKind kind = kinds[k];
      g_autoptr(VpSnapshot) current = vp_test_load (store, id);
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(VpCsvReport) report = NULL;
      g_autoptr(VpSnapshot) updated = NULL;

      exported = vp_csv_export (current, kind);
      updated = import_bytes (current, kind, exported, &report);
      assert_counts (report, 0, 0,
                     kind == VP_CSV_KIND_PARTICIPANTS ? 12 : 7, 0);
      vp_test_import_snapshot (store, updated, VP_STORE_IMPORT_UPDATE);
    }

  reloaded = vp_test_load (store, id);
  after = vp_test_write_document (reloaded);
  g_assert_cmpstr (after, ==, before);
}

/* Main {{{1 */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a failure reports its test and lets the others run */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/csv/read/comma", test_read_comma);
  g_test_add_func ("/csv/read/semicolon", test_read_semicolon);
  g_test_add_func ("/csv/read/tab", test_read_tab);
  g_test_add_func ("/csv/read/separator-from-header", test_read_separator_from_header);
  g_test_add_func ("/csv/read/crlf", test_read_crlf);
  g_test_add_func ("/csv/read/lf", test_read_lf);
  g_test_add_func ("/csv/read/mixed-line-endings", test_read_mixed_line_endings);
  g_test_add_func ("/csv/read/bom", test_read_bom);
  g_test_add_func ("/csv/read/quoted-separator", test_read_quoted_separator);
  g_test_add_func ("/csv/read/quoted-newline", test_read_quoted_newline);
  g_test_add_func ("/csv/read/escaped-quote", test_read_escaped_quote);
  g_test_add_func ("/csv/read/empty-fields", test_read_empty_fields);
  g_test_add_func ("/csv/read/trailing-separator", test_read_trailing_separator);
  g_test_add_func ("/csv/read/blank-lines", test_read_blank_lines);
  g_test_add_func ("/csv/read/no-final-newline", test_read_no_final_newline);
  g_test_add_func ("/csv/read/fixture-quoted", test_read_fixture_quoted);

  g_test_add_func ("/csv/read/encoding/utf-8", test_read_utf8);
  g_test_add_func ("/csv/read/encoding/windows-1252", test_read_windows_1252);
  g_test_add_func ("/csv/read/encoding/windows-1252-fixture", test_read_windows_1252_fixture);
  g_test_add_func ("/csv/read/encoding/neither", test_read_neither_encoding);
  g_test_add_func ("/csv/read/encoding/neither-names-line", test_read_neither_encoding_line);
  g_test_add_func ("/csv/read/encoding/per-field", test_read_per_field);
  g_test_add_func ("/csv/read/encoding/neither-names-column", test_read_neither_encoding_column);
  g_test_add_func ("/csv/read/encoding/nul", test_read_nul);
  g_test_add_func ("/csv/read/encoding/utf-16", test_read_utf16);

  g_test_add_func ("/csv/read/malformed/unclosed-quote", test_read_unclosed_quote);
  g_test_add_func ("/csv/read/malformed/unclosed-quote-after-multiline",
                   test_read_unclosed_quote_after_multiline);
  g_test_add_func ("/csv/read/malformed/text-after-quote", test_read_text_after_quote);
  g_test_add_func ("/csv/read/malformed/empty", test_read_empty);
  g_test_add_func ("/csv/read/malformed/empty-bom", test_read_empty_bom);
  g_test_add_func ("/csv/read/malformed/empty-blank-lines", test_read_empty_blank_lines);

  g_test_add_func ("/csv/read/limit/field", test_limit_field);
  g_test_add_func ("/csv/read/limit/quoted-field", test_limit_quoted_field);
  g_test_add_func ("/csv/read/limit/field-at-limit", test_limit_field_at_limit);
  g_test_add_func ("/csv/read/limit/fields", test_limit_fields);
  g_test_add_func ("/csv/read/limit/fields-at-limit", test_limit_fields_at_limit);
  g_test_add_func ("/csv/read/limit/rows", test_limit_rows);
  g_test_add_func ("/csv/read/limit/bytes", test_limit_bytes);

  g_test_add_func ("/csv/write/plain", test_write_plain);
  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/crlf", test_write_crlf);
  g_test_add_func ("/csv/write/formula-guard", test_write_formula_guard);
  g_test_add_func ("/csv/write/no-guard", test_write_no_guard);
  g_test_add_func ("/csv/write/unguard", test_write_unguard);
  g_test_add_func ("/csv/write/read-back", test_write_read_back);
  g_test_add_func ("/csv/write/read-back-apostrophe", test_write_read_back_apostrophe);

  g_test_add_func ("/csv/import/header/e-mail", test_header_e_mail);
  g_test_add_func ("/csv/import/header/email-address", test_header_email_address);
  g_test_add_func ("/csv/import/header/first-last-name", test_header_first_last_name);
  g_test_add_func ("/csv/import/header/organization", test_header_organization);
  g_test_add_func ("/csv/import/header/host-organization", test_header_host_organization);
  g_test_add_func ("/csv/import/header/case-and-spacing", test_header_case_and_spacing);
  g_test_add_func ("/csv/import/header/marks", test_header_marks);
  g_test_add_func ("/csv/import/header/unknown-columns", test_header_unknown_columns);
  g_test_add_func ("/csv/import/header/no-names", test_header_no_names);

  g_test_add_func ("/csv/import/file/error", test_import_file_error);
  g_test_add_func ("/csv/import/file/excel-semicolon", test_import_excel_semicolon);
  g_test_add_func ("/csv/import/file/windows-1252", test_import_windows_1252);
  g_test_add_func ("/csv/import/file/mixed-encodings", test_import_mixed_encodings);
  g_test_add_func ("/csv/import/file/quoted", test_import_quoted_fixture);
  g_test_add_func ("/csv/import/file/hosts-decimal-comma", test_import_hosts_decimal_comma);
  g_test_add_func ("/csv/import/file/country-names", test_import_country_names);
  g_test_add_func ("/csv/import/file/role-words", test_import_role_words);
  g_test_add_func ("/csv/import/file/snapshot-untouched", test_import_snapshot_untouched);

  g_test_add_func ("/csv/import/match/id", test_match_id);
  g_test_add_func ("/csv/import/match/email-case", test_match_email_case);
  g_test_add_func ("/csv/import/match/host-name", test_match_host_name);
  g_test_add_func ("/csv/import/match/updated-unchanged", test_match_updated_unchanged);
  g_test_add_func ("/csv/import/match/empty-cells-keep", test_match_empty_cells_keep);
  g_test_add_func ("/csv/import/match/empty-cells-keep-host", test_match_empty_cells_keep_host);

  g_test_add_func ("/csv/import/skip/no-name", test_skip_no_name);
  g_test_add_func ("/csv/import/skip/blank-name", test_skip_blank_name);
  g_test_add_func ("/csv/import/skip/bad-email", test_skip_bad_email);
  g_test_add_func ("/csv/import/skip/email-of-another", test_skip_email_of_another);
  g_test_add_func ("/csv/import/skip/bad-host-email", test_skip_bad_host_email);
  g_test_add_func ("/csv/import/skip/unknown-country", test_skip_unknown_country);
  g_test_add_func ("/csv/import/language", test_import_language);
  g_test_add_func ("/csv/import/skip/unknown-role", test_skip_unknown_role);
  g_test_add_func ("/csv/import/skip/unknown-kind", test_skip_unknown_kind);
  g_test_add_func ("/csv/import/skip/half-position", test_skip_half_position);
  g_test_add_func ("/csv/import/skip/group-size", test_skip_group_size);
  g_test_add_func ("/csv/import/skip/values-participants", test_skip_values_participants);
  g_test_add_func ("/csv/import/skip/values-hosts", test_skip_values_hosts);
  g_test_add_func ("/csv/import/skip/duplicate", test_skip_duplicate);
  g_test_add_func ("/csv/import/skip/duplicate-host", test_skip_duplicate_host);
  g_test_add_func ("/csv/import/skip/duplicate-by-id-and-email",
                   test_skip_duplicate_by_id_and_email);
  g_test_add_func ("/csv/import/skip/line-after-quoted-newline",
                   test_skip_line_after_quoted_newline);
  g_test_add_func ("/csv/import/skip/control-character-id", test_skip_control_character_id);

  g_test_add_func ("/csv/import/hostile/control-characters", test_hostile_control_characters);
  g_test_add_func ("/csv/import/hostile/long-cells", test_hostile_long_cells);
  g_test_add_func ("/csv/import/hostile/formula", test_hostile_formula);
  g_test_add_func ("/csv/import/hostile/formula-round-trip", test_hostile_formula_round_trip);

  g_test_add_func ("/csv/export/format", test_export_format);
  g_test_add_func ("/csv/export/numbers", test_export_numbers);
  g_test_add_func ("/csv/export/whole-numbers", test_export_whole_numbers);
  g_test_add_func ("/csv/round-trip/demo-participants", test_round_trip_demo_participants);
  g_test_add_func ("/csv/round-trip/demo-hosts", test_round_trip_demo_hosts);
  g_test_add_func ("/csv/round-trip/demo-organisations", test_round_trip_demo_organisations);
  g_test_add_func ("/csv/round-trip/base", test_round_trip_base);
  g_test_add_func ("/csv/round-trip/tricky-text", test_round_trip_tricky_text);
  g_test_add_func ("/csv/round-trip/apostrophe", test_round_trip_apostrophe);

  g_test_add_func ("/csv/organisations/match-spellings", test_organisations_match_spellings);
  g_test_add_func ("/csv/organisations/rename", test_organisations_rename);
  g_test_add_func ("/csv/organisations/skip-values", test_organisations_skip_values);

  g_test_add ("/csv/store/attendances-kept", Fixture, NULL,
              vp_test_database_set_up, test_store_attendances_kept,
              vp_test_database_tear_down);
  g_test_add ("/csv/store/round-trip-unchanged", Fixture, NULL,
              vp_test_database_set_up, test_store_round_trip_unchanged,
              vp_test_database_tear_down);

  return g_test_run ();
}

/* vp-csv.c: comma-separated values (RFC 4180) as spreadsheets write them, read and written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vp-csv.h"

G_DEFINE_QUARK (vp-csv-error-quark, vp_csv_error)

struct _VpCsvTable
{
  GPtrArray  *rows;       /* of GPtrArray of char*, NULL-terminated */
  GArray     *lines;      /* guint: the line where each row starts */
  GArray     *converted;  /* guint pairs: line, column of each field read as Windows-1252 */
  gboolean    has_utf8;   /* a field holds UTF-8 beyond ASCII */
  char        separator;
  const char *encoding;
};

void
vp_csv_table_free (VpCsvTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_clear_pointer (&table->converted, g_array_unref);
  g_free (table);
}

guint
vp_csv_table_get_n_rows (VpCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

const char * const *
vp_csv_table_get_row (VpCsvTable *table,
                      guint       row,
                      guint      *n_fields)
{
  GPtrArray *fields;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  fields = g_ptr_array_index (table->rows, row);
  if (n_fields != NULL)
    *n_fields = fields->len - 1;

  return (const char * const *)fields->pdata;
}

guint
vp_csv_table_get_line (VpCsvTable *table,
                       guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->lines->len, 0);

  return g_array_index (table->lines, guint, row);
}

char
vp_csv_table_get_separator (VpCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->separator;
}

const char *
vp_csv_table_get_encoding (VpCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->encoding;
}

guint
vp_csv_table_get_n_converted (VpCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->converted->len / 2;
}

void
vp_csv_table_get_converted (VpCsvTable *table,
                            guint       index,
                            guint      *line,
                            guint      *column)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (index < table->converted->len / 2);

  if (line != NULL)
    *line = g_array_index (table->converted, guint, 2 * index);
  if (column != NULL)
    *column = g_array_index (table->converted, guint, 2 * index + 1);
}

/* Windows-1252 from 0x80 to 0x9F (0: no character); from 0xA0 on it is
 * Latin-1, the same code points as the bytes. */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The length of the UTF-8 character at @p (at most @available bytes), or
 * 0 when no whole character starts there. */
static gsize
utf8_length (const char *p,
             gsize       available)
{
  guchar lead = (guchar)*p;
  gsize length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2
                 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  const char *end = NULL;

  if (length == 0 || length > available)
    return 0;
  return g_utf8_validate_len (p, length, &end) && end == p + length ? length : 0;
}

/* A field's text as UTF-8.  Each field is decoded on its own: a field that
 * is UTF-8 stays as it is (one stray byte elsewhere in the file cannot turn
 * "Jörg" into "JÃ¶rg"); in a field that is not, the bytes that are no
 * UTF-8 character are read as Windows-1252 (what Excel's plain "CSV"
 * writes) and the UTF-8 characters around them are kept.  Such a field is
 * noted with its @line and @column. */
static char *
decode_field (VpCsvTable  *table,
              GString     *field,
              guint        line,
              guint        column,
              GError     **error)
{
  g_autoptr(GString) text = NULL;
  gboolean wide = FALSE;

  for (gsize i = 0; i < field->len && !wide; i++)
    wide = (guchar)field->str[i] >= 0x80;
  if (!wide)
    return g_strndup (field->str, field->len);

  if (g_utf8_validate_len (field->str, field->len, NULL))
    {
      table->has_utf8 = TRUE;
      return g_strndup (field->str, field->len);
    }

  text = g_string_sized_new (field->len + field->len / 2);
  for (gsize i = 0; i < field->len;)
    {
      gsize length = utf8_length (field->str + i, field->len - i);
      guchar byte = (guchar)field->str[i];
      gunichar c;

      if (length > 0)
        {
          if (length > 1)
            table->has_utf8 = TRUE;
          g_string_append_len (text, field->str + i, (gssize)length);
          i += length;
          continue;
        }

      c = byte >= 0xA0 ? byte : windows_1252[byte - 0x80];
      if (c == 0)
        {
          guint byte_line = line;

          for (gsize k = 0; k < i; k++)
            byte_line += field->str[k] == '\n';
          g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING,
                       _("line %u: the byte 0x%02X in column %u is neither UTF-8 nor "
                         "Windows-1252 text; save the file as CSV UTF-8"),
                       byte_line, byte, column + 1);
          return NULL;
        }
      g_string_append_unichar (text, c);
      i++;
    }

  g_array_append_val (table->converted, line);
  g_array_append_val (table->converted, column);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The separator the header row uses most, outside quotes. */
static char
guess_separator (const char *text,
                 gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > best_count)
      {
        best = candidates[k];
        best_count = counts[k];
      }

  return best;
}

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (((char *)g_ptr_array_index (row, i))[0] != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
too_large (GError    **error,
           guint       line,
           const char *what)
{
  g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE, _("line %u: %s"), line, what);
  return FALSE;
}

static gboolean
parse (VpCsvTable  *table,
       const char  *text,
       gsize        length,
       GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = NULL;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;
  gsize i = 0;

  table->separator = guess_separator (text, length);

  while (i <= length)
    {
      gboolean end_of_text = i == length;
      char c = end_of_text ? '\0' : text[i];

      if (row == NULL)
        {
          row = g_ptr_array_new_with_free_func (g_free);
          row_line = line;
        }

      /* A quoted field runs to its closing quote, over separators and
       * line breaks; "" inside is one quote. */
      if (c == '"' && field->len == 0 && quote_line == 0)
        {
          quote_line = line;
          i++;
          while (TRUE)
            {
              if (i >= length)
                {
                  g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX,
                               _("line %u: a quoted field starts here but never ends "
                                 "(a missing closing quote?)"),
                               quote_line);
                  g_ptr_array_unref (row);
                  return FALSE;
                }
              if (text[i] == '"')
                {
                  if (i + 1 < length && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              if (text[i] == '\n')
                line++;
              if (field->len >= VP_CSV_MAX_FIELD)
                {
                  g_ptr_array_unref (row);
                  return too_large (error, quote_line, _("a field is longer than 64 KiB"));
                }
              g_string_append_c (field, text[i]);
              i++;
            }

          /* after the closing quote: a separator, a line break or the end */
          if (i < length && text[i] != table->separator && text[i] != '\r' && text[i] != '\n')
            {
              g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX,
                           _("line %u: text after the closing quote of a field; "
                             "a quote inside a quoted field is written twice (\"\")"),
                           line);
              g_ptr_array_unref (row);
              return FALSE;
            }
          continue;
        }

      if (end_of_text || c == table->separator || c == '\n' || c == '\r')
        {
          gboolean record_ends = end_of_text || c != table->separator;
          char *decoded = decode_field (table, field, quote_line != 0 ? quote_line : line,
                                        row->len, error);

          if (decoded == NULL)
            {
              g_ptr_array_unref (row);
              return FALSE;
            }
          g_ptr_array_add (row, decoded);
          g_string_truncate (field, 0);
          quote_line = 0;

          if (row->len > VP_CSV_MAX_FIELDS)
            {
              g_ptr_array_unref (row);
              return too_large (error, row_line, _("a row has more than 1000 fields"));
            }

          if (record_ends)
            {
              /* a blank line, or one of separators only (Excel writes them
               * for rows once touched), is no record */
              if (!row_is_blank (row))
                {
                  if (table->rows->len >= VP_CSV_MAX_ROWS)
                    {
                      g_ptr_array_unref (row);
                      return too_large (error, row_line, _("the file has more than 200,000 rows"));
                    }
                  g_ptr_array_add (row, NULL);
                  g_ptr_array_add (table->rows, row);
                  g_array_append_val (table->lines, row_line);
                }
              else
                g_ptr_array_unref (row);
              row = NULL;

              if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
                i++;
              if (!end_of_text)
                line++;
            }

          i++;
          continue;
        }

      if (field->len >= VP_CSV_MAX_FIELD)
        {
          g_ptr_array_unref (row);
          return too_large (error, line, _("a field is longer than 64 KiB"));
        }
      g_string_append_c (field, c);
      i++;
    }

  if (row != NULL)
    g_ptr_array_unref (row);

  return TRUE;
}

VpCsvTable *
vp_csv_table_parse (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(VpCsvTable) table = g_new0 (VpCsvTable, 1);
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->converted = g_array_new (FALSE, FALSE, sizeof (guint));

  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (length > VP_CSV_MAX_BYTES)
    {
      g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_TOO_LARGE,
                   _("the file is larger than 32 MB"));
      return NULL;
    }

  if (memchr (text, '\0', length) != NULL)
    {
      const char *nul = memchr (text, '\0', length);
      guint line = 1;

      for (const char *p = text; p < nul; p++)
        line += *p == '\n';
      g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING,
                   _("line %u: a NUL byte: this is not a text file (a spreadsheet saved as .xlsx, "
                     "or UTF-16 text?); save it as CSV UTF-8"),
                   line);
      return NULL;
    }

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  /* Separators, quotes and line breaks are ASCII in both encodings: the
   * bytes are split into fields first, and each field decoded on its own. */
  if (!parse (table, text, length, error))
    return NULL;

  if (table->converted->len == 0)
    table->encoding = "UTF-8";
  else if (!table->has_utf8)
    table->encoding = "Windows-1252";
  else
    table->encoding = "UTF-8 and Windows-1252";

  if (table->rows->len == 0)
    {
      g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_EMPTY,
                   _("the file is empty: it needs a header row naming its columns"));
      return NULL;
    }

  return g_steal_pointer (&table);
}

static gboolean
starts_formula (const char *cell)
{
  return cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
         cell[0] == '\t' || cell[0] == '\r';
}

void
vp_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *cell = fields[i] != NULL ? fields[i] : "";
      /* a cell that only looks guarded is guarded too, so that reading it
       * back gives the apostrophe back */
      gboolean guard = starts_formula (cell) || (cell[0] == '\'' && starts_formula (cell + 1));
      gboolean quote = guard || strpbrk (cell, ",;\"\r\n\t") != NULL ||
                       cell[0] == ' ' || (cell[0] != '\0' && cell[strlen (cell) - 1] == ' ');

      if (i > 0)
        g_string_append_c (out, ',');

      if (!quote)
        {
          g_string_append (out, cell);
          continue;
        }

      g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = cell; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}

const char *
vp_csv_unguard_cell (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  /* ' before a formula character, or before a text that itself starts
   * with such an apostrophe (see vp_csv_append_record()) */
  if (cell[0] == '\'' &&
      (starts_formula (cell + 1) || (cell[1] == '\'' && starts_formula (cell + 2))))
    return cell + 1;
  return cell;
}

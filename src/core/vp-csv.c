/* vp-csv.c: comma-separated values (RFC 4180) as spreadsheets write them, read and written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vp-csv.h"

G_DEFINE_QUARK (vp-csv-error-quark, vp_csv_error)

struct _VpCsvTable
{
  GPtrArray  *rows;     /* of GPtrArray of char*, NULL-terminated */
  GArray     *lines;    /* guint: the line where each row starts */
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

          g_ptr_array_add (row, g_strndup (field->str, field->len));
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
  g_autofree char *converted = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->encoding = "UTF-8";

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

  if (!g_utf8_validate_len (text, length, NULL))
    {
      gsize read = 0;
      gsize written = 0;

      /* Excel's plain “CSV” is Windows-1252: nearly every byte is a character. */
      converted = g_convert (text, (gssize)length, "UTF-8", "WINDOWS-1252", &read, &written, NULL);
      if (converted == NULL)
        {
          guint line = 1;

          for (gsize i = 0; i < read && i < length; i++)
            line += text[i] == '\n';
          g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_ENCODING,
                       _("line %u: the file is neither UTF-8 nor Windows-1252 text; "
                         "save it as CSV UTF-8"),
                       line);
          return NULL;
        }
      text = converted;
      length = written;
      table->encoding = "Windows-1252";
    }

  if (!parse (table, text, length, error))
    return NULL;

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

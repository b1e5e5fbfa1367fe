/* vp-csv.h: comma-separated values (RFC 4180) as spreadsheets write them, read and written. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_CSV_ERROR (vp_csv_error_quark ())

typedef enum
{
  VP_CSV_ERROR_ENCODING,  /* a byte neither UTF-8 nor Windows-1252 text, or a NUL byte */
  VP_CSV_ERROR_SYNTAX,    /* a quote that never closes, text after a closing quote */
  VP_CSV_ERROR_TOO_LARGE, /* over the limits below */
  VP_CSV_ERROR_EMPTY,     /* no header row */
} VpCsvError;

#define VP_CSV_MAX_BYTES  (32 * 1024 * 1024)
#define VP_CSV_MAX_FIELD  (64 * 1024)
#define VP_CSV_MAX_FIELDS 1000
#define VP_CSV_MAX_ROWS   200000

typedef struct _VpCsvTable VpCsvTable;

GQuark              vp_csv_error_quark      (void);

/* Reads a whole file: a UTF-8 byte order mark is dropped, each field that is
 * not UTF-8 is read as Windows-1252 (what Excel writes by default; UTF-8
 * characters in it are kept, and fields that are UTF-8 stay so), CRLF or LF
 * ends a record, quoted fields may hold separators, quotes ("") and line
 * breaks, and the separator is the comma, semicolon or tab that the header
 * row uses most.  Errors name the line. */
VpCsvTable         *vp_csv_table_parse      (GBytes            *bytes,
                                             GError           **error);
void                vp_csv_table_free       (VpCsvTable        *table);

/* The header row is row 0.  Rows keep the fields as read. */
guint               vp_csv_table_get_n_rows (VpCsvTable        *table);
const char * const *vp_csv_table_get_row    (VpCsvTable        *table,
                                             guint              row,
                                             guint             *n_fields);
/* The line of the file where @row starts (1 for the header). */
guint               vp_csv_table_get_line   (VpCsvTable        *table,
                                             guint              row);
char                vp_csv_table_get_separator (VpCsvTable     *table);
/* "UTF-8", "Windows-1252" (no field is UTF-8 beyond ASCII, some are not
 * UTF-8) or "UTF-8 and Windows-1252" (both kinds of field). */
const char         *vp_csv_table_get_encoding  (VpCsvTable     *table);
/* The fields that were not UTF-8 and were read as Windows-1252, in file
 * order: the line where each starts and its column (0 for the first). */
guint               vp_csv_table_get_n_converted (VpCsvTable   *table);
void                vp_csv_table_get_converted   (VpCsvTable   *table,
                                                  guint         index,
                                                  guint        *line,
                                                  guint        *column);

/* Appends one record to @out: fields quoted where they need it, separated by
 * commas, ended by CRLF.  A cell that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a CR) gets a leading apostrophe. */
void                vp_csv_append_record    (GString           *out,
                                             const char * const *fields,
                                             guint              n_fields);

/* The text of a cell as written by vp_csv_append_record(), back: drops the
 * apostrophe it added in front of a formula character. */
const char         *vp_csv_unguard_cell     (const char        *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpCsvTable, vp_csv_table_free)

G_END_DECLS

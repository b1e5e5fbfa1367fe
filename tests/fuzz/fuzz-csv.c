/* fuzz-csv.c: libFuzzer target for the CSV reader and the participant, host and organisation
 * list importer. */
#include "config.h"

#include "vp-csv.h"
#include "vp-csv-import.h"
#include "vp-fuzz.h"

/* Two of each, so that rows can match by id, email (participants) and name
 * (hosts); the fixtures in tests/data/csv use these emails and names. */
static const char programme_json[] =
  "{ \"format\": \"visit-planner-programme\", \"version\": 1,"
  "  \"programme\": { \"uid\": \"fuzz-csv\", \"title\": \"Lists\", \"host_country\": \"LT\","
  "    \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-13\","
  "    \"end_date\": \"2027-04-16\" },"
  "  \"hosts\": ["
  "    { \"id\": \"laser-cluster\", \"name\": \"Lithuanian Laser Cluster\", \"kind\": \"cluster\","
  "      \"contact_email\": \"ruta@lasercluster.example\", \"city\": \"Vilnius\","
  "      \"country\": \"LT\", \"latitude\": 54.7226, \"longitude\": 25.3378,"
  "      \"max_group_size\": 30 },"
  "    { \"id\": \"labo\", \"name\": \"Laboratoire Photonique\", \"kind\": \"university\" } ],"
  "  \"participants\": ["
  "    { \"id\": \"aino-makela\", \"name\": \"Aino M\\u00e4kel\\u00e4\","
  "      \"email\": \"aino.w1252@example.org\", \"organisation\": \"Photonics Finland\","
  "      \"country\": \"FI\", \"role\": \"cluster-manager\" },"
  "    { \"id\": \"kaisa\", \"name\": \"Kaisa J\\u00e4rvinen\", \"email\": \"kaisa.q@example.org\","
  "      \"dietary\": \"vegetarian\" } ] }";

static VpSnapshot *programme;
static GBytes *programme_written;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  vp_fuzz_init ();
  programme = vp_fuzz_snapshot_new (programme_json);
  programme_written = vp_programme_format_write (programme);
  return 0;
}

/* Every row and field of @table, read as a caller would. */
static void
walk_table (VpCsvTable *table)
{
  guint n_rows = vp_csv_table_get_n_rows (table);
  guint previous_line = 0;

  if (n_rows == 0)
    vp_fuzz_fail ("a table without a header row");

  for (guint row = 0; row < n_rows; row++)
    {
      guint n_fields = 0;
      const char * const *fields = vp_csv_table_get_row (table, row, &n_fields);
      guint line = vp_csv_table_get_line (table, row);

      if (n_fields > VP_CSV_MAX_FIELDS)
        vp_fuzz_fail ("row %u has %u fields, over the limit", row, n_fields);
      if (line <= previous_line)
        vp_fuzz_fail ("row %u starts on line %u, not after the row before it (%u)",
                      row, line, previous_line);
      previous_line = line;

      for (guint i = 0; i < n_fields; i++)
        {
          if (fields[i] == NULL || !g_utf8_validate (fields[i], -1, NULL))
            vp_fuzz_fail ("row %u field %u is not UTF-8 text", row, i);
          if (strlen (fields[i]) > 4 * VP_CSV_MAX_FIELD)
            vp_fuzz_fail ("row %u field %u is over the limit", row, i);
          (void)vp_csv_unguard_cell (fields[i]);
        }
    }

  switch (vp_csv_table_get_separator (table))
    {
    case ',':
    case ';':
    case '\t':
      break;
    default:
      vp_fuzz_fail ("the separator is neither comma, semicolon nor tab");
    }
  (void)vp_csv_table_get_encoding (table);
}

static void
import (VpCsvKind  kind,
        GBytes    *bytes)
{
  static const char * const names[] = { "participants", "hosts", "organisations" };
  const char *what = names[kind];
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(VpCsvReport) again_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) result = NULL;
  g_autoptr(VpSnapshot) again = NULL;
  g_autoptr(GBytes) exported = NULL;

  result = vp_csv_import (programme, kind, bytes, &report, &error);
  vp_fuzz_check_error ("vp_csv_import", result, error);
  vp_fuzz_check_unchanged (programme, programme_written);
  if (result == NULL)
    return;
  if (report == NULL)
    vp_fuzz_fail ("vp_csv_import (%s) worked without a report", what);

  /* The header promises that importing an export changes nothing. */
  exported = vp_csv_export (result, kind);
  again = vp_csv_import (result, kind, exported, &again_report, &error);
  if (again == NULL)
    vp_fuzz_fail ("the %s exported after an import cannot be imported: %s", what, error->message);
  if (again_report->added != 0 || again_report->updated != 0 || again_report->skipped->len != 0)
    vp_fuzz_fail ("importing the %s exported after an import changes them: "
                  "%u added, %u updated, %u skipped%s%s",
                  what, again_report->added, again_report->updated, again_report->skipped->len,
                  again_report->skipped->len > 0 ? ": " : "",
                  again_report->skipped->len > 0
                    ? ((VpCsvSkip *)g_ptr_array_index (again_report->skipped, 0))->reason
                    : "");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpCsvTable) table = NULL;

  table = vp_csv_table_parse (bytes, &error);
  vp_fuzz_check_error ("vp_csv_table_parse", table, error);
  if (table == NULL)
    return 0;
  walk_table (table);

  import (VP_CSV_KIND_PARTICIPANTS, bytes);
  import (VP_CSV_KIND_HOSTS, bytes);
  import (VP_CSV_KIND_ORGANISATIONS, bytes);

  return 0;
}

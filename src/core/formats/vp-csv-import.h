/* vp-csv-import.h: participant, host and organisation lists from spreadsheets, and back. */
#pragma once

#include <glib-object.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  VP_CSV_KIND_PARTICIPANTS,
  VP_CSV_KIND_HOSTS,
  VP_CSV_KIND_ORGANISATIONS,
} VpCsvKind;

/* One row left out, and why. */
typedef struct
{
  guint  line;
  char  *reason;
} VpCsvSkip;

/* A field read as Windows-1252 in a file that also has UTF-8 text: the
 * line where it starts and its column's name in the header row. */
typedef struct
{
  guint  line;
  char  *column;
} VpCsvConverted;

/* How many of them a report lists. */
#define VP_CSV_REPORT_MAX_CONVERTED 20

/* What an import does: rows added, updated (a field changed), unchanged,
 * and skipped; header columns it does not know (ignored); the text
 * encoding (vp_csv_table_get_encoding()) and, when it is "UTF-8 and
 * Windows-1252", the fields that were not UTF-8 (the first
 * VP_CSV_REPORT_MAX_CONVERTED of n_converted), for the user to check. */
typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *skipped;          /* VpCsvSkip */
  GPtrArray *unknown_columns;  /* char * */
  char      *encoding;
  char       separator;
  GPtrArray *converted;        /* VpCsvConverted */
  guint      n_converted;
  /* participants: each needs or emergency contact field not kept for want
   * of consent (its line, and what; VpCsvSkip), and how many people the
   * import adds from a list without a consent column, whose data is kept
   * as consented */
  GPtrArray *not_stored;
  guint      assumed_consent;
} VpCsvReport;

void         vp_csv_report_free (VpCsvReport *report);

/* Reads the spreadsheet @bytes as a list of @kind and applies it to a copy
 * of @snapshot: rows whose id, else email (participants) or name (hosts;
 * organisations: however spelt, vp_organisation_name_key()), matches an
 * existing one update it (non-empty cells replace its fields), the others
 * are added, and bad rows are skipped and reported.  Participants follow
 * their organisation's new name.  Returns the
 * new snapshot, for vp_store_import_snapshot() with VP_STORE_IMPORT_UPDATE,
 * or NULL when the file as a whole cannot be read (the error names the
 * line).  @snapshot is not changed. */
VpSnapshot  *vp_csv_import      (VpSnapshot    *snapshot,
                                 VpCsvKind      kind,
                                 GBytes        *bytes,
                                 VpCsvReport  **report,
                                 GError       **error);

/* The participants, hosts or organisations of @snapshot as a spreadsheet (UTF-8 with a
 * byte order mark, for Excel; CRLF; formula cells guarded).  Importing it
 * back changes nothing. */
GBytes      *vp_csv_export      (VpSnapshot    *snapshot,
                                 VpCsvKind      kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpCsvReport, vp_csv_report_free)

G_END_DECLS

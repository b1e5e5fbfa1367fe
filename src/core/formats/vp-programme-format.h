/* vp-programme-format.h: the programme exchange document (.visit.json), read and written. */
#pragma once

#include <gio/gio.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_FORMAT_ERROR (vp_format_error_quark ())

typedef enum
{
  VP_FORMAT_ERROR_SYNTAX,    /* not JSON, or not UTF-8 */
  VP_FORMAT_ERROR_FORMAT,    /* not a programme document, or a version this program cannot read */
  VP_FORMAT_ERROR_INVALID,   /* a member is missing or has a wrong value */
  VP_FORMAT_ERROR_TOO_LARGE, /* over the size limits */
} VpFormatError;

/* The largest document and the longest string accepted. */
#define VP_PROGRAMME_FORMAT_MAX_BYTES   (64 * 1024 * 1024)
#define VP_PROGRAMME_FORMAT_MAX_STRING  (64 * 1024)

GQuark      vp_format_error_quark     (void);

/* Reads a whole document: the snapshot it describes, with every local time
 * resolved to its instant and sessions in time order; or NULL and an error
 * naming the member ("sessions[3].start") and what is wrong.  Programme and
 * session uids missing from the document are generated. */
VpSnapshot *vp_programme_format_read  (GBytes      *bytes,
                                       GError     **error);

/* As vp_programme_format_read(), and @notices (may be NULL) gets what the
 * reader says of a document it reads (char *, translated), for standard
 * error: the participants without a "consent" (whose data is kept as
 * consented) and each field not stored for want of consent. */
VpSnapshot *vp_programme_format_read_with_notices (GBytes      *bytes,
                                                   GPtrArray  **notices,
                                                   GError     **error);

/* Writes @snapshot as a document: stable, so that an unchanged programme
 * gives the same bytes each time. */
GBytes     *vp_programme_format_write (VpSnapshot  *snapshot);

G_END_DECLS

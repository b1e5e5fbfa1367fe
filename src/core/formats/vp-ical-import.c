/* vp-ical-import.c: sessions from the iCalendar files hosts send as proposed visit slots. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "vp-enum-types.h"
#include "vp-ical.h"
#include "vp-ical-import.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-values.h"

/* What this importer decides where RFC 5545 and a programme disagree:
 *
 * - The file is refused whole (nothing imported) when it is over 16 MB, has
 *   a line over 64 KiB (as written or unfolded), a NUL byte, text that is
 *   not UTF-8 (checked after unfolding), components nested more than 10
 *   deep or more than 100,000 of them, an END that does not match its
 *   BEGIN, no END, anything but one VCALENDAR, or an unreadable line (no
 *   colon, unclosed quotes) outside events.  An unreadable line inside an
 *   event costs that event only.
 * - Skipped, with the reason: events without UID or DTSTART; a
 *   UID seen earlier in the file; both DTEND and DURATION; all-day events
 *   (a whole day is no slot, and would double-book everyone); VALUE=DATE
 *   holding a time; repeating events (RRULE, RDATE, EXRULE, RECURRENCE-ID:
 *   never expanded, whatever their COUNT); events holding components other
 *   than alarms; impossible dates; years outside 1900 to 2200; times the
 *   clocks skip; an end before the start, or over a year after it; a
 *   TZID neither tzdata, the Windows table nor a usable VTIMEZONE knows;
 *   a TZID with two different VTIMEZONEs (no way to tell which is meant).
 * - An event that ends when it starts (RFC 5545 3.6.1: no DTEND or
 *   DURATION, a DTEND equal to DTSTART or a zero DURATION) marks an instant:
 *   it becomes a one-hour session, and the report says so.
 * - Zones: an IANA TZID is read with tzdata, whatever VTIMEZONE comes with
 *   it; Windows names of common zones are mapped to IANA ones; any other
 *   TZID is converted through the file's VTIMEZONE (when its rules repeat
 *   yearly, so that libical's expansion is bounded) and kept in the
 *   programme's zone; UTC times are kept in the programme's zone (in UTC
 *   when that wall time is the second of a repeated hour); floating times
 *   are read in the programme's zone, and said so.  A repeated hour means
 *   its first occurrence, and is reported.
 * - Text: control characters (but tab and newline) and bidi controls are
 *   dropped; titles and locations are one line; titles over 300
 *   characters, locations over 500 and descriptions over 10,000 are cut,
 *   and said so.  No SUMMARY: "Untitled slot".  "Cancelled: " that our own
 *   calendars put before cancelled titles is taken off again.
 * - Updates: a session with the event's UID is updated when the event's
 *   SEQUENCE is higher than the session's revision (the store then raises
 *   the revision to at least that SEQUENCE), else left as it is (and said
 *   so when the event differs).  New sessions are for everyone. */

#define MAX_TITLE_CHARS       VP_VALUE_NAME_MAX_CHARS  /* the longest name (vp-values.h) */
#define MAX_LOCATION_CHARS    500
#define MAX_DESCRIPTION_CHARS 10000
#define MAX_QUOTED_CHARS      40
#define MIN_YEAR              1900
#define MAX_YEAR              2200
#define MAX_SECONDS           (366 * G_GINT64_CONSTANT (86400))
/* The length of a session made from an event that ends when it starts. */
#define INSTANT_SECONDS       3600
/* What libical may expand of a VTIMEZONE that only the file defines. */
#define MAX_OBSERVANCES       500
#define MAX_RULED_OBSERVANCES 20
#define MAX_RDATES            1000

G_DEFINE_QUARK (vp-ical-import-error-quark, vp_ical_import_error)

/* Report {{{1 */

static void
skip_free (VpIcalSkip *skip)
{
  g_free (skip->uid);
  g_free (skip->reason);
  g_free (skip);
}

void
vp_ical_report_free (VpIcalReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

static void
report_add (GPtrArray  *list,
            guint       line,
            const char *uid,
            char       *reason)
{
  VpIcalSkip *skip = g_new0 (VpIcalSkip, 1);

  skip->line = line;
  skip->uid = g_strdup (uid);
  skip->reason = reason;
  g_ptr_array_add (list, skip);
}

/* Text {{{1 */

/* Control characters but tab and newline, and the bidirectional embeddings,
 * overrides and isolates, which make a title read as something else. */
static gboolean
is_unwanted (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Whether @text is valid UTF-8 of at most @max_chars characters that
 * clean_text() would leave as it is (but for trimming): the common case,
 * checked byte by byte. */
static gboolean
is_clean (const char *text,
          gsize       length,
          gboolean    one_line,
          glong       max_chars)
{
  const guchar *p = (const guchar *)text;
  glong n = 0;

  if (!g_utf8_validate_len (text, length, NULL))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = p[i];

      if ((c & 0xC0) != 0x80 && ++n > max_chars)
        return FALSE;
      if (c < 0x20 && (one_line || (c != '\t' && c != '\n')))
        return FALSE;
      if (c == 0x7F)
        return FALSE;
      /* U+0080 to U+009F */
      if (c == 0xC2 && i + 1 < length && p[i + 1] < 0xA0)
        return FALSE;
      /* U+202A to U+202E, U+2066 to U+2069 */
      if (c == 0xE2 && i + 2 < length &&
          ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) ||
           (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9)))
        return FALSE;
    }

  return TRUE;
}

/* @text without unwanted characters, on one line when @one_line (tabs and
 * newlines as spaces), trimmed, and cut to @max_chars characters with an
 * ellipsis (setting @cut).  NULL when nothing is left. */
static char *
clean_text (const char *text,
            gssize      length,
            gboolean    one_line,
            glong       max_chars,
            gboolean   *cut)
{
  g_autofree char *valid = NULL;
  GString *out;
  glong n = 0;
  char *result;

  if (cut != NULL)
    *cut = FALSE;
  if (text == NULL)
    return NULL;

  if (length < 0)
    length = (gssize)strlen (text);
  if (is_clean (text, (gsize)length, one_line, max_chars))
    {
      result = g_strstrip (g_strndup (text, (gsize)length));
      /* blank is empty, no-break spaces too */
      if (vp_text_is_blank (result))
        g_clear_pointer (&result, g_free);
      return result;
    }

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_unwanted (c))
        continue;
      if (one_line && (c == '\t' || c == '\n'))
        c = ' ';
      if (n == max_chars - 1 && *next != '\0')
        {
          /* room for the ellipsis only */
          g_string_append (out, "…");
          if (cut != NULL)
            *cut = TRUE;
          break;
        }
      g_string_append_unichar (out, c);
      n++;
    }

  result = g_strstrip (g_string_free (out, FALSE));
  if (vp_text_is_blank (result))
    g_clear_pointer (&result, g_free);

  return result;
}

/* A short, single-line, printable copy of hostile text for a message. */
static char *
quote_text (const char *text,
            gssize      length)
{
  char *quoted = clean_text (text, length, TRUE, MAX_QUOTED_CHARS, NULL);

  return quoted != NULL ? quoted : g_strdup ("");
}

/* Pre-checks {{{1 */

/* libical reads whatever it is given, slowly (one 5 MB line takes seconds)
 * and without checks (NUL bytes, UTF-8, nesting): every file is first read
 * here, once, in linear time, and what libical gets is normalised (BOM and
 * bare LF accepted, lines unfolded and ended by CRLF). */

typedef struct
{
  guint  line;     /* of its BEGIN:VEVENT */
  char  *problem;  /* the first line in it that cannot be read, or NULL */
} ScanEvent;

typedef struct
{
  char  *name;     /* upper case */
  guint  line;
} OpenComponent;

/* Components directly in the VCALENDAR that are neither events nor zones
 * (to-dos, journal entries and the like), by name. */
typedef struct
{
  char  *name;
  guint  line;     /* of the first */
  guint  count;
} Ignored;

typedef struct
{
  GString       *text;    /* for libical: unfolded lines, CRLF; unreadable lines left out */
  GArray        *events;  /* ScanEvent of each VEVENT directly in the VCALENDAR, in order */
  GArray        *ignored; /* Ignored */
  OpenComponent  open[VP_ICAL_IMPORT_MAX_DEPTH];
  guint          depth;
  guint          n_components;
  gboolean       begun;   /* BEGIN:VCALENDAR seen */
  gboolean       ended;   /* ... and its END */
} Scan;

static void
scan_event_clear (gpointer data)
{
  ScanEvent *event = data;

  g_clear_pointer (&event->problem, g_free);
}

static void
ignored_clear (gpointer data)
{
  Ignored *ignored = data;

  g_clear_pointer (&ignored->name, g_free);
}

static void
scan_clear (Scan *scan)
{
  if (scan->text != NULL)
    g_string_free (scan->text, TRUE);
  scan->text = NULL;
  g_clear_pointer (&scan->events, g_array_unref);
  g_clear_pointer (&scan->ignored, g_array_unref);
  for (guint i = 0; i < scan->depth; i++)
    g_clear_pointer (&scan->open[i].name, g_free);
  scan->depth = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError            **error,
      VpIcalImportError   code,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, VP_ICAL_IMPORT_ERROR, code, message);
  return FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* Splits an unfolded content line, name *(";" param) ":" value (RFC 5545
 * 3.1), minding quoted parameter values, which may hold ":" and ";".
 * Returns NULL, or why the line is not a content line.  @value_date is set
 * when a VALUE=DATE parameter is among the parameters. */
static const char *
split_content_line (const char *line,
                    gsize       length,
                    gsize      *name_end,
                    gsize      *value_start,
                    gboolean   *value_date)
{
  gsize i = 0;

  *value_date = FALSE;
  while (i < length && is_name_char (line[i]))
    i++;
  if (i == 0)
    return _("it does not start with a property name");
  *name_end = i;

  while (i < length && line[i] == ';')
    {
      gsize param_start = ++i;
      gsize param_end;
      gsize first_value;

      while (i < length && is_name_char (line[i]))
        i++;
      param_end = i;
      if (param_end == param_start || i >= length || line[i] != '=')
        return _("a parameter has no name or no “=”");
      i++;

      first_value = i;
      for (;;)
        {
          if (i < length && line[i] == '"')
            {
              const char *close = memchr (line + i + 1, '"', length - i - 1);

              if (close == NULL)
                return _("a quoted parameter value is not closed");
              i = (gsize)(close - line) + 1;
            }
          else
            while (i < length && line[i] != ';' && line[i] != ':' && line[i] != ',')
              i++;

          if (i < length && line[i] == ',')
            i++;
          else
            break;
        }

      if (param_end - param_start == 5 &&
          g_ascii_strncasecmp (line + param_start, "VALUE", 5) == 0 &&
          i - first_value == 4 && g_ascii_strncasecmp (line + first_value, "DATE", 4) == 0)
        *value_date = TRUE;
    }

  if (i >= length || line[i] != ':')
    return _("it has no “:” after its name and parameters");

  *value_start = i + 1;
  return NULL;
}

static ScanEvent *
scan_current_event (Scan *scan)
{
  /* a VEVENT directly in the VCALENDAR, or something inside one */
  if (scan->depth < 2 || !g_str_equal (scan->open[1].name, "VEVENT") || scan->events->len == 0)
    return NULL;

  return &g_array_index (scan->events, ScanEvent, scan->events->len - 1);
}

/* BEGIN:NAME or END:NAME */
static gboolean
scan_structure (Scan        *scan,
                gboolean     begin,
                const char  *value,
                gsize        length,
                guint        number,
                GError     **error)
{
  g_autofree char *name = NULL;

  for (gsize i = 0; i < length; i++)
    if (!is_name_char (value[i]))
      length = 0;
  if (length == 0)
    {
      g_autofree char *quoted = quote_text (value, (gssize)strnlen (value, MAX_QUOTED_CHARS * 4));

      return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                   _("line %u: “%s” is not the name of a component"), number, quoted);
    }
  name = g_ascii_strup (value, (gssize)length);

  if (begin)
    {
      if (!scan->begun && !g_str_equal (name, "VCALENDAR"))
        return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                     _("not an iCalendar file: line %u is not BEGIN:VCALENDAR"), number);
      if (scan->depth == VP_ICAL_IMPORT_MAX_DEPTH)
        return fail (error, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                     _("line %u: components are nested more than %d deep"),
                     number, VP_ICAL_IMPORT_MAX_DEPTH);
      if (++scan->n_components > VP_ICAL_IMPORT_MAX_COMPONENTS)
        return fail (error, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                     _("line %u: more than %d components in one file"),
                     number, VP_ICAL_IMPORT_MAX_COMPONENTS);

      scan->begun = TRUE;
      if (scan->depth == 1 && g_str_equal (name, "VEVENT"))
        {
          ScanEvent event = { number, NULL };

          g_array_append_val (scan->events, event);
        }
      else if (scan->depth == 1 && !g_str_equal (name, "VTIMEZONE"))
        {
          guint i;

          for (i = 0; i < scan->ignored->len; i++)
            if (g_str_equal (g_array_index (scan->ignored, Ignored, i).name, name))
              break;
          if (i == scan->ignored->len)
            {
              Ignored ignored = { g_strdup (name), number, 0 };

              g_array_append_val (scan->ignored, ignored);
            }
          g_array_index (scan->ignored, Ignored, i).count++;
        }
      g_string_append_printf (scan->text, "BEGIN:%s\r\n", name);
      scan->open[scan->depth].line = number;
      scan->open[scan->depth].name = g_steal_pointer (&name);
      scan->depth++;
      return TRUE;
    }

  if (scan->depth == 0)
    return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                 _("not an iCalendar file: line %u is not BEGIN:VCALENDAR"), number);
  if (!g_str_equal (name, scan->open[scan->depth - 1].name))
    {
      g_autofree char *quoted = quote_text (name, -1);
      g_autofree char *begun = quote_text (scan->open[scan->depth - 1].name, -1);

      return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                   _("line %u: END:%s does not match BEGIN:%s on line %u"), number, quoted,
                   begun, scan->open[scan->depth - 1].line);
    }

  scan->depth--;
  g_clear_pointer (&scan->open[scan->depth].name, g_free);
  if (scan->depth == 0)
    scan->ended = TRUE;
  g_string_append_printf (scan->text, "END:%s\r\n", name);
  return TRUE;
}

static gboolean
name_is (const char *line,
         gsize       name_end,
         const char *name)
{
  return strlen (name) == name_end && g_ascii_strncasecmp (line, name, name_end) == 0;
}

/* What libical would read wrong in a property of an event: a date that
 * holds a time (libical quietly makes it a date-time), a SEQUENCE that is
 * not a number (libical makes it 0) or too large (libical wraps it). */
static char *
event_property_problem (const char *line,
                        gsize       name_end,
                        const char *value,
                        gsize       length,
                        gboolean    value_date,
                        guint       number)
{
  if (value_date && (name_is (line, name_end, "DTSTART") || name_is (line, name_end, "DTEND")) &&
      memchr (value, 'T', length) != NULL)
    return g_strdup_printf (_("line %u: %.*s is marked VALUE=DATE but holds a time"),
                            number, (int)name_end, line);

  if (name_is (line, name_end, "SEQUENCE"))
    {
      guint64 sequence = 0;
      gboolean ok = length > 0 && length <= 10;

      for (gsize i = 0; ok && i < length; i++)
        {
          ok = g_ascii_isdigit (value[i]);
          sequence = sequence * 10 + (guint64)(value[i] - '0');
        }
      if (!ok || sequence > G_MAXINT)
        {
          g_autofree char *quoted = quote_text (value, (gssize)length);

          return g_strdup_printf (_("line %u: SEQUENCE “%s” is not a whole number from 0 to %d"),
                                  number, quoted, G_MAXINT);
        }
    }

  return NULL;
}

/* The properties of an event that become fields of a session, or make it
 * one that cannot be. */
static gboolean
is_read_property (const char *line,
                  gsize       name_end)
{
  static const char * const names[] = {
    "UID", "SUMMARY", "LOCATION", "DESCRIPTION", "CATEGORIES", "STATUS", "SEQUENCE",
    "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXRULE", "RECURRENCE-ID",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name_is (line, name_end, names[i]))
      return TRUE;

  return FALSE;
}

/* One unfolded line, @number the line where it starts. */
static gboolean
scan_line (Scan        *scan,
           const char  *line,
           gsize        length,
           guint        number,
           GError     **error)
{
  const char *problem;
  gsize name_end = 0;
  gsize value_start = 0;
  gboolean value_date;
  ScanEvent *event;

  /* after unfolding: a fold may split a character (RFC 5545 3.1) */
  if (!g_utf8_validate_len (line, length, NULL))
    return fail (error, VP_ICAL_IMPORT_ERROR_ENCODING,
                 _("line %u is not UTF-8 text: save the calendar as UTF-8"), number);

  if (scan->ended)
    return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                 _("line %u: more after END:VCALENDAR: import one calendar per file"), number);

  problem = split_content_line (line, length, &name_end, &value_start, &value_date);
  event = scan_current_event (scan);
  if (problem != NULL && !scan->begun)
    return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                 _("not an iCalendar file: line %u is not BEGIN:VCALENDAR"), number);
  if (problem != NULL)
    {
      /* A broken line inside an event costs that event only (it may have
       * been its DTSTART); anywhere else, the file. */
      if (event == NULL)
        return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX, _("line %u cannot be read: %s"),
                     number, problem);
      if (event->problem == NULL)
        event->problem = g_strdup_printf (_("line %u cannot be read: %s"), number, problem);
      return TRUE;
    }

  if (name_is (line, name_end, "BEGIN") || name_is (line, name_end, "END"))
    return scan_structure (scan, name_end == 5, line + value_start, length - value_start,
                           number, error);

  if (!scan->begun)
    return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                 _("not an iCalendar file: line %u is not BEGIN:VCALENDAR"), number);

  if (event != NULL)
    {
      if (scan->depth == 2 && event->problem == NULL)
        event->problem = event_property_problem (line, name_end, line + value_start,
                                                 length - value_start, value_date, number);
      /* libical gets only what is read of an event: half the work for it
       * (ORGANIZER, ATTENDEE, DTSTAMP, alarms ...), and less to trip on */
      if (scan->depth > 2 || !is_read_property (line, name_end))
        return TRUE;
    }

  g_string_append_len (scan->text, line, (gssize)length);
  g_string_append (scan->text, "\r\n");
  return TRUE;
}

/* Appends a physical line's text to @logical, without its CRs: the line
 * break was CRLF or a bare LF, and a lone CR is no character of a line. */
static void
append_without_cr (GString    *logical,
                   const char *text,
                   gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *cr = memchr (text, '\r', (gsize)(end - text));
      const char *stop = cr != NULL ? cr : end;

      g_string_append_len (logical, text, stop - text);
      text = stop + (cr != NULL ? 1 : 0);
    }
}

static gboolean
scan_bytes (Scan        *scan,
            const char  *data,
            gsize        size,
            GError     **error)
{
  const char *end = data + size;
  const char *p = data;
  g_autoptr(GString) logical = g_string_new (NULL);
  guint logical_number = 0;
  guint number = 0;

  if (size > VP_ICAL_IMPORT_MAX_BYTES)
    return fail (error, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                 _("the file is larger than %d MB"), VP_ICAL_IMPORT_MAX_BYTES / (1024 * 1024));

  scan->text = g_string_sized_new (size + 64);
  scan->events = g_array_new (FALSE, TRUE, sizeof (ScanEvent));
  g_array_set_clear_func (scan->events, scan_event_clear);
  scan->ignored = g_array_new (FALSE, TRUE, sizeof (Ignored));
  g_array_set_clear_func (scan->ignored, ignored_clear);

  /* a byte order mark, as Windows programs write */
  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize)(end - p));
      const char *line_end = newline != NULL ? newline : end;
      gsize length = (gsize)(line_end - p);

      number++;
      if (length > VP_ICAL_IMPORT_MAX_LINE)
        return fail (error, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                     _("line %u is longer than %d bytes"), number, VP_ICAL_IMPORT_MAX_LINE);
      if (memchr (p, '\0', length) != NULL)
        return fail (error, VP_ICAL_IMPORT_ERROR_ENCODING,
                     _("line %u holds a NUL byte: this is not a text file"), number);

      if (length > 0 && (p[0] == ' ' || p[0] == '\t'))
        {
          /* a continuation of the line before (RFC 5545 3.1) */
          if (logical_number == 0)
            return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                         _("line %u starts with a space but continues no line"), number);
          append_without_cr (logical, p + 1, length - 1);
          if (logical->len > VP_ICAL_IMPORT_MAX_LINE)
            return fail (error, VP_ICAL_IMPORT_ERROR_TOO_LARGE,
                         _("line %u, with the lines folded into it, is longer than %d bytes"),
                         logical_number, VP_ICAL_IMPORT_MAX_LINE);
        }
      else
        {
          if (logical_number != 0 &&
              !scan_line (scan, logical->str, logical->len, logical_number, error))
            return FALSE;

          g_string_truncate (logical, 0);
          append_without_cr (logical, p, length);
          /* blank lines, often at the end, carry nothing */
          logical_number = logical->len > 0 ? number : 0;
        }

      p = newline != NULL ? newline + 1 : end;
    }

  if (logical_number != 0 && !scan_line (scan, logical->str, logical->len, logical_number, error))
    return FALSE;

  if (!scan->begun)
    return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                 _("not an iCalendar file: no BEGIN:VCALENDAR"));

  if (scan->depth > 0)
    {
      OpenComponent *open = &scan->open[scan->depth - 1];

      return fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
                   _("the file ends inside the %s that begins on line %u: it is cut short "
                     "(no END:%s)"),
                   open->name, open->line, open->name);
    }

  return TRUE;
}

/* Zone names {{{1 */

/* Outlook and Exchange write Windows zone names as TZID, with a VTIMEZONE
 * that only approximates the rules; the tzdata zone of the same rules is
 * better (CLDR windowsZones, the zones of Europe and a few others). */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "Romance Standard Time", "Europe/Paris" },
  { "FLE Standard Time", "Europe/Helsinki" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "India Standard Time", "Asia/Kolkata" },
  { "UTC", "UTC" },
};

typedef struct
{
  char     *iana;     /* NULL: not a zone tzdata knows */
  gboolean  windows;  /* a Windows name, mapped */
} ZoneName;

static void
zone_name_free (ZoneName *name)
{
  g_free (name->iana);
  g_free (name);
}

/* The tzdata zone a TZID names: an IANA name (tzdata is the truth for it,
 * whatever VTIMEZONE the file has), one behind a globally unique prefix
 * ("/freeassociation.sourceforge.net/Europe/Vilnius", RFC 5545 3.2.19), or
 * a Windows name.  Cached in @cache (TZID → ZoneName). */
static const ZoneName *
lookup_zone_name (GHashTable *cache,
                  const char *tzid)
{
  ZoneName *name = g_hash_table_lookup (cache, tzid);

  if (name != NULL)
    return name;

  name = g_new0 (ZoneName, 1);
  if (vp_time_zone_is_valid (tzid))
    name->iana = g_strdup (tzid);
  else if (tzid[0] == '/')
    {
      for (const char *p = tzid; name->iana == NULL && (p = strchr (p, '/')) != NULL; )
        {
          p++;
          if (*p != '\0' && vp_time_zone_is_valid (p))
            name->iana = g_strdup (p);
        }
    }
  for (guint i = 0; name->iana == NULL && i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (tzid, windows_zones[i].windows) == 0)
      {
        name->iana = g_strdup (windows_zones[i].iana);
        name->windows = TRUE;
      }

  g_hash_table_insert (cache, g_strdup (tzid), name);
  return name;
}

/* Wall times {{{1 */

static gboolean
local_time_in_range (const VpLocalTime *time)
{
  return time->year >= MIN_YEAR && time->year <= MAX_YEAR;
}

/* libical takes 30 February, month 13 and hour 25 as they come. */
static gboolean
local_time_is_real (const VpLocalTime *time)
{
  return local_time_in_range (time) && time->month >= 1 && time->month <= 12 && time->day >= 1 &&
         time->day <= g_date_get_days_in_month ((GDateMonth)time->month, (GDateYear)time->year) &&
         time->hour >= 0 && time->hour <= 23 && time->minute >= 0 && time->minute <= 59 &&
         time->second >= 0 && time->second <= 59;
}

/* The wall time as seconds since 1970-01-01T00:00:00 on the same clock;
 * only for a real time. */
static gint64
local_time_to_seconds (const VpLocalTime *time)
{
  GDate epoch;
  GDate date;

  g_date_clear (&epoch, 1);
  g_date_clear (&date, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  g_date_set_dmy (&date, (GDateDay)time->day, (GDateMonth)time->month, (GDateYear)time->year);

  return (gint64)g_date_days_between (&epoch, &date) * 86400 + time->hour * 3600 +
         time->minute * 60 + time->second;
}

static char *
format_raw_time (const VpLocalTime *time)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", time->year, time->month, time->day,
                          time->hour, time->minute, time->second);
}

/* libical {{{1 */

/* What one VEVENT says, copied out of libical's tree so that everything
 * after reading runs without libical (and its lock). */
typedef struct
{
  gboolean         present;
  gboolean         is_date;
  gboolean         is_utc;
  VpLocalTime      local;         /* as written: may be no real time */
  char            *tzid;          /* NULL: none (UTC or floating) */
  /* A zone only the file's VTIMEZONE defines: libical's reading of it. */
  char            *zone_problem;  /* why it cannot be used, or NULL */
  gboolean         by_vtimezone;
  VpLocalTimeKind  kind;
  gint64           instant;       /* the first, when ambiguous */
} RawTime;

typedef struct
{
  guint                   line;
  char                   *problem;     /* found before libical */
  char                   *lic_error;   /* libical's first X-LIC-ERROR in the event */
  char                   *uid;
  gboolean                has_uid;
  char                   *summary;
  char                   *location;
  char                   *description;
  char                   *category;
  char                   *nested;      /* a component inside it other than VALARM */
  const char             *recurrence;  /* the property that makes it repeat */
  VpSessionStatus         status;
  int                     sequence;
  RawTime                 start;
  RawTime                 end;
  gboolean                has_duration;
  struct icaldurationtype duration;
} RawEvent;

static void
raw_time_clear (RawTime *time)
{
  g_clear_pointer (&time->tzid, g_free);
  g_clear_pointer (&time->zone_problem, g_free);
}

static void
raw_event_free (RawEvent *event)
{
  g_free (event->problem);
  g_free (event->lic_error);
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->location);
  g_free (event->description);
  g_free (event->category);
  g_free (event->nested);
  raw_time_clear (&event->start);
  raw_time_clear (&event->end);
  g_free (event);
}

/* A VTIMEZONE of the file, by TZID. */
typedef struct
{
  icalcomponent *component;    /* the first with this TZID */
  gboolean       conflicting;  /* another with the same TZID says something else */
  gboolean       checked;
  char          *problem;      /* why libical must not expand it, or NULL */
} FileZone;

static void
file_zone_free (FileZone *zone)
{
  g_free (zone->problem);
  g_free (zone);
}

typedef struct
{
  icalcomponent *calendar;
  GHashTable    *zones;       /* TZID → FileZone */
  GHashTable    *zone_names;  /* TZID → ZoneName */
} Reader;

static guint
count_by (const short *values,
          guint        size)
{
  guint n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

/* A rule libical can expand in bounded time: yearly, at most one month a
 * year (and then at most a few days of it). */
static gboolean
rule_is_yearly (const struct icalrecurrencetype *rule)
{
  guint months = count_by (rule->by_month, ICAL_BY_MONTH_SIZE);

  return rule->freq == ICAL_YEARLY_RECURRENCE && rule->interval >= 1 &&
         count_by (rule->by_year_day, ICAL_BY_YEARDAY_SIZE) == 0 &&
         count_by (rule->by_week_no, ICAL_BY_WEEKNO_SIZE) == 0 &&
         count_by (rule->by_hour, ICAL_BY_HOUR_SIZE) <= 1 &&
         count_by (rule->by_minute, ICAL_BY_MINUTE_SIZE) <= 1 &&
         count_by (rule->by_second, ICAL_BY_SECOND_SIZE) <= 1 && months <= 1 &&
         (months == 1 || (count_by (rule->by_day, ICAL_BY_DAY_SIZE) == 0 &&
                          count_by (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE) == 0));
}

/* libical expands a VTIMEZONE's rules from each DTSTART to the year asked
 * for: a rule that repeats every second from 1601 would take hours. */
static char *
vtimezone_problem (icalcomponent *vtimezone)
{
  guint n_observances = 0;
  guint n_ruled = 0;

  for (icalcomponent *part = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
       part != NULL;
       part = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (part);
      guint n_rdates;
      guint n_rules = 0;

      if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
        continue;
      if (++n_observances > MAX_OBSERVANCES)
        return g_strdup_printf (_("it has more than %d STANDARD and DAYLIGHT parts"),
                                MAX_OBSERVANCES);
      if (icalcomponent_get_first_property (part, ICAL_DTSTART_PROPERTY) == NULL)
        return g_strdup (_("a STANDARD or DAYLIGHT part has no DTSTART"));

      n_rdates = (guint)icalcomponent_count_properties (part, ICAL_RDATE_PROPERTY);
      if (n_rdates > MAX_RDATES)
        return g_strdup_printf (_("a STANDARD or DAYLIGHT part has more than %d RDATEs"),
                                MAX_RDATES);

      for (icalproperty *rule = icalcomponent_get_first_property (part, ICAL_RRULE_PROPERTY);
           rule != NULL;
           rule = icalcomponent_get_next_property (part, ICAL_RRULE_PROPERTY))
        {
          struct icalrecurrencetype recurrence = icalproperty_get_rrule (rule);

          if (!rule_is_yearly (&recurrence))
            return g_strdup (_("its rules do not repeat once a year in one month"));
          n_rules++;
        }
      if (n_rules > 1 || (n_rules == 1 && ++n_ruled > MAX_RULED_OBSERVANCES))
        return g_strdup (_("it has too many rules"));
    }

  if (n_observances == 0)
    return g_strdup (_("it has no STANDARD or DAYLIGHT part"));

  return NULL;
}

static void
collect_zones (Reader *reader)
{
  for (icalcomponent *vtimezone = icalcomponent_get_first_component (reader->calendar,
                                                                     ICAL_VTIMEZONE_COMPONENT);
       vtimezone != NULL;
       vtimezone = icalcomponent_get_next_component (reader->calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
      const char *tzid = property != NULL ? icalproperty_get_tzid (property) : NULL;
      FileZone *zone;

      if (tzid == NULL)
        continue;

      zone = g_hash_table_lookup (reader->zones, tzid);
      if (zone == NULL)
        {
          zone = g_new0 (FileZone, 1);
          zone->component = vtimezone;
          g_hash_table_insert (reader->zones, g_strdup (tzid), zone);
        }
      else if (!zone->conflicting)
        {
          char *first = icalcomponent_as_ical_string_r (zone->component);
          char *second = icalcomponent_as_ical_string_r (vtimezone);

          zone->conflicting = g_strcmp0 (first, second) != 0;
          free (first);
          free (second);
        }
    }
}

static gint64
ical_offset_at (icaltimezone *zone,
                gint64        instant)
{
  struct icaltimetype utc = icaltime_from_timet_with_zone ((time_t)instant, 0,
                                                           icaltimezone_get_utc_timezone ());
  int is_daylight = 0;

  return icaltimezone_get_utc_offset_of_utc_time (zone, &utc, &is_daylight);
}

/* Every instant @time names in a zone of the file, read the RFC's way (a
 * skipped time is none, a repeated one has two): libical's own answer
 * takes the later offset in both cases. */
static VpLocalTimeKind
ical_resolve (icaltimezone      *zone,
              const VpLocalTime *time,
              gint64            *first)
{
  gint64 local = local_time_to_seconds (time);
  gint64 solutions[5];
  guint n_solutions = 0;

  /* offsets are within a day or so of zero: the offsets in force a few
   * days around the wall time are the only candidates */
  for (int day = -2; day <= 2; day++)
    {
      gint64 offset = ical_offset_at (zone, local + day * 86400);
      gint64 candidate = local - offset;
      gboolean seen = FALSE;

      if (ical_offset_at (zone, candidate) != offset)
        continue;
      for (guint i = 0; i < n_solutions; i++)
        seen = seen || solutions[i] == candidate;
      if (!seen)
        solutions[n_solutions++] = candidate;
    }

  if (n_solutions == 0)
    return VP_LOCAL_TIME_SKIPPED;

  *first = solutions[0];
  for (guint i = 1; i < n_solutions; i++)
    *first = MIN (*first, solutions[i]);

  return n_solutions == 1 ? VP_LOCAL_TIME_UNIQUE : VP_LOCAL_TIME_AMBIGUOUS;
}

static void
read_time (Reader       *reader,
           icalproperty *property,
           RawTime      *time)
{
  icalvalue *value = property != NULL ? icalproperty_get_value (property) : NULL;
  icalparameter *parameter;
  struct icaltimetype t;
  const ZoneName *name;
  FileZone *zone;
  icaltimezone *ical_zone;

  if (value == NULL)
    return;

  t = icalvalue_get_datetimedate (value);
  time->present = TRUE;
  time->is_date = t.is_date != 0;
  time->is_utc = icaltime_is_utc (t) != 0;
  time->local = (VpLocalTime) { t.year, t.month, t.day, t.hour, t.minute, t.second };

  parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  /* TZID on a UTC time is meaningless (RFC 5545 3.3.5): the Z wins */
  if (parameter == NULL || time->is_utc || time->is_date)
    return;

  time->tzid = g_strdup (icalparameter_get_tzid (parameter) != NULL
                         ? icalparameter_get_tzid (parameter) : "");
  name = lookup_zone_name (reader->zone_names, time->tzid);
  if (name->iana != NULL || !local_time_is_real (&time->local))
    return;

  /* Neither tzdata nor Windows: only the file's VTIMEZONE can say. */
  zone = g_hash_table_lookup (reader->zones, time->tzid);
  if (zone != NULL && !zone->checked)
    {
      zone->problem = vtimezone_problem (zone->component);
      zone->checked = TRUE;
    }

  if (zone == NULL)
    {
      g_autofree char *quoted = quote_text (time->tzid, -1);

      time->zone_problem = g_strdup_printf (_("the time zone “%s” is not one tzdata knows, and the "
                                              "file has no VTIMEZONE for it"), quoted);
    }
  else if (zone->conflicting)
    {
      g_autofree char *quoted = quote_text (time->tzid, -1);

      time->zone_problem = g_strdup_printf (_("the file has two different VTIMEZONEs named “%s”"),
                                            quoted);
    }
  else if (zone->problem != NULL)
    {
      g_autofree char *quoted = quote_text (time->tzid, -1);

      time->zone_problem = g_strdup_printf (_("the VTIMEZONE “%s” cannot be used: %s"), quoted,
                                            zone->problem);
    }
  else if ((ical_zone = icalcomponent_get_timezone (reader->calendar, time->tzid)) == NULL)
    {
      g_autofree char *quoted = quote_text (time->tzid, -1);

      time->zone_problem = g_strdup_printf (_("the VTIMEZONE “%s” cannot be read"), quoted);
    }
  else
    {
      time->by_vtimezone = TRUE;
      time->kind = ical_resolve (ical_zone, &time->local, &time->instant);
    }
}

static char *
copy_text (icalcomponent      *event,
           icalproperty_kind   kind)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  icalvalue *value = property != NULL ? icalproperty_get_value (property) : NULL;
  const char *text = value != NULL ? icalvalue_get_text (value) : NULL;

  return g_strdup (text);
}

static RawEvent *
read_event (Reader        *reader,
            icalcomponent *component,
            ScanEvent     *scanned)
{
  RawEvent *event = g_new0 (RawEvent, 1);
  icalproperty *property;

  event->line = scanned->line;
  event->problem = g_strdup (scanned->problem);

  property = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
  if (property != NULL)
    event->lic_error = g_strdup (icalproperty_get_xlicerror (property));

  property = icalcomponent_get_first_property (component, ICAL_UID_PROPERTY);
  if (property != NULL)
    {
      event->has_uid = TRUE;
      event->uid = g_strdup (icalproperty_get_uid (property));
    }

  event->summary = copy_text (component, ICAL_SUMMARY_PROPERTY);
  event->location = copy_text (component, ICAL_LOCATION_PROPERTY);
  event->description = copy_text (component, ICAL_DESCRIPTION_PROPERTY);
  event->category = copy_text (component, ICAL_CATEGORIES_PROPERTY);

  for (icalcomponent *inner = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       inner != NULL && event->nested == NULL;
       inner = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    if (icalcomponent_isa (inner) != ICAL_VALARM_COMPONENT)
      event->nested = g_strdup (icalcomponent_kind_to_string (icalcomponent_isa (inner)));

  if (icalcomponent_get_first_property (component, ICAL_RECURRENCEID_PROPERTY) != NULL)
    event->recurrence = "RECURRENCE-ID";
  else if (icalcomponent_get_first_property (component, ICAL_RRULE_PROPERTY) != NULL)
    event->recurrence = "RRULE";
  else if (icalcomponent_get_first_property (component, ICAL_RDATE_PROPERTY) != NULL)
    event->recurrence = "RDATE";
  else if (icalcomponent_get_first_property (component, ICAL_EXRULE_PROPERTY) != NULL)
    event->recurrence = "EXRULE";

  event->status = VP_SESSION_STATUS_CONFIRMED;
  property = icalcomponent_get_first_property (component, ICAL_STATUS_PROPERTY);
  if (property != NULL && icalproperty_get_status (property) == ICAL_STATUS_TENTATIVE)
    event->status = VP_SESSION_STATUS_TENTATIVE;
  else if (property != NULL && icalproperty_get_status (property) == ICAL_STATUS_CANCELLED)
    event->status = VP_SESSION_STATUS_CANCELLED;

  property = icalcomponent_get_first_property (component, ICAL_SEQUENCE_PROPERTY);
  if (property != NULL)
    event->sequence = MAX (icalproperty_get_sequence (property), 0);

  property = icalcomponent_get_first_property (component, ICAL_DURATION_PROPERTY);
  if (property != NULL)
    {
      event->has_duration = TRUE;
      event->duration = icalproperty_get_duration (property);
    }

  /* No times of an event that will be skipped anyway go to libical's zone
   * code. */
  if (event->problem == NULL && event->lic_error == NULL && event->recurrence == NULL &&
      event->nested == NULL)
    {
      read_time (reader, icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY),
                 &event->start);
      read_time (reader, icalcomponent_get_first_property (component, ICAL_DTEND_PROPERTY),
                 &event->end);
    }
  else
    event->start.present =
      icalcomponent_get_first_property (component, ICAL_DTSTART_PROPERTY) != NULL;

  return event;
}

/* libical's errors outside events (in the calendar's own properties or its
 * VTIMEZONEs) cost nothing imported: they are reported. */
static void
note_calendar_errors (icalcomponent *component,
                      GPtrArray     *notes,
                      guint          depth)
{
  for (icalproperty *property = icalcomponent_get_first_property (component,
                                                                 ICAL_XLICERROR_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      g_autofree char *message = quote_text (icalproperty_get_xlicerror (property), -1);

      report_add (notes, 0, NULL, g_strdup_printf (_("libical ignored a line: %s"), message));
    }

  if (depth >= 3)
    return;

  for (icalcomponent *inner = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       inner != NULL;
       inner = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    if (icalcomponent_isa (inner) != ICAL_VEVENT_COMPONENT)
      note_calendar_errors (inner, notes, depth + 1);
}

static GPtrArray *
read_events (Scan        *scan,
             GHashTable  *zone_names,
             GPtrArray   *notes,
             GError     **error)
{
  /* all libical work here, from the parse to the last free, runs under its
   * lock (vp-ical.h); declared first, it is let go last */
  g_autoptr(VpIcalLocker) locker = vp_ical_lock ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)raw_event_free);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)file_zone_free);
  Reader reader = { NULL, zones, zone_names };
  guint index = 0;
  gboolean ok = TRUE;

  reader.calendar = icalparser_parse_string (scan->text->str);
  if (reader.calendar == NULL || icalcomponent_isa (reader.calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      ok = fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX, _("libical cannot read the calendar"));
      goto out;
    }

  collect_zones (&reader);
  note_calendar_errors (reader.calendar, notes, 1);

  for (icalcomponent *component = icalcomponent_get_first_component (reader.calendar,
                                                                     ICAL_VEVENT_COMPONENT);
       component != NULL;
       component = icalcomponent_get_next_component (reader.calendar, ICAL_VEVENT_COMPONENT))
    {
      /* libical keeps the events in file order: the n-th is the n-th the
       * pre-checks saw, and has its line */
      if (index >= scan->events->len)
        break;
      g_ptr_array_add (events, read_event (&reader, component,
                                           &g_array_index (scan->events, ScanEvent, index)));
      index++;
    }

  if (events->len != scan->events->len)
    ok = fail (error, VP_ICAL_IMPORT_ERROR_SYNTAX,
               _("libical read %u events where the file has %u"), events->len, scan->events->len);

out:
  if (reader.calendar != NULL)
    icalcomponent_free (reader.calendar);

  return ok ? g_steal_pointer (&events) : NULL;
}

/* Sessions {{{1 */

typedef struct
{
  const char   *zone_name;   /* the programme's */
  GTimeZone    *zone;
  GTimeZone    *utc;
  GHashTable   *zone_names;  /* TZID → ZoneName */
  GPtrArray    *event_notes; /* char *: remarks on the event in hand */
  RawEvent     *event;       /* in hand */
} Import;

/* A DTSTART or DTEND read: the instant, and the wall time and zone it is
 * kept in. */
typedef struct
{
  gint64       instant;
  char        *zone;
  VpLocalTime  local;
  gboolean     nominal;  /* read in its zone (not converted from an instant) */
} Resolved;

static void
resolved_clear (Resolved *resolved)
{
  g_clear_pointer (&resolved->zone, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Resolved, resolved_clear)

static void G_GNUC_PRINTF (2, 3)
note (Import     *import,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* DTSTART and DTEND often earn the same remark: once is enough */
  for (guint i = 0; i < import->event_notes->len; i++)
    if (g_str_equal (g_ptr_array_index (import->event_notes, i), text))
      return;
  g_ptr_array_add (import->event_notes, g_steal_pointer (&text));
}

/* An instant kept as a wall time in the programme's zone; in UTC when that
 * wall time is the second of a repeated hour, which it would not name. */
static void
keep_instant (Import     *import,
              const char *what,
              gint64      instant,
              const char *zone_name,
              Resolved   *out)
{
  g_autoptr(GTimeZone) zone = vp_time_zone_new (zone_name, NULL);
  gint64 first = 0;

  g_assert (zone != NULL);
  vp_local_time_from_instant (instant, zone, &out->local);
  if (vp_local_time_resolve (&out->local, zone, &first, NULL) == VP_LOCAL_TIME_AMBIGUOUS &&
      first != instant)
    {
      vp_local_time_from_instant (instant, import->utc, &out->local);
      out->zone = g_strdup ("UTC");
      note (import, _("%s is in the hour that repeats when clocks go back in %s: kept in UTC"),
            what, zone_name);
    }
  else
    out->zone = g_strdup (zone_name);

  out->instant = instant;
}

/* A wall time read in the zone @zone_name. */
static gboolean
resolve_in_zone (Import             *import,
                 const char         *what,
                 const VpLocalTime  *local,
                 const char         *zone_name,
                 Resolved           *out,
                 char              **reason)
{
  g_autoptr(GTimeZone) zone = vp_time_zone_new (zone_name, NULL);
  g_autofree char *text = format_raw_time (local);
  gint64 first = 0;

  g_assert (zone != NULL);
  switch (vp_local_time_resolve (local, zone, &first, NULL))
    {
    case VP_LOCAL_TIME_SKIPPED:
      /* TRANSLATORS: DTSTART or DTEND, a wall time, then a zone like Europe/Vilnius */
      *reason = g_strdup_printf (_("%s %s does not exist in %s: the clocks skip that hour"),
                                 what, text, zone_name);
      return FALSE;

    case VP_LOCAL_TIME_AMBIGUOUS:
      note (import, _("%s %s occurs twice in %s (the clocks go back): the first is taken"),
            what, text, zone_name);
      break;

    case VP_LOCAL_TIME_UNIQUE:
    default:
      break;
    }

  out->instant = first;
  out->zone = g_strdup (zone_name);
  out->local = *local;
  out->nominal = TRUE;  /* nominal durations count days on its wall clock */
  return TRUE;
}

static gboolean
resolve_time (Import      *import,
              const char  *what,
              RawTime     *time,
              Resolved    *out,
              char       **reason)
{
  g_autofree char *text = format_raw_time (&time->local);

  if (!local_time_in_range (&time->local))
    {
      *reason = g_strdup_printf (_("%s is in the year %d: only %d to %d are accepted"),
                                 what, time->local.year, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }
  if (!local_time_is_real (&time->local))
    {
      *reason = g_strdup_printf (_("%s %s is not a real date and time"), what, text);
      return FALSE;
    }

  if (time->is_utc)
    {
      keep_instant (import, what, local_time_to_seconds (&time->local), import->zone_name, out);
      return TRUE;
    }

  if (time->tzid != NULL)
    {
      const ZoneName *name = lookup_zone_name (import->zone_names, time->tzid);
      g_autofree char *quoted = quote_text (time->tzid, -1);

      if (name->iana != NULL)
        {
          if (name->windows)
            note (import, _("time zone “%s” read as %s"), quoted, name->iana);
          return resolve_in_zone (import, what, &time->local, name->iana, out, reason);
        }

      if (time->zone_problem != NULL)
        {
          *reason = g_strdup (time->zone_problem);
          return FALSE;
        }

      g_assert (time->by_vtimezone);
      if (time->kind == VP_LOCAL_TIME_SKIPPED)
        {
          *reason = g_strdup_printf (_("%s %s does not exist in the file’s time zone “%s”: the "
                                       "clocks skip that hour"),
                                     what, text, quoted);
          return FALSE;
        }
      if (time->kind == VP_LOCAL_TIME_AMBIGUOUS)
        note (import, _("%s %s occurs twice in the file’s time zone “%s” (the clocks go back): "
                        "the first is taken"),
              what, text, quoted);
      note (import, _("time zone “%s” is not one tzdata knows: converted with the file’s "
                      "VTIMEZONE to %s"),
            quoted, import->zone_name);
      keep_instant (import, what, time->instant, import->zone_name, out);
      return TRUE;
    }

  /* floating: a wall time with no zone (RFC 5545 3.3.5, form 1) */
  note (import, _("no time zone given: read in %s"), import->zone_name);
  return resolve_in_zone (import, what, &time->local, import->zone_name, out, reason);
}

/* The end DURATION gives: days and weeks on the wall clock of a wall time,
 * the rest exact (RFC 5545 3.3.6). */
static gboolean
resolve_duration (Import    *import,
                  Resolved  *start,
                  Resolved  *end,
                  char     **reason)
{
  struct icaldurationtype *duration = &import->event->duration;
  gint64 days = (gint64)duration->weeks * 7 + duration->days;
  gint64 seconds = (gint64)duration->hours * 3600 + (gint64)duration->minutes * 60 +
                   duration->seconds;

  if (duration->is_neg)
    {
      *reason = g_strdup (_("its DURATION is negative"));
      return FALSE;
    }
  if (days * 86400 + seconds > MAX_SECONDS)
    {
      *reason = g_strdup (_("it lasts more than a year: not a session"));
      return FALSE;
    }

  if (start->nominal && days > 0)
    {
      VpLocalTime local = start->local;
      g_auto(Resolved) day = { 0, };
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay)local.day, (GDateMonth)local.month, (GDateYear)local.year);
      g_date_add_days (&date, (guint)days);
      local.year = g_date_get_year (&date);
      local.month = g_date_get_month (&date);
      local.day = g_date_get_day (&date);
      if (!local_time_in_range (&local))
        {
          *reason = g_strdup_printf (_("%s is in the year %d: only %d to %d are accepted"),
                                     "DTSTART + DURATION", local.year, MIN_YEAR, MAX_YEAR);
          return FALSE;
        }
      if (!resolve_in_zone (import, "DTSTART + DURATION", &local, start->zone, &day, reason))
        return FALSE;
      end->instant = day.instant + seconds;
    }
  else
    end->instant = start->instant + days * 86400 + seconds;

  /* the end is kept in the start's zone */
  keep_instant (import, "DTSTART + DURATION", end->instant, start->zone, end);

  return TRUE;
}

static gboolean
same_in_calendar (Import    *import,
                  VpSession *a,
                  VpSession *b)
{
  const char *zone_a = vp_session_get_timezone (a) != NULL ? vp_session_get_timezone (a)
                                                          : import->zone_name;
  const char *zone_b = vp_session_get_timezone (b) != NULL ? vp_session_get_timezone (b)
                                                          : import->zone_name;
  const char *end_a = vp_session_get_end_timezone (a) ? vp_session_get_end_timezone (a) : zone_a;
  const char *end_b = vp_session_get_end_timezone (b) ? vp_session_get_end_timezone (b) : zone_b;

  return g_strcmp0 (vp_session_get_title (a), vp_session_get_title (b)) == 0 &&
         g_strcmp0 (vp_session_get_start (a), vp_session_get_start (b)) == 0 &&
         g_strcmp0 (vp_session_get_end (a), vp_session_get_end (b)) == 0 &&
         g_strcmp0 (zone_a, zone_b) == 0 && g_strcmp0 (end_a, end_b) == 0 &&
         vp_session_get_start_utc (a) == vp_session_get_start_utc (b) &&
         vp_session_get_end_utc (a) == vp_session_get_end_utc (b) &&
         g_strcmp0 (vp_session_get_location (a), vp_session_get_location (b)) == 0 &&
         g_strcmp0 (vp_session_get_description (a), vp_session_get_description (b)) == 0 &&
         vp_session_get_status (a) == vp_session_get_status (b);
}

static void
apply_fields (VpSession *target,
              VpSession *source)
{
  vp_session_set_title (target, vp_session_get_title (source));
  vp_session_set_start (target, vp_session_get_start (source));
  vp_session_set_end (target, vp_session_get_end (source));
  vp_session_set_timezone (target, vp_session_get_timezone (source));
  vp_session_set_end_timezone (target, vp_session_get_end_timezone (source));
  vp_session_set_instants (target, vp_session_get_start_utc (source),
                           vp_session_get_end_utc (source));
  vp_session_set_location (target, vp_session_get_location (source));
  vp_session_set_description (target, vp_session_get_description (source));
  vp_session_set_status (target, vp_session_get_status (source));
}

/* The title our own calendars give a cancelled session ("Cancelled: ..."),
 * back to the session's own. */
static const char *
strip_cancelled (const char *title)
{
  /* TRANSLATORS: the title of a cancelled session in a calendar; must be
   * the same as in the calendar writer */
  const char *translated = _("Cancelled: %s");
  const char *marker = strstr (translated, "%s");

  if (marker != NULL && marker > translated &&
      strncmp (title, translated, (gsize)(marker - translated)) == 0 && marker[2] == '\0' &&
      title[marker - translated] != '\0')
    return title + (marker - translated);
  if (g_str_has_prefix (title, "Cancelled: ") && title[strlen ("Cancelled: ")] != '\0')
    return title + strlen ("Cancelled: ");
  return title;
}

/* The session an event describes, or NULL and the reason it cannot be
 * one.  Checks go from the file's shape to the event's meaning. */
static VpSession *
event_to_session (Import      *import,
                  GHashTable  *seen_uids,
                  char       **reason)
{
  RawEvent *event = import->event;
  g_auto(Resolved) start = { 0, };
  g_auto(Resolved) end = { 0, };
  g_autoptr(VpSession) session = NULL;
  g_autofree char *title = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  gpointer first_line;
  gboolean cut = FALSE;
  g_autoptr(GError) uid_error = NULL;

  if (event->problem != NULL)
    {
      *reason = g_strdup (event->problem);
      return NULL;
    }
  if (event->lic_error != NULL)
    {
      g_autofree char *message = quote_text (event->lic_error, -1);

      *reason = g_strdup_printf (_("libical cannot read a line of it: %s"), message);
      return NULL;
    }

  if (event->uid == NULL || event->uid[0] == '\0')
    {
      *reason = g_strdup (_("it has no UID: an event needs one to be updated later"));
      return NULL;
    }
  /* the rule of values (vp-values.h) of every uid; then no bidirectional
   * controls either, which would hide what the line says */
  if (!vp_value_check_identifier (event->uid, &uid_error))
    {
      /* TRANSLATORS: UID, then what is wrong with it */
      *reason = g_strdup_printf (_("%s: %s"), "UID", uid_error->message);
      return NULL;
    }
  for (const char *p = event->uid; *p != '\0'; p = g_utf8_next_char (p))
    if (is_unwanted (g_utf8_get_char (p)))
      {
        *reason = g_strdup (_("its UID holds control characters"));
        return NULL;
      }

  if (event->recurrence != NULL)
    {
      *reason = g_strdup_printf (_("it repeats (%s): repeating events are not imported; send each "
                                   "slot as an event of its own"),
                                 event->recurrence);
      return NULL;
    }

  if (g_hash_table_lookup_extended (seen_uids, event->uid, NULL, &first_line))
    {
      *reason = g_strdup_printf (_("the same UID as the event on line %u"),
                                 GPOINTER_TO_UINT (first_line));
      return NULL;
    }
  g_hash_table_insert (seen_uids, event->uid, GUINT_TO_POINTER (event->line));

  if (event->nested != NULL)
    {
      *reason = g_strdup_printf (_("it holds a %s inside it: an event may only hold alarms"),
                                 event->nested);
      return NULL;
    }

  if (!event->start.present)
    {
      *reason = g_strdup (_("it has no DTSTART"));
      return NULL;
    }
  if (event->end.present && event->has_duration)
    {
      *reason = g_strdup (_("it has both DTEND and DURATION: only one is allowed"));
      return NULL;
    }
  if (event->start.is_date || event->end.is_date)
    {
      *reason = g_strdup (_("all-day events are not sessions: give the slot a start and end time"));
      return NULL;
    }

  if (!resolve_time (import, "DTSTART", &event->start, &start, reason))
    return NULL;
  if (event->end.present)
    {
      if (!resolve_time (import, "DTEND", &event->end, &end, reason))
        return NULL;
    }
  else if (event->has_duration)
    {
      if (!resolve_duration (import, &start, &end, reason))
        return NULL;
    }
  else
    end.instant = start.instant;

  /* An event that ends when it starts (RFC 5545 3.6.1: one with no end, or
   * an end equal to its start) marks an instant; a session needs a length,
   * and the hour that calendars give a new event is the one people expect.
   * The report says so, for the end to be checked. */
  if (end.instant == start.instant)
    {
      const char *zone = end.zone != NULL ? end.zone : start.zone;
      g_autofree char *kept_zone = g_strdup (zone);

      resolved_clear (&end);
      keep_instant (import, _("the end"), start.instant + INSTANT_SECONDS, kept_zone, &end);
      if (!event->end.present && !event->has_duration)
        note (import, _("it has no DTEND or DURATION, so it ends when it starts: it was given "
                        "one hour; check its end"));
      else if (event->end.present)
        note (import, _("its DTEND is its DTSTART, so it ends when it starts: it was given "
                        "one hour; check its end"));
      else
        note (import, _("its DURATION is zero, so it ends when it starts: it was given one "
                        "hour; check its end"));
    }
  else
    {
      /* the rule of values (vp-values.h) that every session keeps */
      g_autoptr(GError) error = NULL;
      g_autofree char *start_text = vp_local_time_format (&start.local);
      g_autofree char *end_text = vp_local_time_format (&end.local);

      if (!vp_value_check_order (VP_SPAN_SESSION, start.instant, end.instant, start_text, end_text,
                                 &error))
        {
          /* TRANSLATORS: DTEND, then what is wrong with it */
          *reason = g_strdup_printf (_("%s: %s"), "DTEND", error->message);
          return NULL;
        }
    }
  if (end.instant - start.instant > MAX_SECONDS)
    {
      *reason = g_strdup (_("it lasts more than a year: not a session"));
      return NULL;
    }

  title = clean_text (event->summary, -1, TRUE, MAX_TITLE_CHARS, &cut);
  if (cut)
    note (import, _("the title was shortened to %d characters"), MAX_TITLE_CHARS);
  if (title == NULL)
    {
      /* a slot without a title still holds the time a host offers */
      title = g_strdup (_("Untitled slot"));
      note (import, _("it has no SUMMARY: titled “%s”"), title);
    }
  location = clean_text (event->location, -1, TRUE, MAX_LOCATION_CHARS, &cut);
  if (cut)
    note (import, _("the location was shortened to %d characters"), MAX_LOCATION_CHARS);
  description = clean_text (event->description, -1, FALSE, MAX_DESCRIPTION_CHARS, &cut);
  if (cut)
    note (import, _("the description was shortened to %d characters"), MAX_DESCRIPTION_CHARS);

  session = vp_session_new ();
  vp_session_set_uid (session, event->uid);
  vp_session_set_revision (session, event->sequence);
  vp_session_set_status (session, event->status);
  vp_session_set_title (session, event->status == VP_SESSION_STATUS_CANCELLED
                                 ? strip_cancelled (title) : title);
  vp_session_set_location (session, location);
  vp_session_set_description (session, description);

  {
    g_autofree char *start_text = vp_local_time_format (&start.local);
    g_autofree char *end_text = vp_local_time_format (&end.local);

    vp_session_set_start (session, start_text);
    vp_session_set_end (session, end_text);
  }
  vp_session_set_timezone (session,
                           g_str_equal (start.zone, import->zone_name) ? NULL : start.zone);
  vp_session_set_end_timezone (session, g_str_equal (end.zone, start.zone) ? NULL : end.zone);
  vp_session_set_instants (session, start.instant, end.instant);

  return g_steal_pointer (&session);
}

static VpSessionKind
kind_of_category (const char *category)
{
  g_autofree char *word = NULL;
  GEnumClass *klass;
  GEnumValue *value;
  VpSessionKind kind = VP_SESSION_KIND_UNSET;

  if (category == NULL)
    return kind;

  word = g_ascii_strdown (category, -1);
  klass = g_type_class_ref (VP_TYPE_SESSION_KIND);
  value = g_enum_get_value_by_nick (klass, g_strstrip (word));
  if (value != NULL)
    kind = value->value;
  g_type_class_unref (klass);

  return kind;
}

/* A ref no session of the snapshot or of this import has: "session-7". */
static char *
new_session_ref (VpSnapshot *snapshot,
                 GHashTable *taken,
                 guint      *next)
{
  for (;; (*next)++)
    {
      char *ref = g_strdup_printf ("session-%u", *next);

      if (vp_snapshot_lookup_session (snapshot, ref) == NULL && !g_hash_table_contains (taken, ref))
        {
          g_hash_table_add (taken, g_strdup (ref));
          (*next)++;
          return ref;
        }
      g_free (ref);
    }
}

VpSnapshot *
vp_ical_import (VpSnapshot    *snapshot,
                GBytes        *bytes,
                VpIcalReport **report_out,
                GError       **error)
{
  g_auto(Scan) scan = { NULL, };
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) event_notes = NULL;
  g_autoptr(GHashTable) zone_names = NULL;
  g_autoptr(GHashTable) seen_uids = NULL;
  g_autoptr(GHashTable) index_of = NULL;  /* existing session → its index + 1 in @sessions */
  g_autoptr(GHashTable) new_refs = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  VpProgramme *programme;
  VpSnapshot *result;
  Import import = { NULL, };
  const char *data;
  gsize size;
  guint next_ref;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  programme = vp_snapshot_get_programme (snapshot);
  zone = vp_time_zone_new (vp_programme_get_timezone (programme)
                           ? vp_programme_get_timezone (programme) : "", error);
  if (zone == NULL)
    return NULL;
  utc = vp_time_zone_new ("UTC", NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!scan_bytes (&scan, data != NULL ? data : "", size, error))
    return NULL;

  report = g_new0 (VpIcalReport, 1);
  report->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)skip_free);
  report->notes = g_ptr_array_new_with_free_func ((GDestroyNotify)skip_free);

  zone_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)zone_name_free);
  events = read_events (&scan, zone_names, report->notes, error);
  if (events == NULL)
    return NULL;
  for (guint i = 0; i < scan.ignored->len; i++)
    {
      Ignored *ignored = &g_array_index (scan.ignored, Ignored, i);
      g_autofree char *name = quote_text (ignored->name, -1);

      report_add (report->notes, ignored->line, NULL,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u %s ignored: only events become sessions",
                                                "%u %s ignored (the first here): only events "
                                                "become sessions",
                                                ignored->count),
                                   ignored->count, name));
    }
  scan_clear (&scan);

  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  index_of = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < vp_snapshot_get_sessions (snapshot)->len; i++)
    {
      VpSession *session = g_ptr_array_index (vp_snapshot_get_sessions (snapshot), i);

      g_ptr_array_add (sessions, g_object_ref (session));
      g_hash_table_insert (index_of, session, GUINT_TO_POINTER (i + 1));
    }

  event_notes = g_ptr_array_new_with_free_func (g_free);
  seen_uids = g_hash_table_new (g_str_hash, g_str_equal);
  new_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  next_ref = sessions->len + 1;
  import.zone_name = g_time_zone_get_identifier (zone);
  import.zone = zone;
  import.utc = utc;
  import.zone_names = zone_names;
  import.event_notes = event_notes;

  for (guint i = 0; i < events->len; i++)
    {
      RawEvent *event = g_ptr_array_index (events, i);
      g_autofree char *reason = NULL;
      g_autofree char *shown_uid = clean_text (event->uid, -1, TRUE, 80, NULL);
      g_autoptr(VpSession) session = NULL;
      VpSession *existing;
      gboolean imported = TRUE;

      g_ptr_array_set_size (event_notes, 0);
      import.event = event;

      session = event_to_session (&import, seen_uids, &reason);
      if (session == NULL)
        {
          report_add (report->skipped, event->line, shown_uid, g_steal_pointer (&reason));
          continue;
        }

      existing = vp_snapshot_lookup_session_by_uid (snapshot, event->uid);
      if (existing == NULL)
        {
          g_autofree char *ref = new_session_ref (snapshot, new_refs, &next_ref);

          vp_session_set_ref (session, ref);
          vp_session_set_kind (session, kind_of_category (event->category));
          /* a slot a host offers is for the whole group */
          vp_session_set_attendees_all (session, TRUE);
          g_ptr_array_add (sessions, g_steal_pointer (&session));
          report->added++;
        }
      else if (event->sequence <= vp_session_get_revision (existing))
        {
          /* a re-sent or older copy: the programme's own is kept */
          if (!same_in_calendar (&import, existing, session))
            report_add (report->notes, event->line, shown_uid,
                        g_strdup_printf (_("not updated: its SEQUENCE %d is not newer than the "
                                           "session’s revision %d"),
                                         event->sequence, vp_session_get_revision (existing)));
          report->unchanged++;
          imported = FALSE;
        }
      else
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, existing));
          VpSession *updated = vp_session_copy (existing);

          g_assert (index > 0);
          apply_fields (updated, session);
          /* the store raises the revision to at least this */
          vp_session_set_revision (updated, event->sequence);
          if (same_in_calendar (&import, existing, updated))
            {
              report->unchanged++;
              g_object_unref (updated);
              imported = FALSE;
            }
          else
            {
              g_object_unref (g_ptr_array_index (sessions, index - 1));
              g_ptr_array_index (sessions, index - 1) = updated;
              report->updated++;
            }
        }

      for (guint n = 0; imported && n < event_notes->len; n++)
        report_add (report->notes, event->line, shown_uid,
                    g_strdup (g_ptr_array_index (event_notes, n)));
    }

  result = vp_snapshot_new (programme);
  for (guint i = 0; i < vp_snapshot_get_hosts (snapshot)->len; i++)
    vp_snapshot_add_host (result, g_ptr_array_index (vp_snapshot_get_hosts (snapshot), i));
  for (guint i = 0; i < vp_snapshot_get_organisations (snapshot)->len; i++)
    vp_snapshot_add_organisation (result,
                                  g_ptr_array_index (vp_snapshot_get_organisations (snapshot), i));
  for (guint i = 0; i < vp_snapshot_get_participants (snapshot)->len; i++)
    vp_snapshot_add_participant (result,
                                 g_ptr_array_index (vp_snapshot_get_participants (snapshot), i));
  for (guint i = 0; i < sessions->len; i++)
    vp_snapshot_add_session (result, g_ptr_array_index (sessions, i));
  vp_snapshot_sort_sessions (result);

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return result;
}

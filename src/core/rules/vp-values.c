/* vp-values.c: the rules of the values people type (email addresses,
 * country codes, coordinates, counts, amounts, identifiers, names, dates,
 * times and their order). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-language.h"
#include "vp-text.h"
#include "vp-values.h"

G_DEFINE_QUARK (vp-value-error-quark, vp_value_error)

#define MAX_EMAIL_LENGTH 254  /* RFC 5321: a path of 256 with its < > */

/* How much of a bad text a message about a date or time quotes. */
#define QUOTE_MAX_CHARS 40

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID, message);
  return FALSE;
}

/* Email addresses {{{1 */

/* What an address cannot hold as it is: it would need quoting, and it
 * ends an address in a list or a mailto: URI. */
static gboolean
forbidden_in_email (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x200B || c == 0xFEFF ||
         c == '"' || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\';
}

gboolean
vp_value_check_email (const char  *text,
                      GError     **error)
{
  const char *at;
  const char *domain;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("the address is not valid UTF-8"));
  if (*text == '\0')
    return invalid (error, _("the address is empty"));
  if (strlen (text) > MAX_EMAIL_LENGTH)
    return invalid (error, _("“%s” is too long for an email address (at most %d bytes)"), text,
                    MAX_EMAIL_LENGTH);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (forbidden_in_email (c))
        {
          if (g_unichar_isspace (c))
            return invalid (error, _("“%s” is not an email address: it has a space"), text);
          if (g_unichar_iscntrl (c) || c == 0x200B || c == 0xFEFF)
            return invalid (error,
                            _("“%s” is not an email address: it has an invisible character"),
                            text);
          return invalid (error, _("“%s” is not an email address: it cannot hold “%s”"), text,
                          c == '"' ? "\"" : c == '<' ? "<" : c == '>' ? ">" : c == ',' ? ","
                          : c == ';' ? ";" : "\\");
        }
    }

  at = strchr (text, '@');
  if (at == NULL)
    return invalid (error, _("“%s” is not an email address: it needs a name, an “@” and a "
                             "domain, as in ruta@example.lt"),
                    text);
  if (strchr (at + 1, '@') != NULL)
    return invalid (error, _("“%s” is not an email address: it has more than one “@”"), text);
  if (at == text)
    return invalid (error, _("“%s” is not an email address: it has no name before the “@”"),
                    text);

  domain = at + 1;
  if (*domain == '\0')
    return invalid (error, _("“%s” is not an email address: it has no domain after the “@”"),
                    text);
  if (strchr (domain, '.') == NULL)
    return invalid (error, _("“%s” is not an email address: its domain “%s” needs a dot, "
                             "as in example.lt"),
                    text, domain);
  if (domain[0] == '.' || g_str_has_suffix (domain, ".") || strstr (domain, "..") != NULL)
    return invalid (error, _("“%s” is not an email address: its domain “%s” has an empty part "
                             "(a dot at its start or end, or two dots)"),
                    text, domain);

  return TRUE;
}

/* Country codes {{{1 */

/* Every code ISO 3166-1 assigns (249), then XK. */
static const char assigned_codes[] =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ "
  "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ "
  "DE DJ DK DM DO DZ "
  "EC EE EG EH ER ES ET "
  "FI FJ FK FM FO FR "
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY "
  "HK HM HN HR HT HU "
  "ID IE IL IM IN IO IQ IR IS IT "
  "JE JM JO JP "
  "KE KG KH KI KM KN KP KR KW KY KZ "
  "LA LB LC LI LK LR LS LT LU LV LY "
  "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ "
  "NA NC NE NF NG NI NL NO NP NR NU NZ "
  "OM "
  "PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
  "QA "
  "RE RO RS RU RW "
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ "
  "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ "
  "UA UG UM US UY UZ "
  "VA VC VE VG VI VN VU "
  "WF WS "
  "XK "
  "YE YT "
  "ZA ZM ZW";

/* Codes people write that ISO reserves for something else. */
static const struct
{
  const char *written;
  const char *code;
} mistaken_codes[] = {
  { "UK", "GB" },  /* the United Kingdom */
  { "EL", "GR" },  /* Greece, as the EU writes it */
};

static gboolean
is_assigned (const char *code)
{
  for (const char *p = assigned_codes; *p != '\0'; p += p[2] == '\0' ? 2 : 3)
    if (p[0] == code[0] && p[1] == code[1])
      return TRUE;
  return FALSE;
}

gboolean
vp_value_check_country (const char  *code,
                        GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (strlen (code) != 2 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]))
    return invalid (error,
                    _("“%s” is not a country code: use two capital letters (ISO 3166-1), "
                      "like “LT”"),
                    g_utf8_validate (code, -1, NULL) ? code : "\357\277\275");
  if (!g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return invalid (error, _("“%s” is not a country code: write it in capitals, “%c%c”"), code,
                    g_ascii_toupper (code[0]), g_ascii_toupper (code[1]));

  for (guint i = 0; i < G_N_ELEMENTS (mistaken_codes); i++)
    if (g_str_equal (code, mistaken_codes[i].written))
      return invalid (error, _("“%s” is not a country code in ISO 3166-1: use “%s”"), code,
                      mistaken_codes[i].code);

  if (!is_assigned (code))
    return invalid (error, _("“%s” is not the code of a country in ISO 3166-1"), code);

  return TRUE;
}

gboolean
vp_value_check_language (const char  *code,
                         GError     **error)
{
  g_autofree char *known = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (code != NULL, FALSE);

  if (vp_language_code_is_known (code))
    return TRUE;
  lower = g_ascii_strdown (code, -1);
  if (vp_language_code_is_known (lower))
    return invalid (error, _("“%s” is not a language code: write it in lower case, “%s”"), code,
                    lower);
  known = g_strjoinv (", ", (char **)vp_language_codes ());
  /* TRANSLATORS: the second %s lists language codes: "en, de, fr" */
  return invalid (error, _("“%s” is not a language of Visit Planner: use one of %s"),
                  g_utf8_validate (code, -1, NULL) ? code : "\357\277\275", known);
}

/* Coordinates {{{1 */

gboolean
vp_value_check_coordinate (VpCoordinate   axis,
                           double         degrees,
                           GError       **error)
{
  double limit = axis == VP_COORDINATE_LATITUDE ? 90 : 180;

  if (isfinite (degrees) && degrees >= -limit && degrees <= limit)
    return TRUE;

  if (axis == VP_COORDINATE_LATITUDE)
    return invalid (error, _("a latitude is a number of degrees from −90 (south) to 90 (north), "
                             "like 54.6872"));
  return invalid (error, _("a longitude is a number of degrees from −180 (west) to 180 (east), "
                           "like 25.2797"));
}

/* @text without white space around it, its sign read into @negative and
 * a Unicode minus (“−”) taken for a hyphen; NULL when blank. */
static char *
strip_sign (const char *text,
            gboolean   *negative)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;

  *negative = FALSE;
  if (*p == '+' || *p == '-')
    {
      *negative = *p == '-';
      p++;
    }
  else if (g_str_has_prefix (p, "\342\210\222"))
    {
      *negative = TRUE;
      p += 3;
    }

  return g_strdup (p);
}

gboolean
vp_value_parse_coordinate (VpCoordinate   axis,
                           const char    *text,
                           double        *degrees,
                           GError       **error)
{
  gboolean negative;
  g_autofree char *digits = NULL;
  gboolean point = FALSE;
  guint before = 0;
  guint after = 0;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (degrees != NULL, FALSE);

  *degrees = NAN;
  digits = strip_sign (text, &negative);
  for (char *p = digits; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        *(point ? &after : &before) += 1;
      else if ((*p == '.' || *p == ',') && !point)
        {
          point = TRUE;
          *p = '.';  /* a decimal comma, as in much of Europe */
        }
      else
        {
          before = 0;
          break;
        }
    }

  if (before == 0 || (point && after == 0))
    return vp_value_check_coordinate (axis, NAN, error);

  value = g_ascii_strtod (digits, NULL);
  if (!vp_value_check_coordinate (axis, negative ? -value : value, error))
    return FALSE;

  *degrees = negative ? -value : value;
  return TRUE;
}

char *
vp_value_format_decimal (double value)
{
  /* 17 significant digits and 324 places for the smallest subnormal */
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 340];
  int precision;
  int exponent;
  int places;

  if (!isfinite (value))
    return NULL;
  if (value == 0)
    return g_strdup ("0");

  /* the fewest significant digits that read back as @value … */
  for (precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  precision = MIN (precision, 17);

  /* … written with as many places after the point as they need */
  exponent = atoi (strchr (buffer, 'e') + 1);
  for (places = MAX (0, precision - 1 - exponent); places <= 340; places++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", places);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

/* Counts {{{1 */

gboolean
vp_value_check_count (gint64   value,
                      gint64   minimum,
                      gint64   maximum,
                      GError **error)
{
  if (value >= minimum && value <= maximum)
    return TRUE;

  return invalid (error, _("must be a whole number from %lld to %lld"), (long long)minimum,
                  (long long)maximum);
}

gboolean
vp_value_parse_count (const char  *text,
                      gint64       minimum,
                      gint64       maximum,
                      gint64      *value,
                      GError     **error)
{
  gboolean negative;
  g_autofree char *digits = NULL;
  guint64 magnitude;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  digits = strip_sign (text, &negative);
  for (const char *p = digits; ; p++)
    if (*p == '\0' ? p == digits : !g_ascii_isdigit (*p))
      return invalid (error, _("“%s” is not a whole number"), text);
    else if (*p == '\0')
      break;

  /* Beyond 64 bits is beyond any range a caller gives. */
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64, &magnitude, NULL))
    return invalid (error, _("must be a whole number from %lld to %lld"), (long long)minimum,
                    (long long)maximum);

  if (!vp_value_check_count (negative ? -(gint64)magnitude : (gint64)magnitude, minimum, maximum,
                             error))
    return FALSE;

  *value = negative ? -(gint64)magnitude : (gint64)magnitude;
  return TRUE;
}

/* Amounts {{{1 */

gboolean
vp_value_check_amount (double   amount,
                       GError **error)
{
  if (isfinite (amount) && amount >= 0 && amount <= VP_VALUE_AMOUNT_MAX)
    return TRUE;

  return invalid (error, _("an amount is a number of euros from 0 to %.0f, like 1100 or 1100.50"),
                  VP_VALUE_AMOUNT_MAX);
}

/* The spaces people put between thousands: “1 100”, with a no-break or a
 * narrow no-break space as word processors do. */
static gboolean
is_thousands_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

gboolean
vp_value_parse_amount (const char  *text,
                       double      *amount,
                       GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *stripped = NULL;
  gboolean point = FALSE;
  guint before = 0;
  guint after = 0;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("the amount is not valid UTF-8"));

  stripped = g_strstrip (g_strdup (text));
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          g_string_append_c (digits, (char)c);
          *(point ? &after : &before) += 1;
        }
      else if ((c == '.' || c == ',') && !point)
        {
          /* a decimal comma, as in much of Europe */
          g_string_append_c (digits, '.');
          point = TRUE;
        }
      else if (is_thousands_space (c) && !point && before > 0)
        continue;
      else
        {
          before = 0;
          break;
        }
    }

  if (before == 0 || (point && after == 0))
    return invalid (error, _("“%s” is not an amount: type the euros in digits, like 1100 or "
                             "1100.50"),
                    stripped);

  value = g_ascii_strtod (digits->str, NULL);
  if (!vp_value_check_amount (value, error))
    return FALSE;

  *amount = value;
  return TRUE;
}

/* Identifiers and names {{{1 */

/* A short, valid, single-line copy of @text for an error message. */
static char *
quote_for_message (const char *text)
{
  /* No character takes more than four bytes, so this many bytes hold at
   * least QUOTE_MAX_CHARS + 1 characters whenever the text is longer. */
  gsize max_bytes = 4 * (QUOTE_MAX_CHARS + 1);
  gsize n_bytes = strnlen (text, max_bytes);
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) n_bytes);
  g_autoptr(GString) quoted = g_string_new (NULL);
  const char *p;
  guint n_chars = 0;

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == QUOTE_MAX_CHARS)
        {
          g_string_append (quoted, "…");
          break;
        }

      /* Line and paragraph separators would break the line as well. */
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_unichar (quoted, 0xFFFD);
      else
        g_string_append_unichar (quoted, c);

      n_chars++;
    }

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static gboolean
has_control_characters (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7F)
      return TRUE;
  return FALSE;
}

gboolean
vp_value_check_identifier (const char  *text,
                           GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    return invalid (error, _("an identifier cannot be empty"));
  if (strlen (text) > VP_VALUE_IDENTIFIER_MAX || !g_utf8_validate (text, -1, NULL) ||
      has_control_characters (text))
    {
      g_autofree char *quoted = quote_for_message (text);

      return invalid (error, _("“%s” is not an identifier: it must be one line of at most %d "
                               "bytes, without tabs or other control characters"),
                      quoted, VP_VALUE_IDENTIFIER_MAX);
    }

  return TRUE;
}

gboolean
vp_value_check_name (const char  *text,
                     GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("the name is not valid UTF-8"));
  if (vp_text_is_blank (text))
    return invalid (error, _("the name is empty"));
  if (strpbrk (text, "\r\n") != NULL || strstr (text, "\342\200\250") != NULL ||
      strstr (text, "\342\200\251") != NULL)
    {
      g_autofree char *quoted = quote_for_message (text);

      return invalid (error, _("“%s” runs over several lines: a name or a title is one line"),
                      quoted);
    }
  if (g_utf8_strlen (text, -1) > VP_VALUE_NAME_MAX_CHARS)
    {
      g_autofree char *quoted = quote_for_message (text);

      return invalid (error, _("“%s” is too long for a name or a title (at most %d characters)"),
                      quoted, VP_VALUE_NAME_MAX_CHARS);
    }

  return TRUE;
}

/* Dates and times {{{1 */

static gboolean G_GNUC_PRINTF (3, 4)
invalid_time (GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, VP_TIME_ERROR, code, message);
  return FALSE;
}

/* Reads exactly @n_digits ASCII digits from @text. */
static gboolean
parse_digits (const char *text,
              int         n_digits,
              int        *value)
{
  int result = 0;

  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }

  *value = result;
  return TRUE;
}

/* "YYYY-MM-DD" at the start of @text, naming a real day. */
static gboolean
parse_date_part (const char *text,
                 int        *year,
                 int        *month,
                 int        *day)
{
  /* Each test stops at the first mismatch, so a short text is never read
   * past its terminating NUL. */
  if (!parse_digits (text, 4, year) || text[4] != '-'
      || !parse_digits (text + 5, 2, month) || text[7] != '-'
      || !parse_digits (text + 8, 2, day))
    return FALSE;

  return *year >= 1
         && *month >= 1 && *month <= 12
         && *day >= 1 && *day <= g_date_get_days_in_month ((GDateMonth) *month, (GDateYear) *year);
}

gboolean
vp_value_check_date (const char  *text,
                     GDate       *date,
                     GError     **error)
{
  int year;
  int month;
  int day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_date_part (text, &year, &month, &day) || text[10] != '\0')
    {
      g_autofree char *quoted = quote_for_message (text);

      return invalid_time (error, VP_TIME_ERROR_INVALID,
                           _("“%s” is not a valid date: write a real day as YYYY-MM-DD"), quoted);
    }

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }
  return TRUE;
}

gboolean
vp_value_check_local_time (const char   *text,
                           VpLocalTime  *time,
                           GError      **error)
{
  VpLocalTime parsed = { 0, };
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);

  ok = parse_date_part (text, &parsed.year, &parsed.month, &parsed.day)
       && text[10] == 'T'
       && parse_digits (text + 11, 2, &parsed.hour) && text[13] == ':'
       && parse_digits (text + 14, 2, &parsed.minute);

  if (ok)
    {
      if (text[16] == ':')
        ok = parse_digits (text + 17, 2, &parsed.second) && text[19] == '\0';
      else
        ok = text[16] == '\0';
    }

  ok = ok && parsed.hour <= 23 && parsed.minute <= 59 && parsed.second <= 59;

  if (!ok)
    {
      g_autofree char *quoted = quote_for_message (text);

      return invalid_time (error, VP_TIME_ERROR_INVALID,
                           _("“%s” is not a local time of the form YYYY-MM-DDTHH:MM "
                             "or YYYY-MM-DDTHH:MM:SS"),
                           quoted);
    }

  if (time != NULL)
    *time = parsed;
  return TRUE;
}

gboolean
vp_value_check_zone (const char  *name,
                     GError     **error)
{
  /* vp_time_zone_new () knows tzdata's names and keeps the zones. */
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *quoted = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  zone = vp_time_zone_new (name, NULL);
  if (zone != NULL)
    return TRUE;

  quoted = quote_for_message (name);
  return invalid_time (error, VP_TIME_ERROR_UNKNOWN_ZONE,
                       _("unknown time zone “%s”: name it as tzdata does, like “Europe/Vilnius” "
                         "or “UTC”"),
                       quoted);
}

gboolean
vp_value_check_wall_time (const char   *text,
                          const char   *zone,
                          VpLocalTime  *time,
                          gint64       *instant,
                          GError      **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  VpLocalTime parsed;
  gint64 first;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);

  /* vp_time_zone_new () sets the error of vp_value_check_zone (); a time
   * the clocks skip, or one beyond the years 1 to 9999 in UTC, the
   * arithmetic that finds them says so */
  if (!vp_value_check_local_time (text, &parsed, error) ||
      !(tz = vp_time_zone_new (zone, error)) ||
      !vp_local_time_to_instant (&parsed, tz, &first, NULL, error))
    return FALSE;

  if (time != NULL)
    *time = parsed;
  if (instant != NULL)
    *instant = first;
  return TRUE;
}

/* Reads one or two digits at *@p, then moves past them. */
static gboolean
read_clock_number (const char **p,
                   int         *value)
{
  if (!g_ascii_isdigit ((*p)[0]))
    return FALSE;

  *value = (*p)[0] - '0';
  (*p)++;
  if (g_ascii_isdigit ((*p)[0]))
    {
      *value = *value * 10 + ((*p)[0] - '0');
      (*p)++;
    }
  return TRUE;
}

gboolean
vp_value_parse_clock (const char  *text,
                      int         *hour,
                      int         *minute,
                      int         *second,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int h = -1;
  int m = -1;
  int s = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (hour != NULL, FALSE);
  g_return_val_if_fail (minute != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (strlen (stripped) == 4 && parse_digits (stripped, 2, &h) &&
      parse_digits (stripped + 2, 2, &m))
    ok = TRUE;  /* “0905” */
  else if (read_clock_number (&p, &h) && (*p == ':' || *p == '.'))
    {
      char separator = *p++;

      /* minutes and seconds have two digits: “9:5” is not a time */
      ok = parse_digits (p, 2, &m);
      p += ok ? 2 : 0;
      if (ok && *p == separator && second != NULL)
        {
          ok = parse_digits (p + 1, 2, &s);
          p += ok ? 3 : 0;
        }
      ok = ok && *p == '\0';
    }

  if (!ok)
    {
      g_autofree char *quoted = quote_for_message (stripped);

      return invalid (error, _("“%s” is not a time of day: type hours and minutes on a 24-hour "
                               "clock, like 09:30 or 19:55"),
                      quoted);
    }
  if (h == 24 && m == 0 && s == 0)
    return invalid (error, _("“%s” is not a time of day: it is 00:00 of the next day"), stripped);
  if (h > 23)
    return invalid (error, _("“%s” is not a time of day: the hours go from 00 to 23"), stripped);
  if (m > 59 || s > 59)
    return invalid (error, _("“%s” is not a time of day: the minutes and seconds go from 00 to "
                             "59"),
                    stripped);

  *hour = h;
  *minute = m;
  if (second != NULL)
    *second = s;
  return TRUE;
}

char *
vp_value_format_clock (int hour,
                       int minute,
                       int second)
{
  if (second != 0)
    return g_strdup_printf ("%02d:%02d:%02d", hour, minute, second);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

gboolean
vp_value_check_order (VpSpan       span,
                      gint64       start,
                      gint64       end,
                      const char  *start_text,
                      const char  *end_text,
                      GError     **error)
{
  g_return_val_if_fail (span == VP_SPAN_SESSION || span == VP_SPAN_JOURNEY, FALSE);
  g_return_val_if_fail (start_text != NULL && end_text != NULL, FALSE);

  if (end > start)
    return TRUE;

  if (span == VP_SPAN_JOURNEY)
    /* Translators: two local times, “2027-04-13T07:00” or “07:00” */
    return invalid (error, _("the arrival %s is not after the departure %s (each in the time of "
                             "its own place)"),
                    end_text, start_text);
  /* Translators: two local times, “2027-04-13T09:00” or “09:00” */
  return invalid (error, _("the end %s is not after the start %s: a session ends after it starts"),
                  end_text, start_text);
}

gboolean
vp_value_check_days (VpSpan        span,
                     const GDate  *first,
                     const GDate  *last,
                     GError      **error)
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  int order;

  g_return_val_if_fail (span == VP_SPAN_STAY || span == VP_SPAN_PROGRAMME, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);

  order = g_date_compare (last, first);
  if (span == VP_SPAN_STAY ? order > 0 : order >= 0)
    return TRUE;

  first_text = vp_date_format (first);
  last_text = vp_date_format (last);
  if (span == VP_SPAN_STAY)
    /* Translators: two days, “2027-04-15” */
    return invalid (error, _("check-out on %s is not after check-in on %s: a stay is at least "
                             "one night"),
                    last_text, first_text);
  /* Translators: two days, “2027-04-15” */
  return invalid (error, _("the last day %s is before the first day %s"), last_text, first_text);
}

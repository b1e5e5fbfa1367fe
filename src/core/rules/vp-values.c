/* vp-values.c: the rules of the values people type (email addresses,
 * country codes, coordinates, counts). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-values.h"

G_DEFINE_QUARK (vp-value-error-quark, vp_value_error)

#define MAX_EMAIL_LENGTH 254  /* RFC 5321: a path of 256 with its < > */

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

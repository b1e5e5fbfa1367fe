/* vp-format.c: programme values (dates, status, country) as the window shows them. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-labels.h"
#include "vp-language.h"

#include "vp-values.h"

/* A day "YYYY-MM-DD" by the rule of values (vp-values.h). */
static gboolean
parse_date (const char *date,
            GDate      *out)
{
  g_date_clear (out, 1);

  return date != NULL && vp_value_check_date (date, out, NULL);
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              0, 0, 0);
}

char *
vp_format_date_time (GDateTime  *date_time,
                     const char *format)
{
  VpLanguage *language = vp_language_get (vp_language_user_code (), NULL);

  g_return_val_if_fail (date_time != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (language == NULL)
    return g_date_time_format (date_time, format);
  return vp_language_format_date_time (language, date_time, format);
}

char *
vp_format_date (const char *date)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate parsed;

  if (!parse_date (date, &parsed))
    return NULL;

  date_time = date_time_from_date (&parsed);
  /* Translators: a day, as in “13 Apr 2027”; see the strftime-like
   * conversions of g_date_time_format(): %-d is the day without padding.
   * xgettext:no-c-format */
  return vp_format_date_time (date_time, C_("a day", "%-d %b %Y"));
}

char *
vp_format_date_long (const char *date)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate parsed;

  if (!parse_date (date, &parsed))
    return NULL;

  date_time = date_time_from_date (&parsed);
  /* Translators: a day in full, as in “Tuesday, 13 April 2027”; see the
   * conversions of g_date_time_format().  xgettext:no-c-format */
  return vp_format_date_time (date_time, C_("a day in full", "%A, %-d %B %Y"));
}

char *
vp_format_date_range (const char *start_date,
                      const char *end_date)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate start_parsed, end_parsed;

  if (!parse_date (start_date, &start_parsed))
    return NULL;
  if (!parse_date (end_date, &end_parsed) || g_date_compare (&start_parsed, &end_parsed) >= 0)
    return vp_format_date (start_date);

  start = date_time_from_date (&start_parsed);
  end = date_time_from_date (&end_parsed);
  /* Translators: the last day of a range, the “16 Apr 2027” of
   * “13–16 Apr 2027”.  xgettext:no-c-format */
  last = vp_format_date_time (end, C_("last day of a range", "%-d %b %Y"));

  if (g_date_get_year (&start_parsed) == g_date_get_year (&end_parsed) &&
      g_date_get_month (&start_parsed) == g_date_get_month (&end_parsed))
    {
      /* Translators: the first day of a range within one month, as the
       * “13” of “13–16 Apr 2027”.  xgettext:no-c-format */
      first = vp_format_date_time (start, C_("first day of a range in one month", "%-d"));
      /* Translators: a range of days within one month, “13–16 Apr 2027”:
       * the first day, an en dash, the last day with month and year. */
      return g_strdup_printf (C_("date range", "%s–%s"), first, last);
    }

  if (g_date_get_year (&start_parsed) == g_date_get_year (&end_parsed))
    /* Translators: the first day of a range within one year, as the
     * “28 Apr” of “28 Apr – 2 May 2027”.  xgettext:no-c-format */
    first = vp_format_date_time (start, C_("first day of a range in one year", "%-d %b"));
  else
    /* Translators: the first day of a range over a new year, as the
     * “30 Dec 2027” of “30 Dec 2027 – 2 Jan 2028”.  xgettext:no-c-format */
    first = vp_format_date_time (start, C_("first day of a range over years", "%-d %b %Y"));

  /* Translators: a range of days over months or years,
   * “28 Apr – 2 May 2027”: the first day, a spaced en dash, the last day. */
  return g_strdup_printf (C_("date range", "%s – %s"), first, last);
}

guint
vp_format_count_days (const char *start_date,
                      const char *end_date)
{
  GDate start, end;
  int days;

  if (!parse_date (start_date, &start) || !parse_date (end_date, &end))
    return 0;

  days = g_date_days_between (&start, &end);
  return days < 0 ? 0 : (guint) days + 1;
}

const char *
vp_format_status (VpProgrammeStatus status)
{
  switch (status)
    {
    case VP_PROGRAMME_STATUS_DRAFT:
      return C_("programme status", "Draft");
    case VP_PROGRAMME_STATUS_CONFIRMED:
      return C_("programme status", "Confirmed");
    case VP_PROGRAMME_STATUS_COMPLETED:
      return C_("programme status", "Completed");
    case VP_PROGRAMME_STATUS_CANCELLED:
      return C_("programme status", "Cancelled");
    default:
      return C_("programme status", "Unknown");
    }
}

const char *
vp_format_status_css_class (VpProgrammeStatus status)
{
  switch (status)
    {
    case VP_PROGRAMME_STATUS_DRAFT:
      return "draft";
    case VP_PROGRAMME_STATUS_CONFIRMED:
      return "confirmed";
    case VP_PROGRAMME_STATUS_COMPLETED:
      return "completed";
    case VP_PROGRAMME_STATUS_CANCELLED:
      return "cancelled";
    default:
      return "unknown";
    }
}

const char *
vp_format_country_name (const char *code)
{
  return vp_country_name (code);
}

const char * const *
vp_format_country_codes (void)
{
  return vp_country_codes ();
}

char *
vp_format_country (const char *code)
{
  const char *name = vp_format_country_name (code);

  if (code == NULL)
    return NULL;
  if (name == NULL)
    return g_strdup (code);

  /* Translators: a country and its ISO code, as in “Lithuania (LT)”. */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

typedef struct
{
  GStrv       zones;
  GHashTable *country_zones;   /* code → first zone */
} ZoneTable;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* zone.tab has one line per zone: country code, position, name, comment.
 * It lists the canonical zone of every country, which is what a host
 * location needs; links such as Europe/Ljubljana come from tzdata.zi. */
static ZoneTable *
load_zones (void)
{
  ZoneTable *table = g_new0 (ZoneTable, 1);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *contents = NULL;
  g_autofree char *links = NULL;

  table->country_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (g_file_get_contents ("/usr/share/zoneinfo/zone.tab", &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) < 3 || g_hash_table_contains (seen, fields[2]))
            continue;

          g_ptr_array_add (zones, g_strdup (fields[2]));
          g_hash_table_add (seen, g_ptr_array_index (zones, zones->len - 1));
          if (!g_hash_table_contains (table->country_zones, fields[0]))
            g_hash_table_insert (table->country_zones, g_strdup (fields[0]), g_strdup (fields[2]));
        }
    }

  /* “L Europe/Vilnius Europe/Ljubljana”: the European links, which people
   * still type. */
  if (g_file_get_contents ("/usr/share/zoneinfo/tzdata.zi", &links, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (links, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (!g_str_has_prefix (lines[i], "L Europe/"))
            continue;
          fields = g_strsplit (lines[i], " ", 3);
          if (g_strv_length (fields) == 3 && g_str_has_prefix (fields[2], "Europe/") &&
              !g_hash_table_contains (seen, fields[2]))
            {
              g_ptr_array_add (zones, g_strdup (fields[2]));
              g_hash_table_add (seen, g_ptr_array_index (zones, zones->len - 1));
            }
        }
    }

  if (!g_hash_table_contains (seen, "UTC"))
    g_ptr_array_add (zones, g_strdup ("UTC"));

  /* Only names GLib can load: the store refuses the others. */
  for (guint i = 0; i < zones->len;)
    {
      GTimeZone *zone = g_time_zone_new_identifier (g_ptr_array_index (zones, i));

      if (zone == NULL)
        {
          g_ptr_array_remove_index_fast (zones, i);
          continue;
        }
      g_time_zone_unref (zone);
      i++;
    }

  g_ptr_array_sort (zones, compare_strings);
  g_ptr_array_add (zones, NULL);
  table->zones = (GStrv) g_ptr_array_steal (zones, NULL);

  return table;
}

static ZoneTable *
get_zone_table (void)
{
  static ZoneTable *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_zones ());

  return table;
}

const char * const *
vp_format_time_zones (void)
{
  return (const char * const *) get_zone_table ()->zones;
}

const char *
vp_format_country_zone (const char *code)
{
  if (code == NULL)
    return NULL;

  return g_hash_table_lookup (get_zone_table ()->country_zones, code);
}

const char *
vp_format_severity (VpSeverity severity)
{
  switch (severity)
    {
    case VP_SEVERITY_ERROR:
      return C_("problem severity", "Error");
    case VP_SEVERITY_WARNING:
      return C_("problem severity", "Warning");
    case VP_SEVERITY_INFO:
    default:
      return C_("problem severity", "Note");
    }
}

const char *
vp_format_severity_icon (VpSeverity severity)
{
  switch (severity)
    {
    case VP_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case VP_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case VP_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

gboolean
vp_format_parse_date (const char *text,
                      GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return parse_date (text, date);
}

char *
vp_format_euros (double amount)
{
  /* Translators: an amount in euros; %.2f is the number, as in
   * “1250.00 EUR”; put the currency where your language puts it. */
  return g_strdup_printf (_("%.2f EUR"), amount);
}

/* vp-time.c: strict dates and wall times, and the instants they name in IANA zones. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"

#include "vp-time.h"
#include "vp-values.h"

G_DEFINE_QUARK (vp-time-error-quark, vp_time_error)

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* Real offsets stay within about a day of UTC, so every instant that a
 * wall time can name lies inside this window around it. */
#define SEARCH_WINDOW (2 * SECONDS_PER_DAY)

/* The longest zone name we look at; tzdata's are far shorter. */
#define ZONE_NAME_MAX 128

/* Wall times from 0001-01-01T00:00:00 to 9999-12-31T23:59:59 as seconds
 * since 1970-01-01T00:00:00 on the same clock. */
#define LOCAL_SECONDS_MIN G_GINT64_CONSTANT (-62135596800)
#define LOCAL_SECONDS_MAX G_GINT64_CONSTANT (253402300799)

/* Zones by identifier, loaded once per process and kept for its whole run
 * (reachable from this static, so not a leak). */
static GMutex zone_cache_lock;
static GHashTable *zone_cache;

/* Days from 1970-01-01 to @year-@month-@day in the proleptic Gregorian
 * calendar.  Counting years from March puts the leap day last, so the day
 * of the year follows from the month by one linear formula. */
static gint64
days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era;
  gint64 year_of_era;
  gint64 day_of_year;
  gint64 day_of_era;
  int march_month;

  if (month <= 2)
    year -= 1;

  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  march_month = month > 2 ? month - 3 : month + 9;
  day_of_year = (153 * march_month + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* 719468 days separate 0000-03-01 from 1970-01-01. */
  return era * 146097 + day_of_era - 719468;
}

/* The inverse of days_from_civil (). */
static void
civil_from_days (gint64  days,
                 gint64 *year,
                 int    *month,
                 int    *day)
{
  gint64 era;
  gint64 day_of_era;
  gint64 year_of_era;
  gint64 day_of_year;
  gint64 march_month;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                 - day_of_era / 146096) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  march_month = (5 * day_of_year + 2) / 153;

  *day = (int) (day_of_year - (153 * march_month + 2) / 5 + 1);
  *month = (int) (march_month < 10 ? march_month + 3 : march_month - 9);
  *year = year_of_era + era * 400 + (*month <= 2 ? 1 : 0);
}

static gboolean
local_time_is_valid (const VpLocalTime *time)
{
  return time->year >= 1 && time->year <= 9999
         && time->month >= 1 && time->month <= 12
         && time->day >= 1
         && time->day <= g_date_get_days_in_month ((GDateMonth) time->month, (GDateYear) time->year)
         && time->hour >= 0 && time->hour <= 23
         && time->minute >= 0 && time->minute <= 59
         && time->second >= 0 && time->second <= 59;
}

/* The wall time as seconds since 1970-01-01T00:00:00 on the same clock. */
static gint64
local_time_to_seconds (const VpLocalTime *time)
{
  return days_from_civil (time->year, time->month, time->day) * SECONDS_PER_DAY
         + time->hour * 3600 + time->minute * 60 + time->second;
}

gboolean
vp_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return vp_value_check_date (text, date, error);
}

char *
vp_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gboolean
vp_local_time_parse (const char   *text,
                     VpLocalTime  *time,
                     GError      **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return vp_value_check_local_time (text, time, error);
}

char *
vp_local_time_format (const VpLocalTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  if (time->second != 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                            time->year, time->month, time->day,
                            time->hour, time->minute, time->second);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          time->year, time->month, time->day,
                          time->hour, time->minute);
}

void
vp_local_time_get_date (const VpLocalTime *time,
                        GDate             *date)
{
  g_return_if_fail (time != NULL);
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid_dmy ((GDateDay) time->day,
                                      (GDateMonth) time->month,
                                      (GDateYear) time->year));

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) time->day, (GDateMonth) time->month,
                  (GDateYear) time->year);
}

int
vp_local_time_compare (const VpLocalTime *a,
                       const VpLocalTime *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->hour != b->hour)
    return a->hour < b->hour ? -1 : 1;
  if (a->minute != b->minute)
    return a->minute < b->minute ? -1 : 1;
  if (a->second != b->second)
    return a->second < b->second ? -1 : 1;

  return 0;
}

/* The areas of tzdata's main zone names.  Everything else it ships is a
 * legacy link ("US/Eastern"), an abbreviation-like zone ("EET", "EST5EDT"),
 * a leap-second variant ("right/"), or not a zone at all ("posixrules",
 * "localtime", "zone.tab"). */
static const char * const zone_areas[] = {
  "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
  "Australia", "Etc", "Europe", "Indian", "Pacific",
};

/* Whether @identifier has the shape of an IANA zone name, before any file
 * is looked at: "UTC" or "Area/Location[/Location]". */
static gboolean
zone_name_is_well_formed (const char *identifier)
{
  const char *slash;
  const char *p;
  gsize area_length;
  gsize component_length = 0;
  gsize i;

  if (strcmp (identifier, "UTC") == 0)
    return TRUE;

  if (strnlen (identifier, ZONE_NAME_MAX + 1) > ZONE_NAME_MAX)
    return FALSE;

  for (p = identifier; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          /* No empty components: no leading, trailing or double slash. */
          if (component_length == 0)
            return FALSE;
          component_length = 0;
          continue;
        }

      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '+' && *p != '-')
        return FALSE;

      /* tzdata never starts a component with a sign; offsets do. */
      if (component_length == 0 && (*p == '+' || *p == '-'))
        return FALSE;

      component_length++;
    }

  if (component_length == 0)
    return FALSE;

  slash = strchr (identifier, '/');
  if (slash == NULL)
    return FALSE;

  area_length = (gsize) (slash - identifier);
  for (i = 0; i < G_N_ELEMENTS (zone_areas); i++)
    {
      if (strlen (zone_areas[i]) == area_length
          && strncmp (identifier, zone_areas[i], area_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The UTC offset in effect at @instant.  GLib's lookup walks the zone's
 * intervals from the start, but fast enough: about 100 for a date in the
 * 2020s, at most about 2000 for year 9999. */
static gint32
zone_offset_at (GTimeZone *zone,
                gint64     instant)
{
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                                                   instant));
}

gboolean
vp_time_zone_is_valid (const char *identifier)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (identifier != NULL, FALSE);

  zone = vp_time_zone_new (identifier, NULL);
  return zone != NULL;
}

GTimeZone *
vp_time_zone_new (const char  *identifier,
                  GError     **error)
{
  GTimeZone *zone = NULL;

  g_return_val_if_fail (identifier != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (zone_name_is_well_formed (identifier))
    {
      g_mutex_lock (&zone_cache_lock);

      if (zone_cache == NULL)
        zone_cache = g_hash_table_new (g_str_hash, g_str_equal);

      zone = g_hash_table_lookup (zone_cache, identifier);
      if (zone == NULL)
        {
          /* Only zones that exist are cached, so hostile names cannot make
           * the cache grow beyond the size of tzdata. */
          zone = g_time_zone_new_identifier (identifier);
          if (zone != NULL)
            g_hash_table_insert (zone_cache, g_strdup (identifier), zone);
        }

      if (zone != NULL)
        g_time_zone_ref (zone);

      g_mutex_unlock (&zone_cache_lock);
    }

  /* The rule says what is wrong (it looks the name up again, without an
   * error to set, so it does not come back here). */
  if (zone == NULL && error != NULL)
    vp_value_check_zone (identifier, error);

  return zone;
}

VpLocalTimeKind
vp_local_time_resolve (const VpLocalTime *time,
                       GTimeZone         *zone,
                       gint64            *first,
                       gint64            *second)
{
  gint64 local;
  gint64 solutions[4];
  guint n_solutions = 0;
  gint64 earliest;
  gint64 latest;
  int index;
  int index_end;
  gboolean single_interval;
  guint i;

  g_return_val_if_fail (time != NULL, VP_LOCAL_TIME_SKIPPED);
  g_return_val_if_fail (local_time_is_valid (time), VP_LOCAL_TIME_SKIPPED);
  g_return_val_if_fail (zone != NULL, VP_LOCAL_TIME_SKIPPED);

  local = local_time_to_seconds (time);

  /* Any instant that @local names lies within a day or so of it, so in one
   * of the intervals from the one at the start of this window to the one
   * at its end: GLib numbers intervals in time order. */
  index = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, local - SEARCH_WINDOW);
  index_end = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, local + SEARCH_WINDOW);
  single_interval = index == index_end;

  for (; index <= index_end; index++)
    {
      gint32 offset = g_time_zone_get_offset (zone, index);
      gint64 instant = local - offset;
      gboolean seen = FALSE;

      /* @local names instant u exactly when the offset in effect at u is
       * the one that turns u into @local.  With a single interval in the
       * window, u is inside it and needs no check. */
      if (!single_interval && zone_offset_at (zone, instant) != offset)
        continue;

      /* Intervals that differ only in name give the same instant. */
      for (i = 0; i < n_solutions; i++)
        seen = seen || solutions[i] == instant;

      if (!seen && n_solutions < G_N_ELEMENTS (solutions))
        solutions[n_solutions++] = instant;
    }

  if (n_solutions == 0)
    return VP_LOCAL_TIME_SKIPPED;

  /* Offsets need not grow or shrink along the loop. */
  earliest = latest = solutions[0];
  for (i = 1; i < n_solutions; i++)
    {
      earliest = MIN (earliest, solutions[i]);
      latest = MAX (latest, solutions[i]);
    }

  if (first != NULL)
    *first = earliest;
  if (second != NULL)
    *second = latest;

  return n_solutions == 1 ? VP_LOCAL_TIME_UNIQUE : VP_LOCAL_TIME_AMBIGUOUS;
}

gboolean
vp_local_time_to_instant (const VpLocalTime  *time,
                          GTimeZone          *zone,
                          gint64             *instant,
                          gboolean           *ambiguous,
                          GError            **error)
{
  VpLocalTimeKind kind;
  gint64 first = 0;

  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!local_time_is_valid (time))
    {
      g_autofree char *text = vp_local_time_format (time);

      g_set_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID,
                   _("“%s” is not a real local time"), text);
      return FALSE;
    }

  kind = vp_local_time_resolve (time, zone, &first, NULL);

  if (kind == VP_LOCAL_TIME_SKIPPED)
    {
      g_autofree char *text = vp_local_time_format (time);

      g_set_error (error, VP_TIME_ERROR, VP_TIME_ERROR_SKIPPED,
                   /* Translators: a local time, then a zone such as Europe/Vilnius. */
                   _("%s does not exist in %s: the clocks skip that hour"),
                   text, g_time_zone_get_identifier (zone));
      return FALSE;
    }

  /* 9999-12-31T20:00 in Los Angeles is in the year 10000 in UTC, which
   * neither GDateTime nor a calendar file (four-digit years) can hold. */
  if (first < LOCAL_SECONDS_MIN || first > LOCAL_SECONDS_MAX)
    {
      g_autofree char *text = vp_local_time_format (time);

      g_set_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID,
                   /* Translators: a local time, then a zone such as Europe/Vilnius. */
                   _("%s in %s falls outside the years 1 to 9999 in UTC, which calendars "
                     "cannot write"),
                   text, g_time_zone_get_identifier (zone));
      return FALSE;
    }

  if (instant != NULL)
    *instant = first;
  if (ambiguous != NULL)
    *ambiguous = kind == VP_LOCAL_TIME_AMBIGUOUS;

  return TRUE;
}

void
vp_local_time_from_instant (gint64       instant,
                            GTimeZone   *zone,
                            VpLocalTime *time)
{
  gint64 local;
  gint64 days;
  gint64 seconds_of_day;
  gint64 year;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (time != NULL);

  /* Instants outside what a VpLocalTime can show end up at the first or
   * last second of years 1 to 9999. */
  instant = CLAMP (instant, LOCAL_SECONDS_MIN - SEARCH_WINDOW, LOCAL_SECONDS_MAX + SEARCH_WINDOW);
  local = instant + zone_offset_at (zone, instant);
  local = CLAMP (local, LOCAL_SECONDS_MIN, LOCAL_SECONDS_MAX);

  /* Floor division: instants before 1970 are negative. */
  days = local / SECONDS_PER_DAY;
  seconds_of_day = local % SECONDS_PER_DAY;
  if (seconds_of_day < 0)
    {
      seconds_of_day += SECONDS_PER_DAY;
      days -= 1;
    }

  civil_from_days (days, &year, &time->month, &time->day);
  time->year = (int) year;
  time->hour = (int) (seconds_of_day / 3600);
  time->minute = (int) (seconds_of_day / 60 % 60);
  time->second = (int) (seconds_of_day % 60);
}

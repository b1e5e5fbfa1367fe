/* test-time.c: unit tests for parsing, formatting and resolving dates and local times (vp-time). */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-test-core.h"
#include "vp-time.h"
#include "vp-values.h"

static VpLocalTime
local (int year,
       int month,
       int day,
       int hour,
       int minute,
       int second)
{
  VpLocalTime time = { year, month, day, hour, minute, second };

  return time;
}

static GTimeZone *
zone_new (const char *identifier)
{
  g_autoptr(GError) error = NULL;
  GTimeZone *zone = vp_time_zone_new (identifier, &error);

  g_assert_no_error (error);
  g_assert_nonnull (zone);
  return zone;
}

static void
assert_local_time (const VpLocalTime *time,
                   int                year,
                   int                month,
                   int                day,
                   int                hour,
                   int                minute,
                   int                second)
{
  g_assert_cmpint (time->year, ==, year);
  g_assert_cmpint (time->month, ==, month);
  g_assert_cmpint (time->day, ==, day);
  g_assert_cmpint (time->hour, ==, hour);
  g_assert_cmpint (time->minute, ==, minute);
  g_assert_cmpint (time->second, ==, second);
}

/* An error message fit for a single line of a dialog. */
static void
assert_one_line_message (const GError *error)
{
  const char *p;

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);

  for (p = error->message; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

/* Dates */

static void
test_date_parse_valid (void)
{
  const struct
  {
    const char *text;
    int year;
    int month;
    int day;
  } cases[] = {
    { "2026-03-29", 2026, 3, 29 },
    { "2028-02-29", 2028, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
    { "2026-04-30", 2026, 4, 30 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GDate date;

      g_test_message ("%s", cases[i].text);
      g_assert_true (vp_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);

      text = vp_date_format (&date);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_date_parse_invalid (void)
{
  const char *cases[] = {
    "",
    "2026",
    "2026-03",
    "2026-3-29",
    "2026-03-9",
    "26-03-29",
    "02026-03-29",
    "2026/03/29",
    "2026-03-29 ",
    " 2026-03-29",
    "2026-03-29T12:00",
    "2026-03-29x",
    "+2026-03-29",
    "-2026-03-29",
    "2026-+3-29",
    "2026- 3-29",
    "0000-01-01",
    "2026-00-10",
    "2026-13-10",
    "2026-01-00",
    "2026-01-32",
    "2026-04-31",
    "2026-02-30",
    "2027-02-29",
    "1900-02-29",
    "２０２６-03-29",
    "2026-03-29\n",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;
      g_autofree char *escaped = g_strescape (cases[i], NULL);

      g_test_message ("\"%s\"", escaped);
      g_date_clear (&date, 1);
      g_assert_false (vp_date_parse (cases[i], &date, &error));
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
      assert_one_line_message (error);
      /* A failed parse leaves the date alone. */
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_date_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (vp_date_parse ("2026-02-30", &date, &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“2026-02-30”"));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

static void
test_date_format (void)
{
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 33);
  early = vp_date_format (&date);
  g_assert_cmpstr (early, ==, "0033-03-05");

  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 2027);
  late = vp_date_format (&date);
  g_assert_cmpstr (late, ==, "2027-12-31");
}

/* Local times */

static void
test_local_parse_valid (void)
{
  VpLocalTime time;
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_local_time_parse ("2026-03-29T02:59", &time, &error));
  g_assert_no_error (error);
  assert_local_time (&time, 2026, 3, 29, 2, 59, 0);

  g_assert_true (vp_local_time_parse ("2028-02-29T23:59:59", &time, &error));
  g_assert_no_error (error);
  assert_local_time (&time, 2028, 2, 29, 23, 59, 59);

  g_assert_true (vp_local_time_parse ("0001-01-01T00:00:00", &time, &error));
  g_assert_no_error (error);
  assert_local_time (&time, 1, 1, 1, 0, 0, 0);
}

static void
test_local_parse_invalid (void)
{
  const char *cases[] = {
    "",
    "2026-03-29",
    "2026-03-29T",
    "2026-03-29T12",
    "2026-03-29T12:",
    "2026-03-29T12:0",
    "2026-03-29T1:00",
    "2026-03-29 12:00",
    "2026-03-29t12:00",
    "2026-03-29T12:00:",
    "2026-03-29T12:00:0",
    "2026-03-29T12:00:000",
    "2026-03-29T12:00:00.5",
    "2026-03-29T12:00:00,5",
    "2026-03-29T12:00Z",
    "2026-03-29T12:00:00Z",
    "2026-03-29T12:00+02:00",
    "2026-03-29T12:00:00+02:00",
    "2026-03-29T12:00:00-0500",
    "2026-03-29T12:00 ",
    "2026-03-29T12:00\n",
    "2026-03-29T12:00junk",
    "2026-03-29T24:00",
    "2026-03-29T23:60",
    "2026-03-29T23:59:60",
    "2026-03-29T-1:00",
    "2026-03-29T+1:00",
    "2026-02-30T12:00",
    "2027-02-29T12:00",
    "0000-12-31T12:00",
    "20260329T120000",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      VpLocalTime time = local (1999, 1, 2, 3, 4, 5);
      g_autofree char *escaped = g_strescape (cases[i], NULL);

      g_test_message ("\"%s\"", escaped);
      g_assert_false (vp_local_time_parse (cases[i], &time, &error));
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
      assert_one_line_message (error);
      /* A failed parse leaves the time alone. */
      assert_local_time (&time, 1999, 1, 2, 3, 4, 5);
    }
}

static void
test_local_parse_message (void)
{
  g_autoptr(GError) error = NULL;
  VpLocalTime time;

  g_assert_false (vp_local_time_parse ("2026-03-29T24:00", &time, &error));
  g_assert_nonnull (strstr (error->message, "“2026-03-29T24:00”"));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DDTHH:MM"));
}

/* A huge or hostile text is quoted short, valid and on one line. */
static void
test_local_parse_hostile (void)
{
  g_autofree char *huge = g_strnfill (1000000, '9');
  g_autofree char *huge_accents = NULL;
  g_autoptr(GString) accents = g_string_new (NULL);
  const char *hostile[] = {
    "2026-03-29T12:00\nInjected line",
    "\r\t\x1b[31mred\x7f",
    "\xff\xfe\x80 not UTF-8",
    "2026-03-29T12:00\xe2\x80\xa8next",
    "\xc3",
  };
  gsize i;

  for (i = 0; i < 100000; i++)
    g_string_append (accents, "é");
  huge_accents = g_strdup (accents->str);

  {
    g_autoptr(GError) error = NULL;
    VpLocalTime time;
    GDate date;

    g_assert_false (vp_local_time_parse (huge, &time, &error));
    g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
    assert_one_line_message (error);
    g_assert_nonnull (strstr (error->message, "…"));
    g_clear_error (&error);

    g_assert_false (vp_date_parse (huge_accents, &date, &error));
    g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
    assert_one_line_message (error);
    g_assert_nonnull (strstr (error->message, "éééé…"));
  }

  for (i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      VpLocalTime time;

      g_assert_false (vp_local_time_parse (hostile[i], &time, &error));
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
      assert_one_line_message (error);
      g_assert_null (strchr (error->message, '\n'));
    }

  /* Short texts are quoted whole. */
  {
    g_autoptr(GError) error = NULL;
    VpLocalTime time;
    const char *forty = "0123456789012345678901234567890123456789";

    g_assert_false (vp_local_time_parse (forty, &time, &error));
    g_assert_nonnull (strstr (error->message, forty));
    g_assert_null (strstr (error->message, "…"));
  }
}

static void
test_local_format (void)
{
  const struct
  {
    VpLocalTime time;
    const char *text;
  } cases[] = {
    { { 2026, 3, 29, 2, 59, 0 }, "2026-03-29T02:59" },
    { { 2026, 3, 29, 2, 59, 1 }, "2026-03-29T02:59:01" },
    { { 2026, 12, 31, 23, 59, 59 }, "2026-12-31T23:59:59" },
    { { 1, 1, 1, 0, 0, 0 }, "0001-01-01T00:00" },
    { { 9999, 12, 31, 0, 0, 30 }, "9999-12-31T00:00:30" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = vp_local_time_format (&cases[i].time);
      VpLocalTime parsed;

      g_assert_cmpstr (text, ==, cases[i].text);

      /* The canonical text parses back to the same time. */
      g_assert_true (vp_local_time_parse (text, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (vp_local_time_compare (&parsed, &cases[i].time), ==, 0);
    }
}

static void
test_local_compare (void)
{
  VpLocalTime times[] = {
    { 2025, 12, 31, 23, 59, 59 },
    { 2026, 1, 1, 0, 0, 0 },
    { 2026, 1, 1, 0, 0, 1 },
    { 2026, 1, 1, 0, 1, 0 },
    { 2026, 1, 1, 1, 0, 0 },
    { 2026, 1, 2, 0, 0, 0 },
    { 2026, 2, 1, 0, 0, 0 },
  };
  gsize i;
  gsize j;

  for (i = 0; i < G_N_ELEMENTS (times); i++)
    {
      for (j = 0; j < G_N_ELEMENTS (times); j++)
        {
          int expected = i < j ? -1 : i > j ? 1 : 0;

          g_assert_cmpint (vp_local_time_compare (&times[i], &times[j]), ==, expected);
        }
    }
}

static void
test_local_get_date (void)
{
  VpLocalTime time = local (2028, 2, 29, 23, 59, 59);
  GDate date;

  vp_local_time_get_date (&time, &date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2028);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
}

/* Zones */

static void
test_zone_known (void)
{
  const char *names[] = {
    "UTC",
    "Etc/UTC",
    "Europe/Vilnius",
    "Europe/Helsinki",
    "America/Argentina/Buenos_Aires",
    "America/Port-au-Prince",
    "Etc/GMT+2",
    "Etc/GMT-14",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) zone = vp_time_zone_new (names[i], &error);

      g_test_message ("%s", names[i]);
      g_assert_no_error (error);
      g_assert_nonnull (zone);
      g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, names[i]);
      g_assert_true (vp_time_zone_is_valid (names[i]));
    }
}

static void
test_zone_unknown (void)
{
  g_autofree char *huge = g_strnfill (100000, 'A');
  g_autofree char *long_area = g_strconcat ("Europe/", huge, NULL);
  const char *names[] = {
    "",
    "Mars/Olympus_Mons",
    "Europe/Atlantis",
    "europe/helsinki",
    "+02:00",
    "-05:00",
    "+02",
    "UTC+2",
    "GMT+2",
    "Z",
    "EET",
    "CET",
    "EST5EDT",
    "Factory",
    "localtime",
    "posixrules",
    "zone.tab",
    "tzdata.zi",
    "leapseconds",
    "right/UTC",
    "posix/Europe/Helsinki",
    "Europe",
    "Europe/",
    "/Europe/Helsinki",
    "Europe//Helsinki",
    "Europe/../Europe/Helsinki",
    "../../../etc/passwd",
    "/etc/passwd",
    "/usr/share/zoneinfo/Europe/Helsinki",
    "Europe/Helsinki ",
    " Europe/Helsinki",
    "Europe/Helsinki\n",
    "Europe/Hel sinki",
    "Europe/Helsinki\xff",
    "Etc/+2",
    huge,
    long_area,
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) zone = NULL;
      g_autofree char *escaped = g_strescape (names[i], NULL);

      g_test_message ("\"%.60s\"", escaped);
      zone = vp_time_zone_new (names[i], &error);
      g_assert_null (zone);
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_UNKNOWN_ZONE);
      assert_one_line_message (error);
      g_assert_false (vp_time_zone_is_valid (names[i]));
    }
}

static void
test_zone_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = vp_time_zone_new ("Europe/Atlantis", &error);

  g_assert_null (zone);
  g_assert_nonnull (strstr (error->message, "“Europe/Atlantis”"));
}

static void
test_zone_cache (void)
{
  g_autoptr(GTimeZone) first = zone_new ("Europe/Vilnius");
  g_autoptr(GTimeZone) second = zone_new ("Europe/Vilnius");

  g_assert_true (first == second);
}

static gpointer
zone_thread (gpointer data)
{
  const char *names[] = { "Europe/Paris", "Europe/Vienna", "America/New_York", "Asia/Tokyo" };
  guint seed = GPOINTER_TO_UINT (data);
  guint i;

  for (i = 0; i < 2000; i++)
    {
      g_autoptr(GTimeZone) zone = zone_new (names[(seed + i) % G_N_ELEMENTS (names)]);
      VpLocalTime time = local (2026, 1 + i % 12, 1 + i % 28, i % 24, i % 60, 0);
      VpLocalTime back;
      gint64 first = 0;
      gint64 second = 0;

      if (vp_local_time_resolve (&time, zone, &first, &second) != VP_LOCAL_TIME_SKIPPED)
        {
          vp_local_time_from_instant (first, zone, &back);
          g_assert_cmpint (vp_local_time_compare (&time, &back), ==, 0);
        }
    }

  return NULL;
}

/* Many threads asking for the same zones at once get working zones. */
static void
test_zone_threads (void)
{
  GThread *threads[8];
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("zone", zone_thread, GUINT_TO_POINTER (i));

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_zone_utc (void)
{
  g_autoptr(GTimeZone) zone = zone_new ("UTC");
  VpLocalTime time = local (2026, 3, 29, 2, 30, 0);
  VpLocalTime back;
  gint64 first = 0;
  gint64 second = 0;
  gint64 instant = 0;
  gboolean ambiguous = TRUE;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second), ==, VP_LOCAL_TIME_UNIQUE);
  g_assert_cmpint (first, ==, vp_test_utc (2026, 3, 29, 2, 30));
  g_assert_cmpint (second, ==, first);

  g_assert_true (vp_local_time_to_instant (&time, zone, &instant, &ambiguous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, first);
  g_assert_false (ambiguous);

  vp_local_time_from_instant (0, zone, &back);
  assert_local_time (&back, 1970, 1, 1, 0, 0, 0);

  vp_local_time_from_instant (-1, zone, &back);
  assert_local_time (&back, 1969, 12, 31, 23, 59, 59);
}

/* Zones made by GLib directly, not by vp_time_zone_new (), work too. */
static void
test_zone_foreign (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  VpLocalTime skipped = local (2026, 3, 29, 2, 30, 0);
  VpLocalTime repeated = local (2026, 10, 25, 2, 30, 0);
  gint64 first = 0;
  gint64 second = 0;

  g_assert_nonnull (zone);
  g_assert_cmpint (vp_local_time_resolve (&skipped, zone, NULL, NULL), ==, VP_LOCAL_TIME_SKIPPED);
  g_assert_cmpint (vp_local_time_resolve (&repeated, zone, &first, &second),
                   ==, VP_LOCAL_TIME_AMBIGUOUS);
  g_assert_cmpint (first, ==, vp_test_utc (2026, 10, 25, 0, 30));
  g_assert_cmpint (second, ==, vp_test_utc (2026, 10, 25, 1, 30));
}

/* Daylight saving time in the zones the programmes use */

typedef struct
{
  const char *zone;
  int standard_offset; /* hours east of UTC in winter */
  int year;
  int month;
  int day;             /* the Sunday of the change */
  gboolean spring;
} DstCase;

static void
test_dst (gconstpointer data)
{
  const DstCase *c = data;
  g_autoptr(GTimeZone) zone = zone_new (c->zone);
  /* Every EU change happens at 01:00 UTC, which is this local hour in
   * winter time. */
  int change_hour = 1 + c->standard_offset;
  int summer_offset = c->standard_offset + 1;
  int before_offset = c->spring ? c->standard_offset : summer_offset;
  int after_offset = c->spring ? summer_offset : c->standard_offset;
  VpLocalTime time;
  VpLocalTime back;
  gint64 first = 0;
  gint64 second = 0;
  gint64 instant = 0;
  gboolean ambiguous = FALSE;
  gint64 u;

  /* Noon on Saturday and Sunday: once each, on either side of the change. */
  time = local (c->year, c->month, c->day - 1, 12, 0, 0);
  g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second), ==, VP_LOCAL_TIME_UNIQUE);
  g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day - 1, 12 - before_offset, 0));
  g_assert_cmpint (second, ==, first);

  time = local (c->year, c->month, c->day, 12, 0, 0);
  g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second), ==, VP_LOCAL_TIME_UNIQUE);
  g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 12 - after_offset, 0));
  g_assert_cmpint (second, ==, first);

  if (c->spring)
    {
      const int skipped_minutes[] = { 0, 1, 30, 59 };
      gsize i;

      /* The last minute before the gap: 00:59 UTC. */
      time = local (c->year, c->month, c->day, change_hour - 1, 59, 0);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                       ==, VP_LOCAL_TIME_UNIQUE);
      g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 0, 59));
      g_assert_cmpint (second, ==, first);

      /* The first minute after it: 01:00 UTC. */
      time = local (c->year, c->month, c->day, change_hour + 1, 0, 0);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                       ==, VP_LOCAL_TIME_UNIQUE);
      g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 1, 0));
      g_assert_cmpint (second, ==, first);

      for (i = 0; i < G_N_ELEMENTS (skipped_minutes); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;

          time = local (c->year, c->month, c->day, change_hour, skipped_minutes[i], 0);
          first = second = 42;
          g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                           ==, VP_LOCAL_TIME_SKIPPED);
          /* Untouched for a skipped time. */
          g_assert_cmpint (first, ==, 42);
          g_assert_cmpint (second, ==, 42);

          instant = 42;
          g_assert_false (vp_local_time_to_instant (&time, zone, &instant, &ambiguous, &error));
          g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_SKIPPED);
          g_assert_cmpint (instant, ==, 42);
          text = vp_local_time_format (&time);
          g_assert_nonnull (strstr (error->message, text));
          g_assert_nonnull (strstr (error->message, c->zone));
          assert_one_line_message (error);
          g_clear_error (&error);

          g_assert_false (vp_value_check_wall_time (text, c->zone, NULL, &instant, &error));
          g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_SKIPPED);
        }

      /* The last second of the gap is skipped too. */
      time = local (c->year, c->month, c->day, change_hour, 59, 59);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, NULL, NULL), ==, VP_LOCAL_TIME_SKIPPED);
    }
  else
    {
      const int repeated_minutes[] = { 0, 30, 59 };
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (repeated_minutes); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          int minute = repeated_minutes[i];

          /* First in summer time from 00:mm UTC, then in winter time from 01:mm UTC. */
          time = local (c->year, c->month, c->day, change_hour, minute, 0);
          g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                           ==, VP_LOCAL_TIME_AMBIGUOUS);
          g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 0, minute));
          g_assert_cmpint (second, ==, vp_test_utc (c->year, c->month, c->day, 1, minute));
          g_assert_cmpint (second - first, ==, 3600);

          ambiguous = FALSE;
          g_assert_true (vp_local_time_to_instant (&time, zone, &instant, &ambiguous, &error));
          g_assert_no_error (error);
          g_assert_cmpint (instant, ==, first);
          g_assert_true (ambiguous);

          text = vp_local_time_format (&time);
          g_assert_true (vp_value_check_wall_time (text, c->zone, NULL, &instant, &error));
          g_assert_no_error (error);
          g_assert_cmpint (instant, ==, first);

          /* Both occurrences read back as the same wall time. */
          vp_local_time_from_instant (first, zone, &back);
          g_assert_cmpint (vp_local_time_compare (&back, &time), ==, 0);
          vp_local_time_from_instant (second, zone, &back);
          g_assert_cmpint (vp_local_time_compare (&back, &time), ==, 0);
        }

      /* Just outside the repeated hour each time occurs once. */
      time = local (c->year, c->month, c->day, change_hour - 1, 59, 59);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                       ==, VP_LOCAL_TIME_UNIQUE);
      g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 0, 0) - 1);

      time = local (c->year, c->month, c->day, change_hour + 1, 0, 0);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                       ==, VP_LOCAL_TIME_UNIQUE);
      g_assert_cmpint (first, ==, vp_test_utc (c->year, c->month, c->day, 2, 0));

      ambiguous = TRUE;
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (vp_local_time_to_instant (&time, zone, &instant, &ambiguous, &error));
        g_assert_no_error (error);
        g_assert_false (ambiguous);
      }
    }

  /* Every quarter of an hour around the change reads back, and resolves
   * to the instant it came from. */
  for (u = vp_test_utc (c->year, c->month, c->day, 0, 0) - 4 * 3600;
       u <= vp_test_utc (c->year, c->month, c->day, 0, 0) + 4 * 3600;
       u += 15 * 60)
    {
      VpLocalTimeKind kind;

      vp_local_time_from_instant (u, zone, &back);
      kind = vp_local_time_resolve (&back, zone, &first, &second);
      g_assert_cmpint (kind, !=, VP_LOCAL_TIME_SKIPPED);
      g_assert_true (u == first || u == second);
    }

  /* The instant of the change itself. */
  vp_local_time_from_instant (vp_test_utc (c->year, c->month, c->day, 1, 0), zone, &back);
  if (c->spring)
    assert_local_time (&back, c->year, c->month, c->day, change_hour + 1, 0, 0);
  else
    assert_local_time (&back, c->year, c->month, c->day, change_hour, 0, 0);

  vp_local_time_from_instant (vp_test_utc (c->year, c->month, c->day, 1, 0) - 1, zone, &back);
  if (c->spring)
    assert_local_time (&back, c->year, c->month, c->day, change_hour - 1, 59, 59);
  else
    assert_local_time (&back, c->year, c->month, c->day, change_hour, 59, 59);
}

/* Agreement with GDateTime, which shares no code with vp-time, on a
 * spread of instants in zones with various histories. */
static void
test_from_instant_agrees (void)
{
  const char *names[] = {
    "Europe/Helsinki", "Europe/Vilnius", "America/New_York", "Australia/Lord_Howe",
    "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Africa/Casablanca",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GTimeZone) zone = zone_new (names[i]);
      gint64 u;

      /* An odd step visits every time of day over the years. */
      for (u = vp_test_utc (1900, 1, 1, 0, 0); u < vp_test_utc (2100, 1, 1, 0, 0);
           u += 86400 * 3 + 3607)
        {
          g_autoptr(GDateTime) utc_time = g_date_time_new_from_unix_utc (u);
          g_autoptr(GDateTime) zoned = g_date_time_to_timezone (utc_time, zone);
          VpLocalTime time;
          gint64 first = 0;
          gint64 second = 0;

          vp_local_time_from_instant (u, zone, &time);
          assert_local_time (&time,
                             g_date_time_get_year (zoned),
                             g_date_time_get_month (zoned),
                             g_date_time_get_day_of_month (zoned),
                             g_date_time_get_hour (zoned),
                             g_date_time_get_minute (zoned),
                             g_date_time_get_second (zoned));

          g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                           !=, VP_LOCAL_TIME_SKIPPED);
          g_assert_true (u == first || u == second);
        }
    }
}

/* Times far from now: before 1970, before the zone's first rule, and long
 * after the last transition tzdata lists. */
static void
test_far_times (void)
{
  const char *names[] = { "Europe/Helsinki", "America/New_York", "UTC", "Pacific/Kiritimati" };
  const VpLocalTime times[] = {
    { 1, 1, 1, 0, 0, 0 },
    { 1, 1, 2, 0, 0, 0 },
    { 1601, 1, 1, 0, 0, 0 },
    { 1899, 12, 31, 23, 59, 59 },
    { 1969, 12, 31, 23, 59, 59 },
    { 2199, 12, 31, 23, 59, 59 },
    { 2200, 1, 1, 0, 0, 0 },
    { 2500, 7, 1, 12, 0, 0 },
    { 9999, 12, 30, 0, 0, 0 },
    { 9999, 12, 31, 23, 59, 59 },
  };
  const gint64 instants[] = {
    G_MININT64, G_MININT64 + 1, -G_GINT64_CONSTANT (62135596800) - 1, 0,
    G_GINT64_CONSTANT (253402300800), G_MAXINT64,
  };
  gsize i;
  gsize j;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GTimeZone) zone = zone_new (names[i]);

      for (j = 0; j < G_N_ELEMENTS (times); j++)
        {
          gint64 first = 0;
          gint64 second = 0;
          VpLocalTime back;

          g_assert_cmpint (vp_local_time_resolve (&times[j], zone, &first, &second),
                           ==, VP_LOCAL_TIME_UNIQUE);
          vp_local_time_from_instant (first, zone, &back);
          g_assert_cmpint (vp_local_time_compare (&back, &times[j]), ==, 0);
        }

      for (j = 0; j < G_N_ELEMENTS (instants); j++)
        {
          VpLocalTime back;

          vp_local_time_from_instant (instants[j], zone, &back);
          g_assert_cmpint (back.year, >=, 1);
          g_assert_cmpint (back.year, <=, 9999);
        }
    }
}

/* The rules go on after the table of transitions ends. */
static void
test_far_future_dst (void)
{
  g_autoptr(GTimeZone) zone = zone_new ("Europe/Helsinki");
  const int years[] = { 2199, 2200, 2300, 2900 };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDate date;
      VpLocalTime time;
      gint64 first = 0;
      gint64 second = 0;

      /* The last Sunday of March. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 31, G_DATE_MARCH, (GDateYear) years[i]);
      while (g_date_get_weekday (&date) != G_DATE_SUNDAY)
        g_date_subtract_days (&date, 1);

      time = local (years[i], 3, g_date_get_day (&date), 3, 30, 0);
      g_test_message ("%d-03-%02d", years[i], time.day);
      g_assert_cmpint (vp_local_time_resolve (&time, zone, NULL, NULL), ==, VP_LOCAL_TIME_SKIPPED);

      time.hour = 4;
      g_assert_cmpint (vp_local_time_resolve (&time, zone, &first, &second),
                       ==, VP_LOCAL_TIME_UNIQUE);
      g_assert_cmpint (first, ==, vp_test_utc (years[i], 3, time.day, 1, 30));
    }
}

static void
test_text_to_instant (void)
{
  g_autoptr(GError) error = NULL;
  gint64 instant = 0;
  VpLocalTime time;

  g_assert_true (vp_value_check_wall_time ("2026-07-01T09:00", "Europe/Vilnius", &time, &instant,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, vp_test_utc (2026, 7, 1, 6, 0));
  assert_local_time (&time, 2026, 7, 1, 9, 0, 0);

  g_assert_false (vp_value_check_wall_time ("2026-07-01T09:00Z", "Europe/Vilnius", NULL, &instant,
                                            &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vp_value_check_wall_time ("2026-07-01T09:00", "EET", NULL, &instant, &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_UNKNOWN_ZONE);
  g_clear_error (&error);

  /* Either pointer may be left out; a repeated time means its first. */
  g_assert_true (vp_value_check_wall_time ("2026-10-25T03:30", "Europe/Helsinki", NULL, NULL,
                                           &error));
  g_assert_no_error (error);
}

/* Checking a big programme resolves many times in one zone. */
static void
test_resolve_speed (void)
{
  const guint n_times = 100000;
  g_autoptr(GTimeZone) zone = zone_new ("Europe/Helsinki");
  g_autofree VpLocalTime *times = g_new (VpLocalTime, n_times);
  gint64 start;
  gint64 elapsed;
  gint64 previous = G_MININT64;
  guint n_skipped = 0;
  guint n_ambiguous = 0;
  GDate date;
  guint i;

  /* Every ten minutes from the start of 2026, for almost two years. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  for (i = 0; i < n_times; i++)
    {
      guint minute_of_day = (i * 10) % (24 * 60);

      times[i] = local (g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), (int) (minute_of_day / 60),
                        (int) (minute_of_day % 60), 0);
      if (minute_of_day == 24 * 60 - 10)
        g_date_add_days (&date, 1);
    }

  start = g_get_monotonic_time ();
  for (i = 0; i < n_times; i++)
    {
      gint64 first = 0;
      VpLocalTimeKind kind = vp_local_time_resolve (&times[i], zone, &first, NULL);

      if (kind == VP_LOCAL_TIME_SKIPPED)
        {
          n_skipped++;
          continue;
        }
      if (kind == VP_LOCAL_TIME_AMBIGUOUS)
        n_ambiguous++;

      g_assert_cmpint (first, >, previous);
      previous = first;
    }
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("%u resolutions in %" G_GINT64_FORMAT " µs", n_times, elapsed);

  /* Two springs and two autumns fall in the range, six times each. */
  g_assert_cmpuint (n_skipped, ==, 12);
  g_assert_cmpuint (n_ambiguous, ==, 12);

  if (g_test_perf ())
    g_assert_cmpint (elapsed, <, 100000);
}

int
main (int   argc,
      char *argv[])
{
  static const DstCase dst_cases[] = {
    { "Europe/Helsinki", 2, 2026, 3, 29, TRUE },
    { "Europe/Helsinki", 2, 2026, 10, 25, FALSE },
    { "Europe/Helsinki", 2, 2027, 3, 28, TRUE },
    { "Europe/Helsinki", 2, 2027, 10, 31, FALSE },
    { "Europe/Vilnius", 2, 2026, 3, 29, TRUE },
    { "Europe/Vilnius", 2, 2026, 10, 25, FALSE },
    { "Europe/Vilnius", 2, 2027, 3, 28, TRUE },
    { "Europe/Vilnius", 2, 2027, 10, 31, FALSE },
    { "Europe/Berlin", 1, 2026, 3, 29, TRUE },
    { "Europe/Berlin", 1, 2026, 10, 25, FALSE },
    { "Europe/Berlin", 1, 2027, 3, 28, TRUE },
    { "Europe/Berlin", 1, 2027, 10, 31, FALSE },
    { "Europe/Paris", 1, 2026, 3, 29, TRUE },
    { "Europe/Paris", 1, 2026, 10, 25, FALSE },
    { "Europe/Paris", 1, 2027, 3, 28, TRUE },
    { "Europe/Paris", 1, 2027, 10, 31, FALSE },
    { "Europe/Vienna", 1, 2026, 3, 29, TRUE },
    { "Europe/Vienna", 1, 2026, 10, 25, FALSE },
    { "Europe/Vienna", 1, 2027, 3, 28, TRUE },
    { "Europe/Vienna", 1, 2027, 10, 31, FALSE },
  };
  gsize i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/date/parse/valid", test_date_parse_valid);
  g_test_add_func ("/time/date/parse/invalid", test_date_parse_invalid);
  g_test_add_func ("/time/date/parse/message", test_date_parse_message);
  g_test_add_func ("/time/date/format", test_date_format);
  g_test_add_func ("/time/local/parse/valid", test_local_parse_valid);
  g_test_add_func ("/time/local/parse/invalid", test_local_parse_invalid);
  g_test_add_func ("/time/local/parse/message", test_local_parse_message);
  g_test_add_func ("/time/local/parse/hostile", test_local_parse_hostile);
  g_test_add_func ("/time/local/format", test_local_format);
  g_test_add_func ("/time/local/compare", test_local_compare);
  g_test_add_func ("/time/local/get-date", test_local_get_date);
  g_test_add_func ("/time/zone/known", test_zone_known);
  g_test_add_func ("/time/zone/unknown", test_zone_unknown);
  g_test_add_func ("/time/zone/message", test_zone_message);
  g_test_add_func ("/time/zone/cache", test_zone_cache);
  g_test_add_func ("/time/zone/threads", test_zone_threads);
  g_test_add_func ("/time/zone/utc", test_zone_utc);
  g_test_add_func ("/time/zone/foreign", test_zone_foreign);

  for (i = 0; i < G_N_ELEMENTS (dst_cases); i++)
    {
      g_autofree char *short_name = g_ascii_strdown (strchr (dst_cases[i].zone, '/') + 1, -1);
      g_autofree char *path = g_strdup_printf ("/time/dst/%s/%s/%d", short_name,
                                               dst_cases[i].spring ? "spring" : "autumn",
                                               dst_cases[i].year);

      g_test_add_data_func (path, &dst_cases[i], test_dst);
    }

  g_test_add_func ("/time/resolve/from-instant-agrees", test_from_instant_agrees);
  g_test_add_func ("/time/resolve/far-times", test_far_times);
  g_test_add_func ("/time/resolve/far-future-dst", test_far_future_dst);
  g_test_add_func ("/time/resolve/text", test_text_to_instant);
  g_test_add_func ("/time/resolve/speed", test_resolve_speed);

  return g_test_run ();
}

/* test-values.c: unit tests for the rules of values (vp-values): email
 * addresses, country codes, coordinates, counts, amounts, identifiers,
 * names, dates, local times, zones, times of day and the order of two
 * times or days. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vp-test-core.h"
#include "vp-values.h"

static void
test_email (void)
{
  static const struct
  {
    const char *text;
    const char *wrong;  /* NULL when valid, else a part of the message */
  } cases[] = {
    { "ruta@example.lt", NULL },
    { "aino.makela@example.fi", NULL },
    { "first+tag@sub.example.co.uk", NULL },
    { "jürgen@müller.de", NULL },          /* Unicode name and an IDN */
    { "用户@例子.广告", NULL },
    { "a@b.c", NULL },
    { "", "empty" },
    { "ruta", "needs a name, an “@”" },
    { "@example.lt", "no name before" },
    { "ruta@", "no domain after" },
    { "ruta@@example.lt", "more than one" },
    { "ruta@a@example.lt", "more than one" },
    { "ruta@localhost", "needs a dot" },
    { "ruta@example.lt.", "empty part" },
    { "ruta@.example.lt", "empty part" },
    { "ruta@example..lt", "empty part" },
    { "ruta @example.lt", "a space" },
    { "ruta@example.lt ", "a space" },
    { "ruta\302\240x@example.lt", "a space" },   /* no-break space */
    { "ru\tta@example.lt", "a space" },
    { "ru\001ta@example.lt", "invisible" },
    { "ru\342\200\213ta@example.lt", "invisible" }, /* zero-width space */
    { "Ruta <ruta@example.lt>", "a space" },
    { "<ruta@example.lt>", "cannot hold “<”" },
    { "ruta@example.lt,jonas@example.lt", "cannot hold “,”" },
    { "ruta@example.lt;", "cannot hold “;”" },
    { "\"ruta\"@example.lt", "cannot hold “\"”" },
    { "ru\\ta@example.lt", "cannot hold “\\”" },
    { "ru\377ta@example.lt", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = vp_value_check_email (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      if (cases[i].wrong == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_nonnull (strstr (error->message, cases[i].wrong));
        }
    }
}

static void
test_email_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) address = g_string_new (NULL);

  /* 64 + 1 + 189 = 254 bytes is the longest; one more is refused */
  for (guint i = 0; i < 64; i++)
    g_string_append_c (address, 'a');
  g_string_append_c (address, '@');
  while (address->len < 250)
    g_string_append (address, "b");
  g_string_append (address, ".com");
  g_assert_cmpuint (address->len, ==, 254);
  g_assert_true (vp_value_check_email (address->str, NULL));

  g_string_insert_c (address, 0, 'a');
  g_assert_false (vp_value_check_email (address->str, &error));
  g_assert_nonnull (strstr (error->message, "too long"));
}

static void
test_country (void)
{
  static const struct
  {
    const char *code;
    const char *wrong;
  } cases[] = {
    { "LT", NULL },
    { "GB", NULL },
    { "FI", NULL },
    { "XK", NULL },     /* Kosovo, as the EU programmes write it */
    { "ZW", NULL },
    { "AD", NULL },
    { "lt", "in capitals, “LT”" },
    { "Lt", "in capitals, “LT”" },
    { "UK", "use “GB”" },
    { "EL", "use “GR”" },
    { "XX", "not the code of a country" },
    { "ZZ", "not the code of a country" },
    { "EU", "not the code of a country" },
    { "L", "two capital letters" },
    { "LTU", "two capital letters" },
    { "", "two capital letters" },
    { "L1", "two capital letters" },
    { "1T", "two capital letters" },
    { "L ", "two capital letters" },
    { "ÄÖ", "two capital letters" },
    { "Lithuania", "two capital letters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = vp_value_check_country (cases[i].code, &error);

      g_test_message ("“%s”", cases[i].code);
      if (cases[i].wrong == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_nonnull (strstr (error->message, cases[i].wrong));
        }
    }
}

/* Every code the eligibility list names is a country code. */
static void
test_country_eligible_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cxc-countries.json",
                                                 NULL);
  g_autofree char *contents = NULL;
  guint found = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; (p = strchr (p, '"')) != NULL; p++)
    if (g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]) && p[3] == '"')
      {
        char code[3] = { p[1], p[2], '\0' };
        g_autoptr(GError) error = NULL;

        vp_value_check_country (code, &error);
        g_assert_no_error (error);
        found++;
        p += 3;
      }
  g_assert_cmpuint (found, >, 30);
}

static void
test_coordinate_check (void)
{
  static const struct
  {
    VpCoordinate axis;
    double       degrees;
    gboolean     valid;
  } cases[] = {
    { VP_COORDINATE_LATITUDE, 0, TRUE },
    { VP_COORDINATE_LATITUDE, 90, TRUE },
    { VP_COORDINATE_LATITUDE, -90, TRUE },
    { VP_COORDINATE_LATITUDE, 90.000001, FALSE },
    { VP_COORDINATE_LATITUDE, -90.000001, FALSE },
    { VP_COORDINATE_LATITUDE, 180, FALSE },
    { VP_COORDINATE_LONGITUDE, 180, TRUE },
    { VP_COORDINATE_LONGITUDE, -180, TRUE },
    { VP_COORDINATE_LONGITUDE, 180.000001, FALSE },
    { VP_COORDINATE_LONGITUDE, -180.5, FALSE },
    { VP_COORDINATE_LATITUDE, NAN, FALSE },
    { VP_COORDINATE_LONGITUDE, NAN, FALSE },
    { VP_COORDINATE_LATITUDE, INFINITY, FALSE },
    { VP_COORDINATE_LONGITUDE, -INFINITY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%u: %g", cases[i].axis, cases[i].degrees);
      g_assert_cmpint (vp_value_check_coordinate (cases[i].axis, cases[i].degrees, &error), ==,
                       cases[i].valid);
      if (cases[i].valid)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].axis == VP_COORDINATE_LATITUDE
                                                    ? "−90 (south) to 90"
                                                    : "−180 (west) to 180"));
        }
    }
}

static void
test_coordinate_parse (void)
{
  static const struct
  {
    VpCoordinate axis;
    const char  *text;
    gboolean     valid;
    double       degrees;
  } cases[] = {
    { VP_COORDINATE_LATITUDE, "54.6872", TRUE, 54.6872 },
    { VP_COORDINATE_LATITUDE, "54,6872", TRUE, 54.6872 },
    { VP_COORDINATE_LATITUDE, "  54.6872 ", TRUE, 54.6872 },
    { VP_COORDINATE_LATITUDE, "-33.9", TRUE, -33.9 },
    { VP_COORDINATE_LATITUDE, "−33.9", TRUE, -33.9 },
    { VP_COORDINATE_LATITUDE, "+12", TRUE, 12 },
    { VP_COORDINATE_LATITUDE, "90", TRUE, 90 },
    { VP_COORDINATE_LATITUDE, "-90", TRUE, -90 },
    { VP_COORDINATE_LATITUDE, "90.0000001", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "-91", FALSE, 0 },
    { VP_COORDINATE_LONGITUDE, "180", TRUE, 180 },
    { VP_COORDINATE_LONGITUDE, "-180", TRUE, -180 },
    { VP_COORDINATE_LONGITUDE, "180.5", FALSE, 0 },
    { VP_COORDINATE_LONGITUDE, "25.2797", TRUE, 25.2797 },
    { VP_COORDINATE_LATITUDE, "nan", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "NaN", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "inf", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "1e400", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "1e1", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "0x10", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "-", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, ".5", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "5.", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "5.4.3", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "5,4.3", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "54 N", FALSE, 0 },
    { VP_COORDINATE_LATITUDE, "--5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double degrees = 0;
      gboolean ok = vp_value_parse_coordinate (cases[i].axis, cases[i].text, &degrees, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-12);
        }
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          g_assert_true (isnan (degrees));
        }
    }
}

static void
test_format_decimal (void)
{
  static const struct
  {
    double      value;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 30, "30" },
    { -100, "-100" },
    { 60.1699, "60.1699" },
    { 54.687199999999997, "54.6872" },
    { -3.4, "-3.4" },
    { 0.00001, "0.00001" },
    { 1e-7, "0.0000001" },
    { 6050, "6050" },
    { 1234567.5, "1234567.5" },
    { 1e20, "100000000000000000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vp_value_format_decimal (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }

  /* every double reads back, whatever its size */
  for (guint i = 0; i < 2000; i++)
    {
      double value = g_test_rand_double_range (-1, 1) * pow (10, g_test_rand_int_range (-30, 30));
      g_autofree char *text = vp_value_format_decimal (value);

      g_assert_null (strchr (text, 'e'));
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, value);
    }

  g_assert_null (vp_value_format_decimal (NAN));
  g_assert_null (vp_value_format_decimal (INFINITY));
}

static void
test_count (void)
{
  static const struct
  {
    const char *text;
    gint64      minimum;
    gint64      maximum;
    gboolean    valid;
    gint64      value;
  } cases[] = {
    { "1", 1, VP_VALUE_COUNT_MAX, TRUE, 1 },
    { "100000", 1, VP_VALUE_COUNT_MAX, TRUE, 100000 },
    { " 12 ", 1, VP_VALUE_COUNT_MAX, TRUE, 12 },
    { "+12", 1, VP_VALUE_COUNT_MAX, TRUE, 12 },
    { "007", 1, VP_VALUE_COUNT_MAX, TRUE, 7 },
    { "0", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "0", 0, VP_VALUE_COUNT_MAX, TRUE, 0 },
    { "100001", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "-1", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "2147483647", 1, G_MAXINT32, TRUE, G_MAXINT32 },
    { "2147483648", 1, G_MAXINT32, FALSE, 0 },      /* 2^31 */
    { "4294967297", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },  /* 2^32 + 1: no wrap to 1 */
    { "9223372036854775807", 1, G_MAXINT64, TRUE, G_MAXINT64 },
    { "9223372036854775808", 1, G_MAXINT64, FALSE, 0 },
    { "99999999999999999999999", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "12.0", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "12.5", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "1e3", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "0x10", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "+", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "twelve", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
    { "1 000", 1, VP_VALUE_COUNT_MAX, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -42;
      gboolean ok = vp_value_parse_count (cases[i].text, cases[i].minimum, cases[i].maximum,
                                          &value, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (value, ==, cases[i].value);
        }
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          g_assert_cmpint (value, ==, -42);
        }
    }

  g_assert_true (vp_value_check_count (1, 1, 5, NULL));
  g_assert_true (vp_value_check_count (5, 1, 5, NULL));
  g_assert_false (vp_value_check_count (0, 1, 5, NULL));
  g_assert_false (vp_value_check_count (6, 1, 5, NULL));
  g_assert_false (vp_value_check_count (G_MININT64, 1, 5, NULL));
}

/* A message fit for one line of a dialog, that quotes a long text short. */
static void
assert_one_line (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
  for (const char *p = error->message; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

static void
test_amount (void)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
    double      amount;
  } cases[] = {
    { "1100", TRUE, 1100 },
    { "1100.50", TRUE, 1100.5 },
    { "1100,50", TRUE, 1100.5 },         /* a decimal comma */
    { " 1100 ", TRUE, 1100 },
    { "1 100", TRUE, 1100 },
    { "1\302\240100,5", TRUE, 1100.5 },  /* a no-break space between thousands */
    { "1\342\200\257100", TRUE, 1100 },  /* a narrow no-break space */
    { "0", TRUE, 0 },
    { "0.01", TRUE, 0.01 },
    { "1000000000", TRUE, 1e9 },
    { "1000000000.01", FALSE, 0 },
    { "99999999999999999999", FALSE, 0 },
    { "-5", FALSE, 0 },
    { "+5", FALSE, 0 },
    { "1e3", FALSE, 0 },
    { "0x10", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "nan", FALSE, 0 },
    { "", FALSE, 0 },
    { "   ", FALSE, 0 },
    { "1.", FALSE, 0 },
    { ".5", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
    { "1,100.50", FALSE, 0 },            /* two decimal marks */
    { "1100 EUR", FALSE, 0 },
    { "€1100", FALSE, 0 },
    { "1100.5 0", FALSE, 0 },            /* spaces only between thousands */
    { "12\377", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double amount = -42;
      gboolean ok = vp_value_parse_amount (cases[i].text, &amount, &error);

      g_test_message ("“%s”", g_utf8_validate (cases[i].text, -1, NULL) ? cases[i].text : "?");
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (amount, cases[i].amount, 1e-9);
        }
      else
        {
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          assert_one_line (error);
          g_assert_cmpfloat (amount, ==, -42);
        }
    }

  g_assert_true (vp_value_check_amount (0, NULL));
  g_assert_true (vp_value_check_amount (VP_VALUE_AMOUNT_MAX, NULL));
  g_assert_false (vp_value_check_amount (-0.01, NULL));
  g_assert_false (vp_value_check_amount (VP_VALUE_AMOUNT_MAX + 1, NULL));
  g_assert_false (vp_value_check_amount (NAN, NULL));
  g_assert_false (vp_value_check_amount (INFINITY, NULL));
}

static void
test_identifier (void)
{
  g_autofree char *longest = g_strnfill (VP_VALUE_IDENTIFIER_MAX, 'a');
  g_autofree char *too_long = g_strnfill (VP_VALUE_IDENTIFIER_MAX + 1, 'a');
  g_autoptr(GError) error = NULL;
  const char *valid[] = { "s1", "5d0c7a1e-3f7e-4a53-9c55-1d6c2f1e6c01", "Zürich", "a b" };
  const char *invalid[] = { "", "a\tb", "a\nb", "uid\r\nX-INJECTED:1", "a\177", "\033[31m",
                            "ru\377ta" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (vp_value_check_identifier (valid[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (vp_value_check_identifier (invalid[i], &error));
      g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
      assert_one_line (error);
      g_clear_error (&error);
    }

  /* 255 bytes, not characters */
  g_assert_true (vp_value_check_identifier (longest, NULL));
  g_assert_false (vp_value_check_identifier (too_long, &error));
  assert_one_line (error);
  g_assert_nonnull (strstr (error->message, "255"));
}

static void
test_name (void)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *invalid[] = { "", "   ", "\302\240", "Aino\nMäkelä", "Aino\r", "Aino\342\200\250x",
                            "\377" };

  g_assert_true (vp_value_check_name ("Aino Mäkelä", NULL));
  g_assert_true (vp_value_check_name ("Saulėtekis University tour", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (vp_value_check_name (invalid[i], &error));
      g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
      assert_one_line (error);
      g_clear_error (&error);
    }

  /* characters, not bytes */
  for (guint i = 0; i < VP_VALUE_NAME_MAX_CHARS; i++)
    g_string_append (longest, "é");
  g_assert_true (vp_value_check_name (longest->str, NULL));
  g_string_append_c (longest, 'x');
  g_assert_false (vp_value_check_name (longest->str, &error));
  assert_one_line (error);
  g_assert_nonnull (strstr (error->message, "too long"));
}

static void
test_date (void)
{
  static const struct
  {
    const char *text;
    int         year;   /* 0: refused */
    int         month;
    int         day;
  } cases[] = {
    { "2027-04-13", 2027, 4, 13 },
    { "2028-02-29", 2028, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
    { "2027-02-29", 0, 0, 0 },
    { "1900-02-29", 0, 0, 0 },
    { "0000-01-01", 0, 0, 0 },
    { "10000-01-01", 0, 0, 0 },
    { "2027-04-31", 0, 0, 0 },
    { "2027-13-01", 0, 0, 0 },
    { "2027-00-10", 0, 0, 0 },
    { "2027-4-13", 0, 0, 0 },
    { " 2027-04-13", 0, 0, 0 },
    { "2027-04-13 ", 0, 0, 0 },
    { "2027/04/13", 0, 0, 0 },
    { "13.04.2027", 0, 0, 0 },
    { "2027-04-13T10:00", 0, 0, 0 },
    { "", 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("“%s”", cases[i].text);
      g_date_clear (&date, 1);
      if (cases[i].year != 0)
        {
          g_assert_true (vp_value_check_date (cases[i].text, &date, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
          g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
          g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
          g_assert_true (vp_value_check_date (cases[i].text, NULL, NULL));
        }
      else
        {
          g_assert_false (vp_value_check_date (cases[i].text, &date, &error));
          g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
          assert_one_line (error);
          g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
          g_assert_false (g_date_valid (&date));
        }
    }

  /* a hostile text is quoted short */
  {
    g_autofree char *huge = g_strnfill (100000, '7');
    g_autoptr(GError) error = NULL;

    g_assert_false (vp_value_check_date (huge, NULL, &error));
    assert_one_line (error);
  }
}

static void
test_local_time (void)
{
  const char *valid[] = { "2027-04-13T09:30", "2027-04-13T23:59", "2027-04-13T23:59:59",
                          "2027-04-13T00:00", "2028-02-29T12:00", "9999-12-31T23:59",
                          "0001-01-01T00:00:00" };
  const char *invalid[] = { "2027-04-13T24:00", "2027-04-13T23:60", "2027-04-13T23:59:60",
                            "2027-02-29T12:00", "0000-01-01T00:00", "2027-04-13", "2027-04-13T9:30",
                            "2027-04-13 09:30", "2027-04-13T09:30Z", "2027-04-13T09:30+03:00",
                            "2027-04-13T09:30 ", "" };
  VpLocalTime time;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", valid[i]);
      g_assert_true (vp_value_check_local_time (valid[i], &time, &error));
      g_assert_no_error (error);
    }
  g_assert_true (vp_value_check_local_time ("2027-04-13T23:59:59", &time, NULL));
  g_assert_cmpint (time.hour, ==, 23);
  g_assert_cmpint (time.minute, ==, 59);
  g_assert_cmpint (time.second, ==, 59);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", invalid[i]);
      time.year = 1234;
      g_assert_false (vp_value_check_local_time (invalid[i], &time, &error));
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
      assert_one_line (error);
      g_assert_cmpint (time.year, ==, 1234);
    }
}

static void
test_zone (void)
{
  g_autofree char *overlong = NULL;
  g_autoptr(GString) long_name = g_string_new ("Europe/");
  const char *valid[] = { "Europe/Paris", "Europe/Vilnius", "UTC", "America/Argentina/Buenos_Aires",
                          "Etc/GMT+2", "Pacific/Port_Moresby" };
  const char *invalid[] = { "Mars/Base", "../etc", "../../etc/passwd", "Europe/../../etc/passwd",
                            "/usr/share/zoneinfo/Europe/Paris", "Europe//Paris", "Europe/Paris/",
                            "", "EET", "CET", "US/Eastern", "+02:00", "UTC+2", "GMT", "localtime",
                            "posixrules", "right/Europe/Paris", "europe/paris", "Europe/Paris ",
                            "Europe/Paris\n", "Europe/Atlantis" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", valid[i]);
      g_assert_true (vp_value_check_zone (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (invalid[i], NULL);

      g_test_message ("“%s”", escaped);
      g_assert_false (vp_value_check_zone (invalid[i], &error));
      g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_UNKNOWN_ZONE);
      assert_one_line (error);
    }

  /* an overlong name is refused and quoted short */
  while (long_name->len < 100000)
    g_string_append (long_name, "Paris");
  overlong = g_string_free (g_steal_pointer (&long_name), FALSE);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (vp_value_check_zone (overlong, &error));
    assert_one_line (error);
    g_assert_nonnull (strstr (error->message, "…"));
  }
}

static void
test_wall_time (void)
{
  g_autoptr(GError) error = NULL;
  VpLocalTime time;
  gint64 instant = 0;

  g_assert_true (vp_value_check_wall_time ("2027-04-13T09:30", "Europe/Paris", &time, &instant,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (instant, ==, vp_test_utc (2027, 4, 13, 7, 30));
  g_assert_cmpint (time.hour, ==, 9);

  /* the hour the clocks skip */
  instant = 42;
  g_assert_false (vp_value_check_wall_time ("2027-03-28T02:30", "Europe/Paris", NULL, &instant,
                                            &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_SKIPPED);
  g_assert_cmpint (instant, ==, 42);
  g_clear_error (&error);

  /* the hour they pass twice: its first */
  g_assert_true (vp_value_check_wall_time ("2027-10-31T02:30", "Europe/Paris", NULL, &instant,
                                           &error));
  g_assert_cmpint (instant, ==, vp_test_utc (2027, 10, 31, 0, 30));

  /* the year 10000 in UTC */
  g_assert_false (vp_value_check_wall_time ("9999-12-31T20:00", "America/Los_Angeles", NULL, NULL,
                                            &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vp_value_check_wall_time ("9999-12-31T23:59", "UTC", NULL, NULL, NULL));

  g_assert_false (vp_value_check_wall_time ("2027-04-13T09:30", "Mars/Base", NULL, NULL, &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_UNKNOWN_ZONE);
  g_clear_error (&error);
  g_assert_false (vp_value_check_wall_time ("2027-04-13T24:00", "Europe/Paris", NULL, NULL,
                                            &error));
  g_assert_error (error, VP_TIME_ERROR, VP_TIME_ERROR_INVALID);
}

static void
test_clock (void)
{
  static const struct
  {
    const char *text;
    int         hour;    /* -1: refused */
    int         minute;
    int         second;
    const char *wrong;   /* a part of the message */
  } cases[] = {
    { "9:05", 9, 5, 0, NULL },
    { "09:05", 9, 5, 0, NULL },
    { "9.05", 9, 5, 0, NULL },
    { "09.05", 9, 5, 0, NULL },
    { "0905", 9, 5, 0, NULL },
    { " 19:55 ", 19, 55, 0, NULL },
    { "00:00", 0, 0, 0, NULL },
    { "0:00", 0, 0, 0, NULL },
    { "23:59", 23, 59, 0, NULL },
    { "2359", 23, 59, 0, NULL },
    { "09:05:30", 9, 5, 30, NULL },
    { "23:59:59", 23, 59, 59, NULL },
    { "24:00", -1, 0, 0, "next day" },
    { "2400", -1, 0, 0, "next day" },
    { "24:30", -1, 0, 0, "00 to 23" },
    { "25:00", -1, 0, 0, "00 to 23" },
    { "99:99", -1, 0, 0, "00 to 23" },
    { "23:60", -1, 0, 0, "00 to 59" },
    { "10:61", -1, 0, 0, "00 to 59" },
    { "09:05:60", -1, 0, 0, "00 to 59" },
    { "9:5", -1, 0, 0, "24-hour clock" },
    { "905", -1, 0, 0, "24-hour clock" },
    { "9", -1, 0, 0, "24-hour clock" },
    { "123:00", -1, 0, 0, "24-hour clock" },
    { "-1:00", -1, 0, 0, "24-hour clock" },
    { "+9:05", -1, 0, 0, "24-hour clock" },
    { "9:05pm", -1, 0, 0, "24-hour clock" },
    { "9:05 am", -1, 0, 0, "24-hour clock" },
    { "09:05:", -1, 0, 0, "24-hour clock" },
    { "09.05:30", -1, 0, 0, "24-hour clock" },
    { "09 : 05", -1, 0, 0, "24-hour clock" },
    { "09:05:30.5", -1, 0, 0, "24-hour clock" },
    { "\331\241\331\242:\331\243\331\240", -1, 0, 0, "24-hour clock" },  /* Arabic digits */
    { "", -1, 0, 0, "24-hour clock" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int hour = -42, minute = -42, second = -42;
      gboolean ok = vp_value_parse_clock (cases[i].text, &hour, &minute, &second, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].hour >= 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (hour, ==, cases[i].hour);
          g_assert_cmpint (minute, ==, cases[i].minute);
          g_assert_cmpint (second, ==, cases[i].second);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
          assert_one_line (error);
          g_assert_nonnull (strstr (error->message, cases[i].wrong));
          g_assert_cmpint (hour, ==, -42);
        }
    }

  /* without a place for them, seconds are refused */
  {
    int hour, minute;

    g_assert_true (vp_value_parse_clock ("09:05", &hour, &minute, NULL, NULL));
    g_assert_false (vp_value_parse_clock ("09:05:30", &hour, &minute, NULL, NULL));
  }

  {
    g_autofree char *plain = vp_value_format_clock (9, 5, 0);
    g_autofree char *seconds = vp_value_format_clock (23, 59, 59);

    g_assert_cmpstr (plain, ==, "09:05");
    g_assert_cmpstr (seconds, ==, "23:59:59");
  }
}

static void
test_order (void)
{
  g_autoptr(GError) error = NULL;
  gint64 nine = vp_test_utc (2027, 4, 13, 9, 0);

  g_assert_true (vp_value_check_order (VP_SPAN_SESSION, nine, nine + 1, "09:00", "09:00:01", NULL));
  g_assert_true (vp_value_check_order (VP_SPAN_JOURNEY, nine, nine + 86400, "a", "b", NULL));

  /* an end at the start, or before it, by a second or a day */
  g_assert_false (vp_value_check_order (VP_SPAN_SESSION, nine, nine, "09:00", "09:00", &error));
  g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vp_value_check_order (VP_SPAN_SESSION, nine, nine - 1, "09:00", "08:59:59",
                                        NULL));
  g_assert_false (vp_value_check_order (VP_SPAN_SESSION, nine, nine - 3600, "2027-04-13T10:00",
                                        "2027-04-13T09:00", &error));
  g_assert_cmpstr (error->message, ==, "the end 2027-04-13T09:00 is not after the start "
                                       "2027-04-13T10:00: a session ends after it starts");
  g_clear_error (&error);

  /* a journey: each time in the zone of its place (an hour east is an
   * hour later on the clock) */
  g_assert_false (vp_value_check_order (VP_SPAN_JOURNEY, nine, nine - 60, "2027-04-13T12:00",
                                        "2027-04-13T11:59", &error));
  g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "the arrival 2027-04-13T11:59"));
  g_assert_nonnull (strstr (error->message, "the departure 2027-04-13T12:00"));
}

static GDate
day (int year,
     int month,
     int day_of_month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day_of_month, (GDateMonth) month, (GDateYear) year);
  return date;
}

static void
test_days (void)
{
  g_autoptr(GError) error = NULL;
  GDate first = day (2027, 4, 13);
  GDate same = day (2027, 4, 13);
  GDate next = day (2027, 4, 14);
  GDate before = day (2027, 4, 12);
  GDate last_of_all = day (9999, 12, 31);
  GDate day_before_it = day (9999, 12, 30);
  GDate first_of_all = day (1, 1, 1);

  /* a stay is a night or more */
  g_assert_true (vp_value_check_days (VP_SPAN_STAY, &first, &next, NULL));
  g_assert_true (vp_value_check_days (VP_SPAN_STAY, &day_before_it, &last_of_all, NULL));
  g_assert_true (vp_value_check_days (VP_SPAN_STAY, &first_of_all, &last_of_all, NULL));
  g_assert_false (vp_value_check_days (VP_SPAN_STAY, &first, &same, &error));
  g_assert_error (error, VP_VALUE_ERROR, VP_VALUE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "check-out on 2027-04-13 is not after check-in on "
                                       "2027-04-13: a stay is at least one night");
  g_clear_error (&error);
  g_assert_false (vp_value_check_days (VP_SPAN_STAY, &first, &before, NULL));

  /* a programme is a day or more */
  g_assert_true (vp_value_check_days (VP_SPAN_PROGRAMME, &first, &same, NULL));
  g_assert_true (vp_value_check_days (VP_SPAN_PROGRAMME, &first, &next, NULL));
  g_assert_true (vp_value_check_days (VP_SPAN_PROGRAMME, &last_of_all, &last_of_all, NULL));
  g_assert_false (vp_value_check_days (VP_SPAN_PROGRAMME, &first, &before, &error));
  g_assert_cmpstr (error->message, ==, "the last day 2027-04-12 is before the first day "
                                       "2027-04-13");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/values/email", test_email);
  g_test_add_func ("/values/email-length", test_email_length);
  g_test_add_func ("/values/country", test_country);
  g_test_add_func ("/values/country-eligible-list", test_country_eligible_list);
  g_test_add_func ("/values/coordinate-check", test_coordinate_check);
  g_test_add_func ("/values/coordinate-parse", test_coordinate_parse);
  g_test_add_func ("/values/format-decimal", test_format_decimal);
  g_test_add_func ("/values/count", test_count);
  g_test_add_func ("/values/amount", test_amount);
  g_test_add_func ("/values/identifier", test_identifier);
  g_test_add_func ("/values/name", test_name);
  g_test_add_func ("/values/date", test_date);
  g_test_add_func ("/values/local-time", test_local_time);
  g_test_add_func ("/values/zone", test_zone);
  g_test_add_func ("/values/wall-time", test_wall_time);
  g_test_add_func ("/values/clock", test_clock);
  g_test_add_func ("/values/order", test_order);
  g_test_add_func ("/values/days", test_days);

  return g_test_run ();
}

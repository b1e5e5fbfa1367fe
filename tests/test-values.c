/* test-values.c: unit tests for the rules of values (vp-values): email
 * addresses, country codes, coordinates and counts. */
#include "config.h"

#include <math.h>

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
  g_test_add_func ("/values/count", test_count);

  return g_test_run ();
}

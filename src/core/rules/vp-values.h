/* vp-values.h: the rules of the values people type (email addresses,
 * country codes, coordinates, counts), one home for the editors, the
 * importers, the store and the calendar writer.  Dates and times have
 * theirs in vp-time.h.
 *
 * Each check sets a VP_VALUE_ERROR_INVALID error whose translated message
 * says what is wrong with the value and how to write it; the caller adds
 * the name of the field or member. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_VALUE_ERROR (vp_value_error_quark ())

typedef enum
{
  VP_VALUE_ERROR_INVALID,
} VpValueError;

/* The largest count a capacity or a host's largest group may be. */
#define VP_VALUE_COUNT_MAX 100000

typedef enum
{
  VP_COORDINATE_LATITUDE,   /* degrees from −90 (south) to 90 (north) */
  VP_COORDINATE_LONGITUDE,  /* degrees from −180 (west) to 180 (east) */
} VpCoordinate;

GQuark   vp_value_error_quark      (void);

/* An email address: valid UTF-8 of at most 254 bytes, without spaces,
 * control characters or any of " < > , ; \ ; one “@” with a non-empty
 * name (Unicode allowed) before it and a domain of at least two non-empty
 * parts separated by dots after it (Unicode allowed: “müller.de”). */
gboolean vp_value_check_email      (const char    *text,
                                    GError       **error);

/* An ISO 3166-1 alpha-2 code as the format and the store keep it: two
 * capital letters that ISO assigns to a country (“GB”, not “UK”), or
 * XK, which the European programmes use for Kosovo. */
gboolean vp_value_check_country    (const char    *code,
                                    GError       **error);

/* A latitude or longitude in degrees: finite and within its range. */
gboolean vp_value_check_coordinate (VpCoordinate   axis,
                                    double         degrees,
                                    GError       **error);

/* A coordinate as people type it: optional sign, digits, and a decimal
 * point or comma followed by digits, white space around it ignored; no
 * exponent, no “nan” or “inf”; then checked as above. */
gboolean vp_value_parse_coordinate (VpCoordinate   axis,
                                    const char    *text,
                                    double        *degrees,
                                    GError       **error);

/* A whole number from @minimum to @maximum. */
gboolean vp_value_check_count      (gint64         value,
                                    gint64         minimum,
                                    gint64         maximum,
                                    GError       **error);

/* A whole number as people type it: digits only (white space around them
 * ignored, a leading “+” allowed), then checked as above; “12.0”, “1e3”
 * and numbers beyond 64 bits are refused. */
gboolean vp_value_parse_count      (const char    *text,
                                    gint64         minimum,
                                    gint64         maximum,
                                    gint64        *value,
                                    GError       **error);

G_END_DECLS

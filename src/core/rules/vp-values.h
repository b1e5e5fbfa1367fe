/* vp-values.h: the rules of the values people type (email addresses,
 * country codes, coordinates, counts, amounts, identifiers, dates, times
 * of day, local times, time zones, and which of two times comes first),
 * one home for the editors, the importers, the store and the calendar
 * writer.
 *
 * What is here and what is in vp-time.h: a rule (what a valid value is,
 * and the message when it is not) is here; vp-time.h is the home of the
 * arithmetic on dates and times (the instants a wall time names in a zone,
 * the zone database) and of the readers of dates and times already checked
 * (vp_date_parse (), vp_local_time_parse (), vp_time_zone_new ()), which
 * apply these same rules.
 *
 * Each check sets a VP_VALUE_ERROR_INVALID error whose translated message
 * says what is wrong with the value and how to write it, but for the rules
 * of dates, local times and zones, which set the VP_TIME_ERROR errors of
 * vp-time.h, as its readers do; the caller adds the name of the field or
 * member. */
#pragma once

#include <glib.h>

#include "vp-time.h"

G_BEGIN_DECLS

#define VP_VALUE_ERROR (vp_value_error_quark ())

typedef enum
{
  VP_VALUE_ERROR_INVALID,
} VpValueError;

/* The largest count a capacity or a host's largest group may be. */
#define VP_VALUE_COUNT_MAX 100000

/* The largest amount, in euros, of a lump sum. */
#define VP_VALUE_AMOUNT_MAX 1e9

/* The longest identifier (an id, a reference or a uid), in bytes. */
#define VP_VALUE_IDENTIFIER_MAX 255

/* The longest name or title, in characters. */
#define VP_VALUE_NAME_MAX_CHARS 300

typedef enum
{
  VP_COORDINATE_LATITUDE,   /* degrees from −90 (south) to 90 (north) */
  VP_COORDINATE_LONGITUDE,  /* degrees from −180 (west) to 180 (east) */
} VpCoordinate;

/* What two times or days bound, for the rule of their order. */
typedef enum
{
  VP_SPAN_SESSION,    /* instants: a session ends after it starts */
  VP_SPAN_JOURNEY,    /* instants: a journey arrives after it departs */
  VP_SPAN_STAY,       /* days: a hotel stay checks out a day or more after it checks in */
  VP_SPAN_PROGRAMME,  /* days: a programme's last day is its first or later */
} VpSpan;

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

/* The language of a person's documents: one of vp_language_codes() ("en",
 * "de", "fr", "fi", "lt", "sv"), in lower case. */
gboolean vp_value_check_language   (const char    *code,
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

/* @value as the shortest plain decimal that reads back as the same
 * number: a point, never an exponent or float noise (“30”, “60.1699”,
 * “0.00001”), as every format and field writes numbers; NULL when it is not
 * finite. */
char    *vp_value_format_decimal   (double         value);

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

/* An amount of euros (a lump sum): finite, from 0 to VP_VALUE_AMOUNT_MAX. */
gboolean vp_value_check_amount     (double         amount,
                                    GError       **error);

/* An amount as people type it: digits, with a decimal point or comma and
 * digits after it, and spaces (ordinary, no-break or narrow no-break)
 * between the thousands if they like; no sign, no exponent; then checked
 * as above. */
gboolean vp_value_parse_amount     (const char    *text,
                                    double        *amount,
                                    GError       **error);

/* An identifier (an id, a reference, a uid): not empty, at most
 * VP_VALUE_IDENTIFIER_MAX bytes, without line breaks, tabs or other
 * control characters (it ends up on one line of a listing or of a
 * calendar file). */
gboolean vp_value_check_identifier (const char    *text,
                                    GError       **error);

/* A name or a title: not blank (see vp_text_is_blank ()), one line, and
 * at most VP_VALUE_NAME_MAX_CHARS characters. */
gboolean vp_value_check_name       (const char    *text,
                                    GError       **error);

/* Dates and times.  These set VP_TIME_ERROR errors (vp-time.h). */

/* A day as "YYYY-MM-DD", exactly (no white space), that the calendar has,
 * in the years 1 to 9999: “2028-02-29” but not “2027-02-29”.  @date may be
 * NULL; it is left alone when the text is not a day. */
gboolean vp_value_check_date       (const char    *text,
                                    GDate         *date,
                                    GError       **error);

/* A wall time as "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", exactly: a
 * day as above, 00:00 to 23:59:59 (“24:00” is the next day's 00:00), no
 * offset or “Z” (its zone is named beside it).  @time may be NULL; it is
 * left alone when the text is not a wall time. */
gboolean vp_value_check_local_time (const char    *text,
                                    VpLocalTime   *time,
                                    GError       **error);

/* An IANA time zone that tzdata knows: “Europe/Vilnius”, “UTC”; not an
 * offset (“+02:00”), an abbreviation (“EET”), a legacy name (“US/Eastern”)
 * or a path (“../etc”).  VP_TIME_ERROR_UNKNOWN_ZONE. */
gboolean vp_value_check_zone       (const char    *name,
                                    GError       **error);

/* @text, a wall time as vp_value_check_local_time () takes it, read in the
 * zone named @zone (as vp_value_check_zone () takes it): a time the clocks
 * there show (VP_TIME_ERROR_SKIPPED when they skip it), at an instant in
 * the years 1 to 9999 in UTC.  A time the clocks show twice means its
 * first.  @time and @instant (Unix seconds) may be NULL. */
gboolean vp_value_check_wall_time  (const char    *text,
                                    const char    *zone,
                                    VpLocalTime   *time,
                                    gint64        *instant,
                                    GError       **error);

/* A time of day as people type it, on a 24-hour clock: “9:05”, “09:05”,
 * “9.05”, “0905”, or with seconds, “09:05:30”; white space around it
 * ignored.  From 00:00 to 23:59:59: “24:00” is refused (it is the next
 * day's 00:00).  @second may be NULL, and then seconds are refused.
 * VP_VALUE_ERROR_INVALID. */
gboolean vp_value_parse_clock      (const char    *text,
                                    int           *hour,
                                    int           *minute,
                                    int           *second,
                                    GError       **error);

/* A time of day as the editors show it: “09:05”, or “09:05:30” when the
 * seconds are not zero. */
char    *vp_value_format_clock     (int            hour,
                                    int            minute,
                                    int            second);

/* The order of two instants (Unix seconds) of a session or a journey
 * (VP_SPAN_SESSION, VP_SPAN_JOURNEY): @end strictly after @start, whatever
 * the zones they are read in.  @start_text and @end_text are how the
 * message names them (as the caller shows them: “2027-04-13T09:00”, or
 * “09:00” in an editor of one day).  VP_VALUE_ERROR_INVALID. */
gboolean vp_value_check_order      (VpSpan         span,
                                    gint64         start,
                                    gint64         end,
                                    const char    *start_text,
                                    const char    *end_text,
                                    GError       **error);

/* The order of two days of a stay or a programme (VP_SPAN_STAY: @last a
 * day or more after @first; VP_SPAN_PROGRAMME: @last on @first or later).
 * VP_VALUE_ERROR_INVALID. */
gboolean vp_value_check_days       (VpSpan         span,
                                    const GDate   *first,
                                    const GDate   *last,
                                    GError       **error);

G_END_DECLS

/* vp-format.h: programme values (dates, status, country) as the window shows them. */
#pragma once

#include <glib.h>

#include "vp-enums.h"

G_BEGIN_DECLS

/* @date_time written with @format (g_date_time_format()'s conversions), the
 * names of days and months (%A %a %B %b) in the window's language from its
 * catalog: a desktop need not have that language's locale. */
char       *vp_format_date_time         (GDateTime         *date_time,
                                         const char        *format);

/* Each takes ISO dates ("YYYY-MM-DD") and returns NULL (or 0) when a date
 * is missing or not a real day. */
char       *vp_format_date              (const char        *date);
/* With the weekday and the month in full: "Tuesday, 13 April 2027". */
char       *vp_format_date_long         (const char        *date);
/* A compact range: "13–16 Apr 2027", "28 Apr – 2 May 2027". */
char       *vp_format_date_range        (const char        *start_date,
                                         const char        *end_date);
/* Days from the first to the last, both counted: 4 for 13–16 April. */
guint       vp_format_count_days        (const char        *start_date,
                                         const char        *end_date);

/* The translated name of @status, and the CSS class of its badge. */
const char *vp_format_status            (VpProgrammeStatus  status);
const char *vp_format_status_css_class  (VpProgrammeStatus  status);

/* The translated name of a European country from its ISO 3166-1 alpha-2
 * code, or NULL when the code is not one of them. */
const char *vp_format_country_name      (const char        *code);
/* The codes vp_format_country_name() knows, NULL-terminated, sorted by code. */
const char * const *vp_format_country_codes (void);
/* “Lithuania (LT)”, or the bare code when it is not a known country, or
 * NULL for NULL. */
char       *vp_format_country           (const char        *code);

/* Every IANA zone name of the system's zone.tab that GLib can load, sorted,
 * NULL-terminated; and the zone of a country (its first in zone.tab). */
const char * const *vp_format_time_zones (void);
const char *vp_format_country_zone      (const char        *code);

/* The translated name and the icon of a problem's severity. */
const char *vp_format_severity          (VpSeverity         severity);
const char *vp_format_severity_icon     (VpSeverity         severity);

/* Parses an ISO date (“2027-04-13”) into @date; FALSE when it is not a
 * real day. */
gboolean    vp_format_parse_date        (const char        *text,
                                         GDate             *date);
/* An amount in euros, as in “€1,250.00”. */
char       *vp_format_euros             (double             amount);

G_END_DECLS

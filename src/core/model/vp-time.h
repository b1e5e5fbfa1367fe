/* vp-time.h: dates, local wall times in IANA zones, and the instants they name.
 *
 * The arithmetic is here; the rules of what a valid date, wall time or zone
 * name is, and their messages, are in vp-values.h, and the readers here
 * apply them: use vp_value_check_date () and the others on what people
 * type or files hold, these on values already checked. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_TIME_ERROR (vp_time_error_quark ())

typedef enum
{
  VP_TIME_ERROR_INVALID,      /* not a date or time of the expected form, or no such day */
  VP_TIME_ERROR_UNKNOWN_ZONE, /* not an IANA zone that tzdata knows */
  VP_TIME_ERROR_SKIPPED,      /* a local time the clocks skip when they go forward */
} VpTimeError;

/* A wall-clock reading, with no zone. */
typedef struct
{
  int year;
  int month;   /* 1 to 12 */
  int day;     /* 1 to 31 */
  int hour;    /* 0 to 23 */
  int minute;  /* 0 to 59 */
  int second;  /* 0 to 59 */
} VpLocalTime;

typedef enum
{
  VP_LOCAL_TIME_UNIQUE,    /* occurs once */
  VP_LOCAL_TIME_AMBIGUOUS, /* occurs twice: clocks went back */
  VP_LOCAL_TIME_SKIPPED,   /* does not occur: clocks went forward */
} VpLocalTimeKind;

GQuark          vp_time_error_quark        (void);

/* Strict "YYYY-MM-DD" naming a real calendar day (years 1 to 9999): the
 * rule of vp_value_check_date (), which sets @error. */
gboolean        vp_date_parse              (const char        *text,
                                            GDate             *date,
                                            GError           **error);
char           *vp_date_format             (const GDate       *date);

/* Strict "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", no offset, a real
 * day: the rule of vp_value_check_local_time (), which sets @error. */
gboolean        vp_local_time_parse        (const char        *text,
                                            VpLocalTime       *time,
                                            GError           **error);
/* The canonical text: seconds only when they are not zero. */
char           *vp_local_time_format       (const VpLocalTime *time);
void            vp_local_time_get_date     (const VpLocalTime *time,
                                            GDate             *date);
int             vp_local_time_compare      (const VpLocalTime *a,
                                            const VpLocalTime *b);

/* An IANA zone ("Europe/Vilnius", "UTC") known to tzdata; refuses offsets,
 * abbreviations and unknown names (vp_value_check_zone () sets @error).
 * Zones are cached: cheap to call often, safe from any thread.  Returns a
 * new reference. */
GTimeZone      *vp_time_zone_new           (const char        *identifier,
                                            GError           **error);
gboolean        vp_time_zone_is_valid      (const char        *identifier);

/* Every instant (Unix seconds) that @time names in @zone: @first is the
 * earlier, @second the later (equal for a unique time); both untouched for a
 * skipped one.  Either pointer may be NULL. */
VpLocalTimeKind vp_local_time_resolve      (const VpLocalTime *time,
                                            GTimeZone         *zone,
                                            gint64            *first,
                                            gint64            *second);

/* The instant @time names in @zone; a repeated time means its first
 * occurrence (RFC 5545 3.3.5) and sets @ambiguous; a skipped time is
 * VP_TIME_ERROR_SKIPPED, and one whose instant falls outside the years 1
 * to 9999 in UTC VP_TIME_ERROR_INVALID. */
gboolean        vp_local_time_to_instant   (const VpLocalTime *time,
                                            GTimeZone         *zone,
                                            gint64            *instant,
                                            gboolean          *ambiguous,
                                            GError           **error);
void            vp_local_time_from_instant (gint64             instant,
                                            GTimeZone         *zone,
                                            VpLocalTime       *time);

G_END_DECLS

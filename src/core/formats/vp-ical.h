/* vp-ical.h: the one place that sets libical up and serialises its use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libical 3.0 keeps state for the whole process: the array of built-in
 * time zones (loaded lazily, shared by every caller, each zone filling its
 * cache of changes when asked for an offset), the UTC zone, the table of
 * error states and whether errors are fatal, and the setting for unknown
 * tokens.  Only icalerrno and the ring buffer behind the *_as_ical_string()
 * calls are per-thread, and only when libical is built with threads.  So the
 * core runs all its libical work under one lock:
 *
 *   g_autoptr(VpIcalLocker) locker = vp_ical_lock ();
 *
 * It is needed around every call that parses or serialises (icalparser_*,
 * icalcomponent_as_ical_string*), anything that reaches a zone
 * (icaltimezone_*, icaltime_*_with_zone, icalcomponent_get_timezone,
 * icaltime_as_timet_with_zone), anything that may set an error state, and
 * so, simplest, around the whole life of a component tree, from the parse
 * or the first icalcomponent_new* to the icalcomponent_free().  The lock is
 * recursive: a code path that holds it may call another that takes it.
 *
 * vp_ical_init() makes libical's settings ours whatever its build chose:
 * errors are reported, never fatal (libical built to make them fatal aborts
 * on bad input), and unknown tokens are errors (X-LIC-ERROR properties the
 * importer counts); both are Debian's defaults, so nothing read or written
 * changes.  It runs once whatever the number of calls or threads;
 * vp_ical_lock() calls it, so nothing in the core can use libical before it;
 * programs call it at start all the same, before any thread runs. */

typedef struct _VpIcalLocker VpIcalLocker;

void           vp_ical_init      (void);
VpIcalLocker  *vp_ical_lock      (void);
void           vp_ical_unlock    (VpIcalLocker *locker);

/* Frees libical's built-in zones (which live until then), so that leak
 * checkers say nothing of them: at exit, when no libical work is left.
 * libical loads them again if asked. */
void           vp_ical_shutdown  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpIcalLocker, vp_ical_unlock)

G_END_DECLS

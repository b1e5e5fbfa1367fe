/* vp-ical.c: the one place that sets libical up and serialises its use. */
#include "config.h"

#include <libical/ical.h>

#include "vp-ical.h"

static GRecMutex ical_lock;

static gpointer
set_up (gpointer data)
{
  /* libical must report errors, not abort on them */
  icalerror_set_errors_are_fatal (0);
  /* a token libical does not know becomes an X-LIC-ERROR property */
  ical_set_unknown_token_handling_setting (ICAL_TREAT_AS_ERROR);
  /* the UTC zone is a static libical fills on first use: fill it here */
  icaltimezone_get_utc_timezone ();

  return NULL;
}

void
vp_ical_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, set_up, NULL);
}

VpIcalLocker *
vp_ical_lock (void)
{
  vp_ical_init ();
  g_rec_mutex_lock (&ical_lock);

  /* like GMutexLocker: the lock itself, under another name */
  return (VpIcalLocker *)&ical_lock;
}

void
vp_ical_unlock (VpIcalLocker *locker)
{
  g_return_if_fail (locker == (VpIcalLocker *)&ical_lock);

  g_rec_mutex_unlock (&ical_lock);
}

void
vp_ical_shutdown (void)
{
  g_autoptr(VpIcalLocker) locker = vp_ical_lock ();

  icaltimezone_free_builtin_timezones ();
}

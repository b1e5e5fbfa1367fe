/* test-ical-threads.c: calendars written and imported on several threads at once come out
 * byte for byte as on one thread alone (libical's one lock, vp-ical.h). */
#include "config.h"

#include <string.h>

#include "vp-calendar.h"
#include "vp-ical.h"
#include "vp-ical-import.h"
#include "vp-programme-format.h"
#include "vp-test-core.h"

#define N_THREADS 4
#define N_ROUNDS  50

/* The demo's own zone and others whose VTIMEZONEs differ (southern summer
 * time, half hours, a 30-minute DST, none at all): each thread starts on
 * another, so the writer builds them while the others import. */
static const char *const zones[] = {
  "Europe/Vilnius",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "America/Santiago",
  "Pacific/Chatham",
};

typedef struct
{
  guint       first_zone;
  GBytes     *outlook;        /* a file with a VTIMEZONE of its own */
  GPtrArray  *outputs;        /* char *: per round, what round_output() made */
} Worker;

static void
append_report (GString      *out,
               VpIcalReport *report)
{
  g_string_append_printf (out, "added %u updated %u unchanged %u\n", report->added,
                          report->updated, report->unchanged);
  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpIcalSkip *skip = g_ptr_array_index (report->skipped, i);

      g_string_append_printf (out, "skipped %u %s: %s\n", skip->line, skip->uid, skip->reason);
    }
  for (guint i = 0; i < report->notes->len; i++)
    {
      VpIcalSkip *note = g_ptr_array_index (report->notes, i);

      g_string_append_printf (out, "note %u %s: %s\n", note->line, note->uid, note->reason);
    }
}

static void
append_import (GString    *out,
               VpSnapshot *into,
               GBytes     *calendar)
{
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) result = vp_ical_import (into, calendar, &report, &error);
  g_autoptr(GBytes) written = NULL;

  if (result == NULL)
    {
      g_string_append_printf (out, "import failed: %s\n", error->message);
      return;
    }
  append_report (out, report);
  written = vp_programme_format_write (result);
  g_string_append_len (out, g_bytes_get_data (written, NULL), g_bytes_get_size (written));
}

/* One round: the demo's calendar in @zone, the demo imported back from it
 * into an empty programme, and the Outlook file imported too; all of it as
 * one text. */
static char *
round_output (const char *zone,
              GBytes     *outlook)
{
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2027, 4, 1, 8, 30, 0);
  g_autoptr(VpSnapshot) empty = vp_test_read_document (
    "{ \"format\": \"visit-planner-programme\", \"version\": 1,"
    "  \"programme\": { \"uid\": \"threads\", \"title\": \"Slots\", \"host_country\": \"LT\","
    "    \"timezone\": \"Europe/Vilnius\", \"start_date\": \"2027-04-11\","
    "    \"end_date\": \"2027-04-16\" } }");
  g_autoptr(GBytes) calendar = NULL;
  GString *out = g_string_new (NULL);

  vp_programme_set_timezone (vp_snapshot_get_programme (demo), zone);
  calendar = vp_calendar_write_programme (demo, stamp);
  g_string_append_len (out, g_bytes_get_data (calendar, NULL), g_bytes_get_size (calendar));
  append_import (out, empty, calendar);
  append_import (out, empty, outlook);

  return g_string_free (out, FALSE);
}

static gpointer
work (gpointer data)
{
  Worker *worker = data;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *zone = zones[(worker->first_zone + round) % G_N_ELEMENTS (zones)];

      g_ptr_array_add (worker->outputs, round_output (zone, worker->outlook));
    }

  return NULL;
}

static void
test_threads_same_bytes (void)
{
  g_autofree char *outlook_path = g_test_build_filename (G_TEST_DIST, "data", "ics",
                                                         "outlook-custom-zone.ics", NULL);
  g_autoptr(GBytes) outlook = vp_test_read_bytes (outlook_path);
  /* the model's types registered before the threads start: GLib registers
   * them once, but in code ThreadSanitizer does not see */
  g_autoptr(VpSnapshot) demo = vp_test_read_demo ();
  Worker workers[N_THREADS];
  GThread *threads[N_THREADS];
  char *expected[G_N_ELEMENTS (zones)];

  g_assert_nonnull (outlook);
  g_assert_nonnull (demo);

  /* the threads first, while the writer has built no VTIMEZONE yet */
  for (guint t = 0; t < N_THREADS; t++)
    {
      g_autofree char *name = g_strdup_printf ("ical-%u", t);

      workers[t].first_zone = t;
      workers[t].outlook = outlook;
      workers[t].outputs = g_ptr_array_new_with_free_func (g_free);
      threads[t] = g_thread_new (name, work, &workers[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  /* then one thread alone */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      expected[z] = round_output (zones[z], outlook);
      g_assert_nonnull (strstr (expected[z], "BEGIN:VCALENDAR"));
      g_assert_null (strstr (expected[z], "import failed"));
      /* the demo's sessions come back, and the Outlook file's events */
      g_assert_null (strstr (expected[z], "added 0 "));
      g_assert_nonnull (strstr (expected[z], "\"uid\": \"threads\""));
    }

  for (guint t = 0; t < N_THREADS; t++)
    {
      g_assert_cmpuint (workers[t].outputs->len, ==, N_ROUNDS);
      for (guint round = 0; round < N_ROUNDS; round++)
        {
          guint z = (workers[t].first_zone + round) % G_N_ELEMENTS (zones);

          g_assert_cmpstr (g_ptr_array_index (workers[t].outputs, round), ==, expected[z]);
        }
      g_ptr_array_unref (workers[t].outputs);
    }

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    g_free (expected[z]);
}

/* Whatever the number of calls or threads, vp_ical_init() sets up once,
 * and the lock can be taken again by the thread that holds it. */
static gpointer
init_and_lock (gpointer data)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(VpIcalLocker) outer = NULL;
      g_autoptr(VpIcalLocker) inner = NULL;

      vp_ical_init ();
      outer = vp_ical_lock ();
      inner = vp_ical_lock ();
      g_atomic_int_inc ((int *)data);
    }

  return NULL;
}

static void
test_threads_init_once (void)
{
  GThread *threads[N_THREADS];
  int count = 0;

  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("ical-init", init_and_lock, &count);
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  g_assert_cmpint (g_atomic_int_get (&count), ==, N_THREADS * 100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* vp_ical_init () is left to the threads here: the first call may come
   * from any of them */
  g_test_add_func ("/ical-threads/init-once", test_threads_init_once);
  g_test_add_func ("/ical-threads/same-bytes", test_threads_same_bytes);

  status = g_test_run ();

  /* libical's built-in zones live until freed */
  vp_ical_shutdown ();
  return status;
}

/* vp-checks.c: every problem in a plan, and the ClusterXChange rules. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vp-checks.h"
#include "vp-core-resources.h"
#include "vp-time.h"

/* The rules' numbers: ClusterXChange's, and our assumptions for travel in town. */
#define TRAVEL_SPEED_KMH       40.0
#define TRAVEL_MARGIN_SECONDS  (15 * 60)
#define MIN_WORKING_DAYS       3
#define FULL_LUMP_SUM_DAYS     5
#define FULL_LUMP_SUM_KM       200.0
#define EARTH_RADIUS_KM        6371.0088
#define MAX_NAMES_IN_MESSAGE   5

G_DEFINE_BOXED_TYPE (VpProblem, vp_problem, vp_problem_copy, vp_problem_free)
G_DEFINE_BOXED_TYPE (VpBudgetLine, vp_budget_line, vp_budget_line_copy, vp_budget_line_free)

VpProblem *
vp_problem_copy (const VpProblem *problem)
{
  VpProblem *copy = g_new0 (VpProblem, 1);

  copy->severity = problem->severity;
  copy->code = g_strdup (problem->code);
  copy->message = g_strdup (problem->message);
  copy->session = g_strdup (problem->session);
  copy->participant = g_strdup (problem->participant);
  copy->host = g_strdup (problem->host);

  return copy;
}

void
vp_problem_free (VpProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->code);
  g_free (problem->message);
  g_free (problem->session);
  g_free (problem->participant);
  g_free (problem->host);
  g_free (problem);
}

VpBudgetLine *
vp_budget_line_copy (const VpBudgetLine *line)
{
  VpBudgetLine *copy = g_new0 (VpBudgetLine, 1);

  *copy = *line;
  copy->participant = g_strdup (line->participant);
  copy->name = g_strdup (line->name);
  copy->reason = g_strdup (line->reason);

  return copy;
}

void
vp_budget_line_free (VpBudgetLine *line)
{
  if (line == NULL)
    return;

  g_free (line->participant);
  g_free (line->name);
  g_free (line->reason);
  g_free (line);
}

double
vp_checks_distance_km (double latitude1,
                       double longitude1,
                       double latitude2,
                       double longitude2)
{
  double phi1 = latitude1 * G_PI / 180.0;
  double phi2 = latitude2 * G_PI / 180.0;
  double dphi = phi2 - phi1;
  double dlambda = (longitude2 - longitude1) * G_PI / 180.0;
  double a = sin (dphi / 2) * sin (dphi / 2) +
             cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return 2 * EARTH_RADIUS_KM * atan2 (sqrt (a), sqrt (1 - a));
}

/* Country list {{{1 */

typedef struct
{
  GHashTable *codes;
  char       *source;
} CountryList;

static gpointer
load_countries (gpointer data)
{
  CountryList *list = g_new0 (CountryList, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *countries;
  GList *members;

  list->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Looked up in the core's own resource (which also keeps the linker from
   * dropping it from the static library). */
  bytes = g_resource_lookup_data (vp_core_get_resource (),
                                  "/io/github/visitplanner/VisitPlanner/core/cxc-countries.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize)g_bytes_get_size (bytes), &error))
    {
      g_critical ("The ClusterXChange country list cannot be read: %s", error->message);
      return list;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  countries = json_object_get_object_member (root, "countries");
  members = json_object_get_members (countries);
  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (list->codes, g_strdup (l->data));
  g_list_free (members);
  list->source = g_strdup_printf ("%s (%s)", json_object_get_string_member (root, "source"),
                                  json_object_get_string_member (root, "date"));

  return list;
}

static CountryList *
get_countries (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_countries, NULL);
}

gboolean
vp_checks_country_eligible (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return g_hash_table_contains (get_countries ()->codes, code);
}

const char *
vp_checks_country_source (void)
{
  return get_countries ()->source;
}

/* The checker {{{1 */

typedef struct
{
  VpSnapshot   *snapshot;
  VpProgramme  *programme;
  GTimeZone    *zone;
  GPtrArray    *participants;
  GPtrArray    *sessions;       /* the active ones (not cancelled), in time order */
  GHashTable   *participant_index; /* ref → index + 1 */
  GPtrArray    *agendas;        /* per participant: GArray of session indices, in time order */
  GPtrArray    *by_severity[3];
  GDate         first_day;
  GDate         last_day;
} Checker;

static void
checker_clear (Checker *checker)
{
  g_clear_pointer (&checker->zone, g_time_zone_unref);
  g_clear_pointer (&checker->sessions, g_ptr_array_unref);
  g_clear_pointer (&checker->participant_index, g_hash_table_unref);
  g_clear_pointer (&checker->agendas, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (checker->by_severity); i++)
    g_clear_pointer (&checker->by_severity[i], g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checker, checker_clear)

static const char *
participant_key (VpParticipant *participant)
{
  return vp_participant_get_email (participant) != NULL
    ? vp_participant_get_email (participant)
    : vp_participant_get_ref (participant);
}

static void G_GNUC_PRINTF (7, 8)
add_problem (Checker       *checker,
             VpSeverity     severity,
             const char    *code,
             VpSession     *session,
             VpParticipant *participant,
             VpHost        *host,
             const char    *format,
             ...)
{
  VpProblem *problem = g_new0 (VpProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  problem->severity = severity;
  problem->code = g_strdup (code);
  problem->session = session != NULL ? g_strdup (vp_session_get_uid (session)) : NULL;
  problem->participant = participant != NULL ? g_strdup (participant_key (participant)) : NULL;
  problem->host = host != NULL ? g_strdup (vp_host_get_ref (host)) : NULL;

  g_ptr_array_add (checker->by_severity[severity], problem);
}

/* 400 Gregorian years, after which the calendar repeats: same dates on the
 * same weekdays. */
#define GREGORIAN_CYCLE_SECONDS (G_GINT64_CONSTANT (146097) * 24 * 3600)

/* “Tue 13 Apr 10:00”, in the programme's zone. */
static char *
format_instant (Checker *checker,
                gint64   instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, checker->zone) : NULL;

  /* GDateTime holds the years 1 to 9999 only, and 9999-12-31T20:00Z is in
   * the year 10000 in Kiritimati.  The text shows no year, so the same
   * instant 400 years nearer gives it: the calendar repeats, and so do the
   * zone's rules (before tzdata's first change and after its last, they do
   * not change at all). */
  if (local == NULL)
    {
      gint64 nearer = instant > 0 ? instant - GREGORIAN_CYCLE_SECONDS
                                  : instant + GREGORIAN_CYCLE_SECONDS;

      g_clear_pointer (&utc, g_date_time_unref);
      utc = g_date_time_new_from_unix_utc (nearer);
      local = utc != NULL ? g_date_time_to_timezone (utc, checker->zone) : NULL;
    }

  /* Only for an instant no stored time can name: the UTC time as written
   * in the format, never a placeholder. */
  if (local == NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
      VpLocalTime time;
      g_autofree char *text = NULL;

      vp_local_time_from_instant (instant, zone, &time);
      text = vp_local_time_format (&time);
      return g_strdup_printf ("%s UTC", text);
    }

  /* TRANSLATORS: when a session starts, in a problem found by the checks;
   * see g_date_time_format().  xgettext:no-c-format */
  return g_date_time_format (local, C_("problem time", "%a %-d %b %H:%M"));
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  /* TRANSLATORS: a day in a problem found by the checks; see
   * g_date_time_format().  xgettext:no-c-format */
  return g_date_time_format (time, C_("problem day", "%a %-d %b"));
}

static void
local_date (Checker *checker,
            gint64   instant,
            GDate   *date)
{
  VpLocalTime time;

  vp_local_time_from_instant (instant, checker->zone, &time);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay)time.day, (GDateMonth)time.month, (GDateYear)time.year);
}

static gboolean
is_weekday (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

/* “Aino Mäkelä, Jūratė Žukauskienė and 3 others” */
static char *
join_names (Checker *checker,
            GArray  *indices)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (indices->len, MAX_NAMES_IN_MESSAGE);

  for (guint i = 0; i < shown; i++)
    {
      VpParticipant *participant = g_ptr_array_index (checker->participants,
                                                      g_array_index (indices, guint, i));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, vp_participant_get_name (participant));
    }

  if (indices->len > shown)
    {
      guint others = indices->len - shown;

      g_string_append (names, " ");
      g_string_append_printf (names,
                              g_dngettext (GETTEXT_PACKAGE, "and %u other", "and %u others", others),
                              others);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
checker_init (Checker    *checker,
              VpSnapshot *snapshot)
{
  GPtrArray *all_sessions = vp_snapshot_get_sessions (snapshot);

  checker->snapshot = snapshot;
  checker->programme = vp_snapshot_get_programme (snapshot);
  checker->participants = vp_snapshot_get_participants (snapshot);
  checker->zone = vp_time_zone_new (vp_programme_get_timezone (checker->programme), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (checker->by_severity); i++)
    checker->by_severity[i] = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_problem_free);

  if (checker->zone == NULL ||
      !vp_date_parse (vp_programme_get_start_date (checker->programme), &checker->first_day, NULL) ||
      !vp_date_parse (vp_programme_get_end_date (checker->programme), &checker->last_day, NULL))
    return FALSE;

  checker->sessions = g_ptr_array_new ();
  for (guint i = 0; i < all_sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (all_sessions, i);

      if (vp_session_get_status (session) != VP_SESSION_STATUS_CANCELLED)
        g_ptr_array_add (checker->sessions, session);
    }

  checker->participant_index = g_hash_table_new (g_str_hash, g_str_equal);
  checker->agendas = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < checker->participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (checker->participants, i);

      g_hash_table_insert (checker->participant_index, (gpointer)vp_participant_get_ref (participant),
                           GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (checker->agendas, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

  /* Sessions are in time order, so every agenda is too. */
  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);

      if (vp_session_get_attendees_all (session))
        for (guint p = 0; p < checker->agendas->len; p++)
          g_array_append_val (g_ptr_array_index (checker->agendas, p), s);
      else
        {
          GPtrArray *attendees = vp_session_get_attendees (session);

          for (guint a = 0; a < attendees->len; a++)
            {
              guint p = GPOINTER_TO_UINT (g_hash_table_lookup (checker->participant_index,
                                                               g_ptr_array_index (attendees, a)));

              if (p > 0)
                g_array_append_val (g_ptr_array_index (checker->agendas, p - 1), s);
            }
        }
    }

  return TRUE;
}

/* The participants (indices) at both @a and @b. */
static GArray *
shared_attendees (Checker   *checker,
                  VpSession *a,
                  VpSession *b)
{
  GArray *shared = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean all_a = vp_session_get_attendees_all (a);
  gboolean all_b = vp_session_get_attendees_all (b);

  if (all_a && all_b)
    {
      for (guint p = 0; p < checker->participants->len; p++)
        g_array_append_val (shared, p);
    }
  else if (all_a || all_b)
    {
      GPtrArray *attendees = vp_session_get_attendees (all_a ? b : a);

      for (guint i = 0; i < attendees->len; i++)
        {
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup (checker->participant_index,
                                                           g_ptr_array_index (attendees, i)));
          if (p > 0)
            {
              p--;
              g_array_append_val (shared, p);
            }
        }
    }
  else
    {
      GPtrArray *list_a = vp_session_get_attendees (a);
      GPtrArray *list_b = vp_session_get_attendees (b);
      g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < list_a->len; i++)
        g_hash_table_add (set, g_ptr_array_index (list_a, i));
      for (guint i = 0; i < list_b->len; i++)
        if (g_hash_table_contains (set, g_ptr_array_index (list_b, i)))
          {
            guint p = GPOINTER_TO_UINT (g_hash_table_lookup (checker->participant_index,
                                                             g_ptr_array_index (list_b, i)));
            if (p > 0)
              {
                p--;
                g_array_append_val (shared, p);
              }
          }
    }

  return shared;
}

/* The checks {{{1 */

/* Overlapping sessions, found with one sweep over the agenda in time order:
 * only sessions still running when another starts are compared. */
static void
check_overlaps (Checker *checker)
{
  g_autoptr(GArray) running = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);
      gint64 start = vp_session_get_start_utc (session);

      for (guint r = 0; r < running->len; )
        {
          VpSession *other = g_ptr_array_index (checker->sessions, g_array_index (running, guint, r));

          if (vp_session_get_end_utc (other) <= start)
            g_array_remove_index_fast (running, r);
          else
            r++;
        }

      for (guint r = 0; r < running->len; r++)
        {
          VpSession *other = g_ptr_array_index (checker->sessions, g_array_index (running, guint, r));
          g_autoptr(GArray) shared = shared_attendees (checker, other, session);
          const char *host_ref = vp_session_get_host_ref (session);

          if (shared->len > 0)
            {
              g_autofree char *names = join_names (checker, shared);
              g_autofree char *when = format_instant (checker, start);
              VpParticipant *first = g_ptr_array_index (checker->participants,
                                                        g_array_index (shared, guint, 0));

              add_problem (checker, VP_SEVERITY_ERROR, "participant-double-booked", other, first, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "“%s” and “%s” overlap (%s), and %s attends both: "
                                        "move one of them or change who attends",
                                        "“%s” and “%s” overlap (%s), and %s attend both: "
                                        "move one of them or change who attends",
                                        shared->len),
                           vp_session_get_title (other), vp_session_get_title (session), when, names);
            }

          if (host_ref != NULL && g_strcmp0 (host_ref, vp_session_get_host_ref (other)) == 0)
            {
              VpHost *host = vp_snapshot_lookup_host (checker->snapshot, host_ref);
              g_autofree char *when = format_instant (checker, start);

              add_problem (checker, VP_SEVERITY_WARNING, "host-double-booked", other, NULL, host,
                           _("%s receives “%s” and “%s” at the same time (%s): make sure the site "
                             "can, or move one of them"),
                           vp_host_get_name (host), vp_session_get_title (other),
                           vp_session_get_title (session), when);
            }
        }

      g_array_append_val (running, s);
    }
}

typedef struct
{
  guint   from;        /* session indices */
  guint   to;
  GArray *participants;
} TravelGap;

static void
travel_gap_free (TravelGap *gap)
{
  g_array_unref (gap->participants);
  g_free (gap);
}

/* Consecutive sessions at sites too far apart for the time between them;
 * one problem per pair of sessions, naming everyone it concerns. */
static void
check_travel_time (Checker *checker)
{
  g_autoptr(GHashTable) gaps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify)travel_gap_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint p = 0; p < checker->agendas->len; p++)
    {
      GArray *agenda = g_ptr_array_index (checker->agendas, p);
      gint previous = -1;

      for (guint i = 0; i < agenda->len; i++)
        {
          guint s = g_array_index (agenda, guint, i);
          VpSession *session = g_ptr_array_index (checker->sessions, s);
          VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (session));

          /* A session with no host (a transfer, a walk) is the way there. */
          if (host == NULL)
            continue;
          if (!vp_host_has_position (host))
            {
              previous = -1;
              continue;
            }

          if (previous >= 0)
            {
              VpSession *before = g_ptr_array_index (checker->sessions, (guint)previous);
              VpHost *site = vp_snapshot_lookup_host (checker->snapshot,
                                                      vp_session_get_host_ref (before));
              gint64 gap = vp_session_get_start_utc (session) - vp_session_get_end_utc (before);
              double km = vp_checks_distance_km (vp_host_get_latitude (site), vp_host_get_longitude (site),
                                                 vp_host_get_latitude (host), vp_host_get_longitude (host));
              gint64 needed = (gint64)ceil (km / TRAVEL_SPEED_KMH * 3600.0) + TRAVEL_MARGIN_SECONDS;

              if (site != host && gap >= 0 && gap < needed)
                {
                  gint64 key = ((gint64)previous << 32) | s;
                  TravelGap *entry = g_hash_table_lookup (gaps, &key);

                  if (entry == NULL)
                    {
                      entry = g_new0 (TravelGap, 1);
                      entry->from = (guint)previous;
                      entry->to = s;
                      entry->participants = g_array_new (FALSE, FALSE, sizeof (guint));
                      g_hash_table_insert (gaps, g_memdup2 (&key, sizeof key), entry);
                      g_ptr_array_add (order, entry);
                    }
                  g_array_append_val (entry->participants, p);
                }
            }
          previous = (gint)s;
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      TravelGap *entry = g_ptr_array_index (order, i);
      VpSession *before = g_ptr_array_index (checker->sessions, entry->from);
      VpSession *after = g_ptr_array_index (checker->sessions, entry->to);
      VpHost *site = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (before));
      VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (after));
      double km = vp_checks_distance_km (vp_host_get_latitude (site), vp_host_get_longitude (site),
                                         vp_host_get_latitude (host), vp_host_get_longitude (host));
      gint64 needed = (gint64)ceil (km / TRAVEL_SPEED_KMH * 3600.0) + TRAVEL_MARGIN_SECONDS;
      gint64 gap = vp_session_get_start_utc (after) - vp_session_get_end_utc (before);
      g_autofree char *names = join_names (checker, entry->participants);

      add_problem (checker, VP_SEVERITY_WARNING, "travel-time", after,
                   g_ptr_array_index (checker->participants,
                                      g_array_index (entry->participants, guint, 0)),
                   host,
                   _("Only %d min between “%s” at %s and “%s” at %s, %.1f km apart: allow at least "
                     "%d min (%s)"),
                   (int)(gap / 60), vp_session_get_title (before), vp_host_get_name (site),
                   vp_session_get_title (after), vp_host_get_name (host), km,
                   (int)((needed + 59) / 60), names);
    }
}

static void
check_sessions (Checker *checker)
{
  GDate day;

  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);
      VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (session));
      guint attendees = vp_snapshot_count_attendees (checker->snapshot, session);
      int capacity = vp_session_get_capacity (session);
      const char *zones[2];
      const char *times[2];

      local_date (checker, vp_session_get_start_utc (session), &day);
      if (g_date_compare (&day, &checker->first_day) < 0)
        {
          g_autofree char *when = format_instant (checker, vp_session_get_start_utc (session));

          add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", session, NULL, host,
                       _("“%s” starts on %s, before the programme's first day %s: move it, or "
                         "change the programme's dates"),
                       vp_session_get_title (session), when,
                       vp_programme_get_start_date (checker->programme));
        }
      else
        {
          local_date (checker, vp_session_get_end_utc (session) - 1, &day);
          if (g_date_compare (&day, &checker->last_day) > 0)
            {
              g_autofree char *when = format_instant (checker, vp_session_get_end_utc (session));

              add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", session, NULL, host,
                           _("“%s” ends on %s, after the programme's last day %s: move it, or "
                             "change the programme's dates"),
                           vp_session_get_title (session), when,
                           vp_programme_get_end_date (checker->programme));
            }
        }

      if (capacity > 0 && attendees > (guint)capacity)
        add_problem (checker, VP_SEVERITY_ERROR, "over-capacity", session, NULL, host,
                     _("%u people attend “%s”, which takes %d: raise its capacity or take "
                       "people off it"),
                     attendees, vp_session_get_title (session), capacity);

      if (host != NULL && vp_host_get_max_group_size (host) > 0 &&
          attendees > (guint)vp_host_get_max_group_size (host))
        add_problem (checker, VP_SEVERITY_ERROR, "over-capacity", session, NULL, host,
                     _("%u people attend “%s”, but %s admits groups of at most %d: split the "
                       "group into two sessions"),
                     attendees, vp_session_get_title (session), vp_host_get_name (host),
                     vp_host_get_max_group_size (host));

      zones[0] = vp_session_get_timezone (session) ? vp_session_get_timezone (session)
                                                   : vp_programme_get_timezone (checker->programme);
      zones[1] = vp_session_get_end_timezone (session) ? vp_session_get_end_timezone (session) : zones[0];
      times[0] = vp_session_get_start (session);
      times[1] = vp_session_get_end (session);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GTimeZone) zone = vp_time_zone_new (zones[i], NULL);
          VpLocalTime time;

          if (zone != NULL && vp_local_time_parse (times[i], &time, NULL) &&
              vp_local_time_resolve (&time, zone, NULL, NULL) == VP_LOCAL_TIME_AMBIGUOUS)
            {
              add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", session, NULL, host,
                           _("%s in %s happens twice, when the clocks go back: “%s” is planned "
                             "for the first time; say so to the group, or move it out of that hour"),
                           times[i], zones[i], vp_session_get_title (session));
              break;
            }
        }
    }
}

/* Legs leaving within this long of the last landing continue one journey
 * (a connection), not a new one. */
#define CONNECTION_SECONDS (12 * 3600)

static int
compare_legs (gconstpointer a,
              gconstpointer b)
{
  const VpTravelLeg *leg_a = *(const VpTravelLeg **)a;
  const VpTravelLeg *leg_b = *(const VpTravelLeg **)b;

  return leg_a->depart_utc < leg_b->depart_utc ? -1 : leg_a->depart_utc > leg_b->depart_utc ? 1 : 0;
}

/* The leg that brings @participant and the one that takes them home; either
 * may be NULL.  Legs chain into journeys (connections less than 12 hours
 * apart); with two journeys or more, the arrival is the last leg of the
 * first and the departure the first leg of the last, whenever in the
 * programme they fall.  A single journey is the arrival when it lands
 * before the middle of the programme, else the departure. */
static void
find_legs (Checker        *checker,
           VpParticipant  *participant,
           VpTravelLeg   **arrival,
           VpTravelLeg   **departure)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  guint first_journey_end = 0;
  guint last_journey_start = 0;
  gint64 middle;

  *arrival = NULL;
  *departure = NULL;
  if (travel->len == 0)
    return;

  legs = g_ptr_array_sized_new (travel->len);
  for (guint i = 0; i < travel->len; i++)
    g_ptr_array_add (legs, g_ptr_array_index (travel, i));
  g_ptr_array_sort (legs, compare_legs);

  for (guint i = 1; i < legs->len; i++)
    {
      VpTravelLeg *before = g_ptr_array_index (legs, i - 1);
      VpTravelLeg *leg = g_ptr_array_index (legs, i);

      if (leg->depart_utc - before->arrive_utc > CONNECTION_SECONDS)
        {
          if (last_journey_start == 0)
            first_journey_end = i - 1;
          last_journey_start = i;
        }
    }

  if (last_journey_start > 0)
    {
      *arrival = g_ptr_array_index (legs, first_journey_end);
      *departure = g_ptr_array_index (legs, last_journey_start);
      return;
    }

  start = g_date_time_new (checker->zone, g_date_get_year (&checker->first_day),
                           g_date_get_month (&checker->first_day),
                           g_date_get_day (&checker->first_day), 0, 0, 0);
  end = g_date_time_new (checker->zone, g_date_get_year (&checker->last_day),
                         g_date_get_month (&checker->last_day),
                         g_date_get_day (&checker->last_day), 23, 59, 59);
  if (start == NULL || end == NULL)
    return;
  middle = (g_date_time_to_unix (start) + g_date_time_to_unix (end)) / 2;

  if (((VpTravelLeg *)g_ptr_array_index (legs, legs->len - 1))->arrive_utc <= middle)
    *arrival = g_ptr_array_index (legs, legs->len - 1);
  else
    *departure = g_ptr_array_index (legs, 0);
}

/* A departure or arrival in the hour repeated when clocks go back. */
static void
check_travel_times (Checker       *checker,
                    VpParticipant *participant)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  const char *programme_zone = vp_programme_get_timezone (checker->programme);

  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);
      const char *times[2] = { leg->depart, leg->arrive };
      const char *zones[2] = {
        leg->depart_timezone ? leg->depart_timezone : programme_zone,
        leg->arrive_timezone ? leg->arrive_timezone : programme_zone,
      };

      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(GTimeZone) zone = vp_time_zone_new (zones[j], NULL);
          VpLocalTime time;

          if (zone != NULL && times[j] != NULL && vp_local_time_parse (times[j], &time, NULL) &&
              vp_local_time_resolve (&time, zone, NULL, NULL) == VP_LOCAL_TIME_AMBIGUOUS)
            {
              add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", NULL, participant,
                           NULL,
                           _("%s in %s happens twice, when the clocks go back: %s's journey is "
                             "taken to be at the first; check the ticket"),
                           times[j], zones[j], vp_participant_get_name (participant));
              break;
            }
        }
    }
}

static void
check_participants (Checker         *checker,
                    VpChecksContext *context)
{
  const char *host_country = vp_programme_get_host_country (checker->programme);

  for (guint p = 0; p < checker->participants->len; p++)
    {
      VpParticipant *participant = g_ptr_array_index (checker->participants, p);
      GArray *agenda = g_ptr_array_index (checker->agendas, p);
      GPtrArray *stays = vp_participant_get_accommodation (participant);
      const char *name = vp_participant_get_name (participant);
      const char *country = vp_participant_get_country (participant);
      const char *email = vp_participant_get_email (participant);
      VpTravelLeg *arrival;
      VpTravelLeg *departure;
      g_autoptr(GString) nights = g_string_new (NULL);
      guint n_nights = 0;
      GDate night;
      GDate arrival_day;
      GDate departure_day;

      find_legs (checker, participant, &arrival, &departure);
      check_travel_times (checker, participant);

      if (arrival != NULL)
        {
          guint early = 0;
          VpSession *first = NULL;

          for (guint i = 0; i < agenda->len; i++)
            {
              VpSession *session = g_ptr_array_index (checker->sessions, g_array_index (agenda, guint, i));

              if (vp_session_get_start_utc (session) < arrival->arrive_utc)
                {
                  if (first == NULL)
                    first = session;
                  early++;
                }
            }

          if (first != NULL)
            {
              g_autofree char *lands = format_instant (checker, arrival->arrive_utc);
              g_autofree char *starts = format_instant (checker, vp_session_get_start_utc (first));

              add_problem (checker, VP_SEVERITY_ERROR, "before-arrival", first, participant, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s arrives on %s but attends “%s” from %s (%u session "
                                        "before arrival): book an earlier journey or take them off it",
                                        "%s arrives on %s but attends “%s” from %s (%u sessions "
                                        "before arrival): book an earlier journey or take them off them",
                                        early),
                           name, lands, vp_session_get_title (first), starts, early);
            }
        }

      if (departure != NULL)
        {
          guint late = 0;
          VpSession *last = NULL;

          for (guint i = 0; i < agenda->len; i++)
            {
              VpSession *session = g_ptr_array_index (checker->sessions, g_array_index (agenda, guint, i));

              if (vp_session_get_end_utc (session) > departure->depart_utc)
                {
                  if (last == NULL)
                    last = session;
                  late++;
                }
            }

          if (last != NULL)
            {
              g_autofree char *leaves = format_instant (checker, departure->depart_utc);

              add_problem (checker, VP_SEVERITY_ERROR, "after-departure", last, participant, NULL,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s leaves on %s but attends “%s”, which ends later (%u session "
                                        "after departure): book a later journey or take them off it",
                                        "%s leaves on %s but attends “%s”, which ends later (%u sessions "
                                        "after departure): book a later journey or take them off them",
                                        late),
                           name, leaves, vp_session_get_title (last), late);
            }
        }

      /* Nights of the programme (the night after each day but the last)
       * while the participant is there, each covered by a stay. */
      if (arrival != NULL)
        local_date (checker, arrival->arrive_utc, &arrival_day);
      if (departure != NULL)
        local_date (checker, departure->depart_utc, &departure_day);

      night = checker->first_day;
      for (; g_date_compare (&night, &checker->last_day) < 0; g_date_add_days (&night, 1))
        {
          gboolean covered = FALSE;

          if (arrival != NULL && g_date_compare (&night, &arrival_day) < 0)
            continue;
          if (departure != NULL && g_date_compare (&night, &departure_day) >= 0)
            continue;

          for (guint i = 0; i < stays->len && !covered; i++)
            {
              VpStay *stay = g_ptr_array_index (stays, i);
              GDate check_in;
              GDate check_out;

              covered = vp_date_parse (stay->check_in, &check_in, NULL) &&
                        vp_date_parse (stay->check_out, &check_out, NULL) &&
                        g_date_compare (&check_in, &night) <= 0 &&
                        g_date_compare (&night, &check_out) < 0;
            }

          if (!covered)
            {
              g_autofree char *day = format_date (&night);

              if (nights->len > 0)
                g_string_append (nights, ", ");
              g_string_append (nights, day);
              n_nights++;
            }
        }

      if (n_nights > 0)
        add_problem (checker, VP_SEVERITY_WARNING, "no-accommodation", NULL, participant, NULL,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s has no hotel for the night after %s: add a stay",
                                  "%s has no hotel for the nights after %s: add stays",
                                  n_nights),
                     name, nights->str);

      if (country != NULL && !vp_checks_country_eligible (country))
        add_problem (checker, VP_SEVERITY_WARNING, "cxc-ineligible-country", NULL, participant, NULL,
                     _("%s comes from %s, which does not take part in the EU programme that funds "
                       "ClusterXChange: check their eligibility, or correct their country"),
                     name, country);

      if (country != NULL && g_strcmp0 (country, host_country) == 0)
        add_problem (checker, VP_SEVERITY_WARNING, "cxc-same-country", NULL, participant, NULL,
                     _("%s comes from %s, the host country: ClusterXChange pays for visits to "
                       "another country only"),
                     name, country);

      if (email != NULL && context != NULL && context->other_visits != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (email, -1);
          const char *other = g_hash_table_lookup (context->other_visits, folded);

          if (other != NULL)
            add_problem (checker, VP_SEVERITY_WARNING, "cxc-repeat-visitor", NULL, participant, NULL,
                         _("%s (%s) is also a visitor in “%s”: ClusterXChange funds one visit per "
                           "visitor"),
                         name, email, other);
        }
    }
}

/* Weekdays of the programme with at least one session that is not a
 * transfer: the working days of the exchange.  With @agenda, only those
 * that participant attends. */
static guint
count_working_days (Checker *checker,
                    GArray  *agenda)
{
  g_autoptr(GHashTable) days = g_hash_table_new (NULL, NULL);
  guint n = agenda != NULL ? agenda->len : checker->sessions->len;

  for (guint i = 0; i < n; i++)
    {
      guint s = agenda != NULL ? g_array_index (agenda, guint, i) : i;
      VpSession *session = g_ptr_array_index (checker->sessions, s);
      GDate day;

      if (vp_session_get_kind (session) == VP_SESSION_KIND_TRANSFER)
        continue;

      local_date (checker, vp_session_get_start_utc (session), &day);
      if (is_weekday (&day) &&
          g_date_compare (&day, &checker->first_day) >= 0 &&
          g_date_compare (&day, &checker->last_day) <= 0)
        g_hash_table_add (days, GUINT_TO_POINTER (g_date_get_julian (&day)));
    }

  return g_hash_table_size (days);
}

/* Where the group goes: the site of its first visit that has a position. */
static VpHost *
main_host (Checker *checker)
{
  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);
      VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (session));

      if (host != NULL && vp_host_has_position (host) &&
          vp_session_get_kind (session) != VP_SESSION_KIND_TRANSFER)
        return host;
    }

  return NULL;
}

/* The distance from the visitors' origin to the host, or NAN. */
static double
origin_distance (Checker *checker)
{
  VpHost *host = main_host (checker);
  double latitude = vp_programme_get_origin_latitude (checker->programme);
  double longitude = vp_programme_get_origin_longitude (checker->programme);

  if (host == NULL || isnan (latitude) || isnan (longitude))
    return NAN;

  return vp_checks_distance_km (latitude, longitude,
                                vp_host_get_latitude (host), vp_host_get_longitude (host));
}

static void
check_programme (Checker *checker)
{
  g_autoptr(GDate) month_later = g_date_copy (&checker->first_day);
  guint working_days = count_working_days (checker, NULL);
  double km = origin_distance (checker);
  double lump_sum = vp_programme_get_lump_sum_eur (checker->programme);
  GDate day;

  for (day = checker->first_day; g_date_compare (&day, &checker->last_day) <= 0;
       g_date_add_days (&day, 1))
    {
      gboolean busy = FALSE;

      if (!is_weekday (&day))
        continue;

      for (guint s = 0; s < checker->sessions->len && !busy; s++)
        {
          GDate session_day;

          local_date (checker, vp_session_get_start_utc (g_ptr_array_index (checker->sessions, s)),
                      &session_day);
          busy = g_date_compare (&session_day, &day) == 0;
        }

      if (!busy)
        {
          g_autofree char *name = format_date (&day);

          add_problem (checker, VP_SEVERITY_INFO, "empty-day", NULL, NULL, NULL,
                       _("Nothing is planned on %s: plan something, or shorten the programme"),
                       name);
        }
    }

  if (working_days < MIN_WORKING_DAYS)
    add_problem (checker, VP_SEVERITY_ERROR, "cxc-too-short", NULL, NULL, NULL,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The exchange has %u working day (a weekday with a session that is not "
                              "a transfer); ClusterXChange needs at least %d",
                              "The exchange has %u working days (weekdays with a session that is not "
                              "a transfer); ClusterXChange needs at least %d",
                              working_days),
                 working_days, MIN_WORKING_DAYS);

  g_date_add_months (month_later, 1);
  if (g_date_compare (&checker->last_day, month_later) >= 0)
    add_problem (checker, VP_SEVERITY_ERROR, "cxc-too-long", NULL, NULL, NULL,
                 _("The programme runs from %s to %s, longer than one month, the most "
                   "ClusterXChange funds: end it before %04d-%02d-%02d"),
                 vp_programme_get_start_date (checker->programme),
                 vp_programme_get_end_date (checker->programme),
                 g_date_get_year (month_later), g_date_get_month (month_later),
                 g_date_get_day (month_later));

  if (working_days < FULL_LUMP_SUM_DAYS || (!isnan (km) && km < FULL_LUMP_SUM_KM))
    {
      g_autofree char *reason = working_days < FULL_LUMP_SUM_DAYS
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "the exchange has %u working day, fewer than %d",
                                        "the exchange has %u working days, fewer than %d",
                                        working_days),
                           working_days, FULL_LUMP_SUM_DAYS)
        : g_strdup_printf (_("the host is %.0f km from %s, less than %.0f km"),
                           km, vp_programme_get_origin_city (checker->programme)
                                 ? vp_programme_get_origin_city (checker->programme)
                                 : _("the visitors' origin"),
                           FULL_LUMP_SUM_KM);

      if (!isnan (lump_sum))
        add_problem (checker, VP_SEVERITY_INFO, "cxc-reduced-lump-sum", NULL, NULL, NULL,
                     _("The lump sum is halved to %.2f EUR per visitor (from %.2f EUR): %s"),
                     lump_sum / 2, lump_sum, reason);
      else
        add_problem (checker, VP_SEVERITY_INFO, "cxc-reduced-lump-sum", NULL, NULL, NULL,
                     _("The lump sum is halved: %s"), reason);
    }
}

static gint64
problem_start (Checker   *checker,
               VpProblem *problem)
{
  VpSession *session = problem->session != NULL
    ? vp_snapshot_lookup_session_by_uid (checker->snapshot, problem->session)
    : NULL;

  /* problems of the whole programme or of a person come first */
  return session != NULL ? vp_session_get_start_utc (session) : G_MININT64;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Checker *checker = user_data;
  gint64 start_a = problem_start (checker, *(VpProblem **)a);
  gint64 start_b = problem_start (checker, *(VpProblem **)b);

  return start_a < start_b ? -1 : start_a > start_b ? 1 : 0;
}

/* Errors, then warnings, then infos; within each, in the order of the
 * agenda (a stable sort keeps the rules' order for equal times). */
static GPtrArray *
collect (Checker *checker)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_problem_free);

  for (guint i = 0; i < G_N_ELEMENTS (checker->by_severity); i++)
    {
      g_ptr_array_sort_with_data (checker->by_severity[i], compare_problems, checker);
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&checker->by_severity[i]));
    }

  return problems;
}

GPtrArray *
vp_checks_run (VpSnapshot      *snapshot,
               VpChecksContext *context)
{
  g_auto(Checker) checker = { NULL, };

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  if (!checker_init (&checker, snapshot))
    return g_ptr_array_new_with_free_func ((GDestroyNotify)vp_problem_free);

  check_programme (&checker);
  check_sessions (&checker);
  check_overlaps (&checker);
  check_travel_time (&checker);
  check_participants (&checker, context);

  return collect (&checker);
}

GPtrArray *
vp_checks_budget (VpSnapshot *snapshot)
{
  g_auto(Checker) checker = { NULL, };
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_budget_line_free);
  double lump_sum;
  double km;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), lines);

  if (!checker_init (&checker, snapshot))
    return lines;

  lump_sum = vp_programme_get_lump_sum_eur (checker.programme);
  km = origin_distance (&checker);

  for (guint p = 0; p < checker.participants->len; p++)
    {
      VpParticipant *participant = g_ptr_array_index (checker.participants, p);
      VpBudgetLine *line = g_new0 (VpBudgetLine, 1);
      gboolean short_stay;
      gboolean near;

      line->participant = g_strdup (participant_key (participant));
      line->name = g_strdup (vp_participant_get_name (participant));
      line->working_days = count_working_days (&checker, g_ptr_array_index (checker.agendas, p));
      short_stay = line->working_days < FULL_LUMP_SUM_DAYS;
      near = !isnan (km) && km < FULL_LUMP_SUM_KM;
      line->halved = short_stay || near;
      line->amount_eur = isnan (lump_sum) ? NAN : line->halved ? lump_sum / 2 : lump_sum;

      if (short_stay)
        line->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "halved: %u working day, fewer than %d",
                                                     "halved: %u working days, fewer than %d",
                                                     line->working_days),
                                        line->working_days, FULL_LUMP_SUM_DAYS);
      else if (near)
        line->reason = g_strdup_printf (_("halved: the host is %.0f km from the origin, less than %.0f km"),
                                        km, FULL_LUMP_SUM_KM);
      else
        line->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "full: %u working day",
                                                     "full: %u working days",
                                                     line->working_days),
                                        line->working_days);

      g_ptr_array_add (lines, line);
    }

  return lines;
}

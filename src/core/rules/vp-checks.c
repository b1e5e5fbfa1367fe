/* vp-checks.c: every problem in a plan, and the ClusterXChange rules. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vp-checks.h"
#include "vp-core-resources.h"
#include "vp-cxc.h"
#include "vp-enum-types.h"
#include "vp-evidence.h"
#include "vp-time.h"

/* Our assumptions for travel in town (ClusterXChange's numbers are in
 * data/cxc-rules.json). */
#define TRAVEL_SPEED_KMH       40.0
#define TRAVEL_MARGIN_SECONDS  (15 * 60)
#define EARTH_RADIUS_KM        6371.0088
#define MAX_NAMES_IN_MESSAGE   5
#define MAX_TITLES_IN_MESSAGE  5
#define MAX_RANGES_IN_MESSAGE  5

G_DEFINE_BOXED_TYPE (VpProblem, vp_problem, vp_problem_copy, vp_problem_free)

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
  copy->organisation = g_strdup (problem->organisation);
  copy->sessions = g_strdupv (problem->sessions);

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
  g_free (problem->organisation);
  g_strfreev (problem->sessions);
  g_free (problem);
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
  gboolean      years;          /* the programme spans years: days are shown with theirs */
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

static VpProblem * G_GNUC_PRINTF (7, 8)
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
  return problem;
}

/* Lists every session of @indices (session indices, in time order) in
 * @problem when there are several. */
static void
problem_set_sessions (Checker   *checker,
                      VpProblem *problem,
                      GArray    *indices)
{
  if (indices->len < 2)
    return;

  problem->sessions = g_new (char *, indices->len + 1);
  for (guint i = 0; i < indices->len; i++)
    problem->sessions[i] = g_strdup (vp_session_get_uid (
      g_ptr_array_index (checker->sessions, g_array_index (indices, guint, i))));
  problem->sessions[indices->len] = NULL;
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
  return vp_document_format_date_time (local, C_("problem time", "%a %-d %b %H:%M"));
}

static char *
format_date (Checker     *checker,
             const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  if (checker->years)
    /* TRANSLATORS: a day in a problem found by the checks, in a programme
     * over more than one year; see g_date_time_format().
     * xgettext:no-c-format */
    return vp_document_format_date_time (time, C_("problem day", "%a %-d %b %Y"));

  /* TRANSLATORS: a day in a problem found by the checks; see
   * g_date_time_format().  xgettext:no-c-format */
  return vp_document_format_date_time (time, C_("problem day", "%a %-d %b"));
}

/* “Tue 11 May”, or “Tue 11 May to Thu 13 May” for a range of days. */
static char *
format_days (Checker *checker,
             guint32  first,
             guint32  last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  from = format_date (checker, &date);
  if (first == last)
    return g_steal_pointer (&from);

  g_date_set_julian (&date, last);
  to = format_date (checker, &date);
  /* TRANSLATORS: a range of days in a problem found by the checks, like
   * “Tue 11 May to Thu 13 May” */
  return g_strdup_printf (_("%s to %s"), from, to);
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

/* The end of a capped list: “ and 3 more” (nothing when all are shown). */
static void
append_more (GString *text,
             guint    more)
{
  if (more == 0)
    return;

  g_string_append (text, " ");
  /* TRANSLATORS: ends a list of session titles or days that names only
   * the first few */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                          more);
}

/* “Opening”, “Lab tour” and 5990 more: the first titles of @indices
 * (session indices). */
static char *
join_titles (Checker *checker,
             GArray  *indices)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  guint shown = MIN (indices->len, MAX_TITLES_IN_MESSAGE);

  for (guint i = 0; i < shown; i++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, g_array_index (indices, guint, i));

      if (i > 0)
        g_string_append (titles, ", ");
      /* TRANSLATORS: a session's title in a list of them */
      g_string_append_printf (titles, _("“%s”"), vp_session_get_title (session));
    }
  append_more (titles, indices->len - shown);

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* A list of whole numbers (indices) as a hash table key. */
static guint
indices_hash (gconstpointer key)
{
  const GArray *indices = key;
  guint hash = indices->len;

  for (guint i = 0; i < indices->len; i++)
    hash = hash * 31 + g_array_index (indices, guint, i);

  return hash;
}

static gboolean
indices_equal (gconstpointer a,
               gconstpointer b)
{
  const GArray *first = a;
  const GArray *second = b;

  return first->len == second->len &&
         memcmp (first->data, second->data, first->len * sizeof (guint)) == 0;
}

/* Sessions that have something in common (a clash, a tight change of site)
 * and the people it concerns: one problem for all of them. */
typedef struct
{
  GArray    *key;
  GArray    *sessions;      /* session indices, in time order */
  GArray    *participants;  /* participant indices */
  GPtrArray *items;         /* what each check keeps of it, or NULL */
} Group;

static void
group_free (Group *group)
{
  g_array_unref (group->key);
  g_array_unref (group->sessions);
  g_array_unref (group->participants);
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

/* Groups by their key (a list of indices), in the order they were made. */
typedef struct
{
  GHashTable *by_key;
  GPtrArray  *order;
} Groups;

static void
groups_init (Groups *groups)
{
  groups->by_key = g_hash_table_new (indices_hash, indices_equal);
  groups->order = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
}

static void
groups_clear (Groups *groups)
{
  g_clear_pointer (&groups->by_key, g_hash_table_unref);
  g_clear_pointer (&groups->order, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Groups, groups_clear)

/* The group with @key, made when there is none; takes @key. */
static Group *
groups_lookup (Groups *groups,
               GArray *key)
{
  Group *group = g_hash_table_lookup (groups->by_key, key);

  if (group != NULL)
    {
      g_array_unref (key);
      return group;
    }

  group = g_new0 (Group, 1);
  group->key = key;
  group->sessions = g_array_new (FALSE, FALSE, sizeof (guint));
  group->participants = g_array_new (FALSE, FALSE, sizeof (guint));
  g_hash_table_insert (groups->by_key, key, group);
  g_ptr_array_add (groups->order, group);
  return group;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint first = *(const guint *)a;
  guint second = *(const guint *)b;

  return first < second ? -1 : first > second ? 1 : 0;
}

/* Sorts @indices and drops repeats. */
static void
sort_unique (GArray *indices)
{
  guint kept = 0;

  g_array_sort (indices, compare_indices);
  for (guint i = 0; i < indices->len; i++)
    if (kept == 0 || g_array_index (indices, guint, i) != g_array_index (indices, guint, kept - 1))
      g_array_index (indices, guint, kept++) = g_array_index (indices, guint, i);
  g_array_set_size (indices, kept);
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
                              g_dngettext (GETTEXT_PACKAGE, "and %u other", "and %u others",
                                           others),
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
      !vp_date_parse (vp_programme_get_start_date (checker->programme), &checker->first_day,
                      NULL) ||
      !vp_date_parse (vp_programme_get_end_date (checker->programme), &checker->last_day, NULL))
    return FALSE;
  checker->years = g_date_get_year (&checker->first_day) != g_date_get_year (&checker->last_day);

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

      g_hash_table_insert (checker->participant_index,
                           (gpointer)vp_participant_get_ref (participant),
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

/* The checks {{{1 */

/* Sessions that overlap, a run at a time: from a session, every later one
 * that starts before all before it have ended.  @indices are session
 * indices in time order; calls @found with each run of two or more. */
typedef void (*RunFunc) (Checker *checker,
                         GArray  *run,
                         gpointer user_data);

static void
find_overlapping_runs (Checker *checker,
                       GArray  *indices,
                       RunFunc  found,
                       gpointer user_data)
{
  guint i = 0;

  while (i < indices->len)
    {
      VpSession *first = g_ptr_array_index (checker->sessions, g_array_index (indices, guint, i));
      gint64 end = vp_session_get_end_utc (first);
      guint j = i + 1;

      for (; j < indices->len; j++)
        {
          VpSession *session = g_ptr_array_index (checker->sessions,
                                                  g_array_index (indices, guint, j));

          if (vp_session_get_start_utc (session) >= end)
            break;
          end = MAX (end, vp_session_get_end_utc (session));
        }

      if (j - i >= 2)
        {
          g_autoptr(GArray) run = g_array_sized_new (FALSE, FALSE, sizeof (guint), j - i);

          g_array_append_vals (run, &g_array_index (indices, guint, i), j - i);
          found (checker, run, user_data);
        }
      i = j;
    }
}

typedef struct
{
  Groups *groups;
  guint   participant;
} ClashData;

static void
add_clash (Checker *checker,
           GArray  *run,
           gpointer user_data)
{
  ClashData *data = user_data;
  Group *group = groups_lookup (data->groups, g_array_ref (run));

  if (group->sessions->len == 0)
    g_array_append_vals (group->sessions, run->data, run->len);
  g_array_append_val (group->participants, data->participant);
}

/* A participant in sessions that overlap: one problem for each run of
 * them, naming everyone booked in exactly that run; the work is linear in
 * the attendances, whatever the number of pairs. */
static void
check_participant_overlaps (Checker *checker)
{
  g_auto(Groups) groups = { NULL, };

  groups_init (&groups);
  for (guint p = 0; p < checker->agendas->len; p++)
    {
      ClashData data = { &groups, p };

      find_overlapping_runs (checker, g_ptr_array_index (checker->agendas, p), add_clash, &data);
    }

  for (guint g = 0; g < groups.order->len; g++)
    {
      Group *group = g_ptr_array_index (groups.order, g);
      g_autofree char *names = join_names (checker, group->participants);
      VpParticipant *first = g_ptr_array_index (checker->participants,
                                                g_array_index (group->participants, guint, 0));
      GArray *run = group->sessions;
      VpSession *a = g_ptr_array_index (checker->sessions, g_array_index (run, guint, 0));
      VpSession *b = g_ptr_array_index (checker->sessions, g_array_index (run, guint, 1));
      VpProblem *problem;

      if (group->sessions->len == 2)
        {
          g_autofree char *when = format_instant (checker, vp_session_get_start_utc (b));

          problem = add_problem (checker, VP_SEVERITY_ERROR, "participant-double-booked", a, first,
                                 NULL,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” and “%s” overlap (%s), and %s attends both: "
                                              "move one of them or change who attends",
                                              "“%s” and “%s” overlap (%s), and %s attend both: "
                                              "move one of them or change who attends",
                                              group->participants->len),
                                 vp_session_get_title (a), vp_session_get_title (b), when, names);
        }
      else
        {
          g_autofree char *when = format_instant (checker, vp_session_get_start_utc (a));
          g_autofree char *titles = join_titles (checker, group->sessions);

          problem = add_problem (checker, VP_SEVERITY_ERROR, "participant-double-booked", a, first,
                                 NULL,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "%s is booked in %u sessions that overlap, from %s: "
                                              "%s: move them apart or change who attends",
                                              "%s are booked in %u sessions that overlap, from %s: "
                                              "%s: move them apart or change who attends",
                                              group->participants->len),
                                 names, group->sessions->len, when, titles);
        }
      problem_set_sessions (checker, problem, group->sessions);
    }
}

static void
add_host_clash (Checker *checker,
                GArray  *run,
                gpointer user_data)
{
  VpSession *a = g_ptr_array_index (checker->sessions, g_array_index (run, guint, 0));
  VpSession *b = g_ptr_array_index (checker->sessions, g_array_index (run, guint, 1));
  VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (a));
  VpProblem *problem;

  if (run->len == 2)
    {
      g_autofree char *when = format_instant (checker, vp_session_get_start_utc (b));

      problem = add_problem (checker, VP_SEVERITY_WARNING, "host-double-booked", a, NULL, host,
                             _("%s receives “%s” and “%s” at the same time (%s): make sure the "
                               "site can, or move one of them"),
                             vp_host_get_name (host), vp_session_get_title (a),
                             vp_session_get_title (b), when);
    }
  else
    {
      g_autofree char *when = format_instant (checker, vp_session_get_start_utc (a));
      g_autofree char *titles = join_titles (checker, run);

      problem = add_problem (checker, VP_SEVERITY_WARNING, "host-double-booked", a, NULL, host,
                             _("%s receives %u sessions that overlap, from %s: %s: make sure the "
                               "site can, or move some of them"),
                             vp_host_get_name (host), run->len, when, titles);
    }
  problem_set_sessions (checker, problem, run);
}

/* A site receiving sessions that overlap: one problem for each run of them. */
static void
check_host_overlaps (Checker *checker)
{
  g_autoptr(GHashTable) by_host = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) agendas = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);
      const char *ref = vp_session_get_host_ref (session);
      GArray *agenda;

      if (vp_snapshot_lookup_host (checker->snapshot, ref) == NULL)
        continue;

      agenda = g_hash_table_lookup (by_host, ref);
      if (agenda == NULL)
        {
          agenda = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_host, (gpointer)ref, agenda);
          g_ptr_array_add (agendas, agenda);
        }
      g_array_append_val (agenda, s);
    }

  for (guint h = 0; h < agendas->len; h++)
    find_overlapping_runs (checker, g_ptr_array_index (agendas, h), add_host_clash, NULL);
}

static void
check_overlaps (Checker *checker)
{
  check_participant_overlaps (checker);
  check_host_overlaps (checker);
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

/* Consecutive sessions at sites too far apart for the time between them:
 * one problem for each day and the people it concerns. */
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
          VpHost *host =
            vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (session));

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
              double km =
                vp_checks_distance_km (vp_host_get_latitude (site), vp_host_get_longitude (site),
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

  /* One problem for each day and the people it concerns: one list of tight
   * changes of site, not one problem for each. */
  {
    g_auto(Groups) groups = { NULL, };

    groups_init (&groups);
    for (guint i = 0; i < order->len; i++)
      {
        TravelGap *entry = g_ptr_array_index (order, i);
        VpSession *after = g_ptr_array_index (checker->sessions, entry->to);
        GArray *key = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                         entry->participants->len + 1);
        Group *group;
        GDate day;
        guint julian;

        local_date (checker, vp_session_get_start_utc (after), &day);
        julian = g_date_get_julian (&day);
        g_array_append_val (key, julian);
        g_array_append_vals (key, entry->participants->data, entry->participants->len);
        group = groups_lookup (&groups, key);
        if (group->items == NULL)
          {
            group->items = g_ptr_array_new ();
            g_array_append_vals (group->participants, entry->participants->data,
                                 entry->participants->len);
          }
        g_ptr_array_add (group->items, entry);
        g_array_append_val (group->sessions, entry->to);
      }

    for (guint g = 0; g < groups.order->len; g++)
      {
        Group *group = g_ptr_array_index (groups.order, g);
        TravelGap *entry = g_ptr_array_index (group->items, 0);
        VpSession *before = g_ptr_array_index (checker->sessions, entry->from);
        VpSession *after = g_ptr_array_index (checker->sessions, entry->to);
        VpHost *site = vp_snapshot_lookup_host (checker->snapshot,
                                                vp_session_get_host_ref (before));
        VpHost *host = vp_snapshot_lookup_host (checker->snapshot,
                                                vp_session_get_host_ref (after));
        VpParticipant *first = g_ptr_array_index (checker->participants,
                                                  g_array_index (group->participants, guint, 0));
        g_autofree char *names = join_names (checker, group->participants);
        VpProblem *problem;

        if (group->items->len == 1)
          {
            double km = vp_checks_distance_km (vp_host_get_latitude (site),
                                               vp_host_get_longitude (site),
                                               vp_host_get_latitude (host),
                                               vp_host_get_longitude (host));
            gint64 needed = (gint64)ceil (km / TRAVEL_SPEED_KMH * 3600.0) + TRAVEL_MARGIN_SECONDS;
            gint64 gap = vp_session_get_start_utc (after) - vp_session_get_end_utc (before);

            problem = add_problem (checker, VP_SEVERITY_WARNING, "travel-time", after, first, host,
                                   _("Only %d min between “%s” at %s and “%s” at %s, %.1f km "
                                     "apart: allow at least %d min (%s)"),
                                   (int)(gap / 60), vp_session_get_title (before),
                                   vp_host_get_name (site), vp_session_get_title (after),
                                   vp_host_get_name (host), km, (int)((needed + 59) / 60), names);
          }
        else
          {
            g_autoptr(GString) changes = g_string_new (NULL);
            guint shown = MIN (group->items->len, MAX_TITLES_IN_MESSAGE);
            g_autofree char *when = format_instant (checker, vp_session_get_start_utc (after));

            for (guint i = 0; i < shown; i++)
              {
                TravelGap *item = g_ptr_array_index (group->items, i);

                if (i > 0)
                  g_string_append (changes, ", ");
                /* TRANSLATORS: one change of site in a list of them: from
                 * a session to the next */
                g_string_append_printf (changes, _("“%s” to “%s”"),
                                        vp_session_get_title (g_ptr_array_index (checker->sessions,
                                                                                 item->from)),
                                        vp_session_get_title (g_ptr_array_index (checker->sessions,
                                                                                 item->to)));
              }
            append_more (changes, group->items->len - shown);

            problem = add_problem (checker, VP_SEVERITY_WARNING, "travel-time", after, first, host,
                                   _("%u changes of site from %s on leave too little time to "
                                     "travel between the sites (%s): %s: allow more time between "
                                     "those sessions"),
                                   group->items->len, when, names, changes->str);
          }
        sort_unique (group->sessions);
        problem_set_sessions (checker, problem, group->sessions);
      }
  }
}

/* Sessions with a time in the hour that happens twice on one day in one
 * zone. */
typedef struct
{
  char   *zone;
  char   *time;       /* the first such time, as written */
  GArray *sessions;   /* session indices, in time order */
} RepeatedHour;

static void
repeated_hour_free (RepeatedHour *hour)
{
  g_free (hour->zone);
  g_free (hour->time);
  g_array_unref (hour->sessions);
  g_free (hour);
}

/* One problem for @indices (session indices, in time order) outside the
 * programme's days: starting before its first day when @before, else
 * ending after its last. */
static void
add_outside_programme (Checker    *checker,
                       GArray     *indices,
                       gboolean    before)
{
  VpSession *first = g_ptr_array_index (checker->sessions, g_array_index (indices, guint, 0));
  VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (first));
  g_autofree char *titles = NULL;
  VpProblem *problem;

  if (indices->len == 1)
    {
      g_autofree char *when = format_instant (checker, before ? vp_session_get_start_utc (first)
                                                              : vp_session_get_end_utc (first));

      if (before)
        add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", first, NULL, host,
                     _("“%s” starts on %s, before the programme's first day %s: move it, or "
                       "change the programme's dates"),
                     vp_session_get_title (first), when,
                     vp_programme_get_start_date (checker->programme));
      else
        add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", first, NULL, host,
                     _("“%s” ends on %s, after the programme's last day %s: move it, or "
                       "change the programme's dates"),
                     vp_session_get_title (first), when,
                     vp_programme_get_end_date (checker->programme));
      return;
    }

  titles = join_titles (checker, indices);
  if (before)
    problem = add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", first, NULL, NULL,
                           _("%u sessions start before the programme's first day %s: %s: move "
                             "them, or change the programme's dates"),
                           indices->len, vp_programme_get_start_date (checker->programme), titles);
  else
    problem = add_problem (checker, VP_SEVERITY_ERROR, "outside-programme", first, NULL, NULL,
                           _("%u sessions end after the programme's last day %s: %s: move them, "
                             "or change the programme's dates"),
                           indices->len, vp_programme_get_end_date (checker->programme), titles);
  problem_set_sessions (checker, problem, indices);
}

/* Each session's own problems; those of one kind about one site, one day
 * or one repeated hour are one problem. */
static void
check_sessions (Checker *checker)
{
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) crowded = g_hash_table_new (NULL, NULL);   /* host → GArray */
  g_autoptr(GPtrArray) crowded_order = g_ptr_array_new ();
  g_autoptr(GHashTable) repeated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)repeated_hour_free);
  g_autoptr(GPtrArray) repeated_order = g_ptr_array_new ();
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
        g_array_append_val (before, s);
      else
        {
          local_date (checker, vp_session_get_end_utc (session) - 1, &day);
          if (g_date_compare (&day, &checker->last_day) > 0)
            g_array_append_val (after, s);
        }

      if (capacity > 0 && attendees > (guint)capacity)
        add_problem (checker, VP_SEVERITY_ERROR, "over-capacity", session, NULL, host,
                     _("%u people attend “%s”, which takes %d: raise its capacity or take "
                       "people off it"),
                     attendees, vp_session_get_title (session), capacity);

      if (host != NULL && vp_host_get_max_group_size (host) > 0 &&
          attendees > (guint)vp_host_get_max_group_size (host))
        {
          GArray *list = g_hash_table_lookup (crowded, host);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (crowded, host, list);
              g_ptr_array_add (crowded_order, host);
            }
          g_array_append_val (list, s);
        }

      zones[0] = vp_session_get_timezone (session) ? vp_session_get_timezone (session)
                                                   : vp_programme_get_timezone (checker->programme);
      zones[1] =
        vp_session_get_end_timezone (session) ? vp_session_get_end_timezone (session) : zones[0];
      times[0] = vp_session_get_start (session);
      times[1] = vp_session_get_end (session);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GTimeZone) zone = vp_time_zone_new (zones[i], NULL);
          VpLocalTime time;

          if (zone != NULL && vp_local_time_parse (times[i], &time, NULL) &&
              vp_local_time_resolve (&time, zone, NULL, NULL) == VP_LOCAL_TIME_AMBIGUOUS)
            {
              g_autofree char *key = g_strdup_printf ("%s %04d-%02d-%02d", zones[i], time.year,
                                                      time.month, time.day);
              RepeatedHour *hour = g_hash_table_lookup (repeated, key);

              if (hour == NULL)
                {
                  hour = g_new0 (RepeatedHour, 1);
                  hour->zone = g_strdup (zones[i]);
                  hour->time = g_strdup (times[i]);
                  hour->sessions = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (repeated, g_steal_pointer (&key), hour);
                  g_ptr_array_add (repeated_order, hour);
                }
              g_array_append_val (hour->sessions, s);
              break;
            }
        }
    }

  if (before->len > 0)
    add_outside_programme (checker, before, TRUE);
  if (after->len > 0)
    add_outside_programme (checker, after, FALSE);

  for (guint h = 0; h < crowded_order->len; h++)
    {
      VpHost *host = g_ptr_array_index (crowded_order, h);
      GArray *list = g_hash_table_lookup (crowded, host);
      VpSession *first = g_ptr_array_index (checker->sessions, g_array_index (list, guint, 0));
      g_autofree char *titles = NULL;
      VpProblem *problem;

      if (list->len == 1)
        {
          add_problem (checker, VP_SEVERITY_ERROR, "over-capacity", first, NULL, host,
                       _("%u people attend “%s”, but %s admits groups of at most %d: split the "
                         "group into two sessions"),
                       vp_snapshot_count_attendees (checker->snapshot, first),
                       vp_session_get_title (first), vp_host_get_name (host),
                       vp_host_get_max_group_size (host));
          g_array_unref (list);
          continue;
        }

      titles = join_titles (checker, list);
      problem = add_problem (checker, VP_SEVERITY_ERROR, "over-capacity", first, NULL, host,
                             _("%u sessions at %s have more people than the groups of at most %d "
                               "it admits: %s: split the groups"),
                             list->len, vp_host_get_name (host), vp_host_get_max_group_size (host),
                             titles);
      problem_set_sessions (checker, problem, list);
      g_array_unref (list);
    }

  for (guint h = 0; h < repeated_order->len; h++)
    {
      RepeatedHour *hour = g_ptr_array_index (repeated_order, h);
      VpSession *first = g_ptr_array_index (checker->sessions,
                                            g_array_index (hour->sessions, guint, 0));
      VpHost *host = vp_snapshot_lookup_host (checker->snapshot, vp_session_get_host_ref (first));
      g_autofree char *titles = NULL;
      VpProblem *problem;

      if (hour->sessions->len == 1)
        {
          add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", first, NULL, host,
                       _("%s in %s happens twice, when the clocks go back: “%s” is planned "
                         "for the first time; say so to the group, or move it out of that hour"),
                       hour->time, hour->zone, vp_session_get_title (first));
          continue;
        }

      titles = join_titles (checker, hour->sessions);
      problem = add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", first, NULL,
                             NULL,
                             _("%s in %s happens twice, when the clocks go back, and so does the "
                               "rest of that hour: %u sessions start or end in it (%s), planned "
                               "for its first time; say so to the group, or move them out of "
                               "that hour"),
                             hour->time, hour->zone, hour->sessions->len, titles);
      problem_set_sessions (checker, problem, hour->sessions);
    }
}

/* The leg that brings @participant and the one that takes them home; either
 * may be NULL (vp_cxc_find_legs(), the one definition the rules share). */
static void
find_legs (Checker        *checker,
           VpParticipant  *participant,
           VpTravelLeg   **arrival,
           VpTravelLeg   **departure)
{
  vp_cxc_find_legs (participant, checker->zone, &checker->first_day, &checker->last_day,
                    arrival, departure);
}

/* Departures and arrivals in the hour repeated when clocks go back: one
 * problem for each participant. */
static void
check_travel_times (Checker       *checker,
                    VpParticipant *participant)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  const char *programme_zone = vp_programme_get_timezone (checker->programme);
  g_autoptr(GString) times = g_string_new (NULL);
  const char *first_time = NULL;
  const char *first_zone = NULL;
  guint n_times = 0;

  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);
      const char *leg_times[2] = { leg->depart, leg->arrive };
      const char *zones[2] = {
        leg->depart_timezone ? leg->depart_timezone : programme_zone,
        leg->arrive_timezone ? leg->arrive_timezone : programme_zone,
      };

      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(GTimeZone) zone = vp_time_zone_new (zones[j], NULL);
          VpLocalTime time;

          if (zone != NULL && leg_times[j] != NULL &&
              vp_local_time_parse (leg_times[j], &time, NULL) &&
              vp_local_time_resolve (&time, zone, NULL, NULL) == VP_LOCAL_TIME_AMBIGUOUS)
            {
              if (n_times == 0)
                {
                  first_time = leg_times[j];
                  first_zone = zones[j];
                }
              if (n_times < MAX_TITLES_IN_MESSAGE)
                {
                  if (n_times > 0)
                    g_string_append (times, ", ");
                  /* TRANSLATORS: a local time and its zone in a list of them */
                  g_string_append_printf (times, _("%s in %s"), leg_times[j], zones[j]);
                }
              n_times++;
              break;
            }
        }
    }

  if (n_times == 1)
    add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", NULL, participant, NULL,
                 _("%s in %s happens twice, when the clocks go back: %s's journey is "
                   "taken to be at the first; check the ticket"),
                 first_time, first_zone, vp_participant_get_name (participant));
  else if (n_times > 1)
    {
      append_more (times, n_times - MIN (n_times, MAX_TITLES_IN_MESSAGE));
      add_problem (checker, VP_SEVERITY_WARNING, "ambiguous-local-time", NULL, participant, NULL,
                   _("%u times of %s's journeys happen twice, when the clocks go back: %s; each "
                     "is taken to be at the first; check the tickets"),
                   n_times, vp_participant_get_name (participant), times->str);
    }
}

/* A stay as julian days: the first night and the day after the last. */
typedef struct
{
  guint32 from;
  guint32 to;
} Nights;

static int
compare_nights (gconstpointer a,
                gconstpointer b)
{
  const Nights *first = a;
  const Nights *second = b;

  return first->from < second->from ? -1 : first->from > second->from ? 1 : 0;
}

/* The nights of the programme (the night after each day but the last)
 * from @from to before @to (julian days) that no stay of @stays covers, as
 * ranges: “Tue 11 May to Thu 13 May”; returns how many nights. */
static guint
uncovered_nights (Checker   *checker,
                  GPtrArray *stays,
                  guint32    from,
                  guint32    to,
                  GString   *ranges)
{
  g_autoptr(GArray) covered = g_array_sized_new (FALSE, FALSE, sizeof (Nights), stays->len);
  guint32 night = from;
  guint n_nights = 0;
  guint n_ranges = 0;

  for (guint i = 0; i < stays->len; i++)
    {
      VpStay *stay = g_ptr_array_index (stays, i);
      GDate check_in;
      GDate check_out;

      if (vp_date_parse (stay->check_in, &check_in, NULL) &&
          vp_date_parse (stay->check_out, &check_out, NULL) &&
          g_date_compare (&check_in, &check_out) < 0)
        {
          Nights nights = { g_date_get_julian (&check_in), g_date_get_julian (&check_out) };

          g_array_append_val (covered, nights);
        }
    }
  g_array_sort (covered, compare_nights);

  /* Walks the stays in order; each gap before one, and after the last, is
   * a range of nights without a hotel. */
  for (guint i = 0; i <= covered->len && night < to; i++)
    {
      guint32 gap_end = i < covered->len ? MIN (g_array_index (covered, Nights, i).from, to) : to;

      if (night < gap_end)
        {
          if (n_ranges < MAX_RANGES_IN_MESSAGE)
            {
              g_autofree char *range = format_days (checker, night, gap_end - 1);

              if (ranges->len > 0)
                g_string_append (ranges, ", ");
              g_string_append (ranges, range);
            }
          n_ranges++;
          n_nights += gap_end - night;
        }
      if (i < covered->len)
        night = MAX (night, g_array_index (covered, Nights, i).to);
    }
  append_more (ranges, n_ranges - MIN (n_ranges, MAX_RANGES_IN_MESSAGE));

  return n_nights;
}

static void
check_participants (Checker         *checker,
                    VpChecksContext *context)
{
  for (guint p = 0; p < checker->participants->len; p++)
    {
      VpParticipant *participant = g_ptr_array_index (checker->participants, p);
      GArray *agenda = g_ptr_array_index (checker->agendas, p);
      GPtrArray *stays = vp_participant_get_accommodation (participant);
      const char *name = vp_participant_get_name (participant);
      const char *email = vp_participant_get_email (participant);
      VpTravelLeg *arrival;
      VpTravelLeg *departure;
      g_autoptr(GString) nights = g_string_new (NULL);
      guint n_nights = 0;
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
              VpSession *session =
                g_ptr_array_index (checker->sessions, g_array_index (agenda, guint, i));

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
                                        "before arrival): book an earlier journey or take them "
                                        "off it",
                                        "%s arrives on %s but attends “%s” from %s (%u sessions "
                                        "before arrival): book an earlier journey or take them "
                                        "off them",
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
              VpSession *session =
                g_ptr_array_index (checker->sessions, g_array_index (agenda, guint, i));

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
                                        "%s leaves on %s but attends “%s”, which ends later "
                                        "(%u session after departure): book a later journey or "
                                        "take them off it",
                                        "%s leaves on %s but attends “%s”, which ends later "
                                        "(%u sessions after departure): book a later journey or "
                                        "take them off them",
                                        late),
                           name, leaves, vp_session_get_title (last), late);
            }
        }

      /* Nights of the programme (the night after each day but the last)
       * while the participant is there, each covered by a stay. */
      {
        guint32 from = g_date_get_julian (&checker->first_day);
        guint32 to = g_date_get_julian (&checker->last_day);

        if (arrival != NULL)
          {
            local_date (checker, arrival->arrive_utc, &arrival_day);
            from = MAX (from, g_date_get_julian (&arrival_day));
          }
        if (departure != NULL)
          {
            local_date (checker, departure->depart_utc, &departure_day);
            to = MIN (to, g_date_get_julian (&departure_day));
          }
        if (from < to)
          n_nights = uncovered_nights (checker, stays, from, to, nights);
      }

      if (n_nights > 0)
        add_problem (checker, VP_SEVERITY_WARNING, "no-accommodation", NULL, participant, NULL,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s has no hotel for the night after %s: add a stay",
                                  "%s has no hotel for the nights after %s: add stays",
                                  n_nights),
                     name, nights->str);

      if (email != NULL && context != NULL && context->other_visits != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (email, -1);
          const char *other = g_hash_table_lookup (context->other_visits, folded);

          if (other != NULL)
            add_problem (checker, VP_SEVERITY_WARNING, "cxc-repeat-visitor",
                         NULL, participant, NULL,
                         _("%s (%s) is also a visitor in “%s”: ClusterXChange funds one visit per "
                           "visitor"),
                         name, email, other);
        }
    }
}

/* The weekdays from @first to @last (julian days, none of them with a
 * session) as one problem: the first and the last weekday of them. */
static void
add_empty_days (Checker *checker,
                guint32  first,
                guint32  last)
{
  g_autofree char *days = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  while (first <= last && !is_weekday (&date))
    {
      first++;
      g_date_add_days (&date, 1);
    }
  g_date_set_julian (&date, last);
  while (last >= first && !is_weekday (&date))
    {
      last--;
      g_date_subtract_days (&date, 1);
    }
  if (first > last)
    return;

  days = format_days (checker, first, last);
  if (first == last)
    add_problem (checker, VP_SEVERITY_INFO, "empty-day", NULL, NULL, NULL,
                 _("Nothing is planned on %s: plan something, or shorten the programme"), days);
  else
    add_problem (checker, VP_SEVERITY_INFO, "empty-day", NULL, NULL, NULL,
                 _("Nothing is planned from %s: plan something, or shorten the programme"), days);
}

static void
check_programme (Checker *checker)
{
  g_autoptr(GArray) busy = g_array_sized_new (FALSE, FALSE, sizeof (guint32),
                                              checker->sessions->len);
  guint32 next = g_date_get_julian (&checker->first_day);
  guint32 last = g_date_get_julian (&checker->last_day);
  GDate day;

  /* The days with a session, in order: the weekdays between them are
   * empty, a range at a time, whatever the length of the programme. */
  for (guint s = 0; s < checker->sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (checker->sessions, s);

      local_date (checker, vp_session_get_start_utc (session), &day);
      g_array_append_val (busy, (guint32) { g_date_get_julian (&day) });
    }
  g_array_sort (busy, compare_indices);

  for (guint i = 0; i <= busy->len && next <= last; i++)
    {
      guint32 gap_end = i < busy->len ? MIN (g_array_index (busy, guint32, i), last + 1) : last + 1;

      if (next < gap_end)
        add_empty_days (checker, next, gap_end - 1);
      if (i < busy->len)
        next = MAX (next, g_array_index (busy, guint32, i) + 1);
    }
}

/* The ClusterXChange rules, per visiting organisation {{{1 */

/* A problem of the visiting organisation of @visit (its name in the
 * problem's organisation member); takes @message. */
static VpProblem *
add_organisation_problem (Checker    *checker,
                          VpSeverity  severity,
                          const char *code,
                          VpCxcVisit *visit,
                          VpHost     *host,
                          char       *message)
{
  VpProblem *problem = add_problem (checker, severity, code, NULL, NULL, host, "%s", message);

  problem->organisation = g_strdup (vp_organisation_get_name (visit->organisation));
  g_free (message);
  return problem;
}

static void
check_organisation (Checker          *checker,
                    VpCxc            *cxc,
                    VpCxcVisit       *visit)
{
  const VpCxcRules *rules = cxc->rules;
  VpOrganisation *organisation = visit->organisation;
  const char *name = vp_organisation_get_name (organisation);
  const char *country = vp_organisation_get_country (organisation);
  const char *host_name = visit->host != NULL ? vp_host_get_name (visit->host) : _("the host");

  if (visit->reasons & VP_CXC_REASON_TOO_SHORT)
    add_organisation_problem (checker, VP_SEVERITY_ERROR, "cxc-too-short", visit, NULL,
                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s has %u working day (a weekday "
                                                            "on which its people attend a "
                                                            "session that is not a transfer, "
                                                            "their arrival and departure days "
                                                            "apart); ClusterXChange needs at "
                                                            "least %u: lengthen its stay",
                                                            "%s has %u working days (weekdays "
                                                            "on which its people attend a "
                                                            "session that is not a transfer, "
                                                            "their arrival and departure days "
                                                            "apart); ClusterXChange needs at "
                                                            "least %u: lengthen its stay",
                                                            visit->working_days),
                                               name, visit->working_days,
                                               rules->min_working_days));

  if (visit->reasons & VP_CXC_REASON_TOO_LONG)
    {
      g_autofree char *first = vp_date_format (&visit->first_day);
      g_autofree char *last = vp_date_format (&visit->last_day);
      GDate limit = visit->first_day;
      g_autofree char *before = NULL;

      g_date_add_months (&limit, rules->max_months);
      before = vp_date_format (&limit);
      add_organisation_problem (checker, VP_SEVERITY_ERROR, "cxc-too-long", visit, NULL,
                                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s stays from %s to %s, longer "
                                                              "than %u month, the most "
                                                              "ClusterXChange funds: end its "
                                                              "stay before %s",
                                                              "%s stays from %s to %s, longer "
                                                              "than %u months, the most "
                                                              "ClusterXChange funds: end its "
                                                              "stay before %s",
                                                              rules->max_months),
                                                 name, first, last, rules->max_months, before));
    }

  if (visit->repeat != NULL)
    add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-repeat-organisation", visit,
                              NULL,
                              g_strdup_printf (_("%s is also a visiting organisation in “%s” "
                                                 "(from %s): ClusterXChange funds one exchange "
                                                 "per organisation"),
                                               name,
                                               visit->repeat->programme_title
                                                 ? visit->repeat->programme_title : "",
                                               visit->repeat->first_day
                                                 ? visit->repeat->first_day : ""));

  if (country != NULL && !vp_checks_country_eligible (country))
    add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-ineligible-country", visit,
                              NULL,
                              g_strdup_printf (_("%s is registered in %s, which does not take "
                                                 "part in the EU programme that funds "
                                                 "ClusterXChange: check its eligibility, or "
                                                 "correct its country"),
                                               name, country));
  else if (country != NULL && visit->host_country != NULL &&
           g_ascii_strcasecmp (country, visit->host_country) == 0)
    add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-same-country", visit, NULL,
                              g_strdup_printf (_("%s is registered in %s, the host country: "
                                                 "ClusterXChange pays for visits to another "
                                                 "country only"),
                                               name, country));

  if (visit->reasons & VP_CXC_REASON_INELIGIBLE_KIND)
    add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-ineligible-kind", visit, NULL,
                              g_strdup_printf (_("%s is of the kind “%s”: ClusterXChange "
                                                 "funds cluster organisations, SMEs and "
                                                 "support organisations: check its kind"),
                                               name,
                                               vp_enum_to_nick (VP_TYPE_ORGANISATION_KIND,
                                                                vp_organisation_get_kind (
                                                                  organisation))));

  if ((visit->reasons & VP_CXC_REASONS_NOTHING) != 0)
    return;

  if (visit->reasons & VP_CXC_REASON_SHORT_STAY)
    {
      g_autofree char *why =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u working day, fewer than %u",
                                      "%u working days, fewer than %u",
                                      visit->working_days),
                         visit->working_days, rules->halved_below_working_days);

      if (!isnan (visit->amount_eur))
        add_organisation_problem (checker, VP_SEVERITY_INFO, "cxc-reduced-lump-sum", visit, NULL,
                                  g_strdup_printf (_("The lump sum of %s is halved to %.2f %s "
                                                     "(from %.2f %s): %s"),
                                                   name, visit->amount_eur, rules->currency,
                                                   visit->full_amount_eur, rules->currency, why));
      else
        add_organisation_problem (checker, VP_SEVERITY_INFO, "cxc-reduced-lump-sum", visit, NULL,
                                  g_strdup_printf (_("The lump sum of %s is halved: %s"),
                                                   name, why));
    }

  if (visit->reasons & VP_CXC_REASON_NEAR)
    add_organisation_problem (checker, VP_SEVERITY_INFO, "cxc-distance", visit, visit->host,
                              g_strdup_printf (_("%s is %.0f km from %s, less than %.0f km: its "
                                                 "lump sum is halved"),
                                               name, visit->distance_km, host_name,
                                               rules->halved_below_distance_km));
  else if (visit->reasons & VP_CXC_REASON_UNKNOWN_DISTANCE)
    add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-distance", visit, visit->host,
                              g_strdup_printf (_("The distance from %s to %s is unknown: give "
                                                 "both a position (latitude and longitude); "
                                                 "under %.0f km the lump sum is halved"),
                                               name, host_name,
                                               rules->halved_below_distance_km));
}

/* Once the programme has ended, each organisation the scheme funds owes
 * its closing kit: a warning for each that still misses an item. */
static void
check_evidence (Checker         *checker,
                VpCxc           *cxc,
                VpChecksContext *context)
{
  VpProgramme *programme = vp_snapshot_get_programme (checker->snapshot);
  g_autofree char *due_text = NULL;
  GDate today;
  GDate due;

  if (context != NULL && context->today != NULL && g_date_valid (context->today))
    today = *context->today;
  else
    vp_evidence_get_today (&today);
  if (g_date_compare (&checker->last_day, &today) >= 0)
    return;

  vp_evidence_get_due (programme, cxc->rules, &due);
  due_text = g_date_valid (&due) ? vp_date_format (&due) : g_strdup ("?");

  for (guint v = 0; v < cxc->visits->len; v++)
    {
      VpCxcVisit *visit = g_ptr_array_index (cxc->visits, v);
      GPtrArray *items = cxc->rules->evidence_items;
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      g_autofree char *labels = NULL;

      if ((visit->reasons & VP_CXC_REASONS_NOTHING) != 0)
        continue;
      for (guint i = 0; i < items->len; i++)
        {
          const VpCxcEvidenceItem *item = g_ptr_array_index (items, i);

          if (vp_organisation_get_evidence_received (visit->organisation, item->item) == NULL)
            g_ptr_array_add (missing, (gpointer)item);
        }
      if (missing->len == 0)
        continue;

      labels = vp_evidence_join_labels (missing);
      add_organisation_problem (checker, VP_SEVERITY_WARNING, "cxc-evidence-missing", visit, NULL,
                                g_strdup_printf (_("%s has not handed in all of its closing kit "
                                                   "(due on %s): %s missing; record each item "
                                                   "with the day it arrived"),
                                                 vp_organisation_get_name (visit->organisation),
                                                 due_text, labels));
    }
}

static void
check_organisations (Checker         *checker,
                     VpChecksContext *context)
{
  g_autoptr(VpCxc) cxc = vp_cxc_new (checker->snapshot,
                                     context != NULL ? context->organisation_visits : NULL,
                                     NULL);

  for (guint v = 0; v < cxc->visits->len; v++)
    check_organisation (checker, cxc, g_ptr_array_index (cxc->visits, v));
  check_evidence (checker, cxc, context);
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
  check_organisations (&checker, context);

  return collect (&checker);
}

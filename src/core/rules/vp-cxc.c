/* vp-cxc.c: the ClusterXChange rules per visiting organisation: its people, working days, host,
 * distance, eligibility, repeats and amount. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vp-checks.h"
#include "vp-cxc.h"
#include "vp-time.h"

/* Legs leaving within this long of the last landing continue one journey
 * (a connection), not a new one. */
#define CONNECTION_SECONDS (12 * 3600)

static const char * const reason_codes[VP_CXC_N_REASONS] = {
  "short-stay",
  "near",
  "ineligible-country",
  "ineligible-kind",
  "repeat",
  "too-short",
  "too-long",
  "unknown-distance",
};

const char *
vp_cxc_reason_code (VpCxcReason reason)
{
  for (guint i = 0; i < VP_CXC_N_REASONS; i++)
    if (reason == (1u << i))
      return reason_codes[i];

  g_return_val_if_reached (NULL);
}

static int
compare_legs (gconstpointer a,
              gconstpointer b)
{
  const VpTravelLeg *leg_a = *(const VpTravelLeg **)a;
  const VpTravelLeg *leg_b = *(const VpTravelLeg **)b;

  return leg_a->depart_utc < leg_b->depart_utc ? -1 : leg_a->depart_utc > leg_b->depart_utc ? 1 : 0;
}

void
vp_cxc_find_legs (VpParticipant  *participant,
                  GTimeZone      *zone,
                  const GDate    *first_day,
                  const GDate    *last_day,
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

  start = g_date_time_new (zone, g_date_get_year (first_day), g_date_get_month (first_day),
                           g_date_get_day (first_day), 0, 0, 0);
  end = g_date_time_new (zone, g_date_get_year (last_day), g_date_get_month (last_day),
                         g_date_get_day (last_day), 23, 59, 59);
  if (start == NULL || end == NULL)
    return;
  middle = (g_date_time_to_unix (start) + g_date_time_to_unix (end)) / 2;

  if (((VpTravelLeg *)g_ptr_array_index (legs, legs->len - 1))->arrive_utc <= middle)
    *arrival = g_ptr_array_index (legs, legs->len - 1);
  else
    *departure = g_ptr_array_index (legs, 0);
}

static void
visit_free (VpCxcVisit *visit)
{
  g_clear_object (&visit->organisation);
  g_clear_pointer (&visit->people, g_ptr_array_unref);
  g_clear_pointer (&visit->people_without_legs, g_ptr_array_unref);
  g_clear_object (&visit->host);
  g_clear_pointer (&visit->repeat, vp_organisation_visit_free);
  g_free (visit->host_country);
  g_free (visit);
}

void
vp_cxc_free (VpCxc *cxc)
{
  if (cxc == NULL)
    return;

  g_clear_pointer (&cxc->visits, g_ptr_array_unref);
  g_clear_pointer (&cxc->unassigned, g_ptr_array_unref);
  g_free (cxc);
}

/* The julian day of @instant in @zone. */
static guint32
local_julian (gint64     instant,
              GTimeZone *zone)
{
  VpLocalTime time;
  GDate date;

  vp_local_time_from_instant (instant, zone, &time);
  g_date_clear (&date, 1);
  if (!g_date_valid_dmy ((GDateDay)time.day, (GDateMonth)time.month, (GDateYear)time.year))
    return 0;
  g_date_set_dmy (&date, (GDateDay)time.day, (GDateMonth)time.month, (GDateYear)time.year);
  return g_date_get_julian (&date);
}

static gboolean
julian_is_weekday (guint32 julian)
{
  GDate date;
  GDateWeekday weekday;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  weekday = g_date_get_weekday (&date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 first = *(const guint32 *)a;
  guint32 second = *(const guint32 *)b;

  return first < second ? -1 : first > second ? 1 : 0;
}

static void
sort_unique_days (GArray *days)
{
  guint kept = 0;

  g_array_sort (days, compare_julian);
  for (guint i = 0; i < days->len; i++)
    if (kept == 0 || g_array_index (days, guint32, i) != g_array_index (days, guint32, kept - 1))
      g_array_index (days, guint32, kept++) = g_array_index (days, guint32, i);
  g_array_set_size (days, kept);
}

/* A session whose day may be a working day: it takes place and is not a
 * transfer. */
static gboolean
counts_as_work (VpSession *session)
{
  return vp_session_get_status (session) != VP_SESSION_STATUS_CANCELLED &&
         vp_session_get_kind (session) != VP_SESSION_KIND_TRANSFER;
}

/* The programme's zone and first and last days; FALSE (no working days)
 * when it lacks one of them. */
static gboolean
programme_dates (VpProgramme  *programme,
                 GTimeZone   **zone,
                 GDate        *first_day,
                 GDate        *last_day)
{
  *zone = vp_programme_get_timezone (programme) != NULL
    ? vp_time_zone_new (vp_programme_get_timezone (programme), NULL)
    : NULL;
  g_date_clear (first_day, 1);
  g_date_clear (last_day, 1);
  return *zone != NULL &&
         vp_date_parse (vp_programme_get_start_date (programme), first_day, NULL) &&
         vp_date_parse (vp_programme_get_end_date (programme), last_day, NULL);
}

/* Of @days (julian, sorted, unique: the days @participant attends a session
 * that counts as work), keeps the working days: the weekdays of the
 * programme other than the person's arrival and departure days, unless the
 * rules count travel days. */
static void
keep_working_days (const VpCxcRules *rules,
                   VpParticipant    *participant,
                   GTimeZone        *zone,
                   const GDate      *first_day,
                   const GDate      *last_day,
                   GArray           *days)
{
  VpTravelLeg *arrival = NULL;
  VpTravelLeg *departure = NULL;
  guint32 arrival_day = 0;
  guint32 departure_day = 0;
  guint kept = 0;

  if (vp_participant_get_travel (participant)->len > 0)
    {
      vp_cxc_find_legs (participant, zone, first_day, last_day, &arrival, &departure);
      if (arrival != NULL)
        arrival_day = local_julian (arrival->arrive_utc, zone);
      if (departure != NULL)
        departure_day = local_julian (departure->depart_utc, zone);
    }

  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);

      if (day < g_date_get_julian (first_day) || day > g_date_get_julian (last_day) ||
          !julian_is_weekday (day))
        continue;
      if (!rules->travel_days_count && (day == arrival_day || day == departure_day))
        continue;
      g_array_index (days, guint32, kept++) = day;
    }
  g_array_set_size (days, kept);
}

GArray *
vp_cxc_participant_working_days (VpSnapshot       *snapshot,
                                 VpParticipant    *participant,
                                 GPtrArray        *sessions,
                                 const VpCxcRules *rules)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GTimeZone) zone = NULL;
  GDate first_day;
  GDate last_day;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), days);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), days);
  g_return_val_if_fail (sessions != NULL, days);

  if (!programme_dates (vp_snapshot_get_programme (snapshot), &zone, &first_day, &last_day))
    return days;

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      guint32 day;

      if (!counts_as_work (session))
        continue;
      day = local_julian (vp_session_get_start_utc (session), zone);
      if (day != 0)
        g_array_append_val (days, day);
    }
  sort_unique_days (days);
  keep_working_days (rules != NULL ? rules : vp_cxc_rules_get (), participant, zone, &first_day,
                     &last_day, days);

  return days;
}

/* Whether @visit is of the same organisation as @organisation (its name
 * key @key), in a programme earlier than @programme. */
static gboolean
repeats (const VpOrganisationVisit *visit,
         const char                *key,
         VpOrganisation            *organisation,
         VpProgramme               *programme)
{
  const char *country = vp_organisation_get_country (organisation);
  const char *start = vp_programme_get_start_date (programme);
  gint64 id = vp_programme_get_id (programme);
  int order;

  if (visit->key == NULL || g_strcmp0 (visit->key, key) != 0)
    return FALSE;
  if (country != NULL && visit->country != NULL &&
      g_ascii_strcasecmp (country, visit->country) != 0)
    return FALSE;
  if (id != 0 && visit->programme_id == id)
    return FALSE;

  order = g_strcmp0 (visit->first_day, start);
  return order < 0 || (order == 0 && id != 0 && visit->programme_id < id);
}

/* Each visit's day sets and host counts while they are collected. */
typedef struct
{
  GHashTable *days;         /* julian working days */
  GHashTable *host_counts;  /* VpHost → attendances */
} Tally;

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->days, g_hash_table_unref);
  g_clear_pointer (&tally->host_counts, g_hash_table_unref);
}

static void
add_host_count (GHashTable *counts,
                VpHost     *host,
                guint       n)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, host));

  g_hash_table_insert (counts, host, GUINT_TO_POINTER (count + n));
}

static void
decide (VpCxc      *cxc,
        VpCxcVisit *visit,
        VpSnapshot *snapshot,
        GPtrArray  *other_visits)
{
  const VpCxcRules *rules = cxc->rules;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  VpOrganisation *organisation = visit->organisation;
  const char *country = vp_organisation_get_country (organisation);
  VpOrganisationKind kind = vp_organisation_get_kind (organisation);
  gboolean unknown_distance = isnan (visit->distance_km);
  double override = vp_programme_get_lump_sum_override_eur (programme);
  double lump_sum = vp_programme_get_lump_sum_eur (programme);

  if (country != NULL &&
      (!vp_checks_country_eligible (country) ||
       (visit->host_country != NULL && g_ascii_strcasecmp (country, visit->host_country) == 0)))
    visit->reasons |= VP_CXC_REASON_INELIGIBLE_COUNTRY;
  if (kind != VP_ORGANISATION_KIND_UNSET && !vp_cxc_rules_kind_is_eligible (rules, kind))
    visit->reasons |= VP_CXC_REASON_INELIGIBLE_KIND;

  if (rules->once_per_organisation && other_visits != NULL)
    {
      g_autofree char *key = vp_organisation_name_key (vp_organisation_get_name (organisation));
      const VpOrganisationVisit *earliest = NULL;

      for (guint i = 0; key != NULL && i < other_visits->len; i++)
        {
          const VpOrganisationVisit *other = g_ptr_array_index (other_visits, i);

          if (repeats (other, key, organisation, programme) &&
              (earliest == NULL || g_strcmp0 (other->first_day, earliest->first_day) < 0))
            earliest = other;
        }

      if (earliest != NULL)
        {
          visit->repeat = g_new0 (VpOrganisationVisit, 1);
          visit->repeat->name = g_strdup (earliest->name);
          visit->repeat->key = g_strdup (earliest->key);
          visit->repeat->country = g_strdup (earliest->country);
          visit->repeat->programme_id = earliest->programme_id;
          visit->repeat->programme_title = g_strdup (earliest->programme_title);
          visit->repeat->first_day = g_strdup (earliest->first_day);
          visit->reasons |= VP_CXC_REASON_REPEAT;
        }
    }

  if (visit->working_days < rules->min_working_days)
    visit->reasons |= VP_CXC_REASON_TOO_SHORT;
  if (rules->max_months > 0 && g_date_valid (&visit->first_day))
    {
      GDate limit = visit->first_day;

      g_date_add_months (&limit, rules->max_months);
      if (g_date_compare (&visit->last_day, &limit) >= 0)
        visit->reasons |= VP_CXC_REASON_TOO_LONG;
    }

  if (visit->working_days < rules->halved_below_working_days)
    visit->reasons |= VP_CXC_REASON_SHORT_STAY;
  if (unknown_distance)
    visit->reasons |= VP_CXC_REASON_UNKNOWN_DISTANCE;
  else if (visit->distance_km < rules->halved_below_distance_km)
    visit->reasons |= VP_CXC_REASON_NEAR;
  visit->halved = (visit->reasons & (VP_CXC_REASON_SHORT_STAY | VP_CXC_REASON_NEAR)) != 0;

  if (!isnan (override))
    {
      visit->full_amount_eur = override;
      visit->amount_source = VP_CXC_AMOUNT_OVERRIDE;
    }
  else if (!isnan (lump_sum))
    {
      visit->full_amount_eur = lump_sum;
      visit->amount_source = VP_CXC_AMOUNT_PROGRAMME;
    }
  else
    {
      visit->full_amount_eur = vp_cxc_rules_full_amount (rules, visit->host_country);
      visit->amount_source = isnan (visit->full_amount_eur) ? VP_CXC_AMOUNT_NONE
                                                            : VP_CXC_AMOUNT_RULES;
    }

  if ((visit->reasons & VP_CXC_REASONS_NOTHING) != 0)
    visit->amount_eur = 0;
  else if (isnan (visit->full_amount_eur) || (!visit->halved && unknown_distance))
    /* without the distance, a stay long enough for the full sum may still
     * be halved */
    visit->amount_eur = NAN;
  else
    {
      visit->amount_eur = visit->halved ? visit->full_amount_eur / 2 : visit->full_amount_eur;
      if (!isnan (rules->cap_eur) && visit->amount_eur > rules->cap_eur)
        visit->amount_eur = rules->cap_eur;
    }
}

VpCxc *
vp_cxc_new (VpSnapshot       *snapshot,
            GPtrArray        *other_visits,
            const VpCxcRules *rules)
{
  VpCxc *cxc = g_new0 (VpCxc, 1);
  VpProgramme *programme;
  GPtrArray *participants;
  GPtrArray *organisations;
  GPtrArray *sessions;
  GPtrArray *hosts;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GHashTable) participant_index = NULL;  /* ref → index + 1 */
  g_autoptr(GHashTable) visit_of = NULL;           /* VpOrganisation → VpCxcVisit */
  g_autoptr(GHashTable) tally_of = g_hash_table_new (NULL, NULL); /* VpCxcVisit → Tally */
  g_autoptr(GHashTable) all_counts = NULL;         /* VpHost → attendances of everyone */
  g_autoptr(GPtrArray) person_visit = NULL;        /* per participant: its VpCxcVisit or NULL */
  g_autoptr(GPtrArray) person_days = NULL;         /* per participant: GArray of julian days */
  g_autoptr(GArray) all_days = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) tallies = NULL;
  GDate first_day;
  GDate last_day;
  gboolean dated;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  cxc->rules = rules != NULL ? rules : vp_cxc_rules_get ();
  cxc->visits = g_ptr_array_new_with_free_func ((GDestroyNotify)visit_free);
  cxc->unassigned = g_ptr_array_new_with_free_func (g_object_unref);

  programme = vp_snapshot_get_programme (snapshot);
  participants = vp_snapshot_get_participants (snapshot);
  organisations = vp_snapshot_get_organisations (snapshot);
  sessions = vp_snapshot_get_sessions (snapshot);
  hosts = vp_snapshot_get_hosts (snapshot);
  dated = programme_dates (programme, &zone, &first_day, &last_day);

  /* Who belongs where: the organisation a participant names by ref, else
   * by name. */
  participant_index = g_hash_table_new (g_str_hash, g_str_equal);
  visit_of = g_hash_table_new (NULL, NULL);
  person_visit = g_ptr_array_sized_new (participants->len);
  person_days = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint p = 0; p < participants->len; p++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, p);
      VpOrganisation *organisation = vp_snapshot_get_participant_organisation (snapshot,
                                                                               participant);

      if (organisation == NULL && vp_participant_get_organisation_ref (participant) == NULL)
        organisation = vp_snapshot_lookup_organisation_by_name (
          snapshot, vp_participant_get_organisation (participant));
      if (vp_participant_get_ref (participant) != NULL)
        g_hash_table_insert (participant_index, (gpointer)vp_participant_get_ref (participant),
                             GUINT_TO_POINTER (p + 1));
      g_ptr_array_add (person_visit, organisation);
      g_ptr_array_add (person_days, g_array_new (FALSE, FALSE, sizeof (guint32)));
      if (organisation == NULL)
        g_ptr_array_add (cxc->unassigned, g_object_ref (participant));
    }

  /* One visit per organisation with people, in the programme's order. */
  for (guint p = 0; p < participants->len; p++)
    if (g_ptr_array_index (person_visit, p) != NULL)
      g_hash_table_insert (visit_of, g_ptr_array_index (person_visit, p), NULL);
  for (guint o = 0; o < organisations->len; o++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, o);

      if (g_hash_table_contains (visit_of, organisation))
        {
          VpCxcVisit *visit = g_new0 (VpCxcVisit, 1);

          visit->organisation = g_object_ref (organisation);
          visit->people = g_ptr_array_new_with_free_func (g_object_unref);
          visit->people_without_legs = g_ptr_array_new_with_free_func (g_object_unref);
          visit->distance_km = NAN;
          visit->full_amount_eur = NAN;
          visit->amount_eur = NAN;
          g_date_clear (&visit->first_day, 1);
          g_date_clear (&visit->last_day, 1);
          g_hash_table_insert (visit_of, organisation, visit);
          g_ptr_array_add (cxc->visits, visit);
        }
    }
  for (guint p = 0; p < participants->len; p++)
    {
      VpCxcVisit *visit = g_hash_table_lookup (visit_of, g_ptr_array_index (person_visit, p));

      g_ptr_array_index (person_visit, p) = visit;
      if (visit != NULL)
        g_ptr_array_add (visit->people, g_object_ref (g_ptr_array_index (participants, p)));
    }

  tallies = g_array_sized_new (FALSE, TRUE, sizeof (Tally), cxc->visits->len);
  g_array_set_clear_func (tallies, (GDestroyNotify)tally_clear);
  g_array_set_size (tallies, cxc->visits->len);
  for (guint v = 0; v < cxc->visits->len; v++)
    {
      Tally *tally = &g_array_index (tallies, Tally, v);

      tally->days = g_hash_table_new (NULL, NULL);
      tally->host_counts = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (tally_of, g_ptr_array_index (cxc->visits, v), tally);
    }

  /* The days each person attends a session that is not a transfer, and
   * where. */
  all_counts = g_hash_table_new (NULL, NULL);
  for (guint s = 0; dated && s < sessions->len; s++)
    {
      VpSession *session = g_ptr_array_index (sessions, s);
      VpHost *host;
      guint32 day;

      if (!counts_as_work (session))
        continue;

      day = local_julian (vp_session_get_start_utc (session), zone);
      if (day == 0)
        continue;
      host = vp_snapshot_lookup_host (snapshot, vp_session_get_host_ref (session));

      if (vp_session_get_attendees_all (session))
        {
          g_array_append_val (all_days, day);
          if (host != NULL)
            add_host_count (all_counts, host, 1);
          continue;
        }

      {
        GPtrArray *attendees = vp_session_get_attendees (session);

        for (guint a = 0; a < attendees->len; a++)
          {
            guint p = GPOINTER_TO_UINT (g_hash_table_lookup (participant_index,
                                                             g_ptr_array_index (attendees, a)));
            VpCxcVisit *visit;

            if (p == 0 || (visit = g_ptr_array_index (person_visit, p - 1)) == NULL)
              continue;
            g_array_append_val (g_ptr_array_index (person_days, p - 1), day);
            if (host != NULL)
              add_host_count (((Tally *)g_hash_table_lookup (tally_of, visit))->host_counts,
                              host, 1);
          }
      }
    }
  sort_unique_days (all_days);

  /* Each person's working days, their travel days set apart. */
  for (guint p = 0; p < participants->len; p++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, p);
      VpCxcVisit *visit = g_ptr_array_index (person_visit, p);
      GArray *days = g_ptr_array_index (person_days, p);
      Tally *tally;

      if (visit == NULL)
        continue;
      tally = g_hash_table_lookup (tally_of, visit);

      if (vp_participant_get_travel (participant)->len == 0)
        g_ptr_array_add (visit->people_without_legs, g_object_ref (participant));

      g_array_append_vals (days, all_days->data, all_days->len);
      sort_unique_days (days);
      for (guint i = 0; i < days->len; i++)
        {
          guint32 day = g_array_index (days, guint32, i);

          if (!g_date_valid (&visit->first_day) || g_date_get_julian (&visit->first_day) > day)
            g_date_set_julian (&visit->first_day, day);
          if (!g_date_valid (&visit->last_day) || g_date_get_julian (&visit->last_day) < day)
            g_date_set_julian (&visit->last_day, day);
        }

      /* Days are only collected in a dated programme. */
      if (dated)
        keep_working_days (cxc->rules, participant, zone, &first_day, &last_day, days);
      for (guint i = 0; i < days->len; i++)
        g_hash_table_add (tally->days, GUINT_TO_POINTER (g_array_index (days, guint32, i)));
    }

  /* The host each organisation visits most, its distance, and the rules. */
  for (guint v = 0; v < cxc->visits->len; v++)
    {
      VpCxcVisit *visit = g_ptr_array_index (cxc->visits, v);
      Tally *tally = &g_array_index (tallies, Tally, v);
      VpOrganisation *organisation = visit->organisation;
      guint best = 0;
      VpHost *host = NULL;

      visit->working_days = g_hash_table_size (tally->days);
      for (guint h = 0; h < hosts->len; h++)
        {
          VpHost *candidate = g_ptr_array_index (hosts, h);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (tally->host_counts, candidate)) +
                        GPOINTER_TO_UINT (g_hash_table_lookup (all_counts, candidate)) *
                        visit->people->len;

          if (count > best)
            {
              best = count;
              host = candidate;
            }
        }

      visit->host = host != NULL ? g_object_ref (host) : NULL;
      visit->host_country = g_strdup (vp_programme_get_host_country (programme) != NULL
                                        ? vp_programme_get_host_country (programme)
                                        : host != NULL ? vp_host_get_country (host) : NULL);
      if (host != NULL && vp_host_has_position (host) &&
          vp_organisation_has_position (organisation))
        visit->distance_km = vp_checks_distance_km (vp_organisation_get_latitude (organisation),
                                                    vp_organisation_get_longitude (organisation),
                                                    vp_host_get_latitude (host),
                                                    vp_host_get_longitude (host));

      decide (cxc, visit, snapshot, other_visits);
    }

  return cxc;
}

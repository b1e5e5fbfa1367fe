/* vp-calendar.c: iCalendar (RFC 5545) files of a programme, a participant or a host. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <math.h>
#include <string.h>

#include "vp-calendar.h"
#include "vp-file.h"
#include "vp-ical.h"
#include "vp-labels.h"
#include "vp-time.h"
#include "vp-values.h"

#define PRODID        "-//Visit Planner//Visit Planner " PACKAGE_VERSION "//EN"
#define LINE_OCTETS   75
#define MAX_FILE_NAME 100

/* Content lines {{{1 */

/* Appends one content line, folded at 75 octets without splitting a UTF-8
 * character, ended by CRLF.  libical folds too, but breaks lines whose last
 * unbreakable run is 73 octets long with a bare LF; this does not. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       length)
{
  gsize position = 0;
  gsize limit = LINE_OCTETS;

  while (length - position > limit)
    {
      gsize cut = position + limit;

      while (cut > position && ((guchar)line[cut] & 0xC0) == 0x80)
        cut--;
      /* not UTF-8 after all: cut anyway rather than loop */
      if (cut == position)
        cut = position + limit;
      g_string_append_len (out, line + position, cut - position);
      g_string_append (out, "\r\n ");
      position = cut;
      limit = LINE_OCTETS - 1;
    }

  g_string_append_len (out, line + position, length - position);
  g_string_append (out, "\r\n");
}

/* TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline
 * escaped; other control characters, which clients handle badly, dropped. */
static void
append_text_value (GString    *line,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (line, '\\');
          g_string_append_c (line, (char)c);
          break;

        case '\n':
          g_string_append (line, "\\n");
          break;

        case '\r':
          /* CRLF in the text is one line break */
          if (p[1] != '\n')
            g_string_append (line, "\\n");
          break;

        default:
          if (c >= 0x20 && c != 0x7F)
            g_string_append_c (line, (char)c);
          else if (c == '\t')
            g_string_append_c (line, '\t');
          break;
        }
    }
}

/* A parameter value: quoted, without the characters it cannot hold. */
static void
append_param_value (GString    *line,
                    const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != 0x7F && c != '"')
        g_string_append_c (line, (char)c);
    }
  g_string_append_c (line, '"');
}

typedef struct
{
  GString *out;
  GString *line;
} Writer;

/* NAME:value, where the value is TEXT to escape. */
static void
write_text (Writer     *writer,
            const char *name,
            const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_assign (writer->line, name);
  g_string_append_c (writer->line, ':');
  append_text_value (writer->line, value);
  append_folded (writer->out, writer->line->str, writer->line->len);
}

/* A line whose value needs no escaping (dates, numbers, keywords). */
static void
write_raw (Writer     *writer,
           const char *name,
           const char *value)
{
  g_string_assign (writer->line, name);
  g_string_append_c (writer->line, ':');
  g_string_append (writer->line, value);
  append_folded (writer->out, writer->line->str, writer->line->len);
}

static void
format_utc (gint64  instant,
            char   *buffer,
            gsize   size)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (instant);
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      g_strlcpy (buffer, "19700101T000000Z", size);
      return;
    }

  text = g_date_time_format (time, "%Y%m%dT%H%M%SZ");
  g_strlcpy (buffer, text, size);
}

/* Time zones {{{1 */

/* Each VTIMEZONE is built once, under libical's lock (vp-ical.h), which
 * guards this cache too. */
static GHashTable *vtimezones; /* IANA name → VTIMEZONE text, "" when libical has none */

static gboolean
is_utc (const char *zone)
{
  return g_str_equal (zone, "UTC") || g_str_equal (zone, "Etc/UTC") ||
         g_str_equal (zone, "Etc/UCT") || g_str_equal (zone, "Etc/Zulu");
}

/* The VTIMEZONE for @zone with its plain IANA name as TZID, from the year
 * 2000 on (ical-notes.md); unfolded from libical's text and folded again by
 * append_folded(). */
static char *
build_vtimezone (const char *zone)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (zone);
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) unfolded = NULL;
  icalcomponent *component;
  icalproperty *tzid;
  icaltimetype start;
  char *text;

  if (builtin == NULL || icaltimezone_get_component (builtin) == NULL)
    return g_strdup ("");

  component = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, zone);
  start = icaltime_from_timet_with_zone (946684800, 0, icaltimezone_get_utc_timezone ());
  icaltimezone_truncate_vtimezone (component, start, icaltime_null_time (), 0);

  text = icalcomponent_as_ical_string_r (component);
  icalcomponent_free (component);

  /* Unfold whatever libical wrote (including its stray CRs), drop its
   * private X-LIC-LOCATION, and fold again our way. */
  unfolded = g_string_new (NULL);
  lines = g_strsplit (text, "\n", -1);
  free (text);
  out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length;

      g_strdelimit (line, "\r", '\0');
      length = strlen (line);
      if (length == 0)
        continue;

      if (line[0] == ' ' || line[0] == '\t')
        {
          g_string_append (unfolded, line + 1);
          continue;
        }

      if (unfolded->len > 0 && !g_str_has_prefix (unfolded->str, "X-LIC-LOCATION"))
        append_folded (out, unfolded->str, unfolded->len);
      g_string_assign (unfolded, line);
    }
  if (unfolded->len > 0 && !g_str_has_prefix (unfolded->str, "X-LIC-LOCATION"))
    append_folded (out, unfolded->str, unfolded->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The VTIMEZONE text of @zone, or "" when times in @zone are written in UTC. */
static const char *
lookup_vtimezone (const char *zone)
{
  g_autoptr(VpIcalLocker) locker = NULL;
  const char *text;

  if (is_utc (zone))
    return "";

  locker = vp_ical_lock ();
  if (vtimezones == NULL)
    vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  text = g_hash_table_lookup (vtimezones, zone);
  if (text == NULL)
    {
      char *built = build_vtimezone (zone);

      g_hash_table_insert (vtimezones, g_strdup (zone), built);
      text = built;
    }

  return text;
}

/* Calendars {{{1 */

typedef struct
{
  VpSnapshot  *snapshot;
  VpProgramme *programme;
  Writer       writer;
  GString     *events;     /* the VEVENTs, written before the header that names their zones */
  GHashTable  *zones;      /* zone names used with a TZID */
  GPtrArray   *zone_order; /* the same, in first use */
  GPtrArray   *objects;    /* NULL, or each event as a calendar object of its own */
  char         stamp[32];
} Calendar;

static void
calendar_init (Calendar   *calendar,
               VpSnapshot *snapshot,
               GDateTime  *stamp,
               gsize       n_events)
{
  g_autoptr(GDateTime) now = NULL;

  calendar->snapshot = snapshot;
  calendar->programme = vp_snapshot_get_programme (snapshot);
  calendar->events = g_string_sized_new (1024 + 900 * n_events);
  calendar->writer.out = calendar->events;
  calendar->writer.line = g_string_sized_new (256);
  calendar->zones = g_hash_table_new (g_str_hash, g_str_equal);
  calendar->zone_order = g_ptr_array_new ();

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  format_utc (g_date_time_to_unix (stamp), calendar->stamp, sizeof calendar->stamp);
}

static void
calendar_clear (Calendar *calendar)
{
  g_clear_pointer (&calendar->zones, g_hash_table_unref);
  g_clear_pointer (&calendar->zone_order, g_ptr_array_unref);
  g_clear_pointer (&calendar->objects, g_ptr_array_unref);
  if (calendar->writer.line != NULL)
    g_string_free (calendar->writer.line, TRUE);
  calendar->writer.line = NULL;
  if (calendar->events != NULL)
    g_string_free (calendar->events, TRUE);
  calendar->events = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Calendar, calendar_clear)

/* DTSTART or DTEND for the local time @local in @zone, whose instant is
 * @instant.  A time in the hour repeated when clocks go back is written in
 * UTC: libical, ical.js and python-icalendar would all read it as the second
 * occurrence, and it means the first. */
static void
write_time (Calendar   *calendar,
            const char *name,
            const char *local,
            const char *zone,
            gint64      instant)
{
  Writer *writer = &calendar->writer;
  g_autoptr(GTimeZone) tz = vp_time_zone_new (zone, NULL);
  VpLocalTime time;
  char buffer[32];

  if (tz != NULL && vp_local_time_parse (local, &time, NULL) &&
      vp_local_time_resolve (&time, tz, NULL, NULL) == VP_LOCAL_TIME_UNIQUE &&
      lookup_vtimezone (zone)[0] != '\0')
    {
      if (!g_hash_table_contains (calendar->zones, zone))
        {
          g_hash_table_add (calendar->zones, (gpointer)zone);
          g_ptr_array_add (calendar->zone_order, (gpointer)zone);
        }

      g_snprintf (buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02d",
                  time.year, time.month, time.day, time.hour, time.minute, time.second);
      g_string_assign (writer->line, name);
      g_string_append (writer->line, ";TZID=");
      g_string_append (writer->line, zone);
      g_string_append_c (writer->line, ':');
      g_string_append (writer->line, buffer);
      append_folded (writer->out, writer->line->str, writer->line->len);
      return;
    }

  format_utc (instant, buffer, sizeof buffer);
  write_raw (writer, name, buffer);
}

/* An address that can stand in a mailto: URI as it is: one the rules of
 * values take (no space, control character, quote, “<”, “>” or “\”). */
static gboolean
is_plain_address (const char *email)
{
  return email != NULL && vp_value_check_email (email, NULL);
}

static void
write_organizer (Calendar *calendar)
{
  VpProgramme *programme = calendar->programme;
  const char *name = vp_programme_get_coordinator_name (programme);
  const char *email = vp_programme_get_coordinator_email (programme);
  Writer *writer = &calendar->writer;

  /* PUBLISH wants an organizer (RFC 5546 3.2.1): the coordinator, or,
   * without a usable address, the programme itself as a urn:uuid. */
  g_string_assign (writer->line, "ORGANIZER");
  if (name != NULL)
    {
      g_string_append (writer->line, ";CN=");
      append_param_value (writer->line, name);
    }

  if (is_plain_address (email))
    {
      g_string_append (writer->line, ":mailto:");
      g_string_append (writer->line, email);
    }
  else
    {
      const char *uid = vp_programme_get_uid (programme);
      g_autofree char *digest = NULL;

      g_string_append (writer->line, ":urn:uuid:");
      if (g_uuid_string_is_valid (uid))
        g_string_append (writer->line, uid);
      else
        {
          /* a name-based UUID of the programme's uid: stable, well-formed */
          digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uid, -1);
          g_string_append_printf (writer->line, "%.8s-%.4s-5%.3s-%c%.3s-%.12s",
                                  digest, digest + 8, digest + 13,
                                  "89ab"[g_ascii_xdigit_value (digest[16]) & 3],
                                  digest + 17, digest + 20);
        }
    }

  append_folded (writer->out, writer->line->str, writer->line->len);
}

/* "Name, address, city": where to go. */
static char *
host_location (VpHost *host)
{
  g_autoptr(GString) location = g_string_new (vp_host_get_name (host));

  if (vp_host_get_address (host) != NULL)
    g_string_append_printf (location, ", %s", vp_host_get_address (host));
  if (vp_host_get_city (host) != NULL)
    g_string_append_printf (location, ", %s", vp_host_get_city (host));

  return g_string_free (g_steal_pointer (&location), FALSE);
}

/* What a participant needs to know beyond time and place: the description,
 * the host's contact and site rules, and who goes (by name only). */
static char *
session_description (Calendar  *calendar,
                     VpSession *session,
                     VpHost    *host,
                     gboolean   for_host)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_attendees = vp_snapshot_count_attendees (calendar->snapshot, session);

  if (vp_session_get_description (session) != NULL)
    g_string_append_printf (text, "%s\n\n", vp_session_get_description (session));

  if (host != NULL)
    {
      g_string_append_printf (text, _("Host: %s"), vp_host_get_name (host));
      g_string_append_c (text, '\n');
      if (vp_host_get_contact_name (host) != NULL || vp_host_get_contact_email (host) != NULL ||
          vp_host_get_phone (host) != NULL)
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new ();
          g_autofree char *joined = NULL;

          if (vp_host_get_contact_name (host) != NULL)
            g_ptr_array_add (parts, (gpointer)vp_host_get_contact_name (host));
          if (vp_host_get_contact_email (host) != NULL)
            g_ptr_array_add (parts, (gpointer)vp_host_get_contact_email (host));
          if (vp_host_get_phone (host) != NULL)
            g_ptr_array_add (parts, (gpointer)vp_host_get_phone (host));
          g_ptr_array_add (parts, NULL);
          joined = g_strjoinv (", ", (char **)parts->pdata);

          g_string_append_printf (text, _("Contact: %s"), joined);
          g_string_append_c (text, '\n');
        }
      if (vp_host_get_notes (host) != NULL)
        {
          g_string_append_printf (text, _("Site rules: %s"), vp_host_get_notes (host));
          g_string_append_c (text, '\n');
        }
    }

  if (for_host)
    {
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Group size: %u person",
                                           "Group size: %u people", n_attendees),
                              n_attendees);
      g_string_append_c (text, '\n');
    }

  if (vp_session_get_attendees_all (session))
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, "Attendees: everyone (%u person)",
                                         "Attendees: everyone (%u people)", n_attendees),
                            n_attendees);
  else
    {
      GPtrArray *attendees = vp_session_get_attendees (session);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < attendees->len; i++)
        {
          VpParticipant *participant =
            vp_snapshot_lookup_participant (calendar->snapshot, g_ptr_array_index (attendees, i));

          if (participant == NULL)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, vp_participant_get_name (participant));
        }

      /* TRANSLATORS: %u is how many people attend, %s their names */
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "Attendees (%u): %s",
                                           "Attendees (%u): %s", n_attendees),
                              n_attendees, names->str);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* LAST-MODIFIED: the time of the item's last change, when known. */
static void
write_last_modified (Calendar *calendar,
                     gint64    modified_at)
{
  char buffer[32];

  if (modified_at > 0)
    {
      format_utc (modified_at, buffer, sizeof buffer);
      write_raw (&calendar->writer, "LAST-MODIFIED", buffer);
    }
  else
    write_raw (&calendar->writer, "LAST-MODIFIED", calendar->stamp);
}

static void
write_sequence (Calendar *calendar,
                int       sequence)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", sequence);
  write_raw (&calendar->writer, "SEQUENCE", buffer);
}

/* SUMMARY, with "Cancelled: " before it when the event is. */
static void
write_summary (Calendar   *calendar,
               const char *summary,
               gboolean    cancelled)
{
  g_autofree char *text = cancelled
    /* TRANSLATORS: the title of a cancelled session, travel leg or hotel
     * stay in a calendar */
    ? g_strdup_printf (_("Cancelled: %s"), summary)
    : NULL;

  write_text (&calendar->writer, "SUMMARY", text != NULL ? text : summary);
}

/* STATUS: a cancelled event also stops showing the time as busy. */
static void
write_status (Calendar *calendar,
              gboolean  cancelled)
{
  if (cancelled)
    {
      write_raw (&calendar->writer, "STATUS", "CANCELLED");
      write_raw (&calendar->writer, "TRANSP", "TRANSPARENT");
    }
  else
    write_raw (&calendar->writer, "STATUS", "CONFIRMED");
}

static void write_header (Writer     *writer,
                          Calendar   *calendar,
                          const char *name);

/* Before an event: a calendar of objects starts each afresh, with the zones
 * it uses alone. */
static void
event_begin (Calendar *calendar)
{
  if (calendar->objects == NULL)
    return;

  g_string_truncate (calendar->events, 0);
  g_hash_table_remove_all (calendar->zones);
  g_ptr_array_set_size (calendar->zone_order, 0);
}

/* After it: the event becomes a whole calendar object (RFC 4791 4.1: one
 * UID, its VTIMEZONEs, no METHOD). */
static void
event_end (Calendar   *calendar,
           const char *uid,
           gint64      sequence)
{
  g_autoptr(GString) out = NULL;
  VpCalendarObject *object;
  Writer writer;

  if (calendar->objects == NULL)
    return;

  out = g_string_sized_new (calendar->events->len + 2048);
  writer.out = out;
  writer.line = calendar->writer.line;
  write_header (&writer, calendar, NULL);
  for (guint i = 0; i < calendar->zone_order->len; i++)
    g_string_append (out, lookup_vtimezone (g_ptr_array_index (calendar->zone_order, i)));
  g_string_append_len (out, calendar->events->str, calendar->events->len);
  write_raw (&writer, "END", "VCALENDAR");

  object = g_new0 (VpCalendarObject, 1);
  object->uid = g_strdup (uid);
  object->sequence = sequence;
  object->data = g_string_free_to_bytes (g_steal_pointer (&out));
  g_ptr_array_add (calendar->objects, object);
}

/* A session, or (@withdrawn) a session taken out of this calendar as it
 * was then: cancelled, with no more than its time, title and place. */
static void
write_session (Calendar  *calendar,
               VpSession *session,
               gboolean   for_host,
               gboolean   withdrawn)
{
  VpProgramme *programme = calendar->programme;
  Writer *writer = &calendar->writer;
  VpHost *host =
    withdrawn ? NULL
              : vp_snapshot_lookup_host (calendar->snapshot, vp_session_get_host_ref (session));
  const char *start_zone = vp_session_get_timezone (session);
  const char *end_zone = vp_session_get_end_timezone (session);
  const char *kind = vp_session_kind_label (vp_session_get_kind (session));
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  char buffer[64];

  if (start_zone == NULL)
    start_zone = vp_programme_get_timezone (programme);
  if (end_zone == NULL)
    end_zone = start_zone;

  event_begin (calendar);
  write_raw (writer, "BEGIN", "VEVENT");
  write_text (writer, "UID", vp_session_get_uid (session));
  write_raw (writer, "DTSTAMP", calendar->stamp);
  write_last_modified (calendar, vp_session_get_modified_at (session));
  write_sequence (calendar, vp_session_get_revision (session));

  write_time (calendar, "DTSTART", vp_session_get_start (session), start_zone,
              vp_session_get_start_utc (session));
  write_time (calendar, "DTEND", vp_session_get_end (session), end_zone,
              vp_session_get_end_utc (session));

  /* Google shows cancelled events like the others: say it in the title. */
  write_summary (calendar, vp_session_get_title (session),
                 vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED);

  if (vp_session_get_location (session) != NULL)
    location = g_strdup (vp_session_get_location (session));
  else if (host != NULL)
    location = host_location (host);
  write_text (writer, "LOCATION", location);

  if (host != NULL && vp_host_has_position (host))
    {
      char latitude[G_ASCII_DTOSTR_BUF_SIZE];
      char longitude[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (latitude, sizeof latitude, "%.6f", vp_host_get_latitude (host));
      g_ascii_formatd (longitude, sizeof longitude, "%.6f", vp_host_get_longitude (host));
      g_snprintf (buffer, sizeof buffer, "%s;%s", latitude, longitude);
      write_raw (writer, "GEO", buffer);
    }

  if (!withdrawn)
    description = session_description (calendar, session, host, for_host);
  write_text (writer, "DESCRIPTION", description);
  write_text (writer, "CATEGORIES", kind);

  switch (vp_session_get_status (session))
    {
    case VP_SESSION_STATUS_TENTATIVE:
      write_raw (writer, "STATUS", "TENTATIVE");
      break;
    case VP_SESSION_STATUS_CANCELLED:
      write_raw (writer, "STATUS", "CANCELLED");
      write_raw (writer, "TRANSP", "TRANSPARENT");
      break;
    case VP_SESSION_STATUS_CONFIRMED:
    default:
      write_raw (writer, "STATUS", "CONFIRMED");
      break;
    }

  write_organizer (calendar);
  write_raw (writer, "END", "VEVENT");
  event_end (calendar, vp_session_get_uid (session), vp_session_get_revision (session));
}

/* The UID of a leg or stay: its own, or for one that no database has
 * given one yet (a document read but not imported), the one its place in
 * the list gives. */
static char *
item_uid (Calendar      *calendar,
          VpParticipant *participant,
          const char    *uid,
          const char    *what,
          guint          index)
{
  if (uid != NULL)
    return g_strdup (uid);

  return vp_travel_position_uid (vp_programme_get_uid (calendar->programme),
                                 participant != NULL ? vp_participant_get_ref (participant) : NULL,
                                 what, index);
}

/* A travel leg, or (@withdrawn) one taken out of the participant's
 * calendar: cancelled, with the withdrawal's SEQUENCE and time. */
static void
write_travel_leg (Calendar           *calendar,
                  VpParticipant      *participant,
                  VpTravelLeg        *leg,
                  guint               index,
                  const VpWithdrawal *withdrawn)
{
  Writer *writer = &calendar->writer;
  const char *programme_zone = vp_programme_get_timezone (calendar->programme);
  g_autofree char *uid = item_uid (calendar, participant, leg->uid, "travel", index);
  g_autofree char *what = leg->reference != NULL
    /* TRANSLATORS: a kind of journey and its number, like “Flight AY1071” */
    ? g_strdup_printf (_("%s %s"), vp_travel_kind_label (leg->kind), leg->reference)
    : g_strdup (vp_travel_kind_label (leg->kind));
  g_autofree char *summary = leg->from != NULL && leg->to != NULL
    /* TRANSLATORS: a journey, then where from and where to, like
     * “Flight AY1071: Helsinki → Vilnius” */
    ? g_strdup_printf (_("%1$s: %2$s → %3$s"), what, leg->from, leg->to)
    : g_strdup (what);

  event_begin (calendar);
  write_raw (writer, "BEGIN", "VEVENT");
  write_text (writer, "UID", uid);
  write_raw (writer, "DTSTAMP", calendar->stamp);
  write_last_modified (calendar, withdrawn ? withdrawn->withdrawn_at : leg->modified_at);
  write_sequence (calendar, withdrawn ? withdrawn->sequence : leg->revision);
  write_time (calendar, "DTSTART", leg->depart,
              leg->depart_timezone ? leg->depart_timezone : programme_zone, leg->depart_utc);
  write_time (calendar, "DTEND", leg->arrive,
              leg->arrive_timezone ? leg->arrive_timezone : programme_zone, leg->arrive_utc);
  write_summary (calendar, summary, withdrawn != NULL);
  write_text (writer, "LOCATION", leg->from);
  write_text (writer, "CATEGORIES", _("Travel"));
  write_status (calendar, withdrawn != NULL);
  write_organizer (calendar);
  write_raw (writer, "END", "VEVENT");
  event_end (calendar, uid, withdrawn ? withdrawn->sequence : leg->revision);
}

/* A hotel stay, or (@withdrawn) one taken out of the participant's
 * calendar. */
static void
write_stay (Calendar           *calendar,
            VpParticipant      *participant,
            VpStay             *stay,
            guint               index,
            const VpWithdrawal *withdrawn)
{
  Writer *writer = &calendar->writer;
  g_autofree char *uid = item_uid (calendar, participant, stay->uid, "stay", index);
  g_autofree char *summary = NULL;
  GDate check_in;
  GDate last_day;
  char buffer[16];

  if (!vp_date_parse (stay->check_in, &check_in, NULL) ||
      !vp_date_parse (stay->check_out, &last_day, NULL))
    return;

  /* All-day, from the check-in day to the check-out day included: DTEND is
   * exclusive, the day after check-out. */
  g_date_add_days (&last_day, 1);

  summary = stay->name != NULL
    /* TRANSLATORS: a hotel stay in a participant's calendar */
    ? g_strdup_printf (_("Hotel: %s"), stay->name)
    : g_strdup (_("Hotel"));

  event_begin (calendar);
  write_raw (writer, "BEGIN", "VEVENT");
  write_text (writer, "UID", uid);
  write_raw (writer, "DTSTAMP", calendar->stamp);
  write_last_modified (calendar, withdrawn ? withdrawn->withdrawn_at : stay->modified_at);
  write_sequence (calendar, withdrawn ? withdrawn->sequence : stay->revision);
  g_snprintf (buffer, sizeof buffer, "%04d%02d%02d", g_date_get_year (&check_in),
              g_date_get_month (&check_in), g_date_get_day (&check_in));
  write_raw (writer, "DTSTART;VALUE=DATE", buffer);
  g_snprintf (buffer, sizeof buffer, "%04d%02d%02d", g_date_get_year (&last_day),
              g_date_get_month (&last_day), g_date_get_day (&last_day));
  write_raw (writer, "DTEND;VALUE=DATE", buffer);
  write_summary (calendar, summary, withdrawn != NULL);
  write_text (writer, "LOCATION", stay->address);
  write_text (writer, "CATEGORIES", _("Accommodation"));
  if (withdrawn != NULL)
    write_raw (writer, "STATUS", "CANCELLED");
  write_raw (writer, "TRANSP", "TRANSPARENT");
  write_organizer (calendar);
  write_raw (writer, "END", "VEVENT");
  event_end (calendar, uid, withdrawn ? withdrawn->sequence : stay->revision);
}

/* The events taken out of @owner @ref's calendar (the store's record):
 * each comes back cancelled, with a SEQUENCE above the last one issued, so
 * that a client that imported it cancels it instead of keeping it. */
static void
write_withdrawals (Calendar          *calendar,
                   VpWithdrawalOwner  owner,
                   const char        *ref,
                   gboolean           for_host)
{
  GPtrArray *withdrawals = vp_snapshot_get_withdrawals (calendar->snapshot);

  /* a calendar of objects holds what is there now: what left it is deleted */
  if (calendar->objects != NULL)
    return;

  for (guint i = 0; i < withdrawals->len; i++)
    {
      VpWithdrawal *withdrawal = g_ptr_array_index (withdrawals, i);

      if (withdrawal->owner != owner || g_strcmp0 (withdrawal->owner_ref, ref) != 0)
        continue;

      if (withdrawal->leg != NULL)
        write_travel_leg (calendar, NULL, withdrawal->leg, 0, withdrawal);
      else if (withdrawal->stay != NULL)
        write_stay (calendar, NULL, withdrawal->stay, 0, withdrawal);
      else if (withdrawal->session != NULL)
        write_session (calendar, withdrawal->session, for_host, TRUE);
    }
}

/* A file's header (@name: its name, with METHOD:PUBLISH), or a calendar
 * object's (@name NULL: a CalDAV resource has no METHOD, RFC 4791 4.1). */
static void
write_header (Writer     *writer,
              Calendar   *calendar,
              const char *name)
{
  write_raw (writer, "BEGIN", "VCALENDAR");
  write_raw (writer, "VERSION", "2.0");
  write_raw (writer, "PRODID", PRODID);
  write_raw (writer, "CALSCALE", "GREGORIAN");
  if (name == NULL)
    return;
  write_raw (writer, "METHOD", "PUBLISH");
  write_text (writer, "NAME", name);
  write_text (writer, "X-WR-CALNAME", name);
  write_text (writer, "X-WR-TIMEZONE", vp_programme_get_timezone (calendar->programme));
}

/* The header, one VTIMEZONE per zone the events use, the events. */
static GBytes *
calendar_finish (Calendar   *calendar,
                 const char *name)
{
  g_autoptr(GString) out = g_string_sized_new (calendar->events->len + 4096);
  Writer writer = { out, calendar->writer.line };

  write_header (&writer, calendar, name);

  for (guint i = 0; i < calendar->zone_order->len; i++)
    g_string_append (out, lookup_vtimezone (g_ptr_array_index (calendar->zone_order, i)));

  g_string_append_len (out, calendar->events->str, calendar->events->len);
  write_raw (&writer, "END", "VCALENDAR");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
fill_programme (Calendar *calendar)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (calendar->snapshot);

  for (guint i = 0; i < sessions->len; i++)
    write_session (calendar, g_ptr_array_index (sessions, i), FALSE, FALSE);
  write_withdrawals (calendar, VP_WITHDRAWAL_PROGRAMME, "", FALSE);
}

GBytes *
vp_calendar_write_programme (VpSnapshot *snapshot,
                             GDateTime  *stamp)
{
  g_auto(Calendar) calendar = { NULL, };

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  calendar_init (&calendar, snapshot, stamp, vp_snapshot_get_sessions (snapshot)->len);
  fill_programme (&calendar);
  return calendar_finish (&calendar, vp_programme_get_title (calendar.programme));
}

static gboolean
attends (VpSession     *session,
         VpParticipant *participant)
{
  GPtrArray *attendees;
  const char *ref;

  if (vp_session_get_attendees_all (session))
    return TRUE;

  attendees = vp_session_get_attendees (session);
  ref = vp_participant_get_ref (participant);
  for (guint i = 0; i < attendees->len; i++)
    if (g_strcmp0 (g_ptr_array_index (attendees, i), ref) == 0)
      return TRUE;

  return FALSE;
}

static void
fill_participant (Calendar      *calendar,
                  VpParticipant *participant)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (calendar->snapshot);
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);

  for (guint i = 0; i < travel->len; i++)
    write_travel_leg (calendar, participant, g_ptr_array_index (travel, i), i, NULL);
  for (guint i = 0; i < stays->len; i++)
    write_stay (calendar, participant, g_ptr_array_index (stays, i), i, NULL);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (attends (session, participant))
        write_session (calendar, session, FALSE, FALSE);
    }
  write_withdrawals (calendar, VP_WITHDRAWAL_PARTICIPANT, vp_participant_get_ref (participant),
                     FALSE);
}

/* When no document language is set on this thread: the reader's (@code,
 * theirs) as the document's when its catalog is there, else the user's.
 * Returns the one to give back with vp_language_set_document() when the
 * calendar is written. */
static VpLanguage *
use_reader_language (const char *code)
{
  VpLanguage *previous = vp_language_get_document ();
  VpLanguage *language = NULL;

  if (previous != NULL)
    return previous;
  if (code != NULL)
    language = vp_language_get (code, NULL);
  if (language == NULL)
    language = vp_language_get (vp_language_user_code (), NULL);
  vp_language_set_document (language);
  return previous;
}

GBytes *
vp_calendar_write_participant (VpSnapshot    *snapshot,
                               VpParticipant *participant,
                               GDateTime     *stamp)
{
  g_auto(Calendar) calendar = { NULL, };
  g_autofree char *name = NULL;
  VpLanguage *previous;
  GBytes *bytes;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);

  previous = use_reader_language (vp_participant_get_language (participant));
  calendar_init (&calendar, snapshot, stamp, 64);
  fill_participant (&calendar, participant);

  /* TRANSLATORS: a calendar's name: the programme, then the participant */
  name = g_strdup_printf (_("%s — %s"), vp_programme_get_title (calendar.programme),
                          vp_participant_get_name (participant));
  bytes = calendar_finish (&calendar, name);
  vp_language_set_document (previous);
  return bytes;
}

static void
fill_host (Calendar *calendar,
           VpHost   *host)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (calendar->snapshot);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (g_strcmp0 (vp_session_get_host_ref (session), vp_host_get_ref (host)) == 0)
        write_session (calendar, session, TRUE, FALSE);
    }
  write_withdrawals (calendar, VP_WITHDRAWAL_HOST, vp_host_get_ref (host), TRUE);
}

GBytes *
vp_calendar_write_host (VpSnapshot *snapshot,
                        VpHost     *host,
                        GDateTime  *stamp)
{
  g_auto(Calendar) calendar = { NULL, };
  g_autofree char *name = NULL;
  VpLanguage *previous;
  GBytes *bytes;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (VP_IS_HOST (host), NULL);

  previous = use_reader_language (vp_host_get_language (host));
  calendar_init (&calendar, snapshot, stamp, 64);
  fill_host (&calendar, host);

  /* TRANSLATORS: a calendar's name: the programme, then the host */
  name = g_strdup_printf (_("%s — %s"), vp_programme_get_title (calendar.programme),
                          vp_host_get_name (host));
  bytes = calendar_finish (&calendar, name);
  vp_language_set_document (previous);
  return bytes;
}

/* Calendar objects {{{1 */

void
vp_calendar_object_free (VpCalendarObject *object)
{
  if (object == NULL)
    return;

  g_free (object->uid);
  g_clear_pointer (&object->data, g_bytes_unref);
  g_free (object);
}

static GPtrArray *
objects_finish (Calendar *calendar)
{
  return g_steal_pointer (&calendar->objects);
}

static void
objects_init (Calendar   *calendar,
              VpSnapshot *snapshot,
              GDateTime  *stamp)
{
  calendar_init (calendar, snapshot, stamp, 1);
  calendar->objects = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_calendar_object_free);
}

GPtrArray *
vp_calendar_objects_programme (VpSnapshot *snapshot,
                               GDateTime  *stamp)
{
  g_auto(Calendar) calendar = { NULL, };

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  objects_init (&calendar, snapshot, stamp);
  fill_programme (&calendar);
  return objects_finish (&calendar);
}

GPtrArray *
vp_calendar_objects_participant (VpSnapshot    *snapshot,
                                 VpParticipant *participant,
                                 GDateTime     *stamp)
{
  g_auto(Calendar) calendar = { NULL, };
  VpLanguage *previous;
  GPtrArray *objects;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);

  previous = use_reader_language (vp_participant_get_language (participant));
  objects_init (&calendar, snapshot, stamp);
  fill_participant (&calendar, participant);
  objects = objects_finish (&calendar);
  vp_language_set_document (previous);
  return objects;
}

GPtrArray *
vp_calendar_objects_host (VpSnapshot *snapshot,
                          VpHost     *host,
                          GDateTime  *stamp)
{
  g_auto(Calendar) calendar = { NULL, };
  VpLanguage *previous;
  GPtrArray *objects;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (VP_IS_HOST (host), NULL);

  previous = use_reader_language (vp_host_get_language (host));
  objects_init (&calendar, snapshot, stamp);
  fill_host (&calendar, host);
  objects = objects_finish (&calendar);
  vp_language_set_document (previous);
  return objects;
}

/* Files {{{1 */

/* Letters and digits of any script stay, as do - _ and . inside the
 * text; everything else (separators, quotes, slashes, controls) becomes one
 * dash.  The result is in NFC, so that one name is one file name on every
 * file system, and at most MAX_FILE_NAME bytes. */
static void
append_safe (GString    *base,
             const char *text)
{
  g_autofree char *normalized = NULL;
  gboolean dash = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char encoded[6];
      gsize length;

      if (g_unichar_isalnum (c) || (base->len > 0 && (c == '_' || c == '.')))
        {
          length = (gsize)g_unichar_to_utf8 (c, encoded);
          if (base->len + length + (dash ? 1 : 0) > MAX_FILE_NAME)
            break;
          if (dash && base->len > 0)
            g_string_append_c (base, '-');
          dash = FALSE;
          g_string_append_len (base, encoded, (gssize)length);
        }
      else
        dash = TRUE;
    }

  while (base->len > 0 && base->str[base->len - 1] == '.')
    g_string_truncate (base, base->len - 1);
}

char *
vp_calendar_file_name (VpParticipant *participant,
                       GHashTable    *taken)
{
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *candidate = NULL;

  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);
  g_return_val_if_fail (taken != NULL, NULL);

  append_safe (base, vp_participant_get_name (participant));
  if (base->len == 0)
    {
      g_string_assign (base, "participant");
      if (vp_participant_get_ref (participant) != NULL)
        {
          g_string_append_c (base, '-');
          append_safe (base, vp_participant_get_ref (participant));
          if (base->str[base->len - 1] == '-')
            g_string_truncate (base, base->len - 1);
        }
    }
  /* "CON.txt" becomes "CON-calendar.txt": the part before the first dot
   * is what Windows looks at */
  if (vp_file_name_is_device (base->str))
    {
      const char *dot = strchr (base->str, '.');

      g_string_insert (base, dot != NULL ? dot - base->str : -1, "-calendar");
    }

  /* File systems on other machines ignore case: compare case-folded. */
  for (guint n = 1; ; n++)
    {
      g_autofree char *folded = NULL;

      g_free (candidate);
      candidate = n == 1 ? g_strdup_printf ("%s.ics", base->str)
                         : g_strdup_printf ("%s-%u.ics", base->str, n);
      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          break;
        }
    }

  return g_steal_pointer (&candidate);
}

/* The path of each participant's file in @folder, in participant order. */
static GPtrArray *
each_participant_paths (VpSnapshot *snapshot,
                        const char *folder)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *paths = g_ptr_array_new_full (participants->len, g_free);

  for (guint i = 0; i < participants->len; i++)
    {
      g_autofree char *file_name = vp_calendar_file_name (g_ptr_array_index (participants, i),
                                                          taken);

      g_ptr_array_add (paths, g_build_filename (folder, file_name, NULL));
    }

  return paths;
}

GPtrArray *
vp_calendar_each_participant_paths (VpSnapshot *snapshot,
                                    const char *folder)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  return each_participant_paths (snapshot, folder);
}

GPtrArray *
vp_calendar_write_each_participant (VpSnapshot  *snapshot,
                                    const char  *folder,
                                    GDateTime   *stamp,
                                    GError     **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(VpFileBatch) batch = NULL;
  g_autoptr(GDateTime) now = NULL;
  GPtrArray *participants;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot create the folder: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  /* One DTSTAMP for the whole batch. */
  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();

  /* All the files or none: a full disk half way leaves the folder as it
   * was.  Each calendar goes to its temporary file as soon as it is made,
   * so one at a time is in memory. */
  participants = vp_snapshot_get_participants (snapshot);
  paths = each_participant_paths (snapshot, folder);
  batch = vp_file_batch_new (0600);
  for (guint i = 0; i < participants->len; i++)
    {
      g_autoptr(GBytes) calendar =
        vp_calendar_write_participant (snapshot, g_ptr_array_index (participants, i), stamp);

      if (!vp_file_batch_add (batch, g_ptr_array_index (paths, i), calendar, error))
        return NULL;
    }
  if (!vp_file_batch_commit (batch, error))
    return NULL;

  return g_steal_pointer (&paths);
}

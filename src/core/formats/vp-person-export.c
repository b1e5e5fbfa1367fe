/* vp-person-export.c: everything held about one person, as one JSON document (GDPR Art. 15
 * and 20). */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vp-enum-types.h"
#include "vp-person-export.h"
#include "vp-privacy.h"
#include "vp-snapshot.h"

/* A member only when it has a value. */
static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_travel (JsonBuilder   *builder,
            VpParticipant *participant)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);

  json_builder_set_member_name (builder, "travel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);

      json_builder_begin_object (builder);
      add_string (builder, "uid", leg->uid);
      add_string (builder, "kind", vp_enum_to_nick (VP_TYPE_TRAVEL_KIND, leg->kind));
      add_string (builder, "reference", leg->reference);
      add_string (builder, "from", leg->from);
      add_string (builder, "to", leg->to);
      add_string (builder, "depart", leg->depart);
      add_string (builder, "depart_timezone", leg->depart_timezone);
      add_string (builder, "arrive", leg->arrive);
      add_string (builder, "arrive_timezone", leg->arrive_timezone);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "accommodation");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stays->len; i++)
    {
      VpStay *stay = g_ptr_array_index (stays, i);

      json_builder_begin_object (builder);
      add_string (builder, "uid", stay->uid);
      add_string (builder, "name", stay->name);
      add_string (builder, "address", stay->address);
      add_string (builder, "check_in", stay->check_in);
      add_string (builder, "check_out", stay->check_out);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gboolean
attends (VpSession     *session,
         VpParticipant *participant)
{
  GPtrArray *attendees = vp_session_get_attendees (session);

  if (vp_session_get_attendees_all (session))
    return TRUE;
  for (guint i = 0; i < attendees->len; i++)
    if (g_strcmp0 (g_ptr_array_index (attendees, i), vp_participant_get_ref (participant)) == 0)
      return TRUE;
  return FALSE;
}

static void
add_participant (JsonBuilder   *builder,
                 VpSnapshot    *snapshot,
                 VpParticipant *participant)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  GPtrArray *withdrawals = vp_snapshot_get_withdrawals (snapshot);
  g_auto(GStrv) consent = vp_consent_fields_to_words (vp_participant_get_consent_fields (
                                                        participant));

  json_builder_begin_object (builder);
  add_string (builder, "id", vp_participant_get_ref (participant));
  add_string (builder, "name", vp_participant_get_name (participant));
  add_string (builder, "email", vp_participant_get_email (participant));
  add_string (builder, "organisation", vp_participant_get_organisation (participant));
  add_string (builder, "phone", vp_participant_get_phone (participant));
  add_string (builder, "country", vp_participant_get_country (participant));
  add_string (builder, "role", vp_enum_to_nick (VP_TYPE_PARTICIPANT_ROLE,
                                                vp_participant_get_role (participant)));
  add_string (builder, "dietary", vp_participant_get_dietary (participant));
  add_string (builder, "accessibility", vp_participant_get_accessibility (participant));
  add_string (builder, "emergency_contact", vp_participant_get_emergency_contact (participant));
  add_string (builder, "notes", vp_participant_get_notes (participant));

  json_builder_set_member_name (builder, "consent");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; consent[i] != NULL; i++)
    json_builder_add_string_value (builder, consent[i]);
  json_builder_end_array (builder);
  add_string (builder, "given", vp_participant_get_consent_given (participant));
  add_string (builder, "wording", vp_participant_get_consent_wording (participant));
  json_builder_end_object (builder);

  add_travel (builder, participant);

  json_builder_set_member_name (builder, "sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpHost *host = vp_snapshot_lookup_host (snapshot, vp_session_get_host_ref (session));

      if (!attends (session, participant))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "uid", vp_session_get_uid (session));
      add_string (builder, "title", vp_session_get_title (session));
      add_string (builder, "start", vp_session_get_start (session));
      add_string (builder, "end", vp_session_get_end (session));
      add_string (builder, "timezone", vp_session_get_timezone (session));
      add_string (builder, "host", host != NULL ? vp_host_get_name (host) : NULL);
      add_string (builder, "status", vp_enum_to_nick (VP_TYPE_SESSION_STATUS,
                                                      vp_session_get_status (session)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* what their calendar was told was taken out of it */
  json_builder_set_member_name (builder, "calendar_cancellations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < withdrawals->len; i++)
    {
      VpWithdrawal *withdrawal = g_ptr_array_index (withdrawals, i);

      if (withdrawal->owner != VP_WITHDRAWAL_PARTICIPANT ||
          g_strcmp0 (withdrawal->owner_ref, vp_participant_get_ref (participant)) != 0)
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "uid", withdrawal->uid);
      if (withdrawal->session != NULL)
        {
          add_string (builder, "item", "session");
          add_string (builder, "title", vp_session_get_title (withdrawal->session));
          add_string (builder, "start", vp_session_get_start (withdrawal->session));
        }
      else if (withdrawal->leg != NULL)
        {
          add_string (builder, "item", "travel");
          add_string (builder, "reference", withdrawal->leg->reference);
          add_string (builder, "from", withdrawal->leg->from);
          add_string (builder, "to", withdrawal->leg->to);
          add_string (builder, "depart", withdrawal->leg->depart);
        }
      else if (withdrawal->stay != NULL)
        {
          add_string (builder, "item", "stay");
          add_string (builder, "name", withdrawal->stay->name);
          add_string (builder, "address", withdrawal->stay->address);
          add_string (builder, "check_in", withdrawal->stay->check_in);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Where the person is a contact: "coordinator", "host" or "organisation",
 * with its name, and the name and email held. */
static void
add_contact (JsonBuilder *builder,
             const char  *role,
             const char  *of,
             const char  *name,
             const char  *email)
{
  json_builder_begin_object (builder);
  add_string (builder, "as", role);
  add_string (builder, "of", of);
  add_string (builder, "name", name);
  add_string (builder, "email", email);
  json_builder_end_object (builder);
}

static void
add_programme (JsonBuilder *builder,
               VpSnapshot  *snapshot,
               const char  *email)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);
  GDate until;
  char day[16] = "";

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, vp_programme_get_id (programme));
  add_string (builder, "uid", vp_programme_get_uid (programme));
  add_string (builder, "title", vp_programme_get_title (programme));
  add_string (builder, "start_date", vp_programme_get_start_date (programme));
  add_string (builder, "end_date", vp_programme_get_end_date (programme));
  if (vp_privacy_get_retention_date (programme, vp_privacy_get_default_retention_months (),
                                     &until))
    {
      g_date_strftime (day, sizeof day, "%Y-%m-%d", &until);
      add_string (builder, "retention_until", day);
    }

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < participants->len; i++)
    if (vp_privacy_same_email (vp_participant_get_email (g_ptr_array_index (participants, i)),
                               email))
      add_participant (builder, snapshot, g_ptr_array_index (participants, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  if (vp_privacy_same_email (vp_programme_get_coordinator_email (programme), email))
    add_contact (builder, "coordinator", vp_programme_get_title (programme),
                 vp_programme_get_coordinator_name (programme),
                 vp_programme_get_coordinator_email (programme));
  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);

      if (vp_privacy_same_email (vp_host_get_contact_email (host), email))
        add_contact (builder, "host", vp_host_get_name (host), vp_host_get_contact_name (host),
                     vp_host_get_contact_email (host));
    }
  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);

      if (vp_privacy_same_email (vp_organisation_get_contact_email (organisation), email))
        add_contact (builder, "organisation", vp_organisation_get_name (organisation),
                     vp_organisation_get_contact_name (organisation),
                     vp_organisation_get_contact_email (organisation));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
vp_person_export_write (const char *email,
                        GPtrArray  *snapshots,
                        const char *exported)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (email != NULL, NULL);
  g_return_val_if_fail (snapshots != NULL, NULL);

  summary = vp_privacy_describe_person (snapshots, email);

  json_builder_begin_object (builder);
  add_string (builder, "format", "visit-planner-person");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "email", email);
  add_string (builder, "exported", exported);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (summary, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "programmes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < snapshots->len; i++)
    add_programme (builder, g_ptr_array_index (snapshots, i), email);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* vp-snapshot-diff.c: what writing one snapshot of a programme over another changes, in the
 * words the import preview and the command line's dry runs both use. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "vp-labels.h"
#include "vp-snapshot-diff.h"
#include "vp-time.h"

struct _VpSnapshotDiff
{
  VpSnapshot *before;
  VpSnapshot *after;
  GPtrArray  *changes[VP_N_ENTITIES];  /* VpSnapshotChange */
};

/* The fields {{{1 */

/* Labels are marked with the context the import preview always gave them. */
#define FIELD(name, member, label) \
  static const VpChangeField name = { member, NC_ ("changed field", label) }

FIELD (field_title, "title", "title");
FIELD (field_description, "description", "description");
FIELD (field_status, "status", "status");
FIELD (field_visiting_cluster, "visiting_cluster", "visiting cluster");
FIELD (field_host_cluster, "host_cluster", "host cluster");
FIELD (field_host_country, "host_country", "host country");
FIELD (field_timezone_programme, "timezone", "time zone");
FIELD (field_start_date, "start_date", "first day");
FIELD (field_end_date, "end_date", "last day");
FIELD (field_coordinator, "coordinator", "coordinator");
FIELD (field_origin, "origin", "origin");
FIELD (field_lump_sum, "lump_sum_eur", "lump sum");
FIELD (field_lump_sum_override, "lump_sum_override_eur", "partnership's lump sum");

FIELD (field_name, "name", "name");
FIELD (field_host_kind, "kind", "kind");
FIELD (field_contact_name, "contact_name", "contact");
FIELD (field_contact_email, "contact_email", "contact email");
FIELD (field_phone, "phone", "phone");
FIELD (field_address, "address", "address");
FIELD (field_city, "city", "city");
FIELD (field_country, "country", "country");
FIELD (field_latitude, "latitude", "position");
FIELD (field_longitude, "longitude", "position");
FIELD (field_max_group_size, "max_group_size", "group size");
FIELD (field_site_notes, "notes", "site rules and notes");

FIELD (field_organisation_kind, "kind", "kind");
FIELD (field_cluster, "cluster", "cluster");
FIELD (field_eccp_url, "eccp_url", "ECCP profile");

FIELD (field_email, "email", "email");
FIELD (field_organisation, "organisation", "organisation");
FIELD (field_role, "role", "role");
FIELD (field_dietary, "dietary", "dietary needs");
FIELD (field_accessibility, "accessibility", "accessibility");
FIELD (field_emergency_contact, "emergency_contact", "emergency contact");
FIELD (field_notes, "notes", "notes");
FIELD (field_travel, "travel", "travel");
FIELD (field_accommodation, "accommodation", "hotel stays");

FIELD (field_session_kind, "kind", "kind");
FIELD (field_start, "start", "time");
FIELD (field_end, "end", "time");
FIELD (field_timezone, "timezone", "time");
FIELD (field_end_timezone, "end_timezone", "time");
FIELD (field_host, "host", "host");
FIELD (field_location, "location", "place");
FIELD (field_attendees, "attendees", "attendees");
FIELD (field_capacity, "capacity", "capacity");

#undef FIELD

const char *
vp_change_field_get_label (const VpChangeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "changed field", field->label);
}

/* Adds @field to @fields when @a and @b differ. */
static void
note_text (GPtrArray           *fields,
           const char          *a,
           const char          *b,
           const VpChangeField *field)
{
  if (g_strcmp0 (a, b) != 0)
    g_ptr_array_add (fields, (gpointer)field);
}

static void
note_if (GPtrArray           *fields,
         gboolean             differs,
         const VpChangeField *field)
{
  if (differs)
    g_ptr_array_add (fields, (gpointer)field);
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static GPtrArray *
programme_fields (VpProgramme *old,
                  VpProgramme *new)
{
  GPtrArray *fields = g_ptr_array_new ();

  note_text (fields, vp_programme_get_title (old), vp_programme_get_title (new), &field_title);
  note_text (fields, vp_programme_get_description (old), vp_programme_get_description (new),
             &field_description);
  note_if (fields, vp_programme_get_status (old) != vp_programme_get_status (new),
           &field_status);
  note_text (fields, vp_programme_get_visiting_cluster (old),
             vp_programme_get_visiting_cluster (new), &field_visiting_cluster);
  note_text (fields, vp_programme_get_host_cluster (old), vp_programme_get_host_cluster (new),
             &field_host_cluster);
  note_text (fields, vp_programme_get_host_country (old), vp_programme_get_host_country (new),
             &field_host_country);
  note_text (fields, vp_programme_get_timezone (old), vp_programme_get_timezone (new),
             &field_timezone_programme);
  note_text (fields, vp_programme_get_start_date (old), vp_programme_get_start_date (new),
             &field_start_date);
  note_text (fields, vp_programme_get_end_date (old), vp_programme_get_end_date (new),
             &field_end_date);
  note_if (fields,
           g_strcmp0 (vp_programme_get_coordinator_name (old),
                      vp_programme_get_coordinator_name (new)) != 0 ||
           g_strcmp0 (vp_programme_get_coordinator_email (old),
                      vp_programme_get_coordinator_email (new)) != 0,
           &field_coordinator);
  note_if (fields,
           g_strcmp0 (vp_programme_get_origin_city (old),
                      vp_programme_get_origin_city (new)) != 0 ||
           !same_double (vp_programme_get_origin_latitude (old),
                         vp_programme_get_origin_latitude (new)) ||
           !same_double (vp_programme_get_origin_longitude (old),
                         vp_programme_get_origin_longitude (new)),
           &field_origin);
  note_if (fields,
           !same_double (vp_programme_get_lump_sum_eur (old), vp_programme_get_lump_sum_eur (new)),
           &field_lump_sum);
  note_if (fields,
           !same_double (vp_programme_get_lump_sum_override_eur (old),
                         vp_programme_get_lump_sum_override_eur (new)),
           &field_lump_sum_override);

  return fields;
}

static GPtrArray *
host_fields (VpHost *old,
             VpHost *new)
{
  GPtrArray *fields = g_ptr_array_new ();

  note_text (fields, vp_host_get_name (old), vp_host_get_name (new), &field_name);
  note_if (fields, vp_host_get_kind (old) != vp_host_get_kind (new), &field_host_kind);
  note_text (fields, vp_host_get_contact_name (old), vp_host_get_contact_name (new),
             &field_contact_name);
  note_text (fields, vp_host_get_contact_email (old), vp_host_get_contact_email (new),
             &field_contact_email);
  note_text (fields, vp_host_get_phone (old), vp_host_get_phone (new), &field_phone);
  note_text (fields, vp_host_get_address (old), vp_host_get_address (new), &field_address);
  note_text (fields, vp_host_get_city (old), vp_host_get_city (new), &field_city);
  note_text (fields, vp_host_get_country (old), vp_host_get_country (new), &field_country);
  note_if (fields, !same_double (vp_host_get_latitude (old), vp_host_get_latitude (new)),
           &field_latitude);
  note_if (fields, !same_double (vp_host_get_longitude (old), vp_host_get_longitude (new)),
           &field_longitude);
  note_if (fields, vp_host_get_max_group_size (old) != vp_host_get_max_group_size (new),
           &field_max_group_size);
  note_text (fields, vp_host_get_notes (old), vp_host_get_notes (new), &field_site_notes);

  return fields;
}

/* Whether @new (legs or stays) differ from @old as the store matches them:
 * by uid, then an item without one by @same_key among those not yet
 * matched; one left without a match is added or removed. */
static gboolean
items_differ (GPtrArray  *old,
              GPtrArray  *new,
              gsize       uid_offset,
              gboolean  (*same_key) (gconstpointer a, gconstpointer b),
              gboolean  (*differs) (gconstpointer a, gconstpointer b))
{
  g_autoptr(GHashTable) taken = NULL;

#define ITEM_UID(item) (*(const char **)G_STRUCT_MEMBER_P ((item), uid_offset))

  if (old->len != new->len)
    return TRUE;

  taken = g_hash_table_new (NULL, NULL);
  /* those with a uid first: they keep their match before a key takes it */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < new->len; i++)
      {
        gconstpointer item = g_ptr_array_index (new, i);
        const char *uid = ITEM_UID (item);
        gconstpointer match = NULL;

        if ((pass == 0) != (uid != NULL))
          continue;

        for (guint j = 0; j < old->len && match == NULL; j++)
          {
            gconstpointer candidate = g_ptr_array_index (old, j);

            if (g_hash_table_contains (taken, candidate))
              continue;
            if (uid != NULL ? g_strcmp0 (uid, ITEM_UID (candidate)) == 0
                            : same_key (item, candidate))
              match = candidate;
          }

        if (match == NULL || differs (item, match))
          return TRUE;
        g_hash_table_add (taken, (gpointer)match);
      }

#undef ITEM_UID

  return FALSE;
}

static gboolean
same_leg_key (gconstpointer a,
              gconstpointer b)
{
  const VpTravelLeg *leg_a = a, *leg_b = b;

  return g_strcmp0 (leg_a->reference, leg_b->reference) == 0 &&
         g_strcmp0 (leg_a->from, leg_b->from) == 0 &&
         g_strcmp0 (leg_a->to, leg_b->to) == 0;
}

static gboolean
leg_differs (gconstpointer a,
             gconstpointer b)
{
  return vp_travel_leg_differs (a, b);
}

static gboolean
same_stay_key (gconstpointer a,
               gconstpointer b)
{
  const VpStay *stay_a = a, *stay_b = b;

  return g_strcmp0 (stay_a->name, stay_b->name) == 0 &&
         g_strcmp0 (stay_a->check_in, stay_b->check_in) == 0;
}

static gboolean
stay_differs (gconstpointer a,
              gconstpointer b)
{
  return vp_stay_differs (a, b);
}

static GPtrArray *
participant_fields (VpParticipant *old,
                    VpParticipant *new)
{
  GPtrArray *fields = g_ptr_array_new ();

  note_text (fields, vp_participant_get_name (old), vp_participant_get_name (new), &field_name);
  note_text (fields, vp_participant_get_email (old), vp_participant_get_email (new),
             &field_email);
  note_text (fields, vp_participant_get_organisation (old), vp_participant_get_organisation (new),
             &field_organisation);
  note_text (fields, vp_participant_get_phone (old), vp_participant_get_phone (new), &field_phone);
  note_text (fields, vp_participant_get_country (old), vp_participant_get_country (new),
             &field_country);
  note_if (fields, vp_participant_get_role (old) != vp_participant_get_role (new), &field_role);
  note_text (fields, vp_participant_get_dietary (old), vp_participant_get_dietary (new),
             &field_dietary);
  note_text (fields, vp_participant_get_accessibility (old),
             vp_participant_get_accessibility (new), &field_accessibility);
  note_text (fields, vp_participant_get_emergency_contact (old),
             vp_participant_get_emergency_contact (new), &field_emergency_contact);
  note_text (fields, vp_participant_get_notes (old), vp_participant_get_notes (new),
             &field_notes);
  note_if (fields,
           items_differ (vp_participant_get_travel (old), vp_participant_get_travel (new),
                         G_STRUCT_OFFSET (VpTravelLeg, uid), same_leg_key, leg_differs),
           &field_travel);
  note_if (fields,
           items_differ (vp_participant_get_accommodation (old),
                         vp_participant_get_accommodation (new),
                         G_STRUCT_OFFSET (VpStay, uid), same_stay_key, stay_differs),
           &field_accommodation);

  return fields;
}

/* Whether two sessions are for different people: everyone, or their lists
 * of attendees taken as sets. */
static gboolean
attendees_differ (VpSession *old,
                  VpSession *new)
{
  GPtrArray *old_refs = vp_session_get_attendees (old);
  GPtrArray *new_refs = vp_session_get_attendees (new);
  g_autoptr(GHashTable) set = NULL;

  if (vp_session_get_attendees_all (old) != vp_session_get_attendees_all (new))
    return TRUE;
  if (vp_session_get_attendees_all (old))
    return FALSE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old_refs->len; i++)
    g_hash_table_add (set, g_ptr_array_index (old_refs, i));
  for (guint i = 0; i < new_refs->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (new_refs, i)))
      return TRUE;

  /* the same refs, each listed once or more: the same people when the
   * new list names as many different ones */
  g_hash_table_remove_all (set);
  for (guint i = 0; i < new_refs->len; i++)
    g_hash_table_add (set, g_ptr_array_index (new_refs, i));
  for (guint i = 0; i < old_refs->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (old_refs, i)))
      return TRUE;

  return FALSE;
}

static GPtrArray *
session_fields (VpSession *old,
                VpSession *new)
{
  GPtrArray *fields = g_ptr_array_new ();

  note_text (fields, vp_session_get_title (old), vp_session_get_title (new), &field_title);
  note_if (fields, vp_session_get_kind (old) != vp_session_get_kind (new), &field_session_kind);
  note_text (fields, vp_session_get_start (old), vp_session_get_start (new), &field_start);
  note_text (fields, vp_session_get_end (old), vp_session_get_end (new), &field_end);
  note_text (fields, vp_session_get_timezone (old), vp_session_get_timezone (new),
             &field_timezone);
  note_text (fields, vp_session_get_end_timezone (old), vp_session_get_end_timezone (new),
             &field_end_timezone);
  note_text (fields, vp_session_get_host_ref (old), vp_session_get_host_ref (new), &field_host);
  note_text (fields, vp_session_get_location (old), vp_session_get_location (new),
             &field_location);
  note_text (fields, vp_session_get_description (old), vp_session_get_description (new),
             &field_description);
  note_if (fields, vp_session_get_status (old) != vp_session_get_status (new), &field_status);
  note_if (fields, attendees_differ (old, new), &field_attendees);
  note_if (fields, vp_session_get_capacity (old) != vp_session_get_capacity (new),
           &field_capacity);

  return fields;
}

/* The diff {{{1 */

static void
change_free (gpointer data)
{
  VpSnapshotChange *change = data;

  g_clear_pointer (&change->fields, g_ptr_array_unref);
  g_clear_object (&change->object);
  g_clear_object (&change->previous);
  g_free (change);
}

/* Takes @fields (NULL: none). */
static void
add_change (VpSnapshotDiff *self,
            VpEntity    kind,
            VpChange  action,
            gpointer        object,
            gpointer        previous,
            GPtrArray      *fields)
{
  VpSnapshotChange *change = g_new0 (VpSnapshotChange, 1);

  change->kind = kind;
  change->action = action;
  change->object = g_object_ref (object);
  change->previous = previous != NULL ? g_object_ref (previous) : NULL;
  change->fields = fields != NULL ? fields : g_ptr_array_new ();
  g_ptr_array_add (self->changes[kind], change);
}

/* Adds a change of @object from @previous when a field differs. */
static void
add_if_changed (VpSnapshotDiff *self,
                VpEntity    kind,
                VpChange  action,
                gpointer        object,
                gpointer        previous,
                GPtrArray      *fields)
{
  if (fields->len == 0)
    {
      g_ptr_array_unref (fields);
      return;
    }
  add_change (self, kind, action, object, previous, fields);
}

static void
diff_programme (VpSnapshotDiff *self)
{
  VpProgramme *programme = vp_snapshot_get_programme (self->after);
  VpProgramme *old;

  if (self->before == NULL)
    {
      add_change (self, VP_ENTITY_PROGRAMME, VP_CHANGE_ADDED, programme, NULL, NULL);
      return;
    }

  old = vp_snapshot_get_programme (self->before);
  if (old != programme)
    add_if_changed (self, VP_ENTITY_PROGRAMME, VP_CHANGE_CHANGED, programme, old,
                    programme_fields (old, programme));
}

static void
diff_hosts (VpSnapshotDiff *self)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (self->after);

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);
      VpHost *old = self->before != NULL
        ? vp_snapshot_lookup_host (self->before, vp_host_get_ref (host))
        : NULL;

      /* the importers keep the objects they do not change */
      if (old == host)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_HOST, VP_CHANGE_ADDED, host, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_HOST, VP_CHANGE_CHANGED, host, old,
                        host_fields (old, host));
    }

  if (self->before == NULL)
    return;

  hosts = vp_snapshot_get_hosts (self->before);
  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *old = g_ptr_array_index (hosts, i);

      if (vp_snapshot_lookup_host (self->after, vp_host_get_ref (old)) == NULL)
        add_change (self, VP_ENTITY_HOST, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

static GPtrArray *
organisation_fields (VpOrganisation *old,
                     VpOrganisation *new)
{
  GPtrArray *fields = g_ptr_array_new ();

  note_text (fields, vp_organisation_get_name (old), vp_organisation_get_name (new), &field_name);
  note_if (fields, vp_organisation_get_kind (old) != vp_organisation_get_kind (new),
           &field_organisation_kind);
  note_text (fields, vp_organisation_get_country (old), vp_organisation_get_country (new),
             &field_country);
  note_text (fields, vp_organisation_get_city (old), vp_organisation_get_city (new), &field_city);
  note_if (fields,
           !same_double (vp_organisation_get_latitude (old), vp_organisation_get_latitude (new)),
           &field_latitude);
  note_if (fields,
           !same_double (vp_organisation_get_longitude (old), vp_organisation_get_longitude (new)),
           &field_longitude);
  note_text (fields, vp_organisation_get_cluster (old), vp_organisation_get_cluster (new),
             &field_cluster);
  note_text (fields, vp_organisation_get_eccp_url (old), vp_organisation_get_eccp_url (new),
             &field_eccp_url);
  note_text (fields, vp_organisation_get_contact_name (old), vp_organisation_get_contact_name (new),
             &field_contact_name);
  note_text (fields, vp_organisation_get_contact_email (old),
             vp_organisation_get_contact_email (new), &field_contact_email);

  return fields;
}

/* Organisations meet by their name, however spelt: a document's refs and
 * uids for them may be new each time (a version-1 document has none). */
static void
diff_organisations (VpSnapshotDiff *self)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (self->after);

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);
      VpOrganisation *old = self->before != NULL
        ? vp_snapshot_lookup_organisation_by_name (self->before,
                                                   vp_organisation_get_name (organisation))
        : NULL;

      if (old == organisation)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_ORGANISATION, VP_CHANGE_ADDED, organisation, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_ORGANISATION, VP_CHANGE_CHANGED, organisation, old,
                        organisation_fields (old, organisation));
    }

  if (self->before == NULL)
    return;

  organisations = vp_snapshot_get_organisations (self->before);
  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *old = g_ptr_array_index (organisations, i);

      if (vp_snapshot_lookup_organisation_by_name (self->after,
                                                   vp_organisation_get_name (old)) == NULL)
        add_change (self, VP_ENTITY_ORGANISATION, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

static void
diff_participants (VpSnapshotDiff *self)
{
  GPtrArray *participants = vp_snapshot_get_participants (self->after);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      VpParticipant *old = self->before != NULL
        ? vp_snapshot_lookup_participant (self->before, vp_participant_get_ref (participant))
        : NULL;

      if (old == participant)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_ADDED, participant, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_CHANGED, participant, old,
                        participant_fields (old, participant));
    }

  if (self->before == NULL)
    return;

  participants = vp_snapshot_get_participants (self->before);
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *old = g_ptr_array_index (participants, i);

      if (vp_snapshot_lookup_participant (self->after, vp_participant_get_ref (old)) == NULL)
        add_change (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

static void
diff_sessions (VpSnapshotDiff      *self,
               VpSnapshotDiffFlags  flags)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (self->after);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      const char *uid = vp_session_get_uid (session);
      VpSession *old = self->before != NULL && uid != NULL
        ? vp_snapshot_lookup_session_by_uid (self->before, uid)
        : NULL;
      gboolean cancelled;

      if (old == session)
        continue;
      if (old == NULL)
        {
          add_change (self, VP_ENTITY_SESSION, VP_CHANGE_ADDED, session, NULL, NULL);
          continue;
        }

      cancelled = vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED &&
                  vp_session_get_status (old) != VP_SESSION_STATUS_CANCELLED;
      add_if_changed (self, VP_ENTITY_SESSION,
                      cancelled ? VP_CHANGE_CANCELLED : VP_CHANGE_CHANGED, session, old,
                      session_fields (old, session));
    }

  if (self->before == NULL)
    return;

  sessions = vp_snapshot_get_sessions (self->before);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *old = g_ptr_array_index (sessions, i);
      const char *uid = vp_session_get_uid (old);
      GPtrArray *fields;

      if (uid != NULL && vp_snapshot_lookup_session_by_uid (self->after, uid) != NULL)
        continue;

      if (!(flags & VP_SNAPSHOT_DIFF_UPDATE))
        {
          add_change (self, VP_ENTITY_SESSION, VP_CHANGE_REMOVED, old, old, NULL);
          continue;
        }

      /* the store cancels it: its status is what changes */
      if (vp_session_get_status (old) == VP_SESSION_STATUS_CANCELLED)
        continue;
      fields = g_ptr_array_new ();
      g_ptr_array_add (fields, (gpointer)&field_status);
      add_change (self, VP_ENTITY_SESSION, VP_CHANGE_CANCELLED, old, old, fields);
    }
}

VpSnapshotDiff *
vp_snapshot_diff_new (VpSnapshot          *before,
                      VpSnapshot          *after,
                      VpSnapshotDiffFlags  flags)
{
  VpSnapshotDiff *self;

  g_return_val_if_fail (before == NULL || VP_IS_SNAPSHOT (before), NULL);
  g_return_val_if_fail (VP_IS_SNAPSHOT (after), NULL);

  self = g_new0 (VpSnapshotDiff, 1);
  self->before = before != NULL ? g_object_ref (before) : NULL;
  self->after = g_object_ref (after);
  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    self->changes[kind] = g_ptr_array_new_with_free_func (change_free);

  diff_programme (self);
  diff_hosts (self);
  diff_organisations (self);
  diff_participants (self);
  diff_sessions (self, flags);

  return self;
}

void
vp_snapshot_diff_free (VpSnapshotDiff *self)
{
  if (self == NULL)
    return;

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    g_ptr_array_unref (self->changes[kind]);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_free (self);
}

GPtrArray *
vp_snapshot_diff_get_changes (VpSnapshotDiff *self,
                              VpEntity    kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < VP_N_ENTITIES, NULL);

  return self->changes[kind];
}

guint
vp_snapshot_diff_count (VpSnapshotDiff *self,
                        VpEntity    kind,
                        VpChange  action)
{
  GPtrArray *changes;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < VP_N_ENTITIES, 0);

  changes = self->changes[kind];
  for (guint i = 0; i < changes->len; i++)
    n += ((VpSnapshotChange *)g_ptr_array_index (changes, i))->action == action;

  return n;
}

gboolean
vp_snapshot_diff_is_empty (VpSnapshotDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    if (self->changes[kind]->len > 0)
      return FALSE;

  return TRUE;
}

static const char *
kind_heading (VpEntity kind)
{
  switch (kind)
    {
    case VP_ENTITY_PROGRAMME:
      return _("Programme");
    case VP_ENTITY_HOST:
      return _("Hosts");
    case VP_ENTITY_PARTICIPANT:
      return _("Participants");
    case VP_ENTITY_ORGANISATION:
      return _("Organisations");
    case VP_ENTITY_SESSION:
    default:
      return _("Sessions");
    }
}

static char *
action_count (VpChange action,
              guint          n)
{
  /* Translators: the parts of a dry run's count of changes of one kind,
   * joined by commas: “Sessions: 2 added, 1 changed, 1 cancelled”. */
  switch (action)
    {
    case VP_CHANGE_ADDED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n), n);
    case VP_CHANGE_CHANGED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", n), n);
    case VP_CHANGE_REMOVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", n), n);
    case VP_CHANGE_CANCELLED:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled", n),
                              n);
    }
}

char *
vp_snapshot_diff_describe_kind (VpSnapshotDiff *self,
                                VpEntity    kind)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < VP_N_ENTITIES, NULL);

  for (guint action = 0; action < VP_N_CHANGES; action++)
    {
      guint n = vp_snapshot_diff_count (self, kind, action);

      if (n > 0)
        g_ptr_array_add (parts, action_count (action, n));
    }
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  counts = g_strjoinv (", ", (char **)parts->pdata);
  /* Translators: what an import changes of one kind: “Hosts” and the
   * counts, as in “Hosts: 1 added, 2 changed”. */
  return g_strdup_printf (_("%s: %s"), kind_heading (kind), counts);
}

const char *
vp_change_kind_get_member (VpEntity kind)
{
  switch (kind)
    {
    case VP_ENTITY_PROGRAMME:
      return "programme";
    case VP_ENTITY_HOST:
      return "hosts";
    case VP_ENTITY_PARTICIPANT:
      return "participants";
    case VP_ENTITY_SESSION:
      return "sessions";
    case VP_ENTITY_ORGANISATION:
      return "organisations";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
vp_change_action_get_nick (VpChange action)
{
  switch (action)
    {
    case VP_CHANGE_ADDED:
      return "added";
    case VP_CHANGE_CHANGED:
      return "changed";
    case VP_CHANGE_REMOVED:
      return "removed";
    case VP_CHANGE_CANCELLED:
      return "cancelled";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The words {{{1 */

/* Text on one line: valid UTF-8, control characters and line or paragraph
 * separators as spaces. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        c = ' ';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Adds @text, on one line, to @parts when it is not empty. */
static void
add_part (GPtrArray  *parts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (parts, one_line (text));
}

/* The parts, between middle dots, or NULL when there are none. */
static char *
join_parts (GPtrArray *parts)
{
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

static GDateTime *
wall_time (const char *local)
{
  VpLocalTime time;

  if (local == NULL || !vp_local_time_parse (local, &time, NULL))
    return NULL;

  /* A wall-clock reading, shown as it is in its own zone. */
  return g_date_time_new_utc (time.year, time.month, time.day, time.hour, time.minute,
                              time.second);
}

/* "Tue 13 Apr, 09:00–10:30" */
static char *
session_time (VpSession *session)
{
  g_autoptr(GDateTime) start = wall_time (vp_session_get_start (session));
  g_autoptr(GDateTime) end = wall_time (vp_session_get_end (session));
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start == NULL)
    return NULL;

  /* Translators: when a session begins, in an import preview; see the
   * conversions of g_date_time_format().  xgettext:no-c-format */
  start_text = g_date_time_format (start, C_("session start", "%a %-d %b, %H:%M"));
  if (end == NULL)
    return g_steal_pointer (&start_text);

  if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
      g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end))
    /* Translators: when a session ends on the day it begins; see the
     * conversions of g_date_time_format().  xgettext:no-c-format */
    end_text = g_date_time_format (end, C_("session end", "%H:%M"));
  else
    /* Translators: when a session ends on a later day; see the
     * conversions of g_date_time_format().  xgettext:no-c-format */
    end_text = g_date_time_format (end, C_("session end on another day", "%a %-d %b, %H:%M"));

  /* Translators: a session's time, as in “Tue 13 Apr, 09:00–10:30”. */
  return g_strdup_printf (_("%s–%s"), start_text, end_text);
}

/* What an added object is, in a few words. */
static char *
added_details (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  switch (change->kind)
    {
    case VP_ENTITY_PROGRAMME:
      {
        VpProgramme *programme = change->object;
        g_autofree char *dates = NULL;

        if (vp_programme_get_start_date (programme) != NULL)
          /* Translators: a programme's first and last day, as in
           * “2027-04-13 – 2027-04-16”. */
          dates = g_strdup_printf (_("%s – %s"), vp_programme_get_start_date (programme),
                                   vp_programme_get_end_date (programme));
        add_part (parts, dates);
        add_part (parts, vp_country_name (vp_programme_get_host_country (programme)));
      }
      break;

    case VP_ENTITY_HOST:
      add_part (parts, vp_host_kind_label (vp_host_get_kind (change->object)));
      add_part (parts, vp_host_get_city (change->object));
      add_part (parts, vp_country_name (vp_host_get_country (change->object)));
      break;

    case VP_ENTITY_PARTICIPANT:
      add_part (parts, vp_participant_get_email (change->object));
      add_part (parts, vp_participant_get_organisation (change->object));
      add_part (parts, vp_country_name (vp_participant_get_country (change->object)));
      break;

    case VP_ENTITY_ORGANISATION:
      add_part (parts, vp_organisation_get_city (change->object));
      add_part (parts, vp_country_name (vp_organisation_get_country (change->object)));
      break;

    case VP_ENTITY_SESSION:
    default:
      {
        g_autofree char *time = session_time (change->object);

        add_part (parts, time);
        add_part (parts, vp_session_get_location (change->object));
      }
      break;
    }

  return join_parts (parts);
}

/* "Changes: email, phone" from the labels of the fields that differ, each
 * label once. */
static char *
changed_details (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *list = NULL;

  if (change->fields->len == 0)
    return NULL;

  for (guint i = 0; i < change->fields->len; i++)
    {
      const char *label = vp_change_field_get_label (g_ptr_array_index (change->fields, i));

      if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, (gpointer)label);
    }
  g_ptr_array_add (labels, NULL);
  list = g_strjoinv (", ", (char **)labels->pdata);

  /* Translators: in an import preview, under the name of a participant,
   * host or session that the file updates: the fields it changes, such as
   * “Changes: email, phone”. */
  return g_strdup_printf (_("Changes: %s"), list);
}

const char *
vp_snapshot_change_get_name (VpSnapshotChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case VP_ENTITY_PROGRAMME:
      return vp_programme_get_title (change->object);
    case VP_ENTITY_HOST:
      return vp_host_get_name (change->object);
    case VP_ENTITY_PARTICIPANT:
      return vp_participant_get_name (change->object);
    case VP_ENTITY_ORGANISATION:
      return vp_organisation_get_name (change->object);
    case VP_ENTITY_SESSION:
    default:
      return vp_session_get_title (change->object);
    }
}

char *
vp_snapshot_change_get_details (VpSnapshotChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->action)
    {
    case VP_CHANGE_ADDED:
      return added_details (change);
    case VP_CHANGE_CHANGED:
    case VP_CHANGE_CANCELLED:
      return changed_details (change);
    case VP_CHANGE_REMOVED:
    default:
      return NULL;
    }
}

char *
vp_snapshot_change_describe (VpSnapshotChange *change)
{
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  name = one_line (vp_snapshot_change_get_name (change));
  if (name == NULL)
    name = g_strdup ("");
  details = vp_snapshot_change_get_details (change);

  /* Translators: one change an import makes, on a line of its own: what
   * happens, the name of what it happens to and, after a dash, what the
   * import preview shows under that name (“added: Rūta Kazlauskienė —
   * ruta@example.lt · Kaunas Tech · Lithuania”, “changed: Kaunas Tech —
   * Changes: city”). */
  switch (change->action)
    {
    case VP_CHANGE_ADDED:
      return details != NULL ? g_strdup_printf (_("added: %s — %s"), name, details)
                             : g_strdup_printf (_("added: %s"), name);
    case VP_CHANGE_CHANGED:
      return details != NULL ? g_strdup_printf (_("changed: %s — %s"), name, details)
                             : g_strdup_printf (_("changed: %s"), name);
    case VP_CHANGE_REMOVED:
      return g_strdup_printf (_("removed: %s"), name);
    case VP_CHANGE_CANCELLED:
    default:
      return details != NULL ? g_strdup_printf (_("cancelled: %s — %s"), name, details)
                             : g_strdup_printf (_("cancelled: %s"), name);
    }
}

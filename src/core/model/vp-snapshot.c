/* vp-snapshot.c: an in-memory copy of one whole programme. */
#include "config.h"

#include "vp-snapshot.h"

struct _VpSnapshot
{
  GObject      parent_instance;

  VpProgramme *programme;
  GPtrArray   *hosts;
  GPtrArray   *organisations;
  GPtrArray   *participants;
  GPtrArray   *sessions;
  GPtrArray   *withdrawals;

  /* ref → object, borrowed from the arrays */
  GHashTable  *hosts_by_ref;
  GHashTable  *organisations_by_ref;
  GHashTable  *participants_by_ref;
  GHashTable  *sessions_by_ref;
  /* built on first use */
  GHashTable  *organisations_by_key;
  GHashTable  *participants_by_email;
  GHashTable  *sessions_by_uid;
};

G_DEFINE_FINAL_TYPE (VpSnapshot, vp_snapshot, G_TYPE_OBJECT)

static void
vp_snapshot_finalize (GObject *object)
{
  VpSnapshot *self = (VpSnapshot *)object;

  g_clear_pointer (&self->hosts_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->organisations_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->organisations_by_key, g_hash_table_unref);
  g_clear_pointer (&self->participants_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->sessions_by_ref, g_hash_table_unref);
  g_clear_pointer (&self->participants_by_email, g_hash_table_unref);
  g_clear_pointer (&self->sessions_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->hosts, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->withdrawals, g_ptr_array_unref);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (vp_snapshot_parent_class)->finalize (object);
}

static void
vp_snapshot_class_init (VpSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_snapshot_finalize;
}

static void
vp_snapshot_init (VpSnapshot *self)
{
  self->hosts = g_ptr_array_new_with_free_func (g_object_unref);
  self->organisations = g_ptr_array_new_with_free_func (g_object_unref);
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->withdrawals = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_withdrawal_free);
  self->hosts_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->organisations_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->participants_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  self->sessions_by_ref = g_hash_table_new (g_str_hash, g_str_equal);
}

VpSnapshot *
vp_snapshot_new (VpProgramme *programme)
{
  VpSnapshot *self;

  g_return_val_if_fail (VP_IS_PROGRAMME (programme), NULL);

  self = g_object_new (VP_TYPE_SNAPSHOT, NULL);
  self->programme = g_object_ref (programme);

  return self;
}

VpProgramme *
vp_snapshot_get_programme (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->programme;
}

GPtrArray *
vp_snapshot_get_hosts (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->hosts;
}

GPtrArray *
vp_snapshot_get_organisations (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->organisations;
}

GPtrArray *
vp_snapshot_get_participants (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->participants;
}

GPtrArray *
vp_snapshot_get_sessions (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->sessions;
}

/* Adds @object under @ref unless the ref is taken; a NULL ref is allowed
 * (an object not yet given one) but is not indexed. */
static gboolean
add_with_ref (GPtrArray  *array,
              GHashTable *by_ref,
              gpointer    object,
              const char *ref)
{
  if (ref != NULL)
    {
      if (g_hash_table_contains (by_ref, ref))
        return FALSE;
      g_hash_table_insert (by_ref, (gpointer)ref, object);
    }

  g_ptr_array_add (array, g_object_ref (object));
  return TRUE;
}

gboolean
vp_snapshot_add_host (VpSnapshot *self,
                      VpHost     *host)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (VP_IS_HOST (host), FALSE);

  return add_with_ref (self->hosts, self->hosts_by_ref, host, vp_host_get_ref (host));
}

gboolean
vp_snapshot_add_organisation (VpSnapshot     *self,
                              VpOrganisation *organisation)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (VP_IS_ORGANISATION (organisation), FALSE);

  g_clear_pointer (&self->organisations_by_key, g_hash_table_unref);
  return add_with_ref (self->organisations, self->organisations_by_ref, organisation,
                       vp_organisation_get_ref (organisation));
}

gboolean
vp_snapshot_add_participant (VpSnapshot    *self,
                             VpParticipant *participant)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), FALSE);

  g_clear_pointer (&self->participants_by_email, g_hash_table_unref);
  return add_with_ref (self->participants, self->participants_by_ref, participant,
                       vp_participant_get_ref (participant));
}

gboolean
vp_snapshot_add_session (VpSnapshot *self,
                         VpSession  *session)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (VP_IS_SESSION (session), FALSE);

  g_clear_pointer (&self->sessions_by_uid, g_hash_table_unref);
  return add_with_ref (self->sessions, self->sessions_by_ref, session,
                       vp_session_get_ref (session));
}

VpHost *
vp_snapshot_lookup_host (VpSnapshot *self,
                         const char *ref)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return ref != NULL ? g_hash_table_lookup (self->hosts_by_ref, ref) : NULL;
}

VpOrganisation *
vp_snapshot_lookup_organisation (VpSnapshot *self,
                                 const char *ref)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return ref != NULL ? g_hash_table_lookup (self->organisations_by_ref, ref) : NULL;
}

VpOrganisation *
vp_snapshot_lookup_organisation_by_name (VpSnapshot *self,
                                         const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  key = vp_organisation_name_key (name);
  if (key == NULL)
    return NULL;

  if (self->organisations_by_key == NULL)
    {
      self->organisations_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->organisations->len; i++)
        {
          VpOrganisation *organisation = g_ptr_array_index (self->organisations, i);
          const char *spelt = vp_organisation_get_name (organisation);
          char *organisation_key = vp_organisation_name_key (spelt);

          if (organisation_key == NULL ||
              g_hash_table_contains (self->organisations_by_key, organisation_key))
            g_free (organisation_key);
          else
            g_hash_table_insert (self->organisations_by_key, organisation_key, organisation);
        }
    }

  return g_hash_table_lookup (self->organisations_by_key, key);
}

VpOrganisation *
vp_snapshot_resolve_organisation (VpSnapshot    *self,
                                  VpParticipant *participant)
{
  VpOrganisation *by_ref;
  VpOrganisation *organisation;
  const char *name;
  g_autofree char *key = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *trimmed = NULL;
  guint n;

  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);

  name = vp_participant_get_organisation (participant);
  key = vp_organisation_name_key (name);
  by_ref = vp_snapshot_lookup_organisation (self,
                                            vp_participant_get_organisation_ref (participant));

  if (by_ref != NULL &&
      (key == NULL || vp_snapshot_lookup_organisation_by_name (self, name) == by_ref))
    organisation = by_ref;
  else if (key == NULL)
    organisation = NULL;
  else
    organisation = vp_snapshot_lookup_organisation_by_name (self, name);

  if (organisation == NULL && key != NULL)
    {
      g_autoptr(VpOrganisation) made = vp_organisation_new ();
      g_autofree char *ref = NULL;

      for (n = self->organisations->len + 1; ref == NULL; n++)
        {
          ref = g_strdup_printf ("organisation-%u", n);
          if (g_hash_table_contains (self->organisations_by_ref, ref))
            g_clear_pointer (&ref, g_free);
        }
      trimmed = g_strstrip (g_strdup (name));
      uid = g_uuid_string_random ();
      vp_organisation_set_ref (made, ref);
      vp_organisation_set_uid (made, uid);
      vp_organisation_set_name (made, trimmed);
      vp_organisation_set_country (made, vp_participant_get_country (participant));
      vp_organisation_set_kind (made, vp_organisation_kind_for_role (
                                        vp_participant_get_role (participant)));
      vp_snapshot_add_organisation (self, made);
      organisation = made;
    }

  vp_participant_set_organisation_ref (participant, organisation != NULL
                                                      ? vp_organisation_get_ref (organisation)
                                                      : NULL);
  vp_participant_set_organisation (participant, organisation != NULL
                                                  ? vp_organisation_get_name (organisation)
                                                  : NULL);
  return organisation;
}

VpOrganisation *
vp_snapshot_get_participant_organisation (VpSnapshot    *self,
                                          VpParticipant *participant)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);

  return vp_snapshot_lookup_organisation (self, vp_participant_get_organisation_ref (participant));
}

VpParticipant *
vp_snapshot_lookup_participant (VpSnapshot *self,
                                const char *ref)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return ref != NULL ? g_hash_table_lookup (self->participants_by_ref, ref) : NULL;
}

VpSession *
vp_snapshot_lookup_session (VpSnapshot *self,
                            const char *ref)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return ref != NULL ? g_hash_table_lookup (self->sessions_by_ref, ref) : NULL;
}

VpParticipant *
vp_snapshot_lookup_participant_by_email (VpSnapshot *self,
                                         const char *email)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  if (email == NULL)
    return NULL;

  if (self->participants_by_email == NULL)
    {
      self->participants_by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->participants->len; i++)
        {
          VpParticipant *participant = g_ptr_array_index (self->participants, i);
          const char *address = vp_participant_get_email (participant);

          /* The first holder of an address wins, as in a lookup by hand. */
          if (address != NULL)
            {
              char *folded = g_utf8_casefold (address, -1);

              if (g_hash_table_contains (self->participants_by_email, folded))
                g_free (folded);
              else
                g_hash_table_insert (self->participants_by_email, folded, participant);
            }
        }
    }

  key = g_utf8_casefold (email, -1);
  return g_hash_table_lookup (self->participants_by_email, key);
}

VpSession *
vp_snapshot_lookup_session_by_uid (VpSnapshot *self,
                                   const char *uid)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  if (uid == NULL)
    return NULL;

  if (self->sessions_by_uid == NULL)
    {
      self->sessions_by_uid = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->sessions->len; i++)
        {
          VpSession *session = g_ptr_array_index (self->sessions, i);
          const char *session_uid = vp_session_get_uid (session);

          if (session_uid != NULL && !g_hash_table_contains (self->sessions_by_uid, session_uid))
            g_hash_table_insert (self->sessions_by_uid, (gpointer)session_uid, session);
        }
    }

  return g_hash_table_lookup (self->sessions_by_uid, uid);
}

GPtrArray *
vp_snapshot_get_withdrawals (VpSnapshot *self)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), NULL);

  return self->withdrawals;
}

void
vp_snapshot_add_withdrawal (VpSnapshot   *self,
                            VpWithdrawal *withdrawal)
{
  g_return_if_fail (VP_IS_SNAPSHOT (self));
  g_return_if_fail (withdrawal != NULL);

  g_ptr_array_add (self->withdrawals, withdrawal);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  return vp_session_compare_time (*(VpSession **)a, *(VpSession **)b);
}

void
vp_snapshot_sort_sessions (VpSnapshot *self)
{
  g_return_if_fail (VP_IS_SNAPSHOT (self));

  g_ptr_array_sort (self->sessions, compare_sessions);
}

guint
vp_snapshot_count_attendees (VpSnapshot *self,
                             VpSession  *session)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (self), 0);
  g_return_val_if_fail (VP_IS_SESSION (session), 0);

  if (vp_session_get_attendees_all (session))
    return self->participants->len;

  return vp_session_get_attendees (session)->len;
}

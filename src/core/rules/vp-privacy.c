/* vp-privacy.c: the rules of personal data: consent, how long it is kept, what purge and
 * erasure take away. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <time.h>

#include "vp-core-resources.h"
#include "vp-enum-types.h"
#include "vp-privacy.h"
#include "vp-values.h"

#define RULES_PATH "/io/github/visitplanner/VisitPlanner/core/privacy-rules.json"

G_DEFINE_QUARK (vp-privacy-error-quark, vp_privacy_error)

/* Consent {{{1 */

/* The consents to keep a field, the field's member in the programme format
 * and how to reach it. */
static const struct
{
  VpConsentField  consent;
  const char     *member;
  const char   *(*get) (VpParticipant *);
  void          (*set) (VpParticipant *, const char *);
} kept_fields[] = {
  { VP_CONSENT_DIETARY, "dietary", vp_participant_get_dietary, vp_participant_set_dietary },
  { VP_CONSENT_ACCESSIBILITY, "accessibility", vp_participant_get_accessibility,
    vp_participant_set_accessibility },
  { VP_CONSENT_EMERGENCY_CONTACT, "emergency_contact", vp_participant_get_emergency_contact,
    vp_participant_set_emergency_contact },
};

static const struct
{
  VpConsentField  field;
  const char     *label;
} consent_labels[] = {
  { VP_CONSENT_DIETARY, N_("dietary needs") },
  { VP_CONSENT_ACCESSIBILITY, N_("access needs") },
  { VP_CONSENT_EMERGENCY_CONTACT, N_("emergency contact") },
  { VP_CONSENT_SHARE_WITH_HOSTS, N_("sharing needs with hosts") },
  { VP_CONSENT_SHARE_WITH_PARTICIPANTS, N_("appearing on lists for others") },
};

const char *
vp_consent_field_to_word (VpConsentField field)
{
  GFlagsClass *klass = g_type_class_ref (VP_TYPE_CONSENT_FIELD);
  GFlagsValue *value = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == (guint)field)
      value = &klass->values[i];
  g_type_class_unref (klass);

  /* the class stays (the type system keeps a registered class) */
  return value != NULL ? value->value_nick : NULL;
}

gboolean
vp_consent_field_from_word (const char     *word,
                            VpConsentField *field)
{
  GFlagsClass *klass;
  GFlagsValue *value;

  g_return_val_if_fail (field != NULL, FALSE);

  if (word == NULL)
    return FALSE;
  klass = g_type_class_ref (VP_TYPE_CONSENT_FIELD);
  value = g_flags_get_value_by_nick (klass, word);
  if (value != NULL)
    *field = (VpConsentField)value->value;
  g_type_class_unref (klass);
  return value != NULL;
}

char **
vp_consent_fields_to_words (VpConsentField fields)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint bit = 1; bit <= VP_CONSENT_ALL; bit <<= 1)
    if (fields & bit)
      g_strv_builder_add (words, vp_consent_field_to_word ((VpConsentField)bit));
  return g_strv_builder_end (words);
}

const char *
vp_consent_field_get_label (VpConsentField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (consent_labels); i++)
    if (consent_labels[i].field == field)
      return _(consent_labels[i].label);
  return NULL;
}

char *
vp_consent_fields_describe (VpConsentField fields)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint bit = 1; bit <= VP_CONSENT_ALL; bit <<= 1)
    if (fields & bit)
      g_ptr_array_add (labels, (gpointer)vp_consent_field_get_label ((VpConsentField)bit));
  if (labels->len == 0)
    /* TRANSLATORS: what a participant consented to, when it is none */
    return g_strdup (_("nothing"));
  g_ptr_array_add (labels, NULL);
  /* TRANSLATORS: between the items of a list */
  return g_strjoinv (_(", "), (char **)labels->pdata);
}

VpConsentField
vp_privacy_consent_for_member (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (kept_fields); i++)
    if (g_strcmp0 (kept_fields[i].member, member) == 0)
      return kept_fields[i].consent;
  return 0;
}

const char *
vp_privacy_member_for_consent (VpConsentField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (kept_fields); i++)
    if (kept_fields[i].consent == field)
      return kept_fields[i].member;
  return NULL;
}

gboolean
vp_privacy_check_consent (VpParticipant  *participant,
                          GError        **error)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kept_fields); i++)
    if (kept_fields[i].get (participant) != NULL &&
        !vp_participant_has_consent (participant, kept_fields[i].consent))
      {
        g_set_error (error, VP_PRIVACY_ERROR, VP_PRIVACY_ERROR_NO_CONSENT,
                     /* TRANSLATORS: a participant's name, a field ("dietary"), then what it
                      * holds ("dietary needs") */
                     _("%s: %s: not stored: they have not consented to give their %s"),
                     vp_participant_get_name (participant), kept_fields[i].member,
                     vp_consent_field_get_label (kept_fields[i].consent));
        return FALSE;
      }

  return TRUE;
}

VpConsentField
vp_privacy_drop_unconsented (VpParticipant *participant)
{
  VpConsentField dropped = 0;

  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), 0);

  for (guint i = 0; i < G_N_ELEMENTS (kept_fields); i++)
    if (kept_fields[i].get (participant) != NULL &&
        !vp_participant_has_consent (participant, kept_fields[i].consent))
      {
        kept_fields[i].set (participant, NULL);
        dropped |= kept_fields[i].consent;
      }

  return dropped;
}

VpConsentField
vp_privacy_withdraw (VpParticipant  *participant,
                     VpConsentField  fields)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), 0);

  vp_participant_set_consent_fields (participant,
                                     vp_participant_get_consent_fields (participant) &
                                       ~fields & VP_CONSENT_ALL);
  return vp_privacy_drop_unconsented (participant);
}

/* Retention {{{1 */

typedef struct
{
  guint  months;
  char  *reason;
} Retention;

static gpointer
load_retention (gpointer data)
{
  Retention *retention = g_new0 (Retention, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *rule = NULL;

  bytes = g_resource_lookup_data (vp_core_get_resource (), RULES_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize)g_bytes_get_size (bytes), &error))
    {
      g_critical ("The privacy rules cannot be read: %s", error->message);
      return retention;
    }

  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    rule = json_object_get_object_member (json_node_get_object (root), "retention_months");
  if (rule == NULL || json_object_get_int_member_with_default (rule, "value", 0) <= 0)
    {
      g_critical ("%s: no retention_months", RULES_PATH);
      return retention;
    }

  retention->months = (guint)json_object_get_int_member (rule, "value");
  retention->reason = g_strdup (json_object_get_string_member_with_default (rule, "reason", ""));
  return retention;
}

static Retention *
get_retention (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_retention, NULL);
}

guint
vp_privacy_get_default_retention_months (void)
{
  return get_retention ()->months;
}

const char *
vp_privacy_get_retention_reason (void)
{
  return get_retention ()->reason;
}

gboolean
vp_privacy_get_retention_date (VpProgramme *programme,
                               guint        months,
                               GDate       *date)
{
  const char *until;
  const char *end;

  g_return_val_if_fail (VP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  until = vp_programme_get_retention_until (programme);
  if (until != NULL && vp_value_check_date (until, date, NULL))
    return TRUE;

  end = vp_programme_get_end_date (programme);
  if (end == NULL || !vp_value_check_date (end, date, NULL))
    return FALSE;
  /* GDate keeps the day within the shorter month (31 March + 1: 30 April) */
  g_date_add_months (date, months);
  return TRUE;
}

gboolean
vp_privacy_retention_has_passed (VpProgramme *programme,
                                 guint        months,
                                 const GDate *today)
{
  GDate until;
  GDate now;

  g_return_val_if_fail (VP_IS_PROGRAMME (programme), FALSE);

  if (!vp_privacy_get_retention_date (programme, months, &until))
    return FALSE;
  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }
  return g_date_compare (today, &until) > 0;
}

/* Purge {{{1 */

/* The personal fields @participant holds, its travel references when
 * @references_too (else its travel legs), and its stays. */
static GPtrArray *
list_personal (VpParticipant *participant,
               gboolean       references_too)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *travel;
  GPtrArray *stays;
  guint references = 0;
  const struct
  {
    const char *value;
    const char *label;
  } texts[] = {
    { vp_participant_get_email (participant), N_("email") },
    { vp_participant_get_phone (participant), N_("phone") },
    { vp_participant_get_dietary (participant), N_("dietary needs") },
    { vp_participant_get_accessibility (participant), N_("access needs") },
    { vp_participant_get_emergency_contact (participant), N_("emergency contact") },
    { vp_participant_get_notes (participant), N_("notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].value != NULL)
      g_ptr_array_add (items, g_strdup (_(texts[i].label)));

  travel = vp_participant_get_travel (participant);
  for (guint i = 0; i < travel->len; i++)
    if (((VpTravelLeg *)g_ptr_array_index (travel, i))->reference != NULL)
      references++;
  if (references > 0 && references_too)
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u travel reference",
                                                          "%u travel references", references),
                                             references));
  /* the whole journeys, for an erasure */
  if (travel->len > 0 && !references_too)
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u travel leg",
                                                          "%u travel legs", travel->len),
                                             travel->len));

  stays = vp_participant_get_accommodation (participant);
  if (stays->len > 0)
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hotel stay",
                                                          "%u hotel stays", stays->len),
                                             stays->len));
  return items;
}

GPtrArray *
vp_privacy_list_purge (VpParticipant *participant)
{
  g_return_val_if_fail (VP_IS_PARTICIPANT (participant), NULL);

  return list_personal (participant, TRUE);
}

/* A person {{{1 */

gboolean
vp_privacy_same_email (const char *a,
                       const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  folded_a = g_utf8_casefold (a, -1);
  folded_b = g_utf8_casefold (b, -1);
  return g_str_equal (folded_a, folded_b);
}

gboolean
vp_privacy_snapshot_has_person (VpSnapshot *snapshot,
                                const char *email)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), FALSE);

  g_ptr_array_add (one, snapshot);
  lines = vp_privacy_describe_person (one, email);
  return lines->len > 0;
}

/* How many of the programme's sessions @participant attends. */
static guint
count_sessions (VpSnapshot    *snapshot,
                VpParticipant *participant)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  guint n = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      GPtrArray *attendees = vp_session_get_attendees (session);

      if (vp_session_get_attendees_all (session))
        {
          n++;
          continue;
        }
      for (guint j = 0; j < attendees->len; j++)
        if (g_strcmp0 (g_ptr_array_index (attendees, j), vp_participant_get_ref (participant)) == 0)
          {
            n++;
            break;
          }
    }
  return n;
}

/* One line of vp_privacy_describe_person(): the programme, then @what. */
static void
add_line (GPtrArray   *lines,
          VpSnapshot  *snapshot,
          const char  *what)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);

  /* TRANSLATORS: a programme's title and id, then what of a person it holds */
  g_ptr_array_add (lines, g_strdup_printf (_("“%s” (programme %lld): %s"),
                                           vp_programme_get_title (programme),
                                           (long long)vp_programme_get_id (programme), what));
}

static void
describe_participant (GPtrArray     *lines,
                      VpSnapshot    *snapshot,
                      VpParticipant *participant)
{
  g_autoptr(GPtrArray) items = list_personal (participant, FALSE);
  GPtrArray *withdrawals = vp_snapshot_get_withdrawals (snapshot);
  guint sessions = count_sessions (snapshot, participant);
  guint withdrawn = 0;
  g_autofree char *joined = NULL;
  g_autofree char *what = NULL;

  /* the whole row goes: name and organisation too, the journeys, not
   * only their references, and the consent record */
  g_ptr_array_insert (items, 0, g_strdup (_("name")));
  if (vp_participant_get_organisation (participant) != NULL)
    g_ptr_array_insert (items, 1, g_strdup (_("organisation")));
  g_ptr_array_add (items, g_strdup (_("consent record")));
  if (sessions > 0)
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "attendance at %u session",
                                                          "attendance at %u sessions", sessions),
                                             sessions));
  for (guint i = 0; i < withdrawals->len; i++)
    {
      VpWithdrawal *withdrawal = g_ptr_array_index (withdrawals, i);

      if (withdrawal->owner == VP_WITHDRAWAL_PARTICIPANT &&
          g_strcmp0 (withdrawal->owner_ref, vp_participant_get_ref (participant)) == 0)
        withdrawn++;
    }
  if (withdrawn > 0)
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u calendar cancellation",
                                                          "%u calendar cancellations", withdrawn),
                                             withdrawn));

  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (_(", "), (char **)items->pdata);
  /* TRANSLATORS: a participant's name, then what of them is held */
  what = g_strdup_printf (_("participant %s: %s"), vp_participant_get_name (participant), joined);
  add_line (lines, snapshot, what);
}

GPtrArray *
vp_privacy_describe_person (GPtrArray  *snapshots,
                            const char *email)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (snapshots != NULL, lines);

  if (email == NULL)
    return lines;

  for (guint s = 0; s < snapshots->len; s++)
    {
      VpSnapshot *snapshot = g_ptr_array_index (snapshots, s);
      VpProgramme *programme = vp_snapshot_get_programme (snapshot);
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);
      GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
      GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

      if (vp_privacy_same_email (vp_programme_get_coordinator_email (programme), email))
        add_line (lines, snapshot, _("coordinator: name and email"));

      for (guint i = 0; i < participants->len; i++)
        if (vp_privacy_same_email (vp_participant_get_email (g_ptr_array_index (participants, i)),
                                   email))
          describe_participant (lines, snapshot, g_ptr_array_index (participants, i));

      for (guint i = 0; i < hosts->len; i++)
        {
          VpHost *host = g_ptr_array_index (hosts, i);

          if (vp_privacy_same_email (vp_host_get_contact_email (host), email))
            {
              g_autofree char *what =
                /* TRANSLATORS: a host's name */
                g_strdup_printf (_("contact of the host %s: name and email"),
                                 vp_host_get_name (host));

              add_line (lines, snapshot, what);
            }
        }

      for (guint i = 0; i < organisations->len; i++)
        {
          VpOrganisation *organisation = g_ptr_array_index (organisations, i);

          if (vp_privacy_same_email (vp_organisation_get_contact_email (organisation), email))
            {
              g_autofree char *what =
                /* TRANSLATORS: an organisation's name */
                g_strdup_printf (_("contact of the organisation %s: name and email"),
                                 vp_organisation_get_name (organisation));

              add_line (lines, snapshot, what);
            }
        }
    }

  return lines;
}

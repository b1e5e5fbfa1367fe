/* vp-privacy.h: the rules of personal data: consent, how long it is kept, what purge and
 * erasure take away. */
#pragma once

#include <glib.h>

#include "vp-enums.h"
#include "vp-participant.h"
#include "vp-programme.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_PRIVACY_ERROR (vp_privacy_error_quark ())

typedef enum
{
  VP_PRIVACY_ERROR_NO_CONSENT, /* personal data without the consent to keep it */
  VP_PRIVACY_ERROR_INVALID,    /* a word that is no consent field */
} VpPrivacyError;

GQuark          vp_privacy_error_quark            (void);

/* Consent {{{1 */

/* The format's word of one consent field ("dietary", "share-with-hosts"),
 * or NULL when @field is not exactly one. */
const char     *vp_consent_field_to_word          (VpConsentField   field);
/* Reads one word; FALSE for another. */
gboolean        vp_consent_field_from_word        (const char      *word,
                                                   VpConsentField  *field);
/* The words of @fields in the format's order (NULL-terminated). */
char          **vp_consent_fields_to_words        (VpConsentField   fields);
/* What one field is, for people (translated): "dietary needs", "sharing
 * needs with hosts". */
const char     *vp_consent_field_get_label        (VpConsentField   field);
/* The labels of @fields, joined by commas (translated), or "nothing". */
char           *vp_consent_fields_describe        (VpConsentField   fields);

/* The consent the participant's field @member of the programme format
 * needs to be kept ("dietary", "accessibility", "emergency_contact"), or 0
 * for a field that needs none. */
VpConsentField  vp_privacy_consent_for_member     (const char      *member);
/* The format's member of the field that consent @field allows to keep, or
 * NULL for a consent to share. */
const char     *vp_privacy_member_for_consent     (VpConsentField   field);

/* FALSE (VP_PRIVACY_ERROR_NO_CONSENT, naming the participant and the
 * member) when @participant holds dietary needs, access needs or an
 * emergency contact without consent to keep them: the store refuses it. */
gboolean        vp_privacy_check_consent          (VpParticipant   *participant,
                                                   GError         **error);
/* Clears each field of @participant that holds data without the consent
 * to keep it; returns the consents whose data went (0: none). */
VpConsentField  vp_privacy_drop_unconsented       (VpParticipant   *participant);
/* Takes @fields off @participant's consent and clears the data they
 * allowed to keep; returns the consents whose data went. */
VpConsentField  vp_privacy_withdraw               (VpParticipant   *participant,
                                                   VpConsentField   fields);

/* Retention {{{1 */

/* The months after a programme's last day that its personal data is kept
 * when it sets no date (data/privacy-rules.json), and why. */
guint           vp_privacy_get_default_retention_months (void);
const char     *vp_privacy_get_retention_reason   (void);
/* The last day @programme's personal data is kept: its retention-until,
 * else @months after its last day (the last day of a shorter month when
 * that day is missing).  FALSE when it has neither. */
gboolean        vp_privacy_get_retention_date     (VpProgramme     *programme,
                                                   guint            months,
                                                   GDate           *date);
/* Whether @today (NULL: today, local time) is after that day. */
gboolean        vp_privacy_retention_has_passed   (VpProgramme     *programme,
                                                   guint            months,
                                                   const GDate     *today);

/* Purge {{{1 */

/* What purge erases of @participant, in words for people (translated):
 * "email", "phone", "dietary needs", "access needs", "emergency contact",
 * "notes", "2 travel references", "1 hotel stay"; empty when it holds none
 * of them.  Its name, organisation, country, role, consent record, the
 * places and times of its journeys and what it attends stay. */
GPtrArray      *vp_privacy_list_purge             (VpParticipant   *participant);

/* A person {{{1 */

/* Whether two email addresses are the same, case aside (as the snapshot
 * finds a participant by email). */
gboolean        vp_privacy_same_email             (const char      *a,
                                                   const char      *b);
/* Whether @snapshot holds anything of the person with @email: a
 * participant, the coordinator, a host's or an organisation's contact. */
gboolean        vp_privacy_snapshot_has_person    (VpSnapshot      *snapshot,
                                                   const char      *email);
/* What erasing the person with @email takes out of @snapshots (VpSnapshot),
 * a line for people per programme and role (translated). */
GPtrArray      *vp_privacy_describe_person        (GPtrArray       *snapshots,
                                                   const char      *email);

G_END_DECLS

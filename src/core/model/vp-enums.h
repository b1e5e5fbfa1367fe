/* vp-enums.h: the closed vocabularies of a programme, named as in the exchange format. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of every value (registered by glib-mkenums) is the word the
 * programme format uses: VP_SESSION_KIND_B2B is "b2b",
 * VP_PARTICIPANT_ROLE_CLUSTER_MANAGER is "cluster-manager".  A value named
 * UNSET means "not given" and has no word in the format. */

typedef enum
{
  VP_PROGRAMME_STATUS_DRAFT,
  VP_PROGRAMME_STATUS_CONFIRMED,
  VP_PROGRAMME_STATUS_COMPLETED,
  VP_PROGRAMME_STATUS_CANCELLED,
} VpProgrammeStatus;

typedef enum
{
  VP_HOST_KIND_UNSET,
  VP_HOST_KIND_COMPANY,
  VP_HOST_KIND_UNIVERSITY,
  VP_HOST_KIND_RESEARCH,
  VP_HOST_KIND_CLUSTER,
  VP_HOST_KIND_PUBLIC,
  VP_HOST_KIND_OTHER,
} VpHostKind;

/* What a visiting organisation is, as ClusterXChange asks: the scheme
 * funds the first three. */
typedef enum
{
  VP_ORGANISATION_KIND_UNSET,
  VP_ORGANISATION_KIND_CLUSTER_ORGANISATION,
  VP_ORGANISATION_KIND_SME,
  VP_ORGANISATION_KIND_SUPPORT_ORGANISATION,
  VP_ORGANISATION_KIND_RESEARCH,
  VP_ORGANISATION_KIND_LARGE_COMPANY,
  VP_ORGANISATION_KIND_PUBLIC_AUTHORITY,
  VP_ORGANISATION_KIND_OTHER,
} VpOrganisationKind;

typedef enum
{
  VP_PARTICIPANT_ROLE_UNSET,
  VP_PARTICIPANT_ROLE_CLUSTER_MANAGER,
  VP_PARTICIPANT_ROLE_SME,
  VP_PARTICIPANT_ROLE_RESEARCHER,
  VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION,
  VP_PARTICIPANT_ROLE_OTHER,
} VpParticipantRole;

typedef enum
{
  VP_TRAVEL_KIND_UNSET,
  VP_TRAVEL_KIND_FLIGHT,
  VP_TRAVEL_KIND_TRAIN,
  VP_TRAVEL_KIND_BUS,
  VP_TRAVEL_KIND_CAR,
  VP_TRAVEL_KIND_OTHER,
} VpTravelKind;

typedef enum
{
  VP_SESSION_KIND_UNSET,
  VP_SESSION_KIND_VISIT,
  VP_SESSION_KIND_MEETING,
  VP_SESSION_KIND_B2B,
  VP_SESSION_KIND_WORKSHOP,
  VP_SESSION_KIND_MEAL,
  VP_SESSION_KIND_TRANSFER,
  VP_SESSION_KIND_SOCIAL,
  VP_SESSION_KIND_OTHER,
} VpSessionKind;

typedef enum
{
  VP_SESSION_STATUS_CONFIRMED,
  VP_SESSION_STATUS_TENTATIVE,
  VP_SESSION_STATUS_CANCELLED,
} VpSessionStatus;

/* What a participant agreed to (docs/programme-format.md, participants[].consent): to give
 * their dietary needs, their access needs and an emergency contact (a third person's data),
 * to have their needs shared with their hosts (host sheets, catering lists), and to appear,
 * with their phone and emergency contact, on lists given to others (the contact sheet). */
typedef enum /*< flags >*/
{
  VP_CONSENT_DIETARY                 = 1 << 0,
  VP_CONSENT_ACCESSIBILITY           = 1 << 1,
  VP_CONSENT_EMERGENCY_CONTACT       = 1 << 2,
  VP_CONSENT_SHARE_WITH_HOSTS        = 1 << 3,
  VP_CONSENT_SHARE_WITH_PARTICIPANTS = 1 << 4,
} VpConsentField;

/* Every one of them. */
#define VP_CONSENT_ALL 0x1f

/* How much a problem found by the checks matters: an error must be fixed
 * before the group travels, a warning should be looked at, an info is worth
 * knowing. */
typedef enum
{
  VP_SEVERITY_ERROR,
  VP_SEVERITY_WARNING,
  VP_SEVERITY_INFO,
} VpSeverity;

/* What a change is about: in the store's ::rows-changed (vp-store.h) and
 * its change log, and in the diff of two snapshots (vp-snapshot-diff.h).
 * A participant's travel legs and stays are part of the participant, a
 * session's attendees part of the session. */
typedef enum
{
  VP_ENTITY_PROGRAMME,
  VP_ENTITY_HOST,
  VP_ENTITY_PARTICIPANT,
  VP_ENTITY_SESSION,
  VP_ENTITY_ORGANISATION,
} VpEntity;

#define VP_N_ENTITIES 5

typedef enum
{
  VP_CHANGE_ADDED,
  VP_CHANGE_CHANGED,
  VP_CHANGE_REMOVED,
  /* Only in a diff: a session that the write cancels, one whose status
   * becomes cancelled, or (VP_SNAPSHOT_DIFF_UPDATE) one missing from the
   * new snapshot, which the store cancels rather than deletes. */
  VP_CHANGE_CANCELLED,
} VpChange;

#define VP_N_CHANGES 4

/* The format's word for @value of the enum type @type, or NULL for an UNSET
 * value or a value outside the type. */
const char *vp_enum_to_nick   (GType       type,
                               int         value);
/* Reads the format's word @nick; FALSE for NULL, "unset" or an unknown word. */
gboolean    vp_enum_from_nick (GType       type,
                               const char *nick,
                               int        *value);

G_END_DECLS

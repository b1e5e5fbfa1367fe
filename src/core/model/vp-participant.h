/* vp-participant.h: a visitor, their needs, travel legs and hotel stays. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"
#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_PARTICIPANT (vp_participant_get_type ())

G_DECLARE_FINAL_TYPE (VpParticipant, vp_participant, VP, PARTICIPANT, GObject)

/* @ref is the participant's id in a programme document, unique within its
 * programme.  @organisation-ref is the ref of the organisation they belong
 * to in the same programme (NULL: none yet), and @organisation its name, as
 * the snapshot's organisation has it; an importer or an editor that knows
 * only a name leaves the ref NULL, and the store finds or makes the
 * organisation of that name.  Strings may be NULL.  dietary, accessibility,
 * emergency-contact, phone and notes are personal data.
 *
 * dietary and accessibility are the participant's needs as their hosts
 * must see them ("no nuts", "step-free access"): what host documents show,
 * with consent (vp_participant_may_share()).  notes are the coordinator's
 * own, and never reach a host.  @consent-fields (VpConsentField) say what
 * the participant agreed to, @consent-given (YYYY-MM-DD) when, and
 * @consent-wording which wording (a version) they agreed to: a field of
 * dietary, accessibility or emergency-contact without its consent is never
 * stored (the store refuses it: vp_privacy_check_consent()). */
VpParticipant     *vp_participant_new                   (void);
VpParticipant     *vp_participant_copy                  (VpParticipant     *self);

gint64             vp_participant_get_id                (VpParticipant     *self);
void               vp_participant_set_id                (VpParticipant     *self,
                                                         gint64             id);
const char        *vp_participant_get_ref               (VpParticipant     *self);
void               vp_participant_set_ref               (VpParticipant     *self,
                                                         const char        *ref);
const char        *vp_participant_get_name              (VpParticipant     *self);
void               vp_participant_set_name              (VpParticipant     *self,
                                                         const char        *name);
const char        *vp_participant_get_email             (VpParticipant     *self);
void               vp_participant_set_email             (VpParticipant     *self,
                                                         const char        *email);
const char        *vp_participant_get_organisation      (VpParticipant     *self);
void               vp_participant_set_organisation      (VpParticipant     *self,
                                                         const char        *organisation);
const char        *vp_participant_get_organisation_ref  (VpParticipant     *self);
void               vp_participant_set_organisation_ref  (VpParticipant     *self,
                                                         const char        *organisation_ref);
const char        *vp_participant_get_phone             (VpParticipant     *self);
void               vp_participant_set_phone             (VpParticipant     *self,
                                                         const char        *phone);
const char        *vp_participant_get_country           (VpParticipant     *self);
void               vp_participant_set_country           (VpParticipant     *self,
                                                         const char        *country);
VpParticipantRole  vp_participant_get_role              (VpParticipant     *self);
void               vp_participant_set_role              (VpParticipant     *self,
                                                         VpParticipantRole  role);
const char        *vp_participant_get_dietary           (VpParticipant     *self);
void               vp_participant_set_dietary           (VpParticipant     *self,
                                                         const char        *dietary);
const char        *vp_participant_get_accessibility     (VpParticipant     *self);
void               vp_participant_set_accessibility     (VpParticipant     *self,
                                                         const char        *accessibility);
const char        *vp_participant_get_emergency_contact (VpParticipant     *self);
void               vp_participant_set_emergency_contact (VpParticipant     *self,
                                                         const char        *emergency_contact);
const char        *vp_participant_get_notes             (VpParticipant     *self);
void               vp_participant_set_notes             (VpParticipant     *self,
                                                         const char        *notes);
/* The language of their own documents (agenda, calendar, certificate): one
 * of vp_language_codes(), or NULL for the user's. */
const char        *vp_participant_get_language          (VpParticipant     *self);
void               vp_participant_set_language          (VpParticipant     *self,
                                                         const char        *language);

VpConsentField     vp_participant_get_consent_fields    (VpParticipant     *self);
void               vp_participant_set_consent_fields    (VpParticipant     *self,
                                                         VpConsentField     fields);
const char        *vp_participant_get_consent_given     (VpParticipant     *self);
void               vp_participant_set_consent_given     (VpParticipant     *self,
                                                         const char        *consent_given);
const char        *vp_participant_get_consent_wording   (VpParticipant     *self);
void               vp_participant_set_consent_wording   (VpParticipant     *self,
                                                         const char        *consent_wording);
/* Whether the participant agreed to every one of @fields. */
gboolean           vp_participant_has_consent           (VpParticipant     *self,
                                                         VpConsentField     fields);
/* The one rule of every document that shows a participant's personal data
 * to others: whether it may go to @audience, VP_CONSENT_SHARE_WITH_HOSTS
 * (their dietary and access needs on host sheets and catering lists) or
 * VP_CONSENT_SHARE_WITH_PARTICIPANTS (their phone and emergency contact on
 * the contact sheet and the lists given to other participants).  Without
 * it, that data stays out of the document. */
gboolean           vp_participant_may_share             (VpParticipant     *self,
                                                         VpConsentField     audience);

/* Borrowed arrays of VpTravelLeg and VpStay, in the order given. */
GPtrArray         *vp_participant_get_travel            (VpParticipant     *self);
/* Takes ownership of @leg. */
void               vp_participant_add_travel_leg        (VpParticipant     *self,
                                                         VpTravelLeg       *leg);
GPtrArray         *vp_participant_get_accommodation     (VpParticipant     *self);
/* Takes ownership of @stay. */
void               vp_participant_add_stay              (VpParticipant     *self,
                                                         VpStay            *stay);

G_END_DECLS

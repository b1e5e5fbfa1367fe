/* vp-withdrawal.h: an event taken out of a participant's or host's calendar, which the
 * next file they get must cancel. */
#pragma once

#include <glib-object.h>

#include "vp-session.h"
#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_WITHDRAWAL (vp_withdrawal_get_type ())

/* Whose calendar the event left: a participant's, a host's, or (a session
 * deleted) the programme's own. */
typedef enum
{
  VP_WITHDRAWAL_PARTICIPANT,
  VP_WITHDRAWAL_HOST,
  VP_WITHDRAWAL_PROGRAMME,
} VpWithdrawalOwner;

/* @owner_ref is the participant's or host's ref ("" for the programme); @uid the event's UID;
 * @sequence the SEQUENCE its cancellation carries (above every one issued
 * before); @withdrawn_at (Unix seconds) when it left.  Exactly one of
 * @session, @leg and @stay is set: the item as it was when it left, for the
 * times and title of the cancelled event. */
typedef struct
{
  VpWithdrawalOwner  owner;
  char              *owner_ref;
  char              *uid;
  int                sequence;
  gint64             withdrawn_at;
  VpSession         *session;
  VpTravelLeg       *leg;
  VpStay            *stay;
} VpWithdrawal;

GType         vp_withdrawal_get_type (void) G_GNUC_CONST;
VpWithdrawal *vp_withdrawal_new      (void);
VpWithdrawal *vp_withdrawal_copy     (const VpWithdrawal *withdrawal);
void          vp_withdrawal_free     (VpWithdrawal       *withdrawal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpWithdrawal, vp_withdrawal_free)

G_END_DECLS

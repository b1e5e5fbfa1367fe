/* vp-withdrawal.c: boxed value type of an event taken out of someone's calendar. */
#include "config.h"

#include "vp-withdrawal.h"

G_DEFINE_BOXED_TYPE (VpWithdrawal, vp_withdrawal, vp_withdrawal_copy, vp_withdrawal_free)

VpWithdrawal *
vp_withdrawal_new (void)
{
  return g_new0 (VpWithdrawal, 1);
}

VpWithdrawal *
vp_withdrawal_copy (const VpWithdrawal *withdrawal)
{
  VpWithdrawal *copy;

  g_return_val_if_fail (withdrawal != NULL, NULL);

  copy = vp_withdrawal_new ();
  copy->owner = withdrawal->owner;
  copy->owner_ref = g_strdup (withdrawal->owner_ref);
  copy->uid = g_strdup (withdrawal->uid);
  copy->sequence = withdrawal->sequence;
  copy->withdrawn_at = withdrawal->withdrawn_at;
  if (withdrawal->session != NULL)
    copy->session = vp_session_copy (withdrawal->session);
  if (withdrawal->leg != NULL)
    copy->leg = vp_travel_leg_copy (withdrawal->leg);
  if (withdrawal->stay != NULL)
    copy->stay = vp_stay_copy (withdrawal->stay);

  return copy;
}

void
vp_withdrawal_free (VpWithdrawal *withdrawal)
{
  if (withdrawal == NULL)
    return;

  g_free (withdrawal->owner_ref);
  g_free (withdrawal->uid);
  g_clear_object (&withdrawal->session);
  g_clear_pointer (&withdrawal->leg, vp_travel_leg_free);
  g_clear_pointer (&withdrawal->stay, vp_stay_free);
  g_free (withdrawal);
}

/* vp-store-budget.c: a programme's budget with the visits of the database's other programmes. */
#include "config.h"

#include "vp-store.h"

VpBudget *
vp_store_load_budget (VpStore     *self,
                      gint64       programme_id,
                      VpSnapshot  *snapshot,
                      GError     **error)
{
  g_autoptr(GPtrArray) organisation_visits = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  organisation_visits = vp_store_collect_organisation_visits (self, programme_id, error);
  if (organisation_visits == NULL)
    return NULL;

  return vp_budget_new (snapshot, organisation_visits);
}

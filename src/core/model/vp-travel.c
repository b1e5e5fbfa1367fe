/* vp-travel.c: boxed value types for a participant's travel legs and hotel stays. */
#include "config.h"

#include "vp-travel.h"

G_DEFINE_BOXED_TYPE (VpTravelLeg, vp_travel_leg, vp_travel_leg_copy, vp_travel_leg_free)
G_DEFINE_BOXED_TYPE (VpStay, vp_stay, vp_stay_copy, vp_stay_free)

VpTravelLeg *
vp_travel_leg_new (void)
{
  VpTravelLeg *leg = g_new0 (VpTravelLeg, 1);

  leg->kind = VP_TRAVEL_KIND_UNSET;
  leg->depart_utc = 0;
  leg->arrive_utc = 0;

  return leg;
}

VpTravelLeg *
vp_travel_leg_copy (const VpTravelLeg *leg)
{
  VpTravelLeg *copy;

  g_return_val_if_fail (leg != NULL, NULL);

  copy = vp_travel_leg_new ();
  copy->uid = g_strdup (leg->uid);
  copy->revision = leg->revision;
  copy->modified_at = leg->modified_at;
  copy->kind = leg->kind;
  copy->reference = g_strdup (leg->reference);
  copy->from = g_strdup (leg->from);
  copy->to = g_strdup (leg->to);
  copy->depart = g_strdup (leg->depart);
  copy->depart_timezone = g_strdup (leg->depart_timezone);
  copy->arrive = g_strdup (leg->arrive);
  copy->arrive_timezone = g_strdup (leg->arrive_timezone);
  copy->depart_utc = leg->depart_utc;
  copy->arrive_utc = leg->arrive_utc;

  return copy;
}

void
vp_travel_leg_free (VpTravelLeg *leg)
{
  if (leg == NULL)
    return;

  g_free (leg->uid);
  g_free (leg->reference);
  g_free (leg->from);
  g_free (leg->to);
  g_free (leg->depart);
  g_free (leg->depart_timezone);
  g_free (leg->arrive);
  g_free (leg->arrive_timezone);
  g_free (leg);
}

VpStay *
vp_stay_new (void)
{
  return g_new0 (VpStay, 1);
}

VpStay *
vp_stay_copy (const VpStay *stay)
{
  VpStay *copy;

  g_return_val_if_fail (stay != NULL, NULL);

  copy = vp_stay_new ();
  copy->uid = g_strdup (stay->uid);
  copy->revision = stay->revision;
  copy->modified_at = stay->modified_at;
  copy->name = g_strdup (stay->name);
  copy->address = g_strdup (stay->address);
  copy->check_in = g_strdup (stay->check_in);
  copy->check_out = g_strdup (stay->check_out);

  return copy;
}

void
vp_stay_free (VpStay *stay)
{
  if (stay == NULL)
    return;

  g_free (stay->uid);
  g_free (stay->name);
  g_free (stay->address);
  g_free (stay->check_in);
  g_free (stay->check_out);
  g_free (stay);
}

gboolean
vp_travel_leg_differs (const VpTravelLeg *a,
                       const VpTravelLeg *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, TRUE);

  return a->kind != b->kind ||
         g_strcmp0 (a->reference, b->reference) != 0 ||
         g_strcmp0 (a->from, b->from) != 0 ||
         g_strcmp0 (a->to, b->to) != 0 ||
         g_strcmp0 (a->depart, b->depart) != 0 ||
         g_strcmp0 (a->depart_timezone, b->depart_timezone) != 0 ||
         g_strcmp0 (a->arrive, b->arrive) != 0 ||
         g_strcmp0 (a->arrive_timezone, b->arrive_timezone) != 0 ||
         a->depart_utc != b->depart_utc ||
         a->arrive_utc != b->arrive_utc;
}

gboolean
vp_stay_differs (const VpStay *a,
                 const VpStay *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, TRUE);

  return g_strcmp0 (a->name, b->name) != 0 ||
         g_strcmp0 (a->address, b->address) != 0 ||
         g_strcmp0 (a->check_in, b->check_in) != 0 ||
         g_strcmp0 (a->check_out, b->check_out) != 0;
}

gboolean
vp_travel_leg_equal (const VpTravelLeg *a,
                     const VpTravelLeg *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return !vp_travel_leg_differs (a, b) &&
         g_strcmp0 (a->uid, b->uid) == 0 &&
         a->revision == b->revision &&
         a->modified_at == b->modified_at;
}

gboolean
vp_stay_equal (const VpStay *a,
               const VpStay *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return !vp_stay_differs (a, b) &&
         g_strcmp0 (a->uid, b->uid) == 0 &&
         a->revision == b->revision &&
         a->modified_at == b->modified_at;
}

char *
vp_travel_position_uid (const char *programme_uid,
                        const char *participant_ref,
                        const char *what,
                        guint       index)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (what != NULL, NULL);

  key = g_strdup_printf ("%s\n%s\n%s\n%u", programme_uid ? programme_uid : "(null)",
                         participant_ref ? participant_ref : "(null)", what, index);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%s-%.32s@visit-planner", what, digest);
}

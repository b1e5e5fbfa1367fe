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

gboolean
vp_travel_legs_differ (GPtrArray *before,
                       GPtrArray *after)
{
  g_return_val_if_fail (before != NULL && after != NULL, TRUE);

  return items_differ (before, after, G_STRUCT_OFFSET (VpTravelLeg, uid), same_leg_key,
                       leg_differs);
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

gboolean
vp_stays_differ (GPtrArray *before,
                 GPtrArray *after)
{
  g_return_val_if_fail (before != NULL && after != NULL, TRUE);

  return items_differ (before, after, G_STRUCT_OFFSET (VpStay, uid), same_stay_key,
                       stay_differs);
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

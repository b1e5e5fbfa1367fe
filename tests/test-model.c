/* test-model.c: unit tests of the model objects: defaults, setters, notification, copies, enums,
 * records assigned and compared. */

#include <math.h>

#include "vp-enum-types.h"
#include "vp-enums.h"
#include "vp-host.h"
#include "vp-participant.h"
#include "vp-programme.h"
#include "vp-record.h"
#include "vp-session.h"
#include "vp-travel.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static GType enum_types[6];

static void
fill_enum_types (void)
{
  enum_types[0] = VP_TYPE_PROGRAMME_STATUS;
  enum_types[1] = VP_TYPE_HOST_KIND;
  enum_types[2] = VP_TYPE_PARTICIPANT_ROLE;
  enum_types[3] = VP_TYPE_TRAVEL_KIND;
  enum_types[4] = VP_TYPE_SESSION_KIND;
  enum_types[5] = VP_TYPE_SESSION_STATUS;
}

/* Enums */

static void
test_enums_round_trip (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (enum_types); t++)
    {
      GEnumClass *klass = g_type_class_ref (enum_types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const GEnumValue *v = &klass->values[i];
          const char *nick = vp_enum_to_nick (enum_types[t], v->value);
          int value = -1;

          if (g_str_equal (v->value_nick, "unset"))
            {
              g_assert_null (nick);
              continue;
            }

          g_assert_cmpstr (nick, ==, v->value_nick);
          g_assert_true (vp_enum_from_nick (enum_types[t], nick, &value));
          g_assert_cmpint (value, ==, v->value);
        }

      g_type_class_unref (klass);
    }
}

static void
test_enums_format_words (void)
{
  int value = -1;

  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_SESSION_KIND, VP_SESSION_KIND_B2B), ==, "b2b");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_PARTICIPANT_ROLE,
                                    VP_PARTICIPANT_ROLE_CLUSTER_MANAGER),
                   ==, "cluster-manager");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_PARTICIPANT_ROLE,
                                    VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION),
                   ==, "support-organisation");
  g_assert_cmpstr (vp_enum_to_nick (VP_TYPE_PROGRAMME_STATUS, VP_PROGRAMME_STATUS_DRAFT),
                   ==, "draft");

  g_assert_true (vp_enum_from_nick (VP_TYPE_SESSION_STATUS, "tentative", &value));
  g_assert_cmpint (value, ==, VP_SESSION_STATUS_TENTATIVE);
}

static void
test_enums_unset_has_no_word (void)
{
  g_assert_null (vp_enum_to_nick (VP_TYPE_HOST_KIND, VP_HOST_KIND_UNSET));
  g_assert_null (vp_enum_to_nick (VP_TYPE_PARTICIPANT_ROLE, VP_PARTICIPANT_ROLE_UNSET));
  g_assert_null (vp_enum_to_nick (VP_TYPE_TRAVEL_KIND, VP_TRAVEL_KIND_UNSET));
  g_assert_null (vp_enum_to_nick (VP_TYPE_SESSION_KIND, VP_SESSION_KIND_UNSET));
}

static void
test_enums_invalid_value (void)
{
  g_assert_null (vp_enum_to_nick (VP_TYPE_SESSION_KIND, 999));
  g_assert_null (vp_enum_to_nick (VP_TYPE_SESSION_STATUS, -1));
}

static void
test_enums_refuse_unset (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (enum_types); t++)
    {
      int value = 1234;

      g_assert_false (vp_enum_from_nick (enum_types[t], "unset", &value));
      g_assert_cmpint (value, ==, 1234);
    }
}

static void
test_enums_refuse_unknown (void)
{
  int value = 1234;

  g_assert_false (vp_enum_from_nick (VP_TYPE_SESSION_KIND, "picnic", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_SESSION_KIND, "", &value));
  /* Names and case variants are not format words. */
  g_assert_false (vp_enum_from_nick (VP_TYPE_SESSION_KIND, "VP_SESSION_KIND_B2B", &value));
  g_assert_false (vp_enum_from_nick (VP_TYPE_SESSION_KIND, "B2B", &value));
  /* A word of another vocabulary. */
  g_assert_false (vp_enum_from_nick (VP_TYPE_SESSION_KIND, "flight", &value));
  g_assert_cmpint (value, ==, 1234);
}

static void
test_enums_refuse_null (void)
{
  int value = 1234;

  g_assert_false (vp_enum_from_nick (VP_TYPE_HOST_KIND, NULL, &value));
  g_assert_cmpint (value, ==, 1234);
}

/* Properties of every class, generically */

static void
check_property_defaults (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      const GValue *expected = g_param_spec_get_default_value (pspec);

      g_test_message ("property %s", pspec->name);
      g_assert_cmpint (pspec->flags & G_PARAM_EXPLICIT_NOTIFY, !=, 0);
      g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      if (pspec->value_type == G_TYPE_DOUBLE)
        g_assert_true (isnan (g_value_get_double (&value)) ==
                       isnan (g_value_get_double (expected)));
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &value, expected), ==, 0);
    }
}

/* Fills @value with something other than @pspec's default. */
static void
make_other_value (GParamSpec *pspec,
                  GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strdup_printf ("value of %s", pspec->name);

      g_value_set_string (value, text);
    }
  else if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, 1700000000);
  else if (pspec->value_type == G_TYPE_INT)
    g_value_set_int (value, 12);
  else if (pspec->value_type == G_TYPE_DOUBLE)
    g_value_set_double (value, 48.25);
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (value, klass->values[klass->n_values - 1].value);
    }
  else
    g_assert_not_reached ();
}

static void
check_property_round_trip (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_autofree char *signal = g_strdup_printf ("notify::%s", pspec->name);
      guint count = 0;
      gulong handler;

      g_test_message ("property %s", pspec->name);
      handler = g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);

      make_other_value (pspec, &other);
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);

      g_value_init (&read, pspec->value_type);
      g_object_get_property (object, pspec->name, &read);
      g_assert_cmpint (g_param_values_cmp (pspec, &read, &other), ==, 0);

      /* The same value again is no change. */
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (count, ==, 1);

      g_signal_handler_disconnect (object, handler);
    }
}

static void
test_property_defaults (gconstpointer data)
{
  g_autoptr(GObject) object = g_object_new ((GType)GPOINTER_TO_SIZE (data), NULL);

  check_property_defaults (object);
}

static void
test_property_round_trip (gconstpointer data)
{
  g_autoptr(GObject) object = g_object_new ((GType)GPOINTER_TO_SIZE (data), NULL);

  check_property_round_trip (object);
}

/* Programme */

static void
test_programme_defaults (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();

  g_assert_cmpint (vp_programme_get_id (programme), ==, 0);
  g_assert_null (vp_programme_get_uid (programme));
  g_assert_null (vp_programme_get_title (programme));
  g_assert_null (vp_programme_get_timezone (programme));
  g_assert_null (vp_programme_get_start_date (programme));
  g_assert_cmpint (vp_programme_get_status (programme), ==, VP_PROGRAMME_STATUS_DRAFT);
  g_assert_true (isnan (vp_programme_get_origin_latitude (programme)));
  g_assert_true (isnan (vp_programme_get_origin_longitude (programme)));
  g_assert_true (isnan (vp_programme_get_lump_sum_eur (programme)));
}

static void
test_programme_empty_string (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();

  vp_programme_set_title (programme, "Study visit");
  vp_programme_set_title (programme, "");
  g_assert_null (vp_programme_get_title (programme));

  vp_programme_set_visiting_cluster (programme, "");
  g_assert_null (vp_programme_get_visiting_cluster (programme));

  vp_programme_set_coordinator_email (programme, "a@example.org");
  vp_programme_set_coordinator_email (programme, NULL);
  g_assert_null (vp_programme_get_coordinator_email (programme));
}

static void
test_programme_notify (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  guint count = 0;

  g_signal_connect (programme, "notify::title", G_CALLBACK (count_notify_cb), &count);

  vp_programme_set_title (programme, "Study visit");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (vp_programme_get_title (programme), ==, "Study visit");

  vp_programme_set_title (programme, "Study visit");
  g_assert_cmpuint (count, ==, 1);

  /* Setting a title from its own storage is no change either. */
  vp_programme_set_title (programme, vp_programme_get_title (programme));
  g_assert_cmpuint (count, ==, 1);

  vp_programme_set_title (programme, NULL);
  g_assert_cmpuint (count, ==, 2);

  /* NULL and "" are both "not given". */
  vp_programme_set_title (programme, "");
  g_assert_cmpuint (count, ==, 2);
}

static void
test_programme_nan_unchanged (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  guint count = 0;

  g_signal_connect (programme, "notify::lump-sum-eur", G_CALLBACK (count_notify_cb), &count);

  vp_programme_set_lump_sum_eur (programme, NAN);
  g_assert_cmpuint (count, ==, 0);

  vp_programme_set_lump_sum_eur (programme, 1200.0);
  vp_programme_set_lump_sum_eur (programme, 1200.0);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpfloat (vp_programme_get_lump_sum_eur (programme), ==, 1200.0);

  vp_programme_set_lump_sum_eur (programme, NAN);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (isnan (vp_programme_get_lump_sum_eur (programme)));
}

static void
test_programme_origin_position (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  guint latitude_count = 0;
  guint longitude_count = 0;

  g_signal_connect (programme, "notify::origin-latitude",
                    G_CALLBACK (count_notify_cb), &latitude_count);
  g_signal_connect (programme, "notify::origin-longitude",
                    G_CALLBACK (count_notify_cb), &longitude_count);

  vp_programme_set_origin_position (programme, 50.85, 4.35);
  g_assert_cmpuint (latitude_count, ==, 1);
  g_assert_cmpuint (longitude_count, ==, 1);
  g_assert_cmpfloat (vp_programme_get_origin_latitude (programme), ==, 50.85);
  g_assert_cmpfloat (vp_programme_get_origin_longitude (programme), ==, 4.35);

  vp_programme_set_origin_position (programme, 50.85, 4.35);
  g_assert_cmpuint (latitude_count, ==, 1);
  g_assert_cmpuint (longitude_count, ==, 1);

  vp_programme_set_origin_position (programme, NAN, NAN);
  g_assert_cmpuint (latitude_count, ==, 2);
  g_assert_cmpuint (longitude_count, ==, 2);
  g_assert_true (isnan (vp_programme_get_origin_latitude (programme)));
  g_assert_true (isnan (vp_programme_get_origin_longitude (programme)));
}

static void
test_programme_copy (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(VpProgramme) copy = NULL;

  vp_programme_set_id (programme, 7);
  vp_programme_set_uid (programme, "uid-1");
  vp_programme_set_title (programme, "Study visit");
  vp_programme_set_status (programme, VP_PROGRAMME_STATUS_CONFIRMED);
  vp_programme_set_host_country (programme, "FI");
  vp_programme_set_timezone (programme, "Europe/Helsinki");
  vp_programme_set_start_date (programme, "2025-05-12");
  vp_programme_set_origin_position (programme, 50.85, 4.35);
  vp_programme_set_lump_sum_eur (programme, 900.0);

  copy = vp_programme_copy (programme);
  g_assert_true (copy != programme);
  g_assert_cmpint (vp_programme_get_id (copy), ==, 7);
  g_assert_cmpstr (vp_programme_get_uid (copy), ==, "uid-1");
  g_assert_cmpstr (vp_programme_get_title (copy), ==, "Study visit");
  g_assert_cmpint (vp_programme_get_status (copy), ==, VP_PROGRAMME_STATUS_CONFIRMED);
  g_assert_cmpstr (vp_programme_get_host_country (copy), ==, "FI");
  g_assert_cmpstr (vp_programme_get_timezone (copy), ==, "Europe/Helsinki");
  g_assert_cmpstr (vp_programme_get_start_date (copy), ==, "2025-05-12");
  g_assert_cmpfloat (vp_programme_get_origin_latitude (copy), ==, 50.85);
  g_assert_cmpfloat (vp_programme_get_origin_longitude (copy), ==, 4.35);
  g_assert_cmpfloat (vp_programme_get_lump_sum_eur (copy), ==, 900.0);

  vp_programme_set_title (copy, "Other");
  g_assert_cmpstr (vp_programme_get_title (programme), ==, "Study visit");
}

static void
test_programme_properties (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autofree char *cluster = NULL;
  VpProgrammeStatus status;
  double lump_sum;

  g_object_set (programme,
                "visiting-cluster", "Cluster A",
                "status", VP_PROGRAMME_STATUS_COMPLETED,
                "lump-sum-eur", 500.0,
                NULL);
  g_assert_cmpstr (vp_programme_get_visiting_cluster (programme), ==, "Cluster A");

  g_object_get (programme,
                "visiting-cluster", &cluster,
                "status", &status,
                "lump-sum-eur", &lump_sum,
                NULL);
  g_assert_cmpstr (cluster, ==, "Cluster A");
  g_assert_cmpint (status, ==, VP_PROGRAMME_STATUS_COMPLETED);
  g_assert_cmpfloat (lump_sum, ==, 500.0);

  g_object_set (programme, "visiting-cluster", "", NULL);
  g_assert_null (vp_programme_get_visiting_cluster (programme));
}

/* Host */

static void
test_host_defaults (void)
{
  g_autoptr(VpHost) host = vp_host_new ();

  g_assert_cmpint (vp_host_get_id (host), ==, 0);
  g_assert_null (vp_host_get_ref (host));
  g_assert_null (vp_host_get_name (host));
  g_assert_cmpint (vp_host_get_kind (host), ==, VP_HOST_KIND_UNSET);
  g_assert_true (isnan (vp_host_get_latitude (host)));
  g_assert_true (isnan (vp_host_get_longitude (host)));
  g_assert_false (vp_host_has_position (host));
  g_assert_cmpint (vp_host_get_max_group_size (host), ==, 0);
}

static void
test_host_empty_string (void)
{
  g_autoptr(VpHost) host = vp_host_new ();

  vp_host_set_name (host, "");
  g_assert_null (vp_host_get_name (host));
  vp_host_set_contact_email (host, "x@example.org");
  vp_host_set_contact_email (host, "");
  g_assert_null (vp_host_get_contact_email (host));
}

static void
test_host_notify (void)
{
  g_autoptr(VpHost) host = vp_host_new ();
  guint count = 0;

  g_signal_connect (host, "notify::name", G_CALLBACK (count_notify_cb), &count);

  vp_host_set_name (host, "Acme Oy");
  vp_host_set_name (host, "Acme Oy");
  g_assert_cmpuint (count, ==, 1);
}

static void
test_host_position (void)
{
  g_autoptr(VpHost) host = vp_host_new ();
  guint latitude_count = 0;
  guint longitude_count = 0;

  g_signal_connect (host, "notify::latitude", G_CALLBACK (count_notify_cb), &latitude_count);
  g_signal_connect (host, "notify::longitude", G_CALLBACK (count_notify_cb), &longitude_count);

  vp_host_set_position (host, 60.17, 24.94);
  g_assert_true (vp_host_has_position (host));
  g_assert_cmpuint (latitude_count, ==, 1);
  g_assert_cmpuint (longitude_count, ==, 1);

  vp_host_set_position (host, 60.17, 24.94);
  g_assert_cmpuint (latitude_count, ==, 1);
  g_assert_cmpuint (longitude_count, ==, 1);

  vp_host_set_position (host, NAN, NAN);
  g_assert_false (vp_host_has_position (host));
  g_assert_cmpuint (latitude_count, ==, 2);
  g_assert_cmpuint (longitude_count, ==, 2);

}

static void
test_host_half_position (void)
{
  g_autoptr(VpHost) host = vp_host_new ();

  /* The properties are set one at a time; until both are, there is no position. */
  g_object_set (host, "latitude", 60.17, NULL);
  g_assert_cmpfloat (vp_host_get_latitude (host), ==, 60.17);
  g_assert_false (vp_host_has_position (host));

  g_object_set (host, "longitude", 24.94, NULL);
  g_assert_true (vp_host_has_position (host));
}

static void
test_host_half_position_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(VpHost) host = vp_host_new ();

      vp_host_set_position (host, 60.17, NAN);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*isnan*");
}

static void
test_host_copy (void)
{
  g_autoptr(VpHost) host = vp_host_new ();
  g_autoptr(VpHost) copy = NULL;

  vp_host_set_id (host, 3);
  vp_host_set_ref (host, "acme");
  vp_host_set_name (host, "Acme Oy");
  vp_host_set_kind (host, VP_HOST_KIND_COMPANY);
  vp_host_set_position (host, 60.17, 24.94);
  vp_host_set_max_group_size (host, 15);
  vp_host_set_notes (host, "Safety shoes");

  copy = vp_host_copy (host);
  g_assert_cmpint (vp_host_get_id (copy), ==, 3);
  g_assert_cmpstr (vp_host_get_ref (copy), ==, "acme");
  g_assert_cmpstr (vp_host_get_name (copy), ==, "Acme Oy");
  g_assert_cmpint (vp_host_get_kind (copy), ==, VP_HOST_KIND_COMPANY);
  g_assert_cmpfloat (vp_host_get_latitude (copy), ==, 60.17);
  g_assert_cmpfloat (vp_host_get_longitude (copy), ==, 24.94);
  g_assert_cmpint (vp_host_get_max_group_size (copy), ==, 15);
  g_assert_cmpstr (vp_host_get_notes (copy), ==, "Safety shoes");

  vp_host_set_ref (copy, "other");
  g_assert_cmpstr (vp_host_get_ref (host), ==, "acme");
}

static void
test_host_properties (void)
{
  g_autoptr(VpHost) host = vp_host_new ();
  VpHostKind kind;
  double latitude;
  double longitude;
  int max_group_size;

  g_object_set (host,
                "kind", VP_HOST_KIND_UNIVERSITY,
                "latitude", 60.0,
                "longitude", 25.0,
                "max-group-size", 20,
                NULL);
  g_object_get (host,
                "kind", &kind,
                "latitude", &latitude,
                "longitude", &longitude,
                "max-group-size", &max_group_size,
                NULL);
  g_assert_cmpint (kind, ==, VP_HOST_KIND_UNIVERSITY);
  g_assert_cmpfloat (latitude, ==, 60.0);
  g_assert_cmpfloat (longitude, ==, 25.0);
  g_assert_cmpint (max_group_size, ==, 20);
}

/* Travel legs and stays */

static void
test_travel_leg_defaults (void)
{
  g_autoptr(VpTravelLeg) leg = vp_travel_leg_new ();

  g_assert_cmpint (leg->kind, ==, VP_TRAVEL_KIND_UNSET);
  g_assert_null (leg->reference);
  g_assert_null (leg->depart);
  g_assert_cmpint (leg->depart_utc, ==, 0);
  g_assert_cmpint (leg->arrive_utc, ==, 0);
}

static void
test_travel_leg_copy (void)
{
  g_autoptr(VpTravelLeg) leg = vp_travel_leg_new ();
  g_autoptr(VpTravelLeg) copy = NULL;

  leg->kind = VP_TRAVEL_KIND_FLIGHT;
  leg->reference = g_strdup ("AY1234");
  leg->from = g_strdup ("BRU");
  leg->to = g_strdup ("HEL");
  leg->depart = g_strdup ("2025-05-12T08:00");
  leg->depart_timezone = g_strdup ("Europe/Brussels");
  leg->arrive = g_strdup ("2025-05-12T12:00");
  leg->depart_utc = 1747029600;
  leg->arrive_utc = 1747040400;

  copy = g_boxed_copy (VP_TYPE_TRAVEL_LEG, leg);
  g_assert_true (copy != leg);
  g_assert_cmpint (copy->kind, ==, VP_TRAVEL_KIND_FLIGHT);
  g_assert_cmpstr (copy->reference, ==, "AY1234");
  g_assert_true (copy->reference != leg->reference);
  g_assert_cmpstr (copy->from, ==, "BRU");
  g_assert_cmpstr (copy->to, ==, "HEL");
  g_assert_cmpstr (copy->depart, ==, "2025-05-12T08:00");
  g_assert_cmpstr (copy->depart_timezone, ==, "Europe/Brussels");
  g_assert_cmpstr (copy->arrive, ==, "2025-05-12T12:00");
  g_assert_null (copy->arrive_timezone);
  g_assert_cmpint (copy->depart_utc, ==, 1747029600);
  g_assert_cmpint (copy->arrive_utc, ==, 1747040400);
}

static void
test_stay_copy (void)
{
  g_autoptr(VpStay) stay = vp_stay_new ();
  g_autoptr(VpStay) copy = NULL;

  stay->name = g_strdup ("Hotel Kamp");
  stay->check_in = g_strdup ("2025-05-12");
  stay->check_out = g_strdup ("2025-05-15");

  copy = g_boxed_copy (VP_TYPE_STAY, stay);
  g_assert_true (copy != stay);
  g_assert_cmpstr (copy->name, ==, "Hotel Kamp");
  g_assert_true (copy->name != stay->name);
  g_assert_null (copy->address);
  g_assert_cmpstr (copy->check_in, ==, "2025-05-12");
  g_assert_cmpstr (copy->check_out, ==, "2025-05-15");
}

/* Participant */

static void
test_participant_defaults (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();

  g_assert_cmpint (vp_participant_get_id (participant), ==, 0);
  g_assert_null (vp_participant_get_ref (participant));
  g_assert_null (vp_participant_get_name (participant));
  g_assert_null (vp_participant_get_dietary (participant));
  g_assert_cmpint (vp_participant_get_role (participant), ==, VP_PARTICIPANT_ROLE_UNSET);
  g_assert_nonnull (vp_participant_get_travel (participant));
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 0);
  g_assert_nonnull (vp_participant_get_accommodation (participant));
  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 0);
}

static void
test_participant_empty_string (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();

  vp_participant_set_dietary (participant, "vegetarian");
  vp_participant_set_dietary (participant, "");
  g_assert_null (vp_participant_get_dietary (participant));
  vp_participant_set_emergency_contact (participant, "");
  g_assert_null (vp_participant_get_emergency_contact (participant));
}

static void
test_participant_notify (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  guint count = 0;

  g_signal_connect (participant, "notify::role", G_CALLBACK (count_notify_cb), &count);

  vp_participant_set_role (participant, VP_PARTICIPANT_ROLE_SME);
  vp_participant_set_role (participant, VP_PARTICIPANT_ROLE_SME);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_participant_travel (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  VpTravelLeg *first = vp_travel_leg_new ();
  VpTravelLeg *second = vp_travel_leg_new ();
  VpStay *stay = vp_stay_new ();
  GPtrArray *travel;

  vp_participant_add_travel_leg (participant, first);
  vp_participant_add_travel_leg (participant, second);
  vp_participant_add_stay (participant, stay);

  travel = vp_participant_get_travel (participant);
  g_assert_cmpuint (travel->len, ==, 2);
  g_assert_true (g_ptr_array_index (travel, 0) == first);
  g_assert_true (g_ptr_array_index (travel, 1) == second);
  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 1);
  g_assert_true (g_ptr_array_index (vp_participant_get_accommodation (participant), 0) == stay);
}

static void
test_participant_copy (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  g_autoptr(VpParticipant) copy = NULL;
  VpTravelLeg *leg = vp_travel_leg_new ();
  VpStay *stay = vp_stay_new ();
  VpTravelLeg *copied_leg;
  VpStay *copied_stay;

  vp_participant_set_id (participant, 11);
  vp_participant_set_ref (participant, "p1");
  vp_participant_set_name (participant, "Anna");
  vp_participant_set_role (participant, VP_PARTICIPANT_ROLE_RESEARCHER);
  vp_participant_set_accessibility (participant, "Step-free access");
  leg->kind = VP_TRAVEL_KIND_TRAIN;
  leg->reference = g_strdup ("IC 42");
  leg->depart_utc = 100;
  vp_participant_add_travel_leg (participant, leg);
  stay->name = g_strdup ("Hotel");
  vp_participant_add_stay (participant, stay);

  copy = vp_participant_copy (participant);
  g_assert_cmpint (vp_participant_get_id (copy), ==, 11);
  g_assert_cmpstr (vp_participant_get_ref (copy), ==, "p1");
  g_assert_cmpstr (vp_participant_get_name (copy), ==, "Anna");
  g_assert_cmpint (vp_participant_get_role (copy), ==, VP_PARTICIPANT_ROLE_RESEARCHER);
  g_assert_cmpstr (vp_participant_get_accessibility (copy), ==, "Step-free access");

  g_assert_cmpuint (vp_participant_get_travel (copy)->len, ==, 1);
  copied_leg = g_ptr_array_index (vp_participant_get_travel (copy), 0);
  g_assert_true (copied_leg != leg);
  g_assert_cmpint (copied_leg->kind, ==, VP_TRAVEL_KIND_TRAIN);
  g_assert_cmpstr (copied_leg->reference, ==, "IC 42");
  g_assert_cmpint (copied_leg->depart_utc, ==, 100);

  g_assert_cmpuint (vp_participant_get_accommodation (copy)->len, ==, 1);
  copied_stay = g_ptr_array_index (vp_participant_get_accommodation (copy), 0);
  g_assert_true (copied_stay != stay);
  g_assert_cmpstr (copied_stay->name, ==, "Hotel");

  /* Changing the copy leaves the original alone. */
  g_clear_pointer (&copied_leg->reference, g_free);
  copied_leg->reference = g_strdup ("IC 43");
  g_ptr_array_set_size (vp_participant_get_accommodation (copy), 0);
  vp_participant_add_travel_leg (copy, vp_travel_leg_new ());
  vp_participant_set_name (copy, "Berta");

  g_assert_cmpstr (leg->reference, ==, "IC 42");
  g_assert_cmpuint (vp_participant_get_travel (participant)->len, ==, 1);
  g_assert_cmpuint (vp_participant_get_accommodation (participant)->len, ==, 1);
  g_assert_cmpstr (stay->name, ==, "Hotel");
  g_assert_cmpstr (vp_participant_get_name (participant), ==, "Anna");
}

static void
test_participant_properties (void)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  g_autofree char *contact = NULL;
  VpParticipantRole role;

  g_object_set (participant,
                "emergency-contact", "Bob +358 40 123",
                "role", VP_PARTICIPANT_ROLE_CLUSTER_MANAGER,
                NULL);
  g_object_get (participant,
                "emergency-contact", &contact,
                "role", &role,
                NULL);
  g_assert_cmpstr (contact, ==, "Bob +358 40 123");
  g_assert_cmpint (role, ==, VP_PARTICIPANT_ROLE_CLUSTER_MANAGER);
}

/* Session */

static void
test_session_defaults (void)
{
  g_autoptr(VpSession) session = vp_session_new ();

  g_assert_cmpint (vp_session_get_id (session), ==, 0);
  g_assert_null (vp_session_get_ref (session));
  g_assert_null (vp_session_get_uid (session));
  g_assert_cmpint (vp_session_get_revision (session), ==, 0);
  g_assert_null (vp_session_get_title (session));
  g_assert_cmpint (vp_session_get_kind (session), ==, VP_SESSION_KIND_UNSET);
  g_assert_null (vp_session_get_start (session));
  g_assert_null (vp_session_get_end_timezone (session));
  g_assert_cmpint (vp_session_get_start_utc (session), ==, 0);
  g_assert_cmpint (vp_session_get_end_utc (session), ==, 0);
  g_assert_null (vp_session_get_host_ref (session));
  g_assert_cmpint (vp_session_get_status (session), ==, VP_SESSION_STATUS_CONFIRMED);
  g_assert_cmpint (vp_session_get_capacity (session), ==, 0);
  g_assert_true (vp_session_get_attendees_all (session));
  g_assert_nonnull (vp_session_get_attendees (session));
  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 0);
}

static void
test_session_empty_string (void)
{
  g_autoptr(VpSession) session = vp_session_new ();

  vp_session_set_host_ref (session, "acme");
  vp_session_set_host_ref (session, "");
  g_assert_null (vp_session_get_host_ref (session));
  vp_session_set_timezone (session, "");
  g_assert_null (vp_session_get_timezone (session));
}

static void
test_session_notify (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  guint count = 0;

  g_signal_connect (session, "notify::title", G_CALLBACK (count_notify_cb), &count);

  vp_session_set_title (session, "Lunch");
  g_assert_cmpuint (count, ==, 1);
  vp_session_set_title (session, "Lunch");
  g_assert_cmpuint (count, ==, 1);
  vp_session_set_title (session, "Dinner");
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (vp_session_get_title (session), ==, "Dinner");
}

static void
test_session_instants (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  guint start_count = 0;
  guint end_count = 0;

  g_signal_connect (session, "notify::start-utc", G_CALLBACK (count_notify_cb), &start_count);
  g_signal_connect (session, "notify::end-utc", G_CALLBACK (count_notify_cb), &end_count);

  vp_session_set_instants (session, 1000, 2000);
  g_assert_cmpint (vp_session_get_start_utc (session), ==, 1000);
  g_assert_cmpint (vp_session_get_end_utc (session), ==, 2000);
  g_assert_cmpuint (start_count, ==, 1);
  g_assert_cmpuint (end_count, ==, 1);

  vp_session_set_instants (session, 1000, 3000);
  g_assert_cmpuint (start_count, ==, 1);
  g_assert_cmpuint (end_count, ==, 2);

  vp_session_set_instants (session, 1000, 3000);
  g_assert_cmpuint (start_count, ==, 1);
  g_assert_cmpuint (end_count, ==, 2);
}

static void
test_session_attendees (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  char ref[] = "p1";
  GPtrArray *attendees;

  vp_session_add_attendee (session, ref);
  vp_session_add_attendee (session, "p2");

  attendees = vp_session_get_attendees (session);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p1");
  g_assert_cmpstr (g_ptr_array_index (attendees, 1), ==, "p2");

  /* The session keeps its own copy of the ref. */
  g_assert_true (g_ptr_array_index (attendees, 0) != (gpointer)ref);
  ref[1] = '9';
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p1");

  vp_session_clear_attendees (session);
  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 0);
}

static void
test_session_copy (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  g_autoptr(VpSession) copy = NULL;

  vp_session_set_id (session, 21);
  vp_session_set_ref (session, "s1");
  vp_session_set_uid (session, "0f9c@visit-planner");
  vp_session_set_revision (session, 4);
  vp_session_set_title (session, "Factory tour");
  vp_session_set_kind (session, VP_SESSION_KIND_VISIT);
  vp_session_set_start (session, "2025-05-13T09:00");
  vp_session_set_end (session, "2025-05-13T11:00");
  vp_session_set_timezone (session, "Europe/Helsinki");
  vp_session_set_end_timezone (session, "Europe/Tallinn");
  vp_session_set_instants (session, 1747116000, 1747123200);
  vp_session_set_host_ref (session, "acme");
  vp_session_set_location (session, "Gate 2");
  vp_session_set_description (session, "Bring ID");
  vp_session_set_status (session, VP_SESSION_STATUS_TENTATIVE);
  vp_session_set_capacity (session, 12);
  vp_session_set_attendees_all (session, FALSE);
  vp_session_add_attendee (session, "p1");
  vp_session_add_attendee (session, "p2");

  copy = vp_session_copy (session);
  g_assert_cmpint (vp_session_get_id (copy), ==, 21);
  g_assert_cmpstr (vp_session_get_ref (copy), ==, "s1");
  g_assert_cmpstr (vp_session_get_uid (copy), ==, "0f9c@visit-planner");
  g_assert_cmpint (vp_session_get_revision (copy), ==, 4);
  g_assert_cmpstr (vp_session_get_title (copy), ==, "Factory tour");
  g_assert_cmpint (vp_session_get_kind (copy), ==, VP_SESSION_KIND_VISIT);
  g_assert_cmpstr (vp_session_get_start (copy), ==, "2025-05-13T09:00");
  g_assert_cmpstr (vp_session_get_end (copy), ==, "2025-05-13T11:00");
  g_assert_cmpstr (vp_session_get_timezone (copy), ==, "Europe/Helsinki");
  g_assert_cmpstr (vp_session_get_end_timezone (copy), ==, "Europe/Tallinn");
  g_assert_cmpint (vp_session_get_start_utc (copy), ==, 1747116000);
  g_assert_cmpint (vp_session_get_end_utc (copy), ==, 1747123200);
  g_assert_cmpstr (vp_session_get_host_ref (copy), ==, "acme");
  g_assert_cmpstr (vp_session_get_location (copy), ==, "Gate 2");
  g_assert_cmpstr (vp_session_get_description (copy), ==, "Bring ID");
  g_assert_cmpint (vp_session_get_status (copy), ==, VP_SESSION_STATUS_TENTATIVE);
  g_assert_cmpint (vp_session_get_capacity (copy), ==, 12);
  g_assert_false (vp_session_get_attendees_all (copy));
  g_assert_cmpuint (vp_session_get_attendees (copy)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (vp_session_get_attendees (copy), 0), ==, "p1");
  g_assert_cmpstr (g_ptr_array_index (vp_session_get_attendees (copy), 1), ==, "p2");
  g_assert_true (g_ptr_array_index (vp_session_get_attendees (copy), 0) !=
                 g_ptr_array_index (vp_session_get_attendees (session), 0));

  /* Changing the copy leaves the original alone. */
  vp_session_clear_attendees (copy);
  vp_session_add_attendee (copy, "p3");
  vp_session_set_title (copy, "Other");
  vp_session_set_instants (copy, 1, 2);

  g_assert_cmpuint (vp_session_get_attendees (session)->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (vp_session_get_attendees (session), 0), ==, "p1");
  g_assert_cmpstr (vp_session_get_title (session), ==, "Factory tour");
  g_assert_cmpint (vp_session_get_start_utc (session), ==, 1747116000);
}

static void
test_session_properties (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  g_autofree char *host_ref = NULL;
  gboolean attendees_all;
  gint64 start_utc;
  gint64 end_utc;
  VpSessionKind kind;

  g_object_set (session,
                "host-ref", "acme",
                "attendees-all", FALSE,
                "start-utc", (gint64)1000,
                "end-utc", (gint64)2000,
                "kind", VP_SESSION_KIND_B2B,
                NULL);
  g_object_get (session,
                "host-ref", &host_ref,
                "attendees-all", &attendees_all,
                "start-utc", &start_utc,
                "end-utc", &end_utc,
                "kind", &kind,
                NULL);
  g_assert_cmpstr (host_ref, ==, "acme");
  g_assert_false (attendees_all);
  g_assert_cmpint (start_utc, ==, 1000);
  g_assert_cmpint (end_utc, ==, 2000);
  g_assert_cmpint (kind, ==, VP_SESSION_KIND_B2B);
}

static void
test_session_negative_capacity (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(VpSession) session = vp_session_new ();

      vp_session_set_capacity (session, -1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*capacity >= 0*");
}

/* Records: the fields shared by every class, assigned and compared */

static void
test_record_set_string (void)
{
  g_autoptr(VpHost) host = vp_host_new ();
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (host), "notes");
  char *field = NULL;
  guint count = 0;

  g_signal_connect (host, "notify::notes", G_CALLBACK (count_notify_cb), &count);

  g_assert_true (vp_record_set_string (G_OBJECT (host), &field, "Gate 2", pspec));
  g_assert_cmpstr (field, ==, "Gate 2");
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (vp_record_set_string (G_OBJECT (host), &field, "Gate 2", pspec));
  /* its own storage is no change, and is not read after it is freed */
  g_assert_false (vp_record_set_string (G_OBJECT (host), &field, field, pspec));
  g_assert_cmpuint (count, ==, 1);

  /* "" is "not given", as NULL is */
  g_assert_true (vp_record_set_string (G_OBJECT (host), &field, "", pspec));
  g_assert_null (field);
  g_assert_false (vp_record_set_string (G_OBJECT (host), &field, NULL, pspec));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_record_set_numbers (void)
{
  g_autoptr(VpSession) session = vp_session_new ();
  GObjectClass *klass = G_OBJECT_GET_CLASS (session);
  GParamSpec *pspec = g_object_class_find_property (klass, "capacity");
  double real = NAN;
  gint64 instant = 0;
  gboolean flag = TRUE;
  int count_value = 0;
  guint count = 0;

  g_signal_connect (session, "notify::capacity", G_CALLBACK (count_notify_cb), &count);

  /* NAN is "not given": the same as NAN, and not the same as any number */
  g_assert_false (vp_record_set_double (G_OBJECT (session), &real, NAN, pspec));
  g_assert_true (vp_record_set_double (G_OBJECT (session), &real, 0.0, pspec));
  g_assert_true (vp_record_set_double (G_OBJECT (session), &real, NAN, pspec));
  g_assert_true (isnan (real));
  g_assert_cmpuint (count, ==, 2);

  g_assert_true (vp_record_set_int64 (G_OBJECT (session), &instant, G_MAXINT64, pspec));
  g_assert_false (vp_record_set_int64 (G_OBJECT (session), &instant, G_MAXINT64, pspec));
  g_assert_true (vp_record_set_int (G_OBJECT (session), &count_value, -4, pspec));
  g_assert_false (vp_record_set_int (G_OBJECT (session), &count_value, -4, pspec));
  g_assert_cmpint (instant, ==, G_MAXINT64);
  g_assert_cmpint (count_value, ==, -4);
  g_assert_cmpuint (count, ==, 4);

  /* any true value is TRUE */
  g_assert_false (vp_record_set_boolean (G_OBJECT (session), &flag, 2, pspec));
  g_assert_true (vp_record_set_boolean (G_OBJECT (session), &flag, FALSE, pspec));
  g_assert_true (vp_record_set_boolean (G_OBJECT (session), &flag, 7, pspec));
  g_assert_cmpint (flag, ==, TRUE);
  g_assert_cmpuint (count, ==, 6);
}

/* Sets every property of @object to a value other than its default. */
static void
set_other_values (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) other = G_VALUE_INIT;

      make_other_value (pspecs[i], &other);
      g_object_set_property (object, pspecs[i]->name, &other);
    }
}

static void
collect_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  g_ptr_array_add (user_data, (gpointer)pspec->name);
}

static void
test_record_assign (gconstpointer data)
{
  GType type = (GType)GPOINTER_TO_SIZE (data);
  g_autoptr(GObject) source = g_object_new (type, NULL);
  g_autoptr(GObject) target = g_object_new (type, NULL);
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_pspecs);
  set_other_values (source);
  g_assert_false (vp_record_equal (target, source));

  g_signal_connect (target, "notify", G_CALLBACK (collect_notify_cb), notified);
  g_assert_true (vp_record_assign (target, source));
  g_assert_true (vp_record_equal (target, source));
  /* every property changed, and each was notified once */
  g_assert_cmpuint (notified->len, ==, n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) want = G_VALUE_INIT;
      g_auto(GValue) have = G_VALUE_INIT;

      g_test_message ("property %s", pspecs[i]->name);
      g_assert_true (g_ptr_array_find_with_equal_func (notified, pspecs[i]->name, g_str_equal,
                                                       NULL));
      g_value_init (&want, pspecs[i]->value_type);
      g_value_init (&have, pspecs[i]->value_type);
      g_object_get_property (source, pspecs[i]->name, &want);
      g_object_get_property (target, pspecs[i]->name, &have);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &have, &want), ==, 0);
    }

  /* the same again is no change, and says nothing */
  g_ptr_array_set_size (notified, 0);
  g_assert_false (vp_record_assign (target, source));
  g_assert_cmpuint (notified->len, ==, 0);

  /* back to the defaults: strings to NULL, doubles to NAN */
  g_clear_object (&source);
  source = g_object_new (type, NULL);
  g_assert_true (vp_record_assign (target, source));
  g_assert_cmpuint (notified->len, ==, n_pspecs);
  g_assert_true (vp_record_equal (target, source));
}

static void
test_record_assign_one (void)
{
  g_autoptr(VpHost) source = vp_host_new ();
  g_autoptr(VpHost) target = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();

  vp_host_set_name (source, "Acme");
  vp_host_set_max_group_size (source, 12);
  target = vp_host_copy (source);
  g_assert_true (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));

  /* one coordinate given where none was: g_param_values_cmp() alone finds
   * NAN equal to every number */
  g_object_set (source, "latitude", 54.68, NULL);
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_signal_connect (target, "notify", G_CALLBACK (collect_notify_cb), notified);
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_cmpuint (notified->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notified, 0), ==, "latitude");
  g_assert_cmpfloat (vp_host_get_latitude (target), ==, 54.68);
  g_assert_true (isnan (vp_host_get_longitude (target)));
}

static void
check_title_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  guint *count = user_data;

  /* notifications are held until every property is assigned */
  g_assert_cmpstr (vp_session_get_location (VP_SESSION (object)), ==, "Gate 2");
  g_assert_cmpint (vp_session_get_capacity (VP_SESSION (object)), ==, 30);
  (*count)++;
}

static void
test_record_assign_frozen (void)
{
  g_autoptr(VpSession) source = vp_session_new ();
  g_autoptr(VpSession) target = vp_session_new ();
  guint count = 0;

  vp_session_set_title (source, "Factory tour");
  vp_session_set_location (source, "Gate 2");
  vp_session_set_capacity (source, 30);
  g_signal_connect (target, "notify::title", G_CALLBACK (check_title_cb), &count);
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_cmpuint (count, ==, 1);
}

static void
test_record_session_attendees (void)
{
  g_autoptr(VpSession) source = vp_session_new ();
  g_autoptr(VpSession) target = NULL;
  GPtrArray *attendees;

  vp_session_set_attendees_all (source, FALSE);
  vp_session_add_attendee (source, "p1");
  vp_session_add_attendee (source, "p2");
  target = vp_session_copy (source);
  g_assert_true (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));

  /* the attendees are no property, but they are the session's */
  vp_session_clear_attendees (source);
  vp_session_add_attendee (source, "p2");
  vp_session_add_attendee (source, "p1");
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  attendees = vp_session_get_attendees (target);
  g_assert_cmpuint (attendees->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (attendees, 0), ==, "p2");
  g_assert_cmpstr (g_ptr_array_index (attendees, 1), ==, "p1");
  g_assert_true (g_ptr_array_index (attendees, 0) !=
                 g_ptr_array_index (vp_session_get_attendees (source), 0));
  g_assert_false (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));

  vp_session_add_attendee (source, "p3");
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_cmpuint (vp_session_get_attendees (target)->len, ==, 3);
}

static void
test_record_participant_travel (void)
{
  g_autoptr(VpParticipant) source = vp_participant_new ();
  g_autoptr(VpParticipant) target = NULL;
  VpTravelLeg *leg = vp_travel_leg_new ();
  VpStay *stay = vp_stay_new ();

  leg->uid = g_strdup ("travel-1@visit-planner");
  leg->from = g_strdup ("RIX");
  leg->to = g_strdup ("VNO");
  leg->depart = g_strdup ("2025-05-12T08:00");
  leg->arrive = g_strdup ("2025-05-12T09:00");
  vp_participant_add_travel_leg (source, leg);
  stay->name = g_strdup ("Hotel Neris");
  stay->check_in = g_strdup ("2025-05-12");
  stay->check_out = g_strdup ("2025-05-15");
  vp_participant_add_stay (source, stay);

  target = vp_participant_new ();
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_cmpuint (vp_participant_get_travel (target)->len, ==, 1);
  g_assert_cmpuint (vp_participant_get_accommodation (target)->len, ==, 1);
  g_assert_true (g_ptr_array_index (vp_participant_get_travel (target), 0) != leg);
  g_assert_false (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));

  /* what a calendar does not show is the participant's too */
  leg->revision = 2;
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_cmpint (((VpTravelLeg *)g_ptr_array_index (vp_participant_get_travel (target), 0))
                     ->revision, ==, 2);

  stay->modified_at = 1700000000;
  g_assert_false (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_assign (G_OBJECT (target), G_OBJECT (source)));
  g_assert_true (vp_record_equal (G_OBJECT (target), G_OBJECT (source)));
}

static void
add_property_tests (const char *name,
                    GType       type)
{
  g_autofree char *defaults_path = g_strdup_printf ("/model/%s/property-defaults", name);
  g_autofree char *round_trip_path = g_strdup_printf ("/model/%s/property-round-trip", name);
  g_autofree char *assign_path = g_strdup_printf ("/model/%s/record-assign", name);

  g_test_add_data_func (defaults_path, GSIZE_TO_POINTER (type), test_property_defaults);
  g_test_add_data_func (round_trip_path, GSIZE_TO_POINTER (type), test_property_round_trip);
  g_test_add_data_func (assign_path, GSIZE_TO_POINTER (type), test_record_assign);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  fill_enum_types ();

  g_test_add_func ("/model/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/model/enums/format-words", test_enums_format_words);
  g_test_add_func ("/model/enums/unset-has-no-word", test_enums_unset_has_no_word);
  g_test_add_func ("/model/enums/invalid-value", test_enums_invalid_value);
  g_test_add_func ("/model/enums/refuse-unset", test_enums_refuse_unset);
  g_test_add_func ("/model/enums/refuse-unknown", test_enums_refuse_unknown);
  g_test_add_func ("/model/enums/refuse-null", test_enums_refuse_null);

  g_test_add_func ("/model/programme/defaults", test_programme_defaults);
  g_test_add_func ("/model/programme/empty-string", test_programme_empty_string);
  g_test_add_func ("/model/programme/notify", test_programme_notify);
  g_test_add_func ("/model/programme/nan-unchanged", test_programme_nan_unchanged);
  g_test_add_func ("/model/programme/origin-position", test_programme_origin_position);
  g_test_add_func ("/model/programme/copy", test_programme_copy);
  g_test_add_func ("/model/programme/properties", test_programme_properties);
  add_property_tests ("programme", VP_TYPE_PROGRAMME);

  g_test_add_func ("/model/host/defaults", test_host_defaults);
  g_test_add_func ("/model/host/empty-string", test_host_empty_string);
  g_test_add_func ("/model/host/notify", test_host_notify);
  g_test_add_func ("/model/host/position", test_host_position);
  g_test_add_func ("/model/host/half-position", test_host_half_position);
  g_test_add_func ("/model/host/half-position-refused", test_host_half_position_refused);
  g_test_add_func ("/model/host/copy", test_host_copy);
  g_test_add_func ("/model/host/properties", test_host_properties);
  add_property_tests ("host", VP_TYPE_HOST);

  g_test_add_func ("/model/travel/leg-defaults", test_travel_leg_defaults);
  g_test_add_func ("/model/travel/leg-copy", test_travel_leg_copy);
  g_test_add_func ("/model/travel/stay-copy", test_stay_copy);

  g_test_add_func ("/model/participant/defaults", test_participant_defaults);
  g_test_add_func ("/model/participant/empty-string", test_participant_empty_string);
  g_test_add_func ("/model/participant/notify", test_participant_notify);
  g_test_add_func ("/model/participant/travel", test_participant_travel);
  g_test_add_func ("/model/participant/copy", test_participant_copy);
  g_test_add_func ("/model/participant/properties", test_participant_properties);
  add_property_tests ("participant", VP_TYPE_PARTICIPANT);

  g_test_add_func ("/model/session/defaults", test_session_defaults);
  g_test_add_func ("/model/session/empty-string", test_session_empty_string);
  g_test_add_func ("/model/session/notify", test_session_notify);
  g_test_add_func ("/model/session/instants", test_session_instants);
  g_test_add_func ("/model/session/attendees", test_session_attendees);
  g_test_add_func ("/model/session/copy", test_session_copy);
  g_test_add_func ("/model/session/properties", test_session_properties);
  g_test_add_func ("/model/session/negative-capacity", test_session_negative_capacity);
  add_property_tests ("session", VP_TYPE_SESSION);

  g_test_add_func ("/model/record/set-string", test_record_set_string);
  g_test_add_func ("/model/record/set-numbers", test_record_set_numbers);
  g_test_add_func ("/model/record/assign-one", test_record_assign_one);
  g_test_add_func ("/model/record/assign-frozen", test_record_assign_frozen);
  g_test_add_func ("/model/record/session-attendees", test_record_session_attendees);
  g_test_add_func ("/model/record/participant-travel", test_record_participant_travel);

  return g_test_run ();
}

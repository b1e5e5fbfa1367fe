/* test-publish-core.c: publish targets in the store, calendar objects, content hashes. */
#include "config.h"

#include <string.h>

#include "vp-calendar.h"
#include "vp-publish.h"
#include "vp-test-core.h"

static guint
count (const char *text,
       const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* One calendar object per session: one VEVENT of that UID, its VTIMEZONE, no
 * METHOD; a deleted session is not among them (its file cancels it). */
static void
test_objects_programme (VpTestDatabase *fixture,
                        gconstpointer   data)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  g_autoptr(GPtrArray) objects = vp_calendar_objects_programme (snapshot, NULL);
  VpSession *deleted = g_ptr_array_index (sessions, 0);
  g_autofree char *deleted_uid = g_strdup (vp_session_get_uid (deleted));
  gint64 deleted_id = vp_session_get_id (deleted);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(GPtrArray) objects_after = NULL;
  g_autoptr(GBytes) file = NULL;

  g_assert_cmpuint (objects->len, ==, sessions->len);
  for (guint i = 0; i < objects->len; i++)
    {
      VpCalendarObject *object = g_ptr_array_index (objects, i);
      VpSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *text = g_strndup (g_bytes_get_data (object->data, NULL),
                                         g_bytes_get_size (object->data));
      g_autofree char *uid_line = g_strdup_printf ("\r\nUID:%s\r\n", object->uid);

      g_assert_cmpstr (object->uid, ==, vp_session_get_uid (session));
      g_assert_cmpint (object->sequence, ==, vp_session_get_revision (session));
      g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
      g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
      g_assert_cmpuint (count (text, "BEGIN:VEVENT"), ==, 1);
      g_assert_cmpuint (count (text, uid_line), ==, 1);
      g_assert_cmpuint (count (text, "BEGIN:VTIMEZONE"), ==, 1);
      g_assert_cmpuint (count (text, "TZID:Europe/Vilnius"), ==, 1);
      g_assert_null (strstr (text, "METHOD:"));
    }

  g_assert_true (vp_store_delete_sessions (fixture->store, fixture->id, &deleted_id, 1, &error));
  g_assert_no_error (error);
  after = vp_test_load (fixture->store, fixture->id);
  objects_after = vp_calendar_objects_programme (after, NULL);
  g_assert_cmpuint (objects_after->len, ==, sessions->len - 1);
  for (guint i = 0; i < objects_after->len; i++)
    g_assert_cmpstr (((VpCalendarObject *)g_ptr_array_index (objects_after, i))->uid, !=,
                     deleted_uid);
  /* the file still cancels it */
  file = vp_calendar_write_programme (after, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (file, NULL), g_bytes_get_size (file),
                                  deleted_uid));
}

/* A participant's objects: the sessions they attend, their legs and stays. */
static void
test_objects_participant (VpTestDatabase *fixture,
                          gconstpointer   data)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  VpParticipant *participant = g_ptr_array_index (participants, 0);
  g_autoptr(GPtrArray) objects = vp_calendar_objects_participant (snapshot, participant, NULL);
  g_autoptr(GBytes) file = vp_calendar_write_participant (snapshot, participant, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file));

  g_assert_cmpuint (objects->len, >, vp_participant_get_travel (participant)->len);
  g_assert_cmpuint (objects->len, ==, count (text, "BEGIN:VEVENT"));
  for (guint i = 0; i < objects->len; i++)
    {
      VpCalendarObject *object = g_ptr_array_index (objects, i);
      g_autofree char *uid_line = g_strdup_printf ("\r\nUID:%s\r\n", object->uid);

      g_assert_cmpuint (count (text, uid_line), ==, 1);
    }
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The hash ignores the time of writing, nothing else. */
static void
test_content_hash (void)
{
  g_autoptr(GBytes) one = bytes_of ("BEGIN:VEVENT\r\nDTSTAMP:20270101T000000Z\r\nSUMMARY:A\r\n");
  g_autoptr(GBytes) later = bytes_of ("BEGIN:VEVENT\r\nDTSTAMP:20270202T101010Z\r\nSUMMARY:A\r\n");
  g_autoptr(GBytes) other = bytes_of ("BEGIN:VEVENT\r\nDTSTAMP:20270101T000000Z\r\nSUMMARY:B\r\n");
  g_autofree char *hash_one = vp_publish_content_hash (one);
  g_autofree char *hash_later = vp_publish_content_hash (later);
  g_autofree char *hash_other = vp_publish_content_hash (other);

  g_assert_cmpuint (strlen (hash_one), ==, 64);
  g_assert_cmpstr (hash_one, ==, hash_later);
  g_assert_cmpstr (hash_one, !=, hash_other);
}

static VpPublishTarget *
make_target (gint64      programme_id,
             const char *name,
             const char *url)
{
  VpPublishTarget *target = vp_publish_target_new ();

  target->programme_id = programme_id;
  target->name = g_strdup (name);
  target->url = g_strdup (url);
  target->kind = VP_PUBLISH_WEBDAV;
  target->user = g_strdup ("aino");
  target->password_env = g_strdup ("VP_TEST_PASSWORD");
  target->per_host = TRUE;
  return target;
}

static void
test_validate (void)
{
  static const char * const refused[] = {
    "", "cal.example/dav", "ftp://cal.example/", "https:///x", "https://a:b@cal.example/",
    "https://cal.example/?x=1", "https://cal.example/#x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(VpPublishTarget) target = make_target (1, "t", refused[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (vp_publish_target_validate (target, &error));
      g_assert_error (error, VP_PUBLISH_ERROR, VP_PUBLISH_ERROR_INVALID);
    }

  {
    g_autoptr(VpPublishTarget) target = make_target (1, "t\n", "https://cal.example/");
    g_autoptr(GError) error = NULL;

    g_assert_false (vp_publish_target_validate (target, &error));
  }
  {
    g_autoptr(VpPublishTarget) target = make_target (1, "t", "https://cal.example/dav");
    g_autoptr(GError) error = NULL;

    g_assert_true (vp_publish_target_validate (target, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (target->url, ==, "https://cal.example/dav/");
  }
}

/* Targets and what they hold: added, listed, recorded, forgotten, removed
 * with their resources, and gone with their programme. */
static void
test_store_targets (VpTestDatabase *fixture,
                    gconstpointer   data)
{
  g_autoptr(VpPublishTarget) target = make_target (fixture->id, "files",
                                                   "https://files.example/v");
  g_autoptr(VpPublishTarget) again = make_target (fixture->id, "files", "https://other.example/");
  g_autoptr(VpPublishTarget) read = NULL;
  g_autoptr(VpPublishResource) resource = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) resources = NULL;
  g_autoptr(GError) error = NULL;
  VpPublishResource *found;

  g_assert_true (vp_store_add_publish_target (fixture->store, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target->id, >, 0);
  g_assert_false (vp_store_add_publish_target (fixture->store, again, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  read = vp_store_get_publish_target (fixture->store, fixture->id, "files", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->url, ==, "https://files.example/v/");
  g_assert_cmpstr (read->password_env, ==, "VP_TEST_PASSWORD");
  g_assert_true (read->per_host);
  g_assert_false (read->per_participant);
  g_assert_cmpint (read->kind, ==, VP_PUBLISH_WEBDAV);
  g_assert_cmpint (read->last_at, ==, 0);

  resource = vp_publish_resource_new ("https://files.example/v/programme.ics", "programme.ics",
                                      "\"abc\"", 3, "hash", FALSE);
  g_assert_true (vp_store_set_publish_resource (fixture->store, target->id, resource, &error));
  resource->conflict = TRUE;
  g_assert_true (vp_store_set_publish_resource (fixture->store, target->id, resource, &error));
  g_assert_true (vp_store_set_publish_result (fixture->store, target->id, 1800000000,
                                              "conflicts", "0 put", &error));
  g_assert_no_error (error);
  resources = vp_store_get_publish_resources (fixture->store, target->id, &error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 1);
  found = g_hash_table_lookup (resources, "https://files.example/v/programme.ics");
  g_assert_cmpstr (found->etag, ==, "\"abc\"");
  g_assert_cmpint (found->sequence, ==, 3);
  g_assert_true (found->conflict);

  targets = vp_store_get_publish_targets (fixture->store, fixture->id, &error);
  g_assert_cmpuint (targets->len, ==, 1);
  g_assert_cmpstr (((VpPublishTarget *)targets->pdata[0])->last_result, ==, "conflicts");

  /* removed: its resources with it */
  g_assert_true (vp_store_remove_publish_target (fixture->store, fixture->id, "files", &error));
  g_assert_false (vp_store_remove_publish_target (fixture->store, fixture->id, "files", &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&resources, g_hash_table_unref);
  resources = vp_store_get_publish_resources (fixture->store, target->id, &error);
  g_assert_cmpuint (g_hash_table_size (resources), ==, 0);

  /* gone with the programme */
  g_assert_true (vp_store_add_publish_target (fixture->store, again, &error));
  g_assert_true (vp_store_delete_programme (fixture->store, fixture->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = vp_store_get_publish_targets (fixture->store, fixture->id, &error);
  g_assert_cmpuint (targets->len, ==, 0);
}

/* Where each calendar is published, and the webcal:// form of a file. */
static void
test_subscriptions (VpTestDatabase *fixture,
                    gconstpointer   data)
{
  g_autoptr(VpSnapshot) snapshot = vp_test_load (fixture->store, fixture->id);
  g_autoptr(VpPublishTarget) target = make_target (fixture->id, "files",
                                                   "https://files.example/v/");
  g_autoptr(GPtrArray) files = vp_publish_subscriptions (target, snapshot);
  g_autoptr(GPtrArray) collections = NULL;
  VpSubscription *first;
  const char *uid = vp_programme_get_uid (vp_snapshot_get_programme (snapshot));
  g_autofree char *collection = g_strdup_printf ("https://cal.example/aino/%s/", uid);

  g_assert_cmpuint (files->len, ==, 1 + vp_snapshot_get_hosts (snapshot)->len);
  first = g_ptr_array_index (files, 0);
  g_assert_cmpstr (first->url, ==, "https://files.example/v/programme.ics");
  g_assert_cmpstr (first->webcal, ==, "webcal://files.example/v/programme.ics");
  g_assert_true (g_str_has_prefix (((VpSubscription *)files->pdata[1])->url,
                                   "https://files.example/v/host-"));

  target->kind = VP_PUBLISH_CALDAV;
  g_free (target->url);
  target->url = g_strdup ("https://cal.example/aino/");
  target->per_host = FALSE;
  target->per_participant = TRUE;
  collections = vp_publish_subscriptions (target, snapshot);
  g_assert_cmpuint (collections->len, ==, 1 + vp_snapshot_get_participants (snapshot)->len);
  first = g_ptr_array_index (collections, 0);
  g_assert_cmpstr (first->url, ==, collection);
  g_assert_null (first->webcal);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish/objects/programme", VpTestDatabase, NULL, vp_test_database_set_up_demo,
              test_objects_programme, vp_test_database_tear_down);
  g_test_add ("/publish/objects/participant", VpTestDatabase, NULL,
              vp_test_database_set_up_demo, test_objects_participant,
              vp_test_database_tear_down);
  g_test_add_func ("/publish/content-hash", test_content_hash);
  g_test_add_func ("/publish/validate", test_validate);
  g_test_add ("/publish/store/targets", VpTestDatabase, NULL, vp_test_database_set_up_demo,
              test_store_targets, vp_test_database_tear_down);
  g_test_add ("/publish/subscriptions", VpTestDatabase, NULL, vp_test_database_set_up_demo,
              test_subscriptions, vp_test_database_tear_down);

  return g_test_run ();
}

/* test-snapshot-diff.c: unit tests of the diff of two snapshots of a programme: what an import
 * adds, changes, removes or cancels, the fields it names and the words it says. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "vp-csv-import.h"
#include "vp-ical-import.h"
#include "vp-language.h"
#include "vp-snapshot-diff.h"
#include "vp-test-core.h"

static const char base_document[] =
  "{\n"
  "  \"format\": \"visit-planner-programme\",\n"
  "  \"version\": 1,\n"
  "  \"programme\": {\n"
  "    \"uid\": \"diff-programme\",\n"
  "    \"title\": \"Photonics in Kaunas\",\n"
  "    \"host_country\": \"LT\",\n"
  "    \"timezone\": \"Europe/Vilnius\",\n"
  "    \"start_date\": \"2027-04-13\",\n"
  "    \"end_date\": \"2027-04-15\",\n"
  "    \"coordinator\": { \"name\": \"Aino Mäkelä\", \"email\": \"aino@example.org\" }\n"
  "  },\n"
  "  \"hosts\": [\n"
  "    { \"id\": \"h1\", \"name\": \"Kaunas Tech\", \"kind\": \"university\",\n"
  "      \"city\": \"Kaunas\", \"country\": \"LT\", \"latitude\": 54.9, \"longitude\": 23.9 },\n"
  "    { \"id\": \"h2\", \"name\": \"Old Mill\", \"kind\": \"company\", \"city\": \"Kaunas\" }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    { \"id\": \"p1\", \"name\": \"Rūta Kazlauskienė\", \"email\": \"ruta@example.lt\",\n"
  "      \"organisation\": \"Laser Cluster\", \"country\": \"LT\",\n"
  "      \"travel\": [\n"
  "        { \"kind\": \"flight\", \"reference\": \"AY1071\", \"from\": \"Helsinki\",\n"
  "          \"to\": \"Vilnius\", \"depart\": \"2027-04-12T18:00\",\n"
  "          \"depart_timezone\": \"Europe/Helsinki\", \"arrive\": \"2027-04-12T19:00\" },\n"
  "        { \"kind\": \"train\", \"reference\": \"LG 101\", \"from\": \"Vilnius\",\n"
  "          \"to\": \"Kaunas\", \"depart\": \"2027-04-13T07:00\",\n"
  "          \"arrive\": \"2027-04-13T08:15\" }\n"
  "      ],\n"
  "      \"accommodation\": [\n"
  "        { \"name\": \"Hotel Neris\", \"check_in\": \"2027-04-12\",\n"
  "          \"check_out\": \"2027-04-15\" }\n"
  "      ]\n"
  "    },\n"
  "    { \"id\": \"p2\", \"name\": \"Jukka Räsänen\", \"email\": \"jukka@example.fi\" }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    { \"id\": \"s1\", \"uid\": \"s1@diff\", \"title\": \"Laser lab tour\",\n"
  "      \"host\": \"h1\", \"start\": \"2027-04-13T09:00\", \"end\": \"2027-04-13T10:30\" },\n"
  "    { \"id\": \"s2\", \"uid\": \"s2@diff\", \"title\": \"B2B meetings\", \"kind\": \"b2b\",\n"
  "      \"start\": \"2027-04-14T14:00\", \"end\": \"2027-04-14T16:00\",\n"
  "      \"attendees\": [\"p1\"] },\n"
  "    { \"id\": \"s3\", \"uid\": \"s3@diff\", \"title\": \"Farewell dinner\", \"kind\": \"meal\",\n"
  "      \"start\": \"2027-04-15T19:00\", \"end\": \"2027-04-15T21:00\" }\n"
  "  ]\n"
  "}\n";

typedef VpTestPatch Patch;

static VpSnapshot *
read_patched (const Patch *patches,
              guint        n_patches)
{
  g_autofree char *text = vp_test_patch_document (base_document, patches, n_patches);

  return vp_test_read_document (text);
}

/* The change of @kind whose object has the name or title @name. */
static VpSnapshotChange *
find_change (VpSnapshotDiff *diff,
             VpEntity    kind,
             const char     *name)
{
  GPtrArray *changes = vp_snapshot_diff_get_changes (diff, kind);

  for (guint i = 0; i < changes->len; i++)
    {
      VpSnapshotChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (vp_snapshot_change_get_name (change), name) == 0)
        return change;
    }

  g_assert_not_reached ();
}

/* The members of the change's fields, joined by commas. */
static char *
members (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < change->fields->len; i++)
    g_ptr_array_add (names, (gpointer)((VpChangeField *)g_ptr_array_index (change->fields,
                                                                           i))->member);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **)names->pdata);
}

static void
assert_change (VpSnapshotChange *change,
               VpChange    action,
               const char       *fields,
               const char       *line)
{
  g_autofree char *names = members (change);
  g_autofree char *described = vp_snapshot_change_describe (change);

  g_assert_cmpstr (vp_change_action_get_nick (change->action), ==,
                   vp_change_action_get_nick (action));
  g_assert_cmpstr (names, ==, fields);
  g_assert_cmpstr (described, ==, line);
}

static void
test_unchanged (void)
{
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = vp_test_read_document (base_document);
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);

  /* two readings: equal objects, not the same ones */
  g_assert_true (vp_snapshot_get_participants (before)->pdata[0] !=
                 vp_snapshot_get_participants (after)->pdata[0]);
  g_assert_true (vp_snapshot_diff_is_empty (diff));
  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    {
      g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, kind);

      g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, kind)->len, ==, 0);
      g_assert_null (heading);
    }
}

/* The document against the programme the store made of it: uids given to
 * legs and stays, refs, revisions and instants as stored.  Nothing
 * changes, as an update with the same document changes nothing. */
static void
test_unchanged_against_store (void)
{
  g_auto(VpTestDatabase) database = { NULL, };
  g_autoptr(VpSnapshot) document = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) stored = NULL;
  g_autoptr(VpSnapshotDiff) diff = NULL;
  VpParticipant *participant;

  vp_test_database_set_up_store (&database, NULL);
  database.id = vp_test_import_document (database.store, base_document, VP_STORE_IMPORT_NONE);
  stored = vp_test_load (database.store, database.id);

  participant = vp_snapshot_lookup_participant (stored, "p1");
  g_assert_nonnull (((VpTravelLeg *)vp_participant_get_travel (participant)->pdata[0])->uid);
  g_assert_null (((VpTravelLeg *)vp_participant_get_travel (
                    vp_snapshot_lookup_participant (document, "p1"))->pdata[0])->uid);

  diff = vp_snapshot_diff_new (stored, document, VP_SNAPSHOT_DIFF_UPDATE);
  g_assert_true (vp_snapshot_diff_is_empty (diff));
}

static void
test_new_programme (void)
{
  g_autoptr(VpSnapshot) after = vp_test_read_document (base_document);
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (NULL, after, VP_SNAPSHOT_DIFF_UPDATE);
  g_autofree char *heading = NULL;

  g_assert_false (vp_snapshot_diff_is_empty (diff));
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_PROGRAMME, VP_CHANGE_ADDED), ==,
                    1);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_HOST, VP_CHANGE_ADDED), ==, 2);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_PARTICIPANT, VP_CHANGE_ADDED),
                    ==, 2);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_SESSION, VP_CHANGE_ADDED), ==,
                    3);
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_SESSION)->len, ==, 3);

  assert_change (find_change (diff, VP_ENTITY_PROGRAMME, "Photonics in Kaunas"),
                 VP_CHANGE_ADDED, "",
                 "added: Photonics in Kaunas — 2027-04-13 – 2027-04-15 · Lithuania");
  assert_change (find_change (diff, VP_ENTITY_HOST, "Kaunas Tech"), VP_CHANGE_ADDED, "",
                 "added: Kaunas Tech — University · Kaunas · Lithuania");
  assert_change (find_change (diff, VP_ENTITY_PARTICIPANT, "Rūta Kazlauskienė"),
                 VP_CHANGE_ADDED, "",
                 "added: Rūta Kazlauskienė — ruta@example.lt · Laser Cluster · Lithuania");
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Laser lab tour"), VP_CHANGE_ADDED,
                 "", "added: Laser lab tour — Tue 13 Apr, 09:00–10:30");

  heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_SESSION);
  g_assert_cmpstr (heading, ==, "Sessions: 3 added");
}

static void
test_programme_changed (void)
{
  static const Patch patches[] = {
    { "programme.title", "\"Photonics in Kaunas and Vilnius\"" },
    { "programme.coordinator.email", "\"aino.makela@example.org\"" },
    { "programme.end_date", "\"2027-04-16\"" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_PROGRAMME);

  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_PROGRAMME)->len, ==, 1);
  assert_change (find_change (diff, VP_ENTITY_PROGRAMME, "Photonics in Kaunas and Vilnius"),
                 VP_CHANGE_CHANGED, "title,end_date,coordinator",
                 "changed: Photonics in Kaunas and Vilnius — "
                 "Changes: title, last day, coordinator");
  g_assert_cmpstr (heading, ==, "Programme: 1 changed");
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_HOST)->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_SESSION)->len, ==, 0);
}

static void
test_hosts (void)
{
  static const Patch patches[] = {
    { "hosts",
      "[{ \"id\": \"h1\", \"name\": \"Kaunas Tech\", \"kind\": \"university\","
      "   \"city\": \"Kaunas\", \"country\": \"LT\", \"latitude\": 54.95, \"longitude\": 23.9,"
      "   \"contact_email\": \"office@ktu.example\" },"
      " { \"id\": \"h3\", \"name\": \"Santara Park\", \"kind\": \"public\","
      "   \"city\": \"Vilnius\", \"country\": \"LT\" }]" },
    { "sessions[0].host", "\"h3\"" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_HOST);
  GPtrArray *changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_HOST);
  VpSnapshotChange *changed = find_change (diff, VP_ENTITY_HOST, "Kaunas Tech");
  g_autofree char *details = vp_snapshot_change_get_details (changed);

  g_assert_cmpuint (changes->len, ==, 3);
  /* the new snapshot's order, then what only the old one has */
  g_assert_true (g_ptr_array_index (changes, 0) == changed);
  assert_change (changed, VP_CHANGE_CHANGED, "contact_email,latitude",
                 "changed: Kaunas Tech — Changes: contact email, position");
  g_assert_cmpstr (details, ==, "Changes: contact email, position");
  g_assert_cmpstr (vp_host_get_city (changed->previous), ==, "Kaunas");
  g_assert_true (changed->object == vp_snapshot_lookup_host (after, "h1"));
  assert_change (g_ptr_array_index (changes, 1), VP_CHANGE_ADDED, "",
                 "added: Santara Park — Public body · Vilnius · Lithuania");
  assert_change (g_ptr_array_index (changes, 2), VP_CHANGE_REMOVED, "", "removed: Old Mill");
  g_assert_true (((VpSnapshotChange *)g_ptr_array_index (changes, 2))->object ==
                 vp_snapshot_lookup_host (before, "h2"));
  g_assert_cmpstr (heading, ==, "Hosts: 1 added, 1 changed, 1 removed");

  /* the session at the host that left names its new host */
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Laser lab tour"), VP_CHANGE_CHANGED,
                 "host", "changed: Laser lab tour — Changes: host");
}

static void
test_participants (void)
{
  static const Patch patches[] = {
    { "participants[0].email", "\"ruta.k@example.lt\"" },
    { "participants[0].phone", "\"+370 600 00000\"" },
    { "participants[0].role", "\"cluster-manager\"" },
    /* the second one another person: p2 leaves, p3 comes */
    { "participants[1].id", "\"p3\"" },
    { "participants[1].name", "\"Søren Østergaard\"" },
    { "participants[1].email", "\"soren@lys.example\"" },
    { "participants[1].organisation", "\"Lys ApS\"" },
    { "participants[1].country", "\"DK\"" },
    { "sessions[1].attendees", "[\"p3\"]" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_PARTICIPANT);
  GPtrArray *changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_PARTICIPANT);

  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (g_ptr_array_index (changes, 0), VP_CHANGE_CHANGED, "email,phone,role",
                 "changed: Rūta Kazlauskienė — Changes: email, phone, role");
  assert_change (g_ptr_array_index (changes, 1), VP_CHANGE_ADDED, "",
                 "added: Søren Østergaard — soren@lys.example · Lys ApS · Denmark");
  assert_change (g_ptr_array_index (changes, 2), VP_CHANGE_REMOVED, "",
                 "removed: Jukka Räsänen");
  g_assert_cmpstr (heading, ==, "Participants: 1 added, 1 changed, 1 removed");

  assert_change (find_change (diff, VP_ENTITY_SESSION, "B2B meetings"), VP_CHANGE_CHANGED,
                 "attendees", "changed: B2B meetings — Changes: attendees");
}

/* What the import preview shows of a change: each field from what to
 * what, a country by its name, a long text cut, and a field of many values
 * (attendees) by its name (an organisation by its name, not its ref: in
 * test-import-dialog). */
static void
test_values (void)
{
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *long_patch = g_strdup_printf ("\"%s\"", long_text);
  const Patch patches[] = {
    { "participants[0].email", "\"ruta.k@example.lt\"" },
    { "participants[0].phone", "\"+370 600 00000\"" },
    { "participants[0].country", "\"LV\"" },
    { "participants[0].role", "\"cluster-manager\"" },
    { "participants[0].notes", long_patch },
    { "sessions[1].attendees", "[\"p2\"]" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  VpSnapshotChange *change = find_change (diff, VP_ENTITY_PARTICIPANT, "Rūta Kazlauskienė");
  g_autofree char *values = vp_snapshot_change_get_values (change);
  g_autofree char *expected = NULL;
  g_autofree char *attendees = NULL;

  expected = g_strdup_printf ("email: ruta@example.lt → ruta.k@example.lt; "
                              "phone: not set → +370 600 00000; "
                              "country: Lithuania → Latvia; "
                              "role: not set → cluster-manager; "
                              "notes: not set → %.*s…", 59, long_text);
  g_assert_cmpstr (values, ==, expected);

  attendees = vp_snapshot_change_get_values (find_change (diff, VP_ENTITY_SESSION,
                                                          "B2B meetings"));
  g_assert_cmpstr (attendees, ==, "attendees");
}

/* Travel legs and stays are part of their participant: a change to one is
 * the participant's “travel” or “accommodation”; legs and stays matched as
 * the store matches them, never by their place in the list. */
static void
test_travel (void)
{
  static const struct
  {
    Patch       patch;
    const char *fields;
    const char *line;
  } cases[] = {
    { { "participants[0].travel[0].depart", "\"2027-04-12T17:30\"" }, "travel",
      "changed: Rūta Kazlauskienė — Changes: travel" },
    { { "participants[0].travel[1].to", "\"Kaunas Airport\"" }, "travel",
      "changed: Rūta Kazlauskienė — Changes: travel" },
    /* the second leg taken out */
    { { "participants[0].travel",
        "[{ \"kind\": \"flight\", \"reference\": \"AY1071\", \"from\": \"Helsinki\","
        "   \"to\": \"Vilnius\", \"depart\": \"2027-04-12T18:00\","
        "   \"depart_timezone\": \"Europe/Helsinki\", \"arrive\": \"2027-04-12T19:00\" }]" },
      "travel", "changed: Rūta Kazlauskienė — Changes: travel" },
    { { "participants[0].travel[2]",
        "{ \"kind\": \"bus\", \"from\": \"Kaunas\", \"to\": \"Vilnius\","
        "  \"depart\": \"2027-04-15T18:00\", \"arrive\": \"2027-04-15T19:45\" }" },
      "travel", "changed: Rūta Kazlauskienė — Changes: travel" },
    { { "participants[0].accommodation[0].check_out", "\"2027-04-16\"" }, "accommodation",
      "changed: Rūta Kazlauskienė — Changes: hotel stays" },
    { { "participants[0].accommodation", "[]" }, "accommodation",
      "changed: Rūta Kazlauskienė — Changes: hotel stays" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VpSnapshot) after = NULL;
      g_autoptr(VpSnapshotDiff) diff = NULL;
      g_autofree char *text = vp_test_patch_document (base_document, &cases[i].patch, 1);

      after = vp_test_read_document (text);
      diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
      g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_PARTICIPANT)->len, ==,
                        1);
      assert_change (g_ptr_array_index (vp_snapshot_diff_get_changes (diff,
                                                                      VP_ENTITY_PARTICIPANT),
                                        0),
                     VP_CHANGE_CHANGED, cases[i].fields, cases[i].line);
    }
}

/* The same legs in another order are the same legs. */
static void
test_travel_order (void)
{
  static const Patch patches[] = {
    { "participants[0].travel",
      "[{ \"kind\": \"train\", \"reference\": \"LG 101\", \"from\": \"Vilnius\","
      "   \"to\": \"Kaunas\", \"depart\": \"2027-04-13T07:00\","
      "   \"arrive\": \"2027-04-13T08:15\" },"
      " { \"kind\": \"flight\", \"reference\": \"AY1071\", \"from\": \"Helsinki\","
      "   \"to\": \"Vilnius\", \"depart\": \"2027-04-12T18:00\","
      "   \"depart_timezone\": \"Europe/Helsinki\", \"arrive\": \"2027-04-12T19:00\" }]" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);

  g_assert_true (vp_snapshot_diff_is_empty (diff));
}

static void
test_sessions (void)
{
  static const Patch patches[] = {
    /* moved, and newly at a place */
    { "sessions[0].start", "\"2027-04-13T10:00\"" },
    { "sessions[0].end", "\"2027-04-13T11:30\"" },
    { "sessions[0].location", "\"Building B\"" },
    /* cancelled in the file */
    { "sessions[1].status", "\"cancelled\"" },
    /* the third one another session: s3 left the file (an update cancels
     * it), s4 comes */
    { "sessions[2].id", "\"s4\"" },
    { "sessions[2].uid", "\"s4@diff\"" },
    { "sessions[2].title", "\"Workshop\"" },
    { "sessions[2].kind", "\"workshop\"" },
    { "sessions[2].start", "\"2027-04-15T09:00\"" },
    { "sessions[2].end", "\"2027-04-15T12:00\"" },
    { "sessions[2].location", "\"Santara\"" },
  };
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  g_autoptr(VpSnapshotDiff) plain = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_NONE);
  g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_SESSION);
  g_autofree char *plain_heading = vp_snapshot_diff_describe_kind (plain, VP_ENTITY_SESSION);
  GPtrArray *changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_SESSION);
  VpSnapshotChange *gone;

  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Laser lab tour"), VP_CHANGE_CHANGED,
                 "start,end,location", "changed: Laser lab tour — Changes: time, place");
  assert_change (find_change (diff, VP_ENTITY_SESSION, "B2B meetings"),
                 VP_CHANGE_CANCELLED, "status", "cancelled: B2B meetings — Changes: status");
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Workshop"), VP_CHANGE_ADDED, "",
                 "added: Workshop — Thu 15 Apr, 09:00–12:00 · Santara");
  gone = find_change (diff, VP_ENTITY_SESSION, "Farewell dinner");
  assert_change (gone, VP_CHANGE_CANCELLED, "status",
                 "cancelled: Farewell dinner — Changes: status");
  g_assert_true (gone->object == vp_snapshot_lookup_session_by_uid (before, "s3@diff"));
  g_assert_true (g_ptr_array_index (changes, 3) == gone);
  g_assert_cmpstr (heading, ==, "Sessions: 1 added, 1 changed, 2 cancelled");

  /* not an update: what left is removed */
  assert_change (find_change (plain, VP_ENTITY_SESSION, "Farewell dinner"),
                 VP_CHANGE_REMOVED, "", "removed: Farewell dinner");
  g_assert_cmpstr (plain_heading, ==, "Sessions: 1 added, 1 changed, 1 removed, 1 cancelled");
}

/* A session cancelled already that leaves the file stays as it is. */
static void
test_cancelled_session_leaves (void)
{
  static const Patch cancelled[] = {
    { "sessions[2].status", "\"cancelled\"" },
  };
  static const Patch without[] = {
    { "sessions", "[]" },
  };
  g_autoptr(VpSnapshot) before = read_patched (cancelled, G_N_ELEMENTS (cancelled));
  g_autoptr(VpSnapshot) after = read_patched (without, G_N_ELEMENTS (without));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  GPtrArray *changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_SESSION);

  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_SESSION, VP_CHANGE_CANCELLED),
                    ==, 2);
  g_assert_cmpstr (vp_snapshot_change_get_name (g_ptr_array_index (changes, 0)), ==,
                   "Laser lab tour");
  g_assert_cmpstr (vp_snapshot_change_get_name (g_ptr_array_index (changes, 1)), ==,
                   "B2B meetings");
}

static void
test_stable_names (void)
{
  g_assert_cmpstr (vp_change_kind_get_member (VP_ENTITY_PROGRAMME), ==, "programme");
  g_assert_cmpstr (vp_change_kind_get_member (VP_ENTITY_HOST), ==, "hosts");
  g_assert_cmpstr (vp_change_kind_get_member (VP_ENTITY_PARTICIPANT), ==, "participants");
  g_assert_cmpstr (vp_change_kind_get_member (VP_ENTITY_SESSION), ==, "sessions");
  g_assert_cmpstr (vp_change_action_get_nick (VP_CHANGE_ADDED), ==, "added");
  g_assert_cmpstr (vp_change_action_get_nick (VP_CHANGE_CHANGED), ==, "changed");
  g_assert_cmpstr (vp_change_action_get_nick (VP_CHANGE_REMOVED), ==, "removed");
  g_assert_cmpstr (vp_change_action_get_nick (VP_CHANGE_CANCELLED), ==, "cancelled");
}

/* Text from a file stays on one line. */
static void
test_one_line (void)
{
  static const Patch patches[] = {
    { "participants[1].name", "\"Jukka\\nRäsänen\"" },
    { "participants[1].organisation", "\"Lumi\\u2028Ray\\tOy\"" },
  };
  g_autoptr(VpSnapshot) after = read_patched (patches, G_N_ELEMENTS (patches));
  g_autoptr(VpSnapshotDiff) diff = vp_snapshot_diff_new (NULL, after, VP_SNAPSHOT_DIFF_UPDATE);
  VpSnapshotChange *change = g_ptr_array_index (vp_snapshot_diff_get_changes (diff,
                                                                  VP_ENTITY_PARTICIPANT), 1);
  g_autofree char *line = vp_snapshot_change_describe (change);

  g_assert_cmpstr (line, ==, "added: Jukka Räsänen — jukka@example.fi · Lumi Ray Oy");
}

/* What a spreadsheet import changes is what its report counts. */
static void
test_csv_import (void)
{
  static const char csv[] =
    "name,email,organisation,country\n"
    "Rūta Kazlauskienė,ruta@example.lt,Laser Cluster,LT\n"
    "Jukka Räsänen,jukka@example.fi,LumiRay Oy,FI\n"
    "Anna Berg,anna@berg.example,Berg AB,SE\n";
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) after = vp_csv_import (before, VP_CSV_KIND_PARTICIPANTS, bytes, &report,
                                               &error);
  g_autoptr(VpSnapshotDiff) diff = NULL;
  GPtrArray *changes;

  g_assert_no_error (error);
  diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  changes = vp_snapshot_diff_get_changes (diff, VP_ENTITY_PARTICIPANT);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->updated, ==, 1);
  g_assert_cmpuint (report->unchanged, ==, 1);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_PARTICIPANT, VP_CHANGE_ADDED), ==,
                    report->added);
  g_assert_cmpuint (vp_snapshot_diff_count (diff, VP_ENTITY_PARTICIPANT, VP_CHANGE_CHANGED),
                    ==, report->updated);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (g_ptr_array_index (changes, 0), VP_CHANGE_CHANGED, "organisation,country",
                 "changed: Jukka Räsänen — Changes: organisation, country");
  assert_change (g_ptr_array_index (changes, 1), VP_CHANGE_ADDED, "",
                 "added: Anna Berg — anna@berg.example · Berg AB · Sweden");
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_SESSION)->len, ==, 0);
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_HOST)->len, ==, 0);
}

/* A calendar import: a new event added, a newer SEQUENCE changing a
 * session, cancelled events cancelling their sessions. */
static void
test_ical_import (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:s1@diff\r\n"
    "SEQUENCE:3\r\n"
    "DTSTAMP:20270101T000000Z\r\n"
    "DTSTART;TZID=Europe/Vilnius:20270413T093000\r\n"
    "DTEND;TZID=Europe/Vilnius:20270413T103000\r\n"
    "SUMMARY:Laser lab tour\r\n"
    "LOCATION:Lab 2\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:s3@diff\r\n"
    "SEQUENCE:2\r\n"
    "STATUS:CANCELLED\r\n"
    "DTSTAMP:20270101T000000Z\r\n"
    "DTSTART;TZID=Europe/Vilnius:20270415T190000\r\n"
    "DTEND;TZID=Europe/Vilnius:20270415T210000\r\n"
    "SUMMARY:Farewell dinner\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:new@host.example\r\n"
    "DTSTAMP:20270101T000000Z\r\n"
    "DTSTART;TZID=Europe/Vilnius:20270414T090000\r\n"
    "DTEND;TZID=Europe/Vilnius:20270414T100000\r\n"
    "SUMMARY:Cleanroom visit\r\n"
    "LOCATION:Building C\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(VpSnapshot) before = vp_test_read_document (base_document);
  g_autoptr(GBytes) bytes = g_bytes_new_static (ics, strlen (ics));
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) after = vp_ical_import (before, bytes, &report, &error);
  g_autoptr(VpSnapshotDiff) diff = NULL;
  g_autofree char *heading = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpuint (report->updated, ==, 2);
  diff = vp_snapshot_diff_new (before, after, VP_SNAPSHOT_DIFF_UPDATE);
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Laser lab tour"), VP_CHANGE_CHANGED,
                 "start,location", "changed: Laser lab tour — Changes: time, place");
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Farewell dinner"),
                 VP_CHANGE_CANCELLED, "status", "cancelled: Farewell dinner — Changes: status");
  assert_change (find_change (diff, VP_ENTITY_SESSION, "Cleanroom visit"), VP_CHANGE_ADDED,
                 "", "added: Cleanroom visit — Wed 14 Apr, 09:00–10:00 · Building C");
  heading = vp_snapshot_diff_describe_kind (diff, VP_ENTITY_SESSION);
  g_assert_cmpstr (heading, ==, "Sessions: 1 added, 1 changed, 1 cancelled");
  g_assert_cmpuint (vp_snapshot_diff_get_changes (diff, VP_ENTITY_PARTICIPANT)->len, ==, 0);
}

/* A session's day and month in the user's language, from its catalog, as
 * the words around them are: LANGUAGE=de on a machine with no German
 * locale (the tests run in C.UTF-8) says “Di, 13. Apr.”, not “Tue”. */
static void
test_session_time_in_language (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(VpSnapshot) after = vp_test_read_document (base_document);
      g_autoptr(VpSnapshotDiff) diff = NULL;
      g_autofree char *details = NULL;

      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      diff = vp_snapshot_diff_new (NULL, after, VP_SNAPSHOT_DIFF_UPDATE);
      details = vp_snapshot_change_get_details (find_change (diff, VP_ENTITY_SESSION,
                                                             "Laser lab tour"));
      g_print ("%s\n", details);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Di, 13. Apr., 09:00–10:30\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snapshot-diff/unchanged", test_unchanged);
  g_test_add_func ("/snapshot-diff/unchanged-against-store", test_unchanged_against_store);
  g_test_add_func ("/snapshot-diff/new-programme", test_new_programme);
  g_test_add_func ("/snapshot-diff/programme-changed", test_programme_changed);
  g_test_add_func ("/snapshot-diff/hosts", test_hosts);
  g_test_add_func ("/snapshot-diff/participants", test_participants);
  g_test_add_func ("/snapshot-diff/values", test_values);
  g_test_add_func ("/snapshot-diff/travel", test_travel);
  g_test_add_func ("/snapshot-diff/travel-order", test_travel_order);
  g_test_add_func ("/snapshot-diff/sessions", test_sessions);
  g_test_add_func ("/snapshot-diff/cancelled-session-leaves", test_cancelled_session_leaves);
  g_test_add_func ("/snapshot-diff/stable-names", test_stable_names);
  g_test_add_func ("/snapshot-diff/one-line", test_one_line);
  g_test_add_func ("/snapshot-diff/csv-import", test_csv_import);
  g_test_add_func ("/snapshot-diff/ical-import", test_ical_import);
  g_test_add_func ("/snapshot-diff/session-time-in-language", test_session_time_in_language);

  return g_test_run ();
}

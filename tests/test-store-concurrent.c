/* test-store-concurrent.c: writers at the same time on one programme, in threads and in processes, never lose a change. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vp-csv-import.h"

#include "vp-test-core.h"

typedef VpTestDatabase Fixture;

#define N_THREADS 4
#define N_WRITES  25

typedef struct
{
  const char *path;
  gint64      programme_id;
  guint       writer;
  guint       written;
} Writer;

typedef struct
{
  const char *email;
  const char *name;
} NewPerson;

/* Adds one participant to what is stored now. */
static VpSnapshot *
add_person (VpSnapshot  *current,
            gpointer     user_data,
            GError     **error)
{
  NewPerson *person = user_data;
  g_autofree char *csv = g_strdup_printf ("name,email\n%s,%s\n", person->name, person->email);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(VpCsvReport) report = NULL;

  return vp_csv_import (current, VP_CSV_KIND_PARTICIPANTS, bytes, &report, error);
}

static gpointer
update_in_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(VpStore) store = vp_test_open_store (writer->path);

  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *email = g_strdup_printf ("thread%u.%u@example.org", writer->writer, i);
      g_autofree char *name = g_strdup_printf ("Thread %u writer %u", writer->writer, i);
      NewPerson person = { email, name };
      g_autoptr(GError) error = NULL;

      if (vp_store_update_programme (store, writer->programme_id, add_person, &person, &error))
        writer->written++;
      else
        g_printerr ("# writer %u: %s\n", writer->writer, error->message);
    }

  return NULL;
}

static guint
count_emails (VpSnapshot *snapshot,
              const char *suffix)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  guint n = 0;

  for (guint i = 0; i < participants->len; i++)
    n += g_str_has_suffix (vp_participant_get_email (g_ptr_array_index (participants, i)) ?: "",
                           suffix);
  return n;
}

/* Four connections in four threads add participants at once, each reading
 * and writing in one transaction: every one of them is there. */
static void
test_threads_update (Fixture       *fixture,
                     gconstpointer  data)
{
  Writer writers[N_THREADS];
  GThread *threads[N_THREADS];
  g_autoptr(VpSnapshot) after = NULL;
  guint written = 0;

  for (guint i = 0; i < N_THREADS; i++)
    {
      writers[i] = (Writer) { fixture->path, fixture->id, i, 0 };
      threads[i] = g_thread_new ("writer", update_in_thread, &writers[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_thread_join (threads[i]);
      written += writers[i].written;
    }

  g_assert_cmpuint (written, ==, N_THREADS * N_WRITES);
  after = vp_test_load (fixture->store, fixture->id);
  g_assert_cmpuint (count_emails (after, "@example.org"), ==, N_THREADS * N_WRITES);
}

/* Three command-line imports (processes) and this process's own writes,
 * all at once: nothing any of them adds is lost, and the live model of
 * this process ends with all of it. */
static void
test_processes (Fixture       *fixture,
                gconstpointer  data)
{
  const char *cli = g_getenv ("VISIT_PLANNER_CLI");
  g_autofree char *programme = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->id);
  GSubprocess *imports[3] = { NULL, };
  g_autoptr(VpSnapshot) after = NULL;
  Writer writer = { fixture->path, fixture->id, 9, 0 };
  GListModel *live = vp_store_get_participants (fixture->store, fixture->id);
  guint n_before = g_list_model_get_n_items (live);

  if (cli == NULL)
    {
      g_test_skip ("VISIT_PLANNER_CLI is not set");
      return;
    }

  for (guint p = 0; p < G_N_ELEMENTS (imports); p++)
    {
      g_autoptr(GString) csv = g_string_new ("name,email\n");
      g_autofree char *file = g_strdup_printf ("%s/people-%u.csv", fixture->folder, p);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 40; i++)
        g_string_append_printf (csv, "Process %u person %u,process%u.%u@example.net\n", p, i, p, i);
      g_assert_true (g_file_set_contents (file, csv->str, -1, &error));
      g_assert_no_error (error);

      imports[p] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli,
                                     "--database", fixture->path, "import-csv", programme,
                                     "participants", file, NULL);
      g_assert_no_error (error);
    }

  /* meanwhile, in this process */
  update_in_thread (&writer);

  for (guint p = 0; p < G_N_ELEMENTS (imports); p++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_wait_check (imports[p], NULL, &error));
      g_assert_no_error (error);
      g_object_unref (imports[p]);
    }

  g_assert_cmpuint (writer.written, ==, N_WRITES);
  after = vp_test_load (fixture->store, fixture->id);
  g_assert_cmpuint (count_emails (after, "@example.net"), ==, 3 * 40);
  g_assert_cmpuint (count_emails (after, "@example.org"), ==, N_WRITES);

  vp_store_poll_external_changes (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, n_before + 3 * 40 + N_WRITES);
}

/* An editor's save over a row another connection changed since it was
 * read is refused, naming it, and writes nothing; read again, it goes in,
 * and both changes are there. */
static void
test_stale_save_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VpStore) other = vp_test_open_store (fixture->path);
  g_autoptr(VpSession) read = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_autoptr(VpSession) mine = vp_session_copy (read);
  g_autoptr(VpSession) theirs = vp_test_session_copy (other, fixture->id, "tue-lunch");
  g_autoptr(VpSession) after = NULL;
  g_autoptr(VpSession) again = NULL;
  g_autoptr(GError) error = NULL;

  vp_session_set_title (theirs, "Lunch, moved to the canteen");
  g_assert_true (vp_store_save_session (other, fixture->id, theirs, NULL, &error));
  g_assert_no_error (error);

  vp_session_set_location (mine, "Canteen, ground floor");
  g_assert_false (vp_store_save_session (fixture->store, fixture->id, mine, read, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, vp_session_get_title (read)));
  g_clear_error (&error);

  after = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_assert_cmpstr (vp_session_get_title (after), ==, "Lunch, moved to the canteen");
  g_assert_cmpstr (vp_session_get_location (after), !=, "Canteen, ground floor");

  /* read again and edited again: both are kept */
  vp_session_set_location (after, "Canteen, ground floor");
  again = vp_session_copy (after);
  g_clear_object (&read);
  read = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, again, read, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = vp_test_session_copy (other, fixture->id, "tue-lunch");
  g_assert_cmpstr (vp_session_get_title (after), ==, "Lunch, moved to the canteen");
  g_assert_cmpstr (vp_session_get_location (after), ==, "Canteen, ground floor");

  /* what the save left in the object is what is stored: the next save
   * from it goes in */
  vp_session_set_capacity (again, 40);
  g_clear_object (&read);
  read = vp_session_copy (after);
  g_assert_true (vp_store_save_session (fixture->store, fixture->id, again, read, &error));
  g_assert_no_error (error);

  /* deleted meanwhile: not found, and nothing comes back */
  {
    gint64 id = vp_session_get_id (again);
    g_autoptr(VpSession) gone = vp_session_copy (again);

    g_assert_true (vp_store_delete_sessions (other, fixture->id, &id, 1, &error));
    g_assert_no_error (error);
    vp_session_set_title (gone, "Back from the dead");
    g_assert_false (vp_store_save_session (fixture->store, fixture->id, gone, again, &error));
    g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_NOT_FOUND);
  }
}

/* The window's editor and the command line, two processes, on one
 * participant: the command line's change comes in while the editor is
 * open; the editor's save is refused rather than putting the old
 * organisation back, and the command line's change stays. */
static void
test_editor_and_command_line (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *cli = g_getenv ("VISIT_PLANNER_CLI");
  g_autofree char *programme = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->id);
  g_autofree char *file = g_build_filename (fixture->folder, "change.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(VpParticipant) live = NULL;
  g_autoptr(VpParticipant) read = NULL;
  g_autoptr(VpParticipant) edited = NULL;
  g_autoptr(VpParticipant) after = NULL;
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GError) error = NULL;

  if (cli == NULL)
    {
      g_test_skip ("VISIT_PLANNER_CLI is not set");
      return;
    }

  live = g_list_model_get_item (vp_store_get_participants (fixture->store, fixture->id), 0);
  read = vp_participant_copy (live);
  edited = vp_participant_copy (read);
  vp_participant_set_phone (edited, "+370 600 00000");

  csv = g_strdup_printf ("name,email,organisation\n%s,%s,Moved by the command line\n",
                         vp_participant_get_name (read), vp_participant_get_email (read));
  g_assert_true (g_file_set_contents (file, csv, -1, &error));
  g_assert_no_error (error);
  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "--database",
                             fixture->path, "import-csv", programme, "participants", file, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (import, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (vp_store_save_participant (fixture->store, fixture->id, edited, read, &error));
  g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);

  after = vp_test_participant_copy (fixture->store, fixture->id, vp_participant_get_ref (read));
  g_assert_cmpstr (vp_participant_get_organisation (after), ==, "Moved by the command line");
  g_assert_cmpstr (vp_participant_get_phone (after), !=, "+370 600 00000");
}

/* Two editors in two threads, each on its own connection, change one field
 * each of the same session twenty times, reading it again whenever the
 * store says it changed under them: no change of either is lost. */
typedef struct
{
  const char *path;
  gint64      programme_id;
  gboolean    title;       /* edits the title, else the location */
  guint       retries;
  guint       saved;
} Editor;

static gpointer
edit_in_thread (gpointer data)
{
  Editor *editor = data;
  g_autoptr(VpStore) store = vp_test_open_store (editor->path);

  for (guint i = 1; i <= N_WRITES; i++)
    for (;;)
      {
        g_autoptr(VpSession) read = vp_test_session_copy (store, editor->programme_id,
                                                          "tue-lunch");
        g_autoptr(VpSession) edited = vp_session_copy (read);
        g_autofree char *text = g_strdup_printf ("%s %u", editor->title ? "Title" : "Room", i);
        g_autoptr(GError) error = NULL;

        if (editor->title)
          vp_session_set_title (edited, text);
        else
          vp_session_set_location (edited, text);
        if (vp_store_save_session (store, editor->programme_id, edited, read, &error))
          {
            editor->saved++;
            break;
          }
        g_assert_error (error, VP_STORE_ERROR, VP_STORE_ERROR_CHANGED);
        editor->retries++;
      }

  return NULL;
}

static void
test_threads_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  Editor editors[2] = {
    { fixture->path, fixture->id, TRUE, 0, 0 },
    { fixture->path, fixture->id, FALSE, 0, 0 },
  };
  GThread *threads[2];
  g_autoptr(VpSession) after = NULL;
  g_autofree char *title = g_strdup_printf ("Title %u", N_WRITES);
  g_autofree char *room = g_strdup_printf ("Room %u", N_WRITES);

  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("editor", edit_in_thread, &editors[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  g_test_message ("%u and %u saves were refused as stale and made again",
                  editors[0].retries, editors[1].retries);
  g_assert_cmpuint (editors[0].saved + editors[1].saved, ==, 2 * N_WRITES);
  after = vp_test_session_copy (fixture->store, fixture->id, "tue-lunch");
  g_assert_cmpstr (vp_session_get_title (after), ==, title);
  g_assert_cmpstr (vp_session_get_location (after), ==, room);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, vp_test_database_set_up_demo, func, \
              vp_test_database_tear_down)

  ADD ("/store-concurrent/threads/update", test_threads_update);
  ADD ("/store-concurrent/processes", test_processes);
  ADD ("/store-concurrent/stale-save-refused", test_stale_save_refused);
  ADD ("/store-concurrent/editor-and-command-line", test_editor_and_command_line);
  ADD ("/store-concurrent/threads/edit", test_threads_edit);

#undef ADD

  return g_test_run ();
}

/* test-store-concurrent.c: writers at the same time on one programme, in threads and in processes, never lose a change. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vp-csv-import.h"

#include "vp-test-core.h"

typedef VpTestDatabase Fixture;

#define N_THREADS 4
#define N_WRITES  25

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(VpSnapshot) demo = NULL;

  vp_test_database_set_up_store (fixture, data);
  demo = vp_test_read_demo ();
  fixture->id = vp_test_import_snapshot (fixture->store, demo, VP_STORE_IMPORT_NONE);
}

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, set_up, func, vp_test_database_tear_down)

  ADD ("/store-concurrent/threads/update", test_threads_update);
  ADD ("/store-concurrent/processes", test_processes);

#undef ADD

  return g_test_run ();
}

/* vp-cli.c: visit-planner-cli, the command line over the same store as the window (docs/cli.md). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vp-budget.h"
#include "vp-calendar.h"
#include "vp-checks.h"
#include "vp-csv.h"
#include "vp-csv-import.h"
#include "vp-enum-types.h"
#include "vp-evidence.h"
#include "vp-file.h"
#include "vp-person-export.h"
#include "vp-privacy.h"
#include "vp-ical.h"
#include "vp-ical-import.h"
#include "vp-language.h"
#include "vp-print-pdf.h"
#include "vp-programme-format.h"
#include "vp-publish.h"
#include "vp-publish-secret.h"
#include "vp-render-enum-types.h"
#include "vp-snapshot-diff.h"
#include "vp-store.h"
#include "vp-time.h"
#include "vp-values.h"

enum {
  EXIT_OK       = 0,
  EXIT_PROBLEMS = 1,
  EXIT_FAILURE_ = 2,
};

typedef struct
{
  const char  *database;  /* --database, or NULL */
  char       **args;      /* the command's own arguments */
  int          n_args;
} CliContext;

typedef int (*CommandFunc) (CliContext *context);

typedef struct
{
  const char  *name;
  const char  *usage;
  const char  *summary;
  CommandFunc  run;
} Command;

static const Command *find_command (const char *name);
static void add_optional_member (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value);

/* Output {{{1 */

/* Text from a file or the database on one terminal line: line breaks, tabs
 * and every other control character (escape sequences could move the
 * cursor or fake output) become spaces. */
static void
one_line (char *text)
{
  for (guchar *p = (guchar *)text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7F)
      *p = ' ';
}

static void G_GNUC_PRINTF (1, 2)
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  one_line (message);
  fprintf (stderr, "visit-planner-cli: %s\n", message);
}

static int
usage_error (const Command *command,
             const char    *problem)
{
  if (problem != NULL)
    print_error ("%s", problem);
  if (command != NULL)
    fprintf (stderr, _("Usage: visit-planner-cli [--database FILE] %s\n"), command->usage);
  else
    fprintf (stderr, _("Usage: visit-planner-cli [--database FILE] COMMAND [ARGS…]; "
                       "see “visit-planner-cli --help”\n"));
  return EXIT_FAILURE_;
}

/* Writes @bytes to @path (whole or not at all), or to standard output when
 * @path is NULL. */
static gboolean
write_output (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (path != NULL)
    return vp_file_write_atomically (path, bytes, 0600, error);

  if (size > 0 && fwrite (data, 1, size, stdout) != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("cannot write to standard output"));
      return FALSE;
    }
  if (fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

/* Writes @bytes where a command's -o sends them: standard output without
 * -o or with "-o -", else the file @path, which may not be the database or
 * one of its own files. */
static gboolean
write_to_output (VpStore     *store,
                 const char  *path,
                 GBytes      *bytes,
                 GError     **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    return write_output (NULL, bytes, error);

  if (!vp_store_check_output (store, path, error))
    return FALSE;

  return write_output (path, bytes, error);
}

/* Arguments {{{1 */

/* Splits a command's arguments into options (with their values) and the
 * rest.  @flags lists the options without a value, @valued those with one;
 * anything else starting with '-' is a usage error. */
typedef struct
{
  GHashTable *options;    /* name → value ("" for flags) */
  GPtrArray  *positional;
} Arguments;

static void
arguments_clear (Arguments *arguments)
{
  g_clear_pointer (&arguments->options, g_hash_table_unref);
  g_clear_pointer (&arguments->positional, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Arguments, arguments_clear)

static gboolean
parse_arguments (CliContext          *context,
                 const char * const  *flags,
                 const char * const  *valued,
                 Arguments           *arguments,
                 char               **problem)
{
  arguments->options = g_hash_table_new (g_str_hash, g_str_equal);
  arguments->positional = g_ptr_array_new ();

  for (int i = 0; i < context->n_args; i++)
    {
      const char *arg = context->args[i];

      if (g_str_equal (arg, "--"))
        {
          for (i++; i < context->n_args; i++)
            g_ptr_array_add (arguments->positional, context->args[i]);
          break;
        }

      if (arg[0] != '-' || arg[1] == '\0')
        {
          g_ptr_array_add (arguments->positional, (gpointer)arg);
          continue;
        }

      if (flags != NULL && g_strv_contains (flags, arg))
        {
          g_hash_table_insert (arguments->options, (gpointer)arg, (gpointer)"");
          continue;
        }

      if (valued != NULL && g_strv_contains (valued, arg))
        {
          if (i + 1 >= context->n_args)
            {
              *problem = g_strdup_printf (_("%s needs a value"), arg);
              return FALSE;
            }
          g_hash_table_insert (arguments->options, (gpointer)arg, context->args[++i]);
          continue;
        }

      *problem = g_strdup_printf (_("unknown option “%s”"), arg);
      return FALSE;
    }

  return TRUE;
}

/* For the commands that write. */
static VpStore *
open_store (CliContext  *context,
            GError     **error)
{
  g_autofree char *path = vp_store_resolve_path (context->database, error);

  if (path == NULL)
    return NULL;
  return vp_store_new (path, error);
}

/* For the commands that only read: they work on a database they may read
 * and not write. */
static VpStore *
open_store_for_reading (CliContext  *context,
                        GError     **error)
{
  g_autofree char *path = vp_store_resolve_path (context->database, error);

  if (path == NULL)
    return NULL;
  return vp_store_new_for_reading (path, error);
}

static VpSnapshot *
load_programme (VpStore     *store,
                const char  *id_or_uid,
                GError     **error)
{
  gint64 id = vp_store_find_programme (store, id_or_uid, error);

  if (id == 0)
    return NULL;

  return vp_store_load_snapshot (store, id, error);
}

/* Commands {{{1 */

static int
command_list (CliContext *context)
{
  static const char * const flags[] = { "--json", NULL };
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  GListModel *programmes;
  gboolean json;
  guint n;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem))
    return usage_error (find_command ("list"), problem);
  if (arguments.positional->len != 0)
    return usage_error (find_command ("list"), _("list takes no arguments"));
  json = g_hash_table_contains (arguments.options, "--json");

  store = open_store_for_reading (context, &error);
  if (store == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  programmes = vp_store_get_programmes (store);
  n = g_list_model_get_n_items (programmes);

  if (json)
    g_string_append_c (out, '[');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autoptr(JsonNode) root = NULL;
          g_autofree char *text = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, vp_programme_get_id (programme));
          json_builder_set_member_name (builder, "uid");
          json_builder_add_string_value (builder, vp_programme_get_uid (programme));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, vp_programme_get_title (programme));
          json_builder_set_member_name (builder, "start_date");
          json_builder_add_string_value (builder, vp_programme_get_start_date (programme));
          json_builder_set_member_name (builder, "end_date");
          json_builder_add_string_value (builder, vp_programme_get_end_date (programme));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder,
                                         vp_enum_to_nick (VP_TYPE_PROGRAMME_STATUS,
                                                          vp_programme_get_status (programme)));
          json_builder_end_object (builder);

          root = json_builder_get_root (builder);
          json_generator_set_root (generator, root);
          text = json_generator_to_data (generator, NULL);
          g_string_append_printf (out, "%s\n  %s", i > 0 ? "," : "", text);
        }
      else
        {
          g_autofree char *title = g_strdup (vp_programme_get_title (programme));

          /* one programme a line, whatever the title holds */
          one_line (title);
          g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
                                  vp_programme_get_id (programme),
                                  vp_programme_get_uid (programme),
                                  vp_programme_get_start_date (programme),
                                  vp_programme_get_end_date (programme),
                                  title);
        }
    }

  if (json)
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

/* Dry runs {{{1 */

/* --json goes with --dry-run only: the commands' own output is text. */
static gboolean
check_dry_run_options (Arguments  *arguments,
                       gboolean   *dry_run,
                       gboolean   *json,
                       char      **problem)
{
  *dry_run = g_hash_table_contains (arguments->options, "--dry-run");
  *json = g_hash_table_contains (arguments->options, "--json");
  if (*json && !*dry_run)
    {
      *problem = g_strdup (_("--json goes with --dry-run"));
      return FALSE;
    }
  return TRUE;
}

/* What a dry run prints: each kind that changes, its counts, then its
 * changes one a line, in the words of the window's import preview. */
static void
append_changes_text (GString        *out,
                     VpSnapshotDiff *diff)
{
  if (vp_snapshot_diff_is_empty (diff))
    {
      g_string_append_printf (out, "%s\n", _("No changes."));
      return;
    }

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    {
      GPtrArray *changes = vp_snapshot_diff_get_changes (diff, kind);
      g_autofree char *heading = vp_snapshot_diff_describe_kind (diff, kind);

      if (heading == NULL)
        continue;
      g_string_append_printf (out, "%s\n", heading);
      for (guint i = 0; i < changes->len; i++)
        {
          g_autofree char *line = vp_snapshot_change_describe (g_ptr_array_index (changes, i));

          one_line (line);
          g_string_append_printf (out, "  %s\n", line);
        }
    }
}

/* One member per kind ("programme", "hosts", "participants", "sessions"),
 * each an array of {action, the identity "check --json" uses, its name,
 * fields: the programme format's members that differ}. */
static void
add_changes_json (JsonBuilder    *builder,
                  VpSnapshotDiff *diff)
{
  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    {
      GPtrArray *changes = vp_snapshot_diff_get_changes (diff, kind);

      json_builder_set_member_name (builder, vp_change_kind_get_member (kind));
      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          VpSnapshotChange *change = g_ptr_array_index (changes, i);

          json_builder_begin_object (builder);
          add_optional_member (builder, "action", vp_change_action_get_nick (change->action));
          switch (change->kind)
            {
            case VP_ENTITY_PROGRAMME:
              add_optional_member (builder, "uid", vp_programme_get_uid (change->object));
              add_optional_member (builder, "title", vp_programme_get_title (change->object));
              break;
            case VP_ENTITY_HOST:
              add_optional_member (builder, "id", vp_host_get_ref (change->object));
              add_optional_member (builder, "name", vp_host_get_name (change->object));
              break;
            case VP_ENTITY_PARTICIPANT:
              add_optional_member (builder, "id", vp_participant_get_ref (change->object));
              add_optional_member (builder, "email", vp_participant_get_email (change->object));
              add_optional_member (builder, "name", vp_participant_get_name (change->object));
              break;
            case VP_ENTITY_ORGANISATION:
              add_optional_member (builder, "uid", vp_organisation_get_uid (change->object));
              add_optional_member (builder, "name", vp_organisation_get_name (change->object));
              break;
            case VP_ENTITY_SESSION:
            default:
              add_optional_member (builder, "uid", vp_session_get_uid (change->object));
              add_optional_member (builder, "title", vp_session_get_title (change->object));
              break;
            }
          json_builder_set_member_name (builder, "fields");
          json_builder_begin_array (builder);
          for (guint j = 0; j < change->fields->len; j++)
            json_builder_add_string_value (builder,
                                           ((VpChangeField *)g_ptr_array_index (change->fields,
                                                                                j))->member);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
}

/* The object @builder holds, as pretty-printed text and a line break. */
static GBytes *
json_output (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), strlen (text) + 1);
}

/* Prints @bytes, a dry run's report: exit status 0, or 2 when it cannot be
 * written. */
static int
print_dry_run (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return EXIT_OK;
}

/* import --dry-run: what importing @snapshot would change in the stored
 * programme with its uid (none: a new programme), read from a database
 * opened as the commands that only read open it.  Nothing is written. */
static int
import_dry_run (CliContext *context,
                VpSnapshot *snapshot,
                const char *display,
                gboolean    update,
                gboolean    json)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) stored = NULL;
  g_autoptr(VpSnapshotDiff) diff = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *programmes;
  gint64 stored_id = 0;

  store = open_store_for_reading (context, &error);
  if (store == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  /* by uid, exactly: as the import finds it */
  programmes = vp_store_get_programmes (store);
  for (guint i = 0; i < g_list_model_get_n_items (programmes) && stored_id == 0; i++)
    {
      g_autoptr(VpProgramme) candidate = g_list_model_get_item (programmes, i);

      if (g_strcmp0 (vp_programme_get_uid (candidate), vp_programme_get_uid (programme)) == 0)
        stored_id = vp_programme_get_id (candidate);
    }

  if (stored_id != 0 && !update)
    {
      g_autofree char *message =
        g_strdup_printf (_("the programme “%s” (uid %s) is already stored as programme %lld: "
                           "import it with --update to update it"),
                         vp_programme_get_title (programme), vp_programme_get_uid (programme),
                         (long long)stored_id);

      print_error ("%s: %s", display, message);
      return EXIT_FAILURE_;
    }

  if (stored_id != 0)
    {
      stored = vp_store_load_snapshot (store, stored_id, &error);
      if (stored == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE_;
        }
    }

  diff = vp_snapshot_diff_new (stored, snapshot, VP_SNAPSHOT_DIFF_UPDATE);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_changes_json (builder, diff);
      json_builder_end_object (builder);
      bytes = json_output (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      append_changes_text (out, diff);
      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
    }

  return print_dry_run (bytes);
}

static int
command_import (CliContext *context)
{
  static const char * const flags[] = { "--update", "--dry-run", "--json", NULL };
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *display = NULL;
  const char *path;
  VpStoreImportFlags import_flags = VP_STORE_IMPORT_NONE;
  gboolean dry_run, json;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem) ||
      !check_dry_run_options (&arguments, &dry_run, &json, &problem))
    return usage_error (find_command ("import"), problem);
  if (arguments.positional->len != 1)
    return usage_error (find_command ("import"), _("import takes one file"));
  if (g_hash_table_contains (arguments.options, "--update"))
    import_flags |= VP_STORE_IMPORT_UPDATE;

  path = g_ptr_array_index (arguments.positional, 0);
  display = g_filename_display_name (path);

  /* The whole document is read and checked before the database is opened:
   * a bad file cannot touch it. */
  bytes = vp_file_read (path, VP_PROGRAMME_FORMAT_MAX_BYTES, &error);
  if (bytes == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  snapshot = vp_programme_format_read_with_notices (bytes, &notices, &error);
  if (snapshot == NULL)
    {
      print_error ("%s: %s", display, error->message);
      return EXIT_FAILURE_;
    }
  /* on standard error: standard output holds the uid alone */
  for (guint i = 0; i < notices->len; i++)
    print_error ("%s: %s", display, (const char *)g_ptr_array_index (notices, i));

  if (dry_run)
    return import_dry_run (context, snapshot, display, import_flags & VP_STORE_IMPORT_UPDATE,
                           json);

  store = open_store (context, &error);
  if (store == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (!vp_store_import_snapshot (store, snapshot, import_flags, NULL, &error))
    {
      print_error ("%s: %s", display, error->message);
      return EXIT_FAILURE_;
    }

  {
    VpProgramme *programme = vp_snapshot_get_programme (snapshot);
    g_autofree char *line = g_strdup_printf ("%s\n", vp_programme_get_uid (programme));
    gsize length = strlen (line);
    g_autoptr(GBytes) output = g_bytes_new_take (g_steal_pointer (&line), length);

    if (!write_output (NULL, output, &error))
      {
        print_error ("%s", error->message);
        return EXIT_FAILURE_;
      }
  }
  return EXIT_OK;
}

static int
command_export (CliContext *context)
{
  static const char * const valued[] = { "-o", "--output", NULL };
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  const char *output;

  if (!parse_arguments (context, NULL, valued, &arguments, &problem))
    return usage_error (find_command ("export"), problem);
  if (arguments.positional->len != 1)
    return usage_error (find_command ("export"), _("export takes one programme"));

  output = g_hash_table_lookup (arguments.options, "-o");
  if (output == NULL)
    output = g_hash_table_lookup (arguments.options, "--output");

  store = open_store_for_reading (context, &error);
  if (store == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  snapshot = load_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (snapshot == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  bytes = vp_programme_format_write (snapshot);
  if (!write_to_output (store, output, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

static VpParticipant *
find_participant (VpSnapshot  *snapshot,
                  const char  *email_or_id,
                  GError     **error)
{
  VpParticipant *participant = vp_snapshot_lookup_participant_by_email (snapshot, email_or_id);

  if (participant == NULL)
    participant = vp_snapshot_lookup_participant (snapshot, email_or_id);
  if (participant == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("programme “%s” has no participant with the email or id “%s”"),
                 vp_programme_get_title (vp_snapshot_get_programme (snapshot)), email_or_id);

  return participant;
}

static VpHost *
find_host (VpSnapshot  *snapshot,
           const char  *id,
           GError     **error)
{
  VpHost *host = vp_snapshot_lookup_host (snapshot, id);

  if (host == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("programme “%s” has no host with the id “%s”"),
                 vp_programme_get_title (vp_snapshot_get_programme (snapshot)), id);

  return host;
}

/* The language a document for one reader is written in: --language's
 * (@option, checked already), else the reader's own (@preferred, when its
 * catalog is there; a note on standard error when it is not), else the
 * user's. */
static const char *
document_language (const char *option,
                   const char *preferred)
{
  g_autoptr(GError) error = NULL;

  if (option != NULL)
    return option;
  if (preferred != NULL && vp_language_get (preferred, &error) != NULL)
    return preferred;
  if (preferred != NULL)
    /* TRANSLATORS: %s: why the reader's language cannot be used */
    print_error (_("%s; writing in the user’s language"), error->message);
  return vp_language_user_code ();
}

/* --language CODE: FALSE, saying why and which codes there are, when
 * there is no such language or no catalog of it. */
static gboolean
check_language_option (const char *code)
{
  g_autoptr(GError) error = NULL;

  if (code == NULL || vp_language_get (code, &error) != NULL)
    return TRUE;
  if (error->code == VP_LANGUAGE_ERROR_UNKNOWN)
    {
      g_autofree char *available = vp_language_describe_available ();

      print_error (_("--language: “%s” is not a language of Visit Planner: use one of %s"), code,
                   available);
    }
  else
    print_error ("--language: %s", error->message);
  return FALSE;
}

static int
command_ics (CliContext *context)
{
  static const char * const valued[] = {
    "-o", "--output", "--participant", "--host", "--each-participant", "--language", NULL
  };
  const Command *command = find_command ("ics");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  const char *output;
  const char *participant_key;
  const char *host_key;
  const char *folder;
  const char *language;
  VpLanguage *previous;
  guint n_scopes;

  if (!parse_arguments (context, NULL, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 1)
    return usage_error (command, _("ics takes one programme"));

  output = g_hash_table_lookup (arguments.options, "-o");
  if (output == NULL)
    output = g_hash_table_lookup (arguments.options, "--output");
  participant_key = g_hash_table_lookup (arguments.options, "--participant");
  host_key = g_hash_table_lookup (arguments.options, "--host");
  folder = g_hash_table_lookup (arguments.options, "--each-participant");
  language = g_hash_table_lookup (arguments.options, "--language");

  n_scopes = (participant_key != NULL) + (host_key != NULL) + (folder != NULL);
  if (n_scopes > 1)
    return usage_error (command,
                        _("give at most one of --participant, --host and --each-participant"));
  if (folder != NULL && output != NULL)
    return usage_error (command, _("--each-participant writes a folder: it takes no -o"));
  if (folder != NULL && g_str_equal (folder, "-"))
    return usage_error (command, _("--each-participant writes one file per participant into a "
                                   "folder: “-” (standard output) cannot be one"));
  if (!check_language_option (language))
    return EXIT_FAILURE_;

  store = open_store_for_reading (context, &error);
  if (store != NULL)
    snapshot = load_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (snapshot == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (folder != NULL)
    {
      g_autoptr(GPtrArray) planned = vp_calendar_each_participant_paths (snapshot, folder);
      g_autoptr(GPtrArray) paths = NULL;
      g_autoptr(GString) listing = g_string_new (NULL);
      g_autoptr(GBytes) listing_bytes = NULL;

      /* none of the files may be the database: checked before any is written */
      for (guint i = 0; i < planned->len; i++)
        if (!vp_store_check_output (store, g_ptr_array_index (planned, i), &error))
          {
            print_error ("%s", error->message);
            return EXIT_FAILURE_;
          }

      /* without --language, each participant's own, else the user's (vp-calendar.h) */
      previous = vp_language_set_document (language != NULL ? vp_language_get (language, NULL)
                                                            : NULL);
      paths = vp_calendar_write_each_participant (snapshot, folder, NULL, &error);
      vp_language_set_document (previous);
      if (paths == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE_;
        }

      for (guint i = 0; i < paths->len; i++)
        g_string_append_printf (listing, "%s\n", (char *)g_ptr_array_index (paths, i));
      listing_bytes = g_string_free_to_bytes (g_steal_pointer (&listing));
      if (!write_output (NULL, listing_bytes, &error))
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE_;
        }
      return EXIT_OK;
    }

  if (participant_key != NULL)
    {
      VpParticipant *participant = find_participant (snapshot, participant_key, &error);

      if (participant == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE_;
        }
      previous = vp_language_set_document (vp_language_get (
        document_language (language, vp_participant_get_language (participant)), NULL));
      bytes = vp_calendar_write_participant (snapshot, participant, NULL);
      vp_language_set_document (previous);
    }
  else if (host_key != NULL)
    {
      VpHost *host = find_host (snapshot, host_key, &error);

      if (host == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILURE_;
        }
      previous = vp_language_set_document (vp_language_get (
        document_language (language, vp_host_get_language (host)), NULL));
      bytes = vp_calendar_write_host (snapshot, host, NULL);
      vp_language_set_document (previous);
    }
  else
    {
      previous = vp_language_set_document (vp_language_get (document_language (language, NULL),
                                                            NULL));
      bytes = vp_calendar_write_programme (snapshot, NULL);
      vp_language_set_document (previous);
    }

  if (!write_to_output (store, output, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

/* For the importers: reads the whole file at @path first (a bad file never
 * opens the database), then finds the programme it goes into (read again,
 * and written, in one transaction: vp_store_update_programme()).  A dry run
 * (@for_reading) opens the database as the commands that only read do.
 * Prints the error and returns FALSE when either fails. */
static gboolean
read_file_then_programme (CliContext  *context,
                          const char  *path,
                          gsize        max_bytes,
                          const char  *programme,
                          gboolean     for_reading,
                          GBytes     **bytes,
                          VpStore    **store,
                          gint64      *programme_id)
{
  g_autoptr(GError) error = NULL;

  *bytes = vp_file_read (path, max_bytes, &error);
  if (*bytes != NULL)
    *store = for_reading ? open_store_for_reading (context, &error) : open_store (context, &error);
  if (*store != NULL)
    *programme_id = vp_store_find_programme (*store, programme, &error);
  if (error != NULL)
    {
      print_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* What an importer's dry run adds to the changes: the lines of its report
 * after them, or the members of the JSON object. */
typedef void (*ReportTextFunc) (GString     *out,
                                gpointer     import);
typedef void (*ReportJsonFunc) (JsonBuilder *builder,
                                gpointer     import);

/* The dry run of import-csv or import-ics: @func, the function the real
 * command gives vp_store_update_programme(), applied to the programme as
 * stored, and what it would change printed.  Nothing is written. */
static int
update_dry_run (VpStore           *store,
                gint64             programme_id,
                VpStoreUpdateFunc  func,
                gpointer           import,
                const char        *display,
                gboolean           json,
                ReportTextFunc     report_text,
                ReportJsonFunc     report_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) current = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  g_autoptr(VpSnapshotDiff) diff = NULL;
  g_autoptr(GBytes) bytes = NULL;

  current = vp_store_load_snapshot (store, programme_id, &error);
  if (current != NULL)
    after = func (current, import, &error);
  if (after == NULL)
    {
      print_error ("%s: %s", display, error->message);
      return EXIT_FAILURE_;
    }

  diff = vp_snapshot_diff_new (current, after, VP_SNAPSHOT_DIFF_UPDATE);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_changes_json (builder, diff);
      report_json (builder, import);
      json_builder_end_object (builder);
      bytes = json_output (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) report = g_string_new (NULL);

      append_changes_text (out, diff);
      report_text (report, import);
      /* the file's own remarks, under its name */
      if (report->len > 0)
        g_string_append_printf (out, "%s:\n%s", display, report->str);
      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
    }

  return print_dry_run (bytes);
}

static gboolean
parse_csv_kind (const char *word,
                VpCsvKind  *kind)
{
  if (g_str_equal (word, "participants"))
    *kind = VP_CSV_KIND_PARTICIPANTS;
  else if (g_str_equal (word, "hosts"))
    *kind = VP_CSV_KIND_HOSTS;
  else if (g_str_equal (word, "organisations"))
    *kind = VP_CSV_KIND_ORGANISATIONS;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  VpCsvKind    kind;
  GBytes      *bytes;
  VpCsvReport *report;
} CsvImport;

static VpSnapshot *
apply_csv (VpSnapshot  *current,
           gpointer     user_data,
           GError     **error)
{
  CsvImport *import = user_data;

  g_clear_pointer (&import->report, vp_csv_report_free);
  return vp_csv_import (current, import->kind, import->bytes, &import->report, error);
}

/* The lines of a spreadsheet import's report after its counts: how the
 * file was read, and the rows skipped. */
static void
append_csv_report (GString     *out,
                   VpCsvReport *report)
{
  if (g_strcmp0 (report->encoding, "UTF-8") != 0)
    {
      g_string_append_printf (out, _("  read as %s text"), report->encoding);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->converted->len; i++)
    {
      VpCsvConverted *converted = g_ptr_array_index (report->converted, i);
      g_autofree char *column = g_strdup (converted->column);

      one_line (column);
      /* TRANSLATORS: a field of a spreadsheet that was not UTF-8: its line, its column */
      g_string_append_printf (out, _("  line %u, column “%s”: not UTF-8, read as Windows-1252"),
                              converted->line, column);
      g_string_append_c (out, '\n');
    }
  if (report->n_converted > report->converted->len)
    {
      guint more = report->n_converted - report->converted->len;

      g_string_append_printf (out, ngettext ("  and %u more field read as Windows-1252",
                                             "  and %u more fields read as Windows-1252", more),
                              more);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->unknown_columns->len; i++)
    {
      g_autofree char *column = g_strdup (g_ptr_array_index (report->unknown_columns, i));

      one_line (column);
      g_string_append_printf (out, _("  column “%s” is not known and was ignored"), column);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpCsvSkip *skip = g_ptr_array_index (report->skipped, i);
      g_autofree char *reason = g_strdup (skip->reason);

      one_line (reason);
      g_string_append_printf (out, _("  line %u skipped: %s"), skip->line, reason);
      g_string_append_c (out, '\n');
    }
}

/* What a spreadsheet import says of consent, on standard error: each field
 * not stored, and the people whose data is kept as consented. */
static void
print_csv_notices (const char  *display,
                   VpCsvReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->not_stored->len; i++)
    {
      VpCsvSkip *entry = g_ptr_array_index (report->not_stored, i);

      /* TRANSLATORS: a file, a line of it, then what was not stored and why */
      print_error (_("%s: line %u, %s"), display, entry->line, entry->reason);
    }
  if (report->assumed_consent > 0)
    print_error (ngettext ("%s: no consent column: what it gives of the %u person it adds is "
                           "kept as consented, as whoever collected it asked for it",
                           "%s: no consent column: what it gives of the %u people it adds is "
                           "kept as consented, as whoever collected it asked for it",
                           report->assumed_consent),
                 display, report->assumed_consent);
}

/* For update_dry_run(): the report's lines, and as JSON "skipped", the
 * rows left out as {line, reason}. */
static void
csv_report_text (GString  *out,
                 gpointer  data)
{
  append_csv_report (out, ((CsvImport *)data)->report);
}

static void
csv_report_json (JsonBuilder *builder,
                 gpointer     data)
{
  CsvImport *import = data;

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < import->report->skipped->len; i++)
    {
      VpCsvSkip *skip = g_ptr_array_index (import->report->skipped, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, skip->line);
      add_optional_member (builder, "reason", skip->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
command_import_csv (CliContext *context)
{
  static const char * const flags[] = { "--dry-run", "--json", NULL };
  const Command *command = find_command ("import-csv");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) output = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *display = NULL;
  const char *path;
  VpCsvKind kind;
  CsvImport import = { 0, };
  gint64 id = 0;
  gboolean dry_run, json;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem) ||
      !check_dry_run_options (&arguments, &dry_run, &json, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 3)
    return usage_error (command,
                        _("import-csv takes a programme, “participants”, “hosts” or "
                          "“organisations”, and a file"));
  if (!parse_csv_kind (g_ptr_array_index (arguments.positional, 1), &kind))
    return usage_error (command,
                        _("say what the file lists: “participants”, “hosts” or “organisations”"));

  path = g_ptr_array_index (arguments.positional, 2);
  display = g_filename_display_name (path);

  if (!read_file_then_programme (context, path, VP_CSV_MAX_BYTES,
                                 g_ptr_array_index (arguments.positional, 0), dry_run,
                                 &bytes, &store, &id))
    return EXIT_FAILURE_;

  import.kind = kind;
  import.bytes = bytes;
  if (dry_run)
    {
      int status = update_dry_run (store, id, apply_csv, &import, display, json,
                                   csv_report_text, csv_report_json);

      print_csv_notices (display, import.report);
      g_clear_pointer (&import.report, vp_csv_report_free);
      return status;
    }

  /* Read, applied and written in one transaction: an import running at the
   * same time comes before or after this one, and neither is lost. */
  if (!vp_store_update_programme (store, id, apply_csv, &import, &error))
    {
      g_clear_pointer (&import.report, vp_csv_report_free);
      print_error ("%s: %s", display, error->message);
      return EXIT_FAILURE_;
    }
  report = g_steal_pointer (&import.report);
  print_csv_notices (display, report);

  /* TRANSLATORS: the report of a spreadsheet import: the file, then counts */
  g_string_append_printf (out, _("%s: %u added, %u updated, %u unchanged, %u skipped"),
                          display, report->added, report->updated, report->unchanged,
                          report->skipped->len);
  g_string_append_c (out, '\n');
  append_csv_report (out, report);

  output = g_string_free_to_bytes (g_steal_pointer (&out));
  if (!write_output (NULL, output, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return report->skipped->len > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/* "UID x (line N)", or "line N" for an event with no UID, or "" for the
 * file as a whole: where a line of an iCalendar import report applies. */
static char *
ical_report_place (VpIcalSkip *entry)
{
  if (entry->uid != NULL)
    /* TRANSLATORS: where an iCalendar event is: its UID, then its line */
    return g_strdup_printf (_("UID %s (line %u)"), entry->uid, entry->line);
  if (entry->line > 0)
    return g_strdup_printf (_("line %u"), entry->line);
  return g_strdup ("");
}

typedef struct
{
  GBytes       *bytes;
  VpIcalReport *report;
} IcalImport;

static VpSnapshot *
apply_ical (VpSnapshot  *current,
            gpointer     user_data,
            GError     **error)
{
  IcalImport *import = user_data;

  g_clear_pointer (&import->report, vp_ical_report_free);
  return vp_ical_import (current, import->bytes, &import->report, error);
}

/* The lines of a calendar import's report after its counts: the events
 * skipped, and the remarks on those imported and on the file. */
static void
append_ical_report (GString      *out,
                    VpIcalReport *report)
{
  for (guint i = 0; i < report->skipped->len; i++)
    {
      VpIcalSkip *skip = g_ptr_array_index (report->skipped, i);
      g_autofree char *place = ical_report_place (skip);
      g_autofree char *reason = g_strdup (skip->reason);

      one_line (reason);
      /* TRANSLATORS: an event left out: where it is, then why */
      g_string_append_printf (out, _("  %s skipped: %s"), place, reason);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < report->notes->len; i++)
    {
      VpIcalSkip *entry = g_ptr_array_index (report->notes, i);
      g_autofree char *place = ical_report_place (entry);
      g_autofree char *reason = g_strdup (entry->reason);

      one_line (reason);
      if (place[0] != '\0')
        g_string_append_printf (out, "  %s: %s\n", place, reason);
      else
        g_string_append_printf (out, "  %s\n", reason);
    }
}

/* As JSON, the entries of a calendar import's report: {line, uid (when the
 * event has one), reason}. */
static void
add_ical_entries_json (JsonBuilder *builder,
                       const char  *name,
                       GPtrArray   *entries)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      VpIcalSkip *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, entry->line);
      add_optional_member (builder, "uid", entry->uid);
      add_optional_member (builder, "reason", entry->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* For update_dry_run(): the report's lines, and as JSON its "skipped" and
 * "notes". */
static void
ical_report_text (GString  *out,
                  gpointer  data)
{
  append_ical_report (out, ((IcalImport *)data)->report);
}

static void
ical_report_json (JsonBuilder *builder,
                  gpointer     data)
{
  IcalImport *import = data;

  add_ical_entries_json (builder, "skipped", import->report->skipped);
  add_ical_entries_json (builder, "notes", import->report->notes);
}

static int
command_import_ics (CliContext *context)
{
  static const char * const flags[] = { "--dry-run", "--json", NULL };
  const Command *command = find_command ("import-ics");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpIcalReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) output = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *display = NULL;
  const char *path;
  IcalImport import = { NULL, };
  gint64 id = 0;
  gboolean dry_run, json;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem) ||
      !check_dry_run_options (&arguments, &dry_run, &json, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 2)
    return usage_error (command, _("import-ics takes a programme and a file"));

  path = g_ptr_array_index (arguments.positional, 1);
  display = g_filename_display_name (path);

  if (!read_file_then_programme (context, path, VP_ICAL_IMPORT_MAX_BYTES,
                                 g_ptr_array_index (arguments.positional, 0), dry_run,
                                 &bytes, &store, &id))
    return EXIT_FAILURE_;

  import.bytes = bytes;
  if (dry_run)
    {
      int status = update_dry_run (store, id, apply_ical, &import, display, json,
                                   ical_report_text, ical_report_json);

      g_clear_pointer (&import.report, vp_ical_report_free);
      return status;
    }

  /* One transaction from the read to the write: a file that cannot be read
   * changes nothing, and a write by another program is neither lost nor
   * taken for sessions that left the calendar. */
  if (!vp_store_update_programme (store, id, apply_ical, &import, &error))
    {
      g_clear_pointer (&import.report, vp_ical_report_free);
      print_error ("%s: %s", display, error->message);
      return EXIT_FAILURE_;
    }
  report = g_steal_pointer (&import.report);

  /* TRANSLATORS: the report of a calendar import: the file, then counts */
  g_string_append_printf (out, _("%s: %u added, %u updated, %u unchanged, %u skipped"),
                          display, report->added, report->updated, report->unchanged,
                          report->skipped->len);
  g_string_append_c (out, '\n');
  append_ical_report (out, report);

  output = g_string_free_to_bytes (g_steal_pointer (&out));
  if (!write_output (NULL, output, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return report->skipped->len > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

static int
command_export_csv (CliContext *context)
{
  static const char * const valued[] = { "-o", "--output", NULL };
  const Command *command = find_command ("export-csv");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  const char *output;
  VpCsvKind kind;

  if (!parse_arguments (context, NULL, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 2)
    return usage_error (command, _("export-csv takes a programme and “participants”, “hosts” or "
                          "“organisations”"));
  if (!parse_csv_kind (g_ptr_array_index (arguments.positional, 1), &kind))
    return usage_error (command, _("say what to list: “participants”, “hosts” or “organisations”"));

  output = g_hash_table_lookup (arguments.options, "-o");
  if (output == NULL)
    output = g_hash_table_lookup (arguments.options, "--output");

  store = open_store_for_reading (context, &error);
  if (store != NULL)
    snapshot = load_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (snapshot == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  bytes = vp_csv_export (snapshot, kind);
  if (!write_to_output (store, output, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

static const char *
severity_label (VpSeverity severity)
{
  switch (severity)
    {
    case VP_SEVERITY_ERROR:
      return _("error");
    case VP_SEVERITY_WARNING:
      return _("warning");
    case VP_SEVERITY_INFO:
    default:
      return _("info");
    }
}

static void
add_optional_member (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* The budget under the problems of "check": one line per visiting
 * organisation (docs/cli.md). */
static void
append_budget_text (GString    *out,
                    VpSnapshot *snapshot,
                    GPtrArray  *organisation_visits)
{
  g_autoptr(VpBudget) budget = vp_budget_new (snapshot, organisation_visits);
  g_autofree char *table = vp_budget_format_text (budget);

  g_string_append_printf (out, "\n%s\n", _("Budget per visiting organisation:"));
  g_string_append (out, table);
}

static int
command_check (CliContext *context)
{
  static const char * const flags[] = { "--json", NULL };
  const Command *command = find_command ("check");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) other_visits = NULL;
  g_autoptr(GPtrArray) organisation_visits = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  VpChecksContext checks_context = { NULL };
  gboolean has_errors = FALSE;
  gint64 id;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 1)
    return usage_error (command, _("check takes one programme"));

  store = open_store_for_reading (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL ||
      (other_visits = vp_store_collect_other_visits (store, id, &error)) == NULL ||
      (organisation_visits = vp_store_collect_organisation_visits (store, id, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  checks_context.other_visits = other_visits;
  checks_context.organisation_visits = organisation_visits;
  problems = vp_checks_run (snapshot, &checks_context);
  for (guint i = 0; i < problems->len; i++)
    has_errors |= ((VpProblem *)g_ptr_array_index (problems, i))->severity == VP_SEVERITY_ERROR;

  if (g_hash_table_contains (arguments.options, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        {
          VpProblem *item = g_ptr_array_index (problems, i);

          json_builder_begin_object (builder);
          add_optional_member (builder, "severity",
                               vp_enum_to_nick (VP_TYPE_SEVERITY, item->severity));
          add_optional_member (builder, "code", item->code);
          add_optional_member (builder, "message", item->message);
          add_optional_member (builder, "session", item->session);
          add_optional_member (builder, "participant", item->participant);
          add_optional_member (builder, "host", item->host);
          add_optional_member (builder, "organisation", item->organisation);
          if (item->sessions != NULL)
            {
              json_builder_set_member_name (builder, "sessions");
              json_builder_begin_array (builder);
              for (guint j = 0; item->sessions[j] != NULL; j++)
                json_builder_add_string_value (builder, item->sessions[j]);
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      bytes = g_bytes_new_take (g_strconcat (text, "\n", NULL), strlen (text) + 1);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          VpProblem *item = g_ptr_array_index (problems, i);
          g_autofree char *message = g_strdup (item->message);

          one_line (message);
          /* TRANSLATORS: a problem on one line: its severity, its code, what is wrong */
          g_string_append_printf (out, _("%s: %s: %s"), severity_label (item->severity),
                                  item->code, message);
          g_string_append_c (out, '\n');
        }
      if (problems->len == 0)
        g_string_append_printf (out, "%s\n", _("No problems found."));

      append_budget_text (out, snapshot, checks_context.organisation_visits);

      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
    }

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return has_errors ? EXIT_PROBLEMS : EXIT_OK;
}

/* budget PROGRAMME [--json | --csv]: what each visiting organisation may
 * claim (docs/cli.md); exit 0 whatever the budget holds. */
static int
command_budget (CliContext *context)
{
  static const char * const flags[] = { "--json", "--csv", NULL };
  const Command *command = find_command ("budget");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpBudget) budget = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  gboolean json;
  gboolean csv;
  gint64 id;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 1)
    return usage_error (command, _("budget takes one programme"));
  json = g_hash_table_contains (arguments.options, "--json");
  csv = g_hash_table_contains (arguments.options, "--csv");
  if (json && csv)
    return usage_error (command, _("--json and --csv cannot be used together"));

  store = open_store_for_reading (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL ||
      (budget = vp_store_load_budget (store, id, snapshot, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (json)
    bytes = vp_budget_write_json (budget);
  else if (csv)
    bytes = vp_budget_write_csv (budget);
  else
    {
      char *text = vp_budget_format_text (budget);

      bytes = g_bytes_new_take (text, strlen (text));
    }

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

/* The programme's organisation @key names: its uid, else its name
 * however spelt (vp_organisation_name_key()). */
static VpOrganisation *
find_organisation (VpSnapshot *snapshot,
                   const char *key)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

  for (guint i = 0; i < organisations->len; i++)
    if (g_strcmp0 (vp_organisation_get_uid (g_ptr_array_index (organisations, i)), key) == 0)
      return g_ptr_array_index (organisations, i);
  return vp_snapshot_lookup_organisation_by_name (snapshot, key);
}

/* The items of the closing kit, "closing-report, outcomes", for a message. */
static char *
evidence_item_codes (void)
{
  GPtrArray *items = vp_cxc_rules_get ()->evidence_items;
  g_autoptr(GString) codes = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "",
                            ((VpCxcEvidenceItem *)g_ptr_array_index (items, i))->item);
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

/* evidence PROGRAMME ORGANISATION ITEM [--received DATE | --clear]: one
 * item of an organisation's closing kit recorded (today without a day),
 * or cleared. */
static int
record_evidence (CliContext *context,
                 Arguments  *arguments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autofree char *today_text = NULL;
  const char *organisation_key = g_ptr_array_index (arguments->positional, 1);
  const char *item_code = g_ptr_array_index (arguments->positional, 2);
  const char *received = g_hash_table_lookup (arguments->options, "--received");
  gboolean clear = g_hash_table_contains (arguments->options, "--clear");
  const VpCxcEvidenceItem *item;
  VpOrganisation *organisation;
  gboolean changed = FALSE;
  GDate day;
  gint64 id;

  if (received != NULL && clear)
    return usage_error (find_command ("evidence"), _("give --received or --clear, not both"));

  item = vp_cxc_rules_find_evidence_item (vp_cxc_rules_get (), item_code);
  if (item == NULL)
    {
      g_autofree char *codes = evidence_item_codes ();

      print_error (_("“%s” is not an item of the closing kit: use one of %s"), item_code, codes);
      return EXIT_FAILURE_;
    }
  if (received != NULL && !vp_date_parse (received, &day, &error))
    {
      print_error ("--received: %s", error->message);
      return EXIT_FAILURE_;
    }
  if (received == NULL && !clear)
    {
      vp_evidence_get_today (&day);
      received = today_text = vp_date_format (&day);
    }

  store = open_store (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments->positional, 0),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  organisation = find_organisation (snapshot, organisation_key);
  if (organisation == NULL)
    {
      print_error (_("the programme has no organisation “%s” (give its uid or its name)"),
                   organisation_key);
      return EXIT_FAILURE_;
    }

  if (!vp_store_set_evidence (store, id, vp_organisation_get_id (organisation), item_code,
                              clear ? NULL : received, &changed, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  {
    g_autofree char *name = g_strdup (vp_organisation_get_name (organisation));
    const char *label = vp_cxc_evidence_item_get_label (item);

    one_line (name);
    if (clear)
      /* TRANSLATORS: an organisation, then an item of its closing kit */
      printf (changed ? _("%s: %s is no longer received\n") : _("%s: %s was not received\n"),
              name, label);
    else
      /* TRANSLATORS: an organisation, an item of its closing kit, a day */
      printf (changed ? _("%s: %s received on %s\n") : _("%s: %s was already received on %s\n"),
              name, label, received);
  }
  return EXIT_OK;
}

/* evidence PROGRAMME [--json] | evidence PROGRAMME ORGANISATION ITEM
 * [--received DATE | --clear]: the closing kit (docs/cli.md). */
static int
command_evidence (CliContext *context)
{
  static const char * const flags[] = { "--json", "--clear", NULL };
  static const char * const valued[] = { "--received", NULL };
  const Command *command = find_command ("evidence");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) organisation_visits = NULL;
  g_autoptr(VpEvidenceReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  gint64 id;

  if (!parse_arguments (context, flags, valued, &arguments, &problem))
    return usage_error (command, problem);

  if (arguments.positional->len == 3)
    {
      if (g_hash_table_contains (arguments.options, "--json"))
        return usage_error (command, _("--json is for the list of the closing kit"));
      return record_evidence (context, &arguments);
    }
  if (arguments.positional->len != 1)
    return usage_error (command, _("evidence takes one programme, or a programme, an "
                                   "organisation and an item"));
  if (g_hash_table_contains (arguments.options, "--received") ||
      g_hash_table_contains (arguments.options, "--clear"))
    return usage_error (command, _("--received and --clear need an organisation and an item"));

  store = open_store_for_reading (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL ||
      (organisation_visits = vp_store_collect_organisation_visits (store, id, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  report = vp_evidence_report_new (snapshot, organisation_visits, NULL);
  if (g_hash_table_contains (arguments.options, "--json"))
    bytes = vp_evidence_report_write_json (report);
  else
    {
      char *text = vp_evidence_report_format_text (report);

      bytes = g_bytes_new_take (text, strlen (text));
    }

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return report->overdue ? EXIT_PROBLEMS : EXIT_OK;
}

static int
command_pdf (CliContext *context)
{
  static const char * const valued[] = {
    "-o", "--output", "--participant", "--host", "--layout", "--paper", "--organisation", "--day",
    "--language", NULL
  };
  const Command *command = find_command ("pdf");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpPrintDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *paper_word = NULL;
  const char *output;
  const char *participant_key;
  const char *host_key;
  const char *organisation_key;
  const char *layout_word;
  const char *day;
  const char *language;
  const char *subject;
  int layout = VP_PRINT_LAYOUT_AGENDA;
  int paper = VP_PAPER_SIZE_A4;

  if (!parse_arguments (context, NULL, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 1)
    return usage_error (command, _("pdf takes one programme"));

  output = g_hash_table_lookup (arguments.options, "-o");
  if (output == NULL)
    output = g_hash_table_lookup (arguments.options, "--output");
  participant_key = g_hash_table_lookup (arguments.options, "--participant");
  host_key = g_hash_table_lookup (arguments.options, "--host");
  organisation_key = g_hash_table_lookup (arguments.options, "--organisation");
  layout_word = g_hash_table_lookup (arguments.options, "--layout");
  day = g_hash_table_lookup (arguments.options, "--day");
  language = g_hash_table_lookup (arguments.options, "--language");
  if (g_hash_table_contains (arguments.options, "--paper"))
    paper_word = g_ascii_strdown (g_hash_table_lookup (arguments.options, "--paper"), -1);

  /* Each mistake: one line that names it. */
  if (output == NULL)
    {
      print_error ("%s", _("pdf writes a file: give it with -o FILE (-o - for standard output)"));
      return EXIT_FAILURE_;
    }
  if (g_str_equal (output, "-") && isatty (STDOUT_FILENO))
    {
      print_error ("%s", _("pdf -o - writes the PDF to standard output, which is a terminal: "
                           "send it to a file or a pipe"));
      return EXIT_FAILURE_;
    }
  if (participant_key != NULL && host_key != NULL)
    {
      print_error ("%s", _("give --participant or --host, not both"));
      return EXIT_FAILURE_;
    }
  if (layout_word != NULL && !vp_enum_from_nick (VP_TYPE_PRINT_LAYOUT, layout_word, &layout))
    {
      print_error (_("unknown layout “%s”: use agenda, host-sheet, contacts, budget, "
                     "attendance, certificate, catering, rooming, badges or "
                     "quality-commitment"),
                   layout_word);
      return EXIT_FAILURE_;
    }
  if (layout_word == NULL && host_key != NULL)
    layout = VP_PRINT_LAYOUT_HOST_SHEET;
  if (organisation_key != NULL && layout != VP_PRINT_LAYOUT_QUALITY_COMMITMENT)
    {
      print_error ("%s", _("--organisation is for --layout quality-commitment"));
      return EXIT_FAILURE_;
    }
  if (paper_word != NULL && !vp_enum_from_nick (VP_TYPE_PAPER_SIZE, paper_word, &paper))
    {
      print_error (_("unknown paper size “%s”: use a4 or letter"),
                   (const char *)g_hash_table_lookup (arguments.options, "--paper"));
      return EXIT_FAILURE_;
    }

  if (!check_language_option (language))
    return EXIT_FAILURE_;

  if (day != NULL && layout != VP_PRINT_LAYOUT_ATTENDANCE)
    {
      print_error ("%s", _("--day is for the attendance sheets: use it with "
                           "--layout attendance"));
      return EXIT_FAILURE_;
    }

  switch ((VpPrintLayout)layout)
    {
    case VP_PRINT_LAYOUT_AGENDA:
      if (host_key != NULL)
        {
          print_error ("%s", _("the agenda is for the group or one participant: "
                               "for a host, use --layout host-sheet --host H"));
          return EXIT_FAILURE_;
        }
      subject = participant_key;
      break;

    case VP_PRINT_LAYOUT_HOST_SHEET:
      if (host_key == NULL)
        {
          print_error ("%s", _("the host-sheet layout needs --host H (the host’s id)"));
          return EXIT_FAILURE_;
        }
      subject = host_key;
      break;

    case VP_PRINT_LAYOUT_CONTACTS:
      if (participant_key != NULL || host_key != NULL)
        {
          print_error ("%s", _("the contacts layout is for the whole group: "
                               "it takes no --participant or --host"));
          return EXIT_FAILURE_;
        }
      subject = NULL;
      break;

    case VP_PRINT_LAYOUT_BUDGET:
      if (participant_key != NULL || host_key != NULL)
        {
          print_error ("%s", _("the budget layout is the grant sheet of the whole programme: "
                               "it takes no --participant or --host"));
          return EXIT_FAILURE_;
        }
      subject = NULL;
      break;

    case VP_PRINT_LAYOUT_ATTENDANCE:
      if (participant_key != NULL || host_key != NULL)
        {
          print_error ("%s", _("the attendance layout is a sheet per session, each listing its "
                               "attendees: it takes --day, not --participant or --host"));
          return EXIT_FAILURE_;
        }
      subject = day;
      break;

    case VP_PRINT_LAYOUT_CERTIFICATE:
      if (host_key != NULL)
        {
          print_error ("%s", _("the certificate layout is for participants: give "
                               "--participant P for one, or nothing for all, not --host"));
          return EXIT_FAILURE_;
        }
      subject = participant_key;
      break;

    case VP_PRINT_LAYOUT_CATERING:
    case VP_PRINT_LAYOUT_ROOMING:
    case VP_PRINT_LAYOUT_BADGES:
      if (participant_key != NULL || host_key != NULL)
        {
          /* TRANSLATORS: %s is the layout's name: catering, rooming or badges */
          print_error (_("the %s layout is for the whole group: it takes no --participant or "
                         "--host"), vp_enum_to_nick (VP_TYPE_PRINT_LAYOUT, layout));
          return EXIT_FAILURE_;
        }
      subject = NULL;
      break;

    case VP_PRINT_LAYOUT_QUALITY_COMMITMENT:
      if (participant_key != NULL || host_key != NULL)
        {
          print_error ("%s", _("the quality-commitment layout is per visiting organisation: "
                               "it takes --organisation ORGANISATION, not --participant or "
                               "--host"));
          return EXIT_FAILURE_;
        }
      subject = organisation_key;
      break;

    default:
      g_assert_not_reached ();
    }

  store = open_store_for_reading (context, &error);
  if (store != NULL)
    snapshot = load_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (snapshot != NULL)
    document = vp_print_document_new (snapshot, layout, subject, &error);
  /* --language, else the language of the one it is for, else the user's:
   * the document's, and this thread's for what it is made of (the budget's
   * reasons).  Everyone's certificates without --language: each in their
   * participant's (the document's own choice), else the user's. */
  if (document != NULL && language == NULL && layout == VP_PRINT_LAYOUT_CERTIFICATE
      && subject == NULL)
    {
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);
      g_autoptr(GHashTable) noted = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < participants->len; i++)
        {
          const char *code = vp_participant_get_language (g_ptr_array_index (participants, i));

          if (code != NULL && code[0] != '\0' && g_hash_table_add (noted, (gpointer)code))
            document_language (NULL, code);
        }
      vp_language_set_document (vp_language_get (vp_language_user_code (), NULL));
    }
  else if (document != NULL
           && !vp_print_document_set_language (
                document, document_language (language,
                                             vp_print_document_get_reader_language (document)),
                &error))
    g_clear_object (&document);
  else if (document != NULL)
    vp_language_set_document (vp_language_get (vp_print_document_get_language (document), NULL));
  /* The grant sheet prints the budget "budget" prints. */
  if (document != NULL && layout == VP_PRINT_LAYOUT_BUDGET)
    {
      VpProgramme *programme = vp_snapshot_get_programme (snapshot);
      g_autoptr(VpBudget) budget = vp_store_load_budget (store, vp_programme_get_id (programme),
                                                         snapshot, &error);

      if (budget != NULL)
        vp_print_document_set_budget (document, budget);
      else
        g_clear_object (&document);
    }
  if (document != NULL)
    bytes = vp_print_document_write_pdf (document, paper, NULL, &error);
  if (bytes == NULL || !write_to_output (store, output, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

/* Personal data {{{1 */

/* Writes @text (a line or more) to standard output. */
static int
print_output (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return EXIT_OK;
}

/* "fields: dietary, share-with-hosts; given: 2027-02-01; wording: Form v2" */
static char *
describe_consent (VpParticipant *participant)
{
  g_auto(GStrv) words = vp_consent_fields_to_words (vp_participant_get_consent_fields (
                                                      participant));
  g_autofree char *joined = g_strjoinv (", ", words);
  GString *text = g_string_new (NULL);
  g_autofree char *name = g_strdup (vp_participant_get_name (participant));

  one_line (name);
  /* TRANSLATORS: a participant's name, then the consent fields they agreed to */
  g_string_append_printf (text, _("%s: consent to %s"), name,
                          *joined != '\0' ? joined : _("nothing"));
  if (vp_participant_get_consent_given (participant) != NULL)
    /* TRANSLATORS: after what a participant consented to: the day */
    g_string_append_printf (text, _("; given on %s"),
                            vp_participant_get_consent_given (participant));
  if (vp_participant_get_consent_wording (participant) != NULL)
    {
      g_autofree char *wording = g_strdup (vp_participant_get_consent_wording (participant));

      one_line (wording);
      /* TRANSLATORS: after what a participant consented to: the wording's version */
      g_string_append_printf (text, _("; wording: %s"), wording);
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static int
command_consent (CliContext *context)
{
  static const char * const flags[] = { "--give", "--withdraw", NULL };
  const Command *command = find_command ("consent");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(VpSnapshot) after = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *shown = NULL;
  VpParticipant *participant;
  VpConsentField fields = 0;
  VpConsentField erased = 0;
  gboolean withdraw;
  gint64 id;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem))
    return usage_error (command, problem);
  withdraw = g_hash_table_contains (arguments.options, "--withdraw");
  if (withdraw && g_hash_table_contains (arguments.options, "--give"))
    return usage_error (command, _("--give and --withdraw go one at a time"));
  if (arguments.positional->len < 2)
    return usage_error (command, _("consent takes a programme and a participant"));
  if (arguments.positional->len == 2 && g_hash_table_size (arguments.options) > 0)
    return usage_error (command, _("say which consent: dietary, accessibility, "
                                   "emergency-contact, share-with-hosts or "
                                   "share-with-participants"));
  for (guint i = 2; i < arguments.positional->len; i++)
    {
      const char *word = g_ptr_array_index (arguments.positional, i);
      VpConsentField field;

      if (!vp_consent_field_from_word (word, &field))
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a consent field: use dietary, accessibility, "
                               "emergency-contact, share-with-hosts or share-with-participants"),
                             word);

          return usage_error (command, message);
        }
      fields |= field;
    }

  /* without fields it only shows the consent */
  store = fields == 0 ? open_store_for_reading (context, &error) : open_store (context, &error);
  if (store == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (id != 0)
    snapshot = vp_store_load_snapshot (store, id, &error);
  participant = snapshot != NULL
    ? find_participant (snapshot, g_ptr_array_index (arguments.positional, 1), &error)
    : NULL;
  if (participant == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (fields != 0 &&
      !vp_store_change_consent (store, id, participant, withdraw ? 0 : fields,
                                withdraw ? fields : 0, NULL, &erased, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  for (guint bit = 1; bit <= VP_CONSENT_ALL; bit <<= 1)
    if (erased & bit)
      {
        g_autofree char *name = g_strdup (vp_participant_get_name (participant));

        one_line (name);
        /* TRANSLATORS: a participant's name, then what was erased ("dietary needs") */
        print_error (_("%s: their %s were erased"), name, vp_consent_field_get_label (bit));
      }

  if (fields != 0)
    {
      after = vp_store_load_snapshot (store, id, &error);
      participant = after != NULL ? vp_snapshot_lookup_participant (after,
                                                                    vp_participant_get_ref (
                                                                      participant))
                                  : NULL;
      if (participant == NULL)
        {
          print_error ("%s", error != NULL ? error->message : _("the participant is gone"));
          return EXIT_FAILURE_;
        }
    }
  shown = describe_consent (participant);
  return print_output (shown);
}

static int
command_purge (CliContext *context)
{
  static const char * const flags[] = { "--dry-run", NULL };
  const Command *command = find_command ("purge");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(GPtrArray) programmes = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *problem = NULL;
  gboolean dry_run;
  gint64 id = 0;

  if (!parse_arguments (context, flags, NULL, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len > 1)
    return usage_error (command, _("purge takes at most one programme"));
  dry_run = g_hash_table_contains (arguments.options, "--dry-run");

  /* a dry run reads as the commands that only read: it writes nothing */
  store = dry_run ? open_store_for_reading (context, &error) : open_store (context, &error);
  if (store != NULL && arguments.positional->len == 1)
    id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0), &error);
  if (store != NULL && (arguments.positional->len == 0 || id != 0))
    programmes = vp_store_list_purge (store, id, vp_privacy_get_default_retention_months (), NULL,
                                      &error);
  if (programmes == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  for (guint i = 0; i < programmes->len; i++)
    {
      VpPurgeProgramme *programme = g_ptr_array_index (programmes, i);
      g_autofree char *title = g_strdup (programme->title);

      one_line (title);
      g_string_append_printf (out,
                              dry_run
                              /* TRANSLATORS: a programme's title, id and retention date */
                              ? _("Would purge “%s” (programme %lld), kept until %s:")
                              : _("Purged “%s” (programme %lld), kept until %s:"),
                              title, (long long)programme->programme_id,
                              programme->retention_until);
      g_string_append_c (out, '\n');
      for (guint j = 0; j < programme->people->len; j++)
        {
          VpPurgePerson *person = g_ptr_array_index (programme->people, j);
          g_autofree char *name = g_strdup (person->name);
          g_autofree char *items = NULL;

          g_ptr_array_add (person->items, NULL);
          items = g_strjoinv (", ", (char **)person->items->pdata);
          g_ptr_array_remove_index (person->items, person->items->len - 1);
          one_line (name);
          one_line (items);
          g_string_append_printf (out, "  %s: %s\n", name, items);
        }
    }
  if (programmes->len == 0)
    g_string_append_printf (out, "%s\n", _("Nothing to purge."));

  if (!dry_run && !vp_store_purge (store, programmes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return print_output (out->str);
}

static int
person_export (CliContext *context,
               Arguments  *arguments,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *output = g_hash_table_lookup (arguments->options, "-o");

  if (output == NULL)
    output = g_hash_table_lookup (arguments->options, "--output");
  store = open_store_for_reading (context, &error);
  if (store != NULL)
    snapshots = vp_store_load_person (store, email, &error);
  if (snapshots == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  if (snapshots->len == 0)
    {
      print_error (_("nobody has the email address “%s” in this database"), email);
      return EXIT_FAILURE_;
    }

  bytes = vp_person_export_write (email, snapshots, today);
  if (!write_to_output (store, output, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return EXIT_OK;
}

static int
person_erase (CliContext *context,
              Arguments  *arguments,
              const char *email)
{
  gboolean yes = g_hash_table_contains (arguments->options, "--yes");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  /* without --yes it only reads */
  store = yes ? open_store (context, &error) : open_store_for_reading (context, &error);
  if (store != NULL)
    snapshots = vp_store_load_person (store, email, &error);
  if (snapshots == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  if (snapshots->len == 0)
    {
      print_error (_("nobody has the email address “%s” in this database"), email);
      return EXIT_FAILURE_;
    }

  lines = vp_privacy_describe_person (snapshots, email);
  g_string_append_printf (out, "%s\n", yes ? _("Erased:") : _("Would erase:"));
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = g_strdup (g_ptr_array_index (lines, i));

      one_line (line);
      g_string_append_printf (out, "  %s\n", line);
    }

  if (!yes)
    {
      int status = print_output (out->str);

      print_error (_("nothing was erased: run “person erase %s --yes” to erase it, with the "
                     "database's backups and write-ahead log"),
                   email);
      return status == EXIT_OK ? EXIT_PROBLEMS : status;
    }

  if (!vp_store_erase_person (store, email, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return print_output (out->str);
}

static int
command_person (CliContext *context)
{
  static const char * const flags[] = { "--yes", NULL };
  static const char * const valued[] = { "-o", "--output", NULL };
  const Command *command = find_command ("person");
  g_auto(Arguments) arguments = { NULL, };
  g_autofree char *problem = NULL;
  const char *action;
  const char *email;
  g_autoptr(GError) email_error = NULL;

  if (!parse_arguments (context, flags, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 2)
    return usage_error (command, _("person takes “export” or “erase”, and an email address"));
  action = g_ptr_array_index (arguments.positional, 0);
  email = g_ptr_array_index (arguments.positional, 1);
  if (!vp_value_check_email (email, &email_error))
    return usage_error (command, email_error->message);

  if (g_str_equal (action, "export"))
    {
      if (g_hash_table_contains (arguments.options, "--yes"))
        return usage_error (command, _("--yes goes with person erase"));
      return person_export (context, &arguments, email);
    }
  if (g_str_equal (action, "erase"))
    {
      if (g_hash_table_contains (arguments.options, "-o") ||
          g_hash_table_contains (arguments.options, "--output"))
        return usage_error (command, _("-o goes with person export"));
      return person_erase (context, &arguments, email);
    }
  return usage_error (command, _("person takes “export” or “erase”, and an email address"));
}

/* Publishing {{{1 */

/* target add PROGRAMME NAME caldav|webdav URL [--user USER]
 * [--password-env VAR] [--ca-file FILE] [--per-participant] [--per-host] */
static int
target_add (CliContext *context,
            Arguments  *arguments)
{
  const Command *command = find_command ("target");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpPublishTarget) target = vp_publish_target_new ();
  const char *ca_file;

  if (arguments->positional->len != 5)
    return usage_error (command, _("target add takes a programme, a name, caldav or webdav, "
                                   "and a URL"));
  if (!vp_publish_kind_from_string (g_ptr_array_index (arguments->positional, 3),
                                    &target->kind))
    {
      print_error (_("unknown kind of target “%s”: use caldav or webdav"),
                   (const char *)g_ptr_array_index (arguments->positional, 3));
      return EXIT_FAILURE_;
    }

  target->name = g_strdup (g_ptr_array_index (arguments->positional, 2));
  target->url = g_strdup (g_ptr_array_index (arguments->positional, 4));
  target->user = g_strdup (g_hash_table_lookup (arguments->options, "--user"));
  target->password_env = g_strdup (g_hash_table_lookup (arguments->options, "--password-env"));
  target->per_participant = g_hash_table_contains (arguments->options, "--per-participant");
  target->per_host = g_hash_table_contains (arguments->options, "--per-host");

  if (target->password_env != NULL && target->user == NULL)
    {
      print_error ("%s", _("--password-env needs --user: the password is that user’s"));
      return EXIT_FAILURE_;
    }

  /* kept as an absolute path, and read now, so that a wrong file is told
   * here and not at the first publish */
  ca_file = g_hash_table_lookup (arguments->options, "--ca-file");
  if (ca_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (ca_file);
      g_autoptr(GTlsDatabase) database = NULL;

      target->ca_file = g_file_get_path (file);
      database = target->ca_file != NULL
        ? g_tls_file_database_new (target->ca_file, &error) : NULL;
      if (database == NULL)
        {
          print_error (_("%s: cannot read the certificate authorities: %s"), ca_file,
                       error != NULL ? error->message : _("not a local file"));
          return EXIT_FAILURE_;
        }
    }

  store = open_store (context, &error);
  if (store == NULL ||
      (target->programme_id =
         vp_store_find_programme (store, g_ptr_array_index (arguments->positional, 1),
                                  &error)) == 0 ||
      !vp_store_add_publish_target (store, target, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  return EXIT_OK;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format_iso8601 (time);
}

/* target list PROGRAMME [--json] */
static int
target_list (CliContext *context,
             Arguments  *arguments)
{
  const Command *command = find_command ("target");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 id;

  if (arguments->positional->len != 2)
    return usage_error (command, _("target list takes one programme"));

  store = open_store_for_reading (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments->positional, 1),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL ||
      (targets = vp_store_get_publish_targets (store, id, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (g_hash_table_contains (arguments->options, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < targets->len; i++)
        {
          VpPublishTarget *target = g_ptr_array_index (targets, i);
          g_autoptr(GPtrArray) subscriptions = vp_publish_subscriptions (target, snapshot);

          json_builder_begin_object (builder);
          add_optional_member (builder, "name", target->name);
          add_optional_member (builder, "kind", vp_publish_kind_to_string (target->kind));
          add_optional_member (builder, "url", target->url);
          add_optional_member (builder, "user", target->user);
          add_optional_member (builder, "password_env", target->password_env);
          add_optional_member (builder, "ca_file", target->ca_file);
          json_builder_set_member_name (builder, "per_participant");
          json_builder_add_boolean_value (builder, target->per_participant);
          json_builder_set_member_name (builder, "per_host");
          json_builder_add_boolean_value (builder, target->per_host);
          json_builder_set_member_name (builder, "last_publish");
          if (target->last_at > 0)
            {
              g_autofree char *at = format_time (target->last_at);

              json_builder_begin_object (builder);
              add_optional_member (builder, "at", at);
              add_optional_member (builder, "result", target->last_result);
              add_optional_member (builder, "report", target->last_report);
              json_builder_end_object (builder);
            }
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "subscriptions");
          json_builder_begin_array (builder);
          for (guint j = 0; j < subscriptions->len; j++)
            {
              VpSubscription *subscription = g_ptr_array_index (subscriptions, j);

              json_builder_begin_object (builder);
              add_optional_member (builder, "label", subscription->label);
              add_optional_member (builder, "url", subscription->url);
              add_optional_member (builder, "webcal", subscription->webcal);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      bytes = json_output (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < targets->len; i++)
        {
          VpPublishTarget *target = g_ptr_array_index (targets, i);
          g_autoptr(GPtrArray) subscriptions = vp_publish_subscriptions (target, snapshot);

          g_string_append_printf (out, "%s\t%s\t%s", target->name,
                                  vp_publish_kind_to_string (target->kind), target->url);
          if (target->user != NULL)
            /* TRANSLATORS: a publish target's user name */
            g_string_append_printf (out, "\t%s", target->user);
          if (target->password_env != NULL)
            /* TRANSLATORS: where a publish target's password comes from */
            g_string_append_printf (out, _("\tpassword from $%s"), target->password_env);
          if (target->per_participant)
            g_string_append_printf (out, "\t%s", "--per-participant");
          if (target->per_host)
            g_string_append_printf (out, "\t%s", "--per-host");
          g_string_append_c (out, '\n');
          if (target->last_at > 0)
            {
              g_autofree char *at = format_time (target->last_at);
              g_autofree char *report = g_strdup (target->last_report);

              if (report != NULL)
                one_line (report);
              /* TRANSLATORS: when the last publish was, its result and what it did */
              g_string_append_printf (out, _("  last publish: %s: %s: %s\n"), at,
                                      target->last_result, report != NULL ? report : "");
            }
          for (guint j = 0; j < subscriptions->len; j++)
            {
              VpSubscription *subscription = g_ptr_array_index (subscriptions, j);
              g_autofree char *label = g_strdup (subscription->label);

              one_line (label);
              /* TRANSLATORS: a calendar's name, then the URL to subscribe to */
              g_string_append_printf (out, _("  subscribe: %s: %s\n"), label,
                                      subscription->webcal != NULL ? subscription->webcal
                                                                   : subscription->url);
            }
        }
      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
    }

  if (!write_output (NULL, bytes, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  return EXIT_OK;
}

/* target remove PROGRAMME NAME */
static int
target_remove (CliContext *context,
               Arguments  *arguments)
{
  const Command *command = find_command ("target");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpPublishTarget) target = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  const char *name;
  gint64 id;

  if (arguments->positional->len != 3)
    return usage_error (command, _("target remove takes a programme and a target’s name"));
  name = g_ptr_array_index (arguments->positional, 2);

  store = open_store (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments->positional, 1),
                                     &error)) == 0 ||
      (target = vp_store_get_publish_target (store, id, name, &error)) == NULL ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL ||
      !vp_store_remove_publish_target (store, id, name, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  /* the keyring's password goes with it (a keyring that cannot be reached
   * holds none of ours) */
  if (target->user != NULL && target->password_env == NULL)
    vp_publish_secret_clear_sync (vp_programme_get_uid (vp_snapshot_get_programme (snapshot)),
                                  name, NULL);

  return EXIT_OK;
}

static int
command_target (CliContext *context)
{
  static const char * const flags[] = { "--json", "--per-participant", "--per-host", NULL };
  static const char * const valued[] = { "--user", "--password-env", "--ca-file", NULL };
  static const char * const add_only[] = {
    "--per-participant", "--per-host", "--user", "--password-env", "--ca-file", NULL
  };
  const Command *command = find_command ("target");
  g_auto(Arguments) arguments = { NULL, };
  g_autofree char *problem = NULL;
  const char *action;

  if (!parse_arguments (context, flags, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len < 1)
    return usage_error (command, _("target needs add, list or remove"));

  action = g_ptr_array_index (arguments.positional, 0);
  if (!g_str_equal (action, "add"))
    for (guint i = 0; add_only[i] != NULL; i++)
      if (g_hash_table_contains (arguments.options, add_only[i]))
        {
          g_autofree char *text = g_strdup_printf (_("%s is an option of target add"),
                                                   add_only[i]);
          return usage_error (command, text);
        }
  if (!g_str_equal (action, "list") && g_hash_table_contains (arguments.options, "--json"))
    return usage_error (command, _("--json is an option of target list"));

  if (g_str_equal (action, "add"))
    return target_add (context, &arguments);
  if (g_str_equal (action, "list"))
    return target_list (context, &arguments);
  if (g_str_equal (action, "remove"))
    return target_remove (context, &arguments);

  return usage_error (command, _("target needs add, list or remove"));
}

typedef struct
{
  GMainLoop       *loop;
  VpPublishReport *report;
  GError          *error;
  gboolean         progress_shown;
} PublishWait;

static void
publish_progress_cb (VpPublisher *publisher,
                     guint        done,
                     guint        total,
                     gpointer     user_data)
{
  PublishWait *wait = user_data;

  /* on a terminal only: a script reads the lines that say what was done */
  if (!isatty (STDERR_FILENO))
    return;
  /* TRANSLATORS: the progress of a publish: requests done and to do */
  fputc ('\r', stderr);
  fprintf (stderr, _("Publishing %u of %u"), done, total);
  fflush (stderr);
  wait->progress_shown = TRUE;
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PublishWait *wait = user_data;

  wait->report = vp_publisher_publish_finish (VP_PUBLISHER (source), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static gboolean
publish_interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

static const char *
publish_action_label (VpPublishAction action)
{
  switch (action)
    {
    case VP_PUBLISH_PUT:
      /* TRANSLATORS: a resource created on a server by a publish */
      return _("put");
    case VP_PUBLISH_UPDATED:
      return _("updated");
    case VP_PUBLISH_DELETED:
      return _("deleted");
    case VP_PUBLISH_CONFLICT:
    default:
      return _("conflict");
    }
}

/* Publishes to one target; EXIT_OK, EXIT_PROBLEMS (a conflict left alone)
 * or EXIT_FAILURE_. */
static int
publish_target (VpStore         *store,
                VpSnapshot      *snapshot,
                VpPublishTarget *target,
                gboolean         force,
                GCancellable    *cancellable,
                GString         *out)
{
  const char *programme_uid = vp_programme_get_uid (vp_snapshot_get_programme (snapshot));
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *password = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(VpPublisher) publisher = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  PublishWait wait = { loop, NULL, NULL, FALSE };
  int status = EXIT_OK;

  password = vp_publish_password_lookup_sync (target, programme_uid, &note, &error);
  if (error != NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  publisher = vp_publisher_new (store, target, password, note);
  vp_publisher_set_force (publisher, force);
  g_signal_connect (publisher, "progress", G_CALLBACK (publish_progress_cb), &wait);
  vp_publisher_publish_async (publisher, snapshot, cancellable, publish_done_cb, &wait);
  g_main_loop_run (loop);
  if (wait.progress_shown)
    fputc ('\n', stderr);

  /* a failure: what was done before it, then the one line that says why */
  if (wait.report == NULL)
    {
      g_autoptr(VpPublishReport) partial = vp_publisher_steal_partial_report (publisher);

      for (guint i = 0; partial != NULL && i < partial->entries->len; i++)
        {
          VpPublishEntry *entry = g_ptr_array_index (partial->entries, i);

          g_string_append_printf (out, "%s: %s %s\n", target->name,
                                  publish_action_label (entry->action), entry->href);
        }
      print_error ("%s", wait.error->message);
      g_error_free (wait.error);
      return EXIT_FAILURE_;
    }

  for (guint i = 0; i < wait.report->entries->len; i++)
    {
      VpPublishEntry *entry = g_ptr_array_index (wait.report->entries, i);

      g_string_append_printf (out, "%s: %s %s", target->name,
                              publish_action_label (entry->action), entry->href);
      if (entry->action == VP_PUBLISH_CONFLICT)
        {
          g_string_append (out, _(": changed on the server since the last publish: left as it "
                                  "is (publish --force overwrites it)"));
          status = EXIT_PROBLEMS;
        }
      g_string_append_c (out, '\n');
    }
  summary = vp_publish_report_summary (wait.report);
  g_string_append_printf (out, "%s: %s\n", target->name, summary);
  vp_publish_report_free (wait.report);

  return status;
}

/* publish PROGRAMME [--target NAME] [--force] */
static int
command_publish (CliContext *context)
{
  static const char * const flags[] = { "--force", NULL };
  static const char * const valued[] = { "--target", NULL };
  const Command *command = find_command ("publish");
  g_auto(Arguments) arguments = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VpStore) store = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *problem = NULL;
  const char *name;
  gboolean force;
  guint interrupt_id;
  int status = EXIT_OK;
  gint64 id;

  if (!parse_arguments (context, flags, valued, &arguments, &problem))
    return usage_error (command, problem);
  if (arguments.positional->len != 1)
    return usage_error (command, _("publish takes one programme"));
  name = g_hash_table_lookup (arguments.options, "--target");
  force = g_hash_table_contains (arguments.options, "--force");

  store = open_store (context, &error);
  if (store == NULL ||
      (id = vp_store_find_programme (store, g_ptr_array_index (arguments.positional, 0),
                                     &error)) == 0 ||
      (snapshot = vp_store_load_snapshot (store, id, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }

  if (name != NULL)
    {
      VpPublishTarget *target = vp_store_get_publish_target (store, id, name, &error);

      if (target != NULL)
        {
          targets = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_publish_target_free);
          g_ptr_array_add (targets, target);
        }
    }
  else
    targets = vp_store_get_publish_targets (store, id, &error);
  if (targets == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILURE_;
    }
  if (targets->len == 0)
    {
      print_error ("%s", _("the programme has no publish target: add one with “target add”"));
      return EXIT_FAILURE_;
    }

  /* Ctrl+C stops at the next request; what was done is kept */
  interrupt_id = g_unix_signal_add (SIGINT, publish_interrupted_cb, cancellable);

  for (guint i = 0; i < targets->len; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      int target_status = publish_target (store, snapshot, g_ptr_array_index (targets, i), force,
                                          cancellable, out);

      bytes = g_string_free_to_bytes (g_steal_pointer (&out));
      if (!write_output (NULL, bytes, &error))
        {
          print_error ("%s", error->message);
          target_status = EXIT_FAILURE_;
          g_clear_error (&error);
        }
      status = MAX (status, target_status);
    }

  g_source_remove (interrupt_id);
  return status;
}

/* Dispatch {{{1 */

static const Command commands[] = {
  { "list", "list [--json]",
    N_("List the programmes: id, uid, first and last day, title"), command_list },
  { "import", "import FILE [--update] [--dry-run [--json]]",
    N_("Import a programme document; --update updates the stored programme with the same uid; "
       "--dry-run prints what the import would change and writes nothing"),
    command_import },
  { "export", "export PROGRAMME [-o FILE]",
    N_("Write a programme document (to standard output without -o, or with -o -)"),
    command_export },
  { "import-csv",
    "import-csv PROGRAMME participants|hosts|organisations FILE [--dry-run [--json]]",
    N_("Add or update participants (matched by id or email), hosts (by id or name) or "
       "organisations (by id or name however spelt) from a spreadsheet saved as CSV; exit "
       "status 1 when rows were skipped; --dry-run prints what the import would change and "
       "writes nothing"),
    command_import_csv },
  { "export-csv", "export-csv PROGRAMME participants|hosts|organisations [-o FILE]",
    N_("Write the participants, hosts or organisations as CSV for a spreadsheet"),
    command_export_csv },
  { "import-ics", "import-ics PROGRAMME FILE [--dry-run [--json]]",
    N_("Add the events of an iCalendar file as sessions, or update those with the same UID when "
       "their SEQUENCE is higher; exit status 1 when events were skipped; --dry-run prints what "
       "the import would change and writes nothing"),
    command_import_ics },
  { "ics",
    "ics PROGRAMME [--participant P | --host H] [--language CODE] [-o FILE] | "
    "ics PROGRAMME --each-participant DIR [--language CODE]",
    N_("Write a calendar (iCalendar): every session, one participant’s (by email or id), "
       "one host’s, or one file per participant in DIR; --language (en, de, fr, fi, lt, sv): "
       "the language of its titles and descriptions, by default the participant’s or "
       "host’s, else the user’s"),
    command_ics },
  { "check", "check PROGRAMME [--json]",
    N_("Check a programme: double bookings, travel time, capacities, the ClusterXChange rules; "
       "exit status 1 when there is an error"),
    command_check },
  { "budget", "budget PROGRAMME [--json | --csv]",
    N_("What each visiting organisation may claim under the ClusterXChange rules: working "
       "days, distance, full or halved, amount and why; the total; what is still unknown"),
    command_budget },
  { "evidence",
    "evidence PROGRAMME [--json] | evidence PROGRAMME ORGANISATION ITEM "
    "[--received DATE | --clear]",
    N_("The closing kit: per visiting organisation the scheme funds, the items still missing "
       "and those received, with their days; exit status 1 when something is missing after "
       "the day it was due.  With an organisation (its uid or name) and an item, record the "
       "item as received (today without --received) or, with --clear, as not received"),
    command_evidence },
  { "pdf",
    "pdf PROGRAMME [--participant P | --host H | --organisation ORGANISATION] "
    "[--layout agenda|host-sheet|contacts|budget|attendance|certificate|catering|rooming|badges|"
    "quality-commitment] [--day YYYY-MM-DD] [--paper a4|letter] [--language CODE] -o FILE",
    N_("Write a printable PDF: the agenda (of the group, or one participant’s by email or id), "
       "a host sheet (--host, the host’s id), the coordinator’s contact sheet, the "
       "ClusterXChange grant sheet (budget), the attendance sheets to sign (of every day, or "
       "--day’s), the certificates of attendance (every participant’s, or --participant’s), "
       "the catering sheet (meals and dietary needs, site visits and access needs), the rooming "
       "list (hotel stays), name badges or the draft Commitment to Quality of each visiting "
       "organisation (quality-commitment; of one with --organisation, its uid or name); A4 by "
       "default; --language (en, de, fr, fi, lt, sv): the document’s language, by default the "
       "host’s for a host sheet and the participant’s for their agenda or certificate, else "
       "the user’s; -o - writes it to standard output"),
    command_pdf },
  { "consent", "consent PROGRAMME PARTICIPANT [--give | --withdraw] FIELD...",
    N_("Give or withdraw a participant’s consent (by email or id) to dietary, accessibility, "
       "emergency-contact, share-with-hosts or share-with-participants; withdrawing erases "
       "what it allowed at once; without a field, show their consent"),
    command_consent },
  { "purge", "purge [PROGRAMME] [--dry-run]",
    N_("Erase the personal data of the programmes past their retention date (emails, phones, "
       "needs, emergency contacts, notes, travel references, stays), keeping names, "
       "organisations and who attended what; --dry-run lists it and changes nothing"),
    command_purge },
  { "person", "person export EMAIL [-o FILE] | person erase EMAIL [--yes]",
    N_("Everything held about a person in every programme, as JSON with a readable summary "
       "(exit status 2 when nobody has that email); or erase it everywhere, backups and "
       "write-ahead log included: without --yes it lists what would go and changes nothing "
       "(exit status 1)"),
    command_person },
  { "target",
    "target add PROGRAMME NAME caldav|webdav URL [--user USER] [--password-env VAR] "
    "[--ca-file FILE] [--per-participant] [--per-host] | target list PROGRAMME [--json] | "
    "target remove PROGRAMME NAME",
    N_("Add, list or remove the places a programme’s calendars are published to: a CalDAV "
       "calendar home or a WebDAV folder; the password comes from the variable VAR at each "
       "publish, else from the keyring"),
    command_target },
  { "publish", "publish PROGRAMME [--target NAME] [--force]",
    N_("Publish the programme’s calendars to its targets (or one): only what changed; what "
       "someone else changed on the server is left alone (exit status 1) unless --force"),
    command_publish },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static void
print_help (void)
{
  printf ("%s\n\n", _("Usage: visit-planner-cli [--database FILE] COMMAND [ARGS…]"));
  printf ("%s\n\n", _("Plan group visits between clusters from the command line."));
  printf ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %s\n      %s\n", commands[i].usage, _(commands[i].summary));
  printf ("\n%s\n", _("Options:"));
  printf ("  --database FILE\n      %s\n",
          _("The database (default: $VISIT_PLANNER_DATABASE, else "
            "$XDG_DATA_HOME/visit-planner/visits.db)"));
  printf ("  -h, --help\n      %s\n", _("Show this help"));
  printf ("  --version\n      %s\n", _("Show the version"));
  printf ("\n%s\n", _("PROGRAMME is a programme’s numeric id or its uid."));
  printf ("%s\n", _("-o FILE writes to FILE (whole or not at all); -o - writes to standard "
                    "output. No output may be the database, its journal or a backup of it."));
  printf ("%s\n",
          _("Exit status: 0 success; 1 problems found; 2 bad usage, bad input or a failure."));
}

int
main (int   argc,
      char *argv[])
{
  CliContext context = { NULL, NULL, 0 };
  const Command *command;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* libical's settings, once, before any of its work */
  vp_ical_init ();

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("visit-planner-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            return usage_error (NULL, _("--database needs a file"));
          context.database = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        context.database = arg + strlen ("--database=");
      else if (arg[0] == '-')
        {
          g_autofree char *problem = g_strdup_printf (_("unknown option “%s”"), arg);
          return usage_error (NULL, problem);
        }
      else
        break;
    }

  if (i >= argc)
    return usage_error (NULL, _("no command given"));

  command = find_command (argv[i]);
  if (command == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (argv[i], MIN (strlen (argv[i]), 80));
      g_autofree char *problem = g_strdup_printf (_("unknown command “%s”"), shown);

      return usage_error (NULL, problem);
    }

  /* "COMMAND --help" explains the command. */
  for (int j = i + 1; j < argc; j++)
    if (g_str_equal (argv[j], "--help") || g_str_equal (argv[j], "-h"))
      {
        printf (_("Usage: visit-planner-cli [--database FILE] %s\n"), command->usage);
        printf ("%s\n", _(command->summary));
        return EXIT_OK;
      }

  context.args = argv + i + 1;
  context.n_args = argc - i - 1;

  return command->run (&context);
}

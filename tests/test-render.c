/* test-render.c: the printed layouts: pagination, page breaks and margins, without a display. */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "vp-print-document-private.h"
#include "vp-print-pdf.h"
#include "vp-programme-format.h"
#include "vp-render-enum-types.h"
#include "vp-time.h"

/* Ink may reach this far past the margins (anti-aliasing of a rule's edge). */
#define SLACK 0.2
#define SCALE 10.0

typedef struct
{
  double width;
  double height;
  double top;
  double right;
  double bottom;
  double left;
} Paper;

static void
get_paper (VpPaperSize  size,
           Paper       *paper)
{
  vp_paper_size_get_size (size, &paper->width, &paper->height);
  vp_paper_size_get_margins (size, &paper->top, &paper->right, &paper->bottom, &paper->left);
}

static VpSnapshot *
load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "vilnius-2027.visit.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  VpSnapshot *snapshot;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);

  return snapshot;
}

static PangoContext *
new_context (void)
{
  return pango_font_map_create_context (pango_cairo_font_map_get_default ());
}

static VpPrintDocument *
new_document (VpSnapshot    *snapshot,
              VpPrintLayout  layout,
              const char    *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_utc (2027, 4, 1, 9, 0, 0);
  VpPrintDocument *document = vp_print_document_new (snapshot, layout, subject, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  vp_print_document_set_printed (document, printed);

  return document;
}

static guint
paginate (VpPrintDocument *document,
          const Paper     *paper)
{
  PangoContext *context = new_context ();
  guint n = vp_print_document_paginate (document, context, paper->width, paper->height,
                                        paper->top, paper->right, paper->bottom, paper->left);

  g_object_unref (context);
  return n;
}

/* Every page's ink lies inside the margins. */
static void
assert_pages_within_margins (VpPrintDocument *document,
                             const Paper     *paper)
{
  guint n = vp_print_document_get_n_pages (document);

  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, width, height;

      /* Ink extents come in whole device units: ten to a point. */
      cairo_scale (cr, SCALE, SCALE);
      vp_print_document_draw_page (document, cr, i);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
      cairo_surface_destroy (surface);
      x /= SCALE;
      y /= SCALE;
      width /= SCALE;
      height /= SCALE;

      if (x < paper->left - SLACK || y < paper->top - SLACK ||
          x + width > paper->width - paper->right + SLACK ||
          y + height > paper->height - paper->bottom + SLACK)
        g_error ("page %u of %u: ink %.1f,%.1f %.1f×%.1f outside the margins "
                 "(%.1f,%.1f to %.1f,%.1f)", i + 1, n, x, y, width, height,
                 paper->left, paper->top, paper->width - paper->right,
                 paper->height - paper->bottom);
    }
}

typedef struct
{
  gboolean heading;
  char    *tag;
  double   from;
  double   to;
  double   height;
  gboolean forced;
  gboolean repeat;
} Part;

static void
part_clear (Part *part)
{
  g_free (part->tag);
}

/* The blocks on each page, as the document describes them. */
static GPtrArray *
describe_pages (VpPrintDocument *document)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  guint n = vp_print_document_get_n_pages (document);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = vp_print_document_describe_page (document, i);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      GArray *parts = g_array_new (FALSE, TRUE, sizeof (Part));

      g_array_set_clear_func (parts, (GDestroyNotify)part_clear);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          char kind[16], tag[128];
          Part part = { 0, };
          double y;

          if (*lines[j] == '\0')
            continue;
          g_assert_cmpint (sscanf (lines[j], "%15s %127s %lf-%lf/%lf at %lf", kind, tag,
                                   &part.from, &part.to, &part.height, &y), ==, 6);
          part.heading = g_str_equal (kind, "heading");
          part.tag = g_strdup (tag);
          part.forced = strstr (lines[j], " forced") != NULL;
          part.repeat = strstr (lines[j], " repeat") != NULL;
          g_array_append_val (parts, part);
        }
      g_ptr_array_add (pages, parts);
    }

  return pages;
}

/* Every block is drawn once, whole or in parts that follow on from each
 * other; no page ends with a heading; nothing was cut where it had no break. */
static void
assert_clean_flow (VpPrintDocument *document)
{
  g_autoptr(GPtrArray) pages = describe_pages (document);
  const Part *previous = NULL;

  g_assert_cmpuint (pages->len, >=, 1);
  for (guint i = 0; i < pages->len; i++)
    {
      GArray *parts = g_ptr_array_index (pages, i);

      g_assert_cmpuint (parts->len, >, 0);
      for (guint j = 0; j < parts->len; j++)
        {
          const Part *part = &g_array_index (parts, Part, j);

          g_assert_false (part->forced);
          if (part->repeat)
            {
              g_assert_cmpuint (j, ==, 0);
              continue;
            }
          if (previous != NULL && previous->to < previous->height - 0.01)
            {
              /* The rest of a block split at the end of the page before. */
              g_assert_cmpuint (j, <=, 1);
              g_assert_cmpstr (part->tag, ==, previous->tag);
              g_assert_cmpfloat_with_epsilon (part->from, previous->to, 0.01);
            }
          else
            g_assert_cmpfloat (part->from, ==, 0);
          previous = part;
        }

      if (i + 1 < pages->len)
        {
          const Part *last = &g_array_index (parts, Part, parts->len - 1);

          if (last->heading)
            g_error ("page %u of %u ends with the heading %s", i + 1, pages->len, last->tag);
        }
    }
  g_assert_nonnull (previous);
  g_assert_cmpfloat_with_epsilon (previous->to, previous->height, 0.01);
}

/* Tests {{{1 */

typedef struct
{
  VpPrintLayout  layout;
  const char    *subject;
} Case;

static const Case demo_cases[] = {
  { VP_PRINT_LAYOUT_AGENDA, NULL },
  { VP_PRINT_LAYOUT_AGENDA, "sanna.hoglund@tampere-photonics.example" },
  { VP_PRINT_LAYOUT_AGENDA, "antti-korhonen" },
  { VP_PRINT_LAYOUT_HOST_SHEET, "femtolux" },
  { VP_PRINT_LAYOUT_HOST_SHEET, "laser-cluster" },
  { VP_PRINT_LAYOUT_CONTACTS, NULL },
  { VP_PRINT_LAYOUT_BUDGET, NULL },
  { VP_PRINT_LAYOUT_CATERING, NULL },
  { VP_PRINT_LAYOUT_ROOMING, NULL },
  { VP_PRINT_LAYOUT_BADGES, NULL },
};

static void
test_demo_layouts (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      Paper paper;

      get_paper (paper_size, &paper);
      for (guint i = 0; i < G_N_ELEMENTS (demo_cases); i++)
        {
          g_autoptr(VpPrintDocument) document = new_document (snapshot, demo_cases[i].layout,
                                                              demo_cases[i].subject);
          guint n = paginate (document, &paper);

          g_test_message ("%s %s on %s: %u pages",
                          vp_enum_to_nick (VP_TYPE_PRINT_LAYOUT, demo_cases[i].layout),
                          demo_cases[i].subject != NULL ? demo_cases[i].subject : "-",
                          vp_enum_to_nick (VP_TYPE_PAPER_SIZE, paper_size), n);
          g_assert_cmpuint (n, >=, 1);
          g_assert_cmpuint (n, <=, 6);
          g_assert_cmpuint (vp_print_document_get_n_pages (document), ==, n);
          /* The same again: pagination is stable. */
          g_assert_cmpuint (paginate (document, &paper), ==, n);
          assert_clean_flow (document);
          assert_pages_within_margins (document, &paper);
        }
    }
}

/* The whole programme's agenda holds every session, a participant's only
 * theirs. */
static void
test_participant_sessions (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  VpParticipant *antti = vp_snapshot_lookup_participant (snapshot, "antti-korhonen");
  Paper paper;

  get_paper (VP_PAPER_SIZE_A4, &paper);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_AGENDA,
                                                          round == 0 ? NULL : "antti-korhonen");
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      guint expected = 0;

      paginate (document, &paper);
      pages = describe_pages (document);
      for (guint i = 0; i < pages->len; i++)
        {
          GArray *parts = g_ptr_array_index (pages, i);

          for (guint j = 0; j < parts->len; j++)
            {
              const Part *part = &g_array_index (parts, Part, j);

              if (g_str_has_prefix (part->tag, "session:"))
                g_hash_table_add (seen, g_strdup (part->tag + strlen ("session:")));
            }
        }

      for (guint i = 0; i < sessions->len; i++)
        {
          VpSession *session = g_ptr_array_index (sessions, i);
          gboolean attends = vp_session_get_attendees_all (session);
          GPtrArray *refs = vp_session_get_attendees (session);

          for (guint j = 0; j < refs->len; j++)
            attends |= g_str_equal (g_ptr_array_index (refs, j), vp_participant_get_ref (antti));
          if (round == 0 || attends)
            {
              g_assert_true (g_hash_table_contains (seen, vp_session_get_uid (session)));
              expected++;
            }
          else
            g_assert_false (g_hash_table_contains (seen, vp_session_get_uid (session)));
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, expected);
    }
}

/* A 300-character title and a 5,000-character description: split between
 * lines over as many pages as they need, never past the margins. */
static void
test_long_session (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  VpSession *session = g_ptr_array_index (sessions, 1);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *title_text = NULL;

  /* Lithuanian, Finnish, French and German words, and one word longer than
   * a line. */
  while (title->len < 300)
    g_string_append (title, "Šviesolaidžių gamyba ja yhteistyö – "
                            "l’optique à Kaunas, Größe ");
  title_text = g_utf8_substring (title->str, 0, 300);
  for (guint i = 0; description->len < 5000; i++)
    {
      g_string_append_printf (description, "w%04u ", i);
      if (i % 97 == 96)
        g_string_append (description, "\n\n");
      if (i == 300)
        {
          for (guint j = 0; j < 160; j++)
            g_string_append_c (description, 'x');
          g_string_append_c (description, ' ');
        }
    }
  g_string_truncate (description, 5000);
  vp_session_set_title (session, title_text);
  vp_session_set_description (session, description->str);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_AGENDA, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      g_autofree char *tag = g_strconcat ("session:", vp_session_get_uid (session), NULL);
      guint pages_with_it = 0;
      Paper paper;

      get_paper (paper_size, &paper);
      paginate (document, &paper);
      assert_clean_flow (document);
      assert_pages_within_margins (document, &paper);

      pages = describe_pages (document);
      for (guint i = 0; i < pages->len; i++)
        {
          GArray *parts = g_ptr_array_index (pages, i);

          for (guint j = 0; j < parts->len; j++)
            if (g_str_equal (g_array_index (parts, Part, j).tag, tag))
              {
                pages_with_it++;
                break;
              }
        }
      g_assert_cmpuint (pages_with_it, >=, 2);
    }
}

/* A session longer than three pages. */
static void
test_very_long_session (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  VpSession *session = g_ptr_array_index (vp_snapshot_get_sessions (snapshot), 0);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(VpPrintDocument) document = NULL;
  Paper paper;
  guint n;

  while (description->len < 20000)
    g_string_append (description, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n");
  vp_session_set_description (session, description->str);

  document = new_document (snapshot, VP_PRINT_LAYOUT_AGENDA, NULL);
  get_paper (VP_PAPER_SIZE_LETTER, &paper);
  n = paginate (document, &paper);
  g_assert_cmpuint (n, >=, 8);
  assert_clean_flow (document);
  assert_pages_within_margins (document, &paper);
}

/* Many days of sessions of every height: a day's heading never ends a page. */
static void
test_day_headings (void)
{
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GTimeZone) zone = vp_time_zone_new ("Europe/Vilnius", NULL);
  GRand *rand = g_rand_new_with_seed (20270413);

  vp_programme_set_title (programme, "Headings");
  vp_programme_set_timezone (programme, "Europe/Vilnius");
  vp_programme_set_start_date (programme, "2027-05-03");
  vp_programme_set_end_date (programme, "2027-06-30");
  snapshot = vp_snapshot_new (programme);

  for (guint day = 0; day < 40; day++)
    {
      guint n = g_rand_int_range (rand, 1, 7);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VpSession) session = vp_session_new ();
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *ref = g_strdup_printf ("s%u-%u", day, i);
          g_autofree char *uid = g_strdup_printf ("uid-%u-%u", day, i);
          VpLocalTime start = { 2027, 5, 3, 8 + i * 2, 0, 0 };
          gint64 instant;
          guint words = g_rand_int_range (rand, 0, 160);

          start.day += day;
          if (start.day > 31)
            {
              start.day -= 31;
              start.month++;
            }
          g_assert_true (vp_local_time_to_instant (&start, zone, &instant, NULL, NULL));
          for (guint w = 0; w < words; w++)
            g_string_append (text, w % 13 == 12 ? "paragraph.\n" : "words ");

          vp_session_set_ref (session, ref);
          vp_session_set_uid (session, uid);
          vp_session_set_title (session, ref);
          vp_session_set_instants (session, instant, instant + 5400);
          vp_session_set_description (session, text->str);
          g_assert_true (vp_snapshot_add_session (snapshot, session));
        }
    }
  vp_snapshot_sort_sessions (snapshot);
  g_rand_free (rand);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_AGENDA, NULL);
      Paper paper;

      get_paper (paper_size, &paper);
      g_assert_cmpuint (paginate (document, &paper), >=, 10);
      assert_clean_flow (document);
      assert_pages_within_margins (document, &paper);
    }
}

static void
test_subjects (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(GError) error = NULL;
  VpPrintDocument *document;

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_HOST_SHEET, NULL, &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NO_SUBJECT);
  g_assert_null (document);
  g_clear_error (&error);

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_HOST_SHEET, "nobody", &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_assert_null (document);
  g_clear_error (&error);

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_AGENDA, "no@one.example", &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT);
  g_assert_null (document);
  g_clear_error (&error);

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_CONTACTS, "femtolux", &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED);
  g_assert_null (document);
  g_clear_error (&error);

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_BUDGET, "antti-korhonen", &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED);
  g_assert_null (document);
  g_clear_error (&error);

  for (VpPrintLayout layout = VP_PRINT_LAYOUT_CATERING; layout <= VP_PRINT_LAYOUT_BADGES; layout++)
    {
      document = vp_print_document_new (snapshot, layout, "antti-korhonen", &error);
      g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED);
      g_assert_nonnull (strstr (error->message, vp_enum_to_nick (VP_TYPE_PRINT_LAYOUT, layout)));
      g_assert_null (document);
      g_clear_error (&error);
    }

  /* An email matches whatever its case. */
  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_AGENDA,
                                    "Sanna.Hoglund@Tampere-Photonics.example", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_object_unref (document);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_printed (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_CONTACTS, NULL);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2027, 4, 1, 9, 0, 0);
  g_autoptr(GDateTime) other = g_date_time_new_utc (2027, 4, 2, 9, 0, 0);
  guint notified = 0;

  g_signal_connect (document, "notify::printed", G_CALLBACK (notify_cb), &notified);
  vp_print_document_set_printed (document, same);
  g_assert_cmpuint (notified, ==, 0);
  vp_print_document_set_printed (document, other);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_date_time_equal (vp_print_document_get_printed (document), other));
}

/* Binary data: strstr would stop at the first NUL. */
static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size, length = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;

  return FALSE;
}

/* The PDF has the pages the pagination counted, on the paper asked for. */
static void
test_pdf (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-render-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_AGENDA, NULL);
      g_autoptr(GBytes) bytes = NULL;
      guint n = 0;

      bytes = vp_print_document_write_pdf (document, paper_size, &n, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, vp_print_document_get_n_pages (document));
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
      g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5), ==, 0);

      /* The page size: cairo writes it as the MediaBox. */
      g_assert_true (bytes_contain (bytes, paper_size == VP_PAPER_SIZE_LETTER
                                           ? "/MediaBox [ 0 0 612 792 ]"
                                           : "/MediaBox [ 0 0 595.275591 841.889764 ]"));
    }

  path = g_build_filename (folder, "agenda.pdf", NULL);
  g_assert_true (vp_print_write_pdf (snapshot, VP_PRINT_LAYOUT_CONTACTS, NULL, NULL,
                                     VP_PAPER_SIZE_A4, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (memcmp (contents, "%PDF-", 5), ==, 0);
  g_unlink (path);

  /* A failure leaves nothing behind. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (folder, "missing", "agenda.pdf", NULL);
  g_assert_false (vp_print_write_pdf (snapshot, VP_PRINT_LAYOUT_AGENDA, NULL, NULL,
                                      VP_PAPER_SIZE_A4, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (folder);
}

/* Grant sheet {{{1 */

/* A week in Vilnius visited by @count organisations of one person each,
 * whose names are 80 characters long. */
static VpSnapshot *
load_organisations (guint count)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot;

  g_string_append (json,
                   "{\"format\": \"visit-planner-programme\", \"version\": 2,"
                   " \"programme\": {\"uid\": \"grant\", \"title\": \"Grant\","
                   " \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\","
                   " \"start_date\": \"2027-05-10\", \"end_date\": \"2027-05-14\","
                   " \"lump_sum_eur\": 1000},"
                   " \"hosts\": [{\"id\": \"alpha\", \"name\": \"Alpha Photonics\","
                   " \"latitude\": 54.6872, \"longitude\": 25.2797}],"
                   " \"sessions\": [");
  for (guint day = 10; day <= 14; day++)
    g_string_append_printf (json,
                            "%s{\"id\": \"s%u\", \"title\": \"Meeting\", \"kind\": "
                            "\"meeting\", \"start\": \"2027-05-%uT10:00\", "
                            "\"end\": \"2027-05-%uT12:00\", \"host\": \"alpha\"}",
                            day > 10 ? ", " : "", day, day, day);
  g_string_append (json, "], \"organisations\": [");
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *long_name = g_strdup_printf ("Organisation %03u Pohjois-Karjalan Fotoniikan "
                                                    "ja Optoelektroniikan Kehittämiskeskus Oy", i);
      g_autofree char *name = g_utf8_substring (long_name, 0, 80);

      g_assert_cmpint (g_utf8_strlen (name, -1), ==, 80);
      g_string_append_printf (json,
                              "%s{\"id\": \"o%u\", \"name\": \"%s\", \"kind\": \"%s\", "
                              "\"country\": \"FI\", \"latitude\": %.4f, "
                              "\"longitude\": 25.2797}",
                              i > 0 ? ", " : "", i, name, i % 4 == 3 ? "research" : "sme",
                              55.0 + (i % 9) * 0.9);
    }
  g_string_append (json, "], \"participants\": [");
  for (guint i = 0; i < count; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"p%u\", \"name\": \"Person %u\", "
                            "\"organisation_id\": \"o%u\", \"travel\": ["
                            "{\"kind\": \"flight\", \"depart\": \"2027-05-09T18:00\", "
                            "\"arrive\": \"2027-05-09T21:00\"}, "
                            "{\"kind\": \"flight\", \"depart\": \"2027-05-15T09:00\", "
                            "\"arrive\": \"2027-05-15T11:00\"}]}",
                            i > 0 ? ", " : "", i, i, i);
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);

  return snapshot;
}

/* 200 organisations: each row whole on one page, and every page the table
 * goes on to starts with its column titles. */
static void
test_budget_many (void)
{
  g_autoptr(VpSnapshot) snapshot = load_organisations (200);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_BUDGET, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      guint rows = 0;
      guint row_pages = 0;
      Paper paper;

      get_paper (paper_size, &paper);
      g_assert_cmpuint (paginate (document, &paper), >=, 10);
      assert_clean_flow (document);
      assert_pages_within_margins (document, &paper);

      pages = describe_pages (document);
      for (guint i = 0; i < pages->len; i++)
        {
          GArray *parts = g_ptr_array_index (pages, i);
          gboolean has_rows = FALSE;

          for (guint j = 0; j < parts->len; j++)
            {
              const Part *part = &g_array_index (parts, Part, j);

              if (!g_str_equal (part->tag, "row"))
                continue;
              /* A row is never split between pages. */
              g_assert_cmpfloat (part->from, ==, 0);
              g_assert_cmpfloat_with_epsilon (part->to, part->height, 0.01);
              has_rows = TRUE;
              rows++;
            }
          if (has_rows && i > 0)
            {
              const Part *first = &g_array_index (parts, Part, 0);

              g_assert_cmpstr (first->tag, ==, "table-header");
              g_assert_true (first->repeat);
            }
          row_pages += has_rows;
        }
      g_assert_cmpuint (rows, ==, 200);
      g_assert_cmpuint (row_pages, >=, 10);
    }
}

/* The sheet prints the budget it is given, not one of its own. */
static void
test_budget_given (void)
{
  g_autoptr(VpSnapshot) demo = load_demo ();
  g_autoptr(VpSnapshot) many = load_organisations (60);
  g_autoptr(VpBudget) budget = vp_budget_new (many, NULL);
  g_autoptr(VpPrintDocument) document = new_document (demo, VP_PRINT_LAYOUT_BUDGET, NULL);
  guint notified = 0;
  guint own, given;
  Paper paper;

  get_paper (VP_PAPER_SIZE_A4, &paper);
  g_assert_null (vp_print_document_get_budget (document));
  own = paginate (document, &paper);

  g_signal_connect (document, "notify::budget", G_CALLBACK (notify_cb), &notified);
  vp_print_document_set_budget (document, budget);
  vp_print_document_set_budget (document, budget);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (vp_print_document_get_budget (document) == budget);
  given = paginate (document, &paper);
  g_assert_cmpuint (given, >, own);
  assert_clean_flow (document);

  vp_print_document_set_budget (document, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (paginate (document, &paper), ==, own);
}

/* Catering, rooming, badges {{{1 */

/* Names in the four scripts the sheets must set: Lithuanian, Finnish,
 * Greek, Arabic. */
static const char * const people_names[] = {
  "Žydrūnė Šimkūnaitė-Čepulionienė",
  "Väinö Äijälä-Öhrnberg",
  "Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου",
  "عبد الرحمن بن محمد الحسيني",
};

/* Participant @i's name: every fifth one 80 characters long. */
static char *
person_name (guint i)
{
  g_autofree char *name = g_strdup_printf ("%s %03u", people_names[i % 4], i);
  g_autofree char *doubled = NULL;

  if (i % 5 != 3)
    return g_steal_pointer (&name);

  doubled = g_strdup_printf ("%s %s %s %s", name, people_names[(i + 1) % 4],
                             people_names[(i + 2) % 4], people_names[(i + 3) % 4]);
  g_assert_cmpint (g_utf8_strlen (doubled, -1), >=, 80);
  return g_utf8_substring (doubled, 0, 80);
}

/* A week with @count participants named in four scripts (some with names
 * of 80 characters), their dietary and access needs, a phone, email and
 * emergency contact each, stays in three hotels from days before the
 * programme to days after it; lunches for all, dinners and visits for
 * some, a cancelled meal, and a description of 5,000 characters. */
static VpSnapshot *
load_people (guint count)
{
  static const char * const diets[] = { "vegetarian", "Vegetarian ", "halal", "gluten-free" };
  static const char * const hotels[] = { "Hotel Neris Riverside", "Ąžuolynas Guest House",
                                         "Ξενοδοχείο Ακρόπολις" };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot;

  while (description->len < 5000)
    g_string_append_printf (description, "d%04u ", (guint)(description->len / 6));
  g_string_truncate (description, 5000);

  g_string_append_printf (json,
                          "{\"format\": \"visit-planner-programme\", \"version\": 2,"
                          " \"programme\": {\"uid\": \"people\", \"title\": \"Stress: Ąžuolų "
                          "savaitė, valokuitupäivät ja Φωτονική\", \"description\": \"%s\","
                          " \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\","
                          " \"start_date\": \"2027-05-10\", \"end_date\": \"2027-05-14\"},"
                          " \"hosts\": [{\"id\": \"alpha\", \"name\": \"Alpha Photonics\","
                          " \"phone\": \"+370 5 210 4410\"}],"
                          " \"sessions\": [", description->str);
  for (guint day = 10; day <= 14; day++)
    {
      g_autoptr(GString) some = g_string_new (NULL);

      for (guint i = day % 2; i < count; i += 2)
        g_string_append_printf (some, "%s\"p%03u\"", some->len > 0 ? ", " : "", i);
      g_string_append_printf (json,
                              "%s{\"id\": \"lunch%u\", \"title\": \"Lunch\", \"kind\": \"meal\", "
                              "\"start\": \"2027-05-%uT12:00\", \"end\": \"2027-05-%uT13:00\", "
                              "\"host\": \"alpha\", \"description\": \"%s\"}, "
                              "{\"id\": \"dinner%u\", \"title\": \"Dinner\", \"kind\": \"meal\", "
                              "\"start\": \"2027-05-%uT19:00\", \"end\": \"2027-05-%uT21:00\", "
                              "\"attendees\": [%s]}, "
                              "{\"id\": \"visit%u\", \"title\": \"Site visit\", \"kind\": "
                              "\"visit\", \"start\": \"2027-05-%uT14:00\", "
                              "\"end\": \"2027-05-%uT16:00\", \"host\": \"alpha\", "
                              "\"attendees\": [%s]}",
                              day > 10 ? ", " : "", day, day, day, description->str,
                              day, day, day, some->str, day, day, day, some->str);
    }
  g_string_append (json, ", {\"id\": \"breakfast\", \"title\": \"Breakfast\", \"kind\": "
                         "\"meal\", \"status\": \"cancelled\", \"start\": \"2027-05-10T08:00\", "
                         "\"end\": \"2027-05-10T09:00\"}");
  g_string_append (json, "], \"participants\": [");
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *name = person_name (i);

      g_string_append_printf (json,
                              "%s{\"id\": \"p%03u\", \"name\": \"%s\", "
                              "\"email\": \"p%03u@example.org\", \"phone\": \"+370 600 %05u\", "
                              "\"emergency_contact\": \"Kin %03u +358 40 %06u\", "
                              "\"country\": \"%s\", \"organisation\": \"Organisation %u\", "
                              "\"dietary\": \"%s\", \"accessibility\": \"%s\", "
                              "\"accommodation\": [{\"name\": \"%s\", "
                              "\"check_in\": \"2027-05-%02u\", \"check_out\": \"2027-05-%02u\"}]}",
                              i > 0 ? ", " : "", i, name, i, i, i, i,
                              i % 3 == 0 ? "LT" : i % 3 == 1 ? "FI" : "GR", i % 17,
                              i % 3 == 0 ? diets[i % G_N_ELEMENTS (diets)] : "",
                              i % 7 == 0 ? "wheelchair user: step-free access" : "",
                              hotels[i % G_N_ELEMENTS (hotels)], 7 + i % 3, 15 + i % 4);
    }
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);

  return snapshot;
}

/* The new layouts on a programme of 200 people: every page within the
 * margins, nothing cut where it had no break, no page empty. */
static void
test_sheets_stress (void)
{
  g_autoptr(VpSnapshot) snapshot = load_people (200);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    for (VpPrintLayout layout = VP_PRINT_LAYOUT_CATERING; layout <= VP_PRINT_LAYOUT_BADGES;
         layout++)
      {
        g_autoptr(VpPrintDocument) document = new_document (snapshot, layout, NULL);
        Paper paper;
        guint n;

        get_paper (paper_size, &paper);
        n = paginate (document, &paper);
        g_test_message ("%s on %s: %u pages", vp_enum_to_nick (VP_TYPE_PRINT_LAYOUT, layout),
                        vp_enum_to_nick (VP_TYPE_PAPER_SIZE, paper_size), n);
        g_assert_cmpuint (n, >=, 3);
        assert_clean_flow (document);
        assert_pages_within_margins (document, &paper);
      }
}

/* Whether page @page_nr of @document puts ink in @n rectangles (x, y,
 * width, height, each four doubles) minus, when @holes, the @n rectangles
 * that follow them (one inside each). */
static gboolean
has_ink_in (VpPrintDocument *document,
            guint            page_nr,
            const double    *rectangles,
            guint            n,
            gboolean         holes)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, width, height;

  cairo_scale (cr, SCALE, SCALE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint i = 0; i < (holes ? 2 * n : n); i++)
    cairo_rectangle (cr, rectangles[4 * i], rectangles[4 * i + 1], rectangles[4 * i + 2],
                     rectangles[4 * i + 3]);
  cairo_clip (cr);
  vp_print_document_draw_page (document, cr, page_nr);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
  cairo_surface_destroy (surface);

  return width > 0 && height > 0;
}

/* The cell of badge @index of a page of @columns × @rows on @document's
 * body, inset by @inset. */
static void
badge_cell (VpPrintDocument *document,
            guint            index,
            guint            columns,
            guint            rows,
            double           inset,
            double          *rectangle)
{
  double x, y, width, height;

  vp_print_document_get_body (document, &x, &y, &width, &height);
  rectangle[0] = x + (index % columns) * width / columns + inset;
  rectangle[1] = y + (index / columns) * height / rows + inset;
  rectangle[2] = width / columns - 2 * inset;
  rectangle[3] = height / rows - 2 * inset;
}

/* Eight badges to an A4 page (two by four), six to a Letter page (two by
 * three): as many pages as that takes and no more, each badge in its cell
 * of the grid that fills the page's body, the cells after the last badge
 * empty; no text in the strip inside each badge's edges, where text that
 * ran out of its badge would be. */
static void
test_badges_pages (void)
{
  static const guint counts[] = { 1, 7, 8, 9, 12, 17, 48, 200 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(VpSnapshot) snapshot = load_people (counts[c]);

      for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
        {
          g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_BADGES,
                                                              NULL);
          guint columns = 2;
          guint rows = paper_size == VP_PAPER_SIZE_A4 ? 4 : 3;
          guint per_page = columns * rows;
          guint n_pages;
          guint badges = 0;
          Paper paper;

          get_paper (paper_size, &paper);
          n_pages = paginate (document, &paper);
          g_assert_cmpuint (n_pages, ==, (counts[c] + per_page - 1) / per_page);
          assert_clean_flow (document);
          assert_pages_within_margins (document, &paper);

          for (guint page = 0; page < n_pages; page++)
            {
              g_autofree char *description = vp_print_document_describe_page (document, page);
              g_auto(GStrv) lines = g_strsplit (description, "\n", -1);
              guint on_page = MIN (per_page, counts[c] - page * per_page);

              /* One grid, at the top of the body. */
              g_assert_cmpuint (g_strv_length (lines), ==, 2);
              g_assert_true (g_str_has_prefix (lines[0], "content badges 0.00-"));
              g_assert_true (g_str_has_suffix (lines[0], " at 0.00"));

              for (guint i = 0; i < per_page; i++)
                {
                  double inside[4];
                  double strip[8];

                  /* The badge's middle has ink (its name), or none after the last. */
                  badge_cell (document, i, columns, rows, 11, inside);
                  if (i < on_page)
                    g_assert_true (has_ink_in (document, page, inside, 1, FALSE));
                  else
                    g_assert_false (has_ink_in (document, page, inside, 1, FALSE));
                  badges += i < on_page;

                  /* The strip from 1 to 10 points inside its edges (outer
                   * rectangle, then inner: the even-odd rule leaves the
                   * strip): the cut lines lie outside it, the text inside. */
                  badge_cell (document, i, columns, rows, 1, strip);
                  badge_cell (document, i, columns, rows, 10, strip + 4);
                  if (has_ink_in (document, page, strip, 1, TRUE))
                    g_error ("%u people on %s: page %u, badge %u: ink in the strip inside its "
                             "edges", counts[c], vp_enum_to_nick (VP_TYPE_PAPER_SIZE, paper_size),
                             page + 1, i + 1);
                }
            }
          g_assert_cmpuint (badges, ==, counts[c]);
        }
    }
}

/* A programme without participants: one page that says so, not an empty one. */
static void
test_badges_none (void)
{
  g_autoptr(VpSnapshot) snapshot = load_people (0);
  g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_BADGES, NULL);
  g_autofree char *description = NULL;
  Paper paper;

  get_paper (VP_PAPER_SIZE_A4, &paper);
  g_assert_cmpuint (paginate (document, &paper), ==, 1);
  description = vp_print_document_describe_page (document, 0);
  g_assert_true (g_str_has_prefix (description, "content paragraph "));
}

/* Commitment to Quality {{{1 */

/* Every visiting organisation's draft starts a page: the title of each is
 * the first thing on its page; returns how many there are. */
static guint
count_commitments (VpPrintDocument *document)
{
  g_autoptr(GPtrArray) pages = describe_pages (document);
  guint titles = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      GArray *parts = g_ptr_array_index (pages, i);

      for (guint j = 0; j < parts->len; j++)
        {
          const Part *part = &g_array_index (parts, Part, j);

          if (!g_str_equal (part->tag, "commitment-title"))
            continue;
          if (j != 0)
            g_error ("page %u: a Commitment to Quality starts below %s", i + 1,
                     g_array_index (parts, Part, 0).tag);
          g_assert_cmpfloat (part->from, ==, 0);
          titles++;
        }
      /* the signatures stay whole */
      for (guint j = 0; j < parts->len; j++)
        {
          const Part *part = &g_array_index (parts, Part, j);

          if (g_str_equal (part->tag, "commitment-signatures"))
            {
              g_assert_cmpfloat (part->from, ==, 0);
              g_assert_cmpfloat_with_epsilon (part->to, part->height, 0.01);
            }
        }
    }
  return titles;
}

static void
test_commitment_demo (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) all = new_document (snapshot,
                                                     VP_PRINT_LAYOUT_QUALITY_COMMITMENT, NULL);
      g_autoptr(VpPrintDocument) one = new_document (snapshot,
                                                     VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
                                                     "LUMIRAY  oy");
      Paper paper;
      guint n;

      get_paper (paper_size, &paper);
      n = paginate (all, &paper);
      g_test_message ("quality-commitment on %s: %u pages",
                      vp_enum_to_nick (VP_TYPE_PAPER_SIZE, paper_size), n);
      g_assert_cmpuint (paginate (all, &paper), ==, n);
      assert_clean_flow (all);
      assert_pages_within_margins (all, &paper);
      /* every organisation of the demo has people: one draft each */
      g_assert_cmpuint (count_commitments (all), ==, organisations->len);
      g_assert_cmpuint (n, >=, organisations->len);

      g_assert_cmpuint (paginate (one, &paper), <, n);
      assert_clean_flow (one);
      assert_pages_within_margins (one, &paper);
      g_assert_cmpuint (count_commitments (one), ==, 1);
    }
}

static void
test_commitment_subjects (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(GError) error = NULL;
  VpOrganisation *lumiray = vp_snapshot_lookup_organisation_by_name (snapshot, "Lumiray Oy");
  VpPrintDocument *document;

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_QUALITY_COMMITMENT, "nobody",
                                    &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_assert_null (document);
  g_clear_error (&error);

  /* by uid */
  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
                                    vp_organisation_get_uid (lumiray), &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_object_unref (document);

  /* no visiting organisation: one page that says so, not an empty one */
  {
    g_autoptr(VpSnapshot) empty = load_organisations (0);
    g_autoptr(VpPrintDocument) none = new_document (empty, VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
                                                    NULL);
    Paper paper;

    get_paper (VP_PAPER_SIZE_A4, &paper);
    g_assert_cmpuint (paginate (none, &paper), ==, 1);
    assert_clean_flow (none);
  }
}

/* 200 people of one organisation, names of 80 characters in Lithuanian,
 * Finnish, Greek and Arabic, goals of 5,000 characters, 120 sessions; a
 * second organisation, and a third with nobody, which is not a visiting
 * organisation. */
static VpSnapshot *
load_commitment_stress (void)
{
  static const char *names[] = {
    "Žygimantas Ąžuolaitis-Čiurlionis", "Päivikki Äijälä-Öhman", "Αικατερίνη Παπαδοπούλου",
    "عبد الرحمن بن محمد الهاشمي",
  };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) goals = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot;

  while (g_utf8_strlen (goals->str, -1) < 5000)
    g_string_append (goals, "Laser micromachining of glass and sapphire for medical "
                            "devices; joint pilot lines; supply agreements. ");
  g_string_truncate (goals, 5000);

  g_string_append_printf (json,
                          "{\"format\": \"visit-planner-programme\", \"version\": 2,"
                          " \"programme\": {\"uid\": \"stress\", \"title\": \"Stress\","
                          " \"host_country\": \"LT\", \"timezone\": \"Europe/Vilnius\","
                          " \"start_date\": \"2027-05-10\", \"end_date\": \"2027-05-14\","
                          " \"host_cluster\": \"Lithuanian Laser Cluster\","
                          " \"goals\": \"%s\"},"
                          " \"hosts\": [{\"id\": \"alpha\", \"name\": \"Alpha Photonics\"}],"
                          " \"organisations\": ["
                          "{\"id\": \"o1\", \"name\": \"Pohjois-Karjalan Fotoniikan ja "
                          "Optoelektroniikan Kehittämiskeskus Osakeyhtiö Joensuu Suomi\","
                          " \"objectives\": \"%s\"},"
                          "{\"id\": \"o2\", \"name\": \"Second Oy\"},"
                          "{\"id\": \"o3\", \"name\": \"Nobody Oy\"}],"
                          " \"sessions\": [",
                          goals->str, goals->str);
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"s%u\", \"title\": \"Session %u: a long title that "
                            "wraps over two lines in its column of the agenda table\", "
                            "\"start\": \"2027-05-%02uT%02u:00\", \"end\": "
                            "\"2027-05-%02uT%02u:30\", \"host\": \"alpha\"%s}",
                            i > 0 ? ", " : "", i, i, 10 + i % 5, 6 + i / 5 % 24 % 17,
                            10 + i % 5, 6 + i / 5 % 24 % 17,
                            i % 2 == 0 ? ", \"attendees\": [\"p0\", \"p1\"]" : "");
  g_string_append (json, "], \"participants\": [");
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GString) name = g_string_new (names[i % G_N_ELEMENTS (names)]);

      while (g_utf8_strlen (name->str, -1) < 80)
        g_string_append_printf (name, " %s", names[(i + name->len) % G_N_ELEMENTS (names)]);
      {
        g_autofree char *cut = g_utf8_substring (name->str, 0, 80);

        g_string_append_printf (json,
                                "%s{\"id\": \"p%u\", \"name\": \"%s\", \"phone\": "
                                "\"+370 600 12%03u\", \"dietary\": \"no nuts %u\", "
                                "\"organisation_id\": \"%s\"}",
                                i > 0 ? ", " : "", i, cut, i, i, i == 199 ? "o2" : "o1");
      }
    }
  g_string_append (json, "]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);
  return snapshot;
}

static void
test_commitment_stress (void)
{
  g_autoptr(VpSnapshot) snapshot = load_commitment_stress ();

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      g_autoptr(VpPrintDocument) document = new_document (snapshot,
                                                          VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
                                                          NULL);
      g_autoptr(VpPrintDocument) nobody = new_document (snapshot,
                                                        VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
                                                        "Nobody Oy");
      Paper paper;
      guint n;

      get_paper (paper_size, &paper);
      n = paginate (document, &paper);
      g_test_message ("stress quality-commitment on %s: %u pages",
                      vp_enum_to_nick (VP_TYPE_PAPER_SIZE, paper_size), n);
      g_assert_cmpuint (n, >=, 6);
      assert_clean_flow (document);
      assert_pages_within_margins (document, &paper);
      /* the organisation without people is not a visiting organisation */
      g_assert_cmpuint (count_commitments (document), ==, 2);

      /* asked for by name, it has its draft (the programme's long goals) */
      g_assert_cmpuint (paginate (nobody, &paper), >=, 1);
      assert_clean_flow (nobody);
      g_assert_cmpuint (count_commitments (nobody), ==, 1);
    }
}

/* Paperwork: attendance sheets and certificates {{{1 */

/* The stress programme tests/tools/stress-programme.py writes (meson makes
 * it for the test). */
static VpSnapshot *
load_stress (void)
{
  const char *path = g_getenv ("STRESS_PROGRAMME");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  VpSnapshot *snapshot;

  if (path == NULL)
    return NULL;
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  snapshot = vp_programme_format_read (bytes, &error);
  g_assert_no_error (error);

  return snapshot;
}

static gboolean
has_sheet (VpSession *session)
{
  switch (vp_session_get_kind (session))
    {
    case VP_SESSION_KIND_VISIT:
    case VP_SESSION_KIND_MEETING:
    case VP_SESSION_KIND_B2B:
    case VP_SESSION_KIND_WORKSHOP:
      return vp_session_get_status (session) != VP_SESSION_STATUS_CANCELLED;

    case VP_SESSION_KIND_UNSET:
    case VP_SESSION_KIND_MEAL:
    case VP_SESSION_KIND_TRANSFER:
    case VP_SESSION_KIND_SOCIAL:
    case VP_SESSION_KIND_OTHER:
    default:
      return FALSE;
    }
}

/* The programme's local day of @session's start, "YYYY-MM-DD". */
static char *
session_day (VpSnapshot *snapshot,
             VpSession  *session)
{
  g_autoptr(GTimeZone) zone = vp_time_zone_new (
    vp_programme_get_timezone (vp_snapshot_get_programme (snapshot)), NULL);
  VpLocalTime local;

  vp_local_time_from_instant (vp_session_get_start_utc (session), zone, &local);
  return g_strdup_printf ("%04d-%02d-%02d", local.year, local.month, local.day);
}

/* What the pages of a paginated paperwork document hold. */
typedef struct
{
  GPtrArray  *starts;   /* the tag of each sheet or certificate, in order */
  GArray     *first;    /* the page each starts on */
  GArray     *rows;     /* per sheet: its "row" blocks */
  GArray     *walk_ins; /* per sheet: its walk-in rows */
  guint       n_pages;
} Paperwork;

static void
paperwork_clear (Paperwork *paperwork)
{
  g_clear_pointer (&paperwork->starts, g_ptr_array_unref);
  g_clear_pointer (&paperwork->first, g_array_unref);
  g_clear_pointer (&paperwork->rows, g_array_unref);
  g_clear_pointer (&paperwork->walk_ins, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Paperwork, paperwork_clear)

/* Reads the pages: every sheet (a block tagged @prefix) starts a page, at
 * its top; every page holds something besides a repeated heading; a page a
 * sheet goes on to starts with the heading it repeats (@repeat_tag), whose
 * table's rows and walk-in rows each stay whole. */
static void
read_paperwork (VpPrintDocument *document,
                const char      *prefix,
                const char      *repeat_tag,
                Paperwork       *paperwork)
{
  g_autoptr(GPtrArray) pages = describe_pages (document);
  guint current = 0;

  paperwork->starts = g_ptr_array_new_with_free_func (g_free);
  paperwork->first = g_array_new (FALSE, TRUE, sizeof (guint));
  paperwork->rows = g_array_new (FALSE, TRUE, sizeof (guint));
  paperwork->walk_ins = g_array_new (FALSE, TRUE, sizeof (guint));
  paperwork->n_pages = pages->len;

  for (guint i = 0; i < pages->len; i++)
    {
      GArray *parts = g_ptr_array_index (pages, i);
      guint content = 0;

      for (guint j = 0; j < parts->len; j++)
        {
          const Part *part = &g_array_index (parts, Part, j);

          if (!part->repeat)
            content++;
          if (g_str_has_prefix (part->tag, prefix))
            {
              /* A sheet of its own: at the top of its page. */
              g_assert_cmpuint (j, ==, 0);
              g_assert_cmpfloat (part->from, ==, 0);
              g_ptr_array_add (paperwork->starts, g_strdup (part->tag + strlen (prefix)));
              g_array_append_val (paperwork->first, i);
              g_array_set_size (paperwork->rows, paperwork->starts->len);
              g_array_set_size (paperwork->walk_ins, paperwork->starts->len);
              current = paperwork->starts->len;
              continue;
            }
          if (j == 0)
            {
              /* Where a sheet goes on: its heading again, named. */
              g_assert_true (part->repeat);
              g_assert_cmpstr (part->tag, ==, repeat_tag);
            }
          g_assert_cmpuint (current, >, 0);
          /* A row and the walk-in rows ("walk-ins:N", N rows) stay whole. */
          if (g_str_equal (part->tag, "row") || g_str_has_prefix (part->tag, "walk-ins:"))
            {
              g_assert_cmpfloat (part->from, ==, 0);
              g_assert_cmpfloat_with_epsilon (part->to, part->height, 0.01);
              if (g_str_equal (part->tag, "row"))
                g_array_index (paperwork->rows, guint, current - 1)++;
              else
                g_array_index (paperwork->walk_ins, guint, current - 1) +=
                  (guint)g_ascii_strtoull (part->tag + strlen ("walk-ins:"), NULL, 10);
            }
        }
      /* No empty page, nor one with a heading alone. */
      g_assert_cmpuint (content, >, 0);
    }
}

/* Every sheet's attendees, in the order of the programme's sessions;
 * walk-in rows after them; each sheet on a page of its own. */
static void
check_attendance (VpSnapshot  *snapshot,
                  const char  *day,
                  const Paper *paper,
                  gboolean     one_page_each)
{
  g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_ATTENDANCE,
                                                      day);
  g_auto(Paperwork) paperwork = { NULL, };
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  guint sheet = 0;
  guint n = paginate (document, paper);

  g_assert_cmpuint (n, ==, vp_print_document_get_n_pages (document));
  assert_clean_flow (document);
  assert_pages_within_margins (document, paper);
  read_paperwork (document, "sheet:", "attendance-continued", &paperwork);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *session_date = session_day (snapshot, session);
      guint expected = vp_snapshot_count_attendees (snapshot, session);

      if (!has_sheet (session) || (day != NULL && !g_str_equal (session_date, day)))
        continue;
      g_assert_cmpuint (sheet, <, paperwork.starts->len);
      g_assert_cmpstr (g_ptr_array_index (paperwork.starts, sheet), ==,
                       vp_session_get_uid (session));
      g_assert_cmpuint (g_array_index (paperwork.rows, guint, sheet), ==, expected);
      g_assert_cmpuint (g_array_index (paperwork.walk_ins, guint, sheet), >=, 5);
      sheet++;
    }
  g_assert_cmpuint (sheet, ==, paperwork.starts->len);
  g_assert_cmpuint (sheet, >, 0);
  if (one_page_each)
    g_assert_cmpuint (n, ==, sheet);
  else
    g_assert_cmpuint (n, >, sheet);
}

static void
test_attendance_demo (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_auto(GStrv) days = vp_print_attendance_days (snapshot);
  const char * const expected_days[] = {
    "2027-04-13", "2027-04-14", "2027-04-15", "2027-04-16", NULL
  };

  g_assert_cmpstrv (days, expected_days);
  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      Paper paper;

      get_paper (paper_size, &paper);
      /* The demo's sheets each hold their dozen people, the walk-in rows
       * and the host's signature on one page. */
      check_attendance (snapshot, NULL, &paper, TRUE);
      for (guint i = 0; days[i] != NULL; i++)
        check_attendance (snapshot, days[i], &paper, TRUE);
    }
}

static void
test_attendance_stress (void)
{
  g_autoptr(VpSnapshot) snapshot = load_stress ();

  if (snapshot == NULL)
    {
      g_test_skip ("STRESS_PROGRAMME is not set");
      return;
    }

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      Paper paper;

      get_paper (paper_size, &paper);
      /* A hundred people to a sheet: the sheets go on over pages. */
      check_attendance (snapshot, NULL, &paper, FALSE);
      check_attendance (snapshot, "2027-05-12", &paper, FALSE);
    }
}

/* Each participant's certificate (by name), every one on a page of its
 * own; the demo's on one page each. */
static void
check_certificates (VpSnapshot  *snapshot,
                    const char  *subject,
                    const Paper *paper,
                    gboolean     one_page_each)
{
  g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_CERTIFICATE,
                                                      subject);
  g_auto(Paperwork) paperwork = { NULL, };
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = paginate (document, paper);
  guint expected = subject != NULL ? 1 : participants->len;

  assert_clean_flow (document);
  assert_pages_within_margins (document, paper);
  read_paperwork (document, "certificate:", "certificate-continued", &paperwork);

  g_assert_cmpuint (paperwork.starts->len, ==, expected);
  for (guint i = 0; i < paperwork.starts->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (paperwork.starts, i));
  g_assert_cmpuint (g_hash_table_size (seen), ==, expected);
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      if (subject == NULL)
        g_assert_true (g_hash_table_contains (seen, vp_participant_get_ref (participant)));
    }
  if (one_page_each)
    g_assert_cmpuint (n, ==, expected);
  else
    g_assert_cmpuint (n, >, expected);
}

static void
test_certificate_demo (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      Paper paper;

      get_paper (paper_size, &paper);
      check_certificates (snapshot, NULL, &paper, TRUE);
      check_certificates (snapshot, "sanna.hoglund@tampere-photonics.example", &paper, TRUE);
      check_certificates (snapshot, "antti-korhonen", &paper, TRUE);
    }
}

static void
test_certificate_stress (void)
{
  g_autoptr(VpSnapshot) snapshot = load_stress ();

  if (snapshot == NULL)
    {
      g_test_skip ("STRESS_PROGRAMME is not set");
      return;
    }

  for (guint paper_size = VP_PAPER_SIZE_A4; paper_size <= VP_PAPER_SIZE_LETTER; paper_size++)
    {
      Paper paper;

      get_paper (paper_size, &paper);
      /* Twenty sessions and more each: a certificate goes on to a page. */
      check_certificates (snapshot, NULL, &paper, FALSE);
    }
}

/* Five days of four sessions: a certificate on one page, its signatures
 * (a line each) under its sessions, not on a page of their own. */
static void
test_certificate_twenty_sessions (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(GPtrArray) originals = g_ptr_array_copy (vp_snapshot_get_sessions (snapshot),
                                                     (GCopyFunc)g_object_ref, NULL);
  guint added = 0;
  Paper paper;

  g_ptr_array_set_free_func (originals, g_object_unref);
  /* Aino Mäkelä has 13 sessions but transfers, two of them on two lines:
   * seven more, everyone's, at the cluster but the last, which has no host
   * (an empty cell). */
  for (guint i = 0; i < originals->len && added < 7; i++)
    {
      VpSession *session = g_ptr_array_index (originals, i);
      g_autoptr(VpSession) copy = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *ref = NULL;
      g_autofree char *title = NULL;

      if (vp_session_get_kind (session) == VP_SESSION_KIND_TRANSFER ||
          vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
        continue;
      copy = vp_session_copy (session);
      uid = g_strdup_printf ("extra-%u@test", added);
      ref = g_strdup_printf ("extra-%u", added);
      title = g_strdup_printf ("Extra session %u", added + 1);
      vp_session_set_uid (copy, uid);
      vp_session_set_ref (copy, ref);
      vp_session_set_title (copy, title);
      vp_session_set_attendees_all (copy, TRUE);
      vp_session_set_host_ref (copy, added < 6 ? "laser-cluster" : NULL);
      g_assert_true (vp_snapshot_add_session (snapshot, copy));
      added++;
    }
  g_assert_cmpuint (added, ==, 7);

  get_paper (VP_PAPER_SIZE_A4, &paper);
  check_certificates (snapshot, "aino-makela", &paper, TRUE);
  {
    g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_CERTIFICATE,
                                                        "aino-makela");
    g_autofree char *page = NULL;
    guint rows = 0;

    paginate (document, &paper);
    page = vp_print_document_describe_page (document, 0);
    for (const char *at = strstr (page, "content row "); at != NULL;
         at = strstr (at + 1, "content row "))
      rows++;
    g_assert_cmpuint (rows, ==, 20);
    g_assert_nonnull (strstr (page, "content signatures "));
  }
}

/* A certificate names a person of no session, and says so; one page. */
static void
test_certificate_no_sessions (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(VpParticipant) guest = vp_participant_new ();
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  Paper paper;

  vp_participant_set_ref (guest, "guest");
  vp_participant_set_name (guest, "Guest Without Sessions");
  g_assert_true (vp_snapshot_add_participant (snapshot, guest));
  /* Every session lists its people, and not the guest. */
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (vp_session_get_attendees_all (session))
        {
          vp_session_set_attendees_all (session, FALSE);
          vp_session_add_attendee (session, "aino-makela");
        }
    }

  get_paper (VP_PAPER_SIZE_A4, &paper);
  check_certificates (snapshot, "guest", &paper, TRUE);
  {
    g_autoptr(VpPrintDocument) document = new_document (snapshot, VP_PRINT_LAYOUT_CERTIFICATE,
                                                        "guest");
    g_autofree char *page = NULL;

    paginate (document, &paper);
    page = vp_print_document_describe_page (document, 0);
    g_assert_nonnull (strstr (page, "content no-sessions "));
    g_assert_null (strstr (page, "content row "));
  }
}

static void
test_paperwork_subjects (void)
{
  g_autoptr(VpSnapshot) snapshot = load_demo ();
  g_autoptr(VpProgramme) programme = vp_programme_copy (vp_snapshot_get_programme (snapshot));
  g_autoptr(VpSnapshot) empty = NULL;
  g_autoptr(GError) error = NULL;
  VpPrintDocument *document;
  const char *bad_days[] = { "2027-02-30", "13.4.2027", "2027-4-13", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_days); i++)
    {
      document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_ATTENDANCE, bad_days[i],
                                        &error);
      g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT);
      g_assert_nonnull (strstr (error->message, bad_days[i]));
      g_assert_null (document);
      g_clear_error (&error);
    }

  /* A day of the programme without a sheet, and one outside it. */
  for (guint i = 0; i < 2; i++)
    {
      document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_ATTENDANCE,
                                        i == 0 ? "2027-04-12" : "2027-05-20", &error);
      g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING);
      g_assert_nonnull (strstr (error->message, i == 0 ? "2027-04-12" : "2027-05-20"));
      g_assert_null (document);
      g_clear_error (&error);
    }

  document = vp_print_document_new (snapshot, VP_PRINT_LAYOUT_CERTIFICATE, "nobody@nowhere.example",
                                    &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT);
  g_assert_null (document);
  g_clear_error (&error);

  /* Nothing to print at all. */
  empty = vp_snapshot_new (programme);
  document = vp_print_document_new (empty, VP_PRINT_LAYOUT_ATTENDANCE, NULL, &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING);
  g_assert_null (document);
  g_clear_error (&error);
  document = vp_print_document_new (empty, VP_PRINT_LAYOUT_CERTIFICATE, NULL, &error);
  g_assert_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING);
  g_assert_null (document);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/demo/layouts", test_demo_layouts);
  g_test_add_func ("/render/demo/participant-sessions", test_participant_sessions);
  g_test_add_func ("/render/demo/subjects", test_subjects);
  g_test_add_func ("/render/demo/printed", test_printed);
  g_test_add_func ("/render/breaks/long-session", test_long_session);
  g_test_add_func ("/render/breaks/very-long-session", test_very_long_session);
  g_test_add_func ("/render/breaks/day-headings", test_day_headings);
  g_test_add_func ("/render/pdf", test_pdf);
  g_test_add_func ("/render/budget/many", test_budget_many);
  g_test_add_func ("/render/budget/given", test_budget_given);
  g_test_add_func ("/render/attendance/demo", test_attendance_demo);
  g_test_add_func ("/render/attendance/stress", test_attendance_stress);
  g_test_add_func ("/render/certificate/demo", test_certificate_demo);
  g_test_add_func ("/render/certificate/stress", test_certificate_stress);
  g_test_add_func ("/render/certificate/twenty-sessions", test_certificate_twenty_sessions);
  g_test_add_func ("/render/certificate/no-sessions", test_certificate_no_sessions);
  g_test_add_func ("/render/paperwork/subjects", test_paperwork_subjects);
  g_test_add_func ("/render/sheets/stress", test_sheets_stress);
  g_test_add_func ("/render/badges/pages", test_badges_pages);
  g_test_add_func ("/render/badges/none", test_badges_none);
  g_test_add_func ("/render/commitment/demo", test_commitment_demo);
  g_test_add_func ("/render/commitment/subjects", test_commitment_subjects);
  g_test_add_func ("/render/commitment/stress", test_commitment_stress);

  status = g_test_run ();

  /* Let go of the font caches, so that a leak checker sees only our leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();

  return status;
}

/* vp-print-catering.c: the catering sheet: meals and dietary needs, site visits and access
 * needs. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <math.h>

#include "vp-print-catering.h"
#include "vp-time.h"

/* Spacing, in points, as the other sheets have it. */
#define GUTTER        14.0
#define CELL_GAP      8.0
#define SESSION_SPACE 9.0
#define DAY_SPACE     12.0
#define ROW_PADDING   3.0

/* One need as the people at a session have it. */
typedef struct
{
  char       *text;      /* as most of them typed it (the first by name of a tie) */
  GPtrArray  *names;     /* borrowed, in order of name */
  GHashTable *spellings; /* each text as typed (trimmed) → how many typed it */
  guint       most;      /* how many typed @text */
} Need;

static void
need_free (Need *need)
{
  g_free (need->text);
  g_ptr_array_unref (need->names);
  g_hash_table_unref (need->spellings);
  g_free (need);
}

typedef const char *(*NeedGetter) (VpParticipant *participant);

/* The widths of a session block's columns. */
typedef struct
{
  double time;    /* the time, left of everything */
  double x;       /* where the text starts */
  double width;   /* of the text */
  double count;   /* a need's count, right-aligned */
  double need;    /* a need's text */
  double names;   /* who has it */
} Columns;



static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static const char *
participant_name (VpParticipant *participant)
{
  const char *name = vp_participant_get_name (participant);

  return is_blank (name) ? vp_participant_get_ref (participant) : name;
}

static int
compare_needs (gconstpointer a,
               gconstpointer b)
{
  const Need *na = *(const Need **)a;
  const Need *nb = *(const Need **)b;

  /* The most shared first; then as people read them. */
  if (na->names->len != nb->names->len)
    return na->names->len > nb->names->len ? -1 : 1;
  return g_utf8_collate (na->text, nb->text);
}

/* The people of @people (in order of name) at @session; *@count is how
 * many come.  Returns their needs as @get reads them (Need), the same need
 * however spaced or capitalised taken as one. */
static GPtrArray *
collect_needs (GPtrArray  *people,
               VpSession  *session,
               NeedGetter  get,
               guint      *count)
{
  g_autoptr(GHashTable) attending = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *needs = g_ptr_array_new_with_free_func ((GDestroyNotify)need_free);

  if (!vp_session_get_attendees_all (session))
    {
      GPtrArray *refs = vp_session_get_attendees (session);

      attending = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < refs->len; i++)
        g_hash_table_add (attending, g_ptr_array_index (refs, i));
    }

  *count = 0;
  for (guint i = 0; i < people->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (people, i);
      const char *text = get (participant);
      g_autofree char *key = NULL;
      Need *need;

      if (attending != NULL &&
          !g_hash_table_contains (attending, vp_participant_get_ref (participant)))
        continue;
      (*count)++;

      /* Trimmed, white space as one space, case aside: organisations'
       * names meet by the same key. */
      key = vp_organisation_name_key (text);
      if (key == NULL)
        continue;

      need = g_hash_table_lookup (by_key, key);
      if (need == NULL)
        {
          need = g_new0 (Need, 1);
          need->names = g_ptr_array_new ();
          need->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_ptr_array_add (needs, need);
          g_hash_table_insert (by_key, g_steal_pointer (&key), need);
        }
      g_ptr_array_add (need->names, (gpointer)participant_name (participant));

      /* Printed as most of them typed it. */
      {
        g_autofree char *typed = g_strstrip (g_strdup (text));
        guint times = GPOINTER_TO_UINT (g_hash_table_lookup (need->spellings, typed)) + 1;

        if (times > need->most)
          {
            need->most = times;
            g_free (need->text);
            need->text = g_strdup (typed);
          }
        g_hash_table_insert (need->spellings, g_steal_pointer (&typed), GUINT_TO_POINTER (times));
      }
    }

  g_ptr_array_sort (needs, compare_needs);
  return needs;
}

static guint
count_people_with (GPtrArray *needs)
{
  guint n = 0;

  for (guint i = 0; i < needs->len; i++)
    n += ((Need *)g_ptr_array_index (needs, i))->names->len;

  return n;
}

/* The widest of the needs @get reads, each on one line. */
static double
widest_need (VpPrintSheet *sheet,
             GPtrArray    *people,
             NeedGetter    get)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double widest = 0;

  for (guint i = 0; i < people->len; i++)
    {
      const char *text = get (g_ptr_array_index (people, i));
      g_autoptr(PangoLayout) layout = NULL;

      if (is_blank (text) || !g_hash_table_add (seen, (gpointer)text))
        continue;
      layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, 0, text);
      widest = MAX (widest, vp_print_layout_get_width (layout));
    }

  return widest;
}

/* The short date of @session's start: "Tue 13 Apr". */
static char *
session_date (VpPrintSheet *sheet,
              VpSession    *session)
{
  VpLocalTime local;
  GDate start;

  vp_local_time_from_instant (vp_session_get_start_utc (session), sheet->zone, &local);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, local.day, local.month, local.year);
  return vp_print_format_day_short (&start);
}

static void
columns_init (Columns      *columns,
              VpPrintSheet *sheet,
              GPtrArray    *sessions,
              double        need_width)
{
  g_autoptr(PangoLayout) figures = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, 0, "000");

  /* The time column holds the sessions' dates on one line. */
  columns->time = vp_print_sheet_time_width (sheet, TRUE);
  for (guint i = 0; i < sessions->len; i++)
    {
      g_autofree char *date = session_date (sheet, g_ptr_array_index (sessions, i));
      g_autoptr(PangoLayout) layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, 0, date);

      columns->time = MAX (columns->time, ceil (vp_print_layout_get_width (layout) + 1));
    }
  columns->x = columns->time + GUTTER;
  columns->width = sheet->width - columns->x;
  columns->count = ceil (vp_print_layout_get_width (figures) + 1);
  /* The need's column as wide as the widest need, within reason: the
   * names take the rest. */
  columns->need = CLAMP (ceil (need_width + 1), columns->width * 0.22, columns->width * 0.42);
  columns->names = columns->width - columns->count - columns->need - 2 * CELL_GAP;
}

/* Where a session takes place: its location, and the host's name and
 * address, once each. */
static char *
session_place (VpSnapshot *snapshot,
               VpSession  *session)
{
  const char *ref = vp_session_get_host_ref (session);
  VpHost *host = ref != NULL ? vp_snapshot_lookup_host (snapshot, ref) : NULL;
  const char *location = vp_session_get_location (session);
  GString *out = g_string_new (NULL);
  const char *parts[4] = { NULL, };

  parts[0] = location;
  if (host != NULL)
    {
      parts[1] = vp_host_get_name (host);
      /* The host's address when the session names no place of its own. */
      if (is_blank (location))
        {
          parts[2] = vp_host_get_address (host);
          parts[3] = vp_host_get_city (host);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_blank (parts[i]))
        continue;
      if (out->len > 0)
        /* TRANSLATORS: between the parts of a place on a printed catering sheet:
         * "Park café · Lithuanian Laser Cluster" */
        g_string_append (out, i == 3 ? _(", ") : _(" · "));
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

/* "Tuesday 13 April 2027". */
static char *
format_day (const VpLocalTime *local)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (local->year, local->month, local->day,
                                                   12, 0, 0);

  /* TRANSLATORS: a day's heading on a printed catering sheet, as a
   * g_date_time_format() format: "Tuesday 13 April 2027" */
  return vp_document_format_date_time (noon, _("%A %-d %B %Y"));
}

/* A day's heading within a part of the sheet, kept with what follows. */
static void
append_day_heading (VpPrintSheet *sheet,
                    const char   *day,
                    double        space_above)
{
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_HEADING, "day");
  PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, sheet->width, day);

  vp_print_block_add_text (block, layout, 0, 0, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (block, vp_print_layout_get_height (layout) + 1);
  vp_print_block_set_space_above (block, space_above);
  g_ptr_array_add (sheet->blocks, block);
}

/* "Tuesday 13 April 2027 · Lunch at the science park (continued)", at the
 * top of the next page a session's needs go on to. */
static VpPrintBlock *
continued_heading (VpPrintSheet *sheet,
                   const char   *day,
                   const char   *title)
{
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_HEADING, "session-continued");
  /* TRANSLATORS: at the top of the next page a session of the printed
   * catering sheet goes on to: "Tuesday 13 April 2027 · Lunch (continued)" */
  g_autofree char *text = g_strdup_printf (_("%s · %s (continued)"), day, title);
  PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_CONTINUED, sheet->width, text);
  double height = vp_print_layout_get_height (layout);

  vp_print_block_add_text (block, layout, 0, 0, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_add_rule (block, 0, height + 2, sheet->width, 0.5, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (block, height + 2 + 0.5 + 4);
  g_ptr_array_add (sheet->extras, block);

  return block;
}

/* One need of a session: how many, what, who; drawn again under the
 * session's "(continued)" heading at the top of a page it goes on to. */
static void
append_need (VpPrintSheet  *sheet,
             Need          *need,
             const Columns *columns,
             VpPrintBlock  *continued,
             gboolean       first)
{
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "need");
  g_autofree char *number = g_strdup_printf ("%u", need->names->len);
  g_autoptr(GString) names = g_string_new (NULL);
  PangoLayout *count_layout;
  PangoLayout *need_layout;
  PangoLayout *names_layout;
  double x = columns->x;
  double y;

  for (guint j = 0; j < need->names->len; j++)
    {
      if (j > 0)
        /* TRANSLATORS: between the names of a list: "Aino Mäkelä, Jukka Räsänen" */
        g_string_append (names, _(", "));
      /* Each name isolated: an Arabic name among Latin ones keeps its own
       * order and leaves the comma and the next name alone. */
      g_string_append (names, "\u2068");
      g_string_append (names, g_ptr_array_index (need->names, j));
      g_string_append (names, "\u2069");
    }

  vp_print_block_add_rule (block, x, 0, columns->width, 0.4, VP_PRINT_COLOUR_FAINT);
  y = 0.4 + ROW_PADDING;

  count_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, columns->count, number);
  pango_layout_set_alignment (count_layout, PANGO_ALIGN_RIGHT);
  need_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, columns->need, need->text);
  names_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, columns->names, names->str);
  /* The count on the baseline of the need's first line. */
  vp_print_block_add_text (block, count_layout, x,
                           MAX (0, y + (pango_layout_get_baseline (need_layout) -
                                        pango_layout_get_baseline (count_layout)) /
                                       (double)PANGO_SCALE),
                           VP_PRINT_COLOUR_TEXT);
  x += columns->count + CELL_GAP;
  vp_print_block_add_text (block, need_layout, x, y, VP_PRINT_COLOUR_TEXT);
  x += columns->need + CELL_GAP;
  vp_print_block_add_text (block, names_layout, x, y, VP_PRINT_COLOUR_MUTED);
  y += MAX (vp_print_layout_get_height (need_layout),
            vp_print_layout_get_height (names_layout)) + ROW_PADDING;

  vp_print_block_extend (block, y);
  /* Whole, unless it is longer than a good part of a page. */
  vp_print_block_set_keep (block, MIN (y, sheet->height / 4));
  vp_print_block_set_space_above (block, first ? 5 : 0);
  vp_print_block_set_repeat (block, continued);
  g_ptr_array_add (sheet->blocks, block);
}

/* A session: its date and time beside its title, where it is, how many
 * come and how many of them have needs; then each need.  With needs, it is
 * a heading, kept with the first of them. */
static void
append_session (VpPrintSheet  *sheet,
                VpSession     *session,
                GPtrArray     *needs,
                guint          count,
                gboolean       dietary,
                const Columns *columns,
                const char    *day)
{
  g_autofree char *tag = g_strconcat ("session:", vp_session_get_uid (session), NULL);
  VpPrintBlock *block = vp_print_block_new (needs->len > 0 ? VP_PRINT_BLOCK_HEADING
                                                           : VP_PRINT_BLOCK_CONTENT, tag);
  const char *title_text = vp_session_get_title (session);
  g_autofree char *range = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = session_place (sheet->snapshot, session);
  g_autofree char *people = NULL;
  g_autofree char *summary = NULL;
  guint with_needs = count_people_with (needs);
  VpPrintBlock *continued;
  PangoLayout *title;
  PangoLayout *layout;
  double y = 0;
  double time_y;

  if (is_blank (title_text))
    title_text = _("(untitled)");

  /* The date above the time: a session that starts a page says its day. */
  date = session_date (sheet, session);
  title = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, columns->width, title_text);
  vp_print_block_add_text (block, title, columns->x, 0, VP_PRINT_COLOUR_TEXT);
  layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, columns->time, date);
  vp_print_block_add_text (block, layout, 0, 0, VP_PRINT_COLOUR_TEXT);
  time_y = vp_print_layout_get_height (layout);
  range = vp_print_format_time_range (vp_session_get_start_utc (session),
                                      vp_session_get_end_utc (session), sheet->zone);
  layout = vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_TIME, columns->time, range);
  vp_print_block_add_text (block, layout, 0, time_y, VP_PRINT_COLOUR_TEXT);
  time_y += vp_print_layout_get_height (layout);
  y = vp_print_layout_get_height (title);

  if (!is_blank (place))
    {
      layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_META, columns->width, place);
      vp_print_block_add_text (block, layout, columns->x, y + 1.5, VP_PRINT_COLOUR_MUTED);
      y += 1.5 + vp_print_layout_get_height (layout);
    }

  /* TRANSLATORS: how many people come to a meal or a visit, on a printed catering sheet */
  people = g_strdup_printf (ngettext ("%u person", "%u people", count), count);
  if (with_needs == 0)
    /* TRANSLATORS: "12 people · no dietary needs" on a printed catering sheet */
    summary = g_strdup_printf (dietary ? _("%s · no dietary needs")
                                       : _("%s · no access needs"), people);
  else if (dietary)
    /* TRANSLATORS: "12 people · 9 without dietary needs": what a caterer
     * prepares as the usual meal; the first %s is "12 people" */
    summary = g_strdup_printf (ngettext ("%s · %u without dietary needs",
                                         "%s · %u without dietary needs",
                                         count - with_needs),
                               people, count - with_needs);
  else
    /* TRANSLATORS: "12 people · 1 with access needs"; the first %s is "12 people" */
    summary = g_strdup_printf (ngettext ("%s · %u with access needs",
                                         "%s · %u with access needs", with_needs),
                               people, with_needs);
  layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, columns->width, summary);
  vp_print_block_add_text (block, layout, columns->x, y + 3, VP_PRINT_COLOUR_TEXT);
  y += 3 + vp_print_layout_get_height (layout);

  vp_print_block_extend (block, MAX (y, time_y));
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_space_above (block, SESSION_SPACE);
  g_ptr_array_add (sheet->blocks, block);

  if (needs->len == 0)
    return;

  continued = continued_heading (sheet, day, title_text);
  for (guint i = 0; i < needs->len; i++)
    append_need (sheet, g_ptr_array_index (needs, i), columns, continued, i == 0);
}

/* One part of the sheet: the sessions of @kind that take place, by day. */
static void
append_sessions (VpPrintSheet *sheet,
                 GPtrArray    *people,
                 GPtrArray    *sessions,
                 NeedGetter    get,
                 gboolean      dietary)
{
  g_autofree char *current = NULL;
  Columns columns;

  columns_init (&columns, sheet, sessions, widest_need (sheet, people, get));

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) needs = NULL;
      g_autofree char *day = NULL;
      VpLocalTime local;
      guint count;

      vp_local_time_from_instant (vp_session_get_start_utc (session), sheet->zone, &local);
      day = format_day (&local);
      if (g_strcmp0 (day, current) != 0)
        {
          append_day_heading (sheet, day, current == NULL ? 2 : DAY_SPACE);
          g_free (current);
          current = g_strdup (day);
        }

      needs = collect_needs (people, session, get, &count);
      append_session (sheet, session, needs, count, dietary, &columns, day);
    }
}

/* A need reaches the host or caterer only with its person's consent to
 * share it with hosts: without, the sheet counts them as having none. */
static const char *
get_dietary (VpParticipant *participant)
{
  if (!vp_participant_may_share (participant, VP_CONSENT_SHARE_WITH_HOSTS))
    return NULL;
  return vp_participant_get_dietary (participant);
}

static const char *
get_accessibility (VpParticipant *participant)
{
  if (!vp_participant_may_share (participant, VP_CONSENT_SHARE_WITH_HOSTS))
    return NULL;
  return vp_participant_get_accessibility (participant);
}

void
vp_print_sheet_build_catering (VpPrintSheet *sheet)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *all = vp_snapshot_get_sessions (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  g_autoptr(GPtrArray) people = g_ptr_array_sized_new (participants->len);
  g_autoptr(GPtrArray) meals = g_ptr_array_new ();
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  g_autofree char *dates = vp_print_format_date_range (vp_programme_get_start_date (programme),
                                                       vp_programme_get_end_date (programme));
  const char *title = vp_programme_get_title (programme);
  const char *group = vp_programme_get_visiting_cluster (programme);
  g_autofree char *size = NULL;

  /* Borrowed: the copy frees nothing. */
  g_ptr_array_extend (people, participants, NULL, NULL);
  g_ptr_array_sort (people, vp_print_compare_participants);
  for (guint i = 0; i < all->len; i++)
    {
      VpSession *session = g_ptr_array_index (all, i);

      if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
        continue;
      if (vp_session_get_kind (session) == VP_SESSION_KIND_MEAL)
        g_ptr_array_add (meals, session);
      else if (vp_session_get_kind (session) == VP_SESSION_KIND_VISIT)
        g_ptr_array_add (visits, session);
    }

  vp_print_sheet_append_title (sheet, _("Catering sheet"),
                               is_blank (title) ? _("Programme") : title, NULL,
                               _("For the host or caterer: how many people come to each meal "
                                 "and their dietary needs, then the access needs at each site "
                                 "visit. It lists needs and names only: please do not pass it "
                                 "on, and destroy it after the visit."));
  {
    /* TRANSLATORS: labels of the facts box of a printed catering sheet */
    const char *labels[] = { _("Visiting group"), _("Dates"), _("Group size"), _("Coordinator") };
    const char *values[G_N_ELEMENTS (labels)];

    /* TRANSLATORS: the size of the visiting group on a printed catering sheet */
    size = g_strdup_printf (ngettext ("%u person", "%u people", people->len), people->len);
    values[0] = !is_blank (group) ? group : title;
    values[1] = dates;
    values[2] = size;
    /* The coordinator's name: their phone and email are not the caterer's business. */
    values[3] = vp_programme_get_coordinator_name (programme);
    vp_print_sheet_append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  /* TRANSLATORS: a section of a printed catering sheet */
  vp_print_sheet_append_section (sheet, _("Meals and dietary needs"), "section");
  if (meals->len == 0)
    vp_print_sheet_append_paragraph (sheet, VP_PRINT_FONT_BODY, _("No meals are planned."),
                                     VP_PRINT_COLOUR_MUTED, 0);
  append_sessions (sheet, people, meals, get_dietary, TRUE);

  /* TRANSLATORS: a section of a printed catering sheet */
  vp_print_sheet_append_section (sheet, _("Site visits and access needs"), "section");
  if (visits->len == 0)
    vp_print_sheet_append_paragraph (sheet, VP_PRINT_FONT_BODY, _("No site visits are planned."),
                                     VP_PRINT_COLOUR_MUTED, 0);
  append_sessions (sheet, people, visits, get_accessibility, FALSE);
}

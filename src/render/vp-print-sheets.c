/* vp-print-sheets.c: what each printed layout says, as blocks for the page flow. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <math.h>
#include <string.h>

#include "vp-checks.h"
#include "vp-labels.h"
#include "vp-print-sheets.h"
#include "vp-time.h"

/* System fonts: Cantarell, else DejaVu Sans; fontconfig adds Noto Color
 * Emoji and others for what they lack. */
#define FONT_FAMILY "Cantarell, DejaVu Sans"

/* Spacing, in points. */
#define GUTTER          14.0  /* between the time column and the text */
#define CELL_GAP        8.0   /* between table columns */
#define SESSION_SPACE   9.0   /* above a session */
#define DAY_SPACE       18.0  /* above a day's heading */
#define SECTION_SPACE   16.0  /* above a section heading */
#define BOX_PADDING     6.0
/* The most names a session of the programme agenda lists. */
#define MAX_NAMES       12

static const struct
{
  double      size;
  PangoWeight weight;
  PangoStyle  style;
} font_specs[VP_PRINT_N_FONTS] = {
  [VP_PRINT_FONT_BODY] = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_META] = { 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_TITLE] = { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_TIME] = { 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_TAG] = { 7, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_TAG_ITALIC] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [VP_PRINT_FONT_LABEL] = { 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_SECTION] = { 12.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_DAY] = { 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_CONTINUED] = { 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_SUBTITLE] = { 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_DOCUMENT] = { 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_SMALL] = { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [VP_PRINT_FONT_SMALL_BOLD] = { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
};

/* Setup {{{1 */

void
vp_print_sheet_init (VpPrintSheet *sheet,
                     PangoContext *context,
                     VpSnapshot   *snapshot,
                     double        width,
                     double        height)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->context = g_object_ref (context);
  sheet->snapshot = g_object_ref (snapshot);
  sheet->zone = vp_print_programme_zone (vp_snapshot_get_programme (snapshot));
  sheet->width = width;
  sheet->height = height;
  sheet->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_print_block_free);
  sheet->extras = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_print_block_free);
  sheet->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < VP_PRINT_N_FONTS; i++)
    {
      PangoFontDescription *font = pango_font_description_new ();

      pango_font_description_set_family_static (font, FONT_FAMILY);
      pango_font_description_set_size (font, (int)(font_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (font, font_specs[i].weight);
      pango_font_description_set_style (font, font_specs[i].style);
      sheet->fonts[i] = font;
    }

  /* A hyphen added where a long word breaks would change an email address
   * or a reference on paper. */
  sheet->plain = pango_attr_list_new ();
  pango_attr_list_insert (sheet->plain, pango_attr_insert_hyphens_new (FALSE));
  /* Times line up in their column when every figure has the same width. */
  sheet->tabular = pango_attr_list_copy (sheet->plain);
  pango_attr_list_insert (sheet->tabular, pango_attr_font_features_new ("tnum 1"));
}

void
vp_print_sheet_clear (VpPrintSheet *sheet)
{
  for (guint i = 0; i < VP_PRINT_N_FONTS; i++)
    g_clear_pointer (&sheet->fonts[i], pango_font_description_free);
  g_clear_pointer (&sheet->shared, g_hash_table_unref);
  g_clear_pointer (&sheet->readers, g_hash_table_unref);
  g_clear_pointer (&sheet->plain, pango_attr_list_unref);
  g_clear_pointer (&sheet->tabular, pango_attr_list_unref);
  g_clear_pointer (&sheet->blocks, g_ptr_array_unref);
  g_clear_pointer (&sheet->extras, g_ptr_array_unref);
  g_clear_pointer (&sheet->zone, g_time_zone_unref);
  g_clear_object (&sheet->snapshot);
  g_clear_object (&sheet->context);
}

GTimeZone *
vp_print_programme_zone (VpProgramme *programme)
{
  const char *name = vp_programme_get_timezone (programme);
  GTimeZone *zone = NULL;

  if (name != NULL)
    zone = vp_time_zone_new (name, NULL);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

PangoLayout *
vp_print_sheet_text (VpPrintSheet *sheet,
                     VpPrintFont   font,
                     double        width,
                     const char   *text)
{
  PangoLayout *layout = pango_layout_new (sheet->context);

  pango_layout_set_font_description (layout, sheet->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* A long word (an address, a URL) breaks rather than runs off the page. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_attributes (layout, font == VP_PRINT_FONT_TIME ? sheet->tabular : sheet->plain);
  if (font == VP_PRINT_FONT_BODY)
    pango_layout_set_line_spacing (layout, 1.1f);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

PangoLayout *
vp_print_sheet_shared_text (VpPrintSheet *sheet,
                            VpPrintFont   font,
                            double        width,
                            const char   *text)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%s", (int)font, pango_units_from_double (width),
                                          text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (sheet->shared, key);

  /* Shaping is most of the time a long programme takes: a text shaped once
   * is drawn wherever it repeats. */
  if (layout == NULL)
    {
      layout = vp_print_sheet_text (sheet, font, width, text);
      vp_print_layout_set_shared (layout);
      g_hash_table_insert (sheet->shared, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}



static double
layout_baseline (PangoLayout *layout)
{
  return (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static VpPrintBlock *
sheet_append (VpPrintSheet *sheet,
              VpPrintBlock *block)
{
  g_ptr_array_add (sheet->blocks, block);
  return block;
}

/* Blocks built top down: each piece goes below the one before. */
typedef struct
{
  VpPrintSheet *sheet;
  VpPrintBlock *block;
  double        y;
  gboolean      shared;  /* layouts from the cache: not to be changed */
} Stack;

static PangoLayout *
stack_text (Stack       *stack,
            VpPrintFont  font,
            double       x,
            double       width,
            const char  *text,
            guint32      colour,
            double       space_above)
{
  PangoLayout *layout;

  if (text == NULL || *text == '\0')
    return NULL;

  if (stack->y > 0)
    stack->y += space_above;
  layout = stack->shared ? vp_print_sheet_shared_text (stack->sheet, font, width, text)
                         : vp_print_sheet_text (stack->sheet, font, width, text);
  vp_print_block_add_text (stack->block, layout, x, stack->y, colour);
  stack->y += vp_print_layout_get_height (layout);

  return layout;
}

/* Words {{{1 */

/* Joins the non-empty strings of @parts with " · ". */
static char *
join_parts (const char * const *parts,
            guint               n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* "+358 40 718 2254" never breaks across lines: the spaces between digits
 * become no-break spaces. */
static char *
keep_numbers_together (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static GDateTime *
date_time_from_date (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
}

static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) time = date_time_from_date (date);

  /* TRANSLATORS: a day's heading in a printed agenda, as a g_date_time_format()
   * format: "Tuesday 13 April 2027" */
  return vp_document_format_date_time (time, _("%A %-d %B %Y"));
}

static char *
format_day_short (const GDate *date)
{
  g_autoptr(GDateTime) time = date_time_from_date (date);

  /* TRANSLATORS: a short date beside a time on a printed host sheet, as a
   * g_date_time_format() format: "Wed 14 Apr" */
  return vp_document_format_date_time (time, _("%a %-d %b"));
}

static char *
format_day_medium (const GDate *date)
{
  g_autoptr(GDateTime) time = date_time_from_date (date);

  /* TRANSLATORS: a date in a sentence of a printed agenda, as a
   * g_date_time_format() format: "Friday 16 April" */
  return vp_document_format_date_time (time, _("%A %-d %B"));
}

/* "13–16 April 2027", "30 April – 2 May 2027", "30 December 2027 – 2 January 2028". */
static char *
format_date_range (const char *start_text,
                   const char *end_text)
{
  GDate start, end;
  g_autoptr(GDateTime) start_time = NULL;
  g_autoptr(GDateTime) end_time = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (start_text == NULL || !vp_date_parse (start_text, &start, NULL))
    return NULL;
  if (end_text == NULL || !vp_date_parse (end_text, &end, NULL))
    end = start;

  start_time = date_time_from_date (&start);
  end_time = date_time_from_date (&end);

  if (g_date_compare (&start, &end) == 0)
    /* TRANSLATORS: a g_date_time_format() format: "13 April 2027" */
    return vp_document_format_date_time (start_time, _("%-d %B %Y"));

  if (g_date_get_year (&start) != g_date_get_year (&end))
    {
      first = vp_document_format_date_time (start_time, _("%-d %B %Y"));
      last = vp_document_format_date_time (end_time, _("%-d %B %Y"));
    }
  else if (g_date_get_month (&start) != g_date_get_month (&end))
    {
      /* TRANSLATORS: the first day of a range within one year, as a
       * g_date_time_format() format: "30 April" of "30 April – 2 May 2027" */
      first = vp_document_format_date_time (start_time, _("%-d %B"));
      last = vp_document_format_date_time (end_time, _("%-d %B %Y"));
    }
  else
    {
      /* TRANSLATORS: the first day of a range within one month, as a
       * g_date_time_format() format: "13" of "13–16 April 2027"; see the
       * range's message.
       * xgettext:no-c-format */
      first = vp_document_format_date_time (start_time, C_("printed days in one month", "%-d"));
      /* TRANSLATORS: the last day of a range within one month, as a
       * g_date_time_format() format: "16 April 2027" of "13–16 April 2027";
       * see the range's message */
      last = vp_document_format_date_time (end_time, C_("printed days in one month", "%-d %B %Y"));
      /* TRANSLATORS: a range of days in one month, "13–16 April 2027": the
       * first day, an en dash, the last day; a language that writes the
       * month and year first puts them in the first day's format and
       * leaves them out of the last day's */
      return g_strdup_printf (C_("printed days in one month", "%s–%s"), first, last);
    }

  /* TRANSLATORS: a range of dates: "30 April – 2 May 2027" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static char *
format_clock (const VpLocalTime *time)
{
  /* TRANSLATORS: a time of day on the 24-hour clock: "09:15" */
  return g_strdup_printf (_("%02d:%02d"), time->hour, time->minute);
}

static gboolean
same_day (const VpLocalTime *a,
          const VpLocalTime *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

static void
local_date (const VpLocalTime *time,
            GDate             *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, time->day, time->month, time->year);
}

static gboolean
zone_differs (VpSnapshot *snapshot,
              const char *zone)
{
  const char *programme_zone = vp_programme_get_timezone (vp_snapshot_get_programme (snapshot));

  return zone != NULL && g_strcmp0 (zone, programme_zone) != 0;
}

/* "09:15–09:45"; an end on a later day names that day. */
static char *
format_time_range (gint64     start,
                   gint64     end,
                   GTimeZone *zone,
                   GTimeZone *end_zone)
{
  VpLocalTime local_start, local_end;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  vp_local_time_from_instant (start, zone, &local_start);
  first = format_clock (&local_start);
  if (end <= start)
    return g_steal_pointer (&first);

  vp_local_time_from_instant (end, end_zone, &local_end);
  last = format_clock (&local_end);
  if (!same_day (&local_start, &local_end))
    {
      GDate date;
      g_autofree char *day = NULL;
      g_autoptr(GDateTime) time = NULL;

      local_date (&local_end, &date);
      time = date_time_from_date (&date);
      /* TRANSLATORS: a short weekday before the time a session ends on the
       * next day, as a g_date_time_format() format: "Thu" */
      day = vp_document_format_date_time (time, _("%a"));
      /* TRANSLATORS: a time range ending on another day: "22:00–", new line, "Thu 01:30" */
      return g_strdup_printf (_("%s–\n%s %s"), first, day, last);
    }

  /* TRANSLATORS: a time range: "09:15–09:45" */
  return g_strdup_printf (C_("time range", "%s–%s"), first, last);
}

static gboolean
attends (VpSession     *session,
         VpParticipant *participant)
{
  GPtrArray *attendees;
  const char *ref = vp_participant_get_ref (participant);

  if (vp_session_get_attendees_all (session))
    return TRUE;

  attendees = vp_session_get_attendees (session);
  for (guint i = 0; i < attendees->len; i++)
    if (g_strcmp0 (g_ptr_array_index (attendees, i), ref) == 0)
      return TRUE;

  return FALSE;
}

static VpParticipant *
find_coordinator (VpSnapshot *snapshot)
{
  const char *email = vp_programme_get_coordinator_email (vp_snapshot_get_programme (snapshot));

  return email != NULL ? vp_snapshot_lookup_participant_by_email (snapshot, email) : NULL;
}

/* "Aino Mäkelä · +358 40 718 2254 · aino.makela@…": the coordinator's name,
 * their phone when they travel with the group, and email. */
static char *
coordinator_contact (VpSnapshot *snapshot)
{
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  VpParticipant *coordinator = find_coordinator (snapshot);
  g_autofree char *phone = keep_numbers_together (coordinator != NULL
                                                  ? vp_participant_get_phone (coordinator)
                                                  : NULL);
  const char *parts[] = {
    vp_programme_get_coordinator_name (programme),
    phone,
    vp_programme_get_coordinator_email (programme),
  };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

static char *
host_address (VpHost *host)
{
  const char *parts[] = { vp_host_get_address (host), vp_host_get_city (host) };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (is_blank (parts[i]))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

/* The width of @text on one line in the body font, numbers kept together. */
static double
text_width (VpPrintSheet *sheet,
            const char   *text)
{
  g_autofree char *kept = keep_numbers_together (text);
  g_autoptr(PangoLayout) layout = NULL;

  if (kept == NULL)
    return 0;
  layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, 0, kept);
  return vp_print_layout_get_width (layout);
}

/* Common blocks {{{1 */

/* A section of a sheet: a heading (kept with what follows) and its rule. */
static void
append_section (VpPrintSheet *sheet,
                const char   *title,
                const char   *tag)
{
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_HEADING, tag));
  Stack stack = { sheet, block, 0 };

  stack_text (&stack, VP_PRINT_FONT_SECTION, 0, sheet->width, title, VP_PRINT_COLOUR_ACCENT, 0);
  vp_print_block_add_rule (block, 0, stack.y + 2, sheet->width, 0.6, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (block, stack.y + 2 + 0.6 + 5);
  vp_print_block_set_space_above (block, SECTION_SPACE);
}

/* A paragraph of body text, split between pages at its lines. */
static VpPrintBlock *
append_paragraph (VpPrintSheet *sheet,
                  VpPrintFont   font,
                  const char   *text,
                  guint32       colour,
                  double        space_above)
{
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT,
                                                                  "paragraph"));
  Stack stack = { sheet, block, 0 };

  stack_text (&stack, font, 0, sheet->width, text, colour, 0);
  vp_print_block_set_space_above (block, space_above);

  return block;
}

/* The first block of a sheet: a small label, the title, and lines below it. */
static Stack
begin_title (VpPrintSheet *sheet,
             const char   *label,
             const char   *title)
{
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "title"));
  Stack stack = { sheet, block, 0 };
  g_autofree char *upper = g_utf8_strup (label, -1);
  PangoLayout *layout;

  layout = stack_text (&stack, VP_PRINT_FONT_LABEL, 0, sheet->width, upper,
                       VP_PRINT_COLOUR_ACCENT, 0);
  vp_print_layout_add_attribute (layout, pango_attr_letter_spacing_new (PANGO_SCALE / 4));
  stack_text (&stack, VP_PRINT_FONT_DOCUMENT, 0, sheet->width, title, VP_PRINT_COLOUR_TEXT, 2);

  return stack;
}

static void
end_title (Stack *stack)
{
  vp_print_block_extend (stack->block, stack->y + 4);
  /* A title is short: it never splits. */
  vp_print_block_set_keep (stack->block, vp_print_block_get_height (stack->block));
}

/* A table: column titles (repeated on each page it goes on to) and rows. */
typedef VpPrintColumn Column;
typedef VpPrintTable Table;

static void
table_init (Table        *table,
            VpPrintSheet *sheet,
            const Column *columns,
            guint         n_columns,
            const char   *tag)
{
  double x = 0;
  double label_height = 0;

  g_assert (n_columns <= G_N_ELEMENTS (table->x));

  table->sheet = sheet;
  table->columns = columns;
  table->n_columns = n_columns;
  table->header = vp_print_block_new (VP_PRINT_BLOCK_HEADING, tag);

  for (guint i = 0; i < n_columns; i++)
    {
      double width = sheet->width * columns[i].fraction;
      g_autofree char *upper = g_utf8_strup (columns[i].title, -1);
      PangoLayout *layout;

      table->x[i] = x;
      table->widths[i] = (i + 1 < n_columns ? width - CELL_GAP : sheet->width - x);
      x += width;

      layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_LABEL, table->widths[i], upper);
      vp_print_layout_add_attribute (layout, pango_attr_letter_spacing_new (PANGO_SCALE / 5));
      if (columns[i].right)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      vp_print_block_add_text (table->header, layout, table->x[i], 0, VP_PRINT_COLOUR_MUTED);
      label_height = MAX (label_height, vp_print_layout_get_height (layout));
    }

  vp_print_block_add_rule (table->header, 0, label_height + 3, sheet->width, 0.8,
                           VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (table->header, label_height + 3 + 0.8);
  vp_print_block_set_space_above (table->header, 6);
  sheet_append (sheet, table->header);
}

/* One row: each cell a main text and, below it, an optional smaller one. */
static void
table_add_row (Table              *table,
               const char * const *cells,
               const char * const *details,
               VpPrintFont         first_font,
               const char         *tag)
{
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, tag);
  double padding = 4.5;
  double bottom = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      Stack stack = { table->sheet, block, padding };
      const char *text = is_blank (cells[i]) ? "—" : cells[i];
      PangoLayout *layout;

      layout = stack_text (&stack, i == 0 ? first_font : VP_PRINT_FONT_BODY, table->x[i],
                           table->widths[i], text,
                           is_blank (cells[i]) ? VP_PRINT_COLOUR_MUTED : VP_PRINT_COLOUR_TEXT, 0);
      if (table->columns[i].right)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      if (details != NULL)
        stack_text (&stack, VP_PRINT_FONT_META, table->x[i], table->widths[i], details[i],
                    VP_PRINT_COLOUR_MUTED, 1);
      bottom = MAX (bottom, stack.y);
    }

  vp_print_block_add_rule (block, 0, bottom + padding, table->sheet->width, 0.4,
                           VP_PRINT_COLOUR_RULE);
  vp_print_block_set_repeat (block, table->header);
  /* A row stays whole unless it is longer than a good part of a page. */
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block),
                                       table->sheet->height / 4));
  sheet_append (table->sheet, block);
}

/* Sessions {{{1 */

typedef struct
{
  double   time_width;
  gboolean with_date;       /* the date above the time (a host sheet) */
  gboolean with_host;       /* where: the host and its address */
  gboolean with_names;      /* who, when not everyone (the programme agenda) */
  gboolean with_count;      /* how many people */
} SessionOptions;

/* The time column's width: its longest text, and no less. */
static double
time_column_width (VpPrintSheet *sheet,
                   gboolean      with_date)
{
  static const char *samples[] = { "00:00–00:00", "22:00–", "Wed 00:00" };
  double width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(PangoLayout) layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TIME, 0,
                                                           samples[i]);

      width = MAX (width, vp_print_layout_get_width (layout));
    }

  if (with_date)
    {
      /* The widest day and month names of the year. */
      for (int month = 1; month <= 12; month++)
        {
          GDate date;
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 28, month, 2027);
          text = format_day_short (&date);
          layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, 0, text);
          width = MAX (width, vp_print_layout_get_width (layout));
        }
    }

  return ceil (width + 1);
}

static char *
attendee_names (VpSnapshot *snapshot,
                VpSession  *session)
{
  GPtrArray *refs = vp_session_get_attendees (session);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  g_autoptr(GString) names = g_string_new (NULL);

  if (vp_session_get_attendees_all (session) || refs->len == 0)
    return NULL;

  if (refs->len > MAX_NAMES)
    /* TRANSLATORS: who a session of the printed programme agenda is for */
    return g_strdup_printf (ngettext ("For %u of the %u participants",
                                      "For %u of the %u participants",
                                      participants->len),
                            refs->len, participants->len);

  for (guint i = 0; i < refs->len; i++)
    {
      VpParticipant *participant = vp_snapshot_lookup_participant (snapshot,
                                                                   g_ptr_array_index (refs, i));
      const char *name = participant != NULL ? vp_participant_get_name (participant) : NULL;

      if (is_blank (name))
        name = g_ptr_array_index (refs, i);
      if (names->len > 0)
        /* TRANSLATORS: between the names of a list: "Aino Mäkelä, Jukka Räsänen" */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  /* TRANSLATORS: who a session of the printed programme agenda is for: a list of names */
  return g_strdup_printf (_("For: %s"), names->str);
}

/* A small box under the time: "CANCELLED" filled, "Tentative" dashed. */
static double
add_status_tag (VpPrintSheet   *sheet,
                VpPrintBlock   *block,
                VpSessionStatus status,
                double          width,
                double          y)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  double pad_x = 3, pad_y = 1.5;
  double box_width, box_height;

  switch (status)
    {
    case VP_SESSION_STATUS_CANCELLED:
      /* TRANSLATORS: a tag on a cancelled session of a printed agenda; shown in capitals */
      text = g_utf8_strup (_("Cancelled"), -1);
      layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TAG, width - 2 * pad_x, text);
      vp_print_layout_add_attribute (layout, pango_attr_letter_spacing_new (PANGO_SCALE / 4));
      break;

    case VP_SESSION_STATUS_TENTATIVE:
      /* TRANSLATORS: a tag on a session of a printed agenda that is not confirmed yet */
      layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TAG_ITALIC, width - 2 * pad_x,
                                    _("Tentative"));
      break;

    case VP_SESSION_STATUS_CONFIRMED:
    default:
      return y;
    }

  box_width = MIN (width, vp_print_layout_get_width (layout) + 2 * pad_x);
  box_height = vp_print_layout_get_height (layout) + 2 * pad_y;
  if (status == VP_SESSION_STATUS_CANCELLED)
    vp_print_block_add_box (block, 0, y, box_width, box_height, 0, FALSE, VP_PRINT_COLOUR_TEXT);
  else
    vp_print_block_add_box (block, 0, y, box_width, box_height, 0.6, TRUE, VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, layout, pad_x, y + pad_y,
                           status == VP_SESSION_STATUS_CANCELLED ? VP_PRINT_COLOUR_WHITE
                                                                 : VP_PRINT_COLOUR_TEXT);

  return y + box_height;
}

static VpPrintBlock *
session_block (VpPrintSheet         *sheet,
               VpSession            *session,
               const SessionOptions *options)
{
  VpSnapshot *snapshot = sheet->snapshot;
  g_autofree char *tag = g_strconcat ("session:", vp_session_get_uid (session), NULL);
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, tag);
  VpSessionStatus status = vp_session_get_status (session);
  gboolean cancelled = status == VP_SESSION_STATUS_CANCELLED;
  guint32 text_colour = cancelled ? VP_PRINT_COLOUR_MUTED : VP_PRINT_COLOUR_TEXT;
  double x = options->time_width + GUTTER;
  double width = sheet->width - x;
  Stack stack = { sheet, block, 0 };
  g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *range = NULL;
  g_autofree char *meta_text = NULL;
  PangoLayout *title;
  PangoLayout *time;
  double time_y = 0;
  double time_bottom;
  double title_bottom;
  VpHost *host = NULL;
  const char *kind = vp_session_kind_label (vp_session_get_kind (session));
  const char *title_text = vp_session_get_title (session);

  if (vp_session_get_host_ref (session) != NULL)
    host = vp_snapshot_lookup_host (snapshot, vp_session_get_host_ref (session));

  /* The title, and the time beside its first line, on the same baseline. */
  title = stack_text (&stack, VP_PRINT_FONT_TITLE, x, width,
                      is_blank (title_text) ? _("(untitled)") : title_text, text_colour, 0);
  title_bottom = stack.y;

  if (options->with_date)
    {
      VpLocalTime local;
      GDate date;
      g_autofree char *day = NULL;
      PangoLayout *day_layout;

      vp_local_time_from_instant (vp_session_get_start_utc (session), sheet->zone, &local);
      local_date (&local, &date);
      day = format_day_short (&date);
      day_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, options->time_width, day);
      vp_print_block_add_text (block, day_layout, 0, 0, text_colour);
      time_y = vp_print_layout_get_height (day_layout);
    }

  range = format_time_range (vp_session_get_start_utc (session), vp_session_get_end_utc (session),
                             sheet->zone, sheet->zone);
  time = cancelled ? vp_print_sheet_text (sheet, VP_PRINT_FONT_TIME, options->time_width, range)
                   : vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_TIME, options->time_width,
                                                 range);
  if (!options->with_date)
    time_y = MAX (0, layout_baseline (title) - layout_baseline (time));
  if (cancelled)
    {
      vp_print_layout_add_attribute (title, pango_attr_strikethrough_new (TRUE));
      vp_print_layout_add_attribute (time, pango_attr_strikethrough_new (TRUE));
    }
  vp_print_block_add_text (block, time, 0, time_y, text_colour);
  time_bottom = time_y + vp_print_layout_get_height (time);
  time_bottom = add_status_tag (sheet, block, status, options->time_width, time_bottom + 3);

  /* What, where, who: one grey line each. */
  if (options->with_host)
    {
      const char *where[] = { host != NULL ? vp_host_get_name (host) : NULL, kind };

      g_ptr_array_add (meta, join_parts (where, G_N_ELEMENTS (where)));
      if (!is_blank (vp_session_get_location (session)))
        g_ptr_array_add (meta, g_strdup (vp_session_get_location (session)));
      else if (host != NULL)
        g_ptr_array_add (meta, host_address (host));
    }
  else
    {
      g_autofree char *people = NULL;
      g_autofree char *what = NULL;
      guint count = vp_snapshot_count_attendees (snapshot, session);
      const char *parts[] = { NULL, kind, vp_session_get_location (session) };

      if (options->with_count)
        {
          /* TRANSLATORS: how many people come to a session, on a host sheet */
          people = g_strdup_printf (ngettext ("%u person", "%u people", count), count);
          parts[0] = people;
        }
      what = join_parts (parts, G_N_ELEMENTS (parts));
      g_ptr_array_add (meta, g_steal_pointer (&what));
    }

  if (zone_differs (snapshot, vp_session_get_timezone (session)) ||
      zone_differs (snapshot, vp_session_get_end_timezone (session)))
    {
      const char *start_name = vp_session_get_timezone (session) != NULL
                               ? vp_session_get_timezone (session)
                               : vp_programme_get_timezone (vp_snapshot_get_programme (snapshot));
      const char *end_name = vp_session_get_end_timezone (session) != NULL
                             ? vp_session_get_end_timezone (session) : start_name;
      g_autoptr(GTimeZone) start_zone = vp_time_zone_new (start_name, NULL);
      g_autoptr(GTimeZone) end_zone = vp_time_zone_new (end_name, NULL);

      if (start_zone != NULL && end_zone != NULL)
        {
          g_autofree char *own = format_time_range (vp_session_get_start_utc (session),
                                                    vp_session_get_end_utc (session),
                                                    start_zone, end_zone);
          g_autofree char *zones = g_strcmp0 (start_name, end_name) == 0
                                   ? g_strdup (start_name)
                                   : g_strdup_printf ("%s → %s", start_name, end_name);

          g_strdelimit (own, "\n", ' ');
          /* TRANSLATORS: a session's time in its own zone, when that is not the
           * programme's: "Local time 08:15–08:45 (Europe/Helsinki)" */
          g_ptr_array_add (meta, g_strdup_printf (_("Local time %s (%s)"), own, zones));
        }
    }

  /* Places and descriptions repeat: shaped once (the cache's layouts are
   * never changed, and colour is the block's). */
  g_ptr_array_add (meta, NULL);
  meta_text = g_strjoinv ("\n", (char **)meta->pdata);
  stack.shared = TRUE;
  if (stack_text (&stack, VP_PRINT_FONT_META, x, width, meta_text,
                  VP_PRINT_COLOUR_MUTED, 1.5) != NULL)
    {
      /* A title never ends a page without the first line of what follows. */
      vp_print_block_set_keep (block, stack.y);
    }
  else
    vp_print_block_set_keep (block, title_bottom);

  if (options->with_names)
    {
      g_autofree char *names = attendee_names (snapshot, session);

      stack.shared = FALSE;
      stack_text (&stack, VP_PRINT_FONT_META, x, width, names, VP_PRINT_COLOUR_MUTED, 0);
      stack.shared = TRUE;
    }

  if (stack_text (&stack, VP_PRINT_FONT_BODY, x, width, vp_session_get_description (session),
                  text_colour, 4) != NULL)
    {
      /* ...and at least two lines of a description that starts on this page. */
      vp_print_block_set_keep (block, MIN (stack.y,
                                           vp_print_block_get_keep (block) + 4 + 2 * 14.5));
    }

  vp_print_block_extend (block, time_bottom);
  vp_print_block_set_keep (block, MAX (vp_print_block_get_keep (block),
                                       MIN (time_bottom, vp_print_block_get_height (block))));
  vp_print_block_set_space_above (block, SESSION_SPACE);

  return block;
}

/* Agenda {{{1 */

/* The day headings: one that starts the day, one repeated at the top of
 * the pages the day goes on to. */
static VpPrintBlock *
append_day (VpPrintSheet *sheet,
            const GDate  *date)
{
  g_autofree char *text = format_day (date);
  g_autofree char *continued = NULL;
  VpPrintBlock *heading = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_HEADING, "day"));
  VpPrintBlock *repeat = vp_print_block_new (VP_PRINT_BLOCK_HEADING, "day-continued");
  Stack stack = { sheet, heading, 0 };

  stack_text (&stack, VP_PRINT_FONT_DAY, 0, sheet->width, text, VP_PRINT_COLOUR_ACCENT, 0);
  vp_print_block_add_rule (heading, 0, stack.y + 2.5, sheet->width, 1.2, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (heading, stack.y + 2.5 + 1.2 + 3);
  vp_print_block_set_space_above (heading, DAY_SPACE);

  /* TRANSLATORS: the heading of a day at the top of the next page it goes on
   * to: "Tuesday 13 April 2027 (continued)" */
  continued = g_strdup_printf (_("%s (continued)"), text);
  stack = (Stack) { sheet, repeat, 0 };
  stack_text (&stack, VP_PRINT_FONT_CONTINUED, 0, sheet->width, continued,
              VP_PRINT_COLOUR_ACCENT, 0);
  vp_print_block_add_rule (repeat, 0, stack.y + 2, sheet->width, 0.5, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (repeat, stack.y + 2 + 0.5 + 2);
  g_ptr_array_add (sheet->extras, repeat);

  return repeat;
}

typedef enum
{
  EVENT_CHECK_OUT,
  EVENT_TRAVEL,
  EVENT_CHECK_IN,
} EventKind;

/* A participant's travel leg or hotel check-in or check-out, on a day. */
typedef struct
{
  guint32            day;  /* Julian */
  EventKind          kind;
  gint64             instant;
  const VpTravelLeg *leg;
  const VpStay      *stay;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->day != eb->day)
    return ea->day < eb->day ? -1 : 1;
  if (ea->kind != eb->kind)
    return ea->kind < eb->kind ? -1 : 1;
  if (ea->instant != eb->instant)
    return ea->instant < eb->instant ? -1 : 1;
  return 0;
}

static GArray *
collect_events (VpParticipant *participant)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (Event));
  GPtrArray *legs = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);

  for (guint i = 0; i < legs->len; i++)
    {
      const VpTravelLeg *leg = g_ptr_array_index (legs, i);
      VpLocalTime depart;
      GDate date;
      Event event = { 0, EVENT_TRAVEL, leg->depart_utc, leg, NULL };

      /* The day the leg leaves, in the zone it leaves from: the ticket's date. */
      if (leg->depart == NULL || !vp_local_time_parse (leg->depart, &depart, NULL))
        continue;
      local_date (&depart, &date);
      event.day = g_date_get_julian (&date);
      g_array_append_val (events, event);
    }

  for (guint i = 0; i < stays->len; i++)
    {
      const VpStay *stay = g_ptr_array_index (stays, i);
      GDate date;
      Event event = { 0, EVENT_CHECK_IN, 0, NULL, stay };

      if (stay->check_in != NULL && vp_date_parse (stay->check_in, &date, NULL))
        {
          event.day = g_date_get_julian (&date);
          g_array_append_val (events, event);
        }
      if (stay->check_out != NULL && vp_date_parse (stay->check_out, &date, NULL))
        {
          event.kind = EVENT_CHECK_OUT;
          event.day = g_date_get_julian (&date);
          g_array_append_val (events, event);
        }
    }

  g_array_sort (events, compare_events);
  return events;
}

/* The lines of one travel or hotel event: left column and text. */
static void
describe_event (VpPrintSheet  *sheet,
                const Event   *event,
                char         **when,
                char         **what,
                char         **details)
{
  VpSnapshot *snapshot = sheet->snapshot;
  const char *programme_zone = vp_programme_get_timezone (vp_snapshot_get_programme (snapshot));

  switch (event->kind)
    {
    case EVENT_TRAVEL:
      {
        const VpTravelLeg *leg = event->leg;
        VpLocalTime depart, arrive;
        g_autofree char *departs = NULL;
        g_autofree char *arrives = NULL;
        g_autofree char *route = NULL;
        g_autofree char *name = NULL;
        g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
        const char *depart_zone = leg->depart_timezone != NULL ? leg->depart_timezone
                                                               : programme_zone;
        const char *arrive_zone = leg->arrive_timezone != NULL ? leg->arrive_timezone
                                                               : depart_zone;

        vp_local_time_parse (leg->depart, &depart, NULL);
        *when = format_clock (&depart);

        name = is_blank (leg->reference)
               ? g_strdup (vp_travel_kind_label (leg->kind))
               /* TRANSLATORS: a travel leg: its kind and reference, "Flight AY1073" */
               : g_strdup_printf (_("%s %s"), vp_travel_kind_label (leg->kind), leg->reference);
        if (!is_blank (leg->from) || !is_blank (leg->to))
          /* TRANSLATORS: a travel leg: "Flight AY1073: Helsinki (HEL) → Vilnius (VNO)" */
          route = g_strdup_printf (_("%s: %s → %s"), name,
                                   is_blank (leg->from) ? "…" : leg->from,
                                   is_blank (leg->to) ? "…" : leg->to);
        *what = route != NULL ? g_steal_pointer (&route) : g_steal_pointer (&name);

        departs = zone_differs (snapshot, depart_zone)
                  /* TRANSLATORS: when a travel leg leaves, in a zone not the programme's */
                  ? g_strdup_printf (_("Departs %s (%s)"), *when, depart_zone)
                  /* TRANSLATORS: when a travel leg leaves */
                  : g_strdup_printf (_("Departs %s"), *when);
        g_ptr_array_add (parts, g_steal_pointer (&departs));

        if (leg->arrive != NULL && vp_local_time_parse (leg->arrive, &arrive, NULL))
          {
            g_autofree char *clock = format_clock (&arrive);
            g_autofree char *at = NULL;

            if (!same_day (&depart, &arrive))
              {
                GDate date;
                g_autofree char *day = NULL;

                local_date (&arrive, &date);
                day = format_day_medium (&date);
                /* TRANSLATORS: an arrival on another day: "Wednesday 14 April 07:10" */
                at = g_strdup_printf (_("%s %s"), day, clock);
              }
            else
              at = g_steal_pointer (&clock);

            arrives = zone_differs (snapshot, arrive_zone)
                      /* TRANSLATORS: when a travel leg arrives, in a zone not the programme's */
                      ? g_strdup_printf (_("arrives %s (%s)"), at, arrive_zone)
                      /* TRANSLATORS: when a travel leg arrives */
                      : g_strdup_printf (_("arrives %s"), at);
            g_ptr_array_add (parts, g_steal_pointer (&arrives));
          }
        g_ptr_array_add (parts, NULL);
        *details = g_strjoinv (" · ", (char **)parts->pdata);
      }
      break;

    case EVENT_CHECK_IN:
    case EVENT_CHECK_OUT:
      {
        const VpStay *stay = event->stay;
        const char *hotel = is_blank (stay->name) ? _("Hotel") : stay->name;
        g_autofree char *until = NULL;
        GDate date;

        if (event->kind == EVENT_CHECK_IN)
          {
            /* TRANSLATORS: the left column of a hotel check-in in a printed agenda */
            *when = g_strdup (_("Check-in"));
            /* TRANSLATORS: a hotel check-in: "Hotel Neris Riverside" */
            *what = g_strdup (hotel);
            if (stay->check_out != NULL && vp_date_parse (stay->check_out, &date, NULL))
              {
                g_autofree char *day = format_day_medium (&date);

                /* TRANSLATORS: the last day of a hotel stay: "until Friday 16 April" */
                until = g_strdup_printf (_("until %s"), day);
              }
            {
              const char *parts[] = { stay->address, until };

              *details = join_parts (parts, G_N_ELEMENTS (parts));
            }
          }
        else
          {
            /* TRANSLATORS: the left column of a hotel check-out in a printed agenda */
            *when = g_strdup (_("Check-out"));
            *what = g_strdup (hotel);
            *details = g_strdup (stay->address);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The participant's travel and hotel on a day: a shaded box at its start. */
static void
append_events (VpPrintSheet *sheet,
               GArray       *events,
               guint        *next,
               guint32       day,
               double        time_width,
               VpPrintBlock *repeat)
{
  VpPrintBlock *block;
  g_autoptr(GPtrArray) layouts = NULL;
  double x = time_width + GUTTER;
  double width = sheet->width - x - BOX_PADDING;
  double y = BOX_PADDING;
  double top = 0;
  g_autofree char *label = NULL;
  PangoLayout *label_layout;

  if (*next >= events->len || g_array_index (events, Event, *next).day != day)
    return;

  block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "travel"));
  vp_print_block_set_space_above (block, 8);
  vp_print_block_set_repeat (block, repeat);

  /* TRANSLATORS: the label of a participant's travel legs and hotel on a day of their agenda */
  label = g_utf8_strup (_("Travel and hotel"), -1);
  label_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_LABEL, sheet->width - 2 * BOX_PADDING,
                                      label);
  vp_print_layout_add_attribute (label_layout, pango_attr_letter_spacing_new (PANGO_SCALE / 5));
  y += vp_print_layout_get_height (label_layout) + 3;

  /* Each event its own shaded band: the box may break between them. */
  layouts = g_ptr_array_new ();
  for (; *next < events->len && g_array_index (events, Event, *next).day == day; (*next)++)
    {
      const Event *event = &g_array_index (events, Event, *next);
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autofree char *details = NULL;
      PangoLayout *when_layout, *what_layout, *details_layout = NULL;
      double row_top = y;
      double bottom;

      describe_event (sheet, event, &when, &what, &details);
      what_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, width, what);
      when_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TIME, time_width - BOX_PADDING, when);
      bottom = y + vp_print_layout_get_height (what_layout);
      if (!is_blank (details))
        {
          details_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_META, width, details);
          bottom += 1.5 + vp_print_layout_get_height (details_layout);
        }
      bottom = MAX (bottom, y + vp_print_layout_get_height (when_layout)) + 5;

      vp_print_block_add_box (block, 0, top, sheet->width, bottom - top, 0, FALSE,
                              VP_PRINT_COLOUR_SHADE);
      if (top == 0)
        vp_print_block_add_text (block, label_layout, BOX_PADDING, BOX_PADDING,
                                 VP_PRINT_COLOUR_MUTED);
      vp_print_block_add_text (block, when_layout, BOX_PADDING,
                               row_top + MAX (0, layout_baseline (what_layout) -
                                                 layout_baseline (when_layout)),
                               VP_PRINT_COLOUR_TEXT);
      vp_print_block_add_text (block, what_layout, x, row_top, VP_PRINT_COLOUR_TEXT);
      if (details_layout != NULL)
        vp_print_block_add_text (block, details_layout, x,
                                 row_top + vp_print_layout_get_height (what_layout) + 1.5,
                                 VP_PRINT_COLOUR_MUTED);
      top = bottom;
      y = bottom;
    }

  vp_print_block_extend (block, top + BOX_PADDING - 5);
  vp_print_block_add_box (block, 0, top - 5, sheet->width, BOX_PADDING, 0, FALSE,
                          VP_PRINT_COLOUR_SHADE);
}

static void
append_agenda_title (VpPrintSheet  *sheet,
                     VpParticipant *participant)
{
  VpProgramme *programme = vp_snapshot_get_programme (sheet->snapshot);
  g_autofree char *dates = format_date_range (vp_programme_get_start_date (programme),
                                              vp_programme_get_end_date (programme));
  g_autofree char *clusters = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *coordinator = coordinator_contact (sheet->snapshot);
  g_autofree char *coordinator_line = NULL;
  g_autofree char *zone_line = NULL;
  const char *title = vp_programme_get_title (programme);
  Stack stack;

  if (!is_blank (vp_programme_get_visiting_cluster (programme)) &&
      !is_blank (vp_programme_get_host_cluster (programme)))
    /* TRANSLATORS: who visits whom: "Photonics Finland visiting Lithuanian Laser Cluster" */
    clusters = g_strdup_printf (_("%s visiting %s"),
                                vp_programme_get_visiting_cluster (programme),
                                vp_programme_get_host_cluster (programme));

  if (participant != NULL)
    {
      g_autofree char *name = NULL;
      const char *parts[] = { title, dates };

      /* TRANSLATORS: the title of a participant's printed agenda: "Agenda for Sanna Höglund" */
      name = g_strdup_printf (_("Agenda for %s"), vp_participant_get_name (participant));
      stack = begin_title (sheet, _("Personal agenda"), name);
      subtitle = join_parts (parts, G_N_ELEMENTS (parts));
    }
  else
    {
      const char *parts[] = { dates, clusters };

      stack = begin_title (sheet, _("Programme"), is_blank (title) ? _("Programme") : title);
      subtitle = join_parts (parts, G_N_ELEMENTS (parts));
    }

  /* Who it is for, under their name; then what it is. */
  if (participant != NULL && !is_blank (vp_participant_get_organisation (participant)))
    stack_text (&stack, VP_PRINT_FONT_SUBTITLE, 0, sheet->width,
                vp_participant_get_organisation (participant), VP_PRINT_COLOUR_TEXT, 2);
  stack_text (&stack, VP_PRINT_FONT_SUBTITLE, 0, sheet->width, subtitle, VP_PRINT_COLOUR_MUTED, 3);

  if (!is_blank (coordinator))
    {
      /* TRANSLATORS: the programme's coordinator and how to reach them, on a printed agenda */
      coordinator_line = g_strdup_printf (_("Coordinator: %s"), coordinator);
      stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width, coordinator_line,
                  VP_PRINT_COLOUR_TEXT, 8);
    }
  /* TRANSLATORS: on a printed agenda; the zone's IANA name, "Europe/Vilnius" */
  zone_line = g_strdup_printf (_("Times are local time in %s unless marked otherwise."),
                               g_time_zone_get_identifier (sheet->zone));
  stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width, zone_line, VP_PRINT_COLOUR_TEXT, 2);
  end_title (&stack);

  if (participant == NULL && !is_blank (vp_programme_get_description (programme)))
    append_paragraph (sheet, VP_PRINT_FONT_BODY, vp_programme_get_description (programme),
                      VP_PRINT_COLOUR_MUTED, 6);
}

void
vp_print_sheet_build_agenda (VpPrintSheet  *sheet,
                             VpParticipant *participant)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (sheet->snapshot);
  g_autoptr(GArray) events = participant != NULL ? collect_events (participant)
                                                 : g_array_new (FALSE, TRUE, sizeof (Event));
  SessionOptions options = { 0, FALSE, TRUE, participant == NULL, FALSE };
  guint next_event = 0;
  guint32 current_day = 0;
  VpPrintBlock *repeat = NULL;

  options.time_width = time_column_width (sheet, FALSE);
  append_agenda_title (sheet, participant);

  for (guint i = 0; i <= sessions->len; i++)
    {
      VpSession *session = i < sessions->len ? g_ptr_array_index (sessions, i) : NULL;
      guint32 day = G_MAXUINT32;
      VpPrintBlock *block;

      if (session != NULL)
        {
          VpLocalTime local;
          GDate date;

          if (participant != NULL && !attends (session, participant))
            continue;
          vp_local_time_from_instant (vp_session_get_start_utc (session), sheet->zone, &local);
          local_date (&local, &date);
          day = g_date_get_julian (&date);
        }

      /* Days with only travel or a hotel before this session's day. */
      while (next_event < events->len &&
             g_array_index (events, Event, next_event).day < day)
        {
          guint32 event_day = g_array_index (events, Event, next_event).day;
          GDate date;

          if (event_day != current_day)
            {
              g_date_clear (&date, 1);
              g_date_set_julian (&date, event_day);
              repeat = append_day (sheet, &date);
              current_day = event_day;
            }
          append_events (sheet, events, &next_event, event_day, options.time_width, repeat);
        }

      if (session == NULL)
        break;

      if (day != current_day)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, day);
          repeat = append_day (sheet, &date);
          current_day = day;
          append_events (sheet, events, &next_event, day, options.time_width, repeat);
        }

      block = sheet_append (sheet, session_block (sheet, session, &options));
      vp_print_block_set_repeat (block, repeat);
    }
}

/* Host sheet {{{1 */

static int
compare_participants_by_name (gconstpointer a,
                              gconstpointer b)
{
  VpParticipant *pa = *(VpParticipant **)a;
  VpParticipant *pb = *(VpParticipant **)b;
  const char *na = vp_participant_get_name (pa);
  const char *nb = vp_participant_get_name (pb);

  return g_utf8_collate (na != NULL ? na : "", nb != NULL ? nb : "");
}

/* A shaded box of labelled lines: "Group size   12 people". */
static void
append_facts (VpPrintSheet       *sheet,
              const char * const *labels,
              const char * const *values,
              guint               n)
{
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "facts"));
  g_autoptr(GPtrArray) label_layouts = g_ptr_array_new ();
  g_autoptr(GPtrArray) value_layouts = g_ptr_array_new ();
  double label_width = 0;
  double y = BOX_PADDING + 1;
  double x;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_SMALL_BOLD, 0, labels[i]);

      label_width = MAX (label_width, vp_print_layout_get_width (layout));
      g_ptr_array_add (label_layouts, layout);
    }
  label_width = MIN (label_width, sheet->width / 3);
  x = BOX_PADDING + 2 + label_width + GUTTER;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *value = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY,
                                                sheet->width - x - BOX_PADDING,
                                                is_blank (values[i]) ? "—" : values[i]);
      PangoLayout *label = g_ptr_array_index (label_layouts, i);

      pango_layout_set_width (label, pango_units_from_double (label_width));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      g_ptr_array_add (value_layouts, value);
    }

  /* The box first, below the text: its height is the text's. */
  for (guint i = 0; i < n; i++)
    y += MAX (vp_print_layout_get_height (g_ptr_array_index (value_layouts, i)),
              vp_print_layout_get_height (g_ptr_array_index (label_layouts, i))) +
           (i + 1 < n ? 3 : 0);
  vp_print_block_add_box (block, 0, 0, sheet->width, y + BOX_PADDING, 0, FALSE,
                          VP_PRINT_COLOUR_SHADE);

  y = BOX_PADDING + 1;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = g_ptr_array_index (label_layouts, i);
      PangoLayout *value = g_ptr_array_index (value_layouts, i);
      double label_y = y + MAX (0, layout_baseline (value) - layout_baseline (label));

      vp_print_block_add_text (block, label, BOX_PADDING + 2, label_y, VP_PRINT_COLOUR_MUTED);
      vp_print_block_add_text (block, value, x, y, VP_PRINT_COLOUR_TEXT);
      y += MAX (vp_print_layout_get_height (value), vp_print_layout_get_height (label)) + 3;
    }

  vp_print_block_set_space_above (block, 10);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
}

void
vp_print_sheet_build_host (VpPrintSheet *sheet,
                           VpHost       *host)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  g_autoptr(GPtrArray) here = g_ptr_array_new ();
  g_autoptr(GPtrArray) visitors = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *address = host_address (host);
  g_autofree char *place = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *group = NULL;
  g_autofree char *size = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *coordinator = coordinator_contact (snapshot);
  g_autofree char *sessions_title = NULL;
  SessionOptions options = { 0, TRUE, FALSE, FALSE, TRUE };
  const char *ref = vp_host_get_ref (host);
  gboolean everyone = FALSE;
  guint largest = 0;
  Stack stack;

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (g_strcmp0 (vp_session_get_host_ref (session), ref) != 0)
        continue;
      g_ptr_array_add (here, session);

      /* Who comes: the people of the sessions that take place. */
      if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
        continue;
      largest = MAX (largest, vp_snapshot_count_attendees (snapshot, session));
      if (vp_session_get_attendees_all (session))
        everyone = TRUE;
      else
        {
          GPtrArray *refs = vp_session_get_attendees (session);

          for (guint j = 0; j < refs->len; j++)
            g_hash_table_add (seen, g_ptr_array_index (refs, j));
        }
    }

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      if (everyone || g_hash_table_contains (seen, vp_participant_get_ref (participant)))
        g_ptr_array_add (visitors, participant);
    }
  g_ptr_array_sort (visitors, compare_participants_by_name);

  /* Who the host is, and how to reach them. */
  stack = begin_title (sheet, _("Host sheet"), vp_host_get_name (host));
  {
    const char *country = vp_host_get_country (host);
    const char *parts[] = { vp_host_kind_label (vp_host_get_kind (host)), address, NULL };

    /* The country only when the group crosses a border to get there. */
    if (g_strcmp0 (country, vp_programme_get_host_country (programme)) != 0)
      parts[2] = country;

    place = join_parts (parts, G_N_ELEMENTS (parts));
  }
  stack_text (&stack, VP_PRINT_FONT_SUBTITLE, 0, sheet->width, place, VP_PRINT_COLOUR_MUTED, 3);
  {
    g_autofree char *phone = keep_numbers_together (vp_host_get_phone (host));
    const char *parts[] = { vp_host_get_contact_name (host), phone,
                            vp_host_get_contact_email (host) };
    g_autofree char *joined = join_parts (parts, G_N_ELEMENTS (parts));

    if (*joined != '\0')
      /* TRANSLATORS: the host's contact person on a printed host sheet */
      contact = g_strdup_printf (_("Contact: %s"), joined);
  }
  stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width, contact, VP_PRINT_COLOUR_TEXT, 6);
  end_title (&stack);

  /* The visiting group, at a glance. */
  {
    const char *labels[4];
    const char *values[4];

    group = g_strdup (!is_blank (vp_programme_get_visiting_cluster (programme))
                      ? vp_programme_get_visiting_cluster (programme)
                      : vp_programme_get_title (programme));
    dates = format_date_range (vp_programme_get_start_date (programme),
                               vp_programme_get_end_date (programme));
    if (largest > 0)
      /* TRANSLATORS: the size of the visiting group on a printed host sheet */
      size = g_strdup_printf (ngettext ("%u person", "%u people", largest), largest);

    /* TRANSLATORS: labels of the facts box of a printed host sheet */
    labels[0] = _("Visiting group");
    values[0] = group;
    labels[1] = _("Dates");
    values[1] = dates;
    labels[2] = _("Group size");
    values[2] = size;
    labels[3] = _("Coordinator");
    values[3] = coordinator;
    append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  if (!is_blank (vp_host_get_notes (host)))
    {
      append_section (sheet, _("Site rules and notes"), "section");
      append_paragraph (sheet, VP_PRINT_FONT_BODY, vp_host_get_notes (host),
                        VP_PRINT_COLOUR_TEXT, 0);
    }

  /* TRANSLATORS: a section of a printed host sheet: "Sessions at Femtolux Lasers" */
  sessions_title = g_strdup_printf (_("Sessions at %s"), vp_host_get_name (host));
  append_section (sheet, sessions_title, "section");
  if (here->len == 0)
    append_paragraph (sheet, VP_PRINT_FONT_BODY, _("No sessions are planned here."),
                      VP_PRINT_COLOUR_MUTED, 0);
  options.time_width = time_column_width (sheet, TRUE);
  for (guint i = 0; i < here->len; i++)
    {
      VpPrintBlock *block = session_block (sheet, g_ptr_array_index (here, i), &options);

      if (i == 0)
        vp_print_block_set_space_above (block, 2);
      sheet_append (sheet, block);
    }

  /* TRANSLATORS: a section of a printed host sheet: the visitors and their needs */
  append_section (sheet, _("Visitors"), "section");
  append_paragraph (sheet, VP_PRINT_FONT_META,
                    _("Personal data: this sheet is for the host’s staff who prepare the visit. "
                      "Please do not pass it on, and destroy it after the visit."),
                    VP_PRINT_COLOUR_MUTED, 0);
  if (visitors->len == 0)
    append_paragraph (sheet, VP_PRINT_FONT_BODY, _("No visitors are expected."),
                      VP_PRINT_COLOUR_MUTED, 6);
  else
    {
      const Column columns[] = {
        /* TRANSLATORS: column titles of the visitors' table of a printed host sheet */
        { N_("Name"), 0.24 },
        { N_("Organisation"), 0.24 },
        { N_("Dietary needs"), 0.22 },
        { N_("Accessibility needs"), 0.30 },
      };
      Column translated[G_N_ELEMENTS (columns)];
      Table table;

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        translated[i] = (Column) { _(columns[i].title), columns[i].fraction };
      table_init (&table, sheet, translated, G_N_ELEMENTS (translated), "table-header");
      for (guint i = 0; i < visitors->len; i++)
        {
          VpParticipant *participant = g_ptr_array_index (visitors, i);
          /* needs as the host must see them, and only with consent to
           * share them with hosts; the coordinator's notes never */
          gboolean shared = vp_participant_may_share (participant, VP_CONSENT_SHARE_WITH_HOSTS);
          const char *cells[] = {
            vp_participant_get_name (participant),
            vp_participant_get_organisation (participant),
            /* TRANSLATORS: in a printed sheet, data a participant did not agree to share */
            shared ? vp_participant_get_dietary (participant) : _("not shared"),
            shared ? vp_participant_get_accessibility (participant) : _("not shared"),
          };

          table_add_row (&table, cells, NULL, VP_PRINT_FONT_BODY, "row");
        }
    }
}

/* Contacts {{{1 */

void
vp_print_sheet_build_contacts (VpPrintSheet *sheet)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *all = vp_snapshot_get_participants (snapshot);
  g_autoptr(GPtrArray) participants = g_ptr_array_sized_new (all->len);
  GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);
  g_autofree char *dates = format_date_range (vp_programme_get_start_date (programme),
                                              vp_programme_get_end_date (programme));
  const char *parts[] = { vp_programme_get_title (programme), dates };
  g_autofree char *subtitle = join_parts (parts, G_N_ELEMENTS (parts));
  Column participant_columns[] = {
    /* TRANSLATORS: column titles of the participants' table of a printed contact sheet */
    { N_("Name"), 0.31 },
    { N_("Organisation"), 0.21 },
    { N_("Phone"), 0.17 },
    { N_("Emergency contact"), 0.31 },
  };
  Column host_columns[] = {
    /* TRANSLATORS: column titles of the hosts' table of a printed contact sheet */
    { N_("Host"), 0.26 },
    { N_("Contact"), 0.34 },
    { N_("Phone"), 0.17 },
    { N_("Address"), 0.23 },
  };
  double phone_width = 0;
  double phone_fraction;
  Column translated[4];
  Table table;
  Stack stack;

  G_STATIC_ASSERT (G_N_ELEMENTS (participant_columns) == G_N_ELEMENTS (translated));
  G_STATIC_ASSERT (G_N_ELEMENTS (host_columns) == G_N_ELEMENTS (translated));

  stack = begin_title (sheet, _("Confidential"), _("Contacts"));
  stack_text (&stack, VP_PRINT_FONT_SUBTITLE, 0, sheet->width, subtitle, VP_PRINT_COLOUR_MUTED, 3);
  stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width,
              _("For the coordinator only. It holds personal data: keep it with you, "
                "and destroy it after the visit."),
              VP_PRINT_COLOUR_TEXT, 8);
  end_title (&stack);

  /* The phone column as wide as its longest number (a number never wraps),
   * taken from the widest column. */
  for (guint i = 0; i < all->len; i++)
    phone_width = MAX (phone_width,
                       text_width (sheet, vp_participant_get_phone (g_ptr_array_index (all, i))));
  for (guint i = 0; i < hosts->len; i++)
    phone_width = MAX (phone_width,
                       text_width (sheet, vp_host_get_phone (g_ptr_array_index (hosts, i))));
  phone_fraction = CLAMP ((phone_width + CELL_GAP + 1) / sheet->width, 0.12, 0.3);
  participant_columns[3].fraction += participant_columns[2].fraction - phone_fraction;
  participant_columns[2].fraction = phone_fraction;
  host_columns[3].fraction += host_columns[2].fraction - phone_fraction;
  host_columns[2].fraction = phone_fraction;

  append_section (sheet, _("Participants"), "section");
  for (guint i = 0; i < G_N_ELEMENTS (translated); i++)
    translated[i] = (Column) { _(participant_columns[i].title), participant_columns[i].fraction };
  table_init (&table, sheet, translated, G_N_ELEMENTS (translated), "table-header");
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (participants, g_ptr_array_index (all, i));
  g_ptr_array_sort (participants, compare_participants_by_name);
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      /* their phone, email and emergency contact only with consent to
       * appear on lists given to others */
      gboolean shared = vp_participant_may_share (participant,
                                                  VP_CONSENT_SHARE_WITH_PARTICIPANTS);
      g_autofree char *phone = shared ? keep_numbers_together (vp_participant_get_phone (
                                          participant))
                                      : g_strdup (_("not shared"));
      g_autofree char *emergency = shared ? keep_numbers_together (
                                              vp_participant_get_emergency_contact (participant))
                                          : NULL;
      const char *cells[] = {
        vp_participant_get_name (participant),
        vp_participant_get_organisation (participant),
        phone,
        emergency,
      };
      const char *details[] = { shared ? vp_participant_get_email (participant) : NULL, NULL,
                                NULL, NULL };

      table_add_row (&table, cells, details, VP_PRINT_FONT_TITLE, "row");
    }

  if (hosts->len == 0)
    return;

  append_section (sheet, _("Hosts"), "section");
  for (guint i = 0; i < G_N_ELEMENTS (translated); i++)
    translated[i] = (Column) { _(host_columns[i].title), host_columns[i].fraction };
  table_init (&table, sheet, translated, G_N_ELEMENTS (translated), "table-header");
  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);
      g_autofree char *address = host_address (host);
      g_autofree char *phone = keep_numbers_together (vp_host_get_phone (host));
      const char *cells[] = {
        vp_host_get_name (host),
        vp_host_get_contact_name (host),
        phone,
        address,
      };
      const char *details[] = { NULL, vp_host_get_contact_email (host), NULL, NULL };

      table_add_row (&table, cells, details, VP_PRINT_FONT_TITLE, "row");
    }
}

/* Grant sheet {{{1 */

/* The rules of data/cxc-rules.json by their names there, and what each
 * decides. */
static const struct
{
  const char *name;
  const char *label;
} grant_rules[] = {
  /* TRANSLATORS: what each rule of the ClusterXChange scheme decides, in the
   * sources at the end of a printed grant sheet */
  { "min_working_days", N_("Shortest stay") },
  { "max_months", N_("Longest stay") },
  { "travel_days_count", N_("Travel days") },
  { "halved_below_working_days", N_("Halved for a short stay") },
  { "halved_below_distance_km", N_("Halved for a short distance") },
  { "cap_eur", N_("Cap per organisation") },
  { "once_per_organisation", N_("Once per organisation") },
  { "full_amount_eur", N_("Full amount") },
  { "eligible_kinds", N_("Eligible organisations") },
};

enum
{
  GRANT_NAME,
  GRANT_COUNTRY,
  GRANT_PEOPLE,
  GRANT_DAYS,
  GRANT_DISTANCE,
  GRANT_SUM,
  GRANT_AMOUNT,
  GRANT_N_COLUMNS
};

static char *
format_money (VpBudget *budget,
              double    amount)
{
  /* TRANSLATORS: an amount and its currency, as in “550.00 EUR” */
  return g_strdup_printf (_("%.2f %s"), amount, vp_budget_get_currency (budget));
}

/* The texts of @line's cells (to be freed), and whether each is known. */
static void
grant_cells (VpBudget     *budget,
             VpBudgetLine *line,
             char        **cells,
             gboolean     *known)
{
  memset (cells, 0, GRANT_N_COLUMNS * sizeof *cells);
  cells[GRANT_NAME] = g_strdup (line->name);
  cells[GRANT_COUNTRY] = g_strdup (line->country);
  cells[GRANT_PEOPLE] = g_strdup_printf ("%u", line->people);
  cells[GRANT_DAYS] = g_strdup_printf ("%u", line->working_days);
  if (!isnan (line->distance_km))
    /* TRANSLATORS: a distance in the budget table; “?” when unknown */
    cells[GRANT_DISTANCE] = g_strdup_printf (_("%.0f km"), line->distance_km);
  if (line->reasons & VP_CXC_REASONS_NOTHING)
    /* TRANSLATORS: the lump sum of a printed grant sheet's line: none, halved, full, unknown */
    cells[GRANT_SUM] = g_strdup (C_("lump sum", "None"));
  else if (line->halved)
    cells[GRANT_SUM] = g_strdup (C_("lump sum", "Halved"));
  else if (!isnan (line->amount_eur))
    cells[GRANT_SUM] = g_strdup (C_("lump sum", "Full"));
  if (!isnan (line->amount_eur))
    cells[GRANT_AMOUNT] = format_money (budget, line->amount_eur);

  for (guint i = 0; i < GRANT_N_COLUMNS; i++)
    {
      known[i] = !is_blank (cells[i]);
      if (!known[i])
        {
          g_free (cells[i]);
          /* TRANSLATORS: a figure of a printed grant sheet that is not known yet */
          cells[i] = g_strdup (i == GRANT_COUNTRY ? "—" : C_("grant sheet", "unknown"));
        }
    }
}

/* The width of @text on one line in @font; a column title's in capitals,
 * spaced as table_init() sets it, its longest word (it may wrap between
 * words, never inside one). */
static double
grant_text_width (VpPrintSheet *sheet,
                  VpPrintFont   font,
                  const char   *text)
{
  g_autofree char *upper = NULL;
  g_auto(GStrv) words = NULL;
  double width = 0;

  if (font != VP_PRINT_FONT_LABEL)
    {
      g_autoptr(PangoLayout) layout = vp_print_sheet_text (sheet, font, 0, text);

      return vp_print_layout_get_width (layout);
    }

  upper = g_utf8_strup (text, -1);
  words = g_strsplit (upper, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = vp_print_sheet_text (sheet, font, 0, words[i]);

      vp_print_layout_add_attribute (layout, pango_attr_letter_spacing_new (PANGO_SCALE / 5));
      width = MAX (width, vp_print_layout_get_width (layout));
    }

  return width;
}

/* Each figure's column as wide as its widest text or title word; the
 * organisations' names take the rest. */
static void
grant_columns (VpPrintSheet *sheet,
               VpBudget     *budget,
               Column       *columns)
{
  GPtrArray *lines = vp_budget_get_lines (budget);
  double widths[GRANT_N_COLUMNS];
  double total = vp_budget_get_total_eur (budget);
  g_autofree char *total_text = NULL;
  double rest = 1;

  for (guint i = 0; i < GRANT_N_COLUMNS; i++)
    widths[i] = grant_text_width (sheet, VP_PRINT_FONT_LABEL, columns[i].title);

  for (guint l = 0; l < lines->len; l++)
    {
      char *cells[GRANT_N_COLUMNS];
      gboolean known[GRANT_N_COLUMNS];

      grant_cells (budget, g_ptr_array_index (lines, l), cells, known);
      for (guint i = GRANT_COUNTRY; i < GRANT_N_COLUMNS; i++)
        widths[i] = MAX (widths[i], grant_text_width (sheet, VP_PRINT_FONT_BODY, cells[i]));
      for (guint i = 0; i < GRANT_N_COLUMNS; i++)
        g_free (cells[i]);
    }

  /* The total, in bold under the amounts. */
  total_text = isnan (total) ? g_strdup (C_("grant sheet", "unknown"))
                             : format_money (budget, total);
  widths[GRANT_AMOUNT] = MAX (widths[GRANT_AMOUNT],
                              grant_text_width (sheet, VP_PRINT_FONT_TITLE, total_text));

  for (guint i = GRANT_COUNTRY; i < GRANT_N_COLUMNS; i++)
    {
      /* The last column has no gap after it. */
      double width = ceil (widths[i] + 1 + (i + 1 < GRANT_N_COLUMNS ? CELL_GAP : 0));

      columns[i].fraction = MIN (width / sheet->width, 0.2);
      rest -= columns[i].fraction;
    }
  columns[GRANT_NAME].fraction = rest;
}

/* A cell's text, right-aligned in its column for figures. */
static PangoLayout *
grant_cell (Table       *table,
            guint        column,
            VpPrintFont  font,
            const char  *text)
{
  PangoLayout *layout = vp_print_sheet_text (table->sheet, font, table->widths[column], text);

  if (table->columns[column].right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  return layout;
}

static double add_grant_total (Table        *table,
                               VpBudget     *budget,
                               VpPrintBlock *block,
                               double        top);

/* One visiting organisation: its name on the left; its figures beside it,
 * and under them the sentence of the rule that decided its amount.  The
 * last row holds the total, which never goes on to a page alone. */
static void
append_grant_row (Table        *table,
                  VpBudget     *budget,
                  VpBudgetLine *line,
                  gboolean      last)
{
  VpPrintSheet *sheet = table->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "row");
  char *cells[GRANT_N_COLUMNS];
  gboolean known[GRANT_N_COLUMNS];
  double padding = 4.5;
  double figures = 0;
  double bottom = 0;
  double rule_x = table->x[GRANT_COUNTRY];
  PangoLayout *name;
  PangoLayout *rule;

  grant_cells (budget, line, cells, known);
  name = grant_cell (table, GRANT_NAME, VP_PRINT_FONT_TITLE, cells[GRANT_NAME]);
  vp_print_block_add_text (block, name, table->x[GRANT_NAME], padding, VP_PRINT_COLOUR_TEXT);

  /* The figures on the baseline of the name's first line. */
  for (guint i = GRANT_COUNTRY; i < GRANT_N_COLUMNS; i++)
    {
      PangoLayout *cell = grant_cell (table, i, VP_PRINT_FONT_BODY, cells[i]);
      double y = padding + MAX (0, layout_baseline (name) - layout_baseline (cell));

      vp_print_block_add_text (block, cell, table->x[i], y,
                               known[i] ? VP_PRINT_COLOUR_TEXT : VP_PRINT_COLOUR_MUTED);
      figures = MAX (figures, y + vp_print_layout_get_height (cell));
    }
  for (guint i = 0; i < GRANT_N_COLUMNS; i++)
    g_free (cells[i]);

  rule = vp_print_sheet_text (sheet, VP_PRINT_FONT_META, sheet->width - rule_x, line->rule);
  vp_print_block_add_text (block, rule, rule_x, figures + 2, VP_PRINT_COLOUR_MUTED);
  bottom = MAX (padding + vp_print_layout_get_height (name),
                figures + 2 + vp_print_layout_get_height (rule));

  if (!last)
    vp_print_block_add_rule (block, 0, bottom + padding, sheet->width, 0.4,
                             VP_PRINT_COLOUR_RULE);
  else
    add_grant_total (table, budget, block, bottom + padding);
  vp_print_block_set_repeat (block, table->header);
  /* A row stays whole unless it is longer than a good part of a page. */
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block),
                                       sheet->height / (last ? 3 : 4)));
  sheet_append (sheet, block);
}

/* The total at @top of @block, the table's last row: its people and
 * amount in their columns, between two rules.  Returns its bottom. */
static double
add_grant_total (Table        *table,
                 VpBudget     *budget,
                 VpPrintBlock *block,
                 double        top)
{
  VpPrintSheet *sheet = table->sheet;
  GPtrArray *lines = vp_budget_get_lines (budget);
  double total = vp_budget_get_total_eur (budget);
  g_autofree char *label = NULL;
  g_autofree char *people = NULL;
  g_autofree char *amount = NULL;
  PangoLayout *label_layout;
  PangoLayout *people_layout;
  PangoLayout *amount_layout;
  guint n_people = 0;
  double bottom;

  for (guint i = 0; i < lines->len; i++)
    n_people += ((VpBudgetLine *)g_ptr_array_index (lines, i))->people;

  /* TRANSLATORS: the total line of a printed grant sheet: "Total: 11 visiting organisations" */
  label = g_strdup_printf (ngettext ("Total: %u visiting organisation",
                                     "Total: %u visiting organisations", lines->len),
                           lines->len);
  people = g_strdup_printf ("%u", n_people);
  amount = isnan (total) ? g_strdup (C_("grant sheet", "unknown")) : format_money (budget, total);

  /* The label as wide as the columns before the people's. */
  label_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE,
                                      table->x[GRANT_PEOPLE] - CELL_GAP, label);
  people_layout = grant_cell (table, GRANT_PEOPLE, VP_PRINT_FONT_TITLE, people);
  amount_layout = grant_cell (table, GRANT_AMOUNT, VP_PRINT_FONT_TITLE, amount);
  vp_print_block_add_rule (block, 0, top, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  top += 0.8 + 5;
  vp_print_block_add_text (block, label_layout, table->x[GRANT_NAME], top, VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, people_layout, table->x[GRANT_PEOPLE], top,
                           VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, amount_layout, table->x[GRANT_AMOUNT], top,
                           isnan (total) ? VP_PRINT_COLOUR_MUTED : VP_PRINT_COLOUR_TEXT);
  bottom = top + MAX (vp_print_layout_get_height (label_layout),
                      vp_print_layout_get_height (amount_layout));

  if (isnan (total))
    {
      Stack stack = { sheet, block, bottom };

      stack_text (&stack, VP_PRINT_FONT_META, 0, sheet->width,
                  _("The total is unknown while an amount is: see what is still unknown below."),
                  VP_PRINT_COLOUR_MUTED, 2);
      bottom = stack.y;
    }

  vp_print_block_add_rule (block, 0, bottom + 4, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (block, bottom + 4 + 0.8);

  return bottom + 4 + 0.8;
}

/* Lines to write the date and sign on, with their labels below. */
static void
append_signature (VpPrintSheet *sheet)
{
  VpProgramme *programme = vp_snapshot_get_programme (sheet->snapshot);
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT,
                                                                  "signature"));
  const char *coordinator = vp_programme_get_coordinator_name (programme);
  g_autofree char *signed_by = NULL;
  double line_y = 34;
  double date_width = sheet->width * 0.3;
  double sign_x = sheet->width * 0.4;
  PangoLayout *date;
  PangoLayout *sign;

  if (!is_blank (coordinator))
    /* TRANSLATORS: under the signature line of a printed grant sheet */
    signed_by = g_strdup_printf (_("Signature of the coordinator, %s"), coordinator);
  else
    signed_by = g_strdup (_("Signature of the coordinator"));

  /* TRANSLATORS: under the line for the date on a printed grant sheet */
  date = vp_print_sheet_text (sheet, VP_PRINT_FONT_SMALL, date_width, _("Date"));
  sign = vp_print_sheet_text (sheet, VP_PRINT_FONT_SMALL, sheet->width - sign_x, signed_by);
  vp_print_block_add_rule (block, 0, line_y, date_width, 0.6, VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_rule (block, sign_x, line_y, sheet->width - sign_x, 0.6,
                           VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, date, 0, line_y + 3, VP_PRINT_COLOUR_MUTED);
  vp_print_block_add_text (block, sign, sign_x, line_y + 3, VP_PRINT_COLOUR_MUTED);
  vp_print_block_extend (block, line_y + 3 + MAX (vp_print_layout_get_height (date),
                                                  vp_print_layout_get_height (sign)));
  /* Signed on one page, whole. */
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_space_above (block, SECTION_SPACE);
}

/* The rules' sources and the dates they were read, in small type under a
 * short rule: one block each, so that they may go on to the next page. */
static void
append_rule_sources (VpPrintSheet *sheet)
{
  VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_HEADING,
                                                                  "sources"));
  Stack stack = { sheet, block, 0 };

  vp_print_block_add_rule (block, 0, 0, sheet->width * 0.3, 0.5, VP_PRINT_COLOUR_RULE);
  stack.y = 4;
  stack_text (&stack, VP_PRINT_FONT_SMALL_BOLD, 0, sheet->width,
              /* TRANSLATORS: the footnote of a printed grant sheet */
              _("The rules applied, their sources and the dates they were read"),
              VP_PRINT_COLOUR_MUTED, 0);
  vp_print_block_set_space_above (block, SECTION_SPACE);

  for (guint i = 0; i <= G_N_ELEMENTS (grant_rules); i++)
    {
      const char *label;
      const char *source;
      g_autofree char *text = NULL;

      if (i < G_N_ELEMENTS (grant_rules))
        {
          label = _(grant_rules[i].label);
          source = vp_cxc_rules_source (grant_rules[i].name);
        }
      else
        {
          /* TRANSLATORS: the source of the list of eligible countries, in a grant sheet's
           * footnote */
          label = _("Eligible countries");
          source = vp_checks_country_source ();
        }
      if (is_blank (source))
        continue;

      /* TRANSLATORS: a rule and its source in a grant sheet's footnote: "Cap per organisation:
       * https://…" */
      text = g_strdup_printf (_("%s: %s"), label, source);
      block = append_paragraph (sheet, VP_PRINT_FONT_SMALL, text, VP_PRINT_COLOUR_MUTED, 2);
      vp_print_block_set_keep (block, vp_print_block_get_height (block));
    }
}

void
vp_print_sheet_build_budget (VpPrintSheet *sheet,
                             VpBudget     *budget)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *lines = vp_budget_get_lines (budget);
  GPtrArray *unknown = vp_budget_get_unknown (budget);
  const char *title = vp_programme_get_title (programme);
  g_autofree char *dates = format_date_range (vp_programme_get_start_date (programme),
                                              vp_programme_get_end_date (programme));
  g_autofree char *coordinator = coordinator_contact (snapshot);
  const Column columns[GRANT_N_COLUMNS] = {
    /* TRANSLATORS: the column titles of a printed grant sheet's table */
    [GRANT_NAME] = { N_("Organisation"), 0, FALSE },
    [GRANT_COUNTRY] = { N_("Country"), 0, FALSE },
    [GRANT_PEOPLE] = { N_("People"), 0, TRUE },
    [GRANT_DAYS] = { N_("Working days"), 0, TRUE },
    [GRANT_DISTANCE] = { N_("Distance"), 0, TRUE },
    [GRANT_SUM] = { N_("Lump sum"), 0, FALSE },
    [GRANT_AMOUNT] = { N_("Amount"), 0, TRUE },
  };
  Column translated[GRANT_N_COLUMNS];
  Table table;
  Stack stack;

  stack = begin_title (sheet, _("ClusterXChange grant sheet"),
                       is_blank (title) ? _("Programme") : title);
  stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width,
              _("What each visiting organisation may claim under the ClusterXChange rules: "
                "one lump sum per organisation, halved for a short stay or a short distance, "
                "never above the cap. Computed from the programme’s sessions, travel and "
                "organisations on the day printed below."),
              VP_PRINT_COLOUR_TEXT, 8);
  end_title (&stack);

  {
    /* TRANSLATORS: labels of the facts box of a printed grant sheet */
    const char *labels[] = {
      _("Visiting cluster"), _("Host cluster"), _("Host country"), _("Dates"), _("Coordinator"),
    };
    const char *values[] = {
      vp_programme_get_visiting_cluster (programme), vp_programme_get_host_cluster (programme),
      vp_programme_get_host_country (programme), dates, coordinator,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
    append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  /* TRANSLATORS: a section of a printed grant sheet */
  append_section (sheet, _("Budget per visiting organisation"), "section");
  if (lines->len == 0)
    append_paragraph (sheet, VP_PRINT_FONT_BODY, _("No visiting organisation yet."),
                      VP_PRINT_COLOUR_MUTED, 0);
  else
    {
      for (guint i = 0; i < GRANT_N_COLUMNS; i++)
        translated[i] = (Column) { _(columns[i].title), columns[i].fraction, columns[i].right };
      grant_columns (sheet, budget, translated);
      table_init (&table, sheet, translated, GRANT_N_COLUMNS, "table-header");
      for (guint i = 0; i < lines->len; i++)
        append_grant_row (&table, budget, g_ptr_array_index (lines, i), i + 1 == lines->len);
    }

  /* TRANSLATORS: a section of a printed grant sheet: what the budget cannot tell yet */
  append_section (sheet, _("Still unknown"), "section");
  if (unknown->len == 0)
    append_paragraph (sheet, VP_PRINT_FONT_BODY,
                      _("Nothing: the budget above has all it depends on."),
                      VP_PRINT_COLOUR_MUTED, 0);
  for (guint i = 0; i < unknown->len; i++)
    {
      /* TRANSLATORS: the bullet before an item of a printed list, and the space after it */
      const char *bullet = _("• ");
      g_autofree char *item = g_strconcat (bullet, g_ptr_array_index (unknown, i), NULL);
      g_autoptr(PangoLayout) mark = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, 0, bullet);
      PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY, sheet->width, item);
      VpPrintBlock *block = sheet_append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT,
                                                                      "item"));

      /* Its lines under the text, not under the bullet. */
      pango_layout_set_indent (layout, -pango_units_from_double (vp_print_layout_get_width (mark)));
      vp_print_block_add_text (block, layout, 0, 0, VP_PRINT_COLOUR_TEXT);
      vp_print_block_set_space_above (block, i > 0 ? 3 : 0);
    }

  append_signature (sheet);
  append_rule_sources (sheet);
}

/* Shared with the layouts of other files {{{1 */

void
vp_print_table_init (VpPrintTable        *table,
                     VpPrintSheet        *sheet,
                     const VpPrintColumn *columns,
                     guint                n_columns,
                     const char          *tag)
{
  table_init (table, sheet, columns, n_columns, tag);
}

void
vp_print_table_add_row (VpPrintTable       *table,
                        const char * const *cells,
                        const char * const *details,
                        VpPrintFont         first_font,
                        const char         *tag)
{
  table_add_row (table, cells, details, first_font, tag);
}

void
vp_print_sheet_append_title (VpPrintSheet *sheet,
                             const char   *label,
                             const char   *title,
                             const char   *subtitle,
                             const char   *note)
{
  Stack stack = begin_title (sheet, label, title);

  stack_text (&stack, VP_PRINT_FONT_SUBTITLE, 0, sheet->width, subtitle, VP_PRINT_COLOUR_MUTED, 3);
  stack_text (&stack, VP_PRINT_FONT_BODY, 0, sheet->width, note, VP_PRINT_COLOUR_TEXT, 8);
  end_title (&stack);
}

void
vp_print_sheet_append_section (VpPrintSheet *sheet,
                               const char   *title,
                               const char   *tag)
{
  append_section (sheet, title, tag);
}

VpPrintBlock *
vp_print_sheet_append_paragraph (VpPrintSheet *sheet,
                                 VpPrintFont   font,
                                 const char   *text,
                                 guint32       colour,
                                 double        space_above)
{
  return append_paragraph (sheet, font, text, colour, space_above);
}

void
vp_print_sheet_append_facts (VpPrintSheet       *sheet,
                             const char * const *labels,
                             const char * const *values,
                             guint               n)
{
  append_facts (sheet, labels, values, n);
}

VpPrintBlock *
vp_print_sheet_append_day (VpPrintSheet *sheet,
                           const GDate  *date)
{
  return append_day (sheet, date);
}

double
vp_print_sheet_time_width (VpPrintSheet *sheet,
                           gboolean      with_date)
{
  return time_column_width (sheet, with_date);
}

char *
vp_print_format_date_range (const char *start,
                            const char *end)
{
  return format_date_range (start, end);
}

char *
vp_print_format_day_short (const GDate *date)
{
  return format_day_short (date);
}

char *
vp_print_format_time_range (gint64     start,
                            gint64     end,
                            GTimeZone *zone)
{
  return format_time_range (start, end, zone, zone);
}

int
vp_print_compare_participants (gconstpointer a,
                               gconstpointer b)
{
  return compare_participants_by_name (a, b);
}

char *
vp_print_format_day (const GDate *date)
{
  return format_day (date);
}

char *
vp_print_host_address (VpHost *host)
{
  return host_address (host);
}

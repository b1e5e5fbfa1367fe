/* vp-print-paperwork.c: the exchange's paperwork: a sheet per session for its attendees to sign,
 * a certificate of attendance per participant. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <math.h>
#include <string.h>

#include "vp-cxc.h"
#include "vp-labels.h"
#include "vp-print-document.h"
#include "vp-print-paperwork.h"
#include "vp-time.h"

/* Spacing, in points. */
#define CELL_GAP        8.0   /* between table columns */
#define ROW_PADDING     5.0   /* above a row's text, and below it at least */
#define SIGN_ROW        21.0  /* the least height of a row to sign in */
#define SECTION_SPACE   16.0
/* Text keeps this far inside its width: a glyph that reaches past its
 * advance (as Arabic ones may at a line's end) stays inside the margins. */
#define INK_INSET       1.0
#define TITLE_GAP       10.0  /* between the title block and the facts */
/* Walk-in rows: at least this many, and as many more as the page holds. */
#define MIN_WALK_INS    5
#define MAX_WALK_INS    80
/* As vp-print-document.c: a block no taller than this part of a page moves
 * whole to the next page rather than split. */
#define SMALL_BLOCK     0.25
/* What a page keeps free in the sheets' own reckoning of where the flow
 * puts their blocks, so that a rounding never sends a block on alone. */
#define SAFETY          1.0
/* A certificate's name, in points: as large as this, no smaller than the
 * least before it wraps. */
#define NAME_SIZE       26.0
#define NAME_MIN_SIZE   15.0
/* An attendance sheet's title: a long one still leaves room to sign. */
#define SHEET_TITLE_SIZE 17.0

/* Small things {{{1 */

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}


/* The width @layout's text takes, not the width it is given. */
static double
ink_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

static VpPrintBlock *
append (VpPrintSheet *sheet,
        VpPrintBlock *block)
{
  g_ptr_array_add (sheet->blocks, block);
  return block;
}

/* @text in @font at @size points, wrapped to @width. */
static PangoLayout *
sized_text (VpPrintSheet *sheet,
            VpPrintFont   font,
            double        size,
            double        width,
            const char   *text)
{
  PangoLayout *layout = vp_print_sheet_text (sheet, font, width, text);
  g_autoptr(PangoFontDescription) description = pango_font_description_copy (
    sheet->fonts[font]);

  pango_font_description_set_size (description, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (layout, description);
  return layout;
}

/* @text in @font, wrapped to @width, aligned, and with @spaced its letters
 * spaced out: shaped once for all the sheets that print it (a thousand
 * sheets say "Stamp"), never to be changed.  Returns a new reference. */
static PangoLayout *
shared_text (VpPrintSheet   *sheet,
             VpPrintFont     font,
             double          width,
             const char     *text,
             PangoAlignment  alignment,
             gboolean        spaced)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (alignment == PANGO_ALIGN_LEFT && !spaced)
    return vp_print_sheet_shared_text (sheet, font, width, text);

  /* Apart from vp_print_sheet_shared_text()'s keys, which start with a
   * figure. */
  key = g_strdup_printf ("p%d:%d:%d:%d:%s", (int)alignment, (int)spaced, (int)font,
                         pango_units_from_double (width), text);
  layout = g_hash_table_lookup (sheet->shared, key);
  if (layout == NULL)
    {
      layout = vp_print_sheet_text (sheet, font, width, text);
      pango_layout_set_alignment (layout, alignment);
      if (spaced)
        vp_print_layout_add_attribute (layout, pango_attr_letter_spacing_new (PANGO_SCALE / 4));
      vp_print_layout_set_shared (layout);
      g_hash_table_insert (sheet->shared, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The cells of a table's row at @y of @block, in @font, each at its column
 * (@xs, @widths) in its colour, letters spaced out with @spaced: when each
 * fits on one line of its column, one shared layout whose tab stops are
 * the columns (a right-to-left cell at its column's start), which a PDF
 * draws in one operation, once for all the rows that repeat it; else each
 * on its own, wrapped.  Returns the bottom of the tallest. */
static double
add_cells (VpPrintSheet        *sheet,
           VpPrintBlock        *block,
           VpPrintFont          font,
           gboolean             spaced,
           double               y,
           const char * const  *cells,
           const guint32       *colours,
           const double        *xs,
           const double        *widths,
           guint                n)
{
  /* NULL for an empty cell. */
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (unref_if_set);
  g_autoptr(GString) key = g_string_new ("t");
  PangoLayout *row;
  gboolean one_line = TRUE;
  double bottom = y;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = NULL;

      if (!is_blank (cells[i]))
        {
          layout = shared_text (sheet, font, widths[i], cells[i], PANGO_ALIGN_LEFT, spaced);
          if (pango_layout_get_line_count (layout) > 1)
            one_line = FALSE;
        }
      g_ptr_array_add (layouts, layout);
    }

  if (!one_line)
    {
      for (guint i = 0; i < n; i++)
        {
          PangoLayout *layout = g_ptr_array_index (layouts, i);

          if (layout == NULL)
            continue;
          vp_print_block_add_text (block, g_object_ref (layout), xs[i], y, colours[i]);
          bottom = MAX (bottom, y + vp_print_layout_get_height (layout));
        }
      return bottom;
    }

  /* Apart from the other shared texts' keys. */
  g_string_append_printf (key, "%d:%d", (int)font, (int)spaced);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, ":%d:%06x", pango_units_from_double (xs[i] - xs[0]),
                            colours[i]);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "\t%s", cells[i] != NULL ? cells[i] : "");

  row = g_hash_table_lookup (sheet->shared, key->str);
  if (row == NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new ((int)n - 1, FALSE);
      g_autoptr(PangoAttrList) attributes = NULL;

      for (guint i = 0; i < n; i++)
        {
          guint start;

          if (i > 0)
            {
              g_string_append_c (text, '\t');
              pango_tab_array_set_tab (tabs, (int)i - 1, PANGO_TAB_LEFT,
                                       pango_units_from_double (xs[i] - xs[0]));
            }
          start = text->len;
          g_string_append (text, cells[i] != NULL ? cells[i] : "");
          if (colours[i] != colours[0] && text->len > start)
            {
              PangoAttribute *colour = pango_attr_foreground_new (
                ((colours[i] >> 16) & 0xff) * 257, ((colours[i] >> 8) & 0xff) * 257,
                (colours[i] & 0xff) * 257);

              colour->start_index = start;
              colour->end_index = text->len;
              if (attributes == NULL)
                attributes = pango_attr_list_new ();
              pango_attr_list_insert (attributes, colour);
            }
        }

      row = vp_print_sheet_text (sheet, font, 0, text->str);
      /* The columns run left to right whatever the text. */
      pango_layout_set_auto_dir (row, FALSE);
      pango_layout_set_tabs (row, tabs);
      if (spaced)
        vp_print_layout_add_attribute (row, pango_attr_letter_spacing_new (PANGO_SCALE / 4));
      if (attributes != NULL)
        {
          PangoAttrList *current = pango_layout_get_attributes (row);
          g_autoptr(PangoAttrList) list = current != NULL ? pango_attr_list_copy (current)
                                                          : pango_attr_list_new ();

          pango_attr_list_splice (list, attributes, 0, 0);
          pango_layout_set_attributes (row, list);
        }
      vp_print_layout_set_shared (row);
      g_hash_table_insert (sheet->shared, g_string_free (g_steal_pointer (&key), FALSE), row);
    }

  vp_print_block_add_text (block, g_object_ref (row), xs[0], y, colours[0]);
  return y + vp_print_layout_get_height (row);
}

/* A small label in capitals, spaced out: "ATTENDANCE SHEET". */
static PangoLayout *
label_text (VpPrintSheet   *sheet,
            const char     *text,
            double          width,
            PangoAlignment  alignment)
{
  g_autofree char *upper = g_utf8_strup (text, -1);

  return shared_text (sheet, VP_PRINT_FONT_LABEL, width, upper, alignment, TRUE);
}

/* @text below @y in @block, wrapped to @width at @x; returns its bottom. */
static double
add_line (VpPrintSheet   *sheet,
          VpPrintBlock   *block,
          VpPrintFont     font,
          double          x,
          double          y,
          double          width,
          const char     *text,
          guint32         colour,
          PangoAlignment  alignment)
{
  PangoLayout *layout;

  if (is_blank (text))
    return y;

  layout = shared_text (sheet, font, width - 2 * INK_INSET, text, alignment, FALSE);
  vp_print_block_add_text (block, layout, x + INK_INSET, y, colour);
  return y + vp_print_layout_get_height (layout);
}

static void
local_day (gint64     instant,
           GTimeZone *zone,
           GDate     *date)
{
  VpLocalTime local;

  vp_local_time_from_instant (instant, zone, &local);
  g_date_clear (date, 1);
  if (g_date_valid_dmy ((GDateDay)local.day, (GDateMonth)local.month, (GDateYear)local.year))
    g_date_set_dmy (date, (GDateDay)local.day, (GDateMonth)local.month, (GDateYear)local.year);
}

/* "09:15–09:45" on one line, whatever day it ends. */
static char *
time_range (VpSession *session,
            GTimeZone *zone)
{
  char *range = vp_print_format_time_range (vp_session_get_start_utc (session),
                                            vp_session_get_end_utc (session), zone);

  return g_strdelimit (range, "\n", ' ');
}

static const char *
participant_name (VpParticipant *participant)
{
  const char *name = vp_participant_get_name (participant);

  return !is_blank (name) ? name : vp_participant_get_ref (participant);
}

/* The name of the organisation @participant belongs to, or the one they
 * name. */
static const char *
participant_organisation (VpSnapshot    *snapshot,
                          VpParticipant *participant)
{
  VpOrganisation *organisation = vp_snapshot_get_participant_organisation (snapshot,
                                                                           participant);

  if (organisation != NULL && !is_blank (vp_organisation_get_name (organisation)))
    return vp_organisation_get_name (organisation);

  return vp_participant_get_organisation (participant);
}

/* Their country's name (its code when it is not one known), else their
 * organisation's. */
static const char *
participant_country (VpSnapshot    *snapshot,
                     VpParticipant *participant)
{
  const char *code = vp_participant_get_country (participant);
  const char *name;

  if (is_blank (code))
    {
      VpOrganisation *organisation = vp_snapshot_get_participant_organisation (snapshot,
                                                                               participant);

      code = organisation != NULL ? vp_organisation_get_country (organisation) : NULL;
    }
  if (is_blank (code))
    return NULL;

  name = vp_country_name (code);
  return name != NULL ? name : code;
}

/* "Lithuania (LT)", or the code alone when it is not a country known. */
static char *
country_with_code (const char *code)
{
  const char *name = is_blank (code) ? NULL : vp_country_name (code);

  if (name == NULL)
    return g_strdup (code);

  /* TRANSLATORS: a country and its ISO code on a printed certificate: "Lithuania (LT)" */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

/* The participants in order of their names, and the place of each. */
typedef struct
{
  GPtrArray  *sorted;  /* VpParticipant */
  GHashTable *place;   /* VpParticipant → position + 1 */
} People;

typedef struct
{
  char          *key;
  guint          index;
  VpParticipant *participant;
} NameKey;

static int
compare_name_keys (gconstpointer a,
                   gconstpointer b)
{
  const NameKey *first = a;
  const NameKey *second = b;
  int order = strcmp (first->key, second->key);

  if (order != 0)
    return order;
  return first->index < second->index ? -1 : first->index > second->index;
}

static void
people_init (People     *people,
             VpSnapshot *snapshot)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (NameKey), participants->len);

  /* A collation key once each, not at every comparison. */
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      NameKey key = { g_utf8_collate_key (participant_name (participant), -1), i, participant };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_name_keys);

  people->sorted = g_ptr_array_sized_new (participants->len);
  people->place = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      NameKey *key = &g_array_index (keys, NameKey, i);

      g_ptr_array_add (people->sorted, key->participant);
      g_hash_table_insert (people->place, key->participant, GUINT_TO_POINTER (i + 1));
      g_free (key->key);
    }
}

static void
people_clear (People *people)
{
  g_clear_pointer (&people->sorted, g_ptr_array_unref);
  g_clear_pointer (&people->place, g_hash_table_unref);
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *place = user_data;
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (place, *(gpointer *)a));
  guint second = GPOINTER_TO_UINT (g_hash_table_lookup (place, *(gpointer *)b));

  return first < second ? -1 : first > second;
}

/* Where the page flow (vp-print-document.c) puts a sheet's blocks, reckoned
 * ahead: for blocks that are small, or that start the sheet's page. */
typedef struct
{
  double page;   /* the body's height */
  double y;      /* how far down the page is filled */
  guint  pages;  /* the pages the sheet has taken */
} Flow;

static void
flow_start (Flow         *flow,
            VpPrintSheet *sheet)
{
  flow->page = sheet->height - SAFETY;
  flow->y = 0;
  flow->pages = 1;
}

/* @block goes below what is there, or on to a new page under @repeat's
 * height; a tall block goes on over as many pages as it needs. */
static void
flow_add (Flow         *flow,
          VpPrintBlock *block,
          double        repeat)
{
  double height = vp_print_block_get_height (block);
  double space = flow->y > 0 ? vp_print_block_get_space_above (block) : 0;
  double rest;

  if (flow->y + space + height <= flow->page)
    {
      flow->y += space + height;
      return;
    }

  if (height <= flow->page * SMALL_BLOCK || flow->y == 0)
    rest = height;
  else
    rest = height - MAX (0, flow->page - flow->y - space);
  flow->pages++;
  flow->y = repeat;
  while (flow->y + rest > flow->page && flow->page - repeat > 1)
    {
      rest -= flow->page - repeat;
      flow->pages++;
    }
  flow->y += rest;
}

/* A shaded box of labelled lines ("Host   Femtolux Lasers"), kept whole,
 * as the other sheets have them; the labels the widest's width. */
static VpPrintBlock *
append_facts (VpPrintSheet       *sheet,
              const char * const *labels,
              const char * const *values,
              guint               n)
{
  VpPrintBlock *block = append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "facts"));
  g_autoptr(GPtrArray) label_layouts = g_ptr_array_new ();
  g_autoptr(GPtrArray) value_layouts = g_ptr_array_new ();
  double padding = 6;
  double label_width = 0;
  double y = padding + 1;
  double x;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_SMALL_BOLD,
                                                        sheet->width / 3, labels[i]);

      label_width = MAX (label_width, ink_width (layout));
      g_ptr_array_add (label_layouts, layout);
    }
  x = padding + 2 + ceil (label_width) + 14;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (value_layouts,
                     vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_BODY,
                                                 sheet->width - x - padding,
                                                 is_blank (values[i]) ? "—" : values[i]));

  /* The box first, under the text: as tall as the text. */
  for (guint i = 0; i < n; i++)
    y += MAX (vp_print_layout_get_height (g_ptr_array_index (value_layouts, i)),
              vp_print_layout_get_height (g_ptr_array_index (label_layouts, i))) +
           (i + 1 < n ? 3 : 0);
  vp_print_block_add_box (block, 0, 0, sheet->width, y + padding, 0, FALSE,
                          VP_PRINT_COLOUR_SHADE);

  y = padding + 1;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = g_ptr_array_index (label_layouts, i);
      PangoLayout *value = g_ptr_array_index (value_layouts, i);
      double label_y = y + MAX (0, (double)(pango_layout_get_baseline (value) -
                                            pango_layout_get_baseline (label)) / PANGO_SCALE);

      vp_print_block_add_text (block, label, padding + 2, label_y, VP_PRINT_COLOUR_MUTED);
      vp_print_block_add_text (block, value, x, y, VP_PRINT_COLOUR_TEXT);
      y += MAX (vp_print_layout_get_height (value), vp_print_layout_get_height (label)) + 3;
    }

  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  return block;
}

/* Lines to sign on, each @room below what is above it, with what goes on
 * each below it, from @x, @width wide; returns the bottom. */
static double
add_signature_lines (VpPrintSheet       *sheet,
                     VpPrintBlock       *block,
                     double              x,
                     double              y,
                     double              width,
                     double              room,
                     const char * const *captions,
                     guint               n)
{
  double bottom = y;
  double line_y = y;

  /* The lines first, then what goes under them: one fill draws the lines. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) caption = vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_SMALL,
                                                                   width, captions[i]);

      line_y += room;
      vp_print_block_add_rule (block, x, line_y, width, 0.6, VP_PRINT_COLOUR_TEXT);
      line_y += 3 + vp_print_layout_get_height (caption);
    }
  line_y = y;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *caption = vp_print_sheet_shared_text (sheet, VP_PRINT_FONT_SMALL, width,
                                                         captions[i]);

      line_y += room;
      vp_print_block_add_text (block, caption, x, line_y + 3, VP_PRINT_COLOUR_MUTED);
      line_y += 3 + vp_print_layout_get_height (caption);
      bottom = line_y;
    }

  return bottom;
}

/* Attendance sheets {{{1 */

gboolean
vp_print_session_has_attendance_sheet (VpSession *session)
{
  g_return_val_if_fail (VP_IS_SESSION (session), FALSE);

  if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
    return FALSE;

  switch (vp_session_get_kind (session))
    {
    case VP_SESSION_KIND_VISIT:
    case VP_SESSION_KIND_MEETING:
    case VP_SESSION_KIND_B2B:
    case VP_SESSION_KIND_WORKSHOP:
      return TRUE;

    case VP_SESSION_KIND_UNSET:
    case VP_SESSION_KIND_MEAL:
    case VP_SESSION_KIND_TRANSFER:
    case VP_SESSION_KIND_SOCIAL:
    case VP_SESSION_KIND_OTHER:
    default:
      return FALSE;
    }
}

char **
vp_print_attendance_days (VpSnapshot *snapshot)
{
  GPtrArray *sessions;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  guint32 last = 0;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  sessions = vp_snapshot_get_sessions (snapshot);
  zone = vp_print_programme_zone (vp_snapshot_get_programme (snapshot));
  /* The sessions are in time order: their days are too. */
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      GDate date;

      if (!vp_print_session_has_attendance_sheet (session))
        continue;
      local_day (vp_session_get_start_utc (session), zone, &date);
      if (!g_date_valid (&date) || g_date_get_julian (&date) == last)
        continue;
      last = g_date_get_julian (&date);
      g_ptr_array_add (days, vp_date_format (&date));
    }
  g_ptr_array_add (days, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&days), FALSE);
}

enum
{
  ATTENDANCE_NAME,
  ATTENDANCE_ORGANISATION,  /* and country: one text, for a PDF's cost is in its texts */
  ATTENDANCE_SIGNATURE,
  ATTENDANCE_N_COLUMNS
};

/* What every sheet shares: the columns, their titles shaped once, the
 * participants by name. */
typedef struct
{
  VpPrintSheet *sheet;
  double        x[ATTENDANCE_N_COLUMNS];
  double        widths[ATTENDANCE_N_COLUMNS];
  char         *title_texts[ATTENDANCE_N_COLUMNS];  /* in capitals */
  People        people;
} Attendance;

static void
attendance_init (Attendance   *attendance,
                 VpPrintSheet *sheet)
{
  const char *titles[ATTENDANCE_N_COLUMNS] = {
    /* TRANSLATORS: column titles of a printed attendance sheet */
    _("Name"), _("Organisation, country"), _("Signature"),
  };
  const double fractions[ATTENDANCE_N_COLUMNS] = { 0.33, 0.40, 0.27 };
  double x = 0;

  memset (attendance, 0, sizeof *attendance);
  attendance->sheet = sheet;
  for (guint i = 0; i < ATTENDANCE_N_COLUMNS; i++)
    {
      double width = sheet->width * fractions[i];

      attendance->x[i] = x;
      attendance->widths[i] = i + 1 < ATTENDANCE_N_COLUMNS ? width - CELL_GAP
                                                           : sheet->width - x - INK_INSET;
      x += width;
      attendance->title_texts[i] = g_utf8_strup (titles[i], -1);
    }

  people_init (&attendance->people, sheet->snapshot);
}

static void
attendance_clear (Attendance *attendance)
{
  for (guint i = 0; i < ATTENDANCE_N_COLUMNS; i++)
    g_clear_pointer (&attendance->title_texts[i], g_free);
  people_clear (&attendance->people);
}

/* The table's column titles; with @continued, a line above them naming
 * the session (the heading repeated where its sheet goes on). */
static VpPrintBlock *
attendance_header (Attendance *attendance,
                   const char *continued,
                   gboolean    columns)
{
  VpPrintSheet *sheet = attendance->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_HEADING,
                                            continued != NULL ? "attendance-continued"
                                                              : "attendance-header");
  double y = 0;

  if (continued != NULL)
    {
      y = add_line (sheet, block, VP_PRINT_FONT_CONTINUED, 0, 0, sheet->width, continued,
                    VP_PRINT_COLOUR_ACCENT, PANGO_ALIGN_LEFT);
      if (!columns)
        {
          vp_print_block_add_rule (block, 0, y + 2, sheet->width, 0.5, VP_PRINT_COLOUR_ACCENT);
          vp_print_block_extend (block, y + 2 + 0.5 + 4);
          return block;
        }
      y += 6;
    }

  {
    const guint32 colours[ATTENDANCE_N_COLUMNS] = {
      VP_PRINT_COLOUR_MUTED, VP_PRINT_COLOUR_MUTED, VP_PRINT_COLOUR_MUTED,
    };

    y = add_cells (sheet, block, VP_PRINT_FONT_LABEL, TRUE, y,
                   (const char * const *)attendance->title_texts, colours, attendance->x,
                   attendance->widths, ATTENDANCE_N_COLUMNS) + 3;
  }
  vp_print_block_add_rule (block, 0, y, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (block, y + 0.8);
  vp_print_block_set_space_above (block, 10);

  return block;
}

/* A row to sign in: the person's name, organisation and country, and room
 * beside them. */
static VpPrintBlock *
attendance_row (Attendance    *attendance,
                VpParticipant *participant,
                VpPrintBlock  *repeat)
{
  VpPrintSheet *sheet = attendance->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "row");
  const char *organisation = participant_organisation (sheet->snapshot, participant);
  const char *country = participant_country (sheet->snapshot, participant);
  g_autofree char *where = NULL;
  const char *cells[ATTENDANCE_N_COLUMNS] = { participant_name (participant), NULL, NULL };
  double height = SIGN_ROW;

  if (!is_blank (organisation) && !is_blank (country))
    /* TRANSLATORS: a person's organisation and country on a printed attendance sheet:
     * "Lumiray Oy, Finland" */
    cells[ATTENDANCE_ORGANISATION] = where = g_strdup_printf (_("%s, %s"), organisation,
                                                              country);
  else
    cells[ATTENDANCE_ORGANISATION] = !is_blank (organisation) ? organisation : country;

  /* Names and organisations come back on sheet after sheet: set once. */
  {
    const guint32 colours[] = { VP_PRINT_COLOUR_TEXT, VP_PRINT_COLOUR_TEXT };

    double bottom = add_cells (sheet, block, VP_PRINT_FONT_BODY, FALSE, ROW_PADDING, cells,
                               colours, attendance->x, attendance->widths,
                               ATTENDANCE_SIGNATURE);

    height = MAX (height, bottom + ROW_PADDING);
  }

  /* The signature's cell set apart. */
  vp_print_block_add_box (block, attendance->x[ATTENDANCE_SIGNATURE] - CELL_GAP / 2, 0, 0.4,
                          height, 0, FALSE, VP_PRINT_COLOUR_FAINT);
  vp_print_block_add_rule (block, 0, height, sheet->width, 0.4, VP_PRINT_COLOUR_RULE);
  vp_print_block_extend (block, height + 0.4);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_repeat (block, repeat);

  return block;
}

/* @n empty rows for walk-ins, whole, in one block (its tag says how many). */
static VpPrintBlock *
walk_ins_block (Attendance   *attendance,
                guint         n,
                VpPrintBlock *repeat)
{
  g_autofree char *tag = g_strdup_printf ("walk-ins:%u", n);
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, tag);
  double pitch = SIGN_ROW + 0.4;

  vp_print_block_add_box (block, attendance->x[ATTENDANCE_SIGNATURE] - CELL_GAP / 2, 0, 0.4,
                          n * pitch - 0.4, 0, FALSE, VP_PRINT_COLOUR_FAINT);
  for (guint i = 0; i < n; i++)
    vp_print_block_add_rule (block, 0, i * pitch + SIGN_ROW, attendance->sheet->width, 0.4,
                             VP_PRINT_COLOUR_RULE);
  vp_print_block_extend (block, n * pitch);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_repeat (block, repeat);

  return block;
}

/* The host confirms, with a stamp and a signature. */
static VpPrintBlock *
attendance_signature (Attendance *attendance,
                      VpHost     *host,
                      guint       expected)
{
  VpPrintSheet *sheet = attendance->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "signature");
  double stamp_width = floor (sheet->width * 0.3);
  double x = stamp_width + 2 * CELL_GAP + 6;
  g_autofree char *signed_by = NULL;
  g_autofree char *count = NULL;
  const char *captions[2];
  double y, bottom, stamp_top;

  /* TRANSLATORS: above the host's signature at the end of a printed attendance sheet; the
   * number present is written in by hand */
  count = g_strdup_printf (ngettext ("The host confirms that the session took place, attended by "
                                     "______ of the %u person expected.",
                                     "The host confirms that the session took place, attended by "
                                     "______ of the %u people expected.", expected),
                           expected);
  y = add_line (sheet, block, VP_PRINT_FONT_SMALL_BOLD, 0, 0, sheet->width, count,
                VP_PRINT_COLOUR_TEXT, PANGO_ALIGN_LEFT);
  stamp_top = y + 6;

  if (host != NULL && !is_blank (vp_host_get_name (host)))
    /* TRANSLATORS: under the signature line of a printed attendance sheet */
    signed_by = g_strdup_printf (_("Signature and stamp for %s"), vp_host_get_name (host));
  else
    signed_by = g_strdup (_("Signature and stamp of the host"));
  captions[0] = signed_by;
  /* TRANSLATORS: under a line of a printed attendance sheet or certificate */
  captions[1] = _("Name and position, date");
  bottom = add_signature_lines (sheet, block, x, stamp_top - 4, sheet->width - x, 24, captions,
                                G_N_ELEMENTS (captions));

  /* A dashed box for the stamp, beside the lines. */
  vp_print_block_add_box (block, 0, stamp_top, stamp_width, bottom - stamp_top, 0.6, TRUE,
                          VP_PRINT_COLOUR_RULE);

  vp_print_block_extend (block, bottom);
  /* Signed on one page, whole. */
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_space_above (block, SECTION_SPACE);

  return block;
}

/* Pages the sheet would take with @n walk-in rows of @row_height below
 * what @flow holds, then the signature. */
static guint
pages_with_walk_ins (const Flow   *flow,
                     VpPrintBlock *row,
                     guint         n,
                     double        table_repeat,
                     VpPrintBlock *signature,
                     double        plain_repeat)
{
  Flow trial = *flow;

  for (guint i = 0; i < n; i++)
    flow_add (&trial, row, table_repeat);
  flow_add (&trial, signature, plain_repeat);

  return trial.pages;
}

static void
append_attendance_sheet (Attendance *attendance,
                         VpSession  *session)
{
  VpPrintSheet *sheet = attendance->sheet;
  VpSnapshot *snapshot = sheet->snapshot;
  VpHost *host = vp_session_get_host_ref (session) != NULL
                 ? vp_snapshot_lookup_host (snapshot, vp_session_get_host_ref (session))
                 : NULL;
  const char *title = is_blank (vp_session_get_title (session)) ? _("(untitled)")
                                                                 : vp_session_get_title (session);
  g_autofree char *tag = g_strconcat ("sheet:", vp_session_get_uid (session), NULL);
  guint first_block = sheet->blocks->len;
  VpPrintBlock *block = append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, tag));
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autofree char *day = NULL;
  g_autofree char *day_short = NULL;
  g_autofree char *times = NULL;
  g_autofree char *when = NULL;
  g_autofree char *address = NULL;
  VpPrintBlock *table_repeat = NULL;
  VpPrintBlock *plain_repeat = NULL;
  VpPrintBlock *signature;
  VpPrintBlock *walk_in;
  const char *kind = vp_session_kind_label (vp_session_get_kind (session));
  Flow flow;
  GDate date;
  double y;
  double table_height = 0;
  double plain_height = 0;
  guint first_row;
  Flow one_page;

  /* Who is expected, by name. */
  if (vp_session_get_attendees_all (session))
    g_ptr_array_extend (expected, attendance->people.sorted, NULL, NULL);
  else
    {
      GPtrArray *refs = vp_session_get_attendees (session);

      for (guint i = 0; i < refs->len; i++)
        {
          VpParticipant *participant = vp_snapshot_lookup_participant (snapshot,
                                                                       g_ptr_array_index (refs,
                                                                                          i));

          if (participant != NULL)
            g_ptr_array_add (expected, participant);
        }
      g_ptr_array_sort_with_data (expected, compare_places, attendance->people.place);
    }

  local_day (vp_session_get_start_utc (session), sheet->zone, &date);
  day = g_date_valid (&date) ? vp_print_format_day (&date) : g_strdup ("");
  day_short = g_date_valid (&date) ? vp_print_format_day_short (&date) : g_strdup ("");
  times = time_range (session, sheet->zone);

  /* The session: what, when, where. */
  vp_print_block_set_new_page (block, TRUE);
  /* The page's header names the layout: the title comes first. */
  y = 0;
  {
    PangoLayout *layout = sized_text (sheet, VP_PRINT_FONT_DOCUMENT, SHEET_TITLE_SIZE,
                                      sheet->width - 2 * INK_INSET, title);

    vp_print_block_add_text (block, layout, INK_INSET, y, VP_PRINT_COLOUR_TEXT);
    y += vp_print_layout_get_height (layout);
  }
  {
    /* TRANSLATORS: a day and a time range: "Tuesday 13 April 2027, 10:00–11:45" */
    g_autofree char *at = g_strdup_printf (_("%s, %s"), day, times);

    when = is_blank (kind) ? g_strdup (at) : g_strconcat (kind, " · ", at, NULL);
    y = add_line (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, y + 3, sheet->width, when,
                  VP_PRINT_COLOUR_MUTED, PANGO_ALIGN_LEFT);
  }
  {
    g_autofree char *where = NULL;
    g_autofree char *host_line = NULL;
    const char *name = host != NULL ? vp_host_get_name (host) : NULL;

    if (!is_blank (vp_session_get_location (session)))
      address = g_strdup (vp_session_get_location (session));
    else if (host != NULL)
      address = vp_print_host_address (host);
    if (!is_blank (name) && !is_blank (address))
      /* TRANSLATORS: a host and its address: "Femtolux Lasers, Mokslininkų g. 11, Vilnius" */
      where = g_strdup_printf (_("%s, %s"), name, address);
    else
      where = g_strdup (!is_blank (name) ? name : address);
    if (!is_blank (where))
      /* TRANSLATORS: where a session of a printed attendance sheet takes place */
      host_line = g_strdup_printf (_("Host: %s"), where);
    y = add_line (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, y + 2, sheet->width, host_line,
                  VP_PRINT_COLOUR_TEXT, PANGO_ALIGN_LEFT);
  }
  vp_print_block_extend (block, y + 2);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 3));

  block = append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "instructions"));
  add_line (sheet, block, VP_PRINT_FONT_META, 0, 0, sheet->width,
            /* TRANSLATORS: the instructions of a printed attendance sheet */
            _("Sign beside your name. Not listed? Add your name, organisation and country "
              "below, and sign."),
            VP_PRINT_COLOUR_MUTED, PANGO_ALIGN_LEFT);
  vp_print_block_set_space_above (block, 10);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));

  /* Where the flow puts them (reckoned ahead), to fill the last page with
   * walk-in rows. */
  flow_start (&flow, sheet);
  for (guint i = first_block; i < sheet->blocks->len; i++)
    flow_add (&flow, g_ptr_array_index (sheet->blocks, i), 0);

  block = append (sheet, attendance_header (attendance, NULL, TRUE));
  flow_add (&flow, block, 0);
  first_row = sheet->blocks->len;
  for (guint i = 0; i < expected->len; i++)
    append (sheet, attendance_row (attendance, g_ptr_array_index (expected, i), NULL));

  walk_in = walk_ins_block (attendance, 1, NULL);
  signature = attendance_signature (attendance, host, expected->len);

  /* A sheet on one page, as most are, repeats no heading: its heading to
   * repeat, with the session's title, is only made for one that goes on. */
  one_page = flow;
  for (guint i = first_row; i < sheet->blocks->len; i++)
    flow_add (&one_page, g_ptr_array_index (sheet->blocks, i), 0);
  if (one_page.pages > 1 ||
      pages_with_walk_ins (&one_page, walk_in, MIN_WALK_INS, 0, signature, 0) > 1)
    {
      /* TRANSLATORS: the heading at the top of a page an attendance sheet goes on
       * to: "Femtolux Lasers: lab tour · Wed 14 Apr (continued)" */
      g_autofree char *continued = g_strdup_printf (_("%s · %s (continued)"), title,
                                                    day_short);

      table_repeat = attendance_header (attendance, continued, TRUE);
      plain_repeat = attendance_header (attendance, continued, FALSE);
      g_ptr_array_add (sheet->extras, table_repeat);
      g_ptr_array_add (sheet->extras, plain_repeat);
      table_height = vp_print_block_get_height (table_repeat);
      plain_height = vp_print_block_get_height (plain_repeat);
      for (guint i = first_row; i < sheet->blocks->len; i++)
        {
          block = g_ptr_array_index (sheet->blocks, i);
          vp_print_block_set_repeat (block, table_repeat);
          flow_add (&flow, block, table_height);
        }
      vp_print_block_set_repeat (signature, plain_repeat);
    }
  else
    flow = one_page;

  /* At least a few rows for walk-ins, and as many more as the page the
   * list ends on holds with the signature.  When the signature does not
   * fit there, walk-in rows fill that page and a few more go on with it:
   * a sheet never ends with a signature alone, nor takes a page of empty
   * rows. */
  if (pages_with_walk_ins (&flow, walk_in, MIN_WALK_INS, table_height, signature,
                           plain_height) == flow.pages)
    {
      guint n = MIN_WALK_INS;

      while (n < MAX_WALK_INS &&
             pages_with_walk_ins (&flow, walk_in, n + 1, table_height, signature,
                                  plain_height) == flow.pages)
        n++;
      append (sheet, walk_ins_block (attendance, n, table_repeat));
    }
  else
    {
      Flow rest = flow;
      guint fit = 0;

      for (flow_add (&rest, walk_in, table_height); rest.pages == flow.pages;
           flow_add (&rest, walk_in, table_height))
        fit++;
      if (fit > 0)
        append (sheet, walk_ins_block (attendance, fit, table_repeat));
      append (sheet, walk_ins_block (attendance, MIN_WALK_INS, table_repeat));
    }
  vp_print_block_free (walk_in);
  append (sheet, signature);
}

void
vp_print_sheet_build_attendance (VpPrintSheet *sheet,
                                 const GDate  *day)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (sheet->snapshot);
  Attendance attendance;

  attendance_init (&attendance, sheet);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (!vp_print_session_has_attendance_sheet (session))
        continue;
      if (day != NULL)
        {
          GDate date;

          local_day (vp_session_get_start_utc (session), sheet->zone, &date);
          if (!g_date_valid (&date) || g_date_compare (&date, day) != 0)
            continue;
        }
      append_attendance_sheet (&attendance, session);
    }

  attendance_clear (&attendance);
}

/* Certificates {{{1 */

enum
{
  CERTIFICATE_WHEN,
  CERTIFICATE_SESSION,
  CERTIFICATE_HOST,
  CERTIFICATE_N_COLUMNS
};


typedef struct
{
  VpPrintSheet *sheet;
  double        x[CERTIFICATE_N_COLUMNS];
  double        widths[CERTIFICATE_N_COLUMNS];
  char         *title_texts[CERTIFICATE_N_COLUMNS];  /* in capitals */
  GHashTable   *attended;  /* VpParticipant → GPtrArray of the VpSession that take place */
  GHashTable   *when;      /* VpSession → its day and time, as printed */
  gboolean      dated;     /* the programme has its first and last days */
  GDate         first_day;
  GDate         last_day;
} Certificates;

static void
certificates_init (Certificates *certificates,
                   VpPrintSheet *sheet)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  const char *titles[CERTIFICATE_N_COLUMNS] = {
    /* TRANSLATORS: column titles of the sessions' table of a printed certificate */
    _("Date and time"), _("Session"), _("Host"),
  };
  /* Of the width the day and time leave. */
  const double fractions[CERTIFICATE_N_COLUMNS] = { 0, 0.62, 0.38 };
  double when_width = 0;
  double x = 0;

  memset (certificates, 0, sizeof *certificates);
  certificates->sheet = sheet;

  /* The day and time as wide as its widest text: any weekday of any month,
   * and a time range. */
  for (int month = 1; month <= 12; month++)
    for (int day = 22; day <= 28; day++)
      {
        GDate date;
        g_autofree char *text = NULL;
        g_autofree char *when = NULL;
        g_autoptr(PangoLayout) layout = NULL;

        g_date_clear (&date, 1);
        g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, 2027);
        text = vp_print_format_day_short (&date);
        when = g_strdup_printf (_("%s, %s"), text, "00:00–00:00");
        layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_META, 0, when);
        when_width = MAX (when_width, ink_width (layout));
      }
  {
    g_autoptr(PangoLayout) title = label_text (sheet, titles[CERTIFICATE_WHEN], 0,
                                               PANGO_ALIGN_LEFT);

    when_width = MAX (when_width, ink_width (title));
  }

  for (guint i = 0; i < CERTIFICATE_N_COLUMNS; i++)
    {
      double width = fractions[i] > 0
                     ? (sheet->width - when_width - CELL_GAP - 1) * fractions[i]
                     : ceil (when_width + 1) + CELL_GAP;

      certificates->x[i] = x;
      certificates->widths[i] = i + 1 < CERTIFICATE_N_COLUMNS ? width - CELL_GAP
                                                              : sheet->width - x - INK_INSET;
      x += width;
      certificates->title_texts[i] = g_utf8_strup (titles[i], -1);
    }

  certificates->dated = vp_date_parse (vp_programme_get_start_date (programme),
                                       &certificates->first_day, NULL) &&
                        vp_date_parse (vp_programme_get_end_date (programme),
                                       &certificates->last_day, NULL);
  certificates->when = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  /* Who attends what, in one pass over the sessions (in time order). */
  certificates->attended = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < participants->len; i++)
    g_hash_table_insert (certificates->attended, g_ptr_array_index (participants, i),
                         g_ptr_array_new ());
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);

      if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED)
        continue;

      if (vp_session_get_attendees_all (session))
        {
          for (guint j = 0; j < participants->len; j++)
            g_ptr_array_add (g_hash_table_lookup (certificates->attended,
                                                  g_ptr_array_index (participants, j)),
                             session);
        }
      else
        {
          GPtrArray *refs = vp_session_get_attendees (session);

          for (guint j = 0; j < refs->len; j++)
            {
              VpParticipant *participant = vp_snapshot_lookup_participant (
                snapshot, g_ptr_array_index (refs, j));
              GPtrArray *list = participant != NULL
                                ? g_hash_table_lookup (certificates->attended, participant)
                                : NULL;

              /* Listed twice, attended once. */
              if (list != NULL && (list->len == 0 ||
                                   g_ptr_array_index (list, list->len - 1) != session))
                g_ptr_array_add (list, session);
            }
        }
    }
}

static void
certificates_clear (Certificates *certificates)
{
  for (guint i = 0; i < CERTIFICATE_N_COLUMNS; i++)
    g_clear_pointer (&certificates->title_texts[i], g_free);
  g_clear_pointer (&certificates->attended, g_hash_table_unref);
  g_clear_pointer (&certificates->when, g_hash_table_unref);
}

static void
certificates_free (gpointer data)
{
  certificates_clear (data);
  g_free (data);
}

/* "Tue 13 Apr, 10:00–11:45": made once per session. */
static const char *
session_when (Certificates *certificates,
              VpSession    *session)
{
  char *when = g_hash_table_lookup (certificates->when, session);

  if (when == NULL)
    {
      g_autofree char *day = NULL;
      g_autofree char *time = time_range (session, certificates->sheet->zone);
      GDate date;

      local_day (vp_session_get_start_utc (session), certificates->sheet->zone, &date);
      day = g_date_valid (&date) ? vp_print_format_day_short (&date) : g_strdup ("");
      /* TRANSLATORS: a session's day and time on a printed certificate: "Tue 13 Apr,
       * 10:00–11:45" */
      when = g_strdup_printf (_("%s, %s"), day, time);
      g_hash_table_insert (certificates->when, session, when);
    }

  return when;
}

/* A name as large as the line holds, down to NAME_MIN_SIZE; then wrapped. */
static PangoLayout *
name_layout (VpPrintSheet *sheet,
             const char   *name)
{
  PangoLayout *layout = sized_text (sheet, VP_PRINT_FONT_DOCUMENT, NAME_SIZE, 0, name);
  double width = sheet->width - 2 * INK_INSET;
  double natural;

  /* A text's width grows with its size (metrics are not hinted). */
  natural = ink_width (layout);
  if (natural > width)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (
        pango_layout_get_font_description (layout));
      double size = MAX (NAME_MIN_SIZE, floor (NAME_SIZE * width / natural * 0.98 * 4) / 4);

      pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
    }

  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* "12–16 April 2027": from the day @participant's arrival lands to the day
 * their departure leaves, else from their first session to their last;
 * NULL when neither is known.  @from_travel says which. */
static char *
stay_dates (Certificates  *certificates,
            VpParticipant *participant,
            GPtrArray     *sessions,
            gboolean      *from_travel)
{
  GTimeZone *zone = certificates->sheet->zone;
  VpTravelLeg *arrival = NULL;
  VpTravelLeg *departure = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (certificates->dated)
    vp_cxc_find_legs (participant, zone, &certificates->first_day, &certificates->last_day,
                      &arrival, &departure);
  if (arrival != NULL)
    local_day (arrival->arrive_utc, zone, &first);
  if (departure != NULL)
    local_day (departure->depart_utc, zone, &last);
  *from_travel = g_date_valid (&first) && g_date_valid (&last);

  if (!g_date_valid (&first) && sessions->len > 0)
    local_day (vp_session_get_start_utc (g_ptr_array_index (sessions, 0)), zone, &first);
  if (!g_date_valid (&last) && sessions->len > 0)
    local_day (vp_session_get_start_utc (g_ptr_array_index (sessions, sessions->len - 1)), zone,
               &last);
  if (!g_date_valid (&first))
    first = last;
  if (!g_date_valid (&last) || g_date_compare (&last, &first) < 0)
    last = first;
  if (!g_date_valid (&first))
    return NULL;

  first_text = vp_date_format (&first);
  last_text = vp_date_format (&last);
  return vp_print_format_date_range (first_text, last_text);
}

/* The sessions' table's heading: a section title (or, where a certificate
 * goes on, a line naming whose it is) and the column titles. */
static VpPrintBlock *
certificate_header (Certificates *certificates,
                    const char   *section,
                    const char   *continued,
                    gboolean      columns)
{
  VpPrintSheet *sheet = certificates->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_HEADING,
                                            continued != NULL ? "certificate-continued"
                                                              : "certificate-header");
  double y;

  if (continued != NULL)
    {
      y = add_line (sheet, block, VP_PRINT_FONT_CONTINUED, 0, 0, sheet->width, continued,
                    VP_PRINT_COLOUR_ACCENT, PANGO_ALIGN_LEFT);
      if (!columns)
        {
          vp_print_block_add_rule (block, 0, y + 2, sheet->width, 0.5, VP_PRINT_COLOUR_ACCENT);
          vp_print_block_extend (block, y + 2 + 0.5 + 4);
          return block;
        }
      y += 6;
    }
  else
    {
      y = add_line (sheet, block, VP_PRINT_FONT_SECTION, 0, 0, sheet->width, section,
                    VP_PRINT_COLOUR_ACCENT, PANGO_ALIGN_LEFT);
      vp_print_block_add_rule (block, 0, y + 2, sheet->width, 0.6, VP_PRINT_COLOUR_ACCENT);
      y += 2 + 0.6 + 8;
    }

  {
    const guint32 colours[CERTIFICATE_N_COLUMNS] = {
      VP_PRINT_COLOUR_MUTED, VP_PRINT_COLOUR_MUTED, VP_PRINT_COLOUR_MUTED,
    };

    y = add_cells (sheet, block, VP_PRINT_FONT_LABEL, TRUE, y,
                   (const char * const *)certificates->title_texts, colours, certificates->x,
                   certificates->widths, CERTIFICATE_N_COLUMNS) + 3;
  }
  vp_print_block_add_rule (block, 0, y, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (block, y + 0.8);
  vp_print_block_set_space_above (block, SECTION_SPACE);

  return block;
}

/* A session they attended; @last of its day, a rule below it. */
static VpPrintBlock *
certificate_row (Certificates *certificates,
                 VpSession    *session,
                 gboolean      last,
                 VpPrintBlock *repeat)
{
  VpPrintSheet *sheet = certificates->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "row");
  VpHost *host = vp_session_get_host_ref (session) != NULL
                 ? vp_snapshot_lookup_host (sheet->snapshot, vp_session_get_host_ref (session))
                 : NULL;
  const char *title = vp_session_get_title (session);
  const char *cells[CERTIFICATE_N_COLUMNS] = {
    session_when (certificates, session), is_blank (title) ? _("(untitled)") : title,
    host != NULL ? vp_host_get_name (host) : vp_session_get_location (session),
  };
  const guint32 colours[CERTIFICATE_N_COLUMNS] = {
    VP_PRINT_COLOUR_TEXT, VP_PRINT_COLOUR_TEXT, VP_PRINT_COLOUR_MUTED,
  };
  double padding = 3;
  double bottom;

  /* A session comes back on certificate after certificate: set once. */
  bottom = add_cells (sheet, block, VP_PRINT_FONT_META, FALSE, padding, cells, colours,
                      certificates->x, certificates->widths, CERTIFICATE_N_COLUMNS);

  /* The days set apart: few rules, for a PDF's cost is in its operations. */
  if (last)
    vp_print_block_add_rule (block, 0, bottom + padding, sheet->width, 0.4,
                             VP_PRINT_COLOUR_RULE);
  vp_print_block_extend (block, bottom + padding + 0.4);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 4));
  vp_print_block_set_repeat (block, repeat);

  return block;
}

/* Lines for the host cluster and the visiting cluster to sign: two each
 * (to sign, then their name), or one each when @compact (where that keeps
 * a certificate on its one page). */
static VpPrintBlock *
certificate_signatures (Certificates *certificates,
                        gboolean      compact)
{
  VpPrintSheet *sheet = certificates->sheet;
  VpProgramme *programme = vp_snapshot_get_programme (sheet->snapshot);
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "signatures");
  double gap = 3 * CELL_GAP;
  double width = (sheet->width - gap) / 2;
  const char *captions[] = {
    /* TRANSLATORS: under the signature lines of a printed certificate */
    _("Signature and stamp"), _("Name and position, date"),
  };
  const char *compact_captions[] = {
    /* TRANSLATORS: under the one signature line of a printed certificate that has
     * room for no more */
    _("Signature and stamp; name and position, date"),
  };
  const char *clusters[] = {
    vp_programme_get_host_cluster (programme), vp_programme_get_visiting_cluster (programme),
  };
  double bottom = 0;

  for (guint i = 0; i < G_N_ELEMENTS (clusters); i++)
    {
      g_autofree char *who = NULL;
      double x = i * (width + gap);
      double y;

      if (is_blank (clusters[i]))
        /* TRANSLATORS: above the signature lines of a printed certificate */
        who = g_strdup (i == 0 ? _("For the host cluster") : _("For the visiting cluster"));
      else
        /* TRANSLATORS: above the signature lines of a printed certificate: "For the host
         * cluster, Lithuanian Laser Cluster" */
        who = g_strdup_printf (i == 0 ? _("For the host cluster, %s")
                                      : _("For the visiting cluster, %s"), clusters[i]);
      y = add_line (sheet, block, VP_PRINT_FONT_SMALL_BOLD, x, 0, width, who,
                    VP_PRINT_COLOUR_TEXT, PANGO_ALIGN_LEFT);
      if (compact)
        y = add_signature_lines (sheet, block, x, y, width, 22, compact_captions,
                                 G_N_ELEMENTS (compact_captions));
      else
        y = add_signature_lines (sheet, block, x, y, width, 24, captions,
                                 G_N_ELEMENTS (captions));
      bottom = MAX (bottom, y);
    }

  vp_print_block_extend (block, bottom);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_space_above (block, compact ? SECTION_SPACE / 2 : SECTION_SPACE);

  return block;
}

static void
append_certificate (Certificates  *certificates,
                    VpParticipant *participant)
{
  VpPrintSheet *sheet = certificates->sheet;
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  GPtrArray *attended = g_hash_table_lookup (certificates->attended, participant);
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GArray) working_days = NULL;
  g_autofree char *tag = g_strconcat ("certificate:", vp_participant_get_ref (participant), NULL);
  VpPrintBlock *block = append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, tag));
  const char *name = participant_name (participant);
  const char *organisation = participant_organisation (snapshot, participant);
  const char *country = participant_country (snapshot, participant);
  const char *title = vp_programme_get_title (programme);
  g_autofree char *who = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *host_country = country_with_code (vp_programme_get_host_country (programme));
  g_autofree char *days_text = NULL;
  g_autofree char *continued = NULL;
  VpPrintBlock *repeat;
  VpPrintBlock *plain_repeat;
  VpPrintBlock *signatures;
  PangoLayout *layout;
  gboolean from_travel = FALSE;
  Flow flow;
  double y;
  guint first_block = sheet->blocks->len - 1;

  /* The sessions they attended, transfers aside; all that take place count
   * their days as vp_cxc_new() does. */
  for (guint i = 0; i < attended->len; i++)
    if (vp_session_get_kind (g_ptr_array_index (attended, i)) != VP_SESSION_KIND_TRANSFER)
      g_ptr_array_add (listed, g_ptr_array_index (attended, i));
  working_days = vp_cxc_participant_working_days (snapshot, participant, attended, NULL);
  dates = stay_dates (certificates, participant, listed, &from_travel);

  /* Who attended what, centred. */
  vp_print_block_set_new_page (block, TRUE);
  layout = label_text (sheet, _("Certificate of attendance"), sheet->width, PANGO_ALIGN_CENTER);
  vp_print_block_add_text (block, layout, 0, 0, VP_PRINT_COLOUR_ACCENT);
  y = vp_print_layout_get_height (layout);
  vp_print_block_add_rule (block, sheet->width / 2 - 30, y + 5, 60, 1.2, VP_PRINT_COLOUR_ACCENT);
  /* TRANSLATORS: on a printed certificate, above the participant's name */
  y = add_line (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, y + 16, sheet->width,
                _("This is to certify that"), VP_PRINT_COLOUR_MUTED, PANGO_ALIGN_CENTER);
  layout = name_layout (sheet, name);
  vp_print_block_add_text (block, layout, INK_INSET, y + 6, VP_PRINT_COLOUR_TEXT);
  y += 6 + vp_print_layout_get_height (layout);
  {
    const char *parts[] = { organisation, country };

    if (!is_blank (organisation) && !is_blank (country))
      /* TRANSLATORS: a participant's organisation and country on a printed certificate */
      who = g_strdup_printf (_("%s, %s"), organisation, country);
    else
      who = g_strdup (!is_blank (parts[0]) ? parts[0] : parts[1]);
  }
  y = add_line (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, y + 4, sheet->width, who,
                VP_PRINT_COLOUR_TEXT, PANGO_ALIGN_CENTER);
  /* TRANSLATORS: on a printed certificate, between the participant and the programme */
  y = add_line (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, y + 8, sheet->width,
                _("took part in the programme"), VP_PRINT_COLOUR_MUTED, PANGO_ALIGN_CENTER);
  y = add_line (sheet, block, VP_PRINT_FONT_SECTION, 0, y + 4, sheet->width,
                is_blank (title) ? _("Programme") : title, VP_PRINT_COLOUR_TEXT,
                PANGO_ALIGN_CENTER);
  vp_print_block_extend (block, y + 4);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 2));

  {
    const char *labels[4];
    const char *values[4];
    g_autofree char *dates_value = NULL;
    g_autofree char *host = NULL;

    if (dates != NULL && from_travel)
      /* TRANSLATORS: the dates of a printed certificate: "12–16 April 2027 (arrival to
       * departure)" */
      dates_value = g_strdup_printf (_("%s (arrival to departure)"), dates);
    else if (dates != NULL)
      /* TRANSLATORS: the dates of a printed certificate without travel: "13–16 April 2027
       * (first to last session)" */
      dates_value = g_strdup_printf (_("%s (first to last session)"), dates);
    /* TRANSLATORS: the working days on a printed certificate, as the ClusterXChange
     * rules count them */
    days_text = g_strdup_printf (ngettext ("%u (a weekday with a session, arrival and "
                                           "departure days apart)",
                                           "%u (weekdays with a session, arrival and "
                                           "departure days apart)", working_days->len),
                                 working_days->len);

    if (!is_blank (vp_programme_get_host_cluster (programme)) && !is_blank (host_country))
      /* TRANSLATORS: the host cluster and its country on a printed certificate:
       * "Lithuanian Laser Cluster, Lithuania (LT)" */
      host = g_strdup_printf (_("%s, %s"), vp_programme_get_host_cluster (programme),
                              host_country);
    else
      host = g_strdup (!is_blank (host_country) ? host_country
                                                : vp_programme_get_host_cluster (programme));

    /* TRANSLATORS: labels of the facts box of a printed certificate */
    labels[0] = _("Host cluster and country");
    values[0] = host;
    labels[1] = _("Visiting cluster");
    values[1] = vp_programme_get_visiting_cluster (programme);
    labels[2] = _("Dates");
    values[2] = dates_value;
    labels[3] = _("Working days");
    values[3] = days_text;
    vp_print_block_set_space_above (append_facts (sheet, labels, values, G_N_ELEMENTS (labels)),
                                    TITLE_GAP + 2);
  }

  /* TRANSLATORS: the heading at the top of a page a certificate goes on to:
   * "Certificate of attendance: Sanna Höglund (continued)" */
  continued = g_strdup_printf (_("Certificate of attendance: %s (continued)"), name);
  repeat = certificate_header (certificates, NULL, continued, TRUE);
  plain_repeat = certificate_header (certificates, NULL, continued, FALSE);
  g_ptr_array_add (sheet->extras, repeat);
  g_ptr_array_add (sheet->extras, plain_repeat);

  if (listed->len == 0)
    {
      g_autofree char *none = NULL;

      block = append (sheet, vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "no-sessions"));
      /* TRANSLATORS: on a printed certificate of someone no session lists */
      none = g_strdup_printf (_("No session of the programme lists %s as an attendee."), name);
      add_line (sheet, block, VP_PRINT_FONT_BODY, 0, 0, sheet->width, none,
                VP_PRINT_COLOUR_MUTED, PANGO_ALIGN_LEFT);
      vp_print_block_set_space_above (block, SECTION_SPACE);
      vp_print_block_set_keep (block, vp_print_block_get_height (block));
    }
  else
    {
      /* TRANSLATORS: a section of a printed certificate */
      append (sheet, certificate_header (certificates, _("Sessions attended"), NULL, TRUE));
      for (guint i = 0; i < listed->len; i++)
        {
          VpSession *session = g_ptr_array_index (listed, i);
          VpSession *next = i + 1 < listed->len ? g_ptr_array_index (listed, i + 1) : NULL;
          GDate day, next_day;

          local_day (vp_session_get_start_utc (session), sheet->zone, &day);
          if (next != NULL)
            local_day (vp_session_get_start_utc (next), sheet->zone, &next_day);
          append (sheet, certificate_row (certificates, session,
                                          next == NULL || !g_date_valid (&day) ||
                                          !g_date_valid (&next_day) ||
                                          g_date_compare (&day, &next_day) != 0,
                                          repeat));
        }
    }

  /* The signatures at the foot of the page, when it is the certificate's
   * only one; a line each rather than a page of their own. */
  signatures = certificate_signatures (certificates, FALSE);
  flow_start (&flow, sheet);
  for (guint i = first_block; i < sheet->blocks->len; i++)
    flow_add (&flow, g_ptr_array_index (sheet->blocks, i), vp_print_block_get_height (repeat));
  if (flow.pages == 1)
    {
      double space = flow.page - flow.y - vp_print_block_get_height (signatures);

      if (space < vp_print_block_get_space_above (signatures))
        {
          VpPrintBlock *compact = certificate_signatures (certificates, TRUE);

          if (flow.page - flow.y - vp_print_block_get_height (compact) >=
              vp_print_block_get_space_above (compact))
            {
              vp_print_block_free (signatures);
              signatures = compact;
              space = flow.page - flow.y - vp_print_block_get_height (signatures);
            }
          else
            vp_print_block_free (compact);
        }
      if (space > vp_print_block_get_space_above (signatures))
        vp_print_block_set_space_above (signatures, space);
    }
  vp_print_block_set_repeat (signatures, plain_repeat);
  append (sheet, signatures);
}

void
vp_print_sheet_build_certificate (VpPrintSheet  *sheet,
                                  VpParticipant *participant)
{
  Certificates certificates;

  if (participant != NULL || sheet->readers == NULL)
    {
      certificates_init (&certificates, sheet);
      if (participant != NULL)
        append_certificate (&certificates, participant);
      else
        {
          People people;

          people_init (&people, sheet->snapshot);
          for (guint i = 0; i < people.sorted->len; i++)
            append_certificate (&certificates, g_ptr_array_index (people.sorted, i));
          people_clear (&people);
        }
      certificates_clear (&certificates);
    }
  else
    {
      /* Each in their own language (when its catalog is there), else in the
       * document's: the column titles and dates made once per language. */
      VpLanguage *fallback = vp_language_get_document ();
      g_autoptr(GHashTable) made = g_hash_table_new_full (NULL, NULL, NULL,
                                                          certificates_free);
      People people;

      people_init (&people, sheet->snapshot);
      for (guint i = 0; i < people.sorted->len; i++)
        {
          VpParticipant *reader = g_ptr_array_index (people.sorted, i);
          const char *code = vp_participant_get_language (reader);
          VpLanguage *language = code != NULL && code[0] != '\0' ? vp_language_get (code, NULL)
                                                                 : NULL;
          VpLanguage *previous;
          Certificates *own;
          guint first = sheet->blocks->len;
          guint first_extra = sheet->extras->len;

          if (language == NULL)
            language = fallback;
          previous = vp_language_set_document (language);
          own = g_hash_table_lookup (made, language);
          if (own == NULL)
            {
              own = g_new (Certificates, 1);
              certificates_init (own, sheet);
              g_hash_table_insert (made, language, own);
            }
          append_certificate (own, reader);
          for (guint j = first; j < sheet->blocks->len; j++)
            g_hash_table_insert (sheet->readers, g_ptr_array_index (sheet->blocks, j), language);
          for (guint j = first_extra; j < sheet->extras->len; j++)
            g_hash_table_insert (sheet->readers, g_ptr_array_index (sheet->extras, j), language);
          vp_language_set_document (previous);
        }
      people_clear (&people);
    }
}

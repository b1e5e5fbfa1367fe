/* vp-print-badges.c: name badges, several to a page on a cutting grid. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <math.h>

#include "vp-labels.h"
#include "vp-print-badges.h"

/* The cut lines between badges, in points. */
#define CUT_LINE        0.5
/* Text keeps this far from a badge's cut lines, at most. */
#define PADDING         12.0
/* Font sizes, in points: a name as large as it fits on one line down to
 * the smallest, then on two lines of the smallest. */
#define NAME_LARGEST    26.0
#define NAME_SMALLEST   14.0
#define ORG_LARGEST     12.5
#define ORG_SMALLEST    9.0
#define COUNTRY_SIZE    10.0
#define TITLE_SIZE      7.5
#define SIZE_STEP       0.5

void
vp_print_badge_grid (double  page_width,
                     double  page_height,
                     guint  *columns,
                     guint  *rows)
{
  double long_side = MAX (page_width, page_height);
  double short_side = MIN (page_width, page_height);
  /* A4's sides are as 1 to √2, Letter's as 1 to 1.29: badge sheets sold
   * for them hold eight and six. */
  guint along = long_side >= 1.36 * short_side ? 4 : 3;

  g_return_if_fail (columns != NULL && rows != NULL);

  if (page_height >= page_width)
    {
      *columns = 2;
      *rows = along;
    }
  else
    {
      *columns = along;
      *rows = 2;
    }
}


/* @text, centred in @width, in @base's family and @weight: on one line at
 * the largest size from @largest down to @smallest that holds it, else
 * wrapped at @smallest on at most @max_lines lines, the last cut short
 * with "…" if the text goes on.  NULL for a blank text. */
static PangoLayout *
fit_text (VpPrintSheet               *sheet,
          const PangoFontDescription *base,
          PangoWeight                 weight,
          double                      largest,
          double                      smallest,
          int                         max_lines,
          double                      width,
          const char                 *text)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (base);
  g_autofree char *line = NULL;
  PangoLayout *layout;
  int limit = pango_units_from_double (width);
  double size = largest;

  if (text == NULL)
    return NULL;
  /* One paragraph: a line break typed into a name would defeat the fit. */
  line = g_strstrip (g_strdelimit (g_strdup (text), "\r\n\t", ' '));
  if (*line == '\0')
    return NULL;

  layout = pango_layout_new (sheet->context);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_attributes (layout, sheet->plain);
  pango_layout_set_text (layout, line, -1);

  for (;;)
    {
      int natural;
      double fitting;

      pango_font_description_set_size (font, (int)round (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
      pango_layout_get_size (layout, &natural, NULL);
      if (natural <= limit || size <= smallest)
        break;

      /* A line's width grows with the size: straight to the size that
       * would hold it, then down by steps. */
      fitting = floor (size * limit / natural / SIZE_STEP) * SIZE_STEP;
      size = MAX (MIN (size - SIZE_STEP, fitting), smallest);
    }

  pango_layout_set_width (layout, limit);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

/* The participant's country by name: theirs, else their organisation's. */
static const char *
badge_country (VpSnapshot    *snapshot,
               VpParticipant *participant)
{
  const char *code = vp_participant_get_country (participant);
  const char *name;

  if (code == NULL || *code == '\0')
    {
      VpOrganisation *organisation = vp_snapshot_get_participant_organisation (snapshot,
                                                                               participant);

      code = organisation != NULL ? vp_organisation_get_country (organisation) : NULL;
    }
  if (code == NULL || *code == '\0')
    return NULL;

  name = vp_country_name (code);
  return name != NULL ? name : code;
}

/* One badge in the cell at (@x, @y) of @width × @height: the name large,
 * the organisation and country below it, centred in the space above the
 * programme's title at the foot.  What does not fit a small badge is left
 * out, the title first, the name last. */
static void
add_badge (VpPrintSheet  *sheet,
           VpPrintBlock  *block,
           VpParticipant *participant,
           const char    *title,
           double         x,
           double         y,
           double         width,
           double         height)
{
  double padding = MIN (PADDING, MIN (width, height) / 10);
  double inner = width - 2 * padding;
  const char *name = vp_participant_get_name (participant);
  g_autoptr(PangoLayout) name_layout = NULL;
  g_autoptr(PangoLayout) organisation = NULL;
  g_autoptr(PangoLayout) country = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  double foot_height, stack_height, room, top;

  name_layout = fit_text (sheet, sheet->fonts[VP_PRINT_FONT_TITLE], PANGO_WEIGHT_BOLD,
                          NAME_LARGEST, NAME_SMALLEST, 2, inner, name);
  /* A participant without a name: their id, rather than a blank badge. */
  if (name_layout == NULL)
    name_layout = fit_text (sheet, sheet->fonts[VP_PRINT_FONT_TITLE], PANGO_WEIGHT_BOLD,
                            NAME_LARGEST, NAME_SMALLEST, 2, inner,
                            vp_participant_get_ref (participant));
  organisation = fit_text (sheet, sheet->fonts[VP_PRINT_FONT_BODY], PANGO_WEIGHT_NORMAL,
                           ORG_LARGEST, ORG_SMALLEST, 2, inner,
                           vp_participant_get_organisation (participant));
  country = fit_text (sheet, sheet->fonts[VP_PRINT_FONT_BODY], PANGO_WEIGHT_NORMAL,
                      COUNTRY_SIZE, COUNTRY_SIZE, 1, inner,
                      badge_country (sheet->snapshot, participant));
  foot = fit_text (sheet, sheet->fonts[VP_PRINT_FONT_SMALL], PANGO_WEIGHT_NORMAL,
                   TITLE_SIZE, TITLE_SIZE, 2, inner, title);

  for (;;)
    {
      foot_height = foot != NULL ? vp_print_layout_get_height (foot) + 8 : 0;
      stack_height = (name_layout != NULL ? vp_print_layout_get_height (name_layout) : 0) +
                     (organisation != NULL ? 6 + vp_print_layout_get_height (organisation) : 0) +
                     (country != NULL ? 2 + vp_print_layout_get_height (country) : 0);
      room = height - 2 * padding - foot_height;
      if (stack_height <= room)
        break;

      if (foot != NULL)
        g_clear_object (&foot);
      else if (country != NULL)
        g_clear_object (&country);
      else if (organisation != NULL)
        g_clear_object (&organisation);
      else if (name_layout != NULL && pango_layout_get_line_count (name_layout) > 1)
        pango_layout_set_height (name_layout, -1);
      else
        break;
    }

  if (foot != NULL)
    {
      double foot_y = y + height - padding - vp_print_layout_get_height (foot);

      vp_print_block_add_rule (block, x + padding + inner / 3, foot_y - 6, inner / 3, 0.8,
                               VP_PRINT_COLOUR_ACCENT);
      vp_print_block_add_text (block, g_object_ref (foot), x + padding, foot_y,
                               VP_PRINT_COLOUR_MUTED);
    }

  /* The stack a little above the middle of its room, as the eye expects. */
  top = y + padding + MAX (0, (room - stack_height) * 0.45);
  if (name_layout != NULL && vp_print_layout_get_height (name_layout) <= height - 2 * padding)
    {
      vp_print_block_add_text (block, g_object_ref (name_layout), x + padding, top,
                               VP_PRINT_COLOUR_TEXT);
      top += vp_print_layout_get_height (name_layout);
    }
  if (organisation != NULL)
    {
      vp_print_block_add_text (block, g_object_ref (organisation), x + padding, top + 6,
                               VP_PRINT_COLOUR_TEXT);
      top += 6 + vp_print_layout_get_height (organisation);
    }
  if (country != NULL)
    vp_print_block_add_text (block, g_object_ref (country), x + padding, top + 2,
                             VP_PRINT_COLOUR_MUTED);
}

/* The lines to cut along: around every badge of the page, once each. */
static void
add_cut_lines (VpPrintBlock *block,
               guint         n_badges,
               guint         columns,
               guint         rows,
               double        width,
               double        height)
{
  double cell_width = width / columns;
  double cell_height = height / rows;

#define FILLED(column, row) ((row) < rows && (column) < columns && \
                             (row) * columns + (column) < n_badges)

  /* Each line on the edge between two cells, or inside the grid's edge. */
  for (guint row = 0; row <= rows; row++)
    {
      double line_y = CLAMP (row * cell_height - CUT_LINE / 2, 0, height - CUT_LINE);

      for (guint column = 0; column < columns; column++)
        if (FILLED (column, row) || (row > 0 && FILLED (column, row - 1)))
          vp_print_block_add_rule (block, column * cell_width, line_y, cell_width, CUT_LINE,
                                   VP_PRINT_COLOUR_RULE);
    }
  for (guint column = 0; column <= columns; column++)
    {
      double line_x = CLAMP (column * cell_width - CUT_LINE / 2, 0, width - CUT_LINE);

      for (guint row = 0; row < rows; row++)
        if (FILLED (column, row) || (column > 0 && FILLED (column - 1, row)))
          vp_print_block_add_box (block, line_x, row * cell_height, CUT_LINE, cell_height, 0,
                                  FALSE, VP_PRINT_COLOUR_RULE);
    }

#undef FILLED
}

void
vp_print_sheet_build_badges (VpPrintSheet *sheet,
                             guint         columns,
                             guint         rows)
{
  GPtrArray *all = vp_snapshot_get_participants (sheet->snapshot);
  g_autoptr(GPtrArray) participants = g_ptr_array_sized_new (all->len);
  const char *title = vp_programme_get_title (vp_snapshot_get_programme (sheet->snapshot));
  guint per_page = columns * rows;
  double cell_width = sheet->width / columns;
  double cell_height = sheet->height / rows;

  g_return_if_fail (columns > 0 && rows > 0);

  if (all->len == 0)
    {
      vp_print_sheet_append_paragraph (sheet, VP_PRINT_FONT_BODY,
                                       _("The programme has no participants yet: there are no "
                                         "badges to print."),
                                       VP_PRINT_COLOUR_MUTED, 0);
      return;
    }

  /* Borrowed: the copy frees nothing. */
  g_ptr_array_extend (participants, all, NULL, NULL);
  g_ptr_array_sort (participants, vp_print_compare_participants);

  for (guint first = 0; first < participants->len; first += per_page)
    {
      VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "badges");
      guint n = MIN (per_page, participants->len - first);

      for (guint i = 0; i < n; i++)
        add_badge (sheet, block, g_ptr_array_index (participants, first + i), title,
                   (i % columns) * cell_width, (i / columns) * cell_height,
                   cell_width, cell_height);
      add_cut_lines (block, n, columns, rows, sheet->width, sheet->height);

      /* A page of badges is one piece: on a page of its own, never split. */
      vp_print_block_extend (block, (n + columns - 1) / columns * cell_height);
      vp_print_block_set_keep (block, vp_print_block_get_height (block));
      vp_print_block_set_new_page (block, TRUE);
      g_ptr_array_add (sheet->blocks, block);
    }
}

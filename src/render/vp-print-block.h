/* vp-print-block.h: a measured piece of a printed page that can split between its lines. */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _VpPrintBlock VpPrintBlock;

typedef enum
{
  VP_PRINT_BLOCK_CONTENT,
  /* A heading is never the last thing on a page: it moves on with the start
   * of the block that follows it. */
  VP_PRINT_BLOCK_HEADING,
} VpPrintBlockKind;

/* Colours are 0xRRGGBB. */
#define VP_PRINT_COLOUR_TEXT   0x1e1e1e
#define VP_PRINT_COLOUR_MUTED  0x5a5a5a
#define VP_PRINT_COLOUR_RULE   0xb8b8b8
#define VP_PRINT_COLOUR_FAINT  0xdedede
#define VP_PRINT_COLOUR_SHADE  0xf0f0f0
#define VP_PRINT_COLOUR_ACCENT 0x1a4f8f
#define VP_PRINT_COLOUR_WHITE  0xffffff

/* Blocks are measured in points, from their own top (y = 0) down. */
VpPrintBlock     *vp_print_block_new             (VpPrintBlockKind  kind,
                                                  const char       *tag);
void              vp_print_block_free            (VpPrintBlock     *self);

VpPrintBlockKind  vp_print_block_get_kind        (VpPrintBlock     *self);
const char       *vp_print_block_get_tag         (VpPrintBlock     *self);
double            vp_print_block_get_height      (VpPrintBlock     *self);
/* Space above the block when it does not start a page. */
double            vp_print_block_get_space_above (VpPrintBlock     *self);
void              vp_print_block_set_space_above (VpPrintBlock     *self,
                                                  double            space);
/* No page break above @keep: the block's first lines stay together. */
double            vp_print_block_get_keep        (VpPrintBlock     *self);
void              vp_print_block_set_keep        (VpPrintBlock     *self,
                                                  double            keep);
/* The block starts a page (a sheet per session, a certificate per person),
 * unless the page holds nothing yet. */
gboolean          vp_print_block_get_new_page    (VpPrintBlock     *self);
void              vp_print_block_set_new_page    (VpPrintBlock     *self,
                                                  gboolean          new_page);
/* A block drawn at the top of every page this block goes on to, when the
 * page does not start with a heading (a day's "continued" heading, a
 * table's column titles).  Borrowed: the document owns every block. */
VpPrintBlock     *vp_print_block_get_repeat      (VpPrintBlock     *self);
void              vp_print_block_set_repeat      (VpPrintBlock     *self,
                                                  VpPrintBlock     *repeat);

/* Takes @layout; its lines are where the block may break. */
void              vp_print_block_add_text        (VpPrintBlock     *self,
                                                  PangoLayout      *layout,
                                                  double            x,
                                                  double            y,
                                                  guint32           colour);
void              vp_print_block_add_rule        (VpPrintBlock     *self,
                                                  double            x,
                                                  double            y,
                                                  double            width,
                                                  double            thickness,
                                                  guint32           colour);
/* A filled box, or an outline of @line_width when @line_width > 0;
 * @dashed for a dashed outline. */
void              vp_print_block_add_box         (VpPrintBlock     *self,
                                                  double            x,
                                                  double            y,
                                                  double            width,
                                                  double            height,
                                                  double            line_width,
                                                  gboolean          dashed,
                                                  guint32           colour);
/* Makes the block at least @height tall (space below its content). */
void              vp_print_block_extend          (VpPrintBlock     *self,
                                                  double            height);

/* The largest y in (@from, @limit] where the block may break (no line, rule
 * or box cut in two, nothing above the keep when @from is 0), or 0. */
double            vp_print_block_find_break      (VpPrintBlock     *self,
                                                  double            from,
                                                  double            limit,
                                                  gboolean          honour_keep);
/* The first place after @from where the block may break, or its height. */
double            vp_print_block_first_break     (VpPrintBlock     *self,
                                                  double            from);

/* Draws the part of the block between @from and @to with its y = @from at
 * (@x, @y) of @cr: what lies wholly inside, or with @partial (for a cut
 * where the block had no break; the caller clips) all that reaches in. */
void              vp_print_block_draw            (VpPrintBlock     *self,
                                                  cairo_t          *cr,
                                                  double            x,
                                                  double            y,
                                                  double            from,
                                                  double            to,
                                                  gboolean          partial);

void              vp_print_set_source_colour     (cairo_t          *cr,
                                                  guint32           colour);

/* Marks @layout as drawn by many blocks (a text every sheet repeats): a
 * block draws it whole from a recording made once per colour, which a PDF
 * holds once and places where it goes; and a block made only of shared
 * texts and shapes, from a recording made once for all the blocks alike.
 * @layout must not change after. */
/* The height and width of @layout's logical extents, in points. */
double            vp_print_layout_get_height     (PangoLayout      *layout);
double            vp_print_layout_get_width      (PangoLayout      *layout);
/* Adds @attribute (taken) over the whole text of @layout. */
void              vp_print_layout_add_attribute  (PangoLayout      *layout,
                                                  PangoAttribute   *attribute);
void              vp_print_layout_set_shared     (PangoLayout      *layout);
/* Draws @layout whole with its top left corner at (@x, @y) of @cr, in
 * @colour: from its recording when it is shared. */
void              vp_print_layout_draw           (cairo_t          *cr,
                                                  PangoLayout      *layout,
                                                  double            x,
                                                  double            y,
                                                  guint32           colour);

/* What @draw draws with @data (in points, from the origin), recorded once,
 * bounded by its ink and @logical (the room it takes, or NULL): painted
 * with its origin at (@x, @y) of @cr, one operation that a PDF places,
 * holding what it draws once. */
typedef void (*VpPrintDrawFunc) (cairo_t  *cr,
                                 gpointer  data);

cairo_surface_t  *vp_print_record                (VpPrintDrawFunc          draw,
                                                  gpointer                 data,
                                                  const cairo_rectangle_t *logical);
void              vp_print_paint_recording       (cairo_t          *cr,
                                                  cairo_surface_t  *recording,
                                                  double            x,
                                                  double            y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpPrintBlock, vp_print_block_free)

G_END_DECLS

/* vp-print-block.c: a measured piece of a printed page that can split between its lines. */
#include "config.h"

#include <math.h>

#include "vp-print-block.h"

/* Half a hundredth of a point: measurements come from Pango units. */
#define EPSILON 0.005

typedef enum
{
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_BOX,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  double       x;
  double       y;
  double       width;
  double       height;      /* text: the layout's height; rule: its thickness */
  double       line_width;  /* box: 0 to fill */
  gboolean     dashed;
  guint32      colour;
  PangoLayout *layout;
} Item;

/* Where drawing must not be cut: one line of text, a rule, a box. */
typedef struct
{
  double top;
  double bottom;
} Span;

struct _VpPrintBlock
{
  VpPrintBlockKind  kind;
  char             *tag;
  double            height;
  double            space_above;
  double            keep;
  gboolean          new_page;
  VpPrintBlock     *repeat;
  GArray           *items;
  GArray           *breaks;  /* double, ascending; NULL until asked for */
};

VpPrintBlock *
vp_print_block_new (VpPrintBlockKind  kind,
                    const char       *tag)
{
  VpPrintBlock *self = g_new0 (VpPrintBlock, 1);

  self->kind = kind;
  self->tag = g_strdup (tag);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));

  return self;
}

void
vp_print_block_free (VpPrintBlock *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_clear_object (&g_array_index (self->items, Item, i).layout);
  g_array_unref (self->items);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_free (self->tag);
  g_free (self);
}

VpPrintBlockKind
vp_print_block_get_kind (VpPrintBlock *self)
{
  return self->kind;
}

const char *
vp_print_block_get_tag (VpPrintBlock *self)
{
  return self->tag;
}

double
vp_print_block_get_height (VpPrintBlock *self)
{
  return self->height;
}

double
vp_print_block_get_space_above (VpPrintBlock *self)
{
  return self->space_above;
}

void
vp_print_block_set_space_above (VpPrintBlock *self,
                                double        space)
{
  self->space_above = MAX (space, 0);
}

double
vp_print_block_get_keep (VpPrintBlock *self)
{
  return self->keep;
}

void
vp_print_block_set_keep (VpPrintBlock *self,
                         double        keep)
{
  self->keep = MAX (keep, 0);
}

gboolean
vp_print_block_get_new_page (VpPrintBlock *self)
{
  return self->new_page;
}

void
vp_print_block_set_new_page (VpPrintBlock *self,
                             gboolean      new_page)
{
  self->new_page = !!new_page;
}

VpPrintBlock *
vp_print_block_get_repeat (VpPrintBlock *self)
{
  return self->repeat;
}

void
vp_print_block_set_repeat (VpPrintBlock *self,
                           VpPrintBlock *repeat)
{
  g_assert (repeat != self);
  self->repeat = repeat;
}

static void
add_item (VpPrintBlock *self,
          const Item   *item)
{
  g_array_append_vals (self->items, item, 1);
  self->height = MAX (self->height, item->y + item->height);
  g_clear_pointer (&self->breaks, g_array_unref);
}

void
vp_print_block_add_text (VpPrintBlock *self,
                         PangoLayout  *layout,
                         double        x,
                         double        y,
                         guint32       colour)
{
  Item item = { ITEM_TEXT, x, y, 0, 0, 0, FALSE, colour, layout };
  int width, height;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_size (layout, &width, &height);
  item.width = (double)width / PANGO_SCALE;
  item.height = (double)height / PANGO_SCALE;
  add_item (self, &item);
}

void
vp_print_block_add_rule (VpPrintBlock *self,
                         double        x,
                         double        y,
                         double        width,
                         double        thickness,
                         guint32       colour)
{
  Item item = { ITEM_RULE, x, y, width, thickness, 0, FALSE, colour, NULL };

  /* A rule's y is its top edge: it is drawn from y to y + thickness. */
  add_item (self, &item);
}

void
vp_print_block_add_box (VpPrintBlock *self,
                        double        x,
                        double        y,
                        double        width,
                        double        height,
                        double        line_width,
                        gboolean      dashed,
                        guint32       colour)
{
  Item item = { ITEM_BOX, x, y, width, height, line_width, dashed, colour, NULL };

  add_item (self, &item);
}

void
vp_print_block_extend (VpPrintBlock *self,
                       double        height)
{
  if (height > self->height)
    {
      self->height = height;
      g_clear_pointer (&self->breaks, g_array_unref);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->top < sb->top)
    return -1;
  if (sa->top > sb->top)
    return 1;
  return 0;
}

/* A break may go where no span is cut: at the top of each span that starts
 * below every span before it. */
static GArray *
ensure_breaks (VpPrintBlock *self)
{
  g_autoptr(GArray) spans = NULL;
  double bottom = 0;

  if (self->breaks != NULL)
    return self->breaks;

  spans = g_array_new (FALSE, FALSE, sizeof (Span));
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_TEXT)
        {
          g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (item->layout);

          do
            {
              int top, line_bottom;
              Span span;

              pango_layout_iter_get_line_yrange (iter, &top, &line_bottom);
              span.top = item->y + (double)top / PANGO_SCALE;
              span.bottom = item->y + (double)line_bottom / PANGO_SCALE;
              g_array_append_val (spans, span);
            }
          while (pango_layout_iter_next_line (iter));
        }
      else
        {
          Span span = { item->y, item->y + item->height };

          g_array_append_val (spans, span);
        }
    }

  g_array_sort (spans, compare_spans);

  self->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      if (span->top >= bottom - EPSILON && span->top > EPSILON &&
          span->top < self->height - EPSILON)
        {
          double at = MAX (span->top, bottom);
          guint n = self->breaks->len;

          if (n == 0 || g_array_index (self->breaks, double, n - 1) < at - EPSILON)
            g_array_append_val (self->breaks, at);
        }
      bottom = MAX (bottom, span->bottom);
    }

  return self->breaks;
}

double
vp_print_block_find_break (VpPrintBlock *self,
                           double        from,
                           double        limit,
                           gboolean      honour_keep)
{
  GArray *breaks = ensure_breaks (self);
  double lowest = from + EPSILON;

  if (honour_keep)
    lowest = MAX (lowest, self->keep - EPSILON);

  /* Few breaks per block (one a line): a backwards scan is enough. */
  for (guint i = breaks->len; i > 0; i--)
    {
      double at = g_array_index (breaks, double, i - 1);

      if (at < lowest)
        break;
      if (at <= limit + EPSILON)
        return at;
    }

  return 0;
}

double
vp_print_block_first_break (VpPrintBlock *self,
                            double        from)
{
  GArray *breaks = ensure_breaks (self);
  double lowest = MAX (from + EPSILON, self->keep - EPSILON);

  for (guint i = 0; i < breaks->len; i++)
    {
      double at = g_array_index (breaks, double, i);

      if (at >= lowest)
        return at;
    }

  return self->height;
}

void
vp_print_set_source_colour (cairo_t *cr,
                            guint32  colour)
{
  cairo_set_source_rgb (cr,
                        ((colour >> 16) & 0xff) / 255.0,
                        ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

static void
draw_text (Item     *item,
           cairo_t  *cr,
           double    x,
           double    y,
           double    from,
           double    to,
           gboolean  partial)
{
  g_autoptr(PangoLayoutIter) iter = NULL;

  /* The whole layout: one call. */
  if (item->y >= from - EPSILON && item->y + item->height <= to + EPSILON)
    {
      cairo_move_to (cr, x + item->x, y + item->y - from);
      pango_cairo_show_layout (cr, item->layout);
      return;
    }

  /* Part of it: the lines that lie between @from and @to. */
  iter = pango_layout_get_iter (item->layout);
  do
    {
      PangoRectangle logical;
      int top, bottom;
      double line_top, line_bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_top = item->y + (double)top / PANGO_SCALE;
      line_bottom = item->y + (double)bottom / PANGO_SCALE;
      if (partial ? line_bottom <= from : line_top < from - EPSILON)
        continue;
      if (partial ? line_top >= to : line_bottom > to + EPSILON)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr,
                     x + item->x + (double)logical.x / PANGO_SCALE,
                     y + item->y - from +
                     (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
}

void
vp_print_block_draw (VpPrintBlock *self,
                     cairo_t      *cr,
                     double        x,
                     double        y,
                     double        from,
                     double        to,
                     gboolean      partial)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      vp_print_set_source_colour (cr, item->colour);
      switch (item->kind)
        {
        case ITEM_TEXT:
          draw_text (item, cr, x, y, from, to, partial);
          break;

        case ITEM_RULE:
        case ITEM_BOX:
          if (partial ? (item->y + item->height <= from || item->y >= to)
                      : (item->y < from - EPSILON || item->y + item->height > to + EPSILON))
            break;
          if (item->kind == ITEM_RULE || item->line_width <= 0)
            {
              cairo_rectangle (cr, x + item->x, y + item->y - from, item->width, item->height);
              cairo_fill (cr);
            }
          else
            {
              double half = item->line_width / 2;
              double dash = 1.5;

              /* Inside the box's edges, so that its ink stays where it was measured. */
              cairo_rectangle (cr, x + item->x + half, y + item->y - from + half,
                               item->width - item->line_width, item->height - item->line_width);
              cairo_set_line_width (cr, item->line_width);
              cairo_set_dash (cr, &dash, item->dashed ? 1 : 0, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/* vp-print-block.c: a measured piece of a printed page that can split between its lines. */
#include "config.h"

#include <math.h>

#include "vp-print-block.h"

/* Half a hundredth of a point: measurements come from Pango units. */
#define EPSILON 0.005
/* A shared text's recording has this many units to the point: whole ones
 * bound it closely. */
#define RECORDING_SCALE 64.0
/* A block is drawn from a recording of its own once it has been drawn
 * this many times. */
#define BLOCK_RECORDING_USES 20

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
  char             *recording_key;  /* NULL until drawn; "" when it has none */
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
  g_free (self->recording_key);
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
  g_clear_pointer (&self->recording_key, g_free);
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
      g_clear_pointer (&self->recording_key, g_free);
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

/* Recordings {{{1 */

/* A PDF's cost is mostly in its operations, however small each is (cairo
 * examines and writes each text and shape of a page): what many pages draw
 * alike (a shared text, a table's row for the same person, a page's
 * header) is recorded once, which a PDF holds once as a form, and painted
 * where it goes, one operation. */

cairo_surface_t *
vp_print_record (VpPrintDrawFunc          draw,
                 gpointer                 data,
                 const cairo_rectangle_t *logical)
{
  cairo_surface_t *recording;
  cairo_rectangle_t extents;
  cairo_t *cr;

  /* In units of 1/RECORDING_SCALE point, bounded by the ink (as cairo
   * measures it, in whole units) and the room the drawing takes
   * (@logical): where drawing it directly would reach, no further (a
   * recording that is not bounded covers the page), and not as tight as
   * the ink alone, which a viewer that clips a form to whole pixels would
   * cut into. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  cairo_scale (cr, RECORDING_SCALE, RECORDING_SCALE);
  draw (cr, data);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &extents.x, &extents.y, &extents.width,
                                       &extents.height);
  cairo_surface_destroy (recording);

  if (logical != NULL && logical->width > 0 && logical->height > 0)
    {
      double x1 = MIN (extents.x, logical->x * RECORDING_SCALE);
      double y1 = MIN (extents.y, logical->y * RECORDING_SCALE);
      double x2 = MAX (extents.x + extents.width, (logical->x + logical->width) * RECORDING_SCALE);
      double y2 = MAX (extents.y + extents.height,
                       (logical->y + logical->height) * RECORDING_SCALE);

      if (extents.width <= 0 || extents.height <= 0)
        {
          x1 = logical->x * RECORDING_SCALE;
          y1 = logical->y * RECORDING_SCALE;
          x2 = (logical->x + logical->width) * RECORDING_SCALE;
          y2 = (logical->y + logical->height) * RECORDING_SCALE;
        }
      extents.x = floor (x1);
      extents.y = floor (y1);
      extents.width = ceil (x2) - extents.x;
      extents.height = ceil (y2) - extents.y;
    }

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  cairo_scale (cr, RECORDING_SCALE, RECORDING_SCALE);
  draw (cr, data);
  cairo_destroy (cr);

  return recording;
}

void
vp_print_paint_recording (cairo_t         *cr,
                          cairo_surface_t *recording,
                          double           x,
                          double           y)
{
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (recording);
  cairo_matrix_t matrix;

  cairo_matrix_init_scale (&matrix, RECORDING_SCALE, RECORDING_SCALE);
  cairo_matrix_translate (&matrix, -x, -y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_pattern_destroy (pattern);
}

static GQuark
shared_recordings_quark (void)
{
  return g_quark_from_static_string ("vp-print-shared-recordings");
}

/* The times each block alike was drawn, while it has no recording. */
static GQuark
block_counts_quark (void)
{
  return g_quark_from_static_string ("vp-print-block-counts");
}

/* A shared layout's recordings: of it in each colour ("#RRGGBB"), and of
 * the blocks it begins ("=…", their items). */
static GHashTable *
shared_recordings (PangoLayout *layout)
{
  return g_object_get_qdata (G_OBJECT (layout), shared_recordings_quark ());
}

double
vp_print_layout_get_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
vp_print_layout_get_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

void
vp_print_layout_add_attribute (PangoLayout    *layout,
                               PangoAttribute *attribute)
{
  PangoAttrList *current = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) list = current != NULL ? pango_attr_list_copy (current)
                                                  : pango_attr_list_new ();

  pango_attr_list_insert (list, attribute);
  pango_layout_set_attributes (layout, list);
}

void
vp_print_layout_set_shared (PangoLayout *layout)
{
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  if (shared_recordings (layout) == NULL)
    g_object_set_qdata_full (G_OBJECT (layout), shared_recordings_quark (),
                             g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify)cairo_surface_destroy),
                             (GDestroyNotify)g_hash_table_unref);
}

typedef struct
{
  PangoLayout *layout;
  guint32      colour;
} LayoutDrawing;

static void
draw_layout_cb (cairo_t  *cr,
                gpointer  data)
{
  LayoutDrawing *drawing = data;

  vp_print_set_source_colour (cr, drawing->colour);
  pango_cairo_show_layout (cr, drawing->layout);
}

void
vp_print_layout_draw (cairo_t     *cr,
                      PangoLayout *layout,
                      double       x,
                      double       y,
                      guint32      colour)
{
  GHashTable *recordings = shared_recordings (layout);
  cairo_surface_t *recording;
  char key[16];

  if (recordings == NULL)
    {
      vp_print_set_source_colour (cr, colour);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  g_snprintf (key, sizeof key, "#%06x", colour);
  recording = g_hash_table_lookup (recordings, key);
  if (recording == NULL)
    {
      LayoutDrawing drawing = { layout, colour };
      PangoRectangle room;
      cairo_rectangle_t logical;

      pango_layout_get_extents (layout, NULL, &room);
      logical = (cairo_rectangle_t) {
        (double)room.x / PANGO_SCALE, (double)room.y / PANGO_SCALE,
        (double)room.width / PANGO_SCALE, (double)room.height / PANGO_SCALE,
      };
      recording = vp_print_record (draw_layout_cb, &drawing, &logical);
      g_hash_table_insert (recordings, g_strdup (key), recording);
    }
  vp_print_paint_recording (cr, recording, x, y);
}

/* Drawing {{{1 */

static void
draw_text (Item     *item,
           cairo_t  *cr,
           double    x,
           double    y,
           double    from,
           double    to,
           gboolean  partial,
           gboolean  direct)
{
  g_autoptr(PangoLayoutIter) iter = NULL;

  /* The whole layout: one call. */
  if (item->y >= from - EPSILON && item->y + item->height <= to + EPSILON)
    {
      if (direct)
        {
          vp_print_set_source_colour (cr, item->colour);
          cairo_move_to (cr, x + item->x, y + item->y - from);
          pango_cairo_show_layout (cr, item->layout);
        }
      else
        vp_print_layout_draw (cr, item->layout, x + item->x, y + item->y - from, item->colour);
      return;
    }

  /* Part of it: the lines that lie between @from and @to. */
  vp_print_set_source_colour (cr, item->colour);
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

/* The items between @from and @to; with @direct, each text set anew,
 * never from its recording (for a recording of the whole block). */
static void
draw_items (VpPrintBlock *self,
            cairo_t      *cr,
            double        x,
            double        y,
            double        from,
            double        to,
            gboolean      partial,
            gboolean      direct)
{
  cairo_save (cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          draw_text (item, cr, x, y, from, to, partial, direct);
          break;

        case ITEM_RULE:
        case ITEM_BOX:
          if (partial ? (item->y + item->height <= from || item->y >= to)
                      : (item->y < from - EPSILON || item->y + item->height > to + EPSILON))
            break;
          vp_print_set_source_colour (cr, item->colour);
          /* Each shape its own operation: a viewer draws a thin rule that
           * is a rectangle of its own crisply, one of many in a path
           * faintly. */
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

static void
draw_block_cb (cairo_t  *cr,
               gpointer  data)
{
  VpPrintBlock *self = data;

  draw_items (self, cr, 0, 0, 0, self->height, FALSE, TRUE);
}

/* The recording of the whole block, made once for all the blocks alike
 * (the same shared texts and shapes in the same places), or NULL for a
 * block with a text that is not shared, or with less than two items. */
static cairo_surface_t *
block_recording (VpPrintBlock *self)
{
  PangoLayout *first = NULL;
  GHashTable *recordings;
  cairo_surface_t *recording;

  if (self->items->len < 2)
    return NULL;

  if (self->recording_key == NULL)
    {
      GString *key = g_string_new ("=");

      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = &g_array_index (self->items, Item, i);

          if (item->kind == ITEM_TEXT)
            {
              if (shared_recordings (item->layout) == NULL)
                {
                  g_string_free (key, TRUE);
                  self->recording_key = g_strdup ("");
                  return NULL;
                }
              if (first == NULL)
                first = item->layout;
            }
          /* Exact figures: a block is only drawn as another's recording
           * when it is the same to the last bit. */
          g_string_append_printf (key, "%d %a %a %a %a %a %d %06x %p;", (int)item->kind,
                                  item->x, item->y, item->width, item->height,
                                  item->line_width, item->dashed, item->colour, item->layout);
        }
      if (first == NULL)
        g_string_truncate (key, 0);
      g_string_append_printf (key, "%a", self->height);
      self->recording_key = g_string_free (key, FALSE);
    }

  if (self->recording_key[0] != '=')
    return NULL;

  /* Kept by the first shared text of the block, which the blocks alike
   * share. */
  for (guint i = 0; first == NULL; i++)
    if (g_array_index (self->items, Item, i).kind == ITEM_TEXT)
      first = g_array_index (self->items, Item, i).layout;
  recordings = shared_recordings (first);
  recording = g_hash_table_lookup (recordings, self->recording_key);
  if (recording == NULL)
    {
      GHashTable *counts = g_object_get_qdata (G_OBJECT (first), block_counts_quark ());
      guint count;

      /* A recording costs a few operations: made for a block drawn often
       * enough to pay for it. */
      if (counts == NULL)
        {
          counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_object_set_qdata_full (G_OBJECT (first), block_counts_quark (), counts,
                                   (GDestroyNotify)g_hash_table_unref);
        }
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, self->recording_key)) + 1;
      if (count < BLOCK_RECORDING_USES)
        {
          g_hash_table_insert (counts, g_strdup (self->recording_key), GUINT_TO_POINTER (count));
          return NULL;
        }
      g_hash_table_remove (counts, self->recording_key);

      /* The room the block takes: as wide as its widest item. */
      {
        cairo_rectangle_t logical = { 0, 0, 0, self->height };

        for (guint i = 0; i < self->items->len; i++)
          {
            Item *item = &g_array_index (self->items, Item, i);

            logical.width = MAX (logical.width, item->x + item->width);
          }
        recording = vp_print_record (draw_block_cb, self, &logical);
      }
      g_hash_table_insert (recordings, g_strdup (self->recording_key), recording);
    }

  return recording;
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

  if (from <= EPSILON && to >= self->height - EPSILON && !partial)
    {
      cairo_surface_t *recording = block_recording (self);

      if (recording != NULL)
        {
          cairo_save (cr);
          vp_print_paint_recording (cr, recording, x, y);
          cairo_restore (cr);
          return;
        }
    }

  draw_items (self, cr, x, y, from, to, partial, FALSE);
}

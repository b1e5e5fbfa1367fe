/* vp-agenda-grid.c: the days of a programme side by side as a time grid, drawn in one widget.
 *
 * A programme may hold thousands of sessions, so the grid makes no widget per
 * session: it lays blocks out as rectangles and draws only those of the days
 * and hours in view, with a Pango layout each, in snapshot(). */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vp-agenda-grid.h"
#include "vp-agenda-item.h"
#include "vp-checks.h"
#include "vp-format.h"
#include "vp-time.h"

#define HEADER_HEIGHT   40
#define RULER_WIDTH     60
#define HOUR_HEIGHT     64
#define MIN_DAY_WIDTH   180
#define MAX_VISIBLE     7
#define DAY_PADDING     3
#define BOTTOM_PADDING  12
#define SNAP_MINUTES    15
#define MIN_MINUTES     15
#define BLOCK_RADIUS    6
#define TEXT_PADDING    4
#define STRIPE_WIDTH    4
#define ICON_SIZE       16
#define FIRST_HOUR      7
#define LAST_HOUR       21
/* Sessions longer than this many days are drawn on their first ones only:
 * such data is a mistake that the checks report. */
#define MAX_SEGMENTS    14

#define PX_PER_MINUTE   (HOUR_HEIGHT / 60.0)

typedef struct
{
  VpSession       *session;       /* borrowed from the snapshot */
  guint            session_index; /* in the snapshot's (time) order */
  int              julian;        /* the day it is drawn on */
  guint            day;           /* index of that day in the grid */
  int              start;         /* minutes from that day's midnight */
  int              end;
  guint            column;
  guint            n_columns;
  gboolean         first;         /* the session's first segment */
  gboolean         in_view;       /* its day is one of those shown */
  graphene_rect_t  rect;          /* in the body's coordinates */
  /* What it was drawn as, at @drawn_rect: drawn again only when it moves
   * or what it shows changes, so that one edit does not draw them all */
  GskRenderNode   *node;
  graphene_rect_t  drawn_rect;
} Block;

typedef struct
{
  VpLocalTime start;
  VpLocalTime end;
  guint       first_block;
} SessionInfo;

struct _VpAgendaGrid
{
  GtkWidget       parent_instance;

  VpSnapshot     *snapshot;
  GTimeZone      *zone;
  GPtrArray      *problems;
  /* uid → GPtrArray of borrowed VpProblem */
  GHashTable     *problems_by_uid;

  GArray         *blocks;         /* of Block, by day then time */
  GArray         *sessions;       /* of SessionInfo, parallel to the snapshot's */
  GHashTable     *index_by_uid;   /* uid → session index + 1 */
  GPtrArray      *days;           /* "YYYY-MM-DD" */
  GPtrArray      *day_titles;
  int             first_julian;
  int             first_hour;
  int             last_hour;

  guint           first_day;
  guint           n_visible;
  int             day_width;

  char           *focus_uid;
  gboolean        scroll_to_focus;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  /* Dragging a block */
  int             drag_block;
  gboolean        dragging;
  double          drag_x;
  double          drag_y;
  int             drag_days;
  int             drag_minutes;

  GtkIconPaintable *icons[3];
};

static void vp_agenda_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpAgendaGrid, vp_agenda_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      vp_agenda_grid_scrollable_init))

enum {
  PROP_0,
  PROP_FIRST_DAY,
  PROP_N_VISIBLE_DAYS,
  PROP_N_DAYS,
  PROP_FOCUS_SESSION,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

static GParamSpec *properties[PROP_HADJUSTMENT];

enum {
  SESSION_ACTIVATED,
  DELETE_SESSION,
  MOVE_SESSION,
  CREATE_SESSION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void vp_agenda_grid_scrollable_init (GtkScrollableInterface *iface) { }

/* Time {{{1 */

static int
local_time_julian (const VpLocalTime *time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, time->day, time->month, time->year);
  return (int) g_date_get_julian (&date);
}

/* "YYYY-MM-DDTHH:MM" for a day of the grid (any, even outside it) and a
 * minute from its midnight, which may run over into other days. */
static char *
format_day_minute (VpAgendaGrid *self,
                   int           day,
                   int           minute)
{
  VpLocalTime time = { 0, };
  GDate date;
  int julian;

  julian = self->first_julian + day + (int) floor (minute / 1440.0);
  minute -= (int) floor (minute / 1440.0) * 1440;
  if (julian < 1)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  time.year = g_date_get_year (&date);
  time.month = g_date_get_month (&date);
  time.day = g_date_get_day (&date);
  time.hour = minute / 60;
  time.minute = minute % 60;
  return vp_local_time_format (&time);
}

/* Layout {{{1 */

static int
block_display_end (const Block *block)
{
  return MAX (block->end, block->start + MIN_MINUTES);
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *block_a = a;
  const Block *block_b = b;

  if (block_a->julian != block_b->julian)
    return block_a->julian < block_b->julian ? -1 : 1;
  if (block_a->start != block_b->start)
    return block_a->start < block_b->start ? -1 : 1;
  if (block_a->end != block_b->end)
    return block_a->end > block_b->end ? -1 : 1;
  return block_a->session_index < block_b->session_index ? -1 :
         block_a->session_index > block_b->session_index ? 1 : 0;
}

static void
finish_cluster (VpAgendaGrid *self,
                guint         from,
                guint         to,
                guint         n_columns)
{
  for (guint i = from; i < to; i++)
    g_array_index (self->blocks, Block, i).n_columns = n_columns;
}

/* Overlapping sessions side by side: each cluster of blocks that overlap,
 * directly or through others, is split into as many columns as it needs at
 * once, and each block takes the first column free at its start. */
static void
pack_columns (VpAgendaGrid *self)
{
  g_autoptr(GArray) column_ends = g_array_new (FALSE, FALSE, sizeof (int));
  guint cluster_start = 0;
  int cluster_end = -1;
  int julian = G_MININT;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      guint column;

      if (block->julian != julian || block->start >= cluster_end)
        {
          finish_cluster (self, cluster_start, i, column_ends->len);
          g_array_set_size (column_ends, 0);
          cluster_start = i;
          cluster_end = -1;
          julian = block->julian;
        }

      for (column = 0; column < column_ends->len; column++)
        if (g_array_index (column_ends, int, column) <= block->start)
          break;
      if (column == column_ends->len)
        g_array_set_size (column_ends, column + 1);

      g_array_index (column_ends, int, column) = block_display_end (block);
      block->column = column;
      cluster_end = MAX (cluster_end, block_display_end (block));
    }

  finish_cluster (self, cluster_start, self->blocks->len, column_ends->len);
}

static double
body_height (VpAgendaGrid *self)
{
  return (self->last_hour - self->first_hour) * HOUR_HEIGHT + BOTTOM_PADDING;
}

static double
scroll_offset (VpAgendaGrid *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
layout_blocks (VpAgendaGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n_visible;

  n_visible = (guint) MAX (1, (width - RULER_WIDTH) / MIN_DAY_WIDTH);
  n_visible = MIN (n_visible, MAX_VISIBLE);
  n_visible = MIN (n_visible, MAX (self->days->len, 1));
  self->day_width = MAX (1, (width - RULER_WIDTH) / (int) n_visible);

  if (self->first_day + n_visible > self->days->len)
    self->first_day = self->days->len > n_visible ? self->days->len - n_visible : 0;

  if (n_visible != self->n_visible)
    {
      self->n_visible = n_visible;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VISIBLE_DAYS]);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double inner, column_width;

      block->in_view = block->day >= self->first_day &&
                       block->day < self->first_day + self->n_visible;
      if (!block->in_view)
        continue;

      inner = self->day_width - 2 * DAY_PADDING;
      column_width = inner / MAX (block->n_columns, 1);
      block->rect.origin.x = RULER_WIDTH + (block->day - self->first_day) * self->day_width +
                             DAY_PADDING + block->column * column_width;
      block->rect.origin.y = (block->start - self->first_hour * 60) * PX_PER_MINUTE;
      block->rect.size.width = MAX (column_width - 2, 4);
      block->rect.size.height =
        MAX ((block_display_end (block) - block->start) * PX_PER_MINUTE - 2, 4);
    }
}

static void
configure_adjustments (VpAgendaGrid *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double page = MAX (height - HEADER_HEIGHT, 1);
  double upper = body_height (self);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment),
                                     0, MAX (upper - page, 0)),
                              0, MAX (upper, page),
                              HOUR_HEIGHT / 4.0,
                              page * 0.9,
                              page);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0,
                              gtk_widget_get_width (GTK_WIDGET (self)), 1, 1,
                              gtk_widget_get_width (GTK_WIDGET (self)));
}

static const Block *
get_focus_block (VpAgendaGrid *self)
{
  gpointer index;

  if (self->focus_uid == NULL ||
      !g_hash_table_lookup_extended (self->index_by_uid, self->focus_uid, NULL, &index))
    return NULL;

  return &g_array_index (self->blocks, Block,
                         g_array_index (self->sessions, SessionInfo,
                                        GPOINTER_TO_UINT (index) - 1).first_block);
}

static void
scroll_to_block (VpAgendaGrid *self,
                 const Block  *block)
{
  if (self->n_visible == 0)
    {
      self->scroll_to_focus = TRUE;
      return;
    }

  if (block->day < self->first_day)
    vp_agenda_grid_set_first_day (self, block->day);
  else if (block->day >= self->first_day + self->n_visible)
    vp_agenda_grid_set_first_day (self, block->day - self->n_visible + 1);

  if (self->vadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      double top = (block->start - self->first_hour * 60) * PX_PER_MINUTE;
      double bottom =
        top + MAX (block_display_end (block) - block->start, MIN_MINUTES) * PX_PER_MINUTE;

      if (bottom - top > page || top < value)
        gtk_adjustment_set_value (self->vadjustment, top - HOUR_HEIGHT / 4.0);
      else if (bottom > value + page)
        gtk_adjustment_set_value (self->vadjustment, bottom - page + HOUR_HEIGHT / 4.0);
    }

  self->scroll_to_focus = FALSE;
}

/* Building the blocks {{{1 */

static void
add_day (VpAgendaGrid *self,
         int           julian)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  g_ptr_array_add (self->days, g_strdup_printf ("%04d-%02d-%02d",
                                                g_date_get_year (&date),
                                                g_date_get_month (&date),
                                                g_date_get_day (&date)));
  date_time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 0, 0, 0);
  /* Translators: a day at the top of the agenda's column, “Tue 13 Apr”;
   * see g_date_time_format().  xgettext:no-c-format */
  g_ptr_array_add (self->day_titles,
                   vp_format_date_time (date_time, C_("agenda day", "%a %-d %b")));
}

static void
rebuild (VpAgendaGrid *self)
{
  VpProgramme *programme;
  GPtrArray *sessions;
  int first = G_MAXINT, last = G_MININT;
  int earliest = FIRST_HOUR * 60, latest = LAST_HOUR * 60;
  GDate date;

  g_array_set_size (self->blocks, 0);
  g_array_set_size (self->sessions, 0);
  g_hash_table_remove_all (self->index_by_uid);
  g_ptr_array_set_size (self->days, 0);
  g_ptr_array_set_size (self->day_titles, 0);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  if (self->snapshot == NULL)
    {
      self->first_julian = 0;
      self->first_hour = FIRST_HOUR;
      self->last_hour = LAST_HOUR;
      return;
    }

  programme = vp_snapshot_get_programme (self->snapshot);
  self->zone = vp_time_zone_new (vp_programme_get_timezone (programme), NULL);
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();

  if (vp_date_parse (vp_programme_get_start_date (programme), &date, NULL))
    first = last = (int) g_date_get_julian (&date);
  if (vp_date_parse (vp_programme_get_end_date (programme), &date, NULL))
    {
      last = MAX (last, (int) g_date_get_julian (&date));
      first = MIN (first, (int) g_date_get_julian (&date));
    }

  sessions = vp_snapshot_get_sessions (self->snapshot);
  g_array_set_size (self->sessions, sessions->len);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      SessionInfo *info = &g_array_index (self->sessions, SessionInfo, i);
      gint64 start_utc = vp_session_get_start_utc (session);
      gint64 end_utc = MAX (vp_session_get_end_utc (session), start_utc);
      int start_julian, end_julian, start_minute, end_minute;

      vp_local_time_from_instant (start_utc, self->zone, &info->start);
      vp_local_time_from_instant (end_utc, self->zone, &info->end);
      g_hash_table_insert (self->index_by_uid, (gpointer) vp_session_get_uid (session),
                           GUINT_TO_POINTER (i + 1));

      start_julian = local_time_julian (&info->start);
      end_julian = local_time_julian (&info->end);
      start_minute = info->start.hour * 60 + info->start.minute;
      end_minute = info->end.hour * 60 + info->end.minute;
      /* Ending at midnight ends the day before, at 24:00. */
      if (end_julian > start_julian && end_minute == 0)
        {
          end_julian--;
          end_minute = 24 * 60;
        }
      end_julian = MIN (end_julian, start_julian + MAX_SEGMENTS - 1);

      for (int julian = start_julian; julian <= end_julian; julian++)
        {
          Block block = { 0, };

          block.session = session;
          block.session_index = i;
          block.julian = julian;
          block.first = julian == start_julian;
          block.start = julian == start_julian ? start_minute : 0;
          block.end = julian == end_julian ? end_minute : 24 * 60;
          g_array_append_val (self->blocks, block);

          earliest = MIN (earliest, block.start);
          latest = MAX (latest, block_display_end (&block));
        }

      first = MIN (first, start_julian);
      last = MAX (last, end_julian);
    }

  if (first == G_MAXINT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      first = last = (int) g_date_get_julian (&date);
    }

  self->first_julian = first;
  for (int julian = first; julian <= last; julian++)
    add_day (self, julian);

  self->first_hour = earliest / 60;
  self->last_hour = MIN ((latest + 59) / 60, 24);

  g_array_sort (self->blocks, compare_blocks);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      block->day = (guint) (block->julian - first);
      if (block->first)
        g_array_index (self->sessions, SessionInfo, block->session_index).first_block = i;
    }

  pack_columns (self);
}

/* Problems {{{1 */

static void
index_problems (VpAgendaGrid *self)
{
  g_hash_table_remove_all (self->problems_by_uid);

  if (self->problems == NULL)
    return;

  for (guint i = 0; i < self->problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (self->problems, i);
      /* a problem of several sessions marks each of them */
      char *one[] = { problem->session, NULL };
      char **uids = problem->sessions != NULL ? problem->sessions : one;

      for (guint j = 0; uids[j] != NULL; j++)
        {
          GPtrArray *list = g_hash_table_lookup (self->problems_by_uid, uids[j]);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->problems_by_uid, uids[j], list);
            }
          g_ptr_array_add (list, problem);
        }
    }
}

/* The most serious problem of @session, or -1. */
static int
session_severity (VpAgendaGrid *self,
                  VpSession    *session)
{
  GPtrArray *list = g_hash_table_lookup (self->problems_by_uid, vp_session_get_uid (session));
  int severity = -1;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (list, i);

      if (severity < 0 || (int) problem->severity < severity)
        severity = problem->severity;
    }

  return severity;
}

/* Words {{{1 */

static const char *
status_text (VpSessionStatus status)
{
  switch (status)
    {
    case VP_SESSION_STATUS_TENTATIVE:
      return _("Tentative");
    case VP_SESSION_STATUS_CANCELLED:
      return _("Cancelled");
    case VP_SESSION_STATUS_CONFIRMED:
    default:
      return NULL;
    }
}

static const char *
host_name (VpAgendaGrid *self,
           VpSession    *session)
{
  VpHost *host;

  if (vp_session_get_host_ref (session) == NULL)
    return NULL;

  host = vp_snapshot_lookup_host (self->snapshot, vp_session_get_host_ref (session));
  return host != NULL ? vp_host_get_name (host) : NULL;
}

static const char *
session_title (VpSession *session)
{
  const char *title = vp_session_get_title (session);

  return title != NULL && *title != '\0' ? title : _("Untitled Session");
}

/* What a screen reader says about the focused session. */
static void
update_description (VpAgendaGrid *self)
{
  const Block *block = get_focus_block (self);
  g_autoptr(GString) text = NULL;
  g_autofree char *times = NULL;
  const SessionInfo *info;
  const char *word;

  if (block == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  info = &g_array_index (self->sessions, SessionInfo, block->session_index);
  times = vp_agenda_format_times (&info->start, &info->end);
  text = g_string_new (session_title (block->session));
  g_string_append_printf (text, ", %s, %s",
                          (const char *) g_ptr_array_index (self->day_titles, block->day), times);
  if ((word = host_name (self, block->session)) != NULL)
    g_string_append_printf (text, ", %s", word);
  if ((word = status_text (vp_session_get_status (block->session))) != NULL)
    g_string_append_printf (text, ", %s", word);
  if (g_hash_table_contains (self->problems_by_uid, vp_session_get_uid (block->session)))
    g_string_append_printf (text, ", %s", _("has problems"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
set_focus_uid (VpAgendaGrid *self,
               const char   *uid)
{
  if (g_strcmp0 (self->focus_uid, uid) == 0)
    return;

  g_free (self->focus_uid);
  self->focus_uid = g_strdup (uid);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_SESSION]);
}

/* Hit testing {{{1 */

static int
block_at (VpAgendaGrid *self,
          double        x,
          double        y)
{
  graphene_point_t point;

  if (y < HEADER_HEIGHT)
    return -1;

  point = GRAPHENE_POINT_INIT (x, y - HEADER_HEIGHT + scroll_offset (self));
  for (guint i = self->blocks->len; i > 0; i--)
    {
      const Block *block = &g_array_index (self->blocks, Block, i - 1);

      if (block->in_view && graphene_rect_contains_point (&block->rect, &point))
        return (int) i - 1;
    }

  return -1;
}

/* The day and minute (snapped down to 15) under a point of the body. */
static gboolean
slot_at (VpAgendaGrid *self,
         double        x,
         double        y,
         guint        *day,
         int          *minute)
{
  double body_y = y - HEADER_HEIGHT + scroll_offset (self);
  int column;

  if (x < RULER_WIDTH || y < HEADER_HEIGHT || body_y >= body_height (self) - BOTTOM_PADDING ||
      self->days->len == 0)
    return FALSE;

  column = (int) ((x - RULER_WIDTH) / self->day_width);
  if (column >= (int) self->n_visible)
    return FALSE;

  *day = self->first_day + column;
  *minute = self->first_hour * 60 + (int) (body_y / PX_PER_MINUTE);
  *minute -= *minute % SNAP_MINUTES;
  return TRUE;
}

/* Drawing {{{1 */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->node, gsk_render_node_unref);
}

/* Every block is drawn again in the next frame: its problems, its colours
 * or its fonts changed. */
static void
forget_drawn_blocks (VpAgendaGrid *self)
{
  for (guint i = 0; i < self->blocks->len; i++)
    block_clear (&g_array_index (self->blocks, Block, i));
}

static void
lookup_color (VpAgendaGrid *self,
              const char   *name,
              GdkRGBA      *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color) &&
      !gtk_style_context_lookup_color (context, "accent_bg_color", color))
    gdk_rgba_parse (color, "#3584e4");
}

static const char *
kind_color_name (VpSessionKind kind)
{
  switch (kind)
    {
    case VP_SESSION_KIND_VISIT:
      return "blue_3";
    case VP_SESSION_KIND_MEETING:
      return "purple_2";
    case VP_SESSION_KIND_B2B:
      return "green_4";
    case VP_SESSION_KIND_WORKSHOP:
      return "brown_1";
    case VP_SESSION_KIND_MEAL:
      return "orange_3";
    case VP_SESSION_KIND_TRANSFER:
      return "dark_1";
    case VP_SESSION_KIND_SOCIAL:
      return "yellow_5";
    case VP_SESSION_KIND_UNSET:
    case VP_SESSION_KIND_OTHER:
    default:
      return "accent_bg_color";
    }
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
rounded_rect_path (cairo_t               *cr,
                   const graphene_rect_t *rect,
                   double                 radius)
{
  double x = rect->origin.x, y = rect->origin.y;
  double w = rect->size.width, h = rect->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                double                 radius,
                double                 width,
                const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, radius);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_dashed_outline (GtkSnapshot           *snapshot,
                       const graphene_rect_t *rect,
                       double                 radius,
                       const GdkRGBA         *color)
{
  static const double dashes[] = { 4, 3 };
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, rect);
  graphene_rect_t inset;

  graphene_rect_inset_r (rect, 0.75, 0.75, &inset);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  rounded_rect_path (cr, &inset, radius);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static PangoLayout *
create_layout (VpAgendaGrid *self,
               const char   *text,
               gboolean      bold,
               gboolean      strikethrough,
               int           width,
               int           lines)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (bold ? 0.9 : 0.85));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (strikethrough)
    pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -MAX (lines, 1));
  return layout;
}

static int
line_height (VpAgendaGrid *self,
             gboolean      bold)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ág", bold, FALSE, 100, 1);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static GtkIconPaintable *
get_icon (VpAgendaGrid *self,
          int           severity)
{
  static const char * const names[] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic",
  };

  g_assert (severity >= 0 && severity < 3);
  if (self->icons[severity] == NULL)
    {
      GtkIconTheme *theme =
        gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

      self->icons[severity] =
        gtk_icon_theme_lookup_icon (theme, names[severity], NULL, ICON_SIZE,
                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                    GTK_TEXT_DIR_NONE, 0);
    }

  return self->icons[severity];
}

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA accent;
  GdkRGBA error;
  GdkRGBA warning;
  GdkRGBA line;
  GdkRGBA view;
  int     title_line;
  int     info_line;
} Palette;

static void
draw_block (VpAgendaGrid  *self,
            GtkSnapshot   *snapshot,
            const Block   *block,
            const Palette *palette)
{
  VpSession *session = block->session;
  VpSessionStatus status = vp_session_get_status (session);
  const SessionInfo *info = &g_array_index (self->sessions, SessionInfo, block->session_index);
  graphene_rect_t rect = block->rect;
  GskRoundedRect outline;
  GdkRGBA kind_color, fill;
  int severity = session_severity (self, session);
  double text_x, text_width, y;
  int lines;

  lookup_color (self, kind_color_name (vp_session_get_kind (session)), &kind_color);

  if (status == VP_SESSION_STATUS_CANCELLED)
    gtk_snapshot_push_opacity (snapshot, 0.55);

  gsk_rounded_rect_init_from_rect (&outline, &rect, BLOCK_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  /* An opaque base, so that the grid lines do not show through */
  gtk_snapshot_append_color (snapshot, &palette->view, &rect);
  fill = with_alpha (&kind_color, status == VP_SESSION_STATUS_CONFIRMED ? 0.25 : 0.1);
  gtk_snapshot_append_color (snapshot, &fill, &rect);

  if (status == VP_SESSION_STATUS_TENTATIVE)
    {
      /* Hatched: a tentative session is not settled yet */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &rect);
      GdkRGBA hatch = with_alpha (&kind_color, 0.18);

      gdk_cairo_set_source_rgba (cr, &hatch);
      cairo_set_line_width (cr, 3);
      for (double d = -rect.size.height; d < rect.size.width; d += 10)
        {
          cairo_move_to (cr, rect.origin.x + d, rect.origin.y + rect.size.height);
          cairo_line_to (cr, rect.origin.x + d + rect.size.height, rect.origin.y);
        }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
  else
    {
      gtk_snapshot_append_color (snapshot, &kind_color,
                                 &GRAPHENE_RECT_INIT (rect.origin.x, rect.origin.y,
                                                      STRIPE_WIDTH, rect.size.height));
    }

  /* The text */
  text_x = rect.origin.x + STRIPE_WIDTH + TEXT_PADDING;
  text_width = rect.size.width - STRIPE_WIDTH - 2 * TEXT_PADDING;
  if (severity >= 0)
    text_width -= ICON_SIZE + 2;
  lines = (int) ((rect.size.height - 2) / palette->info_line);
  y = rect.origin.y + 1;

  if (text_width > 8)
    {
      g_autofree char *times = vp_agenda_format_times (&info->start, &info->end);
      gboolean cancelled = status == VP_SESSION_STATUS_CANCELLED;

      if (lines <= 1 || rect.size.height < palette->title_line + palette->info_line + 2)
        {
          /* One line: the title, then the time, dimmed; when they do not
           * both fit, the start time first and the title cut, never the
           * time (the tooltip and the accessible label hold it all) */
          g_autofree char *escaped = g_markup_escape_text (session_title (session), -1);
          g_autofree char *markup = g_strdup_printf ("<span weight=\"bold\"%s>%s</span>  "
                                                     "<span alpha=\"70%%\">%s</span>",
                                                     cancelled ? " strikethrough=\"true\"" : "",
                                                     escaped, times);
          g_autoptr(PangoLayout) layout = create_layout (self, NULL, FALSE, FALSE, text_width, 1);

          /* The markup replaces the attributes: scale it again */
          pango_layout_set_markup (layout, markup, -1);
          pango_attr_list_insert_before (pango_layout_get_attributes (layout),
                                         pango_attr_scale_new (0.9));
          pango_layout_set_height (layout, -1);
          if (pango_layout_is_ellipsized (layout))
            {
              /* Translators: the start of a session, “08:30”, in a block too short for more */
              g_autofree char *start = g_strdup_printf (_("%02d:%02d"), info->start.hour,
                                                        info->start.minute);
              g_autofree char *filled = g_strdup_printf ("<span alpha=\"70%%\">%s</span>  "
                                                         "<span weight=\"bold\"%s>%s</span>",
                                                         start,
                                                         cancelled ? " strikethrough=\"true\""
                                                                   : "",
                                                         escaped);

              pango_layout_set_markup (layout, filled, -1);
              pango_attr_list_insert_before (pango_layout_get_attributes (layout),
                                             pango_attr_scale_new (0.9));
            }
          append_text (snapshot, layout, text_x, y, &palette->fg);
        }
      else
        {
          const char *host = host_name (self, session);
          const char *status_word = status_text (status);
          int info_lines = host != NULL ? 2 : 1;
          int title_lines;
          g_autoptr(PangoLayout) title = NULL;
          g_autoptr(PangoLayout) time_layout = NULL;
          g_autofree char *time_text = NULL;
          int title_height;

          info_lines = MIN (info_lines, lines - 1);
          title_lines = MAX (1, (int) ((rect.size.height - 4 - info_lines * palette->info_line) /
                                       palette->title_line));
          title =
            create_layout (self, session_title (session), TRUE, cancelled, text_width, title_lines);
          append_text (snapshot, title, text_x, y + 1, &palette->fg);
          pango_layout_get_pixel_size (title, NULL, &title_height);
          y += 1 + title_height;

          /* Translators: a session's time and its status, “09:15–10:45 · Tentative” */
          time_text = status_word != NULL ? g_strdup_printf (_("%s · %s"), times, status_word)
                                          : g_strdup (times);
          time_layout = create_layout (self, time_text, FALSE, FALSE, text_width, 1);
          append_text (snapshot, time_layout, text_x, y, &palette->dim);
          y += palette->info_line;

          if (host != NULL && info_lines > 1 &&
              y + palette->info_line <= rect.origin.y + rect.size.height)
            {
              g_autoptr(PangoLayout) host_layout = create_layout (self, host, FALSE, FALSE,
                                                                  text_width, 1);

              append_text (snapshot, host_layout, text_x, y, &palette->dim);
            }
        }
    }

  if (severity >= 0)
    {
      GtkIconPaintable *icon = get_icon (self, severity);
      const GdkRGBA *color = severity == VP_SEVERITY_ERROR ? &palette->error :
                             severity == VP_SEVERITY_WARNING ? &palette->warning : &palette->dim;

      if (icon != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (rect.origin.x + rect.size.width
                                                        - ICON_SIZE - 3,
                                                        rect.origin.y + 3));
          gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                    ICON_SIZE, ICON_SIZE, color, 1);
          gtk_snapshot_restore (snapshot);
        }
    }

  gtk_snapshot_pop (snapshot);

  /* Borders, over the clip */
  if (status == VP_SESSION_STATUS_TENTATIVE)
    append_dashed_outline (snapshot, &rect, BLOCK_RADIUS, &kind_color);

  if (severity == VP_SEVERITY_ERROR || severity == VP_SEVERITY_WARNING)
    append_outline (snapshot, &rect, BLOCK_RADIUS, 1.5,
                    severity == VP_SEVERITY_ERROR ? &palette->error : &palette->warning);

  if (status == VP_SESSION_STATUS_CANCELLED)
    gtk_snapshot_pop (snapshot);
}

static void
draw_ruler_and_lines (VpAgendaGrid  *self,
                      GtkSnapshot   *snapshot,
                      const Palette *palette,
                      double         top,
                      double         bottom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA half = with_alpha (&palette->line, 0.5);

  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      double y = (hour - self->first_hour) * HOUR_HEIGHT;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int label_width;

      if (y + HOUR_HEIGHT < top || y - HOUR_HEIGHT > bottom)
        continue;

      gtk_snapshot_append_color (snapshot, &palette->line,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH - 6, y,
                                                      width - RULER_WIDTH + 6, 1));
      if (hour < self->last_hour)
        gtk_snapshot_append_color (snapshot, &half,
                                   &GRAPHENE_RECT_INIT (RULER_WIDTH, y + HOUR_HEIGHT / 2,
                                                        width - RULER_WIDTH, 1));

      if (hour == 24)
        continue;
      /* Translators: an hour on the agenda's ruler, “09:00” */
      label = g_strdup_printf (_("%02d:00"), hour);
      layout = create_layout (self, label, FALSE, FALSE, RULER_WIDTH, 1);
      pango_layout_get_pixel_size (layout, &label_width, NULL);
      append_text (snapshot, layout, RULER_WIDTH - 10 - label_width, y + 2, &palette->dim);
    }

  for (guint day = 0; day <= self->n_visible; day++)
    gtk_snapshot_append_color (snapshot, &palette->line,
                               &GRAPHENE_RECT_INIT (RULER_WIDTH + day * self->day_width, top,
                                                    1, bottom - top));
}

static void
draw_header (VpAgendaGrid  *self,
             GtkSnapshot   *snapshot,
             const Palette *palette)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  gtk_snapshot_append_color (snapshot, &palette->view,
                             &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));
  gtk_snapshot_append_color (snapshot, &palette->line,
                             &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));

  for (guint i = 0; i < self->n_visible && self->first_day + i < self->days->len; i++)
    {
      const char *title = g_ptr_array_index (self->day_titles, self->first_day + i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), title);
      PangoAttrList *attrs = pango_attr_list_new ();
      int text_width, text_height;

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_width (layout, (self->day_width - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      append_text (snapshot, layout,
                   RULER_WIDTH + i * self->day_width + (self->day_width - text_width) / 2.0,
                   (HEADER_HEIGHT - text_height) / 2.0, &palette->fg);
      gtk_snapshot_append_color (snapshot, &palette->line,
                                 &GRAPHENE_RECT_INIT (RULER_WIDTH + i * self->day_width,
                                                      HEADER_HEIGHT - 10, 1, 10));
    }
}

static void
vp_agenda_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double offset = scroll_offset (self);
  double top = offset, bottom = offset + height - HEADER_HEIGHT;
  const Block *focus;
  Palette palette;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &palette.fg);
  palette.dim = with_alpha (&palette.fg, 0.7);
  palette.line = with_alpha (&palette.fg, 0.12);
  lookup_color (self, "accent_color", &palette.accent);
  lookup_color (self, "error_color", &palette.error);
  lookup_color (self, "warning_color", &palette.warning);
  lookup_color (self, "view_bg_color", &palette.view);
  palette.title_line = line_height (self, TRUE);
  palette.info_line = line_height (self, FALSE);

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width, height - HEADER_HEIGHT));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, HEADER_HEIGHT - offset));

  draw_ruler_and_lines (self, snapshot, &palette, top, bottom);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (!block->in_view ||
          block->rect.origin.y > bottom ||
          block->rect.origin.y + block->rect.size.height < top)
        continue;

      if (block->node == NULL || !graphene_rect_equal (&block->drawn_rect, &block->rect))
        {
          GtkSnapshot *block_snapshot = gtk_snapshot_new ();

          draw_block (self, block_snapshot, block, &palette);
          g_clear_pointer (&block->node, gsk_render_node_unref);
          block->node = gtk_snapshot_free_to_node (block_snapshot);
          block->drawn_rect = block->rect;
        }
      if (block->node != NULL)
        gtk_snapshot_append_node (snapshot, block->node);
    }

  focus = get_focus_block (self);
  if (focus != NULL && focus->in_view && gtk_widget_has_focus (widget))
    {
      graphene_rect_t ring;

      /* Every segment of the focused session */
      for (guint i = 0; i < self->blocks->len; i++)
        {
          const Block *block = &g_array_index (self->blocks, Block, i);

          if (block->session != focus->session || !block->in_view)
            continue;
          graphene_rect_inset_r (&block->rect, -2, -2, &ring);
          append_outline (snapshot, &ring, BLOCK_RADIUS + 2, 2, &palette.accent);
        }
    }

  if (self->dragging && self->drag_block >= 0)
    {
      const Block *block = &g_array_index (self->blocks, Block, self->drag_block);
      int day = (int) block->day + self->drag_days;
      graphene_rect_t ghost = block->rect;
      GdkRGBA fill = with_alpha (&palette.accent, 0.2);
      GskRoundedRect outline;

      ghost.origin.x += (day - (int) block->day) * self->day_width;
      ghost.origin.y += self->drag_minutes * PX_PER_MINUTE;
      gsk_rounded_rect_init_from_rect (&outline, &ghost, BLOCK_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &ghost);
      gtk_snapshot_pop (snapshot);
      append_outline (snapshot, &ghost, BLOCK_RADIUS, 2, &palette.accent);
    }

  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  draw_header (self, snapshot, &palette);
}

static void
vp_agenda_grid_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (vp_agenda_grid_parent_class)->css_changed (widget, change);

  forget_drawn_blocks (VP_AGENDA_GRID (widget));
  gtk_widget_queue_draw (widget);
}

static void
vp_agenda_grid_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (vp_agenda_grid_parent_class)->system_setting_changed (widget, setting);

  forget_drawn_blocks (VP_AGENDA_GRID (widget));
  gtk_widget_queue_draw (widget);
}

static void
scale_factor_changed_cb (VpAgendaGrid *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->icons); i++)
    g_clear_object (&self->icons[i]);
  forget_drawn_blocks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Sizes {{{1 */

static void
vp_agenda_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = RULER_WIDTH + MIN_DAY_WIDTH;
      *natural = RULER_WIDTH + MIN_DAY_WIDTH * MIN (MAX (self->days->len, 1), MAX_VISIBLE);
    }
  else
    {
      *minimum = HEADER_HEIGHT + 2 * HOUR_HEIGHT;
      *natural = HEADER_HEIGHT + (int) body_height (self);
    }
}

static void
vp_agenda_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);

  layout_blocks (self);
  configure_adjustments (self);

  if (self->scroll_to_focus)
    {
      const Block *block = get_focus_block (self);

      self->scroll_to_focus = FALSE;
      if (block != NULL)
        scroll_to_block (self, block);
    }
}

/* Tooltips {{{1 */

static gboolean
vp_agenda_grid_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  const Block *block;
  const SessionInfo *info;
  g_autoptr(GString) markup = NULL;
  g_autofree char *title = NULL;
  g_autofree char *times = NULL;
  GPtrArray *problems;
  const char *text;

  if (keyboard_mode)
    block = get_focus_block (self);
  else
    {
      int index = block_at (self, x, y);

      block = index >= 0 ? &g_array_index (self->blocks, Block, index) : NULL;
    }

  if (block == NULL || !block->in_view)
    return FALSE;

  info = &g_array_index (self->sessions, SessionInfo, block->session_index);
  times = vp_agenda_format_times (&info->start, &info->end);
  title = g_markup_escape_text (session_title (block->session), -1);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>\n%s, %s", title,
                          (const char *) g_ptr_array_index (self->day_titles, block->day), times);

  if ((text = host_name (self, block->session)) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  if ((text = vp_session_get_location (block->session)) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  if ((text = status_text (vp_session_get_status (block->session))) != NULL)
    g_string_append_printf (markup, "\n<i>%s</i>", text);

  problems = g_hash_table_lookup (self->problems_by_uid, vp_session_get_uid (block->session));
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *escaped = g_markup_escape_text (problem->message, -1);

      g_string_append_printf (markup, "\n• %s", escaped);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              (int) block->rect.origin.x,
                              (int) (block->rect.origin.y + HEADER_HEIGHT - scroll_offset (self)),
                              (int) block->rect.size.width,
                              (int) block->rect.size.height,
                            });
  return TRUE;
}

/* Pointer {{{1 */

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  VpAgendaGrid    *self)
{
  int index = block_at (self, x, y);
  guint day;
  int minute;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (index >= 0)
    {
      const Block *block = &g_array_index (self->blocks, Block, index);
      const char *uid = vp_session_get_uid (block->session);

      set_focus_uid (self, uid);
      if (n_press == 2)
        {
          g_autofree char *owned = g_strdup (uid);

          g_signal_emit (self, signals[SESSION_ACTIVATED], 0, owned);
        }
    }
  else if (n_press == 2 && slot_at (self, x, y, &day, &minute))
    {
      g_signal_emit (self, signals[CREATE_SESSION], 0,
                     (const char *) g_ptr_array_index (self->days, day), minute);
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               VpAgendaGrid   *self)
{
  self->drag_block = block_at (self, x, y);
  self->dragging = FALSE;
  self->drag_days = 0;
  self->drag_minutes = 0;
  self->drag_x = x;
  self->drag_y = y;

  if (self->drag_block < 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                VpAgendaGrid   *self)
{
  const Block *block;
  int column, days, minutes;

  if (self->drag_block < 0)
    return;

  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  block = &g_array_index (self->blocks, Block, self->drag_block);
  column = (int) floor ((self->drag_x + offset_x - RULER_WIDTH) / self->day_width);
  column = CLAMP (column, 0, (int) self->n_visible - 1);
  days = (int) self->first_day + column - (int) block->day;
  minutes = (int) round (offset_y / PX_PER_MINUTE / SNAP_MINUTES) * SNAP_MINUTES;
  /* Keep the block on its day's hours */
  minutes = CLAMP (minutes, -block->start, 24 * 60 - SNAP_MINUTES - block->start);

  if (days != self->drag_days || minutes != self->drag_minutes)
    {
      self->drag_days = days;
      self->drag_minutes = minutes;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             VpAgendaGrid   *self)
{
  const Block *block;
  const Block *first;
  const SessionInfo *info;
  g_autofree char *uid = NULL;
  g_autofree char *start = NULL;

  if (!self->dragging || self->drag_block < 0)
    {
      self->drag_block = -1;
      return;
    }

  self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  block = &g_array_index (self->blocks, Block, self->drag_block);
  self->drag_block = -1;
  if (self->drag_days == 0 && self->drag_minutes == 0)
    return;

  /* A segment after midnight moves its whole session */
  info = &g_array_index (self->sessions, SessionInfo, block->session_index);
  first = &g_array_index (self->blocks, Block, info->first_block);
  uid = g_strdup (vp_session_get_uid (block->session));
  start = format_day_minute (self, (int) first->day + self->drag_days,
                             first->start + self->drag_minutes);
  set_focus_uid (self, uid);
  if (start != NULL)
    g_signal_emit (self, signals[MOVE_SESSION], 0, uid, start);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                VpAgendaGrid     *self)
{
  if (self->dragging)
    {
      self->dragging = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  self->drag_block = -1;
}

/* Keyboard {{{1 */

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                VpAgendaGrid            *self)
{
  if (get_focus_block (self) == NULL)
    {
      /* The first session of the days in view */
      for (guint i = 0; i < self->blocks->len; i++)
        {
          const Block *block = &g_array_index (self->blocks, Block, i);

          if (block->in_view)
            {
              set_focus_uid (self, vp_session_get_uid (block->session));
              break;
            }
        }
    }

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                VpAgendaGrid            *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  const Block *block = get_focus_block (self);
  int step = g_variant_get_int32 (parameter);
  int index;
  VpSession *session;

  if (self->sessions->len == 0)
    return;

  if (block == NULL)
    index = step > 0 ? 0 : (int) self->sessions->len - 1;
  else
    index = CLAMP ((int) block->session_index + step, 0, (int) self->sessions->len - 1);

  session = g_ptr_array_index (vp_snapshot_get_sessions (self->snapshot), index);
  vp_agenda_grid_focus_session (self, vp_session_get_uid (session));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  g_autofree char *uid = NULL;

  if (get_focus_block (self) == NULL)
    return;

  uid = g_strdup (self->focus_uid);
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0, uid);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  g_autofree char *uid = NULL;

  if (get_focus_block (self) == NULL)
    return;

  uid = g_strdup (self->focus_uid);
  g_signal_emit (self, signals[DELETE_SESSION], 0, uid);
}

/* (minutes, days): moves the focused session by that much. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  const Block *block = get_focus_block (self);
  g_autofree char *uid = NULL;
  g_autofree char *start = NULL;
  int minutes, days;

  if (block == NULL)
    return;

  g_variant_get (parameter, "(ii)", &minutes, &days);
  uid = g_strdup (self->focus_uid);
  start = format_day_minute (self, (int) block->day + days, block->start + minutes);
  if (start == NULL)
    return;

  self->scroll_to_focus = TRUE;
  g_signal_emit (self, signals[MOVE_SESSION], 0, uid, start);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  const Block *block = get_focus_block (self);
  guint day = self->first_day;
  int minute = 9 * 60;

  if (self->days->len == 0)
    return;

  /* Right after the focused session */
  if (block != NULL)
    {
      const SessionInfo *info = &g_array_index (self->sessions, SessionInfo, block->session_index);
      const Block *last = block;

      for (guint i = info->first_block; i < self->blocks->len; i++)
        if (g_array_index (self->blocks, Block, i).session == block->session)
          last = &g_array_index (self->blocks, Block, i);

      day = last->day;
      minute = MIN (last->end, 23 * 60);
      minute += (SNAP_MINUTES - minute % SNAP_MINUTES) % SNAP_MINUTES;
    }

  g_signal_emit (self, signals[CREATE_SESSION], 0,
                 (const char *) g_ptr_array_index (self->days, day), minute);
}

/* ±1: the days before or after those in view. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (widget);
  int step = g_variant_get_int32 (parameter) * (int) MAX (self->n_visible, 1);

  vp_agenda_grid_set_first_day (self, (guint) MAX ((int) self->first_day + step, 0));
}

/* Scrollable {{{1 */

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             VpAgendaGrid  *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (VpAgendaGrid   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

/* GObject {{{1 */

static void
vp_agenda_grid_dispose (GObject *object)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  for (guint i = 0; i < G_N_ELEMENTS (self->icons); i++)
    g_clear_object (&self->icons[i]);
  g_array_set_size (self->blocks, 0);
  g_hash_table_remove_all (self->index_by_uid);
  g_hash_table_remove_all (self->problems_by_uid);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_agenda_grid_parent_class)->dispose (object);
}

static void
vp_agenda_grid_finalize (GObject *object)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (object);

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->index_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->problems_by_uid, g_hash_table_unref);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->day_titles, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->focus_uid, g_free);

  G_OBJECT_CLASS (vp_agenda_grid_parent_class)->finalize (object);
}

static void
vp_agenda_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (object);

  switch (prop_id)
    {
    case PROP_FIRST_DAY:
      g_value_set_uint (value, self->first_day);
      break;
    case PROP_N_VISIBLE_DAYS:
      g_value_set_uint (value, self->n_visible);
      break;
    case PROP_N_DAYS:
      g_value_set_uint (value, self->days->len);
      break;
    case PROP_FOCUS_SESSION:
      g_value_set_string (value, self->focus_uid);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_agenda_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpAgendaGrid *self = VP_AGENDA_GRID (object);

  switch (prop_id)
    {
    case PROP_FIRST_DAY:
      vp_agenda_grid_set_first_day (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_agenda_grid_class_init (VpAgendaGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_agenda_grid_dispose;
  object_class->finalize = vp_agenda_grid_finalize;
  object_class->get_property = vp_agenda_grid_get_property;
  object_class->set_property = vp_agenda_grid_set_property;

  widget_class->measure = vp_agenda_grid_measure;
  widget_class->size_allocate = vp_agenda_grid_size_allocate;
  widget_class->snapshot = vp_agenda_grid_snapshot;
  widget_class->css_changed = vp_agenda_grid_css_changed;
  widget_class->system_setting_changed = vp_agenda_grid_system_setting_changed;
  widget_class->query_tooltip = vp_agenda_grid_query_tooltip;

  properties[PROP_FIRST_DAY] =
    g_param_spec_uint ("first-day", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_VISIBLE_DAYS] =
    g_param_spec_uint ("n-visible-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DAYS] =
    g_param_spec_uint ("n-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOCUS_SESSION] =
    g_param_spec_string ("focus-session", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, PROP_HADJUSTMENT, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE_SESSION] =
    g_signal_new ("delete-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[MOVE_SESSION] =
    g_signal_new ("move-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[CREATE_SESSION] =
    g_signal_new ("create-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "agenda-grid.focus-move", "i", focus_move_action);
  gtk_widget_class_install_action (widget_class, "agenda-grid.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "agenda-grid.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "agenda-grid.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "agenda-grid.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "agenda-grid.page", "i", page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "agenda-grid.focus-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "agenda-grid.focus-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "agenda-grid.focus-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "agenda-grid.focus-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "agenda-grid.focus-move", "i", G_MININT32 / 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0,
                                       "agenda-grid.focus-move", "i", G_MAXINT32 / 2);

  /* the last binding of an action is the one GTK shows beside it (in a
   * menu): Return and Delete, not “KP Enter” and “KP Delete” */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "agenda-grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "agenda-grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "agenda-grid.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "agenda-grid.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "agenda-grid.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "agenda-grid.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "agenda-grid.page", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "agenda-grid.page", "i", 1);

  {
    static const GdkModifierType modifiers[] = { GDK_CONTROL_MASK, GDK_ALT_MASK };

    for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
      {
        gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, modifiers[i],
                                             "agenda-grid.move", "(ii)", -SNAP_MINUTES, 0);
        gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, modifiers[i],
                                             "agenda-grid.move", "(ii)", SNAP_MINUTES, 0);
        gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, modifiers[i],
                                             "agenda-grid.move", "(ii)", 0, -1);
        gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, modifiers[i],
                                             "agenda-grid.move", "(ii)", 0, 1);
      }
  }

  gtk_widget_class_set_css_name (widget_class, "agendagrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
vp_agenda_grid_init (VpAgendaGrid *self)
{
  GtkGesture *click;
  GtkGesture *drag;
  GtkEventController *focus;

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->sessions = g_array_new (FALSE, TRUE, sizeof (SessionInfo));
  self->index_by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems_by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->days = g_ptr_array_new_with_free_func (g_free);
  self->day_titles = g_ptr_array_new_with_free_func (g_free);
  self->first_hour = FIRST_HOUR;
  self->last_hour = LAST_HOUR;
  self->drag_block = -1;
  /* The scrolled window compares the natural height with its own to tell
   * whether the hours need scrolling. */
  self->vscroll_policy = GTK_SCROLL_NATURAL;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"),
                                  -1);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* Public {{{1 */

GtkWidget *
vp_agenda_grid_new (void)
{
  return g_object_new (VP_TYPE_AGENDA_GRID, NULL);
}

void
vp_agenda_grid_set_snapshot (VpAgendaGrid *self,
                             VpSnapshot   *snapshot)
{
  guint n_days;

  g_return_if_fail (VP_IS_AGENDA_GRID (self));
  g_return_if_fail (snapshot == NULL || VP_IS_SNAPSHOT (snapshot));

  n_days = self->days->len;
  /* A drag under way points into the blocks about to go */
  if (self->dragging)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
  self->drag_block = -1;
  /* The blocks borrow the old snapshot's sessions: drop them first. */
  g_array_set_size (self->blocks, 0);
  g_hash_table_remove_all (self->index_by_uid);
  g_set_object (&self->snapshot, snapshot);
  rebuild (self);

  if (n_days != self->days->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DAYS]);

  if (self->focus_uid != NULL && get_focus_block (self) == NULL)
    set_focus_uid (self, NULL);
  else
    update_description (self);

  layout_blocks (self);
  configure_adjustments (self);
  if (self->scroll_to_focus && get_focus_block (self) != NULL)
    scroll_to_block (self, get_focus_block (self));

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
local_time_equal (const VpLocalTime *a,
                  const VpLocalTime *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->hour == b->hour && a->minute == b->minute;
}

gboolean
vp_agenda_grid_session_changed (VpAgendaGrid *self,
                                VpSession    *session)
{
  guint index;
  SessionInfo *info;
  VpLocalTime start, end;
  gint64 start_utc;

  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), FALSE);
  g_return_val_if_fail (VP_IS_SESSION (session), FALSE);

  if (self->snapshot == NULL || self->zone == NULL)
    return FALSE;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index_by_uid,
                                                 vp_session_get_uid (session)));
  if (index == 0 ||
      g_ptr_array_index (vp_snapshot_get_sessions (self->snapshot), index - 1) != session)
    return FALSE;

  info = &g_array_index (self->sessions, SessionInfo, index - 1);
  start_utc = vp_session_get_start_utc (session);
  vp_local_time_from_instant (start_utc, self->zone, &start);
  vp_local_time_from_instant (MAX (vp_session_get_end_utc (session), start_utc), self->zone, &end);
  if (!local_time_equal (&start, &info->start) || !local_time_equal (&end, &info->end))
    return FALSE;

  /* Its blocks, and only they, are drawn again. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->session_index == index - 1)
        block_clear (block);
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

VpSnapshot *
vp_agenda_grid_get_snapshot (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), NULL);

  return self->snapshot;
}

void
vp_agenda_grid_set_problems (VpAgendaGrid *self,
                             GPtrArray    *problems)
{
  g_return_if_fail (VP_IS_AGENDA_GRID (self));

  if (self->problems == problems)
    return;

  /* The index borrows the problems' uids: clear it before dropping them. */
  g_hash_table_remove_all (self->problems_by_uid);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems != NULL)
    self->problems = g_ptr_array_ref (problems);
  index_problems (self);
  forget_drawn_blocks (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vp_agenda_grid_get_n_days (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), 0);

  return self->days->len;
}

const char *
vp_agenda_grid_get_day (VpAgendaGrid *self,
                        guint         day)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), NULL);
  g_return_val_if_fail (day < self->days->len, NULL);

  return g_ptr_array_index (self->days, day);
}

guint
vp_agenda_grid_get_first_day (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), 0);

  return self->first_day;
}

void
vp_agenda_grid_set_first_day (VpAgendaGrid *self,
                              guint         first_day)
{
  g_return_if_fail (VP_IS_AGENDA_GRID (self));

  if (self->days->len > 0)
    first_day = MIN (first_day, self->days->len - 1);
  if (self->n_visible > 0 && first_day + self->n_visible > self->days->len)
    first_day = self->days->len > self->n_visible ? self->days->len - self->n_visible : 0;

  if (self->first_day == first_day)
    return;

  self->first_day = first_day;
  layout_blocks (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DAY]);
}

guint
vp_agenda_grid_get_n_visible_days (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), 0);

  return self->n_visible;
}

const char *
vp_agenda_grid_get_focus_session (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), NULL);

  return self->focus_uid;
}

gboolean
vp_agenda_grid_focus_session (VpAgendaGrid *self,
                              const char   *uid)
{
  const Block *block;

  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  if (!g_hash_table_contains (self->index_by_uid, uid))
    return FALSE;

  set_focus_uid (self, uid);
  block = get_focus_block (self);
  scroll_to_block (self, block);
  return TRUE;
}

guint
vp_agenda_grid_get_n_blocks (VpAgendaGrid *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), 0);

  return self->blocks->len;
}

gboolean
vp_agenda_grid_get_block_rect (VpAgendaGrid    *self,
                               const char      *uid,
                               graphene_rect_t *rect)
{
  gpointer index;
  const Block *block;

  g_return_val_if_fail (VP_IS_AGENDA_GRID (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  if (!g_hash_table_lookup_extended (self->index_by_uid, uid, NULL, &index))
    return FALSE;

  block = &g_array_index (self->blocks, Block,
                          g_array_index (self->sessions, SessionInfo,
                                         GPOINTER_TO_UINT (index) - 1).first_block);
  if (!block->in_view)
    return FALSE;

  if (rect != NULL)
    {
      *rect = block->rect;
      rect->origin.y += HEADER_HEIGHT - scroll_offset (self);
    }
  return TRUE;
}

/* vp-agenda-page.c: a programme's sessions, as a time grid (wide) or a list (narrow). */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-agenda-grid.h"
#include "vp-agenda-item.h"
#include "vp-agenda-page.h"
#include "vp-checks.h"
#include "vp-format.h"
#include "vp-session-editor.h"
#include "vp-time.h"
#include "vp-undo.h"

struct _VpAgendaPage
{
  AdwBin           parent_instance;

  VpProgrammeContext *context;
  VpStore         *store;             /* the context's */
  /* The store's live objects (vp_store_dup_live_snapshot()): an edit shows
   * without reading the programme again */
  VpSnapshot      *snapshot;
  /* The live models it was made of, watched */
  GListModel      *models[VP_N_ENTITIES];
  GListStore      *items;
  gulong           changed_id;
  gulong           rows_changed_id;
  gboolean         stale;        /* made again once the write is over */
  GHashTable      *problems_by_uid;  /* made when first needed */
  guint            header_idle_id;
  gboolean         force_list;
  VpSessionEditor *editor;

  /* Template widgets */
  GtkWidget       *paging_box;
  GtkLabel        *range_label;
  AdwSqueezer     *squeezer;
  GtkWidget       *grid_page;
  GtkStack        *list_page;
  GtkScrolledWindow *list_scroller;
  VpAgendaGrid    *grid;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (VpAgendaPage, vp_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LIST_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void close_editor (VpAgendaPage *self);

#define SNAP_MINUTES 15

/* Helpers {{{1 */

static gint64
get_programme_id (VpAgendaPage *self)
{
  return vp_programme_context_get_programme_id (self->context);
}

static void
show_toast (VpAgendaPage *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static GTimeZone *
programme_zone (VpAgendaPage *self)
{
  GTimeZone *zone = NULL;

  if (self->snapshot != NULL)
    zone = vp_time_zone_new (vp_programme_get_timezone (vp_snapshot_get_programme (self->snapshot)),
                             NULL);
  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static const char *
session_title (VpSession *session)
{
  const char *title = vp_session_get_title (session);

  return title != NULL && *title != '\0' ? title : _("Untitled Session");
}

/* Header {{{1 */

static void
update_actions (VpAgendaPage *self)
{
  guint first = vp_agenda_grid_get_first_day (self->grid);
  guint n_visible = vp_agenda_grid_get_n_visible_days (self->grid);
  guint n_days = vp_agenda_grid_get_n_days (self->grid);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.previous-days", first > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.next-days", first + n_visible < n_days);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-session", self->snapshot != NULL);
}

static void
update_header (VpAgendaPage *self)
{
  gboolean list_mode = vp_agenda_page_get_list_mode (self);
  guint first = vp_agenda_grid_get_first_day (self->grid);
  guint n_visible = vp_agenda_grid_get_n_visible_days (self->grid);
  guint n_days = vp_agenda_grid_get_n_days (self->grid);
  g_autofree char *range = NULL;

  if (n_days > 0 && n_visible > 0 && !list_mode)
    range = vp_format_date_range (vp_agenda_grid_get_day (self->grid, first),
                                  vp_agenda_grid_get_day (self->grid,
                                                          MIN (first + n_visible, n_days) - 1));
  else if (n_days > 0)
    range = vp_format_date_range (vp_agenda_grid_get_day (self->grid, 0),
                                  vp_agenda_grid_get_day (self->grid, n_days - 1));

  gtk_label_set_label (self->range_label, range != NULL ? range : "");
  gtk_widget_set_visible (self->paging_box, !list_mode && n_days > n_visible);
  update_actions (self);
}

static gboolean
update_header_idle_cb (gpointer user_data)
{
  VpAgendaPage *self = user_data;

  self->header_idle_id = 0;
  update_header (self);
  return G_SOURCE_REMOVE;
}

/* The grid tells how many days fit while it is being allocated: the header
 * follows after that, not in the middle of it. */
static void
grid_days_changed_cb (VpAgendaPage *self)
{
  if (self->header_idle_id == 0)
    self->header_idle_id = g_idle_add (update_header_idle_cb, self);
}

static void
squeezer_visible_child_cb (VpAgendaPage *self)
{
  grid_days_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_MODE]);
}

/* The list {{{1 */

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VpAgendaPage             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *times = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_add_css_class (box, "agenda-row");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_name (heading, "heading");

  gtk_label_set_xalign (GTK_LABEL (times), 0);
  gtk_label_set_yalign (GTK_LABEL (times), 0);
  gtk_widget_add_css_class (times, "numeric");
  gtk_widget_add_css_class (times, "agenda-times");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), times);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

/* Shows the row's item: when it is bound, and when it changes in place. */
static void
show_list_item (GtkListItem *item)
{
  VpAgendaItem *agenda_item = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *times = gtk_widget_get_next_sibling (heading);
  GtkWidget *text = gtk_widget_get_next_sibling (times);
  GtkWidget *icon = gtk_widget_get_next_sibling (text);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean is_heading = vp_agenda_item_is_heading (agenda_item);
  VpSessionStatus status = vp_agenda_item_get_status (agenda_item);
  int severity = vp_agenda_item_get_severity (agenda_item);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) accessible = g_string_new (NULL);

  gtk_list_item_set_activatable (item, !is_heading);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_widget_set_visible (heading, is_heading);
  gtk_widget_set_visible (times, !is_heading);
  gtk_widget_set_visible (text, !is_heading);
  gtk_widget_set_visible (icon, !is_heading && severity >= 0);

  if (is_heading)
    {
      gtk_widget_add_css_class (box, "day-heading");
      gtk_label_set_label (GTK_LABEL (heading), vp_agenda_item_get_title (agenda_item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vp_agenda_item_get_title (agenda_item),
                                      -1);
      return;
    }

  gtk_widget_remove_css_class (box, "day-heading");
  gtk_label_set_label (GTK_LABEL (times), vp_agenda_item_get_times (agenda_item));
  gtk_label_set_label (GTK_LABEL (title), vp_agenda_item_get_title (agenda_item));

  if (vp_agenda_item_get_host (agenda_item) != NULL)
    g_string_append (details, vp_agenda_item_get_host (agenda_item));
  if (status == VP_SESSION_STATUS_TENTATIVE || status == VP_SESSION_STATUS_CANCELLED)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details,
                       status == VP_SESSION_STATUS_TENTATIVE ? _("Tentative") : _("Cancelled"));
    }
  gtk_label_set_label (GTK_LABEL (subtitle), details->str);
  gtk_widget_set_visible (subtitle, details->len > 0);

  if (status == VP_SESSION_STATUS_CANCELLED)
    gtk_widget_add_css_class (box, "cancelled");
  else
    gtk_widget_remove_css_class (box, "cancelled");
  if (status == VP_SESSION_STATUS_TENTATIVE)
    gtk_widget_add_css_class (box, "tentative");
  else
    gtk_widget_remove_css_class (box, "tentative");

  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  if (severity >= 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                    severity == VP_SEVERITY_ERROR ? "dialog-error-symbolic" :
                                    severity == VP_SEVERITY_WARNING ? "dialog-warning-symbolic" :
                                    "dialog-information-symbolic");
      if (severity == VP_SEVERITY_ERROR)
        gtk_widget_add_css_class (icon, "error");
      else if (severity == VP_SEVERITY_WARNING)
        gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, vp_agenda_item_get_problems (agenda_item));
    }
  gtk_widget_set_tooltip_text (box, vp_agenda_item_get_problems (agenda_item));

  g_string_append_printf (accessible, "%s, %s", vp_agenda_item_get_times (agenda_item),
                          vp_agenda_item_get_title (agenda_item));
  if (details->len > 0)
    g_string_append_printf (accessible, ", %s", details->str);
  if (vp_agenda_item_get_problems (agenda_item) != NULL)
    g_string_append_printf (accessible, ", %s", vp_agenda_item_get_problems (agenda_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VpAgendaPage             *self)
{
  show_list_item (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "changed",
                           G_CALLBACK (show_list_item), item, G_CONNECT_SWAPPED);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                VpAgendaPage             *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), show_list_item, item);
}

/* The checks' problems by session uid: GPtrArrays of VpProblem. */
static GHashTable *
index_problems (VpAgendaPage *self)
{
  GHashTable *problems = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                NULL, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *all_problems = vp_programme_context_get_problems (self->context);

  for (guint i = 0; all_problems != NULL && i < all_problems->len; i++)
    {
      VpProblem *problem = g_ptr_array_index (all_problems, i);
      /* a problem of several sessions marks each of them */
      char *one[] = { problem->session, NULL };
      char **uids = problem->sessions != NULL ? problem->sessions : one;

      for (guint j = 0; uids[j] != NULL; j++)
        {
          GPtrArray *list = g_hash_table_lookup (problems, uids[j]);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (problems, uids[j], list);
            }
          g_ptr_array_add (list, problem);
        }
    }

  return problems;
}

static GHashTable *
get_problems_by_uid (VpAgendaPage *self)
{
  if (self->problems_by_uid == NULL)
    self->problems_by_uid = index_problems (self);
  return self->problems_by_uid;
}

/* The messages of @problems (of VpProblem, or NULL), a line each, or NULL,
 * and the most serious one's severity (-1: none). */
static char *
summarize_problems (GPtrArray *problems,
                    int       *severity)
{
  g_autoptr(GString) messages = NULL;

  *severity = -1;
  for (guint j = 0; problems != NULL && j < problems->len; j++)
    {
      VpProblem *problem = g_ptr_array_index (problems, j);

      if (messages == NULL)
        messages = g_string_new (problem->message);
      else
        g_string_append_printf (messages, "\n%s", problem->message);
      if (*severity < 0 || (int) problem->severity < *severity)
        *severity = problem->severity;
    }

  return messages != NULL ? g_string_free (g_steal_pointer (&messages), FALSE) : NULL;
}

/* The list's row of @session, with its @problems (of VpProblem, or NULL). */
static VpAgendaItem *
session_item_new (VpAgendaPage *self,
                  VpSession    *session,
                  GTimeZone    *zone,
                  GPtrArray    *problems)
{
  VpLocalTime start, end;
  g_autofree char *times = NULL;
  g_autofree char *messages = NULL;
  VpHost *host = NULL;
  int severity;

  vp_local_time_from_instant (vp_session_get_start_utc (session), zone, &start);
  vp_local_time_from_instant (MAX (vp_session_get_end_utc (session),
                                   vp_session_get_start_utc (session)), zone, &end);
  messages = summarize_problems (problems, &severity);

  if (vp_session_get_host_ref (session) != NULL)
    host = vp_snapshot_lookup_host (self->snapshot, vp_session_get_host_ref (session));

  times = vp_agenda_format_times (&start, &end);
  return vp_agenda_item_new_session (vp_session_get_uid (session),
                                     times,
                                     session_title (session),
                                     host != NULL ? vp_host_get_name (host) : NULL,
                                     vp_session_get_status (session),
                                     severity,
                                     messages);
}

/* The checks' newest results, on the rows in place: only a row whose
 * problems changed is shown again, and the list is not laid out anew. */
static void
update_list_problems (VpAgendaPage *self)
{
  GHashTable *problems = get_problems_by_uid (self);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_autofree char *messages = NULL;
      int severity;

      if (vp_agenda_item_is_heading (item))
        continue;
      messages = summarize_problems (g_hash_table_lookup (problems, vp_agenda_item_get_uid (item)),
                                     &severity);
      vp_agenda_item_set_problems (item, severity, messages);
    }
}

static void
rebuild_list (VpAgendaPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *problems = get_problems_by_uid (self);
  g_autoptr(GTimeZone) zone = programme_zone (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  GPtrArray *sessions;
  char last_day[11] = "";

  sessions = self->snapshot != NULL ? vp_snapshot_get_sessions (self->snapshot) : NULL;
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      GPtrArray *problems_of;
      VpLocalTime start;
      g_autofree char *day = NULL;

      vp_local_time_from_instant (vp_session_get_start_utc (session), zone, &start);
      day = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
      if (strcmp (day, last_day) != 0)
        {
          g_autofree char *title = vp_format_date_long (day);

          g_ptr_array_add (items, vp_agenda_item_new_heading (title != NULL ? title : day));
          g_strlcpy (last_day, day, sizeof last_day);
        }

      problems_of = g_hash_table_lookup (problems, vp_session_get_uid (session));
      g_ptr_array_add (items, session_item_new (self, session, zone, problems_of));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_page, items->len > 0 ? "list" : "empty");
  /* Keep the place in the list across a reload */
  gtk_adjustment_set_value (adjustment, value);
}

static guint
find_list_position (VpAgendaPage *self,
                    const char   *uid)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (vp_agenda_item_get_uid (item), uid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Loading {{{1 */

static void sessions_changed_cb (VpAgendaPage *self,
                                guint         position,
                                guint         removed,
                                guint         added,
                                GListModel   *model);
static void queue_reload        (VpAgendaPage *self);

static GListModel *
get_model (VpAgendaPage *self,
           VpEntity      entity)
{
  gint64 programme_id = get_programme_id (self);

  switch (entity)
    {
    case VP_ENTITY_HOST:
      return vp_store_get_hosts (self->store, programme_id);
    case VP_ENTITY_PARTICIPANT:
      return vp_store_get_participants (self->store, programme_id);
    case VP_ENTITY_SESSION:
      return vp_store_get_sessions (self->store, programme_id);
    case VP_ENTITY_ORGANISATION:
      return vp_store_get_organisations (self->store, programme_id);
    case VP_ENTITY_PROGRAMME:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Watches the live models the snapshot is made of: an edit of a session
 * redraws it, anything else makes the snapshot again. */
static void
watch_models (VpAgendaPage *self)
{
  for (VpEntity entity = VP_ENTITY_HOST; entity < VP_N_ENTITIES; entity++)
    {
      GListModel *model = NULL;

      if (get_programme_id (self) != 0)
        model = get_model (self, entity);
      if (model == self->models[entity])
        continue;

      if (self->models[entity] != NULL)
        g_signal_handlers_disconnect_by_data (self->models[entity], self);
      g_set_object (&self->models[entity], model);
      if (model != NULL && entity == VP_ENTITY_SESSION)
        g_signal_connect_swapped (model, "items-changed", G_CALLBACK (sessions_changed_cb), self);
      else if (model != NULL)
        g_signal_connect_swapped (model, "items-changed", G_CALLBACK (queue_reload), self);
    }
}

static void
reload_now (VpAgendaPage *self)
{
  g_autoptr(VpSnapshot) snapshot = NULL;

  self->stale = FALSE;
  watch_models (self);
  if (get_programme_id (self) != 0)
    snapshot = vp_store_dup_live_snapshot (self->store, get_programme_id (self));

  g_set_object (&self->snapshot, snapshot);
  vp_agenda_grid_set_snapshot (self->grid, snapshot);
  rebuild_list (self);
  update_header (self);
}

/* A hidden agenda is made when it is shown: the window's first frame, and
 * a write while another page is shown, do not wait for 5,000 sessions
 * nobody sees. */
static void
reload (VpAgendaPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_now (self);
  else
    self->stale = TRUE;
}

static void
ensure_loaded (VpAgendaPage *self)
{
  if (self->stale)
    reload_now (self);
}

static void
map_cb (VpAgendaPage *self)
{
  ensure_loaded (self);
}

/* Once for all the changes of one write: when the store says it is over
 * (::changed), before anything else can read the grid. */
static void
queue_reload (VpAgendaPage *self)
{
  self->stale = TRUE;
}

/* A session edited in place (its title, its attendees) is drawn again and
 * its row made again; a session moved, added or removed, a host renamed,
 * the snapshot made again. */
static void
sessions_changed_cb (VpAgendaPage *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  g_autoptr(VpSession) session = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(VpAgendaItem) item = NULL;
  g_autoptr(VpAgendaItem) shown = NULL;
  guint list_position;

  if (self->stale || removed != 1 || added != 1)
    {
      queue_reload (self);
      return;
    }

  session = g_list_model_get_item (model, position);
  list_position = find_list_position (self, vp_session_get_uid (session));
  if (list_position == GTK_INVALID_LIST_POSITION ||
      !vp_agenda_grid_session_changed (self->grid, session))
    {
      queue_reload (self);
      return;
    }

  zone = programme_zone (self);
  item = session_item_new (self, session, zone,
                           g_hash_table_lookup (get_problems_by_uid (self),
                                                vp_session_get_uid (session)));
  /* in place: a list of thousands takes a new row slowly */
  shown = g_list_model_get_item (G_LIST_MODEL (self->items), list_position);
  vp_agenda_item_assign (shown, item);
}

static void
store_changed_cb (VpStore      *store,
                  gint64        programme_id,
                  VpAgendaPage *self)
{
  if (self->stale)
    reload (self);
}

/* The programme itself (its days, its zone) changed. */
static void
rows_changed_cb (VpStore      *store,
                 gint64        programme_id,
                 VpEntity      entity,
                 VpChange      change,
                 GArray       *ids,
                 VpAgendaPage *self)
{
  if (entity == VP_ENTITY_PROGRAMME && programme_id == get_programme_id (self))
    queue_reload (self);
}

static void
programme_id_changed_cb (VpAgendaPage       *self,
                         GParamSpec         *pspec,
                         VpProgrammeContext *context)
{
  close_editor (self);
  vp_agenda_grid_set_first_day (self->grid, 0);
  reload (self);
}

static void
problems_changed_cb (VpAgendaPage       *self,
                     GParamSpec         *pspec,
                     VpProgrammeContext *context)
{
  vp_agenda_grid_set_problems (self->grid, vp_programme_context_get_problems (context));
  g_clear_pointer (&self->problems_by_uid, g_hash_table_unref);
  update_list_problems (self);
}

/* Edits {{{1 */

static void
delete_session (VpAgendaPage *self,
                const char   *uid)
{
  VpHistory *history = vp_programme_context_get_history (self->context);
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  VpSession *session;
  gint64 loaded_at;
  guint entry;
  gint64 id;

  if (self->snapshot == NULL)
    return;

  /* The undo puts back the programme as it was just now */
  loaded_at = vp_store_get_change_count (self->store);
  before = vp_store_load_snapshot (self->store, get_programme_id (self), &error);
  if (before == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  session = vp_snapshot_lookup_session_by_uid (before, uid);
  if (session == NULL)
    return;

  id = vp_session_get_id (session);
  /* Translators: a toast after a deletion, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), session_title (session));
  if (!vp_store_delete_sessions (self->store, get_programme_id (self), &id, 1, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: the name of a change, as in “Undo Delete Session”. */
  entry = vp_history_record (history, _("Delete Session"), get_programme_id (self), before,
                             loaded_at);
  vp_undo_offer (GTK_WIDGET (self), history, entry, title);
}

/* Moves @uid to begin at @start, a local time in the programme's zone,
 * keeping its length and its own zones. */
static void
move_session (VpAgendaPage *self,
              const char   *uid,
              const char   *start)
{
  VpHistory *history = vp_programme_context_get_history (self->context);
  g_autoptr(VpSession) copy = NULL;
  g_autoptr(GTimeZone) zone = programme_zone (self);
  g_autoptr(GTimeZone) start_zone = NULL;
  g_autoptr(GTimeZone) end_zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  const char *programme_tz;
  const char *start_tz;
  const char *end_tz;
  VpSession *session;
  VpLocalTime local;
  gint64 instant, duration;

  if (self->snapshot == NULL ||
      (session = vp_snapshot_lookup_session_by_uid (self->snapshot, uid)) == NULL)
    return;

  if (!vp_local_time_parse (start, &local, &error) ||
      !vp_local_time_to_instant (&local, zone, &instant, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, VP_TIME_ERROR, VP_TIME_ERROR_SKIPPED))
        /* Translators: a toast when a session is moved to a time that does
         * not exist, as the clocks go forward then */
        message = g_strdup_printf (_("Cannot move “%s” to %02d:%02d: the clocks skip that time on "
                                     "that day"),
                                   session_title (session), local.hour, local.minute);
      else
        message = g_strdup (error->message);
      show_toast (self, message);
      return;
    }

  programme_tz = vp_programme_get_timezone (vp_snapshot_get_programme (self->snapshot));
  start_tz =
    vp_session_get_timezone (session) != NULL ? vp_session_get_timezone (session) : programme_tz;
  end_tz = vp_session_get_end_timezone (session) != NULL ? vp_session_get_end_timezone (session)
                                                         : start_tz;
  start_zone = vp_time_zone_new (start_tz, NULL);
  end_zone = vp_time_zone_new (end_tz, NULL);
  if (start_zone == NULL || end_zone == NULL)
    return;

  duration = MAX (vp_session_get_end_utc (session) - vp_session_get_start_utc (session), 0);
  vp_local_time_from_instant (instant, start_zone, &local);
  start_text = vp_local_time_format (&local);
  vp_local_time_from_instant (instant + duration, end_zone, &local);
  end_text = vp_local_time_format (&local);

  copy = vp_session_copy (session);
  vp_session_set_start (copy, start_text);
  vp_session_set_end (copy, end_text);
  /* the live session is what the store holds: a write since (by another
   * program, not yet polled) is reported, not overwritten */
  if (!vp_history_save (history, self->store, get_programme_id (self), G_OBJECT (copy),
                        G_OBJECT (session), _("Move Session"), NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after a session is moved, with an Undo button */
  vp_undo_offer (GTK_WIDGET (self), history, vp_history_get_undo_entry (history),
                 _("Session moved"));
}

static void
editor_delete_requested_cb (VpSessionEditor *editor,
                            const char      *uid,
                            VpAgendaPage    *self)
{
  delete_session (self, uid);
}

static void
editor_session_added_cb (VpSessionEditor *editor,
                         const char      *uid,
                         VpAgendaPage    *self)
{
  vp_agenda_grid_focus_session (self->grid, uid);
}

/* Closing, rather than destroying, keeps a change the editor has not
 * saved yet. */
static void
close_editor (VpAgendaPage *self)
{
  g_autoptr(VpSessionEditor) editor = NULL;

  if (self->editor == NULL)
    return;

  editor = g_object_ref (self->editor);
  g_object_remove_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  self->editor = NULL;
  gtk_window_close (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
open_editor (VpAgendaPage *self,
             VpSession    *session)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  close_editor (self);

  self->editor = vp_session_editor_new (self->store, self->snapshot, session);
  g_object_add_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->editor), GTK_WINDOW (root));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->editor), TRUE);
  g_signal_connect_object (self->editor, "delete-requested",
                           G_CALLBACK (editor_delete_requested_cb), self, 0);
  g_signal_connect_object (self->editor, "session-added",
                           G_CALLBACK (editor_session_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->editor));
}

/* A new session on @day (YYYY-MM-DD) at @minute, an hour long. */
static void
open_new_editor (VpAgendaPage *self,
                 const char   *day,
                 int           minute)
{
  g_autoptr(VpSession) session = vp_session_new ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int end_minute;

  if (self->snapshot == NULL)
    return;

  minute = CLAMP (minute, 0, 23 * 60 + 45);
  end_minute = MIN (minute + 60, 23 * 60 + 59);
  start = g_strdup_printf ("%sT%02d:%02d", day, minute / 60, minute % 60);
  end = g_strdup_printf ("%sT%02d:%02d", day, end_minute / 60, end_minute % 60);
  vp_session_set_start (session, start);
  vp_session_set_end (session, end);
  vp_session_set_attendees_all (session, TRUE);
  vp_session_set_status (session, VP_SESSION_STATUS_CONFIRMED);
  open_editor (self, session);
}

/* Grid and list signals {{{1 */

static void
grid_session_activated_cb (VpAgendaPage *self,
                           const char   *uid)
{
  VpSession *session;

  if (self->snapshot != NULL &&
      (session = vp_snapshot_lookup_session_by_uid (self->snapshot, uid)) != NULL)
    open_editor (self, session);
}

static void
grid_delete_session_cb (VpAgendaPage *self,
                        const char   *uid)
{
  delete_session (self, uid);
}

static void
grid_move_session_cb (VpAgendaPage *self,
                      const char   *uid,
                      const char   *start)
{
  move_session (self, uid, start);
}

static void
grid_create_session_cb (VpAgendaPage *self,
                        const char   *day,
                        int           minute)
{
  open_new_editor (self, day, minute);
}

static void
list_activate_cb (VpAgendaPage *self,
                  guint         position)
{
  g_autoptr(VpAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL && !vp_agenda_item_is_heading (item))
    grid_session_activated_cb (self, vp_agenda_item_get_uid (item));
}

/* Actions {{{1 */

static void
add_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (widget);

  if (self->snapshot == NULL)
    return;

  if (!vp_agenda_page_get_list_mode (self) || vp_agenda_grid_get_focus_session (self->grid) != NULL)
    {
      /* After the focused session, or in the first day in view */
      gtk_widget_activate_action (GTK_WIDGET (self->grid), "agenda-grid.create", NULL);
      return;
    }

  if (vp_agenda_grid_get_n_days (self->grid) > 0)
    open_new_editor (self, vp_agenda_grid_get_day (self->grid, 0), 9 * 60);
}

static void
page_days_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->grid), "agenda-grid.page", "i",
                              g_str_equal (action_name, "agenda.next-days") ? 1 : -1);
}

/* GObject {{{1 */

static void
vp_agenda_page_constructed (GObject *object)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (object);

  G_OBJECT_CLASS (vp_agenda_page_parent_class)->constructed (object);

  g_assert (VP_IS_PROGRAMME_CONTEXT (self->context));
  self->store = g_object_ref (vp_programme_context_get_store (self->context));
  self->rows_changed_id = g_signal_connect (self->store, "rows-changed",
                                           G_CALLBACK (rows_changed_cb), self);
  self->changed_id = g_signal_connect (self->store, "changed", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_object (self->context, "notify::programme-id",
                           G_CALLBACK (programme_id_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::problems", G_CALLBACK (problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  vp_agenda_grid_set_problems (self->grid, vp_programme_context_get_problems (self->context));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  if (get_programme_id (self) != 0)
    reload (self);
  update_header (self);
}

static void
vp_agenda_page_dispose (GObject *object)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (object);

  g_clear_handle_id (&self->header_idle_id, g_source_remove);
  g_clear_signal_handler (&self->rows_changed_id, self->store);
  g_clear_signal_handler (&self->changed_id, self->store);
  for (guint i = 0; i < G_N_ELEMENTS (self->models); i++)
    if (self->models[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->models[i], self);
  close_editor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_AGENDA_PAGE);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->problems_by_uid, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->models); i++)
    g_clear_object (&self->models[i]);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (vp_agenda_page_parent_class)->dispose (object);
}

static void
vp_agenda_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LIST_MODE:
      g_value_set_boolean (value, vp_agenda_page_get_list_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_agenda_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpAgendaPage *self = VP_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_agenda_page_class_init (VpAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_agenda_page_constructed;
  object_class->dispose = vp_agenda_page_dispose;
  object_class->get_property = vp_agenda_page_get_property;
  object_class->set_property = vp_agenda_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         VP_TYPE_PROGRAMME_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_MODE] =
    g_param_spec_boolean ("list-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VP_TYPE_AGENDA_GRID);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, paging_box);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, squeezer);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, grid_page);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, grid);
  gtk_widget_class_bind_template_child (widget_class, VpAgendaPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, squeezer_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_delete_session_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_move_session_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_create_session_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_days_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "agenda.add-session", NULL, add_session_action);
  gtk_widget_class_install_action (widget_class, "agenda.previous-days", NULL, page_days_action);
  gtk_widget_class_install_action (widget_class, "agenda.next-days", NULL, page_days_action);

  /* Insert, as in the grid: Ctrl+N is the window's, for a new programme */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "agenda.add-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "agenda.previous-days", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "agenda.next-days", NULL);

  gtk_widget_class_set_css_name (widget_class, "agendapage");
}

static void
vp_agenda_page_init (VpAgendaPage *self)
{
  static gsize css_loaded;
  g_autoptr(GtkListItemFactory) factory = NULL;

  /* The page's own styles, loaded once for the display */
  if (g_once_init_enter (&css_loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider,
                                           "/io/github/visitplanner/VisitPlanner/vp-agenda.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (VP_TYPE_AGENDA_ITEM);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->items)))));
  g_object_unref (gtk_list_view_get_model (self->list_view));
}

/* Public {{{1 */

GtkWidget *
vp_agenda_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_AGENDA_PAGE, "context", context, NULL);
}

void
vp_agenda_page_show_session (VpAgendaPage *self,
                             const char   *uid)
{
  VpSession *session;
  guint position;

  g_return_if_fail (VP_IS_AGENDA_PAGE (self));
  g_return_if_fail (uid != NULL);

  ensure_loaded (self);
  if (self->snapshot == NULL ||
      (session = vp_snapshot_lookup_session_by_uid (self->snapshot, uid)) == NULL)
    return;

  vp_agenda_grid_focus_session (self->grid, uid);
  position = find_list_position (self, uid);
  if (position != GTK_INVALID_LIST_POSITION && vp_agenda_page_get_list_mode (self))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  open_editor (self, session);
}

void
vp_agenda_page_set_force_list (VpAgendaPage *self,
                               gboolean      force_list)
{
  g_return_if_fail (VP_IS_AGENDA_PAGE (self));

  force_list = !!force_list;
  if (self->force_list == force_list)
    return;

  self->force_list = force_list;
  adw_squeezer_page_set_enabled (adw_squeezer_get_page (self->squeezer, self->grid_page),
                                 !force_list);
}

gboolean
vp_agenda_page_get_list_mode (VpAgendaPage *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_PAGE (self), FALSE);

  return adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->list_page);
}

/* vp-participants-page.c: a programme's participants in a sortable, searchable table. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-participant-editor.h"
#include "vp-participants-page.h"
#include "vp-people-fields.h"
#include "vp-undo.h"

/* The columns, also the kinds of cell their factories make. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_EMAIL,
  COLUMN_COUNTRY,
  COLUMN_ROLE,
  COLUMN_ARRIVAL,
  COLUMN_NEEDS,
  N_COLUMNS
} Column;

/* How much room the table has: less important columns go first. */
typedef enum
{
  LAYOUT_WIDE,
  LAYOUT_MEDIUM,
  LAYOUT_NARROW,
} Layout;

#define MEDIUM_WIDTH 1100
#define NARROW_WIDTH 720
#define MIN_NAME_WIDTH 160

/* What the table shows and sorts by, worked out once per load rather than
 * for every comparison and every key typed. */
typedef struct
{
  char   *search_key;
  char   *name_key;
  char   *organisation_key;
  char   *country_key;
  char   *arrival;
  gint64  arrival_utc;
  char   *needs;
} Row;

struct _VpParticipantsPage
{
  AdwBin               parent_instance;

  VpStore             *store;
  gint64               programme_id;
  VpSnapshot          *snapshot;
  GListStore          *participants;
  /* VpParticipant → Row, for the participants in the list */
  GHashTable          *rows;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;
  char                *query;
  gboolean             dirty;
  guint                reload_source;
  guint                layout_source;
  Layout               layout;
  int                  width;
  VpParticipantEditor *editor;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkButton           *delete_button;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (VpParticipantsPage, vp_participants_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->search_key);
  g_free (row->name_key);
  g_free (row->organisation_key);
  g_free (row->country_key);
  g_free (row->arrival);
  g_free (row->needs);
  g_free (row);
}

static char *
collate_key (const char *text)
{
  /* Missing values sort after every real one. */
  if (text == NULL || *text == '\0')
    return g_strdup ("\xff");

  return g_utf8_collate_key (text, -1);
}

static Row *
row_new (VpParticipant *participant)
{
  Row *row = g_new0 (Row, 1);
  GPtrArray *travel = vp_participant_get_travel (participant);
  const char *dietary = vp_participant_get_dietary (participant);
  const char *accessibility = vp_participant_get_accessibility (participant);
  const char *country = vp_participant_get_country (participant);
  gboolean has_dietary = dietary != NULL && *dietary != '\0';
  gboolean has_access = accessibility != NULL && *accessibility != '\0';
  g_autofree char *all = NULL;

  all = g_strjoin ("\n",
                   vp_participant_get_name (participant) ?: "",
                   vp_participant_get_email (participant) ?: "",
                   vp_participant_get_organisation (participant) ?: "",
                   country ?: "",
                   vp_people_country_display (country),
                   NULL);
  row->search_key = vp_people_fold (all);
  row->name_key = collate_key (vp_participant_get_name (participant));
  row->organisation_key = collate_key (vp_participant_get_organisation (participant));
  row->country_key = collate_key (country ? vp_people_country_display (country) : NULL);

  row->arrival_utc = G_MAXINT64;
  for (guint i = 0; i < travel->len; i++)
    {
      VpTravelLeg *leg = g_ptr_array_index (travel, i);

      if (leg->arrive != NULL)
        {
          row->arrival = vp_people_format_local_time (leg->arrive);
          row->arrival_utc = leg->arrive_utc;
          break;
        }
    }

  /* Only that there is something to know: the text itself is personal. */
  if (has_dietary && has_access)
    row->needs = g_strdup (_("Dietary, access"));
  else if (has_dietary)
    row->needs = g_strdup (_("Dietary"));
  else if (has_access)
    row->needs = g_strdup (_("Access"));

  return row;
}

static Row *
lookup_row (VpParticipantsPage *self,
            gpointer            item)
{
  return g_hash_table_lookup (self->rows, item);
}

/* Loading {{{1 */

static GArray *
get_selected_ids (VpParticipantsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
      gint64 id = vp_participant_get_id (participant);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
update_state (VpParticipantsPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.add", self->programme_id != 0);
}

static void
update_actions (VpParticipantsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.delete",
                                 !gtk_bitset_is_empty (selected));
}

static void
reload (VpParticipantsPage *self)
{
  g_autoptr(VpSnapshot) old_snapshot = g_steal_pointer (&self->snapshot);
  g_autoptr(GArray) selected_ids = get_selected_ids (self);
  g_autoptr(GPtrArray) old_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scroll = gtk_adjustment_get_value (vadjustment);
  GPtrArray *participants = NULL;
  guint n_old;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;

  if (self->programme_id != 0)
    {
      self->snapshot = vp_store_load_snapshot (self->store, self->programme_id, &error);
      if (self->snapshot == NULL)
        g_warning ("Cannot load the participants of programme %" G_GINT64_FORMAT ": %s",
                   self->programme_id, error->message);
    }

  if (self->snapshot != NULL)
    participants = vp_snapshot_get_participants (self->snapshot);

  /* The old objects stay in the table until the list no longer holds them:
   * the sorter may still look at them while the list changes. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old_items, g_list_model_get_item (G_LIST_MODEL (self->participants), i));

  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);

      g_hash_table_insert (self->rows, participant, row_new (participant));
    }

  g_list_store_splice (self->participants, 0, n_old,
                       participants ? participants->pdata : NULL,
                       participants ? participants->len : 0);

  for (guint i = 0; i < old_items->len; i++)
    g_hash_table_remove (self->rows, g_ptr_array_index (old_items, i));

  /* Keep the selection and the scroll position where they were. */
  if (selected_ids->len > 0)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
      g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
      g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n_items);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(VpParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);
          gint64 id = vp_participant_get_id (participant);

          for (guint j = 0; j < selected_ids->len; j++)
            if (g_array_index (selected_ids, gint64, j) == id)
              gtk_bitset_add (selected, i);
        }

      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
    }
  gtk_adjustment_set_value (vadjustment, scroll);

  update_state (self);
  update_actions (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  VpParticipantsPage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Loads when the page is shown, and at once (before the next frame) while
 * it is: a hidden page costs nothing when the programme changes. */
static void
queue_reload (VpParticipantsPage *self)
{
  self->dirty = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_cb, self, NULL);
}

static void
ensure_loaded (VpParticipantsPage *self)
{
  if (self->dirty)
    reload (self);
}

static void
store_changed_cb (VpParticipantsPage *self,
                  gint64              programme_id,
                  VpStore            *store)
{
  if (self->programme_id != 0 && (programme_id == 0 || programme_id == self->programme_id))
    queue_reload (self);
}

/* Filtering and sorting {{{1 */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  VpParticipantsPage *self = user_data;
  Row *row;

  if (self->query == NULL)
    return TRUE;

  row = lookup_row (self, item);
  return row != NULL && vp_people_matches (row->search_key, self->query);
}

static void
search_changed_cb (VpParticipantsPage *self,
                   GtkSearchEntry     *entry)
{
  g_autofree char *old_query = g_steal_pointer (&self->query);
  g_autofree char *query = vp_people_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strstrip (query);
  if (*query != '\0')
    self->query = g_steal_pointer (&query);

  if (g_strcmp0 (old_query, self->query) == 0)
    return;

  /* Typing on narrows the list: only the rows still shown are looked at. */
  if (old_query == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (self->query, old_query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old_query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
search_activate_cb (VpParticipantsPage *self,
                    GtkSearchEntry     *entry)
{
  /* Enter in the search goes to the results, ready for arrow keys. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
stop_search_cb (VpParticipantsPage *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

typedef struct
{
  VpParticipantsPage *page;
  Column              column;
} SortData;

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_strcmp0 (a ? a : "\xff", b ? b : "\xff");
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SortData *data = user_data;
  VpParticipant *participant_a = (VpParticipant *) a;
  VpParticipant *participant_b = (VpParticipant *) b;
  Row *row_a = lookup_row (data->page, participant_a);
  Row *row_b = lookup_row (data->page, participant_b);
  int result = 0;

  if (row_a == NULL || row_b == NULL)
    return (row_a != NULL) - (row_b != NULL);

  switch (data->column)
    {
    case COLUMN_NAME:
      break;
    case COLUMN_ORGANISATION:
      result = strcmp (row_a->organisation_key, row_b->organisation_key);
      break;
    case COLUMN_EMAIL:
      {
        const char *email_a = vp_participant_get_email (participant_a);
        const char *email_b = vp_participant_get_email (participant_b);

        if (email_a == NULL || email_b == NULL)
          result = (email_a == NULL) - (email_b == NULL);
        else
          result = g_ascii_strcasecmp (email_a, email_b);
      }
      break;
    case COLUMN_COUNTRY:
      result = strcmp (row_a->country_key, row_b->country_key);
      break;
    case COLUMN_ROLE:
      {
        VpParticipantRole role_a = vp_participant_get_role (participant_a);
        VpParticipantRole role_b = vp_participant_get_role (participant_b);

        if (role_a == VP_PARTICIPANT_ROLE_UNSET || role_b == VP_PARTICIPANT_ROLE_UNSET)
          result = (role_a == VP_PARTICIPANT_ROLE_UNSET) - (role_b == VP_PARTICIPANT_ROLE_UNSET);
        else
          result = g_utf8_collate (vp_people_role_name (role_a), vp_people_role_name (role_b));
      }
      break;
    case COLUMN_ARRIVAL:
      result = (row_a->arrival_utc > row_b->arrival_utc) - (row_a->arrival_utc < row_b->arrival_utc);
      break;
    case COLUMN_NEEDS:
      /* Those with needs first: that is what one sorts by this column for. */
      result = (row_a->needs == NULL) - (row_b->needs == NULL);
      if (result == 0)
        result = compare_strings (row_a->needs, row_b->needs);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* Ties in name order, so that the order never depends on the load. */
  if (result == 0)
    result = strcmp (row_a->name_key, row_b->name_key);
  if (result == 0)
    result = (vp_participant_get_id (participant_a) > vp_participant_get_id (participant_b)) -
             (vp_participant_get_id (participant_a) < vp_participant_get_id (participant_b));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Cells {{{1 */

/* The full text only when the label had to cut it short. */
static gboolean
label_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);

  if (column == COLUMN_ARRIVAL)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_NEEDS)
    gtk_widget_add_css_class (label, "needs-label");

  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  VpParticipantsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  VpParticipant *participant = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  Row *row = lookup_row (self, participant);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = vp_participant_get_name (participant);
      break;
    case COLUMN_ORGANISATION:
      text = vp_participant_get_organisation (participant);
      break;
    case COLUMN_EMAIL:
      text = vp_participant_get_email (participant);
      break;
    case COLUMN_COUNTRY:
      text = vp_people_country_display (vp_participant_get_country (participant));
      break;
    case COLUMN_ROLE:
      text = vp_people_role_name (vp_participant_get_role (participant));
      break;
    case COLUMN_ARRIVAL:
      text = row ? row->arrival : NULL;
      break;
    case COLUMN_NEEDS:
      text = row ? row->needs : NULL;
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text ? text : "");
}

static void
setup_columns (VpParticipantsPage *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      SortData *data = g_new0 (SortData, 1);

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
      gtk_column_view_column_set_factory (self->columns[column], factory);

      data->page = self;
      data->column = column;
      sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, data, g_free));
      gtk_column_view_column_set_sorter (self->columns[column], sorter);
    }
}

/* Narrow windows {{{1 */

static void
apply_layout (VpParticipantsPage *self)
{
  static const gboolean visible[][N_COLUMNS] = {
    /* name, organisation, email, country, role, arrival, needs */
    [LAYOUT_WIDE]   = { TRUE, TRUE, TRUE,  TRUE, TRUE,  TRUE,  TRUE },
    [LAYOUT_MEDIUM] = { TRUE, TRUE, FALSE, TRUE, FALSE, TRUE,  TRUE },
    [LAYOUT_NARROW] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
  };

  int others = 0;

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      gtk_column_view_column_set_visible (self->columns[column], visible[self->layout][column]);
      if (column != COLUMN_NAME && visible[self->layout][column])
        others += gtk_column_view_column_get_fixed_width (self->columns[column]);
    }

  /* The name takes the room the others leave: GTK 4.8 gives an expanding
   * column no more than its minimum once others have been hidden. */
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_NAME],
                                          MAX (MIN_NAME_WIDTH, self->width - others));
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  VpParticipantsPage *self = user_data;

  self->layout_source = 0;
  apply_layout (self);

  return G_SOURCE_REMOVE;
}

/* The table's width is the width its scrolled window shows. */
static void
width_changed_cb (VpParticipantsPage *self,
                  GtkAdjustment      *adjustment)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  Layout layout = width < NARROW_WIDTH ? LAYOUT_NARROW :
                  width < MEDIUM_WIDTH ? LAYOUT_MEDIUM : LAYOUT_WIDE;

  if (width <= 0 || ((int) width == self->width && layout == self->layout))
    return;

  /* Columns change between frames, not while this one is laid out. */
  self->layout = layout;
  self->width = (int) width;
  if (self->layout_source == 0)
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
}

/* Editing {{{1 */

static void delete_participants (VpParticipantsPage *self,
                                 const gint64       *ids,
                                 guint               n_ids);

static void
editor_delete_requested_cb (VpParticipantsPage  *self,
                            VpParticipantEditor *editor)
{
  gint64 id = vp_participant_get_id (vp_participant_editor_get_participant (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
  if (id != 0)
    delete_participants (self, &id, 1);
}

static void
open_editor (VpParticipantsPage *self,
             VpParticipant      *participant)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->programme_id == 0)
    return;

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  self->editor = vp_participant_editor_new (self->store, self->programme_id, participant);
  g_object_add_weak_pointer (G_OBJECT (self->editor), (gpointer *) &self->editor);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->editor), GTK_WINDOW (root));
  g_signal_connect_object (self->editor, "delete-requested",
                           G_CALLBACK (editor_delete_requested_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->editor));
}

static void
row_activated_cb (VpParticipantsPage *self,
                  guint               position,
                  GtkColumnView      *column_view)
{
  g_autoptr(VpParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (participant != NULL)
    open_editor (self, participant);
}

static void
delete_participants (VpParticipantsPage *self,
                     const gint64       *ids,
                     guint               n_ids)
{
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *overlay;

  before = vp_store_load_snapshot (self->store, self->programme_id, &error);
  if (before == NULL ||
      !vp_store_delete_participants (self->store, self->programme_id, ids, n_ids, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot delete: %s"), error->message);

      overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
      else
        g_warning ("%s", message);
      return;
    }

  if (n_ids == 1)
    {
      VpParticipant *participant = NULL;
      GPtrArray *all = vp_snapshot_get_participants (before);

      for (guint i = 0; i < all->len && participant == NULL; i++)
        if (vp_participant_get_id (g_ptr_array_index (all, i)) == ids[0])
          participant = g_ptr_array_index (all, i);

      if (participant != NULL && vp_participant_get_name (participant) != NULL)
        /* Translators: in a toast, with an Undo button. */
        title = g_strdup_printf (_("“%s” deleted"), vp_participant_get_name (participant));
    }
  if (title == NULL)
    /* Translators: in a toast, with an Undo button. */
    title = g_strdup_printf (ngettext ("%u participant deleted", "%u participants deleted", n_ids),
                             n_ids);

  vp_undo_offer_restore (GTK_WIDGET (self), self->store, before, title);

  /* Show the change at once, not after the next frame. */
  reload (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (VP_PARTICIPANTS_PAGE (widget), NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (widget);
  g_autoptr(GArray) ids = get_selected_ids (self);

  if (ids->len > 0)
    delete_participants (self, (const gint64 *) ids->data, ids->len);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
selection_changed_cb (VpParticipantsPage *self,
                      guint               position,
                      guint               n_items,
                      GtkSelectionModel  *selection)
{
  update_actions (self);
}

static void
filter_items_changed_cb (VpParticipantsPage *self,
                         guint               position,
                         guint               removed,
                         guint               added,
                         GListModel         *model)
{
  update_state (self);
}

/* GObject {{{1 */

static void
vp_participants_page_map (GtkWidget *widget)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (widget);

  ensure_loaded (self);

  GTK_WIDGET_CLASS (vp_participants_page_parent_class)->map (widget);
}

static void
vp_participants_page_constructed (GObject *object)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (object);

  G_OBJECT_CLASS (vp_participants_page_parent_class)->constructed (object);

  g_assert (VP_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
vp_participants_page_dispose (GObject *object)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  /* The column view goes after this, and its columns' sorters with it:
   * the models must not call back into a page that is half gone. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PARTICIPANTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->participants);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_participants_page_parent_class)->dispose (object);
}

static void
vp_participants_page_finalize (GObject *object)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (vp_participants_page_parent_class)->finalize (object);
}

static void
vp_participants_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_participants_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VpParticipantsPage *self = VP_PARTICIPANTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PROGRAMME_ID:
      vp_participants_page_set_programme_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_participants_page_class_init (VpParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_participants_page_constructed;
  object_class->dispose = vp_participants_page_dispose;
  object_class->finalize = vp_participants_page_finalize;
  object_class->get_property = vp_participants_page_get_property;
  object_class->set_property = vp_participants_page_set_property;

  widget_class->map = vp_participants_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/vp-participants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpParticipantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, VpParticipantsPage, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "organisation_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_ORGANISATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "email_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_EMAIL]));
  gtk_widget_class_bind_template_child_full (widget_class, "country_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_COUNTRY]));
  gtk_widget_class_bind_template_child_full (widget_class, "role_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_ROLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "arrival_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_ARRIVAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "needs_column", FALSE,
                                             G_STRUCT_OFFSET (VpParticipantsPage, columns[COLUMN_NEEDS]));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "participants.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "participants.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "participants.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "participants.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "participants.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "participants.add", NULL);
}

static void
vp_participants_page_init (VpParticipantsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (NULL, NULL, NULL, row_free);
  self->layout = LAYOUT_WIDE;

  setup_columns (self);

  self->participants = g_list_store_new (VP_TYPE_PARTICIPANT);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* Sorted, then filtered: typing in the search then changes only the
   * filter, and GTK 4.8's sort model is slow to take out many rows at once
   * (a few tens of milliseconds for two thousand). */
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->participants)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  /* Two thousand rows filter in well under a millisecond: all at once
   * reads better than a list that fills in. */
  gtk_filter_list_model_set_incremental (self->filter_model, FALSE);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (width_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
  update_actions (self);
}

/* Public {{{1 */

GtkWidget *
vp_participants_page_new (VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_PARTICIPANTS_PAGE, "store", store, NULL);
}

VpStore *
vp_participants_page_get_store (VpParticipantsPage *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANTS_PAGE (self), NULL);

  return self->store;
}

gint64
vp_participants_page_get_programme_id (VpParticipantsPage *self)
{
  g_return_val_if_fail (VP_IS_PARTICIPANTS_PAGE (self), 0);

  return self->programme_id;
}

void
vp_participants_page_set_programme_id (VpParticipantsPage *self,
                                       gint64              programme_id)
{
  g_return_if_fail (VP_IS_PARTICIPANTS_PAGE (self));
  g_return_if_fail (programme_id >= 0);

  if (self->programme_id == programme_id)
    return;

  self->programme_id = programme_id;

  /* Another programme: start with its whole list, at the top. */
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): its list view's action does it. */
static void
scroll_to (GtkColumnView *column_view,
           guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

gboolean
vp_participants_page_show_participant (VpParticipantsPage *self,
                                       const char         *email_or_ref)
{
  GListModel *model;
  guint n_items;

  g_return_val_if_fail (VP_IS_PARTICIPANTS_PAGE (self), FALSE);
  g_return_val_if_fail (email_or_ref != NULL, FALSE);

  ensure_loaded (self);

  /* It may be hidden by the search. */
  model = G_LIST_MODEL (self->participants);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (model, i);
      const char *email = vp_participant_get_email (participant);
      Row *row = lookup_row (self, participant);

      if (!(g_strcmp0 (vp_participant_get_ref (participant), email_or_ref) == 0 ||
            (email != NULL && g_ascii_strcasecmp (email, email_or_ref) == 0)))
        continue;

      if (self->query != NULL && !vp_people_matches (row->search_key, self->query))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      /* search-changed waits a moment: filter now. */
      search_changed_cb (self, self->search_entry);

      model = G_LIST_MODEL (self->filter_model);
      n_items = g_list_model_get_n_items (model);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(VpParticipant) shown = g_list_model_get_item (model, j);

          if (shown == participant)
            {
              gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), j, TRUE);
              scroll_to (self->column_view, j);
              break;
            }
        }

      open_editor (self, participant);
      return TRUE;
    }

  return FALSE;
}

/* vp-table-page.c: a programme's people in a sortable, searchable table, as the participants and
 * hosts pages show them. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vp-people-fields.h"
#include "vp-table-page.h"
#include "vp-table-row.h"
#include "vp-undo.h"

/* How much room the table has: less important columns go first. */
#define MEDIUM_WIDTH 1100
#define NARROW_WIDTH 720
#define MIN_FIRST_COLUMN_WIDTH 160
/* Around a column's title (its padding and the sort arrow) and around a
 * cell's text, in pixels. */
#define HEADER_PADDING 36
#define CELL_PADDING 24

/* What every item is searched and sorted by, worked out once per item and
 * change rather than for every key typed and every comparison. */
typedef struct
{
  char     *search_key;
  char     *name_key;
  gint64    id;
  /* The subclass's, from prepare_item() */
  gpointer  data;
} Entry;

typedef struct
{
  VpProgrammeContext  *context;
  VpStore             *store;         /* the context's */
  /* Every item of the programme (the store's live model, or an empty list),
   * then sorted, then searched: the sort sits below the search so that
   * typing never sorts again. */
  GListModel          *items;
  GListModel          *no_items;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  /* One VpTableRow per item shown: the table's rows stay while what they
   * show changes, so that a search rebinds a few hundred cells instead of
   * making new ones (GTK 4.8 keeps two hundred rows of widgets, and makes
   * new ones for every item that a change puts in view). */
  GListStore          *rows;
  /* A search found nothing: the rows and their selection stay as they were,
   * hidden behind "no results", until the search finds something again */
  gboolean             rows_hidden;
  gboolean             changed_while_hidden;
  GtkMultiSelection   *selection;
  /* GObject item → Entry, for the items in the list */
  GHashTable          *entries;
  char                *query;
  gboolean             dirty;
  guint                layout_source;
  /* The widest columns shown: VP_TABLE_COLUMN_ALWAYS when narrow */
  VpTableColumnPriority layout;
  int                  width;
  VpPeopleEditor      *editor;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkButton           *add_button;
  GtkButton           *delete_button;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *no_results_page;
} VpTablePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (VpTablePage, vp_table_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data,
            gpointer user_data)
{
  Entry *entry = data;
  GDestroyNotify free_item_data = user_data;

  g_free (entry->search_key);
  g_free (entry->name_key);
  if (entry->data != NULL && free_item_data != NULL)
    free_item_data (entry->data);
  g_free (entry);
}

static Entry *
entry_new (VpTablePage *self,
           GObject     *item)
{
  VpTablePageClass *klass = VP_TABLE_PAGE_GET_CLASS (self);
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *text = klass->dup_search_text (self, item);
  g_autofree char *name = NULL;

  g_object_get (item, "id", &entry->id, "name", &name, NULL);
  entry->search_key = vp_people_fold (text);
  entry->name_key = vp_people_collate_key (name);
  if (klass->prepare_item != NULL)
    entry->data = klass->prepare_item (self, item);

  return entry;
}

static Entry *
lookup_entry (VpTablePage *self,
              gpointer     item)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  return g_hash_table_lookup (priv->entries, item);
}

static void
remove_entry (VpTablePage *self,
              gpointer     item)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  Entry *entry = NULL;

  if (g_hash_table_steal_extended (priv->entries, item, NULL, (gpointer *) &entry))
    entry_free (entry, VP_TABLE_PAGE_GET_CLASS (self)->free_item_data);
}

static void
show_error (VpTablePage *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Actions and states {{{1 */

static void
set_action_enabled (VpTablePage *self,
                    const char  *name,
                    gboolean     enabled)
{
  g_autofree char *action =
    g_strconcat (VP_TABLE_PAGE_GET_CLASS (self)->action_prefix, ".", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

static void
update_state (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  guint n_all = g_list_model_get_n_items (priv->items);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));

  if (n_all == 0)
    gtk_stack_set_visible_child_name (priv->stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (priv->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");

  set_action_enabled (self, "add", vp_table_page_get_programme_id (self) != 0);
}

static void
update_actions (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));

  set_action_enabled (self, "delete", !priv->rows_hidden && !gtk_bitset_is_empty (selected));
}

/* Rows and selection {{{1 */

/* The items of the rows selected (shown or not), or NULL when none is. */
static GPtrArray *
dup_selected_in_rows (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));
  GPtrArray *items;
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_is_empty (selected))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(VpTableRow) row = g_list_model_get_item (G_LIST_MODEL (priv->rows), position);

      if (row != NULL && vp_table_row_get_item (row) != NULL)
        g_ptr_array_add (items, g_object_ref (vp_table_row_get_item (row)));
    }

  return items;
}

/* The items selected that are shown, or NULL when none is. */
static GPtrArray *
dup_selected_items (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  return priv->rows_hidden ? NULL : dup_selected_in_rows (self);
}

typedef gboolean (*SelectFunc) (VpTablePage *self,
                                GObject     *item,
                                gpointer     data);

/* Selects exactly the items shown that @func accepts. */
static void
select_items (VpTablePage *self,
              SelectFunc   func,
              gpointer     data)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GListModel *model = G_LIST_MODEL (priv->filter_model);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (func (self, item, data))
        gtk_bitset_add (selected, i);
    }

  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (priv->selection), selected, mask);
}

static gboolean
item_in_array (VpTablePage *self,
               GObject     *item,
               gpointer     data)
{
  return g_ptr_array_find (data, item, NULL);
}

/* The rows follow the searched list: each shows the item at its place, and
 * only rows past the end of the shorter list come or go.  A search that
 * finds nothing leaves the rows as they were, hidden: the next search that
 * finds something (the search cleared: all of them) rebinds only the rows
 * whose item differs, instead of making every row's widgets again, and the
 * selection comes back with the items. */
static void
filter_items_changed_cb (VpTablePage *self,
                         guint        position,
                         guint        removed,
                         guint        added,
                         GListModel  *model)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(GPtrArray) selected = dup_selected_in_rows (self);
  guint n_shown = g_list_model_get_n_items (model);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));

  if (n_shown == 0 && priv->query != NULL && g_list_model_get_n_items (priv->items) > 0)
    {
      priv->rows_hidden = TRUE;
      update_state (self);
      update_actions (self);
      return;
    }
  if (priv->rows_hidden)
    {
      /* Every row is looked at again, and shown again only when its item
       * differs, or when items changed while the rows were hidden. */
      priv->rows_hidden = FALSE;
      position = 0;
      added = priv->changed_while_hidden ? n_shown : 0;
      priv->changed_while_hidden = FALSE;
    }

  for (guint i = position; i < MIN (n_shown, n_rows); i++)
    {
      g_autoptr(VpTableRow) row = g_list_model_get_item (G_LIST_MODEL (priv->rows), i);
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* the same item, changed in place: shown again */
      if (vp_table_row_get_item (row) == item && i < position + added)
        vp_table_row_changed (row);
      else
        vp_table_row_set_item (row, item);
    }

  if (n_shown > n_rows)
    {
      g_autoptr(GPtrArray) new_rows = g_ptr_array_new_full (n_shown - n_rows, g_object_unref);

      for (guint i = n_rows; i < n_shown; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          g_ptr_array_add (new_rows, vp_table_row_new (item));
        }
      g_list_store_splice (priv->rows, n_rows, 0, new_rows->pdata, new_rows->len);
    }
  else if (n_shown < n_rows)
    g_list_store_splice (priv->rows, n_shown, n_rows - n_shown, NULL, 0);

  /* The selection goes with the items, not with the rows. */
  if (selected != NULL)
    select_items (self, item_in_array, selected);

  update_state (self);
}

/* Loading {{{1 */

/* The entries follow the items: made for those added or changed in place,
 * before the sort (connected first) compares them; dropped for those gone. */
static void
items_changed_cb (VpTablePage *self,
                  guint        position,
                  guint        removed,
                  guint        added,
                  GListModel  *model)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  gboolean in_place = removed == added;

  priv->changed_while_hidden |= priv->rows_hidden;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      in_place &= g_hash_table_contains (priv->entries, item);
      remove_entry (self, item);
      g_hash_table_insert (priv->entries, item, entry_new (self, item));
    }

  if (removed > 0 && !in_place)
    {
      g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) gone = g_ptr_array_new ();
      guint n_items = g_list_model_get_n_items (model);
      GHashTableIter iter;
      gpointer item;

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GObject) present_item = g_list_model_get_item (model, i);

          g_hash_table_add (present, present_item);
        }
      g_hash_table_iter_init (&iter, priv->entries);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        if (!g_hash_table_contains (present, item))
          g_ptr_array_add (gone, item);
      for (guint i = 0; i < gone->len; i++)
        remove_entry (self, g_ptr_array_index (gone, i));
    }
}

static void
clear_entries (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, priv->entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    {
      g_hash_table_iter_steal (&iter);
      entry_free (entry, VP_TABLE_PAGE_GET_CLASS (self)->free_item_data);
    }
}

static void
set_items (VpTablePage *self,
           GListModel  *items)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  guint n_items;

  if (items == NULL)
    items = priv->no_items;
  if (items == priv->items)
    return;

  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_func (priv->items, items_changed_cb, self);
  g_set_object (&priv->items, items);

  clear_entries (self);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_hash_table_insert (priv->entries, item, entry_new (self, item));
    }
  /* before the sort's own handler */
  g_signal_connect_swapped (items, "items-changed", G_CALLBACK (items_changed_cb), self);
  gtk_sort_list_model_set_model (priv->sort_model, items);
}

/* Shows the programme's live list: from then on, the store's changes come
 * in item by item, and the selection and scroll position stay. */
static void
reload (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  gint64 programme_id = vp_table_page_get_programme_id (self);

  priv->dirty = FALSE;
  set_items (self, programme_id != 0
                     ? VP_TABLE_PAGE_GET_CLASS (self)->get_model (self, priv->store, programme_id)
                     : NULL);
  update_state (self);
  update_actions (self);
}

/* Loads when the page is shown: a hidden page costs nothing when another
 * programme is chosen. */
static void
ensure_loaded (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  if (priv->dirty)
    reload (self);
}

void
vp_table_page_refresh_items (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  guint n_items;

  g_return_if_fail (VP_IS_TABLE_PAGE (self));

  n_items = g_list_model_get_n_items (priv->items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->items, i);

      remove_entry (self, item);
      g_hash_table_insert (priv->entries, item, entry_new (self, item));
    }

  gtk_sorter_changed (gtk_sort_list_model_get_sorter (priv->sort_model),
                      GTK_SORTER_CHANGE_DIFFERENT);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (priv->rows));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpTableRow) row = g_list_model_get_item (G_LIST_MODEL (priv->rows), i);

      vp_table_row_changed (row);
    }
}

static void
programme_id_changed_cb (VpTablePage        *self,
                         GParamSpec         *pspec,
                         VpProgrammeContext *context)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  /* Another programme: start with its whole list, at the top. */
  if (priv->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (priv->editor));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (priv->selection));
  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->scrolled_window), 0);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    priv->dirty = TRUE;
}

/* Searching {{{1 */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  VpTablePage *self = user_data;
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  Entry *entry;

  if (priv->query == NULL)
    return TRUE;

  entry = lookup_entry (self, item);
  return entry != NULL && vp_people_matches (entry->search_key, priv->query);
}

static void
search_changed_cb (VpTablePage    *self,
                   GtkSearchEntry *search_entry)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autofree char *old_query = g_steal_pointer (&priv->query);
  g_autofree char *query = vp_people_fold (gtk_editable_get_text (GTK_EDITABLE (search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strstrip (query);
  if (*query != '\0')
    priv->query = g_steal_pointer (&query);

  if (g_strcmp0 (old_query, priv->query) == 0)
    return;

  /* Typing on narrows the list: only the items still shown are looked at. */
  if (old_query == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (priv->query == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (priv->query, old_query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old_query, priv->query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (priv->filter), change);
  update_state (self);
}

static void
search_activate_cb (VpTablePage    *self,
                    GtkSearchEntry *search_entry)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  /* Enter in the search goes to the results, ready for arrow keys. */
  if (g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
stop_search_cb (VpTablePage    *self,
                GtkSearchEntry *search_entry)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

/* Columns {{{1 */

typedef struct
{
  VpTablePage *page;
  guint        column;
} ColumnData;

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  ColumnData *data = user_data;
  Entry *entry_a = lookup_entry (data->page, (gpointer) a);
  Entry *entry_b = lookup_entry (data->page, (gpointer) b);
  int result;

  if (entry_a == NULL || entry_b == NULL)
    return (entry_a != NULL) - (entry_b != NULL);

  result = VP_TABLE_PAGE_GET_CLASS (data->page)->compare (data->page, data->column,
                                                          G_OBJECT (a), G_OBJECT (b));

  /* Ties in name order, so that the order never depends on the load. */
  if (result == 0)
    result = strcmp (entry_a->name_key, entry_b->name_key);
  if (result == 0)
    result = (entry_a->id > entry_b->id) - (entry_a->id < entry_b->id);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* A GtkInscription measures without its text, so a cell whose row shows
 * another item costs no new layout. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnData               *data)
{
  VpTablePageClass *klass = VP_TABLE_PAGE_GET_CLASS (data->page);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.0);
  if (klass->setup_cell != NULL)
    klass->setup_cell (data->page, data->column, GTK_INSCRIPTION (cell));

  gtk_list_item_set_child (list_item, cell);
  g_object_set_data (G_OBJECT (list_item), "vp-table-column", data);
}

static void
cell_update (GtkListItem *list_item,
             ColumnData  *data)
{
  VpTableRow *row = gtk_list_item_get_item (list_item);
  GObject *item = vp_table_row_get_item (row);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));

  if (item != NULL)
    VP_TABLE_PAGE_GET_CLASS (data->page)->bind_cell (data->page, data->column, item, cell);
  else
    gtk_inscription_set_text (cell, NULL);
}

static void
row_item_changed_cb (VpTableRow  *row,
                     GParamSpec  *pspec,
                     GtkListItem *list_item)
{
  cell_update (list_item, g_object_get_data (G_OBJECT (list_item), "vp-table-column"));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnData               *data)
{
  VpTableRow *row = gtk_list_item_get_item (list_item);

  g_signal_connect (row, "notify::item", G_CALLBACK (row_item_changed_cb), list_item);
  cell_update (list_item, data);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ColumnData               *data)
{
  VpTableRow *row = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (row, row_item_changed_cb, list_item);
}

/* The width of @text in @widget's font, bold as in the columns' titles or
 * not, in pixels. */
static int
text_width (GtkWidget  *widget,
            const char *text,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  if (bold)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The width a column starts from: the template's, or more where its title
 * in the window's language, or the longest of the texts it can show
 * (dup_column_values()), needs more: “Abschlussunterlagen”,
 * “Unterstützungsorganisation”. */
static int
base_width (VpTablePage         *self,
            guint                index,
            GtkColumnViewColumn *column)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  VpTablePageClass *klass = VP_TABLE_PAGE_GET_CLASS (self);
  GtkWidget *widget = GTK_WIDGET (priv->column_view);
  const char *title = gtk_column_view_column_get_title (column);
  int width = gtk_column_view_column_get_fixed_width (column);
  g_auto(GStrv) values = NULL;

  if (index == 0 || width <= 0)
    return width;

  if (title != NULL)
    width = MAX (width, text_width (widget, title, TRUE) + HEADER_PADDING);
  if (klass->dup_column_values != NULL)
    values = klass->dup_column_values (self, index);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    width = MAX (width, text_width (widget, values[i], FALSE) + CELL_PADDING);

  gtk_column_view_column_set_fixed_width (column, width);
  return width;
}

static void
setup_columns (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GListModel *columns = gtk_column_view_get_columns (priv->column_view);
  guint n_columns = g_list_model_get_n_items (columns);

  g_assert (VP_TABLE_PAGE_GET_CLASS (self)->n_columns == n_columns);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      ColumnData *data = g_new0 (ColumnData, 1);

      /* the width a growing column starts from */
      g_object_set_data (G_OBJECT (column), "vp-table-base-width",
                         GINT_TO_POINTER (base_width (self, i, column)));
      data->page = self;
      data->column = i;
      g_object_set_data_full (G_OBJECT (factory), "vp-table-column", data, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), data);
      gtk_column_view_column_set_factory (column, factory);

      sorter =
        GTK_SORTER (gtk_custom_sorter_new (sort_func, g_memdup2 (data, sizeof *data), g_free));
      gtk_column_view_column_set_sorter (column, sorter);
    }
}

/* The full text only where the cell had to cut it short; one handler for
 * the table rather than one per cell. */
static gboolean
query_tooltip_cb (VpTablePage   *self,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  GtkColumnView *column_view)
{
  GtkWidget *cell = gtk_widget_pick (GTK_WIDGET (column_view), x, y, GTK_PICK_DEFAULT);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t bounds;
  const char *text;
  int width;

  if (cell == NULL || keyboard_mode)
    return FALSE;
  if (!GTK_IS_INSCRIPTION (cell))
    cell = gtk_widget_get_first_child (cell);
  if (!GTK_IS_INSCRIPTION (cell))
    return FALSE;

  text = gtk_inscription_get_text (GTK_INSCRIPTION (cell));
  if (text == NULL || *text == '\0')
    return FALSE;

  layout = gtk_widget_create_pango_layout (cell, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (cell) ||
      !gtk_widget_compute_bounds (cell, GTK_WIDGET (column_view), &bounds))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              bounds.origin.x, bounds.origin.y,
                              bounds.size.width, bounds.size.height });
  return TRUE;
}

/* Narrow windows {{{1 */

static int
base_width_of (GtkColumnViewColumn *column)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "vp-table-base-width"));
}

static void
apply_layout (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  VpTablePageClass *klass = VP_TABLE_PAGE_GET_CLASS (self);
  GListModel *columns = gtk_column_view_get_columns (priv->column_view);
  g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
  int others = 0;
  int share = 0;
  guint n_growing = 1;
  g_autofree gboolean *visible = g_new0 (gboolean, klass->n_columns);

  for (guint i = 1; i < klass->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      visible[i] = klass->priorities[i] <= priv->layout;
      if (visible[i])
        others += base_width_of (column);
    }

  /* Where a language's longer words leave too little room, the least
   * important columns go, the last first, until the rest fit. */
  while (others + MIN_FIRST_COLUMN_WIDTH > priv->width)
    {
      guint last = 0;

      for (guint i = 1; i < klass->n_columns; i++)
        if (visible[i] && klass->priorities[i] > VP_TABLE_COLUMN_ALWAYS &&
            (last == 0 || klass->priorities[i] >= klass->priorities[last]))
          last = i;
      if (last == 0)
        break;

      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, last);

        visible[last] = FALSE;
        others -= base_width_of (column);
      }
    }

  for (guint i = 1; i < klass->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      gtk_column_view_column_set_visible (column, visible[i]);
      if (visible[i] && klass->growing != NULL && klass->growing[i])
        n_growing++;
    }

  /* The room beyond the columns' widths goes to the first and the growing
   * ones alike, so that a name does not take half the table while an
   * organisation is cut short. */
  if (n_growing > 1 && priv->width - others > MIN_FIRST_COLUMN_WIDTH)
    share = (priv->width - others - MIN_FIRST_COLUMN_WIDTH) / n_growing;
  for (guint i = 1; i < klass->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int base = base_width_of (column);

      if (gtk_column_view_column_get_visible (column) && klass->growing != NULL &&
          klass->growing[i])
        {
          gtk_column_view_column_set_fixed_width (column, base + share);
          others += share;
        }
      else if (klass->growing != NULL && klass->growing[i])
        gtk_column_view_column_set_fixed_width (column, base);
    }

  /* The first column takes the room the others leave: GTK 4.8 gives an
   * expanding column no more than its minimum once others have been hidden. */
  gtk_column_view_column_set_fixed_width (first,
                                          MAX (MIN_FIRST_COLUMN_WIDTH, priv->width - others));
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  VpTablePage *self = user_data;
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  priv->layout_source = 0;
  apply_layout (self);

  return G_SOURCE_REMOVE;
}

/* The table's width is the width its scrolled window shows. */
static void
width_changed_cb (VpTablePage   *self,
                  GtkAdjustment *adjustment)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  double width = gtk_adjustment_get_page_size (adjustment);
  VpTableColumnPriority layout = width < NARROW_WIDTH   ? VP_TABLE_COLUMN_ALWAYS
                                 : width < MEDIUM_WIDTH ? VP_TABLE_COLUMN_MEDIUM
                                                        : VP_TABLE_COLUMN_WIDE;


  if (width <= 0 || ((int) width == priv->width && layout == priv->layout))
    return;

  /* Columns change between frames, not while this one is laid out. */
  priv->layout = layout;
  priv->width = (int) width;
  if (priv->layout_source == 0)
    priv->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
}

/* Editing {{{1 */

static void delete_items (VpTablePage  *self,
                          GPtrArray    *items);

static void
editor_delete_requested_cb (VpTablePage    *self,
                            VpPeopleEditor *editor)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, g_object_ref (vp_people_editor_get_item (editor)));
  gtk_window_destroy (GTK_WINDOW (editor));
  delete_items (self, items);
}

static gboolean show_match (VpTablePage      *self,
                            VpTableMatchFunc  func,
                            gconstpointer     data,
                            gboolean          edit);

static gboolean
has_id (GObject       *item,
        gconstpointer  data)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id == *(const gint64 *) data;
}

/* A new item added and its dialog closed: the new row is selected. */
static void
editor_added_cb (VpTablePage    *self,
                 GObject        *item,
                 VpPeopleEditor *editor)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  show_match (self, has_id, &id, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
open_editor (VpTablePage *self,
             GObject     *item)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (vp_table_page_get_programme_id (self) == 0)
    return;

  if (priv->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (priv->editor));

  priv->editor = VP_TABLE_PAGE_GET_CLASS (self)->create_editor (self, item);
  g_object_add_weak_pointer (G_OBJECT (priv->editor), (gpointer *) &priv->editor);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (priv->editor), GTK_WINDOW (root));
  g_signal_connect_object (priv->editor, "delete-requested",
                           G_CALLBACK (editor_delete_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->editor, "added", G_CALLBACK (editor_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (priv->editor));
}

static void
row_activated_cb (VpTablePage   *self,
                  guint          position,
                  GtkColumnView *column_view)
{
  GObject *item = vp_table_page_get_item (self, position);

  if (item != NULL)
    open_editor (self, item);
}

static void
delete_items_now (VpTablePage *self,
                  GPtrArray   *items)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(VpSnapshot) before = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gint64 loaded_at;
  guint entry;

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = 0;

      g_object_get (g_ptr_array_index (items, i), "id", &id, NULL);
      if (id != 0)
        g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return;

  loaded_at = vp_store_get_change_count (priv->store);
  before = vp_store_load_snapshot (priv->store, vp_table_page_get_programme_id (self), &error);
  if (before == NULL ||
      !VP_TABLE_PAGE_GET_CLASS (self)->delete_items (self, (const gint64 *) ids->data, ids->len,
                                                     &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot delete: %s"), error->message);

      show_error (self, message);
      return;
    }

  if (ids->len == 1)
    g_object_get (g_ptr_array_index (items, 0), "name", &name, NULL);
  if (name != NULL)
    /* Translators: in a toast, with an Undo button. */
    title = g_strdup_printf (_("“%s” deleted"), name);
  else
    title = VP_TABLE_PAGE_GET_CLASS (self)->dup_deleted_title (self, ids->len);

  entry = vp_history_record (vp_programme_context_get_history (priv->context),
                             VP_TABLE_PAGE_GET_CLASS (self)->get_delete_label (self, ids->len),
                             vp_table_page_get_programme_id (self), before, loaded_at);
  vp_undo_offer (GTK_WIDGET (self), vp_programme_context_get_history (priv->context), entry,
                 title);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    VpTablePage      *self)
{
  if (g_str_equal (response, "delete"))
    delete_items_now (self, g_object_get_data (G_OBJECT (dialog), "vp-items"));
}

/* Deletes @items, asking first when the subclass has something to say:
 * what else goes with them. */
static void
delete_items (VpTablePage *self,
              GPtrArray   *items)
{
  VpTablePageClass *klass = VP_TABLE_PAGE_GET_CLASS (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (klass->ask_delete == NULL || !klass->ask_delete (self, items, &heading, &body))
    {
      delete_items_now (self, items);
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vp-items", g_ptr_array_ref (items),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (VP_TABLE_PAGE (widget), NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpTablePage *self = VP_TABLE_PAGE (widget);
  g_autoptr(GPtrArray) items = dup_selected_items (self);

  if (items != NULL)
    delete_items (self, items);
}

/* Delete (no modifier) on the table deletes its selected rows; in a text
 * field it deletes text. */
static gboolean
delete_key_pressed_cb (VpTablePage     *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *action = NULL;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (focus == NULL || GTK_IS_EDITABLE (focus) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return FALSE;

  action = g_strconcat (VP_TABLE_PAGE_GET_CLASS (self)->action_prefix, ".delete", NULL);
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpTablePage *self = VP_TABLE_PAGE (widget);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
selection_changed_cb (VpTablePage       *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  update_actions (self);
}

/* GObject {{{1 */

static void
vp_table_page_map (GtkWidget *widget)
{
  ensure_loaded (VP_TABLE_PAGE (widget));

  GTK_WIDGET_CLASS (vp_table_page_parent_class)->map (widget);
}

static void
vp_table_page_constructed (GObject *object)
{
  VpTablePage *self = VP_TABLE_PAGE (object);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(GtkColumnViewColumn) first = NULL;

  G_OBJECT_CLASS (vp_table_page_parent_class)->constructed (object);

  /* The subclass's template has added the columns by now. */
  setup_columns (self);
  first = g_list_model_get_item (gtk_column_view_get_columns (priv->column_view), 0);
  gtk_column_view_sort_by_column (priv->column_view, first, GTK_SORT_ASCENDING);

  g_assert (VP_IS_PROGRAMME_CONTEXT (priv->context));
  priv->store = g_object_ref (vp_programme_context_get_store (priv->context));
  g_signal_connect_object (priv->context, "notify::programme-id",
                           G_CALLBACK (programme_id_changed_cb), self, G_CONNECT_SWAPPED);
  /* Loaded when first shown. */
  priv->dirty = vp_table_page_get_programme_id (self) != 0;

  update_state (self);
  update_actions (self);
}

static void
vp_table_page_dispose (GObject *object)
{
  VpTablePage *self = VP_TABLE_PAGE (object);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  g_clear_handle_id (&priv->layout_source, g_source_remove);
  if (priv->items != NULL)
    g_signal_handlers_disconnect_by_func (priv->items, items_changed_cb, self);
  /* The column view goes after this, and its columns' sorters with it:
   * the models must not call back into a page that is half gone. */
  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  if (priv->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (priv->filter_model, self);
  if (priv->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (priv->editor));

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_TABLE_PAGE);

  g_clear_object (&priv->selection);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->filter_model);
  g_clear_object (&priv->filter);
  g_clear_object (&priv->sort_model);
  g_clear_object (&priv->items);
  g_clear_object (&priv->no_items);
  g_clear_object (&priv->store);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (vp_table_page_parent_class)->dispose (object);
}

static void
vp_table_page_finalize (GObject *object)
{
  VpTablePage *self = VP_TABLE_PAGE (object);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, priv->entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    entry_free (entry, VP_TABLE_PAGE_GET_CLASS (self)->free_item_data);
  g_clear_pointer (&priv->entries, g_hash_table_unref);
  g_clear_pointer (&priv->query, g_free);

  G_OBJECT_CLASS (vp_table_page_parent_class)->finalize (object);
}

static void
vp_table_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VpTablePage *self = VP_TABLE_PAGE (object);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_table_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VpTablePage *self = VP_TABLE_PAGE (object);
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_table_page_class_init (VpTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vp_table_page_constructed;
  object_class->dispose = vp_table_page_dispose;
  object_class->finalize = vp_table_page_finalize;
  object_class->get_property = vp_table_page_get_property;
  object_class->set_property = vp_table_page_set_property;

  widget_class->map = vp_table_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         VP_TYPE_PROGRAMME_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-table-page.ui");
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage, search_entry);
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage, add_button);
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage, delete_button);
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage, column_view);
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage, empty_page);
  gtk_widget_class_bind_template_child_internal_private (widget_class, VpTablePage,
                                                         no_results_page);
  gtk_widget_class_bind_template_child_private (widget_class, VpTablePage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, VpTablePage, scrolled_window);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
}

static void
vp_table_page_init (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  priv->entries = g_hash_table_new (NULL, NULL);
  priv->layout = VP_TABLE_COLUMN_WIDE;

  priv->no_items = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
  priv->items = g_object_ref (priv->no_items);
  /* Sorted, then searched: typing changes only the search, and GTK 4.8's
   * sort model is slow to take out many items at once. */
  priv->sort_model =
    gtk_sort_list_model_new (g_object_ref (priv->items),
                             g_object_ref (gtk_column_view_get_sorter (priv->column_view)));
  priv->filter = gtk_custom_filter_new (filter_func, self, NULL);
  priv->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (priv->sort_model)),
                                                  g_object_ref (GTK_FILTER (priv->filter)));
  /* Two thousand items filter in well under a millisecond: all at once
   * reads better than a list that fills in, and costs one change. */
  gtk_filter_list_model_set_incremental (priv->filter_model, FALSE);
  priv->rows = g_list_store_new (VP_TYPE_TABLE_ROW);
  priv->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (priv->rows)));
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));

  g_signal_connect_object (priv->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (priv->search_entry, GTK_WIDGET (self));
  /* Typing in the table goes to the search; Delete there would too, and
   * do nothing: it is the delete action's key, seen before the search. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (delete_key_pressed_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (priv->scrolled_window), "changed",
                           G_CALLBACK (width_changed_cb), self, G_CONNECT_SWAPPED);
}

/* For subclasses {{{1 */

void
vp_table_page_class_install_actions (VpTablePageClass *klass,
                                     const char       *prefix)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *add = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *search = NULL;

  g_return_if_fail (VP_IS_TABLE_PAGE_CLASS (klass));
  g_return_if_fail (prefix != NULL);

  klass->action_prefix = g_strdup (prefix);
  add = g_strconcat (prefix, ".add", NULL);
  delete = g_strconcat (prefix, ".delete", NULL);
  search = g_strconcat (prefix, ".search", NULL);

  gtk_widget_class_install_action (widget_class, add, NULL, add_action);
  gtk_widget_class_install_action (widget_class, delete, NULL, delete_action);
  gtk_widget_class_install_action (widget_class, search, NULL, search_action);

  /* the last binding of an action is the one GTK shows beside it (in a
   * menu): Delete, not “KP Delete” */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, delete, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, delete, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       search, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       add, NULL);
}

void
vp_table_page_class_set_growing (VpTablePageClass *klass,
                                 const gboolean   *growing)
{
  g_return_if_fail (VP_IS_TABLE_PAGE_CLASS (klass));
  g_return_if_fail (klass->n_columns > 0);

  klass->growing = growing;
}

void
vp_table_page_class_set_priorities (VpTablePageClass            *klass,
                                    const VpTableColumnPriority *priorities,
                                    guint                        n_columns)
{
  g_return_if_fail (VP_IS_TABLE_PAGE_CLASS (klass));
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (priorities[0] == VP_TABLE_COLUMN_ALWAYS);

  klass->priorities = priorities;
  klass->n_columns = n_columns;
}

/* Public {{{1 */

VpStore *
vp_table_page_get_store (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), NULL);

  return priv->store;
}

gint64
vp_table_page_get_programme_id (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), 0);

  /* No context before construction ends, nor after dispose. */
  return priv->context != NULL ? vp_programme_context_get_programme_id (priv->context) : 0;
}

VpProgrammeContext *
vp_table_page_get_context (VpTablePage *self)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);

  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), NULL);

  return priv->context;
}

GObject *
vp_table_page_get_item (VpTablePage *self,
                        guint        position)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  g_autoptr(VpTableRow) row = NULL;

  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (priv->rows), position);
  return row != NULL ? vp_table_row_get_item (row) : NULL;
}

gpointer
vp_table_page_get_item_data (VpTablePage *self,
                             GObject     *item)
{
  Entry *entry;

  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), NULL);

  entry = lookup_entry (self, item);
  return entry != NULL ? entry->data : NULL;
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

static gboolean
is_item (VpTablePage *self,
         GObject     *item,
         gpointer     data)
{
  return item == data;
}

GPtrArray *
vp_table_page_dup_selected_items (VpTablePage *self)
{
  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), NULL);

  return dup_selected_items (self);
}

gboolean
vp_table_page_show_first_match (VpTablePage      *self,
                                VpTableMatchFunc  func,
                                gconstpointer     data)
{
  g_return_val_if_fail (VP_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return show_match (self, func, data, TRUE);
}

/* Selects the first item @func accepts, and opens its editor when @edit. */
static gboolean
show_match (VpTablePage      *self,
            VpTableMatchFunc  func,
            gconstpointer     data,
            gboolean          edit)
{
  VpTablePagePrivate *priv = vp_table_page_get_instance_private (self);
  GListModel *model;
  guint n_items;

  ensure_loaded (self);

  /* It may be hidden by the search. */
  model = priv->items;
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!func (item, data))
        continue;

      if (!filter_func (item, self))
        gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
      /* search-changed waits a moment: search now. */
      search_changed_cb (self, priv->search_entry);

      model = G_LIST_MODEL (priv->filter_model);
      n_items = g_list_model_get_n_items (model);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(GObject) shown = g_list_model_get_item (model, j);

          if (shown == item)
            {
              select_items (self, is_item, item);
              scroll_to (priv->column_view, j);
              break;
            }
        }

      if (edit)
        open_editor (self, item);
      return TRUE;
    }

  return FALSE;
}

#define MAX_NAMES 5

char *
vp_table_page_join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (names->len, MAX_NAMES);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list, “Lab tour, Welcome” */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }
  if (names->len > shown)
    /* Translators: after the first names of a list, “Lab tour, Welcome and 3 more” */
    g_string_append_printf (text, ngettext (" and %u more", " and %u more", names->len - shown),
                            names->len - shown);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
vp_table_page_items_have_ref (GPtrArray  *items,
                              const char *ref)
{
  if (ref == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *item_ref = NULL;

      g_object_get (g_ptr_array_index (items, i), "ref", &item_ref, NULL);
      if (g_strcmp0 (item_ref, ref) == 0)
        return TRUE;
    }

  return FALSE;
}

/* vp-table-page.h: a programme's people in a sortable, searchable table, as the participants and
 * hosts pages show them. */
#pragma once

#include <adwaita.h>

#include "vp-people-editor.h"
#include "vp-programme-context.h"

G_BEGIN_DECLS

#define VP_TYPE_TABLE_PAGE (vp_table_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (VpTablePage, vp_table_page, VP, TABLE_PAGE, AdwBin)

/* How much room a column needs before it is shown: narrow windows keep the
 * first column (which takes the room the others leave) and those ALWAYS. */
typedef enum
{
  VP_TABLE_COLUMN_ALWAYS,
  VP_TABLE_COLUMN_MEDIUM,
  VP_TABLE_COLUMN_WIDE,
} VpTableColumnPriority;

/* A subclass's template fills in the internal children "search_entry",
 * "add_button", "delete_button", "column_view" (with its columns, numbered
 * in the order they are listed), "empty_page" and "no_results_page".  The
 * items are objects with the “id” (gint64) and “name” (string) properties
 * of VpParticipant and VpHost. */
/* Whether @item is the one vp_table_page_show_first_match() looks for. */
typedef gboolean (*VpTableMatchFunc) (GObject       *item,
                                      gconstpointer  data);

struct _VpTablePageClass
{
  AdwBinClass      parent_class;

  /* The store's live model of the items to list (transfer none). */
  GListModel     *(*get_model)         (VpTablePage  *self,
                                        VpStore      *store,
                                        gint64        programme_id);
  /* What the cells show or sort by that costs something to work out, once
   * per item and each time it changes: vp_table_page_get_item_data() gives
   * it back, free_item_data frees it.  Optional. */
  gpointer        (*prepare_item)      (VpTablePage  *self,
                                        GObject      *item);
  GDestroyNotify    free_item_data;
  /* The text a search looks in, folded once per item and change. */
  char           *(*dup_search_text)   (VpTablePage  *self,
                                        GObject      *item);
  /* A cell of @column: set up once per cell (optional), then bound to
   * whichever item its row shows. */
  void            (*setup_cell)        (VpTablePage    *self,
                                        guint           column,
                                        GtkInscription *cell);
  void            (*bind_cell)         (VpTablePage    *self,
                                        guint           column,
                                        GObject        *item,
                                        GtkInscription *cell);
  /* Sorting by @column; ties go by name, then by id. */
  int             (*compare)           (VpTablePage  *self,
                                        guint         column,
                                        GObject      *a,
                                        GObject      *b);
  gboolean        (*delete_items)      (VpTablePage  *self,
                                        const gint64 *ids,
                                        guint         n_ids,
                                        GError      **error);
  /* The toast's title when @n_items items without one name to give have
   * been deleted: “3 participants deleted”. */
  char           *(*dup_deleted_title) (VpTablePage  *self,
                                        guint         n_items);
  /* An editor for @item, or for a new item when it is NULL. */
  VpPeopleEditor *(*create_editor)     (VpTablePage  *self,
                                        GObject      *item);
  /* What to ask before deleting @items (a heading and a body, both
   * translated), or FALSE to delete them without asking: for deletions
   * that take more than the items with them.  Optional. */
  gboolean        (*ask_delete)        (VpTablePage  *self,
                                        GPtrArray    *items,
                                        char        **heading,
                                        char        **body);
  /* The name of the deletion of @n_items in the undo history, as in
   * “Undo Delete Host” (translated, static). */
  const char     *(*get_delete_label)  (VpTablePage  *self,
                                        guint         n_items);

  /* Every text @column can show, where they are few (kinds, roles): the
   * column is made wide enough for the longest, in the window's language.
   * Optional; NULL for a column of free text. */
  GStrv           (*dup_column_values) (VpTablePage  *self,
                                        guint         column);

  /*< private >*/
  char                        *action_prefix;
  const VpTableColumnPriority *priorities;
  guint                        n_columns;
  const gboolean              *growing;
};

/* For subclasses' class_init: the actions PREFIX.add, PREFIX.delete and
 * PREFIX.search with their shortcuts (Ctrl+Shift+N, Delete, Ctrl+Shift+F),
 * and each column's priority, indexed as the template lists them. */
void      vp_table_page_class_install_actions   (VpTablePageClass            *klass,
                                                 const char                  *prefix);
void      vp_table_page_class_set_priorities    (VpTablePageClass            *klass,
                                                 const VpTableColumnPriority *priorities,
                                                 guint                        n_columns);
/* Which columns (indexed as the priorities) share the room the table has
 * beyond every shown column's width with the first, which takes it all
 * otherwise: text that runs long, like an organisation's name.  Optional;
 * after vp_table_page_class_set_priorities(). */
void      vp_table_page_class_set_growing       (VpTablePageClass            *klass,
                                                 const gboolean              *growing);

/* The page's "context" (construct-only property), its store and its
 * programme's id (0 for none). */
VpProgrammeContext *vp_table_page_get_context   (VpTablePage                 *self);
VpStore  *vp_table_page_get_store               (VpTablePage                 *self);
gint64    vp_table_page_get_programme_id        (VpTablePage                 *self);
/* The item shown at @position (where the selection model has a
 * VpTableRow), or NULL. */
GObject  *vp_table_page_get_item                (VpTablePage                 *self,
                                                 guint                        position);
/* Makes what prepare_item() made for every item again, and shows it: for a
 * subclass whose cells show more than the item (the hosts' sessions). */
void      vp_table_page_refresh_items           (VpTablePage                 *self);
/* What prepare_item() made for @item. */
gpointer  vp_table_page_get_item_data           (VpTablePage                 *self,
                                                 GObject                     *item);
/* The items selected and shown (GObject, referenced), or NULL when a
 * search hides the rows. */
GPtrArray *vp_table_page_dup_selected_items     (VpTablePage                 *self);
/* Selects the first item that @func accepts, even when the search hides
 * it, scrolls to it and opens its editor.  FALSE when none does. */
gboolean  vp_table_page_show_first_match        (VpTablePage                 *self,
                                                 VpTableMatchFunc             func,
                                                 gconstpointer                data);

/* For ask_delete(): @names (char *, in the order to show), as the body of
 * the question names what uses the items: “Lab tour, Welcome”, or the
 * first five and “and 3 more”.  Translated. */
char     *vp_table_page_join_names              (GPtrArray                   *names);
/* For ask_delete(): whether @ref is the ref (“ref” property) of one of @items. */
gboolean  vp_table_page_items_have_ref          (GPtrArray                   *items,
                                                 const char                  *ref);

G_END_DECLS

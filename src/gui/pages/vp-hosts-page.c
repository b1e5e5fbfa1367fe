/* vp-hosts-page.c: a programme's hosts in a sortable, searchable table. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-host-editor.h"
#include "vp-hosts-page.h"
#include "vp-people-fields.h"

/* The columns, in the order of the template. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_CITY,
  COLUMN_CONTACT,
  COLUMN_MAX_GROUP,
  COLUMN_SESSIONS,
  COLUMN_POSITION,
  N_COLUMNS
} Column;

static const VpTableColumnPriority priorities[N_COLUMNS] = {
  [COLUMN_NAME] = VP_TABLE_COLUMN_ALWAYS,
  [COLUMN_KIND] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_CITY] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_CONTACT] = VP_TABLE_COLUMN_WIDE,
  [COLUMN_MAX_GROUP] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_SESSIONS] = VP_TABLE_COLUMN_ALWAYS,
  [COLUMN_POSITION] = VP_TABLE_COLUMN_WIDE,
};

/* What runs long besides the name: the contact (a city fits its column). */
static const gboolean growing[N_COLUMNS] = {
  [COLUMN_CONTACT] = TRUE,
};

/* What the table shows and sorts by that takes some working out. */
typedef struct
{
  char  *city_key;
  char  *contact_key;
  guint  n_sessions;
  char  *n_sessions_text;
  char  *max_group_text;
  char  *position;
} Row;

struct _VpHostsPage
{
  VpTablePage  parent_instance;

  /* Host ref → number of sessions, while a load prepares its rows */
  GHashTable  *sessions_per_host;
  /* Session (a reference) → the ref of its host as counted, or NULL */
  GHashTable  *host_of_session;
  GListModel  *sessions;           /* the store's live model, for the counts */
};

G_DEFINE_FINAL_TYPE (VpHostsPage, vp_hosts_page, VP_TYPE_TABLE_PAGE)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->city_key);
  g_free (row->contact_key);
  g_free (row->n_sessions_text);
  g_free (row->max_group_text);
  g_free (row->position);
  g_free (row);
}

static const char *
get_contact (VpHost *host)
{
  return vp_host_get_contact_name (host) ? vp_host_get_contact_name (host)
                                         : vp_host_get_contact_email (host);
}

/* VpTablePage {{{1 */

/* How many sessions each host has: ref → count; and into @host_of, each
 * session's host. */
static GHashTable *
count_sessions (GListModel *sessions,
                GHashTable *host_of)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items = g_list_model_get_n_items (sessions);

  g_hash_table_remove_all (host_of);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);
      const char *ref = vp_session_get_host_ref (session);
      guint n_sessions;

      g_hash_table_insert (host_of, g_object_ref (session), g_strdup (ref));
      if (ref == NULL)
        continue;

      n_sessions = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ref));
      g_hash_table_insert (counts, g_strdup (ref), GUINT_TO_POINTER (n_sessions + 1));
    }

  return counts;
}

static gboolean
same_counts (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL || g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;

  return TRUE;
}

/* A session added, moved to another host or removed changes the counts;
 * one edited in place with the same host (its title, its times) does not,
 * and is not counted again with all the others. */
static void
sessions_changed_cb (VpHostsPage *self,
                     guint        position,
                     guint        removed,
                     guint        added,
                     GListModel  *sessions)
{
  g_autoptr(GHashTable) counts = NULL;

  if (removed == 1 && added == 1)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, position);
      gpointer counted;

      if (g_hash_table_lookup_extended (self->host_of_session, session, NULL, &counted) &&
          g_strcmp0 (counted, vp_session_get_host_ref (session)) == 0)
        return;
    }

  counts = count_sessions (sessions, self->host_of_session);

  if (same_counts (counts, self->sessions_per_host))
    return;

  g_clear_pointer (&self->sessions_per_host, g_hash_table_unref);
  self->sessions_per_host = g_steal_pointer (&counts);
  vp_table_page_refresh_items (VP_TABLE_PAGE (self));
}

/* VpTablePage {{{1 */

static GListModel *
vp_hosts_page_get_model (VpTablePage *page,
                         VpStore     *store,
                         gint64       programme_id)
{
  VpHostsPage *self = VP_HOSTS_PAGE (page);
  GListModel *sessions = vp_store_get_sessions (store, programme_id);

  if (sessions != self->sessions)
    {
      if (self->sessions != NULL)
        g_signal_handlers_disconnect_by_func (self->sessions, sessions_changed_cb, self);
      g_set_object (&self->sessions, sessions);
      g_signal_connect_object (sessions, "items-changed", G_CALLBACK (sessions_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->sessions_per_host, g_hash_table_unref);
  self->sessions_per_host = count_sessions (sessions, self->host_of_session);

  return vp_store_get_hosts (store, programme_id);
}

static gpointer
vp_hosts_page_prepare_item (VpTablePage *page,
                            GObject     *item)
{
  VpHostsPage *self = VP_HOSTS_PAGE (page);
  VpHost *host = VP_HOST (item);
  const char *ref = vp_host_get_ref (host);
  Row *row = g_new0 (Row, 1);

  row->city_key = vp_people_collate_key (vp_host_get_city (host));
  row->contact_key = vp_people_collate_key (get_contact (host));
  if (ref != NULL && self->sessions_per_host != NULL)
    row->n_sessions = GPOINTER_TO_UINT (g_hash_table_lookup (self->sessions_per_host, ref));
  row->n_sessions_text = g_strdup_printf ("%u", row->n_sessions);
  if (vp_host_get_max_group_size (host) > 0)
    row->max_group_text = g_strdup_printf ("%d", vp_host_get_max_group_size (host));

  if (vp_host_has_position (host))
    /* Translators: a map position, latitude and longitude in degrees. */
    row->position = g_strdup_printf (_("%.4f, %.4f"), vp_host_get_latitude (host),
                                     vp_host_get_longitude (host));

  return row;
}

static char *
vp_hosts_page_dup_search_text (VpTablePage *page,
                               GObject     *item)
{
  VpHost *host = VP_HOST (item);
  const char *country = vp_host_get_country (host);

  return g_strjoin ("\n",
                    vp_host_get_name (host) ?: "",
                    vp_people_host_kind_name (vp_host_get_kind (host)),
                    vp_host_get_city (host) ?: "",
                    vp_host_get_contact_name (host) ?: "",
                    vp_host_get_contact_email (host) ?: "",
                    country ? vp_people_country_display (country) : "",
                    NULL);
}

static void
vp_hosts_page_setup_cell (VpTablePage    *page,
                          guint           column,
                          GtkInscription *cell)
{
  if (column == COLUMN_MAX_GROUP || column == COLUMN_SESSIONS || column == COLUMN_POSITION)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
  /* Counts line up on their last digit. */
  if (column == COLUMN_MAX_GROUP || column == COLUMN_SESSIONS)
    gtk_inscription_set_xalign (cell, 1.0);
}

static void
vp_hosts_page_bind_cell (VpTablePage    *page,
                         guint           column,
                         GObject        *item,
                         GtkInscription *cell)
{
  VpHost *host = VP_HOST (item);
  Row *row = vp_table_page_get_item_data (page, item);
  const char *text = NULL;

  switch ((Column) column)
    {
    case COLUMN_NAME:
      text = vp_host_get_name (host);
      break;
    case COLUMN_KIND:
      text = vp_people_host_kind_name (vp_host_get_kind (host));
      break;
    case COLUMN_CITY:
      text = vp_host_get_city (host);
      break;
    case COLUMN_CONTACT:
      text = get_contact (host);
      break;
    case COLUMN_MAX_GROUP:
      text = row ? row->max_group_text : NULL;
      break;
    case COLUMN_SESSIONS:
      text = row ? row->n_sessions_text : NULL;
      break;
    case COLUMN_POSITION:
      text = row && row->position ? row->position : _("Not set");
      if (row && row->position)
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (cell, text);
}

static int
vp_hosts_page_compare (VpTablePage *page,
                       guint        column,
                       GObject     *a,
                       GObject     *b)
{
  VpHost *host_a = VP_HOST (a);
  VpHost *host_b = VP_HOST (b);
  Row *row_a = vp_table_page_get_item_data (page, a);
  Row *row_b = vp_table_page_get_item_data (page, b);

  switch ((Column) column)
    {
    case COLUMN_NAME:
      return 0;
    case COLUMN_KIND:
      {
        VpHostKind kind_a = vp_host_get_kind (host_a);
        VpHostKind kind_b = vp_host_get_kind (host_b);

        if (kind_a == VP_HOST_KIND_UNSET || kind_b == VP_HOST_KIND_UNSET)
          return (kind_a == VP_HOST_KIND_UNSET) - (kind_b == VP_HOST_KIND_UNSET);
        return g_utf8_collate (vp_people_host_kind_name (kind_a),
                               vp_people_host_kind_name (kind_b));
      }
    case COLUMN_CITY:
      return strcmp (row_a->city_key, row_b->city_key);
    case COLUMN_CONTACT:
      return strcmp (row_a->contact_key, row_b->contact_key);
    case COLUMN_MAX_GROUP:
      {
        /* No limit given sorts after every limit. */
        guint size_a = (guint) vp_host_get_max_group_size (host_a) - 1;
        guint size_b = (guint) vp_host_get_max_group_size (host_b) - 1;

        return (size_a > size_b) - (size_a < size_b);
      }
    case COLUMN_SESSIONS:
      return (row_a->n_sessions > row_b->n_sessions) - (row_a->n_sessions < row_b->n_sessions);
    case COLUMN_POSITION:
      /* Those without a position first: they are what one looks for. */
      return (row_a->position != NULL) - (row_b->position != NULL);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
vp_hosts_page_delete_items (VpTablePage   *page,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  return vp_store_delete_hosts (vp_table_page_get_store (page),
                                vp_table_page_get_programme_id (page),
                                ids, n_ids, error);
}

/* Deleting a host leaves its sessions without one: say which. */
static gboolean
vp_hosts_page_ask_delete (VpTablePage  *page,
                          GPtrArray    *items,
                          char        **heading,
                          char        **body)
{
  GListModel *sessions = vp_store_get_sessions (vp_table_page_get_store (page),
                                                vp_table_page_get_programme_id (page));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (sessions); i < n; i++)
    {
      g_autoptr(VpSession) session = g_list_model_get_item (sessions, i);

      if (vp_table_page_items_have_ref (items, vp_session_get_host_ref (session)))
        g_ptr_array_add (names, g_strdup (vp_session_get_title (session)));
    }
  if (names->len == 0)
    return FALSE;

  list = vp_table_page_join_names (names);
  if (items->len == 1)
    *heading = g_strdup_printf (_("Delete “%s”?"),
                                vp_host_get_name (g_ptr_array_index (items, 0)));
  else
    *heading = g_strdup_printf (ngettext ("Delete %u Host?", "Delete %u Hosts?", items->len),
                                items->len);
  /* Translators: the body of the question before deleting hosts; %s names
   * the sessions. */
  *body = g_strdup_printf (ngettext ("Used by %u session: %s. It will have no host.",
                                     "Used by %u sessions: %s. They will have no host.",
                                     names->len), names->len, list);
  return TRUE;
}

static char *
vp_hosts_page_dup_deleted_title (VpTablePage *page,
                                 guint        n_items)
{
  /* Translators: in a toast, with an Undo button. */
  return g_strdup_printf (ngettext ("%u host deleted", "%u hosts deleted", n_items), n_items);
}

static const char *
vp_hosts_page_get_delete_label (VpTablePage *page,
                                guint        n_items)
{
  /* Translators: the name of a change, as in “Undo Delete Host”. */
  return n_items == 1 ? _("Delete Host") : _("Delete Hosts");
}

static VpPeopleEditor *
vp_hosts_page_create_editor (VpTablePage *page,
                             GObject     *item)
{
  return VP_PEOPLE_EDITOR (vp_host_editor_new (vp_table_page_get_store (page),
                                               vp_table_page_get_programme_id (page),
                                               item ? VP_HOST (item) : NULL));
}

/* GObject {{{1 */

static void
vp_hosts_page_finalize (GObject *object)
{
  VpHostsPage *self = VP_HOSTS_PAGE (object);

  g_clear_pointer (&self->sessions_per_host, g_hash_table_unref);
  g_clear_pointer (&self->host_of_session, g_hash_table_unref);
  g_clear_object (&self->sessions);

  G_OBJECT_CLASS (vp_hosts_page_parent_class)->finalize (object);
}

/* Every text of the kinds of host: the column fits the longest. */
static GStrv
vp_hosts_page_dup_column_values (VpTablePage *page,
                                 guint        column)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (column != COLUMN_KIND)
    return NULL;

  builder = g_strv_builder_new ();
  for (VpHostKind value = VP_HOST_KIND_COMPANY; value <= VP_HOST_KIND_OTHER; value++)
    g_strv_builder_add (builder, vp_people_host_kind_name (value));
  return g_strv_builder_end (builder);
}

static void
vp_hosts_page_class_init (VpHostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpTablePageClass *page_class = VP_TABLE_PAGE_CLASS (klass);

  object_class->finalize = vp_hosts_page_finalize;

  page_class->get_model = vp_hosts_page_get_model;
  page_class->prepare_item = vp_hosts_page_prepare_item;
  page_class->free_item_data = row_free;
  page_class->dup_search_text = vp_hosts_page_dup_search_text;
  page_class->setup_cell = vp_hosts_page_setup_cell;
  page_class->bind_cell = vp_hosts_page_bind_cell;
  page_class->compare = vp_hosts_page_compare;
  page_class->dup_column_values = vp_hosts_page_dup_column_values;
  page_class->delete_items = vp_hosts_page_delete_items;
  page_class->dup_deleted_title = vp_hosts_page_dup_deleted_title;
  page_class->get_delete_label = vp_hosts_page_get_delete_label;
  page_class->ask_delete = vp_hosts_page_ask_delete;
  page_class->create_editor = vp_hosts_page_create_editor;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-hosts-page.ui");
  vp_table_page_class_install_actions (page_class, "hosts");
  vp_table_page_class_set_priorities (page_class, priorities, N_COLUMNS);
  vp_table_page_class_set_growing (page_class, growing);
}

static void
vp_hosts_page_init (VpHostsPage *self)
{
  self->host_of_session = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public {{{1 */

GtkWidget *
vp_hosts_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_HOSTS_PAGE, "context", context, NULL);
}

static gboolean
has_ref (GObject       *item,
         gconstpointer  data)
{
  return g_strcmp0 (vp_host_get_ref (VP_HOST (item)), data) == 0;
}

gboolean
vp_hosts_page_show_host (VpHostsPage *self,
                         const char  *ref)
{
  g_return_val_if_fail (VP_IS_HOSTS_PAGE (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  return vp_table_page_show_first_match (VP_TABLE_PAGE (self), has_ref, ref);
}

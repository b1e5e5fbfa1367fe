/* vp-organisations-page.c: a programme's visiting organisations in a sortable, searchable table. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vp-cxc.h"
#include "vp-evidence.h"
#include "vp-format.h"
#include "vp-labels.h"
#include "vp-organisation-editor.h"
#include "vp-organisations-page.h"
#include "vp-people-fields.h"
#include "vp-time.h"

/* The columns, in the order of the template. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_COUNTRY,
  COLUMN_CITY,
  COLUMN_PEOPLE,
  COLUMN_BUDGET,
  COLUMN_EVIDENCE,
  N_COLUMNS
} Column;

static const VpTableColumnPriority priorities[N_COLUMNS] = {
  [COLUMN_NAME] = VP_TABLE_COLUMN_ALWAYS,
  [COLUMN_KIND] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_COUNTRY] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_CITY] = VP_TABLE_COLUMN_WIDE,
  [COLUMN_PEOPLE] = VP_TABLE_COLUMN_ALWAYS,
  [COLUMN_BUDGET] = VP_TABLE_COLUMN_MEDIUM,
  [COLUMN_EVIDENCE] = VP_TABLE_COLUMN_MEDIUM,
};

/* What the table shows and sorts by that takes some working out. */
typedef struct
{
  char    *kind_key;
  char    *country;
  char    *country_key;
  char    *city_key;
  guint    n_people;
  char    *n_people_text;
  double   amount;            /* NAN when unknown or not in the budget */
  char    *amount_text;
  char    *rule;              /* what decided the amount, in words */
  int      n_missing;         /* items of the closing kit missing; -1: it owes none */
  gboolean overdue;           /* and they were due before today */
  char    *evidence_text;
  char    *evidence_detail;   /* which, and by when */
} Row;

struct _VpOrganisationsPage
{
  VpTablePage  parent_instance;

  /* Organisation ref → number of participants, while a load prepares its rows */
  GHashTable  *people_per_organisation;
  GListModel  *participants;       /* the store's live model, for the counts */
  /* vp_organisation_name_key() of a name → its line of the context's budget */
  GHashTable  *budget_lines;
};

G_DEFINE_FINAL_TYPE (VpOrganisationsPage, vp_organisations_page, VP_TYPE_TABLE_PAGE)

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->kind_key);
  g_free (row->country);
  g_free (row->country_key);
  g_free (row->city_key);
  g_free (row->n_people_text);
  g_free (row->amount_text);
  g_free (row->rule);
  g_free (row->evidence_text);
  g_free (row->evidence_detail);
  g_free (row);
}

/* Counts {{{1 */

/* How many participants each organisation has: ref → count. */
static GHashTable *
count_people (GListModel *participants)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items = g_list_model_get_n_items (participants);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (participants, i);
      const char *ref = vp_participant_get_organisation_ref (participant);
      guint n_people;

      if (ref == NULL)
        continue;

      n_people = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ref));
      g_hash_table_insert (counts, g_strdup (ref), GUINT_TO_POINTER (n_people + 1));
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

/* A participant added, moved to another organisation or removed changes
 * the counts. */
static void
participants_changed_cb (VpOrganisationsPage *self,
                         guint                position,
                         guint                removed,
                         guint                added,
                         GListModel          *participants)
{
  g_autoptr(GHashTable) counts = count_people (participants);

  if (same_counts (counts, self->people_per_organisation))
    return;

  g_clear_pointer (&self->people_per_organisation, g_hash_table_unref);
  self->people_per_organisation = g_steal_pointer (&counts);
  vp_table_page_refresh_items (VP_TABLE_PAGE (self));
}

/* The budget is worked out with the checks, off the main thread, for the
 * whole programme: the rows only look their line up. */
static void
read_budget (VpOrganisationsPage *self)
{
  VpProgrammeContext *context = vp_table_page_get_context (VP_TABLE_PAGE (self));
  VpBudget *budget = context ? vp_programme_context_get_budget (context) : NULL;
  GPtrArray *lines;

  g_clear_pointer (&self->budget_lines, g_hash_table_unref);
  self->budget_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) vp_budget_line_free);
  if (budget == NULL)
    return;

  lines = vp_budget_get_lines (budget);
  for (guint i = 0; i < lines->len; i++)
    {
      const VpBudgetLine *line = g_ptr_array_index (lines, i);
      char *key = vp_organisation_name_key (line->name);

      if (key != NULL)
        g_hash_table_replace (self->budget_lines, key, vp_budget_line_copy (line));
    }
}

static void
budget_changed_cb (VpOrganisationsPage *self,
                   GParamSpec          *pspec,
                   VpProgrammeContext  *context)
{
  read_budget (self);
  vp_table_page_refresh_items (VP_TABLE_PAGE (self));
}

/* The closing kit of @organisation, whose budget line is @line (NULL:
 * not a visiting organisation, or the budget is still being worked out):
 * a funded organisation owes the items it has not handed in. */
static void
prepare_evidence (VpOrganisationsPage *self,
                  VpOrganisation      *organisation,
                  const VpBudgetLine  *line,
                  Row                 *row)
{
  VpProgrammeContext *context = vp_table_page_get_context (VP_TABLE_PAGE (self));
  VpProgramme *programme = context ? vp_programme_context_get_programme (context) : NULL;
  GPtrArray *items = vp_cxc_rules_get ()->evidence_items;
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *labels = NULL;
  g_autofree char *due_text = NULL;
  GDate due, today;

  row->n_missing = -1;
  if (line == NULL)
    return;
  if ((line->reasons & VP_CXC_REASONS_NOTHING) != 0)
    {
      /* Translators: the closing kit of an organisation the scheme does not fund */
      row->evidence_text = g_strdup (C_("closing kit", "Not funded"));
      row->evidence_detail = g_strdup (_("The scheme does not fund it: it owes no closing kit"));
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      const VpCxcEvidenceItem *item = g_ptr_array_index (items, i);

      if (vp_organisation_get_evidence_received (organisation, item->item) == NULL)
        g_ptr_array_add (missing, (gpointer)item);
    }
  row->n_missing = (int)missing->len;
  if (missing->len == 0)
    {
      /* Translators: every item of an organisation's closing kit has arrived */
      row->evidence_text = g_strdup (C_("closing kit", "Complete"));
      row->evidence_detail = g_strdup (_("Every item of its closing kit has arrived"));
      return;
    }

  g_date_clear (&due, 1);
  if (programme != NULL)
    vp_evidence_get_due (programme, NULL, &due);
  vp_evidence_get_today (&today);
  row->overdue = g_date_valid (&due) && g_date_compare (&due, &today) < 0;
  due_text = g_date_valid (&due) ? vp_date_format (&due) : g_strdup ("?");
  labels = vp_evidence_join_labels (missing);
  /* Translators: how many items of an organisation's closing kit are missing */
  row->evidence_text = g_strdup_printf (ngettext ("%u missing", "%u missing", missing->len),
                                        missing->len);
  if (row->overdue)
    /* Translators: the items missing (“Closing report, Outcomes”), then a date */
    row->evidence_detail = g_strdup_printf (_("Missing: %s; it was due on %s"), labels, due_text);
  else
    /* Translators: the items missing (“Closing report, Outcomes”), then a date */
    row->evidence_detail = g_strdup_printf (_("Missing: %s; due on %s"), labels, due_text);
}

/* VpTablePage {{{1 */

static GListModel *
vp_organisations_page_get_model (VpTablePage *page,
                                 VpStore     *store,
                                 gint64       programme_id)
{
  VpOrganisationsPage *self = VP_ORGANISATIONS_PAGE (page);
  GListModel *participants = vp_store_get_participants (store, programme_id);

  if (participants != self->participants)
    {
      if (self->participants != NULL)
        g_signal_handlers_disconnect_by_func (self->participants, participants_changed_cb, self);
      g_set_object (&self->participants, participants);
      g_signal_connect_object (participants, "items-changed",
                               G_CALLBACK (participants_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->people_per_organisation, g_hash_table_unref);
  self->people_per_organisation = count_people (participants);
  read_budget (self);

  return vp_store_get_organisations (store, programme_id);
}

static gpointer
vp_organisations_page_prepare_item (VpTablePage *page,
                                    GObject     *item)
{
  VpOrganisationsPage *self = VP_ORGANISATIONS_PAGE (page);
  VpOrganisation *organisation = VP_ORGANISATION (item);
  const char *ref = vp_organisation_get_ref (organisation);
  const char *code = vp_organisation_get_country (organisation);
  g_autofree char *key = vp_organisation_name_key (vp_organisation_get_name (organisation));
  const VpBudgetLine *line = NULL;
  Row *row = g_new0 (Row, 1);

  row->kind_key = vp_people_collate_key (vp_organisation_kind_label (
                                           vp_organisation_get_kind (organisation)));
  row->country = code ? g_strdup (vp_people_country_display (code)) : NULL;
  row->country_key = vp_people_collate_key (row->country);
  row->city_key = vp_people_collate_key (vp_organisation_get_city (organisation));
  if (ref != NULL && self->people_per_organisation != NULL)
    row->n_people = GPOINTER_TO_UINT (g_hash_table_lookup (self->people_per_organisation, ref));
  row->n_people_text = g_strdup_printf ("%u", row->n_people);

  row->amount = NAN;
  if (key != NULL && self->budget_lines != NULL)
    line = g_hash_table_lookup (self->budget_lines, key);
  if (line != NULL && !isnan (line->amount_eur))
    {
      row->amount = line->amount_eur;
      row->amount_text = vp_format_euros (line->amount_eur);
    }
  if (line != NULL)
    row->rule = g_strdup (line->rule);
  prepare_evidence (self, organisation, line, row);

  return row;
}

static char *
vp_organisations_page_dup_search_text (VpTablePage *page,
                                       GObject     *item)
{
  VpOrganisation *organisation = VP_ORGANISATION (item);
  const char *country = vp_organisation_get_country (organisation);
  const char *kind = vp_organisation_kind_label (vp_organisation_get_kind (organisation));

  return g_strjoin ("\n",
                    vp_organisation_get_name (organisation) ?: "",
                    kind ?: "",
                    vp_organisation_get_city (organisation) ?: "",
                    vp_organisation_get_cluster (organisation) ?: "",
                    vp_organisation_get_contact_name (organisation) ?: "",
                    vp_organisation_get_contact_email (organisation) ?: "",
                    country ? vp_people_country_display (country) : "",
                    country ?: "",
                    NULL);
}

static void
vp_organisations_page_setup_cell (VpTablePage    *page,
                                  guint           column,
                                  GtkInscription *cell)
{
  /* Counts and amounts line up on their last digit. */
  if (column == COLUMN_PEOPLE || column == COLUMN_BUDGET || column == COLUMN_EVIDENCE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "numeric");
      gtk_inscription_set_xalign (cell, 1.0);
    }
}

static void
vp_organisations_page_bind_cell (VpTablePage    *page,
                                 guint           column,
                                 GObject        *item,
                                 GtkInscription *cell)
{
  VpOrganisation *organisation = VP_ORGANISATION (item);
  Row *row = vp_table_page_get_item_data (page, item);
  const char *text = NULL;

  switch ((Column) column)
    {
    case COLUMN_NAME:
      text = vp_organisation_get_name (organisation);
      break;
    case COLUMN_KIND:
      text = vp_organisation_kind_label (vp_organisation_get_kind (organisation));
      break;
    case COLUMN_COUNTRY:
      text = row ? row->country : NULL;
      break;
    case COLUMN_CITY:
      text = vp_organisation_get_city (organisation);
      break;
    case COLUMN_PEOPLE:
      text = row ? row->n_people_text : NULL;
      break;
    case COLUMN_BUDGET:
      /* Translators: an amount the budget does not know yet (a position
       * or the programme's amount is missing, or the checks still run). */
      text = row && row->amount_text ? row->amount_text : C_("amount", "—");
      if (row && row->amount_text)
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
      /* Why it is this much (or nothing): the rule that decided it. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell), row ? row->rule : NULL);
      break;
    case COLUMN_EVIDENCE:
      /* Translators: the closing kit of an organisation that is not a visiting one yet, or
       * while the budget is being worked out */
      text = row && row->evidence_text ? row->evidence_text : C_("closing kit", "—");
      if (row && row->n_missing != 0 && row->evidence_text != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
      if (row && row->overdue)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
      /* which items, and by when: for the pointer and for a screen reader */
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell), row ? row->evidence_detail : NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      row && row->evidence_detail ? row->evidence_detail : "",
                                      -1);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (cell, text);
}

static int
vp_organisations_page_compare (VpTablePage *page,
                               guint        column,
                               GObject     *a,
                               GObject     *b)
{
  Row *row_a = vp_table_page_get_item_data (page, a);
  Row *row_b = vp_table_page_get_item_data (page, b);

  switch ((Column) column)
    {
    case COLUMN_NAME:
      return 0;
    case COLUMN_KIND:
      return strcmp (row_a->kind_key, row_b->kind_key);
    case COLUMN_COUNTRY:
      return strcmp (row_a->country_key, row_b->country_key);
    case COLUMN_CITY:
      return strcmp (row_a->city_key, row_b->city_key);
    case COLUMN_PEOPLE:
      return (row_a->n_people > row_b->n_people) - (row_a->n_people < row_b->n_people);
    case COLUMN_BUDGET:
      /* Unknown amounts sort after every known one. */
      if (isnan (row_a->amount) || isnan (row_b->amount))
        return isnan (row_a->amount) - isnan (row_b->amount);
      return (row_a->amount > row_b->amount) - (row_a->amount < row_b->amount);
    case COLUMN_EVIDENCE:
      /* the most missing first when descending; those that owe none last */
      return (row_a->n_missing > row_b->n_missing) - (row_a->n_missing < row_b->n_missing);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
vp_organisations_page_delete_items (VpTablePage   *page,
                                    const gint64  *ids,
                                    guint          n_ids,
                                    GError       **error)
{
  return vp_store_delete_organisations (vp_table_page_get_store (page),
                                        vp_table_page_get_programme_id (page),
                                        ids, n_ids, error);
}

/* Deleting an organisation leaves its people without one: say who. */
static gboolean
vp_organisations_page_ask_delete (VpTablePage  *page,
                                  GPtrArray    *items,
                                  char        **heading,
                                  char        **body)
{
  GListModel *participants = vp_store_get_participants (vp_table_page_get_store (page),
                                                        vp_table_page_get_programme_id (page));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (participants); i < n; i++)
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (participants, i);

      if (vp_table_page_items_have_ref (items, vp_participant_get_organisation_ref (participant)))
        g_ptr_array_add (names, g_strdup (vp_participant_get_name (participant)));
    }
  if (names->len == 0)
    return FALSE;

  list = vp_table_page_join_names (names);
  if (items->len == 1)
    *heading = g_strdup_printf (_("Delete “%s”?"),
                                vp_organisation_get_name (g_ptr_array_index (items, 0)));
  else
    *heading = g_strdup_printf (ngettext ("Delete %u Organisation?",
                                          "Delete %u Organisations?", items->len), items->len);
  /* Translators: the body of the question before deleting organisations;
   * %s names the people. */
  *body = g_strdup_printf (ngettext ("Used by %u participant: %s. They will belong to no "
                                     "organisation.",
                                     "Used by %u participants: %s. They will belong to no "
                                     "organisation.", names->len), names->len, list);
  return TRUE;
}

static char *
vp_organisations_page_dup_deleted_title (VpTablePage *page,
                                         guint        n_items)
{
  /* Translators: in a toast, with an Undo button. */
  return g_strdup_printf (ngettext ("%u organisation deleted", "%u organisations deleted",
                                    n_items), n_items);
}

static const char *
vp_organisations_page_get_delete_label (VpTablePage *page,
                                        guint        n_items)
{
  /* Translators: the name of a change, as in “Undo Delete Organisation”. */
  return n_items == 1 ? _("Delete Organisation") : _("Delete Organisations");
}

static VpPeopleEditor *
vp_organisations_page_create_editor (VpTablePage *page,
                                     GObject     *item)
{
  return VP_PEOPLE_EDITOR (vp_organisation_editor_new (vp_table_page_get_store (page),
                                                       vp_table_page_get_programme_id (page),
                                                       item ? VP_ORGANISATION (item) : NULL));
}

/* GObject {{{1 */

static void
vp_organisations_page_constructed (GObject *object)
{
  VpOrganisationsPage *self = VP_ORGANISATIONS_PAGE (object);

  G_OBJECT_CLASS (vp_organisations_page_parent_class)->constructed (object);

  g_signal_connect_object (vp_table_page_get_context (VP_TABLE_PAGE (self)), "notify::budget",
                           G_CALLBACK (budget_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vp_organisations_page_finalize (GObject *object)
{
  VpOrganisationsPage *self = VP_ORGANISATIONS_PAGE (object);

  g_clear_pointer (&self->people_per_organisation, g_hash_table_unref);
  g_clear_pointer (&self->budget_lines, g_hash_table_unref);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (vp_organisations_page_parent_class)->finalize (object);
}

/* Every text of the kinds of organisation: the column fits the longest. */
static GStrv
vp_organisations_page_dup_column_values (VpTablePage *page,
                                         guint        column)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (column != COLUMN_KIND)
    return NULL;

  builder = g_strv_builder_new ();
  for (VpOrganisationKind value = VP_ORGANISATION_KIND_CLUSTER_ORGANISATION;
       value <= VP_ORGANISATION_KIND_OTHER; value++)
    g_strv_builder_add (builder, vp_organisation_kind_label (value));
  return g_strv_builder_end (builder);
}

static void
vp_organisations_page_class_init (VpOrganisationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VpTablePageClass *page_class = VP_TABLE_PAGE_CLASS (klass);

  object_class->constructed = vp_organisations_page_constructed;
  object_class->finalize = vp_organisations_page_finalize;

  page_class->get_model = vp_organisations_page_get_model;
  page_class->prepare_item = vp_organisations_page_prepare_item;
  page_class->free_item_data = row_free;
  page_class->dup_search_text = vp_organisations_page_dup_search_text;
  page_class->setup_cell = vp_organisations_page_setup_cell;
  page_class->bind_cell = vp_organisations_page_bind_cell;
  page_class->compare = vp_organisations_page_compare;
  page_class->dup_column_values = vp_organisations_page_dup_column_values;
  page_class->delete_items = vp_organisations_page_delete_items;
  page_class->ask_delete = vp_organisations_page_ask_delete;
  page_class->dup_deleted_title = vp_organisations_page_dup_deleted_title;
  page_class->get_delete_label = vp_organisations_page_get_delete_label;
  page_class->create_editor = vp_organisations_page_create_editor;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-organisations-page.ui");
  vp_table_page_class_install_actions (page_class, "organisations");
  vp_table_page_class_set_priorities (page_class, priorities, N_COLUMNS);
}

static void
vp_organisations_page_init (VpOrganisationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public {{{1 */

GtkWidget *
vp_organisations_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_ORGANISATIONS_PAGE, "context", context, NULL);
}

static gboolean
has_ref (GObject       *item,
         gconstpointer  data)
{
  return g_strcmp0 (vp_organisation_get_ref (VP_ORGANISATION (item)), data) == 0;
}

gboolean
vp_organisations_page_show_organisation (VpOrganisationsPage *self,
                                         const char          *ref)
{
  g_return_val_if_fail (VP_IS_ORGANISATIONS_PAGE (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  return vp_table_page_show_first_match (VP_TABLE_PAGE (self), has_ref, ref);
}

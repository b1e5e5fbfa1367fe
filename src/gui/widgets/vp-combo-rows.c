/* vp-combo-rows.c: combo rows whose values, in any language, are read whole. */

#include "config.h"

#include "vp-combo-rows.h"

/* What libadwaita 1.2 shows of a value beside a combo row's title. */
#define VALUE_CHARS 20

/* The text @row shows for @item: its expression's, or a string list's. */
static char *
item_text (AdwComboRow *row,
           GObject     *item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

static void
fit_row (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  gboolean long_value = FALSE;

  /* already under the title, by its template or an earlier look */
  if (adw_combo_row_get_use_subtitle (row))
    return;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model) && !long_value; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = item_text (row, item);

      long_value = text != NULL && g_utf8_strlen (text, -1) > VALUE_CHARS;
    }

  if (long_value)
    adw_combo_row_set_use_subtitle (row, TRUE);
}

static void
row_changed_cb (AdwComboRow *row,
                GParamSpec  *pspec,
                gpointer     user_data)
{
  fit_row (row);
}

void
vp_combo_rows_fit_values (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_COMBO_ROW (root))
    {
      fit_row (ADW_COMBO_ROW (root));
      g_signal_connect (root, "notify::model", G_CALLBACK (row_changed_cb), NULL);
      g_signal_connect (root, "notify::expression", G_CALLBACK (row_changed_cb), NULL);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    vp_combo_rows_fit_values (child);
}

/* vp-chooser-row.c: a row that shows a value and picks it from a searchable list. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-chooser-row.h"

struct _VpChooserRow
{
  AdwActionRow        parent_instance;

  char               *value;
  char               *unset_label;    /* what shows for no value */
  GHashTable         *label_values;   /* label → value */
  GHashTable         *value_labels;   /* value → label */
  GtkStringList      *labels;
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;

  GtkLabel           *value_label;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkButton          *new_button;
};

G_DEFINE_FINAL_TYPE (VpChooserRow, vp_chooser_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NEW_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_label (VpChooserRow *self)
{
  const char *label = NULL;

  if (self->value != NULL)
    {
      label = g_hash_table_lookup (self->value_labels, self->value);
      if (label == NULL)
        label = self->value;
    }

  if (label != NULL)
    {
      gtk_label_set_label (self->value_label, label);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->value_label, self->unset_label ? self->unset_label : _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
    }
}

static void
choose (VpChooserRow *self,
        guint         position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const char *value;

  if (item == NULL)
    return;

  value = g_hash_table_lookup (self->label_values, gtk_string_object_get_string (item));
  gtk_popover_popdown (self->popover);

  if (g_strcmp0 (value, self->value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
update_list (VpChooserRow *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "empty");
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   VpChooserRow   *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_list (self);
}

/* Something new, named by what was searched for. */
static void
request_new (VpChooserRow *self)
{
  g_autofree char *text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[NEW_REQUESTED], 0, text);
}

/* The first choice that begins with @search (“se” is Serbia, not “Not
 * set”), else the first that holds it. */
static guint
best_match (VpChooserRow *self,
            const char   *search)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *folded = g_utf8_casefold (search, -1);

  for (guint i = 0; *folded != '\0' && i < n_items; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      g_autofree char *label = g_utf8_casefold (gtk_string_object_get_string (item), -1);

      if (g_str_has_prefix (label, folded))
        return i;
    }

  return 0;
}

/* Enter in the search takes the best match, or asks for a new value
 * when nothing matches and the row offers one. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    VpChooserRow   *self)
{
  /* What is typed, not what the search's pause let through yet: typing
   * “germ” and Enter at once takes Germany. */
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self->new_button)) &&
      *gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    {
      request_new (self);
      return;
    }

  choose (self, best_match (self, gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
new_clicked_cb (GtkButton    *button,
                VpChooserRow *self)
{
  request_new (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                VpChooserRow   *self)
{
  gtk_popover_popdown (self->popover);
}

static void
list_activate_cb (GtkListView  *list_view,
                  guint         position,
                  VpChooserRow *self)
{
  choose (self, position);
}

static void
popover_closed_cb (GtkPopover   *popover,
                   VpChooserRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Down from the search goes into the list. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       VpChooserRow          *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
row_activated_cb (AdwActionRow *row,
                  VpChooserRow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  const char *label = self->value ? g_hash_table_lookup (self->value_labels, self->value) : NULL;

  gtk_popover_popup (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  update_list (self);

  /* Start at the current value. */
  for (guint i = 0; label != NULL && i < n_items; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->labels, i), label) == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
}

/* Type-ahead: a letter typed on the row opens the list and starts its
 * search with it. */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    VpChooserRow          *self)
{
  gunichar character = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0, };

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      gtk_widget_get_visible (GTK_WIDGET (self->popover)) ||
      character == 0 || !g_unichar_isgraph (character))
    return FALSE;

  g_unichar_to_utf8 (character, text);
  row_activated_cb (ADW_ACTION_ROW (self), self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);

  return TRUE;
}

static void
vp_chooser_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VpChooserRow *self = VP_CHOOSER_ROW (widget);

  GTK_WIDGET_CLASS (vp_chooser_row_parent_class)->size_allocate (widget, width, height, baseline);

  gtk_popover_present (self->popover);
}

static void
vp_chooser_row_dispose (GObject *object)
{
  VpChooserRow *self = VP_CHOOSER_ROW (object);

  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_CHOOSER_ROW);
  self->popover = NULL;
  g_clear_object (&self->filtered);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (vp_chooser_row_parent_class)->dispose (object);
}

static void
vp_chooser_row_finalize (GObject *object)
{
  VpChooserRow *self = VP_CHOOSER_ROW (object);

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->unset_label, g_free);
  g_clear_pointer (&self->label_values, g_hash_table_unref);
  g_clear_pointer (&self->value_labels, g_hash_table_unref);

  G_OBJECT_CLASS (vp_chooser_row_parent_class)->finalize (object);
}

static void
vp_chooser_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpChooserRow *self = VP_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_chooser_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpChooserRow *self = VP_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      vp_chooser_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_chooser_row_class_init (VpChooserRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_chooser_row_dispose;
  object_class->finalize = vp_chooser_row_finalize;
  object_class->get_property = vp_chooser_row_get_property;
  object_class->set_property = vp_chooser_row_set_property;

  widget_class->size_allocate = vp_chooser_row_size_allocate;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked for a value that is not among the choices (the row
   * offers it with vp_chooser_row_set_new_label()), naming it with what
   * they searched for (maybe ""). */
  signals[NEW_REQUESTED] =
    g_signal_new ("new-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-chooser-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, popover);
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, list_view);
  gtk_widget_class_bind_template_child (widget_class, VpChooserRow, new_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
}

static void
vp_chooser_row_init (VpChooserRow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkEventController *controller;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  self->label_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->value_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->labels = gtk_string_list_new (NULL);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->labels)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "type-ahead");
  g_signal_connect (controller, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_label (self);
}

GtkWidget *
vp_chooser_row_new (void)
{
  return g_object_new (VP_TYPE_CHOOSER_ROW, NULL);
}

void
vp_chooser_row_set_choices (VpChooserRow       *self,
                            const char * const *values,
                            const char * const *labels)
{
  g_return_if_fail (VP_IS_CHOOSER_ROW (self));
  g_return_if_fail (values != NULL && labels != NULL);
  g_return_if_fail (g_strv_length ((GStrv) values) == g_strv_length ((GStrv) labels));

  g_hash_table_remove_all (self->label_values);
  g_hash_table_remove_all (self->value_labels);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_hash_table_insert (self->label_values, g_strdup (labels[i]), g_strdup (values[i]));
      g_hash_table_insert (self->value_labels, g_strdup (values[i]), g_strdup (labels[i]));
    }

  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          labels);
  update_label (self);
}

const char *
vp_chooser_row_get_value (VpChooserRow *self)
{
  g_return_val_if_fail (VP_IS_CHOOSER_ROW (self), NULL);

  return self->value;
}

void
vp_chooser_row_set_value (VpChooserRow *self,
                          const char   *value)
{
  g_return_if_fail (VP_IS_CHOOSER_ROW (self));

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  update_label (self);
}

GtkLabel *
vp_chooser_row_get_value_label (VpChooserRow *self)
{
  g_return_val_if_fail (VP_IS_CHOOSER_ROW (self), NULL);

  return self->value_label;
}

void
vp_chooser_row_set_unset_label (VpChooserRow *self,
                                const char   *label)
{
  g_return_if_fail (VP_IS_CHOOSER_ROW (self));

  g_free (self->unset_label);
  self->unset_label = g_strdup (label);
  update_label (self);
}

void
vp_chooser_row_set_new_label (VpChooserRow *self,
                              const char   *label)
{
  g_return_if_fail (VP_IS_CHOOSER_ROW (self));

  gtk_button_set_label (self->new_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), label != NULL);
}

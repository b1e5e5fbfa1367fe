/* vp-checks-page.c: every problem the checks found, grouped by severity. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-checks-page.h"
#include "vp-checks.h"
#include "vp-format.h"
#include "vp-problem-item.h"

/* Up to this many problems, messages wrap; beyond it they are cut to one
 * line, with the whole message in a tooltip: measuring hundreds of
 * wrapped rows would stall the page for a second on a huge programme. */
#define MAX_WRAPPED 50

struct _VpChecksPage
{
  AdwBin       parent_instance;

  VpStore     *store;
  gint64       programme_id;
  GPtrArray   *problems;
  GListStore  *items;

  GtkStack    *stack;
  GtkSpinner  *spinner;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (VpChecksPage, vp_checks_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME_ID,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
heading (VpSeverity severity,
         guint      count)
{
  switch (severity)
    {
    case VP_SEVERITY_ERROR:
      return ngettext ("Error: fix before the group travels",
                       "Errors: fix before the group travels", count);
    case VP_SEVERITY_WARNING:
      return ngettext ("Warning: worth a look", "Warnings: worth a look", count);
    case VP_SEVERITY_INFO:
    default:
      return ngettext ("Note", "Notes", count);
    }
}

static void
update_items (VpChecksPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[3] = { 0, 0, 0 };

  if (self->problems == NULL)
    {
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "checking");
      gtk_spinner_start (self->spinner);
      return;
    }

  /* a spinner left spinning redraws the window sixty times a second */
  gtk_spinner_stop (self->spinner);

  for (guint i = 0; i < self->problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (self->problems, i);

      counts[MIN (problem->severity, VP_SEVERITY_INFO)]++;
    }

  /* The checks give errors first, then warnings, then notes. */
  for (guint i = 0; i < self->problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (self->problems, i);
      const VpProblem *previous = i > 0 ? g_ptr_array_index (self->problems, i - 1) : NULL;
      VpSeverity severity = MIN (problem->severity, VP_SEVERITY_INFO);

      if (previous == NULL || previous->severity != problem->severity)
        {
          g_autofree char *title = g_strdup_printf ("%s (%u)", heading (severity, counts[severity]),
                                                    counts[severity]);

          g_ptr_array_add (items, vp_problem_item_new_heading (title));
        }
      g_ptr_array_add (items, vp_problem_item_new (problem));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "problems" : "empty");
}

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  VpChecksPage             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (box, "problem-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), arrow);

  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "arrow", arrow);
  gtk_list_item_set_child (item, box);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 VpChecksPage             *self)
{
  VpProblemItem *problem_item = gtk_list_item_get_item (item);
  const VpProblem *problem = vp_problem_item_get_problem (problem_item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  GtkWidget *arrow = g_object_get_data (G_OBJECT (box), "arrow");
  static const char * const severity_classes[] = { "severity-error", "severity-warning",
                                                   "severity-info" };

  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    gtk_widget_remove_css_class (icon, severity_classes[i]);

  gtk_list_item_set_activatable (item, problem != NULL);
  gtk_list_item_set_selectable (item, problem != NULL);
  gtk_widget_set_visible (icon, problem != NULL);
  gtk_widget_set_visible (arrow, problem != NULL);
  gtk_widget_set_visible (subtitle, problem != NULL);

  if (problem == NULL)
    {
      gtk_label_set_label (GTK_LABEL (title), vp_problem_item_get_heading (problem_item));
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (box, "problem-heading");
      return;
    }

  gtk_widget_remove_css_class (title, "heading");
  gtk_widget_remove_css_class (box, "problem-heading");
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), vp_format_severity_icon (problem->severity));
  gtk_widget_add_css_class (icon, severity_classes[MIN (problem->severity, VP_SEVERITY_INFO)]);
  gtk_label_set_label (GTK_LABEL (title), problem->message);
  gtk_label_set_wrap (GTK_LABEL (title), self->problems->len <= MAX_WRAPPED);
  gtk_label_set_ellipsize (GTK_LABEL (title), self->problems->len <= MAX_WRAPPED
                                              ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (box, self->problems->len <= MAX_WRAPPED ? NULL : problem->message);
  gtk_label_set_label (GTK_LABEL (subtitle), vp_problem_get_page_title (problem));
}

static void
problem_activated_cb (GtkListView  *list_view,
                      guint         position,
                      VpChecksPage *self)
{
  g_autoptr(VpProblemItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  const VpProblem *problem = item != NULL ? vp_problem_item_get_problem (item) : NULL;

  if (problem == NULL)
    return;

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.show-problem",
                                      vp_problem_get_target (problem));
}

static void
vp_checks_page_dispose (GObject *object)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  /* AdwBin drops its child itself, and would not find it gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_CHECKS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (vp_checks_page_parent_class)->dispose (object);
}

static void
vp_checks_page_finalize (GObject *object)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_checks_page_parent_class)->finalize (object);
}

static void
vp_checks_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_checks_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROGRAMME_ID:
      if (self->programme_id == g_value_get_int64 (value))
        break;
      self->programme_id = g_value_get_int64 (value);
      /* The problems belong to the programme shown before. */
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      update_items (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_PROBLEMS:
      if (self->problems == g_value_get_boxed (value))
        break;
      g_clear_pointer (&self->problems, g_ptr_array_unref);
      self->problems = g_value_dup_boxed (value);
      update_items (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_checks_page_class_init (VpChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_checks_page_dispose;
  object_class->finalize = vp_checks_page_finalize;
  object_class->get_property = vp_checks_page_get_property;
  object_class->set_property = vp_checks_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/visitplanner/VisitPlanner/"
                                               "vp-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VpChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VpChecksPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VpChecksPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, problem_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
}

static void
vp_checks_page_init (VpChecksPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (VP_TYPE_PROBLEM_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_items (self);
}

GtkWidget *
vp_checks_page_new (VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_CHECKS_PAGE, "store", store, NULL);
}

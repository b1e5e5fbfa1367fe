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
  AdwBin              parent_instance;

  VpProgrammeContext *context;
  GListStore         *items;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (VpChecksPage, vp_checks_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
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
  GPtrArray *problems = vp_programme_context_get_problems (self->context);
  guint counts[3] = { 0, 0, 0 };

  if (problems == NULL)
    {
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "checking");
      gtk_spinner_start (self->spinner);
      return;
    }

  /* a spinner left spinning redraws the window sixty times a second */
  gtk_spinner_stop (self->spinner);

  for (guint i = 0; i < problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (problems, i);

      counts[MIN (problem->severity, VP_SEVERITY_INFO)]++;
    }

  /* The checks give errors first, then warnings, then notes. */
  for (guint i = 0; i < problems->len; i++)
    {
      const VpProblem *problem = g_ptr_array_index (problems, i);
      const VpProblem *previous = i > 0 ? g_ptr_array_index (problems, i - 1) : NULL;
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
  GPtrArray *problems = vp_programme_context_get_problems (self->context);
  guint n_problems = problems != NULL ? problems->len : 0;
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
  gtk_label_set_wrap (GTK_LABEL (title), n_problems <= MAX_WRAPPED);
  gtk_label_set_ellipsize (GTK_LABEL (title), n_problems <= MAX_WRAPPED
                                              ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (box, n_problems <= MAX_WRAPPED ? NULL : problem->message);
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
problems_changed_cb (VpChecksPage       *self,
                     GParamSpec         *pspec,
                     VpProgrammeContext *context)
{
  update_items (self);
}

static void
vp_checks_page_constructed (GObject *object)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  G_OBJECT_CLASS (vp_checks_page_parent_class)->constructed (object);

  g_assert (VP_IS_PROGRAMME_CONTEXT (self->context));
  /* Another programme comes with no problems: the spinner shows until
   * its checks have run. */
  g_signal_connect_object (self->context, "notify::problems", G_CALLBACK (problems_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_items (self);
}

static void
vp_checks_page_dispose (GObject *object)
{
  VpChecksPage *self = VP_CHECKS_PAGE (object);

  /* AdwBin drops its child itself, and would not find it gone. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_CHECKS_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (vp_checks_page_parent_class)->dispose (object);
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
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

  object_class->constructed = vp_checks_page_constructed;
  object_class->dispose = vp_checks_page_dispose;
  object_class->get_property = vp_checks_page_get_property;
  object_class->set_property = vp_checks_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         VP_TYPE_PROGRAMME_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

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
}

GtkWidget *
vp_checks_page_new (VpProgrammeContext *context)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (context), NULL);

  return g_object_new (VP_TYPE_CHECKS_PAGE, "context", context, NULL);
}

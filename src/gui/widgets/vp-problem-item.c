/* vp-problem-item.c: one problem (or a heading above a group of them) in a list model. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-problem-item.h"

struct _VpProblemItem
{
  GObject    parent_instance;

  VpProblem *problem;
  char      *heading;
};

G_DEFINE_FINAL_TYPE (VpProblemItem, vp_problem_item, G_TYPE_OBJECT)

static void
vp_problem_item_finalize (GObject *object)
{
  VpProblemItem *self = VP_PROBLEM_ITEM (object);

  g_clear_pointer (&self->problem, vp_problem_free);
  g_clear_pointer (&self->heading, g_free);

  G_OBJECT_CLASS (vp_problem_item_parent_class)->finalize (object);
}

static void
vp_problem_item_class_init (VpProblemItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_problem_item_finalize;
}

static void
vp_problem_item_init (VpProblemItem *self)
{
}

VpProblemItem *
vp_problem_item_new (const VpProblem *problem)
{
  VpProblemItem *self;

  g_return_val_if_fail (problem != NULL, NULL);

  self = g_object_new (VP_TYPE_PROBLEM_ITEM, NULL);
  self->problem = vp_problem_copy (problem);
  return self;
}

VpProblemItem *
vp_problem_item_new_heading (const char *title)
{
  VpProblemItem *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (VP_TYPE_PROBLEM_ITEM, NULL);
  self->heading = g_strdup (title);
  return self;
}

const VpProblem *
vp_problem_item_get_problem (VpProblemItem *self)
{
  g_return_val_if_fail (VP_IS_PROBLEM_ITEM (self), NULL);

  return self->problem;
}

const char *
vp_problem_item_get_heading (VpProblemItem *self)
{
  g_return_val_if_fail (VP_IS_PROBLEM_ITEM (self), NULL);

  return self->heading;
}

const char *
vp_problem_get_page (const VpProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  /* A session is what a double booking or a late arrival is fixed in;
   * people and places next; the rest is about the programme itself. */
  if (problem->session != NULL)
    return "agenda";
  if (problem->participant != NULL)
    return "participants";
  if (problem->host != NULL)
    return "hosts";
  return "overview";
}

const char *
vp_problem_get_page_title (const VpProblem *problem)
{
  const char *page = vp_problem_get_page (problem);

  if (g_str_equal (page, "agenda"))
    return _("Agenda");
  if (g_str_equal (page, "participants"))
    return _("Participants");
  if (g_str_equal (page, "hosts"))
    return _("Hosts");
  return _("Overview");
}

GVariant *
vp_problem_get_target (const VpProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return g_variant_new ("(sss)",
                        problem->session ? problem->session : "",
                        problem->participant ? problem->participant : "",
                        problem->host ? problem->host : "");
}

/* vp-programme-context.c: what every page of the window shares: the store, the shown programme,
 * its problems and budget. */

#include "config.h"

#include "vp-programme-context.h"

struct _VpProgrammeContext
{
  GObject      parent_instance;

  VpStore     *store;
  VpProgramme *programme;
  GPtrArray   *problems;
  VpBudget    *budget;
  /* the window's undo history, made when first asked for */
  VpHistory   *history;
};

G_DEFINE_FINAL_TYPE (VpProgrammeContext, vp_programme_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  PROP_PROGRAMME_ID,
  PROP_PROBLEMS,
  PROP_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_programme_context_dispose (GObject *object)
{
  VpProgrammeContext *self = VP_PROGRAMME_CONTEXT (object);

  g_clear_object (&self->programme);
  g_clear_object (&self->history);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vp_programme_context_parent_class)->dispose (object);
}

static void
vp_programme_context_finalize (GObject *object)
{
  VpProgrammeContext *self = VP_PROGRAMME_CONTEXT (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->budget, vp_budget_unref);

  G_OBJECT_CLASS (vp_programme_context_parent_class)->finalize (object);
}

static void
vp_programme_context_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VpProgrammeContext *self = VP_PROGRAMME_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, vp_programme_context_get_programme_id (self));
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_programme_context_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VpProgrammeContext *self = VP_PROGRAMME_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROGRAMME:
      vp_programme_context_set_programme (self, g_value_get_object (value));
      break;

    case PROP_PROBLEMS:
      vp_programme_context_set_problems (self, g_value_get_boxed (value));
      break;

    case PROP_BUDGET:
      vp_programme_context_set_budget (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_programme_context_class_init (VpProgrammeContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_programme_context_dispose;
  object_class->finalize = vp_programme_context_finalize;
  object_class->get_property = vp_programme_context_get_property;
  object_class->set_property = vp_programme_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         VP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL,
                         VP_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL,
                        VP_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_programme_context_init (VpProgrammeContext *self)
{
}

VpProgrammeContext *
vp_programme_context_new (VpStore *store)
{
  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  return g_object_new (VP_TYPE_PROGRAMME_CONTEXT, "store", store, NULL);
}

VpStore *
vp_programme_context_get_store (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), NULL);

  return self->store;
}

VpProgramme *
vp_programme_context_get_programme (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), NULL);

  return self->programme;
}

void
vp_programme_context_set_programme (VpProgrammeContext *self,
                                    VpProgramme        *programme)
{
  gint64 old_id;

  g_return_if_fail (VP_IS_PROGRAMME_CONTEXT (self));
  g_return_if_fail (programme == NULL || VP_IS_PROGRAMME (programme));

  if (self->programme == programme)
    return;

  old_id = vp_programme_context_get_programme_id (self);
  g_set_object (&self->programme, programme);

  /* Every property is right before anyone hears of any change: a page
   * that reloads on the new id never sees the old programme's problems. */
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
  if (vp_programme_context_get_programme_id (self) != old_id)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
      vp_programme_context_set_problems (self, NULL);
      vp_programme_context_set_budget (self, NULL);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
vp_programme_context_get_programme_id (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), 0);

  return self->programme != NULL ? vp_programme_get_id (self->programme) : 0;
}

GPtrArray *
vp_programme_context_get_problems (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), NULL);

  return self->problems;
}

void
vp_programme_context_set_problems (VpProgrammeContext *self,
                                   GPtrArray          *problems)
{
  g_return_if_fail (VP_IS_PROGRAMME_CONTEXT (self));

  if (self->problems == problems)
    return;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems != NULL)
    self->problems = g_ptr_array_ref (problems);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

VpBudget *
vp_programme_context_get_budget (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), NULL);

  return self->budget;
}

void
vp_programme_context_set_budget (VpProgrammeContext *self,
                                 VpBudget           *budget)
{
  g_return_if_fail (VP_IS_PROGRAMME_CONTEXT (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, vp_budget_unref);
  if (budget != NULL)
    self->budget = vp_budget_ref (budget);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

VpHistory *
vp_programme_context_get_history (VpProgrammeContext *self)
{
  g_return_val_if_fail (VP_IS_PROGRAMME_CONTEXT (self), NULL);

  if (self->history == NULL && self->store != NULL)
    self->history = vp_history_new (self->store);

  return self->history;
}

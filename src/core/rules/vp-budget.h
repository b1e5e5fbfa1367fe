/* vp-budget.h: what each visiting organisation of a programme may claim from ClusterXChange. */
#pragma once

#include <glib-object.h>

#include "vp-cxc.h"

G_BEGIN_DECLS

#define VP_TYPE_BUDGET      (vp_budget_get_type ())
#define VP_TYPE_BUDGET_LINE (vp_budget_line_get_type ())

/* One visiting organisation: @people is how many of the programme's
 * participants belong to it; @distance_km (to the host it visits most) and
 * @amount_eur are NAN when unknown; @reasons are VpCxcReason flags
 * (vp_cxc_reason_code() names them); @rule says in words what decided the
 * amount. */
typedef struct
{
  char     *name;
  char     *country;
  guint     people;
  guint     working_days;
  double    distance_km;
  gboolean  halved;
  double    amount_eur;
  guint     reasons;
  char     *rule;
} VpBudgetLine;

typedef struct _VpBudget VpBudget;

GType         vp_budget_line_get_type  (void) G_GNUC_CONST;
VpBudgetLine *vp_budget_line_copy      (const VpBudgetLine *line);
void          vp_budget_line_free      (VpBudgetLine       *line);

GType         vp_budget_get_type       (void) G_GNUC_CONST;

/* The budget of @snapshot: one line per visiting organisation (in the
 * programme's order of organisations), their total and what is still
 * unknown.  @organisation_visits: as for vp_cxc_new(). */
VpBudget     *vp_budget_new            (VpSnapshot         *snapshot,
                                        GPtrArray          *organisation_visits);
VpBudget     *vp_budget_new_from_cxc   (VpCxc              *cxc);
VpBudget     *vp_budget_ref            (VpBudget           *budget);
void          vp_budget_unref          (VpBudget           *budget);

const char   *vp_budget_get_currency   (VpBudget           *budget);
/* Borrowed: VpBudgetLine. */
GPtrArray    *vp_budget_get_lines      (VpBudget           *budget);
/* The sum of the amounts; NAN when one of them is unknown. */
double        vp_budget_get_total_eur  (VpBudget           *budget);
/* Borrowed: translated sentences, each naming what is unknown (an
 * organisation without a position, a programme without an amount, a
 * person without travel legs or without an organisation). */
GPtrArray    *vp_budget_get_unknown    (VpBudget           *budget);

/* The documented outputs of "visit-planner-cli budget" (docs/cli.md): a
 * JSON object and a CSV table (one row per organisation) with exactly the
 * members of the contract, and a readable table with each line's rule. */
GBytes       *vp_budget_write_json     (VpBudget           *budget);
GBytes       *vp_budget_write_csv      (VpBudget           *budget);
char         *vp_budget_format_text    (VpBudget           *budget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpBudgetLine, vp_budget_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpBudget, vp_budget_unref)

G_END_DECLS

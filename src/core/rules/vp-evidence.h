/* vp-evidence.h: the closing kit: what each funded visiting organisation still owes its
 * partnership after the exchange, and by when. */
#pragma once

#include <glib.h>

#include "vp-cxc-rules.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

/* Today, as the closing kit counts it: the day $VISIT_PLANNER_TODAY names
 * (YYYY-MM-DD; for tests and scripts) when it is set and a date, else the
 * local date. */
void               vp_evidence_get_today        (GDate             *today);

/* The day the programme's closing kit is due: its evidence_due, else the
 * rules' evidence_due_days after its last day.  Returns whether the
 * programme sets it; @due is cleared when the programme's dates are not
 * dates. */
gboolean           vp_evidence_get_due          (VpProgramme       *programme,
                                                 const VpCxcRules  *rules,
                                                 GDate             *due);

/* One visiting organisation (one with people in the programme): whether
 * the scheme funds it (vp-cxc.h: no reason makes its sum nothing) and so
 * owes a closing kit, and the items of the rules it has not handed in
 * and has (const VpCxcEvidenceItem *, in the rules' order; an
 * organisation the scheme does not fund misses nothing). */
typedef struct
{
  VpOrganisation *organisation;
  gboolean        funded;
  GPtrArray      *missing;
  GPtrArray      *received;
} VpEvidenceLine;

typedef struct
{
  const VpCxcRules *rules;
  GDate             last_day;   /* the programme's */
  GDate             due;        /* the kit's (vp_evidence_get_due()) */
  gboolean          due_set;    /* by the programme, not the rules */
  GDate             today;
  gboolean          ended;      /* the last day is before today */
  gboolean          overdue;    /* an item is missing and the due day is before today */
  guint             n_missing;  /* items missing, all organisations together */
  GPtrArray        *lines;      /* VpEvidenceLine, in the programme's order of organisations */
} VpEvidenceReport;

/* The closing kit of @snapshot on @today (NULL: vp_evidence_get_today()).
 * @organisation_visits: as for vp_cxc_new() (repeats are not funded). */
VpEvidenceReport  *vp_evidence_report_new       (VpSnapshot        *snapshot,
                                                 GPtrArray         *organisation_visits,
                                                 const GDate       *today);
void               vp_evidence_report_free      (VpEvidenceReport  *report);

/* The line of @organisation, or NULL when it has no people in the
 * programme. */
VpEvidenceLine    *vp_evidence_report_find      (VpEvidenceReport  *report,
                                                 VpOrganisation    *organisation);

/* The documented outputs of "visit-planner-cli evidence" (docs/cli.md):
 * a JSON object with exactly the members of the contract, and a readable
 * list per organisation. */
GBytes            *vp_evidence_report_write_json (VpEvidenceReport *report);
char              *vp_evidence_report_format_text (VpEvidenceReport *report);

/* The labels of @items (const VpCxcEvidenceItem *), translated, joined
 * with ", ". */
char              *vp_evidence_join_labels      (GPtrArray         *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpEvidenceReport, vp_evidence_report_free)

G_END_DECLS

/* vp-cxc-rules.h: the numbers of the ClusterXChange scheme, read from data/cxc-rules.json. */
#pragma once

#include <glib.h>

#include "vp-enums.h"

G_BEGIN_DECLS

/* No number of the scheme is written in C: each comes from
 * data/cxc-rules.json (built into the program), which names the source and
 * the date of each. */
/* One item of the closing kit: @item, its stable code (the programme
 * format's organisations[].evidence[].item), and @label, in English as
 * the file has it (vp_cxc_evidence_item_get_label() translates it). */
typedef struct
{
  char       *item;
  char       *label;
} VpCxcEvidenceItem;

typedef struct
{
  guint       min_working_days;           /* an exchange lasts at least these */
  guint       max_months;                 /* and at most this many calendar months */
  gboolean    travel_days_count;          /* whether arrival and departure days count */
  guint       halved_below_working_days;  /* fewer working days halve the sum */
  double      halved_below_distance_km;   /* a shorter distance halves the sum */
  double      cap_eur;                    /* no amount above it */
  gboolean    once_per_organisation;
  double      full_amount_eur;            /* for every host country; NAN: none */
  GHashTable *full_amount_by_host_country; /* ISO code → double *, overriding it */
  guint       eligible_kinds;             /* 1 << VpOrganisationKind of each */
  char       *currency;
  /* the closing kit: VpCxcEvidenceItem, in the file's order */
  GPtrArray  *evidence_items;
  /* it is due this many days after the programme's last day, unless the
   * programme sets its own date */
  guint       evidence_due_days;
} VpCxcRules;

/* The rules, read once; never NULL (a broken file is a critical and
 * rules that fund nothing). */
const VpCxcRules *vp_cxc_rules_get              (void);

/* The full amount per visiting organisation the rules give for
 * @host_country (NULL: none given), or NAN when they give none. */
double            vp_cxc_rules_full_amount      (const VpCxcRules   *rules,
                                                 const char         *host_country);
gboolean          vp_cxc_rules_kind_is_eligible (const VpCxcRules   *rules,
                                                 VpOrganisationKind  kind);

/* The item of the closing kit whose code is @item, or NULL. */
const VpCxcEvidenceItem *vp_cxc_rules_find_evidence_item (const VpCxcRules *rules,
                                                          const char       *item);
/* Its label, translated (context "evidence item"). */
const char       *vp_cxc_evidence_item_get_label (const VpCxcEvidenceItem *item);

/* “source (date)” of the rule @name (a member of "rules" in the file,
 * "eligible_kinds", or an item of "evidence_items" by its code), or NULL for an unknown name. */
const char       *vp_cxc_rules_source           (const char         *name);

G_END_DECLS

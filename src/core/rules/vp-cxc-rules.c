/* vp-cxc-rules.c: the ClusterXChange scheme's numbers, read once from the core's resource. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "vp-core-resources.h"
#include "vp-cxc-rules.h"
#include "vp-enum-types.h"

#define RULES_PATH "/io/github/visitplanner/VisitPlanner/core/cxc-rules.json"

typedef struct
{
  VpCxcRules  rules;
  GHashTable *sources; /* rule name → "source (date)" */
} Loaded;

static JsonObject *
rule_object (JsonObject *rules,
             const char *name)
{
  JsonNode *node = json_object_get_member (rules, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_critical ("%s: the rule “%s” is missing", RULES_PATH, name);
      return NULL;
    }
  return json_node_get_object (node);
}

/* The "value" of the rule @name as a number; @fallback (with a critical)
 * when it is missing, NAN when it is null and @null_ok. */
static double
rule_number (Loaded     *loaded,
             JsonObject *rules,
             const char *name,
             gboolean    null_ok,
             double      fallback)
{
  JsonObject *rule = rule_object (rules, name);
  JsonNode *value;

  if (rule == NULL)
    return fallback;

  g_hash_table_insert (loaded->sources, g_strdup (name),
                       g_strdup_printf ("%s (%s)",
                                        json_object_get_string_member_with_default (rule, "source",
                                                                                    ""),
                                        json_object_get_string_member_with_default (rule, "date",
                                                                                    "")));
  value = json_object_get_member (rule, "value");
  if (value != NULL && JSON_NODE_HOLDS_NULL (value) && null_ok)
    return NAN;
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    {
      g_critical ("%s: the rule “%s” has no value", RULES_PATH, name);
      return fallback;
    }
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (value) ? 1 : 0;
  return json_node_get_double (value);
}

static void
evidence_item_free (VpCxcEvidenceItem *item)
{
  g_free (item->item);
  g_free (item->label);
  g_free (item);
}

/* "evidence_items": [{ "item", "label", "source", "date" }, …] */
static void
read_evidence_items (Loaded     *loaded,
                     JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "evidence_items");
  JsonArray *items;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_critical ("%s: no evidence_items", RULES_PATH);
      return;
    }

  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *code = object != NULL
        ? json_object_get_string_member_with_default (object, "item", NULL)
        : NULL;
      VpCxcEvidenceItem *item;

      if (code == NULL || *code == '\0' ||
          vp_cxc_rules_find_evidence_item (&loaded->rules, code) != NULL)
        {
          g_critical ("%s: evidence_items[%u] has no item of its own", RULES_PATH, i);
          continue;
        }

      item = g_new0 (VpCxcEvidenceItem, 1);
      item->item = g_strdup (code);
      item->label = g_strdup (json_object_get_string_member_with_default (object, "label", code));
      g_ptr_array_add (loaded->rules.evidence_items, item);
      g_hash_table_insert (loaded->sources, g_strdup (code),
                           g_strdup_printf ("%s (%s)",
                                            json_object_get_string_member_with_default (
                                              object, "source", ""),
                                            json_object_get_string_member_with_default (
                                              object, "date", "")));
    }
}

static void
read_rules (Loaded     *loaded,
            JsonObject *root)
{
  VpCxcRules *rules = &loaded->rules;
  JsonObject *members = json_object_get_object_member (root, "rules");
  JsonObject *full;
  JsonObject *kinds;

  rules->currency = g_strdup (json_object_get_string_member_with_default (root, "currency",
                                                                           "EUR"));
  if (members == NULL)
    {
      g_critical ("%s: no rules", RULES_PATH);
      return;
    }

  rules->min_working_days = (guint)rule_number (loaded, members, "min_working_days", FALSE, 0);
  rules->max_months = (guint)rule_number (loaded, members, "max_months", FALSE, 0);
  rules->travel_days_count = rule_number (loaded, members, "travel_days_count", FALSE, 0) != 0;
  rules->halved_below_working_days =
    (guint)rule_number (loaded, members, "halved_below_working_days", FALSE, 0);
  rules->halved_below_distance_km =
    rule_number (loaded, members, "halved_below_distance_km", FALSE, 0);
  rules->cap_eur = rule_number (loaded, members, "cap_eur", FALSE, 0);
  rules->once_per_organisation =
    rule_number (loaded, members, "once_per_organisation", FALSE, 1) != 0;
  rules->full_amount_eur = rule_number (loaded, members, "full_amount_eur", TRUE, NAN);

  full = rule_object (members, "full_amount_eur");
  if (full != NULL && json_object_has_member (full, "by_host_country"))
    {
      JsonObject *by_country = json_object_get_object_member (full, "by_host_country");
      g_autoptr(GList) codes = by_country != NULL ? json_object_get_members (by_country) : NULL;

      for (GList *l = codes; l != NULL; l = l->next)
        {
          double *amount = g_new (double, 1);

          *amount = json_object_get_double_member (by_country, l->data);
          g_hash_table_insert (rules->full_amount_by_host_country, g_strdup (l->data), amount);
        }
    }

  rules->evidence_due_days = (guint)rule_number (loaded, members, "evidence_due_days", FALSE, 0);
  read_evidence_items (loaded, root);

  kinds = json_object_get_object_member (root, "eligible_kinds");
  if (kinds != NULL)
    {
      JsonArray *words = json_object_get_array_member (kinds, "value");

      g_hash_table_insert (loaded->sources, g_strdup ("eligible_kinds"),
                           g_strdup_printf ("%s (%s)",
                                            json_object_get_string_member_with_default (
                                              kinds, "source", ""),
                                            json_object_get_string_member_with_default (
                                              kinds, "date", "")));
      for (guint i = 0; words != NULL && i < json_array_get_length (words); i++)
        {
          int kind;

          if (vp_enum_from_nick (VP_TYPE_ORGANISATION_KIND,
                                 json_array_get_string_element (words, i), &kind))
            rules->eligible_kinds |= 1u << kind;
          else
            g_critical ("%s: “%s” is not a kind of organisation", RULES_PATH,
                        json_array_get_string_element (words, i));
        }
    }
}

static gpointer
load_rules (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  loaded->rules.full_amount_eur = NAN;
  loaded->rules.full_amount_by_host_country =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loaded->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loaded->rules.evidence_items =
    g_ptr_array_new_with_free_func ((GDestroyNotify)evidence_item_free);

  bytes = g_resource_lookup_data (vp_core_get_resource (), RULES_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize)g_bytes_get_size (bytes), &error))
    {
      g_critical ("The ClusterXChange rules cannot be read: %s", error->message);
      return loaded;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    g_critical ("%s: not a JSON object", RULES_PATH);
  else
    read_rules (loaded, json_node_get_object (root));

  return loaded;
}

static Loaded *
get_loaded (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_rules, NULL);
}

const VpCxcRules *
vp_cxc_rules_get (void)
{
  return &get_loaded ()->rules;
}

double
vp_cxc_rules_full_amount (const VpCxcRules *rules,
                          const char       *host_country)
{
  const double *amount;

  g_return_val_if_fail (rules != NULL, NAN);

  amount = host_country != NULL
    ? g_hash_table_lookup (rules->full_amount_by_host_country, host_country)
    : NULL;
  return amount != NULL ? *amount : rules->full_amount_eur;
}

gboolean
vp_cxc_rules_kind_is_eligible (const VpCxcRules   *rules,
                               VpOrganisationKind  kind)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return kind > 0 && kind < 32 && (rules->eligible_kinds & (1u << kind)) != 0;
}

const char *
vp_cxc_rules_source (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (get_loaded ()->sources, name);
}

const VpCxcEvidenceItem *
vp_cxc_rules_find_evidence_item (const VpCxcRules *rules,
                                 const char       *item)
{
  g_return_val_if_fail (rules != NULL, NULL);

  if (item == NULL || rules->evidence_items == NULL)
    return NULL;
  for (guint i = 0; i < rules->evidence_items->len; i++)
    {
      const VpCxcEvidenceItem *entry = g_ptr_array_index (rules->evidence_items, i);

      if (g_str_equal (entry->item, item))
        return entry;
    }
  return NULL;
}

/* The labels of data/cxc-rules.json's evidence items, for the catalogs to
 * translate: the data file is not a source xgettext reads. */
static const char * const evidence_labels[] G_GNUC_UNUSED = {
  NC_("evidence item", "Closing report"),
  NC_("evidence item", "Boarding passes or tickets"),
  NC_("evidence item", "Hotel invoices"),
  NC_("evidence item", "Outcomes"),
};

const char *
vp_cxc_evidence_item_get_label (const VpCxcEvidenceItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  /* the labels are the data file's (listed above for the catalogs), in
   * the context "evidence item" */
  return g_dpgettext2 (GETTEXT_PACKAGE, "evidence item", item->label);
}

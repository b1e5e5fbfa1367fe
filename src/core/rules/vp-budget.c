/* vp-budget.c: the budget of a programme, one line per visiting organisation, and its outputs. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vp-budget.h"
#include "vp-checks.h"
#include "vp-csv.h"
#include "vp-enum-types.h"
#include "vp-time.h"

struct _VpBudget
{
  gatomicrefcount  ref_count;
  char            *currency;
  GPtrArray       *lines;
  double           total_eur;
  GPtrArray       *unknown;
};

G_DEFINE_BOXED_TYPE (VpBudgetLine, vp_budget_line, vp_budget_line_copy, vp_budget_line_free)
G_DEFINE_BOXED_TYPE (VpBudget, vp_budget, vp_budget_ref, vp_budget_unref)

VpBudgetLine *
vp_budget_line_copy (const VpBudgetLine *line)
{
  VpBudgetLine *copy = g_new0 (VpBudgetLine, 1);

  *copy = *line;
  copy->name = g_strdup (line->name);
  copy->country = g_strdup (line->country);
  copy->rule = g_strdup (line->rule);

  return copy;
}

void
vp_budget_line_free (VpBudgetLine *line)
{
  if (line == NULL)
    return;

  g_free (line->name);
  g_free (line->country);
  g_free (line->rule);
  g_free (line);
}

VpBudget *
vp_budget_ref (VpBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NULL);

  g_atomic_ref_count_inc (&budget->ref_count);
  return budget;
}

void
vp_budget_unref (VpBudget *budget)
{
  if (budget == NULL || !g_atomic_ref_count_dec (&budget->ref_count))
    return;

  g_free (budget->currency);
  g_ptr_array_unref (budget->lines);
  g_ptr_array_unref (budget->unknown);
  g_free (budget);
}

/* “%.2f EUR” */
static char *
format_amount (const char *currency,
               double      amount)
{
  /* TRANSLATORS: an amount and its currency, as in “550.00 EUR” */
  return g_strdup_printf (_("%.2f %s"), amount, currency);
}

static const char *
host_name (VpCxcVisit *visit)
{
  return visit->host != NULL ? vp_host_get_name (visit->host) : _("the host");
}

/* Why the sum is nothing, in words, one clause per reason. */
static void
append_nothing (GString          *text,
                VpCxcVisit       *visit,
                const VpCxcRules *rules)
{
  const char *country = vp_organisation_get_country (visit->organisation);
  guint n = 0;

#define SEPARATE() G_STMT_START { if (n++ > 0) g_string_append (text, "; "); } G_STMT_END

  if (visit->reasons & VP_CXC_REASON_INELIGIBLE_COUNTRY)
    {
      SEPARATE ();
      if (vp_checks_country_eligible (country))
        g_string_append_printf (text, _("registered in %s, the host country"), country);
      else
        g_string_append_printf (text, _("registered in %s, which does not take part in the EU "
                                        "programme that funds ClusterXChange"), country);
    }
  if (visit->reasons & VP_CXC_REASON_INELIGIBLE_KIND)
    {
      SEPARATE ();
      g_string_append_printf (text, _("of the kind “%s”, not a cluster organisation, an SME or "
                                      "a support organisation"),
                              vp_enum_to_nick (VP_TYPE_ORGANISATION_KIND,
                                               vp_organisation_get_kind (visit->organisation)));
    }
  if (visit->reasons & VP_CXC_REASON_REPEAT)
    {
      SEPARATE ();
      g_string_append_printf (text, _("already a visiting organisation in “%s” (from %s): "
                                      "ClusterXChange funds one exchange per organisation"),
                              visit->repeat->programme_title ? visit->repeat->programme_title : "",
                              visit->repeat->first_day ? visit->repeat->first_day : "");
    }
  if (visit->reasons & VP_CXC_REASON_TOO_SHORT)
    {
      SEPARATE ();
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u working day, fewer than the %u an exchange "
                                                 "lasts at least",
                                                 "%u working days, fewer than the %u an exchange "
                                                 "lasts at least",
                                                 visit->working_days),
                              visit->working_days, rules->min_working_days);
    }
  if (visit->reasons & VP_CXC_REASON_TOO_LONG)
    {
      g_autofree char *first = vp_date_format (&visit->first_day);
      g_autofree char *last = vp_date_format (&visit->last_day);

      SEPARATE ();
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "from %s to %s, longer than %u month",
                                                 "from %s to %s, longer than %u months",
                                                 rules->max_months),
                              first, last, rules->max_months);
    }
#undef SEPARATE
}

static char *
describe_source (VpCxcVisit *visit)
{
  switch (visit->amount_source)
    {
    case VP_CXC_AMOUNT_OVERRIDE:
      return g_strdup (_("the partnership’s own amount"));
    case VP_CXC_AMOUNT_PROGRAMME:
      return g_strdup (_("the programme’s amount"));
    case VP_CXC_AMOUNT_RULES:
      return g_strdup_printf (_("the scheme’s amount for %s"),
                              visit->host_country ? visit->host_country : "");
    case VP_CXC_AMOUNT_NONE:
    default:
      return g_strdup ("");
    }
}

/* The sentence of what decided @visit's amount. */
static char *
describe_rule (VpCxcVisit       *visit,
               const VpCxcRules *rules)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *source = describe_source (visit);
  const char *organisation = vp_organisation_get_name (visit->organisation);

  if (visit->reasons & VP_CXC_REASONS_NOTHING)
    {
      g_autoptr(GString) why = g_string_new (NULL);

      append_nothing (why, visit, rules);
      /* TRANSLATORS: a budget line whose amount is nothing, and why */
      g_string_printf (text, _("Nothing: %s"), why->str);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (isnan (visit->full_amount_eur))
    return g_strdup (_("Unknown: no amount per visiting organisation is set: set the "
                       "programme’s lump sum or the partnership’s own amount"));

  if (!visit->halved && (visit->reasons & VP_CXC_REASON_UNKNOWN_DISTANCE))
    return g_strdup_printf (_("Unknown: the distance from %s to %s is unknown, and under %.0f "
                              "km the sum is halved: give both a position"),
                            organisation, host_name (visit), rules->halved_below_distance_km);

  if (visit->halved)
    {
      g_autofree char *full = format_amount (rules->currency, visit->full_amount_eur);

      /* TRANSLATORS: the start of a budget line whose sum is halved */
      g_string_append (text, _("Halved: "));
      if (visit->reasons & VP_CXC_REASON_SHORT_STAY)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u working day, fewer than %u",
                                                   "%u working days, fewer than %u",
                                                   visit->working_days),
                                visit->working_days, rules->halved_below_working_days);
      if ((visit->reasons & VP_CXC_REASON_SHORT_STAY) && (visit->reasons & VP_CXC_REASON_NEAR))
        g_string_append (text, "; ");
      if (visit->reasons & VP_CXC_REASON_NEAR)
        g_string_append_printf (text, _("%.0f km from %s, less than %.0f km"),
                                visit->distance_km, host_name (visit),
                                rules->halved_below_distance_km);
      /* TRANSLATORS: ends a budget line: the full amount and where it comes from */
      g_string_append_printf (text, _(" (half of %s, %s)"), full, source);
    }
  else
    {
      /* TRANSLATORS: a budget line paid in full: working days, distance to the host, where the
       * amount comes from */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Full amount: %u working day, %.0f km from %s "
                                                 "(%s)",
                                                 "Full amount: %u working days, %.0f km from %s "
                                                 "(%s)",
                                                 visit->working_days),
                              visit->working_days, visit->distance_km, host_name (visit), source);
    }

  if (!isnan (rules->cap_eur) &&
      (visit->halved ? visit->full_amount_eur / 2 : visit->full_amount_eur) > rules->cap_eur)
    {
      g_autofree char *cap = format_amount (rules->currency, rules->cap_eur);

      g_string_append_printf (text, _(", capped at %s"), cap);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_unknown (VpBudget *budget,
             char     *message)
{
  g_ptr_array_add (budget->unknown, message);
}

VpBudget *
vp_budget_new_from_cxc (VpCxc *cxc)
{
  VpBudget *budget = g_new0 (VpBudget, 1);
  gboolean no_amount = FALSE;

  g_return_val_if_fail (cxc != NULL, NULL);

  g_atomic_ref_count_init (&budget->ref_count);
  budget->currency = g_strdup (cxc->rules->currency);
  budget->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_budget_line_free);
  budget->unknown = g_ptr_array_new_with_free_func (g_free);
  budget->total_eur = 0;

  for (guint v = 0; v < cxc->visits->len; v++)
    {
      VpCxcVisit *visit = g_ptr_array_index (cxc->visits, v);
      VpOrganisation *organisation = visit->organisation;
      const char *name = vp_organisation_get_name (organisation);
      VpBudgetLine *line = g_new0 (VpBudgetLine, 1);

      line->name = g_strdup (name);
      line->country = g_strdup (vp_organisation_get_country (organisation));
      line->people = visit->people->len;
      line->working_days = visit->working_days;
      line->distance_km = visit->distance_km;
      line->halved = visit->halved;
      line->amount_eur = visit->amount_eur;
      line->reasons = visit->reasons;
      line->rule = describe_rule (visit, cxc->rules);
      budget->total_eur += line->amount_eur;
      g_ptr_array_add (budget->lines, line);

      if (visit->reasons & VP_CXC_REASON_UNKNOWN_DISTANCE)
        {
          if (!vp_organisation_has_position (organisation))
            add_unknown (budget, g_strdup_printf (_("%s has no position (the latitude and "
                                                    "longitude of its city): its distance to "
                                                    "the host is unknown"),
                                                  name));
          else if (visit->host == NULL)
            add_unknown (budget, g_strdup_printf (_("The people of %s attend no session at a "
                                                    "host: its distance to the host is unknown"),
                                                  name));
          else
            add_unknown (budget, g_strdup_printf (_("%s has no position (latitude and "
                                                    "longitude): the distance of %s to it is "
                                                    "unknown"),
                                                  vp_host_get_name (visit->host), name));
        }
      if (vp_organisation_get_country (organisation) == NULL)
        add_unknown (budget, g_strdup_printf (_("%s has no registered country: whether "
                                                "ClusterXChange funds it is unknown"),
                                              name));
      if (vp_organisation_get_kind (organisation) == VP_ORGANISATION_KIND_UNSET)
        add_unknown (budget, g_strdup_printf (_("%s has no kind (cluster organisation, SME, "
                                                "support organisation…): whether "
                                                "ClusterXChange funds it is unknown"),
                                              name));
      for (guint p = 0; p < visit->people_without_legs->len; p++)
        add_unknown (budget,
                     g_strdup_printf (_("%s (%s) has no travel legs: every day of their "
                                        "sessions counts as a working day"),
                                      vp_participant_get_name (
                                        g_ptr_array_index (visit->people_without_legs, p)),
                                      name));
      no_amount |= isnan (visit->full_amount_eur) &&
                   (visit->reasons & VP_CXC_REASONS_NOTHING) == 0;
    }

  for (guint p = 0; p < cxc->unassigned->len; p++)
    add_unknown (budget, g_strdup_printf (_("%s belongs to no organisation: no line of the "
                                            "budget counts them"),
                                          vp_participant_get_name (
                                            g_ptr_array_index (cxc->unassigned, p))));
  if (no_amount)
    add_unknown (budget, g_strdup (_("The programme has no amount per visiting organisation: "
                                     "set its lump sum, or the partnership’s own amount")));

  return budget;
}

VpBudget *
vp_budget_new (VpSnapshot *snapshot,
               GPtrArray  *organisation_visits)
{
  g_autoptr(VpCxc) cxc = NULL;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  cxc = vp_cxc_new (snapshot, organisation_visits, NULL);
  return vp_budget_new_from_cxc (cxc);
}

const char *
vp_budget_get_currency (VpBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NULL);

  return budget->currency;
}

GPtrArray *
vp_budget_get_lines (VpBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NULL);

  return budget->lines;
}

double
vp_budget_get_total_eur (VpBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NAN);

  return budget->total_eur;
}

GPtrArray *
vp_budget_get_unknown (VpBudget *budget)
{
  g_return_val_if_fail (budget != NULL, NULL);

  return budget->unknown;
}

/* Outputs {{{1 */

/* Amounts to the cent, distances to the tenth of a kilometre. */
static double
round_to (double value,
          double unit)
{
  return round (value / unit) * unit;
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value,
                    double       unit)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64)value);
  else
    json_builder_add_double_value (builder, round_to (value, unit));
}

GBytes *
vp_budget_write_json (VpBudget *budget)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (budget != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, budget->currency);
  add_number_or_null (builder, "total_eur", round_to (budget->total_eur, 0.01), 0.01);

  json_builder_set_member_name (builder, "organisations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < budget->lines->len; i++)
    {
      VpBudgetLine *line = g_ptr_array_index (budget->lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, line->name);
      json_builder_set_member_name (builder, "country");
      if (line->country != NULL)
        json_builder_add_string_value (builder, line->country);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "people");
      json_builder_add_int_value (builder, line->people);
      json_builder_set_member_name (builder, "working_days");
      json_builder_add_int_value (builder, line->working_days);
      add_number_or_null (builder, "distance_km", round_to (line->distance_km, 0.1), 0.1);
      json_builder_set_member_name (builder, "halved");
      json_builder_add_boolean_value (builder, line->halved);
      add_number_or_null (builder, "amount_eur", round_to (line->amount_eur, 0.01), 0.01);
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      for (guint r = 0; r < VP_CXC_N_REASONS; r++)
        if (line->reasons & (1u << r))
          json_builder_add_string_value (builder, vp_cxc_reason_code (1u << r));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unknown");
  json_builder_begin_array (builder);
  for (guint i = 0; i < budget->unknown->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (budget->unknown, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}

static char *
format_number (double value,
               double unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, unit < 0.1 ? "%.2f" : "%.1f",
                                    round_to (value, unit)));
}

static char *
join_reasons (guint reasons)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < VP_CXC_N_REASONS; r++)
    if (reasons & (1u << r))
      {
        if (text->len > 0)
          g_string_append_c (text, ' ');
        g_string_append (text, vp_cxc_reason_code (1u << r));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

GBytes *
vp_budget_write_csv (VpBudget *budget)
{
  static const char * const header[] = {
    "name", "country", "people", "working_days", "distance_km", "halved", "amount_eur",
    "reasons",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (budget != NULL, NULL);

  vp_csv_append_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < budget->lines->len; i++)
    {
      VpBudgetLine *line = g_ptr_array_index (budget->lines, i);
      g_autofree char *people = g_strdup_printf ("%u", line->people);
      g_autofree char *days = g_strdup_printf ("%u", line->working_days);
      g_autofree char *distance = format_number (line->distance_km, 0.1);
      g_autofree char *amount = format_number (line->amount_eur, 0.01);
      g_autofree char *reasons = join_reasons (line->reasons);
      const char *fields[] = {
        line->name, line->country ? line->country : "", people, days, distance,
        line->halved ? "true" : "false", amount, reasons,
      };

      vp_csv_append_record (out, fields, G_N_ELEMENTS (fields));
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* @text padded with spaces to @width characters. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);

  if (right)
    for (glong i = length; i < (glong)width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = length; i < (glong)width; i++)
      g_string_append_c (out, ' ');
}

/* Text from the database on one line: control characters become spaces. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = ' ';
  return copy;
}

char *
vp_budget_format_text (VpBudget *budget)
{
  enum { N_COLUMNS = 6 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *titles[N_COLUMNS] = {
    /* TRANSLATORS: the titles of the budget table's columns */
    _("Organisation"), _("Country"), _("People"), _("Working days"), _("Distance"), _("Amount"),
  };
  const gboolean right[N_COLUMNS] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE };
  guint widths[N_COLUMNS];
  guint n_rows = budget->lines->len + 1;

  g_return_val_if_fail (budget != NULL, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    g_ptr_array_add (cells, g_strdup (titles[c]));
  for (guint i = 0; i < budget->lines->len; i++)
    {
      VpBudgetLine *line = g_ptr_array_index (budget->lines, i);

      g_ptr_array_add (cells, one_line (line->name));
      g_ptr_array_add (cells, one_line (line->country));
      g_ptr_array_add (cells, g_strdup_printf ("%u", line->people));
      g_ptr_array_add (cells, g_strdup_printf ("%u", line->working_days));
      /* TRANSLATORS: a distance in the budget table; “?” when unknown */
      g_ptr_array_add (cells, isnan (line->distance_km) ? g_strdup (_("?"))
                                                         : g_strdup_printf (_("%.0f km"),
                                                                            line->distance_km));
      g_ptr_array_add (cells, isnan (line->amount_eur) ? g_strdup (_("?"))
                                                        : format_amount (budget->currency,
                                                                         line->amount_eur));
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      widths[c] = 0;
      for (guint r = 0; r < n_rows; r++)
        widths[c] = MAX (widths[c],
                         (guint)g_utf8_strlen (g_ptr_array_index (cells, r * N_COLUMNS + c), -1));
    }

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          append_padded (out, g_ptr_array_index (cells, r * N_COLUMNS + c),
                         c == N_COLUMNS - 1 && !right[c] ? 0 : widths[c], right[c]);
        }
      g_string_append_c (out, '\n');
      if (r > 0)
        {
          VpBudgetLine *line = g_ptr_array_index (budget->lines, r - 1);
          g_autofree char *rule = one_line (line->rule);

          g_string_append_printf (out, "    %s\n", rule);
        }
    }
  if (budget->lines->len == 0)
    g_string_append_printf (out, "%s\n", _("No visiting organisation yet."));

  if (isnan (budget->total_eur))
    g_string_append_printf (out, "\n%s\n", _("Total: unknown (see below)"));
  else
    {
      g_autofree char *total = format_amount (budget->currency, budget->total_eur);

      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Total: %s"), total);
      g_string_append_c (out, '\n');
    }

  if (budget->unknown->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Still unknown:"));
      for (guint i = 0; i < budget->unknown->len; i++)
        {
          g_autofree char *message = one_line (g_ptr_array_index (budget->unknown, i));

          g_string_append_printf (out, "  - %s\n", message);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

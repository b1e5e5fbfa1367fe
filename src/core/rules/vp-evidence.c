/* vp-evidence.c: the closing kit of a programme: which funded organisation still owes which
 * item, and whether it is late. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <json-glib/json-glib.h>

#include "vp-cxc.h"
#include "vp-evidence.h"
#include "vp-time.h"

void
vp_evidence_get_today (GDate *today)
{
  const char *forced = g_getenv ("VISIT_PLANNER_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (today != NULL);

  if (forced != NULL && vp_date_parse (forced, today, NULL))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
}

gboolean
vp_evidence_get_due (VpProgramme      *programme,
                     const VpCxcRules *rules,
                     GDate            *due)
{
  const char *set = vp_programme_get_evidence_due (programme);
  const char *last = vp_programme_get_end_date (programme);

  g_return_val_if_fail (VP_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  g_date_clear (due, 1);
  if (set != NULL && vp_date_parse (set, due, NULL))
    return TRUE;

  if (last != NULL && vp_date_parse (last, due, NULL))
    {
      if (rules == NULL)
        rules = vp_cxc_rules_get ();
      /* a GDate goes on to the year 65535: 9999-12-31 has a due day too */
      g_date_add_days (due, rules->evidence_due_days);
    }
  return FALSE;
}

static void
line_free (VpEvidenceLine *line)
{
  g_clear_pointer (&line->missing, g_ptr_array_unref);
  g_clear_pointer (&line->received, g_ptr_array_unref);
  g_free (line);
}

void
vp_evidence_report_free (VpEvidenceReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->lines, g_ptr_array_unref);
  g_free (report);
}

VpEvidenceReport *
vp_evidence_report_new (VpSnapshot  *snapshot,
                        GPtrArray   *organisation_visits,
                        const GDate *today)
{
  VpEvidenceReport *report = g_new0 (VpEvidenceReport, 1);
  VpProgramme *programme;
  g_autoptr(VpCxc) cxc = NULL;
  const char *last;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  programme = vp_snapshot_get_programme (snapshot);
  cxc = vp_cxc_new (snapshot, organisation_visits, NULL);
  report->rules = cxc->rules;
  report->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);

  g_date_clear (&report->today, 1);
  if (today != NULL && g_date_valid (today))
    report->today = *today;
  else
    vp_evidence_get_today (&report->today);

  g_date_clear (&report->last_day, 1);
  last = vp_programme_get_end_date (programme);
  if (last != NULL)
    vp_date_parse (last, &report->last_day, NULL);
  report->due_set = vp_evidence_get_due (programme, report->rules, &report->due);
  report->ended = g_date_valid (&report->last_day) &&
                  g_date_compare (&report->last_day, &report->today) < 0;

  for (guint v = 0; v < cxc->visits->len; v++)
    {
      VpCxcVisit *visit = g_ptr_array_index (cxc->visits, v);
      VpEvidenceLine *line = g_new0 (VpEvidenceLine, 1);
      GPtrArray *items = report->rules->evidence_items;

      line->organisation = visit->organisation;
      line->funded = (visit->reasons & VP_CXC_REASONS_NOTHING) == 0;
      line->missing = g_ptr_array_new ();
      line->received = g_ptr_array_new ();
      for (guint i = 0; i < items->len; i++)
        {
          const VpCxcEvidenceItem *item = g_ptr_array_index (items, i);

          if (vp_organisation_get_evidence_received (visit->organisation, item->item) != NULL)
            g_ptr_array_add (line->received, (gpointer)item);
          else if (line->funded)
            g_ptr_array_add (line->missing, (gpointer)item);
        }
      report->n_missing += line->missing->len;
      g_ptr_array_add (report->lines, line);
    }

  report->overdue = report->n_missing > 0 && g_date_valid (&report->due) &&
                    g_date_compare (&report->due, &report->today) < 0;
  return report;
}

VpEvidenceLine *
vp_evidence_report_find (VpEvidenceReport *report,
                         VpOrganisation   *organisation)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->lines->len; i++)
    {
      VpEvidenceLine *line = g_ptr_array_index (report->lines, i);

      if (line->organisation == organisation)
        return line;
    }
  return NULL;
}

char *
vp_evidence_join_labels (GPtrArray *items)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, vp_cxc_evidence_item_get_label (g_ptr_array_index (items, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Output {{{1 */

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  json_builder_set_member_name (builder, member);
  if (g_date_valid (date))
    {
      g_autofree char *text = vp_date_format (date);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

GBytes *
vp_evidence_report_write_json (VpEvidenceReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  add_date (builder, "today", &report->today);
  add_date (builder, "last_day", &report->last_day);
  add_date (builder, "due", &report->due);
  json_builder_set_member_name (builder, "due_from");
  json_builder_add_string_value (builder, report->due_set ? "programme" : "rules");
  json_builder_set_member_name (builder, "ended");
  json_builder_add_boolean_value (builder, report->ended);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, report->overdue);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, report->n_missing);

  json_builder_set_member_name (builder, "organisations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->lines->len; i++)
    {
      VpEvidenceLine *line = g_ptr_array_index (report->lines, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, vp_organisation_get_name (line->organisation));
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, vp_organisation_get_uid (line->organisation));
      json_builder_set_member_name (builder, "funded");
      json_builder_add_boolean_value (builder, line->funded);
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (guint j = 0; j < line->missing->len; j++)
        json_builder_add_string_value (builder,
                                       ((VpCxcEvidenceItem *)line->missing->pdata[j])->item);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "received");
      json_builder_begin_array (builder);
      for (guint j = 0; j < line->received->len; j++)
        {
          const VpCxcEvidenceItem *item = g_ptr_array_index (line->received, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "item");
          json_builder_add_string_value (builder, item->item);
          json_builder_set_member_name (builder, "received");
          json_builder_add_string_value (builder,
                                         vp_organisation_get_evidence_received (line->organisation,
                                                                                item->item));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}

/* @text on one line: control characters (from a file or the database)
 * become spaces. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, (guchar)*p < 0x20 || *p == 0x7F ? ' ' : *p);
}

char *
vp_evidence_report_format_text (VpEvidenceReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *due = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  due = g_date_valid (&report->due) ? vp_date_format (&report->due) : g_strdup ("?");
  today = vp_date_format (&report->today);
  last = g_date_valid (&report->last_day) ? vp_date_format (&report->last_day) : g_strdup ("?");
  if (report->due_set)
    g_string_append_printf (out, _("Closing kit due on %s (the programme’s date); today is %s."),
                            due, today);
  else
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Closing kit due on %s (%u day after the last day, %s); "
                                         "today is %s.",
                                         "Closing kit due on %s (%u days after the last day, %s); "
                                         "today is %s.",
                                         report->rules->evidence_due_days),
                            due, report->rules->evidence_due_days, last, today);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < report->lines->len; i++)
    {
      VpEvidenceLine *line = g_ptr_array_index (report->lines, i);

      append_one_line (out, vp_organisation_get_name (line->organisation));
      g_string_append (out, ": ");
      if (!line->funded)
        g_string_append (out, _("not funded by the scheme: it owes no closing kit"));
      else if (line->missing->len == 0)
        g_string_append (out, _("complete"));
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u item missing",
                                                  "%u items missing", line->missing->len),
                                line->missing->len);
      g_string_append_c (out, '\n');

      for (guint j = 0; j < line->missing->len; j++)
        {
          const VpCxcEvidenceItem *item = g_ptr_array_index (line->missing, j);

          /* TRANSLATORS: an item of the closing kit not handed in: its label, then its code */
          g_string_append_printf (out, _("  missing: %s (%s)"),
                                  vp_cxc_evidence_item_get_label (item), item->item);
          g_string_append_c (out, '\n');
        }
      for (guint j = 0; j < line->received->len; j++)
        {
          const VpCxcEvidenceItem *item = g_ptr_array_index (line->received, j);

          /* TRANSLATORS: an item of the closing kit handed in: the day, its label, its code */
          g_string_append_printf (out, _("  received on %s: %s (%s)"),
                                  vp_organisation_get_evidence_received (line->organisation,
                                                                         item->item),
                                  vp_cxc_evidence_item_get_label (item), item->item);
          g_string_append_c (out, '\n');
        }
    }
  if (report->lines->len == 0)
    g_string_append_printf (out, "%s\n",
                            _("No visiting organisation has people in the programme."));

  g_string_append_c (out, '\n');
  if (report->n_missing == 0)
    g_string_append (out, _("Nothing is missing."));
  else if (report->overdue)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "%u item is missing, and was due on %s.",
                                              "%u items are missing, and were due on %s.",
                                              report->n_missing),
                            report->n_missing, due);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u item is missing, due on %s.",
                                              "%u items are missing, due on %s.",
                                              report->n_missing),
                            report->n_missing, due);
  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

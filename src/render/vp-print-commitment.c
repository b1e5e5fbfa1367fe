/* vp-print-commitment.c: the draft of the ClusterXChange "Commitment to Quality", one per
 * visiting organisation: the exchange, the organisation, its goals and objectives, the agenda
 * of its people and the four signatures. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"
#include <string.h>

#include "vp-labels.h"
#include "vp-print-sheets.h"
#include "vp-time.h"

/* Spacing, in points. */
#define SECTION_SPACE 16.0
#define PADDING       6.0
#define GAP           14.0   /* between a label and its value, two signature panels */
#define CELL_GAP      8.0
#define SIGN_LINE     26.0   /* room above each line to write on */

/* Pieces {{{1 */



static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static VpPrintBlock *
append_block (VpPrintSheet     *sheet,
              VpPrintBlockKind  kind,
              const char       *tag)
{
  VpPrintBlock *block = vp_print_block_new (kind, tag);

  g_ptr_array_add (sheet->blocks, block);
  return block;
}

/* Adds @text in @font at (@x, *@y) of @block, wrapped to @width, and moves
 * *@y below it. */
static PangoLayout *
add_text (VpPrintSheet *sheet,
          VpPrintBlock *block,
          VpPrintFont   font,
          double        x,
          double       *y,
          double        width,
          const char   *text,
          guint32       colour)
{
  PangoLayout *layout = vp_print_sheet_text (sheet, font, width, text);

  vp_print_block_add_text (block, layout, x, *y, colour);
  *y += vp_print_layout_get_height (layout);
  return layout;
}

/* Letters spaced out, in capitals: a label above a title or a column. */
static PangoLayout *
label_text (VpPrintSheet *sheet,
            double        width,
            const char   *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_LABEL, width, upper);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (PANGO_SCALE / 5));
  pango_layout_set_attributes (layout, attributes);
  return layout;
}

/* A heading (never the last thing on a page) and its rule. */
static void
append_section (VpPrintSheet *sheet,
                const char   *title)
{
  VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_HEADING, "commitment-section");
  double y = 0;

  add_text (sheet, block, VP_PRINT_FONT_SECTION, 0, &y, sheet->width, title,
            VP_PRINT_COLOUR_ACCENT);
  vp_print_block_add_rule (block, 0, y + 2, sheet->width, 0.6, VP_PRINT_COLOUR_ACCENT);
  vp_print_block_extend (block, y + 2 + 0.6 + 5);
  vp_print_block_set_space_above (block, SECTION_SPACE);
}

/* Body text that may go on to the next page between its lines. */
static VpPrintBlock *
append_paragraph (VpPrintSheet *sheet,
                  VpPrintFont   font,
                  const char   *text,
                  guint32       colour,
                  double        space_above)
{
  VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-text");
  double y = 0;

  add_text (sheet, block, font, 0, &y, sheet->width, text, colour);
  vp_print_block_set_space_above (block, space_above);
  return block;
}

/* A shaded box of labelled lines, kept on one page unless it is longer
 * than a good part of one. */
static void
append_facts (VpPrintSheet       *sheet,
              const char * const *labels,
              const char * const *values,
              guint               n)
{
  VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-facts");
  g_autoptr(GPtrArray) label_layouts = g_ptr_array_new ();
  g_autoptr(GPtrArray) value_layouts = g_ptr_array_new ();
  double label_width = 0;
  double x;
  double y;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_SMALL_BOLD, 0, labels[i]);

      label_width = MAX (label_width, vp_print_layout_get_width (layout));
      g_ptr_array_add (label_layouts, layout);
    }
  label_width = MIN (label_width, sheet->width / 3);
  x = PADDING + 2 + label_width + GAP;

  y = PADDING + 1;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = g_ptr_array_index (label_layouts, i);
      PangoLayout *value = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY,
                                                sheet->width - x - PADDING,
                                                blank (values[i]) ? "—" : values[i]);

      pango_layout_set_width (label, pango_units_from_double (label_width));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      g_ptr_array_add (value_layouts, value);
      y += MAX (vp_print_layout_get_height (value), vp_print_layout_get_height (label)) +
           (i + 1 < n ? 3 : 0);
    }
  /* the box first, under the text */
  vp_print_block_add_box (block, 0, 0, sheet->width, y + PADDING, 0, FALSE,
                          VP_PRINT_COLOUR_SHADE);

  y = PADDING + 1;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = g_ptr_array_index (label_layouts, i);
      PangoLayout *value = g_ptr_array_index (value_layouts, i);

      vp_print_block_add_text (block, label, PADDING + 2, y, VP_PRINT_COLOUR_MUTED);
      vp_print_block_add_text (block, value, x, y, blank (values[i]) ? VP_PRINT_COLOUR_MUTED
                                                                       : VP_PRINT_COLOUR_TEXT);
      y += MAX (vp_print_layout_get_height (value), vp_print_layout_get_height (label)) + 3;
    }

  vp_print_block_set_space_above (block, 10);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 3));
}

/* "Name · email", the parts that are given. */
static char *
join_contact (const char *name,
              const char *email)
{
  if (blank (name))
    return g_strdup (email);
  if (blank (email))
    return g_strdup (name);
  /* TRANSLATORS: a contact on a printed Commitment to Quality: a name, then an email */
  return g_strdup_printf (_("%s · %s"), name, email);
}

/* "Lithuanian Laser Cluster (Lithuania)". */
static char *
with_country (const char *name,
              const char *code)
{
  const char *country = code != NULL ? vp_country_name (code) : NULL;

  if (country == NULL)
    country = code;
  if (blank (name))
    return g_strdup (country);
  if (blank (country))
    return g_strdup (name);
  /* TRANSLATORS: an organisation and the country it is in: "Lumiray Oy (Finland)" */
  return g_strdup_printf (_("%s (%s)"), name, country);
}

/* The agenda of its people {{{1 */

typedef struct
{
  VpPrintSheet *sheet;
  double        x[4];
  double        widths[4];
  VpPrintBlock *header;
} Table;

static void
table_init (Table        *table,
            VpPrintSheet *sheet)
{
  /* TRANSLATORS: the column titles of the agenda on a printed Commitment to Quality */
  const char *titles[] = { _("Date"), _("Time"), _("Session"), _("Host") };
  const double fractions[] = { 0.17, 0.15, 0.43, 0.25 };
  double x = 0;
  double label_height = 0;

  table->sheet = sheet;
  table->header = vp_print_block_new (VP_PRINT_BLOCK_HEADING, "commitment-agenda-header");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      double width = sheet->width * fractions[i];
      PangoLayout *layout;

      table->x[i] = x;
      table->widths[i] = i + 1 < G_N_ELEMENTS (titles) ? width - CELL_GAP : sheet->width - x;
      x += width;
      layout = label_text (sheet, table->widths[i], titles[i]);
      vp_print_block_add_text (table->header, layout, table->x[i], 0, VP_PRINT_COLOUR_MUTED);
      label_height = MAX (label_height, vp_print_layout_get_height (layout));
    }
  vp_print_block_add_rule (table->header, 0, label_height + 3, sheet->width, 0.8,
                           VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (table->header, label_height + 3 + 0.8);
  vp_print_block_set_space_above (table->header, 6);
  g_ptr_array_add (sheet->blocks, table->header);
}

static void
table_add_row (Table              *table,
               const char * const *cells)
{
  VpPrintSheet *sheet = table->sheet;
  VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-session");
  double bottom = 0;

  for (guint i = 0; i < G_N_ELEMENTS (table->x); i++)
    {
      double y = 4;

      add_text (sheet, block, i == 2 ? VP_PRINT_FONT_TITLE : VP_PRINT_FONT_BODY, table->x[i], &y,
                table->widths[i], blank (cells[i]) ? "—" : cells[i],
                blank (cells[i]) ? VP_PRINT_COLOUR_MUTED : VP_PRINT_COLOUR_TEXT);
      bottom = MAX (bottom, y);
    }
  vp_print_block_add_rule (block, 0, bottom + 4, sheet->width, 0.4, VP_PRINT_COLOUR_RULE);
  vp_print_block_set_repeat (block, table->header);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 4));
}

static gboolean
attends (VpSession  *session,
         GHashTable *refs)
{
  GPtrArray *attendees;

  if (g_hash_table_size (refs) == 0)
    return FALSE;
  if (vp_session_get_attendees_all (session))
    return TRUE;

  attendees = vp_session_get_attendees (session);
  for (guint i = 0; i < attendees->len; i++)
    if (g_hash_table_contains (refs, g_ptr_array_index (attendees, i)))
      return TRUE;
  return FALSE;
}

/* A session's local day and time, in its own zone (the programme's when
 * it has none). */
static void
session_when (VpPrintSheet  *sheet,
              VpSession     *session,
              char         **date,
              char         **time)
{
  const char *zone_name = vp_session_get_timezone (session);
  g_autoptr(GTimeZone) own = zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
  GTimeZone *zone = own != NULL ? own : sheet->zone;
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (vp_session_get_start_utc (session));
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (vp_session_get_end_utc (session));
  g_autoptr(GDateTime) local_start = start != NULL ? g_date_time_to_timezone (start, zone) : NULL;
  g_autoptr(GDateTime) local_end = end != NULL ? g_date_time_to_timezone (end, zone) : NULL;

  if (local_start == NULL || local_end == NULL)
    {
      *date = g_strdup (vp_session_get_start (session));
      *time = NULL;
      return;
    }
  /* TRANSLATORS: a session's day on a printed Commitment to Quality, as a
   * g_date_time_format() format: "Tue 13 Apr" */
  *date = vp_document_format_date_time (local_start, _("%a %-d %b"));
  {
    /* TRANSLATORS: a time of day on the 24-hour clock, as a g_date_time_format() format */
    g_autofree char *from = vp_document_format_date_time (local_start, _("%H:%M"));
    g_autofree char *to = vp_document_format_date_time (local_end, _("%H:%M"));

    /* TRANSLATORS: a time range: "09:15–09:45" */
    *time = g_strdup_printf (C_("time range", "%s–%s"), from, to);
  }
}

static void
append_agenda (VpPrintSheet *sheet,
               GPtrArray    *people)
{
  VpSnapshot *snapshot = sheet->snapshot;
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);
  g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) names = g_string_new (NULL);
  Table table;
  guint rows = 0;

  /* TRANSLATORS: a section of a printed Commitment to Quality: the sessions its people attend */
  append_section (sheet, _("The agenda of its people"));

  for (guint i = 0; i < people->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (people, i);

      g_hash_table_add (refs, (gpointer)vp_participant_get_ref (participant));
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, vp_participant_get_name (participant));
    }
  if (people->len > 0)
    {
      g_autofree char *line = NULL;

      /* TRANSLATORS: who of the organisation travels: "Representatives: Aino Mäkelä, Jukka
       * Räsänen" */
      line = g_strdup_printf (_("Representatives: %s"), names->str);
      append_paragraph (sheet, VP_PRINT_FONT_BODY, line, VP_PRINT_COLOUR_TEXT, 0);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      VpHost *host = vp_session_get_host_ref (session) != NULL
        ? vp_snapshot_lookup_host (snapshot, vp_session_get_host_ref (session))
        : NULL;
      g_autofree char *date = NULL;
      g_autofree char *time = NULL;
      const char *cells[4];

      if (vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED ||
          !attends (session, refs))
        continue;

      if (rows++ == 0)
        table_init (&table, sheet);
      session_when (sheet, session, &date, &time);
      cells[0] = date;
      cells[1] = time;
      cells[2] = vp_session_get_title (session);
      cells[3] = host != NULL ? vp_host_get_name (host) : vp_session_get_location (session);
      table_add_row (&table, cells);
    }

  if (rows == 0)
    append_paragraph (sheet, VP_PRINT_FONT_BODY,
                      people->len == 0
                        ? _("The organisation has no participants in the programme yet.")
                        : _("None of its people attends a session yet."),
                      VP_PRINT_COLOUR_MUTED, 4);
}

/* Signatures {{{1 */

/* One party's panel at @x of @block, @width wide: who signs, for whom, and
 * the lines to write the name and date and to sign on.  Returns its
 * height. */
static double
add_signature_panel (VpPrintSheet *sheet,
                     VpPrintBlock *block,
                     double        x,
                     double        width,
                     const char   *role,
                     const char   *party)
{
  /* TRANSLATORS: the lines of a signature block on a printed Commitment to Quality */
  const char *lines[] = { _("Name"), _("Date"), _("Signature") };
  double y = 0;
  PangoLayout *layout = label_text (sheet, width, role);

  vp_print_block_add_text (block, layout, x, y, VP_PRINT_COLOUR_ACCENT);
  y += vp_print_layout_get_height (layout) + 2;
  add_text (sheet, block, VP_PRINT_FONT_BODY, x, &y, width, blank (party) ? " " : party,
            VP_PRINT_COLOUR_TEXT);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      y += SIGN_LINE;
      vp_print_block_add_rule (block, x, y, width, 0.6, VP_PRINT_COLOUR_TEXT);
      y += 2;
      add_text (sheet, block, VP_PRINT_FONT_SMALL, x, &y, width, lines[i],
                VP_PRINT_COLOUR_MUTED);
    }
  return y;
}

/* Two panels side by side, kept whole on one page. */
static void
append_signature_row (VpPrintSheet *sheet,
                      const char   *left_role,
                      const char   *left_party,
                      const char   *right_role,
                      const char   *right_party)
{
  VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-signatures");
  double width = (sheet->width - 2 * GAP) / 2;
  double left = add_signature_panel (sheet, block, 0, width, left_role, left_party);
  double right = add_signature_panel (sheet, block, width + 2 * GAP, width, right_role,
                                      right_party);

  vp_print_block_extend (block, MAX (left, right));
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_space_above (block, 12);
}

/* One organisation {{{1 */

static void
append_goal (VpPrintSheet *sheet,
             const char   *own,
             const char   *programme_text,
             const char   *title,
             const char   *inherited,
             const char   *missing)
{
  append_section (sheet, title);
  if (!blank (own))
    append_paragraph (sheet, VP_PRINT_FONT_BODY, own, VP_PRINT_COLOUR_TEXT, 0);
  else if (!blank (programme_text))
    {
      append_paragraph (sheet, VP_PRINT_FONT_BODY, programme_text, VP_PRINT_COLOUR_TEXT, 0);
      append_paragraph (sheet, VP_PRINT_FONT_META, inherited, VP_PRINT_COLOUR_MUTED, 2);
    }
  else
    append_paragraph (sheet, VP_PRINT_FONT_BODY, missing, VP_PRINT_COLOUR_MUTED, 0);
}

static void
append_commitment (VpPrintSheet   *sheet,
                   VpOrganisation *organisation,
                   GPtrArray      *people)
{
  VpProgramme *programme = vp_snapshot_get_programme (sheet->snapshot);
  const char *name = vp_organisation_get_name (organisation);
  const char *title = vp_programme_get_title (programme);
  VpPrintBlock *block;
  double y = 0;
  g_autofree char *subtitle = NULL;
  g_autofree char *dates =
    vp_print_format_date_range (vp_programme_get_start_date (programme),
                                vp_programme_get_end_date (programme));
  g_autofree char *host_cluster = with_country (vp_programme_get_host_cluster (programme),
                                                vp_programme_get_host_country (programme));
  g_autofree char *coordinator = join_contact (vp_programme_get_coordinator_name (programme),
                                               vp_programme_get_coordinator_email (programme));
  g_autofree char *contact = join_contact (vp_organisation_get_contact_name (organisation),
                                           vp_organisation_get_contact_email (organisation));
  g_autofree char *country = with_country (NULL, vp_organisation_get_country (organisation));
  VpOrganisationKind kind = vp_organisation_get_kind (organisation);
  PangoLayout *layout;

  /* Each organisation's draft starts a page. */
  block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-title");
  vp_print_block_set_new_page (block, TRUE);
  /* TRANSLATORS: the label above the title of a printed Commitment to Quality */
  layout = label_text (sheet, sheet->width, _("ClusterXChange · Commitment to Quality · draft"));
  vp_print_block_add_text (block, layout, 0, y, VP_PRINT_COLOUR_ACCENT);
  y += vp_print_layout_get_height (layout) + 2;
  add_text (sheet, block, VP_PRINT_FONT_DOCUMENT, 0, &y, sheet->width, name,
            VP_PRINT_COLOUR_TEXT);
  y += 2;
  /* TRANSLATORS: under the organisation's name on a printed Commitment to Quality */
  subtitle = g_strdup_printf (_("Visiting organisation of “%s”"), blank (title) ? "" : title);
  add_text (sheet, block, VP_PRINT_FONT_SUBTITLE, 0, &y, sheet->width, subtitle,
            VP_PRINT_COLOUR_MUTED);
  y += 6;
  add_text (sheet, block, VP_PRINT_FONT_BODY, 0, &y, sheet->width,
            _("The host and the visiting organisation, and their ClusterXChange partnerships, "
              "agree what the exchange is for and how it runs: the goals and objectives "
              "below, the agenda of the visiting organisation’s people, and the quality "
              "each party commits to. Complete this draft, then sign it before the "
              "exchange."),
            VP_PRINT_COLOUR_TEXT);
  vp_print_block_extend (block, y + 4);
  vp_print_block_set_keep (block, MIN (vp_print_block_get_height (block), sheet->height / 2));

  /* TRANSLATORS: a section of a printed Commitment to Quality */
  append_section (sheet, _("The exchange"));
  {
    /* TRANSLATORS: labels of the facts of a printed Commitment to Quality */
    const char *labels[] = { _("Programme"), _("Dates"), _("Host cluster"),
                             _("Visiting cluster"), _("Coordinator") };
    const char *values[] = { title, dates, host_cluster,
                             vp_programme_get_visiting_cluster (programme), coordinator };

    G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
    append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  /* TRANSLATORS: a section of a printed Commitment to Quality */
  append_section (sheet, _("The visiting organisation"));
  {
    const char *labels[] = { _("Name"), _("Kind"), _("Registered in"), _("City"), _("Cluster"),
                             _("Contact") };
    const char *values[] = {
      name, kind != VP_ORGANISATION_KIND_UNSET ? vp_organisation_kind_label (kind) : NULL,
      country, vp_organisation_get_city (organisation), vp_organisation_get_cluster (organisation),
      contact,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));
    append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  append_goal (sheet, vp_organisation_get_goals (organisation), vp_programme_get_goals (programme),
               /* TRANSLATORS: a section of a printed Commitment to Quality */
               _("Goals"), _("The goals of the whole programme: the organisation has none of "
                             "its own."),
               _("Not given yet: agree them before the exchange."));
  append_goal (sheet, vp_organisation_get_objectives (organisation),
               vp_programme_get_objectives (programme),
               /* TRANSLATORS: a section of a printed Commitment to Quality */
               _("Objectives"), _("The objectives of the whole programme: the organisation has "
                                  "none of its own."),
               _("Not given yet: agree them before the exchange."));

  append_agenda (sheet, people);

  /* TRANSLATORS: a section of a printed Commitment to Quality */
  append_section (sheet, _("Signatures"));
  /* TRANSLATORS: the four parties that sign a Commitment to Quality */
  append_signature_row (sheet, _("Host organisation"), vp_programme_get_host_cluster (programme),
                        _("Host partnership"), NULL);
  append_signature_row (sheet, _("Visiting organisation"), name, _("Visitor partnership"),
                        NULL);
}

void
vp_print_sheet_build_commitment (VpPrintSheet   *sheet,
                                 VpOrganisation *organisation)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (sheet->snapshot);
  GPtrArray *participants = vp_snapshot_get_participants (sheet->snapshot);
  guint printed = 0;

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *candidate = g_ptr_array_index (organisations, i);
      g_autoptr(GPtrArray) people = g_ptr_array_new ();

      if (organisation != NULL && candidate != organisation)
        continue;
      for (guint j = 0; j < participants->len; j++)
        {
          VpParticipant *participant = g_ptr_array_index (participants, j);

          if (vp_snapshot_get_participant_organisation (sheet->snapshot,
                                                        participant) == candidate)
            g_ptr_array_add (people, participant);
        }
      /* the visiting organisations are those with people, unless one is asked for */
      if (people->len == 0 && organisation == NULL)
        continue;

      append_commitment (sheet, candidate, people);
      printed++;
    }

  if (printed == 0)
    {
      VpPrintBlock *block = append_block (sheet, VP_PRINT_BLOCK_CONTENT, "commitment-title");
      double y = 0;

      add_text (sheet, block, VP_PRINT_FONT_DOCUMENT, 0, &y, sheet->width,
                _("Commitment to Quality"), VP_PRINT_COLOUR_TEXT);
      y += 6;
      add_text (sheet, block, VP_PRINT_FONT_BODY, 0, &y, sheet->width,
                _("No visiting organisation has participants in the programme yet: there is "
                  "no Commitment to Quality to draft."),
                VP_PRINT_COLOUR_MUTED);
    }
}

/* vp-print-rooming.c: the rooming list: each hotel's stays of the group, for the hotel. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"

#include "vp-print-rooming.h"
#include "vp-time.h"

#define CELL_GAP 8.0

enum
{
  COLUMN_CHECK_IN,
  COLUMN_CHECK_OUT,
  COLUMN_NIGHTS,
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  N_COLUMNS
};

/* One stay of one participant. */
typedef struct
{
  VpParticipant *participant;
  VpStay        *stay;
  GDate          check_in;   /* invalid when the text is not a date */
  GDate          check_out;
  int            nights;     /* -1 when unknown */
} Entry;

typedef struct
{
  char      *name;     /* as the first stay names it, NULL for none */
  char      *address;  /* the first stay's that gives one */
  GPtrArray *entries;  /* Entry */
} Hotel;

static void
hotel_free (Hotel *hotel)
{
  g_free (hotel->name);
  g_free (hotel->address);
  g_ptr_array_unref (hotel->entries);
  g_free (hotel);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}


static const char *
participant_name (VpParticipant *participant)
{
  const char *name = vp_participant_get_name (participant);

  return is_blank (name) ? vp_participant_get_ref (participant) : name;
}

/* A date that is invalid sorts after every valid one. */
static int
compare_dates (const GDate *a,
               const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return (int)!g_date_valid (a) - (int)!g_date_valid (b);
  return g_date_compare (a, b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **)a;
  const Entry *eb = *(const Entry **)b;
  int order = compare_dates (&ea->check_in, &eb->check_in);

  if (order == 0)
    order = g_utf8_collate (participant_name (ea->participant),
                            participant_name (eb->participant));
  if (order == 0)
    order = compare_dates (&ea->check_out, &eb->check_out);
  return order;
}

static int
compare_hotels (gconstpointer a,
                gconstpointer b)
{
  const Hotel *ha = *(const Hotel **)a;
  const Hotel *hb = *(const Hotel **)b;

  /* A stay without a hotel's name last. */
  if (ha->name == NULL || hb->name == NULL)
    return (int)(ha->name == NULL) - (int)(hb->name == NULL);
  return g_utf8_collate (ha->name, hb->name);
}

static void
parse_date (const char *text,
            GDate      *date)
{
  g_date_clear (date, 1);
  if (text == NULL || !vp_date_parse (text, date, NULL))
    g_date_clear (date, 1);
}

/* Every stay of every participant, by hotel: the same hotel however
 * spaced or capitalised.  @entries owns the entries. */
static GPtrArray *
collect_hotels (VpSnapshot *snapshot,
                GPtrArray  *entries)
{
  GPtrArray *participants = vp_snapshot_get_participants (snapshot);
  GPtrArray *hotels = g_ptr_array_new_with_free_func ((GDestroyNotify)hotel_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      GPtrArray *stays = vp_participant_get_accommodation (participant);

      for (guint j = 0; j < stays->len; j++)
        {
          VpStay *stay = g_ptr_array_index (stays, j);
          g_autofree char *key = vp_organisation_name_key (stay->name);
          Entry *entry = g_new0 (Entry, 1);
          Hotel *hotel;

          entry->participant = participant;
          entry->stay = stay;
          parse_date (stay->check_in, &entry->check_in);
          parse_date (stay->check_out, &entry->check_out);
          entry->nights = -1;
          if (g_date_valid (&entry->check_in) && g_date_valid (&entry->check_out) &&
              g_date_compare (&entry->check_in, &entry->check_out) < 0)
            entry->nights = g_date_days_between (&entry->check_in, &entry->check_out);
          g_ptr_array_add (entries, entry);

          if (key == NULL)
            key = g_strdup ("");
          hotel = g_hash_table_lookup (by_key, key);
          if (hotel == NULL)
            {
              hotel = g_new0 (Hotel, 1);
              hotel->name = *key != '\0' ? g_strstrip (g_strdup (stay->name)) : NULL;
              hotel->entries = g_ptr_array_new ();
              g_ptr_array_add (hotels, hotel);
              g_hash_table_insert (by_key, g_steal_pointer (&key), hotel);
            }
          if (hotel->address == NULL && !is_blank (stay->address))
            hotel->address = g_strstrip (g_strdup (stay->address));
          g_ptr_array_add (hotel->entries, entry);
        }
    }

  g_ptr_array_sort (hotels, compare_hotels);
  for (guint i = 0; i < hotels->len; i++)
    g_ptr_array_sort (((Hotel *)g_ptr_array_index (hotels, i))->entries, compare_entries);

  return hotels;
}

static char *
format_date (const GDate *date,
             const char  *text)
{
  g_autoptr(GDateTime) noon = NULL;

  if (!g_date_valid (date))
    return g_strdup (text);

  noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  /* TRANSLATORS: a check-in or check-out day on a printed rooming list, as a
   * g_date_time_format() format: "Mon 12 Apr 2027" */
  return vp_document_format_date_time (noon, _("%a %-d %b %Y"));
}

/* How many of the nights from @check_in to @check_out fall before @start
 * and how many on or after @end (the programme's first and last days). */
static void
count_outside (const Entry *entry,
               const GDate *start,
               const GDate *end,
               guint       *before,
               guint       *after)
{
  *before = *after = 0;
  if (entry->nights < 0)
    return;

  if (g_date_valid (start) && g_date_compare (&entry->check_in, start) < 0)
    *before = MIN (g_date_days_between (&entry->check_in, start), entry->nights);
  if (g_date_valid (end) && g_date_compare (&entry->check_out, end) > 0)
    {
      const GDate *from = g_date_compare (&entry->check_in, end) > 0 ? &entry->check_in : end;

      *after = g_date_days_between (from, &entry->check_out);
    }
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 ja = *(const guint32 *)a;
  guint32 jb = *(const guint32 *)b;

  return ja < jb ? -1 : ja > jb;
}

/* The hotel's total: its stays and room-nights in the table's columns,
 * between rules; then the rooms it needs each night. */
static void
append_total (VpPrintTable *table,
              Hotel        *hotel,
              const GDate  *start,
              const GDate  *end)
{
  VpPrintSheet *sheet = table->sheet;
  VpPrintBlock *block = vp_print_block_new (VP_PRINT_BLOCK_CONTENT, "total");
  g_autoptr(GHashTable) per_night = g_hash_table_new_full (g_int_hash, g_int_equal, g_free, NULL);
  g_autoptr(GArray) nights = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) rooms = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autofree char *total_text = NULL;
  PangoLayout *label_layout;
  PangoLayout *total_layout;
  PangoLayout *unit_layout;
  guint total = 0;
  guint total_before = 0;
  guint total_after = 0;
  gboolean unknown = FALSE;
  double y = 0;

  for (guint i = 0; i < hotel->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (hotel->entries, i);
      guint before, after;
      GDate night;

      if (entry->nights < 0)
        {
          unknown = TRUE;
          continue;
        }
      total += entry->nights;
      count_outside (entry, start, end, &before, &after);
      total_before += before;
      total_after += after;
      night = entry->check_in;
      for (int n = 0; n < entry->nights; n++, g_date_add_days (&night, 1))
        {
          guint32 julian = g_date_get_julian (&night);
          gpointer count = g_hash_table_lookup (per_night, &julian);

          if (count == NULL)
            {
              g_hash_table_insert (per_night, g_memdup2 (&julian, sizeof julian),
                                   GUINT_TO_POINTER (1));
              g_array_append_val (nights, julian);
            }
          else
            g_hash_table_insert (per_night, g_memdup2 (&julian, sizeof julian),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }

  g_array_sort (nights, compare_julian);

  /* TRANSLATORS: the total line of a hotel on a printed rooming list: "Total: 12 stays" */
  label = g_strdup_printf (ngettext ("Total: %u stay", "Total: %u stays", hotel->entries->len),
                           hotel->entries->len);
  total_text = g_strdup_printf ("%u", total);
  label_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE,
                                      table->x[COLUMN_NIGHTS] - CELL_GAP, label);
  total_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_TITLE, table->widths[COLUMN_NIGHTS],
                                      total_text);
  pango_layout_set_alignment (total_layout, PANGO_ALIGN_RIGHT);
  unit_layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_BODY,
                                     sheet->width - table->x[COLUMN_NAME],
                                     /* TRANSLATORS: after the total of nights of a hotel
                                      * on a printed rooming list: "49 room-nights" */
                                     ngettext ("room-night", "room-nights", total));

  vp_print_block_add_rule (block, 0, 0, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  y = 0.8 + 5;
  vp_print_block_add_text (block, label_layout, 0, y, VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, total_layout, table->x[COLUMN_NIGHTS], y, VP_PRINT_COLOUR_TEXT);
  vp_print_block_add_text (block, unit_layout, table->x[COLUMN_NAME],
                           y + (pango_layout_get_baseline (total_layout) -
                                pango_layout_get_baseline (unit_layout)) / (double)PANGO_SCALE,
                           VP_PRINT_COLOUR_TEXT);
  y += MAX (vp_print_layout_get_height (label_layout),
            vp_print_layout_get_height (total_layout)) + 4;
  vp_print_block_add_rule (block, 0, y, sheet->width, 0.8, VP_PRINT_COLOUR_TEXT);
  y += 0.8;

  for (guint i = 0; i < nights->len; i++)
    {
      guint32 julian = g_array_index (nights, guint32, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (per_night, &julian));
      g_autoptr(GDateTime) noon = NULL;
      g_autofree char *day = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      noon = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
      /* TRANSLATORS: a night on a printed rooming list, as a g_date_time_format() format */
      day = vp_document_format_date_time (noon, _("%a %-d %b"));
      if (rooms->len > 0)
        g_string_append (rooms, " · ");
      /* TRANSLATORS: the rooms a hotel needs one night: "Mon 12 Apr: 12" */
      g_string_append_printf (rooms, _("%s: %u"), day, count);
    }
  {
    g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *text = NULL;
    PangoLayout *layout;

    if (rooms->len > 0)
      /* TRANSLATORS: the rooms a hotel needs each night, on a printed rooming list */
      g_ptr_array_add (lines, g_strdup_printf (_("Rooms per night: %s"), rooms->str));
    if (total_before > 0 || total_after > 0)
      {
        /* TRANSLATORS: part of "Room-nights outside the programme: 12 before, 1 after" */
        g_autofree char *before = g_strdup_printf (ngettext ("%u before", "%u before",
                                                             total_before), total_before);
        g_autofree char *after = g_strdup_printf (ngettext ("%u after", "%u after",
                                                            total_after), total_after);

        /* TRANSLATORS: the nights of a hotel before the programme's first day
         * and from its last day on, on a printed rooming list */
        g_ptr_array_add (lines, g_strdup_printf (_("Room-nights outside the programme: %s, %s"),
                                                 before, after));
      }
    if (unknown)
      g_ptr_array_add (lines, g_strdup (_("Some stays have no nights to count: their "
                                          "check-out is not after their check-in.")));
    if (lines->len > 0)
      {
        g_ptr_array_add (lines, NULL);
        text = g_strjoinv ("\n", (char **)lines->pdata);
        layout = vp_print_sheet_text (sheet, VP_PRINT_FONT_META, sheet->width, text);
        vp_print_block_add_text (block, layout, 0, y + 4, VP_PRINT_COLOUR_MUTED);
        y += 4 + vp_print_layout_get_height (layout);
      }
  }

  vp_print_block_extend (block, y);
  vp_print_block_set_keep (block, vp_print_block_get_height (block));
  vp_print_block_set_repeat (block, table->header);
  g_ptr_array_add (sheet->blocks, block);
}

static void
append_hotel (VpPrintSheet *sheet,
              Hotel        *hotel,
              const GDate  *start,
              const GDate  *end,
              gboolean      new_page)
{
  const VpPrintColumn columns[N_COLUMNS] = {
    /* TRANSLATORS: column titles of the table of a hotel on a printed rooming list */
    [COLUMN_CHECK_IN] = { _("Check-in"), 0.18, FALSE },
    [COLUMN_CHECK_OUT] = { _("Check-out"), 0.18, FALSE },
    [COLUMN_NIGHTS] = { _("Nights"), 0.09, TRUE },
    [COLUMN_NAME] = { _("Name"), 0.27, FALSE },
    [COLUMN_ORGANISATION] = { _("Organisation"), 0.28, FALSE },
  };
  VpPrintTable table;
  VpPrintBlock *section;

  vp_print_sheet_append_section (sheet, hotel->name != NULL ? hotel->name
                                                            : _("Hotel not named"),
                                 "section");
  section = g_ptr_array_index (sheet->blocks, sheet->blocks->len - 1);
  /* Each hotel on a page of its own: the page it is sent. */
  vp_print_block_set_new_page (section, new_page);
  if (hotel->address != NULL)
    {
      VpPrintBlock *address = vp_print_sheet_append_paragraph (sheet, VP_PRINT_FONT_META,
                                                               hotel->address,
                                                               VP_PRINT_COLOUR_MUTED, 0);

      vp_print_block_set_keep (address, vp_print_block_get_height (address));
    }

  vp_print_table_init (&table, sheet, columns, N_COLUMNS, "table-header");
  for (guint i = 0; i < hotel->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (hotel->entries, i);
      g_autofree char *check_in = format_date (&entry->check_in, entry->stay->check_in);
      g_autofree char *check_out = format_date (&entry->check_out, entry->stay->check_out);
      g_autofree char *nights = entry->nights >= 0 ? g_strdup_printf ("%d", entry->nights)
                                                   : NULL;
      const char *cells[N_COLUMNS];

      cells[COLUMN_CHECK_IN] = check_in;
      cells[COLUMN_CHECK_OUT] = check_out;
      cells[COLUMN_NIGHTS] = nights;
      cells[COLUMN_NAME] = participant_name (entry->participant);
      cells[COLUMN_ORGANISATION] = vp_participant_get_organisation (entry->participant);
      vp_print_table_add_row (&table, cells, NULL, VP_PRINT_FONT_BODY, "row");
    }
  append_total (&table, hotel, start, end);
}

void
vp_print_sheet_build_rooming (VpPrintSheet *sheet)
{
  VpSnapshot *snapshot = sheet->snapshot;
  VpProgramme *programme = vp_snapshot_get_programme (snapshot);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hotels = collect_hotels (snapshot, entries);
  g_autofree char *dates = vp_print_format_date_range (vp_programme_get_start_date (programme),
                                                       vp_programme_get_end_date (programme));
  const char *title = vp_programme_get_title (programme);
  const char *group = vp_programme_get_visiting_cluster (programme);
  g_autofree char *stays = NULL;
  g_autofree char *hotel_count = NULL;
  GDate start, end;

  parse_date (vp_programme_get_start_date (programme), &start);
  parse_date (vp_programme_get_end_date (programme), &end);
  if (!g_date_valid (&end))
    end = start;

  vp_print_sheet_append_title (sheet, _("Rooming list"), is_blank (title) ? _("Programme") : title,
                               NULL,
                               _("For the hotels: every stay of the group, nights before and "
                                 "after the programme included, hotel by hotel, each on a page "
                                 "of its own. It lists names and organisations only."));
  {
    /* TRANSLATORS: labels of the facts box of a printed rooming list */
    const char *labels[] = {
      _("Visiting group"), _("Programme"), _("Hotels"), _("Stays"), _("Coordinator"),
    };
    const char *values[G_N_ELEMENTS (labels)];

    hotel_count = g_strdup_printf ("%u", hotels->len);
    stays = g_strdup_printf ("%u", entries->len);
    values[0] = !is_blank (group) ? group : title;
    values[1] = dates;
    values[2] = hotel_count;
    values[3] = stays;
    values[4] = vp_programme_get_coordinator_name (programme);
    vp_print_sheet_append_facts (sheet, labels, values, G_N_ELEMENTS (labels));
  }

  if (hotels->len == 0)
    {
      vp_print_sheet_append_paragraph (sheet, VP_PRINT_FONT_BODY,
                                       _("No hotel stays are recorded for the participants."),
                                       VP_PRINT_COLOUR_MUTED, 16);
      return;
    }

  for (guint i = 0; i < hotels->len; i++)
    append_hotel (sheet, g_ptr_array_index (hotels, i), &start, &end, i > 0);
}

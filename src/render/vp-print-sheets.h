/* vp-print-sheets.h: what each printed layout says, as blocks (private to render/). */
#pragma once

#include <pango/pangocairo.h>

#include "vp-budget.h"
#include "vp-print-block.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  VP_PRINT_FONT_BODY,
  VP_PRINT_FONT_META,
  VP_PRINT_FONT_TITLE,
  VP_PRINT_FONT_TIME,
  VP_PRINT_FONT_TAG,
  VP_PRINT_FONT_TAG_ITALIC,
  VP_PRINT_FONT_LABEL,
  VP_PRINT_FONT_SECTION,
  VP_PRINT_FONT_DAY,
  VP_PRINT_FONT_CONTINUED,
  VP_PRINT_FONT_SUBTITLE,
  VP_PRINT_FONT_DOCUMENT,
  VP_PRINT_FONT_SMALL,
  VP_PRINT_FONT_SMALL_BOLD,
  VP_PRINT_N_FONTS,
} VpPrintFont;

/* What a sheet builder needs, and the blocks it makes. */
typedef struct
{
  PangoContext         *context;
  PangoFontDescription *fonts[VP_PRINT_N_FONTS];
  PangoAttrList        *plain;     /* no hyphens inserted: emails, phones, codes */
  PangoAttrList        *tabular;   /* and tabular figures, for times */
  double                width;     /* of the printable area, in points */
  double                height;
  VpSnapshot           *snapshot;
  GTimeZone            *zone;      /* the programme's */
  GPtrArray            *blocks;    /* VpPrintBlock, in reading order */
  GPtrArray            *extras;    /* VpPrintBlock drawn only where repeated */
  GHashTable           *shared;    /* "font:width:text" → PangoLayout */
  /* Set (empty) by the document when the sheet is for several readers and
   * each one's pages are in their own language: every block (and extra) of
   * a reader → the VpLanguage it is written in (NULL: gettext's); else NULL. */
  GHashTable           *readers;
} VpPrintSheet;

void         vp_print_sheet_init           (VpPrintSheet   *sheet,
                                            PangoContext   *context,
                                            VpSnapshot     *snapshot,
                                            double          width,
                                            double          height);
void         vp_print_sheet_clear          (VpPrintSheet   *sheet);

/* A layout of @text (plain, not markup) in @font, wrapped to @width (no
 * wrapping when @width <= 0). */
PangoLayout *vp_print_sheet_text           (VpPrintSheet   *sheet,
                                            VpPrintFont     font,
                                            double          width,
                                            const char     *text);

/* The same, from a cache: for text that repeats (times, places,
 * descriptions), never to be changed.  Returns a new reference. */
PangoLayout *vp_print_sheet_shared_text    (VpPrintSheet   *sheet,
                                            VpPrintFont     font,
                                            double          width,
                                            const char     *text);

/* @participant: NULL for the whole programme. */
void         vp_print_sheet_build_agenda   (VpPrintSheet   *sheet,
                                            VpParticipant  *participant);
void         vp_print_sheet_build_host     (VpPrintSheet   *sheet,
                                            VpHost         *host);
void         vp_print_sheet_build_contacts (VpPrintSheet   *sheet);
/* The ClusterXChange grant sheet of @budget (the sheet's snapshot's). */
void         vp_print_sheet_build_budget   (VpPrintSheet   *sheet,
                                            VpBudget       *budget);

/* The draft of the scheme's Commitment to Quality for @organisation, or
 * for every visiting organisation (NULL), each from a page of its own
 * (vp-print-commitment.c). */
void         vp_print_sheet_build_commitment (VpPrintSheet   *sheet,
                                              VpOrganisation *organisation);

/* The programme's zone, UTC when it has none that tzdata knows. */
GTimeZone   *vp_print_programme_zone       (VpProgramme    *programme);

/* The pieces every sheet is made of, for the layouts built in files of
 * their own (vp-print-catering.c, vp-print-rooming.c, vp-print-badges.c). */

/* A table's column: its title, its share of the width, figures aligned right. */
typedef struct
{
  const char *title;
  double      fraction;
  gboolean    right;
} VpPrintColumn;

/* A table: column titles (repeated on each page it goes on to) and rows. */
typedef struct
{
  VpPrintSheet        *sheet;
  const VpPrintColumn *columns;
  guint                n_columns;
  double               x[8];
  double               widths[8];
  VpPrintBlock        *header;
} VpPrintTable;

/* Appends the table's column titles; at most 8 columns. */
void         vp_print_table_init           (VpPrintTable        *table,
                                            VpPrintSheet        *sheet,
                                            const VpPrintColumn *columns,
                                            guint                n_columns,
                                            const char          *tag);
/* Appends a row: each cell a text ("—" when blank) and, when @details is
 * not NULL, a smaller one below it (NULL for none). */
void         vp_print_table_add_row        (VpPrintTable        *table,
                                            const char * const  *cells,
                                            const char * const  *details,
                                            VpPrintFont          first_font,
                                            const char          *tag);

/* The first block of a sheet: a small capitalised @label, the @title, then
 * @subtitle and @note (either may be NULL); it never splits. */
void         vp_print_sheet_append_title   (VpPrintSheet   *sheet,
                                            const char     *label,
                                            const char     *title,
                                            const char     *subtitle,
                                            const char     *note);
/* A section's heading and rule, kept with what follows. */
void         vp_print_sheet_append_section (VpPrintSheet   *sheet,
                                            const char     *title,
                                            const char     *tag);
/* A paragraph that may split between its lines. */
VpPrintBlock *vp_print_sheet_append_paragraph (VpPrintSheet *sheet,
                                               VpPrintFont   font,
                                               const char   *text,
                                               guint32       colour,
                                               double        space_above);
/* A shaded box of labelled lines: "Dates   13–16 April 2027". */
void         vp_print_sheet_append_facts   (VpPrintSheet       *sheet,
                                            const char * const *labels,
                                            const char * const *values,
                                            guint               n);
/* A day's heading, as the agenda's; returns the "(continued)" heading to
 * set as the repeat of the blocks of that day. */
VpPrintBlock *vp_print_sheet_append_day    (VpPrintSheet  *sheet,
                                            const GDate   *date);
/* The width of the agenda's time column, with the short date above the
 * time when @with_date. */
double       vp_print_sheet_time_width     (VpPrintSheet   *sheet,
                                            gboolean        with_date);

/* "13–16 April 2027" from two "YYYY-MM-DD" dates (@end may be NULL); NULL
 * when @start is not a date. */
char        *vp_print_format_date_range    (const char     *start,
                                            const char     *end);
/* "Wed 14 Apr". */
char        *vp_print_format_day_short     (const GDate    *date);
/* "09:15–09:45" in @zone; an end on a later day names that day. */
char        *vp_print_format_time_range    (gint64          start,
                                            gint64          end,
                                            GTimeZone      *zone);
/* "Tuesday 13 April 2027". */
char        *vp_print_format_day           (const GDate    *date);
/* A host's address and city: "Saulėtekio al. 15, Vilnius". */
char        *vp_print_host_address         (VpHost         *host);
/* A GCompareFunc of two VpParticipant ** by name, as people read them. */
int          vp_print_compare_participants (gconstpointer   a,
                                            gconstpointer   b);

G_END_DECLS

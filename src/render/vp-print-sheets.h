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

G_END_DECLS

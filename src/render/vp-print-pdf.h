/* vp-print-pdf.h: a printed layout written as a PDF file. */
#pragma once

#include <gio/gio.h>

#include "vp-print-document.h"

G_BEGIN_DECLS

/* The nicks are the command line's words: "a4", "letter". */
typedef enum
{
  VP_PAPER_SIZE_A4,     /* 210 × 297 mm: 595.276 × 841.89 pt */
  VP_PAPER_SIZE_LETTER, /* 8.5 × 11 in: 612 × 792 pt */
} VpPaperSize;

/* The page of @paper in points, portrait, and the margins a PDF gets. */
void     vp_paper_size_get_size       (VpPaperSize       paper,
                                       double           *width,
                                       double           *height);
void     vp_paper_size_get_margins    (VpPaperSize       paper,
                                       double           *top,
                                       double           *right,
                                       double           *bottom,
                                       double           *left);

/* Paginates @document on @paper and draws every page into a PDF in memory;
 * @n_pages (may be NULL) is set to the number of pages. */
GBytes  *vp_print_document_write_pdf  (VpPrintDocument  *document,
                                       VpPaperSize       paper,
                                       guint            *n_pages,
                                       GError          **error);

/* vp_print_document_new() (with @budget, NULL but for
 * VP_PRINT_LAYOUT_BUDGET: vp_print_document_set_budget()) and
 * vp_print_document_write_pdf(), then writes @path whole or not at all
 * (mode 0600: it may hold personal data).  In the document language set on
 * the calling thread (vp_language_set_document()); with none, in the
 * reader's (vp_print_document_get_reader_language()) when its catalog is
 * there, else in the window's; everyone's certificates each in their
 * participant's. */
gboolean vp_print_write_pdf           (VpSnapshot       *snapshot,
                                       VpPrintLayout     layout,
                                       const char       *subject,
                                       VpBudget         *budget,
                                       VpPaperSize       paper,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS

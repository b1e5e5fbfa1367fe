/* vp-print-document-private.h: what a paginated document put on each page, for the tests. */
#pragma once

#include "vp-print-document.h"

G_BEGIN_DECLS

/* One line per block on page @page_nr, top down:
 * "heading|content TAG FROM-TO/HEIGHT at Y[ forced][ repeat]\n"; a
 * repeated heading is drawn again where a day or table goes on. */
char *vp_print_document_describe_page (VpPrintDocument *self,
                                        guint            page_nr);

/* The body of every page of the last pagination, between the header and
 * the footer, inside the margins: where the blocks go, in points from the
 * page's top left corner. */
void  vp_print_document_get_body      (VpPrintDocument *self,
                                        double          *x,
                                        double          *y,
                                        double          *width,
                                        double          *height);

G_END_DECLS

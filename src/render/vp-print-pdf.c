/* vp-print-pdf.c: a printed layout as a PDF file, drawn as the print dialog draws it. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"

#include "vp-file.h"
#include "vp-print-pdf.h"

#define MM (72.0 / 25.4)

void
vp_paper_size_get_size (VpPaperSize  paper,
                        double      *width,
                        double      *height)
{
  switch (paper)
    {
    case VP_PAPER_SIZE_LETTER:
      *width = 612;
      *height = 792;
      break;

    case VP_PAPER_SIZE_A4:
    default:
      *width = 210 * MM;
      *height = 297 * MM;
      break;
    }
}

void
vp_paper_size_get_margins (VpPaperSize  paper,
                           double      *top,
                           double      *right,
                           double      *bottom,
                           double      *left)
{
  switch (paper)
    {
    case VP_PAPER_SIZE_LETTER:
      /* Three-quarters of an inch at the sides, 0.6 inch above and below. */
      *top = *bottom = 43.2;
      *left = *right = 54;
      break;

    case VP_PAPER_SIZE_A4:
    default:
      /* Room for a hole punch or a staple, and what most printers reach. */
      *top = *bottom = 15 * MM;
      *left = *right = 18 * MM;
      break;
    }
}

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t *surface,
              VpPrintDocument *document)
{
  VpProgramme *programme = vp_snapshot_get_programme (vp_print_document_get_snapshot (document));
  g_autofree char *date = g_date_time_format (vp_print_document_get_printed (document),
                                              "%Y-%m-%dT%H:%M:%S");

  if (vp_programme_get_title (programme) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    vp_programme_get_title (programme));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  /* The date of the footer, so that the same document gives the same file. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

GBytes *
vp_print_document_write_pdf (VpPrintDocument  *document,
                             VpPaperSize       paper,
                             guint            *n_pages,
                             GError          **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, top, right, bottom, left;
  guint pages;

  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  vp_paper_size_get_size (paper, &width, &height);
  vp_paper_size_get_margins (paper, &top, &right, &bottom, &left);

  surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer, width, height);
  set_metadata (surface, document);
  cr = cairo_create (surface);

  /* This thread's font map: safe in a worker thread. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pages = vp_print_document_paginate (document, context, width, height, top, right, bottom, left);
  for (guint i = 0; i < pages; i++)
    {
      vp_print_document_draw_page (document, cr, i);
      cairo_show_page (cr);
    }
  g_object_unref (context);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_FAILED,
                   /* TRANSLATORS: %s is cairo's reason */
                   _("cannot draw the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = pages;

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
vp_print_write_pdf (VpSnapshot     *snapshot,
                    VpPrintLayout   layout,
                    const char     *subject,
                    VpBudget       *budget,
                    VpPaperSize     paper,
                    const char     *path,
                    GError        **error)
{
  g_autoptr(VpPrintDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = vp_print_document_new (snapshot, layout, subject, error);
  if (document == NULL)
    return FALSE;
  vp_print_document_set_budget (document, budget);
  /* The language set on this thread, for every page; with none, the
   * reader's when its catalog is there (each reader's, for several). */
  if (vp_language_get_document () != NULL)
    vp_print_document_set_language (document,
                                    vp_language_get_code (vp_language_get_document ()), NULL);
  else if (vp_print_document_get_reader_language (document) != NULL)
    vp_print_document_set_language (document, vp_print_document_get_reader_language (document),
                                    NULL);

  bytes = vp_print_document_write_pdf (document, paper, NULL, error);
  if (bytes == NULL)
    return FALSE;

  return vp_file_write_atomically (path, bytes, 0600, error);
}

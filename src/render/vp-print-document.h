/* vp-print-document.h: a programme laid out on paper: agenda, host, contact and grant sheets,
 * attendance sheets, certificates, catering sheet, rooming list, name badges. */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "vp-budget.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_PRINT_ERROR (vp_print_error_quark ())

typedef enum
{
  VP_PRINT_ERROR_NO_SUBJECT,      /* the layout needs a host */
  VP_PRINT_ERROR_UNKNOWN_SUBJECT, /* no such participant or host */
  VP_PRINT_ERROR_SUBJECT_REFUSED, /* the layout takes no subject */
  VP_PRINT_ERROR_FAILED,          /* cairo or the file system failed */
  VP_PRINT_ERROR_NOTHING,         /* the layout would print nothing: no sheet, no one */
} VpPrintError;

/* The nicks are the command line's words: "agenda", "host-sheet", "contacts",
 * "budget" (the ClusterXChange grant sheet), "attendance" (a sheet to sign
 * per visit, meeting, B2B meeting or workshop), "certificate" (of
 * attendance, a page per participant), "catering" (the meals and the
 * dietary and access needs), "rooming" (the hotel stays), "badges" (name
 * badges on a cutting grid), "quality-commitment" (the draft of the
 * scheme's Commitment to Quality, per visiting organisation). */
typedef enum
{
  VP_PRINT_LAYOUT_AGENDA,
  VP_PRINT_LAYOUT_HOST_SHEET,
  VP_PRINT_LAYOUT_CONTACTS,
  VP_PRINT_LAYOUT_BUDGET,
  VP_PRINT_LAYOUT_ATTENDANCE,
  VP_PRINT_LAYOUT_CERTIFICATE,
  VP_PRINT_LAYOUT_CATERING,
  VP_PRINT_LAYOUT_ROOMING,
  VP_PRINT_LAYOUT_BADGES,
  VP_PRINT_LAYOUT_QUALITY_COMMITMENT,
} VpPrintLayout;

#define VP_TYPE_PRINT_DOCUMENT (vp_print_document_get_type ())

G_DECLARE_FINAL_TYPE (VpPrintDocument, vp_print_document, VP, PRINT_DOCUMENT, GObject)

GQuark           vp_print_error_quark         (void);

/* @subject: for VP_PRINT_LAYOUT_AGENDA, NULL for the whole programme or a
 * participant's email or id for their own agenda; for
 * VP_PRINT_LAYOUT_HOST_SHEET a host's id (required); for
 * VP_PRINT_LAYOUT_ATTENDANCE, NULL for every day's sheets or a day
 * "YYYY-MM-DD" (the programme's local day) for that day's; for
 * VP_PRINT_LAYOUT_CERTIFICATE, NULL for every participant's or a
 * participant's email or id; for VP_PRINT_LAYOUT_QUALITY_COMMITMENT, NULL
 * for every visiting organisation (one with participants) or one
 * organisation's uid or name (however spelt); for the others (contacts,
 * budget, catering, rooming, badges), NULL.  VP_PRINT_ERROR_NOTHING when
 * there is no attendance sheet to print (on that day) or no participant
 * for a certificate.  The snapshot's sessions must be in time order (as
 * every reader and the store give them). */
VpPrintDocument *vp_print_document_new        (VpSnapshot      *snapshot,
                                               VpPrintLayout    layout,
                                               const char      *subject,
                                               GError         **error);

VpSnapshot      *vp_print_document_get_snapshot (VpPrintDocument *self);

/* The days ("YYYY-MM-DD", in order, NULL-terminated) that have attendance
 * sheets: the programme's local days of its visits, meetings, B2B
 * meetings and workshops that are not cancelled. */
char           **vp_print_attendance_days     (VpSnapshot      *snapshot);
VpPrintLayout    vp_print_document_get_layout (VpPrintDocument *self);
const char      *vp_print_document_get_subject (VpPrintDocument *self);
/* The date in every page's footer; now, unless set. */
GDateTime       *vp_print_document_get_printed (VpPrintDocument *self);
void             vp_print_document_set_printed (VpPrintDocument *self,
                                               GDateTime       *printed);

/* The budget VP_PRINT_LAYOUT_BUDGET prints: vp_budget_new() of the
 * document's snapshot and the other programmes' organisation visits
 * (vp_store_collect_organisation_visits()), as "visit-planner-cli budget"
 * computes it.  Unset (NULL), the layout computes the snapshot's alone, which
 * cannot tell a repeat visit from another programme.  Takes effect at the
 * next pagination. */
VpBudget        *vp_print_document_get_budget (VpPrintDocument *self);
void             vp_print_document_set_budget (VpPrintDocument *self,
                                               VpBudget        *budget);
/* The other programmes' organisation visits
 * (vp_store_collect_organisation_visits()), for VP_PRINT_LAYOUT_BUDGET
 * with no budget set: the layout then computes vp_budget_new() of the
 * snapshot and these at each pagination, so that the budget's reasons are
 * in the document's language, whatever the thread's.  NULL: none.  Takes
 * effect at the next pagination. */
GPtrArray       *vp_print_document_get_organisation_visits (VpPrintDocument *self);
void             vp_print_document_set_organisation_visits (VpPrintDocument *self,
                                                            GPtrArray       *organisation_visits);

/* The language of the document's words and dates: a code of
 * vp_language_codes(), or NULL (the default) for the language the thread
 * writes documents in (vp_language_set_document()), else the window's;
 * with NULL, everyone's certificates (VP_PRINT_LAYOUT_CERTIFICATE without
 * a participant) are each in their participant's language (when its
 * catalog is there; else in that one), header and footer included.
 * Fails, keeping the one it had, when the code is unknown or has no
 * catalog (VP_LANGUAGE_ERROR).  Takes effect at the next pagination. */
const char      *vp_print_document_get_language (VpPrintDocument *self);
gboolean         vp_print_document_set_language (VpPrintDocument *self,
                                                 const char      *code,
                                                 GError         **error);
/* The language of the one the document is for, when it is for one: the
 * host's for a host sheet, the participant's for their own agenda or
 * certificate; NULL when there is none or they have not said. */
const char      *vp_print_document_get_reader_language (VpPrintDocument *self);

/* Lays the document out on pages of @page_width × @page_height points, the
 * printable area inside the margins, and returns the number of pages (at
 * least 1).  Sets @context's resolution to 72 dpi, so that a font size is in
 * points, and turns off metric hinting and glyph position rounding.  For a
 * GtkPrintOperation: call it from ::begin-print with
 * gtk_print_context_create_pango_context(), the operation's unit set to
 * GTK_UNIT_POINTS and use-full-page on, the paper size and the page setup's
 * margins in points; then set n-pages. */
guint            vp_print_document_paginate   (VpPrintDocument *self,
                                               PangoContext    *context,
                                               double           page_width,
                                               double           page_height,
                                               double           margin_top,
                                               double           margin_right,
                                               double           margin_bottom,
                                               double           margin_left);
guint            vp_print_document_get_n_pages (VpPrintDocument *self);

/* Draws page @page_nr (from 0) of the last pagination with the page's top
 * left corner at @cr's origin, in points (::draw-page, or a PDF page). */
void             vp_print_document_draw_page  (VpPrintDocument *self,
                                               cairo_t         *cr,
                                               guint            page_nr);

G_END_DECLS

/* vp-print-dialog.h: Export PDF: which layout, for whom, on which paper. */
#pragma once

#include <adwaita.h>

#include "vp-print-operation.h"
#include "vp-print-pdf.h"

G_BEGIN_DECLS

#define VP_TYPE_PRINT_DIALOG (vp_print_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpPrintDialog, vp_print_dialog, VP, PRINT_DIALOG, AdwWindow)

/* Starts from @content (with @subject, a participant's or host's ref, if it
 * takes one) on @paper.  ::export () is emitted when Export is pressed,
 * before the dialog closes: read the choice with the getters then. */
VpPrintDialog  *vp_print_dialog_new         (VpSnapshot     *snapshot,
                                             VpPrintContent  content,
                                             const char     *subject,
                                             VpPaperSize     paper);
VpSnapshot     *vp_print_dialog_get_snapshot (VpPrintDialog *self);
VpPrintContent  vp_print_dialog_get_content (VpPrintDialog  *self);
/* NULL for the layouts without a subject, and for "All days" and "All
 * participants". */
const char     *vp_print_dialog_get_subject (VpPrintDialog  *self);
VpPaperSize     vp_print_dialog_get_paper   (VpPrintDialog  *self);
/* The language chosen (a code of vp_language_codes()), or NULL: the
 * reader's, else the user's. */
const char     *vp_print_dialog_get_language (VpPrintDialog *self);

G_END_DECLS

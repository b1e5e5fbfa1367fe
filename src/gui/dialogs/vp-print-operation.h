/* vp-print-operation.h: printing a programme from the window, with the layout chosen in the print
 * dialog. */
#pragma once

#include <adwaita.h>

#include "vp-print-document.h"
#include "vp-print-pdf.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

/* What to print: the layouts as the user names them.  A participant's
 * agenda and a host sheet need a subject (a participant's or a host's ref);
 * the attendance sheets may have one (a day, "YYYY-MM-DD": that day's
 * sheets), and the certificates (a participant's ref: theirs alone). */
typedef enum
{
  VP_PRINT_CONTENT_AGENDA,
  VP_PRINT_CONTENT_PARTICIPANT,
  VP_PRINT_CONTENT_HOST_SHEET,
  VP_PRINT_CONTENT_CONTACTS,
  VP_PRINT_CONTENT_BUDGET,
  VP_PRINT_CONTENT_ATTENDANCE,
  VP_PRINT_CONTENT_CERTIFICATE,
  VP_PRINT_CONTENT_CATERING,
  VP_PRINT_CONTENT_ROOMING,
  VP_PRINT_CONTENT_BADGES,
  VP_PRINT_CONTENT_QUALITY_COMMITMENT,
} VpPrintContent;

#define VP_PRINT_CONTENT_LAST VP_PRINT_CONTENT_QUALITY_COMMITMENT

#define VP_TYPE_PRINT_OPERATION (vp_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (VpPrintOperation, vp_print_operation, VP, PRINT_OPERATION, GtkPrintOperation)

/* Its page setup is A4 or US Letter (as the locale prefers) with the PDF
 * export's margins, until vp-print-operation is given another. */
VpPrintOperation *vp_print_operation_new            (VpSnapshot       *snapshot);
VpSnapshot       *vp_print_operation_get_snapshot   (VpPrintOperation *self);
/* @subject: a participant's or host's ref for VP_PRINT_CONTENT_PARTICIPANT
 * and VP_PRINT_CONTENT_HOST_SHEET, a day or a participant's ref (or NULL,
 * for all) for VP_PRINT_CONTENT_ATTENDANCE and
 * VP_PRINT_CONTENT_CERTIFICATE, ignored otherwise.  The print dialog's
 * Layout tab starts from this choice and changes it. */
void              vp_print_operation_set_content    (VpPrintOperation *self,
                                                     VpPrintContent    content,
                                                     const char       *subject);
VpPrintContent    vp_print_operation_get_content    (VpPrintOperation *self);
/* The language to print in, a code of vp_language_codes(); NULL (the
 * default): the reader's (a host sheet's host, an agenda's or
 * certificate's participant) when its translation is there, else the
 * window's.  The Layout tab's Language row starts from it and changes it. */
void              vp_print_operation_set_language   (VpPrintOperation *self,
                                                     const char       *language);
const char       *vp_print_operation_get_language   (VpPrintOperation *self);
/* The budget the grant sheet prints (vp_print_document_set_budget()):
 * the snapshot's, with the visits of the database's other programmes. */
void              vp_print_operation_set_budget     (VpPrintOperation *self,
                                                     VpBudget         *budget);
VpBudget         *vp_print_operation_get_budget     (VpPrintOperation *self);
/* The visits of the database's other programmes
 * (vp_store_collect_organisation_visits()): with no budget set, the grant
 * sheet computes the budget from the snapshot and these in the language it
 * prints in (vp_print_document_set_organisation_visits()). */
void              vp_print_operation_set_organisation_visits (VpPrintOperation *self,
                                                              GPtrArray        *visits);
GPtrArray        *vp_print_operation_get_organisation_visits (VpPrintOperation *self);
const char       *vp_print_operation_get_subject    (VpPrintOperation *self);
/* The document laid out by ::begin-print, NULL before. */
VpPrintDocument  *vp_print_operation_get_document   (VpPrintOperation *self);
/* Why ::begin-print cancelled the operation (no such participant, say),
 * NULL when it did not. */
const GError     *vp_print_operation_get_document_error (VpPrintOperation *self);
/* The page setup the pages were laid out on, NULL before ::begin-print. */
GtkPageSetup     *vp_print_operation_get_used_page_setup (VpPrintOperation *self);

/* Shared with the Export PDF dialog {{{1 */

/* US Letter where the locale's paper is, else A4. */
VpPaperSize       vp_print_default_paper            (void);

/* "Agenda", "Participant’s Agenda", "Host Sheet", "Contacts", "Grant Sheet",
 * "Attendance Sheets", "Certificates", "Catering Sheet", "Rooming List",
 * "Name Badges", "Commitment to Quality", translated. */
const char       *vp_print_content_get_label        (VpPrintContent    content);
/* Whether @content takes a subject (vp_print_operation_set_content()), and
 * whether it cannot do without one. */
gboolean          vp_print_content_has_subject      (VpPrintContent    content);
gboolean          vp_print_content_needs_subject    (VpPrintContent    content);
/* The subject's label, with a mnemonic: "_Participant", "_Host", "_Day". */
const char       *vp_print_content_get_subject_label (VpPrintContent   content);
/* The subjects one may choose for @content, NULL-terminated, and the label
 * of each: for the attendance sheets NULL's ("All days", the first) and
 * the days that have sheets ("Tuesday 13 April 2027"); for the certificates
 * "All participants" and each participant.  Empty for the other layouts,
 * which list their participants or hosts themselves. */
void              vp_print_content_list_choices     (VpPrintContent    content,
                                                     VpSnapshot       *snapshot,
                                                     GPtrArray       **refs,
                                                     GPtrArray       **labels);
/* What the layout holds, in a sentence, translated. */
const char       *vp_print_content_get_description  (VpPrintContent    content);
/* A GtkStringList of the labels, in VpPrintContent order. */
GListModel       *vp_print_content_list_new         (void);
/* The layout for @content and the subject to give vp_print_document_new();
 * FALSE when @content needs a subject and @subject is NULL. */
gboolean          vp_print_content_get_layout       (VpPrintContent    content,
                                                     const char       *subject,
                                                     VpPrintLayout    *layout,
                                                     const char      **layout_subject,
                                                     GError          **error);
VpPrintDocument  *vp_print_content_new_document     (VpSnapshot       *snapshot,
                                                     VpPrintContent    content,
                                                     const char       *subject,
                                                     GError          **error);

/* A searchable drop-down of a programme's participants ("Name <email>") or
 * hosts, for VP_PRINT_CONTENT_PARTICIPANT or VP_PRINT_CONTENT_HOST_SHEET;
 * of "All days" and the days with attendance sheets, or "All participants"
 * and the participants, for VP_PRINT_CONTENT_ATTENDANCE and
 * VP_PRINT_CONTENT_CERTIFICATE. */
GtkWidget        *vp_print_subject_drop_down_new    (void);
/* Fills it for @content (empties it for the layouts without a subject),
 * keeping @ref selected if it is there. */
void              vp_print_subject_drop_down_fill   (GtkDropDown      *drop_down,
                                                     VpSnapshot       *snapshot,
                                                     VpPrintContent    content,
                                                     const char       *ref);
/* The selected participant's or host's ref (or day), NULL when there is
 * none or "All" is selected. */
const char       *vp_print_subject_drop_down_get_ref (GtkDropDown     *drop_down);

G_END_DECLS

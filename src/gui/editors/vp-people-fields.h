/* vp-people-fields.h: what the participants and hosts pages and their editors share. */
#pragma once

#include <adwaita.h>

#include "vp-enums.h"
#include "vp-travel.h"

G_BEGIN_DECLS

/* Translated names of the closed vocabularies, "" for an UNSET value. */
const char *vp_people_role_name          (VpParticipantRole  role);
const char *vp_people_host_kind_name     (VpHostKind         kind);
const char *vp_people_travel_kind_name   (VpTravelKind       kind);

/* @text case-folded and without accents, so that “zukauskiene” finds
 * “Žukauskienė”.  NULL gives "". */
char       *vp_people_fold               (const char        *text);
/* Whether every word of @folded_query (from vp_people_fold()) occurs in
 * @folded_text. */
gboolean    vp_people_matches            (const char        *folded_text,
                                          const char        *folded_query);

/* A key that sorts @text as the user's language does, with missing text
 * after every real one. */
char       *vp_people_collate_key        (const char        *text);

/* The text of an editable with the surrounding space removed, or NULL
 * when nothing is left. */
char       *vp_people_editable_dup_text  (GtkEditable       *editable);
void        vp_people_editable_set_text  (GtkEditable       *editable,
                                          const char        *text);
char       *vp_people_text_view_dup_text (GtkTextView       *view);
void        vp_people_text_view_set_text (GtkTextView       *view,
                                          const char        *text);

/* Marks @widget as invalid with @message (error style class, tooltip and
 * accessible state, and for a row of a list the message in the error
 * style on a row under it), or clears that when @message is NULL. */
void        vp_people_set_error          (GtkWidget         *widget,
                                          const char        *message);
/* The label under @widget that shows its error, or NULL when it has none. */
GtkLabel   *vp_people_get_error_label    (GtkWidget         *widget);

/* Marks @widget with @message when @valid is FALSE (no mark when @message
 * is NULL: unfinished rather than wrong), clears the mark when it is TRUE;
 * returns @valid, so that a validation reads as a list of checks. */
gboolean    vp_people_check              (GtkWidget         *widget,
                                          gboolean           valid,
                                          const char        *message);

/* Marks @widget with what the rules of values (vp-values.h) say is wrong
 * with the email address @email, or clears the mark; NULL (not given) is
 * valid.  Returns whether it is. */
gboolean    vp_people_check_email        (GtkWidget         *widget,
                                          const char        *email);

/* “Lithuania” for “LT”, else the code itself. */
const char *vp_people_country_display    (const char        *code);

/* A local time “YYYY-MM-DDTHH:MM” as the tables show it: “12 Apr 19:55”;
 * NULL when it is not one. */
char       *vp_people_format_local_time  (const char        *local);
/* “Flight AY1071 · Helsinki → Vilnius”. */
char       *vp_people_leg_title          (const VpTravelLeg *leg);
/* “12 Apr 19:55 → 12 Apr 21:10”. */
char       *vp_people_leg_subtitle       (const VpTravelLeg *leg);

/* A language row: “Not set” (the user's) and the languages of
 * vp_language_codes() by their own names. */
void        vp_people_language_row_setup (AdwComboRow       *row);
void        vp_people_language_row_set_code (AdwComboRow    *row,
                                             const char     *code);
/* The code selected, or NULL for “Not set”. */
const char *vp_people_language_row_get_code (AdwComboRow    *row);

G_END_DECLS

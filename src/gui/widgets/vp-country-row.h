/* vp-country-row.h: the one country chooser: a searchable row of every country the window names. */
#pragma once

#include "vp-chooser-row.h"
#include "vp-store.h"

G_BEGIN_DECLS

/* Gives @row the countries, “Germany (DE)”, sorted by their names in the
 * user's language (not by code), after “Not set” when @can_unset; the
 * search matches any part of a name (or the code), and Enter takes the
 * first name that begins with it. */
void        vp_country_row_setup    (VpChooserRow *row,
                                     gboolean      can_unset);
/* Shows @code (any case; NULL or "" for none).  A code the list does not
 * name (imported from a file) is kept and shown as it is. */
void        vp_country_row_set_code (VpChooserRow *row,
                                     const char   *code);
/* The code chosen, or NULL for “Not set”. */
const char *vp_country_row_get_code (VpChooserRow *row);

/* The country the programme's visitors most likely come from: the one
 * most of its organisations and participants give (ties: the first in
 * the order of codes), or NULL when none gives one. */
char       *vp_country_row_guess_visiting (VpStore *store,
                                           gint64   programme_id);
/* The programme's host country, where its hosts most likely are, or NULL. */
char       *vp_country_row_guess_host     (VpStore *store,
                                           gint64   programme_id);

G_END_DECLS

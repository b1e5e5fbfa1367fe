/* vp-stay-page.h: one hotel stay of a participant, a page of the participant dialog. */
#pragma once

#include <adwaita.h>

#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_STAY_PAGE (vp_stay_page_get_type ())

G_DECLARE_FINAL_TYPE (VpStayPage, vp_stay_page, VP, STAY_PAGE, AdwBin)

GtkWidget *vp_stay_page_new  (void);
/* Shows a copy of @stay, or a new stay from @default_check_in to
 * @default_check_out (either may be NULL) when it is NULL.  ::applied
 * (VpStay *stay) gives the stay when the Done button is pressed; ::back,
 * when the user leaves the page without it. */
void       vp_stay_page_edit (VpStayPage   *self,
                              const VpStay *stay,
                              const char   *default_check_in,
                              const char   *default_check_out);
/* The button that applies the page, to be its window's default. */
GtkWidget *vp_stay_page_get_done_button (VpStayPage *self);

G_END_DECLS

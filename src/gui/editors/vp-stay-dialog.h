/* vp-stay-dialog.h: one hotel stay of a participant. */
#pragma once

#include <adwaita.h>

#include "vp-travel.h"

G_BEGIN_DECLS

#define VP_TYPE_STAY_DIALOG (vp_stay_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VpStayDialog, vp_stay_dialog, VP, STAY_DIALOG, AdwWindow)

/* Edits a copy of @stay, or a new stay when it is NULL, whose dates
 * default to @default_check_in and @default_check_out (either may be
 * NULL).  ::applied (VpStay *stay) gives the stay when Done is pressed. */
VpStayDialog *vp_stay_dialog_new (const VpStay *stay,
                                  const char   *default_check_in,
                                  const char   *default_check_out);

G_END_DECLS

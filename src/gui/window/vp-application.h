/* vp-application.h: the application: opens the store and shows the window. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_APPLICATION (vp_application_get_type ())

G_DECLARE_FINAL_TYPE (VpApplication, vp_application, VP, APPLICATION, AdwApplication)

VpApplication *vp_application_new             (void);
/* NULL until the store is open, and when it could not be opened. */
VpStore       *vp_application_get_store       (VpApplication *self);
/* What main() returns after g_application_run(): 2 when the database could
 * not be opened. */
int            vp_application_get_exit_status (VpApplication *self);

G_END_DECLS

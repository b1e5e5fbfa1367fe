/* vp-window.h: the main window: programmes in a sidebar, the selected one beside. */
#pragma once

#include <adwaita.h>

#include "vp-programme-context.h"
#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_WINDOW (vp_window_get_type ())

G_DECLARE_FINAL_TYPE (VpWindow, vp_window, VP, WINDOW, AdwApplicationWindow)

VpWindow *vp_window_new        (AdwApplication *application,
                                VpStore        *store);
VpStore  *vp_window_get_store  (VpWindow       *self);
/* What the pages show: the selected programme, its problems and budget. */
VpProgrammeContext *vp_window_get_context (VpWindow *self);

G_END_DECLS

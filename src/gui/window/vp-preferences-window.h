/* vp-preferences-window.h: where the database is, and a way to its folder. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PREFERENCES_WINDOW (vp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VpPreferencesWindow, vp_preferences_window, VP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *vp_preferences_window_new (GtkWindow *parent,
                                      VpStore   *store);

G_END_DECLS

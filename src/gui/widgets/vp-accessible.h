/* vp-accessible.h: what screen readers are told about buttons, put right where GTK 4.8 gets it
 * wrong. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, in this process, every button as it is shown is given the
 * name a person would say: a button with a mnemonic ("_Add Host") is named
 * by its label alone, not "_Add Host Add Host" (GTK 4.8 names it by its raw
 * text and by its label).
 * Call once, at the application's start-up; tests/test-a11y.py checks it
 * through AT-SPI. */
void vp_accessible_init (void);

G_END_DECLS

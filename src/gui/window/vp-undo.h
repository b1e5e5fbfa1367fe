/* vp-undo.h: the window's undo history (vp-history.h) as widgets meet it: the history a widget's
 * window keeps, Undo and Redo with their refusals shown, toasts with an Undo button. */
#pragma once

#include <adwaita.h>

#include "vp-history.h"

G_BEGIN_DECLS

/* The undo history of the main window that @widget is in, or that the
 * dialog it is in belongs to (transient for), or NULL (a widget shown
 * outside a main window: its saves are only saved). */
VpHistory *vp_undo_find_history (GtkWidget   *widget);

/* Undoes (or, with @redo, redoes) the last change of @history; when it
 * cannot (another program changed it since), says why in a toast in the
 * overlay that holds @widget.  Returns whether it did. */
gboolean   vp_undo_step         (GtkWidget   *widget,
                                 VpHistory   *history,
                                 gboolean     redo);

/* Shows @title (“Session moved”) in the toast overlay that holds @widget,
 * with an Undo button that undoes the change @entry of @history (and any
 * made after it) while the history holds it; without one when @history is
 * NULL or @entry 0 (not recorded).  Takes no ownership. */
void       vp_undo_offer        (GtkWidget   *widget,
                                 VpHistory   *history,
                                 guint        entry,
                                 const char  *title);

G_END_DECLS

/* vp-undo.h: "Undo" for deletions, offered in a toast. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

/* Shows @title in the toast overlay that holds @widget, with an Undo button
 * that puts the programme back as @before holds it (a snapshot loaded just
 * before the deletion, when vp_store_get_change_count() gave @loaded_at), as
 * long as nothing else has been written since the deletion.  When another
 * program wrote between the loading and the deletion, @before is not what
 * was deleted, and no Undo is offered.  Takes no ownership. */
void vp_undo_offer_restore (GtkWidget   *widget,
                            VpStore     *store,
                            VpSnapshot  *before,
                            gint64       loaded_at,
                            const char  *title);

G_END_DECLS

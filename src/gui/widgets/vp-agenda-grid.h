/* vp-agenda-grid.h: the days of a programme side by side as a time grid, drawn in one widget. */
#pragma once

#include <gtk/gtk.h>

#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_TYPE_AGENDA_GRID (vp_agenda_grid_get_type ())

G_DECLARE_FINAL_TYPE (VpAgendaGrid, vp_agenda_grid, VP, AGENDA_GRID, GtkWidget)

/* Signals, each with the session's uid where there is one:
 *   ::session-activated (uid): Enter or a double-click on a block;
 *   ::delete-session (uid): Delete on the focused block;
 *   ::move-session (uid, start): a block dragged, or moved with the keyboard,
 *     to @start, "YYYY-MM-DDTHH:MM" in the programme's zone;
 *   ::create-session (day, minute): a double-click on an empty slot, @day
 *     "YYYY-MM-DD", @minute from midnight, snapped to 15 minutes.
 * The grid is a GtkScrollable: put it straight into a GtkScrolledWindow,
 * which scrolls its hours while the day names stay in view. */
GtkWidget  *vp_agenda_grid_new                (void);

/* Sessions are drawn in the programme's zone.  Keeps a reference. */
void        vp_agenda_grid_set_snapshot       (VpAgendaGrid    *self,
                                               VpSnapshot      *snapshot);
VpSnapshot *vp_agenda_grid_get_snapshot       (VpAgendaGrid    *self);
/* @session, one the grid's snapshot holds, changed in place (a live model's
 * object): TRUE when drawing it again is all it takes, its times being
 * those the grid placed it at; FALSE when the grid must be given the
 * snapshot again. */
gboolean    vp_agenda_grid_session_changed    (VpAgendaGrid    *self,
                                               VpSession       *session);
/* A GPtrArray of VpProblem: blocks with a problem are marked. */
void        vp_agenda_grid_set_problems       (VpAgendaGrid    *self,
                                               GPtrArray       *problems);

/* The days the grid spans (the programme's, and any day a session falls
 * on), and the window onto them that fits the width. */
guint       vp_agenda_grid_get_n_days         (VpAgendaGrid    *self);
const char *vp_agenda_grid_get_day            (VpAgendaGrid    *self,
                                               guint            day);
guint       vp_agenda_grid_get_first_day      (VpAgendaGrid    *self);
void        vp_agenda_grid_set_first_day      (VpAgendaGrid    *self,
                                               guint            first_day);
guint       vp_agenda_grid_get_n_visible_days (VpAgendaGrid    *self);

/* The session with the keyboard focus ring, or NULL. */
const char *vp_agenda_grid_get_focus_session  (VpAgendaGrid    *self);
/* Puts the focus ring on @uid and scrolls to it; FALSE when no block has it. */
gboolean    vp_agenda_grid_focus_session      (VpAgendaGrid    *self,
                                               const char      *uid);

/* For tests: the number of blocks laid out (a session past midnight has
 * one per day it touches), and where the first block of @uid is, in the
 * grid's coordinates (FALSE when its day is not in view). */
guint       vp_agenda_grid_get_n_blocks       (VpAgendaGrid    *self);
gboolean    vp_agenda_grid_get_block_rect     (VpAgendaGrid    *self,
                                               const char      *uid,
                                               graphene_rect_t *rect);

G_END_DECLS

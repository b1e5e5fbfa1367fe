/* vp-agenda-item.h: one row of the agenda's list: a day's heading, or a session. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"
#include "vp-time.h"

G_BEGIN_DECLS

#define VP_TYPE_AGENDA_ITEM (vp_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (VpAgendaItem, vp_agenda_item, VP, AGENDA_ITEM, GObject)

/* A heading holds only its title.  A session's row holds what the list shows
 * of it; @severity is its most serious problem, or -1, and @problems their
 * messages, one a line, or NULL. */
VpAgendaItem    *vp_agenda_item_new_heading  (const char      *title);
VpAgendaItem    *vp_agenda_item_new_session  (const char      *uid,
                                              const char      *times,
                                              const char      *title,
                                              const char      *host,
                                              VpSessionStatus  status,
                                              int              severity,
                                              const char      *problems);

gboolean         vp_agenda_item_is_heading   (VpAgendaItem    *self);
const char      *vp_agenda_item_get_uid      (VpAgendaItem    *self);
const char      *vp_agenda_item_get_times    (VpAgendaItem    *self);
const char      *vp_agenda_item_get_title    (VpAgendaItem    *self);
const char      *vp_agenda_item_get_host     (VpAgendaItem    *self);
VpSessionStatus  vp_agenda_item_get_status   (VpAgendaItem    *self);
int              vp_agenda_item_get_severity (VpAgendaItem    *self);
const char      *vp_agenda_item_get_problems (VpAgendaItem    *self);

/* Makes @self show what @other does, in place: a list keeps its row, which
 * shows it again (::changed), instead of taking the row out of a long list
 * and putting a new one in. */
void             vp_agenda_item_assign       (VpAgendaItem    *self,
                                              VpAgendaItem    *other);
/* Gives a session's row the checks' newest word on it (@severity -1: no
 * problem); only a row whose problems changed is shown again (::changed).
 * Returns whether they changed. */
gboolean         vp_agenda_item_set_problems (VpAgendaItem    *self,
                                              int              severity,
                                              const char      *problems);

/* A session's times as the agenda shows them: “09:15–10:45”, or
 * “22:30 – Wed 01:30” when it ends on another day. */
char            *vp_agenda_format_times      (const VpLocalTime *start,
                                              const VpLocalTime *end);

G_END_DECLS

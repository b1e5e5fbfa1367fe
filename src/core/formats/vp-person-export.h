/* vp-person-export.h: everything held about one person, as one JSON document (GDPR Art. 15
 * and 20). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The document of the person with @email in @snapshots (VpSnapshot, the
 * programmes that hold anything of them: vp_store_load_person()): a
 * readable summary, then per programme what it holds of them, as a
 * participant (every field, consent, sessions attended, travel legs,
 * stays, calendar cancellations), a coordinator or a contact
 * (docs/cli.md, person export).  @exported is the day, YYYY-MM-DD. */
GBytes *vp_person_export_write (const char *email,
                                GPtrArray  *snapshots,
                                const char *exported);

G_END_DECLS

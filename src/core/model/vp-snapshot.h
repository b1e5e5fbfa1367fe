/* vp-snapshot.h: an in-memory copy of one whole programme, the hub between
 * the store and every format and check. */
#pragma once

#include <glib-object.h>

#include "vp-host.h"
#include "vp-organisation.h"
#include "vp-participant.h"
#include "vp-programme.h"
#include "vp-session.h"
#include "vp-withdrawal.h"

G_BEGIN_DECLS

#define VP_TYPE_SNAPSHOT (vp_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (VpSnapshot, vp_snapshot, VP, SNAPSHOT, GObject)

/* A snapshot is built once (by an importer or the store) and then only read:
 * readers never change the objects it holds.  Sessions are kept in time
 * order once vp_snapshot_sort_sessions() has run. */
VpSnapshot    *vp_snapshot_new                         (VpProgramme   *programme);
VpProgramme   *vp_snapshot_get_programme               (VpSnapshot    *self);
/* Borrowed arrays of VpHost, VpOrganisation, VpParticipant and VpSession. */
GPtrArray     *vp_snapshot_get_hosts                   (VpSnapshot    *self);
GPtrArray     *vp_snapshot_get_organisations           (VpSnapshot    *self);
GPtrArray     *vp_snapshot_get_participants            (VpSnapshot    *self);
GPtrArray     *vp_snapshot_get_sessions                (VpSnapshot    *self);

/* Each takes a reference; refs must be unique per kind (FALSE, and nothing
 * added, when one is taken). */
gboolean       vp_snapshot_add_host                    (VpSnapshot    *self,
                                                        VpHost        *host);
gboolean       vp_snapshot_add_organisation            (VpSnapshot    *self,
                                                        VpOrganisation *organisation);
gboolean       vp_snapshot_add_participant             (VpSnapshot    *self,
                                                        VpParticipant *participant);
gboolean       vp_snapshot_add_session                 (VpSnapshot    *self,
                                                        VpSession     *session);

VpHost        *vp_snapshot_lookup_host                 (VpSnapshot    *self,
                                                        const char    *ref);
VpOrganisation *vp_snapshot_lookup_organisation        (VpSnapshot    *self,
                                                        const char    *ref);
/* The first organisation whose name has the key of @name
 * (vp_organisation_name_key()). */
VpOrganisation *vp_snapshot_lookup_organisation_by_name (VpSnapshot   *self,
                                                        const char    *name);
/* For importers: makes @participant (held by @self) belong to the
 * organisation its organisation text names, however spelt: its ref's when
 * that is the one, else the snapshot's of that name, else a new one added
 * to @self (named as the text, registered in the participant's country, of
 * the kind its role suggests, with a new ref and uid).  The participant's
 * organisation text becomes the organisation's name; without text (and
 * without a ref) it belongs to none.  Returns the organisation, or NULL. */
VpOrganisation *vp_snapshot_resolve_organisation (VpSnapshot   *self,
                                                 VpParticipant *participant);
/* The organisation @participant belongs to, or NULL. */
VpOrganisation *vp_snapshot_get_participant_organisation (VpSnapshot    *self,
                                                         VpParticipant *participant);
VpParticipant *vp_snapshot_lookup_participant          (VpSnapshot    *self,
                                                        const char    *ref);
/* Case-insensitive. */
VpParticipant *vp_snapshot_lookup_participant_by_email (VpSnapshot    *self,
                                                        const char    *email);
VpSession     *vp_snapshot_lookup_session              (VpSnapshot    *self,
                                                        const char    *ref);
VpSession     *vp_snapshot_lookup_session_by_uid       (VpSnapshot    *self,
                                                        const char    *uid);

/* The events taken out of participants' and hosts' calendars that their
 * next files cancel (the store's record; a document has none): a borrowed
 * array of VpWithdrawal.  The add takes ownership of @withdrawal. */
GPtrArray     *vp_snapshot_get_withdrawals             (VpSnapshot    *self);
void           vp_snapshot_add_withdrawal              (VpSnapshot    *self,
                                                        VpWithdrawal  *withdrawal);

/* Orders sessions by start instant, then end instant, then uid. */
void           vp_snapshot_sort_sessions               (VpSnapshot    *self);
/* The number of people at @session: everyone, or its listed attendees. */
guint          vp_snapshot_count_attendees             (VpSnapshot    *self,
                                                        VpSession     *session);

G_END_DECLS

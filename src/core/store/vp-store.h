/* vp-store.h: the SQLite database, the only code that speaks SQL. */
#pragma once

#include <gio/gio.h>

#include "vp-budget.h"
#include "vp-privacy.h"
#include "vp-publish-target.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

#define VP_STORE_ERROR (vp_store_error_quark ())

typedef enum
{
  VP_STORE_ERROR_FAILED,        /* SQLite or the file system failed */
  VP_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Visit Planner: left untouched */
  VP_STORE_ERROR_NOT_FOUND,     /* no such programme */
  VP_STORE_ERROR_EXISTS,        /* a programme with that uid is already stored */
  VP_STORE_ERROR_INVALID,       /* the data breaks a rule of the store */
  VP_STORE_ERROR_READ_ONLY,     /* the database can be read, not written */
  VP_STORE_ERROR_CHANGED,       /* the programme changed since it was read */
} VpStoreError;

typedef enum
{
  VP_STORE_IMPORT_NONE   = 0,
  /* Match the stored programme by uid and update it (programme-format.md). */
  VP_STORE_IMPORT_UPDATE = 1 << 0,
} VpStoreImportFlags;

#define VP_TYPE_STORE (vp_store_get_type ())

G_DECLARE_FINAL_TYPE (VpStore, vp_store, VP, STORE, GObject)

/* Signals, after every write by this connection, or by another (a command
 * while the window is open) once vp_store_poll_external_changes() sees it:
 *
 * ::rows-changed (gint64 programme_id, VpEntity entity, VpChange change,
 *                 GArray *ids)
 *   what the write did, row by row: for each programme, kind of row and
 *   kind of change, the row ids (gint64) that were added, changed or
 *   removed.  A host's, participant's or session's row changes with its
 *   fields, a participant's with their travel legs and stays, a session's
 *   with its attendees.  Emitted once the live models (below) hold every
 *   change of the write.
 * ::changed (gint64 programme_id)
 *   then once for each programme written; 0 when the write may touch any
 *   programme. */

GQuark       vp_store_error_quark      (void);

/* --database, else $VISIT_PLANNER_DATABASE, else
 * $XDG_DATA_HOME/visit-planner/visits.db.  @explicit_path may be NULL; an
 * empty one, or an empty variable, is an error (NULL). */
char        *vp_store_resolve_path     (const char          *explicit_path,
                                        GError             **error);

/* Opens @path, creating it (mode 0600, with its folder) or migrating it
 * (after a backup copy beside it) as needed.  @path is a file path, always:
 * never an SQLite URI ("file:…") or special name (":memory:"); one that ends
 * in a slash or names a folder is refused before anything is created.  A
 * database that cannot be written (a read-only file or folder) is refused
 * with VP_STORE_ERROR_READ_ONLY. */
VpStore     *vp_store_new              (const char          *path,
                                        GError             **error);
/* For a caller that only reads: as vp_store_new(), but a database that
 * exists and cannot be written is opened read-only (nothing is created,
 * migrated or written; one that needs a migration is refused with
 * VP_STORE_ERROR_READ_ONLY).  In a folder that cannot be written, a file
 * without -wal and -shm files beside it is read as it is on disk. */
VpStore     *vp_store_new_for_reading  (const char          *path,
                                        GError             **error);
const char  *vp_store_get_path         (VpStore             *self);

/* How durable a write is when its call returns.  By default, against a
 * power cut: each commit waits for the disk (synchronous=FULL).  After
 * this call, against a crash of the program (kill -9): the commit is in
 * the system's cache when the call returns, and a thread of the store
 * flushes it to the disk straight away, so that a power cut in the few
 * milliseconds of that flush can lose it; the window's edits show without
 * waiting for the disk.  Finalizing the store waits for the last flush,
 * and so does vp_store_wait_for_disk(). */
void         vp_store_sync_in_background (VpStore           *self);
/* Waits until every commit of this connection so far is on the disk;
 * FALSE when flushing failed (the system said so: the warning names it). */
gboolean     vp_store_wait_for_disk    (VpStore             *self);

/* Refuses, with an error naming @path, an output file that is the database
 * or one of its own files: its -wal, -shm or -journal, or a backup of it.
 * The same file is caught under any name (a symbolic or hard link, "..")
 * when it exists, and by its resolved path when it does not yet. */
gboolean     vp_store_check_output     (VpStore             *self,
                                        const char          *path,
                                        GError             **error);
int          vp_store_get_schema_version (VpStore           *self);

/* The programmes, newest first (start date, then id): a list model of
 * VpProgramme that the store keeps current. */
GListModel  *vp_store_get_programmes   (VpStore             *self);

/* Live models of a programme's hosts, organisations, participants (in their stored order) and
 * sessions (by time, then uid): VpHost, VpOrganisation, VpParticipant and VpSession objects that
 * the store keeps current, row by row, from its change log: a row that changes is read again into
 * the object the model already holds (so selections and property bindings stay) and announced with
 * ::items-changed of itself; rows added or removed are inserted or removed where they belong.
 * Never changed by their users: edit a copy and save it. The store keeps them (transfer none)
 * while the programme exists; they are empty for a programme that does not. */
GListModel  *vp_store_get_hosts        (VpStore             *self,
                                        gint64               programme_id);
GListModel  *vp_store_get_organisations (VpStore            *self,
                                         gint64              programme_id);
GListModel  *vp_store_get_participants (VpStore             *self,
                                        gint64               programme_id);
GListModel  *vp_store_get_sessions     (VpStore             *self,
                                        gint64               programme_id);

/* A snapshot that holds the live models' objects themselves, not copies:
 * it changes as they do.  For views on the main thread (the agenda draws
 * from it); a thread gets its own with vp_store_load_snapshot().  NULL when
 * there is no such programme. */
VpSnapshot  *vp_store_dup_live_snapshot (VpStore            *self,
                                         gint64              programme_id);

/* A programme's numeric id, or its uid: its row id, or 0 with
 * VP_STORE_ERROR_NOT_FOUND. */
gint64       vp_store_find_programme   (VpStore             *self,
                                        const char          *id_or_uid,
                                        GError             **error);

VpSnapshot  *vp_store_load_snapshot    (VpStore             *self,
                                        gint64               programme_id,
                                        GError             **error);

gboolean     vp_store_count_programme  (VpStore             *self,
                                        gint64               programme_id,
                                        guint               *n_hosts,
                                        guint               *n_participants,
                                        guint               *n_sessions,
                                        GError             **error);

/* Who is a visitor in another programme than @programme_id: case-folded
 * email → that programme's title (for the checks' cxc-repeat-visitor). */
GHashTable  *vp_store_collect_other_visits (VpStore          *self,
                                            gint64            programme_id,
                                            GError          **error);

/* The visiting organisations of every programme but @programme_id, one
 * VpOrganisationVisit each (for the checks' cxc-repeat-organisation). */
GPtrArray   *vp_store_collect_organisation_visits (VpStore   *self,
                                                   gint64     programme_id,
                                                   GError   **error);

/* The budget of programme @programme_id (@snapshot, loaded from @self):
 * vp_budget_new() with the organisation visits of the other programmes,
 * which find repeats.  What "visit-planner-cli budget" prints and the grant
 * sheet draws. */
VpBudget    *vp_store_load_budget          (VpStore          *self,
                                            gint64            programme_id,
                                            VpSnapshot       *snapshot,
                                            GError          **error);

/* Writes a whole programme in one transaction: all or nothing.  Without
 * VP_STORE_IMPORT_UPDATE a stored uid is VP_STORE_ERROR_EXISTS; with it, the
 * stored programme is updated and sessions matched by uid, their revision
 * raised when a change shows in a calendar, missing ones cancelled; each
 * participant's legs and stays are matched by uid, else by what they are
 * (programme-format.md), and keep their uid.  The legs and stays of
 * @snapshot are given their uid, revision and time of change.
 *
 * Every write (this one, the edits and deletions below, an undo) records in
 * the same transaction what it took out of a participant's or host's
 * calendar, or deleted from the programme's, for the next file to cancel
 * (the snapshot's withdrawals); what comes back gets a revision above that
 * cancellation. */
gboolean     vp_store_import_snapshot  (VpStore             *self,
                                        VpSnapshot          *snapshot,
                                        VpStoreImportFlags   flags,
                                        gint64              *programme_id,
                                        GError             **error);

/* Computes a programme's new state from its stored one: returns a new
 * snapshot (a full reference) of the same programme, or NULL with @error set
 * to write nothing.  @current must not be changed. */
typedef VpSnapshot *(*VpStoreUpdateFunc) (VpSnapshot  *current,
                                          gpointer     user_data,
                                          GError     **error);

/* Reads the programme, calls @func on it and writes what it returns (as
 * vp_store_import_snapshot() with VP_STORE_IMPORT_UPDATE does), all in one
 * transaction that holds the database's write lock from the read to the
 * write: no other write can come in between and be lost.  Another writer
 * waits, and one that waits too long fails with "the database is busy". */
gboolean     vp_store_update_programme (VpStore             *self,
                                        gint64               programme_id,
                                        VpStoreUpdateFunc    func,
                                        gpointer             user_data,
                                        GError             **error);

gboolean     vp_store_delete_programme (VpStore             *self,
                                        gint64               programme_id,
                                        GError             **error);

/* Edits, for the window.  Each runs in one transaction and emits ::changed
 * with the programme's id.  A save adds the object when its id is 0 (and
 * sets the new id, and a generated uid or ref, on it) or updates that row;
 * local times are resolved to instants here, and a time the clocks skip is
 * refused (VP_TIME_ERROR_SKIPPED).  Saving a session raises its revision
 * when a calendar would show the change (programme-format.md).
 *
 * @read is the row as the caller read it before the edit (an editor's copy
 * of what it showed), or NULL to write over whatever is stored: in the
 * write's transaction, a row that is no longer @read (another window, the
 * command line, or an earlier save changed it since) is not written
 * (VP_STORE_ERROR_CHANGED; VP_STORE_ERROR_NOT_FOUND when it was deleted),
 * so no edit is lost to another. */
gboolean     vp_store_save_programme   (VpStore             *self,
                                        VpProgramme         *programme,
                                        VpProgramme         *read,
                                        GError             **error);
gboolean     vp_store_save_host        (VpStore             *self,
                                        gint64               programme_id,
                                        VpHost              *host,
                                        VpHost              *read,
                                        GError             **error);
/* An organisation's name must be unique in its programme, however spelt
 * (vp_organisation_name_key()). */
gboolean     vp_store_save_organisation (VpStore            *self,
                                         gint64              programme_id,
                                         VpOrganisation     *organisation,
                                         VpOrganisation     *read,
                                         GError            **error);
/* Records that the organisation @organisation_id (a row id) of the
 * programme received the item @item of its closing kit on @received
 * (YYYY-MM-DD), or has not (NULL: cleared), reading and writing it in one
 * transaction, so that no other write comes between.  VP_STORE_ERROR_NOT_FOUND
 * for an organisation the programme does not have, VP_STORE_ERROR_INVALID
 * for an item the rules do not list or a day that is not a date.
 * @changed (may be NULL): whether that changed what was stored. */
gboolean     vp_store_set_evidence     (VpStore             *self,
                                        gint64               programme_id,
                                        gint64               organisation_id,
                                        const char          *item,
                                        const char          *received,
                                        gboolean            *changed,
                                        GError             **error);
/* The participant belongs to the organisation its organisation-ref names; without one (or with one
 * the programme does not have), to the programme's organisation named as its organisation text
 * (however spelt), which is made when there is none (registered in the participant's country).
 * Without either, to none. Replaces the participant's travel legs and stays with those it holds:
 * one with the uid of a stored one (or, without a uid, its reference and places; a stay: its hotel
 * and check-in) is that one, its revision raised if it changed. */
gboolean     vp_store_save_participant (VpStore             *self,
                                        gint64               programme_id,
                                        VpParticipant       *participant,
                                        VpParticipant       *read,
                                        GError             **error);
gboolean     vp_store_save_session     (VpStore             *self,
                                        gint64               programme_id,
                                        VpSession           *session,
                                        VpSession           *read,
                                        GError             **error);

/* Deletes the rows with these ids (of one kind) from the programme.
 * Deleting a host leaves its sessions without a host; deleting a
 * participant takes them off every session. */
gboolean     vp_store_delete_hosts        (VpStore          *self,
                                           gint64            programme_id,
                                           const gint64     *ids,
                                           guint             n_ids,
                                           GError          **error);
/* Its people then belong to no organisation. */
gboolean     vp_store_delete_organisations (VpStore         *self,
                                            gint64           programme_id,
                                            const gint64    *ids,
                                            guint            n_ids,
                                            GError         **error);
gboolean     vp_store_delete_participants (VpStore          *self,
                                           gint64            programme_id,
                                           const gint64     *ids,
                                           guint             n_ids,
                                           GError          **error);
gboolean     vp_store_delete_sessions     (VpStore          *self,
                                           gint64            programme_id,
                                           const gint64     *ids,
                                           guint             n_ids,
                                           GError          **error);

/* For an undo that took back an addition after checking the row: deletes
 * the row @id of @type (VP_TYPE_PROGRAMME, _HOST, _ORGANISATION,
 * _PARTICIPANT or _SESSION; a programme with all it holds) only when
 * nothing was written to the database since vp_store_get_change_count()
 * gave @since, checked in the transaction that deletes
 * (VP_STORE_ERROR_CHANGED otherwise), so nothing comes between the check
 * and the deletion. */
gboolean     vp_store_delete_row_since    (VpStore          *self,
                                           gint64            programme_id,
                                           GType             type,
                                           gint64            id,
                                           gint64            since,
                                           GError          **error);

/* A copy of the programme as a template for the next visit: a new uid, its
 * dates and sessions moved to begin on @start_date (YYYY-MM-DD, local wall
 * times kept), its hosts, and its sessions (new uids, revision 0, for
 * everyone), but no participants: each visitor comes once.  Returns the
 * new programme's id, or 0. */
gint64       vp_store_duplicate_programme (VpStore          *self,
                                           gint64            programme_id,
                                           const char       *start_date,
                                           GError          **error);

/* Undo: puts a programme back exactly as @snapshot holds it (a snapshot
 * loaded before a deletion): its rows with their ids where those are free,
 * uids, refs and revisions, replacing whatever the programme holds now.
 * @since is vp_store_get_change_count() as read when the undo was offered:
 * when anything was written since, by this connection or another, nothing
 * is restored (VP_STORE_ERROR_CHANGED), since that write would be lost.  The
 * check is made in the transaction that writes: nothing comes between. */
gboolean     vp_store_restore_snapshot    (VpStore          *self,
                                           VpSnapshot       *snapshot,
                                           gint64            since,
                                           GError          **error);

/* A number that changes with every write to the database, by any
 * connection: an undo is offered only while it stays the same.  Read inside
 * a vp_store_update_programme() function, it tells whether anything was
 * written since an earlier reading. */
gint64       vp_store_get_change_count    (VpStore          *self);

/* Whether another connection (the command line, another window) has written
 * to the database since vp_store_get_change_count() gave @change_count; the
 * writes of this one do not count.  A snapshot loaded before a deletion is
 * the programme that was deleted only when this is FALSE after it. */
gboolean     vp_store_written_elsewhere_since (VpStore      *self,
                                               gint64        change_count);

/* Publish targets (vp-store-publish.c).  The targets of a programme, by
 * name: a GPtrArray of VpPublishTarget. */
GPtrArray   *vp_store_get_publish_targets  (VpStore          *self,
                                            gint64            programme_id,
                                            GError          **error);
/* The target @name of the programme, or NULL with VP_STORE_ERROR_NOT_FOUND. */
VpPublishTarget *vp_store_get_publish_target (VpStore        *self,
                                              gint64          programme_id,
                                              const char     *name,
                                              GError        **error);
/* Adds @target (checked with vp_publish_target_validate()) to its
 * programme and sets its id; a name the programme's targets already have is
 * VP_STORE_ERROR_EXISTS. */
gboolean     vp_store_add_publish_target   (VpStore          *self,
                                            VpPublishTarget  *target,
                                            GError          **error);
/* Removes the target @name and what the store knew of its resources (not
 * the resources on the server); VP_STORE_ERROR_NOT_FOUND when there is none. */
gboolean     vp_store_remove_publish_target (VpStore         *self,
                                             gint64           programme_id,
                                             const char      *name,
                                             GError         **error);
/* What target @target_id holds: href → VpPublishResource. */
GHashTable  *vp_store_get_publish_resources (VpStore         *self,
                                             gint64           target_id,
                                             GError         **error);
/* Records a resource put (or left in a conflict), or forgets one deleted:
 * each in a transaction of its own, so that a publish that stops halfway
 * keeps what it did. */
gboolean     vp_store_set_publish_resource  (VpStore                 *self,
                                             gint64                   target_id,
                                             const VpPublishResource *resource,
                                             GError                 **error);
gboolean     vp_store_forget_publish_resource (VpStore       *self,
                                               gint64         target_id,
                                               const char    *href,
                                               GError       **error);
/* Records the last publish to the target: when, its result and report. */
gboolean     vp_store_set_publish_result   (VpStore          *self,
                                            gint64            target_id,
                                            gint64            when,
                                            const char       *result,
                                            const char       *report,
                                            GError          **error);

/* Notices writes by another connection (the command line while the window is
 * open) and emits ::changed for them.  Cheap: call it from a timeout. */
void         vp_store_poll_external_changes (VpStore        *self);

/* Personal data (vp-store-privacy.c).  What these erase is erased for good:
 * its old bytes overwritten in the file (secure_delete), the write-ahead
 * log emptied into the file and truncated, and, for a purge or a person's
 * erasure, the file rebuilt (VACUUM) and every backup the store made of it
 * rewritten without it; the change log holds no text. */

/* Gives @give and withdraws @withdraw of @participant's consent
 * (@participant as read: an editor's copy, or a snapshot's) in one
 * transaction: what a withdrawn consent allowed to keep (dietary and
 * access needs, an emergency contact) is erased at once.  A consent given
 * is dated @given_on (YYYY-MM-DD), or today.  @erased (may be NULL) gets
 * the consents whose data went. */
gboolean     vp_store_change_consent      (VpStore          *self,
                                           gint64            programme_id,
                                           VpParticipant    *participant,
                                           VpConsentField    give,
                                           VpConsentField    withdraw,
                                           const char       *given_on,
                                           VpConsentField   *erased,
                                           GError          **error);

/* One participant's personal data that a purge erases: vp_privacy_list_purge(). */
typedef struct
{
  char      *name;
  GPtrArray *items;             /* char *, for people */
} VpPurgePerson;

/* A programme past its retention date and what a purge erases of it. */
typedef struct
{
  gint64     programme_id;
  char      *uid;
  char      *title;
  char      *retention_until;   /* the date that passed, YYYY-MM-DD */
  GPtrArray *people;            /* VpPurgePerson, those with something to erase */
} VpPurgeProgramme;

void         vp_purge_programme_free      (VpPurgeProgramme *programme);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpPurgeProgramme, vp_purge_programme_free)

/* The programmes past their retention date on @today (NULL: today; a
 * programme without a date of its own keeps its data @months after its
 * last day) that hold personal data a purge erases, and what; only
 * programme @programme_id unless it is 0, and then it must be past its
 * date (else VP_STORE_ERROR_INVALID, saying until when it is kept).
 * Reads only. */
GPtrArray   *vp_store_list_purge          (VpStore          *self,
                                           gint64            programme_id,
                                           guint             months,
                                           const GDate      *today,
                                           GError          **error);
/* Erases what vp_store_list_purge() listed, in one transaction: emails,
 * phones, needs, emergency contacts, notes, travel references and stays.
 * Names, organisations, countries, roles, consent records, who attended
 * what and the places and times of journeys stay (the funder's record). */
gboolean     vp_store_purge               (VpStore          *self,
                                           GPtrArray        *programmes,
                                           GError          **error);

/* Snapshots of the programmes that hold anything of the person with
 * @email (vp_privacy_snapshot_has_person()); empty when none does. */
GPtrArray   *vp_store_load_person         (VpStore          *self,
                                           const char       *email,
                                           GError          **error);
/* Erases the person with @email everywhere: their participant rows in
 * every programme with their attendances, travel legs, stays, consent
 * records and calendar records, and their name and email where they are a
 * coordinator or a host's or an organisation's contact.  Fails, changing
 * nothing, while another connection is reading or writing (the write-ahead
 * log could not be emptied) or when a backup cannot be rewritten. */
gboolean     vp_store_erase_person        (VpStore          *self,
                                           const char       *email,
                                           GError          **error);

G_END_DECLS

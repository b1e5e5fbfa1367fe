/* vp-snapshot-diff.h: what writing one snapshot of a programme over another changes, in the
 * words the import preview and the command line's dry runs both use. */
#pragma once

#include <glib.h>

#include "vp-enums.h"
#include "vp-record.h"
#include "vp-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  VP_SNAPSHOT_DIFF_NONE   = 0,
  /* The new snapshot is written as the store writes an update
   * (vp_store_update_programme(), import --update): sessions missing from
   * it are cancelled, not removed; one already cancelled stays as it is. */
  VP_SNAPSHOT_DIFF_UPDATE = 1 << 0,
} VpSnapshotDiffFlags;

/* A field that differs: @member is its member in the programme format
 * (docs/programme-format.md: "email", "contact_email", "start", "travel",
 * "accommodation"), stable for scripts; @label is its untranslated name
 * for people (vp_change_field_get_label() translates it).  Several members
 * may share a label: a session's start, end and zones are its “time”.
 * Each model class names its own fields (vp_record_param_*(), and the
 * parts of its VpRecordExtra): the diff walks them. */
typedef VpRecordName VpChangeField;

/* One object added, changed, removed or cancelled.  @object is a
 * VpProgramme, VpHost, VpParticipant or VpSession as the new snapshot holds
 * it, or as the old one held it when it is not in the new one (removed, or
 * cancelled by its absence); @previous is the old one, NULL when added.
 * @fields (const VpChangeField *, in the programme format's order) lists
 * what differs for a changed or cancelled one, and is empty otherwise. */
typedef struct
{
  VpEntity    kind;
  VpChange  action;
  gpointer        object;
  gpointer        previous;
  GPtrArray      *fields;
} VpSnapshotChange;

typedef struct _VpSnapshotDiff VpSnapshotDiff;

/* Compares @after (what would be written) with @before (the stored
 * programme, or NULL when it is new: then everything is added).  Hosts and
 * participants are matched by ref, sessions by uid (a session without one
 * is new), a participant's legs and stays as the store matches them: by
 * uid, else a leg by its reference and places and a stay by its hotel and
 * check-in day, never by their place in the list.  The snapshots are
 * referenced, not copied: they must not change while the diff lives. */
VpSnapshotDiff    *vp_snapshot_diff_new              (VpSnapshot          *before,
                                                      VpSnapshot          *after,
                                                      VpSnapshotDiffFlags  flags);
void               vp_snapshot_diff_free             (VpSnapshotDiff      *self);

/* The changes of one kind (borrowed, VpSnapshotChange): those of @after in
 * its order, then those only @before has, in its order. */
GPtrArray         *vp_snapshot_diff_get_changes      (VpSnapshotDiff      *self,
                                                      VpEntity         kind);
guint              vp_snapshot_diff_count            (VpSnapshotDiff      *self,
                                                      VpEntity         kind,
                                                      VpChange       action);
gboolean           vp_snapshot_diff_is_empty         (VpSnapshotDiff      *self);
/* “Sessions: 2 added, 1 changed, 1 cancelled”, translated; NULL when
 * nothing of @kind changes. */
char              *vp_snapshot_diff_describe_kind    (VpSnapshotDiff      *self,
                                                      VpEntity         kind);

/* Stable names, not translated: "programme", "hosts", "participants",
 * "sessions" (the programme format's members); "added", "changed",
 * "removed", "cancelled". */
const char        *vp_change_kind_get_member         (VpEntity         kind);
const char        *vp_change_action_get_nick         (VpChange       action);
const char        *vp_change_field_get_label         (const VpChangeField *field);

/* The participant's or host's name, the session's or programme's title. */
const char        *vp_snapshot_change_get_name       (VpSnapshotChange    *change);
/* What the import preview shows under the name, translated, on one line:
 * for an addition what it is (“ruta@example.lt · Kaunas Tech · Lithuania”,
 * “Tue 13 Apr, 09:00–10:30 · Main hall”), for a change or a cancellation
 * the fields (“Changes: email, phone”); NULL when there is nothing to say. */
char              *vp_snapshot_change_get_details    (VpSnapshotChange    *change);
/* The value of @field (one of @change's fields) before and after the change,
 * as people read it, on one line (at most 60 characters, then “…”); NULL for
 * one not given.  FALSE, and both NULL, for a field that is no single value
 * (a participant's travel, a session's attendees) or a change without a
 * previous object.  Free both with g_free(). */
gboolean           vp_snapshot_change_get_field_values (VpSnapshotChange     *change,
                                                        const VpChangeField  *field,
                                                        char                **before,
                                                        char                **after);
/* What a change or a cancellation changes, with the old and new values, on
 * one line, translated: “organisation: Kaunas Tech → KTU; travel” (a field
 * without a single value by its name alone); NULL for an addition or a
 * removal, or when no field is named. */
char              *vp_snapshot_change_get_values     (VpSnapshotChange    *change);
/* The change on one line, translated: “added: Rūta Kazlauskienė — ruta@…”,
 * “changed: Kaunas Tech — Changes: city”, “removed: Old Mill”. */
char              *vp_snapshot_change_describe       (VpSnapshotChange    *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpSnapshotDiff, vp_snapshot_diff_free)

G_END_DECLS

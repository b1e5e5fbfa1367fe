/* vp-store-private.h: what the parts of the store share; never included outside it. */
#pragma once

#include <math.h>
#include <sqlite3.h>

#include "vp-enum-types.h"
#include "vp-store.h"

G_BEGIN_DECLS

/* Row ids as hash table keys and values (64-bit pointers on our platforms). */
#define ID_TO_KEY(id) ((gpointer)(gintptr)(id))
#define KEY_TO_ID(key) ((gint64)(gintptr)(key))

struct _VpStore
{
  GObject     parent_instance;

  char       *path;          /* as given, for messages */
  char       *file;          /* its absolute form, for SQLite and the file system */
  gboolean    for_reading;   /* the caller only reads */
  gboolean    read_only;     /* opened read-only */
  sqlite3    *db;
  GListStore *programmes;
  gint64      data_version;
  guint64     writes;        /* by this connection: every notify_changed */
  gint64      change_seq;    /* the change log read up to here */
  GHashTable *live;          /* programme id → its live models */
  GHashTable *statements;    /* SQL text → its prepared statement, for the life of db */
  /* The row a save of one row left, as read back in its transaction, until
   * the change log is read after its commit: the log's reader takes it
   * instead of reading the row again, when no other program wrote since. */
  VpEntity    written_entity;
  GObject    *written;
  /* vp_store_sync_in_background(): the thread that flushes the WAL */
  struct _VpStoreSyncer *syncer;
};

/* A statement that is not kept (vp_store_prepare()): g_autoptr(sqlite3_stmt)
 * finalizes it. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement of the store's cache, taken for one use with
 * vp_store_query(): g_auto(VpStoreQuery) gives it back, reset and with its
 * bindings cleared, however the scope is left. */
typedef struct
{
  sqlite3_stmt *stmt;
  gboolean     *taken;       /* the cache's mark; NULL for a statement of its own */
} VpStoreQuery;

gboolean      vp_store_sqlite_error          (VpStore       *self,
                                              GError       **error);
sqlite3_stmt *vp_store_prepare               (VpStore       *self,
                                              const char    *sql,
                                              GError       **error);
/* The prepared statement of @sql, from the store's cache (prepared the
 * first time and kept until the store is finalized), into @query; NULL with
 * @error set when SQLite refuses it.  A statement already taken (by a
 * caller further up the stack) is never handed out twice: that caller gets
 * one of its own, finalized when given back.  Only for SQL without values
 * written into it (bind them), so that the cache stays small. */
sqlite3_stmt *vp_store_query                 (VpStore       *self,
                                              VpStoreQuery  *query,
                                              const char    *sql,
                                              GError       **error);
void          vp_store_query_clear           (VpStoreQuery  *query);
gboolean      vp_store_exec                  (VpStore       *self,
                                              const char    *sql,
                                              GError       **error);
gboolean      vp_store_step_done             (VpStore       *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
gboolean      vp_store_begin                 (VpStore       *self,
                                              GError       **error);
gboolean      vp_store_commit                (VpStore       *self,
                                              GError       **error);
void          vp_store_rollback              (VpStore       *self);
gint64        vp_store_read_data_version     (VpStore       *self);
void          vp_store_notify_changed        (VpStore       *self,
                                              gint64         programme_id);
/* vp-store-changes.c: reads the change log from where it was last read,
 * updates the live models and emits ::rows-changed; returns the ids of the
 * programmes it touched. */
void          vp_store_changes_init          (VpStore       *self);
void          vp_store_changes_clear         (VpStore       *self);
GArray       *vp_store_changes_read          (VpStore       *self);
void          vp_store_emit_rows_changed     (VpStore       *self,
                                              gint64         programme_id,
                                              VpEntity       entity,
                                              VpChange       change,
                                              GArray        *ids);
/* What a write of one session reads of its programme: the programme, its
 * hosts, the session @session_id (0: none yet) with its attendees, the
 * participants it and @participant_refs name (without their journeys and
 * stays), and the withdrawals of its uid; with @everyone, the whole
 * programme (a session for everyone). */
typedef struct
{
  gint64     session_id;
  GPtrArray *participant_refs;
  gboolean   everyone;
} VpStoreScope;

VpSnapshot   *vp_store_load_session_scope_locked (VpStore            *self,
                                                  gint64              programme_id,
                                                  const VpStoreScope *scope,
                                                  GError            **error);
/* Deletes the programme (and all it holds) in the caller's transaction,
 * without notifying; VP_STORE_ERROR_NOT_FOUND when there is none. */
gboolean      vp_store_delete_programme_locked (VpStore     *self,
                                                gint64       programme_id,
                                                GError     **error);
/* vp_store_load_snapshot() for a caller that holds a transaction. */
VpSnapshot   *vp_store_load_snapshot_locked  (VpStore       *self,
                                              gint64         programme_id,
                                              GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VpStoreQuery, vp_store_query_clear)

/* One row as the model holds it, read now: a VpProgramme, VpHost,
 * VpParticipant (with its travel legs and stays) or VpSession (with its
 * host's ref and its attendees' refs), by its row id; NULL without an error
 * when there is no such row. */
GObject      *vp_store_load_row              (VpStore       *self,
                                              VpEntity       entity,
                                              gint64         id,
                                              GError       **error);

static inline void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static inline void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GType         type,
           int           value)
{
  bind_text (stmt, index, vp_enum_to_nick (type, value));
}

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *)sqlite3_column_text (stmt, index);
}

static inline int
column_enum (sqlite3_stmt *stmt,
             int           index,
             GType         type,
             int           fallback)
{
  int value = fallback;

  if (!vp_enum_from_nick (type, column_text (stmt, index), &value))
    return fallback;
  return value;
}

G_END_DECLS

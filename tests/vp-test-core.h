/* vp-test-core.h: what the core's unit tests share: temporary databases, documents read and
 * stored, files read whole. */

#pragma once

#include <glib.h>

#include "vp-snapshot.h"
#include "vp-store.h"

G_BEGIN_DECLS

/**
 * VpTestDatabase:
 * @folder: a temporary folder of the test's own, named after the test program
 * @path: the database file in @folder ("visits.db"), not made until opened
 * @store: the store open on @path, or %NULL
 * @id: the programme the test works on, or 0
 *
 * A database in a folder of its own, removed with all it holds: a GTest
 * fixture (vp_test_database_set_up() and vp_test_database_tear_down()) or,
 * with g_auto(VpTestDatabase), a local.
 */
typedef struct
{
  char    *folder;
  char    *path;
  VpStore *store;
  gint64   id;
} VpTestDatabase;

void         vp_test_database_set_up        (VpTestDatabase     *database,
                                             gconstpointer       data);
void         vp_test_database_set_up_store  (VpTestDatabase     *database,
                                             gconstpointer       data);
void         vp_test_database_set_up_demo   (VpTestDatabase     *database,
                                             gconstpointer       data);
void         vp_test_database_tear_down     (VpTestDatabase     *database,
                                             gconstpointer       data);
void         vp_test_database_clear         (VpTestDatabase     *database);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VpTestDatabase, vp_test_database_clear)

char        *vp_test_make_folder            (void);
void         vp_test_remove_folder          (const char         *path);

VpStore     *vp_test_open_store             (const char         *path);
VpSnapshot  *vp_test_read_document          (const char         *text);
VpSnapshot  *vp_test_read_demo              (void);
gint64       vp_test_import_snapshot        (VpStore            *store,
                                             VpSnapshot         *snapshot,
                                             VpStoreImportFlags  flags);
gint64       vp_test_import_document        (VpStore            *store,
                                             const char         *text,
                                             VpStoreImportFlags  flags);
VpSnapshot  *vp_test_load                   (VpStore            *store,
                                             gint64              id);
char        *vp_test_write_document         (VpSnapshot         *snapshot);

VpHost        *vp_test_host_copy            (VpStore            *store,
                                             gint64              id,
                                             const char         *ref);
VpParticipant *vp_test_participant_copy     (VpStore            *store,
                                             gint64              id,
                                             const char         *ref);
VpSession     *vp_test_session_copy         (VpStore            *store,
                                             gint64              id,
                                             const char         *ref);

/**
 * VpTestChangeLog:
 * @count: how many times the store said a programme changed
 * @programme_id: the programme it named last
 *
 * What vp_test_log_change() writes down: connect it to a store's
 * #VpStore::changed with one of these as its data.
 */
typedef struct
{
  guint  count;
  gint64 programme_id;
} VpTestChangeLog;

void         vp_test_log_change             (VpStore            *store,
                                             gint64              programme_id,
                                             gpointer            user_data);

char        *vp_test_read_file              (const char         *path,
                                             gsize              *length);
GBytes      *vp_test_read_bytes             (const char         *path);
void         vp_test_assert_mode            (const char         *path,
                                             guint               mode);

/* SQL that takes a database back to before schema step 5 (consent and
 * retention), for a test that makes a file as an older version wrote it. */
#define VP_TEST_SQL_BEFORE_CONSENT \
  "DROP TRIGGER participants_consent_insert; DROP TRIGGER participants_consent_update;" \
  "ALTER TABLE participants DROP COLUMN consent_fields;" \
  "ALTER TABLE participants DROP COLUMN consent_given;" \
  "ALTER TABLE participants DROP COLUMN consent_wording;" \
  "ALTER TABLE programmes DROP COLUMN retention_until;"

void         vp_test_sql_exec               (const char         *path,
                                             const char         *sql);
gint64       vp_test_sql_int                (const char         *path,
                                             const char         *sql);

gint64       vp_test_utc                    (int                 year,
                                             int                 month,
                                             int                 day,
                                             int                 hour,
                                             int                 minute);
char        *vp_test_replace_once           (const char         *text,
                                             const char         *old,
                                             const char         *new);

/**
 * VpTestPatch:
 * @path: the member to change: "a.b[1].c"; "sessions[5]" appends to
 *   "sessions" when 5 is its length
 * @value: JSON text; %NULL removes the member
 *
 * One change vp_test_patch_document() makes to a document.
 */
typedef struct
{
  const char *path;
  const char *value;
} VpTestPatch;

char        *vp_test_patch_document         (const char         *text,
                                             const VpTestPatch  *patches,
                                             guint               n_patches);

G_END_DECLS

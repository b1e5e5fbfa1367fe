/* vp-test-gui.h: what the UI tests share: waits, widget look-ups, toplevels, temporary stores. */

#pragma once

#include <adwaita.h>

#include "vp-store.h"
#include "vp-window.h"

G_BEGIN_DECLS

/* What a loaded machine (CI runs tests side by side on two cores) may
 * take for anything a test waits for. */
#define VP_TEST_WAIT_SECONDS 60

/**
 * VP_TEST_SKIP_WITHOUT_DISPLAY:
 *
 * Skips the current test, and returns from it, when vp_test_init() found
 * no display.
 */
#define VP_TEST_SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!vp_test_have_display ()) \
      { \
        g_test_skip ("No display: run under xvfb-run"); \
        return; \
      } \
  } G_STMT_END

/**
 * VpTestCondition:
 * @data: what was passed to vp_test_wait_for()
 *
 * Returns: whether what a test waits for has come about
 */
typedef gboolean (*VpTestCondition) (gpointer data);

void         vp_test_init                   (int              *argc,
                                             char           ***argv);
gboolean     vp_test_have_display           (void);

void         vp_test_run_main_loop          (guint             milliseconds);
gboolean     vp_test_wait_for               (VpTestCondition   condition,
                                             gpointer          data);

GtkWidget   *vp_test_find_widget            (GtkWidget        *root,
                                             const char       *name);
GtkWidget   *vp_test_get_widget             (gpointer          root,
                                             const char       *name);
const char  *vp_test_get_label              (gpointer          root,
                                             const char       *name);
GtkWidget   *vp_test_find_label             (GtkWidget        *root,
                                             const char       *text);
GtkWidget   *vp_test_wait_for_button        (GtkWidget        *root,
                                             const char       *label);

gpointer     vp_test_find_toplevel          (GType             type,
                                             GtkWindow        *except);
gpointer     vp_test_wait_for_toplevel      (GType             type);
void         vp_test_destroy_toplevels      (GtkWindow        *except);

VpWindow    *vp_test_show_window            (VpStore          *store,
                                             int               width);
GtkWindow   *vp_test_show_page              (GtkWidget        *page,
                                             int               width);

VpStore     *vp_test_store_new              (const char       *name,
                                             char            **dir);
void         vp_test_clear_dir              (char            **dir);
gint64       vp_test_import_json            (VpStore          *store,
                                             const char       *json);
VpSnapshot  *vp_test_load_snapshot          (VpStore          *store,
                                             gint64            programme_id);
VpProgrammeContext *vp_test_context_new     (VpStore          *store,
                                             gint64            programme_id);
void         vp_test_reset_last_programme   (void);

G_END_DECLS

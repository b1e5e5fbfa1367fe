/* vp-publish-run.h: publishing a programme to each of its targets, one after another. */
#pragma once

#include <gio/gio.h>

#include "vp-store.h"

G_BEGIN_DECLS

typedef enum
{
  VP_PUBLISH_RUN_PUBLISHED,   /* every target: all published */
  VP_PUBLISH_RUN_CONFLICTS,   /* a conflict was left alone, nothing failed */
  VP_PUBLISH_RUN_FAILED,      /* a target failed (the others were still published) */
  VP_PUBLISH_RUN_NO_TARGETS,  /* the programme has none */
} VpPublishRunResult;

#define VP_TYPE_PUBLISH_RUN (vp_publish_run_get_type ())

G_DECLARE_FINAL_TYPE (VpPublishRun, vp_publish_run, VP, PUBLISH_RUN, GObject)

/* Signal ::progress (const char *text, double fraction): "Publishing 27 of
 * 120" (and the target's name when there are several) as requests go. */
VpPublishRun       *vp_publish_run_new       (VpStore        *store,
                                              gint64          programme_id);
/* Overwrite (or delete) what someone else changed on the servers too. */
void                vp_publish_run_set_force (VpPublishRun   *self,
                                              gboolean        force);
/* Each target's password comes from its variable, else the keyring
 * (asynchronously); the requests go from the main context, the calendars are
 * written in a thread: nothing blocks. */
void                vp_publish_run_start     (VpPublishRun         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* What happened, one line per target ("NAME: 1 put, …" or its failure). */
char               *vp_publish_run_finish    (VpPublishRun         *self,
                                              GAsyncResult         *result,
                                              VpPublishRunResult   *outcome);

G_END_DECLS

/* vp-fuzz.h: what the libFuzzer targets share: setup, fixed programmes, and failing loudly. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vp-programme-format.h"

/* libFuzzer's entry points: defined by each target, declared here so that
 * -Wmissing-prototypes stays quiet. */
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A broken invariant: say which, and abort so that libFuzzer keeps the
 * input as a crash. */
#define vp_fuzz_fail(...)                \
  G_STMT_START                           \
  {                                      \
    fprintf (stderr, "vp-fuzz: ");       \
    fprintf (stderr, __VA_ARGS__);       \
    fputc ('\n', stderr);                \
    abort ();                            \
  }                                      \
  G_STMT_END

/* Criticals and warnings are bugs whatever the input (a precondition the
 * core broke, or a library it misused): make them crashes, as G_DEBUG=
 * fatal-criticals does for the unit tests.  GLib reads G_DEBUG when it
 * starts, before LLVMFuzzerInitialize, hence the call. */
static inline void
vp_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* The snapshot that the document @json describes: a fixed programme that
 * the importers apply their input to. */
static inline VpSnapshot *
vp_fuzz_snapshot_new (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  VpSnapshot *snapshot = vp_programme_format_read (bytes, &error);

  if (snapshot == NULL)
    vp_fuzz_fail ("the fixed programme cannot be read: %s", error->message);
  return snapshot;
}

/* A failed call must say why, and a successful one must not. */
static inline void
vp_fuzz_check_error (const char   *what,
                     gconstpointer result,
                     const GError *error)
{
  if (result == NULL && error == NULL)
    vp_fuzz_fail ("%s failed without an error", what);
  if (result != NULL && error != NULL)
    vp_fuzz_fail ("%s worked but set an error: %s", what, error->message);
}

/* @snapshot written as a document must be @expected: an importer changed
 * the snapshot it was given. */
static inline void
vp_fuzz_check_unchanged (VpSnapshot *snapshot,
                         GBytes     *expected)
{
  g_autoptr(GBytes) now = vp_programme_format_write (snapshot);

  if (!g_bytes_equal (now, expected))
    vp_fuzz_fail ("the importer changed the snapshot it was given");
}

/* A snapshot an importer made must be a programme that can be saved and
 * opened again. */
static inline void
vp_fuzz_check_readable (const char *what,
                        VpSnapshot *snapshot)
{
  g_autoptr(GBytes) written = vp_programme_format_write (snapshot);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpSnapshot) again = vp_programme_format_read (written, &error);

  if (again == NULL)
    vp_fuzz_fail ("%s: its result, written as a document, cannot be read back: %s",
                  what, error->message);
}

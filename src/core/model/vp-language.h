/* vp-language.h: the language of a document (a printed layout, a calendar file), apart from the
 * window's: the project's own compiled catalogs (.mo) read here, whatever locales the system
 * has generated, and dates written with translated patterns and names.
 *
 * A language is one of the codes vp_language_codes() lists; "en" is the
 * source language and needs no catalog, the others need
 * LOCALEDIR/CODE/LC_MESSAGES/visit-planner.mo, looked for in
 * vp_language_locale_dir(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_LANGUAGE_ERROR (vp_language_error_quark ())

typedef enum
{
  VP_LANGUAGE_ERROR_UNKNOWN,    /* not one of vp_language_codes() */
  VP_LANGUAGE_ERROR_NO_CATALOG, /* no translation catalog for it */
  VP_LANGUAGE_ERROR_CORRUPT,    /* its catalog is not a GNU .mo file */
} VpLanguageError;

/* A loaded catalog: kept for the life of the process, never freed. */
typedef struct _VpLanguage VpLanguage;

GQuark              vp_language_error_quark      (void);

/* "en", "de", "fr", "fi", "lt", "sv": NULL-terminated, static. */
const char * const *vp_language_codes            (void);
gboolean            vp_language_code_is_known    (const char  *code);
/* The language's own name ("Deutsch", "suomi"), static; NULL for an unknown code. */
const char         *vp_language_code_get_name    (const char  *code);

/* The folder of the catalogs: $VISIT_PLANNER_LOCALEDIR when set (the only
 * one then), else the installed LOCALEDIR when it holds a catalog of ours,
 * else the build tree's po folder (an uninstalled run). */
const char         *vp_language_locale_dir       (void);

/* The codes that can be used now: "en" and those with a catalog, in the
 * order of vp_language_codes(); and the same joined by ", " for messages. */
GStrv               vp_language_available_codes  (void);
char               *vp_language_describe_available (void);

/* The catalog of @code, loaded once.  VP_LANGUAGE_ERROR_UNKNOWN or
 * VP_LANGUAGE_ERROR_NO_CATALOG (the message names the codes that exist). */
VpLanguage         *vp_language_get              (const char  *code,
                                                  GError     **error);
const char         *vp_language_get_code         (VpLanguage  *self);
/* The user's language: the first of g_get_language_names() (LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG) that is a known code with a catalog, else "en". */
const char         *vp_language_user_code        (void);

/* Lookups: the translation, or @msgid itself.  @msgctxtid is
 * "context\004message", @msgidoffset the message's offset in it (as
 * g_dpgettext()).  The number of plural forms and the choice between them
 * come from the catalog's Plural-Forms header. */
const char         *vp_language_gettext          (VpLanguage  *self,
                                                  const char  *msgid) G_GNUC_FORMAT (2);
const char         *vp_language_pgettext         (VpLanguage  *self,
                                                  const char  *msgctxtid,
                                                  gsize        msgidoffset) G_GNUC_FORMAT (2);
const char         *vp_language_ngettext         (VpLanguage  *self,
                                                  const char  *msgid,
                                                  const char  *msgid_plural,
                                                  gulong       n) G_GNUC_FORMAT (2)
                                                  G_GNUC_FORMAT (3);

/* g_date_time_format() of @format, except that the names come from the
 * catalog, not the locale: %A and %a the weekday (contexts "weekday",
 * "abbreviated weekday"), %B and %b (%h) the month as it is written in a
 * date with its day ("month in a date", "abbreviated month in a date"),
 * %OB and %Ob the month standing alone ("month", "abbreviated month").
 * %c, %x, %X, %r and %p, which only the locale knows, are not for
 * documents: they are written as g_date_time_format() writes them. */
char               *vp_language_format_date_time (VpLanguage  *self,
                                                  GDateTime   *time,
                                                  const char  *format);

/* The language of the document being written on this thread, for the
 * code that writes documents (see vp-document-i18n.h): set to @language
 * (NULL: the window's, through gettext) and returns the previous one, to
 * be given back to it when the document is done. */
VpLanguage         *vp_language_set_document     (VpLanguage  *language);
VpLanguage         *vp_language_get_document     (void);

/* Lookups in the document's language, else gettext's. */
const char         *vp_document_gettext          (const char  *msgid) G_GNUC_FORMAT (1);
const char         *vp_document_pgettext         (const char  *msgctxtid,
                                                  gsize        msgidoffset) G_GNUC_FORMAT (1);
const char         *vp_document_ngettext         (const char  *msgid,
                                                  const char  *msgid_plural,
                                                  gulong       n) G_GNUC_FORMAT (1)
                                                  G_GNUC_FORMAT (2);
/* vp_language_format_date_time() in the document's language, else in the
 * user's (vp_language_user_code()), the language of gettext's words. */
char               *vp_document_format_date_time (GDateTime   *time,
                                                  const char  *format);

G_END_DECLS

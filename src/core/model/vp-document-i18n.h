/* vp-document-i18n.h: the gettext macros of the code that writes documents, looking up in the
 * document's language (vp_language_set_document()) and, with none set, in the window's.
 *
 * Include it after <glib/gi18n-lib.h>: _(), C_(), ngettext() and
 * g_dngettext() keep their names, so xgettext finds the strings as before. */
#pragma once

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-language.h"

#undef _
#undef C_
#undef ngettext
#undef g_dngettext

#define _(String) vp_document_gettext (String)
#define C_(Context, String) vp_document_pgettext (Context "\004" String, strlen (Context) + 1)
#define ngettext(Msgid, Plural, N) vp_document_ngettext (Msgid, Plural, N)
#define g_dngettext(Domain, Msgid, Plural, N) vp_document_ngettext (Msgid, Plural, N)

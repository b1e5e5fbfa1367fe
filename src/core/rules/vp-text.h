/* vp-text.h: rules for the texts people type that every way in shares. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text is NULL, empty or only white space (any Unicode space,
 * like a no-break space): a required text that is blank is missing. */
gboolean vp_text_is_blank (const char *text);

G_END_DECLS

/* vp-text.c: rules for the texts people type that every way in shares. */
#include "config.h"

#include "vp-text.h"

gboolean
vp_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  /* Invalid UTF-8 is not blank: the callers refuse it for what it is. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isspace (c))
        return FALSE;
    }

  return TRUE;
}

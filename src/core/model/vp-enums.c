/* vp-enums.c: converts enum values to and from the words of the programme format. */
#include "config.h"

#include "vp-enums.h"
#include "vp-enum-types.h"

#include <string.h>

/* The class is kept referenced for the life of the process so the nicks we
 * hand out stay valid; static enum classes are never unloaded anyway. */
static GEnumClass *
get_enum_class (GType type)
{
  gpointer klass = g_type_class_peek (type);

  if (klass == NULL)
    klass = g_type_class_ref (type);

  return G_ENUM_CLASS (klass);
}

const char *
vp_enum_to_nick (GType type,
                 int   value)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  klass = get_enum_class (type);
  enum_value = g_enum_get_value (klass, value);

  if (enum_value == NULL || strcmp (enum_value->value_nick, "unset") == 0)
    return NULL;

  return enum_value->value_nick;
}

gboolean
vp_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL || strcmp (nick, "unset") == 0)
    return FALSE;

  klass = get_enum_class (type);
  enum_value = g_enum_get_value_by_nick (klass, nick);

  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

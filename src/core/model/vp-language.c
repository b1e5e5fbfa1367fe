/* vp-language.c: a document's language: the project's .mo catalogs read without the system's
 * locales, plural forms from their header, dates from translated patterns and names. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-language.h"

#define MO_MAGIC 0x950412deU

struct _VpLanguage
{
  char       *code;
  GBytes     *data;        /* the .mo file; NULL for "en" */
  GHashTable *messages;    /* original (singular) → Message, pointing into @data */
  guint       nplurals;
  char       *plural;      /* the Plural-Forms expression, or NULL: n != 1 */
};

typedef struct
{
  const char *text;   /* the translation: the plural forms separated by NUL */
  gsize       length;
} Message;

static const char * const codes[] = { "en", "de", "fr", "fi", "lt", "sv", NULL };

/* Each language's name in itself, as its speakers write it in a list. */
static const char * const names[] = { "English", "Deutsch", "français", "suomi", "lietuvių",
                                      "svenska", NULL };

static GMutex languages_lock;
static GHashTable *languages;  /* code → VpLanguage, for the process's life */
static GPrivate document_language = G_PRIVATE_INIT (NULL);

G_DEFINE_QUARK (vp-language-error-quark, vp_language_error)

const char * const *
vp_language_codes (void)
{
  return codes;
}

gboolean
vp_language_code_is_known (const char *code)
{
  return code != NULL && g_strv_contains (codes, code);
}

const char *
vp_language_code_get_name (const char *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return names[i];
  return NULL;
}

static char *
catalog_path (const char *dir,
              const char *code)
{
  g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);

  return g_build_filename (dir, code, "LC_MESSAGES", file, NULL);
}

static gboolean
dir_has_catalogs (const char *dir)
{
  for (guint i = 1; codes[i] != NULL; i++)
    {
      g_autofree char *path = catalog_path (dir, codes[i]);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

const char *
vp_language_locale_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *from_environment = g_getenv ("VISIT_PLANNER_LOCALEDIR");
      const char *found;

      if (from_environment != NULL && from_environment[0] != '\0')
        found = from_environment;
      else if (dir_has_catalogs (LOCALEDIR) || !dir_has_catalogs (BUILD_LOCALEDIR))
        found = LOCALEDIR;
      else
        found = BUILD_LOCALEDIR;
      g_once_init_leave (&dir, g_strdup (found));
    }
  return dir;
}

GStrv
vp_language_available_codes (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *path = catalog_path (vp_language_locale_dir (), codes[i]);

      if (i == 0 || g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_strv_builder_add (builder, codes[i]);
    }
  return g_strv_builder_end (builder);
}

char *
vp_language_describe_available (void)
{
  g_auto(GStrv) available = vp_language_available_codes ();

  return g_strjoinv (", ", available);
}

/* Plural-Forms {{{1 */

/* A C expression of n, as a catalog's header gives it: evaluated by
 * recursive descent on its text.  Sets *ok to FALSE on a malformed one. */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    ok;
} Plural;

static gulong plural_ternary (Plural *e);

static void
plural_space (Plural *e)
{
  while (g_ascii_isspace (*e->p))
    e->p++;
}

static gboolean
plural_accept (Plural     *e,
               const char *token)
{
  gsize length = strlen (token);

  plural_space (e);
  if (strncmp (e->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", "!" not of "!=", "=" alone is no operator. */
  if (length == 1 && strchr ("<>!", token[0]) != NULL && e->p[1] == '=')
    return FALSE;
  if (length == 1 && (token[0] == '|' || token[0] == '&'))
    return FALSE;
  e->p += length;
  return TRUE;
}

static gulong
plural_primary (Plural *e)
{
  plural_space (e);
  if (plural_accept (e, "!"))
    return !plural_primary (e);
  if (plural_accept (e, "("))
    {
      gulong value = plural_ternary (e);

      if (!plural_accept (e, ")"))
        e->ok = FALSE;
      return value;
    }
  if (*e->p == 'n')
    {
      e->p++;
      return e->n;
    }
  if (g_ascii_isdigit (*e->p))
    {
      char *end;
      gulong value = strtoul (e->p, &end, 10);

      e->p = end;
      return value;
    }
  e->ok = FALSE;
  return 0;
}

static gulong
plural_product (Plural *e)
{
  gulong value = plural_primary (e);

  while (e->ok)
    {
      if (plural_accept (e, "*"))
        value *= plural_primary (e);
      else if (plural_accept (e, "/"))
        {
          gulong divisor = plural_primary (e);

          value = divisor != 0 ? value / divisor : 0;
        }
      else if (plural_accept (e, "%"))
        {
          gulong divisor = plural_primary (e);

          value = divisor != 0 ? value % divisor : 0;
        }
      else
        break;
    }
  return value;
}

static gulong
plural_sum (Plural *e)
{
  gulong value = plural_product (e);

  while (e->ok)
    {
      if (plural_accept (e, "+"))
        value += plural_product (e);
      else if (plural_accept (e, "-"))
        value -= plural_product (e);
      else
        break;
    }
  return value;
}

static gulong
plural_relation (Plural *e)
{
  gulong value = plural_sum (e);

  while (e->ok)
    {
      if (plural_accept (e, "<="))
        value = value <= plural_sum (e);
      else if (plural_accept (e, ">="))
        value = value >= plural_sum (e);
      else if (plural_accept (e, "<"))
        value = value < plural_sum (e);
      else if (plural_accept (e, ">"))
        value = value > plural_sum (e);
      else
        break;
    }
  return value;
}

static gulong
plural_equality (Plural *e)
{
  gulong value = plural_relation (e);

  while (e->ok)
    {
      if (plural_accept (e, "=="))
        value = value == plural_relation (e);
      else if (plural_accept (e, "!="))
        value = value != plural_relation (e);
      else
        break;
    }
  return value;
}

static gulong
plural_and (Plural *e)
{
  gulong value = plural_equality (e);

  while (e->ok && plural_accept (e, "&&"))
    {
      gulong right = plural_equality (e);

      value = value && right;
    }
  return value;
}

static gulong
plural_or (Plural *e)
{
  gulong value = plural_and (e);

  while (e->ok && plural_accept (e, "||"))
    {
      gulong right = plural_and (e);

      value = value || right;
    }
  return value;
}

static gulong
plural_ternary (Plural *e)
{
  gulong condition = plural_or (e);
  gulong yes, no;

  if (!e->ok || !plural_accept (e, "?"))
    return condition;
  yes = plural_ternary (e);
  if (!plural_accept (e, ":"))
    {
      e->ok = FALSE;
      return 0;
    }
  no = plural_ternary (e);
  return condition ? yes : no;
}

/* The form for @n, or -1 when @expression is malformed. */
static long
plural_evaluate (const char *expression,
                 gulong      n)
{
  Plural e = { expression, n, TRUE };
  gulong value = plural_ternary (&e);

  plural_space (&e);
  if (!e.ok || *e.p != '\0')
    return -1;
  return (long)value;
}

/* Reading a catalog {{{1 */

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The header's "Plural-Forms: nplurals=N; plural=EXPR;". */
static void
parse_header (VpLanguage *self,
              const char *header,
              gsize       length)
{
  g_autofree char *text = g_strndup (header, length);
  const char *line = strstr (text, "Plural-Forms:");
  const char *nplurals, *plural;

  if (line == NULL)
    return;
  nplurals = strstr (line, "nplurals=");
  plural = strstr (line, "plural=");
  if (nplurals != NULL)
    self->nplurals = (guint)CLAMP (strtoul (nplurals + strlen ("nplurals="), NULL, 10), 1, 16);
  if (plural != NULL)
    {
      const char *start = plural + strlen ("plural=");
      const char *end = start;

      while (*end != '\0' && *end != ';' && *end != '\n')
        end++;
      self->plural = g_strndup (start, end - start);
      if (plural_evaluate (self->plural, 1) < 0)
        g_clear_pointer (&self->plural, g_free);
    }
}

static gboolean
load_catalog (VpLanguage  *self,
              const char  *path,
              GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 count, originals, translations;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;
  self->data = g_mapped_file_get_bytes (file);
  data = g_bytes_get_data (self->data, &size);

  if (size < 20)
    goto corrupt;
  swap = read_word (data, 0, FALSE) != MO_MAGIC;
  if (swap && read_word (data, 0, TRUE) != MO_MAGIC)
    goto corrupt;
  count = read_word (data, 8, swap);
  originals = read_word (data, 12, swap);
  translations = read_word (data, 16, swap);
  if (originals > size || translations > size
      || (gsize)count * 8 > size - MAX (originals, translations))
    goto corrupt;

  for (guint32 i = 0; i < count; i++)
    {
      guint32 original_length = read_word (data, originals + 8 * i, swap);
      guint32 original_offset = read_word (data, originals + 8 * i + 4, swap);
      guint32 length = read_word (data, translations + 8 * i, swap);
      guint32 offset = read_word (data, translations + 8 * i + 4, swap);
      Message *message;

      /* Each string is followed by a NUL inside the file. */
      if (original_offset >= size || original_length >= size - original_offset
          || offset >= size || length >= size - offset
          || data[original_offset + original_length] != '\0' || data[offset + length] != '\0')
        goto corrupt;

      if (original_length == 0)
        {
          parse_header (self, (const char *)data + offset, length);
          continue;
        }
      message = g_new (Message, 1);
      message->text = (const char *)data + offset;
      message->length = length;
      g_hash_table_replace (self->messages, (char *)data + original_offset, message);
    }
  return TRUE;

corrupt:
  g_set_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_CORRUPT,
               _("%s: not a GNU message catalog (.mo file), or a damaged one"), path);
  return FALSE;
}

static VpLanguage *
language_new (const char *code)
{
  VpLanguage *self = g_new0 (VpLanguage, 1);

  self->code = g_strdup (code);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->nplurals = 2;
  return self;
}

static void
language_free (VpLanguage *self)
{
  g_hash_table_unref (self->messages);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->plural);
  g_free (self->code);
  g_free (self);
}

VpLanguage *
vp_language_get (const char  *code,
                 GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;
  VpLanguage *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!vp_language_code_is_known (code))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)codes);

      g_set_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_UNKNOWN,
                   /* TRANSLATORS: the second %s lists language codes: "en, de, fr" */
                   _("unknown language “%s”: a document’s language is one of %s"),
                   code != NULL ? code : "", known);
      return NULL;
    }

  locker = g_mutex_locker_new (&languages_lock);
  if (languages == NULL)
    languages = g_hash_table_new (g_str_hash, g_str_equal);
  self = g_hash_table_lookup (languages, code);
  if (self != NULL)
    return self;

  self = language_new (code);
  if (!g_str_equal (code, "en"))
    {
      path = catalog_path (vp_language_locale_dir (), code);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *available = NULL;

          g_clear_pointer (&locker, g_mutex_locker_free);
          available = vp_language_describe_available ();
          g_set_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_NO_CATALOG,
                       /* TRANSLATORS: the second %s lists language codes: "en, fi, lt" */
                       _("no translation into “%s” is installed: the languages are %s"),
                       code, available);
          language_free (self);
          return NULL;
        }
      if (!load_catalog (self, path, error))
        {
          language_free (self);
          return NULL;
        }
    }
  g_hash_table_insert (languages, self->code, self);
  return self;
}

const char *
vp_language_get_code (VpLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

const char *
vp_language_user_code (void)
{
  const char * const *locales = g_get_language_names ();

  for (guint i = 0; locales[i] != NULL; i++)
    {
      g_autofree char *code = NULL;

      if (g_str_equal (locales[i], "C") || g_str_equal (locales[i], "POSIX")
          || g_str_has_prefix (locales[i], "C."))
        break;
      /* "fr_FR.UTF-8@euro", "fr_FR", "fr" */
      code = g_strndup (locales[i], strcspn (locales[i], "_.@"));
      if (!vp_language_code_is_known (code))
        continue;
      if (g_str_equal (code, "en") || vp_language_get (code, NULL) != NULL)
        return vp_language_get_code (vp_language_get (code, NULL));
    }
  return "en";
}

/* Lookups {{{1 */

static const Message *
lookup (VpLanguage *self,
        const char *original)
{
  return self->messages != NULL ? g_hash_table_lookup (self->messages, original) : NULL;
}

const char *
vp_language_gettext (VpLanguage *self,
                     const char *msgid)
{
  const Message *message;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  message = lookup (self, msgid);
  return message != NULL ? message->text : msgid;
}

const char *
vp_language_pgettext (VpLanguage *self,
                      const char *msgctxtid,
                      gsize       msgidoffset)
{
  const Message *message;

  g_return_val_if_fail (self != NULL, msgctxtid);
  g_return_val_if_fail (msgctxtid != NULL, NULL);

  message = lookup (self, msgctxtid);
  return message != NULL ? message->text : msgctxtid + msgidoffset;
}

const char *
vp_language_ngettext (VpLanguage *self,
                      const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  const Message *message;
  long form;
  const char *text;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  message = lookup (self, msgid);
  if (message == NULL)
    return n == 1 ? msgid : msgid_plural;

  form = self->plural != NULL ? plural_evaluate (self->plural, n) : (n != 1);
  if (form < 0 || (gulong)form >= self->nplurals)
    form = 0;
  /* The forms follow each other, each ended by a NUL. */
  text = message->text;
  for (long i = 0; i < form; i++)
    {
      const char *next = text + strlen (text) + 1;

      if (next > message->text + message->length)
        return message->text;
      text = next;
    }
  return text;
}

/* Dates {{{1 */

static const char * const weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const short_weekdays[] = {
  NC_("abbreviated weekday", "Mon"), NC_("abbreviated weekday", "Tue"),
  NC_("abbreviated weekday", "Wed"), NC_("abbreviated weekday", "Thu"),
  NC_("abbreviated weekday", "Fri"), NC_("abbreviated weekday", "Sat"),
  NC_("abbreviated weekday", "Sun"),
};

/* TRANSLATORS: these "month in a date" are the month as a date writes it
 * after its day ("13. huhtikuuta", "balandžio 13 d."): the form your
 * language uses there. */
static const char * const months_in_date[] = {
  NC_("month in a date", "January"), NC_("month in a date", "February"),
  NC_("month in a date", "March"), NC_("month in a date", "April"),
  NC_("month in a date", "May"), NC_("month in a date", "June"),
  NC_("month in a date", "July"), NC_("month in a date", "August"),
  NC_("month in a date", "September"), NC_("month in a date", "October"),
  NC_("month in a date", "November"), NC_("month in a date", "December"),
};

static const char * const short_months_in_date[] = {
  NC_("abbreviated month in a date", "Jan"), NC_("abbreviated month in a date", "Feb"),
  NC_("abbreviated month in a date", "Mar"), NC_("abbreviated month in a date", "Apr"),
  NC_("abbreviated month in a date", "May"), NC_("abbreviated month in a date", "Jun"),
  NC_("abbreviated month in a date", "Jul"), NC_("abbreviated month in a date", "Aug"),
  NC_("abbreviated month in a date", "Sep"), NC_("abbreviated month in a date", "Oct"),
  NC_("abbreviated month in a date", "Nov"), NC_("abbreviated month in a date", "Dec"),
};

/* TRANSLATORS: these "month" are the month's name standing alone, as a heading writes it. */
static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char * const short_months[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

static const char *
translate_name (VpLanguage *self,
                const char *context,
                const char *name)
{
  g_autofree char *key = g_strconcat (context, "\004", name, NULL);
  const Message *message;

  if (self == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, name);
  message = lookup (self, key);
  return message != NULL ? message->text : name;
}

/* The name for conversion @conversion (with the 'O' modifier or not), or NULL. */
static const char *
date_name (VpLanguage *self,
           GDateTime  *time,
           char        conversion,
           gboolean    standalone)
{
  int weekday = g_date_time_get_day_of_week (time) - 1;
  int month = g_date_time_get_month (time) - 1;

  switch (conversion)
    {
    case 'A':
      return translate_name (self, "weekday", weekdays[weekday]);
    case 'a':
      return translate_name (self, "abbreviated weekday", short_weekdays[weekday]);
    case 'B':
      return standalone ? translate_name (self, "month", months[month])
                        : translate_name (self, "month in a date", months_in_date[month]);
    case 'b':
    case 'h':
      return standalone ? translate_name (self, "abbreviated month", short_months[month])
                        : translate_name (self, "abbreviated month in a date",
                                          short_months_in_date[month]);
    default:
      return NULL;
    }
}

static char *
format_date_time (VpLanguage *self,
                  GDateTime  *time,
                  const char *format)
{
  GString *text = g_string_new (NULL);
  const char *p = format;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean standalone = FALSE;
      const char *name;

      if (*p != '%')
        {
          const char *next = strchr (p, '%');
          gsize length = next != NULL ? (gsize)(next - p) : strlen (p);

          g_string_append_len (text, p, length);
          p += length;
          continue;
        }
      p++;
      /* Flags, then the modifier. */
      while (*p != '\0' && strchr ("-_0^#", *p) != NULL)
        p++;
      if (*p == 'O' || *p == 'E')
        {
          standalone = *p == 'O';
          p++;
        }
      if (*p == '\0')
        {
          g_string_append (text, start);
          break;
        }
      name = date_name (self, time, *p, standalone);
      p++;
      if (name != NULL)
        g_string_append (text, name);
      else
        {
          g_autofree char *conversion = g_strndup (start, p - start);
          g_autofree char *value = g_date_time_format (time, conversion);

          if (value != NULL)
            g_string_append (text, value);
        }
    }
  return g_string_free (text, FALSE);
}

char *
vp_language_format_date_time (VpLanguage *self,
                              GDateTime  *time,
                              const char *format)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  return format_date_time (self, time, format);
}

/* The document's language {{{1 */

VpLanguage *
vp_language_set_document (VpLanguage *language)
{
  VpLanguage *previous = g_private_get (&document_language);

  g_private_set (&document_language, language);
  return previous;
}

VpLanguage *
vp_language_get_document (void)
{
  return g_private_get (&document_language);
}

const char *
vp_document_gettext (const char *msgid)
{
  VpLanguage *language = g_private_get (&document_language);

  return language != NULL ? vp_language_gettext (language, msgid)
                          : g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
vp_document_pgettext (const char *msgctxtid,
                      gsize       msgidoffset)
{
  VpLanguage *language = g_private_get (&document_language);

  return language != NULL ? vp_language_pgettext (language, msgctxtid, msgidoffset)
                          : g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
}

const char *
vp_document_ngettext (const char *msgid,
                      const char *msgid_plural,
                      gulong      n)
{
  VpLanguage *language = g_private_get (&document_language);

  return language != NULL ? vp_language_ngettext (language, msgid, msgid_plural, n)
                          : g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
}

char *
vp_document_format_date_time (GDateTime  *time,
                              const char *format)
{
  VpLanguage *language = g_private_get (&document_language);

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  /* none set: the user's, whose words the document has from gettext; its
   * names from its catalog too, not from a locale the system may lack */
  if (language == NULL)
    language = vp_language_get (vp_language_user_code (), NULL);
  if (language == NULL)
    return g_date_time_format (time, format);
  return format_date_time (language, time, format);
}

/* vp-programme-format.c: the programme exchange document (.visit.json), read and written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vp-cxc-rules.h"
#include "vp-enum-types.h"
#include "vp-privacy.h"
#include "vp-programme-format.h"
#include "vp-text.h"
#include "vp-time.h"
#include "vp-values.h"

#define FORMAT_NAME    "visit-planner-programme"
/* What this program writes; it reads version 1 too (its participants'
 * organisation text becomes organisations; its lump sum, per visitor, is
 * read as the full amount per visiting organisation, within the cap). */
#define FORMAT_VERSION 2
#define FORMAT_VERSION_OLDEST 1

/* The format nests five levels deep; anything far deeper is hostile and
 * would exhaust json-glib's recursive parser. */
#define MAX_NESTING    32

G_DEFINE_QUARK (vp-format-error-quark, vp_format_error)

/* Reading {{{1 */

typedef struct
{
  /* the programme's zone, the default of every time */
  const char *timezone;
  /* the uids of the travel legs and stays read so far, and then of the
   * sessions: one event each in a calendar */
  GHashTable *uids;
  /* what the reader says without refusing the document (char *), and the
   * paths of the participants without a consent (kept as consented) */
  GPtrArray  *notices;
  GPtrArray  *assumed_consent;
} ReadContext;

/* What a uid already read names, in ReadContext.uids. */
enum
{
  UID_OF_TRAVEL = 1,
  UID_OF_SESSION,
};

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError     **error,
      int          code,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a member of the document, like “sessions[3].start”, and what is wrong with it */
  g_set_error (error, VP_FORMAT_ERROR, code, _("%s: %s"), path, message);
  return FALSE;
}

static gboolean
fail_with (GError     **error,
           const char  *path,
           GError      *cause)
{
  return fail (error, VP_FORMAT_ERROR_INVALID, path, "%s", cause->message);
}

/* Where the scan is in the document, to name a member the way the reader
 * does ("sessions[3].capacity"). */
typedef struct
{
  gboolean    array;
  gboolean    expect_key;   /* objects: the next string is a member name */
  guint       index;        /* arrays: the element being read */
  const char *key;          /* objects: the current member's name, as written */
  gsize       key_length;
} ScanFrame;

/* The member that @frames[0..@depth) lead to, or "the document". */
static char *
scan_path (const ScanFrame *frames,
           guint            depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].array)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          g_autofree char *key = g_utf8_make_valid (frames[i].key, MIN (frames[i].key_length, 80));

          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
        }
    }

  if (path->len == 0)
    g_string_append (path, _("the document"));

  return g_string_free (path, FALSE);
}

/* The length of the number at @p: the characters a JSON number can have. */
static gsize
number_length (const char *p,
               const char *end)
{
  const char *q = p;

  while (q < end && (g_ascii_isdigit (*q) || *q == '-' || *q == '+' || *q == '.' ||
                     *q == 'e' || *q == 'E'))
    q++;

  return (gsize)(q - p);
}

/* Whether the @length characters at @p are a JSON whole number,
 * -?(0|[1-9][0-9]*), with no fraction and no exponent. */
static gboolean
is_integer (const char *p,
            gsize       length)
{
  gsize i = 0;

  if (i < length && p[i] == '-')
    i++;
  if (i == length || !g_ascii_isdigit (p[i]) || (p[i] == '0' && i + 1 < length))
    return FALSE;
  for (; i < length; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;

  return TRUE;
}

/* Checks the bytes before json-glib sees them: UTF-8 throughout, a sane
 * depth, and what json-glib would take silently (a whole number beyond 64
 * bits wraps around, "\u0000" cuts a string short), reporting the line and
 * column of the first fault, and its member where it has one. */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  const char *end = data + length;
  const char *line_start = data;
  const char *invalid = NULL;
  const char *string_start = NULL;
  ScanFrame frames[MAX_NESTING + 1];
  guint line = 1;
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean in_key = FALSE;
  gboolean closed = FALSE;
  const char *first = data;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }
      g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX,
                   _("line %u, column %u: the text is not valid UTF-8"),
                   line, (guint)g_utf8_strlen (line_start, invalid - line_start) + 1);
      return FALSE;
    }

  /* A document is one object: json-glib would keep the first of several
   * values and drop (and leak) the rest. */
  while (first < end && g_ascii_isspace (*first))
    first++;
  if (first == end || *first != '{')
    {
      g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_FORMAT,
                   _("the document must be a JSON object: this is not a Visit Planner "
                     "programme document"));
      return FALSE;
    }

  for (const char *p = data; p < end; p++)
    {
      ScanFrame *top = depth > 0 ? &frames[depth - 1] : NULL;

      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
      else if (closed && !g_ascii_isspace (*p))
        {
          g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX,
                       _("line %u, column %u: text after the end of the document"),
                       line, (guint)g_utf8_strlen (line_start, p - line_start) + 1);
          return FALSE;
        }
      else if (in_string)
        {
          /* Escapes are checked here, where the line and column are known
           * (json-glib 1.6 also leaks memory on a bad one). */
          if (*p == '\\')
            {
              gboolean valid = p + 1 < end && strchr ("\"\\/bfnrtu", p[1]) != NULL && p[1] != '\0';

              if (valid && p[1] == 'u')
                {
                  valid = p + 5 < end;
                  for (int k = 2; valid && k < 6; k++)
                    valid = g_ascii_isxdigit (p[k]);
                }
              if (!valid)
                {
                  g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX,
                               _("line %u, column %u: not valid JSON: a backslash in a string "
                                 "must start an escape like \\n or \\u00e4"),
                               line, (guint)g_utf8_strlen (line_start, p - line_start) + 1);
                  return FALSE;
                }

              /* json-glib keeps C strings: the text would end there. */
              if (p[1] == 'u' && strncmp (p + 2, "0000", 4) == 0)
                {
                  g_autofree char *path = scan_path (frames, depth);
                  guint column = (guint)g_utf8_strlen (line_start, p - line_start) + 1;

                  if (in_key)
                    return fail (error, VP_FORMAT_ERROR_INVALID, path,
                                 _("a member name holds \\u0000, a NUL character, which no text "
                                   "may hold (line %u, column %u)"),
                                 line, column);
                  return fail (error, VP_FORMAT_ERROR_INVALID, path,
                               _("the text holds \\u0000, a NUL character, which no text may hold "
                                 "(line %u, column %u)"),
                               line, column);
                }
              p++;
            }
          else if (*p == '"')
            {
              in_string = FALSE;
              if (in_key)
                {
                  top->key = string_start;
                  top->key_length = (gsize)(p - string_start);
                  in_key = FALSE;
                }
            }
          else if ((guchar)*p < 0x20)
            {
              g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX,
                           _("line %u, column %u: not valid JSON: a control character in a "
                             "string (write it as an escape, like \\t)"),
                           line, (guint)g_utf8_strlen (line_start, p - line_start) + 1);
              return FALSE;
            }
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          in_key = top != NULL && !top->array && top->expect_key;
          string_start = p + 1;
          if (in_key)
            top->key = NULL;
        }
      else if (*p == '{' || *p == '[')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_TOO_LARGE,
                           _("line %u, column %u: nested more than %u levels deep"),
                           line, (guint)g_utf8_strlen (line_start, p - line_start) + 1,
                           MAX_NESTING);
              return FALSE;
            }
          frames[depth - 1] = (ScanFrame) { *p == '[', *p == '{', 0, NULL, 0 };
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        closed = --depth == 0;
      else if (*p == ',' && top != NULL)
        {
          if (top->array)
            top->index++;
          else
            top->expect_key = TRUE;
        }
      else if (*p == ':' && top != NULL)
        top->expect_key = FALSE;
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          /* json-glib reads a whole number into 64 bits without a word
           * when it does not fit: -18446744073709551615 would be 1. */
          gsize n = number_length (p, end);
          gint64 value;

          if (is_integer (p, n))
            {
              g_autofree char *digits = g_strndup (p, n);

              if (!g_ascii_string_to_signed (digits, 10, G_MININT64, G_MAXINT64, &value, NULL))
                {
                  g_autofree char *path = scan_path (frames, depth);
                  g_autofree char *shown = n > 40 ? g_strdup_printf ("%.39s…", digits)
                                                  : g_strdup (digits);

                  return fail (error, VP_FORMAT_ERROR_INVALID, path,
                               _("%s is out of range (line %u, column %u)"), shown, line,
                               (guint)g_utf8_strlen (line_start, p - line_start) + 1);
                }
            }
          /* a fraction or an exponent is json-glib's and the reader's to judge */
          p += n - 1;
        }
    }

  return TRUE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  /* null means "not given", like a missing member */
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *member,
             gboolean     required,
             const char **out,
             GError     **error)
{
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = get_member (object, member);
  const char *text;
  gsize length;

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("is required"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("must be a string"));

  text = json_node_get_string (node);
  length = strlen (text);

  /* The bytes were checked before parsing, but an escape like "\ud800"
   * decodes to something that is not UTF-8. */
  if (!g_utf8_validate_len (text, length, NULL))
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                 _("the text is not valid UTF-8 (an unpaired \\u escape?)"));

  if (length > VP_PROGRAMME_FORMAT_MAX_STRING)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (VP_PROGRAMME_FORMAT_MAX_STRING);

      return fail (error, VP_FORMAT_ERROR_TOO_LARGE, member_path,
                   _("the text is too long (%s; at most %s)"), size, limit);
    }

  if (length == 0)
    {
      if (required)
        return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("must not be empty"));
      return TRUE;
    }

  /* blank is empty: “   ” is no title */
  if (required && vp_text_is_blank (text))
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                 _("must not be blank (only spaces)"));

  *out = text;
  return TRUE;
}

/* An id, reference or uid: short, one line, no control characters. */
static gboolean
read_identifier (JsonObject  *object,
                 const char  *path,
                 const char  *member,
                 gboolean     required,
                 const char **out,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (object, path, member, required, out, error))
    return FALSE;

  if (*out != NULL && !vp_value_check_identifier (*out, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

      return fail_with (error, member_path, local_error);
    }

  return TRUE;
}

/* A text that one of the rules of values (vp-values.h) checks: a country
 * code or an email address. */
typedef gboolean (*ValueCheck) (const char  *text,
                                GError     **error);

static gboolean
read_value (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            ValueCheck   check,
            const char **out,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (object, path, member, required, out, error))
    return FALSE;

  if (*out != NULL && !check (*out, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

      return fail_with (error, member_path, local_error);
    }

  return TRUE;
}

static gboolean
read_zone (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           const char **out,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (object, path, member, required, out, error))
    return FALSE;

  if (*out != NULL && !vp_value_check_zone (*out, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

      return fail_with (error, member_path, local_error);
    }

  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *path,
           const char  *member,
           GType        type,
           int          fallback,
           int         *out,
           GError     **error)
{
  const char *word;

  *out = fallback;
  if (!read_string (object, path, member, FALSE, &word, error))
    return FALSE;

  if (word != NULL && !vp_enum_from_nick (type, word, out))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        {
          if (g_str_equal (klass->values[i].value_nick, "unset"))
            continue;
          if (allowed->len > 0)
            g_string_append (allowed, ", ");
          g_string_append (allowed, klass->values[i].value_nick);
        }

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is not one of %s"), word, allowed->str);
    }

  return TRUE;
}

/* An amount of euros (vp_value_check_amount ()). */
static gboolean
read_amount (JsonObject  *object,
             const char  *path,
             const char  *member,
             double      *out,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *member_path = NULL;
  JsonNode *node = get_member (object, member);
  GType type;
  double value;

  *out = NAN;
  if (node == NULL)
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("must be a number"));

  value = json_node_get_double (node);
  if (!vp_value_check_amount (value, &local_error))
    return fail_with (error, member_path, local_error);

  *out = value;
  return TRUE;
}

static gboolean
read_integer (JsonObject  *object,
              const char  *path,
              const char  *member,
              gint64       minimum,
              gint64       maximum,
              gint64      *out,
              gboolean    *given,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *member_path = NULL;
  JsonNode *node = get_member (object, member);
  gint64 value;

  *given = FALSE;
  if (node == NULL)
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("must be a whole number"));

  value = json_node_get_int (node);
  if (!vp_value_check_count (value, minimum, maximum, &local_error))
    return fail_with (error, member_path, local_error);

  *out = value;
  *given = TRUE;
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           const char **out,
           GDate       *date,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_string (object, path, member, required, out, error))
    return FALSE;

  if (*out != NULL && !vp_value_check_date (*out, date, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

      return fail_with (error, member_path, local_error);
    }

  return TRUE;
}

/* A required local time, resolved in @zone_name; @canonical is its text as
 * stored and written. */
static gboolean
read_local_time (JsonObject  *object,
                 const char  *path,
                 const char  *member,
                 const char  *zone_name,
                 char       **canonical,
                 gint64      *instant,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *member_path = NULL;
  const char *text;
  VpLocalTime time;

  if (!read_string (object, path, member, TRUE, &text, error))
    return FALSE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  if (!vp_value_check_wall_time (text, zone_name, &time, instant, &local_error))
    return fail_with (error, member_path, local_error);

  *canonical = vp_local_time_format (&time);
  return TRUE;
}

static gboolean
read_position (JsonObject  *object,
               const char  *path,
               double      *latitude,
               double      *longitude,
               GError     **error)
{
  static const struct
  {
    const char   *member;
    VpCoordinate  axis;
  } axes[] = {
    { "latitude", VP_COORDINATE_LATITUDE },
    { "longitude", VP_COORDINATE_LONGITUDE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *member_path = NULL;
      JsonNode *node = get_member (object, axes[i].member);
      double *degrees = i == 0 ? latitude : longitude;
      GType type;

      *degrees = NAN;
      if (node == NULL)
        continue;

      member_path = g_strdup_printf ("%s.%s", path, axes[i].member);
      type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        return fail (error, VP_FORMAT_ERROR_INVALID, member_path, _("must be a number"));
      if (!vp_value_check_coordinate (axes[i].axis, json_node_get_double (node), &local_error))
        return fail_with (error, member_path, local_error);
      *degrees = json_node_get_double (node);
    }

  if (isnan (*latitude) != isnan (*longitude))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path,
                                                      isnan (*latitude) ? "latitude" : "longitude");

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("is required with %s: give both or neither"),
                   isnan (*latitude) ? "longitude" : "latitude");
    }

  return TRUE;
}

/* An optional member that must be an object, or an array when @array. */
static gboolean
get_container (JsonObject  *object,
               const char  *path,
               const char  *member,
               gboolean     array,
               JsonNode   **out,
               GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (array ? !JSON_NODE_HOLDS_ARRAY (node) : !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *member_path = path != NULL
        ? g_strdup_printf ("%s.%s", path, member)
        : g_strdup (member);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   array ? _("must be an array") : _("must be an object"));
    }

  *out = node;
  return TRUE;
}

static JsonObject *
element_object (JsonArray   *array,
                guint        index,
                const char  *path,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, VP_FORMAT_ERROR_INVALID, path, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_programme (JsonObject   *root,
                gint64        version,
                VpProgramme **out,
                GError      **error)
{
  const VpCxcRules *rules = vp_cxc_rules_get ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VpProgramme) programme = vp_programme_new ();
  const char *path = "programme";
  JsonNode *node;
  JsonObject *object;
  const char *text;
  const char *start_text;
  const char *end_text;
  GDate start_date;
  GDate end_date;
  double number;
  double latitude;
  double longitude;
  int status;

  if (!get_container (root, NULL, "programme", FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return fail (error, VP_FORMAT_ERROR_INVALID, path, _("is required"));
  object = json_node_get_object (node);

  if (!read_identifier (object, path, "uid", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    vp_programme_set_uid (programme, text);
  else
    {
      g_autofree char *uid = g_uuid_string_random ();
      vp_programme_set_uid (programme, uid);
    }

  if (!read_string (object, path, "title", TRUE, &text, error))
    return FALSE;
  vp_programme_set_title (programme, text);

  if (!read_string (object, path, "description", FALSE, &text, error))
    return FALSE;
  vp_programme_set_description (programme, text);

  if (!read_enum (object, path, "status", VP_TYPE_PROGRAMME_STATUS,
                  VP_PROGRAMME_STATUS_DRAFT, &status, error))
    return FALSE;
  vp_programme_set_status (programme, status);

  if (!read_string (object, path, "visiting_cluster", FALSE, &text, error))
    return FALSE;
  vp_programme_set_visiting_cluster (programme, text);

  if (!read_string (object, path, "host_cluster", FALSE, &text, error))
    return FALSE;
  vp_programme_set_host_cluster (programme, text);

  if (!read_value (object, path, "host_country", TRUE, vp_value_check_country, &text, error))
    return FALSE;
  vp_programme_set_host_country (programme, text);

  if (!read_zone (object, path, "timezone", TRUE, &text, error))
    return FALSE;
  vp_programme_set_timezone (programme, text);

  if (!read_date (object, path, "start_date", TRUE, &start_text, &start_date, error) ||
      !read_date (object, path, "end_date", TRUE, &end_text, &end_date, error))
    return FALSE;
  if (!vp_value_check_days (VP_SPAN_PROGRAMME, &start_date, &end_date, &local_error))
    return fail_with (error, "programme.end_date", local_error);
  vp_programme_set_start_date (programme, start_text);
  vp_programme_set_end_date (programme, end_text);

  if (!get_container (object, path, "coordinator", FALSE, &node, error))
    return FALSE;
  if (node != NULL)
    {
      JsonObject *coordinator = json_node_get_object (node);

      if (!read_string (coordinator, "programme.coordinator", "name", FALSE, &text, error))
        return FALSE;
      vp_programme_set_coordinator_name (programme, text);
      if (!read_value (coordinator, "programme.coordinator", "email", FALSE,
                       vp_value_check_email, &text, error))
        return FALSE;
      vp_programme_set_coordinator_email (programme, text);
    }

  if (!get_container (object, path, "origin", FALSE, &node, error))
    return FALSE;
  if (node != NULL)
    {
      JsonObject *origin = json_node_get_object (node);

      if (!read_string (origin, "programme.origin", "city", FALSE, &text, error) ||
          !read_position (origin, "programme.origin", &latitude, &longitude, error))
        return FALSE;
      vp_programme_set_origin_city (programme, text);
      vp_programme_set_origin_position (programme, latitude, longitude);
    }

  if (!read_amount (object, path, "lump_sum_eur", &number, error))
    return FALSE;
  /* version 1's sum per visitor is the full sum per organisation now */
  if (version == 1 && !isnan (number) && number > rules->cap_eur)
    number = rules->cap_eur;
  vp_programme_set_lump_sum_eur (programme, number);

  if (!read_amount (object, path, "lump_sum_override_eur", &number, error))
    return FALSE;
  if (!isnan (number) && number > rules->cap_eur)
    return fail (error, VP_FORMAT_ERROR_INVALID, "programme.lump_sum_override_eur",
                 _("%.2f EUR is above the scheme's cap of %.2f EUR per visiting organisation"),
                 number, rules->cap_eur);
  vp_programme_set_lump_sum_override_eur (programme, number);

  if (!read_string (object, path, "goals", FALSE, &text, error))
    return FALSE;
  vp_programme_set_goals (programme, text);
  if (!read_string (object, path, "objectives", FALSE, &text, error))
    return FALSE;
  vp_programme_set_objectives (programme, text);
  if (!read_date (object, path, "evidence_due", FALSE, &text, &end_date, error))
    return FALSE;
  vp_programme_set_evidence_due (programme, text);
  if (!read_date (object, path, "retention_until", FALSE, &text, NULL, error))
    return FALSE;
  vp_programme_set_retention_until (programme, text);

  *out = g_steal_pointer (&programme);
  return TRUE;
}

static gboolean
read_host (JsonObject  *object,
           const char  *path,
           VpSnapshot  *snapshot,
           GError     **error)
{
  g_autoptr(VpHost) host = vp_host_new ();
  const char *text;
  double latitude;
  double longitude;
  gint64 size;
  gboolean given;
  int kind;

  if (!read_identifier (object, path, "id", TRUE, &text, error))
    return FALSE;
  vp_host_set_ref (host, text);

  if (!read_string (object, path, "name", TRUE, &text, error))
    return FALSE;
  vp_host_set_name (host, text);

  if (!read_enum (object, path, "kind", VP_TYPE_HOST_KIND, VP_HOST_KIND_UNSET, &kind, error))
    return FALSE;
  vp_host_set_kind (host, kind);

  if (!read_string (object, path, "contact_name", FALSE, &text, error))
    return FALSE;
  vp_host_set_contact_name (host, text);
  if (!read_value (object, path, "contact_email", FALSE, vp_value_check_email, &text, error))
    return FALSE;
  vp_host_set_contact_email (host, text);
  if (!read_string (object, path, "phone", FALSE, &text, error))
    return FALSE;
  vp_host_set_phone (host, text);
  if (!read_string (object, path, "address", FALSE, &text, error))
    return FALSE;
  vp_host_set_address (host, text);
  if (!read_string (object, path, "city", FALSE, &text, error))
    return FALSE;
  vp_host_set_city (host, text);
  if (!read_value (object, path, "country", FALSE, vp_value_check_country, &text, error))
    return FALSE;
  vp_host_set_country (host, text);

  if (!read_position (object, path, &latitude, &longitude, error))
    return FALSE;
  vp_host_set_position (host, latitude, longitude);

  if (!read_integer (object, path, "max_group_size", 1, VP_VALUE_COUNT_MAX, &size, &given, error))
    return FALSE;
  vp_host_set_max_group_size (host, given ? (int)size : 0);

  if (!read_string (object, path, "notes", FALSE, &text, error))
    return FALSE;
  vp_host_set_notes (host, text);
  if (!read_value (object, path, "language", FALSE, vp_value_check_language, &text, error))
    return FALSE;
  vp_host_set_language (host, text);

  if (!vp_snapshot_add_host (snapshot, host))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.id", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already the id of another host"), vp_host_get_ref (host));
    }

  return TRUE;
}

/* Reads the array member @member of @object, calling @read_element on each
 * of its objects with its path ("participants[2].travel[0]"). */
typedef gboolean (*ReadElementFunc) (JsonObject  *element,
                                     const char  *path,
                                     gpointer     user_data,
                                     GError     **error);

static gboolean
read_array (JsonObject       *object,
            const char       *path,
            const char       *member,
            ReadElementFunc   read_element,
            gpointer          user_data,
            GError          **error)
{
  JsonNode *node;
  JsonArray *array;
  guint length;

  if (!get_container (object, path, member, TRUE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *element_path = path != NULL
        ? g_strdup_printf ("%s.%s[%u]", path, member, i)
        : g_strdup_printf ("%s[%u]", member, i);
      JsonObject *element = element_object (array, i, element_path, error);

      if (element == NULL || !read_element (element, element_path, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* One item of an organisation's closing kit: { "item", "received" }. */
static gboolean
read_evidence_cb (JsonObject  *element,
                  const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  VpOrganisation *organisation = user_data;
  const VpCxcRules *rules = vp_cxc_rules_get ();
  const char *item;
  const char *received;
  GDate day;

  if (!read_string (element, path, "item", TRUE, &item, error))
    return FALSE;
  if (vp_cxc_rules_find_evidence_item (rules, item) == NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.item", path);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < rules->evidence_items->len; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                                ((VpCxcEvidenceItem *)g_ptr_array_index (rules->evidence_items,
                                                                         i))->item);
      /* TRANSLATORS: the second is a list of the items, “closing-report, outcomes” */
      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is not an item of the closing kit: use one of %s"), item, known->str);
    }
  if (vp_organisation_get_evidence_received (organisation, item) != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.item", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already received: each item of the closing kit comes once"),
                   item);
    }

  if (!read_date (element, path, "received", TRUE, &received, &day, error))
    return FALSE;
  vp_organisation_add_evidence (organisation, vp_evidence_new (item, received));
  return TRUE;
}

static gboolean
read_organisation (JsonObject  *object,
                   const char  *path,
                   VpSnapshot  *snapshot,
                   GHashTable  *uids,
                   GError     **error)
{
  g_autoptr(VpOrganisation) organisation = vp_organisation_new ();
  const char *text;
  double latitude;
  double longitude;
  int kind;

  if (!read_identifier (object, path, "id", TRUE, &text, error))
    return FALSE;
  vp_organisation_set_ref (organisation, text);

  if (!read_identifier (object, path, "uid", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      if (g_hash_table_contains (uids, text))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.uid", path);

          return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                       _("“%s” is already the uid of another organisation"), text);
        }
      vp_organisation_set_uid (organisation, text);
    }
  else
    {
      g_autofree char *uid = g_uuid_string_random ();

      vp_organisation_set_uid (organisation, uid);
    }
  g_hash_table_add (uids, (gpointer)vp_organisation_get_uid (organisation));

  if (!read_string (object, path, "name", TRUE, &text, error))
    return FALSE;
  vp_organisation_set_name (organisation, text);
  if (vp_snapshot_lookup_organisation_by_name (snapshot, text) != NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.name", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already the name of another organisation"), text);
    }

  if (!read_enum (object, path, "kind", VP_TYPE_ORGANISATION_KIND, VP_ORGANISATION_KIND_UNSET,
                  &kind, error))
    return FALSE;
  vp_organisation_set_kind (organisation, kind);

  if (!read_value (object, path, "country", FALSE, vp_value_check_country, &text, error))
    return FALSE;
  vp_organisation_set_country (organisation, text);
  if (!read_string (object, path, "city", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_city (organisation, text);
  if (!read_position (object, path, &latitude, &longitude, error))
    return FALSE;
  vp_organisation_set_position (organisation, latitude, longitude);
  if (!read_string (object, path, "cluster", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_cluster (organisation, text);
  if (!read_string (object, path, "eccp_url", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_eccp_url (organisation, text);
  if (!read_string (object, path, "contact_name", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_contact_name (organisation, text);
  if (!read_value (object, path, "contact_email", FALSE, vp_value_check_email, &text, error))
    return FALSE;
  vp_organisation_set_contact_email (organisation, text);
  if (!read_string (object, path, "goals", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_goals (organisation, text);
  if (!read_string (object, path, "objectives", FALSE, &text, error))
    return FALSE;
  vp_organisation_set_objectives (organisation, text);
  if (!read_array (object, path, "evidence", read_evidence_cb, organisation, error))
    return FALSE;

  if (!vp_snapshot_add_organisation (snapshot, organisation))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.id", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already the id of another organisation"),
                   vp_organisation_get_ref (organisation));
    }

  return TRUE;
}

/* The optional "uid" and "revision" (an extension of version 1) of a travel
 * leg or stay, each event's own identity in a calendar: a uid is unique
 * among the document's legs, stays and sessions. */
static gboolean
read_item_identity (JsonObject   *object,
                    const char   *path,
                    ReadContext  *context,
                    char        **uid,
                    int          *revision,
                    GError      **error)
{
  const char *text;
  gint64 number;
  gboolean given;

  if (!read_identifier (object, path, "uid", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      if (g_hash_table_contains (context->uids, text))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.uid", path);

          return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                       _("“%s” is already the uid of another travel leg or stay"), text);
        }
      *uid = g_strdup (text);
      g_hash_table_insert (context->uids, *uid, GINT_TO_POINTER (UID_OF_TRAVEL));
    }

  if (!read_integer (object, path, "revision", 0, G_MAXINT32, &number, &given, error))
    return FALSE;
  *revision = given ? (int)number : 0;

  return TRUE;
}

static gboolean
read_travel_leg (JsonObject     *object,
                 const char     *path,
                 ReadContext    *context,
                 VpParticipant  *participant,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VpTravelLeg) leg = vp_travel_leg_new ();
  const char *text;
  const char *depart_zone;
  const char *arrive_zone;
  int kind;

  if (!read_item_identity (object, path, context, &leg->uid, &leg->revision, error))
    return FALSE;

  if (!read_enum (object, path, "kind", VP_TYPE_TRAVEL_KIND, VP_TRAVEL_KIND_UNSET, &kind, error))
    return FALSE;
  leg->kind = kind;

  if (!read_string (object, path, "reference", FALSE, &text, error))
    return FALSE;
  leg->reference = g_strdup (text);
  if (!read_string (object, path, "from", FALSE, &text, error))
    return FALSE;
  leg->from = g_strdup (text);
  if (!read_string (object, path, "to", FALSE, &text, error))
    return FALSE;
  leg->to = g_strdup (text);

  if (!read_zone (object, path, "depart_timezone", FALSE, &depart_zone, error) ||
      !read_zone (object, path, "arrive_timezone", FALSE, &arrive_zone, error))
    return FALSE;
  leg->depart_timezone = g_strdup (depart_zone);
  leg->arrive_timezone = g_strdup (arrive_zone);

  if (!read_local_time (object, path, "depart",
                        depart_zone ? depart_zone : context->timezone,
                        &leg->depart, &leg->depart_utc, error) ||
      !read_local_time (object, path, "arrive",
                        arrive_zone ? arrive_zone : context->timezone,
                        &leg->arrive, &leg->arrive_utc, error))
    return FALSE;

  if (!vp_value_check_order (VP_SPAN_JOURNEY, leg->depart_utc, leg->arrive_utc, leg->depart,
                             leg->arrive, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.arrive", path);

      return fail_with (error, member_path, local_error);
    }

  vp_participant_add_travel_leg (participant, g_steal_pointer (&leg));
  return TRUE;
}

static gboolean
read_stay (JsonObject     *object,
           const char     *path,
           ReadContext    *context,
           VpParticipant  *participant,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VpStay) stay = vp_stay_new ();
  const char *text;
  const char *check_in;
  const char *check_out;
  GDate in_date;
  GDate out_date;

  if (!read_item_identity (object, path, context, &stay->uid, &stay->revision, error))
    return FALSE;

  if (!read_string (object, path, "name", FALSE, &text, error))
    return FALSE;
  stay->name = g_strdup (text);
  if (!read_string (object, path, "address", FALSE, &text, error))
    return FALSE;
  stay->address = g_strdup (text);

  if (!read_date (object, path, "check_in", TRUE, &check_in, &in_date, error) ||
      !read_date (object, path, "check_out", TRUE, &check_out, &out_date, error))
    return FALSE;

  if (!vp_value_check_days (VP_SPAN_STAY, &in_date, &out_date, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.check_out", path);

      return fail_with (error, member_path, local_error);
    }

  stay->check_in = g_strdup (check_in);
  stay->check_out = g_strdup (check_out);
  vp_participant_add_stay (participant, g_steal_pointer (&stay));
  return TRUE;
}

typedef struct
{
  ReadContext   *context;
  VpParticipant *participant;
} ParticipantData;

static gboolean
read_travel_leg_cb (JsonObject  *element,
                    const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  ParticipantData *data = user_data;

  return read_travel_leg (element, path, data->context, data->participant, error);
}

static gboolean
read_stay_cb (JsonObject  *element,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  ParticipantData *data = user_data;

  return read_stay (element, path, data->context, data->participant, error);
}

/* participants[].consent: what the participant agreed to, when and to
 * which wording.  Without it, everything: what the document gives is kept
 * as consented (the sender collected it), and the reader says so when
 * that keeps needs or an emergency contact. */
static gboolean
read_consent (JsonObject     *object,
              const char     *path,
              ReadContext    *context,
              VpParticipant  *participant,
              GError        **error)
{
  g_autofree char *consent_path = g_strdup_printf ("%s.consent", path);
  g_autofree char *fields_path = NULL;
  JsonNode *node;
  JsonNode *fields_node;
  JsonObject *consent;
  JsonArray *fields;
  VpConsentField given = 0;
  const char *text;

  if (!get_container (object, path, "consent", FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    {
      vp_participant_set_consent_fields (participant, VP_CONSENT_ALL);
      /* named when that keeps needs or an emergency contact */
      if (vp_participant_get_dietary (participant) != NULL ||
          vp_participant_get_accessibility (participant) != NULL ||
          vp_participant_get_emergency_contact (participant) != NULL)
        g_ptr_array_add (context->assumed_consent, g_strdup (path));
      return TRUE;
    }

  consent = json_node_get_object (node);
  if (!get_container (consent, consent_path, "fields", TRUE, &fields_node, error))
    return FALSE;
  fields_path = g_strdup_printf ("%s.fields", consent_path);
  if (fields_node == NULL)
    return fail (error, VP_FORMAT_ERROR_INVALID, fields_path, _("is required"));

  fields = json_node_get_array (fields_node);
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonNode *element = json_array_get_element (fields, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", fields_path, i);
      VpConsentField field;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, VP_FORMAT_ERROR_INVALID, element_path, _("must be a string"));
      if (!vp_consent_field_from_word (json_node_get_string (element), &field))
        return fail (error, VP_FORMAT_ERROR_INVALID, element_path,
                     _("“%s” is not a consent field: use dietary, accessibility, "
                       "emergency-contact, share-with-hosts or share-with-participants"),
                     json_node_get_string (element));
      given |= field;
    }
  vp_participant_set_consent_fields (participant, given);

  if (!read_date (consent, consent_path, "given", FALSE, &text, NULL, error))
    return FALSE;
  vp_participant_set_consent_given (participant, text);
  if (!read_string (consent, consent_path, "wording", FALSE, &text, error))
    return FALSE;
  vp_participant_set_consent_wording (participant, text);

  return TRUE;
}

/* The fields the participant gave without consent to keep them are not
 * kept; a notice names each. */
static void
drop_unconsented (const char    *path,
                  ReadContext   *context,
                  VpParticipant *participant)
{
  VpConsentField dropped = vp_privacy_drop_unconsented (participant);

  for (guint bit = 1; bit <= VP_CONSENT_ALL; bit <<= 1)
    if (dropped & bit)
      g_ptr_array_add (context->notices,
                       /* TRANSLATORS: a member ("participants[2].dietary"), a name, then what
                        * the member holds ("dietary needs") */
                       g_strdup_printf (_("%s.%s: not stored: %s has not consented to give "
                                          "their %s"),
                                        path, vp_privacy_member_for_consent (bit),
                                        vp_participant_get_name (participant),
                                        vp_consent_field_get_label (bit)));
}

static gboolean
read_participant (JsonObject   *object,
                  const char   *path,
                  ReadContext  *context,
                  VpSnapshot   *snapshot,
                  GError      **error)
{
  g_autoptr(VpParticipant) participant = vp_participant_new ();
  ParticipantData data = { context, participant };
  const char *text;
  int role;

  if (!read_identifier (object, path, "id", TRUE, &text, error))
    return FALSE;
  vp_participant_set_ref (participant, text);

  if (!read_string (object, path, "name", TRUE, &text, error))
    return FALSE;
  vp_participant_set_name (participant, text);
  if (!read_value (object, path, "email", FALSE, vp_value_check_email, &text, error))
    return FALSE;
  vp_participant_set_email (participant, text);
  if (!read_identifier (object, path, "organisation_id", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      VpOrganisation *organisation = vp_snapshot_lookup_organisation (snapshot, text);

      if (organisation == NULL)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.organisation_id", path);

          return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                       _("“%s” is not the id of an organisation of the document"), text);
        }
      vp_participant_set_organisation_ref (participant, text);
      vp_participant_set_organisation (participant, vp_organisation_get_name (organisation));
    }
  else
    {
      /* a name finds or makes the organisation (after the role and
       * country, which a new one takes) */
      if (!read_string (object, path, "organisation", FALSE, &text, error))
        return FALSE;
      vp_participant_set_organisation (participant, text);
    }
  if (!read_string (object, path, "phone", FALSE, &text, error))
    return FALSE;
  vp_participant_set_phone (participant, text);
  if (!read_value (object, path, "country", FALSE, vp_value_check_country, &text, error))
    return FALSE;
  vp_participant_set_country (participant, text);

  if (!read_enum (object, path, "role", VP_TYPE_PARTICIPANT_ROLE,
                  VP_PARTICIPANT_ROLE_UNSET, &role, error))
    return FALSE;
  vp_participant_set_role (participant, role);

  if (!read_string (object, path, "dietary", FALSE, &text, error))
    return FALSE;
  vp_participant_set_dietary (participant, text);
  if (!read_string (object, path, "accessibility", FALSE, &text, error))
    return FALSE;
  vp_participant_set_accessibility (participant, text);
  if (!read_string (object, path, "emergency_contact", FALSE, &text, error))
    return FALSE;
  vp_participant_set_emergency_contact (participant, text);
  if (!read_string (object, path, "notes", FALSE, &text, error))
    return FALSE;
  vp_participant_set_notes (participant, text);
  if (!read_value (object, path, "language", FALSE, vp_value_check_language, &text, error))
    return FALSE;
  vp_participant_set_language (participant, text);
  if (!read_consent (object, path, context, participant, error))
    return FALSE;
  drop_unconsented (path, context, participant);

  if (!read_array (object, path, "travel", read_travel_leg_cb, &data, error) ||
      !read_array (object, path, "accommodation", read_stay_cb, &data, error))
    return FALSE;

  if (vp_participant_get_organisation_ref (participant) == NULL &&
      vp_participant_get_organisation (participant) != NULL)
    {
      VpOrganisation *organisation = vp_snapshot_resolve_organisation (snapshot, participant);

      /* made from a version-1 name: placed where the group comes from,
       * which is where the rules measured from until now */
      if (organisation != NULL && !vp_organisation_has_position (organisation) &&
          vp_organisation_get_city (organisation) == NULL)
        {
          VpProgramme *programme = vp_snapshot_get_programme (snapshot);

          vp_organisation_set_city (organisation, vp_programme_get_origin_city (programme));
          vp_organisation_set_position (organisation,
                                        vp_programme_get_origin_latitude (programme),
                                        vp_programme_get_origin_longitude (programme));
        }
    }

  if (!vp_snapshot_add_participant (snapshot, participant))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.id", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already the id of another participant"),
                   vp_participant_get_ref (participant));
    }

  return TRUE;
}

static gboolean
read_attendees (JsonObject  *object,
                const char  *path,
                VpSnapshot  *snapshot,
                VpSession   *session,
                GError     **error)
{
  g_autofree char *member_path = g_strdup_printf ("%s.attendees", path);
  g_autoptr(GHashTable) seen = NULL;
  JsonNode *node = get_member (object, "attendees");
  JsonArray *array;
  guint length;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!g_str_equal (json_node_get_string (node), "all"))
        return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                     _("must be “all” or an array of participant ids"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                 _("must be “all” or an array of participant ids"));

  vp_session_set_attendees_all (session, FALSE);
  array = json_node_get_array (node);
  length = json_array_get_length (array);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *ref;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", member_path, i);

          return fail (error, VP_FORMAT_ERROR_INVALID, element_path,
                       _("must be a participant id (a string)"));
        }

      ref = json_node_get_string (element);
      if (vp_snapshot_lookup_participant (snapshot, ref) == NULL)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", member_path, i);
          g_autofree char *shown = g_utf8_make_valid (ref, MIN (strlen (ref), 80));

          return fail (error, VP_FORMAT_ERROR_INVALID, element_path,
                       _("no participant has the id “%s”"), shown);
        }

      if (!g_hash_table_add (seen, (gpointer)ref))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", member_path, i);

          return fail (error, VP_FORMAT_ERROR_INVALID, element_path,
                       _("“%s” is listed twice"), ref);
        }

      vp_session_add_attendee (session, ref);
    }

  return TRUE;
}

static gboolean
read_session (JsonObject   *object,
              const char   *path,
              ReadContext  *context,
              VpSnapshot   *snapshot,
              GHashTable   *uids,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VpSession) session = vp_session_new ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *text;
  const char *start_zone;
  const char *end_zone;
  gint64 start_utc;
  gint64 end_utc;
  gint64 number;
  gboolean given;
  int value;

  if (!read_identifier (object, path, "id", TRUE, &text, error))
    return FALSE;
  vp_session_set_ref (session, text);

  if (!read_identifier (object, path, "uid", FALSE, &text, error))
    return FALSE;
  if (text != NULL)
    {
      if (GPOINTER_TO_INT (g_hash_table_lookup (uids, text)) == UID_OF_SESSION)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.uid", path);

          return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                       _("“%s” is already the uid of another session"), text);
        }
      if (g_hash_table_contains (uids, text))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.uid", path);

          return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                       _("“%s” is already the uid of a travel leg or stay"), text);
        }
      vp_session_set_uid (session, text);
    }
  else
    {
      g_autofree char *uid = g_uuid_string_random ();
      vp_session_set_uid (session, uid);
    }

  /* An extension of version 1: the revision the sending database had, so
   * that calendars issued from a copy keep rising. */
  if (!read_integer (object, path, "revision", 0, G_MAXINT32, &number, &given, error))
    return FALSE;
  vp_session_set_revision (session, given ? (int)number : 0);

  if (!read_string (object, path, "title", TRUE, &text, error))
    return FALSE;
  vp_session_set_title (session, text);

  if (!read_enum (object, path, "kind", VP_TYPE_SESSION_KIND, VP_SESSION_KIND_UNSET, &value, error))
    return FALSE;
  vp_session_set_kind (session, value);

  if (!read_zone (object, path, "timezone", FALSE, &start_zone, error) ||
      !read_zone (object, path, "end_timezone", FALSE, &end_zone, error))
    return FALSE;
  vp_session_set_timezone (session, start_zone);
  vp_session_set_end_timezone (session, end_zone);
  if (start_zone == NULL)
    start_zone = context->timezone;
  if (end_zone == NULL)
    end_zone = start_zone;

  if (!read_local_time (object, path, "start", start_zone, &start, &start_utc, error) ||
      !read_local_time (object, path, "end", end_zone, &end, &end_utc, error))
    return FALSE;
  if (!vp_value_check_order (VP_SPAN_SESSION, start_utc, end_utc, start, end, &local_error))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.end", path);

      return fail_with (error, member_path, local_error);
    }
  vp_session_set_start (session, start);
  vp_session_set_end (session, end);
  vp_session_set_instants (session, start_utc, end_utc);

  if (!read_identifier (object, path, "host", FALSE, &text, error))
    return FALSE;
  if (text != NULL && vp_snapshot_lookup_host (snapshot, text) == NULL)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.host", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("no host has the id “%s”"), text);
    }
  vp_session_set_host_ref (session, text);

  if (!read_string (object, path, "location", FALSE, &text, error))
    return FALSE;
  vp_session_set_location (session, text);
  if (!read_string (object, path, "description", FALSE, &text, error))
    return FALSE;
  vp_session_set_description (session, text);

  if (!read_enum (object, path, "status", VP_TYPE_SESSION_STATUS,
                  VP_SESSION_STATUS_CONFIRMED, &value, error))
    return FALSE;
  vp_session_set_status (session, value);

  if (!read_attendees (object, path, snapshot, session, error))
    return FALSE;

  if (!read_integer (object, path, "capacity", 1, VP_VALUE_COUNT_MAX, &number, &given, error))
    return FALSE;
  vp_session_set_capacity (session, given ? (int)number : 0);

  if (!vp_snapshot_add_session (snapshot, session))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.id", path);

      return fail (error, VP_FORMAT_ERROR_INVALID, member_path,
                   _("“%s” is already the id of another session"), vp_session_get_ref (session));
    }
  g_hash_table_insert (uids, (gpointer)vp_session_get_uid (session),
                       GINT_TO_POINTER (UID_OF_SESSION));

  return TRUE;
}

typedef struct
{
  ReadContext *context;
  VpSnapshot  *snapshot;
  GHashTable  *uids;
  GHashTable  *organisation_uids;
} DocumentData;

static gboolean
read_host_cb (JsonObject  *element,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  DocumentData *data = user_data;

  return read_host (element, path, data->snapshot, error);
}

static gboolean
read_organisation_cb (JsonObject  *element,
                      const char  *path,
                      gpointer     user_data,
                      GError     **error)
{
  DocumentData *data = user_data;

  return read_organisation (element, path, data->snapshot, data->organisation_uids, error);
}

static gboolean
read_participant_cb (JsonObject  *element,
                     const char  *path,
                     gpointer     user_data,
                     GError     **error)
{
  DocumentData *data = user_data;

  return read_participant (element, path, data->context, data->snapshot, error);
}

static gboolean
read_session_cb (JsonObject  *element,
                 const char  *path,
                 gpointer     user_data,
                 GError     **error)
{
  DocumentData *data = user_data;

  return read_session (element, path, data->context, data->snapshot, data->uids, error);
}

static gboolean
read_header (JsonObject  *root,
             gint64      *version,
             GError     **error)
{
  JsonNode *node = get_member (root, "format");

  if (node == NULL)
    return fail (error, VP_FORMAT_ERROR_FORMAT, "format",
                 _("is required: this is not a Visit Planner programme document"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), FORMAT_NAME))
    return fail (error, VP_FORMAT_ERROR_FORMAT, "format",
                 _("must be “%s”: this is not a Visit Planner programme document"), FORMAT_NAME);

  node = get_member (root, "version");
  if (node == NULL)
    return fail (error, VP_FORMAT_ERROR_FORMAT, "version", _("is required"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, VP_FORMAT_ERROR_FORMAT, "version", _("must be a whole number"));
  if (json_node_get_int (node) < FORMAT_VERSION_OLDEST || json_node_get_int (node) > FORMAT_VERSION)
    return fail (error, VP_FORMAT_ERROR_FORMAT, "version",
                 _("version %lld is not supported: this program reads versions %d to %d"),
                 (long long)json_node_get_int (node), FORMAT_VERSION_OLDEST, FORMAT_VERSION);
  *version = json_node_get_int (node);

  return TRUE;
}

VpSnapshot *
vp_programme_format_read (GBytes  *bytes,
                          GError **error)
{
  return vp_programme_format_read_with_notices (bytes, NULL, error);
}

/* The notice on the participants without a consent: how many, and the
 * first few of them. */
static char *
assumed_consent_notice (GPtrArray *paths)
{
  g_autoptr(GString) named = g_string_new (NULL);
  guint shown = MIN (paths->len, 5);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the items of a list */
        g_string_append (named, _(", "));
      g_string_append (named, g_ptr_array_index (paths, i));
    }
  if (paths->len > shown)
    g_string_append_printf (named, g_dngettext (GETTEXT_PACKAGE, " and %u more",
                                                " and %u more", paths->len - shown),
                            paths->len - shown);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u participant with needs or an emergency contact has "
                                       "no “consent” (%s): what the document gives of them is "
                                       "kept as consented, as its sender collected it",
                                       "%u participants with needs or an emergency contact have "
                                       "no “consent” (%s): what the document gives of them is "
                                       "kept as consented, as its sender collected it",
                                       paths->len),
                          paths->len, named->str);
}

VpSnapshot *
vp_programme_format_read_with_notices (GBytes     *bytes,
                                       GPtrArray **notices_out,
                                       GError    **error)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) assumed_consent = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(VpProgramme) programme = NULL;
  g_autoptr(VpSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) uids = NULL;
  g_autoptr(GHashTable) organisation_uids = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 version = 0;
  ReadContext context;
  DocumentData data;
  JsonObject *root;
  const char *text;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (bytes, &length);
  if (text == NULL)
    text = "";

  if (length > VP_PROGRAMME_FORMAT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_TOO_LARGE,
                   _("the document is too large (%s)"), size);
      return NULL;
    }

  /* Editors on Windows write a byte order mark; it is not part of JSON. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (!prescan (text, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize)length, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: ..." */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_SYNTAX,
                   _("not valid JSON: %s"), message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, VP_FORMAT_ERROR, VP_FORMAT_ERROR_FORMAT,
                   _("the document must be a JSON object: this is not a Visit Planner programme "
                     "document"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (!read_header (root, &version, error) || !read_programme (root, version, &programme, error))
    return NULL;

  context.timezone = vp_programme_get_timezone (programme);
  context.notices = notices;
  context.assumed_consent = assumed_consent;
  snapshot = vp_snapshot_new (programme);
  uids = g_hash_table_new (g_str_hash, g_str_equal);
  context.uids = uids;
  data.context = &context;
  data.snapshot = snapshot;
  data.uids = uids;
  organisation_uids = g_hash_table_new (g_str_hash, g_str_equal);
  data.organisation_uids = organisation_uids;

  /* a version-1 document has no organisations: its names make them */
  if (version == 1 && get_member (root, "organisations") != NULL)
    {
      fail (error, VP_FORMAT_ERROR_INVALID, "organisations",
            _("is a member of version 2: set “version” to 2"));
      return NULL;
    }

  if (!read_array (root, NULL, "hosts", read_host_cb, &data, error) ||
      !read_array (root, NULL, "organisations", read_organisation_cb, &data, error) ||
      !read_array (root, NULL, "participants", read_participant_cb, &data, error) ||
      !read_array (root, NULL, "sessions", read_session_cb, &data, error))
    return NULL;

  vp_snapshot_sort_sessions (snapshot);
  if (assumed_consent->len > 0)
    g_ptr_array_insert (notices, 0, assumed_consent_notice (assumed_consent));
  if (notices_out != NULL)
    *notices_out = g_steal_pointer (&notices);
  return g_steal_pointer (&snapshot);
}

/* Writing {{{1 */

/* A JSON writer for exactly this document: fixed member order, two-space
 * indentation, numbers in their shortest exact form, so that an unchanged
 * programme always gives the same bytes. */
typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;   /* no member written yet at this depth */
} Writer;

static void
writer_newline (Writer *writer)
{
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

static void
writer_escape (Writer     *writer,
               const char *text)
{
  GString *out = writer->out;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          /* U+2028 and U+2029 end lines in JavaScript: escape them for
           * readers that evaluate JSON. */
          else if (c == 0xE2 && (guchar)p[1] == 0x80 &&
                   ((guchar)p[2] == 0xA8 || (guchar)p[2] == 0xA9))
            {
              g_string_append_printf (out, "\\u%04x", (guchar)p[2] == 0xA8 ? 0x2028 : 0x2029);
              p += 2;
            }
          else
            g_string_append_c (out, (char)c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
writer_key (Writer     *writer,
            const char *key)
{
  if (!writer->first)
    g_string_append_c (writer->out, ',');
  writer->first = FALSE;
  writer_newline (writer);
  if (key != NULL)
    {
      writer_escape (writer, key);
      g_string_append (writer->out, ": ");
    }
}

static void
writer_open (Writer     *writer,
             const char *key,
             char        bracket)
{
  writer_key (writer, key);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first = TRUE;
}

static void
writer_close (Writer *writer,
              char    bracket)
{
  gboolean empty = writer->first;

  writer->depth--;
  if (!empty)
    writer_newline (writer);
  g_string_append_c (writer->out, bracket);
  writer->first = FALSE;
}

static void
writer_string (Writer     *writer,
               const char *key,
               const char *value)
{
  if (value == NULL)
    return;
  writer_key (writer, key);
  writer_escape (writer, value);
}

static void
writer_integer (Writer     *writer,
                const char *key,
                gint64      value)
{
  writer_key (writer, key);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

/* The shortest plain decimal that reads back as the same double: 54.6872,
 * not 54.687199999999997; a lump sum without a fraction. */
static void
writer_number (Writer     *writer,
               const char *key,
               double      value)
{
  g_autofree char *text = vp_value_format_decimal (value);

  if (text == NULL)
    return;

  writer_key (writer, key);
  g_string_append (writer->out, text);
}

static void
writer_enum (Writer     *writer,
             const char *key,
             GType       type,
             int         value)
{
  writer_string (writer, key, vp_enum_to_nick (type, value));
}

static void
write_programme (Writer      *writer,
                 VpProgramme *programme)
{
  writer_open (writer, "programme", '{');
  writer_string (writer, "uid", vp_programme_get_uid (programme));
  writer_string (writer, "title", vp_programme_get_title (programme));
  writer_string (writer, "description", vp_programme_get_description (programme));
  writer_enum (writer, "status", VP_TYPE_PROGRAMME_STATUS, vp_programme_get_status (programme));
  writer_string (writer, "visiting_cluster", vp_programme_get_visiting_cluster (programme));
  writer_string (writer, "host_cluster", vp_programme_get_host_cluster (programme));
  writer_string (writer, "host_country", vp_programme_get_host_country (programme));
  writer_string (writer, "timezone", vp_programme_get_timezone (programme));
  writer_string (writer, "start_date", vp_programme_get_start_date (programme));
  writer_string (writer, "end_date", vp_programme_get_end_date (programme));

  if (vp_programme_get_coordinator_name (programme) != NULL ||
      vp_programme_get_coordinator_email (programme) != NULL)
    {
      writer_open (writer, "coordinator", '{');
      writer_string (writer, "name", vp_programme_get_coordinator_name (programme));
      writer_string (writer, "email", vp_programme_get_coordinator_email (programme));
      writer_close (writer, '}');
    }

  if (vp_programme_get_origin_city (programme) != NULL ||
      !isnan (vp_programme_get_origin_latitude (programme)))
    {
      writer_open (writer, "origin", '{');
      writer_string (writer, "city", vp_programme_get_origin_city (programme));
      writer_number (writer, "latitude", vp_programme_get_origin_latitude (programme));
      writer_number (writer, "longitude", vp_programme_get_origin_longitude (programme));
      writer_close (writer, '}');
    }

  writer_number (writer, "lump_sum_eur", vp_programme_get_lump_sum_eur (programme));
  writer_number (writer, "lump_sum_override_eur",
                 vp_programme_get_lump_sum_override_eur (programme));
  writer_string (writer, "goals", vp_programme_get_goals (programme));
  writer_string (writer, "objectives", vp_programme_get_objectives (programme));
  writer_string (writer, "evidence_due", vp_programme_get_evidence_due (programme));
  writer_string (writer, "retention_until", vp_programme_get_retention_until (programme));
  writer_close (writer, '}');
}

static void
write_host (Writer *writer,
            VpHost *host)
{
  writer_open (writer, NULL, '{');
  writer_string (writer, "id", vp_host_get_ref (host));
  writer_string (writer, "name", vp_host_get_name (host));
  writer_enum (writer, "kind", VP_TYPE_HOST_KIND, vp_host_get_kind (host));
  writer_string (writer, "contact_name", vp_host_get_contact_name (host));
  writer_string (writer, "contact_email", vp_host_get_contact_email (host));
  writer_string (writer, "phone", vp_host_get_phone (host));
  writer_string (writer, "address", vp_host_get_address (host));
  writer_string (writer, "city", vp_host_get_city (host));
  writer_string (writer, "country", vp_host_get_country (host));
  writer_number (writer, "latitude", vp_host_get_latitude (host));
  writer_number (writer, "longitude", vp_host_get_longitude (host));
  if (vp_host_get_max_group_size (host) > 0)
    writer_integer (writer, "max_group_size", vp_host_get_max_group_size (host));
  writer_string (writer, "notes", vp_host_get_notes (host));
  writer_string (writer, "language", vp_host_get_language (host));
  writer_close (writer, '}');
}

static void
write_organisation (Writer         *writer,
                    VpOrganisation *organisation)
{
  GPtrArray *evidence = vp_organisation_get_evidence (organisation);

  writer_open (writer, NULL, '{');
  writer_string (writer, "id", vp_organisation_get_ref (organisation));
  writer_string (writer, "uid", vp_organisation_get_uid (organisation));
  writer_string (writer, "name", vp_organisation_get_name (organisation));
  writer_enum (writer, "kind", VP_TYPE_ORGANISATION_KIND, vp_organisation_get_kind (organisation));
  writer_string (writer, "country", vp_organisation_get_country (organisation));
  writer_string (writer, "city", vp_organisation_get_city (organisation));
  writer_number (writer, "latitude", vp_organisation_get_latitude (organisation));
  writer_number (writer, "longitude", vp_organisation_get_longitude (organisation));
  writer_string (writer, "cluster", vp_organisation_get_cluster (organisation));
  writer_string (writer, "eccp_url", vp_organisation_get_eccp_url (organisation));
  writer_string (writer, "contact_name", vp_organisation_get_contact_name (organisation));
  writer_string (writer, "contact_email", vp_organisation_get_contact_email (organisation));
  writer_string (writer, "goals", vp_organisation_get_goals (organisation));
  writer_string (writer, "objectives", vp_organisation_get_objectives (organisation));
  if (evidence->len > 0)
    {
      writer_open (writer, "evidence", '[');
      for (guint i = 0; i < evidence->len; i++)
        {
          VpEvidence *entry = g_ptr_array_index (evidence, i);

          writer_open (writer, NULL, '{');
          writer_string (writer, "item", entry->item);
          writer_string (writer, "received", entry->received);
          writer_close (writer, '}');
        }
      writer_close (writer, ']');
    }
  writer_close (writer, '}');
}

static void
write_participant (Writer        *writer,
                   VpParticipant *participant)
{
  GPtrArray *travel = vp_participant_get_travel (participant);
  GPtrArray *stays = vp_participant_get_accommodation (participant);

  writer_open (writer, NULL, '{');
  writer_string (writer, "id", vp_participant_get_ref (participant));
  writer_string (writer, "name", vp_participant_get_name (participant));
  writer_string (writer, "email", vp_participant_get_email (participant));
  /* the organisation's id, and its name for people and older readers
   * (a reader goes by the id) */
  writer_string (writer, "organisation_id", vp_participant_get_organisation_ref (participant));
  writer_string (writer, "organisation", vp_participant_get_organisation (participant));
  writer_string (writer, "phone", vp_participant_get_phone (participant));
  writer_string (writer, "country", vp_participant_get_country (participant));
  writer_enum (writer, "role", VP_TYPE_PARTICIPANT_ROLE, vp_participant_get_role (participant));
  writer_string (writer, "dietary", vp_participant_get_dietary (participant));
  writer_string (writer, "accessibility", vp_participant_get_accessibility (participant));
  writer_string (writer, "emergency_contact", vp_participant_get_emergency_contact (participant));
  writer_string (writer, "notes", vp_participant_get_notes (participant));
  writer_string (writer, "language", vp_participant_get_language (participant));

  /* always: a reader takes a participant without it as consenting to all */
  {
    g_auto(GStrv) words = vp_consent_fields_to_words (vp_participant_get_consent_fields (
                                                        participant));

    writer_open (writer, "consent", '{');
    writer_open (writer, "fields", '[');
    for (guint i = 0; words[i] != NULL; i++)
      writer_string (writer, NULL, words[i]);
    writer_close (writer, ']');
    writer_string (writer, "given", vp_participant_get_consent_given (participant));
    writer_string (writer, "wording", vp_participant_get_consent_wording (participant));
    writer_close (writer, '}');
  }

  if (travel->len > 0)
    {
      writer_open (writer, "travel", '[');
      for (guint i = 0; i < travel->len; i++)
        {
          VpTravelLeg *leg = g_ptr_array_index (travel, i);

          writer_open (writer, NULL, '{');
          writer_string (writer, "uid", leg->uid);
          if (leg->uid != NULL || leg->revision != 0)
            writer_integer (writer, "revision", leg->revision);
          writer_enum (writer, "kind", VP_TYPE_TRAVEL_KIND, leg->kind);
          writer_string (writer, "reference", leg->reference);
          writer_string (writer, "from", leg->from);
          writer_string (writer, "to", leg->to);
          writer_string (writer, "depart", leg->depart);
          writer_string (writer, "depart_timezone", leg->depart_timezone);
          writer_string (writer, "arrive", leg->arrive);
          writer_string (writer, "arrive_timezone", leg->arrive_timezone);
          writer_close (writer, '}');
        }
      writer_close (writer, ']');
    }

  if (stays->len > 0)
    {
      writer_open (writer, "accommodation", '[');
      for (guint i = 0; i < stays->len; i++)
        {
          VpStay *stay = g_ptr_array_index (stays, i);

          writer_open (writer, NULL, '{');
          writer_string (writer, "uid", stay->uid);
          if (stay->uid != NULL || stay->revision != 0)
            writer_integer (writer, "revision", stay->revision);
          writer_string (writer, "name", stay->name);
          writer_string (writer, "address", stay->address);
          writer_string (writer, "check_in", stay->check_in);
          writer_string (writer, "check_out", stay->check_out);
          writer_close (writer, '}');
        }
      writer_close (writer, ']');
    }

  writer_close (writer, '}');
}

static void
write_session (Writer    *writer,
               VpSession *session)
{
  writer_open (writer, NULL, '{');
  writer_string (writer, "id", vp_session_get_ref (session));
  writer_string (writer, "uid", vp_session_get_uid (session));
  writer_integer (writer, "revision", vp_session_get_revision (session));
  writer_string (writer, "title", vp_session_get_title (session));
  writer_enum (writer, "kind", VP_TYPE_SESSION_KIND, vp_session_get_kind (session));
  writer_string (writer, "start", vp_session_get_start (session));
  writer_string (writer, "end", vp_session_get_end (session));
  writer_string (writer, "timezone", vp_session_get_timezone (session));
  writer_string (writer, "end_timezone", vp_session_get_end_timezone (session));
  writer_string (writer, "host", vp_session_get_host_ref (session));
  writer_string (writer, "location", vp_session_get_location (session));
  writer_string (writer, "description", vp_session_get_description (session));
  writer_enum (writer, "status", VP_TYPE_SESSION_STATUS, vp_session_get_status (session));

  if (vp_session_get_attendees_all (session))
    writer_string (writer, "attendees", "all");
  else
    {
      GPtrArray *attendees = vp_session_get_attendees (session);

      /* short ids: one line reads better than one id a line */
      writer_key (writer, "attendees");
      g_string_append_c (writer->out, '[');
      for (guint i = 0; i < attendees->len; i++)
        {
          if (i > 0)
            g_string_append (writer->out, ", ");
          writer_escape (writer, g_ptr_array_index (attendees, i));
        }
      g_string_append_c (writer->out, ']');
    }

  if (vp_session_get_capacity (session) > 0)
    writer_integer (writer, "capacity", vp_session_get_capacity (session));
  writer_close (writer, '}');
}

GBytes *
vp_programme_format_write (VpSnapshot *snapshot)
{
  GPtrArray *hosts;
  GPtrArray *participants;
  GPtrArray *sessions;
  Writer writer = { NULL, 0, TRUE };

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  hosts = vp_snapshot_get_hosts (snapshot);
  participants = vp_snapshot_get_participants (snapshot);
  sessions = vp_snapshot_get_sessions (snapshot);
  writer.out = g_string_sized_new (4096 + 600 * sessions->len + 600 * participants->len);

  g_string_append_c (writer.out, '{');
  writer.depth = 1;
  writer_string (&writer, "format", FORMAT_NAME);
  writer_integer (&writer, "version", FORMAT_VERSION);
  write_programme (&writer, vp_snapshot_get_programme (snapshot));

  writer_open (&writer, "hosts", '[');
  for (guint i = 0; i < hosts->len; i++)
    write_host (&writer, g_ptr_array_index (hosts, i));
  writer_close (&writer, ']');

  writer_open (&writer, "organisations", '[');
  for (guint i = 0; i < vp_snapshot_get_organisations (snapshot)->len; i++)
    write_organisation (&writer, g_ptr_array_index (vp_snapshot_get_organisations (snapshot), i));
  writer_close (&writer, ']');

  writer_open (&writer, "participants", '[');
  for (guint i = 0; i < participants->len; i++)
    write_participant (&writer, g_ptr_array_index (participants, i));
  writer_close (&writer, ']');

  writer_open (&writer, "sessions", '[');
  for (guint i = 0; i < sessions->len; i++)
    write_session (&writer, g_ptr_array_index (sessions, i));
  writer_close (&writer, ']');

  writer_close (&writer, '}');
  g_string_append_c (writer.out, '\n');

  return g_string_free_to_bytes (writer.out);
}

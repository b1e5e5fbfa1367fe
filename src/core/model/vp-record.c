/* vp-record.c: the fields behind the model's properties, and records copied, compared and
 * assigned property by property. */
#include "config.h"

#include "vp-record.h"

#include <math.h>
#include <string.h>


static GQuark
offset_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("vp-record-offset"));
  return (GQuark)quark;
}

static GQuark
name_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("vp-record-name"));
  return (GQuark)quark;
}

static GQuark
record_class_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("vp-record-class"));
  return (GQuark)quark;
}

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

/* A field's value, of any of the types a record's field may have. */
typedef union
{
  char   *string;
  int     integer; /* an int, an enum or a boolean */
  gint64  int64;
  double  real;
} Field;

/* A property kept in a field, as vp_record_class_install() notes it. */
typedef struct
{
  GParamSpec *pspec;
  gsize       offset;
  GType       kind;      /* as kind_of() says */
  Field       initial;   /* its default, when not zero (a string's is NULL) */
  gboolean    nonzero;
} RecordField;

/* What vp_record_class_install() notes of a class. */
typedef struct
{
  /* the properties kept in fields (RecordField), and the other readable and
   * writable ones */
  GArray              *fields;
  GPtrArray           *others;
  const VpRecordExtra *extra;
} RecordClass;

#define FIELD_AT(object, field) G_STRUCT_MEMBER_P ((object), (field)->offset)

/* Setters {{{1 */

gboolean
vp_record_double_equal (double a,
                        double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
vp_record_set_string (GObject     *object,
                      char       **field,
                      const char  *value,
                      GParamSpec  *pspec)
{
  char *copy;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* @value may be the field's own storage */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

/* Stores the @size bytes at @value in @field, when they differ. */
static gboolean
set_bytes (GObject       *object,
           gpointer       field,
           gconstpointer  value,
           gsize          size,
           GParamSpec    *pspec)
{
  if (memcmp (field, value, size) == 0)
    return FALSE;

  memcpy (field, value, size);
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
vp_record_set_int (GObject    *object,
                   int        *field,
                   int         value,
                   GParamSpec *pspec)
{
  return set_bytes (object, field, &value, sizeof value, pspec);
}

gboolean
vp_record_set_int64 (GObject    *object,
                     gint64     *field,
                     gint64      value,
                     GParamSpec *pspec)
{
  return set_bytes (object, field, &value, sizeof value, pspec);
}

gboolean
vp_record_set_double (GObject    *object,
                      double     *field,
                      double      value,
                      GParamSpec *pspec)
{
  if (vp_record_double_equal (*field, value))
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

gboolean
vp_record_set_enum (GObject    *object,
                    gpointer    field,
                    int         value,
                    GParamSpec *pspec)
{
  return vp_record_set_int (object, field, value, pspec);
}

gboolean
vp_record_set_boolean (GObject    *object,
                       gboolean   *field,
                       gboolean    value,
                       GParamSpec *pspec)
{
  return vp_record_set_int (object, field, !!value, pspec);
}

/* Properties {{{1 */

/* Notes where the field behind @pspec lies and, with a @label, what a
 * change to it is called. */
static GParamSpec *
with_field (GParamSpec *pspec,
            gsize       offset,
            const char *label)
{
  g_param_spec_set_qdata (pspec, offset_quark (), GSIZE_TO_POINTER (offset + 1));
  if (label != NULL)
    {
      VpRecordName *name = g_new0 (VpRecordName, 1);
      g_autofree char *member = g_strdelimit (g_strdup (pspec->name), "-", '_');

      name->member = g_intern_string (member);
      name->label = label;
      g_param_spec_set_qdata_full (pspec, name_quark (), name, g_free);
    }
  return pspec;
}

gssize
vp_record_field_offset (GParamSpec *pspec)
{
  gsize stored = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, offset_quark ()));

  return stored > 0 ? (gssize)(stored - 1) : -1;
}

GParamSpec *
vp_record_param_string (const char *name,
                        gsize       offset,
                        const char *label)
{
  return with_field (g_param_spec_string (name, NULL, NULL, NULL, PARAM_FLAGS), offset, label);
}

GParamSpec *
vp_record_param_int (const char *name,
                     gsize       offset,
                     const char *label,
                     int         minimum,
                     int         maximum,
                     int         default_value)
{
  return with_field (g_param_spec_int (name, NULL, NULL, minimum, maximum, default_value,
                                       PARAM_FLAGS),
                     offset, label);
}

GParamSpec *
vp_record_param_int64 (const char *name,
                       gsize       offset,
                       const char *label,
                       gint64      minimum,
                       gint64      maximum,
                       gint64      default_value)
{
  return with_field (g_param_spec_int64 (name, NULL, NULL, minimum, maximum, default_value,
                                         PARAM_FLAGS),
                     offset, label);
}

GParamSpec *
vp_record_param_double (const char *name,
                        gsize       offset,
                        const char *label)
{
  /* g_param_spec_double() refuses a default outside its range, and NAN
   * compares with nothing, so the "not given" default is put in after */
  GParamSpec *pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                                           PARAM_FLAGS);

  G_PARAM_SPEC_DOUBLE (pspec)->default_value = NAN;
  return with_field (pspec, offset, label);
}

GParamSpec *
vp_record_param_enum (const char *name,
                      gsize       offset,
                      const char *label,
                      GType       enum_type,
                      int         default_value)
{
  return with_field (g_param_spec_enum (name, NULL, NULL, enum_type, default_value, PARAM_FLAGS),
                     offset, label);
}

GParamSpec *
vp_record_param_boolean (const char *name,
                         gsize       offset,
                         const char *label,
                         gboolean    default_value)
{
  return with_field (g_param_spec_boolean (name, NULL, NULL, default_value, PARAM_FLAGS), offset,
                     label);
}

GParamSpec *
vp_record_param_member (GParamSpec *pspec,
                        const char *member)
{
  VpRecordName *name = g_param_spec_get_qdata (pspec, name_quark ());

  g_return_val_if_fail (name != NULL, pspec);
  g_return_val_if_fail (member != NULL, pspec);

  name->member = member;
  return pspec;
}

const VpRecordName *
vp_record_param_get_name (GParamSpec *pspec)
{
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  return g_param_spec_get_qdata (pspec, name_quark ());
}

/* Fields {{{1 */

static gpointer
field_of (GObject    *object,
          GParamSpec *pspec)
{
  return G_STRUCT_MEMBER_P (object, vp_record_field_offset (pspec));
}

/* What a field of @pspec holds: G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT64,
 * G_TYPE_DOUBLE, G_TYPE_ENUM or G_TYPE_BOOLEAN. */
static GType
kind_of (GParamSpec *pspec)
{
  return G_TYPE_FUNDAMENTAL (pspec->value_type);
}

static gboolean
field_equal (GType          kind,
             gconstpointer  a,
             gconstpointer  b)
{
  switch (kind)
    {
    case G_TYPE_STRING:
      return g_strcmp0 (*(char * const *)a, *(char * const *)b) == 0;
    case G_TYPE_INT64:
      return *(const gint64 *)a == *(const gint64 *)b;
    case G_TYPE_DOUBLE:
      return vp_record_double_equal (*(const double *)a, *(const double *)b);
    case G_TYPE_INT:
    case G_TYPE_ENUM:
    case G_TYPE_BOOLEAN:
    default:
      return *(const int *)a == *(const int *)b;
    }
}

static gsize
field_size (GType kind)
{
  switch (kind)
    {
    case G_TYPE_STRING:
      return sizeof (char *);
    case G_TYPE_INT64:
      return sizeof (gint64);
    case G_TYPE_DOUBLE:
      return sizeof (double);
    case G_TYPE_INT:
    case G_TYPE_ENUM:
    case G_TYPE_BOOLEAN:
    default:
      return sizeof (int);
    }
}

/* Sets @field (of @kind) of @object, behind @pspec, to the value at @from
 * (a field of the same type), notifying a change. */
static gboolean
field_assign (GObject       *object,
              GParamSpec    *pspec,
              GType          kind,
              gpointer       field,
              gconstpointer  from)
{
  switch (kind)
    {
    case G_TYPE_STRING:
      return vp_record_set_string (object, field, *(char * const *)from, pspec);
    case G_TYPE_INT64:
      return vp_record_set_int64 (object, field, *(const gint64 *)from, pspec);
    case G_TYPE_DOUBLE:
      return vp_record_set_double (object, field, *(const double *)from, pspec);
    case G_TYPE_INT:
    case G_TYPE_ENUM:
    case G_TYPE_BOOLEAN:
    default:
      return vp_record_set_int (object, field, *(const int *)from, pspec);
    }
}

/* Reads @value into @field (a string is borrowed from @value). */
static void
value_to_field (const GValue *value,
                GType         kind,
                Field        *field)
{
  switch (kind)
    {
    case G_TYPE_STRING:
      field->string = (char *)g_value_get_string (value);
      break;
    case G_TYPE_INT64:
      field->int64 = g_value_get_int64 (value);
      break;
    case G_TYPE_DOUBLE:
      field->real = g_value_get_double (value);
      break;
    case G_TYPE_ENUM:
      field->integer = g_value_get_enum (value);
      break;
    case G_TYPE_BOOLEAN:
      field->integer = g_value_get_boolean (value);
      break;
    case G_TYPE_INT:
    default:
      field->integer = g_value_get_int (value);
    }
}

/* Sets a new object's field to @from, with no notification. */
static void
field_copy (GType          kind,
            gpointer       to,
            gconstpointer  from)
{
  if (kind == G_TYPE_STRING)
    {
      g_free (*(char **)to);
      *(char **)to = g_strdup (*(char * const *)from);
    }
  else
    memcpy (to, from, field_size (kind));
}

static void
record_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  gconstpointer field;

  if (vp_record_field_offset (pspec) < 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = field_of (object, pspec);
  switch (kind_of (pspec))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char * const *)field);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(const gint64 *)field);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, *(const double *)field);
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (value, *(const int *)field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(const gboolean *)field);
      break;
    case G_TYPE_INT:
    default:
      g_value_set_int (value, *(const int *)field);
    }
}

static void
record_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  Field from;

  if (vp_record_field_offset (pspec) < 0)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  value_to_field (value, kind_of (pspec), &from);
  field_assign (object, pspec, kind_of (pspec), field_of (object, pspec), &from);
}

/* Classes {{{1 */

static const RecordClass *
record_class_of (GType type)
{
  const RecordClass *record = g_type_get_qdata (type, record_class_quark ());

  g_return_val_if_fail (record != NULL, NULL);
  return record;
}

static gint
compare_param_ids (gconstpointer a,
                   gconstpointer b)
{
  guint id_a = ((const RecordField *)a)->pspec->param_id;
  guint id_b = ((const RecordField *)b)->pspec->param_id;

  return id_a < id_b ? -1 : id_a > id_b;
}

void
vp_record_class_install (GObjectClass         *object_class,
                         GParamSpec          **properties,
                         guint                 n_properties,
                         const VpRecordExtra  *extra)
{
  /* kept for the life of the program, like the class */
  RecordClass *record = g_new0 (RecordClass, 1);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  object_class->get_property = record_get_property;
  object_class->set_property = record_set_property;
  g_object_class_install_properties (object_class, n_properties, properties);

  record->fields = g_array_new (FALSE, TRUE, sizeof (RecordField));
  record->others = g_ptr_array_new ();
  record->extra = extra;
  pspecs = g_object_class_list_properties (object_class, &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (vp_record_field_offset (pspecs[i]) >= 0)
        {
          RecordField field = { pspecs[i], (gsize)vp_record_field_offset (pspecs[i]),
                                kind_of (pspecs[i]), };

          if (field.kind != G_TYPE_STRING)
            value_to_field (g_param_spec_get_default_value (pspecs[i]), field.kind,
                            &field.initial);
          field.nonzero = field.kind != G_TYPE_STRING && field.initial.int64 != 0;
          g_array_append_val (record->fields, field);
        }
      else if ((pspecs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
               !(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        g_ptr_array_add (record->others, pspecs[i]);
    }

  /* in the order the class installs them: the order of its differences */
  g_array_sort (record->fields, compare_param_ids);
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), record_class_quark (), record);
}

void
vp_record_init (GObject *object)
{
  const RecordClass *record = record_class_of (G_OBJECT_TYPE (object));

  /* a new instance is all zeros: a string is NULL already */
  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);

      if (field->nonzero)
        memcpy (FIELD_AT (object, field), &field->initial, field_size (field->kind));
    }
}

void
vp_record_clear (GObject *object)
{
  const RecordClass *record = record_class_of (G_OBJECT_TYPE (object));

  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);

      if (field->kind == G_TYPE_STRING)
        g_clear_pointer ((char **)FIELD_AT (object, field), g_free);
    }
}

GObject *
vp_record_copy (GObject *source)
{
  const RecordClass *record;
  GObject *copy;

  g_return_val_if_fail (G_IS_OBJECT (source), NULL);

  record = record_class_of (G_OBJECT_TYPE (source));
  copy = g_object_new (G_OBJECT_TYPE (source), NULL);
  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);

      /* nobody listens to a new object yet: no notifications */
      field_copy (field->kind, FIELD_AT (copy, field), FIELD_AT (source, field));
    }
  for (guint i = 0; i < record->others->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (record->others, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (source, pspec->name, &value);
      g_object_set_property (copy, pspec->name, &value);
    }
  if (record->extra != NULL && record->extra->assign != NULL)
    record->extra->assign (copy, source);

  return copy;
}

/* Compares a property that is not a record's field, with its pspec's
 * comparison, except that NAN is a double's "not given", the same as NAN
 * and nothing else (g_param_values_cmp() finds it equal to any number). */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_DOUBLE (a) && (isnan (g_value_get_double (a)) ||
                                   isnan (g_value_get_double (b))))
    return vp_record_double_equal (g_value_get_double (a), g_value_get_double (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Whether the property @pspec (not a field) of @a and @b is the same; when
 * @assign, sets @a's to @b's when it is not. */
static gboolean
other_equal (GObject    *a,
             GObject    *b,
             GParamSpec *pspec,
             gboolean    assign)
{
  g_auto(GValue) value_a = G_VALUE_INIT;
  g_auto(GValue) value_b = G_VALUE_INIT;

  g_value_init (&value_a, pspec->value_type);
  g_value_init (&value_b, pspec->value_type);
  g_object_get_property (a, pspec->name, &value_a);
  g_object_get_property (b, pspec->name, &value_b);
  if (values_equal (pspec, &value_a, &value_b))
    return TRUE;

  if (assign)
    g_object_set_property (a, pspec->name, &value_b);
  return FALSE;
}

gboolean
vp_record_equal (GObject *a,
                 GObject *b)
{
  const RecordClass *record;

  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  record = record_class_of (G_OBJECT_TYPE (a));
  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);

      if (!field_equal (field->kind, FIELD_AT (a, field), FIELD_AT (b, field)))
        return FALSE;
    }
  for (guint i = 0; i < record->others->len; i++)
    if (!other_equal (a, b, g_ptr_array_index (record->others, i), FALSE))
      return FALSE;

  return record->extra == NULL || record->extra->equal == NULL || record->extra->equal (a, b);
}

gboolean
vp_record_assign (GObject *target,
                  GObject *source)
{
  const RecordClass *record;
  gboolean changed = FALSE;

  g_return_val_if_fail (G_IS_OBJECT (target) && G_IS_OBJECT (source), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (target) == G_OBJECT_TYPE (source), FALSE);

  if (target == source)
    return FALSE;

  record = record_class_of (G_OBJECT_TYPE (target));
  g_object_freeze_notify (target);
  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);

      if (field_assign (target, field->pspec, field->kind, FIELD_AT (target, field),
                        FIELD_AT (source, field)))
        changed = TRUE;
    }
  for (guint i = 0; i < record->others->len; i++)
    if (!other_equal (target, source, g_ptr_array_index (record->others, i), TRUE))
      changed = TRUE;
  if (record->extra != NULL && record->extra->assign != NULL &&
      record->extra->assign (target, source))
    changed = TRUE;
  g_object_thaw_notify (target);

  return changed;
}

/* Adds @name to @names unless a name of its member is there already. */
static void
add_name (GPtrArray          *names,
          const VpRecordName *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (((const VpRecordName *)g_ptr_array_index (names, i))->member, name->member))
      return;

  g_ptr_array_add (names, (gpointer)name);
}

GPtrArray *
vp_record_list_differences (GObject *before,
                            GObject *after)
{
  const RecordClass *record;
  GPtrArray *names;

  g_return_val_if_fail (G_IS_OBJECT (before) && G_IS_OBJECT (after), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (before) == G_OBJECT_TYPE (after), NULL);

  names = g_ptr_array_new ();
  if (before == after)
    return names;

  record = record_class_of (G_OBJECT_TYPE (before));
  for (guint i = 0; i < record->fields->len; i++)
    {
      const RecordField *field = &g_array_index (record->fields, RecordField, i);
      const VpRecordName *name = vp_record_param_get_name (field->pspec);

      if (name != NULL &&
          !field_equal (field->kind, FIELD_AT (before, field), FIELD_AT (after, field)))
        add_name (names, name);
    }
  if (record->extra != NULL)
    for (guint i = 0; i < record->extra->n_parts; i++)
      {
        const VpRecordPart *part = &record->extra->parts[i];

        if (part->differs (before, after))
          add_name (names, &part->name);
      }

  return names;
}

/* vp-record.h: what the model's classes share: fields behind their properties that say when
 * they change, and one record made equal to another. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A record is a model object (programme, host, participant, session) whose
 * properties are each kept in a field of the instance: a string (char *,
 * NULL when not given, never ""), an int, a gint64, a double (NAN when not
 * given), an enum or a gboolean.  Its class makes each property with one of
 * the vp_record_param_*() functions below, which note where the field lies
 * and what a change to it is called, and installs them with
 * vp_record_class_install(): the class's get_property and set_property
 * then read and write the fields, and the functions below copy, compare,
 * assign and diff whole records. */

/* Store @value in the field @field of @object and notify @pspec (the
 * property the field is behind), when the value is not the same; return
 * whether it changed.  A string is copied, and "" is stored as NULL; two NAN
 * doubles are the same value; a boolean is stored as TRUE or FALSE. */
gboolean     vp_record_set_string    (GObject      *object,
                                      char        **field,
                                      const char   *value,
                                      GParamSpec   *pspec);
gboolean     vp_record_set_int       (GObject      *object,
                                      int          *field,
                                      int           value,
                                      GParamSpec   *pspec);
gboolean     vp_record_set_int64     (GObject      *object,
                                      gint64       *field,
                                      gint64        value,
                                      GParamSpec   *pspec);
gboolean     vp_record_set_double    (GObject      *object,
                                      double       *field,
                                      double        value,
                                      GParamSpec   *pspec);
/* @field is an enum field (an int's size). */
gboolean     vp_record_set_enum      (GObject      *object,
                                      gpointer      field,
                                      int           value,
                                      GParamSpec   *pspec);
gboolean     vp_record_set_boolean   (GObject      *object,
                                      gboolean     *field,
                                      gboolean      value,
                                      GParamSpec   *pspec);

/* Both NAN ("not given"), or the same number. */
gboolean     vp_record_double_equal  (double        a,
                                      double        b);

/* What a change to a record's field is called (vp_record_list_differences()):
 * @member, its member in the programme format (docs/programme-format.md),
 * stable for scripts, and @label, its untranslated name for people, marked
 * with NC_ ("changed field", …) and translated with that context.  Several
 * fields may share a member (a programme's coordinator: the name and the
 * email), and several members a label (a session's start, end and zones
 * are its “time”). */
typedef struct
{
  const char *member;
  const char *label;
} VpRecordName;

/* The properties of a record, kept in the field at @offset of the instance
 * (G_STRUCT_OFFSET): readable, writable, notified only when they change.
 * A string's default is NULL; a double's is NAN, "not given".
 *
 * @label (a static string: NC_ ("changed field", "group size")) names the
 * field when it changes; its member is @name with "_" for "-", unless
 * vp_record_param_member() says otherwise.  A NULL @label is a field that
 * no change names: the row's id, what matches a record to its stored row
 * (a ref, a uid) and what the store works out (revisions, instants). */
GParamSpec  *vp_record_param_string  (const char   *name,
                                      gsize         offset,
                                      const char   *label);
GParamSpec  *vp_record_param_int     (const char   *name,
                                      gsize         offset,
                                      const char   *label,
                                      int           minimum,
                                      int           maximum,
                                      int           default_value);
GParamSpec  *vp_record_param_int64   (const char   *name,
                                      gsize         offset,
                                      const char   *label,
                                      gint64        minimum,
                                      gint64        maximum,
                                      gint64        default_value);
GParamSpec  *vp_record_param_double  (const char   *name,
                                      gsize         offset,
                                      const char   *label);
GParamSpec  *vp_record_param_enum    (const char   *name,
                                      gsize         offset,
                                      const char   *label,
                                      GType         enum_type,
                                      int           default_value);
GParamSpec  *vp_record_param_boolean (const char   *name,
                                      gsize         offset,
                                      const char   *label,
                                      gboolean      default_value);

/* Makes @pspec (labelled, from vp_record_param_*()) part of the programme
 * format's @member (static), as a programme's "coordinator" holds its
 * coordinator-name and coordinator-email; returns @pspec. */
GParamSpec  *vp_record_param_member  (GParamSpec   *pspec,
                                      const char   *member);

/* What a change to the field behind @pspec is called, or NULL when no
 * change names it (or @pspec was not made by vp_record_param_*()). */
const VpRecordName *vp_record_param_get_name (GParamSpec *pspec);

/* Where the field behind @pspec lies in an instance, or -1 when @pspec was
 * not made by vp_record_param_*(). */
gssize       vp_record_field_offset  (GParamSpec   *pspec);

/* A part of a record that is not a property, as a change names it (a
 * participant's travel legs, a session's attendees). */
typedef struct
{
  VpRecordName name;
  /* Whether @after holds another @name than @before, as writing @after
   * over @before would change it (not necessarily in the same order). */
  gboolean (*differs) (GObject *before,
                       GObject *after);
} VpRecordPart;

/* What a record holds besides its properties (a session's attendees, a
 * participant's travel legs and stays). */
typedef struct
{
  /* Whether @a and @b (of the class) hold the same. */
  gboolean (*equal)  (GObject *a,
                      GObject *b);
  /* Makes @target hold what @source holds; returns whether that changed
   * anything. */
  gboolean (*assign) (GObject *target,
                      GObject *source);
  /* What a change names of it, after the properties. */
  const VpRecordPart *parts;
  guint               n_parts;
} VpRecordExtra;

/* In class_init: installs @properties (as g_object_class_install_properties()
 * does; made with vp_record_param_*()), makes the class's get_property and
 * set_property read and write their fields, and notes @extra (static, or
 * NULL) for vp_record_copy(), vp_record_equal() and vp_record_assign(). */
void         vp_record_class_install (GObjectClass        *object_class,
                                      GParamSpec         **properties,
                                      guint                n_properties,
                                      const VpRecordExtra *extra);
/* In instance init: each field to its property's default. */
void         vp_record_init          (GObject      *object);
/* In finalize: frees the string fields. */
void         vp_record_clear         (GObject      *object);

/* A new record of @source's class that holds the same (fields and extra),
 * for the class's copy function. */
GObject     *vp_record_copy          (GObject      *source);

/* Whether @a and @b (of the same class) hold the same: every readable
 * property, and the extra. */
gboolean     vp_record_equal         (GObject      *a,
                                      GObject      *b);

/* Makes @target (of the same class as @source) equal to @source, property
 * by property: every readable and writable property that differs is set,
 * with notifications held until all are (g_object_freeze_notify()), then
 * the extra.  Returns whether anything changed: a live list updates its
 * object in place with it when the row changes. */
gboolean     vp_record_assign        (GObject      *target,
                                      GObject      *source);

/* What differs between @before and @after (of the same class), as writing
 * @after over @before changes it: the names (const VpRecordName *, owned
 * by the class) of the labelled properties that differ, in the order the
 * class installs them, then of the extra's parts that differ; each member
 * once.  Empty when they hold the same, but for the fields no change
 * names. */
GPtrArray   *vp_record_list_differences (GObject   *before,
                                         GObject   *after);

G_END_DECLS

/* vp-store-columns.c: the column tables, and the statements, binds and row reads made from
 * them. */
#include "config.h"

#include <math.h>

#include "vp-enum-types.h"
#include "vp-host.h"
#include "vp-organisation.h"
#include "vp-participant.h"
#include "vp-programme.h"
#include "vp-record.h"
#include "vp-session.h"
#include "vp-store-columns.h"
#include "vp-travel.h"

/* The tables {{{1 */

/* A new field of the model that the database keeps is one line here (the
 * store adds a column that a database lacks when it opens it). */

static const VpColumn programme_columns[] = {
  { "id", "id", VP_COLUMN_INT64, VP_COLUMN_KEY },
  { "uid", "uid", VP_COLUMN_TEXT },
  { "title", "title", VP_COLUMN_TEXT },
  { "description", "description", VP_COLUMN_TEXT },
  { "status", "status", VP_COLUMN_ENUM },
  { "visiting_cluster", "visiting-cluster", VP_COLUMN_TEXT },
  { "host_cluster", "host-cluster", VP_COLUMN_TEXT },
  { "host_country", "host-country", VP_COLUMN_TEXT },
  { "timezone", "timezone", VP_COLUMN_TEXT },
  { "start_date", "start-date", VP_COLUMN_TEXT },
  { "end_date", "end-date", VP_COLUMN_TEXT },
  { "coordinator_name", "coordinator-name", VP_COLUMN_TEXT },
  { "coordinator_email", "coordinator-email", VP_COLUMN_TEXT },
  { "origin_city", "origin-city", VP_COLUMN_TEXT },
  { "origin_latitude", "origin-latitude", VP_COLUMN_REAL },
  { "origin_longitude", "origin-longitude", VP_COLUMN_REAL },
  { "lump_sum_eur", "lump-sum-eur", VP_COLUMN_REAL },
  { "lump_sum_override_eur", "lump-sum-override-eur", VP_COLUMN_REAL },
  { "goals", "goals", VP_COLUMN_TEXT },
  { "objectives", "objectives", VP_COLUMN_TEXT },
  { "evidence_due", "evidence-due", VP_COLUMN_TEXT },
  { "retention_until", "retention-until", VP_COLUMN_TEXT },
};

static const VpColumn host_columns[] = {
  { "id", "id", VP_COLUMN_INT64, VP_COLUMN_KEY },
  { "ref", "ref", VP_COLUMN_TEXT },
  { "name", "name", VP_COLUMN_TEXT },
  { "kind", "kind", VP_COLUMN_ENUM },
  { "contact_name", "contact-name", VP_COLUMN_TEXT },
  { "contact_email", "contact-email", VP_COLUMN_TEXT },
  { "phone", "phone", VP_COLUMN_TEXT },
  { "address", "address", VP_COLUMN_TEXT },
  { "city", "city", VP_COLUMN_TEXT },
  { "country", "country", VP_COLUMN_TEXT },
  { "latitude", "latitude", VP_COLUMN_REAL },
  { "longitude", "longitude", VP_COLUMN_REAL },
  { "max_group_size", "max-group-size", VP_COLUMN_COUNT },
  { "notes", "notes", VP_COLUMN_TEXT },
  { "language", "language", VP_COLUMN_TEXT },
};

static const VpColumn participant_columns[] = {
  { "id", "id", VP_COLUMN_INT64, VP_COLUMN_KEY },
  { "ref", "ref", VP_COLUMN_TEXT },
  { "name", "name", VP_COLUMN_TEXT },
  { "email", "email", VP_COLUMN_TEXT },
  { "phone", "phone", VP_COLUMN_TEXT },
  { "country", "country", VP_COLUMN_TEXT },
  { "role", "role", VP_COLUMN_ENUM },
  { "dietary", "dietary", VP_COLUMN_TEXT },
  { "accessibility", "accessibility", VP_COLUMN_TEXT },
  { "emergency_contact", "emergency-contact", VP_COLUMN_TEXT },
  { "notes", "notes", VP_COLUMN_TEXT },
  { "consent_fields", "consent-fields", VP_COLUMN_INT },
  { "consent_given", "consent-given", VP_COLUMN_TEXT },
  { "consent_wording", "consent-wording", VP_COLUMN_TEXT },
  { "language", "language", VP_COLUMN_TEXT },
};

/* An organisation's name is also kept as its key (vp_organisation_name_key()),
 * which the writer binds: two spellings of one name meet there. */
static const VpColumn organisation_columns[] = {
  { "id", "id", VP_COLUMN_INT64, VP_COLUMN_KEY },
  { "ref", "ref", VP_COLUMN_TEXT },
  { "uid", "uid", VP_COLUMN_TEXT },
  { "name", "name", VP_COLUMN_TEXT },
  { "kind", "kind", VP_COLUMN_ENUM },
  { "country", "country", VP_COLUMN_TEXT },
  { "city", "city", VP_COLUMN_TEXT },
  { "latitude", "latitude", VP_COLUMN_REAL },
  { "longitude", "longitude", VP_COLUMN_REAL },
  { "cluster", "cluster", VP_COLUMN_TEXT },
  { "eccp_url", "eccp-url", VP_COLUMN_TEXT },
  { "contact_name", "contact-name", VP_COLUMN_TEXT },
  { "contact_email", "contact-email", VP_COLUMN_TEXT },
  { "goals", "goals", VP_COLUMN_TEXT },
  { "objectives", "objectives", VP_COLUMN_TEXT },
};

/* The host's ref comes from the host (a join), and is stored as host_id,
 * which the writer binds; the revision and its time of change are worked
 * out by the writer. */
static const VpColumn session_columns[] = {
  { "id", "id", VP_COLUMN_INT64, VP_COLUMN_KEY },
  { "ref", "ref", VP_COLUMN_TEXT },
  { "uid", "uid", VP_COLUMN_TEXT },
  { "revision", "revision", VP_COLUMN_INT, VP_COLUMN_WRITER },
  { "title", "title", VP_COLUMN_TEXT },
  { "kind", "kind", VP_COLUMN_ENUM },
  { "start_local", "start", VP_COLUMN_TEXT },
  { "end_local", "end", VP_COLUMN_TEXT },
  { "timezone", "timezone", VP_COLUMN_TEXT },
  { "end_timezone", "end-timezone", VP_COLUMN_TEXT },
  { "start_utc", "start-utc", VP_COLUMN_INT64 },
  { "end_utc", "end-utc", VP_COLUMN_INT64 },
  { "location", "location", VP_COLUMN_TEXT },
  { "description", "description", VP_COLUMN_TEXT },
  { "status", "status", VP_COLUMN_ENUM },
  { "attendees_all", "attendees-all", VP_COLUMN_BOOLEAN },
  { "capacity", "capacity", VP_COLUMN_COUNT },
  { "modified_at", "modified-at", VP_COLUMN_INT64, VP_COLUMN_WRITER },
};

/* Travel legs and stays are plain structs: their fields have no
 * properties, so their columns say where they lie. */
#define LEG(member) .offset = G_STRUCT_OFFSET (VpTravelLeg, member)

static const VpColumn travel_leg_columns[] = {
  { "kind", .type = VP_COLUMN_ENUM, LEG (kind), .enum_type = vp_travel_kind_get_type },
  { "reference", .type = VP_COLUMN_TEXT, LEG (reference) },
  { "origin", .type = VP_COLUMN_TEXT, LEG (from) },
  { "destination", .type = VP_COLUMN_TEXT, LEG (to) },
  { "depart", .type = VP_COLUMN_TEXT, LEG (depart) },
  { "depart_timezone", .type = VP_COLUMN_TEXT, LEG (depart_timezone) },
  { "depart_utc", .type = VP_COLUMN_INT64, LEG (depart_utc) },
  { "arrive", .type = VP_COLUMN_TEXT, LEG (arrive) },
  { "arrive_timezone", .type = VP_COLUMN_TEXT, LEG (arrive_timezone) },
  { "arrive_utc", .type = VP_COLUMN_INT64, LEG (arrive_utc) },
  { "uid", .type = VP_COLUMN_TEXT, LEG (uid) },
  { "revision", .type = VP_COLUMN_INT, LEG (revision) },
  { "modified_at", .type = VP_COLUMN_INT64, LEG (modified_at) },
};

#define STAY(member) .offset = G_STRUCT_OFFSET (VpStay, member)

static const VpColumn stay_columns[] = {
  { "name", .type = VP_COLUMN_TEXT, STAY (name) },
  { "address", .type = VP_COLUMN_TEXT, STAY (address) },
  { "check_in", .type = VP_COLUMN_TEXT, STAY (check_in) },
  { "check_out", .type = VP_COLUMN_TEXT, STAY (check_out) },
  { "uid", .type = VP_COLUMN_TEXT, STAY (uid) },
  { "revision", .type = VP_COLUMN_INT, STAY (revision) },
  { "modified_at", .type = VP_COLUMN_INT64, STAY (modified_at) },
};

/* An organisation's closing kit: the items received, each with its day. */
#define EVIDENCE(member) .offset = G_STRUCT_OFFSET (VpEvidence, member)

static const VpColumn evidence_columns[] = {
  { "item", .type = VP_COLUMN_TEXT, EVIDENCE (item) },
  { "received", .type = VP_COLUMN_TEXT, EVIDENCE (received) },
};

static gpointer
new_evidence (void)
{
  return vp_evidence_new (NULL, NULL);
}

static gpointer
new_travel_leg (void)
{
  return vp_travel_leg_new ();
}

static gpointer
new_stay (void)
{
  return vp_stay_new ();
}

/* What is not a field of the row (its programme or participant, its place
 * in their list, a session's host) is written under its name. */
static VpColumnTable tables[VP_N_COLUMN_TABLES] = {
  [VP_COLUMN_TABLE_PROGRAMMES] = {
    "programmes", "g", vp_programme_get_type, NULL,
    programme_columns, G_N_ELEMENTS (programme_columns),
    .insert_extra = "created_at, modified_at",
    .update_extra = "modified_at",
  },
  [VP_COLUMN_TABLE_HOSTS] = {
    "hosts", "h", vp_host_get_type, NULL,
    host_columns, G_N_ELEMENTS (host_columns),
    .insert_extra = "programme_id, position",
    .update_where = "programme_id = :programme_id",
  },
  [VP_COLUMN_TABLE_PARTICIPANTS] = {
    "participants", "p", vp_participant_get_type, NULL,
    participant_columns, G_N_ELEMENTS (participant_columns),
    .insert_extra = "programme_id, position, organisation_id",
    .update_extra = "organisation_id",
    .update_where = "programme_id = :programme_id",
  },
  [VP_COLUMN_TABLE_SESSIONS] = {
    "sessions", "s", vp_session_get_type, NULL,
    session_columns, G_N_ELEMENTS (session_columns),
    .insert_extra = "host_id, programme_id",
    .update_extra = "host_id",
  },
  [VP_COLUMN_TABLE_ORGANISATIONS] = {
    "organisations", "o", vp_organisation_get_type, NULL,
    organisation_columns, G_N_ELEMENTS (organisation_columns),
    .insert_extra = "programme_id, position, name_key",
    .update_extra = "name_key",
    .update_where = "programme_id = :programme_id",
  },
  [VP_COLUMN_TABLE_TRAVEL_LEGS] = {
    "travel_legs", "t", NULL, new_travel_leg,
    travel_leg_columns, G_N_ELEMENTS (travel_leg_columns),
    .insert_extra = "participant_id, position",
  },
  [VP_COLUMN_TABLE_STAYS] = {
    "stays", "y", NULL, new_stay,
    stay_columns, G_N_ELEMENTS (stay_columns),
    .insert_extra = "participant_id, position",
  },
  [VP_COLUMN_TABLE_EVIDENCE] = {
    "evidence", "e", NULL, new_evidence,
    evidence_columns, G_N_ELEMENTS (evidence_columns),
    .insert_extra = "organisation_id, position",
  },
};

/* Made once {{{1 */

struct _VpColumnInfo
{
  gsize  offset;
  GType  enum_type;
  /* ?n for a column bound from its field, else 0 */
  int    parameter;
  /* what NULL reads as: the property's default */
  union
  {
    int    integer;
    gint64 int64;
    double real;
  } fallback;
};

static gboolean
type_holds (VpColumnType  type,
            GType         value_type)
{
  switch (type)
    {
    case VP_COLUMN_TEXT:
      return value_type == G_TYPE_STRING;
    case VP_COLUMN_INT:
    case VP_COLUMN_COUNT:
      return value_type == G_TYPE_INT;
    case VP_COLUMN_INT64:
      return value_type == G_TYPE_INT64;
    case VP_COLUMN_REAL:
      return value_type == G_TYPE_DOUBLE;
    case VP_COLUMN_ENUM:
      return G_TYPE_IS_ENUM (value_type);
    case VP_COLUMN_BOOLEAN:
      return value_type == G_TYPE_BOOLEAN;
    default:
      return FALSE;
    }
}

/* Where the column's field lies, and what NULL reads as: a class's from its
 * property. */
static void
resolve_column (VpColumnTable  *table,
                GObjectClass   *klass,
                const VpColumn *column,
                VpColumnInfo   *info)
{
  GParamSpec *pspec;
  const GValue *fallback;

  if (klass == NULL)
    {
      /* a new struct's fields are zero; a double's "not given" is NAN */
      info->offset = column->offset;
      info->enum_type = column->enum_type != NULL ? column->enum_type () : G_TYPE_NONE;
      if (column->type == VP_COLUMN_REAL)
        info->fallback.real = NAN;
      return;
    }

  pspec = g_object_class_find_property (klass, column->property);
  if (pspec == NULL || vp_record_field_offset (pspec) < 0 ||
      !type_holds (column->type, G_PARAM_SPEC_VALUE_TYPE (pspec)))
    g_error ("column %s.%s: %s has no field property “%s” of that type", table->name,
             column->name, G_OBJECT_CLASS_NAME (klass), column->property);

  info->offset = (gsize)vp_record_field_offset (pspec);
  info->enum_type = column->type == VP_COLUMN_ENUM ? G_PARAM_SPEC_VALUE_TYPE (pspec) : G_TYPE_NONE;
  fallback = g_param_spec_get_default_value (pspec);
  switch (column->type)
    {
    case VP_COLUMN_INT:
    case VP_COLUMN_COUNT:
      info->fallback.integer = g_value_get_int (fallback);
      break;
    case VP_COLUMN_INT64:
      info->fallback.int64 = g_value_get_int64 (fallback);
      break;
    case VP_COLUMN_REAL:
      info->fallback.real = g_value_get_double (fallback);
      break;
    case VP_COLUMN_ENUM:
      info->fallback.integer = g_value_get_enum (fallback);
      break;
    case VP_COLUMN_BOOLEAN:
      info->fallback.integer = g_value_get_boolean (fallback);
      break;
    case VP_COLUMN_TEXT:
    default:
      break;
    }
}

/* Appends ", " and @text to @string, or @text alone to an empty one. */
static void
append_item (GString    *string,
             const char *text)
{
  if (string->len > 0)
    g_string_append (string, ", ");
  g_string_append (string, text);
}

/* Appends the names in @list ("a, b") to @names and, as parameters
 * (":a, :b"), to @values. */
static void
append_named (GString    *names,
              GString    *values,
              const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return;

  items = g_strsplit (list, ", ", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *parameter = g_strconcat (":", items[i], NULL);

      append_item (names, items[i]);
      append_item (values, parameter);
    }
}

/* The column lists of an insert (@with_key) or an update: first the
 * columns bound from their fields, as ?1 … ?n (SQLite numbers a named
 * parameter after the highest number it has read, so the numbered ones come
 * first), then the writer's. */
static void
build_lists (VpColumnTable *table,
             gboolean       with_key,
             const char    *extra,
             GString       *names,
             GString       *values)
{
  for (guint i = 0; i < table->n_columns; i++)
    if (table->info[i].parameter > 0)
      {
        g_autofree char *parameter = g_strdup_printf ("?%d", table->info[i].parameter);

        append_item (names, table->columns[i].name);
        append_item (values, parameter);
      }
  for (guint i = 0; i < table->n_columns; i++)
    if ((table->columns[i].flags & VP_COLUMN_WRITER) ||
        (with_key && (table->columns[i].flags & VP_COLUMN_KEY)))
      append_named (names, values, table->columns[i].name);
  append_named (names, values, extra);
}

static void
build_table (VpColumnTable *table)
{
  GObjectClass *klass = table->get_type != NULL ? g_type_class_ref (table->get_type ()) : NULL;
  g_autoptr(GString) select = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  gboolean has_key = FALSE;
  int parameter = 0;

  table->info = g_new0 (VpColumnInfo, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const VpColumn *column = &table->columns[i];
      g_autofree char *qualified = g_strdup_printf ("%s.%s", table->alias, column->name);

      resolve_column (table, klass, column, &table->info[i]);
      if (!(column->flags & (VP_COLUMN_WRITER | VP_COLUMN_KEY)))
        table->info[i].parameter = ++parameter;
      if (column->flags & VP_COLUMN_KEY)
        has_key = TRUE;
      append_item (select, qualified);
    }
  table->select = g_strdup (select->str);

  build_lists (table, TRUE, table->insert_extra, names, values);
  table->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->name, names->str,
                                   values->str);

  if (has_key)
    {
      g_string_truncate (names, 0);
      g_string_truncate (values, 0);
      build_lists (table, FALSE, table->update_extra, names, values);
      table->update = g_strdup_printf ("UPDATE %s SET (%s) = (%s) WHERE id = :id%s%s",
                                       table->name, names->str, values->str,
                                       table->update_where != NULL ? " AND " : "",
                                       table->update_where != NULL ? table->update_where : "");
    }
}

const VpColumnTable *
vp_column_table_get (VpColumnTableId id)
{
  static gsize built;

  g_return_val_if_fail (id < VP_N_COLUMN_TABLES, NULL);

  /* kept for the life of the program */
  if (g_once_init_enter (&built))
    {
      for (guint i = 0; i < VP_N_COLUMN_TABLES; i++)
        build_table (&tables[i]);
      g_once_init_leave (&built, 1);
    }

  return &tables[id];
}

static const char *
sql_type (VpColumnType type)
{
  switch (type)
    {
    case VP_COLUMN_TEXT:
    case VP_COLUMN_ENUM:
      return "TEXT";
    case VP_COLUMN_REAL:
      return "REAL";
    case VP_COLUMN_INT:
    case VP_COLUMN_INT64:
    case VP_COLUMN_BOOLEAN:
    case VP_COLUMN_COUNT:
    default:
      return "INTEGER";
    }
}

const VpSchemaColumn *
vp_column_tables_get_schema (guint *n_columns)
{
  static GArray *schema;

  if (g_once_init_enter (&schema))
    {
      GArray *columns = g_array_new (FALSE, FALSE, sizeof (VpSchemaColumn));

      for (guint i = 0; i < VP_N_COLUMN_TABLES; i++)
        for (guint j = 0; j < tables[i].n_columns; j++)
          {
            VpSchemaColumn column = { tables[i].name, tables[i].columns[j].name,
                                      sql_type (tables[i].columns[j].type) };

            g_array_append_val (columns, column);
          }
      g_once_init_leave (&schema, columns);
    }

  *n_columns = schema->len;
  return (const VpSchemaColumn *)(gpointer)schema->data;
}

/* Rows {{{1 */

gpointer
vp_column_table_read (const VpColumnTable *table,
                      sqlite3_stmt        *stmt,
                      int                  first)
{
  gpointer row = table->get_type != NULL ? g_object_new (table->get_type (), NULL)
                                         : table->new_row ();

  for (guint i = 0; i < table->n_columns; i++)
    {
      const VpColumnInfo *info = &table->info[i];
      gpointer field = G_STRUCT_MEMBER_P (row, info->offset);
      int index = first + (int)i;
      gboolean null = sqlite3_column_type (stmt, index) == SQLITE_NULL;

      switch (table->columns[i].type)
        {
        case VP_COLUMN_TEXT:
          {
            const char *text = (const char *)sqlite3_column_text (stmt, index);

            /* "" is "not given", as the model's setters say */
            g_free (*(char **)field);
            *(char **)field = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
          }
          break;
        case VP_COLUMN_INT:
        case VP_COLUMN_COUNT:
          *(int *)field = null ? info->fallback.integer : sqlite3_column_int (stmt, index);
          break;
        case VP_COLUMN_BOOLEAN:
          *(gboolean *)field =
            null ? info->fallback.integer : sqlite3_column_int (stmt, index) != 0;
          break;
        case VP_COLUMN_INT64:
          *(gint64 *)field = null ? info->fallback.int64 : sqlite3_column_int64 (stmt, index);
          break;
        case VP_COLUMN_REAL:
          *(double *)field = null ? info->fallback.real : sqlite3_column_double (stmt, index);
          break;
        case VP_COLUMN_ENUM:
          if (null || !vp_enum_from_nick (info->enum_type,
                                          (const char *)sqlite3_column_text (stmt, index), field))
            *(int *)field = info->fallback.integer;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return row;
}

void
vp_column_table_bind (const VpColumnTable *table,
                      sqlite3_stmt        *stmt,
                      gconstpointer        row)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const VpColumnInfo *info = &table->info[i];
      gconstpointer field = G_STRUCT_MEMBER_P (row, info->offset);
      int index = info->parameter;

      if (index == 0)
        continue;

      switch (table->columns[i].type)
        {
        case VP_COLUMN_TEXT:
          /* the row outlives the step */
          if (*(char * const *)field != NULL)
            sqlite3_bind_text (stmt, index, *(char * const *)field, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case VP_COLUMN_INT:
          sqlite3_bind_int (stmt, index, *(const int *)field);
          break;
        case VP_COLUMN_COUNT:
          if (*(const int *)field > 0)
            sqlite3_bind_int (stmt, index, *(const int *)field);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case VP_COLUMN_BOOLEAN:
          sqlite3_bind_int (stmt, index, *(const gboolean *)field ? 1 : 0);
          break;
        case VP_COLUMN_INT64:
          sqlite3_bind_int64 (stmt, index, *(const gint64 *)field);
          break;
        case VP_COLUMN_REAL:
          if (!isnan (*(const double *)field))
            sqlite3_bind_double (stmt, index, *(const double *)field);
          else
            sqlite3_bind_null (stmt, index);
          break;
        case VP_COLUMN_ENUM:
          {
            const char *nick = vp_enum_to_nick (info->enum_type, *(const int *)field);

            if (nick != NULL)
              sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
            else
              sqlite3_bind_null (stmt, index);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

int
vp_column_parameter (sqlite3_stmt *stmt,
                     const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_critical ("the statement “%s” has no parameter %s", sqlite3_sql (stmt), name);
  return index;
}

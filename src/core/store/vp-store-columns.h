/* vp-store-columns.h: the column tables: which column of each table holds which field of the
 * model, and how, from which the store builds its statements, binds values and reads rows. */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "vp-store-schema.h"

G_BEGIN_DECLS

/* How a column holds its field. */
typedef enum
{
  VP_COLUMN_TEXT,    /* a string; NULL ("not given") is NULL */
  VP_COLUMN_INT,     /* an int */
  VP_COLUMN_INT64,   /* a gint64 */
  VP_COLUMN_REAL,    /* a double; NAN ("not given") is NULL */
  VP_COLUMN_ENUM,    /* an enum, as its word in the format; an UNSET value is NULL */
  VP_COLUMN_BOOLEAN, /* a gboolean, as 0 or 1 */
  VP_COLUMN_COUNT,   /* an int of which 0 means "not given": NULL */
} VpColumnType;

typedef enum
{
  /* bound from the field */
  VP_COLUMN_BOUND  = 0,
  /* read into the field, but written as the parameter :name, which the
   * writer binds (it works the value out: a session's revision) */
  VP_COLUMN_WRITER = 1 << 0,
  /* the row id: read into the field; written as :id (an insert) and named
   * in the WHERE of an update */
  VP_COLUMN_KEY    = 1 << 1,
} VpColumnFlags;

typedef struct
{
  const char    *name;             /* in SQL */
  const char    *property;         /* the model class's property; NULL in a plain struct */
  VpColumnType   type;
  VpColumnFlags  flags;
  /* a plain struct's field and, for an enum, its type (a class's come from its properties) */
  gsize          offset;
  GType        (*enum_type) (void);
} VpColumn;

typedef enum
{
  /* the first five in the order of VpEntity */
  VP_COLUMN_TABLE_PROGRAMMES,
  VP_COLUMN_TABLE_HOSTS,
  VP_COLUMN_TABLE_PARTICIPANTS,
  VP_COLUMN_TABLE_SESSIONS,
  VP_COLUMN_TABLE_ORGANISATIONS,
  VP_COLUMN_TABLE_TRAVEL_LEGS,
  VP_COLUMN_TABLE_STAYS,
  VP_COLUMN_TABLE_EVIDENCE,
  VP_N_COLUMN_TABLES
} VpColumnTableId;

typedef struct _VpColumnInfo VpColumnInfo;

/* One table and the statements made from its columns.  In an insert or an
 * update, the columns bound from their fields are the parameters ?1 … ?n,
 * in the order of the table without the others; every other parameter has
 * a name (:column). */
typedef struct
{
  const char     *name;            /* in SQL */
  const char     *alias;           /* in the SELECT list, for joins */
  GType         (*get_type) (void);  /* the model class; NULL for a plain struct */
  gpointer      (*new_row) (void);   /* a plain struct */
  const VpColumn *columns;
  guint           n_columns;
  /* what an insert writes besides the columns (each bound as :name), what
   * an update sets besides them, and the condition it adds to id = :id */
  const char     *insert_extra;
  const char     *update_extra;
  const char     *update_where;

  /* made once, by vp_column_table_get() */
  VpColumnInfo   *info;
  char           *select;          /* "h.id, h.ref, …": every column, in order */
  char           *insert;          /* "INSERT INTO …" */
  char           *update;          /* "UPDATE … WHERE id = :id …", or NULL without a key */
} VpColumnTable;

const VpColumnTable *vp_column_table_get   (VpColumnTableId       id);

/* A new row (a model object, or a plain struct) holding the columns of
 * @table, read from the columns @first … of the current row of @stmt (in
 * the order of @table->select).  NULL and values the field cannot hold
 * (an unknown word) read as the field's default.  The object is new: its
 * fields are written without notifications. */
gpointer             vp_column_table_read  (const VpColumnTable  *table,
                                            sqlite3_stmt         *stmt,
                                            int                   first);

/* Binds the fields of @row to the parameters ?1 … ?n of @table->insert or
 * @table->update; the writer binds the named ones. */
void                 vp_column_table_bind  (const VpColumnTable  *table,
                                            sqlite3_stmt         *stmt,
                                            gconstpointer         row);

/* The index of the parameter @name (":id", ":programme_id") of @stmt; a
 * critical, and 0, when it has none. */
int                  vp_column_parameter   (sqlite3_stmt         *stmt,
                                            const char           *name);

/* Every column of the tables, as the database must have it: a database
 * that lacks one gets it when the store opens it
 * (vp_store_schema_upgrade_with_columns()). */
const VpSchemaColumn *vp_column_tables_get_schema (guint                *n_columns);

G_END_DECLS

/* vp-snapshot-diff.c: what writing one snapshot of a programme over another changes, in the
 * words the import preview and the command line's dry runs both use. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-labels.h"
#include "vp-language.h"
#include "vp-snapshot-diff.h"
#include "vp-time.h"
#include "vp-values.h"

struct _VpSnapshotDiff
{
  VpSnapshot *before;
  VpSnapshot *after;
  GPtrArray  *changes[VP_N_ENTITIES];  /* VpSnapshotChange */
};

/* The fields {{{1 */

const char *
vp_change_field_get_label (const VpChangeField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  /* the context the model classes mark their labels with */
  return g_dpgettext2 (GETTEXT_PACKAGE, "changed field", field->label);
}

/* What differs between two objects of a kind: every field the model class
 * names (vp_record_list_differences()), none written out here. */
static GPtrArray *
record_fields (gpointer old,
               gpointer new)
{
  return vp_record_list_differences (G_OBJECT (old), G_OBJECT (new));
}

/* The diff {{{1 */

static void
change_free (gpointer data)
{
  VpSnapshotChange *change = data;

  g_clear_pointer (&change->fields, g_ptr_array_unref);
  g_clear_object (&change->object);
  g_clear_object (&change->previous);
  g_free (change);
}

/* Takes @fields (NULL: none). */
static void
add_change (VpSnapshotDiff *self,
            VpEntity    kind,
            VpChange  action,
            gpointer        object,
            gpointer        previous,
            GPtrArray      *fields)
{
  VpSnapshotChange *change = g_new0 (VpSnapshotChange, 1);

  change->kind = kind;
  change->action = action;
  change->object = g_object_ref (object);
  change->previous = previous != NULL ? g_object_ref (previous) : NULL;
  change->fields = fields != NULL ? fields : g_ptr_array_new ();
  g_ptr_array_add (self->changes[kind], change);
}

/* Adds a change of @object from @previous when a field differs. */
static void
add_if_changed (VpSnapshotDiff *self,
                VpEntity    kind,
                VpChange  action,
                gpointer        object,
                gpointer        previous,
                GPtrArray      *fields)
{
  if (fields->len == 0)
    {
      g_ptr_array_unref (fields);
      return;
    }
  add_change (self, kind, action, object, previous, fields);
}

static void
diff_programme (VpSnapshotDiff *self)
{
  VpProgramme *programme = vp_snapshot_get_programme (self->after);
  VpProgramme *old;

  if (self->before == NULL)
    {
      add_change (self, VP_ENTITY_PROGRAMME, VP_CHANGE_ADDED, programme, NULL, NULL);
      return;
    }

  old = vp_snapshot_get_programme (self->before);
  if (old != programme)
    add_if_changed (self, VP_ENTITY_PROGRAMME, VP_CHANGE_CHANGED, programme, old,
                    record_fields (old, programme));
}

static void
diff_hosts (VpSnapshotDiff *self)
{
  GPtrArray *hosts = vp_snapshot_get_hosts (self->after);

  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *host = g_ptr_array_index (hosts, i);
      VpHost *old = self->before != NULL
        ? vp_snapshot_lookup_host (self->before, vp_host_get_ref (host))
        : NULL;

      /* the importers keep the objects they do not change */
      if (old == host)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_HOST, VP_CHANGE_ADDED, host, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_HOST, VP_CHANGE_CHANGED, host, old,
                        record_fields (old, host));
    }

  if (self->before == NULL)
    return;

  hosts = vp_snapshot_get_hosts (self->before);
  for (guint i = 0; i < hosts->len; i++)
    {
      VpHost *old = g_ptr_array_index (hosts, i);

      if (vp_snapshot_lookup_host (self->after, vp_host_get_ref (old)) == NULL)
        add_change (self, VP_ENTITY_HOST, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

/* The organisation of @snapshot with @organisation's uid, else with its
 * name however spelt: a version-1 document's organisations have new uids
 * each time it is read. */
static VpOrganisation *
match_organisation (VpSnapshot     *snapshot,
                    VpOrganisation *organisation)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *other = g_ptr_array_index (organisations, i);

      if (g_strcmp0 (vp_organisation_get_uid (other), vp_organisation_get_uid (organisation)) == 0)
        return other;
    }

  return vp_snapshot_lookup_organisation_by_name (snapshot,
                                                  vp_organisation_get_name (organisation));
}

static void
diff_organisations (VpSnapshotDiff *self)
{
  GPtrArray *organisations = vp_snapshot_get_organisations (self->after);

  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *organisation = g_ptr_array_index (organisations, i);
      VpOrganisation *old = self->before != NULL
        ? match_organisation (self->before, organisation)
        : NULL;

      if (old == organisation)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_ORGANISATION, VP_CHANGE_ADDED, organisation, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_ORGANISATION, VP_CHANGE_CHANGED, organisation, old,
                        record_fields (old, organisation));
    }

  if (self->before == NULL)
    return;

  organisations = vp_snapshot_get_organisations (self->before);
  for (guint i = 0; i < organisations->len; i++)
    {
      VpOrganisation *old = g_ptr_array_index (organisations, i);

      if (match_organisation (self->after, old) == NULL)
        add_change (self, VP_ENTITY_ORGANISATION, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

static void
diff_participants (VpSnapshotDiff *self)
{
  GPtrArray *participants = vp_snapshot_get_participants (self->after);

  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      VpParticipant *old = self->before != NULL
        ? vp_snapshot_lookup_participant (self->before, vp_participant_get_ref (participant))
        : NULL;

      if (old == participant)
        continue;
      if (old == NULL)
        add_change (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_ADDED, participant, NULL, NULL);
      else
        add_if_changed (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_CHANGED, participant, old,
                        record_fields (old, participant));
    }

  if (self->before == NULL)
    return;

  participants = vp_snapshot_get_participants (self->before);
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *old = g_ptr_array_index (participants, i);

      if (vp_snapshot_lookup_participant (self->after, vp_participant_get_ref (old)) == NULL)
        add_change (self, VP_ENTITY_PARTICIPANT, VP_CHANGE_REMOVED, old, old, NULL);
    }
}

static void
diff_sessions (VpSnapshotDiff      *self,
               VpSnapshotDiffFlags  flags)
{
  GPtrArray *sessions = vp_snapshot_get_sessions (self->after);

  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *session = g_ptr_array_index (sessions, i);
      const char *uid = vp_session_get_uid (session);
      VpSession *old = self->before != NULL && uid != NULL
        ? vp_snapshot_lookup_session_by_uid (self->before, uid)
        : NULL;
      gboolean cancelled;

      if (old == session)
        continue;
      if (old == NULL)
        {
          add_change (self, VP_ENTITY_SESSION, VP_CHANGE_ADDED, session, NULL, NULL);
          continue;
        }

      cancelled = vp_session_get_status (session) == VP_SESSION_STATUS_CANCELLED &&
                  vp_session_get_status (old) != VP_SESSION_STATUS_CANCELLED;
      add_if_changed (self, VP_ENTITY_SESSION,
                      cancelled ? VP_CHANGE_CANCELLED : VP_CHANGE_CHANGED, session, old,
                      record_fields (old, session));
    }

  if (self->before == NULL)
    return;

  sessions = vp_snapshot_get_sessions (self->before);
  for (guint i = 0; i < sessions->len; i++)
    {
      VpSession *old = g_ptr_array_index (sessions, i);
      const char *uid = vp_session_get_uid (old);
      g_autoptr(VpSession) cancelled = NULL;

      if (uid != NULL && vp_snapshot_lookup_session_by_uid (self->after, uid) != NULL)
        continue;

      if (!(flags & VP_SNAPSHOT_DIFF_UPDATE))
        {
          add_change (self, VP_ENTITY_SESSION, VP_CHANGE_REMOVED, old, old, NULL);
          continue;
        }

      /* the store cancels it: what changes is what the session, cancelled,
       * holds otherwise (its status) */
      if (vp_session_get_status (old) == VP_SESSION_STATUS_CANCELLED)
        continue;
      cancelled = vp_session_copy (old);
      vp_session_set_status (cancelled, VP_SESSION_STATUS_CANCELLED);
      add_change (self, VP_ENTITY_SESSION, VP_CHANGE_CANCELLED, old, old,
                  record_fields (old, cancelled));
    }
}

VpSnapshotDiff *
vp_snapshot_diff_new (VpSnapshot          *before,
                      VpSnapshot          *after,
                      VpSnapshotDiffFlags  flags)
{
  VpSnapshotDiff *self;

  g_return_val_if_fail (before == NULL || VP_IS_SNAPSHOT (before), NULL);
  g_return_val_if_fail (VP_IS_SNAPSHOT (after), NULL);

  self = g_new0 (VpSnapshotDiff, 1);
  self->before = before != NULL ? g_object_ref (before) : NULL;
  self->after = g_object_ref (after);
  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    self->changes[kind] = g_ptr_array_new_with_free_func (change_free);

  diff_programme (self);
  diff_hosts (self);
  diff_organisations (self);
  diff_participants (self);
  diff_sessions (self, flags);

  return self;
}

void
vp_snapshot_diff_free (VpSnapshotDiff *self)
{
  if (self == NULL)
    return;

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    g_ptr_array_unref (self->changes[kind]);
  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_free (self);
}

GPtrArray *
vp_snapshot_diff_get_changes (VpSnapshotDiff *self,
                              VpEntity    kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < VP_N_ENTITIES, NULL);

  return self->changes[kind];
}

guint
vp_snapshot_diff_count (VpSnapshotDiff *self,
                        VpEntity    kind,
                        VpChange  action)
{
  GPtrArray *changes;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < VP_N_ENTITIES, 0);

  changes = self->changes[kind];
  for (guint i = 0; i < changes->len; i++)
    n += ((VpSnapshotChange *)g_ptr_array_index (changes, i))->action == action;

  return n;
}

gboolean
vp_snapshot_diff_is_empty (VpSnapshotDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint kind = 0; kind < VP_N_ENTITIES; kind++)
    if (self->changes[kind]->len > 0)
      return FALSE;

  return TRUE;
}

static const char *
kind_heading (VpEntity kind)
{
  switch (kind)
    {
    case VP_ENTITY_PROGRAMME:
      return _("Programme");
    case VP_ENTITY_HOST:
      return _("Hosts");
    case VP_ENTITY_PARTICIPANT:
      return _("Participants");
    case VP_ENTITY_ORGANISATION:
      return _("Organisations");
    case VP_ENTITY_SESSION:
    default:
      return _("Sessions");
    }
}

static char *
action_count (VpChange action,
              guint          n)
{
  /* Translators: the parts of a dry run's count of changes of one kind,
   * joined by commas: “Sessions: 2 added, 1 changed, 1 cancelled”. */
  switch (action)
    {
    case VP_CHANGE_ADDED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n), n);
    case VP_CHANGE_CHANGED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", n), n);
    case VP_CHANGE_REMOVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", n), n);
    case VP_CHANGE_CANCELLED:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled", n),
                              n);
    }
}

char *
vp_snapshot_diff_describe_kind (VpSnapshotDiff *self,
                                VpEntity    kind)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < VP_N_ENTITIES, NULL);

  for (guint action = 0; action < VP_N_CHANGES; action++)
    {
      guint n = vp_snapshot_diff_count (self, kind, action);

      if (n > 0)
        g_ptr_array_add (parts, action_count (action, n));
    }
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  counts = g_strjoinv (", ", (char **)parts->pdata);
  /* Translators: what an import changes of one kind: “Hosts” and the
   * counts, as in “Hosts: 1 added, 2 changed”. */
  return g_strdup_printf (_("%s: %s"), kind_heading (kind), counts);
}

const char *
vp_change_kind_get_member (VpEntity kind)
{
  switch (kind)
    {
    case VP_ENTITY_PROGRAMME:
      return "programme";
    case VP_ENTITY_HOST:
      return "hosts";
    case VP_ENTITY_PARTICIPANT:
      return "participants";
    case VP_ENTITY_SESSION:
      return "sessions";
    case VP_ENTITY_ORGANISATION:
      return "organisations";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
vp_change_action_get_nick (VpChange action)
{
  switch (action)
    {
    case VP_CHANGE_ADDED:
      return "added";
    case VP_CHANGE_CHANGED:
      return "changed";
    case VP_CHANGE_REMOVED:
      return "removed";
    case VP_CHANGE_CANCELLED:
      return "cancelled";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The words {{{1 */

/* Text on one line: valid UTF-8, control characters and line or paragraph
 * separators as spaces. */
static char *
one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        c = ' ';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Adds @text, on one line, to @parts when it is not empty. */
static void
add_part (GPtrArray  *parts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (parts, one_line (text));
}

/* The parts, between middle dots, or NULL when there are none. */
static char *
join_parts (GPtrArray *parts)
{
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

static GDateTime *
wall_time (const char *local)
{
  VpLocalTime time;

  if (local == NULL || !vp_local_time_parse (local, &time, NULL))
    return NULL;

  /* A wall-clock reading, shown as it is in its own zone. */
  return g_date_time_new_utc (time.year, time.month, time.day, time.hour, time.minute,
                              time.second);
}

/* @time written with @format, the names of its day and month in the
 * user's language from its catalog, as the text around them is: the
 * locale's names would be English on a desktop without that language's
 * locale. */
static char *
format_user_time (GDateTime  *time,
                  const char *format)
{
  VpLanguage *language = vp_language_get (vp_language_user_code (), NULL);

  if (language == NULL)
    return g_date_time_format (time, format);
  return vp_language_format_date_time (language, time, format);
}

/* "Tue 13 Apr, 09:00–10:30" */
static char *
session_time (VpSession *session)
{
  g_autoptr(GDateTime) start = wall_time (vp_session_get_start (session));
  g_autoptr(GDateTime) end = wall_time (vp_session_get_end (session));
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start == NULL)
    return NULL;

  /* Translators: when a session begins, in an import preview; see the
   * conversions of g_date_time_format().  xgettext:no-c-format */
  start_text = format_user_time (start, C_("session start", "%a %-d %b, %H:%M"));
  if (end == NULL)
    return g_steal_pointer (&start_text);

  if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
      g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end))
    /* Translators: when a session ends on the day it begins; see the
     * conversions of g_date_time_format().  xgettext:no-c-format */
    end_text = format_user_time (end, C_("session end", "%H:%M"));
  else
    /* Translators: when a session ends on a later day; see the
     * conversions of g_date_time_format().  xgettext:no-c-format */
    end_text = format_user_time (end, C_("session end on another day", "%a %-d %b, %H:%M"));

  /* Translators: a session's time, as in “Tue 13 Apr, 09:00–10:30”: its
   * start, an en dash, its end. */
  return g_strdup_printf (C_("session time", "%s–%s"), start_text, end_text);
}

/* What an added object is, in a few words. */
static char *
added_details (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  switch (change->kind)
    {
    case VP_ENTITY_PROGRAMME:
      {
        VpProgramme *programme = change->object;
        g_autofree char *dates = NULL;

        if (vp_programme_get_start_date (programme) != NULL)
          /* Translators: a programme's first and last day, as in
           * “2027-04-13 – 2027-04-16”. */
          dates = g_strdup_printf (_("%s – %s"), vp_programme_get_start_date (programme),
                                   vp_programme_get_end_date (programme));
        add_part (parts, dates);
        add_part (parts, vp_country_name (vp_programme_get_host_country (programme)));
      }
      break;

    case VP_ENTITY_HOST:
      add_part (parts, vp_host_kind_label (vp_host_get_kind (change->object)));
      add_part (parts, vp_host_get_city (change->object));
      add_part (parts, vp_country_name (vp_host_get_country (change->object)));
      break;

    case VP_ENTITY_PARTICIPANT:
      add_part (parts, vp_participant_get_email (change->object));
      add_part (parts, vp_participant_get_organisation (change->object));
      add_part (parts, vp_country_name (vp_participant_get_country (change->object)));
      break;

    case VP_ENTITY_ORGANISATION:
      add_part (parts, vp_organisation_get_city (change->object));
      add_part (parts, vp_country_name (vp_organisation_get_country (change->object)));
      break;

    case VP_ENTITY_SESSION:
    default:
      {
        g_autofree char *time = session_time (change->object);

        add_part (parts, time);
        add_part (parts, vp_session_get_location (change->object));
      }
      break;
    }

  return join_parts (parts);
}

/* "Changes: email, phone" from the labels of the fields that differ, each
 * label once. */
static char *
changed_details (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *list = NULL;

  if (change->fields->len == 0)
    return NULL;

  for (guint i = 0; i < change->fields->len; i++)
    {
      const char *label = vp_change_field_get_label (g_ptr_array_index (change->fields, i));

      if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, (gpointer)label);
    }
  g_ptr_array_add (labels, NULL);
  list = g_strjoinv (", ", (char **)labels->pdata);

  /* Translators: in an import preview, under the name of a participant,
   * host or session that the file updates: the fields it changes, such as
   * “Changes: email, phone”. */
  return g_strdup_printf (_("Changes: %s"), list);
}

/* The longest value the preview shows, in characters, before an ellipsis. */
#define VALUE_MAX_CHARS 60

/* The property of @object's class that @field names, or NULL. */
static GParamSpec *
find_field_pspec (GObject             *object,
                  const VpChangeField *field)
{
  g_autofree GParamSpec **pspecs = NULL;
  GParamSpec *found = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs && found == NULL; i++)
    if (vp_record_param_get_name (pspecs[i]) == field)
      found = pspecs[i];

  return found;
}

/* A property's value as a person reads it, on one line and not too long;
 * NULL when it is not given. */
static char *
field_text (GObject    *object,
            GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    text = g_value_dup_string (&value);
  else if (G_VALUE_HOLDS_DOUBLE (&value))
    text = vp_value_format_decimal (g_value_get_double (&value));
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    text = g_strdup (g_value_get_boolean (&value) ? _("yes") : _("no"));
  else if (G_VALUE_HOLDS_ENUM (&value))
    {
      GEnumValue *nick = g_enum_get_value (G_ENUM_CLASS (g_type_class_peek (pspec->value_type)),
                                           g_value_get_enum (&value));

      /* the enums' first value, “unset”, is no value */
      text = nick != NULL && !(nick->value == 0 && g_str_equal (nick->value_nick, "unset"))
             ? g_strdup (nick->value_nick) : NULL;
    }
  else if (g_value_type_transformable (pspec->value_type, G_TYPE_STRING))
    {
      g_auto(GValue) string = G_VALUE_INIT;

      g_value_init (&string, G_TYPE_STRING);
      g_value_transform (&value, &string);
      text = g_value_dup_string (&string);
    }

  if (text == NULL || *text == '\0')
    return NULL;

  line = one_line (g_strstrip (text));
  if (g_utf8_strlen (line, -1) > VALUE_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (line, VALUE_MAX_CHARS - 1);

      *end = '\0';
      return g_strconcat (line, "…", NULL);
    }
  return g_steal_pointer (&line);
}

gboolean
vp_snapshot_change_get_field_values (VpSnapshotChange     *change,
                                     const VpChangeField  *field,
                                     char                **before,
                                     char                **after)
{
  GParamSpec *pspec;

  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  *before = NULL;
  *after = NULL;
  if (change->previous == NULL || change->object == NULL ||
      (pspec = find_field_pspec (change->object, field)) == NULL)
    return FALSE;

  /* a reference by the name it shadows (a participant's organisation-ref
   * by its organisation), when the class keeps one */
  if (g_str_has_suffix (pspec->name, "-ref"))
    {
      g_autofree char *shadow_name = g_strndup (pspec->name, strlen (pspec->name) - 4);
      GParamSpec *shadow = g_object_class_find_property (G_OBJECT_GET_CLASS (change->object),
                                                         shadow_name);

      if (shadow != NULL && shadow->value_type == G_TYPE_STRING)
        {
          *before = field_text (change->previous, shadow);
          *after = field_text (change->object, shadow);
        }
    }
  if (*before == NULL)
    *before = field_text (change->previous, pspec);
  if (*after == NULL)
    *after = field_text (change->object, pspec);
  /* a country by its name, not its code */
  if (g_str_has_suffix (field->member, "country"))
    {
      const char *name;

      if (*before != NULL && (name = vp_country_name (*before)) != NULL)
        {
          g_free (*before);
          *before = g_strdup (name);
        }
      if (*after != NULL && (name = vp_country_name (*after)) != NULL)
        {
          g_free (*after);
          *after = g_strdup (name);
        }
    }
  return TRUE;
}

char *
vp_snapshot_change_get_values (VpSnapshotChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (change != NULL, NULL);

  if (change->action != VP_CHANGE_CHANGED && change->action != VP_CHANGE_CANCELLED)
    return NULL;

  for (guint i = 0; i < change->fields->len; i++)
    {
      const VpChangeField *field = g_ptr_array_index (change->fields, i);
      const char *label = vp_change_field_get_label (field);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (!vp_snapshot_change_get_field_values (change, field, &before, &after))
        {
          /* a field of many values (the travel legs, the attendees): named */
          if (!g_ptr_array_find_with_equal_func (parts, label, g_str_equal, NULL))
            g_ptr_array_add (parts, g_strdup (label));
          continue;
        }

      /* Translators: in an import preview, a field that the file changes,
       * its value before and after: “organisation: Kaunas Tech → KTU” */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s → %s"), label,
                                               before != NULL ? before : _("not set"),
                                               after != NULL ? after : _("not set")));
    }

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

const char *
vp_snapshot_change_get_name (VpSnapshotChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case VP_ENTITY_PROGRAMME:
      return vp_programme_get_title (change->object);
    case VP_ENTITY_HOST:
      return vp_host_get_name (change->object);
    case VP_ENTITY_PARTICIPANT:
      return vp_participant_get_name (change->object);
    case VP_ENTITY_ORGANISATION:
      return vp_organisation_get_name (change->object);
    case VP_ENTITY_SESSION:
    default:
      return vp_session_get_title (change->object);
    }
}

char *
vp_snapshot_change_get_details (VpSnapshotChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->action)
    {
    case VP_CHANGE_ADDED:
      return added_details (change);
    case VP_CHANGE_CHANGED:
    case VP_CHANGE_CANCELLED:
      return changed_details (change);
    case VP_CHANGE_REMOVED:
    default:
      return NULL;
    }
}

char *
vp_snapshot_change_describe (VpSnapshotChange *change)
{
  g_autofree char *name = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  name = one_line (vp_snapshot_change_get_name (change));
  if (name == NULL)
    name = g_strdup ("");
  details = vp_snapshot_change_get_details (change);

  /* Translators: one change an import makes, on a line of its own: what
   * happens, the name of what it happens to and, after a dash, what the
   * import preview shows under that name (“added: Rūta Kazlauskienė —
   * ruta@example.lt · Kaunas Tech · Lithuania”, “changed: Kaunas Tech —
   * Changes: city”). */
  switch (change->action)
    {
    case VP_CHANGE_ADDED:
      return details != NULL ? g_strdup_printf (_("added: %s — %s"), name, details)
                             : g_strdup_printf (_("added: %s"), name);
    case VP_CHANGE_CHANGED:
      return details != NULL ? g_strdup_printf (_("changed: %s — %s"), name, details)
                             : g_strdup_printf (_("changed: %s"), name);
    case VP_CHANGE_REMOVED:
      return g_strdup_printf (_("removed: %s"), name);
    case VP_CHANGE_CANCELLED:
    default:
      return details != NULL ? g_strdup_printf (_("cancelled: %s — %s"), name, details)
                             : g_strdup_printf (_("cancelled: %s"), name);
    }
}

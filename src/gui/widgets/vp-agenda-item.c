/* vp-agenda-item.c: one row of the agenda's list: a day's heading, or a session. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-agenda-item.h"
#include "vp-format.h"

struct _VpAgendaItem
{
  GObject          parent_instance;

  gboolean         heading;
  char            *uid;
  char            *times;
  char            *title;
  char            *host;
  VpSessionStatus  status;
  int              severity;
  char            *problems;
};

G_DEFINE_FINAL_TYPE (VpAgendaItem, vp_agenda_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vp_agenda_item_finalize (GObject *object)
{
  VpAgendaItem *self = VP_AGENDA_ITEM (object);

  g_free (self->uid);
  g_free (self->times);
  g_free (self->title);
  g_free (self->host);
  g_free (self->problems);

  G_OBJECT_CLASS (vp_agenda_item_parent_class)->finalize (object);
}

static void
vp_agenda_item_class_init (VpAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_agenda_item_finalize;

  /* What it shows changed (vp_agenda_item_assign()): a row shows it again. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
vp_agenda_item_init (VpAgendaItem *self)
{
  self->severity = -1;
}

VpAgendaItem *
vp_agenda_item_new_heading (const char *title)
{
  VpAgendaItem *self = g_object_new (VP_TYPE_AGENDA_ITEM, NULL);

  self->heading = TRUE;
  self->title = g_strdup (title);
  return self;
}

VpAgendaItem *
vp_agenda_item_new_session (const char      *uid,
                            const char      *times,
                            const char      *title,
                            const char      *host,
                            VpSessionStatus  status,
                            int              severity,
                            const char      *problems)
{
  VpAgendaItem *self = g_object_new (VP_TYPE_AGENDA_ITEM, NULL);

  self->uid = g_strdup (uid);
  self->times = g_strdup (times);
  self->title = g_strdup (title);
  self->host = g_strdup (host);
  self->status = status;
  self->severity = severity;
  self->problems = g_strdup (problems);
  return self;
}

gboolean
vp_agenda_item_is_heading (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), FALSE);

  return self->heading;
}

const char *
vp_agenda_item_get_uid (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), NULL);

  return self->uid;
}

const char *
vp_agenda_item_get_times (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), NULL);

  return self->times;
}

const char *
vp_agenda_item_get_title (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), NULL);

  return self->title;
}

const char *
vp_agenda_item_get_host (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), NULL);

  return self->host;
}

VpSessionStatus
vp_agenda_item_get_status (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), VP_SESSION_STATUS_CONFIRMED);

  return self->status;
}

int
vp_agenda_item_get_severity (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), -1);

  return self->severity;
}

const char *
vp_agenda_item_get_problems (VpAgendaItem *self)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), NULL);

  return self->problems;
}

char *
vp_agenda_format_times (const VpLocalTime *start,
                        const VpLocalTime *end)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *end_text = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  if (start->year == end->year && start->month == end->month && start->day == end->day)
    /* Translators: a session's times on one day, “09:15–10:45” */
    return g_strdup_printf (_("%02d:%02d–%02d:%02d"),
                            start->hour, start->minute, end->hour, end->minute);

  date_time = g_date_time_new_utc (end->year, end->month, end->day, end->hour, end->minute, 0);
  /* Translators: the end of a session on a later day, as in “Wed 01:30”;
   * see g_date_time_format().  xgettext:no-c-format */
  end_text = vp_format_date_time (date_time, C_("end on another day", "%a %H:%M"));

  /* Translators: a session's times over two days, “22:30 – Wed 01:30” */
  return g_strdup_printf (_("%02d:%02d – %s"), start->hour, start->minute, end_text);
}

void
vp_agenda_item_assign (VpAgendaItem *self,
                       VpAgendaItem *other)
{
  g_return_if_fail (VP_IS_AGENDA_ITEM (self));
  g_return_if_fail (VP_IS_AGENDA_ITEM (other));

  self->heading = other->heading;
  g_free (self->uid);
  self->uid = g_strdup (other->uid);
  g_free (self->times);
  self->times = g_strdup (other->times);
  g_free (self->title);
  self->title = g_strdup (other->title);
  g_free (self->host);
  self->host = g_strdup (other->host);
  self->status = other->status;
  self->severity = other->severity;
  g_free (self->problems);
  self->problems = g_strdup (other->problems);

  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
vp_agenda_item_set_problems (VpAgendaItem *self,
                             int           severity,
                             const char   *problems)
{
  g_return_val_if_fail (VP_IS_AGENDA_ITEM (self), FALSE);

  if (self->severity == severity && g_strcmp0 (self->problems, problems) == 0)
    return FALSE;

  self->severity = severity;
  g_free (self->problems);
  self->problems = g_strdup (problems);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

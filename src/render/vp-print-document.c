/* vp-print-document.c: a programme laid out on paper: agenda, host, contact and grant sheets,
 * attendance sheets, certificates, catering sheet, rooming list, name badges. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-document-i18n.h"

#include "vp-print-badges.h"
#include "vp-print-catering.h"
#include "vp-print-document.h"
#include "vp-print-document-private.h"
#include "vp-print-paperwork.h"
#include "vp-print-rooming.h"
#include "vp-print-sheets.h"
#include "vp-time.h"
#include "vp-render-enum-types.h"

#define EPSILON 0.01
/* Between the page header or footer and the text. */
#define HEADER_GAP 14.0
/* A block no taller than this part of a page moves whole to the next page
 * rather than split. */
#define SMALL_BLOCK 0.25

/* One block, or the part of it between @from and @to, at @y of a page's body. */
typedef struct
{
  VpPrintBlock *block;
  double        from;
  double        to;
  double        y;
  gboolean      forced;  /* cut where it had no break: drawn clipped */
  gboolean      repeat;  /* a heading repeated at the top of a page */
} Placement;

/* A page header's and footer's texts, their layouts and recordings, in
 * one language. */
typedef struct
{
  char            *title;
  char            *label;
  PangoLayout     *title_layout;
  PangoLayout     *label_layout;
  PangoLayout     *printed_layout;
  cairo_surface_t *header;
  cairo_surface_t *footer;
} Heading;

static void
heading_free (gpointer data)
{
  Heading *heading = data;

  g_free (heading->title);
  g_free (heading->label);
  g_clear_object (&heading->title_layout);
  g_clear_object (&heading->label_layout);
  g_clear_object (&heading->printed_layout);
  g_clear_pointer (&heading->header, cairo_surface_destroy);
  g_clear_pointer (&heading->footer, cairo_surface_destroy);
  g_free (heading);
}

typedef struct
{
  guint       first;     /* index into placements */
  guint       n;
  gboolean    reader;    /* a reader's page, in their language: */
  VpLanguage *language;  /* NULL: gettext's */
} Page;

struct _VpPrintDocument
{
  GObject         parent_instance;

  VpSnapshot     *snapshot;
  VpPrintLayout   layout;
  char           *subject;
  GDateTime      *printed;
  VpBudget       *budget;
  GPtrArray      *organisation_visits;
  VpLanguage     *language;     /* NULL: the thread's document language, else gettext's */

  /* Resolved from the subject: borrowed from the snapshot. */
  VpParticipant  *participant;
  VpHost         *host;
  GDate           day;          /* the attendance sheets' day, or cleared */
  VpOrganisation *organisation;

  /* The last pagination. */
  gboolean        paginated;
  VpPrintSheet    sheet;
  GArray         *placements;
  GArray         *pages;
  double          page_width;
  double          page_height;
  double          margin_top;
  double          margin_right;
  double          margin_bottom;
  double          margin_left;
  double          body_top;
  double          body_height;
  char           *header_title;
  char           *header_label;
  /* What every page's header and footer repeat, shaped at its first. */
  PangoLayout    *title_layout;
  PangoLayout    *label_layout;
  PangoLayout    *printed_layout;
  double          footer_height;
  cairo_surface_t *header;      /* their recordings */
  cairo_surface_t *footer;
  VpLanguage     *header_language;  /* what the header's texts are in */
  GHashTable     *headings;     /* VpLanguage → Heading: those of the other languages */
};

static void vp_print_document_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpPrintDocument, vp_print_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      vp_print_document_initable_iface_init))

G_DEFINE_QUARK (vp-print-error-quark, vp_print_error)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  PROP_LAYOUT,
  PROP_SUBJECT,
  PROP_PRINTED,
  PROP_BUDGET,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_pagination (VpPrintDocument *self)
{
  if (self->paginated)
    vp_print_sheet_clear (&self->sheet);
  self->paginated = FALSE;
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->header_title, g_free);
  g_clear_pointer (&self->header_label, g_free);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->label_layout);
  g_clear_object (&self->printed_layout);
  g_clear_pointer (&self->header, cairo_surface_destroy);
  g_clear_pointer (&self->footer, cairo_surface_destroy);
  g_clear_pointer (&self->headings, g_hash_table_unref);
}

static void
vp_print_document_dispose (GObject *object)
{
  VpPrintDocument *self = VP_PRINT_DOCUMENT (object);

  clear_pagination (self);
  self->participant = NULL;
  self->host = NULL;
  self->organisation = NULL;
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (vp_print_document_parent_class)->dispose (object);
}

static void
vp_print_document_finalize (GObject *object)
{
  VpPrintDocument *self = VP_PRINT_DOCUMENT (object);

  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_pointer (&self->budget, vp_budget_unref);
  g_clear_pointer (&self->organisation_visits, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_print_document_parent_class)->finalize (object);
}

static void
vp_print_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VpPrintDocument *self = VP_PRINT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_PRINTED:
      g_value_set_boxed (value, self->printed);
      break;

    case PROP_BUDGET:
      g_value_set_boxed (value, self->budget);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, vp_print_document_get_n_pages (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_print_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VpPrintDocument *self = VP_PRINT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      self->snapshot = g_value_dup_object (value);
      break;

    case PROP_LAYOUT:
      self->layout = g_value_get_enum (value);
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_string (value);
      break;

    case PROP_PRINTED:
      vp_print_document_set_printed (self, g_value_get_boxed (value));
      break;

    case PROP_BUDGET:
      vp_print_document_set_budget (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_print_document_class_init (VpPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_print_document_dispose;
  object_class->finalize = vp_print_document_finalize;
  object_class->get_property = vp_print_document_get_property;
  object_class->set_property = vp_print_document_set_property;

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         VP_TYPE_SNAPSHOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       VP_TYPE_PRINT_LAYOUT,
                       VP_PRINT_LAYOUT_AGENDA,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PRINTED] =
    g_param_spec_boxed ("printed", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUDGET] =
    g_param_spec_boxed ("budget", NULL, NULL,
                        VP_TYPE_BUDGET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_print_document_init (VpPrintDocument *self)
{
  self->printed = g_date_time_new_now_local ();
  g_date_clear (&self->day, 1);
}

static const char *
programme_title (VpPrintDocument *self)
{
  return vp_programme_get_title (vp_snapshot_get_programme (self->snapshot));
}

/* The attendance sheets' day, when the subject names one: a real day with
 * a sheet; and at least one sheet in any case. */
static gboolean
resolve_day (VpPrintDocument  *self,
             GError          **error)
{
  g_auto(GStrv) days = vp_print_attendance_days (self->snapshot);

  if (self->subject == NULL)
    {
      if (days[0] != NULL)
        return TRUE;
      g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING,
                   _("programme “%s” has no visit, meeting, B2B meeting or workshop that is not "
                     "cancelled: there is no attendance sheet to print"), programme_title (self));
      return FALSE;
    }

  if (!vp_date_parse (self->subject, &self->day, NULL))
    {
      g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT,
                   _("“%s” is not a day: give it as YYYY-MM-DD, such as 2027-04-13"),
                   self->subject);
      return FALSE;
    }

  if (!g_strv_contains ((const char * const *)days, self->subject))
    {
      g_autofree char *text = vp_date_format (&self->day);

      g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING,
                   _("programme “%s” has no visit, meeting, B2B meeting or workshop on %s: "
                     "there is no attendance sheet to print that day"),
                   programme_title (self), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
vp_print_document_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  VpPrintDocument *self = VP_PRINT_DOCUMENT (initable);

  if (self->snapshot == NULL)
    {
      g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_FAILED,
                           _("nothing to print: no programme"));
      return FALSE;
    }

  switch (self->layout)
    {
    case VP_PRINT_LAYOUT_CERTIFICATE:
      if (self->subject == NULL && vp_snapshot_get_participants (self->snapshot)->len == 0)
        {
          g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NOTHING,
                       _("programme “%s” has no participants: there is no certificate to "
                         "print"), programme_title (self));
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case VP_PRINT_LAYOUT_AGENDA:
      if (self->subject == NULL)
        return TRUE;
      self->participant = vp_snapshot_lookup_participant_by_email (self->snapshot, self->subject);
      if (self->participant == NULL)
        self->participant = vp_snapshot_lookup_participant (self->snapshot, self->subject);
      if (self->participant == NULL)
        {
          g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT,
                       _("programme “%s” has no participant with the email or id “%s”"),
                       programme_title (self), self->subject);
          return FALSE;
        }
      return TRUE;

    case VP_PRINT_LAYOUT_HOST_SHEET:
      if (self->subject == NULL)
        {
          g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NO_SUBJECT,
                               _("a host sheet is for one host: name it by its id"));
          return FALSE;
        }
      self->host = vp_snapshot_lookup_host (self->snapshot, self->subject);
      if (self->host == NULL)
        {
          g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT,
                       _("programme “%s” has no host with the id “%s”"),
                       programme_title (self), self->subject);
          return FALSE;
        }
      return TRUE;

    case VP_PRINT_LAYOUT_CONTACTS:
      if (self->subject != NULL)
        {
          g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED,
                               _("the contact sheet is for the whole group: it takes no "
                                 "participant or host"));
          return FALSE;
        }
      return TRUE;

    case VP_PRINT_LAYOUT_BUDGET:
      if (self->subject != NULL)
        {
          g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED,
                               _("the grant sheet is for the whole programme: it takes no "
                                 "participant or host"));
          return FALSE;
        }
      return TRUE;

    case VP_PRINT_LAYOUT_ATTENDANCE:
      return resolve_day (self, error);

    case VP_PRINT_LAYOUT_CATERING:
    case VP_PRINT_LAYOUT_ROOMING:
    case VP_PRINT_LAYOUT_BADGES:
      if (self->subject != NULL)
        {
          g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_SUBJECT_REFUSED,
                       /* TRANSLATORS: %s is the layout's name: catering, rooming or badges */
                       _("the %s layout is for the whole group: it takes no participant or "
                         "host"), vp_enum_to_nick (VP_TYPE_PRINT_LAYOUT, self->layout));
          return FALSE;
        }
      return TRUE;

    case VP_PRINT_LAYOUT_QUALITY_COMMITMENT:
      if (self->subject == NULL)
        return TRUE;
      {
        GPtrArray *organisations = vp_snapshot_get_organisations (self->snapshot);

        for (guint i = 0; i < organisations->len && self->organisation == NULL; i++)
          if (g_strcmp0 (vp_organisation_get_uid (g_ptr_array_index (organisations, i)),
                         self->subject) == 0)
            self->organisation = g_ptr_array_index (organisations, i);
      }
      if (self->organisation == NULL)
        self->organisation = vp_snapshot_lookup_organisation_by_name (self->snapshot,
                                                                      self->subject);
      if (self->organisation == NULL)
        {
          g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_UNKNOWN_SUBJECT,
                       _("programme “%s” has no organisation with the uid or name “%s”"),
                       programme_title (self), self->subject);
          return FALSE;
        }
      return TRUE;

    default:
      g_set_error (error, VP_PRINT_ERROR, VP_PRINT_ERROR_FAILED,
                   _("unknown print layout %d"), (int)self->layout);
      return FALSE;
    }
}

static void
vp_print_document_initable_iface_init (GInitableIface *iface)
{
  iface->init = vp_print_document_initable_init;
}

VpPrintDocument *
vp_print_document_new (VpSnapshot     *snapshot,
                       VpPrintLayout   layout,
                       const char     *subject,
                       GError        **error)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (VP_TYPE_PRINT_DOCUMENT, NULL, error,
                         "snapshot", snapshot,
                         "layout", layout,
                         "subject", subject,
                         NULL);
}

VpSnapshot *
vp_print_document_get_snapshot (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->snapshot;
}

VpPrintLayout
vp_print_document_get_layout (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), VP_PRINT_LAYOUT_AGENDA);

  return self->layout;
}

const char *
vp_print_document_get_subject (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->subject;
}

GDateTime *
vp_print_document_get_printed (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->printed;
}

void
vp_print_document_set_printed (VpPrintDocument *self,
                               GDateTime       *printed)
{
  g_return_if_fail (VP_IS_PRINT_DOCUMENT (self));

  if (printed == NULL)
    printed = g_date_time_new_now_local ();
  else
    g_date_time_ref (printed);

  if (self->printed != NULL && g_date_time_equal (self->printed, printed))
    {
      g_date_time_unref (printed);
      return;
    }

  g_clear_pointer (&self->printed, g_date_time_unref);
  self->printed = printed;
  g_clear_object (&self->printed_layout);
  g_clear_pointer (&self->footer, cairo_surface_destroy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTED]);
}

VpBudget *
vp_print_document_get_budget (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->budget;
}

void
vp_print_document_set_budget (VpPrintDocument *self,
                              VpBudget        *budget)
{
  g_return_if_fail (VP_IS_PRINT_DOCUMENT (self));

  if (self->budget == budget)
    return;

  g_clear_pointer (&self->budget, vp_budget_unref);
  if (budget != NULL)
    self->budget = vp_budget_ref (budget);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

GPtrArray *
vp_print_document_get_organisation_visits (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->organisation_visits;
}

void
vp_print_document_set_organisation_visits (VpPrintDocument *self,
                                           GPtrArray       *organisation_visits)
{
  g_return_if_fail (VP_IS_PRINT_DOCUMENT (self));

  if (organisation_visits != NULL)
    g_ptr_array_ref (organisation_visits);
  g_clear_pointer (&self->organisation_visits, g_ptr_array_unref);
  self->organisation_visits = organisation_visits;
}

const char *
vp_print_document_get_language (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  return self->language != NULL ? vp_language_get_code (self->language) : NULL;
}

gboolean
vp_print_document_set_language (VpPrintDocument  *self,
                                const char       *code,
                                GError          **error)
{
  VpLanguage *language = NULL;

  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (code != NULL)
    {
      language = vp_language_get (code, error);
      if (language == NULL)
        return FALSE;
    }
  if (language != self->language)
    {
      self->language = language;
      clear_pagination (self);
    }
  return TRUE;
}

const char *
vp_print_document_get_reader_language (VpPrintDocument *self)
{
  const char *code = NULL;

  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);

  if (self->layout == VP_PRINT_LAYOUT_HOST_SHEET && self->host != NULL)
    code = vp_host_get_language (self->host);
  else if ((self->layout == VP_PRINT_LAYOUT_AGENDA || self->layout == VP_PRINT_LAYOUT_CERTIFICATE)
           && self->participant != NULL)
    code = vp_participant_get_language (self->participant);
  return code != NULL && code[0] != '\0' ? code : NULL;
}

guint
vp_print_document_get_n_pages (VpPrintDocument *self)
{
  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/* Pagination {{{1 */

static void
start_page (VpPrintDocument *self)
{
  Page page = { self->placements->len, 0, FALSE, NULL };

  g_array_append_val (self->pages, page);
}

static void
place (VpPrintDocument *self,
       VpPrintBlock    *block,
       double           from,
       double           to,
       double           y,
       gboolean         forced)
{
  Placement placement = { block, from, to, y, forced, FALSE };

  g_array_append_val (self->placements, placement);
  g_array_index (self->pages, Page, self->pages->len - 1).n++;
}

/* A new page for @block (or what is left of it): under the heading it
 * repeats, unless it is a heading itself.  Returns the height used. */
static double
new_page_for (VpPrintDocument *self,
              VpPrintBlock    *block)
{
  VpPrintBlock *repeat = vp_print_block_get_repeat (block);

  start_page (self);
  if (repeat == NULL || vp_print_block_get_kind (block) == VP_PRINT_BLOCK_HEADING ||
      vp_print_block_get_height (repeat) > self->body_height / 3)
    return 0;

  place (self, repeat, 0, vp_print_block_get_height (repeat), 0, FALSE);
  g_array_index (self->placements, Placement, self->placements->len - 1).repeat = TRUE;
  return vp_print_block_get_height (repeat);
}

/* What must share a page with the heading above block @index: the headings
 * that follow it, then all of a small block (it moves on whole), else the
 * lines a block keeps together. */
static double
leading_height (GPtrArray *blocks,
                guint      index,
                double     page)
{
  double need = 0;

  /* Headings in a row (a section's, then a table's) all go on together. */
  for (; index < blocks->len; index++)
    {
      VpPrintBlock *block = g_ptr_array_index (blocks, index);
      double height = vp_print_block_get_height (block);

      need += vp_print_block_get_space_above (block);
      if (vp_print_block_get_kind (block) == VP_PRINT_BLOCK_HEADING)
        need += height;
      else
        return need + (height <= page * SMALL_BLOCK ? height
                                                    : vp_print_block_first_break (block, 0));
    }

  return need;
}

static void
flow_blocks (VpPrintDocument *self)
{
  GPtrArray *blocks = self->sheet.blocks;
  double page = self->body_height;
  double y = 0;
  gboolean fresh = TRUE;  /* nothing on the page but a repeated heading */

  start_page (self);

  for (guint i = 0; i < blocks->len; i++)
    {
      VpPrintBlock *block = g_ptr_array_index (blocks, i);
      VpPrintBlock *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;
      gboolean heading = vp_print_block_get_kind (block) == VP_PRINT_BLOCK_HEADING;
      double height = vp_print_block_get_height (block);
      double from = 0;

      /* A page of its own: a page with nothing on it yet is taken, without
       * the heading it repeats from what went before. */
      if (vp_print_block_get_new_page (block))
        {
          Page *current = &g_array_index (self->pages, Page, self->pages->len - 1);

          if (fresh)
            {
              g_array_set_size (self->placements, current->first);
              current->n = 0;
            }
          else
            start_page (self);
          y = 0;
          fresh = TRUE;
        }

      for (;;)
        {
          double space = (!fresh && from == 0) ? vp_print_block_get_space_above (block) : 0;
          double available = page - y - space;
          double rest = height - from;
          double cut;

          /* A heading goes on with the first lines of what it heads. */
          if (heading && !fresh && next != NULL)
            {
              double need = rest + leading_height (blocks, i + 1, page);

              if (need > available + EPSILON && need <= page)
                {
                  y = new_page_for (self, block);
                  fresh = TRUE;
                  continue;
                }
            }

          if (rest <= available + EPSILON)
            {
              place (self, block, from, height, y + space, FALSE);
              y += space + rest;
              fresh = FALSE;
              break;
            }

          /* It does not fit: a small block moves on whole. */
          if (!fresh && from == 0 && (heading || height <= page * SMALL_BLOCK))
            {
              y = new_page_for (self, block);
              fresh = TRUE;
              continue;
            }

          cut = vp_print_block_find_break (block, from, from + available, from == 0);
          if (cut > from + EPSILON)
            {
              place (self, block, from, cut, y + space, FALSE);
              from = cut;
              y = new_page_for (self, block);
              fresh = TRUE;
              continue;
            }

          if (!fresh)
            {
              y = new_page_for (self, block);
              fresh = TRUE;
              continue;
            }

          /* Alone on a page and still too tall: break where it may, else cut
           * it at the page's end (drawn clipped) rather than off the page. */
          cut = vp_print_block_find_break (block, from, from + available, FALSE);
          if (cut <= from + EPSILON)
            {
              cut = from + MAX (available, page / 2);
              place (self, block, from, cut, y, TRUE);
            }
          else
            place (self, block, from, cut, y, FALSE);
          from = cut;
          y = new_page_for (self, block);
          fresh = TRUE;
        }
    }

  /* A repeated heading alone on the last page: nothing follows it. */
  if (self->pages->len > 1 && fresh)
    {
      Page *last = &g_array_index (self->pages, Page, self->pages->len - 1);

      g_array_set_size (self->placements, last->first);
      g_array_set_size (self->pages, self->pages->len - 1);
    }
}

/* Everyone's certificates with no language set: each participant's pages
 * in their own. */
static gboolean
has_readers (VpPrintDocument *self)
{
  return self->layout == VP_PRINT_LAYOUT_CERTIFICATE && self->participant == NULL &&
         self->language == NULL;
}

/* A page is in the language of its reader's blocks on it. */
static void
find_page_readers (VpPrintDocument *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);

      for (guint j = page->first; j < page->first + page->n && !page->reader; j++)
        {
          Placement *placement = &g_array_index (self->placements, Placement, j);
          gpointer language;

          if (g_hash_table_lookup_extended (self->sheet.readers, placement->block, NULL,
                                            &language))
            {
              page->reader = TRUE;
              page->language = language;
            }
        }
    }
}

static double
text_height (VpPrintDocument *self,
             VpPrintFont      font)
{
  g_autoptr(PangoLayout) layout = vp_print_sheet_text (&self->sheet, font, 0, "Ag");
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static void
build_header_texts (VpPrintDocument *self)
{
  const char *title = programme_title (self);

  self->header_title = g_strdup (title != NULL ? title : "");

  switch (self->layout)
    {
    case VP_PRINT_LAYOUT_AGENDA:
      if (self->participant != NULL)
        /* TRANSLATORS: the page header of a participant's printed agenda */
        self->header_label = g_strdup_printf (_("Agenda for %s"),
                                              vp_participant_get_name (self->participant));
      else
        /* TRANSLATORS: the page header of the printed programme agenda */
        self->header_label = g_strdup (_("Agenda"));
      break;

    case VP_PRINT_LAYOUT_HOST_SHEET:
      /* TRANSLATORS: the page header of a printed host sheet: "Host sheet: Femtolux Lasers" */
      self->header_label = g_strdup_printf (_("Host sheet: %s"), vp_host_get_name (self->host));
      break;

    case VP_PRINT_LAYOUT_CONTACTS:
      /* TRANSLATORS: the page header of the printed contact sheet */
      self->header_label = g_strdup (_("Confidential — for the coordinator only"));
      break;

    case VP_PRINT_LAYOUT_BUDGET:
      /* TRANSLATORS: the page header of the printed ClusterXChange grant sheet */
      self->header_label = g_strdup (_("ClusterXChange grant sheet"));
      break;

    case VP_PRINT_LAYOUT_ATTENDANCE:
      if (g_date_valid (&self->day))
        {
          g_autofree char *day = vp_print_format_day (&self->day);

          /* TRANSLATORS: the page header of one day's printed attendance sheets:
           * "Attendance sheets: Tuesday 13 April 2027" */
          self->header_label = g_strdup_printf (_("Attendance sheets: %s"), day);
        }
      else
        /* TRANSLATORS: the page header of the printed attendance sheets */
        self->header_label = g_strdup (_("Attendance sheets"));
      break;

    case VP_PRINT_LAYOUT_CERTIFICATE:
      /* TRANSLATORS: the page header of the printed certificates of attendance */
      self->header_label = g_strdup (_("Certificate of attendance"));
      break;

    case VP_PRINT_LAYOUT_CATERING:
      /* TRANSLATORS: the page header of the printed catering sheet (meals and needs) */
      self->header_label = g_strdup (_("Catering sheet"));
      break;

    case VP_PRINT_LAYOUT_ROOMING:
      /* TRANSLATORS: the page header of the printed rooming list (hotel stays) */
      self->header_label = g_strdup (_("Rooming list"));
      break;

    case VP_PRINT_LAYOUT_BADGES:
      /* TRANSLATORS: the page header of the printed name badges */
      self->header_label = g_strdup (_("Name badges"));
      break;

    case VP_PRINT_LAYOUT_QUALITY_COMMITMENT:
      if (self->organisation != NULL)
        /* TRANSLATORS: the page header of one organisation's printed Commitment to
         * Quality: "Commitment to Quality: Lumiray Oy" */
        self->header_label = g_strdup_printf (_("Commitment to Quality: %s"),
                                              vp_organisation_get_name (self->organisation));
      else
        /* TRANSLATORS: the page header of the printed Commitments to Quality, one per
         * visiting organisation, a draft of the ClusterXChange scheme's document */
        self->header_label = g_strdup (_("Commitment to Quality (draft)"));
      break;

    default:
      g_assert_not_reached ();
    }
}

guint
vp_print_document_paginate (VpPrintDocument *self,
                            PangoContext    *context,
                            double           page_width,
                            double           page_height,
                            double           margin_top,
                            double           margin_right,
                            double           margin_bottom,
                            double           margin_left)
{
  cairo_font_options_t *options;
  double body_width;
  double header, footer;
  VpLanguage *previous;

  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (page_width > margin_left + margin_right + 72, 0);
  g_return_val_if_fail (page_height > margin_top + margin_bottom + 144, 0);

  clear_pagination (self);
  previous = vp_language_set_document (self->language != NULL ? self->language
                                                              : vp_language_get_document ());

  /* Font sizes in points; glyph advances as designed, not as a screen
   * would round them, so that the page looks the same on any printer. */
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  /* At 72 dpi a rounded glyph position is a whole point: letters would
   * stand unevenly and right-aligned text would miss its edge. */
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_changed (context);

  self->page_width = page_width;
  self->page_height = page_height;
  self->margin_top = margin_top;
  self->margin_right = margin_right;
  self->margin_bottom = margin_bottom;
  self->margin_left = margin_left;
  body_width = page_width - margin_left - margin_right;

  /* The sheet measures with the body's height first, for its own limits. */
  vp_print_sheet_init (&self->sheet, context, self->snapshot, body_width,
                       page_height - margin_top - margin_bottom);
  self->paginated = TRUE;
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  if (has_readers (self))
    self->sheet.readers = g_hash_table_new (NULL, NULL);
  self->header_language = vp_language_get_document ();
  build_header_texts (self);

  header = MAX (text_height (self, VP_PRINT_FONT_SMALL),
                text_height (self, VP_PRINT_FONT_SMALL_BOLD));
  footer = text_height (self, VP_PRINT_FONT_SMALL);
  self->body_top = margin_top + header + 3 + 0.5 + HEADER_GAP;
  self->body_height = page_height - margin_bottom - footer - 4 - HEADER_GAP - self->body_top;
  self->sheet.height = self->body_height;

  switch (self->layout)
    {
    case VP_PRINT_LAYOUT_AGENDA:
      vp_print_sheet_build_agenda (&self->sheet, self->participant);
      break;

    case VP_PRINT_LAYOUT_HOST_SHEET:
      vp_print_sheet_build_host (&self->sheet, self->host);
      break;

    case VP_PRINT_LAYOUT_CONTACTS:
      vp_print_sheet_build_contacts (&self->sheet);
      break;

    case VP_PRINT_LAYOUT_BUDGET:
      {
        /* Made here, its reasons in the document's language, unless given. */
        g_autoptr(VpBudget) budget = self->budget != NULL
                                     ? vp_budget_ref (self->budget)
                                     : vp_budget_new (self->snapshot, self->organisation_visits);

        vp_print_sheet_build_budget (&self->sheet, budget);
      }
      break;

    case VP_PRINT_LAYOUT_ATTENDANCE:
      vp_print_sheet_build_attendance (&self->sheet,
                                       g_date_valid (&self->day) ? &self->day : NULL);
      break;

    case VP_PRINT_LAYOUT_CERTIFICATE:
      vp_print_sheet_build_certificate (&self->sheet, self->participant);
      break;

    case VP_PRINT_LAYOUT_CATERING:
      vp_print_sheet_build_catering (&self->sheet);
      break;

    case VP_PRINT_LAYOUT_ROOMING:
      vp_print_sheet_build_rooming (&self->sheet);
      break;

    case VP_PRINT_LAYOUT_BADGES:
      {
        guint columns, rows;

        /* The grid follows the paper's shape, whatever its margins. */
        vp_print_badge_grid (page_width, page_height, &columns, &rows);
        vp_print_sheet_build_badges (&self->sheet, columns, rows);
      }
      break;

    case VP_PRINT_LAYOUT_QUALITY_COMMITMENT:
      vp_print_sheet_build_commitment (&self->sheet, self->organisation);
      break;

    default:
      g_assert_not_reached ();
    }

  flow_blocks (self);
  if (self->sheet.readers != NULL)
    find_page_readers (self);
  vp_language_set_document (previous);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  return self->pages->len;
}

/* Drawing {{{1 */

static PangoLayout *
header_text (VpPrintDocument *self,
             VpPrintFont      font,
             const char      *text,
             double           width,
             PangoAlignment   alignment)
{
  PangoLayout *layout = vp_print_sheet_text (&self->sheet, font, 0, text);

  /* One line, whatever the text: a long title ends in "…". */
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

static double
natural_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

static double
footer_top (VpPrintDocument *self)
{
  return self->page_height - self->margin_bottom - self->footer_height;
}

/* What every page's header holds but its rule: the programme left and the
 * layout right (the layout wins the space). */
static void
draw_page_header_cb (cairo_t  *cr,
                     gpointer  data)
{
  VpPrintDocument *self = data;
  double left = self->margin_left;
  double width = self->page_width - self->margin_left - self->margin_right;
  gboolean confidential = self->layout == VP_PRINT_LAYOUT_CONTACTS;
  PangoLayout *label = self->label_layout;
  PangoLayout *title = self->title_layout;
  double label_width = (double)pango_layout_get_width (label) / PANGO_SCALE;
  int header_height = MAX (pango_layout_get_baseline (title), pango_layout_get_baseline (label));

  vp_print_layout_draw (cr, title, left,
                        self->margin_top +
                        (double)(header_height - pango_layout_get_baseline (title)) / PANGO_SCALE,
                        VP_PRINT_COLOUR_MUTED);
  vp_print_layout_draw (cr, label, left + width - label_width,
                        self->margin_top +
                        (double)(header_height - pango_layout_get_baseline (label)) / PANGO_SCALE,
                        confidential ? VP_PRINT_COLOUR_TEXT : VP_PRINT_COLOUR_MUTED);
}

/* What every page's footer holds but its number and rule: when it was
 * printed. */
static void
draw_page_footer_cb (cairo_t  *cr,
                     gpointer  data)
{
  VpPrintDocument *self = data;

  vp_print_layout_draw (cr, self->printed_layout, self->margin_left, footer_top (self),
                        VP_PRINT_COLOUR_MUTED);
}

static void
draw_header_and_footer (VpPrintDocument *self,
                        cairo_t         *cr,
                        guint            page_nr)
{
  double left = self->margin_left;
  double width = self->page_width - self->margin_left - self->margin_right;
  gboolean confidential = self->layout == VP_PRINT_LAYOUT_CONTACTS;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *number_text = NULL;

  if (self->label_layout == NULL)
    {
      double label_width;

      self->label_layout = header_text (self, confidential ? VP_PRINT_FONT_SMALL_BOLD
                                                           : VP_PRINT_FONT_SMALL,
                                        self->header_label, width * 0.6, PANGO_ALIGN_RIGHT);
      label_width = MIN (natural_width (self->label_layout), width * 0.6);
      pango_layout_set_width (self->label_layout, pango_units_from_double (label_width));
      self->title_layout = header_text (self, VP_PRINT_FONT_SMALL, self->header_title,
                                        width - label_width - 18, PANGO_ALIGN_LEFT);
      self->footer_height = text_height (self, VP_PRINT_FONT_SMALL);
    }
  if (self->printed_layout == NULL)
    {
      /* TRANSLATORS: the date in a printed page's footer, as a g_date_time_format() format */
      g_autofree char *date = vp_document_format_date_time (self->printed, _("%-d %B %Y"));
      /* TRANSLATORS: a printed page's footer: "Printed 27 November 2026" */
      g_autofree char *printed_text = g_strdup_printf (_("Printed %s"), date);

      self->printed_layout = header_text (self, VP_PRINT_FONT_SMALL, printed_text,
                                          width * 0.6 - 18, PANGO_ALIGN_LEFT);
      g_clear_pointer (&self->footer, cairo_surface_destroy);
    }

  /* The same on every page: a recording each (not one of both, which
   * would span the body between them). */
  if (self->header == NULL)
    {
      /* The room above the body. */
      cairo_rectangle_t logical = {
        self->margin_left, self->margin_top, width, self->body_top - self->margin_top,
      };

      self->header = vp_print_record (draw_page_header_cb, self, &logical);
    }
  if (self->footer == NULL)
    {
      /* The room below it. */
      cairo_rectangle_t logical = {
        self->margin_left, footer_top (self), width, self->footer_height,
      };

      self->footer = vp_print_record (draw_page_footer_cb, self, &logical);
    }
  cairo_save (cr);
  vp_print_paint_recording (cr, self->header, 0, 0);
  vp_print_paint_recording (cr, self->footer, 0, 0);
  cairo_restore (cr);
  /* The rules each a rectangle of its own, as a viewer draws them crisply. */
  vp_print_set_source_colour (cr, VP_PRINT_COLOUR_RULE);
  cairo_rectangle (cr, left, self->body_top - HEADER_GAP - 0.5, width, 0.5);
  cairo_fill (cr);
  cairo_rectangle (cr, left, footer_top (self) - 4, width, 0.5);
  cairo_fill (cr);

  /* TRANSLATORS: a printed page's footer: "Page 2 of 5" */
  number_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->pages->len);
  number = header_text (self, VP_PRINT_FONT_SMALL, number_text, width * 0.4, PANGO_ALIGN_RIGHT);
  vp_print_layout_draw (cr, number, left + width * 0.6, footer_top (self), VP_PRINT_COLOUR_MUTED);
}

void
vp_print_document_draw_page (VpPrintDocument *self,
                             cairo_t         *cr,
                             guint            page_nr)
{
  Page *page;
  double width;
  VpLanguage *language;
  VpLanguage *previous;

  g_return_if_fail (VP_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);
  width = self->page_width - self->margin_left - self->margin_right;
  if (page->reader)
    language = page->language;
  else
    language = self->language != NULL ? self->language : vp_language_get_document ();
  previous = vp_language_set_document (language);

  /* The header and footer in the page's language: those of the page
   * before kept for its language, this one's taken back or made. */
  if (language != self->header_language)
    {
      Heading *kept = g_new0 (Heading, 1);
      Heading *heading;

      kept->title = g_steal_pointer (&self->header_title);
      kept->label = g_steal_pointer (&self->header_label);
      kept->title_layout = g_steal_pointer (&self->title_layout);
      kept->label_layout = g_steal_pointer (&self->label_layout);
      kept->printed_layout = g_steal_pointer (&self->printed_layout);
      kept->header = g_steal_pointer (&self->header);
      kept->footer = g_steal_pointer (&self->footer);
      if (self->headings == NULL)
        self->headings = g_hash_table_new_full (NULL, NULL, NULL, heading_free);
      g_hash_table_replace (self->headings, self->header_language, kept);

      heading = g_hash_table_lookup (self->headings, language);
      if (heading != NULL)
        {
          self->header_title = g_steal_pointer (&heading->title);
          self->header_label = g_steal_pointer (&heading->label);
          self->title_layout = g_steal_pointer (&heading->title_layout);
          self->label_layout = g_steal_pointer (&heading->label_layout);
          self->printed_layout = g_steal_pointer (&heading->printed_layout);
          self->header = g_steal_pointer (&heading->header);
          self->footer = g_steal_pointer (&heading->footer);
          g_hash_table_remove (self->headings, language);
        }
      else
        build_header_texts (self);
      self->header_language = language;
    }

  cairo_save (cr);
  draw_header_and_footer (self, cr, page_nr);

  for (guint i = page->first; i < page->first + page->n; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);

      if (placement->forced)
        {
          cairo_save (cr);
          cairo_rectangle (cr, self->margin_left, self->body_top + placement->y,
                           width, placement->to - placement->from);
          cairo_clip (cr);
        }
      vp_print_block_draw (placement->block, cr, self->margin_left,
                           self->body_top + placement->y, placement->from, placement->to,
                           placement->forced);
      if (placement->forced)
        cairo_restore (cr);
    }
  cairo_restore (cr);
  vp_language_set_document (previous);
}

char *
vp_print_document_describe_page (VpPrintDocument *self,
                                 guint            page_nr)
{
  GString *out;
  Page *page;

  g_return_val_if_fail (VP_IS_PRINT_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->paginated && page_nr < self->pages->len, NULL);

  out = g_string_new (NULL);
  page = &g_array_index (self->pages, Page, page_nr);
  for (guint i = page->first; i < page->first + page->n; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);
      VpPrintBlock *block = placement->block;

      g_string_append_printf (out, "%s %s %.2f-%.2f/%.2f at %.2f%s%s\n",
                              vp_print_block_get_kind (block) == VP_PRINT_BLOCK_HEADING
                              ? "heading" : "content",
                              vp_print_block_get_tag (block),
                              placement->from, placement->to,
                              vp_print_block_get_height (block), placement->y,
                              placement->forced ? " forced" : "",
                              placement->repeat ? " repeat" : "");
    }

  return g_string_free (out, FALSE);
}

void
vp_print_document_get_body (VpPrintDocument *self,
                            double          *x,
                            double          *y,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (VP_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->paginated);

  *x = self->margin_left;
  *y = self->body_top;
  *width = self->page_width - self->margin_left - self->margin_right;
  *height = self->body_height;
}

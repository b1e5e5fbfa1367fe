/* vp-print-operation.c: printing a programme from the window, with the layout chosen in the print
 * dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-format.h"
#include "vp-language.h"
#include "vp-print-operation.h"
#include "vp-print-pdf.h"
#include "vp-time.h"

/* How long the Layout tab's preview waits for more changes, in ms. */
#define PREVIEW_DELAY 120
/* The preview's page, at most, in pixels. */
#define PREVIEW_WIDTH 212
#define PREVIEW_HEIGHT 300

/* The print dialog's Layout tab: what to print, and its pages small.  The
 * tab's widget owns it. */
typedef struct
{
  VpPrintOperation *operation; /* weak */
  GtkDropDown      *content_drop_down;
  GtkWidget        *subject_label;
  GtkDropDown      *subject_drop_down;
  GtkDropDown      *language_drop_down;
  GStrv             languages;    /* its codes, after the reader's own */
  GtkLabel         *hint;
  GtkWidget        *preview;
  GtkLabel         *page_label;
  GtkWidget        *previous_button;
  GtkWidget        *next_button;

  GtkPageSetup     *page_setup;
  PangoContext     *pango_context;
  VpPrintDocument  *document;
  guint             page;
  guint             update_source;
} LayoutTab;

struct _VpPrintOperation
{
  GtkPrintOperation  parent_instance;

  VpSnapshot        *snapshot;
  VpPrintContent     content;
  char              *subject;
  VpBudget          *budget;
  GPtrArray         *organisation_visits;
  char              *language;    /* NULL: the reader's, else the window's */

  VpPrintDocument   *document;
  GError            *document_error;
  GtkPageSetup      *used_page_setup;

  LayoutTab         *tab;
};

G_DEFINE_FINAL_TYPE (VpPrintOperation, vp_print_operation, GTK_TYPE_PRINT_OPERATION)

/* A choice of the subject drop-down that is no participant or host: "All
 * days", a day, "All participants". */
#define VP_TYPE_PRINT_CHOICE (vp_print_choice_get_type ())

G_DECLARE_FINAL_TYPE (VpPrintChoice, vp_print_choice, VP, PRINT_CHOICE, GObject)

struct _VpPrintChoice
{
  GObject  parent_instance;

  char    *ref;    /* NULL for all */
  char    *label;
};

G_DEFINE_FINAL_TYPE (VpPrintChoice, vp_print_choice, G_TYPE_OBJECT)

static void
vp_print_choice_finalize (GObject *object)
{
  VpPrintChoice *self = VP_PRINT_CHOICE (object);

  g_free (self->ref);
  g_free (self->label);

  G_OBJECT_CLASS (vp_print_choice_parent_class)->finalize (object);
}

static void
vp_print_choice_class_init (VpPrintChoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vp_print_choice_finalize;
}

static void
vp_print_choice_init (VpPrintChoice *self)
{
}

static VpPrintChoice *
vp_print_choice_new (const char *ref,
                     const char *label)
{
  VpPrintChoice *self = g_object_new (VP_TYPE_PRINT_CHOICE, NULL);

  self->ref = g_strdup (ref);
  self->label = g_strdup (label);
  return self;
}

static char *subject_label (GObject  *item,
                            gpointer  user_data);

enum {
  PROP_0,
  PROP_SNAPSHOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shared with the Export PDF dialog {{{1 */

VpPaperSize
vp_print_default_paper (void)
{
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  return g_strcmp0 (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER) == 0
         ? VP_PAPER_SIZE_LETTER : VP_PAPER_SIZE_A4;
}

const char *
vp_print_content_get_label (VpPrintContent content)
{
  switch (content)
    {
    case VP_PRINT_CONTENT_PARTICIPANT:
      return _("Participant’s Agenda");

    case VP_PRINT_CONTENT_HOST_SHEET:
      return _("Host Sheet");

    case VP_PRINT_CONTENT_CONTACTS:
      return _("Contacts");

    case VP_PRINT_CONTENT_BUDGET:
      /* Translators: the ClusterXChange grant sheet, a layout of the print dialog. */
      return _("Grant Sheet");

    case VP_PRINT_CONTENT_ATTENDANCE:
      /* Translators: a layout of the print dialog: a sheet per session to sign */
      return _("Attendance Sheets");

    case VP_PRINT_CONTENT_CERTIFICATE:
      /* Translators: a layout of the print dialog: certificates of attendance */
      return _("Certificates");

    case VP_PRINT_CONTENT_CATERING:
      /* Translators: a layout of the print dialog: the meals, the dietary and access needs. */
      return _("Catering Sheet");

    case VP_PRINT_CONTENT_ROOMING:
      /* Translators: a layout of the print dialog: the hotel stays, for the hotels. */
      return _("Rooming List");

    case VP_PRINT_CONTENT_BADGES:
      /* Translators: a layout of the print dialog. */
      return _("Name Badges");

    case VP_PRINT_CONTENT_QUALITY_COMMITMENT:
      /* Translators: the draft of the ClusterXChange scheme's document, one per visiting
       * organisation, a layout of the print dialog. */
      return _("Commitment to Quality");

    case VP_PRINT_CONTENT_AGENDA:
    default:
      return _("Agenda");
    }
}

const char *
vp_print_content_get_description (VpPrintContent content)
{
  switch (content)
    {
    case VP_PRINT_CONTENT_PARTICIPANT:
      return _("Only the sessions the participant attends, with their travel and hotel stays.");

    case VP_PRINT_CONTENT_HOST_SHEET:
      return _("For the host’s staff: the group, the sessions there, and the visitors’ "
               "dietary and accessibility needs. It holds personal data.");

    case VP_PRINT_CONTENT_CONTACTS:
      return _("Every participant’s phone and emergency contact. Confidential: for the "
               "coordinator only.");

    case VP_PRINT_CONTENT_BUDGET:
      return _("What each visiting organisation may claim under the ClusterXChange rules, "
               "the total, what is still unknown and the rules’ sources, to sign and file "
               "with the funder.");

    case VP_PRINT_CONTENT_ATTENDANCE:
      return _("A sheet per visit, meeting, B2B meeting and workshop for its attendees to "
               "sign, with rows for walk-ins and a line for the host’s signature and stamp: "
               "the evidence that the visit took place. Names, organisations and countries "
               "only.");

    case VP_PRINT_CONTENT_CERTIFICATE:
      return _("A certificate of attendance per participant: the programme, the dates they "
               "were there, their working days and the sessions they attended, to be signed "
               "by the host and visiting clusters.");

    case VP_PRINT_CONTENT_CATERING:
      return _("For the host or caterer: how many people come to each meal and their dietary "
               "needs, then the access needs at each site visit, with who has them. No other "
               "personal data.");

    case VP_PRINT_CONTENT_ROOMING:
      return _("For the hotels: every stay of the group, nights before and after the programme "
               "included, hotel by hotel, with the room-nights.");

    case VP_PRINT_CONTENT_BADGES:
      return _("A badge for every participant with their name, organisation and country, to "
               "cut out: eight to an A4 page, six to a Letter page.");

    case VP_PRINT_CONTENT_QUALITY_COMMITMENT:
      return _("A draft for each visiting organisation: the exchange, its goals and objectives, "
               "the sessions its people attend, and the four signatures.");

    case VP_PRINT_CONTENT_AGENDA:
    default:
      return _("The whole programme, day by day.");
    }
}

gboolean
vp_print_content_has_subject (VpPrintContent content)
{
  return vp_print_content_needs_subject (content) ||
         content == VP_PRINT_CONTENT_ATTENDANCE || content == VP_PRINT_CONTENT_CERTIFICATE;
}

gboolean
vp_print_content_needs_subject (VpPrintContent content)
{
  return content == VP_PRINT_CONTENT_PARTICIPANT || content == VP_PRINT_CONTENT_HOST_SHEET;
}

const char *
vp_print_content_get_subject_label (VpPrintContent content)
{
  switch (content)
    {
    case VP_PRINT_CONTENT_HOST_SHEET:
      return _("_Host");

    case VP_PRINT_CONTENT_ATTENDANCE:
      /* Translators: the day whose attendance sheets to print, in the print dialogs */
      return _("_Day");

    case VP_PRINT_CONTENT_AGENDA:
    case VP_PRINT_CONTENT_PARTICIPANT:
    case VP_PRINT_CONTENT_CONTACTS:
    case VP_PRINT_CONTENT_BUDGET:
    case VP_PRINT_CONTENT_CERTIFICATE:
    case VP_PRINT_CONTENT_CATERING:
    case VP_PRINT_CONTENT_ROOMING:
    case VP_PRINT_CONTENT_BADGES:
    case VP_PRINT_CONTENT_QUALITY_COMMITMENT:
    default:
      return _("_Participant");
    }
}

void
vp_print_content_list_choices (VpPrintContent   content,
                               VpSnapshot      *snapshot,
                               GPtrArray      **refs,
                               GPtrArray      **labels)
{
  g_return_if_fail (VP_IS_SNAPSHOT (snapshot));
  g_return_if_fail (refs != NULL && labels != NULL);

  *refs = g_ptr_array_new_with_free_func (g_free);
  *labels = g_ptr_array_new_with_free_func (g_free);

  if (content == VP_PRINT_CONTENT_ATTENDANCE)
    {
      g_auto(GStrv) days = vp_print_attendance_days (snapshot);

      g_ptr_array_add (*refs, NULL);
      /* Translators: the first choice of the print dialogs' Day: every day's attendance sheets */
      g_ptr_array_add (*labels, g_strdup (_("All days")));
      for (guint i = 0; days[i] != NULL; i++)
        {
          GDate date;
          g_autoptr(GDateTime) noon = NULL;

          g_date_clear (&date, 1);
          if (!vp_date_parse (days[i], &date, NULL))
            continue;
          noon = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                      g_date_get_day (&date), 12, 0, 0);
          g_ptr_array_add (*refs, g_strdup (days[i]));
          /* Translators: a day in the print dialogs' Day, as a g_date_time_format() format:
           * "Tuesday 13 April 2027" */
          g_ptr_array_add (*labels, vp_format_date_time (noon, _("%A %-d %B %Y")));
        }
    }
  else if (content == VP_PRINT_CONTENT_CERTIFICATE)
    {
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);

      g_ptr_array_add (*refs, NULL);
      /* Translators: the first choice of the print dialogs' Participant: everyone's
       * certificates */
      g_ptr_array_add (*labels, g_strdup (_("All participants")));
      for (guint i = 0; i < participants->len; i++)
        {
          VpParticipant *participant = g_ptr_array_index (participants, i);

          g_ptr_array_add (*refs, g_strdup (vp_participant_get_ref (participant)));
          g_ptr_array_add (*labels, subject_label (G_OBJECT (participant), NULL));
        }
    }
}

GListModel *
vp_print_content_list_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i <= VP_PRINT_CONTENT_LAST; i++)
    gtk_string_list_append (list, vp_print_content_get_label (i));

  return G_LIST_MODEL (list);
}

gboolean
vp_print_content_get_layout (VpPrintContent   content,
                             const char      *subject,
                             VpPrintLayout   *layout,
                             const char     **layout_subject,
                             GError         **error)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (layout_subject != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *layout_subject = NULL;

  switch (content)
    {
    case VP_PRINT_CONTENT_PARTICIPANT:
      if (subject == NULL)
        {
          g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NO_SUBJECT,
                               _("Choose the participant whose agenda to print"));
          return FALSE;
        }
      *layout = VP_PRINT_LAYOUT_AGENDA;
      *layout_subject = subject;
      return TRUE;

    case VP_PRINT_CONTENT_HOST_SHEET:
      if (subject == NULL)
        {
          g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_NO_SUBJECT,
                               _("Choose the host whose sheet to print"));
          return FALSE;
        }
      *layout = VP_PRINT_LAYOUT_HOST_SHEET;
      *layout_subject = subject;
      return TRUE;

    case VP_PRINT_CONTENT_CONTACTS:
      *layout = VP_PRINT_LAYOUT_CONTACTS;
      return TRUE;

    case VP_PRINT_CONTENT_BUDGET:
      *layout = VP_PRINT_LAYOUT_BUDGET;
      return TRUE;

    case VP_PRINT_CONTENT_ATTENDANCE:
      *layout = VP_PRINT_LAYOUT_ATTENDANCE;
      *layout_subject = subject;
      return TRUE;

    case VP_PRINT_CONTENT_CERTIFICATE:
      *layout = VP_PRINT_LAYOUT_CERTIFICATE;
      *layout_subject = subject;
      return TRUE;

    case VP_PRINT_CONTENT_CATERING:
      *layout = VP_PRINT_LAYOUT_CATERING;
      return TRUE;

    case VP_PRINT_CONTENT_ROOMING:
      *layout = VP_PRINT_LAYOUT_ROOMING;
      return TRUE;

    case VP_PRINT_CONTENT_BADGES:
      *layout = VP_PRINT_LAYOUT_BADGES;
      return TRUE;

    case VP_PRINT_CONTENT_QUALITY_COMMITMENT:
      *layout = VP_PRINT_LAYOUT_QUALITY_COMMITMENT;
      return TRUE;

    case VP_PRINT_CONTENT_AGENDA:
    default:
      *layout = VP_PRINT_LAYOUT_AGENDA;
      return TRUE;
    }
}

VpPrintDocument *
vp_print_content_new_document (VpSnapshot      *snapshot,
                               VpPrintContent   content,
                               const char      *subject,
                               GError         **error)
{
  VpPrintLayout layout;
  const char *layout_subject;

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  if (!vp_print_content_get_layout (content, subject, &layout, &layout_subject, error))
    return NULL;

  return vp_print_document_new (snapshot, layout, layout_subject, error);
}

static char *
subject_label (GObject  *item,
               gpointer  user_data)
{
  if (VP_IS_PRINT_CHOICE (item))
    return g_strdup (VP_PRINT_CHOICE (item)->label);

  if (VP_IS_PARTICIPANT (item))
    {
      VpParticipant *participant = VP_PARTICIPANT (item);
      const char *name = vp_participant_get_name (participant);
      const char *email = vp_participant_get_email (participant);

      if (name == NULL || *name == '\0')
        name = vp_participant_get_ref (participant);
      if (email == NULL || *email == '\0')
        return g_strdup (name);
      /* Translators: a participant in a list: their name and email address. */
      return g_strdup_printf (_("%s <%s>"), name, email);
    }

  if (VP_IS_HOST (item))
    {
      const char *name = vp_host_get_name (VP_HOST (item));

      return g_strdup (name != NULL && *name != '\0' ? name : vp_host_get_ref (VP_HOST (item)));
    }

  return g_strdup ("");
}

static char *
subject_name (GObject  *item,
              gpointer  user_data)
{
  const char *name = NULL;

  if (VP_IS_PARTICIPANT (item))
    name = vp_participant_get_name (VP_PARTICIPANT (item));
  else if (VP_IS_HOST (item))
    name = vp_host_get_name (VP_HOST (item));

  if (name == NULL || *name == '\0')
    return subject_label (item, user_data);

  return g_strdup (name);
}

static void
subject_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
subject_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  name_only)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = GPOINTER_TO_INT (name_only) ? subject_name (item, NULL)
                                                      : subject_label (item, NULL);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static GtkListItemFactory *
subject_factory_new (gboolean button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (subject_setup_cb), GINT_TO_POINTER (button));
  g_signal_connect (factory, "bind", G_CALLBACK (subject_bind_cb), GINT_TO_POINTER (button));
  return factory;
}

GtkWidget *
vp_print_subject_drop_down_new (void)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  /* What the search matches: the name and the email address. */
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                            G_CALLBACK (subject_label),
                                                            NULL, NULL);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (store), expression);
  g_autoptr(GtkListItemFactory) factory = subject_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = subject_factory_new (FALSE);

  /* The button shows the name alone, which keeps the dialog narrow; the
   * list shows the email address too, which tells namesakes apart. */
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  return drop_down;
}

void
vp_print_subject_drop_down_fill (GtkDropDown    *drop_down,
                                 VpSnapshot     *snapshot,
                                 VpPrintContent  content,
                                 const char     *ref)
{
  GListStore *store;
  GPtrArray *objects = NULL;
  guint selected = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (VP_IS_SNAPSHOT (snapshot));

  store = G_LIST_STORE (gtk_drop_down_get_model (drop_down));
  g_return_if_fail (G_IS_LIST_STORE (store));

  /* "All" first, then the days or the participants. */
  if (content == VP_PRINT_CONTENT_ATTENDANCE || content == VP_PRINT_CONTENT_CERTIFICATE)
    {
      g_autoptr(GPtrArray) refs = NULL;
      g_autoptr(GPtrArray) labels = NULL;
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);

      vp_print_content_list_choices (content, snapshot, &refs, &labels);
      g_list_store_remove_all (store);
      for (guint i = 0; i < refs->len; i++)
        {
          const char *choice_ref = g_ptr_array_index (refs, i);
          g_autoptr(GObject) item = NULL;

          if (content == VP_PRINT_CONTENT_CERTIFICATE && i > 0)
            item = g_object_ref (g_ptr_array_index (participants, i - 1));
          else
            item = G_OBJECT (vp_print_choice_new (choice_ref, g_ptr_array_index (labels, i)));
          if (ref != NULL && g_strcmp0 (choice_ref, ref) == 0)
            selected = i;
          g_list_store_append (store, item);
        }
      gtk_drop_down_set_selected (drop_down, selected);
      return;
    }

  if (content == VP_PRINT_CONTENT_PARTICIPANT)
    objects = vp_snapshot_get_participants (snapshot);
  else if (content == VP_PRINT_CONTENT_HOST_SHEET)
    objects = vp_snapshot_get_hosts (snapshot);

  g_list_store_remove_all (store);
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      GObject *object = g_ptr_array_index (objects, i);
      const char *object_ref = VP_IS_PARTICIPANT (object)
                               ? vp_participant_get_ref (VP_PARTICIPANT (object))
                               : vp_host_get_ref (VP_HOST (object));

      if (ref != NULL && g_strcmp0 (object_ref, ref) == 0)
        selected = i;
      g_list_store_append (store, object);
    }

  gtk_drop_down_set_selected (drop_down, objects != NULL && objects->len > 0
                                         ? selected : GTK_INVALID_LIST_POSITION);
}

const char *
vp_print_subject_drop_down_get_ref (GtkDropDown *drop_down)
{
  GObject *item;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), NULL);

  item = gtk_drop_down_get_selected_item (drop_down);
  if (VP_IS_PRINT_CHOICE (item))
    return VP_PRINT_CHOICE (item)->ref;
  if (VP_IS_PARTICIPANT (item))
    return vp_participant_get_ref (VP_PARTICIPANT (item));
  if (VP_IS_HOST (item))
    return vp_host_get_ref (VP_HOST (item));

  return NULL;
}

/* Pagination {{{1 */

/* Lays @document out on @setup's paper inside its margins; 0 and @error
 * when the page leaves too little room for the layout. */
static guint
paginate (VpPrintDocument  *document,
          PangoContext     *context,
          GtkPageSetup     *setup,
          GError          **error)
{
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  double top = gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS);
  double right = gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS);
  double bottom = gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS);
  double left = gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS);

  /* The layouts need an inch across and two inches down inside the margins
   * (vp_print_document_paginate()). */
  if (width <= left + right + 72 || height <= top + bottom + 144)
    {
      g_set_error_literal (error, VP_PRINT_ERROR, VP_PRINT_ERROR_FAILED,
                           _("The paper is too small for the layout once its margins are "
                             "taken off: choose a larger paper or smaller margins"));
      return 0;
    }

  return vp_print_document_paginate (document, context, width, height, top, right, bottom, left);
}

/* The document in @language (a code), or when NULL in its reader's
 * language when its catalog is there, else the window's. */
static void
set_document_language (VpPrintDocument *document,
                       const char      *language)
{
  if (language == NULL)
    language = vp_print_document_get_reader_language (document);
  if (language != NULL)
    vp_print_document_set_language (document, language, NULL);
}

/* The Layout tab {{{1 */

static void
layout_tab_free (gpointer data)
{
  LayoutTab *tab = data;

  if (tab->operation != NULL && tab->operation->tab == tab)
    tab->operation->tab = NULL;
  g_clear_weak_pointer (&tab->operation);
  g_clear_handle_id (&tab->update_source, g_source_remove);
  g_clear_object (&tab->page_setup);
  g_clear_object (&tab->pango_context);
  g_clear_object (&tab->document);
  g_strfreev (tab->languages);
  g_free (tab);
}

static void
layout_tab_show_page (LayoutTab *tab)
{
  guint n_pages = tab->document != NULL ? vp_print_document_get_n_pages (tab->document) : 0;
  g_autofree char *text = NULL;

  if (n_pages > 0)
    /* Translators: under the print preview: the page shown and how many pages there are. */
    text = g_strdup_printf (_("Page %u of %u"), tab->page + 1, n_pages);

  gtk_label_set_text (tab->page_label, text != NULL ? text : "");
  gtk_widget_set_sensitive (tab->previous_button, n_pages > 0 && tab->page > 0);
  gtk_widget_set_sensitive (tab->next_button, n_pages > 0 && tab->page + 1 < n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tab->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : _("No preview"),
                                  -1);
  gtk_widget_queue_draw (tab->preview);
}

static gboolean
layout_tab_update_cb (gpointer user_data)
{
  LayoutTab *tab = user_data;
  VpPrintContent content = gtk_drop_down_get_selected (tab->content_drop_down);
  const char *ref = vp_print_subject_drop_down_get_ref (tab->subject_drop_down);
  g_autoptr(GError) error = NULL;

  tab->update_source = 0;
  g_clear_object (&tab->document);

  if (tab->operation == NULL)
    return G_SOURCE_REMOVE;

  tab->document = vp_print_content_new_document (tab->operation->snapshot, content, ref, &error);
  if (tab->document != NULL)
    {
      guint language = gtk_drop_down_get_selected (tab->language_drop_down);

      vp_print_document_set_budget (tab->document, tab->operation->budget);
      vp_print_document_set_organisation_visits (tab->document,
                                                 tab->operation->organisation_visits);
      set_document_language (tab->document,
                             language > 0 && language <= g_strv_length (tab->languages)
                             ? tab->languages[language - 1] : NULL);
    }
  if (tab->document != NULL && paginate (tab->document, tab->pango_context, tab->page_setup,
                                         &error) == 0)
    g_clear_object (&tab->document);

  if (tab->document != NULL)
    {
      tab->page = MIN (tab->page, vp_print_document_get_n_pages (tab->document) - 1);
      gtk_label_set_text (tab->hint, vp_print_content_get_description (content));
      gtk_widget_remove_css_class (GTK_WIDGET (tab->hint), "error");
    }
  else if (ref == NULL &&
           g_list_model_get_n_items (gtk_drop_down_get_model (tab->subject_drop_down)) == 0 &&
           (content == VP_PRINT_CONTENT_PARTICIPANT || content == VP_PRINT_CONTENT_HOST_SHEET))
    {
      tab->page = 0;
      gtk_label_set_text (tab->hint, content == VP_PRINT_CONTENT_HOST_SHEET
                                     ? _("The programme has no hosts")
                                     : _("The programme has no participants"));
      gtk_widget_add_css_class (GTK_WIDGET (tab->hint), "error");
    }
  else
    {
      tab->page = 0;
      gtk_label_set_text (tab->hint, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (tab->hint), "error");
    }

  layout_tab_show_page (tab);
  return G_SOURCE_REMOVE;
}

static void
layout_tab_schedule_update (LayoutTab *tab)
{
  g_clear_handle_id (&tab->update_source, g_source_remove);
  tab->update_source = g_timeout_add (PREVIEW_DELAY, layout_tab_update_cb, tab);
}

static void
content_changed_cb (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    LayoutTab   *tab)
{
  VpPrintContent content = gtk_drop_down_get_selected (drop_down);
  gboolean has_subject = vp_print_content_has_subject (content);

  if (tab->operation == NULL)
    return;

  gtk_label_set_text_with_mnemonic (GTK_LABEL (tab->subject_label),
                                    vp_print_content_get_subject_label (content));
  vp_print_subject_drop_down_fill (tab->subject_drop_down, tab->operation->snapshot, content,
                                   tab->operation->content == content ? tab->operation->subject
                                                                      : NULL);
  gtk_widget_set_visible (tab->subject_label, has_subject);
  gtk_widget_set_visible (GTK_WIDGET (tab->subject_drop_down), has_subject);
  tab->page = 0;
  layout_tab_schedule_update (tab);
}

static void
subject_changed_cb (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    LayoutTab   *tab)
{
  tab->page = 0;
  layout_tab_schedule_update (tab);
}

static void
previous_clicked_cb (GtkButton *button,
                     LayoutTab *tab)
{
  if (tab->page > 0)
    tab->page--;
  layout_tab_show_page (tab);
}

static void
next_clicked_cb (GtkButton *button,
                 LayoutTab *tab)
{
  if (tab->document != NULL && tab->page + 1 < vp_print_document_get_n_pages (tab->document))
    tab->page++;
  layout_tab_show_page (tab);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  LayoutTab *tab = user_data;
  double paper_width = gtk_page_setup_get_paper_width (tab->page_setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (tab->page_setup, GTK_UNIT_POINTS);
  double scale = MIN ((width - 4) / paper_width, (height - 4) / paper_height);
  double x = floor ((width - paper_width * scale) / 2);
  double y = floor ((height - paper_height * scale) / 2);

  if (scale <= 0)
    return;

  /* A sheet of paper on any theme: white, with a thin grey edge. */
  cairo_rectangle (cr, x - 0.5, y - 0.5, paper_width * scale + 1, paper_height * scale + 1);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  if (tab->document == NULL)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, paper_width * scale, paper_height * scale);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  vp_print_document_draw_page (tab->document, cr, tab->page);
  cairo_restore (cr);
}

static GtkWidget *
new_label (const char *mnemonic,
           GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return label;
}

static GtkWidget *
vp_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);
  g_autoptr(GListModel) contents = vp_print_content_list_new ();
  LayoutTab *tab = g_new0 (LayoutTab, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *navigation = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content_label;
  GtkPageSetup *setup;

  /* As the dialog's own tabs: 12 pixels around, 6 between rows. */
  gtk_widget_set_name (box, "print-layout-tab");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_box_append (GTK_BOX (box), grid);

  g_set_weak_pointer (&tab->operation, self);
  self->tab = tab;

  tab->content_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (contents), NULL));
  gtk_widget_set_name (GTK_WIDGET (tab->content_drop_down), "print-layout");
  gtk_widget_set_hexpand (GTK_WIDGET (tab->content_drop_down), TRUE);
  content_label = new_label (_("_Layout"), GTK_WIDGET (tab->content_drop_down));
  gtk_grid_attach (GTK_GRID (grid), content_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (tab->content_drop_down), 1, 0, 1, 1);

  tab->subject_drop_down = GTK_DROP_DOWN (vp_print_subject_drop_down_new ());
  gtk_widget_set_name (GTK_WIDGET (tab->subject_drop_down), "print-subject");
  tab->subject_label = new_label (_("_Participant"), GTK_WIDGET (tab->subject_drop_down));
  gtk_grid_attach (GTK_GRID (grid), tab->subject_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (tab->subject_drop_down), 1, 1, 1, 1);

  {
    g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);
    GtkWidget *language_label;

    tab->languages = vp_language_available_codes ();
    /* Translators: the language of a printed layout: the host's or participant's own */
    gtk_string_list_append (languages, _("Reader’s Own"));
    for (guint i = 0; tab->languages[i] != NULL; i++)
      gtk_string_list_append (languages, vp_language_code_get_name (tab->languages[i]));
    tab->language_drop_down =
      GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (languages)), NULL));
    gtk_widget_set_name (GTK_WIDGET (tab->language_drop_down), "print-language");
    for (guint i = 0; self->language != NULL && tab->languages[i] != NULL; i++)
      if (g_str_equal (tab->languages[i], self->language))
        gtk_drop_down_set_selected (tab->language_drop_down, i + 1);
    language_label = new_label (_("La_nguage"), GTK_WIDGET (tab->language_drop_down));
    gtk_grid_attach (GTK_GRID (grid), language_label, 0, 2, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (tab->language_drop_down), 1, 2, 1, 1);
  }

  tab->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (tab->hint), "print-hint");
  gtk_label_set_wrap (tab->hint, TRUE);
  gtk_label_set_max_width_chars (tab->hint, 40);
  gtk_label_set_xalign (tab->hint, 0);
  gtk_widget_set_valign (GTK_WIDGET (tab->hint), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (tab->hint), "dim-label");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (tab->hint), 1, 3, 1, 1);

  /* The first pages small, drawn by the same code as the printed ones:
   * GTK's own preview needs a PDF viewer, which may not be there. */
  tab->preview = gtk_drawing_area_new ();
  gtk_widget_set_name (tab->preview, "print-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (tab->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Preview"),
                                  -1);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (tab->preview), PREVIEW_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (tab->preview), PREVIEW_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (tab->preview), draw_preview, tab, NULL);
  gtk_box_append (GTK_BOX (preview_box), tab->preview);

  tab->previous_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (tab->previous_button, _("Previous Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tab->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous Page"),
                                  -1);
  tab->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (tab->next_button, _("Next Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (tab->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next Page"),
                                  -1);
  tab->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (tab->page_label), "print-preview-page");
  gtk_widget_set_hexpand (GTK_WIDGET (tab->page_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (tab->page_label), "numeric");
  gtk_box_append (GTK_BOX (navigation), tab->previous_button);
  gtk_box_append (GTK_BOX (navigation), GTK_WIDGET (tab->page_label));
  gtk_box_append (GTK_BOX (navigation), tab->next_button);
  gtk_box_append (GTK_BOX (preview_box), navigation);
  gtk_widget_set_valign (preview_box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), preview_box);

  setup = gtk_print_operation_get_default_page_setup (operation);
  tab->page_setup = setup != NULL ? gtk_page_setup_copy (setup) : gtk_page_setup_new ();
  /* Pango at 72 dpi, as on paper (vp_print_document_paginate() sets it). */
  tab->pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  g_object_set_data_full (G_OBJECT (box), "vp-layout-tab", tab, layout_tab_free);

  g_signal_connect (tab->content_drop_down, "notify::selected",
                    G_CALLBACK (content_changed_cb), tab);
  g_signal_connect (tab->subject_drop_down, "notify::selected",
                    G_CALLBACK (subject_changed_cb), tab);
  g_signal_connect (tab->language_drop_down, "notify::selected",
                    G_CALLBACK (subject_changed_cb), tab);
  g_signal_connect (tab->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), tab);
  g_signal_connect (tab->next_button, "clicked", G_CALLBACK (next_clicked_cb), tab);

  gtk_drop_down_set_selected (tab->content_drop_down, self->content);
  /* Selecting the item it shows emits nothing: fill the subjects anyway. */
  content_changed_cb (tab->content_drop_down, NULL, tab);

  return box;
}

static void
vp_print_operation_update_custom_widget (GtkPrintOperation *operation,
                                         GtkWidget         *widget,
                                         GtkPageSetup      *setup,
                                         GtkPrintSettings  *settings)
{
  LayoutTab *tab = g_object_get_data (G_OBJECT (widget), "vp-layout-tab");

  if (tab == NULL || setup == NULL)
    return;

  g_clear_object (&tab->page_setup);
  tab->page_setup = gtk_page_setup_copy (setup);
  layout_tab_schedule_update (tab);
}

static void
vp_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);
  LayoutTab *tab = g_object_get_data (G_OBJECT (widget), "vp-layout-tab");
  guint content;

  if (tab == NULL)
    return;

  content = gtk_drop_down_get_selected (tab->content_drop_down);
  if (content > VP_PRINT_CONTENT_LAST)
    content = VP_PRINT_CONTENT_AGENDA;

  vp_print_operation_set_content (self, content,
                                  vp_print_subject_drop_down_get_ref (tab->subject_drop_down));
  {
    guint language = gtk_drop_down_get_selected (tab->language_drop_down);
    gboolean chosen = language > 0 && language <= g_strv_length (tab->languages);

    vp_print_operation_set_language (self, chosen ? tab->languages[language - 1] : NULL);
  }
}

/* Printing {{{1 */

static void
vp_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  g_clear_object (&self->document);
  g_clear_error (&self->document_error);
  g_set_object (&self->used_page_setup, setup);

  self->document = vp_print_content_new_document (self->snapshot, self->content, self->subject,
                                                  &error);
  if (self->document != NULL)
    {
      vp_print_document_set_budget (self->document, self->budget);
      vp_print_document_set_organisation_visits (self->document, self->organisation_visits);
      set_document_language (self->document, self->language);
      /* Points, and cairo's origin at the paper's corner (the unit and
       * use-full-page set in init): the layout keeps inside the margins
       * it is given, the page setup's. */
      PangoContext *pango_context = gtk_print_context_create_pango_context (context);

      n_pages = paginate (self->document, pango_context, setup, &error);
      g_object_unref (pango_context);
    }

  if (n_pages == 0)
    {
      g_clear_object (&self->document);
      self->document_error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
vp_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);

  g_return_if_fail (self->document != NULL);
  g_return_if_fail (page_nr >= 0 &&
                    (guint) page_nr < vp_print_document_get_n_pages (self->document));

  vp_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context),
                               page_nr);
}

/* GObject {{{1 */

static void
vp_print_operation_dispose (GObject *object)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (object);

  if (self->tab != NULL)
    g_clear_weak_pointer (&self->tab->operation);
  self->tab = NULL;
  g_clear_object (&self->document);
  g_clear_object (&self->used_page_setup);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (vp_print_operation_parent_class)->dispose (object);
}

static void
vp_print_operation_finalize (GObject *object)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (object);

  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->budget, vp_budget_unref);
  g_clear_pointer (&self->organisation_visits, g_ptr_array_unref);
  g_clear_error (&self->document_error);

  G_OBJECT_CLASS (vp_print_operation_parent_class)->finalize (object);
}

static void
vp_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      self->snapshot = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_print_operation_constructed (GObject *object)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (object);
  VpProgramme *programme;

  G_OBJECT_CLASS (vp_print_operation_parent_class)->constructed (object);

  g_assert (VP_IS_SNAPSHOT (self->snapshot));

  programme = vp_snapshot_get_programme (self->snapshot);
  if (vp_programme_get_title (programme) != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                      vp_programme_get_title (programme));
}

static void
vp_print_operation_class_init (VpPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = vp_print_operation_constructed;
  object_class->dispose = vp_print_operation_dispose;
  object_class->finalize = vp_print_operation_finalize;
  object_class->get_property = vp_print_operation_get_property;
  object_class->set_property = vp_print_operation_set_property;

  operation_class->begin_print = vp_print_operation_begin_print;
  operation_class->draw_page = vp_print_operation_draw_page;
  operation_class->create_custom_widget = vp_print_operation_create_custom_widget;
  operation_class->update_custom_widget = vp_print_operation_update_custom_widget;
  operation_class->custom_widget_apply = vp_print_operation_custom_widget_apply;

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         VP_TYPE_SNAPSHOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_print_operation_init (VpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  VpPaperSize size = vp_print_default_paper ();
  double top, right, bottom, left;

  /* With the margins of the PDF export until the user sets others. */
  paper = gtk_paper_size_new (size == VP_PAPER_SIZE_LETTER ? GTK_PAPER_NAME_LETTER
                                                           : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  vp_paper_size_get_margins (size, &top, &right, &bottom, &left);
  gtk_page_setup_set_top_margin (setup, top, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, right, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, bottom, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, left, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* As vp_print_document_paginate() asks: points, and the whole paper, so
   * that the page setup's margins are the layout's. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Translators: the print dialog's tab where one chooses what to print. */
  gtk_print_operation_set_custom_tab_label (operation, _("Layout"));
}

/* Public API {{{1 */

VpPrintOperation *
vp_print_operation_new (VpSnapshot *snapshot)
{
  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  return g_object_new (VP_TYPE_PRINT_OPERATION,
                       "snapshot", snapshot,
                       NULL);
}

VpSnapshot *
vp_print_operation_get_snapshot (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->snapshot;
}

void
vp_print_operation_set_content (VpPrintOperation *self,
                                VpPrintContent    content,
                                const char       *subject)
{
  g_return_if_fail (VP_IS_PRINT_OPERATION (self));
  g_return_if_fail (content <= VP_PRINT_CONTENT_LAST);

  self->content = content;
  if (!vp_print_content_has_subject (content))
    subject = NULL;
  if (subject != self->subject)
    {
      g_free (self->subject);
      self->subject = g_strdup (subject);
    }
}

void
vp_print_operation_set_language (VpPrintOperation *self,
                                 const char       *language)
{
  g_return_if_fail (VP_IS_PRINT_OPERATION (self));

  if (language != self->language)
    {
      g_free (self->language);
      self->language = g_strdup (language);
    }
}

const char *
vp_print_operation_get_language (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->language;
}

VpPrintContent
vp_print_operation_get_content (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), VP_PRINT_CONTENT_AGENDA);

  return self->content;
}

void
vp_print_operation_set_budget (VpPrintOperation *self,
                               VpBudget         *budget)
{
  g_return_if_fail (VP_IS_PRINT_OPERATION (self));

  if (budget != NULL)
    vp_budget_ref (budget);
  g_clear_pointer (&self->budget, vp_budget_unref);
  self->budget = budget;
}

VpBudget *
vp_print_operation_get_budget (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->budget;
}

void
vp_print_operation_set_organisation_visits (VpPrintOperation *self,
                                            GPtrArray        *visits)
{
  g_return_if_fail (VP_IS_PRINT_OPERATION (self));

  if (visits != NULL)
    g_ptr_array_ref (visits);
  g_clear_pointer (&self->organisation_visits, g_ptr_array_unref);
  self->organisation_visits = visits;
}

GPtrArray *
vp_print_operation_get_organisation_visits (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->organisation_visits;
}

const char *
vp_print_operation_get_subject (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->subject;
}

VpPrintDocument *
vp_print_operation_get_document (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

const GError *
vp_print_operation_get_document_error (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->document_error;
}

GtkPageSetup *
vp_print_operation_get_used_page_setup (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->used_page_setup;
}

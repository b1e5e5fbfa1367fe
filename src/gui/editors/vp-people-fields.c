/* vp-people-fields.c: what the participants and hosts pages and their editors share. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "vp-format.h"
#include "vp-language.h"
#include "vp-people-fields.h"
#include "vp-time.h"
#include "vp-values.h"

const char *
vp_people_role_name (VpParticipantRole role)
{
  switch (role)
    {
    case VP_PARTICIPANT_ROLE_CLUSTER_MANAGER:
      return C_("participant role", "Cluster manager");
    case VP_PARTICIPANT_ROLE_SME:
      /* Translators: a small or medium-sized enterprise */
      return C_("participant role", "SME");
    case VP_PARTICIPANT_ROLE_RESEARCHER:
      return C_("participant role", "Researcher");
    case VP_PARTICIPANT_ROLE_SUPPORT_ORGANISATION:
      return C_("participant role", "Support organisation");
    case VP_PARTICIPANT_ROLE_OTHER:
      return C_("participant role", "Other");
    case VP_PARTICIPANT_ROLE_UNSET:
    default:
      return "";
    }
}

const char *
vp_people_host_kind_name (VpHostKind kind)
{
  switch (kind)
    {
    case VP_HOST_KIND_COMPANY:
      return C_("host kind", "Company");
    case VP_HOST_KIND_UNIVERSITY:
      return C_("host kind", "University");
    case VP_HOST_KIND_RESEARCH:
      return C_("host kind", "Research centre");
    case VP_HOST_KIND_CLUSTER:
      return C_("host kind", "Cluster");
    case VP_HOST_KIND_PUBLIC:
      return C_("host kind", "Public body");
    case VP_HOST_KIND_OTHER:
      return C_("host kind", "Other");
    case VP_HOST_KIND_UNSET:
    default:
      return "";
    }
}

const char *
vp_people_travel_kind_name (VpTravelKind kind)
{
  switch (kind)
    {
    case VP_TRAVEL_KIND_FLIGHT:
      return C_("travel kind", "Flight");
    case VP_TRAVEL_KIND_TRAIN:
      return C_("travel kind", "Train");
    case VP_TRAVEL_KIND_BUS:
      return C_("travel kind", "Bus");
    case VP_TRAVEL_KIND_CAR:
      return C_("travel kind", "Car");
    case VP_TRAVEL_KIND_OTHER:
      return C_("travel kind", "Other");
    case VP_TRAVEL_KIND_UNSET:
    default:
      return "";
    }
}

char *
vp_people_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *plain;

  if (text == NULL)
    return g_strdup ("");

  /* Fold first, then take the accents off what is left. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (plain, c);
    }

  return g_string_free (plain, FALSE);
}

gboolean
vp_people_matches (const char *folded_text,
                   const char *folded_query)
{
  const char *word = folded_query;

  g_return_val_if_fail (folded_text != NULL, FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  while (*word != '\0')
    {
      const char *end;
      char buffer[128];
      gsize length;

      while (*word == ' ')
        word++;
      if (*word == '\0')
        break;

      end = strchr (word, ' ');
      length = end ? (gsize) (end - word) : strlen (word);

      if (length < sizeof buffer)
        {
          memcpy (buffer, word, length);
          buffer[length] = '\0';
          if (strstr (folded_text, buffer) == NULL)
            return FALSE;
        }
      else
        {
          g_autofree char *long_word = g_strndup (word, length);

          if (strstr (folded_text, long_word) == NULL)
            return FALSE;
        }

      word += length;
    }

  return TRUE;
}

/* Whether the locale's collation is only the order of code points: C,
 * C.UTF-8, POSIX, where “Élodie” would come after “Yann”. */
static gboolean
collation_by_code_point (void)
{
  const char *collation = setlocale (LC_COLLATE, NULL);

  return collation == NULL || strcmp (collation, "C") == 0 || strcmp (collation, "POSIX") == 0 ||
         g_str_has_prefix (collation, "C.");
}

/* A name's letters without their accents, in lower case: the first rule
 * of every European alphabet's order. */
static char *
base_letters (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *base = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (base, c);
    }

  return g_string_free (base, FALSE);
}

char *
vp_people_collate_key (const char *text)
{
  g_autofree char *base = NULL;
  g_autofree char *full = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("\xff");

  /* The locale's order is the user's; without one, letters before their
   * accents, so that names sort as people expect. */
  if (!collation_by_code_point ())
    return g_utf8_collate_key (text, -1);

  base = base_letters (text);
  full = g_utf8_collate_key (text, -1);
  return g_strconcat (base, "\x01", full, NULL);
}

char *
vp_people_editable_dup_text (GtkEditable *editable)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
vp_people_editable_set_text (GtkEditable *editable,
                             const char  *text)
{
  gtk_editable_set_text (editable, text ? text : "");
}

char *
vp_people_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
vp_people_text_view_set_text (GtkTextView *view,
                              const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

#define ERROR_ROW_KEY "vp-people-error-row"

/* The message in a row of its own under the row of a list (a preferences
 * group's), in the error style: read where the field is, not only in a
 * tooltip.  Widgets outside a list keep the tooltip alone. */
static void
show_error_below (GtkWidget  *widget,
                  const char *message)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (widget), ERROR_ROW_KEY);
  GtkWidget *list = gtk_widget_get_parent (widget);
  GtkWidget *label;
  GString *sentence;

  if (error_row != NULL && (message == NULL || gtk_widget_get_parent (error_row) != list))
    {
      GtkWidget *old_list = gtk_widget_get_parent (error_row);

      if (GTK_IS_LIST_BOX (old_list))
        gtk_list_box_remove (GTK_LIST_BOX (old_list), error_row);
      g_object_set_data (G_OBJECT (widget), ERROR_ROW_KEY, NULL);
      error_row = NULL;
    }

  if (message == NULL || *message == '\0' || !GTK_IS_LIST_BOX_ROW (widget) ||
      !GTK_IS_LIST_BOX (list))
    return;

  if (error_row == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");

      error_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
      gtk_widget_set_focusable (error_row, FALSE);
      gtk_widget_add_css_class (error_row, "field-error");
      g_object_bind_property (widget, "visible", error_row, "visible", G_BINDING_SYNC_CREATE);
      gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + 1);
      g_object_set_data_full (G_OBJECT (widget), ERROR_ROW_KEY, g_object_ref (error_row),
                              g_object_unref);
    }

  /* the rules of values say what is wrong in a phrase: a sentence here */
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  sentence = g_string_new (NULL);
  g_string_append_unichar (sentence, g_unichar_totitle (g_utf8_get_char (message)));
  g_string_append (sentence, g_utf8_next_char (message));
  gtk_label_set_label (GTK_LABEL (label), sentence->str);
  g_string_free (sentence, TRUE);
}

GtkLabel *
vp_people_get_error_label (GtkWidget *widget)
{
  GtkWidget *error_row;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  error_row = g_object_get_data (G_OBJECT (widget), ERROR_ROW_KEY);
  if (error_row == NULL || gtk_widget_get_parent (error_row) == NULL)
    return NULL;

  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)));
}

void
vp_people_set_error (GtkWidget  *widget,
                     const char *message)
{
  show_error_below (widget, message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

gboolean
vp_people_check (GtkWidget  *widget,
                 gboolean    valid,
                 const char *message)
{
  vp_people_set_error (widget, valid ? NULL : message);

  return valid;
}

gboolean
vp_people_check_email (GtkWidget  *widget,
                       const char *email)
{
  g_autoptr(GError) error = NULL;

  if (email == NULL || vp_value_check_email (email, &error))
    return vp_people_check (widget, TRUE, NULL);
  return vp_people_check (widget, FALSE, error->message);
}

/* Countries {{{1 */

const char *
vp_people_country_display (const char *code)
{
  const char *name = vp_format_country_name (code);

  if (name != NULL)
    return name;

  return code ? code : "";
}

/* Times {{{1 */

char *
vp_people_format_local_time (const char *local)
{
  g_autoptr(GDateTime) date_time = NULL;
  VpLocalTime time;

  if (local == NULL || !vp_local_time_parse (local, &time, NULL))
    return NULL;

  /* A wall-clock reading: shown as it was typed, in its own zone. */
  date_time = g_date_time_new_utc (time.year, time.month, time.day,
                                   time.hour, time.minute, time.second);
  if (date_time == NULL)
    return NULL;

  /* Translators: a day and a time of day, as in “12 Apr 19:55”; see the
   * conversions of g_date_time_format().  xgettext:no-c-format */
  return vp_format_date_time (date_time, C_("day and time", "%-d %b %H:%M"));
}

char *
vp_people_leg_title (const VpTravelLeg *leg)
{
  GString *title = g_string_new (NULL);
  const char *kind = vp_people_travel_kind_name (leg->kind);

  g_return_val_if_fail (leg != NULL, NULL);

  if (*kind != '\0')
    g_string_append (title, kind);
  else
    g_string_append (title, C_("travel kind", "Travel"));

  if (leg->reference != NULL && *leg->reference != '\0')
    g_string_append_printf (title, " %s", leg->reference);

  if (leg->from != NULL || leg->to != NULL)
    /* Translators: where a journey goes, “Helsinki → Vilnius”, after the
     * kind of travel and its number, as in “Flight AY1071 · Helsinki → Vilnius”. */
    g_string_append_printf (title, _(" · %s → %s"),
                            leg->from ? leg->from : "?", leg->to ? leg->to : "?");

  return g_string_free (title, FALSE);
}

char *
vp_people_leg_subtitle (const VpTravelLeg *leg)
{
  g_autofree char *depart = vp_people_format_local_time (leg->depart);
  g_autofree char *arrive = vp_people_format_local_time (leg->arrive);

  g_return_val_if_fail (leg != NULL, NULL);

  /* Translators: when a journey leaves and arrives, each in its own
   * local time: “12 Apr 19:55 → 12 Apr 21:10”. */
  return g_strdup_printf (_("%s → %s"), depart ? depart : "?", arrive ? arrive : "?");
}

/* Languages {{{1 */

void
vp_people_language_row_setup (AdwComboRow *row)
{
  const char * const *codes = vp_language_codes ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* Translators: a host's or participant's language not given: their
   * documents are in the user's */
  gtk_string_list_append (names, C_("language", "Not set"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (names, vp_language_code_get_name (codes[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

void
vp_people_language_row_set_code (AdwComboRow *row,
                                 const char  *code)
{
  const char * const *codes = vp_language_codes ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  adw_combo_row_set_selected (row, 0);
  for (guint i = 0; code != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      adw_combo_row_set_selected (row, i + 1);
}

const char *
vp_people_language_row_get_code (AdwComboRow *row)
{
  const char * const *codes = vp_language_codes ();
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  selected = adw_combo_row_get_selected (row);
  if (selected == 0 || selected > g_strv_length ((char **) codes))
    return NULL;
  return codes[selected - 1];
}

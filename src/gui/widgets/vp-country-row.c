/* vp-country-row.c: the one country chooser: a searchable row of every country the window names. */

#include "config.h"

#include <glib/gi18n.h>

#include "vp-country-row.h"
#include "vp-format.h"

/* The value of the choice “Not set” (a country's code is never empty). */
#define NO_COUNTRY ""

typedef struct
{
  GStrv values;
  GStrv labels;
} CountryChoices;

typedef struct
{
  const char *code;
  char       *label;
  char       *key;
} Country;

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const Country *country_a = a;
  const Country *country_b = b;

  return strcmp (country_a->key, country_b->key);
}

/* vp_format_country_name() is the one list of countries the window names:
 * read, not copied, and sorted as the user's language sorts the names
 * (Belgium before Bosnia and Herzegovina, whatever their codes). */
static CountryChoices *
load_choices (void)
{
  const char * const *codes = vp_format_country_codes ();
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (Country));
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  CountryChoices *choices = g_new0 (CountryChoices, 1);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      Country country = {
        .code = codes[i],
        .label = vp_format_country (codes[i]),
        .key = g_utf8_collate_key (vp_format_country_name (codes[i]), -1),
      };

      g_array_append_val (countries, country);
    }
  g_array_sort (countries, compare_countries);

  g_strv_builder_add (values, NO_COUNTRY);
  g_strv_builder_add (labels, C_("country", "Not set"));
  for (guint i = 0; i < countries->len; i++)
    {
      Country *country = &g_array_index (countries, Country, i);

      g_strv_builder_add (values, country->code);
      g_strv_builder_add (labels, country->label);
      g_free (country->label);
      g_free (country->key);
    }

  choices->values = g_strv_builder_end (values);
  choices->labels = g_strv_builder_end (labels);
  return choices;
}

static CountryChoices *
get_choices (void)
{
  static CountryChoices *choices = NULL;

  if (g_once_init_enter (&choices))
    g_once_init_leave (&choices, load_choices ());

  return choices;
}

void
vp_country_row_setup (VpChooserRow *row,
                      gboolean      can_unset)
{
  CountryChoices *choices = get_choices ();
  guint first = can_unset ? 0 : 1;   /* “Not set” is the first */

  g_return_if_fail (VP_IS_CHOOSER_ROW (row));

  vp_chooser_row_set_choices (row, (const char * const *) choices->values + first,
                              (const char * const *) choices->labels + first);
  vp_chooser_row_set_unset_label (row, C_("country", "Not set"));
}

void
vp_country_row_set_code (VpChooserRow *row,
                         const char   *code)
{
  const char * const *codes = vp_format_country_codes ();

  g_return_if_fail (VP_IS_CHOOSER_ROW (row));

  if (code == NULL || *code == '\0')
    {
      vp_chooser_row_set_value (row, NO_COUNTRY);
      return;
    }

  /* the list's own spelling of a code typed in another case */
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_ascii_strcasecmp (codes[i], code) == 0)
      {
        vp_chooser_row_set_value (row, codes[i]);
        return;
      }

  vp_chooser_row_set_value (row, code);
}

const char *
vp_country_row_get_code (VpChooserRow *row)
{
  const char *value;

  g_return_val_if_fail (VP_IS_CHOOSER_ROW (row), NULL);

  value = vp_chooser_row_get_value (row);
  return value != NULL && *value != '\0' ? value : NULL;
}

static void
count_country (GHashTable *counts,
               const char *code)
{
  g_autofree char *upper = NULL;
  guint count;

  if (code == NULL || *code == '\0')
    return;

  upper = g_ascii_strup (code, -1);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, upper));
  g_hash_table_insert (counts, g_strdup (upper), GUINT_TO_POINTER (count + 1));
}

char *
vp_country_row_guess_visiting (VpStore *store,
                               gint64   programme_id)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *organisations, *participants;
  const char * const *codes = vp_format_country_codes ();
  const char *best = NULL;
  guint best_count = 0;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  organisations = vp_store_get_organisations (store, programme_id);
  participants = vp_store_get_participants (store, programme_id);

  for (guint i = 0; organisations != NULL && i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(VpOrganisation) organisation = g_list_model_get_item (organisations, i);

      count_country (counts, vp_organisation_get_country (organisation));
    }
  for (guint i = 0; participants != NULL && i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(VpParticipant) participant = g_list_model_get_item (participants, i);

      count_country (counts, vp_participant_get_country (participant));
    }

  /* in the order of codes, so that a tie always gives the same country */
  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, codes[i]));

      if (count > best_count)
        {
          best = codes[i];
          best_count = count;
        }
    }

  return g_strdup (best);
}

char *
vp_country_row_guess_host (VpStore *store,
                           gint64   programme_id)
{
  GListModel *programmes;

  g_return_val_if_fail (VP_IS_STORE (store), NULL);

  programmes = vp_store_get_programmes (store);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(VpProgramme) programme = g_list_model_get_item (programmes, i);

      if (vp_programme_get_id (programme) == programme_id)
        return g_strdup (vp_programme_get_host_country (programme));
    }

  return NULL;
}

/* vp-csv-import.c: participant, host and organisation lists from spreadsheets, and back. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vp-csv.h"
#include "vp-csv-import.h"
#include "vp-enum-types.h"
#include "vp-privacy.h"
#include "vp-record.h"
#include "vp-text.h"
#include "vp-values.h"

typedef enum
{
  FIELD_ID,
  FIELD_NAME,
  FIELD_FIRST_NAME,
  FIELD_LAST_NAME,
  FIELD_EMAIL,
  FIELD_ORGANISATION,
  FIELD_PHONE,
  FIELD_COUNTRY,
  FIELD_ROLE,
  FIELD_DIETARY,
  FIELD_ACCESSIBILITY,
  FIELD_EMERGENCY_CONTACT,
  FIELD_NOTES,
  FIELD_KIND,
  FIELD_CONTACT_NAME,
  FIELD_CONTACT_EMAIL,
  FIELD_ADDRESS,
  FIELD_CITY,
  FIELD_LATITUDE,
  FIELD_LONGITUDE,
  FIELD_MAX_GROUP_SIZE,
  FIELD_CLUSTER,
  FIELD_ECCP_URL,
  FIELD_CONSENT,
  FIELD_CONSENT_GIVEN,
  FIELD_CONSENT_WORDING,
  FIELD_LANGUAGE,
  N_FIELDS
} Field;

typedef struct
{
  Field       field;
  const char *names;   /* normalised header names, separated by | */
} Column;

/* Header names as forms, Excel and LibreOffice users write them, after
 * normalisation (case folded; _ - . as spaces; * and : dropped). */
static const Column participant_columns[] = {
  { FIELD_ID, "id|ref|participant id" },
  { FIELD_NAME, "name|full name|participant|participant name" },
  { FIELD_FIRST_NAME, "first name|firstname|given name|forename" },
  { FIELD_LAST_NAME, "last name|lastname|surname|family name" },
  { FIELD_EMAIL, "email|e mail|email address|e mail address|mail" },
  { FIELD_ORGANISATION, "organisation|organization|company|organisation name|"
                        "organization name|company name|employer" },
  { FIELD_PHONE, "phone|telephone|mobile|phone number|mobile phone|tel" },
  { FIELD_COUNTRY, "country|country code" },
  { FIELD_ROLE, "role|participant role" },
  { FIELD_DIETARY, "dietary|dietary requirements|dietary needs|diet|food|allergies" },
  { FIELD_ACCESSIBILITY, "accessibility|accessibility needs|special needs" },
  { FIELD_EMERGENCY_CONTACT, "emergency contact|emergency" },
  { FIELD_NOTES, "notes|comments|remarks" },
  { FIELD_CONSENT, "consent|consents|consented|consent fields|consented to" },
  { FIELD_CONSENT_GIVEN, "consent given|consent date|consented on|date of consent|given" },
  { FIELD_CONSENT_WORDING, "consent wording|wording|consent version|wording version" },
  { FIELD_LANGUAGE, "language|preferred language|language code|lang" },
};

static const Column host_columns[] = {
  { FIELD_ID, "id|ref|host id" },
  { FIELD_NAME, "name|organisation|organization|host|company|host name" },
  { FIELD_KIND, "kind|type" },
  { FIELD_CONTACT_NAME, "contact name|contact|contact person" },
  { FIELD_CONTACT_EMAIL, "contact email|email|e mail|email address" },
  { FIELD_PHONE, "phone|telephone|phone number" },
  { FIELD_ADDRESS, "address|street|street address" },
  { FIELD_CITY, "city|town" },
  { FIELD_COUNTRY, "country|country code" },
  { FIELD_LATITUDE, "latitude|lat" },
  { FIELD_LONGITUDE, "longitude|lon|lng|long" },
  { FIELD_MAX_GROUP_SIZE, "max group size|maximum group size|group size|capacity" },
  { FIELD_NOTES, "notes|site rules|rules" },
  { FIELD_LANGUAGE, "language|preferred language|language code|lang" },
};

static const Column organisation_columns[] = {
  { FIELD_ID, "id|ref|organisation id|organization id" },
  { FIELD_NAME, "name|organisation|organization|company|organisation name|organization name|"
                "company name|visiting organisation|visiting organization" },
  { FIELD_KIND, "kind|type|organisation type|organization type|kind of organisation|"
                "kind of organization|category" },
  { FIELD_COUNTRY, "country|country code|registered country|country of registration|"
                   "registration country|registered in" },
  { FIELD_CITY, "city|town" },
  { FIELD_LATITUDE, "latitude|lat" },
  { FIELD_LONGITUDE, "longitude|lon|lng|long" },
  { FIELD_CLUSTER, "cluster|cluster name|member of cluster|member of" },
  { FIELD_ECCP_URL, "eccp url|eccp|eccp profile|eccp link|eccp page|eccp profile link|"
                    "profile|profile url|website|web site|web|url" },
  { FIELD_CONTACT_NAME, "contact name|contact|contact person" },
  { FIELD_CONTACT_EMAIL, "contact email|contact e mail|email|e mail|email address" },
};

/* English names of the countries visitors and hosts come from, for lists
 * that spell them out instead of giving codes. */
static const struct
{
  const char *code;
  const char *name;
} country_names[] = {
  { "AL", "albania" }, { "AM", "armenia" }, { "AT", "austria" }, { "BA", "bosnia and herzegovina" },
  { "BE", "belgium" }, { "BG", "bulgaria" }, { "CH", "switzerland" }, { "CY", "cyprus" },
  { "CZ", "czechia" }, { "CZ", "czech republic" }, { "DE", "germany" }, { "DK", "denmark" },
  { "EE", "estonia" }, { "ES", "spain" }, { "FI", "finland" }, { "FR", "france" },
  { "GB", "united kingdom" }, { "GR", "greece" }, { "HR", "croatia" }, { "HU", "hungary" },
  { "IE", "ireland" }, { "IS", "iceland" }, { "IT", "italy" }, { "LI", "liechtenstein" },
  { "LT", "lithuania" }, { "LU", "luxembourg" }, { "LV", "latvia" }, { "MD", "moldova" },
  { "ME", "montenegro" }, { "MK", "north macedonia" }, { "MT", "malta" }, { "NL", "netherlands" },
  { "NO", "norway" }, { "PL", "poland" }, { "PT", "portugal" }, { "RO", "romania" },
  { "RS", "serbia" }, { "SE", "sweden" }, { "SI", "slovenia" }, { "SK", "slovakia" },
  { "TR", "turkey" }, { "TR", "türkiye" }, { "UA", "ukraine" }, { "US", "united states" },
  { "XK", "kosovo" },
};

void
vp_csv_report_free (VpCsvReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->unknown_columns, g_ptr_array_unref);
  g_clear_pointer (&report->converted, g_ptr_array_unref);
  g_clear_pointer (&report->not_stored, g_ptr_array_unref);
  g_free (report->encoding);
  g_free (report);
}

static void
skip_free (VpCsvSkip *skip)
{
  g_free (skip->reason);
  g_free (skip);
}

static void
converted_free (VpCsvConverted *converted)
{
  g_free (converted->column);
  g_free (converted);
}

/* In a file of both UTF-8 and Windows-1252 fields, where the second are:
 * one of them may be a UTF-8 field with a broken byte, worth a look. */
static void
report_converted (VpCsvReport *report,
                  VpCsvTable  *table)
{
  guint n_header = 0;
  const char * const *header = vp_csv_table_get_row (table, 0, &n_header);

  if (!g_str_equal (vp_csv_table_get_encoding (table), "UTF-8 and Windows-1252"))
    return;

  report->n_converted = vp_csv_table_get_n_converted (table);
  for (guint i = 0; i < MIN (report->n_converted, VP_CSV_REPORT_MAX_CONVERTED); i++)
    {
      VpCsvConverted *converted = g_new0 (VpCsvConverted, 1);
      guint column = 0;

      vp_csv_table_get_converted (table, i, &converted->line, &column);
      if (column < n_header && header[column][0] != '\0')
        converted->column = g_strdup (header[column]);
      else
        /* TRANSLATORS: a column of a spreadsheet without a name in the header row */
        converted->column = g_strdup_printf (_("column %u"), column + 1);
      g_ptr_array_add (report->converted, converted);
    }
}

static void G_GNUC_PRINTF (3, 4)
skip_row (VpCsvReport *report,
          guint        line,
          const char  *format,
          ...)
{
  VpCsvSkip *skip = g_new0 (VpCsvSkip, 1);
  va_list args;

  va_start (args, format);
  skip->reason = g_strdup_vprintf (format, args);
  va_end (args);
  skip->line = line;

  g_ptr_array_add (report->skipped, skip);
}

/* “E-Mail address:” → “e mail address” */
static char *
normalise_header (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '*' || c == ':')
        continue;
      if (c == '_' || c == '-' || c == '.' || g_ascii_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* “Cluster manager” → “cluster-manager”: the format's word. */
static char *
normalise_word (const char *text)
{
  g_autofree char *header = normalise_header (text);

  g_strdelimit (header, " ", '-');
  return g_steal_pointer (&header);
}

static gboolean
column_matches (const Column *column,
                const char   *header)
{
  g_auto(GStrv) names = g_strsplit (column->names, "|", -1);

  return g_strv_contains ((const char * const *)names, header);
}

/* The trimmed text of a cell, or NULL when empty. */
static char *
cell_text (const char * const *row,
           guint               n_fields,
           int                 index)
{
  char *text;

  if (index < 0 || (guint)index >= n_fields)
    return NULL;

  text = g_strstrip (g_strdup (vp_csv_unguard_cell (row[index])));
  /* blank is empty, no-break spaces too */
  if (vp_text_is_blank (text))
    {
      g_free (text);
      return NULL;
    }

  /* one line for fields that are one line; notes keep theirs */
  return text;
}

static const char *
country_code (const char *text)
{
  static char code[3];
  g_autofree char *folded = NULL;

  if (strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
    {
      code[0] = g_ascii_toupper (text[0]);
      code[1] = g_ascii_toupper (text[1]);
      code[2] = '\0';
      return code;
    }

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (country_names); i++)
    if (g_str_equal (folded, country_names[i].name))
      return country_names[i].code;

  return NULL;
}

/* The cells the rules of values (vp-values.h) apply to: FALSE, and the
 * row reported with what is wrong, when the cell breaks its rule. */
static gboolean
check_email (VpCsvReport *report,
             guint        line,
             const char  *text)
{
  g_autoptr(GError) error = NULL;

  if (vp_value_check_email (text, &error))
    return TRUE;
  skip_row (report, line, "%s", error->message);
  return FALSE;
}

/* A language code in either case, as the code the store keeps (newly
 * allocated); NULL when the row is skipped. */
static char *
check_language (VpCsvReport *report,
                guint        line,
                const char  *text)
{
  g_autofree char *code = g_ascii_strdown (text, -1);
  g_autoptr(GError) error = NULL;

  if (vp_value_check_language (code, &error))
    return g_steal_pointer (&code);
  skip_row (report, line, "%s", error->message);
  return NULL;
}

/* A country given by its code in either case or by its English name, as
 * the code the store keeps; NULL when the row is skipped. */
static const char *
check_country (VpCsvReport *report,
               guint        line,
               const char  *text)
{
  const char *code = country_code (text);
  g_autoptr(GError) error = NULL;

  if (code == NULL)
    {
      skip_row (report, line,
                _("“%s” is not a country: give its name in English or its two-letter code"), text);
      return NULL;
    }
  if (!vp_value_check_country (code, &error))
    {
      skip_row (report, line, "%s", error->message);
      return NULL;
    }

  return code;
}

/* Latitude and longitude cells, both or neither, as degrees (a decimal
 * comma too): FALSE, and the row reported, when they break the rules. */
static gboolean
check_position (VpCsvReport *report,
                guint        line,
                const char  *latitude,
                const char  *longitude,
                double      *lat,
                double      *lon)
{
  g_autoptr(GError) error = NULL;

  if ((latitude != NULL) != (longitude != NULL))
    {
      skip_row (report, line,
                _("latitude and longitude must both be given, in degrees (like 54.6872 and "
                  "25.2797)"));
      return FALSE;
    }
  if (latitude != NULL &&
      (!vp_value_parse_coordinate (VP_COORDINATE_LATITUDE, latitude, lat, &error) ||
       !vp_value_parse_coordinate (VP_COORDINATE_LONGITUDE, longitude, lon, &error)))
    {
      skip_row (report, line, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* A ref that no object in @taken has: “participant-7”. */
static char *
new_ref (GHashTable *taken,
         const char *prefix)
{
  for (guint n = g_hash_table_size (taken) + 1; ; n++)
    {
      char *ref = g_strdup_printf ("%s-%u", prefix, n);

      if (!g_hash_table_contains (taken, ref))
        return ref;
      g_free (ref);
    }
}

typedef struct
{
  int            columns[N_FIELDS];
  VpCsvReport   *report;
  GHashTable    *seen;      /* match key (case-folded) → line */
} Import;

/* A consent cell: the format's words (dietary, accessibility,
 * emergency-contact, share-with-hosts, share-with-participants), in any
 * case, with spaces for dashes, separated by commas, semicolons or bars;
 * FALSE (and the row reported) for another word. */
static gboolean
parse_consent (VpCsvReport    *report,
               guint           line,
               const char     *text,
               VpConsentField *fields)
{
  g_auto(GStrv) words = g_regex_split_simple ("[,;|]", text, 0, 0);

  *fields = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = normalise_word (words[i]);
      VpConsentField field;

      if (*word == '\0')
        continue;
      if (!vp_consent_field_from_word (word, &field))
        {
          skip_row (report, line,
                    _("“%s” is not a consent field: use dietary, accessibility, "
                      "emergency-contact, share-with-hosts or share-with-participants"),
                    g_strstrip (words[i]));
          return FALSE;
        }
      *fields |= field;
    }
  return TRUE;
}

/* The consent cells of one row: FALSE (and the row reported) when one is
 * not acceptable.  Only the non-empty ones change @participant. */
static gboolean
apply_consent (Import             *import,
               const char * const *row,
               guint               n_fields,
               guint               line,
               VpParticipant      *participant)
{
  g_autofree char *consent = cell_text (row, n_fields, import->columns[FIELD_CONSENT]);
  g_autofree char *given = cell_text (row, n_fields, import->columns[FIELD_CONSENT_GIVEN]);
  g_autofree char *wording = cell_text (row, n_fields, import->columns[FIELD_CONSENT_WORDING]);
  g_autoptr(GError) error = NULL;
  VpConsentField fields = 0;

  if (consent != NULL && !parse_consent (import->report, line, consent, &fields))
    return FALSE;
  if (given != NULL && !vp_value_check_date (given, NULL, &error))
    {
      skip_row (import->report, line, "%s", error->message);
      return FALSE;
    }

  if (consent != NULL)
    vp_participant_set_consent_fields (participant, fields);
  if (given != NULL)
    vp_participant_set_consent_given (participant, given);
  if (wording != NULL)
    vp_participant_set_consent_wording (participant, wording);
  return TRUE;
}

/* After a row: the needs and emergency contact of @participant without
 * consent to keep them are not kept, and the report says so, naming the
 * line and the column (a cell given), or that the row's consent took it
 * away. */
static void
drop_unconsented (Import             *import,
                  const char * const *row,
                  guint               n_fields,
                  guint               line,
                  VpParticipant      *participant)
{
  static const struct
  {
    VpConsentField consent;
    Field          field;
  } kept[] = {
    { VP_CONSENT_DIETARY, FIELD_DIETARY },
    { VP_CONSENT_ACCESSIBILITY, FIELD_ACCESSIBILITY },
    { VP_CONSENT_EMERGENCY_CONTACT, FIELD_EMERGENCY_CONTACT },
  };
  VpConsentField dropped = vp_privacy_drop_unconsented (participant);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      const char *member = vp_privacy_member_for_consent (kept[i].consent);
      g_autofree char *cell = NULL;
      VpCsvSkip *entry;

      if (!(dropped & kept[i].consent))
        continue;
      cell = cell_text (row, n_fields, import->columns[kept[i].field]);
      entry = g_new0 (VpCsvSkip, 1);
      entry->line = line;
      entry->reason = cell != NULL
        /* TRANSLATORS: a column ("dietary"), a name, then what it holds ("dietary needs") */
        ? g_strdup_printf (_("column “%s”: not stored: %s has not consented to give their %s"),
                           member, vp_participant_get_name (participant),
                           vp_consent_field_get_label (kept[i].consent))
        : g_strdup_printf (_("“%s” erased: %s no longer consents to give their %s"),
                           member, vp_participant_get_name (participant),
                           vp_consent_field_get_label (kept[i].consent));
      g_ptr_array_add (import->report->not_stored, entry);
    }
}

/* Fields of a participant from one row; FALSE (and the row reported) when
 * a cell is not acceptable.  @participant gets only the non-empty cells. */
static gboolean
apply_participant_row (Import             *import,
                       const char * const *row,
                       guint               n_fields,
                       guint               line,
                       VpParticipant      *participant)
{
  g_autofree char *email = cell_text (row, n_fields, import->columns[FIELD_EMAIL]);
  g_autofree char *country = cell_text (row, n_fields, import->columns[FIELD_COUNTRY]);
  g_autofree char *role = cell_text (row, n_fields, import->columns[FIELD_ROLE]);
  g_autofree char *language = cell_text (row, n_fields, import->columns[FIELD_LANGUAGE]);
  g_autofree char *language_code = NULL;
  static const struct
  {
    Field field;
    void (*set) (VpParticipant *, const char *);
  } texts[] = {
    { FIELD_ORGANISATION, vp_participant_set_organisation },
    { FIELD_PHONE, vp_participant_set_phone },
    { FIELD_DIETARY, vp_participant_set_dietary },
    { FIELD_ACCESSIBILITY, vp_participant_set_accessibility },
    { FIELD_EMERGENCY_CONTACT, vp_participant_set_emergency_contact },
    { FIELD_NOTES, vp_participant_set_notes },
  };
  int role_value = VP_PARTICIPANT_ROLE_UNSET;

  if (email != NULL && !check_email (import->report, line, email))
    return FALSE;
  if (country != NULL && check_country (import->report, line, country) == NULL)
    return FALSE;
  if (language != NULL && (language_code = check_language (import->report, line, language)) == NULL)
    return FALSE;
  if (!apply_consent (import, row, n_fields, line, participant))
    return FALSE;
  if (role != NULL)
    {
      g_autofree char *word = normalise_word (role);

      if (!vp_enum_from_nick (VP_TYPE_PARTICIPANT_ROLE, word, &role_value))
        {
          skip_row (import->report, line,
                    _("“%s” is not a role: use cluster-manager, sme, researcher, "
                      "support-organisation or other"),
                    role);
          return FALSE;
        }
    }

  if (email != NULL)
    vp_participant_set_email (participant, email);
  if (country != NULL)
    vp_participant_set_country (participant, country_code (country));
  if (role != NULL)
    vp_participant_set_role (participant, role_value);
  if (language_code != NULL)
    vp_participant_set_language (participant, language_code);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = cell_text (row, n_fields, import->columns[texts[i].field]);

      if (text != NULL)
        texts[i].set (participant, text);
    }

  return TRUE;
}

static gboolean
apply_host_row (Import             *import,
                const char * const *row,
                guint               n_fields,
                guint               line,
                VpHost             *host)
{
  g_autofree char *country = cell_text (row, n_fields, import->columns[FIELD_COUNTRY]);
  g_autofree char *kind = cell_text (row, n_fields, import->columns[FIELD_KIND]);
  g_autofree char *email = cell_text (row, n_fields, import->columns[FIELD_CONTACT_EMAIL]);
  g_autofree char *latitude = cell_text (row, n_fields, import->columns[FIELD_LATITUDE]);
  g_autofree char *longitude = cell_text (row, n_fields, import->columns[FIELD_LONGITUDE]);
  g_autofree char *size = cell_text (row, n_fields, import->columns[FIELD_MAX_GROUP_SIZE]);
  g_autofree char *language = cell_text (row, n_fields, import->columns[FIELD_LANGUAGE]);
  g_autofree char *language_code = NULL;
  static const struct
  {
    Field field;
    void (*set) (VpHost *, const char *);
  } texts[] = {
    { FIELD_CONTACT_NAME, vp_host_set_contact_name },
    { FIELD_PHONE, vp_host_set_phone },
    { FIELD_ADDRESS, vp_host_set_address },
    { FIELD_CITY, vp_host_set_city },
    { FIELD_NOTES, vp_host_set_notes },
  };
  int kind_value = VP_HOST_KIND_UNSET;
  double lat = NAN;
  double lon = NAN;
  gint64 group = 0;
  g_autoptr(GError) error = NULL;

  if (country != NULL && check_country (import->report, line, country) == NULL)
    return FALSE;
  if (language != NULL && (language_code = check_language (import->report, line, language)) == NULL)
    return FALSE;
  if (kind != NULL)
    {
      g_autofree char *word = normalise_word (kind);

      if (!vp_enum_from_nick (VP_TYPE_HOST_KIND, word, &kind_value))
        {
          skip_row (import->report, line,
                    _("“%s” is not a kind of host: use company, university, research, cluster, "
                      "public or other"),
                    kind);
          return FALSE;
        }
    }
  if (email != NULL && !check_email (import->report, line, email))
    return FALSE;
  if (!check_position (import->report, line, latitude, longitude, &lat, &lon))
    return FALSE;
  if (size != NULL && !vp_value_parse_count (size, 1, VP_VALUE_COUNT_MAX, &group, &error))
    {
      /* TRANSLATORS: a cell, then what is wrong with it */
      skip_row (import->report, line, _("“%s” is not a group size: %s"), size, error->message);
      return FALSE;
    }

  if (country != NULL)
    vp_host_set_country (host, country_code (country));
  if (kind != NULL)
    vp_host_set_kind (host, kind_value);
  if (email != NULL)
    vp_host_set_contact_email (host, email);
  if (latitude != NULL)
    vp_host_set_position (host, lat, lon);
  if (size != NULL)
    vp_host_set_max_group_size (host, (int)group);
  if (language_code != NULL)
    vp_host_set_language (host, language_code);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = cell_text (row, n_fields, import->columns[texts[i].field]);

      if (text != NULL)
        texts[i].set (host, text);
    }

  return TRUE;
}

/* “Cluster organization”, “SME”, “cluster” → the format's word for the kind. */
static gboolean
parse_organisation_kind (const char *text,
                         int        *kind)
{
  static const struct
  {
    const char *word;
    const char *nick;
  } aliases[] = {
    { "cluster", "cluster-organisation" },
    { "support", "support-organisation" },
    { "scale-up-support-organisation", "support-organisation" },
    { "large-enterprise", "large-company" },
    { "public-body", "public-authority" },
  };
  g_autofree char *word = normalise_word (text);
  g_auto(GStrv) parts = g_strsplit (word, "organization", -1);
  g_autofree char *spelt = g_strjoinv ("organisation", parts);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (spelt, aliases[i].word))
      return vp_enum_from_nick (VP_TYPE_ORGANISATION_KIND, aliases[i].nick, kind);

  return vp_enum_from_nick (VP_TYPE_ORGANISATION_KIND, spelt, kind);
}

static gboolean
apply_organisation_row (Import             *import,
                        const char * const *row,
                        guint               n_fields,
                        guint               line,
                        VpOrganisation     *organisation)
{
  g_autofree char *country = cell_text (row, n_fields, import->columns[FIELD_COUNTRY]);
  g_autofree char *kind = cell_text (row, n_fields, import->columns[FIELD_KIND]);
  g_autofree char *email = cell_text (row, n_fields, import->columns[FIELD_CONTACT_EMAIL]);
  g_autofree char *latitude = cell_text (row, n_fields, import->columns[FIELD_LATITUDE]);
  g_autofree char *longitude = cell_text (row, n_fields, import->columns[FIELD_LONGITUDE]);
  static const struct
  {
    Field field;
    void (*set) (VpOrganisation *, const char *);
  } texts[] = {
    { FIELD_CITY, vp_organisation_set_city },
    { FIELD_CLUSTER, vp_organisation_set_cluster },
    { FIELD_ECCP_URL, vp_organisation_set_eccp_url },
    { FIELD_CONTACT_NAME, vp_organisation_set_contact_name },
  };
  int kind_value = VP_ORGANISATION_KIND_UNSET;
  double lat = NAN;
  double lon = NAN;

  if (country != NULL && check_country (import->report, line, country) == NULL)
    return FALSE;
  if (kind != NULL && !parse_organisation_kind (kind, &kind_value))
    {
      skip_row (import->report, line,
                _("“%s” is not a kind of organisation: use cluster-organisation, sme, "
                  "support-organisation, research, large-company, public-authority or other"),
                kind);
      return FALSE;
    }
  if (email != NULL && !check_email (import->report, line, email))
    return FALSE;
  if (!check_position (import->report, line, latitude, longitude, &lat, &lon))
    return FALSE;

  if (country != NULL)
    vp_organisation_set_country (organisation, country_code (country));
  if (kind != NULL)
    vp_organisation_set_kind (organisation, kind_value);
  if (email != NULL)
    vp_organisation_set_contact_email (organisation, email);
  if (latitude != NULL)
    vp_organisation_set_position (organisation, lat, lon);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = cell_text (row, n_fields, import->columns[texts[i].field]);

      if (text != NULL)
        texts[i].set (organisation, text);
    }

  return TRUE;
}

static gboolean
same_participant (VpParticipant *a,
                  VpParticipant *b)
{
  return g_strcmp0 (vp_participant_get_name (a), vp_participant_get_name (b)) == 0 &&
         g_strcmp0 (vp_participant_get_email (a), vp_participant_get_email (b)) == 0 &&
         g_strcmp0 (vp_participant_get_organisation (a),
                    vp_participant_get_organisation (b)) == 0 &&
         g_strcmp0 (vp_participant_get_phone (a), vp_participant_get_phone (b)) == 0 &&
         g_strcmp0 (vp_participant_get_country (a), vp_participant_get_country (b)) == 0 &&
         vp_participant_get_role (a) == vp_participant_get_role (b) &&
         g_strcmp0 (vp_participant_get_dietary (a), vp_participant_get_dietary (b)) == 0 &&
         g_strcmp0 (vp_participant_get_accessibility (a),
                    vp_participant_get_accessibility (b)) == 0 &&
         g_strcmp0 (vp_participant_get_emergency_contact (a),
                    vp_participant_get_emergency_contact (b)) == 0 &&
         g_strcmp0 (vp_participant_get_notes (a), vp_participant_get_notes (b)) == 0 &&
         vp_participant_get_consent_fields (a) == vp_participant_get_consent_fields (b) &&
         g_strcmp0 (vp_participant_get_consent_given (a),
                    vp_participant_get_consent_given (b)) == 0 &&
         g_strcmp0 (vp_participant_get_consent_wording (a),
                    vp_participant_get_consent_wording (b)) == 0 &&
         g_strcmp0 (vp_participant_get_language (a), vp_participant_get_language (b)) == 0;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
same_host (VpHost *a,
           VpHost *b)
{
  return g_strcmp0 (vp_host_get_name (a), vp_host_get_name (b)) == 0 &&
         vp_host_get_kind (a) == vp_host_get_kind (b) &&
         g_strcmp0 (vp_host_get_contact_name (a), vp_host_get_contact_name (b)) == 0 &&
         g_strcmp0 (vp_host_get_contact_email (a), vp_host_get_contact_email (b)) == 0 &&
         g_strcmp0 (vp_host_get_phone (a), vp_host_get_phone (b)) == 0 &&
         g_strcmp0 (vp_host_get_address (a), vp_host_get_address (b)) == 0 &&
         g_strcmp0 (vp_host_get_city (a), vp_host_get_city (b)) == 0 &&
         g_strcmp0 (vp_host_get_country (a), vp_host_get_country (b)) == 0 &&
         same_double (vp_host_get_latitude (a), vp_host_get_latitude (b)) &&
         same_double (vp_host_get_longitude (a), vp_host_get_longitude (b)) &&
         vp_host_get_max_group_size (a) == vp_host_get_max_group_size (b) &&
         g_strcmp0 (vp_host_get_notes (a), vp_host_get_notes (b)) == 0 &&
         g_strcmp0 (vp_host_get_language (a), vp_host_get_language (b)) == 0;
}

/* Maps the header row to fields; unknown columns go in the report. */
static void
map_columns (Import       *import,
             VpCsvTable   *table,
             const Column *columns,
             guint         n_columns)
{
  guint n_fields;
  const char * const *header = vp_csv_table_get_row (table, 0, &n_fields);

  for (guint f = 0; f < N_FIELDS; f++)
    import->columns[f] = -1;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = normalise_header (vp_csv_unguard_cell (header[i]));
      gboolean known = FALSE;

      for (guint c = 0; c < n_columns && !known; c++)
        if (column_matches (&columns[c], name))
          {
            known = TRUE;
            if (import->columns[columns[c].field] < 0)
              import->columns[columns[c].field] = (int)i;
          }

      if (!known && name[0] != '\0')
        g_ptr_array_add (import->report->unknown_columns, g_strdup (header[i]));
    }
}

/* The objects an import of @kind reads and changes, by kind: the list's
 * functions, so that one loop serves all three. */

static const char *
object_ref (VpCsvKind  kind,
            GObject   *object)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return vp_participant_get_ref (VP_PARTICIPANT (object));
    case VP_CSV_KIND_HOSTS:
      return vp_host_get_ref (VP_HOST (object));
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return vp_organisation_get_ref (VP_ORGANISATION (object));
    }
}

/* What a row is matched by when its id matches none: a participant's
 * email, a host's or an organisation's name. */
static const char *
object_match_text (VpCsvKind  kind,
                   GObject   *object)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return vp_participant_get_email (VP_PARTICIPANT (object));
    case VP_CSV_KIND_HOSTS:
      return vp_host_get_name (VP_HOST (object));
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return vp_organisation_get_name (VP_ORGANISATION (object));
    }
}

/* "key:" and @text case-folded; an organisation's name however spelt
 * (vp_organisation_name_key()).  NULL when @text is. */
static char *
match_key (VpCsvKind   kind,
           const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  folded = kind == VP_CSV_KIND_ORGANISATIONS ? vp_organisation_name_key (text)
                                             : g_utf8_casefold (text, -1);
  return folded != NULL ? g_strconcat ("key:", folded, NULL) : NULL;
}

static GObject *
object_new (VpCsvKind kind)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return G_OBJECT (vp_participant_new ());
    case VP_CSV_KIND_HOSTS:
      return G_OBJECT (vp_host_new ());
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return G_OBJECT (vp_organisation_new ());
    }
}

static GObject *
object_copy (VpCsvKind  kind,
             GObject   *object)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return G_OBJECT (vp_participant_copy (VP_PARTICIPANT (object)));
    case VP_CSV_KIND_HOSTS:
      return G_OBJECT (vp_host_copy (VP_HOST (object)));
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return G_OBJECT (vp_organisation_copy (VP_ORGANISATION (object)));
    }
}

static gboolean
apply_row (VpCsvKind           kind,
           Import             *import,
           const char * const *row,
           guint               n_fields,
           guint               line,
           GObject            *object)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return apply_participant_row (import, row, n_fields, line, VP_PARTICIPANT (object));
    case VP_CSV_KIND_HOSTS:
      return apply_host_row (import, row, n_fields, line, VP_HOST (object));
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return apply_organisation_row (import, row, n_fields, line, VP_ORGANISATION (object));
    }
}

static void
set_name_and_ref (VpCsvKind   kind,
                  GObject    *object,
                  const char *name,
                  const char *ref)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      vp_participant_set_name (VP_PARTICIPANT (object), name);
      if (ref != NULL)
        vp_participant_set_ref (VP_PARTICIPANT (object), ref);
      break;
    case VP_CSV_KIND_HOSTS:
      vp_host_set_name (VP_HOST (object), name);
      if (ref != NULL)
        vp_host_set_ref (VP_HOST (object), ref);
      break;
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      vp_organisation_set_name (VP_ORGANISATION (object), name);
      if (ref != NULL)
        {
          g_autofree char *uid = g_uuid_string_random ();

          /* a new organisation: a ref and a uid of its own, for ever */
          vp_organisation_set_ref (VP_ORGANISATION (object), ref);
          vp_organisation_set_uid (VP_ORGANISATION (object), uid);
        }
      break;
    }
}

static gboolean
same_object (VpCsvKind  kind,
             GObject   *a,
             GObject   *b)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      return same_participant (VP_PARTICIPANT (a), VP_PARTICIPANT (b));
    case VP_CSV_KIND_HOSTS:
      return same_host (VP_HOST (a), VP_HOST (b));
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      return vp_record_equal (a, b);
    }
}

/* A row that repeats the one on line @first. */
static void
skip_duplicate (VpCsvReport *report,
                VpCsvKind    kind,
                guint        line,
                guint        first)
{
  switch (kind)
    {
    case VP_CSV_KIND_PARTICIPANTS:
      skip_row (report, line, _("the same person as on line %u"), first);
      break;
    case VP_CSV_KIND_HOSTS:
      skip_row (report, line, _("the same host as on line %u"), first);
      break;
    case VP_CSV_KIND_ORGANISATIONS:
    default:
      skip_row (report, line, _("the same organisation as on line %u"), first);
      break;
    }
}

/* The programme of @snapshot with these hosts, organisations and
 * participants.  With @renamed (organisations were imported), a
 * participant of an organisation that now has another name takes that name
 * (a copy: @snapshot's own is not changed); else a participant's
 * organisation text decides, as in a programme document. */
static VpSnapshot *
rebuild (VpSnapshot *snapshot,
         GPtrArray  *hosts,
         GPtrArray  *organisations,
         GPtrArray  *participants,
         gboolean    renamed)
{
  VpSnapshot *copy = vp_snapshot_new (vp_snapshot_get_programme (snapshot));
  GPtrArray *sessions = vp_snapshot_get_sessions (snapshot);

  for (guint i = 0; i < hosts->len; i++)
    vp_snapshot_add_host (copy, g_ptr_array_index (hosts, i));
  for (guint i = 0; i < organisations->len; i++)
    vp_snapshot_add_organisation (copy, g_ptr_array_index (organisations, i));
  for (guint i = 0; i < participants->len; i++)
    {
      VpParticipant *participant = g_ptr_array_index (participants, i);
      VpOrganisation *organisation =
        vp_snapshot_lookup_organisation (copy, vp_participant_get_organisation_ref (participant));
      g_autoptr(VpParticipant) follower = NULL;

      if (renamed && organisation != NULL &&
          g_strcmp0 (vp_participant_get_organisation (participant),
                     vp_organisation_get_name (organisation)) != 0)
        {
          follower = vp_participant_copy (participant);
          vp_participant_set_organisation (follower, vp_organisation_get_name (organisation));
          participant = follower;
        }

      /* an organisation named in the list finds or makes its organisation */
      vp_snapshot_add_participant (copy, participant);
      vp_snapshot_resolve_organisation (copy, participant);
    }
  for (guint i = 0; i < sessions->len; i++)
    vp_snapshot_add_session (copy, g_ptr_array_index (sessions, i));

  return copy;
}

static GPtrArray *
copy_list (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_new_full (list->len, g_object_unref);

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (list, i)));
  return copy;
}

VpSnapshot *
vp_csv_import (VpSnapshot    *snapshot,
               VpCsvKind      kind,
               GBytes        *bytes,
               VpCsvReport  **report_out,
               GError       **error)
{
  static const char * const ref_prefixes[] = { "participant", "host", "organisation" };
  g_autoptr(VpCsvTable) table = NULL;
  g_autoptr(VpCsvReport) report = NULL;
  g_autoptr(GPtrArray) hosts = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GHashTable) by_key = NULL;  /* match key → index in the list */
  g_autoptr(GHashTable) refs = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) resolved = NULL;  /* index of an existing object → line */
  gboolean matched_by_id;
  gboolean people = kind == VP_CSV_KIND_PARTICIPANTS;
  GPtrArray *list;
  Import import = { { 0, }, NULL, NULL };

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (kind <= VP_CSV_KIND_ORGANISATIONS, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = vp_csv_table_parse (bytes, error);
  if (table == NULL)
    return NULL;

  report = g_new0 (VpCsvReport, 1);
  report->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify)skip_free);
  report->unknown_columns = g_ptr_array_new_with_free_func (g_free);
  report->encoding = g_strdup (vp_csv_table_get_encoding (table));
  report->separator = vp_csv_table_get_separator (table);
  report->converted = g_ptr_array_new_with_free_func ((GDestroyNotify)converted_free);
  report->not_stored = g_ptr_array_new_with_free_func ((GDestroyNotify)skip_free);
  report_converted (report, table);
  import.report = report;

  if (people)
    map_columns (&import, table, participant_columns, G_N_ELEMENTS (participant_columns));
  else if (kind == VP_CSV_KIND_HOSTS)
    map_columns (&import, table, host_columns, G_N_ELEMENTS (host_columns));
  else
    map_columns (&import, table, organisation_columns, G_N_ELEMENTS (organisation_columns));

  if (import.columns[FIELD_NAME] < 0 &&
      !(people && (import.columns[FIELD_FIRST_NAME] >= 0 || import.columns[FIELD_LAST_NAME] >= 0)))
    {
      g_set_error (error, VP_CSV_ERROR, VP_CSV_ERROR_SYNTAX,
                   people
                   ? _("line 1: no column of names: the header row needs “Name” (or “First name” "
                       "and “Last name”)")
                   : _("line 1: no column of names: the header row needs “Name”"));
      return NULL;
    }

  hosts = copy_list (vp_snapshot_get_hosts (snapshot));
  organisations = copy_list (vp_snapshot_get_organisations (snapshot));
  participants = copy_list (vp_snapshot_get_participants (snapshot));
  list = people ? participants : kind == VP_CSV_KIND_HOSTS ? hosts : organisations;

  /* Existing objects by id, and by email or name (case-folded). */
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      GObject *object = g_ptr_array_index (list, i);
      const char *ref = object_ref (kind, object);
      g_autofree char *key = match_key (kind, object_match_text (kind, object));

      if (ref != NULL)
        {
          g_hash_table_insert (refs, g_strdup (ref), GUINT_TO_POINTER (i + 1));
          g_hash_table_insert (by_key, g_strconcat ("id:", ref, NULL), GUINT_TO_POINTER (i + 1));
        }
      if (key != NULL)
        g_hash_table_insert (by_key, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  resolved = g_hash_table_new (NULL, NULL);
  for (guint r = 1; r < vp_csv_table_get_n_rows (table); r++)
    {
      guint n_fields;
      const char * const *row = vp_csv_table_get_row (table, r, &n_fields);
      guint line = vp_csv_table_get_line (table, r);
      g_autofree char *id = cell_text (row, n_fields, import.columns[FIELD_ID]);
      g_autofree char *name = cell_text (row, n_fields, import.columns[FIELD_NAME]);
      g_autofree char *match_text = NULL;
      g_autofree char *id_key = NULL;
      g_autofree char *row_key = NULL;
      g_autoptr(GError) value_error = NULL;
      guint index = 0;

      if (name == NULL && people)
        {
          g_autofree char *first = cell_text (row, n_fields, import.columns[FIELD_FIRST_NAME]);
          g_autofree char *last = cell_text (row, n_fields, import.columns[FIELD_LAST_NAME]);

          if (first != NULL || last != NULL)
            name = g_strjoin (" ", first ? first : last, first && last ? last : NULL, NULL);
        }

      if (name == NULL)
        {
          skip_row (report, line, _("no name"));
          continue;
        }
      /* the rules of values (vp-values.h) */
      if (!vp_value_check_name (name, &value_error))
        {
          skip_row (report, line, "%s", value_error->message);
          continue;
        }
      if (id != NULL && !vp_value_check_identifier (id, &value_error))
        {
          skip_row (report, line, "%s", value_error->message);
          continue;
        }

      match_text =
        people ? cell_text (row, n_fields, import.columns[FIELD_EMAIL]) : g_strdup (name);
      if (id != NULL)
        id_key = g_strconcat ("id:", id, NULL);
      row_key = match_key (kind, match_text);

      if (id_key != NULL)
        index = GPOINTER_TO_UINT (g_hash_table_lookup (by_key, id_key));
      matched_by_id = index > 0;
      if (index == 0 && row_key != NULL)
        index = GPOINTER_TO_UINT (g_hash_table_lookup (by_key, row_key));

      /* The same person, host or organisation twice in one file: by id,
       * and by email or name unless the row's own id already says who it
       * is (the stored list may hold two people with one address). */
      {
        const char *duplicate = NULL;

        if (id_key != NULL && g_hash_table_contains (seen, id_key))
          duplicate = id_key;
        else if (!matched_by_id && row_key != NULL && g_hash_table_contains (seen, row_key))
          duplicate = row_key;

        if (duplicate != NULL)
          {
            skip_duplicate (report, kind, line,
                            GPOINTER_TO_UINT (g_hash_table_lookup (seen, duplicate)));
            continue;
          }
      }

      /* one existing object, reached from two rows by different keys */
      if (index > 0 && g_hash_table_contains (resolved, GUINT_TO_POINTER (index)))
        {
          skip_duplicate (report, kind, line,
                          GPOINTER_TO_UINT (g_hash_table_lookup (resolved,
                                                                 GUINT_TO_POINTER (index))));
          continue;
        }

      /* an update must not give someone the email (a host or an
       * organisation the name) that another one already has */
      if (matched_by_id && row_key != NULL)
        {
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (by_key, row_key));

          if (other > 0 && other != index)
            {
              GObject *holder = g_ptr_array_index (list, other - 1);

              if (people)
                skip_row (report, line, _("“%s” is already the email of %s"), match_text,
                          vp_participant_get_name (VP_PARTICIPANT (holder)));
              else if (kind == VP_CSV_KIND_HOSTS)
                skip_row (report, line, _("“%s” is already the name of another host (%s)"),
                          match_text, object_ref (kind, holder));
              else
                skip_row (report, line,
                          _("“%s” is already the name of another organisation (%s)"),
                          match_text, object_ref (kind, holder));
              continue;
            }
        }

      if (index > 0)
        {
          GObject *existing = g_ptr_array_index (list, index - 1);
          g_autoptr(GObject) changed = NULL;

          g_hash_table_insert (resolved, GUINT_TO_POINTER (index), GUINT_TO_POINTER (line));
          changed = object_copy (kind, existing);
          if (!apply_row (kind, &import, row, n_fields, line, changed))
            continue;
          /* an organisation found by its name keeps the spelling it has;
           * its id (or a host's or person's row) may rename it */
          if (matched_by_id || kind != VP_CSV_KIND_ORGANISATIONS)
            set_name_and_ref (kind, changed, name, NULL);
          if (people)
            drop_unconsented (&import, row, n_fields, line, VP_PARTICIPANT (changed));

          if (same_object (kind, existing, changed))
            report->unchanged++;
          else
            {
              report->updated++;
              g_ptr_array_index (list, index - 1) = g_steal_pointer (&changed);
              g_object_unref (existing);
              if (row_key != NULL && !g_hash_table_contains (by_key, row_key))
                g_hash_table_insert (by_key, g_strdup (row_key), GUINT_TO_POINTER (index));
            }
        }
      else
        {
          g_autoptr(GObject) added = object_new (kind);
          g_autofree char *ref = id != NULL && !g_hash_table_contains (refs, id)
            ? g_strdup (id)
            : new_ref (refs, ref_prefixes[kind]);
          /* a list without a consent column: what it gives is kept as
           * consented, as for a programme document without "consent" */
          gboolean assumed = people && import.columns[FIELD_CONSENT] < 0;

          if (assumed)
            vp_participant_set_consent_fields (VP_PARTICIPANT (added), VP_CONSENT_ALL);
          if (!apply_row (kind, &import, row, n_fields, line, added))
            continue;
          /* counted when it keeps needs or an emergency contact */
          if (assumed &&
              (vp_participant_get_dietary (VP_PARTICIPANT (added)) != NULL ||
               vp_participant_get_accessibility (VP_PARTICIPANT (added)) != NULL ||
               vp_participant_get_emergency_contact (VP_PARTICIPANT (added)) != NULL))
            report->assumed_consent++;

          set_name_and_ref (kind, added, name, ref);
          if (people)
            drop_unconsented (&import, row, n_fields, line, VP_PARTICIPANT (added));
          g_hash_table_add (refs, g_strdup (ref));
          g_ptr_array_add (list, g_steal_pointer (&added));
          report->added++;
          if (row_key != NULL && !g_hash_table_contains (by_key, row_key))
            g_hash_table_insert (by_key, g_strdup (row_key), GUINT_TO_POINTER (list->len));
        }

      if (id_key != NULL)
        g_hash_table_insert (seen, g_steal_pointer (&id_key), GUINT_TO_POINTER (line));
      if (row_key != NULL)
        g_hash_table_insert (seen, g_steal_pointer (&row_key), GUINT_TO_POINTER (line));
    }

  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);

  return rebuild (snapshot, hosts, organisations, participants,
                  kind == VP_CSV_KIND_ORGANISATIONS);
}

/* Export {{{1 */

GBytes *
vp_csv_export (VpSnapshot *snapshot,
               VpCsvKind   kind)
{
  static const char * const participant_header[] = {
    "id", "name", "email", "organisation", "phone", "country", "role", "dietary",
    "accessibility", "emergency_contact", "notes", "consent", "consent_given",
    "consent_wording", "language",
  };
  static const char * const host_header[] = {
    "id", "name", "kind", "contact_name", "contact_email", "phone", "address", "city",
    "country", "latitude", "longitude", "max_group_size", "notes", "language",
  };
  static const char * const organisation_header[] = {
    "id", "name", "kind", "country", "city", "latitude", "longitude", "cluster", "eccp_url",
    "contact_name", "contact_email",
  };
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  g_return_val_if_fail (VP_IS_SNAPSHOT (snapshot), NULL);

  if (kind == VP_CSV_KIND_PARTICIPANTS)
    {
      GPtrArray *participants = vp_snapshot_get_participants (snapshot);

      vp_csv_append_record (out, participant_header, G_N_ELEMENTS (participant_header));
      for (guint i = 0; i < participants->len; i++)
        {
          VpParticipant *p = g_ptr_array_index (participants, i);
          g_auto(GStrv) words = vp_consent_fields_to_words (vp_participant_get_consent_fields (p));
          g_autofree char *consent = g_strjoinv (", ", words);
          const char *fields[] = {
            vp_participant_get_ref (p), vp_participant_get_name (p), vp_participant_get_email (p),
            vp_participant_get_organisation (p), vp_participant_get_phone (p),
            vp_participant_get_country (p),
            vp_enum_to_nick (VP_TYPE_PARTICIPANT_ROLE, vp_participant_get_role (p)),
            vp_participant_get_dietary (p), vp_participant_get_accessibility (p),
            vp_participant_get_emergency_contact (p), vp_participant_get_notes (p),
            /* empty: consented to nothing, which an import of an existing
             * participant reads as "leave it"; a new one gets nothing */
            consent, vp_participant_get_consent_given (p), vp_participant_get_consent_wording (p),
            vp_participant_get_language (p),
          };

          vp_csv_append_record (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else if (kind == VP_CSV_KIND_ORGANISATIONS)
    {
      GPtrArray *organisations = vp_snapshot_get_organisations (snapshot);

      vp_csv_append_record (out, organisation_header, G_N_ELEMENTS (organisation_header));
      for (guint i = 0; i < organisations->len; i++)
        {
          VpOrganisation *o = g_ptr_array_index (organisations, i);
          g_autofree char *latitude = vp_value_format_decimal (vp_organisation_get_latitude (o));
          g_autofree char *longitude = vp_value_format_decimal (vp_organisation_get_longitude (o));
          const char *fields[] = {
            vp_organisation_get_ref (o), vp_organisation_get_name (o),
            vp_enum_to_nick (VP_TYPE_ORGANISATION_KIND, vp_organisation_get_kind (o)),
            vp_organisation_get_country (o), vp_organisation_get_city (o), latitude, longitude,
            vp_organisation_get_cluster (o), vp_organisation_get_eccp_url (o),
            vp_organisation_get_contact_name (o), vp_organisation_get_contact_email (o),
          };

          vp_csv_append_record (out, fields, G_N_ELEMENTS (fields));
        }
    }
  else
    {
      GPtrArray *hosts = vp_snapshot_get_hosts (snapshot);

      vp_csv_append_record (out, host_header, G_N_ELEMENTS (host_header));
      for (guint i = 0; i < hosts->len; i++)
        {
          VpHost *h = g_ptr_array_index (hosts, i);
          g_autofree char *latitude = vp_value_format_decimal (vp_host_get_latitude (h));
          g_autofree char *longitude = vp_value_format_decimal (vp_host_get_longitude (h));
          g_autofree char *size = vp_host_get_max_group_size (h) > 0
            ? g_strdup_printf ("%d", vp_host_get_max_group_size (h))
            : NULL;
          const char *fields[] = {
            vp_host_get_ref (h), vp_host_get_name (h),
            vp_enum_to_nick (VP_TYPE_HOST_KIND, vp_host_get_kind (h)),
            vp_host_get_contact_name (h), vp_host_get_contact_email (h), vp_host_get_phone (h),
            vp_host_get_address (h), vp_host_get_city (h), vp_host_get_country (h),
            latitude, longitude, size, vp_host_get_notes (h), vp_host_get_language (h),
          };

          vp_csv_append_record (out, fields, G_N_ELEMENTS (fields));
        }
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

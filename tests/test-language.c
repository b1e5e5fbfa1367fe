/* test-language.c: a document's language (vp-language): .mo catalogs compiled by msgfmt for the
 * test, read without the system's locales; plural forms; dates from translated names. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "vp-document-i18n.h"
#include "vp-language.h"
#include "vp-test-core.h"

static char *locale_dir;

static const char german[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
  "\n"
  "msgid \"Host sheet\"\n"
  "msgstr \"Gastgeberblatt\"\n"
  "\n"
  "msgctxt \"weekday\"\n"
  "msgid \"Tuesday\"\n"
  "msgstr \"Dienstag\"\n"
  "\n"
  "msgctxt \"abbreviated weekday\"\n"
  "msgid \"Tue\"\n"
  "msgstr \"Di\"\n"
  "\n"
  "msgctxt \"month in a date\"\n"
  "msgid \"April\"\n"
  "msgstr \"April\"\n"
  "\n"
  "msgctxt \"abbreviated month in a date\"\n"
  "msgid \"Apr\"\n"
  "msgstr \"Apr.\"\n"
  "\n"
  "msgid \"%A %-d %B %Y\"\n"
  "msgstr \"%A, %-d. %B %Y\"\n"
  "\n"
  "msgid \"%u person\"\n"
  "msgid_plural \"%u people\"\n"
  "msgstr[0] \"%u Person\"\n"
  "msgstr[1] \"%u Personen\"\n";

static const char french[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"
  "\n"
  "msgid \"Host sheet\"\n"
  "msgstr \"Fiche de l’hôte\"\n"
  "\n"
  "msgctxt \"weekday\"\n"
  "msgid \"Tuesday\"\n"
  "msgstr \"mardi\"\n"
  "\n"
  "msgctxt \"month in a date\"\n"
  "msgid \"April\"\n"
  "msgstr \"avril\"\n"
  "\n"
  "msgctxt \"month\"\n"
  "msgid \"April\"\n"
  "msgstr \"Avril\"\n"
  "\n"
  "msgid \"%A %-d %B %Y\"\n"
  "msgstr \"%A %-d %B %Y\"\n"
  "\n"
  "msgid \"%u person\"\n"
  "msgid_plural \"%u people\"\n"
  "msgstr[0] \"%u personne\"\n"
  "msgstr[1] \"%u personnes\"\n";

/* Lithuanian's three forms: 1, 21, 31… ; 2–9, 22–29… ; 0, 10–20, 30… */
static const char lithuanian[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
  "(n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
  "\n"
  "msgid \"%u person\"\n"
  "msgid_plural \"%u people\"\n"
  "msgstr[0] \"%u asmuo\"\n"
  "msgstr[1] \"%u asmenys\"\n"
  "msgstr[2] \"%u asmenų\"\n"
  "\n"
  "msgctxt \"month in a date\"\n"
  "msgid \"April\"\n"
  "msgstr \"balandžio\"\n"
  "\n"
  "msgctxt \"weekday\"\n"
  "msgid \"Tuesday\"\n"
  "msgstr \"antradienis\"\n"
  "\n"
  "msgid \"%A %-d %B %Y\"\n"
  "msgstr \"%Y m. %B %-d d., %A\"\n";

/* Finnish, compiled big-endian: the reader swaps the words. */
static const char finnish[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
  "\n"
  "msgid \"Host sheet\"\n"
  "msgstr \"Isäntäsivu\"\n"
  "\n"
  "msgctxt \"month in a date\"\n"
  "msgid \"April\"\n"
  "msgstr \"huhtikuuta\"\n"
  "\n"
  "msgctxt \"weekday\"\n"
  "msgid \"Tuesday\"\n"
  "msgstr \"tiistai\"\n"
  "\n"
  "msgid \"%A %-d %B %Y\"\n"
  "msgstr \"%A %-d. %B %Y\"\n";

static void
compile_catalog (const char *code,
                 const char *po,
                 gboolean    big_endian)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (locale_dir, code, "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (locale_dir, "input.po", NULL);
  g_autofree char *mo_path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "--check", big_endian ? "--endianness=big" : "--endianness=little",
                         "-o", mo_path, po_path, NULL };
  int status;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

static GDateTime *
tuesday (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2027, 4, 13, 14, 5, 0);
}

static void
test_codes (void)
{
  g_auto(GStrv) available = vp_language_available_codes ();
  g_autofree char *described = vp_language_describe_available ();

  g_assert_cmpstr (vp_language_locale_dir (), ==, locale_dir);
  g_assert_true (vp_language_code_is_known ("sv"));
  g_assert_false (vp_language_code_is_known ("xx"));
  g_assert_false (vp_language_code_is_known (NULL));
  g_assert_cmpstr (vp_language_code_get_name ("fr"), ==, "français");
  /* sv's catalog is damaged, but it is there. */
  g_assert_cmpstr (described, ==, "en, de, fr, fi, lt, sv");
  g_assert_cmpuint (g_strv_length (available), ==, 6);
}

static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo_path = g_build_filename (locale_dir, "de", "LC_MESSAGES",
                                               GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *hidden = g_strconcat (mo_path, ".hidden", NULL);

  g_assert_null (vp_language_get ("xx", &error));
  g_assert_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "en, de, fr, fi, lt, sv"));
  g_clear_error (&error);

  g_assert_null (vp_language_get ("sv", &error));
  g_assert_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A language without its catalog: refused, naming those there are.  (de
   * is loaded by another test: hide it before anything asks for it.) */
  g_assert_cmpint (g_rename (mo_path, hidden), ==, 0);
  g_assert_null (vp_language_get ("de", &error));
  g_assert_cmpint (g_rename (hidden, mo_path), ==, 0);
  g_assert_error (error, VP_LANGUAGE_ERROR, VP_LANGUAGE_ERROR_NO_CATALOG);
  g_assert_nonnull (strstr (error->message, "“de”"));
  g_assert_nonnull (strstr (error->message, "en, fr, fi, lt, sv"));

  /* English needs none. */
  g_assert_nonnull (vp_language_get ("en", NULL));
  g_assert_cmpstr (vp_language_gettext (vp_language_get ("en", NULL), "Host sheet"), ==,
                   "Host sheet");
}

static void
test_lookups (void)
{
  g_autoptr(GError) error = NULL;
  VpLanguage *german_language = vp_language_get ("de", &error);
  VpLanguage *french_language;

  g_assert_no_error (error);
  french_language = vp_language_get ("fr", &error);
  g_assert_no_error (error);
  g_assert_true (vp_language_get ("de", NULL) == german_language);
  g_assert_cmpstr (vp_language_get_code (german_language), ==, "de");

  g_assert_cmpstr (vp_language_gettext (german_language, "Host sheet"), ==, "Gastgeberblatt");
  g_assert_cmpstr (vp_language_gettext (french_language, "Host sheet"), ==, "Fiche de l’hôte");
  g_assert_cmpstr (vp_language_gettext (french_language, "Contacts"), ==, "Contacts");
  /* The context keeps the names apart. */
  g_assert_cmpstr (vp_language_pgettext (french_language, "month in a date\004April",
                                         strlen ("month in a date") + 1), ==, "avril");
  g_assert_cmpstr (vp_language_pgettext (french_language, "month\004April",
                                         strlen ("month") + 1), ==, "Avril");
  g_assert_cmpstr (vp_language_pgettext (german_language, "month\004April",
                                         strlen ("month") + 1), ==, "April");
  g_assert_cmpstr (vp_language_gettext (french_language, "April"), ==, "April");
}

static void
test_plurals (void)
{
  VpLanguage *german_language = vp_language_get ("de", NULL);
  VpLanguage *french_language = vp_language_get ("fr", NULL);
  VpLanguage *lithuanian_language = vp_language_get ("lt", NULL);
  VpLanguage *english = vp_language_get ("en", NULL);
  struct { gulong n; const char *form; } lithuanian_forms[] = {
    { 1, "%u asmuo" }, { 21, "%u asmuo" }, { 101, "%u asmuo" }, { 2, "%u asmenys" },
    { 9, "%u asmenys" }, { 22, "%u asmenys" }, { 0, "%u asmenų" }, { 10, "%u asmenų" },
    { 11, "%u asmenų" }, { 19, "%u asmenų" }, { 111, "%u asmenų" }, { 30, "%u asmenų" },
  };

  g_assert_cmpstr (vp_language_ngettext (german_language, "%u person", "%u people", 1), ==,
                   "%u Person");
  g_assert_cmpstr (vp_language_ngettext (german_language, "%u person", "%u people", 0), ==,
                   "%u Personen");
  /* French: zero is singular. */
  g_assert_cmpstr (vp_language_ngettext (french_language, "%u person", "%u people", 0), ==,
                   "%u personne");
  g_assert_cmpstr (vp_language_ngettext (french_language, "%u person", "%u people", 2), ==,
                   "%u personnes");
  for (guint i = 0; i < G_N_ELEMENTS (lithuanian_forms); i++)
    g_assert_cmpstr (vp_language_ngettext (lithuanian_language, "%u person", "%u people",
                                           lithuanian_forms[i].n), ==, lithuanian_forms[i].form);
  g_assert_cmpstr (vp_language_ngettext (english, "%u person", "%u people", 1), ==, "%u person");
  g_assert_cmpstr (vp_language_ngettext (english, "%u person", "%u people", 3), ==, "%u people");
  g_assert_cmpstr (vp_language_ngettext (french_language, "%u hotel", "%u hotels", 3), ==,
                   "%u hotels");
}

static void
test_dates (void)
{
  g_autoptr(GDateTime) time = tuesday ();
  struct { const char *code; const char *expected; } dates[] = {
    { "de", "Dienstag, 13. April 2027" },
    { "fr", "mardi 13 avril 2027" },
    { "fi", "tiistai 13. huhtikuuta 2027" },
    { "lt", "2027 m. balandžio 13 d., antradienis" },
    { "en", "Tuesday 13 April 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      VpLanguage *language = vp_language_get (dates[i].code, NULL);
      g_autofree char *text = NULL;

      g_assert_nonnull (language);
      text = vp_language_format_date_time (language, time,
                                           vp_language_gettext (language, "%A %-d %B %Y"));
      g_assert_cmpstr (text, ==, dates[i].expected);
    }

  {
    VpLanguage *german_language = vp_language_get ("de", NULL);
    VpLanguage *french_language = vp_language_get ("fr", NULL);
    g_autofree char *short_date = vp_language_format_date_time (german_language, time,
                                                                "%a %-d %b, %H:%M %%");
    g_autofree char *standalone = vp_language_format_date_time (french_language, time,
                                                                "%OB %Y");
    g_autofree char *untranslated = vp_language_format_date_time (french_language, time,
                                                                  "%a %b %e|%d %m|%y");

    /* 24-hour clock; %% is a percent sign. */
    g_assert_cmpstr (short_date, ==, "Di 13 Apr., 14:05 %");
    g_assert_cmpstr (standalone, ==, "Avril 2027");
    /* Names without a translation stay English, numbers as g_date_time_format(). */
    g_assert_cmpstr (untranslated, ==, "Tue Apr 13|13 04|27");
  }
}

static void
test_document (void)
{
  g_autoptr(GDateTime) time = tuesday ();
  VpLanguage *french_language = vp_language_get ("fr", NULL);
  VpLanguage *previous;

  g_assert_null (vp_language_get_document ());
  /* None set: gettext, which has no catalog here (LC_ALL=C.UTF-8). */
  g_assert_cmpstr (_("Host sheet"), ==, "Host sheet");

  previous = vp_language_set_document (french_language);
  g_assert_null (previous);
  g_assert_true (vp_language_get_document () == french_language);
  g_assert_cmpstr (_("Host sheet"), ==, "Fiche de l’hôte");
  g_assert_cmpstr (C_("month in a date", "April"), ==, "avril");
  g_assert_cmpstr (ngettext ("%u person", "%u people", 0), ==, "%u personne");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", 5), ==,
                   "%u personnes");
  {
    g_autofree char *text = vp_document_format_date_time (time, _("%A %-d %B %Y"));

    g_assert_cmpstr (text, ==, "mardi 13 avril 2027");
  }

  /* The document's language is this thread's alone. */
  {
    g_autoptr(GThread) thread = g_thread_new ("other", (GThreadFunc)vp_language_get_document,
                                              NULL);

    g_assert_null (g_thread_join (g_steal_pointer (&thread)));
  }

  g_assert_true (vp_language_set_document (previous) == french_language);
  g_assert_cmpstr (_("Host sheet"), ==, "Host sheet");
}

static void
test_user_code (void)
{
  /* In a subprocess: g_get_language_names() reads the environment once. */
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "xx:fr_FR:de", TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_print ("%s\n", vp_language_user_code ());
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("fr\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *msgfmt = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  msgfmt = g_find_program_in_path ("msgfmt");
  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return g_test_run ();
    }

  locale_dir = vp_test_make_folder ();
  g_setenv ("VISIT_PLANNER_LOCALEDIR", locale_dir, TRUE);
  compile_catalog ("de", german, FALSE);
  compile_catalog ("fr", french, FALSE);
  compile_catalog ("lt", lithuanian, FALSE);
  compile_catalog ("fi", finnish, TRUE);
  {
    g_autofree char *folder = g_build_filename (locale_dir, "sv", "LC_MESSAGES", NULL);
    g_autofree char *path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "\x95\x04\x12\xde not a catalog", -1, NULL));
  }

  g_test_add_func ("/language/codes", test_codes);
  g_test_add_func ("/language/refused", test_refused);
  g_test_add_func ("/language/lookups", test_lookups);
  g_test_add_func ("/language/plurals", test_plurals);
  g_test_add_func ("/language/dates", test_dates);
  g_test_add_func ("/language/document", test_document);
  g_test_add_func ("/language/user-code", test_user_code);

  status = g_test_run ();
  vp_test_remove_folder (locale_dir);
  return status;
}

/* main.c: the entry point of the visit-planner program. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vp-application.h"
#include "vp-ical.h"
#include "vp-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VpApplication) application = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, vp_language_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* libical's settings, once, before the imports and exports that run in
   * threads */
  vp_ical_init ();

  g_set_application_name (_("Visit Planner"));

  application = vp_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);

  return status != 0 ? status : vp_application_get_exit_status (application);
}

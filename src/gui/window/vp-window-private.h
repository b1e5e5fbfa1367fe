/* vp-window-private.h: what the window's files share (vp-window.c, vp-window-actions.c). */
#pragma once

#include "vp-print-operation.h"
#include "vp-publish-run.h"
#include "vp-window.h"

G_BEGIN_DECLS

struct _VpWindow
{
  AdwApplicationWindow  parent_instance;

  VpStore              *store;
  /* What the pages show: the programme, its problems and budget. */
  VpProgrammeContext   *context;
  GSettings            *settings;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  /* The shown programme's uid: the store replaces its list's items on
   * every change, so the programme is found again by uid.  It outlives a
   * deletion, so that an undo shows the programme again. */
  char                 *selected_uid;
  VpProgramme          *programme;
  /* Set while the list changes, so that the selection it drops on the way
   * is not taken for the user's choice. */
  gboolean              programmes_changing;
  char                **search_words;

  /* The checks run off the main thread after every change. */
  guint                 checks_source;
  guint                 checks_serial;
  GCancellable         *checks_cancellable;

  /* Printing: the operation whose dialog is open, and what the last one
   * used, remembered for the session; the last Export PDF's paper. */
  VpPrintOperation     *print_operation;
  GtkPrintSettings     *print_settings;
  GtkPageSetup         *page_setup;
  VpPaperSize           export_paper;

  /* The publish under way (Publish in the main menu) and its toast. */
  VpPublishRun         *publish_run;
  AdwToast             *publish_toast;

  GtkWidget            *overview_page;
  GtkWidget            *agenda_page;
  GtkWidget            *participants_page;
  GtkWidget            *organisations_page;
  GtkWidget            *hosts_page;
  GtkWidget            *checks_page;
  GtkPopover           *row_menu;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *new_programme_button;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *empty_menu_button;
  GtkMenuButton        *programme_menu_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *programme_list;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  GMenuModel           *row_menu_model;
};

/* vp-window.c */
void          vp_window_update_actions      (VpWindow   *self);
VpProgramme  *vp_window_get_programme       (VpWindow   *self);
/* Shows the programme with this uid, clearing a search that hides it. */
void          vp_window_select_uid          (VpWindow   *self,
                                             const char *uid);
void          vp_window_select_id           (VpWindow   *self,
                                             gint64      programme_id);
void          vp_window_show_content        (VpWindow   *self);
void          vp_window_show_page           (VpWindow   *self,
                                             const char *name);
void          vp_window_toast               (VpWindow   *self,
                                             const char *title);

/* vp-window-actions.c */
void          vp_window_class_add_actions   (GtkWidgetClass *widget_class);
void          vp_window_popup_row_menu      (VpWindow   *self,
                                             GtkWidget  *row,
                                             double      x,
                                             double      y);
/* Writes the shown programme's @content (for @subject, a participant's or
 * host's ref) as a PDF at @path in a thread, as Export PDF does once its
 * file is chosen; a toast or an error dialog tells how it went. */
void          vp_window_export_pdf          (VpWindow       *self,
                                             VpPrintContent  content,
                                             const char     *subject,
                                             VpPaperSize     paper,
                                             const char     *path);

G_END_DECLS

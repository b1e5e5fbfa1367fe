/* vp-people-editor.h: an editor of one participant or host, saved as it is typed. */
#pragma once

#include <adwaita.h>

#include "vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_PEOPLE_EDITOR (vp_people_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (VpPeopleEditor, vp_people_editor, VP, PEOPLE_EDITOR, AdwWindow)

/* The item edited is a VpParticipant, a VpHost or a VpOrganisation (an
 * object with the “id” and “name” properties).  A subclass's template has the children
 * "toast_overlay", "header_bar", "window_title", "cancel_button",
 * "add_button" and "delete_group", and the callbacks changed_cb,
 * add_clicked_cb, cancel_clicked_cb and delete_clicked_cb, which
 * vp_people_editor_class_bind_template() binds; and "name_row" and
 * "notes_view" (optional), which the subclass binds itself. */
struct _VpPeopleEditorClass
{
  AdwWindowClass parent_class;

  /* Fills the fields from @item (changes are not saved meanwhile). */
  void       (*load_item)  (VpPeopleEditor  *self,
                            GObject         *item);
  /* Marks what is wrong; TRUE when the fields can be saved. */
  gboolean   (*validate)   (VpPeopleEditor  *self);
  /* A new item from the fields, with the id and ref of the item edited. */
  GObject   *(*build_item) (VpPeopleEditor  *self);
  /* Stores @item, which was @read (the item as stored when it was loaded
   * or last saved; for vp_store_save_host() and the like), with an error
   * message fit for a toast. */
  gboolean   (*save_item)  (VpPeopleEditor  *self,
                            GObject         *item,
                            GObject         *read,
                            GError         **error);

  /*< private >*/
  char        *new_title;
  char        *title;
};

/* For subclasses' class_init, after setting the template: the shared
 * children and callbacks, and the window's titles while adding and after. */
void       vp_people_editor_class_bind_template (GtkWidgetClass  *widget_class,
                                                 const char      *new_title,
                                                 const char      *title);

/* For subclasses' constructors: edits a copy of @item (a new item when its
 * id is 0), filling the fields with load_item(). */
void       vp_people_editor_load                (VpPeopleEditor  *self,
                                                 VpStore         *store,
                                                 gint64           programme_id,
                                                 GObject         *item);
VpStore   *vp_people_editor_get_store           (VpPeopleEditor  *self);
gint64     vp_people_editor_get_programme_id    (VpPeopleEditor  *self);
/* Whether the item edited is still to be added (no id yet). */
gboolean   vp_people_editor_is_new              (VpPeopleEditor  *self);
/* A field changed: checks them, and saves a stored item after a pause. */
void       vp_people_editor_changed             (VpPeopleEditor  *self);
/* Saves a stored item now, when it is valid (lists edited in dialogs). */
gboolean   vp_people_editor_save_now            (VpPeopleEditor  *self);

/* The item as last saved (or being added): id 0 until stored. */
GObject   *vp_people_editor_get_item            (VpPeopleEditor  *self);
/* Saves a pending change now (the editor waits briefly after typing). */
gboolean   vp_people_editor_flush               (VpPeopleEditor  *self);

G_END_DECLS

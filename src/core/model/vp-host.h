/* vp-host.h: an organisation the group visits, and its site rules. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"

G_BEGIN_DECLS

#define VP_TYPE_HOST (vp_host_get_type ())

G_DECLARE_FINAL_TYPE (VpHost, vp_host, VP, HOST, GObject)

/* @ref is the host's id in a programme document, unique within its programme.
 * Strings may be NULL; latitude and longitude are NAN when not given;
 * max-group-size is 0 when not given. */
VpHost      *vp_host_new                (void);
VpHost      *vp_host_copy               (VpHost      *self);

gint64       vp_host_get_id             (VpHost      *self);
void         vp_host_set_id             (VpHost      *self,
                                         gint64       id);
const char  *vp_host_get_ref            (VpHost      *self);
void         vp_host_set_ref            (VpHost      *self,
                                         const char  *ref);
const char  *vp_host_get_name           (VpHost      *self);
void         vp_host_set_name           (VpHost      *self,
                                         const char  *name);
VpHostKind   vp_host_get_kind           (VpHost      *self);
void         vp_host_set_kind           (VpHost      *self,
                                         VpHostKind   kind);
const char  *vp_host_get_contact_name   (VpHost      *self);
void         vp_host_set_contact_name   (VpHost      *self,
                                         const char  *contact_name);
const char  *vp_host_get_contact_email  (VpHost      *self);
void         vp_host_set_contact_email  (VpHost      *self,
                                         const char  *contact_email);
const char  *vp_host_get_phone          (VpHost      *self);
void         vp_host_set_phone          (VpHost      *self,
                                         const char  *phone);
const char  *vp_host_get_address        (VpHost      *self);
void         vp_host_set_address        (VpHost      *self,
                                         const char  *address);
const char  *vp_host_get_city           (VpHost      *self);
void         vp_host_set_city           (VpHost      *self,
                                         const char  *city);
const char  *vp_host_get_country        (VpHost      *self);
void         vp_host_set_country        (VpHost      *self,
                                         const char  *country);
double       vp_host_get_latitude       (VpHost      *self);
double       vp_host_get_longitude      (VpHost      *self);
gboolean     vp_host_has_position       (VpHost      *self);
/* Both or neither: NAN, NAN clears them. */
void         vp_host_set_position       (VpHost      *self,
                                         double       latitude,
                                         double       longitude);
int          vp_host_get_max_group_size (VpHost      *self);
void         vp_host_set_max_group_size (VpHost      *self,
                                         int          max_group_size);
const char  *vp_host_get_notes          (VpHost      *self);
void         vp_host_set_notes          (VpHost      *self,
                                         const char  *notes);
/* The language of the documents for the host (their host sheet): one of
 * vp_language_codes(), or NULL for the user's. */
const char  *vp_host_get_language       (VpHost      *self);
void         vp_host_set_language       (VpHost      *self,
                                         const char  *language);

G_END_DECLS

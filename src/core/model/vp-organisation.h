/* vp-organisation.h: a visiting organisation, the unit ClusterXChange counts and pays. */
#pragma once

#include <glib-object.h>

#include "vp-enums.h"
#include "vp-programme.h"

G_BEGIN_DECLS

#define VP_TYPE_ORGANISATION (vp_organisation_get_type ())

G_DECLARE_FINAL_TYPE (VpOrganisation, vp_organisation, VP, ORGANISATION, GObject)

/* One item of an organisation's closing kit, what its partnership needs
 * after the exchange, and the day it was received. */
typedef struct
{
  char *item;      /* one of the items of data/cxc-rules.json ("closing-report") */
  char *received;  /* YYYY-MM-DD */
} VpEvidence;

#define VP_TYPE_EVIDENCE (vp_evidence_get_type ())

GType              vp_evidence_get_type                (void) G_GNUC_CONST;
VpEvidence        *vp_evidence_new                     (const char        *item,
                                                        const char        *received);
VpEvidence        *vp_evidence_copy                    (const VpEvidence  *evidence);
void               vp_evidence_free                    (VpEvidence        *evidence);
gboolean           vp_evidence_equal                   (const VpEvidence  *a,
                                                        const VpEvidence  *b);

/* @ref is the organisation's id in a programme document, unique within its
 * programme; @uid is stable across documents and re-imports.  Strings may
 * be NULL; country is the ISO 3166-1 alpha-2 code of the country where the
 * organisation is registered; latitude and longitude (of its city) are NAN
 * when not given. */
VpOrganisation    *vp_organisation_new                 (void);
VpOrganisation    *vp_organisation_copy                (VpOrganisation    *self);

gint64             vp_organisation_get_id              (VpOrganisation    *self);
void               vp_organisation_set_id              (VpOrganisation    *self,
                                                        gint64             id);
const char        *vp_organisation_get_ref             (VpOrganisation    *self);
void               vp_organisation_set_ref             (VpOrganisation    *self,
                                                        const char        *ref);
const char        *vp_organisation_get_uid             (VpOrganisation    *self);
void               vp_organisation_set_uid             (VpOrganisation    *self,
                                                        const char        *uid);
const char        *vp_organisation_get_name            (VpOrganisation    *self);
void               vp_organisation_set_name            (VpOrganisation    *self,
                                                        const char        *name);
VpOrganisationKind vp_organisation_get_kind            (VpOrganisation    *self);
void               vp_organisation_set_kind            (VpOrganisation    *self,
                                                        VpOrganisationKind kind);
const char        *vp_organisation_get_country         (VpOrganisation    *self);
void               vp_organisation_set_country         (VpOrganisation    *self,
                                                        const char        *country);
const char        *vp_organisation_get_city            (VpOrganisation    *self);
void               vp_organisation_set_city            (VpOrganisation    *self,
                                                        const char        *city);
double             vp_organisation_get_latitude        (VpOrganisation    *self);
double             vp_organisation_get_longitude       (VpOrganisation    *self);
gboolean           vp_organisation_has_position        (VpOrganisation    *self);
/* Both or neither: NAN, NAN clears them. */
void               vp_organisation_set_position        (VpOrganisation    *self,
                                                        double             latitude,
                                                        double             longitude);
const char        *vp_organisation_get_cluster         (VpOrganisation    *self);
void               vp_organisation_set_cluster         (VpOrganisation    *self,
                                                        const char        *cluster);
const char        *vp_organisation_get_eccp_url        (VpOrganisation    *self);
void               vp_organisation_set_eccp_url        (VpOrganisation    *self,
                                                        const char        *eccp_url);
const char        *vp_organisation_get_contact_name    (VpOrganisation    *self);
void               vp_organisation_set_contact_name    (VpOrganisation    *self,
                                                        const char        *contact_name);
const char        *vp_organisation_get_contact_email   (VpOrganisation    *self);
void               vp_organisation_set_contact_email   (VpOrganisation    *self,
                                                        const char        *contact_email);
/* Its own goals and objectives for the exchange, a short text each, or
 * NULL: then the programme's are its (the dup functions give those). */
const char        *vp_organisation_get_goals           (VpOrganisation    *self);
void               vp_organisation_set_goals           (VpOrganisation    *self,
                                                        const char        *goals);
const char        *vp_organisation_get_objectives      (VpOrganisation    *self);
void               vp_organisation_set_objectives      (VpOrganisation    *self,
                                                        const char        *objectives);
char              *vp_organisation_dup_goals           (VpOrganisation    *self,
                                                        VpProgramme       *programme);
char              *vp_organisation_dup_objectives      (VpOrganisation    *self,
                                                        VpProgramme       *programme);

/* The items of its closing kit received so far (borrowed: VpEvidence, one
 * per item, in the order they were added).  The add takes ownership of
 * @evidence (for readers, which check that an item comes once). */
GPtrArray         *vp_organisation_get_evidence        (VpOrganisation    *self);
void               vp_organisation_add_evidence        (VpOrganisation    *self,
                                                        VpEvidence        *evidence);
/* The day @item was received, or NULL. */
const char        *vp_organisation_get_evidence_received (VpOrganisation  *self,
                                                          const char      *item);
/* Records @item as received on @received (YYYY-MM-DD, checked by the
 * caller), or not received for NULL; returns whether that changed it. */
gboolean           vp_organisation_set_evidence_received (VpOrganisation  *self,
                                                          const char      *item,
                                                          const char      *received);

/* The key under which two spellings of one organisation's name meet:
 * Unicode-normalised (NFKC), case-folded, with runs of white space made
 * one space and none at the ends ("LUMIRAY  OY " and "Lumiray Oy" share
 * one).  NULL for NULL or a name of only white space. */
char              *vp_organisation_name_key            (const char        *name);

/* The kind of organisation a participant's role suggests (UNSET for
 * none), for an organisation made from a participant's organisation text. */
VpOrganisationKind vp_organisation_kind_for_role       (VpParticipantRole  role);

/* One visit of an organisation in a programme of the database, as the
 * check for repeat visits reads them (vp_store_collect_organisation_visits()). */
typedef struct
{
  char   *name;
  char   *key;              /* vp_organisation_name_key() of the name */
  char   *country;          /* registered country, or NULL */
  gint64  programme_id;
  char   *programme_title;
  char   *first_day;        /* the programme's, YYYY-MM-DD */
} VpOrganisationVisit;

void               vp_organisation_visit_free          (VpOrganisationVisit *visit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpOrganisationVisit, vp_organisation_visit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpEvidence, vp_evidence_free)

G_END_DECLS

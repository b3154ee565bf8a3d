/* badge.h — the achievement record of a badge, in the shape of an Open
 * Badges 3.0 `OpenBadgeCredential` (1EdTech, on the W3C Verifiable
 * Credentials data model 2.0), UNSIGNED: no `proof`. docs/workshop.md says
 * how an institution signs and issues it.
 *
 * A badge is earned per course level (session_badges): a play assessed at
 * least one competency of that level and every one assessed is acquired.
 * The achievement is the level's badge; its alignments point at the
 * framework's competencies of that level and at their UNESCO / AI Act /
 * DigComp codes; the evidence names the plays that earned it. */
#ifndef ENJEUX_BADGE_H
#define ENJEUX_BADGE_H

#include <stdint.h>

#include "core/framework.h"
#include "core/lang.h"
#include "core/workshop.h"

/* A play that earned the badge. */
typedef struct BadgePlay {
    const char *play_id;      /* 32 hex digits */
    const char *scenario_id;
    const char *scenario_title; /* in the badge's language; may be NULL */
    const char *finished;     /* ISO 8601 UTC */
} BadgePlay;

typedef struct BadgeInfo {
    uint8_t level;            /* 1 to 3 */
    const Framework *fw;      /* the competency framework (required) */
    const char *pseudonym;
    const char *credential_id; /* a UUID (36 chars): the credential's urn:uuid */
    const char *issued;       /* ISO 8601 UTC: validFrom */
    Lang lang;                /* language of the texts */
    const Workshop *workshop; /* issuer; NULL or without issuer: the default, Enjeux itself */
    const BadgePlay *plays;   /* oldest first; the last one is the play that earned it now */
    uint32_t n_plays;
    const char *image_data_uri; /* the badge's PNG as a data: URI, NULL when none */
} BadgeInfo;

/* The OpenBadgeCredential as JSON text, newly malloc'd (the caller frees
 * it); NULL when out of memory or the level is not 1 to 3. */
char *badge_credential_json(const BadgeInfo *b);

/* The IRI of level `level`'s achievement of framework `fw`. */
void badge_achievement_iri(const Framework *fw, uint8_t level, char *out, size_t outlen);

/* Base64 of `n` bytes into a newly malloc'd string "data:image/png;base64,…";
 * NULL when out of memory. */
char *badge_png_data_uri(const unsigned char *png, size_t n);

#endif

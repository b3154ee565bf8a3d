/* framework.h — the competency framework a scenario's scoring refers to.
 *
 * Data, not code (docs/format.md, scenarios/schema/competencies.schema.json):
 * competencies with an id, a localised name and description, a course level
 * (1 to 3) and a domain, their alignments with public references, and the
 * thresholds that turn a 0–100 score into a level of mastery. Trainers can
 * replace the file with their own course's framework. */
#ifndef ENJEUX_FRAMEWORK_H
#define ENJEUX_FRAMEWORK_H

#include <stdint.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/lang.h"

/* A reference the competency is aligned with (UNESCO, AI Act art. 4,
 * DigComp 2.2…). */
typedef struct Alignment {
    const char *framework;  /* "UNESCO-AICF-2024" */
    const char *code;       /* "1.1" */
    LocStr name;
    const char *url;        /* may be NULL */
} Alignment;

typedef struct Competency {
    const char *id;
    LocStr name;
    LocStr description;
    uint8_t level;          /* 1, 2 or 3 */
    const char *domain;     /* id of a domain */
    Alignment *alignments;  uint16_t n_alignments;
} Competency;

typedef struct Domain { const char *id; LocStr name; } Domain;

typedef struct Framework {
    Arena arena;
    const char *path;
    const char *id;
    const char *version;
    LocStr title;
    LocStr level_names[3];  /* N1, N2, N3 names */
    uint8_t acquired;       /* score >= acquired: acquired (e.g. 80) */
    uint8_t in_progress;    /* score >= in_progress: in progress (e.g. 50) */
    Domain *domains;        uint16_t n_domains;
    Competency *items;      uint16_t n_items;
} Framework;

/* Loads a framework file; diagnostics go to `dl`. Returns NULL on any error;
 * free with framework_free(). */
Framework *framework_load(const char *path, DiagList *dl);
Framework *framework_load_buffer(const char *path, const char *data, size_t len, DiagList *dl);

/* Accepts NULL. */
void framework_free(Framework *fw);

/* Index of the competency with this id, -1 when absent. */
int32_t framework_find(const Framework *fw, const char *id);

#endif

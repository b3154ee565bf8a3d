/* validate.c — the checks that need the whole scenario loaded: the scene
 * graph (reachability, a way to an ending), events never scheduled, flags
 * tested for a value they never take, competencies without evidence; and
 * image paths against the scenario's folder. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fsutil.h"
#include "core/imginfo.h"
#include "core/scenario_load.h"

static bool has_dotdot(const char *p) {
    for (const char *s = p; *s;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 2 && s[0] == '.' && s[1] == '.') return true;
        if (!e) break;
        s = e + 1;
    }
    return false;
}

static bool good_extension(const char *p) {
    const char *dot = strrchr(p, '.');
    if (!dot || strchr(dot, '/')) return false;
    return strcasecmp(dot, ".svg") == 0 || strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".jpg") == 0 ||
           strcasecmp(dot, ".jpeg") == 0;
}

void validate_image(Loader *L, const char *rel) {
    JReader *r = &L->r;
    if (rel[0] == '/' || rel[0] == '\\' || strchr(rel, '\\') || (rel[0] && rel[1] == ':') || has_dotdot(rel)) {
        jreader_report(r, DIAG_UNSAFE_PATH, false, rel, NULL, NULL, NULL);
        return;
    }
    if (!good_extension(rel)) {
        jreader_report(r, DIAG_BAD_IMAGE_TYPE, false, rel, NULL, NULL, NULL);
        return;
    }
    char *full = fsutil_join(L->sc->dir ? L->sc->dir : ".", rel);
    if (!full) {
        L->oom = true;
        return;
    }
    if (fsutil_kind(full) != FS_KIND_FILE) {
        jreader_report(r, DIAG_MISSING_IMAGE, false, rel, NULL, NULL, NULL);
        free(full);
        return;
    }
    /* Size limits (docs/limits.md), before anything decodes the image. */
    ImgInfo info;
    if (imginfo_read(full, LIMIT_IMAGE_BYTES, &info)) {
        bool fr = r->dl->lang != LANG_EN;
        char got[64], max[64];
        if (info.bytes > LIMIT_IMAGE_BYTES) {
            snprintf(got, sizeof got, "%lld %s", info.bytes, fr ? "octets" : "bytes");
            snprintf(max, sizeof max, "%d %s", LIMIT_IMAGE_BYTES, fr ? "octets" : "bytes");
            jreader_report(r, DIAG_IMAGE_TOO_LARGE, false, rel, got, max, NULL);
        } else if (info.width > LIMIT_IMAGE_SIDE || info.height > LIMIT_IMAGE_SIDE) {
            snprintf(got, sizeof got, "%" PRIu32 " × %" PRIu32 " pixels", info.width, info.height);
            snprintf(max, sizeof max, "%d × %d pixels", LIMIT_IMAGE_SIDE, LIMIT_IMAGE_SIDE);
            jreader_report(r, DIAG_IMAGE_TOO_LARGE, false, rel, got, max, NULL);
        }
    }
    /* A symbolic link may still lead out of the folder. */
    if (!L->real_dir_tried) {
        L->real_dir_tried = true;
        L->real_dir = fsutil_canonical(L->sc->dir ? L->sc->dir : ".");
    }
    char *real = fsutil_canonical(full);
    if (L->real_dir && real) {
        size_t n = strlen(L->real_dir);
        if (strncmp(real, L->real_dir, n) != 0 || (real[n] != '/' && L->real_dir[n - 1] != '/'))
            jreader_report(r, DIAG_UNSAFE_PATH, false, rel, NULL, NULL, NULL);
    }
    free(real);
    free(full);
}

/* Report `code` about the element `what`/`i` (its "id" member). */
static void report_id(Loader *L, DiagCode code, const char *what, size_t i, const char *id) {
    char path[64];
    snprintf(path, sizeof path, "/%s/%zu/id", what, i);
    const char *args[4] = {id ? id : "", NULL, NULL, NULL};
    jreader_report_at(&L->r, code, path, false, 0, args);
}

/* The targets scene s leads to in one step, conditions ignored. */
static size_t scene_targets(const Scene *s, Target *out, size_t cap) {
    size_t n = 0;
    for (uint16_t c = 0; c < s->n_choices; c++) {
        const Choice *ch = &s->choices[c];
        for (uint16_t k = 0; k < ch->n_routes && n < cap; k++) out[n++] = ch->routes[k].target;
        for (uint16_t o = 0; o < ch->n_outcomes; o++)
            for (uint16_t k = 0; k < ch->outcomes[o].n_routes && n < cap; k++) out[n++] = ch->outcomes[o].routes[k].target;
    }
    return n;
}

enum { MAX_TARGETS_PER_SCENE = LIMIT_CHOICES * (LIMIT_ROUTES + LIMIT_OUTCOMES * LIMIT_ROUTES) };

static void check_graph(Loader *L) {
    const Scenario *sc = L->sc;
    uint32_t ns = sc->n_scenes, ne = sc->n_endings;
    if (!ns) return;
    /* Edges in compressed rows: forward for reachability, reverse for the
     * way to an ending. Node ids: scenes 0..ns, endings ns..ns+ne. */
    uint32_t nn = ns + ne;
    uint32_t *fstart = calloc(nn + 1, sizeof *fstart);
    uint32_t *rstart = calloc(nn + 2, sizeof *rstart);
    Target *tmp = malloc(MAX_TARGETS_PER_SCENE * sizeof *tmp);
    uint8_t *seen = calloc(nn, 1), *good = calloc(nn, 1);
    uint32_t *queue = malloc((nn + 1) * sizeof *queue);
    uint32_t *fedge = NULL, *redge = NULL;
    if (!fstart || !rstart || !tmp || !seen || !good || !queue) goto out;
    size_t ne_total = 0;
    for (uint32_t s = 0; s < ns; s++) {
        size_t n = scene_targets(&sc->scenes[s], tmp, MAX_TARGETS_PER_SCENE);
        fstart[s] = (uint32_t)ne_total;
        ne_total += n;
        for (size_t k = 0; k < n; k++) rstart[(tmp[k].kind == TARGET_SCENE ? tmp[k].index : ns + tmp[k].index) + 2]++;
    }
    for (uint32_t s = ns; s <= nn; s++) fstart[s] = (uint32_t)ne_total;
    fedge = malloc((ne_total + 1) * sizeof *fedge);
    redge = malloc((ne_total + 1) * sizeof *redge);
    if (!fedge || !redge) goto out;
    for (uint32_t v = 1; v <= nn + 1; v++) rstart[v] += rstart[v - 1];
    for (uint32_t s = 0; s < ns; s++) {
        size_t n = scene_targets(&sc->scenes[s], tmp, MAX_TARGETS_PER_SCENE);
        for (size_t k = 0; k < n; k++) {
            uint32_t t = tmp[k].kind == TARGET_SCENE ? tmp[k].index : ns + tmp[k].index;
            fedge[fstart[s] + k] = t;
            redge[rstart[t + 1]++] = s;
        }
    }
    /* Counted at v+2 and filled through v+1: now v's reverse edges are
     * redge[rstart[v], rstart[v+1]). */
    size_t qh = 0, qt = 0;
    seen[sc->start] = 1;
    queue[qt++] = sc->start;
    while (qh < qt) {
        uint32_t v = queue[qh++];
        if (v >= ns) continue;
        for (uint32_t k = fstart[v]; k < fstart[v + 1]; k++)
            if (!seen[fedge[k]]) {
                seen[fedge[k]] = 1;
                queue[qt++] = fedge[k];
            }
    }
    qh = qt = 0;
    for (uint32_t e = ns; e < nn; e++) {
        good[e] = 1;
        queue[qt++] = e;
    }
    while (qh < qt) {
        uint32_t v = queue[qh++];
        uint32_t from = rstart[v], to = rstart[v + 1];
        for (uint32_t k = from; k < to; k++)
            if (!good[redge[k]]) {
                good[redge[k]] = 1;
                queue[qt++] = redge[k];
            }
    }
    for (uint32_t s = 0; s < ns; s++) {
        if (!seen[s])
            report_id(L, DIAG_UNREACHABLE_SCENE, "scenes", s, sc->scenes[s].id);
        else if (!good[s])
            report_id(L, DIAG_NO_ENDING_REACHABLE, "scenes", s, sc->scenes[s].id);
    }
    for (uint32_t e = 0; e < ne; e++)
        if (!seen[ns + e]) report_id(L, DIAG_UNREACHABLE_ENDING, "endings", e, sc->endings[e].id);
out:
    free(fstart);
    free(rstart);
    free(tmp);
    free(seen);
    free(good);
    free(queue);
    free(fedge);
    free(redge);
}

void validate_scenario(Loader *L) {
    const Scenario *sc = L->sc;
    if (!L->unresolved_target) check_graph(L);
    for (uint16_t i = 0; i < sc->n_events; i++)
        if (sc->events[i].id && !L->event_scheduled[i])
            report_id(L, DIAG_EVENT_NEVER_SCHEDULED, "events", i, sc->events[i].id);
    for (size_t i = 0; i < L->n_tests; i++) {
        const FlagTest *t = &L->tests[i];
        bool possible = t->value ? L->flag_can_true[t->flag] : L->flag_can_false[t->flag];
        if (!possible) {
            const char *args[4] = {sc->flags[t->flag].id, t->value ? "true" : "false", NULL, NULL};
            const char *path = jreader_path_of(&L->r, L->test_segs + t->first_seg, t->n_segs);
            jreader_report_at(&L->r, DIAG_FLAG_NEVER_SET, path, false, 0, args);
        }
    }
    for (uint16_t i = 0; i < sc->n_targeted; i++)
        if (!L->evidence_seen[i]) {
            char path[48];
            snprintf(path, sizeof path, "/competencies/%u", (unsigned)i);
            const char *args[4] = {sc->competencies[i], NULL, NULL, NULL};
            jreader_report_at(&L->r, DIAG_TARGET_NO_EVIDENCE, path, false, 0, args);
        }
}

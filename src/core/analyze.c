/* analyze.c — exact analysis of a scenario: every reachable state explored
 * with the engine's own step, merged in a hash table, then measured; random
 * playthroughs when the state space passes the author's bound. See
 * analyze.h and docs/analyze.md. */
#include "core/analyze.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rng.h"

enum { NO_EDGE = UINT32_MAX, SCORE_BUDGET_BASE = 1000000, SCORE_BUDGET_PER_EDGE = 4, GRID_SPAN_MAX = 360 };

typedef struct Scratch Scratch;

/* The explored state graph. States are numbered in discovery order, which
 * is breadth-first: a state's `pedge` (the edge that found it) gives a
 * shortest path to it. A state's out-edges are edges [first[v], first[v+1]). */
typedef struct AnalysisGraph {
    StateLayout lay;
    uint32_t w;              /* words per compact state */
    /* A state is stored as its key (engine.h, session_state_key): its
     * compact state without what no condition reads, each pending event's
     * decision count lowered to the largest one its condition can tell
     * apart, packed into kw 64-bit words (key_layout). */
    StateKeySpec spec;
    uint32_t kw;
    uint64_t *keys;          /* n * kw */
    uint32_t n, cap;
    uint64_t *table;         /* open addressing: hash << 32 | (state id + 1), 0 empty */
    uint32_t tmask;
    uint32_t *pedge, *first;
    uint16_t *mask;
    uint32_t *esrc, *eto;
    uint8_t *echoice;
    int8_t *eoutcome;
    uint32_t ne, ecap;
    int32_t *age_cap;        /* per event: the largest {"after": N} of its condition */
    int32_t *keep;           /* per state word: mask of the bits that can change a future */
    int32_t *scene;          /* per state: word 0 of its compact state (scene, or -1 - ending) */
    Scratch *scr;            /* the analysis' scratch memory; the arrays below marked (s) are its blocks */
    uint32_t *order;         /* (s) a topological order, once known (track_free_meters) */
    /* built after the search (graph_index) for the measures, all (s) */
    uint16_t nc;             /* competencies */
    int8_t *bestv;           /* per state × competency: the decision's best evidence, 0 when not positive */
    int8_t *evid;            /* per choice (in scene order) × competency: its evidence */
    int32_t *ctotal;         /* per choice: its total evidence */
    uint32_t *cbase;         /* per scene: index of its first choice */
    uint32_t *in_first, *in_edge; /* incoming edges of each state */
    uint32_t *ecix;          /* per edge: its choice's index in scene order */
    /* meters out of the state (no condition reads them), followed apart */
    uint32_t free_meters;    /* bit m: meter m */
    uint16_t nfree, free_index[LIMIT_METERS];
    int32_t free_initial[LIMIT_METERS];
    uint32_t *efired;        /* per edge (ne + 1): its fired events in `fired`, [efired[e], efired[e+1]) */
    uint16_t *fired;
    uint32_t nfired, fcap;
    int32_t *flo, *fhi;      /* (s) per state × free meter: the least and greatest value over the plays reaching it */
    double *fsum;            /* (s) per state × free meter: the sum of its value over those plays */
} AnalysisGraph;

/* ---- small helpers ----------------------------------------------------------- */

static bool grow(void **p, size_t elem, uint32_t cap) {
    void *q = realloc(*p, elem * cap);
    if (!q) return false;
    *p = q;
    return true;
}

/* ---- scratch memory ------------------------------------------------------------
 * The measures need many arrays of a few bytes per state or edge, one after
 * the other. Freed to the C library, such large blocks go back to the
 * system, and the next ones are faulted in again page by page (about a fifth
 * of the analysis' time). An analysis keeps them instead: a block it is done
 * with goes back to its Scratch and is handed out again, and all are freed
 * at the end of the analysis (scratch_release). */
typedef struct ScratchBlock {
    void *p;
    size_t size;
    bool busy;
} ScratchBlock;

typedef struct Scratch {
    ScratchBlock *b;
    uint32_t n, cap;
} Scratch;

static ScratchBlock *scratch_block(Scratch *s, const void *p) {
    for (uint32_t i = 0; i < s->n; i++)
        if (s->b[i].p == p) return &s->b[i];
    return NULL;
}

/* Adds block `p` of `size` bytes (from malloc) to `s`, busy or not; on
 * failure frees it and returns false. */
static bool scratch_adopt(Scratch *s, void *p, size_t size, bool busy) {
    if (s->n == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 32;
        ScratchBlock *nb = realloc(s->b, sizeof *nb * cap);
        if (!nb) {
            free(p);
            return false;
        }
        s->b = nb;
        s->cap = cap;
    }
    s->b[s->n++] = (ScratchBlock){p, size, busy};
    return true;
}

/* `size` bytes, not initialised: the smallest free block that holds them,
 * else the largest free block grown to them, else a new block. NULL when
 * out of memory. Give it back with scratch_put. */
static void *scratch_get(Scratch *s, size_t size) {
    if (!size) size = 1;
    ScratchBlock *fit = NULL, *big = NULL;
    for (uint32_t i = 0; i < s->n; i++) {
        ScratchBlock *b = &s->b[i];
        if (b->busy) continue;
        if (b->size >= size) {
            if (!fit || b->size < fit->size) fit = b;
        } else if (!big || b->size > big->size) {
            big = b;
        }
    }
    if (!fit && big) {
        void *q = realloc(big->p, size);
        if (!q) return NULL;
        big->p = q;
        big->size = size;
        fit = big;
    }
    if (fit) {
        fit->busy = true;
        return fit->p;
    }
    void *q = malloc(size);
    return q && scratch_adopt(s, q, size, true) ? q : NULL;
}

/* As scratch_get, zero-filled. */
static void *scratch_zget(Scratch *s, size_t size) {
    void *p = scratch_get(s, size);
    if (p) memset(p, 0, size);
    return p;
}

/* Block `p` (from scratch_get) grown to at least `size` bytes, its content
 * kept; NULL when out of memory (`p` is then still valid). */
static void *scratch_resize(Scratch *s, void *p, size_t size) {
    ScratchBlock *b = scratch_block(s, p);
    if (!b) return NULL;
    if (b->size >= size) return p;
    void *q = realloc(p, size);
    if (!q) return NULL;
    b->p = q;
    b->size = size;
    return q;
}

/* Gives back a block of scratch_get, to be handed out again. Accepts NULL. */
static void scratch_put(Scratch *s, const void *p) {
    ScratchBlock *b = p ? scratch_block(s, p) : NULL;
    if (b) b->busy = false;
}

/* Frees every block. */
static void scratch_release(Scratch *s) {
    for (uint32_t i = 0; i < s->n; i++) free(s->b[i].p);
    free(s->b);
    *s = (Scratch){NULL, 0, 0};
}

static void count_add(BigCount *c, uint64_t v, double approx) {
    if (c->value > UINT64_MAX - v) {
        c->value = UINT64_MAX;
        c->saturated = true;
    } else {
        c->value += v;
    }
    c->approx += approx;
}

static uint64_t sat_add(uint64_t a, uint64_t b, bool *sat) {
    if (a > UINT64_MAX - b) {
        *sat = true;
        return UINT64_MAX;
    }
    return a + b;
}

static char *fmt(Arena *ar, const char *f, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return arena_strdup(ar, buf);
}

static const uint64_t *key_at(const AnalysisGraph *g, uint32_t id) { return g->keys + (size_t)id * g->kw; }

static uint32_t hash_key(const uint64_t *k, uint32_t n) {
    uint64_t h = 0x9e3779b97f4a7c15u;
    for (uint32_t i = 0; i < n; i++) {
        h ^= k[i];
        h *= 0xff51afd7ed558ccdu;
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return (uint32_t)h;
}

static int32_t max_after(const Scenario *sc, int32_t ci) {
    if (ci < 0) return 0;
    const Cond *c = &sc->conds[ci];
    if (c->kind == COND_AFTER) return c->value > 0 ? c->value : 0;
    int32_t m = 0;
    if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT)
        for (uint32_t k = 0; k < c->kid_count; k++) {
            int32_t v = max_after(sc, (int32_t)sc->cond_kids[c->first_kid + k]);
            if (v > m) m = v;
        }
    return m;
}

/* Marks what condition `ci` reads: flags, counters, meters. */
static void mark_read(const Scenario *sc, int32_t ci, bool *flags, bool *counters, bool *meters) {
    if (ci < 0) return;
    const Cond *c = &sc->conds[ci];
    if (c->kind == COND_FLAG) flags[c->index] = true;
    if (c->kind == COND_COUNTER) counters[c->index] = true;
    if (c->kind == COND_METER) meters[c->index] = true;
    if (c->kind == COND_ALL || c->kind == COND_ANY || c->kind == COND_NOT)
        for (uint32_t k = 0; k < c->kid_count; k++)
            mark_read(sc, (int32_t)sc->cond_kids[c->first_kid + k], flags, counters, meters);
}

/* The bits of a state that some condition can read: a flag, counter or
 * meter no condition reads changes nothing that follows, so states that
 * differ only there are merged. Such a meter's values are still reported:
 * they are followed apart (track_free_meters), except the meters in
 * `kept`. False when out of memory. */
static bool compute_keep(const Scenario *sc, AnalysisGraph *g, uint32_t kept) {
    bool flags[LIMIT_FLAGS] = {false}, counters[LIMIT_COUNTERS] = {false}, meters[LIMIT_METERS] = {false};
    for (uint32_t s = 0; s < sc->n_scenes; s++)
        for (uint16_t i = 0; i < sc->scenes[s].n_choices; i++) {
            const Choice *c = &sc->scenes[s].choices[i];
            mark_read(sc, c->cond, flags, counters, meters);
            for (uint16_t r = 0; r < c->n_routes; r++) mark_read(sc, c->routes[r].cond, flags, counters, meters);
            for (uint16_t o = 0; o < c->n_outcomes; o++)
                for (uint16_t r = 0; r < c->outcomes[o].n_routes; r++)
                    mark_read(sc, c->outcomes[o].routes[r].cond, flags, counters, meters);
        }
    for (uint16_t e = 0; e < sc->n_events; e++) mark_read(sc, sc->events[e].when, flags, counters, meters);
    g->keep = malloc(sizeof *g->keep * g->w);
    if (!g->keep) return false;
    for (uint32_t i = 0; i < g->w; i++) g->keep[i] = -1;
    for (uint16_t i = 0; i < sc->n_counters; i++)
        if (!counters[i]) g->keep[g->lay.counters + i] = 0;
    g->free_meters = 0;
    g->nfree = 0;
    for (uint16_t m = 0; m < sc->n_meters; m++)
        if (!meters[m] && !(kept >> m & 1u)) {
            g->keep[g->lay.meters + m] = 0;
            g->free_meters |= 1u << m;
            g->free_index[g->nfree++] = m;
        }
    for (uint32_t k = 0; k < (sc->n_flags + 31u) / 32u; k++) {
        uint32_t m = 0;
        for (uint32_t b = 0; b < 32 && k * 32 + b < sc->n_flags; b++)
            if (flags[k * 32 + b]) m |= 1u << b;
        g->keep[g->lay.flags + k] = (int32_t)m;
    }
    return true;
}

static uint8_t bit_width(uint32_t x) {
    uint8_t b = 0;
    for (; x; x >>= 1) b++;
    return b;
}

/* Places a part of `bits` bits after the previous ones (in a new key word
 * when it does not fit in the current one). */
static KeyPart key_place(uint32_t *at, uint32_t lo, uint8_t bits) {
    if (*at % 64u + bits > 64u) *at += 64u - *at % 64u;
    KeyPart p = {lo, (uint8_t)(*at / 64u), (uint8_t)(*at % 64u), bits, true};
    *at += bits;
    return p;
}

/* The key of the states (after compute_keep and the age caps): the parts
 * that some condition reads, and the pending list. Narrow: each part in
 * the bits the engine's rules allow: the scene or ending, each meter in its
 * range (the engine clamps it there; its initial value included), each
 * counter in 32 bits, the flags read, the event states, and per pending
 * slot the event and its decision count (at most the largest cap). A value
 * outside (never expected) makes session_state_key fail, and the search
 * starts again with the wide key, where every part has 32 bits: a key can
 * never stand for two different states. */
static void key_layout(const Scenario *sc, AnalysisGraph *g, bool wide) {
    StateKeySpec *k = &g->spec;
    memset(k, 0, sizeof *k);
    uint32_t at = 0;
    uint8_t full = 32;
    k->place = key_place(&at, (uint32_t)-(int32_t)sc->n_endings, wide ? full : bit_width(sc->n_scenes + sc->n_endings - 1u));
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        if (!g->keep[g->lay.meters + m]) continue;
        const Meter *mt = &sc->meters[m];
        int32_t lo = mt->min < mt->initial ? mt->min : mt->initial, hi = mt->max > mt->initial ? mt->max : mt->initial;
        if (hi < lo) hi = lo;
        k->meters[m] = key_place(&at, (uint32_t)lo, wide ? full : bit_width((uint32_t)hi - (uint32_t)lo));
    }
    for (uint16_t c = 0; c < sc->n_counters; c++)
        if (g->keep[g->lay.counters + c]) k->counters[c] = key_place(&at, 0, full);
    for (uint32_t gr = 0; gr * 8u < sc->n_flags; gr++) {
        uint32_t mask = ((uint32_t)g->keep[g->lay.flags + gr / 4u] >> (8u * (gr % 4u))) & 0xffu;
        if (!mask) continue;
        k->flag_mask[gr] = (uint8_t)mask;
        k->flags[gr] = key_place(&at, 0, wide ? full : bit_width(mask));
    }
    for (uint32_t gr = 0; gr * 4u < sc->n_events; gr++) {
        uint32_t left = sc->n_events - gr * 4u;
        k->events[gr] = key_place(&at, 0, wide ? full : (uint8_t)(2u * (left < 4u ? left : 4u)));
    }
    int32_t cap = 0;
    for (uint16_t e = 0; e < sc->n_events; e++) {
        k->age_cap[e] = g->age_cap[e];
        if (g->age_cap[e] > cap) cap = g->age_cap[e];
    }
    for (uint16_t e = 0; e < sc->n_events; e++) {
        k->slot_event[e] = key_place(&at, 0, wide ? full : bit_width(sc->n_events));
        k->slot_age[e] = key_place(&at, 0, wide ? full : bit_width((uint32_t)cap));
    }
    k->words = g->kw = at ? (at + 63u) / 64u : 1u;
}

/* Meter `m` of state `v` (0 for a meter followed apart). */
static inline int32_t state_meter(const AnalysisGraph *g, uint32_t v, uint16_t m) {
    const KeyPart *p = &g->spec.meters[m];
    uint32_t x = (uint32_t)(key_at(g, v)[p->word] >> p->shift & ((1ull << p->bits) - 1u)) + p->lo;
    return p->on ? (int32_t)x : 0;
}

/* Gives the graph's scratch blocks back (marked (s) in AnalysisGraph). */
static void graph_return(AnalysisGraph *g) {
    void **p[] = {(void **)&g->order, (void **)&g->bestv, (void **)&g->evid, (void **)&g->ctotal,
                  (void **)&g->cbase, (void **)&g->in_first, (void **)&g->in_edge, (void **)&g->ecix,
                  (void **)&g->flo, (void **)&g->fhi, (void **)&g->fsum};
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        scratch_put(g->scr, *p[i]);
        *p[i] = NULL;
    }
}

/* Frees what the graph owns (its scratch blocks are the analysis'). */
static void graph_free(AnalysisGraph *g) {
    if (!g) return;
    free(g->keys);
    free(g->table);
    free(g->pedge);
    free(g->first);
    free(g->mask);
    free(g->esrc);
    free(g->eto);
    free(g->echoice);
    free(g->eoutcome);
    free(g->age_cap);
    free(g->keep);
    free(g->scene);
    free(g->efired);
    free(g->fired);
    free(g);
}

static bool table_rehash(AnalysisGraph *g, uint32_t size) {
    uint64_t *t = calloc(size, sizeof *t);
    if (!t) return false;
    uint32_t mask = size - 1;
    for (uint32_t i = 0; g->table && i <= g->tmask; i++) {
        if (!g->table[i]) continue;
        uint32_t h = (uint32_t)(g->table[i] >> 32) & mask;
        while (t[h]) h = (h + 1) & mask;
        t[h] = g->table[i];
    }
    /* its pages are the measures' later */
    if (g->table) scratch_adopt(g->scr, g->table, sizeof *t * (g->tmask + 1u), false);
    g->table = t;
    g->tmask = mask;
    return true;
}

/* Finds `w` (hash `hash`) among the states; -1 when absent, with *slot
 * where it goes. */
static int64_t table_find(const AnalysisGraph *g, const uint64_t *key, uint32_t hash, uint32_t *slot) {
    uint32_t h = hash & g->tmask;
    while (g->table[h]) {
        uint64_t x = g->table[h];
        if ((uint32_t)(x >> 32) == hash) {
            uint32_t id = (uint32_t)x - 1;
            const uint64_t *k = key_at(g, id);
            uint32_t i = 0;
            while (i < g->kw && k[i] == key[i]) i++;
            if (i == g->kw) return id;
        }
        h = (h + 1) & g->tmask;
    }
    *slot = h;
    return -1;
}

/* Returns the id of the state of key `key` (of hash `hash`, whose word 0
 * is `w0`), adding it (found by edge `pedge`) when new; -1 when out of
 * memory. */
static int64_t graph_intern(AnalysisGraph *g, const uint64_t *key, uint32_t hash, int32_t w0, uint32_t pedge) {
    uint32_t slot = 0;
    int64_t id = table_find(g, key, hash, &slot);
    if (id >= 0) return id;
    if (g->n == g->cap) {
        uint32_t cap = g->cap ? g->cap * 2 : 1024;
        if (!grow((void **)&g->keys, sizeof *g->keys * g->kw, cap) || !grow((void **)&g->scene, sizeof *g->scene, cap + 1) ||
            !grow((void **)&g->pedge, sizeof *g->pedge, cap) ||
            !grow((void **)&g->first, sizeof *g->first, cap + 1) ||
            !grow((void **)&g->mask, sizeof *g->mask, cap))
            return -1;
        g->cap = cap;
    }
    uint32_t nid = g->n++;
    for (uint32_t i = 0; i < g->kw; i++) g->keys[(size_t)nid * g->kw + i] = key[i];
    g->scene[nid] = w0;
    g->pedge[nid] = pedge;
    g->mask[nid] = 0;
    g->table[slot] = (uint64_t)hash << 32 | (nid + 1u);
    if ((uint64_t)g->n * 2 > (uint64_t)g->tmask + 1 && !table_rehash(g, (g->tmask + 1) * 2)) return -1;
    return nid;
}

static bool add_edge(AnalysisGraph *g, uint32_t src, uint32_t to, uint16_t choice, int16_t outcome) {
    if (g->ne == g->ecap) {
        uint32_t cap = g->ecap ? g->ecap * 2 : 4096;
        if (!grow((void **)&g->esrc, sizeof *g->esrc, cap) || !grow((void **)&g->eto, sizeof *g->eto, cap) ||
            !grow((void **)&g->echoice, sizeof *g->echoice, cap) || !grow((void **)&g->eoutcome, sizeof *g->eoutcome, cap))
            return false;
        g->ecap = cap;
    }
    g->esrc[g->ne] = src;
    g->eto[g->ne] = to;
    g->echoice[g->ne] = (uint8_t)choice;
    g->eoutcome[g->ne] = (int8_t)outcome;
    g->ne++;
    return true;
}

/* Remembers the `nf` events `fired` by the edge just added (their effects
 * move the free meters). */
static bool record_fired(AnalysisGraph *g, const uint16_t *fired, uint32_t nf) {
    uint32_t e = g->ne - 1;
    if (e >= g->fcap || g->nfired + nf > g->fcap) {
        uint32_t cap = g->fcap ? g->fcap : 4096;
        while (cap <= e + 1 || cap < g->nfired + nf) cap *= 2;
        if (!grow((void **)&g->efired, sizeof *g->efired, cap + 1) || !grow((void **)&g->fired, sizeof *g->fired, cap))
            return false;
        g->fcap = cap;
    }
    g->efired[e] = g->nfired;
    for (uint32_t f = 0; f < nf; f++) g->fired[g->nfired++] = fired[f];
    return true;
}

static bool is_ending(const AnalysisGraph *g, uint32_t v) { return g->scene[v] < 0; }

/* The path of decisions from the start to the target of edge `e` (NO_EDGE:
 * the start itself), following `pedge` back. */
static Path path_to_edge(Arena *ar, const AnalysisGraph *g, const uint32_t *pedge, uint32_t e) {
    Path p = {NULL, 0};
    for (uint32_t x = e; x != NO_EDGE; x = pedge[g->esrc[x]]) p.n++;
    if (!p.n) return p;
    p.steps = arena_alloc(ar, sizeof *p.steps * p.n);
    if (!p.steps) {
        p.n = 0;
        return p;
    }
    uint32_t i = p.n;
    for (uint32_t x = e; x != NO_EDGE; x = pedge[g->esrc[x]]) {
        i--;
        p.steps[i].scene = (uint32_t)g->scene[g->esrc[x]];
        p.steps[i].choice = g->echoice[x];
        p.steps[i].outcome = g->eoutcome[x];
    }
    return p;
}

static Path path_to_state(Arena *ar, const AnalysisGraph *g, uint32_t v) {
    return path_to_edge(ar, g, g->pedge, g->pedge[v]);
}

/* ---- exploration ------------------------------------------------------------- */

typedef enum Explored { EXPLORED_ALL, EXPLORED_BOUND, EXPLORED_OOM, EXPLORED_WIDE } Explored;

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

enum { MAX_TRANSITIONS = LIMIT_CHOICES * LIMIT_OUTCOMES };

/* The transitions of one state v, stepped before they are added to the
 * graph: the hash-table slots of all of them are fetched meanwhile, while
 * the previous state's are added. */
typedef struct Steps {
    uint32_t v, nt;          /* v: NO_EDGE when none */
    uint8_t choice[MAX_TRANSITIONS];
    int8_t outcome[MAX_TRANSITIONS];
    uint64_t *key;           /* nt keys of kw words */
    uint32_t hash[MAX_TRANSITIONS];
    int32_t w0[MAX_TRANSITIONS];
    uint32_t fired_at[MAX_TRANSITIONS + 1];
    uint16_t *fired;         /* the fired events of each transition */
} Steps;

static bool steps_init(Steps *sp, const AnalysisGraph *g, const Scenario *sc) {
    sp->v = NO_EDGE;
    sp->key = malloc(sizeof *sp->key * g->kw * MAX_TRANSITIONS);
    sp->fired = malloc(sizeof *sp->fired * (MAX_TRANSITIONS * (size_t)sc->n_events + 1u));
    return sp->key && sp->fired;
}

static void steps_free(Steps *sp) {
    free(sp->key);
    free(sp->fired);
}

/* Steps every transition of state v (not an ending): every available
 * choice, every outcome that can be drawn, in that order, from session `s`
 * put in v's state (the last one steps `s` itself, the others a copy in
 * `w`), into `sp`. Sets v's mask. EXPLORED_ALL, or _OOM, or _WIDE when a
 * key cannot hold a state. */
static Explored step_state(const Scenario *sc, AnalysisGraph *g, Session *s, Session *w, uint32_t v, Steps *sp) {
    session_state_unkey(s, &g->spec, key_at(g, v));
    uint16_t mask = session_available(s);
    g->mask[v] = mask;
    const Scene *scene = &sc->scenes[g->scene[v]];
    uint32_t nt = 0;
    for (uint16_t i = 0; i < scene->n_choices; i++) {
        if (!(mask & (1u << i))) continue;
        const Choice *c = &scene->choices[i];
        if (!c->n_outcomes) {
            sp->choice[nt] = (uint8_t)i;
            sp->outcome[nt++] = -1;
        }
        for (uint16_t k = 0; k < c->n_outcomes; k++)
            if (c->outcomes[k].weight) { /* one of probability 0 is never drawn */
                sp->choice[nt] = (uint8_t)i;
                sp->outcome[nt++] = (int8_t)k;
            }
    }
    sp->v = v;
    sp->nt = nt;
    sp->fired_at[0] = 0;
    for (uint32_t t = 0; t < nt; t++) {
        Session *x = s;
        if (t + 1 < nt) {
            session_state_copy(w, s);
            x = w;
        }
        const StepResult *st = session_advance(x, sp->choice[t], sp->outcome[t], mask);
        uint64_t *key = sp->key + (size_t)t * g->kw;
        if (!st) return EXPLORED_OOM;
        if (!session_state_key(x, &g->spec, key)) return EXPLORED_WIDE;
        sp->w0[t] = session_is_over(x) ? -1 - session_ending_index(x) : (int32_t)session_scene_index(x);
        sp->hash[t] = hash_key(key, g->kw);
        PREFETCH(&g->table[sp->hash[t] & g->tmask]);
        uint32_t nf = sp->fired_at[t];
        for (uint16_t f = 0; f < st->n_fired; f++) sp->fired[nf++] = st->fired[f].event;
        sp->fired_at[t + 1] = nf;
    }
    return EXPLORED_ALL;
}

/* Adds the transitions stepped in `sp`, in order. */
static Explored add_steps(AnalysisGraph *g, const Steps *sp, uint64_t max_states, uint32_t *event_edge) {
    for (uint32_t t = 0; t < sp->nt; t++) {
        int64_t to = graph_intern(g, sp->key + (size_t)t * g->kw, sp->hash[t], sp->w0[t], g->ne);
        if (to < 0 || !add_edge(g, sp->v, (uint32_t)to, sp->choice[t], sp->outcome[t])) return EXPLORED_OOM;
        const uint16_t *fired = sp->fired + sp->fired_at[t];
        uint32_t nf = sp->fired_at[t + 1] - sp->fired_at[t];
        for (uint32_t f = 0; f < nf; f++)
            if (event_edge[fired[f]] == NO_EDGE) event_edge[fired[f]] = g->ne - 1;
        if (g->nfree && !record_fired(g, fired, nf)) return EXPLORED_OOM;
        if (g->n > max_states) return EXPLORED_BOUND;
    }
    return EXPLORED_ALL;
}

/* Breadth-first search of every state reachable from `s`'s: each state's
 * transitions added in order, the next state's stepped meanwhile. */
static Explored explore(Analysis *a, AnalysisGraph *g, Session *s, uint64_t max_states, uint32_t *event_edge) {
    const Scenario *sc = a->sc;
    Steps buf[2];
    bool ok = steps_init(&buf[0], g, sc) & steps_init(&buf[1], g, sc);
    Session *w = session_create(sc, NULL, 0, LANG_FR); /* steps from a copy of s */
    if (!ok || !w || !table_rehash(g, 1024)) {
        steps_free(&buf[0]);
        steps_free(&buf[1]);
        session_destroy(w);
        return EXPLORED_OOM;
    }
    for (uint16_t j = 0; j < g->nfree; j++) g->free_initial[j] = session_meter(s, g->free_index[j]);
    Explored result = EXPLORED_ALL;
    if (!session_state_key(s, &g->spec, buf[0].key))
        result = EXPLORED_WIDE;
    else if (graph_intern(g, buf[0].key, hash_key(buf[0].key, g->kw), (int32_t)session_scene_index(s), NO_EDGE) < 0)
        result = EXPLORED_OOM;
    Steps *cur = &buf[0], *next = &buf[1];
    for (uint32_t v = 0; v < g->n && result == EXPLORED_ALL; v++) {
        g->first[v] = g->ne;
        if (is_ending(g, v)) continue;
        if (next->v == v) {
            Steps *t = cur;
            cur = next;
            next = t;
        } else if ((result = step_state(sc, g, s, w, v, cur)) != EXPLORED_ALL) {
            break;
        }
        next->v = NO_EDGE;
        uint32_t u = v + 1;
        while (u < g->n && is_ending(g, u)) u++;
        if (u < g->n && (result = step_state(sc, g, s, w, u, next)) != EXPLORED_ALL) break;
        result = add_steps(g, cur, max_states, event_edge);
    }
    if (result == EXPLORED_ALL) g->first[g->n] = g->ne;
    if (g->nfree && g->efired) g->efired[g->ne] = g->nfired;
    a->states = g->n;
    a->transitions = g->ne;
    steps_free(&buf[0]);
    steps_free(&buf[1]);
    session_destroy(w);
    return result;
}

/* ---- measures over the explored graph ---------------------------------------- */

static int8_t evidence_of(const Choice *c, uint16_t comp) {
    for (uint16_t k = 0; k < c->effects.n_evidence; k++)
        if (c->effects.evidence[k].competency == comp) return c->effects.evidence[k].value;
    return 0;
}

/* Tables for the measures: each state's scene, each decision's best
 * evidence per competency (the engine's scoring rule: the highest among the
 * available choices, counted when positive), each choice's evidence, and
 * the incoming edges. False when out of memory. */
static bool graph_index(const Scenario *sc, AnalysisGraph *g) {
    uint32_t n = g->n, C = sc->n_competencies ? sc->n_competencies : 1;
    g->nc = sc->n_competencies;
    uint32_t nch = 0;
    for (uint32_t i = 0; i < sc->n_scenes; i++) nch += sc->scenes[i].n_choices;
    Scratch *sx = g->scr;
    g->bestv = scratch_zget(sx, (size_t)n * C);
    g->evid = scratch_zget(sx, (size_t)(nch + 1u) * C);
    g->ctotal = scratch_zget(sx, sizeof *g->ctotal * (nch + 1u));
    g->cbase = scratch_get(sx, sizeof *g->cbase * (sc->n_scenes + 1u));
    g->in_first = scratch_zget(sx, sizeof *g->in_first * (n + 1u));
    g->in_edge = scratch_get(sx, sizeof *g->in_edge * (g->ne + 1u));
    g->ecix = scratch_get(sx, sizeof *g->ecix * (g->ne + 1u));
    if (!g->bestv || !g->evid || !g->ctotal || !g->cbase || !g->in_first || !g->in_edge || !g->ecix)
        return false;
    for (uint32_t s = 0, k = 0; s < sc->n_scenes; s++) {
        g->cbase[s] = k;
        for (uint16_t i = 0; i < sc->scenes[s].n_choices; i++, k++) {
            const Effects *e = &sc->scenes[s].choices[i].effects;
            for (uint16_t j = 0; j < e->n_evidence; j++) {
                g->evid[(size_t)k * C + e->evidence[j].competency] = e->evidence[j].value;
                g->ctotal[k] += e->evidence[j].value;
            }
        }
    }
    int32_t last_scene = -1;
    uint16_t last_mask = 0;
    int64_t last_v = -1;
    for (uint32_t v = 0; v < n; v++) {
        int32_t sv = g->scene[v];
        if (sv < 0) continue;
        int8_t *bv = &g->bestv[(size_t)v * C];
        if (last_v >= 0 && sv == last_scene && g->mask[v] == last_mask) {
            memcpy(bv, &g->bestv[(size_t)last_v * C], C);
            continue;
        }
        for (uint16_t i = 0; i < sc->scenes[sv].n_choices; i++)
            if (g->mask[v] & (1u << i))
                for (uint32_t c = 0; c < g->nc; c++) {
                    int8_t x = g->evid[(size_t)(g->cbase[sv] + i) * C + c];
                    if (x > bv[c]) bv[c] = x;
                }
        last_v = v;
        last_scene = sv;
        last_mask = g->mask[v];
    }
    for (uint32_t e = 0; e < g->ne; e++) g->ecix[e] = g->cbase[g->scene[g->esrc[e]]] + g->echoice[e];
    for (uint32_t e = 0; e < g->ne; e++) g->in_first[g->eto[e] + 1]++;
    for (uint32_t v = 0; v < n; v++) g->in_first[v + 1] += g->in_first[v];
    uint32_t *fill = scratch_get(sx, sizeof *fill * (n + 1u));
    if (!fill) return false;
    memcpy(fill, g->in_first, sizeof *fill * n);
    for (uint32_t e = 0; e < g->ne; e++) g->in_edge[fill[g->eto[e]]++] = e;
    scratch_put(sx, fill);
    return true;
}

static int8_t best_of(const AnalysisGraph *g, uint32_t v, uint16_t comp) {
    return g->bestv[(size_t)v * (g->nc ? g->nc : 1) + comp];
}

static int8_t edge_evidence(const AnalysisGraph *g, uint32_t e, uint16_t comp) {
    return g->evid[(size_t)g->ecix[e] * (g->nc ? g->nc : 1) + comp];
}

static const Scene *scene_of(const Analysis *a, const AnalysisGraph *g, uint32_t v) {
    return &a->sc->scenes[g->scene[v]];
}

static inline double edge_probability(const Analysis *a, const AnalysisGraph *g, uint32_t e, uint32_t navail) {
    const Choice *c = &scene_of(a, g, g->esrc[e])->choices[g->echoice[e]];
    double p = 1.0 / navail;
    if (g->eoutcome[e] >= 0) p *= (double)c->outcomes[g->eoutcome[e]].weight / PROBABILITY_ONE;
    return p;
}

static uint32_t popcount16(uint16_t m) {
    uint32_t n = 0;
    for (; m; m &= (uint16_t)(m - 1)) n++;
    return n;
}

/* Kahn's algorithm; returns false (a cycle) when some state is left out. */
static bool topological_order(const AnalysisGraph *g, uint32_t *order) {
    uint32_t *indeg = scratch_zget(g->scr, sizeof *indeg * g->n);
    if (!indeg) return false;
    for (uint32_t e = 0; e < g->ne; e++) indeg[g->eto[e]]++;
    uint32_t head = 0, tail = 0;
    for (uint32_t v = 0; v < g->n; v++)
        if (!indeg[v]) order[tail++] = v;
    while (head < tail) {
        uint32_t v = order[head++];
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++)
            if (--indeg[g->eto[e]] == 0) order[tail++] = g->eto[e];
    }
    scratch_put(g->scr, indeg);
    return tail == g->n;
}

/* ---- meters followed apart ---------------------------------------------------- */

/* The effects along edge `e`, one after the other in the engine's order:
 * the choice's, its chance outcome's, then each fired event's. `*i` starts
 * at 0; NULL past the last. */
static inline const Effects *edge_effects(const Scenario *sc, const AnalysisGraph *g, uint32_t e, uint32_t *i) {
    const Choice *c = &sc->scenes[g->scene[g->esrc[e]]].choices[g->echoice[e]];
    uint32_t k = (*i)++;
    if (k == 0) return &c->effects;
    if (k == 1 && g->eoutcome[e] >= 0) return &c->outcomes[g->eoutcome[e]].effects;
    if (k == 1) k = (*i)++;
    uint32_t f = g->efired[e] + (k - 2);
    return f < g->efired[e + 1] ? &sc->events[g->fired[f]].effects : NULL;
}

/* The changes of meter `m` along edge `e`, in the engine's order. Returns
 * how many (at most LIMIT_FREE_DELTAS). */
enum { LIMIT_FREE_DELTAS = 64 };
static uint32_t free_deltas(const Scenario *sc, const AnalysisGraph *g, uint32_t e, uint16_t m, int32_t *out) {
    uint32_t n = 0, i = 0;
    for (const Effects *fx; (fx = edge_effects(sc, g, e, &i)) != NULL;)
        for (uint16_t k = 0; k < fx->n_meters && n < LIMIT_FREE_DELTAS; k++)
            if (fx->meters[k].meter == m) out[n++] = fx->meters[k].delta;
    return n;
}

/* The changes of every free meter along edge `e` at once, as free_deltas
 * gives them for each: nd[j] changes of free meter j in d[j] (nd has
 * LIMIT_METERS entries). `jof` maps a meter to its free index (-1: not
 * free). */
static void free_deltas_all(const Scenario *sc, const AnalysisGraph *g, uint32_t e, const int8_t *jof, uint32_t *nd,
                            int32_t (*d)[LIMIT_FREE_DELTAS]) {
    memset(nd, 0, sizeof *nd * LIMIT_METERS); /* constant size: no call */
    uint32_t i = 0;
    for (const Effects *fx; (fx = edge_effects(sc, g, e, &i)) != NULL;)
        for (uint16_t k = 0; k < fx->n_meters; k++) {
            int8_t j = jof[fx->meters[k].meter];
            if (j >= 0 && nd[j] < LIMIT_FREE_DELTAS) d[j][nd[j]++] = fx->meters[k].delta;
        }
}

/* `x` through the clamped changes `d` of meter `mt`; *hit is set when a
 * bound is reached. */
static int32_t free_apply(const Meter *mt, const int32_t *d, uint32_t nd, int32_t x, bool *hit) {
    int64_t v = x;
    for (uint32_t i = 0; i < nd; i++) {
        v += d[i];
        if (v < mt->min) {
            v = mt->min;
            *hit = true;
        } else if (v > mt->max) {
            v = mt->max;
            *hit = true;
        }
    }
    return (int32_t)v;
}

typedef struct FreeEntry {
    int32_t value;
    double count;            /* plays, an integer as a double */
} FreeEntry;

static int cmp_free(const void *x, const void *y) {
    const FreeEntry *a = x, *b = y;
    return (a->value > b->value) - (a->value < b->value);
}

/* The distribution of free meter j (value, plays) at every state, pulled
 * in topological order like score_distribution; sets its least, greatest
 * value and sum at every state. False when the entries pass `budget` (the
 * meter then goes back into the states) or out of memory (*oom). */
static bool free_distribution(const Scenario *sc, AnalysisGraph *g, const uint32_t *order, const uint32_t *in_first,
                              const uint32_t *in_edge, uint32_t j, uint64_t budget, bool *oom) {
    uint32_t n = g->n, F = g->nfree;
    uint16_t m = g->free_index[j];
    const Meter *mt = &sc->meters[m];
    Scratch *sx = g->scr;
    uint32_t *off = scratch_get(sx, sizeof *off * n), *len = scratch_zget(sx, sizeof *len * n);
    size_t cap = (size_t)n + 16, used = 0;
    FreeEntry *buf = scratch_get(sx, sizeof *buf * cap);
    bool ok = off && len && buf;
    if (!ok) *oom = true;
    for (uint32_t k = 0; k < n && ok; k++) {
        uint32_t v = order[k];
        size_t at = used;
        if (v == 0) buf[used++] = (FreeEntry){g->free_initial[j], 1.0};
        for (uint32_t i = in_first[v]; i < in_first[v + 1] && ok; i++) {
            uint32_t e = in_edge[i], u = g->esrc[e], lu = len[u];
            if (used + lu > budget) {
                ok = false;
                break;
            }
            if (used + lu > cap) {
                size_t ncap = (used + lu) * 2;
                FreeEntry *nb = scratch_resize(sx, buf, sizeof *nb * ncap);
                if (!nb) {
                    ok = false;
                    *oom = true;
                    break;
                }
                buf = nb;
                cap = ncap;
            }
            int32_t d[LIMIT_FREE_DELTAS];
            uint32_t nd = free_deltas(sc, g, e, m, d);
            bool hit = false;
            for (uint32_t q = 0; q < lu; q++) {
                FreeEntry p = buf[off[u] + q];
                buf[used++] = (FreeEntry){free_apply(mt, d, nd, p.value, &hit), p.count};
            }
        }
        if (!ok) break;
        size_t cnt = used - at;
        if (cnt > 1) {
            qsort(buf + at, cnt, sizeof *buf, cmp_free);
            size_t w = at;
            for (size_t i = at + 1; i < used; i++) {
                if (buf[i].value == buf[w].value)
                    buf[w].count += buf[i].count;
                else
                    buf[++w] = buf[i];
            }
            used = w + 1;
        }
        off[v] = (uint32_t)at;
        len[v] = (uint32_t)(used - at);
        size_t ti = (size_t)v * F + j;
        double sum = 0;
        for (size_t i = at; i < used; i++) sum += buf[i].value * buf[i].count;
        g->flo[ti] = used > at ? buf[at].value : INT32_MAX;
        g->fhi[ti] = used > at ? buf[used - 1].value : INT32_MIN;
        g->fsum[ti] = sum;
    }
    scratch_put(sx, off);
    scratch_put(sx, len);
    scratch_put(sx, buf);
    return ok;
}

typedef enum Tracked { TRACKED_OK, TRACKED_AGAIN, TRACKED_OOM } Tracked;

/* The values of the meters that no condition reads (left out of the
 * states, so that plays differing only there merge), followed over the
 * merged graph in topological order: per state, the least and greatest
 * value and the sum over every play reaching it.
 *
 * Why this is exact. Along an edge a meter goes through x ↦ clamp(x + d)
 * once per change, and clamp(x + d) = min(max, max(min, x + d)) is
 * non-decreasing in x; so is their composition f. For the set S of values
 * reaching a state, the least and greatest of f(S) are therefore f(min S)
 * and f(max S): pushing [least, greatest] through f along every edge and
 * taking the hull at each state gives the exact least and greatest value
 * (not only bounds). For the sums (the mean at the end): when neither
 * f(min S) nor f(max S) reaches a bound at any change, no x between them
 * does (every intermediate value is non-decreasing in x), so f(x) = x + D
 * on all of S and the plays through the edge add sum + D × count. When a
 * bound can be reached, the sum is not determined by (least, greatest,
 * sum): that meter's whole distribution (value, plays) is pulled through
 * the graph instead (free_distribution; f applied to each value), and
 * when that passes its budget the meter is put back into the states
 * (`kept`) and the search starts again (TRACKED_AGAIN), as every free
 * meter is when the graph has a cycle. The sums are doubles of integers,
 * exact below 2^53 like the plays' counts, so the order in which they are
 * added does not change them. */
static Tracked track_free_meters(const Scenario *sc, AnalysisGraph *g, uint32_t *kept) {
    uint32_t n = g->n, F = g->nfree;
    Scratch *sx = g->scr;
    uint32_t *order = scratch_get(sx, sizeof *order * n);
    double *cnt = scratch_zget(sx, sizeof *cnt * n);
    g->flo = scratch_get(sx, sizeof *g->flo * n * F);
    g->fhi = scratch_get(sx, sizeof *g->fhi * n * F);
    g->fsum = scratch_zget(sx, sizeof *g->fsum * n * F);
    Tracked r = TRACKED_OK;
    uint32_t clamped = 0, *in_first = NULL, *in_edge = NULL;
    if (!order || !cnt || !g->flo || !g->fhi || !g->fsum) {
        r = TRACKED_OOM;
        goto out;
    }
    if (!topological_order(g, order)) {
        *kept |= g->free_meters;
        r = TRACKED_AGAIN;
        goto out;
    }
    for (size_t i = 0; i < (size_t)n * F; i++) {
        g->flo[i] = INT32_MAX;
        g->fhi[i] = INT32_MIN;
    }
    cnt[0] = 1;
    for (uint32_t j = 0; j < F; j++) {
        g->flo[j] = g->fhi[j] = g->free_initial[j];
        g->fsum[j] = g->free_initial[j];
    }
    int8_t jof[LIMIT_METERS];
    memset(jof, -1, sizeof jof);
    for (uint32_t j = 0; j < F; j++) jof[g->free_index[j]] = (int8_t)j;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t v = order[k];
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++) {
            uint32_t t = g->eto[e];
            cnt[t] += cnt[v];
            uint32_t nds[LIMIT_METERS];
            int32_t ds[LIMIT_METERS][LIMIT_FREE_DELTAS];
            free_deltas_all(sc, g, e, jof, nds, ds);
            for (uint32_t j = 0; j < F; j++) {
                uint16_t m = g->free_index[j];
                bool hit = false;
                int32_t lo = g->flo[(size_t)v * F + j], hi = g->fhi[(size_t)v * F + j];
                const int32_t *d = ds[j];
                uint32_t nd = nds[j];
                int32_t a = free_apply(&sc->meters[m], d, nd, lo, &hit), b = free_apply(&sc->meters[m], d, nd, hi, &hit);
                if (hit) { /* the sums need the whole distribution */
                    clamped |= 1u << j;
                    continue;
                }
                size_t ti = (size_t)t * F + j;
                if (a < g->flo[ti]) g->flo[ti] = a;
                if (b > g->fhi[ti]) g->fhi[ti] = b;
                g->fsum[ti] += g->fsum[(size_t)v * F + j] + (double)(a - lo) * cnt[v];
            }
        }
    }
    if (!clamped) goto out;
    in_first = scratch_zget(sx, sizeof *in_first * (n + 1u));
    in_edge = scratch_get(sx, sizeof *in_edge * (g->ne + 1u));
    if (!in_first || !in_edge) {
        r = TRACKED_OOM;
        goto out;
    }
    for (uint32_t e = 0; e < g->ne; e++) in_first[g->eto[e] + 1]++;
    for (uint32_t v = 0; v < n; v++) in_first[v + 1] += in_first[v];
    uint32_t *fill = scratch_get(sx, sizeof *fill * (n + 1u));
    if (!fill) {
        r = TRACKED_OOM;
        goto out;
    }
    memcpy(fill, in_first, sizeof *fill * n);
    for (uint32_t e = 0; e < g->ne; e++) in_edge[fill[g->eto[e]]++] = e;
    scratch_put(sx, fill);
    /* the budget of a distribution: as much as the score distributions get */
    uint64_t budget = SCORE_BUDGET_BASE + (uint64_t)SCORE_BUDGET_PER_EDGE * g->ne;
    for (uint32_t j = 0; j < F; j++) {
        if (!(clamped >> j & 1u)) continue;
        bool oom = false;
        if (free_distribution(sc, g, order, in_first, in_edge, j, budget, &oom)) continue;
        if (oom) {
            r = TRACKED_OOM;
            goto out;
        }
        *kept |= 1u << g->free_index[j];
        r = TRACKED_AGAIN;
    }
out:
    if (r == TRACKED_OK && !g->order) {
        g->order = order; /* kept for the measures */
        order = NULL;
    }
    scratch_put(sx, order);
    scratch_put(sx, cnt);
    scratch_put(sx, in_first);
    scratch_put(sx, in_edge);
    return r;
}

/* Probability of each ending under random play on a graph with cycles:
 * mass pushed along the edges until what is still moving is negligible. */
static void probabilities_cyclic(Analysis *a, const AnalysisGraph *g, double *prob) {
    double *next = scratch_zget(g->scr, sizeof *next * g->n);
    double *absorbed = scratch_zget(g->scr, sizeof *absorbed * g->n);
    if (!next || !absorbed) {
        scratch_put(g->scr, next);
        scratch_put(g->scr, absorbed);
        return;
    }
    memset(prob, 0, sizeof *prob * g->n);
    prob[0] = 1.0;
    for (int round = 0; round < 100000; round++) {
        double moving = 0;
        memset(next, 0, sizeof *next * g->n);
        for (uint32_t v = 0; v < g->n; v++) {
            if (prob[v] == 0) continue;
            uint32_t navail = popcount16(g->mask[v]);
            if (is_ending(g, v) || !navail) {
                absorbed[v] += prob[v];
                continue;
            }
            for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++)
                next[g->eto[e]] += prob[v] * edge_probability(a, g, e, navail);
            moving += prob[v];
        }
        memcpy(prob, next, sizeof *prob * g->n);
        if (moving < 1e-13) break;
    }
    memcpy(prob, absorbed, sizeof *prob * g->n);
    scratch_put(g->scr, next);
    scratch_put(g->scr, absorbed);
}

typedef struct ScoreEntry {
    int32_t earned, best;
    uint64_t count;          /* playthroughs, saturating */
    double approx;           /* the same count as a double */
} ScoreEntry;

static int cmp_entry(const void *x, const void *y) {
    const ScoreEntry *a = x, *b = y;
    if (a->earned != b->earned) return a->earned < b->earned ? -1 : 1;
    return (a->best > b->best) - (a->best < b->best);
}

static int32_t score_of(int32_t earned, int32_t best) {
    int64_t s = 100 * (int64_t)(earned < 0 ? 0 : earned) / best;
    return (int32_t)(s > 100 ? 100 : s);
}

/* The (earned, best) pairs at the endings, merged: the figures are taken
 * once per pair. Their sums are of integers held in doubles, exact below
 * 2^53, so the order of the pairs does not change them. */
typedef struct EndSlot {
    ScoreEntry e;
    bool used, over;         /* over: the count saturated */
} EndSlot;

typedef struct EndTable {
    EndSlot *slot;
    uint32_t mask, n;
} EndTable;

static uint32_t end_hash(int32_t earned, int32_t best) {
    uint64_t h = ((uint64_t)(uint32_t)earned << 32 | (uint32_t)best) * 0x9e3779b97f4a7c15u;
    return (uint32_t)(h >> 32);
}

static bool ends_grow(EndTable *t) {
    uint32_t size = t->slot ? (t->mask + 1) * 2 : 256;
    EndSlot *ns = calloc(size, sizeof *ns);
    if (!ns) return false;
    for (uint32_t i = 0; t->slot && i <= t->mask; i++) {
        if (!t->slot[i].used) continue;
        uint32_t h = end_hash(t->slot[i].e.earned, t->slot[i].e.best) & (size - 1);
        while (ns[h].used) h = (h + 1) & (size - 1);
        ns[h] = t->slot[i];
    }
    free(t->slot);
    t->slot = ns;
    t->mask = size - 1;
    return true;
}

static bool ends_add(EndTable *t, const ScoreEntry *p) {
    uint32_t h = end_hash(p->earned, p->best) & t->mask;
    for (; t->slot[h].used; h = (h + 1) & t->mask) {
        EndSlot *x = &t->slot[h];
        if (x->e.earned == p->earned && x->e.best == p->best) {
            x->e.count = sat_add(x->e.count, p->count, &x->over);
            x->e.approx += p->approx;
            return true;
        }
    }
    t->slot[h] = (EndSlot){*p, true, false};
    if (++t->n * 2 > t->mask + 1) return ends_grow(t);
    return true;
}

/* The figures at the endings, taken pair by pair: either straight from
 * each pair (`direct`) or once per distinct pair through an EndTable. */
typedef struct EndFigures {
    bool any, scored, sat;
    double esum, bsum, ssum, weight, sweight;
} EndFigures;

static void end_figures_add(EndFigures *f, CompetencyReport *r, const ScoreEntry *p) {
    if (!f->any) {
        r->earned.min = r->earned.max = p->earned;
        r->best.min = r->best.max = p->best;
        f->any = true;
    } else {
        if (p->earned < r->earned.min) r->earned.min = p->earned;
        if (p->earned > r->earned.max) r->earned.max = p->earned;
        if (p->best < r->best.min) r->best.min = p->best;
        if (p->best > r->best.max) r->best.max = p->best;
    }
    f->esum += p->earned * p->approx;
    f->bsum += p->best * p->approx;
    f->weight += p->approx;
    if (p->best <= 0) {
        count_add(&r->not_assessed, p->count, p->approx);
        return;
    }
    int32_t sc = score_of(p->earned, p->best);
    if (!f->scored || sc < r->score.min) r->score.min = sc;
    if (!f->scored || sc > r->score.max) r->score.max = sc;
    f->scored = true;
    f->ssum += sc * p->approx;
    f->sweight += p->approx;
}

/* The (earned, best) pairs at the endings, merged in a grid when every
 * pair fits: earned in [-span, span], best in [0, span] (the longest play
 * times the largest evidence), cell (earned + span) * width + best. Its
 * cells are cleared after each use. Only the counts are added: the grid is
 * used when every count stays below 2^53, where a count and its double
 * `approx` are the same number. */
typedef struct EndGrid {
    int32_t span;
    size_t width, cells;
    uint64_t *count;
} EndGrid;

/* The walk of score_distribution, the same for every competency: per state
 * in topological order, one op: {u, v, c} for a state v (not an ending)
 * with one incoming edge, from u by a choice of index c (in scene order);
 * {NO_EDGE, v} for the start or a state with several; {u, NO_EDGE, c} for
 * each edge into an ending, in in_edge order. And the per-state lists:
 * state v's pairs are buf[off, off + len), each shifted by shift_e in
 * earned and shift_b in best, v's own best included, in one record so that
 * a state's list is one memory access. */
typedef struct ScoreOp {
    uint32_t u, v, c;
} ScoreOp;

typedef struct ScoreList {
    uint32_t off, len;
    int32_t shift_e, shift_b;
} ScoreList;

typedef struct ScoreWalk {
    ScoreOp *op;
    size_t nop;
    ScoreList *list;
    ScoreEntry *buf;         /* the lists, kept from one competency to the next */
    size_t cap;
} ScoreWalk;

/* False when out of memory. */
static bool score_walk_init(const AnalysisGraph *g, const uint32_t *order, ScoreWalk *w) {
    uint32_t n = g->n;
    w->op = scratch_get(g->scr, sizeof *w->op * ((size_t)n + g->ne + 1u));
    w->nop = 0;
    w->list = scratch_get(g->scr, sizeof *w->list * (n + 1u));
    if (!w->op || !w->list) return false;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t v = order[k], ifirst = g->in_first[v], iend = g->in_first[v + 1];
        if (v != 0 && g->scene[v] < 0) {
            for (uint32_t i = ifirst; i < iend; i++) {
                uint32_t e = g->in_edge[i];
                w->op[w->nop++] = (ScoreOp){g->esrc[e], NO_EDGE, g->ecix[e]};
            }
        } else if (v != 0 && iend - ifirst == 1) {
            uint32_t e = g->in_edge[ifirst];
            w->op[w->nop++] = (ScoreOp){g->esrc[e], v, g->ecix[e]};
        } else {
            w->op[w->nop++] = (ScoreOp){NO_EDGE, v, 0};
        }
    }
    return true;
}

/* The exact distribution of (earned, best) of competency `comp` over all
 * playthroughs, pulled in topological order: each state's list is built
 * from its predecessors' and kept in one growing buffer. A state with one
 * incoming edge shares its predecessor's list, shifted by (shift_e,
 * shift_b): the same pairs in the same order, without a copy. Fills every figure of `cr`
 * at the endings; false (cr untouched) when the work passes `budget`
 * entries (a shared list counts as if copied). The sums are of integers
 * held in doubles, the figures at the endings taken once per distinct pair:
 * merged in `gd` (non-NULL: the caller's proof that every pair fits and
 * every sum stays below 2^53, so exact in any order) or else in a hash
 * table, in the same order whatever the layout, so that the reported means
 * do not move by a rounding. */
static bool score_distribution(const AnalysisGraph *g, ScoreWalk *wk, uint16_t comp, uint64_t budget, EndGrid *gd,
                               CompetencyReport *cr) {
    bool grid = gd != NULL;
    uint32_t n = g->n, C = g->nc;
    ScoreList *list = wk->list;
    if (!wk->buf) {
        wk->cap = (size_t)n + 16;
        wk->buf = scratch_get(g->scr, sizeof *wk->buf * wk->cap);
    }
    size_t cap = wk->cap, used = 0;
    ScoreEntry *buf = wk->buf;
    bool ok = buf != NULL, sat = false;
    uint64_t work = 0;
    CompetencyReport r = *cr;
    EndFigures fig = {false, false, false, 0, 0, 0, 0, 0};
    EndTable ends = {NULL, 0, 0};
    if (!grid) ok = ok && ends_grow(&ends);
    const uint32_t *in_first = g->in_first, *in_edge = g->in_edge, *esrc = g->esrc, *ecix = g->ecix;
    const int8_t *ev = g->evid + comp, *bv = g->bestv + comp; /* a choice's evidence, a state's best: stride C */
    for (size_t q = 0; q < wk->nop && ok; q++) {
        ScoreOp op = wk->op[q];
        if (op.v == NO_EDGE) { /* an edge into an ending: its pairs go straight to the figures */
            ScoreList lu = list[op.u];
            int32_t x = ev[(size_t)op.c * C] + lu.shift_e, b = lu.shift_b;
            work += lu.len;
            if (work > budget) {
                ok = false;
                break;
            }
            const ScoreEntry *src = buf + lu.off;
            if (grid) {
                int64_t w = (int64_t)gd->width, base = (x + gd->span) * w + b;
                for (uint32_t j = 0; j < lu.len; j++) gd->count[base + src[j].earned * w + src[j].best] += src[j].count;
                continue;
            }
            for (uint32_t j = 0; j < lu.len && ok; j++) {
                ScoreEntry p = {src[j].earned + x, src[j].best + b, src[j].count, src[j].approx};
                ok = ends_add(&ends, &p);
            }
            continue;
        }
        uint32_t v = op.v;
        size_t at = used;
        if (op.u != NO_EDGE) { /* one way in: the predecessor's list, shifted */
            ScoreList lu = list[op.u];
            work += lu.len;
            if (work > budget) {
                ok = false;
                break;
            }
            list[v] = (ScoreList){lu.off, lu.len, lu.shift_e + ev[(size_t)op.c * C], lu.shift_b + bv[(size_t)v * C]};
            continue;
        }
        if (v == 0) {
            if (used == cap) {
                ok = false;
                break;
            }
            buf[used++] = (ScoreEntry){0, 0, 1, 1.0};
        }
        for (uint32_t i = in_first[v], iend = in_first[v + 1]; i < iend; i++) {
            uint32_t e = in_edge[i], u = esrc[e];
            ScoreList lu = list[u];
            int32_t x = ev[(size_t)ecix[e] * C] + lu.shift_e, b = lu.shift_b;
            work += lu.len;
            if (work > budget) {
                ok = false;
                break;
            }
            if (used + lu.len > cap) {
                size_t ncap = (used + lu.len) * 2;
                ScoreEntry *nb = scratch_resize(g->scr, buf, sizeof *nb * ncap);
                if (!nb) {
                    ok = false;
                    break;
                }
                buf = wk->buf = nb;
                cap = wk->cap = ncap;
            }
            const ScoreEntry *src = buf + lu.off;
            ScoreEntry *dst = buf + used;
            for (uint32_t j = 0; j < lu.len; j++)
                dst[j] = (ScoreEntry){src[j].earned + x, src[j].best + b, src[j].count, src[j].approx};
            used += lu.len;
        }
        if (!ok) break;
        size_t m = used - at;
        if (m > 1) {
            if (m <= 16) { /* stable, like glibc's merge sort: equal entries keep their order */
                for (size_t i = at + 1; i < used; i++) {
                    ScoreEntry t = buf[i];
                    size_t j = i;
                    for (; j > at && cmp_entry(&buf[j - 1], &t) > 0; j--) buf[j] = buf[j - 1];
                    buf[j] = t;
                }
            } else {
                qsort(buf + at, m, sizeof *buf, cmp_entry);
            }
            size_t w = at;
            for (size_t i = at + 1; i < used; i++) {
                if (buf[i].earned == buf[w].earned && buf[i].best == buf[w].best) {
                    buf[w].count = sat_add(buf[w].count, buf[i].count, &sat);
                    buf[w].approx += buf[i].approx;
                } else {
                    buf[++w] = buf[i];
                }
            }
            used = w + 1;
        }
        list[v] = (ScoreList){(uint32_t)at, (uint32_t)(used - at), 0, bv[(size_t)v * C]};
    }
    for (size_t c = 0; ok && grid && c < gd->cells; c++) {
        if (gd->count[c] == 0) continue;
        ScoreEntry q = {(int32_t)(c / gd->width) - gd->span, (int32_t)(c % gd->width), gd->count[c], (double)gd->count[c]};
        end_figures_add(&fig, &r, &q);
    }
    if (grid) {
        memset(gd->count, 0, sizeof *gd->count * gd->cells);
    }
    for (uint32_t i = 0; ok && ends.slot && i <= ends.mask; i++) {
        if (!ends.slot[i].used) continue;
        if (ends.slot[i].over && ends.slot[i].e.best <= 0) sat = true;
        end_figures_add(&fig, &r, &ends.slot[i].e);
    }
    free(ends.slot);
    if (!ok) return false;
    if (sat) r.not_assessed.saturated = true;
    if (fig.weight > 0) {
        r.earned.mean = fig.esum / fig.weight;
        r.best.mean = fig.bsum / fig.weight;
    }
    if (fig.sweight > 0) r.score.mean = fig.ssum / fig.sweight;
    r.score_known = true;
    *cr = r;
    return true;
}

/* Per-competency figures that add along a play, in topological order. */
typedef struct PathSums {
    int32_t *emin, *emax, *bmin, *bmax;
    double *esum, *bsum;
    uint64_t *c0;            /* playthroughs so far that never assessed it */
    double *c0d;
} PathSums;

static void competency_sums(const AnalysisGraph *g, const uint32_t *order, const double *cnt,
                            uint16_t comp, PathSums *ps, CompetencyReport *cr) {
    uint32_t n = g->n;
    bool sat = false;
    for (uint32_t v = 0; v < n; v++) {
        ps->emin[v] = INT32_MAX;
        ps->emax[v] = INT32_MIN;
        ps->bmin[v] = INT32_MAX;
        ps->bmax[v] = INT32_MIN;
        ps->esum[v] = ps->bsum[v] = 0;
        ps->c0[v] = 0;
        ps->c0d[v] = 0;
    }
    ps->emin[0] = ps->emax[0] = ps->bmin[0] = ps->bmax[0] = 0;
    ps->c0[0] = 1;
    ps->c0d[0] = 1;
    bool any = false;
    double esum = 0, bsum = 0, weight = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t v = order[k];
        if (is_ending(g, v)) {
            if (!any || ps->emin[v] < cr->earned.min) cr->earned.min = ps->emin[v];
            if (!any || ps->emax[v] > cr->earned.max) cr->earned.max = ps->emax[v];
            if (!any || ps->bmin[v] < cr->best.min) cr->best.min = ps->bmin[v];
            if (!any || ps->bmax[v] > cr->best.max) cr->best.max = ps->bmax[v];
            any = true;
            esum += ps->esum[v];
            bsum += ps->bsum[v];
            weight += cnt[v];
            count_add(&cr->not_assessed, ps->c0[v], ps->c0d[v]);
            continue;
        }
        int32_t b = best_of(g, v, comp);
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++) {
            uint32_t t = g->eto[e];
            int32_t x = edge_evidence(g, e, comp);
            if (ps->emin[v] + x < ps->emin[t]) ps->emin[t] = ps->emin[v] + x;
            if (ps->emax[v] + x > ps->emax[t]) ps->emax[t] = ps->emax[v] + x;
            if (ps->bmin[v] + b < ps->bmin[t]) ps->bmin[t] = ps->bmin[v] + b;
            if (ps->bmax[v] + b > ps->bmax[t]) ps->bmax[t] = ps->bmax[v] + b;
            ps->esum[t] += ps->esum[v] + cnt[v] * x;
            ps->bsum[t] += ps->bsum[v] + cnt[v] * b;
            if (b == 0) {
                ps->c0[t] = sat_add(ps->c0[t], ps->c0[v], &sat);
                ps->c0d[t] += ps->c0d[v];
            }
        }
    }
    if (sat) cr->not_assessed.saturated = true;
    if (any && weight > 0) {
        cr->earned.mean = esum / weight;
        cr->best.mean = bsum / weight;
    }
}

/* A shortest play that reaches an ending without a decision assessing
 * `comp`: breadth-first search through the states that do not assess it. */
static bool skip_path(Analysis *a, const AnalysisGraph *g, uint16_t comp, uint32_t *pedge, uint32_t *queue, Path *out) {
    uint8_t *seen = scratch_zget(g->scr, g->n);
    if (!seen) return false;
    uint32_t head = 0, tail = 0;
    queue[tail++] = 0;
    seen[0] = 1;
    pedge[0] = NO_EDGE;
    bool found = false;
    while (head < tail && !found) {
        uint32_t v = queue[head++];
        if (is_ending(g, v)) {
            *out = path_to_edge(&a->arena, g, pedge, pedge[v]);
            found = true;
            break;
        }
        if (best_of(g, v, comp) > 0) continue;
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++)
            if (!seen[g->eto[e]]) {
                seen[g->eto[e]] = 1;
                pedge[g->eto[e]] = e;
                queue[tail++] = g->eto[e];
            }
    }
    scratch_put(g->scr, seen);
    return found;
}

/* Meter interval of a choice, in "goodness" (sign flipped for a meter
 * whose good direction is low): its own change plus the worst and best
 * chance outcome. */
static void meter_span(const Scenario *sc, const Choice *c, uint16_t m, int64_t *lo, int64_t *hi) {
    int64_t base = 0;
    for (uint16_t k = 0; k < c->effects.n_meters; k++)
        if (c->effects.meters[k].meter == m) base += c->effects.meters[k].delta;
    int64_t omin = 0, omax = 0;
    for (uint16_t o = 0; o < c->n_outcomes; o++) {
        int64_t d = 0;
        for (uint16_t k = 0; k < c->outcomes[o].effects.n_meters; k++)
            if (c->outcomes[o].effects.meters[k].meter == m) d += c->outcomes[o].effects.meters[k].delta;
        if (o == 0 || d < omin) omin = d;
        if (o == 0 || d > omax) omax = d;
    }
    int64_t a = base + omin, b = base + omax;
    if (!sc->meters[m].higher_is_better) {
        int64_t t = a;
        a = -b;
        b = -t;
    }
    *lo = a;
    *hi = b;
}

/* True when `y` is at least as good as `x` on every competency and every
 * meter (y's worst case against x's best case) and better on one. */
static bool dominates(const Scenario *sc, const Choice *y, const Choice *x) {
    bool strict = false;
    for (uint16_t c = 0; c < sc->n_competencies; c++) {
        int8_t ey = evidence_of(y, c), ex = evidence_of(x, c);
        if (ey < ex) return false;
        if (ey > ex) strict = true;
    }
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        int64_t ylo, yhi, xlo, xhi;
        meter_span(sc, y, m, &ylo, &yhi);
        meter_span(sc, x, m, &xlo, &xhi);
        if (ylo < xhi) return false;
        if (ylo > xhi) strict = true;
    }
    return strict;
}

static bool same_routes(const Route *a, uint16_t na, const Route *b, uint16_t nb) {
    if (na != nb) return false;
    for (uint16_t i = 0; i < na; i++)
        if (a[i].cond != b[i].cond || a[i].target.kind != b[i].target.kind || a[i].target.index != b[i].target.index)
            return false;
    return true;
}

static bool same_consequences(const Choice *x, const Choice *y) {
    const Effects *a = &x->effects, *b = &y->effects;
    if (a->n_flags != b->n_flags || a->n_counters != b->n_counters || a->n_schedule != b->n_schedule) return false;
    for (uint16_t i = 0; i < a->n_flags; i++)
        if (a->flags[i].flag != b->flags[i].flag || a->flags[i].value != b->flags[i].value) return false;
    for (uint16_t i = 0; i < a->n_counters; i++)
        if (a->counters[i].counter != b->counters[i].counter || a->counters[i].delta != b->counters[i].delta) return false;
    for (uint16_t i = 0; i < a->n_schedule; i++)
        if (a->schedule[i] != b->schedule[i]) return false;
    return x->n_outcomes == 0 && y->n_outcomes == 0 && same_routes(x->routes, x->n_routes, y->routes, y->n_routes);
}

static uint32_t choice_base(const Scenario *sc, uint32_t scene) {
    uint32_t base = 0;
    for (uint32_t s = 0; s < scene; s++) base += sc->scenes[s].n_choices;
    return base;
}

/* The play to an ending with the highest total evidence (sign 1) or the
 * lowest (sign -1); among equals the shortest, and among those the first
 * in the order of the choices and outcomes, decision after decision. The
 * rule names one play whatever states the search merged. Pulled backwards
 * in topological order: `rest[v]` is the best total from v to an ending
 * (INT64_MIN: none), `len[v]` the fewest decisions that achieve it. False
 * when no play reaches an ending. */
static void extreme_rest(const AnalysisGraph *g, const uint32_t *order, int64_t *rmax, uint32_t *lmax, int64_t *rmin,
                         uint32_t *lmin) {
    for (uint32_t k = g->n; k-- > 0;) {
        uint32_t v = order[k];
        if (g->scene[v] < 0) {
            rmax[v] = rmin[v] = 0;
            lmax[v] = lmin[v] = 0;
            continue;
        }
        int64_t hi = INT64_MIN, lo = INT64_MIN;
        uint32_t lhi = 0, llo = 0;
        for (uint32_t e = g->first[v], end = g->first[v + 1]; e < end; e++) {
            uint32_t t = g->eto[e];
            if (rmax[t] == INT64_MIN) continue; /* then rmin[t] too: no ending from t */
            int64_t x = g->ctotal[g->ecix[e]];
            int64_t c = x + rmax[t];
            if (hi == INT64_MIN || c > hi || (c == hi && lmax[t] + 1 < lhi)) {
                hi = c;
                lhi = lmax[t] + 1;
            }
            c = -x + rmin[t];
            if (lo == INT64_MIN || c > lo || (c == lo && lmin[t] + 1 < llo)) {
                lo = c;
                llo = lmin[t] + 1;
            }
        }
        rmax[v] = hi;
        lmax[v] = lhi;
        rmin[v] = lo;
        lmin[v] = llo;
    }
}

/* The play itself, from extreme_rest's figures for `sign`. */
static bool extreme_play(Arena *ar, const AnalysisGraph *g, int sign, const int64_t *rest, const uint32_t *len,
                         Path *out, int64_t *total) {
    if (rest[0] == INT64_MIN) return false;
    *total = sign * rest[0];
    Path p = {NULL, len[0]};
    if (p.n) {
        p.steps = arena_alloc(ar, sizeof *p.steps * p.n);
        if (!p.steps) return false;
    }
    for (uint32_t v = 0, i = 0; i < p.n; i++) {
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++) {
            uint32_t t = g->eto[e];
            if (rest[t] == INT64_MIN || sign * (int64_t)g->ctotal[g->ecix[e]] + rest[t] != rest[v] || len[t] + 1 != len[v])
                continue;
            p.steps[i] = (PathStep){(uint32_t)g->scene[v], g->echoice[e], g->eoutcome[e]};
            v = t;
            break;
        }
    }
    *out = p;
    return true;
}

static bool measure_exact(Analysis *a, AnalysisGraph *g, uint64_t score_budget, bool plain) {
    const Scenario *sc = a->sc;
    uint32_t n = g->n;
    Arena *ar = &a->arena;
    if (!graph_index(sc, g)) return false;

    /* coverage, dead ends, availability */
    uint16_t *avail = calloc(sc->n_scenes, sizeof *avail);
    uint16_t *without = calloc((size_t)sc->n_scenes * LIMIT_CHOICES, sizeof *without);
    int64_t *dead = malloc(sizeof *dead * sc->n_scenes);
    if (!avail || !without || !dead) goto done_cov;
    for (uint32_t s = 0; s < sc->n_scenes; s++) dead[s] = -1;
    for (uint32_t v = 0; v < n; v++) {
        int32_t w0 = g->scene[v];
        if (w0 < 0) {
            EndingReport *er = &a->endings[-1 - w0];
            if (!er->reached) er->path = path_to_state(ar, g, v);
            er->reached = true;
            continue;
        }
        SceneReport *sr = &a->scenes[w0];
        if (!sr->reached) sr->path = path_to_state(ar, g, v);
        sr->reached = true;
        uint16_t m = g->mask[v];
        avail[w0] |= m;
        for (uint16_t i = 0; i < sc->scenes[w0].n_choices; i++)
            if (m & (1u << i)) without[(size_t)w0 * LIMIT_CHOICES + i] |= (uint16_t)~m;
        if (!m && dead[w0] < 0) dead[w0] = v;
    }
    for (uint32_t s = 0; s < sc->n_scenes; s++)
        if (dead[s] >= 0) a->n_dead_ends++;
    a->dead_ends = arena_alloc(ar, sizeof *a->dead_ends * (a->n_dead_ends + 1));
    a->n_dead_ends = 0;
    for (uint32_t s = 0; s < sc->n_scenes && a->dead_ends; s++)
        if (dead[s] >= 0) {
            a->dead_ends[a->n_dead_ends].scene = s;
            a->dead_ends[a->n_dead_ends].path = path_to_state(ar, g, (uint32_t)dead[s]);
            a->n_dead_ends++;
        }
    for (uint32_t s = 0; s < sc->n_scenes; s++) {
        const Scene *scene = &sc->scenes[s];
        uint32_t base = choice_base(sc, s);
        for (uint16_t x = 0; x < scene->n_choices; x++) {
            ChoiceReport *cr = &a->choices[base + x];
            cr->available = (avail[s] >> x) & 1u;
            if (!cr->available) continue;
            for (uint16_t y = 0; y < scene->n_choices; y++) {
                if (y == x || (without[(size_t)s * LIMIT_CHOICES + x] >> y) & 1u) continue;
                if (!dominates(sc, &scene->choices[y], &scene->choices[x])) continue;
                bool same = same_consequences(&scene->choices[x], &scene->choices[y]);
                if (!cr->dominated || (same && !cr->same_consequences)) {
                    cr->dominated = true;
                    cr->dominated_by = y;
                    cr->same_consequences = same;
                }
            }
        }
    }
done_cov:
    free(avail);
    free(without);
    free(dead);

    /* order, counts, lengths, probabilities; each scratch array is given
     * back once used, so that the later ones reuse its pages */
    Scratch *sx = g->scr;
    uint32_t *order = scratch_get(sx, sizeof *order * n);
    double *cnt = scratch_zget(sx, sizeof *cnt * n);
    uint64_t *cntu = scratch_zget(sx, sizeof *cntu * n);
    uint32_t *longest = scratch_zget(sx, sizeof *longest * n);
    double *prob = scratch_zget(sx, sizeof *prob * n);
    uint32_t *pe = scratch_get(sx, sizeof *pe * n), *queue = scratch_get(sx, sizeof *queue * n);
    int64_t *tmax = NULL, *tmin = NULL;
    uint32_t *pmax = NULL, *pmin = NULL;
    if (!order || !cnt || !cntu || !longest || !prob || !pe || !queue) goto done;

    if (g->order)
        memcpy(order, g->order, sizeof *order * n);
    else
        a->has_cycle = !topological_order(g, order);
    /* states are numbered breadth-first: the first ending state found is
     * one of the nearest, its path a shortest play */
    a->shortest = 0;
    for (uint32_t v = 0; v < n; v++)
        if (is_ending(g, v)) {
            for (uint32_t e = g->pedge[v]; e != NO_EDGE; e = g->pedge[g->esrc[e]]) a->shortest++;
            break;
        }

    for (uint16_t ci = 0; ci < sc->n_competencies; ci++) {
        CompetencyReport *cr = &a->competencies[ci];
        for (uint32_t v = 0; v < n && !cr->assessed; v++)
            if (!is_ending(g, v) && best_of(g, v, ci) > 0) cr->assessed = true;
        cr->skippable = skip_path(a, g, ci, pe, queue, &cr->skip_path);
    }
    scratch_put(sx, pe);
    scratch_put(sx, queue);
    pe = queue = NULL;

    if (a->has_cycle) {
        probabilities_cyclic(a, g, prob);
        for (uint32_t v = 0; v < n; v++) {
            if (is_ending(g, v))
                a->endings[-1 - g->scene[v]].probability += prob[v];
            else if (!g->mask[v])
                a->stuck_probability += prob[v];
        }
        bool first = true;
        bool *seen = calloc(sc->n_endings, sizeof *seen);
        for (uint32_t v = 0; v < n && seen; v++) {
            if (!is_ending(g, v)) continue;
            EndingReport *er = &a->endings[-1 - g->scene[v]];
            bool efirst = !seen[-1 - g->scene[v]];
            seen[-1 - g->scene[v]] = true;
            for (uint16_t m = 0; m < sc->n_meters; m++) {
                int32_t x = state_meter(g, v, m);
                if (first || x < a->meters[m].min) a->meters[m].min = x;
                if (first || x > a->meters[m].max) a->meters[m].max = x;
                if (efirst || x < er->meter_min[m]) er->meter_min[m] = x;
                if (efirst || x > er->meter_max[m]) er->meter_max[m] = x;
            }
            first = false;
        }
        free(seen);
        goto done;
    }

    bool sat_total = false;
    cnt[0] = 1;
    cntu[0] = 1;
    prob[0] = 1;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t v = order[k];
        if (is_ending(g, v)) continue;
        uint32_t navail = popcount16(g->mask[v]);
        for (uint32_t e = g->first[v]; e < g->first[v + 1]; e++) {
            uint32_t t = g->eto[e];
            cnt[t] += cnt[v];
            cntu[t] = sat_add(cntu[t], cntu[v], &sat_total);
            prob[t] += prob[v] * edge_probability(a, g, e, navail);
            if (longest[v] + 1 > longest[t]) longest[t] = longest[v] + 1;
        }
    }
    /* the final meters: per ending over its states (meters in the key, or
     * followed apart), then over the endings reached */
    double weight = 0;
    double *msum = calloc(sc->n_meters ? sc->n_meters : 1, sizeof *msum);
    bool *eseen = calloc(sc->n_endings, sizeof *eseen);
    uint16_t nm = sc->n_meters, F = g->nfree, nk = 0;
    KeyPart part[LIMIT_METERS]; /* the meters in the key, in order */
    uint16_t km[LIMIT_METERS];
    for (uint16_t m = 0; m < nm; m++)
        if (!(g->free_meters >> m & 1u)) {
            part[nk] = g->spec.meters[m];
            if (!part[nk].on) part[nk] = (KeyPart){0, 0, 0, 0, false}; /* reads 0 */
            km[nk++] = m;
        }
    for (uint32_t v = 0; v < n; v++) {
        int32_t w0 = g->scene[v];
        if (w0 >= 0) {
            if (!g->mask[v]) {
                count_add(&a->stuck, cntu[v], cnt[v]);
                a->stuck_probability += prob[v];
            }
            continue;
        }
        EndingReport *er = &a->endings[-1 - w0];
        er->probability += prob[v];
        count_add(&er->playthroughs, cntu[v], cnt[v]);
        count_add(&a->playthroughs, cntu[v], cnt[v]);
        if (longest[v] > a->longest) a->longest = longest[v];
        weight += cnt[v];
        if (!msum || !eseen) continue;
        int32_t *mn = er->meter_min, *mx = er->meter_max;
        if (!eseen[-1 - w0]) {
            eseen[-1 - w0] = true;
            for (uint16_t m = 0; m < nm; m++) {
                mn[m] = INT32_MAX;
                mx[m] = INT32_MIN;
            }
        }
        const uint64_t *key = key_at(g, v);
        for (uint16_t k = 0; k < nk; k++) {
            const KeyPart *p = &part[k];
            int32_t x = (int32_t)((uint32_t)(key[p->word] >> p->shift & ((1ull << p->bits) - 1u)) + p->lo);
            uint16_t m = km[k];
            msum[m] += (double)x * cnt[v];
            if (x < mn[m]) mn[m] = x;
            if (x > mx[m]) mx[m] = x;
        }
        for (uint16_t j = 0; j < F; j++) { /* followed apart */
            size_t i = (size_t)v * F + j;
            uint16_t m = g->free_index[j];
            msum[m] += g->fsum[i];
            if (g->flo[i] < mn[m]) mn[m] = g->flo[i];
            if (g->fhi[i] > mx[m]) mx[m] = g->fhi[i];
        }
    }
    bool first = true;
    for (uint16_t i = 0; i < sc->n_endings && eseen; i++) {
        if (!eseen[i]) continue;
        for (uint16_t m = 0; m < nm; m++) {
            if (first || a->endings[i].meter_min[m] < a->meters[m].min) a->meters[m].min = a->endings[i].meter_min[m];
            if (first || a->endings[i].meter_max[m] > a->meters[m].max) a->meters[m].max = a->endings[i].meter_max[m];
        }
        first = false;
    }
    if (sat_total) a->playthroughs.saturated = true;
    for (uint16_t m = 0; m < sc->n_meters && msum && weight > 0; m++) a->meters[m].mean = msum[m] / weight;
    free(msum);
    free(eseen);
    scratch_put(sx, cntu);
    scratch_put(sx, longest);
    scratch_put(sx, prob);
    cntu = NULL;
    longest = NULL;
    prob = NULL;
    tmax = scratch_get(sx, sizeof *tmax * n);
    tmin = scratch_get(sx, sizeof *tmin * n);
    pmax = scratch_get(sx, sizeof *pmax * n);
    pmin = scratch_get(sx, sizeof *pmin * n);
    if (!tmax || !tmin || !pmax || !pmin) goto done;
    extreme_rest(g, order, tmax, pmax, tmin, pmin);
    if (extreme_play(ar, g, 1, tmax, pmax, &a->best_play, &a->best_total))
        extreme_play(ar, g, -1, tmin, pmin, &a->worst_play, &a->worst_total);
    scratch_put(sx, tmax);
    scratch_put(sx, tmin);
    scratch_put(sx, pmax);
    scratch_put(sx, pmin);
    tmax = tmin = NULL;
    pmax = pmin = NULL;

    PathSums ps = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    ScoreWalk wk = {NULL, 0, NULL, NULL, 0};
    bool walk = sc->n_competencies && score_walk_init(g, order, &wk);
    /* Every sum at the endings is of integers below 2^53 (so exact, in any
     * order) when the playthroughs times the largest evidence, best or
     * score of a play stay below it. */
    int32_t emax = 0;
    for (uint32_t c = 0; c < (uint32_t)g->nc * choice_base(sc, sc->n_scenes); c++) {
        int32_t x = g->evid[c] < 0 ? -g->evid[c] : g->evid[c];
        if (x > emax) emax = x;
    }
    double span = (double)a->longest * emax, bound = span > 100.0 ? span : 100.0;
    EndGrid grid = {0, 0, 0, NULL};
    bool direct = !plain && !a->playthroughs.saturated && a->playthroughs.approx * bound < 9007199254740992.0 &&
                  span <= GRID_SPAN_MAX;
    if (direct) {
        grid.span = (int32_t)span;
        grid.width = (size_t)grid.span + 1;
        grid.cells = grid.width * (2 * (size_t)grid.span + 1);
        grid.count = scratch_zget(sx, sizeof *grid.count * grid.cells);
        direct = grid.count != NULL;
    }
    for (uint16_t ci = 0; ci < sc->n_competencies; ci++) {
        if (walk && score_distribution(g, &wk, ci, score_budget, direct ? &grid : NULL, &a->competencies[ci])) continue;
        /* too many combinations: the ranges of the evidence only */
        if (!ps.emin) {
            ps = (PathSums){scratch_get(sx, sizeof(int32_t) * n), scratch_get(sx, sizeof(int32_t) * n),
                            scratch_get(sx, sizeof(int32_t) * n), scratch_get(sx, sizeof(int32_t) * n),
                            scratch_get(sx, sizeof(double) * n), scratch_get(sx, sizeof(double) * n),
                            scratch_get(sx, sizeof(uint64_t) * n), scratch_get(sx, sizeof(double) * n)};
            if (!ps.emin || !ps.emax || !ps.bmin || !ps.bmax || !ps.esum || !ps.bsum || !ps.c0 || !ps.c0d) break;
        }
        competency_sums(g, order, cnt, ci, &ps, &a->competencies[ci]);
    }
done:
    /* the scratch blocks go back with the analysis' (scratch_release) */
    return true;
}

/* ---- fallback: seeded random playthroughs ------------------------------------ */

static Path path_from_session(Arena *ar, const Session *s) {
    Path p = {NULL, session_step_count(s)};
    if (!p.n) return p;
    p.steps = arena_alloc(ar, sizeof *p.steps * p.n);
    if (!p.steps) {
        p.n = 0;
        return p;
    }
    for (uint32_t i = 0; i < p.n; i++) {
        const StepResult *st = session_step(s, i);
        p.steps[i] = (PathStep){st->scene, st->choice, st->outcome};
    }
    return p;
}

static void measure_sampled(Analysis *a, Session *s, const AnalysisOptions *opt) {
    const Scenario *sc = a->sc;
    uint32_t *base = malloc(sizeof *base * (sc->n_scenes + 1u));
    bool *dead_seen = calloc(sc->n_scenes, sizeof *dead_seen);
    Path *dead_path = calloc(sc->n_scenes, sizeof *dead_path);
    CompetencyScore scores[LIMIT_COMPETENCIES];
    double *msum = calloc(sc->n_meters ? sc->n_meters : 1, sizeof *msum);
    double *ssum = calloc(sc->n_competencies ? sc->n_competencies : 1, sizeof *ssum);
    double *esum = calloc(sc->n_competencies ? sc->n_competencies : 1, sizeof *esum);
    double *bsum = calloc(sc->n_competencies ? sc->n_competencies : 1, sizeof *bsum);
    uint64_t *scount = calloc(sc->n_competencies ? sc->n_competencies : 1, sizeof *scount);
    if (!base || !dead_seen || !dead_path || !msum || !ssum || !esum || !bsum || !scount) goto out;
    base[0] = 0;
    for (uint32_t i = 0; i < sc->n_scenes; i++) base[i + 1] = base[i] + sc->scenes[i].n_choices;

    Rng picker;
    uint64_t mix = opt->seed;
    rng_seed(&picker, rng_splitmix64(&mix));
    uint64_t ended = 0;
    bool first = true;
    for (uint64_t r = 0; r < a->runs; r++) {
        session_reset(s, rng_splitmix64(&mix));
        uint32_t steps = 0;
        const StepResult *st;
        while (steps < ANALYSIS_SAMPLED_MAX_STEPS && (st = session_choose_random(s, &picker)) != NULL) {
            a->scenes[st->scene].visits++;
            a->choices[base[st->scene] + st->choice].taken++;
            for (uint16_t f = 0; f < st->n_fired; f++) a->events[st->fired[f].event].fires++;
            steps++;
        }
        a->decisions += steps;
        if (!session_is_over(s)) {
            if (steps >= ANALYSIS_SAMPLED_MAX_STEPS) {
                a->unfinished++;
                continue;
            }
            uint32_t sci = session_scene_index(s);
            a->scenes[sci].visits++;
            count_add(&a->stuck, 1, 1);
            if (!dead_seen[sci]) {
                dead_seen[sci] = true;
                dead_path[sci] = path_from_session(&a->arena, s);
                a->n_dead_ends++;
            }
            continue;
        }
        EndingReport *er = &a->endings[session_ending_index(s)];
        if (!er->hits) er->path = path_from_session(&a->arena, s);
        er->hits++;
        ended++;
        if (!a->shortest || steps < a->shortest) a->shortest = steps;
        if (steps > a->longest) a->longest = steps;
        for (uint16_t m = 0; m < sc->n_meters; m++) {
            int32_t x = session_meter(s, m);
            if (first || x < a->meters[m].min) a->meters[m].min = x;
            if (first || x > a->meters[m].max) a->meters[m].max = x;
            if (er->hits == 1 || x < er->meter_min[m]) er->meter_min[m] = x;
            if (er->hits == 1 || x > er->meter_max[m]) er->meter_max[m] = x;
            msum[m] += x;
        }
        session_scores(s, scores);
        for (uint16_t c = 0; c < sc->n_competencies; c++) {
            CompetencyReport *cr = &a->competencies[c];
            const CompetencyScore *cs = &scores[c];
            if (first || cs->earned < cr->earned.min) cr->earned.min = cs->earned;
            if (first || cs->earned > cr->earned.max) cr->earned.max = cs->earned;
            if (first || cs->best < cr->best.min) cr->best.min = cs->best;
            if (first || cs->best > cr->best.max) cr->best.max = cs->best;
            esum[c] += cs->earned;
            bsum[c] += cs->best;
            if (cs->score < 0) {
                count_add(&cr->not_assessed, 1, 1);
                continue;
            }
            cr->assessed = true;
            if (!scount[c] || cs->score < cr->score.min) cr->score.min = cs->score;
            if (!scount[c] || cs->score > cr->score.max) cr->score.max = cs->score;
            ssum[c] += cs->score;
            scount[c]++;
        }
        first = false;
    }
    count_add(&a->playthroughs, ended, (double)ended);
    for (uint32_t i = 0; i < sc->n_scenes; i++) a->scenes[i].reached = a->scenes[i].visits > 0;
    a->scenes[sc->start].reached = true;
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        a->endings[i].reached = a->endings[i].hits > 0;
        a->endings[i].probability = a->runs ? (double)a->endings[i].hits / (double)a->runs : 0;
    }
    for (uint16_t i = 0; i < sc->n_events; i++) a->events[i].fired = a->events[i].fires > 0;
    for (uint32_t i = 0; i < a->n_choices; i++) a->choices[i].available = a->choices[i].taken > 0;
    a->stuck_probability = a->runs ? a->stuck.approx / (double)a->runs : 0;
    for (uint16_t m = 0; m < sc->n_meters && ended; m++) a->meters[m].mean = msum[m] / (double)ended;
    for (uint16_t c = 0; c < sc->n_competencies; c++) {
        CompetencyReport *cr = &a->competencies[c];
        cr->score_known = scount[c] > 0;
        if (scount[c]) cr->score.mean = ssum[c] / (double)scount[c];
        if (ended) {
            cr->earned.mean = esum[c] / (double)ended;
            cr->best.mean = bsum[c] / (double)ended;
        }
        cr->skippable = cr->not_assessed.value > 0;
    }
    a->dead_ends = arena_alloc(&a->arena, sizeof *a->dead_ends * (a->n_dead_ends + 1));
    a->n_dead_ends = 0;
    for (uint32_t i = 0; i < sc->n_scenes && a->dead_ends; i++)
        if (dead_seen[i]) a->dead_ends[a->n_dead_ends++] = (DeadEnd){i, dead_path[i]};
out:
    free(base);
    free(dead_seen);
    free(dead_path);
    free(msum);
    free(ssum);
    free(esum);
    free(bsum);
    free(scount);
}

/* ---- teaching quality (from the file) ---------------------------------------- */

typedef struct Quality {
    Analysis *a;
    bool check_en;
    uint32_t cap;
} Quality;

static void issue(Quality *q, QualityKind kind, Lang lang, const char *where) {
    Analysis *a = q->a;
    if (!where) return;
    if (a->n_issues == q->cap) {
        uint32_t cap = q->cap ? q->cap * 2 : 32;
        QualityIssue *n = arena_alloc(&a->arena, sizeof *n * cap);
        if (!n) return;
        if (a->n_issues) memcpy(n, a->issues, sizeof *n * a->n_issues);
        a->issues = n;
        q->cap = cap;
    }
    a->issues[a->n_issues++] = (QualityIssue){kind, where, lang};
}

/* A text that exists in one language and not the other. */
static void text(Quality *q, const LocStr *l, const char *where) {
    if (loc_is_empty(l)) return;
    if (!l->s[LANG_FR]) issue(q, QUALITY_MISSING_TRANSLATION, LANG_FR, where);
    if (q->check_en && !l->s[LANG_EN]) issue(q, QUALITY_MISSING_TRANSLATION, LANG_EN, where);
}

static bool changes_state(const Effects *e) {
    return e->n_meters || e->n_flags || e->n_counters || e->n_schedule;
}

static void feedback_texts(Quality *q, const Feedback *f, const char *where) {
    Arena *ar = &q->a->arena;
    text(q, &f->text, fmt(ar, "%s.feedback.text", where));
    text(q, &f->principle, fmt(ar, "%s.feedback.principle", where));
    text(q, &f->reference, fmt(ar, "%s.feedback.reference", where));
}

static void check_quality(Analysis *a) {
    const Scenario *sc = a->sc;
    Arena *ar = &a->arena;
    Quality q = {a, false, 0};
    for (uint16_t i = 0; i < sc->n_languages; i++)
        if (strcmp(sc->languages[i], "en") == 0) q.check_en = true;
    if (!q.check_en) issue(&q, QUALITY_MISSING_TRANSLATION, LANG_EN, "languages");
    text(&q, &sc->title, "title");
    text(&q, &sc->summary, "summary");
    text(&q, &sc->sector, "sector");
    text(&q, &sc->role, "role");
    text(&q, &sc->context, "context");
    text(&q, &sc->tool.name, "tool.name");
    text(&q, &sc->tool.description, "tool.description");
    text(&q, &sc->tool.risk_note, "tool.risk_note");
    for (uint16_t m = 0; m < sc->n_meters; m++) {
        text(&q, &sc->meters[m].label, fmt(ar, "meters[%s].label", sc->meters[m].id));
        text(&q, &sc->meters[m].description, fmt(ar, "meters[%s].description", sc->meters[m].id));
    }
    for (uint16_t i = 0; i < sc->n_characters; i++) {
        const Character *ch = &sc->characters[i];
        text(&q, &ch->role, fmt(ar, "characters[%s].role", ch->id));
        text(&q, &ch->portrait_alt, fmt(ar, "characters[%s].portrait_alt", ch->id));
        if (ch->portrait && loc_is_empty(&ch->portrait_alt))
            issue(&q, QUALITY_MISSING_ALT, LANG_FR, fmt(ar, "characters[%s].portrait_alt", ch->id));
    }
    for (uint32_t s = 0; s < sc->n_scenes; s++) {
        const Scene *scene = &sc->scenes[s];
        text(&q, &scene->title, fmt(ar, "scenes[%s].title", scene->id));
        text(&q, &scene->text, fmt(ar, "scenes[%s].text", scene->id));
        text(&q, &scene->debrief, fmt(ar, "scenes[%s].debrief", scene->id));
        text(&q, &scene->image_alt, fmt(ar, "scenes[%s].image_alt", scene->id));
        if (scene->image && loc_is_empty(&scene->image_alt))
            issue(&q, QUALITY_MISSING_ALT, LANG_FR, fmt(ar, "scenes[%s].image_alt", scene->id));
        bool differ = false;
        for (uint16_t c = 0; c < sc->n_competencies && !differ; c++)
            for (uint16_t i = 1; i < scene->n_choices; i++)
                if (evidence_of(&scene->choices[i], c) != evidence_of(&scene->choices[0], c)) differ = true;
        if (differ && loc_is_empty(&scene->debrief))
            issue(&q, QUALITY_NO_DEBRIEF, LANG_FR, fmt(ar, "scenes[%s].debrief", scene->id));
        for (uint16_t i = 0; i < scene->n_choices; i++) {
            const Choice *c = &scene->choices[i];
            const char *w = fmt(ar, "scenes[%s].choices[%s]", scene->id, c->id);
            if (!w) continue;
            text(&q, &c->text, fmt(ar, "%s.text", w));
            text(&q, &c->reason, fmt(ar, "%s.reason", w));
            feedback_texts(&q, &c->feedback, w);
            bool evidence = false;
            for (uint16_t k = 0; k < c->effects.n_evidence; k++)
                if (c->effects.evidence[k].value != 0) evidence = true;
            if (evidence && loc_is_empty(&c->feedback.principle))
                issue(&q, QUALITY_NO_PRINCIPLE, LANG_FR, fmt(ar, "%s.feedback.principle", w));
            for (uint16_t o = 0; o < c->n_outcomes; o++) {
                const Outcome *out = &c->outcomes[o];
                const char *wo = fmt(ar, "%s.chance[%s]", w, out->id);
                if (!wo) continue;
                feedback_texts(&q, &out->feedback, wo);
                if (changes_state(&out->effects) && loc_is_empty(&out->feedback.text))
                    issue(&q, QUALITY_OUTCOME_SILENT, LANG_FR, fmt(ar, "%s.feedback.text", wo));
            }
        }
    }
    for (uint16_t i = 0; i < sc->n_events; i++) {
        const Event *ev = &sc->events[i];
        text(&q, &ev->title, fmt(ar, "events[%s].title", ev->id));
        text(&q, &ev->text, fmt(ar, "events[%s].text", ev->id));
        text(&q, &ev->image_alt, fmt(ar, "events[%s].image_alt", ev->id));
        feedback_texts(&q, &ev->feedback, fmt(ar, "events[%s]", ev->id));
        if (ev->image && loc_is_empty(&ev->image_alt))
            issue(&q, QUALITY_MISSING_ALT, LANG_FR, fmt(ar, "events[%s].image_alt", ev->id));
    }
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const Ending *en = &sc->endings[i];
        text(&q, &en->title, fmt(ar, "endings[%s].title", en->id));
        text(&q, &en->text, fmt(ar, "endings[%s].text", en->id));
        text(&q, &en->image_alt, fmt(ar, "endings[%s].image_alt", en->id));
        if (en->image && loc_is_empty(&en->image_alt))
            issue(&q, QUALITY_MISSING_ALT, LANG_FR, fmt(ar, "endings[%s].image_alt", en->id));
    }
}

/* ---- public ------------------------------------------------------------------- */

static Analysis *run(const Scenario *sc, const Framework *fw, const AnalysisOptions *opt, bool plain) {
    if (!sc) return NULL;
    AnalysisOptions o = opt ? *opt : (AnalysisOptions){0, 0, 0, 0};
    if (!o.max_states) o.max_states = ANALYSIS_DEFAULT_MAX_STATES;
    if (o.max_states > UINT32_MAX / 4) o.max_states = UINT32_MAX / 4;
    if (!o.runs) o.runs = ANALYSIS_DEFAULT_RUNS;

    Analysis *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    arena_init(&a->arena);
    a->sc = sc;
    a->max_states = o.max_states;
    a->n_choices = choice_base(sc, sc->n_scenes);
    Arena *ar = &a->arena;
    a->scenes = arena_alloc(ar, sizeof *a->scenes * (sc->n_scenes + 1u));
    a->endings = arena_alloc(ar, sizeof *a->endings * (sc->n_endings + 1u));
    a->events = arena_alloc(ar, sizeof *a->events * (sc->n_events + 1u));
    a->choices = arena_alloc(ar, sizeof *a->choices * (a->n_choices + 1u));
    a->meters = arena_alloc(ar, sizeof *a->meters * (sc->n_meters + 1u));
    a->competencies = arena_alloc(ar, sizeof *a->competencies * (sc->n_competencies + 1u));
    Session *s = session_create(sc, fw, o.seed, LANG_FR);
    Scratch scr = {NULL, 0, 0};
    AnalysisGraph *g = calloc(1, sizeof *g);
    uint32_t *event_edge = malloc(sizeof *event_edge * (sc->n_events + 1u));
    if (!a->scenes || !a->endings || !a->events || !a->choices || !a->meters || !a->competencies || !s || !g ||
        !event_edge)
        goto oom;
    g->scr = &scr;
    for (uint16_t i = 0; i < sc->n_endings; i++) {
        a->endings[i].meter_min = arena_alloc(ar, sizeof(int32_t) * (sc->n_meters + 1u));
        a->endings[i].meter_max = arena_alloc(ar, sizeof(int32_t) * (sc->n_meters + 1u));
        if (!a->endings[i].meter_min || !a->endings[i].meter_max) goto oom;
    }
    for (uint32_t s2 = 0, k = 0; s2 < sc->n_scenes; s2++)
        for (uint16_t i = 0; i < sc->scenes[s2].n_choices; i++, k++) {
            a->choices[k].scene = s2;
            a->choices[k].choice = i;
        }
    for (uint16_t c = 0; c < sc->n_competencies; c++) {
        CompetencyReport *cr = &a->competencies[c];
        cr->competency = c;
        cr->targeted = c < sc->n_targeted;
        for (uint32_t s2 = 0; s2 < sc->n_scenes && !cr->evidenced; s2++)
            for (uint16_t i = 0; i < sc->scenes[s2].n_choices; i++)
                if (evidence_of(&sc->scenes[s2].choices[i], c) > 0) cr->evidenced = true;
    }
    uint32_t kept = 0; /* free meters put back into the states (track_free_meters) */
    bool wide = plain;
    Explored ex;
    for (;;) {
        for (uint16_t i = 0; i < sc->n_events; i++) event_edge[i] = NO_EDGE;
        session_state_layout(sc, &g->lay);
        g->w = g->lay.words;
        g->age_cap = malloc(sizeof *g->age_cap * (sc->n_events + 1u));
        if (!g->age_cap) goto oom;
        for (uint16_t i = 0; i < sc->n_events; i++) g->age_cap[i] = max_after(sc, sc->events[i].when);
        if (!compute_keep(sc, g, kept)) goto oom;
        key_layout(sc, g, wide);
        session_reset(s, o.seed);
        ex = explore(a, g, s, o.max_states, event_edge);
        if (ex == EXPLORED_OOM) goto oom;
        Tracked t = TRACKED_OK;
        if (ex == EXPLORED_WIDE) {
            wide = true;
            t = TRACKED_AGAIN;
        } else if (ex == EXPLORED_ALL && g->nfree) {
            t = track_free_meters(sc, g, &kept);
        }
        if (t == TRACKED_OOM) goto oom;
        if (t == TRACKED_OK) break;
        graph_return(g);
        graph_free(g);
        g = calloc(1, sizeof *g);
        if (!g) goto oom;
        g->scr = &scr;
    }
    if (ex == EXPLORED_ALL) {
        a->mode = ANALYSIS_EXACT;
        for (uint16_t i = 0; i < sc->n_events; i++)
            if (event_edge[i] != NO_EDGE) {
                a->events[i].fired = true;
                a->events[i].path = path_to_edge(ar, g, g->pedge, event_edge[i]);
            }
        uint64_t budget = o.score_budget ? o.score_budget : SCORE_BUDGET_BASE + (uint64_t)SCORE_BUDGET_PER_EDGE * g->ne;
        if (!measure_exact(a, g, budget, plain)) goto oom;
        graph_return(g);
        g->scr = NULL;
        a->graph = g;
        g = NULL;
    } else {
        a->mode = ANALYSIS_SAMPLED;
        a->runs = o.runs;
        a->seed = o.seed;
        graph_free(g);
        g = NULL;
        measure_sampled(a, s, &o);
    }
    scratch_release(&scr);
    check_quality(a);
    free(event_edge);
    session_destroy(s);
    return a;
oom:
    free(event_edge);
    graph_free(g);
    scratch_release(&scr);
    session_destroy(s);
    analysis_free(a);
    return NULL;
}

Analysis *analysis_run(const Scenario *sc, const Framework *fw, const AnalysisOptions *opt) {
    return run(sc, fw, opt, false);
}

Analysis *analysis_run_plain(const Scenario *sc, const Framework *fw, const AnalysisOptions *opt) {
    return run(sc, fw, opt, true);
}

void analysis_free(Analysis *a) {
    if (!a) return;
    graph_free(a->graph);
    arena_release(&a->arena);
    free(a);
}

const ChoiceReport *analysis_choice(const Analysis *a, uint32_t scene, uint16_t choice) {
    if (scene >= a->sc->n_scenes || choice >= a->sc->scenes[scene].n_choices) return NULL;
    return &a->choices[choice_base(a->sc, scene) + choice];
}

int64_t analysis_find_state(const Analysis *a, const int32_t *words) {
    const AnalysisGraph *g = a->graph;
    if (!g) return -1;
    uint64_t *key = malloc(sizeof *key * g->kw);
    Session *s = session_create(a->sc, NULL, 0, LANG_FR);
    int64_t id = -1;
    uint32_t slot;
    if (key && s) {
        session_state_load(s, words);
        /* a value that does not fit the key is no state's: every state's did */
        if (session_state_key(s, &g->spec, key)) id = table_find(g, key, hash_key(key, g->kw), &slot);
    }
    session_destroy(s);
    free(key);
    return id;
}

bool analysis_full_coverage(const Analysis *a) {
    const Scenario *sc = a->sc;
    for (uint32_t i = 0; i < sc->n_scenes; i++)
        if (!a->scenes[i].reached) return false;
    for (uint16_t i = 0; i < sc->n_endings; i++)
        if (!a->endings[i].reached) return false;
    for (uint16_t i = 0; i < sc->n_events; i++)
        if (!a->events[i].fired) return false;
    for (uint32_t i = 0; i < a->n_choices; i++)
        if (!a->choices[i].available) return false;
    return true;
}

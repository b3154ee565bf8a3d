/* engine.c — the play session: state, decisions, delayed events, history,
 * undo and competency scoring; see engine.h and docs/engine.md.
 *
 * The hot path (session_choose) allocates nothing once the history buffers
 * have grown to the longest path played: session_reset() keeps them, so a
 * batch of a million playthroughs runs in flat memory. */
#include "core/engine.h"

#include <stdlib.h>
#include <string.h>

#include "core/rng.h"

enum { EVENT_IDLE = 0, EVENT_PENDING = 1, EVENT_FIRED = 2 };
_Static_assert(LIMIT_FLAGS % 8 == 0 && LIMIT_EVENTS % 4 == 0, "state packing reads whole groups");
_Static_assert(LIMIT_METERS % 8 == 0 && LIMIT_COUNTERS % 8 == 0 && LIMIT_FLAGS % 32 == 0 && LIMIT_EVENTS % 32 == 0,
               "session_state_copy copies whole blocks");
enum { HISTORY_INITIAL = 64, POOL_INITIAL = 16 };

typedef struct Pending {
    uint16_t event;
    uint32_t since; /* index of the decision that scheduled it */
} Pending;

struct Session {
    const Scenario *sc;
    const Framework *fw;
    uint64_t seed;
    Lang lang;

    /* the play's state */
    Rng rng;
    uint32_t scene;
    int32_t ending; /* -1 while playing */
    int32_t meters[LIMIT_METERS];
    int32_t counters[LIMIT_COUNTERS];
    uint8_t flags[LIMIT_FLAGS];
    uint8_t event_state[LIMIT_EVENTS];
    Pending pending[LIMIT_EVENTS];
    uint16_t n_pending;
    int32_t earned[LIMIT_COMPETENCIES];
    int32_t best[LIMIT_COMPETENCIES];

    /* scratch for the per-decision best evidence */
    uint32_t stamp[LIMIT_COMPETENCIES];
    int8_t best_now[LIMIT_COMPETENCIES];
    uint32_t gen;

    int32_t fw_index[LIMIT_COMPETENCIES];

    /* history; steps[i].fired points into pool at fired_at[i] */
    StepResult *steps;
    uint32_t *fired_at;
    uint32_t n_steps, cap_steps;
    FiredEvent *pool;
    uint32_t n_pool, cap_pool;
};

/* ---- conditions ----------------------------------------------------------- */

/* What an event's `when` may refer to; NULL outside events. */
typedef struct EventCtx {
    uint32_t decisions_since; /* decisions since scheduled, the scheduling one included */
    Target next;              /* the place about to be shown */
} EventCtx;

static inline bool compare(int32_t a, CmpOp op, int32_t b) {
    switch (op) {
    case CMP_LT: return a < b;
    case CMP_LE: return a <= b;
    case CMP_GT: return a > b;
    case CMP_GE: return a >= b;
    case CMP_EQ: return a == b;
    case CMP_NE: return a != b;
    }
    return false;
}

static bool eval(const Session *s, int32_t ci, const EventCtx *ev);

/* A kid of all/any: meters, counters and flags (the usual kids) without a
 * call. */
static inline bool eval_kid(const Session *s, uint32_t ki, const EventCtx *ev) {
    const Cond *c = &s->sc->conds[ki];
    switch (c->kind) {
    case COND_METER: return compare(s->meters[c->index], c->op, c->value);
    case COND_COUNTER: return compare(s->counters[c->index], c->op, c->value);
    case COND_FLAG: return (s->flags[c->index] != 0) == (c->value != 0);
    default: return eval(s, (int32_t)ki, ev);
    }
}

static bool eval(const Session *s, int32_t ci, const EventCtx *ev) {
    if (ci < 0) return true;
    const Scenario *sc = s->sc;
    const Cond *c = &sc->conds[ci];
    switch (c->kind) {
    case COND_ALL:
        for (uint32_t k = 0; k < c->kid_count; k++)
            if (!eval_kid(s, sc->cond_kids[c->first_kid + k], ev)) return false;
        return true;
    case COND_ANY:
        for (uint32_t k = 0; k < c->kid_count; k++)
            if (eval_kid(s, sc->cond_kids[c->first_kid + k], ev)) return true;
        return false;
    case COND_NOT:
        return c->kid_count > 0 && !eval(s, (int32_t)sc->cond_kids[c->first_kid], ev);
    case COND_METER:
        return compare(s->meters[c->index], c->op, c->value);
    case COND_COUNTER:
        return compare(s->counters[c->index], c->op, c->value);
    case COND_FLAG:
        return (s->flags[c->index] != 0) == (c->value != 0);
    case COND_AFTER:
        return ev && ev->decisions_since >= (uint32_t)(c->value < 0 ? 0 : c->value);
    case COND_SCENE:
        if (ev) return ev->next.kind == TARGET_SCENE && ev->next.index == (uint32_t)c->index;
        return s->ending < 0 && s->scene == (uint32_t)c->index;
    }
    return false;
}

bool session_eval(const Session *s, int32_t cond) {
    return eval(s, cond, NULL);
}

/* ---- life cycle ------------------------------------------------------------- */

static void reset_state(Session *s, uint64_t seed) {
    const Scenario *sc = s->sc;
    s->seed = seed;
    rng_seed(&s->rng, seed);
    s->scene = sc->start;
    s->ending = -1;
    for (uint16_t i = 0; i < sc->n_meters; i++) s->meters[i] = sc->meters[i].initial;
    for (uint16_t i = 0; i < sc->n_counters; i++) s->counters[i] = sc->counters[i].initial;
    for (uint16_t i = 0; i < sc->n_flags; i++) s->flags[i] = sc->flags[i].initial;
    memset(s->event_state, 0, sc->n_events);
    s->n_pending = 0;
    memset(s->earned, 0, sizeof s->earned);
    memset(s->best, 0, sizeof s->best);
    s->n_steps = 0;
    s->n_pool = 0;
}

Session *session_create(const Scenario *sc, const Framework *fw, uint64_t seed, Lang lang) {
    if (!sc) return NULL;
    Session *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->sc = sc;
    s->fw = fw;
    s->lang = lang;
    s->cap_steps = HISTORY_INITIAL;
    if (sc->n_scenes + 1 > s->cap_steps) s->cap_steps = sc->n_scenes + 1 < 4096 ? sc->n_scenes + 1 : 4096;
    s->steps = malloc(sizeof *s->steps * s->cap_steps);
    s->fired_at = malloc(sizeof *s->fired_at * s->cap_steps);
    s->cap_pool = POOL_INITIAL;
    s->pool = malloc(sizeof *s->pool * s->cap_pool);
    if (!s->steps || !s->fired_at || !s->pool) {
        session_destroy(s);
        return NULL;
    }
    for (uint16_t i = 0; i < sc->n_competencies && i < LIMIT_COMPETENCIES; i++)
        s->fw_index[i] = fw ? framework_find(fw, sc->competencies[i]) : -1;
    reset_state(s, seed);
    return s;
}

void session_destroy(Session *s) {
    if (!s) return;
    free(s->steps);
    free(s->fired_at);
    free(s->pool);
    free(s);
}

void session_reset(Session *s, uint64_t seed) {
    reset_state(s, seed);
}

const Scenario *session_scenario(const Session *s) { return s->sc; }
uint64_t session_seed(const Session *s) { return s->seed; }
Lang session_lang(const Session *s) { return s->lang; }
void session_set_lang(Session *s, Lang lang) { s->lang = lang; }

/* ---- where the player is --------------------------------------------------- */

bool session_is_over(const Session *s) { return s->ending >= 0; }

const Scene *session_scene(const Session *s) {
    return s->ending >= 0 ? NULL : &s->sc->scenes[s->scene];
}

uint32_t session_scene_index(const Session *s) { return s->scene; }

const Ending *session_ending(const Session *s) {
    return s->ending >= 0 ? &s->sc->endings[s->ending] : NULL;
}

int32_t session_ending_index(const Session *s) { return s->ending; }

uint16_t session_choices(const Session *s, ChoiceView *out) {
    if (s->ending >= 0) return 0;
    const Scene *scene = &s->sc->scenes[s->scene];
    uint16_t n = 0;
    for (uint16_t i = 0; i < scene->n_choices; i++) {
        const Choice *c = &scene->choices[i];
        bool ok = eval(s, c->cond, NULL);
        if (!ok && c->hide_unavailable) continue;
        out[n].index = i;
        out[n].available = ok;
        out[n].reason = ok ? NULL : &c->reason;
        n++;
    }
    return n;
}

static uint16_t available_mask(const Session *s, const Scene *scene);

uint16_t session_available(const Session *s) {
    return s->ending >= 0 ? 0 : available_mask(s, &s->sc->scenes[s->scene]);
}

int32_t session_meter(const Session *s, uint16_t meter) {
    return meter < s->sc->n_meters ? s->meters[meter] : 0;
}

bool session_flag(const Session *s, uint16_t flag) {
    return flag < s->sc->n_flags && s->flags[flag];
}

int32_t session_counter(const Session *s, uint16_t counter) {
    return counter < s->sc->n_counters ? s->counters[counter] : 0;
}

uint16_t session_pending_events(const Session *s, uint16_t *out, uint16_t max) {
    uint16_t n = 0;
    for (uint16_t i = 0; i < s->n_pending && n < max; i++) out[n++] = s->pending[i].event;
    return n;
}

/* ---- acting ------------------------------------------------------------------ */

static int32_t clamp_add(int32_t v, int32_t d, int32_t lo, int32_t hi) {
    int64_t r = (int64_t)v + d;
    if (r < lo) r = lo;
    if (r > hi) r = hi;
    return (int32_t)r;
}

/* Applies meters, flags, counters and scheduling; evidence is the caller's.
 * `since` is the index of the decision being made. An event already pending
 * or already fired is not scheduled again (an event happens once a play). */
static void apply_effects(Session *s, const Effects *e, uint32_t since) {
    const Scenario *sc = s->sc;
    for (uint16_t i = 0; i < e->n_meters; i++) {
        const MeterDelta *d = &e->meters[i];
        const Meter *m = &sc->meters[d->meter];
        s->meters[d->meter] = clamp_add(s->meters[d->meter], d->delta, m->min, m->max);
    }
    for (uint16_t i = 0; i < e->n_flags; i++) s->flags[e->flags[i].flag] = e->flags[i].value;
    for (uint16_t i = 0; i < e->n_counters; i++) {
        const CounterDelta *d = &e->counters[i];
        s->counters[d->counter] = clamp_add(s->counters[d->counter], d->delta, INT32_MIN, INT32_MAX);
    }
    for (uint16_t i = 0; i < e->n_schedule; i++) {
        uint16_t ev = e->schedule[i];
        if (s->event_state[ev] != EVENT_IDLE || s->n_pending >= LIMIT_EVENTS) continue;
        s->event_state[ev] = EVENT_PENDING;
        s->pending[s->n_pending].event = ev;
        s->pending[s->n_pending].since = since;
        s->n_pending++;
    }
}

static uint16_t diff_meters(const Scenario *sc, const int32_t *before, const int32_t *after,
                            MeterChange *out) {
    uint16_t n = 0;
    for (uint16_t m = 0; m < sc->n_meters; m++)
        if (before[m] != after[m]) {
            out[n].meter = m;
            out[n].before = before[m];
            out[n].after = after[m];
            n++;
        }
    return n;
}

static Target resolve_routes(const Session *s, const Route *routes, uint16_t n) {
    for (uint16_t i = 0; i < n; i++)
        if (eval(s, routes[i].cond, NULL)) return routes[i].target;
    /* The validator guarantees a last route without condition; should a
     * scenario built by hand lack one, the last route is the default. */
    return routes[n - 1].target;
}

static bool grow_history(Session *s) {
    uint32_t cap = s->cap_steps * 2;
    StepResult *st = realloc(s->steps, sizeof *st * cap);
    if (!st) return false;
    s->steps = st;
    uint32_t *fa = realloc(s->fired_at, sizeof *fa * cap);
    if (!fa) return false;
    s->fired_at = fa;
    s->cap_steps = cap;
    return true;
}

static bool grow_pool(Session *s) {
    uint32_t cap = s->cap_pool * 2;
    FiredEvent *p = realloc(s->pool, sizeof *p * cap);
    if (!p) return false;
    s->pool = p;
    s->cap_pool = cap;
    for (uint32_t i = 0; i < s->n_steps; i++)
        s->steps[i].fired = s->steps[i].n_fired ? &s->pool[s->fired_at[i]] : NULL;
    return true;
}

static uint16_t available_mask(const Session *s, const Scene *scene) {
    uint16_t mask = 0;
    for (uint16_t i = 0; i < scene->n_choices; i++)
        if (eval(s, scene->choices[i].cond, NULL)) mask |= (uint16_t)(1u << i);
    return mask;
}

/* Adds this decision's evidence: the chosen choice's to `earned`, and for
 * each competency the best among the available choices to `best` when it is
 * positive. */
static void score_decision(Session *s, const Scene *scene, uint16_t mask, const Choice *chosen) {
    if (++s->gen == 0) {
        memset(s->stamp, 0, sizeof s->stamp);
        s->gen = 1;
    }
    uint16_t touched[LIMIT_COMPETENCIES];
    uint16_t n_touched = 0;
    for (uint16_t i = 0; i < scene->n_choices; i++) {
        if (!(mask & (1u << i))) continue;
        const Effects *e = &scene->choices[i].effects;
        for (uint16_t k = 0; k < e->n_evidence; k++) {
            uint16_t c = e->evidence[k].competency;
            int8_t v = e->evidence[k].value;
            if (s->stamp[c] != s->gen) {
                s->stamp[c] = s->gen;
                s->best_now[c] = v;
                touched[n_touched++] = c;
            } else if (v > s->best_now[c]) {
                s->best_now[c] = v;
            }
        }
    }
    for (uint16_t i = 0; i < n_touched; i++)
        if (s->best_now[touched[i]] > 0) s->best[touched[i]] += s->best_now[touched[i]];
    const Effects *e = &chosen->effects;
    for (uint16_t k = 0; k < e->n_evidence; k++) s->earned[e->evidence[k].competency] += e->evidence[k].value;
}

/* Fires the pending events whose condition holds, in scheduling order, in
 * one pass (an event made true by a later one waits for the next decision;
 * one scheduled by a firing event is considered in the same pass). */
static bool fire_events(Session *s, StepResult *st, uint32_t step_index, bool lean) {
    st->n_fired = 0;
    uint32_t first = s->n_pool;
    uint16_t i = 0;
    while (i < s->n_pending) {
        Pending p = s->pending[i];
        EventCtx ctx = {step_index + 1 - p.since, st->next};
        const Event *ev = &s->sc->events[p.event];
        if (!eval(s, ev->when, &ctx)) {
            i++;
            continue;
        }
        memmove(&s->pending[i], &s->pending[i + 1], sizeof s->pending[0] * (size_t)(s->n_pending - i - 1));
        s->n_pending--;
        s->event_state[p.event] = EVENT_FIRED;
        if (s->n_pool == s->cap_pool && !grow_pool(s)) return false;
        FiredEvent *fe = &s->pool[s->n_pool++];
        fe->event = p.event;
        if (lean) {
            apply_effects(s, &ev->effects, step_index);
            fe->n_changes = 0;
        } else {
            int32_t before[LIMIT_METERS];
            memcpy(before, s->meters, sizeof before[0] * s->sc->n_meters);
            apply_effects(s, &ev->effects, step_index);
            fe->n_changes = diff_meters(s->sc, before, s->meters, fe->changes);
        }
        st->n_fired++;
    }
    s->fired_at[step_index] = first;
    st->fired = st->n_fired ? &s->pool[first] : NULL;
    return true;
}

/* The decision itself, on a choice known to be in range. `lean` (the exact
 * analysis) leaves out what does not change the state: the evidence and the
 * meter changes of the step record. */
static const StepResult *choose(Session *s, uint16_t index, uint16_t mask, int16_t forced, bool lean) {
    const Scenario *sc = s->sc;
    const Scene *scene = &sc->scenes[s->scene];
    const Choice *c = &scene->choices[index];
    if (s->n_steps == s->cap_steps && !grow_history(s)) return NULL;
    /* Reserve pool room for every event that could fire, so that running out
     * of memory cannot leave a half-applied step. */
    while (s->cap_pool - s->n_pool < (uint32_t)sc->n_events + 1u)
        if (!grow_pool(s)) return NULL;

    uint32_t step_index = s->n_steps;
    StepResult *st = &s->steps[step_index];
    st->scene = s->scene;
    st->choice = index;
    st->available = mask;
    if (!lean) {
        memcpy(st->meters_before, s->meters, sizeof s->meters[0] * sc->n_meters);
        score_decision(s, scene, mask, c);
    }
    apply_effects(s, &c->effects, step_index);

    const Outcome *o = NULL;
    st->outcome = -1;
    st->draw = 0;
    if (c->n_outcomes > 0) {
        uint32_t r = 0, acc = 0;
        uint16_t k = 0;
        if (forced >= 0) {
            for (; k < (uint16_t)forced; k++) r += c->outcomes[k].weight;
        } else {
            r = rng_below(&s->rng, PROBABILITY_ONE);
            for (; k + 1 < c->n_outcomes; k++) {
                acc += c->outcomes[k].weight;
                if (r < acc) break;
            }
        }
        o = &c->outcomes[k];
        st->outcome = (int16_t)k;
        st->draw = r;
        apply_effects(s, &o->effects, step_index);
    }
    st->n_changes = lean ? 0 : diff_meters(sc, st->meters_before, s->meters, st->changes);
    st->next = (o && o->n_routes > 0) ? resolve_routes(s, o->routes, o->n_routes)
                                      : resolve_routes(s, c->routes, c->n_routes);
    s->n_steps++;
    fire_events(s, st, step_index, lean);
    if (!lean) memcpy(st->meters_after, s->meters, sizeof s->meters[0] * sc->n_meters);
    if (st->next.kind == TARGET_ENDING)
        s->ending = (int32_t)st->next.index;
    else
        s->scene = st->next.index;
    return st;
}

const StepResult *session_choose(Session *s, uint16_t index) {
    if (s->ending >= 0) return NULL;
    const Scene *scene = &s->sc->scenes[s->scene];
    if (index >= scene->n_choices) return NULL;
    uint16_t mask = available_mask(s, scene);
    if (!(mask & (1u << index))) return NULL;
    return choose(s, index, mask, -1, false);
}

const StepResult *session_choose_id(Session *s, const char *choice_id) {
    if (s->ending >= 0 || !choice_id) return NULL;
    int32_t i = scenario_find_choice(s->sc, s->scene, choice_id);
    return i >= 0 ? session_choose(s, (uint16_t)i) : NULL;
}

const StepResult *session_choose_random(Session *s, Rng *picker) {
    if (s->ending >= 0) return NULL;
    const Scene *scene = &s->sc->scenes[s->scene];
    uint16_t mask = available_mask(s, scene);
    if (!mask) return NULL;
    uint16_t n = 0, pick[LIMIT_CHOICES];
    for (uint16_t i = 0; i < scene->n_choices; i++)
        if (mask & (1u << i)) pick[n++] = i;
    return choose(s, pick[rng_below(picker, n)], mask, -1, false);
}

bool session_undo(Session *s) {
    if (s->n_steps == 0) return false;
    uint32_t keep = s->n_steps - 1;
    reset_state(s, s->seed);
    /* Replaying overwrites steps[i] with the same decision it reads. */
    for (uint32_t i = 0; i < keep; i++) {
        uint16_t c = s->steps[i].choice;
        if (!choose(s, c, available_mask(s, &s->sc->scenes[s->scene]), -1, false)) return false;
    }
    return true;
}

/* ---- compact state ------------------------------------------------------------ */

/* 8 flags (bytes 0 or 1) to 8 bits and back. On a little-endian machine a
 * multiplication moves the eight bytes at once; elsewhere a loop. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static uint32_t pack8(const uint8_t *f) {
    uint64_t t;
    memcpy(&t, f, sizeof t);
    t |= t >> 4; /* any set bit of a byte down to its bit 0 */
    t |= t >> 2;
    t |= t >> 1;
    return (uint32_t)(((t & 0x0101010101010101u) * 0x0102040810204080u) >> 56);
}

static void unpack8(uint8_t *f, uint32_t bits) {
    uint64_t t = (uint64_t)(bits & 0xffu) * 0x0101010101010101u & 0x8040201008040201u;
    t = ((t + 0x7f7f7f7f7f7f7f7fu) >> 7) & 0x0101010101010101u;
    memcpy(f, &t, sizeof t);
}
#else
static uint32_t pack8(const uint8_t *f) {
    uint32_t bits = 0;
    for (uint32_t b = 0; b < 8; b++) bits |= (uint32_t)(f[b] != 0) << b;
    return bits;
}

static void unpack8(uint8_t *f, uint32_t bits) {
    for (uint32_t b = 0; b < 8; b++) f[b] = (uint8_t)((bits >> b) & 1u);
}
#endif

void session_state_layout(const Scenario *sc, StateLayout *out) {
    out->meters = 1;
    out->counters = out->meters + sc->n_meters;
    out->flags = out->counters + sc->n_counters;
    out->events = out->flags + (sc->n_flags + 31u) / 32u;
    out->pending = out->events + (sc->n_events + 15u) / 16u;
    out->words = out->pending + 2u * sc->n_events;
}

void session_state_save(const Session *s, int32_t *out) {
    const Scenario *sc = s->sc;
    StateLayout l;
    session_state_layout(sc, &l);
    memset(out, 0, sizeof *out * l.words);
    out[0] = s->ending >= 0 ? -1 - s->ending : (int32_t)s->scene;
    memcpy(out + l.meters, s->meters, sizeof *out * sc->n_meters);
    memcpy(out + l.counters, s->counters, sizeof *out * sc->n_counters);
    /* Packed 8 flags (4 event states) at a time with loops of constant
     * length, which the compiler unrolls: the exact analysis saves a state
     * per transition. The arrays' sizes are multiples of 8; what lies past
     * the scenario's count is masked out. */
    uint32_t nf = sc->n_flags, ne = sc->n_events;
    for (uint32_t g = 0; g * 8u < nf; g++) {
        uint32_t bits = pack8(s->flags + g * 8u);
        if (nf - g * 8u < 8u) bits &= (1u << (nf - g * 8u)) - 1u;
        out[l.flags + g / 4u] |= (int32_t)(bits << (8u * (g % 4u)));
    }
    for (uint32_t g = 0; g * 4u < ne; g++) {
        uint32_t bits = 0;
        const uint8_t *st = s->event_state + g * 4u;
        for (uint32_t b = 0; b < 4; b++) bits |= (uint32_t)(st[b] & 3u) << (2u * b);
        if (ne - g * 4u < 4u) bits &= (1u << (2u * (ne - g * 4u))) - 1u;
        out[l.events + g / 4u] |= (int32_t)(bits << (8u * (g % 4u)));
    }
    for (uint16_t i = 0; i < s->n_pending; i++) {
        out[l.pending + 2u * i] = s->pending[i].event + 1;
        out[l.pending + 2u * i + 1] = (int32_t)(s->n_steps - s->pending[i].since);
    }
}

void session_state_load(Session *s, const int32_t *in) {
    const Scenario *sc = s->sc;
    StateLayout l;
    session_state_layout(sc, &l);
    s->ending = in[0] < 0 ? -1 - in[0] : -1;
    s->scene = in[0] < 0 ? sc->start : (uint32_t)in[0];
    memcpy(s->meters, in + l.meters, sizeof *in * sc->n_meters);
    memcpy(s->counters, in + l.counters, sizeof *in * sc->n_counters);
    /* 8 flags (4 event states) at a time, as in session_state_save; past
     * the scenario's count the bits of a saved state are zero, and so are
     * the flags and event states written there */
    uint32_t nf = sc->n_flags, ne = sc->n_events;
    for (uint32_t g = 0; g * 8u < nf; g++) {
        uint32_t bits = ((uint32_t)in[l.flags + g / 4u] >> (8u * (g % 4u))) & 0xffu;
        if (nf - g * 8u < 8u) bits &= (1u << (nf - g * 8u)) - 1u;
        unpack8(s->flags + g * 8u, bits);
    }
    for (uint32_t g = 0; g * 4u < ne; g++) {
        uint32_t bits = ((uint32_t)in[l.events + g / 4u] >> (8u * (g % 4u))) & 0xffu;
        if (ne - g * 4u < 4u) bits &= (1u << (2u * (ne - g * 4u))) - 1u;
        uint8_t *st = s->event_state + g * 4u;
        for (uint32_t b = 0; b < 4; b++) st[b] = (uint8_t)((bits >> (2u * b)) & 3u);
    }
    s->n_steps = 0;
    s->n_pool = 0;
    s->n_pending = 0;
    /* `since` is kept modulo 2^32, so that decisions_since comes out right
     * from a history that starts at 0 here. */
    for (uint16_t i = 0; i < sc->n_events && in[l.pending + 2u * i] > 0; i++) {
        s->pending[i].event = (uint16_t)(in[l.pending + 2u * i] - 1);
        s->pending[i].since = 0u - (uint32_t)in[l.pending + 2u * i + 1];
        s->n_pending++;
    }
    memset(s->earned, 0, sizeof s->earned[0] * sc->n_competencies);
    memset(s->best, 0, sizeof s->best[0] * sc->n_competencies);
}

/* 4 event states (bytes 0 to 2) to 8 bits, 2 each: on a little-endian
 * machine one multiplication gathers them (the stray products land on
 * distinct bit pairs below bit 18 or at bit 26 and above); elsewhere a
 * loop. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static uint32_t pack4(const uint8_t *st) {
    uint32_t t;
    memcpy(&t, st, sizeof t);
    return (uint32_t)(((uint64_t)(t & 0x03030303u) * 0x41041u) >> 18) & 0xffu;
}

static void unpack4(uint8_t *st, uint32_t bits) {
    uint32_t t = (bits & 0x3u) | (bits & 0xcu) << 6 | (bits & 0x30u) << 12 | (bits & 0xc0u) << 18;
    memcpy(st, &t, sizeof t);
}
#else
static uint32_t pack4(const uint8_t *st) {
    uint32_t bits = 0;
    for (uint32_t b = 0; b < 4; b++) bits |= (uint32_t)(st[b] & 3u) << (2u * b);
    return bits;
}

static void unpack4(uint8_t *st, uint32_t bits) {
    for (uint32_t b = 0; b < 4; b++) st[b] = (uint8_t)((bits >> (2u * b)) & 3u);
}
#endif

static void key_put(const KeyPart *p, uint32_t value, uint64_t *restrict key, uint64_t *bad) {
    uint32_t x = value - p->lo;
    *bad |= (uint64_t)x >> p->bits;
    key[p->word] |= (uint64_t)x << p->shift;
}

static uint32_t key_get(const KeyPart *p, const uint64_t *key) {
    uint32_t v = (uint32_t)(key[p->word] >> p->shift & ((1ull << p->bits) - 1u)) + p->lo;
    return p->on ? v : 0u;
}

bool session_state_key(const Session *s, const StateKeySpec *spec, uint64_t *restrict key) {
    const Scenario *sc = s->sc;
    uint32_t nm = sc->n_meters, nc = sc->n_counters, nf = sc->n_flags, ne = sc->n_events, np = s->n_pending;
    uint64_t bad = 0;
    key[0] = 0;
    if (spec->words > 1) {
        key[1] = 0;
        for (uint32_t i = 2; i < spec->words; i++) key[i] = 0;
    }
    key_put(&spec->place, (uint32_t)(s->ending >= 0 ? -1 - s->ending : (int32_t)s->scene), key, &bad);
    for (uint32_t m = 0; m < nm; m++)
        if (spec->meters[m].on) key_put(&spec->meters[m], (uint32_t)s->meters[m], key, &bad);
    for (uint32_t c = 0; c < nc; c++)
        if (spec->counters[c].on) key_put(&spec->counters[c], (uint32_t)s->counters[c], key, &bad);
    for (uint32_t g = 0; g * 8u < nf; g++)
        if (spec->flags[g].on) key_put(&spec->flags[g], pack8(s->flags + g * 8u) & spec->flag_mask[g], key, &bad);
    for (uint32_t g = 0; g * 4u < ne; g++) {
        uint32_t bits = pack4(s->event_state + g * 4u);
        if (ne - g * 4u < 4u) bits &= (1u << (2u * (ne - g * 4u))) - 1u;
        if (spec->events[g].on) key_put(&spec->events[g], bits, key, &bad);
    }
    for (uint32_t i = 0; i < np; i++) {
        uint16_t ev = s->pending[i].event;
        uint32_t age = s->n_steps - s->pending[i].since;
        if (spec->age_cap[ev] >= 0 && age > (uint32_t)spec->age_cap[ev]) age = (uint32_t)spec->age_cap[ev];
        key_put(&spec->slot_event[i], ev + 1u, key, &bad);
        key_put(&spec->slot_age[i], age, key, &bad);
    }
    return bad == 0;
}

void session_state_unkey(Session *s, const StateKeySpec *spec, const uint64_t *key) {
    const Scenario *sc = s->sc;
    int32_t place = (int32_t)key_get(&spec->place, key);
    s->ending = place < 0 ? -1 - place : -1;
    s->scene = place < 0 ? sc->start : (uint32_t)place;
    for (uint16_t m = 0; m < sc->n_meters; m++) s->meters[m] = (int32_t)key_get(&spec->meters[m], key);
    for (uint16_t c = 0; c < sc->n_counters; c++) s->counters[c] = (int32_t)key_get(&spec->counters[c], key);
    for (uint32_t g = 0; g * 8u < sc->n_flags; g++) unpack8(s->flags + g * 8u, key_get(&spec->flags[g], key));
    for (uint32_t g = 0; g * 4u < sc->n_events; g++) unpack4(s->event_state + g * 4u, key_get(&spec->events[g], key));
    s->n_steps = 0;
    s->n_pool = 0;
    s->n_pending = 0;
    for (uint16_t i = 0; i < sc->n_events; i++) {
        uint32_t ev = key_get(&spec->slot_event[i], key);
        if (!ev) break;
        s->pending[i].event = (uint16_t)(ev - 1u);
        s->pending[i].since = 0u - key_get(&spec->slot_age[i], key); /* modulo 2^32, as in session_state_load */
        s->n_pending++;
    }
}

void session_state_copy(Session *dst, const Session *src) {
    const Scenario *sc = src->sc;
    dst->scene = src->scene;
    dst->ending = src->ending;
    /* the used parts rounded up to whole blocks of 8 meters or counters and
     * 32 flags or event states, which the compiler copies without a call;
     * past a scenario's counts the values are never read */
    uint32_t nm = (sc->n_meters + 7u) & ~7u, nc = (sc->n_counters + 7u) & ~7u;
    uint32_t nf = (sc->n_flags + 31u) & ~31u, ne = (sc->n_events + 31u) & ~31u;
    for (uint32_t i = 0; i < nm; i += 8) memcpy(dst->meters + i, src->meters + i, sizeof src->meters[0] * 8);
    for (uint32_t i = 0; i < nc; i += 8) memcpy(dst->counters + i, src->counters + i, sizeof src->counters[0] * 8);
    for (uint32_t i = 0; i < nf; i += 32) memcpy(dst->flags + i, src->flags + i, 32);
    for (uint32_t i = 0; i < ne; i += 32) memcpy(dst->event_state + i, src->event_state + i, 32);
    /* `since` counts from dst's empty history: src's age of each pending
     * event is kept (modulo 2^32, as in session_state_load) */
    dst->n_pending = src->n_pending;
    for (uint16_t i = 0; i < src->n_pending; i++) {
        dst->pending[i].event = src->pending[i].event;
        dst->pending[i].since = src->pending[i].since - src->n_steps;
    }
    dst->n_steps = 0;
    dst->n_pool = 0;
}

const StepResult *session_choose_outcome(Session *s, uint16_t index, int16_t outcome) {
    if (s->ending >= 0) return NULL;
    const Scene *scene = &s->sc->scenes[s->scene];
    if (index >= scene->n_choices) return NULL;
    const Choice *c = &scene->choices[index];
    if (c->n_outcomes > 0 && (outcome < 0 || outcome >= (int16_t)c->n_outcomes)) return NULL;
    uint16_t mask = available_mask(s, scene);
    if (!(mask & (1u << index))) return NULL;
    return choose(s, index, mask, c->n_outcomes > 0 ? outcome : -1, false);
}

const StepResult *session_advance(Session *s, uint16_t index, int16_t outcome, uint16_t mask) {
    if (s->ending >= 0) return NULL;
    const Scene *scene = &s->sc->scenes[s->scene];
    if (index >= scene->n_choices || !(mask & (1u << index))) return NULL;
    const Choice *c = &scene->choices[index];
    if (c->n_outcomes > 0 && (outcome < 0 || outcome >= (int16_t)c->n_outcomes)) return NULL;
    return choose(s, index, mask, c->n_outcomes > 0 ? outcome : -1, true);
}

/* ---- history ---------------------------------------------------------------- */

uint32_t session_step_count(const Session *s) { return s->n_steps; }

const StepResult *session_step(const Session *s, uint32_t i) {
    return i < s->n_steps ? &s->steps[i] : NULL;
}

/* ---- scoring ---------------------------------------------------------------- */

Mastery mastery_for_score(const Framework *fw, int32_t score) {
    int32_t acquired = fw ? fw->acquired : 80;
    int32_t in_progress = fw ? fw->in_progress : 50;
    if (score < 0) return MASTERY_NOT_ASSESSED;
    if (score >= acquired) return MASTERY_ACQUIRED;
    if (score >= in_progress) return MASTERY_IN_PROGRESS;
    return MASTERY_TO_WORK_ON;
}

uint16_t session_scores(const Session *s, CompetencyScore *out) {
    uint16_t n = s->sc->n_competencies;
    for (uint16_t i = 0; i < n; i++) {
        CompetencyScore *cs = &out[i];
        cs->competency = i;
        cs->framework_index = s->fw_index[i];
        cs->earned = s->earned[i];
        cs->best = s->best[i];
        if (cs->best <= 0) {
            cs->score = -1;
        } else {
            int64_t e = cs->earned < 0 ? 0 : cs->earned;
            int64_t sc = 100 * e / cs->best;
            cs->score = (int32_t)(sc > 100 ? 100 : sc);
        }
        cs->mastery = mastery_for_score(s->fw, cs->score);
    }
    return n;
}

uint8_t session_badges(const Session *s) {
    if (!s->fw) return 0;
    CompetencyScore scores[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, scores);
    bool assessed[3] = {false, false, false}, failed[3] = {false, false, false};
    for (uint16_t i = 0; i < n; i++) {
        if (scores[i].framework_index < 0 || scores[i].mastery == MASTERY_NOT_ASSESSED) continue;
        uint8_t level = s->fw->items[scores[i].framework_index].level;
        if (level < 1 || level > 3) continue;
        assessed[level - 1] = true;
        if (scores[i].mastery != MASTERY_ACQUIRED) failed[level - 1] = true;
    }
    uint8_t bits = 0;
    for (int l = 0; l < 3; l++)
        if (assessed[l] && !failed[l]) bits |= (uint8_t)(1u << l);
    return bits;
}

static int32_t evidence_total(const Choice *c) {
    int32_t t = 0;
    for (uint16_t k = 0; k < c->effects.n_evidence; k++) t += c->effects.evidence[k].value;
    return t;
}

uint32_t session_key_decisions(const Session *s, KeyDecision *out, uint32_t max) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->n_steps && n < max; i++) {
        const StepResult *st = &s->steps[i];
        const Scene *scene = &s->sc->scenes[st->scene];
        int32_t chosen_total = evidence_total(&scene->choices[st->choice]);
        int32_t best_total = chosen_total;
        uint16_t best = st->choice;
        for (uint16_t k = 0; k < scene->n_choices; k++) {
            if (!(st->available & (1u << k))) continue;
            int32_t t = evidence_total(&scene->choices[k]);
            if (t > best_total) {
                best_total = t;
                best = k;
            }
        }
        if (best_total > chosen_total) {
            out[n].step = i;
            out[n].scene = st->scene;
            out[n].chosen = st->choice;
            out[n].best = best;
            out[n].chosen_total = chosen_total;
            out[n].best_total = best_total;
            n++;
        }
    }
    return n;
}

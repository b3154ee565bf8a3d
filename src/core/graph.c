/* graph.c — the scene graph as Graphviz DOT; see graph.h. */
#include "core/graph.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WRAP_COLUMNS = 28 };

/* A growing string; `failed` sticks after the first allocation failure. */
typedef struct Out {
    char *s;
    size_t len, cap;
    bool failed;
} Out;

static void put_n(Out *o, const char *s, size_t n) {
    if (o->failed) return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (o->len + n + 1 > cap) cap *= 2;
        char *p = realloc(o->s, cap);
        if (!p) {
            o->failed = true;
            return;
        }
        o->s = p;
        o->cap = cap;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void put(Out *o, const char *s) { put_n(o, s, strlen(s)); }

static void putf(Out *o, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof buf) {
        put_n(o, buf, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put_n(o, big, (size_t)n);
    free(big);
}

/* Appends `s` escaped for the inside of a DOT quoted string: `"` and `\`
 * are escaped, control characters become spaces, and the text is wrapped at
 * a space when the next word would pass WRAP_COLUMNS characters, with DOT's
 * "\n" (centred line). */
static void put_esc(Out *o, const char *s) {
    size_t col = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c & 0xC0) != 0x80) col++;
        if (c == ' ') {
            size_t word = 0;
            for (const unsigned char *q = p + 1; *q && *q != ' '; q++)
                if ((*q & 0xC0) != 0x80) word++;
            if (col > 1 && col + word > WRAP_COLUMNS) {
                put(o, "\\n");
                col = 0;
                continue;
            }
        }
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put_n(o, e, 2);
        } else if (c < 0x20 || c == 0x7F) {
            put(o, " ");
        } else {
            put_n(o, (const char *)p, 1);
        }
    }
}

/* Same as put_esc for ids (never wrapped). */
static void put_id(Out *o, const char *prefix, const char *id) {
    put(o, "\"");
    put(o, prefix);
    for (const char *p = id; *p; p++) {
        if (*p == '"' || *p == '\\') put(o, "\\");
        put_n(o, p, 1);
    }
    put(o, "\"");
}

static const char *tr(Lang lang, const char *fr, const char *en) { return lang == LANG_EN ? en : fr; }

/* ---- conditions, in words -------------------------------------------------- */

static const char *op_text(CmpOp op) {
    switch (op) {
    case CMP_LT: return "<";
    case CMP_LE: return "\u2264";
    case CMP_GT: return ">";
    case CMP_GE: return "\u2265";
    case CMP_EQ: return "=";
    case CMP_NE: return "\u2260";
    }
    return "?";
}

static void put_cond(Out *o, const Scenario *sc, int32_t c, Lang lang, int depth) {
    if (c < 0 || (uint32_t)c >= sc->n_conds) {
        put(o, tr(lang, "toujours", "always"));
        return;
    }
    const Cond *n = &sc->conds[c];
    switch (n->kind) {
    case COND_ALL:
    case COND_ANY: {
        if (n->kid_count == 0) {
            put(o, n->kind == COND_ALL ? tr(lang, "toujours", "always") : tr(lang, "jamais", "never"));
            return;
        }
        const char *sep = n->kind == COND_ALL ? tr(lang, " et ", " and ") : tr(lang, " ou ", " or ");
        if (depth > 0) put(o, "(");
        for (uint32_t k = 0; k < n->kid_count; k++) {
            if (k) put(o, sep);
            put_cond(o, sc, (int32_t)sc->cond_kids[n->first_kid + k], lang, depth + 1);
        }
        if (depth > 0) put(o, ")");
        return;
    }
    case COND_NOT:
        put(o, tr(lang, "non ", "not "));
        put(o, "(");
        if (n->kid_count) put_cond(o, sc, (int32_t)sc->cond_kids[n->first_kid], lang, depth + 1);
        put(o, ")");
        return;
    case COND_METER:
        putf(o, "%s %s %d", sc->meters[n->index].id, op_text(n->op), (int)n->value);
        return;
    case COND_COUNTER:
        putf(o, "%s %s %d", sc->counters[n->index].id, op_text(n->op), (int)n->value);
        return;
    case COND_FLAG:
        if (!n->value) put(o, tr(lang, "non ", "not "));
        put(o, sc->flags[n->index].id);
        return;
    case COND_AFTER:
        putf(o, tr(lang, "après %d décision%s", "after %d decision%s"), (int)n->value, n->value > 1 ? "s" : "");
        return;
    case COND_SCENE:
        putf(o, tr(lang, "avant %s", "before %s"), sc->scenes[n->index].id);
        return;
    }
}

/* The condition as an escaped label fragment. */
static void put_cond_esc(Out *o, const Scenario *sc, int32_t c, Lang lang) {
    Out tmp = {0};
    put_cond(&tmp, sc, c, lang, 0);
    if (tmp.failed) o->failed = true;
    else if (tmp.s) put_esc(o, tmp.s);
    free(tmp.s);
}

/* Every COND_SCENE in the tree of `c`: calls back with the scene index. */
static void scenes_in_cond(const Scenario *sc, int32_t c, Out *o, const char *event_id, Lang lang, int depth) {
    if (c < 0 || (uint32_t)c >= sc->n_conds || depth > LIMIT_COND_NODES) return;
    const Cond *n = &sc->conds[c];
    if (n->kind == COND_SCENE) {
        put(o, "  ");
        put_id(o, "ev:", event_id);
        put(o, " -> ");
        put_id(o, "s:", sc->scenes[n->index].id);
        putf(o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s\"];\n",
             tr(lang, "montré avant", "shown before"));
        return;
    }
    if (n->kind == COND_ALL || n->kind == COND_ANY || n->kind == COND_NOT)
        for (uint32_t k = 0; k < n->kid_count; k++)
            scenes_in_cond(sc, (int32_t)sc->cond_kids[n->first_kid + k], o, event_id, lang, depth + 1);
}

/* ---- reachability ------------------------------------------------------------ */

static void mark(const Target *t, bool *scene_ok, bool *ending_ok, uint32_t *queue, uint32_t *tail) {
    if (t->kind == TARGET_ENDING) {
        ending_ok[t->index] = true;
    } else if (!scene_ok[t->index]) {
        scene_ok[t->index] = true;
        queue[(*tail)++] = t->index;
    }
}

bool graph_reachable(const Scenario *sc, bool *scene_ok, bool *ending_ok) {
    memset(scene_ok, 0, sc->n_scenes * sizeof *scene_ok);
    memset(ending_ok, 0, sc->n_endings * sizeof *ending_ok);
    if (sc->n_scenes == 0) return true;
    uint32_t *queue = malloc(sc->n_scenes * sizeof *queue);
    if (!queue) return false;
    uint32_t head = 0, tail = 0;
    scene_ok[sc->start] = true;
    queue[tail++] = sc->start;
    while (head < tail) {
        const Scene *s = &sc->scenes[queue[head++]];
        for (uint16_t c = 0; c < s->n_choices; c++) {
            const Choice *ch = &s->choices[c];
            bool all_outcomes_route = ch->n_outcomes > 0;
            for (uint16_t k = 0; k < ch->n_outcomes; k++) {
                const Outcome *oc = &ch->outcomes[k];
                if (oc->n_routes == 0) all_outcomes_route = false;
                for (uint16_t r = 0; r < oc->n_routes; r++) mark(&oc->routes[r].target, scene_ok, ending_ok, queue, &tail);
            }
            if (all_outcomes_route) continue;
            for (uint16_t r = 0; r < ch->n_routes; r++) mark(&ch->routes[r].target, scene_ok, ending_ok, queue, &tail);
        }
    }
    free(queue);
    return true;
}

/* ---- nodes and edges ------------------------------------------------------------ */

static void put_target(Out *o, const Scenario *sc, Target t) {
    if (t.kind == TARGET_ENDING) put_id(o, "e:", sc->endings[t.index].id);
    else put_id(o, "s:", sc->scenes[t.index].id);
}

/* A probability in parts per million as a percentage ("33,3333 %" in
 * French, "33.3333%" in English), by integer arithmetic. */
static void put_percent(Out *o, uint32_t ppm, Lang lang) {
    uint32_t whole = ppm / 10000, frac = ppm % 10000;
    putf(o, "%u", (unsigned)whole);
    if (frac) {
        char digits[8];
        snprintf(digits, sizeof digits, "%04u", (unsigned)frac);
        size_t n = strlen(digits);
        while (n > 0 && digits[n - 1] == '0') digits[--n] = '\0';
        put(o, lang == LANG_EN ? "." : ",");
        put(o, digits);
    }
    put(o, lang == LANG_EN ? "%" : "\u202f%");
}

/* Edges for a list of routes from `from` (a quoted node id already written
 * by the caller as a prefix string), labelled with `label` (escaped already)
 * and each route's condition. */
static void put_routes(Out *o, const Scenario *sc, const char *from_prefix, const char *from_id,
                       const Route *routes, uint16_t n, const char *label, const char *attrs, Lang lang) {
    for (uint16_t r = 0; r < n; r++) {
        put(o, "  ");
        put_id(o, from_prefix, from_id);
        put(o, " -> ");
        put_target(o, sc, routes[r].target);
        put(o, " [label=\"");
        put(o, label);
        bool conditional = n > 1;
        if (conditional) {
            if (label[0]) put(o, "\\n");
            put(o, "[");
            if (routes[r].cond >= 0) {
                put(o, tr(lang, "si ", "if "));
                put_cond_esc(o, sc, routes[r].cond, lang);
            } else {
                put(o, tr(lang, "sinon", "otherwise"));
            }
            put(o, "]");
        }
        put(o, "\"");
        if (conditional) put(o, ", style=dashed");
        put(o, attrs);
        put(o, "];\n");
    }
}

static void put_scene(Out *o, const Scenario *sc, uint32_t i, bool reachable, Lang lang) {
    const Scene *s = &sc->scenes[i];
    put(o, "    ");
    put_id(o, "s:", s->id);
    put(o, " [label=\"");
    if (!reachable) {
        put(o, tr(lang, "\u26a0 INACCESSIBLE\\n", "\u26a0 UNREACHABLE\\n"));
    }
    put_esc(o, s->id);
    if (!loc_is_empty(&s->title)) {
        put(o, "\\n");
        put_esc(o, loc_get(&s->title, lang, NULL));
    }
    put(o, "\"");
    if (i == sc->start) put(o, ", penwidth=3, fillcolor=\"#dbe9f7\"");
    if (!reachable)
        put(o, ", style=\"filled,dashed\", fillcolor=\"#e6e6e6\", color=\"#b00020\", fontcolor=\"#555555\"");
    put(o, "];\n");
}

static void put_legend(Out *o, Lang lang) {
    put(o, "  subgraph cluster_legend {\n");
    putf(o, "    label=\"%s\"; style=rounded; color=\"#999999\"; fontsize=12;\n", tr(lang, "Légende", "Legend"));
    putf(o, "    \"legend:start\" [label=\"%s\", penwidth=3, fillcolor=\"#dbe9f7\"];\n",
         tr(lang, "scène de départ", "start scene"));
    putf(o, "    \"legend:scene\" [label=\"%s\"];\n", tr(lang, "scène", "scene"));
    putf(o, "    \"legend:pos\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#c7e8c4\"];\n",
         tr(lang, "fin positive", "positive ending"));
    putf(o, "    \"legend:mix\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#fbe7a6\"];\n",
         tr(lang, "fin mitigée", "mixed ending"));
    putf(o, "    \"legend:neg\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#f6c3bd\"];\n",
         tr(lang, "fin négative", "negative ending"));
    putf(o, "    \"legend:chance\" [label=\"%s\", shape=diamond, fillcolor=\"#ffd9a8\", fontsize=10];\n",
         tr(lang, "hasard", "chance"));
    putf(o, "    \"legend:event\" [label=\"%s\", shape=note, fillcolor=\"#e6dbf7\", color=\"#6a3fb5\"];\n",
         tr(lang, "conséquence différée", "delayed consequence"));
    putf(o,
         "    \"legend:unreach\" [label=\"%s\", style=\"filled,dashed\", fillcolor=\"#e6e6e6\", "
         "color=\"#b00020\", fontcolor=\"#555555\"];\n",
         tr(lang, "\u26a0 inaccessible", "\u26a0 unreachable"));
    put(o,
         "    \"legend:start\" -> \"legend:scene\" -> \"legend:pos\" [style=invis];\n"
         "    \"legend:mix\" -> \"legend:neg\" -> \"legend:chance\" [style=invis];\n"
         "    \"legend:event\" -> \"legend:unreach\" [style=invis];\n");
    put(o, "  }\n");
}

char *graph_to_dot(const Scenario *sc, Lang lang) {
    Out o = {0};
    bool *scene_ok = calloc(sc->n_scenes ? sc->n_scenes : 1, sizeof *scene_ok);
    bool *ending_ok = calloc(sc->n_endings ? sc->n_endings : 1, sizeof *ending_ok);
    if (!scene_ok || !ending_ok || !graph_reachable(sc, scene_ok, ending_ok)) {
        free(scene_ok);
        free(ending_ok);
        return NULL;
    }
    put(&o, "// Scene graph of ");
    put(&o, sc->id);
    put(&o, " (enjeux graph)\ndigraph scenario {\n");
    put(&o, "  graph [rankdir=TB, fontname=\"DejaVu Sans\", labelloc=t, fontsize=18, label=\"");
    put_esc(&o, loc_get(&sc->title, lang, NULL));
    put(&o, "\"];\n");
    put(&o, "  node [fontname=\"DejaVu Sans\", fontsize=11, shape=box, style=\"rounded,filled\", "
            "fillcolor=\"#ffffff\"];\n");
    put(&o, "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
    put_legend(&o, lang);

    /* Scenes, in one cluster per act when acts are given. */
    uint16_t max_act = 0;
    for (uint32_t i = 0; i < sc->n_scenes; i++)
        if (sc->scenes[i].act > max_act) max_act = sc->scenes[i].act;
    for (uint32_t act = 0; act <= max_act; act++) {
        bool any = false;
        for (uint32_t i = 0; i < sc->n_scenes; i++)
            if (sc->scenes[i].act == act) any = true;
        if (!any) continue;
        if (act > 0) {
            putf(&o, "  subgraph cluster_act%u {\n", (unsigned)act);
            putf(&o, "    label=\"%s %u\"; style=\"rounded,dashed\"; color=\"#8aa4c8\"; fontsize=14;\n",
                 tr(lang, "Acte", "Act"), (unsigned)act);
        }
        for (uint32_t i = 0; i < sc->n_scenes; i++)
            if (sc->scenes[i].act == act) put_scene(&o, sc, i, scene_ok[i], lang);
        if (act > 0) put(&o, "  }\n");
    }

    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const Ending *e = &sc->endings[i];
        const char *fill = e->tone == TONE_POSITIVE ? "#c7e8c4" : e->tone == TONE_MIXED ? "#fbe7a6" : "#f6c3bd";
        put(&o, "  ");
        put_id(&o, "e:", e->id);
        put(&o, " [shape=doubleoctagon, label=\"");
        if (!ending_ok[i]) put(&o, tr(lang, "\u26a0 INACCESSIBLE\\n", "\u26a0 UNREACHABLE\\n"));
        put_esc(&o, e->id);
        put(&o, "\\n");
        put_esc(&o, loc_get(&e->title, lang, NULL));
        putf(&o, "\", fillcolor=\"%s\"", fill);
        if (!ending_ok[i]) put(&o, ", style=\"filled,dashed\", color=\"#b00020\", fontcolor=\"#555555\"");
        put(&o, "];\n");
    }

    for (uint16_t i = 0; i < sc->n_events; i++) {
        const Event *ev = &sc->events[i];
        put(&o, "  ");
        put_id(&o, "ev:", ev->id);
        put(&o, " [shape=note, fillcolor=\"#e6dbf7\", color=\"#6a3fb5\", label=\"");
        put_esc(&o, ev->id);
        if (!loc_is_empty(&ev->title)) {
            put(&o, "\\n");
            put_esc(&o, loc_get(&ev->title, lang, NULL));
        }
        put(&o, "\\n[");
        put(&o, tr(lang, "quand ", "when "));
        put_cond_esc(&o, sc, ev->when, lang);
        put(&o, "]\"];\n");
        scenes_in_cond(sc, ev->when, &o, ev->id, lang, 0);
        for (uint16_t e = 0; e < ev->effects.n_schedule; e++) {
            put(&o, "  ");
            put_id(&o, "ev:", ev->id);
            put(&o, " -> ");
            put_id(&o, "ev:", sc->events[ev->effects.schedule[e]].id);
            putf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s\"];\n",
                 tr(lang, "programme", "schedules"));
        }
    }

    /* Choices: one edge per route; through a chance diamond when the choice
     * has outcomes; a dotted edge to every event it schedules. */
    for (uint32_t i = 0; i < sc->n_scenes; i++) {
        const Scene *s = &sc->scenes[i];
        for (uint16_t c = 0; c < s->n_choices; c++) {
            const Choice *ch = &s->choices[c];
            Out label = {0};
            putf(&label, "%u. ", (unsigned)(c + 1));
            put_esc(&label, loc_get(&ch->text, lang, NULL));
            if (ch->cond >= 0) {
                put(&label, "\\n(");
                put(&label, tr(lang, "seulement si ", "only if "));
                put_cond_esc(&label, sc, ch->cond, lang);
                put(&label, ")");
            }
            if (label.failed) o.failed = true;
            const char *lab = label.s ? label.s : "";
            const char *cattrs = ch->cond >= 0 ? ", color=\"#555555\"" : "";
            if (ch->n_outcomes == 0) {
                put_routes(&o, sc, "s:", s->id, ch->routes, ch->n_routes, lab, cattrs, lang);
            } else {
                /* The diamond's id: scene id + "/" + choice id, unique. */
                char chance_prefix[LIMIT_ID_BYTES + 8];
                snprintf(chance_prefix, sizeof chance_prefix, "c:%s/", s->id);
                put(&o, "  ");
                put_id(&o, chance_prefix, ch->id);
                putf(&o, " [shape=diamond, fillcolor=\"#ffd9a8\", fontsize=9, label=\"%s\"];\n",
                     tr(lang, "hasard", "chance"));
                put(&o, "  ");
                put_id(&o, "s:", s->id);
                put(&o, " -> ");
                put_id(&o, chance_prefix, ch->id);
                put(&o, " [label=\"");
                put(&o, lab);
                put(&o, "\"");
                put(&o, cattrs);
                put(&o, "];\n");
                for (uint16_t k = 0; k < ch->n_outcomes; k++) {
                    const Outcome *oc = &ch->outcomes[k];
                    Out ol = {0};
                    put_esc(&ol, oc->id);
                    put(&ol, " ");
                    put_percent(&ol, oc->weight, lang);
                    if (ol.failed) o.failed = true;
                    /* The diamond is the source: build its full id as prefix. */
                    char full[2 * LIMIT_ID_BYTES + 8];
                    snprintf(full, sizeof full, "c:%s/%s", s->id, ch->id);
                    const Route *routes = oc->n_routes ? oc->routes : ch->routes;
                    uint16_t n = oc->n_routes ? oc->n_routes : ch->n_routes;
                    put_routes(&o, sc, full, "", routes, n, ol.s ? ol.s : "",
                               ", color=\"#c25e00\", fontcolor=\"#c25e00\"", lang);
                    for (uint16_t e = 0; e < oc->effects.n_schedule; e++) {
                        put(&o, "  ");
                        put_id(&o, full, "");
                        put(&o, " -> ");
                        put_id(&o, "ev:", sc->events[oc->effects.schedule[e]].id);
                        putf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s %s\"];\n",
                             oc->id, tr(lang, "programme", "schedules"));
                    }
                    free(ol.s);
                }
            }
            for (uint16_t e = 0; e < ch->effects.n_schedule; e++) {
                put(&o, "  ");
                put_id(&o, "s:", s->id);
                put(&o, " -> ");
                put_id(&o, "ev:", sc->events[ch->effects.schedule[e]].id);
                putf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%u. %s\"];\n",
                     (unsigned)(c + 1), tr(lang, "programme", "schedules"));
            }
            free(label.s);
        }
    }
    put(&o, "}\n");
    free(scene_ok);
    free(ending_ok);
    if (o.failed) {
        free(o.s);
        return NULL;
    }
    return o.s;
}

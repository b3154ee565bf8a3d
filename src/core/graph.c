/* graph.c — the scene graph as Graphviz DOT; see graph.h. */
#include "core/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

enum { WRAP_COLUMNS = 28 };

/* Appends `s` escaped for the inside of a DOT quoted string: `"` and `\`
 * are escaped, control characters become spaces, and the text is wrapped at
 * a space when the next word would pass WRAP_COLUMNS characters, with DOT's
 * "\n" (centred line). */
static void put_esc(StrBuf *o, const char *s) {
    size_t col = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c & 0xC0) != 0x80) col++;
        if (c == ' ') {
            size_t word = 0;
            for (const unsigned char *q = p + 1; *q && *q != ' '; q++)
                if ((*q & 0xC0) != 0x80) word++;
            if (col > 1 && col + word > WRAP_COLUMNS) {
                strbuf_puts(o, "\\n");
                col = 0;
                continue;
            }
        }
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            strbuf_put(o, e, 2);
        } else if (c < 0x20 || c == 0x7F) {
            strbuf_puts(o, " ");
        } else {
            strbuf_put(o, (const char *)p, 1);
        }
    }
}

/* Same as put_esc for ids (never wrapped). */
static void put_id(StrBuf *o, const char *prefix, const char *id) {
    strbuf_puts(o, "\"");
    strbuf_puts(o, prefix);
    for (const char *p = id; *p; p++) {
        if (*p == '"' || *p == '\\') strbuf_puts(o, "\\");
        strbuf_put(o, p, 1);
    }
    strbuf_puts(o, "\"");
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

static void put_cond(StrBuf *o, const Scenario *sc, int32_t c, Lang lang, int depth) {
    if (c < 0 || (uint32_t)c >= sc->n_conds) {
        strbuf_puts(o, tr(lang, "toujours", "always"));
        return;
    }
    const Cond *n = &sc->conds[c];
    switch (n->kind) {
    case COND_ALL:
    case COND_ANY: {
        if (n->kid_count == 0) {
            strbuf_puts(o, n->kind == COND_ALL ? tr(lang, "toujours", "always") : tr(lang, "jamais", "never"));
            return;
        }
        const char *sep = n->kind == COND_ALL ? tr(lang, " et ", " and ") : tr(lang, " ou ", " or ");
        if (depth > 0) strbuf_puts(o, "(");
        for (uint32_t k = 0; k < n->kid_count; k++) {
            if (k) strbuf_puts(o, sep);
            put_cond(o, sc, (int32_t)sc->cond_kids[n->first_kid + k], lang, depth + 1);
        }
        if (depth > 0) strbuf_puts(o, ")");
        return;
    }
    case COND_NOT:
        strbuf_puts(o, tr(lang, "non ", "not "));
        strbuf_puts(o, "(");
        if (n->kid_count) put_cond(o, sc, (int32_t)sc->cond_kids[n->first_kid], lang, depth + 1);
        strbuf_puts(o, ")");
        return;
    case COND_METER:
        strbuf_printf(o, "%s %s %d", sc->meters[n->index].id, op_text(n->op), (int)n->value);
        return;
    case COND_COUNTER:
        strbuf_printf(o, "%s %s %d", sc->counters[n->index].id, op_text(n->op), (int)n->value);
        return;
    case COND_FLAG:
        if (!n->value) strbuf_puts(o, tr(lang, "non ", "not "));
        strbuf_puts(o, sc->flags[n->index].id);
        return;
    case COND_AFTER:
        strbuf_printf(o, "%s %d %s", tr(lang, "après", "after"), (int)n->value,
                      n->value > 1 ? tr(lang, "décisions", "decisions") : tr(lang, "décision", "decision"));
        return;
    case COND_SCENE:
        strbuf_printf(o, "%s %s", tr(lang, "avant", "before"), sc->scenes[n->index].id);
        return;
    }
}

/* The condition as an escaped label fragment. */
static void put_cond_esc(StrBuf *o, const Scenario *sc, int32_t c, Lang lang) {
    StrBuf tmp = {0};
    put_cond(&tmp, sc, c, lang, 0);
    if (tmp.oom) o->oom = true;
    else if (tmp.s) put_esc(o, tmp.s);
    strbuf_free(&tmp);
}

/* Every COND_SCENE in the tree of `c`: calls back with the scene index. */
static void scenes_in_cond(const Scenario *sc, int32_t c, StrBuf *o, const char *event_id, Lang lang, int depth) {
    if (c < 0 || (uint32_t)c >= sc->n_conds || depth > LIMIT_COND_NODES) return;
    const Cond *n = &sc->conds[c];
    if (n->kind == COND_SCENE) {
        strbuf_puts(o, "  ");
        put_id(o, "ev:", event_id);
        strbuf_puts(o, " -> ");
        put_id(o, "s:", sc->scenes[n->index].id);
        strbuf_printf(o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s\"];\n",
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

static void put_target(StrBuf *o, const Scenario *sc, Target t) {
    if (t.kind == TARGET_ENDING) put_id(o, "e:", sc->endings[t.index].id);
    else put_id(o, "s:", sc->scenes[t.index].id);
}

/* A probability in parts per million as a percentage ("33,3333 %" in
 * French, "33.3333%" in English), by integer arithmetic. */
static void put_percent(StrBuf *o, uint32_t ppm, Lang lang) {
    uint32_t whole = ppm / 10000, frac = ppm % 10000;
    strbuf_printf(o, "%u", (unsigned)whole);
    if (frac) {
        char digits[8];
        snprintf(digits, sizeof digits, "%04u", (unsigned)frac);
        size_t n = strlen(digits);
        while (n > 0 && digits[n - 1] == '0') digits[--n] = '\0';
        strbuf_puts(o, lang == LANG_EN ? "." : ",");
        strbuf_puts(o, digits);
    }
    strbuf_puts(o, lang == LANG_EN ? "%" : "\u202f%");
}

/* Edges for a list of routes from `from` (a quoted node id already written
 * by the caller as a prefix string), labelled with `label` (escaped already)
 * and each route's condition. */
static void put_routes(StrBuf *o, const Scenario *sc, const char *from_prefix, const char *from_id,
                       const Route *routes, uint16_t n, const char *label, const char *attrs, Lang lang) {
    for (uint16_t r = 0; r < n; r++) {
        strbuf_puts(o, "  ");
        put_id(o, from_prefix, from_id);
        strbuf_puts(o, " -> ");
        put_target(o, sc, routes[r].target);
        strbuf_puts(o, " [label=\"");
        strbuf_puts(o, label);
        bool conditional = n > 1;
        if (conditional) {
            if (label[0]) strbuf_puts(o, "\\n");
            strbuf_puts(o, "[");
            if (routes[r].cond >= 0) {
                strbuf_puts(o, tr(lang, "si ", "if "));
                put_cond_esc(o, sc, routes[r].cond, lang);
            } else {
                strbuf_puts(o, tr(lang, "sinon", "otherwise"));
            }
            strbuf_puts(o, "]");
        }
        strbuf_puts(o, "\"");
        if (conditional) strbuf_puts(o, ", style=dashed");
        strbuf_puts(o, attrs);
        strbuf_puts(o, "];\n");
    }
}

static void put_scene(StrBuf *o, const Scenario *sc, uint32_t i, bool reachable, Lang lang) {
    const Scene *s = &sc->scenes[i];
    strbuf_puts(o, "    ");
    put_id(o, "s:", s->id);
    strbuf_puts(o, " [label=\"");
    if (!reachable) {
        strbuf_puts(o, tr(lang, "\u26a0 INACCESSIBLE\\n", "\u26a0 UNREACHABLE\\n"));
    }
    put_esc(o, s->id);
    if (!loc_is_empty(&s->title)) {
        strbuf_puts(o, "\\n");
        put_esc(o, loc_get(&s->title, lang, NULL));
    }
    strbuf_puts(o, "\"");
    if (i == sc->start) strbuf_puts(o, ", penwidth=3, fillcolor=\"#dbe9f7\"");
    if (!reachable)
        strbuf_puts(o, ", style=\"filled,dashed\", fillcolor=\"#e6e6e6\", color=\"#b00020\", fontcolor=\"#555555\"");
    strbuf_puts(o, "];\n");
}

static void put_legend(StrBuf *o, Lang lang) {
    strbuf_puts(o, "  subgraph cluster_legend {\n");
    strbuf_printf(o, "    label=\"%s\"; style=rounded; color=\"#999999\"; fontsize=12;\n", tr(lang, "Légende", "Legend"));
    strbuf_printf(o, "    \"legend:start\" [label=\"%s\", penwidth=3, fillcolor=\"#dbe9f7\"];\n",
         tr(lang, "scène de départ", "start scene"));
    strbuf_printf(o, "    \"legend:scene\" [label=\"%s\"];\n", tr(lang, "scène", "scene"));
    strbuf_printf(o, "    \"legend:pos\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#c7e8c4\"];\n",
         tr(lang, "fin positive", "positive ending"));
    strbuf_printf(o, "    \"legend:mix\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#fbe7a6\"];\n",
         tr(lang, "fin mitigée", "mixed ending"));
    strbuf_printf(o, "    \"legend:neg\" [label=\"%s\", shape=doubleoctagon, fillcolor=\"#f6c3bd\"];\n",
         tr(lang, "fin négative", "negative ending"));
    strbuf_printf(o, "    \"legend:chance\" [label=\"%s\", shape=diamond, fillcolor=\"#ffd9a8\", fontsize=10];\n",
         tr(lang, "hasard", "chance"));
    strbuf_printf(o, "    \"legend:event\" [label=\"%s\", shape=note, fillcolor=\"#e6dbf7\", color=\"#6a3fb5\"];\n",
         tr(lang, "conséquence différée", "delayed consequence"));
    strbuf_printf(o,
         "    \"legend:unreach\" [label=\"%s\", style=\"filled,dashed\", fillcolor=\"#e6e6e6\", "
         "color=\"#b00020\", fontcolor=\"#555555\"];\n",
         tr(lang, "\u26a0 inaccessible", "\u26a0 unreachable"));
    strbuf_puts(o,
         "    \"legend:start\" -> \"legend:scene\" -> \"legend:pos\" [style=invis];\n"
         "    \"legend:mix\" -> \"legend:neg\" -> \"legend:chance\" [style=invis];\n"
         "    \"legend:event\" -> \"legend:unreach\" [style=invis];\n");
    strbuf_puts(o, "  }\n");
}

char *graph_to_dot(const Scenario *sc, Lang lang) {
    StrBuf o = {0};
    bool *scene_ok = calloc(sc->n_scenes ? sc->n_scenes : 1, sizeof *scene_ok);
    bool *ending_ok = calloc(sc->n_endings ? sc->n_endings : 1, sizeof *ending_ok);
    if (!scene_ok || !ending_ok || !graph_reachable(sc, scene_ok, ending_ok)) {
        free(scene_ok);
        free(ending_ok);
        return NULL;
    }
    strbuf_puts(&o, "// Scene graph of ");
    strbuf_puts(&o, sc->id);
    strbuf_puts(&o, " (enjeux graph)\ndigraph scenario {\n");
    strbuf_puts(&o, "  graph [rankdir=TB, fontname=\"DejaVu Sans\", labelloc=t, fontsize=18, label=\"");
    put_esc(&o, loc_get(&sc->title, lang, NULL));
    strbuf_puts(&o, "\"];\n");
    strbuf_puts(&o, "  node [fontname=\"DejaVu Sans\", fontsize=11, shape=box, style=\"rounded,filled\", "
            "fillcolor=\"#ffffff\"];\n");
    strbuf_puts(&o, "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
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
            strbuf_printf(&o, "  subgraph cluster_act%u {\n", (unsigned)act);
            strbuf_printf(&o, "    label=\"%s %u\"; style=\"rounded,dashed\"; color=\"#8aa4c8\"; fontsize=14;\n",
                 tr(lang, "Acte", "Act"), (unsigned)act);
        }
        for (uint32_t i = 0; i < sc->n_scenes; i++)
            if (sc->scenes[i].act == act) put_scene(&o, sc, i, scene_ok[i], lang);
        if (act > 0) strbuf_puts(&o, "  }\n");
    }

    for (uint16_t i = 0; i < sc->n_endings; i++) {
        const Ending *e = &sc->endings[i];
        const char *fill = e->tone == TONE_POSITIVE ? "#c7e8c4" : e->tone == TONE_MIXED ? "#fbe7a6" : "#f6c3bd";
        strbuf_puts(&o, "  ");
        put_id(&o, "e:", e->id);
        strbuf_puts(&o, " [shape=doubleoctagon, label=\"");
        if (!ending_ok[i]) strbuf_puts(&o, tr(lang, "\u26a0 INACCESSIBLE\\n", "\u26a0 UNREACHABLE\\n"));
        put_esc(&o, e->id);
        strbuf_puts(&o, "\\n");
        put_esc(&o, loc_get(&e->title, lang, NULL));
        strbuf_printf(&o, "\", fillcolor=\"%s\"", fill);
        if (!ending_ok[i]) strbuf_puts(&o, ", style=\"filled,dashed\", color=\"#b00020\", fontcolor=\"#555555\"");
        strbuf_puts(&o, "];\n");
    }

    for (uint16_t i = 0; i < sc->n_events; i++) {
        const Event *ev = &sc->events[i];
        strbuf_puts(&o, "  ");
        put_id(&o, "ev:", ev->id);
        strbuf_puts(&o, " [shape=note, fillcolor=\"#e6dbf7\", color=\"#6a3fb5\", label=\"");
        put_esc(&o, ev->id);
        if (!loc_is_empty(&ev->title)) {
            strbuf_puts(&o, "\\n");
            put_esc(&o, loc_get(&ev->title, lang, NULL));
        }
        strbuf_puts(&o, "\\n[");
        strbuf_puts(&o, tr(lang, "quand ", "when "));
        put_cond_esc(&o, sc, ev->when, lang);
        strbuf_puts(&o, "]\"];\n");
        scenes_in_cond(sc, ev->when, &o, ev->id, lang, 0);
        for (uint16_t e = 0; e < ev->effects.n_schedule; e++) {
            strbuf_puts(&o, "  ");
            put_id(&o, "ev:", ev->id);
            strbuf_puts(&o, " -> ");
            put_id(&o, "ev:", sc->events[ev->effects.schedule[e]].id);
            strbuf_printf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s\"];\n",
                 tr(lang, "programme", "schedules"));
        }
    }

    /* Choices: one edge per route; through a chance diamond when the choice
     * has outcomes; a dotted edge to every event it schedules. */
    for (uint32_t i = 0; i < sc->n_scenes; i++) {
        const Scene *s = &sc->scenes[i];
        for (uint16_t c = 0; c < s->n_choices; c++) {
            const Choice *ch = &s->choices[c];
            StrBuf label = {0};
            strbuf_printf(&label, "%u. ", (unsigned)(c + 1));
            put_esc(&label, loc_get(&ch->text, lang, NULL));
            if (ch->cond >= 0) {
                strbuf_puts(&label, "\\n(");
                strbuf_puts(&label, tr(lang, "seulement si ", "only if "));
                put_cond_esc(&label, sc, ch->cond, lang);
                strbuf_puts(&label, ")");
            }
            if (label.oom) o.oom = true;
            const char *lab = label.s ? label.s : "";
            const char *cattrs = ch->cond >= 0 ? ", color=\"#555555\"" : "";
            if (ch->n_outcomes == 0) {
                put_routes(&o, sc, "s:", s->id, ch->routes, ch->n_routes, lab, cattrs, lang);
            } else {
                /* The diamond's id: scene id + "/" + choice id, unique. */
                char chance_prefix[LIMIT_ID_BYTES + 8];
                snprintf(chance_prefix, sizeof chance_prefix, "c:%s/", s->id);
                strbuf_puts(&o, "  ");
                put_id(&o, chance_prefix, ch->id);
                strbuf_printf(&o, " [shape=diamond, fillcolor=\"#ffd9a8\", fontsize=9, label=\"%s\"];\n",
                     tr(lang, "hasard", "chance"));
                strbuf_puts(&o, "  ");
                put_id(&o, "s:", s->id);
                strbuf_puts(&o, " -> ");
                put_id(&o, chance_prefix, ch->id);
                strbuf_puts(&o, " [label=\"");
                strbuf_puts(&o, lab);
                strbuf_puts(&o, "\"");
                strbuf_puts(&o, cattrs);
                strbuf_puts(&o, "];\n");
                for (uint16_t k = 0; k < ch->n_outcomes; k++) {
                    const Outcome *oc = &ch->outcomes[k];
                    StrBuf ol = {0};
                    put_esc(&ol, oc->id);
                    strbuf_puts(&ol, " ");
                    put_percent(&ol, oc->weight, lang);
                    if (ol.oom) o.oom = true;
                    /* The diamond is the source: build its full id as prefix. */
                    char full[2 * LIMIT_ID_BYTES + 8];
                    snprintf(full, sizeof full, "c:%s/%s", s->id, ch->id);
                    const Route *routes = oc->n_routes ? oc->routes : ch->routes;
                    uint16_t n = oc->n_routes ? oc->n_routes : ch->n_routes;
                    put_routes(&o, sc, full, "", routes, n, ol.s ? ol.s : "",
                               ", color=\"#c25e00\", fontcolor=\"#c25e00\"", lang);
                    for (uint16_t e = 0; e < oc->effects.n_schedule; e++) {
                        strbuf_puts(&o, "  ");
                        put_id(&o, full, "");
                        strbuf_puts(&o, " -> ");
                        put_id(&o, "ev:", sc->events[oc->effects.schedule[e]].id);
                        strbuf_printf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%s %s\"];\n",
                             oc->id, tr(lang, "programme", "schedules"));
                    }
                    strbuf_free(&ol);
                }
            }
            for (uint16_t e = 0; e < ch->effects.n_schedule; e++) {
                strbuf_puts(&o, "  ");
                put_id(&o, "s:", s->id);
                strbuf_puts(&o, " -> ");
                put_id(&o, "ev:", sc->events[ch->effects.schedule[e]].id);
                strbuf_printf(&o, " [style=dotted, color=\"#6a3fb5\", fontcolor=\"#6a3fb5\", label=\"%u. %s\"];\n",
                     (unsigned)(c + 1), tr(lang, "programme", "schedules"));
            }
            strbuf_free(&label);
        }
    }
    strbuf_puts(&o, "}\n");
    free(scene_ok);
    free(ending_ok);
    return strbuf_take(&o);
}

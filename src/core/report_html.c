/* report_html.c — the class report as one self-contained HTML page.
 *
 * No script, no external file, no font to fetch: the charts are inline SVG
 * with their numbers written beside or on them (never colour alone), the
 * CSS has a screen layout large enough for a projector and a print layout
 * for A4. Every string that comes from a file (ids, texts, workshop codes,
 * file names in messages) goes through strbuf_html(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fmt.h"
#include "core/report.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#define NB "\u202F"   /* narrow no-break space: before ; : ! ? and % */
#define NBSP "\u00A0" /* inside « » */

typedef enum Key {
    K_TITLE, K_SUBTITLE, K_PLAYS_1, K_PLAYS_N, K_FILES, K_DUPLICATES, K_SKIPPED, K_BAD, K_FROM_TO,
    K_WORKSHOPS, K_INPUTS, K_PROBLEMS, K_PROBLEMS_MORE, K_FOCUS, K_FOCUS_NONE, K_FOCUS_ITEM, K_NO_PLAYS,
    K_LEVEL, K_VERSION, K_MEDIAN_TIME, K_MISSING, K_CHANGED, K_ENDINGS, K_COMPETENCIES,
    K_DECISIONS, K_DECISION_META, K_CHOSE, K_OF, K_NOBODY, K_TARGETED, K_MEDIAN_SCORE, K_NOT_ASSESSED,
    K_M_NOT, K_M_WORK, K_M_PROGRESS, K_M_ACQUIRED, K_TONE_POSITIVE, K_TONE_MIXED, K_TONE_NEGATIVE,
    K_HIST_AXIS, K_HIST_LABEL, K_SUMMARY, K_FOOTER,
    /* the singular of the texts above that count something */
    K_FILES_1, K_DUPLICATES_1, K_SKIPPED_1, K_BAD_1, K_PROBLEMS_MORE_1, K_DECISION_META_1, K_MEDIAN_SCORE_1,
    K_COUNT
} Key;

static const char *const TEXT[K_COUNT][LANG_COUNT] = {
    [K_TITLE] = {"Rapport de classe", "Class report"},
    [K_SUBTITLE] = {"Enjeux — l'IA au travail", "Enjeux — AI at work"},
    [K_PLAYS_1] = {"partie", "play"},
    [K_PLAYS_N] = {"parties", "plays"},
    [K_FILES] = {"fichiers lus", "files read"},
    [K_DUPLICATES] = {"doublons ignorés (même partie copiée deux fois)", "duplicates ignored (the same play copied twice)"},
    [K_SKIPPED] = {"fichiers JSON ignorés (pas des résultats)", "JSON files ignored (not results)"},
    [K_BAD] = {"fichiers illisibles ou abîmés (détail ci-dessous)", "unreadable or damaged files (details below)"},
    [K_FROM_TO] = {"Parties jouées du {0} au {1} (UTC)", "Plays from {0} to {1} (UTC)"},
    [K_WORKSHOPS] = {"Ateliers" NB ":", "Workshops:"},
    [K_INPUTS] = {"Lu dans" NB ":", "Read from:"},
    [K_PROBLEMS] = {"Fichiers non pris en compte", "Files not counted"},
    [K_PROBLEMS_MORE] = {"… et {0} autres problèmes.", "… and {0} more problems."},
    [K_FOCUS] = {"À retravailler en priorité", "What to work on next"},
    [K_FOCUS_NONE] = {"Aucune compétence n'est à retravailler en priorité" NB ": chacune est acquise par au moins la "
                      "moitié des joueurs évalués.",
                      "No competency stands out: each is acquired by at least half of the players assessed on it."},
    [K_FOCUS_ITEM] = {"acquise par {0} des joueurs évalués ({1} sur {2}), score médian {3}/100",
                      "acquired by {0} of the players assessed ({1} of {2}), median score {3}/100"},
    [K_NO_PLAYS] = {"Aucune partie n'a été lue" NB ": vérifiez les dossiers donnés (les résultats sont les fichiers "
                    "results/*.json de chaque profil).",
                    "No play was read: check the folders given (results are the results/*.json files of each "
                    "profile)."},
    [K_LEVEL] = {"niveau N{0}", "level N{0}"},
    [K_VERSION] = {"version {0}", "version {0}"},
    [K_MEDIAN_TIME] = {"temps médian par décision" NB ": {0}", "median time per decision: {0}"},
    [K_MISSING] = {"Le fichier de ce scénario n'a pas été trouvé dans le dossier des scénarios" NB ": les choix sont "
                   "désignés par leur identifiant.",
                   "This scenario's file was not found in the scenarios folder: choices are shown by their id."},
    [K_CHANGED] = {"Le scénario a été modifié depuis {0} de ces parties (empreinte différente)" NB ": pour ne pas "
                   "afficher un texte qui n'était pas celui joué, les choix sont désignés par leur identifiant.",
                   "The scenario was edited since {0} of these plays (different content hash): so as not to show a "
                   "text that was not the one played, choices are shown by their id."},
    [K_ENDINGS] = {"Fins atteintes", "Endings reached"},
    [K_COMPETENCIES] = {"Compétences", "Competencies"},
    [K_DECISIONS] = {"Décisions", "Decisions"},
    [K_DECISION_META] = {"{0} décisions prises ici · temps médian {1}", "{0} decisions made here · median time {1}"},
    [K_CHOSE] = {"ont choisi", "chose"},
    [K_OF] = {"sur", "of"},
    [K_NOBODY] = {"personne", "nobody"},
    [K_TARGETED] = {"visée", "targeted"},
    [K_MEDIAN_SCORE] = {"score médian {0}/100 sur {1} joueurs évalués", "median score {0}/100 over {1} players assessed"},
    [K_NOT_ASSESSED] = {"aucun joueur évalué", "no player assessed"},
    [K_M_NOT] = {"non évaluée", "not assessed"},
    [K_M_WORK] = {"à retravailler", "to work on"},
    [K_M_PROGRESS] = {"en cours", "in progress"},
    [K_M_ACQUIRED] = {"acquise", "acquired"},
    [K_TONE_POSITIVE] = {"positive", "positive"},
    [K_TONE_MIXED] = {"mitigée", "mixed"},
    [K_TONE_NEGATIVE] = {"négative", "negative"},
    [K_FILES_1] = {"fichier lu", "file read"},
    [K_DUPLICATES_1] = {"doublon ignoré (même partie copiée deux fois)", "duplicate ignored (the same play copied twice)"},
    [K_SKIPPED_1] = {"fichier JSON ignoré (pas des résultats)", "JSON file ignored (not results)"},
    [K_BAD_1] = {"fichier illisible ou abîmé (détail ci-dessous)", "unreadable or damaged file (details below)"},
    [K_PROBLEMS_MORE_1] = {"… et {0} autre problème.", "… and {0} more problem."},
    [K_DECISION_META_1] = {"{0} décision prise ici · temps médian {1}", "{0} decision made here · median time {1}"},
    [K_MEDIAN_SCORE_1] = {"score médian {0}/100 sur {1} joueur évalué", "median score {0}/100 over {1} player assessed"},
    [K_HIST_AXIS] = {"score", "score"},
    [K_HIST_LABEL] = {"Répartition des scores de {0}" NB ": nombre de joueurs par tranche de 10 points",
                      "Distribution of {0} scores: players per band of 10 points"},
    [K_SUMMARY] = {"En bref", "Summary"},
    [K_FOOTER] = {"Rapport produit par « enjeux report » à partir des fichiers de résultats, sans connexion réseau. "
                  "Les pourcentages sont arrondis à l'unité.",
                  "Report made by \"enjeux report\" from the results files, without any network connection. "
                  "Percentages are rounded to the unit."},
};

static const char *T(const Report *r, Key k) { return TEXT[k][r->lang]; }

static const char *loc_or(const LocStr *l, Lang lang) {
    const char *s = loc_get(l, lang, NULL);
    return *s ? s : NULL;
}

/* `one` or `many` for a count of `n` (lang_singular). */
static Key count_key(const Report *r, uint64_t n, Key one, Key many) { return lang_singular(r->lang, n) ? one : many; }

/* Appends template `tpl` with {0}…{3} replaced by args[0..3], escaped. */
static void put_tpl(StrBuf *b, const char *tpl, const char *a0, const char *a1, const char *a2, const char *a3) {
    const char *args[4] = {a0, a1, a2, a3};
    const char *run = tpl;
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '3' && p[2] == '}') {
            strbuf_put(b, run, (size_t)(p - run));
            strbuf_html(b, args[p[1] - '0']);
            p += 2;
            run = p + 1;
        }
    }
    strbuf_puts(b, run);
}

static const char *u32s(char buf[16], uint32_t v) {
    snprintf(buf, 16, "%u", (unsigned)v);
    return buf;
}

static const char CSS[] =
    ":root{--ink:#111827;--muted:#4b5563;--line:#d1d5db;--track:#e5e7eb;--bar:#1d4ed8;--good:#047857;"
    "--mid:#b45309;--bad:#b91c1c;--paper:#ffffff}"
    "*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "html{font-family:Inter,\"DejaVu Sans\",\"Segoe UI\",system-ui,sans-serif;color:var(--ink);"
    "background:var(--paper);font-size:clamp(16px,0.9vw + 9px,26px);line-height:1.45}"
    "body{margin:0 auto;max-width:60rem;padding:1.5rem}"
    "h1{font-size:2rem;margin:0 0 .2rem}h2{font-size:1.5rem;margin:2rem 0 .6rem;border-bottom:3px solid var(--ink);"
    "padding-bottom:.2rem}h3{font-size:1.2rem;margin:1.4rem 0 .5rem}h4{font-size:1.05rem;margin:0 0 .3rem}"
    "p{margin:.3rem 0}.muted{color:var(--muted)}.sub{font-size:1.1rem;color:var(--muted);margin:0}"
    "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.9em;overflow-wrap:anywhere}"
    ".summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0;padding:0;list-style:none}"
    ".summary li{border:2px solid var(--line);border-radius:.4rem;padding:.4rem .7rem}"
    ".summary b{font-size:1.4rem;margin-right:.3rem}"
    ".note{border-left:6px solid var(--mid);background:#fffbeb;padding:.5rem .8rem;margin:.6rem 0}"
    ".problems li{margin:.3rem 0}.focus li{margin:.4rem 0}"
    ".row{margin:.5rem 0 .9rem;break-inside:avoid}.row .label{display:block}"
    ".pct{font-weight:700;font-variant-numeric:tabular-nums}"
    "svg.bar{display:block;width:100%;height:1.1rem;margin-top:.2rem}"
    "svg.hist{display:block;width:100%;max-width:34rem;height:auto}"
    "svg text{font-family:inherit;fill:var(--ink)}"
    ".decision,.competency{border:2px solid var(--line);border-radius:.5rem;padding:.8rem 1rem;margin:.8rem 0;"
    "break-inside:avoid}"
    ".scene{color:var(--muted);font-size:.9rem}"
    ".mastery{font-size:.95rem}"
    "footer{margin-top:2rem;color:var(--muted);font-size:.85rem}"
    "section.scenario{break-before:page}"
    "@page{size:A4;margin:14mm 14mm 16mm}"
    "@media print{html{font-size:10.5pt}body{max-width:none;padding:0}h2{break-after:avoid}"
    "h3{break-after:avoid}.summary li{border-width:1px}}";

static void put_pct(StrBuf *b, const Report *r, uint32_t count, uint32_t total) {
    char p[32];
    fmt_percent(p, sizeof p, report_percent(count, total), r->lang);
    strbuf_puts(b, p);
}

/* «  text  » in French, “text” in English, escaped. */
static void put_quoted(StrBuf *b, const Report *r, const char *s) {
    strbuf_puts(b, r->lang == LANG_FR ? "«" NBSP : "\u201C");
    strbuf_html(b, s);
    strbuf_puts(b, r->lang == LANG_FR ? NBSP "»" : "\u201D");
}

/* A horizontal bar of count/total, its percentage written on it. */
static void put_bar(StrBuf *b, const Report *r, uint32_t count, uint32_t total, const char *colour) {
    uint32_t pct = report_percent(count, total);
    char p[32];
    fmt_percent(p, sizeof p, pct, r->lang);
    /* Width in tenths of a percent, so that small shares still show. */
    uint32_t w = total ? (uint32_t)((uint64_t)count * 1000 / total) : 0;
    strbuf_printf(b,
                  "<svg class=\"bar\" viewBox=\"0 0 1000 30\" preserveAspectRatio=\"none\" role=\"img\" "
                  "aria-label=\"%s\"><rect width=\"1000\" height=\"30\" fill=\"#e5e7eb\"/>"
                  "<rect width=\"%u\" height=\"30\" fill=\"%s\"/></svg>",
                  p, (unsigned)w, colour);
}

static const char *tone_word(const Report *r, const char *tone) {
    if (strcmp(tone, "positive") == 0) return T(r, K_TONE_POSITIVE);
    if (strcmp(tone, "mixed") == 0) return T(r, K_TONE_MIXED);
    if (strcmp(tone, "negative") == 0) return T(r, K_TONE_NEGATIVE);
    return NULL;
}

static const char *tone_colour(const char *tone) {
    if (strcmp(tone, "positive") == 0) return "#047857";
    if (strcmp(tone, "negative") == 0) return "#b91c1c";
    return "#b45309";
}

static void put_plays(StrBuf *b, const Report *r, uint32_t n) {
    strbuf_printf(b, "%u %s", (unsigned)n, T(r, count_key(r, n, K_PLAYS_1, K_PLAYS_N)));
}

static void put_endings(StrBuf *b, const Report *r, const ReportScenario *s) {
    if (!s->n_endings) return;
    strbuf_printf(b, "<h3>%s</h3>\n", T(r, K_ENDINGS));
    uint32_t total = 0;
    for (uint16_t i = 0; i < s->n_endings; i++) total += s->endings[i].count;
    /* Most reached first. */
    uint16_t order[64 * 4];
    uint16_t n = s->n_endings < (uint16_t)(sizeof order / sizeof *order) ? s->n_endings : (uint16_t)(sizeof order / sizeof *order);
    for (uint16_t i = 0; i < n; i++) order[i] = i;
    for (uint16_t i = 1; i < n; i++)
        for (uint16_t j = i; j > 0 && s->endings[order[j]].count > s->endings[order[j - 1]].count; j--) {
            uint16_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (uint16_t k = 0; k < n; k++) {
        const ReportEnding *e = &s->endings[order[k]];
        strbuf_puts(b, "<div class=\"row\"><span class=\"label\"><span class=\"pct\">");
        put_pct(b, r, e->count, total);
        strbuf_puts(b, "</span> — ");
        const char *title = loc_or(&e->title, r->lang);
        if (title) strbuf_html(b, title);
        else {
            strbuf_puts(b, "<code>");
            strbuf_html(b, e->id);
            strbuf_puts(b, "</code>");
        }
        const char *tw = tone_word(r, e->tone);
        if (tw) strbuf_printf(b, " <span class=\"muted\">(%s)</span>", tw);
        strbuf_printf(b, " <span class=\"muted\">— %u %s %u</span></span>", (unsigned)e->count, T(r, K_OF),
                      (unsigned)total);
        put_bar(b, r, e->count, total, tone_colour(e->tone));
        strbuf_puts(b, "</div>\n");
    }
}

static void put_comp_name(StrBuf *b, const Report *r, const ReportCompetency *c) {
    const char *name = loc_or(&c->name, r->lang);
    if (name) strbuf_html(b, name);
    else {
        strbuf_puts(b, "<code>");
        strbuf_html(b, c->id);
        strbuf_puts(b, "</code>");
    }
}

/* The distribution of a competency's scores: ten bands of ten points
 * (the last is 90–100), each with its count written above it and its
 * limits under its edges. */
static void put_histogram(StrBuf *b, const Report *r, const ReportCompetency *c) {
    const uint32_t *band = c->bands;
    uint32_t max = 0;
    for (int i = 0; i < 10; i++)
        if (band[i] > max) max = band[i];
    const char *name = loc_or(&c->name, r->lang);
    strbuf_puts(b, "<svg class=\"hist\" viewBox=\"0 0 570 190\" role=\"img\" aria-label=\"");
    put_tpl(b, T(r, K_HIST_LABEL), name ? name : c->id, NULL, NULL, NULL);
    strbuf_puts(b, "\">");
    strbuf_puts(b, "<line x1=\"20\" y1=\"150\" x2=\"550\" y2=\"150\" stroke=\"#111827\" stroke-width=\"2\"/>");
    for (int i = 0; i < 10; i++) {
        uint32_t h = max ? (uint32_t)((uint64_t)band[i] * 115 / max) : 0;
        if (band[i] && h < 2) h = 2;
        int x = 25 + i * 53;
        const char *fill = i >= 8 ? "#047857" : i >= 5 ? "#1d4ed8" : "#b91c1c";
        strbuf_printf(b, "<rect x=\"%d\" y=\"%u\" width=\"44\" height=\"%u\" fill=\"%s\"/>", x, 150 - h, h, fill);
        strbuf_printf(b, "<text x=\"%d\" y=\"%u\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"700\">%u</text>",
                      x + 22, 150 - h - 6, (unsigned)band[i]);
    }
    /* The band limits under the bars' edges: 0 … 100, so the last bar
     * reads as 90 to 100, its scores of 100 included. */
    for (int i = 0; i <= 10; i++)
        strbuf_printf(b, "<text x=\"%d\" y=\"172\" text-anchor=\"middle\" font-size=\"14\">%d</text>", 20 + i * 53,
                      i * 10);
    strbuf_printf(b, "<text x=\"285\" y=\"188\" text-anchor=\"middle\" font-size=\"14\">%s (0–100)</text></svg>\n",
                  T(r, K_HIST_AXIS));
}

static void put_competency(StrBuf *b, const Report *r, const ReportCompetency *c) {
    strbuf_puts(b, "<div class=\"competency\"><h4>");
    put_comp_name(b, r, c);
    if (c->targeted) strbuf_printf(b, " <span class=\"muted\">(%s)</span>", T(r, K_TARGETED));
    strbuf_puts(b, "</h4><p>");
    char n1[16], n2[16];
    if (c->assessed) put_tpl(b, T(r, count_key(r, c->assessed, K_MEDIAN_SCORE_1, K_MEDIAN_SCORE)), u32s(n1, (uint32_t)c->median), u32s(n2, c->assessed), NULL, NULL);
    else strbuf_puts(b, T(r, K_NOT_ASSESSED));
    strbuf_puts(b, "</p>");
    if (c->assessed) {
        put_histogram(b, r, c);
        static const Key MK[RM_COUNT] = {K_M_NOT, K_M_WORK, K_M_PROGRESS, K_M_ACQUIRED};
        strbuf_puts(b, "<p class=\"mastery\">");
        bool first = true;
        for (int m = RM_ACQUIRED; m >= RM_TO_WORK_ON; m--) {
            if (!first) strbuf_puts(b, " · ");
            first = false;
            strbuf_printf(b, "%s%s: <span class=\"pct\">", T(r, MK[m]), r->lang == LANG_FR ? NB : "");
            put_pct(b, r, c->mastery[m], c->assessed);
            strbuf_printf(b, "</span> (%u)", (unsigned)c->mastery[m]);
        }
        strbuf_puts(b, "</p>");
    }
    strbuf_puts(b, "</div>\n");
}

static void put_decision(StrBuf *b, const Report *r, const ReportScenario *s, const ReportDecision *d, uint32_t num) {
    strbuf_puts(b, "<article class=\"decision\"><h4>");
    strbuf_printf(b, "%u. ", (unsigned)num);
    const char *title = loc_or(&d->title, r->lang);
    if (title) strbuf_html(b, title);
    if (!title || s->source != RS_TEXTS) {
        strbuf_puts(b, title ? " <code>" : "<code>");
        strbuf_html(b, d->scene);
        strbuf_puts(b, "</code>");
    }
    strbuf_puts(b, "</h4>");
    const char *text = loc_or(&d->text, r->lang);
    if (text) {
        strbuf_puts(b, "<p class=\"scene\">");
        strbuf_html(b, text);
        strbuf_puts(b, "</p>");
    }
    char dur[48];
    strbuf_puts(b, "<p class=\"muted\">");
    char n1[16];
    put_tpl(b, T(r, count_key(r, d->reached, K_DECISION_META_1, K_DECISION_META)), u32s(n1, d->reached), report_format_duration(dur, sizeof dur, d->median_ms, r->lang),
            NULL, NULL);
    strbuf_puts(b, "</p>");
    for (uint16_t i = 0; i < d->n_choices; i++) {
        const ReportChoice *c = &d->choices[i];
        strbuf_puts(b, "<div class=\"row\"><span class=\"label\"><span class=\"pct\">");
        put_pct(b, r, c->count, d->reached);
        strbuf_printf(b, "</span> %s ", T(r, K_CHOSE));
        const char *ct = loc_or(&c->text, r->lang);
        if (ct) put_quoted(b, r, ct);
        else {
            strbuf_puts(b, "<code>");
            strbuf_html(b, c->id);
            strbuf_puts(b, "</code>");
        }
        strbuf_printf(b, " <span class=\"muted\">(%u %s %u)</span></span>", (unsigned)c->count, T(r, K_OF),
                      (unsigned)d->reached);
        put_bar(b, r, c->count, d->reached, "#1d4ed8");
        strbuf_puts(b, "</div>\n");
    }
    strbuf_puts(b, "</article>\n");
}

static void put_scenario(StrBuf *b, const Report *r, const ReportScenario *s) {
    strbuf_puts(b, "<section class=\"scenario\"><h2>");
    const char *title = loc_or(&s->title, r->lang);
    if (title) {
        strbuf_html(b, title);
        strbuf_puts(b, " <span class=\"muted\"><code>");
        strbuf_html(b, s->id);
        strbuf_puts(b, "</code></span>");
    } else {
        strbuf_puts(b, "<code>");
        strbuf_html(b, s->id);
        strbuf_puts(b, "</code>");
    }
    strbuf_puts(b, "</h2>\n<p>");
    put_plays(b, r, s->plays);
    if (s->level) {
        strbuf_puts(b, " · ");
        char n1[16];
        put_tpl(b, T(r, K_LEVEL), u32s(n1, (uint32_t)s->level), NULL, NULL, NULL);
    }
    if (*s->version) {
        strbuf_puts(b, " · ");
        char v[160];
        int cut = (int)utf8_prefix(s->version, 120);
        snprintf(v, sizeof v, "%.*s%s", cut, s->version, s->version[cut] ? "…" : "");
        put_tpl(b, T(r, K_VERSION), v, NULL, NULL, NULL);
    }
    char dur[48];
    strbuf_puts(b, " · ");
    put_tpl(b, T(r, K_MEDIAN_TIME), report_format_duration(dur, sizeof dur, s->median_ms, r->lang), NULL, NULL, NULL);
    strbuf_puts(b, "</p>\n");
    if (s->source == RS_MISSING) strbuf_printf(b, "<p class=\"note\">%s</p>\n", T(r, K_MISSING));
    if (s->source == RS_CHANGED) {
        strbuf_puts(b, "<p class=\"note\">");
        char n1[16];
        put_tpl(b, T(r, K_CHANGED), u32s(n1, s->other_hash), NULL, NULL, NULL);
        strbuf_puts(b, "</p>\n");
    }
    put_endings(b, r, s);
    if (s->n_comps) {
        strbuf_printf(b, "<h3>%s</h3>\n", T(r, K_COMPETENCIES));
        for (uint16_t i = 0; i < s->n_comps; i++)
            if (s->comps[i].targeted) put_competency(b, r, &s->comps[i]);
        for (uint16_t i = 0; i < s->n_comps; i++)
            if (!s->comps[i].targeted) put_competency(b, r, &s->comps[i]);
    }
    if (s->n_decisions) {
        strbuf_printf(b, "<h3>%s</h3>\n", T(r, K_DECISIONS));
        for (uint32_t i = 0; i < s->n_decisions; i++) put_decision(b, r, s, &s->decisions[i], i + 1);
    }
    strbuf_puts(b, "</section>\n");
}

static void put_summary(StrBuf *b, const Report *r, const char *inputs) {
    strbuf_printf(b, "<h2>%s</h2>\n<ul class=\"summary\">", T(r, K_SUMMARY));
    strbuf_puts(b, "<li><b>");
    strbuf_printf(b, "%u</b>%s</li>", (unsigned)r->plays, T(r, count_key(r, r->plays, K_PLAYS_1, K_PLAYS_N)));
    strbuf_printf(b, "<li><b>%u</b>%s</li>", (unsigned)r->files, T(r, count_key(r, r->files, K_FILES_1, K_FILES)));
    if (r->duplicates)
        strbuf_printf(b, "<li><b>%u</b>%s</li>", (unsigned)r->duplicates,
                      T(r, count_key(r, r->duplicates, K_DUPLICATES_1, K_DUPLICATES)));
    if (r->skipped)
        strbuf_printf(b, "<li><b>%u</b>%s</li>", (unsigned)r->skipped, T(r, count_key(r, r->skipped, K_SKIPPED_1, K_SKIPPED)));
    if (r->bad) strbuf_printf(b, "<li><b>%u</b>%s</li>", (unsigned)r->bad, T(r, count_key(r, r->bad, K_BAD_1, K_BAD)));
    strbuf_puts(b, "</ul>\n");
    if (r->first_started[0] && r->last_finished[0]) {
        char a[32], z[32];
        snprintf(a, sizeof a, "%.10s %.5s", r->first_started, strlen(r->first_started) > 11 ? r->first_started + 11 : "");
        snprintf(z, sizeof z, "%.10s %.5s", r->last_finished, strlen(r->last_finished) > 11 ? r->last_finished + 11 : "");
        strbuf_puts(b, "<p>");
        put_tpl(b, T(r, K_FROM_TO), a, z, NULL, NULL);
        strbuf_puts(b, "</p>\n");
    }
    if (r->n_workshops) {
        strbuf_printf(b, "<p>%s ", T(r, K_WORKSHOPS));
        for (uint16_t i = 0; i < r->n_workshops; i++) {
            if (i) strbuf_puts(b, ", ");
            strbuf_puts(b, "<code>");
            strbuf_html(b, r->workshops[i]);
            strbuf_puts(b, "</code>");
        }
        strbuf_puts(b, "</p>\n");
    }
    if (inputs && *inputs) {
        strbuf_printf(b, "<p class=\"muted\">%s <code>", T(r, K_INPUTS));
        strbuf_html(b, inputs);
        strbuf_puts(b, "</code></p>\n");
    }
}

static void put_problems(StrBuf *b, const Report *r) {
    if (!r->diags.count) return;
    strbuf_printf(b, "<h2>%s</h2>\n<ul class=\"problems\">", T(r, K_PROBLEMS));
    for (size_t i = 0; i < r->diags.count; i++) {
        const Diag *d = &r->diags.items[i];
        strbuf_puts(b, "<li><code>");
        strbuf_html(b, d->file);
        if (d->line) strbuf_printf(b, ":%u:%u", (unsigned)d->line, (unsigned)d->col);
        strbuf_puts(b, "</code> ");
        strbuf_html(b, d->message);
        if (d->hint && *d->hint) {
            strbuf_puts(b, " <span class=\"muted\">— ");
            strbuf_html(b, d->hint);
            strbuf_puts(b, "</span>");
        }
        strbuf_puts(b, "</li>");
    }
    strbuf_puts(b, "</ul>\n");
    if (r->diags.dropped) {
        strbuf_puts(b, "<p>");
        char n1[24];
        snprintf(n1, sizeof n1, "%zu", r->diags.dropped);
        put_tpl(b, T(r, count_key(r, r->diags.dropped, K_PROBLEMS_MORE_1, K_PROBLEMS_MORE)), n1, NULL, NULL, NULL);
        strbuf_puts(b, "</p>\n");
    }
}

static void put_focus(StrBuf *b, const Report *r) {
    if (!r->plays) return;
    strbuf_printf(b, "<h2>%s</h2>\n", T(r, K_FOCUS));
    if (!r->n_focus) {
        strbuf_printf(b, "<p>%s</p>\n", T(r, K_FOCUS_NONE));
        return;
    }
    strbuf_puts(b, "<ol class=\"focus\">");
    for (uint16_t i = 0; i < r->n_focus; i++) {
        const ReportCompetency *c = &r->comps[r->focus[i]];
        char p[32];
        fmt_percent(p, sizeof p, report_percent(c->mastery[RM_ACQUIRED], c->assessed), r->lang);
        strbuf_puts(b, "<li><b>");
        put_comp_name(b, r, c);
        strbuf_puts(b, "</b> — ");
        char n1[16], n2[16], n3[16];
        put_tpl(b, T(r, K_FOCUS_ITEM), p, u32s(n1, c->mastery[RM_ACQUIRED]), u32s(n2, c->assessed),
                u32s(n3, (uint32_t)c->median));
        strbuf_puts(b, "</li>");
    }
    strbuf_puts(b, "</ol>\n");
}

char *report_html(const Report *r, const char *inputs) {
    StrBuf b = {0};
    strbuf_printf(&b,
                  "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"enjeux report\">\n<title>%s — Enjeux</title>\n<style>%s</style>\n"
                  "</head>\n<body>\n<header><h1>%s</h1><p class=\"sub\">%s</p></header>\n<main>\n",
                  lang_code(r->lang), T(r, K_TITLE), CSS, T(r, K_TITLE), T(r, K_SUBTITLE));
    put_summary(&b, r, inputs);
    if (!r->plays) strbuf_printf(&b, "<p class=\"note\">%s</p>\n", T(r, K_NO_PLAYS));
    put_focus(&b, r);
    put_problems(&b, r);
    for (uint16_t i = 0; i < r->n_scenarios; i++) put_scenario(&b, r, &r->scenarios[i]);
    strbuf_printf(&b, "</main>\n<footer><p>%s</p></footer>\n</body>\n</html>\n", T(r, K_FOOTER));
    return strbuf_take(&b);
}

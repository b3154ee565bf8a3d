/* bench_analyze.c — the figures of issue 7 for `enjeux analyze`:
 *   1. exact analysis of every shipped scenario (scenarios/ * /scenario.json):
 *      CPU seconds in total, target < 1 s on one core;
 *   2. the sampled fallback (random playthroughs past --max-states) on a
 *      generated 200-decision scenario: decisions per CPU second, target
 *      >= 4,000,000;
 *   3. exact analysis of that generated scenario (10 acts × 20 decisions ×
 *      3 options, 3 meters, the best ending reachable by one consistent
 *      line of choices only): finds that ending and the exact meter ranges,
 *      target < 1 s.
 * Each figure is the median of RUNS runs (CPU time of the process, clock(),
 * so that other jobs on a shared machine do not count).
 *
 * Usage: bench_analyze [RUNS (default 5)] [--write-ink FILE]
 * With --write-ink it also writes the same generated scenario as an ink
 * story, for tests/bench/ink/bench_ink.js (inkjs, side by side). Run from
 * the repository root on an optimised build; see tests/bench/README.md. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/analyze.h"
#include "core/scenario.h"
#include "bench.h"

enum { ACTS = 10, PER_ACT = 20, DECISIONS = ACTS * PER_ACT, SAMPLED_RUNS = 20000 };

/* The generated scenario. Each decision: "ligne" keeps the consistent line
 * (coherence +1, evidence +2), "compromis" (budget +1, trust -1, evidence
 * +1) and "raccourci" (budget -1, trust +1, evidence -1) break it
 * (coherence -200, clamped to 0). The last decision routes to
 * fin-exemplaire when coherence reached 200 — only the line of 200
 * "ligne" does — else by trust. */
static char *generate(size_t *len) {
    BenchText t = bench_text();
    bench_put(&t, "{\"format\": 1, \"id\": \"bench-analyse\", \"version\": \"1.0.0\",\n"
            "\"title\": {\"fr\": \"Banc d'essai\", \"en\": \"Benchmark\"},\n"
            "\"summary\": {\"fr\": \"Scénario généré.\", \"en\": \"Generated scenario.\"},\n"
            "\"sector\": {\"fr\": \"Test\", \"en\": \"Test\"}, \"level\": 1, \"minutes\": 60,\n"
            "\"languages\": [\"fr\", \"en\"], \"authors\": [\"bench\"], \"licence\": \"CC0-1.0\",\n"
            "\"competencies\": [\"prudence\"],\n"
            "\"tool\": {\"name\": \"Outil\", \"description\": \"Un outil.\", \"kind\": \"other\", \"provider\": \"X\", \"risk\": \"minimal\"},\n"
            "\"role\": \"Rôle.\", \"context\": \"Contexte.\",\n"
            "\"meters\": [\n"
            "  {\"id\": \"coherence\", \"label\": \"Cohérence\", \"min\": 0, \"max\": %d, \"initial\": 0, \"good\": \"high\"},\n"
            "  {\"id\": \"budget\", \"label\": \"Budget\", \"min\": 0, \"max\": 10, \"initial\": 5, \"good\": \"high\"},\n"
            "  {\"id\": \"confiance\", \"label\": \"Confiance\", \"min\": 0, \"max\": 10, \"initial\": 5, \"good\": \"high\"}],\n"
            "\"start\": \"s-1-1\",\n\"scenes\": [\n",
        DECISIONS);
    for (int a = 1; a <= ACTS; a++)
        for (int d = 1; d <= PER_ACT; d++) {
            char next[400];
            if (d < PER_ACT)
                snprintf(next, sizeof next, "\"s-%d-%d\"", a, d + 1);
            else if (a < ACTS)
                snprintf(next, sizeof next, "\"s-%d-1\"", a + 1);
            else
                snprintf(next, sizeof next,
                         "[{\"if\": {\"meter\": \"coherence\", \"op\": \">=\", \"value\": %d}, \"goto\": \"fin-exemplaire\"},"
                         " {\"if\": {\"meter\": \"confiance\", \"op\": \">=\", \"value\": 6}, \"goto\": \"fin-bonne\"},"
                         " {\"goto\": \"fin-moyenne\"}]",
                         DECISIONS);
            bench_put(&t,
                "%s{\"id\": \"s-%d-%d\", \"act\": %d, \"text\": \"Décision %d de l'acte %d.\", \"choices\": [\n"
                "  {\"id\": \"ligne\", \"text\": \"Tenir la ligne\", \"effects\": {\"meters\": {\"coherence\": 1}, \"evidence\": {\"prudence\": 2}},"
                " \"feedback\": {\"text\": \"Ligne.\"}, \"next\": %s},\n"
                "  {\"id\": \"compromis\", \"text\": \"Compromis\", \"effects\": {\"meters\": {\"coherence\": -%d, \"budget\": 1, \"confiance\": -1}, \"evidence\": {\"prudence\": 1}},"
                " \"feedback\": {\"text\": \"Compromis.\"}, \"next\": %s},\n"
                "  {\"id\": \"raccourci\", \"text\": \"Raccourci\", \"effects\": {\"meters\": {\"coherence\": -%d, \"budget\": -1, \"confiance\": 1}, \"evidence\": {\"prudence\": -1}},"
                " \"feedback\": {\"text\": \"Raccourci.\"}, \"next\": %s}]}\n",
                (a == 1 && d == 1) ? "" : ",", a, d, a, d, a, next, DECISIONS, next, DECISIONS, next);
        }
    bench_put(&t, "],\n\"endings\": [\n"
            "  {\"id\": \"fin-exemplaire\", \"title\": \"Exemplaire\", \"text\": \"Fin exemplaire.\", \"tone\": \"positive\"},\n"
            "  {\"id\": \"fin-bonne\", \"title\": \"Bonne\", \"text\": \"Bonne fin.\", \"tone\": \"positive\"},\n"
            "  {\"id\": \"fin-moyenne\", \"title\": \"Moyenne\", \"text\": \"Fin moyenne.\", \"tone\": \"mixed\"}]}\n");
    *len = t.len;
    return t.s;
}

/* The same story in ink: one knot per decision, three options with the
 * same effects (clamped like the engine's meters), the same endings. */
static void write_ink(const char *path) {
    BenchText t = bench_text();
    bench_put(&t, "VAR coherence = 0\nVAR budget = 5\nVAR confiance = 5\n-> s_1_1\n"
            "=== function clamp(x, lo, hi) ===\n{ x < lo:\n  ~ return lo\n}\n{ x > hi:\n  ~ return hi\n}\n~ return x\n");
    for (int a = 1; a <= ACTS; a++)
        for (int d = 1; d <= PER_ACT; d++) {
            char next[32];
            if (d < PER_ACT)
                snprintf(next, sizeof next, "s_%d_%d", a, d + 1);
            else if (a < ACTS)
                snprintf(next, sizeof next, "s_%d_1", a + 1);
            else
                snprintf(next, sizeof next, "fin");
            bench_put(&t,
                "=== s_%d_%d ===\nDécision %d de l'acte %d.\n"
                "* [Tenir la ligne]\n  ~ coherence = clamp(coherence + 1, 0, %d)\n  -> %s\n"
                "* [Compromis]\n  ~ coherence = 0\n  ~ budget = clamp(budget + 1, 0, 10)\n  ~ confiance = clamp(confiance - 1, 0, 10)\n  -> %s\n"
                "* [Raccourci]\n  ~ coherence = 0\n  ~ budget = clamp(budget - 1, 0, 10)\n  ~ confiance = clamp(confiance + 1, 0, 10)\n  -> %s\n",
                a, d, d, a, DECISIONS, next, next, next);
        }
    bench_put(&t, "=== fin ===\n{ coherence >= %d: Fin exemplaire. -> END }\n{ confiance >= 6: Bonne fin. -> END }\nFin moyenne.\n-> END\n",
        DECISIONS);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(t.s, 1, t.len, f) != t.len) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    fclose(f);
    free(t.s);
}

static double cpu_now(void) { return (double)clock() / CLOCKS_PER_SEC; }

typedef struct Loaded {
    Scenario *sc;
    Framework *fw;
    char name[256];
} Loaded;

static int load_shipped(Loaded *out, int max) {
    DIR *d = opendir("scenarios");
    if (!d) {
        fprintf(stderr, "run from the repository root (no scenarios/ here)\n");
        exit(1);
    }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        if (e->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s/scenario.json", e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        fclose(f);
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        out[n].fw = NULL;
        out[n].sc = scenario_load_auto(path, &out[n].fw, &dl);
        diag_list_free(&dl);
        if (!out[n].sc) continue;
        snprintf(out[n].name, sizeof out[n].name, "%s", e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

int main(int argc, char **argv) {
    int runs = 5;
    const char *ink = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--write-ink") == 0 && i + 1 < argc)
            ink = argv[++i];
        else
            runs = atoi(argv[i]);
    }
    if (runs < 1 || runs > 99) runs = 5;

    /* 1. the shipped scenarios */
    Loaded shipped[64];
    int n = load_shipped(shipped, 64);
    double times[99];
    printf("1. exact analysis of the %d shipped scenarios (CPU seconds, median of %d)\n", n, runs);
    for (int r = 0; r < runs; r++) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double t0 = cpu_now();
            Analysis *a = analysis_run(shipped[i].sc, shipped[i].fw, NULL);
            double dt = cpu_now() - t0;
            total += dt;
            if (r == 0)
                printf("   %-26s %8llu states %8llu transitions  %.3f s  %s\n", shipped[i].name,
                       a ? (unsigned long long)a->states : 0ULL, a ? (unsigned long long)a->transitions : 0ULL, dt,
                       a && analysis_full_coverage(a) ? "full coverage" : "NOT FULL");
            analysis_free(a);
        }
        times[r] = total;
    }
    printf("   total: %.3f s (target < 1 s)\n", bench_median(times, runs));
    for (int i = 0; i < n; i++) {
        scenario_free(shipped[i].sc);
        framework_free(shipped[i].fw);
    }

    /* the generated scenario */
    size_t len = 0;
    char *json = generate(&len);
    Scenario *sc = bench_load_generated(json, len);
    if (!sc) return 1;
    if (ink) {
        write_ink(ink);
        printf("(ink version written to %s)\n", ink);
    }

    /* 2. sampled fallback */
    double rates[99];
    printf("\n2. fallback: %d random playthroughs of the generated 200-decision scenario (--max-states 1000)\n", SAMPLED_RUNS);
    for (int r = 0; r < runs; r++) {
        AnalysisOptions o = {1000, SAMPLED_RUNS, (uint64_t)r + 1, 0};
        double t0 = cpu_now();
        Analysis *a = analysis_run(sc, NULL, &o);
        double dt = cpu_now() - t0;
        rates[r] = a ? (double)a->decisions / dt : 0;
        if (a)
            printf("   run %d: %llu decisions in %.3f s = %.0f decisions/s; coherence seen %lld..%lld (true 0..%d); fin-exemplaire %s\n",
                   r + 1, (unsigned long long)a->decisions, dt, rates[r], (long long)a->meters[0].min,
                   (long long)a->meters[0].max, DECISIONS, a->endings[0].reached ? "reached" : "never reached");
        analysis_free(a);
    }
    printf("   median: %.0f decisions per CPU second (target 4000000)\n", bench_median(rates, runs));

    /* 3. exact analysis of the generated scenario */
    printf("\n3. exact analysis of the generated 200-decision scenario\n");
    for (int r = 0; r < runs; r++) {
        double t0 = cpu_now();
        Analysis *a = analysis_run(sc, NULL, NULL);
        double dt = cpu_now() - t0;
        times[r] = dt;
        if (!a) {
            printf("   out of memory\n");
            return 1;
        }
        if (r == 0) {
            printf("   %llu states, %llu transitions, mode %s\n", (unsigned long long)a->states,
                   (unsigned long long)a->transitions, a->mode == ANALYSIS_EXACT ? "exact" : "SAMPLED");
            printf("   fin-exemplaire: %s, probability %.3g, %llu playthrough(s)\n",
                   a->endings[0].reached ? "reached" : "NOT REACHED", a->endings[0].probability,
                   (unsigned long long)a->endings[0].playthroughs.value);
            for (uint16_t m = 0; m < sc->n_meters; m++)
                printf("   meter %-10s %lld..%lld\n", sc->meters[m].id, (long long)a->meters[m].min, (long long)a->meters[m].max);
            printf("   playthroughs: %s%.4g\n", a->playthroughs.saturated ? "more than 2^64, about " : "",
                   a->playthroughs.approx);
        }
        analysis_free(a);
    }
    printf("   time: %.3f s (median of %d, target < 1 s)\n", bench_median(times, runs), runs);
    scenario_free(sc);
    return 0;
}

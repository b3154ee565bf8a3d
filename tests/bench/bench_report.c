/* bench_report.c — how long `enjeux report` takes on a big workshop: plays
 * PLAYS (10,000) random playthroughs of the bundled scenarios with the
 * engine, writes each as a results file (format 2) in a temporary folder,
 * then times the report as the command builds it: reading and checking
 * every file, merging, attaching the scenarios' texts, and writing the
 * HTML, the CSV and report-data.json. Target (issue 8): under 2 seconds.
 *
 *   build/bench_report [PLAYS (10000)] [RUNS (3)] [SCENARIOS_DIR (scenarios)]
 *
 * Run from the repository root on an optimised build. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/engine.h"
#include "core/framework.h"
#include "core/report.h"
#include "core/rng.h"
#include "core/scenario.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *mastery(Mastery m) {
    static const char *const S[] = {"not_assessed", "to_work_on", "in_progress", "acquired"};
    return S[m];
}

/* One play as a results file (format 2); returns the bytes written. */
static size_t write_play(const char *dir, const Session *s, uint32_t i, Rng *rng) {
    const Scenario *sc = session_scenario(s);
    char path[4096], id[33];
    snprintf(id, sizeof id, "%016llx%016llx", (unsigned long long)rng_next(rng), (unsigned long long)i);
    snprintf(path, sizeof path, "%s/%s.json", dir, id);
    FILE *f = fopen(path, "w");
    if (!f) return 0;
    char hash[17];
    scenario_hash_hex(sc, hash);
    const Ending *e = session_ending(s);
    static const char *const TONES[] = {"positive", "mixed", "negative"};
    fprintf(f,
            "{\n  \"format\": 2,\n  \"play_id\": \"%s\",\n  \"pseudonym\": \"Joueur %u\",\n  \"workshop\": \"BENCH\",\n"
            "  \"scenario\": {\"id\": \"%s\", \"version\": \"%s\", \"content_hash\": \"%s\", \"level\": %u},\n"
            "  \"lang\": \"fr\",\n  \"seed\": \"%u\",\n  \"started\": \"2026-11-20T09:00:00Z\",\n"
            "  \"finished\": \"2026-11-20T09:20:00Z\",\n  \"ending\": {\"id\": \"%s\", \"tone\": \"%s\"},\n"
            "  \"meters\": {",
            id, (unsigned)i, sc->id, sc->version, hash, (unsigned)sc->level, (unsigned)i, e->id, TONES[e->tone]);
    for (uint16_t m = 0; m < sc->n_meters; m++)
        fprintf(f, "%s\"%s\": %d", m ? ", " : "", sc->meters[m].id, (int)session_meter(s, m));
    fputs("},\n  \"decisions\": [", f);
    for (uint32_t k = 0; k < session_step_count(s); k++) {
        const StepResult *st = session_step(s, k);
        const Scene *scene = &sc->scenes[st->scene];
        fprintf(f, "%s\n    {\"scene\": \"%s\", \"choice\": \"%s\", \"time_ms\": %u, \"meters_before\": {}, "
                   "\"meters_after\": {}, \"evidence\": []}",
                k ? "," : "", scene->id, scene->choices[st->choice].id, (unsigned)(5000 + rng_below(rng, 90000)));
    }
    fputs("\n  ],\n  \"competencies\": [", f);
    CompetencyScore cs[LIMIT_COMPETENCIES];
    uint16_t n = session_scores(s, cs);
    for (uint16_t k = 0; k < n; k++) {
        fprintf(f, "%s\n    {\"id\": \"%s\", \"targeted\": %s, \"score\": ", k ? "," : "", sc->competencies[cs[k].competency],
                cs[k].competency < sc->n_targeted ? "true" : "false");
        if (cs[k].score >= 0) fprintf(f, "%d", (int)cs[k].score);
        else fputs("null", f);
        fprintf(f, ", \"earned\": %d, \"best\": %d, \"mastery\": \"%s\"}", (int)cs[k].earned, (int)cs[k].best,
                mastery(cs[k].mastery));
    }
    fputs("\n  ],\n  \"badges\": []\n}\n", f);
    long size = ftell(f);
    fclose(f);
    return size > 0 ? (size_t)size : 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    uint32_t plays = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 10000;
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    const char *sdir = argc > 3 ? argv[3] : "scenarios";
    static const char *const IDS[] = {"urgences-triage", "mairie-chatbot", "recrutement-cv", "usine-maintenance"};
    enum { N_SC = sizeof IDS / sizeof *IDS };
    Scenario *sc[N_SC];
    Framework *fw[N_SC];
    for (int k = 0; k < N_SC; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/scenario.json", sdir, IDS[k]);
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        sc[k] = scenario_load_auto(path, &fw[k], &dl);
        diag_list_free(&dl);
        if (!sc[k]) {
            fprintf(stderr, "bench_report: cannot load %s (run from the repository root)\n", path);
            return 1;
        }
    }
    char dir[] = "/tmp/enjeux-bench-report-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    Rng rng, picker;
    rng_seed(&rng, 42);
    rng_seed(&picker, 7);
    double t0 = now();
    size_t bytes = 0, decisions = 0;
    for (uint32_t i = 0; i < plays; i++) {
        int k = (int)(i % N_SC);
        Session *s = session_create(sc[k], fw[k], i, LANG_FR);
        while (s && !session_is_over(s)) session_choose_random(s, &picker);
        if (!s) return 1;
        decisions += session_step_count(s);
        bytes += write_play(dir, s, i, &rng);
        session_destroy(s);
    }
    printf("generated %u plays of %d scenarios (%zu decisions, %.1f MB of results files) in %.2f s\n",
           (unsigned)plays, N_SC, decisions, (double)bytes / 1e6, now() - t0);

    /* The file list, as the command walks it. */
    char **files = malloc(plays * sizeof *files);
    size_t n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && n < plays)
        if (e->d_name[0] != '.') {
            files[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
            sprintf(files[n++], "%s/%s", dir, e->d_name);
        }
    if (d) closedir(d);
    qsort(files, n, sizeof *files, cmp_str);

    double best = 1e9;
    for (int run = 1; run <= runs; run++) {
        double a = now();
        clock_t c0 = clock();
        Report *r = report_create(LANG_FR);
        for (size_t i = 0; i < n; i++) report_add_file(r, files[i]);
        double b = now();
        report_finish(r, sdir);
        double c = now();
        char *html = report_html(r, dir), *csv = report_csv(r), *json = report_json(r);
        double t = now() - a;
        double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
        printf("run %d: %u plays read in %.3f s, finished in %.3f s, written in %.3f s: total %.3f s wall, %.3f s CPU "
               "(HTML %zu KB, CSV %zu KB, data %zu KB)%s\n",
               run, (unsigned)r->plays, b - a, c - b, now() - c, t, cpu, html ? strlen(html) / 1024 : 0,
               csv ? strlen(csv) / 1024 : 0, json ? strlen(json) / 1024 : 0, r->bad ? " — SOME FILES BAD" : "");
        if (t < best) best = t;
        free(html);
        free(csv);
        free(json);
        report_destroy(r);
    }
    printf("best: %.3f s for %u plays (target: under 2 s) — %s\n", best, (unsigned)plays, best < 2.0 ? "met" : "MISSED");
    for (size_t i = 0; i < n; i++) {
        unlink(files[i]);
        free(files[i]);
    }
    free(files);
    rmdir(dir);
    for (int k = 0; k < N_SC; k++) {
        scenario_free(sc[k]);
        framework_free(fw[k]);
    }
    return best < 2.0 ? 0 : 1;
}

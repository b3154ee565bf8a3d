/* gen_results.c — writes the results files (JSON, CSV, xAPI) of seeded
 * random plays of each scenario given, for the checks that read them with
 * other tools (tests/xapi/check_xapi.py: JSON Schema, xapi-validation).
 *
 * usage: gen_results OUT_DIR PLAYS SCENARIO.json…   (exit 1 on any failure) */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/results.h"
#include "core/rng.h"

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: gen_results OUT_DIR PLAYS SCENARIO.json…\n");
        return 2;
    }
    int plays = atoi(argv[2]);
    int failures = 0, written = 0;
    for (int a = 3; a < argc; a++) {
        DiagList dl;
        diag_list_init(&dl, LANG_EN);
        Framework *fw = NULL;
        Scenario *sc = scenario_load_auto(argv[a], &fw, &dl);
        diag_list_free(&dl);
        if (!sc) {
            fprintf(stderr, "%s: does not load\n", argv[a]);
            framework_free(fw);
            failures++;
            continue;
        }
        Rng picker;
        rng_seed(&picker, (uint64_t)a);
        for (int p = 0; p < plays; p++) {
            Session *s = session_create(sc, fw, (uint64_t)p + 1, p % 2 ? LANG_EN : LANG_FR);
            uint32_t times[512];
            int64_t at[512];
            int64_t t0 = INT64_C(1795314000000) + (int64_t)p * 3600000;
            uint32_t n = 0;
            while (!session_is_over(s) && session_choose_random(s, &picker)) {
                if (n < 512) {
                    times[n] = 1000 + 137 * n;
                    at[n] = t0 + 2000 * (int64_t)(n + 1);
                    n++;
                }
            }
            if (!session_is_over(s)) {
                session_destroy(s);
                continue; /* a dead end: no results to write */
            }
            PlayMeta m = {.pseudonym = p % 3 ? "Loutre" : "Élan « test »",
                          .workshop = p % 2 ? "ATELIER-1" : NULL,
                          .started_ms = t0,
                          .finished_ms = t0 + 2000 * (int64_t)(n + 2),
                          .time_ms = times,
                          .at_ms = at,
                          .n_decisions = n};
            snprintf(m.play_id, sizeof m.play_id, "%08x%04x4%03x8%03x%012x", (unsigned)a, (unsigned)p & 0xFFFFu,
                     (unsigned)p & 0xFFFu, (unsigned)a & 0xFFFu, (unsigned)a);
            char err[2048];
            if (!results_write(argv[1], s, fw, &m, NULL, 0, err, sizeof err, NULL)) {
                fprintf(stderr, "%s\n", err);
                failures++;
            } else written++;
            session_destroy(s);
        }
        scenario_free(sc);
        framework_free(fw);
    }
    printf("%d plays written to %s\n", written, argv[1]);
    return failures || written == 0 ? 1 : 0;
}

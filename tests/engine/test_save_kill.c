/* test_save_kill.c — saves survive SIGKILL: a child process writes two
 * different saves to one file in a loop, as fast as it can; the parent
 * kills it with SIGKILL at random moments, 200 times. After each kill the
 * file must load and hold exactly one of the two saves, never a mix or a
 * truncated file. POSIX only (fork, kill). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/engine.h"
#include "core/rng.h"
#include "core/save.h"
#include "engine/check.h"
#include "engine/fixture.h"

enum { KILLS = 200 };

int main(void) {
    Framework *fw = fixture_framework();
    Scenario *sc = fixture_scenario(FIXTURE_DIR "mini/scenario.json", fw);
    CHECK(fw && sc);
    if (!fw || !sc) CHECK_DONE();
    Session *a = session_create(sc, fw, 1, LANG_FR);
    session_choose_id(a, "aipd");
    Session *b = session_create(sc, fw, 2, LANG_EN);
    session_choose_id(b, "attendre");
    session_choose_id(b, "former");
    session_choose_id(b, "publier");
    char *ja = save_to_json(a), *jb = save_to_json(b);
    CHECK(ja && jb && strcmp(ja, jb) != 0);

    char path[64];
    snprintf(path, sizeof path, "build-kill-test-%ld.json", (long)getpid());
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    CHECK(save_write(a, path, &dl));

    Rng rng;
    rng_seed(&rng, 12345);
    int loaded_a = 0, loaded_b = 0;
    for (int k = 0; k < KILLS; k++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            DiagList cdl;
            diag_list_init(&cdl, LANG_EN);
            for (unsigned long i = 0;; i++) save_write((i & 1) ? b : a, path, &cdl);
        }
        /* let it write for 0 to 20 ms, then kill it mid-flight */
        struct timespec ts = {0, (long)rng_below(&rng, 20000) * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

        size_t len = 0;
        char *text = fixture_read(path, &len);
        CHECK(text != NULL);
        if (text) {
            bool is_a = strcmp(text, ja) == 0, is_b = strcmp(text, jb) == 0;
            if (!is_a && !is_b) {
                fprintf(stderr, "kill %d: the save holds neither version (%zu bytes)\n", k, len);
                check_failures++;
            }
            loaded_a += is_a;
            loaded_b += is_b;
        }
        free(text);
        Save *sv = save_load(path, &dl);
        CHECK(sv != NULL);
        save_free(sv);
        diag_list_free(&dl);
    }
    fprintf(stderr, "%d kills: old/new save A %d times, B %d times\n", KILLS, loaded_a, loaded_b);
    remove(path);
    char tmp[80];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    remove(tmp);
    free(ja);
    free(jb);
    session_destroy(a);
    session_destroy(b);
    scenario_free(sc);
    framework_free(fw);
    CHECK_DONE();
}

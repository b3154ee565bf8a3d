/* test_store_kill.c — the player's settings.json, progress.json and
 * profiles.json survive SIGKILL. For each file, a child process runs the
 * game's own writer (settings_save, progress_save, profiles_save) in a loop,
 * alternating two different contents, as fast as it can; the parent kills
 * it with SIGKILL at a random moment (0 to 20 ms), KILLS times per file.
 * After each kill the file must load through the game's loader without
 * any issue or recovery, and hold exactly the old or the new content: at
 * most the write in progress is lost. POSIX only (fork, kill).
 *
 * usage: reliability_store_sigkill [KILLS [SEED]] (run from the source
 * folder; the seed is printed so a failing series can be replayed) */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/profile.h"
#include "core/progress.h"
#include "core/rng.h"
#include "core/settings.h"
#include "engine/check.h"
#include "engine/fixture.h"

typedef enum Store { STORE_SETTINGS, STORE_PROGRESS, STORE_PROFILES, STORE_COUNT } Store;
static const char *const STORE_FILE[STORE_COUNT] = {"settings.json", "progress.json", "profiles.json"};

/* The two contents each writer alternates between. */
typedef struct Pair {
    Settings set[2];
    Progress *prog[2];
    ProfileList prof[2];
    char *text[2];           /* the file's bytes for each content */
} Pair;

static char dir[256];        /* the temporary folder, trailing '/' */

static bool write_one(Store st, Pair *p, int which) {
    char path[320];
    int err = 0;
    snprintf(path, sizeof path, "%s%s", dir, STORE_FILE[st]);
    switch (st) {
    case STORE_SETTINGS: return settings_save(&p->set[which], path, &err);
    case STORE_PROGRESS: return progress_save(p->prog[which], dir, &err);
    case STORE_PROFILES: return profiles_save(&p->prof[which], dir, &err);
    default: return false;
    }
}

static void add_play(Progress *pr, const char *scenario, const char *play_id, int32_t score, uint8_t badges) {
    ProgressPlay play;
    memset(&play, 0, sizeof play);
    play.scenario = scenario;
    play.version = "1.0";
    play.level = 1;
    play.date = "2026-11-22T05:00:00Z";
    play.play_id = play_id;
    play.ending = "fin";
    play.scores[0] = (ProgressScore){"C1.1", score, score >= 75 ? MASTERY_ACQUIRED : MASTERY_IN_PROGRESS};
    play.scores[1] = (ProgressScore){"C2.3", -1, MASTERY_NOT_ASSESSED};
    play.n_scores = 2;
    play.badges = badges;
    CHECK(progress_add_play(pr, &play));
}

static void profile_entry(ProfileList *pl, const char *id, const char *pseudonym) {
    Profile *p = &pl->items[pl->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->id, sizeof p->id, "%s", id);
    snprintf(p->pseudonym, sizeof p->pseudonym, "%s", pseudonym);
    snprintf(p->created, sizeof p->created, "2026-11-22T05:00:00Z");
    snprintf(pl->last, sizeof pl->last, "%s", id);
}

static void make_pair(Pair *p) {
    memset(p, 0, sizeof *p);
    settings_defaults(&p->set[0]);
    p->set[0].lang_auto = false;
    p->set[0].lang = LANG_FR;
    p->set[1] = p->set[0];
    p->set[1].lang = LANG_EN;
    p->set[1].ints[SET_TEXT_SIZE] = settings_range(SET_TEXT_SIZE)->max;
    p->set[1].high_contrast = true;
    p->set[1].reveal = REVEAL_INSTANT;

    p->prog[0] = progress_create();
    p->prog[1] = progress_create();
    CHECK(p->prog[0] && p->prog[1]);
    add_play(p->prog[0], "alpha", "0123456789abcdef0123456789abcdef", 40, 0);
    add_play(p->prog[1], "alpha", "0123456789abcdef0123456789abcdef", 40, 0);
    add_play(p->prog[1], "beta", "fedcba9876543210fedcba9876543210", 90, 1);

    profile_entry(&p->prof[0], "0a1b2c3d", "Zoë");
    p->prof[1] = p->prof[0];
    profile_entry(&p->prof[1], "9f8e7d6c", "Élise Martin");
}

/* What the game's loader makes of the file now, as text to compare with
 * the two contents; NULL (and a failure counted) when it had to fall back
 * to defaults or recover. */
static char *load_as_text(Store st) {
    char path[320];
    snprintf(path, sizeof path, "%s%s", dir, STORE_FILE[st]);
    if (st == STORE_SETTINGS) {
        Settings s;
        SettingsReport rep;
        bool ok = settings_load(&s, path, &rep);
        if (!ok || rep.missing) {
            fprintf(stderr, "settings.json: %s (%d issues)\n", rep.missing ? "missing" : "not clean", rep.n);
            return NULL;
        }
        return settings_to_json(&s);
    }
    if (st == STORE_PROGRESS) {
        ProgressLoadReport rep;
        Progress *pr = progress_load(dir, &rep);
        char *t = pr && rep.status == PROGRESS_LOADED ? progress_to_text(pr) : NULL;
        if (!t) fprintf(stderr, "progress.json: status %d, not loaded as written\n", (int)rep.status);
        progress_free(pr);
        return t;
    }
    ProfileList pl;
    ProfileLoadReport rep;
    if (!profiles_load(&pl, dir, &rep) || rep.status != PROFILES_LOADED || rep.adopted) {
        fprintf(stderr, "profiles.json: status %d, not loaded as written\n", (int)rep.status);
        return NULL;
    }
    size_t len = 0;
    return fixture_read(path, &len);
}

/* The loader's view of each content, to compare with what it loads after a kill. */
static char *loaded_form(Store st, Pair *p, int which) {
    CHECK(write_one(st, p, which));
    return load_as_text(st);
}

static int run_store(Store st, Pair *p, int kills, Rng *rng) {
    char path[320], tmp[330];
    snprintf(path, sizeof path, "%s%s", dir, STORE_FILE[st]);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    char *want[2] = {loaded_form(st, p, 1), loaded_form(st, p, 0)};
    CHECK(want[0] && want[1] && strcmp(want[0], want[1]) != 0);
    if (!want[0] || !want[1]) return 1;
    int seen[2] = {0, 0}, stale_tmp = 0, bad = 0;
    for (int k = 0; k < kills; k++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            exit(1);
        }
        if (pid == 0) {
            for (unsigned long i = 0;; i++) write_one(st, p, (int)((i + 1) & 1));
        }
        struct timespec ts = {0, (long)rng_below(rng, 20000) * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        stale_tmp += fsutil_kind(tmp) != FS_KIND_NONE;
        char *got = load_as_text(st);
        int which = !got ? -1 : strcmp(got, want[0]) == 0 ? 0 : strcmp(got, want[1]) == 0 ? 1 : -1;
        if (which < 0) {
            fprintf(stderr, "%s, kill %d: the file holds neither the old nor the new content\n", STORE_FILE[st], k);
            bad++;
        } else {
            seen[which]++;
        }
        free(got);
    }
    /* A temporary file left by a kill is replaced by the next write, and
     * none stays after a write that completes. */
    CHECK(write_one(st, p, 0));
    CHECK(fsutil_kind(tmp) == FS_KIND_NONE);
    fprintf(stderr, "%s: %d kills: content A %d times, B %d times, %d broken; %d kills left a .tmp\n",
            STORE_FILE[st], kills, seen[0], seen[1], bad, stale_tmp);
    /* Kills that always landed on the same content would test little. */
    CHECK(seen[0] > 0 && seen[1] > 0);
    free(want[0]);
    free(want[1]);
    return bad;
}

int main(int argc, char **argv) {
    int kills = argc > 1 ? atoi(argv[1]) : 200;
    unsigned long long seed = argc > 2 ? strtoull(argv[2], NULL, 10) : (unsigned long long)time(NULL);
    fprintf(stderr, "seed %llu (rerun: reliability_store_sigkill %d %llu)\n", seed, kills, seed);
    snprintf(dir, sizeof dir, "build-store-kill-%ld/", (long)getpid());
    int err = 0;
    CHECK(fsutil_mkdirs(dir, &err));
    Pair p;
    make_pair(&p);
    Rng rng;
    rng_seed(&rng, seed);
    for (int st = 0; st < STORE_COUNT; st++) check_failures += run_store((Store)st, &p, kills, &rng);
    progress_free(p.prog[0]);
    progress_free(p.prog[1]);
    dir[strlen(dir) - 1] = '\0';
    CHECK(fsutil_remove_tree(dir, &err));
    CHECK_DONE();
}

/* test_profile.c — profiles.json: create, list, pick, delete with all the
 * profile's data, pseudonym checks, recovery from a damaged list, and the
 * adoption of data written before profiles existed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/profile.h"
#include "engine/check.h"
#include "engine/fixture.h"

static char user[512];

static void write_text(const char *rel, const char *text) { fixture_write_text(user, rel, text); }

static bool exists(const char *rel) {
    char path[1024];
    snprintf(path, sizeof path, "%s%s", user, rel);
    return access(path, F_OK) == 0;
}

static void test_pseudonyms(void) {
    ProfileList pl;
    memset(&pl, 0, sizeof pl);
    char clean[PROFILE_PSEUDO_BYTES], bad[5];
    CHECK_INT(profile_check_pseudonym(&pl, "  Élodie   Martin ", clean, bad), PSEUDO_OK);
    CHECK_STR(clean, "Élodie Martin");
    CHECK_INT(profile_check_pseudonym(&pl, "Zoë-Anaïs_l’aînée", clean, bad), PSEUDO_OK);
    CHECK_INT(profile_check_pseudonym(&pl, "   ", clean, bad), PSEUDO_EMPTY);
    CHECK_INT(profile_check_pseudonym(&pl, "", clean, bad), PSEUDO_EMPTY);
    CHECK_INT(profile_check_pseudonym(&pl, "abcdefghijklmnopqrstuvwxyzabcdefg", clean, bad), PSEUDO_TOO_LONG);
    CHECK_INT(profile_check_pseudonym(&pl, "abcdefghijklmnopqrstuvwxyzabcdef", clean, bad), PSEUDO_OK);
    CHECK_INT(profile_check_pseudonym(&pl, "a/b", clean, bad), PSEUDO_BAD_CHAR);
    CHECK_STR(bad, "/");
    CHECK_INT(profile_check_pseudonym(&pl, "x@y.fr", clean, bad), PSEUDO_BAD_CHAR);
    CHECK_STR(bad, "@");
    CHECK_INT(profile_check_pseudonym(&pl, "3×4", clean, bad), PSEUDO_BAD_CHAR);
    CHECK_STR(bad, "×");
    CHECK_INT(profile_check_pseudonym(&pl, "bad\xC3", clean, bad), PSEUDO_BAD_CHAR);
    CHECK_INT(profile_check_pseudonym(&pl, "tab\x01", clean, bad), PSEUDO_BAD_CHAR);
}

static void test_life_cycle(void) {
    ProfileList pl;
    ProfileLoadReport rep;
    CHECK(profiles_load(&pl, user, &rep));
    CHECK_INT(rep.status, PROFILES_NONE);
    CHECK_INT(pl.n, 0);
    PseudoCheck why;
    int err;
    int a = profiles_create(&pl, user, "Élise", 1, 1795000000, &why, &err);
    CHECK_INT(a, 0);
    int b = profiles_create(&pl, user, "Bastien", 2, 1795000001, &why, &err);
    CHECK_INT(b, 1);
    CHECK_INT(profiles_create(&pl, user, "ÉLISE", 3, 1795000002, &why, &err), -1);
    CHECK_INT(why, PSEUDO_DUPLICATE);
    CHECK_INT(profiles_create(&pl, user, "élise", 3, 1795000002, &why, &err), -1);
    CHECK_INT(why, PSEUDO_DUPLICATE);
    CHECK(strcmp(pl.items[0].id, pl.items[1].id) != 0);
    CHECK_STR(pl.last, pl.items[1].id);
    CHECK_STR(pl.items[0].created, "2026-11-18T11:06:40Z");
    char d0[1024], d1[1024];
    CHECK(profile_dir(user, pl.items[0].id, d0, sizeof d0));
    CHECK(profile_dir(user, pl.items[1].id, d1, sizeof d1));
    CHECK(fsutil_is_dir(d0));
    CHECK(fsutil_is_dir(d1));
    CHECK(profiles_pick(&pl, user, 0, &err));

    ProfileList again;
    CHECK(profiles_load(&again, user, &rep));
    CHECK_INT(rep.status, PROFILES_LOADED);
    CHECK_INT(rep.adopted, 0);
    CHECK_INT(again.n, 2);
    CHECK_STR(again.items[0].pseudonym, "Élise");
    CHECK_STR(again.last, pl.items[0].id);
    CHECK_INT(profiles_find(&again, "élise"), 0);
    CHECK_INT(profiles_find(&again, pl.items[1].id), 1);
    CHECK_INT(profiles_find(&again, "nobody"), -1);

    /* Delete Élise with all her data; Bastien's folder stays. */
    char rel[256];
    snprintf(rel, sizeof rel, "profiles/%s/results/a.json", pl.items[0].id);
    write_text(rel, "{}");
    snprintf(rel, sizeof rel, "profiles/%s/records/x/y.jsonl", pl.items[0].id);
    write_text(rel, "{}\n");
    CHECK(profiles_delete(&again, user, 0, &err));
    CHECK(!fsutil_is_dir(d0));
    CHECK(fsutil_is_dir(d1));
    CHECK_INT(again.n, 1);
    CHECK_STR(again.last, "");
    ProfileList after;
    CHECK(profiles_load(&after, user, &rep));
    CHECK_INT(after.n, 1);
    CHECK_STR(after.items[0].pseudonym, "Bastien");
}

static void test_damaged(void) {
    ProfileList pl;
    ProfileLoadReport rep;
    CHECK(profiles_load(&pl, user, &rep));
    CHECK_INT(pl.n, 1);
    char id[16];
    snprintf(id, sizeof id, "%s", pl.items[0].id);
    /* A truncated list: moved aside, the profile comes back from its folder. */
    write_text("profiles.json", "{\"format\":1,\"profiles\":[{\"id\":\"");
    CHECK(profiles_load(&pl, user, &rep));
    CHECK_INT(rep.status, PROFILES_RECOVERED);
    CHECK_INT(rep.line, 1);
    CHECK(strstr(rep.backup, "profiles.json.damaged") != NULL);
    CHECK(exists("profiles.json.damaged"));
    CHECK_INT(pl.n, 1);
    CHECK_STR(pl.items[0].id, id);
    CHECK_STR(pl.items[0].pseudonym, "Bastien");
    /* A second damage keeps the first backup. */
    write_text("profiles.json", "[]");
    CHECK(profiles_load(&pl, user, &rep));
    CHECK_INT(rep.status, PROFILES_RECOVERED);
    CHECK(exists("profiles.json.damaged.1"));
    CHECK_INT(pl.n, 1);
    /* A folder without profile.json is kept under its id; bad entries are
     * dropped, folders untouched. */
    write_text("profiles/0badc0de/settings.json", "{}");
    write_text("profiles.json", "{\"format\":1,\"last\":\"zz\",\"profiles\":[{\"id\":\"../../etc\",\"pseudonym\":\"x\"},"
                                "{\"id\":\"12345678\",\"pseudonym\":\"bad\\u0001\"},{\"id\":\"abcdef01\",\"pseudonym\":\"Ольга\"}]}");
    CHECK(profiles_load(&pl, user, &rep));
    CHECK_INT(rep.status, PROFILES_LOADED);
    CHECK_INT(rep.adopted, 2);
    CHECK_INT(pl.n, 3);
    CHECK_INT(profiles_find(&pl, "abcdef01"), 0); /* a later version's wider alphabet is kept */
    CHECK_STR(pl.items[0].pseudonym, "Ольга");
    CHECK(profiles_find(&pl, "0badc0de") >= 0);
    CHECK(profiles_find(&pl, "Bastien") >= 0);
    CHECK_STR(pl.last, "");
    /* Two entries with one long accented pseudonym: the second shows its id
     * after the pseudonym's first 21 characters, never half of an "é". */
    write_text("profiles.json", "{\"format\":1,\"profiles\":[{\"id\":\"abcdef02\",\"pseudonym\":\"Zoé Éléonore Bérénice Dupré\"},"
                                "{\"id\":\"abcdef03\",\"pseudonym\":\"Zoé Éléonore Bérénice Dupré\"}]}");
    CHECK(profiles_load(&pl, user, &rep));
    int k = profiles_find(&pl, "abcdef03");
    CHECK(k >= 0);
    if (k >= 0) CHECK_STR(pl.items[k].pseudonym, "Zoé Éléonore Bérénice (abcdef03)");
}

static void test_legacy(void) {
    write_text("saves/current.json", "{\"format\":1}");
    write_text("results/atelier.json", "{\"format\":1}");
    write_text("records/0123.jsonl", "{}\n");
    char pdir[1024];
    snprintf(pdir, sizeof pdir, "%sprofiles/0badc0de/", user);
    CHECK_INT(profile_adopt_legacy(user, pdir), 3);
    CHECK(exists("profiles/0badc0de/records/0123.jsonl"));
    CHECK(!exists("saves/current.json"));
    CHECK(exists("profiles/0badc0de/saves/current.json"));
    CHECK(exists("profiles/0badc0de/results/atelier.json"));
    /* Never overwrites what the profile has. */
    write_text("saves/current.json", "{\"format\":1,\"old\":true}");
    CHECK_INT(profile_adopt_legacy(user, pdir), 0);
    CHECK(exists("saves/current.json"));
}

int main(void) {
    if (!fixture_tmpdir(user, sizeof user, "enjeux-profile")) return 1;
    test_pseudonyms();
    test_life_cycle();
    test_damaged();
    test_legacy();
    fixture_tmpdir_remove(user);
    CHECK_DONE();
}

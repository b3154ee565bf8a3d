/* test_settings.c — the settings file: defaults and bounds, a round trip
 * through the file, and recovery from every kind of damage with the
 * exact line, column and message. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/settings.h"
#include "engine/check.h"

static bool same(const Settings *a, const Settings *b) {
    if (a->lang_auto != b->lang_auto || (!a->lang_auto && a->lang != b->lang)) return false;
    for (int i = 0; i < SET_INT_COUNT; i++)
        if (a->ints[i] != b->ints[i]) return false;
    return a->high_contrast == b->high_contrast && a->colorblind == b->colorblind &&
           a->dyslexic_font == b->dyslexic_font && a->reduced_motion == b->reduced_motion && a->reveal == b->reveal &&
           a->self_voicing == b->self_voicing && a->window == b->window &&
           strcmp(a->workshop_code, b->workshop_code) == 0 && strcmp(a->export_dir, b->export_dir) == 0;
}

static void test_defaults(void) {
    Settings s;
    settings_defaults(&s);
    CHECK_MSG(s.lang_auto, "language follows the system by default");
    CHECK_MSG(s.ints[SET_TEXT_SIZE] == 100 && s.ints[SET_LINE_SPACING] == 130 && s.ints[SET_DISPLAY_SCALE] == 100,
              "default sizes");
    CHECK_MSG(!s.high_contrast && !s.colorblind && !s.dyslexic_font && !s.reduced_motion && !s.self_voicing,
              "options off by default");
    CHECK_MSG(s.reveal == REVEAL_INSTANT && s.window == WINDOW_WINDOWED, "instant text, windowed");
    for (int i = 0; i < SET_INT_COUNT; i++) {
        const SettingsRange *r = settings_range((SettingsInt)i);
        CHECK_MSG(r->min <= r->def && r->def <= r->max && r->step > 0 && (r->max - r->min) % r->step == 0 &&
                      (r->def - r->min) % r->step == 0,
                  "range of %s", r->key);
    }
    CHECK_MSG(settings_range(SET_TEXT_SIZE)->min == 100 && settings_range(SET_TEXT_SIZE)->max == 200,
              "text size 100-200 %%");
}

static void test_round_trip(const char *dir) {
    Settings s, back;
    settings_defaults(&s);
    s.lang_auto = false;
    s.lang = LANG_EN;
    s.ints[SET_TEXT_SIZE] = 200;
    s.ints[SET_LINE_SPACING] = 170;
    s.ints[SET_TEXT_SPEED] = 90;
    s.ints[SET_DISPLAY_SCALE] = 80;
    s.high_contrast = s.colorblind = s.dyslexic_font = s.reduced_motion = s.self_voicing = true;
    s.reveal = REVEAL_PROGRESSIVE;
    s.window = WINDOW_FULLSCREEN;
    snprintf(s.workshop_code, sizeof s.workshop_code, "LYON-2026-11");
    snprintf(s.export_dir, sizeof s.export_dir, "/media/clé \"USB\"\\atelier");
    char path[512];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    int err = 0;
    CHECK_MSG(settings_save(&s, path, &err), "save: %s", strerror(err));
    SettingsReport rep;
    CHECK_MSG(settings_load(&back, path, &rep) && rep.n == 0 && !rep.missing, "reload without issue (%d)", rep.n);
    CHECK_MSG(same(&s, &back), "the settings survive the file");
    char *text = settings_to_json(&s);
    CHECK_MSG(text && strstr(text, "\"text_size\": 200") && strstr(text, "\"_comment\""), "readable, documented file");
    free(text);
    /* A missing file: defaults, not an issue. */
    snprintf(path, sizeof path, "%s/none.json", dir);
    CHECK_MSG(settings_load(&back, path, &rep) && rep.missing && rep.n == 0, "a first start is no issue");
}

/* Parses `json` and expects exactly one issue of `kind` at line:col whose
 * English message contains `want`. */
static void expect_issue(const char *json, SettingsIssueKind kind, unsigned line, unsigned col, const char *want) {
    Settings s;
    SettingsReport rep;
    bool ok = settings_parse(&s, json, strlen(json), &rep);
    CHECK_MSG(!ok && rep.n == 1, "%s: want one issue, got %d", json, rep.n);
    if (rep.n < 1) return;
    char msg[512];
    settings_issue_format(&rep.issues[0], "settings.json", LANG_EN, msg, sizeof msg);
    CHECK_MSG(rep.issues[0].kind == kind, "%s: kind %d, want %d", json, rep.issues[0].kind, kind);
    CHECK_MSG(rep.issues[0].line == line && rep.issues[0].col == col, "%s: at %u:%u, want %u:%u", json,
              (unsigned)rep.issues[0].line, (unsigned)rep.issues[0].col, line, col);
    CHECK_MSG(strstr(msg, want) != NULL, "message \"%s\" lacks \"%s\"", msg, want);
}

static void test_workshop_members(void) {
    Settings s;
    SettingsReport rep;
    const char *lower = "{\"format\": 1, \"workshop_code\": \" lyon-1 \", \"export_dir\": \"\"}";
    CHECK_MSG(settings_parse(&s, lower, strlen(lower), &rep), "a code in lower case is fine");
    CHECK_MSG(strcmp(s.workshop_code, "LYON-1") == 0, "the code is kept upper case: %s", s.workshop_code);
    expect_issue("{\"format\": 1, \"workshop_code\": \"a b\"}", SETI_WORD, 1, 32, "workshop_code");
    expect_issue("{\"format\": 1, \"export_dir\": 3}", SETI_TYPE, 1, 29, "export_dir");
}

static void test_damage(void) {
    expect_issue("{\"format\": 1,\n \"text_size\": 350}", SETI_RANGE, 2, 15,
                 "settings.json:2:15: \"text_size\" is 350 (100\u2013200), out of bounds: 100 used instead.");
    expect_issue("{\"format\": 1,\n \"text_size\": \"big\"}", SETI_TYPE, 2, 15, "wrong type: 100 used instead");
    expect_issue("{\"format\": 1,\n  \"high_contrast\": 1}", SETI_TYPE, 2, 20, "\"high_contrast\" is 1");
    expect_issue("{\"format\": 1, \"language\": \"de\"}", SETI_WORD, 1, 27, "\"auto\" used instead");
    expect_issue("{\"format\": 1, \"window_mode\": \"tiny\"}", SETI_WORD, 1, 30, "\"windowed\" used instead");
    expect_issue("{\"format\": 1, \"volume\": 3}", SETI_UNKNOWN_KEY, 1, 25, "\"volume\" is not a known setting");
    expect_issue("{\"format\": 7}", SETI_FORMAT, 1, 12, "\"format\" is 7");
    expect_issue("{\"text_size\": 150}", SETI_FORMAT, 1, 1, "instead of 1");
    expect_issue("{\"format\": 1,\n  \"text_size\": 150,,\n}", SETI_SYNTAX, 2, 20, "not valid JSON");
    expect_issue("[1, 2]", SETI_SYNTAX, 1, 1, "default settings used");
    expect_issue("", SETI_SYNTAX, 1, 1, "damaged");

    /* Only the bad parts are reset. */
    Settings s;
    SettingsReport rep;
    const char *mixed = "{\"format\": 1, \"text_size\": 180, \"line_spacing\": 9000, \"high_contrast\": true,"
                        " \"text_speed\": 45, \"language\": \"en\"}";
    settings_parse(&s, mixed, strlen(mixed), &rep);
    CHECK_MSG(rep.n == 1 && rep.issues[0].kind == SETI_RANGE, "one issue in the mixed file (%d)", rep.n);
    CHECK_MSG(s.ints[SET_TEXT_SIZE] == 180 && s.high_contrast && !s.lang_auto && s.lang == LANG_EN,
              "good settings kept");
    CHECK_MSG(s.ints[SET_LINE_SPACING] == 130, "bad line spacing reset to its default");
    CHECK_MSG(s.ints[SET_TEXT_SPEED] == 40, "45 rounds down to the step: %d", s.ints[SET_TEXT_SPEED]);

    /* Many problems: capped, counted, no overflow. */
    char big[4096] = "{\"format\": 1";
    for (int i = 0; i < 40; i++) {
        char m[64];
        snprintf(m, sizeof m, ", \"k%d\": %d", i, i);
        strcat(big, m);
    }
    strcat(big, "}");
    settings_parse(&s, big, strlen(big), &rep);
    CHECK_MSG(rep.n == SETTINGS_MAX_ISSUES && rep.dropped == 40 - SETTINGS_MAX_ISSUES, "cap: %d + %d", rep.n,
              rep.dropped);

    /* French message with French typography. */
    const char *fr = "{\"format\": 1, \"reduced_motion\": \"yes\"}";
    settings_parse(&s, fr, strlen(fr), &rep);
    char msg[512];
    settings_issue_format(&rep.issues[0], "p/settings.json", LANG_FR, msg, sizeof msg);
    CHECK_MSG(strcmp(msg, "p/settings.json:1:33: «\u00A0reduced_motion\u00A0» vaut \"yes\", qui n'est pas du bon type"
                          "\u202F: false utilisé à la place.") == 0,
              "French message: %s", msg);
    /* A tiny buffer truncates without overflow. */
    char tiny[8];
    settings_issue_format(&rep.issues[0], "settings.json", LANG_EN, tiny, sizeof tiny);
    CHECK_MSG(strlen(tiny) == 7, "tiny buffer");
}

static void test_damaged_file(const char *dir) {
    char path[512], kept[600];
    snprintf(path, sizeof path, "%s/broken.json", dir);
    snprintf(kept, sizeof kept, "%s.damaged", path);
    FILE *f = fopen(path, "wb");
    CHECK_MSG(f != NULL, "write fixture");
    if (!f) return;
    fputs("{\"format\": 1, \"text_size\": 1\xff", f);
    fclose(f);
    Settings s;
    SettingsReport rep;
    CHECK_MSG(!settings_load(&s, path, &rep) && rep.n == 1 && rep.issues[0].kind == SETI_SYNTAX, "damaged file");
    CHECK_MSG(s.ints[SET_TEXT_SIZE] == 100, "defaults");
    CHECK_MSG(settings_keep_damaged(path), "copy kept");
    f = fopen(kept, "rb");
    CHECK_MSG(f != NULL, "%s exists", kept);
    if (f) fclose(f);
    int err;
    CHECK_MSG(settings_save(&s, path, &err), "rewrite");
    CHECK_MSG(settings_load(&s, path, &rep) && rep.n == 0, "clean after the rewrite");
    /* A folder in place of the file: unreadable, reported, no crash. */
    snprintf(path, sizeof path, "%s/adir", dir);
    CHECK_MSG(mkdir(path, 0700) == 0, "mkdir %s", path);
    CHECK_MSG(!settings_load(&s, path, &rep) && rep.n == 1 && rep.issues[0].kind == SETI_UNREADABLE && !rep.missing,
              "a folder is reported as unreadable");
    char msg[512];
    settings_issue_format(&rep.issues[0], "settings.json", LANG_EN, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "cannot be read") != NULL, "unreadable message: %s", msg);
    rmdir(path);
}

int main(void) {
    char dir[] = "/tmp/enjeux-settings-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_defaults();
    test_round_trip(dir);
    test_damage();
    test_workshop_members();
    test_damaged_file(dir);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    if (check_failures) fprintf(stderr, "%d failure(s)\n", check_failures);
    else printf("settings: all checks passed\n");
    return check_failures ? 1 : 0;
}

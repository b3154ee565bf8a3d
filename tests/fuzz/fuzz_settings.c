/* fuzz_settings.c — fuzz target: a player's settings.json, read the way the
 * game reads it (settings_parse, which settings_load calls on the file's
 * bytes). Whatever the input, every setting must come out within its bounds
 * and on a step, every issue must name a place inside the text and format
 * as valid UTF-8 in both languages, and the settings must print back to a
 * file that reads without any issue to the same values. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "fuzz_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_within(const Settings *s) {
    for (int i = 0; i < SET_INT_COUNT; i++) {
        const SettingsRange *rg = settings_range((SettingsInt)i);
        int v = s->ints[i];
        fuzz_check(v >= rg->min && v <= rg->max, "an integer setting within its bounds");
        fuzz_check((v - rg->min) % rg->step == 0, "an integer setting on a step");
    }
    fuzz_check((unsigned)s->lang < LANG_COUNT, "a known language");
    fuzz_check((unsigned)s->reveal < REVEAL_COUNT, "a known text appearance");
    fuzz_check((unsigned)s->window < WINDOW_MODE_COUNT, "a known window mode");
}

static int same(const Settings *a, const Settings *b) {
    return a->lang_auto == b->lang_auto && (a->lang_auto || a->lang == b->lang) &&
           memcmp(a->ints, b->ints, sizeof a->ints) == 0 && a->high_contrast == b->high_contrast &&
           a->colorblind == b->colorblind && a->dyslexic_font == b->dyslexic_font &&
           a->reduced_motion == b->reduced_motion && a->reveal == b->reveal && a->self_voicing == b->self_voicing &&
           a->window == b->window;
}

static void check_issues(const SettingsReport *rep, const char *text, size_t size) {
    fuzz_check(rep->n >= 0 && rep->n <= SETTINGS_MAX_ISSUES, "the issue count within the report");
    fuzz_check(rep->dropped == 0 || rep->n == SETTINGS_MAX_ISSUES, "issues dropped only when the report is full");
    uint32_t lines = 1;
    for (size_t i = 0; i < size; i++) lines += text[i] == '\n';
    for (int i = 0; i < rep->n; i++) {
        const SettingsIssue *is = &rep->issues[i];
        fuzz_check((unsigned)is->kind < SETI_KIND_COUNT, "a known issue kind");
        fuzz_check(memchr(is->key, '\0', sizeof is->key) && memchr(is->found, '\0', sizeof is->found) &&
                  memchr(is->def, '\0', sizeof is->def),
              "issue texts terminated");
        fuzz_check(fuzz_valid_utf8(is->key) && fuzz_valid_utf8(is->found) && fuzz_valid_utf8(is->def), "issue texts in UTF-8");
        fuzz_check(is->line <= lines && (is->line == 0) == (is->col == 0), "an issue's place inside the text");
        for (int l = 0; l < LANG_COUNT; l++) {
            char msg[512];
            settings_issue_format(is, "settings.json", (Lang)l, msg, sizeof msg);
            fuzz_check(msg[0] != '\0' && fuzz_valid_utf8(msg), "an issue formats as UTF-8");
        }
        char tiny[24];
        settings_issue_format(is, "settings.json", LANG_FR, tiny, sizeof tiny);
        fuzz_check(strlen(tiny) < sizeof tiny, "a message cut to its buffer");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    Settings s;
    SettingsReport rep;
    bool clean = settings_parse(&s, text, size, &rep);
    fuzz_check(clean == (rep.n == 0 && rep.dropped == 0), "the result says whether there was an issue");
    fuzz_check(!rep.missing, "a text read is never a missing file");
    check_within(&s);
    check_issues(&rep, text, size);

    char *json = settings_to_json(&s);
    fuzz_check(json != NULL, "the settings print");
    Settings again;
    SettingsReport rep2;
    fuzz_check(settings_parse(&again, json, strlen(json), &rep2), "what the game writes reads without issue");
    fuzz_check(same(&s, &again), "the settings read back to the same values");
    free(json);
    return 0;
}

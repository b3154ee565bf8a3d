/* test_theme_contrast.c — every (text, background) pair the interface draws
 * with, read from assets/theme.json, meets WCAG 2.1 AA (4.5:1), and AAA
 * (7:1) in the high-contrast theme, in both palettes; a broken
 * theme gives a clear message; the interface string table is complete in
 * French and English. */
#include <stdio.h>
#include <string.h>

#include "engine/check.h"
#include "ui/theme.h"
#include "ui/tr.h"

/* Every text pair of `path`, in the normal and the colour-blind palette,
 * reaches `min_x100` (450: AA, 700: AAA). */
static void check_theme(const char *path, int min_x100, const char *level) {
    Theme t;
    char err[512];
    bool ok = theme_load(&t, path, err, sizeof err);
    CHECK_MSG(ok, "%s: %s", path, err);
    if (!ok) return;
    size_t n;
    const ThemePair *p = theme_text_pairs(&n);
    CHECK_MSG(n > 10, "too few pairs (%zu)", n);
    for (int pal = 0; pal < 2; pal++) {
        const Rgba *c = pal ? t.colorblind : t.colors;
        printf("%s, %s palette:\n", path, pal ? "colour-blind" : "normal");
        for (size_t i = 0; i < n; i++) {
            int r = theme_contrast_x100(c[p[i].fg], c[p[i].bg]);
            printf("  %-14s on %-14s %d.%02d:1\n", theme_color_key(p[i].fg), theme_color_key(p[i].bg), r / 100, r % 100);
            CHECK_MSG(r >= min_x100, "%s (%s palette): %s on %s: contrast %d.%02d:1 is below %d.%d:1 (WCAG %s)", path,
                      pal ? "colour-blind" : "normal", theme_color_key(p[i].fg), theme_color_key(p[i].bg), r / 100,
                      r % 100, min_x100 / 100, min_x100 / 10 % 10, level);
        }
    }
    /* The colour-blind palette replaces the green of "good". */
    CHECK_MSG(memcmp(&t.colorblind[COL_GOOD], &t.colors[COL_GOOD], sizeof(Rgba)) != 0, "%s: colorblind.good is unset",
              path);
    CHECK_MSG(t.sizes[TS_BODY] >= 20, "body text is %d px at 720p; it must be at least 20", t.sizes[TS_BODY]);
    CHECK_MSG(t.dyslexic_fonts[FACE_REGULAR][0] && t.dyslexic_fonts[FACE_BOLD][0], "%s: no dyslexia-friendly fonts", path);
}

int main(void) {
    Theme t;
    char err[512];
    check_theme("assets/theme.json", 450, "AA");
    check_theme("assets/theme-contrast.json", 700, "AAA");
    /* Known ratios: black on white is 21:1, white on white 1:1. */
    CHECK_MSG(theme_contrast_x100((Rgba){0, 0, 0, 255}, (Rgba){255, 255, 255, 255}) == 2100, "black/white");
    CHECK_MSG(theme_contrast_x100((Rgba){255, 255, 255, 255}, (Rgba){255, 255, 255, 255}) == 100, "white/white");

    /* A broken theme is reported with its line and column. */
    const char *bad = "{\n  \"colors\": {\n    \"bg\": \"#FFFFFF\",,\n  }\n}";
    CHECK_MSG(!theme_parse(&t, "bad.json", bad, strlen(bad), err, sizeof err), "a syntax error must fail");
    CHECK_MSG(strstr(err, "bad.json:3:") != NULL, "syntax error location: %s", err);
    const char *missing = "{\"colors\": {\"bg\": \"#FFFFFF\"}, \"sizes\": {}, \"fonts\": {}}";
    CHECK_MSG(!theme_parse(&t, "m.json", missing, strlen(missing), err, sizeof err), "missing colours must fail");
    CHECK_MSG(strstr(err, "colors.surface") != NULL, "missing key named: %s", err);

    /* A missing or oversized theme file is named with what to do, never
     * read whole. */
    CHECK_MSG(!theme_load(&t, "no-such-theme.json", err, sizeof err) && strstr(err, "no-such-theme.json: cannot open") &&
                  strstr(err, "ENJEUX_DATA_DIR"),
              "missing theme: %s", err);
    const char *big_path = "theme-too-large.json";
    FILE *big = fopen(big_path, "wb");
    CHECK_MSG(big != NULL, "cannot create %s", big_path);
    if (big) {
        for (int i = 0; i <= THEME_MAX_BYTES / 64; i++) fputs("                                                               \n", big);
        fclose(big);
        CHECK_MSG(!theme_load(&t, big_path, err, sizeof err) && strstr(err, "over the 256 KiB limit"),
                  "oversized theme: %s", err);
        remove(big_path);
    }

    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    CHECK_MSG(tr_load_dir("assets/i18n", &dl) >= 2 && dl.count == 0, "assets/i18n: %zu catalogues, %zu problems",
              tr_lang_count(), dl.count);
    diag_list_free(&dl);
    const char *key = NULL;
    CHECK_MSG(tr_table_complete(&key), "string %s lacks French or English", key ? key : "?");
    tr_set_lang(LANG_EN);
    CHECK_MSG(strcmp(tr("title.new"), "New game") == 0, "English lookup");
    tr_set_lang(LANG_FR);
    CHECK_MSG(strcmp(tr("title.new"), "Nouvelle partie") == 0, "French lookup");
    char buf[64];
    CHECK_MSG(strcmp(tr_format(buf, sizeof buf, "lib.minutes", "20", NULL), "20\u00A0min") == 0, "placeholder: %s", buf);
    tr_unload();
    if (check_failures) fprintf(stderr, "%d failure(s)\n", check_failures);
    return check_failures ? 1 : 0;
}

/* test_po.c — the PO reader (src/core/po.c) on good and damaged catalogues,
 * and tr()'s fallbacks when a catalogue is damaged or missing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/po.h"
#include "engine/check.h"
#include "ui/tr.h"

static PoCatalog *parse(const char *text, DiagList *dl) {
    diag_list_init(dl, LANG_EN);
    return po_parse(text, strlen(text), "t.po", dl);
}

static bool has_diag(const DiagList *dl, DiagCode code, uint32_t line, uint32_t col) {
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].code == code && dl->items[i].line == line && (col == 0 || dl->items[i].col == col))
            return true;
    return false;
}

static const char *text_of(const PoCatalog *c, const char *key) {
    const PoEntry *e = po_find(c, key);
    return e ? e->text : "(none)";
}

static void good_file(void) {
    const char *po = "# header comment\n"
                     "msgid \"\"\n"
                     "msgstr \"\"\n"
                     "\"Language: en\\n\"\n"
                     "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                     "\n"
                     "#. a comment for translators\n"
                     "msgctxt \"b.two\"\n"
                     "msgid \"Deux\"\n"
                     "msgstr \"\"\n"
                     "\"Two \"\n"
                     "\"lines\\n\\\"quoted\\\"\\t\\\\\"\r\n"
                     "msgctxt \"a.one\"\n"
                     "msgid \"Un\u202f!\"\n"
                     "msgstr \"One!\"\n"
                     "\n"
                     "#, fuzzy, c-format\n"
                     "msgctxt \"c.draft\"\n"
                     "msgid \"Brouillon\"\n"
                     "msgstr \"Draft\"\n"
                     "\n"
                     "#~ msgctxt \"old\"\n"
                     "#~ msgid \"Vieux\"\n"
                     "#~ msgstr \"Old\"\n";
    DiagList dl;
    PoCatalog *c = parse(po, &dl);
    CHECK_MSG(c && dl.count == 0, "a good file gives no diagnostic (%zu)", dl.count);
    if (c) {
        CHECK_MSG(c->count == 3, "three entries, got %zu", c->count);
        CHECK_MSG(strcmp(c->language, "en") == 0, "language from the header: %s", c->language);
        CHECK_MSG(strcmp(text_of(c, "a.one"), "One!") == 0, "a.one: %s", text_of(c, "a.one"));
        CHECK_MSG(strcmp(po_find(c, "a.one")->source, "Un\u202f!") == 0, "source kept");
        CHECK_MSG(strcmp(text_of(c, "b.two"), "Two lines\n\"quoted\"\t\\") == 0, "continued and escaped: %s",
                  text_of(c, "b.two"));
        CHECK_MSG(po_find(c, "b.two")->line == 8, "line of b.two: %u", (unsigned)po_find(c, "b.two")->line);
        CHECK_MSG(po_find(c, "c.draft") && po_find(c, "c.draft")->fuzzy, "fuzzy flag read");
        CHECK_MSG(!po_find(c, "a.one")->fuzzy, "the fuzzy flag belongs to its entry only");
        CHECK_MSG(po_find(c, "old") == NULL, "obsolete entries are skipped");
        CHECK_MSG(po_find(c, "zzz") == NULL, "unknown key");
    }
    po_free(c);
    diag_list_free(&dl);
}

static void damaged_files(void) {
    DiagList dl;
    /* An unterminated string on line 3: that entry is dropped, the next kept. */
    PoCatalog *c = parse("msgctxt \"k.bad\"\nmsgid \"A\"\nmsgstr \"oops\n\nmsgctxt \"k.ok\"\nmsgid \"B\"\nmsgstr \"Bee\"\n",
                         &dl);
    CHECK_MSG(c && has_diag(&dl, DIAG_PO_SYNTAX, 3, 13), "unterminated string reported at 3:13");
    CHECK_MSG(c && po_find(c, "k.bad") == NULL && strcmp(text_of(c, "k.ok"), "Bee") == 0, "damaged entry left out");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgstr \"\\q\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 3, 9), "bad escape at 3:9");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgstr \"x\" y\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 3, 12), "trailing text at 3:12");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgstr \"x\"\nmsgid \"A\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 2, 1), "msgstr before msgid");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\n\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 1, 1), "entry without msgstr");
    CHECK_MSG(c && c->count == 0, "and left out");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgid_plural \"As\"\nmsgstr[0] \"a\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 3, 1), "plural forms reported");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgtsr \"a\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 3, 1), "misspelt keyword");
    po_free(c);
    diag_list_free(&dl);

    c = parse("\"stray\"\nmsgctxt \"k\"\nmsgid \"A\"\nmsgstr \"a\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_SYNTAX, 1, 1), "a quoted line without keyword");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgid \"Sans clé\"\nmsgstr \"No key\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_NO_KEY, 1, 1), "entry without msgctxt");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgstr \"first\"\n\nmsgctxt \"k\"\nmsgid \"A\"\nmsgstr \"second\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_PO_DUPLICATE, 5, 1), "duplicate key reported on its line");
    CHECK_MSG(c && c->count == 1 && strcmp(text_of(c, "k"), "first") == 0, "the first entry is kept");
    po_free(c);
    diag_list_free(&dl);

    c = parse("msgctxt \"k\"\nmsgid \"A\"\nmsgstr \"\xC3\x28\"\n", &dl);
    CHECK_MSG(has_diag(&dl, DIAG_BAD_UTF8, 3, 9), "invalid UTF-8 at 3:9");
    po_free(c);
    diag_list_free(&dl);

    diag_list_init(&dl, LANG_FR);
    c = po_load("tests/fixtures/i18n/does-not-exist.po", &dl);
    CHECK_MSG(c == NULL && has_diag(&dl, DIAG_IO, 0, 0), "a missing file is an io-error");
    diag_list_free(&dl);
}

/* tr() with a damaged en.po: the damaged entry falls back to French, the
 * rest is English, nothing crashes, and the problem names file:line. */
static void tr_fallbacks(void) {
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    size_t n = tr_load_dir("tests/fixtures/i18n/damaged", &dl);
    CHECK_MSG(n == 2, "two catalogues loaded from the damaged fixture, got %zu", n);
    char *text = diag_list_format_text(&dl);
    CHECK_MSG(text && strstr(text, "tests/fixtures/i18n/damaged/en.po:8:"), "message names file:line: %s", text ? text : "");
    free(text);
    diag_list_free(&dl);
    tr_set_lang(LANG_EN);
    CHECK_MSG(strcmp(tr("x.hello"), "Hello") == 0, "English: %s", tr("x.hello"));
    CHECK_MSG(strcmp(tr("x.broken"), "Cassé") == 0, "a damaged English entry falls back to French: %s", tr("x.broken"));
    CHECK_MSG(strcmp(tr("x.fuzzy"), "Brouillon") == 0, "a fuzzy entry falls back to French: %s", tr("x.fuzzy"));
    CHECK_MSG(strcmp(tr("x.only_fr"), "Seulement en français") == 0, "a key missing in en.po: %s", tr("x.only_fr"));
    CHECK_MSG(strcmp(tr("x.unknown"), "x.unknown") == 0, "an unknown key shows itself");
    const char *missing = NULL;
    CHECK_MSG(!tr_table_complete(&missing) && missing, "incomplete catalogues are detected");
    tr_set_lang(LANG_FR);
    CHECK_MSG(strcmp(tr("x.hello"), "Bonjour") == 0, "French: %s", tr("x.hello"));

    /* fr.po missing: reported, and French comes from the other msgids. */
    diag_list_init(&dl, LANG_EN);
    n = tr_load_dir("tests/fixtures/i18n/no-french", &dl);
    CHECK_MSG(n == 1 && has_diag(&dl, DIAG_IO, 0, 0), "a missing fr.po is reported");
    diag_list_free(&dl);
    CHECK_MSG(strcmp(tr("x.hello"), "Bonjour") == 0, "French from en.po's msgid: %s", tr("x.hello"));
    tr_set_lang(LANG_EN);
    CHECK_MSG(strcmp(tr("x.hello"), "Hello") == 0, "English still there: %s", tr("x.hello"));
    tr_set_lang(LANG_FR);

    /* No catalogue at all: the keys. */
    diag_list_init(&dl, LANG_EN);
    n = tr_load_dir("tests/fixtures/i18n/no-such-folder", &dl);
    CHECK_MSG(n == 0 && has_diag(&dl, DIAG_IO, 0, 0), "a missing folder is reported");
    diag_list_free(&dl);
    CHECK_MSG(strcmp(tr("x.hello"), "x.hello") == 0, "without catalogues, the key");

    /* The shipped catalogues are complete and clean. */
    diag_list_init(&dl, LANG_EN);
    n = tr_load_dir("assets/i18n", &dl);
    CHECK_MSG(n >= 2 && dl.count == 0, "assets/i18n: %zu catalogues, %zu problems", n, dl.count);
    diag_list_free(&dl);
    CHECK_MSG(tr_table_complete(&missing), "shipped catalogues complete (missing %s)", missing ? missing : "?");
    tr_set_lang(LANG_EN);
    CHECK_MSG(strcmp(tr("title.new"), "New game") == 0, "English lookup");
    tr_set_lang(LANG_FR);
    CHECK_MSG(strcmp(tr("title.new"), "Nouvelle partie") == 0, "French lookup");

    /* tr_format into a buffer too small: cut on a character boundary and
     * marked with "…", never inside "é" (the text must stay valid UTF-8). */
    char out[64];
    const char *name = "Éléonore Éléonore Éléonore Éléonore Éléonore Éléonore Éléonore";
    tr_format(out, sizeof out, "pass.plays", name, NULL); /* "{0} parties terminées." */
    size_t len = strlen(out);
    CHECK_MSG(len <= sizeof out - 1 && len >= sizeof out - 6, "cut near the end: %zu bytes", len);
    CHECK_MSG(len >= 3 && strcmp(out + len - 3, "\xE2\x80\xA6") == 0, "the cut is marked: %s", out);
    CHECK_MSG(strncmp(out, name, len - 3) == 0, "the kept part is the text's start: %s", out);
    for (size_t k = 0; k + 3 < len; k++)
        if ((unsigned char)out[k] == 0xC3) CHECK_MSG(k + 1 < len - 3 && ((unsigned char)out[k + 1] & 0xC0) == 0x80, "no half é");
    tr_format(out, 3, "pass.plays", "é", NULL);
    CHECK_MSG(strcmp(out, "\xC3\xA9") == 0, "a tiny buffer keeps whole characters: %s", out);
    tr_format(out, 2, "pass.plays", "é", NULL);
    CHECK_MSG(out[0] == '\0', "no room for one character: empty, not half of it");
    tr_format(out, sizeof out, "pass.plays", "3", NULL);
    CHECK_MSG(strcmp(out, "3 parties terminées.") == 0, "what fits is untouched: %s", out);
    tr_unload();
}

int main(void) {
    good_file();
    damaged_files();
    tr_fallbacks();
    if (check_failures) fprintf(stderr, "%d failure(s)\n", check_failures);
    return check_failures ? 1 : 0;
}

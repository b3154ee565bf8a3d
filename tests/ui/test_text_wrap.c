/* test_text_wrap.c — word wrap with French typography: never a break
 * before ? ! : ; » or after «, no break at U+00A0 / U+202F, words wider
 * than the box broken between characters (nothing cut), hard line breaks
 * kept. Width is measured as 1 unit per code point. */
#include <stdio.h>
#include <string.h>

#include "ui/text.h"

static int failures;

static int measure(const char *s, size_t len, void *user) {
    (void)user;
    int n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

typedef struct Lines { char text[32][128]; int n; } Lines;

static void emit(const char *start, size_t len, void *user) {
    Lines *l = user;
    if (l->n < 32 && len < 128) {
        memcpy(l->text[l->n], start, len);
        l->text[l->n][len] = '\0';
    }
    l->n++;
}

static void expect(const char *input, int width, const char *const *want, int n_want) {
    Lines l = {0};
    text_wrap(input, width, measure, NULL, emit, &l);
    bool ok = l.n == n_want;
    for (int i = 0; ok && i < n_want; i++) ok = strcmp(l.text[i], want[i]) == 0;
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL wrapping \"%s\" at %d:\n", input, width);
        for (int i = 0; i < l.n && i < 32; i++) fprintf(stderr, "  got  [%s]\n", l.text[i]);
        for (int i = 0; i < n_want; i++) fprintf(stderr, "  want [%s]\n", want[i]);
    }
}

int main(void) {
    /* Plain greedy wrap. */
    expect("un deux trois quatre", 9, (const char *const[]){"un deux", "trois", "quatre"}, 3);
    /* "?" after an ordinary space never starts a line: the word moves down with it. */
    expect("Que faites vous ?", 15, (const char *const[]){"Que faites", "vous ?"}, 2);
    expect("Attention : danger", 12, (const char *const[]){"Attention :", "danger"}, 2);
    expect("aaaa bbbb ! cc", 9, (const char *const[]){"aaaa", "bbbb ! cc"}, 2);
    /* « never ends a line, » never starts one. */
    expect("dit « oui » hier", 8, (const char *const[]){"dit", "« oui »", "hier"}, 3);
    /* U+202F and U+00A0 hold words together. */
    expect("vous\u202F? oui", 7, (const char *const[]){"vous\u202F?", "oui"}, 2);
    expect("un 3\u00A0000 euros", 7, (const char *const[]){"un", "3\u00A0000", "euros"}, 3);
    /* A word longer than the box is broken between characters, never cut. */
    expect("anticonstitutionnellement", 10, (const char *const[]){"anticonsti", "tutionnell", "ement"}, 3);
    /* Accented letters count as one character each. */
    expect("éééé ààà", 5, (const char *const[]){"éééé", "ààà"}, 2);
    /* Hard breaks and empty lines survive. */
    expect("a\n\nb", 10, (const char *const[]){"a", "", "b"}, 3);
    /* No wrap width: one line per paragraph. */
    expect("un deux trois", 0, (const char *const[]){"un deux trois"}, 1);
    if (failures) fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}

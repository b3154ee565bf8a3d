/* utf8.h — UTF-8 decoding shared by the JSON readers, and cutting text on
 * a character boundary. Inline: the parsers call it for every non-ASCII
 * character. */
#ifndef ENJEUX_UTF8_H
#define ENJEUX_UTF8_H

#include <stddef.h>

/* Length in bytes (2 to 4) of the valid UTF-8 sequence starting at `str`,
 * whose lead byte is >= 0x80, with `avail` bytes readable from `str`; 0
 * when the sequence is invalid: a bad lead byte, a missing or wrong
 * continuation byte, an overlong form, a surrogate, or above U+10FFFF. */
static inline size_t utf8_sequence_length(const char *str, size_t avail) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0], cp;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n >= avail) return 0;
    for (size_t k = 1; k <= n; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n + 1;
}

/* Length of the longest prefix of the string `s` of at most `max` bytes
 * that does not end inside a character: for "%.*s" in messages, which
 * must stay valid UTF-8 however long the text they quote. */
static inline size_t utf8_prefix(const char *s, size_t max) {
    size_t n = 0;
    while (n < max && s[n]) n++;
    if (s[n])
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return n;
}

/* Length in bytes of the first `chars` characters of the UTF-8 string `s`
 * (all of it when shorter). */
static inline size_t utf8_prefix_chars(const char *s, size_t chars) {
    size_t n = 0;
    for (size_t c = 0; s[n] && c < chars; c++) {
        n++;
        while (((unsigned char)s[n] & 0xC0) == 0x80) n++;
    }
    return n;
}

#endif

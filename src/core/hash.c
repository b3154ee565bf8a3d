/* hash.c — content hash; see hash.h. Each 8-byte word is mixed into the
 * state with a multiply and a rotation; the length and a final avalanche
 * (the splitmix64 finaliser) make every input bit affect every output bit. */
#include "core/hash.h"

#include <string.h>

static inline uint64_t load_le64(const unsigned char *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t rotl64(uint64_t x, int r) {
    return x << r | x >> (64 - r);
}

static inline uint64_t avalanche(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t hash_content(const void *data, size_t n) {
    const unsigned char *p = data;
    /* Two independent lanes so the multiplies of neighbouring words overlap. */
    uint64_t a = 0x9e3779b97f4a7c15ULL ^ (uint64_t)n, b = 0x6a09e667f3bcc909ULL;
    const uint64_t k = 0x9fb21c651e98df25ULL;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) { /* two rounds per turn: the same value, fewer loop tests */
        a = rotl64(a ^ load_le64(p + i), 29) * k;
        b = rotl64(b ^ load_le64(p + i + 8), 31) * k;
        a = rotl64(a ^ load_le64(p + i + 16), 29) * k;
        b = rotl64(b ^ load_le64(p + i + 24), 31) * k;
    }
    for (; i + 16 <= n; i += 16) {
        a = rotl64(a ^ load_le64(p + i), 29) * k;
        b = rotl64(b ^ load_le64(p + i + 8), 31) * k;
    }
    unsigned char tail[16] = {0};
    if (n > i) memcpy(tail, p + i, n - i);
    a = rotl64(a ^ load_le64(tail), 29) * k;
    b = rotl64(b ^ load_le64(tail + 8), 31) * k;
    return avalanche(a ^ rotl64(b, 17) ^ (uint64_t)n * k);
}

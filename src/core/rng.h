/* rng.h — the session's seeded pseudo-random generator.
 *
 * xoshiro256** (Blackman & Vigna), its state seeded from a 64-bit seed by
 * splitmix64. Integer arithmetic only, so the same seed gives the same draws
 * on every platform. The state is a plain value: copying an Rng snapshots
 * it. No global state. */
#ifndef ENJEUX_RNG_H
#define ENJEUX_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s[4];
} Rng;

/* Seeds `r` from `seed` (any value, 0 included). */
void rng_seed(Rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(Rng *r);

/* A uniform draw in [0, n) without modulo bias (Lemire's multiply-and-reject
 * on 32-bit halves). `n` must be >= 1; returns 0 when n == 0. Consumes one
 * rng_next() per attempt; a retry happens with probability < n / 2^32. */
uint32_t rng_below(Rng *r, uint32_t n);

/* splitmix64 step: mixes `*state` forward and returns 64 bits; used to seed
 * and to derive independent seeds (playthrough i of a batch). */
uint64_t rng_splitmix64(uint64_t *state);

#endif

/* hash.h — the content hash of a file: detects that a scenario was edited.
 *
 * Not cryptographic: it tells a save or a play record whether the scenario
 * it was made on is byte for byte the one loaded now, and the chance of two
 * different files sharing a hash by accident is about 2^-64. It reads eight
 * bytes per step (little-endian, so every platform gives the same value),
 * several times faster than a byte-at-a-time hash on multi-megabyte files. */
#ifndef ENJEUX_HASH_H
#define ENJEUX_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The 64-bit content hash of `n` bytes at `data` (data may be NULL when n is
 * 0). Pure function: same bytes, same value, on every platform. */
uint64_t hash_content(const void *data, size_t n);

#endif

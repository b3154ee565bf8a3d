/* idtable.h — a hash table from id strings to indices, for the loaders and
 * the O(1) lookups of scenario_find_*(). Internal to the core. */
#ifndef ENJEUX_IDTABLE_H
#define ENJEUX_IDTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

typedef struct IdSlot { const char *key; int32_t value; } IdSlot;

/* Open addressing with linear probing; capacity a power of two, kept at
 * most half full. Keys are not copied: they must outlive the table. */
typedef struct IdTable {
    IdSlot *slots;
    uint32_t cap, count;
} IdTable;

#define IDTABLE_FNV_BASIS 0xcbf29ce484222325ULL
#define IDTABLE_FNV_PRIME 0x100000001b3ULL

/* FNV-1a 64 of `n` bytes. */
uint64_t idtable_fnv1a(const void *data, size_t n);

/* Continues an FNV-1a 64 hash `h` (IDTABLE_FNV_BASIS to start) over `n`
 * more bytes. */
uint64_t idtable_fnv1a_update(uint64_t h, const void *data, size_t n);

/* Prepares a table for up to `n` keys in `arena`; false on OOM. */
bool idtable_init(IdTable *t, Arena *arena, size_t n);

/* Inserts key → value. Returns the value already stored when the key is
 * present (nothing is changed), -1 after inserting, -2 when full or never
 * initialised. */
int32_t idtable_put(IdTable *t, const char *key, int32_t value);

/* The value stored for `key`, or -1. Accepts an uninitialised (zeroed) table. */
int32_t idtable_get(const IdTable *t, const char *key);

#endif

/* idtable.c — id → index hash table; see idtable.h. */
#include "core/idtable.h"

#include <string.h>

uint64_t idtable_fnv1a_update(uint64_t h, const void *data, size_t n) {
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= IDTABLE_FNV_PRIME;
    }
    return h;
}

uint64_t idtable_fnv1a(const void *data, size_t n) { return idtable_fnv1a_update(IDTABLE_FNV_BASIS, data, n); }

bool idtable_init(IdTable *t, Arena *arena, size_t n) {
    uint32_t cap = 8;
    while (cap < 2 * n + 2) cap *= 2;
    t->slots = arena_alloc(arena, cap * sizeof *t->slots);
    t->cap = t->slots ? cap : 0;
    t->count = 0;
    return t->slots != NULL;
}

int32_t idtable_put(IdTable *t, const char *key, int32_t value) {
    if (!t->cap || (t->count + 1) * 2 > t->cap) return -2;
    uint32_t mask = t->cap - 1;
    uint32_t i = (uint32_t)idtable_fnv1a(key, strlen(key)) & mask;
    while (t->slots[i].key) {
        if (strcmp(t->slots[i].key, key) == 0) return t->slots[i].value;
        i = (i + 1) & mask;
    }
    t->slots[i].key = key;
    t->slots[i].value = value;
    t->count++;
    return -1;
}

int32_t idtable_get(const IdTable *t, const char *key) {
    if (!t->cap || !key) return -1;
    uint32_t mask = t->cap - 1;
    uint64_t h = IDTABLE_FNV_BASIS; /* idtable_fnv1a(key, strlen(key)), in one pass */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * IDTABLE_FNV_PRIME;
    uint32_t i = (uint32_t)h & mask;
    while (t->slots[i].key) {
        if (strcmp(t->slots[i].key, key) == 0) return t->slots[i].value;
        i = (i + 1) & mask;
    }
    return -1;
}

/* arena.c — bump allocator; see arena.h. */
#include "core/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, cap;
    max_align_t data[]; /* aligned payload */
};

enum { ARENA_MIN_BLOCK = 64 * 1024 };

void arena_init(Arena *a) {
    a->head = NULL;
    a->total = 0;
}

void arena_release(Arena *a) {
    if (!a) return;
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *arena_alloc_uninit(Arena *a, size_t size) {
    const size_t align = _Alignof(max_align_t);
    if (size > SIZE_MAX / 2) return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_MIN_BLOCK ? size : ARENA_MIN_BLOCK;
        /* Grow blocks with the arena so big scenarios need few mallocs. */
        if (a->total / 4 > cap) cap = a->total / 4;
        b = malloc(sizeof(ArenaBlock) + cap);
        if (!b) return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
        a->total += cap;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

void *arena_alloc(Arena *a, size_t size) {
    void *p = arena_alloc_uninit(a, size);
    if (p) memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *d = arena_alloc_uninit(a, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(Arena *a, const char *s) {
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* arena.h — bump allocator for objects that live and die together.
 *
 * A loaded scenario owns all its strings and tables in one arena, so freeing
 * a scenario is one call. Allocation never fails silently: arena_alloc returns
 * NULL when memory is exhausted and the caller reports it. */
#ifndef ENJEUX_ARENA_H
#define ENJEUX_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head;   /* current block, newest first */
    size_t total;       /* bytes reserved from the system */
} Arena;

/* Initialises an empty arena (no allocation until first use). */
void arena_init(Arena *a);

/* Releases every block. Accepts NULL and an already released arena. */
void arena_release(Arena *a);

/* Returns `size` bytes aligned for any type, zero-filled, or NULL when out of
 * memory. The memory belongs to the arena. */
void *arena_alloc(Arena *a, size_t size);

/* Like arena_alloc, but the memory is NOT zero-filled: for buffers the
 * caller writes in full at once (string copies). NULL when out of memory. */
void *arena_alloc_uninit(Arena *a, size_t size);

/* Copies `n` bytes of `s` and a terminating NUL into the arena; NULL on OOM. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* Copies the NUL-terminated `s`; NULL on OOM or when s is NULL. */
char *arena_strdup(Arena *a, const char *s);

#endif

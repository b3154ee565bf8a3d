/* json_tree.h — for the loader tests that run over every JSON file of
 * some folders of the repository. */
#ifndef ENJEUX_TESTS_JSON_TREE_H
#define ENJEUX_TESTS_JSON_TREE_H

#include <stdbool.h>

#include <stddef.h>

/* Calls fn(path, data, len, ctx) with the bytes of every file ending in
 * ".json" under `dir`, at any depth (data is freed after the call).
 * Returns false (after saying so on stderr) when a folder cannot be listed
 * or a file read; the other files are still given. */
bool json_tree_walk(const char *dir, void (*fn)(const char *path, const char *data, size_t len, void *ctx),
                    void *ctx);

#endif

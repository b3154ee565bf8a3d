/* graph.h — the scene graph of a scenario, as Graphviz DOT text, for
 * `enjeux graph` (docs/authoring.md).
 *
 * Scenes are boxes, endings are coloured by tone, choices are labelled
 * edges, chance draws are small diamonds with one edge per outcome (its
 * probability), delayed consequences (events) are dotted notes linked to the
 * scenes whose choices schedule them, and conditional routes are dashed.
 * Scenes and endings that no path of edges reaches from the start are drawn
 * greyed out and labelled as unreachable (a plain reachability over the
 * edges: conditions are not evaluated, so `enjeux analyze` may find more). */
#ifndef ENJEUX_GRAPH_H
#define ENJEUX_GRAPH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/lang.h"
#include "core/scenario.h"

/* Marks in `scene_ok` (room for sc->n_scenes) and `ending_ok` (room for
 * sc->n_endings) the scenes and endings reachable from the start scene by
 * following every choice's routes and chance outcomes, conditions ignored.
 * Returns false only when out of memory (the arrays are then undefined). */
bool graph_reachable(const Scenario *sc, bool *scene_ok, bool *ending_ok);

/* The DOT text of the scene graph, labels in `lang` (falling back to
 * French), in a malloc'd NUL-terminated string the caller frees. Every label
 * is escaped for DOT's quoted strings; long texts are wrapped, never cut.
 * Returns NULL when out of memory. */
char *graph_to_dot(const Scenario *sc, Lang lang);

#endif

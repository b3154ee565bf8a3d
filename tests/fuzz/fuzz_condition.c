/* fuzz_condition.c — fuzz target: the condition language. The input is
 * spliced as the condition of a choice and of an event's `when` in a small
 * scenario with every kind of state (meters, flags, counters, events); when
 * it loads, the scenario is played so that the condition is evaluated on
 * many states. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char HEAD[] =
    "{\"format\":1,\"id\":\"fuzz\",\"version\":\"1\",\"title\":\"t\",\"summary\":\"s\","
    "\"sector\":\"x\",\"level\":1,\"minutes\":5,\"languages\":[\"fr\"],\"authors\":[\"a\"],"
    "\"licence\":\"CC0-1.0\",\"competencies\":[],"
    "\"tool\":{\"name\":\"n\",\"description\":\"d\",\"kind\":\"other\",\"provider\":\"p\",\"risk\":\"minimal\"},"
    "\"role\":\"r\",\"context\":\"c\","
    "\"meters\":[{\"id\":\"m\",\"label\":\"M\",\"min\":0,\"max\":100,\"initial\":50,\"good\":\"high\"},"
    "{\"id\":\"n\",\"label\":\"N\",\"min\":-10,\"max\":10,\"initial\":0,\"good\":\"low\"}],"
    "\"flags\":[{\"id\":\"f\"},{\"id\":\"g\",\"initial\":true}],"
    "\"counters\":[{\"id\":\"c\"}],"
    "\"start\":\"a\","
    "\"scenes\":[{\"id\":\"a\",\"text\":\"A\",\"choices\":["
    "{\"id\":\"x\",\"text\":\"X\",\"condition\":";
static const char MID[] =
    ",\"reason\":\"r\",\"effects\":{\"meters\":{\"m\":7,\"n\":-3},\"flags\":{\"f\":true},"
    "\"counters\":{\"c\":1},\"schedule\":[\"e\"]},\"feedback\":{\"text\":\"t\"},\"next\":\"a\"},"
    "{\"id\":\"y\",\"text\":\"Y\",\"effects\":{\"meters\":{\"m\":-9}},\"feedback\":{\"text\":\"t\"},"
    "\"next\":[{\"if\":{\"counter\":\"c\",\"op\":\">=\",\"value\":3},\"goto\":\"fin\"},{\"goto\":\"a\"}]},"
    "{\"id\":\"z\",\"text\":\"Z\",\"feedback\":{\"text\":\"t\"},\"next\":\"fin\"}]}],"
    "\"events\":[{\"id\":\"e\",\"when\":";
static const char TAIL[] =
    ",\"title\":\"T\",\"text\":\"E\",\"effects\":{\"meters\":{\"n\":2}},\"feedback\":{\"text\":\"t\"}}],"
    "\"endings\":[{\"id\":\"fin\",\"title\":\"F\",\"text\":\"F\",\"tone\":\"mixed\"}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 4096) return 0;
    size_t len = sizeof HEAD - 1 + size + sizeof MID - 1 + size + sizeof TAIL - 1;
    char *doc = malloc(len);
    if (!doc) return 0;
    char *p = doc;
    memcpy(p, HEAD, sizeof HEAD - 1), p += sizeof HEAD - 1;
    memcpy(p, data, size), p += size;
    memcpy(p, MID, sizeof MID - 1), p += sizeof MID - 1;
    memcpy(p, data, size), p += size;
    memcpy(p, TAIL, sizeof TAIL - 1);
    DiagList dl;
    diag_list_init(&dl, LANG_EN);
    Scenario *sc = scenario_load_buffer("fuzz/condition.json", doc, len, NULL, &dl);
    if (sc) fuzz_play(sc, NULL, size);
    scenario_free(sc);
    diag_list_free(&dl);
    free(doc);
    return 0;
}

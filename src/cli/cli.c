/* cli.c — what several subcommands read from their command line in the same
 * way; see cli.h. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_lang_option(int argc, char **argv, int *i, Lang *lang) {
    const char *a = argv[*i];
    if (strcmp(a, "--lang") == 0 && *i + 1 < argc) return lang_parse(argv[++*i], lang) ? 1 : -1;
    if (strncmp(a, "--lang=", 7) == 0) return lang_parse(a + 7, lang) ? 1 : -1;
    return 0;
}

char *cli_scenario_json(const char *arg) {
    size_t n = strlen(arg);
    char *p = malloc(n + 32);
    if (!p) return NULL;
    if (n >= 5 && strcmp(arg + n - 5, ".json") == 0)
        memcpy(p, arg, n + 1);
    else
        snprintf(p, n + 32, "%s%sscenario.json", arg, n && arg[n - 1] == '/' ? "" : "/");
    return p;
}

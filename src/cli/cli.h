/* cli.h — the subcommands of the `enjeux` binary.
 *
 * Each subcommand is one file in src/cli/ over the core, with the signature
 * below: it gets the arguments after its name (argv[0] is the subcommand's
 * name) and returns the process exit status (0 success, 1 failure found,
 * 2 bad usage). Subcommands print; the core never does. cli.c holds what
 * several of them read from their command line in the same way. */
#ifndef ENJEUX_CLI_H
#define ENJEUX_CLI_H

#include "core/lang.h"

typedef int (*CliCommandFn)(int argc, char **argv);

typedef struct CliCommand {
    const char *name;
    CliCommandFn run;
    const char *summary_fr;
    const char *summary_en;
} CliCommand;

/* The subcommands, one per file src/cli/<name>.c. */
int cli_validate(int argc, char **argv);
int cli_play(int argc, char **argv);
int cli_analyze(int argc, char **argv);
int cli_forget(int argc, char **argv);
int cli_graph(int argc, char **argv);
int cli_new(int argc, char **argv);
int cli_report(int argc, char **argv);

/* Reads `--lang CODE` or `--lang=CODE` at argv[*i] into *lang (moving *i
 * past CODE): 1 read, -1 the code is not a language of the game, 0 argv[*i]
 * is not this option (or `--lang` is the last argument). */
int cli_lang_option(int argc, char **argv, int *i, Lang *lang);

/* The scenario file a SCENARIO argument names: `arg` itself when it ends in
 * ".json", else the scenario.json in the folder `arg`. Newly malloc'd (the
 * caller frees it); NULL when memory runs out. */
char *cli_scenario_json(const char *arg);

/* The table of subcommands, NULL-terminated (src/main.c). */
extern const CliCommand cli_commands[];

#endif

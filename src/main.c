/* main.c — the `enjeux` binary: the game when run plain, and the trainer
 * subcommands (`enjeux validate …`), like git. Parses the command line and
 * dispatches; nothing else. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/lang.h"
#ifdef ENJEUX_HAVE_GAME
#include "ui/entry.h"
#endif

/* Subcommands, one line each (implemented in src/cli/<name>.c). */
const CliCommand cli_commands[] = {
    {"validate", cli_validate, "vérifier des scénarios (fichier:ligne:colonne de chaque problème)", "check scenarios (file:line:column of each problem)"},
    {"--forget", cli_forget, "effacer un profil et toutes ses données de cet ordinateur", "delete a profile and all its data from this computer"},
    {"play", cli_play, "jouer un scénario sans fenêtre (--headless)", "play a scenario without a window (--headless)"},
    {"analyze", cli_analyze, "analyser un scénario : tout ce qui est atteignable, impasses, équilibre des scores", "analyse a scenario: everything reachable, dead ends, scoring balance"},
    {"graph", cli_graph, "dessiner le graphe des scènes (Graphviz DOT ou SVG)", "draw the scene graph (Graphviz DOT or SVG)"},
    {"new", cli_new, "créer un nouveau scénario à partir d'un modèle commenté", "create a new scenario from a commented template"},
    {"report", cli_report, "réunir les résultats d'un atelier en un rapport de classe (HTML, CSV)", "merge a workshop's results into a class report (HTML, CSV)"},
    {NULL, NULL, NULL, NULL},
};

static void print_usage(FILE *out) {
    Lang lang = lang_from_env();
    fprintf(out, lang == LANG_FR ? "Usage : enjeux [SCÉNARIO]\n        enjeux COMMANDE [OPTIONS…]\n\nCommandes :\n"
                                 : "Usage: enjeux [SCENARIO]\n       enjeux COMMAND [OPTIONS…]\n\nCommands:\n");
    for (const CliCommand *c = cli_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, lang == LANG_FR ? c->summary_fr : c->summary_en);
}

int main(int argc, char **argv) {
    if (argc >= 2) {
        if (strcmp(argv[1], "--version") == 0) {
            printf("enjeux %s\n", ENJEUX_VERSION);
            return 0;
        }
        if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
            print_usage(stdout);
            return 0;
        }
        for (const CliCommand *c = cli_commands; c->name; c++)
            if (strcmp(argv[1], c->name) == 0) return c->run(argc - 1, argv + 1);
    }
#ifdef ENJEUX_HAVE_GAME
    return app_main(argc, argv);
#else
    print_usage(stderr);
    return 2;
#endif
}

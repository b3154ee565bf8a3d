/* main.c — the `enjeux` binary: the game when run plain, and the trainer
 * subcommands (`enjeux validate …`), like git. Parses the command line and
 * dispatches; nothing else. */
#include <stdbool.h>
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
    {"analyze", cli_analyze, "analyser un scénario\u00a0: tout ce qui est atteignable, impasses, équilibre des scores", "analyse a scenario: everything reachable, dead ends, scoring balance"},
    {"graph", cli_graph, "dessiner le graphe des scènes (Graphviz DOT ou SVG)", "draw the scene graph (Graphviz DOT or SVG)"},
    {"new", cli_new, "créer un nouveau scénario à partir d'un modèle commenté", "create a new scenario from a commented template"},
    {"report", cli_report, "réunir les résultats d'un atelier en un rapport de classe (HTML, CSV)", "merge a workshop's results into a class report (HTML, CSV)"},
    {NULL, NULL, NULL, NULL},
};

/* The game's options, as the tutorial and the manual page (packaging/enjeux.6)
 * name them; two columns: option, meaning. */
static const char *const game_options_fr[][2] = {
    {"--lang fr|en", "langue du jeu et des messages (par défaut\u00a0: celle de l'environnement)"},
    {"--dev SCÉNARIO", "écriture en direct\u00a0: rechargé à chaque enregistrement, erreurs à l'écran, F1 (fenêtre requise)"},
    {"--screenshots DOSSIER", "enregistrer les écrans en PNG sans fenêtre, puis quitter (avec SCÉNARIO\u00a0: ses scènes)"},
    {"--all", "avec --screenshots\u00a0: tous les écrans du jeu"},
    {"--sizes 1280x720,…", "avec --screenshots\u00a0: les tailles de fenêtre à rendre"},
    {"--text-scale 100,200", "avec --screenshots\u00a0: les tailles de texte (en %)"},
    {"--contrast normal,high", "avec --screenshots\u00a0: les contrastes"},
    {"--seed N", "graine du hasard\u00a0: même graine et mêmes choix, même partie"},
    {"--size LxH", "taille de la fenêtre (1280x720 par défaut)"},
    {"--fullscreen", "plein écran pour cette fois"},
    {"--debrief FICHIER", "mode débriefing sur le report-data.json écrit par enjeux report"},
    {"--export-dir DOSSIER", "copier aussi les résultats de chaque partie dans DOSSIER (clé USB)"},
    {"--workshop FICHIER", "lire ce fichier d'atelier au lieu de workshop.json"},
    {"--workshop-code CODE", "le code d'atelier écrit dans chaque résultat"},
    {"--forget PROFIL", "effacer un profil et toutes ses données de cet ordinateur, puis quitter"},
    {"-h, --help", "afficher cette aide, puis quitter"},
    {"--version", "afficher la version, puis quitter"},
    {NULL, NULL},
};
static const char *const game_options_en[][2] = {
    {"--lang fr|en", "language of the game and messages (default: the environment's)"},
    {"--dev SCENARIO", "live authoring: reloaded on every save, errors on screen, F1 (needs a display)"},
    {"--screenshots DIR", "save the screens as PNG without a display, then exit (with SCENARIO: its scenes)"},
    {"--all", "with --screenshots: every screen of the game"},
    {"--sizes 1280x720,…", "with --screenshots: the window sizes to render"},
    {"--text-scale 100,200", "with --screenshots: the text sizes (in %)"},
    {"--contrast normal,high", "with --screenshots: the contrasts"},
    {"--seed N", "seed of chance: same seed and choices, same play"},
    {"--size WxH", "window size (default 1280x720)"},
    {"--fullscreen", "full screen for this run"},
    {"--debrief FILE", "debrief mode on the report-data.json written by enjeux report"},
    {"--export-dir DIR", "also copy each play's results to DIR (USB stick)"},
    {"--workshop FILE", "read this workshop file instead of workshop.json"},
    {"--workshop-code CODE", "the workshop code written in every result"},
    {"--forget PROFILE", "delete a profile and all its data from this computer, then exit"},
    {"-h, --help", "print this help, then exit"},
    {"--version", "print the version, then exit"},
    {NULL, NULL},
};

/* The language of the help: --lang on the line, else the environment's. */
static Lang usage_lang(int argc, char **argv) {
    Lang lang = lang_from_env();
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0) lang_parse(argv[i + 1], &lang);
    return lang;
}

/* One line of help: NAME padded to WIDTH characters (UTF-8 counted as
 * characters, not bytes), then the meaning. */
static void print_row(FILE *out, const char *name, int width, const char *meaning) {
    int chars = 0;
    for (const char *p = name; *p; p++) chars += ((unsigned char)*p & 0xC0) != 0x80;
    fprintf(out, "  %s%*s %s\n", name, width > chars ? width - chars : 0, "", meaning);
}

static void print_usage(FILE *out, Lang lang) {
    bool fr = lang == LANG_FR;
    fprintf(out, fr ? "Usage\u00a0: enjeux [OPTIONS…] [SCÉNARIO]\n        enjeux COMMANDE [OPTIONS…]\n\nCommandes\u00a0:\n"
                    : "Usage: enjeux [OPTIONS…] [SCENARIO]\n       enjeux COMMAND [OPTIONS…]\n\nCommands:\n");
    for (const CliCommand *c = cli_commands; c->name; c++)
        if (c->name[0] != '-') print_row(out, c->name, 10, fr ? c->summary_fr : c->summary_en);
    fputs(fr ? "\nOptions du jeu\u00a0:\n" : "\nGame options:\n", out);
    for (const char *const(*o)[2] = fr ? game_options_fr : game_options_en; (*o)[0]; o++)
        print_row(out, (*o)[0], 24, (*o)[1]);
    fputs(fr ? "\nAide d'une commande\u00a0: enjeux COMMANDE --help. Manuel\u00a0: man enjeux.\n"
             : "\nHelp on a command: enjeux COMMAND --help. Manual: man enjeux.\n",
          out);
}

int main(int argc, char **argv) {
    if (argc >= 2) {
        if (strcmp(argv[1], "--version") == 0) {
            printf("enjeux %s\n", ENJEUX_VERSION);
            return 0;
        }
        for (const CliCommand *c = cli_commands; c->name; c++)
            if (strcmp(argv[1], c->name) == 0) return c->run(argc - 1, argv + 1);
        /* Anywhere on the game's line (even after an option that takes a
         * value, as in `enjeux --dev --help`): help, never the window. */
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
                print_usage(stdout, usage_lang(argc, argv));
                return 0;
            }
    }
#ifdef ENJEUX_HAVE_GAME
    return app_main(argc, argv);
#else
    print_usage(stderr, usage_lang(argc, argv));
    return 2;
#endif
}

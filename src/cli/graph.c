/* graph.c — `enjeux graph SCENARIO [-o FILE.dot|FILE.svg]`: the scene graph
 * in Graphviz DOT (core/graph.h), on standard output or in a file; an .svg
 * file is drawn by Graphviz's `dot`, run as a child process without a shell.
 * A scenario whose only errors are unreachable scenes and the like is still
 * drawn (scenario_load_model), its diagnostics printed on standard error.
 * Exits 0 (written), 1 (the scenario cannot be loaded, or writing failed, or
 * `dot` is missing or failed) or 2 (bad usage). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/diag.h"
#include "core/framework.h"
#include "core/fsutil.h"
#include "core/graph.h"
#include "core/scenario.h"

/* Both texts are literals, so that printf formats stay checked. */
#define tr(lang, fr, en) ((lang) == LANG_EN ? (en) : (fr))

static void usage(FILE *out, Lang lang) {
    fputs(tr(lang,
             "Usage\u202f: enjeux graph [--lang fr|en] [-o FICHIER.dot|FICHIER.svg] SCÉNARIO\n"
             "Écrit le graphe des scènes au format Graphviz DOT (sur la sortie standard sans -o).\n"
             "Avec un fichier .svg, le dessine avec le programme « dot » de Graphviz.\n",
             "Usage: enjeux graph [--lang fr|en] [-o FILE.dot|FILE.svg] SCENARIO\n"
             "Writes the scene graph in Graphviz DOT (to standard output without -o).\n"
             "With an .svg file, draws it with Graphviz's \"dot\" program.\n"),
          out);
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A scenario.json, or a folder holding one: the file's path, malloc'd. */
static char *scenario_file(const char *arg) {
    if (fsutil_kind(arg) == FS_KIND_DIR) return fsutil_join(arg, "scenario.json");
    return strdup(arg);
}

/* Runs `dot -Tsvg` on `dot_text` and writes the SVG to `out` atomically:
 * the DOT goes to `out`.dot.tmp, dot draws into `out`.svg.tmp, which is
 * renamed over `out` once complete. Prints what went wrong and returns
 * false on failure; the temporary files are removed either way. */
static bool draw_svg(const char *dot_text, const char *out, Lang lang) {
    size_t n = strlen(out);
    char *in_path = malloc(n + 9), *svg_path = malloc(n + 9);
    if (!in_path || !svg_path) {
        free(in_path);
        free(svg_path);
        fputs(tr(lang, "enjeux graph\u202f: mémoire insuffisante\n", "enjeux graph: out of memory\n"), stderr);
        return false;
    }
    snprintf(in_path, n + 9, "%s.dot.tmp", out);
    snprintf(svg_path, n + 9, "%s.svg.tmp", out);
    bool ok = false;
    int err = 0;
    if (!fsutil_write_atomic(in_path, dot_text, strlen(dot_text), &err)) {
        fprintf(stderr, tr(lang, "enjeux graph\u202f: %s\u202f: écriture impossible (%s).\n",
                           "enjeux graph: %s: cannot write (%s).\n"),
                in_path, strerror(err));
        goto out;
    }
    char prog[] = "dot", fmt[] = "-Tsvg", opt_o[] = "-o";
    char *argv[] = {prog, fmt, opt_o, svg_path, in_path, NULL};
    int status = fsutil_run(argv, &err);
    if (status < 0 && err == ENOENT) {
        fputs(tr(lang,
                 "enjeux graph\u202f: le programme « dot » de Graphviz est introuvable.\n"
                 "  → Installez Graphviz (Debian, Ubuntu\u202f: sudo apt install graphviz), ou écrivez le DOT "
                 "avec -o graphe.dot et ouvrez-le dans un visualiseur en ligne.\n",
                 "enjeux graph: Graphviz's \"dot\" program was not found.\n"
                 "  → Install Graphviz (Debian, Ubuntu: sudo apt install graphviz), or write the DOT with "
                 "-o graph.dot and open it in an online viewer.\n"),
              stderr);
        goto out;
    }
    if (status != 0) {
        if (status < 0)
            fprintf(stderr, tr(lang, "enjeux graph\u202f: impossible de lancer « dot »\u202f: %s\n",
                               "enjeux graph: cannot run \"dot\": %s\n"),
                    strerror(err));
        else
            fputs(tr(lang, "enjeux graph\u202f: « dot » a échoué (voir son message ci-dessus).\n",
                     "enjeux graph: \"dot\" failed (see its message above).\n"),
                  stderr);
        goto out;
    }
    if (fsutil_kind(svg_path) != FS_KIND_FILE) {
        fputs(tr(lang, "enjeux graph\u202f: « dot » n'a rien produit.\n", "enjeux graph: \"dot\" produced nothing.\n"),
              stderr);
        goto out;
    }
    ok = fsutil_rename(svg_path, out, &err);
    if (!ok)
        fprintf(stderr, tr(lang, "enjeux graph\u202f: %s\u202f: écriture impossible (%s).\n",
                           "enjeux graph: %s: cannot write (%s).\n"),
                out, strerror(err));
out:
    remove(svg_path);
    remove(in_path);
    free(in_path);
    free(svg_path);
    return ok;
}

int cli_graph(int argc, char **argv) {
    Lang lang = lang_from_env();
    const char *out = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lang_opt = cli_lang_option(argc, argv, &i, &lang);
        if (lang_opt) {
            if (lang_opt < 0) {
                usage(stderr, lang);
                return 2;
            }
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout, lang);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            usage(stderr, lang);
            return 2;
        } else if (!path) {
            path = a;
        } else {
            usage(stderr, lang);
            return 2;
        }
    }
    if (!path) {
        usage(stderr, lang);
        return 2;
    }
    char *file = scenario_file(path);
    if (!file) return 1;
    DiagList dl;
    diag_list_init(&dl, lang);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_model(file, &fw, &dl);
    int status = 1;
    if (!sc) {
        char *s = diag_list_format_text(&dl);
        if (s) fputs(s, stderr);
        free(s);
        fprintf(stderr, tr(lang, "%s\u202f: le scénario a des erreurs, pas de graphe (corrigez-les, puis relancez).\n",
                           "%s: the scenario has errors, no graph (fix them, then run again).\n"),
                file);
        goto done;
    }
    if (dl.errors || dl.warnings) {
        char *s = diag_list_format_text(&dl);
        if (s) fputs(s, stderr);
        free(s);
        if (dl.errors)
            fprintf(stderr, tr(lang, "%s : le scénario a des erreurs (ci-dessus) ; le graphe les montre, mais "
                                     "corrigez-les avant de le jouer.\n",
                               "%s: the scenario has errors (above); the graph shows them, but fix them before "
                               "playing it.\n"),
                    file);
    }
    char *dot = graph_to_dot(sc, lang);
    if (!dot) {
        fputs("enjeux graph: out of memory\n", stderr);
        goto done;
    }
    if (!out) {
        fputs(dot, stdout);
        status = fflush(stdout) == 0 ? 0 : 1;
    } else if (ends_with(out, ".svg") || ends_with(out, ".SVG")) {
        status = draw_svg(dot, out, lang) ? 0 : 1;
        if (status == 0)
            printf(tr(lang, "%s\u202f: graphe écrit (SVG, dessiné par Graphviz).\n",
                      "%s: graph written (SVG, drawn by Graphviz).\n"),
                   out);
    } else {
        int err = 0;
        if (fsutil_write_atomic(out, dot, strlen(dot), &err)) {
            status = 0;
            printf(tr(lang, "%s\u202f: graphe écrit (texte DOT de Graphviz).\n",
                      "%s: graph written (Graphviz DOT text).\n"),
                   out);
        } else {
            fprintf(stderr, tr(lang, "enjeux graph\u202f: %s\u202f: écriture impossible (%s).\n",
                               "enjeux graph: %s: cannot write (%s).\n"),
                    out, strerror(err));
        }
    }
    free(dot);
done:
    scenario_free(sc);
    framework_free(fw);
    diag_list_free(&dl);
    free(file);
    return status;
}

/* graph.c — `enjeux graph SCENARIO [-o FILE.dot|FILE.svg]`: the scene graph
 * in Graphviz DOT (core/graph.h), on standard output or in a file; an .svg
 * file is drawn by Graphviz's `dot`, run as a child process without a shell.
 * A scenario whose only errors are unreachable scenes and the like is still
 * drawn (scenario_load_model), its diagnostics printed on standard error.
 * Exits 0 (written), 1 (the scenario cannot be loaded, or writing failed, or
 * `dot` is missing or failed) or 2 (bad usage). */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/diag.h"
#include "core/framework.h"
#include "core/fsutil.h"
#include "core/graph.h"
#include "core/scenario.h"

extern char **environ;

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
    struct stat st;
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) return fsutil_join(arg, "scenario.json");
    return strdup(arg);
}

/* Runs `dot -Tsvg` on `dot_text` and writes the SVG to `out` atomically.
 * Prints what went wrong and returns false on failure. */
static bool draw_svg(const char *dot_text, const char *out, Lang lang) {
    char in_path[] = "/tmp/enjeux-graph-dot-XXXXXX";
    char svg_path[] = "/tmp/enjeux-graph-svg-XXXXXX";
    int in_fd = mkstemp(in_path);
    if (in_fd < 0) {
        fprintf(stderr, tr(lang, "enjeux graph\u202f: impossible de créer un fichier temporaire\u202f: %s\n",
                           "enjeux graph: cannot create a temporary file: %s\n"),
                strerror(errno));
        return false;
    }
    int svg_fd = mkstemp(svg_path);
    if (svg_fd < 0) {
        fprintf(stderr, tr(lang, "enjeux graph\u202f: impossible de créer un fichier temporaire\u202f: %s\n",
                           "enjeux graph: cannot create a temporary file: %s\n"),
                strerror(errno));
        close(in_fd);
        unlink(in_path);
        return false;
    }
    bool ok = false;
    size_t len = strlen(dot_text), done = 0;
    while (done < len) {
        ssize_t w = write(in_fd, dot_text + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += (size_t)w;
    }
    close(in_fd);
    if (done < len) {
        fprintf(stderr, tr(lang, "enjeux graph\u202f: %s\u202f: écriture impossible\n",
                           "enjeux graph: %s: cannot write\n"),
                in_path);
        goto out;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, svg_fd, STDOUT_FILENO);
    char prog[] = "dot", fmt[] = "-Tsvg";
    char *argv[] = {prog, fmt, in_path, NULL};
    pid_t pid;
    int err = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err != 0) {
        if (err == ENOENT)
            fputs(tr(lang,
                     "enjeux graph\u202f: le programme « dot » de Graphviz est introuvable.\n"
                     "  → Installez Graphviz (Debian, Ubuntu\u202f: sudo apt install graphviz), ou écrivez le DOT "
                     "avec -o graphe.dot et ouvrez-le dans un visualiseur en ligne.\n",
                     "enjeux graph: Graphviz's \"dot\" program was not found.\n"
                     "  → Install Graphviz (Debian, Ubuntu: sudo apt install graphviz), or write the DOT with "
                     "-o graph.dot and open it in an online viewer.\n"),
                  stderr);
        else
            fprintf(stderr, tr(lang, "enjeux graph\u202f: impossible de lancer « dot »\u202f: %s\n",
                               "enjeux graph: cannot run \"dot\": %s\n"),
                    strerror(err));
        goto out;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            status = -1;
            break;
        }
    }
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            fputs(tr(lang, "enjeux graph\u202f: le programme « dot » de Graphviz est introuvable.\n",
                     "enjeux graph: Graphviz's \"dot\" program was not found.\n"),
                  stderr);
        else
            fputs(tr(lang, "enjeux graph\u202f: « dot » a échoué (voir son message ci-dessus).\n",
                     "enjeux graph: \"dot\" failed (see its message above).\n"),
                  stderr);
        goto out;
    }
    char *svg = NULL;
    size_t svg_len = 0, size = 0;
    int rerr = 0;
    if (fsutil_read_file(svg_path, 256u * 1024 * 1024, &svg, &svg_len, &size, &rerr) != FS_OK || svg_len == 0) {
        fputs(tr(lang, "enjeux graph\u202f: « dot » n'a rien produit.\n", "enjeux graph: \"dot\" produced nothing.\n"),
              stderr);
        free(svg);
        goto out;
    }
    int werr = 0;
    ok = fsutil_write_atomic(out, svg, svg_len, &werr);
    if (!ok)
        fprintf(stderr, tr(lang, "enjeux graph\u202f: %s\u202f: écriture impossible (%s).\n",
                           "enjeux graph: %s: cannot write (%s).\n"),
                out, strerror(werr));
    free(svg);
out:
    close(svg_fd);
    unlink(svg_path);
    unlink(in_path);
    return ok;
}

int cli_graph(int argc, char **argv) {
    Lang lang = lang_from_env();
    const char *out = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--lang") == 0 && i + 1 < argc) {
            if (!lang_parse(argv[++i], &lang)) {
                usage(stderr, lang);
                return 2;
            }
        } else if (strncmp(a, "--lang=", 7) == 0) {
            if (!lang_parse(a + 7, &lang)) {
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
    } else {
        int err = 0;
        if (fsutil_write_atomic(out, dot, strlen(dot), &err)) {
            status = 0;
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

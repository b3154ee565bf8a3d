/* validate.c — `enjeux validate PATH…`: checks scenarios (a file, a
 * scenario folder, or a folder of scenario folders) and competency
 * frameworks (in a folder of scenarios, also two scenarios sharing an id and
 * an id that is not its folder's name), prints every problem with file:line:column and a hint, and
 * exits 0 (valid, warnings allowed), 1 (an error) or 2 (bad usage). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/diag.h"
#include "core/fsutil.h"
#include "core/framework.h"
#include "core/lang.h"
#include "core/library.h"
#include "core/scenario.h"

typedef struct Run {
    Lang lang;
    bool json;
    bool any_error;
    size_t files;
    size_t json_items; /* diagnostics already printed in JSON mode */
} Run;

static bool is_dir(const char *p) {
    return fsutil_kind(p) == FS_KIND_DIR;
}

static bool is_file(const char *p) {
    return fsutil_kind(p) == FS_KIND_FILE;
}

static char *join(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t n = a;
    if (a && dir[a - 1] != '/') p[n++] = '/';
    memcpy(p + n, name, b + 1);
    return p;
}

static bool is_framework_file(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base), k = strlen("competencies.json");
    return n >= k && strcmp(base + n - k, "competencies.json") == 0;
}

/* Prints the diagnostics of one file and its summary line. */
static void report(Run *run, const char *path, DiagList *dl) {
    bool fr = run->lang == LANG_FR;
    if (dl->errors) run->any_error = true;
    run->files++;
    if (run->json) {
        char *s = diag_list_format_json(dl);
        if (!s) return;
        /* Splice this file's array into the one array printed overall. */
        char *open = strchr(s, '[');
        char *close = strrchr(s, ']');
        if (open && close && dl->count) {
            *close = '\0';
            char *body = open + 1;
            while (*body == '\n') body++;
            size_t n = strlen(body);
            while (n && (body[n - 1] == '\n' || body[n - 1] == ' ')) body[--n] = '\0';
            printf("%s%s", run->json_items ? ",\n" : "\n", body);
            run->json_items += dl->count;
        }
        free(s);
        return;
    }
    char *s = diag_list_format_text(dl);
    if (s) {
        fputs(s, stdout);
        free(s);
    }
    if (dl->dropped)
        printf(fr ? "%s\u202f: %zu autres problèmes non affichés.\n" : "%s: %zu more problems not shown.\n", path,
               dl->dropped);
    if (!dl->errors && !dl->warnings)
        printf(fr ? "%s\u202f: valide.\n" : "%s: valid.\n", path);
    else if (fr)
        printf("%s\u202f: %zu erreur%s, %zu avertissement%s.\n", path, dl->errors, dl->errors > 1 ? "s" : "",
               dl->warnings, dl->warnings > 1 ? "s" : "");
    else
        printf("%s: %zu error%s, %zu warning%s.\n", path, dl->errors, dl->errors == 1 ? "" : "s", dl->warnings,
               dl->warnings == 1 ? "" : "s");
}

static void check_framework(Run *run, const char *path) {
    DiagList dl;
    diag_list_init(&dl, run->lang);
    framework_free(framework_load(path, &dl));
    report(run, path, &dl);
    diag_list_free(&dl);
}

/* `lib`: the ids seen so far in the same library folder, or NULL when the
 * scenario was named alone. */
static void check_scenario(Run *run, const char *path, LibraryIds *lib) {
    DiagList dl;
    diag_list_init(&dl, run->lang);
    Framework *fw = NULL;
    Scenario *sc = scenario_load_auto(path, &fw, &dl);
    if (lib && sc && !library_check(lib, sc, &dl)) {
        const char *args[4] = {path, run->lang == LANG_FR ? "mémoire insuffisante" : "out of memory", NULL, NULL};
        diag_add(&dl, DIAG_IO, path, 0, 0, "", args);
    }
    scenario_free(sc);
    framework_free(fw);
    report(run, path, &dl);
    diag_list_free(&dl);
}

/* A folder of scenario folders: each scenario, in name order, and the
 * framework found there. Returns false when it holds nothing to check. */
static bool check_library(Run *run, const char *dir) {
    size_t n;
    int err;
    char **names;
    if (!fsutil_list_dir(dir, &names, &n, &err)) return false;
    bool found = false;
    char *fw = join(dir, "competencies.json");
    if (fw && is_file(fw)) {
        check_framework(run, fw);
        found = true;
    }
    free(fw);
    LibraryIds lib = {0};
    for (size_t i = 0; i < n; i++) {
        if (names[i][0] == '.') continue;
        char *sub = join(dir, names[i]);
        char *sc = sub && is_dir(sub) ? join(sub, "scenario.json") : NULL;
        if (sc && is_file(sc)) {
            check_scenario(run, sc, &lib);
            found = true;
        }
        free(sc);
        free(sub);
    }
    library_ids_free(&lib);
    fsutil_free_names(names, n);
    return found;
}

static void check_path(Run *run, const char *path) {
    if (is_dir(path)) {
        char *sc = join(path, "scenario.json");
        if (sc && is_file(sc)) {
            check_scenario(run, sc, NULL);
        } else if (!check_library(run, path)) {
            DiagList dl;
            diag_list_init(&dl, run->lang);
            const char *args[4] = {path,
                                   run->lang == LANG_FR ? "aucun scenario.json dans ce dossier ni dans ses sous-dossiers"
                                                        : "no scenario.json in this folder or its subfolders",
                                   NULL, NULL};
            diag_add(&dl, DIAG_IO, path, 0, 0, "", args);
            report(run, path, &dl);
            diag_list_free(&dl);
        }
        free(sc);
    } else if (is_framework_file(path)) {
        check_framework(run, path);
    } else {
        check_scenario(run, path, NULL);
    }
}

static void usage(FILE *out, Lang lang) {
    if (lang == LANG_FR)
        fputs("Usage\u202f: enjeux validate [--format text|json] [--lang fr|en] CHEMIN…\n"
              "CHEMIN est un fichier scenario.json, le dossier d'un scénario, ou un dossier de scénarios.\n"
              "Code de sortie\u202f: 0 valide (avertissements permis), 1 erreur trouvée, 2 mauvais usage.\n",
              out);
    else
        fputs("Usage: enjeux validate [--format text|json] [--lang fr|en] PATH…\n"
              "PATH is a scenario.json file, a scenario's folder, or a folder of scenarios.\n"
              "Exit status: 0 valid (warnings allowed), 1 error found, 2 bad usage.\n",
              out);
}

int cli_validate(int argc, char **argv) {
    Run run = {lang_from_env(), false, false, 0, 0};
    int first_path = argc;
    int n_paths = 0;
    /* Options first, so that --lang applies to every message. */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lang_opt = cli_lang_option(argc, argv, &i, &run.lang);
        if (lang_opt) {
            if (lang_opt < 0) {
                usage(stderr, run.lang);
                return 2;
            }
        } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            i++;
            if (strcmp(argv[i], "json") == 0)
                run.json = true;
            else if (strcmp(argv[i], "text") == 0)
                run.json = false;
            else {
                usage(stderr, run.lang);
                return 2;
            }
        } else if (strncmp(a, "--format=", 9) == 0) {
            if (strcmp(a + 9, "json") == 0)
                run.json = true;
            else if (strcmp(a + 9, "text") != 0) {
                usage(stderr, run.lang);
                return 2;
            }
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout, run.lang);
            return 0;
        } else if (strcmp(a, "--") == 0) {
            n_paths += argc - i - 1;
            if (first_path == argc) first_path = i + 1;
            break;
        } else if (a[0] == '-' && a[1]) {
            usage(stderr, run.lang);
            return 2;
        } else {
            if (first_path == argc) first_path = i;
            n_paths++;
        }
    }
    if (n_paths == 0) {
        usage(stderr, run.lang);
        return 2;
    }
    if (run.json) fputs("[", stdout);
    bool after_dashdash = false;
    for (int i = first_path; i < argc; i++) {
        const char *a = argv[i];
        if (!after_dashdash) {
            if (strcmp(a, "--") == 0) {
                after_dashdash = true;
                continue;
            }
            if (strcmp(a, "--format") == 0 || strcmp(a, "--lang") == 0) {
                i++;
                continue;
            }
            if (a[0] == '-' && a[1]) continue;
        }
        check_path(&run, a);
    }
    if (run.json) fputs(run.json_items ? "\n]\n" : "]\n", stdout);
    return run.any_error ? 1 : 0;
}

/* report.c — `enjeux report FILES-OR-FOLDERS… -o report.html`: merges the
 * results files of a workshop (from any number of computers; folders are
 * walked) into one class report: a self-contained HTML page, a CSV, and
 * report-data.json for the debrief mode (`enjeux --debrief`). Problems in
 * files are printed with file:line:column and the rest is still counted.
 * Exit status: 0 report written, 1 written but some file could not be read
 * (or no play found), 2 bad usage or the report could not be written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/datadir.h"
#include "core/fsutil.h"
#include "core/lang.h"
#include "core/report.h"


enum { WALK_DEPTH = 16 };

typedef struct Paths {
    char **items;
    size_t n, cap;
    bool oom;
} Paths;

static void paths_add(Paths *p, char *s) {
    if (!s) {
        p->oom = true;
        return;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **items = realloc(p->items, cap * sizeof *items);
        if (!items) {
            free(s);
            p->oom = true;
            return;
        }
        p->items = items;
        p->cap = cap;
    }
    p->items[p->n++] = s;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A badge credential, "<play-id>-badge-N1.json" to N3: the export folder
 * holds one beside each play that earned a badge. */
static bool is_badge(const char *name) {
    size_t n = strlen(name);
    return n >= 14 && strncmp(name + n - 14, "-badge-N", 8) == 0 && name[n - 6] >= '1' && name[n - 6] <= '3' &&
           strcmp(name + n - 5, ".json") == 0;
}

/* A results file found in a folder: *.json, not the xAPI statements
 * (*.xapi.json), a badge credential nor a temporary file. */
static bool looks_like_results(const char *name) {
    return name[0] != '.' && ends_with(name, ".json") && !ends_with(name, ".xapi.json") && !is_badge(name);
}

static void walk(Paths *out, const char *dir, int depth) {
    if (depth > WALK_DEPTH) return;
    char **names;
    size_t count;
    int err;
    if (!fsutil_list_dir(dir, &names, &count, &err)) return;
    Paths here = {0};
    for (size_t k = 0; k < count; k++) {
        if (names[k][0] == '.') continue;
        paths_add(&here, fsutil_join(dir, names[k]));
    }
    fsutil_free_names(names, count);
    for (size_t i = 0; i < here.n; i++) {
        char *p = here.items[i];
        const char *base = strrchr(p, '/');
        base = base ? base + 1 : p;
        FsKind kind = fsutil_kind(p);
        if (kind == FS_KIND_DIR) {
            walk(out, p, depth + 1);
            free(p);
        } else if (kind == FS_KIND_FILE && looks_like_results(base)) {
            paths_add(out, p);
        } else {
            free(p);
        }
    }
    out->oom |= here.oom;
    free(here.items);
}

static void usage(FILE *out, Lang lang) {
    if (lang == LANG_FR)
        fputs("Usage\u202f: enjeux report [-o RAPPORT.html] [--csv FICHIER.csv] [--data FICHIER.json]\n"
              "                     [--scenarios DOSSIER] [--lang fr|en] FICHIER-OU-DOSSIER…\n"
              "Réunit les fichiers de résultats (results/*.json, dossiers parcourus) de tous les postes\n"
              "en un rapport de classe HTML (par défaut report.html), un CSV (par défaut à côté, .csv)\n"
              "et les données du mode débriefing (par défaut report-data.json à côté).\n"
              "Code de sortie\u202f: 0 rapport écrit, 1 écrit mais un fichier illisible ou aucune partie,\n"
              "2 mauvais usage ou écriture impossible.\n",
              out);
    else
        fputs("Usage: enjeux report [-o REPORT.html] [--csv FILE.csv] [--data FILE.json]\n"
              "                     [--scenarios FOLDER] [--lang fr|en] FILE-OR-FOLDER…\n"
              "Merges the results files (results/*.json, folders walked) of every computer into one\n"
              "class report in HTML (default report.html), a CSV (default beside it, .csv) and the\n"
              "data of the debrief mode (default report-data.json beside it).\n"
              "Exit status: 0 report written, 1 written but a file was unreadable or no play found,\n"
              "2 bad usage or the report could not be written.\n",
              out);
}

/* `html` with its extension replaced by `ext` (or the folder of `html`
 * joined to `name` when name is given). Malloc'd. */
static char *beside(const char *html, const char *ext, const char *name) {
    if (name) {
        char *dir = fsutil_dirname(html);
        char *p = dir ? fsutil_join(dir, name) : NULL;
        free(dir);
        return p;
    }
    const char *slash = strrchr(html, '/');
    const char *dot = strrchr(html, '.');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - html) : strlen(html);
    char *p = malloc(stem + strlen(ext) + 1);
    if (!p) return NULL;
    memcpy(p, html, stem);
    strcpy(p + stem, ext);
    return p;
}

static bool write_out(const char *path, char *text, Lang lang) {
    int err = 0;
    if (text && fsutil_write_atomic(path, text, strlen(text), &err)) {
        free(text);
        return true;
    }
    if (!text) err = ENOMEM;
    fprintf(stderr,
            lang == LANG_FR ? "%s\u202f: impossible d'écrire le fichier (%s)\u202f; vérifiez que le dossier existe et "
                              "accepte l'écriture.\n"
                            : "%s: cannot write the file (%s); check that the folder exists and is writable.\n",
            path, strerror(err));
    free(text);
    return false;
}

/* The installed (or source) scenarios folder, for titles; NULL if none. */
static const char *default_scenarios(char *buf, size_t len) {
    char *dir = NULL;
    if (DATADIR_FIND(&dir) != DATADIR_OK) return NULL;
    int n = snprintf(buf, len, "%sscenarios", dir);
    free(dir);
    return n > 0 && (size_t)n < len && fsutil_kind(buf) == FS_KIND_DIR ? buf : NULL;
}

typedef struct Opts {
    Lang lang;
    const char *out, *csv, *data, *scenarios;
} Opts;

/* Reads a value option (`--x V` or `--x=V`); 1 matched, 0 not this option,
 * -1 missing value. */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **out) {
    size_t n = strlen(name);
    if (strcmp(argv[*i], name) == 0) {
        if (*i + 1 >= argc) return -1;
        *out = argv[++*i];
        return 1;
    }
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=' && name[1] == '-') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    return 0;
}

int cli_report(int argc, char **argv) {
    Opts o = {lang_from_env(), "report.html", NULL, NULL, NULL};
    /* --lang first, so that usage messages are in the language asked. */
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0) lang_parse(argv[i + 1], &o.lang);
    Paths inputs = {0};
    bool dashdash = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int m = 0;
        if (!dashdash && a[0] == '-' && a[1]) {
            if (strcmp(a, "--") == 0) {
                dashdash = true;
                continue;
            }
            if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
                usage(stdout, o.lang);
                free(inputs.items);
                return 0;
            }
            if ((m = opt_value(argc, argv, &i, "-o", &o.out)) || (m = opt_value(argc, argv, &i, "--output", &o.out)) ||
                (m = opt_value(argc, argv, &i, "--csv", &o.csv)) || (m = opt_value(argc, argv, &i, "--data", &o.data)) ||
                (m = opt_value(argc, argv, &i, "--scenarios", &o.scenarios))) {
                if (m > 0) continue;
            } else if ((m = opt_value(argc, argv, &i, "--lang", &v)) > 0 && lang_parse(v, &o.lang)) {
                continue;
            }
            usage(stderr, o.lang);
            for (size_t k = 0; k < inputs.n; k++) free(inputs.items[k]);
            free(inputs.items);
            return 2;
        }
        paths_add(&inputs, strdup(a));
    }
    if (!inputs.n || inputs.oom) {
        usage(stderr, o.lang);
        for (size_t k = 0; k < inputs.n; k++) free(inputs.items[k]);
        free(inputs.items);
        return 2;
    }
    bool fr = o.lang == LANG_FR;
    Paths files = {0};
    int missing = 0;
    for (size_t k = 0; k < inputs.n; k++) {
        FsKind kind = fsutil_kind(inputs.items[k]);
        if (kind == FS_KIND_NONE) {
            fprintf(stderr,
                    fr ? "%s\u202f: introuvable (%s)\u202f; vérifiez le chemin du fichier ou du dossier.\n"
                       : "%s: not found (%s); check the path of the file or folder.\n",
                    inputs.items[k], strerror(ENOENT));
            missing++;
        } else if (kind == FS_KIND_DIR) {
            walk(&files, inputs.items[k], 0);
        } else {
            paths_add(&files, strdup(inputs.items[k]));
        }
    }
    Report *r = files.oom ? NULL : report_create(o.lang);
    char sbuf[4096];
    const char *sdir = o.scenarios ? o.scenarios : default_scenarios(sbuf, sizeof sbuf);
    bool ok = r != NULL;
    for (size_t k = 0; ok && k < files.n; k++) ok = report_add_file(r, files.items[k]) != REPORT_OOM;
    ok = ok && report_finish(r, sdir);
    /* What was read, for the page's header. */
    size_t ilen = 1;
    for (size_t k = 0; k < inputs.n; k++) ilen += strlen(inputs.items[k]) + 2;
    char *inames = malloc(ilen);
    if (inames) {
        inames[0] = '\0';
        for (size_t k = 0; k < inputs.n; k++) {
            if (k) strcat(inames, ", ");
            strcat(inames, inputs.items[k]);
        }
    }
    int status = 0;
    if (!ok) {
        fputs(fr ? "Mémoire insuffisante pour ce rapport.\n" : "Out of memory for this report.\n", stderr);
        status = 2;
    } else {
        if (r->diags.count) {
            char *s = diag_list_format_text(&r->diags);
            if (s) fputs(s, stderr);
            free(s);
            if (r->diags.dropped)
                fprintf(stderr, fr ? "… et %zu autres problèmes.\n" : "… and %zu more problems.\n", r->diags.dropped);
        }
        char *csv = o.csv ? strdup(o.csv) : beside(o.out, ".csv", NULL);
        char *data = o.data ? strdup(o.data) : beside(o.out, NULL, "report-data.json");
        bool w = csv && data && write_out(o.out, report_html(r, inames), o.lang) &&
                 write_out(csv, report_csv(r), o.lang) && write_out(data, report_json(r), o.lang);
        if (w) {
            printf(fr ? "Parties lues\u202f: %u, dans %u fichiers (doublons ignorés\u202f: %u, fichiers sans résultats\u202f: "
                        "%u, fichiers en erreur\u202f: %u)\u202f; scénarios\u202f: %u.\n"
                      : "Plays read: %u, from %u files (duplicates ignored: %u, files without results: %u, files with "
                        "errors: %u); scenarios: %u.\n",
                   (unsigned)r->plays, (unsigned)r->files, (unsigned)r->duplicates, (unsigned)r->skipped,
                   (unsigned)r->bad, (unsigned)r->n_scenarios);
            printf(fr ? "Rapport\u202f: %s\nTableur\u202f: %s\nDébriefing\u202f: %s (enjeux --debrief %s)\n"
                      : "Report: %s\nSpreadsheet: %s\nDebrief: %s (enjeux --debrief %s)\n",
                   o.out, csv, data, data);
            if (!sdir)
                fputs(fr ? "Dossier des scénarios introuvable (--scenarios DOSSIER)\u202f: les choix sont désignés par "
                           "leur identifiant.\n"
                         : "Scenarios folder not found (--scenarios FOLDER): choices are shown by their id.\n",
                      stdout);
            if (r->bad || missing || r->plays == 0) status = 1;
            if (r->plays == 0)
                fputs(fr ? "Aucune partie trouvée\u202f: donnez les dossiers results/ des profils, ou le dossier "
                           "d'export.\n"
                         : "No play found: give the profiles' results/ folders, or the export folder.\n",
                      stderr);
        } else {
            status = 2;
        }
        free(csv);
        free(data);
    }
    free(inames);
    report_destroy(r);
    for (size_t k = 0; k < files.n; k++) free(files.items[k]);
    free(files.items);
    for (size_t k = 0; k < inputs.n; k++) free(inputs.items[k]);
    free(inputs.items);
    return status;
}

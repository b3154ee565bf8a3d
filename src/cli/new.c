/* new.c — `enjeux new ID [--dir scenarios]`: creates DIR/ID/ from the
 * template in the data folder (assets/templates/scenario/: a small scenario
 * that validates and plays, its README — JSON has no comments — and one
 * placeholder illustration). Refuses an invalid id and an existing folder;
 * when DIR has no competency framework, copies the game's one there so that
 * the new scenario validates at once, and likewise the scenario JSON Schema
 * to DIR/schema/ (the template's "$schema": "../schema/scenario.schema.json"
 * points there, for editors' completion). Exits 0, 1 (failure) or 2 (bad usage). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/datadir.h"
#include "core/fsutil.h"
#include "core/lang.h"
#include "core/scenario.h"

enum { TEMPLATE_MAX_BYTES = 1024 * 1024 };

/* The template's files, relative to its folder; scenario.json first. */
static const char *const TEMPLATE_FILES[] = {"scenario.json", "README.md", "images/accueil.svg"};
#define TEMPLATE_ID_LINE "\"id\": \"nouveau-scenario\""
#define TEMPLATE_PATH_WORD "scenarios/ID"

/* Both texts are literals, so that printf formats stay checked. */
#define tr(lang, fr, en) ((lang) == LANG_EN ? (en) : (fr))

static void usage(FILE *out, Lang lang) {
    fputs(tr(lang,
             "Usage\u202f: enjeux new [--lang fr|en] [--dir DOSSIER] ID\n"
             "Crée DOSSIER/ID/ (DOSSIER\u202f: scenarios par défaut) à partir d'un modèle commenté qui se valide et se "
             "joue.\n"
             "ID\u202f: 1 à 64 caractères, minuscules, chiffres, - et _, commençant par une lettre (ex.\u202f: "
             "accueil-mairie).\n",
             "Usage: enjeux new [--lang fr|en] [--dir FOLDER] ID\n"
             "Creates FOLDER/ID/ (FOLDER: scenarios by default) from a commented template that validates and "
             "plays.\n"
             "ID: 1 to 64 characters, lowercase letters, digits, - and _, starting with a letter (e.g. "
             "town-hall-desk).\n"),
          out);
}

static bool valid_id(const char *id) {
    size_t n = strlen(id);
    if (n == 0 || n > LIMIT_ID_BYTES || !(id[0] >= 'a' && id[0] <= 'z')) return false;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}

static bool is_file(const char *p) {
    return fsutil_kind(p) == FS_KIND_FILE;
}

/* mkdir -p; false with errno set on failure. */
static bool make_dirs(const char *dir) {
    int e;
    if (fsutil_mkdirs(dir, &e)) return true;
    errno = e;
    return false;
}

/* `text` with the first occurrence of `from` replaced by `to` (every
 * occurrence when `all`), malloc'd; NULL on OOM. */
static char *replace(const char *text, const char *from, const char *to, bool all) {
    size_t nf = strlen(from), nt = strlen(to), count = 0;
    for (const char *p = strstr(text, from); p; p = strstr(p + nf, from)) {
        count++;
        if (!all) break;
    }
    size_t len = strlen(text) + count * nt + 1;
    char *out = malloc(len);
    if (!out) return NULL;
    char *w = out;
    const char *r = text;
    for (size_t k = 0; k < count; k++) {
        const char *p = strstr(r, from);
        memcpy(w, r, (size_t)(p - r));
        w += p - r;
        memcpy(w, to, nt);
        w += nt;
        r = p + nf;
    }
    strcpy(w, r);
    return out;
}

static bool read_all(const char *path, char **data, size_t *len, Lang lang) {
    size_t size = 0;
    int err = 0;
    FsStatus st = fsutil_read_file(path, TEMPLATE_MAX_BYTES, data, len, &size, &err);
    if (st == FS_OK) return true;
    fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: lecture impossible (%s). Réinstallez le jeu.\n",
                       "enjeux new: %s: cannot read it (%s). Reinstall the game.\n"),
            path, st == FS_TOO_LARGE ? "too large" : strerror(err));
    return false;
}

static bool write_file(const char *path, const char *data, size_t len, Lang lang) {
    int err = 0;
    if (fsutil_write_atomic(path, data, len, &err)) return true;
    fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: écriture impossible (%s).\n",
                       "enjeux new: %s: cannot write it (%s).\n"),
            path, strerror(err));
    return false;
}

/* Copies the template into `dest` (already created, empty). */
static bool copy_template(const char *tpl, const char *dest, const char *id, const char *shown, Lang lang) {
    char *images = fsutil_join(dest, "images");
    int mk_err = 0;
    if (!images || !fsutil_mkdir(images, &mk_err)) {
        errno = mk_err;
        fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: création impossible (%s).\n",
                           "enjeux new: %s: cannot create it (%s).\n"),
                images ? images : dest, strerror(errno));
        free(images);
        return false;
    }
    free(images);
    char id_line[LIMIT_ID_BYTES + 16];
    snprintf(id_line, sizeof id_line, "\"id\": \"%s\"", id);
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof TEMPLATE_FILES / sizeof TEMPLATE_FILES[0]; i++) {
        char *src = fsutil_join(tpl, TEMPLATE_FILES[i]);
        char *dst = fsutil_join(dest, TEMPLATE_FILES[i]);
        char *data = NULL, *out = NULL;
        size_t len = 0;
        ok = src && dst && read_all(src, &data, &len, lang);
        if (ok) {
            if (i == 0) {
                if (!strstr(data, TEMPLATE_ID_LINE)) {
                    fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: modèle inattendu. Réinstallez le jeu.\n",
                                       "enjeux new: %s: unexpected template. Reinstall the game.\n"),
                            src);
                    ok = false;
                } else {
                    out = replace(data, TEMPLATE_ID_LINE, id_line, false);
                }
            } else if (strcmp(TEMPLATE_FILES[i], "README.md") == 0) {
                out = replace(data, TEMPLATE_PATH_WORD, shown, true);
            } else {
                out = data;
                data = NULL;
            }
            if (ok && !out) ok = false;
            if (ok) ok = write_file(dst, out, strlen(out), lang);
        }
        free(out);
        free(data);
        free(src);
        free(dst);
    }
    return ok;
}

/* Copies the game's `src` to `dst` unless `dst` exists (an author's own
 * framework or schema is kept), saying so; false after printing why. */
static bool copy_if_absent(const char *src, const char *dst, Lang lang) {
    if (is_file(dst)) return true;
    char *data = NULL;
    size_t len = 0;
    bool ok = read_all(src, &data, &len, lang) && write_file(dst, data, len, lang);
    free(data);
    if (ok)
        printf(tr(lang, "%s\u202f: copié depuis le jeu.\n", "%s: copied from the game.\n"), dst);
    return ok;
}

int cli_new(int argc, char **argv) {
    Lang lang = lang_from_env();
    const char *dir = "scenarios", *id = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lang_opt = cli_lang_option(argc, argv, &i, &lang);
        if (lang_opt) {
            if (lang_opt < 0) {
                usage(stderr, lang);
                return 2;
            }
        } else if (strcmp(a, "--dir") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strncmp(a, "--dir=", 6) == 0) {
            dir = a + 6;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout, lang);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            usage(stderr, lang);
            return 2;
        } else if (!id) {
            id = a;
        } else {
            usage(stderr, lang);
            return 2;
        }
    }
    if (!id || !*dir) {
        usage(stderr, lang);
        return 2;
    }
    if (!valid_id(id)) {
        fprintf(stderr,
                tr(lang,
                   "enjeux new\u202f: «\u00a0%s\u00a0» n'est pas un identifiant valide.\n"
                   "  → 1 à 64 caractères\u202f: minuscules sans accent, chiffres, - et _, en commençant par une "
                   "lettre (ex.\u202f: accueil-mairie).\n",
                   "enjeux new: \"%s\" is not a valid id.\n"
                   "  → 1 to 64 characters: lowercase letters without accents, digits, - and _, starting with a "
                   "letter (e.g. town-hall-desk).\n"),
                id);
        return 2;
    }
    char *data_dir = NULL;
    char *tpl_file = DATADIR_FIND(&data_dir) == DATADIR_OK
                         ? fsutil_join(data_dir, "assets/templates/scenario/scenario.json") : NULL;
    bool have_tpl = tpl_file && is_file(tpl_file);
    free(tpl_file);
    if (!have_tpl) {
        free(data_dir);
        fputs(tr(lang,
                 "enjeux new\u202f: modèle introuvable (assets/templates/scenario/). Réinstallez le jeu, ou "
                 "indiquez son dossier de données avec ENJEUX_DATA_DIR.\n",
                 "enjeux new: template not found (assets/templates/scenario/). Reinstall the game, or point "
                 "ENJEUX_DATA_DIR at its data folder.\n"),
              stderr);
        return 1;
    }
    int status = 1;
    char *tpl = fsutil_join(data_dir, "assets/templates/scenario");
    char *dest = fsutil_join(dir, id);
    char *fw_here = fsutil_join(dir, "competencies.json");
    char *fw_src = fsutil_join(data_dir, "scenarios/competencies.json");
    char *schema_dir = fsutil_join(dir, "schema");
    char *schema_here = fsutil_join(dir, "schema/scenario.schema.json");
    char *schema_src = fsutil_join(data_dir, "scenarios/schema/scenario.schema.json");
    if (!tpl || !dest || !fw_here || !fw_src || !schema_dir || !schema_here || !schema_src) goto done;
    if (!make_dirs(dir)) {
        fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: création du dossier impossible (%s).\n",
                           "enjeux new: %s: cannot create the folder (%s).\n"),
                dir, strerror(errno));
        goto done;
    }
    int mk_err = 0;
    if (!fsutil_mkdir(dest, &mk_err)) {
        errno = mk_err;
        if (errno == EEXIST)
            fprintf(stderr,
                    tr(lang,
                       "enjeux new\u202f: %s existe déjà\u202f; rien n'a été modifié.\n"
                       "  → Choisissez un autre identifiant, ou supprimez ce dossier si vous voulez repartir du "
                       "modèle.\n",
                       "enjeux new: %s already exists; nothing was changed.\n"
                       "  → Choose another id, or delete that folder to start again from the template.\n"),
                    dest);
        else
            fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: création impossible (%s).\n",
                               "enjeux new: %s: cannot create it (%s).\n"),
                    dest, strerror(errno));
        goto done;
    }
    bool copied = copy_template(tpl, dest, id, dest, lang);
    bool fw_copied = false;
    if (copied && !is_file(fw_here)) {
        char *fw = NULL;
        size_t len = 0;
        copied = read_all(fw_src, &fw, &len, lang) && write_file(fw_here, fw, len, lang);
        fw_copied = copied;
        free(fw);
    }
    if (copied) {
        int mk = 0;
        copied = fsutil_mkdirs(schema_dir, &mk) && copy_if_absent(schema_src, schema_here, lang);
        if (mk) {
            errno = mk;
            fprintf(stderr, tr(lang, "enjeux new\u202f: %s\u202f: création du dossier impossible (%s).\n",
                               "enjeux new: %s: cannot create the folder (%s).\n"),
                    schema_dir, strerror(errno));
        }
    }
    if (!copied) {
        /* Never leave half a scenario: the folder was created just now. */
        int rm_err = 0;
        if (fsutil_remove_tree(dest, &rm_err))
            fprintf(stderr,
                    tr(lang,
                       "  \u2192 %s a été retiré\u202f: libérez de la place ou choisissez un autre dossier, puis "
                       "recommencez.\n",
                       "  \u2192 %s was removed: free some space or choose another folder, then try again.\n"),
                    dest);
        goto done;
    }
    if (fw_copied) {
        printf(tr(lang, "%s\u202f: référentiel de compétences copié depuis le jeu.\n",
                  "%s: competency framework copied from the game.\n"),
               fw_here);
    }
    printf(tr(lang,
              "%s/ créé.\n"
              "  Modifiez %s/scenario.json (mode d'emploi\u202f: %s/README.md), puis\u202f:\n"
              "    enjeux validate %s\n"
              "    enjeux --dev %s\n",
              "%s/ created.\n"
              "  Edit %s/scenario.json (how to: %s/README.md), then:\n"
              "    enjeux validate %s\n"
              "    enjeux --dev %s\n"),
           dest, dest, dest, dest, dest);
    status = 0;
done:
    free(tpl);
    free(dest);
    free(fw_here);
    free(fw_src);
    free(schema_dir);
    free(schema_here);
    free(schema_src);
    free(data_dir);
    return status;
}

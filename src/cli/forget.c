/* forget.c — `enjeux --forget PROFILE`: deletes a profile and all its data
 * (play records, results, badges, saves, settings) from this computer,
 * through the core's forget_profile(). See docs/workshop.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/forget.h"
#include "core/lang.h"
#ifdef ENJEUX_HAVE_GAME
#include "ui/paths.h"
#endif

/* The user folder, as the game finds it (trailing '/'). */
static bool user_dir(char *out, size_t n, char *err, size_t errlen) {
#ifdef ENJEUX_HAVE_GAME
    return paths_find_user(out, n, err, errlen);
#else
    const char *env = getenv("ENJEUX_USER_DIR");
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int k;
    if (env && *env) k = snprintf(out, n, "%s%s", env, env[strlen(env) - 1] == '/' ? "" : "/");
    else if (xdg && *xdg) k = snprintf(out, n, "%s/enjeux/enjeux/", xdg);
    else if (home && *home) k = snprintf(out, n, "%s/.local/share/enjeux/enjeux/", home);
    else k = -1;
    if (k < 0 || (size_t)k >= n) {
        snprintf(err, errlen, "cannot tell where the player data is; set ENJEUX_USER_DIR");
        return false;
    }
    return true;
#endif
}

int cli_forget(int argc, char **argv) {
    Lang lang = lang_from_env();
    const char *who = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            if (!lang_parse(argv[++i], &lang)) {
                fprintf(stderr, "enjeux: --lang %s: fr or en\n", argv[i]);
                return 2;
            }
        } else if (!who && argv[i][0] != '-') {
            who = argv[i];
        } else {
            who = NULL;
            break;
        }
    }
    bool fr = lang == LANG_FR;
    if (!who) {
        fputs(fr ? "Usage\u00A0: enjeux --forget PROFIL [--lang fr|en]\n"
                   "Efface de cet ordinateur un profil (son identifiant de 8 caractères ou son pseudonyme) et toutes\n"
                   "ses données\u00A0: journaux de parties, résultats, badges, sauvegarde, réglages.\n"
                 : "Usage: enjeux --forget PROFILE [--lang fr|en]\n"
                   "Deletes from this computer a profile (its 8-character id or its pseudonym) and all its data:\n"
                   "play records, results, badges, save, settings.\n",
              stderr);
        return 2;
    }
    char dir[2048], err[2048];
    if (!user_dir(dir, sizeof dir, err, sizeof err)) {
        fprintf(stderr, "enjeux: %s\n", err);
        return 1;
    }
    ForgetReport rep;
    switch (forget_profile(dir, who, &rep, err, sizeof err)) {
    case FORGET_OK:
        printf(fr ? "Profil %s («\u00A0%s\u00A0») effacé de %s\u00A0: journaux de parties\u00A0: %u, fichiers de résultats\u00A0: %u, "
                    "fichiers de badges\u00A0: %u, autres fichiers\u00A0: %u.\n"
                    "Les copies faites ailleurs (dossier d'export, LRS) ne sont pas touchées.\n"
                  : "Profile %s (\"%s\") deleted from %s: play records: %u, results files: %u, badge files: %u, other "
                    "files: %u.\n"
                    "Copies made elsewhere (export folder, LRS) are not touched.\n",
               rep.id, rep.pseudonym, dir, rep.records, rep.results, rep.badges, rep.other);
        return 0;
    case FORGET_NOT_FOUND:
        fprintf(stderr, fr ? "enjeux\u00A0: aucun profil «\u00A0%s\u00A0» dans %sprofiles.json\u00A0; donnez son identifiant ou son "
                             "pseudonyme exact.\n"
                           : "enjeux: no profile \"%s\" in %sprofiles.json; give its id or its exact pseudonym.\n",
                who, dir);
        return 1;
    case FORGET_ERROR:
    default:
        fprintf(stderr, "enjeux: %s\n", err);
        return 1;
    }
}

/* tr.c — the table of interface strings; see tr.h.
 *
 * French typography: U+202F (narrow no-break space) before ; : ! ? and
 * inside « », written as \u202F below. */
#include "ui/tr.h"

#include <string.h>

typedef struct TrEntry { const char *key, *fr, *en; } TrEntry;

#define NB "\u202F"
#define NBSP "\u00A0" /* between a number and its unit */

static const TrEntry TABLE[] = {
    {"app.name", "Enjeux", "Enjeux"},
    {"title.tagline", "L'IA au travail" NB ": décider, mesurer, assumer", "AI at work: decide, weigh, answer for it"},
    {"title.continue", "Reprendre la partie", "Continue"},
    {"title.new", "Nouvelle partie", "New game"},
    {"title.settings", "Paramètres", "Settings"},
    {"title.quit", "Quitter", "Quit"},
    {"title.footer", "Formation à l'usage responsable de l'IA au travail — parcours N1, N2, N3",
     "Training in the responsible use of AI at work — levels N1, N2, N3"},
    {"title.no_save", "Aucune partie en cours", "No game in progress"},

    {"title.profile", "Changer de profil", "Change profile"},
    {"title.whose", "Profil actuel" NB ": {0}", "Current profile: {0}"},
    {"title.passport", "Passeport de compétences", "Competency passport"},
    {"title.passport_note", "Vos résultats et vos badges, toutes parties confondues", "Your results and badges across all plays"},

    {"prof.title", "Qui joue" NB "?", "Who is playing?"},
    {"prof.intro", "Choisissez votre profil pour retrouver votre progression, vos badges et vos réglages, ou créez le vôtre.",
     "Pick your profile to find your progress, badges and settings again, or create your own."},
    {"prof.intro_first", "Créez votre profil" NB ": il garde votre progression, vos badges et vos réglages sur cet ordinateur.",
     "Create your profile: it keeps your progress, badges and settings on this computer."},
    {"prof.here", "Profils de cet ordinateur", "Profiles on this computer"},
    {"prof.created", "Créé le {0}", "Created on {0}"},
    {"prof.created_unknown", "Date de création inconnue", "Creation date unknown"},
    {"prof.active", "profil actuel", "current profile"},
    {"prof.delete", "Supprimer", "Delete"},
    {"prof.new", "Nouveau profil", "New profile"},
    {"prof.hint", "Un pseudonyme suffit, de 1 à {0} caractères (lettres, chiffres, espace, - _ . ')" NB ": n'indiquez ni nom complet ni adresse.",
     "A pseudonym is enough, 1 to {0} characters (letters, digits, space, - _ . '): give neither your full name nor an address."},
    {"prof.placeholder", "Tapez un pseudonyme, par exemple Camille B.", "Type a pseudonym, for example Camille B."},
    {"prof.create", "Créer le profil", "Create the profile"},
    {"prof.err_empty", "Tapez d'abord un pseudonyme.", "Type a pseudonym first."},
    {"prof.err_long", "Ce pseudonyme est trop long" NB ": {0} caractères au plus.", "This pseudonym is too long: {0} characters at most."},
    {"prof.err_char", "Le caractère «" NB "{0}" NB "» n'est pas accepté" NB ": utilisez des lettres, des chiffres, l'espace et - _ . '",
     "The character \"{0}\" is not accepted: use letters, digits, space and - _ . '"},
    {"prof.err_taken", "Le pseudonyme «" NB "{0}" NB "» est déjà pris sur cet ordinateur" NB ": choisissez-en un autre.",
     "The pseudonym \"{0}\" is already taken on this computer: choose another one."},
    {"prof.err_full", "Cet ordinateur a déjà le nombre maximal de profils" NB ": supprimez-en un d'abord.",
     "This computer already has the largest number of profiles: delete one first."},
    {"prof.err_write", "Le profil n'a pas pu être enregistré dans {0}" NB ": vérifiez que ce dossier est accessible en écriture.",
     "The profile could not be saved in {0}: check that this folder is writable."},
    {"prof.err_delete", "Le profil n'a pas pu être entièrement supprimé" NB ": {0}. Fermez les fichiers ouverts de ce dossier et réessayez.",
     "The profile could not be deleted entirely: {0}. Close any file open in that folder and try again."},
    {"prof.cannot_use", "Le dossier du profil «" NB "{0}" NB "» ne peut pas être créé" NB ": vérifiez que le dossier des données est accessible en écriture.",
     "The folder of the profile \"{0}\" cannot be created: check that the data folder is writable."},
    {"prof.deleted", "Le profil «" NB "{0}" NB "» et toutes ses données ont été supprimés.", "The profile \"{0}\" and all its data were deleted."},
    {"prof.confirm_title", "Supprimer le profil «" NB "{0}" NB "»" NB "?", "Delete the profile \"{0}\"?"},
    {"prof.confirm_what", "Seront effacés définitivement" NB ": la progression et les badges de «" NB "{0}" NB "», ses résultats, ses parties en cours, ses enregistrements de parties et ses paramètres. Les autres profils ne sont pas touchés. Cette action ne peut pas être annulée.",
     "This erases for good the progress and badges of \"{0}\", its results, its games in progress, its play records and its settings. Other profiles are not touched. This cannot be undone."},
    {"prof.confirm_where", "Dossier supprimé" NB ": {0}", "Folder deleted: {0}"},
    {"prof.confirm_yes", "Supprimer définitivement", "Delete for good"},
    {"prof.cancel", "Annuler", "Cancel"},
    {"prof.recovered", "Le fichier des profils était endommagé" NB ": il a été mis de côté ({0}) et la liste reconstruite à partir des dossiers des profils. Aucun profil n'a été supprimé.",
     "The profile list was damaged: it was set aside ({0}) and the list rebuilt from the profiles' folders. No profile was deleted."},

    {"progress.recovered", "Votre fichier de progression était endommagé" NB ": il a été mis de côté ({0}) et votre progression reconstruite à partir de vos {1} résultats enregistrés.",
     "Your progress file was damaged: it was set aside ({0}) and your progress rebuilt from your {1} saved results."},
    {"progress.recovered_empty", "Votre fichier de progression était endommagé" NB ": il a été mis de côté ({0}). Aucun résultat enregistré ne permettait de le reconstruire" NB ": la progression repart de zéro.",
     "Your progress file was damaged: it was set aside ({0}). No saved result could rebuild it: progress starts again from zero."},
    {"progress.save_failed", "Votre progression n'a pas pu être enregistrée" NB ": {0}", "Your progress could not be saved: {0}"},

    {"lib.title", "Choisir un scénario", "Choose a scenario"},
    {"lib.level", "Niveau", "Level"},
    {"lib.sector", "Secteur", "Sector"},
    {"lib.all", "Tous", "All"},
    {"lib.minutes", "{0}" NBSP "min", "{0}" NBSP "min"},
    {"lib.targets", "Compétences visées" NB ":", "Competencies trained:"},
    {"lib.broken", "Ce scénario ne peut pas être chargé", "This scenario cannot be loaded"},
    {"lib.broken_more", "… et {0} autres problèmes.", "… and {0} more problems."},
    {"lib.empty", "Aucun scénario ne correspond à ces filtres.", "No scenario matches these filters."},
    {"lib.none", "Aucun scénario trouvé dans {0}.", "No scenario found in {0}."},
    {"lib.count", "{0} scénarios", "{0} scenarios"},

    {"level.short", "N{0}", "N{0}"},
    {"level.1", "Professionnel sensibilisé – usage responsable", "Aware professional – responsible use"},
    {"level.2", "Professionnel éclairé – interagir et évaluer", "Informed professional – interact and evaluate"},
    {"level.3", "Professionnel responsable – maîtriser l'usage", "Responsible professional – master the use"},

    {"brief.title", "Briefing", "Briefing"},
    {"brief.context", "La situation", "The situation"},
    {"brief.role", "Votre rôle", "Your role"},
    {"brief.tool", "L'outil d'IA" NB ": {0}", "The AI tool: {0}"},
    {"brief.kind", "Type de système" NB ": {0}", "Kind of system: {0}"},
    {"brief.provider", "Fournisseur" NB ": {0}", "Provider: {0}"},
    {"brief.risk", "Catégorie de risque (AI Act)" NB ": {0}", "Risk category (AI Act): {0}"},
    {"brief.meters", "Les indicateurs que vous suivrez", "The meters you will watch"},
    {"brief.start", "Commencer", "Start"},
    {"brief.duration", "Durée estimée" NB ": {0}" NBSP "min · niveau {1}", "Estimated time: {0}" NBSP "min · level {1}"},

    {"kind.generative", "IA générative", "Generative AI"},
    {"kind.predictive", "Système prédictif", "Predictive system"},
    {"kind.classification", "Système de classement", "Classification system"},
    {"kind.recommendation", "Système de recommandation", "Recommendation system"},
    {"kind.recognition", "Reconnaissance (images, voix…)", "Recognition (images, voice…)"},
    {"kind.optimisation", "Optimisation", "Optimisation"},
    {"kind.other", "Autre", "Other"},

    {"risk.minimal", "Risque minimal", "Minimal risk"},
    {"risk.transparency", "Obligations de transparence (art. 50)", "Transparency obligations (Art. 50)"},
    {"risk.high", "Haut risque (art. 6)", "High risk (Art. 6)"},
    {"risk.prohibited", "Pratique interdite (art. 5)", "Prohibited practice (Art. 5)"},

    {"meter.good_high", "▲ mieux si haut", "▲ higher is better"},
    {"meter.good_low", "▼ mieux si bas", "▼ lower is better"},

    {"scene.meters", "Indicateurs", "Meters"},
    {"scene.act", "Acte {0}", "Act {0}"},
    {"scene.pause", "Échap" NB ": pause", "Esc: pause"},
    {"scene.narrator", "Narration", "Narrator"},
    {"scene.choose", "Que faites-vous" NB "?", "What do you do?"},
    {"scene.unavailable", "Indisponible" NB ": {0}", "Unavailable: {0}"},

    {"cons.title", "Conséquences", "Consequences"},
    {"cons.what", "Ce qui s'est passé", "What happened"},
    {"cons.meters", "Effets sur les indicateurs", "Effect on the meters"},
    {"cons.no_change", "Aucun indicateur n'a changé.", "No meter changed."},
    {"cons.principle", "Le principe en jeu", "The principle at stake"},
    {"cons.reference", "Référence" NB ": {0}", "Reference: {0}"},
    {"cons.continue", "Continuer", "Continue"},
    {"cons.better", "favorable", "better"},
    {"cons.worse", "défavorable", "worse"},
    {"cons.your_choice", "Votre décision" NB ": {0}", "Your decision: {0}"},

    {"event.kicker", "Conséquence différée", "Delayed consequence"},

    {"end.title", "Fin du scénario", "End of the scenario"},
    {"end.tone.positive", "Issue favorable", "Positive outcome"},
    {"end.tone.mixed", "Issue mitigée", "Mixed outcome"},
    {"end.tone.negative", "Issue défavorable", "Negative outcome"},
    {"end.meters", "Les indicateurs à la fin", "The meters at the end"},
    {"end.separate", "L'issue de l'histoire et vos compétences sont évaluées séparément" NB ": voyez le bilan.",
     "The story's outcome and your competencies are assessed separately: see the debrief."},
    {"end.debrief", "Voir le bilan des compétences", "See the competency debrief"},

    {"deb.title", "Bilan des compétences", "Competency debrief"},
    {"deb.competencies", "Vos compétences sur cette partie", "Your competencies in this play"},
    {"deb.score", "{0} / 100", "{0} / 100"},
    {"deb.targeted", "visée", "trained"},
    {"mastery.acquired", "Acquis", "Acquired"},
    {"mastery.in_progress", "En cours d'acquisition", "In progress"},
    {"mastery.to_work_on", "À travailler", "To work on"},
    {"mastery.not_assessed", "Non évalué", "Not assessed"},
    {"deb.badge", "Badge obtenu" NB ": N{0} · {1}", "Badge earned: N{0} · {1}"},
    {"deb.no_badge", "Pas de badge cette fois" NB ": un badge s'obtient quand toutes les compétences évaluées d'un niveau sont acquises.",
     "No badge this time: a badge is earned when every assessed competency of a level is acquired."},
    {"deb.key", "Décisions clés", "Key decisions"},
    {"deb.none", "Aucune décision à revoir" NB ": à chaque étape, vous avez retenu l'option la plus solide.",
     "Nothing to review: at every step you picked the soundest option."},
    {"deb.you_chose", "Votre choix" NB ": {0}", "Your choice: {0}"},
    {"deb.better", "Mieux" NB ": {0}", "Better: {0}"},
    {"deb.why", "Pourquoi" NB ": {0}", "Why: {0}"},
    {"deb.principle", "Principe" NB ": {0}", "Principle: {0}"},
    {"deb.saved", "Résultat enregistré dans {0}", "Result saved in {0}"},
    {"record.torn", "La dernière ligne du journal de la partie (ligne {0}) a été abîmée par une interruption" NB
                    "; elle est ignorée et la partie reprend à la décision d'avant.",
     "The last line of the play record (line {0}) was damaged by an interruption; it is ignored and the play "
     "resumes from the decision before."},
    {"deb.save_failed", "Le résultat n'a pas pu être enregistré" NB ": {0}", "The result could not be saved: {0}"},
    {"deb.library", "Retour aux scénarios", "Back to the scenarios"},
    {"deb.replay", "Rejouer ce scénario", "Play this scenario again"},


    {"pass.title", "Passeport de compétences", "Competency passport"},
    {"pass.empty", "Aucune partie terminée pour l'instant" NB ": jouez un scénario pour remplir votre passeport.",
     "No finished play yet: play a scenario to fill in your passport."},
    {"pass.plays_one", "Une partie terminée.", "One finished play."},
    {"pass.plays", "{0} parties terminées.", "{0} finished plays."},
    {"pass.badges", "Badges par niveau du parcours", "Badges per course level"},
    {"pass.badge_got", "★ N{0} · {1}", "★ N{0} · {1}"},
    {"pass.badge_not", "☆ N{0} · {1}", "☆ N{0} · {1}"},
    {"pass.badge_date", "Badge obtenu le {0}", "Badge earned on {0}"},
    {"pass.badge_earned", "Badge obtenu", "Badge earned"},
    {"pass.badge_how", "Pas encore obtenu" NB ": acquérez, dans une même partie, toutes les compétences évaluées de ce niveau.",
     "Not earned yet: acquire, in one play, every assessed competency of this level."},
    {"pass.competencies", "Compétences du référentiel", "Competencies of the framework"},
    {"pass.level", "N{0} · {1}", "N{0} · {1}"},
    {"pass.best", "Meilleur résultat" NB ": {0} ({1})", "Best result: {0} ({1})"},
    {"pass.latest", "Dernier résultat" NB ": {0}, le {1}", "Latest result: {0}, on {1}"},
    {"pass.latest_nodate", "Dernier résultat" NB ": {0}", "Latest result: {0}"},
    {"pass.never", "Pas encore évaluée" NB ": jouez un scénario qui l'entraîne.", "Not assessed yet: play a scenario that trains it."},
    {"pass.no_framework", "Le référentiel de compétences n'a pas pu être chargé" NB ": réinstallez le jeu.",
     "The competency framework could not be loaded: reinstall the game."},
    {"pass.next", "À travailler ensuite", "What to work on next"},
    {"pass.next_intro", "Ces scénarios entraînent les compétences que vous n'avez pas encore acquises" NB ":",
     "These scenarios train the competencies you have not acquired yet:"},
    {"pass.nothing_left", "Toutes les compétences entraînées par les scénarios sont acquises" NB ": bravo" NB "!",
     "Every competency the scenarios train is acquired: well done!"},
    {"pass.trains", "Entraîne" NB ": {0}", "Trains: {0}"},
    {"pass.not_played", "jamais joué", "never played"},
    {"pass.played_once", "joué une fois", "played once"},
    {"pass.played", "joué {0} fois", "played {0} times"},
    {"deb.passport", "Mon passeport", "My passport"},

    {"pause.title", "Pause", "Paused"},
    {"pause.resume", "Reprendre", "Resume"},
    {"pause.settings", "Paramètres", "Settings"},
    {"pause.save_quit", "Enregistrer et quitter", "Save and quit"},
    {"pause.restart", "Recommencer le scénario", "Restart the scenario"},

    {"set.title", "Paramètres", "Settings"},
    {"set.language", "Langue de l'interface et des scénarios", "Language of the interface and scenarios"},
    {"set.fr", "Français", "Français"},
    {"set.en", "English", "English"},
    {"set.display", "Affichage", "Display"},
    {"set.fullscreen", "Plein écran", "Fullscreen"},
    {"set.windowed", "Fenêtre", "Window"},
    {"set.current", "{0} (actuel)", "{0} (current)"},
    {"set.keys", "F11 ou Alt+Entrée basculent aussi le plein écran.", "F11 or Alt+Enter also toggle fullscreen."},

    {"common.back", "Retour", "Back"},
};

static Lang current = LANG_FR;

void tr_set_lang(Lang lang) {
    current = (unsigned)lang < LANG_COUNT ? lang : LANG_FR;
}

Lang tr_lang(void) {
    return current;
}

const char *tr(const char *key) {
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)
        if (strcmp(TABLE[i].key, key) == 0) return current == LANG_EN && TABLE[i].en ? TABLE[i].en : TABLE[i].fr;
    return key;
}

char *tr_format(char *out, size_t outlen, const char *key, const char *a0, const char *a1) {
    const char *f = tr(key);
    size_t o = 0;
    if (outlen == 0) return out;
    for (const char *p = f; *p && o + 1 < outlen; p++) {
        if (p[0] == '{' && (p[1] == '0' || p[1] == '1') && p[2] == '}') {
            const char *a = p[1] == '0' ? a0 : a1;
            for (; a && *a && o + 1 < outlen; a++) out[o++] = *a;
            p += 2;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    return out;
}

bool tr_table_complete(const char **missing_key) {
    for (size_t i = 0; i < sizeof TABLE / sizeof TABLE[0]; i++)
        if (!TABLE[i].fr || !*TABLE[i].fr || !TABLE[i].en || !*TABLE[i].en) {
            if (missing_key) *missing_key = TABLE[i].key;
            return false;
        }
    return true;
}

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
    {"set.window_maximized", "Fenêtre agrandie", "Maximised window"},
    {"set.display_scale", "Échelle de l'interface" NB ": {0}", "Interface scale: {0}"},
    {"set.percent", "{0}" NB "%", "{0}%"},
    {"set.smaller", "Plus petit", "Smaller"},
    {"set.larger", "Plus grand", "Larger"},
    {"set.reading", "Lecture", "Reading"},
    {"set.text_size", "Taille du texte" NB ": {0}", "Text size: {0}"},
    {"set.line_spacing", "Interligne" NB ": {0}", "Line spacing: {0}"},
    {"set.tighter", "Plus serré", "Tighter"},
    {"set.looser", "Plus aéré", "Looser"},
    {"set.font", "Police de caractères", "Font"},
    {"set.font_standard", "Standard (Inter)", "Standard (Inter)"},
    {"set.font_dyslexic", "Adaptée à la dyslexie (OpenDyslexic)", "Dyslexia-friendly (OpenDyslexic)"},
    {"set.colors", "Couleurs", "Colours"},
    {"set.contrast_normal", "Contraste normal", "Normal contrast"},
    {"set.contrast_high", "Contraste élevé", "High contrast"},
    {"set.palette_standard", "Palette standard", "Standard palette"},
    {"set.palette_cb", "Palette pour daltoniens (bleu et orange)", "Colour-blind palette (blue and orange)"},
    {"set.colors_note", "Les jauges indiquent toujours leur valeur en chiffres et le bon sens par une flèche et un mot.",
     "Meters always show their value as a number, and which way is better with an arrow and a word."},
    {"set.motion", "Mouvement et texte", "Motion and text"},
    {"set.motion_on", "Animations", "Animations"},
    {"set.motion_off", "Sans animation", "No animation"},
    {"set.reveal_instant", "Texte affiché d'un coup", "Text shown at once"},
    {"set.reveal_progressive", "Texte qui s'écrit peu à peu", "Text written progressively"},
    {"set.text_speed", "Vitesse du texte progressif" NB ": {0} caractères par seconde",
     "Progressive text speed: {0} characters a second"},
    {"set.slower", "Plus lent", "Slower"},
    {"set.faster", "Plus rapide", "Faster"},
    {"set.voice", "Lecture à voix haute", "Self-voicing"},
    {"set.voice_off", "Désactivée", "Off"},
    {"set.voice_on", "Activée", "On"},
    {"set.voice_help", "Lit à voix haute le texte de l'écran, puis le choix sélectionné.",
     "Reads the screen's text aloud, then the focused choice."},
    {"set.voice_ok", "Voix disponible (espeak-ng).", "Voice available (espeak-ng)."},
    {"set.voice_not_built", "Cette version du jeu n'a pas de synthèse vocale" NB ": le jeu se joue normalement, sans voix.",
     "This build of the game has no speech synthesis: the game plays normally, without voice."},
    {"set.voice_no_engine", "Aucune voix disponible (espeak-ng ne démarre pas)" NB ": le jeu continue sans voix.",
     "No voice available (espeak-ng does not start): the game goes on without voice."},
    {"set.voice_no_language", "Aucune voix française ou anglaise installée" NB ": le jeu continue sans voix.",
     "No French or English voice installed: the game goes on without voice."},
    {"set.voice_no_audio", "Aucune sortie son disponible" NB ": le jeu continue sans voix.",
     "No sound output available: the game goes on without voice."},
    {"set.saved_in", "Vos paramètres sont enregistrés dans {0}", "Your settings are saved in {0}"},
    {"set.damaged", "Le fichier de paramètres était abîmé" NB "; les valeurs en cause ont été remplacées par les valeurs par défaut" NB ":",
     "The settings file was damaged; the values concerned were replaced by their defaults:"},
    {"set.damaged_more", "… et {0} autres problèmes.", "… and {0} more problems."},
    {"set.save_failed", "Les paramètres n'ont pas pu être enregistrés dans {0} ({1}).",
     "The settings could not be saved in {0} ({1})."},

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

/* diag.c — diagnostics: the list, its messages and hints in French and
 * English, and its text and JSON renderings; see diag.h.
 *
 * Templates use {0}…{3} for the arguments given to diag_add(). A code may
 * have an alternative hint, used when argument {1} is empty (for example a
 * "did you mean" hint when there is no close match). French typography: a
 * narrow no-break space (U+202F) before ; : ! ? and inside « ». */
#include "core/diag.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"

/* U+202F NARROW NO-BREAK SPACE and the French quotes around it. */
#define NB "\u202f"
#define LQ "«\u00a0"
#define RQ "\u00a0»"

typedef struct DiagText {
    const char *msg;
    const char *hint;
    const char *hint_alt; /* when args[1] is empty; NULL: use hint */
} DiagText;

typedef struct DiagInfo {
    const char *slug;
    DiagSeverity severity;
} DiagInfo;

#define DIAG_ENUM_(name, slug, sev) {slug, sev},
static const DiagInfo INFO[DIAG_CODE_COUNT] = {
#include "core/diag_codes.h"
};
#undef DIAG_ENUM_

/* French texts, in the order of diag_codes.h. */
static const DiagText TEXT_FR[DIAG_CODE_COUNT] = {
    [DIAG_IO] = {"Impossible de lire " LQ "{0}" RQ NB ": {1}.",
                 "Vérifiez que le chemin existe et que le fichier est lisible.", NULL},
    [DIAG_EMPTY_FILE] = {"Le fichier est vide.",
                         "Un scénario est un objet JSON entre accolades " LQ "{" RQ " " LQ "}" RQ
                         NB "; partez d'un scénario existant comme modèle.", NULL},
    [DIAG_FILE_TOO_LARGE] = {"Le fichier fait {0} octets, au-delà de la limite de {1} octets.",
                             "Découpez le scénario ou allégez les textes" NB "; les images restent dans des fichiers à part.", NULL},
    [DIAG_BAD_UTF8] = {"Le fichier n'est pas en UTF-8 valide (octet 0x{0}).",
                       "Enregistrez le fichier en UTF-8 (dans VS Code" NB ": " LQ "Enregistrer avec l'encodage" RQ " → UTF-8).", NULL},
    [DIAG_BINARY] = {"Le fichier contient des octets nuls" NB ": ce n'est pas un fichier texte JSON.",
                     "Vérifiez que vous validez bien un fichier .json, et non une image ou une archive.", NULL},
    [DIAG_JSON_SYNTAX] = {"Erreur de syntaxe JSON" NB ": {0}.", "{1}",
                          "Cherchez juste avant cette position une virgule en trop ou manquante, un guillemet ou une accolade non fermés."},
    [DIAG_TOO_DEEP] = {"Imbrication trop profonde" NB ": plus de {0} niveaux d'objets et de tableaux.",
                       "Simplifiez la structure (une condition trop imbriquée, par exemple)" NB "; la limite est {0} niveaux.", NULL},
    [DIAG_DUPLICATE_KEY] = {"Le champ " LQ "{0}" RQ " apparaît deux fois dans le même objet.",
                            "Gardez une seule occurrence" NB ": sinon, on ne sait pas laquelle compte.", NULL},
    [DIAG_MISSING_FIELD] = {"Le champ obligatoire " LQ "{0}" RQ " manque.",
                            "Ajoutez " LQ "{0}" RQ " à cet objet (voir docs/authoring.md, §\u00a02).", NULL},
    [DIAG_WRONG_TYPE] = {"Le champ " LQ "{0}" RQ " doit être {1}.",
                         "Corrigez la valeur de " LQ "{0}" RQ " (voir docs/authoring.md, §\u00a02).", NULL},
    [DIAG_UNKNOWN_FIELD] = {"Champ inconnu " LQ "{0}" RQ NB ": il est ignoré.",
                            "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                            "Vérifiez l'orthographe du nom du champ, ou supprimez-le (voir docs/authoring.md, §\u00a02)."},
    [DIAG_BAD_VALUE] = {"Valeur non valide pour " LQ "{0}" RQ NB ": {1}.",
                        "Valeurs possibles" NB ": {2}.", NULL},
    [DIAG_BAD_FORMAT_VERSION] = {"Version de format {0} non prise en charge" NB ": cette version d'Enjeux lit le format 1.",
                                 "Mettez \"format\": 1 en tête du fichier, ou utilisez une version plus récente d'Enjeux.", NULL},
    [DIAG_BAD_ID] = {"Identifiant non valide" NB ": " LQ "{0}" RQ ".",
                     "Un identifiant fait 1 à 64 caractères parmi a-z, 0-9, " LQ "-" RQ " et " LQ "_" RQ ", et commence par une lettre (ex. " LQ "aipd_faite" RQ ").", NULL},
    [DIAG_DUPLICATE_ID] = {"L'identifiant " LQ "{0}" RQ " est déjà utilisé (ligne {1}).",
                           "Donnez un identifiant unique à chaque élément" NB "; les scènes et les fins partagent le même espace de noms.", NULL},
    [DIAG_LIMIT] = {"Trop d'éléments dans " LQ "{0}" RQ NB ": {1}, le maximum est {2}.",
                    "Réduisez leur nombre" NB "; les limites sont dans docs/limits.md.", NULL},
    [DIAG_STRING_TOO_LONG] = {"Texte trop long" NB ": {0} octets, le maximum est {1}.",
                              "Découpez ce texte en plusieurs scènes.", NULL},
    [DIAG_EMPTY_STRING] = {"Le texte " LQ "{0}" RQ " est vide.",
                           "Écrivez le texte, ou retirez le champ s'il est facultatif.", NULL},
    [DIAG_UNKNOWN_SCENE] = {"Aucune scène ni fin ne porte l'identifiant " LQ "{0}" RQ ".",
                            "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                            "Vérifiez l'orthographe, ou ajoutez cette scène à " LQ "scenes" RQ " ou " LQ "endings" RQ "."},
    [DIAG_UNKNOWN_METER] = {"Aucune jauge ne porte l'identifiant " LQ "{0}" RQ ".",
                            "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                            "Déclarez la jauge dans " LQ "meters" RQ ", ou corrigez l'identifiant."},
    [DIAG_UNKNOWN_FLAG] = {"Aucun drapeau ne porte l'identifiant " LQ "{0}" RQ ".",
                           "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                           "Déclarez le drapeau dans " LQ "flags" RQ ", ou corrigez l'identifiant."},
    [DIAG_UNKNOWN_COUNTER] = {"Aucun compteur ne porte l'identifiant " LQ "{0}" RQ ".",
                              "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                              "Déclarez le compteur dans " LQ "counters" RQ ", ou corrigez l'identifiant."},
    [DIAG_UNKNOWN_COMPETENCY] = {"La compétence " LQ "{0}" RQ " n'existe pas dans le référentiel.",
                                 "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                                 "Utilisez un identifiant du référentiel de compétences (competencies.json)."},
    [DIAG_UNKNOWN_CHARACTER] = {"Aucun personnage ne porte l'identifiant " LQ "{0}" RQ ".",
                                "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                                "Déclarez le personnage dans " LQ "characters" RQ ", ou retirez " LQ "speaker" RQ " pour le narrateur."},
    [DIAG_UNKNOWN_EVENT] = {"Aucun événement ne porte l'identifiant " LQ "{0}" RQ ".",
                            "Vouliez-vous dire " LQ "{1}" RQ NB "?",
                            "Déclarez l'événement dans " LQ "events" RQ ", ou corrigez l'identifiant."},
    [DIAG_UNKNOWN_LANGUAGE] = {"Langue inconnue " LQ "{0}" RQ NB ": ce texte est ignoré.",
                               "Les langues du jeu sont " LQ "fr" RQ " et " LQ "en" RQ ".", NULL},
    [DIAG_UNREACHABLE_SCENE] = {"Aucun chemin ne mène à la scène " LQ "{0}" RQ ".",
                                "Faites-y mener un choix (" LQ "next" RQ "), ou supprimez la scène.", NULL},
    [DIAG_NO_ENDING_REACHABLE] = {"Depuis la scène " LQ "{0}" RQ ", aucune fin n'est atteignable" NB ": le joueur tournerait en rond.",
                                  "Donnez à au moins un choix de cette boucle un " LQ "next" RQ " qui mène vers une fin.", NULL},
    [DIAG_UNREACHABLE_ENDING] = {"Aucun chemin ne mène à la fin " LQ "{0}" RQ ".",
                                 "Faites-y mener un choix (" LQ "next" RQ "), ou supprimez cette fin.", NULL},
    [DIAG_EVENT_NEVER_SCHEDULED] = {"L'événement " LQ "{0}" RQ " n'est jamais programmé.",
                                    "Ajoutez-le au " LQ "schedule" RQ " des effets d'un choix, ou supprimez-le.", NULL},
    [DIAG_NO_DEFAULT_ROUTE] = {"La dernière route de " LQ "next" RQ " a une condition" NB ": si aucune ne tient, le jeu ne sait pas où aller.",
                               "Retirez le " LQ "if" RQ " de la dernière route, ou ajoutez une route finale sans condition.", NULL},
    [DIAG_IMPOSSIBLE_CONDITION] = {"Cette condition ne peut jamais être vraie" NB ": " LQ "{0} {1}" RQ " alors que la jauge reste entre {2} et {3}.",
                                   "Corrigez la valeur ou l'opérateur de la comparaison.", NULL},
    [DIAG_ALWAYS_TRUE_CONDITION] = {"Cette condition est toujours vraie" NB ": " LQ "{0} {1}" RQ " alors que la jauge reste entre {2} et {3}.",
                                    "Corrigez la comparaison, ou retirez-la.", NULL},
    [DIAG_OUT_OF_RANGE] = {"La valeur {1} de " LQ "{0}" RQ " est hors de l'intervalle de la jauge [{2}, {3}].",
                           "Choisissez une valeur entre {2} et {3}, ou élargissez " LQ "min" RQ "/" LQ "max" RQ " de la jauge.", NULL},
    [DIAG_BAD_RANGE] = {"La jauge " LQ "{0}" RQ " a min ({1}) ≥ max ({2}).",
                        "Donnez à la jauge un " LQ "min" RQ " strictement inférieur à son " LQ "max" RQ ".", NULL},
    [DIAG_PROBABILITY_SUM] = {"Les probabilités de " LQ "chance" RQ " font {0} au total, au lieu de 1.",
                              "Ajustez-les pour que leur somme fasse exactement 1 (par exemple 0.3 et 0.7).", NULL},
    [DIAG_BAD_PROBABILITY] = {"Probabilité {0} hors de l'intervalle ]0, 1].",
                              "Une probabilité est un nombre décimal strictement positif et au plus 1 (ex. 0.25).", NULL},
    [DIAG_AFTER_OUTSIDE_EVENT] = {"La condition " LQ "{0}" RQ " n'a de sens que dans le " LQ "when" RQ " d'un événement.",
                                  "Utilisez une jauge, un drapeau ou un compteur ici, ou déplacez cette condition dans un événement.", NULL},
    [DIAG_EVIDENCE_RANGE] = {"Preuve {1} pour " LQ "{0}" RQ " hors de l'intervalle −3 à 3.",
                             "Utilisez un entier de −3 à 3 (le plus souvent de −2 à 2).", NULL},
    [DIAG_NOT_TARGETED] = {"La compétence " LQ "{0}" RQ " reçoit des preuves mais n'est pas visée par le scénario.",
                           "Ajoutez-la à " LQ "competencies" RQ " en tête du fichier, ou retirez cette preuve.", NULL},
    [DIAG_TARGET_NO_EVIDENCE] = {"La compétence visée " LQ "{0}" RQ " ne reçoit de preuve d'aucun choix" NB ": elle ne sera jamais évaluée.",
                                 "Ajoutez des " LQ "evidence" RQ " pour elle dans les effets de quelques choix, ou retirez-la de " LQ "competencies" RQ ".", NULL},
    [DIAG_MISSING_TRANSLATION] = {"Traduction " LQ "{0}" RQ " manquante" NB ": le jeu affichera le français.",
                                  "Écrivez ce texte dans les deux langues, entre guillemets droits" NB ": {\"fr\": \"…\", \"{0}\": \"…\"}.", NULL},
    [DIAG_MISSING_FRENCH] = {"Le texte français manque" NB ": le français est la langue de référence.",
                             "Ajoutez le texte français, entre guillemets droits" NB ": {\"fr\": \"…\", \"en\": \"…\"}.", NULL},
    [DIAG_MISSING_IMAGE] = {"L'image " LQ "{0}" RQ " est introuvable.",
                            "Le chemin est relatif au dossier du scénario (ex. " LQ "images/accueil.svg" RQ ")" NB "; vérifiez le nom et la casse.", NULL},
    [DIAG_UNSAFE_PATH] = {"Le chemin " LQ "{0}" RQ " sort du dossier du scénario.",
                          "Placez l'image dans le dossier du scénario et donnez un chemin relatif sans " LQ ".." RQ " (ex. " LQ "images/accueil.svg" RQ ").", NULL},
    [DIAG_BAD_IMAGE_TYPE] = {"L'image " LQ "{0}" RQ " n'est ni en .svg, ni en .png, ni en .jpg.",
                             "Convertissez l'image en SVG, PNG ou JPEG.", NULL},
    [DIAG_IMAGE_TOO_LARGE] = {"L'image " LQ "{0}" RQ " est trop grande" NB ": {1}, au plus {2}.",
                              "Réduisez-la (1920 × 1080 pixels suffisent pour une illustration) ou compressez-la.", NULL},
    [DIAG_MISSING_ALT] = {"L'image n'a pas de texte alternatif (" LQ "{0}" RQ ").",
                          "Décrivez l'image en une phrase pour les joueurs qui ne la voient pas.", NULL},
    [DIAG_FRAMEWORK] = {"Le référentiel de compétences " LQ "{0}" RQ " n'a pas pu être chargé" NB ": {1}",
                        "Vérifiez le champ " LQ "framework" RQ " (par défaut ../competencies.json) et validez ce fichier" NB "; les compétences ne sont pas vérifiées.", NULL},
    [DIAG_BAD_THRESHOLDS] = {"Seuils non valides" NB ": il faut 0 ≤ in_progress ({0}) < acquired ({1}) ≤ 100.",
                             "Corrigez " LQ "thresholds" RQ " (par exemple acquired 80, in_progress 50).", NULL},
    [DIAG_CONTRADICTORY_CONDITION] = {"Les comparaisons sur " LQ "{0}" RQ " dans ce " LQ "all" RQ " se contredisent" NB ": aucune valeur ne les satisfait toutes.",
                                      "Corrigez les bornes, ou utilisez " LQ "any" RQ " si l'une ou l'autre suffit.", NULL},
    [DIAG_FLAG_NEVER_SET] = {"Le drapeau " LQ "{0}" RQ " est testé à {1}, mais ne vaut jamais {1}" NB ": la condition ne peut pas être vraie.",
                             "Faites passer le drapeau à {1} dans les effets d'un choix ou d'un événement, ou corrigez le test.", NULL},
    [DIAG_EMPTY_ANY] = {"Un " LQ "any" RQ " vide n'est jamais vrai.",
                        "Mettez au moins une condition dans la liste, ou retirez ce " LQ "any" RQ ".", NULL},
    [DIAG_MISSING_REASON] = {"Ce choix peut être grisé mais n'a pas de " LQ "reason" RQ NB ": le joueur ne saura pas pourquoi.",
                             "Ajoutez " LQ "reason" RQ " (pourquoi le choix est indisponible), ou \"unavailable\": \"hide\".", NULL},
    [DIAG_FRAMEWORK_REF] = {"Le domaine " LQ "{0}" RQ " n'existe pas dans " LQ "domains" RQ ".",
                            "Déclarez le domaine dans " LQ "domains" RQ ", ou corrigez l'identifiant.", NULL},
    [DIAG_EMPTY_LIST] = {"La liste " LQ "{0}" RQ " est vide.",
                         "Ajoutez-y au moins un élément (voir docs/authoring.md, §\u00a02).", NULL},
    [DIAG_DUPLICATE_SCENARIO_ID] = {"Un autre scénario du dossier porte déjà l'identifiant " LQ "{0}" RQ NB ": {1}.",
                                    "Donnez à chaque scénario un identifiant unique (le jeu, les sauvegardes et les résultats les distinguent par lui)" NB "; en copiant un scénario, changez son " LQ "id" RQ ".", NULL},
    [DIAG_ID_NOT_FOLDER] = {"L'identifiant du scénario, " LQ "{0}" RQ ", n'est pas le nom de son dossier, " LQ "{1}" RQ ".",
                            "Renommez le dossier en " LQ "{0}" RQ ", ou changez " LQ "id" RQ " en " LQ "{1}" RQ " (avant que des parties soient enregistrées)" NB ": les deux doivent être égaux.", NULL},
    [DIAG_SVG_TEXT] = {"L'image " LQ "{0}" RQ " contient un élément <text>" NB ": le jeu dessine les SVG sans police, ce texte n'apparaîtra pas.",
                       "Dessinez le texte en tracés (dans Inkscape" NB ": Chemin > Objet en chemin), ou mettez-le dans le texte de la scène" NB "; l'image doit se comprendre sans lui.", NULL},
    [DIAG_SVG_COLOUR_NAME] = {"L'image " LQ "{0}" RQ " donne une couleur par son nom" NB ": le jeu n'en connaît que quelques-uns (red, blue, black…) et dessine les autres en gris.",
                              "Écrivez la couleur en hexadécimal, par exemple #ff8c00 pour darkorange (Inkscape le fait à l'enregistrement en " LQ "SVG simple" RQ ").", NULL},
    [DIAG_FRENCH_TYPOGRAPHY] = {"Typographie française" NB ": une espace ordinaire à remplacer près de " LQ "{0}" RQ NB ": " LQ "{1}" RQ ".",
                                "Mettez une espace fine insécable (U+202F, qui s'écrit \\u202f en JSON) avant le point-virgule, les deux-points, les points d'exclamation et d'interrogation et le guillemet fermant, après le guillemet ouvrant, et entre les groupes d'un nombre (20\u202f000), pour que la ligne ne se coupe jamais là" NB "; voir docs/authoring.md, §\u00a01.4.", NULL},
    [DIAG_EFFECT_EXCEEDS_RANGE] = {"L'effet {1} sur la jauge " LQ "{0}" RQ " dépasse toute son étendue ({2} à {3})" NB ": la jauge sera simplement bloquée à son minimum ou à son maximum.",
                                   "Un effet ajoute ou retire des points (ex. " LQ "-10" RQ ")" NB "; vérifiez qu'il n'y a pas un zéro en trop, ou élargissez " LQ "min" RQ "/" LQ "max" RQ " de la jauge.", NULL},
    [DIAG_SAVE_DAMAGED] = {"La sauvegarde est endommagée" NB ": {0}.",
                           "Elle a pu être tronquée ou modifiée à la main" NB "; reprenez une autre sauvegarde ou recommencez la partie.", NULL},
    [DIAG_SAVE_FOREIGN] = {"Ce fichier n'est pas une sauvegarde d'Enjeux (pas de champ " LQ "enjeux_save" RQ ").",
                           "Choisissez un fichier de sauvegarde écrit par Enjeux.", NULL},
    [DIAG_SAVE_VERSION] = {"Format de sauvegarde {0} non pris en charge" NB ": cette version d'Enjeux lit le format {1}.",
                           "Ouvrez cette sauvegarde avec une version plus récente d'Enjeux.", NULL},
    [DIAG_PO_SYNTAX] = {"Catalogue de traduction illisible à cet endroit" NB ": {0}.",
                        "Chaque entrée s'écrit msgctxt " LQ "clé" RQ ", msgid " LQ "texte français" RQ ", msgstr " LQ "traduction" RQ
                        ", chaque texte entre guillemets droits" NB "; vérifiez le fichier avec msgfmt --check (voir docs/translating.md).", NULL},
    [DIAG_PO_NO_KEY] = {"L'entrée " LQ "{0}" RQ " n'a pas de clé (msgctxt)" NB ": elle est ignorée.",
                        "Ajoutez la ligne msgctxt " LQ "clé" RQ " avant son msgid (voir docs/translating.md).", NULL},
    [DIAG_PO_DUPLICATE] = {"La clé " LQ "{0}" RQ " est déjà traduite ligne {1}" NB ": cette entrée est ignorée.",
                           "Gardez une seule entrée par clé.", NULL},
};

static const DiagText TEXT_EN[DIAG_CODE_COUNT] = {
    [DIAG_IO] = {"Cannot read \"{0}\": {1}.", "Check that the path exists and the file is readable.", NULL},
    [DIAG_EMPTY_FILE] = {"The file is empty.",
                         "A scenario is a JSON object between braces \"{\" \"}\"; start from an existing scenario as a model.", NULL},
    [DIAG_FILE_TOO_LARGE] = {"The file is {0} bytes, over the limit of {1} bytes.",
                             "Split the scenario or trim its texts; images stay in separate files.", NULL},
    [DIAG_BAD_UTF8] = {"The file is not valid UTF-8 (byte 0x{0}).",
                       "Save the file as UTF-8 (in VS Code: \"Save with Encoding\" → UTF-8).", NULL},
    [DIAG_BINARY] = {"The file contains NUL bytes: it is not a JSON text file.",
                     "Check that you are validating a .json file, not an image or an archive.", NULL},
    [DIAG_JSON_SYNTAX] = {"JSON syntax error: {0}.", "{1}",
                          "Look just before this position for a missing or extra comma, or an unclosed quote or brace."},
    [DIAG_TOO_DEEP] = {"Nesting too deep: more than {0} levels of objects and arrays.",
                       "Simplify the structure (an over-nested condition, for example); the limit is {0} levels.", NULL},
    [DIAG_DUPLICATE_KEY] = {"The field \"{0}\" appears twice in the same object.",
                            "Keep only one: otherwise nobody knows which one counts.", NULL},
    [DIAG_MISSING_FIELD] = {"The required field \"{0}\" is missing.", "Add \"{0}\" to this object (see docs/format.md).", NULL},
    [DIAG_WRONG_TYPE] = {"The field \"{0}\" must be {1}.", "Fix the value of \"{0}\" (see docs/format.md).", NULL},
    [DIAG_UNKNOWN_FIELD] = {"Unknown field \"{0}\": it is ignored.", "Did you mean \"{1}\"?",
                            "Check the field's spelling, or remove it (see docs/format.md)."},
    [DIAG_BAD_VALUE] = {"Invalid value for \"{0}\": {1}.", "Possible values: {2}.", NULL},
    [DIAG_BAD_FORMAT_VERSION] = {"Unsupported format version {0}: this version of Enjeux reads format 1.",
                                 "Set \"format\": 1, or use a newer version of Enjeux.", NULL},
    [DIAG_BAD_ID] = {"Invalid identifier: \"{0}\".",
                     "An identifier has 1 to 64 characters among a-z, 0-9, \"-\" and \"_\", and starts with a letter (e.g. \"dpia_done\").", NULL},
    [DIAG_DUPLICATE_ID] = {"The identifier \"{0}\" is already used (line {1}).",
                           "Give each element a unique identifier; scenes and endings share one namespace.", NULL},
    [DIAG_LIMIT] = {"Too many elements in \"{0}\": {1}, the maximum is {2}.", "Reduce their number; the limits are in docs/limits.md.", NULL},
    [DIAG_STRING_TOO_LONG] = {"Text too long: {0} bytes, the maximum is {1}.", "Split this text over several scenes.", NULL},
    [DIAG_EMPTY_STRING] = {"The text \"{0}\" is empty.", "Write the text, or remove the field if it is optional.", NULL},
    [DIAG_UNKNOWN_SCENE] = {"No scene or ending has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                            "Check the spelling, or add this scene to \"scenes\" or \"endings\"."},
    [DIAG_UNKNOWN_METER] = {"No meter has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                            "Declare the meter in \"meters\", or fix the identifier."},
    [DIAG_UNKNOWN_FLAG] = {"No flag has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                           "Declare the flag in \"flags\", or fix the identifier."},
    [DIAG_UNKNOWN_COUNTER] = {"No counter has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                              "Declare the counter in \"counters\", or fix the identifier."},
    [DIAG_UNKNOWN_COMPETENCY] = {"The competency \"{0}\" does not exist in the framework.", "Did you mean \"{1}\"?",
                                 "Use an identifier from the competency framework (competencies.json)."},
    [DIAG_UNKNOWN_CHARACTER] = {"No character has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                                "Declare the character in \"characters\", or remove \"speaker\" for the narrator."},
    [DIAG_UNKNOWN_EVENT] = {"No event has the identifier \"{0}\".", "Did you mean \"{1}\"?",
                            "Declare the event in \"events\", or fix the identifier."},
    [DIAG_UNKNOWN_LANGUAGE] = {"Unknown language \"{0}\": this text is ignored.", "The game's languages are \"fr\" and \"en\".", NULL},
    [DIAG_UNREACHABLE_SCENE] = {"No path leads to the scene \"{0}\".", "Make a choice lead to it (\"next\"), or remove the scene.", NULL},
    [DIAG_NO_ENDING_REACHABLE] = {"From the scene \"{0}\", no ending can be reached: the player would go round in circles.",
                                  "Give at least one choice of this loop a \"next\" that leads to an ending.", NULL},
    [DIAG_UNREACHABLE_ENDING] = {"No path leads to the ending \"{0}\".", "Make a choice lead to it (\"next\"), or remove this ending.", NULL},
    [DIAG_EVENT_NEVER_SCHEDULED] = {"The event \"{0}\" is never scheduled.",
                                    "Add it to the \"schedule\" of a choice's effects, or remove it.", NULL},
    [DIAG_NO_DEFAULT_ROUTE] = {"The last route of \"next\" has a condition: when none holds, the game does not know where to go.",
                               "Remove the \"if\" of the last route, or add a final route without a condition.", NULL},
    [DIAG_IMPOSSIBLE_CONDITION] = {"This condition can never hold: \"{0} {1}\" while the meter stays between {2} and {3}.",
                                   "Fix the value or the operator of the comparison.", NULL},
    [DIAG_ALWAYS_TRUE_CONDITION] = {"This condition always holds: \"{0} {1}\" while the meter stays between {2} and {3}.",
                                    "Fix the comparison, or remove it.", NULL},
    [DIAG_OUT_OF_RANGE] = {"The value {1} of \"{0}\" is outside the meter's range [{2}, {3}].",
                           "Choose a value between {2} and {3}, or widen the meter's \"min\"/\"max\".", NULL},
    [DIAG_BAD_RANGE] = {"The meter \"{0}\" has min ({1}) >= max ({2}).", "Give the meter a \"min\" strictly below its \"max\".", NULL},
    [DIAG_PROBABILITY_SUM] = {"The probabilities of \"chance\" add up to {0} instead of 1.",
                              "Adjust them so that they add up to exactly 1 (for example 0.3 and 0.7).", NULL},
    [DIAG_BAD_PROBABILITY] = {"Probability {0} outside the interval (0, 1].",
                              "A probability is a decimal number above 0 and at most 1 (e.g. 0.25).", NULL},
    [DIAG_AFTER_OUTSIDE_EVENT] = {"The condition \"{0}\" only makes sense in an event's \"when\".",
                                  "Use a meter, flag or counter here, or move this condition into an event.", NULL},
    [DIAG_EVIDENCE_RANGE] = {"Evidence {1} for \"{0}\" outside the range -3 to 3.", "Use an integer from -3 to 3 (usually -2 to 2).", NULL},
    [DIAG_NOT_TARGETED] = {"The competency \"{0}\" gets evidence but is not targeted by the scenario.",
                           "Add it to \"competencies\" at the top of the file, or remove this evidence.", NULL},
    [DIAG_TARGET_NO_EVIDENCE] = {"The targeted competency \"{0}\" gets evidence from no choice: it will never be assessed.",
                                 "Add \"evidence\" for it to the effects of a few choices, or remove it from \"competencies\".", NULL},
    [DIAG_MISSING_TRANSLATION] = {"Missing \"{0}\" translation: the game will show the French text.",
                                  "Write this text in both languages: {\"fr\": \"…\", \"{0}\": \"…\"}.", NULL},
    [DIAG_MISSING_FRENCH] = {"The French text is missing: French is the reference language.", "Add the French text: {\"fr\": \"…\", \"en\": \"…\"}.", NULL},
    [DIAG_MISSING_IMAGE] = {"The image \"{0}\" cannot be found.",
                            "The path is relative to the scenario's folder (e.g. \"images/accueil.svg\"); check the name and its case.", NULL},
    [DIAG_UNSAFE_PATH] = {"The path \"{0}\" leaves the scenario's folder.",
                          "Put the image inside the scenario's folder and give a relative path without \"..\" (e.g. \"images/accueil.svg\").", NULL},
    [DIAG_BAD_IMAGE_TYPE] = {"The image \"{0}\" is not a .svg, .png or .jpg file.", "Convert the image to SVG, PNG or JPEG.", NULL},
    [DIAG_IMAGE_TOO_LARGE] = {"The image \"{0}\" is too large: {1}, at most {2}.",
                              "Scale it down (1920 × 1080 pixels is enough for an illustration) or compress it.", NULL},
    [DIAG_MISSING_ALT] = {"The image has no alternative text (\"{0}\").",
                          "Describe the image in one sentence for players who cannot see it.", NULL},
    [DIAG_FRAMEWORK] = {"The competency framework \"{0}\" could not be loaded: {1}",
                        "Check the \"framework\" field (default ../competencies.json) and validate that file; competencies are not checked.", NULL},
    [DIAG_BAD_THRESHOLDS] = {"Invalid thresholds: 0 <= in_progress ({0}) < acquired ({1}) <= 100 must hold.",
                             "Fix \"thresholds\" (for example acquired 80, in_progress 50).", NULL},
    [DIAG_CONTRADICTORY_CONDITION] = {"The comparisons on \"{0}\" in this \"all\" contradict each other: no value satisfies them all.",
                                      "Fix the bounds, or use \"any\" if either one is enough.", NULL},
    [DIAG_FLAG_NEVER_SET] = {"The flag \"{0}\" is tested for {1} but is never {1}: the condition cannot hold.",
                             "Set the flag to {1} in the effects of a choice or an event, or fix the test.", NULL},
    [DIAG_EMPTY_ANY] = {"An empty \"any\" never holds.", "Put at least one condition in the list, or remove this \"any\".", NULL},
    [DIAG_MISSING_REASON] = {"This choice can be shown disabled but has no \"reason\": the player will not know why.",
                             "Add a \"reason\" (why the choice is unavailable), or \"unavailable\": \"hide\".", NULL},
    [DIAG_FRAMEWORK_REF] = {"The domain \"{0}\" does not exist in \"domains\".",
                            "Declare the domain in \"domains\", or fix the identifier.", NULL},
    [DIAG_EMPTY_LIST] = {"The list \"{0}\" is empty.", "Add at least one element to it (see docs/format.md).", NULL},
    [DIAG_DUPLICATE_SCENARIO_ID] = {"Another scenario of the folder already has the identifier \"{0}\": {1}.",
                                    "Give each scenario a unique identifier (the game, saves and results tell them apart by it); when copying a scenario, change its \"id\".", NULL},
    [DIAG_ID_NOT_FOLDER] = {"The scenario's identifier, \"{0}\", is not the name of its folder, \"{1}\".",
                            "Rename the folder to \"{0}\", or change \"id\" to \"{1}\" (before plays are recorded): the two must be equal.", NULL},
    [DIAG_SVG_TEXT] = {"The image \"{0}\" has a <text> element: the game draws SVG without fonts, so this text will not show.",
                       "Turn the text into paths (in Inkscape: Path > Object to Path), or put it in the scene's text; the image must make sense without it.", NULL},
    [DIAG_SVG_COLOUR_NAME] = {"The image \"{0}\" gives a colour by name: the game knows only a few (red, blue, black…) and draws the others grey.",
                              "Write the colour in hex, for instance #ff8c00 for darkorange (Inkscape does it when saving as \"Plain SVG\").", NULL},
    [DIAG_FRENCH_TYPOGRAPHY] = {"French typography: an ordinary space to replace near \"{0}\": \"{1}\".",
                                "Use a narrow no-break space (U+202F, written \\u202f in JSON) before ; : ! ? \u00bb and after \u00ab, and between a number's groups (20\u202f000), so that the line never breaks there; see docs/authoring.en.md, section 1.4.", NULL},
    [DIAG_EFFECT_EXCEEDS_RANGE] = {"The effect {1} on the meter \"{0}\" is larger than its whole range ({2} to {3}): the meter will just be held at its minimum or maximum.",
                                   "An effect adds or removes points (e.g. \"-10\"); check for an extra zero, or widen the meter's \"min\"/\"max\".", NULL},
    [DIAG_SAVE_DAMAGED] = {"The save is damaged: {0}.",
                           "It may have been cut short or edited by hand; load another save or restart the game.", NULL},
    [DIAG_SAVE_FOREIGN] = {"This file is not an Enjeux save (no \"enjeux_save\" field).",
                           "Choose a save file written by Enjeux.", NULL},
    [DIAG_SAVE_VERSION] = {"Unsupported save format {0}: this version of Enjeux reads format {1}.",
                           "Open this save with a newer version of Enjeux.", NULL},
    [DIAG_PO_SYNTAX] = {"The translation catalogue cannot be read here: {0}.",
                        "Each entry is msgctxt \"key\", msgid \"French text\", msgstr \"translation\", each text in straight "
                        "double quotes; check the file with msgfmt --check (see docs/translating.md).", NULL},
    [DIAG_PO_NO_KEY] = {"The entry \"{0}\" has no key (msgctxt): it is ignored.",
                        "Add a line msgctxt \"key\" before its msgid (see docs/translating.md).", NULL},
    [DIAG_PO_DUPLICATE] = {"The key \"{0}\" is already translated on line {1}: this entry is ignored.",
                           "Keep one entry per key.", NULL},
};

void diag_list_init(DiagList *dl, Lang lang) {
    memset(dl, 0, sizeof *dl);
    dl->lang = lang;
}

void diag_list_free(DiagList *dl) {
    if (!dl) return;
    for (size_t i = 0; i < dl->count; i++) {
        free((char *)dl->items[i].file);
        free(dl->items[i].path);
        free(dl->items[i].message);
        free(dl->items[i].hint);
    }
    free(dl->items);
    Lang lang = dl->lang;
    memset(dl, 0, sizeof *dl);
    dl->lang = lang;
}

const char *diag_slug(DiagCode code) {
    return (unsigned)code < DIAG_CODE_COUNT ? INFO[code].slug : "unknown";
}

DiagSeverity diag_default_severity(DiagCode code) {
    return (unsigned)code < DIAG_CODE_COUNT ? INFO[code].severity : DIAG_ERROR;
}

/* A growable malloc'd string. */
typedef struct Buf {
    char *s;
    size_t len, cap;
    bool oom;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

static char *buf_take(Buf *b) {
    if (!b->oom && !b->s) buf_put(b, "", 0);
    if (b->oom) {
        free(b->s);
        return NULL;
    }
    return b->s;
}

static char *expand(const char *tmpl, const char *const args[4]) {
    Buf b = {0};
    for (const char *p = tmpl; *p; p++) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '3' && p[2] == '}') {
            const char *a = args ? args[p[1] - '0'] : NULL;
            if (a) buf_puts(&b, a);
            p += 2;
        } else {
            buf_put(&b, p, 1);
        }
    }
    return buf_take(&b);
}

static char *dup_str(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

bool diag_add(DiagList *dl, DiagCode code, const char *file, uint32_t line, uint32_t col,
              const char *path, const char *const args[4]) {
    if ((unsigned)code >= DIAG_CODE_COUNT) code = DIAG_IO;
    DiagSeverity sev = INFO[code].severity;
    if (sev == DIAG_ERROR)
        dl->errors++;
    else
        dl->warnings++;
    if (dl->count >= DIAG_MAX) {
        dl->dropped++;
        return false;
    }
    if (dl->count == dl->cap) {
        size_t cap = dl->cap ? dl->cap * 2 : 16;
        Diag *items = realloc(dl->items, cap * sizeof *items);
        if (!items) {
            dl->dropped++;
            return false;
        }
        dl->items = items;
        dl->cap = cap;
    }
    const DiagText *t = dl->lang == LANG_EN ? &TEXT_EN[code] : &TEXT_FR[code];
    const char *hint = t->hint ? t->hint : "";
    if (t->hint_alt && (!args || !args[1] || !*args[1])) hint = t->hint_alt;
    Diag d = {code, sev, dup_str(file ? file : ""), line, col, dup_str(path ? path : ""),
              expand(t->msg ? t->msg : "", args), expand(hint, args)};
    if (!d.file || !d.path || !d.message || !d.hint) {
        free((char *)d.file);
        free(d.path);
        free(d.message);
        free(d.hint);
        dl->dropped++;
        return false;
    }
    dl->items[dl->count++] = d;
    return true;
}

static bool diag_before(const Diag *a, const Diag *b) {
    int f = strcmp(a->file, b->file);
    if (f) return f < 0;
    if (a->line != b->line) return a->line < b->line;
    return a->col < b->col;
}

void diag_list_sort(DiagList *dl, size_t from) {
    /* Insertion sort: stable, and lists are short (DIAG_MAX) and mostly
     * in order already. */
    for (size_t i = from + 1; i < dl->count; i++) {
        Diag d = dl->items[i];
        size_t j = i;
        while (j > from && diag_before(&d, &dl->items[j - 1])) {
            dl->items[j] = dl->items[j - 1];
            j--;
        }
        dl->items[j] = d;
    }
}

static void buf_uint(Buf *b, unsigned long v) {
    char tmp[24];
    int n = snprintf(tmp, sizeof tmp, "%lu", v);
    buf_put(b, tmp, (size_t)n);
}

char *diag_list_format_text(const DiagList *dl) {
    Buf b = {0};
    bool fr = dl->lang != LANG_EN;
    for (size_t i = 0; i < dl->count; i++) {
        const Diag *d = &dl->items[i];
        buf_puts(&b, d->file);
        if (d->line) {
            buf_puts(&b, ":");
            buf_uint(&b, d->line);
            buf_puts(&b, ":");
            buf_uint(&b, d->col);
        }
        if (d->severity == DIAG_ERROR)
            buf_puts(&b, fr ? ": erreur [" : ": error [");
        else
            buf_puts(&b, fr ? ": avertissement [" : ": warning [");
        buf_puts(&b, diag_slug(d->code));
        buf_puts(&b, fr ? "]" NB ": " : "]: ");
        buf_puts(&b, d->message);
        if (d->path[0]) {
            buf_puts(&b, fr ? " (chemin JSON" NB ": " : " (at ");
            buf_puts(&b, d->path);
            buf_puts(&b, ")");
        }
        buf_puts(&b, "\n");
        if (d->hint[0]) {
            buf_puts(&b, "    → ");
            buf_puts(&b, d->hint);
            buf_puts(&b, "\n");
        }
    }
    return buf_take(&b);
}

static void buf_json_str(Buf *b, const char *s) {
    buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char tmp[8];
        switch (*p) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        default:
            if (*p < 0x20) {
                snprintf(tmp, sizeof tmp, "\\u%04x", *p);
                buf_puts(b, tmp);
            } else {
                buf_put(b, (const char *)p, 1);
            }
        }
    }
    buf_puts(b, "\"");
}

char *diag_list_format_json(const DiagList *dl) {
    Buf b = {0};
    buf_puts(&b, "[");
    for (size_t i = 0; i < dl->count; i++) {
        const Diag *d = &dl->items[i];
        buf_puts(&b, i ? ",\n {\"file\": " : "\n {\"file\": ");
        buf_json_str(&b, d->file);
        buf_puts(&b, ", \"line\": ");
        buf_uint(&b, d->line);
        buf_puts(&b, ", \"column\": ");
        buf_uint(&b, d->col);
        buf_puts(&b, ", \"path\": ");
        buf_json_str(&b, d->path);
        buf_puts(&b, ", \"code\": ");
        buf_json_str(&b, diag_slug(d->code));
        buf_puts(&b, ", \"severity\": ");
        buf_json_str(&b, d->severity == DIAG_ERROR ? "error" : "warning");
        buf_puts(&b, ", \"message\": ");
        buf_json_str(&b, d->message);
        buf_puts(&b, ", \"hint\": ");
        buf_json_str(&b, d->hint);
        buf_puts(&b, "}");
    }
    buf_puts(&b, dl->count ? "\n]\n" : "]\n");
    return buf_take(&b);
}

const char *diag_errno_text(Lang lang, int err) {
    bool fr = lang != LANG_EN;
    switch (err) {
    case ENOENT: return fr ? "fichier introuvable" : "no such file";
    case EACCES: return fr ? "lecture non autorisée" : "permission denied";
    case EISDIR: return fr ? "c'est un dossier" : "it is a folder";
    case ENOMEM: return fr ? "mémoire insuffisante" : "out of memory";
    case ENOTDIR: return fr ? "un élément du chemin n'est pas un dossier" : "a part of the path is not a folder";
    default: return strerror(err);
    }
}

bool diag_read_file(DiagList *dl, const char *path, size_t limit, char **data, size_t *len) {
    size_t size = 0;
    int err = 0;
    FsStatus st = fsutil_read_file(path, limit, data, len, &size, &err);
    if (st == FS_OK) return true;
    char a[32], b[32];
    const char *args[4] = {a, b, NULL, NULL};
    if (st == FS_TOO_LARGE) {
        snprintf(a, sizeof a, "%zu", size);
        snprintf(b, sizeof b, "%zu", limit);
        diag_add(dl, DIAG_FILE_TOO_LARGE, path, 0, 0, "", args);
    } else {
        args[0] = path;
        args[1] = diag_errno_text(dl->lang, err);
        diag_add(dl, DIAG_IO, path, 0, 0, "", args);
    }
    return false;
}

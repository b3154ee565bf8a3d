/* badge.c — the unsigned Open Badges 3.0 credential of a badge; see badge.h
 * and docs/workshop.md. */
#include "core/badge.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/results.h"

#define CTX_VC "https://www.w3.org/ns/credentials/v2"
#define CTX_OB "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
#define OB_SCHEMA "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
#define DEFAULT_ISSUER RESULTS_XAPI_NS "issuers/enjeux"

void badge_achievement_iri(const Framework *fw, uint8_t level, char *out, size_t outlen) {
    snprintf(out, outlen, RESULTS_XAPI_NS "badges/%s/N%u", fw ? fw->id : "enjeux", (unsigned)level);
}

char *badge_png_data_uri(const unsigned char *png, size_t n) {
    static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char PREFIX[] = "data:image/png;base64,";
    size_t out_len = sizeof PREFIX - 1 + (n + 2) / 3 * 4;
    char *s = malloc(out_len + 1);
    if (!s) return NULL;
    memcpy(s, PREFIX, sizeof PREFIX - 1);
    char *p = s + sizeof PREFIX - 1;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)png[i] << 16 | (i + 1 < n ? (uint32_t)png[i + 1] << 8 : 0) | (i + 2 < n ? png[i + 2] : 0);
        *p++ = B64[v >> 18 & 63];
        *p++ = B64[v >> 12 & 63];
        *p++ = i + 1 < n ? B64[v >> 6 & 63] : '=';
        *p++ = i + 2 < n ? B64[v & 63] : '=';
    }
    *p = '\0';
    return s;
}

static const char *loc(const LocStr *l, Lang lang) {
    return loc_get(l, lang, NULL);
}

static cJSON *alignment(const char *name, const char *url, const char *code, const char *framework,
                        const char *type) {
    cJSON *a = cJSON_CreateObject();
    cJSON *t = cJSON_AddArrayToObject(a, "type");
    cJSON_AddItemToArray(t, cJSON_CreateString("Alignment"));
    cJSON_AddStringToObject(a, "targetName", name);
    cJSON_AddStringToObject(a, "targetUrl", url);
    if (code) cJSON_AddStringToObject(a, "targetCode", code);
    if (framework) cJSON_AddStringToObject(a, "targetFramework", framework);
    if (type) cJSON_AddStringToObject(a, "targetType", type);
    return a;
}

static cJSON *type_list(const char *a, const char *b) {
    cJSON *t = cJSON_CreateArray();
    cJSON_AddItemToArray(t, cJSON_CreateString(a));
    if (b) cJSON_AddItemToArray(t, cJSON_CreateString(b));
    return t;
}

char *badge_credential_json(const BadgeInfo *b) {
    if (b->level < 1 || b->level > 3 || !b->fw) return NULL;
    bool en = b->lang == LANG_EN;
    const Framework *fw = b->fw;
    const char *level_name = loc(&fw->level_names[b->level - 1], b->lang);
    char name[768], desc[1024], narrative[2048], iri[512];
    snprintf(name, sizeof name, en ? "Enjeux badge N%u – %s" : "Badge Enjeux N%u – %s", (unsigned)b->level,
             level_name);
    snprintf(desc, sizeof desc,
             en ? "Responsible use of AI at work, course level N%u (%s): every competency of this level assessed "
                  "in a play of an Enjeux scenario was acquired. Unsigned record written by the game: it proves "
                  "nothing until an institution signs it."
                : "Usage responsable de l'IA au travail, niveau N%u (%s)\u00A0: toutes les compétences de ce "
                  "niveau évaluées au cours d'une partie d'un scénario Enjeux sont acquises. Attestation non "
                  "signée écrite par le jeu\u00A0: elle ne prouve rien tant qu'un établissement ne l'a pas signée.",
             (unsigned)b->level, level_name);
    snprintf(narrative, sizeof narrative,
             en ? "Play an Enjeux scenario to its end so that at least one competency of level N%u of the "
                  "framework \"%s\" is assessed, and every competency of that level assessed reaches the "
                  "\"acquired\" threshold (score of %u/100 or more: the share of the best possible evidence "
                  "earned by the decisions made)."
                : "Jouer un scénario Enjeux jusqu'à sa fin de sorte qu'au moins une compétence du niveau N%u du "
                  "référentiel « %s » soit évaluée, et que chaque compétence de ce niveau évaluée atteigne le "
                  "seuil « acquise » (score d'au moins %u/100\u00A0: la part des meilleurs éléments de preuve "
                  "possibles obtenue par les décisions prises).",
             (unsigned)b->level, loc(&fw->title, b->lang), (unsigned)fw->acquired);

    cJSON *root = cJSON_CreateObject();
    cJSON *ctx = cJSON_AddArrayToObject(root, "@context");
    cJSON_AddItemToArray(ctx, cJSON_CreateString(CTX_VC));
    cJSON_AddItemToArray(ctx, cJSON_CreateString(CTX_OB));
    char id[64];
    snprintf(id, sizeof id, "urn:uuid:%s", b->credential_id);
    cJSON_AddStringToObject(root, "id", id);
    cJSON_AddItemToObject(root, "type", type_list("VerifiableCredential", "OpenBadgeCredential"));
    cJSON_AddStringToObject(root, "name", name);
    cJSON_AddStringToObject(root, "description", desc);

    const Workshop *w = b->workshop;
    bool own = w && w->issuer_id[0];
    cJSON *issuer = cJSON_AddObjectToObject(root, "issuer");
    cJSON_AddStringToObject(issuer, "id", own ? w->issuer_id : DEFAULT_ISSUER);
    cJSON_AddItemToObject(issuer, "type", type_list("Profile", NULL));
    cJSON_AddStringToObject(issuer, "name", own ? w->issuer_name
                                                : (en ? "Enjeux (the game itself: unsigned)"
                                                      : "Enjeux (le jeu lui-même\u00A0: non signé)"));
    if (own && w->issuer_url[0]) cJSON_AddStringToObject(issuer, "url", w->issuer_url);
    if (own && w->issuer_email[0]) cJSON_AddStringToObject(issuer, "email", w->issuer_email);
    cJSON_AddStringToObject(root, "validFrom", b->issued);

    cJSON *subject = cJSON_AddObjectToObject(root, "credentialSubject");
    cJSON_AddItemToObject(subject, "type", type_list("AchievementSubject", NULL));
    cJSON *ids = cJSON_AddArrayToObject(subject, "identifier");
    cJSON *ident = cJSON_CreateObject();
    cJSON_AddStringToObject(ident, "type", "IdentityObject");
    cJSON_AddStringToObject(ident, "identityHash", b->pseudonym ? b->pseudonym : "");
    cJSON_AddStringToObject(ident, "identityType", "name");
    cJSON_AddBoolToObject(ident, "hashed", false);
    cJSON_AddItemToArray(ids, ident);

    cJSON *ach = cJSON_AddObjectToObject(subject, "achievement");
    badge_achievement_iri(fw, b->level, iri, sizeof iri);
    cJSON_AddStringToObject(ach, "id", iri);
    cJSON_AddItemToObject(ach, "type", type_list("Achievement", NULL));
    cJSON_AddStringToObject(ach, "achievementType", "Badge");
    cJSON_AddStringToObject(ach, "name", name);
    cJSON_AddStringToObject(ach, "description", desc);
    char human[8];
    snprintf(human, sizeof human, "N%u", (unsigned)b->level);
    cJSON_AddStringToObject(ach, "humanCode", human);
    cJSON_AddStringToObject(ach, "inLanguage", en ? "en" : "fr");
    cJSON *crit = cJSON_AddObjectToObject(ach, "criteria");
    cJSON_AddStringToObject(crit, "narrative", narrative);
    if (b->image_data_uri) {
        cJSON *img = cJSON_AddObjectToObject(ach, "image");
        cJSON_AddStringToObject(img, "id", b->image_data_uri);
        cJSON_AddStringToObject(img, "type", "Image");
        cJSON_AddStringToObject(img, "caption", name);
    }
    cJSON *al = cJSON_AddArrayToObject(ach, "alignment");
    for (uint16_t i = 0; i < fw->n_items; i++) {
        const Competency *c = &fw->items[i];
        if (c->level != b->level) continue;
        char curl[512];
        snprintf(curl, sizeof curl, RESULTS_XAPI_NS "competencies/%s", c->id);
        cJSON_AddItemToArray(al, alignment(loc(&c->name, b->lang), curl, c->id, loc(&fw->title, b->lang),
                                           "ceasn:Competency"));
        for (uint16_t k = 0; k < c->n_alignments; k++) {
            const Alignment *g = &c->alignments[k];
            char fallback[600];
            snprintf(fallback, sizeof fallback, "%s#%s", curl, g->framework);
            const char *gname = loc(&g->name, b->lang);
            cJSON_AddItemToArray(al, alignment(*gname ? gname : g->code, g->url ? g->url : fallback, g->code,
                                               g->framework, NULL));
        }
    }

    cJSON *ev = cJSON_AddArrayToObject(root, "evidence");
    for (uint32_t i = 0; i < b->n_plays; i++) {
        const BadgePlay *p = &b->plays[i];
        cJSON *e = cJSON_CreateObject();
        char uuid[37], urn[48];
        results_play_uuid(p->play_id, uuid);
        snprintf(urn, sizeof urn, "urn:uuid:%s", uuid);
        cJSON_AddStringToObject(e, "id", urn);
        cJSON_AddItemToObject(e, "type", type_list("Evidence", NULL));
        char ename[600], enarr[900];
        const char *title = p->scenario_title && *p->scenario_title ? p->scenario_title : p->scenario_id;
        snprintf(ename, sizeof ename, en ? "Play of \"%s\"" : "Partie de « %s »", title);
        snprintf(enarr, sizeof enarr,
                 en ? "Play %s of scenario %s, finished %s; its results file is results/%s.json."
                    : "Partie %s du scénario %s, terminée le %s\u00A0; son fichier de résultats est results/%s.json.",
                 p->play_id, p->scenario_id, p->finished, p->play_id);
        cJSON_AddStringToObject(e, "name", ename);
        cJSON_AddStringToObject(e, "narrative", enarr);
        cJSON_AddItemToArray(ev, e);
    }
    cJSON *schema = cJSON_AddArrayToObject(root, "credentialSchema");
    cJSON *sc = cJSON_CreateObject();
    cJSON_AddStringToObject(sc, "id", OB_SCHEMA);
    cJSON_AddStringToObject(sc, "type", "1EdTechJsonSchemaValidator2019");
    cJSON_AddItemToArray(schema, sc);

    return results_print_json(root, true);
}

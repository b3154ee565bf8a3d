/* workshop.c — the workshop file; see workshop.h and docs/workshop.md. */
#include "core/workshop.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/json_text.h"
#include "core/utf8.h"

WorkshopCodeCheck workshop_code_clean(const char *typed, char out[WORKSHOP_CODE_MAX], char bad[5]) {
    out[0] = '\0';
    bad[0] = '\0';
    size_t a = 0, b = strlen(typed);
    while (a < b && typed[a] == ' ') a++;
    while (b > a && typed[b - 1] == ' ') b--;
    if (a == b) return WCODE_EMPTY;
    for (size_t i = a; i < b; i++) {
        char c = typed[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || c == '.';
        if (!ok) {
            size_t k = 1;
            while (k < 4 && i + k < b && ((unsigned char)typed[i + k] & 0xC0) == 0x80) k++;
            memcpy(bad, typed + i, k);
            bad[k] = '\0';
            return WCODE_BAD_CHAR;
        }
    }
    if (b - a > WORKSHOP_CODE_LEN) return WCODE_TOO_LONG;
    for (size_t i = a; i < b; i++) {
        char c = typed[i];
        out[i - a] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }
    out[b - a] = '\0';
    return WCODE_OK;
}

bool workshop_code_valid(const char *code) {
    char out[WORKSHOP_CODE_MAX], bad[5];
    return code[0] != ' ' && (!*code || code[strlen(code) - 1] != ' ') &&
           workshop_code_clean(code, out, bad) == WCODE_OK;
}

/* Where key `key` of the top-level object (or of `parent`) is, for messages:
 * the first occurrence of "key" in the text. */
static void locate(JsonText *jt, const char *text, size_t len, const char *key, uint32_t *line, uint32_t *col) {
    char pat[80];
    snprintf(pat, sizeof pat, "\"%s\"", key);
    size_t pl = strlen(pat);
    for (size_t i = 0; i + pl <= len; i++)
        if (memcmp(text + i, pat, pl) == 0) {
            json_text_linecol(jt, i, line, col);
            return;
        }
    *line = 1;
    *col = 1;
}

typedef struct Ctx {
    const char *name, *text;
    size_t len;
    JsonText jt;
    char *err;
    size_t errlen;
} Ctx;

static bool fail(Ctx *c, const char *key, const char *what) {
    uint32_t line, col;
    locate(&c->jt, c->text, c->len, key, &line, &col);
    snprintf(c->err, c->errlen, "%s:%u:%u: %s", c->name, (unsigned)line, (unsigned)col, what);
    return false;
}

static bool copy_str(Ctx *c, const cJSON *o, const char *key, char *out, size_t outlen, bool url) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) return true;
    char msg[256];
    if (!cJSON_IsString(v)) {
        snprintf(msg, sizeof msg, "\"%s\" must be a string", key);
        return fail(c, key, msg);
    }
    if (strlen(v->valuestring) >= outlen) {
        snprintf(msg, sizeof msg, "\"%s\" is longer than %zu bytes; shorten it", key, outlen - 1);
        return fail(c, key, msg);
    }
    if (url && *v->valuestring && strncmp(v->valuestring, "https://", 8) != 0 &&
        strncmp(v->valuestring, "http://", 7) != 0) {
        snprintf(msg, sizeof msg, "\"%s\" must be an address starting with https:// (or http://)", key);
        return fail(c, key, msg);
    }
    memcpy(out, v->valuestring, strlen(v->valuestring) + 1);
    return true;
}

bool workshop_parse(const char *name, const char *text, size_t len, Workshop *w, char *err, size_t errlen) {
    memset(w, 0, sizeof *w);
    Ctx c = {.name = name, .text = text, .len = len, .err = err, .errlen = errlen};
    json_text_init(&c.jt, text, len);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    bool ok = true;
    if (!root) {
        uint32_t line, col;
        size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
        json_text_linecol(&c.jt, off, &line, &col);
        snprintf(err, errlen, "%s:%u:%u: not valid JSON here; check the commas, quotes and braces", name,
                 (unsigned)line, (unsigned)col);
        ok = false;
    } else if (!cJSON_IsObject(root)) {
        snprintf(err, errlen, "%s:1:1: the workshop file must be a JSON object {…}", name);
        ok = false;
    } else {
        const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
        if (!cJSON_IsNumber(fmt) || fmt->valuedouble != WORKSHOP_FORMAT_VERSION)
            ok = fail(&c, "format", "\"format\" must be 1 (this game reads workshop files of format 1)");
        ok = ok && copy_str(&c, root, "code", w->code, sizeof w->code, false);
        char clean[WORKSHOP_CODE_MAX], bad[5];
        if (ok && w->code[0] && workshop_code_valid(w->code) && workshop_code_clean(w->code, clean, bad) == WCODE_OK)
            memcpy(w->code, clean, sizeof clean);
        else if (ok && w->code[0])
            ok = fail(&c, "code", "\"code\" may only hold letters without accents, digits, '-', '_' and '.', "
                                  "32 at most");
        ok = ok && copy_str(&c, root, "export_dir", w->export_dir, sizeof w->export_dir, false);
        ok = ok && copy_str(&c, root, "xapi_home_page", w->xapi_home_page, sizeof w->xapi_home_page, true);
        const cJSON *is = cJSON_GetObjectItemCaseSensitive(root, "issuer");
        if (ok && is && !cJSON_IsObject(is)) ok = fail(&c, "issuer", "\"issuer\" must be an object {\"id\", \"name\", …}");
        if (ok && is) {
            ok = copy_str(&c, is, "id", w->issuer_id, sizeof w->issuer_id, true) &&
                 copy_str(&c, is, "name", w->issuer_name, sizeof w->issuer_name, false) &&
                 copy_str(&c, is, "url", w->issuer_url, sizeof w->issuer_url, true) &&
                 copy_str(&c, is, "email", w->issuer_email, sizeof w->issuer_email, false);
            if (ok && (!w->issuer_id[0] || !w->issuer_name[0]))
                ok = fail(&c, "issuer", "\"issuer\" needs an \"id\" (an https:// address) and a \"name\"");
        }
        for (const cJSON *k = root->child; ok && k; k = k->next) {
            static const char *const KEYS[] = {"$schema", "$comment", "format", "code", "export_dir",
                                               "xapi_home_page", "issuer", NULL};
            bool known = false;
            for (int i = 0; KEYS[i] && !known; i++) known = strcmp(k->string, KEYS[i]) == 0;
            if (!known) {
                char msg[200];
                int cut = (int)utf8_prefix(k->string, 60);
                snprintf(msg, sizeof msg,
                         "unknown field \"%.*s%s\" (a typing mistake?); docs/workshop.md lists the fields", cut,
                         k->string, k->string[cut] ? "…" : "");
                ok = fail(&c, k->string, msg);
            }
        }
    }
    cJSON_Delete(root);
    json_text_free(&c.jt);
    return ok;
}

bool workshop_load(const char *path, Workshop *w, char *err, size_t errlen) {
    char *data = NULL;
    size_t len = 0, size = 0;
    int e = 0;
    FsStatus st = fsutil_read_file(path, WORKSHOP_MAX_BYTES, &data, &len, &size, &e);
    if (st == FS_TOO_LARGE) {
        snprintf(err, errlen, "%s: %zu bytes, more than a workshop file's %d", path, size, WORKSHOP_MAX_BYTES);
        return false;
    }
    if (st != FS_OK) {
        snprintf(err, errlen, "%s: cannot read the workshop file (%s)", path, strerror(e));
        return false;
    }
    bool ok = workshop_parse(path, data, len, w, err, errlen);
    free(data);
    return ok;
}

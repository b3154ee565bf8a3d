/* profile.c — the profiles of one computer; see profile.h. */
#include "core/profile.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fsutil.h"
#include "core/json_text.h"
#include "core/utf8.h"


/* ---- small helpers ---------------------------------------------------------- */

static bool is_id(const char *s) {
    if (!s || strlen(s) != PROFILE_ID_LEN) return false;
    for (int i = 0; i < PROFILE_ID_LEN; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

static bool path_in(char *out, size_t outlen, const char *user_dir, const char *rel) {
    int n = snprintf(out, outlen, "%s%s", user_dir, rel);
    return n > 0 && (size_t)n < outlen;
}

bool profile_dir(const char *user_dir, const char *id, char *out, size_t outlen) {
    int n = snprintf(out, outlen, "%sprofiles/%s/", user_dir, id);
    return n > 0 && (size_t)n < outlen;
}

void profile_format_time(time_t t, char out[32]) {
    struct tm tm;
#ifdef _WIN32
    if (gmtime_s(&tm, &t) != 0) {
#else
    if (!gmtime_r(&t, &tm)) {
#endif
        out[0] = '\0';
        return;
    }
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void copy_str(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src ? src : "");
}

/* ---- pseudonyms ---------------------------------------------------------------- */

/* Decodes one code point; 0 bytes used means invalid UTF-8. */
static uint32_t decode(const char *s, size_t avail, size_t *used) {
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    size_t n = utf8_sequence_length(s, avail);
    *used = n;
    if (n == 0) return 0;
    uint32_t cp = n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; k++) cp = cp << 6 | ((unsigned char)s[k] & 0x3Fu);
    return cp;
}

static bool allowed(uint32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return true;
    if (cp == ' ' || cp == '-' || cp == '_' || cp == '.' || cp == '\'' || cp == 0x2019) return true;
    /* Latin letters with accents: Latin-1 Supplement (less × and ÷),
     * Latin Extended-A and -B, Latin Extended Additional. */
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x1E00 && cp <= 0x1EFF;
}

/* A key for duplicate detection: ASCII and Latin-1 capitals folded. */
static uint32_t fold(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && !(cp >= 0x138 && cp <= 0x148) && !(cp >= 0x179))
        return cp | 1u;
    return cp;
}

static bool same_pseudonym(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b), ua, ub;
    while (*a && *b) {
        uint32_t ca = decode(a, la, &ua), cb = decode(b, lb, &ub);
        if (!ua || !ub) return strcmp(a, b) == 0;
        if (fold(ca) != fold(cb)) return false;
        a += ua;
        la -= ua;
        b += ub;
        lb -= ub;
    }
    return !*a && !*b;
}

PseudoCheck profile_check_pseudonym(const ProfileList *pl, const char *raw, char *clean, char bad[5]) {
    size_t o = 0, count = 0, len = strlen(raw);
    bool space = false;
    clean[0] = '\0';
    if (bad) bad[0] = '\0';
    for (size_t i = 0; i < len;) {
        size_t used;
        uint32_t cp = decode(raw + i, len - i, &used);
        if (!used) {
            if (bad) snprintf(bad, 5, "?");
            return PSEUDO_BAD_CHAR;
        }
        if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F) {
            space = o > 0;
            i += used;
            continue;
        }
        if (!allowed(cp)) {
            if (bad) {
                memcpy(bad, raw + i, used);
                bad[used] = '\0';
            }
            return PSEUDO_BAD_CHAR;
        }
        if (space) {
            if (o + 1 >= PROFILE_PSEUDO_BYTES) return PSEUDO_TOO_LONG;
            clean[o++] = ' ';
            count++;
            space = false;
        }
        if (o + used >= PROFILE_PSEUDO_BYTES) return PSEUDO_TOO_LONG;
        memcpy(clean + o, raw + i, used);
        o += used;
        count++;
        i += used;
    }
    clean[o] = '\0';
    if (count == 0) return PSEUDO_EMPTY;
    if (count > PROFILE_PSEUDO_MAX) return PSEUDO_TOO_LONG;
    for (int i = 0; pl && i < pl->n; i++)
        if (same_pseudonym(pl->items[i].pseudonym, clean)) return PSEUDO_DUPLICATE;
    if (pl && pl->n >= PROFILE_MAX) return PSEUDO_FULL;
    return PSEUDO_OK;
}

int profiles_find(const ProfileList *pl, const char *key) {
    bool id = is_id(key);
    for (int i = 0; i < pl->n; i++)
        if (id ? strcmp(pl->items[i].id, key) == 0 : same_pseudonym(pl->items[i].pseudonym, key)) return i;
    return -1;
}

/* ---- reading and writing ----------------------------------------------------------- */

static cJSON *entry_json(const Profile *p) {
    cJSON *o = cJSON_CreateObject();
    if (!o) return NULL;
    cJSON_AddStringToObject(o, "id", p->id);
    cJSON_AddStringToObject(o, "pseudonym", p->pseudonym);
    cJSON_AddStringToObject(o, "created", p->created);
    return o;
}

static bool write_json(const char *path, cJSON *root, int *err) {
    char *text = json_text_print(root, true);
    cJSON_Delete(root);
    if (!text) {
        *err = ENOMEM;
        return false;
    }
    bool ok = fsutil_write_atomic(path, text, strlen(text), err);
    free(text);
    return ok;
}

bool profiles_save(const ProfileList *pl, const char *user_dir, int *err) {
    char path[1100];
    *err = 0;
    if (!path_in(path, sizeof path, user_dir, "profiles.json")) {
        *err = ENAMETOOLONG;
        return false;
    }
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        *err = ENOMEM;
        return false;
    }
    cJSON_AddNumberToObject(root, "format", PROFILE_FORMAT);
    cJSON_AddStringToObject(root, "last", pl->last);
    cJSON *arr = cJSON_AddArrayToObject(root, "profiles");
    for (int i = 0; arr && i < pl->n; i++) cJSON_AddItemToArray(arr, entry_json(&pl->items[i]));
    return write_json(path, root, err);
}

/* Fills `p` from an object {"id","pseudonym","created"}; false when the id
 * or pseudonym is unusable. */
static bool entry_from_json(const cJSON *o, Profile *p) {
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    const cJSON *ps = cJSON_GetObjectItemCaseSensitive(o, "pseudonym");
    const cJSON *cr = cJSON_GetObjectItemCaseSensitive(o, "created");
    if (!cJSON_IsString(id) || !is_id(id->valuestring) || !cJSON_IsString(ps)) return false;
    /* Read more leniently than typed: a later version may accept more
     * characters; only what cannot be shown is refused. */
    size_t len = strlen(ps->valuestring);
    if (len == 0 || len >= PROFILE_PSEUDO_BYTES) return false;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)ps->valuestring[i] < 0x20 || ps->valuestring[i] == 0x7F) return false;
    memset(p, 0, sizeof *p);
    copy_str(p->id, sizeof p->id, id->valuestring);
    copy_str(p->pseudonym, sizeof p->pseudonym, ps->valuestring);
    copy_str(p->created, sizeof p->created, cJSON_IsString(cr) ? cr->valuestring : "");
    return true;
}

static cJSON *parse_file(const char *path, bool *missing, uint32_t *line, uint32_t *col) {
    char *data;
    size_t len, size;
    int e;
    *missing = false;
    *line = *col = 0;
    FsStatus st = fsutil_read_file(path, PROFILES_MAX_BYTES, &data, &len, &size, &e);
    if (st != FS_OK) {
        *missing = st == FS_IO_ERROR && e == ENOENT;
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, false);
    if (!root && end) json_text_linecol_scan(data, len, (size_t)(end - data), line, col);
    free(data);
    return root;
}

static void write_profile_copy(const char *user_dir, const Profile *p) {
    char path[1200];
    if (!profile_dir(user_dir, p->id, path, sizeof path - 16)) return;
    strcat(path, "profile.json");
    cJSON *o = entry_json(p);
    if (o) cJSON_AddNumberToObject(o, "format", PROFILE_FORMAT);
    int err;
    write_json(path, o, &err);
}

/* Adds the profile folders on disk the list lacks. Returns how many. */
static int adopt_folders(ProfileList *pl, const char *user_dir) {
    char dir[1100];
    if (!path_in(dir, sizeof dir, user_dir, "profiles")) return 0;
    char **names;
    size_t n;
    int e, added = 0;
    if (!fsutil_list_dir(dir, &names, &n, &e)) return 0;
    for (size_t i = 0; i < n && pl->n < PROFILE_MAX; i++) {
        if (!is_id(names[i]) || profiles_find(pl, names[i]) >= 0) continue;
        char path[1200];
        if (!profile_dir(user_dir, names[i], path, sizeof path - 16) || !fsutil_is_dir(path)) continue;
        strcat(path, "profile.json");
        bool missing;
        uint32_t l, c;
        cJSON *o = parse_file(path, &missing, &l, &c);
        Profile p;
        bool got = o && entry_from_json(o, &p) && strcmp(p.id, names[i]) == 0;
        cJSON_Delete(o);
        if (!got) {
            memset(&p, 0, sizeof p);
            copy_str(p.id, sizeof p.id, names[i]);
            copy_str(p.pseudonym, sizeof p.pseudonym, names[i]);
        }
        /* Two folders claiming one pseudonym: the second shows its id. */
        char clean[PROFILE_PSEUDO_BYTES];
        if (profile_check_pseudonym(pl, p.pseudonym, clean, NULL) == PSEUDO_DUPLICATE)
            snprintf(p.pseudonym, sizeof p.pseudonym, "%.*s (%s)", (int)utf8_prefix_chars(clean, PROFILE_PSEUDO_MAX - 11),
                     clean, p.id);
        pl->items[pl->n++] = p;
        added++;
    }
    fsutil_free_names(names, n);
    return added;
}

bool profiles_load(ProfileList *pl, const char *user_dir, ProfileLoadReport *rep) {
    memset(pl, 0, sizeof *pl);
    memset(rep, 0, sizeof *rep);
    char path[1100];
    if (!path_in(path, sizeof path, user_dir, "profiles.json")) return true;
    bool missing;
    cJSON *root = parse_file(path, &missing, &rep->line, &rep->col);
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "profiles");
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    bool shape = cJSON_IsObject(root) && cJSON_IsArray(arr) && cJSON_IsNumber(fmt) && fmt->valuedouble >= 1;
    bool changed = false;
    if (missing) {
        rep->status = PROFILES_NONE;
    } else if (!shape) {
        rep->status = PROFILES_RECOVERED;
        int e;
        if (!fsutil_move_aside(path, ".damaged", rep->backup, sizeof rep->backup, &e)) rep->backup[0] = '\0';
        changed = true;
    } else {
        rep->status = PROFILES_LOADED;
        const cJSON *it;
        cJSON_ArrayForEach(it, arr) {
            Profile p;
            if (pl->n >= PROFILE_MAX || !entry_from_json(it, &p) || profiles_find(pl, p.id) >= 0) {
                if (pl->n >= PROFILE_MAX) rep->over_limit++;
                changed = true;
                continue;
            }
            char clean[PROFILE_PSEUDO_BYTES];
            if (profile_check_pseudonym(pl, p.pseudonym, clean, NULL) == PSEUDO_DUPLICATE) {
                changed = true;
                snprintf(p.pseudonym, sizeof p.pseudonym, "%.*s (%s)",
                         (int)utf8_prefix_chars(clean, PROFILE_PSEUDO_MAX - 11), clean, p.id);
            }
            pl->items[pl->n++] = p;
        }
        const cJSON *last = cJSON_GetObjectItemCaseSensitive(root, "last");
        if (cJSON_IsString(last) && profiles_find(pl, last->valuestring) >= 0 && is_id(last->valuestring))
            copy_str(pl->last, sizeof pl->last, last->valuestring);
    }
    cJSON_Delete(root);
    rep->adopted = adopt_folders(pl, user_dir);
    if (rep->adopted) changed = true;
    if (changed) {
        int e;
        profiles_save(pl, user_dir, &e);
    }
    return true;
}

/* ---- changes ------------------------------------------------------------------- */

/* splitmix64: spreads the caller's entropy over the id's bits. */
static uint64_t mix(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int profiles_create(ProfileList *pl, const char *user_dir, const char *pseudonym, uint64_t entropy, time_t now,
                    PseudoCheck *why, int *err) {
    *err = 0;
    Profile p;
    memset(&p, 0, sizeof p);
    *why = profile_check_pseudonym(pl, pseudonym, p.pseudonym, NULL);
    if (*why != PSEUDO_OK) return -1;
    char dir[1200];
    uint64_t state = entropy;
    for (int tries = 0;; tries++) {
        snprintf(p.id, sizeof p.id, "%08lx", (unsigned long)(mix(&state) & 0xFFFFFFFFu));
        if (!profile_dir(user_dir, p.id, dir, sizeof dir)) {
            *err = ENAMETOOLONG;
            return -1;
        }
        if (profiles_find(pl, p.id) < 0 && !fsutil_is_dir(dir)) break;
        if (tries > 1000) {
            *err = EEXIST;
            return -1;
        }
    }
    profile_format_time(now, p.created);
    if (!fsutil_mkdirs(dir, err)) return -1;
    pl->items[pl->n++] = p;
    copy_str(pl->last, sizeof pl->last, p.id);
    write_profile_copy(user_dir, &p);
    if (!profiles_save(pl, user_dir, err)) {
        /* The folder stays: the next load adopts it with its profile.json. */
        return -1;
    }
    return pl->n - 1;
}

bool profiles_pick(ProfileList *pl, const char *user_dir, int index, int *err) {
    *err = 0;
    if (index < 0 || index >= pl->n) {
        *err = EINVAL;
        return false;
    }
    copy_str(pl->last, sizeof pl->last, pl->items[index].id);
    return profiles_save(pl, user_dir, err);
}

bool profiles_delete(ProfileList *pl, const char *user_dir, int index, int *err) {
    *err = 0;
    if (index < 0 || index >= pl->n) {
        *err = EINVAL;
        return false;
    }
    char dir[1200];
    if (!profile_dir(user_dir, pl->items[index].id, dir, sizeof dir)) {
        *err = ENAMETOOLONG;
        return false;
    }
    dir[strlen(dir) - 1] = '\0';
    /* The folder itself may be a link (removing it removes the link only),
     * but nothing above it: U/profiles leading elsewhere would make the
     * removal reach outside the user folder. */
    char parent[1100];
    if (!path_in(parent, sizeof parent, user_dir, "profiles") || fsutil_has_link(user_dir, parent)) {
        *err = ELOOP;
        return false;
    }
    if (!fsutil_remove_tree(dir, err)) return false;
    if (strcmp(pl->last, pl->items[index].id) == 0) pl->last[0] = '\0';
    memmove(&pl->items[index], &pl->items[index + 1], (size_t)(pl->n - index - 1) * sizeof pl->items[0]);
    pl->n--;
    return profiles_save(pl, user_dir, err);
}

/* ---- data from before profiles ----------------------------------------------------- */

static bool move_file(const char *from, const char *to_dir, const char *name) {
    int e;
    if (!fsutil_mkdirs(to_dir, &e)) return false;
    char *to = fsutil_join(to_dir, name);
    bool ok = false;
    if (to) {
        FILE *f = fopen(to, "rb");
        if (f) fclose(f);
        else ok = rename(from, to) == 0;
    }
    free(to);
    return ok;
}

int profile_adopt_legacy(const char *user_dir, const char *pdir) {
    static const char *const FOLDERS[] = {"results", "records", "badges"};
    int moved = 0;
    char from[1200], to[1200];
    if (path_in(from, sizeof from, user_dir, "saves/current.json") && !fsutil_has_link(user_dir, from) &&
        snprintf(to, sizeof to, "%ssaves", pdir) < (int)sizeof to && move_file(from, to, "current.json"))
        moved++;
    for (size_t k = 0; k < sizeof FOLDERS / sizeof FOLDERS[0]; k++) {
        char dir[1200];
        char **names;
        size_t n;
        int e;
        if (!path_in(dir, sizeof dir, user_dir, FOLDERS[k]) || fsutil_has_link(user_dir, dir) ||
            !fsutil_list_dir(dir, &names, &n, &e))
            continue;
        snprintf(to, sizeof to, "%s%s", pdir, FOLDERS[k]);
        for (size_t i = 0; i < n; i++) {
            char *f = fsutil_join(dir, names[i]);
            /* Files only, never through a link: a link would bring in (and
             * move away) a file from outside the user folder. */
            if (f && !fsutil_has_link(user_dir, f) && !fsutil_has_link(user_dir, to) && !fsutil_is_dir(f) &&
                move_file(f, to, names[i]))
                moved++;
            free(f);
        }
        fsutil_free_names(names, n);
    }
    return moved;
}

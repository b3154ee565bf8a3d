/* diag_codes.h — the one list of diagnostic codes (X-macro).
 *
 * Each entry: X(NAME, "slug", severity). The slug is stable: tests, editors
 * and docs/format.md refer to it. Messages and hints, in French and English,
 * live in diag.c, in the same order. Include only from diag.h / diag.c. */
/* clang-format off */
/* file and encoding */
DIAG_ENUM_(IO,                 "io-error",             DIAG_ERROR)
DIAG_ENUM_(EMPTY_FILE,         "empty-file",           DIAG_ERROR)
DIAG_ENUM_(FILE_TOO_LARGE,     "file-too-large",       DIAG_ERROR)
DIAG_ENUM_(BAD_UTF8,           "invalid-utf8",         DIAG_ERROR)
DIAG_ENUM_(BINARY,             "binary-file",          DIAG_ERROR)
DIAG_ENUM_(JSON_SYNTAX,        "json-syntax",          DIAG_ERROR)
DIAG_ENUM_(TOO_DEEP,           "nesting-too-deep",     DIAG_ERROR)
DIAG_ENUM_(DUPLICATE_KEY,      "duplicate-key",        DIAG_ERROR)
/* structure */
DIAG_ENUM_(MISSING_FIELD,      "missing-field",        DIAG_ERROR)
DIAG_ENUM_(WRONG_TYPE,         "wrong-type",           DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_FIELD,      "unknown-field",        DIAG_WARNING)
DIAG_ENUM_(BAD_VALUE,          "bad-value",            DIAG_ERROR)
DIAG_ENUM_(BAD_FORMAT_VERSION, "unsupported-format",   DIAG_ERROR)
DIAG_ENUM_(BAD_ID,             "bad-id",               DIAG_ERROR)
DIAG_ENUM_(DUPLICATE_ID,       "duplicate-id",         DIAG_ERROR)
DIAG_ENUM_(LIMIT,              "limit-exceeded",       DIAG_ERROR)
DIAG_ENUM_(STRING_TOO_LONG,    "string-too-long",      DIAG_ERROR)
DIAG_ENUM_(EMPTY_STRING,       "empty-text",           DIAG_ERROR)
/* references */
DIAG_ENUM_(UNKNOWN_SCENE,      "unknown-scene",        DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_METER,      "unknown-meter",        DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_FLAG,       "unknown-flag",         DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_COUNTER,    "unknown-counter",      DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_COMPETENCY, "unknown-competency",   DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_CHARACTER,  "unknown-character",    DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_EVENT,      "unknown-event",        DIAG_ERROR)
DIAG_ENUM_(UNKNOWN_LANGUAGE,   "unknown-language",     DIAG_WARNING)
/* graph */
DIAG_ENUM_(UNREACHABLE_SCENE,  "unreachable-scene",    DIAG_ERROR)
DIAG_ENUM_(NO_ENDING_REACHABLE,"no-ending-reachable",  DIAG_ERROR)
DIAG_ENUM_(UNREACHABLE_ENDING, "unreachable-ending",   DIAG_ERROR)
DIAG_ENUM_(EVENT_NEVER_SCHEDULED, "event-never-scheduled", DIAG_WARNING)
DIAG_ENUM_(NO_DEFAULT_ROUTE,   "no-default-route",     DIAG_ERROR)
/* values and conditions */
DIAG_ENUM_(IMPOSSIBLE_CONDITION, "impossible-condition", DIAG_ERROR)
DIAG_ENUM_(ALWAYS_TRUE_CONDITION, "always-true-condition", DIAG_WARNING)
DIAG_ENUM_(OUT_OF_RANGE,       "out-of-range",         DIAG_ERROR)
DIAG_ENUM_(BAD_RANGE,          "bad-meter-range",      DIAG_ERROR)
DIAG_ENUM_(PROBABILITY_SUM,    "probability-sum",      DIAG_ERROR)
DIAG_ENUM_(BAD_PROBABILITY,    "bad-probability",      DIAG_ERROR)
DIAG_ENUM_(AFTER_OUTSIDE_EVENT,"after-outside-event",  DIAG_ERROR)
DIAG_ENUM_(EVIDENCE_RANGE,     "evidence-out-of-range",DIAG_ERROR)
DIAG_ENUM_(NOT_TARGETED,       "competency-not-targeted", DIAG_WARNING)
DIAG_ENUM_(TARGET_NO_EVIDENCE, "competency-without-evidence", DIAG_WARNING)
/* content */
DIAG_ENUM_(MISSING_TRANSLATION,"missing-translation",  DIAG_WARNING)
DIAG_ENUM_(MISSING_FRENCH,     "missing-french",       DIAG_ERROR)
DIAG_ENUM_(MISSING_IMAGE,      "missing-image",        DIAG_ERROR)
DIAG_ENUM_(UNSAFE_PATH,        "unsafe-path",          DIAG_ERROR)
DIAG_ENUM_(BAD_IMAGE_TYPE,     "bad-image-type",       DIAG_ERROR)
DIAG_ENUM_(MISSING_ALT,        "missing-alt-text",     DIAG_WARNING)
DIAG_ENUM_(IMAGE_TOO_LARGE,    "image-too-large",      DIAG_ERROR)
/* framework */
DIAG_ENUM_(FRAMEWORK,          "framework-error",      DIAG_ERROR)
DIAG_ENUM_(BAD_THRESHOLDS,     "bad-thresholds",       DIAG_ERROR)
/* added with the loader */
DIAG_ENUM_(CONTRADICTORY_CONDITION, "contradictory-condition", DIAG_ERROR)
DIAG_ENUM_(FLAG_NEVER_SET,     "flag-never-set",       DIAG_ERROR)
DIAG_ENUM_(EMPTY_ANY,          "empty-any",            DIAG_ERROR)
DIAG_ENUM_(MISSING_REASON,     "missing-reason",       DIAG_ERROR)
DIAG_ENUM_(FRAMEWORK_REF,      "unknown-domain",       DIAG_ERROR)
DIAG_ENUM_(EMPTY_LIST,         "empty-list",           DIAG_ERROR)
/* across the scenarios of one library folder (library.c) */
DIAG_ENUM_(DUPLICATE_SCENARIO_ID, "duplicate-scenario-id", DIAG_ERROR)
DIAG_ENUM_(ID_NOT_FOLDER,      "id-not-folder",        DIAG_WARNING)
DIAG_ENUM_(SVG_TEXT,           "svg-text",             DIAG_WARNING)
DIAG_ENUM_(SVG_COLOUR_NAME,    "svg-colour-name",      DIAG_WARNING)
DIAG_ENUM_(FRENCH_TYPOGRAPHY,  "french-typography",    DIAG_WARNING)
DIAG_ENUM_(EFFECT_EXCEEDS_RANGE, "effect-exceeds-range", DIAG_WARNING)
/* saves (engine) */
DIAG_ENUM_(SAVE_DAMAGED,       "damaged-save",         DIAG_ERROR)
DIAG_ENUM_(SAVE_FOREIGN,       "not-a-save",           DIAG_ERROR)
DIAG_ENUM_(SAVE_VERSION,       "unsupported-save-format", DIAG_ERROR)
/* interface catalogues, the .po files of assets/i18n (i18n) */
DIAG_ENUM_(PO_SYNTAX,          "po-syntax",            DIAG_ERROR)
DIAG_ENUM_(PO_NO_KEY,          "po-no-key",            DIAG_ERROR)
DIAG_ENUM_(PO_DUPLICATE,       "po-duplicate-key",     DIAG_ERROR)
/* clang-format on */

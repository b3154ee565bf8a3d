/* voice.h — self-voicing: reads aloud the current text and the focused
 * choice (as Ren'Py does) through espeak-ng, whose samples play through
 * SDL audio. Optional at build time (ENJEUX_WITH_ESPEAK); without it, or
 * without a voice or a sound output, voice_create() says why and the game
 * plays on silently. */
#ifndef ENJEUX_UI_VOICE_H
#define ENJEUX_UI_VOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lang.h"

typedef struct Voice Voice;

typedef enum VoiceStatus {
    VOICE_OK,
    VOICE_NOT_BUILT,    /* this build has no speech engine */
    VOICE_NO_ENGINE,    /* espeak-ng could not start (its data is missing) */
    VOICE_NO_LANGUAGE,  /* no French or no English voice */
    VOICE_NO_AUDIO      /* no sound output */
} VoiceStatus;

/* Starts the speech engine. Returns NULL with *status telling why when no
 * voice is available (`detail` gets the system's message, may be ""). Free
 * with voice_destroy(). `log` (may be NULL) is a file that receives every
 * text spoken, one per line, for tests. */
Voice *voice_create(const char *log, VoiceStatus *status, char *detail, size_t n);

/* Accepts NULL. */
void voice_destroy(Voice *v);

/* Stops what is being said and says `text` in `lang`. Accepts a NULL voice
 * (does nothing). */
void voice_say(Voice *v, const char *text, Lang lang);

/* Stops speaking. Accepts NULL. */
void voice_stop(Voice *v);

#endif

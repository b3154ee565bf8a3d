/* voice.c — self-voicing through espeak-ng; see voice.h.
 *
 * espeak-ng runs in retrieval mode: it synthesises in its own thread and
 * hands the samples to a callback, which queues them on an SDL audio
 * device. Saying something new cancels the synthesis and clears the queue;
 * a generation counter drops the samples of a cancelled text that are
 * still on their way. */
#include "ui/voice.h"

#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef ENJEUX_HAVE_ESPEAK
#include <espeak-ng/speak_lib.h>
#endif

struct Voice {
    SDL_AudioDeviceID dev;
    FILE *log;
    Lang lang;
    bool lang_set;
    SDL_atomic_t generation;
};

#ifdef ENJEUX_HAVE_ESPEAK
/* espeak-ng's callback has no user pointer of its own for the device: the
 * one voice of the process is kept here (set once by voice_create). */
static Voice *the_voice;

static int on_samples(short *wav, int n, espeak_EVENT *events) {
    Voice *v = the_voice;
    if (!v || !wav || n <= 0) return 0;
    int gen = (int)(intptr_t)events->user_data;
    if (gen != SDL_AtomicGet(&v->generation)) return 1;
    SDL_QueueAudio(v->dev, wav, (Uint32)n * sizeof *wav);
    return 0;
}
#endif

Voice *voice_create(const char *log, VoiceStatus *status, char *detail, size_t n) {
    if (n) detail[0] = '\0';
#ifndef ENJEUX_HAVE_ESPEAK
    (void)log;
    *status = VOICE_NOT_BUILT;
    return NULL;
#else
    if (the_voice) {
        *status = VOICE_OK;
        return the_voice;
    }
    int rate = espeak_Initialize(AUDIO_OUTPUT_RETRIEVAL, 200, NULL, 0);
    if (rate <= 0) {
        *status = VOICE_NO_ENGINE;
        return NULL;
    }
    if (espeak_SetVoiceByName("fr") != EE_OK || espeak_SetVoiceByName("en") != EE_OK) {
        *status = VOICE_NO_LANGUAGE;
        espeak_Terminate();
        return NULL;
    }
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        *status = VOICE_NO_AUDIO;
        snprintf(detail, n, "%s", SDL_GetError());
        espeak_Terminate();
        return NULL;
    }
    SDL_AudioSpec want = {.freq = rate, .format = AUDIO_S16SYS, .channels = 1, .samples = 2048};
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
    if (dev == 0) {
        *status = VOICE_NO_AUDIO;
        snprintf(detail, n, "%s", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        espeak_Terminate();
        return NULL;
    }
    Voice *v = calloc(1, sizeof *v);
    if (!v) {
        SDL_CloseAudioDevice(dev);
        espeak_Terminate();
        *status = VOICE_NO_ENGINE;
        return NULL;
    }
    v->dev = dev;
    v->log = log ? fopen(log, "w") : NULL;
    the_voice = v;
    espeak_SetSynthCallback(on_samples);
    SDL_PauseAudioDevice(dev, 0);
    *status = VOICE_OK;
    return v;
#endif
}

void voice_stop(Voice *v) {
    if (!v) return;
#ifdef ENJEUX_HAVE_ESPEAK
    SDL_AtomicIncRef(&v->generation);
    espeak_Cancel();
    SDL_ClearQueuedAudio(v->dev);
#endif
}

void voice_say(Voice *v, const char *text, Lang lang) {
    if (!v || !text || !*text) return;
    voice_stop(v);
    if (v->log) {
        fprintf(v->log, "%s: %s\n", lang_code(lang), text);
        fflush(v->log);
    }
#ifdef ENJEUX_HAVE_ESPEAK
    if (!v->lang_set || v->lang != lang) {
        espeak_SetVoiceByName(lang_code(lang));
        v->lang = lang;
        v->lang_set = true;
    }
    int gen = SDL_AtomicGet(&v->generation);
    espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, (void *)(intptr_t)gen);
#else
    (void)lang;
#endif
}

void voice_destroy(Voice *v) {
    if (!v) return;
#ifdef ENJEUX_HAVE_ESPEAK
    voice_stop(v);
    espeak_Terminate();
    SDL_CloseAudioDevice(v->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    the_voice = NULL;
#endif
    if (v->log) fclose(v->log);
    free(v);
}

#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <stdio.h>

#include <mediastreamer2/allfilters.h>
#include <mediastreamer2/mediastream.h>
#include <mediastreamer2/msfactory.h>
#include <mediastreamer2/mssndcard.h>
#include <mediastreamer2/msticker.h>

/* Exported by liblinphone 5.1, declared only in its private headers (see engine_calls.c). */
extern MediaStream *linphone_call_get_stream(LinphoneCall *call, LinphoneStreamType type);

/*
 * Moving a running call to other sound devices.
 *
 * liblinphone 5.1 hands a call's new device to mediastreamer2 (audio_stream_set_output_ms_snd_card),
 * which re-routes a running stream only where the sound filter can do it itself
 * (MS_AUDIO_*_SET_INTERNAL_ID: Android's AAudio and OpenSLES). On Linux it logs "... is not
 * implemented, cannot set output card" and the call stays on the old device until its streams
 * restart. So the engine swaps the running stream's PulseAudio or ALSA filter itself, the way
 * mediastreamer2 changes a video stream's camera: detach the graph from its ticker, put a filter
 * on the new card (same rate and channels) where the old one was linked, attach again. The call,
 * its RTP session and its encoder/decoder state are untouched; a few tens of ms of audio are lost.
 */

static int is_sound_card_filter(MSFilter *filter) {
    if (filter == NULL) {
        return 0;
    }
    unsigned int id = ms_filter_get_id(filter);
    return id == MS_PULSE_READ_ID || id == MS_PULSE_WRITE_ID || id == MS_ALSA_READ_ID || id == MS_ALSA_WRITE_ID;
}

/* 1 when swapped, 0 when there was nothing to swap (stream not running, file mode, ...), -1 on failure. */
static int swap_sound_filter(AudioStream *stream, MSSndCard *card, int capture) {
    MSFilter *old = capture ? stream->soundread : stream->soundwrite;
    if (!is_sound_card_filter(old) || old->ticker == NULL) {
        return 0;
    }
    MSQueue *queue = capture ? old->outputs[0] : old->inputs[0];
    if (queue == NULL) {
        return 0;
    }
    MSCPoint peer = capture ? queue->next : queue->prev;
    int rate = 0;
    int channels = 1;
    ms_filter_call_method(old, MS_FILTER_GET_SAMPLE_RATE, &rate);
    ms_filter_call_method(old, MS_FILTER_GET_NCHANNELS, &channels);
    MSFilter *replacement = capture ? ms_snd_card_create_reader(card) : ms_snd_card_create_writer(card);
    if (replacement == NULL) {
        return -1;
    }
    int actual = 0;
    if (rate > 0) {
        ms_filter_call_method(replacement, MS_FILTER_SET_SAMPLE_RATE, &rate);
        ms_filter_call_method(replacement, MS_FILTER_GET_SAMPLE_RATE, &actual);
    }
    if (rate > 0 && actual != rate) {
        ms_filter_destroy(replacement); /* the graph has no resampler for another rate */
        return -1;
    }
    ms_filter_call_method(replacement, MS_FILTER_SET_NCHANNELS, &channels);
    MSTicker *ticker = old->ticker;
    ms_ticker_detach(ticker, old);
    if (capture) {
        ms_filter_unlink(old, 0, peer.filter, peer.pin);
        ms_filter_link(replacement, 0, peer.filter, peer.pin);
        stream->soundread = replacement;
    } else {
        ms_filter_unlink(peer.filter, peer.pin, old, 0);
        ms_filter_link(peer.filter, peer.pin, replacement, 0);
        stream->soundwrite = replacement;
    }
    ms_ticker_attach(ticker, replacement);
    ms_filter_destroy(old);
    return 1;
}

static MSSndCard *card_by_id(pult_engine *engine, const char *id) {
    if (id == NULL) {
        return NULL;
    }
    MSFactory *factory = linphone_core_get_ms_factory(engine->core);
    return factory == NULL ? NULL : ms_snd_card_manager_get_card(ms_factory_get_snd_card_manager(factory), id);
}

static int move_stream(AudioStream *stream, MSSndCard *capture, MSSndCard *playback) {
    if (stream == NULL || media_stream_get_state(&stream->ms) != MSStreamStarted) {
        return 0;
    }
    int failed = 0;
    if (capture != NULL && swap_sound_filter(stream, capture, 1) < 0) {
        failed = 1;
    }
    if (playback != NULL && swap_sound_filter(stream, playback, 0) < 0) {
        failed = 1;
    }
    return failed ? -1 : 0;
}

int pult_devices_move_running(pult_engine *engine, const char *capture_id, const char *playback_id, char *error,
                              size_t error_size) {
    MSSndCard *capture = card_by_id(engine, capture_id);
    MSSndCard *playback = card_by_id(engine, playback_id);
    if (capture == NULL && playback == NULL) {
        return 0;
    }
    int failures = 0;
    for (pult_call *call = engine->calls; call != NULL; call = call->next) {
        MediaStream *media = linphone_call_get_stream(call->call, LinphoneStreamTypeAudio);
        if (move_stream((AudioStream *)media, capture, playback) != 0) {
            failures++;
            snprintf(error, error_size, "call-%lld could not be moved to the chosen sound device", call->id);
        }
    }
    /* In a local conference the operator's own place is a stream of its own. */
    LinphoneConference *conference = linphone_core_get_conference(engine->core);
    if (conference != NULL && move_stream(linphone_conference_get_audio_stream(conference), capture, playback) != 0) {
        failures++;
        snprintf(error, error_size, "the conference could not be moved to the chosen sound device");
    }
    return failures == 0 ? 0 : -1;
}

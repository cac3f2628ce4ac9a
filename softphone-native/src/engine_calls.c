#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linphone/factory.h>
#include <mediastreamer2/allfilters.h>
#include <mediastreamer2/mediastream.h>
#include <mediastreamer2/msfilerec.h>
#include <mediastreamer2/msinterfaces.h>

/*
 * liblinphone 5.1 exports this (linphone_core_set_play_file and the call player use it) but
 * declares it only in its private headers. The engine needs it in file mode only: to switch what a
 * held call sends (play_hold_file) and to keep conference calls out of the record file.
 */
extern MediaStream *linphone_call_get_stream(LinphoneCall *call, LinphoneStreamType type);

/* A call must have kept its state this long before the engine re-INVITEs it (merge). */
#define PULT_SETTLE_NANOS (200LL * 1000 * 1000)

static pult_engine *engine_of(LinphoneCore *core) {
    return linphone_core_get_user_data(core);
}

/* ---- the call table -------------------------------------------------------------------------- */

pult_call *pult_calls_find(pult_engine *engine, long long id) {
    for (pult_call *call = engine->calls; call != NULL; call = call->next) {
        if (call->id == id) {
            return call;
        }
    }
    return NULL;
}

/* A call commands may still act on: known and not yet ended. */
pult_call *pult_calls_find_live(pult_engine *engine, long long id) {
    pult_call *call = pult_calls_find(engine, id);
    if (call == NULL) {
        return NULL;
    }
    LinphoneCallState state = linphone_call_get_state(call->call);
    return state == LinphoneCallStateEnd || state == LinphoneCallStateError || state == LinphoneCallStateReleased
            ? NULL : call;
}

static pult_call *find_by_pointer(pult_engine *engine, const LinphoneCall *linphone_call) {
    for (pult_call *call = engine->calls; call != NULL; call = call->next) {
        if (call->call == linphone_call) {
            return call;
        }
    }
    return NULL;
}

/* The peer's ACK for a 2xx we sent: the INVITE transaction is over, the dialog may carry a re-INVITE. */
static void on_ack(LinphoneCall *linphone_call, LinphoneHeaders *ack, bool_t is_received) {
    (void)ack;
    if (!is_received) {
        return;
    }
    pult_engine *engine = engine_of(linphone_call_get_core(linphone_call));
    pult_call *call = engine == NULL ? NULL : find_by_pointer(engine, linphone_call);
    if (call != NULL) {
        call->awaiting_ack_until = 0;
    }
}

/* Finds the row of a call, adding one (and a ref) the first time the engine sees it. */
pult_call *pult_calls_track(pult_engine *engine, LinphoneCall *linphone_call) {
    pult_call *call = find_by_pointer(engine, linphone_call);
    if (call != NULL) {
        return call;
    }
    call = calloc(1, sizeof *call);
    if (call == NULL) {
        return NULL;
    }
    int outgoing = linphone_call_get_dir(linphone_call) == LinphoneCallOutgoing;
    /* linphone_core_invite reports OutgoingInit before it returns: give that call the id dial promised. */
    if (outgoing && engine->outgoing_call_id != 0) {
        call->id = engine->outgoing_call_id;
        engine->outgoing_call_id = 0;
    } else {
        call->id = engine->next_call_id++;
    }
    call->call = linphone_call_ref(linphone_call);
    call->direction = outgoing ? PULT_DIRECTION_OUTGOING : PULT_DIRECTION_INCOMING;
    call->last_state = -1;
    call->last_encryption = -1;
    call->state_nanos = pult_now_nanos();
    call->cbs = linphone_factory_create_call_cbs(linphone_factory_get());
    if (call->cbs != NULL) {
        linphone_call_cbs_set_ack_processing(call->cbs, on_ack);
        linphone_call_add_callbacks(call->call, call->cbs);
    }
    call->next = engine->calls;
    engine->calls = call;
    return call;
}

static void free_call(pult_call *call) {
    pult_recording_finish(call);
    if (call->cbs != NULL) {
        linphone_call_remove_callbacks(call->call, call->cbs);
        linphone_call_cbs_unref(call->cbs);
    }
    linphone_call_unref(call->call);
    free(call->record_placeholder);
    free(call->record_target);
    free(call->last_token);
    free(call);
}

static void forget(pult_engine *engine, pult_call *gone) {
    for (pult_call **link = &engine->calls; *link != NULL; link = &(*link)->next) {
        if (*link == gone) {
            *link = gone->next;
            free_call(gone);
            return;
        }
    }
}

void pult_calls_release_all(pult_engine *engine) {
    while (engine->calls != NULL) {
        pult_call *next = engine->calls->next;
        free_call(engine->calls);
        engine->calls = next;
    }
}

/*
 * Every call records, if asked, into a placeholder in the work directory: liblinphone takes the
 * record file only in the params a call starts with, before anyone knows whether (or where) the
 * operator will record. startRecording names the final file; it moves there when recording stops.
 */
int pult_calls_record_params(pult_engine *engine, long long id, LinphoneCallParams *params, char **placeholder) {
    size_t length = strlen(engine->recordings_dir) + 48;
    *placeholder = malloc(length);
    if (*placeholder == NULL) {
        return -1;
    }
    snprintf(*placeholder, length, "%s/call-%lld.wav", engine->recordings_dir, id);
    linphone_call_params_set_record_file(params, *placeholder);
    return 0;
}

const char *pult_calls_unsettled(pult_engine *engine, const pult_call *call, long long now) {
    (void)engine;
    LinphoneCallState state = linphone_call_get_state(call->call);
    if (state != LinphoneCallStateStreamsRunning && state != LinphoneCallStatePaused) {
        return linphone_call_state_to_string(state);
    }
    if (now - call->state_nanos < PULT_SETTLE_NANOS) {
        return "settling after a state change";
    }
    if (call->awaiting_ack_until > now) {
        return "waiting for the ACK of its last answer";
    }
    if (linphone_call_media_in_progress(call->call)) {
        return "negotiating media (ICE or ZRTP)";
    }
    return NULL;
}

/* ---- call state ------------------------------------------------------------------------------ */

static int map_state(LinphoneCallState state) {
    switch (state) {
    case LinphoneCallStateIncomingReceived:
    case LinphoneCallStatePushIncomingReceived:
    case LinphoneCallStateIncomingEarlyMedia:
        return PULT_CALL_INCOMING;
    case LinphoneCallStateOutgoingInit:
    case LinphoneCallStateOutgoingProgress:
        return PULT_CALL_DIALING;
    case LinphoneCallStateOutgoingRinging:
    case LinphoneCallStateOutgoingEarlyMedia:
        return PULT_CALL_RINGING_OUT;
    case LinphoneCallStateConnected:
    case LinphoneCallStateStreamsRunning:
        return PULT_CALL_ACTIVE;
    case LinphoneCallStatePaused:
        return PULT_CALL_HELD; /* not at Pausing: resume() is refused until the hold is acknowledged */
    case LinphoneCallStatePausedByRemote:
        return PULT_CALL_HELD_BY_REMOTE;
    case LinphoneCallStateEnd:
        return PULT_CALL_ENDED;
    case LinphoneCallStateError:
        return PULT_CALL_FAILED;
    default:
        /* Pausing, Resuming, Updating, UpdatedByRemote, Referred, Released: no change an operator sees. */
        return -1;
    }
}

/* "Busy Here", "Not Found", ...: the SIP reason phrase when there is one, else liblinphone's reason. */
static void describe_reason(LinphoneCall *call, char *out, size_t out_size) {
    out[0] = '\0';
    const LinphoneErrorInfo *info = linphone_call_get_error_info(call);
    const char *phrase = info == NULL ? NULL : linphone_error_info_get_phrase(info);
    LinphoneReason reason = linphone_call_get_reason(call);
    if (phrase != NULL && phrase[0] != '\0') {
        snprintf(out, out_size, "%s", phrase);
    } else if (reason != LinphoneReasonNone) {
        snprintf(out, out_size, "%s", linphone_reason_to_string(reason));
    }
}

static void push_call_state(pult_engine *engine, pult_call *call, int state, long long nanos) {
    pult_event *event = pult_event_new(PULT_EVENT_CALL_STATE, nanos, 3);
    if (event == NULL) {
        return;
    }
    event->numbers[2] = call->id;
    event->numbers[3] = state;
    event->numbers[4] = call->direction;
    const LinphoneAddress *remote = linphone_call_get_remote_address(call->call);
    if (remote != NULL) {
        char *uri = linphone_address_as_string_uri_only(remote);
        pult_event_set_text(event, 0, uri);
        bctbx_free(uri);
        pult_event_set_text(event, 1, linphone_address_get_display_name(remote));
    }
    char reason[256];
    if (state == PULT_CALL_ENDED || state == PULT_CALL_FAILED) {
        describe_reason(call->call, reason, sizeof reason);
        pult_event_set_text(event, 2, reason);
    }
    pult_engine_push_event(engine, event);
}

static void accept_incoming(pult_engine *engine, pult_call *call) {
    LinphoneCallParams *params = linphone_core_create_call_params(engine->core, call->call);
    if (params == NULL) {
        return;
    }
    if (call->record_placeholder == NULL) {
        pult_calls_record_params(engine, call->id, params, &call->record_placeholder);
    }
    linphone_call_accept_with_params(call->call, params);
    linphone_call_params_unref(params);
}

/*
 * States liblinphone enters when it sends a 2xx to an INVITE from the peer (its first INVITE, or
 * a re-INVITE that holds or updates the call): the peer's ACK is due. UPDATE requests also lead
 * here and get no ACK; PULT_ACK_GRACE_NANOS covers them.
 */
static int answers_an_invite(const pult_call *call, LinphoneCallState state) {
    return (state == LinphoneCallStateConnected && call->direction == PULT_DIRECTION_INCOMING)
            || state == LinphoneCallStateUpdatedByRemote || state == LinphoneCallStatePausedByRemote;
}

/*
 * In file mode liblinphone 5.1 sends the core's play file to a held call as hold music, and that
 * file is the microphone: the held party would hear the operator. Once the call is Paused (its
 * streams restarted send-only, the play file opened), its outgoing player switches to hold_file:
 * the hold music, or silence. Resuming restarts the streams, which reopens the microphone file.
 */
static void play_hold_file(pult_engine *engine, pult_call *call) {
    MediaStream *media = linphone_call_get_stream(call->call, LinphoneStreamTypeAudio);
    if (media == NULL || media_stream_get_state(media) != MSStreamStarted) {
        return; /* nothing is sent (an inactive stream: the peer holds us too) */
    }
    MSFilter *player = audio_stream_open_remote_play((AudioStream *)media, engine->hold_file);
    if (player == NULL) {
        pult_event *event = pult_event_new(PULT_EVENT_LOG, pult_now_nanos(), 2);
        if (event != NULL) {
            event->numbers[2] = PULT_LOG_WARNING;
            pult_event_set_text(event, 0, "pultphone");
            char line[300];
            snprintf(line, sizeof line, "call-%lld: cannot play %s on hold; the held party hears the play file",
                     call->id, engine->hold_file);
            pult_event_set_text(event, 1, line);
            pult_engine_push_event(engine, event);
        }
        return;
    }
    int pause_ms = 0;
    ms_filter_call_method(player, MS_PLAYER_SET_LOOP, &pause_ms);
    ms_filter_call_method_noarg(player, MS_PLAYER_START);
}

/*
 * The operator's own place in a local conference is a stream of its own, which liblinphone 5.1
 * starts on the sound cards, or, without any, on nothing: in file mode the others would not hear
 * the play file, and the record file would not get the mix. Give it the engine's files.
 */
void pult_calls_conference_on_files(pult_engine *engine, LinphoneConference *conference, int play) {
    AudioStream *stream = engine->settings[PULT_SETTING_USE_FILES] ? linphone_conference_get_audio_stream(conference) : NULL;
    if (stream == NULL || media_stream_get_state(&stream->ms) != MSStreamStarted) {
        return;
    }
    const char *play_file = engine->texts[PULT_TEXT_PLAY_FILE];
    const char *record_file = engine->texts[PULT_TEXT_RECORD_FILE];
    if (play && play_file != NULL && play_file[0] != '\0' && stream->soundread != NULL
            && ms_filter_get_id(stream->soundread) == MS_FILE_PLAYER_ID) {
        audio_stream_play(stream, play_file);
        int pause_ms = 0;
        ms_filter_call_method(stream->soundread, MS_PLAYER_SET_LOOP, &pause_ms);
    }
    if (record_file != NULL && record_file[0] != '\0' && stream->soundwrite != NULL
            && ms_filter_get_id(stream->soundwrite) == MS_FILE_REC_ID) {
        audio_stream_record(stream, record_file); /* reopens (truncates) it: the mix is all it holds */
    }
}

/*
 * In file mode a call's stream still opens the core's record file when it (re)starts in a
 * conference, and writes silence into it (its received audio goes to the mixer instead), over
 * what the operator's place records there. Close the call's recorder, then restart the operator's.
 */
static void conference_call_on_files(pult_engine *engine, pult_call *call, LinphoneConference *conference) {
    MediaStream *media = linphone_call_get_stream(call->call, LinphoneStreamTypeAudio);
    AudioStream *stream = (AudioStream *)media;
    if (stream != NULL && stream->soundwrite != NULL && ms_filter_get_id(stream->soundwrite) == MS_FILE_REC_ID) {
        ms_filter_call_method_noarg(stream->soundwrite, MS_FILE_REC_CLOSE);
    }
    pult_calls_conference_on_files(engine, conference, 0);
}

static int map_encryption(LinphoneMediaEncryption encryption) {
    switch (encryption) {
    case LinphoneMediaEncryptionSRTP:
        return PULT_ENCRYPTION_SRTP;
    case LinphoneMediaEncryptionZRTP:
        return PULT_ENCRYPTION_ZRTP;
    case LinphoneMediaEncryptionDTLS:
        return PULT_ENCRYPTION_DTLS;
    default:
        return PULT_ENCRYPTION_NONE;
    }
}

/* Reports what protects a call unless it is what was last reported for it (encryption and ZRTP SAS). */
static void report_encryption(pult_engine *engine, pult_call *call, int encryption, const char *token,
                              long long nanos) {
    if (token != NULL && token[0] == '\0') {
        token = NULL;
    }
    const char *last = call->last_token;
    if (encryption == call->last_encryption
            && (token == NULL ? last == NULL : last != NULL && strcmp(token, last) == 0)) {
        return;
    }
    char *copy = NULL;
    if (token != NULL && (copy = pult_strdup(token)) == NULL) {
        return;
    }
    pult_event *event = pult_event_new(PULT_EVENT_ENCRYPTION, nanos, 1);
    if (event == NULL) {
        free(copy);
        return;
    }
    free(call->last_token);
    call->last_token = copy;
    call->last_encryption = encryption;
    event->numbers[2] = call->id;
    event->numbers[3] = encryption;
    pult_event_set_text(event, 0, token != NULL ? token : "");
    pult_engine_push_event(engine, event);
}

/* Pitfall 8: ZRTP and DTLS settle after StreamsRunning, so this callback says what protects such a call. */
static void on_encryption(LinphoneCore *core, LinphoneCall *linphone_call, bool_t on, const char *token) {
    long long nanos = pult_now_nanos();
    pult_engine *engine = engine_of(core);
    pult_call *call = pult_calls_track(engine, linphone_call);
    if (call == NULL) {
        return;
    }
    const LinphoneCallParams *params = linphone_call_get_current_params(linphone_call);
    int encryption = on && params != NULL ? map_encryption(linphone_call_params_get_media_encryption(params))
                                          : PULT_ENCRYPTION_NONE;
    report_encryption(engine, call, encryption, token, nanos);
}

/*
 * liblinphone 5.1 calls on_encryption for ZRTP and DTLS only: SDES-SRTP (and no encryption at all)
 * shows only in the current params once the streams run. Read them at every StreamsRunning (the
 * first, and after each re-INVITE: resume, update). A ZRTP or DTLS call (asked by us or offered by
 * the peer) reads "none" at its first StreamsRunning, before its handshake ends (for DTLS
 * linphone_call_media_in_progress is already false then): until something was reported, its "none"
 * is left to on_encryption, so the operator does not see "not encrypted" flash before "DTLS".
 */
static void check_encryption(pult_engine *engine, pult_call *call, long long nanos) {
    const LinphoneCallParams *current = linphone_call_get_current_params(call->call);
    if (current == NULL) {
        return;
    }
    int encryption = map_encryption(linphone_call_params_get_media_encryption(current));
    if (encryption == PULT_ENCRYPTION_NONE && call->last_encryption < 0) {
        const LinphoneCallParams *asked = linphone_call_get_params(call->call);
        const LinphoneCallParams *offered = linphone_call_get_remote_params(call->call);
        LinphoneMediaEncryption mine = asked == NULL ? LinphoneMediaEncryptionNone
                                                     : linphone_call_params_get_media_encryption(asked);
        LinphoneMediaEncryption theirs = offered == NULL ? LinphoneMediaEncryptionNone
                                                         : linphone_call_params_get_media_encryption(offered);
        int settling = mine == LinphoneMediaEncryptionZRTP || mine == LinphoneMediaEncryptionDTLS
                || theirs == LinphoneMediaEncryptionZRTP || theirs == LinphoneMediaEncryptionDTLS;
        if (settling) {
            return;
        }
    }
    report_encryption(engine, call, encryption, linphone_call_get_authentication_token(call->call), nanos);
}

static void on_call_state(LinphoneCore *core, LinphoneCall *linphone_call, LinphoneCallState state, const char *message) {
    (void)message;
    long long nanos = pult_now_nanos();
    pult_engine *engine = engine_of(core);
    pult_call *call = pult_calls_track(engine, linphone_call);
    if (call == NULL) {
        return;
    }
    int mapped = map_state(state);
    if (mapped >= 0 && mapped != call->last_state) {
        call->last_state = mapped;
        push_call_state(engine, call, mapped, nanos);
    }
    call->state_nanos = nanos;
    if (answers_an_invite(call, state)) {
        call->awaiting_ack_until = nanos + PULT_ACK_GRACE_NANOS;
    }
    LinphoneConference *conference = linphone_call_get_conference(linphone_call);
    if (state == LinphoneCallStatePaused && engine->hold_file != NULL && conference == NULL) {
        play_hold_file(engine, call);
    }
    if (state == LinphoneCallStateStreamsRunning) {
        check_encryption(engine, call, nanos);
    }
    if (state == LinphoneCallStateStreamsRunning && engine->settings[PULT_SETTING_USE_FILES] && conference != NULL) {
        conference_call_on_files(engine, call, conference);
    }
    if (state == LinphoneCallStateIncomingReceived && engine->settings[PULT_SETTING_AUTO_ANSWER]) {
        accept_incoming(engine, call);
    }
    if (state == LinphoneCallStateReleased) {
        forget(engine, call);
    }
}

static void on_dtmf(LinphoneCore *core, LinphoneCall *linphone_call, int dtmf) {
    long long nanos = pult_now_nanos();
    pult_engine *engine = engine_of(core);
    pult_call *call = pult_calls_track(engine, linphone_call);
    pult_event *event = call == NULL ? NULL : pult_event_new(PULT_EVENT_DTMF, nanos, 0);
    if (event != NULL) {
        event->numbers[2] = call->id;
        event->numbers[3] = dtmf;
        pult_engine_push_event(engine, event);
    }
}

static void on_transfer(LinphoneCore *core, LinphoneCall *transferred, LinphoneCallState state) {
    long long nanos = pult_now_nanos();
    pult_engine *engine = engine_of(core);
    pult_call *call = pult_calls_track(engine, transferred);
    int mapped = map_state(state);
    pult_event *event = call == NULL || mapped < 0 ? NULL : pult_event_new(PULT_EVENT_TRANSFER, nanos, 0);
    if (event != NULL) {
        event->numbers[2] = call->id;
        event->numbers[3] = mapped;
        pult_engine_push_event(engine, event);
    }
}

/* ---- registration ---------------------------------------------------------------------------- */

static int map_registration(LinphoneRegistrationState state) {
    switch (state) {
    case LinphoneRegistrationProgress:
        return PULT_REGISTRATION_IN_PROGRESS;
    case LinphoneRegistrationOk:
        return PULT_REGISTRATION_REGISTERED;
    case LinphoneRegistrationCleared:
        return PULT_REGISTRATION_CLEARED;
    case LinphoneRegistrationFailed:
        return PULT_REGISTRATION_FAILED;
    default:
        return PULT_REGISTRATION_NONE;
    }
}

/* "401 Unauthorized", "503 Service Unavailable", or liblinphone's words for a transport or TLS failure. */
static void describe_registration(LinphoneAccount *account, LinphoneRegistrationState state, const char *message,
                                  char *out, size_t out_size) {
    out[0] = '\0';
    const LinphoneErrorInfo *info = linphone_account_get_error_info(account);
    int code = info == NULL ? 0 : linphone_error_info_get_protocol_code(info);
    const char *phrase = info == NULL ? NULL : linphone_error_info_get_phrase(info);
    if (state == LinphoneRegistrationFailed && code > 0 && phrase != NULL) {
        snprintf(out, out_size, "%d %s", code, phrase);
    } else if (state == LinphoneRegistrationFailed && phrase != NULL && phrase[0] != '\0') {
        snprintf(out, out_size, "%s", phrase);
    } else if (message != NULL) {
        snprintf(out, out_size, "%s", message);
    }
}

static void on_registration(LinphoneCore *core, LinphoneAccount *account, LinphoneRegistrationState state,
                            const char *message) {
    long long nanos = pult_now_nanos();
    pult_engine *engine = engine_of(core);
    if (account != engine->account) {
        return; /* the account a new register() replaced, signing off */
    }
    pult_event *event = pult_event_new(PULT_EVENT_REGISTRATION, nanos, 1);
    if (event == NULL) {
        return;
    }
    char reason[256];
    describe_registration(account, state, message, reason, sizeof reason);
    const LinphoneAccountParams *params = linphone_account_get_params(account);
    if (state == LinphoneRegistrationFailed && params != NULL
            && linphone_account_params_get_transport(params) == LinphoneTransportTls
            && strstr(reason, "io error") != NULL) {
        /* belle-sip says only "io error" when the TLS handshake or certificate check fails. */
        strncat(reason, " (TLS connection failed: unreachable, or the certificate was not trusted)",
                sizeof reason - strlen(reason) - 1);
    }
    /*
     * liblinphone retries a failed refresh itself (refresher_retry_after), but not a first
     * REGISTER that failed; the engine tries again after the same pause.
     */
    engine->register_retry_nanos = state == LinphoneRegistrationFailed
            ? nanos + engine->settings[PULT_SETTING_REGISTRATION_RETRY] * 1000000000LL : 0;
    event->numbers[2] = map_registration(state);
    pult_event_set_text(event, 0, reason);
    pult_engine_push_event(engine, event);
}

void pult_calls_install_callbacks(pult_engine *engine, LinphoneCoreCbs *cbs) {
    (void)engine;
    linphone_core_cbs_set_call_state_changed(cbs, on_call_state);
    linphone_core_cbs_set_dtmf_received(cbs, on_dtmf);
    linphone_core_cbs_set_call_encryption_changed(cbs, on_encryption);
    linphone_core_cbs_set_transfer_state_changed(cbs, on_transfer);
    linphone_core_cbs_set_account_registration_state_changed(cbs, on_registration);
}

void pult_calls_retry_registration(pult_engine *engine, long long now) {
    if (engine->register_retry_nanos == 0 || now < engine->register_retry_nanos) {
        return;
    }
    engine->register_retry_nanos = 0;
    if (engine->account != NULL && linphone_account_get_state(engine->account) == LinphoneRegistrationFailed) {
        const LinphoneAccountParams *params = linphone_account_get_params(engine->account);
        if (params != NULL && linphone_account_params_get_register_enabled(params)) {
            linphone_account_refresh_register(engine->account);
        }
    }
}

/* ---- quality --------------------------------------------------------------------------------- */

static long long double_bits(double value) {
    long long bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static void measure(pult_engine *engine, pult_call *call, long long now) {
    pult_event *event = pult_event_new(PULT_EVENT_QUALITY, now, 0);
    if (event == NULL) {
        return;
    }
    float rating = linphone_call_get_current_quality(call->call);
    double mos = rating < 0 ? NAN : fmax(1.0, fmin(5.0, rating));
    double jitter = 0, loss = 0, rtt = NAN;
    long long ice = PULT_ICE_NOT_USED;
    LinphoneCallStats *stats = linphone_call_get_audio_stats(call->call);
    const rtp_stats_t *rtp = stats == NULL ? NULL : linphone_call_stats_get_rtp_stats(stats);
    if (rtp != NULL) {
        /* What we receive: the jitter our own RTCP reports (seconds; asking earlier only logs a warning)... */
        if (rtp->sent_rtcp_packets > 0) {
            jitter = linphone_call_stats_get_sender_interarrival_jitter(stats) * 1000.0;
        }
        /* ...and the share of packets lost since the call started. */
        double expected = (double)rtp->packet_recv + (double)(rtp->cum_packet_loss > 0 ? rtp->cum_packet_loss : 0);
        loss = expected > 0 && rtp->cum_packet_loss > 0 ? 100.0 * (double)rtp->cum_packet_loss / expected : 0.0;
    }
    if (stats != NULL) {
        float delay = linphone_call_stats_get_round_trip_delay(stats);
        rtt = delay > 0 ? delay * 1000.0 : NAN; /* seconds from RTCP; 0 until a report arrives */
        LinphoneIceState state = linphone_call_stats_get_ice_state(stats);
        ice = state >= LinphoneIceStateNotActivated && state <= LinphoneIceStateRelayConnection ? (long long)state
                                                                                                 : PULT_ICE_NOT_USED;
        linphone_call_stats_unref(stats);
    }
    event->numbers[2] = call->id;
    event->numbers[3] = double_bits(mos);
    event->numbers[4] = double_bits(jitter);
    event->numbers[5] = double_bits(loss);
    event->numbers[6] = double_bits(rtt);
    event->numbers[7] = ice;
    pult_engine_push_event(engine, event);
}

void pult_calls_measure_quality(pult_engine *engine, long long now) {
    if (now < engine->next_quality_nanos) {
        return;
    }
    engine->next_quality_nanos = now + PULT_QUALITY_NANOS;
    for (pult_call *call = engine->calls; call != NULL; call = call->next) {
        if (linphone_call_get_state(call->call) == LinphoneCallStateStreamsRunning) {
            measure(engine, call, now);
        }
    }
}

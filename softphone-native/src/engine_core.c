#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linphone/factory.h>
#include <linphone/lpconfig.h>

/* Debian's bundle of the system's trusted CAs (pitfall 10: liblinphone is not told about it). */
static const char SYSTEM_CA_FILE[] = "/etc/ssl/certs/ca-certificates.crt";
/* How long close() lets BYEs and their answers cross the network before the core goes. */
enum { PULT_SHUTDOWN_NANOS = 1000 * 1000 * 1000 };

static char *join_path(const char *dir, const char *name) {
    size_t length = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(length);
    if (path != NULL) {
        snprintf(path, length, "%s/%s", dir, name);
    }
    return path;
}

static int make_dir(const char *path) {
    return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

static int text_set(const pult_engine *engine, int index) {
    return engine->texts[index] != NULL && engine->texts[index][0] != '\0';
}

static void put_le(unsigned char *bytes, uint32_t value, int count) {
    for (int i = 0; i < count; i++) {
        bytes[i] = (unsigned char)(value >> (8 * i));
    }
}

/* One second of silence, 8 kHz 16-bit mono: what a held call hears in file mode when no hold music is set. */
static int write_silence_wav(const char *path) {
    enum { RATE = 8000, SAMPLES = 8000 };
    unsigned char header[44] = {0};
    memcpy(header, "RIFF", 4);
    memcpy(header + 8, "WAVEfmt ", 8);
    memcpy(header + 36, "data", 4);
    put_le(header + 4, 36 + SAMPLES * 2, 4);
    put_le(header + 16, 16, 4);
    put_le(header + 20, 1, 2); /* PCM */
    put_le(header + 22, 1, 2); /* mono */
    put_le(header + 24, RATE, 4);
    put_le(header + 28, RATE * 2, 4);
    put_le(header + 32, 2, 2);
    put_le(header + 34, 16, 2);
    put_le(header + 40, SAMPLES * 2, 4);
    static const unsigned char zeros[SAMPLES * 2];
    FILE *out = fopen(path, "wb");
    if (out == NULL) {
        return -1;
    }
    int failed = fwrite(header, 1, sizeof header, out) != sizeof header || fwrite(zeros, 1, sizeof zeros, out) != sizeof zeros;
    return fclose(out) != 0 || failed ? -1 : 0;
}

/*
 * Pitfall 3: explicit paths for what the core persists. The config itself lives only in memory:
 * liblinphone would otherwise write the SIP password (auth info) into it on disk.
 */
static LinphoneConfig *create_config(const pult_engine *engine, const char *database) {
    LinphoneConfig *config = linphone_factory_create_config(linphone_factory_get(), NULL);
    if (config == NULL) {
        return NULL;
    }
    linphone_config_set_string(config, "storage", "backend", "sqlite3");
    linphone_config_set_string(config, "storage", "uri", database);
    linphone_config_set_string(config, "storage", "call_logs_db_uri", database);
    linphone_config_set_string(config, "storage", "zrtp_secrets_db_uri", database);
    /* Pitfall 4. */
    linphone_config_set_int(config, "sip", "use_ipv6", 0);
    const char *bind = text_set(engine, PULT_TEXT_BIND_ADDRESS) ? engine->texts[PULT_TEXT_BIND_ADDRESS] : "0.0.0.0";
    linphone_config_set_string(config, "sip", "bind_address", bind);
    linphone_config_set_string(config, "rtp", "bind_address", bind);
    /* liblinphone retries a failed REGISTER after this many ms (its default, 60 s, hides a restarted registrar). */
    linphone_config_set_int(config, "sip", "refresher_retry_after",
                            (int)engine->settings[PULT_SETTING_REGISTRATION_RETRY] * 1000);
    /* No video: an operator console needs none, and it keeps cameras closed. */
    linphone_config_set_int(config, "video", "capture", 0);
    linphone_config_set_int(config, "video", "display", 0);
    linphone_config_set_int(config, "video", "automatically_initiate", 0);
    linphone_config_set_int(config, "video", "automatically_accept", 0);
    /*
     * No RFC 4575 conference event package: a participant would SUBSCRIBE to the conference it is
     * in, and the hosting engine then parses the subscriber's contact with a belr grammar
     * (identity_grammar) that Debian's liblinphone10 does not ship, and aborts the process.
     */
    linphone_config_set_int(config, "misc", "conference_event_log_enabled", 0);
    /*
     * DTMF by SIP INFO or RFC 4733: linphone_core_start() reads these from the config and so overrides
     * linphone_core_set_use_info_for_dtmf() / _rfc2833_ called before it (seen with 5.1: digits went as
     * RFC 4733 although INFO was asked for).
     */
    int info = engine->settings[PULT_SETTING_DTMF_SIP_INFO] != 0;
    linphone_config_set_int(config, "sip", "use_info", info);
    linphone_config_set_int(config, "sip", "use_rfc2833", !info);
    /* Never store credentials, not even in the database. */
    linphone_config_set_int(config, "sip", "store_auth_info", 0);
    linphone_config_set_int(config, "sip", "store_ha1_passwd", 0);
    return config;
}

static int apply_transports(pult_engine *engine) {
    LinphoneTransports *transports = linphone_factory_create_transports(linphone_factory_get());
    if (transports == NULL) {
        return -1;
    }
    linphone_transports_set_udp_port(transports, LC_SIP_TRANSPORT_RANDOM);
    linphone_transports_set_tcp_port(transports, LC_SIP_TRANSPORT_RANDOM);
    linphone_transports_set_tls_port(transports, LC_SIP_TRANSPORT_RANDOM);
    int status = linphone_core_set_transports(engine->core, transports);
    linphone_transports_unref(transports);
    return status;
}

static void read_bound_ports(pult_engine *engine) {
    LinphoneTransports *used = linphone_core_get_transports_used(engine->core);
    if (used == NULL) {
        return;
    }
    pthread_mutex_lock(&engine->lock);
    engine->sip_ports[PULT_TRANSPORT_UDP] = linphone_transports_get_udp_port(used);
    engine->sip_ports[PULT_TRANSPORT_TCP] = linphone_transports_get_tcp_port(used);
    engine->sip_ports[PULT_TRANSPORT_TLS] = linphone_transports_get_tls_port(used);
    pthread_mutex_unlock(&engine->lock);
    linphone_transports_unref(used);
}

/*
 * Without an account every engine calls as sip:linphone@<host>, and liblinphone answers 486 to a
 * second caller with the same address as a call in progress; the bound port tells engines apart.
 */
static void name_engine(pult_engine *engine) {
    const char *primary = linphone_core_get_primary_contact(engine->core);
    LinphoneAddress *contact = primary == NULL ? NULL : linphone_core_create_address(engine->core, primary);
    if (contact == NULL) {
        return;
    }
    char user[32];
    snprintf(user, sizeof user, "pult-%d", engine->sip_ports[PULT_TRANSPORT_UDP]);
    linphone_address_set_username(contact, user);
    char *text = linphone_address_as_string(contact);
    linphone_core_set_primary_contact(engine->core, text);
    bctbx_free(text);
    linphone_address_unref(contact);
}

static void push_log(pult_engine *engine, const char *message, const char *detail) {
    pult_event *event = pult_event_new(PULT_EVENT_LOG, pult_now_nanos(), 2);
    if (event == NULL) {
        return;
    }
    event->numbers[2] = PULT_LOG_WARNING;
    pult_event_set_text(event, 0, "pultphone");
    char line[512];
    snprintf(line, sizeof line, "%s%s", message, detail == NULL ? "" : detail);
    pult_event_set_text(event, 1, line);
    pult_engine_push_event(engine, event);
}

static LinphonePayloadType *find_payload(const bctbx_list_t *types, const char *mime) {
    for (const bctbx_list_t *it = types; it != NULL; it = bctbx_list_next(it)) {
        LinphonePayloadType *type = bctbx_list_get_data(it);
        if (strcasecmp(linphone_payload_type_get_mime_type(type), mime) == 0) {
            return type;
        }
    }
    return NULL;
}

/* Only the listed codecs, in the listed order; telephone-event stays on for RFC 4733 DTMF. */
static void apply_codecs(pult_engine *engine) {
    if (!text_set(engine, PULT_TEXT_CODECS)) {
        return;
    }
    bctbx_list_t *available = linphone_core_get_audio_payload_types(engine->core);
    bctbx_list_t *ordered = NULL;
    char *names = strdup(engine->texts[PULT_TEXT_CODECS]);
    char *cursor = NULL;
    for (char *name = names == NULL ? NULL : strtok_r(names, ",", &cursor); name != NULL;
         name = strtok_r(NULL, ",", &cursor)) {
        LinphonePayloadType *type = find_payload(available, name);
        if (type == NULL) {
            push_log(engine, "codec not available in this liblinphone build: ", name);
        } else if (bctbx_list_find(ordered, type) == NULL) {
            ordered = bctbx_list_append(ordered, type);
        }
    }
    free(names);
    for (const bctbx_list_t *it = available; it != NULL; it = bctbx_list_next(it)) {
        LinphonePayloadType *type = bctbx_list_get_data(it);
        int wanted = bctbx_list_find(ordered, type) != NULL;
        int dtmf = strcasecmp(linphone_payload_type_get_mime_type(type), "telephone-event") == 0;
        linphone_payload_type_enable(type, wanted || dtmf);
        if (dtmf && !wanted) {
            ordered = bctbx_list_append(ordered, type);
        }
    }
    for (const bctbx_list_t *it = available; it != NULL; it = bctbx_list_next(it)) {
        if (bctbx_list_find(ordered, bctbx_list_get_data(it)) == NULL) {
            ordered = bctbx_list_append(ordered, bctbx_list_get_data(it)); /* disabled, kept last */
        }
    }
    linphone_core_set_audio_payload_types(engine->core, ordered);
    bctbx_list_free(ordered);
    bctbx_list_free(available);
}

static void apply_nat(pult_engine *engine) {
    int stun = text_set(engine, PULT_TEXT_STUN_SERVER);
    int ice = engine->settings[PULT_SETTING_ICE] != 0;
    int turn = engine->settings[PULT_SETTING_TURN] != 0;
    if (!stun && !ice && !turn) {
        return;
    }
    LinphoneNatPolicy *policy = linphone_core_create_nat_policy(engine->core);
    if (stun) {
        linphone_nat_policy_set_stun_server(policy, engine->texts[PULT_TEXT_STUN_SERVER]);
    }
    linphone_nat_policy_enable_stun(policy, stun);
    linphone_nat_policy_enable_ice(policy, ice);
    linphone_nat_policy_enable_turn(policy, turn);
    if (turn && text_set(engine, PULT_TEXT_TURN_USER)) {
        linphone_nat_policy_set_stun_server_username(policy, engine->texts[PULT_TEXT_TURN_USER]);
    }
    linphone_core_set_nat_policy(engine->core, policy);
    linphone_nat_policy_unref(policy);
    pult_core_add_turn_auth(engine);
}

/*
 * liblinphone answers a TURN server's challenge with the auth info found for (realm, the policy's
 * username); one without realm matches any realm. It lives with the SIP credentials, so registering
 * (which clears those) calls this again.
 */
void pult_core_add_turn_auth(pult_engine *engine) {
    if (engine->settings[PULT_SETTING_TURN] == 0 || !text_set(engine, PULT_TEXT_TURN_USER)) {
        return;
    }
    LinphoneAuthInfo *info = linphone_factory_create_auth_info(linphone_factory_get(),
            engine->texts[PULT_TEXT_TURN_USER], NULL, engine->texts[PULT_TEXT_TURN_PASSWORD], NULL, NULL, NULL);
    linphone_core_add_auth_info(engine->core, info);
    linphone_auth_info_unref(info);
}

static const LinphoneMediaEncryption ENCRYPTIONS[] = {LinphoneMediaEncryptionNone, LinphoneMediaEncryptionSRTP,
                                                      LinphoneMediaEncryptionZRTP, LinphoneMediaEncryptionDTLS};

static int apply_media(pult_engine *engine, char *error, size_t error_size) {
    LinphoneCore *core = engine->core;
    linphone_core_enable_ipv6(core, FALSE);
    linphone_core_enable_video_capture(core, FALSE);
    linphone_core_enable_video_display(core, FALSE);
    /* Random media ports: two engines on one machine (tests, a supervisor's second line) must not collide. */
    linphone_core_set_audio_port(core, -1);
    /*
     * liblinphone 5.1 plays the core's play file to a call it holds, and in file mode that same
     * file is the microphone. So with a sound card the play file is the hold music (none: the held
     * party hears silence); in file mode it stays the microphone, and engine_calls.c switches each
     * call that reaches Paused over to hold_file.
     */
    if (engine->settings[PULT_SETTING_USE_FILES]) {
        linphone_core_set_use_files(core, TRUE);
        linphone_core_enable_echo_cancellation(core, FALSE);
        if (text_set(engine, PULT_TEXT_PLAY_FILE)) {
            linphone_core_set_play_file(core, engine->texts[PULT_TEXT_PLAY_FILE]);
        }
        if (text_set(engine, PULT_TEXT_RECORD_FILE)) {
            linphone_core_set_record_file(core, engine->texts[PULT_TEXT_RECORD_FILE]);
        }
    } else if (text_set(engine, PULT_TEXT_HOLD_MUSIC)) {
        linphone_core_set_play_file(core, engine->texts[PULT_TEXT_HOLD_MUSIC]);
    }
    if (!engine->settings[PULT_SETTING_USE_FILES]) {
        linphone_core_enable_echo_cancellation(core, engine->settings[PULT_SETTING_ECHO_CANCELLATION] != 0);
    }
    /*
     * The ring, played on the ringer device (linphone_core_set_ringer_device) while a call rings.
     * Java passes Pult's own ring when none is configured: liblinphone's default file comes with
     * linphone-common, which Debian does not install. Nothing in file mode, where there is no card.
     */
    if (!engine->settings[PULT_SETTING_USE_FILES] && text_set(engine, PULT_TEXT_RING_TONE)) {
        linphone_core_set_ring(core, engine->texts[PULT_TEXT_RING_TONE]);
    }
    apply_codecs(engine);
    apply_nat(engine);
    long long encryption = engine->settings[PULT_SETTING_ENCRYPTION];
    if (encryption < 0 || encryption > 3) {
        snprintf(error, error_size, "unknown media encryption %lld", encryption);
        return -1;
    }
    if (linphone_core_set_media_encryption(core, ENCRYPTIONS[encryption]) != 0) {
        snprintf(error, error_size, "this liblinphone build does not support %s",
                 linphone_media_encryption_to_string(ENCRYPTIONS[encryption]));
        return -1;
    }
    linphone_core_set_media_encryption_mandatory(core, engine->settings[PULT_SETTING_ENCRYPTION_MANDATORY] != 0);
    /* DTMF by SIP INFO or RFC 4733: set in create_config(). */
    /* TLS: trust the system store until an account names its own CA, and always verify. */
    if (access(SYSTEM_CA_FILE, R_OK) == 0) {
        linphone_core_set_root_ca(core, SYSTEM_CA_FILE);
    }
    linphone_core_verify_server_certificates(core, TRUE);
    linphone_core_verify_server_cn(core, TRUE);
    linphone_core_set_user_agent(core, "Pult", pult_engine_version());
    return 0;
}

static int create_core(pult_engine *engine, const char *plugins, const char *database, char *error, size_t error_size) {
    LinphoneFactory *factory = linphone_factory_get();
    /* Pitfall 5: only plugins from the private folder (factory-wide: the caller holds the liblinphone lock). */
    linphone_factory_set_msplugins_dir(factory, plugins);
    LinphoneConfig *config = create_config(engine, database);
    if (config != NULL) {
        engine->core = linphone_factory_create_core_with_config_3(factory, config, NULL);
        linphone_config_unref(config);
    }
    if (engine->core != NULL) {
        engine->cbs = linphone_factory_create_core_cbs(factory);
    }
    if (engine->core == NULL || engine->cbs == NULL) {
        snprintf(error, error_size, "liblinphone could not create a core");
        return -1;
    }
    linphone_core_set_user_data(engine->core, engine);
    pult_calls_install_callbacks(engine, engine->cbs);
    linphone_core_add_callbacks(engine->core, engine->cbs);
    return 0;
}

static int prepare_work_dir(pult_engine *engine, char **plugins, char **database, char *error, size_t error_size) {
    const char *work = engine->texts[PULT_TEXT_WORK_DIR];
    struct stat info;
    if (work == NULL || work[0] == '\0' || stat(work, &info) != 0 || !S_ISDIR(info.st_mode)
            || access(work, W_OK | X_OK) != 0) {
        snprintf(error, error_size, "work directory is missing or not writable");
        return -1;
    }
    *plugins = join_path(work, "msplugins");
    *database = join_path(work, "linphone.db");
    engine->recordings_dir = join_path(work, "recordings");
    if (*plugins == NULL || *database == NULL || engine->recordings_dir == NULL) {
        snprintf(error, error_size, "out of memory");
        return -1;
    }
    if (make_dir(*plugins) != 0 || make_dir(engine->recordings_dir) != 0) {
        snprintf(error, error_size, "cannot create msplugins/ or recordings/ in the work directory");
        return -1;
    }
    if (engine->settings[PULT_SETTING_USE_FILES]) {
        int music = text_set(engine, PULT_TEXT_HOLD_MUSIC);
        engine->hold_file = music ? strdup(engine->texts[PULT_TEXT_HOLD_MUSIC]) : join_path(work, "hold-silence.wav");
        if (engine->hold_file == NULL || (!music && write_silence_wav(engine->hold_file) != 0)) {
            snprintf(error, error_size, "cannot write hold-silence.wav in the work directory");
            return -1;
        }
    }
    return 0;
}

int pult_core_start(pult_engine *engine, char *error, size_t error_size) {
    char *plugins = NULL;
    char *database = NULL;
    int result = prepare_work_dir(engine, &plugins, &database, error, error_size);
    if (result == 0) {
        result = create_core(engine, plugins, database, error, error_size);
    }
    free(plugins);
    free(database);
    if (result == 0 && (apply_media(engine, error, error_size) != 0 || apply_transports(engine) != 0)) {
        if (error[0] == '\0') {
            snprintf(error, error_size, "liblinphone refused the SIP transports");
        }
        result = -1;
    }
    if (result == 0 && linphone_core_start(engine->core) != 0) {
        snprintf(error, error_size, "linphone_core_start failed");
        result = -1;
    }
    if (result == 0) {
        linphone_core_iterate(engine->core);
        if (linphone_core_get_global_state(engine->core) != LinphoneGlobalOn) {
            snprintf(error, error_size, "core reached global state %s instead of On",
                     linphone_global_state_to_string(linphone_core_get_global_state(engine->core)));
            result = -1;
        }
    }
    if (result == 0) {
        read_bound_ports(engine);
        name_engine(engine);
        return 0;
    }
    pult_core_shutdown(engine);
    return -1;
}

/* Ends calls and lets the BYEs go out, then stops and frees the core; on the engine thread, liblinphone lock held. */
void pult_core_shutdown(pult_engine *engine) {
    if (engine->core == NULL) {
        return;
    }
    pult_commands_abandon(engine);
    for (pult_call *call = engine->calls; call != NULL; call = call->next) {
        LinphoneCallState state = linphone_call_get_state(call->call);
        if (state != LinphoneCallStateEnd && state != LinphoneCallStateError && state != LinphoneCallStateReleased) {
            linphone_call_terminate(call->call);
        }
    }
    long long deadline = pult_now_nanos() + PULT_SHUTDOWN_NANOS;
    while (linphone_core_get_calls_nb(engine->core) > 0 && pult_now_nanos() < deadline) {
        linphone_core_iterate(engine->core);
        struct timespec tick = {0, PULT_TICK_NANOS};
        pult_liblinphone_unlock(); /* other engines keep running while this one waits for BYE answers */
        nanosleep(&tick, NULL);
        pult_liblinphone_lock();
    }
    if (linphone_core_get_global_state(engine->core) == LinphoneGlobalOn) {
        linphone_core_stop(engine->core);
    }
    pult_calls_release_all(engine);
    if (engine->account != NULL) {
        linphone_account_unref(engine->account);
        engine->account = NULL;
    }
    if (engine->cbs != NULL) {
        linphone_core_remove_callbacks(engine->core, engine->cbs);
        linphone_core_cbs_unref(engine->cbs);
        engine->cbs = NULL;
    }
    linphone_core_unref(engine->core);
    engine->core = NULL;
}

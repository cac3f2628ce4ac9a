#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <linphone/factory.h>

typedef struct outcome {
    int problem;
    char message[256];
    long long value;
} outcome;

static void fail(outcome *result, int problem, const char *message) {
    result->problem = problem;
    snprintf(result->message, sizeof result->message, "%s", message);
}

static const char *text(const pult_command *command, int index) {
    return index < command->text_count ? command->texts[index] : NULL;
}

static long long number(const pult_command *command, int index) {
    return index < command->number_count ? command->numbers[index] : 0;
}

static pult_call *live_call(pult_engine *engine, long long id, outcome *result) {
    pult_call *call = pult_calls_find_live(engine, id);
    if (call == NULL) {
        char message[64];
        snprintf(message, sizeof message, "no call-%lld, or it has ended", id);
        fail(result, PULT_PROBLEM_NO_SUCH_CALL, message);
    }
    return call;
}

/* A complete sip: or sips: URI, or NULL (and BAD_ADDRESS). The caller unrefs. */
static LinphoneAddress *sip_address(pult_engine *engine, const char *uri, outcome *result) {
    /* A bare URI: liblinphone would also take (and repair) a name-addr such as "<sip:bob@host". */
    int bare = uri != NULL && strpbrk(uri, "<>\" \t\r\n") == NULL;
    LinphoneAddress *address = bare ? linphone_core_create_address(engine->core, uri) : NULL;
    const char *scheme = address == NULL ? NULL : linphone_address_get_scheme(address);
    const char *domain = address == NULL ? NULL : linphone_address_get_domain(address);
    int port = address == NULL ? 0 : linphone_address_get_port(address);
    if (scheme == NULL || (strcasecmp(scheme, "sip") != 0 && strcasecmp(scheme, "sips") != 0) || domain == NULL
            || domain[0] == '\0' || port < 0 || port > 65535) {
        if (address != NULL) {
            linphone_address_unref(address);
        }
        fail(result, PULT_PROBLEM_BAD_ADDRESS, "not a SIP URI");
        return NULL;
    }
    return address;
}

static int is_ringing_in(LinphoneCallState state) {
    return state == LinphoneCallStateIncomingReceived || state == LinphoneCallStateIncomingEarlyMedia;
}

/* ---- registration ---------------------------------------------------------------------------- */

static const LinphoneTransportType TRANSPORTS[] = {LinphoneTransportUdp, LinphoneTransportTcp, LinphoneTransportTls};

static void drop_account(pult_engine *engine) {
    if (engine->account != NULL) {
        LinphoneAccount *old = engine->account;
        engine->account = NULL; /* its Cleared must not read as ours */
        linphone_core_remove_account(engine->core, old);
        linphone_account_unref(old);
    }
    linphone_core_clear_all_auth_info(engine->core);
    pult_core_add_turn_auth(engine); /* not the account's: keep TURN working */
}

static int has_text(const pult_command *command, int index) {
    const char *value = text(command, index);
    return value != NULL && value[0] != '\0';
}

/*
 * The account's own NAT policy (STUN server, ICE, TURN), as the backend provisions it per operator.
 * Its TURN credentials go in as auth info after drop_account cleared the old ones.
 */
static void apply_account_nat(pult_engine *engine, const pult_command *command, LinphoneAccountParams *params) {
    int stun = has_text(command, PULT_REGISTER_STUN_SERVER);
    int ice = number(command, 1) != 0;
    int turn = number(command, 2) != 0 && stun && has_text(command, PULT_REGISTER_TURN_USER);
    if (!stun && !ice) {
        return;
    }
    LinphoneNatPolicy *policy = linphone_core_create_nat_policy(engine->core);
    if (stun) {
        linphone_nat_policy_set_stun_server(policy, text(command, PULT_REGISTER_STUN_SERVER));
    }
    linphone_nat_policy_enable_stun(policy, stun);
    linphone_nat_policy_enable_ice(policy, ice);
    linphone_nat_policy_enable_turn(policy, turn);
    if (turn) {
        const char *user = text(command, PULT_REGISTER_TURN_USER);
        linphone_nat_policy_set_stun_server_username(policy, user);
        LinphoneAuthInfo *info = linphone_factory_create_auth_info(linphone_factory_get(), user, NULL,
                text(command, PULT_REGISTER_TURN_PASSWORD), NULL, NULL, NULL);
        linphone_core_add_auth_info(engine->core, info);
        linphone_auth_info_unref(info);
    }
    linphone_account_params_set_nat_policy(params, policy);
    linphone_nat_policy_unref(policy);
}

static void register_account(pult_engine *engine, const pult_command *command, outcome *result) {
    long long transport = number(command, 0);
    const char *registrar = text(command, PULT_REGISTER_REGISTRAR);
    LinphoneAddress *identity = sip_address(engine, text(command, PULT_REGISTER_IDENTITY), result);
    if (identity == NULL) {
        return;
    }
    if (transport < 0 || transport > 2 || registrar == NULL) {
        linphone_address_unref(identity);
        fail(result, PULT_PROBLEM_BAD_ADDRESS, "no registrar or unknown transport");
        return;
    }
    drop_account(engine);
    const char *ca = text(command, PULT_REGISTER_TRUSTED_CA);
    if (ca != NULL && ca[0] != '\0') {
        linphone_core_set_root_ca(engine->core, ca); /* pitfall 10; verification stays on */
    }
    LinphoneAccountParams *params = linphone_core_create_account_params(engine->core);
    linphone_account_params_set_identity_address(params, identity);
    if (linphone_account_params_set_server_addr(params, registrar) != 0) {
        linphone_account_params_unref(params);
        linphone_address_unref(identity);
        fail(result, PULT_PROBLEM_BAD_ADDRESS, "the registrar is not a SIP address");
        return;
    }
    linphone_account_params_set_transport(params, TRANSPORTS[transport]);
    linphone_account_params_set_expires(params, (int)engine->settings[PULT_SETTING_REGISTRATION_EXPIRY]);
    linphone_account_params_enable_register(params, TRUE);
    apply_account_nat(engine, command, params);
    const char *password = text(command, PULT_REGISTER_PASSWORD);
    if (password != NULL && password[0] != '\0') {
        /* No realm or domain: answer whatever realm the registrar challenges with. */
        LinphoneAuthInfo *info = linphone_factory_create_auth_info(linphone_factory_get(),
                text(command, PULT_REGISTER_USERNAME), NULL, password, NULL, NULL, NULL);
        linphone_core_add_auth_info(engine->core, info);
        linphone_auth_info_unref(info);
    }
    LinphoneAccount *account = linphone_core_create_account(engine->core, params);
    linphone_account_params_unref(params);
    linphone_address_unref(identity);
    engine->account = account;
    if (account == NULL || linphone_core_add_account(engine->core, account) != 0) {
        engine->account = NULL;
        if (account != NULL) {
            linphone_account_unref(account);
        }
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "liblinphone refused the account");
        return;
    }
    linphone_core_set_default_account(engine->core, account);
}

static void unregister_account(pult_engine *engine, outcome *result) {
    (void)result;
    if (engine->account == NULL) {
        return;
    }
    LinphoneAccountParams *params = linphone_account_params_clone(linphone_account_get_params(engine->account));
    linphone_account_params_enable_register(params, FALSE);
    linphone_account_set_params(engine->account, params);
    linphone_account_params_unref(params);
}

/* ---- calls ----------------------------------------------------------------------------------- */

static void dial(pult_engine *engine, const pult_command *command, outcome *result) {
    LinphoneAddress *address = sip_address(engine, text(command, 0), result);
    if (address == NULL) {
        return;
    }
    long long id = engine->next_call_id++;
    LinphoneCallParams *params = linphone_core_create_call_params(engine->core, NULL);
    char *placeholder = NULL;
    pult_calls_record_params(engine, id, params, &placeholder);
    engine->outgoing_call_id = id;
    LinphoneCall *linphone_call = linphone_core_invite_address_with_params(engine->core, address, params);
    engine->outgoing_call_id = 0;
    linphone_call_params_unref(params);
    linphone_address_unref(address);
    pult_call *call = linphone_call == NULL ? NULL : pult_calls_track(engine, linphone_call);
    if (call == NULL) {
        free(placeholder);
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "liblinphone did not place the call");
        return;
    }
    free(call->record_placeholder);
    call->record_placeholder = placeholder;
    result->value = call->id;
}

static void answer(pult_engine *engine, pult_call *call, outcome *result) {
    if (!is_ringing_in(linphone_call_get_state(call->call))) {
        fail(result, PULT_PROBLEM_WRONG_STATE, "only a ringing incoming call can be answered");
        return;
    }
    LinphoneCallParams *params = linphone_core_create_call_params(engine->core, call->call);
    if (call->record_placeholder == NULL) {
        pult_calls_record_params(engine, call->id, params, &call->record_placeholder);
    }
    /* Another call in progress is put on hold by liblinphone itself (call waiting). */
    if (linphone_call_accept_with_params(call->call, params) != 0) {
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "liblinphone could not answer the call");
    }
    linphone_call_params_unref(params);
}

static void reject(pult_call *call, outcome *result) {
    if (!is_ringing_in(linphone_call_get_state(call->call))) {
        fail(result, PULT_PROBLEM_WRONG_STATE, "only a ringing incoming call can be rejected");
    } else if (linphone_call_decline(call->call, LinphoneReasonBusy) != 0) {
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "liblinphone could not decline the call");
    }
}

static void check_status(LinphoneStatus status, outcome *result, const char *refusal) {
    if (status != 0) {
        fail(result, PULT_PROBLEM_WRONG_STATE, refusal);
    }
}

static void transfer_attended(pult_engine *engine, const pult_command *command, pult_call *call, outcome *result) {
    pult_call *consultation = live_call(engine, number(command, 1), result);
    if (consultation == NULL) {
        return;
    }
    check_status(linphone_call_transfer_to_another(call->call, consultation->call), result,
                 "liblinphone refused the attended transfer");
}

static void transfer_blind(pult_engine *engine, const pult_command *command, pult_call *call, outcome *result) {
    LinphoneAddress *target = sip_address(engine, text(command, 0), result);
    if (target != NULL) {
        check_status(linphone_call_transfer_to(call->call, target), result, "liblinphone refused the transfer");
        linphone_address_unref(target);
    }
}

static LinphoneConference *local_conference(pult_engine *engine) {
    LinphoneConference *conference = linphone_core_get_conference(engine->core);
    if (conference != NULL) {
        return linphone_conference_ref(conference);
    }
    LinphoneConferenceParams *params = linphone_core_create_conference_params(engine->core);
    linphone_conference_params_enable_video(params, FALSE);
    linphone_conference_params_enable_local_participant(params, TRUE);
    conference = linphone_core_create_conference_with_params(engine->core, params);
    linphone_conference_params_unref(params);
    return conference;
}

/*
 * Without a registered account liblinphone has no contact for its calls (it leaves that to the
 * SIP stack), and adding such a call to a conference crashes it in belle-sip.
 */
static int has_registered_account(const pult_engine *engine) {
    return engine->account != NULL && linphone_account_get_state(engine->account) == LinphoneRegistrationOk;
}

/* How long a merge waits for its calls to settle before it gives up. */
#define PULT_MERGE_WAIT_NANOS (10LL * 1000 * 1000 * 1000)

/* Adds the (settled) calls to the local conference, creating it on first use. */
static void merge_now(pult_engine *engine, const long long *ids, int count, outcome *result) {
    if (!has_registered_account(engine)) {
        fail(result, PULT_PROBLEM_WRONG_STATE, "a local conference needs a registered account");
        return;
    }
    LinphoneConference *conference = local_conference(engine);
    if (conference == NULL) {
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "liblinphone could not create a local conference");
        return;
    }
    bctbx_list_t *calls = NULL;
    for (int i = 0; i < count; i++) {
        pult_call *call = pult_calls_find(engine, ids[i]);
        if (linphone_call_get_conference(call->call) == NULL && bctbx_list_find(calls, call->call) == NULL) {
            calls = bctbx_list_append(calls, call->call);
        }
    }
    /*
     * liblinphone 5.1 returns its C++ bool here (1 when every call was added), not a status: judge
     * by what happened instead. Each call is re-INVITEd into the conference; paused ones resume.
     */
    if (calls != NULL) {
        linphone_conference_add_participants(conference, calls);
        pult_calls_conference_on_files(engine, conference, 1);
    }
    bctbx_list_free(calls);
    for (int i = 0; i < count && result->problem == PULT_PROBLEM_NONE; i++) {
        pult_call *call = pult_calls_find(engine, ids[i]);
        if (call == NULL || linphone_call_get_conference(call->call) == NULL) {
            char message[96];
            snprintf(message, sizeof message, "liblinphone could not add call-%lld to the conference", ids[i]);
            fail(result, PULT_PROBLEM_ENGINE_ERROR, message);
        }
    }
    linphone_conference_unref(conference);
}

static void push_outcome(pult_engine *engine, long long request_id, const outcome *result) {
    pult_event *event = pult_event_new(PULT_EVENT_RESULT, pult_now_nanos(), 1);
    if (event != NULL) {
        event->numbers[2] = request_id;
        event->numbers[3] = result->problem;
        event->numbers[4] = result->value;
        pult_event_set_text(event, 0, result->message);
        pult_engine_push_event(engine, event);
    }
}

static void free_merge(pult_merge *merge) {
    free(merge->call_ids);
    free(merge);
}

/*
 * 1 when the merge is finished (result filled in), 0 while its calls still settle. A call that is
 * pausing, resuming or updating has an INVITE transaction open, and a second re-INVITE on that
 * dialog (what adding it to a conference sends) is refused by belle-sip and breaks the call.
 */
static int try_merge(pult_engine *engine, const pult_merge *merge, long long now, outcome *result) {
    const char *unsettled = NULL;
    long long waiting_for = 0;
    for (int i = 0; i < merge->count; i++) {
        pult_call *call = pult_calls_find_live(engine, merge->call_ids[i]);
        if (call == NULL) {
            char message[96];
            snprintf(message, sizeof message, "call-%lld ended before it could be merged", merge->call_ids[i]);
            fail(result, PULT_PROBLEM_NO_SUCH_CALL, message);
            return 1;
        }
        const char *why = linphone_call_get_conference(call->call) != NULL ? NULL
                                                                        : pult_calls_unsettled(engine, call, now);
        if (why != NULL && unsettled == NULL) {
            unsettled = why;
            waiting_for = call->id;
        }
    }
    if (unsettled == NULL) {
        merge_now(engine, merge->call_ids, merge->count, result);
        return 1;
    }
    if (now >= merge->deadline_nanos) {
        char message[200];
        snprintf(message, sizeof message, "call-%lld did not settle within %lld s (%s): the calls were not merged",
                 waiting_for, PULT_MERGE_WAIT_NANOS / 1000000000LL, unsettled);
        fail(result, PULT_PROBLEM_WRONG_STATE, message);
        return 1;
    }
    return 0;
}

/* Returns 1 when the result is to be sent now, 0 when the merge waits for its calls (its result comes later). */
static int merge(pult_engine *engine, const pult_command *command, outcome *result) {
    if (command->number_count < 1) {
        fail(result, PULT_PROBLEM_WRONG_STATE, "no calls to merge");
        return 1;
    }
    for (int i = 0; i < command->number_count; i++) {
        if (live_call(engine, command->numbers[i], result) == NULL) {
            return 1;
        }
    }
    if (!has_registered_account(engine)) {
        fail(result, PULT_PROBLEM_WRONG_STATE, "a local conference needs a registered account");
        return 1;
    }
    pult_merge *pending = calloc(1, sizeof *pending);
    long long *ids = pending == NULL ? NULL : malloc((size_t)command->number_count * sizeof *ids);
    if (ids == NULL) {
        free(pending);
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "out of memory");
        return 1;
    }
    memcpy(ids, command->numbers, (size_t)command->number_count * sizeof *ids);
    pending->request_id = command->request_id;
    pending->call_ids = ids;
    pending->count = command->number_count;
    long long now = pult_now_nanos();
    pending->deadline_nanos = now + PULT_MERGE_WAIT_NANOS;
    if (try_merge(engine, pending, now, result)) {
        free_merge(pending);
        return 1;
    }
    pult_merge **tail = &engine->merges;
    while (*tail != NULL) {
        tail = &(*tail)->next;
    }
    *tail = pending;
    return 0;
}

void pult_commands_tick(pult_engine *engine, long long now) {
    pult_merge **link = &engine->merges;
    while (*link != NULL) {
        pult_merge *merge = *link;
        outcome result = {PULT_PROBLEM_NONE, "", 0};
        if (try_merge(engine, merge, now, &result)) {
            *link = merge->next;
            push_outcome(engine, merge->request_id, &result);
            free_merge(merge);
        } else {
            link = &merge->next;
        }
    }
}

void pult_commands_abandon(pult_engine *engine) {
    while (engine->merges != NULL) {
        pult_merge *merge = engine->merges;
        engine->merges = merge->next;
        pult_engine_push_result(engine, merge->request_id, PULT_PROBLEM_CLOSED, "the softphone engine has been closed");
        free_merge(merge);
    }
}

/* ---- audio devices --------------------------------------------------------------------------- */

static void list_devices(pult_engine *engine, long long request_id) {
    bctbx_list_t *devices = linphone_core_get_extended_audio_devices(engine->core);
    int count = (int)bctbx_list_size(devices);
    if (count > PULT_EVENT_MAX_DEVICES) {
        count = PULT_EVENT_MAX_DEVICES;
    }
    pult_event *event = pult_event_new(PULT_EVENT_RESULT, pult_now_nanos(), 1 + 2 * count);
    if (event != NULL) {
        event->numbers[2] = request_id;
        event->numbers[3] = PULT_PROBLEM_NONE;
        event->numbers[5] = count;
        pult_event_set_text(event, 0, "");
        int i = 0;
        for (const bctbx_list_t *it = devices; it != NULL && i < count; it = bctbx_list_next(it), i++) {
            const LinphoneAudioDevice *device = bctbx_list_get_data(it);
            pult_event_set_text(event, 1 + 2 * i, linphone_audio_device_get_id(device));
            pult_event_set_text(event, 2 + 2 * i, linphone_audio_device_get_device_name(device));
            event->numbers[6 + i] =
                    (linphone_audio_device_has_capability(device, LinphoneAudioDeviceCapabilityRecord) ? PULT_DEVICE_CAN_CAPTURE : 0)
                    | (linphone_audio_device_has_capability(device, LinphoneAudioDeviceCapabilityPlay) ? PULT_DEVICE_CAN_PLAY : 0);
        }
        pult_engine_push_event(engine, event);
    }
    bctbx_list_free_with_data(devices, (bctbx_list_free_func)linphone_audio_device_unref);
}

static LinphoneAudioDevice *device_by_id(const bctbx_list_t *devices, const char *id) {
    for (const bctbx_list_t *it = devices; it != NULL; it = bctbx_list_next(it)) {
        LinphoneAudioDevice *device = bctbx_list_get_data(it);
        if (strcmp(linphone_audio_device_get_id(device), id) == 0) {
            return device;
        }
    }
    return NULL;
}

/* Core defaults for later calls, and every current call switched live. */
static void select_devices(pult_engine *engine, const pult_command *command, outcome *result) {
    bctbx_list_t *devices = linphone_core_get_extended_audio_devices(engine->core);
    const char *capture_id = text(command, 0);
    const char *playback_id = text(command, 1);
    const char *ringer_id = text(command, 2);
    LinphoneAudioDevice *capture = capture_id == NULL ? NULL : device_by_id(devices, capture_id);
    LinphoneAudioDevice *playback = playback_id == NULL ? NULL : device_by_id(devices, playback_id);
    LinphoneAudioDevice *ringer = ringer_id == NULL ? NULL : device_by_id(devices, ringer_id);
    if ((capture_id != NULL && capture == NULL) || (playback_id != NULL && playback == NULL)
            || (ringer_id != NULL && ringer == NULL)) {
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "no such audio device");
    } else {
        if (capture != NULL) {
            linphone_core_set_default_input_audio_device(engine->core, capture);
            linphone_core_set_input_audio_device(engine->core, capture);
        }
        if (playback != NULL) {
            linphone_core_set_default_output_audio_device(engine->core, playback);
            linphone_core_set_output_audio_device(engine->core, playback);
        }
        for (pult_call *call = engine->calls; call != NULL; call = call->next) {
            if (capture != NULL) {
                linphone_call_set_input_audio_device(call->call, capture);
            }
            if (playback != NULL) {
                linphone_call_set_output_audio_device(call->call, playback);
            }
        }
        /* liblinphone records the choice, but on Linux does not move a running stream: the engine does. */
        if (pult_devices_move_running(engine, capture_id, playback_id, result->message, sizeof result->message) != 0) {
            result->problem = PULT_PROBLEM_ENGINE_ERROR;
        }
        if (ringer != NULL) {
            linphone_core_set_ringer_device(engine->core, ringer_id);
        }
    }
    bctbx_list_free_with_data(devices, (bctbx_list_free_func)linphone_audio_device_unref);
}

/* ---- dispatch -------------------------------------------------------------------------------- */

static void run_on_call(pult_engine *engine, const pult_command *command, pult_call *call, outcome *result) {
    switch (command->kind) {
    case PULT_COMMAND_ANSWER:
        answer(engine, call, result);
        break;
    case PULT_COMMAND_REJECT:
        reject(call, result);
        break;
    case PULT_COMMAND_HANG_UP:
        check_status(linphone_call_terminate(call->call), result, "liblinphone could not end the call");
        break;
    case PULT_COMMAND_HOLD:
        check_status(linphone_call_pause(call->call), result, "the call cannot be put on hold now");
        break;
    case PULT_COMMAND_RESUME:
        check_status(linphone_call_resume(call->call), result, "the call cannot be resumed now");
        break;
    case PULT_COMMAND_DTMF:
        check_status(linphone_call_send_dtmf(call->call, (char)number(command, 1)), result,
                     "DTMF cannot be sent on this call now");
        break;
    case PULT_COMMAND_TRANSFER_BLIND:
        transfer_blind(engine, command, call, result);
        break;
    case PULT_COMMAND_TRANSFER_ATTENDED:
        transfer_attended(engine, command, call, result);
        break;
    case PULT_COMMAND_START_RECORDING:
        if (text(command, 0) == NULL) {
            fail(result, PULT_PROBLEM_ENGINE_ERROR, "no recording file given");
        } else {
            result->problem = pult_recording_start(engine, call, text(command, 0), result->message, sizeof result->message);
        }
        break;
    case PULT_COMMAND_PAUSE_RECORDING:
        result->problem = pult_recording_pause(call, result->message, sizeof result->message);
        break;
    case PULT_COMMAND_RESUME_RECORDING:
        result->problem = pult_recording_resume(call, result->message, sizeof result->message);
        break;
    case PULT_COMMAND_STOP_RECORDING:
        result->problem = pult_recording_stop(call, result->message, sizeof result->message);
        break;
    default:
        fail(result, PULT_PROBLEM_ENGINE_ERROR, "unknown command");
    }
}

void pult_commands_run(pult_engine *engine, const pult_command *command) {
    outcome result = {PULT_PROBLEM_NONE, "", 0};
    switch (command->kind) {
    case PULT_COMMAND_REGISTER:
        register_account(engine, command, &result);
        break;
    case PULT_COMMAND_UNREGISTER:
        unregister_account(engine, &result);
        break;
    case PULT_COMMAND_DIAL:
        dial(engine, command, &result);
        break;
    case PULT_COMMAND_MUTE:
        linphone_core_enable_mic(engine->core, number(command, 0) == 0);
        break;
    case PULT_COMMAND_CONFERENCE:
        if (!merge(engine, command, &result)) {
            return; /* its result comes once the calls have settled (pult_commands_tick) */
        }
        break;
    case PULT_COMMAND_AUDIO_DEVICES:
        list_devices(engine, command->request_id);
        return; /* the device list is its own result */
    case PULT_COMMAND_SELECT_DEVICES:
        select_devices(engine, command, &result);
        break;
    default: {
        pult_call *call = live_call(engine, number(command, 0), &result);
        if (call != NULL) {
            run_on_call(engine, command, call, &result);
        }
    }
    }
    push_outcome(engine, command->request_id, &result);
}

#ifndef PULT_ENGINE_INTERNAL_H
#define PULT_ENGINE_INTERNAL_H

/* Shared by the engine's .c files; nothing here is visible outside the library. */

#include <pthread.h>
#include <stddef.h>

#include <linphone/core.h>

#include "engine.h"

enum { PULT_TICK_NANOS = 20 * 1000 * 1000, PULT_QUALITY_NANOS = 1000 * 1000 * 1000 };

/* How long an ACK for a 2xx we sent to an INVITE may take before the call counts as settled anyway. */
#define PULT_ACK_GRACE_NANOS (1000LL * 1000 * 1000)

typedef struct pult_command {
    int kind;
    long long request_id;
    long long *numbers;
    int number_count;
    char **texts;
    int text_count;
    struct pult_command *next;
} pult_command;

enum pult_recording_state { PULT_RECORDING_OFF, PULT_RECORDING_ON, PULT_RECORDING_PAUSED };

/* One row of the call table: the call is ref'd while it is here. */
typedef struct pult_call {
    long long id;
    LinphoneCall *call;
    int direction;
    int last_state; /* last PULT_CALL_* reported, -1 before the first */
    char *record_placeholder; /* where liblinphone records (set in the call params), or NULL */
    char *record_target; /* where the caller wants the recording once stopped */
    enum pult_recording_state recording;
    long long paused_at_nanos;
    LinphoneCallCbs *cbs; /* this call's own callbacks (ACK processing) */
    long long state_nanos; /* when liblinphone last changed the call's state */
    long long awaiting_ack_until; /* we answered an INVITE and no ACK came yet: until then, 0 when none pending */
    int last_encryption; /* last PULT_ENCRYPTION_* reported, -1 before the first */
    char *last_token; /* the ZRTP short authentication string last reported, NULL for none */
    struct pult_call *next;
} pult_call;

/* A mergeIntoConference waiting (on the engine thread, re-checked each tick) for its calls to settle. */
typedef struct pult_merge {
    long long request_id;
    long long *call_ids;
    int count;
    long long deadline_nanos;
    struct pult_merge *next;
} pult_merge;

struct pult_engine {
    pthread_mutex_t lock; /* guards everything down to thread_joined */
    pthread_cond_t commands_ready;
    pthread_cond_t events_ready;
    pthread_cond_t start_done;
    pult_command *commands_head, *commands_tail;
    pult_event *events_head, *events_tail;
    int pending_logs;
    int accepting_commands;
    int stop_requested;
    int start_state; /* 0 starting, 1 running, -1 failed */
    char start_error[512];
    int sip_ports[3];

    pthread_mutex_t stop_lock; /* serialises pult_engine_stop */
    pthread_t thread;
    int thread_joined;

    long long settings[PULT_SETTING_COUNT];
    char *texts[PULT_TEXT_COUNT];
    char *recordings_dir;
    char *hold_file; /* file mode: what a held call hears (the hold music, or generated silence); else NULL */

    /* Engine thread only. */
    LinphoneCore *core;
    LinphoneCoreCbs *cbs;
    LinphoneAccount *account;
    pult_call *calls;
    long long next_call_id;
    long long outgoing_call_id; /* id for the call linphone_core_invite is creating, 0 otherwise */
    long long next_quality_nanos;
    long long register_retry_nanos; /* when to try a failed registration again, 0 for never */
    pult_merge *merges; /* merges waiting for their calls to settle, oldest first */

    struct pult_engine *next_live; /* list of engines receiving liblinphone log lines */
};

long long pult_now_nanos(void);
char *pult_strdup(const char *text);

/* Events (engine.c). texts may be NULL; the event copies each. */
pult_event *pult_event_new(int kind, long long nanos, int text_count);
int pult_event_set_text(pult_event *event, int index, const char *text);
void pult_engine_push_event(pult_engine *engine, pult_event *event);
void pult_engine_push_result(pult_engine *engine, long long request_id, int problem, const char *message);

/* Core set-up and tear-down on the engine thread (engine_core.c). */
int pult_core_start(pult_engine *engine, char *error, size_t error_size);
void pult_core_shutdown(pult_engine *engine);
/* (Re-)adds the TURN credentials of the NAT policy: clearing the auth info (a new account) drops them too. */
void pult_core_add_turn_auth(pult_engine *engine);

/* Call table and liblinphone callbacks (engine_calls.c). */
void pult_calls_install_callbacks(pult_engine *engine, LinphoneCoreCbs *cbs);
pult_call *pult_calls_find(pult_engine *engine, long long id);
pult_call *pult_calls_find_live(pult_engine *engine, long long id);
pult_call *pult_calls_track(pult_engine *engine, LinphoneCall *call);
void pult_calls_release_all(pult_engine *engine);
void pult_calls_measure_quality(pult_engine *engine, long long now);
void pult_calls_retry_registration(pult_engine *engine, long long now);
int pult_calls_record_params(pult_engine *engine, long long id, LinphoneCallParams *params, char **placeholder);
/* File mode: the operator's place in a local conference plays the play file (play) and records into the record file. */
void pult_calls_conference_on_files(pult_engine *engine, LinphoneConference *conference, int play);
/* NULL when the call may be re-INVITEd now (settled), otherwise what it is still doing. */
const char *pult_calls_unsettled(pult_engine *engine, const pult_call *call, long long now);

/* Commands on the engine thread (engine_commands.c). */
void pult_commands_run(pult_engine *engine, const pult_command *command);
void pult_command_free(pult_command *command);
/* Runs or expires deferred commands (merges); on the engine thread after each iterate. */
void pult_commands_tick(pult_engine *engine, long long now);
/* Fails deferred commands with CLOSED; before the core goes. */
void pult_commands_abandon(pult_engine *engine);

/*
 * Moves the running streams of every call (and of a local conference) to these sound cards (ids as
 * listed; NULL leaves that side), which liblinphone 5.1 cannot do on Linux (engine_devices.c).
 * On the engine thread; -1 with a message when a stream could not be moved.
 */
int pult_devices_move_running(pult_engine *engine, const char *capture_id, const char *playback_id, char *error,
                              size_t error_size);

/* Recording (engine_recording.c). */
int pult_recording_start(pult_engine *engine, pult_call *call, const char *target, char *error, size_t error_size);
int pult_recording_pause(pult_call *call, char *error, size_t error_size);
int pult_recording_resume(pult_call *call, char *error, size_t error_size);
int pult_recording_stop(pult_call *call, char *error, size_t error_size);
void pult_recording_finish(pult_call *call);
int pult_wav_append_silence(const char *path, long long nanos);

/* liblinphone log lines to live engines (engine_log.c). */
void pult_log_attach(pult_engine *engine);
void pult_log_detach(pult_engine *engine);
void pult_log_cleanup(void);
/* Tells the log which engine this (engine) thread serves, NULL when done. */
void pult_log_set_thread_engine(pult_engine *engine);

/*
 * One lock for all liblinphone work in the process: engine threads hold it while they iterate or
 * run commands. liblinphone has process-wide state (the factory, its plugin folder, the log), and
 * its MKV recorder calls setlocale() when a recording-capable stream starts, which races (a
 * use-after-free valgrind reports) when two engines start streams at once. Each hold is short.
 */
void pult_liblinphone_lock(void);
void pult_liblinphone_unlock(void);

#endif

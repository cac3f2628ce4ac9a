#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A flood of warnings (a broken sound card, say) must not grow the queue without bound. */
enum { PULT_MAX_PENDING_LOGS = 500 };

static pthread_mutex_t liblinphone_mutex = PTHREAD_MUTEX_INITIALIZER;

void pult_liblinphone_lock(void) {
    pthread_mutex_lock(&liblinphone_mutex);
}

void pult_liblinphone_unlock(void) {
    pthread_mutex_unlock(&liblinphone_mutex);
}

/* CLOCK_MONOTONIC, the clock behind Java's System.nanoTime() on Linux. */
long long pult_now_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

char *pult_strdup(const char *text) {
    return text == NULL ? NULL : strdup(text);
}

/* ---- events ---------------------------------------------------------------------------------- */

pult_event *pult_event_new(int kind, long long nanos, int text_count) {
    pult_event *event = calloc(1, sizeof *event);
    if (event == NULL) {
        return NULL;
    }
    if (text_count > 0) {
        event->texts = calloc((size_t)text_count, sizeof *event->texts);
        if (event->texts == NULL) {
            free(event);
            return NULL;
        }
    }
    event->text_count = text_count;
    event->numbers[0] = kind;
    event->numbers[1] = nanos;
    return event;
}

int pult_event_set_text(pult_event *event, int index, const char *text) {
    if (event == NULL || index < 0 || index >= event->text_count || text == NULL) {
        return 0;
    }
    free(event->texts[index]);
    event->texts[index] = strdup(text);
    return event->texts[index] == NULL ? -1 : 0;
}

void pult_event_free(pult_event *event) {
    if (event == NULL) {
        return;
    }
    for (int i = 0; i < event->text_count; i++) {
        free(event->texts[i]);
    }
    free(event->texts);
    free(event);
}

static void append_event_locked(pult_engine *engine, pult_event *event) {
    event->next = NULL;
    if (engine->events_tail == NULL) {
        engine->events_head = event;
    } else {
        engine->events_tail->next = event;
    }
    engine->events_tail = event;
    pthread_cond_signal(&engine->events_ready);
}

void pult_engine_push_event(pult_engine *engine, pult_event *event) {
    if (event == NULL) {
        return; /* out of memory: losing one event beats crashing the engine */
    }
    pthread_mutex_lock(&engine->lock);
    if (event->numbers[0] == PULT_EVENT_LOG) {
        if (engine->pending_logs >= PULT_MAX_PENDING_LOGS) {
            pthread_mutex_unlock(&engine->lock);
            pult_event_free(event);
            return;
        }
        engine->pending_logs++;
    }
    append_event_locked(engine, event);
    pthread_mutex_unlock(&engine->lock);
}

void pult_engine_push_result(pult_engine *engine, long long request_id, int problem, const char *message) {
    pult_event *event = pult_event_new(PULT_EVENT_RESULT, pult_now_nanos(), 1);
    if (event == NULL) {
        return;
    }
    event->numbers[2] = request_id;
    event->numbers[3] = problem;
    pult_event_set_text(event, 0, message == NULL ? "" : message);
    pult_engine_push_event(engine, event);
}

pult_event *pult_engine_next_event(pult_engine *engine, int timeout_ms) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    if (timeout_ms >= 0) {
        deadline.tv_sec += timeout_ms / 1000;
        deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    pthread_mutex_lock(&engine->lock);
    while (engine->events_head == NULL) {
        int waited = timeout_ms < 0 ? pthread_cond_wait(&engine->events_ready, &engine->lock)
                                    : pthread_cond_timedwait(&engine->events_ready, &engine->lock, &deadline);
        if (waited == ETIMEDOUT && engine->events_head == NULL) {
            pthread_mutex_unlock(&engine->lock);
            return NULL;
        }
    }
    pult_event *event = engine->events_head;
    engine->events_head = event->next;
    if (engine->events_head == NULL) {
        engine->events_tail = NULL;
    }
    if (event->numbers[0] == PULT_EVENT_LOG) {
        engine->pending_logs--;
    }
    pthread_mutex_unlock(&engine->lock);
    event->next = NULL;
    return event;
}

/* ---- commands -------------------------------------------------------------------------------- */

void pult_command_free(pult_command *command) {
    if (command == NULL) {
        return;
    }
    for (int i = 0; i < command->text_count; i++) {
        if (command->texts[i] != NULL) {
            /* A register command carries the SIP password: leave no copy in freed memory. */
            memset(command->texts[i], 0, strlen(command->texts[i]));
            free(command->texts[i]);
        }
    }
    free(command->texts);
    free(command->numbers);
    free(command);
}

static pult_command *command_copy(int kind, long long request_id, const long long *numbers, int number_count,
                                  const char *const *texts, int text_count) {
    pult_command *command = calloc(1, sizeof *command);
    if (command == NULL) {
        return NULL;
    }
    command->kind = kind;
    command->request_id = request_id;
    if (number_count > 0) {
        command->numbers = malloc((size_t)number_count * sizeof *command->numbers);
        if (command->numbers == NULL) {
            pult_command_free(command);
            return NULL;
        }
        memcpy(command->numbers, numbers, (size_t)number_count * sizeof *command->numbers);
        command->number_count = number_count;
    }
    if (text_count > 0) {
        command->texts = calloc((size_t)text_count, sizeof *command->texts);
        if (command->texts == NULL) {
            pult_command_free(command);
            return NULL;
        }
        command->text_count = text_count;
        for (int i = 0; i < text_count; i++) {
            if (texts[i] != NULL && (command->texts[i] = strdup(texts[i])) == NULL) {
                pult_command_free(command);
                return NULL;
            }
        }
    }
    return command;
}

int pult_engine_post(pult_engine *engine, int command_kind, long long request_id, const long long *numbers,
                     int number_count, const char *const *texts, int text_count) {
    pult_command *command = command_copy(command_kind, request_id, numbers, number_count, texts, text_count);
    if (command == NULL) {
        return -1;
    }
    pthread_mutex_lock(&engine->lock);
    if (!engine->accepting_commands) {
        pthread_mutex_unlock(&engine->lock);
        pult_command_free(command);
        return -1;
    }
    if (engine->commands_tail == NULL) {
        engine->commands_head = command;
    } else {
        engine->commands_tail->next = command;
    }
    engine->commands_tail = command;
    pthread_cond_signal(&engine->commands_ready);
    pthread_mutex_unlock(&engine->lock);
    return 0;
}

/* ---- the engine thread ----------------------------------------------------------------------- */

static struct timespec monotonic_at(long long nanos) {
    struct timespec at = {(time_t)(nanos / 1000000000LL), (long)(nanos % 1000000000LL)};
    return at;
}

/* Waits until the next tick or a command; returns the queued commands (maybe none). */
static pult_command *take_commands(pult_engine *engine, long long next_tick, int *stop) {
    struct timespec deadline = monotonic_at(next_tick);
    pthread_mutex_lock(&engine->lock);
    while (engine->commands_head == NULL && !engine->stop_requested && pult_now_nanos() < next_tick) {
        pthread_cond_timedwait(&engine->commands_ready, &engine->lock, &deadline);
    }
    pult_command *commands = engine->commands_head;
    engine->commands_head = engine->commands_tail = NULL;
    *stop = engine->stop_requested;
    pthread_mutex_unlock(&engine->lock);
    return commands;
}

static void run_commands(pult_engine *engine, pult_command *commands) {
    while (commands != NULL) {
        pult_command *next = commands->next;
        pult_commands_run(engine, commands);
        pult_command_free(commands);
        commands = next;
    }
}

static void fail_queued_commands(pult_engine *engine) {
    pthread_mutex_lock(&engine->lock);
    pult_command *commands = engine->commands_head;
    engine->commands_head = engine->commands_tail = NULL;
    pthread_mutex_unlock(&engine->lock);
    while (commands != NULL) {
        pult_command *next = commands->next;
        pult_engine_push_result(engine, commands->request_id, PULT_PROBLEM_CLOSED, "the softphone engine has been closed");
        pult_command_free(commands);
        commands = next;
    }
}

static void publish_start(pult_engine *engine, int state) {
    pthread_mutex_lock(&engine->lock);
    engine->start_state = state;
    pthread_cond_broadcast(&engine->start_done);
    pthread_mutex_unlock(&engine->lock);
}

static void *engine_main(void *argument) {
    pult_engine *engine = argument;
    char error[sizeof engine->start_error] = "";
    pult_log_set_thread_engine(engine);
    pult_liblinphone_lock();
    int started = pult_core_start(engine, error, sizeof error);
    pult_liblinphone_unlock();
    if (started != 0) {
        pthread_mutex_lock(&engine->lock);
        snprintf(engine->start_error, sizeof engine->start_error, "%s", error);
        engine->accepting_commands = 0;
        pthread_mutex_unlock(&engine->lock);
        pult_log_set_thread_engine(NULL);
        publish_start(engine, -1);
        return NULL;
    }
    publish_start(engine, 1);

    long long next_tick = pult_now_nanos();
    int stop = 0;
    while (!stop) {
        long long now = pult_now_nanos();
        if (now >= next_tick) {
            pult_liblinphone_lock();
            linphone_core_iterate(engine->core);
            pult_calls_measure_quality(engine, now);
            pult_calls_retry_registration(engine, now);
            pult_commands_tick(engine, now);
            pult_liblinphone_unlock();
            next_tick = now + PULT_TICK_NANOS;
        }
        pult_command *commands = take_commands(engine, next_tick, &stop);
        if (commands != NULL) {
            pult_liblinphone_lock();
            run_commands(engine, commands);
            pult_liblinphone_unlock();
        }
    }
    /* Pitfall 15: the core dies in this same task, so no tick can run against a destroyed core. */
    pult_liblinphone_lock();
    pult_core_shutdown(engine);
    pult_liblinphone_unlock();
    pult_log_set_thread_engine(NULL);
    fail_queued_commands(engine);
    pult_engine_push_event(engine, pult_event_new(PULT_EVENT_CLOSED, pult_now_nanos(), 0));
    return NULL;
}

/* ---- life cycle ------------------------------------------------------------------------------ */

static int init_sync(pult_engine *engine) {
    pthread_condattr_t attributes;
    if (pthread_condattr_init(&attributes) != 0) {
        return -1;
    }
    /* Waits are measured on CLOCK_MONOTONIC so that a wall-clock change cannot stall the tick. */
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    int failed = pthread_mutex_init(&engine->lock, NULL) != 0 || pthread_mutex_init(&engine->stop_lock, NULL) != 0
            || pthread_cond_init(&engine->commands_ready, &attributes) != 0
            || pthread_cond_init(&engine->events_ready, &attributes) != 0
            || pthread_cond_init(&engine->start_done, &attributes) != 0;
    pthread_condattr_destroy(&attributes);
    return failed ? -1 : 0;
}

pult_engine *pult_engine_create(const long long *settings, const char *const *texts) {
    pult_engine *engine = calloc(1, sizeof *engine);
    if (engine == NULL) {
        return NULL;
    }
    if (init_sync(engine) != 0) {
        free(engine);
        return NULL;
    }
    memcpy(engine->settings, settings, sizeof engine->settings);
    for (int i = 0; i < PULT_TEXT_COUNT; i++) {
        engine->texts[i] = pult_strdup(texts[i]);
    }
    engine->next_call_id = 1;
    engine->accepting_commands = 1;
    engine->thread_joined = 1;
    pult_log_attach(engine);
    if (pthread_create(&engine->thread, NULL, engine_main, engine) != 0) {
        snprintf(engine->start_error, sizeof engine->start_error, "cannot create the engine thread");
        engine->start_state = -1;
        engine->accepting_commands = 0;
        return engine;
    }
    engine->thread_joined = 0;
    pthread_mutex_lock(&engine->lock);
    while (engine->start_state == 0) {
        pthread_cond_wait(&engine->start_done, &engine->lock);
    }
    int failed = engine->start_state < 0;
    pthread_mutex_unlock(&engine->lock);
    if (failed) {
        pthread_join(engine->thread, NULL);
        engine->thread_joined = 1;
    }
    return engine;
}

const char *pult_engine_start_error(const pult_engine *engine) {
    return engine->start_state < 0 ? engine->start_error : NULL;
}

int pult_engine_sip_port(const pult_engine *engine, int transport) {
    return transport >= 0 && transport < 3 ? engine->sip_ports[transport] : 0;
}

void pult_engine_stop(pult_engine *engine) {
    pthread_mutex_lock(&engine->stop_lock);
    pthread_mutex_lock(&engine->lock);
    engine->accepting_commands = 0;
    engine->stop_requested = 1;
    pthread_cond_signal(&engine->commands_ready);
    pthread_mutex_unlock(&engine->lock);
    if (!engine->thread_joined) {
        pthread_join(engine->thread, NULL);
        engine->thread_joined = 1;
    }
    pthread_mutex_unlock(&engine->stop_lock);
}

void pult_engine_destroy(pult_engine *engine) {
    if (engine == NULL) {
        return;
    }
    pult_engine_stop(engine);
    pult_log_detach(engine);
    while (engine->events_head != NULL) {
        pult_event *next = engine->events_head->next;
        pult_event_free(engine->events_head);
        engine->events_head = next;
    }
    fail_queued_commands(engine); /* none after a stop; kept so destroy never leaks */
    while (engine->events_head != NULL) {
        pult_event *next = engine->events_head->next;
        pult_event_free(engine->events_head);
        engine->events_head = next;
    }
    for (int i = 0; i < PULT_TEXT_COUNT; i++) {
        if (engine->texts[i] != NULL) {
            memset(engine->texts[i], 0, strlen(engine->texts[i])); /* the TURN password */
            free(engine->texts[i]);
        }
    }
    free(engine->recordings_dir);
    free(engine->hold_file);
    pthread_cond_destroy(&engine->commands_ready);
    pthread_cond_destroy(&engine->events_ready);
    pthread_cond_destroy(&engine->start_done);
    pthread_mutex_destroy(&engine->stop_lock);
    pthread_mutex_destroy(&engine->lock);
    free(engine);
}

const char *pult_engine_version(void) {
    const char *version = linphone_core_get_version();
    return version == NULL ? "" : version;
}

void pult_engine_global_cleanup(void) {
    pult_log_cleanup();
    pult_liblinphone_lock();
    linphone_factory_clean();
    pult_liblinphone_unlock();
}

#ifndef PULT_ENGINE_H
#define PULT_ENGINE_H

/*
 * The SIP engine, free of JNI so that the C test driver and valgrind run exactly what the JVM runs.
 *
 * Threading: each engine owns one pthread that makes every liblinphone call and runs
 * linphone_core_iterate() every 20 ms (ENGINE-NOTES pitfall 11). Other threads only queue
 * commands (pult_engine_post, never blocks on the engine), read values fixed at start, or block
 * in pult_engine_next_event until the engine reports something. Events are pulled, not pushed:
 * the Java event thread waits in pult_engine_next_event, so the engine thread never enters the JVM.
 *
 * Numbers and texts are laid out as engine_protocol.h describes; texts are NUL-terminated UTF-8
 * (file names: bytes in the platform's file name encoding).
 */

#include "engine_protocol.h"

typedef struct pult_engine pult_engine;

typedef struct pult_event {
    long long numbers[PULT_EVENT_NUMBERS];
    char **texts; /* text_count entries, each malloc'd or NULL */
    int text_count;
    struct pult_event *next;
} pult_event;

/*
 * Starts the engine thread and waits until its core has started or failed. settings holds
 * PULT_SETTING_COUNT numbers, texts PULT_TEXT_COUNT strings (NULL for none); both are copied.
 * Returns NULL only when out of memory; check pult_engine_start_error() either way.
 */
pult_engine *pult_engine_create(const long long *settings, const char *const *texts);

/* NULL when the core runs, otherwise why it did not start (the engine thread has then ended). */
const char *pult_engine_start_error(const pult_engine *engine);

/* The bound SIP port for a PULT_TRANSPORT_*, 0 when that transport is off. */
int pult_engine_sip_port(const pult_engine *engine, int transport);

/*
 * Queues a command; its outcome arrives as a PULT_EVENT_RESULT with request_id. numbers and
 * texts are copied. Returns 0 when queued, -1 when the engine is stopping (or out of memory).
 */
int pult_engine_post(pult_engine *engine, int command, long long request_id, const long long *numbers,
                     int number_count, const char *const *texts, int text_count);

/*
 * The next event, waiting up to timeout_ms (negative: forever). NULL on timeout. The last event
 * of an engine is PULT_EVENT_CLOSED. Free each event with pult_event_free.
 */
pult_event *pult_engine_next_event(pult_engine *engine, int timeout_ms);

void pult_event_free(pult_event *event);

/* Ends calls, destroys the core on the engine thread and joins it. Idempotent. */
void pult_engine_stop(pult_engine *engine);

/* Frees the engine; call after pult_engine_stop (or a failed start). */
void pult_engine_destroy(pult_engine *engine);

/* The process-wide liblinphone version. */
const char *pult_engine_version(void);

/* Releases process-wide state (log forwarding, liblinphone's factory); for test drivers at exit. */
void pult_engine_global_cleanup(void);

#endif

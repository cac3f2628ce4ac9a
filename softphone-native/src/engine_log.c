#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <stdlib.h>
#include <string.h>

#include <linphone/factory.h>
#include <linphone/logging.h>

/*
 * liblinphone's log is process-wide and written from any thread (mediastreamer2's too). Its
 * warnings and errors become PULT_EVENT_LOG events of one live engine, which Java hands to
 * slf4j; everything else is dropped, and nothing goes to stdout.
 */

static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static pult_engine *live_engines;
static LinphoneLoggingServiceCbs *log_cbs;
/* The engine an engine thread serves; NULL on every other thread (mediastreamer2's, the JVM's). */
static _Thread_local pult_engine *thread_engine;

/*
 * What liblinphone says on every start and every stream start when it runs on files: there is no
 * sound card to find, and none is wanted. Expected there, so forwarded as DEBUG; a sound-card
 * engine (or a line from a thread that is not an engine's) keeps them as warnings and errors.
 */
static const char *const NO_SOUND_CARD_LINES[] = {
    "Could not find a suitable soundcard",
    "No card defined for playback",
    "No card defined for capture",
    "Failed to find audio device matching default",
};

void pult_log_set_thread_engine(pult_engine *engine) {
    thread_engine = engine;
}

static int expected_in_file_mode(const char *message) {
    const pult_engine *engine = thread_engine;
    if (engine == NULL || !engine->settings[PULT_SETTING_USE_FILES] || message == NULL) {
        return 0;
    }
    for (size_t i = 0; i < sizeof NO_SOUND_CARD_LINES / sizeof NO_SOUND_CARD_LINES[0]; i++) {
        if (strncmp(message, NO_SOUND_CARD_LINES[i], strlen(NO_SOUND_CARD_LINES[i])) == 0) {
            return 1;
        }
    }
    return 0;
}

static void forward(LinphoneLoggingService *service, const char *domain, LinphoneLogLevel level, const char *message) {
    (void)service;
    if ((level & (LinphoneLogLevelWarning | LinphoneLogLevelError | LinphoneLogLevelFatal)) == 0) {
        return;
    }
    int shown_level = expected_in_file_mode(message) ? PULT_LOG_DEBUG
            : level == LinphoneLogLevelWarning ? PULT_LOG_WARNING : PULT_LOG_ERROR;
    long long nanos = pult_now_nanos();
    pthread_mutex_lock(&live_lock);
    /* One engine suffices: the log is the process's, and every engine would only repeat it. */
    pult_engine *engine = live_engines;
    if (engine != NULL) {
        pult_event *event = pult_event_new(PULT_EVENT_LOG, nanos, 2);
        if (event != NULL) {
            event->numbers[2] = shown_level;
            pult_event_set_text(event, 0, domain != NULL ? domain : "liblinphone");
            pult_event_set_text(event, 1, message != NULL ? message : "");
            pult_engine_push_event(engine, event);
        }
    }
    pthread_mutex_unlock(&live_lock);
}

/*
 * Takes only the liblinphone lock, never live_lock with it: an engine thread holding the
 * liblinphone lock may be logging, and forward() takes live_lock.
 */
static void install(void) {
    pult_liblinphone_lock();
    if (log_cbs != NULL) {
        pult_liblinphone_unlock();
        return;
    }
    LinphoneLoggingService *service = linphone_logging_service_get();
    log_cbs = linphone_factory_create_logging_service_cbs(linphone_factory_get());
    linphone_logging_service_cbs_set_log_message_written(log_cbs, forward);
    linphone_logging_service_add_callbacks(service, log_cbs);
    linphone_logging_service_set_log_level_mask(service,
            LinphoneLogLevelWarning | LinphoneLogLevelError | LinphoneLogLevelFatal);
    pult_liblinphone_unlock();
}

void pult_log_attach(pult_engine *engine) {
    install();
    pthread_mutex_lock(&live_lock);
    engine->next_live = live_engines;
    live_engines = engine;
    pthread_mutex_unlock(&live_lock);
}

void pult_log_detach(pult_engine *engine) {
    pthread_mutex_lock(&live_lock);
    for (pult_engine **link = &live_engines; *link != NULL; link = &(*link)->next_live) {
        if (*link == engine) {
            *link = engine->next_live;
            break;
        }
    }
    pthread_mutex_unlock(&live_lock);
}

void pult_log_cleanup(void) {
    pult_liblinphone_lock();
    if (log_cbs != NULL) {
        linphone_logging_service_remove_callbacks(linphone_logging_service_get(), log_cbs);
        linphone_logging_service_cbs_unref(log_cbs);
        log_cbs = NULL;
    }
    pult_liblinphone_unlock();
}

#define _POSIX_C_SOURCE 200809L

#include "engine_selftest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <linphone/core.h>
#include <linphone/factory.h>
#include <linphone/lpconfig.h>

/* A few ticks are enough for the SIP stack to bind and the core's startup tasks to run. */
enum { SELFTEST_ITERATIONS = 3, SELFTEST_TICK_MILLIS = 10 };

struct selftest_paths {
    char config[4096];
    char database[4096];
    char plugins[4096];
};

static int fail(char *error, size_t error_size, const char *message) {
    snprintf(error, error_size, "%s", message);
    return -1;
}

static int build_path(char *out, size_t out_size, const char *dir, const char *name) {
    int written = snprintf(out, out_size, "%s/%s", dir, name);
    return written < 0 || (size_t)written >= out_size ? -1 : 0;
}

static int prepare_paths(const char *work_dir, struct selftest_paths *paths, char *error, size_t error_size) {
    struct stat info;
    if (work_dir == NULL || work_dir[0] == '\0') {
        return fail(error, error_size, "no work directory given");
    }
    if (stat(work_dir, &info) != 0 || !S_ISDIR(info.st_mode) || access(work_dir, W_OK | X_OK) != 0) {
        return fail(error, error_size, "work directory is missing or not writable");
    }
    if (build_path(paths->config, sizeof paths->config, work_dir, "linphonerc") != 0
            || build_path(paths->database, sizeof paths->database, work_dir, "linphone.db") != 0
            || build_path(paths->plugins, sizeof paths->plugins, work_dir, "msplugins") != 0) {
        return fail(error, error_size, "work directory path is too long");
    }
    /* Pitfall 5: an empty private plugin folder keeps the system plugins (one maps Qt5) out. */
    if (mkdir(paths->plugins, 0700) != 0 && errno != EEXIST) {
        return fail(error, error_size, "cannot create the private mediastreamer2 plugin folder");
    }
    return 0;
}

/* Pitfall 3: explicit paths for everything the core persists, all inside the work directory. */
static LinphoneConfig *create_config(const struct selftest_paths *paths) {
    LinphoneConfig *config = linphone_factory_create_config(linphone_factory_get(), paths->config);
    if (config == NULL) {
        return NULL;
    }
    linphone_config_set_string(config, "storage", "backend", "sqlite3");
    linphone_config_set_string(config, "storage", "uri", paths->database);
    linphone_config_set_string(config, "storage", "call_logs_db_uri", paths->database);
    linphone_config_set_string(config, "storage", "zrtp_secrets_db_uri", paths->database);
    /* Pitfall 4: IPv6 would put fd00:: addresses into contacts. */
    linphone_config_set_int(config, "sip", "use_ipv6", 0);
    /*
     * One random UDP port on loopback: the self-test must not collide with a softphone already on
     * 5060, nor open a port to the network (and a firewall prompt) just to prove the stack works.
     */
    linphone_config_set_int(config, "sip", "sip_port", LC_SIP_TRANSPORT_RANDOM);
    linphone_config_set_int(config, "sip", "sip_tcp_port", LC_SIP_TRANSPORT_DISABLED);
    linphone_config_set_int(config, "sip", "sip_tls_port", LC_SIP_TRANSPORT_DISABLED);
    linphone_config_set_string(config, "sip", "bind_address", "127.0.0.1");
    return config;
}

static void sleep_one_tick(void) {
    struct timespec tick = {0, SELFTEST_TICK_MILLIS * 1000L * 1000L};
    while (nanosleep(&tick, &tick) != 0 && errno == EINTR) {
    }
}

static int run_core(LinphoneCore *core, char *error, size_t error_size) {
    linphone_core_enable_ipv6(core, FALSE);
    /* No sound card is needed, so a headless machine or one with a broken audio stack still passes. */
    linphone_core_set_use_files(core, TRUE);
    linphone_core_enable_video_capture(core, FALSE);
    linphone_core_enable_video_display(core, FALSE);

    int status = linphone_core_start(core);
    if (status != 0) {
        snprintf(error, error_size, "linphone_core_start failed with status %d", status);
        return -1;
    }
    for (int i = 0; i < SELFTEST_ITERATIONS; i++) {
        linphone_core_iterate(core);
        sleep_one_tick();
    }
    LinphoneGlobalState state = linphone_core_get_global_state(core);
    if (state != LinphoneGlobalOn) {
        /* linphone_core_stop is only allowed from On; the caller's unref tears down the rest. */
        snprintf(error, error_size, "core reached global state %s instead of On",
                 linphone_global_state_to_string(state));
        return -1;
    }
    linphone_core_stop(core);
    return 0;
}

static int run_with_plugins_dir(const struct selftest_paths *paths, char *error, size_t error_size) {
    LinphoneConfig *config = create_config(paths);
    if (config == NULL) {
        return fail(error, error_size, "cannot create the core's configuration");
    }
    LinphoneCore *core = linphone_factory_create_core_with_config_3(linphone_factory_get(), config, NULL);
    linphone_config_unref(config);
    if (core == NULL) {
        return fail(error, error_size, "liblinphone could not create a core");
    }
    int result = run_core(core, error, error_size);
    linphone_core_unref(core);
    return result;
}

int pult_engine_selftest(const char *work_dir, char *error, size_t error_size) {
    struct selftest_paths paths;
    if (prepare_paths(work_dir, &paths, error, error_size) != 0) {
        return -1;
    }
    LinphoneFactory *factory = linphone_factory_get();
    /* The plugin folder is factory-wide: put back whatever the application had chosen. */
    const char *previous = linphone_factory_get_msplugins_dir(factory);
    char *saved_plugins_dir = previous == NULL ? NULL : strdup(previous);
    if (previous != NULL && saved_plugins_dir == NULL) {
        return fail(error, error_size, "out of memory");
    }
    linphone_factory_set_msplugins_dir(factory, paths.plugins);
    int result = run_with_plugins_dir(&paths, error, error_size);
    linphone_factory_set_msplugins_dir(factory, saved_plugins_dir);
    free(saved_plugins_dir);
    return result;
}

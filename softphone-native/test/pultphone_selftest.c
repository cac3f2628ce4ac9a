/*
 * Runs the engine self-test outside any JVM, so valgrind sees liblinphone and our code alone:
 *   valgrind --leak-check=full ./pultphone_selftest [runs]
 * More than one run shows that a second core in the same process still starts (the app may
 * probe again) and, under valgrind, that memory held after the runs does not grow with them.
 */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linphone/factory.h>

#include "engine_selftest.h"

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info;
    (void)type;
    (void)walk;
    return remove(path);
}

static int file_exists(const char *dir, const char *name) {
    char path[4096];
    int written = snprintf(path, sizeof path, "%s/%s", dir, name);
    return written > 0 && (size_t)written < sizeof path && access(path, F_OK) == 0;
}

static int expect_refusal_of_missing_dir(void) {
    char error[256] = "";
    if (pult_engine_selftest("/nonexistent/pult-selftest", error, sizeof error) == 0 || error[0] == '\0') {
        fprintf(stderr, "FAIL: a missing work directory was accepted\n");
        return 1;
    }
    return 0;
}

static int check_core_start(const char *dir) {
    char error[256] = "";
    if (pult_engine_selftest(dir, error, sizeof error) != 0) {
        fprintf(stderr, "FAIL: engine self-test: %s\n", error);
        return 1;
    }
    if (!file_exists(dir, "linphonerc") || !file_exists(dir, "linphone.db")) {
        fprintf(stderr, "FAIL: the core did not keep its config and database in %s\n", dir);
        return 1;
    }
    return 0;
}

/* Each run gets a fresh folder, as the Java probe does, and removes it afterwards. */
static int expect_core_start(void) {
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/pultphone-selftest-XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    int failed = check_core_start(dir);
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return failed;
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 1;
    if (runs < 1) {
        fprintf(stderr, "usage: %s [runs >= 1]\n", argv[0]);
        return 2;
    }
    int failures = expect_refusal_of_missing_dir();
    for (int i = 0; i < runs; i++) {
        failures += expect_core_start();
    }
    /* Frees the process-wide factory, so valgrind reports only what the self-test itself leaked. */
    linphone_factory_clean();
    if (failures == 0) {
        printf("pultphone_selftest: OK\n");
    }
    return failures == 0 ? 0 : 1;
}

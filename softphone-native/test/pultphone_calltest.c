/*
 * Two engines in one process call each other directly over loopback: dial, ring, answer, DTMF,
 * hang up, close. No JVM, so valgrind sees the engine and liblinphone alone:
 *   valgrind --leak-check=full ./pultphone_calltest
 */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"

/* Generous: under valgrind everything runs some twenty times slower. */
enum { WAIT_MS = 60000 };

typedef struct side {
    const char *name;
    char dir[4096];
    pult_engine *engine;
    pult_event *backlog; /* events read while waiting for another one */
} side;

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info;
    (void)type;
    (void)walk;
    return remove(path);
}

static void put32(FILE *out, uint32_t value) {
    for (int i = 0; i < 4; i++) {
        fputc((int)(value >> (8 * i)) & 0xff, out);
    }
}

static void put16(FILE *out, uint16_t value) {
    fputc(value & 0xff, out);
    fputc(value >> 8, out);
}

/* One second of a tone, 8 kHz 16-bit mono: what the engine plays as its microphone. */
static int write_tone(const char *path, double hertz) {
    FILE *out = fopen(path, "wb");
    if (out == NULL) {
        return -1;
    }
    const uint32_t rate = 8000, samples = 8000;
    fwrite("RIFF", 1, 4, out);
    put32(out, 36 + samples * 2);
    fwrite("WAVEfmt ", 1, 8, out);
    put32(out, 16);
    put16(out, 1);
    put16(out, 1);
    put32(out, rate);
    put32(out, rate * 2);
    put16(out, 2);
    put16(out, 16);
    fwrite("data", 1, 4, out);
    put32(out, samples * 2);
    for (uint32_t i = 0; i < samples; i++) {
        put16(out, (uint16_t)(int16_t)(8000 * sin(2 * M_PI * hertz * i / rate)));
    }
    return fclose(out);
}

static int start_side(side *s, double hertz) {
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%s/pultphone-calltest-XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (mkdtemp(s->dir) == NULL) {
        perror("mkdtemp");
        return -1;
    }
    char play[4200], record[4200];
    snprintf(play, sizeof play, "%s/play.wav", s->dir);
    snprintf(record, sizeof record, "%s/heard.wav", s->dir);
    if (write_tone(play, hertz) != 0) {
        return -1;
    }
    long long settings[PULT_SETTING_COUNT] = {0};
    settings[PULT_SETTING_USE_FILES] = 1;
    settings[PULT_SETTING_ENCRYPTION] = PULT_ENCRYPTION_SRTP;
    settings[PULT_SETTING_REGISTRATION_EXPIRY] = 60;
    settings[PULT_SETTING_REGISTRATION_RETRY] = 3;
    const char *texts[PULT_TEXT_COUNT] = {0};
    texts[PULT_TEXT_WORK_DIR] = s->dir;
    texts[PULT_TEXT_BIND_ADDRESS] = "127.0.0.1";
    texts[PULT_TEXT_PLAY_FILE] = play;
    texts[PULT_TEXT_RECORD_FILE] = record;
    texts[PULT_TEXT_CODECS] = "PCMA";
    s->engine = pult_engine_create(settings, texts);
    if (s->engine == NULL || pult_engine_start_error(s->engine) != NULL) {
        fprintf(stderr, "FAIL: %s did not start: %s\n", s->name,
                s->engine == NULL ? "out of memory" : pult_engine_start_error(s->engine));
        return -1;
    }
    return 0;
}

/*
 * Reads events until one of kind (and, for call states and results, with that number at
 * index 3) arrives; returns it, or NULL after WAIT_MS. Log lines are shown, others skipped.
 */
static int matches(const pult_event *event, int kind, long long number3) {
    return event->numbers[0] == kind && (number3 < 0 || event->numbers[3] == number3);
}

static pult_event *take_from_backlog(side *s, int kind, long long number3) {
    for (pult_event **link = &s->backlog; *link != NULL; link = &(*link)->next) {
        if (matches(*link, kind, number3)) {
            pult_event *event = *link;
            *link = event->next;
            event->next = NULL;
            return event;
        }
    }
    return NULL;
}

static void keep(side *s, pult_event *event) {
    pult_event **link = &s->backlog;
    while (*link != NULL) {
        link = &(*link)->next;
    }
    *link = event;
}

/*
 * Returns the first event of kind (and, for call states and results, with that number at
 * index 3), earlier ones included, or NULL after WAIT_MS. Others stay in the backlog.
 */
static pult_event *wait_for(side *s, int kind, long long number3) {
    pult_event *event = take_from_backlog(s, kind, number3);
    for (int waited = 0; event == NULL && waited < WAIT_MS; waited += 100) {
        event = pult_engine_next_event(s->engine, 100);
        if (event == NULL) {
            continue;
        }
        long long *n = event->numbers;
        if (n[0] == PULT_EVENT_LOG && n[2] != PULT_LOG_DEBUG) {
            fprintf(stderr, "  [%s log] %s\n", s->name, event->texts[1] != NULL ? event->texts[1] : "");
        } else if (n[0] == PULT_EVENT_CALL_STATE) {
            fprintf(stderr, "  [%s] call-%lld state %lld %s\n", s->name, n[2], n[3],
                    event->texts[2] != NULL ? event->texts[2] : "");
        }
        if (!matches(event, kind, number3)) {
            if (n[0] == PULT_EVENT_LOG || n[0] == PULT_EVENT_QUALITY) {
                pult_event_free(event);
            } else {
                keep(s, event);
            }
            event = NULL;
        }
    }
    if (event == NULL) {
        fprintf(stderr, "FAIL: %s saw no event %d/%lld within %d ms\n", s->name, kind, number3, WAIT_MS);
    }
    return event;
}

static int expect(side *s, int kind, long long number3, long long *call_id) {
    pult_event *event = wait_for(s, kind, number3);
    if (event == NULL) {
        return -1;
    }
    if (call_id != NULL) {
        *call_id = event->numbers[2];
    }
    pult_event_free(event);
    return 0;
}

static int expect_result(side *s, long long request, int problem, long long *value) {
    pult_event *event = wait_for(s, PULT_EVENT_RESULT, problem);
    if (event == NULL) {
        return -1;
    }
    int matches = event->numbers[2] == request;
    if (value != NULL) {
        *value = event->numbers[4];
    }
    if (!matches) {
        fprintf(stderr, "FAIL: %s answered request %lld, expected %lld\n", s->name, event->numbers[2], request);
    }
    pult_event_free(event);
    return matches ? 0 : -1;
}

static int post(side *s, int command, long long request, long long call, const char *text) {
    const char *texts[1] = {text};
    return pult_engine_post(s->engine, command, request, &call, 1, texts, text == NULL ? 0 : 1);
}

static int call_and_hang_up(side *a, side *b) {
    char uri[128];
    snprintf(uri, sizeof uri, "sip:bob@127.0.0.1:%d", pult_engine_sip_port(b->engine, PULT_TRANSPORT_UDP));
    long long a_call = 0, b_call = 0, dtmf_call = 0;
    if (post(a, PULT_COMMAND_DIAL, 1, 0, "sip:not a uri") != 0 || expect_result(a, 1, PULT_PROBLEM_BAD_ADDRESS, NULL) != 0
            || post(a, PULT_COMMAND_HOLD, 2, 99, NULL) != 0 || expect_result(a, 2, PULT_PROBLEM_NO_SUCH_CALL, NULL) != 0
            || post(a, PULT_COMMAND_DIAL, 3, 0, uri) != 0 || expect_result(a, 3, PULT_PROBLEM_NONE, &a_call) != 0
            || expect(b, PULT_EVENT_CALL_STATE, PULT_CALL_INCOMING, &b_call) != 0
            || post(b, PULT_COMMAND_ANSWER, 4, b_call, NULL) != 0 || expect_result(b, 4, PULT_PROBLEM_NONE, NULL) != 0
            || expect(a, PULT_EVENT_CALL_STATE, PULT_CALL_ACTIVE, NULL) != 0
            || expect(b, PULT_EVENT_CALL_STATE, PULT_CALL_ACTIVE, NULL) != 0) {
        return -1;
    }
    long long dtmf[2] = {a_call, '7'};
    if (pult_engine_post(a->engine, PULT_COMMAND_DTMF, 5, dtmf, 2, NULL, 0) != 0
            || expect_result(a, 5, PULT_PROBLEM_NONE, NULL) != 0 || expect(b, PULT_EVENT_DTMF, '7', &dtmf_call) != 0
            || dtmf_call != b_call) {
        fprintf(stderr, "FAIL: DTMF 7 did not arrive on call-%lld\n", b_call);
        return -1;
    }
    if (post(a, PULT_COMMAND_HOLD, 7, a_call, NULL) != 0 || expect_result(a, 7, PULT_PROBLEM_NONE, NULL) != 0
            || expect(a, PULT_EVENT_CALL_STATE, PULT_CALL_HELD, NULL) != 0
            || expect(b, PULT_EVENT_CALL_STATE, PULT_CALL_HELD_BY_REMOTE, NULL) != 0
            || post(a, PULT_COMMAND_RESUME, 8, a_call, NULL) != 0 || expect_result(a, 8, PULT_PROBLEM_NONE, NULL) != 0
            || expect(a, PULT_EVENT_CALL_STATE, PULT_CALL_ACTIVE, NULL) != 0
            || expect(b, PULT_EVENT_CALL_STATE, PULT_CALL_ACTIVE, NULL) != 0) {
        fprintf(stderr, "FAIL: hold and resume\n");
        return -1;
    }
    /* No registered account: a local conference is refused before liblinphone is asked. */
    if (post(a, PULT_COMMAND_CONFERENCE, 9, a_call, NULL) != 0 || expect_result(a, 9, PULT_PROBLEM_WRONG_STATE, NULL) != 0) {
        return -1;
    }
    if (post(a, PULT_COMMAND_HANG_UP, 6, a_call, NULL) != 0 || expect_result(a, 6, PULT_PROBLEM_NONE, NULL) != 0
            || expect(a, PULT_EVENT_CALL_STATE, PULT_CALL_ENDED, NULL) != 0
            || expect(b, PULT_EVENT_CALL_STATE, PULT_CALL_ENDED, NULL) != 0) {
        return -1;
    }
    return 0;
}

static int close_side(side *s) {
    int failed = 0;
    if (s->engine != NULL) {
        pult_engine_stop(s->engine);
        pult_engine_stop(s->engine); /* idempotent */
        failed = post(s, PULT_COMMAND_HANG_UP, 99, 1, NULL) == 0; /* must be refused after stop */
        if (failed) {
            fprintf(stderr, "FAIL: %s accepted a command after stop\n", s->name);
        }
        pult_event *event;
        while ((event = pult_engine_next_event(s->engine, 0)) != NULL) {
            keep(s, event);
        }
        while (s->backlog != NULL) {
            pult_event *next = s->backlog->next;
            pult_event_free(s->backlog);
            s->backlog = next;
        }
        pult_engine_destroy(s->engine);
    }
    if (s->dir[0] != '\0') {
        nftw(s->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
    return failed;
}

int main(void) {
    side a = {.name = "alice"}, b = {.name = "bob"};
    int failed = start_side(&a, 440.0) != 0 || start_side(&b, 1000.0) != 0 || call_and_hang_up(&a, &b) != 0;
    failed |= close_side(&a);
    failed |= close_side(&b);
    pult_engine_global_cleanup();
    if (!failed) {
        printf("pultphone_calltest: OK\n");
    }
    return failed ? 1 : 0;
}

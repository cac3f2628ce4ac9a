#define _POSIX_C_SOURCE 200809L

#include "engine_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Call recording through liblinphone's call-recording API (pitfall 9): the call records into its
 * placeholder (see pult_calls_record_params), which moves to the operator's file on stop.
 *
 * Pause: liblinphone can only stop (which closes the WAV) and start again (which reopens it in
 * append mode). While paused nothing of the call reaches the file, so card digits read out stay
 * out of it; on resume the paused span is written as silence first, so the file keeps the call's
 * timeline. Spans when the call itself is on hold are not filled: the stream is stopped then.
 */

/* ---- WAV silence ----------------------------------------------------------------------------- */

static uint32_t le32(const unsigned char *bytes) {
    return (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
}

static void put_le32(unsigned char *bytes, uint32_t value) {
    for (int i = 0; i < 4; i++) {
        bytes[i] = (unsigned char)(value >> (8 * i));
    }
}

static int write_all(int fd, const void *data, size_t length) {
    const char *cursor = data;
    while (length > 0) {
        ssize_t written = write(fd, cursor, length);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return -1;
        }
        cursor += written;
        length -= (size_t)written;
    }
    return 0;
}

static int pwrite32(int fd, off_t offset, uint32_t value) {
    unsigned char bytes[4];
    put_le32(bytes, value);
    return pwrite(fd, bytes, 4, offset) == 4 ? 0 : -1;
}

/* Finds the fmt and data chunks of a PCM WAV; returns 0 with the data chunk's header offset. */
static int read_layout(int fd, uint32_t *bytes_per_second, uint32_t *block, off_t *data_header) {
    unsigned char header[12];
    if (pread(fd, header, sizeof header, 0) != (ssize_t)sizeof header || memcmp(header, "RIFF", 4) != 0
            || memcmp(header + 8, "WAVE", 4) != 0) {
        return -1;
    }
    *bytes_per_second = 0;
    off_t offset = 12;
    unsigned char chunk[24];
    while (pread(fd, chunk, 8, offset) == 8) {
        uint32_t length = le32(chunk + 4);
        if (memcmp(chunk, "fmt ", 4) == 0) {
            if (pread(fd, chunk + 8, 16, offset + 8) != 16) {
                return -1;
            }
            *bytes_per_second = le32(chunk + 16);
            *block = (uint32_t)chunk[20] | (uint32_t)chunk[21] << 8;
        } else if (memcmp(chunk, "data", 4) == 0) {
            *data_header = offset;
            return *bytes_per_second > 0 && *block > 0 ? 0 : -1;
        }
        offset += 8 + (off_t)length + (length & 1);
    }
    return -1;
}

/* Appends nanos of digital silence to a closed 16-bit PCM WAV and fixes its lengths. */
int pult_wav_append_silence(const char *path, long long nanos) {
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        return -1;
    }
    uint32_t bytes_per_second = 0, block = 0;
    off_t data_header = 0;
    int result = read_layout(fd, &bytes_per_second, &block, &data_header);
    off_t end = result == 0 ? lseek(fd, 0, SEEK_END) : -1;
    if (end < 0) {
        close(fd);
        return -1;
    }
    uint64_t bytes = (uint64_t)bytes_per_second * (uint64_t)nanos / 1000000000ULL;
    bytes -= bytes % block;
    static const char zeros[4096];
    for (uint64_t left = bytes; left > 0 && result == 0;) {
        size_t chunk = left < sizeof zeros ? (size_t)left : sizeof zeros;
        result = write_all(fd, zeros, chunk);
        left -= chunk;
    }
    off_t new_end = end + (off_t)bytes;
    if (result == 0) {
        result = pwrite32(fd, 4, (uint32_t)(new_end - 8));
    }
    if (result == 0) {
        result = pwrite32(fd, data_header + 4, (uint32_t)(new_end - data_header - 8));
    }
    close(fd);
    return result;
}

/* ---- the recording state of a call ----------------------------------------------------------- */

static int report(char *error, size_t error_size, int problem, const char *message) {
    snprintf(error, error_size, "%s", message);
    return problem;
}

static int copy_file(const char *from, const char *to) {
    int in = open(from, O_RDONLY);
    if (in < 0) {
        return -1;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int result = out < 0 ? -1 : 0;
    char buffer[65536];
    ssize_t got;
    while (result == 0 && (got = read(in, buffer, sizeof buffer)) != 0) {
        result = got < 0 ? (errno == EINTR ? 0 : -1) : write_all(out, buffer, (size_t)got);
    }
    close(in);
    if (out >= 0 && close(out) != 0) {
        result = -1;
    }
    return result;
}

/* Moves the closed placeholder to the operator's file (copying across file systems). */
static int deliver(pult_call *call) {
    if (call->record_target == NULL) {
        return -1;
    }
    if (rename(call->record_placeholder, call->record_target) == 0) {
        return 0;
    }
    if (errno != EXDEV || copy_file(call->record_placeholder, call->record_target) != 0) {
        return -1;
    }
    unlink(call->record_placeholder);
    return 0;
}

int pult_recording_start(pult_engine *engine, pult_call *call, const char *target, char *error, size_t error_size) {
    (void)engine;
    if (call->record_placeholder == NULL) {
        return report(error, error_size, PULT_PROBLEM_ENGINE_ERROR,
                      "this call was not set up by the engine (it came from a transfer) and cannot be recorded");
    }
    if (call->recording != PULT_RECORDING_OFF) {
        return report(error, error_size, PULT_PROBLEM_WRONG_STATE, "the call is already being recorded");
    }
    /* The recorder appends to an existing file; a new recording starts from nothing. */
    unlink(call->record_placeholder);
    char *copy = strdup(target);
    if (copy == NULL) {
        return report(error, error_size, PULT_PROBLEM_ENGINE_ERROR, "out of memory");
    }
    free(call->record_target);
    call->record_target = copy;
    linphone_call_start_recording(call->call);
    call->recording = PULT_RECORDING_ON;
    return PULT_PROBLEM_NONE;
}

int pult_recording_pause(pult_call *call, char *error, size_t error_size) {
    if (call->recording == PULT_RECORDING_OFF) {
        return report(error, error_size, PULT_PROBLEM_WRONG_STATE, "the call is not being recorded");
    }
    if (call->recording == PULT_RECORDING_ON) {
        linphone_call_stop_recording(call->call);
        call->paused_at_nanos = pult_now_nanos();
        call->recording = PULT_RECORDING_PAUSED;
    }
    return PULT_PROBLEM_NONE;
}

int pult_recording_resume(pult_call *call, char *error, size_t error_size) {
    if (call->recording == PULT_RECORDING_OFF) {
        return report(error, error_size, PULT_PROBLEM_WRONG_STATE, "the call is not being recorded");
    }
    if (call->recording == PULT_RECORDING_PAUSED) {
        /* No file yet means the stream never ran; there is no timeline to keep. */
        if (access(call->record_placeholder, F_OK) == 0) {
            pult_wav_append_silence(call->record_placeholder, pult_now_nanos() - call->paused_at_nanos);
        }
        linphone_call_start_recording(call->call);
        call->recording = PULT_RECORDING_ON;
    }
    return PULT_PROBLEM_NONE;
}

int pult_recording_stop(pult_call *call, char *error, size_t error_size) {
    if (call->recording == PULT_RECORDING_OFF) {
        return report(error, error_size, PULT_PROBLEM_WRONG_STATE, "the call is not being recorded");
    }
    if (call->recording == PULT_RECORDING_ON) {
        linphone_call_stop_recording(call->call);
    }
    call->recording = PULT_RECORDING_OFF;
    if (deliver(call) != 0) {
        char message[320];
        snprintf(message, sizeof message, "could not move the recording into place (%s)",
                 errno == ENOENT ? "nothing was recorded, or the target folder is missing" : strerror(errno));
        return report(error, error_size, PULT_PROBLEM_ENGINE_ERROR, message);
    }
    return PULT_PROBLEM_NONE;
}

/* A call ends while recording: its stream (and so the WAV) is closed; keep what was recorded. */
void pult_recording_finish(pult_call *call) {
    if (call->recording != PULT_RECORDING_OFF) {
        call->recording = PULT_RECORDING_OFF;
        deliver(call);
    }
}

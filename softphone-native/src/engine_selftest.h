#ifndef PULT_ENGINE_SELFTEST_H
#define PULT_ENGINE_SELFTEST_H

#include <stddef.h>

/*
 * Starts and destroys one liblinphone core on the calling thread, with its config, database and
 * plugin folder all inside work_dir (an existing, writable directory).
 *
 * Returns 0 on success. Otherwise returns -1 and writes an ASCII message to error (never the
 * path: the caller knows it and JNI's NewStringUTF would mangle non-ASCII bytes).
 *
 * Not thread-safe: liblinphone's factory is process-wide, so callers serialise self-tests.
 */
int pult_engine_selftest(const char *work_dir, char *error, size_t error_size);

#endif

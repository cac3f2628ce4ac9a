#include "org_pult_softphone_LinphoneEngineProbe_Native.h"

#include <stdlib.h>
#include <string.h>

#include <linphone/core.h>

#include "engine_selftest.h"

JNIEXPORT jstring JNICALL Java_org_pult_softphone_LinphoneEngineProbe_00024Native_engineVersion(JNIEnv *env,
                                                                                              jclass cls) {
    (void)cls;
    const char *version = linphone_core_get_version();
    return (*env)->NewStringUTF(env, version == NULL ? "" : version);
}

/* Returns a NUL-terminated copy of the path bytes, or NULL if they hold a NUL (which no real path does). */
static char *copy_path(JNIEnv *env, jbyteArray bytes) {
    jsize length = (*env)->GetArrayLength(env, bytes);
    char *path = malloc((size_t)length + 1);
    if (path == NULL) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, bytes, 0, length, (jbyte *)path);
    path[length] = '\0';
    if (strlen(path) != (size_t)length) {
        free(path);
        return NULL;
    }
    return path;
}

JNIEXPORT jstring JNICALL Java_org_pult_softphone_LinphoneEngineProbe_00024Native_selfTest(JNIEnv *env, jclass cls,
                                                                                         jbyteArray work_dir) {
    (void)cls;
    if (work_dir == NULL) {
        return (*env)->NewStringUTF(env, "no work directory given");
    }
    char *path = copy_path(env, work_dir);
    if (path == NULL) {
        return (*env)->NewStringUTF(env, "work directory path is unusable (out of memory or contains NUL)");
    }
    char error[256] = "";
    int result = pult_engine_selftest(path, error, sizeof error);
    free(path);
    return result == 0 ? NULL : (*env)->NewStringUTF(env, error);
}

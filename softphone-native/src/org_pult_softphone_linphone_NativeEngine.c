#include "org_pult_softphone_linphone_NativeEngine.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/*
 * Only conversion lives here; engine.c owns the threads. Texts cross as byte[] (UTF-8, or file
 * names in the platform encoding), never as JNI's modified UTF-8.
 */

static pult_engine *engine_of(jlong handle) {
    return (pult_engine *)(intptr_t)handle;
}

/* A NUL-terminated copy; a text holding NUL becomes "", which every command rejects as unusable. */
static char *copy_bytes(JNIEnv *env, jbyteArray bytes) {
    jsize length = (*env)->GetArrayLength(env, bytes);
    char *text = malloc((size_t)length + 1);
    if (text == NULL) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, bytes, 0, length, (jbyte *)text);
    text[length] = '\0';
    if (strlen(text) != (size_t)length) {
        text[0] = '\0';
    }
    return text;
}

static void free_texts(char **texts, jsize count) {
    for (jsize i = 0; i < count; i++) {
        if (texts[i] != NULL) {
            memset(texts[i], 0, strlen(texts[i])); /* passwords pass through here */
            free(texts[i]);
        }
    }
    free(texts);
}

/* Copies a byte[][] (entries may be null); NULL on out of memory. *count receives its length. */
static char **copy_texts(JNIEnv *env, jobjectArray array, jsize *count) {
    *count = array == NULL ? 0 : (*env)->GetArrayLength(env, array);
    char **texts = calloc(*count > 0 ? (size_t)*count : 1, sizeof *texts);
    if (texts == NULL) {
        return NULL;
    }
    for (jsize i = 0; i < *count; i++) {
        jbyteArray bytes = (*env)->GetObjectArrayElement(env, array, i);
        if (bytes != NULL) {
            texts[i] = copy_bytes(env, bytes);
            (*env)->DeleteLocalRef(env, bytes);
            if (texts[i] == NULL) {
                free_texts(texts, *count);
                return NULL;
            }
        }
    }
    return texts;
}

static long long *copy_numbers(JNIEnv *env, jlongArray array, jsize *count) {
    *count = array == NULL ? 0 : (*env)->GetArrayLength(env, array);
    long long *numbers = calloc(*count > 0 ? (size_t)*count : 1, sizeof *numbers);
    if (numbers != NULL && *count > 0) {
        jlong *elements = (*env)->GetLongArrayElements(env, array, NULL);
        if (elements == NULL) {
            free(numbers);
            return NULL;
        }
        for (jsize i = 0; i < *count; i++) {
            numbers[i] = elements[i];
        }
        (*env)->ReleaseLongArrayElements(env, array, elements, JNI_ABORT);
    }
    return numbers;
}

static jbyteArray to_bytes(JNIEnv *env, const char *text) {
    if (text == NULL) {
        return NULL;
    }
    jsize length = (jsize)strlen(text);
    jbyteArray bytes = (*env)->NewByteArray(env, length);
    if (bytes != NULL) {
        (*env)->SetByteArrayRegion(env, bytes, 0, length, (const jbyte *)text);
    }
    return bytes;
}

JNIEXPORT jstring JNICALL Java_org_pult_softphone_linphone_NativeEngine_engineVersion(JNIEnv *env, jclass cls) {
    (void)cls;
    return (*env)->NewStringUTF(env, pult_engine_version());
}

JNIEXPORT jlong JNICALL Java_org_pult_softphone_linphone_NativeEngine_create(JNIEnv *env, jclass cls,
                                                                             jlongArray settings, jobjectArray texts) {
    (void)cls;
    jsize number_count = 0;
    jsize text_count = 0;
    long long *numbers = copy_numbers(env, settings, &number_count);
    char **strings = copy_texts(env, texts, &text_count);
    pult_engine *engine = NULL;
    if (numbers != NULL && strings != NULL && number_count >= PULT_SETTING_COUNT && text_count >= PULT_TEXT_COUNT) {
        engine = pult_engine_create(numbers, (const char *const *)strings);
    }
    free(numbers);
    if (strings != NULL) {
        free_texts(strings, text_count);
    }
    return (jlong)(intptr_t)engine;
}

JNIEXPORT jbyteArray JNICALL Java_org_pult_softphone_linphone_NativeEngine_startError(JNIEnv *env, jclass cls,
                                                                                     jlong engine) {
    (void)cls;
    return to_bytes(env, pult_engine_start_error(engine_of(engine)));
}

JNIEXPORT jint JNICALL Java_org_pult_softphone_linphone_NativeEngine_sipPort(JNIEnv *env, jclass cls, jlong engine,
                                                                            jint transport) {
    (void)env;
    (void)cls;
    return pult_engine_sip_port(engine_of(engine), transport);
}

JNIEXPORT jboolean JNICALL Java_org_pult_softphone_linphone_NativeEngine_post(JNIEnv *env, jclass cls, jlong engine,
                                                                             jint command, jlong request_id,
                                                                             jlongArray numbers, jobjectArray texts) {
    (void)cls;
    jsize number_count = 0;
    jsize text_count = 0;
    long long *copied_numbers = copy_numbers(env, numbers, &number_count);
    char **copied_texts = copy_texts(env, texts, &text_count);
    int posted = -1;
    if (copied_numbers != NULL && copied_texts != NULL) {
        posted = pult_engine_post(engine_of(engine), command, request_id, copied_numbers, number_count,
                                  (const char *const *)copied_texts, text_count);
    }
    free(copied_numbers);
    if (copied_texts != NULL) {
        free_texts(copied_texts, text_count);
    }
    return posted == 0 ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jobjectArray JNICALL Java_org_pult_softphone_linphone_NativeEngine_nextEvent(JNIEnv *env, jclass cls,
                                                                                      jlong engine, jlongArray numbers) {
    (void)cls;
    pult_event *event = pult_engine_next_event(engine_of(engine), -1);
    if (event == NULL) {
        return NULL;
    }
    jlong copied[PULT_EVENT_NUMBERS];
    for (int i = 0; i < PULT_EVENT_NUMBERS; i++) {
        copied[i] = event->numbers[i];
    }
    (*env)->SetLongArrayRegion(env, numbers, 0, PULT_EVENT_NUMBERS, copied);
    jclass byte_array = (*env)->FindClass(env, "[B");
    jobjectArray texts = byte_array == NULL ? NULL : (*env)->NewObjectArray(env, event->text_count, byte_array, NULL);
    for (int i = 0; texts != NULL && i < event->text_count; i++) {
        jbyteArray bytes = to_bytes(env, event->texts[i]);
        (*env)->SetObjectArrayElement(env, texts, i, bytes);
        if (bytes != NULL) {
            (*env)->DeleteLocalRef(env, bytes);
        }
    }
    pult_event_free(event);
    return texts;
}

JNIEXPORT void JNICALL Java_org_pult_softphone_linphone_NativeEngine_stop(JNIEnv *env, jclass cls, jlong engine) {
    (void)env;
    (void)cls;
    pult_engine_stop(engine_of(engine));
}

JNIEXPORT void JNICALL Java_org_pult_softphone_linphone_NativeEngine_destroy(JNIEnv *env, jclass cls, jlong engine) {
    (void)env;
    (void)cls;
    pult_engine_destroy(engine_of(engine));
}

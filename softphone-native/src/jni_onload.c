#include <jni.h>

/*
 * Pitfall 1: without a JNI_OnLoad of our own the JVM finds the one liblime exports (a liblinphone
 * dependency), which looks for Android classes and aborts the JVM with a pending exception.
 */
JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)vm;
    (void)reserved;
    return JNI_VERSION_1_8;
}

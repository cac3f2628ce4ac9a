package org.pult.softphone.linphone;

/**
 * The JNI surface of softphone-native's engine (engine.h). The engine owns one native thread that
 * makes every liblinphone call; these functions only queue commands, read values cached at start,
 * or block the event pump until the engine reports something. Only {@link #create} (core start)
 * and {@link #stop} (joins the engine thread) wait for the engine.
 *
 * <p>Numbers and texts travel in arrays laid out as {@link EngineProtocol} describes.
 */
final class NativeEngine {

    private NativeEngine() {
    }

    static native String engineVersion();

    /** Starts the engine thread and waits for the core to start. @return a handle, 0 when out of memory */
    static native long create(long[] settings, byte[][] texts);

    /** @return why the core did not start (UTF-8), or null when it runs */
    static native byte[] startError(long engine);

    /** @return the bound port for {@code transport} (EngineProtocol.TRANSPORT_*), 0 when disabled */
    static native int sipPort(long engine, int transport);

    /** @return false when the engine is stopping and the command was not queued */
    static native boolean post(long engine, int command, long requestId, long[] numbers, byte[][] texts);

    /**
     * Blocks until the engine has an event, writes its numbers into {@code numbers} (at least
     * EngineProtocol.EVENT_NUMBERS long) and returns its texts.
     */
    static native byte[][] nextEvent(long engine, long[] numbers);

    /** Ends calls, destroys the core on the engine thread and joins that thread. Idempotent. */
    static native void stop(long engine);

    /** Frees the handle; only after {@link #stop} and after {@link #nextEvent} returned EVENT_CLOSED. */
    static native void destroy(long engine);
}

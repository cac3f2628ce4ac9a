package org.pult.softphone;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The liblinphone side of {@link SoftphoneProbe}: the engine's version and a start/stop of a real
 * core. Call only after {@link NativeLibraryLoader#ensureLoaded()} succeeded.
 *
 * <p>The self-test runs liblinphone on the calling thread. That is acceptable only because the
 * core lives for a few milliseconds and no other core exists yet; the engine proper owns one
 * thread that makes every liblinphone call (ENGINE-NOTES pitfall 11), and replaces this.
 */
final class LinphoneEngineProbe {

    /** liblinphone's factory is process-wide, so two self-tests must not overlap. */
    private static final Object FACTORY_LOCK = new Object();

    String engineVersion() {
        return Native.engineVersion();
    }

    /**
     * Creates, starts, iterates, stops and destroys a core whose config, database and plugin
     * folder all live in {@code workDir}, which must exist and be writable.
     *
     * @return the engine's error, or empty when the core started and shut down cleanly
     */
    Optional<String> selfTest(Path workDir) {
        byte[] nativePath = workDir.toAbsolutePath().toString().getBytes(fileNameCharset());
        synchronized (FACTORY_LOCK) {
            return Optional.ofNullable(Native.selfTest(nativePath));
        }
    }

    // File names reach C as bytes in the encoding the JDK's own file APIs use (sun.jnu.encoding),
    // not as JNI's modified UTF-8, so a path outside the BMP still names the same folder.
    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding"));
        return name == null || !Charset.isSupported(name) ? Charset.defaultCharset() : Charset.forName(name);
    }

    private static final class Native {

        private Native() {
        }

        static native String engineVersion();

        /** @return null on success, otherwise an ASCII description of what failed */
        static native String selfTest(byte[] workDirPath);
    }
}

package org.pult.softphone.linphone;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Strings cross JNI as bytes, never as JNI's modified UTF-8: SIP text is UTF-8 (a display name
 * may hold characters outside the BMP), and file names use the encoding the JDK's own file APIs
 * use, so that the C side opens the same file Java names.
 */
final class NativeText {

    private static final Charset FILE_NAMES = fileNameCharset();

    private NativeText() {
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] path(Path path) {
        return path == null ? null : path.toAbsolutePath().toString().getBytes(FILE_NAMES);
    }

    static String decode(byte[] utf8) {
        return utf8 == null ? "" : new String(utf8, StandardCharsets.UTF_8);
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding"));
        return name == null || !Charset.isSupported(name) ? Charset.defaultCharset() : Charset.forName(name);
    }
}

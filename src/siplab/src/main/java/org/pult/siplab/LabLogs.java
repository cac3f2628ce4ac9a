package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * Where the lab keeps logs of the programs it runs: {@code -Dpult.siplab.logs=...}, else
 * {@code target/siplab-logs} under the working directory (the module folder under Maven).
 */
public final class LabLogs {

    public static final String PROPERTY = "pult.siplab.logs";

    private LabLogs() {
    }

    public static Path directory() {
        Path directory = Path.of(System.getProperty(PROPERTY, "target/siplab-logs")).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab log folder " + directory, e);
        }
        return directory;
    }

    /** Appends a line of the lab's own (start, stop) to a program's log, so the two read in order. */
    static void note(Path log, String line) {
        try {
            Files.writeString(log, "=== siplab " + Instant.now() + " " + line + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LoggerFactory.getLogger(LabLogs.class).warn("cannot write to {}", log, e);
        }
    }

    /** The last {@code maxChars} characters of a text file, or a note that it cannot be read. */
    public static String tail(Path file, int maxChars) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return text.length() > maxChars ? "..." + text.substring(text.length() - maxChars) : text;
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}

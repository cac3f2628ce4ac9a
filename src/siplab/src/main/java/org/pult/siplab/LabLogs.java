package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The last {@code maxChars} characters of a text file, or a note that it cannot be read. */
    public static String tail(Path file, int maxChars) {
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.length() > maxChars ? "..." + text.substring(text.length() - maxChars) : text;
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}

package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the lab's fixtures (Kamailio, coturn, PulseAudio) all do with their folders and while they wait. */
final class LabFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LabFiles.class);

    private LabFiles() {
    }

    /** Removes a fixture's work folder; one that cannot be removed is logged and left. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete {}", root, e);
        }
    }

    /** Sleeps between polls; an interrupt ends the wait with an unchecked exception. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package org.pult.softphone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh folder for one self-test, deleted afterwards, so that a config or database left by an
 * earlier run (or another liblinphone version) can never decide the outcome of this one.
 */
final class ScratchDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectory.class);

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    static ScratchDirectory createIn(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new ScratchDirectory(Files.createTempDirectory(parent, "engine-selftest-"));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::delete);
        } catch (IOException | UncheckedIOException e) {
            // A leftover folder wastes a little disk but must not turn a working engine into "unavailable".
            LOG.warn("Could not delete the engine self-test folder {}", path, e);
        }
    }

    private static void delete(Path entry) {
        try {
            Files.delete(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

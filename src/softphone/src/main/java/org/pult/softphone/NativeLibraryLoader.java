package org.pult.softphone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.pult.softphone.SoftphoneAvailability.Reason;
import org.pult.softphone.SoftphoneAvailability.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libpultphone once and remembers the outcome. A failed load is reported, never thrown:
 * a machine without liblinphone must still run the rest of the console.
 */
public final class NativeLibraryLoader {

    /** System property naming the library file; developers and tests point it at a fresh build. */
    public static final String LIBRARY_PROPERTY = "pult.softphone.library";

    static final String LIBRARY_NAME = "pultphone";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryLoader.class);

    private final Optional<Path> libraryFile;
    private Optional<Unavailable> outcome;

    private NativeLibraryLoader(Optional<Path> libraryFile) {
        this.libraryFile = libraryFile;
    }

    /** Uses {@value #LIBRARY_PROPERTY} when set, otherwise {@code java.library.path}. */
    public static NativeLibraryLoader fromSystemProperties() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return onLibraryPath();
        }
        return forFile(Path.of(configured));
    }

    public static NativeLibraryLoader forFile(Path libraryFile) {
        return new NativeLibraryLoader(Optional.of(libraryFile.toAbsolutePath()));
    }

    public static NativeLibraryLoader onLibraryPath() {
        return new NativeLibraryLoader(Optional.empty());
    }

    /**
     * Loads the library on the first call; later calls, from any thread, return the first
     * outcome without touching the file system again.
     *
     * @return why the library is unusable, or empty once it is loaded
     */
    public synchronized Optional<Unavailable> ensureLoaded() {
        if (outcome == null) {
            outcome = load();
            outcome.ifPresentOrElse(
                    failure -> LOG.warn("Softphone library unavailable ({}): {}", failure.reason(), failure.detail()),
                    () -> LOG.info("Softphone library loaded from {}", describeLocation()));
        }
        return outcome;
    }

    private Optional<Unavailable> load() {
        try {
            if (libraryFile.isPresent()) {
                return loadFile(libraryFile.get());
            }
            System.loadLibrary(LIBRARY_NAME);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.of(classify(e));
        }
    }

    private static Optional<Unavailable> loadFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of(unavailable(Reason.LIBRARY_NOT_FOUND, "no file at " + file));
        }
        System.load(file.toString());
        return Optional.empty();
    }

    private Unavailable classify(Throwable failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getName());
        // System.loadLibrary reports a missing file and a refused file with the same error type;
        // only its message tells them apart.
        boolean notOnPath = libraryFile.isEmpty() && message.contains("java.library.path");
        Reason reason = notOnPath ? Reason.LIBRARY_NOT_FOUND : Reason.LIBRARY_LOAD_FAILED;
        return unavailable(reason, "cannot load " + describeLocation() + ": " + message);
    }

    private static Unavailable unavailable(Reason reason, String problem) {
        return new Unavailable(reason, problem + " - " + reason.installHint());
    }

    private String describeLocation() {
        return libraryFile.map(Path::toString)
                .orElseGet(() -> System.mapLibraryName(LIBRARY_NAME) + " from java.library.path="
                        + System.getProperty("java.library.path"));
    }
}

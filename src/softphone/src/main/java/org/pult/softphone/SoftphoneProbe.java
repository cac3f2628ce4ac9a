package org.pult.softphone;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.pult.softphone.SoftphoneAvailability.Available;
import org.pult.softphone.SoftphoneAvailability.Reason;
import org.pult.softphone.SoftphoneAvailability.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "can this machine make calls?" before the softphone area is shown: loads the native
 * library, asks the engine for its version and starts and stops a real core once.
 */
public final class SoftphoneProbe {

    private static final Logger LOG = LoggerFactory.getLogger(SoftphoneProbe.class);

    private final NativeLibraryLoader loader;
    private final LinphoneEngineProbe engine = new LinphoneEngineProbe();

    public SoftphoneProbe(NativeLibraryLoader loader) {
        this.loader = loader;
    }

    /**
     * Blocks for the length of a core start (tens of milliseconds), so call it off the FX thread.
     *
     * @param workDir a writable folder for the self-test's config and database; created if missing,
     *                and left without the self-test's files afterwards
     */
    public SoftphoneAvailability probe(Path workDir) {
        Optional<Unavailable> loadFailure = loader.ensureLoaded();
        if (loadFailure.isPresent()) {
            return loadFailure.get();
        }
        try {
            return runEngine(workDir);
        } catch (UnsatisfiedLinkError e) {
            // A libpultphone.so from an older build can lack a function this class expects.
            return report(new Unavailable(Reason.LIBRARY_LOAD_FAILED,
                    "libpultphone does not match this version of Pult (" + e.getMessage()
                            + ") - reinstall Pult, or rebuild softphone-native in a source checkout"));
        }
    }

    private SoftphoneAvailability runEngine(Path workDir) {
        long started = System.nanoTime();
        String version = engine.engineVersion();
        Optional<String> engineError;
        try (ScratchDirectory scratch = ScratchDirectory.createIn(workDir)) {
            engineError = engine.selfTest(scratch.path());
        } catch (IOException e) {
            return engineStartFailed("cannot create the engine's folder in " + workDir + ": " + e);
        }
        if (engineError.isPresent()) {
            return engineStartFailed("liblinphone " + version + " did not start in " + workDir + ": " + engineError.get());
        }
        LOG.info("liblinphone {} started and stopped cleanly in {} ms", version,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new Available(version);
    }

    private static Unavailable engineStartFailed(String problem) {
        Reason reason = Reason.ENGINE_START_FAILED;
        return report(new Unavailable(reason, problem + " - " + reason.installHint()));
    }

    private static Unavailable report(Unavailable unavailable) {
        LOG.warn("Softphone unavailable ({}): {}", unavailable.reason(), unavailable.detail());
        return unavailable;
    }
}

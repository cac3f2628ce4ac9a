package org.pult.app.softphone;

import java.nio.file.Path;
import java.util.Optional;
import org.pult.app.i18n.UserMessage;
import org.pult.softphone.NativeLibraryLoader;
import org.pult.softphone.SoftphoneAvailability;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.linphone.LinphoneSoftphone;
import org.pult.softphone.linphone.SoftphoneStartException;

/** The real engine: libpultphone over liblinphone. */
public final class LinphonePhoneEngine implements PhoneEngine {

    private final NativeLibraryLoader loader;
    private final Path workDirectory;

    public LinphonePhoneEngine(NativeLibraryLoader loader, Path workDirectory) {
        this.loader = loader;
        this.workDirectory = workDirectory;
    }

    @Override
    public Started start(SoftphoneConfig config) throws PhoneUnavailableException {
        Optional<SoftphoneAvailability.Unavailable> missing = loader.ensureLoaded();
        if (missing.isPresent()) {
            throw new PhoneUnavailableException(describe(missing.get().reason()), missing.get().detail());
        }
        try {
            // The same loader: it remembers its outcome, so the library is loaded (and logged) once.
            LinphoneSoftphone engine = LinphoneSoftphone.start(config, loader);
            return new Started(engine, engine.engineVersion());
        } catch (SoftphoneStartException | UnsatisfiedLinkError failed) {
            SoftphoneAvailability.Reason reason = failed instanceof UnsatisfiedLinkError
                    ? SoftphoneAvailability.Reason.LIBRARY_LOAD_FAILED
                    : SoftphoneAvailability.Reason.ENGINE_START_FAILED;
            throw new PhoneUnavailableException(describe(reason), String.valueOf(failed.getMessage()));
        }
    }

    static UserMessage describe(SoftphoneAvailability.Reason reason) {
        return UserMessage.of("softphone.status.unavailable." + reason.name(), reason.installHint());
    }

    @Override
    public boolean hasSoundCard() {
        return SoundCards.present();
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }
}

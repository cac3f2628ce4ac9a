package org.pult.softphone;

import java.util.Objects;

/**
 * Whether this machine can run the softphone engine. The app shows {@link Unavailable} in the
 * softphone area instead of failing: chat and e-mail stay usable without voice.
 */
public sealed interface SoftphoneAvailability {

    record Available(String engineVersion) implements SoftphoneAvailability {
        public Available {
            Objects.requireNonNull(engineVersion, "engineVersion");
        }
    }

    /**
     * @param detail English, for logs and tooltips; the app localizes by {@link Reason}
     */
    record Unavailable(Reason reason, String detail) implements SoftphoneAvailability {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Reason {
        /** libpultphone.so itself is missing: a broken installation or an unbuilt checkout. */
        LIBRARY_NOT_FOUND("reinstall Pult (libpultphone.so is part of the package); in a source checkout "
                + "build it with: apt-get install cmake liblinphone-dev && ./mvnw -pl softphone-native install"),
        /** libpultphone.so is there but the dynamic linker refused it, usually for a missing liblinphone. */
        LIBRARY_LOAD_FAILED("install liblinphone: apt-get install liblinphone10 "
                + "(it brings libmediastreamer12, libortp16, libbctoolbox1 and libbellesip1); "
                + "if it is installed, libpultphone.so is damaged or built for another system: reinstall Pult"),
        /** The library loaded but a liblinphone core would not start. */
        ENGINE_START_FAILED("check that the Pult data folder is writable and see the log for the engine's own messages");

        private final String installHint;

        Reason(String installHint) {
            this.installHint = installHint;
        }

        public String installHint() {
            return installHint;
        }
    }
}

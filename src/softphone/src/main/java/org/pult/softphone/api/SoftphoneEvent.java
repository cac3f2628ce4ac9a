package org.pult.softphone.api;

import java.util.Objects;

/**
 * Something the engine reports. Immutable; {@code engineNanos} is {@link System#nanoTime()}'s clock
 * read on the engine thread when the engine saw it, so latency from the wire to the app can be measured.
 */
public sealed interface SoftphoneEvent {

    long engineNanos();

    record RegistrationChanged(long engineNanos, RegistrationState state, String reason) implements SoftphoneEvent {
        public RegistrationChanged {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param remoteUri         the other party's SIP address
     * @param remoteDisplayName the name the other party sent, or empty
     * @param reason            why a call ended or failed (e.g. "Busy Here"), otherwise empty
     */
    record CallStateChanged(long engineNanos, CallId call, CallState state, CallDirection direction, String remoteUri,
            String remoteDisplayName, String reason) implements SoftphoneEvent {
        public CallStateChanged {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(remoteUri, "remoteUri");
            Objects.requireNonNull(remoteDisplayName, "remoteDisplayName");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record DtmfReceived(long engineNanos, CallId call, char digit) implements SoftphoneEvent {
    }

    record QualityMeasured(long engineNanos, CallId call, CallQuality quality) implements SoftphoneEvent {
    }

    /** @param authenticationToken the ZRTP short authentication string to read aloud, or empty */
    record EncryptionChanged(long engineNanos, CallId call, MediaEncryption encryption, String authenticationToken)
            implements SoftphoneEvent {
    }

    /** A transfer we asked for progressed; {@code state} is the transferred leg's state at the far end. */
    record TransferProgress(long engineNanos, CallId call, CallState state) implements SoftphoneEvent {
    }
}

package org.pult.softphone.linphone;

/**
 * Engine settings that are not part of the engine-neutral {@code SoftphoneConfig}: how DTMF is
 * sent, how registration is kept alive, and whether liblinphone's echo canceller runs.
 *
 * @param dtmfBySipInfo             send DTMF as SIP INFO instead of RFC 4733 telephone events
 *                                  (for peers that drop RTP events)
 * @param registrationExpirySeconds Expires asked of the registrar; liblinphone refreshes before it runs out
 * @param registrationRetrySeconds  wait after a failed REGISTER before liblinphone tries again
 *                                  (liblinphone's own default is 60 s, too long to notice a restarted registrar)
 * @param echoCancellation          run the (Speex) echo canceller on sound devices; on by default. Off for
 *                                  headsets that have no acoustic echo, and in tests whose "microphone" is a
 *                                  pure tone (the canceller then distorts it). Never on in file mode
 */
public record LinphoneTuning(boolean dtmfBySipInfo, int registrationExpirySeconds, int registrationRetrySeconds,
        boolean echoCancellation) {

    /** "info" selects SIP INFO, anything else RFC 4733. */
    public static final String DTMF_PROPERTY = "pult.softphone.dtmf";
    public static final String REGISTRATION_EXPIRY_PROPERTY = "pult.softphone.registrationExpirySeconds";
    public static final String REGISTRATION_RETRY_PROPERTY = "pult.softphone.registrationRetrySeconds";
    /** "false" turns the echo canceller off. */
    public static final String ECHO_CANCELLATION_PROPERTY = "pult.softphone.echoCancellation";

    public static final LinphoneTuning DEFAULTS = new LinphoneTuning(false, 60, 3, true);

    public LinphoneTuning {
        if (registrationExpirySeconds < 1) {
            throw new IllegalArgumentException("registrationExpirySeconds must be positive: " + registrationExpirySeconds);
        }
        if (registrationRetrySeconds < 1) {
            throw new IllegalArgumentException("registrationRetrySeconds must be positive: " + registrationRetrySeconds);
        }
    }

    /** {@link #DEFAULTS}, overridden by the system properties named above where they are set. */
    public static LinphoneTuning fromSystemProperties() {
        return new LinphoneTuning("info".equalsIgnoreCase(System.getProperty(DTMF_PROPERTY, "")),
                Integer.getInteger(REGISTRATION_EXPIRY_PROPERTY, DEFAULTS.registrationExpirySeconds),
                Integer.getInteger(REGISTRATION_RETRY_PROPERTY, DEFAULTS.registrationRetrySeconds),
                !"false".equalsIgnoreCase(System.getProperty(ECHO_CANCELLATION_PROPERTY, "")));
    }

    public LinphoneTuning withDtmfBySipInfo(boolean enabled) {
        return new LinphoneTuning(enabled, registrationExpirySeconds, registrationRetrySeconds, echoCancellation);
    }

    public LinphoneTuning withRegistration(int expirySeconds, int retrySeconds) {
        return new LinphoneTuning(dtmfBySipInfo, expirySeconds, retrySeconds, echoCancellation);
    }

    public LinphoneTuning withEchoCancellation(boolean enabled) {
        return new LinphoneTuning(dtmfBySipInfo, registrationExpirySeconds, registrationRetrySeconds, enabled);
    }
}

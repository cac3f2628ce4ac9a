package org.pult.softphone.linphone;

import static org.pult.softphone.linphone.EngineProtocol.*;

import java.nio.file.Path;
import org.pult.softphone.api.MediaEncryption;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;

/** Lays a {@link SoftphoneConfig} and {@link LinphoneTuning} out as the arrays {@code NativeEngine.create} takes. */
final class EngineSettings {

    private EngineSettings() {
    }

    static long[] numbers(SoftphoneConfig config, LinphoneTuning tuning) {
        long[] numbers = new long[SETTING_COUNT];
        numbers[SETTING_USE_FILES] = config.audio() instanceof SoftphoneConfig.Audio.Files ? 1 : 0;
        numbers[SETTING_ICE] = config.nat().ice() ? 1 : 0;
        numbers[SETTING_TURN] = config.nat().turn() ? 1 : 0;
        numbers[SETTING_ENCRYPTION] = encryption(config.encryption());
        numbers[SETTING_ENCRYPTION_MANDATORY] = config.encryptionMandatory() ? 1 : 0;
        numbers[SETTING_AUTO_ANSWER] = config.autoAnswer() ? 1 : 0;
        numbers[SETTING_DTMF_SIP_INFO] = tuning.dtmfBySipInfo() ? 1 : 0;
        numbers[SETTING_REGISTRATION_EXPIRY] = tuning.registrationExpirySeconds();
        numbers[SETTING_REGISTRATION_RETRY] = tuning.registrationRetrySeconds();
        numbers[SETTING_ECHO_CANCELLATION] = tuning.echoCancellation() ? 1 : 0;
        return numbers;
    }

    /** @param ringTone the ring file to play (the config's, or the engine's own); null for none */
    static byte[][] texts(SoftphoneConfig config, Path ringTone) {
        byte[][] texts = new byte[TEXT_COUNT][];
        texts[TEXT_WORK_DIR] = NativeText.path(config.workDirectory());
        texts[TEXT_BIND_ADDRESS] = NativeText.utf8(config.bindAddress());
        if (config.audio() instanceof SoftphoneConfig.Audio.Files files) {
            texts[TEXT_PLAY_FILE] = NativeText.path(files.play());
            texts[TEXT_RECORD_FILE] = NativeText.path(files.record());
        }
        texts[TEXT_CODECS] = NativeText.utf8(String.join(",", config.codecs()));
        texts[TEXT_STUN_SERVER] = NativeText.utf8(config.nat().stunServer());
        texts[TEXT_TURN_USER] = NativeText.utf8(config.nat().turnUser());
        texts[TEXT_TURN_PASSWORD] = NativeText.utf8(config.nat().turnPassword());
        texts[TEXT_HOLD_MUSIC] = NativeText.path(config.holdMusic()); // null: silence on hold
        texts[TEXT_RING_TONE] = NativeText.path(ringTone);
        return texts;
    }

    static int encryption(MediaEncryption encryption) {
        return switch (encryption) {
            case NONE -> ENCRYPTION_NONE;
            case SRTP -> ENCRYPTION_SRTP;
            case ZRTP -> ENCRYPTION_ZRTP;
            case DTLS -> ENCRYPTION_DTLS;
        };
    }

    static int transport(SipTransport transport) {
        return switch (transport) {
            case UDP -> TRANSPORT_UDP;
            case TCP -> TRANSPORT_TCP;
            case TLS -> TRANSPORT_TLS;
        };
    }
}

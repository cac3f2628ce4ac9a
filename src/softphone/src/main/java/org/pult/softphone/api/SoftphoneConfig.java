package org.pult.softphone.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start an engine. Build one with {@link #defaults(Path)} and the {@code with...} methods.
 *
 * @param workDirectory   writable folder for the engine's config, database and plugins
 * @param bindAddress     local address SIP and RTP bind to ("0.0.0.0" for all, "127.0.0.1" in tests)
 * @param audio           sound card, or files when there is none (tests, CI)
 * @param codecs          audio codecs in order of preference, by MIME name ("PCMA", "opus", "G722", "PCMU")
 * @param nat             STUN/TURN/ICE settings
 * @param encryption      media encryption offered on outgoing calls
 * @param encryptionMandatory refuse calls that cannot be encrypted
 * @param autoAnswer      answer incoming calls at once (outbound campaigns)
 * @param holdMusic       what a party on hold hears: a WAV file (16-bit PCM), played in a loop; null for silence.
 *                        Never the operator's microphone, also not in {@link Audio.Files} mode (where
 *                        liblinphone 5.1 would otherwise send the play file)
 * @param ringTone        what the ringer device plays while an incoming call rings: a WAV file (16-bit PCM),
 *                        repeated with a pause; null for the engine's own ring. Not played in
 *                        {@link Audio.Files} mode (no sound card)
 */
public record SoftphoneConfig(Path workDirectory, String bindAddress, Audio audio, List<String> codecs, Nat nat,
        MediaEncryption encryption, boolean encryptionMandatory, boolean autoAnswer, Path holdMusic, Path ringTone) {

    /** A-law first for Russian trunks, then wideband. */
    public static final List<String> DEFAULT_CODECS = List.of("PCMA", "opus", "G722", "PCMU");

    public SoftphoneConfig {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(audio, "audio");
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(nat, "nat");
        Objects.requireNonNull(encryption, "encryption");
    }

    public static SoftphoneConfig defaults(Path workDirectory) {
        return new SoftphoneConfig(workDirectory, "0.0.0.0", new Audio.Devices(), DEFAULT_CODECS, Nat.NONE,
                MediaEncryption.SRTP, false, false, null, null);
    }

    public SoftphoneConfig withBindAddress(String address) {
        return new SoftphoneConfig(workDirectory, address, audio, codecs, nat, encryption, encryptionMandatory,
                autoAnswer, holdMusic, ringTone);
    }

    public SoftphoneConfig withAudio(Audio newAudio) {
        return new SoftphoneConfig(workDirectory, bindAddress, newAudio, codecs, nat, encryption,
                encryptionMandatory, autoAnswer, holdMusic, ringTone);
    }

    public SoftphoneConfig withCodecs(List<String> newCodecs) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, newCodecs, nat, encryption,
                encryptionMandatory, autoAnswer, holdMusic, ringTone);
    }

    public SoftphoneConfig withNat(Nat newNat) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, codecs, newNat, encryption,
                encryptionMandatory, autoAnswer, holdMusic, ringTone);
    }

    public SoftphoneConfig withEncryption(MediaEncryption newEncryption, boolean mandatory) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, codecs, nat, newEncryption, mandatory,
                autoAnswer, holdMusic, ringTone);
    }

    public SoftphoneConfig withAutoAnswer(boolean enabled) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, codecs, nat, encryption,
                encryptionMandatory, enabled, holdMusic, ringTone);
    }

    /** @param file a WAV file played in a loop to held parties, or null for silence */
    public SoftphoneConfig withHoldMusic(Path file) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, codecs, nat, encryption, encryptionMandatory,
                autoAnswer, file, ringTone);
    }

    /**
     * @param file a WAV file (16-bit PCM) played in a loop on the ringer device while a call rings, or
     *             null for the engine's own ring tone
     */
    public SoftphoneConfig withRingTone(Path file) {
        return new SoftphoneConfig(workDirectory, bindAddress, audio, codecs, nat, encryption, encryptionMandatory,
                autoAnswer, holdMusic, file);
    }

    /** Where sound comes from and goes to. */
    public sealed interface Audio {
        /** The machine's sound devices (the engine picks defaults until the operator chooses). */
        record Devices() implements Audio {
        }

        /**
         * No sound card: the engine plays {@code play} (a WAV) as its microphone and writes what it
         * hears to {@code record} (a WAV), replaced per call.
         */
        record Files(Path play, Path record) implements Audio {
            public Files {
                Objects.requireNonNull(play, "play");
                Objects.requireNonNull(record, "record");
            }
        }
    }

    /**
     * @param stunServer host[:port] or empty
     * @param turnUser   empty when TURN is not used
     */
    public record Nat(String stunServer, boolean ice, boolean turn, String turnUser, String turnPassword) {
        public static final Nat NONE = new Nat("", false, false, "", "");

        public Nat {
            Objects.requireNonNull(stunServer, "stunServer");
            Objects.requireNonNull(turnUser, "turnUser");
            Objects.requireNonNull(turnPassword, "turnPassword");
        }

        @Override
        public String toString() {
            return "Nat[stunServer=" + stunServer + ", ice=" + ice + ", turn=" + turn + ", turnUser=" + turnUser
                    + ", turnPassword=" + (turnPassword.isEmpty() ? "<none>" : "<hidden>") + "]";
        }
    }
}

package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's PulseAudio: devices as asked, a WAV played into a sink or a source's feed comes out of a recording. */
class PulseAudioLabTest {

    @TempDir
    Path temp;

    @Test
    void playsIntoSinksAndSourcesRecordsMonitorsAndStopsByPid() {
        Path socket = temp.resolve("pulse/native");
        PulseAudioLab lab = PulseAudioLab.builder().socket(socket).sink("headset", "Headset")
                .sink("speakers", "Front Speakers").source("mic", "Desk Mic").start();
        ProcessHandle daemon = ProcessHandle.of(lab.pid().orElseThrow()).orElseThrow();
        try {
            assertThat(lab.server()).isEqualTo("unix:" + socket.toAbsolutePath());
            CommandResult sinks = lab.pactl("list", "short", "sinks");
            assertThat(sinks.succeeded()).as(sinks.describe()).isTrue();
            assertThat(sinks.output()).contains("headset", "speakers", "mic_feed");
            assertThat(lab.pactl("list", "sources").output()).contains("Description: Desk Mic");
            assertThat(lab.pactl("list", "sinks").output()).contains("Description: Front Speakers");

            Path tone = Tones.writeSine(temp.resolve("a.wav"), Tones.A, Duration.ofSeconds(1), PulseAudioLab.SAMPLE_RATE);
            try (PulseAudioLab.Playback playback = lab.play("headset", tone)) {
                PcmAudio heard = lab.record("headset", Duration.ofSeconds(3), temp.resolve("headset.wav"));
                PcmAudio quiet = lab.record("speakers", Duration.ofSeconds(1), temp.resolve("speakers.wav"));
                // A 1 s file looped: the tone goes on across the file's end.
                assertThat(Tones.timeline(heard, Tones.A).presence(Tones.A)).as(Tones.timeline(heard, Tones.A).describe())
                        .isGreaterThan(0.8);
                assertThat(Tones.timeline(quiet, Tones.A).presence(Tones.A)).isZero();
                assertThat(playback.lastFailure()).isEmpty();
            }
            assertThatThrownBy(() -> lab.record("mic", temp.resolve("x.wav"))).isInstanceOf(IllegalArgumentException.class);
        } finally {
            lab.close();
        }
        assertThat(daemon.isAlive()).isFalse();
        assertThat(Files.exists(socket)).as("the daemon removes its socket").isFalse();
    }

    @Test
    void refusesASocketPathTooLongForAUnixSocket() {
        Path deep = temp.resolve("x".repeat(60)).resolve("y".repeat(60)).resolve("native");
        assertThatThrownBy(() -> PulseAudioLab.builder().socket(deep).sink("s", "S").start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("108");
    }

    @Test
    void refusesDescriptionsPulseAudioCannotQuote() {
        // A description with a quote is refused before the daemon could trip over it.
        assertThatThrownBy(() -> PulseAudioLab.builder().sink("s", "Bad \"name\""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

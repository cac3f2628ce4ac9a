package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder still writing: header zeros, data growing in real time. */
class GrowingWavTest {

    @TempDir
    Path folder;

    @Test
    void measuresTheRateFromGrowthWhileTheHeaderIsZeros() throws IOException {
        Path file = folder.resolve("growing.wav");
        Files.write(file, new byte[44]);
        append(file, Tones.sine(Tones.A, Duration.ofMillis(500), 16000));
        GrowingWav watched = GrowingWav.watch(file);

        for (int i = 0; i < 8; i++) {
            sleep(100);
            append(file, Tones.sine(Tones.C, Duration.ofMillis(100), 16000));
        }
        PcmAudio appended = watched.appended();

        assertThat(appended.sampleRate()).isEqualTo(16000);
        assertThat(appended.sampleCount()).isEqualTo(8 * 1600);
        ToneTimeline timeline = Tones.timeline(appended, Tones.STANDARD);
        assertThat(timeline.presence(Tones.C)).as(timeline.describe()).isGreaterThan(0.9);
        assertThat(timeline.presence(Tones.A)).isZero();
    }

    @Test
    void usesTheHeaderOnceItIsWritten() throws IOException {
        Path file = folder.resolve("done.wav");
        GrowingWav watched = GrowingWav.watch(file);
        WavFile.write(file, Tones.sine(Tones.B, Duration.ofSeconds(1), 48000));

        PcmAudio appended = watched.appended();

        assertThat(appended.sampleRate()).isEqualTo(48000);
        assertThat(appended.sampleCount()).isEqualTo(48000);
    }

    @Test
    void aReplacedShorterFileCountsFromItsStart() throws IOException {
        Path file = folder.resolve("replaced.wav");
        WavFile.write(file, Tones.sine(Tones.A, Duration.ofSeconds(2), 8000));
        GrowingWav watched = GrowingWav.watch(file);
        WavFile.write(file, Tones.sine(Tones.D, Duration.ofSeconds(1), 8000));

        PcmAudio appended = watched.appended();

        assertThat(appended.sampleCount()).isEqualTo(8000);
        assertThat(Tones.contains(appended, Tones.D)).isTrue();
    }

    @Test
    void countsWhatWasAppendedAfterAHeaderWrittenAtAPause() throws IOException {
        Path file = folder.resolve("paused.wav");
        WavFile.write(file, Tones.sine(Tones.A, Duration.ofSeconds(1), 8000));
        GrowingWav watched = GrowingWav.watch(file);
        append(file, Tones.sine(Tones.B, Duration.ofSeconds(1), 8000));

        PcmAudio appended = watched.appended();

        assertThat(appended.sampleCount()).isEqualTo(8000);
        assertThat(Tones.contains(appended, Tones.B)).isTrue();
        assertThat(Tones.contains(appended, Tones.A)).isFalse();
    }

    @Test
    void aMissingFileHasAppendedNothing() {
        assertThat(GrowingWav.watch(folder.resolve("never.wav")).appended().sampleCount()).isZero();
    }

    @Test
    void readUnfinishedTakesTheDataAfterAZeroHeader() throws IOException {
        Path file = folder.resolve("zeros.wav");
        Files.write(file, new byte[44]);
        append(file, Tones.sine(Tones.B, Duration.ofSeconds(1), 8000));

        PcmAudio audio = WavFile.readUnfinished(file, 8000);

        assertThat(audio.sampleCount()).isEqualTo(8000);
        assertThat(Tones.contains(audio, Tones.B)).isTrue();
    }

    @Test
    void snapsToUsualRates() {
        assertThat(GrowingWav.snap(7400)).isEqualTo(8000);
        assertThat(GrowingWav.snap(15000)).isEqualTo(16000);
        assertThat(GrowingWav.snap(46000)).isEqualTo(48000);
    }

    private static void append(Path file, PcmAudio audio) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(audio.sampleCount() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : audio.samples()) {
            bytes.putShort(s);
        }
        Files.write(file, bytes.array(), StandardOpenOption.APPEND);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

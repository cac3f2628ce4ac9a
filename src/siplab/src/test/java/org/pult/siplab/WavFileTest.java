package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFileTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(ints = {8000, 16000, 48000})
    void writtenToneReadsBackIdentically(int rate) {
        Path wav = Tones.writeSine(folder.resolve("tone-" + rate + ".wav"), Tones.B, Duration.ofMillis(1500), rate);

        PcmAudio audio = WavFile.read(wav);

        assertThat(audio).isEqualTo(Tones.sine(Tones.B, Duration.ofMillis(1500), rate));
        assertThat(audio.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(Tones.contains(wav, Tones.B)).isTrue();
        assertThat(Tones.contains(wav, Tones.C)).isFalse();
    }

    @Test
    void headerIsTheStandard44Bytes() throws IOException {
        Path wav = Tones.writeSine(folder.resolve("h.wav"), Tones.A, Duration.ofSeconds(1), 8000);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(Files.size(wav)).isEqualTo(44 + 16000);
        assertThat(header.getInt(4)).isEqualTo(36 + 16000);
        assertThat(header.getShort(20)).isEqualTo((short) 1);
        assertThat(header.getShort(22)).isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(8000);
        assertThat(header.getShort(34)).isEqualTo((short) 16);
        assertThat(header.getInt(40)).isEqualTo(16000);
    }

    @Test
    void readsAnUnfinishedRecordingWhoseSizesAreZero() throws IOException {
        Path wav = Tones.writeSine(folder.resolve("open.wav"), Tones.C, Duration.ofSeconds(1), 16000);
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0).putInt(40, 0);
        Files.write(wav, bytes);

        PcmAudio audio = WavFile.read(wav);

        assertThat(audio.sampleCount()).isEqualTo(16000);
        assertThat(Tones.contains(audio, Tones.C)).isTrue();
    }

    @Test
    void readsAHeaderThatPromisesMoreThanWasWrittenAndAnOddTrailingByte() throws IOException {
        Path wav = Tones.writeSine(folder.resolve("short.wav"), Tones.A, Duration.ofSeconds(1), 8000);
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1001);
        Files.write(wav, truncated);

        assertThat(WavFile.read(wav).sampleCount()).isEqualTo((truncated.length - 44) / 2);
    }

    @Test
    void readsAnEmptyRecordingAsNoSamples() throws IOException {
        Path wav = folder.resolve("empty.wav");
        WavFile.write(wav, new PcmAudio(8000, new short[0]));

        assertThat(WavFile.read(wav).sampleCount()).isZero();
        assertThat(Tones.timeline(wav, Tones.A).describe()).isEqualTo("(no audio)");
    }

    @Test
    void skipsUnknownChunksAndMixesStereoDown() throws IOException {
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + 4 + 24 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        out.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(8000).putInt(32000)
                .putShort((short) 4).putShort((short) 16);
        out.put("data".getBytes()).putInt(8).putShort((short) 100).putShort((short) 300).putShort((short) -10)
                .putShort((short) -30);
        Path wav = folder.resolve("stereo.wav");
        Files.write(wav, out.array());

        assertThat(WavFile.read(wav).samples()).containsExactly((short) 200, (short) -20);
    }

    @Test
    void refusesWhatIsNotPcmWave() throws IOException {
        Path text = folder.resolve("not.wav");
        Files.writeString(text, "hello, this is not audio");

        assertThatIllegalArgumentException().isThrownBy(() -> WavFile.read(text)).withMessageContaining("RIFF");
    }
}

package org.pult.siplab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Test tones: WAVs of a sine to play into a call, and detection of tones in what was recorded.
 * The standard frequencies survive G.711 and Opus and are far enough apart to tell apart in 100 ms.
 */
public final class Tones {

    public static final double A = 440;
    public static final double B = 700;
    public static final double C = 1100;
    public static final double D = 1500;
    /** All standard tones; analyze with all of them to see who is heard. */
    public static final double[] STANDARD = {A, B, C, D};

    /** -10 dBFS: loud enough to be clear, with headroom for a conference mixing two of them. */
    public static final double DEFAULT_AMPLITUDE = 0.3;

    private Tones() {
    }

    /** A sine at {@link #DEFAULT_AMPLITUDE}. */
    public static PcmAudio sine(double hz, Duration duration, int sampleRate) {
        return sine(hz, duration, sampleRate, DEFAULT_AMPLITUDE);
    }

    public static PcmAudio sine(double hz, Duration duration, int sampleRate, double amplitude) {
        int count = (int) (duration.toNanos() * sampleRate / 1_000_000_000L);
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / sampleRate));
        }
        return new PcmAudio(sampleRate, samples);
    }

    public static PcmAudio silence(Duration duration, int sampleRate) {
        return new PcmAudio(sampleRate, new short[(int) (duration.toNanos() * sampleRate / 1_000_000_000L)]);
    }

    /** Uniform white noise at {@code amplitude} (peak) of full scale, reproducible from {@code seed}. */
    public static PcmAudio noise(Duration duration, int sampleRate, double amplitude, long seed) {
        Random random = new Random(seed);
        short[] samples = new short[(int) (duration.toNanos() * sampleRate / 1_000_000_000L)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round((random.nextDouble() * 2 - 1) * amplitude * 32767);
        }
        return new PcmAudio(sampleRate, samples);
    }

    /** Sample-wise sum, clipped; the result has the length of the longer one. Same rate required. */
    public static PcmAudio mix(PcmAudio first, PcmAudio second) {
        if (first.sampleRate() != second.sampleRate()) {
            throw new IllegalArgumentException("sample rates differ: " + first.sampleRate() + " and " + second.sampleRate());
        }
        short[] out = new short[Math.max(first.sampleCount(), second.sampleCount())];
        for (int i = 0; i < out.length; i++) {
            int sum = (i < first.sampleCount() ? first.samples()[i] : 0) + (i < second.sampleCount() ? second.samples()[i] : 0);
            out[i] = (short) Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return new PcmAudio(first.sampleRate(), out);
    }

    /** One after the other. Same rate required. */
    public static PcmAudio concat(PcmAudio... parts) {
        int total = 0;
        for (PcmAudio part : parts) {
            if (part.sampleRate() != parts[0].sampleRate()) {
                throw new IllegalArgumentException("sample rates differ");
            }
            total += part.sampleCount();
        }
        short[] out = new short[total];
        int at = 0;
        for (PcmAudio part : parts) {
            System.arraycopy(part.samples(), 0, out, at, part.sampleCount());
            at += part.sampleCount();
        }
        return new PcmAudio(parts[0].sampleRate(), out);
    }

    /** Writes a 16-bit mono WAV with a sine at {@link #DEFAULT_AMPLITUDE}. */
    public static Path writeSine(Path wav, double hz, Duration duration, int sampleRate) {
        WavFile.write(wav, sine(hz, duration, sampleRate));
        return wav;
    }

    /** Which of {@code frequencies} sound in each 100 ms window of {@code wav}. */
    public static ToneTimeline timeline(Path wav, double... frequencies) {
        return ToneDetector.DEFAULT.analyze(WavFile.read(wav), frequencies);
    }

    public static ToneTimeline timeline(PcmAudio audio, double... frequencies) {
        return ToneDetector.DEFAULT.analyze(audio, frequencies);
    }

    /** True when {@code hz} is present in at least 30 % of the 100 ms windows (and at least 3 of them). */
    public static boolean contains(Path wav, double hz) {
        return contains(WavFile.read(wav), hz);
    }

    public static boolean contains(PcmAudio audio, double hz) {
        ToneTimeline timeline = timeline(audio, hz);
        return timeline.windows().size() >= 3 && timeline.presence(hz) >= 0.3;
    }

    /** Per 100 ms window, the share of the window's energy at {@code hz} (1.0 for a pure tone). */
    public static double[] shares(PcmAudio audio, double hz) {
        return timeline(audio, hz).windows().stream().mapToDouble(w -> w.shares()[0]).toArray();
    }
}

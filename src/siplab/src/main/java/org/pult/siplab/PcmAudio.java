package org.pult.siplab;

import java.time.Duration;
import java.util.Arrays;

/** Mono 16-bit PCM samples and their rate. */
public record PcmAudio(int sampleRate, short[] samples) {

    public PcmAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / sampleRate);
    }

    public int sampleCount() {
        return samples.length;
    }

    /** Samples from {@code from} (inclusive) to {@code to} (exclusive), clamped to what exists. */
    public PcmAudio slice(int from, int to) {
        int start = Math.clamp(from, 0, samples.length);
        int end = Math.clamp(to, start, samples.length);
        return new PcmAudio(sampleRate, Arrays.copyOfRange(samples, start, end));
    }

    /** From {@code from} to the end. */
    public PcmAudio from(int from) {
        return slice(from, samples.length);
    }

    /** The stretch between two times from the start. */
    public PcmAudio between(Duration from, Duration to) {
        return slice(sampleAt(from), sampleAt(to));
    }

    public int sampleAt(Duration time) {
        return (int) Math.min(Integer.MAX_VALUE, time.toNanos() * sampleRate / 1_000_000_000L);
    }

    /** Root mean square level, 0 to 1 of full scale. */
    public double rms() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length) / 32768.0;
    }

    @Override
    public String toString() {
        return "PcmAudio[" + sampleRate + " Hz, " + samples.length + " samples, " + duration().toMillis() + " ms]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PcmAudio that && sampleRate == that.sampleRate && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.hashCode(samples);
    }
}

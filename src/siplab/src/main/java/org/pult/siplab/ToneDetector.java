package org.pult.siplab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which of a set of tones sound in each window of a recording. A tone counts as present in a
 * window when it carries at least {@link #minShare} of the window's energy (1.0 for a pure tone,
 * about 0.5 each for two equal tones, near 0 for noise) and its own amplitude is at least
 * {@link #minAmplitude} of full scale (so near-silence with a faint hum is not a tone).
 *
 * @param window       window length, e.g. 100 ms
 * @param minShare     minimum share of the window's energy, 0..1
 * @param minAmplitude minimum amplitude of the tone, fraction of full scale
 */
public record ToneDetector(Duration window, double minShare, double minAmplitude) {

    /** 100 ms windows; a tone needs 10 % of the energy and -50 dBFS. */
    public static final ToneDetector DEFAULT = new ToneDetector(Duration.ofMillis(100), 0.10, 0.003);

    public ToneDetector {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    public ToneDetector withWindow(Duration newWindow) {
        return new ToneDetector(newWindow, minShare, minAmplitude);
    }

    public ToneTimeline analyze(PcmAudio audio, double... frequencies) {
        int length = (int) Math.max(16, window.toNanos() * audio.sampleRate() / 1_000_000_000L);
        double[] hann = Goertzel.hann(length);
        double windowEnergy = 0;
        double windowSum = 0;
        for (double w : hann) {
            windowEnergy += w * w;
            windowSum += w;
        }
        short[] samples = audio.samples();
        List<ToneTimeline.Window> windows = new ArrayList<>();
        for (int start = 0; start + length <= samples.length; start += length) {
            double energy = 0;
            for (int i = 0; i < length; i++) {
                double x = samples[start + i] / 32768.0 * hann[i];
                energy += x * x;
            }
            double[] shares = new double[frequencies.length];
            double[] amplitudes = new double[frequencies.length];
            boolean[] present = new boolean[frequencies.length];
            for (int f = 0; f < frequencies.length; f++) {
                double power = Goertzel.power(samples, start, length, hann, frequencies[f], audio.sampleRate());
                // A sine of amplitude A gives |X| = A * sum(w) / 2 and energy A² * sum(w²) / 2.
                amplitudes[f] = 2 * Math.sqrt(power) / windowSum;
                shares[f] = energy > 0 ? power * 2 * windowEnergy / (windowSum * windowSum) / energy : 0;
                present[f] = shares[f] >= minShare && amplitudes[f] >= minAmplitude;
            }
            Duration from = Duration.ofNanos(start * 1_000_000_000L / audio.sampleRate());
            windows.add(new ToneTimeline.Window(from, shares, amplitudes, present));
        }
        return new ToneTimeline(window, frequencies.clone(), windows);
    }
}

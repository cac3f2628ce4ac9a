package org.pult.siplab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which tones sound in each window of a recording, from {@link ToneDetector}. Lets a test say
 * "440 Hz present in 0-3 s, absent in 3-5 s, present again" and print what it saw when not.
 */
public final class ToneTimeline {

    /**
     * @param start      offset of the window from the start of the recording
     * @param shares     per frequency, share of the window's energy (1.0 = pure tone)
     * @param amplitudes per frequency, amplitude as a fraction of full scale
     * @param present    per frequency, whether the detector counts it as sounding
     */
    public record Window(Duration start, double[] shares, double[] amplitudes, boolean[] present) {
        public boolean anyPresent() {
            for (boolean p : present) {
                if (p) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A stretch of consecutive windows with the same set of tones present. */
    public record Run(Duration start, Duration end, List<Double> tones) {
        public Duration length() {
            return end.minus(start);
        }
    }

    private final Duration windowLength;
    private final double[] frequencies;
    private final List<Window> windows;

    ToneTimeline(Duration windowLength, double[] frequencies, List<Window> windows) {
        this.windowLength = windowLength;
        this.frequencies = frequencies;
        this.windows = List.copyOf(windows);
    }

    public List<Window> windows() {
        return windows;
    }

    public Duration windowLength() {
        return windowLength;
    }

    /** Length covered by whole windows. */
    public Duration duration() {
        return windowLength.multipliedBy(windows.size());
    }

    /** Fraction (0..1) of all windows in which {@code hz} is present; 0 when there are no windows. */
    public double presence(double hz) {
        return presence(hz, Duration.ZERO, duration());
    }

    /** Fraction (0..1) of the windows starting in [from, to) in which {@code hz} is present. */
    public double presence(double hz, Duration from, Duration to) {
        int index = indexOf(hz);
        int total = 0;
        int present = 0;
        for (Window window : windows) {
            if (window.start().compareTo(from) >= 0 && window.start().compareTo(to) < 0) {
                total++;
                if (window.present()[index]) {
                    present++;
                }
            }
        }
        return total == 0 ? 0 : (double) present / total;
    }

    /** Fraction (0..1) of windows in which none of the tones is present. */
    public double silence() {
        if (windows.isEmpty()) {
            return 0;
        }
        return (double) windows.stream().filter(w -> !w.anyPresent()).count() / windows.size();
    }

    /** The longest stretch in which none of the tones is present. */
    public Duration longestWithoutTones() {
        Duration longest = Duration.ZERO;
        for (Run run : runs()) {
            if (run.tones().isEmpty() && run.length().compareTo(longest) > 0) {
                longest = run.length();
            }
        }
        return longest;
    }

    /** Consecutive windows merged by the set of tones present. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        Duration start = Duration.ZERO;
        List<Double> current = null;
        for (Window window : windows) {
            List<Double> tones = tonesIn(window);
            if (current == null) {
                current = tones;
                start = window.start();
            } else if (!tones.equals(current)) {
                runs.add(new Run(start, window.start(), current));
                current = tones;
                start = window.start();
            }
        }
        if (current != null) {
            runs.add(new Run(start, duration(), current));
        }
        return runs;
    }

    /** E.g. {@code "0.0-3.0 s: 440 Hz; 3.0-5.1 s: -; 5.1-8.0 s: 440 Hz"}, for assertion messages. */
    public String describe() {
        if (windows.isEmpty()) {
            return "(no audio)";
        }
        StringBuilder text = new StringBuilder();
        for (Run run : runs()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(String.format(Locale.ROOT, "%.1f-%.1f s: ", run.start().toMillis() / 1000.0,
                    run.end().toMillis() / 1000.0));
            if (run.tones().isEmpty()) {
                text.append('-');
            } else {
                List<String> names = run.tones().stream().map(hz -> String.format(Locale.ROOT, "%.0f Hz", hz)).toList();
                text.append(String.join(" + ", names));
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private List<Double> tonesIn(Window window) {
        List<Double> tones = new ArrayList<>();
        for (int i = 0; i < frequencies.length; i++) {
            if (window.present()[i]) {
                tones.add(frequencies[i]);
            }
        }
        return tones;
    }

    private int indexOf(double hz) {
        for (int i = 0; i < frequencies.length; i++) {
            if (Math.abs(frequencies[i] - hz) < 1e-6) {
                return i;
            }
        }
        throw new IllegalArgumentException(hz + " Hz was not analyzed; analyzed: " + java.util.Arrays.toString(frequencies));
    }
}

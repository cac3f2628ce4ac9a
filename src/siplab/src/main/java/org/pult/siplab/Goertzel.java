package org.pult.siplab;

/**
 * The Goertzel algorithm: the power of one frequency in a block of samples (a single DFT term,
 * evaluated at the exact frequency rather than the nearest bin).
 */
final class Goertzel {

    private Goertzel() {
    }

    /**
     * |X(f)|² of {@code samples[from..from+length)} each multiplied by {@code window[i]}, with samples as
     * fractions of full scale.
     */
    static double power(short[] samples, int from, int length, double[] window, double hz, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < length; i++) {
            double x = samples[from + i] / 32768.0 * window[i];
            double current = x + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /** A Hann window of {@code length} points. */
    static double[] hann(int length) {
        double[] window = new double[length];
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / Math.max(1, length - 1));
        }
        return window;
    }
}

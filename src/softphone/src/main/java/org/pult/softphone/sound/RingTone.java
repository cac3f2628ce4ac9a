package org.pult.softphone.sound;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Pult's own ring: a soft two-tone trill (1,200 Hz and 1,600 Hz together), two 0.4 s bursts 0.2 s
 * apart, with 10 ms fades so nothing clicks. The engine repeats the file with a 2 s pause
 * (liblinphone's ring loop), so it rings "trill-trill ... trill-trill" every 3 s. Debian ships no
 * liblinphone ring file (its default, from linphone-common, is not installed), so without this an
 * operator with a sound card would hear no ring at all.
 */
public final class RingTone {

    public static final double LOW_HZ = 1200;
    public static final double HIGH_HZ = 1600;
    public static final int SAMPLE_RATE = 16000;
    /** Peak of each of the two tones, as a fraction of full scale (together -8 dBFS at most). */
    static final double AMPLITUDE = 0.2;
    private static final double BURST_SECONDS = 0.4;
    private static final double GAP_SECONDS = 0.2;
    private static final double FADE_SECONDS = 0.01;

    private RingTone() {
    }

    /** The ring's samples, 16-bit mono at {@link #SAMPLE_RATE}: burst, gap, burst (1 s). */
    public static short[] samples() {
        int burst = (int) (BURST_SECONDS * SAMPLE_RATE);
        int gap = (int) (GAP_SECONDS * SAMPLE_RATE);
        int fade = (int) (FADE_SECONDS * SAMPLE_RATE);
        short[] samples = new short[2 * burst + gap];
        for (int start : new int[] {0, burst + gap}) {
            for (int i = 0; i < burst; i++) {
                double envelope = Math.min(1, Math.min(i, burst - 1 - i) / (double) fade);
                double t = (double) i / SAMPLE_RATE;
                double value = AMPLITUDE * (Math.sin(2 * Math.PI * LOW_HZ * t) + Math.sin(2 * Math.PI * HIGH_HZ * t));
                samples[start + i] = (short) Math.round(envelope * value * 32767);
            }
        }
        return samples;
    }

    /** Writes the ring to {@code file} unless it is already there as it should be. */
    public static Path writeIfMissing(Path file) throws IOException {
        return PcmWav.writeIfDifferent(file, SAMPLE_RATE, samples());
    }
}

package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A WAV file an engine is still writing, watched from a moment on: {@link #appended()} gives the
 * samples added since {@link #watch(Path)}. Works while the header is still zeros (the rate is then
 * taken from how fast the file grew, snapped to a usual rate), when the header was written at a
 * pause and data appended after it (mediastreamer2 closes the file when a stream stops and reopens
 * it to append), and when the file was replaced by a shorter one in between (then everything in the
 * new file counts as appended).
 */
public final class GrowingWav {

    /** What VoIP engines record at (no CD rates: 44.1 kHz would capture a 48 kHz estimate a little off). */
    private static final int[] USUAL_RATES = {8000, 16000, 24000, 32000, 48000};
    /** Less growth than this tells nothing about the rate. */
    private static final double MIN_SECONDS_FOR_RATE = 0.5;

    private final Path file;
    private final long markedBytes;
    private final long markedNanos;
    private final int fallbackRate;

    private GrowingWav(Path file, long markedBytes, long markedNanos, int fallbackRate) {
        this.file = file;
        this.markedBytes = markedBytes;
        this.markedNanos = markedNanos;
        this.fallbackRate = fallbackRate;
    }

    /** Starts watching; a file that does not exist yet counts as empty. Rate fallback 8000 Hz. */
    public static GrowingWav watch(Path file) {
        return watch(file, 8000);
    }

    /** @param fallbackRate assumed when there is neither a header nor enough growth to measure */
    public static GrowingWav watch(Path file, int fallbackRate) {
        return new GrowingWav(file, size(file), System.nanoTime(), fallbackRate);
    }

    public Path file() {
        return file;
    }

    /** The samples written since {@link #watch(Path)}; empty when nothing was. */
    public PcmAudio appended() {
        byte[] bytes = bytes(file);
        double seconds = (System.nanoTime() - markedNanos) / 1e9;
        boolean replaced = bytes.length < markedBytes;
        WavFile.Layout layout = headerOf(bytes);
        int dataOffset = layout != null ? layout.dataOffset() : WavFile.HEADER_BYTES;
        int frame = layout != null ? 2 * layout.channels() : 2;
        long from = replaced ? dataOffset : Math.max(markedBytes, dataOffset);
        from = Math.min(bytes.length, dataOffset + (from - dataOffset) / frame * frame);
        if (layout != null) {
            // To the end of the file, not the header's data size: a recorder that closed the file (stream
            // stopped on hold) and reopened it to append leaves a header that counts only the first part.
            return WavFile.pcm(bytes, (int) from, bytes.length - (int) from, layout.channels(), layout.sampleRate());
        }
        long grown = bytes.length - from;
        int rate = seconds >= MIN_SECONDS_FOR_RATE && grown > 0 ? snap(grown / 2.0 / seconds) : fallbackRate;
        return WavFile.pcm(bytes, (int) from, (int) grown, 1, rate);
    }

    /** The nearest usual rate, by ratio. */
    static int snap(double measured) {
        int best = USUAL_RATES[0];
        for (int rate : USUAL_RATES) {
            if (Math.abs(Math.log(rate / measured)) < Math.abs(Math.log(best / measured))) {
                best = rate;
            }
        }
        return best;
    }

    /** The header's layout; null while it is not written. */
    private static WavFile.Layout headerOf(byte[] bytes) {
        try {
            return WavFile.layout(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

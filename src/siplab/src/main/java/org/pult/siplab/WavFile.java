package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes RIFF/WAVE files of 16-bit PCM. Reading is lenient about what a recorder still
 * writing (or killed) leaves: a RIFF or data size of 0, 0xFFFFFFFF or beyond the end of the file
 * means "up to the end of the file"; {@link #readUnfinished} also reads a file whose header is
 * still zeros. Stereo is mixed down to mono.
 */
public final class WavFile {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** The standard header length, where data starts when the header is not (yet) written. */
    static final int HEADER_BYTES = 44;

    private WavFile() {
    }

    public static void write(Path file, PcmAudio audio) {
        ByteBuffer buffer = ByteBuffer.allocate(44 + audio.samples().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        int dataBytes = audio.samples().length * 2;
        buffer.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        buffer.put(ascii("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(audio.sampleRate()).putInt(audio.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        buffer.put(ascii("data")).putInt(dataBytes);
        for (short sample : audio.samples()) {
            buffer.putShort(sample);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            Files.write(temp, buffer.array());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static PcmAudio read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a recording that may still be being written: mediastreamer2's recorder leaves the 44-byte
     * header as zeros until it closes the file. Without a RIFF header the rest is taken as 16-bit mono
     * PCM at {@code assumedSampleRate}.
     */
    public static PcmAudio readUnfinished(Path file, int assumedSampleRate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length >= 4 && "RIFF".equals(tag(ByteBuffer.wrap(bytes), 0))) {
            return parse(bytes);
        }
        return raw(bytes, HEADER_BYTES, assumedSampleRate);
    }

    /** 16-bit mono little-endian samples from {@code offset} to the end, whole samples only. */
    static PcmAudio raw(byte[] bytes, int offset, int sampleRate) {
        int start = Math.min(offset, bytes.length);
        return pcm(bytes, start, bytes.length - start, 1, sampleRate);
    }

    /** 16-bit little-endian frames of {@code channels} in {@code bytes[offset, offset+length)}, mixed to mono. */
    static PcmAudio pcm(byte[] bytes, int offset, int length, int channels, int sampleRate) {
        int usable = Math.max(0, Math.min(length, bytes.length - offset));
        return new PcmAudio(sampleRate, samples(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), offset, usable,
                channels));
    }

    /**
     * Where the samples are and what they are.
     *
     * @param dataOffset where the data chunk's samples start
     * @param dataLength how many bytes of samples the file holds (to its end when the header says 0 or too much)
     */
    record Layout(int sampleRate, int channels, int dataOffset, int dataLength) {
    }

    static PcmAudio parse(byte[] bytes) {
        Layout layout = layout(bytes);
        return new PcmAudio(layout.sampleRate(), samples(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN),
                layout.dataOffset(), layout.dataLength(), layout.channels()));
    }

    static Layout layout(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !"RIFF".equals(tag(in, 0)) || !"WAVE".equals(tag(in, 8))) {
            throw new IllegalArgumentException("not a RIFF/WAVE file (" + bytes.length + " bytes)");
        }
        int position = 12;
        int sampleRate = 0;
        int channels = 0;
        boolean formatSeen = false;
        while (position + 8 <= bytes.length) {
            String id = tag(in, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if ("fmt ".equals(id)) {
                if (body + 16 > bytes.length) {
                    throw new IllegalArgumentException("truncated fmt chunk");
                }
                int format = Short.toUnsignedInt(in.getShort(body));
                channels = Short.toUnsignedInt(in.getShort(body + 2));
                sampleRate = in.getInt(body + 4);
                int bits = Short.toUnsignedInt(in.getShort(body + 14));
                if (format != FORMAT_PCM && format != FORMAT_EXTENSIBLE) {
                    throw new IllegalArgumentException("format " + format + " is not PCM");
                }
                if (bits != 16) {
                    throw new IllegalArgumentException(bits + " bits per sample, expected 16");
                }
                if (channels < 1 || sampleRate < 1) {
                    throw new IllegalArgumentException(channels + " channels at " + sampleRate + " Hz");
                }
                formatSeen = true;
            } else if ("data".equals(id)) {
                if (!formatSeen) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                long available = bytes.length - body;
                long length = size == 0 || size == 0xFFFFFFFFL || size > available ? available : size;
                return new Layout(sampleRate, channels, body, (int) length);
            }
            if (size > bytes.length) {
                break;
            }
            position = (int) (body + size + (size & 1));
        }
        if (formatSeen) {
            return new Layout(sampleRate, channels, bytes.length, 0);
        }
        throw new IllegalArgumentException("no fmt chunk");
    }

    private static short[] samples(ByteBuffer in, int offset, int length, int channels) {
        int frames = length / (2 * channels);
        short[] mono = new short[frames];
        for (int frame = 0; frame < frames; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += in.getShort(offset + (frame * channels + channel) * 2);
            }
            mono[frame] = (short) (sum / channels);
        }
        return mono;
    }

    private static String tag(ByteBuffer in, int offset) {
        byte[] id = new byte[4];
        in.get(offset, id);
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}

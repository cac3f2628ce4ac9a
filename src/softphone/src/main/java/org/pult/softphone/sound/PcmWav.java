package org.pult.softphone.sound;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes the 16-bit PCM mono WAV files the engine plays (microphone stand-ins, ring tones). Tests
 * read and analyse WAVs with siplab's {@code WavFile}; this is the small writer the product needs.
 */
public final class PcmWav {

    private static final int HEADER_BYTES = 44;

    private PcmWav() {
    }

    /** The complete file: a 44-byte RIFF header and the samples, little-endian. */
    public static byte[] bytes(int sampleRate, short[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        int dataBytes = samples.length * 2;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVEfmt "))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put(ascii("data")).putInt(dataBytes);
        for (short sample : samples) {
            wav.putShort(sample);
        }
        return wav.array();
    }

    /**
     * Writes the file unless it already holds exactly these bytes; replaces it atomically otherwise
     * (an engine never sees half a file). Creates the parent folder.
     */
    public static Path writeIfDifferent(Path file, int sampleRate, short[] samples) throws IOException {
        byte[] wanted = bytes(sampleRate, samples);
        if (Files.isRegularFile(file) && Files.size(file) == wanted.length
                && Arrays.equals(Files.readAllBytes(file), wanted)) {
            return file;
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            Files.write(temp, wanted);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return file;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

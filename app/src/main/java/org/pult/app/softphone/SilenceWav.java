package org.pult.app.softphone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The microphone of a machine without a sound card: one second of 16-bit mono silence the engine loops. */
final class SilenceWav {

    private static final int SAMPLE_RATE = 8000;

    private SilenceWav() {
    }

    static Path writeIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        int dataBytes = SAMPLE_RATE * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        Files.createDirectories(file.getParent());
        Files.write(file, wav.array());
        return file;
    }
}

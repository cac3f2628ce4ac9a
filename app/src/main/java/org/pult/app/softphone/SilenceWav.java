package org.pult.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pult.softphone.sound.PcmWav;

/** The microphone of a machine without a sound card: one second of 16-bit mono silence the engine loops. */
final class SilenceWav {

    private static final int SAMPLE_RATE = 8000;

    private SilenceWav() {
    }

    static Path writeIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        return PcmWav.writeIfDifferent(file, SAMPLE_RATE, new short[SAMPLE_RATE]);
    }
}

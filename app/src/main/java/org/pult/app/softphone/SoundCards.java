package org.pult.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the machine has any sound card, as ALSA lists them. Other systems are assumed to have one. */
final class SoundCards {

    private static final Path ALSA_CARDS = Path.of("/proc/asound/cards");

    private SoundCards() {
    }

    static boolean present() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        try {
            String cards = Files.readString(ALSA_CARDS);
            return !cards.isBlank() && !cards.contains("no soundcards");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}

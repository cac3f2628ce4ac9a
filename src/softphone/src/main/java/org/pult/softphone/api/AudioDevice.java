package org.pult.softphone.api;

import java.util.Objects;

/** A microphone, speaker or headset as the engine names it. */
public record AudioDevice(String id, String name, boolean canCapture, boolean canPlay) {
    public AudioDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

package org.pult.softphone.api;

/** What the engine behind a {@link Softphone} supports. */
public record SoftphoneCapabilities(boolean hold, boolean transfer, boolean conference, boolean dtmf,
        boolean recording, boolean deviceSwitching) {
}

package org.pult.app.platform;

import javafx.application.Platform;

/** Thread-affinity checks at the FX boundary: view code must run on the FX thread, I/O never. */
public final class UiThread {

    private UiThread() {
    }

    public static void assertFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Must run on the JavaFX thread, was " + Thread.currentThread().getName());
        }
    }
}

package org.pult.app.platform;

import javafx.scene.Scene;

/** Runs an action once, after the next layout pulse of a scene: when its frame is on screen. */
public final class FirstPulse {

    private FirstPulse() {
    }

    public static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}

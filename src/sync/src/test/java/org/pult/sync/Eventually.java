package org.pult.sync;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

final class Eventually {

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails with {@code state} printed if it does not in time. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; state: " + state.get());
            }
            Thread.sleep(50);
        }
    }
}

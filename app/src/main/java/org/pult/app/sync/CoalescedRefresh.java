package org.pult.app.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a burst of "the cache changed" into one refresh: the first request schedules a refresh
 * after a short quiet time, and requests until then ride along with it. A request during the
 * refresh schedules the next one, so the last change is always shown.
 */
public final class CoalescedRefresh {

    public static final Duration DEFAULT_QUIET_TIME = Duration.ofMillis(150);

    private final Executor background;
    private final Duration quietTime;
    private final Runnable refresh;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public CoalescedRefresh(Executor background, Duration quietTime, Runnable refresh) {
        this.background = Objects.requireNonNull(background, "background");
        this.quietTime = Objects.requireNonNull(quietTime, "quietTime");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    /** Safe from any thread; never blocks. */
    public void requested() {
        if (scheduled.compareAndSet(false, true)) {
            background.execute(this::refreshAfterQuietTime);
        }
    }

    private void refreshAfterQuietTime() {
        try {
            Thread.sleep(quietTime);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            scheduled.set(false);
            return;
        }
        scheduled.set(false);
        refresh.run();
    }
}

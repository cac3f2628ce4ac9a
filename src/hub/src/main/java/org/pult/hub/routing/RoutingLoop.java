package org.pult.hub.routing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Router} on one thread of its own: when {@link #wake() woken} (work arrived, an
 * operator became READY, a conversation closed) and on a periodic sweep, which also catches what
 * another hub on the same database changed. Wake-ups that come while a pass is queued fold into
 * it; one that comes during a pass gets a pass of its own afterwards, so nothing is missed.
 */
public final class RoutingLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingLoop.class);

    private final Router router;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public RoutingLoop(Router router) {
        this.router = router;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "pult-router");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic sweep (the first one right away, for work left waiting by a restart). */
    public void start(Duration sweep) {
        thread.scheduleWithFixedDelay(this::wake, 0, sweep.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a routing pass soon; cheap, never blocks. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::pass);
            } catch (RejectedExecutionException stopped) {
                queued.set(false);
            }
        }
    }

    private void pass() {
        queued.set(false);
        try {
            int routed = router.routeWaiting();
            if (routed > 0) {
                LOG.debug("Routed {} item(s)", routed);
            }
        } catch (Exception e) {
            LOG.warn("A routing pass failed; the next wake-up or sweep tries again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("A routing pass still ran 5 s after the hub began to stop; interrupting it");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

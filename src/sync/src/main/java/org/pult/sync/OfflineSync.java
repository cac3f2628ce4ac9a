package org.pult.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pult.core.port.ActionOutbox;
import org.pult.core.port.LiveEventCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one signed-in operator's cache and the backend in step while the console runs: replays
 * the outbox, follows the event stream, and reports the connection status to listeners. The app
 * creates one per session and calls {@link #actionRecorded()} after each operator action.
 */
public final class OfflineSync implements AutoCloseable {

    /** Longer than any one cache write; an HTTP call in flight is interrupted, not waited for. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(OfflineSync.class);

    private final ScheduledExecutorService scheduler;
    private final ConnectionMonitor monitor;
    private final OutboxReplayer replayer;
    private final EventStream stream;
    private final TokenRenewal renewal;

    public OfflineSync(HubClient client, ActionOutbox outbox, LiveEventCache events, SessionToken token) {
        this(client, outbox, events, token, Clock.systemUTC(), RetryBackoff.DEFAULT,
                ConnectionMonitor.DEFAULT_OFFLINE_AFTER, EventStream.DEFAULT_READ_TIMEOUT);
    }

    public OfflineSync(HubClient client, ActionOutbox outbox, LiveEventCache events, SessionToken token,
                       Clock clock, RetryBackoff backoff, Duration offlineAfter, Duration streamReadTimeout) {
        Objects.requireNonNull(client, "client");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("pult-sync").factory());
        this.monitor = new ConnectionMonitor(clock, offlineAfter);
        this.replayer = new OutboxReplayer(client, outbox, token, backoff, clock, monitor);
        this.stream = new EventStream(client, events, token, backoff, monitor, scheduler, streamReadTimeout,
                replayer::backendReachable);
        this.renewal = new TokenRenewal(client, token, scheduler, clock, backoff);
        monitor.outbox(outbox.pendingCount(), outbox.poisoned().size());
    }

    /** online / reconnecting / offline (N actions waiting), as it changes. */
    public void addListener(ConnectionListener listener) {
        monitor.addListener(listener);
    }

    public void removeListener(ConnectionListener listener) {
        monitor.removeListener(listener);
    }

    public ConnectionStatus status() {
        return monitor.status();
    }

    public void start() {
        replayer.start(scheduler);
        stream.start();
        renewal.start();
    }

    /** An operator action was written to the outbox: send it now if the backend is there. */
    public void actionRecorded() {
        replayer.nudge();
    }

    /**
     * Stops replay and the stream and returns once no pass or catch-up is running any more, so the
     * caller may close the cache right after. A pass cut short mid-call is resent next time (the
     * key makes that safe).
     */
    @Override
    public void close() {
        replayer.stop();
        renewal.stop();
        stream.close();
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Sync work did not stop within {} ms", CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

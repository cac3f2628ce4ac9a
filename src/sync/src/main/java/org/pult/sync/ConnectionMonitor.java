package org.pult.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection status made from what the replayer and the event stream experience: ONLINE
 * after a success, RECONNECTING from the first failure, OFFLINE once failures have lasted
 * {@code offlineAfter}. Listeners hear every change and only changes.
 */
public final class ConnectionMonitor {

    public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final Clock clock;
    private final Duration offlineAfter;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private ConnectionStatus status = new ConnectionStatus(Connectivity.RECONNECTING, 0, 0, "not connected yet");
    private Instant failingSince;

    public ConnectionMonitor(Clock clock, Duration offlineAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.offlineAfter = Objects.requireNonNull(offlineAfter, "offlineAfter");
    }

    /** Hears every later change; is told the current status at once. */
    public void addListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        listener.statusChanged(status());
    }

    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    public synchronized ConnectionStatus status() {
        return status;
    }

    /** A call or the stream got through. */
    public void reachable() {
        update(() -> {
            failingSince = null;
            return new ConnectionStatus(Connectivity.ONLINE, status.pendingActions(), status.rejectedActions(), null);
        });
    }

    /** A call or the stream failed for a reason that may pass. */
    public void unreachable(String detail) {
        update(() -> {
            Instant now = clock.instant();
            if (failingSince == null) {
                failingSince = now;
            }
            Connectivity connectivity = Duration.between(failingSince, now).compareTo(offlineAfter) >= 0
                    ? Connectivity.OFFLINE
                    : Connectivity.RECONNECTING;
            return new ConnectionStatus(connectivity, status.pendingActions(), status.rejectedActions(), detail);
        });
    }

    /** The outbox changed. */
    public void outbox(int pending, int rejected) {
        update(() -> new ConnectionStatus(status.connectivity(), pending, rejected, status.detail()));
    }

    private void update(java.util.function.Supplier<ConnectionStatus> next) {
        ConnectionStatus changed;
        synchronized (this) {
            ConnectionStatus updated = next.get();
            if (updated.equals(status)) {
                return;
            }
            if (updated.connectivity() != status.connectivity()) {
                LOG.info("Backend connection {} ({} actions waiting){}", updated.connectivity(),
                        updated.pendingActions(), updated.detail() == null ? "" : ": " + updated.detail());
            }
            status = updated;
            changed = updated;
        }
        for (ConnectionListener listener : listeners) {
            try {
                listener.statusChanged(changed);
            } catch (RuntimeException e) {
                LOG.warn("A connection listener failed", e);
            }
        }
    }
}

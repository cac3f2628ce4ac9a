package org.pult.app.sync;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.pult.core.api.LiveEvent;
import org.pult.core.port.LiveEventCache;

/**
 * The cache's live-event store as the console needs it: tells listeners about every event that
 * changed the cache, and once closed applies nothing more. Sign-out closes it before the cache,
 * so an event arriving at that moment never meets a closed cache.
 */
public final class ObservedEventCache implements LiveEventCache, AutoCloseable {

    private final LiveEventCache cache;
    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean closed;

    public ObservedEventCache(LiveEventCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** Hears each applied event, on the sync thread that applied it; must not block. */
    public void addListener(Consumer<LiveEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<LiveEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public long eventCursor() {
        gate.readLock().lock();
        try {
            // After close the stream has stopped; what it reads here is never used.
            return closed ? 0 : cache.eventCursor();
        } finally {
            gate.readLock().unlock();
        }
    }

    @Override
    public boolean apply(LiveEvent event) {
        boolean applied;
        gate.readLock().lock();
        try {
            applied = !closed && cache.apply(event);
        } finally {
            gate.readLock().unlock();
        }
        if (applied) {
            listeners.forEach(listener -> listener.accept(event));
        }
        return applied;
    }

    @Override
    public void resetEventCursor() {
        gate.readLock().lock();
        try {
            if (!closed) {
                cache.resetEventCursor();
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Waits for an event being applied, then lets no more through. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            closed = true;
        } finally {
            gate.writeLock().unlock();
        }
        listeners.clear();
    }
}

package org.pult.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pult.core.api.LiveEvent;
import org.pult.core.port.LiveEventCache;

/** The real event cache, noting the cursor of every event it applied, to prove none twice or missed. */
final class AppliedEvents implements LiveEventCache {

    private final LiveEventCache cache;
    final List<Long> applied = new CopyOnWriteArrayList<>();
    final List<LiveEvent> events = new CopyOnWriteArrayList<>();

    AppliedEvents(LiveEventCache cache) {
        this.cache = cache;
    }

    @Override
    public long eventCursor() {
        return cache.eventCursor();
    }

    @Override
    public boolean apply(LiveEvent event) {
        boolean done = cache.apply(event);
        if (done) {
            applied.add(event.cursor());
            events.add(event);
        }
        return done;
    }

    @Override
    public void resetEventCursor() {
        cache.resetEventCursor();
    }
}

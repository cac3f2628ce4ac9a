package org.pult.core.port;

import org.pult.core.api.LiveEvent;

/**
 * Where the backend's live events land. Each event is applied at most once: the cache keeps the
 * cursor of the last applied event in the same transaction as the event's effect.
 */
public interface LiveEventCache {

    /** The cursor of the last applied event; 0 before the first. */
    long eventCursor();

    /**
     * Applies the event and stores its cursor in one transaction, unless its cursor is not after
     * the stored one (then nothing happens).
     *
     * @return whether it was applied
     */
    boolean apply(LiveEvent event);

    /** Forgets the cursor (the backend's log was reset); the next pull starts from the beginning. */
    void resetEventCursor();
}

package org.pult.core.api;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/events?since=<cursor>}: the caller's events after the cursor,
 * oldest first.
 *
 * @param events     at most the requested limit
 * @param nextCursor what to pass as {@code since} next time (the last event's cursor, or the
 *                   given one when there was none)
 * @param head       the newest cursor of the whole log; a client holding a larger cursor than
 *                   this talks to a backend whose log was reset and must pull everything again
 * @param more       whether more events follow right away
 */
public record EventPage(List<LiveEvent> events, long nextCursor, long head, boolean more) {
    public EventPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}

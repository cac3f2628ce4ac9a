package org.pult.softphone.linphone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;

/**
 * Every event one engine delivered, for tests to wait on. {@link #next} consumes in order (a
 * cursor moves past each match), so "HELD, then ACTIVE again" is expressible.
 */
public final class EventLog implements Consumer<SoftphoneEvent> {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final String who;
    private final List<SoftphoneEvent> events = new ArrayList<>();
    private int cursor;

    EventLog() {
        this("");
    }

    /** @param who names the engine in failure messages */
    public EventLog(String who) {
        this.who = who;
    }

    @Override
    public synchronized void accept(SoftphoneEvent event) {
        events.add(event);
        notifyAll();
    }

    /** The first event after the previous match that satisfies the predicate. */
    public synchronized <T extends SoftphoneEvent> T next(Class<T> type, Predicate<T> predicate) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = cursor; i < events.size(); i++) {
                SoftphoneEvent event = events.get(i);
                if (type.isInstance(event) && predicate.test(type.cast(event))) {
                    cursor = i + 1;
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError((who.isEmpty() ? "" : who + ": ") + "no matching " + type.getSimpleName() + " within " + WAIT + "; saw " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    CallStateChanged nextState(CallState state) throws InterruptedException {
        return next(CallStateChanged.class, e -> e.state() == state);
    }

    CallStateChanged nextState(CallId call, CallState state) throws InterruptedException {
        return next(CallStateChanged.class, e -> e.call().equals(call) && e.state() == state);
    }

    synchronized List<SoftphoneEvent> all() {
        return List.copyOf(events);
    }

    /** The states {@code call} went through so far, repeats collapsed. */
    public synchronized List<CallState> states(CallId call) {
        List<CallState> states = new ArrayList<>();
        for (SoftphoneEvent event : events) {
            if (event instanceof CallStateChanged change && change.call().equals(call)
                    && (states.isEmpty() || states.getLast() != change.state())) {
                states.add(change.state());
            }
        }
        return states;
    }
}

package org.pult.softphone.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.api.SoftphoneEvent.RegistrationChanged;

/**
 * Every event one engine delivered, in order, safe to read from the test thread while the event
 * thread appends. Waits fail with an {@link AssertionError} that lists what was seen instead.
 */
final class EventRecorder implements Consumer<SoftphoneEvent> {

    private final String name;
    private final List<SoftphoneEvent> events = new ArrayList<>();

    EventRecorder(String name) {
        this.name = name;
    }

    @Override
    public synchronized void accept(SoftphoneEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<SoftphoneEvent> all() {
        return List.copyOf(events);
    }

    /** A position in the history: {@code awaitAfter(mark, ...)} ignores what came before. */
    synchronized int mark() {
        return events.size();
    }

    /** The first event (from the beginning) of {@code type} that matches. */
    <T extends SoftphoneEvent> T await(Class<T> type, Predicate<? super T> matches, Duration timeout, String what) {
        return awaitAfter(0, type, matches, timeout, what);
    }

    /** The first event after {@code mark} of {@code type} that matches; fails after {@code timeout}. */
    synchronized <T extends SoftphoneEvent> T awaitAfter(int mark, Class<T> type, Predicate<? super T> matches,
            Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = mark;
        while (true) {
            for (; next < events.size(); next++) {
                SoftphoneEvent event = events.get(next);
                if (type.isInstance(event) && matches.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no " + what + " within " + timeout.toSeconds() + " s. Events seen"
                        + (mark > 0 ? " (after #" + mark + ")" : "") + ":\n" + describe());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code count} matching events came after {@code mark}, and returns them in order. */
    synchronized <T extends SoftphoneEvent> List<T> awaitCount(int mark, Class<T> type, Predicate<? super T> matches,
            int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = events.subList(mark, events.size()).stream().filter(type::isInstance).map(type::cast)
                    .filter(matches).toList();
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": expected " + count + " " + what + " within " + timeout.toSeconds()
                        + " s, got " + found.size() + ". Events seen:\n" + describe());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted waiting for " + what, e);
            }
        }
    }

    RegistrationChanged awaitRegistration(int mark, RegistrationState state, Duration timeout) {
        return awaitAfter(mark, RegistrationChanged.class, e -> e.state() == state, timeout, "registration " + state);
    }

    CallStateChanged awaitCallState(int mark, CallId call, CallState state, Duration timeout) {
        return awaitAfter(mark, CallStateChanged.class, e -> e.call().equals(call) && e.state() == state, timeout,
                call + " " + state);
    }

    /** A new incoming call whose remote address contains {@code remoteUser + "@"}. */
    CallStateChanged awaitIncomingFrom(int mark, String remoteUser, Duration timeout) {
        return awaitAfter(mark, CallStateChanged.class,
                e -> e.state() == CallState.INCOMING && e.remoteUri().contains(remoteUser + "@"), timeout,
                "incoming call from " + remoteUser);
    }

    /** Any call with {@code remoteUser} reaching {@code state} (also calls the engine created itself, e.g. by a transfer). */
    CallStateChanged awaitCallWith(int mark, String remoteUser, CallState state, Duration timeout) {
        return awaitAfter(mark, CallStateChanged.class,
                e -> e.state() == state && e.remoteUri().contains(remoteUser + "@"), timeout,
                "call with " + remoteUser + " in state " + state);
    }

    /** Events of one call's states, in order. */
    synchronized List<CallState> statesOf(CallId call) {
        return events.stream().filter(CallStateChanged.class::isInstance).map(CallStateChanged.class::cast)
                .filter(e -> e.call().equals(call)).map(CallStateChanged::state).toList();
    }

    synchronized <T extends SoftphoneEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized String describe() {
        if (events.isEmpty()) {
            return "  (none)";
        }
        long first = events.getFirst().engineNanos();
        return events.stream().map(e -> String.format("  +%6d ms %s", (e.engineNanos() - first) / 1_000_000, e))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return name;
    }
}

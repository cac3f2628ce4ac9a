package org.pult.hub.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work an operator holds at once by default (an operator's own row in
 * {@code operator_capacity} overrides it per class), and how often the router sweeps the queues
 * besides being woken by new work, a READY operator or a closed conversation.
 */
public record RoutingConfig(int calls, int chats, int emails, Duration sweep) {

    public static final RoutingConfig DEFAULT = new RoutingConfig(1, 4, 2, Duration.ofSeconds(5));

    public RoutingConfig {
        Objects.requireNonNull(sweep, "sweep");
        if (calls < 0 || chats < 0 || emails < 0) {
            throw new IllegalArgumentException("capacities must not be negative");
        }
        if (sweep.isNegative() || sweep.isZero()) {
            throw new IllegalArgumentException("sweep must be positive: " + sweep);
        }
    }

    public int capacity(WorkClass workClass) {
        return switch (workClass) {
            case CALL -> calls;
            case CHAT -> chats;
            case EMAIL -> emails;
        };
    }

    public RoutingConfig withSweep(Duration interval) {
        return new RoutingConfig(calls, chats, emails, interval);
    }
}

package org.pult.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter, capped: attempt n waits a random time between half and all
 * of {@code min(cap, base * 2^n)}. The jitter spreads the retries of many clients that lost the
 * same backend at the same moment, so they do not all come back at once.
 */
public final class RetryBackoff {

    /** One second doubling to at most a minute. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1),
            RandomGenerator.getDefault());

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public RetryBackoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got " + base + " and " + cap);
        }
    }

    /** How long to wait after the {@code failures}-th failure in a row (counting from 0). */
    public Duration delay(int failures) {
        long ceiling = ceilingMillis(Math.max(0, failures));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    /** The longest wait after this many failures, before jitter. */
    public Duration ceiling(int failures) {
        return Duration.ofMillis(ceilingMillis(Math.max(0, failures)));
    }

    private long ceilingMillis(int failures) {
        long millis = base.toMillis();
        for (int i = 0; i < failures && millis < cap.toMillis(); i++) {
            millis *= 2;
        }
        return Math.min(millis, cap.toMillis());
    }
}

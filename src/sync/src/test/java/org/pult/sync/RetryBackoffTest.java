package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new Random(42));

    @Test
    void theCeilingDoublesUpToTheCap() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void eachDelayIsBetweenHalfAndAllOfTheCeilingAndTheyDiffer() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration delay = backoff.delay(4);
            assertThat(delay).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
            seen.add(delay);
        }
        assertThat(seen).as("jitter").hasSizeGreaterThan(50);
    }

    @Test
    void aBaseAboveTheCapIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), new Random()));
    }
}

package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoturnTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static Coturn coturn;

    @BeforeAll
    static void start() {
        coturn = Coturn.builder().user("turner", "turner-secret").user("other", "other-secret").start();
    }

    @AfterAll
    static void stop() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void answersABindingRequestWithTheProbesAddress() {
        Optional<InetSocketAddress> mapped = StunProbe.binding(coturn.port(), TIMEOUT);

        assertThat(mapped).as("Binding to %s", coturn).isPresent();
        assertThat(mapped.get().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(mapped.get().getPort()).isPositive();
    }

    @Test
    void grantsARelayInItsRangeForTheRightPasswordAndCountsIt() {
        int before = coturn.allocations("turner");

        StunProbe.Allocation allocation = StunProbe.allocate(coturn.port(), "turner", "turner-secret", TIMEOUT)
                .orElseThrow();

        assertThat(allocation.succeeded()).as("allocation status %s", allocation.status()).isTrue();
        InetSocketAddress relayed = allocation.relayed().orElseThrow();
        assertThat(relayed.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(relayed.getPort()).isBetween(coturn.minRelayPort(), coturn.maxRelayPort());
        awaitAtLeast(() -> coturn.allocations("turner"), before + 1);
        assertThat(coturn.allocations("other")).as("allocations of a user who asked for none").isZero();
    }

    @Test
    void refusesAWrongPasswordAndCountsTheRefusal() {
        int allocationsBefore = coturn.allocations("other");
        int refusalsBefore = coturn.rejectedCredentials("other");

        StunProbe.Allocation allocation = StunProbe.allocate(coturn.port(), "other", "wrong", TIMEOUT).orElseThrow();

        assertThat(allocation.status()).isEqualTo(401);
        awaitAtLeast(() -> coturn.rejectedCredentials("other"), refusalsBefore + 1);
        assertThat(coturn.allocations("other")).isEqualTo(allocationsBefore);
    }

    @Test
    void stopsByPidAndLeavesNothingListening() {
        try (Coturn own = Coturn.start("solo", "solo-secret")) {
            long pid = own.pid().orElseThrow();
            int port = own.port();

            own.stop();

            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(own.isRunning()).isFalse();
            assertThat(StunProbe.binding(port, Duration.ofMillis(500))).isEmpty();
        }
    }

    /** coturn writes its log a moment after it answers. */
    private static void awaitAtLeast(java.util.function.IntSupplier count, int expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (count.getAsInt() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(count.getAsInt()).as("count in %s", coturn.log()).isGreaterThanOrEqualTo(expected);
    }
}

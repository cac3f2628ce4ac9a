package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionMonitorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final ConnectionMonitor monitor = new ConnectionMonitor(clock, Duration.ofSeconds(10));
    private final List<ConnectionStatus> heard = new ArrayList<>();

    @Test
    void failuresReconnectFirstAndGoOfflineWhenTheyLastThenOneSuccessIsOnline() {
        monitor.addListener(heard::add);
        monitor.reachable();
        monitor.unreachable("connection refused");
        clock.advance(Duration.ofSeconds(9));
        monitor.unreachable("connection refused");
        clock.advance(Duration.ofSeconds(1));
        monitor.outbox(3, 0);
        monitor.unreachable("connection refused");
        monitor.reachable();

        assertThat(heard).extracting(ConnectionStatus::connectivity).containsExactly(
                Connectivity.RECONNECTING, Connectivity.ONLINE, Connectivity.RECONNECTING,
                Connectivity.RECONNECTING, Connectivity.OFFLINE, Connectivity.ONLINE);
        assertThat(heard.get(4).pendingActions()).isEqualTo(3);
        assertThat(heard.get(4).detail()).isEqualTo("connection refused");
        assertThat(heard.getLast().detail()).isNull();
    }

    @Test
    void listenersHearOnlyChanges() {
        monitor.reachable();
        monitor.addListener(heard::add);
        monitor.reachable();
        monitor.outbox(0, 0);
        monitor.outbox(1, 0);
        monitor.outbox(1, 0);

        assertThat(heard).hasSize(2);
        assertThat(heard.getLast().pendingActions()).isEqualTo(1);
    }
}

package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KamailioLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void restartKeepsThePortsAndForgetsRegistrations() {
        try (Kamailio kamailio = Kamailio.start(Map.of("alice", "alice-secret"))) {
            int udp = kamailio.udpPort();
            int tls = kamailio.tlsPort();
            long firstPid = kamailio.pid().orElseThrow();
            assertThat(DigestRegistration.register(udp, "alice", "alice-secret", TIMEOUT)).get()
                    .extracting(UdpSipProbe.Response::status).isEqualTo(200);
            assertThat(DigestRegistration.query(udp, "alice", "alice-secret", TIMEOUT).orElseThrow().header("Contact"))
                    .as("binding before the restart").isPresent();

            kamailio.stop();
            assertThat(kamailio.isRunning()).isFalse();
            assertThat(UdpSipProbe.options(udp, Duration.ofSeconds(1))).as("stopped Kamailio still answers").isEmpty();
            kamailio.restart();

            assertThat(kamailio.udpPort()).isEqualTo(udp);
            assertThat(kamailio.tlsPort()).isEqualTo(tls);
            assertThat(kamailio.pid()).get().isNotEqualTo(firstPid);
            assertThat(UdpSipProbe.options(udp, TIMEOUT)).get().extracting(UdpSipProbe.Response::status).isEqualTo(200);
            assertThat(TlsProbe.handshake(tls, kamailio.ca().clientContext(), TIMEOUT).succeeded()).isTrue();
            UdpSipProbe.Response bindings = DigestRegistration.query(udp, "alice", "alice-secret", TIMEOUT).orElseThrow();
            assertThat(bindings.status()).isEqualTo(200);
            assertThat(bindings.header("Contact")).as("location is in memory only").isEmpty();
        }
    }

    @Test
    void stopLeavesNoProcessBehind() {
        Kamailio kamailio = Kamailio.start(Map.of());
        ProcessHandle main = ProcessHandle.of(kamailio.pid().orElseThrow()).orElseThrow();
        List<ProcessHandle> children = main.descendants().toList();
        assertThat(children).as("kamailio forks its workers").isNotEmpty();

        kamailio.close();

        assertThat(main.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void severalFixturesRunSideBySide() {
        try (Kamailio first = Kamailio.start(Map.of("a", "a-secret"));
                Kamailio second = Kamailio.start(Map.of("b", "b-secret"))) {
            assertThat(List.of(first.udpPort(), first.tlsPort()))
                    .doesNotContainAnyElementsOf(List.of(second.udpPort(), second.tlsPort()));
            assertThat(first.log()).isNotEqualTo(second.log());
            assertThat(DigestRegistration.register(first.udpPort(), "a", "a-secret", TIMEOUT)).get()
                    .extracting(UdpSipProbe.Response::status).isEqualTo(200);
            assertThat(DigestRegistration.register(second.udpPort(), "a", "a-secret", TIMEOUT)).get()
                    .extracting(UdpSipProbe.Response::status).as("users are per fixture").isEqualTo(403);
        }
    }

    @Test
    void refusesUserNamesAndPasswordsItCannotStoreSafely() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Kamailio.start(Map.of("bad user", "x")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Kamailio.start(Map.of("eve", "quote\"inside")))
                .withMessageNotContaining("quote\"inside");
    }
}

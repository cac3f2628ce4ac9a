package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KamailioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static Kamailio kamailio;

    @BeforeAll
    static void start() {
        kamailio = Kamailio.start(Map.of("alice", "alice-secret", "bob", "bob-secret"));
    }

    @AfterAll
    static void stop() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    @Test
    void answersOptionsOnItsUdpPort() {
        Optional<UdpSipProbe.Response> response = UdpSipProbe.options(kamailio.udpPort(), TIMEOUT);

        assertThat(response).as("OPTIONS to %s", kamailio).isPresent();
        assertThat(response.get().status()).isEqualTo(200);
    }

    @Test
    void challengesAnUnauthenticatedRegister() {
        Optional<UdpSipProbe.Response> response = UdpSipProbe.register(kamailio.udpPort(), "alice", TIMEOUT);

        assertThat(response).isPresent();
        assertThat(response.get().status()).isEqualTo(401);
        assertThat(response.get().header("WWW-Authenticate")).get().asString()
                .startsWith("Digest").contains("realm=\"127.0.0.1\"");
    }

    @Test
    void acceptsTheRightPasswordAndForbidsAWrongOneOrAnUnknownUser() {
        assertThat(DigestRegistration.register(kamailio.udpPort(), "bob", "bob-secret", TIMEOUT))
                .get().extracting(UdpSipProbe.Response::status).isEqualTo(200);
        assertThat(DigestRegistration.register(kamailio.udpPort(), "bob", "wrong", TIMEOUT))
                .get().extracting(UdpSipProbe.Response::status).isEqualTo(403);
        assertThat(DigestRegistration.register(kamailio.udpPort(), "mallory", "anything", TIMEOUT))
                .get().extracting(UdpSipProbe.Response::status).isEqualTo(403);
    }

    @Test
    void registrationIsGrantedAtMostMaxExpires() {
        try (Kamailio shortLived = Kamailio.builder().user("carol", "carol-secret").maxExpires(Duration.ofSeconds(20))
                .start()) {
            UdpSipProbe.Response ok = DigestRegistration.register(shortLived.udpPort(), "carol", "carol-secret", TIMEOUT)
                    .orElseThrow();

            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Contact")).get().asString().contains("expires=20");
        }
    }

    @Test
    void sippGetsAnAnswerToOptions() {
        CommandResult result = Sipp.options(kamailio.udpPort(), Duration.ofSeconds(20));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void tlsHandshakeSucceedsWithTheTestCaAndFailsWithAnother(@TempDir Path other) {
        TlsProbe.Outcome trusted = TlsProbe.handshake(kamailio.tlsPort(), kamailio.ca().clientContext(), TIMEOUT);
        TlsProbe.Outcome wrongCa = TlsProbe.handshake(kamailio.tlsPort(), TestCa.create(other).clientContext(), TIMEOUT);

        assertThat(trusted.succeeded()).as(trusted.problem()).isTrue();
        assertThat(wrongCa.succeeded()).isFalse();
        assertThat(wrongCa.problem()).containsIgnoringCase("certificat");
    }

    @Test
    void survivesGarbageDatagrams() {
        int sent = SipGarbage.sendTo(kamailio.udpPort(), SipGarbage.corpus(42, 200));

        assertThat(sent).isGreaterThan(200);
        assertThat(UdpSipProbe.options(kamailio.udpPort(), TIMEOUT)).get()
                .extracting(UdpSipProbe.Response::status).isEqualTo(200);
        assertThat(kamailio.isRunning()).isTrue();
    }

    @Test
    void logsToAFileUnderTarget() {
        assertThat(kamailio.log()).isRegularFile();
        assertThat(kamailio.log().toString()).contains("siplab-logs");
        assertThat(LabLogs.tail(kamailio.log(), 100_000)).contains("request OPTIONS").doesNotContain("alice-secret");
    }
}

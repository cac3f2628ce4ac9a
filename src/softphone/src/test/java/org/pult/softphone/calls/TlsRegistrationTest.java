package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pult.siplab.LabLogs;
import org.pult.siplab.TestCa;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneEvent.RegistrationChanged;

/** Registration over TLS: trusted when the registrar's certificate comes from the given CA, refused otherwise. */
class TlsRegistrationTest extends CallScenario {

    /** Words a reason must contain to say what went wrong with TLS. */
    private static final String TLS_REASON = "(?is).*(tls|ssl|certificat|handshake|trust|verif|x509|x\\.509).*";

    @Test
    void registersOverTlsWhenTrustingTheTestCa() {
        TestPhone alice = lab.phone("alice");

        alice.register(alice.account(lab.kamailio(), SipTransport.TLS, lab.password("alice"),
                lab.kamailio().ca().caPem()));

        assertThat(LabLogs.tail(lab.kamailio().log(), 1_000_000))
                .as("Kamailio saw alice's REGISTER over TLS (" + lab.kamailio().log() + ")")
                .containsPattern("request REGISTER \\S+ from sip:alice@127\\.0\\.0\\.1 \\(127\\.0\\.0\\.1:\\d+/tls\\)");
        assertThat(alice.engine().sipPort(SipTransport.TLS)).as("the engine listens for TLS").isPositive();
    }

    @Test
    void callsWorkBetweenATlsAndATcpPhone() {
        TestPhone alice = lab.registered("alice", SipTransport.TLS);
        TestPhone bob = lab.registered("bob", SipTransport.TCP);

        lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
    }

    @Test
    void refusesARegistrarWhoseCertificateComesFromAnotherCa() {
        TestCa wrongCa = TestCa.create(folder.resolve("wrong-ca"));
        TestPhone alice = lab.phone("alice");
        int mark = alice.events().mark();

        CompletableFuture<Void> command = alice.engine().register(alice.account(lab.kamailio(), SipTransport.TLS,
                lab.password("alice"), wrongCa.caPem()));

        String reason;
        java.util.Optional<Throwable> refused = Commands.refusal(command, "alice registers over TLS with the wrong CA");
        if (refused.isPresent()) {
            reason = refused.get().getMessage();
        } else {
            RegistrationChanged failed = alice.events().awaitRegistration(mark, RegistrationState.FAILED,
                    Duration.ofSeconds(60));
            reason = failed.reason();
        }
        assertThat(reason).as("why the TLS registration failed (events: " + alice.events().describe() + ")")
                .matches(TLS_REASON);
        Commands.pause(Duration.ofSeconds(10));
        assertThat(alice.events().ofType(RegistrationChanged.class))
                .as("never registered (no fallback to another transport)")
                .noneMatch(e -> e.state() == RegistrationState.REGISTERED);
        assertThat(LabLogs.tail(lab.kamailio().log(), 1_000_000))
                .as("Kamailio never got a REGISTER from alice over any transport (" + lab.kamailio().log() + ")")
                .doesNotContainPattern("request REGISTER \\S+ from sip:alice@");
    }
}

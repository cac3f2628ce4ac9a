package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pult.siplab.CommandResult;
import org.pult.siplab.FreePorts;
import org.pult.siplab.Kamailio;
import org.pult.siplab.SipGarbage;
import org.pult.siplab.Sipp;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneCommandException;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.api.SoftphoneEvent.DtmfReceived;
import org.pult.softphone.api.SoftphoneEvent.RegistrationChanged;

/** What operators and networks throw at the engine: it must fail clearly, never hang or crash. */
class BadInputTest extends CallScenario {

    private static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void unreachableRegistrarFailsWithAReason() {
        TestPhone alice = lab.phone("alice");
        int nobodyListens = FreePorts.udpAndTcp();
        int mark = alice.events().mark();

        Commands.done(alice.engine().register(new SipAccount(lab.kamailio().addressOf("alice"),
                "sip:127.0.0.1:" + nobodyListens, SipTransport.UDP, "alice", lab.password("alice"), null)),
                "register with a registrar nobody runs");

        RegistrationChanged failed = alice.events().awaitRegistration(mark, RegistrationState.FAILED, FAILURE_TIMEOUT);
        assertThat(failed.reason()).as("why it failed").isNotBlank();
        assertThat(alice.events().ofType(RegistrationChanged.class)).noneMatch(e -> e.state() == RegistrationState.REGISTERED);
    }

    @Test
    void wrongPasswordFailsAsUnauthorized() {
        TestPhone alice = lab.phone("alice");
        int mark = alice.events().mark();

        Commands.done(alice.engine().register(alice.account(lab.kamailio(), SipTransport.UDP, "not-" + lab.password("alice"),
                null)), "register with a wrong password");

        RegistrationChanged failed = alice.events().awaitRegistration(mark, RegistrationState.FAILED, FAILURE_TIMEOUT);
        assertThat(failed.reason()).as("why it failed").matches("(?is).*(unauthori[sz]ed|forbidden|401|403).*");
        assertThat(failed.reason()).as("the reason never shows the password").doesNotContain(lab.password("alice"));
        assertThat(alice.events().ofType(RegistrationChanged.class)).noneMatch(e -> e.state() == RegistrationState.REGISTERED);
    }

    @Test
    void malformedAddressesAreRefusedAsBadAddress() {
        TestPhone alice = lab.registered("alice");
        int mark = alice.events().mark();
        List<String> notRefused = new java.util.ArrayList<>();

        for (String address : List.of("", "   ", "sip:", "not a sip uri", "sip:alice@", "<sip:bob@127.0.0.1",
                "sip:bob@127.0.0.1:99999999", "sip:bob@@127.0.0.1")) {
            java.util.Optional<Throwable> refused = Commands.refusal(alice.engine().dial(address), "dial '" + address + "'");
            if (refused.isEmpty()) {
                notRefused.add("'" + address + "' was dialled");
            } else if (!(refused.get() instanceof SoftphoneCommandException command)
                    || command.problem() != SoftphoneCommandException.Problem.BAD_ADDRESS) {
                notRefused.add("'" + address + "' failed with " + refused.get());
            }
        }

        assertThat(notRefused).as("addresses not refused as BAD_ADDRESS").isEmpty();
        Commands.pause(Duration.ofSeconds(1));
        assertThat(alice.events().all().subList(mark, alice.events().mark()))
                .as("no call was started for a bad address").noneMatch(CallStateChanged.class::isInstance);
    }

    @Test
    void garbageDatagramsDoNotStopTheEngineFromTakingTheNextCall() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        int bobPort = bob.engine().sipPort(SipTransport.UDP);
        assertThat(bobPort).as("bob's engine listens for SIP on UDP").isPositive();

        int sent = SipGarbage.sendTo(bobPort, SipGarbage.corpus(20_251_123L, 300));
        Commands.pause(Duration.ofSeconds(2));

        assertThat(sent).isGreaterThan(300);
        lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);
        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
    }

    @Test
    void oddButValidInviteRingsAndCanBeRejected() {
        TestPhone bob = lab.registered("bob");
        int bobPort = bob.engine().sipPort(SipTransport.UDP);
        int mark = bob.events().mark();

        CompletableFuture<CommandResult> sipp = Sipp.async(() -> Sipp.oddInvite(bobPort, "bob", Duration.ofSeconds(60)));
        CallStateChanged incoming = bob.events().awaitIncomingFrom(mark, "sipp", TestPhone.CALL_TIMEOUT);
        Commands.done(bob.engine().reject(incoming.call()), "bob rejects the odd call");

        CommandResult result = sipp.join();
        assertThat(result.succeeded()).as("sipp saw the call rejected and ACKed it: " + result.describe()).isTrue();
        bob.events().awaitAfter(mark, CallStateChanged.class,
                e -> e.call().equals(incoming.call()) && e.state().isTerminal(), TestPhone.CALL_TIMEOUT,
                "the rejected call ending");
    }

    @Test
    void sippCallerReplayingG711AndDtmfIsAnsweredAndEndsCleanly() {
        TestPhone dave = lab.phone("dave", config -> config.withAutoAnswer(true));
        int davePort = dave.engine().sipPort(SipTransport.UDP);
        assertThat(davePort).as("dave's engine listens for SIP on UDP").isPositive();

        CommandResult result = Sipp.uacPcap(davePort, "dave", Duration.ofSeconds(60));

        assertThat(result.succeeded()).as("sipp's uac_pcap call: " + result.describe()).isTrue();
        CallId call = dave.events().awaitIncomingFrom(0, "sipp", Duration.ZERO).call();
        dave.awaitState(0, call, CallState.ACTIVE);
        dave.awaitState(0, call, CallState.ENDED);
        assertThat(dave.events().ofType(DtmfReceived.class)).as("the RFC 4733 '1' in the capture")
                .extracting(DtmfReceived::digit).containsExactly('1');
        assertThat(Hearing.recorded(dave.heardFile()).rms()).as("dave heard the replayed G.711 audio in "
                + dave.heardFile()).isGreaterThan(0.001);
    }

    @Test
    void aCallToAnUnknownUserFailsWithAReason() {
        TestPhone alice = lab.registered("alice");
        int mark = alice.events().mark();

        CallId call = Commands.done(alice.engine().dial("sip:nobody@" + Kamailio.DOMAIN), "dial an unknown user");

        CallStateChanged failed = alice.events().awaitAfter(mark, CallStateChanged.class,
                e -> e.call().equals(call) && e.state().isTerminal(), TestPhone.CALL_TIMEOUT, "the call failing");
        assertThat(failed.state()).isEqualTo(CallState.FAILED);
        assertThat(failed.reason()).as("why").isNotBlank();
    }
}

package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pult.siplab.Coturn;
import org.pult.siplab.HostAddresses;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallQuality.IceState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent.QualityMeasured;
import org.pult.softphone.linphone.LinphoneTuning;

/**
 * Calls with ICE, STUN and TURN against a real coturn.
 *
 * <p>liblinphone 5.1 offers as ICE host candidates only the machine's non-loopback addresses (the one
 * with the default route first), never its bind address, and it keeps a TURN allocation only when the
 * answer comes in on one of those addresses. Phones bound to 127.0.0.1 would offer candidates nobody
 * can reach. So the ICE calls here bind the phones, and run coturn, on the address with the default
 * route; the registrar stays on 127.0.0.1.
 *
 * <p>Seen with TURN on: once mediastreamer2 5.1 holds an allocation it sends the stream's packets, the
 * connectivity checks included, through the relay, so ICE ends on relay pairs even between two hosts that
 * could reach each other directly.
 */
class IceTurnCallTest extends CallScenario {

    private static final String ALICE_TURN = "turn-alice";
    private static final String BOB_TURN = "turn-bob";
    /** Call set-up on one machine takes well under a second without ICE. */
    private static final Duration PROMPT_SETUP = Duration.ofSeconds(10);
    /**
     * With ICE, each side waits for its STUN server before it offers or answers; a server that never answers
     * costs liblinphone 5.1 about 3.5 s per side (seen: 7.2 s from dial to both sides ACTIVE).
     */
    private static final Duration SETUP_AFTER_STUN_TIMEOUTS = Duration.ofSeconds(20);

    private final Map<String, String> turnPasswords = Map.of(ALICE_TURN, "a-" + Long.toHexString(System.nanoTime()),
            BOB_TURN, "b-" + Long.toHexString(System.nanoTime()));
    private Coturn coturn;
    private InetAddress host;

    @BeforeEach
    void startCoturn() {
        host = HostAddresses.defaultRouteIpv4().orElseThrow(() -> new AssertionError("ICE calls need an IPv4 address "
                + "with a default route: liblinphone 5.1 never offers a loopback address as an ICE candidate"));
        coturn = Coturn.builder().host(host).user(ALICE_TURN, turnPasswords.get(ALICE_TURN))
                .user(BOB_TURN, turnPasswords.get(BOB_TURN)).start();
    }

    @AfterEach
    void stopCoturn() {
        if (coturn != null) {
            System.out.println(getClass().getSimpleName() + ": coturn log: " + coturn.log());
            coturn.close();
        }
    }

    @Test
    void withIceAndTurnTheCallConnectsThroughTheRelayAndAudioFlowsBothWays() {
        TestPhone alice = iceTurnPhone("alice", ALICE_TURN, turnPasswords.get(ALICE_TURN));
        TestPhone bob = iceTurnPhone("bob", BOB_TURN, turnPasswords.get(BOB_TURN));

        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
        for (String turnUser : new String[] {ALICE_TURN, BOB_TURN}) {
            assertThat(coturn.allocations(turnUser)).as("TURN allocations of %s in %s:\n%s", turnUser, coturn.log(),
                    coturn.linesAbout(turnUser)).isPositive();
            assertThat(coturn.permissions(turnUser)).as("permissions and channels %s's relay got (it sent to the peer)",
                    turnUser).isPositive();
            assertThat(coturn.rejectedCredentials(turnUser)).isZero();
        }
        assertThat(iceStateOf(alice, call.callerSide())).as("alice's ICE outcome").isEqualTo(IceState.RELAY);
        assertThat(iceStateOf(bob, call.calleeSide())).as("bob's ICE outcome").isEqualTo(IceState.RELAY);
    }

    @Test
    void natTraversalThatComesWithTheAccountRelaysTheCallAsTheBackendProvisionedIt() {
        TestPhone alice = accountNatPhone("alice", ALICE_TURN);
        TestPhone bob = accountNatPhone("bob", BOB_TURN);

        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
        for (String turnUser : new String[] {ALICE_TURN, BOB_TURN}) {
            assertThat(coturn.allocations(turnUser)).as("TURN allocations of %s from the account's policy:\n%s", turnUser,
                    coturn.linesAbout(turnUser)).isPositive();
            assertThat(coturn.rejectedCredentials(turnUser)).isZero();
        }
        assertThat(iceStateOf(alice, call.callerSide())).as("alice's ICE outcome").isEqualTo(IceState.RELAY);
        assertThat(iceStateOf(bob, call.calleeSide())).as("bob's ICE outcome").isEqualTo(IceState.RELAY);
    }

    @Test
    void aWrongTurnPasswordStillLetsTheCallConnect() {
        TestPhone alice = iceTurnPhone("alice", ALICE_TURN, "not-the-password");
        TestPhone bob = iceTurnPhone("bob", BOB_TURN, turnPasswords.get(BOB_TURN));

        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        assertThat(coturn.rejectedCredentials(ALICE_TURN)).as("coturn refused alice's TURN password (%s)", coturn.log())
                .isPositive();
        assertThat(coturn.allocations(ALICE_TURN)).as("allocations with a wrong password").isZero();
        assertThat(coturn.allocations(BOB_TURN)).as("bob's allocations").isPositive();
        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
        // Seen: both RELAY. Alice has no relay of her own, but reaches bob's relay from her host address, and
        // bob's TURN client sends everything through his relay (see the first test).
        assertThat(iceStateOf(alice, call.callerSide())).as("alice's ICE outcome").isEqualTo(IceState.RELAY);
        assertThat(iceStateOf(bob, call.calleeSide())).as("bob's ICE outcome").isEqualTo(IceState.RELAY);
    }

    @Test
    void aStunServerThatNeverAnswersDoesNotStopCalls() {
        try (SilentUdpServer silent = SilentUdpServer.start(InetAddress.getLoopbackAddress())) {
            SoftphoneConfig.Nat stunOnly = new SoftphoneConfig.Nat(silent.address(), false, false, "", "");
            TestPhone alice = lab.registered("alice", config -> config.withNat(stunOnly),
                    LinphoneTuning.fromSystemProperties());
            TestPhone bob = lab.registered("bob", config -> config.withNat(stunOnly), LinphoneTuning.fromSystemProperties());

            Duration setup = timed(() -> lab.connect(alice, bob));
            Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

            System.out.println("STUN only, silent server: set-up " + setup.toMillis() + " ms");
            assertThat(setup).as("dial to both sides ACTIVE").isLessThan(PROMPT_SETUP);
            assertThat(silent.received()).as("datagrams to the STUN server: liblinphone 5.1 asks it nothing for calls "
                    + "when ICE is off (a STUN-only policy does not change the call's addresses); if this changes, "
                    + "re-check what a dead STUN server then costs").isZero();
            Hearing.assertHears(heard, alice, bob);
            Hearing.assertHears(heard, bob, alice);
        }
    }

    @Test
    void withIceAStunServerThatNeverAnswersDoesNotStopCalls() {
        try (SilentUdpServer silent = SilentUdpServer.start(host)) {
            SoftphoneConfig.Nat iceStun = new SoftphoneConfig.Nat(silent.address(), true, false, "", "");
            TestPhone alice = lab.registered("alice",
                    config -> config.withBindAddress(host.getHostAddress()).withNat(iceStun),
                    LinphoneTuning.fromSystemProperties());
            TestPhone bob = lab.registered("bob", config -> config.withBindAddress(host.getHostAddress()).withNat(iceStun),
                    LinphoneTuning.fromSystemProperties());

            CallLab.Connected[] call = new CallLab.Connected[1];
            Duration setup = timed(() -> call[0] = lab.connect(alice, bob));
            Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

            System.out.println("ICE + silent STUN: set-up " + setup.toMillis() + " ms");
            assertThat(silent.received()).as("STUN requests the phones sent while gathering").isPositive();
            assertThat(setup).as("dial to both sides ACTIVE").isLessThan(SETUP_AFTER_STUN_TIMEOUTS);
            Hearing.assertHears(heard, alice, bob);
            Hearing.assertHears(heard, bob, alice);
            assertThat(iceStateOf(alice, call[0].callerSide())).as("alice's ICE outcome: host candidates only")
                    .isEqualTo(IceState.HOST);
        }
    }

    private static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Registered over UDP, bound to {@link #host}, with ICE and TURN (and so STUN) at coturn. */
    private TestPhone iceTurnPhone(String user, String turnUser, String turnPassword) {
        SoftphoneConfig.Nat nat = new SoftphoneConfig.Nat(coturn.address(), true, true, turnUser, turnPassword);
        return lab.registered(user, config -> config.withBindAddress(host.getHostAddress()).withNat(nat),
                LinphoneTuning.fromSystemProperties());
    }

    /** No NAT in the engine's config: ICE and TURN come with the SIP account, as the hub hands them out. */
    private TestPhone accountNatPhone(String user, String turnUser) {
        SoftphoneConfig.Nat nat = new SoftphoneConfig.Nat(coturn.address(), true, true, turnUser, turnPasswords.get(turnUser));
        return lab.registeredWith(user, config -> config.withBindAddress(host.getHostAddress()),
                account -> new SipAccount(account.identity(), account.registrar(), account.transport(), account.username(),
                        account.password(), account.trustedCa(), nat));
    }

    /** The ICE state of the latest quality reading of {@code call} (one comes every few seconds while it runs). */
    private static IceState iceStateOf(TestPhone phone, org.pult.softphone.api.CallId call) {
        int mark = phone.events().mark();
        phone.events().awaitAfter(mark, QualityMeasured.class, e -> e.call().equals(call), Duration.ofSeconds(15),
                "a quality reading of " + call);
        return phone.events().ofType(QualityMeasured.class).stream().filter(e -> e.call().equals(call))
                .reduce((first, second) -> second).orElseThrow().quality().ice();
    }
}

package org.pult.softphone.linphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pult.softphone.NativeLibraryLoader;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneCommandException;
import org.pult.softphone.api.SoftphoneCommandException.Problem;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.api.SoftphoneEvent.DtmfReceived;
import org.pult.softphone.api.SoftphoneEvent.QualityMeasured;
import org.pult.softphone.api.SoftphoneEvent.RegistrationChanged;

/** Two real engines on 127.0.0.1 in file-audio mode, calling each other without a registrar. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LinphoneSoftphoneDirectCallTest {

    @TempDir
    Path temp;

    private final List<LinphoneSoftphone> started = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        started.forEach(LinphoneSoftphone::close);
    }

    private LinphoneSoftphone start(String name, double toneHertz, EventLog events) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path play = ToneWav.write(dir.resolve("play.wav"), toneHertz);
        SoftphoneConfig config = SoftphoneConfig.defaults(dir.resolve("engine"))
                .withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(play, dir.resolve("heard.wav")));
        LinphoneSoftphone softphone = LinphoneSoftphone.start(config);
        started.add(softphone);
        softphone.subscribe(events);
        return softphone;
    }

    private static String uriOf(LinphoneSoftphone softphone) {
        return "sip:bob@127.0.0.1:" + softphone.sipPort(SipTransport.UDP);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(EventLog.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertFailsWith(CompletableFuture<?> future, Problem problem) {
        assertThatThrownBy(() -> await(future)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(SoftphoneCommandException.class,
                        e -> assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem));
    }

    /** Alice calls Bob and Bob answers; returns {alice's call, bob's call}. */
    private static CallId[] connect(LinphoneSoftphone alice, EventLog aliceEvents, LinphoneSoftphone bob,
            EventLog bobEvents) throws Exception {
        CallId aliceCall = await(alice.dial(uriOf(bob)));
        CallStateChanged incoming = bobEvents.nextState(CallState.INCOMING);
        assertThat(incoming.direction()).isEqualTo(CallDirection.INCOMING);
        assertThat(incoming.remoteUri()).startsWith("sip:");
        await(bob.answer(incoming.call()));
        aliceEvents.nextState(aliceCall, CallState.ACTIVE);
        bobEvents.nextState(incoming.call(), CallState.ACTIVE);
        return new CallId[] {aliceCall, incoming.call()};
    }

    @Test
    void startsWithBoundPortsAndAVersion() throws Exception {
        LinphoneSoftphone alice = start("alice", 440, new EventLog());

        assertThat(alice.sipPort(SipTransport.UDP)).isPositive();
        assertThat(alice.sipPort(SipTransport.TCP)).isPositive().isNotEqualTo(alice.sipPort(SipTransport.UDP));
        assertThat(alice.engineVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(alice.capabilities().hold()).isTrue();
        // File mode has no sound card; the list may be empty but the command must work.
        assertThat(await(alice.audioDevices())).isNotNull();
    }

    @Test
    void callsAnswersHoldsResumesSendsDtmfAndHangsUp() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);

        long beforeDial = System.nanoTime();
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);
        CallId aliceCall = calls[0];
        CallId bobCall = calls[1];
        CallStateChanged dialing = aliceEvents.all().stream().filter(CallStateChanged.class::isInstance)
                .map(CallStateChanged.class::cast).findFirst().orElseThrow();
        assertThat(dialing.call()).isEqualTo(aliceCall);
        assertThat(dialing.state()).isEqualTo(CallState.DIALING);
        assertThat(dialing.direction()).isEqualTo(CallDirection.OUTGOING);
        assertThat(dialing.engineNanos()).isBetween(beforeDial, System.nanoTime());

        await(alice.hold(aliceCall));
        aliceEvents.nextState(aliceCall, CallState.HELD);
        bobEvents.nextState(bobCall, CallState.HELD_BY_REMOTE);
        await(alice.resume(aliceCall));
        aliceEvents.nextState(aliceCall, CallState.ACTIVE);
        bobEvents.nextState(bobCall, CallState.ACTIVE);

        for (char digit : "19#*".toCharArray()) {
            await(alice.sendDtmf(aliceCall, digit));
            DtmfReceived received = bobEvents.next(DtmfReceived.class, e -> true);
            assertThat(received.call()).isEqualTo(bobCall);
            assertThat(received.digit()).isEqualTo(digit);
        }
        QualityMeasured quality = aliceEvents.next(QualityMeasured.class, e -> e.call().equals(aliceCall));
        assertThat(quality.quality().lossPercent()).isBetween(0.0, 100.0);

        await(alice.hangUp(aliceCall));
        assertThat(aliceEvents.nextState(aliceCall, CallState.ENDED).reason()).isEmpty();
        bobEvents.nextState(bobCall, CallState.ENDED);
        assertFailsWith(alice.hold(aliceCall), Problem.NO_SUCH_CALL);
    }

    @Test
    void aRejectedCallFailsWithAReasonAtTheCaller() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);

        CallId aliceCall = await(alice.dial(uriOf(bob)));
        CallId bobCall = bobEvents.nextState(CallState.INCOMING).call();
        await(bob.reject(bobCall));

        CallStateChanged failed = aliceEvents.nextState(aliceCall, CallState.FAILED);
        assertThat(failed.reason()).containsIgnoringCase("busy");
        assertThat(bobEvents.nextState(bobCall, CallState.ENDED).call()).isEqualTo(bobCall);
    }

    @Test
    void answeringAnOutgoingCallIsTheWrongState() throws Exception {
        EventLog aliceEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, new EventLog());

        CallId aliceCall = await(alice.dial(uriOf(bob)));

        assertFailsWith(alice.answer(aliceCall), Problem.WRONG_STATE);
    }

    @Test
    void refusesMalformedAddressesAndUnknownCalls() throws Exception {
        LinphoneSoftphone alice = start("alice", 440, new EventLog());

        assertFailsWith(alice.dial("not a sip uri"), Problem.BAD_ADDRESS);
        assertFailsWith(alice.dial("sip:"), Problem.BAD_ADDRESS);
        assertFailsWith(alice.dial("mailto:bob@example.org"), Problem.BAD_ADDRESS);
        assertFailsWith(alice.hold(new CallId(4242)), Problem.NO_SUCH_CALL);
        assertFailsWith(alice.sendDtmf(new CallId(4242), '5'), Problem.NO_SUCH_CALL);
        assertFailsWith(alice.stopRecording(new CallId(4242)), Problem.NO_SUCH_CALL);
    }

    @Test
    void recordsACallAndKeepsThePausedSpanAsSilence() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);
        CallId aliceCall = connect(alice, aliceEvents, bob, bobEvents)[0];
        Path recording = temp.resolve("call.wav");

        await(alice.startRecording(aliceCall, recording));
        assertFailsWith(alice.startRecording(aliceCall, recording), Problem.WRONG_STATE);
        Thread.sleep(1500);
        await(alice.pauseRecording(aliceCall));
        Thread.sleep(2000);
        await(alice.resumeRecording(aliceCall));
        Thread.sleep(1500);
        await(alice.stopRecording(aliceCall));

        ToneWav.Pcm pcm = ToneWav.read(recording);
        // Both tones play throughout, so only the pause can leave exact digital silence.
        assertThat(pcm.seconds()).isGreaterThan(4.0);
        assertThat(pcm.longestSilenceSeconds()).isBetween(1.5, 3.0);
        assertFailsWith(alice.pauseRecording(aliceCall), Problem.WRONG_STATE);
    }

    @Test
    void answeringASecondCallPutsTheFirstOnHold() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        EventLog carolEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);
        LinphoneSoftphone carol = start("carol", 1500, carolEvents);
        CallId[] first = connect(alice, aliceEvents, bob, bobEvents);

        CallId carolCall = await(carol.dial(uriOf(bob)));
        CallId waiting = bobEvents.nextState(CallState.INCOMING).call();
        assertThat(waiting).isNotEqualTo(first[1]);
        await(bob.answer(waiting));

        bobEvents.next(CallStateChanged.class, e -> e.call().equals(first[1]) && e.state() == CallState.HELD);
        aliceEvents.nextState(first[0], CallState.HELD_BY_REMOTE);
        carolEvents.nextState(carolCall, CallState.ACTIVE);
    }

    @Test
    void refusesAConferenceWithoutARegisteredAccount() throws Exception {
        // liblinphone 5.1 crashes the process adding a call without a contact (no account) to a conference.
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);

        assertFailsWith(alice.mergeIntoConference(List.of(calls[0])), Problem.WRONG_STATE);
        assertFailsWith(alice.mergeIntoConference(List.of(new CallId(4242))), Problem.NO_SUCH_CALL);
    }

    @Test
    void closeEndsCallsIsIdempotentAndRefusesLaterCommands() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);

        alice.close();
        alice.close();

        assertThat(aliceEvents.nextState(calls[0], CallState.ENDED).call()).isEqualTo(calls[0]);
        bobEvents.nextState(calls[1], CallState.ENDED);
        assertFailsWith(alice.dial(uriOf(bob)), Problem.CLOSED);
        assertFailsWith(alice.hangUp(calls[0]), Problem.CLOSED);
        assertThat(alice.sipPort(SipTransport.UDP)).isPositive();
    }

    @Test
    void aRegistrarThatDoesNotAnswerFailsWithAReasonAndIsRetried() throws Exception {
        EventLog events = new EventLog();
        Path dir = Files.createDirectories(temp.resolve("alice"));
        SoftphoneConfig config = SoftphoneConfig.defaults(dir).withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(ToneWav.write(dir.resolve("play.wav"), 440), dir.resolve("heard.wav")));
        LinphoneSoftphone alice = LinphoneSoftphone.start(config, LinphoneTuning.DEFAULTS.withRegistration(60, 1));
        started.add(alice);
        alice.subscribe(events);
        // Nothing listens on TCP port 9 of loopback: the connection is refused at once.
        SipAccount account = new SipAccount("sip:alice@127.0.0.1", "sip:127.0.0.1:9", SipTransport.TCP, "alice",
                "secret", null);

        await(alice.register(account));

        events.next(RegistrationChanged.class, e -> e.state() == RegistrationState.IN_PROGRESS);
        RegistrationChanged failed = events.next(RegistrationChanged.class, e -> e.state() == RegistrationState.FAILED);
        assertThat(failed.reason()).isNotBlank().doesNotContain("secret");
        long retried = events.next(RegistrationChanged.class, e -> e.state() == RegistrationState.IN_PROGRESS).engineNanos();
        assertThat(retried - failed.engineNanos()).isLessThan(TimeUnit.SECONDS.toNanos(10));
        await(alice.unregister());
    }

    @Test
    void reportsAnUnusableWorkDirectoryAsAStartFailure() throws IOException {
        Path occupied = Files.writeString(temp.resolve("occupied"), "a file where a folder should be");
        SoftphoneConfig config = SoftphoneConfig.defaults(occupied).withBindAddress("127.0.0.1");

        assertThatThrownBy(() -> LinphoneSoftphone.start(config)).isInstanceOf(SoftphoneStartException.class)
                .hasMessageContaining(occupied.toString());
    }

    @Test
    void reportsAMissingLibraryAsAStartFailure() {
        SoftphoneConfig config = SoftphoneConfig.defaults(temp.resolve("engine"));
        NativeLibraryLoader missing = NativeLibraryLoader.forFile(temp.resolve("nowhere/libpultphone.so"));

        assertThatThrownBy(() -> LinphoneSoftphone.start(config, missing)).isInstanceOf(SoftphoneStartException.class)
                .hasMessageContaining("libpultphone.so");
    }
}

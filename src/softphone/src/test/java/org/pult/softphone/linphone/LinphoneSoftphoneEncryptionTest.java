package org.pult.softphone.linphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.MediaEncryption;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent.EncryptionChanged;
import org.pult.softphone.api.SoftphoneEvent.QualityMeasured;

/**
 * What two real engines on 127.0.0.1 report about media encryption. liblinphone 5.1 calls its
 * encryption-changed callback for ZRTP and DTLS only; the engine reads SDES-SRTP (and no
 * encryption) from the call's current params at StreamsRunning, and reports each call's encryption
 * once per change.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LinphoneSoftphoneEncryptionTest {

    @TempDir
    Path temp;

    private final List<LinphoneSoftphone> started = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        started.forEach(LinphoneSoftphone::close);
    }

    private LinphoneSoftphone start(String name, double toneHertz, MediaEncryption encryption, boolean mandatory,
            EventLog events) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path play = ToneWav.write(dir.resolve("play.wav"), toneHertz);
        SoftphoneConfig config = SoftphoneConfig.defaults(dir.resolve("engine"))
                .withBindAddress("127.0.0.1")
                .withAudio(new SoftphoneConfig.Audio.Files(play, dir.resolve("heard.wav")))
                .withEncryption(encryption, mandatory);
        LinphoneSoftphone softphone = LinphoneSoftphone.start(config);
        started.add(softphone);
        softphone.subscribe(events);
        return softphone;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(EventLog.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Alice calls Bob and Bob answers; returns {alice's call, bob's call} once both are ACTIVE. */
    private static CallId[] connect(LinphoneSoftphone alice, EventLog aliceEvents, LinphoneSoftphone bob,
            EventLog bobEvents) throws Exception {
        CallId aliceCall = await(alice.dial("sip:bob@127.0.0.1:" + bob.sipPort(SipTransport.UDP)));
        CallId bobCall = bobEvents.nextState(CallState.INCOMING).call();
        await(bob.answer(bobCall));
        aliceEvents.nextState(aliceCall, CallState.ACTIVE);
        bobEvents.nextState(bobCall, CallState.ACTIVE);
        return new CallId[] {aliceCall, bobCall};
    }

    private static List<EncryptionChanged> encryptionEvents(EventLog events, CallId call) {
        return events.all().stream().filter(EncryptionChanged.class::isInstance).map(EncryptionChanged.class::cast)
                .filter(e -> e.call().equals(call)).toList();
    }

    /** Lets a second of quality reports (and any late encryption event) through. */
    private static void letASecondPass(EventLog events, CallId call) throws InterruptedException {
        events.next(QualityMeasured.class, e -> e.call().equals(call));
        events.next(QualityMeasured.class, e -> e.call().equals(call));
    }

    @Test
    void defaultSrtpOnBothSidesIsReportedOnceAsSrtpAndSurvivesHold() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, MediaEncryption.SRTP, false, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, MediaEncryption.SRTP, false, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);

        EncryptionChanged aliceSide = aliceEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[0]));
        EncryptionChanged bobSide = bobEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[1]));
        assertThat(aliceSide.encryption()).isEqualTo(MediaEncryption.SRTP);
        assertThat(aliceSide.authenticationToken()).isEmpty();
        assertThat(bobSide.encryption()).isEqualTo(MediaEncryption.SRTP);
        assertThat(bobSide.authenticationToken()).isEmpty();

        // Hold and resume re-INVITE and restart the streams: still SRTP, so nothing new is reported.
        await(alice.hold(calls[0]));
        aliceEvents.nextState(calls[0], CallState.HELD);
        bobEvents.nextState(calls[1], CallState.HELD_BY_REMOTE);
        await(alice.resume(calls[0]));
        aliceEvents.nextState(calls[0], CallState.ACTIVE);
        bobEvents.nextState(calls[1], CallState.ACTIVE);
        letASecondPass(aliceEvents, calls[0]);
        letASecondPass(bobEvents, calls[1]);

        assertThat(encryptionEvents(aliceEvents, calls[0])).containsExactly(aliceSide);
        assertThat(encryptionEvents(bobEvents, calls[1])).containsExactly(bobSide);
    }

    @Test
    void anUnencryptedCallerGetsAnActiveCallReportedAsNotEncryptedOnBothSides() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, MediaEncryption.NONE, false, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, MediaEncryption.SRTP, false, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);
        letASecondPass(aliceEvents, calls[0]);
        letASecondPass(bobEvents, calls[1]);

        // The engine says "not encrypted" explicitly, once, when the streams run.
        assertThat(encryptionEvents(aliceEvents, calls[0])).singleElement().satisfies(e -> {
            assertThat(e.encryption()).isEqualTo(MediaEncryption.NONE);
            assertThat(e.authenticationToken()).isEmpty();
        });
        assertThat(encryptionEvents(bobEvents, calls[1])).singleElement().satisfies(e -> {
            assertThat(e.encryption()).isEqualTo(MediaEncryption.NONE);
            assertThat(e.authenticationToken()).isEmpty();
        });
    }

    @Test
    void dtlsOnBothSidesIsReportedOnceAsDtlsWithoutAnEarlierNotEncrypted() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, MediaEncryption.DTLS, true, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, MediaEncryption.DTLS, false, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);

        assertThat(aliceEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[0])).encryption())
                .isEqualTo(MediaEncryption.DTLS);
        assertThat(bobEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[1])).encryption())
                .isEqualTo(MediaEncryption.DTLS);
        await(alice.hold(calls[0]));
        aliceEvents.nextState(calls[0], CallState.HELD);
        bobEvents.nextState(calls[1], CallState.HELD_BY_REMOTE);
        await(alice.resume(calls[0]));
        aliceEvents.nextState(calls[0], CallState.ACTIVE);
        bobEvents.nextState(calls[1], CallState.ACTIVE);
        letASecondPass(aliceEvents, calls[0]);
        letASecondPass(bobEvents, calls[1]);
        assertThat(encryptionEvents(aliceEvents, calls[0])).extracting(EncryptionChanged::encryption)
                .containsExactly(MediaEncryption.DTLS);
        assertThat(encryptionEvents(bobEvents, calls[1])).extracting(EncryptionChanged::encryption)
                .containsExactly(MediaEncryption.DTLS);
    }

    @Test
    void zrtpOnBothSidesIsReportedOnceWithTheSameShortAuthenticationString() throws Exception {
        EventLog aliceEvents = new EventLog();
        EventLog bobEvents = new EventLog();
        LinphoneSoftphone alice = start("alice", 440, MediaEncryption.ZRTP, false, aliceEvents);
        LinphoneSoftphone bob = start("bob", 1000, MediaEncryption.ZRTP, false, bobEvents);
        CallId[] calls = connect(alice, aliceEvents, bob, bobEvents);

        EncryptionChanged aliceSide = aliceEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[0]));
        EncryptionChanged bobSide = bobEvents.next(EncryptionChanged.class, e -> e.call().equals(calls[1]));
        assertThat(aliceSide.encryption()).isEqualTo(MediaEncryption.ZRTP);
        assertThat(bobSide.encryption()).isEqualTo(MediaEncryption.ZRTP);
        assertThat(aliceSide.authenticationToken()).isNotBlank().isEqualTo(bobSide.authenticationToken());
        await(bob.hold(calls[1]));
        bobEvents.nextState(calls[1], CallState.HELD);
        aliceEvents.nextState(calls[0], CallState.HELD_BY_REMOTE);
        await(bob.resume(calls[1]));
        bobEvents.nextState(calls[1], CallState.ACTIVE);
        aliceEvents.nextState(calls[0], CallState.ACTIVE);
        letASecondPass(aliceEvents, calls[0]);
        letASecondPass(bobEvents, calls[1]);
        assertThat(encryptionEvents(aliceEvents, calls[0])).containsExactly(aliceSide);
        assertThat(encryptionEvents(bobEvents, calls[1])).containsExactly(bobSide);
    }
}

package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pult.siplab.ToneTimeline;
import org.pult.siplab.Tones;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SipTransport;

/**
 * Hold and resume. Listening is by what each record file gained in a stretch of wall-clock time
 * ({@link Hearing}), so it works whether the engine keeps appending to one file or reopens it when
 * streams restart (ENGINE-NOTES pitfall 9).
 *
 * <p>What was seen with liblinphone 5.1 in file mode: the record file keeps its inode; the holder's
 * recorder stops during hold (nothing appended) and appends again after resume; the held side keeps
 * recording and hears the holder's play file, because liblinphone 5.1 plays the core's play file as
 * hold music to the held party — and in file mode that file is also the "microphone". The engine
 * therefore switches a held call to its own hold music ({@code SoftphoneConfig.holdMusic}, silence
 * when unset), which {@link #heldSideHearsNothingOfTheHolder} and {@link #heldSideHearsTheHoldMusic} check.
 */
class HoldResumeTest extends CallScenario {

    @Test
    void holdSilencesTheHeldPartyAndResumeBringsTheAudioBack() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> before = Hearing.listen(Duration.ofSeconds(3), alice, bob);
        Hearing.assertHears(before, alice, bob);
        Hearing.assertHears(before, bob, alice);

        holdByAlice(alice, bob, call);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> held = Hearing.listen(Duration.ofSeconds(3), alice, bob);
        Hearing.assertDoesNotHear(held, alice, bob);

        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        Commands.done(alice.engine().resume(call.callerSide()), "alice resumes");
        alice.awaitState(aliceMark, call.callerSide(), CallState.ACTIVE);
        bob.awaitState(bobMark, call.calleeSide(), CallState.ACTIVE);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> resumed = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(resumed, alice, bob);
        Hearing.assertHears(resumed, bob, alice);
        assertThat(bob.events().statesOf(call.calleeSide()))
                .containsSubsequence(CallState.INCOMING, CallState.ACTIVE, CallState.HELD_BY_REMOTE, CallState.ACTIVE);
        assertThat(alice.events().statesOf(call.callerSide()))
                .containsSubsequence(CallState.ACTIVE, CallState.HELD, CallState.ACTIVE);
    }

    @Test
    void heldSideHearsNothingOfTheHolder() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);

        holdByAlice(alice, bob, call);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> held = Hearing.listen(Duration.ofSeconds(3), bob);

        Hearing.assertDoesNotHear(held, bob, alice);
    }

    @Test
    void heldSideHearsTheHoldMusic() {
        Path music = Tones.writeSine(folder.resolve("hold-music-1500hz.wav"), Tones.D, Duration.ofSeconds(2), 8000);
        TestPhone alice = lab.phone("alice", config -> config.withHoldMusic(music));
        alice.register(alice.account(lab.kamailio(), SipTransport.UDP, lab.password("alice"), lab.kamailio().ca().caPem()));
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);

        holdByAlice(alice, bob, call);
        Commands.pause(Duration.ofSeconds(1));
        ToneTimeline held = Hearing.listen(Duration.ofSeconds(3), bob).get(bob);

        assertThat(held.presence(Tones.D)).as("bob on hold should hear the 1500 Hz hold music (looped): " + held.describe())
                .isGreaterThanOrEqualTo(Hearing.HEARD);
        Hearing.assertDoesNotHear(Map.of(bob, held), bob, alice);
    }

    @Test
    void resumingACallThatIsNotHeldLeavesItTalking() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);

        Commands.refusal(alice.engine().resume(call.callerSide()), "alice resumes an active call");
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
    }

    private static void holdByAlice(TestPhone alice, TestPhone bob, CallLab.Connected call) {
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        Commands.done(alice.engine().hold(call.callerSide()), "alice holds");
        alice.awaitState(aliceMark, call.callerSide(), CallState.HELD);
        bob.awaitState(bobMark, call.calleeSide(), CallState.HELD_BY_REMOTE);
    }
}

package org.pult.softphone.calls;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallState;

/**
 * Attended transfer (REFER with Replaces) through Kamailio: alice calls bob, bob holds her and
 * consults carol, then connects alice to carol; or bob gives up the consultation and returns.
 */
class AttendedTransferTest extends CallScenario {

    @Test
    void completedTransferConnectsTheFirstCallerToTheConsultedParty() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        TestPhone carol = lab.registered("carol");
        CallLab.Connected first = lab.connect(alice, bob);
        holdByBob(alice, bob, first);
        CallLab.Connected consultation = lab.connect(bob, carol);
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        int carolMark = carol.events().mark();

        Commands.done(bob.engine().transferAttended(first.calleeSide(), consultation.callerSide()),
                "bob connects alice to carol");

        alice.events().awaitCallWith(aliceMark, "carol", CallState.ACTIVE, TestPhone.CALL_TIMEOUT);
        carol.events().awaitCallWith(carolMark, "alice", CallState.ACTIVE, TestPhone.CALL_TIMEOUT);
        bob.awaitState(bobMark, first.calleeSide(), CallState.ENDED);
        bob.awaitState(bobMark, consultation.callerSide(), CallState.ENDED);
        carol.awaitState(carolMark, consultation.calleeSide(), CallState.ENDED);
        alice.awaitState(aliceMark, first.callerSide(), CallState.ENDED);

        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, carol);
        Hearing.assertHears(heard, alice, carol);
        Hearing.assertHears(heard, carol, alice);
    }

    @Test
    void cancelledConsultationReturnsToTheFirstCall() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        TestPhone carol = lab.registered("carol");
        CallLab.Connected first = lab.connect(alice, bob);
        holdByBob(alice, bob, first);
        CallLab.Connected consultation = lab.connect(bob, carol);
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        int carolMark = carol.events().mark();

        Commands.done(bob.engine().hangUp(consultation.callerSide()), "bob ends the consultation");
        bob.awaitState(bobMark, consultation.callerSide(), CallState.ENDED);
        carol.awaitState(carolMark, consultation.calleeSide(), CallState.ENDED);
        Commands.done(bob.engine().resume(first.calleeSide()), "bob resumes alice");

        bob.awaitState(bobMark, first.calleeSide(), CallState.ACTIVE);
        alice.awaitState(aliceMark, first.callerSide(), CallState.ACTIVE);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);
        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
    }

    private static void holdByBob(TestPhone alice, TestPhone bob, CallLab.Connected call) {
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        Commands.done(bob.engine().hold(call.calleeSide()), "bob holds alice");
        bob.awaitState(bobMark, call.calleeSide(), CallState.HELD);
        alice.awaitState(aliceMark, call.callerSide(), CallState.HELD_BY_REMOTE);
    }
}

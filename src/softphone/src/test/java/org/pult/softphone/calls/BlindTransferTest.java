package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.pult.softphone.api.SoftphoneEvent.TransferProgress;

/** Blind transfer (REFER) through Kamailio: alice calls bob, bob sends her on to carol. */
class BlindTransferTest extends CallScenario {

    @Test
    void transferredCallerEndsUpTalkingToTheTarget() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        TestPhone carol = lab.registered("carol");
        CallLab.Connected call = lab.connect(alice, bob);
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();
        int carolMark = carol.events().mark();

        Commands.done(bob.engine().transferBlind(call.calleeSide(), lab.kamailio().addressOf("carol")),
                "bob transfers alice to carol");

        CallId carolSide = carol.answerCallFrom(carolMark, alice);
        CallStateChanged aliceToCarol = alice.events().awaitCallWith(aliceMark, "carol", CallState.ACTIVE,
                TestPhone.CALL_TIMEOUT);
        assertThat(aliceToCarol.call()).as("alice's call to carol is a new call").isNotEqualTo(call.callerSide());
        bob.awaitState(bobMark, call.calleeSide(), CallState.ENDED);
        alice.awaitState(aliceMark, call.callerSide(), CallState.ENDED);

        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, carol);
        Hearing.assertHears(heard, alice, carol);
        Hearing.assertHears(heard, carol, alice);
        assertThat(carol.events().statesOf(carolSide)).last().isEqualTo(CallState.ACTIVE);
        assertThat(bob.events().ofType(TransferProgress.class))
                .as("bob is told how the transfer went: " + bob.events().describe())
                .anyMatch(e -> e.call().equals(call.calleeSide()));
    }
}

package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;

/** A plain call through Kamailio with digest authentication: audio flows both ways, hang-up ends both sides. */
class AudioCallTest extends CallScenario {

    @Test
    void eachSideHearsTheOther() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");

        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(3), alice, bob);

        Hearing.assertHears(heard, alice, bob);
        Hearing.assertHears(heard, bob, alice);
        CallStateChanged incoming = bob.events().awaitIncomingFrom(0, "alice", Duration.ZERO);
        assertThat(incoming.direction()).isEqualTo(CallDirection.INCOMING);
        assertThat(incoming.call()).isEqualTo(call.calleeSide());
    }

    @Test
    void hangingUpEndsTheCallOnBothSides() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        int aliceMark = alice.events().mark();
        int bobMark = bob.events().mark();

        Commands.done(bob.engine().hangUp(call.calleeSide()), "bob hangs up");

        bob.awaitState(bobMark, call.calleeSide(), CallState.ENDED);
        alice.awaitState(aliceMark, call.callerSide(), CallState.ENDED);
    }
}

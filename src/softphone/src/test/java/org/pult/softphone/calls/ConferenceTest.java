package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pult.siplab.ToneTimeline;
import org.pult.softphone.api.CallState;

/** A local 3-way conference mixed by alice's engine: everyone hears the two others. */
class ConferenceTest extends CallScenario {

    @Test
    void everyoneHearsTheTwoOthers() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        TestPhone carol = lab.registered("carol");
        CallLab.Connected withBob = lab.connect(alice, bob);
        CallLab.Connected withCarol = lab.connect(alice, carol);
        Commands.pause(Duration.ofSeconds(1));

        Commands.done(alice.engine().mergeIntoConference(List.of(withBob.callerSide(), withCarol.callerSide())),
                "alice merges bob and carol");

        Commands.pause(Duration.ofSeconds(3));
        assertThat(bob.events().statesOf(withBob.calleeSide())).as("bob's call after the merge").last()
                .isEqualTo(CallState.ACTIVE);
        assertThat(carol.events().statesOf(withCarol.calleeSide())).as("carol's call after the merge").last()
                .isEqualTo(CallState.ACTIVE);
        Map<TestPhone, ToneTimeline> heard = Hearing.listen(Duration.ofSeconds(4), alice, bob, carol);
        Hearing.assertHears(heard, bob, alice, carol);
        Hearing.assertHears(heard, carol, alice, bob);
        Hearing.assertHears(heard, alice, bob, carol);
    }
}

package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pult.softphone.api.SoftphoneEvent.DtmfReceived;

/** DTMF digits sent on one side arrive on the other, all of them, in order. */
class DtmfTest extends CallScenario {

    private static final String DIGITS = "1234#";

    @Test
    void digitsArriveInOrder() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        Commands.pause(Duration.ofSeconds(1));
        int bobMark = bob.events().mark();
        int aliceMark = alice.events().mark();

        for (char digit : DIGITS.toCharArray()) {
            Commands.done(alice.engine().sendDtmf(call.callerSide(), digit), "alice sends DTMF " + digit);
            Commands.pause(Duration.ofMillis(300));
        }

        List<DtmfReceived> received = bob.events().awaitCount(bobMark, DtmfReceived.class,
                e -> e.call().equals(call.calleeSide()), DIGITS.length(), Duration.ofSeconds(15), "DTMF digits");
        Commands.pause(Duration.ofSeconds(1));
        String digits = bob.events().ofType(DtmfReceived.class).stream().map(e -> String.valueOf(e.digit()))
                .collect(Collectors.joining());
        assertThat(digits).as("digits bob received (each exactly once)").isEqualTo(DIGITS);
        assertThat(received).allSatisfy(e -> assertThat(e.call()).isEqualTo(call.calleeSide()));
        assertThat(alice.events().all().subList(aliceMark, alice.events().mark()))
                .as("the sender does not receive its own digits").noneMatch(DtmfReceived.class::isInstance);
    }

    @Test
    void aCharacterThatIsNotADigitIsRefused() {
        TestPhone alice = lab.registered("alice");
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);

        Throwable refused = Commands.failure(alice.engine().sendDtmf(call.callerSide(), 'x'), "DTMF 'x'");

        assertThat(refused).isInstanceOf(org.pult.softphone.api.SoftphoneCommandException.class);
    }
}

package org.pult.softphone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pult.softphone.api.SoftphoneEvent.DtmfReceived;
import org.pult.softphone.linphone.LinphoneTuning;

/**
 * DTMF sent as SIP INFO ({@link LinphoneTuning#withDtmfBySipInfo}) arrives on the other side, all digits
 * in order, each once; and it really went as INFO requests through the registrar (Kamailio logs every
 * request it routes), which RFC 4733 digits never do.
 */
class SipInfoDtmfTest extends CallScenario {

    private static final String DIGITS = "1234#";

    @Test
    void digitsSentAsSipInfoArriveInOrderExactlyOnce() {
        TestPhone alice = lab.registered("alice", UnaryOperator.identity(),
                LinphoneTuning.fromSystemProperties().withDtmfBySipInfo(true));
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        int infosBefore = infoRequestsFrom("alice");

        String digits = send(alice, bob, call);

        assertThat(digits).as("digits bob received (each exactly once)").isEqualTo(DIGITS);
        assertThat(infoRequestsFrom("alice") - infosBefore).as("INFO requests from alice that Kamailio routed (%s)",
                lab.kamailio().log()).isGreaterThanOrEqualTo(DIGITS.length());
    }

    @Test
    void byDefaultDigitsGoInTheMediaAndNoInfoIsSent() {
        TestPhone alice = lab.registered("alice", UnaryOperator.identity(),
                LinphoneTuning.fromSystemProperties().withDtmfBySipInfo(false));
        TestPhone bob = lab.registered("bob");
        CallLab.Connected call = lab.connect(alice, bob);
        int infosBefore = infoRequestsFrom("alice");

        String digits = send(alice, bob, call);

        assertThat(digits).as("digits bob received (each exactly once)").isEqualTo(DIGITS);
        assertThat(infoRequestsFrom("alice") - infosBefore).as("INFO requests from alice").isZero();
    }

    /** Alice sends {@link #DIGITS}; returns what bob received once all arrived and a second passed for duplicates. */
    private static String send(TestPhone alice, TestPhone bob, CallLab.Connected call) {
        Commands.pause(Duration.ofSeconds(1));
        int bobMark = bob.events().mark();
        for (char digit : DIGITS.toCharArray()) {
            Commands.done(alice.engine().sendDtmf(call.callerSide(), digit), "alice sends DTMF " + digit);
            Commands.pause(Duration.ofMillis(300));
        }
        bob.events().awaitCount(bobMark, DtmfReceived.class, e -> e.call().equals(call.calleeSide()), DIGITS.length(),
                Duration.ofSeconds(15), "DTMF digits");
        Commands.pause(Duration.ofSeconds(1));
        List<DtmfReceived> received = bob.events().ofType(DtmfReceived.class);
        assertThat(received).allSatisfy(e -> assertThat(e.call()).isEqualTo(call.calleeSide()));
        return received.stream().map(e -> String.valueOf(e.digit())).collect(Collectors.joining());
    }

    /** Lines of the lab config's {@code request $rm $ru from $fu} log for INFO requests from {@code user}. */
    private int infoRequestsFrom(String user) {
        try {
            String log = Files.readString(lab.kamailio().log(), StandardCharsets.ISO_8859_1);
            return (int) log.lines().filter(line -> line.contains("request INFO ") && line.contains(" from sip:" + user
                    + "@")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.pult.softphone.calls;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipTransport;
import org.pult.softphone.api.SoftphoneEvent.RegistrationChanged;

/**
 * The registrar restarts mid-shift and forgets every registration (location is in memory). The
 * engine must notice and register again by itself, without the operator doing anything. Kamailio
 * grants registrations of at most 30 s, so a refresh comes round soon.
 */
class RegistrarRestartTest extends CallScenario {

    private static final Duration MAX_EXPIRES = Duration.ofSeconds(30);
    /** Refresh due (≤ 30 s) + a failed transaction (32 s on UDP) + retry, with room to spare. */
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

    @Override
    CallLab createLab(Path labFolder) {
        return CallLab.start(labFolder, kamailio -> kamailio.maxExpires(MAX_EXPIRES));
    }

    @ParameterizedTest
    @EnumSource(value = SipTransport.class, names = {"UDP", "TCP"})
    void engineRegistersAgainAfterTheRegistrarComesBack(SipTransport transport) {
        TestPhone bob = lab.registered("bob", transport);
        int mark = bob.events().mark();

        lab.kamailio().stop();
        bob.events().awaitAfter(mark, RegistrationChanged.class,
                e -> e.state() == RegistrationState.FAILED || e.state() == RegistrationState.IN_PROGRESS,
                NOTICE_TIMEOUT, "registration FAILED or IN_PROGRESS while Kamailio is down");
        Commands.pause(Duration.ofSeconds(2));
        int restartMark = bob.events().mark();
        lab.kamailio().restart();

        bob.events().awaitRegistration(restartMark, RegistrationState.REGISTERED, RECOVERY_TIMEOUT);
        TestPhone carol = lab.registered("carol");
        int bobMark = bob.events().mark();
        carol.dial(lab.kamailio(), bob);
        bob.events().awaitIncomingFrom(bobMark, "carol", TestPhone.CALL_TIMEOUT);
    }
}

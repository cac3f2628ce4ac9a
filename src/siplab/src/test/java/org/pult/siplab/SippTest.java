package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** sipp against sipp: the lab's scenarios run, replay captures and report success or failure. */
class SippTest {

    @Test
    void uacPcapCallIsAnsweredByAUasAndCompletes() {
        int port = FreePorts.udpAndTcp();
        CompletableFuture<CommandResult> callee = Sipp.async(() -> Sipp.uas(port, Duration.ofSeconds(40)));
        pause(Duration.ofMillis(500));

        CommandResult caller = Sipp.uacPcap(port, "lab", Duration.ofSeconds(40));

        assertThat(caller.succeeded()).as(caller.describe()).isTrue();
        CommandResult answered = callee.join();
        assertThat(answered.succeeded()).as(answered.describe()).isTrue();
    }

    @Test
    void scenarioWithNobodyAnsweringFailsWithinItsTimeout() {
        int nobody = FreePorts.udpAndTcp();

        CommandResult result = Sipp.options(nobody, Duration.ofSeconds(4));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(15));
        assertThat(result.describe()).contains("sipp");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

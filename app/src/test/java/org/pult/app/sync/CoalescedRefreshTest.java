package org.pult.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of live events reloads the console once or twice, not once per event, and the last change is shown. */
class CoalescedRefreshTest {

    @Test
    void aBurstOfAHundredChangesRefreshesAtMostTwice() throws Exception {
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        AtomicInteger refreshes = new AtomicInteger();
        CoalescedRefresh refresh = new CoalescedRefresh(background, Duration.ofMillis(100), refreshes::incrementAndGet);

        for (int i = 0; i < 100; i++) {
            refresh.requested();
        }
        Thread.sleep(400);

        assertThat(refreshes.get()).isEqualTo(1);
        refresh.requested();
        Thread.sleep(400);
        assertThat(refreshes.get()).isEqualTo(2);
        background.shutdown();
        assertThat(background.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
}

package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.LiveEventStore;
import org.pult.cache.OutboxStore;
import org.pult.core.api.LiveEvent;
import org.pult.core.api.LoginResponse;
import org.pult.core.port.LiveEventCache;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;

/**
 * Signing out closes the sync and then the cache: once {@link OfflineSync#close()} returns, no
 * catch-up may touch the cache any more, or it would hit a closed cache.
 */
class OfflineSyncCloseTest {

    @TempDir
    Path hubData;
    @TempDir
    Path clientData;

    @Test
    void closeReturnsOnlyOnceTheCatchUpUnderWayHasFinished() throws Exception {
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubData));
             HubClient client = new HubClient(hub.baseUri());
             CacheDatabase cache = CacheDatabase.open(clientData.resolve("anna.db"))) {
            LoginResponse login = client.login("anna", "pult-demo");
            SlowEvents events = new SlowEvents(new LiveEventStore(cache, login.operator().id()));
            OfflineSync sync = new OfflineSync(client, new OutboxStore(cache, Clock.systemUTC()), events, SessionToken.of(login));
            sync.start();
            Eventually.await("a catch-up applying an event", Duration.ofSeconds(10), () -> events.reading, () -> "");

            sync.close();
            events.closed = true;
            Thread.sleep(800);

            assertThat(events.callsAfterClose.get()).isZero();
        }
    }

    /** The cache's event store, slow to apply its first event, counting what is asked of it after close. */
    private static final class SlowEvents implements LiveEventCache {
        private final LiveEventStore store;
        private final AtomicInteger callsAfterClose = new AtomicInteger();
        private volatile boolean reading;
        private volatile boolean slowedDown;
        private volatile boolean closed;

        SlowEvents(LiveEventStore store) {
            this.store = store;
        }

        private void called() {
            if (closed) {
                callsAfterClose.incrementAndGet();
            }
        }

        @Override
        public long eventCursor() {
            called();
            return store.eventCursor();
        }

        @Override
        public boolean apply(LiveEvent event) {
            called();
            if (!slowedDown) {
                slowedDown = true;
                reading = true;
                long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // not interruptible, like a cache write in progress
                }
                reading = false;
            }
            return store.apply(event);
        }

        @Override
        public void resetEventCursor() {
            called();
            store.resetEventCursor();
        }
    }
}

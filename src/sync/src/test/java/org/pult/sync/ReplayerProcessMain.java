package org.pult.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.pult.cache.CacheDatabase;
import org.pult.cache.OutboxStore;

/**
 * A client process that only replays an existing outbox: {@code <cache file> <hub url> <token>}.
 * Exits 0 once nothing is pending. The test kills it mid-way and starts it again.
 */
public final class ReplayerProcessMain {

    private ReplayerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(Path.of(args[0]))) {
            OutboxStore outbox = new OutboxStore(cache, Clock.systemUTC());
            ConnectionMonitor monitor = new ConnectionMonitor(Clock.systemUTC(), Duration.ofSeconds(5));
            OutboxReplayer replayer = new OutboxReplayer(new HubClient(URI.create(args[1])), outbox, () -> args[2],
                    new RetryBackoff(Duration.ofMillis(50), Duration.ofMillis(500), new Random()), Clock.systemUTC(), monitor);
            while (outbox.pendingCount() > 0) {
                OutboxReplayer.Pass pass = replayer.replayDue();
                if (pass.nextAttemptAt() != null && outbox.pendingCount() > 0) {
                    Thread.sleep(50);
                }
            }
        }
    }
}

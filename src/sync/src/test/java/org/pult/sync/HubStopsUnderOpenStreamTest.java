package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.LiveEventStore;
import org.pult.cache.OutboxStore;
import org.pult.core.api.LoginResponse;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.slf4j.LoggerFactory;

/**
 * A hub stopped while a client's live event stream is open (an operator's backend restarting)
 * ends that stream quietly. It used to leave Javalin passing the recycled request's errors back
 * and forth for the rest of the process: a busy core and gigabytes of stack traces in the log.
 */
class HubStopsUnderOpenStreamTest {

    @TempDir
    Path hubData;
    @TempDir
    Path clientData;

    @Test
    void stoppingTheHubUnderAnOpenStreamLeavesNoStormOfErrors() throws Exception {
        Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        javalin.addAppender(logged);
        HubServer hub = HubServer.start(HubConfig.embedded(hubData));
        try (HubClient client = new HubClient(hub.baseUri());
             CacheDatabase cache = CacheDatabase.open(clientData.resolve("anna.db"))) {
            LoginResponse login = client.login("anna", "pult-demo");
            OfflineSync sync = new OfflineSync(client, new OutboxStore(cache, Clock.systemUTC()),
                    new LiveEventStore(cache, login.operator().id()), SessionToken.of(login));
            sync.start();
            Eventually.await("the stream open and caught up", Duration.ofSeconds(10),
                    () -> sync.status().connectivity() == Connectivity.ONLINE, () -> String.valueOf(sync.status()));
            Thread.sleep(500);

            hub.close();
            Thread.sleep(2_000);
            sync.close();
        } finally {
            javalin.detachAppender(logged);
        }
        assertThat(logged.list).as("Javalin's log once the hub stopped").hasSizeLessThan(5);
    }
}

package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OutboxStore;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Message;
import org.pult.core.port.OutboxStatus;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;

/**
 * The client process is killed (SIGKILL) while it replays its outbox, then started again: every
 * action reaches the hub exactly once and in order. The kill can land between the hub applying
 * an action and the client marking it sent; the idempotency key makes the resend harmless.
 */
class ClientKilledMidReplayTest {

    private static final int ACTIONS = 600;

    @TempDir
    Path hubData;
    @TempDir
    Path clientData;

    @Test
    void nothingIsLostAndNothingDoubledWhenTheReplayingProcessIsKilled() throws Exception {
        Path cacheFile = clientData.resolve("anna.db");
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubData))) {
            HubClient client = new HubClient(hub.baseUri());
            LoginResponse login = client.login("anna", "pult-demo");
            String conversation;
            try (CacheDatabase cache = CacheDatabase.open(cacheFile)) {
                ConversationStore conversations = new ConversationStore(cache);
                new InboxSync(client, conversations).pullInbox(login.token());
                conversation = conversations.conversations().getFirst().id();
                OperatorActions operator = new OperatorActions(cache, Clock.systemUTC(), "Anna");
                for (int i = 0; i < ACTIONS; i++) {
                    if (i % 2 == 0) {
                        operator.addNote(conversation, "note " + i);
                    } else {
                        operator.reply(conversation, "reply " + i);
                    }
                }
            }

            Process first = replayer(cacheFile, hub, login.token());
            Eventually.await("some actions applied", Duration.ofSeconds(60),
                    () -> applied(client, login.token(), conversation) >= 40, () -> "not yet");
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int atKill = applied(client, login.token(), conversation);
            assertThat(atKill).as("killed mid-replay").isLessThan(ACTIONS);

            Process second = replayer(cacheFile, hub, login.token());
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the restarted replayer finishes").isTrue();
            assertThat(second.exitValue()).as(java.nio.file.Files.readString(clientData.resolve("replayer.log"))).isZero();

            List<String> expected = IntStream.range(0, ACTIONS).mapToObj(i -> (i % 2 == 0 ? "note " : "reply ") + i).toList();
            List<String> atHub = new ArrayList<>();
            List<org.pult.core.api.LiveEvent> log = HubOutageTest.allEvents(client, login.token()).events();
            for (var event : log) {
                if (event.note() != null) {
                    atHub.add(event.note().text());
                } else if (event.message() != null) {
                    atHub.add(event.message().body());
                }
            }
            assertThat(atHub).containsExactlyElementsOf(expected);
            assertThat(client.messages(login.token(), conversation)).extracting(Message::body)
                    .filteredOn(b -> b.startsWith("reply ")).doesNotHaveDuplicates().hasSize(ACTIONS / 2);
            try (CacheDatabase cache = CacheDatabase.open(cacheFile)) {
                assertThat(new OutboxStore(cache, Clock.systemUTC()).all()).hasSize(ACTIONS)
                        .allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxStatus.SENT));
            }
        }
    }

    private static int applied(HubClient client, String token, String conversation) {
        try {
            return (int) HubOutageTest.allEvents(client, token).events().stream()
                    .filter(e -> e.note() != null || e.message() != null).count();
        } catch (SyncException e) {
            throw new AssertionError(e);
        }
    }

    private Process replayer(Path cacheFile, HubServer hub, String token) throws java.io.IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ReplayerProcessMain.class.getName(),
                cacheFile.toString(), hub.baseUri().toString(), token)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(clientData.resolve("replayer.log").toFile()))
                .start();
    }
}

package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.LiveEventStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OutboxStore;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.MessageKind;
import org.pult.core.port.OutboxEntry;
import org.pult.core.port.OutboxStatus;

/**
 * The client against a backend that misbehaves (okhttp's MockWebServer: garbage, HTML, a storm of
 * 500s, an answer that never comes): it keeps the operator's data, shows the state, and retries
 * with back-off; only a real Pult rejection makes an action poison.
 */
class ClientBadInputTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(T0);
    private CacheDatabase cache;
    private ConversationStore conversations;
    private OutboxStore outbox;
    private OperatorActions operator;
    private ConnectionMonitor monitor;
    private OutboxReplayer replayer;
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(1));

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        cache = CacheDatabase.open(dir.resolve("cache.db"));
        conversations = new ConversationStore(cache);
        conversations.upsertConversations(List.of(new Conversation("c1", new Customer("u1", "Ирина", null, null, null),
                ConversationStatus.OPEN, Channel.CHAT, MessageKind.TEXT, null, "hi", T0.minusSeconds(60), 0)));
        outbox = new OutboxStore(cache, clock);
        operator = new OperatorActions(cache, clock, "Anna");
        monitor = new ConnectionMonitor(clock, Duration.ofSeconds(10));
        replayer = replayerWith(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build());
    }

    private OutboxReplayer replayerWith(OkHttpClient http) {
        return new OutboxReplayer(new HubClient(URI.create(server.url("/").toString()), http), outbox, () -> "tok",
                backoff, clock, monitor);
    }

    @AfterEach
    void tearDown() {
        cache.close();
        server.close();
    }

    @Test
    void garbageIsRetriedLaterAndTheReplyStaysPendingInTheCache() throws Exception {
        ActionRequest reply = operator.reply("c1", "не потерять");
        server.enqueue(json(200, "{\"idempotencyKey\": \"" + reply.idempotencyKey() + "\", garbage"));

        OutboxReplayer.Pass pass = replayer.replayDue();

        assertThat(pass.sent()).isZero();
        assertThat(pass.nextAttemptAt()).isAfter(T0);
        OutboxEntry entry = outbox.head().orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).contains("not a JSON ActionResult");
        assertThat(conversations.pendingMessageIds("c1")).containsExactly(reply.idempotencyKey());
        assertThat(monitor.status().connectivity()).isEqualTo(Connectivity.RECONNECTING);
        assertThat(monitor.status().pendingActions()).isEqualTo(1);
    }

    @Test
    void htmlInsteadOfJsonEvenAsA404IsNotMistakenForARejection() throws Exception {
        operator.addNote("c1", "note");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!doctype html><html><body>Welcome to nginx!</body></html>").build());
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                .body("<html><body>Not Found</body></html>").build());

        replayer.replayDue();
        clock.set(outbox.head().orElseThrow().nextAttemptAt());
        replayer.replayDue();

        assertThat(outbox.head()).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(entry.attempts()).isEqualTo(2);
        });
        assertThat(outbox.poisoned()).isEmpty();
    }

    @Test
    void aStormOf500sBacksOffExponentiallyToTheCapGoesOfflineAndRecoversWithTheSameKey() throws Exception {
        ActionRequest note = operator.addNote("c1", "survives the storm");
        int storm = 8;
        for (int i = 0; i < storm; i++) {
            server.enqueue(json(500, "{\"code\": \"internal_error\", \"message\": \"Database is locked\"}"));
        }
        server.enqueue(json(200, result(note)));
        List<Duration> waits = new ArrayList<>();

        for (int i = 0; i < storm; i++) {
            Instant before = clock.instant();
            OutboxReplayer.Pass pass = replayer.replayDue();
            waits.add(Duration.between(before, pass.nextAttemptAt()));
            clock.set(pass.nextAttemptAt());
        }
        assertThat(monitor.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
        assertThat(monitor.status().pendingActions()).isEqualTo(1);
        OutboxReplayer.Pass last = replayer.replayDue();

        for (int i = 0; i < storm; i++) {
            assertThat(waits.get(i)).isBetween(backoff.ceiling(i).dividedBy(2), backoff.ceiling(i));
        }
        assertThat(waits.getLast()).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(storm - 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(last.sent()).isEqualTo(1);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(monitor.status().connectivity()).isEqualTo(Connectivity.ONLINE);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= storm; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            keys.add(request.getBody().utf8());
        }
        assertThat(keys).allSatisfy(body -> assertThat(body).contains(note.idempotencyKey()));
    }

    @Test
    void aSlowBackendTimesOutAndTheActionWaitsItsTurn() throws Exception {
        operator.addNote("c1", "first");
        operator.addNote("c1", "second");
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).code(200).body("{}").build());

        long started = System.nanoTime();
        OutboxReplayer.Pass pass = replayer.replayDue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(millis).isLessThan(2_500);
        assertThat(pass.sent()).isZero();
        assertThat(server.getRequestCount()).as("the second action does not overtake the first").isEqualTo(1);
        assertThat(outbox.head()).get().satisfies(entry -> {
            assertThat(entry.request().text()).isEqualTo("first");
            assertThat(entry.lastError()).contains("no answer in time");
        });
        assertThat(outbox.pendingCount()).isEqualTo(2);
    }

    @Test
    void aRealRejectionIsPoisonWithTheReasonAndReplayMovesOn() throws Exception {
        ActionRequest rejected = operator.reply("c1", "to a conversation taken away");
        ActionRequest next = operator.addNote("c1", "still sent");
        // A backend without batches refuses the first request; then one action per request.
        server.enqueue(json(404, "{\"code\": \"not_found\", \"message\": \"No such path\"}"));
        server.enqueue(json(404, "{\"code\": \"not_found\", \"message\": \"No conversation c1\"}"));
        server.enqueue(json(200, result(next)));

        OutboxReplayer.Pass pass = replayer.replayDue();

        assertThat(List.of(server.takeRequest().getUrl().encodedPath(), server.takeRequest().getUrl().encodedPath(),
                server.takeRequest().getUrl().encodedPath()))
                .containsExactly(ApiPaths.ACTION_BATCHES, ApiPaths.ACTIONS, ApiPaths.ACTIONS);

        assertThat(pass.rejected()).isEqualTo(1);
        assertThat(pass.sent()).isEqualTo(1);
        assertThat(outbox.poisoned()).singleElement().satisfies(entry -> {
            assertThat(entry.request()).isEqualTo(rejected);
            assertThat(entry.lastError()).contains("not_found").contains("No conversation c1");
        });
        assertThat(monitor.status().rejectedActions()).isEqualTo(1);
        assertThat(conversations.pendingMessageIds("c1")).isEmpty();
    }

    @Test
    void aBatchAnswerThatDoesNotAnswerEachActionIsGarbageAndNothingIsAcknowledged() throws Exception {
        ActionRequest first = operator.addNote("c1", "first");
        operator.addNote("c1", "second");
        server.enqueue(json(200, "{\"results\": [{\"idempotencyKey\": \"" + first.idempotencyKey()
                + "\", \"status\": \"APPLIED\", \"result\": " + result(first) + ", \"httpStatus\": 200}]}"));

        OutboxReplayer.Pass pass = replayer.replayDue();

        assertThat(pass.sent()).isZero();
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.head()).hasValueSatisfying(entry -> assertThat(entry.lastError()).contains("does not answer each"));
        assertThat(pass.nextAttemptAt()).as("retried after a back-off").isNotNull();
    }

    @Test
    void anEventStreamSendingGarbageIsDroppedAndReconnectedWithoutTouchingTheCache() throws Exception {
        LiveEventStore events = new LiveEventStore(cache, "me");
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"events\": [], \"nextCursor\": 0, \"head\": 0, \"more\": false}"));
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                    .body("id: 5\nevent: MESSAGE_ADDED\ndata: <html>oops</html>\n\n").build());
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ConnectionMonitor streamMonitor = new ConnectionMonitor(java.time.Clock.systemUTC(), Duration.ofSeconds(10));
        List<ConnectionStatus> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        streamMonitor.addListener(heard::add);
        try (EventStream stream = new EventStream(new HubClient(URI.create(server.url("/").toString())), events,
                () -> "tok", new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(50), new Random(3)),
                streamMonitor, scheduler, Duration.ofSeconds(5), () -> { })) {
            stream.start();
            Eventually.await("three connection attempts, each dropped", Duration.ofSeconds(10),
                    () -> server.getRequestCount() >= 6 && heard.stream().filter(h -> h.detail() != null
                            && h.detail().contains("not a LiveEvent")).count() >= 3, () -> heard);
        } finally {
            scheduler.shutdownNow();
        }

        assertThat(events.eventCursor()).isZero();
        assertThat(heard).extracting(ConnectionStatus::connectivity).doesNotContain(Connectivity.OFFLINE);
    }

    private static String result(ActionRequest action) {
        return "{\"idempotencyKey\": \"" + action.idempotencyKey() + "\", \"type\": \"" + action.type()
                + "\", \"entityId\": \"srv-1\", \"cursor\": 9, \"appliedAt\": \"2026-03-02T09:00:00Z\"}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}

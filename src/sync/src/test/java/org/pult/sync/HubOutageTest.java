package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.LiveEventStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OperatorStateStore;
import org.pult.cache.OutboxStore;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.EventPage;
import org.pult.core.api.LiveEvent;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Message;
import org.pult.core.model.OperatorState;
import org.pult.core.port.OutboxStatus;

/**
 * The outage: an operator keeps working while the hub process is killed and comes back
 * {@link #OUTAGE} later on the same port and data. Everything done offline arrives exactly once
 * and in order, and the live stream resumes from the right cursor: no event missed or doubled.
 */
class HubOutageTest {

    /** The issue says 30 s; the pause is real. */
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    Path hubData;
    @TempDir
    Path clientData;

    @Test
    void actionsMadeWhileTheHubIsDownArriveOnceInOrderAndTheStreamResumesFromTheCursor() throws Exception {
        try (HubProcess hub = HubProcess.start(hubData);
             CacheDatabase cache = CacheDatabase.open(clientData.resolve("anna.db"))) {
            HubClient client = new HubClient(hub.uri());
            LoginResponse login = client.login("anna", "pult-demo");
            String token = login.token();
            ConversationStore conversations = new ConversationStore(cache);
            new InboxSync(client, conversations).pullInbox(token);
            List<Conversation> inbox = conversations.conversations();
            String c1 = inbox.get(0).id();
            String c2 = inbox.get(1).id();
            OutboxStore outbox = new OutboxStore(cache, Clock.systemUTC());
            AppliedEvents events = new AppliedEvents(new LiveEventStore(cache, login.operator().id()));
            OperatorActions operator = new OperatorActions(cache, Clock.systemUTC(), login.operator().displayName());
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();

            try (OfflineSync sync = new OfflineSync(client, outbox, events, SessionToken.of(login), Clock.systemUTC(),
                    new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(3), new Random(7)),
                    Duration.ofSeconds(2), Duration.ofSeconds(20))) {
                sync.addListener(statuses::add);
                sync.start();
                Eventually.await("online", Duration.ofSeconds(20),
                        () -> sync.status().connectivity() == Connectivity.ONLINE, sync::status);

                List<ActionRequest> done = new ArrayList<>();
                done.add(operator.reply(c1, "before the outage"));
                sync.actionRecorded();
                Eventually.await("the first reply sent and its events streamed", Duration.ofSeconds(20),
                        () -> outbox.pendingCount() == 0 && events.events.stream()
                                .anyMatch(e -> done.getFirst().idempotencyKey().equals(e.actionKey())),
                        sync::status);

                hub.kill();
                long killedAt = System.nanoTime();
                Eventually.await("offline", Duration.ofSeconds(20),
                        () -> sync.status().connectivity() == Connectivity.OFFLINE, sync::status);

                done.add(operator.changeState(OperatorState.NOT_READY, "BREAK"));
                done.add(operator.addNote(c1, "offline note"));
                done.add(operator.reply(c1, "offline reply 1"));
                done.add(operator.setDisposition(c2, "RESOLVED", "solved by phone"));
                done.add(operator.reply(c1, "offline reply 2"));
                done.add(operator.changeState(OperatorState.READY, null));
                sync.actionRecorded();

                Eventually.await("six actions shown as waiting", Duration.ofSeconds(10),
                        () -> sync.status().pendingActions() == 6, sync::status);
                assertThat(sync.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
                assertThat(conversations.messages(c1)).extracting(Message::body)
                        .contains("offline reply 1", "offline reply 2");
                assertThat(new OperatorStateStore(cache, login.operator().id()).current()).get()
                        .extracting(s -> s.state()).isEqualTo(OperatorState.READY);

                Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - killedAt).toMillis()));
                hub.start();

                Eventually.await("everything sent and online again", Duration.ofSeconds(60),
                        () -> outbox.pendingCount() == 0 && sync.status().connectivity() == Connectivity.ONLINE,
                        sync::status);
                EventPage all = allEvents(client, token);
                Eventually.await("the stream caught up with the hub", Duration.ofSeconds(20),
                        () -> events.eventCursor() == all.nextCursor(), () -> events.eventCursor() + " vs " + all.nextCursor());

                // Exactly once, in order, at the hub.
                List<String> hubReplies = client.messages(token, c1).stream().map(Message::body)
                        .filter(b -> b.equals("before the outage") || b.startsWith("offline reply")).toList();
                assertThat(hubReplies).containsExactly("before the outage", "offline reply 1", "offline reply 2");
                assertThat(client.conversations(token)).filteredOn(c -> c.id().equals(c2)).singleElement()
                        .extracting(Conversation::status).isEqualTo(ConversationStatus.CLOSED);
                assertThat(client.me(token).state()).isEqualTo(OperatorState.READY);
                List<String> keysInLogOrder = all.events().stream().map(LiveEvent::actionKey)
                        .filter(k -> k != null).distinct().toList();
                assertThat(keysInLogOrder).containsExactlyElementsOf(done.stream().map(ActionRequest::idempotencyKey).toList());
                assertThat(all.events().stream().filter(e -> e.note() != null && "offline note".equals(e.note().text())))
                        .hasSize(1);
                assertThat(outbox.all()).allSatisfy(e -> assertThat(e.status()).isEqualTo(OutboxStatus.SENT));

                // The stream resumed from the right cursor: every event once, none missing.
                assertThat(events.applied).doesNotHaveDuplicates().isSorted();
                assertThat(events.applied).containsExactlyElementsOf(all.events().stream()
                        .map(LiveEvent::cursor).filter(c -> c <= all.nextCursor()).toList());

                // The cache holds the hub's copies, each once, nothing pending.
                assertThat(conversations.pendingMessageIds(c1)).isEmpty();
                assertThat(conversations.messages(c1)).extracting(Message::body)
                        .filteredOn(b -> b.startsWith("offline reply") || b.equals("before the outage"))
                        .containsExactly("before the outage", "offline reply 1", "offline reply 2");
                assertThat(statuses).extracting(ConnectionStatus::connectivity)
                        .containsSubsequence(Connectivity.ONLINE, Connectivity.RECONNECTING, Connectivity.OFFLINE,
                                Connectivity.ONLINE);
                assertThat(statuses).anySatisfy(s -> {
                    assertThat(s.connectivity()).isEqualTo(Connectivity.OFFLINE);
                    assertThat(s.pendingActions()).isEqualTo(6);
                });
            }
        }
    }

    /** Every event of the caller from the start of the log, over as many pages as it takes. */
    static EventPage allEvents(HubClient client, String token) throws SyncException {
        List<LiveEvent> events = new ArrayList<>();
        long since = 0;
        EventPage page;
        do {
            page = client.events(token, since, 500);
            events.addAll(page.events());
            since = page.nextCursor();
        } while (page.more());
        return new EventPage(events, since, page.head(), false);
    }
}

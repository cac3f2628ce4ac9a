package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.sync.SyncFailures.failure;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.sync.SyncException.Reason;

class InboxSyncTest {

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static HubClient client;
    static String token;

    @BeforeAll
    static void startHub() throws SyncException {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        client = new HubClient(hub.baseUri());
        token = client.login("anna", "pult-demo").token();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void aPullFillsTheCacheWithEveryConversationAndItsTimeline() throws SyncException {
        InMemoryInboxCache cache = new InMemoryInboxCache();

        SyncResult result = new InboxSync(client, cache).pullInbox(token);

        List<Conversation> inbox = client.conversations(token);
        assertThat(result.conversations()).isEqualTo(inbox.size()).isEqualTo(cache.conversations.size());
        assertThat(result.messages()).isEqualTo(cache.messageCount()).isGreaterThan(result.conversations());
        assertThat(cache.conversations.keySet()).containsExactlyInAnyOrderElementsOf(
                inbox.stream().map(Conversation::id).toList());
        for (Conversation conversation : inbox) {
            List<Message> timeline = cache.timeline(conversation.id());
            assertThat(timeline).as("timeline of %s", conversation.customer().displayName()).isNotEmpty();
            assertThat(timeline.getLast().sentAt()).isEqualTo(conversation.lastActivityAt());
        }
    }

    @Test
    void pullingAgainUpdatesInsteadOfDuplicating() throws SyncException {
        InMemoryInboxCache cache = new InMemoryInboxCache();
        InboxSync sync = new InboxSync(client, cache);

        SyncResult first = sync.pullInbox(token);
        SyncResult second = sync.pullInbox(token);

        assertThat(second).isEqualTo(first);
        assertThat(cache.conversations).hasSize(first.conversations());
        assertThat(cache.messageCount()).isEqualTo(first.messages());
    }

    @Test
    void anExpiredOrUnknownTokenStopsThePullBeforeTheCacheIsTouched() {
        InMemoryInboxCache cache = new InMemoryInboxCache();

        SyncException e = failure(() -> new InboxSync(client, cache).pullInbox("not-a-valid-token"));

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(cache.upsertCalls).isZero();
    }
}

package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.LiveEventStore;
import org.pult.cache.OperatorActions;
import org.pult.cache.OutboxStore;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Message;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;

/**
 * A shift longer than one token's lifetime: the hub's tokens last four seconds here, the operator
 * works on for three lifetimes without signing in again, and what they do still arrives.
 */
class SessionRenewalTest {

    static final Duration LIFETIME = Duration.ofSeconds(4);

    @TempDir
    Path hubData;
    @TempDir
    Path clientData;

    @Test
    void theSyncRenewsTheTokenSoActionsAfterTheFirstTokenExpiredStillArrive() throws Exception {
        try (HubServer hub = HubServer.start(HubConfig.embedded(hubData).withSessions(LIFETIME));
             HubClient client = new HubClient(hub.baseUri());
             CacheDatabase cache = CacheDatabase.open(clientData.resolve("anna.db"))) {
            LoginResponse login = client.login("anna", "pult-demo");
            SessionToken token = SessionToken.of(login);
            ConversationStore conversations = new ConversationStore(cache);
            new InboxSync(client, conversations).pullInbox(token.get());
            String conversation = conversations.conversations().getFirst().id();
            OutboxStore outbox = new OutboxStore(cache, Clock.systemUTC());
            AppliedEvents events = new AppliedEvents(new LiveEventStore(cache, login.operator().id()));
            OperatorActions operator = new OperatorActions(cache, Clock.systemUTC(), login.operator().displayName());

            try (OfflineSync sync = new OfflineSync(client, outbox, events, token, Clock.systemUTC(),
                    new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(3)),
                    Duration.ofSeconds(2), Duration.ofSeconds(20))) {
                sync.start();
                Thread.sleep(LIFETIME.multipliedBy(3).toMillis());

                assertThat(token.get()).isNotEqualTo(login.token());
                assertThatThrownBy(() -> client.me(login.token())).isInstanceOfSatisfying(SyncException.class,
                        e -> assertThat(e.reason()).isEqualTo(SyncException.Reason.UNAUTHORIZED));
                assertThat(token.expiresAt()).isAfter(login.expiresAt().plus(LIFETIME));

                ActionRequest reply = operator.reply(conversation, "twelve seconds into a four-second token");
                sync.actionRecorded();
                Eventually.await("the reply sent with the renewed token", Duration.ofSeconds(10),
                        () -> outbox.pendingCount() == 0 && outbox.poisoned().isEmpty(), sync::status);
                assertThat(sync.status().connectivity()).isEqualTo(Connectivity.ONLINE);
                List<String> atHub = client.messages(token.get(), conversation).stream().map(Message::body).toList();
                assertThat(atHub).containsOnlyOnce("twelve seconds into a four-second token");
                Eventually.await("its event streamed back", Duration.ofSeconds(10),
                        () -> events.events.stream().anyMatch(e -> reply.idempotencyKey().equals(e.actionKey())),
                        sync::status);
            }
        }
    }

    @Test
    void aTokenFromABackendThatGivesNoExpiryIsNeverRenewed() {
        SessionToken token = new SessionToken("t-0123456789abcdef0123456789abcdef", null, Clock.systemUTC());

        assertThat(token.renewalDue()).isNull();
        assertThat(token.toString()).doesNotContain("t-0123456789abcdef0123456789abcdef");
    }
}

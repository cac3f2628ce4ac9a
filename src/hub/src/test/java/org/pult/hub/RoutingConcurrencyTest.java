package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.RoutingFixtures.eventually;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Channel;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;
import org.pult.hub.routing.RoutingConfig;

/**
 * Two hubs on one SQLite file route the same queue at once: work is fed to both in parallel, each
 * wakes its own router on every item and sweeps every 50 ms. No item may be assigned twice and
 * no operator may end up over capacity.
 */
class RoutingConcurrencyTest {

    private static final int OPERATORS = 40;
    private static final int ITEMS = 200;    // the first 3 of every 20 are e-mails: 30 e-mails, 170 chats
    private static final int EMAILS = 30;    // 80 e-mail slots (40 x 2): all fit
    private static final int CHATS = ITEMS - EMAILS; // 160 chat slots (40 x 4): 10 must wait

    @TempDir
    Path dataDir;

    @Test
    void twoHubsOnOneDatabaseNeverAssignAnItemTwiceNorAnOperatorOverCapacity() throws Exception {
        RoutingConfig routing = RoutingConfig.DEFAULT.withSweep(Duration.ofMillis(50));
        try (HubServer first = HubServer.start(HubConfig.embedded(dataDir).withRouting(routing));
             HubServer second = HubServer.start(HubConfig.embedded(dataDir).withRouting(routing))) {
            RoutingFixtures fixtures = new RoutingFixtures(dataDir);
            fixtures.addQueue("race", 0, Set.of(Channel.CHAT, Channel.EMAIL), "t-race");
            fixtures.addUser("root", Role.ADMIN, OperatorState.SIGNED_OUT, Instant.now());
            for (int i = 0; i < OPERATORS; i++) {
                fixtures.addOperator(String.format("op%02d", i), OperatorState.READY,
                        Instant.now().minusSeconds(i), "t-race");
            }
            ApiCalls[] hubs = {new ApiCalls(first.baseUri()), new ApiCalls(second.baseUri())};
            String admin = hubs[0].tokenFor("root"); // sessions live in the shared file: valid on both

            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                ApiCalls hub = hubs[i % 2];
                Channel channel = i % 20 < 3 ? Channel.EMAIL : Channel.CHAT;
                String name = "Racer " + i;
                sent.add(senders.submit(() -> {
                    HttpResponse<String> response = hub.post(ApiPaths.itemsOf("race"), admin,
                            hub.write(RoutingFixtures.text(channel, name)));
                    return response.statusCode();
                }));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(201);
            }
            senders.shutdown();

            assertThat(HubRows.count(dataDir, "SELECT count(*) FROM work_items WHERE work_class = 'EMAIL'"))
                    .isEqualTo(EMAILS);
            long expectedAssigned = OPERATORS * 4L + EMAILS;
            eventually(Duration.ofSeconds(60), expectedAssigned + " items assigned", () -> assigned() >= expectedAssigned);
            Thread.sleep(500); // both routers sweep ten more times: nothing more may be assigned

            assertThat(assigned()).isEqualTo(expectedAssigned);
            assertThat(HubRows.count(dataDir, "SELECT count(*) FROM work_items WHERE assignee_id IS NULL"))
                    .isEqualTo(CHATS - OPERATORS * 4L);
            // One assignment event per assigned item: an item claimed twice would have two.
            assertThat(HubRows.count(dataDir, "SELECT count(*) FROM events WHERE type = 'CONVERSATION_ASSIGNED'"))
                    .isEqualTo(expectedAssigned);
            assertThat(HubRows.rows(dataDir, """
                    SELECT payload_json FROM events WHERE type = 'CONVERSATION_ASSIGNED'
                    GROUP BY json_extract(payload_json, '$.conversation.id') HAVING count(*) > 1""")).isEmpty();
            // Each event went to the operator who holds the item, and the conversation is theirs too.
            assertThat(HubRows.count(dataDir, """
                    SELECT count(*) FROM events e
                    JOIN work_items w ON w.conversation_id = json_extract(e.payload_json, '$.conversation.id')
                    JOIN conversations c ON c.id = w.conversation_id
                    WHERE e.type = 'CONVERSATION_ASSIGNED' AND e.user_id = w.assignee_id
                      AND c.assignee_id = w.assignee_id""")).isEqualTo(expectedAssigned);
            assertThat(HubRows.rows(dataDir, """
                    SELECT assignee_id, work_class, count(*) FROM work_items
                    WHERE assignee_id IS NOT NULL AND closed_at IS NULL GROUP BY assignee_id, work_class
                    HAVING count(*) > CASE work_class WHEN 'CHAT' THEN 4 WHEN 'EMAIL' THEN 2 ELSE 1 END""")).isEmpty();
        }
    }

    private long assigned() {
        try {
            return HubRows.count(dataDir, "SELECT count(*) FROM work_items WHERE assignee_id IS NOT NULL");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}

package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;
import static org.pult.hub.RoutingFixtures.chat;
import static org.pult.hub.RoutingFixtures.eventually;
import static org.pult.hub.RoutingFixtures.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.EnqueueRequest;
import org.pult.core.api.QueueSummary;
import org.pult.core.api.WorkItem;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;
import org.pult.hub.routing.RoutingConfig;

/**
 * Routing over the real API on a real SQLite file: who gets waiting work (READY, skills,
 * capacity, longest idle, queue priority), who may feed and list queues, and what bad input gets.
 * The periodic sweep is set to an hour, so every assignment here comes from a wake-up (work
 * arrived, an operator became READY, a conversation closed), and the clock is the test's.
 */
class RoutingApiTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SUPPORT = "t-support";
    private static final Set<Channel> TEXT_CHANNELS = Set.of(Channel.CHAT, Channel.EMAIL, Channel.SMS, Channel.MESSENGER);

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(T0);
    HubServer hub;
    ApiCalls api;
    ApiActions actions;
    RoutingFixtures fixtures;
    String admin;

    @BeforeEach
    void startHub() throws SQLException {
        hub = HubServer.start(HubConfig.embedded(dataDir)
                .withRouting(RoutingConfig.DEFAULT.withSweep(Duration.ofHours(1))), clock);
        api = new ApiCalls(hub.baseUri());
        actions = new ApiActions(hub.baseUri(), api);
        fixtures = new RoutingFixtures(dataDir);
        fixtures.addUser("root", Role.ADMIN, OperatorState.SIGNED_OUT, T0);
        admin = api.tokenFor("root");
        fixtures.addQueue("support", 0, TEXT_CHANNELS, SUPPORT);
        fixtures.addQueue("probe", 0, Set.of(Channel.CHAT), "t-probe");
        String prober = fixtures.addOperator("prober", OperatorState.READY, T0.minusSeconds(3600), "t-probe");
        fixtures.setCapacity(prober, "CHAT", 10_000);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void theOperatorIdleLongestGetsTheWorkAndTheNextGoesToTheNextLongest() throws SQLException {
        String a = fixtures.addOperator("a", OperatorState.READY, T0.minus(Duration.ofMinutes(30)), SUPPORT);
        String b = fixtures.addOperator("b", OperatorState.READY, T0.minus(Duration.ofMinutes(20)), SUPPORT);
        String c = fixtures.addOperator("c", OperatorState.READY, T0.minus(Duration.ofMinutes(10)), SUPPORT);

        assertThat(routeOne("support", chat("Ирина Соколова"))).isEqualTo(a);
        assertThat(routeOne("support", chat("Michael Thompson"))).isEqualTo(b);
        assertThat(routeOne("support", text(Channel.EMAIL, "Sarah Mitchell"))).isEqualTo(c);
        // a was assigned first of the three, so is now idle longest, although a holds work already.
        assertThat(routeOne("support", chat("Emma Wilson"))).isEqualTo(a);
        assertThat(HubRows.rows(dataDir, "SELECT user_id FROM events WHERE type = 'CONVERSATION_ASSIGNED' ORDER BY cursor"))
                .endsWith(a, b, c, a);
    }

    @Test
    void onlyAnOperatorWithEverySkillOfTheQueueGetsItsWork() throws SQLException {
        fixtures.addQueue("calls", 0, Set.of(Channel.VOICE), "t-billing", "t-ru");
        fixtures.addOperator("ru-only", OperatorState.READY, T0.minus(Duration.ofHours(3)), "t-ru");
        fixtures.addOperator("billing-only", OperatorState.READY, T0.minus(Duration.ofHours(2)), "t-billing");
        String both = fixtures.addOperator("both", OperatorState.READY, T0.minus(Duration.ofMinutes(1)), "t-ru", "t-billing");

        assertThat(routeOne("calls", call("+79162345678"))).isEqualTo(both);

        // Their one call slot is taken; the others lack a skill: the second call waits.
        WorkItem second = enqueue("calls", call("+79035551290"));
        assertRoutingRanSince();
        assertThat(assigneeOf(second.id())).isNull();
    }

    @Test
    void fourChatsAtOnceAndTheFifthWaitsUntilOneIsClosedThenGoesToThatOperator() throws SQLException {
        String op = fixtures.addOperator("olga", OperatorState.SIGNED_OUT, T0, SUPPORT);
        String token = api.tokenFor("olga");
        assertThat(actions.post(token, ApiActions.state(OperatorState.READY, null)).statusCode()).isEqualTo(200);

        // SMS and messenger count as chats.
        List<WorkItem> chats = List.of(enqueue("support", chat("C1")), enqueue("support", text(Channel.SMS, "C2")),
                enqueue("support", text(Channel.MESSENGER, "C3")), enqueue("support", chat("C4")));
        for (WorkItem item : chats) {
            awaitAssigned(item, op);
        }
        WorkItem fifth = enqueue("support", chat("C5"));
        // Another class of work still fits: the e-mail capacity is separate.
        awaitAssigned(enqueue("support", text(Channel.EMAIL, "E1")), op);
        assertRoutingRanSince();
        assertThat(assigneeOf(fifth.id())).isNull();
        assertThat(queue("support").waiting()).isEqualTo(1);
        assertThat(queue("support").inProgress()).isEqualTo(5);

        clock.advance(Duration.ofMinutes(3));
        HttpResponse<String> closed = actions.post(token, ApiActions.disposition(chats.get(1).conversationId(), "RESOLVED"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        awaitAssigned(fifth, op);
        assertThat(queue("support").waiting()).isZero();
        assertThat(queue("support").oldestWaitingSince()).isNull();
        assertThat(HubRows.count(dataDir, "SELECT count(*) FROM work_items WHERE assignee_id = '" + op
                + "' AND work_class = 'CHAT' AND closed_at IS NULL")).isEqualTo(4);
    }

    @Test
    void aNotReadyOperatorGetsNothingAndGetsTheWorkWhenTheyBecomeReady() throws SQLException {
        String op = fixtures.addOperator("nina", OperatorState.SIGNED_OUT, T0, SUPPORT);
        String token = api.tokenFor("nina"); // signing in makes them NOT_READY

        WorkItem item = enqueue("support", chat("Дмитрий Волков"));
        assertRoutingRanSince();
        assertThat(assigneeOf(item.id())).isNull();
        assertThat(inbox(token)).isEmpty();

        actions.post(token, ApiActions.state(OperatorState.READY, null));

        awaitAssigned(item, op);
        assertThat(inbox(token)).extracting(Conversation::id).containsExactly(item.conversationId());
        JsonNode events = api.read(api.get(ApiPaths.EVENTS + "?since=0", token), JsonNode.class).get("events");
        assertThat(events.findValuesAsText("type")).contains("CONVERSATION_ASSIGNED");
        assertThat(events.get(events.size() - 1).at("/conversation/id").asText()).isEqualTo(item.conversationId());
        assertThat(api.get(ApiPaths.messagesOf(item.conversationId()), token).body()).contains("Hello from Дмитрий Волков");

        // On a break again: new work waits.
        actions.post(token, ApiActions.state(OperatorState.NOT_READY, "BREAK"));
        WorkItem later = enqueue("support", chat("Марина Лебедева"));
        assertRoutingRanSince();
        assertThat(assigneeOf(later.id())).isNull();
    }

    @Test
    void readyAndAClosingDispositionReplayedInABatchLetWaitingWorkThrough() throws SQLException {
        String op = fixtures.addOperator("boris", OperatorState.SIGNED_OUT, T0, SUPPORT);
        fixtures.setCapacity(op, "CHAT", 1);
        String token = api.tokenFor("boris");
        WorkItem first = enqueue("support", chat("B1"));
        clock.advance(Duration.ofSeconds(1)); // oldest first: B1 before B2
        WorkItem second = enqueue("support", chat("B2"));
        assertRoutingRanSince();
        assertThat(assigneeOf(first.id())).isNull();

        // What an operator did offline arrives as one batch: back from the break, then later...
        HttpResponse<String> ready = actions.postBatch(token, ApiActions.state(OperatorState.READY, null));
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        awaitAssigned(first, op);
        assertRoutingRanSince();
        assertThat(assigneeOf(second.id())).isNull();

        // ...the first chat closed, sent with a note in one batch: that frees the one chat slot.
        HttpResponse<String> closed = actions.postBatch(token, ApiActions.note(first.conversationId(), "done"),
                ApiActions.disposition(first.conversationId(), "RESOLVED"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        awaitAssigned(second, op);
    }

    @Test
    void theHigherPriorityQueueIsServedFirstThenTheOldestItem() throws SQLException {
        fixtures.addQueue("low", 0, Set.of(Channel.CHAT), SUPPORT);
        fixtures.addQueue("high", 5, Set.of(Channel.CHAT), SUPPORT);
        String op = fixtures.addOperator("pavel", OperatorState.SIGNED_OUT, T0, SUPPORT);
        fixtures.setCapacity(op, "CHAT", 1);
        String token = api.tokenFor("pavel");

        WorkItem low1 = enqueue("low", chat("Low One"));
        clock.advance(Duration.ofSeconds(10));
        WorkItem low2 = enqueue("low", chat("Low Two"));
        clock.advance(Duration.ofSeconds(10));
        WorkItem high = enqueue("high", chat("High"));
        actions.post(token, ApiActions.state(OperatorState.READY, null));

        awaitAssigned(high, op);
        assertThat(assigneeOf(low1.id())).isNull();
        actions.post(token, ApiActions.disposition(high.conversationId(), "RESOLVED"));
        awaitAssigned(low1, op);
        assertThat(assigneeOf(low2.id())).isNull();
    }

    @Test
    void aReturningCustomerKeepsOneConversationAcrossChannels() throws SQLException {
        String op = fixtures.addOperator("vera", OperatorState.SIGNED_OUT, T0, SUPPORT);
        String token = api.tokenFor("vera");
        EnqueueRequest.Contact irina = new EnqueueRequest.Contact("Ирина Соколова", "+79162345678",
                "Irina.Sokolova@mail.ru", null);

        WorkItem first = enqueue("support", new EnqueueRequest(Channel.CHAT, null, irina, null, "Не работает интернет"));
        // A second message while the first still waits joins the same item (200, not a new one).
        HttpResponse<String> again = api.post(ApiPaths.itemsOf("support"), admin, api.write(new EnqueueRequest(
                Channel.EMAIL, null, new EnqueueRequest.Contact("Irina", null, "irina.sokolova@mail.ru", null),
                "Интернет", "Пишу ещё и на почту")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(api.read(again, WorkItem.class).id()).isEqualTo(first.id());

        actions.post(token, ApiActions.state(OperatorState.READY, null));
        awaitAssigned(first, op);
        actions.post(token, ApiActions.disposition(first.conversationId(), "RESOLVED"));

        clock.advance(Duration.ofHours(1));
        WorkItem sms = enqueue("support", new EnqueueRequest(Channel.SMS, null,
                new EnqueueRequest.Contact("И. Соколова", "+79162345678", null, null), null, "Снова нет связи"));
        assertThat(sms.id()).isNotEqualTo(first.id());
        assertThat(sms.conversationId()).isEqualTo(first.conversationId());
        assertThat(sms.customerId()).isEqualTo(first.customerId());
        awaitAssigned(sms, op);
        assertThat(api.get(ApiPaths.messagesOf(first.conversationId()), token).body())
                .contains("Не работает интернет", "Пишу ещё и на почту", "Снова нет связи");
        assertThat(HubRows.count(dataDir, "SELECT count(*) FROM conversations WHERE customer_id = '"
                + first.customerId() + "'")).isEqualTo(1);
    }

    @Test
    void onlyAdminsFeedQueuesAndOnlySupervisorsAndAdminsListThem() throws SQLException {
        String anna = api.tokenFor("anna");
        String oleg = api.tokenFor("oleg");
        String body = api.write(chat("Someone"));

        assertApiError(api, api.post(ApiPaths.itemsOf("support"), anna, body), 403, ApiErrorCodes.FORBIDDEN);
        assertApiError(api, api.post(ApiPaths.itemsOf("support"), oleg, body), 403, ApiErrorCodes.FORBIDDEN);
        assertApiError(api, api.post(ApiPaths.itemsOf("support"), null, body), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.get(ApiPaths.QUEUES, anna), 403, ApiErrorCodes.FORBIDDEN);
        assertApiError(api, api.get(ApiPaths.QUEUES, null), 401, ApiErrorCodes.UNAUTHORIZED);
        assertThat(HubRows.count(dataDir, "SELECT count(*) FROM work_items")).isZero();

        WorkItem waiting = enqueue("support", chat("Someone"));
        clock.advance(Duration.ofSeconds(5));
        enqueue("support", chat("Someone Else"));
        HttpResponse<String> listed = api.get(ApiPaths.QUEUES, oleg);
        assertThat(listed.statusCode()).isEqualTo(200);
        List<QueueSummary> queues = api.read(listed, new TypeReference<>() { });
        assertThat(queues).extracting(QueueSummary::id)
                .contains("support", "probe", "support-ru", "support-en", "billing");
        assertThat(queues.getFirst().id()).isEqualTo("billing"); // the demo's priority-2 queue
        QueueSummary support = queues.stream().filter(q -> q.id().equals("support")).findFirst().orElseThrow();
        assertThat(support.waiting()).isEqualTo(2);
        assertThat(support.oldestWaitingSince()).isEqualTo(waiting.enqueuedAt()).isEqualTo(T0);
        assertThat(support.skills()).containsExactly(SUPPORT);
        assertThat(support.channels()).containsExactly(Channel.CHAT, Channel.EMAIL, Channel.SMS, Channel.MESSENGER);
        assertThat(api.get(ApiPaths.QUEUES, admin).statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsAJsonErrorAndStoresNothing() throws SQLException {
        String path = ApiPaths.itemsOf("support");
        assertApiError(api, api.post(ApiPaths.itemsOf("no-such-queue"), admin, api.write(chat("X"))), 404,
                ApiErrorCodes.NOT_FOUND);
        assertApiError(api, api.post(path, admin, "{\"channel\": \"CHAT\", "), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, "{\"channel\": \"FAX\", \"customer\": {\"displayName\": \"X\"}, "
                + "\"body\": \"hi\"}"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, api.write(text(Channel.VOICE, "X"))), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, api.write(new EnqueueRequest(Channel.CHAT, null,
                new EnqueueRequest.Contact("X", null, null, null), null, " "))), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, api.write(new EnqueueRequest(Channel.CHAT, null, null, null, "hi"))),
                400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, api.write(new EnqueueRequest(Channel.CHAT, "no-such-customer",
                null, null, "hi"))), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, api.write(new EnqueueRequest(Channel.CHAT, "c",
                new EnqueueRequest.Contact("X", null, null, null), null, "hi"))), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.post(path, admin, "null"), 400, ApiErrorCodes.BAD_REQUEST);
        assertThat(HubRows.count(dataDir, "SELECT count(*) FROM work_items")).isZero();
        assertThat(HubRows.count(dataDir, "SELECT count(*) FROM customers")).isEqualTo(9); // the demo's
    }

    private String routeOne(String queueId, EnqueueRequest request) {
        WorkItem item = enqueue(queueId, request);
        clock.advance(Duration.ofSeconds(1));
        return awaitAssignee(item);
    }

    private WorkItem enqueue(String queueId, EnqueueRequest request) {
        HttpResponse<String> response = api.post(ApiPaths.itemsOf(queueId), admin, api.write(request));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        WorkItem item = api.read(response, WorkItem.class);
        assertThat(item.assigneeId()).isNull();
        assertThat(item.queueId()).isEqualTo(queueId);
        return item;
    }

    private String awaitAssignee(WorkItem item) {
        eventually(Duration.ofSeconds(10), "item " + item.id() + " assigned", () -> assigneeOf(item.id()) != null);
        return assigneeOf(item.id());
    }

    private void awaitAssigned(WorkItem item, String operatorId) {
        assertThat(awaitAssignee(item)).isEqualTo(operatorId);
        try {
            assertThat(HubRows.rows(dataDir, "SELECT assignee_id FROM conversations WHERE id = '"
                    + item.conversationId() + "'")).containsExactly(operatorId);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Proves a routing pass has run since everything before it was enqueued: work put into the
     * probe queue now is assigned by a pass that also saw every item enqueued before it.
     */
    private void assertRoutingRanSince() {
        awaitAssignee(enqueue("probe", chat(RoutingFixtures.newName())));
    }

    private String assigneeOf(String itemId) {
        try {
            List<String> rows = HubRows.rows(dataDir, "SELECT assignee_id FROM work_items WHERE id = '" + itemId + "'");
            return rows.getFirst().equals("null") ? null : rows.getFirst();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private QueueSummary queue(String id) {
        List<QueueSummary> queues = api.read(api.get(ApiPaths.QUEUES, admin), new TypeReference<>() { });
        return queues.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    private List<Conversation> inbox(String token) {
        return api.read(api.get(ApiPaths.CONVERSATIONS, token), new TypeReference<>() { });
    }

    private static EnqueueRequest call(String phone) {
        return new EnqueueRequest(Channel.VOICE, null, new EnqueueRequest.Contact("Caller " + phone, phone, null, null),
                null, null);
    }
}

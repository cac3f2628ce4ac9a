package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;
import static org.pult.hub.ApiAssertions.assertJson;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ActionType;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.CodeOption;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.Note;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;

/** Operator actions over real HTTP: each applied once per idempotency key. */
class ActionsApiTest {

    private static final TypeReference<List<Conversation>> CONVERSATIONS = new TypeReference<>() { };
    private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() { };
    private static final TypeReference<List<Note>> NOTES = new TypeReference<>() { };
    private static final TypeReference<List<CodeOption>> CODES = new TypeReference<>() { };

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;
    static ApiActions actions;
    static String anna;

    @BeforeAll
    static void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        api = new ApiCalls(hub.baseUri());
        actions = new ApiActions(hub.baseUri(), api);
        anna = api.tokenFor("anna");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void aReplyJoinsTheTimelineAndItsReplayAnswersTheSameWithoutASecondMessage() {
        String conversation = conversationOf(anna, 0);
        ActionRequest reply = ApiActions.reply(conversation, "Проверили линию, всё в порядке.");

        HttpResponse<String> first = actions.post(anna, reply);
        HttpResponse<String> again = actions.post(anna, reply);

        assertThat(first.statusCode()).isEqualTo(200);
        assertJson(first);
        assertThat(first.headers().firstValue(ApiPaths.REPLAYED_HEADER)).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue(ApiPaths.REPLAYED_HEADER)).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        ActionResult result = api.read(first, ActionResult.class);
        assertThat(result.type()).isEqualTo(ActionType.REPLY);
        assertThat(result.idempotencyKey()).isEqualTo(reply.idempotencyKey());
        List<Message> timeline = api.read(api.get(ApiPaths.messagesOf(conversation), anna), MESSAGES);
        assertThat(timeline).filteredOn(m -> "Проверили линию, всё в порядке.".equals(m.body())).singleElement()
                .satisfies(m -> {
                    assertThat(m.id()).isEqualTo(result.entityId());
                    assertThat(m.direction()).isEqualTo(Direction.OUTBOUND);
                    assertThat(m.author()).isEqualTo("Анна Петрова");
                });
        assertThat(timeline.getLast().id()).isEqualTo(result.entityId());
    }

    @Test
    void repliesSentInOneBurstKeepTheirOrder() {
        String conversation = conversationOf(anna, 1);
        for (int i = 0; i < 20; i++) {
            assertThat(actions.post(anna, ApiActions.reply(conversation, "burst " + i)).statusCode()).isEqualTo(200);
        }

        List<String> bodies = api.read(api.get(ApiPaths.messagesOf(conversation), anna), MESSAGES).stream()
                .map(Message::body).filter(b -> b != null && b.startsWith("burst ")).toList();

        assertThat(bodies).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "burst " + i).toList());
    }

    @Test
    void aNoteIsKeptWithTheConversation() {
        String conversation = conversationOf(anna, 0);

        HttpResponse<String> response = actions.post(anna, ApiActions.note(conversation, "Клиент просит перезвонить после 18:00"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Note> notes = api.read(api.get(ApiPaths.notesOf(conversation), anna), NOTES);
        assertThat(notes).extracting(Note::text).contains("Клиент просит перезвонить после 18:00");
        assertThat(notes).extracting(Note::id).contains(api.read(response, ActionResult.class).entityId());
    }

    @Test
    void aStateChangeShowsInTheProfileAndNotReadyNeedsAKnownReason() {
        String james = api.tokenFor("james");
        List<CodeOption> reasons = api.read(api.get(ApiPaths.REASON_CODES, james), CODES);
        assertThat(reasons).extracting(CodeOption::code).contains("BREAK", "LUNCH");

        assertApiError(api, actions.post(james, ApiActions.state(OperatorState.NOT_READY, "NAP")), 422,
                ApiErrorCodes.INVALID_ACTION);
        assertApiError(api, actions.post(james, ApiActions.state(OperatorState.NOT_READY, null)), 422,
                ApiErrorCodes.INVALID_ACTION);
        assertApiError(api, actions.post(james, ApiActions.state(OperatorState.BUSY, null)), 422,
                ApiErrorCodes.INVALID_ACTION);
        assertThat(actions.post(james, ApiActions.state(OperatorState.NOT_READY, "LUNCH")).statusCode()).isEqualTo(200);
        assertThat(api.read(api.get(ApiPaths.ME, james), OperatorProfile.class).state()).isEqualTo(OperatorState.NOT_READY);

        assertThat(actions.post(james, ApiActions.state(OperatorState.READY, null)).statusCode()).isEqualTo(200);
        assertThat(api.read(api.get(ApiPaths.ME, james), OperatorProfile.class).state()).isEqualTo(OperatorState.READY);
    }

    @Test
    void aDispositionFromTheListClosesTheConversation() {
        String james = api.tokenFor("james");
        String conversation = conversationOf(james, 0);
        List<CodeOption> codes = api.read(api.get(ApiPaths.DISPOSITIONS, james), CODES);
        assertThat(codes).extracting(CodeOption::code).contains("RESOLVED");

        assertApiError(api, actions.post(james, ApiActions.disposition(conversation, "MAYBE")), 422,
                ApiErrorCodes.INVALID_ACTION);
        assertThat(actions.post(james, ApiActions.disposition(conversation, "RESOLVED")).statusCode()).isEqualTo(200);

        assertThat(api.read(api.get(ApiPaths.CONVERSATIONS, james), CONVERSATIONS))
                .filteredOn(c -> c.id().equals(conversation)).singleElement()
                .extracting(Conversation::status).isEqualTo(ConversationStatus.CLOSED);
    }

    @Test
    void someoneElsesConversationIsNotFoundAndNothingIsAdded() throws Exception {
        String james = api.tokenFor("james");
        String annasConversation = conversationOf(anna, 0);
        var before = HubRows.snapshot(dataDir);

        assertApiError(api, actions.post(james, ApiActions.reply(annasConversation, "not mine")), 404,
                ApiErrorCodes.NOT_FOUND);
        assertApiError(api, actions.post(james, ApiActions.note(annasConversation, "not mine")), 404,
                ApiErrorCodes.NOT_FOUND);

        assertThat(HubRows.snapshot(dataDir)).isEqualTo(before);
    }

    @Test
    void aKeyReusedForAnotherActionIsAConflictAndChangesNothing() throws Exception {
        String conversation = conversationOf(anna, 0);
        ActionRequest original = ApiActions.note(conversation, "first use of the key");
        assertThat(actions.post(anna, original).statusCode()).isEqualTo(200);
        String james = api.tokenFor("james");
        var before = HubRows.snapshot(dataDir);

        ActionRequest other = ActionRequest.note(original.idempotencyKey(), conversation, "something else", ApiActions.AT);
        assertApiError(api, actions.post(anna, other), 409, ApiErrorCodes.IDEMPOTENCY_KEY_REUSED);
        assertApiError(api, actions.post(james, original), 409, ApiErrorCodes.IDEMPOTENCY_KEY_REUSED);

        assertThat(HubRows.snapshot(dataDir)).isEqualTo(before);
    }

    @Test
    void oneKeySentManyTimesAtOnceIsAppliedOnce() throws Exception {
        String conversation = conversationOf(anna, 1);
        ActionRequest reply = ApiActions.reply(conversation, "sent from eight threads at once");
        List<Callable<HttpResponse<String>>> calls = java.util.Collections.nCopies(8, () -> actions.post(anna, reply));

        List<String> bodies;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(calls);
            bodies = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                bodies.add(answer.get().body());
            }
        }

        assertThat(bodies).containsOnly(bodies.getFirst());
        assertThat(api.read(api.get(ApiPaths.messagesOf(conversation), anna), MESSAGES))
                .filteredOn(m -> "sent from eight threads at once".equals(m.body())).hasSize(1);
    }

    static String conversationOf(String token, int index) {
        return api.read(api.get(ApiPaths.CONVERSATIONS, token), CONVERSATIONS).get(index).id();
    }
}

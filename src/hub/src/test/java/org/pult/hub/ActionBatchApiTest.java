package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionBatch;
import org.pult.core.api.ActionBatchResult;
import org.pult.core.api.ActionBatchResult.Status;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.OperatorState;

/** {@code POST /actions/batch}: the outbox replay's many actions in one request, in order, each once. */
class ActionBatchApiTest {

    @TempDir
    Path dataDir;
    private HubServer hub;
    private ApiCalls api;
    private ApiActions actions;
    private String anna;
    private String conversation;

    @BeforeEach
    void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        api = new ApiCalls(hub.baseUri());
        actions = new ApiActions(hub.baseUri(), api);
        anna = api.tokenFor("anna");
        conversation = api.read(api.get(ApiPaths.CONVERSATIONS, anna), com.fasterxml.jackson.databind.JsonNode.class)
                .get(0).get("id").asText();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void actionsAreAppliedInOrderAndARejectedOneStopsNothingAfterIt() throws Exception {
        ActionRequest first = ApiActions.note(conversation, "first");
        ActionRequest unknownReason = ApiActions.state(OperatorState.NOT_READY, "NAP");
        ActionRequest elsewhere = ApiActions.note("no-such-conversation", "lost?");
        ActionRequest last = ApiActions.note(conversation, "last");

        ActionBatchResult answer = read(actions.postBatch(anna, first, unknownReason, elsewhere, last));

        assertThat(answer.results()).extracting(ActionBatchResult.Item::idempotencyKey)
                .containsExactly(first.idempotencyKey(), unknownReason.idempotencyKey(), elsewhere.idempotencyKey(),
                        last.idempotencyKey());
        assertThat(answer.results()).extracting(ActionBatchResult.Item::status)
                .containsExactly(Status.APPLIED, Status.REJECTED, Status.REJECTED, Status.APPLIED);
        assertThat(answer.results()).extracting(ActionBatchResult.Item::httpStatus).containsExactly(200, 422, 404, 200);
        assertThat(answer.results().get(1).error().code()).isEqualTo(ApiErrorCodes.INVALID_ACTION);
        assertThat(answer.results().get(1).result()).isNull();
        assertThat(HubRows.rows(dataDir, "SELECT text FROM notes ORDER BY created_at, rowid"))
                .containsSubsequence("first", "last").doesNotContain("lost?");
        assertThat(HubRows.count(dataDir, "SELECT COUNT(*) FROM users WHERE username = 'anna' AND reason_code = 'NAP'"))
                .as("the rejected state change left nothing").isZero();
        assertThat(answer.results().get(0).result().cursor()).isLessThan(answer.results().get(3).result().cursor());
    }

    @Test
    void aKeyAppliedBeforeOrTwiceInOneBatchIsAnsweredAgainAndAppliedOnce() throws Exception {
        ActionRequest note = ApiActions.note(conversation, "once");
        assertThat(actions.post(anna, note).statusCode()).isEqualTo(200);

        ActionBatchResult again = read(actions.postBatch(anna, note, note));
        ActionRequest fresh = ApiActions.note(conversation, "fresh");
        ActionBatchResult twice = read(actions.postBatch(anna, fresh, fresh));

        assertThat(again.results()).extracting(ActionBatchResult.Item::status).containsExactly(Status.REPLAYED, Status.REPLAYED);
        assertThat(twice.results()).extracting(ActionBatchResult.Item::status).containsExactly(Status.APPLIED, Status.REPLAYED);
        assertThat(twice.results().get(1).result()).isEqualTo(twice.results().get(0).result());
        assertThat(HubRows.count(dataDir, "SELECT COUNT(*) FROM notes WHERE text = 'once'")).isEqualTo(1);
        assertThat(HubRows.count(dataDir, "SELECT COUNT(*) FROM notes WHERE text = 'fresh'")).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherActionIsRejectedInsideTheBatch() throws Exception {
        ActionRequest note = ApiActions.note(conversation, "original");
        ActionRequest impostor = ActionRequest.note(note.idempotencyKey(), conversation, "changed", note.occurredAt());

        ActionBatchResult answer = read(actions.postBatch(anna, note, impostor));

        assertThat(answer.results()).extracting(ActionBatchResult.Item::status).containsExactly(Status.APPLIED, Status.REJECTED);
        assertThat(answer.results().get(1).httpStatus()).isEqualTo(409);
        assertThat(HubRows.count(dataDir, "SELECT COUNT(*) FROM notes WHERE text = 'changed'")).isZero();
    }

    @Test
    void badBatchesAreRefusedWholeAndChangeNothing() throws Exception {
        var before = HubRows.snapshot(dataDir);
        List<ActionRequest> tooMany = IntStream.range(0, ActionBatch.MAX_ACTIONS + 1)
                .mapToObj(i -> ApiActions.state(OperatorState.READY, null)).toList();

        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES, api.write(new ActionBatch(tooMany))), 400,
                ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES, "{\"actions\": []}"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES, "{\"actions\": 7}"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES, "[{"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postBatch(null, ApiActions.note(conversation, "x")), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES,
                "{\"actions\": [{\"text\": \"" + "x".repeat(70_000) + "\"}]}"), 413, ApiErrorCodes.BAD_REQUEST);

        assertThat(HubRows.snapshot(dataDir)).isEqualTo(before);
    }

    @Test
    void aNullInTheBatchMakesItMalformedAndNothingIsApplied() throws Exception {
        var before = HubRows.snapshot(dataDir);
        String body = "{\"actions\": [null, " + api.write(ApiActions.note(conversation, "not kept")) + "]}";

        assertApiError(api, actions.postRaw(anna, ApiPaths.ACTION_BATCHES, body), 400, ApiErrorCodes.BAD_REQUEST);

        assertThat(HubRows.snapshot(dataDir)).isEqualTo(before);
    }

    private ActionBatchResult read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response, ActionBatchResult.class);
    }
}

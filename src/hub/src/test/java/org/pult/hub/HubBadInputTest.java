package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Conversation;

/**
 * Bad input to the actions endpoint: every one gets the right status, a JSON error that says what
 * is wrong, and leaves every stored row as it was.
 */
class HubBadInputTest {

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;
    static ApiActions actions;
    static String anna;
    static String conversation;
    private Map<String, List<String>> before;

    @BeforeAll
    static void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        api = new ApiCalls(hub.baseUri());
        actions = new ApiActions(hub.baseUri(), api);
        anna = api.tokenFor("anna");
        conversation = api.read(api.get(ApiPaths.CONVERSATIONS, anna), new TypeReference<List<Conversation>>() { })
                .getFirst().id();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void snapshot() throws Exception {
        before = HubRows.snapshot(dataDir);
    }

    @AfterEach
    void nothingStoredChanged() throws Exception {
        assertThat(HubRows.snapshot(dataDir)).isEqualTo(before);
    }

    @Test
    void malformedJson() {
        ApiError error = assertApiError(api, actions.postRaw(anna, "{\"idempotencyKey\": \"x\", \"type\": "), 400,
                ApiErrorCodes.BAD_REQUEST);
        assertThat(error.message()).contains("not valid JSON");
        assertApiError(api, actions.postRaw(anna, "<html>hello</html>"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, ""), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, "{} {}"), 400, ApiErrorCodes.BAD_REQUEST);
    }

    @Test
    void wrongTypesNameTheField() {
        String key = ApiActions.newKey();
        ApiError listForText = assertApiError(api, actions.postRaw(anna, """
                {"idempotencyKey": "%s", "type": "NOTE", "conversationId": "%s", "text": ["a", "b"]}"""
                .formatted(key, conversation)), 400, ApiErrorCodes.BAD_REQUEST);
        assertThat(listForText.message()).contains("text");
        ApiError unknownType = assertApiError(api, actions.postRaw(anna, """
                {"idempotencyKey": "%s", "type": "DELETE_EVERYTHING"}""".formatted(key)), 400,
                ApiErrorCodes.BAD_REQUEST);
        assertThat(unknownType.message()).contains("type");
        assertApiError(api, actions.postRaw(anna, """
                {"idempotencyKey": "%s", "type": "STATE_CHANGE", "state": 7}""".formatted(key)), 400,
                ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, "[1, 2, 3]"), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, actions.postRaw(anna, "\"REPLY\""), 400, ApiErrorCodes.BAD_REQUEST);
    }

    @Test
    void missingOrMalformedKeys() {
        assertApiError(api, actions.postRaw(anna, """
                {"type": "NOTE", "conversationId": "%s", "text": "no key"}""".formatted(conversation)), 400,
                ApiErrorCodes.BAD_REQUEST);
        ApiError notUuid = assertApiError(api, actions.post(anna,
                ActionRequest.note("not-a-uuid", conversation, "bad key", ApiActions.AT)), 400, ApiErrorCodes.BAD_REQUEST);
        assertThat(notUuid.message()).contains("UUID");
    }

    @Test
    void rulesBrokenByWellFormedActionsAre422() {
        assertApiError(api, actions.post(anna, ApiActions.reply(conversation, "   ")), 422, ApiErrorCodes.INVALID_ACTION);
        assertApiError(api, actions.post(anna, ApiActions.note(conversation, "x".repeat(10_001))), 422,
                ApiErrorCodes.INVALID_ACTION);
        assertApiError(api, actions.postRaw(anna, """
                {"idempotencyKey": "%s", "type": "REPLY", "text": "where to?"}""".formatted(ApiActions.newKey())), 422,
                ApiErrorCodes.INVALID_ACTION);
    }

    @Test
    void anOversizedBody() {
        String huge = api.write(ApiActions.note(conversation, "я".repeat(40 * 1024)));

        assertApiError(api, actions.postRaw(anna, huge), 413, ApiErrorCodes.BAD_REQUEST);
    }

    @Test
    void aMissingOrUnknownToken() {
        HttpResponse<String> none = actions.post(null, ApiActions.note(conversation, "who am I"));
        HttpResponse<String> forged = actions.post("forged-token-0000000000000000000000000000", ApiActions.note(conversation, "x"));

        assertApiError(api, none, 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, forged, 401, ApiErrorCodes.UNAUTHORIZED);
    }

    @Test
    void aTokenOfTheWrongRole() {
        assertApiError(api, api.get(ApiPaths.TEAM, anna), 403, ApiErrorCodes.FORBIDDEN);
    }

    @Test
    void aReplayedKeyChangesNothing() throws Exception {
        ActionRequest note = ApiActions.note(conversation, "applied once");
        HttpResponse<String> first = actions.post(anna, note);
        assertThat(first.statusCode()).isEqualTo(200);
        before = HubRows.snapshot(dataDir);

        HttpResponse<String> replay = actions.post(anna, note);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue(ApiPaths.REPLAYED_HEADER)).hasValue("true");
        assertApiError(api, actions.post(anna, ActionRequest.note(note.idempotencyKey(), conversation, "changed", ApiActions.AT)),
                409, ApiErrorCodes.IDEMPOTENCY_KEY_REUSED);
    }
}

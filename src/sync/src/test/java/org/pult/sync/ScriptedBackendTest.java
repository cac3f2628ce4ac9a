package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.sync.SyncFailures.failure;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.SyncException.Reason;

/** The client against backends that are broken, impostors, or newer than it: a real JDK HTTP server. */
class ScriptedBackendTest {

    private static final String TOKEN = "tok-Zm9vYmFy";
    private static final String CONVERSATION_JSON = """
            {"id": "c1",
             "customer": {"id": "u1", "displayName": "Ирина Соколова", "phone": "+79160000000", "vipLevel": 3},
             "status": "OPEN", "lastChannel": "CHAT", "lastKind": "TEXT", "preview": "Когда починят?",
             "lastActivityAt": "2026-03-02T09:00:00Z", "unreadCount": 2, "priority": "high"}""";

    private ScriptedBackend backend;
    private HubClient client;

    @BeforeEach
    void start() throws IOException {
        backend = new ScriptedBackend();
        client = new HubClient(backend.uri());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void unknownFieldsFromANewerBackendAreIgnored() throws SyncException {
        backend.json(ApiPaths.CONVERSATIONS, 200, "[" + CONVERSATION_JSON + "]");

        List<Conversation> inbox = client.conversations(TOKEN);

        assertThat(inbox).singleElement().satisfies(c -> {
            assertThat(c.customer().displayName()).isEqualTo("Ирина Соколова");
            assertThat(c.lastChannel()).isEqualTo(Channel.CHAT);
            assertThat(c.lastActivityAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
            assertThat(c.unreadCount()).isEqualTo(2);
        });
    }

    @Test
    void theTokenTravelsAsABearerHeader() throws SyncException {
        backend.json(ApiPaths.ME, 200, """
                {"id": "u1", "username": "anna", "displayName": "Анна", "role": "OPERATOR", "state": "READY"}""");

        OperatorProfile me = client.me(TOKEN);

        assertThat(me.displayName()).isEqualTo("Анна");
        assertThat(backend.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void signInPostsTheLoginRequestAsJson() throws SyncException {
        backend.json(ApiPaths.LOGIN, 200, """
                {"token": "t-1", "operator": {"id": "u1", "username": "anna", "displayName": "Анна",
                 "role": "OPERATOR", "state": "NOT_READY"}}""");

        client.login("anna", "pa\"ss");

        assertThat(backend.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo("{\"username\":\"anna\",\"password\":\"pa\\\"ss\"}");
        });
    }

    @Test
    void aConversationIdIsEncodedAsOnePathSegment() throws SyncException {
        backend.json("/api/v1/conversations/a%2F..%2Fb%20c/messages", 200, "[]");

        assertThat(client.messages(TOKEN, "a/../b c")).isEmpty();
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() throws SyncException {
        backend.json("/pult/api/v1/conversations", 200, "[]");

        assertThat(HubClient.forUrl(backend.uri() + "/pult/").conversations(TOKEN)).isEmpty();
        assertThat(HubClient.forUrl(backend.uri() + "/pult").conversations(TOKEN)).isEmpty();
    }

    @Test
    void anHtmlPageIsMalformed() {
        backend.answer(ApiPaths.LOGIN, 200, "text/html", "<!doctype html><html><body>Welcome to nginx!</body></html>");

        SyncException e = failure(() -> client.login("anna", "pult-demo"));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("text/html").contains("Pult backend").doesNotContain("pult-demo");
    }

    @Test
    void brokenJsonIsMalformed() {
        backend.json(ApiPaths.CONVERSATIONS, 200, "[" + CONVERSATION_JSON);

        assertThat(failure(() -> client.conversations(TOKEN)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
    }

    @Test
    void jsonOfTheWrongShapeIsMalformed() {
        backend.json(ApiPaths.CONVERSATIONS, 200, CONVERSATION_JSON)
                .json(ApiPaths.ME, 200, "[]")
                .json(ApiPaths.messagesOf("c1"), 200, "[{\"hello\": \"world\"}]")
                .json(ApiPaths.LOGIN, 200, "{\"greeting\": \"hi\"}");

        assertThat(failure(() -> client.conversations(TOKEN)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(failure(() -> client.me(TOKEN)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(failure(() -> client.messages(TOKEN, "c1")).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(failure(() -> client.login("anna", "x")).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
    }

    @Test
    void nullsWhereValuesBelongAreMalformed() {
        backend.json(ApiPaths.CONVERSATIONS, 200, "[null]").json(ApiPaths.ME, 200, "null");

        assertThat(failure(() -> client.conversations(TOKEN)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(failure(() -> client.me(TOKEN)).reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
    }

    @Test
    void aServerErrorKeepsTheApiErrorCodeAndMessage() {
        backend.json(ApiPaths.CONVERSATIONS, 500, "{\"code\": \"internal_error\", \"message\": \"Database is locked\"}");

        SyncException e = failure(() -> client.conversations(TOKEN));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.apiErrorCode()).hasValue("internal_error");
        assertThat(e.getMessage()).contains("Database is locked").doesNotContain(TOKEN);
    }

    @Test
    void aProxyErrorPageIsAServerErrorWithoutACode() {
        backend.answer(ApiPaths.CONVERSATIONS, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");

        SyncException e = failure(() -> client.conversations(TOKEN));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(502);
        assertThat(e.apiErrorCode()).isEmpty();
    }

    @Test
    void aMissingEndpointWithoutAPultErrorMeansThisIsNotAPultBackend() {
        SyncException e = failure(() -> client.me(TOKEN));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_RESPONSE);
        assertThat(e.httpStatus()).hasValue(404);
    }

    @Test
    void a401WithoutABodyIsUnauthorized() {
        backend.answer(ApiPaths.ME, 401, null, "");

        assertThat(failure(() -> client.me(TOKEN)).reason()).isEqualTo(Reason.UNAUTHORIZED);
    }

    @Test
    void a401WithInvalidCredentialsIsInvalidCredentials() {
        backend.json(ApiPaths.LOGIN, 401, "{\"code\": \"invalid_credentials\", \"message\": \"nope\"}");

        SyncException e = failure(() -> client.login("anna", "wrong"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).doesNotContain("wrong");
    }
}

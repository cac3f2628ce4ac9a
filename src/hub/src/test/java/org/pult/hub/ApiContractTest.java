package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionType;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.EventType;
import org.pult.core.model.Channel;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.MessageKind;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;
import org.pult.core.model.SipTransport;

/**
 * The OpenAPI document is the contract: it must be valid, name every path and enum the code
 * uses, and describe what the real hub answers — checked by validating live answers against it.
 */
class ApiContractTest {

    private static final String OPENAPI_RESOURCE = "/org/pult/hub/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;
    static JsonNode contract;

    @BeforeAll
    static void startHub() throws IOException {
        hub = HubServer.start(HubConfig.embedded(dataDir).withSip("pbx.example.org:5061", SipTransport.TLS)
                .withHeartbeat(java.time.Duration.ofMillis(300)));
        api = new ApiCalls(hub.baseUri());
        try (InputStream document = ApiContractTest.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(document);
        }
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void theDocumentIsValidOpenApi() throws IOException {
        String yaml;
        try (InputStream document = ApiContractTest.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            yaml = new String(document.readAllBytes(), StandardCharsets.UTF_8);
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
    }

    @Test
    void everyPathOfTheCodeIsDocumented() {
        assertThat(contract.get("paths").properties().stream().map(java.util.Map.Entry::getKey))
                .containsExactlyInAnyOrder(ApiPaths.HEALTH, ApiPaths.LOGIN, ApiPaths.TOKEN_REFRESH, ApiPaths.ME, ApiPaths.CONVERSATIONS,
                        ApiPaths.messagesOf("{conversationId}"), ApiPaths.notesOf("{conversationId}"),
                        ApiPaths.REASON_CODES, ApiPaths.DISPOSITIONS, ApiPaths.ACTIONS, ApiPaths.ACTION_BATCHES, ApiPaths.EVENTS,
                        ApiPaths.EVENTS_STREAM, ApiPaths.TEAM, ApiPaths.QUEUES, ApiPaths.itemsOf("{queueId}"));
    }

    @Test
    void everyEnumMatchesTheCode() {
        assertEnum("Role", Role.values());
        assertEnum("OperatorState", OperatorState.values());
        assertEnum("Channel", Channel.values());
        assertEnum("MessageKind", MessageKind.values());
        assertEnum("Direction", Direction.values());
        assertEnum("ConversationStatus", ConversationStatus.values());
        assertEnum("ActionType", ActionType.values());
        assertEnum("EventType", EventType.values());
        assertEnum("SipTransport", SipTransport.values());
    }

    @Test
    void queuesWorkItemsAndAssignmentsMatchTheirSchemas() throws Exception {
        new RoutingFixtures(dataDir).addUser("contract-admin", Role.ADMIN, OperatorState.SIGNED_OUT, java.time.Instant.now());
        String admin = api.tokenFor("contract-admin");
        String james = api.tokenFor("james");
        new ApiActions(hub.baseUri(), api).post(james, ApiActions.state(OperatorState.READY, null));
        JsonNode item = assertMatches(api.post(ApiPaths.itemsOf("support-en"), admin,
                api.write(RoutingFixtures.text(Channel.EMAIL, "Contract Customer"))), 201, ref("WorkItem"));
        assertMatches(api.post(ApiPaths.itemsOf("support-en"), admin,
                api.write(RoutingFixtures.text(Channel.CHAT, "Contract Customer"))), 200, ref("WorkItem"));
        assertMatches(api.get(ApiPaths.QUEUES, api.tokenFor("oleg")), 200, arrayOf("QueueSummary"));
        String conversation = item.get("conversationId").asText();
        RoutingFixtures.eventually(java.time.Duration.ofSeconds(10), "the e-mail routed to james",
                () -> api.get(ApiPaths.CONVERSATIONS, james).body().contains(conversation));
        assertMatches(api.get(ApiPaths.QUEUES, admin), 200, arrayOf("QueueSummary"));
        JsonNode page = assertMatches(api.get(ApiPaths.EVENTS + "?since=0&limit=500", james), 200, ref("EventPage"));
        assertThat(page.get("events").findValuesAsText("type")).contains("CONVERSATION_ASSIGNED");
    }

    @Test
    void theHubServesTheDocument() {
        HttpResponse<String> response = api.get(ApiPaths.OPENAPI, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.body()).contains("openapi: 3.1.0");
    }

    @Test
    void liveAnswersMatchTheirSchemas() throws IOException {
        String token = api.tokenFor("anna");
        assertMatches(api.login("anna", "pult-demo"), 200, ref("LoginResponse"));
        assertMatches(api.post(ApiPaths.TOKEN_REFRESH, api.tokenFor("anna"), ""), 200, ref("TokenResponse"));
        assertMatches(api.get(ApiPaths.ME, token), 200, ref("OperatorProfile"));
        JsonNode conversations = assertMatches(api.get(ApiPaths.CONVERSATIONS, token), 200, arrayOf("Conversation"));
        assertThat(conversations.size()).isGreaterThan(0);
        for (JsonNode conversation : conversations) {
            assertMatches(api.get(ApiPaths.messagesOf(conversation.get("id").asText()), token), 200, arrayOf("Message"));
        }
    }

    @Test
    void actionsEventsListsAndTheTeamMatchTheirSchemas() throws Exception {
        String anna = api.tokenFor("anna");
        ApiActions actions = new ApiActions(hub.baseUri(), api);
        JsonNode profile = assertMatches(api.get(ApiPaths.ME, anna), 200, ref("OperatorProfile"));
        assertThat(profile.at("/sip/username").asText()).isEqualTo("anna");
        assertMatches(api.get(ApiPaths.REASON_CODES, anna), 200, arrayOf("CodeOption"));
        assertMatches(api.get(ApiPaths.DISPOSITIONS, anna), 200, arrayOf("CodeOption"));
        String conversation = api.read(api.get(ApiPaths.CONVERSATIONS, anna), JsonNode.class).get(0).get("id").asText();
        var reply = ApiActions.reply(conversation, "contract reply");
        assertMatches(actions.post(anna, reply), 200, ref("ActionResult"));
        assertMatches(actions.post(anna, reply), 200, ref("ActionResult"));
        assertMatches(actions.post(anna, ApiActions.note(conversation, "contract note")), 200, ref("ActionResult"));
        assertMatches(actions.post(anna, ApiActions.state(OperatorState.NOT_READY, "BREAK")), 200, ref("ActionResult"));
        assertMatches(actions.post(anna, ApiActions.disposition(conversation, "RESOLVED")), 200, ref("ActionResult"));
        JsonNode batch = assertMatches(actions.postBatch(anna, ApiActions.note(conversation, "batch note"), reply,
                ApiActions.state(OperatorState.NOT_READY, "NAP")), 200, ref("ActionBatchResult"));
        assertThat(StreamSupport.stream(batch.get("results").spliterator(), false).map(item -> item.get("status").asText()))
                .containsExactly("APPLIED", "REPLAYED", "REJECTED");
        assertMatches(api.get(ApiPaths.notesOf(conversation), anna), 200, arrayOf("Note"));
        JsonNode page = assertMatches(api.get(ApiPaths.EVENTS + "?since=0&limit=500", anna), 200, ref("EventPage"));
        assertThat(StreamSupport.stream(page.get("events").spliterator(), false).map(e -> e.get("type").asText()))
                .contains("MESSAGE_ADDED", "NOTE_ADDED", "STATE_CHANGED", "DISPOSITION_SET", "CONVERSATION_UPDATED");
        assertMatches(api.get(ApiPaths.TEAM, api.tokenFor("oleg")), 200, arrayOf("TeamMember"));
        try (SseReader stream = new SseReader(hub.baseUri().resolve(ApiPaths.EVENTS_STREAM),
                java.util.Map.of("Authorization", "Bearer " + anna, "Accept", "text/event-stream"))) {
            for (SseReader.Frame frame : stream.events(page.get("events").size(), java.time.Duration.ofSeconds(10))) {
                JsonNode event = JSON.readTree(frame.data());
                assertThat(schema(ref("LiveEvent")).validate(event)).as(frame.data()).isEmpty();
                assertThat(frame.id()).isEqualTo(event.get("cursor").asText());
                assertThat(frame.event()).isEqualTo(event.get("type").asText());
            }
        }
    }

    @Test
    void actionAndEventErrorsMatchApiError() throws IOException {
        String anna = api.tokenFor("anna");
        ApiActions actions = new ApiActions(hub.baseUri(), api);
        assertMatches(actions.postRaw(anna, "{"), 400, ref("ApiError"));
        assertMatches(actions.post(null, ApiActions.note("x", "y")), 401, ref("ApiError"));
        assertMatches(actions.post(anna, ApiActions.note("no-such-conversation", "y")), 404, ref("ApiError"));
        assertMatches(actions.postRaw(anna, "{\"text\": \"" + "x".repeat(70_000) + "\"}"), 413, ref("ApiError"));
        assertMatches(actions.post(anna, ApiActions.state(OperatorState.NOT_READY, "NAP")), 422, ref("ApiError"));
        var note = ApiActions.note(api.read(api.get(ApiPaths.CONVERSATIONS, anna), JsonNode.class).get(0).get("id").asText(), "a");
        actions.post(anna, note);
        assertMatches(actions.post(anna, org.pult.core.api.ActionRequest.note(note.idempotencyKey(), note.conversationId(),
                "b", note.occurredAt())), 409, ref("ApiError"));
        assertMatches(api.get(ApiPaths.EVENTS + "?since=x", anna), 400, ref("ApiError"));
        assertMatches(api.get(ApiPaths.EVENTS_STREAM, anna), 406, ref("ApiError"));
        assertMatches(api.get(ApiPaths.TEAM, anna), 403, ref("ApiError"));
        assertMatches(api.get(ApiPaths.notesOf("no-such-conversation"), anna), 404, ref("ApiError"));
    }

    @Test
    void errorAnswersMatchApiError() throws IOException {
        assertMatches(api.login("anna", "wrong"), 401, ref("ApiError"));
        assertMatches(api.get(ApiPaths.ME, "not-a-token"), 401, ref("ApiError"));
        assertMatches(api.post(ApiPaths.TOKEN_REFRESH, "not-a-token", ""), 401, ref("ApiError"));
        assertMatches(api.get(ApiPaths.messagesOf("no-such-conversation"), api.tokenFor("anna")), 404, ref("ApiError"));
        assertMatches(api.post(ApiPaths.LOGIN, "{not json"), 400, ref("ApiError"));
    }

    @Test
    void theValidationCanFail() throws IOException {
        JsonSchema conversation = schema(arrayOf("Conversation"));
        JsonNode wrong = JSON.readTree("[{\"id\": \"c1\", \"status\": \"ARCHIVED\", \"unreadCount\": -1}]");
        assertThat(conversation.validate(wrong)).isNotEmpty();
    }

    private static JsonNode assertMatches(HttpResponse<String> response, int status, ObjectNode expectedShape) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        Set<ValidationMessage> problems = schema(expectedShape).validate(body);
        assertThat(problems).as(response.uri() + " against the contract").isEmpty();
        return body;
    }

    /** A schema whose $refs resolve inside the contract: the document itself plus one more keyword. */
    private static JsonSchema schema(ObjectNode shape) {
        ObjectNode root = contract.deepCopy();
        root.setAll(shape);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
    }

    private static ObjectNode ref(String name) {
        return JSON.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static ObjectNode arrayOf(String name) {
        ObjectNode array = JSON.createObjectNode().put("type", "array");
        array.set("items", ref(name));
        return array;
    }

    private static void assertEnum(String schema, Enum<?>[] values) {
        List<String> documented = StreamSupport.stream(contract.at("/components/schemas/" + schema + "/enum").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(documented).as(schema).containsExactlyInAnyOrderElementsOf(Arrays.stream(values).map(Enum::name).toList());
    }
}

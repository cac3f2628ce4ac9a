package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.EventPage;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Conversation;
import org.pult.core.model.OperatorState;

/** The event log: pulled by cursor and streamed as server-sent events, resuming by cursor. */
class EventsApiTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(400);
    private static final TypeReference<List<Conversation>> CONVERSATIONS = new TypeReference<>() { };

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;
    static ApiActions actions;

    @BeforeAll
    static void startHub() {
        hub = HubServer.start(HubConfig.embedded(dataDir).withHeartbeat(HEARTBEAT));
        api = new ApiCalls(hub.baseUri());
        actions = new ApiActions(hub.baseUri(), api);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void everyEffectAppendsAnEventAfterTheCursorWithTheActionKey() {
        String anna = api.tokenFor("anna");
        long start = page(anna, 0, 500).head();
        String conversation = firstConversation(anna);
        ActionRequest reply = ApiActions.reply(conversation, "event log reply");
        ActionRequest note = ApiActions.note(conversation, "event log note");
        ActionRequest ready = ApiActions.state(OperatorState.READY, null);
        ActionResult replied = post(anna, reply);
        post(anna, note);
        post(anna, ready);

        EventPage page = page(anna, start, 100);

        assertThat(page.events()).extracting(LiveEvent::type).containsExactly(
                EventType.MESSAGE_ADDED, EventType.CONVERSATION_UPDATED, EventType.NOTE_ADDED, EventType.STATE_CHANGED);
        assertThat(page.events()).extracting(LiveEvent::cursor).isSorted().doesNotHaveDuplicates()
                .allSatisfy(cursor -> assertThat(cursor).isGreaterThan(start));
        assertThat(page.events()).extracting(LiveEvent::actionKey).containsExactly(
                reply.idempotencyKey(), reply.idempotencyKey(), note.idempotencyKey(), ready.idempotencyKey());
        assertThat(page.events().getFirst().message().body()).isEqualTo("event log reply");
        assertThat(page.events().get(1).conversation().preview()).isEqualTo("event log reply");
        assertThat(page.events().get(1).cursor()).isEqualTo(replied.cursor());
        assertThat(page.events().get(3).operatorState().state()).isEqualTo(OperatorState.READY);
        assertThat(page.nextCursor()).isEqualTo(page.events().getLast().cursor());
        assertThat(page.head()).isGreaterThanOrEqualTo(page.nextCursor());
        assertThat(page(anna, page.nextCursor(), 100).events()).isEmpty();
    }

    @Test
    void aReplayedKeyAppendsNoEvent() {
        String anna = api.tokenFor("anna");
        ActionRequest note = ApiActions.note(firstConversation(anna), "only once in the log");
        post(anna, note);
        long head = page(anna, 0, 1).head();

        post(anna, note);

        assertThat(page(anna, 0, 1).head()).isEqualTo(head);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        String james = api.tokenFor("james");
        String conversation = firstConversation(james);
        long start = page(james, 0, 500).head();
        for (int i = 0; i < 7; i++) {
            post(james, ApiActions.note(conversation, "page " + i));
        }

        EventPage first = page(james, start, 3);
        EventPage second = page(james, first.nextCursor(), 3);
        EventPage third = page(james, second.nextCursor(), 3);

        assertThat(first.more()).isTrue();
        assertThat(second.more()).isTrue();
        assertThat(third.more()).isFalse();
        assertThat(java.util.stream.Stream.of(first, second, third).flatMap(p -> p.events().stream())
                .map(e -> e.note().text()).toList())
                .containsExactly("page 0", "page 1", "page 2", "page 3", "page 4", "page 5", "page 6");
    }

    @Test
    void operatorsSeeTheirOwnEventsAndSupervisorsAlsoSeeEveryonesStates() {
        String anna = api.tokenFor("anna");
        String james = api.tokenFor("james");
        String oleg = api.tokenFor("oleg");
        long start = page(oleg, 0, 500).head();
        post(anna, ApiActions.note(firstConversation(anna), "anna's private note"));
        post(anna, ApiActions.state(OperatorState.NOT_READY, "BREAK"));

        assertThat(page(james, start, 100).events()).isEmpty();
        assertThat(page(oleg, start, 100).events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.STATE_CHANGED);
            assertThat(e.operatorState().reasonCode()).isEqualTo("BREAK");
        });
    }

    @Test
    void theStreamSendsEachEventWithItsCursorAsIdAndResumesAfterLastEventId() throws Exception {
        String anna = api.tokenFor("anna");
        String conversation = firstConversation(anna);
        long start = page(anna, 0, 500).head();
        List<SseReader.Frame> firstTwo;
        try (SseReader stream = open(anna, Map.of("Last-Event-ID", Long.toString(start)))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            post(anna, ApiActions.note(conversation, "live 1"));
            post(anna, ApiActions.note(conversation, "live 2"));
            firstTwo = stream.events(2, Duration.ofSeconds(10));
        }
        post(anna, ApiActions.note(conversation, "while away 3"));
        post(anna, ApiActions.note(conversation, "while away 4"));

        try (SseReader resumed = open(anna, Map.of("Last-Event-ID", firstTwo.getLast().id()))) {
            List<SseReader.Frame> missed = resumed.events(2, Duration.ofSeconds(10));

            assertThat(firstTwo).extracting(SseReader.Frame::event).containsOnly("NOTE_ADDED");
            assertThat(firstTwo.stream().map(f -> api.read(f.data(), LiveEvent.class).note().text()))
                    .containsExactly("live 1", "live 2");
            assertThat(missed.stream().map(f -> api.read(f.data(), LiveEvent.class).note().text()))
                    .containsExactly("while away 3", "while away 4");
            assertThat(Long.parseLong(missed.getFirst().id())).isGreaterThan(Long.parseLong(firstTwo.getLast().id()));
            assertThat(resumed.next(Duration.ofMillis(300))).as("nothing twice").satisfiesAnyOf(
                    frame -> assertThat(frame).isNull(),
                    frame -> assertThat(frame.comment()).isEqualTo("heartbeat"));
        }
    }

    @Test
    void theSinceParameterWorksLikeLastEventId() throws Exception {
        String james = api.tokenFor("james");
        String conversation = firstConversation(james);
        post(james, ApiActions.note(conversation, "before"));
        long cursor = page(james, 0, 500).nextCursor();
        post(james, ApiActions.note(conversation, "after"));

        try (SseReader stream = open(james, "?since=" + cursor, Map.of())) {
            assertThat(api.read(stream.events(1, Duration.ofSeconds(10)).getFirst().data(), LiveEvent.class).note().text())
                    .isEqualTo("after");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        String james = api.tokenFor("james");
        long head = page(james, 0, 500).head();
        try (SseReader stream = open(james, Map.of("Last-Event-ID", Long.toString(head + 1_000_000)))) {
            SseReader.Frame first = stream.next(HEARTBEAT.multipliedBy(5));
            SseReader.Frame second = stream.next(HEARTBEAT.multipliedBy(5));

            assertThat(first).isNotNull().extracting(SseReader.Frame::comment).isEqualTo("heartbeat");
            assertThat(second).isNotNull().extracting(SseReader.Frame::comment).isEqualTo("heartbeat");
        }
    }

    @Test
    void badCursorsAndRequestsAreJsonErrors() throws Exception {
        String anna = api.tokenFor("anna");
        assertApiError(api, api.get(ApiPaths.EVENTS + "?since=abc", anna), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.get(ApiPaths.EVENTS + "?since=-1", anna), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.get(ApiPaths.EVENTS + "?limit=0", anna), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.get(ApiPaths.EVENTS + "?limit=100000", anna), 400, ApiErrorCodes.BAD_REQUEST);
        assertApiError(api, api.get(ApiPaths.EVENTS, null), 401, ApiErrorCodes.UNAUTHORIZED);
        assertApiError(api, api.get(ApiPaths.EVENTS_STREAM, anna), 406, ApiErrorCodes.NOT_ACCEPTABLE);
        try (SseReader noToken = new SseReader(uri(""), Map.of("Accept", "text/event-stream"));
             SseReader badId = open(anna, Map.of("Last-Event-ID", "yesterday"))) {
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(new String(noToken.response().body().readAllBytes())).contains("\"code\":\"unauthorized\"");
            assertThat(badId.status()).isEqualTo(400);
            assertThat(new String(badId.response().body().readAllBytes())).contains("\"code\":\"bad_request\"");
        }
    }

    private static SseReader open(String token, Map<String, String> headers) throws Exception {
        return open(token, "", headers);
    }

    private static SseReader open(String token, String query, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        all.put("Accept", "text/event-stream");
        return new SseReader(uri(query), all);
    }

    private static URI uri(String query) {
        return hub.baseUri().resolve(ApiPaths.EVENTS_STREAM + query);
    }

    private static EventPage page(String token, long since, int limit) {
        var response = api.get(ApiPaths.EVENTS + "?since=" + since + "&limit=" + limit, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response, EventPage.class);
    }

    private static ActionResult post(String token, ActionRequest action) {
        var response = actions.post(token, action);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.read(response, ActionResult.class);
    }

    private static String firstConversation(String token) {
        return api.read(api.get(ApiPaths.CONVERSATIONS, token), CONVERSATIONS).getFirst().id();
    }
}

package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.hub.ApiAssertions.assertApiError;
import static org.pult.hub.ApiAssertions.assertJson;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

class InboxApiTest {

    private static final TypeReference<List<Conversation>> CONVERSATIONS = new TypeReference<>() { };
    private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() { };

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static ApiCalls api;
    static Instant started;
    static String annaToken;
    static String jamesToken;

    @BeforeAll
    static void startHub() {
        started = Instant.now();
        hub = HubServer.start(HubConfig.embedded(dataDir));
        api = new ApiCalls(hub.baseUri());
        annaToken = api.tokenFor("anna");
        jamesToken = api.tokenFor("james");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void annasInboxHasRussianAndEnglishCustomersNewestActivityFirst() {
        HttpResponse<String> response = api.get(ApiPaths.CONVERSATIONS, annaToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertJson(response);
        List<Conversation> inbox = api.read(response, CONVERSATIONS);
        assertThat(inbox).extracting(c -> c.customer().displayName())
                .contains("Ирина Соколова", "Дмитрий Волков", "Екатерина Орлова", "Алексей Кузнецов",
                        "Sarah Mitchell", "John Carter");
        assertThat(inbox).extracting(Conversation::lastActivityAt)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(inbox).extracting(Conversation::status)
                .contains(ConversationStatus.OPEN, ConversationStatus.WAITING, ConversationStatus.CLOSED);
        assertThat(inbox).anySatisfy(c -> assertThat(c.unreadCount()).isPositive());
        assertThat(inbox).allSatisfy(c -> {
            assertThat(c.customer().phone()).startsWith("+");
            assertThat(c.lastActivityAt()).isBefore(started.plusSeconds(60)).isAfter(started.minus(Duration.ofDays(3)));
        });
    }

    @Test
    void eachOperatorSeesOnlyTheirOwnConversations() {
        List<Conversation> anna = api.read(api.get(ApiPaths.CONVERSATIONS, annaToken), CONVERSATIONS);
        List<Conversation> james = api.read(api.get(ApiPaths.CONVERSATIONS, jamesToken), CONVERSATIONS);

        assertThat(james).isNotEmpty();
        assertThat(james).extracting(c -> c.customer().displayName()).contains("Michael Thompson")
                .doesNotContain("Ирина Соколова");
        assertThat(anna).extracting(c -> c.customer().displayName()).doesNotContain("Michael Thompson");
        assertThat(anna).extracting(Conversation::id).doesNotContainAnyElementsOf(
                james.stream().map(Conversation::id).toList());
    }

    @Test
    void theSupervisorHasNoAssignedConversations() {
        List<Conversation> oleg = api.read(api.get(ApiPaths.CONVERSATIONS, api.tokenFor("oleg")), CONVERSATIONS);

        assertThat(oleg).isEmpty();
    }

    @Test
    void aConversationTimelineIsOldestFirstAndItsNewestEntryIsTheInboxPreview() {
        Conversation irina = conversationOf(annaToken, "Ирина Соколова");

        List<Message> timeline = messages(annaToken, irina.id());

        assertThat(timeline).hasSizeGreaterThanOrEqualTo(4);
        assertThat(timeline).extracting(Message::sentAt).isSorted();
        assertThat(timeline).extracting(Message::direction).contains(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(timeline).allSatisfy(m -> assertThat(m.conversationId()).isEqualTo(irina.id()));
        Message newest = timeline.getLast();
        assertThat(irina.preview()).isEqualTo(newest.body());
        assertThat(irina.lastChannel()).isEqualTo(newest.channel());
        assertThat(irina.lastKind()).isEqualTo(newest.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(irina.lastActivityAt()).isEqualTo(newest.sentAt());
    }

    @Test
    void aMissedCallIsATimelineEntryOnTheVoiceChannel() {
        Conversation john = conversationOf(annaToken, "John Carter");

        assertThat(john.lastChannel()).isEqualTo(Channel.VOICE);
        assertThat(john.lastKind()).isEqualTo(MessageKind.CALL_MISSED);
        assertThat(messages(annaToken, john.id())).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.CALL_MISSED);
            assertThat(m.channel()).isEqualTo(Channel.VOICE);
            assertThat(m.direction()).isEqualTo(Direction.INBOUND);
        });
    }

    @Test
    void anAnsweredCallAndTheSmsAfterItShareOneConversation() {
        Conversation dmitry = conversationOf(annaToken, "Дмитрий Волков");

        List<Message> timeline = messages(annaToken, dmitry.id());

        assertThat(timeline.getFirst().kind()).isEqualTo(MessageKind.CALL_ANSWERED);
        assertThat(timeline.subList(1, timeline.size())).extracting(Message::channel).containsOnly(Channel.SMS);
        assertThat(dmitry.lastChannel()).isEqualTo(Channel.SMS);
        assertThat(dmitry.lastKind()).as("the newest entry is an SMS, not the call before it").isEqualTo(MessageKind.TEXT);
    }

    @Test
    void anEmailThreadHasASubjectAndAReply() {
        Conversation sarah = conversationOf(annaToken, "Sarah Mitchell");

        List<Message> thread = messages(annaToken, sarah.id());

        assertThat(sarah.subject()).isNotBlank();
        assertThat(thread).extracting(Message::channel).containsOnly(Channel.EMAIL);
        assertThat(thread).extracting(Message::direction).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(thread).allSatisfy(m -> assertThat(m.subject()).contains(sarah.subject()));
    }

    @Test
    void anotherOperatorsConversationLooksExactlyLikeOneThatDoesNotExist() {
        Conversation michael = conversationOf(jamesToken, "Michael Thompson");

        HttpResponse<String> someoneElses = api.get(ApiPaths.messagesOf(michael.id()), annaToken);
        HttpResponse<String> missing = api.get(ApiPaths.messagesOf("no-such-conversation"), annaToken);

        assertApiError(api, someoneElses, 404, ApiErrorCodes.NOT_FOUND);
        assertApiError(api, missing, 404, ApiErrorCodes.NOT_FOUND);
        assertThat(someoneElses.body().replace(michael.id(), "ID"))
                .isEqualTo(missing.body().replace("no-such-conversation", "ID"));
    }

    @Test
    void anUnknownPathIsAJsonNotFound() {
        assertApiError(api, api.get("/api/v1/nope", annaToken), 404, ApiErrorCodes.NOT_FOUND);
        assertApiError(api, api.get("/", null), 404, ApiErrorCodes.NOT_FOUND);
    }

    @Test
    void aRequestJettyRefusesBeforeRoutingIsStillAnsweredInJson() throws IOException {
        // The JDK client will not send a broken escape, so this one goes over a plain socket.
        String answer = RawHttp.exchange(hub.port(), "GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        assertThat(answer).contains("\"code\":\"bad_request\"").doesNotContainIgnoringCase("<html");
    }

    private static Conversation conversationOf(String token, String customerName) {
        return api.read(api.get(ApiPaths.CONVERSATIONS, token), CONVERSATIONS).stream()
                .filter(c -> c.customer().displayName().equals(customerName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No conversation with " + customerName));
    }

    private static List<Message> messages(String token, String conversationId) {
        HttpResponse<String> response = api.get(ApiPaths.messagesOf(conversationId), token);
        assertThat(response.statusCode()).isEqualTo(200);
        return api.read(response, MESSAGES);
    }
}

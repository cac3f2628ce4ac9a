package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.sync.SyncFailures.failure;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;
import org.pult.core.model.OperatorProfile;
import org.pult.core.model.OperatorState;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.sync.SyncException.Reason;

/** The client against the real reference backend, started in-process on a free port. */
class HubClientAgainstHubTest {

    private static final String PASSWORD = "pult-demo";

    @TempDir
    static Path dataDir;
    static HubServer hub;
    static HubClient client;
    static String annaToken;

    @BeforeAll
    static void startHub() throws SyncException {
        hub = HubServer.start(HubConfig.embedded(dataDir));
        client = new HubClient(hub.baseUri());
        annaToken = client.login("anna", PASSWORD).token();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void signInReturnsATokenAndTheOperator() throws SyncException {
        LoginResponse login = client.login("james", PASSWORD);

        assertThat(login.token()).isNotBlank();
        assertThat(login.operator().displayName()).isEqualTo("James Walker");
        assertThat(login.operator().state()).isEqualTo(OperatorState.NOT_READY);
    }

    @Test
    void aWrongPasswordIsInvalidCredentialsAndTheMessageNeverHoldsIt() {
        SyncException e = failure(() -> client.login("anna", "wrong-секрет"));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.apiErrorCode()).hasValue("invalid_credentials");
        assertThat(e.getMessage()).doesNotContain("wrong-секрет");
    }

    @Test
    void anUnknownUserIsInvalidCredentialsToo() {
        SyncException e = failure(() -> client.login("nobody", PASSWORD));

        assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
    }

    @Test
    void meDecodesTheProfileWithCyrillicIntact() throws SyncException {
        OperatorProfile me = client.me(annaToken);

        assertThat(me.username()).isEqualTo("anna");
        assertThat(me.displayName()).isEqualTo("Анна Петрова");
    }

    @Test
    void anUnknownTokenIsUnauthorizedAndTheMessageNeverHoldsIt() {
        String token = "forged-token-1234567890";

        SyncException e = failure(() -> client.me(token));

        assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(e.apiErrorCode()).hasValue("unauthorized");
        assertThat(e.getMessage()).doesNotContain(token);
    }

    @Test
    void conversationsDecodeWithCustomersInBothLanguages() throws SyncException {
        List<Conversation> inbox = client.conversations(annaToken);

        assertThat(inbox).extracting(c -> c.customer().displayName())
                .contains("Ирина Соколова", "Екатерина Орлова", "Sarah Mitchell", "John Carter");
        assertThat(inbox).extracting(Conversation::subject).contains("Двойное списание за октябрь");
        assertThat(inbox).extracting(Conversation::lastActivityAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(inbox).extracting(Conversation::lastChannel).contains(Channel.VOICE, Channel.CHAT, Channel.EMAIL);
    }

    @Test
    void messagesDecodeOldestFirstWithCyrillicIntact() throws SyncException {
        Conversation irina = byCustomer(client.conversations(annaToken), "Ирина Соколова");

        List<Message> timeline = client.messages(annaToken, irina.id());

        assertThat(timeline).extracting(Message::sentAt).isSorted();
        assertThat(timeline.getFirst().body()).isEqualTo(
                "Здравствуйте! С утра не работает интернет, на роутере мигает красная лампочка.");
        assertThat(timeline.getFirst().author()).isEqualTo("Ирина Соколова");
    }

    @Test
    void callsDecodeAsTimelineEntries() throws SyncException {
        Conversation john = byCustomer(client.conversations(annaToken), "John Carter");

        assertThat(john.lastKind()).isEqualTo(MessageKind.CALL_MISSED);
        assertThat(client.messages(annaToken, john.id())).extracting(Message::kind).contains(MessageKind.CALL_MISSED);
    }

    @Test
    void someoneElsesConversationIsAServerErrorWithTheNotFoundCode() throws SyncException {
        String jamesToken = client.login("james", PASSWORD).token();
        Conversation michael = byCustomer(client.conversations(jamesToken), "Michael Thompson");

        SyncException e = failure(() -> client.messages(annaToken, michael.id()));

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(404);
        assertThat(e.apiErrorCode()).hasValue("not_found");
    }

    @Test
    void aBaseUrlWithATrailingSlashReachesTheSameApi() throws SyncException {
        HubClient slashed = HubClient.forUrl(hub.baseUri() + "/");

        assertThat(slashed.me(annaToken).username()).isEqualTo("anna");
    }

    private static Conversation byCustomer(List<Conversation> inbox, String name) {
        return inbox.stream().filter(c -> c.customer().displayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No conversation with " + name + " in " + inbox));
    }
}

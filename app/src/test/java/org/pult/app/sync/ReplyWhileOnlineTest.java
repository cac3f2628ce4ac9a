package org.pult.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.app.session.CacheLocation;
import org.pult.cache.CacheDatabase;
import org.pult.cache.ConversationStore;
import org.pult.cache.DraftStore;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** With the hub up, a reply sent with Ctrl+Enter shows at once and is then confirmed by the hub's copy. */
class ReplyWhileOnlineTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    private static final String REPLY = "Thank you, Sarah — the replacement ships tomorrow.";

    @Test
    void aSentReplyAppearsThenIsConfirmedAndTheDraftIsCleared(FxRobot robot) {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        waitUntil(Duration.ofSeconds(30), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        waitUntil(Duration.ofSeconds(20), () -> robot.lookup("#syncStatus").queryLabeled().getText()
                .equals(app.text("sync.online")));
        PultFixture.clickOnText(robot, "Sarah Mitchell");
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        String conversationId = inbox.getItems().stream()
                .filter(c -> c.customer().displayName().equals("Sarah Mitchell")).findFirst().orElseThrow().id();
        waitUntil(Duration.ofSeconds(10), () -> !timeline(robot).isEmpty());
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#replyField").write(REPLY);
        assertThat(robot.lookup("#sendButton").queryButton().isDisabled()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(Duration.ofSeconds(5), () -> timeline(robot).stream().anyMatch(m -> REPLY.equals(m.body())));
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEmpty();

        // Confirmed: the cache holds the hub's copy, once, and nothing of it is pending.
        waitUntil(Duration.ofSeconds(20), () -> confirmedInCache(conversationId));
        waitUntil(Duration.ofSeconds(5), () -> robot.lookup(".pending-mark").tryQuery().isEmpty());
        assertThat(timeline(robot)).filteredOn(m -> REPLY.equals(m.body())).hasSize(1);
        assertThat(draft(conversationId)).isEmpty();
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-reply-confirmed");
    }

    private static List<Message> timeline(FxRobot robot) {
        ListView<Message> timeline = robot.lookup("#timeline").query();
        return List.copyOf(timeline.getItems());
    }

    private Path cacheFile() {
        return new CacheLocation(home.resolve("cache")).fileFor(CacheLocation.EMBEDDED_BACKEND, DEMO_OPERATOR);
    }

    /** Reads the operator's cache file the way a restarted Pult would. */
    private boolean confirmedInCache(String conversationId) {
        try (CacheDatabase cache = CacheDatabase.open(cacheFile())) {
            ConversationStore store = new ConversationStore(cache);
            List<Message> replies = store.messages(conversationId).stream().filter(m -> REPLY.equals(m.body())).toList();
            return replies.size() == 1 && store.pendingMessageIds(conversationId).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private Optional<String> draft(String conversationId) {
        try (CacheDatabase cache = CacheDatabase.open(cacheFile())) {
            return new DraftStore(cache).load(conversationId);
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }
}

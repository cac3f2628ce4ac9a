package org.pult.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.app.session.CacheLocation;
import org.pult.cache.CacheDatabase;
import org.pult.cache.OutboxStore;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.port.OutboxEntry;
import org.pult.core.port.OutboxStatus;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A supervisor hands a conversation to a colleague while the operator is typing a reply in it:
 * the hub refuses the reply; the operator sees "1 not sent", why, and their text, and can dismiss
 * the entry, which stays in the outbox as a record.
 */
class RejectedActionTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    private static final String REPLY = "Здравствуйте, Ирина! Проверяю ваш тариф прямо сейчас.";

    @TempDir
    Path hubData;
    private int port;
    private HubServer hub;

    @Override
    protected void beforeStart() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        hub = HubServer.start(new HubConfig("127.0.0.1", port, hubData));
    }

    @Override
    protected LaunchOptions options() {
        return new LaunchOptions(backendUrl(), false);
    }

    private String backendUrl() {
        return "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void aRefusedReplyIsShownWithItsReasonAndTextAndCanBeDismissed(FxRobot robot) throws Exception {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        waitUntil(Duration.ofSeconds(30), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        waitUntil(Duration.ofSeconds(20), () -> robot.lookup("#syncStatus").queryLabeled().getText()
                .equals(app.text("sync.online")));
        assertThat(showing(robot, "#rejectedActions")).isFalse();
        PultFixture.clickOnText(robot, "Ирина Соколова");
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        String conversationId = inbox.getItems().stream()
                .filter(c -> c.customer().displayName().equals("Ирина Соколова")).findFirst().orElseThrow().id();
        waitUntil(Duration.ofSeconds(10), () -> !robot.lookup("#timeline").queryListView().getItems().isEmpty());

        reassignAtTheHub(conversationId, "james");
        robot.clickOn("#replyField").write(REPLY);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#rejectedActions"));
        assertThat(robot.lookup("#rejectedActions").queryButton().getText()).isEqualTo("1 not sent");
        waitUntil(Duration.ofSeconds(5), () -> timelineBodies(robot).stream().noneMatch(REPLY::equals));
        robot.clickOn("#rejectedActions");
        waitUntil(Duration.ofSeconds(5), () -> showing(robot, "#rejectedDialog"));
        waitUntil(Duration.ofSeconds(5), () -> labelShown(robot, app.text("rejected.reason.notYours")));
        assertThat(labelShown(robot, app.text("rejected.type.REPLY", "Ирина Соколова"), true)).isTrue();
        assertThat(robot.lookup(".rejected-text").queryAs(TextArea.class).getText()).isEqualTo(REPLY);
        PultFixture.screenshot(robot.lookup("#rejectedDialog").query().getScene(), "rejected-actions-dialog");
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-rejected-badge");

        robot.clickOn(".rejected-copy");
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))).isEqualTo(REPLY);
        robot.clickOn(".rejected-dismiss");

        waitUntil(Duration.ofSeconds(10), () -> !showing(robot, "#rejectedActions"));
        waitUntil(Duration.ofSeconds(5), () -> labelShown(robot, app.text("rejected.none")));
        List<OutboxEntry> kept = outboxInCache();
        assertThat(kept).filteredOn(e -> REPLY.equals(e.request().text())).singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(OutboxStatus.POISON));
    }

    /** What a supervisor's reassignment does at the hub, done on its database. */
    private void reassignAtTheHub(String conversationId, String toUsername) throws Exception {
        try (Connection hubDb = DriverManager.getConnection("jdbc:sqlite:" + hubData.resolve("hub.db"));
             PreparedStatement update = hubDb.prepareStatement(
                     "UPDATE conversations SET assignee_id = (SELECT id FROM users WHERE username = ?) WHERE id = ?")) {
            hubDb.createStatement().execute("PRAGMA busy_timeout = 5000");
            update.setString(1, toUsername);
            update.setString(2, conversationId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private List<OutboxEntry> outboxInCache() {
        Path file = new CacheLocation(home.resolve("cache")).fileFor(backendUrl(), DEMO_OPERATOR);
        try (CacheDatabase cache = CacheDatabase.open(file)) {
            OutboxStore outbox = new OutboxStore(cache, Clock.systemUTC());
            assertThat(outbox.poisoned()).isEmpty();
            return outbox.all();
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    private static List<String> timelineBodies(FxRobot robot) {
        ListView<Message> timeline = robot.lookup("#timeline").query();
        return List.copyOf(timeline.getItems()).stream().map(Message::body).toList();
    }

    private static boolean labelShown(FxRobot robot, String text) {
        return labelShown(robot, text, false);
    }

    private static boolean labelShown(FxRobot robot, String text, boolean prefix) {
        return robot.lookup((Node node) -> node instanceof Label label && label.getText() != null
                && (prefix ? label.getText().startsWith(text) : text.equals(label.getText()))
                && label.getScene() != null && label.isVisible()).tryQuery().isPresent();
    }
}

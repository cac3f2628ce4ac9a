package org.pult.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.model.OperatorState;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.sync.HubClient;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The hub goes away mid-shift: the operator changes state, adds a note and replies; the top bar
 * says they wait; a new hub on the same port and data gets each of them exactly once, and the
 * top bar is back to Online with nothing waiting.
 */
class HubOutageInTheConsoleTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    private static final String REPLY = "Your refund is on its way, written while the server was down";
    private static final String NOTE = "Customer prefers e-mail; noted offline";

    @TempDir
    Path hubData;
    private int port;
    private HubServer hub;
    private HubClient checker;
    private String checkerToken;

    @Override
    protected void beforeStart() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        hub = HubServer.start(new HubConfig("127.0.0.1", port, hubData));
        checker = new HubClient(URI.create("http://127.0.0.1:" + port));
        try {
            checkerToken = checker.login(DEMO_OPERATOR, DEMO_PASSWORD).token();
        } catch (Exception failure) {
            throw new IOException(failure);
        }
    }

    @Override
    protected LaunchOptions options() {
        return new LaunchOptions("http://127.0.0.1:" + port, false);
    }

    @AfterEach
    void stopHub() {
        checker.close();
        hub.close();
    }

    @Test
    void actionsMadeOfflineWaitInTheTopBarAndArriveOnceWhenTheHubIsBack(FxRobot robot) throws Exception {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        try {
            waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                    && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        } catch (AssertionError e) {
            PultFixture.screenshot(robot.lookup("#signInButton").query().getScene(), "debug-signin");
            throw e;
        }
        waitUntil(Duration.ofSeconds(20), () -> statusText(robot).equals(app.text("sync.online")));
        PultFixture.clickOnText(robot, "Sarah Mitchell");
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        String conversationId = inbox.getItems().stream()
                .filter(c -> c.customer().displayName().equals("Sarah Mitchell")).findFirst().orElseThrow().id();
        waitUntil(Duration.ofSeconds(10), () -> !robot.lookup("#timeline").queryListView().getItems().isEmpty());

        hub.close();
        waitUntil(Duration.ofSeconds(40), () -> statusText(robot).equals(app.text("sync.offline.waiting", 0)));

        robot.clickOn("#operatorState");
        PultFixture.clickOnText(robot, app.text("state.notReadyFor", "Break"));
        robot.clickOn("#noteField").write(NOTE);
        robot.clickOn("#addNoteButton");
        robot.clickOn("#replyField").write(REPLY);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        try {
            waitUntil(Duration.ofSeconds(10), () -> statusText(robot).equals(app.text("sync.offline.waiting", 3)));
        } catch (AssertionError e) {
            PultFixture.screenshot(robot.lookup("#console").query().getScene(), "debug-offline");
            throw new AssertionError("status: " + statusText(robot), e);
        }
        assertThat(statusText(robot)).isEqualTo("Offline — 3 actions waiting");
        waitUntil(Duration.ofSeconds(5), () -> timelineBodies(robot).contains(REPLY));
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#noteField").queryTextInputControl().getText()).isEmpty();
        waitUntil(Duration.ofSeconds(5), () -> labelShown(robot, app.text("conversation.pending.waiting")));
        assertThat(robot.lookup("#operatorState").queryLabeled().getText())
                .startsWith(app.text("state.notReadyFor", "Break"));
        assertThat(robot.lookup("#notesList").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .extracting(node -> ((Label) node).getText())
                .anySatisfy(text -> assertThat(text).contains(NOTE).contains(app.text("notes.pending")));
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-offline-actions-waiting");

        hub = HubServer.start(new HubConfig("127.0.0.1", port, hubData));

        waitUntil(Duration.ofSeconds(60), () -> statusText(robot).equals(app.text("sync.online")));
        waitUntil(Duration.ofSeconds(10), () -> !labelShown(robot, app.text("conversation.pending.waiting"))
                && !labelShown(robot, app.text("conversation.pending.sending")));
        assertThat(timelineBodies(robot)).containsOnlyOnce(REPLY);
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-back-online");

        List<String> repliesAtHub = checker.messages(checkerToken, conversationId).stream()
                .map(Message::body).filter(REPLY::equals).toList();
        assertThat(repliesAtHub).hasSize(1);
        List<LiveEvent> events = allEventsAtTheHub();
        assertThat(events).filteredOn(e -> e.type() == EventType.NOTE_ADDED && NOTE.equals(e.note().text())).hasSize(1);
        assertThat(events).filteredOn(e -> e.type() == EventType.STATE_CHANGED
                && "BREAK".equals(e.operatorState().reasonCode())).hasSize(1);
        assertThat(checker.me(checkerToken).state()).isEqualTo(OperatorState.NOT_READY);
    }

    private List<LiveEvent> allEventsAtTheHub() throws Exception {
        List<LiveEvent> events = new java.util.ArrayList<>();
        long since = 0;
        org.pult.core.api.EventPage page;
        do {
            page = checker.events(checkerToken, since, 500);
            events.addAll(page.events());
            since = page.nextCursor();
        } while (page.more());
        return events;
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#syncStatus").queryLabeled().getText();
    }

    private static List<String> timelineBodies(FxRobot robot) {
        ListView<Message> timeline = robot.lookup("#timeline").query();
        return List.copyOf(timeline.getItems()).stream().map(Message::body).toList();
    }

    private static boolean labelShown(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof Label label && text.equals(label.getText())
                && label.getScene() != null && label.isVisible()).tryQuery().isPresent();
    }
}

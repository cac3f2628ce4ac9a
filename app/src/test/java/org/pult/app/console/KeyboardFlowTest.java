package org.pult.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.PultUiTest;
import org.pult.app.session.CacheLocation;
import org.pult.cache.CacheDatabase;
import org.pult.cache.DraftStore;
import org.pult.core.model.Conversation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An operator who never touches the mouse (after one click to focus the window): signs in,
 * moves through the inbox, types a reply that lands in the cache as a draft, searches.
 */
class KeyboardFlowTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    private static final String REPLY = "Checking your line now, one moment please";

    @Test
    void signInBrowseReplyAndSearchWithTheKeyboardOnly(FxRobot robot) throws Exception {
        waitUntil(Duration.ofSeconds(20), () -> !robot.lookup("#backendUrl").queryTextInputControl().getText().isBlank());
        robot.clickOn("#username");
        robot.write(DEMO_OPERATOR).push(KeyCode.TAB).write(DEMO_PASSWORD).push(KeyCode.ENTER);

        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        waitUntil(Duration.ofSeconds(5), () -> title(robot).equals(name(inbox, 0)));
        robot.push(KeyCode.DOWN);
        waitUntil(Duration.ofSeconds(5), () -> title(robot).equals(name(inbox, 1)));
        Conversation second = inbox.getItems().get(1);

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT2).write(REPLY);
        assertThat(robot.lookup("#replyField").queryTextInputControl().getText()).isEqualTo(REPLY);
        waitUntil(Duration.ofSeconds(10), () -> draftInCache(second.id()).filter(REPLY::equals).isPresent());

        robot.push(KeyCode.SHORTCUT, KeyCode.F).write("Sarah");
        waitUntil(Duration.ofSeconds(5), () -> inbox.getItems().size() == 1);
        assertThat(name(inbox, 0)).isEqualTo("Sarah Mitchell");
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#conversationTitle").queryAs(Label.class).getText();
    }

    private static String name(ListView<Conversation> inbox, int index) {
        return inbox.getItems().get(index).customer().displayName();
    }

    /** Reads the operator's cache file the way a restarted Pult would. */
    private Optional<String> draftInCache(String conversationId) {
        Path file = new CacheLocation(home.resolve("cache")).fileFor(CacheLocation.EMBEDDED_BACKEND, DEMO_OPERATOR);
        try (CacheDatabase cache = CacheDatabase.open(file)) {
            return new DraftStore(cache).load(conversationId);
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }
}

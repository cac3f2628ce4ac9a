package org.pult.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.core.model.Conversation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The operator signs in to the embedded hub, as a person would, and sees the demo inbox. */
class SignInFlowTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    @Test
    void signingInShowsTheDemoConversationsInTheInbox(FxRobot robot) {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);

        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").<ListView<Conversation>>query().getItems().isEmpty());
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        assertThat(inbox.getItems())
                .extracting(conversation -> conversation.customer().displayName())
                .contains("Ирина Соколова", "Sarah Mitchell")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(inbox.getItems()).isSortedAccordingTo((a, b) -> b.lastActivityAt().compareTo(a.lastActivityAt()));
        assertThat(robot.lookup("#operatorName").queryAs(Label.class).getText()).isEqualTo("Анна Петрова");

        // John Carter's newest entry is a missed call: the row says so, in red, not his number.
        String missedCall = app.text("inbox.preview.missedCall");
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup(node -> node instanceof Label label
                && missedCall.equals(label.getText()) && onScreen(label)).tryQuery().isPresent());
        Label johnsPreview = robot.lookup(node -> node instanceof Label label
                && missedCall.equals(label.getText()) && onScreen(label)).queryAs(Label.class);
        assertThat(cellOf(johnsPreview).getItem().customer().displayName()).isEqualTo("John Carter");
        assertThat(johnsPreview.getStyleClass()).contains("inbox-preview", "missed");
        assertThat(robot.lookup(node -> node instanceof Label label && "+14155550142".equals(label.getText())
                && onScreen(label)).tryQuery()).as("the caller's number as a preview").isEmpty();
        // Filtering moves John up a row, so the cell that showed him shows someone else: it must not stay red.
        // ("e" is in John's name and Екатерина's e-mail but nowhere in Ирина's conversation.)
        robot.clickOn("#inboxSearch").write("e");
        waitUntil(Duration.ofSeconds(10), () -> inbox.getItems().getFirst().customer().displayName().equals("John Carter")
                && inbox.getItems().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".inbox-preview").queryAllAs(Label.class).stream()
                .filter(label -> onScreen(label) && label.getStyleClass().contains("missed")))
                .singleElement()
                .satisfies(label -> assertThat(cellOf(label).getItem().customer().displayName()).isEqualTo("John Carter"));
        robot.interact(() -> robot.lookup("#inboxSearch").queryTextInputControl().clear());
        waitUntil(Duration.ofSeconds(10), () -> inbox.getItems().getFirst().customer().displayName().equals("Ирина Соколова"));

        PultFixture.clickOnText(robot, "Sarah Mitchell");
        waitUntil(Duration.ofSeconds(10), () -> !robot.lookup("#timeline").queryListView().getItems().isEmpty());
        assertThat(robot.lookup("#conversationTitle").queryAs(Label.class).getText()).isEqualTo("Sarah Mitchell");
        assertThat(robot.lookup("#customerName").queryAs(Label.class).getText()).isEqualTo("Sarah Mitchell");

        robot.push(KeyCode.DOWN);
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#conversationTitle").queryAs(Label.class).getText()
                .equals(inbox.getItems().get(inbox.getItems().indexOf(inbox.getItems().stream()
                        .filter(c -> c.customer().displayName().equals("Sarah Mitchell")).findFirst().orElseThrow()) + 1)
                        .customer().displayName()));
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console");
    }

    /** Virtualised lists keep hidden cells for measuring; only a label that is shown counts. */
    private static boolean onScreen(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @SuppressWarnings("unchecked")
    private static ListCell<Conversation> cellOf(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (current instanceof ListCell<?> cell) {
                return (ListCell<Conversation>) cell;
            }
        }
        throw new AssertionError(node + " is not in a list cell");
    }

    @Test
    void aWrongPasswordIsShownInlineAndKeepsTheUserName(FxRobot robot) {
        PultFixture.signIn(robot, DEMO_OPERATOR, "not-the-password");

        waitUntil(Duration.ofSeconds(15), () -> showing(robot, "#signInError"));
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo(app.text("signin.error.credentials"));
        assertThat(robot.lookup("#username").queryTextInputControl().getText()).isEqualTo(DEMO_OPERATOR);
        assertThat(robot.lookup("#password").queryTextInputControl().getText()).isEmpty();
        assertThat(showing(robot, "#inboxList")).isFalse();
        PultFixture.screenshot(robot.lookup("#signInButton").query().getScene(), "signin-wrong-password");
    }

    @Test
    void emptyFieldsAreNamedBeforeAnythingIsSent(FxRobot robot) {
        waitUntil(Duration.ofSeconds(20), () -> !robot.lookup("#backendUrl").queryTextInputControl().getText().isBlank());
        robot.clickOn("#signInButton");
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText()).isEqualTo(app.text("signin.error.noUsername"));
    }
}

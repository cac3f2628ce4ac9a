package org.pult.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.core.model.Conversation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

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

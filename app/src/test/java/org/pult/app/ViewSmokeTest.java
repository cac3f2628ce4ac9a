package org.pult.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Opens every screen once — sign-in, console, settings — in Russian, switches to English and to
 * the dark theme, and signs out, so a broken view fails the build instead of an operator's shift.
 * No label anywhere may show a missing-key marker.
 */
class ViewSmokeTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    @Override
    protected String language() {
        return "ru";
    }

    @Test
    void everyScreenOpensInBothLanguagesAndThemes(FxRobot robot) {
        waitUntil(Duration.ofSeconds(20), () -> !robot.lookup("#backendUrl").queryTextInputControl().getText().isBlank());
        assertThat(robot.lookup("#signInButton").queryButton().getText()).isEqualTo("Войти");
        assertNoMissingKeys(robot);
        PultFixture.screenshot(robot.lookup("#signInButton").query().getScene(), "signin-ru");

        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        waitUntil(Duration.ofSeconds(10), () -> !robot.lookup("#softphoneStatus").queryLabeled().getText()
                .equals(app.text("softphone.status.checking")));
        PultFixture.clickOnText(robot, "Ирина Соколова");
        waitUntil(Duration.ofSeconds(10), () -> !robot.lookup("#timeline").queryListView().getItems().isEmpty());
        assertThat(robot.lookup("#customerName").queryAs(Label.class).getText()).isNotBlank();
        assertNoMissingKeys(robot);
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-ru");

        robot.clickOn("#settingsButton");
        waitUntil(Duration.ofSeconds(5), () -> showing(robot, "#settingsDialog"));
        assertNoMissingKeys(robot);
        PultFixture.screenshot(robot.lookup("#settingsDialog").query().getScene(), "settings-ru");
        robot.clickOn("#darkThemeToggle");
        robot.push(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(5), () -> !showing(robot, "#settingsDialog"));
        assertThat(app.root().window().stage().getScene().getRoot().getStyleClass()).contains("theme-dark");

        switchLanguageToEnglish(robot);
        waitUntil(Duration.ofSeconds(5), () -> robot.lookup("#signOutButton").queryButton().getText().equals("Sign out"));
        assertThat(showing(robot, "#inboxList")).isTrue();
        assertNoMissingKeys(robot);
        PultFixture.screenshot(robot.lookup("#console").query().getScene(), "console-en-dark");

        robot.clickOn("#signOutButton");
        waitUntil(Duration.ofSeconds(5), () -> showing(robot, "#signInButton"));
        assertThat(robot.lookup("#username").queryTextInputControl().getText()).isEqualTo(DEMO_OPERATOR);
    }

    private void switchLanguageToEnglish(FxRobot robot) {
        robot.clickOn("#settingsButton");
        waitUntil(Duration.ofSeconds(5), () -> showing(robot, "#settingsDialog"));
        robot.clickOn("#languageChoice");
        robot.clickOn("English");
        robot.push(KeyCode.ESCAPE);
        waitUntil(Duration.ofSeconds(5), () -> !showing(robot, "#settingsDialog"));
    }

    private static void assertNoMissingKeys(FxRobot robot) {
        for (Window window : robot.listWindows()) {
            if (window.getScene() == null) {
                continue;
            }
            Node root = window.getScene().getRoot();
            assertThat(robot.from(root).lookup((Node node) -> node instanceof Labeled).<Labeled>queryAll())
                    .extracting(Labeled::getText)
                    .noneMatch(text -> text != null && text.matches(".*![a-zA-Z.]+!.*"));
        }
    }
}

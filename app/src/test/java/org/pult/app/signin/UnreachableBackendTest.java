package org.pult.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The configured backend is down: the operator is told so, keeps what they typed, and can retry. */
class UnreachableBackendTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    @TempDir
    Path hubData;
    private int port;
    private String backendUrl;
    private HubServer lateHub;

    @Override
    protected void beforeStart() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        backendUrl = "http://127.0.0.1:" + port;
    }

    @Override
    protected LaunchOptions options() {
        return new LaunchOptions(backendUrl, false);
    }

    @AfterEach
    void stopLateHub() {
        if (lateHub != null) {
            lateHub.close();
        }
    }

    @Test
    void theOperatorSeesWhichBackendIsDownAndRetriesOnceItIsBack(FxRobot robot) {
        assertThat(robot.lookup("#backendUrl").queryTextInputControl().getText()).isEqualTo(backendUrl);
        robot.clickOn("#username").write(DEMO_OPERATOR);
        robot.clickOn("#password").write(DEMO_PASSWORD);
        robot.clickOn("#signInButton");

        waitUntil(Duration.ofSeconds(15), () -> showing(robot, "#signInError") && showing(robot, "#retryButton"));
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo(app.text("signin.error.unreachable", backendUrl))
                .contains(backendUrl)
                .doesNotContain("Exception");
        assertThat(showing(robot, "#retryButton")).isTrue();
        assertThat(robot.lookup("#password").queryTextInputControl().getText()).isEqualTo(DEMO_PASSWORD);
        PultFixture.screenshot(robot.lookup("#retryButton").query().getScene(), "signin-unreachable");

        lateHub = HubServer.start(new HubConfig("127.0.0.1", port, hubData));
        robot.clickOn("#retryButton");

        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
    }
}

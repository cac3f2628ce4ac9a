package org.pult.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.app.session.CacheLocation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A damaged cache file: a clear message, a rebuild from the backend, and the damaged file kept. */
class DamagedCacheTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    private Path cacheFile;

    @Override
    protected void beforeStart() throws IOException {
        cacheFile = new CacheLocation(home.resolve("cache")).fileFor(CacheLocation.EMBEDDED_BACKEND, DEMO_OPERATOR);
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, "this is not an SQLite database, it was damaged by a disk error ".repeat(200));
    }

    @Test
    void theOperatorIsOfferedARebuildThatKeepsTheDamagedFile(FxRobot robot) throws IOException {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);

        waitUntil(Duration.ofSeconds(15), () -> showing(robot, "#signInError") && showing(robot, "#rebuildCacheButton"));
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText())
                .isEqualTo(app.text("signin.cache.corrupt", cacheFile.toString()));
        assertThat(showing(robot, "#rebuildCacheButton")).isTrue();
        PultFixture.screenshot(robot.lookup("#rebuildCacheButton").query().getScene(), "signin-damaged-cache");

        robot.clickOn("#rebuildCacheButton");

        waitUntil(Duration.ofSeconds(20), () -> showing(robot, "#inboxList")
                && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        try (Stream<Path> files = Files.list(cacheFile.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith(cacheFile.getFileName() + ".damaged-"));
        }
    }
}

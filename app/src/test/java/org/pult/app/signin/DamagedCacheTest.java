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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.session.CacheLocation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A damaged cache file: a clear message, a rebuild from the backend, and the damaged file kept. */
@ExtendWith(ApplicationExtension.class)
class DamagedCacheTest {

    @TempDir
    Path home;
    private PultFixture app;
    private Path cacheFile;

    @Start
    void start(Stage stage) throws IOException {
        cacheFile = new CacheLocation(home.resolve("cache")).fileFor(CacheLocation.EMBEDDED_BACKEND, DEMO_OPERATOR);
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, "this is not an SQLite database, it was damaged by a disk error ".repeat(200));
        app = PultFixture.start(stage, home, LaunchOptions.defaults());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theOperatorIsOfferedARebuildThatKeepsTheDamagedFile(FxRobot robot) throws IOException {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);

        waitUntil(Duration.ofSeconds(15), () -> showing(robot, "#signInError"));
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

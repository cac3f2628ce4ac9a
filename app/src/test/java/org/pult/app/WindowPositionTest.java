package org.pult.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.pult.app.settings.SettingsStore;
import org.pult.app.settings.WindowBounds;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** An operator who arranged the window finds it in the same place after a restart. */
class WindowPositionTest extends PultUiTest {

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    @Test
    void theWindowComesBackWhereItWasLeft(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = app.root().window().stage();
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        app.close();

        WindowBounds saved = new SettingsStore(home.resolve("settings.properties"), Locale.ENGLISH).load().window();
        assertThat(saved).isEqualTo(new WindowBounds(40, 30, 1100, 700, false));

        robot.interact(() -> {
            try {
                app = PultFixture.start(new Stage(), home, options(), language());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        Stage reopened = app.root().window().stage();
        assertThat(new double[] {reopened.getX(), reopened.getY(), reopened.getWidth(), reopened.getHeight()})
                .containsExactly(40, 30, 1100, 700);
    }
}

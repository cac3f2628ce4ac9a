package org.pult.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A UI test of the real app in a fresh data folder, closed after each test. TestFX only sees a
 * {@code @Start} method declared in the test class itself, so each subclass has a one-line one
 * calling {@link #launch}; the hooks change the data folder, launch options or language.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class PultUiTest {

    @TempDir
    protected Path home;
    protected PultFixture app;

    /** Runs before Pult starts, to prepare the data folder or a backend. */
    protected void beforeStart() throws IOException {
    }

    protected LaunchOptions options() {
        return LaunchOptions.defaults();
    }

    protected String language() {
        return "en";
    }

    protected final void launch(Stage stage) throws IOException {
        beforeStart();
        app = PultFixture.start(stage, home, options(), language());
    }

    @AfterEach
    void stop() {
        app.close();
    }
}

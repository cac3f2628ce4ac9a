package org.pult.app;

import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;
import org.pult.app.platform.DataPaths;

/** The JavaFX entry point: builds the composition root and hands it the stage. */
public final class PultApplication extends Application {

    private AppRoot root;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw(), System.getenv());
        root = new AppRoot(DataPaths.fromEnvironment(), options, Clock.systemDefaultZone());
        if (options.benchmark()) {
            StartupBenchmark.attach(stage);
        }
        root.start(stage);
    }

    @Override
    public void stop() {
        if (root != null) {
            root.close();
        }
    }
}

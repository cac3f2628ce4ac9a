package org.pult.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.pult.app.platform.DataPaths;

/**
 * Starts Pult. A plain main class (not the Application subclass) so JavaFX runs from the class
 * path; it also points the log at the data folder before the first logger is created.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        StartupBenchmark.markMainEntered();
        Path logs = DataPaths.fromEnvironment().logDirectory();
        Files.createDirectories(logs);
        System.setProperty("PULT_LOG_DIR", logs.toString());
        Application.launch(PultApplication.class, args);
    }
}

package org.pult.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import org.pult.app.platform.DataPaths;
import org.slf4j.LoggerFactory;

/**
 * Starts Pult. A plain main class (not the Application subclass) so JavaFX runs from the class
 * path; it also points the log at the data folder before the first logger is created.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path logs = DataPaths.fromEnvironment().logDirectory();
        Files.createDirectories(logs);
        System.setProperty("PULT_LOG_DIR", logs.toString());
        try {
            LaunchOptions.parse(List.of(args), System.getenv());
        } catch (IllegalArgumentException badArguments) {
            // The logger is fetched only here so a normal start does not wait for logging to set up.
            LoggerFactory.getLogger(Main.class).error(badArguments.getMessage());
            System.exit(2);
        }
        Application.launch(PultApplication.class, args);
    }
}

package org.pult.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pult.app.platform.FirstPulse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --benchmark-startup}: measures what {@code bench/startup.sh} reports. Time from JVM start
 * to the first frame of the sign-in window, then (after an automatic demo sign-in) to the console
 * with its inbox, then resident memory after the console has sat idle. Logs one line and exits.
 */
final class StartupBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBenchmark.class);
    private static final long IDLE_SECONDS = 10;

    private StartupBenchmark() {
    }

    static void attach(Stage stage) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        stage.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                FirstPulse.then(scene, () -> {
                    long shown = System.currentTimeMillis();
                    LOG.info("BENCHMARK windowShownMs={}", shown - jvmStart);
                });
            }
        });
    }

    /** The console is up with its inbox: report, idle, report memory, exit. */
    static void consoleShown(Scene scene) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        FirstPulse.then(scene, () -> {
            LOG.info("BENCHMARK consoleShownMs={}", System.currentTimeMillis() - jvmStart);
            Thread.ofVirtual().start(() -> {
                try {
                    TimeUnit.SECONDS.sleep(IDLE_SECONDS);
                    System.gc();
                    TimeUnit.SECONDS.sleep(1);
                    LOG.info("BENCHMARK idleRssKb={}", residentKilobytes());
                } catch (InterruptedException | IOException failure) {
                    LOG.error("Benchmark could not finish", failure);
                }
                Platform.exit();
            });
        });
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}

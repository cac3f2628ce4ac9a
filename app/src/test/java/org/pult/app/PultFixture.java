package org.pult.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.pult.app.platform.DataPaths;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app (composition root, embedded hub unless a backend is given) in a temp data
 * folder, in English, and offers the waits and screenshots the UI tests share.
 */
public final class PultFixture implements AutoCloseable {

    public static final String DEMO_OPERATOR = "anna";
    public static final String DEMO_PASSWORD = "pult-demo";

    private final AppRoot root;

    private PultFixture(AppRoot root) {
        this.root = root;
    }

    public static PultFixture start(Stage stage, Path home, LaunchOptions options) throws IOException {
        return start(stage, home, options, "en");
    }

    public static PultFixture start(Stage stage, Path home, LaunchOptions options, String language) throws IOException {
        Files.createDirectories(home);
        Path settings = home.resolve("settings.properties");
        if (Files.notExists(settings)) {
            Files.writeString(settings, "language=" + language + "\n");
        }
        AppRoot root = new AppRoot(new DataPaths(home), options, Clock.systemDefaultZone());
        root.start(stage);
        return new PultFixture(root);
    }

    public AppRoot root() {
        return root;
    }

    public String text(String key, Object... args) {
        return root.i18n().get(key, args);
    }

    public static void waitUntil(Duration timeout, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException timedOut) {
            throw new AssertionError("Condition not met within " + timeout, timedOut);
        }
    }

    /** Waits for the embedded hub to be up, then signs in through the real sign-in screen. */
    public static void signIn(FxRobot robot, String username, String password) {
        waitUntil(Duration.ofSeconds(20), () -> !robot.lookup("#backendUrl").queryTextInputControl().getText().isBlank());
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(password);
        robot.clickOn("#signInButton");
    }

    /** Clicks the label showing exactly this text, once it has been rendered. */
    public static void clickOnText(FxRobot robot, String text) {
        // Virtualised lists keep off-screen cells for measuring; only a label on screen will do.
        java.util.function.Predicate<Node> onScreen = node -> node instanceof javafx.scene.control.Labeled labeled
                && text.equals(labeled.getText()) && node.getScene() != null && visibleWithAllParents(node);
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup(onScreen).tryQuery().isPresent());
        robot.clickOn(robot.lookup(onScreen).<Node>query());
    }

    private static boolean visibleWithAllParents(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Saves what the operator sees, for people to look at (target/screenshots); never asserted on. */
    public static void screenshot(Scene scene, String name) {
        String folder = System.getProperty("pult.screenshots");
        if (folder == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        try {
            Path file = Path.of(folder, name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            assertThat(file).isNotEmptyFile();
        } catch (IOException failure) {
            throw new AssertionError("Could not save screenshot " + name, failure);
        }
    }

    @Override
    public void close() {
        Platform.runLater(() -> root.window().stage().hide());
        WaitForAsyncUtils.waitForFxEvents();
        root.close();
    }
}

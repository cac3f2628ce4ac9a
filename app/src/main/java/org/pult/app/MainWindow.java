package org.pult.app;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.pult.app.i18n.I18n;
import org.pult.app.platform.UiThread;
import org.pult.app.settings.AppSettings;
import org.pult.app.settings.Preferences;
import org.pult.app.settings.WindowBounds;
import org.pult.app.theme.ThemeManager;

/**
 * The one window. Shows a screen built by a factory, and rebuilds it from its (kept) view model
 * when the language changes, so nothing typed is lost by switching language.
 */
public final class MainWindow {

    private final Stage stage;
    private final I18n i18n;
    private final ThemeManager themes;
    private final Preferences preferences;
    private Supplier<Parent> currentScreen;
    private Scene scene;

    public MainWindow(Stage stage, I18n i18n, ThemeManager themes, Preferences preferences) {
        this.stage = stage;
        this.i18n = i18n;
        this.themes = themes;
        this.preferences = preferences;
        preferences.settingsProperty().addListener((obs, old, changed) -> apply(old, changed));
    }

    public void show(Supplier<Parent> screen) {
        UiThread.assertFxThread();
        currentScreen = screen;
        Parent root = screen.get();
        if (scene == null) {
            WindowBounds saved = preferences.get().window();
            scene = new Scene(root, 1366, 768);
            stage.setScene(scene);
            restore(saved);
            stage.setOnHiding(event -> remember());
            stage.setMinWidth(1024);
            stage.setMinHeight(640);
            for (String size : new String[] {"64", "256"}) {
                stage.getIcons().add(new Image(MainWindow.class.getResourceAsStream("/org/pult/app/icons/pult-" + size + ".png")));
            }
        } else {
            scene.getAccelerators().clear();
            scene.setRoot(root);
        }
        themes.apply(preferences.get().theme(), scene);
        stage.setTitle(i18n.get("window.title"));
        if (!stage.isShowing()) {
            stage.show();
        }
    }

    /** Back where the operator left it, if that place is still on one of the screens. */
    private void restore(WindowBounds saved) {
        if (saved == null || Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height()).isEmpty()) {
            return;
        }
        stage.setX(saved.x());
        stage.setY(saved.y());
        stage.setWidth(saved.width());
        stage.setHeight(saved.height());
        stage.setMaximized(saved.maximized());
    }

    private void remember() {
        WindowBounds bounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        preferences.update(settings -> settings.withWindow(bounds));
    }

    public Stage stage() {
        return stage;
    }

    private void apply(AppSettings old, AppSettings changed) {
        if (!changed.language().equals(old.language())) {
            i18n.setLocale(changed.language());
            if (currentScreen != null) {
                show(currentScreen);
            }
        } else if (changed.theme() != old.theme() && scene != null) {
            themes.apply(changed.theme(), scene);
        }
    }
}

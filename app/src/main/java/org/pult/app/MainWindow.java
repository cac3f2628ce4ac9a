package org.pult.app;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.pult.app.i18n.I18n;
import org.pult.app.platform.UiThread;
import org.pult.app.settings.AppSettings;
import org.pult.app.settings.Preferences;
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
            scene = new Scene(root, 1366, 768);
            stage.setScene(scene);
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

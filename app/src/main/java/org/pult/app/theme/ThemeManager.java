package org.pult.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.pult.app.settings.Theme;

/** Applies the AtlantaFX base theme and Pult's own stylesheet on top of it. */
public final class ThemeManager {

    private static final String PULT_CSS = ThemeManager.class.getResource("/org/pult/app/theme/pult.css").toExternalForm();

    public void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(switch (theme) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
        });
        scene.getStylesheets().setAll(PULT_CSS);
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}

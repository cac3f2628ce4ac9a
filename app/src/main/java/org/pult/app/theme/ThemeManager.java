package org.pult.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.pult.app.settings.Theme;

/** Applies the AtlantaFX base theme and Pult's own stylesheet on top of it. */
public final class ThemeManager {

    private static final String PULT_CSS = ThemeManager.class.getResource("/org/pult/app/theme/pult.css").toExternalForm();

    private Theme applied;

    /**
     * Called for every new screen as well as for a theme change; the user-agent stylesheet is
     * large, so it is only replaced when the theme really changes.
     */
    public void apply(Theme theme, Scene scene) {
        if (theme != applied) {
            Application.setUserAgentStylesheet(switch (theme) {
                case LIGHT -> new PrimerLight().getUserAgentStylesheet();
                case DARK -> new PrimerDark().getUserAgentStylesheet();
            });
            applied = theme;
        }
        if (!scene.getStylesheets().contains(PULT_CSS)) {
            scene.getStylesheets().add(PULT_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.DARK ? "theme-dark" : "theme-light");
    }
}

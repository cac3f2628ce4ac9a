package org.pult.app.settings;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.pult.app.i18n.I18n;

/** Language and light/dark choice, shown on the sign-in screen and in the settings dialog. */
public final class LanguageAndThemeBar {

    private final Preferences preferences;
    private final I18n i18n;

    public LanguageAndThemeBar(Preferences preferences, I18n i18n) {
        this.preferences = preferences;
        this.i18n = i18n;
    }

    public Parent build() {
        Label languageLabel = new Label(i18n.get("settings.language"));
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(I18n.SUPPORTED);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : i18n.get("language." + locale.getLanguage());
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        language.setValue(i18n.locale());
        languageLabel.setLabelFor(language);
        language.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                preferences.update(settings -> settings.withLanguage(chosen));
            }
        });

        ToggleButton dark = new ToggleButton(i18n.get("settings.darkTheme"));
        dark.setId("darkThemeToggle");
        dark.setSelected(preferences.get().theme() == Theme.DARK);
        dark.selectedProperty().addListener((obs, old, selected) ->
                preferences.update(settings -> settings.withTheme(selected ? Theme.DARK : Theme.LIGHT)));

        HBox bar = new HBox(8, languageLabel, language, dark);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}

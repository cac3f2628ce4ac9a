package org.pult.app.settings;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.pult.app.i18n.I18n;
import org.pult.app.platform.DataPaths;
import org.pult.app.softphone.VoiceSettingsView;

/**
 * Settings: language and theme apply at once; the backend address applies at the next sign-in
 * (blank means the embedded hub); sound devices and auto-answer apply at once. Shows where Pult
 * keeps its data, for IT.
 */
public final class SettingsDialog {

    private final Preferences preferences;
    private final I18n i18n;
    private final DataPaths paths;
    private final VoiceSettingsView voice;

    public SettingsDialog(Preferences preferences, I18n i18n, DataPaths paths, VoiceSettingsView voice) {
        this.preferences = preferences;
        this.i18n = i18n;
        this.paths = paths;
        this.voice = voice;
    }

    public Dialog<ButtonType> create(Window owner) {
        TextField backend = new TextField(preferences.get().backendUrl());
        backend.setId("settingsBackendUrl");
        backend.setPromptText(i18n.get("settings.backendUrl.embedded"));
        backend.setPrefColumnCount(28);
        Label backendLabel = new Label(i18n.get("settings.backendUrl"));
        backendLabel.setLabelFor(backend);
        Label backendHint = new Label(i18n.get("settings.backendUrl.hint"));
        backendHint.getStyleClass().addAll("text-muted", "text-small");
        backendHint.setWrapText(true);
        Label dataLabel = new Label(i18n.get("settings.dataFolder"));
        TextField dataFolder = new TextField(paths.home().toAbsolutePath().toString());
        dataFolder.setEditable(false);
        dataFolder.setId("settingsDataFolder");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(i18n.get("settings.appearance")), new LanguageAndThemeBar(preferences, i18n).build());
        grid.addRow(1, backendLabel, backend);
        grid.add(backendHint, 1, 2);
        grid.addRow(3, dataLabel, dataFolder);
        Label voiceHeader = new Label(i18n.get("settings.voice"));
        voiceHeader.getStyleClass().add("title-4");
        grid.add(voiceHeader, 0, 4, 2, 1);
        voice.addTo(grid, 5);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("settings.title"));
        dialog.setHeaderText(i18n.get("settings.title"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("settingsDialog");
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.get("settings.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnHidden(event -> preferences.update(settings -> settings.withBackendUrl(backend.getText())));
        return dialog;
    }
}

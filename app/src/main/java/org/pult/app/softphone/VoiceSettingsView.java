package org.pult.app.softphone;

import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import org.pult.app.i18n.I18n;
import org.pult.app.settings.Preferences;
import org.pult.app.settings.VoiceSettings;
import org.pult.softphone.api.AudioDevice;

/**
 * The voice part of the settings: microphone, speaker or headset, ringer, and auto-answer.
 * A choice applies at once, during a call too, and is kept for the next start.
 */
public final class VoiceSettingsView {

    private static final AudioDevice SYSTEM_DEFAULT = new AudioDevice("", "", true, true);

    private final PhoneViewModel phone;
    private final Preferences preferences;
    private final I18n i18n;

    public VoiceSettingsView(PhoneViewModel phone, Preferences preferences, I18n i18n) {
        this.phone = phone;
        this.preferences = preferences;
        this.i18n = i18n;
    }

    /** Adds its rows to {@code grid} from {@code firstRow} on. */
    public void addTo(GridPane grid, int firstRow) {
        VoiceSettings voice = preferences.get().voice();
        ComboBox<AudioDevice> microphone = chooser("settingsMicrophone", AudioDevice::canCapture, voice.microphone());
        ComboBox<AudioDevice> speaker = chooser("settingsSpeaker", AudioDevice::canPlay, voice.speaker());
        ComboBox<AudioDevice> ringer = chooser("settingsRinger", AudioDevice::canPlay, voice.ringer());
        CheckBox autoAnswer = new CheckBox(i18n.get("settings.voice.autoAnswer"));
        autoAnswer.setId("settingsAutoAnswer");
        autoAnswer.setSelected(voice.autoAnswer());

        Runnable save = () -> {
            VoiceSettings chosen = preferences.get().voice()
                    .withDevices(id(microphone), id(speaker), id(ringer))
                    .withAutoAnswer(autoAnswer.isSelected());
            preferences.update(settings -> settings.withVoice(chosen));
            phone.useVoiceSettings(chosen);
        };
        microphone.setOnAction(event -> save.run());
        speaker.setOnAction(event -> save.run());
        ringer.setOnAction(event -> save.run());
        autoAnswer.setOnAction(event -> save.run());

        grid.addRow(firstRow, label("settings.voice.microphone", microphone), microphone);
        grid.addRow(firstRow + 1, label("settings.voice.speaker", speaker), speaker);
        grid.addRow(firstRow + 2, label("settings.voice.ringer", ringer), ringer);
        grid.add(autoAnswer, 1, firstRow + 3);
        if (phone.devices().isEmpty()) {
            Label none = new Label(i18n.get("settings.voice.noDevices"));
            none.getStyleClass().addAll("text-muted", "text-small");
            none.setWrapText(true);
            grid.add(none, 1, firstRow + 4);
        }
    }

    private ComboBox<AudioDevice> chooser(String id, Function<AudioDevice, Boolean> suits, String chosenId) {
        ComboBox<AudioDevice> box = new ComboBox<>();
        box.setId(id);
        ObservableList<AudioDevice> items = box.getItems();
        items.add(SYSTEM_DEFAULT);
        phone.devices().stream().filter(suits::apply).forEach(items::add);
        box.getSelectionModel().select(items.stream().filter(device -> device.id().equals(chosenId)).findFirst().orElse(SYSTEM_DEFAULT));
        box.setCellFactory(list -> new DeviceCell());
        box.setButtonCell(new DeviceCell());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static String id(ComboBox<AudioDevice> box) {
        AudioDevice chosen = box.getValue();
        return chosen == null ? "" : chosen.id();
    }

    private Label label(String key, Node control) {
        Label label = new Label(i18n.get(key));
        label.setLabelFor(control);
        return label;
    }

    private final class DeviceCell extends ListCell<AudioDevice> {
        @Override
        protected void updateItem(AudioDevice device, boolean empty) {
            super.updateItem(device, empty);
            setText(empty || device == null ? null
                    : device.id().isEmpty() ? i18n.get("settings.voice.systemDefault") : device.name());
        }
    }
}

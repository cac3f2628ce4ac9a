package org.pult.app.console;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.app.i18n.UserMessage;

/**
 * The softphone strip. Calls arrive with the softphone issue; until then every control is
 * disabled, the strip says what the engine on this machine can do, and a tooltip on the
 * (enabled) wrapper explains why the buttons are off — disabled controls show no tooltips.
 */
final class SoftphoneBarView {

    private final I18n i18n;
    private final ObservableValue<UserMessage> engineStatus;

    SoftphoneBarView(I18n i18n, ObservableValue<UserMessage> engineStatus) {
        this.i18n = i18n;
        this.engineStatus = engineStatus;
    }

    Parent build() {
        TextField dial = new TextField();
        dial.setId("dialField");
        dial.setPromptText(i18n.get("softphone.dial.prompt"));
        dial.setPrefColumnCount(16);
        dial.setMinWidth(Region.USE_PREF_SIZE);

        Button call = button("callButton", Icons.of(Material2OutlinedAL.CALL, "call-icon"), i18n.get("softphone.call"));
        call.getStyleClass().add("success");
        Button hangUp = button("hangUpButton", Icons.of(Material2OutlinedAL.CALL_END, "call-icon"), i18n.get("softphone.hangUp"));
        hangUp.getStyleClass().add("danger");
        Button hold = button("holdButton", Icons.of(Material2OutlinedMZ.PAUSE, "call-icon"), i18n.get("softphone.hold"));
        Button mute = button("muteButton", Icons.of(Material2OutlinedMZ.MIC, "call-icon"), i18n.get("softphone.mute"));
        Button keypad = button("keypadButton", Icons.of(Material2OutlinedAL.DIALPAD, "call-icon"), i18n.get("softphone.keypad"));

        HBox controls = new HBox(6, dial, call, hangUp, hold, mute, keypad);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getChildren().forEach(control -> control.setDisable(true));
        Tooltip why = new Tooltip();
        why.textProperty().bind(statusText());
        why.setWrapText(true);
        why.setMaxWidth(420);
        Tooltip.install(controls, why);

        Label status = new Label();
        status.setId("softphoneStatus");
        status.getStyleClass().addAll("text-muted", "text-small");
        status.textProperty().bind(statusText());
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);

        HBox bar = new HBox(12, Icons.of(Material2OutlinedAL.HEADSET_MIC, "softphone-icon"), controls, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("softphone-bar");
        return bar;
    }

    private ObservableValue<String> statusText() {
        return Bindings.createStringBinding(
                () -> engineStatus.getValue() == null ? i18n.get("softphone.status.checking") : engineStatus.getValue().resolve(i18n),
                engineStatus);
    }

    private static Button button(String id, Node icon, String text) {
        Button button = new Button(text, icon);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}

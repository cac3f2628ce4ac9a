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
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.pult.app.i18n.I18n;
import org.pult.app.i18n.UserMessage;
import org.pult.app.softphone.PhoneViewModel;

/**
 * The softphone strip: registration, the dial field and, while there is a call, the call panel.
 * Without a working engine the dial controls are off and the strip says why and what to install;
 * a tooltip on the (enabled) wrapper repeats it, since disabled controls show no tooltips.
 */
final class SoftphoneBarView {

    private final PhoneViewModel phone;
    private final I18n i18n;
    private final CallPanelView callPanel;

    SoftphoneBarView(PhoneViewModel phone, I18n i18n, java.time.Clock clock) {
        this.phone = phone;
        this.i18n = i18n;
        this.callPanel = new CallPanelView(phone, i18n, clock);
    }

    Parent build() {
        TextField dial = new TextField();
        dial.setId("dialField");
        dial.setPromptText(i18n.get("softphone.dial.prompt"));
        dial.setPrefColumnCount(16);
        dial.setMinWidth(Region.USE_PREF_SIZE);
        dial.textProperty().bindBidirectional(phone.dialTextProperty());
        dial.setOnAction(event -> phone.dial());

        Button call = new Button(i18n.get("softphone.call"), Icons.of(Material2OutlinedAL.CALL, "call-icon"));
        call.setId("callButton");
        call.getStyleClass().add("success");
        call.setMinWidth(Region.USE_PREF_SIZE);
        call.setOnAction(event -> phone.dial());
        call.disableProperty().bind(phone.dialTextProperty().isEmpty());

        Button dialPad = new Button(null, Icons.of(Material2OutlinedAL.DIALPAD, "call-icon"));
        dialPad.setId("dialPadButton");
        dialPad.setTooltip(new Tooltip(i18n.get("softphone.keypad")));
        dialPad.setOnAction(event -> new KeypadMenu(digit -> dial.appendText(String.valueOf(digit)), i18n).showBelow(dialPad));

        HBox dialing = new HBox(6, dial, dialPad, call);
        dialing.setAlignment(Pos.CENTER_LEFT);
        dialing.disableProperty().bind(phone.readyProperty().not());
        Tooltip why = new Tooltip();
        why.textProperty().bind(text(phone.statusProperty()));
        why.setWrapText(true);
        why.setMaxWidth(420);
        Tooltip.install(dialing, why);

        Label registration = new Label();
        registration.setId("softphoneStatus");
        registration.getStyleClass().addAll("text-small", "registration");
        registration.textProperty().bind(text(phone.statusProperty()));
        registration.setWrapText(true);
        registration.setMinWidth(0);
        phone.registrationProperty().subscribe(state -> {
            registration.getStyleClass().removeIf(style -> style.startsWith("registration-"));
            registration.getStyleClass().add("registration-" + state.name().toLowerCase(java.util.Locale.ROOT));
        });

        Label filesMode = new Label(i18n.get("softphone.filesMode"));
        filesMode.setId("softphoneFilesMode");
        filesMode.getStyleClass().addAll("state-badge", "state-not_ready");
        filesMode.visibleProperty().bind(phone.filesModeProperty());
        filesMode.managedProperty().bind(filesMode.visibleProperty());
        filesMode.setTooltip(new Tooltip(i18n.get("softphone.filesMode.tooltip")));

        Label notice = new Label();
        notice.setId("softphoneNotice");
        notice.getStyleClass().addAll("text-small", "softphone-notice");
        notice.textProperty().bind(text(phone.noticeProperty()));
        notice.setWrapText(true);
        notice.setMinWidth(0);
        notice.visibleProperty().bind(phone.noticeProperty().isNotNull());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setOnMouseClicked(event -> phone.noticeProperty().set(null));

        VBox statusColumn = new VBox(2, registration, notice);
        statusColumn.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(statusColumn, Priority.ALWAYS);

        Node headset = Icons.of(Material2OutlinedAL.HEADSET_MIC, "softphone-icon");
        HBox firstRow = new HBox(12, headset, dialing, filesMode, statusColumn);
        firstRow.setAlignment(Pos.CENTER_LEFT);

        Parent panel = callPanel.build();
        panel.visibleProperty().bind(phone.currentProperty().isNotNull());
        panel.managedProperty().bind(panel.visibleProperty());

        VBox bar = new VBox(6, firstRow, panel);
        bar.getStyleClass().add("softphone-bar");
        bar.setId("softphoneBar");
        return bar;
    }

    private ObservableValue<String> text(ObservableValue<UserMessage> message) {
        return Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : message.getValue().resolve(i18n), message, i18n.localeProperty());
    }
}

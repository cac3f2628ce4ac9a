package org.pult.app.console;

import java.time.Clock;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.app.softphone.CallModel;
import org.pult.app.softphone.CallSummary;
import org.pult.app.softphone.PhoneViewModel;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.MediaEncryption;

/**
 * The call in front: who it is (the customer's name when the number matched), its state and
 * duration, live quality and encryption, and every control. Shown only while there is a call.
 */
final class CallPanelView {

    private final PhoneViewModel phone;
    private final I18n i18n;
    private final Clock clock;
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();

    CallPanelView(PhoneViewModel phone, I18n i18n, Clock clock) {
        this.phone = phone;
        this.i18n = i18n;
        this.clock = clock;
    }

    Parent build() {
        ObservableValue<CallModel> call = phone.currentProperty();
        ObservableValue<CallState> state = call.flatMap(CallModel::stateProperty);

        Label caller = new Label();
        caller.setId("callCaller");
        caller.getStyleClass().add("call-caller");
        caller.textProperty().bind(Bindings.createStringBinding(() -> call.getValue() == null ? "" : call.getValue().caller(),
                call, call.flatMap(CallModel::customerProperty), call.flatMap(CallModel::remoteUriProperty)));

        Label progress = new Label();
        progress.setId("callState");
        progress.getStyleClass().addAll("text-small", "text-muted");
        progress.textProperty().bind(Bindings.createStringBinding(this::describeProgress, call, state, now,
                call.flatMap(CallModel::recordingProperty), phone.calls()));

        Label quality = new Label();
        quality.setId("callQuality");
        quality.getStyleClass().addAll("text-small", "text-muted");
        quality.textProperty().bind(call.flatMap(CallModel::qualityProperty).map(measured -> CallSummary.quality(measured, i18n)).orElse(""));

        Label encryption = new Label();
        encryption.setId("callEncryption");
        encryption.getStyleClass().add("text-small");
        encryption.textProperty().bind(Bindings.createStringBinding(() -> describeEncryption(call.getValue()),
                call, call.flatMap(CallModel::encryptionProperty), call.flatMap(CallModel::authenticationTokenProperty)));
        encryption.graphicProperty().bind(call.flatMap(CallModel::encryptionProperty)
                .map(value -> (Node) Icons.of(value == MediaEncryption.NONE ? Material2OutlinedAL.LOCK_OPEN : Material2OutlinedAL.LOCK, "call-icon")));

        VBox who = new VBox(1, caller, progress, new HBox(10, encryption, quality));
        who.setMinWidth(220);
        HBox.setHgrow(who, Priority.ALWAYS);

        BooleanBinding ringing = phone.ringingProperty().isNotNull().and(Bindings.createBooleanBinding(
                () -> call.getValue() != null && call.getValue() == phone.ringingProperty().get(), call, phone.ringingProperty()));
        BooleanBinding talking = Bindings.createBooleanBinding(
                () -> state.getValue() == CallState.ACTIVE || state.getValue() == CallState.HELD
                        || state.getValue() == CallState.HELD_BY_REMOTE, state);

        Button answer = button("answerButton", Material2OutlinedAL.CALL, "softphone.answer", phone::answer);
        answer.getStyleClass().add("success");
        shownWhen(answer, phone.ringingProperty().isNotNull());
        Button decline = button("declineButton", Material2OutlinedAL.CALL_END, "softphone.decline", phone::reject);
        shownWhen(decline, ringing);

        Button hold = button("holdButton", Material2OutlinedMZ.PAUSE, "softphone.hold", phone::toggleHold);
        hold.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(state.getValue() == CallState.HELD ? "softphone.resume" : "softphone.hold"), state, i18n.localeProperty()));
        shownWhen(hold, talking);
        Button mute = button("muteButton", Material2OutlinedMZ.MIC, "softphone.mute", phone::toggleMute);
        mute.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(phone.mutedProperty().get() ? "softphone.unmute" : "softphone.mute"), phone.mutedProperty()));
        mute.graphicProperty().bind(phone.mutedProperty().map(muted ->
                (Node) Icons.of(muted ? Material2OutlinedMZ.MIC_OFF : Material2OutlinedMZ.MIC, "call-icon")));
        shownWhen(mute, talking);
        Button keypad = button("keypadButton", Material2OutlinedAL.DIALPAD, "softphone.keypad", () -> { });
        keypad.setOnAction(event -> new KeypadMenu(phone::sendDtmf, i18n).showBelow(keypad));
        shownWhen(keypad, talking);
        Button transfer = button("transferButton", Material2OutlinedMZ.PHONE_FORWARDED, "softphone.transfer", () -> { });
        transfer.setOnAction(event -> new TransferDialog(phone, i18n).show(transfer.getScene().getWindow()));
        shownWhen(transfer, talking.and(phone.consultationProperty().isNull()));
        Button complete = button("completeTransferButton", Material2OutlinedMZ.PHONE_FORWARDED, "softphone.transfer.complete",
                phone::completeTransfer);
        complete.getStyleClass().add("accent");
        shownWhen(complete, phone.consultationProperty().isNotNull());
        Button cancelConsult = button("cancelConsultButton", Material2OutlinedAL.CALL_END, "softphone.transfer.cancel",
                phone::cancelConsultation);
        shownWhen(cancelConsult, phone.consultationProperty().isNotNull());
        Button merge = button("conferenceButton", Material2OutlinedAL.CALL_MERGE, "softphone.conference", phone::conference);
        shownWhen(merge, Bindings.size(phone.calls()).greaterThan(1));
        Button record = button("recordButton", Material2OutlinedAL.FIBER_MANUAL_RECORD, "softphone.record", phone::toggleRecordingPause);
        record.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(switch (recording(call)) {
            case OFF -> "softphone.record";
            case ON -> "softphone.record.pause";
            case PAUSED -> "softphone.record.resume";
        }), call, call.flatMap(CallModel::recordingProperty)));
        shownWhen(record, talking);
        Button hangUp = button("hangUpButton", Material2OutlinedAL.CALL_END, "softphone.hangUp", phone::hangUp);
        hangUp.getStyleClass().add("danger");
        shownWhen(hangUp, ringing.not());

        HBox controls = new HBox(6, answer, decline, hold, mute, keypad, transfer, complete, cancelConsult, merge, record, hangUp);
        controls.setAlignment(Pos.CENTER_RIGHT);

        HBox panel = new HBox(12, Icons.of(Material2OutlinedMZ.PHONE_IN_TALK, "softphone-icon"), who, controls);
        panel.setAlignment(Pos.CENTER_LEFT);
        panel.getStyleClass().add("call-panel");
        panel.setId("callPanel");
        tickWhileShown(panel);
        return panel;
    }

    private static CallModel.Recording recording(ObservableValue<CallModel> call) {
        return call.getValue() == null ? CallModel.Recording.OFF : call.getValue().recordingProperty().get();
    }

    private String describeProgress() {
        CallModel call = phone.currentProperty().get();
        if (call == null) {
            return "";
        }
        String text = switch (call.state()) {
            case INCOMING -> i18n.get("softphone.state.incoming", call.displayNumber());
            case DIALING -> i18n.get("softphone.state.dialing", call.displayNumber());
            case RINGING_OUT -> i18n.get("softphone.state.ringingOut", call.displayNumber());
            case ACTIVE -> i18n.get("softphone.state.active", call.displayNumber(), elapsed(call));
            case HELD -> i18n.get("softphone.state.held", call.displayNumber(), elapsed(call));
            case HELD_BY_REMOTE -> i18n.get("softphone.state.heldByRemote", call.displayNumber(), elapsed(call));
            case ENDED, FAILED -> i18n.get("softphone.state.ended", call.displayNumber());
        };
        if (call.recordingProperty().get() != CallModel.Recording.OFF) {
            text += " · " + i18n.get("softphone.recording." + call.recordingProperty().get().name());
        }
        int others = phone.calls().size() - 1;
        return others > 0 ? text + " · " + i18n.get("softphone.otherCalls", others) : text;
    }

    private String elapsed(CallModel call) {
        return CallSummary.talkTime(call.talkTime(now.get() == null ? Instant.now(clock) : now.get()));
    }


    private String describeEncryption(CallModel call) {
        if (call == null) {
            return "";
        }
        MediaEncryption encryption = call.encryptionProperty().get();
        String token = call.authenticationTokenProperty().get();
        String text = i18n.get("softphone.encryption." + encryption.name());
        return token.isBlank() ? text : i18n.get("softphone.encryption.sas", text, token);
    }

    private Button button(String id, Ikon icon, String key, Runnable action) {
        Button button = new Button(i18n.get(key), Icons.of(icon, "call-icon"));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static void shownWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** The call timer ticks only while the panel is on screen, so a replaced console leaves no timer behind. */
    private void tickWhileShown(Node panel) {
        Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> now.set(Instant.now(clock))));
        ticks.setCycleCount(Animation.INDEFINITE);
        panel.sceneProperty().subscribe(scene -> {
            if (scene == null) {
                ticks.stop();
            } else {
                ticks.play();
            }
        });
    }
}

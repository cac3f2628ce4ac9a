package org.pult.app.console;

import java.time.Clock;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pult.app.i18n.I18n;
import org.pult.app.softphone.PhoneViewModel;

/**
 * The operator console: top bar and softphone strip above; inbox, open conversation, and
 * customer card with script panel side by side. Keyboard: Ctrl+F search, Ctrl+1/2/3 inbox,
 * reply, customer card; F5 refresh; Ctrl+, settings;
 * Ctrl+D dial field; Ctrl+Shift+A answer, +E hang up, +H hold/resume, +M mute.
 */
public final class ConsoleView {

    private final ConsoleViewModel model;
    private final I18n i18n;
    private final Clock clock;
    private final PhoneViewModel phone;
    private final Runnable openSettings;

    public ConsoleView(ConsoleViewModel model, I18n i18n, Clock clock, PhoneViewModel phone, Runnable openSettings) {
        this.model = model;
        this.i18n = i18n;
        this.clock = clock;
        this.phone = phone;
        this.openSettings = openSettings;
    }

    public Parent build() {
        TimeLabels times = new TimeLabels(i18n, clock);
        InboxView inbox = new InboxView(model.inbox(), i18n, times);
        ConversationView conversation = new ConversationView(model.conversation(), i18n, times);
        Parent customerCard = new CustomerCardView(model.conversation(), i18n, phone::dial, phone.readyProperty()).build();
        Parent script = new ScriptPanelView(i18n).build();
        VBox.setVgrow(script, Priority.ALWAYS);
        VBox right = new VBox(10, customerCard, script);
        right.getStyleClass().add("right-column");
        right.setMinWidth(240);

        SplitPane panes = new SplitPane(inbox.build(), conversation.build(), right);
        panes.setDividerPositions(0.27, 0.75);
        panes.getStyleClass().add("console-panes");

        Parent softphone = new SoftphoneBarView(phone, i18n, clock).build();
        BorderPane root = new BorderPane(panes);
        root.setTop(new VBox(new TopBarView(model, i18n, openSettings, clock).build(), softphone));
        root.getStyleClass().add("console-root");
        root.setId("console");

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene, inbox, conversation, softphone);
                inbox.focusList();
            }
        });
        return root;
    }

    private void installShortcuts(Scene scene, InboxView inbox, ConversationView conversation, Parent softphone) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), inbox::focusSearch);
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), inbox::focusList);
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), conversation::focusReply);
        accelerators.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> scene.lookup("#customerCard").getParent().requestFocus());
        accelerators.put(new KeyCodeCombination(KeyCode.F5), model::refresh);
        accelerators.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), openSettings);
        accelerators.put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), phone::answer);
        accelerators.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), phone::hangUp);
        accelerators.put(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), phone::toggleHold);
        accelerators.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), phone::toggleMute);
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> softphone.lookup("#dialField").requestFocus());
    }
}

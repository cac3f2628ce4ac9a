package org.pult.app.console;

import java.time.Clock;
import javafx.beans.value.ObservableValue;
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
import org.pult.app.i18n.UserMessage;

/**
 * The operator console: top bar and softphone strip above; inbox, open conversation, and
 * customer card with script panel side by side. Keyboard: Ctrl+F search, Ctrl+1/2/3 inbox,
 * reply, customer card; F5 refresh; Ctrl+, settings.
 */
public final class ConsoleView {

    private final ConsoleViewModel model;
    private final I18n i18n;
    private final Clock clock;
    private final ObservableValue<UserMessage> softphoneStatus;
    private final Runnable openSettings;

    public ConsoleView(ConsoleViewModel model, I18n i18n, Clock clock, ObservableValue<UserMessage> softphoneStatus, Runnable openSettings) {
        this.model = model;
        this.i18n = i18n;
        this.clock = clock;
        this.softphoneStatus = softphoneStatus;
        this.openSettings = openSettings;
    }

    public Parent build() {
        TimeLabels times = new TimeLabels(i18n, clock);
        InboxView inbox = new InboxView(model.inbox(), i18n, times);
        ConversationView conversation = new ConversationView(model.conversation(), i18n, times);
        Parent customerCard = new CustomerCardView(model.conversation(), i18n).build();
        Parent script = new ScriptPanelView(i18n).build();
        VBox.setVgrow(script, Priority.ALWAYS);
        VBox right = new VBox(10, customerCard, script);
        right.getStyleClass().add("right-column");
        right.setMinWidth(240);

        SplitPane panes = new SplitPane(inbox.build(), conversation.build(), right);
        panes.setDividerPositions(0.27, 0.75);
        panes.getStyleClass().add("console-panes");

        Parent softphone = new SoftphoneBarView(i18n, softphoneStatus).build();
        BorderPane root = new BorderPane(panes);
        root.setTop(new VBox(new TopBarView(model, i18n, openSettings).build(), softphone));
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
    }
}

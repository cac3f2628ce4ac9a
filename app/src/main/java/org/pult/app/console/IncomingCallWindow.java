package org.pult.app.console;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.app.softphone.CallModel;
import org.pult.app.softphone.PhoneViewModel;

/**
 * The ringing-call popup: its own always-on-top window in the corner of the screen, so it is
 * seen while Pult is minimised or behind a CRM. Enter answers, Escape declines; it closes itself
 * when the call is answered, declined or given up by the caller.
 */
public final class IncomingCallWindow {

    private final PhoneViewModel phone;
    private final I18n i18n;
    private final Consumer<Scene> styleScene;
    private final Runnable showConsole;
    private Stage stage;

    /**
     * @param styleScene  applies the operator's theme to the popup's scene
     * @param showConsole brings the main window to the front once the operator answers: the call panel
     *                    and the customer are there
     */
    public IncomingCallWindow(PhoneViewModel phone, I18n i18n, Consumer<Scene> styleScene, Runnable showConsole) {
        this.phone = phone;
        this.i18n = i18n;
        this.styleScene = styleScene;
        this.showConsole = showConsole;
    }

    /** Shows and hides the popup with the ringing call for the life of the app. */
    public void follow() {
        phone.ringingProperty().subscribe(call -> {
            if (call == null) {
                hide();
            } else {
                show(call);
            }
        });
    }

    private void show(CallModel call) {
        hide();
        Label title = new Label(i18n.get("softphone.incoming.title"));
        title.getStyleClass().addAll("text-small", "text-muted");
        Label caller = new Label(call.caller());
        caller.setId("incomingCaller");
        caller.getStyleClass().add("call-caller");
        Label details = new Label(details(call));
        details.setId("incomingDetails");
        details.getStyleClass().add("text-muted");

        Button answer = new Button(i18n.get("softphone.answer"), Icons.of(Material2OutlinedAL.CALL, "call-icon"));
        answer.setId("popupAnswerButton");
        answer.getStyleClass().add("success");
        answer.setDefaultButton(true);
        answer.setOnAction(event -> answer());
        Button decline = new Button(i18n.get("softphone.decline"), Icons.of(Material2OutlinedAL.CALL_END, "call-icon"));
        decline.setId("popupDeclineButton");
        decline.getStyleClass().add("danger");
        decline.setCancelButton(true);
        decline.setOnAction(event -> phone.reject());
        HBox buttons = new HBox(8, answer, decline);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox content = new VBox(6, new HBox(8, Icons.of(Material2OutlinedMZ.RING_VOLUME, "softphone-icon"), title), caller, details, buttons);
        content.getStyleClass().add("incoming-call");
        content.setId("incomingCall");
        Scene scene = new Scene(content);
        styleScene.accept(scene);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                phone.reject();
            }
        });
        // The console's answer and hang-up shortcuts work here too: the popup has the focus while it rings.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::answer);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), phone::reject);

        stage = new Stage(StageStyle.UTILITY);
        stage.setTitle(i18n.get("softphone.incoming.window", call.caller()));
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> phone.reject());
        stage.show();
        placeInCorner(stage);
        stage.toFront();
        answer.requestFocus();
        ObservableValue<?> customer = call.customerProperty();
        customer.addListener((obs, old, now) -> caller.setText(call.caller()));
    }

    private void answer() {
        phone.answer();
        showConsole.run();
    }

    private String details(CallModel call) {
        if (call.customerProperty().get() == null) {
            return i18n.get("softphone.incoming.unknown", call.displayNumber());
        }
        String company = call.customerProperty().get().company();
        return company == null || company.isBlank() ? call.displayNumber() : call.displayNumber() + " · " + company;
    }

    private static void placeInCorner(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMaxX() - stage.getWidth() - 24);
        stage.setY(screen.getMaxY() - stage.getHeight() - 24);
    }

    private void hide() {
        if (stage != null) {
            // Closing the window that has the keyboard would leave it with nobody: give it back to the console.
            boolean hadFocus = stage.isFocused();
            stage.hide();
            stage = null;
            if (hadFocus) {
                showConsole.run();
            }
        }
    }
}

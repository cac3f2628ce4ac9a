package org.pult.app.console;

import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.layout.GridPane;
import org.pult.app.i18n.I18n;

/**
 * The dial pad: twelve keys that stay open while the operator presses them. Before a call they
 * type into the dial field; during a call they send DTMF to IVRs and extensions.
 */
final class KeypadMenu {

    private static final String KEYS = "123456789*0#";

    private final Consumer<Character> onKey;
    private final I18n i18n;

    KeypadMenu(Consumer<Character> onKey, I18n i18n) {
        this.onKey = onKey;
        this.i18n = i18n;
    }

    void showBelow(Button owner) {
        GridPane grid = new GridPane(4, 4);
        grid.setId("keypad");
        grid.setAccessibleText(i18n.get("softphone.keypad"));
        for (int index = 0; index < KEYS.length(); index++) {
            char digit = KEYS.charAt(index);
            Button key = new Button(String.valueOf(digit));
            key.setId("dtmf-" + (digit == '*' ? "star" : digit == '#' ? "hash" : String.valueOf(digit)));
            key.setPrefSize(44, 36);
            key.setOnAction(event -> onKey.accept(digit));
            grid.add(key, index % 3, index / 3);
        }
        CustomMenuItem item = new CustomMenuItem(grid, false);
        ContextMenu menu = new ContextMenu(item);
        grid.setOnKeyTyped(event -> {
            if (event.getCharacter().length() == 1 && KEYS.indexOf(event.getCharacter().charAt(0)) >= 0) {
                onKey.accept(event.getCharacter().charAt(0));
            }
        });
        menu.show(owner, Side.BOTTOM, 0, 0);
    }
}

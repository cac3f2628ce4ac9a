package org.pult.app.console;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.pult.app.i18n.I18n;

/**
 * The call-script panel. Scripts are served per queue by the backend (a later issue); until an
 * interaction has one, the panel says so plainly instead of showing an empty box.
 */
final class ScriptPanelView {

    private final I18n i18n;

    ScriptPanelView(I18n i18n) {
        this.i18n = i18n;
    }

    Parent build() {
        Label title = new Label(i18n.get("script.title"));
        title.getStyleClass().add("pane-title");
        Label empty = new Label(i18n.get("script.none"), Icons.of(Material2OutlinedAL.ASSIGNMENT, "empty-icon"));
        empty.setId("scriptEmpty");
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        VBox panel = new VBox(10, title, empty);
        panel.getStyleClass().addAll("side-card", "script-panel");
        return panel;
    }
}

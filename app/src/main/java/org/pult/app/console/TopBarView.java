package org.pult.app.console;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.core.model.OperatorProfile;

/** Who is signed in, their state, whether the inbox is in sync, and the window-level actions. */
final class TopBarView {

    private final ConsoleViewModel model;
    private final I18n i18n;
    private final Runnable openSettings;

    TopBarView(ConsoleViewModel model, I18n i18n, Runnable openSettings) {
        this.model = model;
        this.i18n = i18n;
        this.openSettings = openSettings;
    }

    Parent build() {
        Label brand = new Label(i18n.get("app.name"));
        brand.getStyleClass().add("brand");

        OperatorProfile operator = model.operator();
        Label name = new Label(operator.displayName());
        name.setId("operatorName");
        name.getStyleClass().add("operator-name");
        Label role = new Label(i18n.get("role." + operator.role().name()));
        role.getStyleClass().addAll("text-muted", "text-small");

        Label state = new Label(i18n.get("state." + operator.state().name()));
        state.setId("operatorState");
        state.getStyleClass().addAll("state-badge", "state-" + operator.state().name().toLowerCase(java.util.Locale.ROOT));
        state.setTooltip(new Tooltip(i18n.get("state.changeLater")));

        Label sync = new Label();
        sync.setId("syncStatus");
        sync.getStyleClass().addAll("text-muted", "text-small");
        sync.textProperty().bind(Bindings.createStringBinding(
                () -> model.syncStatusProperty().get() == null ? "" : model.syncStatusProperty().get().resolve(i18n),
                model.syncStatusProperty()));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        Button refresh = iconButton("refreshButton", Icons.of(Material2OutlinedMZ.REFRESH, "toolbar-icon"), i18n.get("console.refresh"));
        refresh.disableProperty().bind(model.syncingProperty());
        refresh.setOnAction(event -> model.refresh());
        Button settings = iconButton("settingsButton", Icons.of(Material2OutlinedMZ.SETTINGS, "toolbar-icon"), i18n.get("console.settings"));
        settings.setOnAction(event -> openSettings.run());
        Button signOut = iconButton("signOutButton", Icons.of(Material2OutlinedAL.EXIT_TO_APP, "toolbar-icon"), i18n.get("console.signOut"));
        signOut.setOnAction(event -> model.signOut());

        HBox bar = new HBox(12, brand, name, role, state, grow, sync, refresh, settings, signOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static Button iconButton(String id, javafx.scene.Node icon, String text) {
        Button button = new Button(text, icon);
        button.setId(id);
        button.getStyleClass().add("flat");
        button.setTooltip(new Tooltip(text));
        return button;
    }
}

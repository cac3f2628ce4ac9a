package org.pult.app.console;

import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.app.sync.RejectedActionsDialog;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.Connectivity;

/** Who is signed in, their state, the connection to the backend, and the window-level actions. */
final class TopBarView {

    private final ConsoleViewModel model;
    private final I18n i18n;
    private final Runnable openSettings;
    private final Clock clock;

    TopBarView(ConsoleViewModel model, I18n i18n, Runnable openSettings, Clock clock) {
        this.model = model;
        this.i18n = i18n;
        this.openSettings = openSettings;
        this.clock = clock;
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

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        Button refresh = iconButton("refreshButton", Icons.of(Material2OutlinedMZ.REFRESH, "toolbar-icon"), i18n.get("console.refresh"));
        refresh.disableProperty().bind(model.syncingProperty());
        refresh.setOnAction(event -> model.refresh());
        Button settings = iconButton("settingsButton", Icons.of(Material2OutlinedMZ.SETTINGS, "toolbar-icon"), i18n.get("console.settings"));
        settings.setOnAction(event -> openSettings.run());
        Button signOut = iconButton("signOutButton", Icons.of(Material2OutlinedAL.EXIT_TO_APP, "toolbar-icon"), i18n.get("console.signOut"));
        signOut.setOnAction(event -> model.signOut());

        HBox bar = new HBox(12, brand, name, role, new OperatorStateMenu(model.operatorState(), i18n, clock).build(),
                grow, connection(), rejectedBadge(), refresh, settings, signOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /** Online / Reconnecting… / Offline — N actions waiting, with a coloured dot. */
    private Label connection() {
        var status = model.syncStatus();
        FontIcon dot = Icons.of(Material2OutlinedMZ.WIFI, "connection-icon");
        Label label = new Label("", dot);
        label.setId("syncStatus");
        label.getStyleClass().add("connection-status");
        label.textProperty().bind(Bindings.createStringBinding(
                () -> status.messageProperty().get() == null ? "" : status.messageProperty().get().resolve(i18n),
                status.messageProperty()));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(status.connectivityProperty().get() == Connectivity.ONLINE
                        ? "sync.tooltip.online" : "sync.tooltip.offline"),
                status.connectivityProperty()));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        label.setTooltip(tooltip);
        Runnable style = () -> {
            Connectivity connectivity = status.connectivityProperty().get();
            label.getStyleClass().removeAll("connection-online", "connection-reconnecting", "connection-offline");
            label.getStyleClass().add("connection-" + connectivity.name().toLowerCase(java.util.Locale.ROOT));
            dot.setIconCode(connectivity == Connectivity.ONLINE ? Material2OutlinedMZ.WIFI : Material2OutlinedMZ.WIFI_OFF);
        };
        status.connectivityProperty().addListener((obs, old, now) -> style.run());
        style.run();
        return label;
    }

    /** "N not sent", shown only while the backend has refused actions the operator has not dismissed. */
    private Button rejectedBadge() {
        var status = model.syncStatus();
        Button badge = new Button("", Icons.of(Material2OutlinedAL.ERROR_OUTLINE, "rejected-icon"));
        badge.setId("rejectedActions");
        badge.getStyleClass().add("rejected-badge");
        badge.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("sync.rejected", status.rejectedProperty().get()), status.rejectedProperty()));
        badge.visibleProperty().bind(status.rejectedProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.setTooltip(new Tooltip(i18n.get("sync.rejected.tooltip")));
        badge.setOnAction(event -> {
            model.rejected().reload();
            new RejectedActionsDialog(model.rejected(), i18n, model.codes(), model.inbox()::customerNameOf)
                    .create(badge.getScene().getWindow()).show();
        });
        return badge;
    }

    private static Button iconButton(String id, javafx.scene.Node icon, String text) {
        Button button = new Button(text, icon);
        button.setId(id);
        button.getStyleClass().add("flat");
        button.setTooltip(new Tooltip(text));
        return button;
    }
}

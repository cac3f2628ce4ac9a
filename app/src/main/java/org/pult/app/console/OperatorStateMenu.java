package org.pult.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.pult.app.i18n.I18n;
import org.pult.core.api.CodeOption;
import org.pult.core.model.OperatorState;

/**
 * The operator's state badge in the top bar, with how long they have been in it, as a menu of
 * the states they may choose: Ready, Not ready for one of the backend's reasons, After-call work.
 */
final class OperatorStateMenu {

    private final OperatorStateViewModel model;
    private final I18n i18n;
    private final Clock clock;
    private MenuButton menu;

    OperatorStateMenu(OperatorStateViewModel model, I18n i18n, Clock clock) {
        this.model = model;
        this.i18n = i18n;
        this.clock = clock;
    }

    MenuButton build() {
        menu = new MenuButton();
        menu.setId("operatorState");
        menu.getStyleClass().addAll("state-badge", "state-menu");
        menu.setTooltip(new Tooltip(i18n.get("state.menu.tooltip")));
        fillItems();
        model.reasons().addListener((ListChangeListener<CodeOption>) change -> fillItems());
        model.stateProperty().addListener((obs, old, state) -> showState());
        model.reasonCodeProperty().addListener((obs, old, reason) -> showState());
        model.sinceProperty().addListener((obs, old, since) -> showState());
        showState();

        // Ticks only while the badge is on screen, so a closed console leaves no timer behind.
        Timeline ticking = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> showState()));
        ticking.setCycleCount(Animation.INDEFINITE);
        menu.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                ticking.stop();
            } else {
                ticking.play();
            }
        });
        return menu;
    }

    private void fillItems() {
        menu.getItems().setAll(item("stateReady", i18n.get("state.READY"), OperatorState.READY, null),
                new SeparatorMenuItem());
        if (model.reasons().isEmpty()) {
            menu.getItems().add(item("stateNotReady", i18n.get("state.NOT_READY"), OperatorState.NOT_READY, null));
        } else {
            for (CodeOption reason : model.reasons()) {
                menu.getItems().add(item("stateNotReady-" + reason.code(),
                        i18n.get("state.notReadyFor", reason.label()), OperatorState.NOT_READY, reason.code()));
            }
        }
        menu.getItems().addAll(new SeparatorMenuItem(),
                item("stateAfterCallWork", i18n.get("state.AFTER_CALL_WORK"), OperatorState.AFTER_CALL_WORK, null));
    }

    private MenuItem item(String id, String text, OperatorState state, String reason) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> model.choose(state, reason));
        return item;
    }

    private void showState() {
        OperatorState state = model.stateProperty().get();
        if (state == null) {
            return;
        }
        String name = state == OperatorState.NOT_READY && model.reasonLabel() != null
                ? i18n.get("state.notReadyFor", model.reasonLabel())
                : i18n.get("state." + state.name());
        menu.setText(i18n.get("state.withTime", name, elapsed(model.sinceProperty().get())));
        menu.getStyleClass().removeIf(style -> style.startsWith("state-") && !style.equals("state-badge")
                && !style.equals("state-menu"));
        menu.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }

    private String elapsed(Instant since) {
        long seconds = since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toSeconds());
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}

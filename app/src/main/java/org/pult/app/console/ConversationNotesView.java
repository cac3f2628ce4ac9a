package org.pult.app.console;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.core.api.CodeOption;
import org.pult.core.model.Disposition;
import org.pult.core.model.Note;

/** The open conversation's internal notes with a field to add one, and the "Close with disposition" menu. */
final class ConversationNotesView {

    private final ConversationNotesViewModel model;
    private final I18n i18n;
    private final TimeLabels times;

    ConversationNotesView(ConversationNotesViewModel model, I18n i18n, TimeLabels times) {
        this.model = model;
        this.i18n = i18n;
        this.times = times;
    }

    Parent build() {
        Label title = new Label();
        title.getStyleClass().add("notes-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("notes.title", model.notes().size()), model.notes()));
        Label wrapUp = new Label();
        wrapUp.setId("dispositionStatus");
        wrapUp.getStyleClass().addAll("text-small", "disposition-status");
        wrapUp.textProperty().bind(Bindings.createStringBinding(this::wrapUpText,
                model.dispositionProperty(), model.dispositionPendingProperty()));
        wrapUp.visibleProperty().bind(model.dispositionProperty().isNotNull());
        HBox header = new HBox(10, title, wrapUp);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox list = new VBox(4);
        list.setId("notesList");
        Runnable fill = () -> list.getChildren().setAll(model.notes().stream().map(this::noteRow).toList());
        model.notes().addListener((ListChangeListener<Note>) change -> fill.run());
        model.pendingNoteIds().addListener((SetChangeListener<String>) change -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(96);
        scroll.getStyleClass().add("notes-scroll");
        scroll.visibleProperty().bind(Bindings.isNotEmpty(model.notes()));
        scroll.managedProperty().bind(scroll.visibleProperty());

        TextField field = new TextField();
        field.setId("noteField");
        field.setPromptText(i18n.get("notes.prompt"));
        field.textProperty().bindBidirectional(model.noteDraftProperty());
        field.setOnAction(event -> model.addNote());
        HBox.setHgrow(field, Priority.ALWAYS);
        Button add = new Button(i18n.get("notes.add"), Icons.of(Material2OutlinedMZ.NOTE_ADD, "toolbar-icon"));
        add.setId("addNoteButton");
        add.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.conversationProperty().get() == null || model.noteDraftProperty().get().isBlank(),
                model.conversationProperty(), model.noteDraftProperty()));
        add.setOnAction(event -> model.addNote());
        HBox adding = new HBox(8, field, add);
        adding.setAlignment(Pos.CENTER_LEFT);
        field.disableProperty().bind(model.conversationProperty().isNull());

        Label error = new Label();
        error.getStyleClass().addAll("text-small", "send-error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() == null ? "" : model.errorProperty().get().resolve(i18n),
                model.errorProperty()));
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        VBox section = new VBox(6, header, scroll, adding, error);
        section.getStyleClass().add("notes-section");
        return section;
    }

    /** "Close with disposition ▾": the backend's codes; disabled once closed or while none are known. */
    MenuButton closeMenu() {
        MenuButton menu = new MenuButton(i18n.get("disposition.close"), Icons.of(Material2OutlinedAL.ASSIGNMENT_TURNED_IN, "toolbar-icon"));
        menu.setId("dispositionMenu");
        Runnable fill = () -> menu.getItems().setAll(model.dispositions().stream().map(this::dispositionItem).toList());
        model.dispositions().addListener((ListChangeListener<CodeOption>) change -> fill.run());
        fill.run();
        menu.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.conversationProperty().get() == null || model.dispositions().isEmpty() || model.closed(),
                model.conversationProperty(), model.dispositions(), model.dispositionProperty()));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(model.dispositions().isEmpty()
                ? "disposition.unavailable" : "disposition.tooltip"), model.dispositions()));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(320);
        menu.setTooltip(tooltip);
        return menu;
    }

    private MenuItem dispositionItem(CodeOption option) {
        MenuItem item = new MenuItem(option.label());
        item.setId("disposition-" + option.code());
        item.setOnAction(event -> model.closeWith(option));
        return item;
    }

    private Label noteRow(Note note) {
        boolean pending = model.pendingNoteIds().contains(note.id());
        String author = note.author() == null || note.author().isBlank() ? "" : note.author() + " · ";
        Label row = new Label(author + times.dateAndTime(note.createdAt())
                + (pending ? " · " + i18n.get("notes.pending") : "") + "\n" + note.text());
        row.setWrapText(true);
        row.getStyleClass().add(pending ? "note-row-pending" : "note-row");
        row.getStyleClass().add("note-row-base");
        return row;
    }

    private String wrapUpText() {
        Disposition disposition = model.dispositionProperty().get();
        if (disposition == null) {
            return "";
        }
        String label = model.dispositionLabel(disposition.code());
        return model.dispositionPendingProperty().get()
                ? i18n.get("disposition.closedPending", label)
                : i18n.get("disposition.closed", label);
    }
}

package org.pult.app.console;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.core.model.Conversation;
import org.pult.core.model.MessageKind;

/** The inbox on the left: a search field and a virtualised list of conversations. */
final class InboxView {

    private final InboxViewModel model;
    private final I18n i18n;
    private final TimeLabels times;
    private TextField search;
    private ListView<Conversation> list;

    InboxView(InboxViewModel model, I18n i18n, TimeLabels times) {
        this.model = model;
        this.i18n = i18n;
        this.times = times;
    }

    Parent build() {
        Label title = new Label(i18n.get("inbox.title"));
        title.getStyleClass().add("pane-title");

        search = new TextField();
        search.setId("inboxSearch");
        search.setPromptText(i18n.get("inbox.search.prompt"));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        HBox searchBox = new HBox(6, Icons.of(Material2OutlinedMZ.SEARCH, "search-icon"), search);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);

        list = new ListView<>(model.conversations());
        list.setId("inboxList");
        list.setCellFactory(view -> new ConversationCell());
        Label empty = new Label(i18n.get("inbox.empty"));
        empty.getStyleClass().add("text-muted");
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.select(chosen);
            }
        });
        model.selectedProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && list.getSelectionModel().getSelectedItem() != chosen) {
                list.getSelectionModel().select(chosen);
            }
        });
        if (model.selectedProperty().get() != null) {
            list.getSelectionModel().select(model.selectedProperty().get());
        }
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox pane = new VBox(8, title, searchBox, list);
        pane.getStyleClass().add("inbox-pane");
        pane.setMinWidth(260);
        return pane;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    void focusList() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    /** One row of the inbox. Its nodes are built once and refilled, as a virtualised list expects. */
    private final class ConversationCell extends ListCell<Conversation> {
        private final Label avatar = new Label();
        private final Label name = new Label();
        private final Label when = new Label();
        private final FontIcon channel = new FontIcon();
        private final Label preview = new Label();
        private final Label unread = new Label();
        private final HBox row;

        ConversationCell() {
            // A zero preferred width lets the list size cells to its own width: long previews
            // are cut with an ellipsis instead of pushing the time out of view.
            setPrefWidth(0);
            avatar.getStyleClass().add("avatar");
            name.getStyleClass().add("inbox-name");
            name.setMinWidth(0);
            when.getStyleClass().addAll("text-muted", "text-small");
            when.setMinWidth(Region.USE_PREF_SIZE);
            channel.getStyleClass().add("channel-icon");
            preview.getStyleClass().addAll("text-muted", "inbox-preview");
            preview.setMinWidth(0);
            HBox.setHgrow(preview, Priority.ALWAYS);
            unread.getStyleClass().add("unread-badge");
            unread.setMinWidth(Region.USE_PREF_SIZE);
            unread.managedProperty().bind(unread.visibleProperty());

            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox firstLine = new HBox(6, name, grow, when);
            firstLine.setAlignment(Pos.CENTER_LEFT);
            HBox secondLine = new HBox(6, channel, preview, unread);
            secondLine.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, firstLine, secondLine);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(10, new StackPane(avatar), text);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Conversation conversation, boolean empty) {
            super.updateItem(conversation, empty);
            setText(null);
            if (empty || conversation == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            avatar.setText(conversation.customer().initials());
            name.setText(conversation.customer().displayName());
            name.getStyleClass().remove("unread");
            if (conversation.unreadCount() > 0) {
                name.getStyleClass().add("unread");
            }
            when.setText(times.sinceShort(conversation.lastActivityAt()));
            channel.setIconCode(Icons.forConversation(conversation));
            preview.setText(previewOf(conversation));
            // The cell is reused for other rows, so the class goes as well as comes.
            preview.getStyleClass().remove("missed");
            if (conversation.lastKind() == MessageKind.CALL_MISSED) {
                preview.getStyleClass().add("missed");
            }
            unread.setText(Integer.toString(conversation.unreadCount()));
            unread.setVisible(conversation.unreadCount() > 0);
            setGraphic(row);
            setAccessibleText(conversation.customer().displayName() + ", " + previewOf(conversation));
        }

        /**
         * A call's preview is only the caller's number, so a call shows what happened instead;
         * other entries show their text.
         */
        private String previewOf(Conversation conversation) {
            return switch (conversation.lastKind()) {
                case CALL_MISSED -> i18n.get("inbox.preview.missedCall");
                case CALL_ANSWERED -> i18n.get("inbox.preview.answeredCall");
                case TEXT -> switch (conversation.lastChannel()) {
                    case VOICE, VIDEO -> conversation.preview() == null || conversation.preview().isBlank()
                            ? i18n.get("channel." + conversation.lastChannel().name()) : conversation.preview();
                    default -> conversation.preview() == null ? "" : conversation.preview();
                };
            };
        }
    }
}

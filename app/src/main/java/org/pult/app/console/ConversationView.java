package org.pult.app.console;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.app.i18n.I18n;
import org.pult.core.model.Conversation;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/**
 * The open conversation in the middle: its timeline across channels, its notes and wrap-up, and
 * the reply box (Ctrl+Enter sends).
 */
final class ConversationView {

    private static final KeyCombination SEND_KEYS = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ConversationViewModel model;
    private final I18n i18n;
    private final TimeLabels times;
    private TextArea reply;

    ConversationView(ConversationViewModel model, I18n i18n, TimeLabels times) {
        this.model = model;
        this.i18n = i18n;
        this.times = times;
    }

    Parent build() {
        Label title = new Label();
        title.setId("conversationTitle");
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().addAll("text-muted", "text-small");
        model.conversationProperty().addListener((obs, old, open) -> showHeader(open, title, subtitle));
        showHeader(model.conversationProperty().get(), title, subtitle);

        ListView<Message> timeline = new ListView<>(model.messages());
        timeline.setId("timeline");
        timeline.getStyleClass().add("timeline");
        timeline.setFocusTraversable(true);
        timeline.setCellFactory(view -> new MessageCell(view));
        Label nothingOpen = new Label(i18n.get("conversation.noneOpen"));
        nothingOpen.getStyleClass().add("text-muted");
        timeline.setPlaceholder(nothingOpen);
        model.messages().addListener((ListChangeListener<Message>) change -> {
            if (!model.messages().isEmpty()) {
                timeline.scrollTo(model.messages().size() - 1);
            }
        });
        // A pending reply's mark says "sending…" or "waiting": it changes with the connection
        // alone, without the message changing. (Pending ids change only together with the list.)
        model.backendReachableProperty().addListener((obs, old, reachable) -> {
            if (!model.pendingIds().isEmpty()) {
                timeline.refresh();
                timeline.scrollTo(model.messages().size() - 1);
            }
        });
        VBox.setVgrow(timeline, Priority.ALWAYS);

        reply = new TextArea();
        reply.setId("replyField");
        reply.setPromptText(i18n.get("conversation.reply.prompt"));
        reply.setWrapText(true);
        reply.setPrefRowCount(3);
        reply.textProperty().bindBidirectional(model.replyProperty());
        reply.disableProperty().bind(model.conversationProperty().isNull());
        reply.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SEND_KEYS.match(event)) {
                model.send();
                event.consume();
            }
        });
        HBox.setHgrow(reply, Priority.ALWAYS);

        Button send = new Button(i18n.get("conversation.send"), Icons.of(Material2OutlinedMZ.SEND, "send-icon"));
        send.setId("sendButton");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(model.canSendProperty().not());
        send.setOnAction(event -> model.send());
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setTooltip(new Tooltip(i18n.get("conversation.send.tooltip")));
        Label draftNote = new Label();
        draftNote.setId("replyNote");
        draftNote.getStyleClass().addAll("text-muted", "text-small");
        draftNote.setWrapText(true);
        draftNote.setMaxWidth(140);
        draftNote.textProperty().bind(Bindings.createStringBinding(() -> model.sendErrorProperty().get() != null
                        ? model.sendErrorProperty().get().resolve(i18n)
                        : model.replyProperty().get() == null || model.replyProperty().get().isEmpty()
                                ? i18n.get("conversation.send.shortcut")
                                : i18n.get("conversation.draftSaved"),
                model.sendErrorProperty(), model.replyProperty()));
        model.sendErrorProperty().addListener((obs, old, error) -> {
            draftNote.getStyleClass().remove("send-error");
            if (error != null) {
                draftNote.getStyleClass().add("send-error");
            }
        });
        VBox sendColumn = new VBox(6, send, draftNote);
        sendColumn.setAlignment(Pos.TOP_CENTER);

        HBox replyBox = new HBox(8, reply, sendColumn);
        replyBox.getStyleClass().add("reply-box");

        ConversationNotesView notes = new ConversationNotesView(model.notes(), i18n, times);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, title, subtitle), grow, notes.closeMenu());
        header.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, header, timeline, notes.build(), replyBox);
        pane.getStyleClass().add("conversation-pane");
        pane.setMinWidth(360);
        return pane;
    }

    void focusReply() {
        reply.requestFocus();
    }

    private void showHeader(Conversation open, Label title, Label subtitle) {
        if (open == null) {
            title.setText(i18n.get("conversation.title.none"));
            subtitle.setText("");
            return;
        }
        title.setText(open.customer().displayName());
        subtitle.setText(i18n.get("status." + open.status().name())
                + (open.subject() == null || open.subject().isBlank() ? "" : " · " + open.subject()));
    }

    private final class MessageCell extends ListCell<Message> {
        private final ListView<Message> owner;

        MessageCell(ListView<Message> owner) {
            this.owner = owner;
            // Sized to the list's width, so long messages wrap inside their bubble.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Message message, boolean empty) {
            super.updateItem(message, empty);
            setText(null);
            if (empty || message == null) {
                setGraphic(null);
                return;
            }
            setGraphic(message.kind() == MessageKind.TEXT ? bubble(message) : callEntry(message));
        }

        private Parent callEntry(Message message) {
            String key = message.kind() == MessageKind.CALL_MISSED ? "timeline.call.missed" : "timeline.call.answered";
            String direction = i18n.get("direction." + message.direction().name());
            Label label = new Label(i18n.get(key, direction, times.dateAndTime(message.sentAt())),
                    Icons.of(Icons.forMessage(message), "channel-icon"));
            label.getStyleClass().add(message.kind() == MessageKind.CALL_MISSED ? "call-missed" : "call-entry");
            HBox row = new HBox(label);
            row.setAlignment(Pos.CENTER);
            setAccessibleText(label.getText());
            return row;
        }

        private Parent bubble(Message message) {
            boolean inbound = message.direction() == Direction.INBOUND;
            VBox bubble = new VBox(4);
            bubble.getStyleClass().addAll("bubble", inbound ? "bubble-in" : "bubble-out");
            bubble.maxWidthProperty().bind(owner.widthProperty().multiply(0.7));
            Label meta = new Label(metaLine(message), Icons.of(Icons.forChannel(message.channel()), "channel-icon"));
            meta.getStyleClass().addAll("text-muted", "text-small");
            bubble.getChildren().add(meta);
            if (message.subject() != null && !message.subject().isBlank()) {
                Label subject = new Label(message.subject());
                subject.getStyleClass().add("bubble-subject");
                subject.setWrapText(true);
                subject.setMinHeight(Region.USE_PREF_SIZE);
                bubble.getChildren().add(subject);
            }
            Label body = new Label(message.body() == null ? "" : message.body());
            body.setWrapText(true);
            body.getStyleClass().add("bubble-body");
            body.setMinHeight(Region.USE_PREF_SIZE);
            bubble.getChildren().add(body);
            if (model.pendingIds().contains(message.id())) {
                boolean reachable = model.backendReachableProperty().get();
                Label mark = new Label(i18n.get(reachable ? "conversation.pending.sending" : "conversation.pending.waiting"),
                        Icons.of(Material2OutlinedMZ.SCHEDULE, "pending-icon"));
                mark.getStyleClass().addAll("pending-mark", "text-small");
                bubble.getStyleClass().add("bubble-pending");
                bubble.getChildren().add(mark);
            }
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox row = inbound ? new HBox(bubble, grow) : new HBox(grow, bubble);
            row.setMinWidth(0);
            setAccessibleText(metaLine(message) + ": " + body.getText()
                    + (model.pendingIds().contains(message.id()) ? " (" + i18n.get("conversation.pending.waiting") + ")" : ""));
            return row;
        }

        private String metaLine(Message message) {
            String author = message.author() == null || message.author().isBlank() ? "" : message.author() + " · ";
            return author + i18n.get("channel." + message.channel().name()) + " · " + times.dateAndTime(message.sentAt());
        }
    }
}

package org.pult.app.sync;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.pult.app.i18n.I18n;
import org.pult.core.api.ActionRequest;
import org.pult.core.port.OutboxEntry;

/**
 * The actions the backend refused: what each was, why it was refused, and its text, which the
 * operator can copy (to send it another way) before dismissing the entry.
 */
public final class RejectedActionsDialog {

    private final RejectedActionsViewModel model;
    private final I18n i18n;
    private final CodeLists codes;
    private final Function<String, String> customerOfConversation;

    /** @param customerOfConversation the customer's name for a conversation id, for the titles */
    public RejectedActionsDialog(RejectedActionsViewModel model, I18n i18n, CodeLists codes,
                                 Function<String, String> customerOfConversation) {
        this.model = model;
        this.i18n = i18n;
        this.codes = codes;
        this.customerOfConversation = customerOfConversation;
    }

    public Dialog<ButtonType> create(Window owner) {
        VBox rows = new VBox(12);
        rows.setId("rejectedList");
        ListChangeListener<OutboxEntry> refill = change -> fill(rows);
        model.rejected().addListener(refill);
        fill(rows);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(560, 360);

        Label intro = new Label(i18n.get("rejected.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(i18n.get("rejected.title"));
        dialog.setHeaderText(i18n.get("rejected.title"));
        dialog.getDialogPane().setContent(new VBox(10, intro, scroll));
        dialog.getDialogPane().setId("rejectedDialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(i18n.get("rejected.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnHidden(event -> model.rejected().removeListener(refill));
        return dialog;
    }

    private void fill(VBox rows) {
        if (model.rejected().isEmpty()) {
            Label none = new Label(i18n.get("rejected.none"));
            none.getStyleClass().add("text-muted");
            rows.getChildren().setAll(none);
            return;
        }
        rows.getChildren().setAll(model.rejected().stream().map(this::row).toList());
    }

    private Node row(OutboxEntry entry) {
        ActionRequest request = entry.request();
        Label what = new Label(describe(request) + " · " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(i18n.locale()).format(entry.createdAt().atZone(ZoneId.systemDefault())));
        what.getStyleClass().add("rejected-what");
        what.setWrapText(true);
        RejectionReason reason = RejectionReason.of(entry.lastError());
        Label why = new Label(reason.explanation().resolve(i18n));
        why.getStyleClass().add("rejected-why");
        why.setWrapText(true);
        VBox row = new VBox(4, what, why);
        if (!reason.backendSays().isBlank()) {
            Label detail = new Label(i18n.get("rejected.backendSays", reason.backendSays()));
            detail.getStyleClass().addAll("text-muted", "text-small");
            detail.setWrapText(true);
            row.getChildren().add(detail);
        }
        Button dismiss = new Button(i18n.get("rejected.dismiss"));
        dismiss.getStyleClass().add("rejected-dismiss");
        dismiss.setOnAction(event -> model.dismiss(entry));
        HBox buttons = new HBox(8);
        if (request.text() != null && !request.text().isBlank()) {
            TextArea text = new TextArea(request.text());
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount(2);
            text.getStyleClass().add("rejected-text");
            row.getChildren().add(text);
            Button copy = new Button(i18n.get("rejected.copy"));
            copy.getStyleClass().add("rejected-copy");
            copy.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(request.text());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                copy.setText(i18n.get("rejected.copied"));
            });
            buttons.getChildren().add(copy);
        }
        buttons.getChildren().add(dismiss);
        row.getChildren().add(buttons);
        row.getStyleClass().add("rejected-row");
        return row;
    }

    private String describe(ActionRequest request) {
        String customer = request.conversationId() == null ? "" : customerOfConversation.apply(request.conversationId());
        return switch (request.type()) {
            case REPLY -> i18n.get("rejected.type.REPLY", customer);
            case NOTE -> i18n.get("rejected.type.NOTE", customer);
            case DISPOSITION -> i18n.get("rejected.type.DISPOSITION", customer, codes.dispositionLabel(request.dispositionCode()));
            case STATE_CHANGE -> i18n.get("rejected.type.STATE_CHANGE", i18n.get("state." + request.state().name()));
        };
    }
}

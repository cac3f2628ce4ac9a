package org.pult.app.console;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.pult.app.i18n.I18n;
import org.pult.app.softphone.PhoneViewModel;

/**
 * Asks where to transfer the call: "Transfer now" hands the customer over at once (blind);
 * "Talk first" puts them on hold and calls the colleague (attended), then complete or cancel.
 */
final class TransferDialog {

    private final PhoneViewModel phone;
    private final I18n i18n;

    TransferDialog(PhoneViewModel phone, I18n i18n) {
        this.phone = phone;
        this.i18n = i18n;
    }

    void show(Window owner) {
        TextField target = new TextField();
        target.setId("transferTarget");
        target.setPromptText(i18n.get("softphone.dial.prompt"));
        Label hint = new Label(i18n.get("softphone.transfer.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");

        ButtonType blind = new ButtonType(i18n.get("softphone.transfer.blind"), ButtonBar.ButtonData.OK_DONE);
        ButtonType consult = new ButtonType(i18n.get("softphone.transfer.consult"), ButtonBar.ButtonData.OTHER);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("softphone.transfer.title"));
        dialog.getDialogPane().setContent(new VBox(8, hint, target));
        dialog.getDialogPane().getButtonTypes().addAll(blind, consult, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(blind).disableProperty().bind(target.textProperty().isEmpty());
        dialog.getDialogPane().lookupButton(consult).disableProperty().bind(target.textProperty().isEmpty());
        dialog.getDialogPane().lookupButton(blind).setId("transferBlindButton");
        dialog.getDialogPane().lookupButton(consult).setId("transferConsultButton");
        Platform.runLater(target::requestFocus);
        dialog.showAndWait().ifPresent(choice -> {
            if (choice == blind) {
                phone.transferBlind(target.getText());
            } else if (choice == consult) {
                phone.consult(target.getText());
            }
        });
    }
}

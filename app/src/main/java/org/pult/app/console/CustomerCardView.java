package org.pult.app.console;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pult.app.i18n.I18n;
import org.pult.app.softphone.PhoneNumbers;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.Customer;
import org.pult.core.model.Message;

/**
 * The customer card on the right: who the customer is and which channels they have used. Her
 * phone number calls her with one click (a missed call is returned without typing).
 */
final class CustomerCardView {

    private final ConversationViewModel model;
    private final I18n i18n;
    private final Consumer<String> call;
    private final ObservableBooleanValue canCall;

    CustomerCardView(ConversationViewModel model, I18n i18n, Consumer<String> call, ObservableBooleanValue canCall) {
        this.model = model;
        this.i18n = i18n;
        this.call = call;
        this.canCall = canCall;
    }

    Parent build() {
        Label title = new Label(i18n.get("customer.title"));
        title.getStyleClass().add("pane-title");
        VBox content = new VBox(8);
        content.setId("customerCard");
        VBox card = new VBox(10, title, content);
        card.getStyleClass().addAll("side-card", "customer-card");
        card.setFocusTraversable(true);
        Runnable render = () -> content.getChildren().setAll(contentFor(model.conversationProperty().get()));
        model.conversationProperty().addListener((obs, old, open) -> render.run());
        model.messages().addListener((ListChangeListener<Message>) change -> render.run());
        render.run();
        return card;
    }

    private java.util.List<Node> contentFor(Conversation conversation) {
        if (conversation == null) {
            Label none = new Label(i18n.get("customer.none"));
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            return java.util.List.of(none);
        }
        Customer customer = conversation.customer();
        Label avatar = new Label(customer.initials());
        avatar.getStyleClass().addAll("avatar", "avatar-large");
        Label name = new Label(customer.displayName());
        name.setId("customerName");
        name.getStyleClass().add("customer-name");
        name.setWrapText(true);
        HBox header = new HBox(10, avatar, name);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane details = new GridPane();
        details.setHgap(8);
        details.setVgap(4);
        int row = 0;
        row = addPhone(details, row, customer.phone());
        row = addDetail(details, row, "customer.email", customer.email());
        addDetail(details, row, "customer.company", customer.company());

        Label channelsTitle = new Label(i18n.get("customer.channels"));
        channelsTitle.getStyleClass().addAll("text-muted", "text-small");
        FlowPane channels = new FlowPane(6, 6);
        for (Channel channel : channelsUsed()) {
            Label chip = new Label(i18n.get("channel." + channel.name()), Icons.of(Icons.forChannel(channel), "channel-icon"));
            chip.getStyleClass().add("chip");
            channels.getChildren().add(chip);
        }
        Label interactions = new Label(i18n.get("customer.interactions", model.messages().size()));
        interactions.getStyleClass().addAll("text-muted", "text-small");
        return java.util.List.of(header, details, channelsTitle, channels, interactions);
    }

    private Set<Channel> channelsUsed() {
        Set<Channel> used = EnumSet.noneOf(Channel.class);
        model.messages().forEach(message -> used.add(message.channel()));
        return used;
    }

    private int addPhone(GridPane grid, int row, String phone) {
        if (phone == null || phone.isBlank()) {
            return row;
        }
        Label label = new Label(i18n.get("customer.phone"));
        label.getStyleClass().addAll("text-muted", "text-small");
        Hyperlink number = new Hyperlink(PhoneNumbers.display(phone), Icons.of(Icons.forChannel(Channel.VOICE), "channel-icon"));
        number.setId("customerPhone");
        number.setTooltip(new Tooltip(i18n.get("customer.phone.call", PhoneNumbers.display(phone))));
        number.disableProperty().bind(Bindings.not(canCall));
        number.setOnAction(event -> call.accept(phone));
        grid.addRow(row, label, number);
        return row + 1;
    }

    private int addDetail(GridPane grid, int row, String key, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label label = new Label(i18n.get(key));
        label.getStyleClass().addAll("text-muted", "text-small");
        Label text = new Label(value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }
}

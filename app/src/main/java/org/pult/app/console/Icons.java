package org.pult.app.console;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/** The one place that picks an icon for a channel or a timeline entry. */
final class Icons {

    private Icons() {
    }

    static FontIcon of(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    static Ikon forChannel(Channel channel) {
        return switch (channel) {
            case VOICE -> Material2OutlinedMZ.PHONE;
            case VIDEO -> Material2OutlinedMZ.VIDEOCAM;
            case CHAT -> Material2OutlinedAL.CHAT;
            case EMAIL -> Material2OutlinedAL.EMAIL;
            case SMS -> Material2OutlinedMZ.SMS;
            case MESSENGER -> Material2OutlinedMZ.QUESTION_ANSWER;
        };
    }

    static Ikon forMessage(Message message) {
        return forEntry(message.channel(), message.kind());
    }

    /** The icon of a conversation's newest entry, for the inbox row. */
    static Ikon forConversation(Conversation conversation) {
        return forEntry(conversation.lastChannel(), conversation.lastKind());
    }

    private static Ikon forEntry(Channel channel, MessageKind kind) {
        return kind == MessageKind.CALL_MISSED ? Material2OutlinedAL.CALL_MISSED : forChannel(channel);
    }
}

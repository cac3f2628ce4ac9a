package org.pult.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a conversation's timeline: a chat line, an e-mail, an SMS, or a call.
 * {@code subject} is set for e-mails; {@code body} is plain text (HTML e-mail comes later).
 */
public record Message(
        String id,
        String conversationId,
        Channel channel,
        MessageKind kind,
        Direction direction,
        String author,
        String subject,
        String body,
        Instant sentAt) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}

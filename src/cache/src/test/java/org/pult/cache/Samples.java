package org.pult.cache;

import java.time.Instant;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/** Small builders for the records the stores keep. */
final class Samples {

    static final Instant T0 = Instant.parse("2025-03-14T09:26:53.589Z");

    private Samples() {
    }

    static Customer customer(String id) {
        return new Customer(id, "Customer " + id, "+7 900 000-00-00", id + "@example.org", "Acme");
    }

    static Conversation conversation(String id, Instant lastActivityAt) {
        return new Conversation(id, customer("c-" + id), ConversationStatus.OPEN, Channel.CHAT, MessageKind.TEXT,
                "Subject " + id, "Preview " + id, lastActivityAt, 1);
    }

    static Message message(String id, String conversationId, Instant sentAt, String body) {
        return new Message(id, conversationId, Channel.CHAT, MessageKind.TEXT, Direction.INBOUND,
                "Author", null, body, sentAt);
    }
}

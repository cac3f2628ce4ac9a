package org.pult.core.model;

import java.time.Instant;
import java.util.Objects;

/** An internal note on a conversation, for colleagues; the customer never sees it. */
public record Note(String id, String conversationId, String author, String text, Instant createdAt) {
    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

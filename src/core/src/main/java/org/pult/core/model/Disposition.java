package org.pult.core.model;

import java.time.Instant;
import java.util.Objects;

/** How a conversation was wrapped up: a code from the backend's list and an optional note. */
public record Disposition(String id, String conversationId, String code, String note, String author, Instant setAt) {
    public Disposition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(setAt, "setAt");
    }
}

package org.pult.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One customer's conversation with the contact center, across every channel they used.
 * {@code lastChannel}, {@code lastKind} and {@code preview} describe the newest entry, for the
 * inbox list: {@code lastKind} is what tells a missed call from an answered one, whose preview is
 * only the caller's number.
 */
public record Conversation(
        String id,
        Customer customer,
        ConversationStatus status,
        Channel lastChannel,
        MessageKind lastKind,
        String subject,
        String preview,
        Instant lastActivityAt,
        int unreadCount) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastChannel, "lastChannel");
        Objects.requireNonNull(lastKind, "lastKind");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        if (unreadCount < 0) {
            throw new IllegalArgumentException("unreadCount must not be negative: " + unreadCount);
        }
    }
}

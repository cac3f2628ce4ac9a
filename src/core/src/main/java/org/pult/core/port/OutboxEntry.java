package org.pult.core.port;

import java.time.Instant;
import java.util.Objects;
import org.pult.core.api.ActionRequest;

/**
 * One operator action in the outbox.
 *
 * @param sequence      its place in the order the operator did things; replay follows it
 * @param request       what to send, including the idempotency key made when it was recorded
 * @param attempts      how many times sending it failed so far
 * @param nextAttemptAt not to be sent before this (back-off)
 * @param lastError     why the last attempt failed, or why it is POISON; null if none
 */
public record OutboxEntry(long sequence, ActionRequest request, OutboxStatus status, int attempts,
                          Instant createdAt, Instant nextAttemptAt, String lastError) {
    public OutboxEntry {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    public String idempotencyKey() {
        return request.idempotencyKey();
    }
}

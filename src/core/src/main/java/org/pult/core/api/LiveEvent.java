package org.pult.core.api;

import java.time.Instant;
import org.pult.core.model.Conversation;
import org.pult.core.model.Disposition;
import org.pult.core.model.Message;
import org.pult.core.model.Note;
import org.pult.core.model.OperatorStatus;

/**
 * One entry of the backend's event log. {@code cursor} grows by at least one with every entry of
 * the log; a client stores the highest it has applied and asks for what comes after it. Exactly
 * one of the payload fields is set, the one {@link #type()} names.
 *
 * @param actionKey the idempotency key of the operator action that caused it, if one did; lets a
 *                  client match the effect to its own pending action
 */
public record LiveEvent(
        long cursor,
        EventType type,
        Instant occurredAt,
        String actionKey,
        Message message,
        OperatorStatus operatorState,
        Note note,
        Disposition disposition,
        Conversation conversation) {
}

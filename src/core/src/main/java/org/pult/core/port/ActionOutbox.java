package org.pult.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pult.core.api.ActionResult;

/**
 * The operator actions waiting for the backend, as the sync client sees them. Implemented by the
 * local cache, which writes each entry in the same transaction as the action's local effect.
 */
public interface ActionOutbox {

    /** The oldest PENDING entry, due or not: replay never overtakes it. */
    Optional<OutboxEntry> head();

    /**
     * The oldest PENDING entries, at most {@code limit}, oldest first — the head and what queues
     * behind it, for sending several in one request.
     */
    List<OutboxEntry> pending(int limit);

    /** How many entries are PENDING. */
    int pendingCount();

    /** Entries the backend rejected, oldest first, for the operator to see. */
    List<OutboxEntry> poisoned();

    /** The backend applied it; the entry becomes SENT and the local effect takes the backend's ids. */
    void acknowledge(long sequence, ActionResult result);

    /** Sending failed for a reason that may pass; try again at {@code nextAttemptAt}. */
    void retryLater(long sequence, Instant nextAttemptAt, String error);

    /** The backend rejected it for good; it becomes POISON with this reason and replay moves on. */
    void reject(long sequence, String reason);

    /**
     * The backend's answers to a batch, settled at once: each entry as {@link #acknowledge} or
     * {@link #reject} would, all in one local transaction.
     */
    void settle(List<Answer> answers);

    /** The backend's answer to one entry: applied with {@code result}, or rejected for {@code rejection}. */
    record Answer(long sequence, ActionResult result, String rejection) {

        public static Answer applied(long sequence, ActionResult result) {
            return new Answer(sequence, java.util.Objects.requireNonNull(result, "result"), null);
        }

        public static Answer rejected(long sequence, String reason) {
            return new Answer(sequence, null, java.util.Objects.requireNonNull(reason, "reason"));
        }
    }
}

package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ActionType;
import org.pult.core.model.OperatorState;
import org.pult.core.port.ActionOutbox;
import org.pult.core.port.ActionOutbox.Answer;
import org.pult.core.port.OutboxEntry;
import org.pult.core.port.OutboxStatus;

/**
 * The outbox: operator actions in the order they were made, each with its idempotency key,
 * attempts, next attempt time and status. Entries are added by {@link OperatorActions} in the
 * transaction of their local effect; the sync client works through them via {@link ActionOutbox}.
 * SENT and POISON entries are kept: the first as a record, the second for the operator to see
 * (and, once dismissed, as a record too).
 */
public final class OutboxStore implements ActionOutbox {

    private static final String COLUMNS = """
            sequence, idempotency_key, type, conversation_id, state, reason_code, disposition_code, text,
            occurred_at, status, attempts, next_attempt_at, last_error""";

    private final CacheDatabase database;
    private final Clock clock;

    public OutboxStore(CacheDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends a PENDING entry inside the caller's transaction, due at once. */
    static void append(Connection connection, ActionRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (idempotency_key, type, conversation_id, state, reason_code, disposition_code,
                    text, occurred_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, request.idempotencyKey());
            insert.setString(2, request.type().name());
            ConversationStore.setNullable(insert, 3, request.conversationId());
            ConversationStore.setNullable(insert, 4, request.state() == null ? null : request.state().name());
            ConversationStore.setNullable(insert, 5, request.reasonCode());
            ConversationStore.setNullable(insert, 6, request.dispositionCode());
            ConversationStore.setNullable(insert, 7, request.text());
            insert.setLong(8, request.occurredAt().toEpochMilli());
            insert.setLong(9, request.occurredAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<OutboxEntry> head() {
        List<OutboxEntry> first = select("WHERE status = 'PENDING' ORDER BY sequence LIMIT 1");
        return first.isEmpty() ? Optional.empty() : Optional.of(first.getFirst());
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return select("WHERE status = 'PENDING' ORDER BY sequence LIMIT " + limit);
    }

    @Override
    public int pendingCount() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM outbox WHERE status = 'PENDING'");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** Rejected entries the operator has not dismissed yet. */
    @Override
    public List<OutboxEntry> poisoned() {
        return select("WHERE status = 'POISON' AND dismissed_at IS NULL ORDER BY sequence");
    }

    /**
     * The operator has seen this rejection: it leaves {@link #poisoned()} but stays in the outbox
     * (with its text and reason) as a record. Only a POISON entry can be dismissed.
     *
     * @return whether an undismissed rejection was dismissed
     */
    public boolean dismiss(long sequence) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE outbox SET dismissed_at = ?
                    WHERE sequence = ? AND status = 'POISON' AND dismissed_at IS NULL""")) {
                update.setLong(1, clock.instant().toEpochMilli());
                update.setLong(2, sequence);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Every entry, oldest first. */
    public List<OutboxEntry> all() {
        return select("ORDER BY sequence");
    }

    @Override
    public void acknowledge(long sequence, ActionResult result) {
        settle(List.of(Answer.applied(sequence, result)));
    }

    @Override
    public void settle(List<Answer> answers) {
        database.write(connection -> {
            for (Answer answer : answers) {
                if (answer.rejection() == null) {
                    acknowledgeIn(connection, answer.sequence(), answer.result());
                } else {
                    rejectIn(connection, answer.sequence(), answer.rejection());
                }
            }
            return null;
        });
    }

    private void acknowledgeIn(Connection connection, long sequence, ActionResult result) throws SQLException {
        Optional<OutboxEntry> entry = find(connection, sequence);
        if (entry.isEmpty() || entry.get().status() != OutboxStatus.PENDING) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE outbox SET status = 'SENT', entity_id = ?, acknowledged_at = ?, last_error = NULL
                WHERE sequence = ?""")) {
            update.setString(1, result.entityId());
            update.setLong(2, clock.instant().toEpochMilli());
            update.setLong(3, sequence);
            update.executeUpdate();
        }
        LocalEffects.settle(connection, entry.get().request(), result.entityId());
    }

    @Override
    public void retryLater(long sequence, Instant nextAttemptAt, String error) {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                    WHERE sequence = ? AND status = 'PENDING'""")) {
                update.setLong(1, nextAttemptAt.toEpochMilli());
                ConversationStore.setNullable(update, 2, error);
                update.setLong(3, sequence);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void reject(long sequence, String reason) {
        settle(List.of(Answer.rejected(sequence, reason)));
    }

    private void rejectIn(Connection connection, long sequence, String reason) throws SQLException {
        Optional<OutboxEntry> entry = find(connection, sequence);
        if (entry.isEmpty() || entry.get().status() != OutboxStatus.PENDING) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE outbox SET status = 'POISON', attempts = attempts + 1, last_error = ?
                WHERE sequence = ?""")) {
            ConversationStore.setNullable(update, 1, reason);
            update.setLong(2, sequence);
            update.executeUpdate();
        }
        LocalEffects.revert(connection, entry.get().request());
    }

    /** Whether a STATE_CHANGE of the operator still waits for the backend. */
    static boolean stateChangePending(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM outbox WHERE status = 'PENDING' AND type = 'STATE_CHANGE' LIMIT 1");
                ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    private Optional<OutboxEntry> find(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM outbox WHERE sequence = ?")) {
            query.setLong(1, sequence);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(entryOf(row)) : Optional.empty();
            }
        }
    }

    private List<OutboxEntry> select(String where) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox " + where);
                    ResultSet rows = query.executeQuery()) {
                List<OutboxEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(entryOf(rows));
                }
                return List.copyOf(entries);
            }
        });
    }

    private static OutboxEntry entryOf(ResultSet row) throws SQLException {
        String state = row.getString(5);
        Instant occurredAt = Instant.ofEpochMilli(row.getLong(9));
        ActionRequest request = new ActionRequest(row.getString(2), ActionType.valueOf(row.getString(3)),
                row.getString(4), state == null ? null : OperatorState.valueOf(state), row.getString(6),
                row.getString(7), row.getString(8), occurredAt);
        return new OutboxEntry(row.getLong(1), request, OutboxStatus.valueOf(row.getString(10)), row.getInt(11),
                occurredAt, Instant.ofEpochMilli(row.getLong(12)), row.getString(13));
    }
}

package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pult.core.model.OperatorState;
import org.pult.core.model.OperatorStatus;

/**
 * The signed-in operator's state as the console shows it. It holds both what the operator chose
 * last (shown at once, even offline) and what the backend last said; the backend's word replaces
 * the local one whenever no state change of the operator is still waiting in the outbox.
 */
public final class OperatorStateStore {

    private final CacheDatabase database;
    private final String operatorId;

    public OperatorStateStore(CacheDatabase database, String operatorId) {
        this.database = Objects.requireNonNull(database, "database");
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
    }

    /** The state to show, if any was recorded or received. */
    public Optional<OperatorStatus> current() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT state, reason_code, changed_at FROM operator_state WHERE id = 1");
                    ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new OperatorStatus(operatorId, OperatorState.valueOf(row.getString(1)),
                                row.getString(2), Instant.ofEpochMilli(row.getLong(3))))
                        : Optional.empty();
            }
        });
    }

    /** Seeds the state from the signed-in profile (backend's word). */
    public void received(OperatorState state, String reasonCode, Instant at) {
        database.write(connection -> {
            setServer(connection, state, reasonCode, at);
            return null;
        });
    }

    static void setLocal(Connection connection, OperatorState state, String reasonCode, Instant at) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO operator_state (id, state, reason_code, changed_at) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, reason_code = excluded.reason_code,
                    changed_at = excluded.changed_at""")) {
            upsert.setString(1, state.name());
            ConversationStore.setNullable(upsert, 2, reasonCode);
            upsert.setLong(3, at.toEpochMilli());
            upsert.executeUpdate();
        }
    }

    /** The backend's state; shown unless a state change of the operator still waits to be sent. */
    static void setServer(Connection connection, OperatorState state, String reasonCode, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO operator_state (id, state, reason_code, changed_at, server_state, server_reason_code)
                VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET server_state = excluded.server_state,
                    server_reason_code = excluded.server_reason_code""")) {
            upsert.setString(1, state.name());
            ConversationStore.setNullable(upsert, 2, reasonCode);
            upsert.setLong(3, at.toEpochMilli());
            upsert.setString(4, state.name());
            ConversationStore.setNullable(upsert, 5, reasonCode);
            upsert.executeUpdate();
        }
        if (!OutboxStore.stateChangePending(connection)) {
            revertToServer(connection);
        }
    }

    static void revertToServer(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE operator_state SET state = server_state, reason_code = server_reason_code
                WHERE id = 1 AND server_state IS NOT NULL""")) {
            update.executeUpdate();
        }
    }
}

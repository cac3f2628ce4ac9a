package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The idempotency keys of applied operator actions, each with who sent it, a fingerprint of what
 * was sent, and the answer given. Written in the same transaction as the action's effect.
 */
public final class ActionLog {

    /** A key seen before. */
    public record Applied(String userId, String fingerprint, String resultJson) {
    }

    public Optional<Applied> find(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT user_id, fingerprint, result_json FROM applied_actions WHERE idempotency_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Applied(row.getString(1), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public void record(Connection connection, String key, String userId, String fingerprint, String resultJson,
                       Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO applied_actions (idempotency_key, user_id, fingerprint, result_json, applied_at)
                VALUES (?, ?, ?, ?, ?)""")) {
            insert.setString(1, key);
            insert.setString(2, userId);
            insert.setString(3, fingerprint);
            insert.setString(4, resultJson);
            insert.setLong(5, at.toEpochMilli());
            insert.executeUpdate();
        }
    }
}

package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Signed-in sessions, keyed by the SHA-256 of their bearer token (never the token itself). */
public final class SessionStore {

    private final HubDatabase database;

    public SessionStore(HubDatabase database) {
        this.database = database;
    }

    public void create(String tokenDigest, String userId, Instant expiresAt) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO sessions (token_sha256, user_id, expires_at) VALUES (?, ?, ?)")) {
            insert.setString(1, tokenDigest);
            insert.setString(2, userId);
            insert.setLong(3, expiresAt.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The user a still valid session belongs to. */
    public Optional<String> userIdFor(String tokenDigest, Instant now) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT user_id FROM sessions WHERE token_sha256 = ? AND expires_at > ?")) {
            query.setString(1, tokenDigest);
            query.setLong(2, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Brings a session's expiry forward to {@code by}, if it would last longer; whether it exists. */
    public boolean expireBy(String tokenDigest, Instant by) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE sessions SET expires_at = CASE WHEN expires_at < ? THEN expires_at ELSE ? END"
                             + " WHERE token_sha256 = ?")) {
            update.setLong(1, by.toEpochMilli());
            update.setLong(2, by.toEpochMilli());
            update.setString(3, tokenDigest);
            return update.executeUpdate() == 1;
        }
    }

    public int deleteExpired(Instant now) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            delete.setLong(1, now.toEpochMilli());
            return delete.executeUpdate();
        }
    }
}

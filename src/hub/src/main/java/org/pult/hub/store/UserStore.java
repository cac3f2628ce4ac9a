package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** Reads users and keeps their operator state. */
public final class UserStore {

    private static final String COLUMNS = "id, username, display_name, role, password_hash, state, reason_code";

    private final HubDatabase database;

    public UserStore(HubDatabase database) {
        this.database = database;
    }

    public Optional<StoredUser> findByUsername(String username) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", username);
    }

    public Optional<StoredUser> findById(String id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", id);
    }

    /** Every user, by display name: the team as a supervisor sees it. */
    public List<StoredUser> all() throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM users ORDER BY display_name, id");
             ResultSet rows = query.executeQuery()) {
            List<StoredUser> users = new ArrayList<>();
            while (rows.next()) {
                users.add(user(rows));
            }
            return users;
        }
    }

    public void setState(String userId, OperatorState state) throws SQLException {
        try (Connection connection = database.connection()) {
            setState(connection, userId, state, null, Instant.now());
        }
    }

    /** Sets the state inside the caller's transaction. */
    public void setState(Connection connection, String userId, OperatorState state, String reasonCode, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET state = ?, reason_code = ?, state_since = ? WHERE id = ?")) {
            update.setString(1, state.name());
            if (reasonCode == null) {
                update.setNull(2, Types.VARCHAR);
            } else {
                update.setString(2, reasonCode);
            }
            update.setLong(3, at.toEpochMilli());
            update.setString(4, userId);
            update.executeUpdate();
        }
    }

    public int count() throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM users");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private Optional<StoredUser> findOne(String sql, String key) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(user(rows)) : Optional.empty();
            }
        }
    }

    private static StoredUser user(ResultSet rows) throws SQLException {
        return new StoredUser(
                rows.getString("id"),
                rows.getString("username"),
                rows.getString("display_name"),
                Role.valueOf(rows.getString("role")),
                rows.getString("password_hash"),
                OperatorState.valueOf(rows.getString("state")),
                rows.getString("reason_code"));
    }
}

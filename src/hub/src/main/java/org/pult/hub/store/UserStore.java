package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;

/** Reads users and keeps their operator state. */
public final class UserStore {

    private static final String COLUMNS = "id, username, display_name, role, password_hash, state";

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

    public void setState(String userId, OperatorState state) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement("UPDATE users SET state = ? WHERE id = ?")) {
            update.setString(1, state.name());
            update.setString(2, userId);
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
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredUser(
                        rows.getString("id"),
                        rows.getString("username"),
                        rows.getString("display_name"),
                        Role.valueOf(rows.getString("role")),
                        rows.getString("password_hash"),
                        OperatorState.valueOf(rows.getString("state"))));
            }
        }
    }
}

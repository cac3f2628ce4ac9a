package org.pult.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.pult.core.api.EnqueueRequest;
import org.pult.core.model.Channel;
import org.pult.core.model.OperatorState;
import org.pult.core.model.Role;
import org.pult.hub.routing.QueueStore;

/**
 * Sets up routing scenarios straight in the hub's database, for what the API does not manage yet
 * (queues, skills, capacities) and to make many operators READY without signing each in (a
 * sign-in costs a 600,000-round PBKDF2). Users made here sign in with the demo password.
 */
final class RoutingFixtures {

    private final Path dataDir;

    RoutingFixtures(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** A user with the demo password, in {@code state} since {@code since}, with these skills. */
    String addUser(String username, Role role, OperatorState state, Instant since, String... skills)
            throws SQLException {
        String id = "u-" + username;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO users (id, username, display_name, role, password_hash, state, state_since)
                    SELECT ?, ?, ?, ?, password_hash, ?, ? FROM users WHERE username = 'anna'""")) {
                insert.setString(1, id);
                insert.setString(2, username);
                insert.setString(3, "Test " + username);
                insert.setString(4, role.name());
                insert.setString(5, state.name());
                insert.setLong(6, since.toEpochMilli());
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("the demo user anna is missing");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO operator_skills (user_id, skill) VALUES (?, ?)")) {
                for (String skill : skills) {
                    insert.setString(1, id);
                    insert.setString(2, skill);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
        return id;
    }

    String addOperator(String username, OperatorState state, Instant since, String... skills) throws SQLException {
        return addUser(username, Role.OPERATOR, state, since, skills);
    }

    void setState(String userId, OperatorState state, Instant since) throws SQLException {
        execute("UPDATE users SET state = '" + state + "', state_since = " + since.toEpochMilli()
                + " WHERE id = '" + userId + "'");
    }

    void setCapacity(String userId, String workClass, int max) throws SQLException {
        execute("INSERT INTO operator_capacity (user_id, work_class, max_open) VALUES ('" + userId + "', '"
                + workClass + "', " + max + ")");
    }

    void addQueue(String id, int priority, Set<Channel> channels, String... skills) throws SQLException {
        try (Connection connection = connect()) {
            QueueStore.insert(connection, new QueueStore.Queue(id, "Queue " + id, priority, channels, Set.of(skills)));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    /** A chat (or other text) from a new customer named {@code name}. */
    static EnqueueRequest text(Channel channel, String name) {
        return new EnqueueRequest(channel, null,
                new EnqueueRequest.Contact(name, null, name.toLowerCase().replace(' ', '.') + "@example.org", null),
                channel == Channel.EMAIL ? "Subject of " + name : null, "Hello from " + name);
    }

    static EnqueueRequest chat(String name) {
        return text(Channel.CHAT, name);
    }

    static String newName() {
        return "Customer " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until {@code condition} holds, or fails after {@code max}. */
    static void eventually(Duration max, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + max + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package org.pult.hub.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.pult.core.model.Direction;
import org.pult.hub.demo.DemoInbox.DemoConversation;
import org.pult.hub.demo.DemoInbox.DemoEntry;
import org.pult.hub.demo.DemoInbox.DemoUser;
import org.pult.hub.routing.QueueStore;
import org.pult.hub.store.HubDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills an empty hub with the demo users and inbox, once, in one transaction. */
public final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final HubDatabase database;
    private final Clock clock;

    public DemoSeeder(HubDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Seeds if the hub has no users yet; returns whether it did. A demo hub made before routing
     * existed (demo users, no queues) gets the demo queues and skills.
     */
    public boolean seedIfEmpty() throws SQLException {
        if (hasUsers()) {
            seedRoutingIfMissing();
            return false;
        }
        Instant now = clock.instant();
        boolean seeded = database.inTransaction(connection -> {
            if (hasUsers(connection)) {
                return false;
            }
            Map<String, String> idByUsername = new HashMap<>();
            for (int i = 0; i < DemoInbox.USERS.size(); i++) {
                DemoUser user = DemoInbox.USERS.get(i);
                idByUsername.put(user.username(), insertUser(connection, user, user.passwordHash()));
            }
            insertRouting(connection, idByUsername);
            for (DemoConversation conversation : DemoInbox.conversations()) {
                DemoUser assignee = DemoInbox.user(conversation.assignee());
                insertConversation(connection, conversation, idByUsername.get(assignee.username()), assignee, now);
            }
            return true;
        });
        if (seeded) {
            LOG.info("Seeded demo data: {} users, {} conversations, {} queues", DemoInbox.USERS.size(),
                    DemoInbox.conversations().size(), DemoInbox.QUEUES.size());
        }
        return seeded;
    }

    private void seedRoutingIfMissing() throws SQLException {
        boolean seeded = database.inTransaction(connection -> {
            if (exists(connection, "SELECT EXISTS (SELECT 1 FROM queues)")) {
                return false;
            }
            Map<String, String> idByUsername = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM users WHERE username = ?")) {
                for (String username : DemoInbox.SKILLS.keySet()) {
                    query.setString(1, username);
                    try (ResultSet rows = query.executeQuery()) {
                        if (!rows.next()) {
                            return false; // not the demo's users: leave routing to whoever runs this hub
                        }
                        idByUsername.put(username, rows.getString(1));
                    }
                }
            }
            insertRouting(connection, idByUsername);
            return true;
        });
        if (seeded) {
            LOG.info("Seeded the demo routing queues and skills");
        }
    }

    private static void insertRouting(Connection connection, Map<String, String> idByUsername) throws SQLException {
        for (QueueStore.Queue queue : DemoInbox.QUEUES) {
            QueueStore.insert(connection, queue);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO operator_skills (user_id, skill, level) VALUES (?, ?, ?)")) {
            for (var user : DemoInbox.SKILLS.entrySet()) {
                for (var skill : user.getValue().entrySet()) {
                    insert.setString(1, idByUsername.get(user.getKey()));
                    insert.setString(2, skill.getKey());
                    insert.setInt(3, skill.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private boolean hasUsers() throws SQLException {
        try (Connection connection = database.connection()) {
            return hasUsers(connection);
        }
    }

    private static boolean hasUsers(Connection connection) throws SQLException {
        return exists(connection, "SELECT EXISTS (SELECT 1 FROM users)");
    }

    private static String insertUser(Connection connection, DemoUser user, String passwordHash) throws SQLException {
        String id = newId();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (id, username, display_name, role, password_hash) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, user.username());
            insert.setString(3, user.displayName());
            insert.setString(4, user.role().name());
            insert.setString(5, passwordHash);
            insert.executeUpdate();
        }
        return id;
    }

    private static void insertConversation(Connection connection, DemoConversation conversation, String assigneeId,
                                           DemoUser assignee, Instant now) throws SQLException {
        String customerId = newId();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO customers (id, display_name, phone, email, company) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, conversation.customer().name());
            insert.setString(3, conversation.customer().phone());
            insert.setString(4, conversation.customer().email());
            insert.setString(5, conversation.customer().company());
            insert.executeUpdate();
        }
        String conversationId = newId();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO conversations (id, customer_id, assignee_id, status, subject, unread_count)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, conversationId);
            insert.setString(2, customerId);
            insert.setString(3, assigneeId);
            insert.setString(4, conversation.status().name());
            insert.setString(5, conversation.subject());
            insert.setInt(6, conversation.unread());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messages (id, conversation_id, channel, kind, direction, author, subject, body, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (DemoEntry entry : conversation.entries()) {
                String author = entry.direction() == Direction.INBOUND
                        ? conversation.customer().name()
                        : assignee.displayName();
                insert.setString(1, newId());
                insert.setString(2, conversationId);
                insert.setString(3, entry.channel().name());
                insert.setString(4, entry.kind().name());
                insert.setString(5, entry.direction().name());
                insert.setString(6, author);
                insert.setString(7, entry.subject());
                insert.setString(8, entry.body());
                insert.setLong(9, now.minus(entry.ago()).toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}

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

    /** Seeds if the hub has no users yet; returns whether it did. */
    public boolean seedIfEmpty() throws SQLException {
        if (hasUsers()) {
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
            for (DemoConversation conversation : DemoInbox.conversations()) {
                DemoUser assignee = DemoInbox.user(conversation.assignee());
                insertConversation(connection, conversation, idByUsername.get(assignee.username()), assignee, now);
            }
            return true;
        });
        if (seeded) {
            LOG.info("Seeded demo data: {} users, {} conversations", DemoInbox.USERS.size(),
                    DemoInbox.conversations().size());
        }
        return seeded;
    }

    private boolean hasUsers() throws SQLException {
        try (Connection connection = database.connection()) {
            return hasUsers(connection);
        }
    }

    private static boolean hasUsers(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM users)");
             ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
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

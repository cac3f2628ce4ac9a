package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;

/**
 * Reads conversations and their timelines. A conversation's channel, kind of entry, preview and
 * activity time are not stored but read from its newest message, so they cannot drift from the
 * timeline.
 */
public final class ConversationStore {

    private static final String WITH_NEWEST_ENTRY = """
            SELECT c.id, c.status, c.subject, c.unread_count,
                   cu.id AS customer_id, cu.display_name, cu.phone, cu.email, cu.company,
                   m.channel, m.kind, m.body, m.sent_at
            FROM conversations c
            JOIN customers cu ON cu.id = c.customer_id
            JOIN messages m ON m.id = (
                SELECT newest.id FROM messages newest
                WHERE newest.conversation_id = c.id
                ORDER BY newest.sent_at DESC, newest.id DESC
                LIMIT 1)
            """;

    private static final String ASSIGNED_TO = WITH_NEWEST_ENTRY + """
            WHERE c.assignee_id = ?
            ORDER BY m.sent_at DESC, c.id""";

    private static final String MESSAGES_OF = """
            SELECT m.id, m.conversation_id, m.channel, m.kind, m.direction, m.author, m.subject, m.body, m.sent_at
            FROM messages m
            WHERE m.conversation_id = ?
            ORDER BY m.sent_at, m.id""";

    private final HubDatabase database;

    public ConversationStore(HubDatabase database) {
        this.database = database;
    }

    /** The conversations assigned to this user, newest activity first. */
    public List<Conversation> assignedTo(String userId) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(ASSIGNED_TO)) {
            query.setString(1, userId);
            List<Conversation> conversations = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    conversations.add(conversation(rows));
                }
            }
            return conversations;
        }
    }

    /**
     * The timeline of a conversation assigned to this user, oldest first; empty if there is no
     * such conversation or it belongs to someone else (the caller cannot tell which).
     */
    public Optional<List<Message>> messagesOf(String conversationId, String assigneeId) throws SQLException {
        try (Connection connection = database.connection()) {
            if (!isAssigned(connection, conversationId, assigneeId)) {
                return Optional.empty();
            }
            try (PreparedStatement query = connection.prepareStatement(MESSAGES_OF)) {
                query.setString(1, conversationId);
                List<Message> messages = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        messages.add(message(rows));
                    }
                }
                return Optional.of(messages);
            }
        }
    }

    /** Whether the conversation exists and is assigned to this user. */
    public boolean isAssigned(String conversationId, String assigneeId) throws SQLException {
        try (Connection connection = database.connection()) {
            return isAssigned(connection, conversationId, assigneeId);
        }
    }

    /** One conversation as the inbox shows it, inside the caller's transaction. */
    public Optional<Conversation> conversation(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(WITH_NEWEST_ENTRY + "WHERE c.id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(conversation(rows)) : Optional.empty();
            }
        }
    }

    /** The newest entry of a conversation, if it has any. */
    public Optional<Message> newestMessage(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(MESSAGES_OF.replace(
                "ORDER BY m.sent_at, m.id", "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1"))) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(message(rows)) : Optional.empty();
            }
        }
    }

    /** The channel the customer last wrote on (text, not a call); a reply goes out on it. */
    public Optional<Channel> lastTextChannel(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT channel FROM messages WHERE conversation_id = ? AND kind = 'TEXT'
                ORDER BY sent_at DESC, id DESC LIMIT 1""")) {
            query.setString(1, conversationId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Channel.valueOf(rows.getString(1))) : Optional.empty();
            }
        }
    }

    public void insertMessage(Connection connection, Message message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messages (id, conversation_id, channel, kind, direction, author, subject, body, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.id());
            insert.setString(2, message.conversationId());
            insert.setString(3, message.channel().name());
            insert.setString(4, message.kind().name());
            insert.setString(5, message.direction().name());
            insert.setString(6, message.author());
            insert.setString(7, message.subject());
            insert.setString(8, message.body());
            insert.setLong(9, message.sentAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    public void setStatus(Connection connection, String conversationId, ConversationStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET status = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setString(2, conversationId);
            update.executeUpdate();
        }
    }

    public static boolean isAssigned(Connection connection, String conversationId, String assigneeId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM conversations WHERE id = ? AND assignee_id = ?")) {
            query.setString(1, conversationId);
            query.setString(2, assigneeId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Conversation conversation(ResultSet rows) throws SQLException {
        Customer customer = new Customer(
                rows.getString("customer_id"),
                rows.getString("display_name"),
                rows.getString("phone"),
                rows.getString("email"),
                rows.getString("company"));
        return new Conversation(
                rows.getString("id"),
                customer,
                ConversationStatus.valueOf(rows.getString("status")),
                Channel.valueOf(rows.getString("channel")),
                MessageKind.valueOf(rows.getString("kind")),
                rows.getString("subject"),
                rows.getString("body"),
                Instant.ofEpochMilli(rows.getLong("sent_at")),
                rows.getInt("unread_count"));
    }

    private static Message message(ResultSet rows) throws SQLException {
        return new Message(
                rows.getString("id"),
                rows.getString("conversation_id"),
                Channel.valueOf(rows.getString("channel")),
                MessageKind.valueOf(rows.getString("kind")),
                Direction.valueOf(rows.getString("direction")),
                rows.getString("author"),
                rows.getString("subject"),
                rows.getString("body"),
                Instant.ofEpochMilli(rows.getLong("sent_at")));
    }
}

package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.ConversationStatus;
import org.pult.core.model.Customer;
import org.pult.core.model.Direction;
import org.pult.core.model.Message;
import org.pult.core.model.MessageKind;
import org.pult.core.port.InboxCache;

/**
 * Conversations, their customers and their messages in the cache. Instants are stored as epoch
 * milliseconds, so anything finer than a millisecond is dropped.
 *
 * <p>Upserts update rows in place ({@code ON CONFLICT DO UPDATE}) rather than replacing them,
 * because a replace deletes the old row first and the delete would cascade to its messages.
 */
public final class ConversationStore implements InboxCache {

    private static final String UPSERT_CUSTOMER = """
            INSERT INTO customers (id, display_name, phone, email, company) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, phone = excluded.phone,
                email = excluded.email, company = excluded.company""";

    private static final String UPSERT_CONVERSATION = """
            INSERT INTO conversations (id, customer_id, status, last_channel, last_kind, subject, preview,
                last_activity_at, unread_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status,
                last_channel = excluded.last_channel, last_kind = excluded.last_kind, subject = excluded.subject,
                preview = excluded.preview, last_activity_at = excluded.last_activity_at,
                unread_count = excluded.unread_count""";

    private static final String UPSERT_MESSAGE = """
            INSERT INTO messages (id, conversation_id, channel, kind, direction, author, subject, body, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id, channel = excluded.channel,
                kind = excluded.kind, direction = excluded.direction, author = excluded.author,
                subject = excluded.subject, body = excluded.body, sent_at = excluded.sent_at""";

    static final String SELECT_CONVERSATIONS = """
            SELECT v.id, v.status, v.last_channel, v.last_kind, v.subject, v.preview, v.last_activity_at,
                v.unread_count, c.id, c.display_name, c.phone, c.email, c.company
            FROM conversations v JOIN customers c ON c.id = v.customer_id""";

    private final CacheDatabase database;

    public ConversationStore(CacheDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Stores these conversations and their customers in one transaction. */
    @Override
    public void upsertConversations(List<Conversation> conversations) {
        database.write(connection -> {
            try (PreparedStatement customers = connection.prepareStatement(UPSERT_CUSTOMER);
                    PreparedStatement rows = connection.prepareStatement(UPSERT_CONVERSATION)) {
                for (Conversation conversation : conversations) {
                    bindCustomer(customers, conversation.customer());
                    customers.executeUpdate();
                    bindConversation(rows, conversation);
                    rows.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Stores these messages in one transaction. The conversation must already be stored, and every
     * message must belong to it.
     */
    @Override
    public void upsertMessages(String conversationId, List<Message> messages) {
        Objects.requireNonNull(conversationId, "conversationId");
        for (Message message : messages) {
            if (!conversationId.equals(message.conversationId())) {
                throw new IllegalArgumentException("message " + message.id() + " belongs to conversation "
                        + message.conversationId() + ", not " + conversationId);
            }
        }
        database.write(connection -> {
            try (PreparedStatement rows = connection.prepareStatement(UPSERT_MESSAGE)) {
                for (Message message : messages) {
                    bindMessage(rows, message);
                    rows.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Stores the messages of several conversations in one transaction: what {@link #upsertMessages}
     * does per conversation, for a pull that fetched many timelines at once. Fewer, larger
     * transactions make ingest markedly faster, mostly because the full-text index writes one
     * segment per transaction (see docs/benchmarks/cache.md).
     */
    public void upsertMessages(java.util.Map<String, List<Message>> byConversation) {
        byConversation.forEach((conversationId, messages) -> {
            for (Message message : messages) {
                if (!conversationId.equals(message.conversationId())) {
                    throw new IllegalArgumentException("message " + message.id() + " belongs to conversation "
                            + message.conversationId() + ", not " + conversationId);
                }
            }
        });
        database.write(connection -> {
            try (PreparedStatement rows = connection.prepareStatement(UPSERT_MESSAGE)) {
                for (List<Message> messages : byConversation.values()) {
                    for (Message message : messages) {
                        bindMessage(rows, message);
                        rows.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Every stored conversation, most recent activity first. */
    public List<Conversation> conversations() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT_CONVERSATIONS + " ORDER BY v.last_activity_at DESC, v.id");
                    ResultSet rows = query.executeQuery()) {
                List<Conversation> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(conversationOf(rows));
                }
                return List.copyOf(result);
            }
        });
    }

    public Optional<Conversation> conversation(String id) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_CONVERSATIONS + " WHERE v.id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(conversationOf(rows)) : Optional.empty();
                }
            }
        });
    }

    /** The messages of one conversation, oldest first. */
    public List<Message> messages(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, conversation_id, channel, kind, direction, author, subject, body, sent_at
                    FROM messages WHERE conversation_id = ? ORDER BY sent_at, id""")) {
                query.setString(1, conversationId);
                try (ResultSet rows = query.executeQuery()) {
                    List<Message> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(messageOf(rows));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    public int conversationCount() {
        return database.read(ConversationStore::countConversations);
    }

    private static int countConversations(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM conversations");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void bindCustomer(PreparedStatement statement, Customer customer) throws SQLException {
        statement.setString(1, customer.id());
        statement.setString(2, customer.displayName());
        setNullable(statement, 3, customer.phone());
        setNullable(statement, 4, customer.email());
        setNullable(statement, 5, customer.company());
    }

    private static void bindConversation(PreparedStatement statement, Conversation conversation) throws SQLException {
        statement.setString(1, conversation.id());
        statement.setString(2, conversation.customer().id());
        statement.setString(3, conversation.status().name());
        statement.setString(4, conversation.lastChannel().name());
        statement.setString(5, conversation.lastKind().name());
        setNullable(statement, 6, conversation.subject());
        setNullable(statement, 7, conversation.preview());
        statement.setLong(8, conversation.lastActivityAt().toEpochMilli());
        statement.setInt(9, conversation.unreadCount());
    }

    private static void bindMessage(PreparedStatement statement, Message message) throws SQLException {
        statement.setString(1, message.id());
        statement.setString(2, message.conversationId());
        statement.setString(3, message.channel().name());
        statement.setString(4, message.kind().name());
        statement.setString(5, message.direction().name());
        setNullable(statement, 6, message.author());
        setNullable(statement, 7, message.subject());
        setNullable(statement, 8, message.body());
        statement.setLong(9, message.sentAt().toEpochMilli());
    }

    /** Stores one conversation and its customer inside the caller's transaction. */
    static void upsertConversation(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement customers = connection.prepareStatement(UPSERT_CUSTOMER);
                PreparedStatement rows = connection.prepareStatement(UPSERT_CONVERSATION)) {
            bindCustomer(customers, conversation.customer());
            customers.executeUpdate();
            bindConversation(rows, conversation);
            rows.executeUpdate();
        }
    }

    /** Stores one message inside the caller's transaction; it is no longer pending. */
    static void upsertMessage(Connection connection, Message message) throws SQLException {
        try (PreparedStatement rows = connection.prepareStatement(UPSERT_MESSAGE)) {
            bindMessage(rows, message);
            rows.executeUpdate();
        }
        try (PreparedStatement settle = connection.prepareStatement("UPDATE messages SET pending = 0 WHERE id = ?")) {
            settle.setString(1, message.id());
            settle.executeUpdate();
        }
    }

    static boolean conversationExists(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM conversations WHERE id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The ids of this conversation's messages the backend has not acknowledged yet. */
    public java.util.Set<String> pendingMessageIds(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM messages WHERE conversation_id = ? AND pending = 1")) {
                query.setString(1, conversationId);
                try (ResultSet rows = query.executeQuery()) {
                    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                    return java.util.Set.copyOf(ids);
                }
            }
        });
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static Conversation conversationOf(ResultSet row) throws SQLException {
        Customer customer = new Customer(row.getString(9), row.getString(10), row.getString(11),
                row.getString(12), row.getString(13));
        return new Conversation(
                row.getString(1),
                customer,
                ConversationStatus.valueOf(row.getString(2)),
                Channel.valueOf(row.getString(3)),
                MessageKind.valueOf(row.getString(4)),
                row.getString(5),
                row.getString(6),
                Instant.ofEpochMilli(row.getLong(7)),
                row.getInt(8));
    }

    private static Message messageOf(ResultSet row) throws SQLException {
        return new Message(
                row.getString(1),
                row.getString(2),
                Channel.valueOf(row.getString(3)),
                MessageKind.valueOf(row.getString(4)),
                Direction.valueOf(row.getString(5)),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                Instant.ofEpochMilli(row.getLong(9)));
    }
}

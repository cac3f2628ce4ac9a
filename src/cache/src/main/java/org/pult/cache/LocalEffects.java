package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.pult.core.api.ActionRequest;
import org.pult.core.model.Channel;

/**
 * What an operator action does to the cache before the backend has it (the local effect), and
 * what becomes of that effect when the backend acknowledges the action (it takes the backend's
 * ids) or rejects it (it is taken back; the outbox entry keeps the text).
 *
 * <p>A pending reply or note has the action's idempotency key as its id until acknowledged.
 */
final class LocalEffects {

    private LocalEffects() {
    }

    static void apply(Connection connection, ActionRequest request, String author) throws SQLException {
        Instant at = request.occurredAt();
        switch (request.type()) {
            case STATE_CHANGE -> OperatorStateStore.setLocal(connection, request.state(), request.reasonCode(), at);
            case NOTE -> {
                requireConversation(connection, request.conversationId());
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notes (id, conversation_id, author, text, created_at, action_key, pending)
                        VALUES (?, ?, ?, ?, ?, ?, 1)""")) {
                    insert.setString(1, request.idempotencyKey());
                    insert.setString(2, request.conversationId());
                    ConversationStore.setNullable(insert, 3, author);
                    insert.setString(4, request.text());
                    insert.setLong(5, at.toEpochMilli());
                    insert.setString(6, request.idempotencyKey());
                    insert.executeUpdate();
                }
            }
            case DISPOSITION -> {
                requireConversation(connection, request.conversationId());
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO dispositions (conversation_id, id, code, note, set_at, action_key, pending)
                        VALUES (?, NULL, ?, ?, ?, ?, 1)
                        ON CONFLICT (conversation_id) DO UPDATE SET id = NULL, code = excluded.code,
                            note = excluded.note, set_at = excluded.set_at, action_key = excluded.action_key,
                            pending = 1""")) {
                    upsert.setString(1, request.conversationId());
                    upsert.setString(2, request.dispositionCode());
                    ConversationStore.setNullable(upsert, 3, request.text());
                    upsert.setLong(4, at.toEpochMilli());
                    upsert.setString(5, request.idempotencyKey());
                    upsert.executeUpdate();
                }
                update(connection, "UPDATE conversations SET status = 'CLOSED' WHERE id = ?", request.conversationId());
            }
            case REPLY -> reply(connection, request, author, at);
        }
    }

    private static void reply(Connection connection, ActionRequest request, String author, Instant at)
            throws SQLException {
        Channel channel = replyChannel(connection, request.conversationId());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messages (id, conversation_id, channel, kind, direction, author, subject, body, sent_at,
                    action_key, pending) VALUES (?, ?, ?, 'TEXT', 'OUTBOUND', ?, NULL, ?, ?, ?, 1)""")) {
            insert.setString(1, request.idempotencyKey());
            insert.setString(2, request.conversationId());
            insert.setString(3, channel.name());
            ConversationStore.setNullable(insert, 4, author);
            insert.setString(5, request.text());
            insert.setLong(6, at.toEpochMilli());
            insert.setString(7, request.idempotencyKey());
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE conversations SET preview = ?, last_activity_at = max(last_activity_at, ?),
                    last_channel = ?, last_kind = 'TEXT' WHERE id = ?""")) {
            update.setString(1, request.text());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, channel.name());
            update.setString(4, request.conversationId());
            update.executeUpdate();
        }
    }

    /** The backend acknowledged the action and named what it made: the local copy takes that id. */
    static void settle(Connection connection, ActionRequest request, String entityId) throws SQLException {
        String key = request.idempotencyKey();
        switch (request.type()) {
            case REPLY -> settleRow(connection, "messages", key, entityId);
            case NOTE -> settleRow(connection, "notes", key, entityId);
            case DISPOSITION -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE dispositions SET id = ?, pending = 0 WHERE action_key = ?")) {
                    update.setString(1, entityId);
                    update.setString(2, key);
                    update.executeUpdate();
                }
            }
            case STATE_CHANGE -> {
                // The state is already what the operator chose; the event stream confirms it.
            }
        }
    }

    /** The backend rejected the action: take back what it did here. */
    static void revert(Connection connection, ActionRequest request) throws SQLException {
        String key = request.idempotencyKey();
        switch (request.type()) {
            case REPLY -> update(connection, "DELETE FROM messages WHERE id = ? AND pending = 1", key);
            case NOTE -> update(connection, "DELETE FROM notes WHERE id = ? AND pending = 1", key);
            case DISPOSITION -> update(connection, "DELETE FROM dispositions WHERE action_key = ? AND pending = 1", key);
            case STATE_CHANGE -> OperatorStateStore.revertToServer(connection);
        }
    }

    /**
     * Gives the pending row ({@code id = key}) the backend's id, or drops it if the backend's row
     * already arrived through the event stream.
     */
    private static void settleRow(Connection connection, String table, String key, String entityId)
            throws SQLException {
        boolean arrived;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            query.setString(1, entityId);
            try (ResultSet row = query.executeQuery()) {
                arrived = row.next();
            }
        }
        if (arrived) {
            update(connection, "DELETE FROM " + table + " WHERE id = ? AND pending = 1", key);
        } else {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET id = ?, pending = 0 WHERE id = ?")) {
                update.setString(1, entityId);
                update.setString(2, key);
                update.executeUpdate();
            }
        }
    }

    private static Channel replyChannel(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT last_channel FROM conversations WHERE id = ?")) {
            query.setString(1, conversationId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("no conversation " + conversationId + " in the cache");
                }
                Channel last = Channel.valueOf(row.getString(1));
                return last == Channel.VOICE || last == Channel.VIDEO ? Channel.CHAT : last;
            }
        }
    }

    private static void requireConversation(Connection connection, String conversationId) throws SQLException {
        if (!ConversationStore.conversationExists(connection, conversationId)) {
            throw new IllegalArgumentException("no conversation " + conversationId + " in the cache");
        }
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}

package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.Disposition;
import org.pult.core.model.Message;
import org.pult.core.model.Note;
import org.pult.core.model.OperatorStatus;
import org.pult.core.port.LiveEventCache;

/**
 * Applies the backend's events to the cache, each at most once: the event's effect and the new
 * cursor are written in one transaction, and an event at or below the stored cursor is skipped.
 * The backend wins: what it reports replaces the local copy, and a pending local row made by the
 * same action (same idempotency key) gives way to the backend's.
 */
public final class LiveEventStore implements LiveEventCache {

    static final String CURSOR_NAME = "events";

    private final CacheDatabase database;
    private final String operatorId;

    /** @param operatorId the signed-in operator; other operators' state changes are not theirs to show */
    public LiveEventStore(CacheDatabase database, String operatorId) {
        this.database = Objects.requireNonNull(database, "database");
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
    }

    @Override
    public long eventCursor() {
        return database.read(LiveEventStore::cursor);
    }

    @Override
    public boolean apply(LiveEvent event) {
        Objects.requireNonNull(event, "event");
        return database.write(connection -> {
            if (event.cursor() <= cursor(connection)) {
                return false;
            }
            applyEffect(connection, event);
            storeCursor(connection, event.cursor());
            return true;
        });
    }

    @Override
    public void resetEventCursor() {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_cursors WHERE name = ?")) {
                delete.setString(1, CURSOR_NAME);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private void applyEffect(Connection connection, LiveEvent event) throws SQLException {
        if (event.type() == null) {
            return; // a type this client does not know: skipped, but its cursor counts
        }
        switch (event.type()) {
            case MESSAGE_ADDED -> message(connection, event.message(), event.actionKey());
            case CONVERSATION_UPDATED, CONVERSATION_ASSIGNED -> {
                if (event.conversation() != null) {
                    ConversationStore.upsertConversation(connection, event.conversation());
                }
            }
            case NOTE_ADDED -> note(connection, event.note(), event.actionKey());
            case DISPOSITION_SET -> disposition(connection, event.disposition(), event.actionKey());
            case STATE_CHANGED -> state(connection, event.operatorState());
        }
    }

    private static void message(Connection connection, Message message, String actionKey) throws SQLException {
        if (message == null || !ConversationStore.conversationExists(connection, message.conversationId())) {
            return; // not in this cache yet; the next inbox pull brings the conversation with it
        }
        dropPending(connection, "messages", actionKey, message.id());
        ConversationStore.upsertMessage(connection, message);
        setActionKey(connection, "messages", message.id(), actionKey);
    }

    private static void note(Connection connection, Note note, String actionKey) throws SQLException {
        if (note == null) {
            return;
        }
        dropPending(connection, "notes", actionKey, note.id());
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO notes (id, conversation_id, author, text, created_at, action_key, pending)
                VALUES (?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (id) DO UPDATE SET author = excluded.author, text = excluded.text,
                    created_at = excluded.created_at, pending = 0""")) {
            upsert.setString(1, note.id());
            upsert.setString(2, note.conversationId());
            ConversationStore.setNullable(upsert, 3, note.author());
            upsert.setString(4, note.text());
            upsert.setLong(5, note.createdAt().toEpochMilli());
            ConversationStore.setNullable(upsert, 6, actionKey);
            upsert.executeUpdate();
        }
    }

    private static void disposition(Connection connection, Disposition disposition, String actionKey)
            throws SQLException {
        if (disposition == null) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO dispositions (conversation_id, id, code, note, set_at, action_key, pending)
                VALUES (?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (conversation_id) DO UPDATE SET id = excluded.id, code = excluded.code,
                    note = excluded.note, set_at = excluded.set_at, action_key = excluded.action_key, pending = 0""")) {
            upsert.setString(1, disposition.conversationId());
            upsert.setString(2, disposition.id());
            upsert.setString(3, disposition.code());
            ConversationStore.setNullable(upsert, 4, disposition.note());
            upsert.setLong(5, disposition.setAt().toEpochMilli());
            ConversationStore.setNullable(upsert, 6, actionKey);
            upsert.executeUpdate();
        }
    }

    private void state(Connection connection, OperatorStatus status) throws SQLException {
        if (status == null || !operatorId.equals(status.operatorId())) {
            return;
        }
        OperatorStateStore.setServer(connection, status.state(), status.reasonCode(),
                status.since() == null ? java.time.Instant.EPOCH : status.since());
    }

    /** The local stand-in of the same action, under the key as id, makes way for the backend's row. */
    private static void dropPending(Connection connection, String table, String actionKey, String realId)
            throws SQLException {
        if (actionKey == null) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE action_key = ? AND id <> ? AND pending = 1")) {
            delete.setString(1, actionKey);
            delete.setString(2, realId);
            delete.executeUpdate();
        }
    }

    private static void setActionKey(Connection connection, String table, String id, String actionKey)
            throws SQLException {
        if (actionKey == null) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET action_key = ? WHERE id = ?")) {
            update.setString(1, actionKey);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private static long cursor(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT cursor FROM sync_cursors WHERE name = ?")) {
            query.setString(1, CURSOR_NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static void storeCursor(Connection connection, long cursor) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO sync_cursors (name, cursor) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor""")) {
            upsert.setString(1, CURSOR_NAME);
            upsert.setLong(2, cursor);
            upsert.executeUpdate();
        }
    }
}

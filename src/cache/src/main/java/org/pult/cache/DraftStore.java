package org.pult.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator typed into a conversation and has not sent. Only the operator has this, so
 * every save is synced to disk before it returns, and drafts do not depend on the conversation
 * rows: they survive a rebuild of the cache from the backend.
 */
public final class DraftStore {

    private static final String UPSERT = """
            INSERT INTO drafts (conversation_id, text) VALUES (?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text""";

    private final CacheDatabase database;

    public DraftStore(CacheDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Keeps {@code text} exactly as typed; a null, empty or blank text deletes the draft. */
    public void save(String conversationId, String text) {
        Objects.requireNonNull(conversationId, "conversationId");
        database.writeDurably(connection -> {
            store(connection, conversationId, text);
            return null;
        });
    }

    /** Saves several drafts in one transaction, as {@link #save} would; used to restore salvaged drafts. */
    public void saveAll(Map<String, String> drafts) {
        drafts.keySet().forEach(id -> Objects.requireNonNull(id, "conversationId"));
        database.writeDurably(connection -> {
            for (Map.Entry<String, String> draft : drafts.entrySet()) {
                store(connection, draft.getKey(), draft.getValue());
            }
            return null;
        });
    }

    public Optional<String> load(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT text FROM drafts WHERE conversation_id = ?")) {
                query.setString(1, conversationId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every draft by conversation id, in conversation id order. */
    public Map<String, String> all() {
        return database.read(DraftStore::readAll);
    }

    private static Map<String, String> readAll(Connection connection) throws SQLException {
        Map<String, String> drafts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT conversation_id, text FROM drafts ORDER BY conversation_id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                drafts.put(rows.getString(1), rows.getString(2));
            }
        }
        return Collections.unmodifiableMap(drafts);
    }

    private static void store(Connection connection, String conversationId, String text) throws SQLException {
        if (text == null || text.isBlank()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM drafts WHERE conversation_id = ?")) {
                delete.setString(1, conversationId);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, conversationId);
            upsert.setString(2, text);
            upsert.executeUpdate();
        }
    }
}

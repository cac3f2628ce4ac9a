package org.pult.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pult.core.model.Disposition;
import org.pult.core.model.Note;

/** Reads the notes and the disposition of a conversation, pending ones included. */
public final class NoteStore {

    private final CacheDatabase database;

    public NoteStore(CacheDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The notes of one conversation, oldest first. */
    public List<Note> notes(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, conversation_id, author, text, created_at FROM notes
                    WHERE conversation_id = ? ORDER BY created_at, rowid""")) {
                query.setString(1, conversationId);
                try (ResultSet rows = query.executeQuery()) {
                    List<Note> notes = new ArrayList<>();
                    while (rows.next()) {
                        notes.add(new Note(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                Instant.ofEpochMilli(rows.getLong(5))));
                    }
                    return List.copyOf(notes);
                }
            }
        });
    }

    /** The ids of this conversation's notes the backend has not acknowledged yet. */
    public Set<String> pendingNoteIds(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM notes WHERE conversation_id = ? AND pending = 1")) {
                query.setString(1, conversationId);
                try (ResultSet rows = query.executeQuery()) {
                    Set<String> ids = new HashSet<>();
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                    return Set.copyOf(ids);
                }
            }
        });
    }

    /** Whether the conversation's disposition is the operator's, not yet acknowledged by the backend. */
    public boolean dispositionPending(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM dispositions WHERE conversation_id = ? AND pending = 1")) {
                query.setString(1, conversationId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** The conversation's disposition; its id is the action's key while the backend has not acknowledged it. */
    public Optional<Disposition> disposition(String conversationId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT coalesce(id, action_key), conversation_id, code, note, set_at FROM dispositions
                    WHERE conversation_id = ?""")) {
                query.setString(1, conversationId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Disposition(row.getString(1), row.getString(2), row.getString(3),
                                    row.getString(4), null, Instant.ofEpochMilli(row.getLong(5))))
                            : Optional.empty();
                }
            }
        });
    }
}

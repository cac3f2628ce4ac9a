package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pult.core.model.Note;

/** Internal notes on conversations. */
public final class NoteStore {

    private final HubDatabase database;

    public NoteStore(HubDatabase database) {
        this.database = database;
    }

    public void insert(Connection connection, Note note, String authorId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO notes (id, conversation_id, author_id, author, text, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, note.id());
            insert.setString(2, note.conversationId());
            insert.setString(3, authorId);
            insert.setString(4, note.author());
            insert.setString(5, note.text());
            insert.setLong(6, note.createdAt().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The notes of one conversation, oldest first. */
    public List<Note> of(String conversationId) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id, conversation_id, author, text, created_at FROM notes
                     WHERE conversation_id = ? ORDER BY created_at, rowid""")) {
            query.setString(1, conversationId);
            List<Note> notes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    notes.add(new Note(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
            return notes;
        }
    }
}

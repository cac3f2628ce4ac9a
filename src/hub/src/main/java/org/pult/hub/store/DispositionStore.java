package org.pult.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.pult.core.model.Disposition;

/** Dispositions given to conversations; the newest one is the conversation's outcome. */
public final class DispositionStore {

    public void insert(Connection connection, Disposition disposition, String authorId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dispositions (id, conversation_id, code, note, author_id, author, set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, disposition.id());
            insert.setString(2, disposition.conversationId());
            insert.setString(3, disposition.code());
            if (disposition.note() == null) {
                insert.setNull(4, Types.VARCHAR);
            } else {
                insert.setString(4, disposition.note());
            }
            insert.setString(5, authorId);
            insert.setString(6, disposition.author());
            insert.setLong(7, disposition.setAt().toEpochMilli());
            insert.executeUpdate();
        }
    }
}

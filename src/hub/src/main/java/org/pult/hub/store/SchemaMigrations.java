package org.pult.hub.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The hub schema as an ordered list of migrations. Migration {@code n} (1-based) brings the file
 * to {@code PRAGMA user_version = n}; each runs in its own transaction together with the version
 * bump, so a crash leaves the file at a version it really has.
 */
final class SchemaMigrations {

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE users (
                        id            TEXT PRIMARY KEY,
                        username      TEXT NOT NULL UNIQUE,
                        display_name  TEXT NOT NULL,
                        role          TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        state         TEXT NOT NULL DEFAULT 'SIGNED_OUT'
                    )""",
                    """
                    CREATE TABLE sessions (
                        token_sha256 TEXT PRIMARY KEY,
                        user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        expires_at   INTEGER NOT NULL
                    )""",
                    "CREATE INDEX sessions_by_expiry ON sessions(expires_at)",
                    """
                    CREATE TABLE customers (
                        id           TEXT PRIMARY KEY,
                        display_name TEXT NOT NULL,
                        phone        TEXT,
                        email        TEXT,
                        company      TEXT
                    )""",
                    """
                    CREATE TABLE conversations (
                        id           TEXT PRIMARY KEY,
                        customer_id  TEXT NOT NULL UNIQUE REFERENCES customers(id),
                        assignee_id  TEXT REFERENCES users(id),
                        status       TEXT NOT NULL,
                        subject      TEXT,
                        unread_count INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0)
                    )""",
                    "CREATE INDEX conversations_by_assignee ON conversations(assignee_id)",
                    """
                    CREATE TABLE messages (
                        id              TEXT PRIMARY KEY,
                        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                        channel         TEXT NOT NULL,
                        kind            TEXT NOT NULL,
                        direction       TEXT NOT NULL,
                        author          TEXT,
                        subject         TEXT,
                        body            TEXT,
                        sent_at         INTEGER NOT NULL
                    )""",
                    "CREATE INDEX messages_by_conversation_time ON messages(conversation_id, sent_at)"),
            // 2: operator actions applied once per idempotency key, and the event log clients follow.
            List.of(
                    "ALTER TABLE users ADD COLUMN reason_code TEXT",
                    "ALTER TABLE users ADD COLUMN state_since INTEGER",
                    """
                    CREATE TABLE reason_codes (
                        code     TEXT PRIMARY KEY,
                        label    TEXT NOT NULL,
                        position INTEGER NOT NULL
                    )""",
                    """
                    INSERT INTO reason_codes (code, label, position) VALUES
                        ('BREAK', 'Break', 1), ('LUNCH', 'Lunch', 2), ('TRAINING', 'Training', 3),
                        ('MEETING', 'Meeting', 4), ('BACK_OFFICE', 'Back-office work', 5)""",
                    """
                    CREATE TABLE disposition_codes (
                        code     TEXT PRIMARY KEY,
                        label    TEXT NOT NULL,
                        position INTEGER NOT NULL
                    )""",
                    """
                    INSERT INTO disposition_codes (code, label, position) VALUES
                        ('RESOLVED', 'Resolved', 1), ('CALLBACK', 'Callback scheduled', 2),
                        ('ESCALATED', 'Escalated', 3), ('NO_ANSWER', 'No answer', 4),
                        ('SPAM', 'Spam or wrong number', 5)""",
                    """
                    CREATE TABLE notes (
                        id              TEXT PRIMARY KEY,
                        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                        author_id       TEXT NOT NULL REFERENCES users(id),
                        author          TEXT,
                        text            TEXT NOT NULL,
                        created_at      INTEGER NOT NULL
                    )""",
                    "CREATE INDEX notes_by_conversation ON notes(conversation_id, created_at)",
                    """
                    CREATE TABLE dispositions (
                        id              TEXT PRIMARY KEY,
                        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                        code            TEXT NOT NULL REFERENCES disposition_codes(code),
                        note            TEXT,
                        author_id       TEXT NOT NULL REFERENCES users(id),
                        author          TEXT,
                        set_at          INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE applied_actions (
                        idempotency_key TEXT PRIMARY KEY,
                        user_id         TEXT NOT NULL REFERENCES users(id),
                        fingerprint     TEXT NOT NULL,
                        result_json     TEXT NOT NULL,
                        applied_at      INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE events (
                        cursor          INTEGER PRIMARY KEY AUTOINCREMENT,
                        user_id         TEXT NOT NULL,
                        type            TEXT NOT NULL,
                        payload_json    TEXT NOT NULL,
                        created_at      INTEGER NOT NULL
                    )""",
                    "CREATE INDEX events_by_user ON events(user_id, cursor)"));

    private SchemaMigrations() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    static void apply(Connection connection) throws SQLException {
        int current = HubDatabase.userVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("hub.db has schema version " + current + ", newer than this hub understands ("
                    + latestVersion() + "); run a newer hub or point it at another data directory");
        }
        for (int version = current + 1; version <= latestVersion(); version++) {
            migrateTo(connection, version);
        }
    }

    private static void migrateTo(Connection connection, int version) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : MIGRATIONS.get(version - 1)) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + version);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}

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
                    "CREATE INDEX events_by_user ON events(user_id, cursor)"),
            // 3: routing. Queues with their channels and required skills, operators' skills and
            // capacity overrides, and the work items routed from queues to operators. Plain SQL that
            // PostgreSQL runs as well (partial indexes included).
            List.of(
                    """
                    CREATE TABLE queues (
                        id       TEXT PRIMARY KEY,
                        name     TEXT NOT NULL UNIQUE,
                        priority INTEGER NOT NULL DEFAULT 0
                    )""",
                    """
                    CREATE TABLE queue_channels (
                        queue_id TEXT NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
                        channel  TEXT NOT NULL,
                        PRIMARY KEY (queue_id, channel)
                    )""",
                    """
                    CREATE TABLE queue_skills (
                        queue_id TEXT NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
                        skill    TEXT NOT NULL,
                        PRIMARY KEY (queue_id, skill)
                    )""",
                    """
                    CREATE TABLE operator_skills (
                        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        skill   TEXT NOT NULL,
                        level   INTEGER,
                        PRIMARY KEY (user_id, skill)
                    )""",
                    """
                    CREATE TABLE operator_capacity (
                        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        work_class TEXT NOT NULL,
                        max_open   INTEGER NOT NULL CHECK (max_open >= 0),
                        PRIMARY KEY (user_id, work_class)
                    )""",
                    "ALTER TABLE users ADD COLUMN last_routed_at INTEGER",
                    """
                    CREATE TABLE work_items (
                        id              TEXT PRIMARY KEY,
                        queue_id        TEXT NOT NULL REFERENCES queues(id),
                        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                        channel         TEXT NOT NULL,
                        work_class      TEXT NOT NULL,
                        enqueued_at     INTEGER NOT NULL,
                        assignee_id     TEXT REFERENCES users(id),
                        assigned_at     INTEGER,
                        closed_at       INTEGER
                    )""",
                    "CREATE INDEX work_items_waiting ON work_items(enqueued_at) WHERE assignee_id IS NULL",
                    "CREATE INDEX work_items_open_by_assignee ON work_items(assignee_id, work_class) WHERE closed_at IS NULL",
                    "CREATE UNIQUE INDEX work_items_one_open_per_conversation ON work_items(conversation_id) WHERE closed_at IS NULL"));

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

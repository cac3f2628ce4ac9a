package org.pult.cache;

import java.util.List;

/**
 * Every schema version, oldest first. Released steps are never edited: a change to the schema is
 * a new entry at the end, because files in the field already carry the old steps.
 */
final class Migrations {

    static final List<Migration> ALL = List.of(
            new Migration(1, "customers, conversations, messages, drafts", List.of(
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
                        id               TEXT PRIMARY KEY,
                        customer_id      TEXT NOT NULL REFERENCES customers(id),
                        status           TEXT NOT NULL,
                        last_channel     TEXT NOT NULL,
                        subject          TEXT,
                        preview          TEXT,
                        last_activity_at INTEGER NOT NULL,
                        unread_count     INTEGER NOT NULL
                    )""",
                    "CREATE INDEX conversations_by_activity ON conversations(last_activity_at DESC, id)",
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
                    // No foreign key: a draft is the operator's unsent work and must outlive a
                    // rebuild of the synchronised tables.
                    """
                    CREATE TABLE drafts (
                        conversation_id TEXT PRIMARY KEY,
                        text            TEXT NOT NULL
                    )""")),
            new Migration(2, "index messages by conversation and time", List.of(
                    "CREATE INDEX messages_by_conversation_time ON messages(conversation_id, sent_at, id)")),
            // Rows cached before this step read back as TEXT until the next sync rewrites them.
            new Migration(3, "kind of a conversation's newest entry", List.of(
                    "ALTER TABLE conversations ADD COLUMN last_kind TEXT NOT NULL DEFAULT 'TEXT'")),
            // The operator's actions wait here for the backend, written with their local effect.
            // No foreign keys: like drafts, they are the operator's own work.
            new Migration(4, "outbox, local operator state, notes, dispositions, event cursor", List.of(
                    """
                    CREATE TABLE outbox (
                        sequence         INTEGER PRIMARY KEY AUTOINCREMENT,
                        idempotency_key  TEXT NOT NULL UNIQUE,
                        type             TEXT NOT NULL,
                        conversation_id  TEXT,
                        state            TEXT,
                        reason_code      TEXT,
                        disposition_code TEXT,
                        text             TEXT,
                        occurred_at      INTEGER NOT NULL,
                        status           TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'POISON')),
                        attempts         INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at  INTEGER NOT NULL,
                        last_error       TEXT,
                        entity_id        TEXT,
                        acknowledged_at  INTEGER
                    )""",
                    "CREATE INDEX outbox_by_status ON outbox(status, sequence)",
                    """
                    CREATE TABLE operator_state (
                        id                 INTEGER PRIMARY KEY CHECK (id = 1),
                        state              TEXT NOT NULL,
                        reason_code        TEXT,
                        changed_at         INTEGER NOT NULL,
                        server_state       TEXT,
                        server_reason_code TEXT
                    )""",
                    """
                    CREATE TABLE notes (
                        id              TEXT PRIMARY KEY,
                        conversation_id TEXT NOT NULL,
                        author          TEXT,
                        text            TEXT NOT NULL,
                        created_at      INTEGER NOT NULL,
                        action_key      TEXT,
                        pending         INTEGER NOT NULL DEFAULT 0
                    )""",
                    "CREATE INDEX notes_by_conversation ON notes(conversation_id, created_at)",
                    """
                    CREATE TABLE dispositions (
                        conversation_id TEXT PRIMARY KEY,
                        id              TEXT,
                        code            TEXT NOT NULL,
                        note            TEXT,
                        set_at          INTEGER NOT NULL,
                        action_key      TEXT,
                        pending         INTEGER NOT NULL DEFAULT 0
                    )""",
                    "ALTER TABLE messages ADD COLUMN action_key TEXT",
                    "ALTER TABLE messages ADD COLUMN pending INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX messages_by_action_key ON messages(action_key) WHERE action_key IS NOT NULL",
                    """
                    CREATE TABLE sync_cursors (
                        name   TEXT PRIMARY KEY,
                        cursor INTEGER NOT NULL
                    )""")),
            // A rejected action the operator has seen and dismissed stays, as a record of what was
            // not sent; it only leaves the list of rejections shown in the console.
            new Migration(5, "dismissing a rejected action", List.of(
                    "ALTER TABLE outbox ADD COLUMN dismissed_at INTEGER")),
            // Full-text search (ADR 0008); the statements and their reasons are in SearchSchema.
            new Migration(6, "full-text search over messages, conversation subjects and customers",
                    SearchSchema.STATEMENTS));

    static final int LATEST = ALL.getLast().version();

    private Migrations() {
    }
}

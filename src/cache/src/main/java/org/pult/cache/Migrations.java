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
                    "ALTER TABLE conversations ADD COLUMN last_kind TEXT NOT NULL DEFAULT 'TEXT'")));

    static final int LATEST = ALL.getLast().version();

    private Migrations() {
    }
}

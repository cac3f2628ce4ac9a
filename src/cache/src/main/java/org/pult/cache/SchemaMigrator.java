package org.pult.cache;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a file's schema up to the newest {@link Migration}, tracked in {@code PRAGMA user_version}. */
final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final List<Migration> migrations;

    SchemaMigrator(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... without gaps; position "
                        + (i + 1) + " holds version " + migrations.get(i).version());
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Applies every step the file lacks, each in its own transaction, and returns how many ran. */
    int migrate(Connection connection) throws SQLException {
        int applied = 0;
        for (Migration migration : migrations) {
            if (apply(connection, migration)) {
                log.info("Cache schema migrated to version {}: {}", migration.version(), migration.description());
                applied++;
            }
        }
        return applied;
    }

    private static boolean apply(Connection connection, Migration migration) throws SQLException {
        try {
            return Transactions.immediate(connection, c -> {
                // Read inside the transaction: another process may have migrated the file while
                // this one waited for the write lock.
                if (userVersion(c) >= migration.version()) {
                    return false;
                }
                try (Statement statement = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
                return true;
            });
        } catch (SQLException failure) {
            // Keeps SQLite's code so the caller can still tell a full disk from a bad schema.
            throw new SQLException("migration to schema version " + migration.version() + " ("
                    + migration.description() + ") failed: " + failure.getMessage(),
                    failure.getSQLState(), failure.getErrorCode(), failure);
        }
    }
}

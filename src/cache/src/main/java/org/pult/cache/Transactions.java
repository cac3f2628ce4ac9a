package org.pult.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Write transactions on a connection left in auto-commit mode. */
final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code work} between {@code BEGIN IMMEDIATE} and {@code COMMIT}, rolling back on any
     * failure. IMMEDIATE takes the write lock up front, so a transaction never has to upgrade a
     * read lock while another process writes, which SQLite can only resolve by failing.
     */
    static <T> T immediate(Connection connection, SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException failure) {
                rollBack(statement, failure);
                throw failure;
            }
        }
    }

    private static void rollBack(Statement statement, Exception failure) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            // SQLite has already rolled back after some errors; the original failure is what matters.
            failure.addSuppressed(rollbackFailure);
        }
    }
}

package org.pult.hub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hub's SQLite file, {@code <dataDir>/hub.db}. Hands out one connection per unit of work:
 * requests run on many Jetty threads, and SQLite in WAL mode lets readers proceed while one
 * writer writes, which a single shared connection would serialise.
 */
public final class HubDatabase {

    public static final String FILE_NAME = "hub.db";

    private final Path file;
    private final SQLiteDataSource dataSource;

    private HubDatabase(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static HubDatabase open(Path dataDir) throws SQLException {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the hub data directory " + dataDir, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // Every transaction of the hub writes; taking the write lock at BEGIN means two requests
        // with the same idempotency key queue up instead of both reading "not applied yet".
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HubDatabase database = new HubDatabase(file, dataSource);
        try (Connection connection = database.connection()) {
            SchemaMigrations.apply(connection);
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** A new connection with foreign keys on; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Work against one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}

package org.pult.hub.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hub's SQLite file, {@code <dataDir>/hub.db}. Hands out one connection per unit of work
 * from a small pool: requests run on many Jetty threads, and SQLite in WAL mode lets readers
 * proceed while one writer writes, which a single shared connection would serialise. The pool
 * keeps connections open: when SQLite's last connection to a file closes it checkpoints and
 * removes the WAL, and reopening costs more than the request's own work (the outbox replay ran
 * at ~100 actions/s with a connection per request).
 */
public final class HubDatabase implements AutoCloseable {

    public static final String FILE_NAME = "hub.db";
    private static final int POOL_SIZE = 8;

    private final Path file;
    private final HikariDataSource pool;

    private HubDatabase(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
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
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setDataSource(dataSource);
        poolConfig.setPoolName("hub-db");
        poolConfig.setMaximumPoolSize(POOL_SIZE);
        poolConfig.setMinimumIdle(1);
        // Opening fails fast and says why (a locked or unreadable file) instead of waiting 30 s.
        poolConfig.setInitializationFailTimeout(1);
        poolConfig.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig);
        } catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException cause ? cause : new SQLException(e.getMessage(), e);
        }
        HubDatabase database = new HubDatabase(file, pool);
        try (Connection connection = database.connection()) {
            SchemaMigrations.apply(connection);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    public Path file() {
        return file;
    }

    /** A connection with foreign keys on; the caller closes it, which returns it to the pool. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Closes every connection; the file is then checkpointed and left without its WAL. */
    @Override
    public void close() {
        pool.close();
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

package org.pult.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.pult.cache.CacheOpenException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SQLite cache file: one connection, shared by the stores. Every use of the connection
 * holds one lock, because the app reaches the cache from many background virtual threads and a
 * JDBC connection is not safe to share without it.
 */
public final class CacheDatabase implements AutoCloseable {

    /** The schema version this build writes; files with a higher one are refused untouched. */
    public static final int SCHEMA_VERSION = Migrations.LATEST;

    private static final Logger log = LoggerFactory.getLogger(CacheDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private CacheDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the cache at {@code file}, creating it and its folders if needed, and migrates it to
     * {@link #SCHEMA_VERSION}. A file from a newer Pult is refused before anything is written to it.
     */
    public static CacheDatabase open(Path file) throws CacheOpenException {
        Path absolute = file.toAbsolutePath();
        createFolder(absolute);
        Connection connection = connect(absolute);
        try {
            prepare(absolute, connection);
        } catch (CacheOpenException | RuntimeException refusal) {
            closeQuietly(connection, refusal);
            throw refusal;
        }
        return new CacheDatabase(absolute, connection);
    }

    public Path file() {
        return file;
    }

    private static void createFolder(Path file) throws CacheOpenException {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException failure) {
            throw new CacheOpenException(Problem.UNWRITABLE, file,
                    "cannot create the cache folder " + folder + ": " + failure, failure);
        }
    }

    private static Connection connect(Path file) throws CacheOpenException {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException failure) {
            throw refusal(file, "opening it", failure, Problem.UNWRITABLE);
        }
    }

    private static void prepare(Path file, Connection connection) throws CacheOpenException {
        int found;
        try (Statement statement = connection.createStatement()) {
            // Connection settings only: nothing here writes to the file.
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            statement.execute("PRAGMA foreign_keys = ON");
            found = SchemaMigrator.userVersion(connection);
        } catch (SQLException failure) {
            throw refusal(file, "reading its version", failure, Problem.CORRUPT);
        }
        if (found > SCHEMA_VERSION) {
            throw new CacheOpenException(Problem.NEWER_SCHEMA, file, "the cache " + file
                    + " has schema version " + found + " but this Pult knows only up to version "
                    + SCHEMA_VERSION + "; it was written by a newer Pult and is left unchanged");
        }
        checkIntegrity(file, connection);
        checkWritable(file);
        try (Statement statement = connection.createStatement()) {
            enableWal(file, statement);
            statement.execute("PRAGMA synchronous = NORMAL");
            int applied = new SchemaMigrator(Migrations.ALL).migrate(connection);
            log.info("Opened cache {} at schema version {} (found {}, {} migrations applied)",
                    file, SCHEMA_VERSION, found, applied);
        } catch (SQLException failure) {
            // A step that hits an unexpected schema means the file is not what our versions say.
            throw refusal(file, "preparing its schema", failure, Problem.CORRUPT);
        }
    }

    private static void checkIntegrity(Path file, Connection connection) throws CacheOpenException {
        List<String> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check(5)")) {
            while (rows.next()) {
                findings.add(rows.getString(1));
            }
        } catch (SQLException failure) {
            throw refusal(file, "checking its pages", failure, Problem.CORRUPT);
        }
        if (!findings.equals(List.of("ok"))) {
            throw new CacheOpenException(Problem.CORRUPT, file,
                    "the cache " + file + " is damaged: " + String.join("; ", findings));
        }
    }

    /**
     * SQLite silently opens a file it may not write read-only, and a file already at the newest
     * version would then only fail at the first write, far from here.
     */
    private static void checkWritable(Path file) throws CacheOpenException {
        Path folder = file.getParent();
        if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new CacheOpenException(Problem.UNWRITABLE, file,
                    "the cache " + file + " or its folder is not writable");
        }
    }

    private static void enableWal(Path file, Statement statement) throws SQLException, CacheOpenException {
        try (ResultSet row = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            row.next();
            String mode = row.getString(1);
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new CacheOpenException(Problem.UNWRITABLE, file,
                        "the cache " + file + " cannot use write-ahead logging (journal mode stays " + mode + ")");
            }
        }
    }

    private static CacheOpenException refusal(Path file, String action, SQLException failure, Problem otherwise) {
        Problem problem = SqliteFailures.classify(failure, otherwise);
        String verdict = problem == Problem.CORRUPT
                ? " is damaged or not a Pult cache"
                : " cannot be created or written";
        return new CacheOpenException(problem, file,
                "the cache " + file + verdict + " (" + action + "): " + failure.getMessage(), failure);
    }

    private static void closeQuietly(Connection connection, Exception refusal) {
        try {
            connection.close();
        } catch (SQLException failure) {
            refusal.addSuppressed(failure);
        }
    }

    /** Runs {@code work} on the connection outside an explicit transaction; for single reads. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException failure) {
            throw new CacheAccessException("reading the cache " + file + " failed: " + failure.getMessage(), failure);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one write transaction: all of it is stored, or none. */
    <T> T write(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return Transactions.immediate(connection, work);
        } catch (SQLException failure) {
            throw new CacheAccessException("writing the cache " + file + " failed: " + failure.getMessage(), failure);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #write} but synced to disk before returning. The cache normally trades the last
     * commits on power loss for speed, since the backend can resend them; what only the operator
     * has (drafts) cannot be resent.
     */
    <T> T writeDurably(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return fullySynced(work);
        } catch (SQLException failure) {
            throw new CacheAccessException("writing the cache " + file + " failed: " + failure.getMessage(), failure);
        } finally {
            lock.unlock();
        }
    }

    private <T> T fullySynced(SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = FULL");
            try {
                return Transactions.immediate(connection, work);
            } finally {
                statement.execute("PRAGMA synchronous = NORMAL");
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new CacheAccessException("the cache " + file + " is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
            log.info("Closed cache {}", file);
        } catch (SQLException failure) {
            throw new CacheAccessException("closing the cache " + file + " failed: " + failure.getMessage(), failure);
        } finally {
            lock.unlock();
        }
    }
}

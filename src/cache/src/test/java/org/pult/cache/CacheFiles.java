package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pult.core.model.Message;

/** Ways to make cache files in states the app must cope with, using plain JDBC and bytes. */
final class CacheFiles {

    static final int PAGE_SIZE = 4096;

    private CacheFiles() {
    }

    static Connection rawConnection(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static int userVersion(Path file) throws SQLException {
        try (Connection connection = rawConnection(file)) {
            return SchemaMigrator.userVersion(connection);
        }
    }

    static void writeRandomBytes(Path file, int length) throws IOException {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        Files.write(file, bytes);
    }

    /** The 1-based numbers of the leaf pages of one table's b-tree, read through {@code dbstat}. */
    static List<Integer> leafPagesOf(Path file, String table) throws SQLException {
        try (Connection connection = rawConnection(file);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                List<Integer> pages = new ArrayList<>();
                while (rows.next()) {
                    pages.add(rows.getInt(1));
                }
                return pages;
            }
        }
    }

    static int rootPageOf(Path file, String table) throws SQLException {
        try (Connection connection = rawConnection(file);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT rootpage FROM sqlite_schema WHERE name = ?")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Overwrites whole pages with a pattern no b-tree page can have, as a bad disk sector would. */
    static void overwritePages(Path file, List<Integer> pages) throws IOException {
        byte[] garbage = new byte[PAGE_SIZE];
        Arrays.fill(garbage, (byte) 0xA5);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (int page : pages) {
                raw.seek((long) (page - 1) * PAGE_SIZE);
                raw.write(garbage);
            }
        }
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection connection = rawConnection(file); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Enough messages for a b-tree of many pages, then closed so that every page is in the main file. */
    static void fillWithMessages(Path file) throws CacheOpenException {
        try (CacheDatabase db = CacheDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            store.upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                messages.add(Samples.message("m" + i, "v1", Samples.T0.plusSeconds(i),
                        "Сообщение номер " + i + " ".repeat(i % 7) + "x".repeat(200)));
            }
            store.upsertMessages("v1", messages);
        }
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
    }
}

package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pult.core.model.Channel;
import org.pult.core.model.Conversation;
import org.pult.core.model.MessageKind;

class SchemaMigrationTest {

    @TempDir
    Path dir;

    static IntStream olderVersions() {
        return IntStream.range(1, CacheDatabase.SCHEMA_VERSION);
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("olderVersions")
    void anOlderFileIsMigratedOnOpenAndKeepsItsRows(int version) throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection connection = CacheFiles.rawConnection(file)) {
            new SchemaMigrator(Migrations.ALL.subList(0, 1)).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                // Written in version 1's terms, as an old Pult would have.
                statement.execute("INSERT INTO customers VALUES ('c1', 'Ирина Соколова', NULL, NULL, NULL)");
                statement.execute("INSERT INTO conversations VALUES ('v1', 'c1', 'OPEN', 'CHAT', NULL, 'Привет', 1000, 2)");
                statement.execute("INSERT INTO messages VALUES ('m1', 'v1', 'CHAT', 'TEXT', 'INBOUND', NULL, NULL, 'Привет', 1000)");
                statement.execute("INSERT INTO drafts VALUES ('v1', 'Здравствуйте')");
            }
            new SchemaMigrator(Migrations.ALL.subList(0, version)).migrate(connection);
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(version);

        try (CacheDatabase db = CacheDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            assertThat(store.conversation("v1")).hasValueSatisfying(v -> {
                assertThat(v.customer().displayName()).isEqualTo("Ирина Соколова");
                assertThat(v.unreadCount()).isEqualTo(2);
                assertThat(v.lastKind()).isEqualTo(MessageKind.TEXT);
            });
            assertThat(store.messages("v1")).singleElement().extracting("body").isEqualTo("Привет");
            assertThat(new DraftStore(db).load("v1")).contains("Здравствуйте");
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(CacheDatabase.SCHEMA_VERSION);
    }

    @Test
    void versionTwoAddsTheIndexThatOpensAConversation() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection connection = CacheFiles.rawConnection(file)) {
            new SchemaMigrator(Migrations.ALL.subList(0, 1)).migrate(connection);
            assertThat(indexes(connection)).doesNotContain("messages_by_conversation_time");
        }

        CacheDatabase.open(file).close();

        try (Connection connection = CacheFiles.rawConnection(file)) {
            assertThat(indexes(connection)).contains("messages_by_conversation_time");
        }
    }

    @Test
    void versionThreeGivesConversationsTheKindOfTheirNewestEntryAndOldRowsReadAsText() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection connection = CacheFiles.rawConnection(file)) {
            new SchemaMigrator(Migrations.ALL.subList(0, 2)).migrate(connection);
            assertThat(columns(connection, "conversations")).doesNotContain("last_kind");
            try (Statement statement = connection.createStatement()) {
                // Written in version 2's terms: a missed call cached before the kind was kept.
                statement.execute("INSERT INTO customers VALUES ('c1', 'John Carter', '+14155550142', NULL, NULL)");
                statement.execute("INSERT INTO conversations VALUES ('v1', 'c1', 'OPEN', 'VOICE', NULL, '+14155550142', 1000, 1)");
            }
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(2);

        try (CacheDatabase db = CacheDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            assertThat(store.conversation("v1")).hasValueSatisfying(v -> {
                assertThat(v.lastChannel()).isEqualTo(Channel.VOICE);
                assertThat(v.lastKind()).isEqualTo(MessageKind.TEXT);
                assertThat(v.preview()).isEqualTo("+14155550142");
            });

            Conversation synced = store.conversation("v1").orElseThrow();
            store.upsertConversations(List.of(new Conversation(synced.id(), synced.customer(), synced.status(),
                    synced.lastChannel(), MessageKind.CALL_MISSED, synced.subject(), synced.preview(),
                    synced.lastActivityAt(), synced.unreadCount())));
            assertThat(store.conversation("v1")).get().extracting(Conversation::lastKind).isEqualTo(MessageKind.CALL_MISSED);
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(CacheDatabase.SCHEMA_VERSION);
        try (Connection connection = CacheFiles.rawConnection(file)) {
            assertThat(columns(connection, "conversations")).contains("last_kind");
        }
    }

    @Test
    void aFailingStepLeavesTheFileAtTheVersionBeforeIt() throws Exception {
        Migration broken = new Migration(2, "half a step", List.of(
                "CREATE TABLE notes (id TEXT PRIMARY KEY)",
                "CREATE INDEX notes_by_missing_column ON notes(no_such_column)"));
        Path file = dir.resolve("cache.db");
        try (Connection connection = CacheFiles.rawConnection(file)) {
            assertThatThrownBy(() -> new SchemaMigrator(List.of(Migrations.ALL.getFirst(), broken)).migrate(connection))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("schema version 2");

            assertThat(SchemaMigrator.userVersion(connection)).isEqualTo(1);
            assertThat(tables(connection)).contains("drafts").doesNotContain("notes");
        }
    }

    @Test
    void stepsMustBeNumberedWithoutGaps() {
        Migration first = Migrations.ALL.getFirst();
        Migration third = new Migration(3, "skips 2", List.of("SELECT 1"));

        assertThatIllegalArgumentException().isThrownBy(() -> new SchemaMigrator(List.of(first, third)))
                .withMessageContaining("version 3");
    }

    @Test
    void theReleasedStepsAreNumberedWithoutGaps() {
        new SchemaMigrator(Migrations.ALL);
        assertThat(CacheDatabase.SCHEMA_VERSION).isEqualTo(Migrations.ALL.size());
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        }
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        return names(connection, "index");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return names(connection, "table");
    }

    private static List<String> names(Connection connection, String type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM sqlite_schema WHERE type = ?")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        }
    }
}

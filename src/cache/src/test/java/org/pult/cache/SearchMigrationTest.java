package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.SearchHit.Source;

/** A cache filled before search existed is indexed when it is opened by a Pult that has search. */
class SearchMigrationTest {

    private static final int SEARCH_VERSION = 6;

    @TempDir
    Path dir;

    @Test
    void rowsCachedBeforeSearchAreIndexedByTheMigration() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection connection = CacheFiles.rawConnection(file)) {
            new SchemaMigrator(Migrations.ALL.subList(0, SEARCH_VERSION - 1)).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                // Written in the previous version's terms, as the Pult before search would have.
                statement.execute("INSERT INTO customers VALUES ('c1', 'Фёдор Иванов', '+7 912 345-67-89', "
                        + "'fedor@example.org', 'ООО «Ёж»')");
                statement.execute("INSERT INTO customers VALUES ('c2', 'John Carter', NULL, NULL, NULL)");
                statement.execute("INSERT INTO conversations (id, customer_id, status, last_channel, subject, preview, "
                        + "last_activity_at, unread_count) VALUES ('v1', 'c1', 'OPEN', 'EMAIL', 'Счёт №42', NULL, 1000, 0)");
                statement.execute("INSERT INTO conversations (id, customer_id, status, last_channel, subject, preview, "
                        + "last_activity_at, unread_count) VALUES ('v2', 'c2', 'OPEN', 'CHAT', NULL, NULL, 2000, 0)");
                statement.execute("INSERT INTO messages (id, conversation_id, channel, kind, direction, body, sent_at) "
                        + "VALUES ('m1', 'v2', 'CHAT', 'TEXT', 'INBOUND', 'Where is my refund?', 2000)");
                statement.execute("INSERT INTO messages (id, conversation_id, channel, kind, direction, subject, body, "
                        + "sent_at) VALUES ('m2', 'v1', 'EMAIL', 'TEXT', 'INBOUND', 'Оплата', 'Платёж ещё не прошёл', 1000)");
            }
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(SEARCH_VERSION - 1);

        try (CacheDatabase db = CacheDatabase.open(file)) {
            CacheSearch search = new CacheSearch(db);

            assertThat(search.search("refund", 10)).singleElement().satisfies(hit -> {
                assertThat(hit.conversation().id()).isEqualTo("v2");
                assertThat(hit.messageId()).isEqualTo("m1");
            });
            assertThat(search.search("платеж еще", 10)).singleElement()
                    .satisfies(hit -> assertThat(hit.snippet().marked("[", "]")).isEqualTo("[Платёж] [ещё] не прошёл"));
            assertThat(search.search("оплаты", 10)).singleElement().extracting(SearchHit::messageId).isEqualTo("m2");
            assertThat(search.search("счет", 10)).singleElement().extracting(SearchHit::source).isEqualTo(Source.SUBJECT);
            assertThat(search.search("федор", 10)).singleElement().extracting(SearchHit::source).isEqualTo(Source.CUSTOMER);
            assertThat(search.search("ёж", 10)).singleElement().extracting(h -> h.conversation().id()).isEqualTo("v1");
            assertThat(search.search("3456789", 10)).singleElement().extracting(h -> h.conversation().id()).isEqualTo("v1");
            assertThat(search.search("fedor@example", 10)).hasSize(1);
        }
        assertThat(CacheFiles.userVersion(file)).isGreaterThanOrEqualTo(SEARCH_VERSION);
        try (Connection connection = CacheFiles.rawConnection(file); Statement statement = connection.createStatement()) {
            for (String fts : List.of("messages_fts", "conversations_fts", "customers_fts")) {
                statement.execute("INSERT INTO " + fts + " (" + fts + ", rank) VALUES ('integrity-check', 1)");
            }
            try (ResultSet row = statement.executeQuery("SELECT count(*) FROM messages_fts_docsize")) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void theSearchStepIsTheOneThatAddsTheIndexes() {
        assertThat(Migrations.ALL.get(SEARCH_VERSION - 1).statements())
                .anySatisfy(sql -> assertThat(sql).startsWith("CREATE VIRTUAL TABLE messages_fts USING fts5("))
                .anySatisfy(sql -> assertThat(sql).contains("'rebuild'"));
    }
}

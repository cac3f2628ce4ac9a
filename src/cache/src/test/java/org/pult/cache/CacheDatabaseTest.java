package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aFreshFileIsCreatedWithItsFoldersInWalModeAtTheLatestVersion() throws Exception {
        Path file = dir.resolve("profiles/anna/cache.db");

        try (CacheDatabase db = CacheDatabase.open(file)) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isPositive();
            assertThat(db.file()).isEqualTo(file.toAbsolutePath());
        }

        assertThat(CacheFiles.userVersion(file)).isEqualTo(CacheDatabase.SCHEMA_VERSION);
        byte[] header = Files.readAllBytes(file);
        // Bytes 18 and 19 of the header are the read and write format versions; 2 means WAL.
        assertThat(header[18]).isEqualTo((byte) 2);
        assertThat(header[19]).isEqualTo((byte) 2);
    }

    @Test
    void reopeningKeepsTheDataAndTheVersion() throws Exception {
        Path file = dir.resolve("cache.db");
        try (CacheDatabase db = CacheDatabase.open(file)) {
            new ConversationStore(db).upsertConversations(List.of(Samples.conversation("v1", Samples.T0)));
        }

        for (int i = 0; i < 2; i++) {
            try (CacheDatabase db = CacheDatabase.open(file)) {
                assertThat(new ConversationStore(db).conversationCount()).isEqualTo(1);
            }
        }
        assertThat(CacheFiles.userVersion(file)).isEqualTo(CacheDatabase.SCHEMA_VERSION);
    }

    @Test
    void manyVirtualThreadsCanWriteAndReadAtOnce() throws Exception {
        int threads = 8;
        int perThread = 20;
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("cache.db"))) {
            ConversationStore conversations = new ConversationStore(db);
            DraftStore drafts = new DraftStore(db);
            List<Future<?>> work = new ArrayList<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    work.add(executor.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String id = "v-" + thread + "-" + i;
                            conversations.upsertConversations(List.of(Samples.conversation(id, Samples.T0)));
                            drafts.save(id, "draft " + id);
                            conversations.conversations();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> each : work) {
                each.get();
            }

            assertThat(conversations.conversationCount()).isEqualTo(threads * perThread);
            assertThat(drafts.all()).hasSize(threads * perThread);
        }
    }

    @Test
    void aClosedCacheSaysSo() throws Exception {
        CacheDatabase db = CacheDatabase.open(dir.resolve("cache.db"));
        ConversationStore store = new ConversationStore(db);
        db.close();
        db.close();

        assertThatThrownBy(store::conversationCount)
                .isInstanceOf(CacheAccessException.class)
                .hasMessageContaining("closed");
    }

    private static String pragma(CacheDatabase db, String name) {
        return db.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                row.next();
                return row.getString(1);
            }
        });
    }
}

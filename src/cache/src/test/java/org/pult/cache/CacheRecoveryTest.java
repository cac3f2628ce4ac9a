package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheOpenException.Problem;

class CacheRecoveryTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2025-03-14T12:00:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void movingAsideRenamesTheFileAndItsCompanionsKeepingEveryByte() throws Exception {
        Path file = Files.writeString(dir.resolve("cache.db"), "main bytes");
        Files.writeString(dir.resolve("cache.db-wal"), "wal bytes");
        Files.writeString(dir.resolve("cache.db-shm"), "shm bytes");

        Path moved = CacheRecovery.moveAside(file, NOON);

        assertThat(moved).isEqualTo(dir.resolve("cache.db.damaged-20250314-120005"));
        assertThat(moved).hasContent("main bytes");
        assertThat(dir.resolve("cache.db.damaged-20250314-120005-wal")).hasContent("wal bytes");
        assertThat(dir.resolve("cache.db.damaged-20250314-120005-shm")).hasContent("shm bytes");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cache.db-wal")).doesNotExist();
        assertThat(dir.resolve("cache.db-shm")).doesNotExist();
    }

    @Test
    void movingAsideTwiceInOneSecondOverwritesNothing() throws Exception {
        Path file = dir.resolve("cache.db");
        Files.writeString(file, "first");
        Path first = CacheRecovery.moveAside(file, NOON);
        Files.writeString(file, "second");

        Path second = CacheRecovery.moveAside(file, NOON);

        assertThat(second).isNotEqualTo(first);
        assertThat(first).hasContent("first");
        assertThat(second).hasContent("second");
    }

    @Test
    void movingAsideUsesTheCurrentTime() throws Exception {
        Path moved = CacheRecovery.moveAside(Files.writeString(dir.resolve("cache.db"), "x"));

        assertThat(moved.getFileName().toString()).matches("cache\\.db\\.damaged-\\d{8}-\\d{6}");
    }

    @Test
    void draftsAreSalvagedFromAnIntactFile() throws Exception {
        Path file = dir.resolve("cache.db");
        try (CacheDatabase db = CacheDatabase.open(file)) {
            new DraftStore(db).saveAll(Map.of("v1", "Добрый день", "v2", "🙂"));
        }

        assertThat(CacheRecovery.salvageDrafts(file)).containsOnly(Map.entry("v1", "Добрый день"), Map.entry("v2", "🙂"));
        assertThat(CacheFiles.userVersion(file)).isEqualTo(CacheDatabase.SCHEMA_VERSION);
    }

    @Test
    void draftsAreSalvagedFromAFileWhoseMessagePagesAreDamaged() throws Exception {
        Path file = dir.resolve("cache.db");
        try (CacheDatabase db = CacheDatabase.open(file)) {
            new DraftStore(db).save("v1", "не потерять");
        }
        CacheFiles.fillWithMessages(file);
        List<Integer> leaves = CacheFiles.leafPagesOf(file, "messages");
        List<Integer> damaged = leaves.subList(leaves.size() / 3, 2 * leaves.size() / 3);
        assertThat(damaged).doesNotContain(CacheFiles.rootPageOf(file, "drafts"));
        CacheFiles.overwritePages(file, damaged);
        assertThat(catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file)).problem())
                .isEqualTo(Problem.CORRUPT);

        Path moved = CacheRecovery.moveAside(file);

        assertThat(CacheRecovery.salvageDrafts(moved)).containsExactly(Map.entry("v1", "не потерять"));
    }

    @Test
    void draftsStillOnlyInTheWriteAheadLogTravelWithTheMovedFile() throws Exception {
        Path crashed = Files.createDirectory(dir.resolve("crashed")).resolve("cache.db");
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("cache.db"))) {
            new DraftStore(db).save("v1", "typed just before the crash");
            // Copying while the cache is open captures it as a crash would leave it: with the
            // draft in the -wal file, not yet checkpointed into the main file.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.copy(dir.resolve("cache.db" + suffix), crashed.resolveSibling("cache.db" + suffix));
            }
        }
        assertThat(crashed.resolveSibling("cache.db-wal")).isNotEmptyFile();

        Path moved = CacheRecovery.moveAside(crashed);

        assertThat(CacheRecovery.salvageDrafts(moved)).containsExactly(Map.entry("v1", "typed just before the crash"));
    }

    @Test
    void salvagingWhatIsNoDatabaseGivesNothingAndDoesNotThrow() throws Exception {
        Path random = dir.resolve("random.db");
        CacheFiles.writeRandomBytes(random, 4 * CacheFiles.PAGE_SIZE);
        Path otherSchema = dir.resolve("other.db");
        CacheFiles.execute(otherSchema, "CREATE TABLE unrelated (x)");

        assertThat(CacheRecovery.salvageDrafts(random)).isEmpty();
        assertThat(CacheRecovery.salvageDrafts(otherSchema)).isEmpty();
        assertThat(CacheRecovery.salvageDrafts(dir.resolve("missing.db"))).isEmpty();
        assertThat(dir.resolve("missing.db")).doesNotExist();
        assertThat(CacheRecovery.salvageDrafts(dir)).isEmpty();
    }

    @Test
    void rebuildingFromTheBackendKeepsTheDrafts() throws Exception {
        Path file = dir.resolve("cache.db");
        try (CacheDatabase db = CacheDatabase.open(file)) {
            new DraftStore(db).save("v7", "half-written answer");
        }

        Path moved = CacheRecovery.moveAside(file);
        Map<String, String> salvaged = CacheRecovery.salvageDrafts(moved);
        try (CacheDatabase fresh = CacheDatabase.open(file)) {
            new DraftStore(fresh).saveAll(salvaged);
        }

        try (CacheDatabase reopened = CacheDatabase.open(file)) {
            assertThat(new DraftStore(reopened).all()).containsExactly(Map.entry("v7", "half-written answer"));
            assertThat(new ConversationStore(reopened).conversationCount()).isZero();
        }
        assertThat(moved).exists();
    }
}

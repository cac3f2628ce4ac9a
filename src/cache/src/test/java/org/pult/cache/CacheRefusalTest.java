package org.pult.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.cache.CacheOpenException.Problem;

class CacheRefusalTest {

    @TempDir
    Path dir;

    @Test
    void aFileFromANewerPultIsRefusedAndLeftByteForByteAsItWas() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFiles.execute(file, "CREATE TABLE future (x)", "INSERT INTO future VALUES (1)", "PRAGMA user_version = 999");
        byte[] before = Files.readAllBytes(file);

        CacheOpenException refusal = catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file));

        assertThat(refusal.problem()).isEqualTo(Problem.NEWER_SCHEMA);
        assertThat(refusal.file()).isEqualTo(file.toAbsolutePath());
        assertThat(refusal).hasMessageContaining("999")
                .hasMessageContaining("version " + CacheDatabase.SCHEMA_VERSION)
                .hasMessageContaining("written by a newer Pult");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("cache.db-wal")).doesNotExist();
    }

    @Test
    void aFileOfRandomBytesIsCorrupt() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFiles.writeRandomBytes(file, 3 * CacheFiles.PAGE_SIZE);

        CacheOpenException refusal = catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file));

        assertThat(refusal.problem()).isEqualTo(Problem.CORRUPT);
        assertThat(refusal.file()).isEqualTo(file.toAbsolutePath());
        assertThat(refusal).hasMessageContaining("damaged");
    }

    @Test
    void aCacheWithDamagedPagesIsCaughtAtOpen() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFiles.fillWithMessages(file);
        List<Integer> leaves = CacheFiles.leafPagesOf(file, "messages");
        assertThat(leaves).hasSizeGreaterThan(10);

        CacheFiles.overwritePages(file, List.of(leaves.get(leaves.size() / 2)));

        CacheOpenException refusal = catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file));
        assertThat(refusal.problem()).isEqualTo(Problem.CORRUPT);
        assertThat(refusal).hasMessageContaining("damaged");
    }

    @Test
    void aFolderThatCannotBeCreatedIsUnwritable() throws Exception {
        // Tests may run as root, whom permissions do not stop; a plain file cannot be a folder for anyone.
        Path notAFolder = Files.writeString(dir.resolve("afile"), "just a file");
        Path file = notAFolder.resolve("cache.db");

        CacheOpenException refusal = catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file));

        assertThat(refusal.problem()).isEqualTo(Problem.UNWRITABLE);
        assertThat(refusal.file()).isEqualTo(file.toAbsolutePath());
        assertThat(refusal).hasMessageContaining(notAFolder.toString()).hasMessageContaining("folder");
    }

    @Test
    void aFolderWhereTheFileShouldBeIsUnwritable() throws Exception {
        Path file = Files.createDirectory(dir.resolve("cache.db"));

        CacheOpenException refusal = catchThrowableOfType(CacheOpenException.class, () -> CacheDatabase.open(file));

        assertThat(refusal.problem()).isEqualTo(Problem.UNWRITABLE);
    }
}

package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinphoneEngineProbeTest {

    private final LinphoneEngineProbe engine = new LinphoneEngineProbe();

    @BeforeAll
    static void loadLibrary() {
        TestLibrary.ensureLoaded();
    }

    @Test
    void startsACoreThatKeepsItsConfigDatabaseAndPluginsInTheWorkDirectory(@TempDir Path workDir) {
        assertThat(engine.selfTest(workDir)).isEmpty();

        // Files the core writes only once it is running prove it really started, and started here.
        assertThat(workDir.resolve("linphonerc")).isRegularFile();
        assertThat(workDir.resolve("linphone.db")).isRegularFile();
        assertThat(workDir.resolve("msplugins")).isEmptyDirectory();
    }

    @Test
    void reportsAMissingWorkDirectoryInsteadOfStartingTheCore(@TempDir Path parent) {
        assertThat(engine.selfTest(parent.resolve("missing"))).hasValueSatisfying(
                error -> assertThat(error).contains("missing or not writable"));
    }

    @Test
    void passesPathsOutsideAsciiAndTheBmpThroughUnchanged(@TempDir Path parent) throws IOException {
        String name = "оператор-\uD83D\uDCDE";
        // Under a C/POSIX locale the JDK itself cannot name such a folder, so there is nothing to test.
        assumeTrue(Charset.forName(System.getProperty("sun.jnu.encoding")).newEncoder().canEncode(name));
        Path workDir = Files.createDirectory(parent.resolve(name));

        assertThat(engine.selfTest(workDir)).isEmpty();
        assertThat(workDir.resolve("linphonerc")).isRegularFile();
    }

    @Test
    void reportsTheEngineVersion() {
        assertThat(engine.engineVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}

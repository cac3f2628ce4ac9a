package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.softphone.SoftphoneAvailability.Available;
import org.pult.softphone.SoftphoneAvailability.Reason;
import org.pult.softphone.SoftphoneAvailability.Unavailable;

class SoftphoneProbeTest {

    @TempDir
    Path workDir;

    @Test
    void reportsTheEngineAvailableWithItsVersionOnceACoreHasStarted() {
        SoftphoneAvailability availability = new SoftphoneProbe(NativeLibraryLoader.fromSystemProperties()).probe(workDir);

        assertThat(availability).isInstanceOfSatisfying(Available.class,
                available -> assertThat(available.engineVersion()).matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void leavesNoSelfTestFilesInTheWorkDirectory() throws IOException {
        new SoftphoneProbe(NativeLibraryLoader.forFile(TestLibrary.file())).probe(workDir);

        try (var entries = Files.list(workDir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void reportsAWorkDirectoryThatCannotBeCreatedAsEngineStartFailed() throws IOException {
        Path notAFolder = Files.writeString(workDir.resolve("occupied"), "a file where a folder should be");

        SoftphoneAvailability availability =
                new SoftphoneProbe(NativeLibraryLoader.forFile(TestLibrary.file())).probe(notAFolder);

        assertThat(availability).isInstanceOfSatisfying(Unavailable.class, unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(Reason.ENGINE_START_FAILED);
            assertThat(unavailable.detail()).contains(notAFolder.toString());
        });
    }

    @Test
    void reportsAMissingLibraryWithoutTouchingTheEngine() {
        Path missing = workDir.resolve("nowhere/libpultphone.so");

        SoftphoneAvailability availability = new SoftphoneProbe(NativeLibraryLoader.forFile(missing)).probe(workDir);

        assertThat(availability).isInstanceOfSatisfying(Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).isEqualTo(Reason.LIBRARY_NOT_FOUND));
    }
}

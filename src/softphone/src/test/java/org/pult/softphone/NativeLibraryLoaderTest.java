package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.softphone.SoftphoneAvailability.Reason;
import org.pult.softphone.SoftphoneAvailability.Unavailable;

class NativeLibraryLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheBuiltLibrary() {
        assertThat(NativeLibraryLoader.forFile(TestLibrary.file()).ensureLoaded()).isEmpty();
    }

    @Test
    void reportsANonexistentFileAsNotFoundWithItsPath() {
        Path missing = dir.resolve("libpultphone.so");

        Optional<Unavailable> failure = NativeLibraryLoader.forFile(missing).ensureLoaded();

        assertThat(failure).hasValueSatisfying(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(Reason.LIBRARY_NOT_FOUND);
            assertThat(unavailable.detail()).contains(missing.toString());
        });
    }

    @Test
    void reportsAFileThatIsNotASharedLibraryAsLoadFailedAndKeepsRunning() throws IOException {
        Path junk = Files.writeString(dir.resolve("libpultphone.so"), "this is not an ELF file");

        Optional<Unavailable> failure = NativeLibraryLoader.forFile(junk).ensureLoaded();

        assertThat(failure).hasValueSatisfying(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(Reason.LIBRARY_LOAD_FAILED);
            assertThat(unavailable.detail()).contains(junk.toString());
        });
        assertThat(NativeLibraryLoader.forFile(TestLibrary.file()).ensureLoaded())
                .as("the JVM is still healthy enough to load the real library")
                .isEmpty();
    }

    @Test
    void reportsAMissingLiblinphoneAsLoadFailedNamingThePackageToInstall() throws IOException {
        Path withoutEngine = copyNeedingAbsentEngine(dir.resolve("libpultphone.so"));

        Optional<Unavailable> failure = NativeLibraryLoader.forFile(withoutEngine).ensureLoaded();

        assertThat(failure).hasValueSatisfying(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(Reason.LIBRARY_LOAD_FAILED);
            assertThat(unavailable.detail()).contains("liblinphonX.so.10").contains("apt-get install liblinphone10");
        });
    }

    @Test
    void triesTheFileOnlyOnceAndRepeatsTheFirstOutcome() throws IOException {
        Path junk = Files.writeString(dir.resolve("libpultphone.so"), "junk");
        NativeLibraryLoader loader = NativeLibraryLoader.forFile(junk);
        Optional<Unavailable> first = loader.ensureLoaded();

        Files.delete(junk);

        assertThat(loader.ensureLoaded()).isSameAs(first);
    }

    @Test
    void reportsALibraryAbsentFromJavaLibraryPathAsNotFound() {
        assumeFalse(TestLibrary.isOnJavaLibraryPath(), "libpultphone is installed system-wide here");

        Optional<Unavailable> failure = NativeLibraryLoader.onLibraryPath().ensureLoaded();

        assertThat(failure).hasValueSatisfying(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo(Reason.LIBRARY_NOT_FOUND);
            assertThat(unavailable.detail()).contains("java.library.path");
        });
    }

    /**
     * A user without liblinphone installed, simulated: the same library, but its dependency renamed
     * (same length, so the ELF stays valid) to one that no machine has.
     */
    private static Path copyNeedingAbsentEngine(Path target) throws IOException {
        byte[] elf = Files.readAllBytes(TestLibrary.file());
        byte[] needed = "liblinphone.so.10".getBytes(StandardCharsets.US_ASCII);
        byte[] absent = "liblinphonX.so.10".getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + needed.length <= elf.length; i++) {
            if (Arrays.equals(elf, i, i + needed.length, needed, 0, needed.length)) {
                System.arraycopy(absent, 0, elf, i, absent.length);
                replaced++;
            }
        }
        assertThat(replaced).as("libpultphone.so must name liblinphone.so.10 as a dependency").isPositive();
        return Files.write(target, elf);
    }
}

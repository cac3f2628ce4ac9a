package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The libpultphone.so that softphone-native just built, as named by the surefire configuration. */
final class TestLibrary {

    private TestLibrary() {
    }

    static Path file() {
        String configured = System.getProperty(NativeLibraryLoader.LIBRARY_PROPERTY);
        assertThat(configured)
                .as("surefire must set -D%s to softphone-native's build output", NativeLibraryLoader.LIBRARY_PROPERTY)
                .isNotBlank();
        Path library = Path.of(configured);
        assertThat(library).as("build softphone-native first").isRegularFile();
        return library;
    }

    static void ensureLoaded() {
        assertThat(NativeLibraryLoader.forFile(file()).ensureLoaded()).isEmpty();
    }

    static boolean isOnJavaLibraryPath() {
        String mapped = System.mapLibraryName(NativeLibraryLoader.LIBRARY_NAME);
        for (String dir : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.exists(Path.of(dir, mapped))) {
                return true;
            }
        }
        return false;
    }
}

package org.pult.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The C code compiles against checked-in headers; javac -h regenerates them on every build.
 * When a native method changes, this fails until the headers are copied over, instead of the
 * mismatch surfacing as an UnsatisfiedLinkError on a user's machine.
 */
class JniHeaderDriftTest {

    private static final String FIX = "regenerated headers differ from the checked-in ones; run: "
            + "cp src/softphone/target/generated-headers/*.h softphone-native/include/";

    private final Path generated = Path.of(System.getProperty("pult.headers.generated"));
    private final Path checkedIn = Path.of(System.getProperty("pult.headers.checkedIn"));

    @Test
    void theSameHeadersExistOnBothSides() throws IOException {
        assertThat(headerNames(generated)).as("javac -h produced no header; is -h configured?").isNotEmpty();
        assertThat(headerNames(checkedIn)).as(FIX).isEqualTo(headerNames(generated));
    }

    @Test
    void everyCheckedInHeaderMatchesItsRegeneratedTwin() throws IOException {
        for (String name : headerNames(generated)) {
            Path checkedInHeader = checkedIn.resolve(name);
            assertThat(checkedInHeader).as(FIX).isRegularFile();
            assertThat(normalized(checkedInHeader)).as(FIX + " (" + name + ")").isEqualTo(normalized(generated.resolve(name)));
        }
    }

    private static List<String> headerNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".h")).sorted().toList();
        }
    }

    // A Windows checkout may turn LF into CRLF; that is not drift.
    private static String normalized(Path header) throws IOException {
        return Files.readString(header).replace("\r\n", "\n");
    }
}

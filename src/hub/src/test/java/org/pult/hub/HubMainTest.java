package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.core.api.ApiPaths;

/** Runs {@link HubMain} as a real process, the way {@code java -jar pult-hub.jar} does. */
class HubMainTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void badArgumentsExitWithCode2AndUsage() throws Exception {
        Process process = hubProcess("--port", "eighty", "--data", dataDir.toString()).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).contains("Port must be a number").contains("Usage: java -jar pult-hub.jar");
    }

    @Test
    void theHubRunsWithItsDataDirectoryFromTheEnvironment() throws Exception {
        ProcessBuilder builder = hubProcess("--port", "0").redirectErrorStream(true);
        builder.environment().put("PULT_HUB_DATA", dataDir.toString());
        Process process = builder.start();
        try {
            URI base = awaitListening(process);

            ApiCalls api = new ApiCalls(base);
            assertThat(api.get(ApiPaths.HEALTH, null).statusCode()).isEqualTo(200);
            assertThat(dataDir.resolve("hub.db")).exists();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("hub stops on SIGTERM").isTrue();
        }
    }

    private static URI awaitListening(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("The hub exited without listening:\n" + seen);
    }

    private static ProcessBuilder hubProcess(String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), HubMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}

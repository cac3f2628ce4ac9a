package org.pult.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stand-alone hub as a separate process ({@code java -jar pult-hub.jar}), so a test can kill
 * it the hard way and start it again on the same port and data.
 */
final class HubProcess implements AutoCloseable {

    /** Built by the hub module before this one (sync depends on it). */
    static final Path JAR = Path.of("..", "hub", "target", "pult-hub.jar").toAbsolutePath().normalize();

    private final int port;
    private final Path dataDir;
    private Process process;

    private HubProcess(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    static HubProcess start(Path dataDir) throws IOException, InterruptedException {
        HubProcess hub = new HubProcess(freePort(), dataDir);
        hub.start();
        return hub;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the hub on its port and data folder and returns once it listens. */
    void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No " + JAR + ": build the hub module first (mvn -pl src/hub package)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar",
                JAR.toString(), "--port", Integer.toString(port), "--data", dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            listening.completeExceptionally(new IllegalStateException("The hub exited"));
        });
        try {
            listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            synchronized (output) {
                throw new IllegalStateException("The hub did not start:\n" + output, e);
            }
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no goodbye to clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

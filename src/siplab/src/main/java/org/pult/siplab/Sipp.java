package org.pult.siplab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code /usr/bin/sipp} (Debian package sip-tester) for one call against 127.0.0.1, with a
 * time limit, its messages and errors logged under {@link LabLogs#directory()}. Exit code 0 means
 * the scenario completed as written; see {@link CommandResult#describe()} for what it printed.
 */
public final class Sipp {

    public static final Path BINARY = Path.of("/usr/bin/sipp");
    /** The packaged captures the built-in {@code uac_pcap} scenario plays ({@code pcap/g711a.pcap}, DTMF). */
    public static final Path CAPTURES = Path.of("/usr/share/sip-tester");

    private Sipp() {
    }

    /**
     * The built-in {@code uac_pcap} scenario: INVITE {@code service@127.0.0.1:port} (PCMA), expects 200,
     * ACKs, replays the packaged 8 s G.711 A-law capture and an RFC 4733 DTMF '1', then BYE.
     */
    public static CommandResult uacPcap(int port, String service, Duration timeout) {
        return run(List.of("-sn", "uac_pcap", "-s", service), port, "uac_pcap", timeout);
    }

    /**
     * A well-formed but unusual INVITE (compact headers, odd spacing, unknown headers and codec) to
     * {@code service@127.0.0.1:port}; completes when the callee rejects it with 486 or 603.
     */
    public static CommandResult oddInvite(int port, String service, Duration timeout) {
        return scenario("odd-invite.xml", port, service, timeout);
    }

    /**
     * The built-in {@code uas} scenario on 127.0.0.1:{@code localPort}: answers one call (180, 200) and
     * its BYE. A peer for checking a caller; run it with {@link #async}.
     */
    public static CommandResult uas(int localPort, Duration timeout) {
        return launch(workDirectory(), List.of("-sn", "uas"), null, localPort, "uas", timeout);
    }

    /** OPTIONS to the server at {@code port}; completes on 200. */
    public static CommandResult options(int port, Duration timeout) {
        return scenario("options.xml", port, "options", timeout);
    }

    /** A scenario from this jar's {@code org/pult/siplab/sipp/} folder. */
    public static CommandResult scenario(String resource, int port, String service, Duration timeout) {
        Path directory = workDirectory();
        Path scenario = directory.resolve(resource);
        try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sipp scenario org/pult/siplab/sipp/" + resource);
            }
            Files.copy(in, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run(directory, List.of("-sf", scenario.toString(), "-s", service), port,
                resource.replace(".xml", ""), timeout);
    }

    /** Runs any of the above on a virtual thread, e.g. while the test drives the callee. */
    public static CompletableFuture<CommandResult> async(java.util.function.Supplier<CommandResult> run) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        Thread.ofVirtual().name("sipp").start(() -> {
            try {
                result.complete(run.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static CommandResult run(List<String> scenarioArguments, int port, String name, Duration timeout) {
        return run(workDirectory(), scenarioArguments, port, name, timeout);
    }

    private static CommandResult run(Path directory, List<String> scenarioArguments, int port, String name,
            Duration timeout) {
        return launch(directory, scenarioArguments, "127.0.0.1:" + port, FreePorts.udpAndTcp(), name, timeout);
    }

    /** @param remote where to send the first request; null for a scenario that waits for one */
    private static CommandResult launch(Path directory, List<String> scenarioArguments, String remote, int localPort,
            String name, Duration timeout) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("sipp is not installed (" + BINARY + " missing): apt-get install sip-tester");
        }
        String stamp = name + "-" + Instant.now().toString().replace(':', '-');
        Path logs = LabLogs.directory();
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        if (remote != null) {
            command.add(remote);
        }
        command.addAll(scenarioArguments);
        command.addAll(List.of("-i", "127.0.0.1", "-p", Integer.toString(localPort),
                "-mp", Integer.toString(evenFreePort()), "-m", "1", "-l", "1", "-nostdin",
                "-timeout", Math.max(1, timeout.toSeconds() - 1) + "s", "-timeout_error",
                "-trace_msg", "-message_file", logs.resolve("sipp-" + stamp + "-messages.log").toString(),
                "-trace_err", "-error_file", logs.resolve("sipp-" + stamp + "-errors.log").toString()));
        try {
            return ExternalCommand.run(command, directory, timeout.plusSeconds(5));
        } finally {
            deleteTree(directory);
        }
    }

    /** Deletes the temp folder; the {@code pcap} link is removed, not followed. */
    private static void deleteTree(Path directory) {
        try (java.util.stream.Stream<Path> tree = Files.walk(directory)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** A temp folder where {@code pcap/} points at the packaged captures, as the built-in scenarios expect. */
    private static Path workDirectory() {
        try {
            Path directory = Files.createTempDirectory("pult-sipp-");
            if (Files.isDirectory(CAPTURES)) {
                Files.createSymbolicLink(directory.resolve("pcap"), CAPTURES);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp folder for sipp", e);
        }
    }

    /** RTP wants an even port with the odd one above it free for RTCP. */
    private static int evenFreePort() {
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.udpAndTcp();
            if (port % 2 == 0 && port < 65534 && FreePorts.isFree(port + 1)) {
                return port;
            }
        }
        return FreePorts.udpAndTcp();
    }
}

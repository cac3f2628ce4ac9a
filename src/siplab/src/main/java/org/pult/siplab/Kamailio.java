package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kamailio (registrar + record-route proxy with digest authentication) on 127.0.0.1, run as
 * a child process in the foreground on free UDP/TCP (same number) and TLS ports. Location lives in
 * memory, so a {@link #restart()} forgets every registration, like a registrar restarted mid-shift.
 *
 * <p>Several fixtures may run at once: each has its own ports, temp folder and log file
 * ({@link #log()}, under {@link LabLogs#directory()}). A JVM shutdown hook kills any that were not
 * stopped, and {@link OrphanGuard} kills Kamailio even when the JVM dies without running hooks.
 */
public final class Kamailio implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Kamailio.class);

    /** The SIP domain, digest realm and listening address. */
    public static final String DOMAIN = "127.0.0.1";
    public static final Path BINARY = Path.of("/usr/sbin/kamailio");
    static final Path MODULES = Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules");
    private static final String INSTALL_HINT = "apt-get install kamailio kamailio-tls-modules";
    private static final int START_ATTEMPTS = 3;

    private final Map<String, String> users;
    private final Settings settings;
    private final Path workDirectory;
    private final TestCa ca;
    private final Path log;
    private int udpTcpPort;
    private int tlsPort;
    private Path config;
    /** The {@link OrphanGuard} wrapper; Kamailio itself is {@link #program}. */
    private Process process;
    private ProcessHandle program;

    private Kamailio(Map<String, String> users, Settings settings, Path workDirectory, TestCa ca, Path log) {
        this.users = users;
        this.settings = settings;
        this.workDirectory = workDirectory;
        this.ca = ca;
        this.log = log;
    }

    /** Starts a Kamailio knowing these users (name to digest password), with default settings. */
    public static Kamailio start(Map<String, String> users) {
        return builder().users(users).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int udpPort() {
        return udpTcpPort;
    }

    public int tcpPort() {
        return udpTcpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public String domain() {
        return DOMAIN;
    }

    /**
     * The CA that signed the TLS listener's certificate; its {@link TestCa#caPem()} is what clients trust.
     * Unless one was given to the builder, its files live in the temp folder {@link #close()} deletes.
     */
    public TestCa ca() {
        return ca;
    }

    /** Kamailio's stderr (and stdout), appended across restarts. */
    public Path log() {
        return log;
    }

    /** The generated kamailio.cfg (in the temp folder; deleted by {@link #close()}). */
    public Path config() {
        return config;
    }

    /** {@code sip:user@127.0.0.1}. */
    public String addressOf(String user) {
        return "sip:" + user + "@" + DOMAIN;
    }

    /** The registrar without transport parameter, e.g. {@code sip:127.0.0.1:5071} for "tls". */
    public String registrarUri(String transport) {
        return "sip:" + DOMAIN + ":" + port(transport);
    }

    /** {@code udp}, {@code tcp} or {@code tls} to its port. */
    public int port(String transport) {
        return switch (transport.toLowerCase(java.util.Locale.ROOT)) {
            case "udp" -> udpPort();
            case "tcp" -> tcpPort();
            case "tls" -> tlsPort();
            default -> throw new IllegalArgumentException("transport must be udp, tcp or tls: " + transport);
        };
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && program != null && program.isAlive();
    }

    /** Kamailio's main process's PID; empty when stopped. */
    public synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(program.pid()) : Optional.empty();
    }

    /** Stops Kamailio (SIGTERM to its main process by PID, SIGKILL after 5 s) and waits until it and its children are gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        OrphanGuard.stop(process, program, Duration.ofSeconds(5));
        LabLogs.note(log, "stopped (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")");
        process = null;
        program = null;
    }

    /** Stops if running, then starts again on the same ports with the same users; location starts empty. */
    public synchronized void restart() {
        stop();
        awaitPortsReleased(Duration.ofSeconds(15));
        Failure failure = launchAndAwaitReady();
        if (failure != null) {
            throw new IllegalStateException("Kamailio did not come back on the same ports (udp/tcp " + udpTcpPort
                    + ", tls " + tlsPort + "): " + failure.message + "\n--- " + log + " ---\n" + LabLogs.tail(log, 3000));
        }
    }

    /** Stops and deletes the temp folder (config and passwords). The log stays. */
    @Override
    public synchronized void close() {
        stop();
        LabFiles.deleteTree(workDirectory);
    }

    @Override
    public String toString() {
        return "Kamailio[udp/tcp " + udpTcpPort + ", tls " + tlsPort + ", log " + log + "]";
    }

    private void firstStart() {
        Failure failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            udpTcpPort = FreePorts.udpAndTcp();
            tlsPort = FreePorts.tcp();
            config = KamailioConfig.write(workDirectory, users, udpTcpPort, tlsPort, ca, settings.minExpires,
                    settings.maxExpires);
            failure = launchAndAwaitReady();
            if (failure == null) {
                LOG.info("Kamailio ready: udp/tcp {}, tls {}, log {}", udpTcpPort, tlsPort, log);
                return;
            }
            stop();
            if (!failure.portTaken) {
                break;
            }
            LOG.info("Kamailio port taken by someone else, retrying with new ports: {}", failure.message);
        }
        close();
        throw new IllegalStateException("Kamailio did not start: " + failure.message + "\n--- " + log + " ---\n"
                + LabLogs.tail(log, 4000));
    }

    /** Null when ready, else why not. */
    private Failure launchAndAwaitReady() {
        List<String> command = List.of(BINARY.toString(), "-DD", "-E", "-f", config.toString(), "-m",
                Integer.toString(settings.sharedMemoryMb), "-M", "8", "-Y", workDirectory.toString(), "-w",
                workDirectory.toString());
        LabLogs.note(log, "starting: " + String.join(" ", command));
        try {
            process = OrphanGuard.start(command, workDirectory, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + BINARY + " (" + INSTALL_HINT + ")", e);
        }
        program = OrphanGuard.program(process, BINARY.toString(), Duration.ofSeconds(5)).orElse(null);
        long deadline = System.nanoTime() + settings.startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || program == null) {
                if (process.isAlive()) {
                    return new Failure("the wrapper did not start " + BINARY, false);
                }
                String tail = LabLogs.tail(log, 2000);
                boolean portTaken = tail.contains("Address already in use");
                return new Failure("kamailio exited with code " + process.exitValue(), portTaken);
            }
            if (isReady()) {
                return null;
            }
            LabFiles.sleep(Duration.ofMillis(100));
        }
        return new Failure("not ready within " + settings.startTimeout.toSeconds() + " s", false);
    }

    /** Answers OPTIONS on UDP and accepts TCP and TLS connections. */
    private boolean isReady() {
        return accepts(udpTcpPort) && accepts(tlsPort)
                && UdpSipProbe.options(udpTcpPort, Duration.ofMillis(500)).map(r -> r.status() == 200).orElse(false);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.loopback(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitPortsReleased(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !(FreePorts.isFree(udpTcpPort) && FreePorts.isFree(tlsPort))) {
            LabFiles.sleep(Duration.ofMillis(200));
        }
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Kamailio is not installed (" + BINARY + " missing): " + INSTALL_HINT);
        }
        if (!Files.exists(MODULES.resolve("tls.so"))) {
            throw new IllegalStateException("Kamailio's TLS module is missing (" + MODULES.resolve("tls.so") + "): "
                    + INSTALL_HINT);
        }
    }

    private record Failure(String message, boolean portTaken) {
    }

    private record Settings(Duration minExpires, Duration maxExpires, Duration startTimeout, int sharedMemoryMb) {
    }

    /** Users, registration lifetime bounds, CA; then {@link #start()}. */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private Duration minExpires = Duration.ofSeconds(10);
        private Duration maxExpires = Duration.ofSeconds(3600);
        private Duration startTimeout = Duration.ofSeconds(20);
        private TestCa ca;

        private Builder() {
        }

        /** Adds a user with its digest password. */
        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        public Builder users(Map<String, String> namesToPasswords) {
            users.putAll(namesToPasswords);
            return this;
        }

        /**
         * The longest registration Kamailio grants (it answers with this Expires when a client asks more),
         * so clients refresh often: use a short one to see a restarted registrar noticed quickly.
         */
        public Builder maxExpires(Duration duration) {
            maxExpires = duration;
            if (minExpires.compareTo(duration) > 0) {
                minExpires = duration;
            }
            return this;
        }

        /** The TLS certificate's CA; by default a new one per fixture. */
        public Builder ca(TestCa testCa) {
            ca = testCa;
            return this;
        }

        public Builder startTimeout(Duration duration) {
            startTimeout = duration;
            return this;
        }

        public Kamailio start() {
            requireInstalled();
            KamailioConfig.validate(users);
            Path work;
            try {
                work = Files.createTempDirectory("pult-kamailio-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp folder for Kamailio", e);
            }
            TestCa testCa = ca != null ? ca : TestCa.create(work.resolve("ca"));
            Path log = LabLogs.directory().resolve("kamailio-" + Instant.now().toString().replace(':', '-') + "-"
                    + work.getFileName() + ".log");
            Kamailio kamailio = new Kamailio(Map.copyOf(users), new Settings(minExpires, maxExpires, startTimeout, 32),
                    work, testCa, log);
            kamailio.firstStart();
            return kamailio;
        }
    }
}

package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real coturn ({@code turnserver}, Debian package coturn) as STUN and TURN server on 127.0.0.1 (or
 * another local address, {@link Builder#host}), run as a child process in the foreground on a free UDP
 * port, with relays from a narrow free UDP port range on the same address and the long-term credential mechanism for the users a test passes in. No TCP,
 * TLS, DTLS, CLI or web admin listeners, and no system config ({@code /etc/turnserver.conf}) or
 * database: the users and realm live in a config file in its temp folder (owner only), the SQLite
 * database it insists on there too. Loopback peers are allowed, since most phones in the lab are on
 * 127.0.0.1.
 *
 * <p>It logs verbosely (every TURN request it processed, with realm and user) to {@link #log()}, under
 * {@link LabLogs#directory()}; {@link #allocations(String)} and {@link #rejectedCredentials(String)}
 * read it, so a test can prove that an engine used the relay. Stopped by its PID; a JVM shutdown hook
 * and {@link OrphanGuard} make sure it never outlives the test JVM. It does not use or disturb a coturn
 * system service (Debian's package installs one, on port 3478): its ports are free ones.
 */
public final class Coturn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Coturn.class);

    public static final Path BINARY = Path.of("/usr/bin/turnserver");
    public static final String DEFAULT_REALM = "pult.lab";
    private static final String INSTALL_HINT = "apt-get install coturn";
    private static final int START_ATTEMPTS = 3;
    /** Each TURN allocation takes one relay port (two with an even-port reservation); two phones need a handful. */
    private static final int RELAY_PORTS = 40;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~+-]+");

    private final Map<String, String> users;
    private final InetAddress host;
    private final String realm;
    private final Duration startTimeout;
    private final Path workDirectory;
    private final Path log;
    private int port;
    private int minRelayPort;
    private List<String> command = List.of();
    private Process process;
    private ProcessHandle program;

    private Coturn(Map<String, String> users, InetAddress host, String realm, Duration startTimeout, Path workDirectory,
            Path log) {
        this.users = users;
        this.host = host;
        this.realm = realm;
        this.startTimeout = startTimeout;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    /** A coturn knowing one user, in {@link #DEFAULT_REALM}. */
    public static Coturn start(String user, String password) {
        return builder().user(user, password).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address it listens on and relays from (127.0.0.1 unless the builder said otherwise). */
    public InetAddress host() {
        return host;
    }

    /** The STUN/TURN port (UDP) on {@link #host()}. */
    public int port() {
        return port;
    }

    /** {@code host:port}, as a STUN/TURN server setting. */
    public String address() {
        return host.getHostAddress() + ":" + port;
    }

    /** The realm of the long-term credentials. */
    public String realm() {
        return realm;
    }

    public int minRelayPort() {
        return minRelayPort;
    }

    public int maxRelayPort() {
        return minRelayPort + RELAY_PORTS - 1;
    }

    /** coturn's output (and the lab's notes), appended across a stop and a start. */
    public Path log() {
        return log;
    }

    /** How coturn was started (the users and passwords are in the config file, not here). */
    public List<String> command() {
        return command;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && program != null && program.isAlive();
    }

    /** coturn's PID; empty when stopped. */
    public synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(program.pid()) : Optional.empty();
    }

    /** How many TURN allocations coturn granted to {@code user} so far (each successful Allocate request). */
    public int allocations(String user) {
        return count("user <" + user + ">: incoming packet ALLOCATE processed, success");
    }

    /** How many of {@code user}'s requests coturn refused for a wrong password so far. */
    public int rejectedCredentials(String user) {
        return count("check_stun_auth: user " + user + " credentials are incorrect");
    }

    /**
     * How many permissions and channel bindings coturn granted to {@code user}'s allocations: a relay
     * gets these when its client sends through it to a peer (ICE connectivity checks, media).
     */
    public int permissions(String user) {
        return count("user <" + user + ">: incoming packet CREATE_PERMISSION processed, success")
                + count("user <" + user + ">: incoming packet CHANNEL_BIND processed, success");
    }

    /** The lines of the log that name {@code user} (for assertion messages). */
    public String linesAbout(String user) {
        StringBuilder text = new StringBuilder();
        for (String line : logText().split("\n")) {
            if (line.contains("<" + user + ">") || line.contains("user " + user + " ")) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /** Stops coturn (SIGTERM to its PID, SIGKILL after 5 s) and waits until it is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        OrphanGuard.stop(process, program, Duration.ofSeconds(5));
        LabLogs.note(log, "stopped (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")");
        process = null;
        program = null;
    }

    /** Stops and deletes the temp folder (config with the passwords, database). The log stays. */
    @Override
    public synchronized void close() {
        stop();
        LabFiles.deleteTree(workDirectory);
    }

    @Override
    public String toString() {
        return "Coturn[" + address() + ", relays " + minRelayPort + "-" + maxRelayPort() + ", realm " + realm + ", log "
                + log + "]";
    }

    private int count(String needle) {
        String text = logText();
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private void firstStart() {
        Path config = writeConfig();
        String failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            port = FreePorts.udpAndTcp();
            minRelayPort = FreePorts.udpRange(RELAY_PORTS);
            long logBefore = logSize();
            failure = launchAndAwaitReady(config);
            if (failure == null) {
                LOG.info("coturn ready: {}, relays {}-{}, log {}", address(), minRelayPort, maxRelayPort(), log);
                return;
            }
            stop();
            if (!logSince(logBefore).contains("Address already in use")) {
                break;
            }
            LOG.info("coturn port taken by someone else, retrying with new ports: {}", failure);
        }
        close();
        throw new IllegalStateException("coturn did not start: " + failure + "\n--- " + log + " ---\n"
                + LabLogs.tail(log, 4000));
    }

    /** Null when ready, else why not. */
    private String launchAndAwaitReady(Path config) {
        command = List.of(BINARY.toString(), "-c", config.toString(), "--verbose",
                "--listening-ip=" + host.getHostAddress(), "--relay-ip=" + host.getHostAddress(),
                "--listening-port=" + port,
                "--min-port=" + minRelayPort, "--max-port=" + maxRelayPort(),
                "--lt-cred-mech", "--fingerprint", "--allow-loopback-peers",
                "--no-tcp", "--no-tls", "--no-dtls", "--no-tcp-relay", "--no-cli", "--no-rfc5780",
                "--no-software-attribute", "--log-file=stdout", "--simple-log", "--new-log-timestamp",
                "--pidfile=" + workDirectory.resolve("turnserver.pid"), "--userdb=" + workDirectory.resolve("turndb"));
        LabLogs.note(log, "starting: " + String.join(" ", command));
        try {
            process = OrphanGuard.start(command, workDirectory, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + BINARY + " (" + INSTALL_HINT + ")", e);
        }
        program = OrphanGuard.program(process, BINARY.toString(), Duration.ofSeconds(5)).orElse(null);
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || program == null || !program.isAlive()) {
                return process.isAlive() ? "the wrapper did not start " + BINARY
                        : "turnserver exited with code " + process.exitValue();
            }
            if (StunProbe.binding(host, port, Duration.ofMillis(300)).isPresent()) {
                return null;
            }
            LabFiles.sleep(Duration.ofMillis(100));
        }
        return "no answer to a STUN Binding request within " + startTimeout.toSeconds() + " s";
    }

    /** realm and user lines; readable by the owner only, never logged. */
    private Path writeConfig() {
        StringBuilder text = new StringBuilder("# written by org.pult.siplab.Coturn\nrealm=").append(realm).append('\n');
        users.forEach((user, password) -> text.append("user=").append(user).append(':').append(password).append('\n'));
        Path file = workDirectory.resolve("turnserver.conf");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        String text = LabLogs.tail(log, Integer.MAX_VALUE);
        return offset < text.length() ? text.substring((int) offset) : "";
    }

    /** Users (name and password) and realm; then {@link #start()}. */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private String realm = DEFAULT_REALM;
        private InetAddress host = FreePorts.loopback();
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /**
         * Listen and relay on this local address instead of 127.0.0.1; the free ports are still checked on 127.0.0.1
         * only. Anyone who can reach that address may use the server with the test credentials while it runs.
         */
        public Builder host(InetAddress address) {
            host = address;
            return this;
        }

        public Builder realm(String name) {
            realm = name;
            return this;
        }

        public Builder startTimeout(Duration duration) {
            startTimeout = duration;
            return this;
        }

        public Coturn start() {
            if (!Files.isExecutable(BINARY)) {
                throw new IllegalStateException("coturn is not installed (" + BINARY + " missing): " + INSTALL_HINT);
            }
            validate();
            Path work;
            try {
                work = Files.createTempDirectory("pult-coturn-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp folder for coturn", e);
            }
            Path log = LabLogs.directory().resolve("coturn-" + Instant.now().toString().replace(':', '-') + "-"
                    + work.getFileName() + ".log");
            Coturn coturn = new Coturn(Map.copyOf(users), host, realm, startTimeout, work, log);
            coturn.firstStart();
            return coturn;
        }

        /** Names and passwords go into a config file as {@code user=name:password}: no separators, no line breaks. */
        private void validate() {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("coturn needs at least one user");
            }
            if (!NAME.matcher(realm).matches()) {
                throw new IllegalArgumentException("realm '" + realm + "' must match " + NAME.pattern());
            }
            List<String> bad = new ArrayList<>();
            users.forEach((user, password) -> {
                if (!NAME.matcher(user).matches() || password.isEmpty()
                        || !NAME.matcher(password).matches()) {
                    bad.add(user);
                }
            });
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException("user names and passwords must match " + NAME.pattern() + ": " + bad);
            }
        }
    }
}

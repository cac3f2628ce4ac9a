package org.pult.siplab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sound devices for machines without a sound card: a private PulseAudio daemon (Debian packages
 * pulseaudio and pulseaudio-utils) with null sinks as speakers and headsets, and capture sources
 * whose sound a test plays into them. An engine in this JVM sees these devices when the JVM was
 * started with {@code PULSE_SERVER=unix:<socket>} in its environment (libpulse reads it from the
 * process environment, so it cannot be set from Java; Maven's surefire sets it, see
 * {@link #socketFromEnvironment()}).
 *
 * <ul>
 *   <li>A <b>sink</b> ({@link Builder#sink}) is a null sink: whatever plays into it can be recorded
 *       from its monitor ({@link #record}).</li>
 *   <li>A <b>source</b> ({@link Builder#source}) is a microphone: a remap source over the monitor of a
 *       hidden feed sink {@code <name>_feed}; {@link #play} into the source's name plays into that feed,
 *       and the source captures it. (Null sink monitors themselves are not offered as microphones by
 *       mediastreamer2.)</li>
 * </ul>
 *
 * <p>The daemon runs in the foreground under {@link OrphanGuard} (so it never outlives the JVM), with
 * its own HOME and runtime folders in a temp folder, no D-Bus, no shared memory, no autospawn and no
 * user service; it is stopped by its PID. Its log goes under {@link LabLogs#directory()}. One daemon
 * per socket path at a time.
 */
public final class PulseAudioLab implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PulseAudioLab.class);

    /** The environment variable libpulse reads: {@code unix:/path/to/socket}. */
    public static final String SERVER_VARIABLE = "PULSE_SERVER";
    public static final Path BINARY = Path.of("/usr/bin/pulseaudio");
    public static final Path PACTL = Path.of("/usr/bin/pactl");
    public static final Path PAPLAY = Path.of("/usr/bin/paplay");
    public static final Path PARECORD = Path.of("/usr/bin/parecord");
    private static final String INSTALL_HINT = "apt-get install pulseaudio pulseaudio-utils";
    /** sockaddr_un.sun_path holds 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    /** The rate the lab's devices and recordings run at. */
    public static final int SAMPLE_RATE = 48000;

    private final Path socket;
    private final Path workDirectory;
    private final Path log;
    private final Map<String, String> sinks;
    private final Map<String, String> sources;
    private final List<Playback> playbacks = new ArrayList<>();
    private final List<Recording> recordings = new ArrayList<>();
    private Process process;
    private ProcessHandle program;

    private PulseAudioLab(Path socket, Path workDirectory, Path log, Map<String, String> sinks,
            Map<String, String> sources) {
        this.socket = socket;
        this.workDirectory = workDirectory;
        this.log = log;
        this.sinks = sinks;
        this.sources = sources;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The socket named by {@code PULSE_SERVER=unix:<path>} in this process's environment: where the
     * daemon must listen for an engine in this JVM to find it.
     *
     * @throws IllegalStateException when the variable is not set or not a unix socket
     */
    public static Path socketFromEnvironment() {
        String server = System.getenv(SERVER_VARIABLE);
        if (server == null || !server.startsWith("unix:") || server.length() == "unix:".length()) {
            throw new IllegalStateException(SERVER_VARIABLE + " is " + (server == null ? "not set" : "'" + server + "'")
                    + ": an engine in this JVM finds the lab's PulseAudio only through " + SERVER_VARIABLE
                    + "=unix:<socket> in the JVM's environment (libpulse reads the environment, not system "
                    + "properties); set it in surefire's <environmentVariables>");
        }
        return Path.of(server.substring("unix:".length())).toAbsolutePath();
    }

    /** {@code unix:<socket>}, what a client's {@code PULSE_SERVER} must say. */
    public String server() {
        return "unix:" + socket;
    }

    public Path socket() {
        return socket;
    }

    /** The daemon's stderr and the lab's notes. */
    public Path log() {
        return log;
    }

    /** The device description of a sink or source, which is the name an engine lists it under. */
    public String description(String device) {
        String description = sinks.containsKey(device) ? sinks.get(device) : sources.get(device);
        if (description == null) {
            throw new IllegalArgumentException("no sink or source named " + device + "; sinks " + sinks.keySet()
                    + ", sources " + sources.keySet());
        }
        return description;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && program != null && program.isAlive();
    }

    /** The daemon's PID; empty when stopped. */
    public synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(program.pid()) : Optional.empty();
    }

    /** Runs {@code pactl} against this daemon, e.g. {@code pactl("list", "short", "sinks")}. */
    public CommandResult pactl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(PACTL.toString()));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(command, workDirectory, clientEnvironment(), COMMAND_TIMEOUT);
    }

    /**
     * Plays {@code wav} into the sink {@code device} (or into the feed of the source {@code device}),
     * again and again until the returned playback is closed. paplay paces itself in real time.
     */
    public synchronized Playback play(String device, Path wav) {
        String sink = sinks.containsKey(device) ? device : sources.containsKey(device) ? feedOf(device) : null;
        if (sink == null) {
            throw new IllegalArgumentException("no sink or source named " + device);
        }
        if (!Files.isRegularFile(wav)) {
            throw new IllegalArgumentException("no such WAV file: " + wav);
        }
        Playback playback = new Playback(List.of(PAPLAY.toString(), "--device=" + sink, wav.toAbsolutePath().toString()),
                device);
        playbacks.add(playback);
        playback.start();
        return playback;
    }

    /**
     * Starts recording what plays into the sink {@code sink} (its monitor) to {@code wav}: 16-bit mono
     * at {@link #SAMPLE_RATE}. {@link Recording#stop()} ends it and returns the samples.
     */
    public synchronized Recording record(String sink, Path wav) {
        if (!sinks.containsKey(sink)) {
            throw new IllegalArgumentException("no sink named " + sink + "; sinks " + sinks.keySet());
        }
        List<String> command = List.of(PARECORD.toString(), "--device=" + sink + ".monitor", "--file-format=wav",
                "--format=s16le", "--channels=1", "--rate=" + SAMPLE_RATE, "--latency-msec=20",
                wav.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(clientEnvironment());
        Process recorder;
        try {
            recorder = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + PARECORD + " (" + INSTALL_HINT + ")", e);
        }
        ChildProcesses.track(recorder);
        Recording recording = new Recording(recorder, sink, wav);
        recordings.add(recording);
        return recording;
    }

    /** Records {@code sink} for {@code duration} into {@code wav} and returns what it heard. */
    public PcmAudio record(String sink, Duration duration, Path wav) {
        Recording recording = record(sink, wav);
        LabFiles.sleep(duration);
        return recording.stop();
    }

    /** Stops playbacks, recordings and the daemon (SIGTERM by PID, SIGKILL after 5 s). */
    public synchronized void stop() {
        List.copyOf(playbacks).forEach(Playback::close);
        List.copyOf(recordings).forEach(Recording::stopQuietly);
        if (process == null) {
            return;
        }
        OrphanGuard.stop(process, program, Duration.ofSeconds(5));
        LabLogs.note(log, "stopped (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")");
        process = null;
        program = null;
    }

    /** Stops and deletes the temp folder; the log stays. */
    @Override
    public synchronized void close() {
        stop();
        LabFiles.deleteTree(workDirectory);
    }

    @Override
    public String toString() {
        return "PulseAudioLab[" + server() + ", sinks " + sinks + ", sources " + sources + ", log " + log + "]";
    }

    /** Environment of the lab's clients (pactl, paplay, parecord) and of the daemon: private folders only. */
    private Map<String, String> clientEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(SERVER_VARIABLE, server());
        environment.put("HOME", workDirectory.resolve("home").toString());
        environment.put("XDG_CONFIG_HOME", workDirectory.resolve("home/.config").toString());
        environment.put("XDG_RUNTIME_DIR", workDirectory.resolve("runtime").toString());
        environment.put("PULSE_RUNTIME_PATH", workDirectory.resolve("runtime/pulse").toString());
        environment.put("PULSE_STATE_PATH", workDirectory.resolve("state").toString());
        // No D-Bus: a desktop session's bus would otherwise learn of (and announce) this daemon.
        environment.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + workDirectory.resolve("no-dbus"));
        return environment;
    }

    private static String feedOf(String source) {
        return source + "_feed";
    }

    private String script() {
        StringBuilder script = new StringBuilder();
        script.append(".fail\n"); // a module that does not load stops the daemon, so start() reports it
        script.append("load-module module-native-protocol-unix socket=\"").append(socket).append("\" auth-anonymous=1\n");
        sinks.forEach((name, description) -> script.append(nullSink(name, description)));
        sources.forEach((name, description) -> {
            script.append(nullSink(feedOf(name), description + " feed"));
            script.append("load-module module-remap-source master=").append(feedOf(name)).append(".monitor source_name=")
                    .append(name).append(" source_properties=").append(properties(description)).append('\n');
        });
        return script.toString();
    }

    private static String nullSink(String name, String description) {
        return "load-module module-null-sink sink_name=" + name + " rate=" + SAMPLE_RATE
                + " sink_properties=" + properties(description) + "\n";
    }

    /** A module's property list naming the device; the outer quotes are the module argument's, the inner the property's. */
    private static String properties(String description) {
        return "'device.description=\"" + description + "\"'";
    }

    private void launch(Duration timeout) {
        Path config = workDirectory.resolve("default.pa");
        try {
            for (String folder : List.of("home/.config", "runtime/pulse", "state")) {
                Files.createDirectories(workDirectory.resolve(folder));
            }
            // PulseAudio refuses a runtime folder others may enter.
            for (String folder : List.of("runtime", "runtime/pulse")) {
                Files.setPosixFilePermissions(workDirectory.resolve(folder),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
            Files.writeString(config, script(), StandardCharsets.UTF_8);
            Files.createDirectories(socket.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workDirectory + " for PulseAudio", e);
        }
        if (Files.exists(socket)) {
            if (pactl("info").succeeded()) {
                throw new IllegalStateException("another PulseAudio already listens on " + socket
                        + "; only one lab daemon per socket at a time");
            }
            try {
                Files.deleteIfExists(socket); // left by a daemon that was killed
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the stale socket " + socket, e);
            }
        }
        List<String> command = List.of(BINARY.toString(), "--daemonize=no", "--system=no", "-n", "-F", config.toString(),
                "--exit-idle-time=-1", "--use-pid-file=no", "--disable-shm=yes", "--realtime=no",
                "--high-priority=no", "--log-target=stderr", "--log-level=notice");
        LabLogs.note(log, "starting: " + String.join(" ", command) + "\n" + script());
        try {
            process = OrphanGuard.start(command, workDirectory, log, clientEnvironment());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + BINARY + " (" + INSTALL_HINT + ")", e);
        }
        program = OrphanGuard.program(process, BINARY.toString(), Duration.ofSeconds(5)).orElse(null);
        long deadline = System.nanoTime() + timeout.toNanos();
        CommandResult info = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive() || program == null) {
                String why = process.isAlive() ? "the wrapper did not start " + BINARY
                        : "pulseaudio exited with code " + process.exitValue();
                fail(why);
            }
            if (Files.exists(socket)) {
                info = pactl("info");
                if (info.succeeded()) {
                    LOG.info("PulseAudio ready on {} (pid {}), log {}", socket, program.pid(), log);
                    return;
                }
            }
            LabFiles.sleep(Duration.ofMillis(100));
        }
        fail("not ready within " + timeout.toSeconds() + " s" + (info == null ? "" : "; " + info.describe()));
    }

    private void fail(String why) {
        close();
        throw new IllegalStateException("PulseAudio did not start: " + why + "\n--- " + log + " ---\n"
                + LabLogs.tail(log, 4000));
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("PulseAudio is not installed (" + BINARY + " missing); the audio device "
                    + "tests need it to stand in for a sound card: " + INSTALL_HINT);
        }
        for (Path tool : List.of(PACTL, PAPLAY, PARECORD)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException("PulseAudio's tools are not installed (" + tool + " missing): "
                        + INSTALL_HINT);
            }
        }
    }

    /** A WAV played into a device in a loop until closed. */
    public final class Playback implements AutoCloseable {
        private final List<String> command;
        private final String device;
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Process current;
        private volatile CommandResult lastFailure;

        private Playback(List<String> command, String device) {
            this.command = command;
            this.device = device;
            this.thread = Thread.ofVirtual().name("paplay-" + device).unstarted(this::loop);
        }

        private void start() {
            thread.start();
        }

        private void loop() {
            while (!stopped) {
                long started = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(clientEnvironment());
                try {
                    Process process = builder.start();
                    ChildProcesses.track(process);
                    current = process;
                    if (stopped) {
                        process.destroy();
                    }
                    int exit = process.waitFor();
                    ChildProcesses.untrack(process);
                    if (exit != 0 && !stopped) {
                        lastFailure = new CommandResult(command, exit, false, "(see " + log + ")",
                                Duration.ofNanos(System.nanoTime() - started));
                        // Do not spin on a daemon that went away.
                        Thread.sleep(200);
                    }
                } catch (IOException e) {
                    lastFailure = new CommandResult(command, -1, false, e.toString(),
                            Duration.ofNanos(System.nanoTime() - started));
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The last paplay run that failed, if any (for assertion messages). */
        public Optional<CommandResult> lastFailure() {
            return Optional.ofNullable(lastFailure);
        }

        public String device() {
            return device;
        }

        /** Stops playing at once. */
        @Override
        public void close() {
            stopped = true;
            Process process = current;
            if (process != null) {
                ChildProcesses.kill(process, Duration.ofSeconds(2));
            }
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (PulseAudioLab.this) {
                playbacks.remove(this);
            }
        }
    }

    /** parecord of a sink's monitor, running until {@link #stop()}. */
    public final class Recording {
        private final Process recorder;
        private final String sink;
        private final Path file;
        private final long startedNanos = System.nanoTime();

        private Recording(Process recorder, String sink, Path file) {
            this.recorder = recorder;
            this.sink = sink;
            this.file = file;
        }

        public Path file() {
            return file;
        }

        public String sink() {
            return sink;
        }

        /**
         * Ends the recording (SIGTERM: parecord finishes the WAV header) and returns its samples.
         *
         * @throws IllegalStateException when parecord failed or wrote nothing
         */
        public PcmAudio stop() {
            boolean diedEarly = !recorder.isAlive();
            stopQuietly();
            if (diedEarly || !Files.exists(file)) {
                throw new IllegalStateException("parecord of " + sink + ".monitor " + (diedEarly ? "ended on its own"
                        : "wrote no file") + " after " + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis()
                        + " ms\n--- " + log + " ---\n" + LabLogs.tail(log, 2000));
            }
            return WavFile.read(file);
        }

        private void stopQuietly() {
            if (recorder.isAlive()) {
                recorder.destroy();
                try {
                    if (!recorder.waitFor(5, TimeUnit.SECONDS)) {
                        ChildProcesses.kill(recorder, Duration.ofSeconds(1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    recorder.destroyForcibly();
                }
            }
            ChildProcesses.untrack(recorder);
            synchronized (PulseAudioLab.this) {
                recordings.remove(this);
            }
        }
    }

    /** Devices, then {@link #start()}. */
    public static final class Builder {
        private final Map<String, String> sinks = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();
        private Path socket;
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** Where the daemon listens; by default {@link #socketFromEnvironment()}. */
        public Builder socket(Path path) {
            socket = path.toAbsolutePath();
            return this;
        }

        /** A speaker or headset: a null sink {@code name} an engine lists as {@code description}. */
        public Builder sink(String name, String description) {
            sinks.put(checkName(name), checkDescription(description));
            return this;
        }

        /** A microphone: a capture source {@code name} listed as {@code description}, fed by {@link #play}. */
        public Builder source(String name, String description) {
            sources.put(checkName(name), checkDescription(description));
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            startTimeout = timeout;
            return this;
        }

        private static String checkDescription(String description) {
            if (description.isBlank() || description.chars().anyMatch(c -> c == '\'' || c == '"' || c == '\\' || c < ' ')) {
                throw new IllegalArgumentException("a device description needs text without quotes or backslashes: "
                        + description);
            }
            return description;
        }

        private String checkName(String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("device names are letters, digits and _: " + name);
            }
            if (sinks.containsKey(name) || sources.containsKey(name) || name.endsWith("_feed")) {
                throw new IllegalArgumentException("device name taken or reserved: " + name);
            }
            return name;
        }

        public PulseAudioLab start() {
            requireInstalled();
            Path path = socket != null ? socket : socketFromEnvironment();
            int length = path.toString().getBytes(StandardCharsets.UTF_8).length;
            if (length > MAX_SOCKET_PATH) {
                throw new IllegalStateException("the PulseAudio socket path is " + length + " bytes; a unix socket "
                        + "path must be shorter than 108: " + path + " (check out the project in a shorter folder)");
            }
            Path work;
            try {
                work = Files.createTempDirectory("pult-pulse-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp folder for PulseAudio", e);
            }
            Path log = LabLogs.directory().resolve("pulseaudio-" + Instant.now().toString().replace(':', '-') + "-"
                    + work.getFileName() + ".log");
            PulseAudioLab lab = new PulseAudioLab(path, work, log,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sinks)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources)));
            lab.launch(startTimeout);
            return lab;
        }
    }
}

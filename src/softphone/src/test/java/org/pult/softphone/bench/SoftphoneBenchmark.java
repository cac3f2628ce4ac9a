package org.pult.softphone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.pult.siplab.Tones;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent.CallStateChanged;
import org.slf4j.LoggerFactory;

/**
 * Softphone benchmark (not a JUnit test: {@code mvn verify} does not run it; {@code bench/softphone.sh}
 * does). Three parts, each on loopback with engines in file-audio mode and the app's configuration
 * ({@link SoftphoneConfig#defaults}: PCMA first, SDES-SRTP offered, no ICE):
 *
 * <ol>
 *   <li><b>memory</b>: VmRSS of this JVM (the "app") before any engine, with one engine and 0 calls,
 *       1 call and 5 calls (liblinphone holds all but the last), the far ends in a second JVM;</li>
 *   <li><b>latency</b>: many sequential calls from a caller engine to a callee engine through
 *       {@link SipRelay}, which timestamps the INVITE, 180, 200 OK and the first RTP packet each way;</li>
 *   <li><b>cpu</b>: CPU time of this JVM over a window with N engines idle, then with each of them in one
 *       call (PCMA, then opus) to N auto-answering engines in a second JVM.</li>
 * </ol>
 *
 * Options: {@code --calls 50 --warmup 3 --answer-delay-ms 300 --cpu-calls 5 --cpu-window-s 20
 * --cpu-codecs PCMA,opus --parts memory,latency,cpu --work DIR --out FILE --label TEXT}.
 */
public final class SoftphoneBenchmark {

    private static final Duration TONE_LENGTH = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(4);

    private final Map<String, String> options;
    private final Path work;
    private final Path playFile;
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();

    private SoftphoneBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Path.of(option("work", "target/softphone-bench-work")).toAbsolutePath();
        // Emptied at each start, but only a folder this benchmark made (it leaves a marker file in it).
        Path marker = work.resolve(".softphone-bench");
        if (Files.isDirectory(work) && !Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--work " + work + " is not empty and was not made by this "
                            + "benchmark; give an empty or new folder");
                }
            }
        }
        deleteTree(work);
        Files.createDirectories(work);
        Files.createFile(marker);
        this.playFile = Tones.writeSine(work.resolve("tone-440hz.wav"), Tones.A, TONE_LENGTH, 8000);
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        try {
            new SoftphoneBenchmark(options).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // engine threads would keep the JVM alive
        }
        System.exit(0);
    }

    /** belle-sip's "fast_header_address parser error for [sip:pult-PORT@:-1]" lines dropped by {@link #quietLogging}. */
    static final java.util.concurrent.atomic.AtomicLong SUPPRESSED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * WARN for everything; liblinphone's own warnings (routed through slf4j) only at ERROR, without the
     * belle-sip parser error every call between engines without an account logs (also in the tests),
     * which is counted instead.
     */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger("org.pult.softphone.linphone.liblinphone").setLevel(ch.qos.logback.classic.Level.ERROR);
            context.addTurboFilter(new ch.qos.logback.classic.turbo.TurboFilter() {
                @Override
                public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker,
                        ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level level, String format,
                        Object[] params, Throwable t) {
                    if (params != null && params.length == 2 && params[1] instanceof String message
                            && message.startsWith("fast_header_address parser error for [sip:pult-")
                            && message.endsWith("@:-1]")) {
                        SUPPRESSED.incrementAndGet();
                        return ch.qos.logback.core.spi.FilterReply.DENY;
                    }
                    return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
                }
            });
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        List<String> parts = List.of(option("parts", "memory,latency,cpu").split(","));
        line("Softphone benchmark " + option("label", "") + " — " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line("machine: " + machine());
        line("JVM: " + Runtime.version() + " " + ManagementArgs.describe());
        line("load average at start: " + ProcStats.loadAverage());
        // Memory first: this JVM has not loaded the engine yet.
        if (parts.contains("memory")) {
            memory();
        }
        if (parts.contains("latency")) {
            latency();
        }
        if (parts.contains("cpu")) {
            for (String codec : option("cpu-codecs", "PCMA,opus").split(",")) {
                cpu(codec);
            }
        }
        line("load average at end: " + ProcStats.loadAverage());
        line("belle-sip \"fast_header_address parser error for [sip:pult-PORT@:-1]\" log lines suppressed in this JVM: "
                + SUPPRESSED.get());
        String out = option("out", "");
        if (!out.isEmpty()) {
            Path file = Path.of(out);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report + "\n---- raw samples ----\n" + raw);
            System.out.println("results written to " + file);
        }
    }

    // ---- memory ------------------------------------------------------------------------------

    private void memory() throws Exception {
        section("Resident memory of the app JVM (one engine; far ends in a second JVM)");
        long self = ProcStats.self();
        Map<String, long[]> readings = new LinkedHashMap<>();
        readings.put("JVM only, engine not loaded", settledRss(self, null));
        try (PeerProcess peers = PeerProcess.start(5, SoftphoneConfig.DEFAULT_CODECS, work.resolve("memory-peers"), playFile);
                BenchPhone app = BenchPhone.start("app", work.resolve("memory-app"), playFile,
                        SoftphoneConfig.DEFAULT_CODECS, false)) {
            line("engine: liblinphone " + app.engine().engineVersion() + ", peers JVM pid " + peers.pid());
            readings.put("engine started, 0 calls", settledRss(self, peers));
            int mark = app.mark();
            List<CallId> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                CallId call = BenchPhone.done(app.engine().dial("sip:peer" + i + "@127.0.0.1:" + peers.ports().get(i)),
                        "dial peer " + i);
                app.awaitState(mark, call, CallState.ACTIVE);
                calls.add(call);
                if (i > 0) {
                    app.awaitState(mark, calls.get(i - 1), CallState.HELD);
                }
                if (i == 0) {
                    readings.put("1 call (active)", settledRss(self, peers));
                }
                Thread.sleep(500);
            }
            Map<CallId, CallState> states = app.lastStates(mark);
            readings.put("5 calls (" + describeStates(states) + ")", settledRss(self, peers));
            for (CallId call : calls) {
                app.engine().hangUp(call);
            }
            for (CallId call : calls) {
                app.awaitState(mark, call, CallState.ENDED);
            }
            readings.put("after hanging up all 5, 0 calls", settledRss(self, peers));
        }
        line(String.format(Locale.ROOT, "  %-42s %10s %10s %10s   %s", "state", "VmRSS MB", "RssAnon", "RssFile",
                "peers JVM VmRSS (5 engines)"));
        for (Map.Entry<String, long[]> reading : readings.entrySet()) {
            long[] r = reading.getValue();
            line(String.format(Locale.ROOT, "  %-42s %10.1f %10.1f %10.1f   %s", reading.getKey(), r[0] / 1024.0,
                    r[1] / 1024.0, r[2] / 1024.0, r[3] < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r[3] / 1024.0)));
            raw.append("rss ").append(reading.getKey()).append(": ").append(r[0]).append(" kB\n");
        }
        line("  (each reading after System.gc() and " + SETTLE.toSeconds() + " s of calls running)");
    }

    private static String describeStates(Map<CallId, CallState> states) {
        Map<CallState, Integer> counts = new LinkedHashMap<>();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((state, count) -> text.append(text.isEmpty() ? "" : " + ").append(count).append(' ')
                .append(state.name().toLowerCase(Locale.ROOT)));
        return text.toString();
    }

    /** {VmRSS, RssAnon, RssFile} of this JVM and VmRSS of the peers (or -1), after a GC and a pause. */
    private static long[] settledRss(long self, PeerProcess peers) throws InterruptedException {
        System.gc();
        Thread.sleep(SETTLE.toMillis());
        return new long[] {ProcStats.rssKb(self), ProcStats.statusKb(self, "RssAnon"), ProcStats.statusKb(self, "RssFile"),
                peers == null ? -1 : peers.rssKb()};
    }

    // ---- latency -----------------------------------------------------------------------------

    private void latency() throws Exception {
        int calls = intOption("calls", 50);
        int warmup = intOption("warmup", 3);
        long answerDelayMs = intOption("answer-delay-ms", 300);
        section("Latency over " + calls + " sequential calls (+" + warmup + " warm-up calls not counted), both engines "
                + "in this JVM, SIP and RTP through the relay; answer() " + answerDelayMs + " ms after the ring event");
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        String[] names = {
            "ring: INVITE forwarded to callee -> INCOMING callback (engineNanos)",
            "ring: INVITE forwarded to callee -> Java listener got INCOMING",
            "ring: INVITE forwarded to callee -> 180 Ringing back at relay",
            "answer: answer() called -> 200 OK at relay",
            "answer: answer() called -> its future completed",
            "media: answer() called -> first RTP from callee at relay",
            "media: answer() called -> first RTP from caller at relay",
            "media: 200 OK at relay -> first RTP from callee at relay",
            "media: 200 OK forwarded to caller -> first RTP from caller at relay",
            "dial: dial() called -> INVITE at relay",
            "dial: dial() called -> RINGING_OUT in Java at the caller",
        };
        for (String name : names) {
            samples.put(name, new ArrayList<>());
        }
        List<String> problems = new ArrayList<>();
        try (BenchPhone caller = BenchPhone.start("alice", work.resolve("latency-alice"), playFile,
                SoftphoneConfig.DEFAULT_CODECS, false);
                BenchPhone callee = BenchPhone.start("bob", work.resolve("latency-bob"), playFile,
                        SoftphoneConfig.DEFAULT_CODECS, false);
                SipRelay relay = new SipRelay(callee.sipPort())) {
            String uri = "sip:bob@127.0.0.1:" + relay.port();
            for (int i = 0; i < warmup + calls; i++) {
                int callerMark = caller.mark();
                int calleeMark = callee.mark();
                long start = System.nanoTime();
                long dialCalled = System.nanoTime();
                CallId outgoing = BenchPhone.done(caller.engine().dial(uri), "dial");
                BenchPhone.Seen ring = callee.awaitState(calleeMark, null, CallState.INCOMING);
                CallId incoming = ((CallStateChanged) ring.event()).call();
                BenchPhone.Seen ringingOut = caller.awaitState(callerMark, outgoing, CallState.RINGING_OUT);
                Thread.sleep(answerDelayMs);
                long answerCalled = System.nanoTime();
                var answered = callee.engine().answer(incoming);
                BenchPhone.done(answered, "answer");
                long answerDone = System.nanoTime();
                callee.awaitState(calleeMark, incoming, CallState.ACTIVE);
                caller.awaitState(callerMark, outgoing, CallState.ACTIVE);
                SipRelay.CallTrace trace = relay.callAfter(start);
                if (trace == null) {
                    throw new IllegalStateException("call " + i + " did not pass through the relay: " + relay.problems());
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while ((trace.media.firstRtpFromCallee == 0 || trace.media.firstRtpFromCaller == 0)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                BenchPhone.done(caller.engine().hangUp(outgoing), "hang up");
                caller.awaitState(callerMark, outgoing, CallState.ENDED);
                callee.awaitState(calleeMark, incoming, CallState.ENDED);
                relay.finish(trace);
                SipRelay.SipSeen invite = trace.firstInvite();
                SipRelay.SipSeen ringing = trace.firstResponse(180);
                SipRelay.SipSeen ok = trace.firstResponse(200);
                if (invite == null || ringing == null || ok == null || trace.media.firstRtpFromCallee == 0
                        || trace.media.firstRtpFromCaller == 0) {
                    problems.add("call " + i + ": missing on the wire: invite=" + invite + " 180=" + ringing + " 200=" + ok
                            + " rtp from callee=" + trace.media.firstRtpFromCallee + " from caller="
                            + trace.media.firstRtpFromCaller);
                    continue;
                }
                if (i < warmup) {
                    continue;
                }
                if (i == warmup) {
                    raw.append("---- first measured call as the relay received it (before rewriting the SDP) ----\n")
                            .append(trace.inviteText).append("\n----\n").append(trace.answerText).append("\n----\n");
                }
                double[] values = {
                    ms(ring.event().engineNanos() - invite.forwardedNanos()),
                    ms(ring.javaNanos() - invite.forwardedNanos()),
                    ms(ringing.receivedNanos() - invite.forwardedNanos()),
                    ms(ok.receivedNanos() - answerCalled),
                    ms(answerDone - answerCalled),
                    ms(trace.media.firstRtpFromCallee - answerCalled),
                    ms(trace.media.firstRtpFromCaller - answerCalled),
                    ms(trace.media.firstRtpFromCallee - ok.receivedNanos()),
                    ms(trace.media.firstRtpFromCaller - ok.forwardedNanos()),
                    ms(invite.receivedNanos() - dialCalled),
                    ms(ringingOut.javaNanos() - dialCalled),
                };
                for (int k = 0; k < names.length; k++) {
                    samples.get(names[k]).add(values[k]);
                }
                Thread.sleep(200);
            }
            problems.addAll(relay.problems());
            line("  media: " + mediaProfile(relay));
        }
        table(samples);
        if (!problems.isEmpty()) {
            line("  problems (" + problems.size() + "):");
            problems.stream().limit(20).forEach(p -> line("    " + p));
        }
    }

    /** What the callees' answers said about the media (SDES-SRTP shows as RTP/SAVP with a=crypto). */
    private static String mediaProfile(SipRelay relay) {
        Map<String, Integer> profiles = new java.util.TreeMap<>();
        for (SipRelay.CallTrace trace : relay.traces()) {
            String answer = trace.answerText;
            if (answer == null) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^m=audio \\d+ (\\S+) (\\d+)").matcher(answer);
            String profile = m.find() ? m.group(1) + " payload " + m.group(2) : "no m=audio";
            if (answer.contains("\na=crypto:")) {
                profile += " + a=crypto (SDES-SRTP)";
            }
            profiles.merge(profile, 1, Integer::sum);
        }
        return "answers by the callee: " + profiles + " (payload 8 = PCMA)";
    }

    // ---- cpu ---------------------------------------------------------------------------------

    private void cpu(String codec) throws Exception {
        int n = intOption("cpu-calls", 5);
        Duration window = Duration.ofSeconds(intOption("cpu-window-s", 20));
        section("CPU, " + codec + " only: " + n + " engines in this JVM, each in one call to one of " + n
                + " auto-answering engines in a second JVM; windows of " + window.toSeconds() + " s");
        long self = ProcStats.self();
        List<BenchPhone> apps = new ArrayList<>();
        Path folder = work.resolve("cpu-" + codec);
        try (PeerProcess peers = PeerProcess.start(n, List.of(codec), folder.resolve("peers"), playFile)) {
            for (int i = 0; i < n; i++) {
                apps.add(BenchPhone.start("app" + i, folder.resolve("app" + i), playFile, List.of(codec), false));
            }
            Thread.sleep(SETTLE.toMillis());
            double[] idle = cpuWindow(self, peers, window);
            List<CallId> calls = new ArrayList<>();
            List<Integer> marks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                marks.add(apps.get(i).mark());
                calls.add(BenchPhone.done(apps.get(i).engine().dial("sip:peer" + i + "@127.0.0.1:" + peers.ports().get(i)),
                        "dial"));
            }
            for (int i = 0; i < n; i++) {
                apps.get(i).awaitState(marks.get(i), calls.get(i), CallState.ACTIVE);
            }
            Thread.sleep(SETTLE.toMillis());
            double[] busy = cpuWindow(self, peers, window);
            for (int i = 0; i < n; i++) {
                CallState state = apps.get(i).lastStates(marks.get(i)).get(calls.get(i));
                if (state != CallState.ACTIVE) {
                    line("  WARNING: app" + i + "'s call is " + state + " at the end of the window");
                }
                apps.get(i).engine().hangUp(calls.get(i));
            }
            for (int i = 0; i < n; i++) {
                apps.get(i).awaitState(marks.get(i), calls.get(i), CallState.ENDED);
            }
            line(String.format(Locale.ROOT, "  app JVM:   %d engines idle %.2f %% of one core (%.2f %% per engine); "
                    + "%d calls %.2f %%; per active call %.2f %% of one core", n, idle[0], idle[0] / n, n, busy[0],
                    (busy[0] - idle[0]) / n));
            line(String.format(Locale.ROOT, "  peers JVM: %d engines idle %.2f %%; %d calls %.2f %%; per active call "
                    + "%.2f %% (cross-check: the other end of the same calls)", n, idle[1], n, busy[1],
                    (busy[1] - idle[1]) / n));
            raw.append(String.format(Locale.ROOT, "cpu %s: app idle %.3f busy %.3f, peers idle %.3f busy %.3f (%% of one core, %d calls)%n",
                    codec, idle[0], busy[0], idle[1], busy[1], n));
        } finally {
            for (BenchPhone app : apps) {
                app.close();
            }
        }
    }

    /** {app JVM, peers JVM} CPU over {@code window}, in % of one core. */
    private static double[] cpuWindow(long self, PeerProcess peers, Duration window) throws InterruptedException {
        long wall0 = System.nanoTime();
        long app0 = ProcStats.cpuNanos(self);
        long peers0 = peers.cpuNanos();
        Thread.sleep(window.toMillis());
        long app1 = ProcStats.cpuNanos(self);
        long peers1 = peers.cpuNanos();
        double wall = System.nanoTime() - wall0;
        return new double[] {100.0 * (app1 - app0) / wall, 100.0 * (peers1 - peers0) / wall};
    }

    // ---- output ------------------------------------------------------------------------------

    private void table(Map<String, List<Double>> samples) {
        line(String.format(Locale.ROOT, "  %-82s %5s %8s %8s %8s %8s", "measure (ms)", "n", "median", "p95", "min", "max"));
        for (Map.Entry<String, List<Double>> entry : samples.entrySet()) {
            List<Double> values = entry.getValue();
            line(String.format(Locale.ROOT, "  %-82s %5d %8.1f %8.1f %8.1f %8.1f", entry.getKey(), values.size(),
                    ProcStats.median(values), ProcStats.percentile(values, 95), ProcStats.min(values),
                    ProcStats.max(values)));
            raw.append(entry.getKey()).append(": ");
            values.forEach(v -> raw.append(String.format(Locale.ROOT, "%.2f ", v)));
            raw.append('\n');
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private void section(String title) {
        line("");
        line("== " + title);
    }

    private void line(String text) {
        System.out.println(text);
        System.out.flush();
        report.append(text).append('\n');
    }

    private static String machine() {
        String model = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException e) {
            // keep "?"
        }
        long memMb = ProcStats.statusKb(ProcStats.self(), "VmRSS") >= 0 ? totalMemoryMb() : -1;
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), " + memMb + " MB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static long totalMemoryMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The JVM options this JVM was started with, for the report. */
    static final class ManagementArgs {
        static String describe() {
            return String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-X") || a.startsWith("--enable")).toList());
        }
    }
}

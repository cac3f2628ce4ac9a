package org.pult.siplab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived external program (openssl, sipp) to completion with a time limit. */
final class ExternalCommand {

    private ExternalCommand() {
    }

    static CommandResult run(List<String> command, Path workDirectory, Duration timeout) {
        return run(command, workDirectory, java.util.Map.of(), timeout);
    }

    /** As {@link #run(List, Path, Duration)}, with {@code environment} added to the program's environment. */
    static CommandResult run(List<String> command, Path workDirectory, java.util.Map<String, String> environment,
            Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        ChildProcesses.track(process);
        OutputCollector output = OutputCollector.start(process.getInputStream(), command.getFirst());
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ChildProcesses.kill(process, Duration.ofSeconds(5));
            }
            String text = output.await(Duration.ofSeconds(5));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new CommandResult(command, finished ? process.exitValue() : -1, !finished, text, elapsed);
        } catch (InterruptedException e) {
            ChildProcesses.kill(process, Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.getFirst(), e);
        } finally {
            ChildProcesses.untrack(process);
        }
    }

    /** Reads a process's output on a virtual thread so a chatty program never blocks on a full pipe. */
    private static final class OutputCollector {
        private final StringBuilder text = new StringBuilder();
        private final Thread reader;

        private OutputCollector(InputStream in, String name) {
            this.reader = Thread.ofVirtual().name("output-of-" + name).unstarted(() -> drain(in));
        }

        static OutputCollector start(InputStream in, String name) {
            OutputCollector collector = new OutputCollector(in, name);
            collector.reader.start();
            return collector;
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the process went away; what we have is what it said
            }
        }

        String await(Duration timeout) throws InterruptedException {
            reader.join(timeout);
            synchronized (text) {
                return text.toString();
            }
        }
    }
}

package org.pult.siplab;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a long-running program under a tiny {@code sh} wrapper that holds the read end of a pipe
 * from this JVM: when the JVM goes away — even by SIGKILL, when no shutdown hook runs — the pipe
 * reaches end-of-file and the wrapper sends the program SIGTERM (SIGKILL 5 s later) and deletes
 * the program's temp folder (config, passwords). A normal {@link #stop} says "stop" on the pipe
 * first, so the folder stays for a restart. The wrapper exits with the program's exit code.
 */
final class OrphanGuard {

    /**
     * fd 3 keeps the JVM's pipe; the watchdog subshell reads it. A line ("stop") means a normal stop;
     * end-of-file means the JVM is gone: then TERM is ignored while it cleans up. When the program
     * ends on its own, the wrapper ends the watchdog (still blocked in read) and exits with its status.
     */
    private static final String SCRIPT = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null &",
            "pid=$!",
            "( orphaned=''",
            "  if ! read -r _ <&3; then orphaned=yes; trap '' TERM; fi",
            "  kill -TERM \"$pid\" 2>/dev/null",
            "  i=0",
            "  while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done",
            "  kill -KILL \"$pid\" 2>/dev/null",
            "  if [ -n \"$orphaned\" ] && [ -n \"$PULT_GUARD_CLEANUP\" ]; then rm -rf -- \"$PULT_GUARD_CLEANUP\"; fi ) &",
            "watchdog=$!",
            "wait \"$pid\"",
            "status=$?",
            "kill -TERM \"$watchdog\" 2>/dev/null",
            "exit $status");

    private OrphanGuard() {
    }

    /**
     * Starts {@code command} guarded in {@code workDirectory} (deleted if this JVM dies), stdout and
     * stderr appended to {@code log}.
     */
    static Process start(List<String> command, Path workDirectory, Path log) throws IOException {
        return start(command, workDirectory, log, java.util.Map.of());
    }

    /** As {@link #start(List, Path, Path)}, with {@code environment} added to the program's environment. */
    static Process start(List<String> command, Path workDirectory, Path log, java.util.Map<String, String> environment)
            throws IOException {
        List<String> guarded = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "pult-siplab-guard"));
        guarded.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(guarded).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PULT_GUARD_CLEANUP", workDirectory.toAbsolutePath().toString());
        Process guard = builder.start();
        ChildProcesses.track(guard);
        return guard;
    }

    /** The guarded program's process, once the wrapper has started it. */
    static Optional<ProcessHandle> program(Process guard, String binary, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<ProcessHandle> program = guard.children()
                    .filter(child -> child.info().command().map(c -> c.equals(binary)).orElse(false)).findFirst();
            if (program.isPresent() || !guard.isAlive()) {
                return program;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /**
     * Stops the program by its PID (SIGTERM, SIGKILL after {@code grace}), lets the wrapper and its
     * watchdog finish, and kills whatever is left.
     */
    static void stop(Process guard, ProcessHandle program, Duration grace) {
        List<ProcessHandle> everything = guard.descendants().toList();
        // First, while the wrapper still runs: once it exits, the JVM closes this pipe, which the
        // watchdog would take for this JVM's death.
        try {
            var toGuard = guard.getOutputStream();
            toGuard.write("stop\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            toGuard.flush();
        } catch (IOException e) {
            // the wrapper is already gone: nothing to tell it
        }
        if (program != null && program.isAlive()) {
            List<ProcessHandle> workers = program.descendants().toList();
            program.destroy();
            try {
                program.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                workers.forEach(ProcessHandle::destroyForcibly);
                program.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                program.destroyForcibly();
            }
        }
        ChildProcesses.kill(guard, Duration.ofSeconds(5));
        for (ProcessHandle left : everything) {
            if (left.isAlive()) {
                left.destroyForcibly();
            }
        }
    }
}

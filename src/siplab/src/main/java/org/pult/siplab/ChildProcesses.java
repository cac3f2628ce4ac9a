package org.pult.siplab;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every external process the lab started and has not yet stopped. A JVM shutdown hook kills what is
 * left (with its children), so no Kamailio or sipp survives the test JVM.
 */
final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "siplab-kill-children"));
    }

    private ChildProcesses() {
    }

    static void track(Process process) {
        RUNNING.add(process);
    }

    static void untrack(Process process) {
        RUNNING.remove(process);
    }

    /**
     * Stops a process and its descendants: SIGTERM first, SIGKILL for whatever is left after
     * {@code grace}. Returns when the process is gone (or after a further 5 s).
     */
    static void kill(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    child.onExit().get(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a child that does not die after SIGKILL is beyond our reach
        } finally {
            untrack(process);
        }
    }

    private static void killAll() {
        for (Process process : List.copyOf(RUNNING)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
